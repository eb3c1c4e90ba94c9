#!/usr/bin/python3
"""`govinfo import` on the four fixture reports (tests/data/fixtures), from every text they come
in: the reading-order `.txt`, the `-layout` `.layout.txt` and the PDF.

For each fixture and input, `govinfo import --json INPUT -o OUT.yaml` must give
- exactly the expected format, year, organ, published and cells (tests/data/fixture_cells.py);
- exactly the validation findings of the fixture's report document (rule and paths, as
  `govinfo validate --json tests/data/fixtures/X.yaml` gives them; these are in turn checked
  against the findings tests/data/README.md predicts);
- import findings of the expected kinds only: import.label_variant for the misspelt
  2.其他法律行政止公开 of the Hongze reports (required, on the line that prints it), nothing
  unread or missing;
- the six sections with their titles and texts (compared without whitespace; no page number
  may end up in them), the title and the preface;
- exit status 1 for huaian-hongze-2023 (its table-4 totals are printed wrong), 0 otherwise;
- from the PDF, the same report as from its `.layout.txt`.
The last class checks the command's contract: outputs, stdin, plain finding lines, exit 2.

Environment: GOVINFO_CLI, GOVINFO_SOURCE_ROOT; GOVINFO_TEST_WRAPPER prefixes every run.
"""
import functools
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
DATA = os.path.join(ROOT, 'tests', 'data')
FIXTURE_DIR = os.path.join(DATA, 'fixtures')
sys.path.insert(0, DATA)
sys.path.insert(0, HERE)
import fixture_cells  # noqa: E402
from import_cli import json_cells, load_json_report, parse_findings  # noqa: E402

CLI = os.environ.get('GOVINFO_CLI')
WRAPPER = shlex.split(os.environ.get('GOVINFO_TEST_WRAPPER', ''))
PDFTOTEXT = shutil.which('pdftotext')

FIXTURES = ('suibin-2020', 'huaian-hongze-2023', 'huaian-hongze-2024', 'huaian-city-2024')
INPUTS = {'suibin-2020': ('txt',)}
DEFAULT_INPUTS = ('txt', 'layout.txt', 'pdf')
EXIT_STATUS = {'huaian-hongze-2023': 1}
# What an input cannot give. 淮安市 2024's reading-order text prints table 4 scrambled between
# its column groups (shared/fixtures/README.md: "cannot be mapped to table 4 by position; use
# the layout text"): its cells must be absent and named by import.cell_unread, never guessed.
# The .layout.txt and the PDF give them.
KNOWN_UNREAD = {('huaian-city-2024', 'txt'): 'table4'}
# tests/data/README.md: the validation findings each fixture gives (rule, first path).
# The three 淮安 PDFs print no publication date (tests/data/fixtures/README.md).
NO_DATE = ('meta.published_missing', '/published')
PREDICTED = {
    'suibin-2020': set(),
    'huaian-hongze-2023': {('table4.row_total', '/tables/table4/review/total'),
                           ('table4.row_total', '/tables/table4/litigation_after_review/total'),
                           ('layout.group_row', '/tables/table3/other_processing'), NO_DATE},
    'huaian-hongze-2024': {('layout.group_row', '/tables/table3/other_processing'), NO_DATE},
    'huaian-city-2024': {NO_DATE},
}
MISSPELT = {'huaian-hongze-2023': '其他法律行政止公开', 'huaian-hongze-2024': '其他法律行政止公开'}
MISSPELT_ROW = '/tables/table3/denied_law_prohibited'
# Labels printed differently that may be reported (not required): 淮安市's "1、" numbering.
OPTIONAL_VARIANTS = {'huaian-city-2024': ('/tables/table3/other_overdue_no_correction',
                                          '/tables/table3/other_fee_unpaid',
                                          '/tables/table3/other_other')}
PAGE_NUMBER = re.compile(r'(?<![A-Za-z0-9-])[-—]\s*\d{1,3}\s*[-—](?![A-Za-z0-9-])')
NOTE_SEVERITIES = ('note', 'info')


def run(*args, stdin=None):
    return subprocess.run(WRAPPER + [CLI, *args], input=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE,
                          stdin=None if stdin is not None else subprocess.DEVNULL)


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def strip_ws(s):
    return ''.join((s or '').split())


def input_path(fixture, kind):
    return os.path.join(FIXTURE_DIR, '%s.%s' % (fixture, kind))


class Imported:
    """One `govinfo import --json INPUT -o OUT.yaml`."""

    def __init__(self, fixture, kind):
        self.fixture, self.kind = fixture, kind
        self.path = input_path(fixture, kind)
        workdir = tempfile.mkdtemp(prefix='govinfo-import-')
        out = os.path.join(workdir, 'report.yaml')
        proc = run('import', '--json', self.path, '-o', out)
        self.status = proc.returncode
        self.stderr = proc.stderr.decode('utf-8', 'replace')
        self.text = read(out) if os.path.exists(out) else None
        shutil.rmtree(workdir)
        self.report = yaml.safe_load(self.text) if self.text is not None else None
        self.findings, self.other_lines = parse_findings(self.stderr)
        self.import_findings = [f for f in self.findings if f['rule'].startswith('import.')]
        self.validation_findings = [f for f in self.findings
                                    if not f['rule'].startswith('import.')]

    def lines_of_input(self):
        """The text the finding lines point into (for a PDF, its pdftotext -layout text)."""
        path = input_path(self.fixture, 'layout.txt') if self.kind == 'pdf' else self.path
        return read(path).split('\n')


@functools.lru_cache(maxsize=None)
def imported(fixture, kind):
    if not CLI:
        raise RuntimeError('GOVINFO_CLI is not set (run through meson test)')
    return Imported(fixture, kind)


@functools.lru_cache(maxsize=None)
def reference_findings(fixture):
    """The validation findings of the fixture's report document."""
    proc = run('validate', '--json', os.path.join(FIXTURE_DIR, fixture + '.yaml'))
    findings, other = parse_findings(proc.stdout.decode('utf-8'))
    if proc.returncode not in (0, 1) or other:
        raise RuntimeError('govinfo validate failed (%d): %s %s'
                           % (proc.returncode, other, proc.stderr.decode('utf-8')))
    return findings


def rule_and_paths(findings):
    return sorted((f['rule'], tuple(f.get('paths') or ())) for f in findings)


class FixtureImport:
    """The checks of one fixture and input (mixed into a generated TestCase)."""
    fixture = kind = None
    maxDiff = None

    def setUp(self):
        if self.kind == 'pdf' and PDFTOTEXT is None:
            self.skipTest('pdftotext (poppler-utils) is not installed: PDF import not tested')
        self.result = imported(self.fixture, self.kind)
        if self.result.text is None:
            self.fail('no report written (exit status %s): %s'
                      % (self.result.status, self.result.stderr[-3000:]))

    def unreadable(self):
        """Cell ids of the table this input cannot give (KNOWN_UNREAD), else none."""
        table = KNOWN_UNREAD.get((self.fixture, self.kind))
        return sorted(c for c in self.expected()['cells'] if c.split('.')[0] == table)

    def test_cells_and_metadata_are_exactly_the_expected(self):
        expected = self.expected()
        for cell in self.unreadable():
            del expected['cells'][cell]
        problems = fixture_cells.compare(self.result.text,
                                         yaml.safe_dump(expected, allow_unicode=True),
                                         self.kind, self.fixture + '.expected.yaml')
        self.assertEqual(problems, [], '\n'.join(problems))

    def test_what_cannot_be_read_is_named_and_not_guessed(self):
        unread = {p for f in self.result.import_findings if f['rule'] == 'import.cell_unread'
                  for p in f.get('paths') or []}
        want = {'/tables/' + c.replace('.', '/') for c in self.unreadable()}
        self.assertEqual(unread, want)

    def test_exit_status(self):
        status = 1 if self.unreadable() else EXIT_STATUS.get(self.fixture, 0)
        self.assertEqual(self.result.status, status, self.result.stderr[-3000:])

    def test_findings_are_json_lines(self):
        self.assertEqual(self.result.other_lines, [])
        rules = [f['rule'] for f in self.result.findings]
        first_validation = next((i for i, r in enumerate(rules)
                                 if not r.startswith('import.')), len(rules))
        self.assertTrue(all(not r.startswith('import.') for r in rules[first_validation:]),
                        'import findings must come before validation findings: %s' % rules)

    def test_validation_findings_are_those_of_the_fixture_document(self):
        absent = [{'rule': 'cell.absent', 'paths': ['/tables/' + c.replace('.', '/')]}
                  for c in self.unreadable()]
        self.assertEqual(rule_and_paths(self.result.validation_findings),
                         rule_and_paths(reference_findings(self.fixture) + absent))

    def test_import_findings_are_only_the_expected_ones(self):
        lines = self.result.lines_of_input()
        unexpected, variants = [], []
        for f in self.result.import_findings:
            paths = f.get('paths') or []
            if f['rule'] == 'import.label_variant' and f['severity'] in NOTE_SEVERITIES:
                if paths == [MISSPELT_ROW] and self.fixture in MISSPELT:
                    variants.append(f)
                    continue
                if paths and all(p in OPTIONAL_VARIANTS.get(self.fixture, ()) for p in paths):
                    continue
            if f['rule'] == 'import.cell_unread' and self.unreadable():
                continue  # checked by test_what_cannot_be_read_is_named_and_not_guessed
            if (f['rule'] == 'import.metadata_missing' and f['severity'] == 'warning'
                    and paths == ['/published'] and self.expected()['published'] is None):
                continue  # the three PDFs print no date
            unexpected.append('%s %s at line %s: %s' % (f['rule'], f['severity'], f.get('line'),
                                                       ' '.join(paths)))
        self.assertEqual(unexpected, [], 'unexpected import findings')
        if self.fixture in MISSPELT:
            self.assertEqual(len(variants), 1, 'one import.label_variant for %s' % MISSPELT_ROW)
            line = variants[0].get('line') or 0
            self.assertTrue(0 < line <= len(lines) and MISSPELT[self.fixture] in lines[line - 1],
                            'import.label_variant at line %d, which does not print %s'
                            % (line, MISSPELT[self.fixture]))
            column = variants[0].get('column') or 0
            self.assertTrue(0 < column <= len(lines[line - 1].encode('utf-8')) + 1,
                            'column %d outside line %d' % (column, line))

    def expected(self):
        return yaml.safe_load(read(os.path.join(FIXTURE_DIR, self.fixture + '.expected.yaml')))

    def fixture_document(self):
        return yaml.safe_load(read(os.path.join(FIXTURE_DIR, self.fixture + '.yaml')))

    def test_six_sections_with_their_titles_and_text(self):
        want = self.fixture_document()['sections']
        got = self.result.report.get('sections') or []
        self.assertEqual([(s.get('id'), s.get('title')) for s in got],
                         [(s['id'], s['title']) for s in want])
        for g, w in zip(got, want):
            with self.subTest(section=w['id']):
                text = g.get('text') or ''
                self.assertIsNone(PAGE_NUMBER.search(text),
                                  'a page number in the text of %s' % w['id'])
                self.assertEqual(strip_ws(text), strip_ws(w['text']))

    def test_title_and_preface(self):
        want = self.fixture_document()
        for key in ('title', 'preface'):
            with self.subTest(key=key):
                self.assertEqual(strip_ws(self.result.report.get(key)), strip_ws(want.get(key)))


class PdfLikeLayout(unittest.TestCase):
    """The PDF gives the same report as its pdftotext -layout text, but for `source`."""

    def test_pdf_reports_equal_layout_reports(self):
        if PDFTOTEXT is None:
            self.skipTest('pdftotext (poppler-utils) is not installed: PDF import not tested')
        for fixture in FIXTURES:
            if 'pdf' not in INPUTS.get(fixture, DEFAULT_INPUTS):
                continue
            with self.subTest(fixture=fixture):
                pdf, layout = imported(fixture, 'pdf'), imported(fixture, 'layout.txt')
                self.assertIsNotNone(pdf.report)
                self.assertIsNotNone(layout.report)
                provenance = ('source', 'source_sha256')  # each names its own file
                pdf_report = {k: v for k, v in pdf.report.items() if k not in provenance}
                layout_report = {k: v for k, v in layout.report.items() if k not in provenance}
                self.assertEqual(pdf_report, layout_report)
                self.assertEqual(pdf.status, layout.status)


class ReferenceFindings(unittest.TestCase):
    """The fixture documents give the validation findings tests/data/README.md predicts."""

    def test_reference_findings_are_the_predicted_ones(self):
        for fixture in FIXTURES:
            with self.subTest(fixture=fixture):
                got = {(f['rule'], f['paths'][0]) for f in reference_findings(fixture)}
                self.assertEqual(got, PREDICTED[fixture])


def _register():
    for fixture in FIXTURES:
        for kind in INPUTS.get(fixture, DEFAULT_INPUTS):
            name = 'Import_%s_%s' % (fixture.replace('-', '_'),
                                     kind.replace('.txt', '').replace('.', '_'))
            globals()[name] = type(name, (FixtureImport, unittest.TestCase),
                                   {'fixture': fixture, 'kind': kind})


_register()


# ---- the command's contract ----

PLAIN_FINDING = re.compile(r'(?P<file>.+?)(:(?P<line>\d+):(?P<column>\d+))?: '
                           r'(?P<severity>error|warning|note|info): .+ \[(?P<rule>[a-z0-9_.]+)\]\Z')
SAMPLE = ('huaian-hongze-2023', 'layout.txt')


class ImportCommand(unittest.TestCase):
    def setUp(self):
        if not CLI:
            self.fail('GOVINFO_CLI is not set (run through meson test)')
        self.dir = tempfile.mkdtemp(prefix='govinfo-import-cli-')
        self.input = input_path(*SAMPLE)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def reference_yaml(self):
        out = self.path('reference.yaml')
        proc = run('import', self.input, '-o', out)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        return read(out)

    def test_without_output_or_with_dash_the_report_goes_to_stdout_as_yaml(self):
        reference = self.reference_yaml()
        for args in ((), ('-o', '-')):
            with self.subTest(args=args):
                proc = run('import', self.input, *args)
                self.assertEqual(proc.returncode, 1)
                self.assertEqual(proc.stdout.decode('utf-8'), reference)

    def test_stdin_is_read_with_dash(self):
        reference = self.reference_yaml()
        with open(self.input, 'rb') as f:
            proc = run('import', '-', stdin=f.read())
        self.assertEqual(proc.returncode, 1, proc.stderr)
        expected = yaml.safe_load(reference)
        del expected['source']  # standard input has bytes (and their hash), not a path
        self.assertEqual(yaml.safe_load(proc.stdout), expected)

    def test_json_output_holds_the_same_report(self):
        reference_text = self.reference_yaml()
        reference = yaml.safe_load(reference_text)
        out = self.path('report.json')
        proc = run('import', self.input, '-o', out)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        report = load_json_report(out)
        top = dict(fixture_cells._mapping(fixture_cells._compose(reference_text, 'reference'),
                                          'reference'))
        self.assertEqual(json_cells(report.pop('tables')),
                         fixture_cells.report_cells(top['tables']))
        reference.pop('tables')
        self.assertEqual(report, reference)

    def test_kind_text_reads_the_same_as_auto(self):
        reference = self.reference_yaml()
        proc = run('import', '--kind', 'text', self.input)
        self.assertEqual(proc.stdout.decode('utf-8'), reference)

    def test_plain_findings_are_validate_lines_import_first(self):
        plain = run('import', self.input, '-o', self.path('a.yaml'))
        as_json = run('import', '--json', self.input, '-o', self.path('b.yaml'))
        findings, _ = parse_findings(as_json.stderr.decode('utf-8'))
        rules = []
        for line in plain.stderr.decode('utf-8').splitlines():
            m = PLAIN_FINDING.match(line)
            if m is None:
                continue   # a summary line
            rules.append(m.group('rule'))
            if m.group('rule').startswith('import.'):
                self.assertIsNotNone(m.group('line'), line)
        self.assertEqual(rules, [f['rule'] for f in findings])
        self.assertIn('import.label_variant', rules)
        self.assertLess(rules.index('import.label_variant'), rules.index('table4.row_total'))

    def test_a_pdf_without_pdftotext_names_the_package_to_install(self):
        out = self.path('out.yaml')
        pdf = input_path('huaian-city-2024', 'pdf')
        env = dict(os.environ, PATH=self.path('empty-path'))  # no pdftotext on it
        proc = subprocess.run([CLI, 'import', pdf, '-o', out], capture_output=True, env=env)
        self.assertEqual(proc.returncode, 2)
        self.assertIn('poppler-utils', proc.stderr.decode('utf-8'))
        self.assertFalse(os.path.exists(out))

    def test_a_pdf_whose_layout_text_cannot_be_read_whole_is_read_in_reading_order(self):
        # A stand-in pdftotext: its -layout text lacks one number of table 3, its plain text
        # is the real reading-order text; the importer must keep the better reading, say so.
        layout = read(input_path('huaian-hongze-2024', 'layout.txt')).split('\n')
        broken = next(i for i, line in enumerate(layout) if '（一）予以公开' in line)
        layout[broken] = layout[broken].rstrip()[:-2]  # drop its total
        bin_dir = self.path('bin')
        os.mkdir(bin_dir)
        with open(os.path.join(bin_dir, 'layout.txt'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(layout))
        shutil.copy(input_path('huaian-hongze-2024', 'txt'), os.path.join(bin_dir, 'plain.txt'))
        fake = os.path.join(bin_dir, 'pdftotext')
        with open(fake, 'w', encoding='utf-8') as f:
            f.write('#!/bin/sh\ncase " $* " in *" -layout "*) exec cat "%s/layout.txt";; '
                    '*) exec cat "%s/plain.txt";; esac\n' % (bin_dir, bin_dir))
        os.chmod(fake, 0o755)
        pdf = self.path('report.pdf')
        with open(pdf, 'wb') as f:
            f.write(b'%PDF-1.4 stand-in\n')
        out = self.path('out.yaml')
        env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get('PATH', ''))
        proc = subprocess.run([CLI, 'import', '--json', pdf, '-o', out], capture_output=True,
                              env=env)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode('utf-8'))
        findings, _ = parse_findings(proc.stderr.decode('utf-8'))
        self.assertIn('import.reading_order', [f['rule'] for f in findings])
        problems = fixture_cells.compare(read(out), read(os.path.join(
            FIXTURE_DIR, 'huaian-hongze-2024.expected.yaml')), 'pdf', 'expected')
        self.assertEqual(problems, [])

    def test_unreadable_file_exits_2_and_writes_nothing(self):
        out = self.path('out.yaml')
        proc = run('import', self.path('missing.txt'), '-o', out)
        self.assertEqual(proc.returncode, 2)
        self.assertFalse(os.path.exists(out))

    def test_text_that_is_no_report_exits_2_and_leaves_output_alone(self):
        source = self.path('note.txt')
        with open(source, 'w', encoding='utf-8') as f:
            f.write('会议纪要\n今天天气很好。\n')
        out = self.path('out.yaml')
        proc = run('import', source, '-o', out)
        self.assertEqual(proc.returncode, 2)
        self.assertFalse(os.path.exists(out))
        with open(out, 'w', encoding='utf-8') as f:
            f.write('kept\n')
        proc = run('import', '--json', source, '-o', out)
        self.assertEqual(proc.returncode, 2)
        self.assertEqual(read(out), 'kept\n')


if __name__ == '__main__':
    import taprunner
    taprunner.main()
