"""Renderers: draw a :class:`~umt_reports.documents.Document` as DOCX, PDF/A or HTML.

In: a Document (final texts, roles, blocks). Out: :class:`Rendered` bytes. Renderers
know layout and file formats, never meeting semantics: they look roles up in the
document's style preset and draw what they are given.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from umt_reports.documents.document import Document

__all__ = ["FORMATS", "RenderOptions", "Rendered", "render"]


@dataclass(frozen=True)
class RenderOptions:
    """Choices a user can make about drawing (not about content)."""

    #: Preferred body font for PDF: a family name or a ``.ttf`` path (default: Times New Roman, …).
    font: str | Path | None = None
    #: HTML: a fragment to paste into the portal's editor instead of a standalone page.
    html_fragment: bool = False


@dataclass(frozen=True)
class Rendered:
    """A drawn document."""

    data: bytes
    suffix: str
    pages: int | None = None
    #: The font actually used (PDF), e.g. ``Liberation Serif (system: …)``.
    font: str | None = None
    #: PDF/A flavour the bytes were validated against, e.g. ``2B``.
    pdfa: str | None = None
    #: Extra files written beside the main one (HTML fragment photos): name -> bytes.
    extras: tuple[tuple[str, bytes], ...] = ()


def _docx(doc: Document, options: RenderOptions) -> Rendered:
    from umt_reports.render.docx import render_docx

    return render_docx(doc, options)


def _pdf(doc: Document, options: RenderOptions) -> Rendered:
    from umt_reports.render.pdf import render_pdf

    return render_pdf(doc, options)


def _html(doc: Document, options: RenderOptions) -> Rendered:
    from umt_reports.render.html import render_html

    return render_html(doc, options)


#: Format name -> renderer. Each renderer is imported on first use (start-up stays fast).
FORMATS: dict[str, Callable[[Document, RenderOptions], Rendered]] = {"docx": _docx, "pdf": _pdf, "html": _html}


def render(doc: Document, fmt: str, options: RenderOptions | None = None) -> Rendered:
    """Draw ``doc`` in format ``fmt`` (``docx``, ``pdf`` or ``html``)."""
    return FORMATS[fmt](doc, options or RenderOptions())
