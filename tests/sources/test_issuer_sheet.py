"""The issuing-body sheet and the notes on values an English-locale Excel may misread (issue 11)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from tests.sources.workbooks import make_book

from umt_reports.cli import main
from umt_reports.model import validate
from umt_reports.sources import read_source
from umt_reports.sources.xlsx_template import write_template

FIELD = Path(__file__).resolve().parents[2] / "samples" / "field"


def _notes(path: Path) -> list[tuple[str, str]]:
    raw = read_source(path)
    validate(raw)
    return [(p.code, str(p.location)) for p in raw.notes]


def test_an_inline_profile_goes_to_the_issuing_body_sheet_and_comes_back(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load((FIELD / "2026-01-08_xa-dong-loc.yaml").read_text(encoding="utf-8"))
    out = tmp_path / "dong-loc.xlsx"
    write_template(out, data)
    meeting = validate(read_source(out))
    assert meeting.issuer.full_name == "Ủy ban nhân dân xã Đồng Lộc"
    assert meeting.issuer.name == ["ỦY BAN NHÂN DÂN", "XÃ ĐỒNG LỘC"]
    assert meeting.issuer.signer is not None and meeting.issuer.signer.name == "Bùi Chiến Thắng"
    assert meeting.issuer.valid_from == dt.date(2025, 7, 1)


def test_a_half_filled_issuing_body_sheet_points_at_its_sheet(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": [["Mục", "Giá trị"], ["Tên hội nghị", "Hội nghị sơ kết"]],
        "Cơ quan ban hành": [["Mục", "Giá trị"], ["Loại cơ quan", "state"], ["Tên cơ quan", "ỦY BAN NHÂN DÂN"]],
    })  # fmt: skip
    import pytest

    from umt_reports import InputError

    with pytest.raises(InputError) as caught:
        validate(read_source(path))
    places = {str(p.location) for p in caught.value.problems}
    assert places and all(place.startswith("Cơ quan ban hành") for place in places)


def test_a_count_with_three_decimals_from_a_workbook_gets_a_note_naming_its_cell(tmp_path: Path) -> None:
    path = make_book(tmp_path / "m.xlsx", {
        "Hội nghị": [["Mục", "Giá trị"], ["Cơ quan ban hành (hồ sơ)", "ubnd-xa-ia-sao"],
                     ["Tên hội nghị", "Hội nghị sơ kết"], ["Ngày họp", "21/12/2025"]],
        "Số liệu": [["Chỉ tiêu", "Giá trị", "Đơn vị"], ["Người được tuyên truyền", 1.387, "người"],
                    ["Thu ngân sách", 38.723, "tỷ đồng"]],
    })  # fmt: skip
    assert _notes(path) == [("number.maybe_thousands", "Số liệu!B2")]


def test_a_date_cell_with_day_and_month_both_twelve_or_less_gets_a_note(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Mục", "Giá trị"],
        ["Cơ quan ban hành (hồ sơ)", "ubnd-xa-ia-sao"],
        ["Tên hội nghị", "Hội nghị sơ kết"],
        ["Ngày họp", dt.datetime(2026, 2, 5)],
    ]
    assert _notes(make_book(tmp_path / "a.xlsx", {"Hội nghị": rows})) == [("date.day_month_ambiguous", "Hội nghị!B4")]
    rows[3][1] = dt.datetime(2026, 2, 15)
    assert _notes(make_book(tmp_path / "b.xlsx", {"Hội nghị": rows})) == []
    rows[3][1] = "5/2/2026"  # -- typed as text: read the Vietnamese way, nothing to say --
    assert _notes(make_book(tmp_path / "c.xlsx", {"Hội nghị": rows})) == []


def test_xlsx_template_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "mau.xlsx"
    out.write_bytes(b"filled workbook")
    result = CliRunner().invoke(main, ["xlsx-template", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"Tệp {out} đã có; thêm --force để ghi đè.\n"
    assert out.read_bytes() == b"filled workbook"
    result = CliRunner().invoke(main, ["xlsx-template", "--force", str(out)])
    assert result.exit_code == 0 and out.read_bytes()[:2] == b"PK"


def test_the_award_form_drop_down_suggests_without_forbidding_other_forms(tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "mau.xlsx"
    write_template(out)
    rules = {
        str(rule.sqref): rule for rule in openpyxl.load_workbook(out)["Khen thưởng"].data_validations.dataValidation
    }
    assert not rules["A2:A1001"].showErrorMessage  # -- "Thư khen" or a local title can be typed --
    assert rules["E2:E1001"].showErrorMessage
