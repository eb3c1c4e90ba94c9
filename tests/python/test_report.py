#!/usr/bin/python3
"""The Report API: reading, cells, metadata, sections, validation, writing, life cycle.

Expected values come from the documents themselves, read with PyYAML and json, or from the
govinfo CLI, never from the binding under test.
"""
import dataclasses
import datetime
import gc
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stdout
from decimal import Decimal

import govinfo
from python_support import (CLI, EXAMPLE_REPORTS, HUAIAN, ROOT, SUIBIN, plain_cells,
                            read_text, yaml_document)
from yaml_pointer import with_yaml_value, yaml_position

# The README's example, exactly as printed there (run from the source root).
README_EXAMPLE = '''\
import govinfo
report = govinfo.Report.load("examples/reports/suibin-2020.yaml")
report["table3.new_received.natural_person"] = 3  # one more request than printed
for finding in report.validate():
    print(finding)
'''

BALANCE_CELL = "table3.new_received.natural_person"
METADATA = ["organ", "title", "published", "division_code", "source", "preface"]


class TempDir:
    def tmpdir(self):
        path = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, path)
        return path


class Reading(unittest.TestCase):
    def test_every_cell_reads_as_in_the_document(self):
        for path in EXAMPLE_REPORTS:
            document = yaml_document(path)
            expected = plain_cells(document)
            with self.subTest(report=os.path.basename(path)), govinfo.Report.load(path) as r:
                self.assertGreater(len(expected), 50)
                for cell_id, value in expected.items():
                    self.assertEqual(r[cell_id], value, cell_id)
                    self.assertEqual(type(r[cell_id]), type(value), cell_id)
                fmt = govinfo.find_format(document["format"])
                for cell_id in set(fmt.cell_ids()) - set(expected):
                    self.assertEqual(r.cell_state(cell_id), "absent")
                    self.assertNotIn(cell_id, r)
                    self.assertIsNone(r.get(cell_id))
                    with self.assertRaises(KeyError):
                        r[cell_id]

    def test_money_is_an_exact_decimal(self):
        with govinfo.Report.load(HUAIAN) as report:
            fee = report["table2_art20_8.admin_fees.fee_amount"]
        self.assertIsInstance(fee, Decimal)
        self.assertEqual(str(fee), str(yaml_document(HUAIAN)["tables"]["table2_art20_8"]
                                       ["admin_fees"]["fee_amount"]))

    def test_metadata_and_sections_read_as_in_the_document(self):
        for path in EXAMPLE_REPORTS:
            document = yaml_document(path)
            with self.subTest(report=os.path.basename(path)), govinfo.Report.load(path) as r:
                self.assertEqual(r.format, document["format"])
                self.assertEqual(r.year, document["year"])
                for key in METADATA:
                    self.assertEqual(getattr(r, key), document.get(key), key)
                self.assertEqual(r.origin, path)
                self.assertEqual([(s.id, s.title, s.text) for s in r.sections],
                                 [(s["id"], s["title"], s["text"])
                                  for s in document["sections"]])
                self.assertEqual(r.section_text("s6"), document["sections"][5]["text"])

    def test_json_and_yaml_from_memory_read_the_same_report(self):
        with govinfo.Report.load(SUIBIN) as from_file:
            as_json = json.dumps(yaml_document(SUIBIN), ensure_ascii=False)
            for data, fmt in [(read_text(SUIBIN), "yaml"), (read_text(SUIBIN).encode(), None),
                              (as_json, "json"), (as_json.encode(), None),
                              (bytearray(as_json.encode()), "json")]:
                with self.subTest(kind=type(data).__name__, format=fmt):
                    report = govinfo.Report.loads(data, format=fmt)
                    self.assertEqual(report, from_file)
                    self.assertIsNone(report.origin)
        with self.assertRaises(TypeError):
            govinfo.Report.loads(12)
        with self.assertRaises(ValueError):
            govinfo.Report.loads("{}", format="xml")

    def test_source_name_names_the_findings(self):
        text = read_text(SUIBIN).replace("organ: \"绥滨镇人民政府\"\n", "")
        result = govinfo.Report.loads(text, source_name="named.yaml").validate()
        missing = [d for d in result if d.rule == "meta.missing"]
        self.assertTrue(missing)
        self.assertEqual(missing[0].file, "named.yaml")

    def test_module_level_shortcuts(self):
        self.assertEqual(govinfo.load(SUIBIN), govinfo.loads(read_text(SUIBIN)))


class Cells(unittest.TestCase):
    def setUp(self):
        self.report = govinfo.Report.template("2021", 2024, "某县人民政府")
        self.addCleanup(self.report.close)

    def test_each_kind_of_value_round_trips(self):
        cell = "table2_art20_8.admin_fees.fee_amount"
        for value in [0, 7, 2**53, Decimal("0.1"), Decimal("96171.6"), Decimal("1.000001"),
                      None, "/", "无", "251000元"]:
            with self.subTest(value=value):
                self.report[cell] = value
                self.assertEqual(self.report[cell], value)
                self.assertEqual(type(self.report[cell]), type(value))
        self.report["table2_art20_5.admin_license.decisions"] = -0
        self.assertEqual(self.report["table2_art20_5.admin_license.decisions"], 0)

    def test_states_follow_assignments(self):
        cell = BALANCE_CELL
        self.assertEqual(self.report.cell_state(cell), "blank")
        self.assertIsNone(self.report[cell])
        self.report[cell] = 3
        self.assertEqual(self.report.cell_state(cell), "number")
        self.report[cell] = "/"
        self.assertEqual(self.report.cell_state(cell), "mark")
        del self.report[cell]
        self.assertEqual(self.report.cell_state(cell), "absent")
        self.assertNotIn(cell, self.report)
        self.assertEqual(self.report.get(cell, "gone"), "gone")
        self.report[cell] = None
        self.assertIn(cell, self.report)

    def test_values_the_library_keeps_are_what_it_serializes(self):
        self.report[BALANCE_CELL] = 12
        self.report["table2_art20_8.admin_fees.fee_amount"] = Decimal("0.10")
        self.report["table3.new_received.commercial"] = "251000元"
        tables = json.loads(self.report.dumps("json"))["tables"]
        self.assertEqual(tables["table3"]["new_received"]["natural_person"], 12)
        self.assertEqual(tables["table3"]["new_received"]["commercial"], "251000元")
        self.assertIsNone(tables["table3"]["new_received"]["research"])
        exact = json.loads(self.report.dumps("json"), parse_float=Decimal)
        self.assertEqual(str(exact["tables"]["table2_art20_8"]["admin_fees"]["fee_amount"]),
                         str(self.report["table2_art20_8.admin_fees.fee_amount"]))

    def test_python_values_that_are_not_cells_are_refused(self):
        for value in [1.5, True, b"/", [1], Decimal("NaN")]:
            with self.subTest(value=value), self.assertRaises(TypeError):
                self.report[BALANCE_CELL] = value
        self.assertIsNone(self.report[BALANCE_CELL], "a refused value changes nothing")

    def test_ids_with_nul_are_refused_before_the_call(self):
        with self.assertRaises(ValueError):
            self.report[BALANCE_CELL + "\0x"]
        with self.assertRaises(ValueError):
            self.report[BALANCE_CELL] = "a\0b"


class Metadata(unittest.TestCase):
    def test_set_read_and_unset(self):
        report = govinfo.Report("2021")
        self.assertEqual((report.format, report.year, report.organ), ("2021", None, None))
        values = {"organ": "某县人民政府", "title": "某县人民政府2024年政府信息公开工作年度报告",
                  "published": "2025-01-20", "division_code": "320800",
                  "source": "https://example.invalid/2024.pdf", "preface": "本报告……"}
        for key, value in values.items():
            setattr(report, key, value)
        report.year = 2024
        document = report.to_dict()
        for key, value in values.items():
            self.assertEqual(getattr(report, key), value)
            self.assertEqual(document[key], value)
        self.assertEqual(document["year"], 2024)
        report.published = datetime.date(2025, 3, 1)
        self.assertEqual(report.published, "2025-03-01")
        report.organ = None
        del report.title
        report.year = None
        self.assertIsNone(report.organ)
        self.assertIsNone(report.title)
        self.assertIsNone(report.year)
        self.assertNotIn("organ", report.to_dict())
        with self.assertRaises(AttributeError):
            report.format = "2019"

    def test_sections(self):
        report = govinfo.Report.template("2021", 2024)
        official = [s.title for s in govinfo.find_format("2021").sections]
        self.assertEqual([s.title for s in report.sections], official)
        self.assertEqual([s.text for s in report.sections], [""] * 6)
        report.set_section("s5", "无。")
        report.set_section("s6", "收取信息处理费0元。", title="六、其他需要报告事项")
        self.assertEqual(report.section_text("s5"), "无。")
        self.assertEqual(report.sections[5].title, "六、其他需要报告事项")
        report.remove_section("s2")
        self.assertEqual([s.id for s in report.sections], ["s1", "s3", "s4", "s5", "s6"])
        self.assertIsNone(report.section_text("s2"))
        with self.assertRaises(dataclasses.FrozenInstanceError):
            report.sections[0].text = "x"


class Validating(unittest.TestCase):
    def test_example_reports_agree_with_the_cli(self):
        for path in EXAMPLE_REPORTS:
            with self.subTest(report=os.path.basename(path)):
                result = govinfo.Report.load(path).validate()
                self.assertEqual(result.to_dict(), self.cli_json(path))

    def cli_json(self, path):
        if not CLI:
            self.skipTest("GOVINFO_CLI is not set")
        run = subprocess.run([CLI, "validate", "--json", path], stdout=subprocess.PIPE,
                             text=True, encoding="utf-8", check=False)
        document = json.loads(run.stdout, parse_float=Decimal)
        document.pop("file", None)
        return document

    def test_a_balance_error_is_found_where_the_cell_is(self):
        text = read_text(SUIBIN)
        document = yaml_document(SUIBIN)
        table3 = document["tables"]["table3"]
        received = table3["new_received"]["natural_person"] + 5
        edited = text.replace(f"natural_person: {table3['new_received']['natural_person']}",
                              f"natural_person: {received}", 1)
        report = govinfo.Report.loads(edited, source_name="edited.yaml")
        result = report.validate()
        self.assertFalse(result.valid)
        balance = [d for d in result.errors if d.rule == "table3.balance"]
        self.assertEqual(len(balance), 1)
        finding = balance[0]
        self.assertEqual(finding.severity, "error")
        self.assertEqual(finding.expected, received + table3["carried_over"]["natural_person"])
        self.assertEqual(finding.actual, table3["result_total"]["natural_person"] +
                         table3["carry_forward"]["natural_person"])
        self.assertIn("/tables/table3/new_received/natural_person", finding.paths)
        self.assertEqual(finding.path, finding.paths[0])
        self.assertEqual((finding.line, finding.column), yaml_position(edited, finding.path))
        self.assertEqual(finding.file, "edited.yaml")
        self.assertTrue(finding.message and finding.message_en)
        # The library's formatter made both lines: the CLI's, in each language.
        where = f"edited.yaml:{finding.line}:{finding.column}: error: "
        self.assertEqual(str(finding), f"{where}{finding.message} [table3.balance]")
        self.assertEqual(finding.text_en, f"{where}{finding.message_en} [table3.balance]")
        self.assertEqual(result.error_count, len(result.errors))
        self.assertEqual(len(result), len(result.errors) + len(result.warnings) +
                         len(result.notes))
        with self.assertRaises(dataclasses.FrozenInstanceError):
            finding.rule = "other"
        as_json = result.to_dict()
        self.assertEqual(as_json["valid"], False)
        self.assertEqual([d["rule"] for d in as_json["diagnostics"]], [d.rule for d in result])

    def test_findings_of_a_report_built_in_memory_have_no_location(self):
        report = govinfo.Report.template("2021", 2024, "某县人民政府")
        result = report.validate()
        self.assertTrue(result.valid)
        blanks = [d for d in result.warnings if d.rule == "cell.blank"]
        self.assertTrue(blanks)
        self.assertEqual((blanks[0].file, blanks[0].line, blanks[0].column), ("", None, None))
        self.assertIsNone(blanks[0].expected)
        self.assertIs(report.check().valid, True)

    def test_rules_are_the_cli_rules(self):
        if not CLI:
            self.skipTest("GOVINFO_CLI is not set")
        listed = subprocess.run([CLI, "rules"], stdout=subprocess.PIPE, text=True,
                                check=True).stdout.split("\n")
        ids = [line.split()[0] for line in listed if line.strip()]
        self.assertEqual([r.id for r in govinfo.rules()], ids)
        self.assertEqual(govinfo.find_rule("table3.balance").severity, "error")
        self.assertEqual(govinfo.find_rule("sections.fee_statement").formats, ("2021",))
        with self.assertRaises(govinfo.NotFoundError):
            govinfo.find_rule("no.such.rule")

    def test_formats(self):
        self.assertEqual([f.id for f in govinfo.formats()], ["2019", "2021"])
        self.assertEqual(govinfo.format_for_year(2020).id, "2019")
        self.assertEqual(govinfo.format_for_year(2025).id, "2021")
        self.assertEqual(govinfo.find_format("2019").last_year, 2020)
        self.assertIsNone(govinfo.find_format("2021").last_year)
        self.assertTrue(govinfo.find_format("2021").covers_year(2024))
        with self.assertRaises(govinfo.NotFoundError):
            govinfo.format_for_year(2018)
        table3 = govinfo.find_format("2021").table("table3")
        self.assertEqual([c.id for c in table3.columns],
                         ["natural_person", "commercial", "research", "public_interest",
                          "legal_service", "other_org", "total"])
        roles = {r.id: r.role for r in table3.rows}
        self.assertEqual((roles["results"], roles["other_processing"], roles["granted"]),
                         ("heading", "group", "data"))


class Writing(TempDir, unittest.TestCase):
    def test_dumps_and_loads_round_trip_in_both_syntaxes(self):
        with govinfo.Report.load(HUAIAN) as report:
            for fmt in ("json", "yaml"):
                with self.subTest(format=fmt):
                    text = report.dumps(fmt)
                    again = govinfo.Report.loads(text, format=fmt)
                    self.assertEqual(again, report)
                    self.assertEqual(again.dumps(fmt), text, "canonical output is stable")
            self.assertIn("# ", report.dumps("yaml", labels=True))
            with self.assertRaises(ValueError):
                report.dumps("auto")

    def test_to_dict_is_the_json_document(self):
        with govinfo.Report.load(HUAIAN) as report:
            document = report.to_dict()
        expected = yaml_document(HUAIAN)
        self.assertEqual(plain_cells(document), plain_cells(expected))
        self.assertEqual({k: v for k, v in document.items() if k != "tables"},
                         {k: v for k, v in expected.items() if k != "tables"})
        fee = document["tables"]["table2_art20_8"]["admin_fees"]["fee_amount"]
        self.assertIsInstance(fee, Decimal)

    def test_save_writes_the_syntax_of_the_extension(self):
        directory = self.tmpdir()
        with govinfo.Report.load(SUIBIN) as report:
            for name, fmt in [("r.json", "json"), ("r.yaml", "yaml"), ("r.txt", None)]:
                path = os.path.join(directory, name)
                if fmt is None:
                    with self.assertRaises(govinfo.GovinfoError):
                        report.save(path)
                    report.save(path, format="yaml")
                    fmt = "yaml"
                else:
                    report.save(path)
                with open(path, encoding="utf-8") as f:
                    self.assertEqual(f.read(), report.dumps(fmt))
                self.assertEqual(govinfo.Report.load(path), report)
            self.assertEqual(sorted(os.listdir(directory)), ["r.json", "r.txt", "r.yaml"])

    def test_save_into_a_missing_directory_is_an_os_error(self):
        with govinfo.Report.load(SUIBIN) as report, self.assertRaises(OSError):
            report.save(os.path.join(self.tmpdir(), "no", "such", "r.json"))

    def test_pathlike_paths(self):
        import pathlib
        path = pathlib.Path(self.tmpdir()) / "r.yaml"
        govinfo.Report.load(pathlib.Path(SUIBIN)).save(path)
        self.assertEqual(govinfo.Report.load(path), govinfo.Report.load(SUIBIN))


class Life(unittest.TestCase):
    def test_context_manager_closes(self):
        with govinfo.Report.load(SUIBIN) as report:
            self.assertFalse(report.closed)
        self.assertTrue(report.closed)
        for use in [lambda: report.organ, lambda: report[BALANCE_CELL], report.validate,
                    report.dumps, lambda: report.__setitem__(BALANCE_CELL, 1),
                    lambda: report.__enter__()]:
            with self.assertRaises(ValueError):
                use()
        report.close()
        report.close()
        self.assertEqual(repr(report), "<govinfo.Report closed>")

    def test_dropping_the_last_reference_frees_the_report(self):
        report = govinfo.Report.load(SUIBIN)
        finalizer = report._finalizer
        self.assertTrue(finalizer.alive)
        del report
        gc.collect()
        self.assertFalse(finalizer.alive)

    def test_copies_are_independent(self):
        original = govinfo.Report.load(SUIBIN)
        duplicate = original.copy()
        self.assertEqual(duplicate, original)
        duplicate[BALANCE_CELL] = 99
        self.assertNotEqual(duplicate, original)
        self.assertNotEqual(original[BALANCE_CELL], 99)
        original.close()
        self.assertEqual(duplicate[BALANCE_CELL], 99)
        self.assertNotEqual(duplicate, "a report")
        with self.assertRaises(TypeError):
            hash(duplicate)

    def test_results_outlive_their_report(self):
        with govinfo.Report.load(SUIBIN) as report:
            report[BALANCE_CELL] = 1000
            result = report.validate()
        self.assertFalse(result.valid)
        self.assertIn("table3.balance", result.to_json())

    def test_repr_names_format_year_organ_and_origin(self):
        with govinfo.Report.load(SUIBIN) as report:
            text = repr(report)
        self.assertEqual(text, "<govinfo.Report format='2019' year=2020 organ='绥滨镇人民政府' "
                               f"origin={SUIBIN!r}>")
        self.assertIn("valid=True", repr(govinfo.Report.load(SUIBIN).validate()))


class ReadmeExample(TempDir, unittest.TestCase):
    def test_the_readme_example_runs_as_printed(self):
        output = io.StringIO()
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            with redirect_stdout(output):
                exec(compile(README_EXAMPLE, "README", "exec"), {})
        finally:
            os.chdir(cwd)
        printed = output.getvalue().splitlines()
        self.assertIn("[table3.balance]", output.getvalue())
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        for line in printed:
            self.assertIn(line + "\n", readme, "the README shows what the example prints")
        # The same findings as the CLI prints for the file with that cell changed.
        if not CLI:
            self.skipTest("GOVINFO_CLI is not set")
        edited = os.path.join(self.tmpdir(), "suibin-2020.yaml")
        with open(edited, "w", encoding="utf-8") as f:
            f.write(with_yaml_value(read_text(SUIBIN), "/tables/table3/new_received/"
                                    "natural_person", "3"))
        run = subprocess.run([CLI, "validate", edited], stdout=subprocess.PIPE, text=True,
                             encoding="utf-8")
        self.assertEqual(run.returncode, 1)
        relative = os.path.join("examples", "reports", "suibin-2020.yaml")
        expected = [line.replace(edited, relative) for line in run.stdout.splitlines()
                    if line.startswith(edited)]
        self.assertEqual(printed, expected)

    def test_both_readmes_show_the_same_example(self):
        for readme in (os.path.join(ROOT, "README.md"),
                       os.path.join(ROOT, "bindings", "python", "README.md")):
            with self.subTest(readme=readme), open(readme, encoding="utf-8") as f:
                self.assertIn(README_EXAMPLE, f.read())


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    import taprunner
    taprunner.main()
