"""Dates the Vietnamese way: the ND30 place-date line, running-text dates, and reading typed dates.

Writing:

- :func:`date_line` — ND30 Phụ lục I §II.4b header line, leading ``0`` only for days 1–9
  and months 1–2: ``"Hà Nội, ngày 05 tháng 02 năm 2022"``, ``"Hà Nội, ngày 21 tháng 6 năm 2022"``.
- :func:`long_date`, :func:`running_date` — body text, never zero-padded.
- :func:`portal_timestamp` — the web portal's ``"13:37 | 22/06/2022"``.

Reading (:func:`parse_date_text`, :func:`parse_datetime_text`): always day first, never the
US month-first order.
"""

from __future__ import annotations

import calendar
import datetime
import re

from .text import fold_header

__all__ = [
    "DATE_BLANK",
    "VIETNAM_TIME",
    "date_line",
    "date_line_partial",
    "day_start",
    "is_real_date",
    "long_date",
    "parse_date_text",
    "parse_datetime_text",
    "portal_date",
    "portal_timestamp",
    "running_date",
    "running_date_partial",
]

#: What stands for a missing day, month or year in :func:`date_line_partial`.
DATE_BLANK = "    "

# -- a leap year, so that 29/02 without a year counts as real --
_LEAP_YEAR = 2000

_SEP = r"\s*([/.\-])\s*"
# -- numeric forms, tried in order against the folded text --
_DMY = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}})\s*\2\s*(\d{{4}}|\d{{2}})")
_YMD = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}})\s*\2\s*(\d{{1,2}})")
_MY = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{4}})")
_DM = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}})")
_Y = re.compile(r"(\d{4})")
# -- worded form "ngày 21 tháng 6 năm 2022", any part optional, diacritics already folded --
_WORDED = re.compile(r"(?:ngay\s*(?P<d>\d{1,2}))?\s*(?:thang\s*(?P<m>\d{1,2}))?\s*(?:nam\s*(?P<y>\d{4}))?")
_TIME = re.compile(
    r"(?<![\d/.\-])(\d{1,2})\s*(?::|h|gio)\s*(\d{2})"
    r"(?::(\d{2})|\s*phut(?:\s*(\d{2})\s*giay)?)?(?![\d/.\-])"
)
# -- what may surround the date and time in a timestamp: brackets, bars, commas, "lúc", "ngày" --
_STAMP_FILLER = " \t()[]|,;-–—"


def _check_day(day: int | None) -> None:
    if day is not None and not 1 <= day <= 31:
        raise ValueError(f"day must be 1..31, not {day}")


def _check_month(month: int | None) -> None:
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, not {month}")


def _check_year(year: int | None) -> None:
    if year is not None and not 1 <= year <= 9999:
        raise ValueError(f"year must be 1..9999, not {year}")


def is_real_date(day: int | None, month: int | None, year: int | None) -> bool:
    """Tell whether the (possibly partial) date exists on the calendar.

    ``None`` parts are free: a missing year is checked against a leap year (so ``29/02``
    is real), a missing month allows any day 1–31, a missing day allows any valid month.
    Years run 1..9999. ``is_real_date(31, 2, 2022)`` is ``False``.
    """
    for part in (day, month, year):
        if part is not None and (isinstance(part, bool) or not isinstance(part, int)):
            return False
    if year is not None and not 1 <= year <= 9999:
        return False
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    if month is None:
        return 1 <= day <= 31
    last = calendar.monthrange(_LEAP_YEAR if year is None else year, month)[1]
    return 1 <= day <= last


def _header_day(day: int) -> str:
    return f"{day:02d}" if day < 10 else str(day)


def _header_month(month: int) -> str:
    return f"{month:02d}" if month < 3 else str(month)


def date_line(place: str, d: datetime.date) -> str:
    """Return the ND30 place-date line: ``"Hà Nội, ngày 05 tháng 02 năm 2022"``.

    Days 1–9 and months 1–2 get a leading zero, nothing else does (``ngày 21 tháng 6``).
    """
    return date_line_partial(place, d.day, d.month, d.year)


def date_line_partial(
    place: str | None,
    day: int | None,
    month: int | None,
    year: int | None,
    *,
    blank: str = DATE_BLANK,
) -> str:
    """Return the place-date line with ``blank`` in place of each missing part, for the clerk.

    The words and single spaces always stay; only the number is replaced, so with the
    default four-space blank::

        date_line_partial("Hà Nội", None, None, 2022)
        == "Hà Nội, ngày      tháng      năm 2022"   # "ngày" + 6 spaces + "tháng" ...
        date_line_partial(None, 5, 2, None) == "ngày 05 tháng 02 năm     "

    A ``None`` place drops the ``"<place>, "`` prefix. Known parts follow :func:`date_line`'s
    zero rule. Raises ``ValueError`` when the known parts cannot form a real date (31/02).
    """
    _check_day(day)
    _check_month(month)
    _check_year(year)
    if not is_real_date(day, month, year):
        raise ValueError(f"there is no day {day} in month {month} of year {year}")
    day_text = blank if day is None else _header_day(day)
    month_text = blank if month is None else _header_month(month)
    year_text = blank if year is None else str(year)
    line = f"ngày {day_text} tháng {month_text} năm {year_text}"
    return line if place is None else f"{place}, {line}"


def long_date(d: datetime.date) -> str:
    """Return a running-text date with no leading zeros: ``"ngày 5 tháng 2 năm 2022"``."""
    return f"ngày {d.day} tháng {d.month} năm {d.year}"


def running_date(d: datetime.date) -> str:
    """Return the compact running-text date, no leading zeros: ``"21/6/2022"``, ``"5/2/2022"``."""
    return f"{d.day}/{d.month}/{d.year}"


def running_date_partial(day: int | None, month: int | None, year: int | None) -> str:
    """Return the compact running-text form of a partial date.

    ``(21, 6, 2022)`` → ``"21/6/2022"``; ``(21, 6, None)`` → ``"21/6"``;
    ``(None, 6, 2022)`` → ``"tháng 6/2022"``; ``(None, 6, None)`` → ``"tháng 6"``;
    ``(None, None, 2022)`` → ``"năm 2022"``. Forms with a day carry no word, so the caller
    writes ``"ngày "`` before them. A day without a month, or no part at all, raises ``ValueError``.
    """
    _check_day(day)
    _check_month(month)
    _check_year(year)
    if not is_real_date(day, month, year):
        raise ValueError(f"there is no day {day} in month {month} of year {year}")
    if day is not None:
        if month is None:
            raise ValueError("a day without a month cannot be written")
        return f"{day}/{month}" if year is None else f"{day}/{month}/{year}"
    if month is not None:
        return f"tháng {month}" if year is None else f"tháng {month}/{year}"
    if year is not None:
        return f"năm {year}"
    raise ValueError("a date needs at least a month or a year")


def _two_digit_year(text: str) -> int:
    # -- "22" means 2022: the documents this toolkit reads are all from this century --
    return 2000 + int(text) if len(text) == 2 else int(text)


def _parse_numeric(text: str) -> tuple[int | None, int | None, int | None] | None:
    if match := _DMY.fullmatch(text):
        return int(match[1]), int(match[3]), _two_digit_year(match[4])
    if match := _YMD.fullmatch(text):
        return int(match[4]), int(match[3]), int(match[1])
    if match := _MY.fullmatch(text):
        return None, int(match[1]), int(match[3])
    if match := _DM.fullmatch(text):
        return int(match[1]), int(match[3]), None
    if match := _Y.fullmatch(text):
        return None, None, int(match[1])
    return None


def _parse_worded(text: str) -> tuple[int | None, int | None, int | None] | None:
    if text.startswith("ngay"):
        # -- "ngày 21/6/2022": the word, then a numeric form --
        numeric = _parse_numeric(text[4:].strip())
        if numeric is not None and numeric[0] is not None:
            return numeric
    if text.startswith("thang"):
        # -- "tháng 6/2022" --
        numeric = _parse_numeric(text[5:].strip())
        if numeric is not None and numeric[0] is None and numeric[1] is not None:
            return numeric
    if text.startswith("nam"):
        numeric = _parse_numeric(text[3:].strip())
        if numeric is not None and numeric[:2] == (None, None):
            return numeric
    match = _WORDED.fullmatch(text)
    if match is None or not any(match.groupdict().values()):
        return None
    day, month, year = (None if g is None else int(g) for g in match.group("d", "m", "y"))
    return day, month, year


def parse_date_text(text: str) -> tuple[int | None, int | None, int | None]:
    """Read a typed date into ``(day, month, year)``, with ``None`` for each missing part.

    Always day first. Accepted, with any surrounding or NBSP spaces and either case:

    - ``21/6/2022``, ``21-6-2022``, ``21.06.2022`` (one separator kind throughout);
    - a two-digit year means 20xx: ``21/06/22`` → ``(21, 6, 2022)``;
    - ISO, year first: ``2022-06-21`` (any of ``- / .``);
    - ``21/6`` → ``(21, 6, None)``; ``6/2022`` or ``06/2022`` → ``(None, 6, 2022)``
      (two parts are month/year only when the second has four digits);
    - ``2022`` → ``(None, None, 2022)``;
    - worded, diacritics optional: ``ngày 21 tháng 6 năm 2022``, ``tháng 6 năm 2022``,
      ``ngày 21/6/2022``, ``tháng 6/2022``, ``năm 2022``.

    Ranges are checked (day 1–31, month 1–12, year 1–9999) but not the calendar: ``31/02/2022``
    reads as ``(31, 2, 2022)``; use :func:`is_real_date`. Raises ``ValueError`` otherwise.
    """
    folded = fold_header(text)
    if not folded:
        raise ValueError("empty date")
    parts = _parse_numeric(folded) or _parse_worded(folded)
    if parts is None:
        raise ValueError(f"not a day-first date: {text.strip()!r}")
    day, month, year = parts
    if day is not None and month is None:
        raise ValueError(f"a day without a month: {text.strip()!r}")
    _check_day(day)
    _check_month(month)
    _check_year(year)
    return parts


def parse_datetime_text(text: str) -> datetime.datetime:
    """Read a typed date and time into a naive :class:`datetime.datetime`.

    Accepts the time before or after the date, separated by spaces, ``|``, ``,``, ``-``, ``T``
    or the words ``lúc``/``ngày``, optionally in brackets: ``22/6/2022 13:37``,
    ``2022-06-22T13:37``, ``13:37 22/06/2022``, ``(13:37 | 22/06/2022)``, ``13h37 ngày 22/6/2022``.
    Times are 24-hour ``HH:MM``, ``HH:MM:SS``, ``HHhMM`` or ``HH giờ MM``. The date follows
    :func:`parse_date_text`. Raises ``ValueError`` when the time, any date part, or the
    calendar date is missing or impossible (time zones are not accepted).
    """
    folded = fold_header(text)
    folded = re.sub(r"(?<=\d)t(?=\d)", " ", folded)  # -- ISO "2022-06-22T13:37" --
    times = list(_TIME.finditer(folded))
    if len(times) != 1:
        what = "no time" if not times else "more than one time"
        raise ValueError(f"{what} (HH:MM) in {text.strip()!r}")
    found = times[0]
    hour, minute = int(found[1]), int(found[2])
    second = int(found[3] or found[4] or 0)
    rest = f"{folded[: found.start()]} {folded[found.end() :]}"
    rest = re.sub(r"\bluc\b", " ", rest).strip(_STAMP_FILLER)
    day, month, year = parse_date_text(rest)
    if day is None or month is None or year is None:
        raise ValueError(f"the date needs a day, a month and a year: {text.strip()!r}")
    try:
        return datetime.datetime(year, month, day, hour, minute, second)
    except ValueError as exc:
        raise ValueError(f"impossible date or time {text.strip()!r}: {exc}") from None


#: Vietnam's time zone (UTC+7, no daylight saving): documents dated a day start at its midnight.
VIETNAM_TIME = datetime.timezone(datetime.timedelta(hours=7), "ICT")


def day_start(d: datetime.date) -> datetime.datetime:
    """The first instant of day ``d`` in Vietnam (midnight, UTC+7)."""
    return datetime.datetime(d.year, d.month, d.day, tzinfo=VIETNAM_TIME)


def portal_date(d: datetime.date) -> str:
    """Return the portal's zero-padded date: ``"22/06/2022"``."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def portal_timestamp(dt: datetime.datetime) -> str:
    """Return the portal's timestamp: 24-hour time, bar, zero-padded date: ``"13:37 | 22/06/2022"``."""
    return f"{dt.hour:02d}:{dt.minute:02d} | {portal_date(dt)}"
