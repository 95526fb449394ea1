"""The validated meeting: everything the documents are made from.

The YAML keys of ``../shared/design.md`` §2 are the contract; each class below maps
one block of it. Every later stage trusts these objects and never re-validates them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from umt_reports import vn
from umt_reports.model._types import (
    DocumentNumber,
    Moment,
    OptionalCount,
    OptionalText,
    Paragraph,
    PartialDate,
    StatValue,
    Strict,
    Text,
    TextList,
    fail,
)
from umt_reports.model.profile import Issuer, Signer, SigningMode

__all__ = [
    "Attendee",
    "Award",
    "Awardee",
    "AwardeeGroup",
    "Chair",
    "DecisionInfo",
    "Meeting",
    "MeetingInfo",
    "Photo",
    "PressInfo",
    "ReportInfo",
    "Section",
    "Signer",
    "SigningMode",
    "Statistic",
]


class MeetingInfo(Strict):
    """``meeting:`` — what was held, when and where."""

    title: Text
    date: PartialDate | None = None
    place: OptionalText = None


class Chair(Strict):
    """A person chairing the meeting, with every position they hold (in order)."""

    name: Text
    positions: TextList = []


class Attendee(Strict):
    """One line of the attendance: a group (``Đại diện lãnh đạo …``) or a named person."""

    group: OptionalText = None
    name: OptionalText = None
    position: OptionalText = None
    unit: OptionalText = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        # -- a plain string in the YAML list is a group --
        if isinstance(value, str):
            return {"group": value}
        return value

    @model_validator(mode="after")
    def _group_or_name(self) -> Attendee:
        if not self.group and not self.name:
            fail("value.missing", field="group | name")
        return self


class Statistic(Strict):
    """A figure reported at the meeting: a number with its unit, or text (``22/27 chỉ tiêu``)."""

    label: Text
    value: StatValue
    unit: OptionalText = None
    note: OptionalText = None

    @model_validator(mode="before")
    @classmethod
    def _percent_as_unit(cls, data: Any) -> Any:
        # -- "93,32%" typed with no unit: the figure is 93,32 and the unit is % --
        if isinstance(data, dict) and isinstance(data.get("value"), str) and not data.get("unit"):
            text = data["value"].strip()
            if text.endswith("%"):
                try:
                    number = vn.parse_number(text[:-1])
                except ValueError:
                    return data
                return {**data, "value": number, "unit": "%"}
        return data

    @model_validator(mode="after")
    def _has_value(self) -> Statistic:
        if self.value == "":
            fail("statistic.no_value", label=self.label)
        return self

    @property
    def is_number(self) -> bool:
        return isinstance(self.value, Decimal)


class Section(Strict):
    """A narrative part of the report: a title, paragraphs, lettered points, sub-sections."""

    title: OptionalText = None
    paragraphs: Annotated[list[Paragraph], BeforeValidator(lambda v: [v] if isinstance(v, str) else v)] = []
    points: TextList = []
    sections: list[Section] = []


class Awardee(Strict):
    """A collective or a person receiving an award."""

    name: Text
    position: OptionalText = None
    unit: OptionalText = None
    note: OptionalText = None


def _awardee_group(value: Any) -> Any:
    """``5`` (count only), ``[{name…}, …]`` (named), or ``{count: 5, members: […]}``."""
    if value is None:
        return None
    if isinstance(value, list):
        return {"members": value}
    if isinstance(value, dict):
        return value
    return {"count": value}


class AwardeeGroup(Strict):
    """The collectives (or the individuals) of one award: a count, a named list, or both."""

    count: OptionalCount = None
    members: list[Awardee] = []

    @model_validator(mode="after")
    def _count_agrees(self) -> AwardeeGroup:
        if self.count is not None and self.members and self.count != len(self.members):
            fail("award.count_mismatch", count=self.count, named=len(self.members))
        return self

    @property
    def total(self) -> int:
        return self.count if self.count is not None else len(self.members)

    @property
    def is_named(self) -> bool:
        return bool(self.members)


def _award_form(value: Any) -> str:
    # -- any form is accepted as written (Luật Thi đua, khen thưởng 2022 forms are
    #    recognised by :attr:`Award.recognised`; an unknown one gets a note from validate) --
    if not isinstance(value, str) or not value.strip():
        fail("value.blank")
    return " ".join(value.split())


class Award(Strict):
    """One award form given by one decision: who decided, why, to whom, how much."""

    form: Annotated[str, BeforeValidator(_award_form)]
    decided_by: OptionalText = None
    reason: OptionalText = None
    #: Amount in đồng per awardee, when money comes with the award.
    amount: OptionalCount = None
    collectives: Annotated[AwardeeGroup | None, BeforeValidator(_awardee_group)] = None
    individuals: Annotated[AwardeeGroup | None, BeforeValidator(_awardee_group)] = None

    @model_validator(mode="after")
    def _someone(self) -> Award:
        if self.collective_count + self.individual_count == 0:
            fail("award.empty")
        return self

    @property
    def recognised(self) -> str | None:
        """The canonical form of the law that :attr:`form` names (``Chiến sĩ thi đua cơ sở``
        for ``danh hiệu “Chiến sỹ thi đua cấp cơ sở”``), or ``None`` for a local form."""
        return vn.recognise_award(self.form)

    @property
    def form_has_granter(self) -> bool:
        """Whether the wording already names who grants it (``Bằng khen của Chủ tịch …``)."""
        return " của " in f" {self.form.casefold()} "

    @property
    def is_named(self) -> bool:
        """Every awardee of the award is named (a decision can list them)."""
        groups = [g for g in (self.collectives, self.individuals) if g is not None and g.total]
        return bool(groups) and all(len(g.members) == g.total for g in groups)

    @property
    def collective_count(self) -> int:
        return self.collectives.total if self.collectives else 0

    @property
    def individual_count(self) -> int:
        return self.individuals.total if self.individuals else 0


class ReportInfo(Strict):
    """``report:`` — the official document's number, date, signer and recipients."""

    #: Sequence number; ``None`` leaves the slot blank for the clerk.
    number: DocumentNumber = None
    date: PartialDate | None = None
    #: Trích yếu override; by default the wording template derives it from the meeting.
    subject: OptionalText = None
    signer: Signer | None = None
    recipients: TextList = []
    #: Extra codes of the ``- Lưu: VT, …`` line after the văn thư.
    filing: TextList = []


class DecisionInfo(Strict):
    """``decision:`` — the quyết định khen thưởng of the awards (ND30 Phụ lục III Mẫu 1.2).

    Every key is optional: a missing number or date leaves a blank slot for the clerk; the
    signer defaults to the report's, then the profile's; the căn cứ to the profile's.
    """

    number: DocumentNumber = None
    date: PartialDate | None = None
    #: Trích yếu override (``Về việc tặng Giấy khen …``); by default the wording template writes it.
    subject: OptionalText = None
    #: The head signs in their own power: no ``TM.``; a deputy signs with ``mode: KT``.
    signer: Signer | None = None
    #: Whose proposal the decision follows (``Trưởng Phòng Nội vụ huyện``): ``Theo đề nghị của …``.
    proposed_by: OptionalText = None
    #: Căn cứ lines replacing the profile's ``legal_grounds``.
    legal_grounds: TextList = []
    #: Where the award money comes from (``Quỹ Thi đua, khen thưởng huyện``), when said.
    funding: OptionalText = None
    #: Who carries the decision out (the article before last): ``Chánh Văn phòng …``.
    executors: TextList = []
    #: ``Nơi nhận`` after ``- Như Điều …;`` (which the document adds).
    recipients: TextList = []
    #: Extra codes of the ``- Lưu: VT, …`` line.
    filing: TextList = []
    #: List the awardees unit by unit (units in order of first appearance), names sorted inside.
    group_by_unit: bool = False


class Photo(Strict):
    """A press photo; ``file`` is relative to the data file."""

    file: Text
    caption: OptionalText = None
    credit: OptionalText = None


class PressInfo(Strict):
    """``press:`` — where and when the news item is published, and by whom."""

    outlet: OptionalText = None
    section: OptionalText = None
    published: Moment | None = None
    author: OptionalText = None
    photos: list[Photo] = []


class Meeting(Strict):
    """A meeting and everything reported about it, with its resolved issuing body."""

    #: Name of the profile the issuer came from (``None`` for an inline ``issuer:``).
    profile: OptionalText = None
    issuer: Issuer
    info: MeetingInfo = Field(alias="meeting")
    chairs: list[Chair] = []
    attendees: list[Attendee] = []
    statistics: list[Statistic] = []
    sections: list[Section] = []
    awards: list[Award] = []
    report: ReportInfo = ReportInfo()
    press: PressInfo = PressInfo()
    #: The commendation decision (optional; keys additive to the contract of design §2).
    decision: DecisionInfo | None = None

    @model_validator(mode="after")
    def _party_modes(self) -> Meeting:
        signer = self.report.signer
        if signer and signer.mode is SigningMode.TUQ and self.issuer.kind == "party":
            fail("signer.bad_mode", value="TUQ", allowed="T/M, K/T, T/L, Q")
        return self

    @property
    def document_date(self) -> dt.date | None:
        """The date the documents carry: the report date, else the meeting date (when complete)."""
        for candidate in (self.report.date, self.info.date):
            if candidate is not None and candidate.to_date() is not None:
                return candidate.to_date()
        return None

    @property
    def collective_count(self) -> int:
        return sum(a.collective_count for a in self.awards)

    @property
    def individual_count(self) -> int:
        return sum(a.individual_count for a in self.awards)

    def to_data(self) -> dict[str, Any]:
        """The meeting as plain YAML-contract data (keys by alias, no empty values)."""
        data: dict[str, Any] = _prune(self.model_dump(mode="python", by_alias=True, exclude={"issuer"}))
        return data


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, [], {}, "")}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    return value
