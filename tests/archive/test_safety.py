"""Crash and concurrency safety: SIGKILL at random moments of ``add``, and two writers at once.

Invariants checked after every kill, on the raw files before any recovery:

- every catalog row's file exists and has the row's hash (a row never outlives its file);
- a stored file without a row is named by a pending marker (so recovery can remove it);
- at most one current version per number; supersession links point both ways.

After recovery (``verify`` runs it) the archive verifies clean with nothing left in ``tmp/``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from archive_helpers import Doc  # type: ignore[import-not-found]

from umt_reports.archive import Archive
from umt_reports.archive.intake import read_candidates

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")

#: The child: load its checked candidates (pickled by the test, to keep start-up short), say
#: "ready", then open the archive and add them; a kill may land anywhere after "ready".
ADD_CHILD = """
import importlib.util, pickle, sys, types

# -- start fast: skip umt_reports/__init__ (the pipeline API, pydantic), which the archive does not use --
spec = importlib.util.find_spec("umt_reports")
package = types.ModuleType("umt_reports")
package.__path__ = list(spec.submodule_search_locations)
sys.modules["umt_reports"] = package

from umt_reports.archive.api import Archive

root, source, replace = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
with open(source, "rb") as handle:
    candidates = pickle.load(handle)
print("ready", flush=True)
if len(sys.argv) > 4:
    sys.stdin.readline()  # -- wait for "go": start writers together --
with Archive(root, create=True) as archive:
    outcomes = archive.add_candidates(candidates, replace=replace)
print("done", *[o.action for o in outcomes], flush=True)
"""


def _pickled(build: Path) -> Path:
    """The checked candidates of a build folder, pickled beside it for a child."""
    path = build / "candidates.pickle"
    path.write_bytes(pickle.dumps(read_candidates([build])))
    return path


#: The child for a crash at an exact point: killed right after the rename, before the commit.
CRASH_AFTER_RENAME_CHILD = """
import os, signal, sys
from pathlib import Path
from umt_reports.archive import Archive
from umt_reports.archive import store

real_place = store.ObjectStore.place
def place_then_die(self, staged, name):
    real_place(self, staged, name)
    os.kill(os.getpid(), signal.SIGKILL)
store.ObjectStore.place = place_then_die
with Archive(sys.argv[1], create=True) as archive:
    archive.add([Path(sys.argv[2])])
"""

KILLS = 32
#: Children started at once in the kill test.
WAVE = 4


def _child(script: str, *args: str, stdin: bool = False) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_ready(child: subprocess.Popen[str]) -> None:
    assert child.stdout is not None
    line = child.stdout.readline()
    if line != "ready\n":
        _, err = _finish(child)
        pytest.fail(f"child not ready: {line!r} {err}")


def _finish(child: subprocess.Popen[str]) -> tuple[str, str]:
    """Wait for ``child`` and close its pipes; return what is left of its stdout and stderr."""
    try:
        return child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()


def check_raw_consistency(root: Path) -> None:
    """The invariants of the module docstring, read straight from disk (no recovery)."""
    catalog = root / "catalog.sqlite"
    if not catalog.is_file():
        assert not (root / "objects").is_dir() or not any((root / "objects").rglob("*.pdf"))
        return
    with sqlite3.connect(catalog) as db:
        if not db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'documents'").fetchone()[0]:
            return
        rows = db.execute(
            "SELECT id, sha256, object, size, code, issued_year, status, supersedes, superseded_by FROM documents"
        ).fetchall()
    by_id = {row[0]: row for row in rows}
    for rid, sha, obj, size, *_ in rows:
        data = (root / obj).read_bytes()
        assert (hashlib.sha256(data).hexdigest(), len(data)) == (sha, size), f"row {rid}"
    referenced = {row[2] for row in rows}
    marked = (
        {m.read_text(encoding="utf-8") for m in (root / "tmp").glob("*.pending")} if (root / "tmp").is_dir() else set()
    )
    for path in (root / "objects").rglob("*.pdf"):
        name = path.relative_to(root).as_posix()
        assert name in referenced or name in marked, f"orphan {name} without a marker"
    current = [(r[4], r[5]) for r in rows if r[6] == "current" and r[4] is not None]
    assert len(current) == len(set(current)), "two current versions of one number"
    for rid, *_, status, supersedes, superseded_by in rows:
        if status == "superseded":
            assert superseded_by in by_id and by_id[superseded_by][7] == rid, f"row {rid} link"
        if supersedes is not None:
            assert by_id[supersedes][8] == rid, f"row {rid} back link"


def check_recovered(root: Path) -> int:
    """Recover, verify clean, and return how many records the archive holds."""
    with Archive(root, create=True) as archive:
        report = archive.verify(pdfa=False)
        assert report.ok, report.findings
        count = report.checked
    assert os.listdir(root / "tmp") == []
    return count


@pytest.mark.slow
def test_sigkill_at_random_moments_of_add_never_breaks_the_archive(tmp_path: Path, write_build) -> None:
    """At least 32 children are killed while adding (some with --replace); the archive stays consistent.

    Children run in waves of :data:`WAVE` at once (so kills also hit writers waiting for
    the lock); each is killed at its own random moment after it said "ready". The seed
    is in the failure message; ``UMT_KILL_SEED`` replays it.
    """
    seed = int(os.environ.get("UMT_KILL_SEED", time.time_ns() % 100_000))
    rnd = random.Random(seed)
    print(f"kill test seed: {seed} (UMT_KILL_SEED={seed} replays it)")  # -- shown when the test fails --
    root = tmp_path / "archive"
    # -- 12 numbers, 4 different PDFs of each: later runs replace earlier versions --
    variants = [[_pickled(write_build(Doc(number=n, body=f"bản {v} số {n}"))) for n in range(1, 13)] for v in range(4)]

    # -- calibrate: how long does an add take once the child is ready? --
    child = _child(ADD_CHILD, str(root), str(variants[3][0]), "1")
    _wait_ready(child)
    started = time.perf_counter()
    _, err = _finish(child)
    window = max(0.03, (time.perf_counter() - started) * 1.5)
    assert child.returncode == 0, err

    def run_one(source: Path, delay: float) -> int:
        """Start a child adding ``source`` with replace, kill it ``delay`` s after it is ready; its exit code."""
        job = _child(ADD_CHILD, str(root), str(source), "1")
        _wait_ready(job)
        time.sleep(delay)
        job.send_signal(signal.SIGKILL)
        _, job_err = _finish(job)
        assert job.returncode in (0, -signal.SIGKILL), job_err
        return job.returncode

    kills = runs = 0
    with ThreadPoolExecutor(WAVE) as pool:
        while kills < KILLS and runs < 4 * KILLS:
            wave = []
            for _ in range(WAVE):
                wave.append((variants[runs // 12 % 4][runs % 12], rnd.uniform(0, window)))
                runs += 1
            codes = list(pool.map(lambda job: run_one(*job), wave))
            kills += codes.count(-signal.SIGKILL)
            check_raw_consistency(root)

    assert kills >= KILLS, f"only {kills} kills in {runs} runs (seed {seed})"
    check_recovered(root)


def test_a_crash_between_rename_and_commit_is_undone_by_the_next_writer(tmp_path: Path, write_build) -> None:
    root = tmp_path / "archive"
    child = _child(CRASH_AFTER_RENAME_CHILD, str(root), str(write_build(Doc())))
    _, err = _finish(child)
    assert child.returncode == -signal.SIGKILL, err

    stranded = list((root / "objects").rglob("*.pdf"))
    assert len(stranded) == 1 and len(list((root / "tmp").glob("*.pending"))) == 1
    check_raw_consistency(root)

    assert check_recovered(root) == 0
    assert list((root / "objects").rglob("*.pdf")) == []


def test_two_processes_adding_at_once_both_succeed(tmp_path: Path, write_build) -> None:
    root = tmp_path / "archive"  # -- not created yet: both children also race to create it --
    shared = Doc(number=99, body="chung")
    batches = [
        write_build(*(Doc(number=n, date=dt.date(2022, 7, n)) for n in range(1 + 5 * k, 6 + 5 * k)), shared)
        for k in range(2)
    ]

    children = [_child(ADD_CHILD, str(root), str(_pickled(batch)), "0", "wait", stdin=True) for batch in batches]
    for child in children:
        _wait_ready(child)
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    results = []
    for child in children:
        out, err = _finish(child)
        assert child.returncode == 0, err
        results.append(out.split())

    actions = sorted(a for result in results for a in result[1:])
    assert actions == ["added"] * 11 + ["unchanged"], "the shared PDF is stored once"
    check_raw_consistency(root)
    assert check_recovered(root) == 11


def test_many_adds_in_a_row_from_threads_of_one_process(
    tmp_path: Path, write_build, make_pdf: Callable[[Doc], bytes]
) -> None:
    """Each thread opens its own connection; SQLite's lock serialises them."""

    root = tmp_path / "archive"
    Archive(root, create=True).close()
    builds = [write_build(Doc(number=n)) for n in range(1, 9)]

    def add(build: Path) -> str:
        with Archive(root) as archive:
            return archive.add([build])[0].action

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(add, builds)) == ["added"] * 8
    assert check_recovered(root) == 8
