"""Tests for umt_reports.vn.collation: Vietnamese alphabet, tone order, and name order."""

from __future__ import annotations

import random
import unicodedata

import pytest

from umt_reports.vn.collation import name_sort_key, sort_key, sort_names


def _shuffled(items: list[str], seed: int) -> list[str]:
    copy = list(items)
    random.Random(seed).shuffle(copy)
    return copy


# -- words in the expected order, built by hand from the CLDR vi rules --
WORDS_IN_ORDER = [
    "a", "à", "á", "ạ", "ác", "an", "anh", "ă", "ắc", "ăn", "â", "ân", "ấy",
    "b", "ba", "bà", "bả", "bã", "bá", "bạ", "bác", "ban",
    "c", "ch", "d", "da", "dz", "đ", "đa", "đà",
    "e", "ê", "f", "g", "gi", "h", "i", "j", "k", "l", "m", "n", "ng", "nh",
    "o", "ò", "ô", "ồ", "ơ", "ở", "p", "q", "r", "s", "t", "tr",
    "u", "ú", "ư", "ừ", "v", "w", "x", "y", "ý", "z",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(5))
def test_sort_key_follows_the_vietnamese_alphabet_and_tone_order(seed: int) -> None:
    assert sorted(_shuffled(WORDS_IN_ORDER, seed), key=sort_key) == WORDS_IN_ORDER


@pytest.mark.parametrize(
    "ordered",
    [
        ["Ba", "Bà", "Bả", "Bã", "Bá", "Bạ"],
        ["An", "Ăn", "Ân"],
        ["Dung", "Dũng", "Đông", "Đức"],
        ["O", "Ô", "Ơ"],
        ["U", "Ư"],
        ["Trung", "Trưng"],
        ["Bà", "Bác"],  # -- letters decide before tones --
        ["Hoa", "Hòa", "Hỏa", "Hóa"],
        ["Hai", "Hải", "Hái"],
    ],
)
def test_sort_key_orders_each_pair_as_a_vietnamese_reader_would(ordered: list[str]) -> None:
    assert sorted(reversed(ordered), key=sort_key) == ordered


def test_sort_key_gives_nfc_and_nfd_the_same_key() -> None:
    for word in ["Nguyễn", "Trần Thị Ánh", "Đặng Ngọc Ẩn", "Ưng Hoàng Phúc"]:
        assert sort_key(word) == sort_key(unicodedata.normalize("NFD", word))


def test_sort_key_ignores_case_before_tones() -> None:
    assert sort_key("AN") < sort_key("án")
    assert sort_key("bà") < sort_key("BÁ")


def test_sort_key_puts_lower_case_first_when_only_case_differs() -> None:
    assert sorted(["An", "an", "AN"], key=sort_key) == ["an", "An", "AN"]


def test_sort_key_treats_old_and_new_tone_placement_alike_at_tone_level() -> None:
    assert sort_key("hoà")[:2] == sort_key("hòa")[:2]
    assert sorted(["Hoa", "Hóa", "hoà"], key=sort_key) == ["Hoa", "hoà", "Hóa"]


def test_sort_key_puts_spaces_before_punctuation_before_digits_before_letters() -> None:
    assert sorted(["a", "1", "-", " "], key=sort_key) == [" ", "-", "1", "a"]
    assert sorted(["An Bình", "An-Bình", "Anh"], key=sort_key) == ["An Bình", "An-Bình", "Anh"]


def test_sort_key_sorts_accented_foreign_letters_with_their_base_and_other_scripts_last() -> None:
    assert sorted(["α", "z", "ç", "a", "d"], key=sort_key) == ["a", "ç", "d", "z", "α"]


# -- at least 40 names in the expected order: given name, then middle names, then family --
NAMES_IN_ORDER = [
    "Trần Thị An",
    "Nguyễn Văn An",
    "Lê Văn Án",
    "Trần Thị Ánh",
    "Phạm Văn Ăn",
    "Võ Văn Ân",
    "Nguyễn Thị Ba",
    "Lê Văn Bà",
    "Trần Văn Bả",
    "Ngô Văn Bã",
    "Đỗ Văn Bá",
    "Hồ Văn Bạ",
    "Lý Thanh Bình",
    "Nguyễn Văn Chiến",
    "Phan Văn Cường",
    "Đinh Thị Dung",
    "Hà Thị Dung",
    "Lê Thị Dung",
    "Trần Minh Dũng",
    "Châu Văn Đông",
    "Bùi Văn Đức",
    "Mai Thị Giang",
    "Tô Ngọc Hà",
    "Đoàn Thị Hải",
    "Lâm Văn Hòa",
    "Nguyễn Thị Hồng",
    "Nguyễn Quốc Khởi",
    "Đào Văn Khởi",
    "Cao Thị Lan",
    "Diệp Thị Mỹ",
    "Thái Văn Nam",
    "Nguyễn Thị Ngọc Oanh",
    "Phùng Văn Ơn",
    "Quách Văn Phúc",
    "Trương Thị Quyên",
    "Huỳnh Văn Sang",
    "Lương Thanh Tâm",
    "Võ Thị Thu",
    "Lê Văn Trung",
    "Kiều Thị Trưng",
    "Văn Út",
    "Phạm Văn Út",
    "Dương Thị Ửng",
    "Giang Văn Vinh",
    "Trịnh Thị Xuân",
    "Hoàng Yến",
    "Ông Thị Yến",
]


def test_name_table_has_at_least_forty_names() -> None:
    assert len(NAMES_IN_ORDER) >= 40


@pytest.mark.parametrize("seed", range(5))
def test_sort_names_orders_by_given_then_middle_then_family(seed: int) -> None:
    assert sort_names(_shuffled(NAMES_IN_ORDER, seed)) == NAMES_IN_ORDER


@pytest.mark.parametrize(
    "ordered",
    [
        ["Trần Thị Dung", "Nguyễn Văn Dung"],  # -- middle name decides before family --
        ["Đinh Thị Dung", "Lê Thị Dung"],  # -- then the family name --
        ["Nguyễn An", "Nguyễn Thị An", "Nguyễn Thị Ngọc An"],  # -- fewer middle names first --
        ["Dương Văn Nam", "Đặng Văn Nam"],  # -- D before Đ in the family name --
        ["Lê Văn Ba", "Lê Văn Bà"],  # -- tones in the given name --
        ["An", "Nguyễn An"],  # -- a one-word name is a given name --
    ],
)
def test_name_sort_key_compares_name_parts_in_order(ordered: list[str]) -> None:
    assert sorted(reversed(ordered), key=name_sort_key) == ordered


def test_name_sort_key_ignores_extra_and_non_breaking_spaces() -> None:
    assert name_sort_key("  Nguyễn\u00a0Văn   An ")[:3] == name_sort_key("Nguyễn Văn An")[:3]


def test_name_sort_key_gives_nfc_and_nfd_the_same_key() -> None:
    name = "Nguyễn Thị Ánh"
    assert name_sort_key(unicodedata.normalize("NFD", name)) == name_sort_key(name)


def test_sort_names_reads_the_name_through_key() -> None:
    people = [{"name": "Trần Văn Bình"}, {"name": "Lê Thị An"}]
    assert sort_names(people, key=lambda p: p["name"]) == [{"name": "Lê Thị An"}, {"name": "Trần Văn Bình"}]


def test_sort_names_keeps_groups_in_first_seen_order_and_sorts_inside_them() -> None:
    people = [
        ("xã Thạnh Yên", "Trần Văn Bình"),
        ("xã An Minh Bắc", "Nguyễn Thị Yến"),
        ("xã Thạnh Yên", "Lê Thị An"),
        ("xã An Minh Bắc", "Phạm Văn Ân"),
    ]
    result = sort_names(people, key=lambda p: p[1], group=lambda p: p[0])
    assert result == [
        ("xã Thạnh Yên", "Lê Thị An"),
        ("xã Thạnh Yên", "Trần Văn Bình"),
        ("xã An Minh Bắc", "Phạm Văn Ân"),
        ("xã An Minh Bắc", "Nguyễn Thị Yến"),
    ]


def test_sort_names_accepts_any_iterable_and_returns_a_new_list() -> None:
    names = ("Trần Văn Bình", "Lê Thị An")
    assert sort_names(iter(names)) == ["Lê Thị An", "Trần Văn Bình"]
    assert sort_names([]) == []
