"""Limits on hostile or runaway input: each refused quickly, with a clear located message and exit 2.

File size, zip bombs (declared sizes and ratios, checked before openpyxl parses anything),
rows per sheet, characters per cell, YAML alias expansion and nesting depth.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import umt_reports
from umt_reports.cli import main
from umt_reports.errors import InputError, LimitError
from umt_reports.sources import MAX_FILE_BYTES
from umt_reports.sources.xlsx import MAX_CELL_CHARS, MAX_RATIO, MAX_ROWS, MAX_UNPACKED, read_xlsx
from umt_reports.sources.yaml import MAX_DEPTH, MAX_NODES

MEETING_ROWS = [["Cơ quan ban hành (hồ sơ)", "ubnd-u-minh-thuong"], ["Tên hội nghị", "Hội nghị sơ kết"]]


def _codes(error: InputError) -> list[tuple[str, str]]:
    return [(p.code, str(p.location)) for p in error.problems]


def _zip_bomb(path: Path, declared: int) -> Path:
    """A ~1 MB zip whose central directory claims ``declared`` unpacked bytes."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", bytes(range(256)) * 4096)
        archive.filelist[-1].file_size = declared
    return path


# -- file size -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["big.xlsx", "big.yaml"])
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04" if name.endswith("xlsx") else b"meeting:\n")
        handle.truncate(MAX_FILE_BYTES + 1)  # -- sparse: nothing is really written --
    started = time.perf_counter()
    with pytest.raises(LimitError) as caught:
        umt_reports.load_meeting(path)
    assert time.perf_counter() - started < 10  # -- a hang guard only; bench/limits.py measures the speed --
    assert _codes(caught.value) == [("file.too_large", name)]
    assert caught.value.problems[0].params == {"size": MAX_FILE_BYTES + 1, "limit": MAX_FILE_BYTES}


# -- zip bombs ---------------------------------------------------------------------------------------


def test_a_one_megabyte_zip_declaring_five_gigabytes_is_refused_quickly(tmp_path: Path) -> None:
    path = _zip_bomb(tmp_path / "bomb.xlsx", 5 * 1024**3)
    assert 0.9 * 1024**2 < path.stat().st_size < 1.2 * 1024**2
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert time.perf_counter() - started < 10  # -- a hang guard only; bench/limits.py measures the speed --
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0] == f"{path}: 1 lỗi."
    assert lines[1].startswith("  - bomb.xlsx: Tệp .xlsx khai báo 536870")  # -- 5 GB + the small parts --
    assert "Tệp có thể độc hại nên không được mở." in lines[1]


def test_the_zip_bomb_message_in_english_states_the_limits(tmp_path: Path) -> None:
    path = _zip_bomb(tmp_path / "bomb.xlsx", 5 * 1024**3)
    with pytest.raises(LimitError) as caught:
        read_xlsx(path)
    text = caught.value.problems[0].format("en")
    assert f"the limit is {MAX_UNPACKED} bytes and {MAX_RATIO}:1" in text and "it is not opened" in text


def test_a_zip_whose_parts_unpack_too_far_is_refused_by_ratio(tmp_path: Path) -> None:
    path = tmp_path / "ratio.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/sharedStrings.xml", bytes(30 * 1024 * 1024))  # -- 30 MB of zeros, ~30 KB packed --
    with pytest.raises(LimitError) as caught:
        read_xlsx(path)
    assert caught.value.problems[0].code == "xlsx.zip_bomb"
    assert caught.value.problems[0].params["ratio"] > MAX_RATIO


def test_the_convert_command_applies_the_same_zip_check(tmp_path: Path) -> None:
    path = _zip_bomb(tmp_path / "bomb.xlsx", 5 * 1024**3)
    result = CliRunner().invoke(main, ["convert", str(path), str(tmp_path / "out.xlsx")])
    assert result.exit_code == 2 and "xlsx" in result.output
    assert not (tmp_path / "out.xlsx").exists()


# -- rows and cells ---------------------------------------------------------------------------------


def test_data_below_the_row_limit_is_refused_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "m.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Hội nghị"
    for row in MEETING_ROWS:
        book.active.append(row)
    chairs = book.create_sheet("Chủ trì")
    chairs["A1"] = "Họ và tên"
    chairs.cell(row=MAX_ROWS + 1, column=1, value="Ai đó")
    book.save(path)
    with pytest.raises(LimitError) as caught:
        read_xlsx(path)
    assert _codes(caught.value) == [("xlsx.too_many_rows", f"Chủ trì!A{MAX_ROWS + 1}")]
    assert "chỉ đọc tối đa 5000 dòng" in str(caught.value)


def test_an_over_long_cell_is_a_located_problem_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "m.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Hội nghị"
    for row in MEETING_ROWS:
        book.active.append(row)
    book.active.append(["Địa điểm", "PLACEHOLDER"])
    book.save(path)
    # -- openpyxl (like Excel) cuts a cell at 32,767 characters: only a crafted file holds more --
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b"PLACEHOLDER", b"x" * (MAX_CELL_CHARS + 1))
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    raw = read_xlsx(path)
    assert [(p.code, str(p.location)) for p in raw.problems] == [("xlsx.cell_too_long", "Hội nghị!B3")]
    assert raw.problems[0].params == {"length": MAX_CELL_CHARS + 1, "limit": MAX_CELL_CHARS}
    assert raw.data["meeting"] == {"title": "Hội nghị sơ kết"}
    with pytest.raises(InputError) as caught:
        umt_reports.load_meeting(path)
    assert _codes(caught.value) == [("xlsx.cell_too_long", "Hội nghị!B3")]


def test_text_longer_than_the_model_allows_is_located_too(tmp_path: Path) -> None:
    path = tmp_path / "m.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Hội nghị"
    for row in MEETING_ROWS:
        book.active.append(row)
    book.active.append(["Địa điểm", "x" * 20_001])
    book.save(path)
    with pytest.raises(InputError) as caught:
        umt_reports.load_meeting(path)
    assert _codes(caught.value) == [("value.too_long", "Hội nghị!B3")]


# -- YAML ---------------------------------------------------------------------------------------------


def test_a_yaml_alias_bomb_is_stopped_at_the_node_budget(write_yaml) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    lines.append("meeting: *a9")
    path = write_yaml("\n".join(lines) + "\n")
    started = time.perf_counter()
    with pytest.raises(LimitError) as caught:
        umt_reports.load_meeting(path)
    assert time.perf_counter() - started < 10  # -- a hang guard only; bench/limits.py measures the speed --
    assert [p.code for p in caught.value.problems] == ["yaml.too_many_nodes"]
    assert caught.value.problems[0].params == {"limit": MAX_NODES}
    assert caught.value.problems[0].location is not None and caught.value.problems[0].location.line is not None


def test_yaml_nested_too_deeply_is_refused_at_its_line(write_yaml) -> None:
    text = "meeting:\n  title: " + "[" * (MAX_DEPTH + 5) + "x" + "]" * (MAX_DEPTH + 5) + "\n"
    with pytest.raises(LimitError) as caught:
        umt_reports.load_meeting(write_yaml(text))
    assert [(p.code, p.location.line if p.location else None) for p in caught.value.problems] == [("yaml.too_deep", 2)]


def test_yaml_limits_exit_with_code_two_and_no_traceback(write_yaml) -> None:
    path = write_yaml("a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + "".join(
        f"b{i}: &b{i} [" + ", ".join(["*" + ("a" if i == 0 else f"b{i - 1}")] * 10) + "]\n" for i in range(8)
    ))  # fmt: skip
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "bí danh" in result.output
