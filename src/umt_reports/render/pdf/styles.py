"""Preset roles as reportlab paragraph styles, and runs as reportlab paragraph markup.

In: a role's :class:`~umt_reports.style.TextStyle` and the resolved body font; the
runs of a paragraph. Out: a cached ``ParagraphStyle`` and a markup string whose text
is NFC-normalised and escaped (data such as ``<script>`` or ``A & B`` prints as is).

The few layout factors that are facts of the font or of Word rather than choices of
the official style live here, named, and nowhere else in the PDF renderer.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from umt_reports.documents.document import Run
from umt_reports.render.fonts import FontFamily, face_name
from umt_reports.render.measure import PT_PER_MM
from umt_reports.style import SINGLE_LINE_EM, TextStyle

__all__ = ["SINGLE_LINE", "markup", "nfc", "paragraph_style"]


def _escape(text: str) -> str:
    """``text`` with ``&``, ``<`` and ``>`` as entities (not ``xml.sax.saxutils``, which imports
    urllib and http: about 30 ms of every process that draws a PDF)."""
    return html.escape(text, quote=False)


#: Height of one single-spaced line, in ems (the preset module's named value).
SINGLE_LINE: Final = SINGLE_LINE_EM

_ALIGN: Final = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}

# -- a space after a space (or at the start) would be collapsed by reportlab; Word keeps it --
_KEPT_SPACE = re.compile(r"(?:(?<= )|^) ", re.MULTILINE)


def nfc(text: str) -> str:
    """``text`` in Unicode NFC (reportlab does no shaping, so composed letters are required)."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=512)
def paragraph_style(role: str, style: TextStyle, family: FontFamily) -> ParagraphStyle:
    """The reportlab style of ``role`` (cached per role, style values and font family)."""
    return ParagraphStyle(
        name=role,
        fontName=face_name(family, style.bold, style.italic),
        fontSize=style.size,
        leading=style.size * SINGLE_LINE * style.line_spacing,
        alignment=_ALIGN[style.align],
        firstLineIndent=style.first_indent_mm * PT_PER_MM,
        spaceBefore=style.space_before_pt,
        spaceAfter=style.space_after_pt,
        keepWithNext=int(style.keep_with_next),
        # -- no lone first or last line of a paragraph at a page edge: LibreOffice applies
        # -- this widow/orphan control to our DOCX files too, so both paginate alike --
        allowWidows=0,
        allowOrphans=0,
    )


def _text_markup(text: str) -> str:
    """Escaped text; repeated spaces kept as no-break spaces, newlines as line breaks."""
    kept = _KEPT_SPACE.sub("\u00a0", nfc(text))
    return "<br/>".join(_escape(line) for line in kept.split("\n"))


def markup(runs: Iterable[Run], style: TextStyle, family: FontFamily) -> str:
    """Paragraph markup for ``runs`` drawn in a paragraph of ``style``.

    A run that adds bold or italic to the role gets ``<b>``/``<i>``; a run that takes
    them away names its face; an underlined run (by role or by override) gets ``<u>``.
    """
    parts: list[str] = []
    for run in runs:
        text = _text_markup(run.text)
        if not text:
            continue
        bold = style.bold if run.bold is None else run.bold
        italic = style.italic if run.italic is None else run.italic
        underline = style.underline if run.underline is None else run.underline
        if (bold < style.bold) or (italic < style.italic):
            text = f'<font face="{face_name(family, bold, italic)}">{text}</font>'
        else:
            if bold and not style.bold:
                text = f"<b>{text}</b>"
            if italic and not style.italic:
                text = f"<i>{text}</i>"
        if underline:
            text = f"<u>{text}</u>"
        parts.append(text)
    return "".join(parts)
