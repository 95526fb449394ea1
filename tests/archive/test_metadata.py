"""Phụ lục VI metadata: manifest entries to records, records to XML and back."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from umt_reports.archive.metadata import Record, fold, from_xml, record_from_entry, split_code, to_xml

SHA = "fe" * 32

ENTRY = {
    "kind": "report",
    "format": "pdf",
    "path": "2022-06-22_bao-cao_25-BC-UBND.pdf",
    "sha256": "00" * 32,
    "size": 1,
    "title": "Báo cáo Kết quả Hội nghị",
    "type": "Báo cáo",
    "subject": "Kết quả  Hội nghị\u00a0tổng kết",
    "code": "25/BC-UBND",
    "number": 25,
    "date": "2022-06-22",
    "issuer": "Ủy ban nhân dân huyện U Minh Thượng",
    "signer": {"name": "Nguyễn Quốc Khởi", "title": "Chủ tịch"},
    "pages": 9,
    "font": "Liberation Serif",
    "pdfa": "2B",
    "source": {"file": "meeting.yaml", "sha256": "ab" * 32},
}


def record(**changes: object) -> Record:
    base = record_from_entry(ENTRY, sha256=SHA, size=94044, file_name=ENTRY["path"], pdfa="2B", pages=2)
    return Record(**{**base.__dict__, **changes})


def test_a_manifest_entry_becomes_the_phu_luc_vi_fields() -> None:
    assert record() == Record(
        sha256=SHA,
        size=94044,
        file_name="2022-06-22_bao-cao_25-BC-UBND.pdf",
        kind="report",
        format="pdf",
        pdfa="2B",
        font="Liberation Serif",
        file_code=None,
        type_name="Báo cáo",
        code="25/BC-UBND",
        code_number="25",
        code_notation="BC-UBND",
        issued_date=dt.date(2022, 6, 22),
        organ_name="Ủy ban nhân dân huyện U Minh Thượng",
        subject="Kết quả Hội nghị tổng kết",
        title="Báo cáo Kết quả Hội nghị",
        language="Tiếng Việt",
        page_amount=2,
        signer_position="Chủ tịch",
        signer_name="Nguyễn Quốc Khởi",
        source_file="meeting.yaml",
        source_sha256="ab" * 32,
    )


def test_measured_facts_win_over_the_manifest_claims() -> None:
    r = record()
    assert (r.sha256, r.size, r.page_amount) == (SHA, 94044, 2)


@pytest.mark.parametrize(
    ("code", "number", "expected"),
    [
        ("25/BC-UBND", 25, ("25", "BC-UBND")),
        ("25-BC/BDVHU", 25, ("25", "BC/BDVHU")),
        ("07/QĐ-UBND", None, ("07", "QĐ-UBND")),
        ("     /BC-UBND", None, (None, "BC-UBND")),
        (None, 12, ("12", None)),
        (None, None, (None, None)),
    ],
)
def test_split_code_gives_code_number_and_code_notation(code, number, expected) -> None:
    assert split_code(code, number) == expected


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Dân vận", "dan van"),
        ("ĐỒNG THÁP", "dong thap"),
        ("  Ủy  ban\u00a0nhân dân ", "uy ban nhan dan"),
        ("25/BC-UBND", "25/bc-ubnd"),
    ],
)
def test_fold_removes_diacritics_case_and_extra_spaces(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_the_xml_uses_the_phu_luc_vi_tags_in_their_order() -> None:
    root = ET.fromstring(to_xml(record(file_code="000.00.00.H49.2022.01", description="Bản chính")))

    assert root.tag == "Document"
    assert [child.tag for child in root] == [
        "FileCode", "TypeName", "CodeNumber", "CodeNotation", "IssuedDate", "OrganName", "Subject", "Language",
        "PageAmount", "Description", "SignerInfo", "Technical",
    ]  # fmt: skip
    assert root.findtext("CodeNumber") == "25"
    assert root.findtext("CodeNotation") == "BC-UBND"
    assert root.findtext("IssuedDate") == "2022-06-22"
    assert root.findtext("SignerInfo/Position") == "Chủ tịch"
    assert root.findtext("SignerInfo/FullName") == "Nguyễn Quốc Khởi"
    assert root.findtext("Technical/Sha256") == SHA


def test_xml_round_trips_a_stored_record() -> None:
    stored = record(
        id=7,
        status="superseded",
        version=2,
        supersedes=3,
        superseded_by=9,
        archived_at="2024-01-02T03:04:05+00:00",
        file_code="H49.2022.01",
    )

    assert from_xml(to_xml(stored)) == stored


def test_xml_escapes_markup_in_the_text() -> None:
    tricky = record(subject="Về việc <b>khen</b> & \"thưởng\" 'năm' 2022")

    data = to_xml(tricky)

    assert b"<b>" not in data
    assert from_xml(data).subject == tricky.subject


def test_text_that_xml_cannot_hold_is_dropped_on_the_way_in() -> None:
    dirty = record_from_entry(
        {**ENTRY, "subject": "Báo\x00 cáo\x0b\ufffe tháng\r\n6"},
        sha256=SHA,
        size=1,
        file_name="a.pdf",
        pdfa="2B",
        pages=1,
    )

    assert dirty.subject == "Báo cáo tháng 6"
    assert from_xml(to_xml(dirty)) == dirty


def test_from_xml_refuses_something_else() -> None:
    with pytest.raises(ValueError, match="expected <Document>"):
        from_xml(b"<Index/>")
    with pytest.raises(ValueError, match="lacks sha256"):
        from_xml(b"<Document><Technical><Size>1</Size></Technical></Document>")


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(
    subject=_TEXT,
    issuer=_TEXT,
    signer=_TEXT,
    code=st.one_of(st.none(), _TEXT),
    number=st.one_of(st.none(), st.integers(0, 9999)),
    day=st.one_of(st.none(), st.dates(dt.date(1945, 9, 2), dt.date(2100, 12, 31))),
    pages=st.one_of(st.none(), st.integers(0, 999)),
)
def test_every_record_made_from_a_manifest_round_trips_through_xml(
    subject, issuer, signer, code, number, day, pages
) -> None:
    entry = {
        "subject": subject,
        "issuer": issuer,
        "signer": {"name": signer, "title": signer},
        "code": code,
        "number": number,
        "date": day.isoformat() if day else None,
        "kind": "report",
        "type": "Báo cáo",
    }
    made = record_from_entry(entry, sha256=SHA, size=10, file_name="x.pdf", pdfa="2B", pages=pages)

    assert from_xml(to_xml(made)) == made
