"""The ND30 (state), HD36 (Party) and press presets, and the ranges the rules allow.

Sources: ``../shared/spec/official-format.md`` §1 (ND30 Phụ lục I) and §2 (Party).
Where the rule gives a range, the preset takes one value inside it; ``RANGES``
records the ranges so tests can check the choice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import TypedDict

from umt_reports.style.types import Align, ESignatureStyle, PageSpec, Preset, RuleSpec, TextStyle

__all__ = ["ESIGNATURE", "HD36", "ND30", "PRESETS", "PRESS", "RANGES", "preset_for"]


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


class _Centered(TypedDict):
    align: Align
    space_after_pt: float


def _roles(body: float, **overrides: TextStyle) -> Mapping[str, TextStyle]:
    """Roles shared by both presets at body size ``body``, then the preset's own."""
    center: _Centered = {"align": "center", "space_after_pt": 0.0}
    roles: dict[str, TextStyle] = {
        "body": TextStyle(body, first_indent_mm=_INDENT, space_after_pt=_GAP, line_spacing=1.15),
        "body.lead": TextStyle(body, first_indent_mm=_INDENT, space_after_pt=_GAP, line_spacing=1.15),
        "heading.1": TextStyle(
            body,
            bold=True,
            upper=True,
            first_indent_mm=_INDENT,
            space_before_pt=_GAP,
            space_after_pt=_GAP,
            keep_with_next=True,
        ),
        "heading.2": TextStyle(body, bold=True, first_indent_mm=_INDENT, space_after_pt=_GAP, keep_with_next=True),
        "heading.3": TextStyle(
            body, bold=True, italic=True, first_indent_mm=_INDENT, space_after_pt=_GAP, keep_with_next=True
        ),
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
        "decision.authority": TextStyle(
            body, bold=True, upper=True, align="center", space_before_pt=_GAP, space_after_pt=_GAP
        ),
        "decision.verb": TextStyle(
            body, bold=True, upper=True, align="center", space_before_pt=_GAP, space_after_pt=_GAP
        ),
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
            "header.parent": TextStyle(13, upper=True, align="center", fit_size=12),
            "header.org": TextStyle(13, bold=True, upper=True, align="center", fit_size=12),
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
            "header.parent": TextStyle(14, upper=True, align="center", fit_size=12),
            "header.org": TextStyle(14, bold=True, upper=True, align="center", fit_size=12),
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


#: How electronic signatures look (see :class:`ESignatureStyle`).
ESIGNATURE = ESignatureStyle()
