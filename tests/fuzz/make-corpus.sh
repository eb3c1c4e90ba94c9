#!/usr/bin/env bash
# Makes the seed corpora of the fuzz targets from the examples and fixtures in the tree:
#   tests/fuzz/make-corpus.sh OUT_DIR    -> OUT_DIR/json, OUT_DIR/yaml, OUT_DIR/text, ...
# The corpora are not committed (fuzzing grows them); docs/fuzzing.md says how to use them.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: make-corpus.sh OUT_DIR}
mkdir -p "$out"/{json,yaml,text,markdown,html,tsv,crawler,docx,xlsx}
copy() { # copy KIND FILES...: each file that exists, named by its path
  local kind=$1
  shift
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$out/$kind/$(echo "${f#"$root"/}" | tr / _)"
  done
  return 0
}
shopt -s nullglob globstar
copy json "$root"/examples/**/*.json "$root"/tests/data/hostile/*.json
copy yaml "$root"/examples/**/*.yaml "$root"/tests/data/fixtures/*.yaml
copy text "$root"/tests/data/fixtures/*.txt
copy crawler "$root"/tests/data/fixtures/crawler/*.txt
copy markdown "$root"/tests/**/*.md "$root"/tests/data/**/*.markdown
copy html "$root"/tests/**/*.html "$root"/tests/**/*.htm
copy tsv "$root"/tests/**/*.tsv
copy docx "$root"/tests/**/*.docx
copy xlsx "$root"/tests/**/*.xlsx
for kind in json yaml text crawler markdown html tsv docx xlsx; do
  # an empty corpus starts from nothing: libFuzzer still runs, from an empty input
  echo "$kind: $(find "$out/$kind" -type f | wc -l) seeds"
done
