"""Find issuing-body profiles (``profiles/<name>.yaml``) for a meeting file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from umt_reports.resources import profiles_dir

__all__ = ["available_profiles", "find_profile", "profile_search_path"]


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
            if candidate.is_file():
                return candidate
    return None


def available_profiles(search: list[Path]) -> list[str]:
    names = {p.stem for folder in search for p in folder.glob("*.y*ml")}
    return sorted(names)
