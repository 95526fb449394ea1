"""The place in the data of a text a later stage refused (issue 11 item 9)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from umt_reports.build import build
from umt_reports.cli import main
from umt_reports.errors import InputError, Location, Problem, RenderError
from umt_reports.sources import read_source
from umt_reports.sources.where import locate_problems, place_of_text


@pytest.fixture
def named(write_yaml: Callable[..., Path], sample_data: dict[str, Any]) -> Callable[[str], Path]:
    """The sample with the second chair's name changed to ``name``."""

    def write(name: str) -> Path:
        sample_data["chairs"][1]["name"] = name
        return write_yaml(sample_data)

    return write


def test_a_text_is_found_at_the_line_of_the_value_holding_it(named: Callable[[str], Path]) -> None:
    raw = read_source(named("Phạm Văn Út"))
    where = place_of_text(raw, "Văn Út")
    assert where is not None and where.file == "meeting.yaml"
    assert raw.data["chairs"][1]["name"] == "Phạm Văn Út"
    assert where == raw.locate(("chairs", 1, "name"))
    assert place_of_text(raw, "không có ở đâu cả") is None


def test_a_refused_value_becomes_an_input_problem_at_its_place(named: Callable[[str], Path]) -> None:
    raw = read_source(named("Phạm Văn Út"))
    error = locate_problems(RenderError.of("render.placed_overflow", None, value="Phạm Văn Út"), raw)
    assert isinstance(error, InputError)
    (problem,) = error.problems
    assert problem.location == raw.locate(("chairs", 1, "name")) and problem.params["shown"] == "Phạm Văn Út"


def test_a_failure_that_is_not_the_datas_stays_what_it_was(named: Callable[[str], Path]) -> None:
    raw = read_source(named("Phạm Văn Út"))
    font = RenderError(Problem("render.font_not_found", None, {"name": "X", "searched": "—"}))
    assert type(locate_problems(font, raw)) is RenderError
    elsewhere = RenderError.of(
        "render.missing_glyph", None, value="\u2603", char="«☃»", codepoint="U+2603", font="F", count=1
    )
    assert type(locate_problems(elsewhere, raw)) is RenderError  # -- not in the data: the template's --
    placed = RenderError(Problem("render.too_large", Location(file="x.yaml", line=3), {"value": "abc"}))
    assert locate_problems(placed, raw).problems[0].location == Location(file="x.yaml", line=3)


def test_a_character_the_font_lacks_is_exit_2_with_its_place(named: Callable[[str], Path], tmp_path: Path) -> None:
    path = named("Phạm Văn Út \U0001d538")
    result = CliRunner().invoke(
        main,
        ["--lang", "en", "build", str(path), "--out", str(tmp_path / "out"), "--kind", "report", "--format", "pdf"],
    )
    assert result.exit_code == 2, result.output
    line = read_source(path).locate(("chairs", 1, "name")).line
    assert f"meeting.yaml:{line}: Font " in result.output and "U+1D538" in result.output
    assert not (tmp_path / "out").exists()


def test_a_character_the_font_lacks_in_a_pdf_drawn_beside_the_docx_is_found_when_the_build_finishes(
    named: Callable[[str], Path], tmp_path: Path
) -> None:
    from umt_reports.build import start_build

    path = named("Phạm Văn Út \U0001d538")
    with pytest.raises(InputError) as raised:  # -- the PDF refuses the name: drawn in the helper (where
        #    there is one), it says so when the build finishes --
        start_build(path, tmp_path / "out", kinds=["report"], formats=["docx", "pdf"]).finish()
    line = read_source(path).locate(("chairs", 1, "name")).line
    assert [str(p.location) for p in raised.value.problems] == [f"meeting.yaml:{line}"]
    assert not (tmp_path / "out").exists()


def test_a_name_no_table_row_can_hold_is_exit_2_with_its_place(write_yaml: Callable[..., Path], tmp_path: Path) -> None:
    data = {
        "profile": "ubnd-u-minh-thuong",
        "meeting": {"title": "Hội nghị", "date": "2022-06-21"},
        "awards": [{"form": "Giấy khen", "individuals": [{"name": "Nguyễn" + "a" * 10_000}]}],
    }
    path = write_yaml(data)
    with pytest.raises(InputError) as raised:
        build(path, tmp_path / "out", kinds=["decision"], formats=["pdf"])
    (problem,) = raised.value.problems
    assert problem.code == "render.too_large"
    assert problem.location == read_source(path).locate(("awards", 0, "individuals", 0, "name"))
    assert problem.params["shown"].startswith("Nguyễnaaa") and len(problem.params["shown"]) <= 80
