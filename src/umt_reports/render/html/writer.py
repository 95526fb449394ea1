"""Blocks of a :class:`~umt_reports.documents.document.Document` as HTML elements.

In: one document, the mode (standalone page or fragment) and the body font family
(only to measure short rules, as DOCX and PDF do). Out: the markup of the content,
the roles it used (for the stylesheet) and, in fragment mode, the picture files.

Role -> element (everything else is ``<p>``)::

    title.kind*, press.headline*     <h1>
    heading.1 / heading.2 / heading.3  <h2> / <h3> / <h4>   (heading.N -> h(N+1), at most h6)
    Para in a table cell            (cells hold plain text: <th>/<td>)
    Image caption                   <figcaption>

Standalone elements carry classes (``r-<role>`` from the preset, ``k-<kind>`` for
layout) styled by the embedded sheet; fragment elements carry the same declarations
inline, because portal editors drop ``<style>``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from html import escape
from typing import Final

from umt_reports.documents.document import (
    Annex,
    Block,
    Cell,
    Document,
    HeaderBlock,
    Image,
    PageBreak,
    Para,
    Placed,
    PlacedLine,
    Rule,
    Run,
    SignatureBlock,
    Spacer,
    Table,
)
from umt_reports.render.fonts import FontFamily
from umt_reports.render.html.css import (
    Declarations,
    css_number,
    inline,
    kind_declarations,
    role_class,
    role_declarations,
)
from umt_reports.render.html.images import data_uri, file_name, picture
from umt_reports.render.measure import text_width_pt
from umt_reports.style import TextStyle

__all__ = ["HtmlWriter", "element_for"]

#: Role of the header row of data tables (as in DOCX and PDF).
HEADER_ROLE: Final = "table.header"

#: Roles (and their dotted children) drawn as a given element.
_ELEMENTS: Final = (("title.kind", "h1"), ("press.headline", "h1"))
_HEADING: Final = re.compile(r"heading\.(\d+)(?:\..*)?")


def element_for(role: str) -> str:
    """The element of a ``role`` paragraph: ``h1`` for titles and headlines, ``h2``-``h6`` for headings, else ``p``."""
    for prefix, tag in _ELEMENTS:
        if role == prefix or role.startswith(prefix + "."):
            return tag
    match = _HEADING.fullmatch(role)
    if match:
        return f"h{min(int(match.group(1)) + 1, 6)}"
    return "p"


def _keeps_spaces(text: str) -> bool:
    """Whether ``text`` has spaces HTML would collapse (runs, ends, line breaks)."""
    return "  " in text or "\n" in text or text != text.strip()


class HtmlWriter:
    """Draws one document's blocks; :attr:`roles` and :attr:`extras` fill up as it goes."""

    def __init__(self, doc: Document, *, fragment: bool, family: FontFamily, asset_prefix: str = "") -> None:
        """``fragment`` inlines styles and writes pictures as files (named ``<asset_prefix>anh-N.ext``);
        ``family`` measures rule lengths."""
        self.doc = doc
        self.asset_prefix = asset_prefix
        self.preset = doc.preset
        self.fragment = fragment
        self.family = family
        self._kinds = kind_declarations(doc.preset)
        #: Roles used, in order of first use (one stylesheet rule each).
        self.roles: dict[str, None] = {}
        #: Fragment pictures: file name -> bytes, in reading order.
        self.extras: list[tuple[str, bytes]] = []

    # -- attributes -----------------------------------------------------------------------

    def _style(self, role: str) -> TextStyle:
        self.roles.setdefault(role, None)
        return self.preset.style(role)

    def _has_style(self, role: str) -> bool:
        try:
            self.preset.style(role)
        except KeyError:
            return False
        return True

    def _attrs(
        self,
        role: str | None = None,
        kinds: Sequence[str] = (),
        own: Declarations = (),
        classes: Sequence[str] = (),
        text: str = "",
    ) -> str:
        """`` class="…" style="…"``: the role's and kinds' look (classes, or inline in a fragment) plus ``own``."""
        names = list(classes)
        groups: list[Declarations] = []
        if role is not None:
            names.append(role_class(role))
            groups.append(role_declarations(self._style(role)))
        groups += [self._kinds[k] for k in kinds]
        if self.fragment:
            if _keeps_spaces(text):
                groups.append((("white-space", "pre-wrap"),))
            style = inline(*groups, own)
        else:
            names += [f"k-{k}" for k in kinds]
            style = inline(own)
        out = f' class="{escape(" ".join(names))}"' if names else ""
        return out + (f' style="{escape(style)}"' if style else "")

    # -- blocks ---------------------------------------------------------------------------

    def blocks(self, blocks: Iterable[Block]) -> list[str]:
        """The markup of ``blocks``, one line (or nested group) each."""
        return [self.block(b) for b in blocks]

    def annex(self, annex: Annex) -> str:
        """``<section class="annex">`` (printed from a new page)."""
        return "\n".join(['<section class="annex">', *self.blocks(annex.blocks), "</section>"])

    def block(self, block: Block) -> str:
        """One block as HTML."""
        if isinstance(block, Para):
            return self.para(block)
        if isinstance(block, Rule):
            return self.rule(block)
        if isinstance(block, Spacer):
            return self.spacer(block)
        if isinstance(block, HeaderBlock):
            return self.header(block)
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, SignatureBlock):
            return self.signature(block)
        if isinstance(block, Image):
            return self.image(block)
        if isinstance(block, PageBreak):
            return '<hr class="page-break">'
        if isinstance(block, (Placed, PlacedLine)):  # -- fixed-position pages: PDF only --
            from umt_reports.errors import RenderError

            raise RenderError.of("commendation.placed_unsupported", None, format="HTML")
        raise TypeError(f"the HTML renderer cannot draw a {type(block).__name__}")

    def para(self, para: Para, tag: str | None = None) -> str:
        """A paragraph in its role's element; an empty one keeps its line (``<br>``)."""
        tag = tag or element_for(para.role)
        style = self._style(para.role)
        keep = ["keep"] if para.keep_with_next and not style.keep_with_next and not self.fragment else []
        inner = "".join(self.run(run, style) for run in para.runs) or "<br>"
        return f"<{tag}{self._attrs(para.role, classes=keep, text=para.text)}>{inner}</{tag}>"

    def run(self, run: Run, style: TextStyle) -> str:
        """A run's escaped text, wrapped only where it overrides its role's bold/italic/underline."""
        html = escape(run.text)
        for flag, inherited, on, off in (
            (run.underline, style.underline, "u", "text-decoration:none"),
            (run.italic, style.italic, "em", "font-style:normal"),
            (run.bold, style.bold, "strong", "font-weight:normal"),
        ):
            if flag is None or flag == inherited:
                continue
            html = f"<{on}>{html}</{on}>" if flag else f'<span style="{off}">{html}</span>'
        return html

    def rule(self, rule: Rule) -> str:
        """A centred line ``spec.width`` × as long as the text it underlines (in ems of that text), or a mark."""
        style = self._style(rule.role)
        mark = rule.spec.mark
        if mark is not None:
            return f'<p{self._attrs(rule.role, ("mark",))} aria-hidden="true">{escape(mark)}</p>'
        over = text_width_pt(unicodedata.normalize("NFC", rule.over), style, self.family)
        width_em = rule.spec.width * over / style.size
        own = (
            ("width", f"{css_number(width_em)}em"),
            ("max-width", "100%"),
            ("border-top-width", f"{css_number(rule.spec.thickness_pt)}pt"),
        )
        return f'<hr{self._attrs(rule.role, ("rule",), own)} aria-hidden="true">'

    def spacer(self, spacer: Spacer) -> str:
        """Empty vertical space of the given height."""
        own = (("height", f"{css_number(spacer.height_pt)}pt"),)
        return f'<div{self._attrs(kinds=("spacer",), own=own)} aria-hidden="true"></div>'

    def _columns(self, kind: str, cells: Iterable[Sequence[Block]], classes: Sequence[str]) -> str:
        """A grid container (``header``/``footer``) whose cells hold blocks, row by row."""
        tag = "header" if kind == "header" else "footer"
        lines = [f"<{tag}{self._attrs(kinds=(kind,), classes=classes)}>"]
        for cell in cells:
            lines += [f"<div{self._attrs(kinds=('cell',))}>", *self.blocks(cell), "</div>"]
        lines.append(f"</{tag}>")
        return "\n".join(lines)

    def header(self, header: HeaderBlock) -> str:
        """The official header: two columns as wide (relatively) as the preset's header columns."""
        cells = [cell for row in header.rows for cell in row]
        return self._columns("header", cells, ("official-header",))

    def signature(self, block: SignatureBlock) -> str:
        """Recipients on the left, the signer on the right (the preset's signature column)."""
        return self._columns("signature", (block.left, block.right), ("signature",))

    def table(self, table: Table) -> str:
        """``<table>`` with column widths, a header row in ``<thead>`` and spans as ``colspan``."""
        own_role = table.role if self._has_style(table.role) else None
        extra = () if own_role else (role_class(table.role),)
        lines = [f"<table{self._attrs(own_role, ('table',), classes=extra)}>", "<colgroup>"]
        lines += [f'<col style="width:{css_number(c.width * 100)}%">' for c in table.columns]
        lines += ["</colgroup>", "<thead>", "<tr>"]
        for column in table.columns:
            attrs = self._attrs(HEADER_ROLE, ("th",), text=column.header)
            lines.append(f'<th scope="col"{attrs}>{escape(column.header)}</th>')
        lines += ["</tr>", "</thead>", "<tbody>"]
        for row in table.rows:
            lines.append("<tr>" + "".join(self._cell(table, row, i) for i in range(len(row))) + "</tr>")
        lines += ["</tbody>", "</table>"]
        return "\n".join(lines)

    def _cell(self, table: Table, row: Sequence[Cell], index: int) -> str:
        """Cell ``index`` of ``row``: its own role, else its column's (counted through earlier spans)."""
        cell = row[index]
        start = sum(c.span for c in row[:index])
        column = table.columns[min(start, len(table.columns) - 1)]
        span = f' colspan="{cell.span}"' if cell.span > 1 else ""
        attrs = self._attrs(cell.role or column.role, ("td",), text=cell.text)
        return f"<td{span}{attrs}>{escape(cell.text)}</td>"

    def image(self, image: Image) -> str:
        """``<figure>``: the picture (a data URI, or a file beside a fragment) and its caption."""
        pic = picture(image.data, image.alt)
        if self.fragment:
            name = file_name(len(self.extras) + 1, pic, self.asset_prefix)
            self.extras.append((name, pic.data))
            src = name
        else:
            src = data_uri(pic)
        own = (("width", f"{css_number(image.width * 100)}%"),)
        img = (
            f'<img{self._attrs(kinds=("img",), own=own)} src="{escape(src)}" alt="{escape(image.alt)}"'
            f' width="{image.width_px}" height="{image.height_px}">'
        )
        lines = [f"<figure{self._attrs(kinds=('figure',))}>", img]
        if image.caption is not None:
            lines.append(self.para(image.caption, tag="figcaption"))
        lines.append("</figure>")
        return "\n".join(lines)
