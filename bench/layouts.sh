#!/bin/bash
# Import speed on every layout the importer reads, in one run of bench-govinfo --import: each
# fixture rendered as Markdown (whole, and split by a page break), HTML and tab-separated text
# (tests/markup/render.py), as Word and Excel files (tests/data/office), and the crawler
# texts, beside the fixtures' pdftotext texts and PDFs.
# usage: bench/layouts.sh BUILD_DIR [--rounds N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: bench/layouts.sh BUILD_DIR [--rounds N]}
shift
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
render() { /usr/bin/python3 "$root/tests/markup/render.py" "$@"; }
for report in "$root"/tests/data/fixtures/*.yaml; do
  case $report in *.expected.yaml) continue ;; esac
  name=$(basename "$report" .yaml)
  render "$report" markdown >"$dir/$name.md"
  render "$report" markdown --split >"$dir/$name.split.md"
  render "$report" html >"$dir/$name.html"
  render "$report" tsv >"$dir/$name.tsv"
done
cp "$root"/tests/data/office/*.docx "$root"/tests/data/office/*.xlsx "$dir/"
cp "$root"/tests/data/fixtures/*.txt "$root"/tests/data/fixtures/*.pdf "$dir/"
for text in "$root"/tests/data/fixtures/crawler/*.txt; do
  cp "$text" "$dir/crawler-$(basename "$text")"
done
GOVINFO_SOURCE_ROOT=$root "$build/bench/bench-govinfo" --import "$@" "$dir"
