"""Tests for umt_reports.render.docx: a Document in, a .docx out, inspected as OOXML and through python-docx."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import io
import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from lxml import etree

import umt_reports.render.docx as docx_renderer
from umt_reports.documents.document import (
    Cell,
    Column,
    Document,
    PageBreak,
    Para,
    Rule,
    Run,
    SignatureBlock,
    Spacer,
    Table,
)
from umt_reports.render import RenderOptions, render
from umt_reports.render.docx import render_docx
from umt_reports.render.fonts import resolve_font
from umt_reports.render.measure import PT_PER_MM, text_width_pt
from umt_reports.style import HD36, ND30, Preset

_spec = importlib.util.spec_from_file_location("umt_docx_sample_docs", Path(__file__).with_name("sample_docs.py"))
assert _spec is not None and _spec.loader is not None
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
PRESETS = pytest.mark.parametrize("preset", [ND30, HD36], ids=["nd30", "hd36"])
SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def twips(pt: float) -> int:
    return round(pt * 20)


@cache
def _bytes_of(preset_name: str, image: bool = False) -> bytes:
    preset = {"nd30": ND30, "hd36": HD36}[preset_name]
    return render_docx(sample.report(preset, image=image), RenderOptions()).data


def report_bytes(preset: Preset, image: bool = False) -> bytes:
    """The sample report of ``preset`` as .docx bytes (rendered once per session)."""
    return _bytes_of(preset.name, image)


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def parts(data: bytes, prefix: str) -> list[etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [etree.fromstring(z.read(n)) for n in sorted(z.namelist()) if n.startswith(prefix)]


def body(data: bytes) -> etree._Element:
    return part(data, "word/document.xml").find(w("body"))


def word(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def tables(data: bytes) -> list[etree._Element]:
    return body(data).findall(w("tbl"))


def grid(tbl: etree._Element) -> list[int]:
    return [int(c.get(w("w"))) for c in tbl.find(w("tblGrid"))]


def para_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def one_doc(preset: Preset, *blocks: object, **kw: object) -> Document:
    """A document of just ``blocks`` (sample metadata)."""
    return Document(sample.meta(preset), preset, tuple(blocks), **kw)  # type: ignore[arg-type]


# -- page ------------------------------------------------------------------------------


@PRESETS
def test_every_section_is_a4_portrait_with_the_preset_margins(preset: Preset) -> None:
    sections = word(report_bytes(preset)).sections
    assert len(sections) == 2  # body + annex
    for section in sections:
        assert section.orientation == WD_ORIENT.PORTRAIT
        assert section.page_width.mm == pytest.approx(210, abs=0.05)
        assert section.page_height.mm == pytest.approx(297, abs=0.05)
        assert section.top_margin.mm == pytest.approx(preset.page.top_mm, abs=0.05)
        assert section.bottom_margin.mm == pytest.approx(preset.page.bottom_mm, abs=0.05)
        assert section.left_margin.mm == pytest.approx(preset.page.left_mm, abs=0.05)
        assert section.right_margin.mm == pytest.approx(preset.page.right_mm, abs=0.05)
        assert section.header_distance.mm == pytest.approx(preset.page.header_mm, abs=0.05)


def test_a_page_wider_than_tall_is_landscape() -> None:
    doc = one_doc(ND30, Para.of("body", "Bảng tổng hợp"), page=ND30.page.landscape())
    section = word(render_docx(doc, RenderOptions()).data).sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (section.page_width.mm, section.page_height.mm) == (
        pytest.approx(297, abs=0.05),
        pytest.approx(210, abs=0.05),
    )


# -- fonts, language, styles -------------------------------------------------------------


@PRESETS
def test_every_run_names_the_preset_font_in_all_four_slots_and_is_vietnamese(preset: Preset) -> None:
    data = report_bytes(preset, image=True)
    roots = [part(data, "word/document.xml"), *parts(data, "word/header")]
    runs = [r for root in roots for r in root.iter(w("r"))]
    assert len(runs) > 50
    for run in runs:
        fonts = run.find(f"{w('rPr')}/{w('rFonts')}")
        assert fonts is not None, etree.tostring(run)
        assert {slot: fonts.get(w(slot)) for slot in SLOTS} == dict.fromkeys(SLOTS, preset.font_name)
        assert run.find(f"{w('rPr')}/{w('lang')}").get(w("val")) == "vi-VN"


@PRESETS
def test_every_style_and_the_document_defaults_name_the_preset_font_in_all_four_slots(preset: Preset) -> None:
    styles = part(report_bytes(preset), "word/styles.xml")
    holders = [styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")]
    holders += [style.find(w("rPr")) for style in styles.iter(w("style"))]
    # -- the base package keeps only the default styles of each type, then one style per role --
    ids = {style.get(w("styleId")) for style in styles.iter(w("style"))}
    assert {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "UMTbody"} <= ids
    assert len(holders) > 20
    for rpr in holders:
        fonts = rpr.find(w("rFonts"))
        assert {slot: fonts.get(w(slot)) for slot in SLOTS} == dict.fromkeys(SLOTS, preset.font_name)
        assert rpr.find(w("lang")).get(w("val")) == "vi-VN"
    for fonts in styles.iter(w("rFonts")):
        assert not [name for name in fonts.attrib if name.endswith("Theme") or name.endswith("theme")]


ROLE_SAMPLE = (
    "body",
    "heading.1",
    "title.kind",
    "title.subject",
    "header.nation",
    "header.org",
    "number",
    "date_line",
    "recipients.label",
    "recipients.item",
    "signature.title",
    "table.header",
    "page_number",
)


@PRESETS
def test_each_role_used_becomes_a_word_style_with_the_preset_values(preset: Preset) -> None:
    styles = word(report_bytes(preset)).styles
    for role in ROLE_SAMPLE:
        spec = preset.style(role)
        style = styles[f"UMT {role}"]
        assert style.base_style.name == "Normal"
        assert style.font.size == Pt(spec.size), role
        assert (style.font.bold, style.font.italic, bool(style.font.underline)) == (
            spec.bold,
            spec.italic,
            spec.underline,
        ), role
        fmt = style.paragraph_format
        assert (
            fmt.alignment
            == {
                "left": WD_ALIGN_PARAGRAPH.LEFT,
                "center": WD_ALIGN_PARAGRAPH.CENTER,
                "right": WD_ALIGN_PARAGRAPH.RIGHT,
                "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
            }[spec.align]
        )
        assert fmt.first_line_indent.mm == pytest.approx(spec.first_indent_mm, abs=0.05), role
        assert fmt.space_before.pt == pytest.approx(spec.space_before_pt), role
        assert fmt.space_after.pt == pytest.approx(spec.space_after_pt), role
        assert fmt.line_spacing == pytest.approx(spec.line_spacing, abs=0.01), role
        assert bool(fmt.keep_with_next) == spec.keep_with_next, role


def test_only_roles_in_use_get_a_style() -> None:
    data = render_docx(
        one_doc(ND30, Para.of("body", "Một đoạn.")),
        RenderOptions(),
    ).data
    names = {s.name for s in word(data).styles if s.name.startswith("UMT ")}
    assert names == {"UMT body", "UMT page_number"}


def test_text_is_drawn_exactly_as_given_in_reading_order() -> None:
    doc = sample.report(ND30)
    data = render_docx(doc, RenderOptions()).data
    marks = {"*", "-----"}
    drawn = [para_text(p) for p in body(data).iter(w("p"))]
    drawn = [t for t in drawn if t and t not in marks]
    assert drawn == doc.text().split("\n")


def test_lower_case_text_in_an_upper_case_role_stays_lower_case() -> None:
    data = render_docx(one_doc(ND30, Para.of("header.org", "văn phòng")), RenderOptions()).data
    paragraph = word(data).paragraphs[0]
    assert paragraph.text == "văn phòng"
    assert paragraph.style.name == "UMT header.org"
    assert body(data).find(f".//{w('caps')}") is None


def test_run_overrides_apply_only_where_the_run_sets_them() -> None:
    para = Para("heading.3", (Run("đậm", bold=True), Run("theo vai"), Run("thẳng", italic=False)))
    runs = word(render_docx(one_doc(ND30, para), RenderOptions()).data).paragraphs[0].runs
    assert [(r.bold, r.italic) for r in runs] == [(True, None), (None, None), (None, False)]


def test_keep_with_next_of_a_paragraph_is_written_on_it() -> None:
    doc = one_doc(ND30, Para.of("body", "Giữ", keep_with_next=True), Para.of("body", "Sau"))
    paragraphs = word(render_docx(doc, RenderOptions()).data).paragraphs
    assert paragraphs[0].paragraph_format.keep_with_next is True
    assert paragraphs[1].paragraph_format.keep_with_next is None


# -- official header ---------------------------------------------------------------------


@PRESETS
def test_header_is_a_borderless_fixed_table_with_the_preset_column_widths(preset: Preset) -> None:
    header = tables(report_bytes(preset))[0]
    expected = [round(mm * 1440 / 25.4) for mm in preset.header_columns_mm]
    assert grid(header) == expected
    for tr in header.iter(w("tr")):
        assert [int(tc.find(f"{w('tcPr')}/{w('tcW')}").get(w("w"))) for tc in tr.iter(w("tc"))] == expected
        assert {tc.find(f"{w('tcPr')}/{w('tcW')}").get(w("type")) for tc in tr.iter(w("tc"))} == {"dxa"}
    tblpr = header.find(w("tblPr"))
    assert tblpr.find(w("tblLayout")).get(w("type")) == "fixed"
    assert {b.get(w("val")) for b in tblpr.find(w("tblBorders"))} == {"nil"}
    assert {m.get(w("w")) for m in tblpr.find(w("tblCellMar"))} == {"0"}


def test_nd30_line_rules_are_bottom_borders_centred_under_their_text() -> None:
    header = tables(report_bytes(ND30))[0]
    family = resolve_font(None)
    first_row = header.find(w("tr"))
    found = []
    for tc, col_mm, (role, over, spec) in zip(
        first_row.iter(w("tc")),
        ND30.header_columns_mm,
        [("header.org", sample.ORG["nd30"], ND30.org_rule), (*ND30.nation_lines[-1], ND30.nation_rule)],
    ):
        rule = [p for p in tc.iter(w("p")) if p.find(f"{w('pPr')}/{w('pBdr')}/{w('bottom')}") is not None]
        assert len(rule) == 1
        ppr = rule[0].find(w("pPr"))
        line = spec.width * text_width_pt(over, ND30.style(role), family)
        side = (col_mm * PT_PER_MM - line) / 2
        ind = ppr.find(w("ind"))
        assert int(ind.get(w("left"))) == pytest.approx(twips(side), abs=2)
        assert int(ind.get(w("right"))) == pytest.approx(twips(side), abs=2)
        assert ind.get(w("firstLine")) == "0"
        bottom = ppr.find(f"{w('pBdr')}/{w('bottom')}")
        assert (bottom.get(w("val")), bottom.get(w("sz"))) == ("single", str(round(spec.thickness_pt * 8)))
        spacing = ppr.find(w("spacing"))
        assert int(spacing.get(w("line"))) == round((1 + spec.gap_pt) * 20)  # a hairline below the gap
        assert spacing.get(w("before")) == spacing.get(w("after")) == "0"
        assert para_text(rule[0]) == ""
        found.append(side)
    assert found[0] > found[1] > 0  # the org rule is 0.4 of its text, the motto rule its full length


def test_a_rule_never_outgrows_the_space_it_is_centred_in() -> None:
    long = "Tổng kết " * 40
    doc = one_doc(ND30, Para.of("title.subject", long), Rule(ND30.nation_rule, long, "title.subject"))
    ind = body(render_docx(doc, RenderOptions()).data).findall(f".//{w('ind')}")[-1]
    assert (ind.get(w("left")), ind.get(w("right"))) == ("0", "0")


def test_party_marks_are_a_centred_star_in_the_role_size_and_dashes() -> None:
    data = report_bytes(HD36)
    left_cell = tables(data)[0].find(w("tr")).find(w("tc"))
    star = [p for p in left_cell.iter(w("p")) if para_text(p) == "*"]
    assert len(star) == 1
    assert star[0].find(f"{w('pPr')}/{w('jc')}").get(w("val")) == "center"
    assert star[0].find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) == "UMTheader.org"
    dashes = [p for p in body(data).findall(w("p")) if para_text(p) == "-----"]
    assert len(dashes) == 1
    assert dashes[0].find(f"{w('pPr')}/{w('jc')}").get(w("val")) == "center"


# -- page numbers ------------------------------------------------------------------------


def _header_xml(data: bytes, sectpr: etree._Element, kind: str) -> etree._Element:
    rels = part(data, "word/_rels/document.xml.rels")
    ref = [h for h in sectpr.findall(w("headerReference")) if h.get(w("type")) == kind]
    assert len(ref) == 1, kind
    rid = ref[0].get(f"{{{NS['r']}}}id")
    target = [r.get("Target") for r in rels if r.get("Id") == rid][0]
    return part(data, f"word/{target}")


@PRESETS
def test_page_number_is_a_centred_page_field_in_the_header_and_absent_from_first_pages(preset: Preset) -> None:
    data = report_bytes(preset)
    sectprs = list(body(data).iter(w("sectPr")))
    assert len(sectprs) == 2
    for sectpr in sectprs:
        assert sectpr.find(w("titlePg")) is not None
        default = _header_xml(data, sectpr, "default")
        assert [t.text for t in default.iter(w("instrText"))] == [" PAGE "]
        paragraph = default.find(w("p"))
        assert paragraph.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) == "UMTpage_number"
        first = _header_xml(data, sectpr, "first")
        assert first.find(f".//{w('fldChar')}") is None and para_text(first) == ""
    assert word(data).styles["UMT page_number"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_no_header_when_the_document_has_no_page_numbers() -> None:
    data = render_docx(sample.report(ND30, page_numbers=False), RenderOptions()).data
    for sectpr in body(data).iter(w("sectPr")):
        assert sectpr.find(w("headerReference")) is None
        assert sectpr.find(w("titlePg")) is None


# -- data tables -------------------------------------------------------------------------


@PRESETS
def test_data_table_has_fixed_widths_a_repeating_header_row_and_unsplittable_rows(preset: Preset) -> None:
    table = tables(report_bytes(preset))[1]
    text_pt = preset.page.text_width_mm * PT_PER_MM
    widths = [round(c.width * preset.page.text_width_mm * 1440 / 25.4) for c in sample.awards_table().columns]
    assert grid(table) == widths
    rows = table.findall(w("tr"))
    assert rows[0].find(f"{w('trPr')}/{w('tblHeader')}") is not None
    assert all(r.find(f"{w('trPr')}/{w('tblHeader')}") is None for r in rows[1:])
    assert all(r.find(f"{w('trPr')}/{w('cantSplit')}") is not None for r in rows)
    header_styles = {p.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) for p in rows[0].iter(w("p"))}
    assert header_styles == {"UMTtable.header"}
    assert [para_text(tc) for tc in rows[0].findall(w("tc"))] == ["STT", "Họ và tên", "Chức vụ, đơn vị"]
    assert [int(tc.find(f"{w('tcPr')}/{w('tcW')}").get(w("w"))) for tc in rows[2].findall(w("tc"))] == widths
    first_cell = rows[2].find(w("tc")).find(w("p"))
    assert first_cell.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) == "UMTtable.cell.center"
    tblpr = table.find(w("tblPr"))
    assert {(b.get(w("val")), b.get(w("sz"))) for b in tblpr.find(w("tblBorders"))} == {("single", "4")}
    assert {m.get(w("w")) for m in tblpr.find(w("tblCellMar"))} == {str(twips(preset.cell_padding_pt))}
    assert sum(widths) == pytest.approx(twips(text_pt), abs=3)


def test_a_spanning_cell_is_merged_across_its_columns() -> None:
    group = tables(report_bytes(ND30))[1].findall(w("tr"))[1]
    cells = group.findall(w("tc"))
    assert len(cells) == 1
    assert cells[0].find(f"{w('tcPr')}/{w('gridSpan')}").get(w("val")) == "3"
    assert int(cells[0].find(f"{w('tcPr')}/{w('tcW')}").get(w("w"))) == sum(grid(tables(report_bytes(ND30))[1]))
    assert cells[0].find(f".//{w('pStyle')}").get(w("val")) == "UMTtable.group"


def test_a_row_wider_than_the_table_is_refused() -> None:
    table = Table((Column("A", 0.5), Column("B", 0.5)), ((Cell("x", span=3),),))
    with pytest.raises(ValueError, match="spans 3 columns"):
        render_docx(one_doc(ND30, table), RenderOptions())


def test_adjacent_tables_are_parted_by_a_hairline_paragraph() -> None:
    table = Table((Column("A", 1.0),), ((Cell("x"),),))
    children = [c.tag for c in body(render_docx(one_doc(ND30, table, table), RenderOptions()).data)]
    assert children == [w("tbl"), w("p"), w("tbl"), w("p"), w("sectPr")]


# -- signature block -----------------------------------------------------------------------


@PRESETS
def test_signature_block_is_kept_with_the_last_body_paragraph(preset: Preset) -> None:
    data = report_bytes(preset)
    main = body(data)
    signature = main.findall(w("tbl"))[2]
    before = signature.getprevious()
    assert para_text(before).startswith("Trên đây là báo cáo")
    assert before.find(f"{w('pPr')}/{w('keepNext')}") is not None
    row = signature.findall(w("tr"))
    assert len(row) == 1 and row[0].find(f"{w('trPr')}/{w('cantSplit')}") is not None
    assert all(p.find(f"{w('pPr')}/{w('keepNext')}") is not None for p in row[0].iter(w("p")))
    text = preset.page.text_width_mm * PT_PER_MM
    right = preset.signature_column * text
    assert grid(signature) == [pytest.approx(twips(text - right), abs=1), pytest.approx(twips(right), abs=1)]
    assert {b.get(w("val")) for b in signature.find(f"{w('tblPr')}/{w('tblBorders')}")} == {"nil"}
    assert main.index(signature) < main.index(next(main.iter(w("sectPr"))).getparent().getparent())


def test_signature_space_is_an_empty_paragraph_of_exactly_that_height() -> None:
    signature = tables(report_bytes(ND30))[2]
    right = signature.find(w("tr")).findall(w("tc"))[1]
    empty = [p for p in right.iter(w("p")) if para_text(p) == ""]
    assert len(empty) == 1
    spacing = empty[0].find(f"{w('pPr')}/{w('spacing')}")
    assert (spacing.get(w("line")), spacing.get(w("lineRule"))) == (str(twips(ND30.signature_space_pt)), "exact")


def test_keep_with_next_reaches_back_over_spacers_to_the_last_body_paragraph() -> None:
    doc = one_doc(
        ND30,
        Para.of("body", "Cuối."),
        Spacer(12),
        SignatureBlock((Para.of("recipients.label", "Nơi nhận:"),), (Para.of("signature.name", "A"),)),
    )
    paragraphs = body(render_docx(doc, RenderOptions()).data).findall(w("p"))
    assert [p.find(f"{w('pPr')}/{w('keepNext')}") is not None for p in paragraphs[:2]] == [True, True]


# -- spacers, breaks, pictures, annexes ----------------------------------------------------


def test_spacer_is_an_empty_paragraph_of_exact_height() -> None:
    p = body(render_docx(one_doc(ND30, Spacer(24)), RenderOptions()).data).find(w("p"))
    spacing = p.find(f"{w('pPr')}/{w('spacing')}")
    assert (spacing.get(w("line")), spacing.get(w("lineRule")), spacing.get(w("after"))) == ("480", "exact", "0")
    assert para_text(p) == ""


def test_page_break_starts_the_next_paragraph_on_a_new_page() -> None:
    doc = one_doc(ND30, Para.of("body", "Trang một"), PageBreak(), Para.of("body", "Trang hai"))
    paragraphs = word(render_docx(doc, RenderOptions()).data).paragraphs
    assert [p.paragraph_format.page_break_before for p in paragraphs] == [None, True]


def test_page_break_before_a_table_is_a_page_break_run() -> None:
    table = Table((Column("A", 1.0),), ((Cell("x"),),))
    main = body(render_docx(one_doc(ND30, Para.of("body", "Trước"), PageBreak(), table), RenderOptions()).data)
    breaker = main.find(w("tbl")).getprevious()
    assert breaker.find(f".//{w('br')}").get(w("type")) == "page"


def test_picture_is_inline_centred_scaled_to_the_text_width_and_kept_with_its_caption() -> None:
    data = report_bytes(ND30, image=True)
    inline = body(data).find(f".//{{{NS['wp']}}}inline")
    extent = inline.find(f"{{{NS['wp']}}}extent")
    width_emu = 0.5 * ND30.page.text_width_mm * 36000
    assert int(extent.get("cx")) == pytest.approx(width_emu, rel=1e-3)
    assert int(extent.get("cy")) == pytest.approx(width_emu * 40 / 64, rel=1e-3)
    assert inline.find(f"{{{NS['wp']}}}docPr").get("descr") == "Quang cảnh"
    paragraph = inline.getparent()
    while paragraph.tag != w("p"):
        paragraph = paragraph.getparent()
    assert paragraph.find(f"{w('pPr')}/{w('jc')}").get(w("val")) == "center"
    assert paragraph.find(f"{w('pPr')}/{w('keepNext')}") is not None
    caption = paragraph.getnext()
    assert para_text(caption) == "Quang cảnh hội nghị"
    assert caption.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) == "UMTcaption"


@PRESETS
def test_annex_is_a_new_page_section_numbered_from_one(preset: Preset) -> None:
    data = report_bytes(preset)
    sections = word(data).sections
    assert sections[1].start_type == WD_SECTION.NEW_PAGE
    first, annex = list(body(data).iter(w("sectPr")))
    assert first.getparent().tag == w("pPr")  # the body section ends on a paragraph
    assert annex.find(w("pgNumType")).get(w("start")) == "1"
    assert first.find(w("pgNumType")) is None
    annex_paragraphs = [para_text(p) for p in first.getparent().getparent().itersiblings() if p.tag == w("p")]
    assert annex_paragraphs[0] == "PHỤ LỤC"
    after_break = [p for p in body(data).findall(w("p")) if p.find(f"{w('pPr')}/{w('pageBreakBefore')}") is not None]
    assert len(after_break) == 1  # the PageBreak inside the annex


# -- package ---------------------------------------------------------------------------------


def test_core_properties_describe_the_document() -> None:
    doc = sample.report(ND30)
    data = render_docx(doc, RenderOptions()).data
    core = word(data).core_properties
    assert core.title == f"Báo cáo {sample.SUBJECT}"
    assert core.author == "Ủy ban nhân dân huyện U Minh Thượng"
    assert core.subject == sample.SUBJECT
    assert core.keywords == "tổng kết, dân vận, 2016-2021"
    # -- midnight in Vietnam (UTC+7), the same instant the PDF metadata carries --
    assert core.created == core.modified == dt.datetime(2022, 6, 21, 17, tzinfo=dt.UTC)
    stamps = [e.text for e in part(data, "docProps/core.xml") if e.tag.endswith(("}created", "}modified"))]
    assert stamps == ["2022-06-21T17:00:00Z"] * 2
    assert core.language == "vi"  # -- DocMeta.language, as the PDF and HTML carry it --
    assert core.last_modified_by == "umt-reports"
    assert core.revision == 1
    assert core.comments == ""


def test_an_undated_document_carries_no_timestamp_and_stays_reproducible() -> None:
    doc = sample.report(ND30, date=None)
    first = render_docx(doc, RenderOptions()).data
    core = part(first, "docProps/core.xml")
    assert not [e for e in core if e.tag.endswith("}created") or e.tag.endswith("}modified")]
    assert render_docx(doc, RenderOptions()).data == first


@PRESETS
def test_the_same_document_gives_identical_bytes(preset: Preset) -> None:
    doc = sample.report(preset, image=True)
    first = render_docx(doc, RenderOptions())
    second = render_docx(dataclasses.replace(doc), RenderOptions())
    assert first.data == second.data
    assert (first.suffix, first.pages) == (".docx", None)
    with zipfile.ZipFile(io.BytesIO(first.data)) as z:
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_template_leftovers_are_not_shipped() -> None:
    with zipfile.ZipFile(io.BytesIO(report_bytes(ND30))) as z:
        names = z.namelist()
    assert not [n for n in names if "thumbnail" in n or "stylesWithEffects" in n]


def test_the_file_declares_current_word_layout() -> None:
    settings = part(report_bytes(ND30), "word/settings.xml")
    mode = [s.get(w("val")) for s in settings.iter(w("compatSetting")) if s.get(w("name")) == "compatibilityMode"]
    assert mode == ["15"]


def test_render_registry_draws_docx() -> None:
    rendered = render(sample.report(HD36, annex=False), "docx")
    assert rendered.suffix == ".docx"
    assert word(rendered.data).paragraphs[0].text  # opens and has text


def test_exported_members() -> None:
    assert docx_renderer.__all__ == ["render_docx"]


# -- header columns: a name line drops to 12 pt before it wraps (issue 11) --------------------


def _header_doc(org: str) -> Document:
    from umt_reports.documents.document import DocMeta, HeaderBlock

    meta = DocMeta(
        kind="report",
        type_name="Báo cáo",
        type_code="BC",
        subject="thử",
        code=None,
        number=None,
        date=dt.date(2022, 6, 22),
        issuer="Ủy ban nhân dân xã",
        issuer_symbol="UBND",
    )
    left = (Para.of("header.parent", "ỦY BAN NHÂN DÂN"), Para.of("header.org", org))
    right = (Para.of("header.nation", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),)
    return Document(meta=meta, preset=ND30, blocks=(HeaderBlock(rows=((left, right),)),))


def _run_sizes(data: bytes, text: str) -> set[str | None]:
    for paragraph in word(data).tables[0].rows[0].cells[0].paragraphs:
        if paragraph.text == text:
            return {
                run._r.find(f"{w('rPr')}/{w('sz')}").get(w("val"))
                if run._r.find(f"{w('rPr')}/{w('sz')}") is not None
                else None
                for run in paragraph.runs
            }
    raise AssertionError(text)


def test_a_header_name_too_wide_for_its_column_is_set_at_12_pt() -> None:
    wide, narrow = "XÃ ĐÔNG HÒA HIỆP TÂY BẮC MỚI", "XÃ THẠNH YÊN"
    column = ND30.header_columns_mm[0] * PT_PER_MM
    assert text_width_pt(wide, ND30.style("header.org"), resolve_font(None)) > column
    assert _run_sizes(render(_header_doc(wide), "docx").data, wide) == {"24"}
    assert _run_sizes(render(_header_doc(narrow), "docx").data, narrow) == {None}  # -- the style's 13 pt --


def test_the_header_row_and_the_first_row_keep_with_the_next_row() -> None:
    from umt_reports.documents.document import DocMeta

    meta = DocMeta(
        kind="report",
        type_name="Báo cáo",
        type_code="BC",
        subject="thử",
        code=None,
        number=None,
        date=dt.date(2022, 6, 22),
        issuer="A",
        issuer_symbol="UBND",
    )
    table = Table(
        (Column("STT", 0.1), Column("Họ và tên", 0.9)), tuple((Cell(str(i)), Cell(f"Hàng {i}")) for i in range(1, 5))
    )
    data = render(Document(meta=meta, preset=ND30, blocks=(table,)), "docx").data
    (tbl,) = tables(data)
    rows = tbl.findall(w("tr"))
    kept = [all(p.find(f"{w('pPr')}/{w('keepNext')}") is not None for p in tr.iter(w("p"))) for tr in rows]
    assert kept == [True, True, False, False, False]


def test_a_date_in_the_year_1_leaves_the_core_dates_out() -> None:
    from umt_reports.documents.document import DocMeta

    meta = DocMeta(
        kind="report",
        type_name="Báo cáo",
        type_code="BC",
        subject="thử",
        code=None,
        number=None,
        date=dt.date(1, 1, 1),
        issuer="A",
        issuer_symbol="UBND",
    )
    data = render(Document(meta=meta, preset=ND30, blocks=(Para.of("body", "x"),)), "docx").data
    core = word(data).core_properties
    assert core.created is None and core.modified is None and core.title == "Báo cáo thử"
