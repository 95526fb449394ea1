"""One build as a worker runs it: files, thumbnails, the fact check; problems worded as `validate` words them."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from umt_reports.desk.work import BuildRequest, Outcome, run_build

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "u-minh-thuong-2022"


def job_with(tmp_path: Path, name: str, data: bytes) -> BuildRequest:
    (tmp_path / "input").mkdir(parents=True)
    shutil.copytree(SAMPLES / "photos", tmp_path / "input" / "photos")
    source = tmp_path / "input" / name
    source.write_bytes(data)
    return BuildRequest(tmp_path, source, ("report",), ("docx", "pdf"), "vi")


def test_a_good_file_gives_its_files_thumbnails_and_a_passed_check(tmp_path: Path) -> None:
    request = job_with(tmp_path, "meeting.yaml", (SAMPLES / "meeting.yaml").read_bytes())
    outcome = run_build(request)
    assert outcome.ok and outcome.error is None and outcome.problems == []
    assert [(f.name, f.format, f.pdfa) for f in outcome.files] == [
        ("2022-06-22_bao-cao_25-BC-UBND.docx", "docx", None),
        ("2022-06-22_bao-cao_25-BC-UBND.pdf", "pdf", "2B"),
    ]
    pdf = outcome.files[1]
    assert pdf.thumbs == ("2022-06-22_bao-cao_25-BC-UBND-1.png", "2022-06-22_bao-cao_25-BC-UBND-2.png")
    assert (tmp_path / "thumbs" / pdf.thumbs[0]).read_bytes().startswith(b"\x89PNG")
    assert outcome.extras == ["manifest.json"]
    assert outcome.check_ok is True and outcome.check_lines == []
    assert Outcome.from_json(outcome.to_json()) == outcome


def test_bad_data_gives_every_problem_as_validate_words_it(tmp_path: Path) -> None:
    data = yaml.safe_load((SAMPLES / "meeting.yaml").read_text(encoding="utf-8"))
    data["meeting"]["date"] = "32/13/2022"
    data["extra"] = 1
    request = job_with(tmp_path, "meeting.yaml", yaml.safe_dump(data, allow_unicode=True).encode())
    outcome = run_build(request)
    assert not outcome.ok and outcome.files == []
    from umt_reports.api import load_meeting
    from umt_reports.errors import InputError

    try:
        load_meeting(request.source)
    except InputError as error:
        expected = [p.format("vi") for p in error.problems]
    assert [p.text for p in outcome.problems] == expected
    assert all(p.text == f"{p.where}: {p.message}" for p in outcome.problems)
    assert outcome.annotated is None  # -- a YAML file has no cells to mark --
