"""Preset roles as named Word paragraph styles (``UMT body``, ``UMT header.org`` …).

In: a python-docx document and the document's :class:`~umt_reports.style.Preset`.
Out: one Word style per role actually used, created on first use from
``preset.style(role)``, so a clerk can restyle the document in Word. Every value comes
from the preset; only the Word vocabulary (alignment constants) lives here.
"""

from __future__ import annotations

import copy

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.styles import CT_Style
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle, StyleFactory

from umt_reports.render.docx import _oxml
from umt_reports.style import Align, Preset, TextStyle

__all__ = ["ALIGNMENTS", "LANG", "STYLE_PREFIX", "RoleStyles"]

#: Word language tag of every run and style.
LANG = "vi-VN"
#: Word style names are ``f"{STYLE_PREFIX}{role}"``.
STYLE_PREFIX = "UMT "
#: Preset alignment -> Word paragraph alignment.
ALIGNMENTS: dict[Align, WD_ALIGN_PARAGRAPH] = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
#: The role whose size the Normal style and the document defaults take.
_BASE_ROLE = "body"

# -- finished ``w:style`` elements by (role, style values), copied into later documents:
# -- drawing a style through python-docx's proxies costs more than the rest of a page --
_PROTOTYPES: dict[tuple[str, TextStyle], CT_Style] = {}
_MAX_PROTOTYPES = 1024


class RoleStyles:
    """Creates and caches one Word paragraph style per preset role."""

    def __init__(self, word: WordDocument, preset: Preset) -> None:
        """Set the document defaults and the Normal style from ``preset`` (font, body size, language)."""
        self._word = word
        self._preset = preset
        self._made: dict[str, ParagraphStyle] = {}
        base = preset.style(_BASE_ROLE)
        styles_element = word.styles.element
        _oxml.set_doc_defaults(styles_element, base.size)
        normal = word.styles["Normal"]
        assert isinstance(normal, ParagraphStyle)
        normal.font.size = Pt(base.size)
        self.normal = normal

    @property
    def preset(self) -> Preset:
        """The style preset the roles come from."""
        return self._preset

    @property
    def font_name(self) -> str:
        """The one font of the document."""
        return self._preset.font_name

    def paragraph(self, role: str) -> ParagraphStyle:
        """The Word style of ``role`` (created from the preset on first use)."""
        made = self._made.get(role)
        if made is not None:
            return made
        spec = self._preset.style(role)
        prototype = _PROTOTYPES.get((role, spec))
        if prototype is not None:
            # -- the same XML python-docx wrote before, appended where it appends styles --
            element = copy.deepcopy(prototype)
            self._word.styles.element.append(element)
            style = StyleFactory(element)
            assert isinstance(style, ParagraphStyle)
            self._made[role] = style
            return style
        style = self._draw(role, spec)
        if len(_PROTOTYPES) >= _MAX_PROTOTYPES:
            _PROTOTYPES.clear()
        _PROTOTYPES[(role, spec)] = copy.deepcopy(style.element)
        self._made[role] = style
        return style

    def _draw(self, role: str, spec: TextStyle) -> ParagraphStyle:
        """A new Word style for ``role`` with the values of ``spec``, based on Normal."""
        style = self._word.styles.add_style(STYLE_PREFIX + role, WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(style, ParagraphStyle)
        style.base_style = self.normal
        style.next_paragraph_style = style
        style.quick_style = True
        font = style.font
        font.size = Pt(spec.size)
        font.bold = spec.bold
        font.italic = spec.italic
        font.underline = spec.underline
        fmt = style.paragraph_format
        fmt.alignment = ALIGNMENTS[spec.align]
        fmt.first_line_indent = Mm(spec.first_indent_mm)
        fmt.space_before = Pt(spec.space_before_pt)
        fmt.space_after = Pt(spec.space_after_pt)
        fmt.line_spacing = spec.line_spacing
        fmt.keep_with_next = spec.keep_with_next
        return style

    def finish(self) -> None:
        """Name the preset font in all four slots and Vietnamese on every style and the defaults."""
        _oxml.style_fonts_everywhere(self._word.styles.element, self._preset.font_name, LANG)
