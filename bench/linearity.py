#!/usr/bin/python3
"""Every reader linear in its input: each hostile shape at size N and 2N through the CLI,
and the ratio of the two CPU times (about 2 when linear, 4 when quadratic). Reports, never
fails on a ratio (speed is measured here, not asserted in tests).

usage: bench/linearity.py [--cli build/tools/govinfo] [--size BYTES] [--rounds N]
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile


def shapes(n):
    """(name, file name, bytes of size about n, the CLI command)."""
    yield ("import: invalid UTF-8 at the end of one long line", "line.txt",
           b"a" * n + b"\xff\n", ["import", "-o", os.devnull])
    yield ("import: newlines", "newlines.txt", b"\n" * n, ["import", "-o", os.devnull])
    yield ("import: short words", "words.txt", b"0 0 0 0 0 0 0\n" * (n // 14),
           ["import", "-o", os.devnull])
    yield ("import: Markdown table rows", "rows.md",
           b"| a | b |\n|---|---|\n" + b"| 1 | 2 |\n" * (n // 10), ["import", "-o", os.devnull])
    yield ("import: HTML table cells", "cells.html",
           b"<html><body><table>" + b"<tr><td>1</td></tr>" * (n // 19) + b"</table></body></html>",
           ["import", "-o", os.devnull])
    yield ("validate: YAML nested flow lists", "deep.yaml", b"[" * (n // 2) + b"]" * (n // 2),
           ["validate"])
    yield ("validate: JSON nested lists", "deep.json", b"[" * (n // 2) + b"]" * (n // 2),
           ["validate"])
    yield ("validate: YAML long section text", "text.yaml",
           b'format: "2021"\npreface: "' + "公开".encode() * (n // 6) + b'"\n', ["validate"])
    yield ("validate: JSON long section text", "text.json",
           b'{"format":"2021","preface":"' + "公开".encode() * (n // 6) + b'"}', ["validate"])


def cpu_seconds(cli, command, path, rounds):
    best = None
    for _ in range(rounds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([cli, *command, path], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = spent if best is None else min(best, spent)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default=os.path.join("build", "tools", "govinfo"))
    parser.add_argument("--size", type=int, default=4 << 20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        print(f"{'shape':52} {'N s':>8} {'2N s':>8} {'ratio':>6}")
        for (name, file, small, command), (_, _, large, _) in zip(shapes(args.size),
                                                                  shapes(2 * args.size)):
            times = []
            for content in (small, large):
                path = os.path.join(d, file)
                with open(path, "wb") as f:
                    f.write(content)
                times.append(cpu_seconds(args.cli, command, path, args.rounds))
            ratio = times[1] / times[0] if times[0] > 0 else float("nan")
            print(f"{name:52} {times[0]:8.3f} {times[1]:8.3f} {ratio:6.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
