"""The ``Document``: what every renderer draws, and all it is told.

A document is a list of blocks whose texts are final (numbers formatted, case rules
applied, wording rendered). Each paragraph names a *role* of the style preset; the
renderers (DOCX, PDF, HTML) look the role up and draw — they never decide wording,
formatting of numbers or dates, or which parts exist. That is how the three formats
cannot drift apart.

``Document.outline()`` gives a plain nested-tuple view for tests (golden outlines).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from umt_reports.style import PageSpec, Preset, RuleSpec

__all__ = [
    "Annex",
    "Block",
    "Cell",
    "Column",
    "DocMeta",
    "Document",
    "HeaderBlock",
    "Image",
    "PageBreak",
    "Para",
    "Placed",
    "PlacedLine",
    "Rule",
    "Run",
    "SignatureBlock",
    "Spacer",
    "Table",
]


@dataclass(frozen=True)
class Run:
    """A piece of text; ``None`` flags inherit from the paragraph's role."""

    text: str
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None


@dataclass(frozen=True)
class Para:
    """A paragraph of one role, made of runs."""

    role: str
    runs: tuple[Run, ...]
    #: Keep this paragraph on the same page as the next block.
    keep_with_next: bool = False

    @classmethod
    def of(cls, role: str, text: str, **kw: bool) -> Para:
        return cls(role, (Run(text),), **kw)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Rule:
    """A short mark centred under the paragraph above it (line, ``*`` or ``-----``).

    ``over`` is the text the mark is measured against and ``role`` that text's role.
    """

    spec: RuleSpec
    over: str
    role: str


@dataclass(frozen=True)
class Spacer:
    """Vertical space in points."""

    height_pt: float


@dataclass(frozen=True)
class HeaderBlock:
    """The two-column official header of page 1 (borderless).

    ``rows`` pairs the left cell (issuing body, then number) with the right cell
    (national or Party title, then place-date line); each cell is a list of blocks.
    Column widths come from the preset.
    """

    rows: tuple[tuple[tuple[Block, ...], tuple[Block, ...]], ...]


@dataclass(frozen=True)
class Column:
    """A table column: its header text, width as a fraction of the text width, cell role."""

    header: str
    width: float
    role: str = "table.cell"


@dataclass(frozen=True)
class Cell:
    """A table cell; ``span`` > 1 merges it with the cells to its right (group rows)."""

    text: str
    role: str | None = None
    span: int = 1


@dataclass(frozen=True)
class Table:
    """A grid with a header row that repeats on every page."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    role: str = "table"


@dataclass(frozen=True)
class SignatureBlock:
    """The closing block: recipients on the left, the signer on the right.

    ``right`` holds the authority lines, then a :class:`Spacer` for the signature,
    then the name. Renderers keep it together and with the last body paragraph.
    """

    left: tuple[Para, ...]
    right: tuple[Para | Spacer, ...]


@dataclass(frozen=True)
class Image:
    """A picture scaled to ``width`` (fraction of the text width), with its caption."""

    data: bytes
    width_px: int
    height_px: int
    width: float = 1.0
    caption: Para | None = None
    alt: str = ""


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


@dataclass(frozen=True)
class Placed:
    """Text at a fixed place of the page, outside the flow (Giấy khen, pre-printed forms).

    ``x_mm`` from the paper's left edge to the end of the text named by ``align`` (left
    end, centre, right end); ``y_mm`` from the paper's top edge to the baseline of the
    first line. ``"\n"`` starts a new line; ``width_mm`` wraps longer lines; ``size_pt``
    overrides the role's size; ``underline`` draws a line under the last line, that
    fraction of its width. It takes no room in the flow: a page of placed blocks is
    ended by a :class:`PageBreak`.
    """

    x_mm: float
    y_mm: float
    text: str
    role: str
    align: str = "left"
    width_mm: float | None = None
    size_pt: float | None = None
    underline: float = 0.0
    #: Consecutive placed texts of one ``group`` are set as a column: each moves down as
    #: far as those above it grew past one line, and when the last would end below
    #: ``bottom_mm`` (or a line is wider than ``width_mm``) they all shrink together, down to
    #: ``min_scale`` of their sizes; the renderer refuses a column that still does not fit.
    group: str = ""
    bottom_mm: float | None = None
    min_scale: float = 1.0


@dataclass(frozen=True)
class PlacedLine:
    """A straight line at a fixed place of the page (frames, ruler ticks), from
    (``x1_mm``, ``y1_mm``) to (``x2_mm``, ``y2_mm``), measured from the paper's top-left
    corner; the role names its stroke width and colour."""

    x1_mm: float
    y1_mm: float
    x2_mm: float
    y2_mm: float
    role: str


Block = Para | Rule | Spacer | HeaderBlock | Table | SignatureBlock | Image | PageBreak | Placed | PlacedLine


@dataclass(frozen=True)
class Annex:
    """An appendix (``DANH SÁCH …``): starts on a new page, numbered on its own."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class DocMeta:
    """Facts about the document for file names, PDF metadata, the manifest and the archive."""

    kind: str
    #: Tên loại: ``Báo cáo``.
    type_name: str
    #: ``BC``.
    type_code: str
    #: Trích yếu, as printed.
    subject: str
    #: Số và ký hiệu without the ``Số`` word: ``25/BC-UBND``; ``None`` when the number is blank.
    code: str | None
    number: int | None
    date: dt.date | None
    issuer: str
    issuer_symbol: str
    signer_name: str | None = None
    signer_title: str | None = None
    language: str = "vi"
    keywords: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """Tên loại and trích yếu, without saying a word twice: a subject that already opens
        with the type name (``Giấy khen tặng …``) is the title alone, never ``Giấy khen Giấy khen …``."""
        subject = self.subject.strip()
        if subject.casefold().split()[: len(self.type_name.split())] == self.type_name.casefold().split():
            return subject
        return f"{self.type_name} {subject}".strip()


@dataclass(frozen=True)
class Document:
    """A complete official document, ready for any renderer."""

    meta: DocMeta
    preset: Preset
    blocks: tuple[Block, ...]
    annexes: tuple[Annex, ...] = ()
    page: PageSpec | None = None
    #: Page numbers in the top margin from page 2 on (never on page 1).
    page_numbers: bool = True
    #: Extra notes for renderers that cannot be derived (e.g. ``"html.lead"``).
    flags: frozenset[str] = field(default_factory=frozenset)

    @property
    def page_spec(self) -> PageSpec:
        return self.page or self.preset.page

    def walk(self) -> Iterator[Block]:
        """Every block, header and signature cells included, in reading order."""
        for group in (self.blocks, *(a.blocks for a in self.annexes)):
            yield from _walk(group)

    def text(self) -> str:
        """The plain text of the document in reading order, one paragraph per line."""
        lines: list[str] = []
        for block in self.walk():
            if isinstance(block, Para):
                lines.append(block.text)
            elif isinstance(block, Table):
                lines.extend(c.header for c in block.columns)
                lines.extend(cell.text for row in block.rows for cell in row)
        return "\n".join(lines)

    def outline(self) -> tuple[Any, ...]:
        """A nested-tuple view for tests: ``(kind, (block…), (annex…))``."""
        return (
            self.meta.kind,
            tuple(_outline(b) for b in self.blocks),
            tuple(tuple(_outline(b) for b in a.blocks) for a in self.annexes),
        )


def _walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    for block in blocks:
        if isinstance(block, HeaderBlock):
            for left, right in block.rows:
                yield from _walk(left)
                yield from _walk(right)
        elif isinstance(block, SignatureBlock):
            yield from _walk(block.left)
            yield from _walk(tuple(block.right))
        elif isinstance(block, Image):
            yield block
            if block.caption:
                yield block.caption
        else:
            yield block


def _outline(block: Block) -> tuple[Any, ...]:
    if isinstance(block, Para):
        return ("p", block.role, block.text)
    if isinstance(block, Rule):
        return ("rule", block.spec.kind)
    if isinstance(block, Spacer):
        return ("space",)
    if isinstance(block, PageBreak):
        return ("page-break",)
    if isinstance(block, HeaderBlock):
        return (
            "header",
            tuple((tuple(_outline(b) for b in left), tuple(_outline(b) for b in right)) for left, right in block.rows),
        )
    if isinstance(block, Table):
        return (
            "table",
            tuple(c.header for c in block.columns),
            tuple(tuple(c.text for c in row) for row in block.rows),
        )
    if isinstance(block, SignatureBlock):
        return ("signature", tuple(_outline(b) for b in block.left), tuple(_outline(b) for b in block.right))
    if isinstance(block, Image):
        return ("image", block.caption.text if block.caption else "")
    if isinstance(block, Placed):
        return ("placed", block.role, block.text)
    if isinstance(block, PlacedLine):
        return ("line", block.role)
    raise TypeError(block)
