"""Uploaded files into a job's ``input/`` folder, through the same gate as the command line.

In: the files of one upload form (a workbook or YAML file, and photos). Out: the data
file's path inside ``input/``, or located problems. A file's name is reduced to its last
part and to safe characters before it is used; the data file passes
:func:`umt_reports.sources.check_file` (kind, size); photos referred to by the data
(``press.photos[].file``) are placed where the data says, if that stays inside ``input/``.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Final, Protocol

from umt_reports.errors import InputError, Location, Problem

__all__ = ["DATA_SUFFIXES", "PHOTO_SUFFIXES", "Saved", "safe_name", "save_uploads"]

DATA_SUFFIXES: Final = (".xlsx", ".xlsm", ".yaml", ".yml")
PHOTO_SUFFIXES: Final = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp")
_UNSAFE: Final = re.compile(r"[^\w.\- ()]+")
_CHUNK: Final = 1 << 20


class Upload(Protocol):
    """What the desk reads of an uploaded file (Starlette's ``UploadFile``)."""

    filename: str | None

    async def read(self, size: int = -1) -> bytes: ...


@dataclass(frozen=True)
class Saved:
    """The data file of an upload and the photos that came with it."""

    data: Path
    photos: tuple[Path, ...]


def safe_name(name: str) -> str:
    """The last part of an uploaded file name, NFC, with only letters, digits and ``.-_ ()``."""
    last = PureWindowsPath(PurePosixPath(name).name).name
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFC", last)).strip(" .")
    return cleaned[:120] or "tep"


async def _save(upload: Upload, path: Path, limit: int) -> None:
    size = 0
    with path.open("wb") as handle:
        while chunk := await upload.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                from umt_reports.errors import LimitError

                raise LimitError.of("file.too_large", Location.of_file(path), size=size, limit=limit)
            handle.write(chunk)


async def save_uploads(uploads: list[Upload], folder: Path, limit: int) -> Saved:
    """Save ``uploads`` into ``folder`` (a job's ``input/``) and return the data file.

    Raises:
        InputError: no data file or more than one, an unsupported file, or what the
            file gate (:func:`check_file`) refuses.
    """
    from umt_reports.sources import check_file

    data: list[Path] = []
    photos: list[Path] = []
    problems: list[Problem] = []
    for upload in uploads:
        if not upload.filename:
            continue
        name = safe_name(upload.filename)
        suffix = Path(name).suffix.lower()
        target = folder / name
        if target.exists():
            problems.append(Problem("desk.duplicate_file", Location.of_file(name), {"name": name}))
            continue
        await _save(upload, target, limit)
        if suffix in PHOTO_SUFFIXES:
            photos.append(target)
        else:
            data.append(target)
    if not data:
        problems.append(Problem("desk.no_data_file", None, {"allowed": ", ".join(DATA_SUFFIXES)}))
    elif len(data) > 1:
        problems.append(Problem("desk.several_data_files", None, {"names": ", ".join(p.name for p in data)}))
    if problems:
        raise InputError(problems)
    check_file(data[0])
    _place_photos(data[0], photos)
    return Saved(data[0], tuple(photos))


def _place_photos(data: Path, photos: list[Path]) -> None:
    """Copy each uploaded photo to the relative path the data gives it (``photos/a.jpg``)."""
    if not photos:
        return
    from umt_reports.api import read_meeting_file

    try:
        raw = read_meeting_file(data)
    except InputError:
        return  # -- the build reports the data's problems --
    press = raw.data.get("press") if isinstance(raw.data, dict) else None
    listed = press.get("photos") if isinstance(press, dict) else None
    by_name = {p.name: p for p in photos}
    root = data.parent.resolve()
    for item in listed if isinstance(listed, list) else []:
        wanted = item.get("file") if isinstance(item, dict) else item
        if not isinstance(wanted, str) or not wanted.strip():
            continue
        uploaded = by_name.get(safe_name(wanted))
        target = (data.parent / wanted).resolve()
        if uploaded is None or target == uploaded.resolve() or not target.is_relative_to(root):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            shutil.copyfile(uploaded, target)
