"""One build of the desk, as run inside a worker process.

In: a :class:`BuildRequest` (the job folder, the data file in its ``input/``, kinds,
formats, language). Out: an :class:`Outcome` of plain values, safe to send between
processes and to store as ``job.json``: the problems worded as ``validate`` words them
(with their sheet and cell), the files written, the PDF thumbnails, the fact check's
verdict. The work itself is the public API: :func:`umt_reports.api.read_meeting_file`,
:func:`umt_reports.build.build`, :func:`umt_reports.check.check`.

Job folder::

    input/       the uploaded data file and photos
    out/         what build wrote (documents, fragment pictures, manifest.json)
    thumbs/      PNG thumbnails of the PDF pages
    progress     pages drawn so far (a number), while the build runs
    <stem>-loi.xlsx  the uploaded workbook with each problem cell marked (when it has problems)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Final

from umt_reports.errors import InputError, LimitError, Problem, ProfileError, TemplateError, UmtError

__all__ = ["BuildRequest", "FileInfo", "Outcome", "ShownProblem", "run_build"]

#: Thumbnails drawn per PDF at most (a certificate batch has one page per awardee).
MAX_THUMBS: Final = 12
#: Thumbnail scale: an A4 page (595 pt wide) becomes about 180 px wide.
THUMB_SCALE: Final = 0.3


@dataclass(frozen=True)
class BuildRequest:
    """What to build: the data file inside ``job_dir/input``, its kinds and formats."""

    job_dir: Path
    source: Path
    kinds: tuple[str, ...]
    formats: tuple[str, ...]
    lang: str = "vi"


@dataclass(frozen=True)
class ShownProblem:
    """A problem as the page shows it: ``text`` exactly as ``validate`` prints it, and its cell."""

    text: str
    sheet: str | None = None
    cell: str | None = None
    message: str = ""
    #: The place as ``validate`` prints it: ``Khen thưởng!F6`` or ``meeting.yaml:14``.
    where: str = ""


@dataclass(frozen=True)
class FileInfo:
    """One file of the job's ``out/`` folder."""

    name: str
    kind: str
    format: str
    size: int
    pages: int | None = None
    pdfa: str | None = None
    thumbs: tuple[str, ...] = ()


@dataclass
class Outcome:
    """What a build gave: ``ok`` with files, or problems (input) or ``error`` (anything else)."""

    ok: bool
    problems: list[ShownProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: list[FileInfo] = field(default_factory=list)
    #: Other files written beside the documents (fragment pictures, manifest.json).
    extras: list[str] = field(default_factory=list)
    #: The fact check: ``True`` passed, ``False`` differences listed, ``None`` not run.
    check_ok: bool | None = None
    check_lines: list[str] = field(default_factory=list)
    #: Name of the marked-up workbook in the job folder, when the input was one with problems.
    annotated: str | None = None
    #: A failure that is not the input's fault, in one line.
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Outcome:
        return cls(
            ok=bool(data.get("ok")),
            problems=[ShownProblem(**p) for p in data.get("problems", [])],
            notes=list(data.get("notes", [])),
            files=[FileInfo(**{**f, "thumbs": tuple(f.get("thumbs", ()))}) for f in data.get("files", [])],
            extras=list(data.get("extras", [])),
            check_ok=data.get("check_ok"),
            check_lines=list(data.get("check_lines", [])),
            annotated=data.get("annotated"),
            error=data.get("error"),
        )


def _shown(problems: list[Problem], lang: str) -> list[ShownProblem]:
    return [
        ShownProblem(
            p.format(lang),
            p.location.sheet if p.location else None,
            p.location.cell if p.location else None,
            p.message(lang),
            str(p.location) if p.location else "",
        )
        for p in problems
    ]


def _progress_writer(job_dir: Path) -> Callable[[int], None]:
    """The ``on_page`` callback: the pages drawn so far, in ``job_dir/progress`` (read by the job page)."""
    marker = job_dir / "progress"
    drawn = [0]

    def on_page(_page: int) -> None:
        drawn[0] += 1
        if drawn[0] % 5 == 0 or drawn[0] < 5:
            tmp = marker.with_suffix(".tmp")
            tmp.write_text(str(drawn[0]), encoding="ascii")
            os.replace(tmp, marker)

    return on_page


def run_build(request: BuildRequest) -> Outcome:
    """Validate, build, check and draw thumbnails for one job; never raises for bad input."""
    from umt_reports import api

    lang = request.lang
    try:
        raw = api.read_meeting_file(request.source)
        notes = [n.format(lang) for n in raw.notes]
        return _build(request, notes)
    except (InputError, ProfileError, TemplateError, LimitError) as error:
        outcome = Outcome(ok=False, problems=_shown(error.problems, lang))
        outcome.annotated = _annotate(request, error.problems)
        return outcome
    except UmtError as error:
        return Outcome(ok=False, problems=_shown(error.problems, lang))
    except Exception as exc:
        from umt_reports.messages import render

        return Outcome(
            ok=False, error=render("cli.internal", {"kind": type(exc).__name__, "detail": str(exc)[:200]}, lang)
        )


def _build(request: BuildRequest, notes: list[str]) -> Outcome:
    from umt_reports.build import build
    from umt_reports.render import RenderOptions

    out_dir = request.job_dir / "out"
    options = RenderOptions(on_page=_progress_writer(request.job_dir))
    result = build(request.source, out_dir, kinds=list(request.kinds), formats=list(request.formats), options=options)
    files = []
    for written in result.files:
        thumbs = _thumbnails(written.path, request.job_dir / "thumbs") if written.format == "pdf" else ()
        files.append(
            FileInfo(
                written.path.name,
                written.kind,
                written.format,
                len(written.rendered.data),
                written.rendered.pages,
                written.rendered.pdfa,
                thumbs,
            )
        )
    named = {f.name for f in files}
    extras = sorted(
        p.name for p in out_dir.iterdir() if p.is_file() and p.name not in named and not p.name.startswith(".")
    )
    outcome = Outcome(ok=True, notes=notes, files=files, extras=extras)
    _check(outcome, out_dir, request.lang)
    return outcome


def _check(outcome: Outcome, out_dir: Path, lang: str) -> None:
    """The fact check's verdict on the written documents (``umt-reports check``)."""
    from umt_reports.check import check

    try:
        result = check(out_dir)
    except UmtError as error:
        outcome.check_ok = None
        outcome.check_lines = [p.format(lang) for p in error.problems]
        return
    outcome.check_ok = result.ok
    outcome.check_lines = [p.format(lang) for p in result.problems]


def _thumbnails(pdf: Path, folder: Path) -> tuple[str, ...]:
    """PNG thumbnails of the first :data:`MAX_THUMBS` pages of ``pdf`` (pypdfium2)."""
    import pypdfium2  # type: ignore[import-untyped]

    folder.mkdir(parents=True, exist_ok=True)
    names = []
    document = pypdfium2.PdfDocument(pdf)
    try:
        for index in range(min(len(document), MAX_THUMBS)):
            page = document[index]
            image = page.render(scale=THUMB_SCALE).to_pil()
            name = f"{pdf.stem}-{index + 1}.png"
            image.save(folder / name, format="PNG", optimize=True)
            page.close()
            names.append(name)
    finally:
        document.close()
    return tuple(names)


def _annotate(request: BuildRequest, problems: list[Problem]) -> str | None:
    """Write the uploaded workbook with its problem cells marked; ``None`` for YAML or no cell."""
    if request.source.suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    from umt_reports.desk.annotate import annotate_workbook

    out = request.job_dir / f"{request.source.stem}-loi.xlsx"
    try:
        return out.name if annotate_workbook(request.source, problems, out, request.lang) else None
    except Exception:
        return None
