"""Validation: from located raw data to a :class:`Meeting`, or every problem at once.

Pydantic checks each field; its errors are turned into :class:`Problem` objects
located through :meth:`RawSource.locate`. Checks that involve several blocks (the
issuer's validity dates, Party signing modes) run afterwards, also located.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from umt_reports import messages, vn
from umt_reports.errors import InputError, Problem, ProfileError
from umt_reports.messages import describe
from umt_reports.model.meeting import Meeting
from umt_reports.model.needs import (
    example_problems,
    form_notes,
    locale_notes,
    photo_problems,
    report_date_problems,
    unused_blocks,
)
from umt_reports.model.profile import Issuer, SigningMode
from umt_reports.sources import RawSource, read_source
from umt_reports.sources import workbook as wbk
from umt_reports.sources.profiles import available_profiles, find_profile, profile_search_path, read_profile
from umt_reports.sources.raw import field_label as field_label  # -- re-exported by umt_reports.model --

__all__ = ["load_issuer", "problems_of", "validate"]

# -- pydantic's own error types that can still reach us, mapped to our codes --
_BUILTIN: dict[str, str] = {
    "missing": "value.missing",
    "extra_forbidden": "value.unknown_key",
    "string_type": "value.not_text",
    "list_type": "value.not_list",
    "model_type": "value.not_mapping",
    "model_attributes_type": "value.not_mapping",
    "dict_type": "value.not_mapping",
    "int_type": "value.not_integer",
    "int_parsing": "value.not_integer",
    "decimal_parsing": "value.not_number",
    "literal_error": "value.bad_choice",
    "enum": "value.bad_choice",
    "date_type": "date.unreadable",
    "date_parsing": "date.unreadable",
    "date_from_datetime_parsing": "date.unreadable",
}


def validate(
    raw: RawSource, *, profile_dirs: Iterable[Path] = (), photos: bool = True, kinds: Iterable[str] | None = None
) -> Meeting:
    """The meeting described by ``raw``; raises :class:`InputError` listing every problem.

    ``photos=False`` leaves the photos to the build, which needs them only for the kinds
    that print them (:mod:`umt_reports.model.needs`). ``kinds`` (a build's kinds; ``None``:
    all) turns problems inside a block none of them uses (``press:`` for a report, ``decision:``
    for a news item) into notes, and the block is left out. Notes (a form the law does not
    list, a block left out) are added to ``raw.notes``.
    """
    unused = unused_blocks(kinds) if kinds is not None else frozenset()
    problems: list[Problem] = [*raw.problems, *example_problems(raw)]
    data = dict(raw.data)
    if "issuer" not in data and isinstance(data.get("profile"), dict):
        # -- an inline profile: the same fields as profiles/*.yaml, located in this file --
        data["issuer"] = data.pop("profile")
        for sub, where in list(raw.locations.items()):
            if sub[:1] == ("profile",):
                raw.locations[("issuer", *sub[1:])] = where
    elif "issuer" not in data:
        name = data.get("profile")
        if not isinstance(name, str) or not name.strip():
            problems.append(Problem("profile.missing", raw.locate(("profile",))))
        else:
            try:
                issuer_raw = _read_profile(name.strip(), raw, profile_dirs)
            except (InputError, ProfileError) as exc:
                problems.extend(exc.problems)
            else:
                raw.graft("issuer", issuer_raw)
                data["issuer"] = issuer_raw.data
    try:
        meeting = Meeting.model_validate(data)
    except ValidationError as exc:
        blocks = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
        if unused and blocks <= unused and not problems:
            # -- only blocks the requested kinds do not use are wrong: say so, build without them --
            raw.notes.extend(_unique(problems_of(exc, raw, Meeting)))
            return validate(_without(raw, blocks), profile_dirs=profile_dirs, photos=photos, kinds=kinds)
        found = problems_of(exc, raw, Meeting)
        if "issuer" not in data:  # -- the profile problem is already said; "issuer missing" adds nothing --
            found = [p for p in found if not (p.code == "value.missing" and p.params.get("field") == "issuer")]
        problems.extend(_not_already_said(found, problems))
        raise InputError(_unique(problems)) from None
    checked = _cross_checks(meeting, raw)
    if "decision" in unused:  # -- the decision's own date matters only to the kinds that print it --
        raw.notes.extend(p for p in checked if p.location == raw.locate(("decision", "date")) and meeting.decision)
        checked = [p for p in checked if not (p.location == raw.locate(("decision", "date")) and meeting.decision)]
    problems.extend(checked)
    problems.extend(report_date_problems(meeting, raw))
    if photos:
        problems.extend(photo_problems(meeting, raw))
    if problems:
        raise InputError(_unique(problems))
    raw.notes.extend(form_notes(meeting, raw) + locale_notes(meeting, raw))
    return meeting


def _without(raw: RawSource, blocks: set[str]) -> RawSource:
    """``raw`` without its top-level ``blocks`` (same file, places and notes)."""
    data = {key: value for key, value in raw.data.items() if key not in blocks}
    return RawSource(raw.path, data, raw.locations, raw.problems, raw.notes)


def load_issuer(path: Path) -> Issuer:
    """Read and validate one profile file on its own."""
    raw = read_source(path)
    try:
        return Issuer.model_validate(raw.data)
    except ValidationError as exc:
        raise ProfileError(problems_of(exc, raw, Issuer)) from None


def _read_profile(name: str, raw: RawSource, extra: Iterable[Path]) -> RawSource:
    search = profile_search_path(raw.path, extra)
    found = find_profile(name, search)
    if found is None:
        raise ProfileError.of(
            "profile.not_found",
            raw.locate(("profile",)),
            name=name,
            available=", ".join(available_profiles(search)) or "—",
        )
    return read_profile(found)


def _cross_checks(meeting: Meeting, raw: RawSource) -> list[Problem]:
    problems = []
    issuer = meeting.issuer
    date = meeting.document_date
    if date is not None and not issuer.valid_on(date):
        path = ("report", "date") if meeting.report.date and meeting.report.date.to_date() else ("meeting", "date")
        problems.append(
            Problem(
                "profile.not_valid_on",
                raw.locate(path),
                {"issuer": issuer.full_name, "span": issuer.validity_span(), "date": vn.running_date(date)},
            )
        )
    decided = meeting.decision.date.to_date() if meeting.decision and meeting.decision.date else None
    if decided is not None and not issuer.valid_on(decided):  # -- commendation: the decision's own date --
        problems.append(
            Problem(
                "profile.not_valid_on",
                raw.locate(("decision", "date")),
                {"issuer": issuer.full_name, "span": issuer.validity_span(), "date": vn.running_date(decided)},
            )
        )
    signer = meeting.report.signer
    if signer and issuer.kind == "party" and signer.mode is SigningMode.TUQ:
        problems.append(
            Problem(
                "signer.bad_mode",
                raw.locate(("report", "signer", "mode")),
                {"field": _field(("report", "signer", "mode")), "value": "TUQ", "allowed": "T/M, K/T, T/L, Q"},
            )
        )
    return problems


def _field(loc: tuple[str | int, ...]) -> str:
    """How a message names the value at ``loc``: as the workbook does, else as YAML writes it."""
    name = wbk.field_name(loc)
    return f"«{name}»" if name else field_label(loc)


def problems_of(exc: ValidationError, raw: RawSource, model: type[BaseModel]) -> list[Problem]:
    """Turn pydantic's errors into located problems with our message codes."""
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        kind = error["type"]
        params: dict[str, Any] = dict(error.get("ctx") or {})
        params.setdefault("field", _field(loc))
        params.setdefault("value", describe(error.get("input")))
        params.setdefault("found", describe(error.get("input")))
        if kind in messages.CATALOGUE:
            code = kind
        elif kind in _BUILTIN:
            code = _BUILTIN[kind]
            if code == "value.unknown_key":
                params["key"] = loc[-1] if loc else "?"
                params["allowed"] = ", ".join(_allowed_keys(model, loc[:-1]))
            if code == "value.bad_choice":
                params["allowed"] = params.get("expected", "?")
        else:
            code = "value.invalid"
            params["reason"] = error.get("msg", kind)
        problems.append(Problem(code, raw.locate(loc), params))
    return problems


def _allowed_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = _field_by_key(current, part)
        if field is None:
            return []
        current = _model_in(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _field_by_key(model: type[BaseModel], key: str) -> Any:
    for name, field in model.model_fields.items():
        if key in (name, field.alias):
            return field
    return None


def _model_in(annotation: Any) -> Any:
    """The model class inside ``list[X]``, ``X | None``, ``Annotated[X, …]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        return _model_in(origin)
    return None


def _not_already_said(found: list[Problem], said: list[Problem]) -> list[Problem]:
    """Drop model problems about a place the reader has already reported."""
    places = {p.location for p in said if p.location is not None and p.location.cell}
    return [p for p in found if p.location not in places]


def _unique(problems: list[Problem]) -> list[Problem]:
    """Problems without repeats, in reading order of their locations (stable)."""
    problems = sorted(problems, key=lambda p: p.location.sort_key() if p.location else ("",))
    seen = set()
    result = []
    for p in problems:
        key = (p.code, p.location, tuple(sorted((k, str(v)) for k, v in p.params.items())))
        if key not in seen:
            seen.add(key)
            result.append(p)
    return result
