"""Convert a whole workbook typed in TCVN3 (ABC) or VNI to Unicode, keeping everything else.

In: an ``.xlsx`` file. Out: the same workbook with every legacy-encoded text cell (and sheet
title) converted to Unicode NFC and every cell set in a legacy font (``.VnTime``,
``VNI-Times``…) switched to Times New Roman, written atomically to the destination. The
conversion notes say which cells changed. Formulas, numbers, dates, styles and the other
sheets are left as they are.

The input passes the same gate as the reader (:func:`umt_reports.sources.xlsx.read_xlsx`):
size limit, zip check and zip-bomb check, before openpyxl parses anything.
"""

from __future__ import annotations

import copy
import warnings
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell

from umt_reports import vn
from umt_reports.atomic import write_atomic
from umt_reports.errors import InputError, Location, Problem
from umt_reports.sources import check_file
from umt_reports.sources.raw import legacy_note

__all__ = ["UNICODE_FONT", "convert_workbook"]

#: The font legacy-font cells are switched to (ND30 asks for a Unicode Times font).
UNICODE_FONT = "Times New Roman"


def convert_workbook(src: str | Path, dst: str | Path) -> list[Problem]:
    """Write ``src`` converted to Unicode as ``dst``; return one note per converted cell or sheet title.

    Raises :class:`InputError` (or :class:`LimitError`) when ``src`` cannot be read as a
    workbook or is over a limit, and when ``dst`` cannot be written. ``dst`` may be ``src``.
    """
    src, dst = Path(src), Path(dst)
    _check_input(src)
    where = Location.of_file(src)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # -- openpyxl warns about every extension it drops --
        try:
            book = load_workbook(src)
        except Exception as exc:  # -- openpyxl raises anything from KeyError to XML errors --
            from umt_reports.sources.xlsx_zip import error_reason

            raise InputError.of("xlsx.corrupt", where, reason=error_reason(exc)) from None
    notes: list[Problem] = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                _convert_cell(cell, src.name, sheet.title, notes)
        _convert_title(sheet, src.name, notes)
    _save_atomic(book, dst)
    return notes


def _check_input(src: Path) -> None:
    """The reader's gate: exists, not too large, an .xlsx zip, not a zip bomb."""
    from umt_reports.sources.xlsx_zip import check_zip

    if check_file(src) != "xlsx":
        raise InputError.of("file.unsupported_type", Location.of_file(src), kind=src.suffix or "?")
    check_zip(src, Location.of_file(src))


def _convert_cell(cell: Any, file: str, sheet: str, notes: list[Problem]) -> None:
    """Convert one cell's text when legacy-encoded, and move it off a legacy font."""
    if isinstance(cell, MergedCell):
        return
    font = cell.font
    name = font.name if font is not None else None
    value = cell.value
    if isinstance(value, str) and not value.startswith("=") and not value.isascii():
        encoding = vn.detect_legacy(value, name)
        if encoding is not None:
            converted = vn.to_unicode(value, encoding, capitals=vn.is_capitals_font(name))
            cell.value = converted
            notes.append(legacy_note(value, converted, encoding, Location(file, sheet=sheet, cell=cell.coordinate)))
    if vn.font_encoding(name) is not None:
        replaced = copy.copy(font)
        replaced.name = UNICODE_FONT
        cell.font = replaced


def _convert_title(sheet: Any, file: str, notes: list[Problem]) -> None:
    """Convert a sheet title typed in a legacy encoding (no font hint: only clear cases)."""
    title = sheet.title
    encoding = vn.detect_legacy(title)
    if encoding is None:
        return
    converted = vn.to_unicode(title, encoding)
    if converted in sheet.parent.sheetnames:
        return  # -- a sheet of that name exists: keep both as they are --
    sheet.title = converted
    notes.append(legacy_note(title, converted, encoding, Location(file, sheet=converted)))


def _save_atomic(book: Any, dst: Path) -> None:
    """Save to a temporary file beside ``dst``, then rename it into place."""
    try:
        write_atomic(dst, book.save)
    except OSError as exc:
        where = Location.of_file(dst)
        raise InputError.of("xlsx.cannot_write", where, path=str(dst), reason=exc.strerror or str(exc)) from None
