"""The types of style data: a text style, a rule line, a page, a preset of roles."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Literal

from umt_reports import vn

__all__ = ["SINGLE_LINE_EM", "Align", "ESignatureStyle", "PageSpec", "Preset", "RuleSpec", "TextStyle"]

Align = Literal["left", "center", "right", "justify"]

#: Height of one "single" line in a word processor, in ems of the font size: Times New Roman
#: (and its metric twin Liberation Serif) set single spacing at about 1.15 × size. Renderers
#: that count in ems or points (PDF leading, CSS line-height) multiply ``line_spacing`` by it.
SINGLE_LINE_EM = 1.15


@dataclass(frozen=True)
class TextStyle:
    """How one role's paragraphs look. Sizes in points, lengths in millimetres."""

    size: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    #: Text of this role is printed in capitals (applied by documents, not renderers).
    upper: bool = False
    align: Align = "justify"
    first_indent_mm: float = 0.0
    space_before_pt: float = 0.0
    space_after_pt: float = 0.0
    #: Line spacing as a multiple of single spacing.
    line_spacing: float = 1.0
    keep_with_next: bool = False
    #: A line wider than its column is first set at this size (header names, ND30 12–13 pt),
    #: and wraps only when it is still too wide; ``None``: wrap at once.
    fit_size: float | None = None


@dataclass(frozen=True)
class RuleSpec:
    """A short mark under a header text: a solid line or a star.

    ``width`` is a fraction of the width of the text above (1.0 = as long as the text),
    or of the available width when the text wraps onto several lines;
    ``kind`` ``star`` prints ``*`` centred (Party headers) and ``dashes`` prints ``-----``.
    """

    kind: Literal["line", "star", "dashes"] = "line"
    width: float = 1.0
    thickness_pt: float = 0.75
    #: Extra space between the text line above and the line, so it never touches descenders.
    gap_pt: float = 2.5

    @property
    def mark(self) -> str | None:
        """The text a non-line mark prints (``*``, ``-----``); ``None`` for a drawn line."""
        return _MARKS.get(self.kind)


#: What the non-line rule kinds print.
_MARKS: Mapping[str, str] = MappingProxyType({"star": "*", "dashes": "-----"})


@dataclass(frozen=True)
class PageSpec:
    """Paper and margins in millimetres."""

    width_mm: float = 210.0
    height_mm: float = 297.0
    top_mm: float = 20.0
    bottom_mm: float = 20.0
    left_mm: float = 30.0
    right_mm: float = 15.0
    #: Distance from the paper's top edge to the page number's baseline area.
    header_mm: float = 10.0

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm

    def landscape(self) -> PageSpec:
        return replace(self, width_mm=self.height_mm, height_mm=self.width_mm)


@dataclass(frozen=True)
class Preset:
    """A complete official style: geometry, role styles and the texts the rules fix."""

    name: str
    #: Human name of the rule this preset follows.
    rule: str
    font_name: str
    page: PageSpec
    roles: Mapping[str, TextStyle]
    #: Widths of the two header columns, in mm (left: issuing body, right: national/Party title).
    header_columns_mm: tuple[float, float]
    #: Right-hand header lines: Quốc hiệu + Tiêu ngữ, or ĐẢNG CỘNG SẢN VIỆT NAM.
    nation_lines: tuple[tuple[str, str], ...]
    #: Mark under the national/Party title and under the issuing-body name.
    nation_rule: RuleSpec
    org_rule: RuleSpec
    #: Mark under the trích yếu of a document with a type name.
    subject_rule: RuleSpec
    #: Số và ký hiệu: ``{number}``, ``{type}``, ``{symbol}`` placeholders (``25/BC-UBND``);
    #: ``code_blank`` keeps a slot for the clerk; ``number_pattern`` adds the ``Số`` word.
    code_pattern: str
    code_blank: str
    number_pattern: str
    #: Printed signing prefixes by :class:`~umt_reports.model.SigningMode` value.
    signing_prefixes: Mapping[str, str]
    #: Mark closing the body of the document (``./.`` for state documents).
    closing_mark: str
    recipients_label: str
    #: ``- Lưu: VT, VP.`` — ``{codes}`` are the filing codes joined with ", ".
    filing_pattern: str
    #: First letter of the trích yếu in lower case (Party rule).
    subject_lower_first: bool
    #: Blank lines kept for the handwritten signature and seal, in points.
    signature_space_pt: float = 60.0
    #: Width of the signature column (right) as a fraction of the text width.
    signature_column: float = 0.5
    #: Table cell padding in points.
    cell_padding_pt: float = 3.0
    #: Width of table grid lines in points.
    grid_pt: float = 0.5

    def style(self, role: str) -> TextStyle:
        """The style of ``role``; a dotted role falls back to its parent (``table.cell.num`` → ``table.cell``)."""
        name = role
        while name:
            found = self.roles.get(name)
            if found is not None:
                return found
            name = name.rpartition(".")[0]
        raise KeyError(f"no style for role {role!r} in preset {self.name!r}")

    def text(self, role: str, text: str) -> str:
        """``text`` with the case rule of ``role`` applied (documents call this)."""
        return vn.upper(text) if self.style(role).upper else text

    def code(self, number: int | None, doc_type: str, symbol: str) -> str:
        """Số và ký hiệu: ``25/BC-UBND`` (state), ``25-BC/BDVHU`` (Party); numbers below 10 get a 0."""
        if number is None:
            return self.code_blank.format(type=doc_type, symbol=symbol)
        return self.code_pattern.format(number=f"{number:02d}", type=doc_type, symbol=symbol)

    def number(self, number: int | None, doc_type: str, symbol: str) -> str:
        """The number line: ``Số: 25/BC-UBND``, ``Số 25-BC/BDVHU``, or ``Số:      /BC-UBND``."""
        return self.number_pattern.format(code=self.code(number, doc_type, symbol))

    def prefix(self, mode: str) -> str:
        return self.signing_prefixes[mode]


# -- electronic signatures (ND30 Phụ lục I, part II; spec §3.1) ------------------------


@dataclass(frozen=True)
class ESignatureStyle:
    """How electronic signatures look on the page.

    The signer's image (blue) is centred between title and name; the office's seal (red,
    real size) lies over about the left third of it; text appearances (an attachment's
    number and signing time, or a signature without an image) are Times New Roman 10,
    upright, black.
    """

    #: Size of the text drawn in a signature appearance, points.
    text_size_pt: float = 10.0
    #: Line height of that text, as a multiple of its size.
    text_leading: float = 1.2
    #: Seal diameter when the office gives none (a round seal of 36 mm is the usual size).
    seal_mm: float = 36.0
    #: Fraction of the signer's image the seal covers, from its left edge.
    seal_overlap: float = 1 / 3
    #: Padding around a text appearance, points.
    text_padding_pt: float = 2.0
