"""The signatures of archived documents: one catalog table, filled when a signed PDF is added
and re-checked by ``archive verify``.

In: the bytes of a stored PDF and the trusted roots (``--trust``; none by default).
Out: rows of the ``signatures`` table, and for ``show`` / ``list --json`` plain dictionaries.

The table is added to a catalog the first time a writer opens it (``CREATE TABLE IF NOT
EXISTS``, inside the writer's transaction), so catalogs made before it need no other step;
readers of an older catalog see no signatures. Its version is ``meta.signatures_version``,
apart from the documents table's ``schema_version``::

    signatures(
      id INTEGER PRIMARY KEY,
      document_id → documents(id), field,        one row per signature field of the file
      role ('person'|'organisation'|'attachment'|NULL), subject,
      fingerprint_sha256,                          SHA-256 of the signing certificate (DER), hex
      signed_at, timestamp, revision,              ISO 8601 times, the revision it covers
      status ('valid'|'intact'|'untrusted'|'broken'), problem, checked_at (UTC))

Status: ``broken`` when the signed bytes changed; ``valid`` when intact and trusted by the
given roots; ``untrusted`` when roots were given and none leads to the certificate (or it
expired); ``intact`` when no roots were given (trust not judged).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Final

from umt_reports.archive.catalog import Catalog

__all__ = [
    "SIGNATURES_VERSION",
    "ensure_table",
    "read_signatures",
    "signatures_of",
    "store_signatures",
    "update_statuses",
]

SIGNATURES_VERSION: Final = 1

_SCHEMA: Final = (
    """CREATE TABLE IF NOT EXISTS signatures (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        field TEXT NOT NULL,
        role TEXT,
        subject TEXT NOT NULL,
        fingerprint_sha256 TEXT NOT NULL CHECK (length(fingerprint_sha256) = 64),
        signed_at TEXT,
        timestamp TEXT,
        revision INTEGER,
        status TEXT NOT NULL CHECK (status IN ('valid', 'intact', 'untrusted', 'broken')),
        problem TEXT,
        checked_at TEXT NOT NULL,
        UNIQUE (document_id, field)
    )""",
    "CREATE INDEX IF NOT EXISTS signatures_document ON signatures (document_id)",
    "CREATE INDEX IF NOT EXISTS signatures_fingerprint ON signatures (fingerprint_sha256)",
    "INSERT OR IGNORE INTO meta VALUES ('signatures_version', '1')",
)
_COLUMNS: Final = (
    "field",
    "role",
    "subject",
    "fingerprint_sha256",
    "signed_at",
    "timestamp",
    "revision",
    "status",
    "problem",
    "checked_at",
)
#: A PDF without this word has no signature dictionary: no need to load pyHanko.
_SIGNED_MARK: Final = b"/ByteRange"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def ensure_table(catalog: Catalog) -> None:
    """Add the table to ``catalog`` if missing (call inside :meth:`Catalog.write`)."""
    for statement in _SCHEMA:
        catalog.rows(statement)


def _has_table(catalog: Catalog) -> bool:
    return bool(catalog.rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'signatures'"))


def read_signatures(data: bytes, roots: list[Path] | None = None) -> list[dict[str, Any]]:
    """The rows for the signatures of ``data``, checked against ``roots`` (see the module doc)."""
    if _SIGNED_MARK not in data:
        return []
    from umt_reports.sign.manifest import role_of
    from umt_reports.sign.verify import list_signatures, load_roots

    certs = load_roots(list(roots or []))
    checked_at = _now()
    rows: list[dict[str, Any]] = []
    for info in list_signatures(data, certs):
        if not info.intact:
            status = "broken"
        elif roots:
            status = "valid" if info.trusted else "untrusted"
        else:
            status = "intact"
        rows.append(
            {
                "field": info.field,
                "role": role_of(info.field),
                "subject": info.subject,
                "fingerprint_sha256": info.fingerprint,
                "signed_at": info.signed_at,
                "timestamp": info.timestamp,
                "revision": info.revision,
                "status": status,
                "problem": info.problem if status in ("broken", "untrusted") else None,
                "checked_at": checked_at,
            }
        )
    return rows


def store_signatures(catalog: Catalog, document_id: int, rows: list[dict[str, Any]]) -> None:
    """Insert or refresh ``rows`` for the document (inside :meth:`Catalog.write`)."""
    if not rows:
        return
    ensure_table(catalog)
    marks = ", ".join("?" for _ in _COLUMNS)
    for row in rows:
        catalog.rows(
            f"INSERT OR REPLACE INTO signatures (document_id, {', '.join(_COLUMNS)}) VALUES (?, {marks})",
            [document_id, *(row.get(c) for c in _COLUMNS)],
        )


def update_statuses(catalog: Catalog, document_id: int, rows: list[dict[str, Any]]) -> None:
    """Record a new check of the document's signatures (``archive verify``)."""
    store_signatures(catalog, document_id, rows)


def signatures_of(catalog: Catalog, document_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The stored signatures of each document, in field order; documents without any are absent."""
    if not document_ids or not _has_table(catalog):
        return {}
    found: dict[int, list[dict[str, Any]]] = {}
    marks = ", ".join("?" for _ in document_ids)
    for row in catalog.rows(
        f"SELECT document_id, {', '.join(_COLUMNS)} FROM signatures WHERE document_id IN ({marks}) "
        "ORDER BY document_id, revision, field",
        list(document_ids),
    ):
        found.setdefault(int(row["document_id"]), []).append({c: row[c] for c in _COLUMNS})
    return found
