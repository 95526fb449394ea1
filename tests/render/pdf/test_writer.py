"""Tests for umt_reports.render.pdf.writer: a Document in, PDF/A-2b out, checked from the outside.

Documents are built by hand in both presets; the PDFs are read back with pikepdf and
poppler (``pdftotext``, ``pdffonts``). Missing poppler tools fail the tests: the
checks they make (embedded fonts, page text) are the point of these tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from PIL import Image as PilImage

from umt_reports import style
from umt_reports.documents.document import (
    Annex,
    Block,
    Cell,
    Column,
    DocMeta,
    Document,
    HeaderBlock,
    Image,
    PageBreak,
    Para,
    Rule,
    Run,
    SignatureBlock,
    Spacer,
    Table,
)
from umt_reports.errors import RenderError
from umt_reports.render import Rendered, RenderOptions
from umt_reports.render.pdf import render_pdf
from umt_reports.render.pdf.pdfa import check_pdfa

A4_POINTS = [0, 0, 595.2756, 841.8898]

NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bích",
    "Lê Hoàng Cường",
    "Phạm Ngọc Diệp",
    "Huỳnh Thanh Đạt",
    "Võ Thị Ểnh",
    "Đặng Quốc Gia",
    "Bùi Thị Hằng",
    "Đỗ Minh Khải",
    "Hồ Thị Lụa",
]
BODY = (
    "Trong giai đoạn 2016-2021, Ban Dân vận Huyện ủy và Ủy ban nhân dân huyện đã phối hợp chặt chẽ "
    "trong việc triển khai thực hiện công tác dân vận chính quyền, gắn với phong trào thi đua "
    "“Dân vận khéo”, góp phần quan trọng vào việc hoàn thành các chỉ tiêu kinh tế - xã hội của huyện."
)


# -- document builders ------------------------------------------------------------------


def _meta(
    kind: str = "report", code: str | None = "25/BC-UBND", date: dt.date | None = dt.date(2022, 6, 22)
) -> DocMeta:
    return DocMeta(
        kind=kind,
        type_name="Báo cáo",
        type_code="BC",
        subject="Tổng kết 5 năm thực hiện chương trình phối hợp",
        code=code,
        number=25,
        date=date,
        issuer="Ủy ban nhân dân huyện U Minh Thượng",
        issuer_symbol="UBND",
        keywords=("dân vận", "tổng kết"),
    )


def header(preset: style.Preset, org: str = "HUYỆN U MINH THƯỢNG") -> HeaderBlock:
    """The page-1 header of ``preset`` as the documents layer builds it."""
    nation = [Para.of(role, text) for role, text in preset.nation_lines]
    last_role, last_text = preset.nation_lines[-1]
    right_top: tuple[Block, ...] = (*nation, Rule(preset.nation_rule, last_text, last_role))
    left_top: tuple[Block, ...] = (
        Para.of("header.parent", "ỦY BAN NHÂN DÂN" if preset is style.ND30 else "HUYỆN ỦY U MINH THƯỢNG"),
        Para.of("header.org", org),
        Rule(preset.org_rule, org, "header.org"),
    )
    number = preset.number(25, "BC", "UBND" if preset is style.ND30 else "BDVHU")
    return HeaderBlock(
        rows=(
            (left_top, right_top),
            ((Para.of("number", number),), (Para.of("date_line", "U Minh Thượng, ngày 22 tháng 6 năm 2022"),)),
        )
    )


def title(preset: style.Preset) -> tuple[Block, ...]:
    subject = "về tổng kết 5 năm thực hiện chương trình phối hợp"
    return (
        Para.of("title.kind", "BÁO CÁO"),
        Para.of("title.subject", subject),
        Rule(preset.subject_rule, subject, "title.subject"),
    )


def signature(preset: style.Preset) -> SignatureBlock:
    return SignatureBlock(
        left=(
            Para.of("recipients.label", preset.recipients_label),
            Para.of("recipients.item", "- Thường trực Huyện ủy;"),
            Para.of("recipients.item", "- Ban Dân vận Tỉnh ủy;"),
            Para.of("recipients.item", preset.filing_pattern.format(codes="VT, VP")),
        ),
        right=(
            Para.of("signature.authority", f"{preset.prefix('TM')} ỦY BAN NHÂN DÂN"),
            Para.of("signature.title", "CHỦ TỊCH"),
            Spacer(preset.signature_space_pt),
            Para.of("signature.name", "Nguyễn Quốc Khởi"),
        ),
    )


def award_table(rows: int) -> Table:
    return Table(
        columns=(
            Column("STT", 0.08, "table.cell.center"),
            Column("Họ và tên", 0.32),
            Column("Chức vụ, đơn vị", 0.45),
            Column("Ghi chú", 0.15),
        ),
        rows=(
            (Cell("I. CÁ NHÂN", role="table.group", span=4),),
            *(
                (
                    Cell(str(i)),
                    Cell(NAMES[i % len(NAMES)]),
                    Cell(f"Chủ tịch Ủy ban nhân dân xã Thạnh Yên A, ấp {i}"),
                    Cell(""),
                )
                for i in range(1, rows + 1)
            ),
        ),
    )


def report(
    preset: style.Preset = style.ND30,
    *,
    paragraphs: int = 6,
    table_rows: int = 40,
    annex_rows: int = 45,
    extra: tuple[Block, ...] = (),
) -> Document:
    """A multi-page report: header, title, sections, a long table, signature, an annex."""
    body: list[Block] = [header(preset), *title(preset)]
    body.append(Para.of("heading.1", "I. KẾT QUẢ ĐẠT ĐƯỢC"))
    body.extend(Para.of("body", f"{i}. {BODY}") for i in range(1, paragraphs + 1))
    body.append(Para.of("heading.2", "1. Danh sách cá nhân được khen thưởng"))
    body.append(award_table(table_rows))
    body.extend(extra)
    body.append(
        Para(
            "body",
            (
                Run("Trên đây là báo cáo tổng kết "),
                Run("giai đoạn 2016-2021", bold=True),
                Run(" của Ủy ban nhân dân huyện" + (f" {preset.closing_mark}" if preset.closing_mark else "")),
            ),
        )
    )
    body.append(signature(preset))
    annex = Annex(
        blocks=(
            Para.of("annex.label", "DANH SÁCH"),
            Para.of("annex.title", "Cá nhân được tặng Giấy khen"),
            Para.of("annex.ref", "(Kèm theo Báo cáo số 25/BC-UBND ngày 22/6/2022 của Ủy ban nhân dân huyện)"),
            award_table(annex_rows),
        )
    )
    return Document(meta=_meta(), preset=preset, blocks=tuple(body), annexes=(annex,))


def short(blocks: tuple[Block, ...], preset: style.Preset = style.ND30, **kw: object) -> Document:
    return Document(meta=_meta(), preset=preset, blocks=blocks, **kw)  # type: ignore[arg-type]


# -- reading PDFs back ------------------------------------------------------------------


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"poppler tool {name!r} is not installed; these checks need it (apt-get install poppler-utils)")
    return path


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="pdf-writer-") as tmp:
        yield Path(tmp)


def write(rendered: Rendered, workdir: Path, name: str) -> Path:
    path = workdir / f"{name}.pdf"
    path.write_bytes(rendered.data)
    return path


def page_texts(path: Path, *flags: str) -> list[str]:
    """The text of each page, as pdftotext reads it (reading order; ``-raw``: drawing order)."""
    out = subprocess.run(
        [_tool("pdftotext"), "-enc", "UTF-8", *flags, str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def words(path: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """``(word, x_min, y_min, x_max, y_max)`` of one page (1-based), y from the top, in points."""
    out = subprocess.run(
        [_tool("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', out)
    return [(html.unescape(w), float(a), float(b), float(c), float(d)) for a, b, c, d, w in found]


def filters(stream: pikepdf.Stream) -> list[str]:
    value = stream.get("/Filter")
    if value is None:
        return []
    return [str(f) for f in value] if isinstance(value, pikepdf.Array) else [str(value)]


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def first_line(page: str) -> str:
    return next((line.strip() for line in page.splitlines() if line.strip()), "")


@pytest.fixture(scope="module")
def nd30_report(workdir: Path) -> tuple[Document, Rendered, Path]:
    doc = report(style.ND30)
    rendered = render_pdf(doc, RenderOptions())
    return doc, rendered, write(rendered, workdir, "nd30-report")


@pytest.fixture(scope="module")
def hd36_report(workdir: Path) -> tuple[Document, Rendered, Path]:
    doc = report(style.HD36)
    rendered = render_pdf(doc, RenderOptions())
    return doc, rendered, write(rendered, workdir, "hd36-report")


@pytest.fixture(params=["nd30", "hd36"])
def any_report(request: pytest.FixtureRequest, nd30_report, hd36_report) -> tuple[Document, Rendered, Path]:
    return nd30_report if request.param == "nd30" else hd36_report


# -- file-level facts --------------------------------------------------------------------


def test_it_returns_pdfa_2b_with_its_page_count_and_font(any_report) -> None:
    doc, rendered, path = any_report
    assert rendered.suffix == ".pdf"
    assert rendered.pdfa == "2B"
    assert rendered.font and (
        "Liberation Serif" in rendered.font or "Times New Roman" in rendered.font or "Spectral" in rendered.font
    )
    assert check_pdfa(rendered.data) == []
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) == rendered.pages
        assert rendered.pages is not None and rendered.pages >= 4
        for page in pdf.pages:
            assert [round(float(v), 2) for v in page.MediaBox] == [round(v, 2) for v in A4_POINTS]
        assert str(pdf.docinfo["/Title"]) == doc.meta.title
        assert str(pdf.docinfo["/Author"]) == doc.meta.issuer
        assert str(pdf.docinfo["/Keywords"]) == "25/BC-UBND, report, dân vận, tổng kết"


def test_it_embeds_every_font(any_report) -> None:
    _doc, _rendered, path = any_report
    out = subprocess.run([_tool("pdffonts"), str(path)], check=True, capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        cols = row.split()
        # -- name type encoding emb sub uni object ID: "emb" is the 5th column from the end --
        assert cols[-5] == "yes", f"font not embedded: {row}"
        assert "Helvetica" not in row


def test_it_is_byte_identical_for_the_same_document() -> None:
    doc = report(style.HD36, table_rows=5, annex_rows=3)
    first = render_pdf(doc, RenderOptions()).data
    second = render_pdf(doc, RenderOptions()).data
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()


def _font_programs(data: bytes) -> dict[str, bytes]:
    """Each embedded TrueType program of a PDF, by its font's base name."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        found = {}
        for page in pdf.pages:
            for font in page.obj.Resources.Font.values():
                program = font.FontDescriptor.FontFile2.read_bytes()
                found[f"{font.BaseFont}"] = program
        return found


def test_two_different_documents_embed_the_same_first_subset_programs() -> None:
    one = render_pdf(short((Para.of("body", "Báo cáo kết quả hội nghị tổng kết năm 2024"),)), RenderOptions())
    two = render_pdf(short((Para.of("body", "Khen thưởng Đỗ Thị Ửng – “Lao động tiên tiến”"),)), RenderOptions())

    first, second = _font_programs(one.data), _font_programs(two.data)
    assert first and first == second  # -- the characters differ, the first subset's program does not --


def test_a_character_outside_the_fixed_ones_still_gets_its_glyph() -> None:
    text = "Ký hiệu ‰ và № trong văn bản"
    rendered = render_pdf(short((Para.of("body", text),)), RenderOptions())

    with tempfile.TemporaryDirectory() as tmp:
        assert text in page_texts(write(rendered, Path(tmp), "ky-hieu"))[0]
    assert check_pdfa(rendered.data) == []


@pytest.mark.slow
def test_it_is_byte_identical_in_another_process_with_another_hash_seed() -> None:
    # -- set or dict order that leaked into the file would differ between hash seeds --
    script = (
        "import hashlib, importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('tw', {str(Path(__file__))!r})\n"
        "tw = importlib.util.module_from_spec(spec); spec.loader.exec_module(tw)\n"
        "from umt_reports import style\n"
        "from umt_reports.render import RenderOptions\n"
        "from umt_reports.render.pdf import render_pdf\n"
        "doc = tw.report(style.ND30, table_rows=5, annex_rows=3)\n"
        "print(hashlib.sha256(render_pdf(doc, RenderOptions()).data).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2")
    }
    here = hashlib.sha256(render_pdf(report(style.ND30, table_rows=5, annex_rows=3), RenderOptions()).data)
    assert digests == {here.hexdigest()}


def test_it_dates_an_undated_document_on_a_fixed_day() -> None:
    doc = Document(meta=_meta(date=None, code=None), preset=style.ND30, blocks=(Para.of("body", "Nội dung."),))
    rendered = render_pdf(doc, RenderOptions())
    with pikepdf.open(io.BytesIO(rendered.data)) as pdf:
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20000101")
        assert str(pdf.docinfo["/Keywords"]) == "report, dân vận, tổng kết"


# -- page numbers ---------------------------------------------------------------------------


def test_it_numbers_pages_from_2_and_restarts_in_the_annex(any_report) -> None:
    doc, rendered, path = any_report
    pages = page_texts(path)
    annex_first = next(i for i, p in enumerate(pages) if "DANH SÁCH" in p)
    assert annex_first >= 2
    assert not re.fullmatch(r"\d+", first_line(pages[0]))
    for i in range(1, annex_first):
        assert first_line(pages[i]) == str(i + 1)
    assert first_line(pages[annex_first]) == "DANH SÁCH"
    assert len(pages) > annex_first + 1, "the annex should run over two pages"
    for i in range(annex_first + 1, len(pages)):
        assert first_line(pages[i]) == str(i - annex_first + 1)


def test_it_prints_no_numbers_when_the_document_says_so(workdir: Path) -> None:
    doc = report(style.ND30, table_rows=30, annex_rows=2)
    doc = Document(meta=doc.meta, preset=doc.preset, blocks=doc.blocks, page_numbers=False)
    pages = page_texts(write(render_pdf(doc, RenderOptions()), workdir, "unnumbered"))
    assert len(pages) >= 2
    assert all(not re.fullmatch(r"\d+", first_line(p)) for p in pages)


# -- text --------------------------------------------------------------------------------------


def test_every_text_comes_out_in_order_and_in_nfc(any_report) -> None:
    doc, _rendered, path = any_report
    # -- drawing order: the header's columns side by side are drawn left cell, then right --
    text = norm(" ".join(page_texts(path, "-raw")))
    pos = 0
    for block in doc.walk():
        if isinstance(block, Para):
            wanted = norm(block.text)
            found = text.find(wanted, pos)
            assert found >= 0, f"missing or out of order: {wanted!r}"
            pos = found + len(wanted)


def test_it_draws_nfd_input_as_nfc(workdir: Path) -> None:
    nfc = "Nguyễn Quốc Khởi, Chủ tịch Ủy ban nhân dân huyện U Minh Thượng"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    doc = short((Para.of("body", nfd), award_table(1)))
    doc = Document(meta=doc.meta, preset=doc.preset, blocks=(*doc.blocks, Table((Column(nfd, 1.0),), ((Cell(nfd),),))))
    text = " ".join(page_texts(write(render_pdf(doc, RenderOptions()), workdir, "nfd")))
    assert text.count(nfc) == 3  # paragraph, header cell, body cell
    assert unicodedata.normalize("NFC", text) == text


def test_markup_characters_come_out_literally(workdir: Path) -> None:
    doc = short(
        (
            Para.of("body", "<script>alert(1)</script>"),
            Para.of("body", "A & B <b>không đậm</b> &amp; x > y"),
            Para("body", (Run("đậm <i>", bold=True), Run(" & nghiêng", italic=True), Run(" gạch", underline=True))),
            Para("signature.name", (Run("không đậm", bold=False), Run(" đậm"))),
            Table((Column("<th>", 0.5), Column("A & B", 0.5)), ((Cell("<td>"), Cell("x &lt; y")),)),
        )
    )
    text = norm(" ".join(page_texts(write(render_pdf(doc, RenderOptions()), workdir, "escape"), "-raw")))
    for literal in (
        "<script>alert(1)</script>",
        "A & B <b>không đậm</b> &amp; x > y",
        "đậm <i> & nghiêng gạch",
        "không đậm đậm",
        "<th> A & B <td> x &lt; y",
    ):
        assert literal in text


def test_repeated_spaces_and_empty_paragraphs_survive(workdir: Path) -> None:
    blank = style.ND30.number(None, "BC", "UBND")
    doc = short((Para.of("number", blank), Para.of("body", ""), Para.of("body", "Sau")))
    path = write(render_pdf(doc, RenderOptions()), workdir, "spaces")
    layout = subprocess.run(
        [_tool("pdftotext"), "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert re.search(r"Số:\s{3,}/BC-UBND", layout)


def test_a_missing_glyph_is_a_render_error_naming_it() -> None:
    doc = short((Para.of("body", "Chữ Hán 漢 không có trong phông"),))
    with pytest.raises(RenderError) as caught:
        render_pdf(doc, RenderOptions())
    assert caught.value.problems[0].code == "render.missing_glyph"
    assert "漢" in str(caught.value)
    assert "U+6F22" in str(caught.value)


# -- layout -------------------------------------------------------------------------------------


def test_a_long_table_repeats_its_header_row(nd30_report) -> None:
    doc, _rendered, path = nd30_report
    pages = page_texts(path)
    row_text = "Chủ tịch Ủy ban nhân dân xã"
    with_rows = [i for i, p in enumerate(pages) if row_text in p]
    body_table_pages = [i for i in with_rows if "DANH SÁCH" not in "".join(pages[: i + 1])]
    assert len(body_table_pages) >= 2, "the body table should cross a page"
    for i in body_table_pages:
        assert "Họ và tên" in pages[i] and "Chức vụ, đơn vị" in pages[i]
        assert pages[i].index("Họ và tên") < pages[i].index(row_text)


def test_a_heading_stays_with_the_first_rows_of_its_table_not_all_of_them(nd30_report) -> None:
    _doc, _rendered, path = nd30_report
    first = norm(page_texts(path)[0])
    assert "1. Danh sách cá nhân được khen thưởng" in first
    assert "Họ và tên" in first and "I. CÁ NHÂN" in first


def _page_of(pages: list[str], needle: str) -> int:
    hits = [i for i, p in enumerate(pages) if needle in norm(p)]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


@pytest.mark.parametrize("preset", [style.ND30, style.HD36], ids=["nd30", "hd36"])
def test_the_signer_never_starts_a_page_alone(preset: style.Preset, workdir: Path) -> None:
    # -- grow the body until the closing paragraph still fits page 1 but the signature --
    # -- does not: the closing paragraph must then move to page 2 with the signature --
    closing = "Đoạn kết thúc của báo cáo ngay trước chữ ký"
    for n in range(1, 40):
        fillers = tuple(Para.of("body", f"Đoạn {i}: " + BODY[:90]) for i in range(n))
        doc = short((header(preset), *title(preset), *fillers, Para.of("body", closing), signature(preset)), preset)
        pages = page_texts(write(render_pdf(doc, RenderOptions()), workdir, f"keep-{preset.name}-{n}"))
        signer = _page_of(pages, "Nguyễn Quốc Khởi")
        assert _page_of(pages, closing) == signer
        assert _page_of(pages, preset.recipients_label) == signer
        if signer == 1:
            break
    else:
        pytest.fail("the signature never reached page 2")
    # -- the last filler stayed on page 1: page 1 had room for the closing paragraph --
    assert _page_of(pages, f"Đoạn {n - 1}:") == 0
    doc_without_signature = short((header(preset), *title(preset), *fillers, Para.of("body", closing)), preset)
    alone = page_texts(write(render_pdf(doc_without_signature, RenderOptions()), workdir, f"alone-{preset.name}"))
    assert _page_of(alone, closing) == 0


def test_an_image_is_drawn_in_rgb_without_alpha(workdir: Path) -> None:
    picture = PilImage.new("RGBA", (40, 20), (200, 0, 0, 128))
    buf = io.BytesIO()
    picture.save(buf, format="PNG")
    doc = short((Image(buf.getvalue(), 40, 20, width=0.5, caption=Para.of("caption", "Quang cảnh hội nghị")),))
    rendered = render_pdf(doc, RenderOptions())
    assert check_pdfa(rendered.data) == []
    with pikepdf.open(io.BytesIO(rendered.data)) as pdf:
        images = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"]
        assert len(images) == 1
        assert images[0].ColorSpace == "/DeviceRGB" and "/SMask" not in images[0]
        assert int(images[0].Width) == 40
    text = norm(" ".join(page_texts(write(rendered, workdir, "image"))))
    assert "Quang cảnh hội nghị" in text


def test_a_jpeg_photo_is_embedded_as_jpeg(workdir: Path) -> None:
    buf = io.BytesIO()
    PilImage.new("RGB", (64, 48), (10, 120, 200)).save(buf, format="JPEG")
    doc = short((Image(buf.getvalue(), 64, 48, width=0.3), PageBreak(), Para.of("body", "Trang hai")))
    rendered = render_pdf(doc, RenderOptions())
    assert rendered.pages == 2
    with pikepdf.open(io.BytesIO(rendered.data)) as pdf:
        images = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"]
        assert len(images) == 1
        assert filters(images[0]) == ["/DCTDecode"]
        assert images[0].read_raw_bytes() == buf.getvalue()  # the photo itself, untouched


def test_the_page_number_sits_centred_in_the_top_margin(nd30_report) -> None:
    _doc, _rendered, path = nd30_report
    page = style.ND30.page
    mm = 72 / 25.4
    number = next(w for w in words(path, 2) if w[0] == "2")
    _text, x0, y0, x1, y1 = number
    assert (x0 + x1) / 2 == pytest.approx((page.left_mm + page.text_width_mm / 2) * mm, abs=0.5)
    assert y0 >= page.header_mm * mm - 1 and y1 <= page.top_mm * mm
    assert not any(w[2] < page.top_mm * mm for w in words(path, 1) if re.fullmatch(r"\d+", w[0]))


@pytest.mark.parametrize("preset", [style.ND30, style.HD36], ids=["nd30", "hd36"])
def test_header_texts_are_centred_in_their_columns(preset: style.Preset, workdir: Path) -> None:
    doc = short((header(preset), *title(preset)), preset)
    path = write(render_pdf(doc, RenderOptions()), workdir, f"header-{preset.name}")
    mm = 72 / 25.4
    left_w, right_w = preset.header_columns_mm
    page = preset.page
    table_left = page.left_mm + (page.text_width_mm - left_w - right_w) / 2
    placed = words(path, 1)

    def centre_of(line: str) -> float:
        first, last = line.split()[0], line.split()[-1]
        x0 = next(w[1] for w in placed if w[0] == first)
        x1 = next(w[3] for w in placed if w[0] == last)
        return (x0 + x1) / 2 / mm

    _role, nation = preset.nation_lines[0]
    assert centre_of(nation) == pytest.approx(table_left + left_w + right_w / 2, abs=0.5)
    assert centre_of("HUYỆN U MINH THƯỢNG") == pytest.approx(table_left + left_w / 2, abs=0.5)


def test_a_spanning_cell_uses_the_merged_width(workdir: Path) -> None:
    doc = short((award_table(2),))
    path = write(render_pdf(doc, RenderOptions()), workdir, "span")
    mm = 72 / 25.4
    page = style.ND30.page
    first_column_right = (page.left_mm + 0.08 * page.text_width_mm) * mm
    group = [w for w in words(path, 1) if w[0] in ("I.", "CÁ", "NHÂN")]
    assert [w[0] for w in group] == ["I.", "CÁ", "NHÂN"]
    assert group[-1][3] > first_column_right
    assert group[0][2] == group[-1][2]  # one line: the text was not squeezed into the first column


# -- header columns: a name line drops to 12 pt before it wraps (issue 11) --------------------

from umt_reports.render.fonts import resolve_font
from umt_reports.render.measure import PT_PER_MM, text_width_pt

#: Too wide for the 72 mm column at 13 pt, narrow enough at 12 pt (checked below).
FITS_AT_12 = "XÃ ĐÔNG HÒA HIỆP TÂY BẮC MỚI"


def test_a_header_name_too_wide_at_13_pt_is_set_at_12_pt_on_one_line(workdir: Path) -> None:
    org = style.ND30.style("header.org")
    column = style.ND30.header_columns_mm[0] * PT_PER_MM
    family = resolve_font(None)
    assert (
        text_width_pt(FITS_AT_12, org, family)
        > column
        >= text_width_pt(FITS_AT_12, dataclasses.replace(org, size=12), family)
    )
    path = write(render_pdf(short((header(style.ND30, FITS_AT_12),)), RenderOptions()), workdir, "fit-12")
    left_edge = style.ND30.page.left_mm * PT_PER_MM
    found = [b for b in words(path, 1) if b[3] <= left_edge + column + 1]  # -- the left column only --
    names = [b for b in found if b[0] in FITS_AT_12.split()]
    parent = [b for b in found if b[0] in ("ỦY", "BAN", "NHÂN", "DÂN")][:4]
    assert len({round(b[2]) for b in names}) == 1  # -- one line --
    ratio = (names[0][4] - names[0][2]) / (parent[0][4] - parent[0][2])
    assert ratio == pytest.approx(12 / 13, abs=0.02)


def test_a_header_name_too_wide_even_at_12_pt_wraps_keeping_the_place_name_whole(workdir: Path) -> None:
    org = "ỦY BAN NHÂN DÂN XÃ THẠNH\u00a0YÊN\u00a0ĐÔNG"
    path = write(render_pdf(short((header(style.ND30, org),)), RenderOptions()), workdir, "fit-wrap")
    lines = [line.strip() for line in page_texts(path)[0].splitlines() if "THẠNH" in line or "ĐÔNG" in line]
    assert any("THẠNH" in line and "YÊN" in line and "ĐÔNG" in line for line in lines)
