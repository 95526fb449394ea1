"""Reading what is to be archived: build folders, ``manifest.json`` files and PDFs.

In: paths given to ``archive add`` (a build folder, its ``manifest.json``, or PDF files).
Out: :class:`Candidate` objects, each a PDF's bytes and the :class:`~.metadata.Record`
describing it, already checked: the bytes are a PDF, pass the PDF/A-2b check and (when
a manifest lists them) still have the hash the build recorded. Every problem of every
path is collected before one :class:`~.errors.ArchiveInputError` is raised, so a
batch is either wholly acceptable or refused with all its reasons.

A PDF with no manifest entry is described from its own DocInfo (title, issuing organ
as ``/Author``, subject, creation date, ``/Lang``); it has no number and no kind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from umt_reports.archive.errors import ArchiveInputError
from umt_reports.archive.metadata import Record, record_from_entry
from umt_reports.errors import Location, Problem
from umt_reports.manifest import MANIFEST, Entry, ManifestError, read_manifest

if TYPE_CHECKING:
    import pikepdf

__all__ = ["MANIFEST", "Candidate", "read_candidates"]

_PDF_MAGIC: Final = b"%PDF-"
_PDF_DATE: Final = re.compile(r"^D?:?(\d{4})(\d{2})(\d{2})")
#: How many PDF/A findings a refusal lists.
_LISTED: Final = 5


@dataclass(frozen=True)
class Candidate:
    """A checked PDF ready for the catalog: where it came from, its bytes and its record."""

    source: Path
    data: bytes
    record: Record


def read_candidates(paths: Iterable[Path], *, only: Iterable[Path] | None = None) -> list[Candidate]:
    """Candidates for every PDF named by ``paths`` (folders, manifests, PDFs), each file once.

    ``only``, when given, restricts manifest entries to these files (one build's outputs).

    Raises:
        ArchiveInputError: listing every path that is missing, unreadable, not a PDF,
            not PDF/A-2b, or changed since its manifest was written.
    """
    problems: list[Problem] = []
    candidates: list[Candidate] = []
    seen: set[str] = set()
    wanted = {p.resolve() for p in only} if only is not None else None
    for path in paths:
        for candidate in _from_path(Path(path), problems, wanted):
            if candidate.record.sha256 not in seen:
                seen.add(candidate.record.sha256)
                candidates.append(candidate)
    if problems:
        raise ArchiveInputError(problems)
    return candidates


def _from_path(path: Path, problems: list[Problem], wanted: set[Path] | None) -> list[Candidate]:
    location = Location.of_file(path)
    if not path.exists():
        problems.append(Problem("archive.path_not_found", location, {"path": str(path)}))
        return []
    if path.is_dir():
        manifest = path / MANIFEST
        if manifest.is_file():
            return _from_manifest(manifest, problems, wanted)
        pdfs = sorted(p for p in path.iterdir() if p.suffix.lower() == ".pdf" and p.is_file())
        if not pdfs:
            problems.append(Problem("archive.nothing_to_add", location, {"path": str(path)}))
        return [c for pdf in pdfs if (c := _from_pdf(pdf, None, problems)) is not None]
    if path.suffix.lower() == ".json":
        return _from_manifest(path, problems, wanted)
    entry = _manifest_entry_for(path)
    candidate = _from_pdf(path, entry, problems)
    return [candidate] if candidate is not None else []


def _load_manifest(manifest: Path) -> list[Entry]:
    """The entries of a manifest (:func:`umt_reports.manifest.read_manifest`)."""
    return list(read_manifest(manifest).files)


def _is_pdf_entry(entry: Entry) -> bool:
    return entry.format == "pdf" or entry.path.lower().endswith(".pdf")


def _entry_file(manifest: Path, entry: Entry) -> Path | None:
    """The file an entry names, or ``None`` when its path leaves the manifest's folder."""
    return entry.file_in(manifest.parent)


def _from_manifest(manifest: Path, problems: list[Problem], wanted: set[Path] | None) -> list[Candidate]:
    location = Location.of_file(manifest)
    try:
        entries = _load_manifest(manifest)
    except (OSError, ManifestError) as exc:
        problems.append(Problem("archive.manifest_unreadable", location, {"path": str(manifest), "reason": str(exc)}))
        return []
    found: list[Candidate] = []
    pdf_entries = [e for e in entries if _is_pdf_entry(e)]
    for entry in pdf_entries:
        target = _entry_file(manifest, entry)
        if target is None:
            problems.append(Problem("archive.manifest_outside", location, {"path": entry.path}))
            continue
        if wanted is not None and target not in wanted:
            continue
        if not target.is_file():
            problems.append(Problem("archive.manifest_file_missing", location, {"path": entry.path}))
            continue
        candidate = _from_pdf(target, entry.to_json(), problems)
        if candidate is not None:
            found.append(candidate)
    if not pdf_entries:
        problems.append(Problem("archive.nothing_to_add", location, {"path": str(manifest)}))
    return found


def _manifest_entry_for(pdf: Path) -> Mapping[str, Any] | None:
    """The entry describing ``pdf`` in the ``manifest.json`` beside it, if there is one."""
    manifest = pdf.parent / MANIFEST
    if not manifest.is_file():
        return None
    try:
        entries = _load_manifest(manifest)
    except (OSError, ManifestError):
        return None
    target = pdf.resolve()
    for entry in entries:
        if _entry_file(manifest, entry) == target:
            return entry.to_json()
    return None


def _from_pdf(path: Path, entry: Mapping[str, Any] | None, problems: list[Problem]) -> Candidate | None:
    """Read, hash and check one PDF; ``None`` (with a problem added) when it cannot be archived."""
    import pikepdf  # -- imported on first use: listing and searching the archive do not need it --

    from umt_reports.render.pdf.pdfa import FLAVOUR
    from umt_reports.sign.pdfa import pdfa_findings

    location = Location.of_file(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(
            Problem("archive.unreadable", location, {"path": str(path), "reason": exc.strerror or str(exc)})
        )
        return None
    sha256 = hashlib.sha256(data).hexdigest()
    claimed = entry.get("sha256") if entry else None
    if isinstance(claimed, str) and claimed.lower() != sha256:
        problems.append(
            Problem(
                "archive.manifest_mismatch",
                location,
                {"path": str(path), "expected": claimed[:12], "found": sha256[:12]},
            )
        )
        return None
    if not data.startswith(_PDF_MAGIC):
        problems.append(Problem("archive.not_pdf", location, {"path": str(path)}))
        return None
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
            info = _docinfo(pdf) if entry is None else {}
        findings = pdfa_findings(data)  # -- a signed file's form: see sign/pdfa.py --
    except pikepdf.PdfError:
        problems.append(Problem("archive.not_pdf", location, {"path": str(path)}))
        return None
    if findings:
        listed = "; ".join(findings[:_LISTED]) + (
            f"; … (+{len(findings) - _LISTED})" if len(findings) > _LISTED else ""
        )
        problems.append(
            Problem(
                "archive.not_pdfa",
                location,
                {"path": str(path), "flavour": FLAVOUR.upper(), "count": len(findings), "findings": listed},
            )
        )
        return None
    record = record_from_entry(
        entry if entry is not None else info,
        sha256=sha256,
        size=len(data),
        file_name=path.name,
        pdfa=FLAVOUR.upper(),
        pages=pages,
    )
    return Candidate(path, data, record)


def _docinfo(pdf: pikepdf.Pdf) -> dict[str, Any]:
    """A manifest-like entry made from a PDF's DocInfo and ``/Lang``."""

    def text(key: str) -> str | None:
        value = pdf.docinfo.get(key)
        return str(value) if value is not None else None

    created = text("/CreationDate") or ""
    match = _PDF_DATE.match(created)
    date: str | None = None
    if match:
        try:
            date = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
        except ValueError:
            date = None
    lang = pdf.Root.get("/Lang")
    return {
        "title": text("/Title"),
        "subject": text("/Subject"),
        "issuer": text("/Author"),
        "date": date,
        "language": str(lang) if lang is not None else None,
    }
