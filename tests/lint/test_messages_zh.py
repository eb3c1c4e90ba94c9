#!/usr/bin/python3
"""Every error message of the library has its Chinese: each format string given to gi_fail,
gi_fail_at, gi_fail_os or to a printf-like wrapper of them in lib/ has an entry in the catalog
of lib/util/messages_zh.c whose Chinese has the same conversion specifications in the same
order. So has every message of the command itself: each format string given to cli_error or
cli_usage_error in tools/, in tools/messages_zh.c (the Chinese may print an argument as
nothing, %.0s, where English needs it, as a plural ending). TAP on stdout."""
import glob
import os
import re
import sys

ROOT = os.environ.get('GOVINFO_SOURCE_ROOT') or os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
LIB = os.path.join(ROOT, 'lib')
CATALOG = os.path.join(LIB, 'util', 'messages_zh.c')
TOOLS = os.path.join(ROOT, 'tools')
TOOLS_CATALOG = os.path.join(TOOLS, 'messages_zh.c')
# the command's message functions and the index of their format argument
CLI_FUNCTIONS = {'cli_error': 0, 'cli_usage_error': 1}
CJK = re.compile(r'[\u4e00-\u9fff]')

STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
CONVERSION = re.compile(r'%(?:%|[-+ #0]*[0-9]*(?:\.(?:\*|[0-9]+))?[hlzjt]*[a-zA-Z])')
# the error functions and the index of their format argument
ERROR_FUNCTIONS = {'gi_fail': 1, 'gi_fail_at': 5, 'gi_fail_os': 2}
WRAPPER = re.compile(r'__attribute__\(\(format\(printf, (\d+), (\d+)\)\)\)\s*static\s+\w+\s*\*?\s*'
                     r'(\w+)\(')


def arguments(src, start):
    """The top-level arguments of the call whose '(' ends at start."""
    args, cur, depth, i = [], '', 0, start
    while i < len(src):
        c = src[i]
        if c == '"':
            m = STRING.match(src, i)
            cur += m.group(0)
            i = m.end()
            continue
        if c == "'":
            m = re.compile(r"'(?:[^'\\]|\\.)*'").match(src, i)
            cur += m.group(0)
            i = m.end()
            continue
        if c in '([{':
            depth += 1
        elif c in ')]}':
            if depth == 0:
                args.append(cur)
                return args
            depth -= 1
        elif c == ',' and depth == 0:
            args.append(cur)
            cur = ''
            i += 1
            continue
        cur += c
        i += 1
    return args


def literal(arg):
    """The string of an argument made only of string literals, else None."""
    arg = arg.strip()
    parts = STRING.findall(arg)
    if not parts or STRING.sub('', arg).strip():
        return None
    return ''.join(parts)


def format_strings():
    """(file, line, format) of every error call with a literal format, in lib/."""
    found = []
    for path in sorted(glob.glob(os.path.join(LIB, '**', '*.c'), recursive=True)):
        with open(path, encoding='utf-8') as f:
            src = f.read()
        functions = dict(ERROR_FUNCTIONS)
        for m in WRAPPER.finditer(src):
            body = src[m.end():src.find('\n}\n', m.end())]
            if m.group(2) != '0' and ('gi_fail' in body or 'fail_at(' in body):
                functions[m.group(3)] = int(m.group(1)) - 1
        for name, index in functions.items():
            for m in re.finditer(r'(?<![\w.>])' + name + r'\(', src):
                args = arguments(src, m.end())
                if len(args) <= index:
                    continue
                fmt = literal(args[index])
                if fmt is None or fmt == '%s':  # a message formatted already, or a variable
                    continue
                line = src.count('\n', 0, m.start()) + 1
                found.append((os.path.relpath(path, ROOT), line, fmt))
    return found


def cli_format_strings():
    """(file, line, format) of every cli_error and cli_usage_error call with a literal English
    format, in tools/."""
    found = []
    for path in sorted(glob.glob(os.path.join(TOOLS, '*.c'))):
        with open(path, encoding='utf-8') as f:
            src = f.read()
        for name, index in CLI_FUNCTIONS.items():
            for m in re.finditer(r'(?<![\w.>])' + name + r'\(', src):
                args = arguments(src, m.end())
                if len(args) <= index or src[m.start() - 4:m.start()] == 'int ':
                    continue
                fmt = literal(args[index])
                if fmt is None or fmt == '%s' or CJK.search(fmt):
                    continue
                found.append((os.path.relpath(path, ROOT), src.count('\n', 0, m.start()) + 1, fmt))
    return found


def argument_kinds(fmt):
    """What each conversion takes from the arguments: '*' for a width or precision, then its
    length modifier and type ("%.0s" and "%s" both take a string)."""
    kinds = []
    for c in conversions(fmt):
        kinds += ['*'] * c.count('*')
        kinds.append(re.sub(r'^%[-+ #0]*[0-9*]*(?:\.(?:\*|[0-9]+))?', '', c))
    return kinds


def catalog(path=CATALOG):
    with open(path, encoding='utf-8') as f:
        src = f.read()
    body = src[src.index('catalog[] = {'):src.index('\n};')]
    entries = {}
    for m in re.finditer(r'\{((?:\s*"(?:[^"\\]|\\.)*")+),((?:\s*"(?:[^"\\]|\\.)*")+)\}', body):
        en = ''.join(STRING.findall(m.group(1)))
        zh = ''.join(STRING.findall(m.group(2)))
        entries[en] = zh
    return entries


def conversions(fmt):
    return [c for c in CONVERSION.findall(fmt) if c != '%%']


def main():
    calls = format_strings()
    entries = catalog()
    tests = []
    tests.append(('the scan finds the error calls of lib/ (more than 100)', len(calls) > 100, ''))
    tests.append(('the catalog has entries', len(entries) > 100, ''))
    missing = sorted({(f, n, fmt) for f, n, fmt in calls if fmt not in entries},
                     key=lambda t: t[2])
    tests.append(('every format string has its Chinese', not missing,
                  '\n'.join(f'{f}:{n}: no Chinese for "{fmt}"' for f, n, fmt in missing)))
    wrong = [(en, zh) for en, zh in entries.items() if conversions(en) != conversions(zh)]
    tests.append(('each Chinese has the same conversions in the same order', not wrong,
                  '\n'.join(f'"{en}" -> "{zh}"' for en, zh in wrong)))
    untranslated = [en for en, zh in entries.items()
                    if en == zh and re.search(r'[a-z]{3}', STRING.sub('', en)) and en != 'null']
    tests.append(('no entry leaves its English as it is', not untranslated,
                  '\n'.join(untranslated)))
    cli_calls = cli_format_strings()
    cli_entries = catalog(TOOLS_CATALOG)
    tests.append(('the scan finds the messages of tools/ (more than 50)', len(cli_calls) > 50, ''))
    missing = sorted({(f, n, fmt) for f, n, fmt in cli_calls if fmt not in cli_entries},
                     key=lambda t: t[2])
    tests.append(('every message of the command has its Chinese', not missing,
                  '\n'.join(f'{f}:{n}: no Chinese for "{fmt}"' for f, n, fmt in missing)))
    wrong = [(en, zh) for en, zh in cli_entries.items()
             if argument_kinds(en) != argument_kinds(zh) or not CJK.search(zh)]
    tests.append(('each Chinese of the command takes the same arguments', not wrong,
                  '\n'.join(f'"{en}" -> "{zh}"' for en, zh in wrong)))
    unused = sorted(set(cli_entries) - {fmt for _, _, fmt in cli_calls})
    tests.append(('the command\'s catalog has no entry nobody uses', not unused,
                  '\n'.join(unused)))
    print(f'1..{len(tests)}')
    failed = 0
    for i, (name, ok, detail) in enumerate(tests, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {name}')
        if not ok:
            failed += 1
            for line in detail.splitlines()[:40]:
                print(f'# {line}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
