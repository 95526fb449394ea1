"""Reading documents back: the text of a DOCX, PDF or HTML file, one block per line.

In: a file and its format's row (:mod:`umt_reports.render.formats`). Out: its text in reading
order. DOCX through python-docx's XML (every paragraph of the body, table cells and text
boxes included, once each), PDF through poppler's ``pdftotext`` (the page numbers printed from
page 2 on are dropped), HTML (page or fragment) through html5lib (the text of the body;
attributes, ``<style>`` and the ``<head>`` are not read).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from umt_reports.errors import Location, Problem, UmtError
from umt_reports.render.formats import get_format

__all__ = ["document_text"]

_PDFTOTEXT_TIMEOUT_S = 60


def document_text(path: Path, fmt: str, *, page_numbers: bool = True) -> str:
    """The text of the file at ``path`` in format ``fmt``, one block (paragraph, cell) per line.

    ``page_numbers``: the PDF prints page numbers from page 2 on (they are dropped).

    Raises:
        UmtError: ``check.unreadable`` when the file cannot be read as ``fmt``;
            ``check.no_pdftotext`` when poppler's ``pdftotext`` is not installed.
    """
    where = Location(file=path.name)
    row = get_format(fmt)
    if row is None:
        raise ValueError(f"cannot read format {fmt!r}")
    try:
        if row.family == "docx":
            return _docx_text(path)
        if row.family == "pdf":
            return _pdf_text(path, page_numbers)
        return _html_text(path.read_bytes(), fragment=row.fragment)
    except UmtError:
        raise
    except Exception as exc:  # -- a hand-edited file may be broken in any way: say which file --
        raise UmtError(Problem("check.unreadable", where, {"format": fmt, "reason": str(exc)[:200]})) from exc


def _docx_text(path: Path) -> str:
    import docx
    from docx.oxml.ns import qn

    body = docx.Document(str(path)).element.body
    fallback, paragraph, text, tab, brk, cr = (
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
        qn("w:p"),
        qn("w:t"),
        qn("w:tab"),
        qn("w:br"),
        qn("w:cr"),
    )
    lines: list[str] = []
    for p in body.iter(paragraph):
        # -- text boxes saved with a VML fallback hold their text twice: read the first --
        if any(ancestor.tag == fallback for ancestor in p.iterancestors()):
            continue
        parts = []
        for node in p.iter(text, tab, brk, cr):
            # -- only this paragraph's own runs (a text box inside it is a paragraph of its own) --
            if next(node.iterancestors(paragraph)) is not p:
                continue
            parts.append(node.text or "" if node.tag == text else " ")
        lines.append("".join(parts))
    return "\n".join(lines)


def _pdf_text(path: Path, page_numbers: bool) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        raise UmtError(Problem("check.no_pdftotext", Location(file=path.name), {}))
    done = subprocess.run(
        [exe, "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        timeout=_PDFTOTEXT_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip() or f"pdftotext exit {done.returncode}"
        raise UmtError(Problem("check.unreadable", Location(file=path.name), {"format": "pdf", "reason": reason}))
    pages = done.stdout.decode("utf-8", "replace").split("\f")
    kept = []
    for number, page in enumerate(pages, start=1):
        lines = page.split("\n")
        if number > 1 and page_numbers:
            # -- the page number printed in the top margin comes first on pages 2 on --
            first = next((i for i, line in enumerate(lines) if line.strip()), None)
            if first is not None and lines[first].strip().isdigit():
                del lines[first]
        kept.append("\n".join(lines))
    return "\n".join(kept)


#: Elements whose end separates texts (a paragraph, a cell, a line break ...).
_BLOCKS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "ul",
        "ol",
        "li",
        "br",
        "hr",
        "blockquote",
        "pre",
        "dt",
        "dd",
    ]
)
_SKIPPED = frozenset({"head", "style", "script", "template", "noscript", "title"})


def _html_text(data: bytes, *, fragment: bool) -> str:
    import html5lib

    source = data.decode("utf-8", "replace")
    if fragment:
        root = html5lib.parseFragment(source, container="div", namespaceHTMLElements=False)
    else:
        root = html5lib.parse(source, namespaceHTMLElements=False)
    out: list[str] = []

    def walk(element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED:
            return
        if element.text and tag:
            out.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if tag in _BLOCKS:
            out.append("\n")

    if fragment:
        if root.text:
            out.append(root.text)
        for child in root:
            walk(child)
            if child.tail:
                out.append(child.tail)
    else:
        walk(root)
    return "".join(out)
