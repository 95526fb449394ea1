"""Tests for umt_reports.vn.numbers: Vietnamese separators via Babel, and reading typed numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from umt_reports import vn
from umt_reports.vn.numbers import (
    format_money,
    format_number,
    format_percent_value,
    parse_number,
    parse_number_with_unit,
)


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (19.4, "19,4"),
        (93.32, "93,32"),
        (1387, "1.387"),
        (1234567, "1.234.567"),
        (0.5, "0,5"),
        (0, "0"),
        (999, "999"),
        (1000, "1.000"),
        (-5, "-5"),
        (-1234.5, "-1.234,5"),
        (Decimal("93.32"), "93,32"),
        (Decimal("19.40"), "19,4"),
        (Decimal("5.00"), "5"),
        (Decimal("1E+3"), "1.000"),
        (Decimal("-0.0"), "0"),
        (Decimal("0.125"), "0,125"),
        (Decimal("1234567.891"), "1.234.567,891"),
        (10**12, "1.000.000.000.000"),
        (Decimal("12345678901234567890.123"), "12.345.678.901.234.567.890,123"),
        (100.0, "100"),
    ],
)
def test_format_number_uses_decimal_comma_and_thousands_dot(x: int | Decimal | float, expected: str) -> None:
    assert format_number(x) == expected


@pytest.mark.parametrize(
    ("x", "decimals", "expected"),
    [
        (19.4, 2, "19,40"),
        (Decimal("93.325"), 2, "93,33"),
        (1.005, 2, "1,01"),
        (2.5, 0, "3"),
        (3.5, 0, "4"),
        (Decimal("-2.5"), 0, "-3"),
        (1234567, 1, "1.234.567,0"),
        (Decimal("19.40"), 1, "19,4"),
        (0.004, 2, "0,00"),
    ],
)
def test_format_number_with_decimals_rounds_half_up_and_keeps_zeros(
    x: int | Decimal | float, decimals: int, expected: str
) -> None:
    assert format_number(x, decimals) == expected


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), Decimal("NaN")])
def test_format_number_refuses_non_finite_values(bad: float | Decimal) -> None:
    with pytest.raises(ValueError):
        format_number(bad)


@pytest.mark.parametrize("bad", [True, "19,4", None])
def test_format_number_refuses_non_numbers(bad: object) -> None:
    with pytest.raises(TypeError):
        format_number(bad)  # type: ignore[arg-type]


def test_format_number_refuses_negative_decimals() -> None:
    with pytest.raises(ValueError):
        format_number(1, -1)


@pytest.mark.parametrize(
    ("x", "decimals", "expected"),
    [
        (19.4, None, "19,4%"),
        (93.32, None, "93,32%"),
        (100, None, "100%"),
        (Decimal("0.5"), None, "0,5%"),
        (19.4, 2, "19,40%"),
        (1234.5, None, "1.234,5%"),
    ],
)
def test_format_percent_value_puts_the_sign_without_space(
    x: int | Decimal | float, decimals: int | None, expected: str
) -> None:
    assert format_percent_value(x, decimals) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (1_000_000, "1.000.000 đồng"),
        (500_000, "500.000 đồng"),
        (0, "0 đồng"),
        (2_500_000, "2.500.000 đồng"),
    ],
)
def test_format_money_writes_dong_in_full(amount: int, expected: str) -> None:
    assert format_money(amount) == expected


@pytest.mark.parametrize("bad", [1.5, Decimal("1000"), True])
def test_format_money_needs_whole_dong(bad: object) -> None:
    with pytest.raises(TypeError):
        format_money(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19,4", "19.4"),
        ("93,32", "93.32"),
        ("1.387", "1387"),
        ("1.234.567", "1234567"),
        ("1.234,5", "1234.5"),
        ("19,4%", "19.4"),
        ("19,4 %", "19.4"),
        ("-5", "-5"),
        ("−2,5", "-2.5"),
        ("+3", "3"),
        ("0", "0"),
        ("-0", "0"),
        ("47", "47"),
        ("  19,4  ", "19.4"),
        ("\u00a019,4\u00a0", "19.4"),
        ("1 000 000", "1000000"),
        ("1\u00a0000\u00a0000", "1000000"),
        ("1 234,5", "1234.5"),
        ("19,40", "19.40"),
        ("1,387", "1.387"),
        ("1,234,567", "1234567"),
        ("1,234.5", "1234.5"),
        ("- 5", "-5"),
    ],
)
def test_parse_number_reads_vietnamese_separators(text: str, expected: str) -> None:
    value = parse_number(text)
    assert value == Decimal(expected)
    assert str(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.387", "1387"),
        ("12.500", "12500"),
        ("999.999", "999999"),
        ("19.4", "19.4"),
        ("93.32", "93.32"),
        ("0.125", "0.125"),
        ("1234.567", "1234.567"),
        ("1.5", "1.5"),
        ("1.3870", "1.3870"),
        ("012.500", "12.500"),
    ],
)
def test_parse_number_reads_a_lone_dot_before_three_digits_as_thousands(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "not a number"),
        ("abc", "not a number"),
        ("%", "not a number"),
        ("đạt 100%", "not a number"),
        ("22/27", "unexpected '/27'"),
        ("1..2", "badly grouped"),
        ("1.2.3", "badly grouped"),
        ("1,2,3", "badly grouped"),
        ("1.234,5.6", "badly grouped"),
        ("1.2,3", "badly grouped"),
        ("1 2", "badly grouped"),
        ("1 0000", "badly grouped"),
        ("5,", "not a number"),
        ("47 đơn", "unexpected 'đơn'"),
        ("19,4%/năm", "unexpected '%/năm'"),
    ],
)
def test_parse_number_explains_junk(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("19,4%", "19.4", "%"),
        ("19,4 %/năm", "19.4", "%/năm"),
        ("47 đơn", "47", "đơn"),
        ("47đơn", "47", "đơn"),
        ("1.000.000 đồng", "1000000", "đồng"),
        ("1 000 người", "1000", "người"),
        ("93,32", "93.32", None),
        ("70 tập thể", "70", "tập thể"),
        ("5\u00a0 xã", "5", "xã"),
    ],
)
def test_parse_number_with_unit_returns_the_trailing_unit(text: str, value: str, unit: str | None) -> None:
    assert parse_number_with_unit(text) == (Decimal(value), unit)


@pytest.mark.parametrize("text", ["22/27 chỉ tiêu", "x 5", "5 (năm)", "-", "1,5,"])
def test_parse_number_with_unit_refuses_text_that_is_not_number_and_unit(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number_with_unit(text)


def test_parse_number_with_unit_keeps_a_letter_led_tail_whole_for_the_caller() -> None:
    assert parse_number_with_unit("70 tập thể, 210 cá nhân") == (Decimal(70), "tập thể, 210 cá nhân")


@given(st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-(10**9), max_value=10**9))
def test_parse_number_reads_back_what_format_number_writes(value: Decimal) -> None:
    assert parse_number(format_number(value)) == value


@given(st.integers(min_value=0, max_value=10**15))
def test_parse_number_reads_back_formatted_integers(value: int) -> None:
    assert parse_number(format_number(value)) == value


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (Decimal("19.4"), "%/năm", "19,4%/năm"),
        (Decimal("93.32"), "%", "93,32%"),
        (47, "đơn", "47 đơn"),
        (1387, None, "1.387"),
        (18, " mô hình ", "18 mô hình"),
    ],
)
def test_format_quantity_glues_percent_and_spaces_other_units(value, unit, expected) -> None:
    assert vn.format_quantity(value, unit) == expected


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (Decimal("19.4"), "%", "19,4%"),
        (Decimal("19.40"), "%/năm", "19,4%/năm"),
        (Decimal("1387"), "người", "1.387 người"),
        (47, None, "47"),
        ("22/27", "chỉ tiêu", "22/27 chỉ tiêu"),
        ("đạt", None, "đạt"),
    ],
)
def test_format_figure_is_the_one_way_a_figure_becomes_text(value, unit, text) -> None:
    assert vn.format_figure(value, unit) == text


def test_a_quantity_keeps_its_number_and_unit() -> None:
    q = vn.Quantity(Decimal("19.4"), "%")
    assert (q.value, q.unit) == (Decimal("19.4"), "%")
    assert vn.format_figure(q.value, q.unit) == "19,4%"
