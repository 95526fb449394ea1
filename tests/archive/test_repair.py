"""A damaged catalog is never silently replaced; ``archive repair`` restores the records from the
stored files; ids too large for SQLite and over-long search texts are plain refusals."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from archive_helpers import Doc  # type: ignore[import-not-found]
from click.testing import CliRunner

from umt_reports.archive import Archive, Query, from_xml
from umt_reports.archive.catalog import MAX_QUERY_CHARS
from umt_reports.archive.repair import repair
from umt_reports.cli.archive import archive


@click.group()
@click.option("--lang", type=click.Choice(["vi", "en"]), default=None)
def root_command(lang: str | None) -> None:
    """Stands in for umt_reports.cli.main, which registers the same group."""


root_command.add_command(archive)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner(env={"COLUMNS": "160", "UMT_ARCHIVE": None}).invoke(root_command, list(args))
    return result.exit_code, result.output


def rows(root: Path) -> list[tuple]:
    with sqlite3.connect(root / "catalog.sqlite") as db:
        return db.execute(
            "SELECT id, sha256, code, kind, status, version, supersedes, superseded_by, archived_at, "
            "subject, file_name FROM documents ORDER BY id"
        ).fetchall()


def tree(root: Path) -> dict[str, str]:
    """Every stored file with its hash, and what the catalog holds (SQLite may checkpoint its WAL on open)."""
    files = {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(root.rglob("*")) if p.is_file() and not p.name.startswith("catalog.sqlite")}  # fmt: skip
    catalog = root / "catalog.sqlite"
    if catalog.is_file() and catalog.stat().st_size:
        with sqlite3.connect(catalog) as db:
            files["tables"] = repr(db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall())
    else:
        files["catalog"] = "absent or empty" if not catalog.exists() or not catalog.stat().st_size else "?"
        files["catalog size"] = str(catalog.stat().st_size) if catalog.exists() else "-"
    return files


@pytest.fixture
def kho(tmp_path: Path, write_build: Callable[..., Path]) -> Path:
    """An archive of three documents: 25/BC-UBND in two versions (the second replaced the first), and 40/TCBC-UBND."""
    root = tmp_path / "kho"
    with Archive(root, create=True) as store:
        store.add([write_build(Doc(number=25), Doc(number=40, date=dt.date(2022, 11, 20), kind="press",
                                                   symbol="TCBC-UBND", type_name="Thông cáo báo chí"))])  # fmt: skip
        store.add([write_build(Doc(number=25, body="Bản sửa."))], replace=True)
    return root


def _drop_documents(root: Path) -> None:
    with sqlite3.connect(root / "catalog.sqlite") as db:
        db.execute("DROP TABLE documents")


def _empty(root: Path) -> None:
    for suffix in ("-wal", "-shm"):
        (root / f"catalog.sqlite{suffix}").unlink(missing_ok=True)
    (root / "catalog.sqlite").write_bytes(b"")


def _delete(root: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        (root / f"catalog.sqlite{suffix}").unlink(missing_ok=True)


def _drop_everything(root: Path) -> None:
    with sqlite3.connect(root / "catalog.sqlite") as db:
        db.execute("DROP TABLE documents")
        db.execute("DROP TABLE meta")


DAMAGES: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "lost its table": (_drop_documents, "bị hỏng: mất bảng documents", "archive.catalog_damaged"),
    "lost every table": (_drop_everything, "bị mất, rỗng hoặc không còn bảng nào", "archive.catalog_lost"),
    "is zero-length": (_empty, "bị mất, rỗng hoặc không còn bảng nào", "archive.catalog_lost"),
    "is gone": (_delete, "bị mất, rỗng hoặc không còn bảng nào", "archive.catalog_lost"),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_catalog_is_never_silently_replaced(kho: Path, write_build: Callable[..., Path], damage: str) -> None:
    harm, words, _ = DAMAGES[damage]
    harm(kho)
    before = tree(kho)
    new = write_build(Doc(number=77, body="Mới."))
    for args in (["add", str(new)], ["list"], ["search", "hội nghị"], ["show", "1"]):
        code, output = run("archive", *args, "--archive-dir", str(kho))
        assert code == 1, (args, output)
        assert words in output and "umt-reports archive repair" in output, output
    assert tree(kho) == before  # -- nothing written: no new catalog beside the old files --


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_repair_restores_every_record_with_its_versions(kho: Path, damage: str) -> None:
    expected = rows(kho)
    DAMAGES[damage][0](kho)
    code, output = run("archive", "repair", "--archive-dir", str(kho))
    assert code == 0, output
    assert output.startswith("Đã dựng lại danh mục: 3 văn bản (")
    assert rows(kho) == expected
    with Archive(kho) as store:
        assert store.verify(pdfa=False).ok
        assert [r.code for r in store.search(Query("hoi nghi"))] == ["25/BC-UBND", "40/TCBC-UBND"]
        assert store.get("25/BC-UBND").version == 2


def test_repair_keeps_the_old_catalog_beside_the_new_one(kho: Path) -> None:
    _drop_documents(kho)
    old = (kho / "catalog.sqlite").read_bytes()
    report = repair(kho)
    assert report.kept_as is not None and report.kept_as.name.startswith("catalog.sqlite.damaged-")
    assert report.kept_as.read_bytes() == old
    assert report.restored == {"catalog": 0, "record_file": 3, "pdf": 0}


def test_repair_of_a_readable_catalog_keeps_its_rows(kho: Path) -> None:
    expected = rows(kho)
    report = repair(kho)
    assert report.restored == {"catalog": 3, "record_file": 0, "pdf": 0}
    assert rows(kho) == expected


def test_without_record_files_repair_describes_each_pdf_from_its_own_metadata(kho: Path) -> None:
    _delete(kho)
    for record_file in (kho / "objects").rglob("*.xml"):
        record_file.unlink()
    report = repair(kho)
    assert report.restored == {"catalog": 0, "record_file": 0, "pdf": 3}
    with Archive(kho) as store:
        records = store.search()
    assert len(records) == 3 and all(r.code is None and r.kind is None for r in records)
    assert {r.issued_date for r in records} == {dt.date(2022, 6, 22), dt.date(2022, 11, 20)}


def test_repair_leaves_out_and_names_a_stored_file_whose_content_changed(kho: Path) -> None:
    _delete(kho)
    victim = min((kho / "objects").rglob("*.pdf"))
    os.chmod(victim, stat.S_IRUSR | stat.S_IWUSR)
    victim.write_bytes(victim.read_bytes() + b"%")
    code, output = run("archive", "repair", "--archive-dir", str(kho))
    assert code == 0
    name = victim.relative_to(kho).as_posix()
    assert f"{name}: nội dung không còn khớp mã băm" in output
    with Archive(kho) as store:
        assert len(store.search(Query(include_superseded=True))) == 2


def test_each_stored_file_has_its_record_beside_it(kho: Path) -> None:
    with Archive(kho) as store:
        records = store.search(Query(include_superseded=True))
    for record in records:
        stored = from_xml((kho / record.object_name).with_suffix(".xml").read_bytes())
        assert (stored.id, stored.sha256, stored.code, stored.archived_at) == (
            record.id,
            record.sha256,
            record.code,
            record.archived_at,
        )


def test_a_catalog_path_that_is_a_folder_is_named_as_such(tmp_path: Path) -> None:
    kho = tmp_path / "kho"
    (kho / "catalog.sqlite").mkdir(parents=True)
    for args in (["list"], ["repair"], ["verify"]):
        code, output = run("archive", *args, "--archive-dir", str(kho))
        assert code == 1
        assert f"{kho / 'catalog.sqlite'} là một thư mục, không phải tệp danh mục kho" in output


def test_repair_of_an_empty_folder_says_there_is_no_archive(tmp_path: Path) -> None:
    code, output = run("archive", "repair", "--archive-dir", str(tmp_path / "trong"))
    assert code == 2 and "Chưa có kho lưu trữ" in output


# -- ids and search text --------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", ["99999999999999999999999", "9223372036854775808", "²", "٣"])
def test_show_of_an_id_no_catalog_can_hold_is_not_found(kho: Path, ref: str) -> None:
    code, output = run("archive", "show", ref, "--archive-dir", str(kho))
    assert code == 2, output
    assert "Lỗi nội bộ" not in output and ref in output


def test_a_search_text_too_long_is_refused_in_vietnamese(kho: Path) -> None:
    for text in ("a" * 100_000, " ".join(["hội"] * 30)):
        code, output = run("archive", "search", text, "--archive-dir", str(kho))
        assert code == 2, output
        assert output.strip().endswith(f"Chuỗi tìm kiếm quá dài: tối đa {MAX_QUERY_CHARS} ký tự và 20 từ.")
        assert "LIKE" not in output and "sqlite" not in output.lower()


def test_repair_json_reports_the_sources(kho: Path) -> None:
    _empty(kho)
    code, output = run("archive", "repair", "--archive-dir", str(kho), "--json")
    assert code == 0
    data = json.loads(output)
    assert data["total"] == 3 and data["restored"]["record_file"] == 3 and data["kept_as"].endswith("")
