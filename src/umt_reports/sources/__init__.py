"""Sources: read meeting data files (YAML, Excel) into plain data with locations.

In: a path. Out: a :class:`RawSource` whose ``data`` follows the YAML contract of
design.md §2 and whose ``locations`` say where each value stands (``meeting.yaml:14``,
``Khen thưởng!C12``). Text is NFC-normalised here. Nothing is validated yet: that is
the model's job (:func:`umt_reports.model.validate`).
"""

from __future__ import annotations

from pathlib import Path

from umt_reports.errors import InputError, LimitError, Location
from umt_reports.sources.raw import Path_, RawSource

__all__ = ["MAX_FILE_BYTES", "Path_", "RawSource", "check_file", "read_source", "read_source_once", "sniff"]

#: Largest input file accepted, in bytes.
MAX_FILE_BYTES = 20 * 1024 * 1024

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and password-protected .xlsx


def sniff(path: Path, head: bytes) -> str:
    """The input kind: ``yaml`` or ``xlsx``; raises :class:`InputError` for anything else."""
    where = Location.of_file(path)
    suffix = path.suffix.lower()
    if not head:
        raise InputError.of("file.empty", where)
    if head.startswith(_OLE):
        if suffix in (".xlsx", ".xlsm"):
            raise InputError.of("xlsx.encrypted", where)
        raise InputError.of("file.unsupported_type", where, kind="Excel 97-2003 (.xls)")
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".ods":
        raise InputError.of("file.unsupported_type", where, kind="OpenDocument (.ods)")
    if suffix in (".csv", ".tsv", ".txt"):
        raise InputError.of("file.unsupported_type", where, kind=f"{suffix[1:].upper()} ({suffix})")
    if suffix in (".xlsx", ".xlsm"):
        if not head.startswith(_ZIP):
            raise InputError.of("xlsx.not_zip", where)
        return "xlsx"
    if suffix == ".xls":
        raise InputError.of("file.unsupported_type", where, kind="Excel 97-2003 (.xls)")
    raise InputError.of("file.unsupported_type", where, kind=suffix or "?")


def check_file(path: Path) -> str:
    """The gate every input passes: it exists, is readable, is a kind we read (``yaml`` or
    ``xlsx``, returned) and is not too large. Raises :class:`InputError` otherwise."""
    where = Location.of_file(path)
    if path.is_dir():
        raise InputError.of("file.is_directory", where, path=str(path))
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise InputError.of("file.not_found", where, path=str(path)) from None
    except OSError as exc:
        raise InputError.of("file.unreadable", where, reason=exc.strerror or str(exc)) from None
    kind = sniff(path, head)
    if size > MAX_FILE_BYTES:
        raise LimitError.of("file.too_large", where, size=size, limit=MAX_FILE_BYTES)
    return kind


def read_source(path: str | Path) -> RawSource:
    """Read a meeting (or profile) file, choosing the reader by name and content."""
    path = Path(path)
    if check_file(path) == "yaml":
        from umt_reports.sources.yaml import read_yaml

        return read_yaml(path)
    from umt_reports.sources.xlsx import read_xlsx

    return read_xlsx(path)


def read_source_once(path: str | Path) -> tuple[RawSource, str]:
    """Like :func:`read_source`, plus the SHA-256 (hex) of the bytes that were read: a YAML
    file is read from disk once for both (the manifest records the digest); a workbook is
    hashed from one read and parsed by its reader."""
    import hashlib

    path = Path(path)
    kind = check_file(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError.of("file.unreadable", Location.of_file(path), reason=exc.strerror or str(exc)) from None
    digest = hashlib.sha256(data).hexdigest()
    if kind == "yaml":
        from umt_reports.sources.yaml import read_yaml_text

        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError.of("file.not_utf8", Location.of_file(path), offset=exc.start) from None
        return read_yaml_text(text, path), digest
    from umt_reports.sources.xlsx import read_xlsx

    return read_xlsx(path), digest
