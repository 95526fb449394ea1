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
from umt_reports.documents.document import Block, DocMeta, Document, Image, Para
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


def _narrative(sections: list[Section]) -> list[str]:
    """The office's own paragraphs and points, sub-sections included, in reading order."""
    paragraphs: list[str] = []
    for section in sections:
        paragraphs += [*section.paragraphs, *section.points]
        paragraphs += _narrative(section.sections)
    return paragraphs


def _story(meeting: Meeting, wording: Wording) -> list[str]:
    """The paragraphs both forms share: lead, chairs and attendees, figures, narrative, awards."""
    context = {"meeting": meeting, "issuer": meeting.issuer}

    def say(block: str, **extra: Any) -> list[str]:
        return wording.paragraphs(_TEMPLATE, block, **context, **extra)

    paragraphs = [*say("lead"), *say("chairs"), *say("results"), *_narrative(meeting.sections)]
    for index, award in enumerate(meeting.awards):
        paragraphs += say("award", award=award, first=index == 0)
    return paragraphs


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
    blocks += [Para.of("body", p) for p in story[1:]]
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
    return Image(image.data, image.width_px, image.height_px, width=1.0,
                 caption=Para.of("caption", caption) if caption else None, alt=photo.caption or credit or "")


def _published_date(published: Any) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, PartialDate):
        return published.to_date()
    return None


def timestamp(published: dt.datetime | PartialDate | None) -> str | None:
    """The portal's stamp: ``(13:37 | 22/06/2022)`` with the time, ``(22/06/2022)`` for a
    whole date, only the known parts otherwise (``(21/6)``); ``None`` when unknown."""
    if published is None:
        return None
    if isinstance(published, PartialDate):
        whole = published.to_date()
        return f"({vn.portal_date(whole)})" if whole else f"({published.text()})"
    return f"({vn.portal_timestamp(published)})"


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
        official_header(preset, issuer, preset.number(number, type_code, issuer.symbol), date_line(issuer, release_date)),
        *title_block(preset, f"{RELEASE_TYPE} báo chí", subject),
        *(Para.of("body", p) for p in story),
        signature_block(preset, issuer, signer, list(info.recipients), [*issuer.filing, *info.filing]),
    ]
    return Document(
        meta=official_meta("press-release", f"{RELEASE_TYPE} báo chí", type_code, subject, code, number, release_date,
                           issuer, signer, (meeting.info.title,)),
        preset=preset,
        blocks=tuple(blocks),
    )
