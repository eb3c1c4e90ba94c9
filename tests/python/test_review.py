#!/usr/bin/python3
"""Fingerprints and suppression files from Python: the same as govinfo validate --json and
--write-suppressions, which the expectations come from."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

import govinfo
from python_support import CLI, ROOT, SUIBIN, read_text
from yaml_pointer import with_yaml_value, yaml_value_node

CELL = "/tables/table3/new_received/natural_person"


class ReviewTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="govinfo-review-")
        self.path = os.path.join(self._tmp.name, "bad.yaml")
        base = read_text(SUIBIN)
        text = with_yaml_value(base, CELL, str(int(yaml_value_node(base, CELL).value) + 1))
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(text)
        self.result = govinfo.Report.load(self.path).validate()

    def tearDown(self):
        self._tmp.cleanup()

    def cli(self, *args):
        return subprocess.run([CLI, "validate", "--quiet", *args], capture_output=True,
                              text=True, check=False)

    def test_fingerprints_are_those_of_the_cli(self):
        r = self.cli("--json", self.path)
        cli = json.loads(r.stdout.splitlines()[0])
        self.assertEqual([d.fingerprint for d in self.result],
                         [d["fingerprint"] for d in cli["diagnostics"]])
        self.assertTrue(all(len(d.fingerprint) == 16 for d in self.result))

    def test_a_set_written_here_is_the_file_the_cli_writes(self):
        review = os.path.join(self._tmp.name, "review.yaml")
        self.cli("--write-suppressions", review, self.path)
        written = govinfo.Suppressions()
        written.add(self.result, self.path)
        self.assertEqual(written.to_yaml(), read_text(review))

    def test_apply_hides_entries_with_a_reason_and_check_names_the_rest(self):
        written = govinfo.Suppressions()
        written.add(self.result, None)
        text = written.to_yaml().replace('reason: ""', 'reason: "checked"', 1)
        review = govinfo.Suppressions.parse(text, "review.yaml")
        self.assertEqual(len(review), len(self.result))
        self.assertEqual(review.entries[0].reason, "checked")
        kept = review.apply(self.result)
        self.assertEqual(len(kept), len(self.result) - 1)
        self.assertEqual(kept.suppressed_count, 1)
        self.assertEqual(review.entries[0].uses, 1)
        rules = [d.rule for d in review.check()]
        self.assertEqual(rules, ["suppression.no_reason"] * (len(self.result) - 1))
        self.assertEqual(json.loads(kept.to_json())["suppressed"], 1)

    def test_bad_files_raise_the_library_errors_with_their_location(self):
        with self.assertRaises(govinfo.SchemaError) as caught:
            govinfo.Suppressions.parse("suppressions:\n  - fingerprint: 12\n", "r.yaml")
        self.assertIn("r.yaml:2:18", str(caught.exception))
        with self.assertRaises(govinfo.ParseError):
            govinfo.Suppressions.parse("suppressions: [\n")
        with self.assertRaises(govinfo.InputOutputError):
            govinfo.Suppressions.load(os.path.join(self._tmp.name, "missing.yaml"))


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    import taprunner
    taprunner.main()
