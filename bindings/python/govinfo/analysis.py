"""Checks across reports (include/govinfo/analysis.h, EXPERIMENTAL): a body's report compared
with its report of the year before, a corpus paired by body and year, bodies summed.

    import govinfo
    last, this = govinfo.load("2023.yaml"), govinfo.load("2024.yaml")
    result = govinfo.compare(last, this)
    for finding in result.findings:
        print(finding)
    print({r.section: r.share for r in result.reuse})
"""
import ctypes
import decimal
import json
import weakref
from dataclasses import dataclass
from typing import Any, Dict, Optional, Sequence, Tuple

from . import _library as native
from ._library import lib
from .errors import check
from .report import Report, ValidationResult, _cstr, _take_string

__all__ = ["compare", "Comparison", "SectionReuse", "pair", "Pairing", "sum_reports",
           "sum_against", "SUM_BLANK_AS_ZERO"]

SUM_BLANK_AS_ZERO = 0x1  # GOVINFO_SUM_BLANK_AS_ZERO


def _handles(reports: Sequence[Report], what: str) -> "ctypes.Array[Any]":
    """The C handles of the reports, as the array a const govinfo_report *const * takes."""
    handles = []
    for i, r in enumerate(reports):
        if not isinstance(r, Report):
            raise TypeError(f"{what}[{i}] must be a Report, not {type(r).__name__}")
        handles.append(r._live())
    return (native.Report * max(len(handles), 1))(*handles)


def _text_list(values: Optional[Sequence[str]], what: str) -> Tuple[Any, Any]:
    """A NULL-terminated char *[] for the library (None: NULL) and what keeps it alive."""
    if values is None:
        return None, None
    if isinstance(values, str):
        raise TypeError(f"{what} must be a sequence of str, not a str")
    encoded = [_cstr(v, what) for v in values]
    array = (ctypes.c_char_p * (len(encoded) + 1))(*encoded, None)
    return ctypes.cast(array, ctypes.POINTER(ctypes.c_char_p)), array


def _unsigned(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be int, not {type(value).__name__}")
    if value < 0 or value > 2**32 - 1:
        raise ValueError(f"{what} must be from 0 to 2**32 - 1, not {value}")
    return value


# ---- two years of one body ----------------------------------------------------------------

@dataclass(frozen=True)
class SectionReuse:
    """How much of a section's text (after normalisation) is also in last year's report."""
    section: str  # "s1".."s6"
    chars: int    # characters of this year's text
    reused: int   # of which in shared runs of at least min_run characters

    @property
    def share(self) -> float:
        return self.reused / self.chars if self.chars else 0.0


class Comparison:
    """The result of compare(): ``findings`` (a ValidationResult of year.* findings, located in
    this year's report) and ``reuse`` (a SectionReuse per section of this year's report)."""

    __slots__ = ("findings", "reuse", "_handle", "_finalizer", "__weakref__")

    def __init__(self, handle: Any) -> None:
        self._handle = handle
        self._finalizer = weakref.finalize(self, lib.govinfo_comparison_free, handle)
        self.findings = ValidationResult(lib.govinfo_comparison_findings(handle), borrowed_from=self)
        self.reuse = tuple(
            SectionReuse(lib.govinfo_comparison_section_id(handle, i).decode(),
                         lib.govinfo_comparison_section_chars(handle, i),
                         lib.govinfo_comparison_section_reused(handle, i))
            for i in range(lib.govinfo_comparison_section_count(handle)))

    def to_json(self) -> str:
        """The library's JSON of the comparison: files, years, reuse and findings."""
        text = ctypes.c_void_p()
        length = ctypes.c_size_t()
        check(lib.govinfo_comparison_to_json(ctypes.byref(text), ctypes.byref(length),
                                             self._handle))
        return _take_string(text, length.value)

    def to_dict(self) -> Dict[str, Any]:
        result: Dict[str, Any] = json.loads(self.to_json(), parse_float=decimal.Decimal)
        return result

    def __repr__(self) -> str:
        shares = ", ".join(f"{r.section} {r.share:.1%}" for r in self.reuse if r.chars)
        return f"<govinfo.Comparison findings={len(self.findings)} reuse=[{shares}]>"


def compare(last: Report, this: Report, *, min_run: int = 20, reuse_percent: int = 50,
            reuse_sections: Optional[Sequence[str]] = None, jump_factor: int = 5,
            jump_min_base: int = 10) -> Comparison:
    """Compares this year's report with the same body's report of the year before: the
    cross-year identities (year.carry_over, year.documents), text reused section by section
    (year.text_reuse when over reuse_percent % of a section in reuse_sections, by default
    "s1" and "s5") and jumps of key figures (year.jump). InvalidArgumentError unless this
    report's year follows last's."""
    for name, r in (("last", last), ("this", this)):
        if not isinstance(r, Report):
            raise TypeError(f"{name} must be a Report, not {type(r).__name__}")
    opts = native.CompareOptions()
    check(lib.govinfo_compare_options_init(ctypes.byref(opts), 1))
    opts.reuse_min_run = _unsigned(min_run, "min_run")
    opts.reuse_percent = _unsigned(reuse_percent, "reuse_percent")
    opts.jump_factor = _unsigned(jump_factor, "jump_factor")
    opts.jump_min_base = _unsigned(jump_min_base, "jump_min_base")
    sections, keep = _text_list(reuse_sections, "reuse_sections")
    opts.reuse_sections = sections
    handle = native.Comparison()
    check(lib.govinfo_compare(ctypes.byref(handle), last._live(), this._live(),
                              ctypes.byref(opts)))
    del keep
    return Comparison(handle)


# ---- pairing a corpus ---------------------------------------------------------------------

@dataclass(frozen=True)
class Pairing:
    """Indices into the reports given to pair(): ``pairs`` (last year's, this year's),
    ``ambiguous`` groups that could pair in more than one way, ``unpaired`` reports, and the
    normalised body name of each report (None when it names no organ)."""
    pairs: Tuple[Tuple[int, int], ...]
    ambiguous: Tuple[Tuple[int, ...], ...]
    unpaired: Tuple[int, ...]
    bodies: Tuple[Optional[str], ...]


def pair(reports: Sequence[Report]) -> Pairing:
    """Pairs reports by body (organ names normalised: full-width forms, spaces and leading
    region names left out) and consecutive years; never guesses."""
    reports = list(reports)
    handles = _handles(reports, "reports")
    handle = native.Pairing()
    check(lib.govinfo_pairing_new(ctypes.byref(handle), handles, len(reports), None))
    try:
        pairs = []
        for k in range(lib.govinfo_pairing_pair_count(handle)):
            a, b = ctypes.c_size_t(), ctypes.c_size_t()
            check(lib.govinfo_pairing_pair_at(handle, k, ctypes.byref(a), ctypes.byref(b)))
            pairs.append((a.value, b.value))
        groups = tuple(
            tuple(lib.govinfo_pairing_ambiguous_member(handle, g, k)
                  for k in range(lib.govinfo_pairing_ambiguous_size(handle, g)))
            for g in range(lib.govinfo_pairing_ambiguous_count(handle)))
        unpaired = tuple(lib.govinfo_pairing_unpaired_at(handle, k)
                         for k in range(lib.govinfo_pairing_unpaired_count(handle)))
        bodies = tuple((lambda b: None if b is None else b.decode())(
            lib.govinfo_pairing_body(handle, i)) for i in range(len(reports)))
    finally:
        lib.govinfo_pairing_free(handle)
    return Pairing(tuple(pairs), groups, unpaired, bodies)


# ---- summing bodies -----------------------------------------------------------------------

def sum_reports(parts: Sequence[Report], organ: Optional[str] = None, *,
                blank_as_zero: bool = False) -> Tuple[Report, ValidationResult]:
    """Sums reports of one format version and one year, cell by cell in exact decimals.
    Returns (report, findings): a cell blank, marked or absent in any part is absent in the
    sum and named by a sum.absent finding. InvalidArgumentError for different formats or
    years. Exported as govinfo.sum."""
    parts = list(parts)
    handles = _handles(parts, "parts")
    opts = native.SumOptions()
    check(lib.govinfo_sum_options_init(ctypes.byref(opts), 1))
    opts.organ = _cstr(organ, "organ")
    opts.flags = SUM_BLANK_AS_ZERO if blank_as_zero else 0
    handle, found = native.Report(), native.Diagnostics()
    check(lib.govinfo_sum(ctypes.byref(handle), ctypes.byref(found), handles, len(parts),
                          ctypes.byref(opts)))
    return Report._wrap(handle), ValidationResult(found)


def sum_against(parent: Report, total: Report) -> ValidationResult:
    """A report as printed (a city's own) against the sum of its parts: a sum.differs note
    wherever both give a figure and they differ (expected: the sum's, actual: the parent's)."""
    for name, r in (("parent", parent), ("total", total)):
        if not isinstance(r, Report):
            raise TypeError(f"{name} must be a Report, not {type(r).__name__}")
    found = native.Diagnostics()
    check(lib.govinfo_sum_against(ctypes.byref(found), parent._live(), total._live()))
    return ValidationResult(found)
