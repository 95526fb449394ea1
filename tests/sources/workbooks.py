"""Workbooks made by the tests themselves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl


def make_book(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """Save a workbook whose sheets hold ``rows`` from A1 (``None`` leaves a cell empty)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=r, column=c, value=value)
    book.save(path)
    return path
