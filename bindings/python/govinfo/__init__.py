"""libgovinfo from Python: 政府信息公开工作年度报告 — load, validate, edit and write reports.

A thin ctypes layer over the library's public C API::

    import govinfo
    with govinfo.Report.load("examples/reports/huaian-2024.yaml") as report:
        result = report.validate()
        print(report.organ, result.valid, report["table3.new_received.total"])

The library is found through $GOVINFO_LIBRARY, then next to this package, then
ctypes.util.find_library("govinfo"), then the soname libgovinfo.so.0.
"""
from __future__ import annotations

from ._library import library_path
from ._library import lib as _lib
from .errors import (GovinfoError, InputOutputError, InvalidArgumentError, NotFoundError,
                     OutOfMemoryError, OutOfRangeError, ParseError, SchemaError,
                     ValidationError, ValueTypeError)
from .formats import (ColumnDef, Format, Rule, RowDef, SectionDef, TableDef, find_format,
                      find_rule, format_for_year, formats, rules)
from .importer import import_file, import_text
from .corpus import frame_columns, import_many, load_many, to_frame
from .report import Diagnostic, Report, Section, ValidationResult
# Across reports (EXPERIMENTAL): govinfo.compare, govinfo.pair, govinfo.sum
from .analysis import (Comparison, Pairing, SectionReuse, compare, pair, sum_against,
                       sum_reports)
from .review import Suppression, Suppressions

__version__ = "0.1.0"

__all__ = [
    "Report", "Section", "Diagnostic", "ValidationResult",
    "Suppressions", "Suppression",
    "Format", "SectionDef", "TableDef", "RowDef", "ColumnDef", "Rule",
    "formats", "find_format", "format_for_year", "rules", "find_rule",
    "GovinfoError", "OutOfMemoryError", "InvalidArgumentError", "InputOutputError",
    "ParseError", "SchemaError", "NotFoundError", "ValueTypeError", "OutOfRangeError",
    "ValidationError",
    "load", "loads", "import_text", "import_file", "library_version", "library_path",
    "compare", "Comparison", "SectionReuse", "pair", "Pairing", "sum", "sum_reports",
    "sum_against",
    "load_many", "import_many", "to_frame", "frame_columns",
]

load = Report.load
loads = Report.loads
sum = sum_reports  # govinfo.sum(parts, organ): shadows the builtin only as an attribute


def library_version() -> str:
    """The loaded library's version string, e.g. "0.1.0"."""
    version: bytes = _lib.govinfo_version_string()
    return version.decode()
