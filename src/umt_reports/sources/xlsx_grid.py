"""Step 2 of reading a workbook: the known sheets as plain grids of values.

In: a workbook path that passed :func:`.xlsx_zip.check_zip`. Out: the grids of the sheets the
layout (:mod:`.workbook`) knows, keyed by layout name, plus the cell problems and the notes met
on the way. openpyxl (read-only, cached formula values) copies the rows; any openpyxl failure
becomes ``xlsx.corrupt``; formulas without a cached value, Excel error cells and over-long
cells become located problems. Text typed in TCVN3 or VNI (the cell's font is a hint) is
converted to Unicode, and the value of a cell merged over several rows is copied into the rows
below it that hold data of their own. Hidden rows and sheets are read like visible ones; each
conversion and each hidden part is reported as a *note*.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from umt_reports import vn
from umt_reports.errors import InputError, LimitError, Location, Problem
from umt_reports.sources import workbook as wbk
from umt_reports.sources.raw import clean_controls, controls_note, legacy_note
from umt_reports.sources.xlsx_zip import check_zip, error_reason

__all__ = ["MAX_CELL_CHARS", "MAX_COLUMNS", "MAX_MERGES", "MAX_ROWS", "Grid", "is_blank", "load_grids"]

#: Rows read per sheet; data below is refused rather than silently dropped.
MAX_ROWS = 5_000
#: Columns read per sheet.
MAX_COLUMNS = 60
#: Characters in one cell: Excel itself cannot hold more, so a longer cell was not made by Excel.
MAX_CELL_CHARS = 32_767
#: Merged ranges honoured per sheet (a real sheet has a handful).
MAX_MERGES = 10_000

#: Formula cells listed by name in one problem before "…".
_LISTED_CELLS = 10
# -- an OOXML character escape in a string (ST_Xstring): _x000D_ is a carriage return --
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


@dataclass
class Grid:
    """The non-empty rows of one sheet: ``(row number, values by 0-based column)``."""

    title: str
    epoch: dt.datetime
    rows: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)
    #: Cells ``(row number, 0-based column)`` whose value was copied from a merged cell above.
    merged: set[tuple[int, int]] = field(default_factory=set)


@dataclass
class _Layout:
    """What read-only openpyxl does not keep: hidden rows and merged ranges (1-based bounds)."""

    hidden_rows: set[int] = field(default_factory=set)
    #: ``(min column, min row, max column, max row)`` of each merged range.
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


def _known_sheets() -> dict[str, str]:
    """Folded sheet name → layout name, for every sheet the reader maps."""
    names = [form.name for form in wbk.FORMS] + [table.name for table in wbk.TABLES]
    return {vn.fold_header(name): name for name in names}


def _layout_name(title: str, known: dict[str, str]) -> str | None:
    """The layout name of a sheet title (folded; a title typed in TCVN3 or VNI is converted first)."""
    name = known.get(vn.fold_header(title))
    if name is None:
        encoding = vn.detect_legacy(title)
        if encoding is not None:
            name = known.get(vn.fold_header(vn.to_unicode(title, encoding)))
    return name


def load_grids(path: Path) -> tuple[dict[str, Grid], list[Problem], list[Problem]]:
    """The known sheets as grids (keyed by layout name), the cell problems and the notes met on the way."""
    where = Location.of_file(path)
    has_formulas = check_zip(path, where)
    known = _known_sheets()
    problems: list[Problem] = []
    notes: list[Problem] = []
    with warnings.catch_warnings():
        # -- openpyxl warns about every extension it drops; none matters to us --
        warnings.simplefilter("ignore")
        try:
            formulas = _formula_cells(path, known) if has_formulas else {}
            book = load_workbook(path, read_only=True, data_only=True)
            try:
                grids: dict[str, Grid] = {}
                for sheet in book.worksheets:
                    name = _layout_name(sheet.title, known)
                    if name is None or name in grids:
                        continue
                    context = _SheetContext(path.name, sheet.title, problems, notes)
                    layout = _sheet_layout(book, sheet)
                    grid = _grid(sheet, book.epoch, formulas.get(sheet.title, set()), context, layout)
                    grids[name] = grid
                    if sheet.sheet_state != "visible" and grid.rows:
                        notes.append(Problem("xlsx.hidden_sheet", Location(path.name, sheet=sheet.title),
                                             {"sheet": sheet.title}))  # fmt: skip
            finally:
                book.close()
        except InputError:
            raise
        except Exception as exc:  # -- openpyxl raises anything from KeyError to lxml errors on broken parts --
            raise InputError.of("xlsx.corrupt", where, reason=error_reason(exc)) from None
    return grids, problems, notes


def _sheet_layout(book: Any, sheet: Any) -> _Layout:
    """Hidden rows and merged ranges of ``sheet``, streamed from its XML part.

    Read-only openpyxl keeps neither, and a full load is too slow and too trusting for
    untrusted files; the part is small once the zip check has passed.
    """
    layout = _Layout()
    archive, part = getattr(book, "_archive", None), getattr(sheet, "_worksheet_path", None)
    if archive is None or part is None:  # -- an openpyxl without these internals: read as if none --
        return layout
    number = 0
    with archive.open(part) as source:
        for event, element in ElementTree.iterparse(source, events=("start", "end")):
            tag = element.tag.rsplit("}", 1)[-1]
            if event == "start" and tag == "row":
                number = _row_number(element.get("r"), number + 1)
                if element.get("hidden") in ("1", "true"):
                    layout.hidden_rows.add(number)
            elif event == "end" and tag == "mergeCell" and len(layout.merges) < MAX_MERGES:
                try:
                    bounds = range_boundaries(element.get("ref") or "")
                except (ValueError, TypeError):
                    continue
                if None not in bounds:
                    layout.merges.append(bounds)
            if event == "end" and tag in ("row", "c", "mergeCell"):
                element.clear()
    return layout


def _row_number(text: str | None, default: int) -> int:
    """A ``<row r="…">`` number; ``default`` (the next row) when absent or unreadable."""
    try:
        return int(float(text)) if text else default
    except ValueError:
        return default


def _formula_cells(path: Path, known: dict[str, str]) -> dict[str, set[str]]:
    """Sheet title → coordinates of formula cells, for the known sheets."""
    book = load_workbook(path, read_only=True, data_only=False)
    try:
        found: dict[str, set[str]] = {}
        for sheet in book.worksheets:
            if _layout_name(sheet.title, known) is None:
                continue
            sheet.reset_dimensions()
            cells = found.setdefault(sheet.title, set())
            for number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
                if number > MAX_ROWS:
                    break
                for index, cell in enumerate(row):
                    if getattr(cell, "data_type", None) == "f":
                        cells.add(f"{get_column_letter(index + 1)}{number}")
        return found
    finally:
        book.close()


@dataclass
class _SheetContext:
    """Where a sheet's cells are reported: its file, title, and the problem and note lists."""

    file: str
    sheet: str
    problems: list[Problem]
    notes: list[Problem]

    def where(self, cell: str) -> Location:
        return Location(self.file, sheet=self.sheet, cell=cell)


def _grid(sheet: Any, epoch: dt.datetime, formulas: set[str], context: _SheetContext, layout: _Layout) -> Grid:
    """Copy one sheet's non-empty rows, reporting error cells and formulas without cached values."""
    grid = Grid(title=sheet.title, epoch=epoch)
    sheet.reset_dimensions()  # -- never trust the <dimension> a writer declared --
    unfilled: list[str] = []
    rows: dict[int, list[Any]] = {}
    for number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
        values: list[Any] = []
        for index, cell in enumerate(row):
            coord = f"{get_column_letter(index + 1)}{number}"
            value = _cell_value(cell, coord, context)
            if (value is None or value == "") and coord in formulas:
                unfilled.append(coord)
            values.append(value)
        if not any(v is not None and v != "" for v in values):
            continue
        if number > MAX_ROWS:
            raise LimitError.of("xlsx.too_many_rows", context.where(f"A{number}"), row=number, limit=MAX_ROWS)
        rows[number] = values
    _fill_merged(rows, layout.merges, grid.merged)
    grid.rows = [(number, tuple(values)) for number, values in sorted(rows.items())]
    if unfilled:
        listed = ", ".join(unfilled[:_LISTED_CELLS]) + (", …" if len(unfilled) > _LISTED_CELLS else "")
        context.problems.append(Problem("xlsx.formula_no_value", context.where(unfilled[0]), {"cells": listed}))
    hidden = [number for number, _ in grid.rows if number in layout.hidden_rows]
    if hidden:
        context.notes.append(Problem("xlsx.hidden_rows", context.where(f"A{hidden[0]}"), {"rows": _spans(hidden)}))
    return grid


def _cell_value(cell: Any, coord: str, context: _SheetContext) -> Any:
    """One cell's value: errors and over-long texts reported, legacy text converted, a percentage
    as a :class:`~umt_reports.vn.Quantity` (the figure shown, with the unit ``%``)."""
    value = cell.value
    kind = getattr(cell, "data_type", None)
    if kind == "e":
        context.problems.append(Problem("xlsx.formula_error", context.where(coord), {"value": value}))
        return None
    if isinstance(value, str):
        if len(value) > MAX_CELL_CHARS:
            params = {"length": len(value), "limit": MAX_CELL_CHARS}
            context.problems.append(Problem("xlsx.cell_too_long", context.where(coord), params))
            return None
        if "_x" in value:  # -- OOXML escapes: Excel writes a pasted CR as _x000D_, openpyxl leaves it --
            value = _ESCAPE.sub(lambda match: chr(int(match[1], 16)), value)
        value, removed = clean_controls(value)
        if removed:
            context.notes.append(controls_note(removed, context.where(coord)))
        return value if value.isascii() else _unlegacy(value, _font_name(cell), coord, context)
    number = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if number and "%" in _number_format(cell):
        return vn.Quantity(_percent(value), "%")
    return value


def _percent(fraction: float) -> Decimal:
    """Excel keeps 19,4% as 0.194: the figure the secretary typed, exactly (``Decimal("19.4")``)."""
    value = (Decimal(repr(fraction)) * 100).normalize()
    exponent = value.as_tuple().exponent
    return value.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else value


def _unlegacy(text: str, font: str | None, coord: str, context: _SheetContext) -> str:
    """``text`` converted to Unicode when it is typed in TCVN3 or VNI, with a note; else as it is."""
    encoding = vn.detect_legacy(text, font)
    if encoding is None:
        return text
    converted = vn.to_unicode(text, encoding, capitals=vn.is_capitals_font(font))
    context.notes.append(legacy_note(text, converted, encoding, context.where(coord)))
    return converted


def _font_name(cell: Any) -> str | None:
    """The font name of a cell, or ``None`` when the style cannot be read."""
    try:
        name: str | None = cell.font.name
        return name
    except (AttributeError, IndexError, KeyError, TypeError):
        return None


def _number_format(cell: Any) -> str:
    """The number format of a cell, or ``""`` when the style cannot be read."""
    try:
        return str(cell.number_format or "")
    except (AttributeError, IndexError, KeyError, TypeError):
        return ""


def _spans(numbers: list[int]) -> str:
    """Sorted row numbers as compact spans: ``[3, 4, 5, 9]`` → ``"3–5, 9"``."""
    spans: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        spans.append(str(start) if start == previous else f"{start}–{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(spans)


def _fill_merged(rows: dict[int, list[Any]], merges: list[tuple[int, int, int, int]],
                 filled: set[tuple[int, int]]) -> None:  # fmt: skip
    """Copy the value of a cell merged down over several rows into the rows below that hold data.

    Only the merged range's first column receives the value (a range merged across columns
    still belongs to one column); a row of the range with no data of its own stays empty,
    so a tall merged paragraph is read once.
    """
    numbers = sorted(rows)
    for min_col, min_row, _max_col, max_row in merges:
        index = min_col - 1
        top = rows.get(min_row)
        if max_row <= min_row or index >= MAX_COLUMNS or top is None or index >= len(top) or is_blank(top[index]):
            continue
        start = bisect.bisect_right(numbers, min_row)
        for number in numbers[start : bisect.bisect_right(numbers, max_row)]:
            values = rows[number]
            if index >= len(values):
                values.extend([None] * (index + 1 - len(values)))
            if is_blank(values[index]):
                values[index] = top[index]
                filled.add((number, index))


def is_blank(value: Any) -> bool:
    """Whether a cell counts as empty (nothing, or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())
