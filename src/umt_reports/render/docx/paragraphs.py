"""Paragraph-level blocks as Word paragraphs: Para, Rule, Spacer and Image.

In: one block and the container to append to (the body or a table cell).
Out: the Word paragraphs drawn. Texts are drawn exactly as given; sizes, weights and
spacing come from the role styles (:mod:`.styles`), rule lengths from the text they
stand under, measured with the body font's metrics.
"""

from __future__ import annotations

import copy
import io
from typing import Protocol

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.text.run import CT_R
from docx.shared import Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run as WordRun
from lxml import etree

from umt_reports.documents.document import Image, Para, Rule, Run, Spacer
from umt_reports.render.docx import _oxml
from umt_reports.render.docx.styles import LANG, RoleStyles
from umt_reports.render.fonts import FontFamily
from umt_reports.render.measure import PT_PER_MM, text_width_pt
from umt_reports.style import PageSpec

__all__ = ["HAIRLINE_PT", "Container", "ParagraphDrawer"]

#: Exact line height of the paragraphs that only carry something (a rule's border, a
#: section break, a table separator): tiny, so a rule sits right under its text.
HAIRLINE_PT = 1.0

# -- run properties by (font, bold, italic, underline), drawn once through python-docx and
# -- then copied: the proxies' schema-order searches cost more than the text itself --
_RUN_PROPERTIES: dict[tuple[str, bool | None, bool | None, bool | None], etree._Element] = {}


class Container(Protocol):
    """Where paragraphs go: the document body or a table cell."""

    def add_paragraph(self, text: str = "", style: str | ParagraphStyle | None = None) -> Paragraph: ...


class ParagraphDrawer:
    """Draws paragraph-level blocks into any container, in the roles' Word styles."""

    def __init__(self, styles: RoleStyles, family: FontFamily, page: PageSpec) -> None:
        """``family`` measures rule lengths; ``page`` bounds picture sizes."""
        self.styles = styles
        self._family = family
        self._page = page

    @property
    def text_width_pt(self) -> float:
        """Width of the text area of the page, in points."""
        return self._page.text_width_mm * PT_PER_MM

    # -- blocks -----------------------------------------------------------------------

    @property
    def family(self) -> FontFamily:
        """The font family texts are measured with."""
        return self._family

    def para(self, into: Container, para: Para) -> Paragraph:
        """A paragraph in ``para.role``'s style, its runs with their own overrides."""
        paragraph = self._new(into, self.styles.paragraph(para.role))
        for run in para.runs:
            self.run(paragraph, run)
        if para.keep_with_next:
            _oxml.keep_with_next(paragraph._p)
        return paragraph

    def run(self, paragraph: Paragraph, run: Run) -> None:
        """One run: text as given, bold/italic/underline only where the run says so."""
        r = paragraph._p.add_r()
        _oxml.set_run_text(r, run.text)
        r.insert(0, copy.deepcopy(self._run_properties(run.bold, run.italic, run.underline)))

    def _run_properties(self, bold: bool | None, italic: bool | None, underline: bool | None) -> etree._Element:
        """The ``w:rPr`` of a run with these overrides, in the preset font and Vietnamese (a prototype)."""
        key = (self.styles.font_name, bold, italic, underline)
        found = _RUN_PROPERTIES.get(key)
        if found is None:
            word_run = WordRun(OxmlElement("w:r"), None)  # type: ignore[arg-type]  # -- no part needed --
            if bold is not None:
                word_run.bold = bold
            if italic is not None:
                word_run.italic = italic
            if underline is not None:
                word_run.underline = underline
            self._mark_run(word_run._r)
            found = _RUN_PROPERTIES.setdefault(key, word_run._r[0])
        return found

    def rule(self, into: Container, rule: Rule, available_pt: float) -> Paragraph:
        """A mark centred in ``available_pt``: a bottom-bordered empty paragraph, ``*`` or ``-----``.

        A line is ``rule.spec.width`` times the width of ``rule.over`` set in
        ``rule.role``'s style (never wider than the space it is centred in).
        """
        paragraph = self._new(into, self.styles.paragraph(rule.role))
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Pt(0)
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        mark = rule.spec.mark
        if mark is not None:
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
            fmt.left_indent = Pt(0)
            fmt.right_indent = Pt(0)
            self.run(paragraph, Run(mark))
            return paragraph
        over_pt = text_width_pt(rule.over, self.styles.preset.style(rule.role), self._family)
        length = rule.spec.width * min(over_pt, available_pt)
        side = (available_pt - length) / 2
        fmt.left_indent = Pt(side)
        fmt.right_indent = Pt(side)
        fmt.line_spacing = Pt(HAIRLINE_PT + rule.spec.gap_pt)
        _oxml.set_bottom_border(paragraph._p, rule.spec.thickness_pt)
        return paragraph

    def spacer(self, into: Container, spacer: Spacer) -> Paragraph:
        """An empty paragraph exactly ``spacer.height_pt`` high (at least a hairline: Word needs a height)."""
        return self.hairline(into, max(spacer.height_pt, HAIRLINE_PT))

    def hairline(self, into: Container, height_pt: float = HAIRLINE_PT) -> Paragraph:
        """An empty paragraph of exact height ``height_pt`` with no space around it."""
        paragraph = self._new(into, self.styles.normal)
        fmt = paragraph.paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.line_spacing = Pt(height_pt)
        return paragraph

    def page_break(self, into: Container) -> Paragraph:
        """A hairline paragraph holding a page break (used where no paragraph follows to break before)."""
        paragraph = self.hairline(into)
        _oxml.add_page_break_run(paragraph._p, self.styles.font_name, LANG)
        return paragraph

    def image(self, into: Container, image: Image) -> list[Paragraph]:
        """A centred inline picture ``image.width`` of the text width wide (aspect kept), then its caption.

        A picture taller than the text area is scaled down to fit it.
        """
        width = image.width * self.text_width_pt
        height = width * image.height_px / image.width_px
        page_height = (self._page.height_mm - self._page.top_mm - self._page.bottom_mm) * PT_PER_MM
        if height > page_height:
            width, height = width * page_height / height, page_height
        paragraph = self._new(into, self.styles.normal)
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        word_run = paragraph.add_run()
        shape = word_run.add_picture(io.BytesIO(image.data), width=Pt(width), height=Pt(height))
        _oxml.set_picture_description(shape._inline, image.alt)
        self._mark_run(word_run._r)
        drawn = [paragraph]
        if image.caption is not None:
            _oxml.keep_with_next(paragraph._p)
            drawn.append(self.para(into, image.caption))
        return drawn

    # -- helpers ----------------------------------------------------------------------

    @staticmethod
    def _new(into: Container, style: ParagraphStyle) -> Paragraph:
        """A new paragraph in ``style``, referenced by id (python-docx's by-object lookup scans every style)."""
        paragraph = into.add_paragraph()
        _oxml.set_new_paragraph_style(paragraph._p, style.style_id)
        return paragraph

    def _mark_run(self, r: CT_R) -> None:
        """The preset font in all four slots and the Vietnamese language on run ``r``."""
        self._mark_fonts(_oxml.run_properties(r))

    def _mark_fonts(self, rpr: etree._Element) -> None:
        """The preset font in all four slots and the Vietnamese language in ``rpr``."""
        _oxml.set_fonts(rpr, self.styles.font_name)
        _oxml.set_lang(rpr, LANG)
