#!/usr/bin/python3
"""Pairs the reports of a directory (or of the files given) by body and consecutive years,
compares each pair and prints what changed.

    compare_years.py tests/data/fixtures tests/data/analysis

For each pair: the body, the two files, the share of each section's text also found in last
year's report, and the findings (year.* rules) as `govinfo compare` prints them. Then the
reports that could pair in more than one way, never guessed, and those left alone. Files that
cannot be read are reported on stderr (exit status 2).
"""
import os
import sys
from typing import List, Tuple

import govinfo

EXTENSIONS = (".json", ".yaml", ".yml")


def report_files(args: List[str]) -> List[str]:
    files = []
    for arg in args:
        if os.path.isdir(arg):
            for folder, _, names in sorted(os.walk(arg)):
                files += [os.path.join(folder, n) for n in sorted(names) if n.endswith(EXTENSIONS)]
        else:
            files.append(arg)
    return files


def load_all(files: List[str]) -> Tuple[List[str], List[govinfo.Report], int]:
    names, reports, status = [], [], 0
    for path in files:
        try:
            reports.append(govinfo.load(path))
            names.append(path)
        except govinfo.GovinfoError as error:
            print(f"{path}: {error}", file=sys.stderr)
            status = 2
    return names, reports, status


def main(argv: List[str]) -> int:
    if len(argv) < 2:
        print(f"usage: {os.path.basename(argv[0])} FILE|DIRECTORY...", file=sys.stderr)
        return 2
    names, reports, status = load_all(report_files(argv[1:]))
    pairing = govinfo.pair(reports)
    for last, this in pairing.pairs:
        result = govinfo.compare(reports[last], reports[this])
        print(f"{pairing.bodies[this]}: {names[last]} ({reports[last].year}) -> "
              f"{names[this]} ({reports[this].year})")
        shares = [f"{r.section} {r.share:.0%}" for r in result.reuse if r.chars]
        print("  text also in last year's: " + (", ".join(shares) or "-"))
        for finding in result.findings:
            print(f"  {finding}")
    for group in pairing.ambiguous:
        print("ambiguous: " + ", ".join(f"{names[i]} ({reports[i].year})" for i in group))
    for i in pairing.unpaired:
        print(f"unpaired: {names[i]} ({pairing.bodies[i] or 'no organ'}, {reports[i].year})")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
