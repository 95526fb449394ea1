"""``umt-reports check``: documents on disk against the meeting data they were built from."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from umt_reports import InputError, UmtError, load_meeting
from umt_reports.build import build
from umt_reports.check import Fact, check, document_text, facts_for, figures
from umt_reports.cli import main
from umt_reports.documents.press import build_press_release
from umt_reports.messages import CATALOGUE

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "u-minh-thuong-2022"
KINDS = ["report", "press", "press-release"]
FORMATS = ["html", "html-fragment", "docx", "pdf"]
PRESS = "2022-06-22_tin-bai"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """The sample (with its photo) built in every kind and format, once."""
    root = tmp_path_factory.mktemp("check")
    data = root / "data"
    shutil.copytree(SAMPLE, data)
    build(data / "meeting.yaml", root / "out", kinds=KINDS, formats=FORMATS)
    return root


@pytest.fixture
def built(pristine: Path, tmp_path: Path) -> Path:
    """A private copy of the built sample (data beside it, as the manifest records)."""
    shutil.copytree(pristine / "data", tmp_path / "data")
    shutil.copytree(pristine / "out", tmp_path / "out")
    return tmp_path / "out"


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def codes(result) -> list[tuple[str, str]]:
    return [(str(p.location), p.code) for p in result.problems]


def edit_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_docx_xml(path: Path, old: str, new: str) -> None:
    """Replace text inside word/document.xml (as a hand edit would)."""
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert old in xml
    parts["word/document.xml"] = xml.replace(old, new, 1).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


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


def test_without_pdftotext_reading_a_pdf_is_a_clear_error(built: Path, monkeypatch) -> None:
    monkeypatch.setattr("umt_reports.check.shutil.which", lambda name: None)
    with pytest.raises(UmtError) as caught:
        document_text(built / f"{PRESS}.pdf", "pdf")
    assert caught.value.problems[0].code == "check.no_pdftotext"
    assert "poppler-utils" in caught.value.problems[0].message()


def test_a_broken_file_is_named(built: Path) -> None:
    (built / f"{PRESS}.docx").write_bytes(b"not a zip")
    with pytest.raises(UmtError) as caught:
        check(built)
    assert caught.value.problems[0].code == "check.unreadable"
    assert str(caught.value.problems[0].location) == f"{PRESS}.docx"


# -- reading files back -------------------------------------------------------------------------


def test_pdf_page_numbers_are_not_text(built: Path) -> None:
    text = document_text(built / f"{PRESS}.pdf", "pdf")
    assert "\n2\n" not in text and "Diễm My" in text


def test_html_text_skips_the_head_styles_and_attributes(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text('<!DOCTYPE html><html lang="vi"><head><title>T 1</title><style>p{margin:2pt}</style></head>'
                    '<body><p>Đạt <strong>19,4</strong>%</p><p>47 đơn</p><img alt="9" src="x.jpg"></body></html>',
                    encoding="utf-8")
    assert figures(document_text(page, "html")) == {"19,4": 1, "47": 1}


def test_figures_count_numbers_as_written() -> None:
    assert figures("19,4%/năm; 1.387 người; ngày 21/6/2022; 2016-2021.") == {
        "19,4": 1, "1.387": 1, "21": 1, "6": 1, "2022": 1, "2016": 1, "2021": 1}


# -- facts of messy meetings ------------------------------------------------------------------


def test_facts_follow_what_the_data_has(write_yaml, sample_data) -> None:
    sample_data["chairs"] = []
    sample_data["meeting"]["date"] = "21/6"
    sample_data["statistics"] = [{"label": "Chỉ tiêu đạt", "value": "22/27 chỉ tiêu"},
                                 {"label": "Dân số", "value": 1387, "unit": "người"}]
    sample_data["awards"] = [{"form": "Giấy khen", "collectives": 3},
                             {"form": "Bằng khen", "individuals": [{"name": "Lê Thị Bình"}]}]
    meeting = load_meeting(write_yaml(sample_data))
    facts = facts_for(meeting, "press-release", build_press_release(meeting))
    assert [(f.code, f.phrase) for f in facts] == [
        ("statistic", "22/27 chỉ tiêu"),
        ("statistic", "1.387 người"),
        ("meeting_date", "21/6"),
        ("award", "3 tập thể"),
        ("award", "1 cá nhân"),
        ("awardee", "Lê Thị Bình"),
        ("date_line", "U Minh Thượng, ngày 22 tháng 6 năm 2022"),
        ("signer", "Nguyễn Quốc Khởi"),
    ]
    assert facts_for(meeting, "decision") == []


def test_a_count_may_be_written_with_or_without_the_thousands_dot() -> None:
    from umt_reports.check import _count_fact

    fact = _count_fact(1200, "cá nhân", "Giấy khen")
    assert fact.found_in("cho 1200 cá nhân") and fact.found_in("cho 1.200 cá nhân")
    assert not Fact("chair", "Nguyễn Văn A").found_in("nguyễn văn b")
    assert not Fact("author", "Minh Thư").found_in("huyện u minh thượng")
    assert Fact("statistic", "19,4%").found_in("bình quân 19,4%/năm") and not Fact("s", "9,4%").found_in("19,4%")


def test_every_check_message_exists_in_both_languages() -> None:
    from umt_reports.check import MEETING_KINDS  # noqa: F401 -- the module registers no codes itself

    codes_ = [c for c in CATALOGUE if c.startswith("check.")]
    assert {"check.missing_chair", "check.unknown_figure", "check.lost_figure", "check.passed"} <= set(codes_)
    for code in codes_:
        assert CATALOGUE[code]["vi"] and CATALOGUE[code]["en"]
