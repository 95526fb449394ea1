"""Export for the state archive: one zip with the PDFs, their Phụ lục VI XML and an index.

In: an :class:`~.api.Archive` and a :class:`~.catalog.Query`. Out: a zip file::

    index.xml                    <Index> with one <Entry> per document (files, hash, key fields)
    index.csv                    the same list for a spreadsheet (UTF-8 with BOM)
    documents/0001_<name>.pdf    the stored PDF/A, byte for byte
    documents/0001_<name>.xml    its metadata (:func:`.metadata.to_xml`)

Every PDF is re-hashed while it is copied: a changed or missing file stops the export
(``archive.export_changed``) instead of sending a damaged document to the state archive.
The zip is written to a temporary file and renamed into place, and its entries carry
fixed timestamps, so the same archive content gives the same zip bytes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from umt_reports.archive.api import Archive
from umt_reports.archive.catalog import Query
from umt_reports.archive.errors import ArchiveError
from umt_reports.archive.metadata import PL6_FIELDS, SIGNER_FIELDS, Record, to_element, to_xml
from umt_reports.atomic import write_atomic
from umt_reports.errors import Location

__all__ = ["INDEX_COLUMNS", "ExportResult", "export_zip"]

_ZIP_TIME: Final = (1980, 1, 1, 0, 0, 0)
#: Columns of ``index.csv``: header and record attribute.
INDEX_COLUMNS: Final = (
    ("Id", "id"),
    *(field for field in PL6_FIELDS if field[0] != "Description"),
    *SIGNER_FIELDS,
    ("Status", "status"),
    ("Sha256", "sha256"),
)


@dataclass(frozen=True)
class ExportResult:
    """The written zip and the records it holds."""

    path: Path
    records: tuple[Record, ...]


def _stem(record: Record) -> str:
    name = Path(record.file_name).stem or "document"
    return f"{record.id or 0:04d}_{name}"


def _entry(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o100444 << 16  # -- a read-only regular file --
    zf.writestr(info, data)


def _index_xml(records: list[Record], stems: list[str]) -> bytes:
    root = ET.Element("Index", {"count": str(len(records)), "standard": "ND30/2020/ND-CP Phu luc VI"})
    for record, stem in zip(records, stems):
        entry = ET.SubElement(root, "Entry", {"id": str(record.id)})
        ET.SubElement(entry, "Pdf").text = f"documents/{stem}.pdf"
        ET.SubElement(entry, "Metadata").text = f"documents/{stem}.xml"
        entry.append(to_element(record))
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def _index_csv(records: list[Record], stems: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([header for header, _ in INDEX_COLUMNS] + ["Pdf"])
    for record, stem in zip(records, stems):
        row = []
        for _, attr in INDEX_COLUMNS:
            value = getattr(record, attr)
            row.append("" if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value)))
        writer.writerow([*row, f"documents/{stem}.pdf"])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _read_checked(archive: Archive, record: Record) -> bytes:
    path = archive.path_of(record)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArchiveError.of(
            "archive.export_changed", Location.of_file(path), id=record.id, path=record.object_name
        ) from exc
    if hashlib.sha256(data).hexdigest() != record.sha256:
        raise ArchiveError.of("archive.export_changed", Location.of_file(path), id=record.id, path=record.object_name)
    return data


def export_zip(archive: Archive, out: str | Path, query: Query | None = None) -> ExportResult:
    """Write the documents matching ``query`` (default: every current one) to the zip ``out``.

    Raises:
        ArchiveError: ``archive.export_changed`` if a stored file is missing or changed,
            ``archive.storage_failed`` if the zip cannot be written.
    """
    out = Path(out)
    records = archive.search(query)
    stems = [_stem(r) for r in records]

    def write(handle: BinaryIO) -> None:
        with zipfile.ZipFile(handle, "w") as zf:
            _entry(zf, "index.xml", _index_xml(records, stems))
            _entry(zf, "index.csv", _index_csv(records, stems))
            for record, stem in zip(records, stems):
                _entry(zf, f"documents/{stem}.pdf", _read_checked(archive, record))
                _entry(zf, f"documents/{stem}.xml", to_xml(record))

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out, write, durable=True)
    except OSError as exc:
        raise ArchiveError.of(
            "archive.storage_failed", Location.of_file(out), path=str(out), reason=exc.strerror or str(exc)
        ) from exc
    return ExportResult(out, tuple(records))
