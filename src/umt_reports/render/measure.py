"""Text measurement shared by the renderers (short rules are sized against their text).

Widths come from the TrueType metrics of the resolved body font (Times New Roman or
its metric twin Liberation Serif), so DOCX and PDF size their marks alike.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from umt_reports.render.fonts import FontFamily, face_name
from umt_reports.style import TextStyle

__all__ = ["PT_PER_MM", "text_width_pt"]

PT_PER_MM = 72 / 25.4


def text_width_pt(text: str, style: TextStyle, family: FontFamily) -> float:
    """Width of ``text`` set in ``style`` with ``family``, in points."""
    width: float = stringWidth(text, face_name(family, style.bold, style.italic), style.size)
    return width
