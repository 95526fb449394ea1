"""Giấy khen certificates: one page per named awardee, in full or on pre-printed forms."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from umt_reports import InputError, load_meeting, vn
from umt_reports.cli import main
from umt_reports.documents import PageBreak, Placed, PlacedLine
from umt_reports.documents.certificates import build_certificates, certificate_count
from umt_reports.errors import RenderError
from umt_reports.render import RenderOptions, render
from umt_reports.resources import profiles_dir

PROFILES = profiles_dir()


@pytest.fixture
def awards_yaml(sample_yaml: Path) -> Path:
    return sample_yaml.parent / "meeting-awards.yaml"


@pytest.fixture
def awards_data(awards_yaml: Path) -> dict:
    data = yaml.safe_load(awards_yaml.read_text(encoding="utf-8"))
    data["press"].pop("photos", None)
    return data


def pages(document) -> list[list]:
    """The placed blocks of each page."""
    result: list[list] = [[]]
    for block in document.blocks:
        if isinstance(block, PageBreak):
            result.append([])
        else:
            result[-1].append(block)
    return result


def texts_by_role(page: list) -> dict[str, str]:
    return {b.role: b.text for b in page if isinstance(b, Placed)}


def test_one_landscape_page_per_named_awardee_in_list_order(awards_yaml: Path) -> None:
    meeting = load_meeting(awards_yaml)
    document = build_certificates(meeting)
    sheets = pages(document)
    assert len(sheets) == certificate_count(meeting) == 15
    assert (document.page_spec.width_mm, document.page_spec.height_mm) == (297.0, 210.0)
    assert document.page_numbers is False and document.meta.kind == "certificates"
    recipients = [texts_by_role(p)["certificate.recipient"] for p in sheets]
    collectives, individuals = recipients[:5], recipients[5:]
    assert collectives == sorted(collectives, key=vn.sort_key)
    assert individuals == sorted(individuals, key=vn.name_sort_key)
    assert individuals[:3] == ["Nguyễn Văn Anh", "Phạm Thị Ánh", "Đặng Hoàng Ân"]


def test_a_certificate_says_who_awards_whom_for_what_under_which_decision(awards_yaml: Path) -> None:
    sheet = texts_by_role(pages(build_certificates(load_meeting(awards_yaml)))[5])
    assert sheet == {
        "certificate.nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "certificate.motto": "Độc lập - Tự do - Hạnh phúc",
        "certificate.authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN U MINH THƯỢNG",
        "certificate.verb": "TẶNG",
        "certificate.title": "GIẤY KHEN",
        "certificate.recipient": "Nguyễn Văn Anh",
        "certificate.unit": "Trưởng ấp Vĩnh Lập, xã Vĩnh Hòa",
        "certificate.achievement": "Đã có thành tích tốt trong thực hiện chương trình phối hợp giữa Ban Dân vận "
        "Huyện ủy và Ủy ban nhân dân huyện, giai đoạn 2016-2021.",
        "certificate.decision": "Quyết định số 112/QĐ-UBND\nngày 17/6/2022",
        "certificate.date_line": "U Minh Thượng, ngày 17 tháng 6 năm 2022",
        "certificate.signer_title": "CHỦ TỊCH",
        "certificate.signer_name": "Nguyễn Quốc Khởi",
    }


def test_the_page_is_centred_and_framed(awards_yaml: Path) -> None:
    sheet = pages(build_certificates(load_meeting(awards_yaml)))[0]
    centred = [
        b
        for b in sheet
        if isinstance(b, Placed)
        and b.role in ("certificate.nation", "certificate.authority", "certificate.title", "certificate.recipient")
    ]
    assert {(b.x_mm, b.align) for b in centred} == {(148.5, "center")}
    frame = [b for b in sheet if isinstance(b, PlacedLine)]
    assert len(frame) == 8 and min(b.x1_mm for b in frame) == 9.0 and max(b.x1_mm for b in frame) == 297 - 9.0
    # -- a collective has no unit line: the achievement moves up to keep the page balanced --
    by_role = {b.role: b for b in sheet if isinstance(b, Placed)}
    assert "certificate.unit" not in by_role and by_role["certificate.achievement"].y_mm < 122.0


def test_another_paper_size_scales_the_layout(write_yaml, awards_data, tmp_path) -> None:
    profile = (PROFILES / "ubnd-u-minh-thuong.yaml").read_text(encoding="utf-8")
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "ubnd-a3.yaml").write_text(
        profile + "certificate_page: {width_mm: 420, height_mm: 297}\n", encoding="utf-8"
    )
    awards_data["profile"] = "ubnd-a3"
    document = build_certificates(load_meeting(write_yaml(awards_data)))
    assert (document.page_spec.width_mm, document.page_spec.height_mm) == (420.0, 297.0)
    title = next(b for b in pages(document)[0] if isinstance(b, Placed) and b.role == "certificate.title")
    assert title.x_mm == pytest.approx(210.0) and title.size_pt == pytest.approx(40 * min(420 / 297, 297 / 210))


def test_print_on_form_prints_only_the_variable_texts_after_a_calibration_page(awards_yaml: Path) -> None:
    meeting = load_meeting(awards_yaml)
    document = build_certificates(meeting, print_on_form=True)
    sheets = pages(document)
    assert len(sheets) == 1 + 15 and document.meta.kind == "certificates-form"
    form = meeting.issuer.certificate_form
    first = {b.role: b for b in sheets[1] if isinstance(b, Placed)}
    assert set(first) == {
        "certificate.recipient",
        "certificate.achievement",
        "certificate.decision",
        "certificate.date_line",
        "certificate.signer_name",
    }  # -- a collective: no unit --
    recipient = first["certificate.recipient"]
    assert (recipient.x_mm, recipient.y_mm, recipient.size_pt, recipient.align) == (
        form.fields.recipient.x_mm,
        form.fields.recipient.y_mm,
        22.0,
        "center",
    )
    assert not any(isinstance(b, PlacedLine) for sheet in sheets[1:] for b in sheet)
    calibration = sheets[0]
    labels = [b.text for b in calibration if isinstance(b, Placed) and b.role == "calibration.label"]
    assert "recipient: x = 148,5, y = 101 mm" in labels and len(labels) == 6
    marks = [b for b in calibration if isinstance(b, PlacedLine) and b.role == "calibration.mark"]
    assert len(marks) == 2 * 6
    # -- the calibration sample is a person with a unit, so every field shows --
    assert any(b.role == "certificate.unit" for b in calibration if isinstance(b, Placed))


def test_print_on_form_needs_the_profile_form_section(write_yaml, awards_data, tmp_path) -> None:
    profile = (PROFILES / "ubnd-u-minh-thuong.yaml").read_text(encoding="utf-8")
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "ubnd-plain.yaml").write_text(profile.split("certificate_form:")[0], encoding="utf-8")
    awards_data["profile"] = "ubnd-plain"
    with pytest.raises(InputError) as caught:
        build_certificates(load_meeting(write_yaml(awards_data)), print_on_form=True)
    assert caught.value.problems[0].code == "commendation.no_form"
    assert "ubnd-plain" in caught.value.problems[0].message()


def test_a_form_field_outside_the_paper_range_is_located(write_yaml, awards_data, tmp_path) -> None:
    profile = (PROFILES / "ubnd-u-minh-thuong.yaml").read_text(encoding="utf-8")
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "ubnd-bad.yaml").write_text(profile.replace("y_mm: 101", "y_mm: -5"), encoding="utf-8")
    awards_data["profile"] = "ubnd-bad"
    with pytest.raises(InputError) as caught:
        load_meeting(write_yaml(awards_data))
    (problem,) = caught.value.problems
    assert problem.code == "commendation.mm_range" and problem.location.file == "ubnd-bad.yaml"


def test_counts_alone_cannot_be_printed(sample_yaml: Path) -> None:
    with pytest.raises(InputError) as caught:
        build_certificates(load_meeting(sample_yaml))
    assert caught.value.problems[0].code == "commendation.no_named"


def test_the_certificate_pdf_has_exactly_one_page_per_awardee(awards_yaml: Path, tmp_path: Path) -> None:
    calls: list[int] = []
    rendered = render(build_certificates(load_meeting(awards_yaml)), "pdf", RenderOptions(on_page=calls.append))
    assert rendered.pages == 15 and rendered.pdfa == "2B"
    assert calls == list(range(1, 16))
    path = tmp_path / "gk.pdf"
    path.write_bytes(rendered.data)
    page_6 = subprocess.run(
        ["pdftotext", "-f", "6", "-l", "6", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    for text in ("GIẤY KHEN", "Nguyễn Văn Anh", "Trưởng ấp Vĩnh Lập, xã Vĩnh Hòa", "Quyết định số 112/QĐ-UBND"):
        assert text in page_6
    size = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    assert "841.89 x 595.276 pts" in size  # -- A4 landscape --


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_placed_pages_are_pdf_only_and_say_so(awards_yaml: Path, fmt: str) -> None:
    with pytest.raises(RenderError) as caught:
        render(build_certificates(load_meeting(awards_yaml)), fmt)
    assert caught.value.problems[0].code == "commendation.placed_unsupported"


def test_the_cli_builds_decision_and_certificates_and_the_form_variant(awards_yaml: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(
        main,
        [
            "build",
            str(awards_yaml),
            "--out",
            str(out),
            "--kind",
            "decision,certificates",
            "--format",
            "pdf",
            "--no-progress",
        ],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main,
        [
            "build",
            str(awards_yaml),
            "--out",
            str(out),
            "--kind",
            "certificates",
            "--format",
            "pdf",
            "--print-on-form",
            "--progress",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "là trang căn chỉnh" in result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    kinds = {entry["kind"]: entry for entry in manifest["files"]}
    assert set(kinds) == {"decision", "certificates", "certificates-form"}
    assert kinds["certificates"]["pages"] == 15 and kinds["certificates-form"]["pages"] == 16
    assert kinds["certificates"]["path"] == "2022-06-17_giay-khen_112-QD-UBND.pdf"
    result = runner.invoke(
        main, ["build", str(awards_yaml), "--out", str(out), "--kind", "certificates", "--format", "docx"]
    )
    # -- certificates exist only as PDF (the kinds registry): asking for DOCX alone is bad input --
    assert result.exit_code == 2 and "chỉ có dạng pdf" in result.output
