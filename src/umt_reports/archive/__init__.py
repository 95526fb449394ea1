"""Archive: keep every issued PDF/A with its ND30 Phụ lục VI metadata, find it, prove it unchanged, export it.

In: build outputs (a ``BuildResult``, a build folder or its ``manifest.json``) or PDF/A
files. Out: an archive root holding immutable, content-addressed files and a SQLite
catalog, plus a zip for the state archive. Modules:

- :mod:`.api` — :class:`Archive` (add, search, get, verify, recover) and :func:`archive_outputs`;
- :mod:`.intake` — reading and checking what is to be added;
- :mod:`.store` — the files (atomic, read-only, named by SHA-256);
- :mod:`.catalog` — the SQLite schema and queries (WAL, immediate transactions);
- :mod:`.metadata` — :class:`Record`, Phụ lục VI field names, XML out and back;
- :mod:`.export` — the zip for the state archive;
- :mod:`.cli` — the ``archive`` click group.
"""

from __future__ import annotations

from umt_reports.archive.api import (
    DEFAULT_ROOT,
    ENV_VAR,
    AddOutcome,
    Archive,
    Finding,
    Recovery,
    VerifyReport,
    archive_outputs,
    check_before_archiving,
    open_archive,
    resolve_root,
)
from umt_reports.archive.catalog import Query
from umt_reports.archive.errors import ArchiveError, ArchiveInputError
from umt_reports.archive.export import ExportResult, export_zip
from umt_reports.archive.metadata import Record, fold, from_xml, to_xml

__all__ = [
    "DEFAULT_ROOT",
    "ENV_VAR",
    "AddOutcome",
    "Archive",
    "ArchiveError",
    "ArchiveInputError",
    "ExportResult",
    "Finding",
    "Query",
    "Record",
    "Recovery",
    "VerifyReport",
    "archive_outputs",
    "check_before_archiving",
    "export_zip",
    "fold",
    "from_xml",
    "open_archive",
    "resolve_root",
    "to_xml",
]
