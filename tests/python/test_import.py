#!/usr/bin/python3
"""govinfo.import_text() and govinfo.import_file(): the binding returns what the library reads.

Expected values come from the fixtures' hand-checked documents (tests/data/fixtures) and from
`govinfo import`, never from the binding under test.
"""
import hashlib
import json
import os
from decimal import Decimal
import shutil
import subprocess
import tempfile
import unittest

import govinfo
from python_support import CLI, ROOT

FIXTURES = os.path.join(ROOT, "tests", "data", "fixtures")


def fixture(name):
    return os.path.join(FIXTURES, name)


def cli_import(path):
    """The report and the import findings' rule ids as `govinfo import --json` gives them."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.json")
        run = subprocess.run([CLI, "import", "--json", path, "-o", out], capture_output=True,
                             text=True)
        with open(out, encoding="utf-8") as f:
            report = json.load(f, parse_float=Decimal)
    stages = [json.loads(line) for line in run.stderr.splitlines() if line.startswith("{")]
    imported = next(s for s in stages if s["stage"] == "import")
    checked = next(s for s in stages if s["stage"] == "validate")
    return report, [d["rule"] for d in imported["diagnostics"] + checked["diagnostics"]]


class ImportText(unittest.TestCase):
    def test_a_layout_text_gives_the_same_report_as_the_cli(self):
        path = fixture("huaian-hongze-2023.layout.txt")
        with open(path, "rb") as f:
            report, findings = govinfo.import_text(f.read(), source_name=path)
        expected, rules = cli_import(path)
        # A memory import knows the bytes, not where they came from: provenance apart, equal.
        self.assertEqual(expected.pop("source"), path)
        self.assertEqual(report.to_dict(), expected)
        self.assertEqual([d.rule for d in findings.diagnostics], rules)
        # the misspelt label, and the publication date this PDF does not print
        self.assertIn("import.label_variant", rules)
        self.assertIn("import.metadata_missing", rules)
        # the report prints its table-4 totals as 0: the import is not valid, as the CLI says
        self.assertIn("table4.row_total", rules)
        self.assertFalse(findings.valid)
        self.assertFalse(findings)
        self.assertGreaterEqual(findings.error_count, 2)
        self.assertEqual(json.loads(findings.to_json())["errors"], findings.error_count)
        self.assertEqual(report["table4.review.total"], 0)
        self.assertEqual(report.format, "2021")
        self.assertEqual(report.year, 2023)

    def test_str_and_kinds(self):
        with open(fixture("suibin-2020.txt"), encoding="utf-8") as f:
            text = f.read()
        report, findings = govinfo.import_text(text, kind="text")
        self.assertEqual(report.organ, "绥滨镇人民政府")
        self.assertTrue(findings.valid)
        with self.assertRaises(ValueError):
            govinfo.import_text(text, kind="pdf")
        with self.assertRaises(TypeError):
            govinfo.import_text(42)

    def test_text_that_is_no_report_raises_parse_error(self):
        with self.assertRaises(govinfo.ParseError) as caught:
            govinfo.import_text("hello\nworld\n", source_name="hello.txt")
        self.assertEqual(caught.exception.file, "hello.txt")

    def test_unread_cells_are_absent_and_named(self):
        # huaian-city-2024.txt prints table 4 scrambled between column groups
        report, findings = govinfo.import_file(fixture("huaian-city-2024.txt"))
        unread = [d for d in findings.diagnostics if d.rule == "import.cell_unread"]
        self.assertEqual(len(unread), 1)  # one finding for the table: none of it is read
        self.assertEqual(len(unread[0].paths), 15)
        self.assertFalse(findings.valid)
        with self.assertRaises(KeyError):
            report["table4.review.total"]
        self.assertIn("/tables/table4/review/total", unread[0].paths)
        self.assertGreater(unread[0].line, 0)


class ImportFile(unittest.TestCase):
    @unittest.skipUnless(shutil.which("pdftotext"), "pdftotext (poppler-utils) is not installed")
    def test_a_pdf_reads_like_its_layout_text(self):
        from_pdf, _ = govinfo.import_file(fixture("huaian-city-2024.pdf"))
        from_text, _ = govinfo.import_file(fixture("huaian-city-2024.layout.txt"))
        pdf, text = from_pdf.to_dict(), from_text.to_dict()
        with open(fixture("huaian-city-2024.pdf"), "rb") as f:
            self.assertEqual(pdf.pop("source_sha256"), hashlib.sha256(f.read()).hexdigest(),
                             "the PDF's own bytes are hashed, not its text")
        self.assertEqual(pdf.pop("source"), fixture("huaian-city-2024.pdf"))
        for key in ("source", "source_sha256"):
            text.pop(key)
        self.assertEqual(pdf, text)
        self.assertEqual(from_pdf["table2_art20_8.admin_fees.fee_amount"].as_tuple().exponent, -1)

    def test_a_missing_file_raises_os_error(self):
        with self.assertRaises(OSError):
            govinfo.import_file(os.path.join(FIXTURES, "no-such-report.txt"))


if __name__ == "__main__":
    import taprunner
    taprunner.main()
