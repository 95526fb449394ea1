"""Validation: every problem at once, located, with a message code (not a traceback)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

import pytest

from umt_reports import InputError, load_meeting
from umt_reports.model import SigningMode


def problems(path) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as info:
        load_meeting(path)
    return [(str(p.location), p.code) for p in info.value.problems]


def test_the_sample_meetings_load(sample_yaml, sample_party_yaml) -> None:
    state = load_meeting(sample_yaml)
    party = load_meeting(sample_party_yaml)
    assert state.issuer.kind == "state" and party.issuer.kind == "party"
    assert state.info.date.to_date() == dt.date(2022, 6, 21)
    assert [c.name for c in state.chairs] == ["Nguyễn Quốc Khởi", "Phạm Văn Út"]
    assert state.chairs[0].positions == ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"]
    assert [s.value for s in state.statistics[:3]] == [Decimal("19.4"), Decimal("93.32"), Decimal("47")]
    assert (state.collective_count, state.individual_count) == (5, 10)
    assert state.report.signer.mode is SigningMode.TM
    assert state.press.published == dt.datetime(2022, 6, 22, 13, 37)


def test_every_problem_is_reported_at_its_line(write_yaml) -> None:
    path = write_yaml(
        "profile: ubnd-u-minh-thuong\n"
        "meeting:\n"
        "  title: Hội nghị\n"
        "  date: 31/02/2022\n"
        "  plase: U Minh\n"
        "chairs:\n"
        "  - positions: [Chủ tịch]\n"
        "awards:\n"
        "  - form: Giấy khenn\n"
        "    collectives: {count: 3, members: [{name: A}]}\n"
        "report:\n"
        "  signer: {name: A, title: B, mode: XY}\n"
    )
    assert problems(path) == [
        ("meeting.yaml:4", "date.impossible"),
        ("meeting.yaml:5", "value.unknown_key"),
        ("meeting.yaml:7", "value.missing"),
        ("meeting.yaml:10", "award.count_mismatch"),
        ("meeting.yaml:12", "signer.bad_mode"),
    ]


def test_unknown_key_message_lists_the_allowed_keys(write_yaml) -> None:
    path = write_yaml("profile: ubnd-u-minh-thuong\nmeeting:\n  title: X\n  tilte: Y\n")
    with pytest.raises(InputError) as info:
        load_meeting(path)
    assert info.value.problems[0].format("vi") == (
        "meeting.yaml:4: Khóa không hợp lệ `tilte` (gõ nhầm?). Các khóa được phép: title, date, place."
    )
    assert info.value.problems[0].format("en").startswith("meeting.yaml:4: Unknown key `tilte`")


def test_numbers_and_dates_are_read_the_vietnamese_way(write_yaml, sample_data) -> None:
    sample_data["meeting"]["date"] = "21/6/2022"
    sample_data["statistics"] = [
        {"label": "A", "value": "19,4", "unit": "%"},
        {"label": "B", "value": "1.387"},
        {"label": "C", "value": "22/27 chỉ tiêu"},
    ]
    meeting = load_meeting(write_yaml(sample_data))
    assert meeting.info.date.to_date() == dt.date(2022, 6, 21)
    assert [s.value for s in meeting.statistics] == [Decimal("19.4"), Decimal("1387"), "22/27 chỉ tiêu"]


def test_a_date_without_a_year_is_kept_partial(write_yaml, sample_data) -> None:
    sample_data["meeting"]["date"] = "21/6"
    meeting = load_meeting(write_yaml(sample_data))
    assert (meeting.info.date.day, meeting.info.date.month, meeting.info.date.year) == (21, 6, None)
    assert meeting.info.date.to_date() is None


def test_text_is_nfc_normalised_on_the_way_in(write_yaml, sample_data) -> None:
    sample_data["chairs"][0]["name"] = unicodedata.normalize("NFD", "Nguyễn Quốc Khởi")
    meeting = load_meeting(write_yaml(sample_data))
    assert meeting.chairs[0].name == unicodedata.normalize("NFC", "Nguyễn Quốc Khởi")


def test_awards_may_be_counts_named_lists_or_both(write_yaml, sample_data) -> None:
    sample_data["awards"] = [
        {"form": "giay khen", "collectives": 2, "individuals": [{"name": "Trần Văn B"}, {"name": "Lê Thị C"}]},
        {"form": "Bằng khen", "individuals": {"count": 1, "members": [{"name": "Võ Văn D"}]}},
    ]
    meeting = load_meeting(write_yaml(sample_data))
    assert [a.form for a in meeting.awards] == ["giay khen", "Bằng khen"]  # -- kept as written --
    assert [a.recognised for a in meeting.awards] == ["Giấy khen", "Bằng khen"]
    assert (meeting.collective_count, meeting.individual_count) == (2, 3)


def test_a_document_dated_after_the_body_ceased_is_refused(write_yaml, sample_data) -> None:
    sample_data["report"]["date"] = "2025-07-01"
    path = write_yaml(sample_data)
    date_line = next(
        i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "2025-07-01" in line
    )
    assert problems(path) == [(f"meeting.yaml:{date_line}", "profile.not_valid_on")]


def test_an_unknown_profile_names_the_available_ones(write_yaml, sample_data) -> None:
    sample_data["profile"] = "ubnd-khong-co"
    with pytest.raises(InputError) as info:
        load_meeting(write_yaml(sample_data))
    [problem] = info.value.problems
    assert problem.code == "profile.not_found"
    assert "ubnd-u-minh-thuong" in problem.message()


def test_party_bodies_cannot_sign_by_authorisation(write_yaml, sample_data) -> None:
    sample_data["profile"] = "bdv-huyen-uy-u-minh-thuong"
    sample_data["report"]["signer"] = {"name": "Phạm Văn Út", "title": "Trưởng ban", "mode": "TUQ"}
    assert [code for _, code in problems(write_yaml(sample_data))] == ["signer.bad_mode"]


@pytest.mark.parametrize("spelling", ["TM", "tm.", "T/M"])
def test_signing_modes_accept_state_and_party_spellings(write_yaml, sample_data, spelling) -> None:
    sample_data["report"]["signer"]["mode"] = spelling
    assert load_meeting(write_yaml(sample_data)).report.signer.mode is SigningMode.TM


def test_a_percent_typed_into_the_value_becomes_the_unit(write_yaml, sample_data) -> None:
    sample_data["statistics"] = [{"label": "Tỷ lệ giải quyết thủ tục hành chính", "value": "93,32%"}]
    [stat] = load_meeting(write_yaml(sample_data)).statistics
    assert (stat.value, stat.unit) == (Decimal("93.32"), "%")


@pytest.mark.parametrize("value", [1e60, 10**15, "1.000.000.000.000.000.000"])
def test_absurdly_large_figures_are_located_errors(write_yaml, sample_data, value) -> None:
    sample_data["statistics"] = [{"label": "A", "value": value}]
    assert [code for _, code in problems(write_yaml(sample_data))] == ["value.too_large"]
