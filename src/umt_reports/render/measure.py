"""Text measurement shared by the renderers (short rules are sized against their text).

Widths come from the TrueType metrics of the resolved body font (Times New Roman or
its metric twin Liberation Serif), so DOCX and PDF size their marks alike.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from umt_reports.render.fonts import FontFamily, face_name
from umt_reports.style import TextStyle

__all__ = ["PT_PER_MM", "fitted_size", "text_width_pt"]

PT_PER_MM = 72 / 25.4


def text_width_pt(text: str, style: TextStyle, family: FontFamily) -> float:
    """Width of ``text`` set in ``style`` with ``family``, in points."""
    width: float = stringWidth(text, face_name(family, style.bold, style.italic), style.size)
    return width


def fitted_size(text: str, style: TextStyle, family: FontFamily, width_pt: float) -> float:
    """The size to set ``text`` at in a column ``width_pt`` wide: the style's own size when the
    text fits one line, else its ``fit_size`` (it may still wrap there), else its own size."""
    if style.fit_size is None or text_width_pt(text, style, family) <= width_pt:
        return style.size
    return min(style.size, style.fit_size)
