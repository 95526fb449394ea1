"""The conclusion notice of a meeting (thông báo kết luận hội nghị; ND30 type TB, Phụ lục III Mẫu 1.4).

In: a validated :class:`Meeting` with at least one chair (the one who concludes). Out: a
:class:`Document` with the official header (number left for the clerk: the data numbers the
report, not the notice), ``THÔNG BÁO`` and its trích yếu, an opening saying when, where and
who, the sentence handing over to the chair's conclusions, the conclusions numbered
``1.``, ``2.`` — the main figures first when the data has them, then the office's own
sections — the closing sentence and the signature block with the report's recipients.

The date, signer and recipients are those of the ``report`` part of the data (the documents
issued after the meeting); the wording is ``templates/conclusion.j2``.
"""

from __future__ import annotations

from typing import Any

from umt_reports import vn
from umt_reports.documents.document import Block, Document, Para
from umt_reports.documents.kinds import DocumentContext, Kind
from umt_reports.documents.parts import (
    close_body,
    date_line,
    official_header,
    official_meta,
    signature_block,
    title_block,
)
from umt_reports.documents.wording import Wording
from umt_reports.model import Meeting, Section
from umt_reports.style import preset_for

__all__ = ["KIND", "TYPE_NAME", "build_conclusion"]

TYPE_NAME = "Thông báo"
_TEMPLATE = "conclusion.j2"


def build_conclusion(meeting: Meeting, *, wording: Wording | None = None) -> Document:
    """The thông báo kết luận of ``meeting`` in its issuer's style (ND30 or Party)."""
    wording = wording or Wording()
    preset = preset_for(meeting.issuer.kind)
    issuer = meeting.issuer
    type_code = vn.abbreviation(TYPE_NAME)
    date = meeting.report.date
    context: dict[str, Any] = {"meeting": meeting, "issuer": issuer, "party": issuer.kind == "party"}

    def say(block: str, **extra: Any) -> list[str]:
        return wording.paragraphs(_TEMPLATE, block, **context, **extra)

    subject = wording.line(_TEMPLATE, "subject", **context)
    blocks: list[Block] = [
        official_header(preset, issuer, preset.number(None, type_code, issuer.symbol), date_line(issuer, date)),
        *title_block(preset, TYPE_NAME, subject),
    ]
    blocks += [Para.of("body", p) for p in (*say("opening"), *say("conclude"))]
    items: list[tuple[str, list[str]]] = []
    if meeting.statistics:
        items.append((wording.line(_TEMPLATE, "results_title", **context), say("results")))
    items += [(section.title or "", _paragraphs(section)) for section in meeting.sections]
    for number, (title, paragraphs) in enumerate(items, start=1):
        if title:
            blocks.append(Para.of("heading.2", f"{number}. {title}", keep_with_next=True))
            blocks += [Para.of("body", p) for p in paragraphs]
        elif paragraphs:
            blocks.append(Para.of("body", f"{number}. {paragraphs[0]}"))
            blocks += [Para.of("body", p) for p in paragraphs[1:]]
    closing = say("closing")
    if closing:
        closing[-1] = close_body(preset, closing[-1])
        blocks += [Para.of("body", p) for p in closing]
    signer = meeting.report.signer or issuer.signer
    blocks.append(
        signature_block(
            preset, issuer, signer, list(meeting.report.recipients), [*issuer.filing, *meeting.report.filing]
        )
    )
    return Document(
        meta=official_meta(
            "thong-bao-ket-luan", TYPE_NAME, type_code, subject, None, None, date, issuer, signer, (meeting.info.title,)
        ),
        preset=preset,
        blocks=tuple(blocks),
    )


def _paragraphs(section: Section) -> list[str]:
    """A section's paragraphs, lettered points and sub-sections as running paragraphs."""
    paragraphs = [*section.paragraphs, *(f"{vn.point_letter(i)}) {p}" for i, p in enumerate(section.points))]
    for sub in section.sections:
        if sub.title:
            paragraphs.append(sub.title)
        paragraphs += _paragraphs(sub)
    return paragraphs


def _build(meeting: Meeting, ctx: DocumentContext) -> Document:
    return build_conclusion(meeting, wording=ctx.wording)


KIND = Kind(
    name="thong-bao-ket-luan",
    vn_name="thông báo kết luận",
    aliases=("thông báo kết luận hội nghị",),
    builder=_build,
    needs=("chairs",),
    facts=("chairs", "attendees", "statistics", "meeting_date", "date_line", "signer"),
    template=_TEMPLATE,
    order=70,
)
