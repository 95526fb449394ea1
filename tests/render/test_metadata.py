"""Metadata fields as the formats can hold them: one cut for DOCX and PDF."""

from __future__ import annotations

from umt_reports.render.metadata import METADATA_LIMIT, metadata_keywords, metadata_text


def test_a_short_text_is_kept_and_a_long_one_is_cut_at_a_word() -> None:
    assert metadata_text("Báo cáo  kết quả\nhội nghị") == "Báo cáo kết quả hội nghị"
    long = " ".join(["tổng kết"] * 100)
    cut = metadata_text(long)
    assert len(cut) <= METADATA_LIMIT and cut.endswith("…") and long.startswith(cut[:-1])
    assert long[len(cut) - 1] == " "


def test_keywords_keep_as_many_whole_ones_as_fit() -> None:
    title = " ".join(["hội nghị"] * 40)
    assert metadata_keywords(["25/BC-UBND", "report", "Báo cáo", title]) == "25/BC-UBND, report, Báo cáo"
    only = metadata_keywords([title])
    assert len(only) <= METADATA_LIMIT and only.endswith("…")
    assert metadata_keywords(["a", "a", "", "b"]) == "a, b"
