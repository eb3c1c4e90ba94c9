#!/usr/bin/python3
"""Renders the fixture reports as Word (.docx) and Excel (.xlsx) files, the way staff keep
them: title, preface, the six sections and their tables with merged cells (render.py's
grids: table 3's group labels merged down, its header merged across, table 4's two-level
header), the signature. Word merges with gridSpan/vMerge, Excel with mergeCells; Excel keeps
numbers as numbers and text in shared strings.

Made with python3-docx and python3-openpyxl (Debian). The files in tests/data/office are
its output, committed so the tests need neither; remake them with

    /usr/bin/python3 tests/markup/office.py tests/data/office

(the files differ from run to run only in their timestamps).
"""
import decimal
import os
import sys

import render

FIXTURES = ('suibin-2020', 'huaian-hongze-2023', 'huaian-hongze-2024', 'huaian-city-2024')


def positioned(grid):
    """(row, column, cell) of every printed cell of a grid, where it starts."""
    width = render.grid_width(grid)
    covered = set()
    for r, cells in enumerate(grid):
        column, pending = 0, list(cells)
        while column < width and pending:
            if (r, column) in covered:
                column += 1
                continue
            cell = pending.pop(0)
            yield r, column, cell
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    covered.add((r + dr, column + dc))
            column += cell.colspan


def value_of(report, cell):
    """A cell's value as the file keeps it: a number as a number, a mark or label as text,
    a blank as nothing."""
    if cell.cell_id is None:
        return cell.text or None
    table, row, column = cell.cell_id.split('.')
    value = report['tables'][table][row][column]
    if value is None:
        return None
    if isinstance(value, (int, decimal.Decimal)) and not isinstance(value, bool):
        return value
    return str(value)


def blocks(report, spec):
    """('text', paragraph) and ('table', grid) in print order."""
    yield 'text', report['title']
    if report.get('preface'):
        yield 'text', report['preface']
    for title, paragraphs, grids in render.sections_with_tables(report, spec):
        yield 'text', title
        for p in paragraphs:
            yield 'text', p
        for grid in grids:
            yield 'table', grid
    for line in render.signature(report):
        yield 'text', line


def write_docx(report, spec, path):
    import docx
    document = docx.Document()
    for kind, what in blocks(report, spec):
        if kind == 'text':
            document.add_paragraph(what)
            continue
        table = document.add_table(rows=len(what), cols=render.grid_width(what))
        for r, c, cell in positioned(what):
            value = value_of(report, cell)
            target = table.cell(r, c)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            target.text = '' if value is None else str(value)
    document.save(path)


def write_xlsx(report, spec, path):
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = '年度报告'
    row = 1
    for kind, what in blocks(report, spec):
        if kind == 'text':
            sheet.cell(row=row, column=1, value=what)
            row += 1
            continue
        row += 1  # an empty row before and after a table
        for r, c, cell in positioned(what):
            value = value_of(report, cell)
            if value is not None:
                sheet.cell(row=row + r, column=1 + c, value=value)
            if cell.rowspan > 1 or cell.colspan > 1:
                sheet.merge_cells(start_row=row + r, start_column=1 + c,
                                  end_row=row + r + cell.rowspan - 1,
                                  end_column=1 + c + cell.colspan - 1)
        row += len(what) + 1
    book.save(path)


def main(argv):
    if len(argv) != 2:
        print(__doc__.rsplit('\n\n', 2)[-2], file=sys.stderr)
        return 2
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    spec = render.load_spec()
    for fixture in FIXTURES:
        report = render.load_report(fixture)
        write_docx(report, spec, os.path.join(out, fixture + '.docx'))
        write_xlsx(report, spec, os.path.join(out, fixture + '.xlsx'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
