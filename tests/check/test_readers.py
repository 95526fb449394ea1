"""Reading files back: the text of DOCX, PDF and HTML outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from umt_reports import UmtError
from umt_reports.check import document_text, figures

PRESS = "2022-06-22_tin-bai"


def test_without_pdftotext_reading_a_pdf_is_a_clear_error(built: Path, monkeypatch) -> None:
    monkeypatch.setattr("umt_reports.check.readers.shutil.which", lambda name: None)
    with pytest.raises(UmtError) as caught:
        document_text(built / f"{PRESS}.pdf", "pdf")
    assert caught.value.problems[0].code == "check.no_pdftotext"
    assert "poppler-utils" in caught.value.problems[0].message()


def test_pdf_page_numbers_are_not_text(built: Path) -> None:
    text = document_text(built / f"{PRESS}.pdf", "pdf")
    assert "\n2\n" not in text and "Diễm My" in text


def test_html_text_skips_the_head_styles_and_attributes(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text(
        '<!DOCTYPE html><html lang="vi"><head><title>T 1</title><style>p{margin:2pt}</style></head>'
        '<body><p>Đạt <strong>19,4</strong>%</p><p>47 đơn</p><img alt="9" src="x.jpg"></body></html>',
        encoding="utf-8",
    )
    assert figures(document_text(page, "html")) == {"19,4": 1, "47": 1}


def test_figures_count_numbers_as_written() -> None:
    assert figures("19,4%/năm; 1.387 người; ngày 21/6/2022; 2016-2021.") == {
        "19,4": 1,
        "1.387": 1,
        "21": 1,
        "6": 1,
        "2022": 1,
        "2016": 1,
        "2021": 1,
    }
