#!/usr/bin/python3
"""Hostile input through the CLI (issue 12, the outside audit's reproducers): size limits,
one-line errors, files left behind, option-like PDF names, control characters.

Environment as for test_cli.py (GOVINFO_CLI, GOVINFO_SOURCE_ROOT, GOVINFO_TEST_WRAPPER).
No test reads the clock: an input without end must stop with an error, not in time.
"""
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest

ROOT = os.environ.get("GOVINFO_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CLI = os.environ.get("GOVINFO_CLI")
WRAPPER = shlex.split(os.environ.get("GOVINFO_TEST_WRAPPER", ""))
DATA = os.path.join(ROOT, "tests", "data", "hostile")


def run(*args, stdin=subprocess.DEVNULL, cwd=None, env=None):
    """Runs govinfo; returns the CompletedProcess with bytes stdout and stderr."""
    return subprocess.run(WRAPPER + [CLI, *args], stdin=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, cwd=cwd, env=env)


class SizeLimits(unittest.TestCase):
    def test_validate_dev_zero_stops(self):
        p = run("validate", "/dev/zero")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(b"input size limit", p.stderr)

    def test_import_dev_zero_stops(self):
        p = run("import", "-o", os.devnull, "/dev/zero")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(b"input size limit", p.stderr)

    def test_stdin_dev_zero_stops(self):
        with open("/dev/zero", "rb") as zero:
            for command in (["import", "-o", os.devnull, "-"], ["validate", "-"]):
                p = run(*command, stdin=zero)
                self.assertEqual(p.returncode, 2, p.stderr)
                self.assertRegex(p.stderr, b"input size limit of (67108864 bytes|64 MiB)")


class OneLineErrors(unittest.TestCase):
    def test_pdf_on_stdin_is_one_line(self):
        with tempfile.TemporaryFile() as f:
            f.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
            f.seek(0)
            p = run("import", "-o", os.devnull, "-", stdin=f)
        self.assertEqual(p.returncode, 2)
        lines = p.stderr.decode().splitlines()
        self.assertEqual(len(lines), 1, lines)
        self.assertIn("a PDF must be given as a file", lines[0])


if __name__ == "__main__":
    import taprunner
    taprunner.main()
