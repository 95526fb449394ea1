"""The baseline a secretary would otherwise run: a docxtpl Word template, then LibreOffice to PDF.

Three parts, so ``run.py`` can time them separately and as one command:

- :func:`write_template` draws the template with python-docx (no binary file in the
  repository): official header table, number and date, BÁO CÁO and the subject, the body
  paragraphs, the statistics table (a ``{%tr for %}`` row loop), the recipients and the
  signature block — the same parts as our report;
- :func:`context_of` takes the texts of one of our Documents, so both sides print the
  same words (a user would have this dict from their own data);
- ``python bench/baseline.py TEMPLATE CONTEXT.json OUT_DIR PROFILE_DIR`` is the one-off
  command: import docxtpl, fill the template, save the .docx, ``soffice --convert-to pdf``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

__all__ = ["context_of", "convert_many_with_soffice", "convert_with_soffice", "fill_template", "main_many", "soffice",
           "write_template"]


def soffice() -> str | None:
    """The LibreOffice binary on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


# -- the template -----------------------------------------------------------------------


def write_template(path: Path) -> Path:
    """Write the docxtpl template of the report to ``path`` (A4, ND30 margins, 14 pt Times New Roman)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    word = docx.Document()
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = word.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)

    def para(container: Any, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None,
             align: Any = None, indent: bool = False) -> None:
        p = container.add_paragraph()
        run = p.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if size:
            run.font.size = Pt(size)
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Mm(12.7)
            p.paragraph_format.space_after = Pt(6)

    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
    # -- header: issuing body left, Quốc hiệu right; number left, date line right --
    header = word.add_table(rows=2, cols=2)
    left, right = header.rows[0].cells
    left.paragraphs[0].add_run("{{ org_lines[0] }}").font.size = Pt(13)
    para(left, "{{ org_lines[1] }}", bold=True, size=13, align=center)
    left.paragraphs[0].alignment = center
    right.paragraphs[0].add_run("{{ nation }}").bold = True
    right.paragraphs[0].alignment = center
    para(right, "{{ motto }}", bold=True, size=13, align=center)
    left, right = header.rows[1].cells
    left.paragraphs[0].add_run("{{ number }}").font.size = Pt(13)
    left.paragraphs[0].alignment = center
    right.paragraphs[0].add_run("{{ date_line }}").italic = True
    right.paragraphs[0].alignment = center
    # -- title --
    para(word, "{{ kind }}", bold=True, align=center)
    para(word, "{{ subject }}", bold=True, align=center)
    # -- body before the table: headings (bold) and paragraphs --
    para(word, "{%p for item in before %}")
    para(word, "{{r item }}", align=justify, indent=True)
    para(word, "{%p endfor %}")
    # -- the statistics table: header row, then one row per statistic --
    table = word.add_table(rows=3, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("{{ columns[0] }}", "{{ columns[1] }}", "{{ columns[2] }}",
                                                 "{{ columns[3] }}")):
        cell.paragraphs[0].add_run(text).bold = True
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for row in rows %}")
    for cell, text in zip(table.rows[2].cells, ("{{ row[0] }}", "{{ row[1] }}", "{{ row[2] }}", "{{ row[3] }}")):
        cell.paragraphs[0].add_run(text)
    end = table.add_row()
    end.cells[0].paragraphs[0].add_run("{%tr endfor %}")
    # -- body after the table --
    para(word, "{%p for item in after %}")
    para(word, "{{r item }}", align=justify, indent=True)
    para(word, "{%p endfor %}")
    # -- recipients and signature --
    signature = word.add_table(rows=1, cols=2)
    left, right = signature.rows[0].cells
    run = left.paragraphs[0].add_run("{{ recipients_label }}")
    run.bold, run.italic = True, True
    para(left, "{%p for item in recipients %}")
    para(left, "{{ item }}", size=11)
    para(left, "{%p endfor %}")
    right.paragraphs[0].add_run("{%p for line in signer_lines %}")
    para(right, "{{ line }}", bold=True, align=center)
    para(right, "{%p endfor %}")
    para(right, "")
    para(right, "")
    para(right, "{{ signer_name }}", bold=True, align=center)
    path.parent.mkdir(parents=True, exist_ok=True)
    word.save(path)
    return path


# -- the data ---------------------------------------------------------------------------


def context_of(document: Any) -> dict[str, Any]:
    """The texts of a report Document (ours) as the template's context: the same words on both sides."""
    from umt_reports.documents.document import HeaderBlock, Para, SignatureBlock, Table

    ctx: dict[str, Any] = {"before": [], "after": [], "columns": [], "rows": []}
    body = ctx["before"]
    titles: list[str] = []
    for block in document.blocks:
        if isinstance(block, HeaderBlock):
            left = [b.text for row in block.rows for b in row[0] if isinstance(b, Para)]
            right = [b.text for row in block.rows for b in row[1] if isinstance(b, Para)]
            ctx["org_lines"] = (left + ["", ""])[:2]
            ctx["number"] = left[-1] if len(left) > 2 else ""
            ctx["nation"], ctx["motto"] = (right + ["", ""])[:2]
            ctx["date_line"] = right[-1] if len(right) > 2 else ""
        elif isinstance(block, Table):
            ctx["columns"] = [c.header for c in block.columns]
            ctx["rows"] = [[c.text for c in row] + [""] * (4 - len(row)) for row in block.rows]
            body = ctx["after"]
        elif isinstance(block, SignatureBlock):
            left = [p.text for p in block.left]
            right = [p.text for p in block.right if isinstance(p, Para)]
            ctx["recipients_label"], ctx["recipients"] = left[0], left[1:]
            ctx["signer_lines"], ctx["signer_name"] = right[:-1], right[-1]
        elif isinstance(block, Para):
            if block.role.startswith("title."):
                titles.append(block.text)
            else:
                body.append({"text": block.text, "heading": block.role.startswith("heading")})
    ctx["kind"], ctx["subject"] = (titles + ["", ""])[:2]
    return ctx


def fill_template(template: Path, context: dict[str, Any], out: Path) -> Path:
    """Render ``template`` with ``context`` (headings as bold rich text) into ``out``."""
    from docxtpl import DocxTemplate, RichText

    def rich(item: dict[str, Any]) -> RichText:
        return RichText(item["text"], bold=item["heading"])

    values = dict(context, before=[rich(i) for i in context["before"]], after=[rich(i) for i in context["after"]])
    tpl = DocxTemplate(str(template))
    tpl.render(values)
    tpl.save(str(out))
    return out


def convert_with_soffice(docx_path: Path, out_dir: Path, profile_dir: Path) -> Path:
    """``soffice --headless --convert-to pdf`` with a private user profile; the PDF's path."""
    binary = soffice()
    if binary is None:
        raise RuntimeError("soffice is not on PATH")
    subprocess.run(
        [binary, f"-env:UserInstallation={profile_dir.resolve().as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir), str(docx_path)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    pdf = out_dir / (docx_path.stem + ".pdf")
    if not pdf.is_file():
        raise RuntimeError(f"soffice wrote no {pdf.name}")
    return pdf


def convert_many_with_soffice(docx_paths: list[Path], out_dir: Path, profile_dir: Path) -> list[Path]:
    """One ``soffice --headless --convert-to pdf`` call for every file; the PDFs' paths."""
    binary = soffice()
    if binary is None:
        raise RuntimeError("soffice is not on PATH")
    subprocess.run(
        [binary, f"-env:UserInstallation={profile_dir.resolve().as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir), *map(str, docx_paths)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    pdfs = [out_dir / (p.stem + ".pdf") for p in docx_paths]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:
        raise RuntimeError(f"soffice wrote no {', '.join(missing)}")
    return pdfs


def main_many(argv: list[str]) -> int:
    """The batch baseline: fill the template once per context (a JSON list), then one soffice call."""
    template, contexts_file, out_dir, profile_dir = (Path(a) for a in argv)
    contexts = json.loads(contexts_file.read_text(encoding="utf-8"))
    filled = [fill_template(template, context, out_dir / f"bao-cao-{i + 1:03d}.docx") for i, context in
              enumerate(contexts)]
    convert_many_with_soffice(filled, out_dir, profile_dir)
    return 0


def main(argv: list[str]) -> int:
    """The one-off command: fill the template, then convert it with LibreOffice
    (``--many`` first: every context of a JSON list, then one soffice call)."""
    if argv and argv[0] == "--many":
        return main_many(argv[1:])
    template, context_file, out_dir, profile_dir = (Path(a) for a in argv)
    context = json.loads(context_file.read_text(encoding="utf-8"))
    docx_path = fill_template(template, context, out_dir / "bao-cao.docx")
    convert_with_soffice(docx_path, out_dir, profile_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
