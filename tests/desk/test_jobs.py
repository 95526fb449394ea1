"""Jobs: ids checked before any lookup, old job folders removed, builds in worker processes."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from umt_reports.desk.jobs import JobRunner
from umt_reports.desk.work import BuildRequest

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "u-minh-thuong-2022"


def test_malformed_or_unknown_ids_find_nothing(tmp_path: Path) -> None:
    runner = JobRunner(tmp_path, workers=1, ttl=60)
    for job_id in ("../../etc", "0" * 24, "ABCDEF" * 4, ""):
        assert runner.get(job_id) is None


def test_folders_older_than_the_time_to_live_are_removed(tmp_path: Path) -> None:
    runner = JobRunner(tmp_path / "jobs", workers=1, ttl=3600)
    _, old = runner.new_folder()
    _, fresh = runner.new_folder()
    stranger = tmp_path / "jobs" / "not-a-job"
    stranger.mkdir()
    past = time.time() - 7200
    os.utime(old, (past, past))
    os.utime(stranger, (past, past))
    assert runner.sweep() == 1
    assert not old.exists() and fresh.is_dir() and stranger.is_dir()


@pytest.mark.slow
def test_builds_run_in_worker_processes_and_finish(tmp_path: Path) -> None:
    runner = JobRunner(tmp_path / "jobs", workers=2, ttl=3600)
    try:
        jobs = []
        for _ in range(2):
            job_id, folder = runner.new_folder()
            source = folder / "input" / "meeting.yaml"
            source.write_bytes((SAMPLES / "meeting.yaml").read_bytes())
            (folder / "input" / "photos").mkdir()
            (folder / "input" / "photos" / "quang-canh.jpg").write_bytes(
                (SAMPLES / "photos" / "quang-canh.jpg").read_bytes()
            )
            jobs.append(runner.submit(job_id, BuildRequest(folder, source, ("report",), ("pdf",)), "thuky"))
        for job in jobs:
            done = runner.wait(job.id, timeout=180)
            assert done is not None and done.state == "done"
            assert (done.folder / "job.json").is_file()
            assert [f.name for f in done.outcome.files] == ["2022-06-22_bao-cao_25-BC-UBND.pdf"]
    finally:
        runner.shutdown()


def test_certificate_batches_have_a_lane_of_their_own(tmp_path: Path) -> None:
    from umt_reports.desk.jobs import lane_of

    def request(*kinds: str) -> BuildRequest:
        return BuildRequest(tmp_path, tmp_path / "m.yaml", kinds, ("pdf",))

    assert lane_of(request("report")) == "main"
    assert lane_of(request("decision", "certificates")) == "batch"
    assert lane_of(request("certificates-form")) == "batch"
    runner = JobRunner(tmp_path, workers=4, ttl=60)
    assert (runner.lane_size("main"), runner.lane_size("batch")) == (4, 2)
    assert JobRunner(tmp_path, workers=1, ttl=60).lane_size("batch") == 1
