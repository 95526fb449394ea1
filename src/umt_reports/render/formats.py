"""The formats table: one row per output format, read by the CLI, the build, ``check`` and the desk.

Each :class:`Format` names the format (``--format``, the manifest), the file suffix it writes,
its renderer (imported on first use, so start-up stays fast), the reader ``check`` uses to get
its text back (``family``) and what it needs. The HTML fragment for a portal's editor is a row
of its own (``html-fragment``): the HTML renderer in fragment mode, with its own suffix so that
it sits beside the standalone page of the same document.

In: a format name. Out: its :class:`Format` (:func:`get_format`), or ``None``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from umt_reports.documents.document import Document
    from umt_reports.render.output import Rendered, RenderOptions

__all__ = ["FORMATS", "FRAGMENT_SUFFIX", "Format", "get_format"]

#: File suffix of the HTML fragment (``2022-06-22_tin-bai.fragment.html``).
FRAGMENT_SUFFIX = ".fragment.html"


@dataclass(frozen=True)
class Format:
    """One output format.

    ``family`` is the file type read back by ``check`` (``docx``, ``pdf`` or ``html``);
    ``fragment`` marks HTML without a page around it; ``paged`` formats count pages and can
    draw text placed at fixed spots of the page; ``needs`` names what drawing it takes
    beyond Python packages (``fonts``: a TrueType font with Vietnamese letters).
    """

    name: str
    suffix: str
    label: str
    family: str
    renderer: Callable[[Document, RenderOptions], Rendered]
    paged: bool = False
    fragment: bool = False
    needs: tuple[str, ...] = ()

    def render(self, doc: Document, options: RenderOptions) -> Rendered:
        """Draw ``doc`` in this format."""
        return self.renderer(doc, options)


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


#: Format name -> row, in listing order.
FORMATS: dict[str, Format] = {
    row.name: row
    for row in (
        Format("docx", ".docx", "Word (DOCX)", "docx", _docx),
        Format("pdf", ".pdf", "PDF/A-2b", "pdf", _pdf, paged=True, needs=("fonts",)),
        Format("html", ".html", "HTML", "html", _html),
        Format("html-fragment", FRAGMENT_SUFFIX, "HTML fragment", "html", _html_fragment, fragment=True),
    )
}


def get_format(name: str) -> Format | None:
    """The row of format ``name`` (any case), or ``None``."""
    return FORMATS.get(name.strip().lower())
