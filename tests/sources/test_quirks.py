"""What people do to spreadsheets, one test each, every workbook made by the test itself.

Legacy encodings (TCVN3, VNI) typed into cells; formulas with and without cached values;
dates as serials, datetimes and day-first text; numbers with Vietnamese separators and
percentages; merged cells; hidden rows and sheets; blank rows; reordered columns; headers in
other case, spacing or without diacritics; trailing and non-breaking spaces.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from click.testing import CliRunner
from openpyxl.styles import Font
from tests.sources.workbooks import make_book

import umt_reports
from umt_reports.build import build
from umt_reports.cli import main
from umt_reports.errors import InputError
from umt_reports.sources.convert import convert_workbook
from umt_reports.sources.xlsx import read_xlsx
from umt_reports.sources.xlsx_template import write_template
from umt_reports.vn import TCVN3_TABLE, VNI_PAIRS, VNI_SINGLES

PROFILE = "ubnd-u-minh-thuong"
MEETING_ROWS: list[list[Any]] = [
    ["Mục", "Giá trị"],
    ["Cơ quan ban hành (hồ sơ)", PROFILE],
    ["Tên hội nghị", "Hội nghị sơ kết"],
]


def edit_book(path: Path, edit: Any) -> Path:
    """Open ``path``, apply ``edit(book)``, save."""
    book = openpyxl.load_workbook(path)
    edit(book)
    book.save(path)
    return path


# -- legacy encodings ------------------------------------------------------------------------------

_TO_TCVN3 = {letter: chr(byte) for byte, letter in TCVN3_TABLE.items()}
_TO_VNI = {letter: typed for typed, letter in {**VNI_SINGLES, **VNI_PAIRS}.items() if typed != letter}


def to_tcvn3(text: str) -> str:
    """``text`` as TCVN3 bytes shown in Windows-1252 (toned capitals have no code: ValueError)."""
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
        elif ch in _TO_TCVN3:
            out.append(_TO_TCVN3[ch])
        else:
            raise ValueError(f"{ch!r} has no TCVN3 code")
    return "".join(out)


def to_vni(text: str) -> str:
    return "".join(_TO_VNI.get(ch, ch) for ch in text)


def _type_legacy(sheet: Any, coord: str, encoding: str) -> str:
    """Retype cell ``coord`` as a secretary of the 2000s would have; return the Unicode it shows."""
    cell = sheet[coord]
    text = cell.value
    if encoding == "vni":
        cell.value, cell.font = to_vni(text), Font(name="VNI-Times")
        return text
    try:
        cell.value, cell.font = to_tcvn3(text), Font(name=".VnTime")
        return text
    except ValueError:  # -- a toned capital: only a capitals font (.VnTimeH) can show it --
        cell.value, cell.font = to_tcvn3(text.lower()), Font(name=".VnTimeH")
        return text.upper()


def _sample_book(path: Path, sample_data: dict[str, Any]) -> Path:
    sample_data["press"].pop("photos", None)  # -- photos live beside the sample, not in tmp --
    write_template(path, sample_data)
    return path


def _cells_with(book: openpyxl.Workbook, sheet: str, texts: list[str]) -> list[str]:
    return [c.coordinate for row in book[sheet].iter_rows() for c in row if c.value in texts]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_a_workbook_whose_names_were_typed_in_a_legacy_encoding_builds_with_unicode_names(
    tmp_path: Path, sample_data: dict[str, Any], encoding: str
) -> None:
    path = _sample_book(tmp_path / f"{encoding}.xlsx", sample_data)
    names = ["Nguyễn Quốc Khởi", "Phạm Văn Út"]
    shown: dict[str, str] = {}

    def retype(book: openpyxl.Workbook) -> None:
        for sheet in ("Chủ trì", "Văn bản"):
            for coord in _cells_with(book, sheet, names):
                original = book[sheet][coord].value
                shown[original] = _type_legacy(book[sheet], coord, encoding)

    edit_book(path, retype)
    raw = read_xlsx(path)
    assert {(n.code, str(n.location)) for n in raw.notes} == {
        ("legacy.converted", "Chủ trì!A2"), ("legacy.converted", "Chủ trì!A3"), ("legacy.converted", "Văn bản!B5"),
    }  # fmt: skip
    meeting = umt_reports.load_meeting(path)
    assert [c.name for c in meeting.chairs] == [shown[n] for n in names]
    assert meeting.report.signer is not None and meeting.report.signer.name == "Nguyễn Quốc Khởi"
    result = build(path, tmp_path / "out", kinds=["report"], formats=["docx"])
    with zipfile.ZipFile(result.files[0].path) as docx:
        text = re.sub(r"<[^>]+>", "", docx.read("word/document.xml").decode("utf-8"))
    assert "Nguyễn Quốc Khởi" in text and shown["Phạm Văn Út"] in text
    assert "Khëi" not in text and "Khôûi" not in text


def test_legacy_headers_and_sheet_titles_are_recognised(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        to_tcvn3("Hội nghị"): [[to_tcvn3("Mục"), to_tcvn3("Giá trị")], [to_tcvn3("Tên hội nghị"), to_tcvn3("Hội nghị sơ kết")]],
        "Chu tri": [[to_tcvn3("Họ và tên"), to_tcvn3("Chức vụ")], [to_tcvn3("Nguyễn Văn Bình"), to_tcvn3("Bí thư")]],
    })  # fmt: skip
    raw = read_xlsx(path)
    assert raw.data["meeting"] == {"title": "Hội nghị sơ kết"}
    assert raw.data["chairs"] == [{"name": "Nguyễn Văn Bình", "positions": ["Bí thư"]}]


def test_a_yaml_value_pasted_from_a_legacy_document_is_converted_with_a_note(write_yaml, sample_data) -> None:
    sample_data["chairs"][0]["name"] = to_tcvn3("Nguyễn Quốc Khởi")
    sample_data["meeting"]["place"] = to_vni("huyện U Minh Thượng")
    sample_data["press"].pop("photos")
    raw = umt_reports.api.read_meeting_file(write_yaml(sample_data))
    assert raw.data["chairs"][0]["name"] == "Nguyễn Quốc Khởi"
    assert raw.data["meeting"]["place"] == "huyện U Minh Thượng"
    lines = [raw.locate(path).line for path in (("meeting", "place"), ("chairs", 0, "name"))]
    assert [n.location.line for n in raw.notes if n.location] == lines
    assert {n.params["encoding"] for n in raw.notes} == {"TCVN3 (ABC)", "VNI-Windows"}


def test_validate_prints_each_conversion_as_a_note(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {"Hội nghị": [*MEETING_ROWS, ["Địa điểm", to_tcvn3("huyện U Minh Thượng")]]})
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "  * Hội nghị!B4: Chữ gõ bằng bảng mã TCVN3 (ABC) đã được chuyển sang Unicode: "
        "«huyÖn U Minh Th\u00adîng» → «huyện U Minh Thượng». Hãy kiểm tra lại.",
        f"{path}: hợp lệ.",
    ]


def test_build_prints_the_same_notes_as_validate_and_keeps_them_in_its_result(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {"Hội nghị": [*MEETING_ROWS, ["Địa điểm", to_tcvn3("huyện U Minh Thượng")]]})
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    notes = [line for line in lines if line.startswith("  * ")]
    assert notes[0] == (
        "  * Hội nghị!B4: Chữ gõ bằng bảng mã TCVN3 (ABC) đã được chuyển sang Unicode: "
        "«huyÖn U Minh Th\u00adîng» → «huyện U Minh Thượng». Hãy kiểm tra lại."
    )
    assert lines[len(notes)].startswith("Đã ghi ") and lines[len(notes)].endswith("(report, docx)")
    built = build(path, tmp_path / "api", kinds=["report"], formats=["docx"])
    assert [(n.code, str(n.location)) for n in built.notes][0] == ("legacy.converted", "Hội nghị!B4")
    assert {n.code for n in built.notes} <= {"legacy.converted", "signer.from_profile"}


def test_convert_writes_a_unicode_workbook_in_times_new_roman(tmp_path: Path) -> None:
    source = make_book(tmp_path / "cu.xlsx", {"Hội nghị": MEETING_ROWS, "Chủ trì": [["Họ và tên"], ["x"], ["y"], [12]]})

    def retype(book: openpyxl.Workbook) -> None:
        sheet = book["Chủ trì"]
        sheet["A2"].value, sheet["A2"].font = to_tcvn3("Nguyễn Văn Bình"), Font(name=".VnTime", bold=True)
        sheet["A3"].value, sheet["A3"].font = to_vni("Trần Thị Ánh"), Font(name="VNI-Times", size=13)
        sheet["A4"].font = Font(name=".VnTime")

    edit_book(source, retype)
    before = source.read_bytes()
    out = tmp_path / "moi.xlsx"
    result = CliRunner().invoke(main, ["--lang", "en", "convert", str(source), str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"Converted 2 cells to Unicode (font Times New Roman) and wrote {out}."
    assert source.read_bytes() == before
    sheet = openpyxl.load_workbook(out)["Chủ trì"]
    assert [sheet[c].value for c in ("A1", "A2", "A3", "A4")] == ["Họ và tên", "Nguyễn Văn Bình", "Trần Thị Ánh", 12]
    assert [sheet[c].font.name for c in ("A2", "A3", "A4")] == ["Times New Roman"] * 3
    assert sheet["A2"].font.bold and sheet["A3"].font.size == 13
    assert read_xlsx(out).notes == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_convert_of_a_unicode_workbook_changes_no_cell(tmp_path: Path, sample_data: dict[str, Any]) -> None:
    source = _sample_book(tmp_path / "m.xlsx", sample_data)
    out = tmp_path / "copy.xlsx"
    assert convert_workbook(source, out) == []
    assert read_xlsx(out).data == read_xlsx(source).data


def test_convert_refuses_what_the_reader_refuses(tmp_path: Path) -> None:
    bad = tmp_path / "m.xlsx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    result = CliRunner().invoke(main, ["convert", str(bad), str(tmp_path / "o.xlsx")])
    assert result.exit_code == 2
    assert "xlsx" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "o.xlsx").exists()


# -- formulas ----------------------------------------------------------------------------------------


def _set_cached(path: Path, member: str, formula: str, cached: str) -> None:
    """Give formula ``formula`` the cached value ``cached`` (what Excel writes on save)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    pattern = "<f>" + re.escape(formula) + r"</f>(<v\s*/>|<v>\s*</v>)?"
    parts[member] = re.sub(pattern, f"<f>{formula}</f><v>{cached}</v>", parts[member].decode()).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_formulas_with_cached_values_are_read_as_those_values(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Số liệu": [["Chỉ tiêu", "Giá trị"], ["Mô hình điển hình", "=10+8"], ["Tỷ lệ", "=93.32*1"]],
    })  # fmt: skip
    _set_cached(path, "xl/worksheets/sheet2.xml", "10+8", "18")
    _set_cached(path, "xl/worksheets/sheet2.xml", "93.32*1", "93.32")
    assert [s["value"] for s in read_xlsx(path).data["statistics"]] == [18, 93.32]


def test_formulas_without_cached_values_are_named_in_one_message(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Số liệu": [["Chỉ tiêu", "Giá trị"], ["A", "=1+1"], ["B", 3], ["C", "=SUM(B2:B3)"]],
    })  # fmt: skip
    with pytest.raises(InputError) as caught:
        umt_reports.load_meeting(path)
    found = [p for p in caught.value.problems if p.code == "xlsx.formula_no_value"]
    assert [(str(p.location), p.params["cells"]) for p in found] == [("Số liệu!B2", "B2, B4")]
    assert "Excel hoặc LibreOffice" in found[0].message()


# -- dates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (44733, dt.date(2022, 6, 21)),  # -- an Excel serial --
        (dt.datetime(2022, 6, 21), dt.date(2022, 6, 21)),
        ("21/6/2022", dt.date(2022, 6, 21)),
        ("21-6-2022", dt.date(2022, 6, 21)),
        ("21.06.2022", dt.date(2022, 6, 21)),
        ("5/6/2022", dt.date(2022, 6, 5)),  # -- day first, always: 5 June, not 6 May --
        ("05.06.2022", dt.date(2022, 6, 5)),
        ("\u00a021/6/2022  ", dt.date(2022, 6, 21)),
    ],
)
def test_dates_are_read_from_serials_datetimes_and_day_first_text(
    tmp_path: Path, typed: Any, expected: dt.date
) -> None:
    path = make_book(tmp_path / "m.xlsx", {"Hội nghị": [*MEETING_ROWS, ["Ngày họp", typed]]})
    date = umt_reports.load_meeting(path).info.date
    assert date is not None and date.to_date() == expected


# -- numbers -------------------------------------------------------------------------------------------


def test_numbers_typed_with_vietnamese_separators_and_percent_signs(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Số liệu": [
            ["Chỉ tiêu", "Giá trị", "Đơn vị tính"],
            ["Tăng trưởng", "19,4", "%/năm"],
            ["Hộ nghèo giảm", "1.387", "hộ"],
            ["Giải quyết thủ tục", "93,32%", None],
            ["Tăng thu", "12,5 %", "%/năm"],
            ["Đạt", "đạt 100%", None],
        ],
    })  # fmt: skip
    stats = umt_reports.load_meeting(path).statistics
    assert [(s.value, s.unit) for s in stats] == [
        (Decimal("19.4"), "%/năm"), (Decimal("1387"), "hộ"), (Decimal("93.32"), "%"), (Decimal("12.5"), "%/năm"),
        ("đạt 100%", None),
    ]  # fmt: skip


def test_a_cell_formatted_as_a_percentage_gives_the_percentage(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Số liệu": [["Chỉ tiêu", "Giá trị", "Đơn vị tính"], ["Tăng trưởng", 0.194, "%/năm"], ["Tỷ lệ", 0.9332, None]],
    })  # fmt: skip

    def as_percent(book: openpyxl.Workbook) -> None:
        book["Số liệu"]["B2"].number_format = "0.0%"
        book["Số liệu"]["B3"].number_format = "0.00%"

    edit_book(path, as_percent)
    stats = umt_reports.load_meeting(path).statistics
    assert [(s.value, s.unit) for s in stats] == [(Decimal("19.4"), "%/năm"), (Decimal("93.32"), "%")]
    # -- the reader hands the figure on as a number with its unit, never as the text "93,32%" --
    raw = read_xlsx(path).data["statistics"]
    assert [(type(s["value"]), s["value"], s["unit"]) for s in raw] == [
        (Decimal, Decimal("19.4"), "%/năm"),
        (Decimal, Decimal("93.32"), "%"),
    ]
    assert str(raw[1]["value"]) == "93.32"


def test_a_percentage_cell_read_as_text_is_written_as_it_was_shown(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Số liệu": [["Chỉ tiêu", "Giá trị", "Ghi chú"], ["Tỷ lệ", 5, 0.5]],
    })  # fmt: skip
    edit_book(path, lambda book: setattr(book["Số liệu"]["C2"], "number_format", "0%"))
    assert read_xlsx(path).data["statistics"] == [{"label": "Tỷ lệ", "value": 5, "note": "50%"}]


# -- merged cells ---------------------------------------------------------------------------------------


def test_a_unit_merged_down_several_rows_applies_to_each_row(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Số liệu": [["Chỉ tiêu", "Giá trị", "Đơn vị tính"], ["Mô hình chọn", 18, "mô hình"], ["Mô hình nhân rộng", 37]],
    })  # fmt: skip
    edit_book(path, lambda book: book["Số liệu"].merge_cells("C2:C3"))
    stats = read_xlsx(path).data["statistics"]
    assert [s.get("unit") for s in stats] == ["mô hình", "mô hình"]
    assert str(read_xlsx(path).locate(("statistics", 1, "unit"))) == "Số liệu!C3"


def test_a_name_merged_over_two_rows_is_one_chair_with_two_positions(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Chủ trì": [["Họ và tên", "Chức vụ"], ["Nguyễn Quốc Khởi", "Phó Bí thư Huyện ủy"], [None, "Chủ tịch UBND huyện"],
                    ["Phạm Văn Út", "Trưởng Ban Dân vận Huyện ủy"]],
    })  # fmt: skip
    edit_book(path, lambda book: book["Chủ trì"].merge_cells("A2:A3"))
    raw = read_xlsx(path)
    assert raw.data["chairs"] == [
        {"name": "Nguyễn Quốc Khởi", "positions": ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"]},
        {"name": "Phạm Văn Út", "positions": ["Trưởng Ban Dân vận Huyện ủy"]},
    ]
    assert str(raw.locate(("chairs", 0, "positions", 1))) == "Chủ trì!B3"
    assert str(raw.locate(("chairs", 1, "name"))) == "Chủ trì!A4"


def test_a_tall_merged_paragraph_is_read_once_and_merged_headers_still_match(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Nội dung": [["Mục", "Loại", "Nội dung"], ["Kết quả", None, "Một đoạn dài."], [], [], ["Tồn tại", None, "Ít."]],
    })  # fmt: skip

    def merge(book: openpyxl.Workbook) -> None:
        book["Nội dung"].merge_cells("C2:C4")
        book["Nội dung"].merge_cells("A1:B1")  # -- "Mục" spread over two header cells: Loại is gone --

    edit_book(path, merge)
    assert read_xlsx(path).data["sections"] == [
        {"title": "Kết quả", "paragraphs": ["Một đoạn dài."]},
        {"title": "Tồn tại", "paragraphs": ["Ít."]},
    ]


def test_award_cells_merged_down_an_award_read_as_one_award(tmp_path: Path) -> None:
    headers = ["Hình thức", "Cấp quyết định", "Lý do", "Đối tượng", "Họ và tên / Tên tập thể", "Số lượng"]
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Khen thưởng": [headers, ["Giấy khen", "Chủ tịch UBND huyện", "tốt", "Cá nhân", "Nguyễn Văn A"],
                        [None, None, None, None, "Trần Thị B"]],
    })  # fmt: skip
    edit_book(path, lambda book: [book["Khen thưởng"].merge_cells(f"{c}2:{c}3") for c in "ABCD"])
    assert read_xlsx(path).data["awards"] == [{
        "form": "Giấy khen", "decided_by": "Chủ tịch UBND huyện", "reason": "tốt",
        "individuals": [{"name": "Nguyễn Văn A"}, {"name": "Trần Thị B"}],
    }]  # fmt: skip


# -- hidden rows and sheets --------------------------------------------------------------------------------


def test_hidden_rows_are_read_and_noted(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Chủ trì": [["Họ và tên", "Chức vụ"], ["A", "x"], ["B", "y"], ["C", "z"], ["D", "w"], ["E", "v"]],
    })  # fmt: skip

    def hide(book: openpyxl.Workbook) -> None:
        for row in (3, 4, 6):
            book["Chủ trì"].row_dimensions[row].hidden = True

    edit_book(path, hide)
    raw = read_xlsx(path)
    assert [c["name"] for c in raw.data["chairs"]] == ["A", "B", "C", "D", "E"]
    assert [(n.code, str(n.location), n.params["rows"]) for n in raw.notes] == [
        ("xlsx.hidden_rows", "Chủ trì!A3", "3–4, 6")
    ]
    assert raw.problems == []


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_hidden_sheets_are_read_and_noted(tmp_path: Path, state: str) -> None:
    path = make_book(tmp_path / "m.xlsx", {"Hội nghị": MEETING_ROWS, "Chủ trì": [["Họ và tên"], ["A"]]})
    edit_book(path, lambda book: setattr(book["Chủ trì"], "sheet_state", state))
    raw = read_xlsx(path)
    assert raw.data["chairs"] == [{"name": "A"}]
    assert [(n.code, str(n.location)) for n in raw.notes] == [("xlsx.hidden_sheet", "Chủ trì")]
    assert "đang bị ẩn nhưng vẫn được đọc" in raw.notes[0].message()


# -- layout quirks ---------------------------------------------------------------------------------------


def test_blank_rows_between_data_are_skipped(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": [[], *MEETING_ROWS, [], [], ["Địa điểm", "xã Thạnh Yên"]],
        "Chủ trì": [[], [], ["Họ và tên"], [], ["A"], [], [], [], ["B"]],
    })  # fmt: skip
    raw = read_xlsx(path)
    assert [c["name"] for c in raw.data["chairs"]] == ["A", "B"]
    assert raw.data["meeting"]["place"] == "xã Thạnh Yên"
    assert str(raw.locate(("chairs", 1, "name"))) == "Chủ trì!A9"


def test_columns_in_another_order_are_read_by_header(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Số liệu": [["Ghi chú", "Đơn vị tính", "Giá trị", "Chỉ tiêu"], ["đạt 100%", "đơn", 47, "Đơn đã giải quyết"]],
    })  # fmt: skip
    assert read_xlsx(path).data["statistics"] == [
        {"label": "Đơn đã giải quyết", "value": 47, "unit": "đơn", "note": "đạt 100%"}
    ]


@pytest.mark.parametrize("header", ["HỌ VÀ TÊN", "  họ   và tên ", "Ho va ten", "ho\u00a0va\u00a0ten", "Họ tên"])
def test_headers_in_other_case_spacing_or_without_diacritics_match(tmp_path: Path, header: str) -> None:
    path = make_book(tmp_path / "m.xlsx", {"Hội nghị": MEETING_ROWS, "Chủ trì": [[header, "CHUC VU"], ["A", "B"]]})
    assert read_xlsx(path).data["chairs"] == [{"name": "A", "positions": ["B"]}]


def test_trailing_and_non_breaking_spaces_are_cleaned(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": [*MEETING_ROWS, ["Địa điểm\u00a0", "\u00a0xã\u00a0Thạnh Yên   "]],
        "Chủ trì": [["Họ và tên "], ["Nguyễn Văn A\u00a0\u00a0"], ["\u200bTrần Thị B "]],
    })  # fmt: skip
    data = read_xlsx(path).data
    assert data["meeting"]["place"] == "xã Thạnh Yên"
    assert [c["name"] for c in data["chairs"]] == ["Nguyễn Văn A", "Trần Thị B"]


def test_the_sample_workbook_round_trips_unchanged_by_the_new_rules(
    tmp_path: Path, sample_data: dict[str, Any]
) -> None:
    path = _sample_book(tmp_path / "m.xlsx", sample_data)
    raw = read_xlsx(path)
    assert raw.notes == [] and raw.problems == []
    assert yaml.safe_dump(raw.data["statistics"], allow_unicode=True) == yaml.safe_dump(
        sample_data["statistics"], allow_unicode=True
    )


def test_control_characters_pasted_from_word_are_removed_with_a_note(tmp_path: Path, write_yaml, sample_data) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": [*MEETING_ROWS, ["Địa điểm", "PLACE"]], "Chủ trì": [["Họ và tên"], ["NOTE"]],
    })  # fmt: skip
    _set_inline(path, "PLACE", "Hội_x0007_ trường_x000B_số 1")  # -- how Excel stores controls --
    _set_inline(path, "NOTE", "a_x005F_x0041_b")  # -- an escaped underscore: the text is a_x0041_b --
    raw = read_xlsx(path)
    assert raw.data["meeting"]["place"] == "Hội trường số 1"
    assert raw.data["chairs"] == [{"name": "a_x0041_b"}]
    assert [(n.code, str(n.location), n.params) for n in raw.notes] == [
        ("legacy.control_removed", "Hội nghị!B4", {"count": 1})
    ]
    sample_data["meeting"]["place"] = "xã\x00 Thạnh\x0bYên"
    sample_data["press"].pop("photos")
    raw = umt_reports.api.read_meeting_file(write_yaml(sample_data))
    assert raw.data["meeting"]["place"] == "xã Thạnh\nYên"
    assert [n.code for n in raw.notes] == ["legacy.control_removed"]


def _set_inline(path: Path, old: str, escaped: str) -> None:
    """Replace the ASCII text ``old`` of a cell by ``escaped`` in the sheet XML (openpyxl refuses controls)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    for name in parts:
        if name.startswith("xl/worksheets/"):
            parts[name] = parts[name].replace(old.encode(), escaped.encode())
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
