"""The YAML reader under hostile or damaged input: every case a located problem or a clean value.

Control characters PyYAML refuses (NUL, DEL, C1) are removed with a note at their line, as in
values; nesting deeper than the composer can take is a limit, not a RecursionError; an explicit
tag on a value of another shape is a located problem; a number where text is expected that
cannot be written out is a located problem (from YAML and from a workbook cell). The C composer
is used when PyYAML has it, and gives the same data and places as the pure-Python one.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from tests.sources.workbooks import make_book

import umt_reports
import umt_reports.sources.yaml as yaml_reader
from umt_reports.build import build
from umt_reports.cli import main
from umt_reports.errors import InputError, LimitError
from umt_reports.sources.yaml import MAX_DEPTH, read_yaml

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "u-minh-thuong-2022" / "meeting.yaml"


def _sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str, name: str = "meeting.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    if not (tmp_path / "photos").exists():  # -- the sample's photo paths are relative to the data file --
        shutil.copytree(SAMPLE.parent / "photos", tmp_path / "photos")
    return path


def _title_line(text: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith("  title:"))


def _problems(error: InputError) -> list[tuple[str, str]]:
    return [(p.code, str(p.location)) for p in error.problems]


# -- control characters -------------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x00", "\x7f", "\x80", "\x9f", "\x1b"])
def test_a_raw_control_character_in_the_file_is_removed_with_a_note_at_its_line(tmp_path: Path, char: str) -> None:
    text = _sample_text().replace("  title: Hội nghị", f"  title: Hội{char} nghị", 1)
    path = _write(tmp_path, text)
    raw = umt_reports.api.read_meeting_file(path)
    assert raw.data["meeting"]["title"].startswith("Hội nghị tổng kết")
    line = _title_line(text)
    assert [(n.code, str(n.location), n.params) for n in raw.notes] == [
        ("legacy.control_removed", f"meeting.yaml:{line}", {"count": 1})
    ]


def test_validate_of_a_file_with_a_nul_is_valid_with_a_note_not_an_internal_error(tmp_path: Path) -> None:
    path = _write(tmp_path, _sample_text().replace("Hội nghị", "Hội\x00\x00 nghị", 1))
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "Đã bỏ 2 ký tự điều khiển" in result.output


def test_del_and_c1_controls_written_as_escapes_never_reach_a_document(tmp_path: Path) -> None:
    text = re.sub(r"\n  place: .*", lambda _: '\n  place: "Hội\\x7f trường\\x85số\\x9b 1"', _sample_text(), count=1)
    path = _write(tmp_path, text)
    raw = umt_reports.api.read_meeting_file(path)
    assert raw.data["meeting"]["place"] == "Hội trường\nsố 1"
    assert [n.code for n in raw.notes] == ["legacy.control_removed"]


@pytest.mark.slow
def test_a_del_in_the_data_gives_documents_without_it_in_every_format(
    tmp_path: Path, sample_data: dict[str, Any]
) -> None:
    sample_data["press"].pop("photos", None)
    sample_data["meeting"]["title"] = "Hội nghị\x7f tổng kết\x85năm"
    path = _write(tmp_path, yaml.safe_dump(sample_data, allow_unicode=True))
    out = tmp_path / "out"
    build(path, out, kinds=["report", "press"], formats=["docx", "pdf", "html"])
    for file in out.iterdir():
        if file.suffix == ".docx":
            with zipfile.ZipFile(file) as docx:
                body = docx.read("word/document.xml").decode("utf-8")
            assert "\x7f" not in body and "tổng kết" in body
        elif file.suffix == ".html":
            body = file.read_text(encoding="utf-8")
            assert "\x7f" not in body and "&#127;" not in body and "tổng kết" in body


# -- nesting ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("loader", ["c", "python"])
@pytest.mark.parametrize("depth", [999, 1000, 20_000])
def test_deep_flow_nesting_is_a_located_limit_with_either_composer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loader: str, depth: int
) -> None:
    if loader == "python":
        monkeypatch.setattr(yaml_reader, "_Loader", yaml.SafeLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("PyYAML was built without libyaml")
    path = _write(tmp_path, "meeting:\n  title: x\nextra: " + "[" * depth + "]" * depth + "\n")
    with pytest.raises(LimitError) as caught:
        read_yaml(path)
    problem = caught.value.problems[0]
    assert problem.code == "yaml.too_deep" and problem.params == {"limit": MAX_DEPTH}
    assert problem.location is not None and problem.location.file == "meeting.yaml"


def test_deep_block_nesting_is_a_located_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "meeting:\n  title: x\nextra:\n  " + "- " * 5000 + "x\n")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert "meeting.yaml:" in result.output and "lồng quá sâu" in result.output


# -- explicit tags of the wrong shape ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "tag", "value"),
    [
        ("number: 25", "number: !!int abc", "!!int", "abc"),
        ("collectives: 5", "collectives: !!timestamp 5", "!!timestamp", "5"),
        ("collectives: 5", "collectives: !!bool 5", "!!bool", "5"),
        ("number: 25", "number: !!float abc", "!!float", "abc"),
        ("number: 25", "number: !!timestamp 2022-13-45", "!!timestamp", "2022-13-45"),
    ],
)
def test_an_explicit_tag_on_a_value_of_another_shape_is_a_located_problem(
    tmp_path: Path, old: str, new: str, tag: str, value: str
) -> None:
    text = _sample_text()
    assert old in text
    path = _write(tmp_path, text.replace(old, new, 1))
    line = next(i for i, row in enumerate(text.splitlines(), 1) if old in row)
    with pytest.raises(InputError) as caught:
        read_yaml(path)
    assert _problems(caught.value) == [("yaml.tag_value", f"meeting.yaml:{line}")]
    assert caught.value.problems[0].params == {"tag": tag, "value": value}
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"meeting.yaml:{line}: Giá trị `{value}` không đọc được theo thẻ {tag}" in result.output


# -- a number where text is expected ---------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["1.0e+300", ".inf", "-.inf", ".nan", "1.0e-300"])
def test_a_number_that_cannot_be_written_as_a_title_is_a_located_problem(tmp_path: Path, typed: str) -> None:
    text = re.sub(r"\n  title: .*", f"\n  title: {typed}", _sample_text(), count=1)
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        umt_reports.load_meeting(path)
    assert _problems(caught.value) == [("value.number_not_text", f"meeting.yaml:{_title_line(text)}")]
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(tmp_path / "out"), "--format", "html"])
    assert result.exit_code == 2 and "Cần chữ nhưng gặp số" in result.output
    assert not (tmp_path / "out").exists()


def test_a_plain_number_as_a_title_is_still_written_in_vietnamese_digits(tmp_path: Path) -> None:
    text = re.sub(r"\n  title: .*", "\n  title: 2022.5", _sample_text(), count=1)
    meeting = umt_reports.load_meeting(_write(tmp_path, text))
    assert meeting.info.title == "2.022,5"


def test_a_huge_number_in_a_workbook_title_cell_is_a_problem_at_that_cell(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": [["Mục", "Giá trị"], ["Cơ quan ban hành (hồ sơ)", "ubnd-u-minh-thuong"], ["Tên hội nghị", 1e300]],
    })  # fmt: skip
    with pytest.raises(InputError) as caught:
        umt_reports.load_meeting(path)
    assert _problems(caught.value) == [("value.number_not_text", "Hội nghị!B3")]


# -- the C composer ---------------------------------------------------------------------------------------


def test_the_c_composer_is_used_when_pyyaml_has_it() -> None:
    expected = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
    assert yaml_reader._Loader is expected


@pytest.mark.parametrize("name", ["meeting.yaml", "meeting-awards.yaml", "meeting-party.yaml"])
def test_both_composers_give_the_same_data_places_and_notes(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    path = SAMPLE.parent / name
    fast = read_yaml(path)
    monkeypatch.setattr(yaml_reader, "_Loader", yaml.SafeLoader)
    slow = read_yaml(path)
    assert fast.data == slow.data
    assert fast.locations == slow.locations
    assert fast.notes == slow.notes


def test_del_and_c1_controls_in_a_workbook_cell_are_removed_with_a_note_at_the_cell(tmp_path: Path) -> None:
    from tests.sources.test_quirks import _set_inline

    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": [["Mục", "Giá trị"], ["Cơ quan ban hành (hồ sơ)", "ubnd-u-minh-thuong"], ["Tên hội nghị", "TITLE"]],
    })  # fmt: skip
    _set_inline(path, "TITLE", "Hội_x007F_ nghị_x0085_sơ_x009B_ kết")  # -- how Excel stores controls --
    raw = umt_reports.api.read_meeting_file(path)
    assert raw.data["meeting"]["title"] == "Hội nghị sơ kết"  # -- NEL is a line break, folded in a title --
    assert [(n.code, str(n.location), n.params) for n in raw.notes] == [
        ("legacy.control_removed", "Hội nghị!B3", {"count": 2})
    ]
