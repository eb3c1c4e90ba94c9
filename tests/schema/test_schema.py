#!/usr/bin/python3
"""The JSON Schema (schema/govinfo-report.schema.json) against the library's own documents.

Every example report and test fixture is converted to JSON by the CLI
(`govinfo convert FILE - --to json`) and must validate; hand-broken documents must not, and
the library must refuse them too. The schema's tables, rows and columns must be those of
the specification (tests/data/spec/formats.yaml) and of the library's own templates, and
the cell ids of the hand-transcribed fixtures must be cells of the schema.

Environment (set by tests/meson.build): GOVINFO_SOURCE_ROOT, GOVINFO_CLI.
"""
import glob
import json
import os
import subprocess
import tempfile
import unittest

import jsonschema
import yaml

ROOT = os.environ.get("GOVINFO_SOURCE_ROOT") or os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.environ.get("GOVINFO_CLI", "")
SCHEMA_PATH = os.path.join(ROOT, "schema", "govinfo-report.schema.json")
EXAMPLES_DIR = os.path.join(ROOT, "examples", "reports")
FIXTURES_DIR = os.path.join(ROOT, "tests", "data", "fixtures")
SPEC_PATH = os.path.join(ROOT, "tests", "data", "spec", "formats.yaml")


def load_schema():
    with open(SCHEMA_PATH, encoding="utf-8") as f:
        return json.load(f)


def report_documents(directory):
    """The *.yaml reports of a directory (not the *.expected.yaml transcriptions)."""
    return sorted(p for p in glob.glob(os.path.join(directory, "*.yaml"))
                  if not p.endswith(".expected.yaml"))


def error_lines(errors):
    return "\n".join("  /%s: %s" % ("/".join(str(p) for p in e.absolute_path), e.message)
                     for e in errors)


def minimal_report():
    """A small valid 2021 report with each kind of cell."""
    return {
        "format": "2021",
        "year": 2024,
        "organ": "淮安市人民政府",
        "title": "淮安市人民政府2024年政府信息公开工作年度报告",
        "published": "2025-01-20",
        "division_code": "320800",
        "source": "szfgs2024.pdf",
        "sections": [
            {"id": "s1", "title": "一、总体情况", "text": "2024年，……"},
            {"id": "s6", "text": "无。"},
        ],
        "tables": {
            "table2_art20_8": {"admin_fees": {"fee_amount": 96171.6}},
            "table3": {
                "new_received": {"natural_person": 3001, "commercial": None, "research": "/"},
                "other_processing": {"total": 0},
                "other_fee_unpaid": {"total": 6},
            },
            "table4": {"review": {"upheld": 72, "total": 351}},
        },
    }


def changed(change):
    """minimal_report() with change(doc) applied."""
    doc = minimal_report()
    change(doc)
    return doc


def set_cell(value, table="table3", row="new_received", column="natural_person"):
    def change(doc):
        doc["tables"].setdefault(table, {}).setdefault(row, {})[column] = value
    return change


def set_key(key, value):
    def change(doc):
        doc[key] = value
    return change


def remove_key(key):
    def change(doc):
        del doc[key]
    return change


def as_2019(doc):
    """The minimal report in the 2019 format: no 2021-only rows or columns."""
    doc["format"] = "2019"
    doc["year"] = 2020
    doc["tables"]["table2_art20_8"] = {"admin_fees": {"prev_year_count": 2, "change": -1}}
    del doc["tables"]["table3"]["other_fee_unpaid"]


# Documents the schema must reject, and so must the library's reader.
BROKEN = {
    "unknown top-level key": set_key("author", "x"),
    "format missing": remove_key("format"),
    "unknown format": set_key("format", "2020"),
    "format as a number": set_key("format", 2021),
    "year as a string": set_key("year", "2024"),
    "year 0": set_key("year", 0),
    "year 10000": set_key("year", 10000),
    "organ as a number": set_key("organ", 12),
    "published not YYYY-MM-DD": set_key("published", "2025-1-20"),
    "published month 13": set_key("published", "2025-13-01"),
    "division code of 7 digits": set_key("division_code", "3208001"),
    "division code as a number": set_key("division_code", 320800),
    "sections not a list": set_key("sections", {"s1": "text"}),
    "unknown section id": lambda d: d["sections"].append({"id": "s7", "text": "x"}),
    "section without text": lambda d: d["sections"].append({"id": "s2"}),
    "section with an unknown key": lambda d: d["sections"][0].update(page=1),
    "tables not an object": set_key("tables", []),
    "unknown table": set_cell(1, table="table5", row="x", column="y"),
    "unknown row": set_cell(1, row="new_recieved"),
    "heading row holding a cell": set_cell(1, row="results"),
    "unknown column": set_cell(1, column="person"),
    "row not an object": lambda d: d["tables"]["table3"].update(carried_over=[1, 2]),
    "cell '12' (numeric text is not a mark)": set_cell("12"),
    "cell '-1'": set_cell("-1"),
    "cell '+3'": set_cell("+3"),
    "cell '' (empty mark)": set_cell(""),
    "cell true": set_cell(True),
    "cell false": set_cell(False),
    "cell as an object": set_cell({"value": 1}),
    "cell as a list": set_cell([1]),
    "2021-only row in a 2019 report":
        lambda d: (as_2019(d), set_cell(1, row="other_fee_unpaid", column="total")(d)),
    "2019-only table in a 2021 report":
        set_cell(3, table="table2_art20_9", row="centralized_procurement",
                 column="project_count"),
    "2019-only column in a 2021 report":
        set_cell(3, table="table2_art20_5", row="admin_license", column="change"),
}

# Variations the schema must accept.
VALID = {
    "minimal report": lambda d: None,
    "format alone": lambda d: (d.clear(), d.update(format="2021")),
    "published null": set_key("published", None),
    "12-digit division code": set_key("division_code", "320800000000"),
    "section without title": lambda d: d["sections"][0].pop("title"),
    "mark '—'": set_cell("—"),
    "mark '无'": set_cell("无"),
    "mark '-' (a sign alone is not a number)": set_cell("-"),
    "mark 'x12'": set_cell("x12"),
    "mark '12件' (text after the digits: not a number)": set_cell("12件"),
    "mark '251000元'": set_cell("251000元"),
    "mark '.5' (not a number in the report grammar)": set_cell(".5"),
    "mark '010' (leading zeros are not a number)": set_cell("010"),
    "negative number (the validator, not the schema, judges signs)": set_cell(-3),
    "blank cell": set_cell(None),
    "empty table object": lambda d: d["tables"].update(table4={}),
    "no sections, no tables": lambda d: d.update(sections=[], tables={}),
    "2019 report with its own table":
        lambda d: (as_2019(d), set_cell(3, table="table2_art20_9",
                                        row="centralized_procurement",
                                        column="project_count")(d)),
    "2019 report with its single other_processing row": as_2019,
}


class SchemaTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.schema = load_schema()
        jsonschema.Draft202012Validator.check_schema(cls.schema)
        cls.validator = jsonschema.Draft202012Validator(cls.schema)

    def for_each(self, cases, check):
        """Runs check(case) for every (label, case); fails once, naming every case that
        failed (one TAP line per test method, whatever the runner does with subTest)."""
        problems = []
        for label, case in cases:
            try:
                check(case)
            except self.failureException as e:
                problems.append("%s: %s" % (label, e))
        if problems:
            self.fail("%d of the cases fail:\n%s" % (len(problems), "\n".join(problems)))

    def cli(self):
        if not CLI or not os.access(CLI, os.X_OK):
            self.fail("GOVINFO_CLI must name the built govinfo program (run through meson "
                      "test); it is %r" % CLI)
        return CLI

    def run_cli(self, *args, stdin=None):
        run = subprocess.run([self.cli(), *args], input=stdin, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, check=False)
        if run.returncode < 0:
            self.fail("govinfo %s crashed with signal %d" % (" ".join(args), -run.returncode))
        return run

    def assert_valid(self, doc, what):
        errors = sorted(self.validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        if errors:
            self.fail("%s does not match the schema:\n%s" % (what, error_lines(errors)))

    def library_json(self, path, stdin=None):
        """The library's own JSON for a report file ("-": stdin)."""
        run = self.run_cli("convert", path, "-", "--to", "json", stdin=stdin)
        self.assertEqual(run.returncode, 0, "govinfo convert %s failed:\n%s"
                         % (path, run.stderr.decode("utf-8", "replace")))
        return json.loads(run.stdout.decode("utf-8"))

    def library_accepts(self, doc):
        with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8",
                                         delete=False) as f:
            json.dump(doc, f, ensure_ascii=False)
        try:
            return self.run_cli("convert", f.name, "-", "--to", "json").returncode == 0
        finally:
            os.unlink(f.name)

    def tables_of(self, fmt):
        return self.schema["$defs"]["format_" + fmt]["properties"]["tables"]["properties"]

    def cell_ids_of(self, fmt):
        return {(t, r, c)
                for t, table in self.tables_of(fmt).items()
                for r, row in table["properties"].items()
                for c in row["properties"]}

    def formats(self):
        return self.schema["properties"]["format"]["enum"]

    def spec_versions(self):
        if not os.path.exists(SPEC_PATH):
            self.skipTest("no tests/data/spec/formats.yaml")
        with open(SPEC_PATH, encoding="utf-8") as f:
            return yaml.safe_load(f)["versions"]

    # ---- the schema itself ----

    def test_schema_is_a_draft_2020_12_schema_with_a_urn_id(self):
        self.assertEqual(self.schema["$schema"], "https://json-schema.org/draft/2020-12/schema")
        self.assertEqual(self.schema["$id"], "urn:govinfo:report:1")

    def test_every_format_has_its_tables_and_no_heading_rows(self):
        self.assertEqual(sorted(self.formats()), ["2019", "2021"])

        def check(fmt):
            tables = self.tables_of(fmt)
            self.assertNotIn("results", tables["table3"]["properties"])
            self.assertEqual(sorted(tables["table4"]["properties"]),
                             ["litigation_after_review", "litigation_direct", "review"])
        self.for_each(((f, f) for f in self.formats()), check)

    # ---- the library's documents ----

    def check_documents_validate(self, directory):
        if not os.path.isdir(directory):
            self.skipTest("%s does not exist yet" % os.path.relpath(directory, ROOT))
        paths = report_documents(directory)
        self.assertTrue(paths, "%s has no *.yaml report" % directory)

        def check(path):
            doc = self.library_json(path)
            self.assertIn(doc.get("format"), self.formats())
            self.assertTrue(doc.get("tables"), "no tables in the JSON of %s" % path)
            self.assert_valid(doc, path)
        self.for_each(((os.path.relpath(p, ROOT), p) for p in paths), check)

    def test_example_reports_converted_by_the_library_validate(self):
        self.check_documents_validate(EXAMPLES_DIR)

    def test_fixture_reports_converted_by_the_library_validate(self):
        self.check_documents_validate(FIXTURES_DIR)

    # ---- hand-made documents ----

    def test_valid_variations_validate(self):
        self.for_each(VALID.items(), lambda change: self.assert_valid(changed(change), "it"))

    def test_broken_documents_are_rejected(self):
        self.for_each(BROKEN.items(), lambda change: self.assertFalse(
            self.validator.is_valid(changed(change)), "the schema accepts it"))

    def test_library_accepts_what_the_schema_accepts(self):
        self.for_each(VALID.items(), lambda change: self.assertTrue(
            self.library_accepts(changed(change)), "the library refuses it"))

    def test_library_refuses_what_the_schema_refuses(self):
        self.for_each(BROKEN.items(), lambda change: self.assertFalse(
            self.library_accepts(changed(change)), "the library accepts it"))

    # ---- the ids against the specification, the library and the fixtures ----

    def test_ids_are_those_of_the_specification(self):
        versions = self.spec_versions()
        self.assertEqual(sorted(versions), sorted(self.formats()))

        def check(fmt):
            spec = versions[fmt]
            props = self.schema["$defs"]["format_" + fmt]["properties"]
            self.assertEqual(props["sections"]["items"]["properties"]["id"]["enum"],
                             [s["id"] for s in spec["sections"]])
            tables = self.tables_of(fmt)
            self.assertEqual(list(tables), [t["id"] for t in spec["tables"]])
            for t in spec["tables"]:
                # Rows with figures, and groups that may print one; headings have none.
                rows = [r["id"] for r in t["rows"]
                        if r.get("data") or r.get("virtual_sum_of_children")]
                schema_rows = tables[t["id"]]["properties"]
                self.assertEqual(list(schema_rows), rows, t["id"])
                columns = [c["id"] for c in t["columns"]]
                for row_id, row in schema_rows.items():
                    self.assertEqual(list(row["properties"]), columns,
                                     "%s.%s" % (t["id"], row_id))
        self.for_each(((f, f) for f in self.formats()), check)

    def test_cells_are_those_of_the_library_template(self):
        versions = self.spec_versions()

        def check(fmt):
            template = self.run_cli("template", "--format", fmt, "--year", "2020" if fmt == "2019" else "2024")
            self.assertEqual(template.returncode, 0, template.stderr.decode("utf-8"))
            doc = self.library_json("-", stdin=template.stdout)
            self.assert_valid(doc, "the %s template" % fmt)
            cells = {(t, r, c)
                     for t, rows in doc["tables"].items()
                     for r, columns in rows.items()
                     for c in columns}
            schema_cells = self.cell_ids_of(fmt)
            self.assertLessEqual(cells, schema_cells)
            # The template leaves out whole rows only: the groups, whose sub-rows it has.
            left_out = {(t, r) for t, r, _ in schema_cells - cells}
            self.assertFalse({(t, r) for t, r, _ in cells} & left_out)
            self.assertEqual(left_out, {(t["id"], r["id"])
                                        for t in versions[fmt]["tables"] for r in t["rows"]
                                        if r.get("virtual_sum_of_children")})
        self.for_each(((f, f) for f in self.formats()), check)

    def test_fixture_cell_ids_are_cells_of_the_schema(self):
        paths = sorted(glob.glob(os.path.join(FIXTURES_DIR, "*.expected.yaml")))
        if not paths:
            self.skipTest("no tests/data/fixtures/*.expected.yaml yet")

        def check(path):
            with open(path, encoding="utf-8") as f:
                expected = yaml.safe_load(f)
            tables = self.tables_of(expected["format"])
            seen = {}
            for cell_id in expected["cells"]:
                table, row, column = cell_id.split(".")
                self.assertIn(table, tables, cell_id)
                self.assertIn(row, tables[table]["properties"], cell_id)
                self.assertIn(column, tables[table]["properties"][row]["properties"], cell_id)
                seen.setdefault(table, set()).add(column)
            # Each fixture prints every table with all its columns, so the schema has no
            # table or column the real reports lack.
            self.assertEqual(sorted(seen), sorted(tables))
            for table, columns in seen.items():
                first_row = next(iter(tables[table]["properties"].values()))
                self.assertEqual(columns, set(first_row["properties"]), table)
        self.for_each(((os.path.basename(p), p) for p in paths), check)


if __name__ == "__main__":
    import taprunner  # tests/taprunner.py, on PYTHONPATH under meson
    taprunner.main()
