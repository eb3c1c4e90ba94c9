#!/usr/bin/python3
"""govinfo render: HTML and Markdown, read back by govinfo import (the importer is the judge).

RoundTripTests render both examples and every fixture report, and copies of them with blanks
and marks, to HTML, Markdown and Excel, import each rendering and compare every cell (number, blank
or mark), the metadata and the six sections' text with the report rendered.
LayoutTests compare the C layout (the tables of the HTML page) with the independent Python
one of tests/markup/render.py, cell for cell with their spans, and check the page: valid
HTML5 (html5lib, strict), self-contained, findings highlighted and listed, none with
--no-findings. CliTests: usage errors and that a failed render leaves no file.

Environment (tests/render/meson.build): GOVINFO_CLI, GOVINFO_SOURCE_ROOT,
GOVINFO_HAVE_HTML ("0": the library cannot import HTML; those round trips are skipped),
GOVINFO_HAVE_XLSX ("0": no Excel output or import; likewise).
"""
import html.parser
import os
import re
import shlex
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get('GOVINFO_SOURCE_ROOT', os.path.normpath(os.path.join(HERE, '..', '..')))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'markup'))
import render  # noqa: E402

CLI = os.environ.get('GOVINFO_CLI', os.path.join(ROOT, 'build', 'tools', 'govinfo'))
WRAPPER = shlex.split(os.environ.get('GOVINFO_TEST_WRAPPER', ''))
HAVE_HTML = os.environ.get('GOVINFO_HAVE_HTML', '1') == '1'
# built with libxlsxwriter (render) and libzip (import)
HAVE_XLSX = os.environ.get('GOVINFO_HAVE_XLSX', '1') == '1'
REPORTS = [os.path.join(ROOT, 'examples', 'reports', n + '.yaml')
           for n in ('suibin-2020', 'huaian-2024')]
REPORTS += [os.path.join(ROOT, 'tests', 'data', 'fixtures', n + '.yaml')
            for n in ('suibin-2020', 'huaian-hongze-2023', 'huaian-hongze-2024',
                      'huaian-city-2024')]
# Blanks and marks in a copy of each report (cells every report prints).
CHANGED_CELLS = {'table3.np_publication.research': None,
                 'table3.np_publication.legal_service': '/',
                 'table3.denied_admin_query.commercial': None,
                 'table2_art20_6.admin_coercion.decisions': '—',
                 'table4.litigation_direct.pending': '无'}
SPEC = render.load_spec()


def run(args, **kw):
    return subprocess.run(WRAPPER + [CLI] + args, capture_output=True, **kw)


def dump_yaml(report, path):
    import yaml

    class Dumper(yaml.SafeDumper):
        pass
    Dumper.add_representer(render.decimal.Decimal,
                           lambda d, v: d.represent_scalar('tag:yaml.org,2002:float', str(v)))
    with open(path, 'w', encoding='utf-8') as f:
        yaml.dump(report, f, Dumper=Dumper, allow_unicode=True, sort_keys=False)


def cells(report):
    return {(t, r, c): v for t, rows in report['tables'].items() for r, cols in rows.items()
            for c, v in cols.items()}


class RoundTripTests(unittest.TestCase):
    def round_trip(self, report, kind, findings):
        with tempfile.TemporaryDirectory() as tmp:
            source = os.path.join(tmp, 'report.yaml')
            dump_yaml(report, source)
            page = os.path.join(tmp, 'page.' + kind)
            args = ['render', source, '-o', page] + ([] if findings else ['--no-findings'])
            done = run(args)
            self.assertEqual(done.returncode, 0, done.stderr.decode())
            back = os.path.join(tmp, 'back.yaml')
            done = run(['import', page, '-o', back])
            self.assertIn(done.returncode, (0, 1), done.stderr.decode())
            return render.load_yaml(back)

    def check(self, path, changes, kind, findings):
        report = render.with_cells(render.load_yaml(path), changes)
        back = self.round_trip(report, kind, findings)
        self.assertEqual(cells(back), cells(report), 'cells of %s through %s' % (path, kind))
        for key in ('format', 'year', 'title'):
            self.assertEqual(back.get(key), report.get(key), key)
        if findings:  # the list of findings follows the signature: only cells are compared
            return
        for key in ('organ', 'published', 'preface'):
            self.assertEqual(back.get(key), report.get(key), key)
        sent = {s['id']: s['text'] for s in report['sections']}
        got = {s['id']: s['text'] for s in back['sections']}
        self.assertEqual(sorted(got), sorted(sent))
        for sid, text in sent.items():
            if kind == 'html':  # the HTML front end drops paragraph indents (see CHANGELOG)
                text, got[sid] = text.replace('\n', ''), got[sid].replace('\n', '')
            self.assertEqual(got[sid], text, 'section %s of %s through %s' % (sid, path, kind))

    def test_all(self):
        kinds = ['md'] + (['html'] if HAVE_HTML else []) + (['xlsx'] if HAVE_XLSX else [])
        for path in REPORTS:
            for changes in ({}, CHANGED_CELLS):
                for kind in kinds:
                    for findings in (False, True):
                        with self.subTest(report=os.path.basename(path), kind=kind,
                                          changed=bool(changes), findings=findings):
                            self.check(path, changes, kind, findings)


class Tables(html.parser.HTMLParser):
    """The <table>s of a page: rows of (text, rowspan, colspan, is_header, attributes)."""

    def __init__(self):
        super().__init__()
        self.tables, self.cell = [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'table':
            self.tables.append([])
        elif tag == 'tr':
            self.tables[-1].append([])
        elif tag in ('td', 'th'):
            self.cell = [tag == 'th', int(a.get('rowspan', 1)), int(a.get('colspan', 1)), a, '']

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[4] += data

    def handle_endtag(self, tag):
        if tag in ('td', 'th') and self.cell is not None:
            header, rowspan, colspan, attrs, text = self.cell
            self.tables[-1][-1].append((text, rowspan, colspan, header, attrs))
            self.cell = None


def page_tables(page):
    parser = Tables()
    parser.feed(page)
    return parser.tables


class LayoutTests(unittest.TestCase):
    def render(self, path, *options):
        done = run(['render', path] + list(options))
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        return done.stdout.decode('utf-8')

    def test_layout_matches_render_py(self):
        """Every table, row, cell, text and span as tests/markup/render.py lays them out."""
        for path in REPORTS:
            report = render.load_yaml(path)
            expected = [g for _, _, gs in render.sections_with_tables(report, SPEC) for g in gs]
            got = page_tables(self.render(path, '--no-findings'))
            with self.subTest(report=os.path.basename(path)):
                self.assertEqual(len(got), len(expected))
                for grid, table in zip(expected, got):
                    want = [[(c.text, c.rowspan, c.colspan) for c in row] for row in grid]
                    have = [[(t, rs, cs) for t, rs, cs, _, _ in row] for row in table]
                    self.assertEqual(have, want)

    def test_official_headers(self):
        tables = page_tables(self.render(REPORTS[1], '--no-findings'))
        self.assertEqual(len(tables), 3)
        t3 = tables[1]
        self.assertEqual(t3[0][1][:4], ('申请人情况', 1, 7, True))
        self.assertEqual(t3[1][1][:4], ('法人或其他组织', 1, 5, True))
        self.assertIn(('三、本年度办理结果', 22, 1), [c[:3] for c in t3[5]])
        self.assertIn(('（三）不予公开', 8, 1), [c[:3] for r in t3 for c in r])
        t4 = tables[2]
        self.assertEqual([c[:3] for c in t4[0]], [('行政复议', 1, 5), ('行政诉讼', 1, 10)])
        self.assertEqual([len(r) for r in t4], [2, 7, 10, 15])
        self.assertTrue(all(c[0].isdigit() for c in t4[3]))

    def test_valid_html5_and_self_contained(self):
        import html5lib
        for path in REPORTS[:2]:
            for options in ([], ['--no-findings'], ['--lang', 'en']):
                page = self.render(path, *options)
                parser = html5lib.HTMLParser(strict=True)
                parser.parse(page)  # raises on any parse error
                self.assertEqual(parser.errors, [])
                self.assertNotIn('<script', page)
                self.assertIsNone(re.search(r'(src|href)=|url\(|@import', page))
                self.assertIn('"Noto Serif CJK SC"', page)
                self.assertIn('break-inside: avoid', page)

    def test_a_broken_page_fails_html5lib(self):
        """The validator is strict: a stray end tag fails it."""
        import html5lib
        page = self.render(REPORTS[0]).replace('</main>', '</div></main>', 1)
        with self.assertRaises(Exception):
            html5lib.HTMLParser(strict=True).parse(page)

    def test_findings_on_the_page(self):
        report = render.with_cells(render.load_yaml(REPORTS[1]),
                                   {'table3.new_received.natural_person': 3002})
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'r.yaml')
            dump_yaml(report, path)
            page = self.render(path)
            cells = [c for t in page_tables(page) for r in t for c in r]
            flagged = [c for c in cells if 'error' in c[4].get('class', '')]
            self.assertIn('3002', [c[0] for c in flagged])
            self.assertTrue(all('[table3.' in c[4]['title'] for c in flagged))
            self.assertIn('<section class="findings">', page)
            self.assertIn('table3.row_total', page)
            clean = self.render(path, '--no-findings')
            self.assertNotIn('class="findings"', clean)
            self.assertNotIn(' error', clean.split('</style>')[1])
            english = self.render(path, '--lang', 'en')
            self.assertIn('sum of the six applicant columns', english)
            md = run(['render', '--to', 'md', path]).stdout.decode()
            self.assertIn('table3.row_total', md)
            self.assertNotIn('table3.row_total',
                             run(['render', '--to', 'md', '--no-findings', path]).stdout.decode())

    def test_valid_report_lists_no_findings(self):
        page = self.render(REPORTS[0])  # 绥滨镇: valid, and dated
        self.assertIn('未发现问题', page)
        self.assertNotIn('class="number error', page)

    def test_absent_cells_marked(self):
        report = render.load_yaml(REPORTS[1])
        del report['tables']['table3']['granted']['research']
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'r.yaml')
            dump_yaml(report, path)
            page = self.render(path, '--no-findings')
            self.assertEqual(page.count('<td class="absent"'), 1)
            self.assertIn('td.absent::after', page)

    def test_markdown_tables_with_merged_cells_are_html(self):
        md = run(['render', '--to', 'md', REPORTS[1]]).stdout.decode()
        self.assertEqual(md.count('<table'), 3)
        self.assertTrue(md.startswith('# '))
        self.assertIn('\n## 三、收到和处理政府信息公开申请情况\n', md)


class CliTests(unittest.TestCase):
    def test_usage_errors(self):
        for args in (['render'], ['render', REPORTS[0], '--to', 'pdf'],
                     ['render', REPORTS[0], '--to', 'xlsx'],
                     ['render', REPORTS[0], '-o', 'x.txt'],
                     ['render', REPORTS[0], '--lang', 'fr']):
            done = run(args, env=dict(os.environ, GOVINFO_LANG='en'))
            self.assertEqual(done.returncode, 2, args)
            self.assertIn(b'usage', done.stderr)

    def test_suppressed_findings_are_not_highlighted(self):
        hongze = os.path.join(ROOT, 'tests', 'data', 'fixtures', 'huaian-hongze-2023.yaml')
        shown = run(['render', hongze])
        self.assertEqual(shown.returncode, 0, shown.stderr)
        self.assertIn(b'table4.row_total', shown.stdout)
        with tempfile.TemporaryDirectory() as tmp:
            review = os.path.join(tmp, 'review.yaml')
            done = run(['validate', '--write-suppressions', review, hongze])
            self.assertEqual(done.returncode, 1, done.stderr)
            with open(review, encoding='utf-8') as f:
                text = f.read()
            # Without reasons nothing is hidden; with them, the page shows none of them.
            self.assertIn(b'table4.row_total', run(['render', '--suppress', review, hongze]).stdout)
            with open(review, 'w', encoding='utf-8') as f:
                f.write(text.replace('reason: ""', 'reason: "checked with the organ"'))
            hidden = run(['render', '--suppress', review, hongze])
            self.assertEqual(hidden.returncode, 0, hidden.stderr)
            self.assertNotIn(b'table4.row_total', hidden.stdout)
            self.assertNotIn(b'layout.group_row', hidden.stdout)
            bad = run(['render', '--suppress', os.path.join(tmp, 'missing.yaml'), hongze])
            self.assertEqual(bad.returncode, 2)
            self.assertIn(b'missing.yaml', bad.stderr)

    def test_unreadable_report_leaves_no_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            bad = os.path.join(tmp, 'bad.yaml')
            with open(bad, 'w') as f:
                f.write('format: "2021"\nyear: [\n')
            out = os.path.join(tmp, 'out.html')
            done = run(['render', bad, '-o', out])
            self.assertEqual(done.returncode, 2)
            self.assertEqual(os.listdir(tmp), ['bad.yaml'])

    def test_unwritable_output(self):
        with tempfile.TemporaryDirectory() as tmp:
            done = run(['render', REPORTS[0], '-o', os.path.join(tmp, 'no', 'such.html')])
            self.assertEqual(done.returncode, 2)
            self.assertIn('无法生成', done.stderr.decode())  # the tests run in Chinese
            done = run(['render', '--lang', 'en', REPORTS[0], '-o',
                        os.path.join(tmp, 'no', 'such.html')])
            self.assertIn(b'cannot render', done.stderr)

    def test_stdout_is_html_by_default(self):
        done = run(['render', REPORTS[0]])
        self.assertTrue(done.stdout.startswith(b'<!DOCTYPE html>'))


if __name__ == '__main__':
    import taprunner
    taprunner.main()
