"""``umt-reports archive``: messages from the catalogue, tables, --json, exit codes."""

from __future__ import annotations

import datetime as dt
import json
import os
import zipfile
from pathlib import Path

import click
import pytest
from archive_helpers import Doc  # type: ignore[import-not-found]
from click.testing import CliRunner

from umt_reports.cli.archive import archive


@click.group()
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None)
def root(lang: str | None) -> None:
    """Stands in for umt_reports.cli.main, which registers the same group."""


root.add_command(archive)


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "160", "UMT_ARCHIVE": None, **(env or {})}).invoke(root, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def kho(tmp_path: Path) -> str:
    return str(tmp_path / "kho")


@pytest.fixture
def outputs(write_build) -> Path:
    return write_build(
        Doc(number=25, subject="Kết quả Hội nghị tổng kết công tác Dân vận"),
        Doc(
            number=40,
            date=dt.date(2022, 11, 20),
            kind="press",
            type_name="Thông cáo báo chí",
            symbol="TCBC-UBND",
            subject="Hội nghị điển hình Dân vận khéo",
        ),
    )


def test_add_says_what_it_stored_and_again_that_nothing_changed(kho: str, outputs: Path) -> None:
    first = run("archive", "add", str(outputs), "--archive-dir", kho)
    second = run("archive", "add", str(outputs / "manifest.json"), "--archive-dir", kho)

    assert first == (
        0,
        f"Đã lưu #1 25/BC-UBND ({Doc(number=25).file_name})\n"
        "Đã lưu #2 40/TCBC-UBND (2022-11-20_bao-cao_40-TCBC-UBND.pdf)\n",
        "",
    )
    assert second == (
        0,
        f"Đã có #1 25/BC-UBND ({Doc(number=25).file_name}), không thay đổi\n"
        "Đã có #2 40/TCBC-UBND (2022-11-20_bao-cao_40-TCBC-UBND.pdf), không thay đổi\n",
        "",
    )


def test_add_refuses_a_reused_number_with_exit_2_and_replace_keeps_the_old(kho: str, write_build) -> None:
    run("archive", "add", str(write_build(Doc(body="một"))), "--archive-dir", kho)
    second = write_build(Doc(body="hai"))

    code, out, err = run("archive", "add", str(second), "--archive-dir", kho)
    assert (code, out) == (2, "")
    assert err == (
        f"  - {Doc().file_name}: Số 25/BC-UBND năm 2022 đã có trong kho (mục #1, {Doc().file_name}) "
        "với nội dung khác. Dùng --replace để thay (bản cũ được giữ lại là bản bị thay thế), "
        "hoặc cấp số khác.\n"
    )

    code, out, _ = run("--lang", "en", "archive", "add", str(second), "--replace", "--archive-dir", kho)
    assert (code, out) == (
        0,
        f"Archived #2 25/BC-UBND ({Doc().file_name}) replacing #1; the old one is kept as superseded\n",
    )
    listed = json.loads(run("archive", "list", "--all", "--json", "--archive-dir", kho)[1])
    assert [(r["id"], r["status"], r["version"]) for r in listed] == [(1, "superseded", 1), (2, "current", 2)]
    table = run("archive", "list", "--all", "--archive-dir", kho)[1].splitlines()
    assert [line.strip("│").split("│")[-1].strip() for line in table[3:5]] == ["đã bị thay thế", "hiện hành"]


def test_add_of_a_missing_path_exits_2_without_creating_the_archive(kho: str, tmp_path: Path) -> None:
    code, out, err = run("archive", "add", str(tmp_path / "none"), "--archive-dir", kho)

    assert (code, out) == (2, "")
    assert (
        err == f"  - none: Không tìm thấy {tmp_path / 'none'}. Cần một thư mục kết quả lập văn bản, "
        "tệp manifest.json hoặc tệp PDF.\n"
    )
    assert not Path(kho).exists()


def test_list_prints_one_line_per_document_even_in_80_columns(kho: str, outputs: Path) -> None:
    run("archive", "add", str(outputs), "--archive-dir", kho)

    result = CliRunner(env={"COLUMNS": "80"}).invoke(root, ["archive", "list", "--archive-dir", kho])

    lines = result.stdout.splitlines()
    assert len(lines) == 7 and {len(line) for line in lines[:-1]} == {80}
    assert lines[4] == "│ 2 │ 40/TCBC-UBND │ 20/11/2022 │ Thông cáo báo… │ Hội nghị điển hình… │     1 │"


def test_list_prints_a_table_and_json(kho: str, outputs: Path) -> None:
    run("archive", "add", str(outputs), "--archive-dir", kho)

    code, out, _ = run("archive", "list", "--archive-dir", kho)
    lines = out.splitlines()
    assert code == 0
    assert [c.strip() for c in lines[1].strip("┃").split("┃")] == [
        "#",
        "Số, ký hiệu",
        "Ngày",
        "Loại",
        "Trích yếu",
        "Trang",
    ]
    assert [c.strip() for c in lines[3].strip("│").split("│")] == [
        "1",
        "25/BC-UBND",
        "22/06/2022",
        "Báo cáo",
        "Kết quả Hội nghị tổng kết công tác Dân vận",
        "1",
    ]
    assert lines[-1] == "2 văn bản."

    code, out, _ = run("archive", "list", "--json", "--archive-dir", kho)
    data = json.loads(out)
    assert [(r["id"], r["code"], r["issued_date"], r["kind"]) for r in data] == [
        (1, "25/BC-UBND", "2022-06-22", "report"),
        (2, "40/TCBC-UBND", "2022-11-20", "press"),
    ]


def test_search_without_diacritics_by_date_and_kind(kho: str, outputs: Path) -> None:
    run("archive", "add", str(outputs), "--archive-dir", kho)

    def codes(*args: str) -> list[str]:
        code, out, _ = run("archive", "search", *args, "--json", "--archive-dir", kho)
        assert code == 0
        return [r["code"] for r in json.loads(out)]

    assert codes("dan van") == ["25/BC-UBND", "40/TCBC-UBND"]
    assert codes("dan van", "--kind", "press") == ["40/TCBC-UBND"]
    assert codes("--from", "1/7/2022") == ["40/TCBC-UBND"]
    assert codes("--from", "2022-01-01", "--to", "30/6/2022") == ["25/BC-UBND"]
    assert codes("không có") == []
    assert run("archive", "search", "không có", "--archive-dir", kho)[1] == "Không có văn bản nào.\n"


def test_search_rejects_a_date_that_does_not_exist(kho: str) -> None:
    code, _, err = run("archive", "search", "--from", "31/2/2022", "--archive-dir", kho)

    assert code == 2
    assert "«31/2/2022» không phải ngày" in err


def test_show_prints_every_field_and_the_versions(kho: str, outputs: Path) -> None:
    run("archive", "add", str(outputs), "--archive-dir", kho)

    code, out, _ = run("--lang", "en", "archive", "show", "25/bc-ubnd", "--archive-dir", kho)
    fields = {line[:25].strip(): line[25:].strip() for line in out.splitlines()}
    assert code == 0
    assert fields["Number and notation"] == "25/BC-UBND"
    assert fields["Issued date"] == "2022-06-22"
    assert fields["Signer position"] == "Chủ tịch"
    assert fields["Signer name"] == "Nguyễn Quốc Khởi"
    assert fields["PDF/A"] == "2B"
    assert fields["Status"] == "current"

    code, out, _ = run("archive", "show", "2", "--json", "--archive-dir", kho)
    shown = json.loads(out)
    assert (shown["record"]["code"], [r["id"] for r in shown["history"]]) == ("40/TCBC-UBND", [2])
    assert Path(shown["path"]).is_file()

    assert run("archive", "show", "99", "--archive-dir", kho)[0] == 2

    # -- the notation the messages print ("Đã lưu #2 40/TCBC-UBND …") is accepted too --
    code, out, _ = run("archive", "show", "#2", "--json", "--archive-dir", kho)
    assert (code, json.loads(out)["record"]["code"]) == (0, "40/TCBC-UBND")


def test_verify_passes_then_names_a_changed_and_a_missing_file_with_exit_1(kho: str, outputs: Path) -> None:
    run("archive", "add", str(outputs), "--archive-dir", kho)
    assert run("archive", "verify", "--archive-dir", kho) == (
        0,
        "Kho nguyên vẹn: 2 tệp đúng mã băm và đạt PDF/A.\n",
        "",
    )
    records = json.loads(run("archive", "list", "--json", "--archive-dir", kho)[1])
    first, second = (Path(kho) / f"objects/{r['sha256'][:2]}/{r['sha256']}.pdf" for r in records)
    os.chmod(first, 0o644)
    data = bytearray(first.read_bytes())
    data[100] ^= 0xFF
    first.write_bytes(bytes(data))
    second.unlink()

    code, out, _ = run("archive", "verify", "--archive-dir", kho)

    assert code == 1
    assert out.splitlines() == [
        "Kho có 2 vấn đề (2 tệp đã kiểm tra):",
        f"  - tệp đã bị thay đổi: #1 25/BC-UBND (objects/{records[0]['sha256'][:2]}/{records[0]['sha256']}.pdf)",
        f"  - thiếu tệp: #2 40/TCBC-UBND (objects/{records[1]['sha256'][:2]}/{records[1]['sha256']}.pdf)",
    ]
    code, out, _ = run("archive", "verify", "--json", "--no-pdfa", "--archive-dir", kho)
    report = json.loads(out)
    assert code == 1
    assert (report["ok"], [(f["kind"], f["id"]) for f in report["findings"]]) == (
        False,
        [("changed", 1), ("missing", 2)],
    )


def test_export_writes_the_zip(kho: str, outputs: Path, tmp_path: Path) -> None:
    run("archive", "add", str(outputs), "--archive-dir", kho)

    code, out, _ = run(
        "archive", "export", "--out", str(tmp_path / "nop.zip"), "--kind", "report", "--archive-dir", kho
    )

    assert (code, out) == (0, f"Đã xuất 1 văn bản vào {tmp_path / 'nop.zip'}\n")
    with zipfile.ZipFile(tmp_path / "nop.zip") as zf:
        assert len(zf.namelist()) == 4


def test_the_archive_root_comes_from_umt_archive(tmp_path: Path, outputs: Path) -> None:
    env = {"UMT_ARCHIVE": str(tmp_path / "env-kho")}

    assert run("archive", "add", str(outputs), env=env)[0] == 0
    assert (tmp_path / "env-kho" / "catalog.sqlite").is_file()
    assert run("archive", "verify", "--no-pdfa", env=env)[0] == 0


def test_reading_a_missing_archive_exits_2_and_says_how_to_start(kho: str) -> None:
    code, out, err = run("--lang", "en", "archive", "list", "--archive-dir", kho)

    assert (code, out) == (2, "")
    assert err == (
        f"  - There is no archive at {kho}. Add documents with umt-reports archive add, "
        "or point to it with --archive-dir or UMT_ARCHIVE.\n"
    )
