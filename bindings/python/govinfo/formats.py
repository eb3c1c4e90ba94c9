"""The format versions and the rule registry, read from the library (static data)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, List, Optional, Tuple, overload

from ._library import lib
from .errors import NotFoundError, last_error

if TYPE_CHECKING:
    from ._library import Handle

__all__ = ["Format", "SectionDef", "TableDef", "RowDef", "ColumnDef", "Rule",
           "formats", "format_for_year", "find_format", "rules", "find_rule"]

_ROLES = {1: "data", 2: "group", 3: "heading"}       # govinfo_row_role
_KINDS = {1: "count", 2: "signed", 3: "money"}       # govinfo_value_kind
_ENOTFOUND = -6


@overload
def _str(raw: bytes) -> str: ...
@overload
def _str(raw: None) -> None: ...


def _str(raw: Optional[bytes]) -> Optional[str]:
    return None if raw is None else raw.decode("utf-8")


def _encode(text: str, what: str) -> bytes:
    if not isinstance(text, str):
        raise TypeError(f"{what} must be str, not {type(text).__name__}")
    return text.encode("utf-8")


@dataclass(frozen=True)
class SectionDef:
    id: str
    title: str
    variants: Tuple[str, ...]


@dataclass(frozen=True)
class RowDef:
    id: str
    label: str
    parent: Optional[str]  # id of the enclosing group or heading row, None at the top
    role: str       # "data", "group" or "heading"


@dataclass(frozen=True)
class ColumnDef:
    id: str
    label: str
    kind: str       # "count", "signed" or "money"


@dataclass(frozen=True)
class TableDef:
    id: str
    title: str
    section: str
    rows: Tuple[RowDef, ...]
    columns: Tuple[ColumnDef, ...]

    def cell_ids(self) -> List[str]:
        """Every cell id of the table, rows that hold figures only (no headings)."""
        return [f"{self.id}.{r.id}.{c.id}" for r in self.rows if r.role != "heading"
                for c in self.columns]


@dataclass(frozen=True)
class Format:
    """A format version: id ("2019"), name, years it applies to, sections and tables."""
    id: str
    name: str
    first_year: int
    last_year: Optional[int]  # None while in force
    sections: Tuple[SectionDef, ...]
    tables: Tuple[TableDef, ...]

    def covers_year(self, year: int) -> bool:
        return bool(lib.govinfo_format_covers_year(lib.govinfo_format_find(self.id.encode()),
                                                   year))

    def table(self, table_id: str) -> TableDef:
        for t in self.tables:
            if t.id == table_id:
                return t
        raise NotFoundError(f"format {self.id} has no table {table_id!r}")

    def cell_ids(self) -> List[str]:
        return [cell for t in self.tables for cell in t.cell_ids()]


def _section(item: Handle) -> SectionDef:
    return SectionDef(_str(lib.govinfo_section_def_id(item)),
                      _str(lib.govinfo_section_def_title(item)),
                      tuple(_str(lib.govinfo_section_def_variant_at(item, i))
                            for i in range(lib.govinfo_section_def_variant_count(item))))


def _table(item: Handle) -> TableDef:
    rows = []
    for i in range(lib.govinfo_table_row_count(item)):
        row = lib.govinfo_table_row_at(item, i)
        rows.append(RowDef(_str(lib.govinfo_row_id(row)), _str(lib.govinfo_row_label(row)),
                           _str(lib.govinfo_row_parent(row)),
                           _ROLES[lib.govinfo_row_role_of(row)]))
    columns = []
    for i in range(lib.govinfo_table_column_count(item)):
        column = lib.govinfo_table_column_at(item, i)
        columns.append(ColumnDef(_str(lib.govinfo_column_id(column)),
                                 _str(lib.govinfo_column_label(column)),
                                 _KINDS[lib.govinfo_column_kind(column)]))
    return TableDef(_str(lib.govinfo_table_id(item)), _str(lib.govinfo_table_title(item)),
                    _str(lib.govinfo_table_section(item)), tuple(rows), tuple(columns))


def _format(item: Handle) -> Format:
    return Format(
        id=_str(lib.govinfo_format_id(item)),
        name=_str(lib.govinfo_format_name(item)),
        first_year=lib.govinfo_format_first_year(item),
        last_year=lib.govinfo_format_last_year(item) or None,
        sections=tuple(_section(lib.govinfo_format_section_at(item, i))
                       for i in range(lib.govinfo_format_section_count(item))),
        tables=tuple(_table(lib.govinfo_format_table_at(item, i))
                     for i in range(lib.govinfo_format_table_count(item))))


@functools.lru_cache(maxsize=None)
def formats() -> Tuple[Format, ...]:
    """Every format version, oldest first."""
    return tuple(_format(lib.govinfo_format_at(i)) for i in range(lib.govinfo_format_count()))


def find_format(format_id: str) -> Format:
    """The format with that id; NotFoundError otherwise."""
    if not lib.govinfo_format_find(_encode(format_id, "format id")):
        raise last_error(_ENOTFOUND)
    return next(f for f in formats() if f.id == format_id)


def format_for_year(year: int) -> Format:
    """The format in force for a report year; NotFoundError before 2019."""
    item = lib.govinfo_format_for_year(max(-2**31, min(int(year), 2**31 - 1)))
    if not item:
        raise last_error(_ENOTFOUND)
    return find_format(_str(lib.govinfo_format_id(item)))


@dataclass(frozen=True)
class Rule:
    """A validation rule: stable id, severity, descriptions and the formats it applies to."""
    id: str
    severity: str
    description: str
    description_en: str
    formats: Tuple[str, ...]


@functools.lru_cache(maxsize=None)
def rules() -> Tuple[Rule, ...]:
    """Every rule, in registry order."""
    result = []
    for i in range(lib.govinfo_rule_count()):
        rule = lib.govinfo_rule_at(i)
        result.append(Rule(
            _str(lib.govinfo_rule_id(rule)),
            _str(lib.govinfo_severity_name(lib.govinfo_rule_severity(rule))),
            _str(lib.govinfo_rule_description(rule)),
            _str(lib.govinfo_rule_description_en(rule)),
            tuple(_str(lib.govinfo_format_id(lib.govinfo_format_at(j)))
                  for j in range(lib.govinfo_format_count())
                  if lib.govinfo_rule_applies_to(rule, lib.govinfo_format_at(j)))))
    return tuple(result)


def find_rule(rule_id: str) -> Rule:
    """The rule with that id; NotFoundError otherwise."""
    if not lib.govinfo_rule_find(_encode(rule_id, "rule id")):
        raise last_error(_ENOTFOUND)
    return next(r for r in rules() if r.id == rule_id)
