"""Field types of the meeting model: how raw values (YAML scalars, Excel cells) become typed values.

Each annotated type parses the forms people actually type (``19,4``, ``1.387``,
``21/6/2022``) with the rules of :mod:`umt_reports.vn`, and fails with a
:class:`~pydantic_core.PydanticCustomError` whose *type* is a message code of
:mod:`umt_reports.messages`, so that validation errors become located, translated
problems without any string matching.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, NoReturn

from pydantic import BaseModel, BeforeValidator, ConfigDict, model_validator
from pydantic_core import PydanticCustomError

from umt_reports import vn
from umt_reports.messages import describe

#: Longest text accepted in any single field (a narrative paragraph).
MAX_TEXT = 20_000


def fail(code: str, **params: Any) -> NoReturn:
    """Raise the validation error for message ``code`` with ``params``."""
    raise PydanticCustomError(code, code, params)


def _text(value: Any) -> str:
    """Text field: strings as they are; numbers written in cells are accepted as text."""
    if isinstance(value, str):
        text = vn.clean_spaces(value)
    elif isinstance(value, bool) or value is None:
        fail("value.not_text", found=describe(value))
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, (float, Decimal)):
        text = _number_as_text(Decimal(str(value)))
    else:
        fail("value.not_text", found=describe(value))
    if len(text) > MAX_TEXT:
        fail("value.too_long", length=len(text), limit=MAX_TEXT)
    return text


#: Exponents a number typed where text is expected may have to be written out (``1e300`` is not a title).
_TEXT_EXPONENTS = range(-6, 15)


def _number_as_text(number: Decimal) -> str:
    """A number found where text is expected, written as Vietnamese digits; a located problem
    when it cannot be written out (infinite, not a number, or absurdly large or small)."""
    if not number.is_finite() or (number and number.adjusted() not in _TEXT_EXPONENTS):
        fail("value.number_not_text", value=describe(number))
    return vn.format_number(number)


def _required_text(value: Any) -> str:
    text = _text(value)
    if not text:
        fail("value.blank")
    return text


def _optional_text(value: Any) -> str | None:
    if value is None:
        return None
    text = _text(value)
    return text or None


def _text_list(value: Any) -> list[str]:
    """A list of texts; a single text becomes a one-item list; blanks are dropped."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        fail("value.not_list", found=describe(value))
    return value


#: Largest magnitude of a figure (a thousand trillion); anything larger is a typing slip.
MAX_FIGURE = Decimal(10) ** 15


def _decimal(value: Any) -> Decimal:
    number = _any_decimal(value)
    if not number.is_finite() or abs(number) >= MAX_FIGURE:
        fail("value.too_large", value=value, limit=vn.format_number(MAX_FIGURE))
    return number


def _any_decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        fail("value.not_number", value=value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        try:
            return vn.parse_number(value)
        except (ValueError, InvalidOperation):
            fail("value.not_number", value=value)
    fail("value.not_number", value=describe(value))


def _count(value: Any) -> int:
    number = _decimal_for_int(value)
    if number < 0:
        fail("value.negative", value=value)
    return number


def _decimal_for_int(value: Any) -> int:
    try:
        number = _decimal(value)
    except PydanticCustomError:
        fail("value.not_integer", value=value)
    if number != number.to_integral_value():
        fail("value.not_integer", value=value)
    return int(number)


def _optional_count(value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _count(value)


def _statistic_value(value: Any) -> Decimal | str:
    """A statistic is a number when it reads as one (``19,4``, ``19,4%``), else text (``22/27``)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return _decimal(value)
    text = _text(value)
    try:
        number = vn.parse_number(text)
    except (ValueError, InvalidOperation):
        return text
    return _decimal(number)


Text = Annotated[str, BeforeValidator(_required_text)]
OptionalText = Annotated[str | None, BeforeValidator(_optional_text)]
Paragraph = Text
TextList = Annotated[list[Text], BeforeValidator(_text_list)]
Count = Annotated[int, BeforeValidator(_count)]
OptionalCount = Annotated[int | None, BeforeValidator(_optional_count)]
StatValue = Annotated[Decimal | str, BeforeValidator(_statistic_value)]


def _document_number(value: Any) -> int | None:
    number = _optional_count(value)
    if number is not None and not 1 <= number <= 99_999:
        fail("report.number_range", value=number)
    return number


#: Sequence number of an official document (1–99999); ``None`` leaves the slot for the clerk.
DocumentNumber = Annotated[int | None, BeforeValidator(_document_number)]


class Strict(BaseModel):
    """Base of every model class: immutable, unknown keys reported, not dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class PartialDate(Strict):
    """A calendar date of which parts may be unknown (real data: ``21/6`` without a year).

    Built from a :class:`datetime.date`, an ISO string, or the Vietnamese forms of
    :func:`umt_reports.vn.parse_date_text`. At least the year or the month is known.
    """

    day: int | None = None
    month: int | None = None
    year: int | None = None

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if isinstance(value, cls):
            return value
        if isinstance(value, dt.datetime):
            return {"day": value.day, "month": value.month, "year": value.year}
        if isinstance(value, dt.date):
            return {"day": value.day, "month": value.month, "year": value.year}
        if isinstance(value, str):
            try:
                day, month, year = vn.parse_date_text(value)
            except ValueError:
                fail("date.unreadable", value=value)
            if not vn.is_real_date(day, month, year):
                fail("date.impossible", value=value)
            return {"day": day, "month": month, "year": year}
        if isinstance(value, dict):
            return value
        fail("date.unreadable", value=describe(value))

    @model_validator(mode="after")
    def _check(self) -> PartialDate:
        if self.year is None and self.month is None:
            fail("date.unreadable", value=self.text())
        if self.day is not None and self.month is None:
            fail("date.unreadable", value=self.text())
        if not vn.is_real_date(self.day, self.month, self.year):
            fail("date.impossible", value=self.text())
        return self

    @property
    def is_complete(self) -> bool:
        return None not in (self.day, self.month, self.year)

    def to_date(self) -> dt.date | None:
        """The full date, or ``None`` when a part is unknown."""
        if self.day is None or self.month is None or self.year is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def text(self) -> str:
        """Running-text form (``21/6/2022``, ``21/6``, ``tháng 6/2022``)."""
        return vn.running_date_partial(self.day, self.month, self.year)

    @classmethod
    def of(cls, value: dt.date) -> PartialDate:
        return cls(day=value.day, month=value.month, year=value.year)


def _datetime(value: Any) -> dt.datetime | PartialDate:
    """A point in time: a full datetime, or (when only a date is known) a partial date."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return PartialDate.of(value)
    if isinstance(value, str):
        try:
            return vn.parse_datetime_text(value)
        except ValueError:
            pass
        try:
            return PartialDate.model_validate(value)
        except Exception:
            fail("datetime.unreadable", value=value)
    fail("datetime.unreadable", value=describe(value))


Moment = Annotated[dt.datetime | PartialDate, BeforeValidator(_datetime)]
