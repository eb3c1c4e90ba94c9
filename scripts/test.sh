#!/usr/bin/env bash
# Runs every test suite: a gcc build, the static checks of scripts/lint.sh (one step per
# gate), the ABI check against abi/ (scripts/abi-check.sh), an AddressSanitizer + UBSan build,
# a clang build, a smoke run of the libFuzzer targets (tests/fuzz), the unit, CLI,
# Python-binding and Lua-binding tests under valgrind, and the C example built against the installed library through pkg-config. Ends with one line
# "N passed, N failed" (", N skipped" when any were); exits non-zero when anything failed.
# Needs scripts/setup.sh's packages.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/build-tests
rm -rf "$out"
mkdir -p "$out"
failed_steps=0
# The rendered pages and their screenshots in headless Chromium (tests/render/test_browser.py)
# are kept in build-tests/artifacts/ for people to look at: CI keeps them as artifacts.
export GOVINFO_ARTIFACTS=$out/artifacts

step() { # step NAME COMMAND...: runs a step, records its outcome for the count
  local name=$1
  shift
  echo "=== $name"
  if "$@"; then
    echo "ok - $name" >>"$out/steps.tap"
  else
    echo "not ok - $name" >>"$out/steps.tap"
    failed_steps=$((failed_steps + 1))
  fi
}

build() { # build DIR [meson options...]
  local dir=$1
  shift
  meson setup "$dir" "$@" >"$dir.setup.log" 2>&1 || { cat "$dir.setup.log"; return 1; }
  ninja -C "$dir" >"$dir.build.log" 2>&1 || { cat "$dir.build.log"; return 1; }
}

# No test reads the clock: meson's per-test timeouts only stop a hung test, and a loaded
# machine can outlast any of them. So by default this run has none (timeout multiplier 0);
# GOVINFO_TEST_TIMEOUT_MULTIPLIER=N brings them back, N times as long (10 N under valgrind).
timeout_multiplier=${GOVINFO_TEST_TIMEOUT_MULTIPLIER:-0}
suite() { # suite DIR LOGNAME [meson test options...]: its log is DIR/meson-logs/LOGNAME.json
  local dir=$1 logname=$2
  shift 2
  meson test -C "$dir" --no-rebuild --print-errorlogs --logbase "$logname" \
    --timeout-multiplier "$timeout_multiplier" "$@"
}

step "gcc build" build "$out/gcc"
step "gcc tests" suite "$out/gcc" gcc
# The gates of scripts/lint.sh, each its own step so that a failure names it. clang-tidy
# reads the gcc build's compilation database.
step "lint: clang-format (every tracked C file)" bash scripts/lint.sh "$out/gcc" format
step "lint: clang-tidy (lib/)" bash scripts/lint.sh "$out/gcc" tidy
step "lint: luacheck" bash scripts/lint.sh "$out/gcc" lua
step "lint: mypy (Python package)" bash scripts/lint.sh "$out/gcc" mypy
step "lint: pyflakes" bash scripts/lint.sh "$out/gcc" pyflakes
# The gcc build has debug information (buildtype debugoptimized), which abidiff needs.
step "ABI of libgovinfo.so.0 against abi/ (abidiff)" bash scripts/abi-check.sh "$out/gcc"
step "asan+ubsan build" build "$out/asan" -Db_sanitize=address,undefined -Db_lundef=false
step "asan+ubsan tests" suite "$out/asan" asan
build_with_clang() { CC=clang build "$@"; }
step "clang build" build_with_clang "$out/clang"
step "clang unit tests" suite "$out/clang" clang-unit --suite unit
# libFuzzer targets (tests/fuzz, docs/fuzzing.md), each up to 3000 runs or 30 s on the seed
# corpora: a smoke test, not a search. Reaching the time is no failure (libFuzzer stops and
# exits 0), so a busy machine cannot fail it; it only keeps the slow zip targets bounded.
fuzz_smoke() {
  local dir=$out/fuzz failed=0
  CC=clang build "$dir" -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dtests=false -Dbench=false || return 1
  bash tests/fuzz/make-corpus.sh "$dir/corpus" >/dev/null || return 1
  for target in "$dir"/tests/fuzz/fuzz_*; do
    [ -f "$target" ] && [ -x "$target" ] || continue
    local kind=${target##*/fuzz_}
    mkdir -p "$dir/run-$kind/new" # found inputs go here; the seeds stay as they are
    if (cd "$dir/run-$kind" && "$target" -runs=3000 -max_total_time=30 -max_len=65536 -timeout=0 new \
      "$dir/corpus/$kind") >"$dir/run-$kind.log" 2>&1; then
      echo "fuzz_$kind: $(grep -o 'Done [0-9]* runs' "$dir/run-$kind.log")"
    else
      echo "fuzz_$kind failed:" && tail -n 40 "$dir/run-$kind.log"
      failed=1
    fi
  done
  return $failed
}
step "fuzz targets (smoke)" fuzz_smoke
# Criterion runs each test in a child process and ignores how it exits, so valgrind writes
# a log per process and the step fails on any log that reports an error or a leak.
valgrind_unit_tests() {
  local logs=$out/valgrind
  rm -rf "$logs" && mkdir -p "$logs"
  suite "$out/gcc" valgrind-unit --suite unit --num-processes 2 \
    --timeout-multiplier $((timeout_multiplier * 10)) \
    --wrap="valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --trace-children=yes --log-file=$logs/%p.log" ||
    return 1
  local bad
  # A log without its summary is as bad as one with errors: the process died unchecked.
  bad=$(grep -lE "ERROR SUMMARY: [1-9]" "$logs"/*.log; grep -L "ERROR SUMMARY" "$logs"/*.log)
  [ -z "$bad" ] && return 0
  echo "valgrind found errors or lost its summary:" && cat $bad
  return 1
}
step "valgrind unit tests" valgrind_unit_tests
valgrind_cli_tests() {
  GOVINFO_TEST_WRAPPER="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
    suite "$out/gcc" valgrind-cli --suite cli --timeout-multiplier $((timeout_multiplier * 10))
}
step "valgrind CLI tests" valgrind_cli_tests
step "valgrind Python tests" bash scripts/valgrind-python.sh "$out/gcc"
step "valgrind Lua tests" bash scripts/valgrind-lua.sh "$out/gcc"

install_example() {
  local prefix=$out/install
  meson configure "$out/gcc" -Dprefix="$prefix" >/dev/null &&
    meson install -C "$out/gcc" >"$out/install.log" 2>&1 || { cat "$out/install.log"; return 1; }
  local pc
  pc=$(dirname "$(find "$prefix" -name govinfo.pc | head -n 1)")
  test -f "$prefix/share/govinfo/govinfo-report.schema.json" || { echo "schema not installed"; return 1; }
  test -x "$prefix/bin/govinfo" || { echo "CLI not installed"; return 1; }
  rm -rf "$out/example-c" && cp -r examples/c "$out/example-c"
  PKG_CONFIG_PATH=$pc make -C "$out/example-c" check_report >/dev/null || return 1
  local libdir
  libdir=$(PKG_CONFIG_PATH=$pc pkg-config --variable=libdir govinfo)
  for report in examples/reports/*.yaml; do
    LD_LIBRARY_PATH=$libdir "$out/example-c/check_report" "$report" || return 1
  done
}
step "C example against the installed library" install_example

/usr/bin/python3 scripts/count-results.py "$out/steps.tap" "$out"/*/meson-logs/*.json
