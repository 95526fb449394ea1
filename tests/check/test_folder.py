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
from umt_reports.build import build
from umt_reports.check import check, document_text
from umt_reports.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "u-minh-thuong-2022"


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
    assert (
        f"  - {PRESS}.html: số liệu «Tăng trưởng kinh tế bình quân» phải là «19,4%/năm» nhưng không thấy trong văn bản."
        in lines
    )
    assert any(
        line.startswith(f"  - {PRESS}.html: số 19,5 không khớp dữ liệu, tại «") and "19,5%/năm" in line
        for line in lines
    )
    assert all(f"{PRESS}.html:" in line for line in lines if line.startswith("  - "))
    assert "2 khác biệt giữa văn bản và dữ liệu." in lines


def test_a_figure_of_a_narrative_paragraph_edited_is_found_by_counting(built: Path) -> None:
    edit_text(built / f"{PRESS}.fragment.html", "Sau 5 năm triển khai", "Sau 6 năm triển khai")
    result = check(built)
    assert codes(result) == [
        (f"{PRESS}.fragment.html", "check.lost_figure"),
        (f"{PRESS}.fragment.html", "check.unknown_figure"),
    ]
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
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "docx", "--outdir", str(converted), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
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
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "docx", "--outdir", str(converted), *sources],
        check=True,
        capture_output=True,
        timeout=180,
    )
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


# -- check follows the wording: every document drawn again (issue 15) ------------------------------


def _templates_saying_don_vi(folder: Path) -> Path:
    """Templates where ``tập thể`` reads ``đơn vị`` (as an office might reword them)."""
    from umt_reports.resources import templates_dir

    folder.mkdir()
    for template in templates_dir().glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        (folder / template.name).write_text(text.replace("tập thể", "đơn vị"), encoding="utf-8")
    return folder


def test_a_build_with_reworded_templates_checks_clean_with_the_same_templates(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    templates = _templates_saying_don_vi(tmp_path / "mau")
    out = tmp_path / "out"
    result = build(
        data / "meeting.yaml",
        out,
        kinds=["report", "press", "press-release"],
        formats=["docx", "html", "pdf"],
        templates=templates,
    )
    report = next(f for f in result.files if f.kind == "report" and f.format == "docx")
    text = document_text(report.path, "docx")
    assert "5 đơn vị" in text and "5 tập thể" not in text
    # -- the manifest records the templates: check draws with them unasked, or when given again --
    assert check(out).problems == []
    assert run(str(out), "--templates", str(templates)).exit_code == 0
    # -- drawn with the default templates instead, the wording differs and is named --
    shutil.rmtree(templates)
    shutil.copytree(tmp_path / "data", tmp_path / "other")
    default = tmp_path / "default"
    default.mkdir()
    changed = check(out, templates=default)
    assert {p.code for p in changed.problems} == {"check.changed_text"}
    assert any("5 đơn vị" in p.params["found"] and "5 tập thể" in p.params["expected"] for p in changed.problems)


def test_a_recorded_templates_folder_that_is_gone_is_bad_input(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    templates = _templates_saying_don_vi(tmp_path / "mau")
    build(data / "meeting.yaml", tmp_path / "out", kinds=["report"], formats=["html"], templates=templates)
    shutil.rmtree(templates)
    result = run(str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "Không có thư mục mẫu câu chữ" in result.output and "--templates" in result.output


def test_an_untouched_build_of_every_kind_checks_clean_certificates_included(tmp_path: Path) -> None:
    from umt_reports.documents.kinds import KINDS

    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    out = tmp_path / "out"
    result = build(
        data / "meeting-awards.yaml", out, kinds=list(KINDS), formats=["docx", "pdf", "html", "html-fragment"]
    )
    assert {f.kind for f in result.files} == set(KINDS)
    checked = check(out)
    assert checked.problems == [] and checked.notes == []
    assert len(checked.documents) == len(result.files)
    assert {"2022-06-17_giay-khen_112-QD-UBND.pdf", "2022-06-22_thong-bao.pdf"} <= set(checked.documents)


def test_an_edited_giay_khen_pdf_is_found(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    build(data / "meeting-awards.yaml", tmp_path / "out", kinds=["certificates"], formats=["pdf"])
    assert check(tmp_path / "out").ok
    # -- the data now names an awardee otherwise: the certificate on disk no longer says it --
    edit_text(data / "meeting-awards.yaml", "{name: Trần Thị Thu Hà,", "{name: Trần Thị Thu Hằng,")
    result = check(tmp_path / "out")
    assert [(p.code, p.params.get("phrase")) for p in result.problems] == [
        ("check.missing_awardee", "Trần Thị Thu Hằng")
    ]
    assert [n.code for n in result.notes] == ["check.source_changed"]


# -- paths, hashes and hand edits (issue 16 item 5) --------------------------------------------------


def _edit_manifest(out: Path, change) -> None:
    manifest = out / "manifest.json"
    content = json.loads(manifest.read_text(encoding="utf-8"))
    change(content["files"])
    manifest.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd", "../data/meeting.yaml"])
def test_a_manifest_path_leaving_the_folder_is_refused_and_not_read(built: Path, path: str) -> None:
    def point_outside(files: list) -> None:
        files[0]["path"] = path

    _edit_manifest(built, point_outside)
    result = run(str(built))
    assert result.exit_code == 2
    assert f"  - manifest.json: tệp «{path}» nằm ngoài thư mục kết quả; không đọc tệp này." in result.output
    assert path not in check(built).documents


def test_a_wrong_sha256_in_the_manifest_is_reported(built: Path) -> None:
    def wrong(files: list) -> None:
        files[0]["sha256"] = "0" * 64
        files[1]["sha256"] = "không-phải-mã"

    _edit_manifest(built, wrong)
    result = check(built)
    entries = json.loads((built / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert codes(result) == [(entries[0]["path"], "check.wrong_hash"), (entries[1]["path"], "check.bad_hash")]
    assert (
        result.problems[0]
        .message()
        .startswith("Tệp đúng như dữ liệu cho, nhưng manifest.json ghi SHA-256 000000000000… thay vì ")
    )


def test_a_name_edited_by_hand_everywhere_in_the_html_fails(built: Path) -> None:
    name = "2022-06-22_bao-cao_25-BC-UBND.html"
    page = built / name
    text = page.read_text(encoding="utf-8")
    assert text.count("Thượng") >= 2
    page.write_text(text.replace("Thượng", "Thuong"), encoding="utf-8")
    result = run(str(built))
    assert result.exit_code == 2
    problems = check(built).problems
    # -- the date line is a fact of its own (named); the other places are quoted --
    assert problems[0].code == "check.missing_date_line"
    assert {p.code for p in problems[1:]} == {"check.changed_text"}
    assert all(str(p.location) == name for p in problems)
    changed = problems[1:]
    assert any("U Minh Thuong" in p.params["found"] and "U Minh Thượng" in p.params["expected"] for p in changed)
    assert sum(p.params["count"] for p in changed) >= 1


def test_a_word_edited_in_a_narrative_paragraph_of_a_pdf_is_quoted(built: Path, tmp_path: Path) -> None:
    data = built.parent / "data" / "meeting.yaml"
    edit_text(data, "lan tỏa rộng", "lan tỏa hẹp")
    result = check(built, source=data)
    changed = [p for p in result.problems if p.code == "check.changed_text" and str(p.location) == f"{PRESS}.pdf"]
    assert len(changed) == 1
    assert "lan tỏa rộng" in changed[0].params["found"] and "lan tỏa hẹp" in changed[0].params["expected"]


def test_a_docx_saved_again_without_change_is_noted_not_failed(built: Path) -> None:
    path = built / f"{PRESS}.docx"
    docx.Document(str(path)).save(str(path))
    result = check(built)
    assert result.problems == []
    assert [(str(n.location), n.code) for n in result.notes] == [(f"{PRESS}.docx", "check.saved_again")]


@pytest.mark.parametrize("content", ['{"files": [{"path": 5, "kind": "report", "format": "pdf"}]}', "[", ""])
def test_a_manifest_of_another_shape_is_bad_input_with_its_reason(built: Path, content: str) -> None:
    (built / "manifest.json").write_text(content, encoding="utf-8")
    result = run(str(built))
    assert result.exit_code == 2
    assert "manifest.json: manifest.json không đọc được (" in result.output
    assert "Traceback" not in result.output
