"""The formats table: one row per format, read by the CLI, the build and check."""

from __future__ import annotations

from umt_reports import load_meeting
from umt_reports.documents.report import build_report
from umt_reports.render import FORMATS, RenderOptions, get_format, render


def test_the_table_names_suffix_family_and_needs_of_each_format() -> None:
    rows = {name: (row.suffix, row.family, row.paged, row.fragment, row.needs) for name, row in FORMATS.items()}
    assert rows == {
        "docx": (".docx", "docx", False, False, ()),
        "pdf": (".pdf", "pdf", True, False, ("fonts",)),
        "html": (".html", "html", False, False, ()),
        "html-fragment": (".fragment.html", "html", False, True, ()),
    }


def test_a_format_is_found_in_any_case_and_unknown_ones_are_none() -> None:
    assert get_format(" PDF ") is FORMATS["pdf"] and get_format("odt") is None and get_format("") is None


def test_the_fragment_is_a_row_drawing_html_without_a_page_around_it(sample_yaml) -> None:
    document = build_report(load_meeting(sample_yaml))
    fragment = render(document, "html-fragment", RenderOptions())
    page = FORMATS["html"].render(document, RenderOptions())
    assert fragment.suffix == ".fragment.html" and page.suffix == ".html"
    assert page.data.startswith(b"<!DOCTYPE html>") and not fragment.data.lstrip().startswith(b"<!DOCTYPE")
    assert "BÁO CÁO".encode() in fragment.data
