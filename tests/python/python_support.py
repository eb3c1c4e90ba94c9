"""Shared by the Python binding's tests: paths, and facts read without the library.

Environment (set by tests/python/meson.build): GOVINFO_SOURCE_ROOT, GOVINFO_LIBRARY,
GOVINFO_CLI; PYTHONPATH holds bindings/python and tests/.
"""
import decimal
import os
import subprocess
import sys

import yaml

ROOT = os.environ.get("GOVINFO_SOURCE_ROOT",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
REPORTS = os.path.join(ROOT, "examples", "reports")
EXAMPLE_REPORTS = sorted(os.path.join(REPORTS, name) for name in os.listdir(REPORTS)
                         if name.endswith(".yaml"))
SUIBIN = os.path.join(REPORTS, "suibin-2020.yaml")
HUAIAN = os.path.join(REPORTS, "huaian-2024.yaml")
PACKAGE_DIR = os.path.join(ROOT, "bindings", "python")
CLI = os.environ.get("GOVINFO_CLI")
SANITIZED = bool(os.environ.get("GOVINFO_TEST_SANITIZER"))
UNDER_VALGRIND = bool(os.environ.get("GOVINFO_TEST_VALGRIND"))


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def plain_cells(document):
    """{cell id: value} of a document read by PyYAML/json (numbers as int or Decimal)."""
    cells = {}
    for table, rows in (document.get("tables") or {}).items():
        for row, columns in rows.items():
            for column, value in columns.items():
                if isinstance(value, float):
                    value = decimal.Decimal(repr(value))
                cells[f"{table}.{row}.{column}"] = value
    return cells


def yaml_document(path):
    return yaml.safe_load(read_text(path))


def run_python(code_or_args, env=None, cwd=None):
    """Runs /usr/bin/python3 (-c code, or a list of arguments); text CompletedProcess."""
    args = ["-c", code_or_args] if isinstance(code_or_args, str) else list(code_or_args)
    return subprocess.run([sys.executable, *args], env=env, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, encoding="utf-8",
                          stdin=subprocess.DEVNULL)
