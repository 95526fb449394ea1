"""The command line: exit codes, messages in Vietnamese (or English), never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.sources.workbooks import make_book

from umt_reports.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_accepts_the_samples(sample_yaml, sample_party_yaml) -> None:
    for path in (sample_yaml, sample_party_yaml):
        code, out, err = run("validate", str(path))
        assert (code, err) == (0, "")
        assert out == f"{path}: hợp lệ.\n"


def test_validate_lists_every_problem_and_exits_2(write_yaml) -> None:
    path = write_yaml("profile: ubnd-u-minh-thuong\nmeeting:\n  date: 31/02/2022\n  plase: x\n")
    code, out, err = run("validate", str(path))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0] == f"{path}: 3 lỗi."
    assert lines[1:] == [
        "  - meeting.yaml:2: Thiếu «Tên hội nghị».",
        "  - meeting.yaml:3: «Ngày họp»: ngày 31/02/2022 không tồn tại. Cần một ngày có thật, dạng ngày/tháng/năm "
        "(ví dụ 21/6/2022).",
        "  - meeting.yaml:4: Khóa không hợp lệ `plase` (gõ nhầm?). Các khóa được phép: title, date, place.",
    ]


def test_messages_name_fields_as_the_workbook_does(tmp_path, sample_data, write_yaml) -> None:
    sample_data["chairs"][1]["name"] = ""
    sample_data["awards"][0]["amount"] = -5
    code, _, err = run("validate", str(write_yaml(sample_data)))
    assert code == 2
    assert "«Họ và tên (Chủ trì)» đang để trống." in err
    assert "«Mức thưởng (đồng) (Khen thưởng)» không được âm (nhận được -5)." in err
    book = make_book(
        tmp_path / "m.xlsx",
        {
            "Hội nghị": [
                ["Mục", "Giá trị"],
                ["Cơ quan ban hành (hồ sơ)", "ubnd-u-minh-thuong"],
                ["Ngày họp", "31/02/2022"],
            ]
        },
    )
    code, _, err = run("--lang", "en", "validate", str(book))
    assert err.splitlines()[1:] == [
        "  - Hội nghị: «Tên hội nghị» is missing.",
        "  - Hội nghị!B3: «Ngày họp»: 31/02/2022 is not a real date. Expected a real date as day/month/year "
        "(e.g. 21/6/2022).",
    ]


def test_messages_are_in_english_on_request(write_yaml) -> None:
    path = write_yaml("profile: ubnd-u-minh-thuong\nmeeting:\n  title: X\n  date: 31/02/2022\n")
    code, _, err = run("--lang", "en", "validate", str(path))
    assert code == 2
    assert err.splitlines() == [
        f"{path}: 1 problem.",
        "  - meeting.yaml:4: «Ngày họp»: 31/02/2022 is not a real date. Expected a real date as day/month/year "
        "(e.g. 21/6/2022).",
    ]


def _password_protected_xlsx() -> bytes:
    # -- an encrypted workbook is an OLE compound file, whatever its extension --
    return bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504


def _truncated_xlsx(sample_yaml: Path, tmp_path: Path) -> bytes:
    import yaml

    from umt_reports.sources.xlsx_template import write_template

    full = tmp_path / "full.xlsx"
    write_template(full, yaml.safe_load(sample_yaml.read_text(encoding="utf-8")))
    data = full.read_bytes()
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("meeting.xls", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504, "file.unsupported_type"),
        ("meeting.ods", b"PK\x03\x04" + b"\0" * 100, "file.unsupported_type"),
        ("meeting.csv", "Tên hội nghị;Ngày\n".encode(), "file.unsupported_type"),
        ("meeting.xlsx", b"", "file.empty"),
        ("meeting.yaml", b"", "file.empty"),
        ("meeting.xlsx", b"this is not a workbook", "xlsx.not_zip"),
        ("meeting.xlsx", _password_protected_xlsx(), "xlsx.encrypted"),
        ("meeting.yaml", b"meeting: [1, 2\n", "yaml.syntax"),
        ("meeting.yaml", b"\xff\xfe bad bytes", "file.not_utf8"),
    ],
)
def test_unusable_files_get_one_clear_message(tmp_path, name, content, code) -> None:
    from umt_reports.messages import CATALOGUE

    path = tmp_path / name
    path.write_bytes(content)
    exit_code, out, err = run("validate", str(path))
    assert exit_code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0] == f"{path}: 1 lỗi."
    expected_start = CATALOGUE[code]["vi"].split("{")[0]
    assert expected_start in lines[1]
    assert "Traceback" not in err


def test_a_truncated_workbook_gets_one_clear_message(tmp_path, sample_yaml) -> None:
    path = tmp_path / "meeting.xlsx"
    path.write_bytes(_truncated_xlsx(sample_yaml, tmp_path))
    code, _, err = run("validate", str(path))
    assert code == 2
    assert len(err.splitlines()) == 2 and "Traceback" not in err


def test_yaml_syntax_errors_name_line_and_column(write_yaml) -> None:
    path = write_yaml("meeting:\n  title: X\n  date: [1, 2\n")
    code, _, err = run("validate", str(path))
    assert code == 2
    assert err.splitlines()[1].startswith("  - meeting.yaml:4: Lỗi cú pháp YAML ở dòng 4, cột 1:")


def test_a_yaml_alias_bomb_is_refused_quickly(write_yaml) -> None:
    text = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for prev, name in zip("abcdefgh", "bcdefghi"):
        text += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n"
    code, _, err = run("validate", str(write_yaml(text)))
    assert code == 2
    assert "quá phức tạp" in err


def test_a_missing_file_is_named(tmp_path) -> None:
    code, _, err = run("validate", str(tmp_path / "khong-co.yaml"))
    assert code == 2
    assert "Không tìm thấy tệp" in err


def test_an_unexpected_error_is_one_line_not_a_traceback(monkeypatch, sample_yaml) -> None:
    import umt_reports.api as api

    def boom(*args, **kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(api, "read_meeting_file", boom)
    code, _, err = run("validate", str(sample_yaml))
    assert code == 3
    assert err.startswith("Lỗi nội bộ của umt-reports (RuntimeError: hỏng)")
    assert "Traceback" not in err


def test_build_archive_refused_by_the_archive_exits_2_and_writes_nothing(tmp_path, write_yaml, sample_data) -> None:
    kho, first = tmp_path / "kho", tmp_path / "first"
    code, _, err = run(
        "build",
        str(write_yaml(sample_data)),
        "--out",
        str(first),
        "--format",
        "docx,pdf",
        "--archive",
        "--archive-dir",
        str(kho),
    )
    assert (code, err) == (0, "")
    before = {p.name: p.read_bytes() for p in first.iterdir()}
    # -- the same number with other content: the archive refuses it without --replace --
    sample_data["meeting"]["title"] += " (sửa)"
    changed = write_yaml(sample_data, "changed.yaml")
    for out in (tmp_path / "second", first):
        code, out_text, err = run(
            "build", str(changed), "--out", str(out), "--format", "docx,pdf", "--archive", "--archive-dir", str(kho)
        )
        assert (code, out_text) == (2, "")
        assert "25/BC-UBND" in err and "--replace" in err
    assert not (tmp_path / "second").exists()
    assert {p.name: p.read_bytes() for p in first.iterdir()} == before
    code, out_text, _ = run("archive", "list", "--json", "--archive-dir", str(kho))
    assert len(json.loads(out_text)) == 1
    # -- with --replace the same build goes through --
    code, _, err = run(
        "build",
        str(changed),
        "--out",
        str(tmp_path / "second"),
        "--format",
        "pdf",
        "--archive",
        "--replace",
        "--archive-dir",
        str(kho),
    )
    assert (code, err) == (0, "")


def test_build_archive_stores_the_pdfs_and_verify_passes(tmp_path, sample_yaml) -> None:
    kho = tmp_path / "kho"
    code, out, err = run(
        "build",
        str(sample_yaml),
        "--out",
        str(tmp_path / "out"),
        "--kind",
        "report",
        "--format",
        "docx,pdf",
        "--archive",
        "--archive-dir",
        str(kho),
    )
    assert (code, err) == (0, "")
    assert "25/BC-UBND" in out.splitlines()[-1]
    code, out, _ = run("archive", "verify", "--archive-dir", str(kho))
    assert code == 0
    # -- building the same again adds nothing --
    code, out, _ = run(
        "build",
        str(sample_yaml),
        "--out",
        str(tmp_path / "out"),
        "--format",
        "pdf",
        "--archive",
        "--archive-dir",
        str(kho),
    )
    code, out, _ = run("archive", "list", "--json", "--archive-dir", str(kho))
    import json

    assert [d["code"] for d in json.loads(out)] == ["25/BC-UBND"]


# -- kinds and formats from the registries (issue 15) ---------------------------------------------


def test_build_takes_vietnamese_kind_names_and_notes_formats_a_kind_lacks(sample_yaml, tmp_path: Path) -> None:
    awards = sample_yaml.parent / "meeting-awards.yaml"
    code, out, err = run(
        "build",
        str(awards),
        "--out",
        str(tmp_path),
        "--kind",
        "Quyết định khen thưởng,giấy khen",
        "--format",
        "pdf,html",
    )
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "  * Không lập giấy khen dưới dạng html: loại văn bản này chỉ có dạng pdf."
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "2022-06-17_giay-khen_112-QD-UBND.pdf",
        "2022-06-17_quyet-dinh_112-QD-UBND.html",
        "2022-06-17_quyet-dinh_112-QD-UBND.pdf",
        "manifest.json",
    ]


def test_build_with_empty_kind_and_format_is_bad_input_and_writes_nothing(sample_yaml, tmp_path: Path) -> None:
    code, out, err = run("build", str(sample_yaml), "--out", str(tmp_path / "out"), "--kind", "", "--format", "")
    assert code == 2 and out == ""
    assert "Chưa chọn loại văn bản nào (--kind)." in err and "Chưa chọn định dạng nào (--format)." in err
    assert not (tmp_path / "out").exists()


def test_build_help_lists_the_kinds_of_the_registry_with_their_vietnamese_names() -> None:
    code, out, _ = run("build", "--help")
    flat = " ".join(out.split())
    assert code == 0 and "thong-bao-ket-luan (thông báo kết luận)" in flat and "html-fragment" in flat


def test_validate_with_kinds_says_which_data_a_kind_lacks(write_yaml, sample_data) -> None:
    sample_data.pop("awards")
    path = write_yaml(sample_data)
    assert run("validate", str(path), "--kind", "báo cáo")[0] == 0
    code, out, err = run("validate", str(path), "--kind", "report,decision")
    assert code == 2 and out == ""
    assert (
        err.splitlines()[1]
        == "  - meeting.yaml: Không lập được quyết định khen thưởng: dữ liệu thiếu phần Khen thưởng."
    )
