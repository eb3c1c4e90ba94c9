#!/usr/bin/python3
"""Checks a report document (YAML) against a fixture's hand-transcribed expected values.

    fixture_cells.py REPORT.yaml EXPECTED.yaml

The report must have the expected format, year, organ and publication date, and exactly the
expected cells: the same set of cell ids and, for each, the same value. Values are compared
by kind and exact text: a number ("0", "7730.28"; an integer in expected.yaml, a decimal as
a string there), a blank (null) or a mark ("/"). Absent, blank and 0 all differ.

Prints one line per difference and exits 1 when there is any, 0 otherwise.
"""
import re
import sys

import yaml

DECIMAL = re.compile(r'-?[0-9]+(\.[0-9]{1,6})?\Z')
NUMERIC_TAGS = ('tag:yaml.org,2002:int', 'tag:yaml.org,2002:float')
NULL_TAG = 'tag:yaml.org,2002:null'


def _compose(text, name):
    """The YAML node tree (keeps each scalar's source text and whether it was quoted)."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        raise ValueError('%s: not YAML: %s' % (name, e)) from e


def _mapping(node, where):
    """A mapping node's (key text, value node) pairs; duplicate keys are an error."""
    if not isinstance(node, yaml.MappingNode):
        raise ValueError('%s: expected a mapping' % where)
    pairs, seen = [], set()
    for key, value in node.value:
        if key.value in seen:
            raise ValueError('%s: duplicate key %r (line %d)'
                             % (where, key.value, key.start_mark.line + 1))
        seen.add(key.value)
        pairs.append((key.value, value))
    return pairs


def report_cell(node, cell_id):
    """(kind, text) of a cell node of a report document."""
    if not isinstance(node, yaml.ScalarNode):
        raise ValueError('%s: a cell must be a scalar' % cell_id)
    if node.style is None and node.tag == NULL_TAG:
        return ('blank', None)
    if node.style is None and node.tag in NUMERIC_TAGS:
        return ('number', node.value)
    if DECIMAL.match(node.value) or node.value == '':
        raise ValueError('%s: %r is neither a number nor a mark (line %d)'
                         % (cell_id, node.value, node.start_mark.line + 1))
    return ('mark', node.value)


def expected_cell(value, cell_id):
    """(kind, text) of a value of expected.yaml's `cells`."""
    if value is None:
        return ('blank', None)
    if isinstance(value, bool):
        raise ValueError('%s: a boolean is not a cell value' % cell_id)
    if isinstance(value, int):
        return ('number', str(value))
    if isinstance(value, str) and DECIMAL.match(value):
        return ('number', value)
    if isinstance(value, str) and value:
        return ('mark', value)
    raise ValueError('%s: unexpected value %r' % (cell_id, value))


def report_cells(tables, where='tables'):
    """Flattens tables -> rows -> columns into {cell id: (kind, text)}."""
    cells = {}
    for table, rows in _mapping(tables, where):
        for row, columns in _mapping(rows, '%s/%s' % (where, table)):
            for column, node in _mapping(columns, '%s/%s/%s' % (where, table, row)):
                cell_id = '%s.%s.%s' % (table, row, column)
                cells[cell_id] = report_cell(node, cell_id)
    return cells


def _scalar(pairs, key):
    """The Python value of a top-level scalar of the report, None when left out."""
    node = dict(pairs).get(key)
    if node is None:
        return None
    return yaml.safe_load(yaml.serialize(node))


def _show(cell):
    kind, text = cell
    return 'blank' if kind == 'blank' else '%s %s' % (kind, text)


def compare(report_text, expected_text, report_name='report', expected_name='expected'):
    """The differences between a report and a fixture's expected values, as sentences."""
    expected = yaml.safe_load(expected_text)
    top = _mapping(_compose(report_text, report_name), report_name)
    problems = []
    for key in ('format', 'year', 'organ', 'published'):
        got, want = _scalar(top, key), expected.get(key)
        if got != want:
            problems.append('%s: %s is %r, expected %r' % (report_name, key, got, want))
    tables = dict(top).get('tables')
    got = report_cells(tables) if tables is not None else {}
    want = {cid: expected_cell(v, cid) for cid, v in expected['cells'].items()}
    for cid in sorted(set(want) - set(got)):
        problems.append('%s: %s is absent, expected %s' % (report_name, cid, _show(want[cid])))
    for cid in sorted(set(got) - set(want)):
        problems.append('%s: %s is %s, expected absent' % (report_name, cid, _show(got[cid])))
    for cid in sorted(set(got) & set(want)):
        if got[cid] != want[cid]:
            problems.append('%s: %s is %s, expected %s'
                            % (report_name, cid, _show(got[cid]), _show(want[cid])))
    return problems


def check_files(report_path, expected_path):
    with open(report_path, encoding='utf-8') as f:
        report_text = f.read()
    with open(expected_path, encoding='utf-8') as f:
        expected_text = f.read()
    try:
        return compare(report_text, expected_text, report_path, expected_path)
    except ValueError as e:
        return [str(e)]


def main(argv):
    if len(argv) != 3:
        print('usage: fixture_cells.py REPORT.yaml EXPECTED.yaml', file=sys.stderr)
        return 2
    problems = check_files(argv[1], argv[2])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
