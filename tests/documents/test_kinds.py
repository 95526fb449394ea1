"""The registry of document kinds: one module per kind, found without a list to keep."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from umt_reports.documents import kinds as kinds_module
from umt_reports.documents.kinds import ALL_FORMATS, DATA_PARTS, KINDS, Kind, get_kind, kind_names
from umt_reports.render import FORMATS
from umt_reports.resources import templates_dir


def test_the_registry_holds_every_kind_in_listing_order() -> None:
    assert list(KINDS) == [
        "report",
        "press",
        "press-release",
        "decision",
        "certificates",
        "certificates-form",
        "thong-bao-ket-luan",
    ]
    assert kind_names().startswith("report (báo cáo), press (tin bài), press-release (thông cáo báo chí)")


@pytest.mark.parametrize(
    "typed, name",
    [
        ("report", "report"),
        ("REPORT", "report"),
        ("báo cáo", "report"),
        ("Báo cáo", "report"),
        ("bao-cao", "report"),
        ("tin bài", "press"),
        ("thông cáo", "press-release"),
        ("quyết định", "decision"),
        ("giay-khen", "certificates"),
        ("thông báo kết luận", "thong-bao-ket-luan"),
        ("Thông báo kết luận hội nghị", "thong-bao-ket-luan"),
        ("  thông   báo kết luận ", "thong-bao-ket-luan"),
    ],
)
def test_a_kind_answers_to_its_vietnamese_names(typed: str, name: str) -> None:
    kind = get_kind(typed)
    assert kind is not None and kind.name == name


@pytest.mark.parametrize("typed", ["", "biên bản", "reports", "thông"])
def test_an_unknown_name_is_no_kind(typed: str) -> None:
    assert get_kind(typed) is None


def test_every_kind_declares_known_formats_a_template_and_what_it_needs() -> None:
    for kind in KINDS.values():
        assert kind.vn_name and set(kind.formats) <= set(FORMATS)
        assert set(kind.needs) <= set(DATA_PARTS)
        assert kind.template is not None and (templates_dir() / kind.template).is_file()
    assert KINDS["certificates"].formats == ("pdf",) and KINDS["report"].formats == ALL_FORMATS
    assert KINDS["certificates"].variant == "certificates-form"


def test_a_kind_with_an_unknown_need_is_refused_where_it_is_declared() -> None:
    with pytest.raises(ValueError, match="minutes"):
        Kind(name="x", vn_name="x", builder=lambda meeting, ctx: None, needs=("minutes",))  # type: ignore[arg-type,return-value]


def test_a_new_module_with_a_kind_is_found_without_touching_the_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "minutes.py").write_text(
        textwrap.dedent("""
        from umt_reports.documents.kinds import Kind
        from umt_reports.documents.report import build_report

        KIND = Kind(name="bien-ban", vn_name="biên bản", builder=lambda meeting, ctx: build_report(meeting),
                    formats=("docx",), order=80)
    """),
        encoding="utf-8",
    )
    import umt_reports.documents as package

    monkeypatch.setattr(package, "__path__", [*package.__path__, str(folder)])
    registry = kinds_module._Registry()
    monkeypatch.setattr(kinds_module, "KINDS", registry)
    assert list(registry)[-1] == "bien-ban"
    kind = get_kind("Biên bản")
    assert kind is not None and kind.formats == ("docx",)


def test_missing_names_the_workbook_sheets_a_kind_needs(write_yaml, sample_data) -> None:
    from umt_reports import load_meeting

    sample_data["chairs"] = []
    sample_data.pop("awards")
    meeting = load_meeting(write_yaml(sample_data))
    assert KINDS["thong-bao-ket-luan"].missing(meeting) == ["Chủ trì"]
    assert KINDS["decision"].missing(meeting) == ["Khen thưởng"]
    assert KINDS["report"].missing(meeting) == []
