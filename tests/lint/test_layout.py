#!/usr/bin/python3
"""The shape of lib/: one folder per concern, no include circle, no file over 700 lines, every
source in lib/meson.build. TAP on stdout."""
import os
import re
import sys

ROOT = os.environ.get('GOVINFO_SOURCE_ROOT') or os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
LIB = os.path.join(ROOT, 'lib')
MAX_LINES = 700
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def lib_files():
    for folder, _, names in os.walk(LIB):
        for name in sorted(names):
            if name.endswith(('.c', '.h')):
                yield os.path.relpath(os.path.join(folder, name), LIB)


def includes(rel):
    """The lib/ files a file includes: by path from lib/, or beside it."""
    with open(os.path.join(LIB, rel), encoding='utf-8') as f:
        text = f.read()
    found = []
    for name in INCLUDE.findall(text):
        beside = os.path.normpath(os.path.join(os.path.dirname(rel), name))
        if os.path.exists(os.path.join(LIB, beside)):
            found.append(beside)
        elif os.path.exists(os.path.join(LIB, name)):
            found.append(os.path.normpath(name))
    return found


def find_cycle(graph):
    """A list of files forming an include circle, or None."""
    state = {}

    def visit(node, stack):
        state[node] = 'open'
        stack.append(node)
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 'open':
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                cycle = visit(nxt, stack)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 'done'
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node, [])
            if cycle:
                return cycle
    return None


def main():
    files = list(lib_files())
    results = []
    graph = {f: includes(f) for f in files}
    cycle = find_cycle(graph)
    results.append((cycle is None, 'no include circle among lib/ files',
                    ' -> '.join(cycle) if cycle else ''))
    for f in files:
        if not f.endswith('.c'):
            continue
        with open(os.path.join(LIB, f), encoding='utf-8') as fh:
            n = sum(1 for _ in fh)
        results.append((n <= MAX_LINES, f'lib/{f} has at most {MAX_LINES} lines', f'{n} lines'))
    with open(os.path.join(LIB, 'meson.build'), encoding='utf-8') as f:
        listed = set(re.findall(r"'([\w/]+\.c)'", f.read()))
    for f in files:
        if f.endswith('.c'):
            results.append((f in listed, f'lib/{f} is built (listed in lib/meson.build)', ''))
    flat = [f for f in files if '/' not in f]
    results.append((not flat, 'every lib/ source is in a folder of its concern', ' '.join(flat)))
    print(f'1..{len(results)}')
    failed = 0
    for i, (ok, name, why) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} - {name}' + ('' if ok or not why else f': {why}'))
        failed += not ok
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
