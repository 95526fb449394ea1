"""The summary report of a meeting (báo cáo, ND30 Phụ lục III Mẫu 1.4).

In: a validated :class:`Meeting`. Out: a :class:`Document` with the official header,
``BÁO CÁO`` and its trích yếu, the body in numbered parts (only the parts the data
has: a meeting without statistics has no statistics heading), the signature block
with its recipients, and — when awardees are named — the ``DANH SÁCH`` annex.
"""

from __future__ import annotations

from typing import Any

from umt_reports import vn
from umt_reports.documents.awardees import awardee_table, listed_awardees
from umt_reports.documents.document import (
    Annex,
    Block,
    Cell,
    Column,
    Document,
    Para,
    Table,
)
from umt_reports.documents.kinds import DocumentContext, Kind
from umt_reports.documents.parts import (
    annex_heading,
    close_body,
    date_line,
    official_header,
    official_meta,
    signature_block,
    title_block,
)
from umt_reports.documents.wording import Wording
from umt_reports.model import Meeting, Section
from umt_reports.style import Preset, preset_for

__all__ = ["TYPE_NAME", "build_report"]

TYPE_NAME = "Báo cáo"
_TEMPLATE = "report.j2"


def build_report(meeting: Meeting, *, wording: Wording | None = None) -> Document:
    """The báo cáo of ``meeting`` in its issuer's style (ND30 or Party)."""
    wording = wording or Wording()
    preset = preset_for(meeting.issuer.kind)
    issuer = meeting.issuer
    type_code = vn.abbreviation(TYPE_NAME)
    number = meeting.report.number
    code = preset.code(number, type_code, issuer.symbol) if number is not None else None
    report_date = meeting.report.date
    has_annex = any(
        (a.collectives and a.collectives.is_named) or (a.individuals and a.individuals.is_named) for a in meeting.awards
    )
    context: dict[str, Any] = {
        "meeting": meeting,
        "issuer": issuer,
        "party": issuer.kind == "party",
        "code": code,
        "has_annex": has_annex,
        "date_text": report_date.text() if report_date else "     ",
    }

    def say(block: str, **extra: Any) -> list[str]:
        return wording.paragraphs(_TEMPLATE, block, **context, **extra)

    subject = meeting.report.subject or wording.line(_TEMPLATE, "subject", **context)
    blocks: list[Block] = [
        official_header(
            preset, issuer, preset.number(number, type_code, issuer.symbol), date_line(issuer, report_date)
        ),
        *title_block(preset, TYPE_NAME, subject),
    ]
    body = _Body(preset)
    # -- part I: the meeting itself, and the awards handed out at it --
    opening = [
        *say("opening"),
        *(p for index, award in enumerate(meeting.awards) for p in say("award", award=award, index=index)),
    ]
    body.part(say("heading_meeting"), [Para.of("body", p) for p in opening])
    if meeting.statistics:
        body.part(
            say("heading_statistics"),
            [*(Para.of("body", p) for p in say("statistics_intro")), _statistics_table(meeting)],
        )
    for section in meeting.sections:
        body.section(section, level=1)
    closing = say("closing")
    if closing:
        closing[-1] = close_body(preset, closing[-1])
        body.blocks += [Para.of("body", p) for p in closing]
    blocks += body.blocks
    signer = meeting.report.signer or issuer.signer
    blocks.append(
        signature_block(
            preset, issuer, signer, list(meeting.report.recipients), [*issuer.filing, *meeting.report.filing]
        )
    )
    annexes = (_awardee_annex(meeting, preset, say),) if has_annex else ()
    return Document(
        meta=official_meta(
            "report", TYPE_NAME, type_code, subject, code, number, report_date, issuer, signer, (meeting.info.title,)
        ),
        preset=preset,
        blocks=tuple(blocks),
        annexes=annexes,
    )


class _Body:
    """Collects the numbered parts of the body: ``I.`` headings, ``1.`` sub-headings, ``a)`` points."""

    def __init__(self, preset: Preset):
        self.preset = preset
        self.blocks: list[Block] = []
        self.counters = [0, 0]

    def heading(self, level: int, title: str) -> None:
        index = level - 1
        self.counters[index] += 1
        for deeper in range(index + 1, len(self.counters)):
            self.counters[deeper] = 0
        mark = vn.roman(self.counters[0]) + "." if level == 1 else f"{self.counters[index]}."
        role = f"heading.{level}"
        self.blocks.append(Para.of(role, f"{mark} {self.preset.text(role, title)}", keep_with_next=True))

    def part(self, titles: list[str], content: list[Block]) -> None:
        if not content:
            return
        if titles:
            self.heading(1, titles[0])
        self.blocks += content

    def section(self, section: Section, level: int) -> None:
        if section.title:
            self.heading(min(level, 2), section.title)
        self.blocks += [Para.of("body", p) for p in section.paragraphs]
        self.blocks += [Para.of("point", f"{vn.point_letter(i)}) {p}") for i, p in enumerate(section.points)]
        for sub in section.sections:
            self.section(sub, level + 1)


def _statistics_table(meeting: Meeting) -> Table:
    with_notes = any(s.note for s in meeting.statistics)
    columns = [
        Column("STT", 0.08, "table.cell.center"),
        Column("Chỉ tiêu", 0.50 if with_notes else 0.62),
        Column("Kết quả", 0.20 if with_notes else 0.30, "table.cell.center"),
    ]
    if with_notes:
        columns.append(Column("Ghi chú", 0.22))
    rows = []
    for index, stat in enumerate(meeting.statistics, start=1):
        row = [Cell(str(index)), Cell(stat.label), Cell(vn.format_figure(stat.value, stat.unit))]
        if with_notes:
            row.append(Cell(stat.note or ""))
        rows.append(tuple(row))
    return Table(columns=tuple(columns), rows=tuple(rows))


def _awardee_annex(meeting: Meeting, preset: Preset, say: Any) -> Annex:
    """``DANH SÁCH`` of the named collectives and individuals, in the order of the decision's
    list (Vietnamese order, unit by unit when the decision groups by unit)."""
    by_unit = bool(meeting.decision and meeting.decision.group_by_unit)
    collectives, individuals = listed_awardees(meeting, group_by_unit=by_unit)
    table = awardee_table(
        collectives, individuals, last=("Hình thức", 0.20, lambda item: item.award.form), by_unit=by_unit
    )
    title = " ".join(say("annex_title"))
    return Annex(blocks=(*annex_heading(preset, title, say("annex_ref")), table))


def _build(meeting: Meeting, ctx: DocumentContext) -> Document:
    return build_report(meeting, wording=ctx.wording)


KIND = Kind(
    name="report",
    vn_name="báo cáo",
    builder=_build,
    facts=("chairs", "attendees", "statistics", "meeting_date", "awardees", "code", "date_line", "signer"),
    template=_TEMPLATE,
    order=10,
)
