"""Proper names: which labels keep their capital, which header lines are held together, and the shortening helper."""

from __future__ import annotations

import unicodedata

import pytest

from umt_reports import vn

NB = "\u00a0"


@pytest.mark.parametrize(
    "text",
    [
        "Thường trực Huyện ủy",
        "UBND huyện",
        "HĐND xã",
        "Ủy ban nhân dân xã Thạnh Yên",
        "Ủy ban MTTQ Việt Nam huyện",
        "Sở Tài chính",
        "Ban Dân vận Huyện ủy",
        "Hà Nội",
        "Nguyễn Văn A",
        "Đảng ủy xã",
        "Mặt trận Tổ quốc",
        "eKYC",
    ],
)
def test_labels_that_open_with_a_proper_noun_or_acronym_keep_their_capital(text: str) -> None:
    assert vn.starts_proper(text)
    assert vn.lower_first(text) == text


@pytest.mark.parametrize(
    ("text", "lowered"),
    [
        ("Tăng trưởng kinh tế bình quân", "tăng trưởng kinh tế bình quân"),
        ("Đại diện Thường trực Đảng ủy xã", "đại diện Thường trực Đảng ủy xã"),
        ("Lãnh đạo các phòng, ban huyện", "lãnh đạo các phòng, ban huyện"),
        ("Hội nghị tổng kết", "hội nghị tổng kết"),
        ("Mô hình “Dân vận khéo” được nhân rộng", "mô hình “Dân vận khéo” được nhân rộng"),
        ("Ủy ban", "ủy ban"),
    ],
)
def test_common_labels_are_lowered_in_mid_sentence(text: str, lowered: str) -> None:
    assert not vn.starts_proper(text)
    assert vn.lower_first(text) == lowered


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("HUYỆN U MINH THƯỢNG", f"HUYỆN U{NB}MINH{NB}THƯỢNG"),
        ("ỦY BAN NHÂN DÂN XÃ THẠNH YÊN", f"ỦY BAN NHÂN DÂN XÃ THẠNH{NB}YÊN"),
        ("HUYỆN ỦY U MINH THƯỢNG", f"HUYỆN ỦY U{NB}MINH{NB}THƯỢNG"),
        ("THÀNH PHỐ HỒ CHÍ MINH", f"THÀNH PHỐ HỒ{NB}CHÍ{NB}MINH"),
        ("ĐẢNG BỘ TỈNH BÀ RỊA - VŨNG TÀU", f"ĐẢNG BỘ TỈNH BÀ{NB}RỊA{NB}-{NB}VŨNG{NB}TÀU"),
        ("BAN DÂN VẬN", "BAN DÂN VẬN"),
        ("ỦY BAN NHÂN DÂN HUYỆN", "ỦY BAN NHÂN DÂN HUYỆN"),
    ],
)
def test_a_place_name_in_a_header_line_is_held_together(line: str, kept: str) -> None:
    assert vn.keep_together(line) == kept


def test_a_long_text_after_a_unit_noun_is_not_a_place_name_and_still_wraps() -> None:
    line = "XÃ " + " ".join(["MỘT"] * 7)
    assert vn.keep_together(line) == line


@pytest.mark.parametrize(
    ("text", "limit", "short"),
    [
        ("Hội nghị tổng kết", 12, "Hội nghị…"),
        ("Hội nghị tổng kết", 17, "Hội nghị tổng kết"),
        ("abcdefghijklmnop", 10, "abcdefghi…"),
        ("Kết quả, tổng kết năm", 10, "Kết quả…"),
    ],
)
def test_shorten_cuts_at_a_word_and_marks_the_cut(text: str, limit: int, short: str) -> None:
    assert vn.shorten(text, limit) == short
    assert len(vn.shorten(text, limit)) <= limit


def test_shorten_never_parts_a_letter_from_its_mark() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn" * 50)
    short = vn.shorten(decomposed, 40, mark="")
    assert not unicodedata.combining(decomposed[len(short)])


def test_shorten_refuses_a_limit_with_no_room_for_text() -> None:
    with pytest.raises(ValueError):
        vn.shorten("abc", 1)
