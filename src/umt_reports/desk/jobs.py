"""Jobs: builds off the request thread, in a pool of processes sized to the cores.

The seam is small on purpose (a batch pool may replace the executor later)::

    runner = JobRunner(jobs_dir, workers=4)
    folder = runner.new_folder()            # jobs/<id>/ with input/
    job = runner.submit(request, owner)     # returns at once; the build runs in a worker
    runner.get(job.id).state                # queued → running → done | failed

Certificate batches (one page per awardee, thousands of pages) run in a lane of their own,
so however many are queued, another user's report still finds a free worker.

Each job lives in its own folder named by a random id; folders older than the time to
live are removed by :meth:`JobRunner.sweep`. Ids are checked against their pattern and
looked up in the runner, so no path ever comes from a request.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from umt_reports.desk.work import BuildRequest, Outcome, run_build

__all__ = ["BATCH_KINDS", "Job", "JobRunner", "JobState", "lane_of"]

JobState = Literal["queued", "running", "done", "failed"]
_ID: Final = re.compile(r"^[0-9a-f]{24}$")
JOB_FILE: Final = "job.json"
#: Kinds whose jobs go to the batch lane.
BATCH_KINDS: Final = frozenset({"certificates", "certificates-form"})
Lane = Literal["main", "batch"]


def lane_of(request: BuildRequest) -> Lane:
    """``batch`` for jobs that draw certificates, ``main`` for everything else."""
    return "batch" if BATCH_KINDS & set(request.kinds) else "main"


@dataclass
class Job:
    """One build: who asked, where its files are, and how far it got."""

    id: str
    owner: str
    folder: Path
    request: BuildRequest
    created: float = field(default_factory=time.time)
    outcome: Outcome | None = None
    future: Future[Outcome] | None = None
    #: What was stored in the archive from this job (filled by the archive page).
    stored: list[str] = field(default_factory=list)

    @property
    def state(self) -> JobState:
        if self.outcome is not None:
            return "done" if self.outcome.ok else "failed"
        if self.future is not None and self.future.running():
            return "running"
        return "queued"

    @property
    def pages_drawn(self) -> int:
        """Pages drawn so far (written by the worker while it draws PDFs)."""
        try:
            return int((self.folder / "progress").read_text(encoding="ascii") or 0)
        except (OSError, ValueError):
            return 0

    @property
    def source_name(self) -> str:
        return self.request.source.name


class JobRunner:
    """Runs :func:`run_build` for each submitted job in a process pool."""

    def __init__(
        self, jobs_dir: Path, *, workers: int, ttl: float, work: Callable[[BuildRequest], Outcome] = run_build
    ):
        self.jobs_dir = jobs_dir
        self.ttl = ttl
        self.workers = workers
        self._work = work
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pools: dict[Lane, ProcessPoolExecutor] = {}

    def lane_size(self, lane: Lane) -> int:
        """Workers of a lane: all the cores for the main lane, half of them for batches."""
        return self.workers if lane == "main" else max(1, self.workers // 2)

    def _executor(self, lane: Lane) -> ProcessPoolExecutor:
        # -- spawn, not fork: the server has threads; workers start when first needed and stay --
        with self._lock:
            if lane not in self._pools:
                from umt_reports.batch import init_worker

                # -- set up as the batch's workers are: the cores are the pool's, so the PDF/A
                #    step runs in the worker (no helper process of its own to outlive it) --
                self._pools[lane] = ProcessPoolExecutor(
                    max_workers=self.lane_size(lane),
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=init_worker,
                )
            return self._pools[lane]

    def new_folder(self) -> tuple[str, Path]:
        """A fresh job id and its folder (with an empty ``input/``)."""
        self.jobs_dir.mkdir(parents=True, exist_ok=True)
        job_id = secrets.token_hex(12)
        folder = self.jobs_dir / job_id
        (folder / "input").mkdir(parents=True)
        return job_id, folder

    def submit(self, job_id: str, request: BuildRequest, owner: str) -> Job:
        """Queue the build of ``request``; returns the job at once."""
        self.sweep()
        job = Job(job_id, owner, request.job_dir, request)
        with self._lock:
            self._jobs[job_id] = job
        job.future = self._executor(lane_of(request)).submit(self._work, request)
        job.future.add_done_callback(lambda future: self._finished(job, future))
        return job

    def _finished(self, job: Job, future: Future[Outcome]) -> None:
        try:
            outcome = future.result()
        except Exception as exc:
            from umt_reports.messages import render

            outcome = Outcome(
                ok=False,
                error=render("cli.internal", {"kind": type(exc).__name__, "detail": str(exc)[:200]}, job.request.lang),
            )
        with contextlib.suppress(OSError):  # -- the record on disk first: a job seen as ended has its job.json --
            (job.folder / JOB_FILE).write_text(
                json.dumps(
                    {"owner": job.owner, "created": job.created, "outcome": outcome.to_json()}, ensure_ascii=False
                ),
                encoding="utf-8",
            )
        job.outcome = outcome

    def get(self, job_id: str) -> Job | None:
        """The job of ``job_id`` (``None`` for an unknown or malformed id, or a swept job)."""
        if not _ID.match(job_id):
            return None
        with self._lock:
            return self._jobs.get(job_id)

    def wait(self, job_id: str, timeout: float | None = None) -> Job | None:
        """The job once its build has ended (for tests and the command line)."""
        job = self.get(job_id)
        if job is not None and job.future is not None:
            job.future.exception(timeout)
            deadline = time.monotonic() + 5
            while job.outcome is None and time.monotonic() < deadline:
                time.sleep(0.01)
        return job

    def sweep(self, now: float | None = None) -> int:
        """Remove jobs (and stray folders) older than the time to live; returns how many."""
        now = time.time() if now is None else now
        removed = 0
        with self._lock:
            for job_id, job in list(self._jobs.items()):
                if job.outcome is not None and now - job.created > self.ttl:
                    del self._jobs[job_id]
            known = set(self._jobs)
        if not self.jobs_dir.is_dir():
            return 0
        for folder in self.jobs_dir.iterdir():
            if not _ID.match(folder.name) or folder.name in known:
                continue
            try:
                age = now - folder.stat().st_mtime
            except OSError:
                continue
            if age > self.ttl:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        return removed

    def shutdown(self) -> None:
        with self._lock:
            pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            pool.shutdown(wait=False, cancel_futures=True)
