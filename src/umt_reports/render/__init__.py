"""Renderers: draw a :class:`~umt_reports.documents.Document` as DOCX, PDF/A or HTML.

In: a Document (final texts, roles, blocks). Out: :class:`Rendered` bytes. Renderers
know layout and file formats, never meeting semantics: they look roles up in the
document's style preset and draw what they are given.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from umt_reports.documents.document import Document
from umt_reports.render.output import Rendered, RenderOptions

__all__ = ["FORMATS", "FRAGMENT_SUFFIX", "RenderOptions", "Rendered", "render"]


def _docx(doc: Document, options: RenderOptions) -> Rendered:
    from umt_reports.render.docx import render_docx

    return render_docx(doc, options)


def _pdf(doc: Document, options: RenderOptions) -> Rendered:
    from umt_reports.render.pdf import render_pdf

    return render_pdf(doc, options)


def _html(doc: Document, options: RenderOptions) -> Rendered:
    from umt_reports.render.html import render_html

    return render_html(doc, options)


def _html_fragment(doc: Document, options: RenderOptions) -> Rendered:
    from umt_reports.render.html import render_html

    drawn = render_html(doc, replace(options, html_fragment=True))
    return replace(drawn, suffix=FRAGMENT_SUFFIX)


#: File suffix of the HTML fragment (``2022-06-22_tin-bai.fragment.html``): it sits
#: beside the standalone page of the same document without replacing it.
FRAGMENT_SUFFIX = ".fragment.html"

#: Format name -> renderer. Each renderer is imported on first use (start-up stays fast).
#: ``html-fragment`` is the HTML renderer in fragment mode, as its own format so that a
#: build can write the page and the fragment side by side.
FORMATS: dict[str, Callable[[Document, RenderOptions], Rendered]] = {
    "docx": _docx,
    "pdf": _pdf,
    "html": _html,
    "html-fragment": _html_fragment,
}


def render(doc: Document, fmt: str, options: RenderOptions | None = None) -> Rendered:
    """Draw ``doc`` in format ``fmt`` (``docx``, ``pdf``, ``html`` or ``html-fragment``)."""
    return FORMATS[fmt](doc, options or RenderOptions())
