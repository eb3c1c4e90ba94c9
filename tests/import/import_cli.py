"""Shared by the importer tests: reading what `govinfo import --json` prints and writes."""
import decimal
import json


def parse_findings(stderr):
    """The findings of `--json` output: JSON Lines, each a finding or an object holding a
    "diagnostics" list (as `govinfo validate --json` prints). Other lines are returned apart."""
    findings, other = [], []
    for line in stderr.splitlines():
        if not line.strip():
            continue
        if not line.startswith('{'):
            other.append(line)
            continue
        obj = json.loads(line)
        if isinstance(obj.get('diagnostics'), list):
            findings.extend(obj['diagnostics'])
        elif 'rule' in obj:
            findings.append(obj)
        else:
            other.append(line)
    return findings, other


def load_json_report(path):
    """A JSON report with exact numbers (decimals as decimal.Decimal)."""
    with open(path, encoding='utf-8') as f:
        return json.load(f, parse_float=decimal.Decimal)


def json_cells(tables):
    """{cell id: (kind, text)} of the tables of a report read by load_json_report."""
    cells = {}
    for table, rows in (tables or {}).items():
        for row, columns in rows.items():
            for column, value in columns.items():
                cid = '%s.%s.%s' % (table, row, column)
                if value is None:
                    cells[cid] = ('blank', None)
                elif isinstance(value, (int, decimal.Decimal)) and not isinstance(value, bool):
                    cells[cid] = ('number', str(value))
                else:
                    cells[cid] = ('mark', value)
    return cells
