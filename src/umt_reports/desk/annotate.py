"""The secretary's workbook back, with each problem cell marked so it is fixed in Excel.

In: the uploaded ``.xlsx``, the problems of its validation, a language. Out: a copy where
each cell a problem points at is filled in a warm colour and carries a comment with the
problem's message (openpyxl). A problem that names a whole column marks its header cell,
one that names a row marks the row's first cell, one that names only a sheet marks ``A1``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from umt_reports.errors import Problem

__all__ = ["MARK_FILL", "annotate_workbook", "cell_of"]

#: Fill colour of a marked cell (ARGB), and the comment's author.
MARK_FILL: Final = "FFFFC7CE"
_AUTHOR: Final = "umt-reports"
_CELL = re.compile(r"^([A-Za-z]{1,3})?(\d+)?$")


def cell_of(reference: str | None) -> str:
    """The cell to mark for a location's ``cell``: ``C12`` as is, ``C`` → ``C1``, ``12`` → ``A12``."""
    match = _CELL.match(reference or "")
    if not match or not (match.group(1) or match.group(2)):
        return "A1"
    return f"{(match.group(1) or 'A').upper()}{match.group(2) or '1'}"


def annotate_workbook(source: Path, problems: list[Problem], out: Path, lang: str = "vi") -> int:
    """Write ``out``: ``source`` with every located problem's cell marked. Returns the cells marked."""
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    book = openpyxl.load_workbook(source)
    fill = PatternFill(fill_type="solid", start_color=MARK_FILL, end_color=MARK_FILL)
    texts: dict[tuple[str, str], list[str]] = {}
    for problem in problems:
        where = problem.location
        if where is None or where.sheet is None or where.sheet not in book.sheetnames:
            continue
        texts.setdefault((where.sheet, cell_of(where.cell)), []).append(problem.message(lang))
    for (sheet, ref), messages in texts.items():
        sheet_ = book[sheet]
        cell = sheet_[ref]
        for merged in sheet_.merged_cells.ranges:  # -- a merged cell takes marks on its first cell --
            if ref in merged:
                cell = sheet_.cell(merged.min_row, merged.min_col)
                break
        cell.fill = fill
        comment = Comment("\n".join(messages), _AUTHOR)
        comment.width, comment.height = 320, 40 + 40 * len(messages)
        cell.comment = comment
    if texts:
        book.save(out)
    return len(texts)
