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
import tempfile
import unittest

ROOT = os.environ.get("GOVINFO_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CLI = os.environ.get("GOVINFO_CLI")
WRAPPER = shlex.split(os.environ.get("GOVINFO_TEST_WRAPPER", ""))
DATA = os.path.join(ROOT, "tests", "data", "hostile")


def run(*args, stdin=subprocess.DEVNULL, cwd=None, env=None):
    """Runs govinfo in English (the tests read its messages); returns the CompletedProcess
    with bytes stdout and stderr."""
    env = dict(os.environ if env is None else env, GOVINFO_LANG="en")
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


def limit_address_space(nbytes):
    """A preexec_fn that limits the child's address space (RLIMIT_AS) to nbytes."""
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (nbytes, nbytes))
    return limit


# Address space the CLI needs without any input (libraries, stacks, malloc's arenas).
SLACK = 48 << 20


class MemoryPerInput(unittest.TestCase):
    """The importer's memory stays within 4 times its input and 1 MiB (the audit: 50 MB of
    newlines took 3.1 GB), checked under an address-space limit of that size plus SLACK."""

    def setUp(self):
        if WRAPPER:
            self.skipTest("valgrind ignores the address-space limit")
        p = subprocess.run([CLI, "--version"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, preexec_fn=limit_address_space(SLACK))
        if p.returncode != 0:
            self.skipTest("a sanitizer build reserves more address space than any limit")
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def import_limited(self, name, content):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(content)
        limit = 4 * len(content) + (1 << 20) + SLACK
        return subprocess.run([CLI, "import", "--lang", "en", "-o", os.devnull, path],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              preexec_fn=limit_address_space(limit))

    def test_newlines(self):
        p = self.import_limited("newlines.txt", b"\n" * (20 << 20))
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(b"too many lines or words for its size", p.stderr)

    def test_short_words(self):
        p = self.import_limited("words.txt", b"0 0 0 0 0 0 0\n" * (20 << 16))
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(b"too many lines or words for its size", p.stderr)

    def test_a_report_is_imported(self):
        with open(os.path.join(ROOT, "tests", "data", "fixtures", "suibin-2020.txt"), "rb") as f:
            p = self.import_limited("report.txt", f.read())
        self.assertNotIn(b"too many lines", p.stderr)
        self.assertIn(p.returncode, (0, 1), p.stderr)


class NothingLeftBehind(unittest.TestCase):
    """A write interrupted by a signal or the file size limit leaves the old output as it was
    (or the new one whole) and no other file (the audit: OUT.XXXXXX of up to 164 MB)."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp()
        cls.big = os.path.join(cls.dir, "big.json")
        with open(cls.big, "w") as f:
            f.write('{"format":"2021","preface":"' + "A" * (8 << 20) + '"}')

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def setUp(self):
        self.out_dir = tempfile.mkdtemp(dir=self.dir)
        self.out = os.path.join(self.out_dir, "out.yaml")
        with open(self.out, "w") as f:
            f.write("OLD\n")

    def tearDown(self):
        shutil.rmtree(self.out_dir)

    def assert_old_or_whole(self):
        self.assertEqual(os.listdir(self.out_dir), ["out.yaml"])
        with open(self.out, "rb") as f:
            head = f.read(16)
            f.seek(-4, os.SEEK_END)
            tail = f.read()
        if head != b"OLD\n":
            self.assertTrue(head.startswith(b"format:"), head)
            self.assertTrue(tail.endswith(b"\n"), tail)

    def test_file_size_limit(self):
        import resource

        def small_files():
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        p = subprocess.run(WRAPPER + [CLI, "convert", "--lang", "en", self.big, self.out],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=small_files)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(b"File too large", p.stderr)
        self.assertEqual(p.stderr.count(b"cannot write"), 1, p.stderr)
        self.assert_old_or_whole()
        with open(self.out) as f:
            self.assertEqual(f.read(), "OLD\n")

    def test_signals(self):
        """Signals at several moments of the run: which step they hit does not matter, the
        outcome must be the same (so the test cannot depend on the machine's speed)."""
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGKILL):
            for delay in (0.05, 0.2, 0.4, 0.8):
                p = subprocess.Popen(WRAPPER + [CLI, "convert", self.big, self.out],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     restore_signals=True)
                try:
                    p.wait(timeout=delay)
                except subprocess.TimeoutExpired:
                    p.send_signal(sig)
                p.wait()
                self.assert_old_or_whole()


class ExportLeavesNothingBehind(unittest.TestCase):
    """An export killed while writing, by any signal, leaves the old file as it was (or the
    new one whole) and nothing else: the file is unnamed until it is complete."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp()
        cls.inputs = os.path.join(cls.dir, "reports")
        os.makedirs(cls.inputs)
        with open(os.path.join(ROOT, "examples", "reports", "huaian-2024.yaml"), "rb") as f:
            report = f.read()
        for i in range(300):
            with open(os.path.join(cls.inputs, "r%03d.yaml" % i), "wb") as f:
                f.write(report)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_signals(self):
        for name in ("out.csv", "out.jsonl"):
            for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
                for delay in (0.05, 0.3, 1.0):
                    with self.subTest(out=name, signal=sig, delay=delay):
                        out_dir = tempfile.mkdtemp(dir=self.dir)
                        out = os.path.join(out_dir, name)
                        with open(out, "w") as f:
                            f.write("OLD\n")
                        p = subprocess.Popen(WRAPPER + [CLI, "export", "--quiet", self.inputs,
                                                        "-o", out],
                                             stdout=subprocess.DEVNULL,
                                             stderr=subprocess.DEVNULL, restore_signals=True)
                        try:
                            p.wait(timeout=delay)
                        except subprocess.TimeoutExpired:
                            p.send_signal(sig)
                        p.wait()
                        self.assertEqual(os.listdir(out_dir), [name])
                        with open(out, "rb") as f:
                            data = f.read()
                        if data != b"OLD\n":  # finished before the signal: whole
                            self.assertTrue(data.endswith(b"\n"))
                            self.assertEqual(data.count(b"huaian-2024") > 0 or
                                             data.count(b"r299.yaml") > 0, True)
                        shutil.rmtree(out_dir)


class HtmlPages(unittest.TestCase):
    def test_declared_charset_is_wrong(self):
        """The audit's charset_lie_gbk.html: a UTF-8 page that first declares gbk."""
        p = run("import", "-o", os.devnull, os.path.join(DATA, "charset_lie_gbk.html"),
                env=dict(os.environ, LANG="C"))
        self.assertNotIn(b"encoding error", p.stderr)
        self.assertNotIn(b"I/O error", p.stderr)
        self.assertNotIn(b"not recognisably", p.stderr)
        self.assertIn(b"[import.charset_wrong]", p.stderr + p.stdout)

    def test_nested_too_deep_is_cut_short(self):
        with open(os.path.join(DATA, "charset_lie_gbk.html"), encoding="utf-8") as f:
            page = f.read().replace('charset="gbk"', 'charset="utf-8"')
        at = page.index("<body>") + len("<body>")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "deep.html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(page[:at] + "<div>" * 1000 + page[at:] + "</div>" * 1000)
            p = run("import", "-o", os.devnull, path)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(b"cut short", p.stderr)
        self.assertNotIn(b"Excessive depth", p.stderr)


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
