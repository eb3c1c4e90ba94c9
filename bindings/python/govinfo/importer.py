"""Importing published reports (include/govinfo/import.h): text, Markdown, HTML or PDF."""
from __future__ import annotations

import ctypes
from typing import Optional, Tuple, Union

from . import _library as native
from ._library import lib
from .errors import check
from .report import PathArg, Report, ValidationResult, _cpath, _cstr

__all__ = ["import_text", "import_file", "INPUT_KINDS"]

# govinfo_input_kind
INPUT_KINDS = {"auto": 0, "text": 1, "markdown": 2, "html": 3, "tsv": 4, "docx": 5, "xlsx": 6}


def _kind(kind: str) -> int:
    try:
        return INPUT_KINDS[kind]
    except (KeyError, TypeError):
        raise ValueError(f"kind must be one of {', '.join(INPUT_KINDS)}, not {kind!r}") from None


def import_text(data: Union[bytes, bytearray, memoryview, str], kind: str = "auto",
                source_name: Optional[str] = None) -> Tuple[Report, ValidationResult]:
    """Imports a published report from its text (bytes or str: pdftotext output, Markdown,
    HTML). Returns (report, findings): the Report and, as one ValidationResult, the import
    findings ("import.*") followed by those of validating the imported report, so
    ``findings.valid`` (and its truth value) is False when a figure does not add up, as the
    CLI's exit status says. Cells that could not be read with certainty are absent and named
    by an import.cell_unread finding."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    elif not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
    data = bytes(data)
    handle, found = native.Report(), native.Diagnostics()
    check(lib.govinfo_import(ctypes.byref(handle), ctypes.byref(found), data, len(data),
                             _kind(kind), _cstr(source_name, "source_name")))
    report = Report._wrap(handle)
    return report, ValidationResult(found, then=report.validate())


def import_file(path: PathArg) -> Tuple[Report, ValidationResult]:
    """Imports a file: a PDF through pdftotext (poppler-utils), anything else as
    import_text() does. Returns (report, findings): import and validation findings, as
    import_text()."""
    handle, found = native.Report(), native.Diagnostics()
    check(lib.govinfo_import_file(ctypes.byref(handle), ctypes.byref(found), _cpath(path)))
    report = Report._wrap(handle)
    return report, ValidationResult(found, then=report.validate())
