"""Many reports at once: load_many() and import_many() run the library's batch runner
(include/govinfo/batch.h) on C threads and yield the results in input order; to_frame() puts
reports into a pandas DataFrame with the columns of `govinfo export --to csv`."""
import ctypes
import os
from typing import (TYPE_CHECKING, Any, Iterable, Iterator, List, Optional, Tuple, Union)

from . import _library as native
from ._library import lib
from .errors import GovinfoError, check, error_from_record
from .importer import _kind
from .report import Report, ValidationResult

if TYPE_CHECKING:  # pandas is optional: only to_frame() needs it
    import pandas

__all__ = ["load_many", "import_many", "to_frame", "frame_columns"]

PathLike = Union[str, bytes, "os.PathLike[str]"]
Paths = Union[PathLike, Iterable[PathLike]]
_LOAD, _IMPORT = 0, 1  # govinfo_batch_action
_VALIDATE = 0x1  # GOVINFO_BATCH_VALIDATE


def _inputs(paths: Paths) -> List[bytes]:
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    encoded = [os.fsencode(p) for p in paths]
    for p in encoded:
        if b"\0" in p:
            raise ValueError("path contains a NUL character")
    return encoded


def _jobs(jobs: int) -> int:
    if isinstance(jobs, bool) or not isinstance(jobs, int) or not 0 <= jobs <= 256:
        raise ValueError(f"jobs must be an int from 0 (one per processor) to 256, not {jobs!r}")
    return jobs


def _run(paths: Paths, jobs: int, action: int, kind: int = 0) -> Iterator[Tuple[str, Any]]:
    """Yields (path, item handle) in input order; the caller owns each item."""
    inputs = _inputs(paths)
    array = (ctypes.c_char_p * max(len(inputs), 1))(*inputs)
    opts = native.BatchOptions()
    check(lib.govinfo_batch_options_init(ctypes.byref(opts), 1))
    opts.jobs = _jobs(jobs)
    opts.action = action
    import_opts = native.ImportOptions()
    if action == _IMPORT:
        check(lib.govinfo_import_options_init(ctypes.byref(import_opts), 2))
        import_opts.kind = kind
        opts.import_ = ctypes.pointer(import_opts)
    batch = native.Batch()
    check(lib.govinfo_batch_new(ctypes.byref(batch), array, len(inputs), ctypes.byref(opts)))
    try:
        while True:
            item = native.BatchItem()
            check(lib.govinfo_batch_next(ctypes.byref(item), batch))  # releases the GIL
            if not item:
                return
            yield os.fsdecode(lib.govinfo_batch_item_path(item)), item
    finally:
        lib.govinfo_batch_free(batch)  # an iterator closed early stops the workers


def _failure(item: Any) -> Optional[GovinfoError]:
    status = lib.govinfo_batch_item_status(item)
    if status == 0:
        return None
    return error_from_record(status, lib.govinfo_batch_item_error(item).contents)


def _take_report(item: Any) -> Report:
    handle = native.Report()
    check(lib.govinfo_batch_item_take_report(ctypes.byref(handle), item))
    return Report._wrap(handle)


def load_many(paths: Paths, jobs: int = 0) -> Iterator[Tuple[str, Union[Report, GovinfoError]]]:
    """Loads report documents (JSON, YAML) from files, directories (walked recursively for
    *.json, *.yaml, *.yml) and "-", on `jobs` C threads (0: one per processor). Yields
    (path, Report) or (path, GovinfoError) for an input that could not be read, in input
    order whatever `jobs` is; a failure does not stop the others."""
    for path, item in _run(paths, jobs, _LOAD):
        try:
            error = _failure(item)
            yield path, error if error is not None else _take_report(item)
        finally:
            lib.govinfo_batch_item_free(item)


def import_many(paths: Paths, jobs: int = 0, kind: str = "auto"
                ) -> Iterator[Tuple[str, Union[Tuple[Report, ValidationResult], GovinfoError]]]:
    """Imports published reports (PDF, text, Markdown, HTML) from files, directories (walked
    recursively for *.pdf, *.txt, *.md, *.html and files that look like reports) and "-", on
    `jobs` C threads. Yields (path, (report, import findings)) as import_file() returns them,
    or (path, GovinfoError), in input order."""
    code = _kind(kind)
    for path, item in _run(paths, jobs, _IMPORT, code):
        error = _failure(item)
        if error is not None:
            lib.govinfo_batch_item_free(item)
            yield path, error
            continue
        try:
            report = _take_report(item)
        except BaseException:
            lib.govinfo_batch_item_free(item)
            raise
        # the findings belong to the item: the result frees it when it goes
        yield path, (report, ValidationResult(lib.govinfo_batch_item_import_findings(item), item))


# ---- pandas ----

def frame_columns() -> List[str]:
    """The columns of to_frame() and of `govinfo export --to csv`, in order."""
    return [lib.govinfo_rows_column_name(k).decode()
            for k in range(lib.govinfo_rows_column_count())]


_INTEGER_COLUMNS = ("year", "source_line", "source_column")

FrameInput = Union[Report, Tuple[str, Any]]


def _report_and_source(entry: FrameInput) -> Tuple[Optional[Report], Optional[str]]:
    """A Report, or an item of load_many()/import_many() (errors give None)."""
    if isinstance(entry, Report):
        return entry, None
    if isinstance(entry, tuple) and len(entry) == 2:
        path, result = entry
        if isinstance(result, tuple):
            result = result[0]
        if isinstance(result, Report):
            return result, os.fsdecode(path)
        if isinstance(result, BaseException):
            return None, None
    raise TypeError(f"to_frame takes Reports or the items of load_many()/import_many(), not "
                    f"{type(entry).__name__}")


def _columns_of(report: Report, source: Optional[str], columns: List[List[Optional[str]]]
                ) -> None:
    rows = native.Rows()
    check(lib.govinfo_report_rows(ctypes.byref(rows), report._live(),
                                  None if source is None else source.encode("utf-8")))
    try:
        value = lib.govinfo_rows_value
        for i in range(lib.govinfo_rows_count(rows)):
            for k, column in enumerate(columns):
                raw = value(rows, i, k)
                column.append(None if raw is None else raw.decode("utf-8"))
    finally:
        lib.govinfo_rows_free(rows)


def to_frame(reports: Iterable[FrameInput]) -> "pandas.DataFrame":
    """A tidy pandas DataFrame: one row per cell per report, with the columns of
    `govinfo export --to csv` (frame_columns()), computed by the library. `value` is a float
    (NaN unless the cell holds a number), year, source_line and source_column nullable
    integers, the rest text or None. Add the values whose group_role is "cell" or
    "group_figure" to count every figure once. Takes Reports, or the (path, result) items of
    load_many() and import_many() (failed items are left out). Needs pandas (Debian:
    python3-pandas); the rest of the package does not."""
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - exercised when pandas is absent
        raise ImportError("govinfo.to_frame needs pandas (Debian package python3-pandas)") from e
    names = frame_columns()
    columns: List[List[Optional[str]]] = [[] for _ in names]
    for entry in reports:
        report, source = _report_and_source(entry)
        if report is not None:
            _columns_of(report, source, columns)
    frame = pandas.DataFrame({name: pandas.Series(column, dtype="object")
                              for name, column in zip(names, columns)})
    frame["value"] = pandas.to_numeric(frame["value"]).astype("float64")
    for name in _INTEGER_COLUMNS:
        frame[name] = pandas.to_numeric(frame[name]).astype("Int64")
    return frame
