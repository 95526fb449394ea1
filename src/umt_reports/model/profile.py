"""Issuing bodies (``profiles/*.yaml``) and signers.

Organisation names, places and signers are data that change with reforms (district
government ended in 2025), so a profile carries the dates it is valid for, and a
document dated outside them is refused.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, model_validator

from umt_reports.model._types import OptionalText, PartialDate, Strict, Text, TextList, _decimal, fail

__all__ = [
    "CertificateFields",
    "CertificateForm",
    "FormField",
    "Issuer",
    "LegalGround",
    "NumberWords",
    "PaperSize",
    "Signer",
    "SigningMode",
]


class SigningMode(str, Enum):
    """How the signer signs (ND30 PL I §II.7): the style decides the printed prefix."""

    TM = "TM"  # on behalf of a collective body
    KT = "KT"  # a deputy signs for the head
    TL = "TL"  # by order
    TUQ = "TUQ"  # by authorisation
    Q = "Q"  # acting head


_MODE_SPELLINGS = {
    "TM": SigningMode.TM,
    "T/M": SigningMode.TM,
    "KT": SigningMode.KT,
    "K/T": SigningMode.KT,
    "TL": SigningMode.TL,
    "T/L": SigningMode.TL,
    "TUQ": SigningMode.TUQ,
    "Q": SigningMode.Q,
}


def _signing_mode(value: Any) -> SigningMode | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, SigningMode):
        return value
    key = str(value).strip().upper().rstrip(".").replace(" ", "")
    if key in _MODE_SPELLINGS:
        return _MODE_SPELLINGS[key]
    fail("signer.bad_mode", value=value, allowed="TM, KT, TL, TUQ, Q (Đảng: T/M, K/T, T/L, Q)")


class Signer(Strict):
    """Who signs the document, with the title printed above the name."""

    name: Text
    title: Text
    mode: Annotated[SigningMode | None, BeforeValidator(_signing_mode)] = None


def _full_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    date = PartialDate.model_validate(value).to_date()
    if date is None:
        fail("date.needs_full", value=value)
    return date


FullDate = Annotated[dt.date | None, BeforeValidator(_full_date)]


def _millimetres(value: Any) -> float:
    number = float(_decimal(value))
    if not 0 <= number <= 2000:
        fail("commendation.mm_range", value=value)
    return number


#: A length in millimetres (``12``, ``12.5`` or ``"12,5"``), 0–2000.
Millimetres = Annotated[float, BeforeValidator(_millimetres)]
OptionalMillimetres = Annotated[float | None, BeforeValidator(lambda v: None if v is None else _millimetres(v))]


class NumberWords(Strict):
    """How amounts are read in words (``Bằng chữ``): the regional forms the body uses.

    ``{linh: lẻ, nghin: ngàn}`` gives the southern reading ``một ngàn không trăm lẻ năm``.
    """

    linh: Literal["linh", "lẻ"] = "linh"
    nghin: Literal["nghìn", "ngàn"] = "nghìn"


class PaperSize(Strict):
    """A sheet of paper, in millimetres."""

    width_mm: Millimetres
    height_mm: Millimetres


class FormField(Strict):
    """Where one variable text goes on a pre-printed form: ``x_mm`` from the left edge of the
    paper, ``y_mm`` from its top edge to the baseline of the (first) line; ``align`` says which
    end of the text ``x_mm`` is; ``width_mm`` wraps long text; ``size`` in points overrides
    the role's size."""

    x_mm: Millimetres
    y_mm: Millimetres
    size: Annotated[float | None, BeforeValidator(lambda v: None if v is None else float(_decimal(v)))] = None
    align: Literal["left", "center", "right"] = "left"
    width_mm: OptionalMillimetres = None


class CertificateFields(Strict):
    """The variable texts of a Giấy khen form; a field left out is not printed."""

    authority: FormField | None = None
    recipient: FormField | None = None
    unit: FormField | None = None
    achievement: FormField | None = None
    decision: FormField | None = None
    date_line: FormField | None = None
    signer_title: FormField | None = None
    signer_name: FormField | None = None


class CertificateForm(Strict):
    """``certificate_form:`` — the pre-printed Giấy khen paper of the body (``--print-on-form``)."""

    page: PaperSize
    fields: CertificateFields


class LegalGround(Strict):
    """One căn cứ line and the dates of documents that cite it (inclusive; open when absent).

    Laws and decrees replace each other (Nghị định 91/2017 → 98/2023 → 152/2025), so a
    profile lists every version with its dates and a decision cites those valid on its date.
    """

    text: Text
    valid_from: FullDate = None
    valid_to: FullDate = None

    def valid_on(self, date: dt.date) -> bool:
        return not ((self.valid_from and date < self.valid_from) or (self.valid_to and date > self.valid_to))


def _ground(value: Any) -> Any:
    # -- a plain line is valid on any date --
    return {"text": value} if isinstance(value, str) else value


class Issuer(Strict):
    """The body that issues the documents: its letterhead, symbol, place and signer."""

    #: ``state`` follows Nghị định 30/2020; ``party`` follows the Party rules (HD36).
    kind: Literal["state", "party"]
    #: Parent-body lines of the left header block (upright, not bold); may be empty.
    parent: TextList = []
    #: Issuing-body name lines (bold), as printed: ``[ỦY BAN NHÂN DÂN, HUYỆN TÂN PHÚ]``.
    name: TextList
    #: The body's part of the ký hiệu: ``UBND``, ``BDVHU``.
    symbol: Text
    #: Full name in running text: ``Ủy ban nhân dân huyện Tân Phú``.
    full_name: Text
    #: Short name in running text: ``UBND huyện``; defaults to ``full_name``.
    short_name: OptionalText = None
    #: Place name of the date line: ``Tân Phú``.
    place: Text
    #: Collective body a ``TM.`` signature speaks for: ``Ủy ban nhân dân``, ``Ban Thường vụ``.
    collective: OptionalText = None
    #: Title of the head, printed under ``KT.``: ``Chủ tịch``, ``Trưởng ban``.
    head_title: OptionalText = None
    #: Default signer when the data names none.
    signer: Signer | None = None
    #: Drafting-unit codes of the ``Lưu:`` line after ``VT``: ``[VP]``.
    filing: TextList = []
    #: Legal grounds (căn cứ) of decisions, one per line, without the final punctuation: a
    #: line, or ``{text, valid_from, valid_to}`` for a ground cited only by documents of those dates.
    legal_grounds: list[Annotated[LegalGround, BeforeValidator(_ground)]] = []
    #: Who decides commendations in the head's own power, as in running text:
    #: ``Chủ tịch Ủy ban nhân dân huyện Tân Phú`` (printed in capitals above the căn cứ).
    authority: OptionalText = None
    #: Regional reading of amounts in words (``linh``/``lẻ``, ``nghìn``/``ngàn``).
    number_words: NumberWords = NumberWords()
    #: Paper of the Giấy khen printed in full (default: A4 landscape).
    certificate_page: PaperSize | None = None
    #: Positions of the variable texts on the body's pre-printed Giấy khen (``--print-on-form``).
    certificate_form: CertificateForm | None = None
    #: Address, telephone, e-mail lines for the foot of page 1 (optional).
    contact: TextList = []
    #: The body's documents are valid from/to these dates (inclusive).
    valid_from: FullDate = None
    valid_to: FullDate = None

    @model_validator(mode="after")
    def _name_given(self) -> Issuer:
        if not self.name:
            fail("value.missing", field="name")
        return self

    @property
    def display_short_name(self) -> str:
        return self.short_name or self.full_name

    def valid_on(self, date: dt.date) -> bool:
        if self.valid_from and date < self.valid_from:
            return False
        if self.valid_to and date > self.valid_to:
            return False
        return True

    def grounds_on(self, date: dt.date | None) -> list[str]:
        """The căn cứ lines a document dated ``date`` cites (today's when the date is blank)."""
        when = date or dt.date.today()
        return [g.text for g in self.legal_grounds if g.valid_on(when)]

    def validity_span(self) -> str:
        """``từ 01/01/2010 đến 30/6/2025``-style span, for messages."""
        from umt_reports import vn

        parts = []
        if self.valid_from:
            parts.append(f"từ {vn.running_date(self.valid_from)}")
        if self.valid_to:
            parts.append(f"đến {vn.running_date(self.valid_to)}")
        return " ".join(parts)
