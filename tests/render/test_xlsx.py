#!/usr/bin/python3
"""The Excel template: `govinfo template --to xlsx`, filled by a program as a user's Excel or
WPS would (openpyxl), read back by `govinfo validate` and `govinfo import`.

A template filled with a fixture's values and text validates with exactly the findings of
the fixture itself (rule and cells); labels are locked on protected sheets, value cells
unlocked and named by their cell id. The round trips of rendered workbooks are in
test_render.py. Environment: GOVINFO_CLI, GOVINFO_SOURCE_ROOT.
"""
import decimal
import json
import os
import shlex
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get('GOVINFO_SOURCE_ROOT', os.path.normpath(os.path.join(HERE, '..', '..')))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'markup'))
sys.path.insert(0, HERE)
import render  # noqa: E402

CLI = os.environ.get('GOVINFO_CLI', os.path.join(ROOT, 'build', 'tools', 'govinfo'))
WRAPPER = shlex.split(os.environ.get('GOVINFO_TEST_WRAPPER', ''))
FIXTURES = os.path.join(ROOT, 'tests', 'data', 'fixtures')
# Fixtures whose every cell has a place in the template (the Hongze reports print
# （六）其他处理 as one figure, which a template of the 2021 format has as three rows).
FILLABLE = ('suibin-2020', 'huaian-city-2024')


def run(args):
    return subprocess.run(WRAPPER + [CLI] + args, capture_output=True)


def findings(path):
    """{(rule, paths)} of `govinfo validate --json`."""
    done = run(['validate', '--json', path])
    assert done.returncode in (0, 1), done.stderr.decode()
    doc = json.loads(done.stdout.decode().splitlines()[0])
    return sorted((d['rule'], tuple(d['paths'])) for d in doc['diagnostics'])


def findings_without_date(path, report):
    """findings(path) as a filled template has them: the template holds no publication date,
    so a report that has one gains meta.published_missing."""
    found = findings(path)
    if report.get('published'):
        found = sorted(found + [('meta.published_missing', ('/published',))])
    return found


def cell_positions(workbook):
    """{cell id: (sheet, cell)} from the workbook's defined names."""
    out = {}
    for name in workbook.defined_names.definedName:
        for sheet, ref in name.destinations:
            out[name.name] = (sheet, ref.replace('$', ''))
    return out


def fill(template, report, out):
    import openpyxl
    wb = openpyxl.load_workbook(template)
    where = cell_positions(wb)
    for table, rows in report['tables'].items():
        for row, cols in rows.items():
            for col, value in cols.items():
                sheet, ref = where['%s.%s.%s' % (table, row, col)]
                if isinstance(value, decimal.Decimal):
                    value = float(value)
                wb[sheet][ref].value = value  # None stays blank
    titles = {s['title']: s['text'] for s in report['sections']}
    for ws in wb.worksheets:  # each section's text in the row under its heading
        for r in range(1, ws.max_row):
            heading = ws.cell(r, 1).value
            if heading in titles and titles[heading]:
                ws.cell(r + 1, 1).value = '\n'.join('　　' + p for p in titles[heading].split('\n'))
    wb.save(out)


class TemplateTests(unittest.TestCase):
    def template(self, tmp, report):
        path = os.path.join(tmp, 'template.xlsx')
        done = run(['template', '--format', report['format'], '--year', str(report['year']),
                    '--organ', report['organ'], '-o', path])
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        return path

    def test_filled_template_validates_like_the_fixture(self):
        for name in FILLABLE:
            with self.subTest(fixture=name), tempfile.TemporaryDirectory() as tmp:
                source = os.path.join(FIXTURES, name + '.yaml')
                report = render.load_yaml(source)
                filled = os.path.join(tmp, 'filled.xlsx')
                fill(self.template(tmp, report), report, filled)
                self.assertEqual(findings(filled), findings_without_date(source, report))
                back = os.path.join(tmp, 'back.yaml')
                done = run(['import', filled, '-o', back])
                self.assertIn(done.returncode, (0, 1), done.stderr.decode())
                self.assertEqual(render.load_yaml(back)['tables'], report['tables'])

    def test_findings_of_a_changed_copy(self):
        """A copy with a figure off by one, a blank and a mark: the filled template has the
        copy's findings, which are not the fixture's (the comparison can fail)."""
        from test_render import dump_yaml
        for name in FILLABLE:
            with self.subTest(fixture=name), tempfile.TemporaryDirectory() as tmp:
                source = os.path.join(FIXTURES, name + '.yaml')
                report = render.load_yaml(source)
                person = report['tables']['table3']['granted']['natural_person']
                changed = render.with_cells(report, {
                    'table3.granted.natural_person': person + 1,
                    'table3.np_duplicate.research': None,
                    'table4.review.pending': '/'})
                copy = os.path.join(tmp, 'changed.yaml')
                dump_yaml(changed, copy)
                filled = os.path.join(tmp, 'filled.xlsx')
                fill(self.template(tmp, report), changed, filled)
                got = findings(filled)
                self.assertEqual(got, findings_without_date(copy, changed))
                self.assertNotEqual(got, findings_without_date(source, report))
                self.assertIn('table3.row_total', [rule for rule, _ in got])

    def test_labels_locked_values_unlocked(self):
        import openpyxl
        with tempfile.TemporaryDirectory() as tmp:
            report = render.load_yaml(os.path.join(FIXTURES, 'huaian-city-2024.yaml'))
            wb = openpyxl.load_workbook(self.template(tmp, report))
            self.assertEqual(wb.sheetnames, ['正文', '表二', '表三', '表四', '正文（续）'])
            where = cell_positions(wb)
            self.assertEqual(len(where), 200)
            sheet, ref = where['table3.new_received.total']
            ws = wb[sheet]
            self.assertTrue(ws.protection.sheet)
            self.assertFalse(ws[ref].protection.locked)
            self.assertEqual(ws[ref].value, ' ')  # a blank: a space, so the row reads as cells
            self.assertTrue(ws['A4'].protection.locked)
            merged = {str(r) for r in ws.merged_cells.ranges}
            self.assertIn('A4:C6', merged)  # the corner note
            self.assertIn('D4:J4', merged)  # 申请人情况
            self.assertIn('E5:I5', merged)  # 法人或其他组织
            self.assertEqual(ws['D4'].value, '申请人情况')

    def test_rendered_workbook_has_numbers_as_numbers(self):
        import openpyxl
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'r.xlsx')
            done = run(['render', os.path.join(ROOT, 'examples', 'reports', 'huaian-2024.yaml'),
                        '-o', path])
            self.assertEqual(done.returncode, 0, done.stderr.decode())
            wb = openpyxl.load_workbook(path)
            self.assertEqual(wb.sheetnames[-1], '检查结果')
            sheet, ref = cell_positions(wb)['table2_art20_8.admin_fees.fee_amount']
            self.assertEqual(wb[sheet][ref].value, 96171.6)
            sheet, ref = cell_positions(wb)['table3.new_received.total']
            self.assertEqual(wb[sheet][ref].value, 3119)

    def test_usage(self):
        self.assertEqual(run(['template', '--year', '2024', '--to', 'xlsx']).returncode, 2)
        self.assertEqual(run(['template', '--year', '2024', '--to', 'docx']).returncode, 2)


if __name__ == '__main__':
    import taprunner
    taprunner.main()
