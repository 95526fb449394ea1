"""The place in the data file of a text that a later stage could not use.

Documents and renderers see the validated meeting, not where its values came from. When
one of them refuses a text (a character the font lacks, a name too long for its frame)
it raises a problem without a location whose ``value`` holds that text; the build asks
:func:`locate_problems` for the place of the first value of the data that contains it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from umt_reports.errors import InputError, Location, Problem, UmtError
from umt_reports.sources.raw import Path_, RawSource

__all__ = ["INPUT_CODES", "locate_problems", "place_of_text"]

#: Problems that, once placed in the data, are the data's fault (exit 2), whatever raised them.
INPUT_CODES = frozenset({"render.missing_glyph", "render.placed_overflow", "render.too_large"})
#: Characters of a refused text quoted in the message.
_SHOWN = 80


def _texts(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def place_of_text(raw: RawSource, fragment: str) -> Location | None:
    """The location of the first value of ``raw`` holding ``fragment`` (NFC, spaces folded),
    or of the value holding its longest word; ``None`` when no value holds either."""
    wanted = _norm(fragment)
    if not wanted:
        return None
    candidates = [wanted, max(wanted.split(" "), key=len)]
    for needle in candidates:
        for path, text in _texts(raw.data):
            if needle in _norm(text):
                return raw.locate(path)
    return None


def _shown(text: str) -> str:
    flat = _norm(text)
    return flat if len(flat) <= _SHOWN else flat[: _SHOWN - 1] + "…"


def locate_problems(error: UmtError, raw: RawSource) -> UmtError:
    """``error`` with its unplaced problems placed at the data value their ``value`` names.

    An error whose problems are all of :data:`INPUT_CODES` and found in the data becomes an
    :class:`InputError` (the data must change); any other is returned as it was.
    """
    placed: list[Problem] = []
    all_input = True
    for problem in error.problems:
        value = problem.params.get("value")
        where = problem.location
        if where is None and isinstance(value, str):
            where = place_of_text(raw, value)
        if problem.code not in INPUT_CODES or where is None:
            all_input = False
        params = {**problem.params, "shown": _shown(value)} if isinstance(value, str) else problem.params
        placed.append(Problem(problem.code, where, params))
    if all_input:
        return InputError(placed)
    return type(error)(placed)
