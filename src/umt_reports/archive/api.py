"""The archive as one object: add, find, prove unchanged, recover after a crash.

:class:`Archive` joins the file store (:mod:`.store`) and the catalog (:mod:`.catalog`).
Adding reads as the protocol that keeps both consistent whatever moment the process
dies at::

    read and check every PDF (outside any lock)          intake.read_candidates
    BEGIN IMMEDIATE                                       one writer at a time, all processes
      recover what a dead writer left                     markers → unreferenced objects removed
      per PDF: same bytes already stored? → unchanged
               number taken this year? → refuse, or supersede with replace=True
               INSERT row; stage bytes in tmp/ (fsync); write marker; rename into objects/
    COMMIT                                                the rows and files become visible together
    delete the markers

A row therefore never exists without its file; a file without its row exists only
between rename and commit, and the marker lets the next writer remove it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, Protocol

from umt_reports.archive.catalog import Catalog, Query
from umt_reports.archive.errors import ArchiveError, ArchiveInputError
from umt_reports.archive.intake import MANIFEST, Candidate, read_candidates
from umt_reports.archive.metadata import Record, record_from_entry, to_xml
from umt_reports.archive.signatures import read_signatures, signatures_of, store_signatures
from umt_reports.archive.store import CATALOG_NAME, ObjectStore, record_file_of, sha256_file
from umt_reports.errors import Location, Problem
from umt_reports.manifest import DrawOptions, SourceRecord

__all__ = [
    "DEFAULT_ROOT",
    "ENV_VAR",
    "AddOutcome",
    "Archive",
    "Finding",
    "Recovery",
    "VerifyReport",
    "archive_outputs",
    "check_before_archiving",
    "open_archive",
    "resolve_root",
]

#: Archive root when neither ``--archive-dir`` nor :data:`ENV_VAR` says otherwise.
DEFAULT_ROOT: Final = Path("archive")
#: Largest catalog id (SQLite's INTEGER PRIMARY KEY is a signed 64-bit number).
MAX_ID: Final = 2**63 - 1
#: Environment variable naming the archive root.
ENV_VAR: Final = "UMT_ARCHIVE"

Action = Literal["added", "unchanged", "replaced"]
FindingKind = Literal["missing", "changed", "not_pdfa", "unknown", "catalog", "signature"]


def resolve_root(path: str | Path | None = None) -> Path:
    """The archive root: ``path`` if given, else ``$UMT_ARCHIVE``, else ``./archive``."""
    if path is not None and str(path) != "":
        return Path(path)
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else DEFAULT_ROOT


@dataclass(frozen=True)
class AddOutcome:
    """What adding one PDF did: ``added``, ``unchanged`` (same bytes already stored) or ``replaced``."""

    action: Action
    record: Record
    source: Path
    #: The version this one superseded (``replaced`` only).
    replaced: Record | None = None


@dataclass(frozen=True)
class Finding:
    """One thing :meth:`Archive.verify` found wrong.

    ``kind``: ``missing`` (catalogued, no file), ``changed`` (hash or size differ),
    ``not_pdfa`` (unchanged bytes that fail the PDF/A check), ``unknown`` (a file the
    catalog does not know), ``catalog`` (SQLite's integrity check failed), ``signature`` (a
    signature whose bytes changed, or that the ``trust`` roots do not trust).
    """

    kind: FindingKind
    path: str
    record: Record | None = None
    detail: str = ""


@dataclass(frozen=True)
class VerifyReport:
    """Result of :meth:`Archive.verify`: how many records were checked and what was wrong."""

    checked: int
    findings: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.findings


@dataclass(frozen=True)
class Recovery:
    """What :meth:`Archive.recover` cleaned: objects of uncommitted adds, and leftover temp files."""

    removed_objects: tuple[str, ...] = ()
    removed_temps: int = 0


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Archive:
    """An archive root: immutable PDF/A files plus their catalog. Use as a context manager."""

    def __init__(self, root: str | Path, *, create: bool = False, trust: Sequence[Path] = ()):
        """Open the archive at ``root``; with ``create``, make it if needed. ``trust`` names the
        root certificates signatures are checked against (:mod:`.signatures`).

        Raises:
            ArchiveInputError: ``archive.no_archive`` when there is none and ``create`` is false.
            ArchiveError: the catalog is unreadable, newer than this version, or locked.
        """
        self.root = Path(root)
        self.trust = list(trust)
        self.store = ObjectStore(self.root)
        if create:
            try:
                self.store.ensure()
            except OSError as exc:
                raise ArchiveError.of(
                    "archive.storage_failed",
                    Location.of_file(self.root),
                    path=str(self.root),
                    reason=exc.strerror or str(exc),
                ) from exc
        self.catalog = Catalog(self.root / CATALOG_NAME, create=create, objects_exist=self.store.has_objects())

    def close(self) -> None:
        self.catalog.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- adding ------------------------------------------------------------------------------

    def add(self, paths: Iterable[str | Path], *, replace: bool = False) -> list[AddOutcome]:
        """Archive every PDF named by ``paths`` (build folders, ``manifest.json`` files, PDFs).

        All or nothing: if any PDF is refused, nothing is added.

        Raises:
            ArchiveInputError: a path is missing or not PDF/A (see :func:`.intake.read_candidates`),
                or ``archive.code_taken``: another PDF holds the number this year and
                ``replace`` is false.
            ArchiveError: ``archive.storage_failed``, ``archive.locked`` ...
        """
        return self.add_candidates(read_candidates([Path(p) for p in paths]), replace=replace)

    def add_candidates(self, candidates: Sequence[Candidate], *, replace: bool = False) -> list[AddOutcome]:
        """Store checked candidates in one transaction (see the module docstring)."""
        markers: list[Path] = []
        # -- signatures are checked before the lock, like the PDF/A check of intake --
        signed = {c.record.sha256: read_signatures(c.data, self.trust) for c in candidates}
        try:
            with self.catalog.write():
                self._recover_locked()
                outcomes = self._add_locked(candidates, replace, markers, signed)
        except OSError as exc:
            self._recover_quietly()
            raise ArchiveError.of(
                "archive.storage_failed",
                Location.of_file(self.root),
                path=str(self.root),
                reason=exc.strerror or str(exc),
            ) from exc
        except BaseException:
            self._recover_quietly()
            raise
        for marker in markers:
            marker.unlink(missing_ok=True)
        return outcomes

    def _add_locked(
        self,
        candidates: Sequence[Candidate],
        replace: bool,
        markers: list[Path],
        signed: dict[str, list[dict[str, Any]]] | None = None,
    ) -> list[AddOutcome]:
        outcomes: list[AddOutcome] = []
        problems: list[Problem] = []
        archived_at = _now()
        for candidate in candidates:
            record = candidate.record
            stored = self.catalog.by_sha(record.sha256)
            if stored is not None:
                outcomes.append(AddOutcome("unchanged", stored, candidate.source))
                continue
            holder = self.catalog.current_with_number(record)
            if holder is not None and not replace:
                problems.append(_code_taken(candidate.source, record, holder))
                continue
            if holder is not None:
                self.catalog.supersede(holder)
                record = dataclasses.replace(record, version=holder.version + 1, supersedes=holder.id)
            new = self.catalog.insert(record, archived_at=archived_at)
            store_signatures(self.catalog, new.id or 0, (signed or {}).get(record.sha256, []))
            if holder is not None:
                self.catalog.link(holder, new)
            staged = self.store.stage(candidate.data)
            staged_record = self.store.stage(to_xml(new))
            markers.append(self.store.mark(new.object_name))
            self.store.place(staged, new.object_name)
            self.store.place(staged_record, record_file_of(new.object_name))  # -- for `archive repair` --
            if holder is not None:
                outcomes.append(AddOutcome("replaced", new, candidate.source, self.catalog.by_id(holder.id or 0)))
            else:
                outcomes.append(AddOutcome("added", new, candidate.source))
        if problems:
            raise ArchiveInputError(problems)
        return outcomes

    def refusals(self, candidates: Sequence[tuple[Path, Record]], *, replace: bool = False) -> list[Problem]:
        """What :meth:`add` would refuse of these ``(file, record)`` pairs, without writing anything.

        Lets a caller check before it writes the files themselves (``build --archive``).
        """
        problems: list[Problem] = []
        for source, record in candidates:
            if self.catalog.by_sha(record.sha256) is not None:
                continue
            holder = self.catalog.current_with_number(record)
            if holder is not None and not replace:
                problems.append(_code_taken(source, record, holder))
        return problems

    # -- crash recovery ---------------------------------------------------------------------

    def recover(self) -> Recovery:
        """Remove what an add that never committed left behind (safe to run at any time)."""
        with self.catalog.write():
            return self._recover_locked()

    def _recover_locked(self) -> Recovery:
        """:meth:`recover`, for a caller already holding the write lock."""
        removed: list[str] = []
        if not self.store.tmp.is_dir():
            return Recovery()
        for marker, name in self.store.pending():
            if name is not None and not self.catalog.is_referenced(name):
                if self.store.path_of(name).exists():
                    removed.append(name)
                self.store.remove(name)  # -- and its record file, placed or not --
            marker.unlink(missing_ok=True)
        temps = self.store.staged()
        for temp in temps:
            temp.unlink(missing_ok=True)
        return Recovery(tuple(removed), len(temps))

    def _recover_quietly(self) -> None:
        """Best-effort :meth:`recover` after a failed add; a later writer retries if it fails."""
        with contextlib.suppress(ArchiveError, OSError):
            self.recover()

    # -- finding ---------------------------------------------------------------------------

    def search(self, query: Query | None = None) -> list[Record]:
        """Records matching ``query`` (all current records when ``None``), by issued date."""
        return self.catalog.query(query or Query())

    def get(self, ref: str | int) -> Record:
        """One record by catalog id (``12``, or ``#12`` as listings print it), SHA-256 prefix
        (``fef5021b``) or number (``25/BC-UBND``).

        A number names its current version (the only version if all were superseded
        by none); use an id for an older one.

        Raises:
            ArchiveInputError: ``archive.not_found`` or ``archive.ambiguous``.
        """
        text = str(ref).strip()
        if text.startswith("#") and text[1:].strip().isdigit():
            text = text[1:].strip()
        matches: list[Record] = []
        if text.isascii() and text.isdigit() and int(text) <= MAX_ID:  # -- SQLite ids are 64-bit --
            found = self.catalog.by_id(int(text))
            matches = [found] if found else []
        if not matches and len(text) >= 6 and all(c in "0123456789abcdefABCDEF" for c in text):
            matches = self.catalog.by_sha_prefix(text)
        if not matches and text:
            versions = self.catalog.by_code(text)
            current = [r for r in versions if r.status == "current"]
            matches = current or versions[-1:]
        if not matches:
            raise ArchiveInputError.of("archive.not_found", None, ref=text)
        if len(matches) > 1:
            raise ArchiveInputError.of(
                "archive.ambiguous", None, ref=text, count=len(matches), ids=", ".join(str(r.id) for r in matches)
            )
        return matches[0]

    def history(self, record: Record) -> list[Record]:
        """Every version of ``record``'s number, oldest first."""
        return self.catalog.history(record)

    def path_of(self, record: Record) -> Path:
        """Where ``record``'s file is stored."""
        return self.store.path_of(record.object_name)

    # -- proving -----------------------------------------------------------------------------

    def verify(self, *, pdfa: bool = True) -> VerifyReport:
        """Re-hash every stored file (and re-check PDF/A unless ``pdfa`` is false).

        Lists catalogued files that are missing or changed, files the catalog does not
        know, and a damaged catalog. Temp files of an add in progress are not findings;
        those of a dead add are removed first (:meth:`recover`).
        """
        with self.catalog.write():  # -- a consistent view: no add is between rename and commit --
            self._recover_locked()
            records = self.catalog.all()
            files = set(self.store.files())
        findings: list[Finding] = [Finding("catalog", CATALOG_NAME, None, d) for d in self.catalog.integrity()]
        known = {r.object_name: r for r in records}
        checked: dict[int, list[dict[str, Any]]] = {}
        for record in records:
            name = record.object_name
            if name not in files:
                findings.append(Finding("missing", name, record))
                continue
            try:
                sha256, size = sha256_file(self.store.path_of(name))
            except OSError as exc:
                findings.append(Finding("missing", name, record, exc.strerror or str(exc)))
                continue
            if sha256 != record.sha256 or size != record.size:
                findings.append(Finding("changed", name, record, sha256))
                continue
            if pdfa:
                from umt_reports.sign.pdfa import pdfa_findings

                problems = pdfa_findings(self.store.path_of(name))  # -- a signed file: see sign/pdfa.py --
                if problems:
                    findings.append(Finding("not_pdfa", name, record, "; ".join(problems[:3])))
            rows = read_signatures(self.store.path_of(name).read_bytes(), self.trust)
            # -- a check without roots cannot say "trusted": it keeps the last verdict unless broken --
            if rows and (self.trust or any(row["status"] == "broken" for row in rows)):
                checked[record.id or 0] = rows
            findings.extend(
                Finding("signature", name, record, f"{row['field']}: {row['status']} ({row['problem']})")
                for row in rows
                if row["status"] in ("broken", "untrusted")
            )
        record_files = {record_file_of(name) for name in known}
        findings.extend(Finding("unknown", name) for name in sorted(files - known.keys() - record_files))
        if checked:
            with self.catalog.write():
                for document_id, rows in checked.items():
                    store_signatures(self.catalog, document_id, rows)
        return VerifyReport(len(records), tuple(findings))

    def signatures(self, records: Sequence[Record]) -> dict[int, list[dict[str, Any]]]:
        """The recorded signatures of ``records`` by record id (as last checked)."""
        return signatures_of(self.catalog, [r.id for r in records if r.id is not None])


def _code_taken(source: Path, record: Record, holder: Record) -> Problem:
    """``archive.code_taken``: ``holder`` already has ``record``'s number this year."""
    return Problem(
        "archive.code_taken",
        Location.of_file(source),
        {"number": record.code, "year": record.year or "", "id": holder.id, "file": holder.file_name},
    )


def check_before_archiving(root: str | Path | None, built: _BuildLike, *, replace: bool = False) -> None:
    """Raise what :func:`archive_outputs` would refuse of a build's PDFs, before they are written.

    ``built`` is a :class:`umt_reports.build.BuildResult` whose files are drawn but not yet on
    disk. An archive that does not exist yet refuses nothing (the first add creates it).

    Raises:
        ArchiveInputError: ``archive.code_taken`` for every number already held by another file.
    """
    from umt_reports.render.pdf.pdfa import FLAVOUR

    candidates = [
        (
            f.path,
            record_from_entry(
                f.entry(built.out_dir, SourceRecord(f.path.name), DrawOptions()).to_json(),
                sha256=f.sha256,
                size=len(f.rendered.data),
                file_name=f.path.name,
                pdfa=FLAVOUR.upper(),
                pages=f.rendered.pages,
            ),
        )
        for f in built.files
        if f.format == "pdf"
    ]
    folder = resolve_root(root)
    if not (folder / CATALOG_NAME).is_file():
        return
    with open_archive(folder) as archive:
        problems = archive.refusals(candidates, replace=replace)
    if problems:
        raise ArchiveInputError(problems)


def open_archive(root: str | Path | None = None, *, create: bool = False, trust: Sequence[Path] = ()) -> Archive:
    """Open the archive at ``root`` (see :func:`resolve_root` for the default); signatures are
    checked against the root certificates in ``trust``."""
    return Archive(resolve_root(root), create=create, trust=trust)


class _BuildLike(Protocol):
    """What :func:`archive_outputs` needs of a :class:`umt_reports.build.BuildResult`."""

    manifest: Path | None
    out_dir: Path

    @property
    def files(self) -> Sequence[Any]: ...


def archive_outputs(
    root: str | Path | None, built: _BuildLike | str | Path, *, replace: bool = False
) -> list[AddOutcome]:
    """Archive the PDFs of one build: a ``BuildResult``, or a build folder or its ``manifest.json``.

    For a ``BuildResult`` only the PDFs this build wrote are archived (the manifest may
    list earlier builds' files too). Returns one outcome per PDF; no PDF, no outcome.
    Raises as :meth:`Archive.add`.
    """
    if isinstance(built, (str, Path)):
        source = Path(built)
        manifest = source if source.suffix.lower() == ".json" else source / MANIFEST
        candidates = read_candidates([manifest])
    else:
        pdfs = [Path(f.path) for f in built.files if getattr(f, "format", None) == "pdf"]
        if not pdfs or built.manifest is None:
            return []
        candidates = read_candidates([built.manifest], only=pdfs)
    if not candidates:
        return []
    with open_archive(root, create=True) as archive:
        return archive.add_candidates(candidates, replace=replace)
