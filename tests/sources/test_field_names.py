"""Tests for umt_reports.sources.workbook.field_name: messages name values as the workbook does."""

from __future__ import annotations

import pytest

from umt_reports.sources import workbook as wbk


@pytest.mark.parametrize(
    ("path", "name"),
    [
        (("meeting", "title"), "Tên hội nghị"),
        (("meeting", "date"), "Ngày họp"),
        (("report", "number"), "Số (Văn bản)"),
        (("report", "signer", "mode"), "Hình thức ký (Văn bản)"),
        (("chairs", 1, "name"), "Họ và tên (Chủ trì)"),
        (("chairs", 0, "positions", 2), "Chức vụ (Chủ trì)"),
        (("attendees", 3), "Nhóm thành phần hoặc Họ và tên (Thành phần)"),
        (("attendees", 2, "name"), "Nhóm thành phần hoặc Họ và tên (Thành phần)"),
        (("sections", 0, "paragraphs", 1), "Nội dung (Nội dung)"),
        (("awards", 0, "individuals"), "Số lượng (Khen thưởng)"),
        (("awards", 1, "individuals", 2, "name"), "Họ và tên / Tên tập thể (Khen thưởng)"),
        (("press", "photos", 0, "file"), "Tệp ảnh (Tin bài)"),
        (("issuer",), None),
        (("nowhere", 0, "x"), None),
    ],
)
def test_a_contract_path_is_named_by_its_form_label_or_column_header(path, name) -> None:
    assert wbk.field_name(path) == name


def test_every_form_field_and_column_has_a_name_from_the_layout() -> None:
    for form in wbk.FORMS:
        for item in form.fields:
            assert wbk.field_name(item.path) in (item.label, f"{item.label} ({form.name})")
