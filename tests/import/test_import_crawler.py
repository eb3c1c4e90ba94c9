#!/usr/bin/python3
"""`govinfo import` on the eight real crawler texts (tests/data/fixtures/crawler, README there).

Their bodies are one line with the table cells glued together. No expected cells are known
(the HTML they came from is not here), so for each file this pins:

- the metadata: format, year, organ (the header's 发布机构, else the signature, else the
  title), publication date (the header's 发布时间), title and source (原文链接);
- every printed row of tables 2, 3 and 4 is either read whole or named, whole, by an
  import.cell_unread finding with its reason (ROWS below: the rows unread and why; all other
  rows are read);
- every row read of tables 3 and 4 satisfies its row identity (total = the other columns);
  the rows whose cells only the identities could separate are named by one
  import.split_by_identity note per table (SPLIT);
- the figures the README states (e.g. 03: 2 received as 1, 0, 0, 0, 0, 1, 2);
- the inconsistencies printed (03, 08: a （七）总计 row of zeros) are read as printed and
  reported by validation, never repaired.

Environment: GOVINFO_CLI, GOVINFO_SOURCE_ROOT; GOVINFO_TEST_WRAPPER prefixes every run.
"""
import concurrent.futures
import functools
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get('GOVINFO_SOURCE_ROOT', os.path.normpath(os.path.join(HERE, '..', '..')))
CRAWLER = os.path.join(ROOT, 'tests', 'data', 'fixtures', 'crawler')
SPEC = os.path.join(ROOT, 'tests', 'data', 'spec', 'formats.yaml')
sys.path.insert(0, HERE)
from import_cli import load_json_report, parse_findings  # noqa: E402

CLI = os.environ.get('GOVINFO_CLI')
WRAPPER = shlex.split(os.environ.get('GOVINFO_TEST_WRAPPER', ''))
LINK = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/'

META = {
    '01_ptzhsyqjjp_2019': ('2019', 2019, '平潭综合实验区金井片区管理局', '2020-01-09',
                           'ptzhsyqpq/ptzhsyqjjp/zfxxgknb/202001/t20200109_80564.htm'),
    '02_ptzhsyqgaj_2019': ('2019', 2019, '平潭综合实验区公安局', '2020-01-17',
                           'ptzhsyqbm/ptzhsyqgaj/zfxxgknb/202001/t20200117_80569.htm'),
    '03_ptzhsyqjsp_2020': ('2019', 2020, '平潭综合实验区君山片区管理局', '2021-01-26',
                           'ptzhsyqpq/ptzhsyqjsp/zfxxgknb/202101/t20210126_80593.htm'),
    '04_ptzhsyqhzs_2021': ('2021', 2021, '平潭综合实验区行政审批局', '2022-01-19',
                           'ptzhsyqbm/ptzhsyqhzs/zfxxgknb/202201/t20220119_80609.htm'),
    '05_ptzhsyqjtj_2022': ('2021', 2022, '平潭综合实验区交通与建设局', '2023-01-09',
                           'ptzhsyqbm/ptzhsyqjtj/zfxxgknb/202301/t20230109_80623.htm'),
    '06_ptzhsyqgwh_2023': ('2021', 2023, '平潭综合实验区管委会办公室', '2024-01-31',
                           'ptzhsyqbm/ptzhsyqgwh/zfxxgknb/202401/t20240131_86761.htm'),
    # titled 投资促进局, signed 国有资产管理局: the header's 发布机构 decides
    '07_ptzhsyqgyz_2024': ('2021', 2024, '平潭综合实验区投资促进局', '2025-01-26',
                           'ptzhsyqbm/ptzhsyqgyz/zfxxgknb/202501/t20250126_96996.htm'),
    '08_ptzhsyqjjf_2025': ('2021', 2025, '平潭综合实验区经济发展局', '2026-01-30',
                           'ptzhsyqbm/ptzhsyqjjf/zfxxgknb/202601/t20260130_104901.htm'),
}

# Why a row is not read, by the English message's words.
FIT = "splits fit the row's cells"            # table 2: no identity tells the splits apart
CUT = 'cannot be cut into'                    # fewer digits than cells
IDENTITY = 'does not satisfy the row identity'  # the only split breaks total = sum
# The rows not read (table.row -> reason); every other printed row is read.
ROWS = {
    '01_ptzhsyqjjp_2019': {'table2_art20_9.centralized_procurement': FIT},  # 3147230元
    '02_ptzhsyqgaj_2019': {'table2_art20_5.admin_license': FIT,       # 4500
                           'table2_art20_6.admin_penalty': FIT,       # 63600
                           'table2_art20_6.admin_coercion': FIT,      # 4300
                           'table2_art20_8.admin_fees': FIT,          # 124
                           'table3.new_received': CUT},               # "0 00000": six digits
    '03_ptzhsyqjsp_2020': {'table2_art20_1.normative_docs': FIT,      # 2211
                           'table2_art20_5.admin_license': FIT,       # 0124
                           'table2_art20_9.centralized_procurement': FIT},  # 4110669053
    '04_ptzhsyqhzs_2021': {'table2_art20_1.normative_docs': FIT},     # 2023
    '05_ptzhsyqjtj_2022': {},
    '06_ptzhsyqgwh_2023': {'table2_art20_1.normative_docs': FIT},     # 2159165
    '07_ptzhsyqgyz_2024': {'table2_art20_1.normative_docs': FIT},     # 1027
    '08_ptzhsyqjjf_2025': {'table2_art20_1.normative_docs': FIT,      # 164640
                           'table4.review': IDENTITY},                # 0 1 0 0 0 (as published)
}
# Rows whose cells only the identities separate (one import.split_by_identity per table).
SPLIT = {
    '06_ptzhsyqgwh_2023': {'table3.new_received', 'table3.unable_not_held',
                           'table3.result_total'},  # 210000021, 1400000014, 210000021
}
# Figures the README states.
FIGURES = {
    '03_ptzhsyqjsp_2020': {'table3.new_received': [1, 0, 0, 0, 0, 1, 2],   # 10 0 0 012
                           'table3.granted': [1, 0, 0, 0, 0, 1, 2],        # 10 0 0 01 2
                           'table3.result_total': [0] * 7},                # as published
    '04_ptzhsyqhzs_2021': {'table3.new_received': [6, 0, 0, 0, 0, 0, 6],
                           'table3.granted': [5, 0, 0, 0, 0, 0, 5],
                           'table3.denied_admin_query': [1, 0, 0, 0, 0, 0, 1]},
    '05_ptzhsyqjtj_2022': {'table3.new_received': [11, 0, 0, 0, 0, 0, 11],
                           'table3.granted': [7, 0, 0, 0, 0, 0, 7],
                           'table3.unable_not_held': [4, 0, 0, 0, 0, 0, 4]},
    '06_ptzhsyqgwh_2023': {'table3.new_received': [21, 0, 0, 0, 0, 0, 21],
                           'table3.granted': [6, 0, 0, 0, 0, 0, 6],
                           'table3.denied_process_info': [1, 0, 0, 0, 0, 0, 1],
                           'table3.unable_not_held': [14, 0, 0, 0, 0, 0, 14],
                           'table3.result_total': [21, 0, 0, 0, 0, 0, 21]},
    '08_ptzhsyqjjf_2025': {'table3.new_received': [4, 0, 0, 0, 0, 0, 4],
                           'table3.granted': [3, 0, 0, 0, 0, 0, 3],
                           'table3.unable_not_held': [1, 0, 0, 0, 0, 0, 1],
                           'table3.result_total': [0] * 7},                # as published
}
# The （七）总计 row of zeros is read as printed: validation reports the broken sums.
INCONSISTENT = {'03_ptzhsyqjsp_2020': 'table3.result_total',
                '08_ptzhsyqjjf_2025': 'table3.result_total'}


def load_spec():
    import yaml
    with open(SPEC, encoding='utf-8') as f:
        return yaml.safe_load(f)


class Imported:
    def __init__(self, name, text=None):
        path = os.path.join(CRAWLER, name + '.txt')
        with tempfile.TemporaryDirectory() as tmp:
            if text is not None:
                path = os.path.join(tmp, name + '.txt')
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(text)
            out = os.path.join(tmp, 'out.json')
            proc = subprocess.run(WRAPPER + [CLI, 'import', '--json', path, '-o', out],
                                  capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
            self.status = proc.returncode
            self.stderr = proc.stderr.decode('utf-8', 'replace')
            self.report = load_json_report(out) if os.path.exists(out) else None
        self.findings, self.other = parse_findings(self.stderr)


@functools.lru_cache(maxsize=None)
def imported(name):
    if not CLI:
        raise unittest.SkipTest('GOVINFO_CLI is not set (run through meson test)')
    return Imported(name)


def row_of(pointer):
    parts = pointer.split('/')
    return '%s.%s' % (parts[2], parts[3])


class CrawlerTexts(unittest.TestCase):
    maxDiff = None

    def printed_rows(self, report):
        """(table.row, columns) of every data row the format prints (group rows printed whole
        stand for their sub-rows, as the importer chooses them)."""
        version = load_spec()['versions'][report['format']]
        for table in version['tables']:
            if not table['id'].startswith(('table2', 'table3', 'table4')):
                continue
            columns = [c['id'] for c in table['columns']]
            for row in table['rows']:
                if row.get('role', 'data') == 'data' or row['id'] in report['tables'].get(
                        table['id'], {}):
                    yield '%s.%s' % (table['id'], row['id']), columns

    def test_metadata(self):
        for name, (fmt, year, organ, published, link) in META.items():
            with self.subTest(file=name):
                r = imported(name).report
                self.assertIsNotNone(r, imported(name).stderr[-2000:])
                self.assertEqual((r.get('format'), r.get('year'), r.get('organ'),
                                  r.get('published'), r.get('source')),
                                 (fmt, year, organ, published, LINK + link))
                self.assertTrue(r['title'].startswith(organ[:6]) and r['title'].endswith(
                    '政府信息公开工作年度报告'), r['title'])
                self.assertNotIn('标题', r['organ'])
                self.assertNotIn('正文', r['organ'])

    def test_every_row_is_read_or_named_with_its_reason(self):
        for name, unread in ROWS.items():
            with self.subTest(file=name):
                result = imported(name)
                tables = result.report['tables']
                named = {}
                for f in result.findings:
                    if f['rule'] in ('import.cell_unread', 'import.table_missing'):
                        self.assertGreater(f.get('line') or 0, 0, f)
                        for p in f['paths']:
                            named.setdefault(row_of(p), set()).add(p)
                            self.assertIn(unread.get(row_of(p), '?'), f['message_en'], p)
                got_unread = set()
                for row, columns in self.printed_rows(result.report):
                    table, row_id = row.split('.')
                    cells = tables.get(table, {}).get(row_id, {})
                    if row in unread:
                        got_unread.add(row)
                        self.assertEqual(cells, {}, row)
                        self.assertEqual(named.get(row), {'/tables/%s/%s/%s' % (table, row_id, c)
                                                          for c in columns}, row)
                    elif table == 'table3' and row_id in ('denied', 'unable', 'not_processed',
                                                          'other_processing', 'results'):
                        continue  # group rows: their sub-rows are printed
                    else:
                        self.assertEqual(sorted(cells), sorted(columns), row)
                self.assertEqual(got_unread, set(unread))

    def test_rows_read_satisfy_their_identity(self):
        for name in ROWS:
            with self.subTest(file=name):
                tables = imported(name).report['tables']
                for table, parts in (('table3', 6), ('table4', 4)):
                    for row_id, cells in tables.get(table, {}).items():
                        values = list(cells.values())
                        self.assertEqual(sum(values[:parts]), values[parts], (table, row_id))

    def test_rows_split_by_the_identities_carry_one_note_per_table(self):
        for name in ROWS:
            with self.subTest(file=name):
                notes = [f for f in imported(name).findings
                         if f['rule'] == 'import.split_by_identity']
                rows = {row_of(p) for f in notes for p in f['paths']}
                self.assertEqual(rows, SPLIT.get(name, set()))
                tables = [{p.split('/')[2] for p in f['paths']} for f in notes]
                self.assertTrue(all(len(t) == 1 for t in tables))
                self.assertEqual(len(tables), len({min(t) for t in tables}))
                self.assertTrue(all(f['severity'] == 'note' for f in notes))

    def test_figures_stated_by_the_readme(self):
        for name, rows in FIGURES.items():
            with self.subTest(file=name):
                tables = imported(name).report['tables']
                for row, want in rows.items():
                    table, row_id = row.split('.')
                    self.assertEqual(list(tables[table][row_id].values()), want, row)

    def test_inconsistent_figures_are_kept_and_reported(self):
        for name, row in INCONSISTENT.items():
            with self.subTest(file=name):
                result = imported(name)
                self.assertEqual(result.status, 1)
                rules = {(f['rule'], row_of(f['paths'][0])) for f in result.findings
                         if f.get('paths') and f['paths'][0].startswith('/tables/')}
                self.assertIn(('table3.result_total', row), rules)

    def test_findings_are_json_lines_and_name_tables_in_chinese(self):
        for name in ROWS:
            with self.subTest(file=name):
                result = imported(name)
                self.assertEqual(result.other, [])
                for f in result.findings:
                    if f['rule'] == 'import.cell_unread':
                        self.assertRegex(f['message'], '表[二三四]')
                        json.dumps(f)


# ---- deformations: never a wrong number ----

TABLES_FROM, TABLES_TO = '二、主动公开政府信息情况', '五、'


def glued_runs(text):
    """(start, end) of every run of two or more digits in the tables of the body."""
    start = text.index(TABLES_FROM, text.index('正文 ===='))
    end = text.index(TABLES_TO, start)
    return [(start + m.start(), start + m.end())
            for m in re.finditer(r'[0-9]{2,}', text[start:end])]


def deformations():
    """(case name, file, deformed text): one digit deleted from a glued run, and a stray
    space put inside one; every third run of every file."""
    for name in sorted(META):
        with open(os.path.join(CRAWLER, name + '.txt'), encoding='utf-8') as f:
            text = f.read()
        for i, (a, b) in enumerate(glued_runs(text)):
            if i % 3:
                continue
            middle = (a + b) // 2
            yield ('%s-delete-%d' % (name, a), name, text[:middle] + text[middle + 1:])
            yield ('%s-space-%d' % (name, a), name, text[:middle] + ' ' + text[middle:])


class CrawlerDeformations(unittest.TestCase):
    """A deformed glued run gives the undeformed reading's figures or leaves them absent,
    named; it never gives another figure, nor one the undeformed text did not give."""

    def test_deformed_runs_give_no_wrong_cell(self):
        cases = list(deformations())
        self.assertGreater(len(cases), 50)
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            results = list(pool.map(lambda c: Imported(c[1], c[2]), cases))
        for (case, name, text), result in zip(cases, results):
            with self.subTest(case=case):
                self.assertIsNotNone(result.report, result.stderr[-2000:])
                want = cells_of(imported(name).report)
                got = cells_of(result.report)
                wrong = {c: (v, want.get(c)) for c, v in got.items() if want.get(c) != v}
                if '-delete-' in case:  # a row the deformed text itself proves is its reading
                    wrong = {c: v for c, v in wrong.items()
                             if not proven_by_deformed_text(c, want, got, text)}
                self.assertEqual(wrong, {}, 'cells the undeformed text does not give')
                named = {p for f in result.findings
                         if f['rule'] in ('import.cell_unread', 'import.table_missing')
                         for p in f['paths']}
                silent = [c for c in want if c not in got and
                          '/tables/' + c.replace('.', '/') not in named and
                          '/tables/' + c.split('.')[0] not in named]
                self.assertEqual(silent, [], 'absent cells not named')


def splits(digits, cells):
    """How many ways digits cut into `cells` printed numbers (no leading zero but 0)."""
    if cells == 0:
        return 1 if digits == '' else 0
    count = 0
    for n in range(1, len(digits) + 1):
        piece = digits[:n]
        if (piece[0] == '0' and n > 1 and piece[1] != '.') or piece[0] == '.' or \
                piece[-1] == '.' or piece.count('.') > 1:
            continue
        count += splits(digits[n:], cells - 1)
    return count


def proven_by_deformed_text(cell, want, got, text):
    """A deleted digit changed a row of a table without identities: the row read is right
    for the deformed text when its figures are the original's digits less one (or, where the
    original was not read, digits the deformed text prints together), and cut only one
    way."""
    row = cell.rsplit('.', 1)[0]
    before = [str(v) for c, v in want.items() if c.rsplit('.', 1)[0] == row]
    after = [str(v) for c, v in got.items() if c.rsplit('.', 1)[0] == row]
    joined, was = ''.join(after), ''.join(before)
    shorter = any(was[:i] + was[i + 1:] == joined for i in range(len(was))) if was else \
        re.search(r'(?<![0-9])%s(?![0-9])' % re.escape(joined), text) is not None
    before = before or after
    return shorter and len(after) == len(before) and splits(joined, len(after)) == 1


def cells_of(report):
    return {'%s.%s.%s' % (t, r, c): v for t, rows in report['tables'].items()
            for r, cols in rows.items() for c, v in cols.items()}


if __name__ == '__main__':
    import taprunner
    taprunner.main()
