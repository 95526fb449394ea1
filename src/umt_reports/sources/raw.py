"""Plain data read from a file, with the place each value came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from umt_reports.errors import Location, Problem

__all__ = ["Path_", "RawSource"]

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

    def locate(self, path: Path_) -> Location:
        """The location of ``path``, or of its nearest located ancestor, or the file."""
        for end in range(len(path), -1, -1):
            found = self.locations.get(tuple(path[:end]))
            if found is not None:
                return found
        return Location.of_file(self.path)

    def graft(self, key: str, other: "RawSource") -> None:
        """Put ``other``'s data under ``key``, keeping its own locations (a profile file)."""
        self.data[key] = other.data
        self.locations[(key,)] = other.locate(())
        for sub, where in other.locations.items():
            self.locations[(key, *sub)] = where
