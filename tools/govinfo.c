#include <govinfo/govinfo.h>
int main(void) { return 0; }
