"""The news item for the portal (tin bài) and the formal press release (thông cáo báo chí).

``build_press``: kicker, headline, the portal's timestamp, a lead saying what, when and
where, the chairs with all their positions, the attendees, the figures in running text,
the narrative, the awards (with names when the data has them), photos with captions and
the byline. ``build_press_release``: the same facts as an ND30 *Thông cáo* (type TC) in
the layout of the report. Neither says anything the data does not.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from umt_reports import vn
from umt_reports.documents.awardees import listed_awardees
from umt_reports.documents.document import Block, DocMeta, Document, Image, Para
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
from umt_reports.errors import InputError, Location
from umt_reports.model import Meeting, PartialDate, Photo, Section
from umt_reports.sources.photos import check_photo, load_photo
from umt_reports.style import PRESS, preset_for

__all__ = ["build_press", "build_press_release", "timestamp"]

_TEMPLATE = "press.j2"
RELEASE_TYPE = "Thông cáo"


#: More named awardees than this in one award are listed one per line, not in a sentence.
LIST_LIMIT = 15
#: More statistics than this are listed one per line, not in a sentence.
STATISTICS_LIMIT = 8
#: A story paragraph starting with this is an item of a list (the wording's and the points').
ITEM_MARK = "- "
#: Role of a list item.
_ITEM_ROLE = "point"


def _narrative(sections: list[Section]) -> list[str]:
    """The office's own paragraphs, and its points as list items, sub-sections included, in
    reading order."""
    paragraphs: list[str] = []
    for section in sections:
        paragraphs += [*section.paragraphs, *(ITEM_MARK + point for point in section.points)]
        paragraphs += _narrative(section.sections)
    return paragraphs


def _story(meeting: Meeting, wording: Wording) -> list[str]:
    """The paragraphs both forms share: lead, chairs and attendees, figures, narrative, awards.

    Named awardees come in the order of the decision's list (:func:`listed_awardees`), so
    the news item, the report's annex and the decision agree.
    """
    context = {"meeting": meeting, "issuer": meeting.issuer, "list_limit": LIST_LIMIT, "stat_limit": STATISTICS_LIMIT}

    def say(block: str, **extra: Any) -> list[str]:
        return wording.paragraphs(_TEMPLATE, block, **context, **extra)

    paragraphs = [*say("lead"), *say("chairs"), *say("results"), *_narrative(meeting.sections)]
    by_unit = bool(meeting.decision and meeting.decision.group_by_unit)
    collectives, individuals = listed_awardees(meeting, group_by_unit=by_unit)
    for index, award in enumerate(meeting.awards):
        own_collectives = [item.member for item in collectives if item.award is award]
        own_individuals = [item.member for item in individuals if item.award is award]
        paragraphs += say(
            "award",
            award=award,
            first=index == 0,
            index=index,
            collectives=own_collectives,
            individuals=own_individuals,
        )
    return paragraphs


def _para(text: str) -> Para:
    """A story paragraph: a list item when it starts with :data:`ITEM_MARK`, else body text."""
    return Para.of(_ITEM_ROLE if text.startswith(ITEM_MARK) else "body", text)


def build_press(meeting: Meeting, *, wording: Wording | None = None, source_dir: Path | None = None) -> Document:
    """The news item in the portal's house style."""
    wording = wording or Wording()
    context = {"meeting": meeting, "issuer": meeting.issuer}
    press = meeting.press
    story = _story(meeting, wording)
    blocks: list[Block] = []
    kicker = wording.line(_TEMPLATE, "kicker", **context)
    if press.outlet:
        blocks.append(Para.of("press.kicker", PRESS.text("press.kicker", press.outlet)))
    if kicker:
        blocks.append(Para.of("press.kicker", PRESS.text("press.kicker", kicker)))
    headline = wording.line(_TEMPLATE, "headline", **context)
    blocks.append(Para.of("press.headline", headline, keep_with_next=True))
    stamp = timestamp(press.published)
    if stamp:
        blocks.append(Para.of("press.timestamp", stamp))
    photos = [_figure(photo, source_dir or Path.cwd()) for photo in press.photos]
    if story:
        blocks.append(Para.of("press.lead", story[0]))
    # -- the pictures follow the lead, as on the portal; the rest of the story after them --
    blocks += photos
    blocks += [_para(p) for p in story[1:]]
    if press.author:
        blocks.append(Para.of("press.byline", press.author))
    return Document(
        meta=DocMeta(
            kind="press",
            type_name="Tin bài",
            type_code="TIN",
            subject=headline,
            code=None,
            number=None,
            date=_published_date(press.published),
            issuer=press.outlet or meeting.issuer.full_name,
            issuer_symbol=meeting.issuer.symbol,
            signer_name=press.author,
            keywords=tuple(k for k in ("tin bài", press.section, meeting.info.title) if k),
        ),
        preset=PRESS,
        blocks=tuple(blocks),
        page_numbers=True,
    )


def _figure(photo: Photo, source_dir: Path) -> Image:
    """A photo scaled to the text width, upright, as RGB JPEG, with its italic caption and credit."""
    path = source_dir / photo.file
    reason = check_photo(path)  # -- validation said so at load; the file may have gone since --
    if reason is not None:
        raise InputError.of(f"photo.{reason}", Location(file=photo.file), file=photo.file)
    image = load_photo(path)
    credit = f"Ảnh: {photo.credit}" if photo.credit else None
    caption = " - ".join(x for x in (photo.caption, credit) if x)
    return Image(
        image.data,
        image.width_px,
        image.height_px,
        width=1.0,
        caption=Para.of("caption", caption) if caption else None,
        alt=photo.caption or credit or "",
    )


def _published_date(published: Any) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, PartialDate):
        return published.to_date()
    return None


def timestamp(published: dt.datetime | PartialDate | None) -> str | None:
    """The portal's stamp: ``(13:37 | 22/6/2022)`` with the time, ``(22/6/2022)`` for a
    whole date, only the known parts otherwise (``(21/6)``); ``None`` when unknown. Dates are
    written as the story writes them, so the page has one date style."""
    if published is None:
        return None
    if isinstance(published, PartialDate):
        whole = published.to_date()
        return f"({vn.running_date(whole)})" if whole else f"({published.text()})"
    # -- the date as the story writes dates (21/6/2022): one date style on the page --
    return f"({published:%H:%M} | {vn.running_date(published.date())})"


def build_press_release(meeting: Meeting, *, wording: Wording | None = None) -> Document:
    """The formal thông cáo báo chí (ND30 Mẫu 1.4, type TC) with the same facts as the news item."""
    wording = wording or Wording()
    preset = preset_for(meeting.issuer.kind)
    issuer = meeting.issuer
    type_code = vn.abbreviation(RELEASE_TYPE)
    info = meeting.report
    # -- a release has its own number, given by the văn thư: keep the slot blank --
    number = None
    published = _published_date(meeting.press.published)
    release_date = PartialDate.of(published) if published else info.date
    code = None
    subject = wording.line(_TEMPLATE, "release_subject", meeting=meeting, issuer=issuer)
    story = _story(meeting, wording)
    if story:
        story[-1] = close_body(preset, story[-1])
    signer = info.signer or issuer.signer
    blocks: list[Block] = [
        official_header(
            preset, issuer, preset.number(number, type_code, issuer.symbol), date_line(issuer, release_date)
        ),
        *title_block(preset, f"{RELEASE_TYPE} báo chí", subject),
        *(_para(p) for p in story),
        signature_block(preset, issuer, signer, list(info.recipients), [*issuer.filing, *info.filing]),
    ]
    return Document(
        meta=official_meta(
            "press-release",
            f"{RELEASE_TYPE} báo chí",
            type_code,
            subject,
            code,
            number,
            release_date,
            issuer,
            signer,
            (meeting.info.title,),
        ),
        preset=preset,
        blocks=tuple(blocks),
    )


def _build_press(meeting: Meeting, ctx: DocumentContext) -> Document:
    return build_press(meeting, wording=ctx.wording, source_dir=ctx.source_dir)


def _build_release(meeting: Meeting, ctx: DocumentContext) -> Document:
    return build_press_release(meeting, wording=ctx.wording)


_MEETING_FACTS = ("chairs", "attendees", "statistics", "meeting_date", "awardees")

KIND = Kind(
    name="press",
    vn_name="tin bài",
    builder=_build_press,
    facts=(*_MEETING_FACTS, "author", "published"),
    template=_TEMPLATE,
    order=20,
)
KIND_RELEASE = Kind(
    name="press-release",
    vn_name="thông cáo báo chí",
    aliases=("thông cáo",),
    builder=_build_release,
    facts=(*_MEETING_FACTS, "code", "date_line", "signer"),
    template=_TEMPLATE,
    order=30,
)
