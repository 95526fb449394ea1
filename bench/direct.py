"""The warm-path yardstick: reportlab (platypus) drawing the sample report's PDF directly.

The same words as our report (:func:`baseline.context_of` of our Document), the same parts
(header table of issuing body and Quốc hiệu, number and date line, BÁO CÁO and the subject,
body paragraphs with bold headings, the statistics table, recipients and signature) and the
same font files as our PDF (the body family our renderer resolves: Times New Roman or
Liberation Serif). No PDF/A step and no validation: this is the floor a hand-written
reportlab script reaches, which our DOCX + validated PDF/A is compared with.

``draw(context, family)`` returns the PDF bytes; fonts are registered once per process.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

__all__ = ["draw", "register_fonts"]

_REGISTERED: dict[str, str] = {}


def register_fonts(family: Any) -> str:
    """Register the four faces of ``family`` (our FontFamily: ``face(name)`` gives a path) once."""
    if family.name in _REGISTERED:
        return _REGISTERED[family.name]
    base = "Direct" + "".join(family.name.split())
    faces = {"": "regular", "-Bold": "bold", "-Italic": "italic", "-BoldItalic": "bold_italic"}
    for suffix, face in faces.items():
        font = TTFont(base + suffix, str(family.face(face)))
        # -- reportlab's registerFont hands a font of an already registered face (the same file,
        #    which umt-reports registered first) the first font object, with what umt-reports keeps
        #    on it (cut programs, character maps, widths); this script measures reportlab alone,
        #    so its fonts are its own objects, entered under their own names --
        getattr(pdfmetrics, "_fonts")[font.fontName] = font
    pdfmetrics.registerFontFamily(base, normal=base, bold=base + "-Bold", italic=base + "-Italic",
                                  boldItalic=base + "-BoldItalic")
    _REGISTERED[family.name] = base
    return base


def _styles(font: str) -> dict[str, ParagraphStyle]:
    def style(name: str, size: float, align: int = TA_CENTER, bold: bool = False, italic: bool = False,
              **kw: Any) -> ParagraphStyle:
        face = font + ("-BoldItalic" if bold and italic else "-Bold" if bold else "-Italic" if italic else "")
        return ParagraphStyle(name, fontName=face, fontSize=size, leading=size * 1.15, alignment=align, **kw)

    return {
        "org": style("org", 13),
        "org_name": style("org_name", 13, bold=True),
        "nation": style("nation", 12, bold=True),
        "motto": style("motto", 13, bold=True),
        "number": style("number", 13),
        "date": style("date", 14, italic=True),
        "kind": style("kind", 14, bold=True, spaceBefore=12),
        "subject": style("subject", 14, bold=True, spaceAfter=12),
        "body": style("body", 14, TA_JUSTIFY, firstLineIndent=12.7 * mm, spaceAfter=6),
        "heading": style("heading", 14, TA_JUSTIFY, bold=True, firstLineIndent=12.7 * mm, spaceAfter=6),
        "cell": style("cell", 13, TA_LEFT),
        "cell_head": style("cell_head", 13, bold=True),
        "recipients_label": style("recipients_label", 12, TA_LEFT, bold=True, italic=True),
        "recipient": style("recipient", 11, TA_LEFT),
        "signer": style("signer", 14, bold=True),
    }


def draw(context: dict[str, Any], family: Any) -> bytes:
    """The report of ``context`` as PDF bytes, A4 with the ND30 margins, in ``family``."""
    font = register_fonts(family)
    st = _styles(font)
    width = A4[0] - 45 * mm
    story: list[Any] = []
    header = Table(
        [
            [[Paragraph(context["org_lines"][0], st["org"]), Paragraph(context["org_lines"][1], st["org_name"])],
             [Paragraph(context["nation"], st["nation"]), Paragraph(context["motto"], st["motto"])]],
            [Paragraph(context["number"], st["number"]), Paragraph(context["date_line"], st["date"])],
        ],
        colWidths=[width * 0.4, width * 0.6],
    )
    story.append(header)
    story.append(Paragraph(context["kind"], st["kind"]))
    story.append(Paragraph(context["subject"], st["subject"]))
    for item in context["before"]:
        story.append(Paragraph(item["text"], st["heading" if item["heading"] else "body"]))
    if context["rows"]:
        rows = [[Paragraph(c, st["cell_head"]) for c in context["columns"]]]
        rows += [[Paragraph(c, st["cell"]) for c in row[: len(context["columns"])]] for row in context["rows"]]
        table = Table(rows, colWidths=[width / len(context["columns"])] * len(context["columns"]), repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
        story.append(Spacer(1, 6))
    for item in context["after"]:
        story.append(Paragraph(item["text"], st["heading" if item["heading"] else "body"]))
    left = [Paragraph(context["recipients_label"], st["recipients_label"])]
    left += [Paragraph(r, st["recipient"]) for r in context["recipients"]]
    right = [Paragraph(line, st["signer"]) for line in context["signer_lines"]]
    right += [Spacer(1, 28 * mm), Paragraph(context["signer_name"], st["signer"])]
    story.append(Spacer(1, 12))
    story.append(Table([[left, right]], colWidths=[width * 0.5, width * 0.5], style=[("VALIGN", (0, 0), (-1, -1), "TOP")]))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm, invariant=1, title=context["subject"])
    doc.build(story)
    return out.getvalue()
