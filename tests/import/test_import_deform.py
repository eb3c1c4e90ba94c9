#!/usr/bin/python3
"""The importer never outputs a wrong number, on deformed fixture texts (tests/import/deform.py).

For every case, `govinfo import --json CASE.txt -o OUT.json` must give:

- no wrong cell: every cell in the output equals what a correct reading of the deformed text
  gives (by kind and exact text); the metadata it gives (format, year, organ, published) is
  the fixture's;
- no silent loss: every cell a correct reading gives that is absent from the output is named
  in the paths of an import.cell_unread (the cell) or import.table_missing (its table) finding
  with a line > 0 (a line of the input);
- usefulness: re-wrapped lines, page footers, blank lines and switched punctuation widths lose
  no cell; a deleted number loses its cell and at most its row (tables 2 and 3) or table 4 —
  or its table, where the text prints that table's numbers apart from their rows.

One TAP test per case. The imports run in parallel on first use (process start-up dominates).
Environment: GOVINFO_CLI (required), GOVINFO_TEST_WRAPPER (prefix, e.g. valgrind),
GOVINFO_IMPORT_JOBS (parallel imports; default: the number of CPUs).
"""
import concurrent.futures
import decimal
import functools
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import deform  # noqa: E402
from import_cli import json_cells, load_json_report, parse_findings  # noqa: E402

CLI = os.environ.get('GOVINFO_CLI')
WRAPPER = shlex.split(os.environ.get('GOVINFO_TEST_WRAPPER', ''))
JOBS = int(os.environ.get('GOVINFO_IMPORT_JOBS', '0')) or os.cpu_count() or 2
UNREAD_RULES = ('import.cell_unread', 'import.table_missing')


class Outcome:
    """What one import gave."""

    def __init__(self, status, stderr, report, error=None):
        self.status = status
        self.stderr = stderr
        self.report = report
        self.error = error
        self.findings, self.other_lines = [], []
        if error is None:
            try:
                self.findings, self.other_lines = parse_findings(stderr)
            except ValueError as e:
                self.error = 'findings are not JSON Lines: %s' % e
        self.cells = json_cells(report.get('tables')) if report else {}


def run_import(case, workdir):
    path = os.path.join(workdir, case.name + case.input_suffix)
    out = os.path.join(workdir, case.name + '.json')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(case.text)
    proc = subprocess.run(WRAPPER + [CLI, 'import', '--json', path, '-o', out],
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    stderr = proc.stderr.decode('utf-8', 'replace')
    report = None
    if os.path.exists(out):
        try:
            report = load_json_report(out)
        except ValueError as e:
            return Outcome(proc.returncode, stderr, None, 'output is not JSON: %s' % e)
    return Outcome(proc.returncode, stderr, report)


def original_case(src):
    """The undeformed text, imported to tell what a deformation lost from what was lost
    anyway."""
    return deform.Case(src.name + '.original', src, 'original', src.text, dict(src.cells), True)


@functools.lru_cache(maxsize=None)
def outcomes():
    """Imports every case once, in parallel."""
    if not CLI:
        raise RuntimeError('GOVINFO_CLI is not set (run through meson test)')
    workdir = tempfile.mkdtemp(prefix='govinfo-deform-')
    jobs = list(deform.all_cases()) + [original_case(s) for s in deform.sources()]
    with concurrent.futures.ThreadPoolExecutor(max_workers=JOBS) as pool:
        futures = {c.name: pool.submit(run_import, c, workdir) for c in jobs}
        results = {name: f.result() for name, f in futures.items()}
    shutil.rmtree(workdir)
    return results


def named_absent(findings, lines_in_input):
    """Cell pointers and table pointers named by unread/missing findings with a source line,
    and the findings that name cells without a usable line."""
    named, unlocated = set(), []
    for f in findings:
        if f.get('rule') not in UNREAD_RULES:
            continue
        line = f.get('line') or 0
        if 0 < line <= lines_in_input:
            named.update(f.get('paths') or [])
        else:
            unlocated.append('%s at line %r: %s' % (f.get('rule'), line, f.get('paths')))
    return named, unlocated


def show(cell):
    kind, text = cell
    return 'blank' if kind == 'blank' else '%s %s' % (kind, text)


def judge(case, outcome):
    """Every way the outcome breaks the case's promises, as sentences."""
    if outcome.error:
        return [outcome.error + (': ' + outcome.stderr[-2000:] if outcome.stderr else '')]
    problems = []
    if outcome.status not in (0, 1):
        problems.append('exit status %r; stderr: %s' % (outcome.status, outcome.stderr[-2000:]))
    if outcome.report is None:
        problems.append('no report written')
        return problems
    meta = case.source.meta
    for key in ('format', 'year', 'organ', 'published'):
        got = outcome.report.get(key)
        if key == 'year' and got is not None:
            got = int(got)
        if got is not None and got != meta[key]:
            problems.append('WRONG %s: %r, expected %r' % (key, got, meta[key]))
    got, truth = outcome.cells, case.truth
    for cid in sorted(got):
        if cid not in truth:
            problems.append('WRONG %s = %s: the text does not print it' % (cid, show(got[cid])))
        elif got[cid] != truth[cid]:
            problems.append('WRONG %s = %s, the text says %s'
                            % (cid, show(got[cid]), show(truth[cid])))
    absent = [cid for cid in truth if cid not in got]
    named, unlocated = named_absent(outcome.findings, case.text.count('\n') + 1)
    problems += ['import finding without a line of the input: ' + u for u in unlocated]
    silent = [cid for cid in absent
              if deform.cell_pointer(cid) not in named
              and '/tables/' + deform.table_of(cid) not in named]
    if silent:
        problems.append('SILENT: %d absent cells not named by import.cell_unread/table_missing: %s'
                        % (len(silent), ', '.join(silent[:12]) + (' ...' if len(silent) > 12
                                                                    else '')))
    original = outcomes().get(case.source.name + '.original') if CLI else None

    def lost(cells):
        read_anyway = len([c for c in cells if original is not None and c in original.cells])
        return '(%d of them read from the undeformed text): %s' % (
            read_anyway, ', '.join(cells[:12]) + (' ...' if len(cells) > 12 else ''))
    # What the undeformed text cannot give either (test_import_fixtures.KNOWN_UNREAD) is no
    # loss of the deformation; it is still checked above to be named, never guessed.
    absent = [cid for cid in absent if original is None or cid in original.cells]
    if case.complete and absent:
        problems.append('LOST %d of %d cells %s' % (len(absent), len(truth), lost(absent)))
    if case.lossable is not None:
        beyond = [cid for cid in absent if cid not in case.lossable]
        if beyond:
            problems.append('LOST %d cells beyond what the deleted number may cost (%s) %s' % (
                len(beyond), case.detail.get('bound', 'its row'), lost(beyond)))
    if case.must_lose and all(cid in got for cid in case.must_lose):
        problems.append('GUESSED: a number was deleted, yet all of %s were read'
                        % (next(iter(case.must_lose)) if len(case.must_lose) == 1
                           else 'the %d cells of its table' % len(case.must_lose)))
    return problems


class DeformedImports(unittest.TestCase):
    """One test per deformed case (methods added below)."""


def _make_test(case):
    def test(self):
        problems = judge(case, outcomes()[case.name])
        if problems:
            self.fail('%s (%s):\n  %s' % (case.name, deform.describe(case),
                                            '\n  '.join(problems)))
    test.__doc__ = case.name
    return test


for _case in deform.all_cases():
    setattr(DeformedImports, 'test_' + _case.name, _make_test(_case))


class GeneratorSelfCheck(unittest.TestCase):
    """The deformations themselves: each changes only what its family changes."""

    def test_every_case_is_sound(self):
        for case in deform.all_cases():
            with self.subTest(case=case.name):
                self.assertEqual(deform.self_check(case), [])

    def test_generation_is_deterministic(self):
        first = [(c.name, c.text) for c in deform.all_cases()]
        again = [(c.name, c.text) for s in deform.sources()
                 for c in deform.cases_of(deform.Source(s.fixture, s.input))]
        self.assertEqual(first, again)

    def test_every_family_is_generated_for_every_input(self):
        families = {}
        for case in deform.all_cases():
            families.setdefault(case.source.name, set()).add(case.family)
        for src in deform.sources():
            want = {'rewrap-text', 'rewrap-table', 'footer', 'blank', 'punct', 'delete'}
            with self.subTest(source=src.name):
                self.assertLessEqual(want, families.get(src.name, set()))

    def test_exhaustive_deletion_covers_every_table_number(self):
        src = next(s for s in deform.sources() if s.name == deform.EXHAUSTIVE_DELETE)
        deleted = {c.detail['token'].cell for c in deform.all_cases()
                   if c.source is src and c.family == 'delete'}
        self.assertEqual(deleted, set(src.cells))

    def test_swaps_exist_where_rows_differ(self):
        swaps = {c.source.name for c in deform.all_cases() if c.family == 'swap'}
        self.assertEqual(swaps, {s.name for s in deform.sources() if s.fixture != 'suibin-2020'})

    def test_judge_catches_wrong_and_silent_cells(self):
        case = next(c for c in deform.all_cases() if c.family == 'blank')
        report = {'format': case.source.meta['format'], 'tables': {}}
        cells = dict(case.truth)
        first, second = list(cells)[:2]
        for cid, (kind, text) in cells.items():
            table, row, column = cid.split('.')
            value = decimal.Decimal(text) if kind == 'number' else text
            report['tables'].setdefault(table, {}).setdefault(row, {})[column] = value
        table, row, column = first.split('.')
        report['tables'][table][row][column] = decimal.Decimal(999999)
        table, row, column = second.split('.')
        del report['tables'][table][row][column]
        outcome = Outcome(0, '', report)
        problems = judge(case, outcome)
        self.assertTrue(any(p.startswith('WRONG ' + first) for p in problems), problems)
        self.assertTrue(any(p.startswith('SILENT') and second in p for p in problems), problems)
        self.assertTrue(any(p.startswith('LOST 1 ') for p in problems), problems)
        finding = {'rule': 'import.cell_unread', 'severity': 'error', 'line': 3,
                   'paths': [deform.cell_pointer(second)]}
        outcome = Outcome(1, json.dumps(finding) + '\n', report)
        problems = judge(case, outcome)
        self.assertFalse(any(p.startswith('SILENT') for p in problems), problems)
        finding['line'] = 0
        outcome = Outcome(1, json.dumps(finding) + '\n', report)
        self.assertTrue(any('without a line' in p for p in judge(case, outcome)))


if __name__ == '__main__':
    import taprunner
    taprunner.main()
