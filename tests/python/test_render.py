#!/usr/bin/python3
"""Report.render() and Report.render_file() (EXPERIMENTAL): the same pages as `govinfo
render`, findings shown, filtered or left out, files written atomically, errors as the
binding's exceptions."""
import os
import subprocess
import tempfile
import unittest

import govinfo
from python_support import CLI, HUAIAN


class RenderTests(unittest.TestCase):
    def setUp(self):
        self.report = govinfo.Report.load(HUAIAN)
        self.report["table3.granted.research"] = 5  # the row no longer adds up

    def tearDown(self):
        self.report.close()

    def cli(self, *args):
        return subprocess.run([CLI, "render", HUAIAN] + list(args), capture_output=True,
                              check=True).stdout.decode()

    def test_same_page_as_the_cli(self):
        clean = govinfo.Report.load(HUAIAN)
        self.assertEqual(clean.render(), self.cli())
        self.assertEqual(clean.render("md", findings=False), self.cli("--to", "md",
                                                                      "--no-findings"))
        clean.close()

    def test_findings_shown_filtered_or_left_out(self):
        self.assertIn("[table3.row_total]", self.report.render())
        self.assertNotIn("[table3.row_total]", self.report.render(findings=False))
        self.assertIn("sum of the six applicant columns", self.report.render(lang="en"))
        clean = govinfo.Report.load(HUAIAN)
        # a list the caller chose: no finding in it (淮安市 prints no publication date)
        none = clean.validate(disable=["meta.published_missing"])
        page = self.report.render(findings=none)
        self.assertNotIn("[table3.row_total]", page)
        self.assertIn("未发现问题", page)
        clean.close()

    def test_render_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            for name in ("r.html", "r.md", "r.xlsx"):
                path = os.path.join(tmp, name)
                self.report.render_file(path)
                self.assertGreater(os.path.getsize(path), 1000)
            with open(os.path.join(tmp, "r.md"), encoding="utf-8") as f:
                self.assertTrue(f.read().startswith("# "))
            with self.assertRaises(govinfo.GovinfoError):
                self.report.render_file(os.path.join(tmp, "no", "such.html"))
            self.assertEqual(sorted(os.listdir(tmp)), ["r.html", "r.md", "r.xlsx"])

    def test_bad_arguments(self):
        with self.assertRaises(ValueError):
            self.report.render("pdf")
        with self.assertRaises(ValueError):
            self.report.render(lang="fr")
        with self.assertRaises(govinfo.GovinfoError):
            self.report.render("xlsx")


if __name__ == "__main__":
    import taprunner
    taprunner.main()
