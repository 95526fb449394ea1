"""Tests for umt_reports.vn.dates: ND30 date line, running dates, reading typed dates."""

from __future__ import annotations

import datetime

import pytest

from umt_reports.vn.dates import (
    date_line,
    date_line_partial,
    is_real_date,
    long_date,
    parse_date_text,
    parse_datetime_text,
    portal_timestamp,
    running_date,
    running_date_partial,
)

D = datetime.date


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (D(2022, 2, 5), "U Minh Thượng, ngày 05 tháng 02 năm 2022"),
        (D(2022, 6, 21), "U Minh Thượng, ngày 21 tháng 6 năm 2022"),
        (D(2020, 1, 5), "U Minh Thượng, ngày 05 tháng 01 năm 2020"),
        (D(2022, 1, 1), "U Minh Thượng, ngày 01 tháng 01 năm 2022"),
        (D(2022, 3, 9), "U Minh Thượng, ngày 09 tháng 3 năm 2022"),
        (D(2022, 2, 10), "U Minh Thượng, ngày 10 tháng 02 năm 2022"),
        (D(2022, 3, 10), "U Minh Thượng, ngày 10 tháng 3 năm 2022"),
        (D(2022, 12, 31), "U Minh Thượng, ngày 31 tháng 12 năm 2022"),
        (D(2024, 2, 29), "U Minh Thượng, ngày 29 tháng 02 năm 2024"),
        (D(2022, 10, 1), "U Minh Thượng, ngày 01 tháng 10 năm 2022"),
    ],
)
def test_date_line_pads_day_below_10_and_month_below_3(d: datetime.date, expected: str) -> None:
    assert date_line("U Minh Thượng", d) == expected


def test_date_line_matches_the_nd30_examples() -> None:
    assert date_line("Hà Nội", D(2020, 1, 5)) == "Hà Nội, ngày 05 tháng 01 năm 2020"
    assert date_line("Thành phố Hồ Chí Minh", D(2019, 6, 29)) == "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019"


def test_date_line_accepts_a_datetime() -> None:
    assert date_line("Hà Nội", datetime.datetime(2022, 6, 21, 13, 37)) == ("Hà Nội, ngày 21 tháng 6 năm 2022")


@pytest.mark.parametrize(
    ("place", "day", "month", "year", "expected"),
    [
        ("U Minh Thượng", None, None, 2022, "U Minh Thượng, ngày      tháng      năm 2022"),
        ("U Minh Thượng", None, 6, 2022, "U Minh Thượng, ngày      tháng 6 năm 2022"),
        ("U Minh Thượng", None, 2, 2022, "U Minh Thượng, ngày      tháng 02 năm 2022"),
        ("Hà Nội", 5, 2, None, "Hà Nội, ngày 05 tháng 02 năm     "),
        ("Hà Nội", 21, 6, 2022, "Hà Nội, ngày 21 tháng 6 năm 2022"),
        (None, None, None, None, "ngày      tháng      năm     "),
        (None, 9, 3, 2022, "ngày 09 tháng 3 năm 2022"),
    ],
)
def test_date_line_partial_leaves_four_space_blanks_for_missing_parts(
    place: str | None, day: int | None, month: int | None, year: int | None, expected: str
) -> None:
    assert date_line_partial(place, day, month, year) == expected


def test_date_line_partial_takes_a_custom_blank() -> None:
    assert date_line_partial("Hà Nội", None, None, 2022, blank="…") == ("Hà Nội, ngày … tháng … năm 2022")


def test_date_line_partial_equals_date_line_when_complete() -> None:
    assert date_line_partial("Hà Nội", 5, 1, 2020) == date_line("Hà Nội", D(2020, 1, 5))


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [(31, 2, 2022), (29, 2, 2023), (32, 1, 2022), (0, 1, 2022), (1, 13, 2022), (1, 0, None), (31, 4, None)],
)
def test_date_line_partial_refuses_impossible_dates(day: int, month: int, year: int | None) -> None:
    with pytest.raises(ValueError):
        date_line_partial("Hà Nội", day, month, year)


def test_date_line_partial_accepts_leap_day_without_year() -> None:
    assert date_line_partial(None, 29, 2, None) == "ngày 29 tháng 02 năm     "


@pytest.mark.parametrize(
    ("d", "long", "running"),
    [
        (D(2022, 6, 21), "ngày 21 tháng 6 năm 2022", "21/6/2022"),
        (D(2022, 2, 5), "ngày 5 tháng 2 năm 2022", "5/2/2022"),
        (D(2022, 12, 31), "ngày 31 tháng 12 năm 2022", "31/12/2022"),
        (D(2022, 1, 9), "ngày 9 tháng 1 năm 2022", "9/1/2022"),
        (D(2022, 10, 10), "ngày 10 tháng 10 năm 2022", "10/10/2022"),
    ],
)
def test_running_text_dates_have_no_leading_zeros(d: datetime.date, long: str, running: str) -> None:
    assert long_date(d) == long
    assert running_date(d) == running


@pytest.mark.parametrize(
    ("day", "month", "year", "expected"),
    [
        (21, 6, 2022, "21/6/2022"),
        (21, 6, None, "21/6"),
        (5, 2, None, "5/2"),
        (None, 6, 2022, "tháng 6/2022"),
        (None, 6, None, "tháng 6"),
        (None, None, 2022, "năm 2022"),
        (29, 2, None, "29/2"),
    ],
)
def test_running_date_partial_names_only_the_known_parts(
    day: int | None, month: int | None, year: int | None, expected: str
) -> None:
    assert running_date_partial(day, month, year) == expected


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [(None, None, None), (21, None, 2022), (21, None, None), (31, 2, None), (29, 2, 2023), (1, 13, 2022)],
)
def test_running_date_partial_refuses_unwritable_dates(day: int | None, month: int | None, year: int | None) -> None:
    with pytest.raises(ValueError):
        running_date_partial(day, month, year)


@pytest.mark.parametrize(
    ("day", "month", "year", "expected"),
    [
        (29, 2, 2024, True),
        (29, 2, 2023, False),
        (29, 2, 2000, True),
        (29, 2, 1900, False),
        (31, 2, 2022, False),
        (30, 2, None, False),
        (29, 2, None, True),
        (31, 12, 2022, True),
        (31, 4, 2022, False),
        (30, 4, 2022, True),
        (31, None, None, True),
        (32, None, None, False),
        (None, 2, 2023, True),
        (None, 13, 2023, False),
        (None, None, 2022, True),
        (None, None, None, True),
        (0, 1, 2022, False),
        (1, 1, 0, False),
        (1, 1, 10000, False),
    ],
)
def test_is_real_date_checks_the_calendar_with_a_leap_year_when_year_missing(
    day: int | None, month: int | None, year: int | None, expected: bool
) -> None:
    assert is_real_date(day, month, year) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21/6/2022", (21, 6, 2022)),
        ("21-6-2022", (21, 6, 2022)),
        ("21.06.2022", (21, 6, 2022)),
        ("05/02/2022", (5, 2, 2022)),
        ("5/2/2022", (5, 2, 2022)),
        ("21/06/22", (21, 6, 2022)),
        ("1/1/00", (1, 1, 2000)),
        ("2022-06-21", (21, 6, 2022)),
        ("2022/6/21", (21, 6, 2022)),
        ("2022.06.21", (21, 6, 2022)),
        ("21/6", (21, 6, None)),
        ("29/02", (29, 2, None)),
        ("6/2022", (None, 6, 2022)),
        ("06/2022", (None, 6, 2022)),
        ("2022", (None, None, 2022)),
        ("ngày 21 tháng 6 năm 2022", (21, 6, 2022)),
        ("Ngày 05 tháng 02 năm 2022", (5, 2, 2022)),
        ("ngay 21 thang 6 nam 2022", (21, 6, 2022)),
        ("NGÀY 21 THÁNG 6 NĂM 2022", (21, 6, 2022)),
        ("ngày 21 tháng 6", (21, 6, None)),
        ("tháng 6 năm 2022", (None, 6, 2022)),
        ("năm 2022", (None, None, 2022)),
        ("ngày 21/6/2022", (21, 6, 2022)),
        ("tháng 6/2022", (None, 6, 2022)),
        ("  21/6/2022  ", (21, 6, 2022)),
        ("\u00a021/6/2022\u00a0", (21, 6, 2022)),
        ("21 / 6 / 2022", (21, 6, 2022)),
        ("ngày\u00a021 tháng\u00a06 năm\u00a02022", (21, 6, 2022)),
        ("31/02/2022", (31, 2, 2022)),
        ("12/1/2022", (12, 1, 2022)),
    ],
)
def test_parse_date_text_reads_day_first(text: str, expected: tuple[int | None, ...]) -> None:
    assert parse_date_text(text) == expected


def test_parse_date_text_never_reads_us_month_first_order() -> None:
    with pytest.raises(ValueError, match="month must be 1..12"):
        parse_date_text("6/21/2022")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty date"),
        ("   ", "empty date"),
        ("abc", "not a day-first date"),
        ("21/6/202", "not a day-first date"),
        ("21/6-2022", "not a day-first date"),
        ("21/6/2022 x", "not a day-first date"),
        ("1/2/3", "not a day-first date"),
        ("32/1/2022", "day must be 1..31"),
        ("0/1/2022", "day must be 1..31"),
        ("1/13/2022", "month must be 1..12"),
        ("13/2022", "month must be 1..12"),
        ("ngày 21 năm 2022", "a day without a month"),
        ("0000", "year must be 1..9999"),
    ],
)
def test_parse_date_text_explains_unreadable_text(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_date_text(text)


DT = datetime.datetime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22/6/2022 13:37", DT(2022, 6, 22, 13, 37)),
        ("2022-06-22T13:37", DT(2022, 6, 22, 13, 37)),
        ("2022-06-22 13:37", DT(2022, 6, 22, 13, 37)),
        ("2022-06-22T13:37:05", DT(2022, 6, 22, 13, 37, 5)),
        ("13:37 22/06/2022", DT(2022, 6, 22, 13, 37)),
        ("(13:37 | 22/06/2022)", DT(2022, 6, 22, 13, 37)),
        ("13:37 | 22/06/2022", DT(2022, 6, 22, 13, 37)),
        ("22-06-2022 13:37", DT(2022, 6, 22, 13, 37)),
        ("13:37 - 22-06-2022", DT(2022, 6, 22, 13, 37)),
        ("13h37 ngày 22/6/2022", DT(2022, 6, 22, 13, 37)),
        ("lúc 13 giờ 37 phút, ngày 22/6/2022", DT(2022, 6, 22, 13, 37)),
        ("13 giờ 37 phút 22/06/2022", DT(2022, 6, 22, 13, 37)),
        ("22/6/2022 lúc 7:05", DT(2022, 6, 22, 7, 5)),
        ("\u00a000:00 01/01/2023\u00a0", DT(2023, 1, 1, 0, 0)),
        ("23:59:59 31/12/2022", DT(2022, 12, 31, 23, 59, 59)),
        ("13:37 29/02/2024", DT(2024, 2, 29, 13, 37)),
    ],
)
def test_parse_datetime_text_reads_time_before_or_after_the_date(text: str, expected: DT) -> None:
    assert parse_datetime_text(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("22/6/2022", "no time"),
        ("13:37", "empty date"),
        ("13:37 22/6", "needs a day, a month and a year"),
        ("13:37 6/2022", "needs a day, a month and a year"),
        ("13:37 29/02/2023", "impossible date or time"),
        ("13:37 31/02/2022", "impossible date or time"),
        ("25:00 22/6/2022", "impossible date or time"),
        ("13:60 22/6/2022", "impossible date or time"),
        ("13:37 14:00 22/6/2022", "more than one time"),
        ("2022-06-22T13:37:00+07:00", "more than one time"),
        ("2022-06-22T13:37Z", "not a day-first date"),
    ],
)
def test_parse_datetime_text_refuses_incomplete_or_impossible_stamps(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_datetime_text(text)


@pytest.mark.parametrize(
    ("dt", "expected"),
    [
        (DT(2022, 6, 22, 13, 37), "13:37 | 22/06/2022"),
        (DT(2022, 2, 5, 7, 5), "07:05 | 05/02/2022"),
        (DT(2022, 12, 31, 0, 0), "00:00 | 31/12/2022"),
    ],
)
def test_portal_timestamp_zero_pads_day_month_and_24h_time(dt: DT, expected: str) -> None:
    assert portal_timestamp(dt) == expected


def test_portal_timestamp_reads_back_unchanged() -> None:
    stamp = DT(2022, 6, 22, 13, 37)
    assert parse_datetime_text(portal_timestamp(stamp)) == stamp


def test_portal_date_pads_day_and_month() -> None:
    import datetime

    from umt_reports import vn

    assert vn.portal_date(datetime.date(2022, 6, 2)) == "02/06/2022"
