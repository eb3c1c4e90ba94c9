#!/usr/bin/python3
"""Deterministic deformations of the fixture texts, for testing the importer.

Each fixture's pdftotext output (`X.txt`, reading order; `X.layout.txt`, -layout mode) is
split into lines and each line classified (running text, section title, table line, page
footer, ...). From it come named cases (`Case`): a deformed text, the cells a correct reading
of that text gives (`truth`), and what may be lost:

- rewrap-text-wN / rewrap-text-unwrapped: the paragraphs of running text wrapped at N display
  columns (CJK characters count 2) or not at all.
- rewrap-table-wN: every table line longer than N columns wrapped: labels split, numbers
  moved to following lines. A number is never split.
- wrap-numbers-below / wrap-label-split / wrap-label-around: every table row "label numbers"
  printed as "label / numbers", "label-start / label-end numbers" or
  "label-start / numbers / label-end" (the shapes pdftotext gives wrapped table cells).
- footer-STYLE-WHERE: page footers ("-7-", "- 7 -", "— 7 —", "第 7 页 共 9 页" or a bare
  form feed) inside tables 2, 3, 4 or inside a paragraph.
- blank-1 / blank-3: one or three blank lines between the rows of every table.
- punct-*: punctuation and digits switched between ASCII and full-width forms (equal under
  NFKC).
- delete-CELL: one number deleted. The cell is no longer printed: it must be absent, and only
  its row (tables 2 and 3) or table 4 may be lost with it. Where a text prints a table's
  numbers apart from their rows (reading order, column by column: delete-TABLE-nINDEX), the
  cell is not known: some cell of the table must be absent and only that table may be lost.
  Every number of every table for EXHAUSTIVE_DELETE; a seeded sample for the other inputs.
- swap-ROW-ROW: two table-3 row labels swapped (rows whose numbers differ); the truth follows
  the labels: the numbers printed under a label belong to that label's row.

The harmless families (rewrap, wrap, footer, blank, punct) must give every cell; the others
must never give a wrong one. `self_check(case)` verifies a case on its own (what was changed
is only what the family changes). Run as a program to list the cases or write them out:

    deform.py [--write DIR] [NAME-SUBSTRING]
"""
import functools
import os
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE_DIR = os.path.normpath(os.path.join(HERE, '..', 'data', 'fixtures'))
sys.path.insert(0, os.path.normpath(os.path.join(HERE, '..', 'data')))
import fixture_cells  # noqa: E402  (tests/data; reads expected.yaml values)

import yaml  # noqa: E402

FIXTURES = ('suibin-2020', 'huaian-hongze-2023', 'huaian-hongze-2024', 'huaian-city-2024')
INPUTS = {'suibin-2020': ('txt',)}
DEFAULT_INPUTS = ('txt', 'layout.txt')
# Every number of every table deleted in turn, for this input; a sample for the others.
EXHAUSTIVE_DELETE = 'huaian-city-2024.layout'

SECTION_TITLES = ('一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
                  '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况',
                  '六、其他需要报告的事项')
# The region after each section title.
REGION_AFTER_TITLE = ('text', 'table2', 'table3', 'table4', 'text', 'text')
CN_NUMERALS = {c: i + 1 for i, c in enumerate('一二三四五六七八九十')}

NUMBER = re.compile(r'(?<!\S)\d+(?:\.\d+)?(?!\S)')   # a whitespace-delimited number token
DIGITS = re.compile(r'\d+(?:\.\d+)?')
FOOTER = re.compile(r'\s*-\s*\d+\s*-\s*\Z')
CAPTION = re.compile(r'第二十条第（([一二三四五六七八九十]+)）项\Z')
DATE = re.compile(r'\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\Z')
# What starts a row label or a heading; never put at the start of a wrapped continuation.
MARKER = re.compile(r'\s*(（[一二三四五六七八九十]+）|[0-9０-９]+[.、．](?![0-9０-９])|[一二三四五六七八九十]+、)')
MARKER_END = re.compile(r'(（[一二三四五六七八九十]+）|[0-9]+[.、．]|[一二三四五六七八九十]+、)\Z')
OPENING = set('（(“‘《〈「『【')
CLOSING = set('）)”’》〉」』】，,。.、：:；;！!？?')
PARAGRAPH_START = re.compile(r'(（[一二三四五六七八九十]+）|[一二三四五六七八九十]是)')


def display_width(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)


def nfkc(s):
    return unicodedata.normalize('NFKC', s)


def strip_ws(s):
    return ''.join(s.split())


def digit_runs(text):
    """Every run of digits (with a decimal part) in reading order, after NFKC."""
    return DIGITS.findall(nfkc(text))


def cell_pointer(cell_id):
    return '/tables/' + cell_id.replace('.', '/')


def row_of(cell_id):
    return cell_id.rsplit('.', 1)[0]


def table_of(cell_id):
    return cell_id.split('.', 1)[0]


def is_ascii_word_char(c):
    return c.isascii() and not c.isspace()


def split_indent(line):
    """(prefix: form feed and leading spaces, rest)."""
    rest = line.lstrip(' \f')
    return line[:len(line) - len(rest)], rest


def numbers_only(line):
    words = line.split()
    return bool(words) and all(NUMBER.fullmatch(w) for w in words)


def has_numbers(line):
    return NUMBER.search(line) is not None


def row_line(line):
    """A label followed by numbers on one line."""
    return has_numbers(line) and not numbers_only(line)


@functools.lru_cache(maxsize=None)
def expected(fixture):
    """The fixture's expected.yaml: (metadata dict, {cell id: (kind, text)} in format order)."""
    with open(os.path.join(FIXTURE_DIR, fixture + '.expected.yaml'), encoding='utf-8') as f:
        data = yaml.safe_load(f)
    cells = {cid: fixture_cells.expected_cell(v, cid) for cid, v in data['cells'].items()}
    meta = {k: data.get(k) for k in ('format', 'year', 'organ', 'published')}
    return meta, cells


@dataclass
class Token:
    line: int
    start: int
    end: int
    text: str
    table: str
    index: int          # position among the numbers of its table
    run: int            # numbers with nothing but spaces, blank lines and footers between them
    cell: str = None    # the cell it prints, when the table prints its numbers row by row


class Source:
    """One input text of one fixture, its lines classified and its table numbers located."""

    def __init__(self, fixture, input_name):
        self.fixture = fixture
        self.input = input_name
        self.layout = input_name == 'layout.txt'
        self.name = '%s.%s' % (fixture, 'layout' if self.layout else 'txt')
        self.path = os.path.join(FIXTURE_DIR, '%s.%s' % (fixture, input_name))
        with open(self.path, encoding='utf-8') as f:
            self.text = f.read()
        self.lines = self.text.split('\n')
        self.meta, self.cells = expected(fixture)
        self._classify()
        self._locate_numbers()

    def _classify(self):
        self.kind, self.region, self.table = [], [], []
        region, table2, seen_doc_title = 'head', None, False
        for line in self.lines:
            bare = strip_ws(line)
            if not bare:
                kind = 'blank'
            elif FOOTER.match(line.replace('\f', '')):
                kind = 'footer'
            elif bare in SECTION_TITLES:
                kind = 'title'
                region = REGION_AFTER_TITLE[SECTION_TITLES.index(bare)]
            elif region == 'head' and not seen_doc_title:
                kind = 'doctitle'
                seen_doc_title = '工作年度报告' in bare
            elif region == 'text' and (DATE.match(bare) or bare == self.meta['organ']):
                kind = 'sign'
            elif region == 'head':
                kind = 'text'
            else:
                kind = 'text' if region == 'text' else 'table'
            caption = CAPTION.match(bare) if kind == 'table' and region == 'table2' else None
            if caption:
                table2 = 'table2_art20_%d' % CN_NUMERALS[caption.group(1)] \
                    if len(caption.group(1)) == 1 else None
            self.kind.append(kind)
            self.region.append(region)
            self.table.append(table2 if region == 'table2' else
                              region if region in ('table3', 'table4') else None)
        missing = [t for t in SECTION_TITLES if t not in
                   {strip_ws(l) for l, k in zip(self.lines, self.kind) if k == 'title'}]
        if missing:
            raise ValueError('%s: section titles not found: %s' % (self.name, missing))

    def _locate_numbers(self):
        """Finds the numbers of every table; assigns cells where they are printed row by row
        (their order and values equal the expected cells in format order)."""
        self.tokens, self.row_major = [], {}
        by_table = {}
        run = 0
        for i, line in enumerate(self.lines):
            if self.kind[i] in ('blank', 'footer'):
                continue
            if self.kind[i] != 'table':
                run += 1
                continue
            end = 0
            for m in NUMBER.finditer(line):
                table = self.table[i]
                if table is None:
                    raise ValueError('%s:%d: a number outside any table' % (self.name, i + 1))
                if line[end:m.start()].strip() or (self.tokens and self.tokens[-1].table != table):
                    run += 1   # text (a label) comes between: a new run of numbers
                tok = Token(i, m.start(), m.end(), m.group(), table,
                            len(by_table.get(table, [])), run)
                by_table.setdefault(table, []).append(tok)
                self.tokens.append(tok)
                end = m.end()
            if line[end:].strip():
                run += 1
        for table, toks in by_table.items():
            cells = [c for c in self.cells if table_of(c) == table]
            if len(cells) != len(toks):
                raise ValueError('%s: %d numbers in %s, expected %d'
                                 % (self.name, len(toks), table, len(cells)))
            row_major = [t.text for t in toks] == [self.cells[c][1] for c in cells]
            self.row_major[table] = row_major
            if row_major:
                for tok, cell in zip(toks, cells):
                    tok.cell = cell
        missing = sorted({table_of(c) for c in self.cells} - set(by_table))
        if missing:
            raise ValueError('%s: no numbers found for %s' % (self.name, ', '.join(missing)))

    # ---- places to insert footers and blank lines ----

    def _previous_printed(self, i):
        j = i - 1
        while j >= 0 and self.kind[j] in ('blank', 'footer'):
            j -= 1
        return j

    def row_gaps(self):
        """Lines of tables 2 and 3 before which a row starts, after a complete row (row by
        row) or after a label (where the numbers come apart from their labels)."""
        gaps = []
        for i, line in enumerate(self.lines):
            if self.kind[i] != 'table' or self.region[i] not in ('table2', 'table3'):
                continue
            if line.startswith('\f') or not (MARKER.match(line.lstrip(' \f')) or row_line(line)):
                continue
            j = self._previous_printed(i)
            if j < 0 or self.kind[j] != 'table' or self.table[j] != self.table[i]:
                continue
            if self.layout or self.row_major[self.table[i]]:
                ok = has_numbers(self.lines[j])
            else:
                ok = not has_numbers(self.lines[j])
            if ok:
                gaps.append(i)
        return gaps

    def caption_gaps(self):
        """The line after each table-2 caption (where real page breaks fall)."""
        return [i + 1 for i in range(len(self.lines) - 1)
                if self.kind[i] == 'table' and CAPTION.match(strip_ws(self.lines[i]))
                and not self.lines[i + 1].startswith('\f')]

    def table4_gap(self):
        """The first line of table 4 that holds numbers (after its header)."""
        return [next(i for i, l in enumerate(self.lines)
                     if self.region[i] == 'table4' and self.kind[i] == 'table' and has_numbers(l))]

    def paragraph_start(self, i):
        """Whether running-text line i starts a paragraph."""
        j = self._previous_printed(i)
        if j < 0 or self.kind[j] != 'text' or self.region[j] != self.region[i]:
            return True
        line = self.lines[i].replace('\f', '')
        if self.layout:
            return line.startswith('  ')
        if PARAGRAPH_START.match(line.strip()):
            return True
        prev = self.lines[j].replace('\f', '').strip()
        return prev.endswith(('。', '：')) and display_width(prev) < self._text_width - 4

    @functools.cached_property
    def _text_width(self):
        return max(display_width(l.strip()) for l, k in zip(self.lines, self.kind) if k == 'text')

    def text_gaps(self):
        """Inside a paragraph: the first such place in section 一 and in section 五."""
        gaps = []
        for section in (0, 4):
            title = next(i for i, l in enumerate(self.lines)
                         if self.kind[i] == 'title' and strip_ws(l) == SECTION_TITLES[section])
            for i in range(title + 1, len(self.lines)):
                if self.kind[i] == 'title':
                    break
                if (self.kind[i] == 'text' and not self.paragraph_start(i)
                        and not self.lines[i].startswith('\f')):
                    gaps.append(i)
                    break
        return gaps


@dataclass
class Case:
    name: str
    source: Source
    family: str
    text: str
    truth: dict                      # cell id -> (kind, text) a correct reading gives
    complete: bool                   # every truth cell must be read
    lossable: frozenset = None       # cells that may be lost (None: any, if reported)
    must_lose: frozenset = frozenset()  # a number of these was deleted: one must be absent
    detail: dict = field(default_factory=dict)  # what the generator did, for self_check

    @property
    def input_suffix(self):
        return '.layout.txt' if self.source.layout else '.txt'


# ---- breaking lines ----

def break_points(s):
    """Where a line may be broken: (end of this piece, start of the next)."""
    points = []
    i = 1
    while i < len(s):
        if s[i].isspace():
            j = i
            while j < len(s) and s[j].isspace():
                j += 1
            if j < len(s) and s[j] not in CLOSING and s[i - 1] not in OPENING:
                points.append((i, j))
            i = j + 1
            continue
        a, b = s[i - 1], s[i]
        if not (a.isspace() or (is_ascii_word_char(a) and is_ascii_word_char(b))
                or b in CLOSING or a in OPENING or MARKER_END.search(s[:i])):
            points.append((i, i))
        i += 1
    return [(a, b) for a, b in points if not MARKER.match(s[b:])]


def wrap(s, width):
    """Greedy wrap of s (no leading spaces) at width display columns; never inside an ASCII
    run (a number), never before closing or after opening punctuation."""
    pieces, start = [], 0
    points = break_points(s)
    while display_width(s[start:]) > width:
        fitting = [(a, b) for a, b in points if a > start and display_width(s[start:a]) <= width]
        later = [(a, b) for a, b in points if a > start]
        if not later:
            break
        a, b = fitting[-1] if fitting else later[0]
        pieces.append(s[start:a])
        start = b
    pieces.append(s[start:])
    return pieces


def join_paragraph(lines):
    out = ''
    for line in lines:
        line = line.strip(' \f')
        if out and is_ascii_word_char(out[-1]) and line and is_ascii_word_char(line[0]):
            out += ' '
        out += line
    return out


# ---- the families ----

def rewrap_text(src, width):
    lines, i, n = [], 0, len(src.lines)
    while i < n:
        if src.kind[i] != 'text':
            lines.append(src.lines[i])
            i += 1
            continue
        j = i + 1
        while j < n and src.kind[j] == 'text' and not src.paragraph_start(j) \
                and not src.lines[j].startswith('\f'):
            j += 1
        prefix = split_indent(src.lines[i])[0]
        joined = join_paragraph(src.lines[i:j])
        pieces = [joined] if width is None else wrap(joined, width - display_width(prefix))
        lines.append(prefix + pieces[0])
        lines.extend(pieces[1:])
        i = j
    return '\n'.join(lines)


def rewrap_tables(src, width):
    lines = []
    for i, line in enumerate(src.lines):
        prefix, rest = split_indent(line)
        if src.kind[i] != 'table' or display_width(rest.rstrip()) <= width:
            lines.append(line)
            continue
        pieces = wrap(rest.rstrip(), width)
        indent = ' ' * len(prefix.replace('\f', ''))
        lines.append(prefix + pieces[0])
        lines.extend(indent + p for p in pieces[1:])
    return '\n'.join(lines)


def split_label(core):
    """Where to split a row label in two, or None (short labels stay whole)."""
    if len(core) < 6:
        return None
    for k in range(len(core) // 2, len(core) - 1):
        if any(a == k for a, b in break_points(core)):
            return k
    return None


def wrap_rows(src, style):
    lines = []
    for i, line in enumerate(src.lines):
        if not (src.kind[i] == 'table' and src.region[i] in ('table2', 'table3')
                and row_line(line)):
            lines.append(line)
            continue
        first = NUMBER.search(line).start()
        label, numbers = line[:first].rstrip(), line[first:]
        # pdftotext -layout counts every character as one column
        column = ' ' * len(line[:first].replace('\f', '')) if src.layout else ''
        if style == 'numbers-below':
            lines += [label, column + numbers]
            continue
        core_at = len(label) - len(label.split()[-1])
        core, lead = label[core_at:], label[:core_at]
        k = split_label(core)
        if k is None:
            lines.append(line)
            continue
        indent = ' ' * len(lead.replace('\f', '')) if src.layout else ''
        if style == 'label-split':
            second = indent + core[k:]
            pad = max(1, len(column) - len(second)) if src.layout else 1
            lines += [lead + core[:k], second + ' ' * pad + numbers]
        else:  # label-around
            lines += [lead + core[:k], column + numbers, indent + core[k:]]
    return '\n'.join(lines)


FOOTER_STYLES = {
    'dash': '-7-',
    'dash-spaced': '- 7 -',
    'emdash': '— 7 —',
    'page-of': '第 7 页 共 9 页',
    'formfeed': None,
}


def insert_before(src, positions, block, formfeed):
    lines = list(src.lines)
    for i in sorted(set(positions), reverse=True):
        lines[i:i + 1] = block + [('\f' if formfeed else '') + lines[i]]
    return '\n'.join(lines)


def footer_positions(src, where):
    if where == 'table2':
        return src.caption_gaps()[:1] + [g for g in src.row_gaps()
                                         if src.region[g] == 'table2'][:1]
    if where == 'table3':
        gaps = [g for g in src.row_gaps() if src.region[g] == 'table3']
        return sorted({gaps[len(gaps) // 3], gaps[2 * len(gaps) // 3]}) if gaps else []
    if where == 'table4':
        return src.table4_gap()
    return src.text_gaps()


def footer(src, style, where):
    mark = FOOTER_STYLES[style]
    indent = ' ' * 40 if src.layout else ''
    block = [] if mark is None else ['', indent + mark]
    return insert_before(src, footer_positions(src, where), block, formfeed=True)


def blank_positions(src):
    return sorted(set(src.row_gaps() + src.caption_gaps() + src.table4_gap()))


def blanks(src, count):
    return insert_before(src, blank_positions(src), [''] * count, formfeed=False)


ASCII_PUNCT = '.,:;()'
PUNCT_VARIANTS = {
    # full-width forms (，：（）．) to ASCII
    'punct-ascii': {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)
                    if not chr(c - 0xFEE0).isalnum()},
    # ASCII . , : ; ( ) to full-width
    'punct-fullwidth': {ord(c): chr(ord(c) + 0xFEE0) for c in ASCII_PUNCT},
    # digits to full-width ０-９
    'punct-digits-fullwidth': {ord(c): chr(ord(c) + 0xFEE0) for c in '0123456789'},
    'punct-all-fullwidth': {ord(c): chr(ord(c) + 0xFEE0) for c in ASCII_PUNCT + '0123456789'},
    # 。、「」 to their half-width forms
    'punct-cjk-halfwidth': {ord('。'): '｡', ord('、'): '､', ord('「'): '｢', ord('」'): '｣'},
}


def delete_token(src, tok):
    lines = list(src.lines)
    line = lines[tok.line]
    if not strip_ws(line[:tok.start] + line[tok.end:]):
        lines[tok.line] = '\f' if line.startswith('\f') else None
        lines = [l for l in lines if l is not None]
        return '\n'.join(lines)
    before = line[:tok.start]
    if strip_ws(before):   # take the spaces before it with it
        cut = len(before.rstrip(' '))
        lines[tok.line] = before[:cut] + line[tok.end:]
    else:                  # first on its line: take the spaces after it
        after = line[tok.end:]
        lines[tok.line] = before + after[len(after) - len(after.lstrip(' ')):]
    return '\n'.join(lines)


# Table-3 rows whose labels are swapped, by a piece of the printed label that is never wrapped.
LABEL_CORES = {
    'new_received': '本年新收政府信息公开申请数量',
    'carried_over': '上年结转政府信息公开申请数量',
    'granted': '（一）予以公开',
    'denied_state_secret': '属于国家秘密',
    'denied_law_prohibited': '其他法律行政',
    'denied_process_info': '属于四类过程性信息',
    'denied_enforcement_file': '属于行政执法案卷',
    'unable_not_held': '本机关不掌握相关政府信息',
    'unable_need_creation': '没有现成信息需要另行制作',
    'np_petition_complaint': '信访举报投诉类申请',
    'np_duplicate': '重复申请',
    'result_total': '（七）总计',
}
SWAP_PAIRS = (
    ('new_received', 'carried_over'),
    ('granted', 'result_total'),
    ('denied_state_secret', 'denied_law_prohibited'),
    ('denied_state_secret', 'denied_process_info'),
    ('unable_not_held', 'unable_need_creation'),
    ('np_petition_complaint', 'np_duplicate'),
    ('denied_enforcement_file', 'np_petition_complaint'),
)


def find_label(src, row):
    """(line, start, end) of the one whitespace-delimited word of table 3 that holds the row's
    label core, or None."""
    found = []
    for i, line in enumerate(src.lines):
        if src.kind[i] != 'table' or src.region[i] != 'table3':
            continue
        for m in re.finditer(r'\S+', line):
            if LABEL_CORES[row] in m.group():
                found.append((i, m.start(), m.end()))
    return found[0] if len(found) == 1 else None


def replace_word(line, start, end, word):
    """line with line[start:end] replaced by word, keeping later columns where the spaces
    after it allow."""
    after = line[end:]
    spaces = len(after) - len(after.lstrip(' '))
    diff = len(word) - (end - start)   # columns of pdftotext -layout: one per character
    if after.strip() and spaces:
        keep = max(1, spaces - diff)
        after = ' ' * keep + after[spaces:]
    return line[:start] + word + after


def swap_labels(src, row_a, row_b):
    a, b = find_label(src, row_a), find_label(src, row_b)
    if a is None or b is None or a[0] == b[0]:
        return None
    lines = list(src.lines)
    word_a = lines[a[0]][a[1]:a[2]]
    word_b = lines[b[0]][b[1]:b[2]]
    lines[a[0]] = replace_word(lines[a[0]], a[1], a[2], word_b)
    lines[b[0]] = replace_word(lines[b[0]], b[1], b[2], word_a)
    return '\n'.join(lines), word_a, word_b, (a[0], b[0])


# ---- the cases ----

def row_cells(cells, row):
    return [c for c in cells if row_of(c) == row]


def cases_of(src):
    cells = src.cells
    out = []

    def add(family, detail_name, text, **kw):
        if text is None or text == src.text:
            return  # a deformation that changes nothing is no case
        kw.setdefault('truth', dict(cells))
        kw.setdefault('complete', True)
        out.append(Case('%s.%s' % (src.name, detail_name), src, family, text, **kw))

    for width in (24, 50, 90, None):
        add('rewrap-text', 'rewrap-text-' + ('unwrapped' if width is None else 'w%d' % width),
            rewrap_text(src, width))
    for width in (24, 40, 60):
        add('rewrap-table', 'rewrap-table-w%d' % width, rewrap_tables(src, width))
    for style in ('numbers-below', 'label-split', 'label-around'):
        add('wrap-rows', 'wrap-' + style, wrap_rows(src, style))
    for style in FOOTER_STYLES:
        for where in ('table2', 'table3', 'table4', 'text'):
            if footer_positions(src, where):
                add('footer', 'footer-%s-%s' % (style, where), footer(src, style, where),
                    detail={'mark': FOOTER_STYLES[style],
                            'before': footer_positions(src, where)})
    for count in (1, 3):
        add('blank', 'blank-%d' % count, blanks(src, count))
    for variant, table in PUNCT_VARIANTS.items():
        add('punct', variant, src.text.translate(table))

    if src.name == EXHAUSTIVE_DELETE:
        chosen = list(src.tokens)
    else:
        rng = random.Random('delete:' + src.name)
        chosen = []
        for pick, count in (('table2', 3), ('table3', 10), ('table4', 2)):
            pool = [t for t in src.tokens if t.table.startswith(pick)]
            chosen += rng.sample(pool, min(count, len(pool)))
        chosen.sort(key=lambda t: (t.line, t.start))
    for tok in chosen:
        text = delete_token(src, tok)
        detail = {'token': tok, 'bound': 'its table'}
        if tok.cell is not None:
            # the rows whose numbers run together with the deleted one: which of them lacks a
            # number cannot be told (one row where labels and numbers share lines)
            rows = {row_of(t.cell) for t in src.tokens if t.run == tok.run}
            apart = any(len({row_of(t.cell) for t in src.tokens if t.run == run}) > 1
                        for run in {t.run for t in src.tokens if t.table == tok.table})
            if tok.table == 'table4':
                lost = [c for c in cells if table_of(c) == 'table4']
            elif apart and not src.layout:
                # reading-order text printing rows' numbers apart from their labels: those rows
                # are placed by the count of numbers and the row totals (docs/import.md), which
                # a deleted number breaks: the table may be lost, never a wrong number given
                lost = [c for c in cells if table_of(c) == tok.table]
                detail['bound'] = 'its table (numbers printed apart from their labels)'
            else:
                lost = [c for c in cells if row_of(c) in rows]
                detail['bound'] = 'its row' if len(rows) == 1 else \
                    'the %d rows its numbers run together with' % len(rows)
            truth = {c: v for c, v in cells.items() if c != tok.cell}
            add('delete', 'delete-' + tok.cell, text, truth=truth, complete=False,
                lossable=frozenset(lost), must_lose=frozenset([tok.cell]), detail=detail)
        else:
            table_cells = frozenset(c for c in cells if table_of(c) == tok.table)
            add('delete', 'delete-%s-n%03d' % (tok.table, tok.index), text, truth=dict(cells),
                complete=False, lossable=table_cells, must_lose=table_cells, detail=detail)

    for row_a, row_b in SWAP_PAIRS:
        a, b = row_cells(cells, 'table3.' + row_a), row_cells(cells, 'table3.' + row_b)
        if not a or not b or [cells[c] for c in a] == [cells[c] for c in b]:
            continue   # equal rows: a swap would not show
        swapped = swap_labels(src, row_a, row_b)
        if swapped is None:
            continue
        text, word_a, word_b, at = swapped
        truth = dict(cells)
        for ca, cb in zip(a, b):
            truth[ca], truth[cb] = cells[cb], cells[ca]
        add('swap', 'swap-%s-%s' % (row_a, row_b), text, truth=truth, complete=False,
            detail={'words': (word_a, word_b), 'lines': at})
    return out


@functools.lru_cache(maxsize=None)
def sources():
    return tuple(Source(f, i) for f in FIXTURES for i in INPUTS.get(f, DEFAULT_INPUTS))


@functools.lru_cache(maxsize=None)
def all_cases():
    cases = [c for src in sources() for c in cases_of(src)]
    names = [c.name for c in cases]
    if len(set(names)) != len(names):
        raise ValueError('duplicate case names')
    return tuple(cases)


def describe(case):
    """What the case changed, in a few words (to reproduce a failure by hand)."""
    src = case.source
    if case.family == 'delete':
        tok = case.detail['token']
        return 'deleted %r at %s:%d:%d' % (tok.text, os.path.basename(src.path), tok.line + 1,
                                           tok.start + 1)
    if case.family == 'swap':
        (word_a, word_b), (line_a, line_b) = case.detail['words'], case.detail['lines']
        return 'swapped %r (line %d) and %r (line %d) of %s' % (
            word_a, line_a + 1, word_b, line_b + 1, os.path.basename(src.path))
    if case.family == 'footer':
        return 'footer %r and a form feed inserted before line(s) %s of %s' % (
            case.detail['mark'], ', '.join(str(i + 1) for i in case.detail['before']),
            os.path.basename(src.path))
    return '%s of %s' % (case.family, os.path.basename(src.path))


# ---- checking a case on its own ----

def self_check(case):
    """Problems with a generated case: what changed must be only what its family changes."""
    src, text, problems = case.source, case.text, []
    orig = src.text
    if case.family in ('rewrap-text', 'rewrap-table', 'wrap-rows', 'blank'):
        # label-around moves the end of a label after its numbers
        if case.name.endswith('wrap-label-around'):
            same = sorted(strip_ws(text)) == sorted(strip_ws(orig))
        else:
            same = strip_ws(text) == strip_ws(orig)
        if not same:
            problems.append('text changed beyond whitespace')
        if digit_runs(text) != digit_runs(orig):
            problems.append('numbers changed (a number split or lost)')
        if case.family == 'rewrap-text':
            changed = [i for i, l in enumerate(src.lines) if src.kind[i] != 'text'
                       and l not in text.split('\n')]
            if changed:
                problems.append('lines other than running text changed: %s' % changed[:3])
    elif case.family == 'footer':
        mark = case.detail['mark']
        stripped = text.replace('\f', '')
        if mark is not None:
            if mark in orig:
                problems.append('footer %r already in the text' % mark)
            stripped = stripped.replace(mark, '')
        if strip_ws(stripped) != strip_ws(orig.replace('\f', '')):
            problems.append('text changed beyond the footers')
        if text.count('\f') <= orig.count('\f'):
            problems.append('no form feed inserted')
    elif case.family == 'punct':
        if nfkc(text) != nfkc(orig):
            problems.append('not equal to the original under NFKC')
    elif case.family == 'delete':
        tok = case.detail['token']
        line = src.lines[tok.line]
        want = strip_ws(orig[:sum(len(l) + 1 for l in src.lines[:tok.line]) + tok.start]) + \
            strip_ws(line[tok.end:] + '\n' + '\n'.join(src.lines[tok.line + 1:]))
        if strip_ws(text) != want:
            problems.append('text changed beyond the deleted number')
        runs = digit_runs(orig)
        if len(digit_runs(text)) != len(runs) - 1:
            problems.append('not exactly one number deleted')
    elif case.family == 'swap':
        word_a, word_b = case.detail['words']
        if sorted(strip_ws(text)) != sorted(strip_ws(orig)) or \
                sorted(digit_runs(text)) != sorted(digit_runs(orig)):
            problems.append('text changed beyond the labels')
        line_a, line_b = case.detail['lines']
        lines = text.split('\n')
        if word_b not in lines[line_a].split() or word_a not in lines[line_b].split():
            problems.append('labels not swapped')
    else:
        problems.append('unknown family %s' % case.family)
    if not set(case.truth) <= set(src.cells):
        problems.append('truth names cells the fixture does not have')
    if case.complete and case.truth != src.cells:
        problems.append('a harmless case must keep the expected cells')
    return problems


def main(argv):
    out_dir = None
    if argv[1:2] == ['--write']:
        out_dir, argv = argv[2], argv[2:]
    pattern = argv[1] if len(argv) > 1 else ''
    for case in all_cases():
        if pattern not in case.name:
            continue
        problems = self_check(case)
        print('%-70s %-12s %s' % (case.name, case.family, '; '.join(problems) or 'ok'))
        if out_dir:
            os.makedirs(out_dir, exist_ok=True)
            with open(os.path.join(out_dir, case.name + case.input_suffix), 'w',
                      encoding='utf-8') as f:
                f.write(case.text)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
