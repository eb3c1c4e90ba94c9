#!/usr/bin/python3
"""Golden outputs of the CLI: every example and fixture through convert, template, import and
validate (text in zh and en, and --json), compare and sum, byte for byte.

    golden.py check GOVINFO   compare with tests/golden/expected (TAP, one test per output)
    golden.py update GOVINFO  rewrite tests/golden/expected

Run from anywhere; commands run in the source root so file names in messages are stable.
A change that alters an output on purpose updates the expected files in the same commit.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
EXPECTED = os.path.join(HERE, 'expected')
FIXTURES = 'tests/data/fixtures'
RENDER = 'tests/markup/render.py'


def reports():
    """Report documents: the examples and the fixtures' hand-checked YAML."""
    found = sorted('examples/reports/' + f for f in os.listdir(os.path.join(ROOT, 'examples/reports'))
                   if f.endswith('.yaml'))
    found += sorted(FIXTURES + '/' + f for f in os.listdir(os.path.join(ROOT, FIXTURES))
                    if f.endswith('.yaml') and not f.endswith('.expected.yaml'))
    return found


def published():
    """Published forms the importer reads: pdftotext texts and PDFs."""
    return sorted(FIXTURES + '/' + f for f in os.listdir(os.path.join(ROOT, FIXTURES))
                  if f.endswith(('.txt', '.pdf')))


def renderings():
    """(name, render.py arguments): each fixture as Markdown and HTML."""
    out = []
    for path in reports():
        if not path.startswith(FIXTURES):
            continue
        stem = os.path.basename(path)[:-len('.yaml')]
        out.append((stem + '.md', [path, 'markdown']))
        out.append((stem + '.split.md', [path, 'markdown', '--split']))
        out.append((stem + '.html', [path, 'html']))
    return out


def cases():
    """(output name, argv with GOVINFO as the first word, stdin bytes or None)."""
    out = []
    for path in reports():
        name = path.replace('/', '__')
        for lang in ('zh', 'en'):
            out.append((f'{name}.validate.{lang}', ['validate', '--lang', lang, path], None))
        out.append((name + '.validate.json', ['validate', '--json', path], None))
        out.append((name + '.convert.json', ['convert', '--to', 'json', path, '-'], None))
        out.append((name + '.convert.yaml', ['convert', '--to', 'yaml', path, '-'], None))
    for path in published():
        name = path.replace('/', '__')
        out.append((name + '.import.yaml', ['import', '--lang', 'en', path], None))
        out.append((name + '.import.zh', ['import', path, '-o', '/dev/null'], None))
        out.append((name + '.import.json', ['import', '--json', path, '-o', '/dev/null'], None))
    for stem, args in renderings():
        text = subprocess.run(['/usr/bin/python3', RENDER] + args, cwd=ROOT, check=True,
                              capture_output=True).stdout
        kind = 'html' if stem.endswith('.html') else 'markdown'
        out.append((f'{stem}.import.yaml', ['import', '--kind', kind, '--lang', 'en', '-'], text))
    for fmt, year in (('2019', 2020), ('2021', 2024)):
        out.append((f'template.{fmt}', ['template', '--format', fmt, '--year', str(year),
                                        '--organ', '某县人民政府'], None))
    out.append(('rules', ['rules'], None))
    # Across reports: the real consecutive pair, a pair across the change of format, a sum.
    hongze = [FIXTURES + '/huaian-hongze-2023.yaml', FIXTURES + '/huaian-hongze-2024.yaml']
    suibin = [FIXTURES + '/suibin-2020.yaml', 'tests/data/analysis/suibin-2021.yaml']
    out.append(('compare.hongze.zh', ['compare'] + hongze, None))
    out.append(('compare.hongze.json', ['compare', '--json'] + hongze, None))
    out.append(('compare.suibin.en', ['compare', '--lang', 'en'] + suibin, None))
    out.append(('sum.huaian-2024.yaml', ['sum', '--organ', '淮安市合计', '--against',
                                         FIXTURES + '/huaian-city-2024.yaml',
                                         FIXTURES + '/huaian-hongze-2024.yaml',
                                         FIXTURES + '/huaian-city-2024.yaml'], None))
    return out


def run(govinfo, argv, stdin):
    env = dict(os.environ, GOVINFO_LANG='zh')  # the CLI's language would follow the locale
    p = subprocess.run([govinfo] + argv, cwd=ROOT, input=stdin, capture_output=True, env=env)
    return (b'exit %d\n--- stdout\n' % p.returncode) + p.stdout + b'--- stderr\n' + p.stderr


def main(argv):
    if len(argv) != 3 or argv[1] not in ('check', 'update'):
        sys.stderr.write(__doc__)
        return 2
    govinfo = os.path.abspath(argv[2])
    all_cases = cases()
    if argv[1] == 'update':
        os.makedirs(EXPECTED, exist_ok=True)
        for f in os.listdir(EXPECTED):
            os.remove(os.path.join(EXPECTED, f))
        for name, args, stdin in all_cases:
            with open(os.path.join(EXPECTED, name), 'wb') as f:
                f.write(run(govinfo, args, stdin))
        print(f'{len(all_cases)} golden outputs written to {EXPECTED}')
        return 0
    print(f'1..{len(all_cases) + 1}')
    failed = 0
    names = {name for name, _, _ in all_cases}
    stale = sorted(set(os.listdir(EXPECTED)) - names)
    print(('not ok' if stale else 'ok') + f' 1 - no expected output without a case {stale or ""}')
    failed += bool(stale)
    for i, (name, args, stdin) in enumerate(all_cases, 2):
        got = run(govinfo, args, stdin)
        try:
            with open(os.path.join(EXPECTED, name), 'rb') as f:
                want = f.read()
        except FileNotFoundError:
            want = None
        if got == want:
            print(f'ok {i} - {name}')
            continue
        failed += 1
        print(f'not ok {i} - {name}: output differs (govinfo {" ".join(args)})')
        if want is not None:
            import difflib
            diff = difflib.unified_diff(want.decode(errors='replace').splitlines(),
                                        got.decode(errors='replace').splitlines(),
                                        'expected', 'got', lineterm='', n=1)
            for line in list(diff)[:30]:
                print('# ' + line)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
