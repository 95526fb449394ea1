"""The DOCX renderer: a :class:`~umt_reports.documents.Document` in, .docx bytes out.

Pipeline (each step one module)::

    package.new_document (python-docx's template, minimal, built once per process)
                         ─► _Writer.draw: sections (A4, margins, page-number headers),
                            blocks in reading order (paragraphs.py, tables.py),
                            one Word style per role (styles.py)
                         ─► package.set_core_properties ─► package.save (reproducible zip)

The writer owns the flow between blocks: page breaks, keeping the signature block
with the last body paragraph, separating adjacent tables, and one section per annex
(own page numbering). Raw OOXML lives in :mod:`._oxml`.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml.text.paragraph import CT_P
from docx.section import Section
from docx.shared import Mm
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph
from lxml import etree

from umt_reports.documents.document import (
    Block,
    Document,
    HeaderBlock,
    Image,
    PageBreak,
    Para,
    Placed,
    PlacedLine,
    Rule,
    SignatureBlock,
    Spacer,
    Table,
)
from umt_reports.render.docx import _oxml, package
from umt_reports.render.docx.paragraphs import ParagraphDrawer
from umt_reports.render.docx.styles import LANG, RoleStyles
from umt_reports.render.docx.tables import TableDrawer
from umt_reports.render.fonts import FontFamily, resolve_font
from umt_reports.render.output import Rendered, RenderOptions

__all__ = ["PAGE_NUMBER_ROLE", "WORD_LAYOUT_VERSION", "render_docx"]

#: Role of the page number in the header.
PAGE_NUMBER_ROLE = "page_number"
#: Word layout rules the file declares (15 = Word 2013 and later, no "compatibility mode").
WORD_LAYOUT_VERSION = 15


def render_docx(doc: Document, options: RenderOptions) -> Rendered:
    """``doc`` as .docx bytes: identical bytes for an identical Document; ``pages`` is unknown (None)."""
    word = package.new_document(WORD_LAYOUT_VERSION)
    _Writer(word, doc, resolve_font(options.font)).draw()
    package.set_core_properties(word, doc.meta)
    return Rendered(data=package.save(word), suffix=".docx", pages=None)


class _Writer:
    """Draws one Document into one python-docx document, block by block."""

    def __init__(self, word: WordDocument, doc: Document, family: FontFamily) -> None:
        """``family`` is the metric font rule lengths are measured with."""
        self._word = word
        self._doc = doc
        self._styles = RoleStyles(word, doc.preset)
        self._paragraphs = ParagraphDrawer(self._styles, family, doc.page_spec)
        self._tables = TableDrawer(word, self._paragraphs)
        #: A PageBreak was met and no paragraph has taken it yet.
        self._break_pending = False
        #: Blocks drawn in the current story, with the paragraphs that end each of them.
        self._tail: list[tuple[Block, list[CT_P]]] = []

    def draw(self) -> None:
        """The body, then one new section per annex, then the style fonts."""
        self._setup_section(self._word.sections[0], restart=False)
        self._story(self._doc.blocks)
        for annex in self._doc.annexes:
            self._new_section()
            self._story(annex.blocks)
        if _is(self._last_body_element(), "w:tbl"):
            # -- a body cannot end with a table; keep the closing paragraph a hairline --
            self._paragraphs.hairline(self._word)
        self._styles.finish()

    # -- blocks -----------------------------------------------------------------------

    def _story(self, blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, PageBreak):
                self._break_pending = True
            elif isinstance(block, (HeaderBlock, Table, SignatureBlock)):
                table = self._table(block)
                last_row = table.rows[-1]._tr
                self._tail.append((block, [p for p in _oxml.elements(last_row, "w:p") if isinstance(p, CT_P)]))
            else:
                drawn = [p._p for p in self._paragraph_block(block)]
                if self._break_pending:
                    _oxml.page_break_before(drawn[0])
                    self._break_pending = False
                self._tail.append((block, drawn))

    def _paragraph_block(self, block: Block) -> list[Paragraph]:
        """Draw a paragraph-level block in the body; the paragraphs drawn, in order."""
        if isinstance(block, Para):
            return [self._paragraphs.para(self._word, block)]
        if isinstance(block, Rule):
            return [self._paragraphs.rule(self._word, block, self._paragraphs.text_width_pt)]
        if isinstance(block, Spacer):
            return [self._paragraphs.spacer(self._word, block)]
        if isinstance(block, Image):
            return self._paragraphs.image(self._word, block)
        if isinstance(block, (Placed, PlacedLine)):  # -- fixed-position pages: PDF only --
            from umt_reports.errors import RenderError

            raise RenderError.of("commendation.placed_unsupported", None, format="DOCX")
        raise TypeError(f"cannot draw {type(block).__name__} in a DOCX body")

    def _table(self, block: HeaderBlock | Table | SignatureBlock) -> WordTable:
        """Draw a table-shaped block after taking a pending page break and parting it from a table above."""
        if isinstance(block, SignatureBlock):
            self._keep_tail_with_next()
        if self._break_pending:
            self._paragraphs.page_break(self._word)
            self._break_pending = False
        elif _is(self._last_body_element(), "w:tbl"):
            # -- adjacent tables would merge into one in Word and LibreOffice --
            separator = self._paragraphs.hairline(self._word)
            if isinstance(block, SignatureBlock):
                _oxml.keep_with_next(separator._p)
        if isinstance(block, HeaderBlock):
            return self._tables.header(block)
        if isinstance(block, Table):
            return self._tables.data(block)
        return self._tables.signature(block)

    def _keep_tail_with_next(self) -> None:
        """Keep the last body block (and the spacers after it) on the page of what follows."""
        for block, paragraphs in reversed(self._tail):
            for p in paragraphs:
                _oxml.keep_with_next(p)
            if not isinstance(block, Spacer):
                break

    # -- sections ---------------------------------------------------------------------

    def _setup_section(self, section: Section, *, restart: bool) -> None:
        """Paper, margins, header distance; the page-number header with an empty first page."""
        spec = self._doc.page_spec
        section.orientation = WD_ORIENT.LANDSCAPE if spec.width_mm > spec.height_mm else WD_ORIENT.PORTRAIT
        section.page_width = Mm(spec.width_mm)
        section.page_height = Mm(spec.height_mm)
        section.top_margin = Mm(spec.top_mm)
        section.bottom_margin = Mm(spec.bottom_mm)
        section.left_margin = Mm(spec.left_mm)
        section.right_margin = Mm(spec.right_mm)
        section.header_distance = Mm(spec.header_mm)
        section.gutter = Mm(0)
        if restart:
            _oxml.set_page_number_start(section._sectPr, 1)
        if not self._doc.page_numbers:
            return
        section.different_first_page_header_footer = True
        style = self._styles.paragraph(PAGE_NUMBER_ROLE)
        header = section.header
        header.is_linked_to_previous = False
        header.paragraphs[0]._p.style = style.style_id
        _oxml.add_page_field(header.paragraphs[0]._p, self._styles.font_name, LANG)
        first = section.first_page_header
        first.is_linked_to_previous = False
        first.paragraphs[0]._p.style = style.style_id

    def _new_section(self) -> None:
        """End the current section on the last paragraph (or a hairline) and start a new page, numbered from 1."""
        self._break_pending = False
        last = self._last_body_element()
        if isinstance(last, CT_P) and not _oxml.ends_section(last):
            carrier = last
        else:
            carrier = self._paragraphs.hairline(self._word)._p
        body = self._word.element.body
        _oxml.break_section_at(carrier, body.get_or_add_sectPr())
        section = self._word.sections[-1]
        section.start_type = WD_SECTION.NEW_PAGE
        self._setup_section(section, restart=True)
        self._tail = []

    def _last_body_element(self) -> etree._Element | None:
        """The last paragraph or table of the body (the body's own ``w:sectPr`` skipped)."""
        for element in reversed(self._word.element.body):
            if not _is(element, "w:sectPr"):
                return element
        return None


def _is(element: etree._Element | None, tag: str) -> bool:
    """True if ``element`` exists and is a ``tag`` element."""
    return element is not None and _oxml.is_element(element, tag)
