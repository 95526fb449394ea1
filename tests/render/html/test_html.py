"""Tests for umt_reports.render.html: a Document in, HTML5 out, read back with html5lib.

The sample report checks the standalone page as a whole (strict parse, no external
resources, every paragraph's text in order); small documents built by hand check
one mapping each (headings, tables, pictures, escaping, fragment mode).
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest
from PIL import Image as PilImage

from umt_reports import load_meeting, style
from umt_reports.documents.document import (
    Annex,
    Block,
    Cell,
    Column,
    DocMeta,
    Document,
    Image,
    PageBreak,
    Para,
    Rule,
    Run,
    Spacer,
    Table,
)
from umt_reports.documents.report import build_report
from umt_reports.errors import RenderError
from umt_reports.render import Rendered, RenderOptions, render
from umt_reports.render.html import element_for, render_html
from umt_reports.render.html.css import role_class

NS = "{http://www.w3.org/1999/xhtml}"
#: Elements whose text is one block of the page (a paragraph, a heading, a cell, a caption).
TEXT_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "th", "td", "figcaption"}
EVIL = "<script>alert(1)</script>"

STANDALONE = RenderOptions()
FRAGMENT = RenderOptions(html_fragment=True)


# -- helpers ----------------------------------------------------------------------------


def parse_page(data: bytes) -> ET.Element:
    """The page as an element tree; any HTML5 parse error fails the test."""
    return html5lib.HTMLParser(strict=True).parse(data.decode("utf-8"))


def parse_fragment(data: bytes) -> ET.Element:
    """The fragment as an element tree (in a ``<div>`` context); any parse error fails the test."""
    return html5lib.HTMLParser(strict=True).parseFragment(data.decode("utf-8"))


def local(element: ET.Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.removeprefix(NS)


def elements(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if local(e) == name]


def block_texts(root: ET.Element) -> list[str]:
    """The text of every text block of the page, in document order."""
    return ["".join(e.itertext()) for e in root.iter() if local(e) in TEXT_BLOCKS]


def classes(element: ET.Element) -> list[str]:
    return (element.get("class") or "").split()


def para_texts(doc: Document) -> list[str]:
    return [b.text for b in doc.walk() if isinstance(b, Para)]


def png(width: int = 40, height: int = 30) -> bytes:
    buf = io.BytesIO()
    PilImage.new("RGB", (width, height), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


def jpeg(width: int = 48, height: int = 32) -> bytes:
    buf = io.BytesIO()
    PilImage.new("RGB", (width, height), (30, 30, 200)).save(buf, format="JPEG", quality=80)
    return buf.getvalue()


def make_doc(*blocks: Block, annexes: tuple[Annex, ...] = (), preset: style.Preset = style.ND30) -> Document:
    """A document of ``blocks`` under ``preset``, with plain metadata."""
    meta = DocMeta(
        kind="test",
        type_name="Báo cáo",
        type_code="BC",
        subject='Kiểm thử <HTML> & "trích dẫn"',
        code="01/BC-UBND",
        number=1,
        date=dt.date(2022, 6, 22),
        issuer="Ủy ban nhân dân huyện U Minh Thượng",
        issuer_symbol="UBND",
    )
    return Document(meta=meta, preset=preset, blocks=tuple(blocks), annexes=annexes)


def body_blocks(root: ET.Element) -> list[ET.Element]:
    body = elements(root, "body")
    return list(body[0]) if body else list(root)


@pytest.fixture(scope="module")
def report() -> Document:
    root = Path(__file__).resolve().parents[3]
    return build_report(load_meeting(root / "samples" / "u-minh-thuong-2022" / "meeting.yaml"))


@pytest.fixture(scope="module")
def fragment(report: Document) -> Rendered:
    return render_html(report, FRAGMENT)


@pytest.fixture(scope="module")
def report_page(report: Document) -> Rendered:
    return render_html(report, STANDALONE)


# -- the standalone page ----------------------------------------------------------------


class TestStandalonePage:
    def test_it_parses_strictly_as_html5(self, report_page: Rendered) -> None:
        root = parse_page(report_page.data)
        assert report_page.data.startswith(b"<!DOCTYPE html>\n")
        assert local(root) == "html"

    def test_it_is_in_vietnamese_and_utf8(self, report_page: Rendered) -> None:
        root = parse_page(report_page.data)
        assert root.get("lang") == "vi"
        assert [m.get("charset") for m in elements(root, "meta") if m.get("charset")] == ["utf-8"]

    def test_it_is_titled_after_the_document(self, report: Document, report_page: Rendered) -> None:
        (title,) = elements(parse_page(report_page.data), "title")
        assert title.text == report.meta.title

    def test_it_loads_nothing_from_outside(self, report_page: Rendered) -> None:
        text = report_page.data.decode("utf-8").lower()
        for needle in ("http", 'src="//', "<link", "<script", "@import", "url("):
            assert needle not in text

    def test_it_embeds_one_stylesheet_with_a_rule_per_role_used(self, report: Document, report_page: Rendered) -> None:
        (sheet,) = elements(parse_page(report_page.data), "style")
        css = sheet.text or ""
        roles = {b.role for b in report.walk() if isinstance(b, Para)}
        for role in roles:
            assert re.search(rf"\.{re.escape(role_class(role))} {{", css), role
        body = report.preset.style("body")
        rule = re.search(r"\.r-body \{([^}]*)\}", css)
        assert rule is not None
        assert f"font-size: {body.size:g}pt" in rule.group(1)
        assert "text-indent: 12.7mm" in rule.group(1)
        assert '"Times New Roman"' in css and "serif" in css
        assert ".r-annex-label" not in css  # -- a role the report does not use --

    def test_it_prints_on_the_preset_paper_and_margins(self, report_page: Rendered) -> None:
        css = report_page.data.decode("utf-8")
        assert "@page { size: A4; margin: 20mm 15mm 20mm 30mm; }" in css
        assert "@page :first { @top-center { content: none; } }" in css

    def test_it_keeps_every_paragraph_text_in_order(self, report: Document, report_page: Rendered) -> None:
        found = iter(block_texts(parse_page(report_page.data)))
        for text in para_texts(report):
            assert any(t == text for t in found), text

    def test_it_keeps_every_table_cell(self, report: Document, report_page: Rendered) -> None:
        texts = block_texts(parse_page(report_page.data))
        for table in (b for b in report.walk() if isinstance(b, Table)):
            for column in table.columns:
                assert column.header in texts
            for row in table.rows:
                for cell in row:
                    assert cell.text in texts

    def test_it_draws_the_official_header_in_the_preset_columns(self, report_page: Rendered) -> None:
        root = parse_page(report_page.data)
        (header,) = elements(root, "header")
        cells = [c for c in header if local(c) == "div"]
        assert len(cells) == 4
        assert "minmax(0, {:g}fr) minmax(0, {:g}fr)".format(*style.ND30.header_columns_mm) in report_page.data.decode(
            "utf-8"
        )
        # -- the place name is held together by no-break spaces (issue 11) --
        assert block_texts(cells[0]) == ["ỦY BAN NHÂN DÂN", "HUYỆN U\u00a0MINH\u00a0THƯỢNG"]
        assert len(elements(cells[0], "hr")) == 1

    def test_it_draws_the_signature_block_as_two_columns(self, report_page: Rendered) -> None:
        (footer,) = elements(parse_page(report_page.data), "footer")
        left, right = (c for c in footer if local(c) == "div")
        assert block_texts(left)[0] == "Nơi nhận:"
        assert block_texts(right)[-1] == "Nguyễn Quốc Khởi"
        assert any("height:60pt" in (d.get("style") or "") for d in right)

    def test_it_is_deterministic(self, report: Document, report_page: Rendered) -> None:
        again = render_html(report, STANDALONE)
        assert again.data == report_page.data
        assert (again.suffix, again.pages, again.extras) == (".html", None, ())

    def test_it_is_the_html_format_of_render(self, report: Document, report_page: Rendered) -> None:
        assert render(report, "html").data == report_page.data


# -- escaping ------------------------------------------------------------------------------


class TestEscaping:
    @pytest.fixture
    def doc(self) -> Document:
        return make_doc(
            Para.of("body", EVIL),
            Para("body", (Run("A & B "), Run("\"trích\" 'dẫn'", bold=True))),
            Table(columns=(Column(EVIL, 1.0),), rows=((Cell("x < y & z > w"),),)),
            Image(data=png(), width_px=40, height_px=30, alt='ảnh "đẹp" <b>', caption=Para.of("caption", EVIL)),
        )

    @pytest.mark.parametrize("options", [STANDALONE, FRAGMENT], ids=["page", "fragment"])
    def test_it_escapes_every_text(self, doc: Document, options: RenderOptions) -> None:
        rendered = render_html(doc, options)
        text = rendered.data.decode("utf-8")
        assert "<script" not in text and "<b>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "A &amp; B" in text
        root = parse_page(rendered.data) if not options.html_fragment else parse_fragment(rendered.data)
        texts = block_texts(root)
        assert texts.count(EVIL) == 3  # -- paragraph, column header, caption --
        assert "A & B \"trích\" 'dẫn'" in texts
        assert "x < y & z > w" in texts
        (img,) = elements(root, "img")
        assert img.get("alt") == 'ảnh "đẹp" <b>'

    def test_it_escapes_the_title(self, doc: Document) -> None:
        (title,) = elements(parse_page(render_html(doc, STANDALONE).data), "title")
        assert title.text == 'Báo cáo Kiểm thử <HTML> & "trích dẫn"'


# -- role -> element ----------------------------------------------------------------------


class TestRoleElements:
    @pytest.mark.parametrize(
        ("role", "tag"),
        [
            ("title.kind", "h1"),
            ("press.headline", "h1"),
            ("heading.1", "h2"),
            ("heading.2", "h3"),
            ("heading.3", "h4"),
            ("title.subject", "p"),
            ("body", "p"),
            ("press.kicker", "p"),
            ("press.lead", "p"),
            ("press.byline", "p"),
            ("press.timestamp", "p"),
        ],
    )
    def test_it_knows_the_element_of_a_role(self, role: str, tag: str) -> None:
        assert element_for(role) == tag

    def test_it_draws_headings_as_heading_elements(self) -> None:
        doc = make_doc(
            Para.of("title.kind", "BÁO CÁO"),
            Para.of("heading.1", "I. PHẦN MỘT"),
            Para.of("heading.2", "1. Mục một"),
            Para.of("heading.3", "a) Điểm a"),
            Para.of("body", "Nội dung."),
        )
        root = parse_page(render_html(doc, STANDALONE).data)
        drawn = [(local(e), "".join(e.itertext()), classes(e)) for e in body_blocks(root)]
        assert drawn == [
            ("h1", "BÁO CÁO", ["r-title-kind"]),
            ("h2", "I. PHẦN MỘT", ["r-heading-1"]),
            ("h3", "1. Mục một", ["r-heading-2"]),
            ("h4", "a) Điểm a", ["r-heading-3"]),
            ("p", "Nội dung.", ["r-body"]),
        ]

    def test_it_marks_only_runs_that_override_their_role(self) -> None:
        doc = make_doc(
            Para(
                "body",
                (
                    Run("thường "),
                    Run("đậm", bold=True),
                    Run(" nghiêng", italic=True),
                    Run(" gạch", underline=True),
                    Run(" vẫn thường", bold=False),
                ),
            ),
            Para("heading.2", (Run("Đậm sẵn "), Run("không đậm", bold=False), Run(" đậm", bold=True))),
        )
        text = render_html(doc, STANDALONE).data.decode("utf-8")
        assert '<p class="r-body">thường <strong>đậm</strong><em> nghiêng</em><u> gạch</u> vẫn thường</p>' in text
        assert '<h3 class="r-heading-2">Đậm sẵn <span style="font-weight:normal">không đậm</span> đậm</h3>' in text

    def test_it_keeps_runs_of_spaces(self) -> None:
        doc = make_doc(Para.of("number", "Số:      /BC-UBND"))
        page = render_html(doc, STANDALONE)
        assert "Số:      /BC-UBND" in block_texts(parse_page(page.data))
        assert "white-space: pre-wrap" in page.data.decode("utf-8")
        fragment = render_html(doc, FRAGMENT).data.decode("utf-8")
        assert "white-space:pre-wrap" in fragment

    def test_it_draws_an_empty_paragraph_as_a_line(self) -> None:
        text = render_html(make_doc(Para("body", ())), STANDALONE).data.decode("utf-8")
        assert '<p class="r-body"><br></p>' in text

    def test_it_draws_roles_of_a_new_preset_without_knowing_them(self) -> None:
        roles = {
            **style.ND30.roles,
            "press.kicker": style.TextStyle(12, bold=True, align="left"),
            "press.headline": style.TextStyle(18, bold=True, align="left"),
        }
        preset = dataclasses.replace(style.ND30, name="press-test", roles=roles)
        doc = make_doc(Para.of("press.kicker", "TIN TỨC"), Para.of("press.headline", "Hội nghị"), preset=preset)
        page = render_html(doc, STANDALONE)
        drawn = [(local(e), e.text) for e in body_blocks(parse_page(page.data))]
        assert drawn == [("p", "TIN TỨC"), ("h1", "Hội nghị")]
        assert re.search(r"\.r-press-headline \{ font-size: 18pt; font-weight: bold;", page.data.decode("utf-8"))

    def test_it_styles_roles_of_another_preset_from_that_preset(self) -> None:
        doc = make_doc(Para.of("title.kind", "BÁO CÁO"), preset=style.HD36)
        css = render_html(doc, STANDALONE).data.decode("utf-8")
        assert re.search(r"\.r-title-kind \{ font-size: 16pt; font-weight: bold;", css)


# -- rules, spacers, breaks, annexes --------------------------------------------------------


class TestMarks:
    def test_it_draws_a_line_rule_as_a_centred_hr_sized_in_ems(self) -> None:
        doc = make_doc(
            Para.of("header.motto", "Độc lập - Tự do - Hạnh phúc"),
            Rule(style.RuleSpec("line", width=1.0), over="Độc lập - Tự do - Hạnh phúc", role="header.motto"),
            Rule(style.RuleSpec("line", width=0.5), over="Độc lập - Tự do - Hạnh phúc", role="header.motto"),
        )
        root = parse_page(render_html(doc, STANDALONE).data)
        full, half = elements(root, "hr")
        widths = [float(re.search(r"width:([\d.]+)em", h.get("style") or "").group(1)) for h in (full, half)]
        assert 8 < widths[0] < 16  # -- about half an em per character --
        assert widths[1] == pytest.approx(widths[0] / 2, abs=0.002)
        assert "border-top-width:0.75pt" in (full.get("style") or "")
        assert "k-rule" in classes(full)

    @pytest.mark.parametrize(("kind", "mark"), [("star", "*"), ("dashes", "-----")])
    def test_it_prints_star_and_dash_marks(self, kind: str, mark: str) -> None:
        doc = make_doc(Rule(style.RuleSpec(kind), over="BAN DÂN VẬN", role="header.org"))  # type: ignore[arg-type]
        (p,) = body_blocks(parse_page(render_html(doc, STANDALONE).data))
        assert (local(p), p.text, classes(p)) == ("p", mark, ["r-header-org", "k-mark"])

    def test_it_draws_a_spacer_with_its_height(self) -> None:
        (div,) = body_blocks(parse_page(render_html(make_doc(Spacer(42.5)), STANDALONE).data))
        assert (local(div), div.get("style")) == ("div", "height:42.5pt")

    def test_it_breaks_pages_for_print(self) -> None:
        page = render_html(make_doc(Para.of("body", "một"), PageBreak(), Para.of("body", "hai")), STANDALONE)
        tags = [(local(e), classes(e)) for e in body_blocks(parse_page(page.data))]
        assert tags == [("p", ["r-body"]), ("hr", ["page-break"]), ("p", ["r-body"])]
        assert "hr.page-break { break-before: page; page-break-before: always }" in page.data.decode("utf-8")

    def test_it_puts_each_annex_in_a_section(self) -> None:
        annex = Annex(blocks=(Para.of("annex.label", "DANH SÁCH"), Para.of("annex.title", "các cá nhân")))
        page = render_html(make_doc(Para.of("body", "Thân bài."), annexes=(annex,)), STANDALONE)
        root = parse_page(page.data)
        (section,) = elements(root, "section")
        assert classes(section) == ["annex"]
        assert block_texts(section) == ["DANH SÁCH", "các cá nhân"]
        assert block_texts(root) == ["Thân bài.", "DANH SÁCH", "các cá nhân"]


# -- tables -----------------------------------------------------------------------------------


class TestTables:
    @pytest.fixture
    def table(self) -> Table:
        return Table(
            columns=(
                Column("STT", 0.1, "table.cell.center"),
                Column("Họ và tên", 0.6),
                Column("Hình thức", 0.3, "table.cell.center"),
            ),
            rows=(
                (Cell("I. CÁ NHÂN (2)", role="table.group", span=3),),
                (Cell("1"), Cell("Nguyễn Văn An"), Cell("Giấy khen")),
                (Cell("2"), Cell("Trần Thị Bích", span=2)),
            ),
        )

    def test_it_has_a_header_row_body_rows_widths_and_spans(self, table: Table) -> None:
        root = parse_page(render_html(make_doc(table), STANDALONE).data)
        (drawn,) = elements(root, "table")
        assert [c.get("style") for c in elements(drawn, "col")] == ["width:10%", "width:60%", "width:30%"]
        (thead,) = elements(drawn, "thead")
        assert [(th.text, th.get("scope"), classes(th)) for th in elements(thead, "th")] == [
            ("STT", "col", ["r-table-header", "k-th"]),
            ("Họ và tên", "col", ["r-table-header", "k-th"]),
            ("Hình thức", "col", ["r-table-header", "k-th"]),
        ]
        (tbody,) = elements(drawn, "tbody")
        rows = [
            [(td.text, td.get("colspan"), classes(td)[0]) for td in elements(tr, "td")] for tr in elements(tbody, "tr")
        ]
        assert rows == [
            [("I. CÁ NHÂN (2)", "3", "r-table-group")],
            [
                ("1", None, "r-table-cell-center"),
                ("Nguyễn Văn An", None, "r-table-cell"),
                ("Giấy khen", None, "r-table-cell-center"),
            ],
            [("2", None, "r-table-cell-center"), ("Trần Thị Bích", "2", "r-table-cell")],
        ]

    def test_it_inlines_cell_styles_in_a_fragment(self, table: Table) -> None:
        root = parse_fragment(render_html(make_doc(table), FRAGMENT).data)
        th = elements(root, "th")[0]
        assert "font-weight:bold" in (th.get("style") or "")
        assert "border:0.5pt solid" in (th.get("style") or "")
        group = elements(root, "td")[0]
        assert group.get("colspan") == "3"
        assert "font-weight:bold" in (group.get("style") or "")


# -- pictures ------------------------------------------------------------------------------------


class TestPictures:
    @pytest.fixture
    def doc(self) -> Document:
        return make_doc(
            Para.of("body", "Trước ảnh."),
            Image(
                data=jpeg(),
                width_px=48,
                height_px=32,
                width=0.8,
                alt="Quang cảnh",
                caption=Para.of("caption", "Quang cảnh hội nghị"),
            ),
            Image(data=png(), width_px=40, height_px=30, alt="Biểu đồ"),
        )

    def test_it_embeds_pictures_as_data_uris_in_a_page(self, doc: Document) -> None:
        page = render_html(doc, STANDALONE)
        root = parse_page(page.data)
        first, second = elements(root, "img")
        assert first.get("src", "").startswith("data:image/jpeg;base64,")
        assert second.get("src", "").startswith("data:image/png;base64,")
        assert base64.b64decode(first.get("src", "").split(",", 1)[1]) == doc.blocks[1].data  # type: ignore[union-attr]
        assert (first.get("alt"), first.get("width"), first.get("height")) == ("Quang cảnh", "48", "32")
        assert "width:80%" in (first.get("style") or "")
        (figcaption,) = elements(root, "figcaption")
        assert "".join(figcaption.itertext()) == "Quang cảnh hội nghị"
        assert len(elements(root, "figure")) == 2
        assert page.extras == ()

    def test_it_references_pictures_written_beside_a_fragment(self, doc: Document) -> None:
        fragment = render_html(doc, FRAGMENT)
        root = parse_fragment(fragment.data)
        assert [img.get("src") for img in elements(root, "img")] == ["anh-1.jpg", "anh-2.png"]
        photo, chart = doc.blocks[1], doc.blocks[2]
        assert isinstance(photo, Image) and isinstance(chart, Image)
        assert dict(fragment.extras) == {"anh-1.jpg": photo.data, "anh-2.png": chart.data}
        assert b"data:" not in fragment.data

    def test_it_reencodes_other_pictures_as_png(self) -> None:
        buf = io.BytesIO()
        PilImage.new("RGB", (8, 8), (0, 128, 0)).save(buf, format="GIF")
        fragment = render_html(make_doc(Image(data=buf.getvalue(), width_px=8, height_px=8)), FRAGMENT)
        ((name, data),) = fragment.extras
        assert name == "anh-1.png" and data.startswith(b"\x89PNG\r\n\x1a\n")

    def test_it_refuses_bytes_that_are_no_picture(self) -> None:
        with pytest.raises(RenderError):
            render_html(make_doc(Image(data=b"not a picture", width_px=1, height_px=1, alt="x")), STANDALONE)


# -- the fragment -------------------------------------------------------------------------------


class TestFragment:
    def test_it_parses_strictly_as_a_fragment(self, fragment: Rendered) -> None:
        root = parse_fragment(fragment.data)
        (wrapper,) = [e for e in root if local(e) == "div"]
        assert wrapper.get("lang") == "vi"

    def test_it_holds_only_content(self, fragment: Rendered) -> None:
        text = fragment.data.decode("utf-8").lower()
        for needle in (r"<!doctype", r"<html\b", r"<head\b", r"<body\b", r"<style\b", r"<script\b", r"<link\b", "http"):
            assert not re.search(needle, text), needle

    def test_it_styles_every_paragraph_inline(self, report: Document, fragment: Rendered) -> None:
        root = parse_fragment(fragment.data)
        paragraphs = [e for e in root.iter() if local(e) in {"p", "h1", "h2"}]
        assert paragraphs and all("font-size:" in (p.get("style") or "") for p in paragraphs)
        (title,) = elements(root, "h1")
        assert "font-weight:bold" in (title.get("style") or "")
        assert "text-align:center" in (title.get("style") or "")

    def test_it_keeps_every_paragraph_text_in_order(self, report: Document, fragment: Rendered) -> None:
        found = iter(block_texts(parse_fragment(fragment.data)))
        for text in para_texts(report):
            assert any(t == text for t in found), text

    def test_it_is_deterministic(self, report: Document, fragment: Rendered) -> None:
        assert render_html(report, FRAGMENT) == fragment
