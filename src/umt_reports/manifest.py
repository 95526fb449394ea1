"""``manifest.json``: what a build wrote, as one typed model with one reader and one writer.

The build writes it (:func:`manifest_bytes`), ``check`` and the archive read it
(:func:`read_manifest`). One :class:`Entry` per file: its kind, format, path (relative to
the folder), SHA-256 and size, the document's facts (title, number, date, issuer, signer),
the data file it was drawn from (:class:`SourceRecord`) and the drawing options a second
drawing needs (:class:`DrawOptions`). Keys this version does not know are kept as they are.

In: the folder's ``manifest.json`` bytes. Out: a :class:`Manifest`; a file that is not one
raises :class:`ManifestError` (a ``ValueError`` with the reason), which each caller turns
into its own located problem.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

__all__ = [
    "MANIFEST",
    "DrawOptions",
    "Entry",
    "Manifest",
    "ManifestError",
    "SourceRecord",
    "manifest_bytes",
    "read_manifest",
    "relative_path",
]

MANIFEST = "manifest.json"
_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


class ManifestError(ValueError):
    """The file is not a manifest this toolkit wrote (the message says why)."""


@dataclass(frozen=True)
class SourceRecord:
    """The data file a document was drawn from: bare name, path from the folder, SHA-256."""

    file: str
    path: str | None = None
    sha256: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "path": self.path, "sha256": self.sha256}


@dataclass(frozen=True)
class DrawOptions:
    """The choices a document was drawn with, so that ``check`` can draw it again the same way.

    ``font`` is the font asked for (``--font``), ``templates`` the ``--templates`` folder as a
    path from the output folder (``None``: the default templates).
    """

    font: str | None = None
    templates: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {key: value for key, value in (("font", self.font), ("templates", self.templates)) if value}


@dataclass(frozen=True)
class Entry:
    """One file of a build."""

    kind: str
    format: str
    path: str
    sha256: str | None = None
    size: int | None = None
    title: str | None = None
    type: str | None = None
    subject: str | None = None
    code: str | None = None
    number: int | None = None
    date: str | None = None
    issuer: str | None = None
    signer: dict[str, Any] | None = None
    pages: int | None = None
    font: str | None = None
    pdfa: str | None = None
    source: SourceRecord | None = None
    options: DrawOptions = field(default_factory=DrawOptions)
    #: The digital signatures made in this file (see :mod:`umt_reports.sign.manifest`).
    signatures: tuple[dict[str, Any], ...] = ()
    #: Keys this version does not know, kept as read.
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def sha256_ok(self) -> bool:
        """Whether the recorded SHA-256 is one (64 hex digits)."""
        return self.sha256 is not None and bool(_SHA256.match(self.sha256))

    def file_in(self, folder: Path) -> Path | None:
        """The file this entry names inside ``folder``, or ``None`` when its path leaves the folder
        (``../../etc/passwd``, an absolute path, a link pointing outside)."""
        if not self.path or Path(self.path).is_absolute() or "\\" in self.path or ":" in self.path:
            return None
        base = folder.resolve()
        target = (base / self.path).resolve()
        return target if target.is_relative_to(base) and target != base else None

    def to_json(self) -> dict[str, Any]:
        """The entry as ``manifest.json`` writes it (the archive reads this mapping too)."""
        data: dict[str, Any] = {
            "kind": self.kind,
            "format": self.format,
            "path": self.path,
            "sha256": self.sha256,
            "size": self.size,
            "title": self.title,
            "type": self.type,
            "subject": self.subject,
            "code": self.code,
            "number": self.number,
            "date": self.date,
            "issuer": self.issuer,
            "signer": self.signer,
            "pages": self.pages,
        }
        if self.font:
            data["font"] = self.font
        if self.pdfa:
            data["pdfa"] = self.pdfa
        if self.source is not None:
            data["source"] = self.source.to_json()
        options = self.options.to_json()
        if options:
            data["options"] = options
        if self.signatures:
            data["signatures"] = [dict(record) for record in self.signatures]
        return {**self.extra, **data}


@dataclass(frozen=True)
class Manifest:
    """Every file of an output folder, sorted by path."""

    generator: str
    files: tuple[Entry, ...] = ()

    def merged(self, newer: list[Entry], folder: Path) -> Manifest:
        """This manifest with ``newer`` entries in (same path: replaced), keeping only older
        entries whose files still exist in ``folder``."""
        entries = {e.path: e for e in self.files if (f := e.file_in(folder)) is not None and f.is_file()}
        entries.update((e.path, e) for e in newer)
        return replace(self, files=tuple(sorted(entries.values(), key=lambda e: e.path)))


def manifest_bytes(manifest: Manifest) -> bytes:
    """The one writer: ``manifest.json`` as UTF-8 JSON, indented, non-ASCII kept."""
    data = {"generator": manifest.generator, "files": [entry.to_json() for entry in manifest.files]}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_manifest(path: Path) -> Manifest:
    """The one reader: the manifest at ``path``.

    Raises:
        ManifestError: unreadable file, not JSON, or not the shape :func:`manifest_bytes` writes.
        FileNotFoundError: there is no file at ``path``.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise ManifestError(exc.strerror or str(exc)) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ManifestError(str(exc)[:200]) from None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list):
        raise ManifestError('expected {"files": [{"path": ..., "kind": ..., "format": ...}, ...]}')
    generator = data.get("generator")
    return Manifest(
        str(generator) if generator is not None else "", tuple(_entry(i, item) for i, item in enumerate(files))
    )


_TEXT_KEYS = ("sha256", "title", "type", "subject", "code", "date", "issuer", "font", "pdfa")
_INT_KEYS = ("size", "number", "pages")


def _entry(index: int, item: Any) -> Entry:
    if not isinstance(item, dict):
        raise ManifestError(f"files[{index}]: expected an object")
    for key in ("path", "kind", "format"):
        if not isinstance(item.get(key), str):
            raise ManifestError(f"files[{index}].{key}: expected text")
    values: dict[str, Any] = {}
    for key in _TEXT_KEYS:
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            raise ManifestError(f"files[{index}].{key}: expected text")
        values[key] = value
    for key in _INT_KEYS:
        value = item.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise ManifestError(f"files[{index}].{key}: expected a whole number")
        values[key] = value
    signer = item.get("signer")
    if signer is not None and not isinstance(signer, dict):
        raise ManifestError(f"files[{index}].signer: expected an object")
    signatures = item.get("signatures", [])
    if not isinstance(signatures, list) or not all(isinstance(record, dict) for record in signatures):
        raise ManifestError(f"files[{index}].signatures: expected a list of objects")
    known = {"path", "kind", "format", "signer", "source", "options", "signatures", *_TEXT_KEYS, *_INT_KEYS}
    return Entry(
        kind=item["kind"],
        format=item["format"],
        path=item["path"],
        signer=signer,
        source=_source(index, item.get("source")),
        options=_options(index, item.get("options")),
        signatures=tuple(signatures),
        extra={k: v for k, v in item.items() if k not in known},
        **values,
    )


def _text(index: int, where: str, value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ManifestError(f"files[{index}].{where}: expected text")
    return value


def _source(index: int, value: Any) -> SourceRecord | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ManifestError(f"files[{index}].source: expected an object")
    return SourceRecord(
        file=_text(index, "source.file", value.get("file")) or "",
        path=_text(index, "source.path", value.get("path")),
        sha256=_text(index, "source.sha256", value.get("sha256")),
    )


def _options(index: int, value: Any) -> DrawOptions:
    if value is None:
        return DrawOptions()
    if not isinstance(value, dict):
        raise ManifestError(f"files[{index}].options: expected an object")
    return DrawOptions(
        font=_text(index, "options.font", value.get("font")),
        templates=_text(index, "options.templates", value.get("templates")),
    )


def relative_path(path: Path, folder: Path) -> str:
    """``path`` as seen from ``folder`` (``../samples/x/meeting.yaml``), or absolute when they
    share no root (another drive)."""
    target, base = path.resolve(), folder.resolve()
    try:
        return Path(os.path.relpath(target, base)).as_posix()
    except ValueError:
        return target.as_posix()
