#!/usr/bin/python3
"""govinfo.load_many(), import_many(), to_frame(), pickling and the dask example.

pandas (python3-pandas) and dask.distributed (python3-distributed) are optional for the
package but installed by scripts/setup.sh: under CI a missing one fails instead of skipping.
"""
import csv
import hashlib
import json
import os
import pickle
import shutil
import subprocess
import tempfile
import unittest

import govinfo
from python_support import CLI, HUAIAN, REPORTS, ROOT, SUIBIN, UNDER_VALGRIND, run_python

FIXTURES = os.path.join(ROOT, "tests", "data", "fixtures")
DASK_EXAMPLE = os.path.join(ROOT, "examples", "python", "dask_corpus.py")


def have(module):
    try:
        __import__(module)
        return True
    except ImportError:
        if os.environ.get("CI"):
            raise AssertionError(f"{module} is missing under CI: scripts/setup.sh installs it")
        return False


HAVE_PANDAS = have("pandas")
HAVE_DISTRIBUTED = have("distributed")


def corpus(directory, copies=6):
    """A tree of example reports, some broken, in nested folders."""
    for i in range(copies):
        sub = os.path.join(directory, f"y{i % 3}")
        os.makedirs(sub, exist_ok=True)
        shutil.copy(HUAIAN if i % 2 else SUIBIN, os.path.join(sub, f"r{i}.yaml"))
    with open(os.path.join(directory, "y1", "broken.yaml"), "w", encoding="utf-8") as f:
        f.write("format: \"2021\"\nyear: [\n")


class LoadMany(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        corpus(self.dir)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def summary(self, jobs):
        out = []
        for path, result in govinfo.load_many([self.dir, os.path.join(self.dir, "none.yaml")],
                                              jobs=jobs):
            out.append((os.path.relpath(path, self.dir), type(result).__name__,
                        result.organ if isinstance(result, govinfo.Report) else str(result)))
        return out

    def test_the_order_is_the_same_for_any_number_of_threads(self):
        one = self.summary(1)
        self.assertEqual([p for p, _, _ in one],
                         ["y0/r0.yaml", "y0/r3.yaml", "y1/broken.yaml", "y1/r1.yaml",
                          "y1/r4.yaml", "y2/r2.yaml", "y2/r5.yaml", "none.yaml"])
        for jobs in (2, 4, 0):
            self.assertEqual(self.summary(jobs), one, f"jobs={jobs}")

    def test_failures_are_exceptions_with_their_location_and_the_rest_goes_on(self):
        results = dict(govinfo.load_many([os.path.join(self.dir, "y1"),
                                          os.path.join(self.dir, "none.yaml")], jobs=2))
        broken = results[os.path.join(self.dir, "y1", "broken.yaml")]
        self.assertIsInstance(broken, govinfo.ParseError)
        self.assertGreater(broken.line, 0)
        self.assertEqual(broken.file, os.path.join(self.dir, "y1", "broken.yaml"))
        self.assertIsInstance(results[os.path.join(self.dir, "none.yaml")], OSError)
        self.assertIsInstance(results[os.path.join(self.dir, "y1", "r1.yaml")], govinfo.Report)

    def test_stopping_early_stops_the_workers(self):
        for path, result in govinfo.load_many(self.dir, jobs=4):
            break
        self.assertTrue(path.endswith("r0.yaml"))

    def test_bad_arguments(self):
        with self.assertRaises(ValueError):
            list(govinfo.load_many(self.dir, jobs=-1))
        with self.assertRaises(govinfo.InvalidArgumentError):
            list(govinfo.load_many(["-", "-"]))


class ImportMany(unittest.TestCase):
    def test_reports_and_their_import_findings_with_provenance(self):
        paths = [os.path.join(FIXTURES, name) for name in
                 ("suibin-2020.txt", "huaian-hongze-2023.layout.txt", "no-such.txt")]
        results = list(govinfo.import_many(paths, jobs=2))
        self.assertEqual([p for p, _ in results], paths)
        report, findings = results[1][1]
        self.assertEqual([d.rule for d in findings],  # the text prints no publication date
                         ["import.metadata_missing", "import.label_variant"])
        with open(paths[1], "rb") as f:
            self.assertEqual(report.source_sha256, hashlib.sha256(f.read()).hexdigest())
        self.assertEqual(report.source, paths[1])
        self.assertIsInstance(results[2][1], OSError)
        del results, findings  # the item behind the findings is freed with them
        self.assertEqual(report.year, 2023)


class Pickle(unittest.TestCase):
    def test_a_report_pickles_through_json(self):
        report = govinfo.Report.load(HUAIAN)
        again = pickle.loads(pickle.dumps(report))
        self.assertEqual(again, report)
        self.assertEqual(again.origin, HUAIAN)
        self.assertEqual(again["table2_art20_8.admin_fees.fee_amount"],
                         report["table2_art20_8.admin_fees.fee_amount"])
        self.assertEqual(again.validate().to_dict(), report.validate().to_dict())

    def test_to_dict_can_be_json_ready(self):
        report = govinfo.Report.load(HUAIAN)
        with self.assertRaises(TypeError):
            json.dumps(report.to_dict())  # Decimal
        document = json.loads(json.dumps(report.to_dict(json_ready=True)))
        self.assertEqual(document["tables"]["table2_art20_8"]["admin_fees"]["fee_amount"],
                         96171.6)


def cli_csv(paths):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cells.csv")
        subprocess.run([CLI, "export", "--quiet", *paths, "-o", out], check=True,
                       capture_output=True)
        with open(out, encoding="utf-8", newline="") as f:
            return list(csv.reader(f))


@unittest.skipUnless(HAVE_PANDAS, "pandas (python3-pandas) is not installed")
class ToFrame(unittest.TestCase):
    def test_the_columns_and_cells_are_those_of_the_csv(self):
        frame = govinfo.to_frame(govinfo.load_many([HUAIAN, SUIBIN]))
        rows = cli_csv([HUAIAN, SUIBIN])
        self.assertEqual(list(frame.columns), rows[0])
        self.assertEqual(list(frame.columns), govinfo.frame_columns())
        self.assertEqual(len(frame), len(rows) - 1)
        value = rows[0].index("value")
        for i, want in enumerate(rows[1:]):
            got = frame.iloc[i]
            self.assertEqual([str(got[k] or "") for k in rows[0][:value]], want[:value], i)
            self.assertEqual("" if got["value"] != got["value"] else got["value"],
                             "" if want[value] == "" else float(want[value]), i)
            self.assertEqual([got[k] or "" for k in ("mark", "group_role")],
                             want[value + 1:value + 3], i)
        total = frame[frame.cell_id == "table3.new_received.total"]
        self.assertEqual(list(total.value), [3119.0, 0.0])
        self.assertEqual(str(frame.year.dtype), "Int64")

    def test_group_roles_keep_every_body_in_a_sum(self):
        hongze = os.path.join(FIXTURES, "huaian-hongze-2024.yaml")
        frame = govinfo.to_frame([govinfo.Report.load(hongze)])
        t3 = frame[(frame.table_id == "table3") & (frame.column_id == "total")]
        counted = t3[t3.group_role.isin(["cell", "group_figure"])]
        results = counted[~counted.row_id.isin(["new_received", "carried_over", "result_total",
                                                "carry_forward"])]
        total = t3[t3.row_id == "result_total"].value.iloc[0]
        self.assertEqual(results.value.sum(), total)
        self.assertIn("covered_by_group", set(t3.group_role))

    def test_failed_items_are_left_out(self):
        frame = govinfo.to_frame(govinfo.load_many([HUAIAN, "/nonexistent.yaml"]))
        self.assertEqual(set(frame.source), {HUAIAN})


# The README's corpus example, exactly as printed there (run from the source root).
README_EXAMPLE = '''\
import govinfo
frame = govinfo.to_frame(govinfo.load_many("examples/reports"))
counted = frame[frame.group_role.isin(["cell", "group_figure"])]
print(counted[counted.cell_id == "table3.new_received.total"].value.sum())   # 3119.0
'''


@unittest.skipUnless(HAVE_PANDAS, "pandas (python3-pandas) is not installed")
class ReadmeExample(unittest.TestCase):
    def test_the_readme_shows_it_and_it_prints_what_it_says(self):
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            self.assertIn(README_EXAMPLE, f.read())
        run = run_python(["-c", README_EXAMPLE], cwd=ROOT)
        self.assertEqual(run.stdout, "3119.0\n", run.stderr)


class WithoutPandas(unittest.TestCase):
    def test_the_package_works_without_pandas(self):
        code = ("import sys; sys.modules['pandas'] = None\n"
                "import govinfo\n"
                f"print(len(list(govinfo.load_many({REPORTS!r}))))\n"
                "try:\n    govinfo.to_frame([])\n"
                "except ImportError as e:\n    print('ImportError', 'python3-pandas' in str(e))\n")
        run = run_python(["-c", code])
        self.assertEqual(run.stdout.split(), ["2", "ImportError", "True"], run.stderr)


@unittest.skipUnless(HAVE_PANDAS and HAVE_DISTRIBUTED, "dask.distributed or pandas is missing")
@unittest.skipIf(UNDER_VALGRIND, "the dask example runs its own interpreters")
class DaskExample(unittest.TestCase):
    def test_two_workers_gather_the_frame_of_the_corpus(self):
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "in")
            os.makedirs(os.path.join(src, "sub"))
            for name in ("suibin-2020.txt", "huaian-hongze-2023.layout.txt",
                         "huaian-hongze-2024.txt"):
                shutil.copy(os.path.join(FIXTURES, name), os.path.join(src, "sub", name))
            shutil.copy(os.path.join(FIXTURES, "huaian-city-2024.layout.txt"), src)
            out = os.path.join(tmp, "cells.csv")
            run = run_python([DASK_EXAMPLE, "--workers", "2", "--out", out, src])
            self.assertEqual(run.returncode, 0, run.stderr)
            summary = json.loads(run.stdout.splitlines()[-1])
            self.assertEqual(summary["workers"], 2)
            self.assertEqual(summary["reports"], 4)
            in_process = govinfo.to_frame(govinfo.import_many(src))
            self.assertEqual(summary["rows"], len(in_process))
            self.assertEqual(summary["new_received_total"],
                             in_process[in_process.cell_id == "table3.new_received.total"]
                             .value.sum())
            import pandas
            gathered = pandas.read_csv(out)
            self.assertEqual(list(gathered.columns), govinfo.frame_columns())


if __name__ == "__main__":
    import taprunner
    taprunner.main()
