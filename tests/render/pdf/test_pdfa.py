"""Tests for umt_reports.render.pdf.pdfa: reportlab output in, validated PDF/A-2b out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pikepdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from umt_reports.errors import PdfaError, RenderError
from umt_reports.render import fonts
from umt_reports.render.pdf.pdfa import PdfMetadata, check_pdfa, make_pdfa

MOTTO = "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập - Tự do - Hạnh phúc"
META = PdfMetadata(
    title="Báo cáo tổng kết công tác thi đua, khen thưởng năm 2024",
    author="Ủy ban nhân dân tỉnh Bình Dương",
    subject="Tổng kết năm 2024",
    keywords=["thi đua", "khen thưởng", "2024"],
    created=dt.date(2024, 12, 20),
)


@pytest.fixture(scope="module")
def font_name() -> str:
    """The body font of this machine, registered with reportlab."""
    return fonts.register(fonts.resolve_font())


def canvas_pdf(font_name: str, text: str = MOTTO, pages: int = 2) -> bytes:
    """A reportlab canvas document with the body font as its default font."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, initialFontName=font_name, initialFontSize=13)
    for page in range(pages):
        c.drawString(72, 760, text)
        c.setFont(font_name + "-Bold", 13)
        c.drawString(72, 740, f"Trang {page + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def platypus_pdf(font_name: str) -> bytes:
    """A two-page platypus document: paragraphs with <b>/<i> and a table, all in the body font."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, invariant=1, initialFontName=font_name)
    body = ParagraphStyle("body", fontName=font_name, fontSize=13, leading=16)
    table = Table([["STT", "Họ và tên", "Đơn vị"], ["1", "Nguyễn Thị Ánh", "Sở Nội vụ"]])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font_name, 12), ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    story = [
        Paragraph(MOTTO, body),
        Paragraph("<b>QUYẾT ĐỊNH</b> về việc <i>khen thưởng</i> tập thể, cá nhân", body),
        PageBreak(),
        table,
    ]
    doc.build(story)
    return buf.getvalue()


def helvetica_pdf() -> bytes:
    """What reportlab writes with no font registered: Helvetica, not embedded."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.drawString(72, 760, "Cong hoa xa hoi chu nghia Viet Nam")
    c.showPage()
    c.save()
    return buf.getvalue()


def poppler(tool: str, *args: str) -> str:
    """Run a poppler-utils tool; fail (not skip) when it is missing: CI installs it."""
    exe = shutil.which(tool)
    if exe is None:
        pytest.fail(f"{tool} (poppler-utils) is not on PATH; install it: apt-get install poppler-utils")
    return subprocess.run([exe, *args], check=True, capture_output=True, text=True).stdout


def test_make_pdfa_output_passes_the_pdfa_2b_check(font_name: str) -> None:
    assert check_pdfa(make_pdfa(canvas_pdf(font_name), META)) == []
    assert check_pdfa(make_pdfa(platypus_pdf(font_name), META)) == []


def test_check_pdfa_reads_a_file_path(font_name: str, tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(make_pdfa(canvas_pdf(font_name), META))

    assert check_pdfa(path) == []


def test_check_pdfa_lists_what_raw_reportlab_output_lacks(font_name: str) -> None:
    findings = check_pdfa(canvas_pdf(font_name))

    assert any("/Trans" in f for f in findings)
    assert any("/Metadata" in f or "pdfaid" in f for f in findings)


def test_make_pdfa_writes_the_metadata_into_xmp_and_docinfo(font_name: str) -> None:
    with pikepdf.open(io.BytesIO(make_pdfa(canvas_pdf(font_name), META))) as pdf:
        xmp = pdf.open_metadata()
        assert xmp["dc:title"] == META.title
        assert xmp["dc:creator"] == [META.author]
        assert xmp["dc:description"] == META.subject
        assert xmp["dc:language"] == {"vi-VN"}
        assert xmp["pdf:Keywords"] == "thi đua, khen thưởng, 2024"
        assert xmp["pdf:Producer"] == "umt-reports"
        assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("2", "B")
        for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
            assert xmp[key] == "2024-12-20T00:00:00+07:00", key
        info = pdf.docinfo
        assert str(info.Title) == META.title
        assert str(info.Author) == META.author
        assert str(info.Producer) == "umt-reports"
        # -- prepare rewrites DocInfo dates from XMP without the optional closing apostrophe --
        assert str(info.CreationDate) == str(info.ModDate) == "D:20241220000000+07'00"
        assert str(pdf.Root.Lang) == "vi-VN"
        assert len(pdf.Root.OutputIntents) == 1
        assert all("/Trans" not in page.obj for page in pdf.pages)


def test_make_pdfa_output_has_every_font_embedded(font_name: str) -> None:
    rows = _pdffonts_rows(make_pdfa(platypus_pdf(font_name), META))

    assert rows, "pdffonts listed no fonts"
    assert all(row["emb"] == "yes" for row in rows), rows
    assert {row["name"].split("+")[-1] for row in rows} >= {fonts.resolve_font().name.replace(" ", "")}


def _pdffonts_rows(pdf: bytes) -> list[dict[str, str]]:
    """pdffonts' table as dicts (name, emb), read from a temporary file."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        lines = poppler("pdffonts", str(path)).splitlines()[2:]
    rows = []
    for line in lines:
        # -- columns: name type... encoding emb sub uni object-id; the last five are fixed --
        parts = line.split()
        rows.append({"name": parts[0], "emb": parts[-5]})
    return rows


def test_pdftotext_gives_back_the_vietnamese_text_in_nfc(font_name: str, tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(make_pdfa(platypus_pdf(font_name), META))

    text = poppler("pdftotext", "-enc", "UTF-8", str(path), "-")

    assert MOTTO in text
    assert "QUYẾT ĐỊNH về việc khen thưởng tập thể, cá nhân" in text
    assert "Nguyễn Thị Ánh" in text
    assert unicodedata.is_normalized("NFC", text)


def test_make_pdfa_is_byte_identical_for_identical_input(font_name: str) -> None:
    source = canvas_pdf(font_name)

    first = hashlib.sha256(make_pdfa(source, META)).hexdigest()
    second = hashlib.sha256(make_pdfa(source, META)).hexdigest()

    assert first == second


def test_make_pdfa_derives_the_id_from_the_content(font_name: str) -> None:
    one = make_pdfa(canvas_pdf(font_name, "Văn bản một"), META)
    two = make_pdfa(canvas_pdf(font_name, "Văn bản hai"), META)

    with pikepdf.open(io.BytesIO(one)) as a, pikepdf.open(io.BytesIO(two)) as b:
        assert bytes(a.trailer.ID[0]) != bytes(b.trailer.ID[0])
        assert bytes(a.trailer.ID[0]) == bytes(a.trailer.ID[1])


def test_make_pdfa_ignores_the_clock_time_of_the_document_date(font_name: str) -> None:
    source = canvas_pdf(font_name)
    at_noon = dataclasses.replace(META, created=dt.datetime(2024, 12, 20, 12, 34, 56))

    assert make_pdfa(source, at_noon) == make_pdfa(source, META)


def test_make_pdfa_rejects_unembedded_helvetica() -> None:
    with pytest.raises(PdfaError) as caught:
        make_pdfa(helvetica_pdf(), META)

    problem = caught.value.problems[0]
    assert problem.code == "render.pdfa_failed"
    assert problem.params["count"] >= 1
    assert "not embedded" in problem.params["findings"]
    assert "PDF/A-2b" in problem.format("en")


def test_make_pdfa_reports_input_that_is_not_a_pdf() -> None:
    with pytest.raises(RenderError) as caught:
        make_pdfa(b"not a pdf at all", META)

    assert not isinstance(caught.value, PdfaError)
    assert caught.value.problems[0].code == "render.pdf_unreadable"
