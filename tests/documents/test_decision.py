"""The commendation decision (Mẫu 1.2) as a Document: structure, articles, signer, list order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from umt_reports import InputError, load_meeting, vn
from umt_reports.documents import Para, SignatureBlock, Table
from umt_reports.documents.awardees import listed_awardees
from umt_reports.documents.decision import build_decision
from umt_reports.render import render
from umt_reports.resources import profiles_dir

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def awards_yaml(sample_yaml: Path) -> Path:
    return sample_yaml.parent / "meeting-awards.yaml"


@pytest.fixture
def awards_data(awards_yaml: Path) -> dict:
    import yaml

    data = yaml.safe_load(awards_yaml.read_text(encoding="utf-8"))
    data["press"].pop("photos", None)  # -- relative to the sample folder --
    return data


def texts(document) -> list[str]:
    return [b.text for b in document.walk() if isinstance(b, Para)]


def outline_text(document) -> str:
    """Document.outline() one item per line (tables: one row per line)."""
    lines = [f"kind: {document.meta.kind}"]

    def emit(item, depth: int) -> None:
        pad = "  " * depth
        if item and item[0] in ("p", "rule", "space", "page-break"):
            lines.append(pad + " | ".join(str(x) for x in item))
        elif item and item[0] == "table":
            lines.append(pad + "table: " + " | ".join(item[1]))
            lines.extend(pad + "  " + " | ".join(row) for row in item[2])
        elif item and item[0] in ("header", "signature"):
            lines.append(pad + item[0])
            for part in item[1:]:
                for sub in part:
                    for block in sub if isinstance(sub[0], tuple) else (sub,):
                        emit(block, depth + 1)
        else:
            for sub in item:
                emit(sub, depth)

    _, blocks, annexes = document.outline()
    emit(blocks, 0)
    for annex in annexes:
        lines.append("annex")
        emit(annex, 1)
    return "\n".join(lines) + "\n"


def test_the_sample_decision_matches_its_golden_outline(awards_yaml: Path) -> None:
    document = build_decision(load_meeting(awards_yaml))
    golden = GOLDEN / "decision-meeting-awards.txt"
    actual = outline_text(document)
    if os.environ.get("UMT_UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_the_decision_follows_mau_1_2_in_order(awards_yaml: Path) -> None:
    document = build_decision(load_meeting(awards_yaml))
    lines = texts(document)
    order = [
        "ỦY BAN NHÂN DÂN",
        "Số: 112/QĐ-UBND",
        "U Minh Thượng, ngày 17 tháng 6 năm 2022",
        "QUYẾT ĐỊNH",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN U MINH THƯỢNG",
        "QUYẾT ĐỊNH:",
        "Nơi nhận:",
        "- Như Điều 3;",
        "CHỦ TỊCH",
        "Nguyễn Quốc Khởi",
        "DANH SÁCH",
    ]
    positions = [lines.index(line) for line in order]
    assert positions == sorted(positions)
    subject = lines[lines.index("QUYẾT ĐỊNH") + 1]
    assert subject.startswith("Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích tốt")
    assert document.meta.code == "112/QĐ-UBND" and document.meta.kind == "decision"


def test_the_grounds_are_italic_lines_from_the_profile_ending_with_the_proposal(awards_yaml: Path) -> None:
    document = build_decision(load_meeting(awards_yaml))
    grounds = [b for b in document.blocks if isinstance(b, Para) and b.role == "grounds"]
    assert [g.text.split(" ")[0] for g in grounds] == ["Căn", "Căn", "Căn", "Theo"]
    assert all(g.text.endswith(";") for g in grounds[:-1])
    assert grounds[-1].text == "Theo đề nghị của Trưởng Phòng Nội vụ huyện."
    assert "Nghị định số 91/2017/NĐ-CP" in grounds[2].text
    assert document.preset.style("grounds").italic


def test_the_articles_are_numbered_in_bold_and_the_money_is_totalled_in_words(awards_yaml: Path) -> None:
    document = build_decision(load_meeting(awards_yaml))
    starts = [b for b in document.blocks if isinstance(b, Para) and b.role == "article" and b.runs[0].bold]
    assert [p.runs[0].text for p in starts] == ["Điều 1.", "Điều 2.", "Điều 3."]
    assert starts[0].text == (
        "Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện cho 5 tập thể và 10 cá nhân "
        "(có danh sách kèm theo) đã có thành tích tốt trong thực hiện chương trình phối hợp giữa Ban Dân vận "
        "Huyện ủy và Ủy ban nhân dân huyện, giai đoạn 2016-2021."
    )
    assert starts[1].text == (
        "Điều 2. Mỗi tập thể được tặng Giấy khen kèm theo tiền thưởng 894.000 đồng; mỗi cá nhân được tặng "
        "Giấy khen kèm theo tiền thưởng 447.000 đồng. Tổng số tiền thưởng: 8.940.000 đồng "
        "(Bằng chữ: Tám triệu chín trăm bốn mươi nghìn đồng)."
    )
    assert texts(document).count("Kinh phí khen thưởng chi từ Quỹ Thi đua, khen thưởng huyện.") == 1
    last = [t for t in texts(document) if t.endswith("./.")]
    assert len(last) == 1 and last[0].startswith("Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện, ")
    assert "các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./." in last[0]


def test_without_amounts_there_is_no_money_article_and_recipients_follow_the_numbering(write_yaml, awards_data) -> None:
    for award in awards_data["awards"]:
        award.pop("amount")
    document = build_decision(load_meeting(write_yaml(awards_data)))
    labels = [b.runs[0].text for b in document.blocks if isinstance(b, Para) and b.role == "article" and b.runs[0].bold]
    assert labels == ["Điều 1.", "Điều 2."]
    assert "- Như Điều 2;" in texts(document) and not any("Bằng chữ" in t for t in texts(document))


def test_a_deputy_signs_kt_chu_tich_and_a_chairman_never_tm(write_yaml, awards_data) -> None:
    chairman = build_decision(load_meeting(write_yaml(awards_data)))
    right = [b for b in chairman.walk() if isinstance(b, Para) and b.role.startswith("signature.")]
    assert [p.text for p in right] == ["CHỦ TỊCH", "Nguyễn Quốc Khởi"]
    # -- the profile's default signer signs TM. reports; a decision drops the TM. --
    del awards_data["decision"]["signer"]
    del awards_data["report"]["signer"]
    fallback = build_decision(load_meeting(write_yaml(awards_data)))
    assert not any(t.startswith("TM.") for t in texts(fallback)) and "CHỦ TỊCH" in texts(fallback)
    awards_data["decision"]["signer"] = {"name": "Trần Văn Bình", "title": "Phó Chủ tịch", "mode": "KT"}
    deputy = build_decision(load_meeting(write_yaml(awards_data)))
    signature = next(b for b in deputy.blocks if isinstance(b, SignatureBlock))
    assert [p.text for p in signature.right if isinstance(p, Para)] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Bình"]


def test_amounts_in_words_follow_the_profile_number_words(write_yaml, awards_data, tmp_path) -> None:
    profile = (profiles_dir() / "ubnd-u-minh-thuong.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "ubnd-south.yaml").write_text(
        profile.replace("number_words: {linh: linh, nghin: nghìn}", "number_words: {linh: lẻ, nghin: ngàn}"),
        encoding="utf-8",
    )
    awards_data["profile"] = "ubnd-south"
    awards_data["awards"] = [awards_data["awards"][0]]
    awards_data["awards"][0]["amount"] = 201_001  # -- × 5 collectives = 1.005.005 --
    document = build_decision(load_meeting(write_yaml(awards_data)))
    assert any("(Bằng chữ: Một triệu không trăm lẻ năm ngàn không trăm lẻ năm đồng)" in t for t in texts(document))
    assert vn.amount_in_words(1_005_005) == "một triệu không trăm linh năm nghìn không trăm linh năm"


def test_a_bad_number_words_choice_is_a_located_problem(write_yaml, awards_data) -> None:
    awards_data["issuer"] = {
        "kind": "state",
        "name": ["ỦY BAN NHÂN DÂN", "HUYỆN A"],
        "symbol": "UBND",
        "full_name": "Ủy ban nhân dân huyện A",
        "place": "A",
        "number_words": {"linh": "lẽ"},
    }
    del awards_data["profile"]
    with pytest.raises(InputError) as caught:
        load_meeting(write_yaml(awards_data))
    assert [p.code for p in caught.value.problems] == ["value.bad_choice"]
    assert caught.value.problems[0].location.line is not None


def test_an_unknown_decision_key_is_reported_not_dropped(write_yaml, awards_data) -> None:
    awards_data["decision"]["sigher"] = "x"
    with pytest.raises(InputError) as caught:
        load_meeting(write_yaml(awards_data))
    assert [p.code for p in caught.value.problems] == ["value.unknown_key"]


def test_the_annex_lists_groups_with_counts_in_vietnamese_order(awards_yaml: Path) -> None:
    meeting = load_meeting(awards_yaml)
    document = build_decision(meeting)
    (annex,) = document.annexes
    table = next(b for b in annex.blocks if isinstance(b, Table))
    assert [c.header for c in table.columns] == ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Ghi chú"]
    groups = [row[0].text for row in table.rows if len(row) == 1]
    assert groups == ["I. TẬP THỂ (5)", "II. CÁ NHÂN (10)"]
    names = [row[1].text for row in table.rows if len(row) == 4]
    individuals = names[5:]
    assert individuals == [
        "Nguyễn Văn Anh",
        "Phạm Thị Ánh",
        "Đặng Hoàng Ân",
        "Nguyễn Thị Bé Ba",
        "Lâm Quốc Đạt",
        "Lê Văn Đức",
        "Huỳnh Thị Hà",
        "Trần Thị Thu Hà",
        "Võ Minh Tâm",
        "Dương Văn Út",
    ]
    assert individuals == sorted(individuals, key=vn.name_sort_key)
    assert names[:5] == sorted(names[:5], key=vn.sort_key) and names[0] == "Ban Dân vận Đảng ủy xã An Minh Bắc"
    ref = next(b.text for b in annex.blocks if isinstance(b, Para) and b.role == "annex.ref")
    assert ref == (
        "(Kèm theo Quyết định số 112/QĐ-UBND ngày 17/6/2022 của Chủ tịch Ủy ban nhân dân huyện U Minh Thượng)"
    )


def test_grouping_by_unit_keeps_units_in_data_order_and_sorts_names_inside(write_yaml, awards_data) -> None:
    awards_data["decision"]["group_by_unit"] = True
    meeting = load_meeting(write_yaml(awards_data))
    _, individuals = listed_awardees(meeting, group_by_unit=True)
    units = list(dict.fromkeys(item.member.unit for item in individuals))
    assert units == ["huyện U Minh Thượng", "xã Thạnh Yên", "xã Vĩnh Hòa", "xã Minh Thuận", "xã An Minh Bắc"]
    assert [i.member.name for i in individuals if i.member.unit == "xã Thạnh Yên"] == [
        "Lê Văn Đức",
        "Võ Minh Tâm",
        "Dương Văn Út",
    ]
    table = next(b for b in build_decision(meeting).annexes[0].blocks if isinstance(b, Table))
    unit_rows = [row[0].text for row in table.rows if len(row) == 1 and row[0].role == "table.group.unit"]
    assert unit_rows == ["Huyện U Minh Thượng", "Xã Thạnh Yên", "Xã Vĩnh Hòa", "Xã Minh Thuận", "Xã An Minh Bắc"]


def test_counts_only_awards_give_a_decision_without_a_list(sample_yaml: Path) -> None:
    document = build_decision(load_meeting(sample_yaml))
    assert document.annexes == ()
    assert not any("danh sách kèm theo" in t for t in texts(document))
    assert "Số:      /QĐ-UBND" in texts(document)


def test_a_meeting_without_awards_has_no_decision(write_yaml, awards_data) -> None:
    del awards_data["awards"]
    with pytest.raises(InputError) as caught:
        build_decision(load_meeting(write_yaml(awards_data)))
    assert caught.value.problems[0].code == "commendation.no_awards"


def test_the_party_body_keeps_its_collective_signature(sample_party_yaml: Path) -> None:
    document = build_decision(load_meeting(sample_party_yaml))
    assert "Số      -QĐ/BDVHU" in texts(document)
    assert not any(t.endswith("./.") for t in texts(document))


def test_the_decision_renders_as_docx_and_pdfa(awards_yaml: Path) -> None:
    document = build_decision(load_meeting(awards_yaml))
    pdf = render(document, "pdf")
    assert pdf.pdfa == "2B" and pdf.pages == 3
    docx = render(document, "docx")
    assert docx.data[:2] == b"PK"


def test_a_decision_dated_after_the_body_ceased_is_refused_at_its_line(write_yaml, awards_data) -> None:
    awards_data["decision"]["date"] = "2025-07-15"
    with pytest.raises(InputError) as caught:
        load_meeting(write_yaml(awards_data))
    (problem,) = caught.value.problems
    assert problem.code == "profile.not_valid_on" and problem.location.line is not None
