"""The workbook back with its problem cells marked: colour and comment on the very cell."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from umt_reports.desk.annotate import MARK_FILL, annotate_workbook, cell_of
from umt_reports.errors import Location, Problem

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "u-minh-thuong-2022" / "meeting.xlsx"


@pytest.mark.parametrize(("reference", "cell"), [("F3", "F3"), ("c", "C1"), ("12", "A12"), (None, "A1"), ("?!", "A1")])
def test_a_location_names_the_cell_to_mark(reference: str | None, cell: str) -> None:
    assert cell_of(reference) == cell


def _problem(sheet: str, cell: str | None, value: str = "mười") -> Problem:
    return Problem(
        "value.not_integer",
        Location(file="m.xlsx", sheet=sheet, cell=cell),
        {"field": "awards[1].individuals.count", "value": value},
    )


def test_each_problem_cell_is_filled_and_carries_the_message(tmp_path: Path) -> None:
    out = tmp_path / "m-loi.xlsx"
    marked = annotate_workbook(
        SAMPLE, [_problem("Khen thưởng", "F3"), _problem("Khen thưởng", "F3", "hai"), _problem("Không có", "A1")], out
    )
    assert marked == 1
    sheet = openpyxl.load_workbook(out)["Khen thưởng"]
    cell = sheet["F3"]
    assert cell.fill.fgColor.rgb == MARK_FILL
    lines = cell.comment.text.splitlines()
    assert len(lines) == 2 and "«mười»" in lines[0] and "«hai»" in lines[1]
    assert sheet["F2"].comment is None
    assert openpyxl.load_workbook(out)["Khen thưởng"]["F2"].value == 5


def test_a_merged_cell_is_marked_on_its_first_cell(tmp_path: Path) -> None:
    source = tmp_path / "m.xlsx"
    book = openpyxl.load_workbook(SAMPLE)
    book["Khen thưởng"].merge_cells("G2:H2")
    book.save(source)
    out = tmp_path / "m-loi.xlsx"
    assert annotate_workbook(source, [_problem("Khen thưởng", "H2")], out) == 1
    assert openpyxl.load_workbook(out)["Khen thưởng"]["G2"].comment is not None


def test_no_located_problem_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "m-loi.xlsx"
    assert annotate_workbook(SAMPLE, [Problem("file.empty", None, {})], out) == 0
    assert not out.exists()
