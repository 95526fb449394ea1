"""The facts of the data each kind states, found by name."""

from __future__ import annotations

from umt_reports import load_meeting
from umt_reports.check import Fact, facts_for
from umt_reports.documents.press import build_press_release
from umt_reports.messages import CATALOGUE


def test_facts_follow_what_the_data_has(write_yaml, sample_data) -> None:
    sample_data["chairs"] = []
    sample_data["meeting"]["date"] = "21/6"
    sample_data["statistics"] = [
        {"label": "Chỉ tiêu đạt", "value": "22/27 chỉ tiêu"},
        {"label": "Dân số", "value": 1387, "unit": "người"},
    ]
    sample_data["awards"] = [
        {"form": "Giấy khen", "collectives": 3},
        {"form": "Bằng khen", "individuals": [{"name": "Lê Thị Bình"}]},
    ]
    meeting = load_meeting(write_yaml(sample_data))
    facts = facts_for(meeting, "press-release", build_press_release(meeting))
    assert [(f.code, f.phrase) for f in facts] == [
        ("statistic", "22/27 chỉ tiêu"),
        ("statistic", "1.387 người"),
        ("meeting_date", "21/6"),
        ("awardee", "Lê Thị Bình"),
        ("date_line", "U Minh Thượng, ngày 22 tháng 6 năm 2022"),
        ("signer", "Nguyễn Quốc Khởi"),
    ]
    assert [(f.code, f.phrase) for f in facts_for(meeting, "decision")] == [("awardee", "Lê Thị Bình")]
    assert facts_for(meeting, "no-such-kind") == []


def test_facts_name_no_phrase_of_the_wording(write_yaml, sample_data) -> None:
    # -- counts of collectives are figures of the text, not phrases: a template may call them "đơn vị" --
    meeting = load_meeting(write_yaml(sample_data))
    phrases = [fact.phrase for fact in facts_for(meeting, "report")]
    assert not any("tập thể" in phrase or "cá nhân" in phrase for phrase in phrases)


def test_a_fact_is_found_as_whole_words_in_any_of_its_spellings() -> None:
    fact = Fact("award", "1.200 cá nhân", alternatives=("1200 cá nhân",))
    assert fact.found_in("cho 1200 cá nhân") and fact.found_in("cho 1.200 cá nhân")
    assert not Fact("chair", "Nguyễn Văn A").found_in("nguyễn văn b")
    assert not Fact("author", "Minh Thư").found_in("huyện u minh thượng")
    assert Fact("statistic", "19,4%").found_in("bình quân 19,4%/năm") and not Fact("s", "9,4%").found_in("19,4%")


def test_every_check_message_exists_in_both_languages() -> None:
    codes_ = [c for c in CATALOGUE if c.startswith("check.")]
    assert {"check.missing_chair", "check.unknown_figure", "check.lost_figure", "check.passed"} <= set(codes_)
    for code in codes_:
        assert CATALOGUE[code]["vi"] and CATALOGUE[code]["en"]
