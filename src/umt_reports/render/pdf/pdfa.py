"""Turning reportlab output into a validated, reproducible PDF/A-2b file.

In: the bytes reportlab wrote (every font embedded: see :mod:`.fonts`) and the
document's :class:`PdfMetadata`. Out: PDF/A-2b bytes that pikepdf's own PDF/A
validator approved, identical for identical input.

The steps (design §4 "PDF/A-2b")::

    drop reportlab's empty page /Trans   (the validator does not recognise the key)
    set DocInfo and /Lang                (title, issuing body, subject, keywords, dates)
    pikepdf.pdfa.prepare                 (sRGB output intent, XMP from DocInfo, pdfaid 2B)
    pin the XMP marks prepare stamps     (xmp:MetadataDate = now, pdf:Producer = pikepdf)
    drop reportlab's /ID                 (qpdf then derives /ID from the content)
    pikepdf.pdfa.save                    (writes, re-reads and validates)

Every date is the document date at midnight Vietnam time (UTC+07:00): no clock time
and no dependence on the machine's time zone, so the bytes do not change between runs.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from umt_reports import vn
from umt_reports.errors import PdfaError, RenderError
from umt_reports.render.pdf.marks import Rect, add_destinations

__all__ = [
    "FLAVOUR",
    "VIETNAM_TIME",
    "PdfMetadata",
    "check_pdfa",
    "make_pdfa",
    "pdfa_findings",
    "prepare_pdfa",
    "require_pdfa",
]

if TYPE_CHECKING:
    import pikepdf
    import pikepdf.pdfa

log = logging.getLogger(__name__)


def _load() -> None:
    """Import pikepdf and its PDF/A validator (about 0.1 s) on first use, not with this module:
    a build whose PDF/A is finished in the helper process never imports them here."""
    global pikepdf
    import pikepdf
    import pikepdf.pdfa

    _remember_passed_schema_checks()


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


def _pdf_date(when: dt.datetime) -> str:
    """``D:YYYYMMDDHHmmSS+HH'mm'``, the DocInfo date form."""
    offset = when.utcoffset() or dt.timedelta(0)
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"D:{when:%Y%m%d%H%M%S}{sign}{minutes // 60:02d}'{minutes % 60:02d}'"


def _drop_empty_transitions(doc: pikepdf.Pdf) -> int:
    """Remove the empty ``/Trans <<>>`` reportlab writes on every page; return how many."""
    removed = 0
    for page in doc.pages:
        trans = page.obj.get(pikepdf.Name.Trans)
        if isinstance(trans, pikepdf.Dictionary) and len(trans.keys()) == 0:
            del page.obj[pikepdf.Name.Trans]
            removed += 1
    return removed


def _set_docinfo(doc: pikepdf.Pdf, meta: PdfMetadata) -> None:
    """Replace reportlab's DocInfo with ours; ``prepare`` copies it into the XMP packet."""
    info = doc.docinfo
    for key in list(info.keys()):
        del info[key]
    stamp = _pdf_date(meta.instant())
    entries = {
        "/Title": meta.title,
        "/Author": meta.author,
        "/Subject": meta.subject,
        "/Keywords": ", ".join(meta.keywords),
        "/Creator": meta.producer,
        "/Producer": meta.producer,
        "/CreationDate": stamp,
        "/ModDate": stamp,
    }
    for key, value in entries.items():
        if value:
            info[key] = pikepdf.String(value)
    doc.Root.Lang = pikepdf.String(meta.language)


def _pin_xmp(doc: pikepdf.Pdf, meta: PdfMetadata) -> None:
    """Overwrite what ``prepare`` stamps from the clock and its own name, and add the language."""
    with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp["xmp:MetadataDate"] = meta.instant().isoformat()
        xmp["pdf:Producer"] = meta.producer
        xmp["dc:language"] = [meta.language]
    doc.docinfo[pikepdf.Name.Producer] = pikepdf.String(meta.producer)


def _listed(report: pikepdf.pdfa.Report) -> str:
    """The first findings of a report, one sentence each, joined with semicolons."""
    findings = [str(f) for f in report.findings]
    listed = "; ".join(findings[:_LISTED_FINDINGS])
    if len(findings) > _LISTED_FINDINGS:
        listed += f"; … (+{len(findings) - _LISTED_FINDINGS})"
    return listed


def make_pdfa(pdf: bytes, meta: PdfMetadata, places: dict[str, Rect] | None = None) -> bytes:
    """PDF/A-2b bytes for the reportlab PDF ``pdf``, validated, byte-identical for identical input.

    reportlab must have embedded every font (register a TrueType font and make it
    the canvas default) and should run with ``invariant=1`` so its own bytes repeat.
    ``places`` become named destinations (see :mod:`.marks`).
    The same as :func:`prepare_pdfa` followed by :func:`require_pdfa`.

    Raises:
        RenderError: ``render.pdf_unreadable`` if ``pdf`` is not a PDF.
        PdfaError: ``render.pdfa_failed`` listing the validator's findings.
    """
    data = prepare_pdfa(pdf, meta, places)
    require_pdfa(data)
    return data


def _save_kwargs() -> dict[str, object]:
    """The save settings of a PDF/A-2b file (pikepdf's, with a content-derived /ID)."""
    return dict(pikepdf.pdfa.resolve_save_kwargs(FLAVOUR, deterministic_id=True))


def prepare_pdfa(pdf: bytes, meta: PdfMetadata, places: dict[str, Rect] | None = None) -> bytes:
    """The PDF/A-2b candidate for the reportlab PDF ``pdf``, *not yet validated*: the bytes
    :func:`pikepdf.pdfa.save` would write before it validates them. Only a caller that runs
    :func:`require_pdfa` (or :func:`pdfa_findings`) on them before using them may call this.

    Raises:
        RenderError: ``render.pdf_unreadable`` if ``pdf`` is not a PDF.
    """
    _load()
    try:
        doc = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PdfError as exc:
        raise RenderError.of("render.pdf_unreadable", reason=str(exc)) from exc
    with doc:
        _drop_empty_transitions(doc)
        _set_docinfo(doc, meta)
        add_destinations(doc, places or {})
        prepared = pikepdf.pdfa.prepare(doc, FLAVOUR, output_intent="sRGB")
        for level, sentence in prepared.messages():
            log.debug("pdfa.prepare (%s): %s", level, sentence)
        _pin_xmp(doc, meta)
        # -- reportlab's /ID is random, or with invariant=1 the same for every document; --
        # -- without one, qpdf's deterministic_id derives both halves from the content --
        if pikepdf.Name.ID in doc.trailer:
            del doc.trailer[pikepdf.Name.ID]
        out = io.BytesIO()
        doc.save(out, **_save_kwargs())  # type: ignore[arg-type]
    return out.getvalue()


def pdfa_findings(data: bytes) -> tuple[int, str] | None:
    """Validate the written PDF/A-2b bytes ``data``: ``None`` when they pass, else the number of
    findings and the first of them as one sentence (what :func:`require_pdfa` reports).
    Picklable in and out, so that it can run in another process."""
    _load()
    report = pikepdf.pdfa.validate_written(io.BytesIO(data), FLAVOUR, save_kwargs=_save_kwargs())
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
