#!/usr/bin/python3
"""Tests of `govinfo compare` and `govinfo sum`, run as a program (TAP through taprunner).

Environment as for test_cli.py: GOVINFO_CLI, GOVINFO_SOURCE_ROOT, GOVINFO_TEST_WRAPPER.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

import yaml

ROOT = os.environ.get("GOVINFO_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CLI = os.environ.get("GOVINFO_CLI")
WRAPPER = shlex.split(os.environ.get("GOVINFO_TEST_WRAPPER", ""))
FIXTURES = os.path.join("tests", "data", "fixtures")
H2023 = os.path.join(FIXTURES, "huaian-hongze-2023.yaml")
H2024 = os.path.join(FIXTURES, "huaian-hongze-2024.yaml")
CITY = os.path.join(FIXTURES, "huaian-city-2024.yaml")
SUIBIN_2020 = os.path.join(FIXTURES, "suibin-2020.yaml")
SUIBIN_2021 = os.path.join("tests", "data", "analysis", "suibin-2021.yaml")


def run(*args, cwd=ROOT, lang=None):
    """Runs the CLI; `lang` sets GOVINFO_LANG (the suite pins zh) for messages in English."""
    env = dict(os.environ, GOVINFO_LANG=lang) if lang else None
    return subprocess.run(WRAPPER + [CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, text=True, encoding="utf-8", cwd=cwd,
                          env=env)


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def with_cell(text, table, row, column, value):
    """The YAML report text with one cell changed (value: a YAML scalar)."""
    doc = yaml.safe_load(text)
    doc["tables"][table][row][column] = value
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


class AcrossTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="govinfo-across-")
        self.dir = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def put(self, name, text):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def assertStatus(self, r, status):
        self.assertEqual(r.returncode, status, f"stdout:\n{r.stdout}\nstderr:\n{r.stderr}")


class CompareTest(AcrossTest):
    def test_the_hongze_pair_prints_its_pairing_and_no_finding(self):
        r = run("compare", H2023, H2024)
        self.assertStatus(r, 0)
        lines = r.stdout.splitlines()
        self.assertEqual(lines[0], f"配对：洪泽区人民政府：{H2023}（2023年）→ {H2024}（2024年）")
        self.assertRegex(lines[1], r"^  与上年相同的文字：s1 4\d\.\d%，s5 3\d\.\d%，s6 100\.0%$")
        self.assertEqual(len(lines), 2)
        self.assertEqual(r.stderr, "")
        r = run("compare", "--lang", "en", H2023, H2024)
        self.assertStatus(r, 0)
        self.assertEqual(r.stdout.splitlines()[0],
                         f"pair: 洪泽区人民政府: {H2023} (2023) -> {H2024} (2024)")

    def test_json_gives_the_pair_its_reuse_shares_and_findings(self):
        r = run("compare", "--json", H2023, H2024)
        self.assertStatus(r, 0)
        [pair] = [json.loads(line) for line in r.stdout.splitlines()]
        self.assertEqual(pair["kind"], "pair")
        self.assertEqual(pair["body"], "洪泽区人民政府")
        self.assertEqual((pair["last"], pair["this"], pair["years"]), (H2023, H2024, [2023, 2024]))
        shares = {x["section"]: x for x in pair["reuse"]}
        self.assertEqual(list(shares), ["s1", "s2", "s3", "s4", "s5", "s6"])
        self.assertTrue(0.3 < shares["s1"]["share"] < 0.5)
        self.assertEqual(shares["s6"]["share"], 1)
        self.assertEqual(shares["s6"]["reused"], shares["s6"]["chars"])
        self.assertEqual((pair["valid"], pair["diagnostics"]), (True, []))

    def test_a_break_in_the_carry_over_is_located_in_this_years_file(self):
        text = with_cell(read(H2024), "table3", "carried_over", "natural_person", 3)
        now = self.put("2024.yaml", text)
        r = run("compare", "--lang", "en", os.path.join(ROOT, H2023), now)
        self.assertStatus(r, 0)  # warnings
        [finding] = [l for l in r.stdout.splitlines() if "[year." in l]
        self.assertRegex(finding, rf"^{re.escape(now)}:\d+:\d+: warning: .*natural_person.*"
                                  r"3 this year, 0 from last year's report .*\[year\.carry_over\]$")
        self.assertEqual(r.stderr, "1 warning generated.\n")

    def test_a_copied_section_across_the_change_of_format(self):
        r = run("compare", SUIBIN_2020, SUIBIN_2021)
        self.assertStatus(r, 0)
        self.assertIn("s1 100.0%", r.stdout)
        self.assertRegex(r.stdout, rf"{re.escape(SUIBIN_2021)}:10:7: warning: .*\[year\.text_reuse\]")
        r = run("compare", "--sections", "s5", SUIBIN_2020, SUIBIN_2021)
        self.assertStatus(r, 0)
        self.assertNotIn("[year.", r.stdout)
        r = run("compare", "--reuse-percent", "100", SUIBIN_2020, SUIBIN_2021)
        self.assertNotIn("[year.", r.stdout)

    def test_a_corpus_is_paired_ambiguous_reports_listed_never_guessed(self):
        for name, src in (("a/2023.yaml", H2023), ("a/2024.yaml", H2024), ("b/x.yaml", SUIBIN_2020),
                          ("b/y.yml", SUIBIN_2021), ("c/2024-again.json", None)):
            if src:
                shutil.copy(os.path.join(ROOT, src), self.put(name, ""))
        converted = run("convert", "--to", "json", os.path.join(ROOT, H2024), "-")
        self.put("c/2024-again.json", converted.stdout)
        self.put("c/notes.txt", "not a report")
        r = run("compare", "--lang", "en", self.dir)
        self.assertStatus(r, 0)
        lines = r.stdout.splitlines()
        self.assertIn(f"pair: 绥滨镇人民政府: {self.dir}/b/x.yaml (2020) -> {self.dir}/b/y.yml (2021)",
                      lines)
        self.assertIn(f"ambiguous: 洪泽区人民政府: {self.dir}/a/2023.yaml (2023) {self.dir}/a/2024.yaml "
                      f"(2024) {self.dir}/c/2024-again.json (2024)", lines)
        self.assertFalse(any(l.startswith("pair: 洪泽区") for l in lines))
        r = run("compare", "--json", self.dir)
        kinds = [json.loads(l)["kind"] for l in r.stdout.splitlines()]
        self.assertEqual(kinds, ["pair", "ambiguous"])
        # a body alone is unpaired
        os.remove(os.path.join(self.dir, "b", "x.yaml"))
        r = run("compare", "--lang", "en", self.dir)
        self.assertIn(f"unpaired: {self.dir}/b/y.yml (绥滨镇人民政府, 2021)", r.stdout.splitlines())

    def test_reports_are_read_by_the_batch_runner_the_same_for_any_jobs(self):
        for name, src in (("a/2023.yaml", H2023), ("a/2024.yaml", H2024),
                          ("b/x.yaml", SUIBIN_2020), ("b/y.yml", SUIBIN_2021), ("c/city.yaml", CITY)):
            shutil.copy(os.path.join(ROOT, src), self.put(name, ""))
        outputs = [run("compare", "--json", "--jobs", jobs, self.dir) for jobs in ("1", "2")]
        for r in outputs:
            self.assertStatus(r, 0)
        self.assertEqual(outputs[0].stdout, outputs[1].stdout)
        self.assertEqual([json.loads(l)["kind"] for l in outputs[0].stdout.splitlines()],
                         ["pair", "pair", "unpaired"])
        # "-" is standard input, named <stdin>, and LAST THIS stays as given
        with open(os.path.join(ROOT, H2023), encoding="utf-8") as f:
            r = subprocess.run(WRAPPER + [CLI, "compare", "--lang", "en", "-", H2024],
                               stdin=f, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, encoding="utf-8", cwd=ROOT, timeout=120)
        self.assertStatus(r, 0)
        self.assertEqual(r.stdout.splitlines()[0],
                         f"pair: 洪泽区人民政府: <stdin> (2023) -> {H2024} (2024)")

    def test_reports_that_cannot_be_read_or_compared_exit_2(self):
        r = run("compare", H2024, H2023, lang="en")  # LAST THIS in the wrong order
        self.assertStatus(r, 2)
        self.assertIn("2024 and 2023", r.stderr)
        bad = self.put("bad.yaml", "format: [")
        r = run("compare", bad, os.path.join(ROOT, H2024), lang="en")
        self.assertStatus(r, 2)
        self.assertRegex(r.stderr, r"bad\.yaml:\d+:\d+: error: malformed YAML")
        shutil.copy(os.path.join(ROOT, H2023), self.put("d/2023.yaml", ""))
        shutil.copy(os.path.join(ROOT, H2024), self.put("d/2024.yaml", ""))
        self.put("d/broken.json", "{")
        r = run("compare", os.path.join(self.dir, "d"))
        self.assertStatus(r, 2)  # the pair is still compared
        self.assertIn("配对：洪泽区人民政府", r.stdout)
        self.assertIn("broken.json", r.stderr)

    def test_usage_errors(self):
        for args in ([], [H2023], ["--reuse-percent", "x", H2023, H2024],
                     ["--min-run", "-1", H2023, H2024], ["--sections", "s1,,s5", H2023, H2024],
                     ["--lang", "fr", H2023, H2024], ["--jobs", "many", H2023, H2024]):
            with self.subTest(args=args):
                r = run("compare", *args, lang="en")
                self.assertStatus(r, 2)
                self.assertIn("usage: govinfo compare", r.stderr)
        r = run("compare", "--reuse-percent", "101", H2023, H2024, lang="en")
        self.assertStatus(r, 2)
        self.assertIn("over 100", r.stderr)
        r = run("compare", "--sections", "s9", H2023, H2024)
        self.assertStatus(r, 2)
        self.assertIn("s9", r.stderr)


class SumTest(AcrossTest):
    def test_two_bodies_summed_into_a_report_that_validates(self):
        out = os.path.join(self.dir, "total.yaml")
        r = run("sum", "--organ", "淮安市合计", H2024, CITY, "-o", out)
        self.assertStatus(r, 0)
        self.assertEqual(r.stdout, "")
        total = yaml.safe_load(read(out))
        self.assertEqual((total["format"], total["year"], total["organ"]), ("2021", 2024, "淮安市合计"))
        cells = total["tables"]["table3"]
        self.assertEqual(cells["new_received"]["total"], 95 + 3119)
        self.assertEqual(total["tables"]["table2_art20_8"]["admin_fees"]["fee_amount"], 7545 + 96171.6)
        # 洪泽区 prints （六）其他处理 as one row: summed as a group
        self.assertNotIn("other_other", cells)
        self.assertIn("other_processing", cells)
        lines = r.stderr.splitlines()
        self.assertRegex(lines[0], rf"^{re.escape(H2024)}:\d+:\d+: warning: .*\[sum\.absent\]$")
        self.assertRegex(lines[1], rf"^{re.escape(out)}: warning: .*\[layout\.group_row\]$")
        self.assertEqual(len(lines), 2)
        v = run("validate", out)
        self.assertNotIn(": error: ", v.stdout)

    def test_money_stays_exact(self):
        a = self.put("a.yaml", with_cell(read(H2024), "table2_art20_8", "admin_fees", "fee_amount",
                                         0.1))
        b = self.put("b.yaml", with_cell(read(H2024), "table2_art20_8", "admin_fees", "fee_amount",
                                         0.2))
        r = run("sum", "--organ", "x", a, b, "-o", "-")
        self.assertStatus(r, 0)
        self.assertIn("fee_amount: 0.3\n", r.stdout)

    def test_blanks_leave_the_cell_absent_unless_counted_as_zero(self):
        a = self.put("a.yaml", with_cell(read(H2024), "table4", "review", "other", None))
        r = run("sum", "--organ", "x", "--lang", "en", a, os.path.join(ROOT, CITY), "-o",
                os.path.join(self.dir, "t.yaml"))
        self.assertStatus(r, 0)
        self.assertRegex(r.stderr, rf"{re.escape(a)}:\d+:\d+: warning: cell table4.review.other .*"
                                   r"a.yaml \(blank\) \[sum\.absent\]")
        self.assertNotIn("other:", read(os.path.join(self.dir, "t.yaml")).split("table4:")[1]
                         .split("litigation_direct")[0])
        r = run("sum", "--organ", "x", "--blank-as-zero", a, os.path.join(ROOT, CITY), "-o",
                os.path.join(self.dir, "t.yaml"))
        self.assertStatus(r, 0)
        self.assertNotIn("table4.review.other", r.stderr)
        self.assertEqual(yaml.safe_load(read(os.path.join(self.dir, "t.yaml")))["tables"]["table4"]
                         ["review"]["other"], 178)

    def test_mixed_formats_or_years_are_refused_and_nothing_is_written(self):
        out = os.path.join(self.dir, "t.yaml")
        for parts, words in (([H2024, SUIBIN_2020], "different format versions"),
                             ([H2023, H2024], "different years")):
            r = run("sum", "--lang", "en", "--organ", "x", *parts, "-o", out)
            self.assertStatus(r, 2)
            self.assertIn(words, r.stderr)
            self.assertFalse(os.path.exists(out))

    def test_against_a_parent_notes_every_figure_that_differs(self):
        r = run("sum", "--organ", "x", CITY, "--against", CITY, "-o", os.path.join(self.dir, "t.yaml"))
        self.assertStatus(r, 0)
        self.assertNotIn("[sum.differs]", r.stderr)
        r = run("sum", "--organ", "x", "--json", CITY, H2024, "--against", CITY, "-o",
                os.path.join(self.dir, "t.yaml"))
        self.assertStatus(r, 0)
        stages = [json.loads(l) for l in r.stderr.splitlines()]
        self.assertEqual([s["stage"] for s in stages], ["sum", "validate", "against"])
        against = stages[2]
        self.assertEqual(against["file"], CITY)
        received = [d for d in against["diagnostics"]
                    if d["paths"] == ["/tables/table3/new_received/total"]]
        self.assertEqual(len(received), 1)
        self.assertEqual((received[0]["expected"], received[0]["actual"]), ("3214", "3119"))
        self.assertEqual(received[0]["severity"], "note")

    def test_directories_are_read_for_reports(self):
        shutil.copy(os.path.join(ROOT, H2024), self.put("parts/a.yaml", ""))
        shutil.copy(os.path.join(ROOT, CITY), self.put("parts/deeper/b.yaml", ""))
        out = os.path.join(self.dir, "t.json")
        for jobs in ("1", "2"):
            r = run("sum", "--organ", "x", "--jobs", jobs, os.path.join(self.dir, "parts"), "-o",
                    out)
            self.assertStatus(r, 0)
            with open(out, encoding="utf-8") as f:
                self.assertEqual(json.load(f)["tables"]["table3"]["new_received"]["total"], 3214)
        # a directory without reports
        os.makedirs(os.path.join(self.dir, "empty"))
        r = run("sum", "--organ", "x", os.path.join(self.dir, "empty"))
        self.assertStatus(r, 2)
        self.assertIn("没有找到报告", r.stderr)  # the tests run in Chinese

    def test_usage_errors(self):
        for args in ([H2024], ["--organ", "x"], ["--organ", "", H2024], ["--organ", "x",
                                                                         "--lang", "de", H2024],
                     ["--organ", "x", "--jobs", "-1", H2024]):
            with self.subTest(args=args):
                r = run("sum", *args, lang="en")
                self.assertStatus(r, 2)
                self.assertIn("usage: govinfo sum", r.stderr)
        r = run("sum", "--organ", "x", os.path.join(self.dir, "missing.yaml"))
        self.assertStatus(r, 2)
        self.assertIn("missing.yaml", r.stderr)


class ReadmeTest(AcrossTest):
    def test_the_readme_examples_print_what_the_readme_shows(self):
        """Each `$ command` of the README's section on the narrative, compare and sum is run
        from the source root (its /tmp/ files in a temporary directory); every line the README
        shows under it is printed (… standing for what it leaves out)."""
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        start = readme.index("## The text against the tables, and reports against each other")
        section = readme[start:readme.index("\n## ", start + 3)]
        blocks = re.findall(r"```console\n(.*?)```", section, flags=re.S)
        self.assertEqual(len(blocks), 3)
        tmp = self.dir + "/"
        env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(CLI)) + os.pathsep +
                   os.environ.get("PATH", ""))
        commands = 0
        for block in blocks:
            command, shown = None, []
            for line in block.replace("/tmp/", tmp).splitlines() + ["$ "]:
                if not line.startswith("$ "):
                    shown.append(line)
                    continue
                if command:
                    r = subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, text=True,
                                       encoding="utf-8", stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, timeout=120)
                    printed = r.stdout.splitlines()
                    for want in shown:
                        with self.subTest(command=command, line=want):
                            if "…" in want:  # what the README leaves out
                                head, tail = want.split("…", 1)
                                self.assertTrue(any(p.startswith(head) and p.endswith(tail)
                                                    for p in printed), r.stdout)
                            else:
                                self.assertIn(want, printed)
                    commands += 1
                command, shown = line[2:].strip(), []
        self.assertEqual(commands, 5)


def setUpModule():
    if not CLI or not os.path.exists(CLI):
        raise RuntimeError("GOVINFO_CLI must name the built govinfo binary")


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    import taprunner
    taprunner.main()
