"""Validation of PDF/A-2b files with pikepdf's own validator, and the metadata they carry.

In: PDF bytes (or a file). Out: nothing when they pass, else a :class:`PdfaError` listing
the validator's findings (:func:`require_pdfa`), or the findings as sentences
(:func:`check_pdfa`). The renderer writes PDF/A-2b directly (:mod:`.pdfa_parts`) and every
PDF it draws passes :func:`require_pdfa` before anything is written; ``check``, the archive
and the signer use :func:`check_pdfa`.

:class:`PdfMetadata` is what a PDF says about itself. Every date is the document date at
midnight Vietnam time (UTC+07:00): no clock time and no dependence on the machine's time
zone, so the bytes do not change between runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from umt_reports import vn
from umt_reports.errors import PdfaError

__all__ = [
    "FLAVOUR",
    "VIETNAM_TIME",
    "PdfMetadata",
    "check_pdfa",
    "pdfa_findings",
    "require_pdfa",
]

if TYPE_CHECKING:
    import pikepdf
    import pikepdf.pdfa

log = logging.getLogger(__name__)


def _load() -> None:
    """Import pikepdf and its PDF/A validator (about 0.15 s) on first use, not with this module:
    a build whose PDFs are validated in the helper process never imports them here."""
    global pikepdf
    import pikepdf
    import pikepdf.pdfa

    _remember_passed_schema_checks()
    _share_font_programs()


#: The PDF/A flavour we write: part 2, conformance level B.
FLAVOUR: Final = "2b"
#: Vietnam has one time zone and no daylight saving time.
VIETNAM_TIME: Final = vn.VIETNAM_TIME

#: How many validator findings an error lists.
_LISTED_FINDINGS = 10


@dataclass(frozen=True)
class PdfMetadata:
    """What the PDF says about itself (DocInfo and XMP).

    ``created`` is the document date; a ``datetime``'s clock time is ignored, so the
    same document always gets the same dates.
    """

    title: str
    #: The issuing body (dc:creator, /Author).
    author: str
    subject: str
    keywords: list[str]
    created: dt.date | dt.datetime
    #: BCP 47 language tag for /Lang and dc:language.
    language: str = "vi-VN"
    #: Written as /Producer, /Creator, pdf:Producer and xmp:CreatorTool.
    producer: str = "umt-reports"

    def instant(self) -> dt.datetime:
        """The document date as midnight Vietnam time."""
        day = self.created.date() if isinstance(self.created, dt.datetime) else self.created
        return vn.day_start(day)


# -- the validator checks each object's shallow encoding (a small JSON value) against the
#    schema of its role; a page's /Resources, the same on every page of a certificate run,
#    is checked once per page. A check is a pure function of (role, encoding), so a passed
#    one is remembered for the process; a failing one always runs again and reports. --
_PASSED_CHECKS: set[tuple[int, str, str]] = set()
_REMEMBERED = 65_536


def _remember_passed_schema_checks() -> None:
    """Wrap pikepdf's schema check so that an encoding that passed for a role is not checked again."""
    try:
        from pikepdf.pdfa._schemas import SchemaSet
    except ImportError:  # -- another pikepdf layout: validate as it comes --
        return
    original = getattr(SchemaSet, "check", None)
    if original is None or getattr(original, "_umt_remembers", False):
        return

    def check(self: SchemaSet, role: str, shallow: object, ctx: object, where: str) -> bool:
        try:
            key = (id(self), role, json.dumps(shallow, sort_keys=True, allow_nan=True))
        except (TypeError, ValueError):
            return bool(original(self, role, shallow, ctx, where))
        if key in _PASSED_CHECKS:
            return True
        passed = bool(original(self, role, shallow, ctx, where))
        if passed:
            if len(_PASSED_CHECKS) >= _REMEMBERED:
                _PASSED_CHECKS.clear()
            _PASSED_CHECKS.add(key)
        return passed

    check._umt_remembers = True  # type: ignore[attr-defined]
    SchemaSet.check = check  # type: ignore[method-assign]


# -- the validator reads each embedded TrueType program with fontTools (the tables, then the
#    outline of every glyph the text uses): about half of its time on a two-page report. A
#    program is immutable bytes and reading it has no side effect on the document, so programs
#    are shared by their SHA-256 within the process; with the PDF writer's fixed first subsets,
#    the four programs of most documents are the same bytes. Every font check still runs on
#    every document (widths, encodings, the glyphs its text uses); only the parsing is shared. --
_PROGRAMS: dict[bytes, object] = {}
_KEPT_PROGRAMS = 64


def _share_font_programs() -> None:
    """Let pikepdf's font checks reuse a TrueType program already read in this process."""
    try:
        from pikepdf.pdfa import _fonts
    except ImportError:  # -- another pikepdf layout: read each program as it comes --
        return
    read = getattr(_fonts, "TrueTypeProgram", None)
    if read is None or getattr(read, "_umt_shares", False):
        return

    def shared(data: bytes) -> object:
        key = hashlib.sha256(data).digest()
        program = _PROGRAMS.get(key)
        if program is None:
            program = read(data)  # -- a program it cannot read raises, and is not kept --
            if len(_PROGRAMS) >= _KEPT_PROGRAMS:
                _PROGRAMS.clear()
            _PROGRAMS[key] = program
        return program

    shared._umt_shares = True  # type: ignore[attr-defined]
    setattr(_fonts, "TrueTypeProgram", shared)  # noqa: B010 -- the name the font checks call


def _listed(report: pikepdf.pdfa.Report) -> str:
    """The first findings of a report, one sentence each, joined with semicolons."""
    findings = [str(f) for f in report.findings]
    listed = "; ".join(findings[:_LISTED_FINDINGS])
    if len(findings) > _LISTED_FINDINGS:
        listed += f"; … (+{len(findings) - _LISTED_FINDINGS})"
    return listed


def pdfa_findings(data: bytes) -> tuple[int, str] | None:
    """Validate the written PDF/A-2b bytes ``data``: ``None`` when they pass, else the number of
    findings and the first of them as one sentence (what :func:`require_pdfa` reports).
    Picklable in and out, so that it can run in another process."""
    _load()
    report = pikepdf.pdfa.validate_written(io.BytesIO(data), FLAVOUR)
    if report.verdict == "pass":
        return None
    return len(report.findings), _listed(report)


def require_pdfa(data: bytes) -> None:
    """Raise unless ``data`` passes pikepdf's PDF/A-2b validator.

    Raises:
        PdfaError: ``render.pdfa_failed`` listing the validator's findings.
    """
    outcome = pdfa_findings(data)
    if outcome is not None:
        count, listed = outcome
        raise PdfaError.of("render.pdfa_failed", flavour=FLAVOUR, count=count, findings=listed)


def check_pdfa(data: bytes | Path) -> list[str]:
    """Human-readable findings of pikepdf's PDF/A-2b validator; empty when the file passes."""
    _load()
    source: Path | io.BytesIO = Path(data) if isinstance(data, Path) else io.BytesIO(data)
    report = pikepdf.pdfa.validate_written(source, FLAVOUR)
    return [str(finding) for finding in report.findings]
