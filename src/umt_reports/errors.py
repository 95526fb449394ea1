"""The one exception root of umt-reports, and the located problems its errors carry.

Every error the toolkit raises on purpose derives from :class:`UmtError`::

    UmtError                      anything umt-reports refuses to do
    ├── InputError                the input data is unreadable or invalid (exit 2)
    │   └── LimitError            the input is larger or deeper than we accept
    ├── ProfileError              an issuing-body profile is missing or invalid (exit 2)
    ├── TemplateError             a wording template is broken (exit 2)
    ├── RenderError               a document cannot be drawn (e.g. a glyph the font lacks)
    │   └── PdfaError             the PDF failed its PDF/A check
    └── ArchiveError              the archive refused an operation

Each error holds one or more :class:`Problem` objects. A problem is *data*: a message
code from :mod:`umt_reports.messages`, its parameters and the :class:`Location` it is
about. Turning problems into Vietnamese (or English) sentences and exit codes happens
only at the CLI edge (:mod:`umt_reports.cli`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "ArchiveError",
    "InputError",
    "LimitError",
    "Location",
    "PdfaError",
    "Problem",
    "ProfileError",
    "RenderError",
    "TemplateError",
    "UmtError",
]


@dataclass(frozen=True, order=True)
class Location:
    """Where a value came from: a file, and inside it a sheet and cell or a line.

    ``str(location)`` gives the short form users see: ``Khen thưởng!C12`` for a
    workbook cell, ``meeting.yaml:14`` for a line of a text file, or just the file name.
    """

    file: str = ""
    #: 1-based line number in a text file (YAML), if known.
    line: int | None = None
    #: 1-based column in a text file, if known.
    column: int | None = None
    #: Sheet title in a workbook.
    sheet: str | None = None
    #: Cell reference such as ``C12`` (or a column letter, or a row as ``12``).
    cell: str | None = None

    @classmethod
    def of_file(cls, path: str | Path) -> Location:
        return cls(file=Path(path).name)

    def sort_key(self) -> tuple[Any, ...]:
        """Reading order: by file, sheet, then row and column (or line and column)."""
        row, col = self.line or 0, self.column or 0
        if self.cell:
            letters = "".join(ch for ch in self.cell if ch.isalpha())
            digits = "".join(ch for ch in self.cell if ch.isdigit())
            row = int(digits) if digits else 0
            col = sum((ord(ch.upper()) - 64) * 26**i for i, ch in enumerate(reversed(letters)))
        return (self.file, self.sheet or "", row, col)

    def __str__(self) -> str:
        if self.sheet is not None:
            return f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        if self.line is not None:
            return f"{self.file}:{self.line}"
        return self.file


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: a message code, its parameters and its place.

    ``code`` names an entry of :data:`umt_reports.messages.CATALOGUE`; ``params``
    fill the placeholders of that entry.
    """

    code: str
    location: Location | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "vi") -> str:
        from umt_reports.messages import render

        return render(self.code, self.params, lang)

    def __str__(self) -> str:
        return self.format("vi")

    def format(self, lang: str = "vi") -> str:
        """``<location>: <message>`` in the given language."""
        where = str(self.location) if self.location else ""
        text = self.message(lang)
        return f"{where}: {text}" if where else text


class UmtError(Exception):
    """Root of every error umt-reports raises on purpose.

    ``problems`` holds at least one :class:`Problem`; ``str(error)`` lists them in
    Vietnamese, one per line.
    """

    def __init__(self, problems: Problem | Iterable[Problem]):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        if not self.problems:
            raise ValueError("an UmtError needs at least one problem")
        super().__init__(self.format("vi"))

    @classmethod
    def of(cls, code: str, location: Location | None = None, **params: Any) -> UmtError:
        """Build an error holding a single problem."""
        return cls(Problem(code, location, params))

    @property
    def location(self) -> Location | None:
        """Location of the first problem (most errors have exactly one)."""
        return self.problems[0].location

    def format(self, lang: str = "vi") -> str:
        return "\n".join(p.format(lang) for p in self.problems)


class InputError(UmtError):
    """The input data cannot be read, or does not describe a valid meeting."""


class LimitError(InputError):
    """The input exceeds a safety limit (size, rows, depth, aliases, zip ratio)."""


class ProfileError(UmtError):
    """An issuing-body profile is missing, invalid, or not valid on the document date."""


class TemplateError(UmtError):
    """A wording template cannot be loaded or rendered."""


class RenderError(UmtError):
    """A document cannot be drawn in the requested format."""


class PdfaError(RenderError):
    """The produced PDF failed its PDF/A validation."""


class ArchiveError(UmtError):
    """The archive refused an operation (duplicate number, missing file, ...)."""
