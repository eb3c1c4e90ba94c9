#!/usr/bin/python3
"""Imports and validates a folder of published reports on a dask.distributed cluster and
gathers one tidy DataFrame (the columns of `govinfo export --to csv`).

    dask_corpus.py [--workers N] [--out cells.csv] DIRECTORY

One machine's cores are used by `govinfo import --jobs N` already; reach for this when a
corpus (mostly PDFs: pdftotext is the slow part) takes longer than one machine's cores allow.
The example starts a LocalCluster of N worker processes; point Client() at a real scheduler
to spread the same work over machines. Each task imports a slice of the files with
govinfo.import_many(), validates each report and returns its rows as a DataFrame; reports
could be returned too (they pickle through JSON). Prints a JSON summary on standard output.
Needs python3-distributed and python3-pandas (Debian).
"""
import argparse
import json
import os
import sys
from typing import List, Tuple

import pandas
from distributed import Client, LocalCluster

import govinfo

PUBLISHED = (".pdf", ".txt", ".text", ".md", ".markdown", ".html", ".htm")


def published_reports(directory: str) -> List[str]:
    """The files of a directory tree govinfo imports, in name order."""
    found = []
    for folder, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(folder, n) for n in sorted(names)
                  if n.lower().endswith(PUBLISHED) and not n.startswith(".")]
    return found


def import_slice(paths: List[str]) -> Tuple[pandas.DataFrame, List[Tuple[str, str]], int]:
    """Runs on a worker: (the rows of the reports, the files that failed, errors found)."""
    reports, failed, errors = [], [], 0
    for path, result in govinfo.import_many(paths, jobs=1):
        if isinstance(result, Exception):
            failed.append((path, str(result)))
            continue
        report, findings = result
        errors += findings.error_count + report.validate().error_count
        reports.append((path, report))
    return govinfo.to_frame(reports), failed, errors


def slices(paths: List[str], count: int) -> List[List[str]]:
    size = max(1, -(-len(paths) // count))
    return [paths[i:i + size] for i in range(0, len(paths), size)]


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", help="write the DataFrame as CSV")
    args = parser.parse_args(argv[1:])
    paths = published_reports(args.directory)
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        futures = client.map(import_slice, slices(paths, args.workers * 4))
        results = client.gather(futures)
        workers = len(client.scheduler_info()["workers"])
    frame = pandas.concat([r[0] for r in results], ignore_index=True) if results else \
        pandas.DataFrame(columns=govinfo.frame_columns())
    failed = [f for r in results for f in r[1]]
    for path, why in failed:
        print(f"{path}: {why}", file=sys.stderr)
    if args.out:
        frame.to_csv(args.out, index=False)
    received = frame[(frame.cell_id == "table3.new_received.total")].value.sum()
    print(json.dumps({"files": len(paths), "reports": int(frame.source.nunique()),
                      "failed": len(failed), "rows": len(frame), "workers": workers,
                      "errors": sum(r[2] for r in results),
                      "new_received_total": float(received)}))
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
