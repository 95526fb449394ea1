"""Tests for umt_reports.vn.text: normalisation, diacritics, slugs, list letters, Roman numerals."""

from __future__ import annotations

import unicodedata

import pytest

from umt_reports import vn
from umt_reports.vn.text import (
    capitalize_first,
    clean_spaces,
    fold_header,
    nfc,
    point_letter,
    point_letters,
    roman,
    slug,
    strip_diacritics,
    upper,
)


def test_nfc_composes_decomposed_vietnamese() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert decomposed != "Nguyễn Thị Ánh"
    assert nfc(decomposed) == "Nguyễn Thị Ánh"
    assert len(nfc(decomposed)) == len("Nguyễn Thị Ánh")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đồng Tháp", "Dong Thap"),
        ("đường", "duong"),
        ("U Minh Thượng", "U Minh Thuong"),
        ("Ủy ban nhân dân", "Uy ban nhan dan"),
        ("ăâêôơư ĂÂÊÔƠƯ", "aaeoou AAEOOU"),
        ("Bà Bả Bã Bá Bạ", "Ba Ba Ba Ba Ba"),
        ("ascii only 123", "ascii only 123"),
        ("", ""),
    ],
)
def test_strip_diacritics_removes_marks_and_maps_d_stroke(text: str, expected: str) -> None:
    assert strip_diacritics(text) == expected
    assert strip_diacritics(unicodedata.normalize("NFD", text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  a   b  ", "a b"),
        ("a\u00a0b", "a b"),
        ("a\u00a0\u00a0 b", "a b"),
        ("a\tb\nc\r\nd", "a b c d"),
        ("a\u202fb", "a b"),
        ("\u200bHọ\u200b và tên\ufeff", "Họ và tên"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_clean_spaces_turns_every_space_into_one_plain_space(text: str, expected: str) -> None:
    assert clean_spaces(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Báo cáo", "bao-cao"),
        ("Số 25/BC-UBND", "so-25-bc-ubnd"),
        ("  Đại hội  Đảng bộ  ", "dai-hoi-dang-bo"),
        ("Quyết định khen thưởng (2022)", "quyet-dinh-khen-thuong-2022"),
        ("--a--b--", "a-b"),
        ("Tiếng Việt — 日本", "tieng-viet"),
        ("!!!", ""),
    ],
)
def test_slug_is_ascii_lower_case_with_hyphens(text: str, expected: str) -> None:
    assert slug(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Họ và tên", "ho va ten"),
        (" HỌ VÀ\u00a0TÊN ", "ho va ten"),
        ("ho  va ten", "ho va ten"),
        ("Đơn vị", "don vi"),
        (unicodedata.normalize("NFD", "Chức vụ"), "chuc vu"),
        ("Straße", "strasse"),
    ],
)
def test_fold_header_matches_headers_despite_case_spacing_and_diacritics(text: str, expected: str) -> None:
    assert fold_header(text) == expected


def test_point_letters_follow_the_vietnamese_alphabet_without_f_j_w_z() -> None:
    assert " ".join(point_letters()) == "a b c d đ e g h i k l m n o p q r s t u v x y"
    assert len(point_letters()) == 23


@pytest.mark.parametrize(
    ("index", "expected"),
    [(0, "a"), (3, "d"), (4, "đ"), (5, "e"), (6, "g"), (22, "y"), (23, "aa"), (24, "bb"), (45, "yy"), (46, "aaa")],
)
def test_point_letter_doubles_letters_past_y(index: int, expected: str) -> None:
    assert point_letter(index) == expected


def test_point_letter_refuses_negative_index() -> None:
    with pytest.raises(ValueError):
        point_letter(-1)


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (6, "VI"), (9, "IX"), (10, "X"),
        (14, "XIV"), (40, "XL"), (49, "XLIX"), (90, "XC"), (400, "CD"), (900, "CM"),
        (1994, "MCMXCIV"), (2022, "MMXXII"), (3999, "MMMCMXCIX"),
    ],
)  # fmt: skip
def test_roman_writes_upper_case_numerals(n: int, expected: str) -> None:
    assert roman(n) == expected


@pytest.mark.parametrize("n", [0, -1, 4000])
def test_roman_refuses_numbers_outside_1_to_3999(n: int) -> None:
    with pytest.raises(ValueError, match="1..3999"):
        roman(n)


@pytest.mark.parametrize("bad", [1.0, "1", True])
def test_roman_needs_an_int(bad: object) -> None:
    with pytest.raises(TypeError):
        roman(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ủy ban nhân dân huyện U Minh Thượng", "ỦY BAN NHÂN DÂN HUYỆN U MINH THƯỢNG"),
        ("cộng hòa xã hội chủ nghĩa việt nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("đảng cộng sản", "ĐẢNG CỘNG SẢN"),
        (unicodedata.normalize("NFD", "báo cáo"), "BÁO CÁO"),
    ],
)
def test_upper_keeps_vietnamese_letters_precomposed(text: str, expected: str) -> None:
    assert upper(text) == expected
    assert unicodedata.is_normalized("NFC", upper(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("một triệu đồng", "Một triệu đồng"),
        ("ủy ban nhân dân", "Ủy ban nhân dân"),
        ("đồng chí", "Đồng chí"),
        ("(ủy ban UBND)", "(Ủy ban UBND)"),
        ("  ưu tiên", "  Ưu tiên"),
        ("1 tháng", "1 Tháng"),
        ("Đã xong", "Đã xong"),
        ("bÁO cÁO", "BÁO cÁO"),
        ("", ""),
        ("123", "123"),
    ],
)
def test_capitalize_first_touches_only_the_first_letter(text: str, expected: str) -> None:
    assert capitalize_first(text) == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["a"], "a"),
        (["a", "b"], "a và b"),
        (["a", "b", "c"], "a, b và c"),
        (["a", "", "c"], "a và c"),
    ],
)
def test_join_list_reads_as_vietnamese_prose(items: list[str], expected: str) -> None:
    assert vn.join_list(items) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kết quả hội nghị", "kết quả hội nghị"),
        ("Ủy ban", "ủy ban"),
        ("UBND huyện", "UBND huyện"),
        ("", ""),
    ],
)
def test_lower_first_keeps_abbreviations(text: str, expected: str) -> None:
    assert vn.lower_first(text) == expected


def test_letters_hold_every_vietnamese_letter_with_every_tone_once() -> None:
    from umt_reports.vn import LETTERS

    assert len(LETTERS) == len(set(LETTERS)) == 2 * (26 + 1 + 6 + 12 * 5)
    assert unicodedata.is_normalized("NFC", LETTERS)
    for word in ("Nguyễn", "Thượng", "Đắk", "Ửng", "Quỳnh", "Ỷ", "giữa"):
        assert set(word) <= set(LETTERS), word
