"""Document blocks as a reportlab platypus story.

In: the blocks of a :class:`~umt_reports.documents.Document`, its preset and the body
font. Out: a list of flowables; every size, indent, spacing, width and padding comes
from the preset, every font from the resolved family. Nothing here decides wording:
texts are drawn as given (NFC, escaped).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Final

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
)
from umt_reports.documents.document import Table as TableBlock
from umt_reports.render.fonts import FontFamily, face_name
from umt_reports.render.measure import PT_PER_MM, fitted_size, text_width_pt
from umt_reports.render.pdf.flowables import (
    CellParagraph,
    CellText,
    KeepBlock,
    NumberingRestart,
    PagedTable,
    Picture,
    RuleLine,
    picture_source,
)
from umt_reports.render.pdf.marks import MarkBook, PlaceMark
from umt_reports.render.pdf.placed import add_placed
from umt_reports.render.pdf.platypus import Flowable, Paragraph, Table, TableStyle
from umt_reports.render.pdf.platypus import PageBreak as RlPageBreak
from umt_reports.render.pdf.platypus import Spacer as RlSpacer
from umt_reports.render.pdf.styles import markup, nfc, paragraph_style
from umt_reports.style import Preset, TextStyle

__all__ = ["StoryBuilder", "document_text"]


#: How far a short line rule hangs below the box of the text it underlines, as a
#: fraction of that text's size. Word and LibreOffice draw the DOCX rule as the bottom
#: border of a 1 pt paragraph under the text; their line box keeps about 0.22 em under
#: the baseline where reportlab keeps 0.15 em, so 0.14 em here puts the line (clear of
#: the descenders) where they put it, and keeps the header as tall as theirs.
_RULE_DROP_EM: Final = 0.14
#: Grid line width of data tables (Word's default single border, 4 eighths of a point).
#: A signature block taller than a page breaks only with this fraction of a page on each side.
_SIGNATURE_SPLIT_AT_LEAST: Final = 1 / 3
#: Role of the header row of data tables.
_HEADER_ROLE: Final = "table.header"
#: Role whose size the tables' default font takes (every cell holds a paragraph anyway).
_CELL_ROLE: Final = "table.cell"


def document_text(doc: Document) -> str:
    """Every character the PDF will draw (NFC), for the glyph check before drawing."""
    parts: list[str] = []
    for block in doc.walk():
        if isinstance(block, Para):
            parts.extend(run.text for run in block.runs)
        elif isinstance(block, TableBlock):
            parts.extend(column.header for column in block.columns)
            parts.extend(cell.text for row in block.rows for cell in row)
        elif isinstance(block, Rule):
            parts.append(block.spec.mark or "")
        elif isinstance(block, Placed):
            parts.append(block.text)
    if doc.page_numbers:
        parts.append("0123456789")
    return nfc("\n".join(parts))


class StoryBuilder:
    """Turns blocks into flowables for one document (one preset, one font, one page width)."""

    def __init__(
        self,
        preset: Preset,
        family: FontFamily,
        text_width_pt: float,
        text_height_pt: float | None = None,
        marks: MarkBook | None = None,
    ) -> None:
        self.preset = preset
        self.family = family
        self.text_width = text_width_pt
        #: Height of the page's text frame: a signature block taller than it may break.
        self.text_height = text_height_pt
        #: Where the signature space is drawn is noted here (see :mod:`.marks`).
        self.marks = marks

    # -- paragraphs ---------------------------------------------------------------------

    def _style(self, role: str) -> TextStyle:
        return self.preset.style(role)

    def paragraph(self, para: Para, kind: type[Paragraph] = Paragraph, size: float | None = None) -> Paragraph:
        """A paragraph of ``para.role`` (at ``size`` when given); an empty one still takes its line, as in Word."""
        style = self._style(para.role)
        if size is not None and size != style.size:
            style = replace(style, size=size)
        text = markup(para.runs, style, self.family) or "\u00a0"
        flowable = kind(text, paragraph_style(para.role, style, self.family))
        if para.keep_with_next:
            flowable.keepWithNext = 1
        return flowable

    def rule(self, rule: Rule) -> Flowable:
        """A line as long as ``spec.width`` × the text above, or a centred ``*`` / ``-----``."""
        style = self._style(rule.role)
        if rule.spec.kind == "line":
            length = text_width_pt(nfc(rule.over), style, self.family)
            return RuleLine(
                length, rule.spec.thickness_pt, style.size * _RULE_DROP_EM + rule.spec.gap_pt, fraction=rule.spec.width
            )
        mark = replace(
            style,
            align="center",
            underline=False,
            first_indent_mm=0.0,
            space_before_pt=0.0,
            space_after_pt=0.0,
            keep_with_next=False,
        )
        text = markup(Para.of(rule.role, rule.spec.mark or "").runs, mark, self.family)
        return Paragraph(text, paragraph_style(rule.role, mark, self.family))

    # -- tables -------------------------------------------------------------------------

    def _borderless(self, data: list[list[object]], widths: Sequence[float]) -> Table:
        """A table without lines or padding whose cells hold flowables (header, signature)."""
        table = Table(data, colWidths=list(widths), hAlign="CENTER")
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), face_name(self.family), self._style(_CELL_ROLE).size),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    def cell(self, blocks: Iterable[Block]) -> list[Flowable]:
        """The flowables of a table cell, keeping the first one's space before and the last
        one's space after (reportlab drops both in cells; Word keeps them): empty spacers
        at the ends turn them into inner spaces, which reportlab adds up."""
        return _padded(self.flowables(blocks))

    def grid_cell(self, role: str, text: str) -> list[Flowable]:
        """A data-table cell: what :meth:`cell` makes of ``Para.of(role, text)``, drawn faster.

        Plain text (single spaces, no underline) becomes a :class:`CellText`, a line drawn
        as the paragraph would draw it; anything else a paragraph that remembers its line
        breaks (the table measures every cell several times at the same width).
        """
        style = self._style(role)
        plain = nfc(text)
        if plain and not style.underline and plain == " ".join(plain.split()):
            para = Para.of(role, text)
            rl_style = paragraph_style(role, style, self.family)
            return _padded([CellText(plain, markup(para.runs, style, self.family), rl_style)])
        return _padded([self.paragraph(Para.of(role, text), CellParagraph)])

    def header(self, block: HeaderBlock) -> Table:
        """The official header: two borderless columns of the preset's widths."""
        widths = [w * PT_PER_MM for w in self.preset.header_columns_mm]
        data: list[list[object]] = [
            [self._fitted_cell(left, widths[0]), self._fitted_cell(right, widths[1])] for left, right in block.rows
        ]
        return self._borderless(data, widths)

    def _fitted_cell(self, blocks: tuple[Block, ...], width: float) -> list[Flowable]:
        """A header cell whose lines drop to their role's ``fit_size`` before they wrap."""
        flowables: list[Flowable] = []
        for block in blocks:
            if isinstance(block, Para):
                size = fitted_size(nfc(block.text), self._style(block.role), self.family, width)
                flowables.append(self.paragraph(block, size=size))
            else:
                flowables.extend(self.flowables([block]))
        return _padded(flowables)

    def signature(self, block: SignatureBlock) -> Table:
        """Recipients left, signer right (``signature_column`` of the text width)."""
        right = self.preset.signature_column * self.text_width
        widths = [self.text_width - right, right]
        table = self._borderless([[self.cell(block.left), self._signer_cell(block.right)]], widths)
        if self.text_height is not None:
            _width, height = table.wrap(self.text_width, self.text_height)
            if height > self.text_height:
                # -- more recipients than a page holds: the block breaks inside its row, with at
                #    least a third of a page on each side, rather than fail the whole document --
                table.splitInRow = self.text_height * _SIGNATURE_SPLIT_AT_LEAST
        return table

    def _signer_cell(self, blocks: Sequence[Block]) -> list[Flowable]:
        """The signer's cell, with marks at the top and bottom of the space left for the
        signature (the :class:`Spacer` between title and name), noted for signing."""
        if self.marks is None:
            return self.cell(blocks)
        content: list[Flowable] = []
        for block in blocks:
            if isinstance(block, Spacer):
                content += [
                    PlaceMark(self.marks, "signer.top"),
                    RlSpacer(0, block.height_pt),
                    PlaceMark(self.marks, "signer.bottom"),
                ]
            else:
                content += self.flowables((block,))
        return _padded(content)

    def table(self, block: TableBlock) -> PagedTable:
        """A gridded table whose header row repeats on every page it spans."""
        ncols = len(block.columns)
        header: list[object] = [self.grid_cell(_HEADER_ROLE, c.header) for c in block.columns]
        rows: list[list[object]] = []
        spans: dict[int, list[tuple[int, int]]] = {}
        roles = {_HEADER_ROLE}
        for r, row in enumerate(block.rows, start=1):
            line: list[object] = []
            for cell in row:
                col = len(line)
                if col >= ncols:
                    raise ValueError(f"table row {r} has more cells than its {ncols} columns")
                role = cell.role or block.columns[col].role
                roles.add(role)
                line.append(self.grid_cell(role, cell.text))
                span = max(1, min(cell.span, ncols - col))
                if span > 1:
                    spans.setdefault(r - 1, []).append((col, col + span - 1))
                    line.extend("" for _ in range(span - 1))
            line.extend("" for _ in range(ncols - len(line)))
            rows.append(line)
        pad = self.preset.cell_padding_pt
        style = [
            ("FONT", (0, 0), (-1, -1), face_name(self.family), self._style(_CELL_ROLE).size),
            ("GRID", (0, 0), (-1, -1), self.preset.grid_pt, "black"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ]
        # -- every row holds at least one line of one of its cells' roles (or an empty filler
        # -- cell's line in the table font), between the paddings --
        lines = [paragraph_style(role, self._style(role), self.family).leading for role in roles]
        lowest = min(*lines, 1.2 * self._style(_CELL_ROLE).size)
        return PagedTable(
            header,
            rows,
            spans,
            [c.width * self.text_width for c in block.columns],
            style,
            min_row_height=lowest + 2 * pad,
            hAlign="CENTER",
            # -- rows never break across pages (the DOCX rows are cantSplit) --
            splitInRow=0,
        )

    # -- pictures -----------------------------------------------------------------------

    def image(self, block: Image) -> Iterator[Flowable]:
        """The picture at ``width`` × the text width (aspect kept), then its caption."""
        width = block.width * self.text_width
        height = width * block.height_px / block.width_px if block.width_px else width
        picture = Picture(picture_source(block.data, block.alt), width, height)
        if block.caption is not None:
            picture.keepWithNext = 1
            yield picture
            yield self.paragraph(block.caption)
        else:
            yield picture

    # -- sequences ----------------------------------------------------------------------

    def flowables(self, blocks: Iterable[Block]) -> list[Flowable]:
        """The flowables of ``blocks`` in order; a signature stays with the paragraph before it."""
        story: list[Flowable] = []
        for block in blocks:
            if isinstance(block, Para):
                story.append(self.paragraph(block))
            elif isinstance(block, Rule):
                story.append(self.rule(block))
            elif isinstance(block, Spacer):
                story.append(RlSpacer(0, block.height_pt))
            elif isinstance(block, HeaderBlock):
                story.append(self.header(block))
            elif isinstance(block, TableBlock):
                story.append(self.table(block))
            elif isinstance(block, SignatureBlock):
                story.append(_with_last_paragraph(story, self.signature(block)))
            elif isinstance(block, Image):
                story.extend(self.image(block))
            elif isinstance(block, PageBreak):
                story.append(RlPageBreak())
            elif isinstance(block, (Placed, PlacedLine)):
                add_placed(story, block, self.preset, self.family)
            else:  # pragma: no cover - the Block union is closed
                raise TypeError(f"cannot draw block {block!r}")
        return story

    def document(self, doc: Document) -> list[Flowable]:
        """The whole story: body blocks, then each annex on a new page, numbered from 1."""
        story = self.flowables(doc.blocks)
        for annex in doc.annexes:
            story.append(RlPageBreak())
            story.append(NumberingRestart())
            story.extend(self.flowables(annex.blocks))
        return story


def _padded(content: list[Flowable]) -> list[Flowable]:
    """``content`` with an empty spacer before a first space-before and after a last space-after."""
    if content and content[0].getSpaceBefore():
        content.insert(0, RlSpacer(0, 0))
    if content and content[-1].getSpaceAfter():
        content.append(RlSpacer(0, 0))
    return content


def _with_last_paragraph(story: list[Flowable], signature: Table) -> Flowable:
    """``signature`` kept together with the last paragraph before it (and any spacers
    between); the paragraph is taken off ``story``. Alone if no paragraph precedes it."""
    start = len(story)
    while start > 0 and isinstance(story[start - 1], RlSpacer):
        start -= 1
    if start > 0 and isinstance(story[start - 1], Paragraph):
        start -= 1
    else:
        start = len(story)
    kept = story[start:]
    del story[start:]
    return KeepBlock([*kept, signature])
