"""What each kind needs (issue 11, items 6 and 7): refusals with the award's place, notes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from umt_reports import InputError, load_meeting
from umt_reports.build import build
from umt_reports.check import document_text


def _codes(problems: Any) -> list[tuple[str, str]]:
    return [(str(p.location), p.code) for p in problems]


def _at(path: Path, needle: str, nth: int = 0) -> str:
    """``meeting.yaml:N`` of the ``nth`` line of ``path`` holding ``needle``."""
    lines = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    return f"{path.name}:{lines[nth]}"


def test_a_decision_from_counts_only_is_refused_at_the_award_and_nothing_is_written(
    write_yaml: Any, sample_data: dict[str, Any], tmp_path: Path
) -> None:
    path = write_yaml(sample_data)
    out = tmp_path / "out"
    with pytest.raises(InputError) as caught:
        build(path, out, kinds=["report", "decision"], formats=["docx"])
    assert _codes(caught.value.problems) == [(_at(path, "- form:"), "commendation.decision_unnamed")]
    assert not out.exists()


def test_the_other_kinds_build_from_counts_only(write_yaml: Any, sample_data: dict[str, Any], tmp_path: Path) -> None:
    result = build(write_yaml(sample_data), tmp_path / "out", kinds=["report", "press"], formats=["docx"])
    assert [f.kind for f in result.files] == ["report", "press"]


def test_a_decision_leaves_out_counts_only_awards_with_a_note(
    write_yaml: Any, sample_data: dict[str, Any], tmp_path: Path
) -> None:
    sample_data["awards"].append(
        {"form": "Bằng khen của Chủ tịch UBND tỉnh", "individuals": [{"name": "Lê Thị Hoa", "unit": "xã Thạnh Yên"}]}
    )
    path = write_yaml(sample_data)
    result = build(path, tmp_path / "out", kinds=["decision"], formats=["pdf"])
    assert _codes(result.notes) == [(_at(path, "- form:"), "commendation.decision_unnamed")]
    text = document_text(result.files[0].path, "pdf")
    assert "Lê Thị Hoa" in text
    assert "Bằng khen của Chủ tịch UBND tỉnh cho 1 cá nhân" in " ".join(text.split())
    assert "5 tập thể" not in text


def test_certificates_print_giay_khen_only_and_say_so_for_other_forms(
    write_yaml: Any, sample_data: dict[str, Any], tmp_path: Path
) -> None:
    sample_data["awards"] = [
        {"form": "Giấy khen của Chủ tịch UBND huyện", "individuals": [{"name": "Trần Văn Bình"}]},
        {"form": "danh hiệu “Chiến sỹ thi đua cấp cơ sở”", "individuals": [{"name": "Lê Văn Cường"}]},
    ]
    path = write_yaml(sample_data)
    result = build(path, tmp_path / "out", kinds=["certificates"], formats=["pdf"])
    assert _codes(result.notes) == [(_at(path, "form:", 1), "commendation.not_certified")]
    text = document_text(result.files[0].path, "pdf")
    assert "Trần Văn Bình" in text and "Lê Văn Cường" not in text
    assert "GIẤY KHEN" in text and "GIẤY KHEN CỦA" not in text


def test_certificates_without_any_giay_khen_are_refused_at_each_award(
    write_yaml: Any, sample_data: dict[str, Any], tmp_path: Path
) -> None:
    sample_data["awards"] = [{"form": "Bằng khen", "individuals": [{"name": "Lê Văn Cường"}]}]
    path = write_yaml(sample_data)
    with pytest.raises(InputError) as caught:
        build(path, tmp_path / "out", kinds=["certificates"], formats=["pdf"])
    assert _codes(caught.value.problems) == [(_at(path, "- form:"), "commendation.not_certified")]


def test_a_missing_photo_stops_only_the_news_item(write_yaml: Any, sample_data: dict[str, Any], tmp_path: Path) -> None:
    sample_data["press"]["photos"] = [{"file": "photos/khong-co.jpg"}]
    path = write_yaml(sample_data)
    result = build(path, tmp_path / "report", kinds=["report"], formats=["docx"])
    assert [p.code for p in result.notes] == ["photo.missing"]
    with pytest.raises(InputError) as caught:
        build(path, tmp_path / "press", kinds=["press"], formats=["docx"])
    assert [p.code for p in caught.value.problems] == ["photo.missing"]
    assert not (tmp_path / "press").exists()


def test_a_broken_photo_is_opened_only_by_the_kinds_that_print_it(
    write_yaml: Any, sample_data: dict[str, Any], tmp_path: Path
) -> None:
    sample_data["press"]["photos"] = [{"file": "hong.jpg"}]
    path = write_yaml(sample_data)
    (path.parent / "hong.jpg").write_bytes(b"not a picture")
    result = build(path, tmp_path / "report", kinds=["report"], formats=["docx"])
    assert [p.code for p in result.notes if p.code.startswith("photo.")] == []
    with pytest.raises(InputError) as caught:
        build(path, tmp_path / "press", kinds=["press"], formats=["docx"])
    assert [p.code for p in caught.value.problems] == ["photo.unreadable"]


def test_a_signer_taken_from_the_profile_is_said(write_yaml: Any, sample_data: dict[str, Any], tmp_path: Path) -> None:
    del sample_data["report"]["signer"]
    result = build(write_yaml(sample_data), tmp_path / "out", kinds=["report"], formats=["docx"])
    notes = [p for p in result.notes if p.code == "signer.from_profile"]
    assert [p.message("en") for p in notes] == [
        "The data names no signer; the profile's default signer is used: Chủ tịch Nguyễn Quốc Khởi."
    ]


def test_a_report_dated_before_its_meeting_is_a_problem(write_yaml: Any, sample_data: dict[str, Any]) -> None:
    sample_data["report"]["date"] = "2022-06-20"
    with pytest.raises(InputError) as caught:
        load_meeting(write_yaml(sample_data))
    assert [(p.code, p.message("en")) for p in caught.value.problems] == [
        ("report.before_meeting", "The report date 20/6/2022 is before the meeting date 21/6/2022.")
    ]


def test_an_unknown_form_is_accepted_as_written_with_a_note(write_yaml: Any, sample_data: dict[str, Any]) -> None:
    from umt_reports.model import validate
    from umt_reports.sources import read_source

    sample_data["awards"][0]["form"] = "Danh hiệu Gương sáng vùng biên"
    path = write_yaml(sample_data)
    raw = read_source(path)
    meeting = validate(raw)
    assert meeting.awards[0].form == "Danh hiệu Gương sáng vùng biên"
    assert _codes(raw.notes) == [(_at(path, "- form:"), "award.form_unknown")]


def test_text_still_starting_with_vi_du_never_reaches_a_document(write_yaml: Any, sample_data: dict[str, Any]) -> None:
    sample_data["chairs"][0]["name"] = "Ví dụ: Nguyễn Văn A"
    path = write_yaml(sample_data)
    with pytest.raises(InputError) as caught:
        load_meeting(path)
    assert _codes(caught.value.problems) == [(_at(path, "Ví dụ: Nguyễn Văn A"), "value.example_text")]


def test_an_edited_grey_example_row_of_the_workbook_is_pointed_at(tmp_path: Path) -> None:
    import openpyxl

    from umt_reports.sources.xlsx_template import write_template

    path = tmp_path / "mau.xlsx"
    write_template(path, {"profile": "ubnd-u-minh-thuong", "meeting": {"title": "Hội nghị", "date": "2022-06-21"}})
    book = openpyxl.load_workbook(path)
    sheet = book["Khen thưởng"]
    example = next(row for row in sheet.iter_rows(min_row=2) if row[6].value and str(row[6].value).startswith("Ví dụ"))
    example[5].value = 2  # -- a count typed into the grey row: the row is now data --
    book.save(path)
    with pytest.raises(InputError) as caught:
        load_meeting(path)
    assert [p.code for p in caught.value.problems if p.code == "value.example_text"]
    assert all(
        str(p.location).startswith("Khen thưởng!") for p in caught.value.problems if p.code == "value.example_text"
    )


def test_a_wrong_press_time_is_a_note_for_a_report_and_a_stop_for_the_news_item(
    write_yaml: Any, sample_data: dict[str, Any], tmp_path: Path
) -> None:
    sample_data["press"]["published"] = "31/02/2022 13:37"
    sample_data["press"].pop("photos", None)
    path = write_yaml(sample_data)
    result = build(path, tmp_path / "report", kinds=["report"], formats=["docx"])
    assert [(p.code, str(p.location)) for p in result.notes] == [("datetime.unreadable", _at(path, "published:"))]
    with pytest.raises(InputError) as caught:
        build(path, tmp_path / "press", kinds=["press"], formats=["docx"])
    assert [p.code for p in caught.value.problems] == ["datetime.unreadable"]


def test_a_decision_date_outside_the_profile_is_a_note_when_no_decision_is_built(
    write_yaml: Any, sample_data: dict[str, Any], tmp_path: Path
) -> None:
    sample_data["decision"] = {"date": "2025-08-01"}
    path = write_yaml(sample_data)
    result = build(path, tmp_path / "report", kinds=["report"], formats=["docx"])
    assert [(p.code, str(p.location)) for p in result.notes] == [
        ("profile.not_valid_on", _at(path, "date: '2025-08-01'"))
    ]
    with pytest.raises(InputError):
        load_meeting(path)
