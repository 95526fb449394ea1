"""Award forms of Luật Thi đua, khen thưởng 2022: recognising the wording real meetings use."""

from __future__ import annotations

import pytest

from umt_reports.vn.awards import AWARD_CATALOGUE, recognise_award, recognise_award_form


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("danh hiệu “Lao động tiên tiến”", "Lao động tiên tiến"),
        ('Danh hiệu "Chiến sỹ thi đua cấp cơ sở"', "Chiến sĩ thi đua cơ sở"),
        ("chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cơ sở"),
        ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Bằng khen"),
        ("BẰNG KHEN CỦA THỦ TƯỚNG CHÍNH PHỦ", "Bằng khen"),
        ("Giấy khen của Chủ tịch UBND xã", "Giấy khen"),
        ("Tập thể lao động tiên tiến", "Tập thể lao động tiên tiến"),
        ("Khen thưởng", "Khen thưởng"),
        ("Biểu dương", "Biểu dương"),
        ("biểu dương, khen thưởng", "Biểu dương"),
        ("Tuyên dương", "Biểu dương"),
        ("Thư khen của Chủ tịch nước", "Thư khen"),
        ("Kỉ niệm chương", "Kỷ niệm chương"),
        ("Huân chương Lao động hạng Ba", "Huân chương"),
        ("Huy hiệu 40 năm tuổi Đảng", "Huy hiệu Đảng"),
        ('danh hiệu vinh dự Nhà nước "Bà mẹ Việt Nam Anh hùng"', "Bà mẹ Việt Nam anh hùng"),
        ("Cờ thi đua của Chính phủ", "Cờ thi đua của Chính phủ"),
        ("Cờ thi đua của UBND tỉnh", "Cờ thi đua"),
    ],
)
def test_real_wordings_are_recognised_as_forms_of_the_law(text: str, expected: str) -> None:
    assert recognise_award(text) == expected


@pytest.mark.parametrize("text", ["Danh hiệu Gương sáng đất Tây Nguyên", "Phần thưởng", "", "   ", "Khen"])
def test_a_local_or_unknown_form_is_not_recognised(text: str) -> None:
    assert recognise_award(text) is None


def test_the_catalogue_knows_levels_and_granting_bodies() -> None:
    giay_khen = recognise_award_form("Giấy khen")
    assert giay_khen is not None and giay_khen.family == "commendation"
    assert "Chủ tịch Ủy ban nhân dân cấp xã" in giay_khen.granted_by
    title = recognise_award_form("Lao động tiên tiến")
    assert title is not None and (title.family, title.who) == ("title", "person")
    assert len({form.name for form in AWARD_CATALOGUE}) == len(AWARD_CATALOGUE)


def test_every_catalogue_spelling_recognises_its_own_form() -> None:
    for form in AWARD_CATALOGUE:
        for spelling in (form.name, *form.aliases):
            assert recognise_award_form(spelling) is form, spelling
