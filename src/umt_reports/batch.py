"""Many meetings in one run: every data file built on its own, on every core.

In: data files and folders (a folder stands for the ``.yaml``/``.yml``/``.xlsx``/``.xlsm``
files directly inside it), an output folder and the build choices. Out: one
:class:`MeetingOutcome` per data file, in input order.

With one data file the documents go straight into the output folder, as a single
build always did; with several (or a folder) each meeting goes to
``<out>/<data-file-stem>/`` with its own ``manifest.json``. Each meeting is all or
nothing on its own (:func:`umt_reports.build.build` writes nothing when it fails):
a wrong meeting is reported with every problem and its place, and the others are
still built.

Two ways to use the cores:

- **a pair** (two cores and PDFs, see :func:`paired`): this process reads each meeting
  and draws its other formats while the PDF/A helper process draws and validates its
  PDFs; a meeting is written while the next ones are drawn, and a PDF is drawn here
  when the helper is behind. Each of the two imports only its half of the toolkit;
- **a pool** (more cores, or no PDF): processes forked from this one once it has
  imported the renderers, found the fonts and parsed the templates (:func:`warm_up`),
  so every worker starts warm; on systems without ``fork`` it falls back to the
  platform's start method.

The API is small so that other front ends (the web desk) can run the same batches::

    jobs = plan_jobs(collect_inputs(paths), out_dir)
    for outcome in run_batch(jobs, BuildChoices(kinds=("report",), formats=("docx", "pdf"))):
        ...
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from umt_reports.errors import InputError, Location, Problem, UmtError

__all__ = [
    "DATA_SUFFIXES",
    "BuildChoices",
    "MeetingJob",
    "MeetingOutcome",
    "build_one",
    "collect_inputs",
    "default_jobs",
    "init_worker",
    "paired",
    "plan_jobs",
    "run_batch",
    "start_one",
    "warm_up",
]

#: Suffixes of the data files a folder contributes (``~$`` lock files of Excel are skipped).
DATA_SUFFIXES = (".yaml", ".yml", ".xlsx", ".xlsm")

#: How an outcome failed: ``input`` (the data, a profile or a template is wrong: exit 2),
#: ``failed`` (another stated failure: font, PDF/A, disk), ``internal`` (a bug).
Failure = Literal["input", "failed", "internal"]


@dataclass(frozen=True)
class BuildChoices:
    """What to build for every meeting (the options of ``umt-reports build``)."""

    kinds: tuple[str, ...] = ("report",)
    formats: tuple[str, ...] = ("docx",)
    templates: Path | None = None
    font: str | None = None
    profile_dirs: tuple[Path, ...] = ()


@dataclass(frozen=True)
class MeetingJob:
    """One data file and the folder its documents go to."""

    source: Path
    out_dir: Path


@dataclass(frozen=True)
class FileSummary:
    """One written file, as the parent process needs it (no document bytes cross the pool)."""

    path: Path
    kind: str
    format: str
    pages: int | None


@dataclass
class MeetingOutcome:
    """What happened to one meeting."""

    job: MeetingJob
    files: list[FileSummary] = field(default_factory=list)
    manifest: Path | None = None
    #: Wall time of this meeting's build, in seconds (inside its worker).
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    failure: Failure | None = None
    #: For ``internal`` failures: the exception's class and text (no traceback).
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.failure is None

    @property
    def documents(self) -> int:
        """Documents drawn (a document written as DOCX and PDF counts once)."""
        return len({(f.kind, f.path.stem) for f in self.files})

    @property
    def pages(self) -> int:
        """PDF pages written (formats without pages count nothing)."""
        return sum(f.pages or 0 for f in self.files if f.format == "pdf")


# -- inputs ---------------------------------------------------------------------------


def collect_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """The data files named by ``paths``: files as given, folders as their data files
    (sorted by name, not recursive). A path that does not exist is kept, so that its
    build reports it as a located problem; an empty folder is an :class:`InputError`."""
    found: list[Path] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = sorted(
                p
                for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in DATA_SUFFIXES and not p.name.startswith((".", "~$"))
            )
            if not inside:
                problems.append(Problem("batch.empty_folder", Location.of_file(path), {"path": str(path)}))
            found.extend(inside)
        else:
            found.append(path)
    if problems:
        raise InputError(problems)
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def plan_jobs(sources: list[Path], out_dir: Path, *, own_folders: bool | None = None) -> list[MeetingJob]:
    """Where each meeting goes: ``out_dir`` itself for a single meeting, else
    ``out_dir/<stem>/`` (``<stem>-<suffix>`` when two data files share a stem)."""
    if own_folders is None:
        own_folders = len(sources) != 1
    if not own_folders:
        return [MeetingJob(source, out_dir) for source in sources]
    stems: dict[str, int] = {}
    for source in sources:
        stems[source.stem] = stems.get(source.stem, 0) + 1
    jobs: list[MeetingJob] = []
    taken: set[str] = set()
    for source in sources:
        name = source.stem
        if stems[name] > 1 or name in taken:
            name = f"{source.stem}-{source.suffix.lstrip('.').lower()}"
        base, n = name, 2
        while name in taken:
            name, n = f"{base}-{n}", n + 1
        taken.add(name)
        jobs.append(MeetingJob(source, out_dir / name))
    return jobs


def default_jobs() -> int:
    """Worker processes by default: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# -- one meeting ----------------------------------------------------------------------


def build_one(job: MeetingJob, choices: BuildChoices) -> MeetingOutcome:
    """Build one meeting; never raises: problems and failures are in the outcome."""
    return start_one(job, choices)()


def start_one(job: MeetingJob, choices: BuildChoices) -> Callable[[], MeetingOutcome]:
    """Start building one meeting (its documents made, its PDFs on their way to the helper
    process); the returned call finishes it and gives the outcome. Neither raises: problems
    and failures are in the outcome."""
    from umt_reports.build import StartedBuild, start_build
    from umt_reports.render import RenderOptions

    outcome = MeetingOutcome(job)
    began = time.perf_counter()
    started: StartedBuild | None = None
    with _outcome_of(outcome):
        started = start_build(
            job.source,
            job.out_dir,
            kinds=choices.kinds,
            formats=choices.formats,
            templates=choices.templates,
            options=RenderOptions(font=choices.font),
            profile_dirs=choices.profile_dirs,
        )
    outcome.seconds = time.perf_counter() - began

    def finish() -> MeetingOutcome:
        if started is None:
            return outcome
        began = time.perf_counter()
        with _outcome_of(outcome):
            result = started.finish()
            outcome.files = [FileSummary(f.path, f.kind, f.format, f.rendered.pages) for f in result.files]
            outcome.manifest = result.manifest
        outcome.seconds += time.perf_counter() - began
        return outcome

    return finish


@contextlib.contextmanager
def _outcome_of(outcome: MeetingOutcome) -> Iterator[None]:
    """Put what the block raises into ``outcome`` (problems, or the class and text of a bug)."""
    from umt_reports.errors import ProfileError, TemplateError

    try:
        yield
    except UmtError as error:
        outcome.problems = list(error.problems)
        outcome.failure = "input" if isinstance(error, (InputError, ProfileError, TemplateError)) else "failed"
    except Exception as exc:
        outcome.failure = "internal"
        outcome.detail = f"{type(exc).__name__}: {str(exc)[:200]}"


# -- the pool -------------------------------------------------------------------------


def warm_up(choices: BuildChoices) -> None:
    """Do once, before forking, what every build would do again: import the renderers of
    the chosen formats, find the font, parse the templates. Errors are left for the
    builds themselves to report, with their places."""
    from umt_reports import warm

    with contextlib.suppress(UmtError):
        warm.prepare(choices.formats, font=choices.font, templates=choices.templates)


def init_worker() -> None:
    """Set up a pool worker: every core already draws, so the PDF/A step runs in the worker
    itself, not in a helper of its own; and the worker ends when its parent is gone (a server
    stopped hard leaves no orphan drawing for nobody)."""
    from umt_reports.render.pdfa_helper import allow_helper

    allow_helper(False)
    parent = os.getppid()

    def watch_parent() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL_S)
        os._exit(0)

    threading.Thread(target=watch_parent, name="umt-parent-watch", daemon=True).start()


#: How often a pool worker looks whether its parent is still there, seconds.
_PARENT_POLL_S = 1.0


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def paired(workers: int | None, formats: Iterable[str]) -> bool:
    """Whether a batch on ``workers`` processes (default: :func:`default_jobs`) runs as a pair:
    this process reads the data and draws every format but PDF, the PDF/A helper process
    draws and validates the PDFs, meeting after meeting.

    On two cores a pair beats two full workers: each of the two imports and warms only its half
    of the toolkit (the pool forks from one process that warmed all of it, about 0.6 s on one
    core while the other waits), and a PDF is drawn here whenever the helper is behind."""
    from umt_reports.render.pdfa_helper import usable

    return "pdf" in set(formats) and (workers or default_jobs()) == 2 and usable()


def run_batch(
    jobs: list[MeetingJob],
    choices: BuildChoices,
    *,
    workers: int | None = None,
    on_done: Callable[[MeetingOutcome], None] | None = None,
) -> list[MeetingOutcome]:
    """Build every job, ``workers`` at a time (default: :func:`default_jobs`); the outcomes in
    the order of ``jobs``. ``on_done`` is called in this process as each meeting finishes.

    One worker, or two when :func:`paired`, build here (with the PDF/A helper process, which
    starts now if the caller has not started it); more build in a pool."""
    asked = workers
    workers = max(1, min(workers or default_jobs(), len(jobs) or 1))
    if workers == 1 or len(jobs) <= 1 or paired(asked, choices.formats):
        return _run_here(jobs, choices, on_done)
    warm_up(choices)
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=init_worker) as pool:
        # -- every job is submitted before any callback runs: with ``fork`` the workers are
        #    started by the first submit, before a progress bar starts its own thread --
        futures: dict[Future[MeetingOutcome], int] = {
            pool.submit(build_one, job, choices): index for index, job in enumerate(jobs)
        }
        outcomes: dict[int, MeetingOutcome] = {}
        for future in _as_completed(futures):
            index = futures[future]
            try:
                outcome = future.result()
            except Exception as exc:
                outcome = MeetingOutcome(jobs[index], failure="internal", detail=f"{type(exc).__name__}: {exc}")
            outcomes[index] = outcome
            if on_done:
                on_done(outcome)
    return [outcomes[i] for i in range(len(jobs))]


#: Meetings started and not yet finished when building here: the helper draws the PDFs of one
#: while this process reads and draws the next.
_IN_FLIGHT = 2


def _run_here(
    jobs: list[MeetingJob], choices: BuildChoices, on_done: Callable[[MeetingOutcome], None] | None
) -> list[MeetingOutcome]:
    """Build every job in this process, each finished (written) while the next ones are drawn."""
    started: deque[Callable[[], MeetingOutcome]] = deque()
    outcomes: list[MeetingOutcome] = []

    def finish_oldest() -> None:
        outcome = started.popleft()()
        outcomes.append(outcome)
        if on_done:
            on_done(outcome)

    for job in jobs:
        started.append(start_one(job, choices))
        while len(started) > _IN_FLIGHT:
            finish_oldest()
    while started:
        finish_oldest()
    return outcomes


def _as_completed(futures: dict[Future[MeetingOutcome], int]) -> Iterator[Future[MeetingOutcome]]:
    from concurrent.futures import as_completed

    yield from as_completed(futures)
