"""Tests for umt_reports.vn.doctypes: ND30 type abbreviations and award forms."""

from __future__ import annotations

import pytest

from umt_reports.vn.doctypes import (
    AWARD_FORMS,
    COPY_FORM_ABBREVIATIONS,
    DOCUMENT_TYPE_ABBREVIATIONS,
    abbreviation,
    match_award_form,
)
from umt_reports.vn.text import fold_header

# -- ND30 Phụ lục III §I, copied by hand from the spec (official-format.md §1.5) --
ND30_TABLE = [
    ("Báo cáo", "BC"),
    ("Quyết định", "QĐ"),
    ("Thông cáo", "TC"),
    ("Thông báo", "TB"),
    ("Kế hoạch", "KH"),
    ("Tờ trình", "TTr"),
    ("Chương trình", "CTr"),
    ("Quy định", "QyĐ"),
    ("Hướng dẫn", "HD"),
    ("Nghị quyết", "NQ"),
    ("Chỉ thị", "CT"),
    ("Quy chế", "QC"),
    ("Phương án", "PA"),
    ("Đề án", "ĐA"),
    ("Dự án", "DA"),
    ("Biên bản", "BB"),
    ("Hợp đồng", "HĐ"),
    ("Công điện", "CĐ"),
    ("Giấy mời", "GM"),
    ("Giấy giới thiệu", "GGT"),
    ("Giấy ủy quyền", "GUQ"),
    ("Giấy nghỉ phép", "GNP"),
    ("Bản ghi nhớ", "BGN"),
    ("Bản thỏa thuận", "BTT"),
    ("Phiếu gửi", "PG"),
    ("Phiếu chuyển", "PC"),
    ("Phiếu báo", "PB"),
]


@pytest.mark.parametrize(("name", "abbr"), ND30_TABLE)
def test_abbreviation_follows_nd30_appendix_iii(name: str, abbr: str) -> None:
    assert abbreviation(name) == abbr
    assert DOCUMENT_TYPE_ABBREVIATIONS[name] == abbr


def test_type_table_holds_exactly_the_nd30_types() -> None:
    assert dict(DOCUMENT_TYPE_ABBREVIATIONS) == dict(ND30_TABLE)


def test_type_table_is_read_only() -> None:
    with pytest.raises(TypeError):
        DOCUMENT_TYPE_ABBREVIATIONS["Công văn"] = "CV"  # type: ignore[index]


def test_type_names_stay_distinct_without_diacritics() -> None:
    names = [*DOCUMENT_TYPE_ABBREVIATIONS, *COPY_FORM_ABBREVIATIONS]
    assert len({fold_header(name) for name in names}) == len(names)


@pytest.mark.parametrize(
    ("text", "abbr"),
    [
        ("báo cáo", "BC"),
        ("BÁO CÁO", "BC"),
        ("  Báo\u00a0 cáo ", "BC"),
        ("bao cao", "BC"),
        ("to trinh", "TTr"),
        ("Giấy uỷ quyền", "GUQ"),
        ("Bản thoả thuận", "BTT"),
        ("quy dinh", "QyĐ"),
        ("quyet dinh", "QĐ"),
        ("de an", "ĐA"),
        ("du an", "DA"),
    ],
)
def test_abbreviation_tolerates_case_spacing_and_missing_diacritics(text: str, abbr: str) -> None:
    assert abbreviation(text) == abbr


@pytest.mark.parametrize(("name", "abbr"), [("Sao y", "SY"), ("Trích sao", "TrS"), ("Sao lục", "SL")])
def test_abbreviation_covers_the_copy_forms(name: str, abbr: str) -> None:
    assert abbreviation(name) == abbr


@pytest.mark.parametrize("name", ["Công văn", "cong van", "Thư công"])
def test_abbreviation_says_cong_van_has_none(name: str) -> None:
    with pytest.raises(ValueError, match="has no type abbreviation"):
        abbreviation(name)


@pytest.mark.parametrize("name", ["", "Thư mời", "Báo cáo tổng kết"])
def test_abbreviation_refuses_unknown_types(name: str) -> None:
    with pytest.raises(ValueError, match="unknown document type"):
        abbreviation(name)


def test_award_forms_are_the_district_commendations_in_canonical_spelling() -> None:
    assert AWARD_FORMS == (
        "Giấy khen",
        "Bằng khen",
        "Cờ thi đua",
        "Chiến sĩ thi đua cơ sở",
        "Lao động tiên tiến",
        "Tập thể lao động tiên tiến",
        "Tập thể lao động xuất sắc",
        "Huân chương",
        "Huy chương",
        "Kỷ niệm chương",
    )


@pytest.mark.parametrize("form", AWARD_FORMS)
def test_match_award_form_finds_each_canonical_form(form: str) -> None:
    assert match_award_form(form) == form
    assert match_award_form(form.upper()) == form
    assert match_award_form(fold_header(form)) == form


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("giấy khen", "Giấy khen"),
        ("  GIẤY\u00a0 KHEN ", "Giấy khen"),
        ("giay khen", "Giấy khen"),
        ("Giấy khen.", "Giấy khen"),
        ("bang khen cua Chu tich UBND tinh", "Bằng khen"),
        ("Huân chương Lao động hạng Ba", "Huân chương"),
        ("Danh hiệu Lao động tiên tiến", "Lao động tiên tiến"),
        ("tap the lao dong tien tien", "Tập thể lao động tiên tiến"),
        ("Tập thể lao động xuất sắc năm 2021", "Tập thể lao động xuất sắc"),
        ("Chiến sỹ thi đua cơ sở", "Chiến sĩ thi đua cơ sở"),
        ("Kỉ niệm chương", "Kỷ niệm chương"),
        ("huy chuong", "Huy chương"),
        ("Cờ thi đua của UBND tỉnh", "Cờ thi đua"),
    ],
)
def test_match_award_form_tolerates_how_people_type(text: str, expected: str) -> None:
    assert match_award_form(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "Khen", "Giấy", "Giấy khenx", "Chiến sĩ thi đua toàn quốc", "Bằng khen"[:-1], "Giấy mời"],
)
def test_match_award_form_returns_none_for_other_text(text: str) -> None:
    assert match_award_form(text) is None
