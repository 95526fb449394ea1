"""The whole pipeline in one function: data file → meeting → documents → files + manifest.

:func:`build` reads as the pipeline it runs::

    meeting  = load_meeting(source)                 # sources/ + model/
    document = KINDS[kind](meeting, wording)        # documents/
    rendered = render(document, fmt, options)       # render/
    write everything atomically, then manifest.json # (archive/ reads the manifest)

Everything is drawn in memory first; files are written only when every document
succeeded, each to a temporary name renamed into place, so a failed build leaves
the output folder as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from umt_reports import vn
from umt_reports.api import load_meeting
from umt_reports.documents.document import Document
from umt_reports.documents.wording import Wording
from umt_reports.errors import InputError, Problem
from umt_reports.model import Meeting
from umt_reports.render import FORMATS, RenderOptions, Rendered, render

__all__ = ["BuildResult", "DocumentContext", "KINDS", "OutputFile", "build", "build_documents", "file_stem"]

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class DocumentContext:
    """What a document builder may use besides the meeting."""

    wording: Wording
    #: Folder of the data file (photos are relative to it).
    source_dir: Path | None = None


def _report(meeting: Meeting, ctx: DocumentContext) -> Document:
    from umt_reports.documents.report import build_report

    return build_report(meeting, wording=ctx.wording)


def _press(meeting: Meeting, ctx: DocumentContext) -> Document:
    from umt_reports.documents.press import build_press

    return build_press(meeting, wording=ctx.wording, source_dir=ctx.source_dir)


def _press_release(meeting: Meeting, ctx: DocumentContext) -> Document:
    from umt_reports.documents.press import build_press_release

    return build_press_release(meeting, wording=ctx.wording)


#: Document kind -> builder. Every kind renders in every format.
KINDS: dict[str, Callable[[Meeting, DocumentContext], Document]] = {
    "report": _report,
    "press": _press,
    "press-release": _press_release,
}


@dataclass(frozen=True)
class OutputFile:
    """One written file and the facts the manifest records about it."""

    path: Path
    kind: str
    format: str
    sha256: str
    document: Document
    rendered: Rendered

    def manifest_entry(self, out_dir: Path) -> dict:
        meta = self.document.meta
        entry = {
            "kind": self.kind,
            "format": self.format,
            "path": self.path.relative_to(out_dir).as_posix(),
            "sha256": self.sha256,
            "size": len(self.rendered.data),
            "title": meta.title,
            "type": meta.type_name,
            "subject": meta.subject,
            "code": meta.code,
            "number": meta.number,
            "date": meta.date.isoformat() if meta.date else None,
            "issuer": meta.issuer,
            "signer": {"name": meta.signer_name, "title": meta.signer_title} if meta.signer_name else None,
            "pages": self.rendered.pages,
        }
        if self.rendered.font:
            entry["font"] = self.rendered.font
        if self.rendered.pdfa:
            entry["pdfa"] = self.rendered.pdfa
        return entry


@dataclass
class BuildResult:
    """What a build wrote."""

    out_dir: Path
    files: list[OutputFile] = field(default_factory=list)
    manifest: Path | None = None


def file_stem(document: Document) -> str:
    """Readable ASCII file name: ``2022-06-22_bao-cao_25-BC-UBND``."""
    meta = document.meta
    parts = [meta.date.isoformat() if meta.date else "", vn.slug(meta.type_name)]
    if meta.code:
        parts.append(vn.slug(meta.code.replace("/", "-")).upper())
    return "_".join(p for p in parts if p)


def build_documents(meeting: Meeting, kinds: Iterable[str], ctx: DocumentContext | None = None) -> list[Document]:
    """The documents of ``kinds`` for ``meeting`` (no rendering, no files)."""
    ctx = ctx or DocumentContext(Wording())
    return [KINDS[kind](meeting, ctx) for kind in kinds]


def build(
    source: str | Path,
    out_dir: str | Path,
    *,
    kinds: Iterable[str] = ("report",),
    formats: Iterable[str] = ("docx",),
    templates: str | Path | None = None,
    options: RenderOptions | None = None,
    profile_dirs: Iterable[str | Path] = (),
    on_file: Callable[[OutputFile], None] | None = None,
) -> BuildResult:
    """Build every requested kind in every requested format from a data file."""
    kinds, formats = list(kinds), list(formats)
    _check_choices(kinds, formats)
    source = Path(source)
    out_dir = Path(out_dir)
    meeting = load_meeting(source, profile_dirs=profile_dirs)
    ctx = DocumentContext(Wording(Path(templates) if templates else None), source.parent)
    drawn: list[tuple[str, Document, str, Rendered]] = []
    for kind, document in zip(kinds, build_documents(meeting, kinds, ctx)):
        for fmt in formats:
            drawn.append((kind, document, fmt, render(document, fmt, options)))
    result = BuildResult(out_dir=out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for kind, document, fmt, rendered in drawn:
        path = out_dir / f"{file_stem(document)}{rendered.suffix}"
        for name, data in rendered.extras:
            _write_atomic(out_dir / name, data)
        _write_atomic(path, rendered.data)
        written = OutputFile(path, kind, fmt, hashlib.sha256(rendered.data).hexdigest(), document, rendered)
        result.files.append(written)
        if on_file:
            on_file(written)
    result.manifest = _write_manifest(out_dir, source, result.files)
    return result


def _check_choices(kinds: list[str], formats: list[str]) -> None:
    problems = []
    for kind in kinds:
        if kind not in KINDS:
            problems.append(("build.unknown_kind", {"value": kind, "allowed": ", ".join(KINDS)}))
    for fmt in formats:
        if fmt not in FORMATS:
            problems.append(("build.unknown_format", {"value": fmt, "allowed": ", ".join(FORMATS)}))
    if problems:
        raise InputError([Problem(code, None, params) for code, params in problems])


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_manifest(out_dir: Path, source: Path, files: list[OutputFile]) -> Path:
    """Merge this build's files into ``manifest.json`` (entries of other builds are kept)."""
    path = out_dir / MANIFEST
    entries: dict[str, dict] = {}
    if path.is_file():
        try:
            for entry in json.loads(path.read_text(encoding="utf-8")).get("files", []):
                if (out_dir / entry["path"]).is_file():
                    entries[entry["path"]] = entry
        except (ValueError, KeyError, TypeError, AttributeError):
            entries = {}
    source_entry = {"file": source.name, "sha256": hashlib.sha256(source.read_bytes()).hexdigest()}
    for written in files:
        entry = written.manifest_entry(out_dir)
        entry["source"] = source_entry
        entries[entry["path"]] = entry
    from umt_reports import __version__

    manifest = {"generator": f"umt-reports {__version__}", "files": sorted(entries.values(), key=lambda e: e["path"])}
    _write_atomic(path, (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return path
