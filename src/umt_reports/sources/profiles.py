"""Find issuing-body profiles (``profiles/<name>.yaml``) for a meeting file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from umt_reports.resources import profiles_dir

if TYPE_CHECKING:
    from umt_reports.sources.raw import RawSource

__all__ = ["available_profiles", "find_profile", "profile_search_path", "read_profile"]

#: Profiles already read in this process: (file, modification time, size) -> what was read.
_READ: dict[tuple[str, int, int], RawSource] = {}


def profile_search_path(data_file: Path | None, extra: Iterable[Path] = ()) -> list[Path]:
    """Folders searched in order: ``extra``, ``profiles/`` beside the data file and up to
    three folders above it, then the profiles bundled with the toolkit."""
    folders = [Path(p) for p in extra]
    if data_file is not None:
        base = data_file.resolve().parent
        for folder in (base, *list(base.parents)[:3]):
            folders.append(folder / "profiles")
    folders.append(profiles_dir())
    seen: list[Path] = []
    for folder in folders:
        if folder.is_dir() and folder.resolve() not in seen:
            seen.append(folder.resolve())
    return seen


def find_profile(name: str, search: list[Path]) -> Path | None:
    """The file of profile ``name`` (``.yaml`` or ``.yml``), or ``None``."""
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    for folder in search:
        for suffix in (".yaml", ".yml"):
            candidate = folder / f"{name}{suffix}"
            try:
                found = candidate.is_file()
            except (OSError, ValueError):  # -- a name too long for the file system, or with a NUL --
                return None
            if found:
                return candidate
    return None


def available_profiles(search: list[Path]) -> list[str]:
    names = {p.stem for folder in search for p in folder.glob("*.y*ml")}
    return sorted(names)


def read_profile(path: Path) -> RawSource:
    """The profile file at ``path`` as located plain data, read once per process for each
    version of the file (a batch of meetings of one office reads its profile once).

    The result is shared: callers read it and never change it (validation grafts a copy of
    its references into the meeting's data)."""
    from umt_reports.sources import read_source

    try:
        stat = path.stat()
    except OSError:
        return read_source(path)  # -- let the reader report the problem with its place --
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    found = _READ.get(key)
    if found is None:
        found = read_source(path)
        if len(_READ) > 64:
            _READ.clear()
        _READ[key] = found
    return found
