"""The font family the renderers draw with: four TrueType faces and where they came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = ["FACES", "Face", "FontFamily", "FontSource"]

FontSource = Literal["system", "fontpkg", "user"]
Face = Literal["regular", "bold", "italic", "bold_italic"]
FACES: tuple[Face, ...] = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True)
class FontFamily:
    """Four TrueType faces of one family, and where they were found.

    ``source`` is ``"system"`` (installed fonts), ``"fontpkg"`` (a pip font package)
    or ``"user"`` (a file the caller named). A face the family lacks repeats ``regular``.
    """

    name: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path
    source: FontSource

    def face(self, face: Face) -> Path:
        """The file of one face."""
        path: Path = getattr(self, face)
        return path

    def describe(self) -> str:
        """Short text saying which font is used and from where, for logs and reports."""
        return f"{self.name} ({self.source}: {self.regular.parent})"
