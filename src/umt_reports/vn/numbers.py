"""Numbers in Vietnamese text: decimal comma, thousands dot (CLDR ``vi`` via Babel), and reading typed numbers.

The separators come from CLDR's ``vi`` data in Babel, not from literals here: ``1.234.567``,
``19,4``, ``19,4%`` (no space before ``%``). Only the two symbols are read, from ``vi``'s own
data: Babel's full locale merges ``vi`` into the root locale on first use (about 60 ms of
every process that writes a number), for a pattern (``#,##0``) Python's own grouping gives.
"""

from __future__ import annotations

import decimal
import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from .text import clean_spaces, nfc

__all__ = [
    "CURRENCY_WORD",
    "Quantity",
    "format_figure",
    "format_money",
    "format_number",
    "format_percent_value",
    "format_quantity",
    "parse_number",
    "parse_number_with_unit",
]

_LOCALE = "vi"
#: The currency word of running text (``đ``/``₫`` are for dense tables only).
CURRENCY_WORD = "đồng"
# -- CLDR vi percent pattern is "#,##0%": the sign follows the number with no space --
_PERCENT_SIGN = "%"

# -- a number as people type it: sign, digits with "." "," or space groups, then anything --
_NUMBER_HEAD = re.compile(r"(?P<sign>[-+\u2212]?)\s*(?P<body>\d[\d.,]*(?: \d[\d.,]*)*)(?P<rest>.*)")
# -- precision for Decimal arithmetic here: enough for any amount a meeting mentions --
_CONTEXT = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_UP)


@functools.cache
def _separators() -> dict[int, str]:
    """``str.translate`` table from Python's ``,`` and ``.`` to CLDR ``vi``'s group and decimal symbols."""
    from babel import localedata

    symbols = localedata.load(_LOCALE, merge_inherited=False)["number_symbols"]["latn"]
    return {ord(","): symbols["group"], ord("."): symbols["decimal"]}


def _to_decimal(x: int | Decimal | float) -> Decimal:
    if isinstance(x, bool) or not isinstance(x, (int, Decimal, float)):
        raise TypeError(f"expected int, Decimal or float, not {type(x).__name__}")
    # -- floats go through repr, so 19.4 stays 19.4 and not 19.39999... --
    value = Decimal(repr(x)) if isinstance(x, float) else Decimal(x)
    if not value.is_finite():
        raise ValueError(f"cannot format {x!r}")
    return value


def format_number(x: int | Decimal | float, decimals: int | None = None) -> str:
    """Format ``x`` with Vietnamese separators: ``1234567`` → ``"1.234.567"``, ``19.4`` → ``"19,4"``.

    With ``decimals=None`` the number shows exactly its significant fraction digits: trailing
    zeros are dropped (``Decimal("19.40")`` → ``"19,4"``, ``Decimal("5.00")`` → ``"5"``) and
    a float shows its shortest repr (``0.5`` → ``"0,5"``). With ``decimals=n`` the value is
    rounded half-up to ``n`` places and zeros are kept (``format_number(19.4, 2)`` → ``"19,40"``).
    Negative zero prints as ``"0"``.
    """
    value = _to_decimal(x)
    with decimal.localcontext(_CONTEXT):
        if decimals is not None:
            if decimals < 0:
                raise ValueError(f"decimals must be >= 0, not {decimals}")
            places = decimals
            value = value.quantize(Decimal(1).scaleb(-places))
        else:
            value = value.normalize()
            exponent = value.as_tuple().exponent
            places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        if value.is_zero():
            value = abs(value)
        # -- "#,##0.00…": Python groups with "," and ends with ".", which become vi's symbols --
        return format(value, f",.{places}f").translate(_separators())


def format_percent_value(x: int | Decimal | float, decimals: int | None = None) -> str:
    """Format a value already in percent units: ``19.4`` → ``"19,4%"`` (CLDR ``vi``, no space)."""
    return format_number(x, decimals) + _PERCENT_SIGN


def format_money(amount: int) -> str:
    """Format a whole amount of đồng for running text: ``1000000`` → ``"1.000.000 đồng"``."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"money amounts are whole đồng (int), not {type(amount).__name__}")
    return f"{format_number(amount)} {CURRENCY_WORD}"


def _body_to_plain(body: str, original: str) -> str:
    """Turn the digits-and-separators part into Python's ``1234.5`` form."""
    dots, commas = body.count("."), body.count(",")
    if " " in body:
        # -- "1 000 000" or "1 234,5": spaces group thousands, a comma or dot may end it --
        head, sep, tail = body.rpartition(",") if commas else body.rpartition(".")
        if not sep:
            head, tail = body, ""
        if not re.fullmatch(r"\d{1,3}(?: \d{3})+", head) or (sep and not tail.isdigit()):
            raise ValueError(f"badly grouped number: {original!r}")
        return head.replace(" ", "") + (f".{tail}" if sep else "")
    if dots and commas:
        # -- both kinds: the last one is the decimal mark, the other one groups thousands --
        mark = "," if body.rfind(",") > body.rfind(".") else "."
        group = "." if mark == "," else ","
        head, _, tail = body.rpartition(mark)
        if not tail.isdigit() or mark in head or not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+", head):
            raise ValueError(f"badly grouped number: {original!r}")
        return head.replace(group, "") + "." + tail
    if commas + dots == 0:
        return body
    sep = "," if commas else "."
    count = commas or dots
    if count > 1:
        if not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+", body):
            raise ValueError(f"badly grouped number: {original!r}")
        return body.replace(sep, "")
    head, _, tail = body.partition(sep)
    if not head or not tail.isdigit():
        raise ValueError(f"not a number: {original!r}")
    if sep == "." and len(tail) == 3 and len(head) <= 3 and not head.startswith("0"):
        # -- "1.387" is Vietnamese for 1387: a lone dot before exactly 3 digits groups thousands --
        return head + tail
    return f"{head}.{tail}"


def parse_number_with_unit(text: str) -> tuple[Decimal, str | None]:
    """Read a typed number and the unit after it: ``"19,4%"`` → ``(Decimal("19.4"), "%")``.

    The unit is whatever follows the number once spaces are cleaned, if it starts with a letter
    or ``%`` (``"47 đơn"`` → ``(47, "đơn")``, ``"19,4 %/năm"`` → ``(19.4, "%/năm")``); ``None``
    when nothing follows. The number itself follows :func:`parse_number`'s rules.
    """
    cleaned = clean_spaces(nfc(text))
    match = _NUMBER_HEAD.fullmatch(cleaned)
    if match is None:
        raise ValueError(f"not a number: {text.strip()!r}")
    rest = match["rest"].strip()
    if rest and not (rest[0].isalpha() or rest[0] == "%"):
        raise ValueError(f"unexpected {rest!r} after the number in {text.strip()!r}")
    plain = _body_to_plain(match["body"].strip(), text.strip())
    value = Decimal(plain)
    if match["sign"] in ("-", "\u2212") and not value.is_zero():
        value = -value
    return value, rest or None


def parse_number(text: str) -> Decimal:
    """Read a number as people type it in Vietnamese cells, exactly (as a :class:`Decimal`).

    Rules, after NFC and space cleaning (NBSP, tabs):

    - ``,`` is the decimal comma and ``.`` groups thousands: ``19,4``, ``1.234.567``, ``1.234,5``;
    - when both appear, the last one is the decimal mark (``1,234.5`` is read too);
    - repeated ``.`` or ``,`` must group by threes (``1.234.567``, ``1,234,567``);
    - a single ``.`` followed by exactly three digits, after 1–3 digits not starting with 0,
      groups thousands (``1.387`` → 1387, ``12.500`` → 12500); any other single ``.`` is a
      decimal point (``19.4``, ``93.32``, ``0.125``, ``1234.567``);
    - spaces may group thousands: ``1 000 000``, ``1 234,5``;
    - a leading ``-``, ``+`` or ``−`` sign; a trailing ``%`` is allowed and dropped (``19,4%`` → 19.4).

    Fraction digits are kept as typed (``19,40`` → ``Decimal("19.40")``). Any other trailing
    text, or junk, raises ``ValueError`` (use :func:`parse_number_with_unit` for units).
    """
    value, unit = parse_number_with_unit(text)
    if unit not in (None, _PERCENT_SIGN):
        raise ValueError(f"unexpected {unit!r} after the number in {text.strip()!r}")
    return value


@dataclass(frozen=True)
class Quantity:
    """A figure as it was read, before it meets a field: a number and its unit (``19,4`` and ``%``).

    Readers hand figures on with their type (a percent-formatted cell is ``Quantity(19.4, "%")``,
    never the text ``"19,4%"``); :func:`format_figure` is the one way back to text.
    """

    value: Decimal
    unit: str | None = None


def format_figure(value: int | Decimal | float | str, unit: str | None = None) -> str:
    """A figure as every document (and ``check``) writes it: ``19,4%``, ``1.387 người``, ``22/27 chỉ tiêu``.

    Numbers go through :func:`format_quantity`; a figure that is text (``22/27``) is written as
    typed, followed by its unit.
    """
    if isinstance(value, (int, Decimal, float)) and not isinstance(value, bool):
        return format_quantity(value, unit)
    text = str(value)
    return f"{text} {unit}".strip() if unit else text


def format_quantity(value: int | Decimal | float, unit: str | None = None) -> str:
    """A figure with its unit in running text: ``19,4%/năm``, ``93,32%``, ``47 đơn``.

    A unit starting with ``%`` is glued to the number (CLDR ``vi``); other units follow
    after a space.
    """
    number = format_number(value)
    if not unit:
        return number
    unit = unit.strip()
    return f"{number}{unit}" if unit.startswith(_PERCENT_SIGN) else f"{number} {unit}"
