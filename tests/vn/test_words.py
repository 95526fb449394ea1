"""Tests for umt_reports.vn.words: amounts in words, checked by hand against the reading rules."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from umt_reports.vn.words import MAX_AMOUNT, amount_in_words, money_in_words

# -- each line read aloud and checked by hand: mốt/tư/lăm, linh, "không trăm" in later groups --
STANDARD = [
    (0, "không"),
    (1, "một"),
    (2, "hai"),
    (4, "bốn"),
    (5, "năm"),
    (9, "chín"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (19, "mười chín"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (31, "ba mươi mốt"),
    (34, "ba mươi tư"),
    (45, "bốn mươi lăm"),
    (55, "năm mươi lăm"),
    (70, "bảy mươi"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (114, "một trăm mười bốn"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (124, "một trăm hai mươi tư"),
    (125, "một trăm hai mươi lăm"),
    (200, "hai trăm"),
    (305, "ba trăm linh năm"),
    (999, "chín trăm chín mươi chín"),
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1005, "một nghìn không trăm linh năm"),
    (1010, "một nghìn không trăm mười"),
    (1015, "một nghìn không trăm mười lăm"),
    (1021, "một nghìn không trăm hai mươi mốt"),
    (1024, "một nghìn không trăm hai mươi tư"),
    (1100, "một nghìn một trăm"),
    (1105, "một nghìn một trăm linh năm"),
    (2022, "hai nghìn không trăm hai mươi hai"),
    (10000, "mười nghìn"),
    (10005, "mười nghìn không trăm linh năm"),
    (15000, "mười lăm nghìn"),
    (21000, "hai mươi mốt nghìn"),
    (100000, "một trăm nghìn"),
    (105000, "một trăm linh năm nghìn"),
    (500000, "năm trăm nghìn"),
    (1000000, "một triệu"),
    (1000005, "một triệu không trăm linh năm"),
    (1000010, "một triệu không trăm mười"),
    (1001000, "một triệu không trăm linh một nghìn"),
    (1005000, "một triệu không trăm linh năm nghìn"),
    (1010101, "một triệu không trăm mười nghìn một trăm linh một"),
    (2500000, "hai triệu năm trăm nghìn"),
    (15000000, "mười lăm triệu"),
    (1000000000, "một tỷ"),
    (1000000001, "một tỷ không trăm linh một"),
    (1000001000, "một tỷ không trăm linh một nghìn"),
    (1001000000, "một tỷ không trăm linh một triệu"),
    (5000000000, "năm tỷ"),
    (100000000000, "một trăm tỷ"),
    (
        1234567890,
        "một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi",
    ),
    (
        999999999999,
        "chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu"
        " chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
    ),
    (10**12, "một nghìn tỷ"),
]

SOUTHERN = [
    (0, "không"),
    (101, "một trăm lẻ một"),
    (105, "một trăm lẻ năm"),
    (1000, "một ngàn"),
    (1005, "một ngàn không trăm lẻ năm"),
    (1015, "một ngàn không trăm mười lăm"),
    (1000005, "một triệu không trăm lẻ năm"),
    (1001000, "một triệu không trăm lẻ một ngàn"),
    (2500000, "hai triệu năm trăm ngàn"),
    (10**12, "một ngàn tỷ"),
]


@pytest.mark.parametrize(("n", "expected"), STANDARD)
def test_amount_in_words_reads_the_standard_forms(n: int, expected: str) -> None:
    assert amount_in_words(n) == expected


@pytest.mark.parametrize(("n", "expected"), SOUTHERN)
def test_amount_in_words_reads_southern_le_and_ngan(n: int, expected: str) -> None:
    assert amount_in_words(n, linh="lẻ", nghin="ngàn") == expected


@pytest.mark.parametrize(
    ("n", "kw", "expected"),
    [
        (105, {"linh": "lẻ"}, "một trăm lẻ năm"),
        (1105, {"linh": "lẻ"}, "một nghìn một trăm lẻ năm"),
        (1105, {"nghin": "ngàn"}, "một ngàn một trăm linh năm"),
    ],
)
def test_amount_in_words_switches_linh_and_nghin_independently(n: int, kw: dict[str, str], expected: str) -> None:
    assert amount_in_words(n, **kw) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "Không đồng"),
        (1000000, "Một triệu đồng"),
        (500000, "Năm trăm nghìn đồng"),
        (2500000, "Hai triệu năm trăm nghìn đồng"),
        (1015, "Một nghìn không trăm mười lăm đồng"),
    ],
)
def test_money_in_words_capitalises_and_adds_dong_without_a_dot(n: int, expected: str) -> None:
    assert money_in_words(n) == expected


def test_money_in_words_passes_regional_words_on() -> None:
    assert money_in_words(1005000, linh="lẻ", nghin="ngàn") == "Một triệu không trăm lẻ năm ngàn đồng"


@pytest.mark.parametrize("n", [-1, MAX_AMOUNT + 1, 10**15])
def test_amount_in_words_refuses_numbers_outside_zero_to_a_thousand_ty(n: int) -> None:
    with pytest.raises(ValueError, match="0..1000000000000"):
        amount_in_words(n)


@pytest.mark.parametrize("bad", [1.0, "5", True])
def test_amount_in_words_needs_an_int(bad: object) -> None:
    with pytest.raises(TypeError):
        amount_in_words(bad)  # type: ignore[arg-type]


@given(st.integers(min_value=1, max_value=MAX_AMOUNT))
def test_amount_in_words_is_single_spaced_and_never_says_khong_alone(n: int) -> None:
    text = amount_in_words(n)
    assert text == " ".join(text.split())
    leading_group = re.split(r" (?:tỷ|triệu|nghìn)(?: |$)", text)[0]
    assert "không" not in leading_group


@given(st.integers(min_value=0, max_value=999))
def test_amount_in_words_reads_every_group_the_same_after_any_scale_word(n: int) -> None:
    tail = amount_in_words(1_000_000 + n).removeprefix("một triệu").strip()
    if n == 0:
        assert tail == ""
    else:
        assert tail == amount_in_words(1000 + n).removeprefix("một nghìn").strip()
        assert tail.startswith(("không trăm", amount_in_words(n // 100) + " trăm"))
