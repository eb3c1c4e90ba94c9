#!/usr/bin/env bash
# Static checks, each a gate of its own:
#
#   format    clang-format --dry-run --Werror over every tracked *.c and *.h (.clang-format)
#   tidy      clang-tidy over every tracked lib/**.c, with BUILD_DIR/compile_commands.json
#             (the checks and why each is on: .clang-tidy)
#   lua       luacheck over bindings/lua, tests/lua and examples/lua (.luacheckrc)
#   mypy      mypy --strict over the Python package (bindings/python/pyproject.toml)
#   pyflakes  pyflakes over every tracked *.py
#
# Usage: scripts/lint.sh BUILD_DIR [GATE...]   (no GATE: all of them, in the order above)
# BUILD_DIR is a configured and built meson build directory; tidy reads its compilation
# database and mypy keeps its cache there. Exits non-zero when any gate fails; each failure
# is named. Needs scripts/debian-packages.txt (clang-format, clang-tidy, lua-check,
# python3-mypy, pyflakes3).
set -uo pipefail
cd "$(dirname "$0")/.."

all_gates=(format tidy lua mypy pyflakes)
if [ $# -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'
  exit 2
fi
build=$(cd "$1" 2>/dev/null && pwd) || { echo "lint: no build directory $1" >&2; exit 2; }
shift
gates=("$@")
[ ${#gates[@]} -gt 0 ] || gates=("${all_gates[@]}")

need() { # need PROGRAM DEBIAN-PACKAGE
  command -v "$1" >/dev/null && return 0
  echo "lint: $1 is missing (Debian package $2; scripts/setup.sh installs it)"
  return 1
}

lint_format() {
  need clang-format clang-format || return 1
  local files=() bad=() f
  mapfile -t files < <(git ls-files -- '*.c' '*.h')
  for f in "${files[@]}"; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
  done
  if [ ${#bad[@]} -eq 0 ]; then
    echo "clang-format: ${#files[@]} files as .clang-format lays them out"
    return 0
  fi
  echo "clang-format: ${#bad[@]} of ${#files[@]} files differ from .clang-format's layout:"
  for f in "${bad[@]}"; do
    echo "  $f ($(clang-format "$f" | diff "$f" - | grep -c '^[<>]') lines differ)"
  done
  # The first differences in full, to see what kind they are.
  clang-format --dry-run "${bad[0]}" 2>&1 | head -n 20
  echo "Fix with: clang-format -i FILE..."
  return 1
}

lint_tidy() {
  need clang-tidy clang-tidy || return 1
  local db=$build/compile_commands.json
  [ -f "$db" ] || { echo "clang-tidy: no $db (configure the build with meson)"; return 1; }
  # Only sources the build compiles: one left out by a meson option has no flags to use.
  local compiled files=() skipped=() f
  compiled=$(/usr/bin/python3 -c '
import json, os, sys
for entry in json.load(open(sys.argv[1])):
    print(os.path.normpath(os.path.join(entry["directory"], entry["file"])))' "$db")
  while IFS= read -r f; do
    if grep -qxF "$PWD/$f" <<<"$compiled"; then files+=("$f"); else skipped+=("$f"); fi
  done < <(git ls-files -- 'lib/*.c')
  [ ${#skipped[@]} -eq 0 ] || echo "clang-tidy: not built, not checked: ${skipped[*]}"
  [ ${#files[@]} -gt 0 ] || { echo "clang-tidy: no lib/ source in $db"; return 1; }
  local logs
  logs=$(mktemp -d) || return 1
  # One log per file, so two files checked at once do not interleave their findings.
  printf '%s\0' "${files[@]}" |
    xargs -0 -P "$(nproc)" -I {} sh -c \
      'clang-tidy -p "$1" --quiet "$2" >"$3/$(echo "$2" | tr / _).log" 2>&1' \
      sh "$build" {} "$logs"
  local status=$?
  cat "$logs"/*.log | grep -vE '^[0-9]+ (warnings?|errors?) (generated|treated as errors)\.?$'
  rm -rf "$logs"
  if [ $status -eq 0 ]; then
    echo "clang-tidy: ${#files[@]} files of lib/, no finding (.clang-tidy)"
    return 0
  fi
  echo "clang-tidy: findings above (checks and reasons: .clang-tidy)"
  return 1
}

lint_lua() {
  need luacheck lua-check || return 1
  luacheck --no-color --quiet bindings/lua tests/lua examples/lua
}

lint_mypy() {
  /usr/bin/python3 -m mypy --version >/dev/null 2>&1 ||
    { echo "lint: mypy is missing (Debian package python3-mypy)"; return 1; }
  /usr/bin/python3 -m mypy --config-file bindings/python/pyproject.toml \
    --cache-dir "$build/mypy-cache" bindings/python/govinfo
}

lint_pyflakes() {
  need pyflakes3 pyflakes3 || return 1
  local files=()
  mapfile -t files < <(git ls-files -- '*.py')
  pyflakes3 "${files[@]}" && echo "pyflakes: ${#files[@]} files, nothing found"
}

failed=()
for gate in "${gates[@]}"; do
  case $gate in
  format | tidy | lua | mypy | pyflakes) ;;
  *) echo "lint: unknown gate $gate (gates: ${all_gates[*]})" >&2; exit 2 ;;
  esac
  echo "--- lint: $gate"
  "lint_$gate" || failed+=("$gate")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "lint: failed: ${failed[*]}"
  exit 1
fi
