"""The manifest follows the signed file: ``manifest.json`` beside it records its signatures.

In: the input and output paths of ``sign`` and the signed bytes. Out: the output file and,
when the input is listed in a ``manifest.json`` of the same folder, that manifest with the
entry moved to the output (its path, SHA-256 and size updated, ``signatures`` listed),
written together (all or nothing). From then on the signed file *is* the document, so
``archive add DIR`` stores the signed version.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from typing import Any

from umt_reports.manifest import MANIFEST, ManifestError, manifest_bytes, read_manifest
from umt_reports.sign.verify import SignatureInfo, list_signatures

__all__ = ["role_of", "signature_records", "write_signed"]


def role_of(field: str) -> str | None:
    """``person``/``organisation``/``attachment`` from the field names :mod:`.signer` gives."""
    parts = field.split("-")
    return parts[1] if len(parts) == 3 and parts[0] == "Signature" else None


def signature_records(data: bytes) -> list[dict[str, Any]]:
    """What the manifest records about each signature of ``data`` (no trust decision: that
    depends on the roots the reader trusts; ``umt-reports signatures`` makes it)."""
    return [_record(info) for info in list_signatures(data, [])]


def _record(info: SignatureInfo) -> dict[str, Any]:
    return {
        "field": info.field,
        "role": role_of(info.field),
        "subject": info.subject,
        "fingerprint_sha256": info.fingerprint,
        "signed_at": info.signed_at,
        "timestamp": info.timestamp,
        "revision": info.revision,
        "intact": info.intact,
    }


def _manifest_with(manifest: Path, source: Path, out: Path, data: bytes) -> bytes | None:
    """The manifest's new bytes with ``source``'s entry moved to ``out``; ``None`` when the
    manifest does not list ``source`` (or cannot be read: it is then left alone)."""
    try:
        read = read_manifest(manifest)
    except (OSError, ManifestError):
        return None
    entry = next((e for e in read.files if e.path == source.name), None)
    if entry is None:
        return None
    moved = replace(
        entry,
        path=out.name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        signatures=tuple(signature_records(data)),
    )
    kept = [e for e in read.files if e is not entry and e.path != out.name]
    return manifest_bytes(replace(read, files=tuple(sorted([*kept, moved], key=lambda e: e.path))))


def write_signed(source: Path, out: Path, data: bytes) -> Path | None:
    """Write ``data`` to ``out``; move ``source``'s manifest entry when both share a folder.

    Returns the manifest written, if any. Both files are written or neither.

    Raises:
        UmtError: ``build.write_failed`` when the folder cannot be written.
    """
    from umt_reports.build import _write_all

    files: list[tuple[Path, bytes]] = [(out, data)]
    manifest = source.parent / MANIFEST
    written: Path | None = None
    if out.parent.resolve() == source.parent.resolve() and manifest.is_file():
        moved = _manifest_with(manifest, source, out, data)
        if moved is not None:
            files.append((manifest, moved))
            written = manifest
    _write_all(files)
    return written
