"""Official document styles as named data: Nghị định 30/2020 (state) and HD 36-HD/VPTW (Party).

This is the one place where format numbers live. A :class:`Preset` maps *roles*
(``header.org``, ``title.kind``, ``signature.name`` …) to :class:`TextStyle` values,
and carries the page geometry and the few texts the rules fix (Quốc hiệu, number
pattern, signing prefixes). Documents pick roles and apply the case rules through
:meth:`Preset.text`; renderers look roles up and draw. Nothing else holds a size,
a margin, a font name or a prefix.

Sources: ``../shared/spec/official-format.md`` §1 (ND30 Phụ lục I) and §2 (Party).
Where the rule gives a range, the preset takes one value inside it; ``RANGES``
records the ranges so tests can check the choice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Literal, Mapping

from umt_reports import vn

__all__ = [
    "CALIBRATION_CROSS_MM",
    "CALIBRATION_TICK_MM",
    "CERTIFICATE",
    "CERTIFICATE_FRAME",
    "CERTIFICATE_LAYOUT",
    "CERTIFICATE_PAGE",
    "CERTIFICATE_ROLES",
    "LINE_ROLES",
    "PRESETS",
    "RANGES",
    "ROLE_COLORS",
    "PageSpec",
    "PlacedField",
    "Preset",
    "RuleSpec",
    "TextStyle",
    "preset_for",
]

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

    def landscape(self) -> "PageSpec":
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


# -- ranges allowed by the rules, for the record and for tests -------------------------
RANGES: Mapping[str, Mapping[str, tuple[float, float]]] = MappingProxyType(
    {
        "nd30": {
            "top_mm": (20, 25),
            "bottom_mm": (20, 25),
            "left_mm": (30, 35),
            "right_mm": (15, 20),
            "body": (13, 14),
            "header.nation": (12, 13),
            "header.motto": (13, 14),
            "header.parent": (12, 13),
            "header.org": (12, 13),
            "number": (13, 13),
            "date_line": (13, 14),
            "title.kind": (13, 14),
            "title.subject": (13, 14),
            "page_number": (13, 14),
            "recipients.label": (12, 12),
            "recipients.item": (11, 11),
        },
        "hd36": {
            "top_mm": (20, 20),
            "bottom_mm": (20, 20),
            "left_mm": (30, 30),
            "right_mm": (15, 15),
            "body": (14, 15),
            "header.nation": (15, 15),
            "header.parent": (14, 14),
            "header.org": (14, 14),
            "number": (14, 14),
            "date_line": (14, 14),
            "title.kind": (15, 16),
            "title.subject": (14, 15),
            "page_number": (14, 14),
            "recipients.label": (14, 14),
            "recipients.item": (12, 12),
        },
    }
)

_FONT = "Times New Roman"
_INDENT = 12.7  # 1,27 cm first-line indent
_GAP = 6.0  # at least 6 pt between paragraphs


def _roles(body: float, **overrides: TextStyle) -> Mapping[str, TextStyle]:
    """Roles shared by both presets at body size ``body``, then the preset's own."""
    center = dict(align="center", space_after_pt=0.0)
    roles: dict[str, TextStyle] = {
        "body": TextStyle(body, first_indent_mm=_INDENT, space_after_pt=_GAP, line_spacing=1.15),
        "body.lead": TextStyle(body, first_indent_mm=_INDENT, space_after_pt=_GAP, line_spacing=1.15),
        "heading.1": TextStyle(body, bold=True, upper=True, first_indent_mm=_INDENT, space_before_pt=_GAP,
                               space_after_pt=_GAP, keep_with_next=True),
        "heading.2": TextStyle(body, bold=True, first_indent_mm=_INDENT, space_after_pt=_GAP, keep_with_next=True),
        "heading.3": TextStyle(body, bold=True, italic=True, first_indent_mm=_INDENT, space_after_pt=_GAP,
                               keep_with_next=True),
        "point": TextStyle(body, first_indent_mm=_INDENT, space_after_pt=_GAP, line_spacing=1.15),
        "article": TextStyle(body, first_indent_mm=_INDENT, space_after_pt=_GAP, line_spacing=1.15),
        "grounds": TextStyle(body, italic=True, first_indent_mm=_INDENT, space_after_pt=_GAP / 2),
        "table.header": TextStyle(body - 1, bold=True, **center),
        "table.cell": TextStyle(body - 1, align="left"),
        "table.cell.center": TextStyle(body - 1, align="center"),
        "table.cell.right": TextStyle(body - 1, align="right"),
        "table.group": TextStyle(body - 1, bold=True, align="left"),
        "signature.authority": TextStyle(body, bold=True, upper=True, **center),
        "signature.title": TextStyle(body, bold=True, upper=True, **center),
        "signature.name": TextStyle(body, bold=True, **center),
        "signature.space": TextStyle(body, **center),
        "annex.label": TextStyle(body, bold=True, upper=True, **center),
        "annex.title": TextStyle(body, bold=True, **center),
        "annex.ref": TextStyle(body, italic=True, align="center", space_after_pt=_GAP * 2),
        "caption": TextStyle(body - 1, italic=True, align="center", space_after_pt=_GAP),
        "page_number": TextStyle(body, align="center"),
        "decision.authority": TextStyle(body, bold=True, upper=True, align="center", space_before_pt=_GAP,
                                        space_after_pt=_GAP),
        "decision.verb": TextStyle(body, bold=True, upper=True, align="center", space_before_pt=_GAP,
                                   space_after_pt=_GAP),
    }
    roles.update(overrides)
    return MappingProxyType(roles)


ND30 = Preset(
    name="nd30",
    rule="Nghị định 30/2020/NĐ-CP",
    font_name=_FONT,
    page=PageSpec(top_mm=20, bottom_mm=20, left_mm=30, right_mm=15),
    header_columns_mm=(72.0, 93.0),
    nation_lines=(
        ("header.nation", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("header.motto", "Độc lập - Tự do - Hạnh phúc"),
    ),
    nation_rule=RuleSpec("line", width=1.0),
    org_rule=RuleSpec("line", width=0.4),
    subject_rule=RuleSpec("line", width=0.4),
    code_pattern="{number}/{type}-{symbol}",
    code_blank="     /{type}-{symbol}",
    number_pattern="Số: {code}",
    signing_prefixes=MappingProxyType({"TM": "TM.", "KT": "KT.", "TL": "TL.", "TUQ": "TUQ.", "Q": "Q."}),
    closing_mark="./.",
    recipients_label="Nơi nhận:",
    filing_pattern="- Lưu: {codes}.",
    subject_lower_first=False,
    roles=_roles(
        14,
        **{
            "header.nation": TextStyle(12, bold=True, upper=True, align="center"),
            "header.motto": TextStyle(13, bold=True, align="center"),
            "header.parent": TextStyle(13, upper=True, align="center"),
            "header.org": TextStyle(13, bold=True, upper=True, align="center"),
            "number": TextStyle(13, align="center", space_before_pt=4),
            "date_line": TextStyle(14, italic=True, align="center", space_before_pt=4),
            "title.kind": TextStyle(14, bold=True, upper=True, align="center", space_before_pt=18),
            "title.subject": TextStyle(14, bold=True, align="center"),
            "recipients.label": TextStyle(12, bold=True, italic=True, align="left"),
            "recipients.item": TextStyle(11, align="left"),
            "signature.prefix": TextStyle(14, bold=True, upper=True, align="center"),
        },
    ),
)

HD36 = Preset(
    name="hd36",
    rule="Hướng dẫn 36-HD/VPTW",
    font_name=_FONT,
    page=PageSpec(top_mm=20, bottom_mm=20, left_mm=30, right_mm=15),
    header_columns_mm=(75.0, 90.0),
    nation_lines=(("header.nation", "ĐẢNG CỘNG SẢN VIỆT NAM"),),
    nation_rule=RuleSpec("line", width=1.0),
    org_rule=RuleSpec("star"),
    subject_rule=RuleSpec("dashes"),
    code_pattern="{number}-{type}/{symbol}",
    code_blank="     -{type}/{symbol}",
    number_pattern="Số {code}",
    signing_prefixes=MappingProxyType({"TM": "T/M", "KT": "K/T", "TL": "T/L", "Q": "Q."}),
    closing_mark="",
    recipients_label="Nơi nhận:",
    filing_pattern="- Lưu {codes}.",
    subject_lower_first=True,
    roles=_roles(
        14,
        **{
            "header.nation": TextStyle(15, bold=True, upper=True, align="center"),
            "header.parent": TextStyle(14, upper=True, align="center"),
            "header.org": TextStyle(14, bold=True, upper=True, align="center"),
            "number": TextStyle(14, align="center", space_before_pt=4),
            "date_line": TextStyle(14, italic=True, align="center", space_before_pt=4),
            "title.kind": TextStyle(16, bold=True, upper=True, align="center", space_before_pt=18),
            "title.subject": TextStyle(14, bold=True, align="center"),
            "recipients.label": TextStyle(14, underline=True, align="left"),
            "recipients.item": TextStyle(12, align="left"),
            # -- Party: quyền hạn bold, chức vụ NOT bold, name bold --
            "signature.title": TextStyle(14, upper=True, align="center"),
        },
    ),
)

#: The portal's news item (tin bài): not an administrative document, so no header block and
#: no signature; ND30 page geometry and body so the DOCX/PDF print like the office's papers.
PRESS = replace(
    ND30,
    name="press",
    rule="tin bài cổng thông tin",
    roles=MappingProxyType(
        {
            **ND30.roles,
            "press.kicker": TextStyle(12, bold=True, upper=True, align="left", space_after_pt=_GAP),
            "press.headline": TextStyle(18, bold=True, align="left", space_after_pt=_GAP, line_spacing=1.1),
            "press.timestamp": TextStyle(11, italic=True, align="left", space_after_pt=_GAP * 2),
            "press.lead": TextStyle(14, bold=True, space_after_pt=_GAP, line_spacing=1.15),
            "press.byline": TextStyle(14, bold=True, align="right", space_before_pt=_GAP),
            "caption": TextStyle(12, italic=True, align="center", space_after_pt=_GAP * 2),
        }
    ),
)

PRESETS: Mapping[str, Preset] = MappingProxyType({"nd30": ND30, "hd36": HD36, "press": PRESS})


def preset_for(kind: str) -> Preset:
    """The preset of an issuer kind: ``state`` → ND30, ``party`` → HD36."""
    return {"state": ND30, "party": HD36}[kind]



# -- commendation: the Giấy khen page ---------------------------------------------------
# Giấy khen have no rule of format (spec §4: size and layout unconfirmed); the layout below
# follows the traditional order of the printed forms: Quốc hiệu and Tiêu ngữ, the awarding
# authority, "Tặng", GIẤY KHEN, the recipient, their unit, the achievement, then the decision
# bottom left and the place-date line with the signer bottom right, inside a double frame.


@dataclass(frozen=True)
class PlacedField:
    """Where one text of a fixed page goes, in millimetres on :data:`CERTIFICATE_PAGE`.

    ``x_mm`` is measured from the paper's left edge to the end of the text named by
    ``align`` (its left end, centre or right end); ``y_mm`` from the paper's top edge to the
    baseline of the first line. ``width_mm`` wraps longer text; ``underline`` draws a line
    under the last line, that fraction of the text's width (the Tiêu ngữ line).
    """

    x_mm: float
    y_mm: float
    role: str
    align: Literal["left", "center", "right"] = "center"
    width_mm: float | None = None
    underline: float = 0.0


#: Paper of a Giấy khen printed in full: A4 landscape (offices may set another size).
CERTIFICATE_PAGE = PageSpec(top_mm=12, bottom_mm=12, left_mm=12, right_mm=12).landscape()

#: Roles of the texts placed on a Giấy khen and on the calibration page of a form.
CERTIFICATE_ROLES: Mapping[str, TextStyle] = MappingProxyType(
    {
        "certificate.nation": TextStyle(13, bold=True, upper=True, align="center"),
        "certificate.motto": TextStyle(14, bold=True, align="center"),
        "certificate.authority": TextStyle(16, bold=True, upper=True, align="center", line_spacing=1.1),
        "certificate.verb": TextStyle(15, bold=True, upper=True, align="center"),
        "certificate.title": TextStyle(40, bold=True, upper=True, align="center"),
        "certificate.recipient": TextStyle(22, bold=True, align="center"),
        "certificate.unit": TextStyle(15, italic=True, align="center", line_spacing=1.1),
        "certificate.achievement": TextStyle(15, align="center", line_spacing=1.2),
        "certificate.decision": TextStyle(13, italic=True, align="center"),
        "certificate.date_line": TextStyle(14, italic=True, align="center"),
        "certificate.signer_title": TextStyle(14, bold=True, upper=True, align="center"),
        "certificate.signer_name": TextStyle(15, bold=True, align="center"),
        "calibration.title": TextStyle(14, bold=True, align="left"),
        "calibration.note": TextStyle(11, align="left", line_spacing=1.15),
        "calibration.label": TextStyle(9, italic=True, align="left"),
        "calibration.scale": TextStyle(7, align="center"),
    }
)

#: The Giấy khen preset: ND30 roles (for anything shared) plus the certificate roles,
#: on a landscape page without page numbers.
CERTIFICATE = replace(
    ND30,
    name="certificate",
    rule="giấy khen (bố cục truyền thống)",
    page=CERTIFICATE_PAGE,
    roles=MappingProxyType({**ND30.roles, **CERTIFICATE_ROLES}),
)

#: Where each text of a full Giấy khen goes on :data:`CERTIFICATE_PAGE` (297 × 210 mm).
#: Another paper size scales the positions with the paper and the sizes with its smaller side.
CERTIFICATE_LAYOUT: Mapping[str, PlacedField] = MappingProxyType(
    {
        "nation": PlacedField(148.5, 27.0, "certificate.nation"),
        "motto": PlacedField(148.5, 33.5, "certificate.motto", underline=1.0),
        "authority": PlacedField(148.5, 51.0, "certificate.authority", width_mm=240.0),
        "verb": PlacedField(148.5, 63.0, "certificate.verb"),
        "title": PlacedField(148.5, 82.0, "certificate.title"),
        "recipient": PlacedField(148.5, 100.0, "certificate.recipient", width_mm=250.0),
        "unit": PlacedField(148.5, 110.0, "certificate.unit", width_mm=250.0),
        "achievement": PlacedField(148.5, 122.0, "certificate.achievement", width_mm=225.0),
        "decision": PlacedField(78.0, 165.0, "certificate.decision", width_mm=110.0),
        "date_line": PlacedField(212.0, 152.0, "certificate.date_line", width_mm=120.0),
        "signer_title": PlacedField(212.0, 159.0, "certificate.signer_title", width_mm=120.0),
        "signer_name": PlacedField(212.0, 189.0, "certificate.signer_name", width_mm=120.0),
    }
)

#: The double frame of a full Giấy khen: (inset from the paper's edge in mm, line role).
CERTIFICATE_FRAME: tuple[tuple[float, str], ...] = ((9.0, "certificate.frame.outer"), (11.5, "certificate.frame.inner"))

#: Stroke widths (points) of the line roles of fixed pages.
LINE_ROLES: Mapping[str, float] = MappingProxyType(
    {
        "certificate.frame.outer": 2.4,
        "certificate.frame.inner": 0.8,
        "certificate.rule": 0.75,
        "calibration.edge": 0.5,
        "calibration.tick": 0.3,
        "calibration.mark": 0.6,
    }
)

#: Ink of roles printed in colour (RGB hex): the awarding authority and GIẤY KHEN are red
#: on the traditional forms; every other role is black.
ROLE_COLORS: Mapping[str, str] = MappingProxyType(
    {
        "certificate.authority": "#C00000",
        "certificate.title": "#C00000",
        "certificate.frame.outer": "#A0141E",
        "certificate.frame.inner": "#A0141E",
        "calibration.mark": "#0050C8",
    }
)

#: Calibration page of a pre-printed form: ruler tick spacing and the length of a field's cross, mm.
CALIBRATION_TICK_MM = 5.0
CALIBRATION_CROSS_MM = 4.0
