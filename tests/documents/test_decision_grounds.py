"""The decision cites the grounds of its date, signs like its body, and names awardees once
(issue 11, items 2, 3, 6 and 7)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from umt_reports import InputError, load_meeting
from umt_reports.documents import Para
from umt_reports.documents.decision import build_decision
from umt_reports.model import load_issuer
from umt_reports.resources import profiles_dir


def _texts(document: Any) -> list[str]:
    return [b.text for b in document.walk() if isinstance(b, Para)]


def _grounds(document: Any) -> list[str]:
    return [t for t in _texts(document) if t.startswith("Căn cứ ")]


def _commune(date: str, **extra: Any) -> dict[str, Any]:
    return {
        "profile": "ubnd-xa-ia-sao",
        "meeting": {"title": "Hội nghị biểu dương điển hình tiên tiến", "date": date},
        "awards": [{"form": "Giấy khen", "individuals": [{"name": "Rơ Châm Hyưn", "unit": "thôn Plei Ia Sao"}]}],
        **extra,
    }


def test_a_decision_dated_2026_cites_the_2022_law_and_decree_152(write_yaml: Any) -> None:
    document = build_decision(load_meeting(write_yaml(_commune("2026-01-20", decision={"date": "2026-01-22"}))))
    assert _grounds(document) == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        (
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, "
            "phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều "
            "của Luật Thi đua, khen thưởng."
        ),
    ]


@pytest.mark.parametrize(
    ("date", "decree", "law"),
    [
        ("2022-06-17", "Nghị định số 91/2017/NĐ-CP", "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003"),
        ("2024-01-01", "Nghị định số 98/2023/NĐ-CP", "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"),
        ("2025-06-30", "Nghị định số 98/2023/NĐ-CP", "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"),
    ],
)
def test_the_district_profile_cites_the_decree_of_the_decision_date(
    write_yaml: Any, sample_data: dict[str, Any], date: str, decree: str, law: str
) -> None:
    sample_data["meeting"]["date"] = date
    sample_data["report"]["date"] = date
    sample_data["awards"][0]["individuals"] = [{"name": "Nguyễn Văn An"}]
    sample_data["awards"][0]["collectives"] = [{"name": "UBND xã Thạnh Yên"}]
    sample_data["decision"] = {"date": date}
    grounds = " ".join(_grounds(build_decision(load_meeting(write_yaml(sample_data)))))
    assert decree in grounds and law in grounds
    others = {"Nghị định số 91/2017/NĐ-CP", "Nghị định số 98/2023/NĐ-CP", "Nghị định số 152/2025/NĐ-CP"} - {decree}
    assert not [other for other in others if other in grounds]


def test_an_inline_profile_has_the_fields_of_a_profile_file_and_is_located_in_the_data(write_yaml: Any) -> None:
    inline = {
        "kind": "state",
        "name": ["ỦY BAN NHÂN DÂN", "PHƯỜNG AYUN PA"],
        "symbol": "UBND",
        "full_name": "Ủy ban nhân dân phường Ayun Pa",
        "place": "Ayun Pa",
        "valid_from": "2025-07-01",
    }
    meeting = load_meeting(write_yaml({"profile": inline, "meeting": {"title": "Hội nghị", "date": "2026-03-02"}}))
    assert (meeting.issuer.full_name, meeting.issuer.place, meeting.profile) == (
        "Ủy ban nhân dân phường Ayun Pa",
        "Ayun Pa",
        None,
    )
    del inline["symbol"]
    with pytest.raises(InputError) as caught:
        load_meeting(write_yaml({"profile": inline, "meeting": {"title": "Hội nghị"}}))
    assert [(str(p.location), p.code) for p in caught.value.problems] == [("meeting.yaml:1", "value.missing")]
    assert "Ký hiệu cơ quan" in caught.value.problems[0].message("en")  # -- named as the workbook does --


@pytest.mark.parametrize("name", ["ubnd-xa-ia-sao", "so-noi-vu-gia-lai", "dang-uy-xa-tay-do"])
def test_the_bundled_profiles_of_today_build_every_kind_dated_2026(write_yaml: Any, tmp_path: Path, name: str) -> None:
    from umt_reports.build import KINDS, build

    issuer = load_issuer(profiles_dir() / f"{name}.yaml")
    assert issuer.valid_from is not None and issuer.valid_to is None
    data = _commune("2026-01-20", decision={"date": "2026-01-22", "signer": {"name": "Y Đhăm", "title": "Chủ tịch"}})
    data["profile"] = name
    data["chairs"] = [{"name": "Y Đhăm", "positions": ["Chủ tịch UBND xã"]}]  # the conclusion notice needs one
    kinds = [k for k in KINDS if k != "certificates-form"]
    result = build(write_yaml(data), tmp_path / name, kinds=kinds, formats=["pdf"])
    assert sorted(f.kind for f in result.files) == sorted(kinds)


def test_a_party_deputy_signs_for_the_standing_committee_without_a_kt_line(write_yaml: Any) -> None:
    data = _commune("2026-01-20", decision={"signer": {"name": "Phạm Văn Hùng", "title": "Phó Bí thư", "mode": "K/T"}})
    data["profile"] = "dang-uy-xa-tay-do"
    texts = _texts(build_decision(load_meeting(write_yaml(data))))
    assert "T/M BAN THƯỜNG VỤ" in texts and "PHÓ BÍ THƯ" in texts
    assert not [t for t in texts if t.startswith("K/T")]


def test_article_3_names_the_awardees_once_when_the_executors_already_do(write_yaml: Any) -> None:
    data = _commune(
        "2026-01-20", decision={"executors": ["Văn phòng HĐND và UBND xã", "các tập thể, cá nhân có tên tại Điều 1"]}
    )
    last = [t for t in _texts(build_decision(load_meeting(write_yaml(data)))) if "chịu trách nhiệm thi hành" in t]
    assert last == [
        "Văn phòng HĐND và UBND xã, các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
    ]


def test_the_annex_line_keeps_placeholders_when_number_and_date_are_blank(write_yaml: Any) -> None:
    document = build_decision(load_meeting(write_yaml(_commune("2026-01-20"))))
    annex = [b.text for a in document.annexes for b in a.blocks if isinstance(b, Para) and "Kèm theo" in b.text]
    assert annex == ["(Kèm theo Quyết định số … ngày … tháng … năm … của Chủ tịch Ủy ban nhân dân xã Ia Sao)"]
    assert "số ngày của" not in " ".join(annex[0].replace("…", "").split())
