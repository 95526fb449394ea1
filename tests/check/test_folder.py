"""``umt-reports check``: documents on disk against the meeting data they were built from."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from check_helpers import PRESS, codes, edit_docx_xml, edit_text
from click.testing import CliRunner

from umt_reports import InputError, UmtError
from umt_reports.check import check
from umt_reports.cli import main


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args])

# -- a clean build passes ------------------------------------------------------------------------


def test_the_built_sample_passes(built: Path) -> None:
    result = run(str(built))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Đã đối chiếu 12 văn bản với dữ liệu: không có khác biệt."


def test_the_api_reads_every_document_of_the_manifest(built: Path) -> None:
    result = check(built)
    assert result.ok and result.notes == []
    assert len(result.documents) == 12 and f"{PRESS}.fragment.html" in result.documents


# -- one figure edited in one output -------------------------------------------------------------


def test_a_statistic_edited_in_the_html_only_is_named(built: Path) -> None:
    edit_text(built / f"{PRESS}.html", "19,4%/năm", "19,5%/năm")
    result = run(str(built))
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert f"  - {PRESS}.html: số liệu «Tăng trưởng kinh tế bình quân» phải là «19,4%/năm» nhưng không thấy trong văn bản." in lines
    assert any(line.startswith(f"  - {PRESS}.html: số 19,5 không khớp dữ liệu, tại «") and "19,5%/năm" in line
               for line in lines)
    assert all(f"{PRESS}.html:" in line for line in lines if line.startswith("  - "))
    assert "2 khác biệt giữa văn bản và dữ liệu." in lines


def test_a_figure_of_a_narrative_paragraph_edited_is_found_by_counting(built: Path) -> None:
    edit_text(built / f"{PRESS}.fragment.html", "Sau 5 năm triển khai", "Sau 6 năm triển khai")
    result = check(built)
    assert codes(result) == [(f"{PRESS}.fragment.html", "check.lost_figure"),
                             (f"{PRESS}.fragment.html", "check.unknown_figure")]
    lost, unknown = result.problems
    assert lost.params["figure"] == "5" and "Sau 5 năm triển khai" in lost.params["phrase"]
    assert unknown.params["figure"] == "6" and "Sau 6 năm triển khai" in unknown.params["phrase"]


def test_a_chair_renamed_in_a_docx_saved_by_python_docx_is_named(built: Path) -> None:
    path = built / f"{PRESS}.docx"
    document = docx.Document(str(path))
    (para,) = [p for p in document.paragraphs if "Phạm Văn Út" in p.text]
    for run_ in para.runs:
        run_.text = run_.text.replace("Phạm Văn Út", "Phạm Văn Ú")
    document.save(str(path))
    result = check(built)
    assert [(p.code, p.params["phrase"]) for p in result.problems] == [("check.missing_chair", "Phạm Văn Út")]
    assert str(result.problems[0].location) == f"{PRESS}.docx"


@pytest.mark.slow
@pytest.mark.needs_soffice
@pytest.mark.slow
def test_a_statistic_edited_in_the_docx_and_saved_again_by_libreoffice_is_named(built: Path, tmp_path: Path) -> None:
    path = built / f"{PRESS}.docx"
    edit_docx_xml(path, "93,32%", "93,23%")
    converted = tmp_path / "libreoffice"
    subprocess.run(["soffice", "--headless", "--convert-to", "docx", "--outdir", str(converted), str(path)],
                   check=True, capture_output=True, timeout=180)
    shutil.copyfile(converted / path.name, path)
    result = check(built)
    assert [(str(p.location), p.code, p.params.get("figure") or p.params["phrase"]) for p in result.problems] == [
        (f"{PRESS}.docx", "check.missing_statistic", "93,32%"),
        (f"{PRESS}.docx", "check.unknown_figure", "93,23"),
    ]


@pytest.mark.slow
@pytest.mark.needs_soffice
@pytest.mark.slow
def test_word_files_saved_again_by_libreoffice_unchanged_still_pass(built: Path, tmp_path: Path) -> None:
    sources = [str(p) for p in sorted(built.glob("*.docx"))]
    converted = tmp_path / "libreoffice"
    subprocess.run(["soffice", "--headless", "--convert-to", "docx", "--outdir", str(converted), *sources],
                   check=True, capture_output=True, timeout=180)
    for path in converted.iterdir():
        shutil.copyfile(path, built / path.name)
    assert check(built).problems == []


def test_a_report_edited_differs_from_the_press_outputs(built: Path) -> None:
    edit_docx_xml(built / "2022-06-22_bao-cao_25-BC-UBND.docx", "47 đơn", "74 đơn")
    result = check(built)
    assert {(str(p.location), p.code) for p in result.problems} == {
        ("2022-06-22_bao-cao_25-BC-UBND.docx", "check.missing_statistic"),
        ("2022-06-22_bao-cao_25-BC-UBND.docx", "check.unknown_figure"),
    }


# -- the data and the manifest -----------------------------------------------------------------


def test_the_data_changed_since_the_build_is_noted_and_compared_as_it_is_now(built: Path) -> None:
    data = built.parent / "data" / "meeting.yaml"
    edit_text(data, "value: 47, unit: đơn", "value: 48, unit: đơn")
    result = run(str(built))
    assert result.exit_code == 2
    assert "  * meeting.yaml: Tệp dữ liệu đã thay đổi sau lần lập văn bản" in result.output
    assert "phải là «48 đơn»" in result.output


def test_another_data_file_can_be_given(built: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(built.parent / "data", other)
    edit_text(other / "meeting.yaml", "author: Diễm My", "author: Minh Thư")
    result = check(built, source=other / "meeting.yaml")
    assert {(p.code, p.params["phrase"]) for p in result.problems} == {("check.missing_author", "Minh Thư")}
    assert len([p for p in result.problems]) == 4  # -- page, fragment, DOCX and PDF of the news item --


def test_a_listed_file_that_is_gone_is_a_difference(built: Path) -> None:
    (built / f"{PRESS}.pdf").unlink()
    assert codes(check(built)) == [(f"{PRESS}.pdf", "check.file_missing")]


def test_a_folder_without_manifest_is_an_input_error(tmp_path: Path) -> None:
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert "manifest.json" in result.output
    with pytest.raises(InputError) as caught:
        check(tmp_path)
    assert caught.value.problems[0].code == "check.no_manifest"


def test_a_manifest_without_source_path_asks_for_the_data(built: Path) -> None:
    manifest = built / "manifest.json"
    content = json.loads(manifest.read_text(encoding="utf-8"))
    for entry in content["files"]:
        entry["source"].pop("path")
    manifest.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        check(built)
    assert caught.value.problems[0].code == "check.no_source"
    assert check(built, source=built.parent / "data" / "meeting.yaml").ok


def test_a_broken_file_is_named(built: Path) -> None:
    (built / f"{PRESS}.docx").write_bytes(b"not a zip")
    with pytest.raises(UmtError) as caught:
        check(built)
    assert caught.value.problems[0].code == "check.unreadable"
    assert str(caught.value.problems[0].location) == f"{PRESS}.docx"
