"""Suppression files (EXPERIMENTAL, include/govinfo/suppress.h): findings a reviewer accepted,
named by their fingerprints, hidden from later runs."""
from __future__ import annotations

import ctypes
import os
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, List, Optional, Union

from . import _library as native
from ._library import lib
from .errors import check
from .report import ValidationResult, _str, _take_string

if TYPE_CHECKING:
    from ._library import Handle

_FORMAT_EN = 0x1  # GOVINFO_FORMAT_EN


@dataclass(frozen=True)
class Suppression:
    """One entry of a suppression file; "" for what it does not give."""
    fingerprint: str
    reason: str
    file: str
    uses: int  # findings it hid so far


class Suppressions:
    """A suppression file: load or parse one, apply it to validation results, then ask
    check() for its stale entries and those without a reason."""

    __slots__ = ("_set", "_finalizer", "__weakref__")
    _set: Handle
    _finalizer: weakref.finalize

    def __init__(self) -> None:
        """An empty set, to fill with add() and write with to_yaml()."""
        handle = native.Suppressions()
        check(lib.govinfo_suppressions_new(ctypes.byref(handle)))
        self._own(handle)

    def _own(self, handle: Handle) -> None:
        self._set = handle
        self._finalizer = weakref.finalize(self, lib.govinfo_suppressions_free, handle)

    @classmethod
    def _wrap(cls, handle: Handle) -> Suppressions:
        obj = cls.__new__(cls)
        obj._own(handle)
        return obj

    @classmethod
    def load(cls, path: Union[str, os.PathLike[str]]) -> Suppressions:
        """Reads a suppression file; ParseError/SchemaError name its line and column."""
        handle = native.Suppressions()
        check(lib.govinfo_suppressions_load(ctypes.byref(handle), os.fsencode(path)))
        return cls._wrap(handle)

    @classmethod
    def parse(cls, text: str, name: Optional[str] = None) -> Suppressions:
        """Reads a suppression file's text; `name` names it in errors and findings."""
        data = text.encode()
        handle = native.Suppressions()
        check(lib.govinfo_suppressions_parse(ctypes.byref(handle), data, len(data),
                                             name.encode() if name is not None else None))
        return cls._wrap(handle)

    def __len__(self) -> int:
        return int(lib.govinfo_suppressions_count(self._set))

    def __iter__(self) -> Iterator[Suppression]:
        return iter(self.entries)

    @property
    def entries(self) -> List[Suppression]:
        return [Suppression(fingerprint=_str(lib.govinfo_suppression_fingerprint(self._set, i)),
                            reason=_str(lib.govinfo_suppression_reason(self._set, i)),
                            file=_str(lib.govinfo_suppression_file(self._set, i)),
                            uses=int(lib.govinfo_suppression_uses(self._set, i)))
                for i in range(len(self))]

    def apply(self, result: ValidationResult, file: Optional[str] = None) -> ValidationResult:
        """The result without the findings this set hides (counted in suppressed_count).
        `file` is the report's name for entries limited to a file (None: the findings')."""
        kept = native.Diagnostics()
        check(lib.govinfo_suppressions_apply(ctypes.byref(kept), self._set, result._found,
                                             file.encode() if file is not None else None))
        return ValidationResult(kept)

    def check(self) -> ValidationResult:
        """Findings about the set after apply(): suppression.stale (notes) and
        suppression.no_reason (warnings), located in the suppression file."""
        found = native.Diagnostics()
        check(lib.govinfo_suppressions_check(ctypes.byref(found), self._set))
        return ValidationResult(found)

    def add(self, result: ValidationResult, file: Optional[str] = None,
            english: bool = False) -> None:
        """An entry per finding, reason left empty for the reviewer (the finding as a comment
        above it, in English with english=True)."""
        check(lib.govinfo_suppressions_add(self._set, result._found,
                                           file.encode() if file is not None else None,
                                           _FORMAT_EN if english else 0))

    def to_yaml(self) -> str:
        """The set as a suppression file."""
        text = ctypes.c_void_p()
        length = ctypes.c_size_t()
        check(lib.govinfo_suppressions_serialize(ctypes.byref(text), ctypes.byref(length),
                                                 self._set))
        return _take_string(text, length.value)

    def __repr__(self) -> str:
        return f"<govinfo.Suppressions entries={len(self)}>"
