"""``archive repair``: rebuild a lost or damaged catalog from the stored files.

In: an archive root whose ``catalog.sqlite`` is missing, empty, lost a table or is
unreadable. Out: a new catalog holding one record per stored file, and the old catalog
kept beside it (``catalog.sqlite.damaged-<UTC time>``), never deleted.

Each stored file is re-hashed (a file whose content no longer matches its name is left
out and reported). Its record comes from the best source still readable, in order:

1. the row of the old catalog, when that part of it can still be read;
2. the record file written beside it when it was archived (``objects/ab/<sha256>.xml``);
3. the PDF's own metadata (title, issuing organ, subject, date, language): it then has
   no number and no kind, as a PDF archived without its manifest.

Ids, versions and archiving times are kept where known; which version of a number is
current is decided again from the versions (the highest is current).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from umt_reports.archive.catalog import Catalog, record_of_row
from umt_reports.archive.errors import ArchiveError, ArchiveInputError
from umt_reports.archive.metadata import CURRENT, SUPERSEDED, Record, fold, from_xml, record_from_entry
from umt_reports.archive.store import CATALOG_NAME, ObjectStore, record_file_of, sha256_file
from umt_reports.errors import Location

__all__ = ["RepairReport", "repair"]

Source = Literal["catalog", "record_file", "pdf"]
_SIDE_FILES: Final = ("", "-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RepairReport:
    """What :func:`repair` did: records restored by source, files left out, where the old catalog went."""

    restored: dict[str, int]
    #: Stored files whose content no longer matches their name (left out of the catalog).
    changed: tuple[str, ...]
    #: Stored files that could not be read as PDF (left out).
    unreadable: tuple[str, ...]
    #: Where the old catalog was moved (``None`` when there was none).
    kept_as: Path | None

    @property
    def total(self) -> int:
        return sum(self.restored.values())


def repair(root: Path) -> RepairReport:
    """Rebuild the catalog of the archive at ``root`` from its stored files (see the module notes).

    Raises:
        ArchiveInputError: ``archive.no_archive`` when ``root`` holds no stored files.
        ArchiveError: ``archive.catalog_is_folder``; ``archive.storage_failed`` when a file
            cannot be written or moved.
    """
    store = ObjectStore(root)
    catalog_path = root / CATALOG_NAME
    if catalog_path.is_dir():
        raise ArchiveError.of("archive.catalog_is_folder", Location.of_file(catalog_path), path=str(catalog_path))
    names = store.object_names()
    if not names:
        raise ArchiveInputError.of("archive.no_archive", None, path=str(root))
    old_rows = _salvage(catalog_path)
    restored: dict[str, int] = {"catalog": 0, "record_file": 0, "pdf": 0}
    changed: list[str] = []
    unreadable: list[str] = []
    records: list[Record] = []
    for name in names:
        path = store.path_of(name)
        sha256, size = sha256_file(path)
        if Path(name).stem != sha256:
            changed.append(name)
            continue
        found = _record_for(store, name, sha256, size, old_rows)
        if found is None:
            unreadable.append(name)
            continue
        record, source = found
        restored[source] += 1
        records.append(record)
    temp = root / f"{CATALOG_NAME}.repair"
    for suffix in _SIDE_FILES:
        (root / f"{temp.name}{suffix}").unlink(missing_ok=True)
    try:
        with Catalog(temp, create=True) as catalog, catalog.write():
            settled = _settled(records)
            for record in settled:
                catalog.restore(record)
            for record in settled:
                if record.supersedes is not None or record.superseded_by is not None:
                    catalog.restore_links(record)
        kept = _move_aside(catalog_path)
        os.replace(temp, catalog_path)
    except OSError as exc:
        raise ArchiveError.of(
            "archive.storage_failed", Location.of_file(root), path=str(root), reason=exc.strerror or str(exc)
        ) from exc
    return RepairReport(restored, tuple(changed), tuple(unreadable), kept)


def _salvage(path: Path) -> dict[str, Record]:
    """The rows of the old catalog that can still be read, by SHA-256 (none when it cannot be)."""
    if not path.is_file() or path.stat().st_size == 0:
        return {}
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        db.row_factory = sqlite3.Row
        rows = db.execute("SELECT * FROM documents").fetchall()
        found: dict[str, Record] = {}
        for row in rows:
            try:
                record = record_of_row(row)
            except (ValueError, TypeError, IndexError, KeyError):
                continue
            found[record.sha256] = record
        return found
    except sqlite3.Error:
        return {}
    finally:
        db.close()


def _record_for(
    store: ObjectStore, name: str, sha256: str, size: int, old_rows: dict[str, Record]
) -> tuple[Record, Source] | None:
    """The record of stored file ``name`` from the best source left, or ``None`` if it is not a PDF."""
    if sha256 in old_rows and old_rows[sha256].size == size:
        return old_rows[sha256], "catalog"
    record_path = store.path_of(record_file_of(name))
    try:
        record = from_xml(record_path.read_bytes())
        if record.sha256 == sha256 and record.size == size:
            return record, "record_file"
    except (OSError, ValueError, SyntaxError):  # -- ET.ParseError is a SyntaxError --
        pass
    return _from_pdf(store.path_of(name), sha256, size)


def _from_pdf(path: Path, sha256: str, size: int) -> tuple[Record, Source] | None:
    import pikepdf  # -- only a repair without record files needs it --

    from umt_reports.archive.intake import _docinfo
    from umt_reports.render.pdf.pdfa import FLAVOUR

    try:
        with pikepdf.open(io.BytesIO(path.read_bytes())) as pdf:
            pages = len(pdf.pages)
            info = _docinfo(pdf)
    except (pikepdf.PdfError, OSError, ValueError):
        return None
    record = record_from_entry(info, sha256=sha256, size=size, file_name=path.name, pdfa=FLAVOUR.upper(), pages=pages)
    return record, "pdf"


def _settled(records: list[Record]) -> list[Record]:
    """``records`` with ids kept where unique, version links that point to kept records only,
    and in each number (kind, organ, year, code) only the highest version current."""
    by_id: dict[int, Record] = {}
    loose: list[Record] = []
    for record in sorted(records, key=lambda r: (r.archived_at or "", r.sha256)):
        if record.id is not None and record.id not in by_id:
            by_id[record.id] = record
        else:
            loose.append(dataclasses.replace(record, id=None))
    next_id = max(by_id, default=0) + 1
    for record in loose:
        by_id[next_id] = dataclasses.replace(record, id=next_id)
        next_id += 1
    groups: dict[tuple[str, str, int | None, str], list[Record]] = {}
    for record in by_id.values():
        if record.code is not None:
            key = (record.kind or "", fold(record.organ_name or ""), record.year, record.code)
            groups.setdefault(key, []).append(record)
    current = {max(group, key=lambda r: (r.version, r.archived_at or "", r.id or 0)).id for group in groups.values()}
    replaced_by = {r.supersedes: r.id for r in by_id.values() if r.supersedes in by_id}
    settled: list[Record] = []
    for record in sorted(by_id.values(), key=lambda r: r.id or 0):
        status = CURRENT if record.code is None or record.id in current else SUPERSEDED
        supersedes = record.supersedes if record.supersedes in by_id else None
        superseded_by = replaced_by.get(record.id or 0)
        archived_at = record.archived_at or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        settled.append(
            dataclasses.replace(
                record, status=status, supersedes=supersedes, superseded_by=superseded_by, archived_at=archived_at
            )
        )
    return settled


def _move_aside(path: Path) -> Path | None:
    """Rename the old catalog (and its WAL files) to ``<name>.damaged-<UTC time>``; its new path."""
    if not path.exists():
        return None
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    return kept
