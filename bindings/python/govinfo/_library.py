"""Finds and loads libgovinfo and declares the prototype of every function the binding calls.

Nothing here has logic of its own: it is the C API as ctypes sees it. Adding a function is
one entry in PROTOTYPES.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
from typing import TYPE_CHECKING, Dict, Iterator, List, Optional, Tuple, Type, cast

__all__ = ["lib", "library_path", "ErrorRecord", "NUMBER_BUFSIZE"]

SONAME = "libgovinfo.so.0"
# The binding calls functions that exist from this version on; same major only.
MINIMUM_VERSION = (0, 1, 0)
NUMBER_BUFSIZE = 32  # GOVINFO_NUMBER_BUFSIZE of report.h
VALIDATE_OPTIONS_VERSION = 1  # GOVINFO_VALIDATE_OPTIONS_VERSION of validate.h
VALIDATE_STRICT = 0x1  # GOVINFO_VALIDATE_STRICT of validate.h

if TYPE_CHECKING:
    # What the type checker knows of a handle (govinfo_report *, ...): a pointer to an
    # opaque struct. Each kind has its own pointer type at run time (see _opaque).
    Handle = ctypes._Pointer[ctypes.Structure]


class ErrorRecord(ctypes.Structure):
    """struct govinfo_error of common.h, field for field (library-owned: never allocate one)."""
    _fields_ = [
        ("code", ctypes.c_int),
        ("message", ctypes.c_char_p),
        ("source", ctypes.c_char_p),
        ("line", ctypes.c_uint),
        ("column", ctypes.c_uint),
        ("offset", ctypes.c_size_t),
        ("path", ctypes.c_char_p),
        ("message_zh", ctypes.c_char_p),
    ]


def _opaque(name: str) -> Type[Handle]:
    """A pointer type to an incomplete struct, so ctypes refuses a handle of the wrong kind."""
    return ctypes.POINTER(cast(Type[ctypes.Structure], type(name, (ctypes.Structure,), {})))


Report = _opaque("govinfo_report")
Format = _opaque("govinfo_format")
SectionDef = _opaque("govinfo_section_def")
Table = _opaque("govinfo_table")
Row = _opaque("govinfo_row")
Column = _opaque("govinfo_column")
Rule = _opaque("govinfo_rule")
Diagnostics = _opaque("govinfo_diagnostics")
Diagnostic = _opaque("govinfo_diagnostic")
Batch = _opaque("govinfo_batch")
BatchItem = _opaque("govinfo_batch_item")
Rows = _opaque("govinfo_rows")
Exporter = _opaque("govinfo_exporter")
Comparison = _opaque("govinfo_comparison")
Pairing = _opaque("govinfo_pairing")
Suppressions = _opaque("govinfo_suppressions")


class ValidateOptions(ctypes.Structure):
    """struct govinfo_validate_options of validate.h (version 1)."""
    _fields_ = [("version", ctypes.c_uint), ("flags", ctypes.c_uint),
                ("enable", ctypes.POINTER(ctypes.c_char_p)),
                ("disable", ctypes.POINTER(ctypes.c_char_p))]


ValidateOptions.__name__ = "govinfo_validate_options"


class ImportOptions(ctypes.Structure):
    """struct govinfo_import_options of import.h (version 2)."""
    _fields_ = [("version", ctypes.c_uint), ("kind", ctypes.c_int),
                ("source_name", ctypes.c_char_p), ("pdftotext", ctypes.c_char_p),
                ("max_input_bytes", ctypes.c_size_t)]


ImportOptions.__name__ = "govinfo_import_options"


class BatchOptions(ctypes.Structure):
    """struct govinfo_batch_options of batch.h (version 2; `suppress` is a
    govinfo_suppressions *)."""
    _fields_ = [("version", ctypes.c_uint), ("jobs", ctypes.c_uint), ("action", ctypes.c_int),
                ("flags", ctypes.c_uint), ("import_", ctypes.POINTER(ImportOptions)),
                ("validate", ctypes.POINTER(ValidateOptions)), ("window", ctypes.c_size_t),
                ("suppress", Suppressions)]


BatchOptions.__name__ = "govinfo_batch_options"


class ExportOptions(ctypes.Structure):
    """struct govinfo_export_options of export.h (version 1)."""
    _fields_ = [("version", ctypes.c_uint), ("format", ctypes.c_int), ("flags", ctypes.c_uint)]


ExportOptions.__name__ = "govinfo_export_options"


class CompareOptions(ctypes.Structure):
    """struct govinfo_compare_options of analysis.h (version 1, EXPERIMENTAL)."""
    _fields_ = [("version", ctypes.c_uint), ("flags", ctypes.c_uint),
                ("reuse_min_run", ctypes.c_uint), ("reuse_percent", ctypes.c_uint),
                ("reuse_sections", ctypes.POINTER(ctypes.c_char_p)),
                ("jump_factor", ctypes.c_uint), ("jump_min_base", ctypes.c_uint)]


CompareOptions.__name__ = "govinfo_compare_options"


class PairingOptions(ctypes.Structure):
    """struct govinfo_pairing_options of analysis.h (version 1, EXPERIMENTAL)."""
    _fields_ = [("version", ctypes.c_uint), ("flags", ctypes.c_uint)]


PairingOptions.__name__ = "govinfo_pairing_options"


class SumOptions(ctypes.Structure):
    """struct govinfo_sum_options of analysis.h (version 1, EXPERIMENTAL)."""
    _fields_ = [("version", ctypes.c_uint), ("flags", ctypes.c_uint),
                ("organ", ctypes.c_char_p)]


SumOptions.__name__ = "govinfo_sum_options"

class RenderOptions(ctypes.Structure):
    """struct govinfo_render_options of render.h (version 1)."""
    _fields_ = [("version", ctypes.c_uint), ("format", ctypes.c_int), ("flags", ctypes.c_uint),
                ("findings", ctypes.c_void_p)]


RenderOptions.__name__ = "govinfo_render_options"

P = ctypes.POINTER

c_int, c_uint, c_size_t = ctypes.c_int, ctypes.c_uint, ctypes.c_size_t
c_int64, c_char_p, c_void_p = ctypes.c_int64, ctypes.c_char_p, ctypes.c_void_p
# Strings the caller must release with govinfo_free come back through char ** out-parameters
# declared as void ** (never c_char_p, which would copy and lose the pointer).
OwnedString = P(c_void_p)
# Enums (govinfo_syntax, govinfo_severity, ...) are int.
c_enum = ctypes.c_int

# name: (restype, argtypes). Borrowed and static strings are c_char_p (copied to bytes).
PROTOTYPES: Dict[str, Tuple[Optional[type], List[type]]] = {
    # common.h
    "govinfo_error_last": (P(ErrorRecord), []),
    "govinfo_error_clear": (None, []),
    "govinfo_strerror": (c_char_p, [c_int]),
    "govinfo_error_name": (c_char_p, [c_int]),
    "govinfo_free": (None, [c_void_p]),
    "govinfo_version_string": (c_char_p, []),
    "govinfo_version_number": (c_int, []),
    "govinfo_error_format": (c_int, [OwnedString, P(c_size_t), P(ErrorRecord), c_char_p, c_uint]),
    "govinfo_suggest": (c_char_p, [c_char_p, P(c_char_p)]),
    # format.h
    "govinfo_format_count": (c_size_t, []),
    "govinfo_format_at": (Format, [c_size_t]),
    "govinfo_format_find": (Format, [c_char_p]),
    "govinfo_format_for_year": (Format, [c_int]),
    "govinfo_format_id": (c_char_p, [Format]),
    "govinfo_format_name": (c_char_p, [Format]),
    "govinfo_format_first_year": (c_int, [Format]),
    "govinfo_format_last_year": (c_int, [Format]),
    "govinfo_format_covers_year": (c_int, [Format, c_int]),
    "govinfo_format_section_count": (c_size_t, [Format]),
    "govinfo_format_section_at": (SectionDef, [Format, c_size_t]),
    "govinfo_format_section_find": (SectionDef, [Format, c_char_p]),
    "govinfo_section_def_id": (c_char_p, [SectionDef]),
    "govinfo_section_def_title": (c_char_p, [SectionDef]),
    "govinfo_section_def_variant_count": (c_size_t, [SectionDef]),
    "govinfo_section_def_variant_at": (c_char_p, [SectionDef, c_size_t]),
    "govinfo_format_table_count": (c_size_t, [Format]),
    "govinfo_format_table_at": (Table, [Format, c_size_t]),
    "govinfo_format_table_find": (Table, [Format, c_char_p]),
    "govinfo_table_id": (c_char_p, [Table]),
    "govinfo_table_title": (c_char_p, [Table]),
    "govinfo_table_section": (c_char_p, [Table]),
    "govinfo_table_row_count": (c_size_t, [Table]),
    "govinfo_table_row_at": (Row, [Table, c_size_t]),
    "govinfo_table_row_find": (Row, [Table, c_char_p]),
    "govinfo_row_id": (c_char_p, [Row]),
    "govinfo_row_label": (c_char_p, [Row]),
    "govinfo_row_parent": (c_char_p, [Row]),
    "govinfo_row_role_of": (c_enum, [Row]),
    "govinfo_table_column_count": (c_size_t, [Table]),
    "govinfo_table_column_at": (Column, [Table, c_size_t]),
    "govinfo_table_column_find": (Column, [Table, c_char_p]),
    "govinfo_column_id": (c_char_p, [Column]),
    "govinfo_column_label": (c_char_p, [Column]),
    "govinfo_column_kind": (c_enum, [Column]),
    # report.h
    "govinfo_report_new": (c_int, [P(Report), c_char_p]),
    "govinfo_report_new_template": (c_int, [P(Report), c_char_p, c_int, c_char_p]),
    "govinfo_report_copy": (c_int, [P(Report), Report]),
    "govinfo_report_free": (None, [Report]),
    "govinfo_report_equal": (c_int, [Report, Report]),
    "govinfo_report_format": (Format, [Report]),
    "govinfo_report_origin": (c_char_p, [Report]),
    "govinfo_report_organ": (c_char_p, [Report]),
    "govinfo_report_set_organ": (c_int, [Report, c_char_p]),
    "govinfo_report_title": (c_char_p, [Report]),
    "govinfo_report_set_title": (c_int, [Report, c_char_p]),
    "govinfo_report_published": (c_char_p, [Report]),
    "govinfo_report_set_published": (c_int, [Report, c_char_p]),
    "govinfo_report_division_code": (c_char_p, [Report]),
    "govinfo_report_set_division_code": (c_int, [Report, c_char_p]),
    "govinfo_report_source": (c_char_p, [Report]),
    "govinfo_report_set_source": (c_int, [Report, c_char_p]),
    "govinfo_report_source_sha256": (c_char_p, [Report]),
    "govinfo_report_set_source_sha256": (c_int, [Report, c_char_p]),
    "govinfo_report_preface": (c_char_p, [Report]),
    "govinfo_report_set_preface": (c_int, [Report, c_char_p]),
    "govinfo_report_year": (c_int, [Report]),
    "govinfo_report_set_year": (c_int, [Report, c_int]),
    "govinfo_report_section_count": (c_size_t, [Report]),
    "govinfo_report_section_id_at": (c_char_p, [Report, c_size_t]),
    "govinfo_report_section_title_at": (c_char_p, [Report, c_size_t]),
    "govinfo_report_section_text_at": (c_char_p, [Report, c_size_t]),
    "govinfo_report_section_text": (c_char_p, [Report, c_char_p]),
    "govinfo_report_set_section": (c_int, [Report, c_char_p, c_char_p, c_char_p]),
    "govinfo_report_remove_section": (c_int, [Report, c_char_p]),
    "govinfo_report_cell_state": (c_int, [Report, c_char_p, P(c_enum)]),
    "govinfo_report_get_int": (c_int, [Report, c_char_p, P(c_int64)]),
    "govinfo_report_get_number": (c_int, [Report, c_char_p, c_char_p, c_size_t]),
    "govinfo_report_get_mark": (c_int, [Report, c_char_p, P(c_char_p)]),
    "govinfo_report_set_int": (c_int, [Report, c_char_p, c_int64]),
    "govinfo_report_set_number": (c_int, [Report, c_char_p, c_char_p]),
    "govinfo_report_set_blank": (c_int, [Report, c_char_p]),
    "govinfo_report_set_mark": (c_int, [Report, c_char_p, c_char_p]),
    "govinfo_report_clear_cell": (c_int, [Report, c_char_p]),
    # validate.h
    "govinfo_rule_count": (c_size_t, []),
    "govinfo_rule_at": (Rule, [c_size_t]),
    "govinfo_rule_find": (Rule, [c_char_p]),
    "govinfo_rule_id": (c_char_p, [Rule]),
    "govinfo_rule_severity": (c_enum, [Rule]),
    "govinfo_rule_description": (c_char_p, [Rule]),
    "govinfo_rule_description_en": (c_char_p, [Rule]),
    "govinfo_rule_applies_to": (c_int, [Rule, Format]),
    "govinfo_severity_name": (c_char_p, [c_enum]),
    "govinfo_report_validate": (c_int, [P(Diagnostics), Report]),
    "govinfo_validate_options_init": (c_int, [P(ValidateOptions), c_uint]),
    "govinfo_report_validate_with": (c_int, [P(Diagnostics), Report, P(ValidateOptions)]),
    "govinfo_diagnostic_format": (c_int, [OwnedString, P(c_size_t), Diagnostic, c_char_p,
                                          c_uint]),
    "govinfo_diagnostics_free": (None, [Diagnostics]),
    "govinfo_diagnostics_count": (c_size_t, [Diagnostics]),
    "govinfo_diagnostics_at": (Diagnostic, [Diagnostics, c_size_t]),
    "govinfo_diagnostics_count_severity": (c_size_t, [Diagnostics, c_enum]),
    "govinfo_diagnostics_to_json": (c_int, [OwnedString, P(c_size_t), Diagnostics]),
    "govinfo_diagnostic_rule": (c_char_p, [Diagnostic]),
    "govinfo_diagnostic_severity": (c_enum, [Diagnostic]),
    "govinfo_diagnostic_message": (c_char_p, [Diagnostic]),
    "govinfo_diagnostic_message_en": (c_char_p, [Diagnostic]),
    "govinfo_diagnostic_path_count": (c_size_t, [Diagnostic]),
    "govinfo_diagnostic_path_at": (c_char_p, [Diagnostic, c_size_t]),
    "govinfo_diagnostic_expected": (c_char_p, [Diagnostic]),
    "govinfo_diagnostic_actual": (c_char_p, [Diagnostic]),
    "govinfo_diagnostic_file": (c_char_p, [Diagnostic]),
    "govinfo_diagnostic_line": (c_uint, [Diagnostic]),
    "govinfo_diagnostic_column": (c_uint, [Diagnostic]),
    "govinfo_diagnostic_fingerprint": (c_char_p, [Diagnostic]),
    # io.h
    "govinfo_report_parse": (c_int, [P(Report), c_char_p, c_size_t, c_enum, c_char_p]),
    "govinfo_report_load": (c_int, [P(Report), c_char_p, c_enum]),
    "govinfo_report_serialize": (c_int, [OwnedString, P(c_size_t), Report, c_enum, c_uint]),
    "govinfo_report_save": (c_int, [Report, c_char_p, c_enum, c_uint]),
    "govinfo_syntax_from_path": (c_enum, [c_char_p]),
    "govinfo_write_file_atomic": (c_int, [c_char_p, c_char_p, c_size_t]),
    # import.h
    "govinfo_import": (c_int, [P(Report), P(Diagnostics), c_char_p, c_size_t, c_enum, c_char_p]),
    "govinfo_import_file": (c_int, [P(Report), P(Diagnostics), c_char_p]),
    "govinfo_import_options_init": (c_int, [P(ImportOptions), c_uint]),
    "govinfo_import_with": (c_int, [P(Report), P(Diagnostics), c_char_p, c_size_t,
                                    P(ImportOptions)]),
    "govinfo_import_file_with": (c_int, [P(Report), P(Diagnostics), c_char_p, P(ImportOptions)]),
    # batch.h (EXPERIMENTAL)
    "govinfo_batch_options_init": (c_int, [P(BatchOptions), c_uint]),
    "govinfo_batch_new": (c_int, [P(Batch), P(c_char_p), c_size_t, P(BatchOptions)]),
    "govinfo_batch_free": (None, [Batch]),
    "govinfo_batch_total": (c_size_t, [Batch]),
    "govinfo_batch_jobs": (c_uint, [Batch]),
    "govinfo_batch_next": (c_int, [P(BatchItem), Batch]),
    "govinfo_batch_item_free": (None, [BatchItem]),
    "govinfo_batch_item_index": (c_size_t, [BatchItem]),
    "govinfo_batch_item_path": (c_char_p, [BatchItem]),
    "govinfo_batch_item_relative_path": (c_char_p, [BatchItem]),
    "govinfo_batch_item_name": (c_char_p, [BatchItem]),
    "govinfo_batch_item_status": (c_int, [BatchItem]),
    "govinfo_batch_item_error": (P(ErrorRecord), [BatchItem]),
    "govinfo_batch_item_format_error": (c_int, [OwnedString, P(c_size_t), BatchItem, c_uint]),
    "govinfo_batch_item_report": (Report, [BatchItem]),
    "govinfo_batch_item_take_report": (c_int, [P(Report), BatchItem]),
    "govinfo_batch_item_findings": (Diagnostics, [BatchItem]),
    "govinfo_batch_item_import_findings": (Diagnostics, [BatchItem]),
    "govinfo_batch_item_sha256": (c_char_p, [BatchItem]),
    # export.h (EXPERIMENTAL)
    "govinfo_rows_column_count": (c_size_t, []),
    "govinfo_rows_column_name": (c_char_p, [c_size_t]),
    "govinfo_report_rows": (c_int, [P(Rows), Report, c_char_p]),
    "govinfo_rows_free": (None, [Rows]),
    "govinfo_rows_count": (c_size_t, [Rows]),
    "govinfo_rows_value": (c_char_p, [Rows, c_size_t, c_size_t]),
    "govinfo_export_options_init": (c_int, [P(ExportOptions), c_uint]),
    "govinfo_export_format_from_path": (c_enum, [c_char_p]),
    "govinfo_exporter_open": (c_int, [P(Exporter), c_char_p, P(ExportOptions)]),
    "govinfo_exporter_add": (c_int, [Exporter, Report, Diagnostics, c_char_p, c_char_p,
                                     P(c_int)]),
    "govinfo_exporter_commit": (c_int, [Exporter]),
    "govinfo_exporter_free": (None, [Exporter]),
    # analysis.h (EXPERIMENTAL)
    "govinfo_compare_options_init": (c_int, [P(CompareOptions), c_uint]),
    "govinfo_compare": (c_int, [P(Comparison), Report, Report, P(CompareOptions)]),
    "govinfo_comparison_free": (None, [Comparison]),
    "govinfo_comparison_findings": (Diagnostics, [Comparison]),
    "govinfo_comparison_section_count": (c_size_t, [Comparison]),
    "govinfo_comparison_section_id": (c_char_p, [Comparison, c_size_t]),
    "govinfo_comparison_section_chars": (c_size_t, [Comparison, c_size_t]),
    "govinfo_comparison_section_reused": (c_size_t, [Comparison, c_size_t]),
    "govinfo_comparison_to_json": (c_int, [OwnedString, P(c_size_t), Comparison]),
    "govinfo_pairing_options_init": (c_int, [P(PairingOptions), c_uint]),
    "govinfo_pairing_new": (c_int, [P(Pairing), P(Report), c_size_t, P(PairingOptions)]),
    "govinfo_pairing_free": (None, [Pairing]),
    "govinfo_pairing_pair_count": (c_size_t, [Pairing]),
    "govinfo_pairing_pair_at": (c_int, [Pairing, c_size_t, P(c_size_t), P(c_size_t)]),
    "govinfo_pairing_ambiguous_count": (c_size_t, [Pairing]),
    "govinfo_pairing_ambiguous_size": (c_size_t, [Pairing, c_size_t]),
    "govinfo_pairing_ambiguous_member": (c_size_t, [Pairing, c_size_t, c_size_t]),
    "govinfo_pairing_unpaired_count": (c_size_t, [Pairing]),
    "govinfo_pairing_unpaired_at": (c_size_t, [Pairing, c_size_t]),
    "govinfo_pairing_body": (c_char_p, [Pairing, c_size_t]),
    "govinfo_sum_options_init": (c_int, [P(SumOptions), c_uint]),
    "govinfo_sum": (c_int, [P(Report), P(Diagnostics), P(Report), c_size_t, P(SumOptions)]),
    "govinfo_sum_against": (c_int, [P(Diagnostics), Report, Report]),
    # suppress.h (EXPERIMENTAL)
    "govinfo_suppressions_new": (c_int, [P(Suppressions)]),
    "govinfo_suppressions_parse": (c_int, [P(Suppressions), c_char_p, c_size_t, c_char_p]),
    "govinfo_suppressions_load": (c_int, [P(Suppressions), c_char_p]),
    "govinfo_suppressions_free": (None, [Suppressions]),
    "govinfo_suppressions_count": (c_size_t, [Suppressions]),
    "govinfo_suppression_fingerprint": (c_char_p, [Suppressions, c_size_t]),
    "govinfo_suppression_reason": (c_char_p, [Suppressions, c_size_t]),
    "govinfo_suppression_file": (c_char_p, [Suppressions, c_size_t]),
    "govinfo_suppression_uses": (c_size_t, [Suppressions, c_size_t]),
    "govinfo_suppressions_apply": (c_int, [P(Diagnostics), Suppressions, Diagnostics, c_char_p]),
    "govinfo_diagnostics_suppressed": (c_size_t, [Diagnostics]),
    "govinfo_suppressions_check": (c_int, [P(Diagnostics), Suppressions]),
    "govinfo_suppressions_add": (c_int, [Suppressions, Diagnostics, c_char_p, c_uint]),
    "govinfo_suppressions_serialize": (c_int, [OwnedString, P(c_size_t), Suppressions]),
    # render.h (EXPERIMENTAL)
    "govinfo_render_options_init": (c_int, [P(RenderOptions), c_uint]),
    "govinfo_report_render": (c_int, [OwnedString, P(c_size_t), Report, P(RenderOptions)]),
    "govinfo_report_render_file": (c_int, [c_char_p, Report, P(RenderOptions)]),
}


def _candidates() -> Iterator[Tuple[str, Optional[str]]]:
    """Where to look, in order, as (description, name or path to dlopen)."""
    env = os.environ.get("GOVINFO_LIBRARY")
    if env:
        yield "$GOVINFO_LIBRARY", env
    here = os.path.dirname(os.path.abspath(__file__))
    for name in (SONAME, "libgovinfo.so"):
        yield "next to the package", os.path.join(here, name)
    found = ctypes.util.find_library("govinfo")
    if found:
        yield "ctypes.util.find_library('govinfo')", found
    else:
        yield "ctypes.util.find_library('govinfo')", None
    yield "the versioned soname", SONAME


def _load() -> Tuple[ctypes.CDLL, str]:
    tried: List[str] = []
    for where, name in _candidates():
        if name is None:
            tried.append(f"{where}: not found")
            continue
        if os.sep in name and not os.path.exists(name):
            tried.append(f"{where} ({name}): no such file")
            continue
        try:
            return ctypes.CDLL(name), name
        except OSError as e:
            tried.append(f"{where} ({name}): {e}")
    raise ImportError("govinfo: cannot load libgovinfo; tried:\n  " + "\n  ".join(tried) +
                      "\nSet GOVINFO_LIBRARY to the path of libgovinfo.so.0.")


def _declare(library: ctypes.CDLL) -> None:
    for name, (restype, argtypes) in PROTOTYPES.items():
        try:
            function = getattr(library, name)
        except AttributeError:
            raise ImportError(f"govinfo: {library._name} has no function {name}; "
                              "the library is older than this binding") from None
        function.restype = restype
        function.argtypes = argtypes


def _check_version(library: ctypes.CDLL, path: str) -> None:
    library.govinfo_version_number.restype = ctypes.c_int
    library.govinfo_version_number.argtypes = []
    number = library.govinfo_version_number()
    found = (number // 10000, number // 100 % 100, number % 100)
    if found[0] != MINIMUM_VERSION[0] or found < MINIMUM_VERSION:
        raise ImportError(f"govinfo: {path} is libgovinfo {'.'.join(map(str, found))}; this "
                          f"binding needs {MINIMUM_VERSION[0]}.x from "
                          f"{'.'.join(map(str, MINIMUM_VERSION))} on")


lib, library_path = _load()
_check_version(lib, library_path)
_declare(lib)
