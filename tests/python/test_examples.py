#!/usr/bin/python3
"""examples/python/summarize.py on examples/reports and on a directory it has to cope with.

The expected rows come from the reports read with PyYAML and from `govinfo validate --json`.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from python_support import (CLI, EXAMPLE_REPORTS, REPORTS, ROOT, SUIBIN, read_text,
                            run_python, yaml_document)
from yaml_pointer import with_yaml_value

SUMMARIZE = os.path.join(ROOT, "examples", "python", "summarize.py")
HEADER = ["file", "organ", "year", "format", "errors", "warnings", "new_applications"]


def cli_counts(path):
    run = subprocess.run([CLI, "validate", "--json", path], stdout=subprocess.PIPE, text=True,
                         encoding="utf-8")
    found = json.loads(run.stdout)
    return str(found["errors"]), str(found["warnings"])


def expected_row(path):
    document = yaml_document(path)
    received = document["tables"]["table3"]["new_received"].get("total")
    return [os.path.basename(path), document["organ"], str(document["year"]),
            document["format"], *cli_counts(path), "-" if received is None else str(received)]


def summarize(directory):
    return run_python([SUMMARIZE, directory])


class Summarize(unittest.TestCase):
    def setUp(self):
        if not CLI:
            self.skipTest("GOVINFO_CLI is not set")

    def rows(self, run):
        lines = run.stdout.splitlines()
        self.assertEqual(lines[0].split("\t"), HEADER)
        return [line.split("\t") for line in lines[1:]]

    def test_one_row_per_example_report(self):
        run = summarize(REPORTS)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(run.stderr, "")
        rows = self.rows(run)
        self.assertEqual(len(rows), len(EXAMPLE_REPORTS))
        self.assertEqual(rows, [expected_row(p) for p in EXAMPLE_REPORTS])
        self.assertEqual(sorted(r[1] for r in rows), sorted(["绥滨镇人民政府", "淮安市人民政府"]))

    def test_errors_blanks_and_unreadable_files(self):
        directory = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, directory)
        text = read_text(SUIBIN)
        received = yaml_document(SUIBIN)["tables"]["table3"]["new_received"]
        unbalanced = with_yaml_value(text, "/tables/table3/new_received/natural_person",
                                     str(received["natural_person"] + 4))
        blank_total = with_yaml_value(text, "/tables/table3/new_received/total", "null")
        files = {"a-unbalanced.yaml": unbalanced, "b-blank.yaml": blank_total,
                 "c-broken.yaml": "format: [\n", "notes.txt": "not a report"}
        for name, content in files.items():
            with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
                f.write(content)
        run = summarize(directory)
        self.assertEqual(run.returncode, 2)
        self.assertIn("c-broken.yaml", run.stderr)
        rows = self.rows(run)
        self.assertEqual([r[0] for r in rows], ["a-unbalanced.yaml", "b-blank.yaml"])
        for r in rows:
            self.assertEqual(r, expected_row(os.path.join(directory, r[0])))
        self.assertNotEqual(rows[0][4], "0")  # the unbalanced report has errors
        self.assertEqual(rows[1][6], "-")

    def test_usage(self):
        run = summarize(os.path.join(REPORTS, "no-such-directory"))
        self.assertEqual(run.returncode, 2)
        self.assertIn("usage", run.stderr)


COMPARE_YEARS = os.path.join(ROOT, "examples", "python", "compare_years.py")


class CompareYears(unittest.TestCase):
    def setUp(self):
        if not CLI:
            self.skipTest("GOVINFO_CLI is not set")

    def test_pairs_compares_and_prints_what_govinfo_compare_finds(self):
        fixtures = os.path.join(ROOT, "tests", "data", "fixtures")
        directory = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, directory)
        for name in ("huaian-hongze-2023.yaml", "huaian-hongze-2024.yaml", "suibin-2020.yaml",
                     "huaian-city-2024.yaml"):
            shutil.copy(os.path.join(fixtures, name), directory)
        suibin_2021 = os.path.join(ROOT, "tests", "data", "analysis", "suibin-2021.yaml")
        run = run_python([COMPARE_YEARS, directory, suibin_2021])
        self.assertEqual(run.returncode, 0, run.stderr)
        lines = run.stdout.splitlines()
        h23, h24 = (os.path.join(directory, f"huaian-hongze-{y}.yaml") for y in (2023, 2024))
        s20 = os.path.join(directory, "suibin-2020.yaml")
        self.assertIn(f"洪泽区人民政府: {h23} (2023) -> {h24} (2024)", lines)
        self.assertIn(f"绥滨镇人民政府: {s20} (2020) -> {suibin_2021} (2021)", lines)
        self.assertIn(f"unpaired: {os.path.join(directory, 'huaian-city-2024.yaml')} "
                      "(淮安市人民政府, 2024)", lines)
        # the findings, as `govinfo compare` prints them
        cli = subprocess.run([CLI, "compare", s20, suibin_2021], stdout=subprocess.PIPE,
                             text=True, encoding="utf-8")
        findings = [line for line in cli.stdout.splitlines() if line.endswith("]")]
        self.assertEqual(len(findings), 1)
        self.assertIn("  " + findings[0], lines)

    def test_unreadable_files_exit_2(self):
        directory = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, directory)
        with open(os.path.join(directory, "broken.yaml"), "w", encoding="utf-8") as f:
            f.write("format: [\n")
        run = run_python([COMPARE_YEARS, directory])
        self.assertEqual(run.returncode, 2)
        self.assertIn("broken.yaml", run.stderr)
        self.assertEqual(run_python([COMPARE_YEARS]).returncode, 2)


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    import taprunner
    taprunner.main()
