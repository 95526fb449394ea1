"""Tests for umt_reports.render.pdf.pdfa and .pdfa_parts: reportlab draws, PDF/A-2b comes out, the validator approves."""

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

from umt_reports.errors import PdfaError
from umt_reports.render import fonts
from umt_reports.render.pdf.pdfa import PdfMetadata, check_pdfa, require_pdfa
from umt_reports.render.pdf.pdfa_parts import pdfa_bytes

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


def _canvas(font_name: str, text: str, pages: int) -> canvas.Canvas:
    c = canvas.Canvas(io.BytesIO(), pagesize=A4, invariant=1, initialFontName=font_name, initialFontSize=13)
    for page in range(pages):
        c.drawString(72, 760, text)
        c.setFont(font_name + "-Bold", 13)
        c.drawString(72, 740, f"Trang {page + 1}")
        c.showPage()
    return c


def canvas_pdf(font_name: str, text: str = MOTTO, pages: int = 2) -> bytes:
    """What reportlab writes by itself for a canvas document in the body font."""
    return bytes(_canvas(font_name, text, pages).getpdfdata())


def canvas_pdfa(font_name: str, text: str = MOTTO, meta: PdfMetadata = META) -> bytes:
    """The same canvas document written as PDF/A-2b."""
    return pdfa_bytes(_canvas(font_name, text, 2), meta)


def platypus_pdfa(font_name: str) -> bytes:
    """A two-page platypus document as PDF/A-2b: paragraphs with <b>/<i> and a table, all in the body font."""
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4, invariant=1, initialFontName=font_name)
    doc._doSave = 0  # -- saved by pdfa_bytes --
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
    return pdfa_bytes(doc.canv, META)


def helvetica_pdf() -> bytes:
    """What reportlab writes with no font registered, with the PDF/A parts: Helvetica, not embedded."""
    c = canvas.Canvas(io.BytesIO(), invariant=1)
    c.drawString(72, 760, "Cong hoa xa hoi chu nghia Viet Nam")
    c.showPage()
    return pdfa_bytes(c, META)


def poppler(tool: str, *args: str) -> str:
    """Run a poppler-utils tool; fail (not skip) when it is missing: CI installs it."""
    exe = shutil.which(tool)
    if exe is None:
        pytest.fail(f"{tool} (poppler-utils) is not on PATH; install it: apt-get install poppler-utils")
    return subprocess.run([exe, *args], check=True, capture_output=True, text=True).stdout


def test_pdfa_bytes_pass_the_pdfa_2b_check(font_name: str) -> None:
    assert check_pdfa(canvas_pdfa(font_name)) == []
    assert check_pdfa(platypus_pdfa(font_name)) == []
    require_pdfa(canvas_pdfa(font_name))


def test_check_pdfa_reads_a_file_path(font_name: str, tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(canvas_pdfa(font_name))

    assert check_pdfa(path) == []


def test_check_pdfa_lists_what_raw_reportlab_output_lacks(font_name: str) -> None:
    findings = check_pdfa(canvas_pdf(font_name))

    assert any("/Trans" in f for f in findings)
    assert any("/Metadata" in f or "pdfaid" in f for f in findings)


def test_pdfa_bytes_write_the_metadata_into_xmp_and_docinfo(font_name: str) -> None:
    with pikepdf.open(io.BytesIO(canvas_pdfa(font_name))) as pdf:
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
        assert str(info.Producer) == str(info.Creator) == "umt-reports"
        assert set(info.keys()) == {
            "/Title",
            "/Author",
            "/Subject",
            "/Keywords",
            "/Creator",
            "/Producer",
            "/CreationDate",
            "/ModDate",
        }
        assert str(info.CreationDate) == str(info.ModDate) == "D:20241220000000+07'00"
        assert str(pdf.Root.Lang) == "vi-VN"
        assert len(pdf.Root.OutputIntents) == 1
        assert pdf.Root.OutputIntents[0].S == pikepdf.Name.GTS_PDFA1
        assert "/Filter" not in pdf.Root.Metadata  # -- PDF/A: the XMP stream stays readable as it is --
        assert all("/Trans" not in page.obj for page in pdf.pages)


def test_markup_characters_in_the_metadata_stay_text(font_name: str) -> None:
    meta = dataclasses.replace(META, title='Báo cáo "Q&A" <số 1> của Sở', author="Công ty A & B", keywords=["a<b"])
    data = canvas_pdfa(font_name, meta=meta)

    assert check_pdfa(data) == []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        xmp = pdf.open_metadata()
        assert xmp["dc:title"] == meta.title
        assert xmp["dc:creator"] == ["Công ty A & B"]
        assert xmp["pdf:Keywords"] == "a<b"


def test_an_empty_field_is_left_out_of_both_docinfo_and_xmp(font_name: str) -> None:
    meta = dataclasses.replace(META, subject="", keywords=[])
    data = canvas_pdfa(font_name, meta=meta)

    assert check_pdfa(data) == []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/Subject" not in pdf.docinfo and "/Keywords" not in pdf.docinfo
        xmp = pdf.open_metadata()
        assert "dc:description" not in xmp and "pdf:Keywords" not in xmp


def test_pdfa_bytes_have_every_font_embedded(font_name: str) -> None:
    rows = _pdffonts_rows(platypus_pdfa(font_name))

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
    path.write_bytes(platypus_pdfa(font_name))

    text = poppler("pdftotext", "-enc", "UTF-8", str(path), "-")

    assert MOTTO in text
    assert "QUYẾT ĐỊNH về việc khen thưởng tập thể, cá nhân" in text
    assert "Nguyễn Thị Ánh" in text
    assert unicodedata.is_normalized("NFC", text)


def test_pdfa_bytes_are_byte_identical_for_identical_input(font_name: str) -> None:
    first = hashlib.sha256(canvas_pdfa(font_name)).hexdigest()
    second = hashlib.sha256(canvas_pdfa(font_name)).hexdigest()

    assert first == second


def test_the_id_is_derived_from_the_content(font_name: str) -> None:
    one = canvas_pdfa(font_name, "Văn bản một")
    two = canvas_pdfa(font_name, "Văn bản hai")

    with pikepdf.open(io.BytesIO(one)) as a, pikepdf.open(io.BytesIO(two)) as b:
        assert bytes(a.trailer.ID[0]) != bytes(b.trailer.ID[0])
        assert bytes(a.trailer.ID[0]) == bytes(a.trailer.ID[1])
        assert len(bytes(a.trailer.ID[0])) == 16


def test_the_clock_time_of_the_document_date_is_ignored(font_name: str) -> None:
    at_noon = dataclasses.replace(META, created=dt.datetime(2024, 12, 20, 12, 34, 56))

    assert canvas_pdfa(font_name, meta=at_noon) == canvas_pdfa(font_name)


def test_require_pdfa_rejects_unembedded_helvetica() -> None:
    with pytest.raises(PdfaError) as caught:
        require_pdfa(helvetica_pdf())

    problem = caught.value.problems[0]
    assert problem.code == "render.pdfa_failed"
    assert problem.params["count"] >= 1
    assert "not embedded" in problem.params["findings"]
    assert "PDF/A-2b" in problem.format("en")


def test_require_pdfa_rejects_bytes_that_are_not_a_pdf() -> None:
    with pytest.raises(PdfaError) as caught:
        require_pdfa(b"not a pdf at all")

    assert caught.value.problems[0].code == "render.pdfa_failed"


def test_a_shared_font_program_never_hides_a_broken_one(font_name: str) -> None:
    good = canvas_pdfa(font_name)
    require_pdfa(good)  # -- its programs are now shared in this process --
    with pikepdf.open(io.BytesIO(good)) as pdf:
        for font in pdf.pages[0].obj.Resources.Font.values():
            stream = font.FontDescriptor.FontFile2
            stream.write(stream.read_bytes()[:200])  # -- a cut program: fontTools cannot read it --
        out = io.BytesIO()
        pdf.save(out)
    broken = out.getvalue()

    with pytest.raises(PdfaError) as caught:
        require_pdfa(broken)
    assert "font" in caught.value.problems[0].params["findings"].lower()
    require_pdfa(good)
