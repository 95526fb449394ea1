"""The summary report as a Document: structure, wording slots, state vs Party differences."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from umt_reports import TemplateError, load_meeting
from umt_reports.documents import Para, SignatureBlock
from umt_reports.documents.report import build_report
from umt_reports.documents.wording import Wording

GOLDEN = Path(__file__).parent / "golden"


def outline_text(document) -> str:
    """A readable, diff-friendly rendering of Document.outline()."""
    lines: list[str] = []

    def emit(item, depth: int) -> None:
        if (
            isinstance(item, tuple)
            and item
            and isinstance(item[0], str)
            and item[0] in ("p", "rule", "space", "page-break", "image")
        ):
            lines.append("  " * depth + " | ".join(str(x) for x in item))
        elif isinstance(item, tuple) and item and item[0] == "table":
            lines.append("  " * depth + "table: " + " | ".join(item[1]))
            for row in item[2]:
                lines.append("  " * (depth + 1) + " | ".join(row))
        elif isinstance(item, tuple) and item and item[0] in ("header", "signature"):
            lines.append("  " * depth + item[0])
            for part in item[1:]:
                emit(part, depth + 1)
        elif isinstance(item, tuple):
            for part in item:
                emit(part, depth)
        else:
            lines.append("  " * depth + str(item))

    kind, blocks, annexes = document.outline()
    lines.append(f"kind: {kind}")
    emit(blocks, 0)
    for n, annex in enumerate(annexes, 1):
        lines.append(f"annex {n}")
        emit(annex, 1)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", ["meeting", "meeting-party"])
def test_the_sample_report_matches_its_golden_outline(name: str, sample_yaml: Path) -> None:
    document = build_report(load_meeting(sample_yaml.parent / f"{name}.yaml"))
    golden = GOLDEN / f"report-{name}.txt"
    actual = outline_text(document)
    if os.environ.get("UMT_UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def texts(document) -> list[str]:
    return [b.text for b in document.walk() if isinstance(b, Para)]


def test_state_and_party_reports_differ_exactly_where_the_rules_say(sample_yaml, sample_party_yaml) -> None:
    state = build_report(load_meeting(sample_yaml))
    party = build_report(load_meeting(sample_party_yaml))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts(state)
    assert "Độc lập - Tự do - Hạnh phúc" in texts(state)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in texts(party) and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in texts(party)
    assert "Số: 25/BC-UBND" in texts(state) and "Số 25-BC/BDVHU" in texts(party)
    assert "TM. ỦY BAN NHÂN DÂN" in texts(state)
    assert state.meta.code == "25/BC-UBND" and party.meta.code == "25-BC/BDVHU"
    # -- Party: trích yếu starts in lower case; no ./. closing --
    assert state.meta.subject.startswith("Kết quả") and texts(party)[texts(party).index("BÁO CÁO") + 1].startswith(
        "kết quả"
    )
    assert any(t.endswith("./.") for t in texts(state)) and not any(t.endswith("./.") for t in texts(party))
    assert state.preset.style("title.kind").size == 14 and party.preset.style("title.kind").size == 16
    assert state.preset.style("header.nation").size == 12 and party.preset.style("header.nation").size == 15


def test_date_line_uses_the_leading_zero_rule(write_yaml, sample_data) -> None:
    sample_data["meeting"]["date"] = "2022-02-04"  # -- a report is never dated before its meeting --
    sample_data["report"]["date"] = "2022-02-05"
    assert "U Minh Thượng, ngày 05 tháng 02 năm 2022" in texts(build_report(load_meeting(write_yaml(sample_data))))
    sample_data["report"]["date"] = "2022-06-21"
    assert "U Minh Thượng, ngày 21 tháng 6 năm 2022" in texts(build_report(load_meeting(write_yaml(sample_data))))


def test_a_blank_number_keeps_the_slot_for_the_clerk(write_yaml, sample_data) -> None:
    del sample_data["report"]["number"]
    document = build_report(load_meeting(write_yaml(sample_data)))
    assert "Số:      /BC-UBND" in texts(document)
    assert document.meta.code is None


def test_numbers_are_formatted_the_vietnamese_way(sample_yaml) -> None:
    text = build_report(load_meeting(sample_yaml)).text()
    assert "19,4%/năm" in text and "93,32%" in text and "47 đơn" in text


_DANGLING = re.compile(r"(\s[,.;:]|,\s*[.;]|;\s*[.,]|\(\s*\)|\s{2,}(?!/))")


def test_a_bare_meeting_gives_a_clean_report_with_no_invented_facts(write_yaml) -> None:
    path = write_yaml("profile: ubnd-u-minh-thuong\nmeeting:\n  title: Hội nghị giao ban tháng 3\n")
    document = build_report(load_meeting(path))
    body = texts(document)
    assert not any("None" in t for t in body)
    # -- only the meeting part exists: one heading, no statistics, awards or annex --
    headings = [b.text for b in document.walk() if isinstance(b, Para) and b.role.startswith("heading")]
    assert headings == ["I. TÌNH HÌNH TỔ CHỨC HỘI NGHỊ"]
    assert document.annexes == ()
    paragraphs = [b.text for b in document.walk() if isinstance(b, Para) and b.role == "body"]
    assert paragraphs == [
        "Hội nghị giao ban tháng 3 đã được tổ chức.",
        "Trên đây là báo cáo kết quả hội nghị giao ban tháng 3 của Ủy ban nhân dân huyện U Minh Thượng./.",
    ]
    for block in document.walk():
        if isinstance(block, Para) and block.role not in ("number", "date_line"):  # -- blank slots on purpose --
            assert not _DANGLING.search(block.text), block.text
    # -- no date in the data: the date line keeps blank slots, no day is made up --
    assert "U Minh Thượng, ngày      tháng      năm     " in body


def test_one_chair_is_one_clause(write_yaml, sample_data) -> None:
    sample_data["chairs"] = sample_data["chairs"][:1]
    text = build_report(load_meeting(write_yaml(sample_data))).text()
    assert "Hội nghị do đồng chí Nguyễn Quốc Khởi - Phó Bí thư Huyện ủy, Chủ tịch UBND huyện chủ trì." in text


def test_named_awardees_get_an_annex_in_vietnamese_order(write_yaml, sample_data) -> None:
    sample_data["awards"][0]["individuals"] = [
        {"name": "Trần Văn Bình", "unit": "xã Thạnh Yên"},
        {"name": "Nguyễn Thị An"},
        {"name": "Lê Văn An", "position": "Chủ tịch UBND xã", "unit": "xã An Minh Bắc"},
    ]
    document = build_report(load_meeting(write_yaml(sample_data)))
    [annex] = document.annexes
    table = annex.blocks[-1]
    names = [row[1].text for row in table.rows if len(row) > 1]
    # -- given name first (An, An, Bình), then middle names (Thị < Văn) --
    assert names == ["Nguyễn Thị An", "Lê Văn An", "Trần Văn Bình"]
    assert table.rows[0][0].text == "I. CÁ NHÂN (3)"
    assert annex.blocks[0].text == "DANH SÁCH"
    assert "(danh sách kèm theo)" in document.text()


def test_signature_kt_prints_the_three_line_block(write_yaml, sample_data) -> None:
    sample_data["report"]["signer"] = {"name": "Lê Văn Hai", "title": "Phó Chủ tịch", "mode": "KT"}
    [signature] = [
        b for b in build_report(load_meeting(write_yaml(sample_data))).blocks if isinstance(b, SignatureBlock)
    ]
    assert [p.text for p in signature.right if isinstance(p, Para)] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Lê Văn Hai",
    ]


def test_data_that_looks_like_a_template_is_printed_literally(write_yaml, sample_data) -> None:
    sample_data["chairs"][0]["name"] = "{{ 7 * 7 }} {% if true %}x{% endif %}"
    text = build_report(load_meeting(write_yaml(sample_data))).text()
    assert "{{ 7 * 7 }} {% if true %}x{% endif %}" in text and "49" not in text


def test_a_templates_folder_overrides_one_block(tmp_path, sample_yaml) -> None:
    (tmp_path / "report.j2").write_text(
        '{% extends "default/report.j2" %}{% block subject %}Tổng hợp {{ meeting.info.title }}{% endblock %}',
        encoding="utf-8",
    )
    document = build_report(load_meeting(sample_yaml), wording=Wording(tmp_path))
    assert document.meta.subject.startswith("Tổng hợp Hội nghị")
    assert "I. TÌNH HÌNH TỔ CHỨC HỘI NGHỊ" in document.text()


def test_a_broken_template_is_a_located_error(tmp_path, sample_yaml) -> None:
    (tmp_path / "report.j2").write_text(
        '{% extends "default/report.j2" %}\n{% block subject %}\n{{ meeting.khong_co }}{% endblock %}',
        encoding="utf-8",
    )
    with pytest.raises(TemplateError) as info:
        build_report(load_meeting(sample_yaml), wording=Wording(tmp_path))
    assert str(info.value.location) == "report.j2:3"
    assert info.value.problems[0].code == "template.undefined"


def test_templates_cannot_reach_python_internals(tmp_path, sample_yaml) -> None:
    (tmp_path / "report.j2").write_text(
        '{% extends "default/report.j2" %}{% block subject %}{{ meeting.__class__.__mro__ }}{% endblock %}',
        encoding="utf-8",
    )
    with pytest.raises(TemplateError):
        build_report(load_meeting(sample_yaml), wording=Wording(tmp_path))


@pytest.mark.parametrize(
    ("date", "opening"),
    [("21/6/2022", "Ngày 21/6/2022, tại"), ("21/6", "Ngày 21/6, tại"), ("6/2022", "Trong tháng 6/2022, tại")],
)
def test_the_opening_says_only_the_known_parts_of_the_date(write_yaml, sample_data, date, opening) -> None:
    sample_data["meeting"]["date"] = date
    text = build_report(load_meeting(write_yaml(sample_data))).text()
    assert opening + " huyện U Minh Thượng đã diễn ra Hội nghị" in text


def test_large_award_counts_get_the_thousands_dot(write_yaml, sample_data) -> None:
    sample_data["awards"][0]["individuals"] = 1200
    assert "5 tập thể và 1.200 cá nhân" in build_report(load_meeting(write_yaml(sample_data))).text()


# -- natural wording (issue 11 item 5) ---------------------------------------------------------


def test_each_award_opens_with_other_words_and_its_amount_says_whom_it_is_for(write_yaml, sample_data) -> None:
    sample_data["awards"] = [
        {"form": "Giấy khen", "collectives": 5, "amount": 894000},
        {"form": "Giấy khen", "individuals": 10, "amount": 447000},
        {"form": "Bằng khen", "collectives": 1, "individuals": 2, "amount": 1000000},
    ]
    body = [t for t in texts(build_report(load_meeting(write_yaml(sample_data)))) if "mức thưởng" in t]
    assert [t.split(",")[0] for t in body] == ["Tại hội nghị", "Cũng tại hội nghị", "Bên cạnh đó"]
    assert "mức thưởng 894.000 đồng cho mỗi tập thể." in body[0]
    assert "mức thưởng 447.000 đồng cho mỗi cá nhân." in body[1]
    assert "mức thưởng 1.000.000 đồng cho mỗi tập thể, cá nhân." in body[2]


def test_an_attendee_group_that_names_a_body_keeps_its_capital(write_yaml, sample_data) -> None:
    sample_data["attendees"] = ["Thường trực Huyện ủy", "Đại diện Thường trực Đảng ủy các xã"]
    text = "\n".join(texts(build_report(load_meeting(write_yaml(sample_data)))))
    assert "Cùng dự có Thường trực Huyện ủy; đại diện Thường trực Đảng ủy các xã." in text
