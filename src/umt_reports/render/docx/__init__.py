"""DOCX renderer: a :class:`~umt_reports.documents.Document` drawn as an editable Word file.

In: a Document and :class:`~umt_reports.render.RenderOptions`. Out: a
:class:`~umt_reports.render.Rendered` with the .docx bytes (byte-reproducible).
Modules: ``writer`` (flow and sections), ``paragraphs``, ``tables``, ``styles``
(one Word style per role), ``package`` (core properties, zip), ``_oxml`` (raw XML).
"""

from umt_reports.render.docx.writer import render_docx

__all__ = ["render_docx"]
