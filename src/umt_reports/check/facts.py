"""The facts of the data a document states, each a phrase ``check`` looks for by name.

In: a meeting, the kind (its :attr:`~umt_reports.documents.kinds.Kind.facts` groups) and the
document drawn from the data. Out: :class:`Fact` phrases as the documents write them — names,
positions, figures with their units (formatted by :mod:`umt_reports.vn`, as the documents do),
the meeting date, the document's own number, date line and signer — never a phrase of the
wording: what a template says around the facts is compared by drawing the document again.

Texts are compared folded (:func:`fold`): NFC, every run of white space as one space, soft
hyphens dropped, without regard to letter case (a heading in capitals says the same).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from umt_reports import vn
from umt_reports.model import Meeting, Statistic

if TYPE_CHECKING:
    from umt_reports.documents.document import Document

__all__ = ["Fact", "facts_for", "fold"]

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """The form texts are compared in: NFC, one space for any white space, case-folded."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    return _SPACE.sub(" ", text).strip().casefold()


@dataclass(frozen=True)
class Fact:
    """A phrase a document must contain, and what it is (the message code's suffix and params).

    ``alternatives`` are other spellings that count as the same phrase.
    """

    code: str
    phrase: str
    params: tuple[tuple[str, str], ...] = ()
    alternatives: tuple[str, ...] = ()

    def found_in(self, text: str) -> bool:
        """Whether folded ``text`` holds the phrase as whole words (``Văn Thư`` is not in ``Văn Thượng``)."""
        return any(re.search(rf"(?<!\w){re.escape(fold(p))}(?!\w)", text) for p in (self.phrase, *self.alternatives))


def statistic_phrase(stat: Statistic) -> str:
    """A statistic as every document writes it: ``19,4%/năm``, ``47 đơn``, ``22/27 chỉ tiêu``."""
    return vn.format_figure(stat.value, stat.unit)


def facts_for(meeting: Meeting, kind: str, document: Document | None = None) -> list[Fact]:
    """The phrases a ``kind`` document of ``meeting`` states, in the order of its fact groups.

    ``document`` (drawn from the data) gives the document's own facts: number and symbol,
    date line, signer. An unknown kind states nothing.
    """
    from umt_reports.documents.kinds import get_kind

    found = get_kind(kind)
    groups = found.facts if found is not None else ()
    facts: list[Fact] = []
    for group in groups:
        facts += _GROUPS[group](meeting, document)
    return facts


def _chairs(meeting: Meeting, document: Document | None) -> list[Fact]:
    facts: list[Fact] = []
    for chair in meeting.chairs:
        facts.append(Fact("chair", chair.name))
        facts += [Fact("position", position, (("name", chair.name),)) for position in chair.positions]
    return facts


def _attendees(meeting: Meeting, document: Document | None) -> list[Fact]:
    facts: list[Fact] = []
    for person in meeting.attendees:
        if person.name:
            facts.append(Fact("attendee", person.name))
            if person.position:
                facts.append(Fact("position", person.position, (("name", person.name),)))
    return facts


def _statistics(meeting: Meeting, document: Document | None) -> list[Fact]:
    return [Fact("statistic", statistic_phrase(stat), (("label", stat.label),)) for stat in meeting.statistics]


def _meeting_date(meeting: Meeting, document: Document | None) -> list[Fact]:
    return [Fact("meeting_date", meeting.info.date.text())] if meeting.info.date is not None else []


def _awardees(meeting: Meeting, document: Document | None) -> list[Fact]:
    facts: list[Fact] = []
    for award in meeting.awards:
        for group in (award.collectives, award.individuals):
            if group is not None:
                facts += [Fact("awardee", member.name, (("form", award.form),)) for member in group.members]
    return facts


def _code(meeting: Meeting, document: Document | None) -> list[Fact]:
    return [Fact("code", document.meta.code)] if document is not None and document.meta.code else []


def _date_line(meeting: Meeting, document: Document | None) -> list[Fact]:
    if document is None or document.meta.date is None:
        return []
    return [Fact("date_line", vn.date_line(meeting.issuer.place, document.meta.date))]


def _signer(meeting: Meeting, document: Document | None) -> list[Fact]:
    return [Fact("signer", document.meta.signer_name)] if document is not None and document.meta.signer_name else []


def _author(meeting: Meeting, document: Document | None) -> list[Fact]:
    return [Fact("author", meeting.press.author)] if meeting.press.author else []


def _published(meeting: Meeting, document: Document | None) -> list[Fact]:
    from umt_reports.documents.press import timestamp

    stamp = timestamp(meeting.press.published)
    return [Fact("published", stamp.strip("()"))] if stamp else []


_GROUPS = {
    "chairs": _chairs,
    "attendees": _attendees,
    "statistics": _statistics,
    "meeting_date": _meeting_date,
    "awardees": _awardees,
    "code": _code,
    "date_line": _date_line,
    "signer": _signer,
    "author": _author,
    "published": _published,
}
