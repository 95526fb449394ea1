"""The whole pipeline in one function: data file → meeting → documents → files + manifest.

:func:`build` reads as the pipeline it runs::

    meeting  = load_meeting(source)                 # sources/ + model/
    document = get_kind(kind).build(meeting, ctx)   # documents/ (the kinds registry)
    rendered = FORMATS[fmt].render(document, opts)  # render/ (the formats table)
    write everything atomically, then manifest.json # (archive/ reads the manifest)

Everything is drawn in memory first; files are written only when every document
succeeded, each to a temporary name renamed into place, so a failed build leaves
the output folder as it was.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from itertools import zip_longest
from pathlib import Path
from typing import Any

from umt_reports import vn
from umt_reports.atomic import write_many_atomic
from umt_reports.documents.document import Document
from umt_reports.documents.kinds import KINDS, DocumentContext, Kind, get_kind
from umt_reports.errors import InputError, Location, Problem, UmtError
from umt_reports.manifest import (
    MANIFEST,
    DrawOptions,
    Entry,
    Manifest,
    ManifestError,
    SourceRecord,
    manifest_bytes,
    read_manifest,
    relative_path,
)
from umt_reports.model import Meeting
from umt_reports.render import FORMATS, Rendered, RenderOptions, get_format, render
from umt_reports.sources.raw import RawSource
from umt_reports.sources.where import locate_problems
from umt_reports.warm import shared_wording

__all__ = [
    "BuildResult",
    "DocumentContext",
    "KINDS",
    "OutputFile",
    "StartedBuild",
    "build",
    "build_documents",
    "check_choices",
    "check_needs",
    "choose",
    "file_stem",
    "render_formats",
    "start_build",
]

#: Characters of a file name's stem (ASCII, so bytes too).
_STEM_LIMIT = 120


@dataclass(frozen=True)
class OutputFile:
    """One written file and the facts the manifest records about it."""

    path: Path
    kind: str
    format: str
    sha256: str
    document: Document
    rendered: Rendered
    #: The signatures the build made in this file (see :mod:`umt_reports.sign.manifest`).
    signatures: tuple[dict[str, Any], ...] = ()

    def entry(self, out_dir: Path, source: SourceRecord, options: DrawOptions) -> Entry:
        """This file's manifest entry."""
        meta = self.document.meta
        return Entry(
            kind=self.kind,
            format=self.format,
            path=self.path.relative_to(out_dir).as_posix(),
            sha256=self.sha256,
            size=len(self.rendered.data),
            title=meta.title,
            type=meta.type_name,
            subject=meta.subject,
            code=meta.code,
            number=meta.number,
            date=meta.date.isoformat() if meta.date else None,
            issuer=meta.issuer,
            signer={"name": meta.signer_name, "title": meta.signer_title} if meta.signer_name else None,
            pages=self.rendered.pages,
            font=self.rendered.font,
            pdfa=self.rendered.pdfa,
            source=source,
            options=options,
            signatures=self.signatures,
        )


@dataclass
class BuildResult:
    """What a build wrote."""

    out_dir: Path
    files: list[OutputFile] = field(default_factory=list)
    manifest: Path | None = None
    #: Notices that did not stop the build: kinds asked for in a format they lack
    #: (``build.format_skipped``), a photo only the news item prints, a signer taken from
    #: the profile, an award that gets no Giấy khen page.
    notes: list[Problem] = field(default_factory=list)


def file_stem(document: Document) -> str:
    """Readable ASCII file name: ``2022-06-22_bao-cao_25-BC-UBND``."""
    meta = document.meta
    parts = [meta.date.isoformat() if meta.date else "", vn.slug(meta.type_name)]
    if meta.code:
        parts.append(vn.slug(meta.code.replace("/", "-")).upper())
    # -- a file name stays well inside the 255 bytes every file system allows, with room
    #    for a suffix (``.fragment.html``) and a picture's ``_anh-12.jpg`` --
    return vn.shorten("_".join(p for p in parts if p), _STEM_LIMIT, mark="").rstrip("-_")


def build_documents(meeting: Meeting, kinds: Iterable[str], ctx: DocumentContext | None = None) -> list[Document]:
    """The documents of ``kinds`` (names as :func:`~umt_reports.documents.kinds.get_kind` takes
    them) for ``meeting`` (no rendering, no files)."""
    ctx = ctx or DocumentContext(shared_wording())
    chosen = [get_kind(kind) for kind in kinds]
    return [kind.build(meeting, ctx) for kind in chosen if kind is not None]


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
    sign: Callable[[bytes, str], tuple[bytes, list[dict[str, Any]]]] | None = None,
    before_write: Callable[[BuildResult], None] | None = None,
) -> BuildResult:
    """Build every requested kind in every requested format it has, from a data file.

    A kind asked for in a format it lacks (Giấy khen as HTML) is left out with a note in
    :attr:`BuildResult.notes`; the others are built.

    ``sign`` (see :func:`umt_reports.sign.cli.build_signing`) signs each PDF after PDF/A and
    before the manifest: it gets the bytes and the file name and gives the signed bytes and
    the manifest's records of their signatures (a PDF without a signer block comes back as is).
    ``before_write`` sees the result when every file is drawn and none is written yet; an
    error it raises stops the build with nothing written (``build --archive`` checks there
    that the archive will take the PDFs).

    Raises:
        InputError: an unknown kind or format, nothing buildable, data a kind needs missing,
            or invalid data.
    """
    started = start_build(
        source,
        out_dir,
        kinds=kinds,
        formats=formats,
        templates=templates,
        options=options,
        profile_dirs=profile_dirs,
    )
    return started.finish(on_file=on_file, sign=sign, before_write=before_write)


def start_build(
    source: str | Path,
    out_dir: str | Path,
    *,
    kinds: Iterable[str] = ("report",),
    formats: Iterable[str] = ("docx",),
    templates: str | Path | None = None,
    options: RenderOptions | None = None,
    profile_dirs: Iterable[str | Path] = (),
) -> StartedBuild:
    """The first half of :func:`build`: the data read and checked, the documents made, the
    formats drawn here, the PDFs sent to the helper process. Nothing is written until
    :meth:`StartedBuild.finish`; a batch starts the next meeting while the helper draws
    this one's PDFs.

    Raises:
        InputError: as :func:`build`.
    """
    pairs, notes = choose(kinds, formats)
    options = options or RenderOptions()
    source = Path(source)
    out_dir = Path(out_dir)
    wanted = list(dict.fromkeys(kind for kind, _ in pairs))
    if _helps([fmt for _, fmt in pairs], len(pairs)):
        # -- fork the PDF helper now: it gets ready to draw while we read the data --
        from umt_reports.render.pdfa_helper import start_helper

        start_helper(str(options.font) if options.font else None)
    meeting, raw, digest, data_notes = _load_for(source, wanted, profile_dirs)
    check_needs(meeting, wanted, source)
    ctx = DocumentContext(shared_wording(templates), source.parent)
    planned: list[tuple[str, Document, str, RenderOptions]] = []
    documents: dict[str, Document] = {}
    try:
        for kind, fmt in pairs:
            if kind not in documents:
                documents[kind] = KINDS[kind].build(meeting, ctx)
            document = documents[kind]
            # -- files written beside a document (fragment pictures) carry its stem: two
            #    fragments in one folder never share ``anh-1.jpg`` --
            own = replace(options, asset_prefix=f"{file_stem(document)}_")
            planned.append((kind, document, fmt, own))
        rendering = _start_all([(document, fmt, own) for _, document, fmt, own in planned])
    except UmtError as error:  # -- a text a document or renderer refused: name its place --
        raise locate_problems(error, raw) from None
    return StartedBuild(
        source=source,
        out_dir=out_dir,
        templates=Path(templates) if templates else None,
        options=options,
        raw=raw,
        digest=digest,
        notes=[*notes, *data_notes],
        planned=[(kind, document, fmt) for kind, document, fmt, _ in planned],
        rendering=rendering,
    )


@dataclass
class StartedBuild:
    """A build whose documents are made and whose drawing is under way (see :func:`start_build`)."""

    source: Path
    out_dir: Path
    templates: Path | None
    options: RenderOptions
    raw: RawSource
    digest: str
    notes: list[Problem]
    #: (kind, document, format) in the order the files are listed.
    planned: list[tuple[str, Document, str]]
    #: Gives every rendering once the PDFs are in and valid.
    rendering: Callable[[], list[Rendered]]

    def finish(
        self,
        *,
        on_file: Callable[[OutputFile], None] | None = None,
        sign: Callable[[bytes, str], tuple[bytes, list[dict[str, Any]]]] | None = None,
        before_write: Callable[[BuildResult], None] | None = None,
    ) -> BuildResult:
        """Wait for the PDFs, sign them (``sign``), write every file and the manifest, or none
        (see :func:`build` for the arguments)."""
        out_dir, options, templates = self.out_dir, self.options, self.templates
        try:
            rendered_all = self.rendering()
        except UmtError as error:  # -- a text the PDF renderer refused: name its place --
            raise locate_problems(error, self.raw) from None
        drawn: list[tuple[str, Document, str, Rendered, tuple[dict[str, Any], ...]]] = []
        for (kind, document, fmt), rendered in zip(self.planned, rendered_all):
            signatures: tuple[dict[str, Any], ...] = ()
            if sign is not None and fmt == "pdf":  # -- after PDF/A, before the manifest --
                data, records = sign(rendered.data, f"{file_stem(document)}{rendered.suffix}")
                rendered, signatures = replace(rendered, data=data), tuple(records)
            drawn.append((kind, document, fmt, rendered, signatures))
        result = BuildResult(out_dir=out_dir, notes=self.notes)
        files: list[tuple[Path, bytes]] = []
        for kind, document, fmt, rendered, signatures in drawn:
            path = out_dir / f"{file_stem(document)}{rendered.suffix}"
            files += [(out_dir / name, data) for name, data in rendered.extras]
            files.append((path, rendered.data))
            result.files.append(
                OutputFile(path, kind, fmt, hashlib.sha256(rendered.data).hexdigest(), document, rendered, signatures)
            )
        result.manifest = out_dir / MANIFEST
        drawn_with = DrawOptions(
            font=str(options.font) if options.font else None,
            templates=relative_path(templates, out_dir) if templates else None,
        )
        files.append((result.manifest, _manifest_bytes(out_dir, self.source, self.digest, result.files, drawn_with)))
        if before_write is not None:
            before_write(result)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UmtError.of(
                "build.write_failed", Location.of_file(out_dir), path=str(out_dir), reason=_reason(exc)
            ) from None
        _write_all(files)
        if on_file:
            for written in result.files:
                on_file(written)
        return result


def render_formats(document: Document, formats: Iterable[str], options: RenderOptions | None = None) -> list[Rendered]:
    """``document`` drawn in each of ``formats`` (in that order), PDFs validated as PDF/A-2b:
    the warm path of the desk and the benchmarks. As in :func:`build`, PDFs are drawn first
    and validated on another core while the other formats are drawn."""
    return _start_all([(document, fmt, options or RenderOptions()) for fmt in formats])()


def _start_all(jobs: list[tuple[Document, str, RenderOptions]]) -> Callable[[], list[Rendered]]:
    """Every (document, format, options) drawn or on its way; the returned call gives them all,
    and never before every PDF passed validation.

    With something else to draw, the PDFs go to the helper process of
    :mod:`umt_reports.render.pdfa_helper` (when one may be used), one at a time, each while
    another format is drawn here; a PDF that reports its pages as it goes, or one that finds
    the helper still busy with earlier ones (a batch), is drawn here and validated there.
    """
    from umt_reports.render.pdfa_helper import Drawing, Finishing, helper

    process = helper() if _helps([fmt for _, fmt, _ in jobs], len(jobs)) else None
    drawing, finishing = Drawing(process), Finishing(process)
    # -- a PDF, then another format drawn here while the helper draws it, then the next PDF --
    pdfs = [i for i, job in enumerate(jobs) if job[1] == "pdf"]
    others = [i for i, job in enumerate(jobs) if job[1] != "pdf"]
    order = [i for pair in zip_longest(pdfs, others) for i in pair if i is not None]
    done: dict[int, Rendered] = {}
    pending: dict[int, Callable[[], Rendered]] = {}
    for i in order:
        document, fmt, own = jobs[i]
        if fmt == "pdf" and process is not None and own.on_page is None and not drawing.busy():
            pending[i] = drawing.start(document, own)
            continue
        if fmt == "pdf" and process is not None:
            own = replace(own, pdfa_finish=finishing.start)
        done[i] = render(document, fmt, own)

    def collect() -> list[Rendered]:
        for i, take in pending.items():
            done[i] = take()
        for i, rendered in done.items():  # -- every PDF/A is in and valid before anything is written --
            if rendered.pending is not None:
                done[i] = replace(rendered, data=rendered.pending(), pending=None)
        return [done[i] for i in range(len(jobs))]

    return collect


def _helps(formats: list[str], renders: int) -> bool:
    """Whether the PDF/A helper process takes the PDFs: there is a PDF and something else to
    draw meanwhile, or the helper was started ahead (by a command, whose data is read while the
    helper imports; by a batch on two cores, whose next meeting is read while it draws)."""
    from umt_reports.render.pdfa_helper import running

    return "pdf" in formats and (renders > 1 or running())


def _load_for(
    source: Path, kinds: list[str], profile_dirs: Iterable[str | Path]
) -> tuple[Meeting, RawSource, str, list[Problem]]:
    """The validated meeting, the data it came from (for places), the SHA-256 of the file (read
    once) and the notes of building ``kinds`` from it; raises
    :class:`InputError` when the data lacks what one of the kinds needs (with its place)."""
    from umt_reports.model.needs import kind_problems
    from umt_reports.model.validate import validate
    from umt_reports.sources import read_source_once

    raw, digest = read_source_once(source)
    meeting = validate(raw, profile_dirs=[Path(p) for p in profile_dirs], photos=False, kinds=kinds)
    errors, notes = kind_problems(meeting, raw, kinds)
    if errors:
        raise InputError(errors)
    return meeting, raw, digest, [*raw.notes, *notes]


def choose(kinds: Iterable[str], formats: Iterable[str]) -> tuple[list[tuple[str, str]], list[Problem]]:
    """The (kind, format) pairs to draw for a request, and notes on the pairs left out.

    Kinds are named as :func:`~umt_reports.documents.kinds.get_kind` accepts (``bao-cao``
    too); the pairs carry the kinds' own names.

    Raises:
        InputError: an unknown or empty kind or format, or no pair left to draw.
    """
    problems: list[Problem] = []
    chosen_kinds: list[Kind] = []
    chosen_formats: list[str] = []
    kinds, formats = list(kinds), list(formats)
    for name in kinds:
        kind = get_kind(name)
        if kind is None:
            problems.append(Problem("build.unknown_kind", None, {"value": name, "allowed": ", ".join(KINDS)}))
        elif kind not in chosen_kinds:
            chosen_kinds.append(kind)
    for name in formats:
        row = get_format(name)
        if row is None:
            problems.append(Problem("build.unknown_format", None, {"value": name, "allowed": ", ".join(FORMATS)}))
        elif row.name not in chosen_formats:
            chosen_formats.append(row.name)
    if not kinds:  # -- `--kind ''` would build nothing and write an empty manifest --
        problems.append(Problem("build.no_kind", None, {"allowed": ", ".join(KINDS)}))
    if not formats:
        problems.append(Problem("build.no_format", None, {"allowed": ", ".join(FORMATS)}))
    if problems:
        raise InputError(problems)
    pairs: list[tuple[str, str]] = []
    notes: list[Problem] = []
    for kind in chosen_kinds:
        lacking = [fmt for fmt in chosen_formats if fmt not in kind.formats]
        pairs += [(kind.name, fmt) for fmt in chosen_formats if fmt in kind.formats]
        if lacking:
            notes.append(
                Problem(
                    "build.format_skipped",
                    None,
                    {
                        "kind": kind.vn_name,
                        "name": kind.name,
                        "formats": ", ".join(lacking),
                        "allowed": ", ".join(kind.formats),
                    },
                )
            )
    if not pairs:
        raise InputError(
            [
                Problem(
                    "build.no_pair",
                    None,
                    {
                        "kind": kind.vn_name,
                        "name": kind.name,
                        "formats": ", ".join(chosen_formats),
                        "allowed": ", ".join(kind.formats),
                    },
                )
                for kind in chosen_kinds
            ]
        )
    return pairs, notes


def check_needs(meeting: Meeting, kinds: list[str], source: Path) -> None:
    """Every kind's data is there, or an :class:`InputError` names the sheets missing
    (``kinds``: the kinds' own names)."""
    problems = [
        Problem(
            "build.kind_needs",
            Location.of_file(source),
            {"kind": KINDS[name].vn_name, "name": name, "parts": ", ".join(missing)},
        )
        for name in kinds
        if (missing := KINDS[name].missing(meeting))
    ]
    if problems:
        raise InputError(problems)


def check_choices(kinds: Iterable[str], formats: Iterable[str]) -> None:
    """The check of ``build``'s kinds and formats, for front ends that build in other ways
    (batches): raises :class:`InputError` as :func:`build` would."""
    choose(kinds, formats)


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


def _manifest_bytes(out_dir: Path, source: Path, digest: str, files: list[OutputFile], options: DrawOptions) -> bytes:
    """``manifest.json`` with this build's files merged in (entries of other builds whose
    files still exist are kept; an unreadable manifest is replaced)."""
    from umt_reports import __version__

    try:
        earlier = read_manifest(out_dir / MANIFEST)
    except (FileNotFoundError, ManifestError):
        earlier = Manifest("")
    # -- ``path`` (relative to the output folder, else absolute) lets ``umt-reports check``
    #    find the data again; ``file`` stays the bare name the archive records --
    record = SourceRecord(source.name, relative_path(source, out_dir), digest)
    entries = [written.entry(out_dir, record, options) for written in files]
    merged = replace(earlier.merged(entries, out_dir), generator=f"umt-reports {__version__}")
    return manifest_bytes(merged)
