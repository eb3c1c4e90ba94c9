#!/usr/bin/env bash
# Runs the Lua binding's busted specs (tests/lua/spec) under valgrind on every Lua variant
# whose govinfo.core BUILD_DIR holds (lua5.1, lua5.4, luajit). Fails on any memory error
# and on any definite or indirect leak. BUILD_DIR must be a build without sanitizers.
#   bash scripts/valgrind-lua.sh BUILD_DIR
set -uo pipefail
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" && pwd)
busted=$(command -v busted) || { echo "busted not found (Debian package lua-busted)" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind not found" >&2; exit 2; }

lua_path="$root/bindings/lua/?.lua;$root/bindings/lua/?/init.lua;$root/tests/lua/?.lua;;"
ran=0
failed=0
for pair in 5.1:lua5.1 5.4:lua5.4 jit:luajit; do
  variant=${pair%%:*} lua=${pair#*:}
  module="$build/bindings/lua/$variant/govinfo/core.so"
  if [ ! -f "$module" ] || ! command -v "$lua" >/dev/null; then
    echo "skip $lua: no $module or no $lua"
    continue
  fi
  lua_cpath="$build/bindings/lua/$variant/?.so;;"
  log="$build/meson-logs/valgrind-lua-$variant.log" tap="$build/meson-logs/valgrind-lua-$variant.tap"
  # LuaJIT (Debian's build) runs clean under plain valgrind: no suppressions needed.
  GOVINFO_SOURCE_ROOT="$root" GOVINFO_BUILD_ROOT="$build" GOVINFO_CLI="$build/tools/govinfo" \
    LUA_PATH="$lua_path" LUA_PATH_5_4="$lua_path" LUA_CPATH="$lua_cpath" LUA_CPATH_5_4="$lua_cpath" \
    GOVINFO_LANG=zh \
    valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --log-file="$log" "$lua" "$busted" -o TAP "$root/tests/lua/spec" >"$tap" 2>&1
  status=$?
  ran=$((ran + 1))
  if [ $status -ne 0 ]; then
    failed=$((failed + 1))
    echo "not ok - $lua under valgrind: exit status $status (99: memory errors or leaks; see $log)"
    grep -E "^not ok|^# " "$tap"
    grep -E "ERROR SUMMARY|(definitely|indirectly) lost in|^==[0-9]+== (Invalid|Conditional|Use of|Mismatched)" "$log"
  else
    echo "ok - $lua under valgrind: $(grep "^ok" "$tap" | grep -vc "# SKIP") specs passed, $(grep -o "ERROR SUMMARY: [0-9]* errors" "$log")"
  fi
done
[ $ran -gt 0 ] || { echo "no Lua module found in $build/bindings/lua" >&2; exit 1; }
[ $failed -eq 0 ]
