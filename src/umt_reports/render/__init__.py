"""Renderers: draw a :class:`~umt_reports.documents.Document` as DOCX, PDF/A or HTML.

In: a Document (final texts, roles, blocks). Out: :class:`Rendered` bytes. Renderers
know layout and file formats, never meeting semantics: they look roles up in the
document's style preset and draw what they are given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from umt_reports.render.formats import FORMATS, FRAGMENT_SUFFIX, Format, get_format
from umt_reports.render.output import Rendered, RenderOptions

if TYPE_CHECKING:
    from umt_reports.documents.document import Document

__all__ = ["FORMATS", "FRAGMENT_SUFFIX", "Format", "RenderOptions", "Rendered", "get_format", "render"]


def render(doc: Document, fmt: str, options: RenderOptions | None = None) -> Rendered:
    """Draw ``doc`` in format ``fmt`` (``docx``, ``pdf``, ``html`` or ``html-fragment``)."""
    return FORMATS[fmt].render(doc, options or RenderOptions())
