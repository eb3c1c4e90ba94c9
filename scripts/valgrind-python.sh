#!/usr/bin/env bash
# Runs the Python binding's tests (tests/python/test_*.py) under valgrind with
# /usr/bin/python3 and the libgovinfo of BUILD_DIR. Fails on any invalid read or write, use of
# uninitialised memory or bad free (valgrind's exit status 99), on any failing test, and on any
# definite or indirect leak whose allocation stack passes through libgovinfo. The
# interpreter's own leaks at exit are not ours and are ignored. BUILD_DIR must be a build
# without sanitizers.
#   bash scripts/valgrind-python.sh BUILD_DIR
set -uo pipefail
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" && pwd)
python=/usr/bin/python3
library="$build/lib/libgovinfo.so.0"
command -v valgrind >/dev/null || { echo "valgrind not found" >&2; exit 2; }
[ -f "$library" ] || { echo "no $library: build $build first" >&2; exit 2; }

# Leak records (definitely or indirectly lost) allocated through libgovinfo, from a log.
library_leaks() {
  "$python" - "$1" <<'EOF'
import re, sys
records = re.split(r"\n==\d+== \n", open(sys.argv[1], encoding="utf-8", errors="replace").read())
for record in records:
    if re.search(r"(definitely|indirectly) lost in loss record", record) and \
            re.search(r"libgovinfo\.so|\bgovinfo_\w+", record):
        print(record)
EOF
}

ran=0
failed=0
for test_file in "$root"/tests/python/test_*.py; do
  name=$(basename "$test_file" .py)
  log="$build/meson-logs/valgrind-python-$name.log" tap="$build/meson-logs/valgrind-python-$name.tap"
  # PYTHONMALLOC=malloc: every allocation goes through malloc, so valgrind sees them all.
  # GOVINFO_LANG=zh: the CLI's language pinned as the meson suites pin it.
  GOVINFO_SOURCE_ROOT="$root" GOVINFO_BUILD_ROOT="$build" GOVINFO_CLI="$build/tools/govinfo" \
    GOVINFO_LIBRARY="$library" PYTHONPATH="$root/bindings/python:$root/tests" \
    PYTHONMALLOC=malloc PYTHONDONTWRITEBYTECODE=1 GOVINFO_TEST_VALGRIND=1 GOVINFO_LANG=zh \
    GOVINFO_PY_MEMORY_ITERATIONS="${GOVINFO_PY_MEMORY_ITERATIONS:-300}" \
    valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=none \
    --num-callers=40 --log-file="$log" "$python" "$test_file" >"$tap" 2>&1
  status=$?
  ran=$((ran + 1))
  leaks=$(library_leaks "$log")
  if [ $status -ne 0 ] || [ -n "$leaks" ] || ! grep -q "ERROR SUMMARY" "$log"; then
    failed=$((failed + 1))
    echo "not ok - $name under valgrind: exit status $status (99: memory errors; see $log)"
    grep -E "^not ok|^# " "$tap" | head -40
    grep -E "ERROR SUMMARY|^==[0-9]+== (Invalid|Conditional|Use of|Mismatched|Syscall)" "$log"
    [ -z "$leaks" ] || { echo "leaks through libgovinfo:"; echo "$leaks"; }
  else
    echo "ok - $name under valgrind: $(grep -c "^ok" "$tap") tests, $(grep -o "ERROR SUMMARY: [0-9]* errors" "$log")"
  fi
done
[ $ran -gt 0 ] || { echo "no tests/python/test_*.py found" >&2; exit 1; }
[ $failed -eq 0 ]
