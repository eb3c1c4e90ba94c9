#!/usr/bin/python3
"""Runs examples/lua/check.lua and the README's Lua lines on one Lua interpreter.

check.lua must print the same findings as `govinfo validate --lang en` (the CLI, written in
C, is the reference), its own summary line, and exit 0 / 1 / 2 like the C example.

Environment (set by tests/lua/meson.build): GOVINFO_LUA is the interpreter, LUA_PATH and
LUA_CPATH (and their _5_4 forms) find the binding just built, GOVINFO_CLI is the CLI,
GOVINFO_SOURCE_ROOT the source tree.
"""
import glob
import os
import re
import subprocess
import tempfile
import unittest

import yaml

ROOT = os.environ["GOVINFO_SOURCE_ROOT"]
LUA = os.environ["GOVINFO_LUA"]
CLI = os.environ["GOVINFO_CLI"]
CHECK = os.path.join(ROOT, "examples", "lua", "check.lua")
README_LINES = os.path.join(ROOT, "tests", "lua", "readme_example.lua")
HUAIAN = os.path.join(ROOT, "examples", "reports", "huaian-2024.yaml")

# What the README's lines print: the two identities that the changed cell breaks, and the
# publication date the report does not print (no line: the file has no such key).
README_OUTPUT = (
    "242\terror\tnew received + carried over (3036) ≠ results total + carried forward (3035)"
    " in column natural_person (自然人); the terms: new_received = 3002, carried_over = 34"
    " (line 66), result_total = 2932 (line 242), carry_forward = 103 (line 250)"
    "\ttable3.balance\n"
    "64\terror\tsum of the six applicant columns (3120) ≠ total (3119) in row new_received"
    " (一、本年新收政府信息公开申请数量)\ttable3.row_total\n"
    "nil\twarning\tthe publication date is missing: give the date the report was published"
    " (published: YYYY-MM-DD)\tmeta.published_missing\n")


def run(argv, cwd=None):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          encoding="utf-8", cwd=cwd, stdin=subprocess.DEVNULL)


def check(path):
    return run([LUA, CHECK, path])


def cli_findings(path):
    """The CLI's finding lines for a file, and how many are errors and warnings."""
    lines = run([CLI, "validate", "--quiet", "--lang", "en", path]).stdout.splitlines()
    errors = sum(1 for line in lines if re.match(r"[^ ]*: error: ", line))
    warnings = sum(1 for line in lines if re.match(r"[^ ]*: warning: ", line))
    return lines, errors, warnings


class CheckLua(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def tmp_path(self, name):
        return os.path.join(self.tmp.name, name)

    def assert_like_cli(self, path, status, verdict):
        """check.lua's output on path: the CLI's findings, then a summary that agrees."""
        result = check(path)
        self.assertEqual(result.stderr, "")
        self.assertEqual(result.returncode, status, result.stdout)
        lines = result.stdout.splitlines()
        expected, errors, warnings = cli_findings(path)
        self.assertEqual(lines[:-1], expected)
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        organ = doc.get("organ") or "(no organ)"
        self.assertEqual(lines[-1], f"{organ} {verdict} (format {doc['format']}, {doc['year']}): "
                                    f"{errors} errors, {warnings} warnings")
        return lines

    def test_every_example_report_passes(self):
        reports = sorted(glob.glob(os.path.join(ROOT, "examples", "reports", "*.yaml")))
        self.assertGreater(len(reports), 0)
        for path in reports:
            with self.subTest(report=os.path.basename(path)):
                self.assert_like_cli(path, 0, "passes")

    def test_a_changed_figure_fails_at_the_cells_it_breaks(self):
        with open(HUAIAN, encoding="utf-8") as f:
            text = f.read()
        changed = text.replace("      natural_person: 3001\n", "      natural_person: 3002\n", 1)
        self.assertNotEqual(changed, text)
        path = self.tmp_path("changed.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(changed)
        lines = self.assert_like_cli(path, 1, "fails")
        self.assertIn(f"{path}:64:14: error: sum of the six applicant columns (3120) ≠ total "
                      "(3119) in row new_received (一、本年新收政府信息公开申请数量) "
                      "[table3.row_total]", lines)
        self.assertTrue(any(line.startswith(f"{path}:242:") and line.endswith("[table3.balance]")
                            for line in lines), lines)

    def test_a_template_without_organ_fails(self):
        path = self.tmp_path("template.yaml")
        made = run([CLI, "template", "--format", "2021", "--year", "2025", "-o", path])
        self.assertEqual(made.returncode, 0, made.stderr)
        lines = self.assert_like_cli(path, 1, "fails")
        self.assertIn(f"{path}: error: the issuing organ is missing [meta.missing]", lines)

    def test_a_malformed_report_is_not_read(self):
        path = self.tmp_path("broken.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write('format: "2021"\nyear: [2022\n')
        result = check(path)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stdout, "")
        self.assertTrue(result.stderr.startswith(f"{path}:3:1: error: malformed YAML"), result.stderr)
        self.assertTrue(result.stderr.rstrip().endswith("(at /year/1)"), result.stderr)

    def test_a_missing_file_is_not_read(self):
        path = self.tmp_path("missing.yaml")
        result = check(path)
        self.assertEqual(result.returncode, 2)
        self.assertIn(path, result.stderr)

    def test_usage(self):
        for argv in ([], [HUAIAN, HUAIAN]):
            result = run([LUA, CHECK, *argv])
            self.assertEqual(result.returncode, 2)
            self.assertIn("usage:", result.stderr)


class ReadmeLines(unittest.TestCase):
    def test_print_what_the_readme_shows(self):
        result = run([LUA, README_LINES], cwd=ROOT)
        self.assertEqual(result.stderr, "")
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout, README_OUTPUT)

    def test_are_the_readmes_lua_example(self):
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        blocks = re.findall(r"```lua\n(.*?)```", readme, re.S)
        with open(README_LINES, encoding="utf-8") as f:
            self.assertIn(f.read(), blocks)
        for line in README_OUTPUT.splitlines():
            self.assertIn(line + "\n", readme, "the README shows what the lines print")


if __name__ == "__main__":
    import taprunner
    taprunner.main()
