"""The HTML renderer: a :class:`~umt_reports.documents.document.Document` as a web page or a fragment.

In: a Document and :class:`~umt_reports.render.RenderOptions`. Out: UTF-8 HTML5 bytes.

- **Standalone page** (default): ``<!DOCTYPE html>``, ``<html lang="vi">``, one embedded
  ``<style>`` generated from the preset (a rule per role used, ``@page`` with the
  preset's paper and margins for printing) and pictures as ``data:`` URIs. It loads
  nothing from anywhere: no links, fonts or scripts.
- **Fragment** (``options.html_fragment``): the content only, for a portal's editor.
  Styles are inline (editors drop ``<style>``) and pictures are referenced by relative
  file names ``anh-1.jpg``, ``anh-2.png`` … (reading order) whose bytes are in
  :attr:`Rendered.extras`; the build writes them beside the HTML file. The names
  start with ``options.asset_prefix`` (the build passes the file's stem, giving
  ``2022-06-22_tin-bai_anh-1.jpg``), so two fragments in one folder keep their own.

Every text is escaped, and every paragraph's text appears in the page exactly as in
the document, in order. The same document always gives the same bytes.
"""

from __future__ import annotations

from html import escape
from typing import Final

from umt_reports.documents.document import Document
from umt_reports.render.fonts import resolve_font
from umt_reports.render.html.css import font_stack, stylesheet
from umt_reports.render.html.writer import HtmlWriter, element_for
from umt_reports.render.output import Rendered, RenderOptions

__all__ = ["element_for", "render_html"]

#: Role of the printed page number (pages 2 on), when the preset has it.
_PAGE_NUMBER_ROLE: Final = "page_number"


def _safe_font_name(name: str) -> str:
    """A family name that cannot end a CSS string or the ``<style>`` element."""
    return "".join(ch for ch in name if ch not in '"\\<>;{}')


def render_html(doc: Document, options: RenderOptions) -> Rendered:
    """Draw ``doc`` as a standalone HTML5 page, or as a fragment when ``options.html_fragment``."""
    family = resolve_font(options.font)
    fonts = [_safe_font_name(doc.preset.font_name), _safe_font_name(family.name)]
    writer = HtmlWriter(doc, fragment=options.html_fragment, family=family, asset_prefix=options.asset_prefix)
    body = writer.blocks(doc.blocks) + [writer.annex(annex) for annex in doc.annexes]
    lang = escape(doc.meta.language)
    if options.html_fragment:
        root = f'<div class="umt-document" lang="{lang}" style="{escape("font-family:" + font_stack(fonts))}">'
        text = "\n".join([root, *body, "</div>"]) + "\n"
        return Rendered(data=text.encode("utf-8"), suffix=".html", extras=tuple(writer.extras))
    number_role = _PAGE_NUMBER_ROLE if doc.page_numbers and _PAGE_NUMBER_ROLE in doc.preset.roles else None
    css = stylesheet(doc.preset, doc.page_spec, fonts, list(writer.roles), number_role)
    page = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.meta.title)}</title>",
        "<style>",
        css,
        "</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ]
    return Rendered(data=("\n".join(page) + "\n").encode("utf-8"), suffix=".html")
