"""The library's status codes as exceptions.

Every failing call raises the class of its code, filled from govinfo_error_last(): the
English message, the file (``.file``), 1-based ``.line`` and ``.column`` (None when unknown),
the byte ``.offset`` and the JSON Pointer ``.path`` of the offending value ("" when none).
Each class also derives from the built-in exception a Python programmer would catch.
"""
from __future__ import annotations

import ctypes
from typing import TYPE_CHECKING, Any, Dict, Optional, Type

from ._library import lib

if TYPE_CHECKING:
    from .report import ValidationResult

_FORMAT_EN = 0x1  # GOVINFO_FORMAT_EN

__all__ = ["GovinfoError", "OutOfMemoryError", "InvalidArgumentError", "InputOutputError",
           "ParseError", "SchemaError", "NotFoundError", "ValueTypeError", "OutOfRangeError",
           "ValidationError", "error_class"]


class GovinfoError(Exception):
    """A libgovinfo call failed. ``.code`` is the GOVINFO_E* value, ``.name`` its name."""

    code: Optional[int] = None
    name: Optional[str] = None

    def __init__(self, message: str, *, file: str = "", line: Optional[int] = None,
                 column: Optional[int] = None, offset: int = 0, path: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.offset = offset
        self.path = path
        self.text = ""  # "file:line:column: error: message (at /pointer)", set by the library

    @property
    def location(self) -> str:
        """"file:line:column" as far as known ("" when nothing is)."""
        if not self.line:
            return self.file or ""
        where = f"{self.file or '<input>'}:{self.line}"
        return f"{where}:{self.column}" if self.column else where

    def __str__(self) -> str:
        # The library's one formatter made the line (govinfo_error_format); an error raised
        # by Python code itself has only its message.
        return self.text or self.message


class OutOfMemoryError(GovinfoError, MemoryError):
    """GOVINFO_ENOMEM."""


class InvalidArgumentError(GovinfoError, ValueError):
    """GOVINFO_EINVAL."""


class InputOutputError(GovinfoError, OSError):
    """GOVINFO_EIO: a file could not be read or written."""


class ParseError(GovinfoError, ValueError):
    """GOVINFO_EPARSE: malformed JSON or YAML."""


class SchemaError(GovinfoError, ValueError):
    """GOVINFO_ESCHEMA: well-formed, but not the shape of a report."""


class NotFoundError(GovinfoError, KeyError):
    """GOVINFO_ENOTFOUND: no such format, table, row, column, cell, section or rule."""


class ValueTypeError(GovinfoError, TypeError):
    """GOVINFO_ETYPE: the wrong kind of value (a mark that is a number, not a number...)."""


class OutOfRangeError(GovinfoError, ValueError):
    """GOVINFO_ERANGE: a number too large or too precise."""


class ValidationError(GovinfoError):
    """Raised by Report.check() when validation found errors; ``.result`` holds all findings."""

    def __init__(self, message: str, result: ValidationResult) -> None:
        first = result.errors[0] if result.errors else None
        super().__init__(message, file=first.file if first else "",
                         line=first.line if first else None,
                         column=first.column if first else None,
                         path=first.path if first else "")
        self.result = result

    def __str__(self) -> str:
        return self.message


_CLASS_BY_NAME: Dict[str, Type[GovinfoError]] = {
    "GOVINFO_ENOMEM": OutOfMemoryError,
    "GOVINFO_EINVAL": InvalidArgumentError,
    "GOVINFO_EIO": InputOutputError,
    "GOVINFO_EPARSE": ParseError,
    "GOVINFO_ESCHEMA": SchemaError,
    "GOVINFO_ENOTFOUND": NotFoundError,
    "GOVINFO_ETYPE": ValueTypeError,
    "GOVINFO_ERANGE": OutOfRangeError,
}


def error_class(code: int) -> Type[GovinfoError]:
    """The exception class raised for a status code (GovinfoError for unknown codes)."""
    return _CLASS_BY_NAME.get(lib.govinfo_error_name(code).decode(), GovinfoError)


def _text(raw: Optional[bytes]) -> str:
    return raw.decode("utf-8", "replace") if raw else ""


def last_error(code: int) -> GovinfoError:
    """The exception for a failed call's code, from this thread's error record."""
    return error_from_record(code, lib.govinfo_error_last().contents)


def error_from_record(code: int, record: Any) -> GovinfoError:
    """The exception for a code and a struct govinfo_error (a batch item's own record)."""
    # The record describes this failure only when it holds the same code.
    described = record.code == code
    message = _text(record.message) if described else ""
    if not message:
        message = _text(lib.govinfo_strerror(code))
    cls = error_class(code)
    error = cls(message,
                file=_text(record.source) if described else "",
                line=(record.line or None) if described else None,
                column=(record.column or None) if described else None,
                offset=record.offset if described else 0,
                path=_text(record.path) if described else "")
    error.code = code
    error.name = lib.govinfo_error_name(code).decode()
    if described:
        error.text = _formatted(record)
    return error


def _formatted(record: Any) -> str:
    text = ctypes.c_void_p()
    length = ctypes.c_size_t()
    if lib.govinfo_error_format(ctypes.byref(text), ctypes.byref(length), ctypes.byref(record),
                                None, _FORMAT_EN) < 0:
        return ""  # out of memory while formatting: str() falls back to the message
    try:
        return ctypes.string_at(text, length.value).decode("utf-8", "replace")
    finally:
        lib.govinfo_free(text)


def check(status: int) -> int:
    """Raises the exception of a negative status; returns a non-negative one unchanged."""
    if status < 0:
        raise last_error(status)
    return status
