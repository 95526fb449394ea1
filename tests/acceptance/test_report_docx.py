"""Issue: the summary report as Word — checked in the produced file, and through LibreOffice."""

from __future__ import annotations

import re
import zipfile

import docx
import pytest
from lxml import etree

from tests.acceptance.conftest import pdftotext
from umt_reports.style import RANGES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")


def test_the_page_is_a4_portrait_with_margins_in_the_rules_ranges(built) -> None:
    for name, preset in (("state", "nd30"), ("party", "hd36")):
        section = docx.Document(built[name]["docx"]).sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        for side in ("top", "bottom", "left", "right"):
            low, high = RANGES[preset][f"{side}_mm"]
            value = getattr(section, f"{side}_margin").mm
            assert low - 0.1 <= value <= high + 0.1, (name, side, value)


def test_times_new_roman_is_in_all_four_slots_of_every_run_and_style(built) -> None:
    for paths in built.values():
        with zipfile.ZipFile(paths["docx"]) as package:
            for part in ("word/document.xml", "word/styles.xml", "word/header1.xml"):
                if part not in package.namelist():
                    continue
                root = etree.fromstring(package.read(part))
                fonts = root.iter(f"{W}rFonts")
                for element in fonts:
                    assert {element.get(f"{W}{slot}") for slot in SLOTS} == {"Times New Roman"}, part
                # -- every run states its font or inherits it from a style that does --
                for run in root.iter(f"{W}r"):
                    props = run.find(f"{W}rPr")
                    if props is not None and props.find(f"{W}rFonts") is not None:
                        assert props.find(f"{W}rFonts").get(f"{W}eastAsia") == "Times New Roman"
            styles = etree.fromstring(package.read("word/styles.xml"))
            defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
            assert {defaults.get(f"{W}{slot}") for slot in SLOTS} == {"Times New Roman"}


def header_cells(path) -> list[list[str]]:
    table = docx.Document(path).tables[0]
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_header_texts_number_and_date_line_are_exact(built) -> None:
    assert header_cells(built["state"]["docx"]) == [
        [
            "ỦY BAN NHÂN DÂN\nHUYỆN U\u00a0MINH\u00a0THƯỢNG\n",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
        ],
        ["Số: 25/BC-UBND", "U Minh Thượng, ngày 22 tháng 6 năm 2022"],
    ]
    assert header_cells(built["party"]["docx"]) == [
        ["HUYỆN ỦY U\u00a0MINH\u00a0THƯỢNG\nBAN DÂN VẬN\n*", "ĐẢNG CỘNG SẢN VIỆT NAM\n"],
        ["Số 25-BC/BDVHU", "U Minh Thượng, ngày 22 tháng 6 năm 2022"],
    ]


def test_figures_are_written_with_vietnamese_separators(built) -> None:
    document = docx.Document(built["state"]["docx"])
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"19,4%/năm", "93,32%", "47 đơn"} <= cells


def test_the_party_report_uses_its_own_sizes_and_signature(built) -> None:
    def size_of(path, text):
        for paragraph in docx.Document(path).tables[0].rows[0].cells[1].paragraphs:
            if paragraph.text == text:
                return paragraph.style.font.size.pt
        raise AssertionError(text)

    assert size_of(built["state"]["docx"], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 12
    assert size_of(built["party"]["docx"], "ĐẢNG CỘNG SẢN VIỆT NAM") == 15
    state_text = "\n".join(
        c.text for t in docx.Document(built["state"]["docx"]).tables for r in t.rows for c in r.cells
    )
    party_text = "\n".join(
        c.text for t in docx.Document(built["party"]["docx"]).tables for r in t.rows for c in r.cells
    )
    assert "TM. ỦY BAN NHÂN DÂN" in state_text and "TRƯỞNG BAN" in party_text


@pytest.mark.slow
def test_libreoffice_numbers_pages_from_two_in_the_top_margin(converted) -> None:
    for pdf in converted.values():
        page1 = pdftotext(pdf, "-f", "1", "-l", "1", "-layout").strip().splitlines()
        page2 = pdftotext(pdf, "-f", "2", "-l", "2", "-layout").strip().splitlines()
        assert not re.fullmatch(r"\s*\d+\s*", page1[0])
        assert page2[0].strip() == "2"


@pytest.mark.slow
def test_libreoffice_keeps_the_header_columns_and_the_margins(converted) -> None:
    for name, pdf in converted.items():
        text = pdftotext(pdf, "-f", "1", "-l", "1")
        title = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" if name == "state" else "ĐẢNG CỘNG SẢN VIỆT NAM"
        assert title in text.splitlines()  # -- on one line: the right column kept its width --
        bbox = pdftotext(pdf, "-bbox")
        page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', bbox)
        width = float(page.group(1))
        for x_min, x_max in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', bbox):
            assert float(x_min) >= 30 / 25.4 * 72 - 2 and float(x_max) <= width - 15 / 25.4 * 72 + 2
