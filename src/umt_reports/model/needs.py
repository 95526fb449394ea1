"""What each document kind needs from a validated meeting, checked before a build.

A meeting that validates may still lack something one kind needs: a decision must name
whom it commends, Giấy khen are printed only for Giấy khen awards, a news item prints its
photos. :func:`kind_problems` answers, for the requested kinds, which problems stop the
build (each with the place of the award or photo) and which are only notes (a photo that
only the news item would print, when the news item is not requested; a signer taken from
the profile). Commendation facts are data of :mod:`umt_reports.vn.awards`.

In: a :class:`Meeting`, its :class:`RawSource` (for places) and the kinds. Out: two lists
of :class:`Problem` — errors, notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from umt_reports import vn
from umt_reports.errors import Problem
from umt_reports.model.meeting import Meeting
from umt_reports.sources.photos import check_photo
from umt_reports.sources.raw import RawSource

__all__ = [
    "BLOCK_USERS",
    "CERTIFIED_FORMS",
    "PHOTO_KINDS",
    "SIGNED_KINDS",
    "example_problems",
    "form_notes",
    "kind_problems",
    "locale_notes",
    "photo_problems",
    "report_date_problems",
    "unused_blocks",
]

#: Award forms (canonical names of :mod:`umt_reports.vn.awards`) printed by ``certificates``.
CERTIFIED_FORMS = ("Giấy khen",)
#: Kinds that print the data's photos.
PHOTO_KINDS = frozenset({"press"})
#: Kinds that carry a signature (and so a signer).
SIGNED_KINDS = frozenset({"report", "press-release", "decision", "certificates", "certificates-form"})
_EXAMPLE = "vi du:"
_CERTIFICATE_KINDS = frozenset({"certificates", "certificates-form"})


#: Top-level blocks of the data and the kinds that print something from them; a block not
#: listed here (meeting, chairs, awards …) is used by every kind.
BLOCK_USERS: dict[str, frozenset[str]] = {
    "press": frozenset({"press", "press-release"}),
    "decision": frozenset({"decision", "certificates", "certificates-form"}),
}


def unused_blocks(kinds: Iterable[str]) -> frozenset[str]:
    """The blocks of :data:`BLOCK_USERS` that none of ``kinds`` prints from."""
    wanted = set(kinds)
    return frozenset(block for block, users in BLOCK_USERS.items() if not wanted & users)


def kind_problems(meeting: Meeting, raw: RawSource, kinds: Iterable[str]) -> tuple[list[Problem], list[Problem]]:
    """``(errors, notes)`` of building ``kinds`` from ``meeting``."""
    wanted = set(kinds)
    errors: list[Problem] = []
    notes: list[Problem] = []
    printed = bool(wanted & PHOTO_KINDS)
    # -- photos no requested kind prints are only noted, so only looked for (decoding one takes ms) --
    (errors if printed else notes).extend(photo_problems(meeting, raw, decode=printed))
    if "decision" in wanted:
        refused, left_out = _decision_problems(meeting, raw)
        errors += refused
        notes += left_out
    if wanted & _CERTIFICATE_KINDS:
        refused, skipped = _certificate_problems(meeting, raw)
        errors += refused
        notes += skipped
    if wanted & SIGNED_KINDS:
        notes += _signer_notes(meeting, raw, wanted)
    return errors, notes


def photo_problems(meeting: Meeting, raw: RawSource, *, decode: bool = True) -> list[Problem]:
    """A problem for each photo that is missing, unreadable or outside the data's folder
    (``decode=False``: missing or outside only, without opening the files)."""
    base = raw.path.parent
    problems = []
    for index, photo in enumerate(meeting.press.photos):
        if not _inside(base, photo.file):
            reason: str | None = "outside"
        elif decode:
            reason = check_photo(base / photo.file)
        else:
            reason = None if (base / photo.file).is_file() else "missing"
        if reason is not None:
            problems.append(
                Problem(f"photo.{reason}", raw.locate(("press", "photos", index, "file")), {"file": photo.file})
            )
    return problems


def form_notes(meeting: Meeting, raw: RawSource) -> list[Problem]:
    """A note for each award whose form the law does not list: it is kept as written."""
    return [
        Problem("award.form_unknown", raw.locate(("awards", index, "form")), {"value": award.form})
        for index, award in enumerate(meeting.awards)
        if award.recognised is None
    ]


def locale_notes(meeting: Meeting, raw: RawSource) -> list[Problem]:
    """Notes on workbook values an English-locale Excel may have misread.

    A count with exactly three decimals (``1.387`` people typed where ``.`` is the decimal
    point) and a date cell whose day and month are both 12 or less (``5/6`` read as 6 May).
    YAML files say what they mean, so only workbooks get these notes.
    """
    if raw.path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    notes = []
    for index, stat in enumerate(meeting.statistics):
        value = stat.value
        if isinstance(value, Decimal) and value.as_tuple().exponent == -3 and vn.counts_things(stat.unit):
            notes.append(
                Problem(
                    "number.maybe_thousands",
                    raw.locate(("statistics", index, "value")),
                    {"value": vn.format_number(value), "whole": vn.format_number(value * 1000), "unit": stat.unit},
                )
            )
    for path in (("meeting", "date"), ("report", "date"), ("decision", "date")):
        cell = _get(raw.data, path)
        if isinstance(cell, dt.date) and cell.day <= 12 and cell.month <= 12 and cell.day != cell.month:
            notes.append(
                Problem(
                    "date.day_month_ambiguous",
                    raw.locate(path),
                    {"date": vn.running_date(cell), "swapped": f"{cell.month}/{cell.day}/{cell.year}"},
                )
            )
    return notes


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def example_problems(raw: RawSource) -> list[Problem]:
    """A problem for each text still starting with the template's ``Ví dụ:``: a grey example
    that was edited (so it was read as data) must not reach a document."""
    found: list[Problem] = []

    def walk(value: Any, path: tuple[str | int, ...]) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))
        elif isinstance(value, str) and vn.fold_header(value).startswith(_EXAMPLE):
            found.append(Problem("value.example_text", raw.locate(path), {"value": value}))

    walk(raw.data, ())
    return found


def report_date_problems(meeting: Meeting, raw: RawSource) -> list[Problem]:
    """A report dated before its meeting is a problem (both dates complete)."""
    held = meeting.info.date.to_date() if meeting.info.date else None
    reported = meeting.report.date.to_date() if meeting.report.date else None
    if held is None or reported is None or reported >= held:
        return []
    return [
        Problem(
            "report.before_meeting",
            raw.locate(("report", "date")),
            {"date": vn.running_date(reported), "meeting": vn.running_date(held)},
        )
    ]


def _decision_problems(meeting: Meeting, raw: RawSource) -> tuple[list[Problem], list[Problem]]:
    """A decision names whom it commends: awards given as counts only are left out of it
    (notes), and when no award names anyone the decision is refused (errors)."""
    unnamed = [
        Problem("commendation.decision_unnamed", raw.locate(("awards", index)), {"form": award.form})
        for index, award in enumerate(meeting.awards)
        if not award.is_named
    ]
    if any(award.is_named for award in meeting.awards):
        return [], unnamed
    return unnamed, []


def _certificate_problems(meeting: Meeting, raw: RawSource) -> tuple[list[Problem], list[Problem]]:
    """Awards that get no Giấy khen page: notes when some award does, errors when none does."""
    printed = [
        a
        for a in meeting.awards
        if a.recognised in CERTIFIED_FORMS and any(g is not None and g.members for g in (a.collectives, a.individuals))
    ]
    others = [
        Problem(
            "commendation.not_certified",
            raw.locate(("awards", index, "form")),
            {"form": award.form, "forms": vn.join_list(list(CERTIFIED_FORMS))},
        )
        for index, award in enumerate(meeting.awards)
        if award not in printed
    ]
    if printed:
        return [], others
    return others, []


def _signer_notes(meeting: Meeting, raw: RawSource, kinds: set[str]) -> list[Problem]:
    """Say when the signer comes from the profile's default rather than the data."""
    own = meeting.report.signer or (meeting.decision.signer if meeting.decision else None)
    default = meeting.issuer.signer
    if own is not None or default is None:
        return []
    return [Problem("signer.from_profile", raw.locate(("profile",)), {"name": default.name, "title": default.title})]


def _inside(base: Path, name: str) -> bool:
    """Whether ``name`` (a path from the data) stays inside ``base`` once resolved."""
    try:
        root = base.resolve()
        target = (base / name).resolve()
    except (OSError, RuntimeError, ValueError):  # -- a link loop, a NUL byte --
        return False
    return target == root or root in target.parents
