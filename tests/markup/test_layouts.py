#!/usr/bin/python3
"""`govinfo import` on the fixtures rendered in the layouts people hold (render.py): tables
copied as tab-separated rows (a browser: each cell once; WPS/Excel: merged cells expanded as
empty fields), Word (.docx) and Excel (.xlsx) files (tests/data/office, made by
tests/markup/office.py), Markdown shredded by PDF converters and OCR, HTML with table 4 in
several header levels, tables split over several <table>s or nested in layout tables.

Each rendering must give the fixture's expected cells (tests/data/fixture_cells.py); each
deformation (a deleted tab field, merged cells expanded or not, two rows swapped, a label
split differently, ...) must give no wrong cell: every cell read is the truth, every cell
absent is named by an import.cell_unread or import.table_missing finding.

At the end it prints, per layout, the cells read and unread over its cases (TAP comments),
the figures of the closing note.

Environment (tests/markup/meson.build): GOVINFO_CLI, GOVINFO_SOURCE_ROOT,
GOVINFO_HAVE_HTML; GOVINFO_TEST_WRAPPER prefixes every run of the CLI.
"""
import collections
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get('GOVINFO_SOURCE_ROOT', os.path.normpath(os.path.join(HERE, '..', '..')))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, 'tests', 'data'))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'import'))
import fixture_cells  # noqa: E402
import render  # noqa: E402
from import_cli import parse_findings  # noqa: E402

CLI = os.environ.get('GOVINFO_CLI')
HAVE_HTML = os.environ.get('GOVINFO_HAVE_HTML', '1') == '1'
WRAPPER = shlex.split(os.environ.get('GOVINFO_TEST_WRAPPER', ''))
FIXTURES = ('suibin-2020', 'huaian-hongze-2023', 'huaian-hongze-2024', 'huaian-city-2024')
OFFICE = os.path.join(ROOT, 'tests', 'data', 'office')
SPEC = render.load_spec()
UNREAD_RULES = ('import.cell_unread', 'import.table_missing')

# per layout: [cells read, cells unread] over every case imported
TALLY = collections.defaultdict(lambda: [0, 0])


def expected_cells(fixture):
    with open(os.path.join(render.FIXTURE_DIR, fixture + '.expected.yaml'), encoding='utf-8') as f:
        data = yaml.safe_load(f)
    return data, {c: fixture_cells.expected_cell(v, c) for c, v in data['cells'].items()}


class Result:
    def __init__(self, status, report_text, stderr):
        self.status, self.text, self.stderr = status, report_text, stderr
        self.findings, self.other = parse_findings(stderr)


def run_import(tmp, name, page, *options):
    path = os.path.join(tmp, name)
    with open(path, 'wb') as f:
        f.write(page)
    out = path + '.yaml'
    # failures are checked in English (the findings, as JSON, carry both languages)
    done = subprocess.run(WRAPPER + [CLI, 'import', '--json', *options, path, '-o', out],
                          capture_output=True, timeout=300,
                          env=dict(os.environ, GOVINFO_LANG='en'))
    text = None
    if os.path.exists(out):
        with open(out, encoding='utf-8') as f:
            text = f.read()
    return Result(done.returncode, text, done.stderr.decode('utf-8', 'replace'))


def judge(result, fixture, layout, lossable=None):
    """What breaks the promise: a wrong cell, an absent cell not named, and (lossable None)
    any cell lost; lossable: the cell ids that may be lost."""
    if result.text is None:
        return ['no report: ' + result.stderr[-1000:]]
    meta, truth = expected_cells(fixture)
    problems = fixture_cells.compare(result.text, yaml.safe_dump(meta, allow_unicode=True),
                                     layout, 'expected')
    problems = [p for p in problems if ' is absent, expected' not in p and
                'expected absent' not in p]  # cells are judged below
    top = dict(fixture_cells._mapping(fixture_cells._compose(result.text, layout), layout))
    got = fixture_cells.report_cells(top['tables']) if top.get('tables') else {}
    for cid, value in got.items():
        if truth.get(cid) != value:
            problems.append('WRONG %s = %s, truth %s' % (cid, value, truth.get(cid)))
    named = {p for f in result.findings if f['rule'] in UNREAD_RULES and (f.get('line') or 0) > 0
             for p in f.get('paths') or []}
    absent = [c for c in truth if c not in got]
    silent = [c for c in absent if '/tables/' + c.replace('.', '/') not in named and
              '/tables/' + c.split('.')[0] not in named]
    if silent:
        problems.append('SILENT %d: %s' % (len(silent), silent[:8]))
    lost = [c for c in absent if lossable is None or c not in lossable]
    if lost:
        problems.append('LOST %d: %s' % (len(lost), lost[:8]))
    TALLY[layout][0] += len(got)
    TALLY[layout][1] += len(absent)
    return problems


def table3_rows(grid):
    """Indexes of the grid rows of table 3 that print figures, and their row ids."""
    return [(i, row[-1].cell_id.split('.')[1]) for i, row in enumerate(grid)
            if row and row[-1].cell_id and row[-1].cell_id.startswith('table3.')]


def row_cells(fixture, row):
    _, truth = expected_cells(fixture)
    return {c for c in truth if c.startswith('table3.%s.' % row)}


class Layouts(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        if not CLI:
            raise unittest.SkipTest('GOVINFO_CLI is not set (run through meson test)')
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()
        for layout, (read, unread) in sorted(TALLY.items()):
            print('# layout %-24s cells read %5d, unread %4d' % (layout, read, unread), flush=True)

    def each(self, layout, make_page, *options, lossable=lambda fixture: None):
        for fixture in FIXTURES:
            with self.subTest(fixture=fixture, layout=layout):
                report = render.load_report(fixture)
                page = make_page(report)
                if page is None:
                    continue
                result = run_import(self.tmp.name, '%s.%s' % (fixture, layout), page, *options)
                problems = judge(result, fixture, layout, lossable(fixture))
                self.assertEqual(problems, [], '\n'.join(problems[:20]))

    # ---- tab-separated ----

    def test_tsv_copied_from_a_browser_gives_every_cell(self):
        self.each('tsv-browser', lambda r: render.render_tsv(r, SPEC).encode())

    def test_tsv_copied_from_excel_with_merged_cells_expanded_gives_every_cell(self):
        self.each('tsv-excel', lambda r: render.render_tsv(r, SPEC, fillers=True).encode())

    def test_tsv_named_tsv_gives_every_cell(self):
        self.each('tsv-kind', lambda r: render.render_tsv(r, SPEC).encode(), '--kind', 'tsv')

    def test_tsv_blank_fields_are_blank_never_0(self):
        changes = {'table3.np_publication.research': None,
                   'table4.litigation_direct.pending': '—'}

        def page(report):
            return render.render_tsv(render.with_cells(report, changes), SPEC).encode()
        for fixture in FIXTURES:
            with self.subTest(fixture=fixture):
                result = run_import(self.tmp.name, fixture + '.blank.tsv',
                                    page(render.load_report(fixture)))
                cells = yaml.safe_load(result.text)['tables']
                self.assertIsNone(cells['table3']['np_publication']['research'])
                self.assertEqual(cells['table4']['litigation_direct']['pending'], '—')

    def tsv_edited(self, layout, edit, lossable=lambda fixture, rows: None, fillers=False):
        """Each fixture as TSV with table 3's lines edited by edit(lines, rows) -> changed
        rows (grid indexes and row ids the edit touched)."""
        for fixture in FIXTURES:
            touched = []

            def edit_rows(grid, lines):
                rows = table3_rows(grid)
                if not rows:
                    return lines
                lines = list(lines)
                touched.extend(edit(lines, rows))
                return lines
            page = render.render_tsv(render.load_report(fixture), SPEC, fillers=fillers,
                                     edit_rows=edit_rows).encode()
            with self.subTest(fixture=fixture, layout=layout):
                result = run_import(self.tmp.name, '%s.%s' % (fixture, layout), page)
                problems = judge(result, fixture, layout, lossable(fixture, touched))
                self.assertEqual(problems, [], '\n'.join(problems[:20]))

    def test_tsv_a_deleted_field_loses_its_row_only(self):
        def delete(lines, rows):
            i, row = rows[len(rows) // 2]
            fields = lines[i].split('\t')
            del fields[-3]
            lines[i] = '\t'.join(fields)
            return [row]
        self.tsv_edited('tsv-deleted-field', delete,
                        lambda fixture, rows: set().union(*(row_cells(fixture, r) for r in rows)))

    def test_tsv_two_rows_swapped_are_read_right_or_left_absent(self):
        def swap(lines, rows):
            (i, a), (j, b) = rows[3], rows[6]
            lines[i], lines[j] = lines[j], lines[i]
            return [a, b]
        self.tsv_edited('tsv-swapped', swap,
                        lambda fixture, rows: set().union(*(row_cells(fixture, r) for r in rows)))

    def test_tsv_a_label_split_over_two_lines_is_read(self):
        def split(lines, rows):
            for i, _ in reversed(rows):
                fields = lines[i].split('\t')
                label = next(k for k, f in enumerate(fields) if len(f) > 6 and f[0] in '0123456789')\
                    if any(len(f) > 6 and f[0] in '0123456789' for f in fields) else None
                if label is None:
                    continue
                text = fields[label]
                head, fields[label] = text[:len(text) // 2], text[len(text) // 2:]
                lines[i] = '\t'.join(fields)
                lines.insert(i, head)  # an HTML-to-text tool wraps the long label
                return []
            return []
        self.tsv_edited('tsv-label-split', split)

    def test_tsv_a_label_with_a_line_break_in_quotes_is_read(self):
        def quote(lines, rows):
            for i, _ in rows:
                fields = lines[i].split('\t')
                for k, f in enumerate(fields):
                    if '（区分处理' in f:
                        fields[k] = '"%s\n%s"' % (f[:f.index('（区分处理')], f[f.index('（区分处理'):])
                        lines[i] = '\t'.join(fields)
                        return []
            return []
        self.tsv_edited('tsv-quoted-label', quote, fillers=True)


    # ---- Markdown shredded by converters and OCR ----

    def test_shredded_markdown_with_headers_in_syllables_gives_every_cell(self):
        self.each('md-shredded', lambda r: render.render_markdown_shredded(r, SPEC).encode())

    def test_shredded_markdown_with_generic_headers_gives_every_cell(self):
        self.each('md-generic', lambda r: render.render_markdown_shredded(
            r, SPEC, header_how='generic', trailing=False).encode())

    def test_shredded_markdown_with_labels_after_their_figures_gives_every_cell(self):
        self.each('md-labels-after', lambda r: render.render_markdown_shredded(
            r, SPEC, labels='after').encode())

    def shredded_edited(self, layout, edit, lossable):
        def make(report):
            lines = render.render_markdown_shredded(report, SPEC).split('\n')
            edit(lines)
            return '\n'.join(lines).encode()
        self.each(layout, make, lossable=lossable)

    def test_shredded_markdown_two_rows_swapped_are_right_or_absent(self):
        def swap(lines):
            rows = [i for i, l in enumerate(lines) if re.match(r'\|\s*\|\s*\|\s*[3-4]\.', l)]
            lines[rows[0]], lines[rows[1]] = lines[rows[1]], lines[rows[0]]
        self.shredded_edited('md-swapped', swap, lambda fixture: {
            c for c in expected_cells(fixture)[1] if c.startswith('table3.denied_')})

    def test_shredded_markdown_a_deleted_figure_loses_its_row_or_its_table(self):
        def delete(lines):
            i = next(i for i, l in enumerate(lines) if '6.属于四类过程性信息' in l)
            cells = lines[i].split('|')
            del cells[-4]
            lines[i] = '|'.join(cells)
        self.shredded_edited('md-deleted', delete, lambda fixture: {
            c for c in expected_cells(fixture)[1] if c.startswith('table3.')})

    def test_shredded_markdown_with_separator_rows_repeated_inside_gives_every_cell(self):
        def repeat(lines):
            for i in range(len(lines) - 1, 0, -1):
                if lines[i].startswith('| ') and lines[i - 1].startswith('| ') and i % 3 == 0:
                    lines.insert(i, '|---|---|---|---|---|---|---|---|---|---|---|')
        self.shredded_edited('md-separators', repeat, lambda fixture: None)

    def test_shredded_markdown_a_label_split_elsewhere_is_read(self):
        def resplit(lines):
            for i, l in enumerate(lines):
                if l == '2.其他法律行':  # printed "2.其他法律行" / "政法规禁止公开"
                    lines[i], lines[i + 1] = '2.其他法律行政法规', '禁止公开'
        self.shredded_edited('md-label-split', resplit, lambda fixture: None)

    # ---- HTML ----

    def test_html_with_table_3_split_over_two_tables_gives_every_cell(self):
        def page(report):
            html = render.render_html(report, SPEC, split=True)
            self.assertEqual(html.count(b'<table'), 4)
            return html
        if HAVE_HTML:
            self.each('html-split', page)

    def test_html_with_table_4_under_three_header_levels_gives_every_cell(self):
        if HAVE_HTML:
            self.each('html-levels', lambda r: render.render_html(r, SPEC, levels=3))

    def test_html_nested_in_a_layout_table_gives_every_cell(self):
        if HAVE_HTML:
            self.each('html-nested', lambda r: render.render_html(r, SPEC, nested=True))


class OfficeFiles(unittest.TestCase):
    """Word and Excel renderings of every fixture (tests/data/office, made by office.py)."""

    @classmethod
    def setUpClass(cls):
        if not CLI:
            raise unittest.SkipTest('GOVINFO_CLI is not set (run through meson test)')
        probe = run_import(tempfile.gettempdir(), 'govinfo-probe.docx',
                           open(os.path.join(OFFICE, 'suibin-2020.docx'), 'rb').read())
        if 'built without libzip' in probe.stderr:
            raise unittest.SkipTest('built without libzip')
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()
        for layout, (read, unread) in sorted(TALLY.items()):
            if layout in ('docx', 'xlsx', 'docx-fresh', 'xlsx-fresh'):
                print('# layout %-24s cells read %5d, unread %4d' % (layout, read, unread),
                      flush=True)

    def test_word_and_excel_files_give_every_cell_and_the_text(self):
        for kind in ('docx', 'xlsx'):
            for fixture in FIXTURES:
                with self.subTest(fixture=fixture, kind=kind):
                    with open(os.path.join(OFFICE, '%s.%s' % (fixture, kind)), 'rb') as f:
                        page = f.read()
                    result = run_import(self.tmp.name, '%s.%s' % (fixture, kind), page)
                    problems = judge(result, fixture, kind)
                    self.assertEqual(problems, [], '\n'.join(problems[:20]))
                    self.assertEqual(result.status, 1 if fixture == 'huaian-hongze-2023' else 0)
                    got, want = yaml.safe_load(result.text), render.load_report(fixture)
                    squeeze = lambda s: re.sub(r'\s+', '', s or '')  # noqa: E731
                    self.assertEqual(squeeze(got.get('title')), squeeze(want['title']))
                    self.assertEqual([(s['id'], squeeze(s['text'])) for s in got['sections']],
                                     [(s['id'], squeeze(s['text'])) for s in want['sections']])

    def test_fresh_renderings_with_blanks_and_marks(self):
        import importlib.util
        import office
        if not importlib.util.find_spec('docx') or not importlib.util.find_spec('openpyxl'):
            self.skipTest('python3-docx or python3-openpyxl is not installed')
        changes = {'table3.np_publication.research': None,
                   'table3.np_publication.legal_service': '/',
                   'table4.litigation_direct.pending': '—'}
        for kind, write in (('docx', office.write_docx), ('xlsx', office.write_xlsx)):
            for fixture in FIXTURES:
                with self.subTest(fixture=fixture, kind=kind):
                    report = render.with_cells(render.load_report(fixture), changes)
                    path = os.path.join(self.tmp.name, '%s-changed.%s' % (fixture, kind))
                    write(report, SPEC, path)
                    with open(path, 'rb') as f:
                        result = run_import(self.tmp.name, 'in-' + os.path.basename(path),
                                            f.read())
                    tables = yaml.safe_load(result.text)['tables']
                    if kind == 'docx':  # Word keeps an empty cell: blank
                        self.assertIsNone(tables['table3']['np_publication']['research'])
                    else:  # Excel drops an empty cell inside a row: still blank, never 0
                        self.assertIn(tables['table3'].get('np_publication', {}).get('research'),
                                      (None, 'absent'))
                    self.assertEqual(tables['table3']['np_publication']['legal_service'], '/')
                    self.assertEqual(tables['table4']['litigation_direct']['pending'], '—')


def image_only_pdf():
    """A one-page PDF that draws a rectangle and holds no text: what a scanner makes."""
    content = b'0 0 0 rg 100 100 200 200 re f'
    objects = [b'<< /Type /Catalog /Pages 2 0 R >>',
               b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
               b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
               b'<< /Length %d >>\nstream\n%s\nendstream' % (len(content), content)]
    out, offsets = bytearray(b'%PDF-1.4\n'), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n%s\nendobj\n' % (i, body)
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    out += b''.join(b'%010d 00000 n \n' % o for o in offsets)
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (
        len(objects) + 1, xref)
    return bytes(out)


class Refusals(unittest.TestCase):
    """What is no published report's text is refused with a message naming what it is."""

    @classmethod
    def setUpClass(cls):
        if not CLI:
            raise unittest.SkipTest('GOVINFO_CLI is not set (run through meson test)')
        cls.tmp = tempfile.TemporaryDirectory()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def refused(self, name, data, *words):
        result = run_import(self.tmp.name, name, data)
        self.assertEqual(result.status, 2, result.stderr)
        self.assertIsNone(result.text)
        for word in words:
            self.assertIn(word, result.stderr)
        return result

    def zip_of(self, parts):
        import io
        import zipfile
        out = io.BytesIO()
        with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
            for name, data in parts:
                z.writestr(name, data)
        return out.getvalue()

    def test_a_legacy_word_or_excel_file_names_a_conversion(self):
        ole2 = bytes.fromhex('D0CF11E0A1B11AE1') + b'\0' * 600
        self.refused('old.doc', ole2, 'soffice --headless --convert-to docx')

    def test_a_report_document_is_sent_to_validate(self):
        self.refused('r.yaml', b'format: "2021"\nyear: 2024\ntables: {}\n', 'govinfo validate')
        self.refused('r.json', b'{"format": "2021", "year": 2024}', 'govinfo validate')

    def test_a_binary_file_is_named_as_such_not_as_bad_utf8(self):
        result = self.refused('p.png', b'\x89PNG\r\n\x1a\n' + b'\0\xff' * 50, 'PNG image')
        self.assertNotIn('UTF-8', result.stderr)
        self.refused('x.bin', b'\xff\xfe\0\0abc' * 20, 'binary file')

    def test_a_zip_that_is_no_office_file(self):
        self.refused('a.zip', self.zip_of([('readme.txt', b'hello')]), 'neither a Word')

    def test_a_zip_bomb_is_refused(self):
        bomb = self.zip_of([('[Content_Types].xml', b'<Types/>'),
                            ('word/document.xml', b'\0' * (24 << 20))])
        self.assertLess(len(bomb), 200000)
        self.refused('bomb.docx', bomb, 'zip bomb')

    def test_a_zip_of_too_many_entries_is_refused(self):
        many = self.zip_of([('word/document.xml', b'<x/>')] +
                           [('f%d' % i, b'') for i in range(5000)])
        self.refused('many.docx', many, 'entries')

    def test_a_scanned_pdf_says_it_needs_ocr(self):
        if not shutil.which('pdftotext'):
            self.skipTest('pdftotext (poppler-utils) is not installed')
        self.refused('scan.pdf', image_only_pdf(), 'scanned image', 'ocrmypdf', 'chi_sim')

    def test_pdf_findings_name_the_page_and_the_line_on_it(self):
        if not shutil.which('pdftotext'):
            self.skipTest('pdftotext (poppler-utils) is not installed')
        pdf = os.path.join(ROOT, 'tests', 'data', 'fixtures', 'huaian-hongze-2023.pdf')
        with open(pdf, 'rb') as f:
            result = run_import(self.tmp.name, 'hongze.pdf', f.read())
        variant = next(f for f in result.findings if f['rule'] == 'import.label_variant')
        self.assertEqual(variant['line'], 108)  # of the pdftotext -layout text
        self.assertIn('第3页第43行', variant['message'])
        self.assertIn('(page 3, line 43)', variant['message_en'])
        self.assertIn('表三', variant['message'])

    def test_a_damaged_part_is_a_clear_error(self):
        broken = self.zip_of([('word/document.xml', b'<w:document><unclosed')])
        self.refused('broken.docx', broken, 'word/document.xml')

    def test_libxml2_never_writes_on_stderr(self):
        """An undeclared namespace prefix (found by the docx fuzzer): libxml2 printed a line
        per element on the host's stderr."""
        part = (b'<?xml version="1.0"?><y:document><y:body><y:p><y:r><y:t>x</y:t></y:r></y:p>'
                b'</y:body></y:document>')
        docx = self.zip_of([('[Content_Types].xml', b'<Types/>'), ('word/document.xml', part)])
        result = run_import(self.tmp.name, 'ns.docx', docx)
        self.assertNotIn('namespace error', result.stderr)
        self.assertNotIn('Namespace prefix', result.stderr)


if __name__ == '__main__':
    import taprunner
    taprunner.main()
