#!/usr/bin/env bash
# Checks the built libgovinfo.so.0 against the ABI baseline kept in abi/:
#
#   abi/libgovinfo.so.0.abi  abidw's description of the exported functions and the public
#                            types they reach (include/govinfo; private types dropped)
#   abi/symbols.txt          the exported symbols, one a line, sorted
#   abi/suppressions         changes the promises allow (docs/api-stability.md), which
#                            abidiff is told not to report
#
# Usage: scripts/abi-check.sh [--update] [--baseline DIR] BUILD_DIR
#
# Fails when a symbol of the baseline is gone or abidiff finds an existing function or type
# changed. Added symbols pass, but are listed with a hint to record them in the baseline:
# scripts/abi-check.sh --update BUILD_DIR rewrites abi/ from the library in BUILD_DIR (a
# build with debug information, e.g. meson's default buildtype debugoptimized).
# --baseline DIR reads and writes DIR instead of abi/ (for testing this script).
# Needs abigail-tools (abidw, abidiff) and binutils (nm).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

usage() {
  sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}
update=false
baseline=$root/abi
while [ $# -gt 0 ]; do
  case $1 in
  --update) update=true ;;
  --baseline) [ $# -ge 2 ] || usage; baseline=$2; shift ;;
  -h | --help) usage ;;
  -*) usage ;;
  *) break ;;
  esac
  shift
done
[ $# -eq 1 ] || usage
build=$(cd "$1" 2>/dev/null && pwd) || { echo "abi-check: no build directory $1" >&2; exit 2; }
for program in abidw abidiff nm; do
  command -v "$program" >/dev/null ||
    { echo "abi-check: $program is missing (Debian: abigail-tools, binutils)" >&2; exit 2; }
done

# The shared library as the build names it (meson's introspection knows where it is).
library=$(cd "$build" && meson introspect --targets 2>/dev/null | /usr/bin/python3 -c '
import json, sys
for target in json.load(sys.stdin):
    if target["type"] == "shared library" and target["name"] == "govinfo":
        print(target["filename"][0])')
[ -n "$library" ] && [ -f "$library" ] ||
  { echo "abi-check: no built libgovinfo in $build (run ninja -C $build)" >&2; exit 2; }

# Public headers: those of the tree the library was built from, and the generated version.h.
# (Types declared elsewhere count as private: with the wrong directory abidw would keep no
# type at all, only symbols.)
source=$(/usr/bin/python3 -c '
import json, sys
print(json.load(open(sys.argv[1]))["directories"]["source"])' "$build/meson-info/meson-info.json")
headers=()
for dir in "$source/include/govinfo" "$build/include/govinfo"; do
  [ -d "$dir" ] && headers+=(--headers-dir "$dir")
done

symbols() { # the exported (defined, global) symbols of a library, sorted
  nm -D --defined-only "$1" | awk 'NF == 3 && $2 ~ /^[TDBRVWiu]$/ { print $3 }' | LC_ALL=C sort
}

if $update; then
  mkdir -p "$baseline" || exit 2
  # Locations and build paths left out, so that the file changes only with the ABI.
  abidw "${headers[@]}" --drop-private-types --exported-interfaces-only --drop-undefined-syms \
    --no-corpus-path --no-comp-dir-path --no-show-locs --type-id-style hash "$library" |
    sed -E "s|path='(\.\./)+|path='|" >"$baseline/libgovinfo.so.0.abi.new" &&
    grep -q '<function-decl' "$baseline/libgovinfo.so.0.abi.new" ||
    { echo "abi-check: abidw found no functions with debug information in $library" >&2
      rm -f "$baseline/libgovinfo.so.0.abi.new"; exit 1; }
  mv "$baseline/libgovinfo.so.0.abi.new" "$baseline/libgovinfo.so.0.abi"
  symbols "$library" >"$baseline/symbols.txt"
  echo "abi-check: wrote $baseline/libgovinfo.so.0.abi and $baseline/symbols.txt" \
    "($(wc -l <"$baseline/symbols.txt") symbols) from $library"
  exit 0
fi

for f in libgovinfo.so.0.abi symbols.txt; do
  [ -f "$baseline/$f" ] || { echo "abi-check: no baseline $baseline/$f" >&2; exit 2; }
done
suppressions=()
[ -f "$baseline/suppressions" ] && suppressions=(--suppressions "$baseline/suppressions")

failed=false
current=$(symbols "$library")
removed=$(LC_ALL=C comm -23 "$baseline/symbols.txt" <(echo "$current"))
added=$(LC_ALL=C comm -13 "$baseline/symbols.txt" <(echo "$current"))
if [ -n "$removed" ]; then
  echo "abi-check: symbols of the baseline no longer exported by $library:"
  sed 's/^/  /' <<<"$removed"
  failed=true
fi

# abidiff's exit status is a bit field: 1 error, 2 usage error, 4 ABI change, 8 incompatible
# change. A second run that leaves out added functions tells additions from other changes.
# The library's side is read whole: the baseline already holds only public types, and an
# opaque type (declared in include/govinfo, defined in lib/) compares as unchanged whatever
# its definition. (--hd2 would make abidiff drop every type of the baseline, which has no
# locations.)
abidiff_run() {
  abidiff --exported-interfaces-only --fail-no-debug-info "${suppressions[@]}" "$@" \
    "$baseline/libgovinfo.so.0.abi" "$library"
}
report=$(abidiff_run)
status=$?
if [ $status -ne 0 ]; then
  echo "$report"
  if [ $((status & 3)) -ne 0 ]; then
    echo "abi-check: abidiff could not compare (exit status $status)"
    failed=true
  elif [ $((status & 8)) -ne 0 ]; then
    echo "abi-check: abidiff found an incompatible change"
    failed=true
  elif ! abidiff_run --no-added-syms >/dev/null; then
    echo "abi-check: abidiff found an existing function or type changed"
    failed=true
  fi
fi

if [ -n "$added" ]; then
  echo "abi-check: exported by $library, not in the baseline (allowed):"
  sed 's/^/  /' <<<"$added"
  echo "Record them: scripts/abi-check.sh --update $1 (and commit abi/)"
fi
if $failed; then
  echo "abi-check: FAILED: the ABI of libgovinfo.so.0 changed incompatibly. Restore it, or" \
    "bump soversion in meson.build and then run scripts/abi-check.sh --update $1"
  exit 1
fi
echo "abi-check: $library keeps the ABI of $baseline ($(wc -l <"$baseline/symbols.txt") symbols)"
