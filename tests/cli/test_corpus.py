#!/usr/bin/python3
"""govinfo over many reports: validate, import and export with several files, directories,
--jobs, the progress line, the summary; CSV, SQLite (queried with the sqlite3 shell) and
JSON Lines.

Environment (set by tests/meson.build): GOVINFO_CLI, GOVINFO_SOURCE_ROOT, and
GOVINFO_TEST_WRAPPER (e.g. valgrind) prefixing every run of the binary.
"""
import csv
import io
import json
import os
import pty
import select
import shlex
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import unittest

import yaml

ROOT = os.environ.get("GOVINFO_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CLI = os.environ.get("GOVINFO_CLI")
WRAPPER = shlex.split(os.environ.get("GOVINFO_TEST_WRAPPER", ""))
REPORTS = os.path.join(ROOT, "examples", "reports")
FIXTURES = os.path.join(ROOT, "tests", "data", "fixtures")
SQLITE3 = shutil.which("sqlite3")


def run(*args, cwd=None, timeout=300):
    return subprocess.run(WRAPPER + [CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, encoding="utf-8", cwd=cwd, stdin=subprocess.DEVNULL,
                          timeout=timeout)


def make_corpus(directory, copies=12, broken=True):
    """Nested folders of the example reports and fixture reports, and a broken one."""
    sources = [os.path.join(REPORTS, "huaian-2024.yaml"), os.path.join(REPORTS, "suibin-2020.yaml"),
               os.path.join(FIXTURES, "huaian-hongze-2024.yaml"),
               os.path.join(FIXTURES, "huaian-hongze-2023.yaml")]
    for i in range(copies):
        sub = os.path.join(directory, f"{2020 + i % 3}", f"part{i % 2}")
        os.makedirs(sub, exist_ok=True)
        shutil.copy(sources[i % len(sources)], os.path.join(sub, f"r{i:03}.yaml"))
    if broken:
        with open(os.path.join(directory, "2021", "bad.yaml"), "w", encoding="utf-8") as f:
            f.write("format: \"2021\"\ntables: [\n")


def new_received_total(paths):
    """table3.new_received.total summed from the documents themselves (PyYAML)."""
    total = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        value = doc.get("tables", {}).get("table3", {}).get("new_received", {}).get("total")
        if isinstance(value, int):
            total += value
    return total


def report_files(directory):
    out = []
    for folder, _, names in os.walk(directory):
        out += [os.path.join(folder, n) for n in names if n.endswith(".yaml") and n != "bad.yaml"]
    return out


class Validate(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        make_corpus(self.dir)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_output_is_in_input_order_and_the_same_for_any_jobs(self):
        runs = [run("validate", "--json", "--jobs", str(jobs), self.dir, "--lang", "en")
                for jobs in (1, 2, 4)]
        for r in runs:
            self.assertEqual(r.returncode, 2, r.stderr)  # the broken file
            self.assertEqual(r.stdout, runs[0].stdout)
        lines = [json.loads(line) for line in runs[0].stdout.splitlines()]
        files = [line["file"] for line in lines[:-1]]
        self.assertEqual(files, sorted(files), "directories are walked in name order")
        self.assertEqual(len(files), 13)
        summary = lines[-1]["summary"]
        self.assertNotIn("file", lines[-1], "consumers tell the summary by its key")
        self.assertEqual((summary["files"], summary["failed"]), (13, 1))
        self.assertEqual(summary["valid"] + summary["with_errors"], 12)
        self.assertEqual(summary["rules"]["table4.row_total"], 2 * 3, "hongze 2023 thrice")

    def test_a_failure_is_counted_and_the_others_are_checked(self):
        r = run("validate", "--lang", "en", self.dir, os.path.join(self.dir, "missing.yaml"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("bad.yaml:", r.stderr)
        self.assertIn("missing.yaml: error: cannot open", r.stderr)
        self.assertIn("14 files read: ", r.stderr)
        self.assertIn(", 2 failed\n", r.stderr)
        self.assertIn("table4.row_total", r.stderr)

    def test_one_file_prints_what_it_always_did(self):
        r = run("validate", "--json", os.path.join(REPORTS, "suibin-2020.yaml"))
        self.assertEqual(len(r.stdout.splitlines()), 1)
        self.assertNotIn("summary", r.stdout)

    def test_bad_jobs(self):
        r = run("validate", "--jobs", "x", self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--jobs", r.stderr)


class Progress(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        make_corpus(self.dir, copies=30, broken=False)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def stderr_on_terminal(self, *args):
        """Runs govinfo with its standard error on a pseudo-terminal; (status, stderr)."""
        master, slave = pty.openpty()
        proc = subprocess.Popen(WRAPPER + [CLI, *args], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=slave)
        os.close(slave)
        data = b""
        while True:
            ready, _, _ = select.select([master], [], [], 120)
            if not ready:
                break
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closes with the process
                break
            if not chunk:
                break
            data += chunk
        os.close(master)
        return proc.wait(timeout=120), data.decode("utf-8", "replace")

    def test_a_progress_line_on_a_terminal_cleared_at_the_end(self):
        status, err = self.stderr_on_terminal("validate", "--lang", "en", "--jobs", "2", self.dir)
        self.assertIn(status, (0, 1), err)  # 1: hongze 2023 has errors
        self.assertIn("\r\x1b[K[0/30]", err)
        self.assertRegex(err, r"\[30/30\] [0-9.]+ files/s")
        last = err.rsplit("\r\x1b[K", 1)[1]
        self.assertTrue(last.startswith("30 files read: "), repr(last))

    def test_no_progress_with_quiet(self):
        status, err = self.stderr_on_terminal("validate", "--quiet", "--lang", "en", self.dir)
        self.assertIn(status, (0, 1), err)
        self.assertNotIn("\x1b[K", err)
        self.assertNotIn("files/s", err)
        self.assertIn("30 files read", err)

    def test_no_progress_when_standard_error_is_no_terminal(self):
        r = run("validate", "--lang", "en", self.dir)
        self.assertNotIn("\r", r.stderr)
        self.assertNotIn("files/s", r.stderr)


class Import(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.src = os.path.join(self.dir, "in")
        os.makedirs(os.path.join(self.src, "2024", "hongze"))
        for name, where in (("suibin-2020.txt", ""), ("huaian-hongze-2024.layout.txt", "2024/hongze"),
                            ("huaian-hongze-2024.txt", "2024/hongze"),
                            ("huaian-city-2024.layout.txt", "2024")):
            shutil.copy(os.path.join(FIXTURES, name), os.path.join(self.src, where, name))
        with open(os.path.join(self.src, "2024", "notes.txt"), "w", encoding="utf-8") as f:
            f.write("这不是年度报告。\n")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def snapshot(self):
        found = {}
        for folder, _, names in os.walk(self.src):
            for n in names:
                with open(os.path.join(folder, n), "rb") as f:
                    found[os.path.join(folder, n)] = f.read()
        return found

    def test_a_tree_is_mirrored_and_a_failure_does_not_stop_the_batch(self):
        before = self.snapshot()
        out = os.path.join(self.dir, "out")
        r = run("import", "--jobs", "2", "--lang", "en", self.src, "-o", out + "/")
        self.assertEqual(r.returncode, 2, r.stderr)  # notes.txt is no report
        self.assertIn("notes.txt:", r.stderr)
        written = sorted(os.path.relpath(os.path.join(f, n), out)
                         for f, _, ns in os.walk(out) for n in ns)
        self.assertEqual(written, ["2024/hongze/huaian-hongze-2024.layout.yaml",
                                   "2024/hongze/huaian-hongze-2024.yaml",
                                   "2024/huaian-city-2024.layout.yaml", "suibin-2020.yaml"])
        self.assertIn("5 files read: ", r.stderr)
        self.assertIn(", 1 failed", r.stderr)
        self.assertEqual(self.snapshot(), before, "inputs are untouched")
        with open(os.path.join(out, "suibin-2020.yaml"), encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        self.assertEqual(doc["source"], os.path.join(self.src, "suibin-2020.txt"))
        self.assertEqual(len(doc["source_sha256"]), 64)
        again = run("import", "--jobs", "1", "--lang", "en", self.src, "-o", out)
        self.assertEqual(again.stderr, r.stderr, "the same for any --jobs")

    def test_json_output_and_an_input_never_overwritten(self):
        src = os.path.join(self.src, "suibin-2020.txt")
        # A published report's text under a name whose output would be the input itself.
        shutil.copy(src, os.path.join(self.src, "x.yaml"))
        before = self.snapshot()
        r = run("import", "--lang", "en", "--to", "yaml", src, os.path.join(self.src, "x.yaml"),
                "-o", self.src)
        self.assertIn("x.yaml: not written: ", r.stderr)
        self.assertIn("is the input itself", r.stderr)
        self.assertEqual(self.snapshot()[os.path.join(self.src, "x.yaml")],
                         before[os.path.join(self.src, "x.yaml")])
        self.assertTrue(os.path.exists(os.path.join(self.src, "suibin-2020.yaml")))
        self.assertEqual(r.returncode, 2)
        out = os.path.join(self.dir, "json")
        r = run("import", "--json", "--to", "json", src, src, "-o", out)
        self.assertEqual(sorted(os.listdir(out)), ["suibin-2020.json", "suibin-2020.txt.json"])
        last = json.loads(r.stderr.splitlines()[-1])
        self.assertEqual(last["summary"]["files"], 2)

    def test_several_inputs_need_an_output_directory(self):
        r = run("import", os.path.join(self.src, "suibin-2020.txt"), self.src)
        self.assertEqual(r.returncode, 2)
        self.assertIn("-o OUTDIR/", r.stderr)


class ImportMarkup(unittest.TestCase):
    """HTML (libxml2) and Markdown pages read on several threads at once."""

    def test_pages_import_alike_on_any_number_of_threads(self):
        from markup import render
        spec = render.load_spec()
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "pages")
            os.makedirs(src)
            for name in ("suibin-2020", "huaian-hongze-2023", "huaian-hongze-2024",
                         "huaian-city-2024"):
                report = render.load_report(name)
                for i in range(3):
                    for ext, text in ((".html", render.render_html(report, spec)),
                                      (".md", render.render_markdown(report, spec))):
                        with open(os.path.join(src, f"{name}-{i}{ext}"), "wb") as f:
                            f.write(text if isinstance(text, bytes) else text.encode())
            outputs = []
            for jobs in ("1", "4"):
                out = os.path.join(tmp, "out" + jobs)
                r = run("import", "--jobs", jobs, "--lang", "en", src, "-o", out)
                files = {}
                for name in sorted(os.listdir(out)):
                    with open(os.path.join(out, name), encoding="utf-8") as f:
                        files[name] = f.read()
                outputs.append((r.returncode, r.stderr, files))
            self.assertEqual(len(outputs[0][2]), 24)
            self.assertIn("24 files read: ", outputs[0][1])
            self.assertEqual(outputs[1], outputs[0])


class Export(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.src = os.path.join(self.dir, "corpus")
        make_corpus(self.src)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_csv_has_the_tidy_header_and_one_row_per_cell(self):
        out = os.path.join(self.dir, "cells.csv")
        r = run("export", "--lang", "en", self.src, "-o", out)
        self.assertEqual(r.returncode, 2, r.stderr)  # bad.yaml
        self.assertIn("12 reports written", r.stderr)
        with open(out, encoding="utf-8", newline="") as f:
            text = f.read()
        self.assertTrue(text.startswith("source,organ,year,format,cell_id,table_id,row_id,"
                                        "column_id,table_label,row_label,column_label,state,"
                                        "value,mark,group_role,source_line,source_column\r\n"))
        rows = list(csv.DictReader(io.StringIO(text)))
        self.assertEqual({r["state"] for r in rows}, {"number", "blank", "absent", "mark"}
                         & {r["state"] for r in rows})
        roles = {r["group_role"] for r in rows}
        self.assertTrue({"cell", "group", "group_figure", "covered_by_group"} <= roles, roles)

    def test_csv_quotes_commas_quotes_and_line_breaks(self):
        doc = os.path.join(self.dir, "odd.yaml")
        with open(os.path.join(REPORTS, "huaian-2024.yaml"), encoding="utf-8") as f:
            text = f.read()
        text = text.replace('organ: "淮安市人民政府"', 'organ: "淮安市,\\"人民\\"\\n政府"', 1)
        text = text.replace("research: 0\n", 'research: "无,见\\"说明\\""\n', 1)
        with open(doc, "w", encoding="utf-8") as f:
            f.write(text)
        out = os.path.join(self.dir, "odd.csv")
        r = run("export", doc, "-o", out, "--bom")
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out, "rb") as f:
            raw = f.read()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbfsource,"))
        rows = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
        self.assertEqual(rows[0]["organ"], '淮安市,"人民"\n政府')
        marks = [r["mark"] for r in rows if r["state"] == "mark"]
        self.assertIn('无,见"说明"', marks)

    def test_wide_with_labels(self):
        out = os.path.join(self.dir, "wide.csv")
        r = run("export", "--wide", "--labels", self.src, "-o", out)
        self.assertEqual(r.returncode, 2)
        with open(out, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[0][:4], ["source", "organ", "year", "format"])
        self.assertEqual(rows[1][:2], ["来源文件", "发布机关"])
        column = rows[0].index("table3.new_received.total")
        self.assertTrue(rows[1][column].endswith(" / 一、本年新收政府信息公开申请数量 / 总计"))
        self.assertEqual(len(rows), 2 + 12)
        self.assertEqual(sum(int(r[column] or 0) for r in rows[2:]),
                         new_received_total(report_files(self.src)))
        self.assertEqual(run("export", "--labels", self.src, "-o", out).returncode, 2)

    @unittest.skipUnless(SQLITE3, "the sqlite3 shell (Debian sqlite3) is not installed")
    def test_sqlite_sums_what_the_reports_hold_and_re_exports_skip_or_replace(self):
        db = os.path.join(self.dir, "corpus.db")
        r = run("export", "--lang", "en", "--jobs", "2", self.src, "-o", db)
        self.assertIn("12 reports written", r.stderr)
        query = ("SELECT SUM(value) FROM cells WHERE cell_id = 'table3.new_received.total' "
                 "AND state = 'number';")
        shell = subprocess.run([SQLITE3, db, query], capture_output=True, text=True, check=True)
        self.assertEqual(int(shell.stdout), new_received_total(report_files(self.src)))
        view = subprocess.run([SQLITE3, db, "SELECT SUM(total) FROM table3_2021 WHERE row_id = "
                               "'new_received';"], capture_output=True, text=True, check=True)
        self.assertEqual(int(view.stdout), int(shell.stdout), "the view in printed shape")
        tidy = subprocess.run([SQLITE3, "-csv", "-header", db, "SELECT * FROM tidy LIMIT 1;"],
                              capture_output=True, text=True, check=True)
        csv_out = os.path.join(self.dir, "cells.csv")
        run("export", self.src, "-o", csv_out)
        with open(csv_out, encoding="utf-8", newline="") as f:
            self.assertEqual(tidy.stdout.splitlines()[0], f.readline().rstrip("\r\n"),
                             "the tidy view has the columns of the CSV")
        again = run("export", "--lang", "en", self.src, "-o", db)
        self.assertIn("0 reports written to", again.stderr)
        self.assertIn("12 unchanged (skipped)", again.stderr)
        changed = report_files(self.src)[0]
        with open(changed, "a", encoding="utf-8") as f:
            f.write("# edited\n")
        third = run("export", "--lang", "en", self.src, "-o", db)
        self.assertIn("1 report written to", third.stderr)
        with sqlite3.connect(db) as con:
            self.assertEqual(con.execute("SELECT COUNT(*) FROM reports").fetchone()[0], 12)
            cells = con.execute("SELECT COUNT(*) FROM cells WHERE cell_id = "
                                "'table3.new_received.total'").fetchone()[0]
            self.assertEqual(cells, 12, "a replaced report's cells are not kept twice")
            self.assertGreater(con.execute("SELECT COUNT(*) FROM findings").fetchone()[0], 0)

    @unittest.skipUnless(SQLITE3, "the sqlite3 shell (Debian sqlite3) is not installed")
    def test_a_killed_export_leaves_the_database_as_it_was(self):
        db = os.path.join(self.dir, "corpus.db")
        run("export", self.src, "-o", db)
        big = os.path.join(self.dir, "big")
        make_corpus(big, copies=600, broken=False)
        for attempt in range(5):
            proc = subprocess.Popen(WRAPPER + [CLI, "export", "--quiet", "--jobs", "1", big,
                                               "-o", db], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 60
            while not os.path.exists(db + "-journal") and proc.poll() is None and \
                    time.monotonic() < deadline:
                time.sleep(0.001)
            time.sleep(0.05 * attempt)
            killed = proc.poll() is None
            proc.send_signal(signal.SIGKILL) if killed else None
            proc.wait()
            if killed:
                break
        self.assertTrue(killed, "the export was killed while it ran")
        check = subprocess.run([SQLITE3, db, "PRAGMA integrity_check; SELECT COUNT(*) FROM "
                                "reports; SELECT COUNT(*) FROM cells;"],
                               capture_output=True, text=True, check=True)
        lines = check.stdout.split()
        self.assertEqual(lines[0], "ok")
        self.assertEqual(int(lines[1]), 12, "the interrupted export added nothing")

    def test_jsonl_is_one_report_per_line(self):
        out = os.path.join(self.dir, "corpus.jsonl")
        run("export", self.src, "--to", "jsonl", "-o", out)
        with open(out, encoding="utf-8") as f:
            lines = [json.loads(line) for line in f]
        self.assertEqual(len(lines), 12)
        self.assertEqual(sum(line["report"]["tables"]["table3"]["new_received"].get("total", 0)
                             for line in lines), new_received_total(report_files(self.src)))
        self.assertEqual(len(lines[0]["sha256"]), 64)

    def test_unknown_format_and_no_output(self):
        self.assertEqual(run("export", self.src, "-o", "x.txt").returncode, 2)
        self.assertEqual(run("export", self.src).returncode, 2)


if __name__ == "__main__":
    import taprunner
    taprunner.main()
