#!/usr/bin/python3
"""Tests of the govinfo command-line tool, run as a program.

Environment (set by tests/meson.build): GOVINFO_CLI is the built binary, GOVINFO_SOURCE_ROOT
the source tree. GOVINFO_TEST_WRAPPER, when set, prefixes every run of the binary (for
example "valgrind -q --error-exitcode=99 --leak-check=full").

Reports are built here from examples/reports/suibin-2020.yaml when it exists, otherwise from
`govinfo template` with every blank cell set to 0.
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import unittest

import yaml

from yaml_pointer import pointer_segments, with_yaml_value, yaml_position, yaml_value_node

ROOT = os.environ.get("GOVINFO_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CLI = os.environ.get("GOVINFO_CLI")
WRAPPER = shlex.split(os.environ.get("GOVINFO_TEST_WRAPPER", ""))
# The project's copy of the format specification.
SPEC = os.path.join(ROOT, "tests", "data", "spec", "formats.yaml")
COMMANDS = ["validate", "convert", "template", "rules", "compare", "sum"]
EXAMPLE = os.path.join(ROOT, "examples", "reports", "suibin-2020.yaml")
CHANGED_CELL = "/tables/table3/new_received/natural_person"


def run(*args, stdin=None, stdout=subprocess.PIPE, cwd=None, env=None):
    """Runs govinfo; stdin is text or None; env holds variables to set (None: unset them).
    Returns the CompletedProcess (text mode)."""
    environ = dict(os.environ)
    for name, value in (env or {}).items():
        if value is None:
            environ.pop(name, None)
        else:
            environ[name] = value
    return subprocess.run(WRAPPER + [CLI, *args], input=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, text=True, encoding="utf-8", cwd=cwd,
                          stdin=None if stdin is not None else subprocess.DEVNULL, env=environ)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def expected_summary(errors, warnings, lang):
    """The summary line the brief asks for ("" when there is nothing to count)."""
    if not errors and not warnings:
        return ""
    if lang == "zh":
        parts = [f"{errors} 个错误"] * bool(errors) + [f"{warnings} 个警告"] * bool(warnings)
        return "共 " + "，".join(parts) + "。\n"
    parts = ([f"{errors} error" + "s" * (errors != 1)] * bool(errors) +
             [f"{warnings} warning" + "s" * (warnings != 1)] * bool(warnings))
    return " and ".join(parts) + " generated.\n"


def spec_data_cells(format_id):
    """Every cell id of the data rows of a format version, from the specification."""
    with open(SPEC, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    cells = set()
    for table in spec["versions"][format_id]["tables"]:
        for row in table["rows"]:
            if row["data"]:
                cells |= {f"{table['id']}.{row['id']}.{c['id']}" for c in table["columns"]}
    return cells


def registry_formats():
    """The format versions of the registry, GI_FORMATS(X) in lib/model/format.h, oldest first."""
    src = read(os.path.join(ROOT, "lib", "model", "format.h"))
    return re.findall(r"X\((\w+)\)", re.search(r"#define GI_FORMATS\(X\)(.*)", src).group(1))


def registry_rules():
    """(id, severity, scope, zh, en) of every X() line of lib/model/rules.h, parsed here."""
    src = read(os.path.join(ROOT, "lib", "model", "rules.h")).replace("\\\n", "\n")
    body = src[src.index("#define GI_RULES(X)"):src.index("typedef enum gi_rule")]
    token = re.compile(r'\s*(?:("(?:[^"\\]|\\.)*")|(\w+)|([(),]))')
    rules = []
    for start in re.finditer(r"\bX\(", body):
        pos, args, current = start.end(), [], []
        while True:
            m = token.match(body, pos)
            pos = m.end()
            if m.group(3) == ")":
                args.append(current)
                break
            if m.group(3) == ",":
                args.append(current)
                current = []
            else:
                current.append(m.group(1) or m.group(2))
        def text(parts):
            return "".join(json.loads(p) for p in parts)
        rules.append((text(args[1]), args[2][0].lower(), args[3][0], text(args[5]),
                      text(args[6])))
    return rules


def make_base_report():
    example = os.path.join(ROOT, "examples", "reports", "suibin-2020.yaml")
    if os.path.exists(example):
        return read(example)
    r = run("template", "--format", "2019", "--year", "2020", "--organ", "绥滨镇人民政府")
    assert r.returncode == 0, r.stderr
    return re.sub(r"^(\s*[A-Za-z0-9_]+:) null(?=\s|$)", r"\1 0", r.stdout, flags=re.M)


BASE = None


def setUpModule():
    global BASE
    if not CLI or not os.path.exists(CLI):
        raise RuntimeError("GOVINFO_CLI must name the built govinfo binary")
    BASE = make_base_report()


class CliTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="govinfo-cli-")
        self.dir = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def put(self, name, text):
        write(self.path(name), text)
        return self.path(name)

    def invalid_text(self):
        """The base report with table3.new_received.natural_person raised by 5."""
        old = yaml_value_node(BASE, CHANGED_CELL).value
        return with_yaml_value(BASE, CHANGED_CELL, str(int(old) + 5))

    def assertStatus(self, result, status):
        self.assertEqual(result.returncode, status,
                         f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}")

    def assertUsageError(self, result):
        self.assertStatus(result, 2)
        self.assertEqual(result.stdout, "")
        self.assertRegex(result.stderr, "(usage: |用法：)govinfo")

    def json_lines(self, stdout):
        return [json.loads(line, object_pairs_hook=lambda pairs: pairs)
                for line in stdout.splitlines()]

    def validate_json(self, *args, stdin=None):
        r = run("validate", "--json", *args, stdin=stdin)
        return r, [json.loads(line) for line in r.stdout.splitlines()]


class ValidateTest(CliTest):
    def test_valid_report_exits_0_with_no_error_lines(self):
        r = run("validate", self.put("ok.yaml", BASE))
        self.assertStatus(r, 0)
        self.assertNotIn(": error: ", r.stdout)
        *findings, last = r.stdout.splitlines()
        for line in findings:
            self.assertRegex(line, r"^.+: (warning|note): .+ \[[a-z0-9_.]+\]$")
        self.assertRegex(last, r"^.+ok\.yaml：有效，没有错误")

    def test_changed_table3_cell_gives_exact_clang_lines_and_exit_1(self):
        text = self.invalid_text()
        path = self.put("bad.yaml", text)
        r = run("validate", path)
        self.assertStatus(r, 1)
        _, [result] = self.validate_json(path)
        errors = [d for d in result["diagnostics"] if d["severity"] == "error"]
        self.assertEqual(sorted(d["rule"] for d in errors), ["table3.balance", "table3.row_total"])
        balance = next(d for d in errors if d["rule"] == "table3.balance")
        row_total = next(d for d in errors if d["rule"] == "table3.row_total")
        self.assertIn(CHANGED_CELL, balance["paths"])
        self.assertIn(CHANGED_CELL, row_total["paths"])
        # Each finding is located at its first path: the natural_person column for the
        # balance, the new_received row for the row total.
        self.assertRegex(balance["paths"][0], r"^/tables/table3/[a-z_]+/natural_person$")
        self.assertRegex(row_total["paths"][0], r"^/tables/table3/new_received/[a-z_]+$")
        lines = r.stdout.splitlines()
        for d in (balance, row_total):
            line, column = yaml_position(text, d["paths"][0])
            self.assertEqual((d["line"], d["column"]), (line, column))
            expected = f"{path}:{line}:{column}: error: {d['message']} [{d['rule']}]"
            self.assertIn(expected, lines)
        self.assertEqual(len([l for l in lines if ": error: " in l]), 2)
        self.assertEqual(r.stderr, expected_summary(2, result["warnings"], "zh"))

    def test_changed_cell_is_located_in_a_json_report_too(self):
        converted = run("convert", "--to", "json", self.put("bad.yaml", self.invalid_text()), "-")
        self.assertStatus(converted, 0)
        path = self.put("bad.json", converted.stdout)
        r = run("validate", path)
        self.assertStatus(r, 1)
        _, [result] = self.validate_json(path)
        json_lines = converted.stdout.splitlines()
        errors = [d for d in result["diagnostics"] if d["severity"] == "error"]
        self.assertEqual(len(errors), 2)
        for d in errors:
            key = pointer_segments(d["paths"][0])[-1]
            self.assertIn(f'"{key}":', json_lines[d["line"] - 1])
            self.assertIn(f"{path}:{d['line']}:{d['column']}: error: {d['message']} [{d['rule']}]",
                          r.stdout.splitlines())

    def test_lang_en_prints_english_messages_and_summary(self):
        path = self.put("bad.yaml", self.invalid_text())
        _, [result] = self.validate_json(path)
        for lang_args in (["--lang", "en"], ["--lang=en"]):
            r = run("validate", *lang_args, path)
            self.assertStatus(r, 1)
            expected = [f"{path}:{d['line']}:{d['column']}: {d['severity']}: {d['message_en']} [{d['rule']}]"
                        for d in result["diagnostics"]]
            self.assertEqual(r.stdout.splitlines(), expected)
            self.assertEqual(r.stderr, expected_summary(result["errors"], result["warnings"], "en"))
        zh = run("validate", "--lang", "zh", path)
        self.assertEqual(zh.stdout, run("validate", path).stdout)
        self.assertNotEqual(zh.stdout, run("validate", "--lang", "en", path).stdout)

    def test_unknown_language_is_a_usage_error(self):
        self.assertUsageError(run("validate", "--lang", "fr", self.put("ok.yaml", BASE)))

    def test_json_lines_carry_file_first_and_the_library_keys(self):
        ok, bad = self.put("ok.yaml", BASE), self.put("bad.yaml", self.invalid_text())
        r = run("validate", "--json", ok, bad)
        self.assertStatus(r, 1)
        self.assertEqual(r.stderr, "")
        objects = self.json_lines(r.stdout)
        self.assertEqual(len(objects), 3)
        self.assertEqual([k for k, _ in objects.pop()], ["summary"], "told apart by its key")
        for pairs, path in zip(objects, (ok, bad)):
            keys = [k for k, _ in pairs]
            self.assertEqual(keys[0], "file")
            self.assertEqual(dict(pairs)["file"], path)
            self.assertTrue({"valid", "errors", "warnings", "notes", "diagnostics"} <= set(keys))
        ok_result, bad_result = (json.loads(l) for l in r.stdout.splitlines()[:2])
        self.assertIs(ok_result["valid"], True)
        self.assertEqual(ok_result["errors"], 0)
        self.assertIs(bad_result["valid"], False)
        self.assertEqual(bad_result["errors"], 2)
        self.assertEqual(bad_result["errors"] + bad_result["warnings"] + bad_result["notes"],
                         len(bad_result["diagnostics"]))
        for d in bad_result["diagnostics"]:
            self.assertTrue({"rule", "severity", "paths", "message", "message_en", "expected",
                             "actual", "file", "line", "column"} <= set(d))
        balance = next(d for d in bad_result["diagnostics"] if d["rule"] == "table3.balance")
        self.assertIn((balance["expected"], balance["actual"]), {("0", "5"), ("5", "0")})

    def test_json_for_files_that_fail_to_load(self):
        syntax = self.put("syntax.json", '{"format": "2019", "year": 2020,,}\n')
        schema = self.put("schema.yaml", 'format: "2019"\nbogus: 1\n')
        missing = self.path("missing.yaml")
        r = run("validate", "--json", syntax, schema, missing)
        self.assertStatus(r, 2)
        objects = [json.loads(l) for l in r.stdout.splitlines()]
        self.assertEqual(objects.pop()["summary"]["failed"], 3)
        self.assertEqual([o["file"] for o in objects], [syntax, schema, missing])
        for o in objects:
            self.assertEqual(list(o), ["file", "valid", "error"])
            self.assertIs(o["valid"], False)
            self.assertEqual(set(o["error"]), {"code", "message", "line", "column", "path"})
            self.assertTrue(o["error"]["message"])
        self.assertEqual(objects[0]["error"]["code"], "GOVINFO_EPARSE")
        self.assertEqual(objects[0]["error"]["line"], 1)
        self.assertIsInstance(objects[0]["error"]["column"], int)
        self.assertEqual(objects[1]["error"]["code"], "GOVINFO_ESCHEMA")
        self.assertEqual(objects[1]["error"]["line"], 2)
        self.assertEqual(objects[1]["error"]["path"], "/bogus")
        self.assertEqual(objects[2]["error"]["code"], "GOVINFO_EIO")
        self.assertIsNone(objects[2]["error"]["line"])

    def test_unparsable_file_is_reported_with_its_location_and_exits_2(self):
        path = self.put("broken.json", '{"format": "2019", "year": 2020,,}\n')
        r = run("validate", path)
        self.assertStatus(r, 2)
        self.assertEqual(r.stdout, "")
        first, summary = r.stderr.splitlines()
        self.assertRegex(first, "^" + re.escape(path) + r":1:\d+: error: .+$")
        self.assertEqual(summary + "\n", expected_summary(1, 0, "zh"))

    def test_schema_error_names_its_json_pointer(self):
        path = self.put("schema.yaml", 'format: "2019"\nbogus: 1\n')
        r = run("validate", "--lang", "en", path)
        self.assertStatus(r, 2)
        self.assertRegex(r.stderr.splitlines()[0],
                         "^" + re.escape(path) + r":2:\d+: error: .+ \(at /bogus\)$")
        self.assertEqual(r.stderr.splitlines()[1] + "\n", expected_summary(1, 0, "en"))

    def test_missing_file_exits_2(self):
        path = self.path("nowhere.yaml")
        r = run("validate", path)
        self.assertStatus(r, 2)
        self.assertTrue(r.stderr.startswith(path + ": error: "), r.stderr)

    def test_multiple_files_are_all_checked_and_the_worst_status_wins(self):
        ok = self.put("ok.yaml", BASE)
        bad = self.put("bad.yaml", self.invalid_text())
        broken = self.put("broken.yaml", 'format: "2019"\ntables: {table3: [\n')
        _, [bad_result] = self.validate_json(bad)
        _, [ok_result] = self.validate_json(ok)
        self.assertStatus(run("validate", ok, ok), 0)
        both = run("validate", ok, bad)
        self.assertStatus(both, 1)
        self.assertEqual(both.stdout, run("validate", ok).stdout + run("validate", bad).stdout)
        r = run("validate", bad, broken, ok)
        self.assertStatus(r, 2)
        self.assertEqual(r.stdout, run("validate", bad).stdout + run("validate", ok).stdout)
        self.assertRegex(r.stderr.splitlines()[0], "^" + re.escape(broken) + r":\d+:\d+: error: ")
        warnings = bad_result["warnings"] + ok_result["warnings"]
        self.assertEqual(r.stderr.splitlines()[-1] + "\n",
                         expected_summary(bad_result["errors"] + 1, warnings, "zh"))

    def test_stdin_is_read_and_its_syntax_sniffed(self):
        r = run("validate", "-", stdin=self.invalid_text())
        self.assertStatus(r, 1)
        errors = [l for l in r.stdout.splitlines() if ": error: " in l]
        self.assertEqual(len(errors), 2)
        for l in errors:
            self.assertRegex(l, r"^<stdin>:\d+:\d+: error: ")
        as_json = run("convert", "--to", "json", "-", "-", stdin=self.invalid_text()).stdout
        self.assertTrue(as_json.startswith("{"))
        r, [result] = self.validate_json("-", stdin=as_json)
        self.assertStatus(r, 1)
        self.assertEqual(result["file"], "<stdin>")
        self.assertEqual(result["errors"], 2)
        self.assertStatus(run("validate", "-", stdin=BASE), 0)

    def test_options_after_operands_and_double_dash(self):
        path = self.put("bad.yaml", self.invalid_text())
        before = run("validate", "--json", "--lang", "en", path)
        after = run("validate", path, "--lang=en", "--json")
        self.assertStatus(after, 1)
        self.assertEqual(before.stdout, after.stdout)
        dashed = self.put("-dashed.yaml", BASE)
        self.assertUsageError(run("validate", "-dashed.yaml", cwd=self.dir))
        r = run("validate", "--", "-dashed.yaml", cwd=self.dir)
        self.assertStatus(r, 0)
        self.assertTrue(os.path.exists(dashed))

    def test_usage_errors_exit_2(self):
        ok = self.put("ok.yaml", BASE)
        for args in ([], ["--bogus", ok], ["--json=yes", ok], ["--lang"], ["-x", ok]):
            with self.subTest(args=args):
                self.assertUsageError(run("validate", *args))


class ConvertTest(CliTest):
    def convert(self, src, dst, *extra):
        r = run("convert", *extra, src, dst)
        self.assertStatus(r, 0)
        self.assertEqual(r.stderr, "")
        return read(dst)

    def check_round_trips(self, source_yaml):
        src = self.put("in.yaml", source_yaml)
        j1 = self.convert(src, self.path("1.json"))
        y1 = self.convert(self.path("1.json"), self.path("1.yaml"))
        j2 = self.convert(self.path("1.yaml"), self.path("2.json"))
        y2 = self.convert(self.path("2.json"), self.path("2.yaml"))
        self.assertEqual(j1, j2, "YAML -> JSON -> YAML -> JSON changed the JSON")
        self.assertEqual(y1, y2, "JSON -> YAML -> JSON -> YAML changed the YAML")
        self.assertEqual(self.convert(src, self.path("direct.yaml")), y1)
        # Both hold the same tree as the input, read by other parsers.
        tree = json.loads(j1)
        self.assertEqual(yaml.safe_load(y1), tree)
        original = yaml.safe_load(source_yaml)
        self.assertEqual(tree["format"], original["format"])
        self.assertEqual(tree["tables"], original["tables"])
        self.assertEqual(tree["sections"], original["sections"])
        # A hand-made JSON document of the same tree converts to the same canonical forms.
        compact = self.put("compact.json", json.dumps(tree, ensure_ascii=True))
        self.assertEqual(self.convert(compact, self.path("3.yaml")), y1)
        self.assertEqual(self.convert(self.path("3.yaml"), self.path("3.json")), j1)

    def test_yaml_json_round_trips_are_byte_identical(self):
        self.check_round_trips(BASE)

    def test_round_trips_of_a_report_with_changed_cells(self):
        self.check_round_trips(self.invalid_text())

    def test_round_trips_of_the_other_examples(self):
        folder = os.path.join(ROOT, "examples", "reports")
        names = sorted(n for n in os.listdir(folder) if n.endswith(".yaml")) if os.path.isdir(folder) else []
        for name in names:
            with self.subTest(example=name):
                self.check_round_trips(read(os.path.join(folder, name)))

    def test_output_to_stdout(self):
        src = self.put("in.yaml", BASE)
        j = self.convert(src, self.path("out.json"))
        r = run("convert", "--to", "json", src, "-")
        self.assertStatus(r, 0)
        self.assertEqual(r.stdout, j)
        r = run("convert", "--to=yaml", self.path("out.json"), "-")
        self.assertStatus(r, 0)
        self.assertEqual(r.stdout, self.convert(src, self.path("out.yaml")))

    def test_input_from_stdin_is_sniffed(self):
        src = self.put("in.yaml", BASE)
        j = self.convert(src, self.path("a.json"))
        y = self.convert(src, self.path("a.yaml"))
        r = run("convert", "-", self.path("b.yaml"), stdin=j)
        self.assertStatus(r, 0)
        self.assertEqual(read(self.path("b.yaml")), y)
        r = run("convert", "--to", "json", "-", "-", stdin=y)
        self.assertStatus(r, 0)
        self.assertEqual(r.stdout, j)

    def test_to_overrides_the_extension(self):
        src = self.put("in.yaml", BASE)
        j = self.convert(src, self.path("a.json"))
        self.assertEqual(self.convert(src, self.path("a.yaml"), "--to", "json"), j)

    def test_output_syntax_must_be_known(self):
        src = self.put("in.yaml", BASE)
        self.assertUsageError(run("convert", src, "-"))
        self.assertUsageError(run("convert", src, self.path("out.txt")))
        self.assertUsageError(run("convert", "--to", "xml", src, self.path("out.json")))
        self.assertFalse(os.path.exists(self.path("out.txt")))

    def test_operand_count_is_checked(self):
        src = self.put("in.yaml", BASE)
        self.assertUsageError(run("convert"))
        self.assertUsageError(run("convert", src))
        self.assertUsageError(run("convert", src, self.path("a.json"), self.path("b.json")))

    def test_failed_input_leaves_existing_output_untouched(self):
        broken = self.put("broken.yaml", 'format: "2019"\ntables: {table3: [\n')
        out = self.put("out.json", "precious\n")
        before = sorted(os.listdir(self.dir))
        r = run("convert", broken, out)
        self.assertStatus(r, 2)
        self.assertRegex(r.stderr, "^" + re.escape(broken) + r":\d+:\d+: error: ")
        self.assertEqual(read(out), "precious\n")
        self.assertEqual(sorted(os.listdir(self.dir)), before)

    def test_successful_write_replaces_output_and_leaves_no_temporary_files(self):
        src = self.put("in.yaml", BASE)
        out = self.put("out.json", "old\n")
        self.convert(src, out)
        self.assertEqual(json.loads(read(out))["format"], yaml.safe_load(BASE)["format"])
        self.assertEqual(sorted(os.listdir(self.dir)), ["in.yaml", "out.json"])

    def test_missing_output_directory_fails_with_exit_2(self):
        src = self.put("in.yaml", BASE)
        r = run("convert", src, self.path("no/such/dir/out.json"))
        self.assertStatus(r, 2)
        self.assertIn("no/such/dir/out.json", r.stderr)
        self.assertEqual(sorted(os.listdir(self.dir)), ["in.yaml"])

    def test_missing_input_fails_with_exit_2(self):
        r = run("convert", self.path("none.yaml"), self.path("out.json"))
        self.assertStatus(r, 2)
        self.assertFalse(os.path.exists(self.path("out.json")))


class TemplateTest(CliTest):
    def test_template_has_every_cell_blank_with_a_label(self):
        for year, format_id in ((2020, "2019"), (2024, "2021")):
            with self.subTest(year=year):
                r = run("template", "--year", str(year), "--organ", "某某县人民政府")
                self.assertStatus(r, 0)
                self.assertEqual(r.stderr, "")
                doc = yaml.safe_load(r.stdout)
                self.assertEqual(doc["format"], format_id)
                self.assertEqual(doc["year"], year)
                self.assertEqual(doc["organ"], "某某县人民政府")
                self.assertEqual([s["id"] for s in doc["sections"]],
                                 ["s1", "s2", "s3", "s4", "s5", "s6"])
                cells = {f"{t}.{row}.{col}": value
                         for t, rows in doc["tables"].items()
                         for row, cols in rows.items() for col, value in cols.items()}
                self.assertEqual(set(cells), spec_data_cells(format_id))
                self.assertEqual(set(cells.values()), {None})
                null_lines = [l for l in r.stdout.splitlines() if re.match(r"^\s+\w+: null\b", l)]
                self.assertEqual(len(null_lines), len(cells))
                for line in null_lines:
                    self.assertRegex(line, r"^\s+\w+: null\s+#\s*\S")

    def test_template_validates_with_warnings_only(self):
        path = self.path("t.yaml")
        self.assertStatus(run("template", "--year", "2024", "--organ", "某某县人民政府", "-o", path), 0)
        r, [result] = self.validate_json(path)
        self.assertStatus(r, 0)
        self.assertEqual(result["errors"], 0)
        self.assertIn("cell.blank", {d["rule"] for d in result["diagnostics"]})
        self.assertStatus(run("validate", path), 0)

    def test_output_file_and_explicit_format(self):
        path = self.path("t.yaml")
        r = run("template", "-o", path, "--format=2019", "--year=2020", "--organ=绥滨镇人民政府")
        self.assertStatus(r, 0)
        self.assertEqual(r.stdout, "")
        doc = yaml.safe_load(read(path))
        self.assertEqual((doc["format"], doc["year"]), ("2019", 2020))
        self.assertEqual(sorted(os.listdir(self.dir)), ["t.yaml"])
        same = run("template", "--format", "2019", "--year", "2020", "--organ", "绥滨镇人民政府")
        self.assertEqual(same.stdout, read(path))
        self.assertStatus(run("template", "--year", "2024", f"-o{self.path('u.yaml')}"), 0)
        self.assertEqual(yaml.safe_load(read(self.path("u.yaml")))["format"], "2021")

    def test_unknown_format_or_year_exits_2(self):
        r = run("template", "--format", "2030", "--year", "2024")
        self.assertStatus(r, 2)
        self.assertEqual(r.stdout, "")
        self.assertIn("2030", r.stderr)
        r = run("template", "--year", "2018")
        self.assertStatus(r, 2)
        self.assertIn("2018", r.stderr)

    def test_a_format_that_does_not_apply_to_the_year_exits_2_and_names_the_right_one(self):
        r = run("template", "--format", "2019", "--year", "2025")
        self.assertStatus(r, 2)
        self.assertEqual(r.stdout, "")
        self.assertIn("请用 --format 2021", r.stderr)  # the tests run in Chinese
        r = run("template", "--format", "2021", "--year", "2020")
        self.assertStatus(r, 2)
        self.assertIn("请用 --format 2019", r.stderr)

    def test_bad_arguments_are_usage_errors(self):
        for args in ([], ["--year"], ["--year", "20x4"], ["--year", "0"], ["--year", "12345"],
                     ["--year", "2024", "extra"], ["--year", "2024", "-o", "t.json"]):
            with self.subTest(args=args):
                self.assertUsageError(run("template", *args, cwd=self.dir))
        self.assertEqual(os.listdir(self.dir), [])

    def test_missing_output_directory_fails_with_exit_2(self):
        r = run("template", "--year", "2024", "-o", self.path("none/t.yaml"))
        self.assertStatus(r, 2)
        self.assertEqual(os.listdir(self.dir), [])


class RulesTest(CliTest):
    def test_text_lists_every_registry_rule_aligned(self):
        registry = registry_rules()
        self.assertGreater(len(registry), 0)
        for lang in ("zh", "en"):
            r = run("rules", "--lang", lang)
            self.assertStatus(r, 0)
            lines = r.stdout.splitlines()
            self.assertEqual(len(lines), len(registry))
            starts = set()
            for line, (rule_id, severity, scope, zh, en) in zip(lines, registry):
                m = re.match(r"^(\S+)(\s+)(\S+)(\s+)(\S+)(\s+)(.*)$", line)
                self.assertIsNotNone(m, line)
                self.assertEqual(m.group(1, 3, 7), (rule_id, severity, zh if lang == "zh" else en))
                if scope == "ALL":
                    self.assertEqual(m.group(5), "2019,2021")
                else:
                    self.assertRegex(m.group(5), r"^(-|2019|2021|2019,2021)$")
                starts.add((m.start(3), m.start(5), m.start(7)))
            self.assertEqual(len(starts), 1, "columns are not aligned")

    def test_json_lists_every_registry_rule_with_its_versions(self):
        registry = registry_rules()
        text = run("rules").stdout.splitlines()
        for lang in ("zh", "en"):
            r = run("rules", "--json", f"--lang={lang}")
            self.assertStatus(r, 0)
            rules = json.loads(r.stdout)
            self.assertIsInstance(rules, list)
            self.assertEqual([x["id"] for x in rules], [x[0] for x in registry])
            for rule, (rule_id, severity, scope, zh, en), line in zip(rules, registry, text):
                self.assertEqual(set(rule), {"id", "severity", "formats", "description"})
                self.assertEqual(rule["severity"], severity)
                self.assertEqual(rule["description"], zh if lang == "zh" else en)
                self.assertEqual(line.split()[2], ",".join(rule["formats"]) or "-")
                if scope == "ALL":
                    self.assertEqual(rule["formats"], registry_formats())
        table3 = {x["id"]: x["formats"] for x in json.loads(run("rules", "--json").stdout)}
        self.assertIn("2021", table3["table3.balance"])

    def test_rules_found_across_reports_and_in_the_text_are_listed_with_their_versions(self):
        registry = {x[0]: x[2] for x in registry_rules()}
        formats = {x["id"]: x["formats"] for x in json.loads(run("rules", "--json").stdout)}
        cross = [i for i, scope in registry.items() if scope == "CROSS"]
        self.assertEqual(sorted(cross), sorted(i for i in registry
                                               if i.startswith(("year.", "sum."))))
        for rule in cross:
            self.assertTrue(formats[rule], rule)
        # the cross-year identities name both versions; 2019's table 二 has no documents in
        # force, so the narrative of documents is 2021's only
        self.assertEqual(formats["year.documents"], ["2019", "2021"])
        self.assertEqual(formats["narrative.documents"], ["2021"])
        self.assertEqual(formats["narrative.received"], ["2019", "2021"])

    def test_operands_are_usage_errors(self):
        self.assertUsageError(run("rules", "extra"))
        self.assertUsageError(run("rules", "--lang", "de"))


class GeneralTest(CliTest):
    def test_help_on_every_command_exits_0(self):
        for cmd in COMMANDS:
            with self.subTest(command=cmd):
                en = {"GOVINFO_LANG": "en"}
                outputs = [run(cmd, "--help", env=en), run(cmd, "-h", env=en),
                           run("help", cmd, env=en), run(cmd, "x", "--help", env=en)]
                for r in outputs:
                    self.assertStatus(r, 0)
                    self.assertEqual(r.stderr, "")
                    self.assertTrue(r.stdout.startswith(f"usage: govinfo {cmd}"), r.stdout)
                    self.assertIn("--help", r.stdout)
                self.assertEqual(len({r.stdout for r in outputs}), 1)
        for args in (["--help"], ["-h"], ["help"]):
            r = run(*args)
            self.assertStatus(r, 0)
            for cmd in COMMANDS:
                self.assertIn(cmd, r.stdout)

    def test_version_names_the_library_version(self):
        version = re.search(r"version\s*:\s*'([^']+)'", read(os.path.join(ROOT, "meson.build"))).group(1)
        r = run("--version")
        self.assertStatus(r, 0)
        self.assertEqual(r.stdout.splitlines()[0], f"govinfo (libgovinfo) {version}")

    def test_bad_command_lines_exit_2(self):
        for args in ([], ["nosuch"], ["--nosuch"], ["help", "nosuch"], ["--version", "x"]):
            with self.subTest(args=args):
                r = run(*args)
                self.assertStatus(r, 2)
                self.assertEqual(r.stdout, "")
                self.assertRegex(r.stderr, "(usage: |用法：)govinfo")

    def test_write_errors_on_stdout_exit_2(self):
        src = self.put("in.yaml", BASE)
        bad = self.put("bad.yaml", self.invalid_text())
        for args in (["rules"], ["rules", "--json"], ["template", "--year", "2024"],
                     ["convert", "--to", "json", src, "-"], ["validate", bad],
                     ["validate", "--json", src], ["--help"], ["--version"]):
            with self.subTest(args=args), open("/dev/full", "w") as full:
                r = run(*args, stdout=full)
                self.assertStatus(r, 2)
                self.assertIn("standard output", r.stderr)


# ---- issue 12: the language of messages, strict checking, rules on and off ----

class LanguageTest(CliTest):
    """--lang, else GOVINFO_LANG, else the locale (LC_ALL, then LANG); the default is en."""

    def broken(self):
        return self.put("broken.yaml", "format: \"2021\"\nyear: 2024\norgan: 某县: 人民政府\n")

    def test_parse_errors_are_in_the_chosen_language(self):
        path = self.broken()
        zh = run("validate", "--lang", "zh", path)
        en = run("validate", "--lang", "en", path)
        self.assertStatus(zh, 2)
        self.assertIn("error: YAML 格式错误：此处不允许映射值", zh.stderr)
        self.assertIn("（位置 /organ）", zh.stderr)
        self.assertNotIn("malformed", zh.stderr)
        self.assertIn("error: malformed YAML: mapping values are not allowed", en.stderr)
        self.assertIn("block form: |", en.stderr)  # what to do, as the Chinese says it
        self.assertIn("块形式 |", zh.stderr)
        self.assertIn("(at /organ)", en.stderr)

    def test_the_language_comes_from_lang_then_govinfo_lang_then_the_locale(self):
        path = self.broken()
        cases = [({"GOVINFO_LANG": None, "LC_ALL": None, "LANG": None}, [], "en"),
                 ({"GOVINFO_LANG": None, "LC_ALL": None, "LANG": "zh_CN.UTF-8"}, [], "zh"),
                 ({"GOVINFO_LANG": None, "LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, [], "en"),
                 ({"GOVINFO_LANG": None, "LC_ALL": "zh_TW.UTF-8", "LANG": "C"}, [], "zh"),
                 ({"GOVINFO_LANG": "en", "LC_ALL": "zh_CN.UTF-8"}, [], "en"),
                 ({"GOVINFO_LANG": "zh", "LANG": "C"}, [], "zh"),
                 ({"GOVINFO_LANG": "zh"}, ["--lang", "en"], "en"),
                 ({"GOVINFO_LANG": "en"}, ["--lang=zh"], "zh")]
        for env, args, lang in cases:
            with self.subTest(env=env, args=args):
                r = run("validate", *args, path, env=env)
                self.assertStatus(r, 2)
                marker = "YAML 格式错误" if lang == "zh" else "malformed YAML"
                self.assertIn(marker, r.stderr)

    def test_help_follows_the_language(self):
        for cmd in COMMANDS + ["import", "export"]:
            with self.subTest(command=cmd):
                zh = run(cmd, "--help", env={"GOVINFO_LANG": "zh"})
                en = run(cmd, "--help", "--lang", "en", env={"GOVINFO_LANG": "zh"})
                self.assertTrue(zh.stdout.startswith(f"用法：govinfo {cmd}"), zh.stdout[:80])
                self.assertIn("退出状态", zh.stdout)
                self.assertTrue(en.stdout.startswith(f"usage: govinfo {cmd}"), en.stdout[:80])
        zh = run("--help", env={"GOVINFO_LANG": "zh"})
        self.assertIn("命令", zh.stdout)
        self.assertIn("Commands:", run("--help", env={"GOVINFO_LANG": "en"}).stdout)

    def test_an_unknown_language_is_a_usage_error(self):
        r = run("validate", "--lang", "fr", self.broken(), env={"GOVINFO_LANG": "en"})
        self.assertStatus(r, 2)
        self.assertIn("unknown language 'fr'", r.stderr)
        # said in the language the environment chose
        r = run("validate", "--lang", "fr", self.broken(), env={"GOVINFO_LANG": "zh"})
        self.assertStatus(r, 2)
        self.assertIn("未知语言“fr”", r.stderr)

    def test_the_commands_own_messages_follow_the_language(self):
        """Usage errors and the command's own errors, not only the library's."""
        missing_dir = os.path.join(self.dir, "no", "such", "dir", "out.json")
        cases = [(["convert", "only-one"], "应给出 IN 和 OUT，却给了 1 个参数",
                  "expected IN and OUT, got 1 operand\n"),
                 (["template", "--format", "2019", "--year", "2024"],
                  "格式 2019 适用于2019 至 2020 年的报告，不适用于 2024 年（请用 --format 2021）",
                  "format 2019 is for report years 2019 to 2020, not 2024 (use --format 2021)"),
                 (["render", "--to", "pdf", EXAMPLE], "未知输出格式“pdf”",
                  "unknown output format 'pdf'"),
                 (["convert", EXAMPLE, missing_dir], "无法在",
                  "cannot create a temporary file beside")]
        for args, zh_text, en_text in cases:
            with self.subTest(args=args):
                zh = run(*args, env={"GOVINFO_LANG": "zh"})
                en = run(*args, env={"GOVINFO_LANG": "en"})
                self.assertNotEqual(zh.returncode, 0)
                self.assertIn(zh_text, zh.stderr)
                self.assertNotRegex(zh.stderr.split("用法：")[0], r"\b(expected|cannot|unknown)\b")
                self.assertIn(en_text, en.stderr)


class StrictTest(CliTest):
    def template(self):
        path = os.path.join(self.dir, "t.yaml")
        self.assertStatus(run("template", "--year", "2024", "--organ", "某县", "-o", path,
                              "--force"), 0)
        return path

    def test_an_unfilled_template_passes_but_fails_strict(self):
        path = self.template()
        self.assertStatus(run("validate", path), 0)
        r = run("validate", "--strict", path)
        self.assertStatus(r, 1)
        self.assertIn(": error: ", r.stdout)
        self.assertIn("[cell.blank]", r.stdout)
        r = run("validate", "--strict", "--json", path)
        self.assertStatus(r, 1)
        self.assertFalse(json.loads(r.stdout.splitlines()[0])["valid"])

    def test_strict_passes_a_report_without_warnings(self):
        r = run("validate", "--strict", "--quiet", "--disable",
                "cell.blank,sections.problems_empty,sections.fee_statement,meta.published_missing",
                self.template())
        self.assertStatus(r, 0)
        self.assertEqual(r.stdout, "")

    def test_enable_checks_only_those_rules(self):
        r = run("validate", "--enable", "sections.problems_empty", self.template())
        self.assertStatus(r, 0)
        rules = set(re.findall(r"\[([a-z0-9_.]+)\]$", r.stdout, re.M))
        self.assertEqual(rules, {"sections.problems_empty"})

    def test_disable_leaves_a_rule_out(self):
        r = run("validate", "--disable", "cell.blank", self.template())
        self.assertNotIn("[cell.blank]", r.stdout)
        self.assertIn("[sections.problems_empty]", r.stdout)

    def test_a_misspelt_rule_is_a_usage_error_with_a_suggestion(self):
        for lang, text in (("en", 'did you mean "cell.blank"?'), ("zh", "是否想用“cell.blank”")):
            with self.subTest(lang=lang):
                r = run("validate", "--lang", lang, "--disable", "cell.blnk", self.template())
                self.assertStatus(r, 2)
                self.assertIn(text, r.stderr)

    def test_template_never_overwrites_a_file_without_force(self):
        path = self.put("filled.yaml", "my filled-in report\n")
        r = run("template", "--year", "2024", "-o", path, "--lang", "en")
        self.assertStatus(r, 2)
        self.assertIn("exists: not overwritten (add --force", r.stderr)
        self.assertEqual(read(path), "my filled-in report\n")
        self.assertStatus(run("template", "--year", "2024", "-o", path, "--force"), 0)
        self.assertIn("tables:", read(path))

    def test_template_has_title_and_published_lines_and_shows_block_text(self):
        r = run("template", "--year", "2024", "--organ", "某县")
        self.assertStatus(r, 0)
        self.assertRegex(r.stdout, r"(?m)^title: null  # ")
        self.assertRegex(r.stdout, r"(?m)^published: null  # .*YYYY-MM-DD")
        self.assertIn("#     text: |", r.stdout)
        doc = yaml.safe_load(r.stdout)
        self.assertIsNone(doc["title"])

    def test_a_template_of_the_wrong_version_for_the_year_is_refused(self):
        r = run("template", "--format", "2021", "--year", "2019", "--lang", "en")
        self.assertStatus(r, 2)
        self.assertEqual(r.stdout, "")

    def test_a_valid_report_says_so_unless_quiet(self):
        path = self.put("ok.yaml", BASE)
        r = run("validate", "--lang", "en", "--disable", "cell.blank", path)
        self.assertStatus(r, 0)
        self.assertTrue(r.stdout.splitlines()[-1].startswith(f"{path}: valid, no errors"),
                        r.stdout)
        self.assertEqual(run("validate", "--quiet", "--enable", "table3.balance", path).stdout, "")


class ReviewTest(CliTest):
    """Fingerprints and suppression files through govinfo validate."""

    def written(self, *reports):
        review = self.path("review.yaml")
        r = run("validate", "--quiet", "--write-suppressions", review, *reports)
        self.assertStatus(r, 1)
        return review, read(review)

    def test_fingerprints_hold_when_lines_move_and_change_with_the_values(self):
        bad = self.invalid_text()
        _, [a] = self.validate_json(self.put("a.yaml", bad))
        _, [moved] = self.validate_json(self.put("b.yaml", "# moved\n# down\n" + bad))
        changed = with_yaml_value(BASE, CHANGED_CELL,
                                  str(int(yaml_value_node(BASE, CHANGED_CELL).value) + 6))
        _, [other] = self.validate_json(self.put("c.yaml", changed))
        self.assertNotEqual([d["line"] for d in a["diagnostics"]],
                            [d["line"] for d in moved["diagnostics"]])
        prints = [d["fingerprint"] for d in a["diagnostics"]]
        self.assertEqual(prints, [d["fingerprint"] for d in moved["diagnostics"]])
        for d in a["diagnostics"]:
            self.assertRegex(d["fingerprint"], r"^[0-9a-f]{16}$")
        errors = [d["fingerprint"] for d in other["diagnostics"] if d["severity"] == "error"]
        self.assertFalse(set(errors) & set(prints))

    def test_a_written_file_hides_nothing_until_reasons_are_given(self):
        report = self.put("bad.yaml", self.invalid_text())
        review, text = self.written(report)
        r = run("validate", "--lang", "en", "--suppress", review, report)
        self.assertStatus(r, 1)
        self.assertIn("[suppression.no_reason]", r.stdout)
        self.assertIn("[table3.balance]", r.stdout)
        write(review, text.replace('reason: ""', 'reason: "checked"'))
        r = run("validate", "--lang", "en", "--suppress", review, report)
        self.assertStatus(r, 0)
        self.assertNotIn(": error: ", r.stdout)
        self.assertNotIn("suppression.", r.stdout)
        self.assertRegex(r.stderr, r"\d+ findings? suppressed\.\n$")
        r, [result] = self.validate_json("--suppress", review, report)
        self.assertTrue(result["valid"])
        self.assertGreaterEqual(result["suppressed"], 2)

    def test_an_entry_whose_finding_changed_is_stale_and_the_new_one_shows(self):
        report = self.put("bad.yaml", self.invalid_text())
        review, text = self.written(report)
        write(review, text.replace('reason: ""', 'reason: "checked"'))
        node = yaml_value_node(BASE, CHANGED_CELL)
        write(report, with_yaml_value(BASE, CHANGED_CELL, str(int(node.value) + 6)))
        r = run("validate", "--lang", "en", "--suppress", review, report)
        self.assertStatus(r, 1)
        self.assertIn("[table3.balance]", r.stdout)
        self.assertRegex(r.stdout, re.escape(review) + r":\d+:\d+: note: .* \[suppression\.stale\]")

    def test_entries_apply_to_their_own_file_in_a_batch(self):
        bad = self.invalid_text()
        os.makedirs(self.path("one"))
        os.makedirs(self.path("two"))
        first = self.put("one/bad.yaml", bad)
        self.put("two/bad.yaml", bad)
        review, text = self.written(first)
        write(review, text.replace('reason: ""', 'reason: "checked"'))
        r, results = self.validate_json("--suppress", review, self.dir + "/one",
                                        self.dir + "/two")
        self.assertStatus(r, 1)
        by_file = {x["file"]: x for x in results if "file" in x}
        self.assertTrue(by_file[first]["valid"])
        self.assertFalse(by_file[self.path("two/bad.yaml")]["valid"])
        self.assertGreaterEqual(results[-1]["summary"]["suppressed"], 2)

    def test_a_bad_suppression_file_is_refused_at_its_line_and_column(self):
        review = self.put("review.yaml", "suppressions:\n  - fingerprint: 12ab\n")
        r = run("validate", "--suppress", review, self.put("ok.yaml", BASE))
        self.assertStatus(r, 2)
        self.assertEqual(r.stdout, "")
        self.assertIn(f"{review}:2:18: error: ", r.stderr)
        r = run("validate", "--suppress", self.path("missing.yaml"), self.path("ok.yaml"))
        self.assertStatus(r, 2)


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    import taprunner
    taprunner.main()
