#!/usr/bin/python3
"""Counts test cases across meson build directories and a TAP file of extra steps, and prints
the closing line "N passed, N failed". A TAP test counts each of its cases; any other test
counts once. A test that failed without reporting a failing case counts as one failure."""
import json
import os
import re
import sys

passed = failed = 0
tap_line = re.compile(r"^(ok|not ok)\b")


def count_tap(text):
    ok = bad = 0
    for line in text.splitlines():
        m = tap_line.match(line)
        if m:
            if m.group(1) == "ok":
                ok += 1
            else:
                bad += 1
    return ok, bad


for arg in sys.argv[1:]:
    if os.path.isfile(arg):
        with open(arg, encoding="utf-8") as f:
            ok, bad = count_tap(f.read())
        passed += ok
        failed += bad
        continue
    logs = []
    log = os.path.join(arg, "meson-logs", "testlog.json")
    if os.path.isfile(log):
        logs.append(log)
    logs += [os.path.join(arg, "meson-logs", n) for n in sorted(os.listdir(os.path.join(arg, "meson-logs")))
             if n.startswith("testlog-") and n.endswith(".json")] if os.path.isdir(os.path.join(arg, "meson-logs")) else []
    for path in logs:
        with open(path, encoding="utf-8") as f:
            for line in f:
                t = json.loads(line)
                ok, bad = count_tap(t.get("stdout") or "")
                good = t["result"] in ("OK", "EXPECTEDFAIL", "SKIP")
                if ok + bad == 0:
                    ok, bad = (1, 0) if good else (0, 1)
                elif not good and bad == 0:
                    bad = 1
                passed += ok
                failed += bad

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
