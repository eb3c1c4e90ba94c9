#include "govinfo/common.h"
#include "govinfo/version.h"

const char *govinfo_version_string(void) { return GOVINFO_VERSION_STRING; }
int govinfo_version_number(void) { return GOVINFO_VERSION_NUMBER; }
