#!/usr/bin/python3
"""Validates every report (*.json, *.yaml, *.yml) in a directory and prints one row each.

    summarize.py examples/reports

Columns, tab-separated after a header line: file, organ, year, format, errors, warnings,
new applications (table3.new_received.total; "-" when absent or blank, the mark when one is
printed). A file that cannot be read is reported on stderr; the exit status is then 2.
"""
import os
import sys

import govinfo

EXTENSIONS = (".json", ".yaml", ".yml")
NEW_APPLICATIONS = "table3.new_received.total"


def row(path):
    with govinfo.Report.load(path) as report:
        result = report.validate()
        received = report.get(NEW_APPLICATIONS)
        return [os.path.basename(path), report.organ or "-", report.year or "-", report.format,
                result.error_count, result.warning_count, "-" if received is None else received]


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print(f"usage: {os.path.basename(argv[0])} DIRECTORY", file=sys.stderr)
        return 2
    names = sorted(n for n in os.listdir(argv[1]) if n.endswith(EXTENSIONS))
    print("\t".join(["file", "organ", "year", "format", "errors", "warnings",
                     "new_applications"]))
    status = 0
    for name in names:
        try:
            print("\t".join(str(value) for value in row(os.path.join(argv[1], name))))
        except govinfo.GovinfoError as error:
            print(f"{name}: {error}", file=sys.stderr)
            status = 2
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
