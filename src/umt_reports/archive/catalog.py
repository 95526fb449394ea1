"""The archive's catalog: one SQLite table of documents, its schema and its queries.

In: :class:`~.metadata.Record` objects to insert, filters to query. Out: records.
Safety comes from SQLite: the catalog runs in WAL mode with ``synchronous=FULL``, and
every change happens inside ``BEGIN IMMEDIATE … COMMIT`` (:meth:`Catalog.write`), which
also serialises writers across processes (a second writer waits up to
:data:`BUSY_TIMEOUT_S`). Dates are ISO ``YYYY-MM-DD``; ``search_text`` holds the folded
text (:func:`~.metadata.fold`) that queries without diacritics are matched against.

The schema::

    meta(key PRIMARY KEY, value)                  schema_version = 1
    documents(
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      sha256 UNIQUE, size, object UNIQUE,         the stored file (objects/ab/<sha256>.pdf)
      file_name, kind, format, pdfa, font,        technical facts
      file_code, type_name, code, code_number, code_notation, issued_date,
      organ_name, subject, title, language, page_amount, description,
      signer_position, signer_name,               Phụ lục VI fields
      source_file, source_sha256,                 the data the document was built from
      status ('current'|'superseded'), version, supersedes, superseded_by,
      archived_at,                                the one clock time (UTC)
      issued_year, organ_key, search_text)        derived keys
    UNIQUE (kind, organ_key, issued_year, code) WHERE status = 'current' AND code IS NOT NULL
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import Any, Final

from umt_reports.archive.errors import ArchiveError, ArchiveInputError
from umt_reports.archive.metadata import CURRENT, SUPERSEDED, Record, fold
from umt_reports.errors import Location

__all__ = [
    "BUSY_TIMEOUT_S",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_WORDS",
    "SCHEMA_VERSION",
    "Catalog",
    "Query",
    "record_of_row",
]

SCHEMA_VERSION: Final = 1
#: How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_S: Final = 60.0

_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size >= 0),
    object TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    kind TEXT,
    format TEXT NOT NULL DEFAULT 'pdf',
    pdfa TEXT,
    font TEXT,
    file_code TEXT,
    type_name TEXT,
    code TEXT,
    code_number TEXT,
    code_notation TEXT,
    issued_date TEXT CHECK (issued_date IS NULL
                            OR issued_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    organ_name TEXT,
    subject TEXT,
    title TEXT,
    language TEXT,
    page_amount INTEGER,
    description TEXT,
    signer_position TEXT,
    signer_name TEXT,
    source_file TEXT,
    source_sha256 TEXT,
    status TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'superseded')),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    supersedes INTEGER REFERENCES documents(id),
    superseded_by INTEGER REFERENCES documents(id),
    archived_at TEXT NOT NULL,
    issued_year INTEGER,
    organ_key TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX IF NOT EXISTS documents_one_current_number
    ON documents (coalesce(kind, ''), organ_key, issued_year, code)
    WHERE status = 'current' AND code IS NOT NULL;
CREATE INDEX IF NOT EXISTS documents_issued_date ON documents (issued_date);
CREATE INDEX IF NOT EXISTS documents_kind ON documents (kind);
"""

_RECORD_FIELDS: Final = tuple(f.name for f in fields(Record))
_TABLES: Final = ("meta", "documents")
#: Longest search text and most words a query takes (SQLite limits LIKE patterns and expressions).
MAX_QUERY_CHARS: Final = 500
MAX_QUERY_WORDS: Final = 20
_ORDER: Final = "ORDER BY issued_date IS NULL, issued_date, id"


class Query:
    """Filters of :meth:`Catalog.query`; every given filter must hold.

    Args:
        text: words that must all occur as whole words, with or without diacritics, in the
            code, type, subject, title, issuing organ, signer or file name (``yen`` finds
            "Thạnh Yên", not "Nguyễn").
        date_from, date_to: inclusive range of the issued date.
        kind: document kind (``report`` …).
        include_superseded: also return the versions a ``--replace`` superseded.
    """

    def __init__(
        self,
        text: str = "",
        *,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        kind: str | None = None,
        include_superseded: bool = False,
    ):
        if len(text) > MAX_QUERY_CHARS or len(text.split()) > MAX_QUERY_WORDS:
            raise ArchiveInputError.of("archive.query_too_long", None, chars=MAX_QUERY_CHARS, words=MAX_QUERY_WORDS)
        self.words = fold(text).split()
        self.date_from = date_from
        self.date_to = date_to
        self.kind = kind.strip().lower() if kind else None
        self.include_superseded = include_superseded

    def matches(self, record: Record) -> bool:
        """Whether every word of the query is a whole word of ``record``'s search text.

        SQL ``LIKE`` finds the words anywhere; this drops the rows where a word is only a part
        of a longer one. A word's ends must not touch a letter or digit (``25/bc-ubnd`` is one
        word of a query and matches the code ``25/BC-UBND``).
        """
        text = record.search_text()
        return all(re.search(rf"(?<![0-9a-z]){re.escape(word)}(?![0-9a-z])", text) for word in self.words)

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        for word in self.words:
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("search_text LIKE ? ESCAPE '\\'")
            params.append(f"%{escaped}%")
        if self.date_from:
            clauses.append("issued_date >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to:
            clauses.append("issued_date <= ?")
            params.append(self.date_to.isoformat())
        if self.kind:
            clauses.append("kind = ?")
            params.append(self.kind)
        if not self.include_superseded:
            clauses.append("status = ?")
            params.append(CURRENT)
        return (" AND ".join(clauses) or "1"), params


def record_of_row(row: sqlite3.Row) -> Record:
    """The record a ``documents`` row holds (also for rows salvaged from a damaged catalog)."""
    return _record(row)


def _record(row: sqlite3.Row) -> Record:
    values = {name: row[name] for name in _RECORD_FIELDS}
    if values["issued_date"]:
        values["issued_date"] = dt.date.fromisoformat(values["issued_date"])
    return Record(**values)


class Catalog:
    """A connection to ``catalog.sqlite``; use as a context manager or call :meth:`close`."""

    def __init__(self, path: Path, *, create: bool, objects_exist: bool = False):
        """Open (and with ``create``, make) the catalog at ``path``.

        ``objects_exist`` says that files are stored beside it: then a missing, empty or
        table-less catalog is a lost one (``archive repair`` rebuilds it), never a new archive.

        Raises:
            ArchiveInputError: ``archive.no_archive`` when it does not exist and ``create`` is false.
            ArchiveError: ``archive.catalog_unreadable``, ``archive.schema_newer``, ``archive.locked``,
                ``archive.catalog_is_folder``, ``archive.catalog_lost``, ``archive.catalog_damaged``.
        """
        self.path = path
        where = Location.of_file(path)
        if path.is_dir():
            raise ArchiveError.of("archive.catalog_is_folder", where, path=str(path))
        blank = not path.is_file() or path.stat().st_size == 0
        if objects_exist and blank:
            raise ArchiveError.of("archive.catalog_lost", where, path=str(path), root=str(path.parent))
        if not create and not path.is_file():
            raise ArchiveInputError.of("archive.no_archive", None, path=str(path.parent))
        with self._errors():
            self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        try:
            with self._errors():
                self._db.execute("PRAGMA foreign_keys = ON")
                self._check_tables(objects_exist)
                if create:
                    self._enable_wal()
                self._db.execute("PRAGMA synchronous = FULL")
                if create:
                    with self.write():
                        for statement in _SCHEMA.split(";\n"):  # -- executescript would commit --
                            if statement.strip():
                                self._db.execute(statement)
                        self._db.execute(
                            "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                        )
                self._check_version()
        except BaseException:
            self._db.close()
            raise

    # -- connection and transactions ------------------------------------------------------

    def _enable_wal(self) -> None:
        """Switch to WAL once; SQLite does not wait on its busy handler for this, so retry
        while another process holds the lock (two first adds racing)."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                (mode,) = self._db.execute("PRAGMA journal_mode").fetchone()
                if str(mode).lower() != "wal":
                    self._db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                text = str(exc).lower()
                if ("locked" not in text and "busy" not in text) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn SQLite failures into archive errors naming the catalog."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if "locked" in text or "busy" in text:
                raise ArchiveError.of(
                    "archive.locked", Location.of_file(self.path), path=str(self.path), seconds=int(BUSY_TIMEOUT_S)
                ) from exc
            raise ArchiveError.of(
                "archive.catalog_unreadable", Location.of_file(self.path), path=str(self.path), reason=str(exc)
            ) from exc
        except sqlite3.DatabaseError as exc:
            raise ArchiveError.of(
                "archive.catalog_unreadable", Location.of_file(self.path), path=str(self.path), reason=str(exc)
            ) from exc

    def _check_tables(self, objects_exist: bool) -> None:
        """Refuse a catalog that lost its tables (or, beside stored files, has none): writing
        the schema into it would silently start a new archive over the old files."""
        names = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = [t for t in _TABLES if t not in names]
        if not missing:
            return
        where = Location.of_file(self.path)
        if len(missing) < len(_TABLES):
            raise ArchiveError.of(
                "archive.catalog_damaged",
                where,
                path=str(self.path),
                root=str(self.path.parent),
                tables=", ".join(missing),
            )
        if objects_exist:
            raise ArchiveError.of("archive.catalog_lost", where, path=str(self.path), root=str(self.path.parent))

    def _check_version(self) -> None:
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.OperationalError as exc:
            with self._errors():
                empty = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
            if empty:  # -- the first add died before it committed the schema: still no archive --
                raise ArchiveInputError.of("archive.no_archive", None, path=str(self.path.parent)) from exc
            raise ArchiveError.of(
                "archive.catalog_unreadable", Location.of_file(self.path), path=str(self.path), reason=str(exc)
            ) from exc
        found = int(row["value"]) if row else 0
        if found > SCHEMA_VERSION:
            raise ArchiveError.of(
                "archive.schema_newer", Location.of_file(self.path), found=found, supported=SCHEMA_VERSION
            )
        if found < 1:
            raise ArchiveError.of(
                "archive.catalog_unreadable",
                Location.of_file(self.path),
                path=str(self.path),
                reason="no schema_version",
            )

    @contextmanager
    def write(self) -> Iterator[None]:
        """An immediate (write-locked) transaction: committed on success, rolled back on error."""
        with self._errors():
            self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.rollback()
            raise
        with self._errors():
            self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[Record]:
        with self._errors():
            return [_record(row) for row in self._db.execute(sql, params).fetchall()]

    # -- queries ----------------------------------------------------------------------------

    def by_sha(self, sha256: str) -> Record | None:
        """The record of the file with this hash, whatever its status."""
        rows = self._rows("SELECT * FROM documents WHERE sha256 = ?", (sha256,))
        return rows[0] if rows else None

    def by_id(self, record_id: int) -> Record | None:
        rows = self._rows("SELECT * FROM documents WHERE id = ?", (record_id,))
        return rows[0] if rows else None

    def by_sha_prefix(self, prefix: str) -> list[Record]:
        escaped = prefix.lower().replace("%", "").replace("_", "")
        return self._rows("SELECT * FROM documents WHERE sha256 LIKE ? ORDER BY id", (f"{escaped}%",))

    def by_code(self, code: str) -> list[Record]:
        """Every version of every document numbered ``code`` (case and spacing ignored)."""
        rows = self._rows("SELECT * FROM documents WHERE code IS NOT NULL ORDER BY id")
        wanted = "".join(fold(code).split())
        return [r for r in rows if r.code and "".join(fold(r.code).split()) == wanted]

    def current_with_number(self, record: Record) -> Record | None:
        """The current version holding ``record``'s number (kind, issuing organ, year, code)."""
        if record.code is None:
            return None
        rows = self._rows(
            "SELECT * FROM documents WHERE status = ? AND code = ? AND coalesce(kind, '') = ? "
            "AND organ_key = ? AND issued_year IS ?",
            (CURRENT, record.code, record.kind or "", fold(record.organ_name or ""), record.year),
        )
        return rows[0] if rows else None

    def query(self, query: Query) -> list[Record]:
        """Records matching ``query``, by issued date then catalog order."""
        where, params = query.where()
        return [r for r in self._rows(f"SELECT * FROM documents WHERE {where} {_ORDER}", params) if query.matches(r)]

    def all(self) -> list[Record]:
        """Every record, superseded ones included."""
        return self._rows(f"SELECT * FROM documents {_ORDER}")

    def history(self, record: Record) -> list[Record]:
        """Every version of ``record``'s number, oldest first (just ``record`` if it was never replaced)."""
        chain = [record]
        seen = {record.id}
        older = record
        while older.supersedes is not None and older.supersedes not in seen:
            found = self.by_id(older.supersedes)
            if found is None:
                break
            chain.insert(0, found)
            seen.add(found.id)
            older = found
        newer = record
        while newer.superseded_by is not None and newer.superseded_by not in seen:
            found = self.by_id(newer.superseded_by)
            if found is None:
                break
            chain.append(found)
            seen.add(found.id)
            newer = found
        return chain

    def is_referenced(self, object_name: str) -> bool:
        with self._errors():
            return self._db.execute("SELECT 1 FROM documents WHERE object = ?", (object_name,)).fetchone() is not None

    def integrity(self) -> list[str]:
        """SQLite's own findings about the catalog file; empty when it is sound."""
        with self._errors():
            rows = self._db.execute("PRAGMA quick_check").fetchall()
        found = [str(row[0]) for row in rows]
        return [] if found == ["ok"] else found

    # -- changes (call inside :meth:`write`) ---------------------------------------------

    def insert(self, record: Record, *, archived_at: str) -> Record:
        """Insert ``record`` and return it as stored (with its id and ``archived_at``)."""
        values = {name: getattr(record, name) for name in _RECORD_FIELDS if name != "id"}
        values["issued_date"] = record.issued_date.isoformat() if record.issued_date else None
        values["archived_at"] = archived_at
        values.update(
            object=record.object_name,
            issued_year=record.year,
            organ_key=fold(record.organ_name or ""),
            search_text=record.search_text(),
        )
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        with self._errors():
            cursor = self._db.execute(f"INSERT INTO documents ({columns}) VALUES ({marks})", list(values.values()))
        stored = self.by_id(int(cursor.lastrowid or 0))
        assert stored is not None
        return stored

    def restore(self, record: Record) -> None:
        """Insert ``record`` as it was, id, status and time included, without its version links
        (:meth:`restore_links` adds them once every record is in): ``archive repair``."""
        values = {name: getattr(record, name) for name in _RECORD_FIELDS if name not in ("supersedes", "superseded_by")}
        values["issued_date"] = record.issued_date.isoformat() if record.issued_date else None
        values.update(
            object=record.object_name,
            issued_year=record.year,
            organ_key=fold(record.organ_name or ""),
            search_text=record.search_text(),
        )
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        with self._errors():
            self._db.execute(f"INSERT INTO documents ({columns}) VALUES ({marks})", list(values.values()))

    def restore_links(self, record: Record) -> None:
        """Set ``record``'s ``supersedes`` and ``superseded_by`` (after :meth:`restore`)."""
        with self._errors():
            self._db.execute(
                "UPDATE documents SET supersedes = ?, superseded_by = ? WHERE id = ?",
                (record.supersedes, record.superseded_by, record.id),
            )

    def supersede(self, old: Record) -> None:
        """Mark ``old`` superseded, making room for a new current version of its number."""
        with self._errors():
            self._db.execute("UPDATE documents SET status = ? WHERE id = ?", (SUPERSEDED, old.id))

    def link(self, old: Record, new: Record) -> None:
        """Record that ``new`` replaced ``old``."""
        with self._errors():
            self._db.execute("UPDATE documents SET superseded_by = ? WHERE id = ?", (new.id, old.id))

    # -- other tables (the signatures of a document: archive/signatures.py) ----------------

    def rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        """Run one statement with the catalog's error handling; the rows it returns."""
        with self._errors():
            return self._db.execute(sql, params).fetchall()
