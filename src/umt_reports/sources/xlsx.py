"""Read a meeting workbook (.xlsx) into YAML-contract data, with the cell of every value.

Three steps, each with its own failure mode:

1. **The zip** (:mod:`.xlsx_zip`) is checked before openpyxl parses anything.
2. **The grids** (:mod:`.xlsx_grid`): the known sheets copied into plain rows of values,
   with cell problems and notes (legacy text converted, hidden rows read).
3. **The mapping** (this module) turns rows into contract data following :mod:`.workbook` (headers,
   keys, grouping rules), registering a :class:`Location` for every value *and* for the
   empty cells of known columns, so the model can point at a missing value.

Every problem is collected; one :class:`InputError` lists them all.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from umt_reports import vn
from umt_reports.errors import Location, Problem
from umt_reports.sources import workbook as wbk
from umt_reports.sources.raw import Path_, RawSource
from umt_reports.sources.xlsx_grid import MAX_CELL_CHARS, MAX_COLUMNS, MAX_MERGES, MAX_ROWS, Grid, load_grids
from umt_reports.sources.xlsx_grid import is_blank as _is_blank
from umt_reports.sources.xlsx_zip import MAX_RATIO, MAX_UNPACKED

__all__ = ["MAX_CELL_CHARS", "MAX_COLUMNS", "MAX_MERGES", "MAX_RATIO", "MAX_ROWS", "MAX_UNPACKED", "read_xlsx"]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_PARENTHESES = re.compile(r"\([^)]*\)")


def read_xlsx(path: Path) -> RawSource:
    """Read the meeting workbook at ``path``; raises :class:`InputError` listing every problem."""
    path = Path(path)
    grids, problems, notes = load_grids(path)
    reader = _Reader(path, problems)
    reader.read(grids)
    # -- problems of single cells do not stop reading: validation adds its own and reports all --
    return RawSource(
        path=path, data=reader.data, locations=reader.locations, problems=list(reader.problems), notes=notes
    )


# -- step 3: the mapping -------------------------------------------------------------


def _label_keys(text: str) -> set[str]:
    """Match keys of a header or label: folded, with and without a parenthesised part."""
    folded = vn.fold_header(text)
    keys = {_NON_ALNUM.sub(" ", folded).strip(), _NON_ALNUM.sub(" ", _PARENTHESES.sub(" ", folded)).strip()}
    keys.discard("")
    return keys


def _text(value: Any) -> Any:
    """A single-line cell: NFC, spaces cleaned; numbers pass through; dates become ``d/m/yyyy``."""
    if isinstance(value, str):
        return vn.clean_spaces(vn.nfc(value)) or None
    if isinstance(value, vn.Quantity):  # -- a percent cell where text is read: as it was shown --
        return vn.format_figure(value.value, value.unit)
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
    if isinstance(value, vn.Quantity) and kind in ("figure", "number"):
        # -- a percent cell: a figure keeps its number and unit, a number field takes the number --
        return value if kind == "figure" else value.value
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


def _value_of(values: tuple[Any, ...], columns: dict[str, int], key: str) -> Any:
    """The value of column ``key`` in a row (``None`` for an absent column or past the row's end)."""
    return _at(values, columns.get(key))


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

    def read(self, grids: dict[str, Grid]) -> None:
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

    def table(self, grid: Grid, spec: wbk.TableSheet, rows: list[tuple[int, tuple[Any, ...]]]) -> _Table | None:
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
            record = self.record(functools.partial(_value_of, values, columns), spec, grid)
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

    def record(self, value_of: Callable[[str], Any], spec: wbk.TableSheet, grid: Grid) -> dict[str, Any]:
        """The non-blank normalised values of one row, keyed by column key."""
        record = {}
        for column in spec.columns:
            value = self.normal(value_of(column.key), column, grid)
            if value is not None:
                record[column.key] = value
        return record

    @staticmethod
    def normal(value: Any, column: wbk.Column, grid: Grid) -> Any:
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
            item: dict[str, Any] = {k: row.values[k] for k in ("name", "positions") if k in row.values}
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
            if isinstance(value, vn.Quantity):  # -- a percent cell: the number is the value, % the unit --
                item["value"] = value.value
                item.setdefault("unit", value.unit)
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

    def form(self, grid: Grid, spec: wbk.FormSheet) -> None:
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
        items: list[Any] = data.setdefault(path[-1], [])
        return items

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
        continues = previous is not None and (typed is None or _text_key(typed) == _text_key(previous["form"][0]))
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
        person: dict[str, Any] = {k: values[k] for k in ("name", "position", "unit", "note") if k in values}
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
