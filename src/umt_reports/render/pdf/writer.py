"""The PDF renderer: a Document in, validated PDF/A-2b bytes out.

The pipeline::

    resolve_font(options.font)         the body family (Times New Roman, Liberation Serif, …)
    require_glyphs(family, text)       refuse a character the font cannot draw, naming it
    StoryBuilder.document(doc)         blocks -> platypus flowables (story.py)
    _OfficialDocTemplate.build         A4 pages, margins of the preset, page numbers;
                                       streams without ASCII85 armour (photos stay plain JPEG)
    pdfa_bytes                         XMP, output intent, DocInfo, places, /ID (pdfa_parts.py)
    require_pdfa                       validated as PDF/A-2b by pikepdf (pdfa.py), here or
                                       on the other core (options.pdfa_finish)

Page numbers follow the official rules: centred in the top margin from page 2 on,
never on page 1; an annex starts on a new page and is numbered from 1 on its own
(its first page unnumbered). The same document gives the same bytes every time.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Final

from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import getDescent, getFont
from reportlab.pdfgen.canvas import Canvas

from umt_reports import vn
from umt_reports.documents.document import Document
from umt_reports.errors import RenderError
from umt_reports.render.fonts import FontFamily, face_name, require_glyphs, resolve_font
from umt_reports.render.measure import PT_PER_MM
from umt_reports.render.metadata import metadata_keywords, metadata_text
from umt_reports.render.output import Rendered, RenderOptions
from umt_reports.render.pdf.flowables import KeepWithNext, NumberingRestart
from umt_reports.render.pdf.marks import SIGNER_SPACE, TEXT_AREA, MarkBook, Rect
from umt_reports.render.pdf.pdfa import PdfMetadata, require_pdfa
from umt_reports.render.pdf.pdfa_parts import pdfa_bytes
from umt_reports.render.pdf.platypus import BaseDocTemplate, Flowable, Frame, LayoutError, PageTemplate
from umt_reports.render.pdf.story import StoryBuilder, document_text
from umt_reports.render.pdf.styles import SINGLE_LINE
from umt_reports.style import PageSpec, TextStyle

__all__ = ["render_pdf"]

#: Characters each face's first subset holds, whatever the document says (reportlab gives ASCII
#: codes of their own; the other 159 codes of the first subset go to characters in the order the
#: document first uses them). With them in a fixed order, the first subset program of a face is
#: the same in every document written only with them: cut once per process
#: (:mod:`umt_reports.render.font_registry`) and read once by the PDF/A validator
#: (:mod:`.pdfa`). The letters are 134 codes, the marks 11.
_FIRST_SUBSET: Final = vn.LETTERS + "\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u2022\u00b7\u00d7\u00b0"

#: Role of the page number line.
_PAGE_NUMBER_ROLE: Final = "page_number"
#: PDF creation date of an undated document (a fixed day keeps the bytes reproducible).
_UNDATED: Final = dt.date(2000, 1, 1)


class _NumberMark:
    """Draws the page number in the top margin, as Word lays out a header paragraph: a
    single-spaced line whose top is ``header_mm`` from the paper's edge, so the baseline
    lies one line height less the font's descent below it."""

    def __init__(self, page: PageSpec, style: TextStyle, family: FontFamily) -> None:
        self.font = face_name(family, style.bold, style.italic)
        self.size = style.size
        self.align = style.align
        self.left = page.left_mm * PT_PER_MM
        self.right = (page.width_mm - page.right_mm) * PT_PER_MM
        line_top = (page.height_mm - page.header_mm) * PT_PER_MM
        # -- getDescent is negative: the baseline is that far above the line's bottom --
        self.baseline = line_top - self.size * SINGLE_LINE - getDescent(self.font, self.size)

    def draw(self, canv: Canvas, label: str) -> None:
        """Write ``label`` aligned as the role says, between the side margins."""
        canv.saveState()
        canv.setFont(self.font, self.size)
        if self.align == "left":
            canv.drawString(self.left, self.baseline, label)
        elif self.align == "right":
            canv.drawRightString(self.right, self.baseline, label)
        else:
            canv.drawCentredString((self.left + self.right) / 2, self.baseline, label)
        canv.restoreState()


class _OfficialDocTemplate(BaseDocTemplate):
    """One frame inside the margins; page numbers from the second page of each numbering run."""

    def __init__(self, out: io.BytesIO, page: PageSpec, mark: _NumberMark | None, faces: list[str], **kw: Any) -> None:
        self._mark = mark
        self._faces = faces
        #: Physical page on which the current numbering run started (page 1 shows no number).
        self._run_start = 1
        width, height = page.width_mm * PT_PER_MM, page.height_mm * PT_PER_MM
        frame = Frame(
            page.left_mm * PT_PER_MM,
            page.bottom_mm * PT_PER_MM,
            page.text_width_mm * PT_PER_MM,
            (page.height_mm - page.top_mm - page.bottom_mm) * PT_PER_MM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            # -- space after one paragraph and before the next add up, as in Word --
            overlapAttachedSpace=0,
            id="text",
        )
        super().__init__(
            out,
            pagesize=(width, height),
            leftMargin=page.left_mm * PT_PER_MM,
            rightMargin=page.right_mm * PT_PER_MM,
            topMargin=page.top_mm * PT_PER_MM,
            bottomMargin=page.bottom_mm * PT_PER_MM,
            pageTemplates=[PageTemplate(id="page", frames=[frame], onPageEnd=self._number)],
            invariant=1,
            pageCompression=1,
            # -- paragraphs that keep with the next stay with its first lines, as in Word --
            keepTogetherClass=KeepWithNext,
            **kw,
        )

    def beforeDocument(self) -> None:
        """Give each face's first subset the fixed characters, before any text is drawn."""
        for name in self._faces:
            getFont(name).splitString(_FIRST_SUBSET, self.canv._doc)

    def afterFlowable(self, flowable: Flowable) -> None:
        """Note the page where an annex restarts the numbering."""
        if isinstance(flowable, NumberingRestart):
            self._run_start = self.page

    def _number(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Called when a page is complete (so a restart mark on it has been seen)."""
        label = self.page - self._run_start + 1
        if self._mark is not None and label >= 2:
            self._mark.draw(canv, str(label))


@contextmanager
def _without_ascii85() -> Iterator[None]:
    """reportlab writes its streams without the ASCII85 armour (``rl_config.useA85``) while
    drawing and saving.

    The armour is pure-Python work (about 4 % of the drawing of a long document) that only
    makes a binary file a quarter larger. It would also wrap JPEG photos, a quarter larger, which qpdf cannot undo since it does
    not decode JPEG; without it they are stored as plain JPEG (``DCTDecode``) directly.
    """
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _metadata(doc: Document) -> PdfMetadata:
    """Title, issuing body, subject, keywords (number, kind, then the document's) and date."""
    meta = doc.meta
    keywords = [k for k in (meta.code, meta.kind, *meta.keywords) if k]
    return PdfMetadata(
        title=metadata_text(meta.title),
        author=metadata_text(meta.issuer),
        subject=metadata_text(meta.subject),
        keywords=[metadata_keywords(keywords)],
        created=meta.date or _UNDATED,
        language=meta.language,
    )


def _longest_word(doc: Document) -> str:
    """The longest run of characters without a space in the text of ``doc``."""
    return max(document_text(doc).split(), key=len, default="")


def _places(page: PageSpec, marks: MarkBook) -> dict[str, Rect]:
    """The places recorded in the PDF for signing: page 1's text area, and the space for
    the signature between the signer's title and name when the document has a signer."""
    places: dict[str, Rect] = {
        TEXT_AREA: (
            0,
            page.left_mm * PT_PER_MM,
            page.bottom_mm * PT_PER_MM,
            (page.width_mm - page.right_mm) * PT_PER_MM,
            (page.height_mm - page.top_mm) * PT_PER_MM,
        )
    }
    space = marks.box("signer.top", "signer.bottom")
    if space is not None:
        places[SIGNER_SPACE] = space
    return places


def render_pdf(doc: Document, options: RenderOptions) -> Rendered:
    """``doc`` drawn as PDF/A-2b in the preset's geometry, with the body font of ``options``.

    Raises:
        RenderError: a font is missing or lacks a character of the text
            (``render.missing_glyph``), or an image cannot be read.
        PdfaError: the drawn PDF failed its PDF/A-2b validation.
    """
    family = resolve_font(options.font)
    require_glyphs(family, document_text(doc))
    page = doc.page_spec
    body_font = face_name(family)
    mark = _NumberMark(page, doc.preset.style(_PAGE_NUMBER_ROLE), family) if doc.page_numbers else None
    text_height = (page.height_mm - page.top_mm - page.bottom_mm) * PT_PER_MM
    marks = MarkBook()
    story = StoryBuilder(doc.preset, family, page.text_width_mm * PT_PER_MM, text_height, marks).document(doc)
    out = io.BytesIO()
    template = _OfficialDocTemplate(
        out,
        page,
        mark,
        [face_name(family, bold, italic) for bold in (False, True) for italic in (False, True)],
        initialFontName=body_font,
        initialFontSize=doc.preset.style(_PAGE_NUMBER_ROLE).size,
    )
    if options.on_page is not None:  # -- progress of long batches (certificates) --
        template.afterPage = lambda: options.on_page(template.page)
    template._doSave = 0  # -- saved below, once the PDF/A parts are in --
    with _without_ascii85():
        try:
            template.build(story)
        except LayoutError:
            # -- a block that no page can hold: a table row, header or signature cell grown
            #    by one long value; the longest unbroken text names it --
            raise RenderError.of("render.too_large", None, value=_longest_word(doc)) from None
        data = pdfa_bytes(template.canv, _metadata(doc), _places(page, marks))
    if options.pdfa_finish is not None:  # -- validated elsewhere, before anything is written --
        return Rendered(
            data=b"",
            suffix=".pdf",
            pages=template.page,
            font=family.describe(),
            pdfa="2B",
            pending=options.pdfa_finish(data),
        )
    require_pdfa(data)
    return Rendered(data=data, suffix=".pdf", pages=template.page, font=family.describe(), pdfa="2B")
