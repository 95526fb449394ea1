"""PDF renderer: a :class:`~umt_reports.documents.Document` as archival PDF/A-2b (reportlab).

In: a Document and :class:`~umt_reports.render.RenderOptions`. Out: a
:class:`~umt_reports.render.Rendered` with the PDF bytes, the page count, the font used
and the PDF/A flavour. See :mod:`.writer` for the pipeline and :mod:`.pdfa` for PDF/A.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from umt_reports.render.pdf.writer import render_pdf

__all__ = ["render_pdf"]


def __getattr__(name: str) -> Any:
    # -- reportlab is imported with the writer, not with the package: the PDF/A helper
    #    process needs only ``pdfa`` --
    if name == "render_pdf":
        from umt_reports.render.pdf.writer import render_pdf

        return render_pdf
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
