#!/usr/bin/python3
"""Status codes become exceptions with the library's error details."""
import decimal
import json
import os
import shutil
import sys
import tempfile
import threading
import unittest

import govinfo
from govinfo import _library as native
from govinfo.errors import error_class
from python_support import ROOT, SUIBIN, read_text
from yaml_pointer import with_yaml_value, yaml_position

# What a Python programmer would catch for each status code, besides GovinfoError.
BUILTIN_BY_NAME = {
    "GOVINFO_ENOMEM": MemoryError,
    "GOVINFO_EINVAL": ValueError,
    "GOVINFO_EIO": OSError,
    "GOVINFO_EPARSE": ValueError,
    "GOVINFO_ESCHEMA": ValueError,
    "GOVINFO_ENOTFOUND": KeyError,
    "GOVINFO_ETYPE": TypeError,
    "GOVINFO_ERANGE": ValueError,
}


def status_codes():
    """Every failure code the library names, from -1 down to the first unknown one."""
    codes, code = [], -1
    while native.lib.govinfo_error_name(code) != b"GOVINFO_EUNKNOWN":
        codes.append(code)
        code -= 1
    return codes


class Hierarchy(unittest.TestCase):
    def test_every_status_code_has_its_own_class(self):
        codes = status_codes()
        self.assertGreaterEqual(len(codes), 8)
        classes = [error_class(code) for code in codes]
        self.assertEqual(len(set(classes)), len(codes), "two codes share a class")
        for code, cls in zip(codes, classes):
            name = native.lib.govinfo_error_name(code).decode()
            with self.subTest(code=name):
                self.assertIsNot(cls, govinfo.GovinfoError)
                self.assertTrue(issubclass(cls, govinfo.GovinfoError))
                self.assertIn(name, BUILTIN_BY_NAME, "a new status code: say what it derives from")
                self.assertTrue(issubclass(cls, BUILTIN_BY_NAME[name]))
                self.assertIn(cls.__name__, govinfo.__all__)

    def test_unknown_codes_raise_the_base_class(self):
        self.assertIs(error_class(-1000), govinfo.GovinfoError)

    def test_allocation_failure_is_a_memory_error(self):
        self.assertTrue(issubclass(error_class(-1), MemoryError))
        self.assertIs(error_class(-1), govinfo.OutOfMemoryError)

    def test_exception_carries_code_and_name(self):
        with self.assertRaises(govinfo.NotFoundError) as caught:
            govinfo.Report("2099")
        self.assertEqual(caught.exception.code, -6)
        self.assertEqual(caught.exception.name, "GOVINFO_ENOTFOUND")
        self.assertIn("2099", str(caught.exception))


class Details(unittest.TestCase):
    def test_parse_error_has_file_line_column_offset_and_path(self):
        document = '{\n  "format": "2021",\n  "year": 2024,\n  "organ": }\n'
        with self.assertRaises(govinfo.ParseError) as caught:
            govinfo.Report.loads(document, source_name="broken.json")
        error = caught.exception
        self.assertEqual(error.file, "broken.json")
        self.assertEqual(error.line, 4)
        self.assertEqual(error.column, document.splitlines()[3].index("}") + 1)
        self.assertEqual(error.offset, document.index("}"))
        self.assertEqual(error.path, "/organ")
        self.assertTrue(str(error).startswith("broken.json:4:"), str(error))
        self.assertIsInstance(error, ValueError)

    def test_yaml_parse_error_from_a_file_names_the_file(self):
        path = os.path.join(self.tmpdir(), "bad.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write('format: "2021"\nyear: [2024\n')
        with self.assertRaises(govinfo.ParseError) as caught:
            govinfo.Report.load(path)
        self.assertEqual(caught.exception.file, path)
        self.assertIsNotNone(caught.exception.line)

    def test_schema_error_points_at_the_unknown_key(self):
        text = read_text(SUIBIN)
        broken = with_yaml_value(text, "/tables/table3/new_received/natural_person",
                                 "0\n      natural_persons: 1")
        with self.assertRaises(govinfo.SchemaError) as caught:
            govinfo.Report.loads(broken, format="yaml", source_name="s.yaml")
        error = caught.exception
        self.assertEqual(error.path, "/tables/table3/new_received/natural_persons")
        line = broken.splitlines().index("      natural_persons: 1") + 1
        self.assertEqual(error.line, line)
        self.assertIn("natural_person", error.message)  # the closest id is suggested

    def test_number_too_large_in_a_document_is_out_of_range(self):
        text = read_text(SUIBIN)
        pointer = "/tables/table3/new_received/natural_person"
        broken = with_yaml_value(text, pointer, str(2**53 + 1))
        with self.assertRaises(govinfo.OutOfRangeError) as caught:
            govinfo.Report.loads(broken, format="yaml")
        self.assertEqual(caught.exception.path, pointer)
        self.assertEqual((caught.exception.line, caught.exception.column),
                         yaml_position(broken, pointer))

    def test_missing_file_is_an_os_error(self):
        missing = os.path.join(self.tmpdir(), "missing.yaml")
        with self.assertRaises(OSError) as caught:
            govinfo.Report.load(missing)
        self.assertIsInstance(caught.exception, govinfo.InputOutputError)
        self.assertIn(missing, str(caught.exception))

    def test_setters_raise_the_code_the_library_returns(self):
        report = govinfo.Report.template("2021", 2024)
        cases = [
            (govinfo.InvalidArgumentError, lambda: setattr(report, "published", "2024-13-45")),
            (govinfo.InvalidArgumentError, lambda: setattr(report, "division_code", "12")),
            (govinfo.OutOfRangeError, lambda: setattr(report, "year", 10000)),
            (govinfo.OutOfRangeError, lambda: setattr(report, "year", 2**40)),
            (govinfo.ValueTypeError, lambda: report.__setitem__("table3.new_received.total",
                                                                "12")),
            (govinfo.OutOfRangeError, lambda: report.__setitem__("table3.new_received.total",
                                                                 2**53 + 1)),
            (govinfo.OutOfRangeError, lambda: report.__setitem__("table3.new_received.total",
                                                                 2**70)),
            (govinfo.OutOfRangeError, lambda: report.__setitem__(
                "table3.new_received.total", decimal.Decimal("1.1234567"))),
            (govinfo.NotFoundError, lambda: report.set_section("s9", "text")),
            (govinfo.NotFoundError, lambda: report["table3.results.total"]),  # a heading
            (govinfo.NotFoundError, lambda: govinfo.Report.template("2099", 2024)),
        ]
        for expected, action in cases:
            with self.subTest(expected=expected.__name__), self.assertRaises(expected):
                action()
        self.assertEqual(report.year, 2024, "a refused value leaves the report unchanged")

    def test_unknown_cell_is_a_key_error(self):
        report = govinfo.Report("2021")
        with self.assertRaises(KeyError) as caught:
            report["table3.new_recieved.total"]
        self.assertIsInstance(caught.exception, govinfo.NotFoundError)
        self.assertIn("new_recieved", str(caught.exception))

    def tmpdir(self):
        path = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, path)
        return path


class Threads(unittest.TestCase):
    def test_each_thread_reads_its_own_error_details(self):
        # ctypes releases the GIL during calls: the details must come from the caller's
        # thread-local record, not another thread's failure.
        documents = {
            "/year": '{"format": "2021", "year": "x"}',
            "/organ": '{"format": "2021", "organ": 5}',
            "/sections": '{"format": "2021", "sections": 1}',
        }
        failures = []

        def worker(path, document):
            for _ in range(300):
                try:
                    govinfo.Report.loads(document, source_name=path)
                except govinfo.SchemaError as e:
                    if e.path != path or e.file != path:
                        failures.append((path, e.path, e.file))
                else:
                    failures.append((path, "no error"))

        threads = [threading.Thread(target=worker, args=item) for item in documents.items()]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])


class Validation(unittest.TestCase):
    def test_check_raises_with_every_finding(self):
        report = govinfo.Report.load(SUIBIN)
        report["table3.new_received.natural_person"] = 1
        with self.assertRaises(govinfo.ValidationError) as caught:
            report.check()
        error = caught.exception
        self.assertFalse(error.result.valid)
        rules = {d.rule for d in error.result.errors}
        self.assertIn("table3.balance", rules)
        self.assertEqual(error.path, error.result.errors[0].path)
        self.assertIn(error.result.errors[0].rule, str(error))
        self.assertEqual(json.loads(error.result.to_json())["errors"], error.result.error_count)


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    import taprunner
    taprunner.main()
