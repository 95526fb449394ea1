"""PDF renderer: a :class:`~umt_reports.documents.Document` as archival PDF/A-2b (reportlab).

In: a Document and :class:`~umt_reports.render.RenderOptions`. Out: a
:class:`~umt_reports.render.Rendered` with the PDF bytes, the page count, the font used
and the PDF/A flavour. See :mod:`.writer` for the pipeline and :mod:`.pdfa` for PDF/A.
"""

from __future__ import annotations

from umt_reports.render.pdf.writer import render_pdf

__all__ = ["render_pdf"]
