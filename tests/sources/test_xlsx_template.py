"""Tests for umt_reports.sources.xlsx_template: the generated workbook and its round trip."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from PIL import Image

import umt_reports
from umt_reports.errors import InputError
from umt_reports.sources import workbook as wbk
from umt_reports.sources.xlsx import read_xlsx
from umt_reports.sources.xlsx_template import write_template

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "u-minh-thuong-2022"


@pytest.fixture
def blank(tmp_path: Path) -> openpyxl.Workbook:
    path = tmp_path / "mau.xlsx"
    write_template(path)
    return openpyxl.load_workbook(path)


def _validations(sheet: Any) -> dict[str, str]:
    """Cell range → list formula of each drop-down of ``sheet``."""
    return {str(rule.sqref): rule.formula1 for rule in sheet.data_validations.dataValidation}


def _list_values(book: openpyxl.Workbook, formula: str) -> list[str]:
    sheet_part, cells = formula.rsplit("!", 1)
    sheet = book[sheet_part.strip("'")]
    return [c.value for row in sheet[cells.replace("$", "")] for c in row]


# -- the blank template ----------------------------------------------------------------


def test_blank_template_has_the_instructions_then_every_part_then_a_hidden_lists_sheet(
    blank: openpyxl.Workbook,
) -> None:
    assert blank.sheetnames == [
        "Hướng dẫn", "Hội nghị", "Chủ trì", "Thành phần", "Số liệu", "Nội dung", "Khen thưởng",
        "Văn bản", "Quyết định", "Tin bài", "Cơ quan ban hành", "Danh mục",
    ]  # fmt: skip
    assert blank["Danh mục"].sheet_state == "hidden"
    assert blank.active.title == "Hướng dẫn"


def test_table_sheets_have_a_frozen_vietnamese_header_row(blank: openpyxl.Workbook) -> None:
    for name in ("Chủ trì", "Thành phần", "Số liệu", "Nội dung", "Khen thưởng", "Hội nghị", "Văn bản", "Quyết định"):
        assert blank[name].freeze_panes == "A2", name
    assert [c.value for c in blank["Khen thưởng"][1]] == [
        "Hình thức", "Cấp quyết định", "Lý do", "Mức thưởng (đồng)", "Đối tượng", "Số lượng",
        "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Ghi chú",
    ]  # fmt: skip
    assert [c.value for c in blank["Số liệu"][1]] == ["Chỉ tiêu", "Giá trị", "Đơn vị tính", "Ghi chú"]
    assert blank["Khen thưởng"]["A1"].font.bold


def test_columns_are_wide_enough_to_read(blank: openpyxl.Workbook) -> None:
    assert blank["Nội dung"].column_dimensions["C"].width == 100
    assert blank["Chủ trì"].column_dimensions["B"].width == 60
    assert blank["Hướng dẫn"].column_dimensions["B"].width == 110


def test_drop_downs_offer_award_forms_targets_and_signing_modes(blank: openpyxl.Workbook) -> None:
    awards = _validations(blank["Khen thưởng"])
    assert _list_values(blank, awards["A2:A1001"]) == list(umt_reports.vn.AWARD_FORMS)
    assert _list_values(blank, awards["E2:E1001"]) == ["Tập thể", "Cá nhân"]
    report = _validations(blank["Văn bản"])
    mode_cell = next(r[0].coordinate for r in blank["Văn bản"].iter_rows() if r[0].value == "Hình thức ký")
    assert mode_cell == "A7"
    assert _list_values(blank, report["B7"]) == ["TM", "KT", "TL", "TUQ", "Q", "T/M", "K/T", "T/L"]
    decision = _validations(blank["Quyết định"])
    assert blank["Quyết định"]["A7"].value == "Hình thức ký"
    assert _list_values(blank, decision["B7"]) == _list_values(blank, report["B7"])
    flag = next(r[0].row for r in blank["Quyết định"].iter_rows() if r[0].value == "Liệt kê theo đơn vị")
    assert _list_values(blank, decision[f"B{flag}"]) == ["Có", "Không"]
    assert _list_values(blank, _validations(blank["Nội dung"])["B2:B1001"]) == ["Đoạn văn", "Điểm"]
    assert _list_values(blank, _validations(blank["Thành phần"])["D2:D1001"]) == ["Nhóm", "Cá nhân"]


def test_profile_drop_down_suggests_bundled_profiles_without_forbidding_others(blank: openpyxl.Workbook) -> None:
    rule = blank["Hội nghị"].data_validations.dataValidation[0]
    assert str(rule.sqref) == "B2"
    assert "ubnd-u-minh-thuong" in _list_values(blank, rule.formula1)
    assert not rule.showErrorMessage


def test_date_cells_show_day_month_year(blank: openpyxl.Workbook) -> None:
    assert blank["Hội nghị"]["A4"].value == "Ngày họp"
    assert blank["Hội nghị"]["B4"].number_format == "dd/mm/yyyy"
    assert blank["Văn bản"]["A3"].value == "Ngày"
    assert blank["Văn bản"]["B3"].number_format == "dd/mm/yyyy"
    assert blank["Tin bài"]["A4"].value == "Thời điểm đăng"
    assert blank["Tin bài"]["B4"].number_format == "dd/mm/yyyy hh:mm"


def test_example_rows_sit_under_the_headers_in_grey_italic(blank: openpyxl.Workbook) -> None:
    chairs = blank["Chủ trì"]
    assert chairs["A2"].value == "Ví dụ: Nguyễn Văn A"
    assert chairs["A2"].font.italic and chairs["A2"].font.color.rgb == "00808080"
    awards = blank["Khen thưởng"]
    assert [awards.cell(row=r, column=7).value for r in range(2, 6)] == [
        None, "Ví dụ: Ban Dân vận xã A", "Ví dụ: Ủy ban nhân dân xã B", None,
    ]  # fmt: skip
    assert awards["D2"].value == 1000000 and awards["D2"].number_format == "#,##0"
    assert blank["Hội nghị"]["C3"].font.italic


def test_every_example_row_holds_an_example_marked_value() -> None:
    # -- the reader's example rule relies on it: no real row can equal an example --
    for spec in (*wbk.TABLES, wbk.PHOTOS):
        for example in spec.examples:
            assert any(isinstance(v, str) and v.startswith(wbk.EXAMPLE_PREFIX) for v in example.values()), spec.name


def test_instructions_explain_examples_attendees_sections_and_awards(blank: openpyxl.Workbook) -> None:
    text = "\n".join(str(c.value) for row in blank["Hướng dẫn"].iter_rows() for c in row if c.value)
    for phrase in ("Dòng ví dụ", "«Nhóm» hoặc «Cá nhân»", "Không hỗ trợ mục con", "dấu gạch (-)",
                   "số lượng phải bằng số tên", "ngày/tháng/năm"):  # fmt: skip
        assert phrase in text


# -- filled workbooks and the round trip -------------------------------------------------


@pytest.mark.parametrize("name", ["meeting.yaml", "meeting-party.yaml", "meeting-awards.yaml"])
def test_round_trip_of_the_sample_gives_the_same_meeting(tmp_path: Path, name: str) -> None:
    source = SAMPLES / name
    out = tmp_path / "meeting.xlsx"
    shutil.copytree(SAMPLES / "photos", tmp_path / "photos")  # -- photo paths are relative to the data file --
    write_template(out, yaml.safe_load(source.read_text(encoding="utf-8")))
    assert umt_reports.load_meeting(out) == umt_reports.load_meeting(source)


def _rich() -> dict[str, Any]:
    return {
        "profile": "ubnd-u-minh-thuong",
        "meeting": {"title": "Hội nghị sơ kết", "date": "21/6", "place": "xã Thạnh Yên"},
        "chairs": [{"name": "Nguyễn Văn A", "positions": "Chủ tịch UBND huyện"}],
        "attendees": [
            "Lãnh đạo các phòng, ban huyện",
            {"name": "Trần Thị B"},
            {"name": "Lê Văn C", "position": "Chủ tịch UBND xã", "unit": "xã An Minh Bắc"},
            {"group": "Đại diện các hội", "unit": "cấp huyện"},
        ],
        "statistics": [
            {"label": "Chỉ tiêu đạt", "value": "22/27", "unit": "chỉ tiêu"},
            {"label": "Tổng vốn", "value": 1234567.5, "unit": "đồng"},
        ],
        "sections": [
            {"paragraphs": ["Mở đầu không có tên mục."]},
            {"title": "Kết quả", "paragraphs": ["Đoạn 1.", "Đoạn 2."], "points": ["ý a", "ý b"]},
            {"title": "Tồn tại"},
            {"title": "Kiến nghị", "points": ["ý duy nhất"]},
        ],
        "awards": [
            {
                "form": "Giấy khen",
                "decided_by": "Chủ tịch UBND huyện",
                "reason": "thành tích tốt",
                "amount": 2000000,
                "collectives": {"count": 2, "members": [{"name": "Ban Dân vận xã A"}, {"name": "UBND xã B"}]},
                "individuals": 10,
            },
            {
                "form": "Giấy khen",
                "decided_by": "Chủ tịch UBND huyện",
                "reason": "thành tích tốt",
                "individuals": [{"name": "Nguyễn Văn D", "position": "Cán bộ", "unit": "xã A", "note": "đề nghị"}],
            },
            {"form": "Bằng khen", "collectives": 1},
        ],  # fmt: skip
        "report": {
            "number": 7,
            "date": dt.date(2022, 6, 22),
            "subject": "Báo cáo kết quả hội nghị",
            "signer": {"name": "Nguyễn Văn A", "title": "Phó Chủ tịch", "mode": "KT"},
            "recipients": ["Thường trực Huyện ủy"],
            "filing": ["VP", "NV"],
        },
        "press": {
            "outlet": "Cổng thông tin",
            "published": dt.datetime(2022, 6, 22, 13, 37),
            "photos": [{"file": "anh/1.jpg", "caption": "Quang cảnh", "credit": "Diễm My"}, {"file": "anh/2.jpg"}],
        },
    }


def test_round_trip_keeps_counts_lists_partial_dates_points_and_photos(tmp_path: Path) -> None:
    data = _rich()
    yaml_path = tmp_path / "meeting.yaml"
    yaml_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (tmp_path / "anh").mkdir()
    for name in ("1.jpg", "2.jpg"):
        Image.new("RGB", (4, 3), "white").save(tmp_path / "anh" / name, "JPEG")
    out = tmp_path / "meeting.xlsx"
    write_template(out, data)
    from_xlsx = umt_reports.load_meeting(out)
    assert from_xlsx == umt_reports.load_meeting(yaml_path)
    assert from_xlsx.awards[1].amount is None  # -- the dash stopped the inheritance --
    assert from_xlsx.press.published == dt.datetime(2022, 6, 22, 13, 37)


def test_the_decision_sheet_keeps_every_decision_key(tmp_path: Path) -> None:
    decision = {
        "number": 5,
        "date": "17/6/2022",
        "subject": "Về việc tặng Giấy khen",
        "signer": {"name": "Lê Văn C", "title": "Phó Chủ tịch", "mode": "KT"},
        "proposed_by": "Trưởng Phòng Nội vụ huyện",
        "legal_grounds": ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "Căn cứ A, B; C"],
        "funding": "Quỹ Thi đua, khen thưởng huyện",
        "executors": ["Chánh Văn phòng", "Trưởng Phòng Nội vụ huyện"],
        "recipients": ["Như Điều 3", "Lưu hồ sơ, tài liệu"],
        "filing": ["NV", "TĐKT"],
        "group_by_unit": True,
    }
    data = {**_rich(), "press": {"outlet": "Cổng thông tin"}, "decision": decision}
    out = tmp_path / "m.xlsx"
    write_template(out, data)
    assert read_xlsx(out).data["decision"] == decision
    yaml_path = tmp_path / "meeting.yaml"
    yaml_path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert umt_reports.load_meeting(out).decision == umt_reports.load_meeting(yaml_path).decision
    assert umt_reports.load_meeting(out).decision.group_by_unit is True


def test_a_bad_signing_mode_in_the_decision_sheet_is_located_at_its_cell(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    write_template(out, {**_rich(), "decision": {"signer": {"name": "Lê Văn C", "title": "Chủ tịch", "mode": "TT"}}})
    with pytest.raises(InputError) as caught:
        umt_reports.load_meeting(out)
    assert [(p.code, str(p.location)) for p in caught.value.problems] == [("signer.bad_mode", "Quyết định!B7")]


def test_a_yes_no_cell_that_is_neither_is_located_at_its_cell(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    write_template(out, {**_rich(), "decision": {"group_by_unit": "Có lẽ"}})
    sheet = openpyxl.load_workbook(out)["Quyết định"]
    row = next(r[0].row for r in sheet.iter_rows() if r[0].value == "Liệt kê theo đơn vị")
    assert sheet[f"B{row}"].value == "Có lẽ"
    raw = read_xlsx(out)
    assert [(p.code, str(p.location)) for p in raw.problems] == [("value.bad_choice", f"Quyết định!B{row}")]


def test_a_none_amount_after_an_award_with_one_is_written_as_a_dash(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    write_template(out, _rich())
    awards = openpyxl.load_workbook(out)["Khen thưởng"]
    assert [awards.cell(row=r, column=4).value for r in range(2, 7)] == [2000000, None, None, None, "—"]


def test_a_midnight_publication_time_survives_the_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    write_template(out, {"press": {"published": dt.datetime(2022, 6, 22, 0, 0)}})
    assert read_xlsx(out).data["press"]["published"] == "22/06/2022 00:00"


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    write_template(out, {"meeting": {"title": "=SUM(A1:A2)"}})
    assert read_xlsx(out).data["meeting"]["title"] == "=SUM(A1:A2)"


@pytest.mark.parametrize(
    ("data", "code", "path"),
    [
        (
            {"sections": [{"title": "A", "sections": [{"title": "A.1"}]}]},
            "xlsx.nested_sections",
            "sections[1].sections",
        ),
        ({"issuer": {"kind": "state", "contact": ["x"]}}, "xlsx.unsupported_key", "issuer.contact"),
        ({"meeting": {"title": "T", "theme": "x"}}, "xlsx.unsupported_key", "meeting.theme"),
        ({"sections": [{"title": "A"}, {"title": "a"}]}, "xlsx.sections_merge", "sections[2]"),
        ({"sections": [{"title": "A"}, {"paragraphs": ["x"]}]}, "xlsx.sections_merge", "sections[2]"),
        (
            {"awards": [{"form": "Giấy khen", "collectives": 1}, {"form": "Giấy khen", "individuals": 2}]},
            "xlsx.awards_merge",
            "awards[2]",
        ),
        ({"attendees": [{"group": "G", "name": "N"}]}, "xlsx.attendee_group_and_name", "attendees[1]"),
        ({"chairs": [{"name": {"first": "A"}}]}, "xlsx.bad_value", "chairs[1].name"),
        ({"meeting": {"title": "a\x01b"}}, "xlsx.bad_value", "meeting.title"),
    ],  # fmt: skip
)
def test_data_the_workbook_cannot_hold_is_refused_not_dropped(
    tmp_path: Path, data: dict[str, Any], code: str, path: str
) -> None:
    out = tmp_path / "m.xlsx"
    with pytest.raises(InputError) as caught:
        write_template(out, data)
    assert [(p.code, p.params["path"]) for p in caught.value.problems] == [(code, path)]
    assert not out.exists()


def test_every_refusal_is_listed_at_once(tmp_path: Path) -> None:
    data = {"issuer": {"theme": 1}, "sections": [{"title": "A", "sections": [{}]}], "extra": 1}
    with pytest.raises(InputError) as caught:
        write_template(tmp_path / "m.xlsx", data)
    assert sorted(p.code for p in caught.value.problems) == [
        "xlsx.nested_sections", "xlsx.unsupported_key", "xlsx.unsupported_key",
    ]  # fmt: skip


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    out.write_bytes(b"old")
    with pytest.raises(InputError):
        write_template(out, {"sections": [{"sections": [{}]}]})
    assert out.read_bytes() == b"old"
    write_template(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.xlsx"]


def test_writing_into_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "m.xlsx"
    with pytest.raises(InputError) as caught:
        write_template(out)
    assert caught.value.problems[0].code == "xlsx.cannot_write"


def test_the_instructions_name_the_sheets_each_document_kind_needs(tmp_path: Path) -> None:
    write_template(tmp_path / "mau.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "mau.xlsx")["Hướng dẫn"]
    rows = {row[0].value: row[1].value for row in sheet.iter_rows() if row[0].value}
    assert rows["Loại văn bản"].startswith(
        "Có thể lập báo cáo; tin bài; thông cáo báo chí; quyết định khen thưởng: cần trang Khen thưởng; "
    )
    assert "thông báo kết luận: cần trang Chủ trì" in rows["Loại văn bản"]
