"""Issue 11, item 8: every real meeting of ``samples/field/`` builds every kind in every format,
and every figure and name of its data appears in each output.

A kind whose needs the data cannot meet (a decision or Giấy khen without named awardees) is
refused with located problems and writes nothing; that is checked too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from umt_reports import vn
from umt_reports.api import load_meeting
from umt_reports.build import build
from umt_reports.check import check, document_text
from umt_reports.errors import InputError
from umt_reports.model import Meeting
from umt_reports.model.needs import CERTIFIED_FORMS

FIELD = Path(__file__).resolve().parents[2] / "samples" / "field"
MEETINGS = sorted(FIELD.glob("*.yaml"))
FORMATS = ("docx", "pdf", "html", "html-fragment")
SUFFIX = {"docx": ".docx", "pdf": ".pdf", "html": ".html", "html-fragment": ".fragment.html"}

pytestmark = pytest.mark.slow


def _fold(text: str) -> str:
    return " ".join(vn.nfc(text).casefold().split())


def _named(meeting: Meeting) -> list[str]:
    return [
        m.name for a in meeting.awards if a.is_named for g in (a.collectives, a.individuals) if g for m in g.members
    ]


def _certified(meeting: Meeting) -> list[str]:
    return [
        m.name
        for a in meeting.awards
        if a.recognised in CERTIFIED_FORMS
        for g in (a.collectives, a.individuals)
        if g
        for m in g.members
    ]


def _meeting_facts(meeting: Meeting) -> list[str]:
    """Names and figures the report, the news item and the press release must all carry."""
    facts = [c.name for c in meeting.chairs] + [a.name for a in meeting.attendees if a.name]
    for stat in meeting.statistics:
        facts.append(vn.format_number(stat.value) if stat.is_number else str(stat.value))
    for award in meeting.awards:
        facts += [vn.format_number(n) for n in (award.collective_count, award.individual_count) if n]
        facts += [m.name for g in (award.collectives, award.individuals) if g for m in g.members]
    return facts


def test_the_corpus_holds_at_least_twelve_sourced_meetings() -> None:
    assert len(MEETINGS) >= 12
    for path in MEETINGS:
        head = path.read_text(encoding="utf-8").split("\n", 3)
        assert re.search(r"https?://\S+", " ".join(head[:3])), f"{path.name}: no source URL in its opening comment"


@pytest.mark.parametrize("path", MEETINGS, ids=[p.stem for p in MEETINGS])
def test_a_field_meeting_builds_every_kind_and_keeps_its_facts(path: Path, tmp_path: Path) -> None:
    meeting = load_meeting(path)
    kinds = ["report", "press", "press-release"]
    if _named(meeting):
        kinds.append("decision")
    out = tmp_path / "out"
    result = build(path, out, kinds=kinds, formats=FORMATS)
    assert {(f.kind, f.format) for f in result.files} == {(k, f) for k in kinds for f in FORMATS}
    facts = _meeting_facts(meeting)
    for written in result.files:
        text = _fold(document_text(written.path, written.format))
        wanted = _named(meeting) if written.kind == "decision" else facts
        missing = [fact for fact in wanted if _fold(fact) not in text]
        assert not missing, f"{written.path.name}: {missing}"
    checked = check(out)
    assert [str(p) for p in checked.problems] == []
    if _certified(meeting):
        sheets = build(path, tmp_path / "giay-khen", kinds=["certificates"], formats=["pdf"])
        text = _fold(document_text(sheets.files[0].path, "pdf"))
        assert all(_fold(name) in text for name in _certified(meeting))


@pytest.mark.parametrize("path", MEETINGS, ids=[p.stem for p in MEETINGS])
def test_a_commendation_kind_the_data_cannot_serve_is_refused_with_places(path: Path, tmp_path: Path) -> None:
    meeting = load_meeting(path)
    refused = [k for k, names in (("decision", _named(meeting)), ("certificates", _certified(meeting))) if not names]
    for kind in refused:
        with pytest.raises(InputError) as caught:
            build(path, tmp_path / kind, kinds=[kind], formats=["pdf"])
        if meeting.awards:
            assert all(p.location is not None and p.location.line for p in caught.value.problems)
        assert not (tmp_path / kind).exists()


def test_a_2026_party_meeting_builds_its_decision_signed_for_the_standing_committee(tmp_path: Path) -> None:
    path = FIELD / "2026-02-11_dang-uy-phuong-viet-tri.yaml"
    result = build(path, tmp_path, kinds=["decision"], formats=["pdf"])
    text = _fold(document_text(result.files[0].path, "pdf"))
    assert "t/m ban thường vụ" in text and "nguyễn thị tuyến" in text and "trần thế khải" in text
