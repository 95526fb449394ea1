"""Tests for umt_reports.messages: the catalogue and how its templates are filled."""

from __future__ import annotations

import re

import pytest

from umt_reports.messages import CATALOGUE, render


@pytest.mark.parametrize(
    ("count", "vi", "en"),
    [
        (1, "x.yaml: 1 lỗi.", "x.yaml: 1 problem."),
        (2, "x.yaml: 2 lỗi.", "x.yaml: 2 problems."),
        (0, "x.yaml: 0 lỗi.", "x.yaml: 0 problems."),
    ],
)
def test_counted_nouns_agree_with_the_number(count: int, vi: str, en: str) -> None:
    assert render("cli.problems", {"path": "x.yaml", "count": count}, "vi") == vi
    assert render("cli.problems", {"path": "x.yaml", "count": count}, "en") == en


def test_one_page_is_one_page_in_both_languages() -> None:
    params = {"path": "a.pdf", "kind": "report", "format": "pdf", "pages": 1}
    assert render("cli.written_pages", params, "vi") == "Đã ghi a.pdf (report, pdf, 1 trang)"
    assert render("cli.written_pages", params, "en") == "Wrote a.pdf (report, pdf, 1 page)"
    assert render("cli.written_pages", {**params, "pages": 3}, "en") == "Wrote a.pdf (report, pdf, 3 pages)"


def test_no_english_message_hedges_its_plural_with_s_in_brackets() -> None:
    hedged = [code for code, entry in CATALOGUE.items() if re.search(r"\w\(s\)", entry["en"])]
    assert hedged == []


def test_a_plain_format_field_still_works_beside_a_counted_noun() -> None:
    text = render("archive.verify_failed", {"problems": 1, "count": 4}, "en")
    assert text == "The archive has 1 problem (4 files checked):"
