"""Step 1 of reading a workbook: the zip gate, before openpyxl parses anything.

In: the path of a file said to be a workbook. Out: whether any worksheet holds a formula,
or an :class:`InputError` / :class:`LimitError`: the file must open as a zip, hold
``xl/workbook.xml``, and declare a reasonable unpacked size (zip bombs are refused from the
central directory alone, without unpacking a byte).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from umt_reports.errors import InputError, LimitError, Location

__all__ = ["MAX_RATIO", "MAX_UNPACKED", "check_zip", "error_reason"]

#: Largest total unpacked size declared by the zip's members.
MAX_UNPACKED = 200 * 1024 * 1024
#: Largest unpacked / packed ratio; real workbooks stay well under 50:1.
MAX_RATIO = 200

# -- below this unpacked size the ratio is meaningless (a tiny, very regular part) --
_RATIO_FLOOR = 1024 * 1024
# -- an XML element <f> or <x:f> in a worksheet part: a formula --
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_CHUNK = 1024 * 1024


def check_zip(path: Path, where: Location) -> bool:
    """Refuse non-zips, non-workbooks and zip bombs; tell whether any sheet holds a formula."""
    try:
        packed = max(path.stat().st_size, 1)
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise InputError.of("xlsx.not_zip", where) from None
    except (NotImplementedError, RuntimeError, zipfile.LargeZipFile) as exc:  # -- e.g. an unknown zip version --
        raise InputError.of("xlsx.corrupt", where, reason=error_reason(exc)) from None
    except OSError as exc:
        raise InputError.of("file.unreadable", where, reason=exc.strerror or str(exc)) from None
    with archive:
        infos = archive.infolist()
        if "xl/workbook.xml" not in {info.filename for info in infos}:
            raise InputError.of("xlsx.not_workbook", where)
        unpacked = sum(info.file_size for info in infos)
        ratio = unpacked / packed
        if unpacked > MAX_UNPACKED or (unpacked > _RATIO_FLOOR and ratio > MAX_RATIO):
            raise LimitError.of(
                "xlsx.zip_bomb", where, size=unpacked, ratio=round(ratio), limit=MAX_UNPACKED, max_ratio=MAX_RATIO
            )
        try:
            return any(
                _has_formula(archive, info)
                for info in infos
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
            )
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
            raise InputError.of("xlsx.corrupt", where, reason=error_reason(exc)) from None


def _has_formula(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether the worksheet part holds a formula element (streamed; parts can be large)."""
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-32:]
    return False


def error_reason(exc: BaseException) -> str:
    """The exception as a short ``Type: message`` for ``xlsx.corrupt``."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
