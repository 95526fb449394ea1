"""The conclusion notice (thông báo kết luận, ND30 type TB), added through the kinds registry alone."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from umt_reports import InputError, load_meeting
from umt_reports.build import build
from umt_reports.documents.conclusion import build_conclusion
from umt_reports.documents.document import Para

GOLDEN = Path(__file__).parent / "golden"


def outline_text(document) -> str:
    """Document.outline() one item per line, nested parts indented."""
    lines: list[str] = []

    def emit(item, depth: int) -> None:
        if isinstance(item, tuple) and item and item[0] in ("header", "signature"):
            lines.append("  " * depth + item[0])
            for part in item[1:]:
                emit(part, depth + 1)
        elif isinstance(item, tuple) and item and isinstance(item[0], str):
            lines.append("  " * depth + " | ".join(str(x) for x in item))
        else:
            for part in item:
                emit(part, depth)

    kind, blocks, _ = document.outline()
    lines.append(f"kind: {kind}")
    emit(blocks, 0)
    return "\n".join(lines) + "\n"


def texts(document) -> list[str]:
    return [b.text for b in document.walk() if isinstance(b, Para)]


@pytest.mark.parametrize("name", ["meeting", "meeting-party"])
def test_the_sample_notice_matches_its_golden_outline(name: str, sample_yaml: Path) -> None:
    document = build_conclusion(load_meeting(sample_yaml.parent / f"{name}.yaml"))
    golden = GOLDEN / f"conclusion-{name}.txt"
    actual = outline_text(document)
    if os.environ.get("UMT_UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_the_notice_is_a_tb_with_a_blank_number_and_the_chair_concluding(sample_yaml: Path) -> None:
    document = build_conclusion(load_meeting(sample_yaml))
    lines = texts(document)
    assert "Số:      /TB-UBND" in lines and "THÔNG BÁO" in lines
    assert document.meta.type_code == "TB" and document.meta.code is None and document.meta.kind == "thong-bao-ket-luan"
    assert document.meta.subject.startswith("Kết luận của đồng chí Nguyễn Quốc Khởi tại Hội nghị tổng kết 5 năm")
    assert any(line.endswith("đồng chí Nguyễn Quốc Khởi kết luận như sau:") for line in lines)
    assert "1. Về các chỉ tiêu chủ yếu" in lines and "2. Kết quả đạt được" in lines
    assert "3. Phương hướng thời gian tới" in lines
    assert lines[-1] == "Nguyễn Quốc Khởi" and "TM. ỦY BAN NHÂN DÂN" in lines


def test_the_party_notice_follows_the_party_rules(sample_party_yaml: Path) -> None:
    lines = texts(build_conclusion(load_meeting(sample_party_yaml)))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in lines
    assert any(line.startswith("Số") and "-TB/" in line for line in lines)


def test_without_statistics_or_sections_the_items_are_left_out(write_yaml, sample_data) -> None:
    sample_data["statistics"] = []
    sample_data["sections"] = [{"paragraphs": ["Giao các phòng, ban xây dựng kế hoạch năm sau."]}]
    lines = texts(build_conclusion(load_meeting(write_yaml(sample_data))))
    assert "1. Giao các phòng, ban xây dựng kế hoạch năm sau." in lines
    assert not any("chỉ tiêu chủ yếu" in line for line in lines)


def test_a_meeting_without_chairs_cannot_have_a_conclusion_notice(write_yaml, sample_data, tmp_path: Path) -> None:
    sample_data["chairs"] = []
    with pytest.raises(InputError) as caught:
        build(write_yaml(sample_data), tmp_path / "out", kinds=["thong-bao-ket-luan"], formats=["docx"])
    (problem,) = caught.value.problems
    assert problem.code == "build.kind_needs" and problem.params["parts"] == "Chủ trì"
    assert problem.message() == "Không lập được thông báo kết luận: dữ liệu thiếu phần Chủ trì."
    assert str(problem.location).endswith("meeting.yaml")
    assert not (tmp_path / "out").exists()


def test_the_notice_builds_from_the_sample_in_docx_pdf_and_html(sample_yaml: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(sample_yaml.parent, data)
    result = build(
        data / "meeting.yaml", tmp_path / "out", kinds=["thông báo kết luận"], formats=["docx", "pdf", "html"]
    )
    names = sorted(f.path.name for f in result.files)
    assert names == ["2022-06-22_thong-bao.docx", "2022-06-22_thong-bao.html", "2022-06-22_thong-bao.pdf"]
    out = tmp_path / "out"
    paragraphs = [p.text for p in docx.Document(str(out / "2022-06-22_thong-bao.docx")).paragraphs]
    assert "THÔNG BÁO" in paragraphs and "3. Phương hướng thời gian tới" in paragraphs
    pdf = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(out / "2022-06-22_thong-bao.pdf"), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert "THÔNG BÁO" in pdf and "kết luận như sau:" in pdf and "19,4%/năm" in pdf
    assert next(f for f in result.files if f.format == "pdf").rendered.pdfa == "2B"
    html = (out / "2022-06-22_thong-bao.html").read_text(encoding="utf-8")
    assert "THÔNG BÁO" in html and "Số:      /TB-UBND" in html.replace("&nbsp;", " ")
