"""Plain data read from a file, with the place each value came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from umt_reports.errors import Location, Problem
from umt_reports.vn import LEGACY_ENCODINGS, clean_spaces

#: Characters of a text quoted in a note.
_QUOTED = 60
# -- characters no document format can hold: C0 controls but tab and line breaks, DEL,   --
# -- C1 controls, lone surrogates, U+FFFE/U+FFFF. Word's vertical tab and form feed, and --
# -- NEL (U+0085, a line break in YAML), are line breaks.                                --
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n"})

__all__ = ["Path_", "RawSource", "clean_controls", "controls_note", "field_label", "legacy_note"]

#: A path into the raw data: keys and list indexes, e.g. ``("chairs", 1, "name")``.
Path_ = tuple[str | int, ...]


@dataclass
class RawSource:
    """What a reader produced: YAML-contract data plus a location for each value.

    ``data`` uses the keys of the data contract (design.md §2) whatever the file
    format; ``locations`` maps paths into ``data`` to where they stand in the file.
    A workbook reader also registers the cells of *empty* known columns, so that a
    missing value can be pointed at.
    """

    path: Path
    data: dict[str, Any]
    locations: dict[Path_, Location] = field(default_factory=dict)
    #: Problems the reader met that did not stop it (a bad cell); validation reports them too.
    problems: list[Problem] = field(default_factory=list)
    #: Notices that are not errors (a cell converted from a legacy encoding, a hidden sheet
    #: that was read); the CLI shows them, validation does not fail on them.
    notes: list[Problem] = field(default_factory=list)

    def locate(self, path: Path_) -> Location:
        """The location of ``path``, or of its nearest located ancestor, or the file."""
        for end in range(len(path), -1, -1):
            found = self.locations.get(tuple(path[:end]))
            if found is not None:
                return found
        return Location.of_file(self.path)

    def graft(self, key: str, other: RawSource) -> None:
        """Put ``other``'s data under ``key``, keeping its own locations (a profile file)."""
        self.data[key] = other.data
        self.locations[(key,)] = other.locate(())
        for sub, where in other.locations.items():
            self.locations[(key, *sub)] = where


def legacy_note(before: str, after: str, encoding: str, location: Location) -> Problem:
    """The note saying that ``before`` (typed in ``encoding``) was read as ``after``."""

    def quote(text: str) -> str:
        flat = clean_spaces(text)
        return flat if len(flat) <= _QUOTED else flat[: _QUOTED - 1] + "…"

    params = {"encoding": LEGACY_ENCODINGS.get(encoding, encoding), "before": quote(before), "after": quote(after)}
    return Problem("legacy.converted", location, params)


def clean_controls(text: str) -> tuple[str, int]:
    """``text`` without the control characters no document can hold, and how many were removed.

    Vertical tab and form feed (Word's manual line and page breaks, pasted into cells)
    become line breaks and are not counted.
    """
    text = text.translate(_BREAKS)
    cleaned, count = _CONTROLS.subn("", text)
    return cleaned, count


def controls_note(count: int, location: Location) -> Problem:
    """The note saying that ``count`` unprintable control characters were removed at ``location``."""
    return Problem("legacy.control_removed", location, {"count": count})


def field_label(loc: tuple[str | int, ...]) -> str:
    """``chairs[2].name``-style path of a value, as YAML users write it."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "—"
