#!/usr/bin/python3
"""Loading, validating and freeing a report 20,000 times leaks nothing.

Python's own allocations are watched with tracemalloc, the library's (malloc) through the
process's resident set size. GOVINFO_PY_MEMORY_ITERATIONS lowers the count (valgrind).
"""
import gc
import os
import shutil
import sys
import tempfile
import tracemalloc
import unittest

import govinfo
from python_support import ROOT, SANITIZED, SUIBIN, UNDER_VALGRIND, read_text

ITERATIONS = int(os.environ.get("GOVINFO_PY_MEMORY_ITERATIONS", "20000"))
# Until Python's free lists (tuples of paths, argument tuples) are full: they hold blocks
# that stay allocated, up to a bound, without being leaks.
WARM_UP = max(1, min(5000, ITERATIONS // 4))
# Growth allowed after warming up. One leaked report is tens of KiB, one leaked findings
# list or serialized document a few KiB, one leaked small string some 50 bytes: over
# 20,000 rounds each is beyond these.
PYTHON_SLACK = 64 * 1024
RSS_SLACK = 512 * 1024


def resident_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class Memory(unittest.TestCase):
    def setUp(self):
        directory = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, directory)
        # A copy whose table 3 does not add up, so every round builds findings too.
        self.broken = os.path.join(directory, "broken.yaml")
        text = read_text(SUIBIN)
        with open(self.broken, "w", encoding="utf-8") as f:
            f.write(text.replace("natural_person: 0", "natural_person: 7", 1))
        self.malformed = text[: len(text) // 2] + "\n  - [unclosed\n"

    def round(self, i):
        path = self.broken if i % 2 else SUIBIN
        report = govinfo.Report.load(path)
        result = report.validate()
        if i % 2:
            assert not result.valid and result.errors[0].path
        report["table3.new_received.natural_person"] = i
        report.organ = "某县人民政府"
        if i % 10 == 0:
            report.to_dict()
            result.to_json()
            report.copy().close()
        try:
            govinfo.Report.loads(self.malformed, format="yaml", source_name="m.yaml")
        except govinfo.ParseError:
            pass
        report.close()

    def test_load_validate_free_does_not_grow(self):
        for i in range(WARM_UP):
            self.round(i)
        gc.collect()
        tracemalloc.start()
        try:
            python_before = tracemalloc.get_traced_memory()[0]
            rss_before = resident_bytes()
            for i in range(ITERATIONS):
                self.round(i)
            gc.collect()
            python_growth = tracemalloc.get_traced_memory()[0] - python_before
            rss_growth = resident_bytes() - rss_before
        finally:
            tracemalloc.stop()
        print(f"# {ITERATIONS} rounds: Python heap {python_growth:+d} bytes, "
              f"resident {rss_growth:+d} bytes")
        self.assertLess(python_growth, PYTHON_SLACK)
        if SANITIZED or UNDER_VALGRIND:
            # ASan holds freed blocks in quarantine and valgrind has its own heap: resident
            # size says nothing there (valgrind's leak check speaks instead).
            return
        self.assertLess(rss_growth, RSS_SLACK)


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    import taprunner
    taprunner.main()
