"""Report, its findings and its sections: the C report API as Python objects."""
from __future__ import annotations

import ctypes
import datetime
import decimal
import json
import os
import weakref
from dataclasses import dataclass, field
from typing import (TYPE_CHECKING, Any, Callable, Dict, Iterable, Iterator, List, Optional,
                    Tuple, TypeVar, Union, overload)

from . import _library as native
from ._library import lib
from .errors import ValidationError, check

if TYPE_CHECKING:
    from ._library import Handle

# What a file name may be: as os.fsencode takes it.
PathArg = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
# A cell's value: a number (int, or Decimal with a fraction), None for blank, str for a mark.
CellValue = Union[int, decimal.Decimal, str, None]
_T = TypeVar("_T")

__all__ = ["Report", "Section", "Diagnostic", "ValidationResult"]

_SYNTAX = {None: 0, "auto": 0, "json": 1, "yaml": 2}
_CELL_STATES = ("absent", "blank", "mark", "number")  # govinfo_cell_state, by value
_SEVERITY_ERROR, _SEVERITY_WARNING, _SEVERITY_NOTE = 2, 1, 0
_WRITE_LABELS = 0x1


def _syntax(name: Optional[str]) -> int:
    try:
        return _SYNTAX[name.lower() if isinstance(name, str) else name]
    except KeyError:
        raise ValueError(f"format must be 'json' or 'yaml', not {name!r}") from None


def _cstr(text: Optional[str], what: str = "string") -> Optional[bytes]:
    """UTF-8 bytes for a char * argument; None stays NULL. NUL would cut the text short."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise TypeError(f"{what} must be str, not {type(text).__name__}")
    if "\0" in text:
        raise ValueError(f"{what} contains a NUL character")
    return text.encode("utf-8")


def _cpath(path: PathArg) -> bytes:
    data = os.fsencode(path)
    if b"\0" in data:
        raise ValueError("path contains a NUL character")
    return data


@overload
def _str(raw: bytes) -> str: ...
@overload
def _str(raw: None) -> None: ...


def _str(raw: Optional[bytes]) -> Optional[str]:
    """Python text of a borrowed/static char *; None for NULL."""
    return None if raw is None else raw.decode("utf-8")


def _number(text: str) -> Union[int, decimal.Decimal]:
    """An exact decimal text as int when it has no fractional part, else Decimal."""
    return decimal.Decimal(text) if "." in text else int(text)


def _cint(value: int, what: str) -> int:
    """A Python int as a C int, saturated: the library then refuses what is out of range."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be int, not {type(value).__name__}")
    return max(-2**31, min(value, 2**31 - 1))


_FORMAT_EN = 0x1  # GOVINFO_FORMAT_EN


def _take_string(pointer: ctypes.c_void_p, length: int) -> str:
    """Copies a library-allocated buffer and releases it with govinfo_free."""
    try:
        return ctypes.string_at(pointer, length).decode("utf-8")
    finally:
        lib.govinfo_free(pointer)


@dataclass(frozen=True)
class Section:
    """One of the report's six parts as printed: id ("s1".."s6"), title and text."""
    id: str
    title: str
    text: str


@dataclass(frozen=True)
class Diagnostic:
    """One finding of validation.

    ``path`` is the JSON Pointer where it is located (the first of ``paths``); ``expected``
    and ``actual`` are the two sides of a failed identity (int or Decimal, None when the
    finding is not arithmetic); ``line`` and ``column`` are None when unknown.
    """
    rule: str
    severity: str                                # "error", "warning" or "note"
    path: str
    message: str                                 # Chinese
    message_en: str
    line: Optional[int]
    column: Optional[int]
    expected: Union[int, decimal.Decimal, None]
    actual: Union[int, decimal.Decimal, None]
    paths: Tuple[str, ...] = ()
    file: str = ""                               # "" when the report was built in memory
    fingerprint: str = ""                        # stable id for suppression files
    # As `govinfo validate` prints it, from the library's one formatter
    # (govinfo_diagnostic_format): "file:line:column: severity: message [rule]".
    text: str = field(default="", compare=False)
    text_en: str = field(default="", compare=False)

    def __str__(self) -> str:
        return self.text


def _formatted(item: Handle, flags: int) -> str:
    text = ctypes.c_void_p()
    length = ctypes.c_size_t()
    check(lib.govinfo_diagnostic_format(ctypes.byref(text), ctypes.byref(length), item, None,
                                        flags))
    return _take_string(text, length.value)


def _diagnostic(item: Handle) -> Diagnostic:
    paths = tuple(_str(lib.govinfo_diagnostic_path_at(item, i))
                  for i in range(lib.govinfo_diagnostic_path_count(item)))
    expected = lib.govinfo_diagnostic_expected(item)
    actual = lib.govinfo_diagnostic_actual(item)
    return Diagnostic(
        rule=_str(lib.govinfo_diagnostic_rule(item)),
        severity=_str(lib.govinfo_severity_name(lib.govinfo_diagnostic_severity(item))),
        path=paths[0] if paths else "",
        message=_str(lib.govinfo_diagnostic_message(item)),
        message_en=_str(lib.govinfo_diagnostic_message_en(item)),
        line=lib.govinfo_diagnostic_line(item) or None,
        column=lib.govinfo_diagnostic_column(item) or None,
        expected=None if expected is None else _number(expected.decode()),
        actual=None if actual is None else _number(actual.decode()),
        paths=paths,
        file=_str(lib.govinfo_diagnostic_file(item)) or "",
        fingerprint=_str(lib.govinfo_diagnostic_fingerprint(item)) or "",
        text=_formatted(item, 0),
        text_en=_formatted(item, _FORMAT_EN),
    )


class ValidationResult:
    """All findings of one validation, in the library's order. ``valid``: no errors; the
    truth value of a result is its validity (``if report.validate(): ...``)."""

    __slots__ = ("diagnostics", "error_count", "warning_count", "note_count",
                 "suppressed_count", "_found", "_finalizer", "_owner", "_then", "__weakref__")
    diagnostics: Tuple[Diagnostic, ...]
    error_count: int
    warning_count: int
    note_count: int
    suppressed_count: int  # findings a suppression file hid (Suppressions.apply)
    _found: Handle
    _finalizer: Optional[weakref.finalize]
    _owner: object
    _then: Optional[ValidationResult]

    def __init__(self, found: Handle, owner: Optional[Handle] = None,
                 borrowed_from: object = None,
                 then: Optional[ValidationResult] = None) -> None:
        """Takes ownership of a govinfo_diagnostics list (kept for to_json), or of the batch
        item `owner` the list belongs to; with `borrowed_from`, the list is borrowed from that
        object (a comparison), which is kept alive instead. `then`: findings of a later stage
        (the validation of an imported report), counted and listed after these."""
        self._found = found
        self._owner = borrowed_from
        self._then = then
        if borrowed_from is not None:
            self._finalizer = None
        elif owner is None:
            self._finalizer = weakref.finalize(self, lib.govinfo_diagnostics_free, found)
        else:
            self._finalizer = weakref.finalize(self, lib.govinfo_batch_item_free, owner)
        count = lib.govinfo_diagnostics_count(found)
        self.diagnostics = tuple(_diagnostic(lib.govinfo_diagnostics_at(found, i))
                                 for i in range(count))
        self.error_count = lib.govinfo_diagnostics_count_severity(found, _SEVERITY_ERROR)
        self.warning_count = lib.govinfo_diagnostics_count_severity(found, _SEVERITY_WARNING)
        self.note_count = lib.govinfo_diagnostics_count_severity(found, _SEVERITY_NOTE)
        self.suppressed_count = lib.govinfo_diagnostics_suppressed(found)
        if then is not None:
            self.diagnostics += then.diagnostics
            self.error_count += then.error_count
            self.warning_count += then.warning_count
            self.note_count += then.note_count

    @property
    def valid(self) -> bool:
        return self.error_count == 0

    def __bool__(self) -> bool:
        """True when valid: a result with errors is falsy, however many findings it has."""
        return self.valid

    def _of(self, severity: str) -> List[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == severity]

    @property
    def errors(self) -> List[Diagnostic]:
        return self._of("error")

    @property
    def warnings(self) -> List[Diagnostic]:
        return self._of("warning")

    @property
    def notes(self) -> List[Diagnostic]:
        return self._of("note")

    def to_json(self) -> str:
        """The findings as the library's JSON object (what `govinfo validate --json` prints)."""
        text = ctypes.c_void_p()
        length = ctypes.c_size_t()
        check(lib.govinfo_diagnostics_to_json(ctypes.byref(text), ctypes.byref(length),
                                              self._found))
        own = _take_string(text, length.value)
        if self._then is None:
            return own
        data = json.loads(own, parse_float=decimal.Decimal)
        later = json.loads(self._then.to_json(), parse_float=decimal.Decimal)
        for key in ("errors", "warnings", "notes"):
            data[key] += later[key]
        data["valid"] = data["errors"] == 0
        data["diagnostics"] += later["diagnostics"]
        return json.dumps(data, ensure_ascii=False, default=str)

    def to_dict(self) -> Dict[str, Any]:
        data: Dict[str, Any] = json.loads(self.to_json(), parse_float=decimal.Decimal)
        return data

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    @overload
    def __getitem__(self, index: int) -> Diagnostic: ...
    @overload
    def __getitem__(self, index: slice) -> Tuple[Diagnostic, ...]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[Diagnostic, Tuple[Diagnostic, ...]]:
        return self.diagnostics[index]

    def __repr__(self) -> str:
        return (f"<govinfo.ValidationResult valid={self.valid} errors={self.error_count} "
                f"warnings={self.warning_count} notes={self.note_count}>")


def _rule_ids(ids: Optional[Iterable[str]], what: str) -> Optional[Any]:
    """A NULL-terminated char *[] of rule ids, or None."""
    if ids is None:
        return None
    if isinstance(ids, str):
        ids = [ids]
    encoded = [_cstr(i, what) for i in ids]
    array = (ctypes.c_char_p * (len(encoded) + 1))(*encoded, None)
    return ctypes.cast(array, ctypes.POINTER(ctypes.c_char_p))


def _metadata(getter: str, setter: str, doc: str) -> property:
    get: Callable[..., Optional[bytes]] = getattr(lib, getter)
    put: Callable[..., int] = getattr(lib, setter)

    def fget(self: Report) -> Optional[str]:
        return _str(get(self._live()))

    def fset(self: Report, value: Optional[str]) -> None:
        check(put(self._live(), _cstr(value, setter[len("govinfo_report_set_"):])))

    def fdel(self: Report) -> None:
        check(put(self._live(), None))

    return property(fget, fset, fdel, doc)


class Report:
    """A report: metadata, sections and cells. Owns its C object; close() frees it.

    Cells by id: ``report["table3.new_received.total"]`` is an int or Decimal for a number,
    None for a blank cell, a str for a mark; an absent cell raises KeyError, as does an id
    the format does not have (NotFoundError). Assign an int, a Decimal, None (blank) or a
    str (a mark); ``del report[id]`` makes the cell absent.
    """

    __slots__ = ("_handle", "_finalizer", "__weakref__")
    _handle: Handle
    _finalizer: weakref.finalize

    def __init__(self, format_id: str) -> None:
        """A new, empty report of a format version ("2019", "2021")."""
        handle = native.Report()
        check(lib.govinfo_report_new(ctypes.byref(handle), _cstr(format_id, "format")))
        self._own(handle)

    @classmethod
    def _wrap(cls, handle: Handle) -> Report:
        report = cls.__new__(cls)
        report._own(handle)
        return report

    def _own(self, handle: Handle) -> None:
        self._handle = handle
        self._finalizer = weakref.finalize(self, lib.govinfo_report_free, handle)

    # --- construction -----------------------------------------------------------------

    @classmethod
    def load(cls, path: PathArg, format: Optional[str] = None) -> Report:
        """Reads a file; format "json" or "yaml", by default from the extension or content."""
        handle = native.Report()
        check(lib.govinfo_report_load(ctypes.byref(handle), _cpath(path), _syntax(format)))
        return cls._wrap(handle)

    @classmethod
    def loads(cls, data: Union[bytes, bytearray, memoryview, str], format: Optional[str] = None,
              source_name: Optional[str] = None) -> Report:
        """Reads a document from bytes or str; source_name names it in errors and findings."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        elif not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
        data = bytes(data)
        handle = native.Report()
        check(lib.govinfo_report_parse(ctypes.byref(handle), data, len(data), _syntax(format),
                                       _cstr(source_name, "source_name")))
        return cls._wrap(handle)

    @classmethod
    def template(cls, format: str, year: int, organ: Optional[str] = None) -> Report:
        """A report ready to fill in: official section titles, every data cell blank."""
        handle = native.Report()
        check(lib.govinfo_report_new_template(ctypes.byref(handle), _cstr(format, "format"),
                                              _cint(year, "year"), _cstr(organ, "organ")))
        return cls._wrap(handle)

    def copy(self) -> Report:
        handle = native.Report()
        check(lib.govinfo_report_copy(ctypes.byref(handle), self._live()))
        return self._wrap(handle)

    # --- life -------------------------------------------------------------------------

    def _live(self) -> Handle:
        if not self._finalizer.alive:
            raise ValueError("the report is closed")
        return self._handle

    def close(self) -> None:
        """Frees the C report; safe to call again. A closed report raises ValueError."""
        self._finalizer()

    @property
    def closed(self) -> bool:
        return not self._finalizer.alive

    def __enter__(self) -> Report:
        self._live()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ----------------------------------------------------------------------

    def dumps(self, format: str = "json", labels: bool = False) -> str:
        """The canonical JSON or YAML text (labels: YAML comments with the Chinese labels)."""
        syntax = _syntax(format)
        if syntax == 0:
            raise ValueError("dumps needs format 'json' or 'yaml'")
        text = ctypes.c_void_p()
        length = ctypes.c_size_t()
        check(lib.govinfo_report_serialize(ctypes.byref(text), ctypes.byref(length),
                                           self._live(), syntax,
                                           _WRITE_LABELS if labels else 0))
        return _take_string(text, length.value)

    def save(self, path: PathArg, format: Optional[str] = None, labels: bool = False) -> None:
        """Writes a file atomically; format by default from the extension."""
        check(lib.govinfo_report_save(self._live(), _cpath(path), _syntax(format),
                                      _WRITE_LABELS if labels else 0))

    def _render_options(self, format: str, findings: Union[bool, ValidationResult],
                        lang: str) -> native.RenderOptions:
        """EXPERIMENTAL. The options of render() and render_file()."""
        formats = {"html": 1, "md": 2, "markdown": 2, "xlsx": 3}
        if format not in formats:
            raise ValueError(f"unknown render format {format!r} (expected html, md or xlsx)")
        if lang not in ("zh", "en"):
            raise ValueError(f"unknown language {lang!r} (expected zh or en)")
        opts = native.RenderOptions()
        check(lib.govinfo_render_options_init(ctypes.byref(opts), 1))
        opts.format = formats[format]
        opts.flags = (0 if findings is not False else 1) | (2 if lang == "en" else 0)
        if isinstance(findings, ValidationResult):
            opts.findings = ctypes.cast(findings._found, ctypes.c_void_p)
        return opts

    def render(self, format: str = "html", findings: Union[bool, ValidationResult] = True,
               lang: str = "zh") -> str:
        """EXPERIMENTAL. The report as published, as HTML or Markdown ("html", "md"), in the
        official layout. findings: True shows the report's findings, False none (the clean
        copy), a ValidationResult those (e.g. filtered)."""
        opts = self._render_options(format, findings, lang)
        text = ctypes.c_void_p()
        length = ctypes.c_size_t()
        check(lib.govinfo_report_render(ctypes.byref(text), ctypes.byref(length), self._live(),
                                        ctypes.byref(opts)))
        return _take_string(text, length.value)

    def render_file(self, path: PathArg, format: Optional[str] = None,
                    findings: Union[bool, ValidationResult] = True, lang: str = "zh") -> None:
        """EXPERIMENTAL. Renders into a file, atomically; format ("html", "md", "xlsx") by
        default from the extension."""
        if format is None:
            ext = os.path.splitext(os.fsdecode(path))[1].lower()
            format = {".md": "md", ".markdown": "md", ".xlsx": "xlsx"}.get(ext, "html")
        opts = self._render_options(format, findings, lang)
        check(lib.govinfo_report_render_file(_cpath(path), self._live(), ctypes.byref(opts)))

    def to_dict(self, json_ready: bool = False) -> Dict[str, Any]:
        """The document as Python data (through the library's JSON); money stays Decimal.
        json_ready=True gives values json.dumps() takes as they are (money as float)."""
        data: Dict[str, Any] = (json.loads(self.dumps("json")) if json_ready else
                                json.loads(self.dumps("json"), parse_float=decimal.Decimal))
        return data

    def __reduce__(self) -> Tuple[Any, ...]:
        """Pickles through the canonical JSON (and the origin), so a report can be sent to
        other processes and machines: multiprocessing, dask workers. Cell locations (line and
        column in the file read) do not travel."""
        return (_unpickle, (self.dumps("json"), self.origin))

    # --- validation -------------------------------------------------------------------

    def validate(self, *, strict: bool = False, enable: Optional[Iterable[str]] = None,
                 disable: Optional[Iterable[str]] = None) -> ValidationResult:
        """Every finding of every rule of the report's format. strict: warnings are errors
        (for staff before they publish); enable: only these rule ids; disable: not these.
        An unknown rule id raises NotFoundError (with a suggestion)."""
        found = native.Diagnostics()
        if not strict and enable is None and disable is None:
            check(lib.govinfo_report_validate(ctypes.byref(found), self._live()))
            return ValidationResult(found)
        opts = native.ValidateOptions()
        check(lib.govinfo_validate_options_init(ctypes.byref(opts),
                                                native.VALIDATE_OPTIONS_VERSION))
        if strict:
            opts.flags |= native.VALIDATE_STRICT
        lists = [_rule_ids(enable, "enable"), _rule_ids(disable, "disable")]
        opts.enable, opts.disable = lists
        check(lib.govinfo_report_validate_with(ctypes.byref(found), self._live(),
                                               ctypes.byref(opts)))
        return ValidationResult(found)

    def check(self, *, strict: bool = False) -> ValidationResult:
        """Validates; raises ValidationError when anything is an error, else the result."""
        result = self.validate(strict=strict)
        if not result.valid:
            first = result.errors[0]
            more = result.error_count - 1
            raise ValidationError(f"{first}" + (f" (and {more} more errors)" if more else ""),
                                  result)
        return result

    # --- metadata ---------------------------------------------------------------------

    @property
    def format(self) -> str:
        """The format version id, "2019" or "2021"."""
        format_id: bytes = lib.govinfo_format_id(lib.govinfo_report_format(self._live()))
        return _str(format_id)

    @property
    def origin(self) -> Optional[str]:
        """The file or name the report was read from; None when built in memory."""
        origin: Optional[bytes] = lib.govinfo_report_origin(self._live())
        return _str(origin)

    organ = _metadata("govinfo_report_organ", "govinfo_report_set_organ", "发布机关")
    title = _metadata("govinfo_report_title", "govinfo_report_set_title", "The title")
    division_code = _metadata("govinfo_report_division_code",
                              "govinfo_report_set_division_code",
                              "Administrative division code: 6, 9 or 12 digits")
    source = _metadata("govinfo_report_source", "govinfo_report_set_source",
                       "File name or URL of the published report")
    source_sha256 = _metadata("govinfo_report_source_sha256",
                              "govinfo_report_set_source_sha256",
                              "SHA-256 of the bytes the report was imported from (hex)")
    preface = _metadata("govinfo_report_preface", "govinfo_report_set_preface",
                        "What the report prints before section 一")

    @property
    def published(self) -> Optional[str]:
        """Publication date as "YYYY-MM-DD" (None when unset); accepts a datetime.date too."""
        published: Optional[bytes] = lib.govinfo_report_published(self._live())
        return _str(published)

    @published.setter
    def published(self, value: Union[str, datetime.date, None]) -> None:
        if isinstance(value, datetime.date):
            value = value.isoformat()
        check(lib.govinfo_report_set_published(self._live(), _cstr(value, "published")))

    @published.deleter
    def published(self) -> None:
        check(lib.govinfo_report_set_published(self._live(), None))

    @property
    def year(self) -> Optional[int]:
        """Report year; None when unset."""
        return lib.govinfo_report_year(self._live()) or None

    @year.setter
    def year(self, value: Optional[int]) -> None:
        value = 0 if value is None else _cint(value, "year")
        check(lib.govinfo_report_set_year(self._live(), value))

    @year.deleter
    def year(self) -> None:
        check(lib.govinfo_report_set_year(self._live(), 0))

    # --- sections ---------------------------------------------------------------------

    @property
    def sections(self) -> Tuple[Section, ...]:
        """The sections in the order given, as Section(id, title, text)."""
        handle = self._live()
        return tuple(Section(_str(lib.govinfo_report_section_id_at(handle, i)),
                             _str(lib.govinfo_report_section_title_at(handle, i)),
                             _str(lib.govinfo_report_section_text_at(handle, i)))
                     for i in range(lib.govinfo_report_section_count(handle)))

    def section_text(self, section_id: str) -> Optional[str]:
        """The text of a section, None when the report does not have it."""
        text: Optional[bytes] = lib.govinfo_report_section_text(self._live(),
                                                                _cstr(section_id, "section id"))
        return _str(text)

    def set_section(self, section_id: str, text: str, title: Optional[str] = None) -> None:
        """Sets a section's text and printed title (None: the official title)."""
        check(lib.govinfo_report_set_section(self._live(), _cstr(section_id, "section id"),
                                             _cstr(title, "title"), _cstr(text, "text")))

    def remove_section(self, section_id: str) -> None:
        check(lib.govinfo_report_remove_section(self._live(), _cstr(section_id, "section id")))

    # --- cells ------------------------------------------------------------------------

    def cell_state(self, cell_id: str) -> str:
        """"absent", "blank", "mark" or "number"; NotFoundError for an unknown id."""
        state = ctypes.c_int()
        check(lib.govinfo_report_cell_state(self._live(), _cstr(cell_id, "cell id"),
                                            ctypes.byref(state)))
        return _CELL_STATES[state.value]

    def __getitem__(self, cell_id: str) -> CellValue:
        state = self.cell_state(cell_id)
        if state == "absent":
            raise KeyError(f"{cell_id} is absent")
        return self._value(cell_id, state)

    def _value(self, cell_id: str, state: str) -> CellValue:
        key = _cstr(cell_id, "cell id")
        if state == "number":
            buffer = ctypes.create_string_buffer(native.NUMBER_BUFSIZE)
            check(lib.govinfo_report_get_number(self._handle, key, buffer, len(buffer)))
            return _number(buffer.value.decode())
        if state == "mark":
            mark = ctypes.c_char_p()
            check(lib.govinfo_report_get_mark(self._handle, key, ctypes.byref(mark)))
            return _str(mark.value)
        return None  # blank

    @overload
    def get(self, cell_id: str) -> CellValue: ...
    @overload
    def get(self, cell_id: str, default: _T) -> Union[CellValue, _T]: ...

    def get(self, cell_id: str, default: object = None) -> object:
        """The cell's value, default when it is absent (an unknown id still raises)."""
        state = self.cell_state(cell_id)
        return default if state == "absent" else self._value(cell_id, state)

    def __contains__(self, cell_id: str) -> bool:
        """True when the cell is present (a number, a mark or blank)."""
        return self.cell_state(cell_id) != "absent"

    def __setitem__(self, cell_id: str, value: CellValue) -> None:
        handle, key = self._live(), _cstr(cell_id, "cell id")
        if value is None:
            status = lib.govinfo_report_set_blank(handle, key)
        elif isinstance(value, bool):
            raise TypeError("a cell holds a number, None or a mark, not bool")
        elif isinstance(value, int):
            if -2**63 <= value < 2**63:
                status = lib.govinfo_report_set_int(handle, key, value)
            else:
                status = lib.govinfo_report_set_number(handle, key, str(value).encode())
        elif isinstance(value, decimal.Decimal):
            status = lib.govinfo_report_set_number(handle, key, format(value, "f").encode())
        elif isinstance(value, str):
            status = lib.govinfo_report_set_mark(handle, key, _cstr(value, "mark"))
        else:
            raise TypeError(f"a cell holds int, Decimal, None (blank) or str (a mark), not "
                            f"{type(value).__name__}; use Decimal for fractions")
        check(status)

    def __delitem__(self, cell_id: str) -> None:
        check(lib.govinfo_report_clear_cell(self._live(), _cstr(cell_id, "cell id")))

    # --- comparison and display -------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return bool(lib.govinfo_report_equal(self._live(), other._live()))

    __hash__ = None  # type: ignore[assignment]  # mutable: not hashable

    def __repr__(self) -> str:
        if self.closed:
            return "<govinfo.Report closed>"
        parts = [f"format={self.format!r}", f"year={self.year!r}", f"organ={self.organ!r}"]
        if self.origin:
            parts.append(f"origin={self.origin!r}")
        return f"<govinfo.Report {' '.join(parts)}>"


def _unpickle(document: str, origin: Optional[str]) -> Report:
    return Report.loads(document, "json", source_name=origin)
