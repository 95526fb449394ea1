"""Atomic file writes: the one helper every writer of the toolkit uses.

A file is written to a temporary file in the target's own folder (same file system, so the
final :func:`os.replace` is atomic), given the permissions a plain ``open(path, "w")`` would
give under the current umask (``mkstemp`` alone gives 0600), and only then renamed over the
target. Readers see the old file or the new one, never half of one. Any failure removes the
temporary file and re-raises; callers turn :class:`OSError` into their own located problem.

In: the target path(s) and either bytes or a function writing into a binary handle.
Out: nothing; the targets exist with their new content.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

__all__ = ["Content", "file_mode", "write_atomic", "write_many_atomic"]

#: What to write: the bytes themselves, or a function that writes into an open binary handle.
Content = bytes | Callable[[BinaryIO], None]


def file_mode() -> int:
    """Permissions of a new file under the current umask (``0o666 & ~umask``)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _stage(target: Path, content: Content, *, durable: bool) -> Path:
    """Write ``content`` to a new temporary file beside ``target``; return its path.

    The temporary file is removed again if anything fails.
    """
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(content, bytes):
                handle.write(content)
            else:
                content(handle)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, file_mode())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(target: Path, content: Content, *, durable: bool = False) -> None:
    """Replace ``target`` with ``content`` atomically (``durable``: fsync before the rename).

    Raises:
        OSError: the folder is missing or not writable, the disk is full …; ``target`` is
            then unchanged and no temporary file is left. Its ``filename`` is the target.
    """
    write_many_atomic([(Path(target), content)], durable=durable)


def write_many_atomic(files: Sequence[tuple[Path, Content]], *, durable: bool = False) -> None:
    """Write every file first, then rename them all into place.

    A failure while writing (a full disk, a locked folder) removes the temporary files and
    leaves every target as it was; only the renames, which cannot run out of space, come
    after the first change.

    Raises:
        OSError: as :func:`write_atomic`.
    """
    staged: list[tuple[Path, Path]] = []
    current = Path()
    try:
        for target, content in files:
            current = Path(target)
            staged.append((_stage(current, content, durable=durable), current))
        for tmp, current in staged:
            os.replace(tmp, current)
    except BaseException as exc:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OSError(exc.errno, exc.strerror or str(exc), str(current)) from exc
        raise
