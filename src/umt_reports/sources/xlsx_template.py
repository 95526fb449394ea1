"""Write the meeting workbook: a blank fill-in template, or one filled from YAML-contract data.

In: an output path and, optionally, data following the contract of design.md §2 (such as
``yaml.safe_load`` of a meeting file). Out: an ``.xlsx`` laid out by
:mod:`umt_reports.sources.workbook`, which :func:`umt_reports.sources.xlsx.read_xlsx`
reads back into the same data. Data the workbook cannot hold (sub-sections, unknown
keys, an inline issuer, ...) is refused with an :class:`InputError` instead of being
dropped. The file is written atomically: a temporary file beside ``out``, then a rename.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from umt_reports import vn
from umt_reports.atomic import write_atomic
from umt_reports.errors import InputError, Location, Problem
from umt_reports.messages import describe
from umt_reports.sources import workbook as wbk
from umt_reports.sources.profiles import available_profiles, profile_search_path
from umt_reports.sources.raw import field_label

__all__ = ["VALIDATED_ROWS", "write_template"]

#: Rows below the header that carry the drop-down lists of a table column.
VALIDATED_ROWS = 1000

# -- the look of the workbook: named once here, used by every sheet --
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_EXAMPLE_FONT = Font(italic=True, color="808080")
_LABEL_FONT = Font(bold=True)
_TITLE_FONT = Font(bold=True, size=14)
_THIN = Side(style="thin", color="A6A6A6")
_HEADER_BORDER = Border(bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_WRAP_FROM_WIDTH = 40

_TOP_KEYS = (
    "profile", "meeting", "chairs", "attendees", "statistics", "sections", "awards", "report", "decision", "press",
    "issuer",
)  # fmt: skip
_LIST_TITLES = {
    "award_form": "Hình thức khen thưởng",
    "target": "Đối tượng",
    "signing_mode": "Hình thức ký",
    "content_kind": "Loại nội dung",
    "attendee_kind": "Loại thành phần",
    "yes_no": "Có/Không",
    "profiles": "Hồ sơ cơ quan ban hành",
    "issuer_kind": "Loại cơ quan",
}


def write_template(out: Path, meeting_data: dict[str, Any] | None = None) -> None:
    """Write the workbook to ``out``: blank when ``meeting_data`` is ``None``, else filled from it."""
    out = Path(out)
    plan = _Plan(meeting_data or {})
    if plan.problems:
        raise InputError(plan.problems)
    book = _Builder(plan, _profile_names(out)).build()
    _save(book, out)


def _profile_names(out: Path) -> tuple[str, ...]:
    """Profiles a workbook saved at ``out`` can name (beside it, above it, bundled)."""
    return tuple(available_profiles(profile_search_path(out)))


def _save(book: Workbook, out: Path) -> None:
    """Save atomically (:func:`umt_reports.atomic.write_atomic`)."""
    try:
        write_atomic(out, book.save)
    except OSError as exc:
        raise InputError.of(
            "xlsx.cannot_write", Location.of_file(out), path=str(out), reason=exc.strerror or str(exc)
        ) from None


# -- the plan: contract data checked and flattened into rows -----------------------------


def _keys(spec: wbk.TableSheet) -> tuple[str, ...]:
    """The contract keys of a table's columns, in order."""
    return tuple(column.key for column in spec.columns)


def _as_list(value: Any) -> list[Any]:
    """``value`` as a list: ``None`` is empty, a single value a one-item list."""
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


class _Plan:
    """The data to write, as plain cell values per sheet, plus every reason it cannot be written."""

    def __init__(self, data: dict[str, Any]):
        self.problems: list[Problem] = []
        self.forms: dict[tuple[str, ...], Any] = {}
        self.tables: dict[str, list[dict[str, Any]]] = {spec.name: [] for spec in wbk.TABLES}
        self.photos: list[dict[str, Any]] = []
        if not isinstance(data, dict):
            self.problems.append(
                Problem("xlsx.bad_value", None, {"path": field_label(()), "found": type(data).__name__})
            )
            return
        for key in data:
            if key not in _TOP_KEYS:
                self.problems.append(Problem("xlsx.unsupported_key", None, {"path": str(key)}))
        self.forms_from(data)
        self.chairs(_as_list(data.get("chairs")))
        self.attendees(_as_list(data.get("attendees")))
        self.statistics(_as_list(data.get("statistics")))
        self.sections(_as_list(data.get("sections")))
        self.awards(_as_list(data.get("awards")))

    # -- values ----------------------------------------------------------------------

    def cell(self, value: Any, path: tuple[str | int, ...]) -> Any:
        """``value`` as a cell value, or ``None`` with a problem when no cell can hold it."""
        if isinstance(value, Enum):
            value = value.value
        if value is None or isinstance(value, (bool, int, float, Decimal, dt.date)):
            return value
        if isinstance(value, dt.time):
            return value.isoformat(timespec="minutes")
        if isinstance(value, str):
            text = vn.nfc(value)
            if ILLEGAL_CHARACTERS_RE.search(text):
                return self.refuse(path, "ký tự điều khiển")
            return text
        return self.refuse(path, describe(value))

    def refuse(self, path: tuple[str | int, ...], found: str) -> None:
        """Record that the value at ``path`` fits no cell (``found`` says what it is)."""
        self.problems.append(Problem("xlsx.bad_value", None, {"path": field_label(path), "found": found}))

    def mapping(self, value: Any, path: tuple[str | int, ...], allowed: Iterable[str]) -> dict[str, Any]:
        """``value`` as a mapping whose keys are all ``allowed``; problems for anything else."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.refuse(path, describe(value))
            return {}
        allowed = set(allowed)
        for key in value:
            if key not in allowed:
                self.problems.append(Problem("xlsx.unsupported_key", None, {"path": field_label((*path, str(key)))}))
        return value

    def texts(self, value: Any, path: tuple[str | int, ...]) -> list[Any]:
        """Each item of a text list (or single text) as a cell value."""
        return [self.cell(item, (*path, i)) for i, item in enumerate(_as_list(value))]

    def flag(self, value: Any, path: tuple[str | int, ...]) -> Any:
        """A true/false value as its yes/no word (anything else as a plain cell value)."""
        if isinstance(value, bool):
            return wbk.YES if value else wbk.NO
        return self.cell(value, path)

    # -- parts -----------------------------------------------------------------------

    def forms_from(self, data: dict[str, Any]) -> None:
        """The values of the label/value sheets (Hội nghị, Văn bản, Quyết định, Tin bài) and the photos."""
        profile = data.get("profile")
        inline = profile if isinstance(profile, dict) else data.get("issuer")
        # -- an inline profile goes to the issuing-body sheet; a profile name to Hội nghị --
        self.forms[("profile",)] = None if isinstance(profile, dict) else self.cell(profile, ("profile",))
        self.document({"issuer": inline} if inline is not None else {}, wbk.ISSUER)
        meeting = self.mapping(data.get("meeting"), ("meeting",), ("title", "date", "place"))
        for key in ("title", "date", "place"):
            self.forms[("meeting", key)] = self.cell(meeting.get(key), ("meeting", key))
        self.document(data, wbk.REPORT)
        self.document(data, wbk.DECISION)
        press = self.mapping(data.get("press"), ("press",), ("outlet", "section", "published", "author", "photos"))
        for key in ("outlet", "section", "published", "author"):
            self.forms[("press", key)] = self.cell(press.get(key), ("press", key))
        for i, photo in enumerate(_as_list(press.get("photos"))):
            photo = self.mapping(photo, ("press", "photos", i), ("file", "caption", "credit"))
            self.photos.append({k: self.cell(photo.get(k), ("press", "photos", i, k)) for k in _keys(wbk.PHOTOS)})

    def document(self, data: dict[str, Any], spec: wbk.FormSheet) -> None:
        """The values of a form whose fields all sit under one contract key (``report``, ``decision``).

        The keys the form has a field for are the keys allowed; ``signer`` and the like
        (fields three keys deep) are mappings of their own.
        """
        (section,) = {item.path[0] for item in spec.fields}
        children: dict[str, set[str]] = {}
        for item in spec.fields:
            children.setdefault(item.path[1], set()).update(item.path[2:3])
        parent = self.mapping(data.get(section), (section,), children)
        nested = {key: self.mapping(parent.get(key), (section, key), keys) for key, keys in children.items() if keys}
        for item in spec.fields:
            value = (nested[item.path[1]] if len(item.path) > 2 else parent).get(item.path[-1])
            if item.kind == "list":
                self.forms[item.path] = self.texts(value, item.path)
            elif item.kind == "bool":
                self.forms[item.path] = self.flag(value, item.path)
            else:
                self.forms[item.path] = self.cell(value, item.path)

    def chairs(self, chairs: list[Any]) -> None:
        """One row per chair; several positions go in one cell, one per line."""
        rows = self.tables[wbk.CHAIRS.name]
        for i, chair in enumerate(chairs):
            chair = self.mapping(chair, ("chairs", i), ("name", "positions"))
            positions = [p for p in self.texts(chair.get("positions"), ("chairs", i, "positions")) if p is not None]
            rows.append({
                "name": self.cell(chair.get("name"), ("chairs", i, "name")),
                "positions": "\n".join(str(p) for p in positions) or None,
            })  # fmt: skip

    def attendees(self, attendees: list[Any]) -> None:
        """One row per attendee line, with Loại written out (Nhóm or Cá nhân)."""
        rows = self.tables[wbk.ATTENDEES.name]
        for i, item in enumerate(attendees):
            path = ("attendees", i)
            if not isinstance(item, dict):
                rows.append({"who": self.cell(item, path), "kind": wbk.ATTENDEE_GROUP})
                continue
            item = self.mapping(item, path, ("group", "name", "position", "unit"))
            if item.get("group") is not None and item.get("name") is not None:
                self.problems.append(Problem("xlsx.attendee_group_and_name", None, {"path": field_label(path)}))
            person = item.get("name") is not None
            who = "name" if person else "group"
            rows.append({
                "who": self.cell(item.get(who), (*path, who)),
                "position": self.cell(item.get("position"), (*path, "position")),
                "unit": self.cell(item.get("unit"), (*path, "unit")),
                "kind": wbk.ATTENDEE_PERSON if person else wbk.ATTENDEE_GROUP,
            })  # fmt: skip

    def statistics(self, statistics: list[Any]) -> None:
        """One row per figure."""
        rows = self.tables[wbk.STATISTICS.name]
        keys = ("label", "value", "unit", "note")
        for i, item in enumerate(statistics):
            item = self.mapping(item, ("statistics", i), keys)
            rows.append({k: self.cell(item.get(k), ("statistics", i, k)) for k in keys})

    def sections(self, sections: list[Any]) -> None:
        """One row per paragraph or point; Mục on the first row of each section."""
        rows = self.tables[wbk.SECTIONS.name]
        previous: Any = None
        for i, section in enumerate(sections):
            path = ("sections", i)
            section = self.mapping(section, path, ("title", "paragraphs", "points", "sections"))
            if section.get("sections"):
                self.problems.append(Problem("xlsx.nested_sections", None, {"path": field_label((*path, "sections"))}))
            title = self.cell(section.get("title"), (*path, "title"))
            key = vn.fold_header(title) if isinstance(title, str) else title
            if i > 0 and (title is None or key == previous):
                self.problems.append(Problem("xlsx.sections_merge", None, {"path": field_label(path)}))
            previous = key
            lines = [(wbk.CONTENT_PARAGRAPH, p) for p in self.texts(section.get("paragraphs"), (*path, "paragraphs"))]
            lines += [(wbk.CONTENT_POINT, p) for p in self.texts(section.get("points"), (*path, "points"))]
            if not lines:
                rows.append({"title": title})
            for n, (kind, text) in enumerate(lines):
                rows.append({"title": title if n == 0 else None, "kind": kind, "text": text})

    def awards(self, awards: list[Any]) -> None:
        """One row per count line or named awardee; the award's key cells on its first row."""
        rows = self.tables[wbk.AWARDS.name]
        previous: dict[str, Any] | None = None
        keys = ("form", "decided_by", "reason", "amount")
        for i, award in enumerate(awards):
            path = ("awards", i)
            award = self.mapping(award, path, (*keys, "collectives", "individuals"))
            values = {k: self.cell(award.get(k), (*path, k)) for k in keys}
            if previous is not None and _award_key(values) == _award_key(previous):
                self.problems.append(Problem("xlsx.awards_merge", None, {"path": field_label(path)}))
            first = dict(values)
            if previous is not None and _fold(values["form"]) == _fold(previous["form"]):
                # -- the reader would inherit a blank from the award above: write "none" explicitly --
                for key in keys[1:]:
                    if values[key] is None and previous[key] is not None:
                        first[key] = wbk.DASHES[-1]
            previous = values
            lines: list[dict[str, Any]] = []
            for name, target in (("collectives", wbk.TARGET_COLLECTIVE), ("individuals", wbk.TARGET_INDIVIDUAL)):
                lines += self.awardees(award.get(name), (*path, name), target)
            rows.append({**first, **(lines[0] if lines else {})})
            rows.extend(lines[1:])

    def awardees(self, value: Any, path: tuple[str | int, ...], target: str) -> list[dict[str, Any]]:
        """Rows of one group: a count line, then one row per named awardee."""
        if value is None:
            return []
        count: Any = None
        members: list[Any] = []
        if isinstance(value, dict):
            value = self.mapping(value, path, ("count", "members"))
            count = self.cell(value.get("count"), (*path, "count"))
            members = _as_list(value.get("members"))
            path = (*path, "members")
        elif isinstance(value, (list, tuple)):
            members = list(value)
        else:
            count = self.cell(value, path)
        lines: list[dict[str, Any]] = []
        if count is not None:
            lines.append({"target": target, "count": count})
        fields = ("name", "position", "unit", "note")
        for k, member in enumerate(members):
            if not isinstance(member, dict):
                member = {"name": member}
            member = self.mapping(member, (*path, k), fields)
            lines.append({"target": target, **{f: self.cell(member.get(f), (*path, k, f)) for f in fields}})
        return lines


def _fold(value: Any) -> Any:
    """Comparison key of a text (case, spacing and diacritics ignored)."""
    return vn.fold_header(value) if isinstance(value, str) else value


def _award_key(values: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two consecutive awards one in the workbook: form, decider, reason, amount."""
    amount = values["amount"]
    if isinstance(amount, (int, float, Decimal)) and not isinstance(amount, bool):
        amount = Decimal(str(amount))
    return (_fold(values["form"]), _fold(values["decided_by"]), _fold(values["reason"]), amount)


# -- the builder: sheets, styles, lists -------------------------------------------------


class _Builder:
    """Lays the plan out as a styled workbook."""

    def __init__(self, plan: _Plan, profiles: tuple[str, ...]):
        self.plan = plan
        self.lists = {**wbk.choice_lists(), "profiles": profiles}
        self.book = Workbook()
        self.ranges: dict[str, str] = {}
        #: (sheet, cells, list name) of every drop-down, added once the lists sheet exists.
        self.validations: list[tuple[str, str, str]] = []

    def build(self) -> Workbook:
        """The whole workbook: instructions, one sheet per part, the hidden lists."""
        book = self.book
        book.remove(book.active)
        self.instructions(book.create_sheet(wbk.INSTRUCTIONS_SHEET))
        lists = book.create_sheet(wbk.LISTS_SHEET)
        forms = {form.name: form for form in wbk.FORMS}
        tables = {table.name: table for table in wbk.TABLES}
        for name in wbk.SHEET_ORDER:
            sheet = book.create_sheet(name)
            if name in forms:
                self.form(sheet, forms[name])
            else:
                self.table(sheet, tables[name], self.plan.tables[name], first_row=1)
        book.move_sheet(lists, offset=len(book.sheetnames))
        self.fill_lists(lists)
        book.active = 0
        return book

    def instructions(self, sheet: Worksheet) -> None:
        """The Vietnamese instructions sheet."""
        sheet.column_dimensions["A"].width = 18
        sheet.column_dimensions["B"].width = 110
        for number, (heading, text) in enumerate((*wbk.INSTRUCTIONS, _kinds_row()), start=1):
            head = sheet.cell(row=number, column=1, value=heading or None)
            body = sheet.cell(row=number, column=2, value=text or None)
            head.font = _TITLE_FONT if number == 1 else _LABEL_FONT
            head.alignment = _TOP
            body.alignment = _WRAP

    def fill_lists(self, sheet: Worksheet) -> None:
        """Write the drop-down lists into the hidden sheet and attach every drop-down."""
        sheet.sheet_state = "hidden"
        for index, (name, values) in enumerate(self.lists.items(), start=1):
            letter = get_column_letter(index)
            sheet.cell(row=1, column=index, value=_LIST_TITLES.get(name, name)).font = _HEADER_FONT
            for row, value in enumerate(values, start=2):
                sheet.cell(row=row, column=index, value=value)
            sheet.column_dimensions[letter].width = 28
            last = max(len(values), 1) + 1
            self.ranges[name] = f"'{wbk.LISTS_SHEET}'!${letter}$2:${letter}${last}"
        for sheet_name, cells, name in self.validations:
            self.validate(self.book[sheet_name], cells, name)

    def validate(self, sheet: Worksheet, cells: str, name: str) -> None:
        """A drop-down of list ``name`` on ``cells``; profiles and award forms only suggest (any
        other name or form, as the data writes it, is allowed)."""
        strict = name not in ("profiles", "award_form")
        rule = DataValidation(
            type="list",
            formula1=self.ranges[name],
            allow_blank=True,
            showErrorMessage=strict,
            errorTitle="Giá trị không có trong danh sách" if strict else None,
            error=f"Chọn một giá trị trong danh sách {_LIST_TITLES[name]}." if strict else None,
        )
        rule.add(cells)
        sheet.add_data_validation(rule)

    def header(self, sheet: Worksheet, row: int, titles: Iterable[str]) -> None:
        """A styled header row."""
        for column, title in enumerate(titles, start=1):
            cell = sheet.cell(row=row, column=column, value=title)
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
            cell.border = _HEADER_BORDER
            cell.alignment = _WRAP

    def put(self, sheet: Worksheet, row: int, column: int, value: Any, kind: wbk.Kind = "text") -> Any:
        """Write one value with the number format its kind calls for."""
        cell = sheet.cell(row=row, column=column)
        cell.value = value
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # -- text that looks like a formula stays text --
        if kind == "date":
            cell.number_format = wbk.DATE_FORMAT
        elif kind == "datetime":
            if isinstance(value, dt.datetime) and value.time() == dt.time():
                # -- midnight would read back as a bare date: keep the time as text --
                cell.value = value.strftime("%d/%m/%Y %H:%M")
            elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                cell.number_format = wbk.DATE_FORMAT
            else:
                cell.number_format = wbk.DATETIME_FORMAT
        return cell

    def form(self, sheet: Worksheet, spec: wbk.FormSheet) -> None:
        """A label/value sheet with grey examples in column C (and Tin bài's photo table below)."""
        self.header(sheet, 1, wbk.FORM_HEADERS)
        sheet.freeze_panes = "A2"
        for letter, width in zip("ABC", (28, 70, 60)):
            sheet.column_dimensions[letter].width = width
        row = 2
        for item in spec.fields:
            value = self.plan.forms.get(item.path)
            values: list[Any] = list(value or []) if item.kind == "list" else [value]
            if item.kind == "list" and not item.repeat:
                values = [", ".join(str(v) for v in value or () if v is not None) or None]
            elif item.kind == "list" and not values:
                values = [None] * item.repeat
            for n, one in enumerate(values):
                sheet.cell(row=row, column=1, value=item.label).font = _LABEL_FONT
                cell = self.put(sheet, row, 2, one, item.kind)
                cell.alignment = _WRAP
                if n == 0 and item.example:
                    example = sheet.cell(row=row, column=3, value=item.example)
                    example.font = _EXAMPLE_FONT
                    example.alignment = _WRAP
                if item.choices:
                    self.validations.append((sheet.title, cell.coordinate, item.choices))
                row += 1
        if spec.table is not None:
            self.table(sheet, spec.table, self.plan.photos, first_row=row + 1, widths=False)

    def table(
        self, sheet: Worksheet, spec: wbk.TableSheet, rows: list[dict[str, Any]], first_row: int, widths: bool = True
    ) -> None:
        """A table sheet: frozen header, then the data rows or, when there are none, the grey examples."""
        self.header(sheet, first_row, (column.header for column in spec.columns))
        if first_row == 1:
            sheet.freeze_panes = "A2"
        if widths:
            for index, column in enumerate(spec.columns, start=1):
                sheet.column_dimensions[get_column_letter(index)].width = column.width
        lines = [(values, False) for values in rows] or [(example, True) for example in spec.examples]
        for number, (values, is_example) in enumerate(lines, start=first_row + 1):
            for index, column in enumerate(spec.columns, start=1):
                value = values.get(column.key)
                if value is None and not is_example:
                    continue
                cell = self.put(sheet, number, index, value, column.kind)
                if is_example:
                    cell.font = _EXAMPLE_FONT
                if column.number_format and isinstance(value, (int, float, Decimal)):
                    cell.number_format = column.number_format
                cell.alignment = _WRAP if column.width >= _WRAP_FROM_WIDTH or column.kind == "list" else _TOP
        for index, column in enumerate(spec.columns, start=1):
            if column.choices:
                letter = get_column_letter(index)
                cells = f"{letter}{first_row + 1}:{letter}{first_row + VALIDATED_ROWS}"
                self.validations.append((sheet.title, cells, column.choices))


def _kinds_row() -> tuple[str, str]:
    """The instructions row naming, for each document kind of the registry, the sheets it needs."""
    from umt_reports.documents.kinds import DATA_PARTS, KINDS

    parts = []
    for kind in KINDS.values():
        sheets = [DATA_PARTS[need][1] for need in kind.needs]
        parts.append(f"{kind.vn_name}: cần trang {', '.join(sheets)}" if sheets else kind.vn_name)
    return ("Loại văn bản", "Có thể lập " + "; ".join(parts) + ". Trang Hội nghị luôn cần có.")
