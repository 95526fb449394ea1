"""Tests for umt_reports.sources.xlsx: reading meeting workbooks the way secretaries fill them."""

from __future__ import annotations

import datetime as dt
import re
import time
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from tests.sources.workbooks import make_book as _book

import umt_reports
from umt_reports.errors import InputError, LimitError, Location
from umt_reports.sources import read_source
from umt_reports.sources.xlsx import read_xlsx
from umt_reports.sources.xlsx_template import write_template

PROFILE = "ubnd-u-minh-thuong"
MEETING_ROWS: list[list[Any]] = [
    ["Mục", "Giá trị"],
    ["Cơ quan ban hành (hồ sơ)", PROFILE],
    ["Tên hội nghị", "Hội nghị sơ kết"],
]
AWARD_HEADERS = [
    "Hình thức", "Cấp quyết định", "Lý do", "Mức thưởng (đồng)", "Đối tượng", "Số lượng",
    "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Ghi chú",
]  # fmt: skip


def read_strict(path: Path):
    """Read and raise the reader's own problems (validation would add the model's)."""
    raw = read_xlsx(path)
    if raw.problems:
        raise InputError(raw.problems)
    return raw


def _problems(error: InputError) -> list[tuple[str, str]]:
    return [(p.code, str(p.location)) for p in error.problems]


def _award_row(**values: Any) -> list[Any]:
    keys = ["form", "decided_by", "reason", "amount", "target", "count", "name", "position", "unit", "note"]
    return [values.get(k) for k in keys]


# -- the blank template ----------------------------------------------------------------


def test_the_blank_template_reads_as_an_empty_meeting(tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    write_template(path)
    raw = read_xlsx(path)
    assert raw.data == {"meeting": {}}
    assert str(raw.locate(("meeting", "title"))) == "Hội nghị!B3"
    assert str(raw.locate(("chairs",))) == "Chủ trì!1"


def test_filling_only_the_meeting_sheet_of_the_template_gives_a_valid_meeting(tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    book["Hội nghị"]["B2"] = PROFILE
    book["Hội nghị"]["B3"] = "Hội nghị tổng kết"
    book["Hội nghị"]["B4"] = dt.datetime(2022, 6, 21)
    book.save(path)
    meeting = umt_reports.load_meeting(path)
    assert meeting.info.title == "Hội nghị tổng kết"
    assert meeting.info.date is not None and meeting.info.date.to_date() == dt.date(2022, 6, 21)
    assert (meeting.chairs, meeting.attendees, meeting.awards, meeting.report.signer) == ([], [], [], None)


def test_example_rows_are_ignored_until_a_cell_is_changed(tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    chairs = book["Chủ trì"]
    chairs["A4"] = "Nguyễn Văn A"  # -- a copy of the example with the name changed --
    chairs["B4"] = chairs["B2"].value
    for row in (7, 8):  # -- the example row copied further down is still an example --
        chairs.cell(row=row, column=1, value=chairs["A2"].value)
        chairs.cell(row=row, column=2, value=chairs["B2"].value)
    chairs["A8"] = "Ví dụ: Nguyễn Văn A "  # -- trailing space does not make it data --
    book.save(path)
    assert read_xlsx(path).data["chairs"] == [
        {"name": "Nguyễn Văn A", "positions": ["Bí thư Đảng ủy xã", "Chủ tịch UBND xã"]}
    ]


# -- the acceptance test: six mistakes, six located problems ---------------------------------


def test_a_workbook_with_six_mistakes_reports_all_six_with_their_cells(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "hoi-nghi.xlsx",
        {
            "Hội nghị": [*MEETING_ROWS, ["Ngày họp", "31/02/2022"]],
            "Chủ trì": [
                ["Họ và tên", "Chức vụ"],
                ["Nguyễn Quốc Khởi", "Chủ tịch UBND huyện"],
                [],
                [],
                [None, "Trưởng Ban Dân vận Huyện ủy"],
            ],
            "Khen thưởng": [
                AWARD_HEADERS,
                _award_row(
                    form="Giấy khen",
                    decided_by="Chủ tịch UBND huyện",
                    reason="thành tích tốt",
                    amount="một triệu",
                    target="Tập thể",
                    count=2,
                ),
                _award_row(target="Tập thể", name="Ban Dân vận xã A"),
                _award_row(target="Tập thể", name="UBND xã B"),
                [],
                _award_row(
                    form="Bằng khen", decided_by="Chủ tịch UBND tỉnh", reason="xuất sắc", target="Cá nhân", count=3
                ),
                _award_row(target="Cá nhân", name="Nguyễn Văn D"),
                _award_row(name="Trần Thị E"),
                _award_row(form="Thư khen", target="Tập thể", count="ba"),  # -- any form is accepted --
            ],  # fmt: skip
            "Văn bản": [
                ["Mục", "Giá trị"],
                ["Số", 25],
                ["Ngày", dt.datetime(2022, 6, 22)],
                ["Người ký", "Nguyễn Quốc Khởi"],
                ["Chức vụ người ký", "Chủ tịch"],
                ["Hình thức ký", "TT"],
            ],
        },
    )
    with pytest.raises(InputError) as caught:
        umt_reports.load_meeting(path)
    assert sorted(_problems(caught.value)) == sorted([
        ("date.impossible", "Hội nghị!B4"),
        ("value.missing", "Chủ trì!A5"),
        ("value.not_integer", "Khen thưởng!D2"),
        ("award.count_mismatch", "Khen thưởng!F6"),
        ("value.not_integer", "Khen thưởng!F9"),
        ("signer.bad_mode", "Văn bản!B6"),
    ])  # fmt: skip
    assert all(p.location is not None and p.location.file == "hoi-nghi.xlsx" for p in caught.value.problems)
    text = str(caught.value)
    assert "Khen thưởng!F6: " in text and "số lượng ghi 3 nhưng danh sách có 2 tên" in text


# -- broken and hostile files ------------------------------------------------------------


def test_a_file_that_is_not_a_zip_is_refused_with_one_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "m.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    for read in (read_xlsx, umt_reports.load_meeting):
        with pytest.raises(InputError) as caught:
            read(path)
        assert _problems(caught.value) == [("xlsx.not_zip", "m.xlsx")]


def test_a_truncated_workbook_is_refused_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "m.xlsx"
    write_template(path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(InputError) as caught:
        umt_reports.load_meeting(path)
    assert _problems(caught.value) == [("xlsx.not_zip", "m.xlsx")]


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(InputError) as caught:
        read_strict(path)
    assert _problems(caught.value) == [("xlsx.not_workbook", "m.xlsx")]


def test_a_workbook_with_broken_parts_is_an_input_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "m.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<<< not xml")
    with pytest.raises(InputError) as caught:
        read_strict(path)
    assert [p.code for p in caught.value.problems] == ["xlsx.corrupt"]


def test_a_small_zip_declaring_gigabytes_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/media/noise.bin", bytes(range(256)) * 4096)  # -- about 1 MB --
        archive.filelist[-1].file_size = 5 * 1024**3  # -- the central directory now claims 5 GB --
    started = time.perf_counter()
    with pytest.raises(LimitError) as caught:
        umt_reports.load_meeting(path)
    assert time.perf_counter() - started < 10  # -- a hang guard only; bench/limits.py measures the speed --
    assert _problems(caught.value) == [("xlsx.zip_bomb", "bomb.xlsx")]
    assert caught.value.problems[0].params["size"] > 5 * 1024**3


def test_a_zip_that_unpacks_two_hundred_times_its_size_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            zeros = bytes(1024 * 1024)
            for _ in range(40):
                member.write(zeros)
    with pytest.raises(LimitError) as caught:
        read_strict(path)
    problem = caught.value.problems[0]
    assert problem.code == "xlsx.zip_bomb" and problem.params["ratio"] > 200


# -- formulas and error cells --------------------------------------------------------------


def _patch(path: Path, member: str, old: str, new: str) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[member] = re.sub(old, new, parts[member].decode()).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _statistics_book(path: Path, value: Any) -> Path:
    return _book(path, {"Hội nghị": MEETING_ROWS, "Số liệu": [["Chỉ tiêu", "Giá trị"], ["Mô hình", value]]})


def test_formulas_without_a_cached_value_are_named_by_cell(tmp_path: Path) -> None:
    path = _statistics_book(tmp_path / "m.xlsx", "=18+1")
    with pytest.raises(InputError) as caught:
        read_strict(path)
    assert _problems(caught.value) == [("xlsx.formula_no_value", "Số liệu!B2")]
    assert caught.value.problems[0].params["cells"] == "B2"
    assert "mở tệp bằng Excel" in str(caught.value)


def test_formulas_with_a_cached_value_use_that_value(tmp_path: Path) -> None:
    path = _statistics_book(tmp_path / "m.xlsx", "=18+1")
    _patch(path, "xl/worksheets/sheet2.xml", r"<f>18\+1</f><v\s*/?>(</v>)?", "<f>18+1</f><v>19</v>")
    assert read_xlsx(path).data["statistics"] == [{"label": "Mô hình", "value": 19}]


def test_an_excel_error_value_is_reported_at_its_cell(tmp_path: Path) -> None:
    path = _statistics_book(tmp_path / "m.xlsx", "#DIV/0!")
    with pytest.raises(InputError) as caught:
        read_strict(path)
    assert _problems(caught.value) == [("xlsx.formula_error", "Số liệu!B2")]


# -- what people do to spreadsheets -----------------------------------------------------------


def test_headers_reordered_in_other_case_and_without_diacritics_are_read(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "m.xlsx",
        {
            "Hội nghị": MEETING_ROWS,
            "Khen thưởng": [
                ["HO VA TEN / TEN TAP THE", " so  luong ", "doi tuong", "hình THỨC", "muc thuong", "Ly do"],
                [None, 3, "Ca nhan", "Giấy khen", 500000, "tốt"],
            ],
            "CHU TRI": [["chuc vu", "Họ  tên"], ["Chủ tịch", "Nguyễn Văn A"]],
        },
    )
    data = read_xlsx(path).data
    assert data["awards"] == [{"form": "Giấy khen", "reason": "tốt", "amount": 500000, "individuals": 3}]
    assert data["chairs"] == [{"name": "Nguyễn Văn A", "positions": ["Chủ tịch"]}]
    assert umt_reports.load_meeting(path).awards[0].individual_count == 3


@pytest.mark.parametrize(
    "typed",
    [44733, 44733.0, dt.datetime(2022, 6, 21), dt.datetime(2022, 6, 21, 8, 30), "21/6/2022", " 21/06/2022\u00a0"],
)
def test_dates_are_read_as_serials_datetimes_or_day_first_text(tmp_path: Path, typed: Any) -> None:
    path = _book(tmp_path / "m.xlsx", {"Hội nghị": [*MEETING_ROWS, ["Ngày họp", typed]]})
    meeting = umt_reports.load_meeting(path)
    assert meeting.info.date is not None and meeting.info.date.to_date() == dt.date(2022, 6, 21)


def test_a_bare_year_in_a_date_cell_is_a_year_not_a_serial(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {"Hội nghị": [*MEETING_ROWS, ["Ngày họp", 2022]]})
    date = umt_reports.load_meeting(path).info.date
    assert date is not None and (date.day, date.month, date.year) == (None, None, 2022)


def test_the_publication_time_keeps_its_time_of_day(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Tin bài": [["Thời điểm đăng", dt.datetime(2022, 6, 22, 13, 37)], ["Tác giả", "Diễm My"]],
    })  # fmt: skip
    assert read_xlsx(path).data["press"] == {"published": dt.datetime(2022, 6, 22, 13, 37), "author": "Diễm My"}


def test_blank_rows_spaces_nbsp_and_decomposed_letters_are_cleaned(tmp_path: Path) -> None:
    decomposed = "Nguye\u0302\u0303n Va\u0306n A"
    path = _book(tmp_path / "m.xlsx", {
        "Hội nghị": [[], [], ["  Tên   hội nghị ", "  Hội\u00a0nghị   sơ kết  "], [], ["Cơ quan ban hành", PROFILE]],
        "Chủ trì": [[], ["Họ và tên", "Chức vụ"], [], [decomposed + "\u00a0", "Phó Bí thư;\nChủ tịch UBND huyện ; "]],
    })  # fmt: skip
    data = read_xlsx(path).data
    assert data["meeting"] == {"title": "Hội nghị sơ kết"}
    assert data["profile"] == PROFILE
    assert data["chairs"] == [{"name": "Nguyễn Văn A", "positions": ["Phó Bí thư", "Chủ tịch UBND huyện"]}]


def test_numbers_stay_numbers_and_text_numbers_reach_the_model(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Số liệu": [["Chỉ tiêu", "Giá trị", "Đơn vị tính"], ["A", 19.4, "%"], ["B", "19,4", "%"], ["C", "22/27", None]],
    })  # fmt: skip
    assert [s["value"] for s in read_xlsx(path).data["statistics"]] == [19.4, "19,4", "22/27"]
    values = [s.value for s in umt_reports.load_meeting(path).statistics]
    assert values[0] == values[1] and values[2] == "22/27"


def test_unknown_sheets_are_ignored_and_optional_sheets_may_be_missing(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {"Ghi chú riêng": [["anything"]], "hoi nghi": MEETING_ROWS})
    assert read_xlsx(path).data == {"profile": PROFILE, "meeting": {"title": "Hội nghị sơ kết"}}


def test_a_workbook_without_the_meeting_sheet_says_so(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {"Sheet1": [["x"]]})
    with pytest.raises(InputError) as caught:
        read_strict(path)
    assert [p.code for p in caught.value.problems] == ["xlsx.missing_sheet"]


def test_a_missing_required_header_is_located_at_the_header_row(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Số liệu": [["Tiêu đề bảng"], ["Chỉ tiêu", "Đơn vị tính"], ["A", "%"]],
        "Chủ trì": [["Chức vụ"], ["Chủ tịch"]],
    })  # fmt: skip
    with pytest.raises(InputError) as caught:
        read_strict(path)
    assert _problems(caught.value) == [("xlsx.missing_column", "Chủ trì!1"), ("xlsx.missing_column", "Số liệu!2")]
    assert caught.value.problems[1].params["header"] == "Giá trị"


def test_a_duplicated_column_is_reported_and_the_first_one_read(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Chủ trì": [["Họ và tên", "Chức vụ", "Họ tên"], ["A", "B", "C"]],
    })  # fmt: skip
    with pytest.raises(InputError) as caught:
        read_strict(path)
    assert _problems(caught.value) == [("xlsx.duplicate_header", "Chủ trì!C1")]


# -- locations -------------------------------------------------------------------------------


def test_values_rows_and_empty_known_cells_are_located(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Thành phần": [["Nhóm thành phần hoặc Họ và tên", "Chức vụ", "Đơn vị"], [], ["Lãnh đạo các phòng"],
                       [None, "Chủ tịch", "xã A"]],
    })  # fmt: skip
    raw = read_xlsx(path)
    where = {path: str(raw.locate(path)) for path in [
        ("profile",), ("meeting",), ("meeting", "title"), ("meeting", "date"), ("attendees",), ("attendees", 0),
        ("attendees", 1), ("attendees", 1, "name"), ("attendees", 1, "unit"), ("report", "signer", "name"),
    ]}  # fmt: skip
    assert where == {
        ("profile",): "Hội nghị!B2",
        ("meeting",): "Hội nghị",
        ("meeting", "title"): "Hội nghị!B3",
        ("meeting", "date"): "Hội nghị",
        ("attendees",): "Thành phần!1",
        ("attendees", 0): "Thành phần!A3",
        ("attendees", 1): "Thành phần!A4",
        ("attendees", 1, "name"): "Thành phần!A4",
        ("attendees", 1, "unit"): "Thành phần!C4",
        ("report", "signer", "name"): "m.xlsx",
    }
    assert raw.locate(("meeting", "title")) == Location("m.xlsx", sheet="Hội nghị", cell="B3")


# -- layout rules ------------------------------------------------------------------------------


ATTENDEE_ROWS: list[list[Any]] = [
    ["Nhóm thành phần hoặc Họ và tên", "Chức vụ", "Đơn vị", "Loại"],
    ["Lãnh đạo các phòng, ban huyện"],
    ["Trần Thị B", "Chủ tịch UBND xã"],
    ["Lê Văn C", None, None, "cá nhân"],
    ["Đại diện các hội", None, "cấp huyện", "Nhóm"],
]


def test_attendees_are_groups_unless_marked_or_given_a_position_or_unit(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {"Hội nghị": MEETING_ROWS, "Thành phần": ATTENDEE_ROWS})
    assert read_xlsx(path).data["attendees"] == [
        "Lãnh đạo các phòng, ban huyện",
        {"name": "Trần Thị B", "position": "Chủ tịch UBND xã"},
        {"name": "Lê Văn C"},
        {"group": "Đại diện các hội", "unit": "cấp huyện"},
    ]


def test_an_unknown_attendee_kind_is_located(tmp_path: Path) -> None:
    path = _book(
        tmp_path / "m.xlsx", {"Hội nghị": MEETING_ROWS, "Thành phần": [*ATTENDEE_ROWS, ["Ai đó", None, None, "Khách"]]}
    )
    with pytest.raises(InputError) as caught:
        read_strict(path)
    assert _problems(caught.value) == [("value.bad_choice", "Thành phần!D6")]
    assert caught.value.problems[0].params["allowed"] == "Nhóm, Cá nhân"


def test_section_rows_continue_until_the_title_changes(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Nội dung": [
            ["Mục", "Loại", "Nội dung"],
            [None, None, "Lời mở đầu."],
            ["Kết quả", "Đoạn văn", "Đoạn 1."],
            [None, "diem", "Ý a."],
            ["kết quả", None, "Đoạn 2."],
            [],
            ["Tồn tại"],
            ["Kiến nghị", "Điểm", "Ý duy nhất."],
        ],
    })  # fmt: skip
    assert read_xlsx(path).data["sections"] == [
        {"paragraphs": ["Lời mở đầu."]},
        {"title": "Kết quả", "paragraphs": ["Đoạn 1.", "Đoạn 2."], "points": ["Ý a."]},
        {"title": "Tồn tại"},
        {"title": "Kiến nghị", "points": ["Ý duy nhất."]},
    ]


def test_award_rows_group_into_counts_named_lists_and_both(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Khen thưởng": [
            AWARD_HEADERS,
            _award_row(form="Giấy khen", decided_by="Chủ tịch UBND huyện", reason="tốt", amount=1000000,
                       target="Tập thể", count=5),
            _award_row(target="Cá nhân", count=10),
            _award_row(form="giấy khen", target="Cá nhân", name="Nguyễn Văn A", unit="xã A"),  # -- same award --
            [],
            _award_row(amount=2000000, target="Tập thể", count=2),  # -- new amount: a new award --
            _award_row(name="Ban A", target="Tập thể"),
            _award_row(name="Ban B"),  # -- Đối tượng inherited within the award --
            _award_row(form="Bằng khen", target="Cá nhân", name="Trần Thị B", note="xuất sắc"),  # -- afresh --
        ],
    })  # fmt: skip
    assert read_xlsx(path).data["awards"] == [
        {"form": "Giấy khen", "decided_by": "Chủ tịch UBND huyện", "reason": "tốt", "amount": 1000000,
         "collectives": 5, "individuals": {"count": 10, "members": [{"name": "Nguyễn Văn A", "unit": "xã A"}]}},
        {"form": "Giấy khen", "decided_by": "Chủ tịch UBND huyện", "reason": "tốt", "amount": 2000000,
         "collectives": {"count": 2, "members": [{"name": "Ban A"}, {"name": "Ban B"}]}},
        {"form": "Bằng khen", "individuals": [{"name": "Trần Thị B", "note": "xuất sắc"}]},
    ]  # fmt: skip
    with pytest.raises(InputError) as caught:
        umt_reports.load_meeting(path)
    assert _problems(caught.value) == [("award.count_mismatch", "Khen thưởng!F3")]


def test_a_dash_stops_a_blank_cell_from_inheriting(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Khen thưởng": [
            AWARD_HEADERS,
            _award_row(form="Bằng khen", decided_by="Chủ tịch UBND tỉnh", reason="tốt", target="Cá nhân", count=1),
            _award_row(decided_by="—", target="Cá nhân", count=2),
            _award_row(form="Bằng khen", decided_by="Chủ tịch UBND tỉnh", amount="-", target="Tập thể", count=3),
        ],
    })  # fmt: skip
    awards = read_xlsx(path).data["awards"]
    assert awards == [
        {"form": "Bằng khen", "decided_by": "Chủ tịch UBND tỉnh", "reason": "tốt", "individuals": 1},
        {"form": "Bằng khen", "reason": "tốt", "individuals": 2},
        {"form": "Bằng khen", "decided_by": "Chủ tịch UBND tỉnh", "reason": "tốt", "collectives": 3},
    ]


def test_award_rows_report_a_missing_target_and_conflicting_counts(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Khen thưởng": [
            AWARD_HEADERS,
            _award_row(form="Giấy khen", name="Nguyễn Văn A"),
            _award_row(form="Bằng khen", target="Tập thể", count=2),
            _award_row(target="Tập thể", count=3),
            _award_row(target="Tổ chức", count=1),
        ],
    })  # fmt: skip
    with pytest.raises(InputError) as caught:
        read_strict(path)
    assert _problems(caught.value) == [
        ("value.missing", "Khen thưởng!E2"),
        ("xlsx.count_conflict", "Khen thưởng!F4"),
        ("value.bad_choice", "Khen thưởng!E5"),
    ]


def test_recipients_come_one_per_row_and_filing_codes_split_on_commas(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Văn bản": [["Nơi nhận", "Thường trực Huyện ủy"], ["Nơi nhận", None], ["Nơi nhận", "Ban Dân vận Tỉnh ủy"],
                    ["Lưu", "VP, NV"]],
    })  # fmt: skip
    raw = read_xlsx(path)
    assert raw.data["report"] == {"recipients": ["Thường trực Huyện ủy", "Ban Dân vận Tỉnh ủy"], "filing": ["VP", "NV"]}
    assert str(raw.locate(("report", "recipients", 1))) == "Văn bản!B3"


def test_photos_below_the_press_fields_are_read_as_a_table(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {
        "Hội nghị": MEETING_ROWS,
        "Tin bài": [["Cơ quan đăng tin", "Cổng thông tin"], [], ["Chú thích", "Tệp ảnh"], ["Quang cảnh", "anh/1.jpg"]],
    })  # fmt: skip
    raw = read_xlsx(path)
    assert raw.data["press"] == {"outlet": "Cổng thông tin", "photos": [{"file": "anh/1.jpg", "caption": "Quang cảnh"}]}
    assert str(raw.locate(("press", "photos", 0, "file"))) == "Tin bài!B4"


def test_read_source_dispatches_xlsx_files_here(tmp_path: Path) -> None:
    path = _book(tmp_path / "m.xlsx", {"Hội nghị": MEETING_ROWS})
    assert read_source(path).data == read_xlsx(path).data
