"""Read a meeting workbook (.xlsx) into YAML-contract data, with the cell of every value.

Three steps, each with its own failure mode:

1. **The zip** is checked before openpyxl parses anything: it must open, hold
   ``xl/workbook.xml``, and declare a reasonable unpacked size (zip bombs are refused from
   the central directory alone, without unpacking a byte).
2. **The grids**: openpyxl (read-only, cached formula values) copies the known sheets into
   plain rows of values. Any openpyxl failure becomes ``xlsx.corrupt``; formulas without a
   cached value, Excel error cells and over-long cells become located problems. On the way,
   text typed in TCVN3 or VNI (the cell's font is a hint) is converted to Unicode, numbers
   shown as percentages become ``19,4%``, and the value of a cell merged over several rows
   is copied into the rows below it that hold data of their own. Hidden rows and sheets are
   read like visible ones; each conversion and each hidden part is reported as a *note*.
3. **The mapping** turns rows into contract data following :mod:`.workbook` (headers,
   keys, grouping rules), registering a :class:`Location` for every value *and* for the
   empty cells of known columns, so the model can point at a missing value.

Every problem is collected; one :class:`InputError` lists them all.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.datetime import from_excel

from umt_reports import vn
from umt_reports.errors import InputError, LimitError, Location, Problem
from umt_reports.sources import workbook as wbk
from umt_reports.sources.raw import Path_, RawSource, clean_controls, controls_note, legacy_note

__all__ = ["MAX_CELL_CHARS", "MAX_COLUMNS", "MAX_MERGES", "MAX_RATIO", "MAX_ROWS", "MAX_UNPACKED", "read_xlsx"]

#: Largest total unpacked size declared by the zip's members.
MAX_UNPACKED = 200 * 1024 * 1024
#: Largest unpacked / packed ratio; real workbooks stay well under 50:1.
MAX_RATIO = 200
#: Rows read per sheet; data below is refused rather than silently dropped.
MAX_ROWS = 5_000
#: Columns read per sheet.
MAX_COLUMNS = 60
#: Characters in one cell: Excel itself cannot hold more, so a longer cell was not made by Excel.
MAX_CELL_CHARS = 32_767
#: Merged ranges honoured per sheet (a real sheet has a handful).
MAX_MERGES = 10_000

# -- below this unpacked size the ratio is meaningless (a tiny, very regular part) --
_RATIO_FLOOR = 1024 * 1024
# -- an XML element <f> or <x:f> in a worksheet part: a formula --
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_CHUNK = 1024 * 1024
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_PARENTHESES = re.compile(r"\([^)]*\)")
#: Formula cells listed by name in one problem before "…".
_LISTED_CELLS = 10
# -- an OOXML character escape in a string (ST_Xstring): _x000D_ is a carriage return --
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# -- a number with a percent sign, as a percent-formatted cell or typed text: "19,4%", "93.32 %" --
_PERCENT = re.compile(r"\s*(?P<number>[-+\u2212]?\d[\d.,\s]*?)\s*%\s*")


def read_xlsx(path: Path) -> RawSource:
    """Read the meeting workbook at ``path``; raises :class:`InputError` listing every problem."""
    path = Path(path)
    grids, problems, notes = _load_grids(path)
    reader = _Reader(path, problems)
    reader.read(grids)
    # -- problems of single cells do not stop reading: validation adds its own and reports all --
    return RawSource(
        path=path, data=reader.data, locations=reader.locations, problems=list(reader.problems), notes=notes
    )


# -- step 1: the zip -----------------------------------------------------------------


def _check_zip(path: Path, where: Location) -> bool:
    """Refuse non-zips, non-workbooks and zip bombs; tell whether any sheet holds a formula."""
    try:
        packed = max(path.stat().st_size, 1)
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise InputError.of("xlsx.not_zip", where) from None
    except (NotImplementedError, RuntimeError, zipfile.LargeZipFile) as exc:  # -- e.g. an unknown zip version --
        raise InputError.of("xlsx.corrupt", where, reason=_reason(exc)) from None
    except OSError as exc:
        raise InputError.of("file.unreadable", where, reason=exc.strerror or str(exc)) from None
    with archive:
        infos = archive.infolist()
        if "xl/workbook.xml" not in {info.filename for info in infos}:
            raise InputError.of("xlsx.not_workbook", where)
        unpacked = sum(info.file_size for info in infos)
        ratio = unpacked / packed
        if unpacked > MAX_UNPACKED or (unpacked > _RATIO_FLOOR and ratio > MAX_RATIO):
            raise LimitError.of(
                "xlsx.zip_bomb", where, size=unpacked, ratio=round(ratio), limit=MAX_UNPACKED, max_ratio=MAX_RATIO
            )
        try:
            return any(
                _has_formula(archive, info)
                for info in infos
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
            )
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
            raise InputError.of("xlsx.corrupt", where, reason=_reason(exc)) from None


def _has_formula(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether the worksheet part holds a formula element (streamed; parts can be large)."""
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-32:]
    return False


def _reason(exc: BaseException) -> str:
    """The exception as a short ``Type: message`` for ``xlsx.corrupt``."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# -- step 2: the grids ---------------------------------------------------------------


@dataclass
class _Grid:
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


def _load_grids(path: Path) -> tuple[dict[str, _Grid], list[Problem], list[Problem]]:
    """The known sheets as grids (keyed by layout name), the cell problems and the notes met on the way."""
    where = Location.of_file(path)
    has_formulas = _check_zip(path, where)
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
                grids: dict[str, _Grid] = {}
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
            raise InputError.of("xlsx.corrupt", where, reason=_reason(exc)) from None
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
                    layout.merges.append(bounds)  # type: ignore[arg-type]
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


def _grid(sheet: Any, epoch: dt.datetime, formulas: set[str], context: _SheetContext, layout: _Layout) -> _Grid:
    """Copy one sheet's non-empty rows, reporting error cells and formulas without cached values."""
    grid = _Grid(title=sheet.title, epoch=epoch)
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
    """One cell's value: errors and over-long texts reported, legacy text converted, percentages as text."""
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
        # -- Excel keeps 19,4% as 0.194: give the model what the secretary typed --
        return vn.format_number(Decimal(repr(value)) * 100) + "%"
    return value


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
        return cell.font.name
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
        if max_row <= min_row or index >= MAX_COLUMNS or top is None or index >= len(top) or _is_blank(top[index]):
            continue
        start = bisect.bisect_right(numbers, min_row)
        for number in numbers[start : bisect.bisect_right(numbers, max_row)]:
            values = rows[number]
            if index >= len(values):
                values.extend([None] * (index + 1 - len(values)))
            if _is_blank(values[index]):
                values[index] = top[index]
                filled.add((number, index))


# -- step 3: the mapping -------------------------------------------------------------


def _label_keys(text: str) -> set[str]:
    """Match keys of a header or label: folded, with and without a parenthesised part."""
    folded = vn.fold_header(text)
    keys = {_NON_ALNUM.sub(" ", folded).strip(), _NON_ALNUM.sub(" ", _PARENTHESES.sub(" ", folded)).strip()}
    keys.discard("")
    return keys


def _is_blank(value: Any) -> bool:
    """Whether a cell counts as empty (nothing, or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> Any:
    """A single-line cell: NFC, spaces cleaned; numbers pass through; dates become ``d/m/yyyy``."""
    if isinstance(value, str):
        return vn.clean_spaces(vn.nfc(value)) or None
    if isinstance(value, dt.datetime):
        return f"{value.day}/{value.month}/{value.year}" if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return f"{value.day}/{value.month}/{value.year}"
    if isinstance(value, (dt.time, dt.timedelta)):
        return str(value)
    return value


def _split(value: Any, separators: str) -> list[Any] | None:
    """A multi-value cell split on line breaks and ``separators``; ``None`` when empty."""
    if _is_blank(value):
        return None
    if not isinstance(value, str):
        return [_text(value)]
    pattern = "[\n\r" + re.escape(separators) + "]" if separators else "[\n\r]"
    items = [vn.clean_spaces(vn.nfc(part)) for part in re.split(pattern, value)]
    return [item for item in items if item] or None


def _serial(value: float, epoch: dt.datetime) -> dt.datetime | None:
    """An Excel serial number as a datetime, or ``None`` when it is not one."""
    try:
        converted = from_excel(value, epoch=epoch)
    except (ValueError, OverflowError, TypeError):
        return None
    return converted if isinstance(converted, dt.datetime) else None


def _date(value: Any, epoch: dt.datetime) -> Any:
    """A date cell: Excel dates and serials become :class:`datetime.date`; a bare ``2022`` is a year."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and 1000 <= value <= 9999:
            return str(int(value))  # -- only the year is known --
        converted = _serial(value, epoch)
        return converted.date() if converted else value
    return _text(value)


def _moment(value: Any, epoch: dt.datetime) -> Any:
    """A date-time cell: a datetime when it carries a time of day, else a date."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = _serial(value, epoch) or value
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return value
    return _text(value)


def _normal(value: Any, kind: wbk.Kind, separators: str, epoch: dt.datetime) -> Any:
    """A cell value as the contract wants it, or ``None`` when the cell is blank."""
    if _is_blank(value):
        return None
    if kind == "list":
        return _split(value, separators)
    if kind == "date":
        return _date(value, epoch)
    if kind == "datetime":
        return _moment(value, epoch)
    return _text(value)


def _number_key(value: Any) -> Any:
    """Comparison key of a number typed as a number or as text (``1.000.000`` == ``1000000``)."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Decimal(str(value))
    if isinstance(value, str):
        try:
            return vn.parse_number(value)
        except (ValueError, InvalidOperation):
            return vn.fold_header(value)
    return value


def _text_key(value: Any) -> Any:
    """Comparison key of a text (case, spacing and diacritics ignored)."""
    return vn.fold_header(value) if isinstance(value, str) else value


@dataclass
class _Row:
    """One data row of a table: its number and its normalised values with their cells."""

    number: int
    values: dict[str, Any]
    cells: dict[str, str]
    #: Column keys whose value was copied from a cell merged over this row and the ones above.
    merged: frozenset[str] = frozenset()

    def cell(self, key: str) -> str:
        """The cell of column ``key`` in this row, or the row's first cell when the column is absent."""
        return self.cells.get(key, f"A{self.number}")


@dataclass
class _Table:
    """A table found in a grid: its header row and its data rows (examples dropped)."""

    header: int
    rows: list[_Row]


def _at(values: tuple[Any, ...], index: int | None) -> Any:
    """The value at ``index`` of a row, ``None`` past its end or for an absent column."""
    return values[index] if index is not None and index < len(values) else None


def _header_row(
    rows: list[tuple[int, tuple[Any, ...]]], keys: dict[str, set[str]]
) -> tuple[int, tuple[Any, ...]] | None:
    """The row (among the first 30 filled ones) naming the most known headers; the first on a tie."""
    best: tuple[int, int, tuple[Any, ...]] | None = None
    for number, values in rows[:30]:
        score = sum(1 for v in values if isinstance(v, str) and any(_label_keys(v) & k for k in keys.values()))
        if score and (best is None or score > best[0]):
            best = (score, number, values)
    return None if best is None else (best[1], best[2])


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    """Set ``value`` at the nested ``path`` of ``data``, creating mappings on the way."""
    for key in path[:-1]:
        data = data.setdefault(key, {})
    data[path[-1]] = value


class _Reader:
    """Maps the grids to contract data, recording locations and problems."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.file = path.name
        self.data: dict[str, Any] = {}
        self.locations: dict[Path_, Location] = {}
        self.problems = problems

    def where(self, sheet: str, cell: str | None = None) -> Location:
        """The location of ``cell`` in ``sheet``."""
        return Location(self.file, sheet=sheet, cell=cell)

    def at(self, path: Path_, sheet: str, cell: str | None) -> None:
        """Record that ``path`` stands at ``cell`` of ``sheet``."""
        self.locations[path] = self.where(sheet, cell)

    def problem(self, code: str, in_sheet: str, cell: str | None, **params: Any) -> None:
        """Record problem ``code`` at ``cell`` of sheet ``in_sheet``."""
        self.problems.append(Problem(code, self.where(in_sheet, cell), params))

    def read(self, grids: dict[str, _Grid]) -> None:
        """Map every known sheet; problems accumulate in :attr:`problems`."""
        if wbk.MEETING.name not in grids:
            found = ", ".join(grids) or "—"
            params = {"sheet": wbk.MEETING.name, "found": found}
            self.problems.append(Problem("xlsx.missing_sheet", Location.of_file(self.file), params))
        for form in wbk.FORMS:
            if form.name in grids:
                self.form(grids[form.name], form)
        readers = {
            wbk.CHAIRS.name: self.chairs,
            wbk.ATTENDEES.name: self.attendees,
            wbk.STATISTICS.name: self.statistics,
            wbk.SECTIONS.name: self.sections,
            wbk.AWARDS.name: self.awards,
        }
        for spec in wbk.TABLES:
            grid = grids.get(spec.name)
            if grid is None:
                continue
            table = self.table(grid, spec, grid.rows)
            if table is not None:
                readers[spec.name](grid.title, table)

    # -- tables ------------------------------------------------------------------------

    def table(self, grid: _Grid, spec: wbk.TableSheet, rows: list[tuple[int, tuple[Any, ...]]]) -> _Table | None:
        """Find the header row among ``rows`` and read the data rows below it (``None``: unreadable)."""
        if not rows:
            return None
        keys = {c.key: set().union(*(_label_keys(t) for t in (c.header, *c.aliases))) for c in spec.columns}
        found = _header_row(rows, keys)
        if found is None:
            for column in (c for c in spec.columns if c.required):
                self.problem("xlsx.missing_column", grid.title, None,
                             sheet=grid.title, header=column.header, found="—")  # fmt: skip
            return None
        header, header_values = found
        columns = self.columns(grid.title, header, header_values, keys)
        missing = [c for c in spec.columns if c.required and c.key not in columns]
        listed = ", ".join(vn.clean_spaces(str(v)) for v in header_values if not _is_blank(v))
        for column in missing:
            self.problem("xlsx.missing_column", grid.title, str(header), sheet=grid.title, header=column.header,
                         found=listed)  # fmt: skip
        if missing:
            return None
        examples = [self.record(example.get, spec, grid) for example in spec.examples]
        data_rows = []
        for number, values in rows:
            if number <= header:
                continue
            record = self.record(lambda key: _at(values, columns.get(key)), spec, grid)
            if record and record not in examples:
                cells = {key: f"{get_column_letter(index + 1)}{number}" for key, index in columns.items()}
                merged = frozenset(key for key, index in columns.items() if (number, index) in grid.merged)
                data_rows.append(_Row(number, record, cells, merged))
        return _Table(header, data_rows)

    def columns(self, sheet: str, header: int, values: tuple[Any, ...], keys: dict[str, set[str]]) -> dict[str, int]:
        """Column key → 0-based index of its header cell; a repeated header is reported, the first kept."""
        columns: dict[str, int] = {}
        for index, value in enumerate(values):
            if not isinstance(value, str):
                continue
            key = next((k for k, accepted in keys.items() if _label_keys(value) & accepted), None)
            if key is None:
                continue
            if key in columns:
                first = f"{get_column_letter(columns[key] + 1)}{header}"
                self.problem("xlsx.duplicate_header", sheet, f"{get_column_letter(index + 1)}{header}",
                             header=vn.clean_spaces(value), first=first)  # fmt: skip
            else:
                columns[key] = index
        return columns

    def record(self, value_of: Callable[[str], Any], spec: wbk.TableSheet, grid: _Grid) -> dict[str, Any]:
        """The non-blank normalised values of one row, keyed by column key."""
        record = {}
        for column in spec.columns:
            value = self.normal(value_of(column.key), column, grid)
            if value is not None:
                record[column.key] = value
        return record

    @staticmethod
    def normal(value: Any, column: wbk.Column, grid: _Grid) -> Any:
        """The cell value as column ``column`` wants it (``None``: blank)."""
        return _normal(value, column.kind, column.separators, grid.epoch)

    def register(self, path: Path_, sheet: str, row: _Row, keys: dict[str, str]) -> None:
        """Locate ``path`` at the row's first cell and each ``path + (field,)`` at its column's cell."""
        self.at(path, sheet, f"A{row.number}")
        for field_name, column in keys.items():
            self.at((*path, field_name), sheet, row.cell(column))

    def chairs(self, sheet: str, table: _Table) -> None:
        """``chairs``: one row per chair, positions split on ``;`` and line breaks."""
        chairs: list[dict[str, Any]] = []
        self.at(("chairs",), sheet, str(table.header))
        for row in table.rows:
            if "name" in row.merged and chairs:  # -- one name merged over several rows: one chair --
                i = len(chairs) - 1
                positions = chairs[-1].setdefault("positions", [])
                if not positions:
                    self.at(("chairs", i, "positions"), sheet, row.cell("positions"))
                for part in row.values.get("positions", []):
                    self.at(("chairs", i, "positions", len(positions)), sheet, row.cell("positions"))
                    positions.append(part)
                continue
            i = len(chairs)
            item = {k: row.values[k] for k in ("name", "positions") if k in row.values}
            self.register(("chairs", i), sheet, row, {"name": "name", "positions": "positions"})
            for k in range(len(item.get("positions", []))):
                self.at(("chairs", i, "positions", k), sheet, row.cell("positions"))
            chairs.append(item)
        if chairs:
            self.data["chairs"] = chairs

    def attendees(self, sheet: str, table: _Table) -> None:
        """``attendees``: group lines as plain texts, named people as mappings (rule in :mod:`.workbook`)."""
        attendees: list[Any] = []
        self.at(("attendees",), sheet, str(table.header))
        choices = wbk.choice_lists()["attendee_kind"]
        header = wbk.ATTENDEES.column("kind").header
        cells = {"group": "who", "name": "who", "position": "position", "unit": "unit"}
        for i, row in enumerate(table.rows):
            values = row.values
            kind = self.choice(values.get("kind"), choices, sheet, row.cell("kind"), header)
            details = {k: values[k] for k in ("position", "unit") if k in values}
            person = kind == wbk.ATTENDEE_PERSON if kind else bool(details)
            who = values.get("who")
            self.register(("attendees", i), sheet, row, cells)
            if person:
                attendees.append({"name": who, **details} if who is not None else details)
            elif details or who is None:
                attendees.append({"group": who, **details} if who is not None else details)
            else:
                attendees.append(who)
        if attendees:
            self.data["attendees"] = attendees

    def statistics(self, sheet: str, table: _Table) -> None:
        """``statistics``: one row per figure; the value passes through for the model to parse."""
        self.at(("statistics",), sheet, str(table.header))
        keys = ("label", "value", "unit", "note")
        items = []
        for i, row in enumerate(table.rows):
            self.register(("statistics", i), sheet, row, {k: k for k in keys})
            item = {k: row.values[k] for k in keys if k in row.values}
            value = item.get("value")
            percent = _PERCENT.fullmatch(value) if isinstance(value, str) else None
            if percent is not None:  # -- "19,4%": the number is the value, % the unit unless one is given --
                item["value"] = percent["number"]
                item.setdefault("unit", "%")
            items.append(item)
        if items:
            self.data["statistics"] = items

    def sections(self, sheet: str, table: _Table) -> None:
        """``sections``: rows continue a section until Mục changes (rule in :mod:`.workbook`)."""
        self.at(("sections",), sheet, str(table.header))
        sections: list[dict[str, Any]] = []
        title_key: Any = None
        choices = wbk.choice_lists()["content_kind"]
        header = wbk.SECTIONS.column("kind").header
        for row in table.rows:
            title = row.values.get("title")
            if not sections or (title is not None and _text_key(title) != title_key):
                i = len(sections)
                sections.append({} if title is None else {"title": title})
                title_key = _text_key(title)
                self.at(("sections", i), sheet, f"A{row.number}")
                self.at(("sections", i, "title"), sheet, row.cell("title"))
            i = len(sections) - 1
            text = row.values.get("text")
            kind = self.choice(row.values.get("kind"), choices, sheet, row.cell("kind"), header)
            if text is None:
                continue
            key = "points" if kind == wbk.CONTENT_POINT else "paragraphs"
            bucket = sections[i].setdefault(key, [])
            if not bucket:
                self.at(("sections", i, key), sheet, row.cell("text"))
            self.at(("sections", i, key, len(bucket)), sheet, row.cell("text"))
            bucket.append(text)
        if sections:
            self.data["sections"] = sections

    def awards(self, sheet: str, table: _Table) -> None:
        """``awards``: rows grouped into award entries by :class:`_AwardBuilder`."""
        self.at(("awards",), sheet, str(table.header))
        builder = _AwardBuilder(self, sheet)
        for row in table.rows:
            builder.add(row)
        awards = builder.finish()
        if awards:
            self.data["awards"] = awards

    def choice(self, value: Any, allowed: tuple[str, ...], sheet: str, cell: str, header: str) -> str | None:
        """The canonical spelling of ``value`` among ``allowed`` (folded match), or ``None`` with a problem."""
        if value is None:
            return None
        for option in allowed:
            if _text_key(value) == _text_key(option):
                return option
        self.problem("value.bad_choice", sheet, cell, field=header, value=value, allowed=", ".join(allowed))
        return None

    def flag(self, value: Any, sheet: str, cell: str, header: str) -> bool | None:
        """A yes/no cell as ``True``/``False`` (an Excel TRUE/FALSE cell too), or ``None`` with a problem."""
        if value is None or isinstance(value, bool):
            return value
        answer = self.choice(value, wbk.choice_lists()["yes_no"], sheet, cell, header)
        return None if answer is None else answer == wbk.YES

    # -- forms -------------------------------------------------------------------------

    def form(self, grid: _Grid, spec: wbk.FormSheet) -> None:
        """Read a label/value sheet, and the table below it when the layout has one."""
        rows = grid.rows
        table_rows: list[tuple[int, tuple[Any, ...]]] = []
        if spec.table is not None:
            start = self.table_start(rows, spec.table)
            if start is not None:
                rows, table_rows = rows[:start], rows[start:]
        fields = [(f, set().union(*(_label_keys(t) for t in (f.label, *f.aliases)))) for f in spec.fields]
        for section in sorted({f.path[0] for f in spec.fields if len(f.path) > 1}):
            self.at((section,), grid.title, None)
        first_label: dict[tuple[str, ...], str] = {}
        for number, values in rows:
            label = values[0] if values else None
            if not isinstance(label, str):
                continue
            keys = _label_keys(label)
            item = next((f for f, k in fields if keys & k), None)
            if item is None:
                continue
            raw = values[1] if len(values) > 1 else None
            value = _normal(raw, item.kind, item.separators, grid.epoch)
            cell = f"B{number}"
            if item.kind == "bool":
                value = self.flag(value, grid.title, cell, vn.clean_spaces(label))
            if item.path[-2:-1] == ("signer",) and item.path[:-1] not in self.locations:
                self.at(item.path[:-1], grid.title, f"A{number}")
            if item.kind == "list":
                if item.path not in first_label:
                    first_label[item.path] = f"A{number}"
                    self.at(item.path, grid.title, cell)
                if value:
                    bucket = self.lookup(item.path)
                    for part in value:
                        self.at((*item.path, len(bucket)), grid.title, cell)
                        bucket.append(part)
                continue
            if item.path in first_label:
                if value is not None:
                    self.problem("xlsx.duplicate_header", grid.title, f"A{number}",
                                 header=vn.clean_spaces(label), first=first_label[item.path])  # fmt: skip
                continue
            first_label[item.path] = f"A{number}"
            self.at(item.path, grid.title, cell)
            if value is not None:
                _put(self.data, item.path, value)
        if spec is wbk.MEETING:
            self.data.setdefault("meeting", {})
        if spec.table is not None and table_rows:
            table = self.table(grid, spec.table, table_rows)
            if table is not None:
                self.photos(grid.title, table)

    def lookup(self, path: tuple[str, ...]) -> list[Any]:
        """The list at ``path`` in the data, created empty when absent."""
        data = self.data
        for key in path[:-1]:
            data = data.setdefault(key, {})
        return data.setdefault(path[-1], [])

    def table_start(self, rows: list[tuple[int, tuple[Any, ...]]], spec: wbk.TableSheet) -> int | None:
        """Index in ``rows`` of the header row of ``spec`` placed below a form, if any."""
        required = [c for c in spec.columns if c.required]
        keys = set().union(*(_label_keys(t) for c in required for t in (c.header, *c.aliases)))
        for position, (_, values) in enumerate(rows):
            if any(isinstance(v, str) and _label_keys(v) & keys for v in values):
                return position
        return None

    def photos(self, sheet: str, table: _Table) -> None:
        """``press.photos``: the table below the press fields."""
        self.at(("press", "photos"), sheet, str(table.header))
        keys = ("file", "caption", "credit")
        photos = []
        for i, row in enumerate(table.rows):
            self.register(("press", "photos", i), sheet, row, {k: k for k in keys})
            photos.append({k: row.values[k] for k in keys if k in row.values})
        if photos:
            self.data.setdefault("press", {})["photos"] = photos


# -- awards --------------------------------------------------------------------------

_AWARD_KEYS = ("decided_by", "reason", "amount")
_TARGETS = {wbk.TARGET_COLLECTIVE: "collectives", wbk.TARGET_INDIVIDUAL: "individuals"}


@dataclass
class _Group:
    """The collectives (or individuals) of one award as read so far."""

    first: str | None = None
    count: Any = None
    count_cell: str | None = None
    members: list[tuple[dict[str, Any], _Row]] = field(default_factory=list)


@dataclass
class _Award:
    """One award entry being assembled from consecutive rows."""

    key: tuple[Any, ...]
    first_row: int
    values: dict[str, Any]
    cells: dict[str, str]
    target: str | None = None
    groups: dict[str, _Group] = field(default_factory=dict)


class _AwardBuilder:
    """Groups award rows into entries (rules in :mod:`.workbook`) and builds contract data."""

    def __init__(self, reader: _Reader, sheet: str):
        self.reader = reader
        self.sheet = sheet
        self.entries: list[_Award] = []
        self.previous: dict[str, tuple[Any, str]] | None = None  # key -> (effective value, source cell)
        self.choices = wbk.choice_lists()["target"]

    def add(self, row: _Row) -> None:
        """Put one row into the current award entry, or start a new one when its key changes."""
        effective = self.effective(row)
        key = (
            _text_key(effective["form"][0]),
            _text_key(effective["decided_by"][0]),
            _text_key(effective["reason"][0]),
            _number_key(effective["amount"][0]),
        )
        entry = self.entries[-1] if self.entries else None
        if entry is None or entry.key != key:
            entry = _Award(
                key=key,
                first_row=row.number,
                values={k: v for k, (v, _) in effective.items() if v is not None},
                cells={k: cell for k, (_, cell) in effective.items()},
            )
            self.entries.append(entry)
        self.previous = effective
        self.awardee(entry, row)

    def effective(self, row: _Row) -> dict[str, tuple[Any, str]]:
        """The row's form, decider, reason and amount after inheritance from the row above."""
        previous = self.previous
        typed = row.values.get("form")
        continues = previous is not None and (
            typed is None or _text_key(typed) == _text_key(previous["form"][0])
        )
        result: dict[str, tuple[Any, str]] = {}
        if continues and previous is not None:
            result["form"] = previous["form"]  # -- the first spelling and cell of the award's form --
        else:
            result["form"] = (typed, row.cell("form"))
        for key in _AWARD_KEYS:
            value = row.values.get(key)
            if isinstance(value, str) and value in wbk.DASHES:
                result[key] = (None, row.cell(key))
            elif value is None and continues and previous is not None:
                result[key] = previous[key]
            else:
                result[key] = (value, row.cell(key))
        return result

    def awardee(self, entry: _Award, row: _Row) -> None:
        """Add the row's count line or named awardee to the entry's collectives or individuals."""
        values = row.values
        person = {k: values[k] for k in ("name", "position", "unit", "note") if k in values}
        count = values.get("count")
        header = wbk.AWARDS.column("target").header
        target = self.reader.choice(values.get("target"), self.choices, self.sheet, row.cell("target"), header)
        if target is None and "target" not in values:
            target = entry.target
        if not person and count is None:
            return
        if target is None:
            if "target" not in values:
                self.reader.problem("value.missing", self.sheet, row.cell("target"), field=header)
            return
        entry.target = target
        group = entry.groups.setdefault(_TARGETS[target], _Group())
        if group.first is None:
            group.first = f"A{row.number}"
        if count is not None:
            if group.count is None:
                group.count, group.count_cell = count, row.cell("count")
            elif _number_key(count) != _number_key(group.count):
                self.reader.problem(
                    "xlsx.count_conflict", self.sheet, row.cell("count"),
                    field=wbk.AWARDS.column("count").header, count=count,
                    first=group.count, first_cell=group.count_cell,
                )  # fmt: skip
        if person:
            group.members.append((person, row))

    def finish(self) -> list[dict[str, Any]]:
        """The entries as contract data, with their locations registered."""
        awards = []
        at = self.reader.at
        for i, entry in enumerate(self.entries):
            award: dict[str, Any] = dict(entry.values)
            at(("awards", i), self.sheet, f"A{entry.first_row}")
            for key, cell in entry.cells.items():
                at(("awards", i, key), self.sheet, cell)
            for name in ("collectives", "individuals"):
                group = entry.groups.get(name)
                if group is None:
                    continue
                base = ("awards", i, name)
                at(base, self.sheet, group.count_cell or group.first)
                if group.count_cell:
                    at((*base, "count"), self.sheet, group.count_cell)
                members = []
                for k, (person, row) in enumerate(group.members):
                    for prefix in ((*base, "members", k), (*base, k)):
                        at(prefix, self.sheet, f"A{row.number}")
                        for field_name in ("name", "position", "unit", "note"):
                            at((*prefix, field_name), self.sheet, row.cell(field_name))
                    members.append(person)
                if members:
                    at((*base, "members"), self.sheet, group.first)
                if members and group.count is not None:
                    award[name] = {"count": group.count, "members": members}
                elif members:
                    award[name] = members
                else:
                    award[name] = group.count
            awards.append(award)
        return awards
