#!/usr/bin/python3
"""Counts test cases and prints the closing line "N passed, N failed" (", N skipped" when any
were). Arguments: TAP files (the script's own steps) and meson test logs (one JSON object per
test per line). A test whose output is TAP counts each of its cases; any other test counts
once; a test that failed without reporting a failing case counts as one failure."""
import json
import re
import sys

tap_line = re.compile(r"^(ok|not ok)\b(.*)$")
passed = failed = skipped = 0


def count_tap(text):
    """(passed, failed, skipped) of the TAP lines in text."""
    ok = bad = skip = 0
    for line in text.splitlines():
        m = tap_line.match(line)
        if not m:
            continue
        if re.search(r"#\s*SKIP", m.group(2), re.I):
            skip += 1
        elif m.group(1) == "ok":
            ok += 1
        else:
            bad += 1
    return ok, bad, skip


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        if not path.endswith(".json"):
            ok, bad, skip = count_tap(f.read())
            passed, failed, skipped = passed + ok, failed + bad, skipped + skip
            continue
        for line in f:
            test = json.loads(line)
            ok, bad, skip = count_tap(test.get("stdout") or "")
            if test["result"] == "SKIP":
                ok, bad, skip = 0, 0, max(skip, 1)
            elif ok + bad + skip == 0:
                ok, bad = (1, 0) if test["result"] in ("OK", "EXPECTEDFAIL") else (0, 1)
            elif test["result"] not in ("OK", "EXPECTEDFAIL") and bad == 0:
                bad = 1
            passed, failed, skipped = passed + ok, failed + bad, skipped + skip

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed or passed == 0 else 0)
