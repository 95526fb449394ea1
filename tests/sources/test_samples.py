"""The shipped samples: valid, and the workbook says exactly what the YAML says."""

from __future__ import annotations

from umt_reports import load_meeting


def test_the_sample_workbook_gives_the_same_meeting_as_the_yaml(sample_yaml) -> None:
    workbook = sample_yaml.with_suffix(".xlsx")
    assert load_meeting(workbook) == load_meeting(sample_yaml)


def test_the_party_sample_reports_the_same_meeting(sample_yaml, sample_party_yaml) -> None:
    state, party = load_meeting(sample_yaml), load_meeting(sample_party_yaml)
    assert (state.info, state.chairs, state.statistics, state.awards) == (
        party.info,
        party.chairs,
        party.statistics,
        party.awards,
    )
    assert (state.issuer.kind, party.issuer.kind) == ("state", "party")
