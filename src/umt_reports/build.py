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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from umt_reports import vn
from umt_reports.api import read_meeting_file
from umt_reports.atomic import write_many_atomic
from umt_reports.documents.document import Document
from umt_reports.documents.wording import Wording
from umt_reports.errors import InputError, Location, Problem, UmtError
from umt_reports.model import Meeting, validate
from umt_reports.render import FORMATS, Rendered, RenderOptions, render

__all__ = ["KINDS", "BuildResult", "DocumentContext", "OutputFile", "build", "build_documents", "file_stem"]

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
    "decision": lambda meeting, ctx: _commendation("decision", meeting, ctx),
    "certificates": lambda meeting, ctx: _commendation("certificates", meeting, ctx),
    "certificates-form": lambda meeting, ctx: _commendation("certificates-form", meeting, ctx),
}


def _commendation(kind: str, meeting: Meeting, ctx: DocumentContext) -> Document:
    """Quyết định khen thưởng, Giấy khen in full, or Giấy khen text for pre-printed forms."""
    from umt_reports.documents.certificates import build_certificates
    from umt_reports.documents.decision import build_decision

    if kind == "decision":
        return build_decision(meeting, wording=ctx.wording)
    return build_certificates(meeting, wording=ctx.wording, print_on_form=kind == "certificates-form")


@dataclass(frozen=True)
class OutputFile:
    """One written file and the facts the manifest records about it."""

    path: Path
    kind: str
    format: str
    sha256: str
    document: Document
    rendered: Rendered

    def manifest_entry(self, out_dir: Path) -> dict[str, Any]:
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
    #: Notices met while reading the data that are not errors (legacy text converted, hidden rows read).
    notes: list[Problem] = field(default_factory=list)


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
    before_write: Callable[[BuildResult], None] | None = None,
) -> BuildResult:
    """Build every requested kind in every requested format from a data file.

    ``before_write`` sees the result when every file is drawn and none is written yet; an
    error it raises stops the build with nothing written (``build --archive`` checks there
    that the archive will take the PDFs).
    """
    kinds, formats = list(kinds), list(formats)
    _check_choices(kinds, formats)
    source = Path(source)
    out_dir = Path(out_dir)
    raw = read_meeting_file(source)
    meeting = validate(raw, profile_dirs=[Path(p) for p in profile_dirs])
    ctx = DocumentContext(Wording(Path(templates) if templates else None), source.parent)
    drawn: list[tuple[str, Document, str, Rendered]] = []
    for kind, document in zip(kinds, build_documents(meeting, kinds, ctx)):
        # -- files written beside a document (fragment pictures) carry its stem: two
        #    fragments in one folder never share ``anh-1.jpg`` --
        own = replace(options or RenderOptions(), asset_prefix=f"{file_stem(document)}_")
        for fmt in formats:
            drawn.append((kind, document, fmt, render(document, fmt, own)))
    result = BuildResult(out_dir=out_dir, notes=list(raw.notes))
    files: list[tuple[Path, bytes]] = []
    for kind, document, fmt, rendered in drawn:
        path = out_dir / f"{file_stem(document)}{rendered.suffix}"
        files += [(out_dir / name, data) for name, data in rendered.extras]
        files.append((path, rendered.data))
        result.files.append(OutputFile(path, kind, fmt, hashlib.sha256(rendered.data).hexdigest(), document, rendered))
    result.manifest = out_dir / MANIFEST
    files.append((result.manifest, _manifest_bytes(out_dir, source, result.files)))
    if before_write is not None:
        before_write(result)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UmtError.of("build.write_failed", Location.of_file(out_dir), path=str(out_dir), reason=_reason(exc)) from None
    _write_all(files)
    if on_file:
        for written in result.files:
            on_file(written)
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


def _write_all(files: list[tuple[Path, bytes]]) -> None:
    """Write every file, or none: all go to temporary names first, then are renamed.

    A failure while writing (a full disk, a locked folder) removes the temporary files
    and leaves the folder as it was; only the renames, which cannot run out of space,
    come after the first change.
    """
    try:
        write_many_atomic(list(files))
    except OSError as exc:
        where = Location.of_file(Path(exc.filename or files[0][0]))
        raise UmtError.of("build.write_failed", where, path=str(where), reason=_reason(exc)) from None


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _relative_to(path: Path, folder: Path) -> str:
    """``path`` as seen from ``folder`` (``../samples/x/meeting.yaml``), or absolute when
    they share no root (another drive)."""
    target, base = path.resolve(), folder.resolve()
    try:
        return Path(os.path.relpath(target, base)).as_posix()
    except ValueError:
        return target.as_posix()


def _manifest_bytes(out_dir: Path, source: Path, files: list[OutputFile]) -> bytes:
    """``manifest.json`` with this build's files merged in (entries of other builds whose
    files still exist are kept)."""
    path = out_dir / MANIFEST
    entries: dict[str, dict[str, Any]] = {}
    if path.is_file():
        try:
            for entry in json.loads(path.read_text(encoding="utf-8")).get("files", []):
                if (out_dir / entry["path"]).is_file():
                    entries[entry["path"]] = entry
        except (ValueError, KeyError, TypeError, AttributeError):
            entries = {}
    # -- ``path`` (relative to the output folder, else absolute) lets ``umt-reports check``
    #    find the data again; ``file`` stays the bare name the archive records --
    source_entry = {
        "file": source.name,
        "path": _relative_to(source, out_dir),
        "sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
    }
    for written in files:
        entry = written.manifest_entry(out_dir)
        entry["source"] = source_entry
        entries[entry["path"]] = entry
    from umt_reports import __version__

    manifest = {"generator": f"umt-reports {__version__}", "files": sorted(entries.values(), key=lambda e: e["path"])}
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
