"""Content-addressed, immutable file storage under an archive root.

Layout of an archive root::

    catalog.sqlite (+ -wal, -shm)    the catalog (:mod:`.catalog`)
    objects/ab/ab12…ef.pdf           each stored file, named by its SHA-256, read-only
    objects/ab/ab12…ef.xml           its catalog record as archived (Phụ lục VI XML), from
                                     which ``archive repair`` rebuilds a lost catalog
    tmp/                             staged files and "pending" markers of an add in progress

Files reach ``objects/`` only by an atomic rename of a fully written, fsynced file in
``tmp/``, so a stored file is always complete. The rename happens while the adding
process holds the catalog's write lock and *after* it wrote a marker naming the
object; if the process dies before its catalog transaction commits, the next holder
of the lock finds the marker and removes the object nobody refers to
(:meth:`umt_reports.archive.api.Archive.recover`). This module does the file
operations; the decisions belong to :mod:`.api`.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Final

__all__ = ["CATALOG_NAME", "ObjectStore", "record_file_of", "sha256_file"]

CATALOG_NAME: Final = "catalog.sqlite"
_CATALOG_FILES: Final = frozenset(
    {CATALOG_NAME, f"{CATALOG_NAME}-wal", f"{CATALOG_NAME}-shm", f"{CATALOG_NAME}-journal"}
)
_OBJECTS: Final = "objects"
_TMP: Final = "tmp"
_PENDING: Final = ".pending"
_STAGED: Final = ".tmp"
_CHUNK: Final = 1 << 20
_RECORD_SUFFIX: Final = ".xml"
_OBJECT_NAME: Final = re.compile(r"^[0-9a-f]{64}\.[a-z0-9]+$")


def record_file_of(object_name: str) -> str:
    """The record file stored beside ``object_name`` (``objects/ab/<sha256>.xml``)."""
    return object_name.rsplit(".", 1)[0] + _RECORD_SUFFIX


def sha256_file(path: Path) -> tuple[str, int]:
    """SHA-256 (hex) and size of the file at ``path``, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _fsync_dir(directory: Path) -> None:
    """Make a rename or a new name in ``directory`` durable (a no-op where unsupported)."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(directory, flags)
    except OSError:  # -- Windows cannot open a directory; its renames are journaled --
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class ObjectStore:
    """The files of one archive root (see the module docstring for the layout)."""

    def __init__(self, root: Path):
        self.root = root
        self.objects = root / _OBJECTS
        self.tmp = root / _TMP

    def ensure(self) -> None:
        """Create the folders of an empty archive (idempotent)."""
        self.objects.mkdir(parents=True, exist_ok=True)
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path_of(self, object_name: str) -> Path:
        """Absolute path of a stored file named ``objects/…`` relative to the root."""
        return self.root / object_name

    def stage(self, data: bytes) -> Path:
        """Write ``data`` to a new file in ``tmp/`` and flush it to disk; return its path."""
        path = self.tmp / f"{uuid.uuid4().hex}{_STAGED}"
        with path.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        return path

    def mark(self, object_name: str) -> Path:
        """Record, durably, that ``object_name`` is about to be placed by an uncommitted add."""
        marker = self.tmp / f"{uuid.uuid4().hex}{_PENDING}"
        with marker.open("x", encoding="utf-8") as handle:
            handle.write(object_name)
            handle.flush()
            os.fsync(handle.fileno())
        _fsync_dir(self.tmp)
        return marker

    def place(self, staged: Path, object_name: str) -> None:
        """Move a staged file to its name in ``objects/``, read-only, atomically and durably."""
        target = self.path_of(object_name)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(staged, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.replace(staged, target)
        _fsync_dir(target.parent)

    def remove(self, object_name: str) -> None:
        """Delete a stored file and its record file (only ever one that no catalog row refers to)."""
        self.path_of(record_file_of(object_name)).unlink(missing_ok=True)
        self.path_of(object_name).unlink(missing_ok=True)

    def object_names(self) -> list[str]:
        """Every stored file (``objects/ab/<sha256>.<format>``, not record files), sorted."""
        if not self.objects.is_dir():
            return []
        return sorted(
            path.relative_to(self.root).as_posix()
            for path in self.objects.glob("??/*")
            if path.is_file() and _OBJECT_NAME.match(path.name) and path.suffix != _RECORD_SUFFIX
        )

    def has_objects(self) -> bool:
        """Whether any file is stored for good (an archive that existed, whatever its catalog
        says): files an uncommitted add placed (named by a pending marker) do not count."""
        if not self.objects.is_dir():
            return False
        pending = {name for _, name in self.pending()} if self.tmp.is_dir() else set()
        return any(
            path.suffix != _RECORD_SUFFIX and path.relative_to(self.root).as_posix() not in pending
            for path in self.objects.glob("??/*")
        )

    def pending(self) -> list[tuple[Path, str | None]]:
        """Every marker in ``tmp/`` with the object it names (``None`` if the marker is torn)."""
        found: list[tuple[Path, str | None]] = []
        for marker in sorted(self.tmp.glob(f"*{_PENDING}")):
            try:
                name = marker.read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError):
                name = ""
            found.append((marker, name if name.startswith(f"{_OBJECTS}/") and ".." not in name else None))
        return found

    def staged(self) -> list[Path]:
        """Staged files left in ``tmp/`` (by an add that did not finish)."""
        return sorted(self.tmp.glob(f"*{_STAGED}"))

    def files(self) -> Iterator[str]:
        """Every file under the root, as a POSIX path relative to it, except the catalog and ``tmp/``."""
        if not self.root.is_dir():
            return
        for dirpath, dirnames, filenames in os.walk(self.root):
            here = Path(dirpath)
            if here == self.root:
                dirnames[:] = [d for d in dirnames if d != _TMP]
            for name in sorted(filenames):
                if here == self.root and (name in _CATALOG_FILES or name.startswith(f"{CATALOG_NAME}.damaged-")):
                    continue  # -- the catalog, and old ones `archive repair` kept --
                yield (here / name).relative_to(self.root).as_posix()
