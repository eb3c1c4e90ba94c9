#!/usr/bin/python3
"""Renders a report document (tests/data/fixtures/*.yaml) the way it is published: as an HTML
page and as the Markdown a PDF-to-Markdown converter makes of the PDF.

Both show the title, the preface, the six section headings with their text, tables 2, 3 and
4 with their printed headers, and the signature and date when the report is dated. Labels come from the format definitions
(tests/data/spec/formats.yaml), values from the report. Each table is first laid out as a
grid of cells with their row and column spans, as printed:

- table 2: one table for the 第二十条 items, each a caption row across the table, a header
  row (信息内容 and the value columns) and its rows; a value column narrower than the grid
  spans the rest (2021's （五）项 has a single 本年处理决定数量 column);
- table 3: the corner note (3 x 3), 申请人情况 over every column, 自然人 and 总计 over two
  header rows, 法人或其他组织 over its five columns; each group label (三、本年度办理结果,
  （三）不予公开, ...) spans the rows of its children, printed once beside the first;
- table 4: 行政复议 | 行政诉讼, then the five result labels (two rows high) and
  未经复议直接起诉 | 复议后起诉, then their result labels; one row of 15 values.

HTML keeps the spans (rowspan, colspan). Markdown cannot: a spanned cell's text is in its
first row and column and the cells it covers are empty, as converters print them; the first
grid row is the pipe table's header. Long labels wrap with <br>, header cells are bold.

Variants:
- markdown `split`: table 3 broken by a page: its first rows, a page footer "-3-", then a
  new pipe table repeating the three header rows, and the remaining rows;
- markdown without `fillers`: each cell once, as in HTML (rows of different lengths);
- markdown with `html_tables`: each table as one line of HTML with its spans, as MinerU
  writes it (`<html><body><table>...</table></body></html>`);
- html in another charset: GB2312 (GBK) declared by a <meta charset> after the title;
- `with_cells(report, {cell id: value})`: a copy of a report with some cells changed, e.g.
  a blank (None) or a mark ("/"); html prints a blank as `&nbsp;` or as an empty cell.

Run as a program to write a rendering:

    render.py FIXTURE.yaml markdown [--split] [--compact] [--html-tables] > OUT
    render.py FIXTURE.yaml html [--gbk] > OUT
    render.py FIXTURE.yaml tsv [--fillers] > OUT
"""
import copy
import decimal
import html
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC_PATH = os.path.normpath(os.path.join(HERE, '..', 'data', 'spec', 'formats.yaml'))
FIXTURE_DIR = os.path.normpath(os.path.join(HERE, '..', 'data', 'fixtures'))

TABLE3_LABEL_COLUMNS = 3


class _ExactLoader(yaml.SafeLoader):
    """YAML with decimals kept exact (7730.28 stays "7730.28")."""


_ExactLoader.add_constructor(
    'tag:yaml.org,2002:float',
    lambda loader, node: decimal.Decimal(loader.construct_scalar(node)))


def load_yaml(path):
    with open(path, encoding='utf-8') as f:
        return yaml.load(f, Loader=_ExactLoader)


def load_spec(path=SPEC_PATH):
    return load_yaml(path)


def load_report(name):
    """A fixture report document by name ("suibin-2020")."""
    return load_yaml(os.path.join(FIXTURE_DIR, name + '.yaml'))


def cell_text(value):
    """The printed text of a cell value: a number as written, a mark as is, blank empty."""
    if value is None:
        return ''
    return str(value)


def with_cells(report, changes):
    """A copy of the report with cells set: {"table3.granted.research": None, ...}."""
    changed = copy.deepcopy(report)
    for cell_id, value in changes.items():
        table, row, column = cell_id.split('.')
        changed['tables'][table][row][column] = value
    return changed


# ---- grids ----

class Cell:
    """A printed cell: its text, spans, whether it is a header, and the cell id it shows."""

    def __init__(self, text, colspan=1, rowspan=1, header=False, cell_id=None):
        self.text, self.colspan, self.rowspan = text, colspan, rowspan
        self.header, self.cell_id = header, cell_id


def value_cells(report, table_id, row_id, columns):
    values = report['tables'][table_id][row_id]
    return [Cell(cell_text(values[c['id']]), cell_id='%s.%s.%s' % (table_id, row_id, c['id']))
            for c in columns]


def table2_grid(report, version):
    """Every table-2 item of the format in one grid, as printed."""
    items = [t for t in version['tables'] if t['id'].startswith('table2')]
    width = 1 + max(len(t['columns']) for t in items)
    grid = []
    for table in items:
        if table['id'] not in report['tables']:
            continue
        grid.append([Cell(table['title'], colspan=width, header=True)])
        headers = [Cell(table['row_header_label'], header=True)]
        headers += [Cell(c['label'], header=True) for c in table['columns']]
        headers[-1].colspan = width - len(table['columns'])
        grid.append(headers)
        for row in table['rows']:
            if row['id'] not in report['tables'][table['id']]:
                continue
            cells = [Cell(row['label'])] + value_cells(report, table['id'], row['id'],
                                                       table['columns'])
            cells[-1].colspan = width - len(table['columns'])
            grid.append(cells)
    return grid


def table3_grid(report, version):
    table = next(t for t in version['tables'] if t['id'] == 'table3')
    columns = table['columns']
    grid = [[Cell(table['in_table_note'], rowspan=3, colspan=TABLE3_LABEL_COLUMNS, header=True),
             Cell(table['column_header_top'], colspan=len(columns), header=True)], [], []]
    groups = {g['id']: g for g in table['column_groups']}
    for column in columns:
        group = groups.get(column['group'])
        if group is None:
            grid[1].append(Cell(column['label'], rowspan=2, header=True))
            continue
        if group['children'][0] == column['id']:
            grid[1].append(Cell(group['label'], colspan=len(group['children']), header=True))
        grid[2].append(Cell(column['label'], header=True))
    rows = {r['id']: r for r in table['rows']}
    printed = [r for r in table['rows'] if r['id'] in report['tables']['table3']]

    def ancestors(row):
        chain = []
        while row['parent']:
            row = rows[row['parent']]
            chain.insert(0, row)
        return chain

    for row in printed:
        cells = []
        chain = ancestors(row)
        for group in chain:
            under = [r for r in printed if group in ancestors(r)]
            if under[0] is row:
                cells.append(Cell(group['label'], rowspan=len(under)))
        cells.append(Cell(row['label'], colspan=TABLE3_LABEL_COLUMNS - len(chain)))
        grid.append(cells + value_cells(report, 'table3', row['id'], columns))
    return grid


def table4_grid(report, version):
    table = next(t for t in version['tables'] if t['id'] == 'table4')
    columns = table['columns']
    groups = {g['id']: g for g in table['row_groups']}
    top, middle, bottom = [], [], []
    for row in table['rows']:
        group = groups.get(row['group'])
        if group is None:
            top.append(Cell(row['label'], colspan=len(columns), header=True))
            middle += [Cell(c['label'], rowspan=2, header=True) for c in columns]
            continue
        if group['children'][0] == row['id']:
            top.append(Cell(group['label'], colspan=len(columns) * len(group['children']),
                            header=True))
        middle.append(Cell(row['label'], colspan=len(columns), header=True))
        bottom += [Cell(c['label'], header=True) for c in columns]
    values = []
    for cell_id in table['printed_order']:
        _, row_id, column_id = cell_id.split('.')
        value = report['tables']['table4'][row_id][column_id]
        values.append(Cell(cell_text(value), cell_id=cell_id))
    return [top, middle, bottom, values]


def grid_width(grid):
    """Columns of a grid: those of its first row (every row spans the same)."""
    return sum(c.colspan for c in grid[0])


def flatten(grid):
    """The grid as rows of equal length: a spanned cell in its first row and column, the
    positions it covers None."""
    width = grid_width(grid)
    covered = {}
    rows = []
    for r, cells in enumerate(grid):
        row, column = [], 0
        pending = list(cells)
        while column < width:
            if (r, column) in covered:
                row.append(None)
                column += 1
                continue
            cell = pending.pop(0)
            row.append(cell)
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if dr or dc:
                        covered[(r + dr, column + dc)] = cell
            column += 1
        assert not pending, 'row %d of the grid is wider than %d columns' % (r, width)
        rows.append(row)
    return rows


# ---- the page ----

def version_of(report, spec):
    return spec['versions'][report['format']]


def printed_date(iso):
    year, month, day = iso.split('-')
    return '%s 年 %d 月 %d 日' % (year, int(month), int(day))


def sections_with_tables(report, spec):
    """(section title, paragraphs, grids) in order."""
    version = version_of(report, spec)
    grids = {'s2': [table2_grid(report, version)], 's3': [table3_grid(report, version)],
             's4': [table4_grid(report, version)]}
    for section in report['sections']:
        paragraphs = [p for p in section['text'].split('\n') if p.strip()]
        yield section['title'], paragraphs, grids.get(section['id'], [])


def signature(report):
    """The organ and date printed after section 六; reports without a date print neither."""
    if not report.get('published'):
        return []
    return [report['organ'], printed_date(report['published'])]


# ---- Markdown ----

def md_escape(text):
    return text.replace('\\', '\\\\').replace('|', '\\|')


def md_cell(cell):
    if cell is None:
        return ''
    text = md_escape(cell.text)
    wrap = text.find('（', 1)  # a long label wraps before its parenthesis, as in the PDF
    if len(text) > 12 and wrap > 0:
        text = text[:wrap] + '<br>' + text[wrap:]
    return '**%s**' % text if cell.header and text else text


def md_row(cells):
    return '| ' + ' | '.join(md_cell(c) for c in cells) + ' |'


def md_table(rows):
    """Pipe-table lines of flattened rows; the first is the header."""
    lines = [md_row(rows[0]), '|' + '|'.join('---' for _ in rows[0]) + '|']
    return lines + [md_row(r) for r in rows[1:]]


def md_rows(grid, fillers):
    """The grid's rows for a pipe table: flattened (spanned positions as empty cells), or
    without fillers, each cell once."""
    return flatten(grid) if fillers else [list(row) for row in grid]


TABLE3_HEADER_ROWS = 3


def table3_split(rows):
    """Where a page breaks table 3: after half of its body rows."""
    return TABLE3_HEADER_ROWS + (len(rows) - TABLE3_HEADER_ROWS) // 2


def is_table3(grid):
    return grid[0][0].text.startswith('（本列数据')


def split_table3_lines(grid, page, fillers):
    """Table 3 broken by a page: its first half, the footer, the header again, the rest."""
    rows = md_rows(grid, fillers)
    middle = table3_split(rows)
    return (md_table(rows[:middle]) + ['', '-%d-' % page, ''] +
            md_table(rows[:TABLE3_HEADER_ROWS]) + [md_row(r) for r in rows[middle:]])


def render_markdown(report, spec, split=False, fillers=True, html_tables=False):
    lines = ['# ' + report['title'], '']
    if report.get('preface'):
        lines += [report['preface'], '']
    for title, paragraphs, grids in sections_with_tables(report, spec):
        lines += ['## ' + title, '']
        for p in paragraphs:
            lines += [p, '']
        for grid in grids:
            if html_tables:
                lines.append('<html><body>%s</body></html>' % ''.join(html_table(grid)))
            elif split and is_table3(grid):
                lines += split_table3_lines(grid, 3, fillers)
            else:
                lines += md_table(md_rows(grid, fillers))
            lines.append('')
    lines += signature(report)
    return '\n'.join(lines) + '\n'


# ---- Markdown shredded by PDF converters and OCR ----

def shred_header(rows, how):
    """Table 3's header rows as converters print them: split at the wrong places
    ("商业企" / "业科研"), or generic (数据1, 数据2, ...)."""
    out = []
    for r, row in enumerate(rows):
        texts = [c.text if c else '' for c in row]
        if how == 'generic':
            texts = ['数据%d' % (i + 1) for i in range(len(texts))]
        elif r == len(rows) - 1:
            joined = ''.join(texts)
            size = max(1, len(joined) // max(1, len([t for t in texts if t])))
            pieces = [joined[i:i + size + 1] for i in range(0, len(joined), size + 1)]
            texts = (pieces + [''] * len(texts))[:len(texts)]
        out.append(texts)
    return out


def md_line(texts, trailing):
    return '| ' + ' | '.join(md_escape(t) for t in texts) + (' | |' if trailing else ' |')


def shredded_table3(grid, header_how, trailing, apart='before'):
    """Table 3 cut into pieces: each piece its own pipe table under a generic header with a
    separator row; the rows whose label is long print their figures alone, the label as
    loose text before the piece, split over two lines; a group label that starts a piece is
    printed before it one character per line."""
    rows = flatten(grid)
    width = len(rows[0])
    lines = []
    header = shred_header(rows[:TABLE3_HEADER_ROWS], header_how)
    lines.append(md_line(header[0], trailing))
    lines.append('|' + '|'.join('---' for _ in range(width + trailing)) + '|')
    lines += [md_line(h, trailing) for h in header[1:]]
    body = rows[TABLE3_HEADER_ROWS:]
    for i, row in enumerate(body):
        texts = [c.text if c else '' for c in row]
        labels = texts[:TABLE3_LABEL_COLUMNS]
        long_label = [t for t in labels if len(t) >= 14 and t[0].isdigit()]
        group = [t for t in labels[:2] if t and (t.startswith('（') or t.startswith('三、'))
                 and row[labels.index(t)].rowspan > 1]
        new_piece = ['', md_line(['列%d' % (k + 1) for k in range(width)], trailing),
                     '|' + '|'.join('---' for _ in range(width + trailing)) + '|']
        if long_label and apart == 'after':  # the row ends its piece, its label after it
            texts = ['' if t in long_label else t for t in texts]
            lines.append(md_line(texts, trailing))
            lines.append('')
            for t in long_label:
                lines += [t[:len(t) // 2], t[len(t) // 2:]]
            lines += new_piece
            continue
        if long_label or (group and i > 0):
            lines.append('')
            for g in group:  # the group label, broken into characters between pieces
                lines += list(g)
            for t in long_label:  # the label apart from its figures, over two lines
                lines += [t[:len(t) // 2], t[len(t) // 2:]]
            lines += new_piece
            texts = ['' if t in group or t in long_label else t for t in texts]
        lines.append(md_line(texts, trailing))
    return lines


def loose_table2(grid):
    """Table 2 as OCR prints it: captions and the first items as loose text ("行政许可 97"),
    the last item as a pipe table."""
    lines, rows = [], [list(r) for r in grid]
    captions = [i for i, r in enumerate(rows) if len(r) == 1]
    last = captions[-1] if captions else len(rows)
    for r in rows[:last]:
        lines.append(' '.join(c.text for c in r if c.text))
    if last < len(rows):
        lines.append(rows[last][0].text)
        rest = [r for r in rows[last + 1:]]
        lines += md_table(rest)
    return lines


def render_markdown_shredded(report, spec, header_how='syllables', trailing=True,
                             labels='before'):
    """The Markdown a PDF converter or OCR makes of a report: table 二 partly loose text,
    table 三 in pieces with shredded headers and labels apart from their figures, table 四 with
    an empty trailing column."""
    lines = ['# ' + report['title'], '']
    if report.get('preface'):
        lines += [report['preface'], '']
    for title, paragraphs, grids in sections_with_tables(report, spec):
        lines += ['## ' + title, '']
        for p in paragraphs:
            lines += [p, '']
        for grid in grids:
            if is_table3(grid):
                lines += shredded_table3(grid, header_how, trailing, labels)
            elif grid[0][0].text.startswith('第二十条'):
                lines += loose_table2(grid)
            else:  # table 四: its header levels, one row of 15, an empty column after
                rows = [[c.text if c else '' for c in r] for r in flatten(grid)]
                lines += [md_line(rows[0], trailing),
                          '|' + '|'.join('---' for _ in range(len(rows[0]) + trailing)) + '|']
                lines += [md_line(r, trailing) for r in rows[1:]]
            lines.append('')
    lines += signature(report)
    return '\n'.join(lines) + '\n'


# ---- tab-separated text ----

def tsv_field(cell):
    if cell is None:
        return ''
    text = cell.text
    if '\t' in text or '\n' in text or '"' in text:
        return '"%s"' % text.replace('"', '""')
    return text


def tsv_rows(grid, fillers):
    """Lines of a copied table: each cell once (a browser: a spanned cell on its first row
    and column only, so the rows below have fewer leading fields), or with fillers (WPS,
    Excel: the positions a merged cell covers as empty fields)."""
    rows = flatten(grid) if fillers else [list(row) for row in grid]
    return ['\t'.join(tsv_field(c) for c in row) for row in rows]


def render_tsv(report, spec, fillers=False, edit_rows=None):
    """The report as text with its tables copied as tab-separated rows. edit_rows, if given,
    is called with the table lines of each grid and returns them changed (deformations)."""
    lines = [report['title'], '']
    if report.get('preface'):
        lines += [report['preface'], '']
    for title, paragraphs, grids in sections_with_tables(report, spec):
        lines += [title] + paragraphs
        for grid in grids:
            rows = tsv_rows(grid, fillers)
            lines += edit_rows(grid, rows) if edit_rows else rows
    lines += signature(report)
    return '\n'.join(lines) + '\n'


# ---- HTML ----

STYLE = 'p { line-height: 2; } table { border-collapse: collapse; } td { border: 1px solid; }'
SCRIPT = 'var tables = document.getElementsByTagName("table"); /* <td>0</td> */'


def html_cell(cell, blank_as_nbsp):
    attributes = ''
    if cell.colspan > 1:
        attributes += ' colspan="%d"' % cell.colspan
    if cell.rowspan > 1:
        attributes += ' rowspan="%d"' % cell.rowspan
    if cell.text:
        text = html.escape(cell.text)
        if cell.header:
            text = '<strong>%s</strong>' % text
        inner = '<p style="text-align:center"><span>%s</span></p>' % text
    elif cell.cell_id and blank_as_nbsp(cell.cell_id):
        inner = '&nbsp;'
    else:
        inner = ''
    return '<td%s>%s</td>' % (attributes, inner)


def html_table(grid, blank_as_nbsp=lambda cell_id: True):
    lines = ['<table border="1" cellspacing="0" cellpadding="0" width="100%">', '<tbody>']
    for row in grid:
        lines.append('<tr>' + ''.join(html_cell(c, blank_as_nbsp) for c in row) + '</tr>')
    return lines + ['</tbody>', '</table>']


def html_variant_grids(grid, split=False, levels=2):
    """The grids a page prints for one table: table 3 split over two <table>s (the second
    repeats the header rows), table 四 under a third header level."""
    if levels == 3 and grid[0] and grid[0][0].text == '行政复议':
        width = grid_width(grid)
        return [[[Cell('政府信息公开行政复议、行政诉讼情况', colspan=width, header=True)]] + grid]
    if split and is_table3(grid):
        rows = [list(r) for r in grid]
        middle = TABLE3_HEADER_ROWS + (len(rows) - TABLE3_HEADER_ROWS) // 2
        # a group label spanning the cut is printed again in the second part
        first, second = rows[:middle], rows[:TABLE3_HEADER_ROWS] + rows[middle:]
        return [cut_spans(first), cut_spans(second)]
    return [grid]


def cut_spans(grid):
    """A grid whose row spans do not reach past its last row; spanned labels that a cut left
    without their cell are printed again at the top of the part that lost them."""
    rows = [list(r) for r in grid]
    out = []
    width = grid_width(rows)
    for r, cells in enumerate(rows):
        out.append([Cell(c.text, c.colspan, min(c.rowspan, len(rows) - r), c.header, c.cell_id)
                    for c in cells])
    # rows whose group label was above the cut: give them the label back
    for r in range(TABLE3_HEADER_ROWS, len(out)):
        span = sum(c.colspan for c in out[r])
        covered = sum(c.colspan for rr in range(TABLE3_HEADER_ROWS, r) for c in out[rr]
                      if c.colspan and rr + c.rowspan > r and out[rr].index(c) < 2 and
                      not c.cell_id)
        if span + covered < width:
            out[r][0] = Cell(out[r][0].text, out[r][0].colspan + width - span - covered,
                             out[r][0].rowspan)
    return out


def render_html(report, spec, charset='utf-8', blank_as_nbsp=lambda cell_id: True,
                split=False, levels=2, nested=False):
    """The page as bytes in `charset`, declared by a <meta charset> after the title (where
    libxml2 alone would not see it in time). A blank cell prints as &nbsp; when
    blank_as_nbsp(cell id), else as an empty cell."""
    title = html.escape(report['title'])
    head = ['<!DOCTYPE html>', '<html lang="zh-CN">', '<head>', '<title>%s</title>' % title,
            '<meta charset="%s">' % charset, '<style>%s</style>' % STYLE,
            '<script>%s</script>' % SCRIPT, '</head>']
    body = ['<body>', '<div class="article">', '<h1>%s</h1>' % title]
    if report.get('preface'):
        body.append('<p style="text-indent:2em">%s</p>' % html.escape(report['preface']))
    for section_title, paragraphs, grids in sections_with_tables(report, spec):
        body.append('<p><strong>%s</strong></p>' % html.escape(section_title))
        body += ['<p>　　%s</p>' % html.escape(p) for p in paragraphs]
        for grid in grids:
            for part in html_variant_grids(grid, split, levels):
                body += html_table(part, blank_as_nbsp)
    body += ['<p style="text-align:right">%s</p>' % html.escape(line) for line in signature(report)]
    if nested:  # the article inside a page layout table
        body = (['<table width="100%"><tr><td>menu</td><td>'] + body[1:] + ['</td></tr></table>'])
        body.insert(0, '<body>')
    body += ['</div>', '</body>', '</html>']
    page = '\n'.join(head + body) + '\n'
    # GB2312 pages hold GBK characters; anything else becomes a character reference
    return page.encode('gbk' if charset.lower() == 'gb2312' else charset,
                       errors='xmlcharrefreplace')


def main(argv):
    args = argv[1:]
    options = {a for a in args[2:]}
    if len(args) < 2 or args[1] not in ('markdown', 'html', 'tsv') or not options <= {
            '--split', '--compact', '--html-tables', '--gbk', '--fillers'}:
        print(__doc__.rsplit('\n\n', 1)[-1], file=sys.stderr)
        return 2
    report, spec = load_yaml(args[0]), load_spec()
    if args[1] == 'markdown':
        page = render_markdown(report, spec, split='--split' in options,
                               fillers='--compact' not in options,
                               html_tables='--html-tables' in options).encode('utf-8')
    elif args[1] == 'tsv':
        page = render_tsv(report, spec, fillers='--fillers' in options).encode('utf-8')
    else:
        page = render_html(report, spec, charset='gb2312' if '--gbk' in options else 'utf-8')
    sys.stdout.buffer.write(page)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
