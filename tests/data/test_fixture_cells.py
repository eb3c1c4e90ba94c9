#!/usr/bin/python3
"""The fixture reports and the example reports hold exactly the hand-transcribed cells of
tests/data/fixtures/*.expected.yaml. Needs GOVINFO_SOURCE_ROOT (the source tree)."""
import os
import subprocess
import sys
import unittest

ROOT = os.environ.get('GOVINFO_SOURCE_ROOT',
                      os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DATA = os.path.join(ROOT, 'tests', 'data')
FIXTURES = os.path.join(DATA, 'fixtures')
sys.path.insert(0, DATA)

import fixture_cells  # noqa: E402

# (report, expected values) pairs, paths relative to the source root.
PAIRS = [
    ('tests/data/fixtures/suibin-2020.yaml', 'tests/data/fixtures/suibin-2020.expected.yaml'),
    ('tests/data/fixtures/huaian-hongze-2023.yaml',
     'tests/data/fixtures/huaian-hongze-2023.expected.yaml'),
    ('tests/data/fixtures/huaian-hongze-2024.yaml',
     'tests/data/fixtures/huaian-hongze-2024.expected.yaml'),
    ('tests/data/fixtures/huaian-city-2024.yaml',
     'tests/data/fixtures/huaian-city-2024.expected.yaml'),
    ('examples/reports/suibin-2020.yaml', 'tests/data/fixtures/suibin-2020.expected.yaml'),
    ('examples/reports/huaian-2024.yaml', 'tests/data/fixtures/huaian-city-2024.expected.yaml'),
]


def read(relative):
    with open(os.path.join(ROOT, relative), encoding='utf-8') as f:
        return f.read()


class ReportsHoldTheExpectedCells(unittest.TestCase):
    """One test per (report, expected values) pair, added below."""

    def test_command_line_exits_0_on_a_match(self):
        report, expected = (os.path.join(ROOT, p) for p in PAIRS[0])
        run = subprocess.run([sys.executable, os.path.join(DATA, 'fixture_cells.py'), report,
                              expected], capture_output=True, text=True)
        self.assertEqual((run.returncode, run.stdout), (0, ''))


def _matches_expected(report, expected):
    def test(self):
        self.assertEqual(fixture_cells.check_files(os.path.join(ROOT, report),
                                                   os.path.join(ROOT, expected)), [])
    return test


def _has_cells(name, count):
    def test(self):
        root = fixture_cells._compose(read('tests/data/fixtures/%s.yaml' % name), name)
        tables = dict(fixture_cells._mapping(root, name))['tables']
        self.assertEqual(len(fixture_cells.report_cells(tables)), count)
    return test


for _report, _expected in PAIRS:
    _stem = os.path.splitext(_report)[0].replace('/', '_').replace('-', '_')
    setattr(ReportsHoldTheExpectedCells, 'test_%s_matches_its_expected_values' % _stem,
            _matches_expected(_report, _expected))
# The counts the fixtures README gives.
for _name, _count in (('suibin-2020', 198), ('huaian-city-2024', 200),
                      ('huaian-hongze-2023', 186), ('huaian-hongze-2024', 186)):
    setattr(ReportsHoldTheExpectedCells,
            'test_%s_has_%d_cells' % (_name.replace('-', '_'), _count), _has_cells(_name, _count))


class CheckerCatchesEveryDifference(unittest.TestCase):
    """The checker itself, on small edits of the Hongze 2023 report."""

    def setUp(self):
        self.report = read('tests/data/fixtures/huaian-hongze-2023.yaml')
        self.expected = read('tests/data/fixtures/huaian-hongze-2023.expected.yaml')

    def edited(self, old, new):
        self.assertEqual(self.report.count(old), 1, old)
        return self.report.replace(old, new)

    def problems(self, report):
        return fixture_cells.compare(report, self.expected)

    def test_a_changed_number_is_reported(self):
        report = self.edited('    new_received:\n      natural_person: 21\n',
                             '    new_received:\n      natural_person: 22\n')
        self.assertEqual(self.problems(report), [
            'report: table3.new_received.natural_person is number 22, expected number 21'])

    def test_a_decimal_must_keep_its_printed_digits(self):
        report = self.edited('fee_amount: 7730.28\n', 'fee_amount: 7730.280\n')
        self.assertEqual(self.problems(report), [
            'report: table2_art20_8.admin_fees.fee_amount is number 7730.280, '
            'expected number 7730.28'])

    def test_a_blank_is_not_zero(self):
        report = self.edited('      decisions: 195\n', '      decisions: null\n')
        self.assertEqual(self.problems(report), [
            'report: table2_art20_6.admin_coercion.decisions is blank, expected number 195'])

    def test_a_mark_is_not_a_number(self):
        report = self.edited('      decisions: 195\n', '      decisions: "/"\n')
        self.assertEqual(self.problems(report), [
            'report: table2_art20_6.admin_coercion.decisions is mark /, expected number 195'])

    def test_a_quoted_number_is_an_error(self):
        report = self.edited('      decisions: 195\n', '      decisions: "195"\n')
        with self.assertRaisesRegex(ValueError, 'neither a number nor a mark'):
            self.problems(report)

    def test_a_missing_cell_is_reported(self):
        report = self.edited('      repealed: 5\n', '')
        self.assertEqual(self.problems(report), [
            'report: table2_art20_1.normative_docs.repealed is absent, expected number 5'])

    def test_an_extra_cell_is_reported(self):
        report = self.edited('    other_processing:\n',
                             '    other_other:\n      total: 0\n    other_processing:\n')
        self.assertEqual(self.problems(report), [
            'report: table3.other_other.total is number 0, expected absent'])

    def test_a_duplicate_cell_is_an_error(self):
        report = self.edited('      decisions: 550\n', '      decisions: 550\n      decisions: 550\n')
        with self.assertRaisesRegex(ValueError, 'duplicate key'):
            self.problems(report)

    def test_metadata_is_compared(self):
        report = self.edited('organ: "洪泽区人民政府"\n', 'organ: "淮安市洪泽区人民政府"\n')
        report = report.replace('year: 2023\n', 'year: 2022\n')
        report = report.replace('\ntitle:', '\npublished: "2024-01-31"\ntitle:')
        self.assertEqual(self.problems(report), [
            "report: year is 2022, expected 2023",
            "report: organ is '淮安市洪泽区人民政府', expected '洪泽区人民政府'",
            "report: published is '2024-01-31', expected None"])

    def test_command_line_exits_1_and_names_the_cell(self):
        path = os.path.join(os.environ.get('TMPDIR', '/tmp'),
                            'govinfo-fixture-cells-%d.yaml' % os.getpid())
        with open(path, 'w', encoding='utf-8') as f:
            f.write(self.edited('      decisions: 4119\n', '      decisions: 4118\n'))
        try:
            run = subprocess.run([sys.executable, os.path.join(DATA, 'fixture_cells.py'), path,
                                  os.path.join(FIXTURES, 'huaian-hongze-2023.expected.yaml')],
                                 capture_output=True, text=True)
        finally:
            os.unlink(path)
        self.assertEqual(run.returncode, 1)
        self.assertIn('table2_art20_6.admin_penalty.decisions is number 4118', run.stdout)


if __name__ == '__main__':
    import taprunner  # tests/taprunner.py, on PYTHONPATH under meson
    taprunner.main()
