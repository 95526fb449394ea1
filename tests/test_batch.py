"""Many meetings in one build: a folder per meeting, each all or nothing, a pool of processes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from umt_reports.batch import (
    BuildChoices,
    MeetingJob,
    collect_inputs,
    paired,
    plan_jobs,
    run_batch,
)
from umt_reports.cli import main
from umt_reports.render.pdfa_helper import usable

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "u-minh-thuong-2022"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder with the four sample data files (and their photos)."""
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    return folder


@pytest.fixture
def wrong(tmp_path: Path) -> Path:
    """A meeting file with two problems: an unknown profile and a date that does not exist."""
    path = tmp_path / "sai.yaml"
    path.write_text("profile: khong-co\nmeeting:\n  title: Hội nghị\n  date: 31/02/2022\n", encoding="utf-8")
    return path


def _manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def test_each_meeting_gets_its_own_folder_and_manifest_and_a_wrong_one_stops_only_itself(
    inputs: Path, wrong: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = run(
        "build",
        str(inputs / "meeting.yaml"),
        str(wrong),
        str(inputs / "meeting-party.yaml"),
        "--out",
        str(out),
        "--format",
        "docx,pdf",
        "--jobs",
        "2",
    )
    assert code == 2
    assert sorted(p.name for p in out.iterdir()) == ["meeting", "meeting-party"]
    for name, code_ in (("meeting", "25-BC-UBND"), ("meeting-party", "25-BC-BDVHU")):
        manifest = _manifest(out / name)
        assert sorted(e["path"] for e in manifest["files"]) == [
            f"2022-06-22_bao-cao_{code_}.docx",
            f"2022-06-22_bao-cao_{code_}.pdf",
        ]
        assert {e["source"]["file"] for e in manifest["files"]} == {f"{name}.yaml"}
        with pikepdf.open(out / name / f"2022-06-22_bao-cao_{code_}.pdf") as pdf, pdf.open_metadata() as xmp:
            assert xmp["pdfaid:part"] == "2" and xmp["pdfaid:conformance"] == "B"
    # -- every problem of the wrong meeting, with its file and place, after the summary --
    lines = stderr.splitlines()
    assert lines[0] == f"{wrong}: 2 lỗi."
    assert lines[1].startswith("  - sai.yaml:1: Không tìm thấy hồ sơ cơ quan ban hành «khong-co».")
    assert lines[2].startswith("  - sai.yaml:4: «Ngày họp»: ngày 31/02/2022 không tồn tại.")
    assert len(lines) == 3
    assert "Đã lập 2/3 hội nghị: 2 văn bản, 4 trang PDF." in stdout


def test_the_summary_table_has_a_row_per_meeting_in_input_order(inputs: Path, wrong: Path, tmp_path: Path) -> None:
    code, stdout, _ = run(
        "--lang",
        "en",
        "build",
        str(inputs / "meeting-party.yaml"),
        str(wrong),
        "--out",
        str(tmp_path / "out"),
        "--format",
        "pdf",
    )
    assert code == 2
    for column in ("Meeting (data file)", "Documents", "PDF pages", "Time", "Problems"):
        assert column in stdout
    rows = [line for line in stdout.splitlines() if ".yaml" in line]
    assert [r.split()[0] for r in rows] == [str(inputs / "meeting-party.yaml"), str(wrong)]
    cells = [c.strip() for c in rows[0].split("│")]
    assert cells[1:3] == ["1", "2"] and cells[3].endswith(" s") and cells[4] == "—"
    cells = [c.strip() for c in rows[1].split("│")]
    assert cells[1:3] == ["0", "0"] and cells[4] == "2"


def test_a_folder_stands_for_its_data_files(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = run("build", str(inputs), "--out", str(out), "--kind", "report", "--format", "docx")
    assert (code, stderr) == (0, "")
    assert sorted(p.name for p in out.iterdir()) == ["meeting-awards", "meeting-party", "meeting-xlsx", "meeting-yaml"]
    source = _manifest(out / "meeting-xlsx")["files"][0]["source"]
    assert source["file"] == "meeting.xlsx"
    assert "Đã lập 4/4 hội nghị" in stdout


def test_an_empty_folder_is_a_located_input_problem(tmp_path: Path) -> None:
    empty = tmp_path / "trong"
    empty.mkdir()
    code, stdout, stderr = run("build", str(empty), "--out", str(tmp_path / "out"))
    assert code == 2 and stdout == ""
    assert "trong: Thư mục" in stderr and "không có tệp dữ liệu nào" in stderr
    assert not (tmp_path / "out").exists()


def test_a_single_data_file_still_writes_into_the_output_folder(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, _ = run("build", str(inputs / "meeting.yaml"), "--out", str(out), "--format", "docx")
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["2022-06-22_bao-cao_25-BC-UBND.docx", "manifest.json"]


def test_one_worker_a_pair_and_a_pool_write_the_same_bytes(inputs: Path, tmp_path: Path) -> None:
    files = [str(inputs / "meeting.yaml"), str(inputs / "meeting-party.yaml"), str(inputs / "meeting-awards.yaml")]
    written: dict[str, dict[Path, bytes]] = {}
    for jobs in ("1", "2", "3"):
        out = tmp_path / jobs
        code, _, stderr = run("build", *files, "--out", str(out), "--format", "docx,pdf", "--jobs", jobs)
        assert (code, stderr) == (0, "")
        written[jobs] = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert len(written["1"]) == 3 * 3 and written["1"] == written["2"] == written["3"]


def test_two_cores_and_pdfs_make_a_pair_with_the_helper_and_more_cores_a_pool() -> None:
    from umt_reports.render.pdfa_helper import usable

    assert paired(2, ["docx", "pdf"]) is usable()
    assert not paired(2, ["docx", "html"])  # -- no PDF: nothing for the helper to draw --
    assert not paired(3, ["docx", "pdf"]) and not paired(1, ["pdf"])


@pytest.mark.skipif(not usable(), reason="the pair needs the PDF/A helper process (two cores, fork)")
def test_a_pair_builds_every_meeting_here_without_a_pool(
    inputs: Path, wrong: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import umt_reports.batch as batch

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pair does not start a pool")

    monkeypatch.setattr(batch, "ProcessPoolExecutor", no_pool)
    sources = collect_inputs([inputs / "meeting.yaml", wrong, inputs / "meeting-party.yaml", inputs / "meeting.yaml"])
    jobs = plan_jobs(sources, tmp_path / "out")
    outcomes = run_batch(jobs, BuildChoices(formats=("docx", "pdf")), workers=2)
    assert [o.ok for o in outcomes] == [True, False, True]
    assert [o.documents for o in outcomes] == [1, 0, 1] and [o.pages for o in outcomes] == [2, 0, 2]
    for outcome in outcomes[::2]:
        pdf = next(f.path for f in outcome.files if f.format == "pdf")
        with pikepdf.open(pdf) as opened:
            assert len(opened.pages) == 2
    assert not (tmp_path / "out" / "sai").exists()


@pytest.mark.skipif(not usable(), reason="the pair needs the PDF/A helper process (two cores, fork)")
def test_a_pair_of_pdfs_only_draws_them_in_the_helper_while_the_next_meeting_is_read(
    inputs: Path, tmp_path: Path
) -> None:
    from umt_reports.render import pdfa_helper

    sources = collect_inputs([inputs / "meeting.yaml", inputs / "meeting-party.yaml"])
    outcomes = run_batch(plan_jobs(sources, tmp_path / "out"), BuildChoices(formats=("pdf",)), workers=2)
    assert [o.ok for o in outcomes] == [True, True]
    helper = pdfa_helper._HELPER
    assert helper is not None and helper._sent >= 2  # -- each meeting's PDF went to the helper --
    for outcome in outcomes:
        [pdf] = outcome.files
        with pikepdf.open(pdf.path) as opened:
            assert len(opened.pages) == 2


def test_jobs_must_be_at_least_one(inputs: Path, tmp_path: Path) -> None:
    code, _, stderr = run("build", str(inputs / "meeting.yaml"), "--out", str(tmp_path / "o"), "--jobs", "0")
    assert code == 2 and "--jobs" in stderr


def test_an_unknown_kind_stops_the_batch_before_anything_is_built(inputs: Path, tmp_path: Path) -> None:
    code, _, stderr = run(
        "build",
        str(inputs / "meeting.yaml"),
        str(inputs / "meeting-party.yaml"),
        "--out",
        str(tmp_path / "out"),
        "--kind",
        "bien-ban",
    )
    assert code == 2 and "«bien-ban»" in stderr
    assert not (tmp_path / "out").exists()


def test_run_batch_reports_outcomes_in_order_and_calls_back_once_per_meeting(
    inputs: Path, wrong: Path, tmp_path: Path
) -> None:
    sources = collect_inputs([inputs / "meeting-party.yaml", wrong, inputs / "meeting.yaml"])
    jobs = plan_jobs(sources, tmp_path / "out")
    seen: list[Path] = []
    outcomes = run_batch(jobs, BuildChoices(formats=("pdf",)), workers=2, on_done=lambda o: seen.append(o.job.source))
    assert [o.job.source for o in outcomes] == sources
    assert sorted(seen) == sorted(sources)
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].failure == "input"
    assert [str(p.location) for p in outcomes[1].problems] == ["sai.yaml:1", "sai.yaml:4"]
    assert [o.pages for o in outcomes] == [2, 0, 2]
    assert all(o.seconds > 0 for o in outcomes)
    assert not (tmp_path / "out" / "sai").exists()


def test_plan_gives_clashing_stems_their_suffix(tmp_path: Path) -> None:
    jobs = plan_jobs([Path("a/x.yaml"), Path("b/x.xlsx"), Path("c/y.yaml")], tmp_path)
    assert [j.out_dir.name for j in jobs] == ["x-yaml", "x-xlsx", "y"]
    assert plan_jobs([Path("a/x.yaml")], tmp_path) == [MeetingJob(Path("a/x.yaml"), tmp_path)]


def test_the_same_file_named_twice_is_built_once(inputs: Path) -> None:
    path = inputs / "meeting.yaml"
    assert collect_inputs([path, inputs / ".." / "in" / "meeting.yaml"]) == [path]


def test_archive_stores_the_pdfs_of_every_meeting_that_was_built(inputs: Path, wrong: Path, tmp_path: Path) -> None:
    archive = tmp_path / "kho"
    code, stdout, _ = run(
        "build",
        str(inputs / "meeting.yaml"),
        str(wrong),
        str(inputs / "meeting-party.yaml"),
        "--out",
        str(tmp_path / "out"),
        "--format",
        "pdf",
        "--archive",
        "--archive-dir",
        str(archive),
    )
    assert code == 2
    assert "Đã lưu #1 25/BC-UBND (2022-06-22_bao-cao_25-BC-UBND.pdf)" in stdout
    assert "Đã lưu #2 25-BC/BDVHU (2022-06-22_bao-cao_25-BC-BDVHU.pdf)" in stdout
    code, listing, _ = run("archive", "list", "--archive-dir", str(archive), "--json")
    assert code == 0 and len(json.loads(listing)) == 2
