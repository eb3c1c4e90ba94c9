#!/usr/bin/python3
"""The rendered pages in a real browser: headless Chromium opens both examples' HTML.

The DOM Chromium builds (--dump-dom) has the three tables with the rows, columns and spans
of the layout; the page logs no console message; its screenshot is not blank (its pixels
differ from a blank page's screenshot). The screenshots are kept in GOVINFO_ARTIFACTS
(scripts/test.sh: build-tests/artifacts/) for people to look at.

Skipped when chromium is not installed. Environment: GOVINFO_CLI, GOVINFO_SOURCE_ROOT,
GOVINFO_ARTIFACTS (default: a temporary directory).
"""
import html.parser
import os
import shutil
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get('GOVINFO_SOURCE_ROOT', os.path.normpath(os.path.join(HERE, '..', '..')))
CLI = os.environ.get('GOVINFO_CLI', os.path.join(ROOT, 'build', 'tools', 'govinfo'))
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
EXAMPLES = ('suibin-2020', 'huaian-2024')
# rows of each table and cells per row, as laid out (tests/render/test_render.py checks the
# layout itself against tests/markup/render.py)
TABLE_ROWS = {'suibin-2020': (18, 26, 4), 'huaian-2024': (14, 28, 4)}
SIZE = (1000, 3600)  # the whole page of either example


def chromium(profile, *args):
    """Runs headless Chromium offline; (stdout, stderr)."""
    cmd = [CHROMIUM, '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
           '--no-first-run', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--disable-dev-shm-usage', '--hide-scrollbars',
           '--user-data-dir=' + profile, '--enable-logging=stderr', '--v=0'] + list(args)
    done = subprocess.run(cmd, capture_output=True, timeout=None)
    if done.returncode != 0:
        raise AssertionError('chromium failed: %s' % done.stderr.decode(errors='replace')[-2000:])
    return done.stdout.decode('utf-8', errors='replace'), done.stderr.decode(errors='replace')


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'table':
            self.tables.append([])
        elif tag == 'tr':
            self.tables[-1].append([])
        elif tag in ('td', 'th'):
            self.tables[-1][-1].append((int(a.get('rowspan', 1)), int(a.get('colspan', 1))))


def differing_pixels(a, b):
    from PIL import Image, ImageChops
    with Image.open(a) as x, Image.open(b) as y:
        diff = ImageChops.difference(x.convert('RGB'), y.convert('RGB'))
        return sum(1 for p in diff.getdata() if p != (0, 0, 0))


@unittest.skipIf(CHROMIUM is None, 'chromium is not installed')
class BrowserTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp()
        cls.out = os.environ.get('GOVINFO_ARTIFACTS') or cls.tmp
        os.makedirs(cls.out, exist_ok=True)
        blank = os.path.join(cls.tmp, 'blank.html')
        with open(blank, 'w') as f:
            f.write('<!DOCTYPE html><html><head><title>x</title></head><body></body></html>')
        cls.blank_png = os.path.join(cls.tmp, 'blank.png')
        chromium(os.path.join(cls.tmp, 'profile-blank'), '--screenshot=' + cls.blank_png,
                 '--window-size=%d,%d' % SIZE, 'file://' + blank)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def page(self, name):
        path = os.path.join(self.out, name + '.html')
        done = subprocess.run([CLI, 'render', os.path.join(ROOT, 'examples', 'reports',
                                                           name + '.yaml'), '-o', path],
                              capture_output=True)
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        return path

    def test_dom_and_console(self):
        for name in EXAMPLES:
            with self.subTest(example=name):
                path = self.page(name)
                dom, log = chromium(os.path.join(self.tmp, 'profile-dom-' + name),
                                    '--dump-dom', 'file://' + path)
                parser = Dom()
                parser.feed(dom)
                self.assertEqual(tuple(len(t) for t in parser.tables), TABLE_ROWS[name])
                for table in parser.tables:  # every row as wide as the first
                    width = [0] * (len(table) + 10)
                    for r, row in enumerate(table):
                        for rowspan, colspan in row:
                            for k in range(rowspan):
                                width[r + k] += colspan
                    self.assertEqual(len(set(width[:len(table)])), 1, width[:len(table)])
                four = parser.tables[2]
                self.assertEqual(four[0], [(1, 5), (1, 10)])
                self.assertEqual(len(four[3]), 15)
                self.assertNotIn('CONSOLE', log)
                self.assertNotIn('Uncaught', log)

    def test_screenshot_is_not_blank(self):
        for name in EXAMPLES:
            with self.subTest(example=name):
                path = self.page(name)
                png = os.path.join(self.out, name + '.png')
                chromium(os.path.join(self.tmp, 'profile-shot-' + name), '--screenshot=' + png,
                         '--window-size=%d,%d' % SIZE, 'file://' + path)
                self.assertGreater(differing_pixels(png, self.blank_png), 10000)

    def test_blank_page_compares_equal(self):
        """The comparison can fail: a blank page against itself differs nowhere."""
        again = os.path.join(self.tmp, 'blank2.png')
        blank = os.path.join(self.tmp, 'blank.html')
        chromium(os.path.join(self.tmp, 'profile-blank2'), '--screenshot=' + again,
                 '--window-size=%d,%d' % SIZE, 'file://' + blank)
        self.assertEqual(differing_pixels(again, self.blank_png), 0)


if __name__ == '__main__':
    import taprunner
    taprunner.main()
