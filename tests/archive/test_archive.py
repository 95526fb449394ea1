"""The archive API: add, dedupe, replace, search, get, verify, recover, export."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
import os
import sqlite3
import stat
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from archive_helpers import Doc  # type: ignore[import-not-found]
from reportlab.pdfgen import canvas

from umt_reports.archive import (
    Archive,
    ArchiveError,
    ArchiveInputError,
    Query,
    archive_outputs,
    export_zip,
    from_xml,
    open_archive,
    resolve_root,
)
from umt_reports.archive.catalog import SCHEMA_VERSION
from umt_reports.archive.intake import Candidate, read_candidates
from umt_reports.archive.metadata import Record
from umt_reports.errors import InputError


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "archive"


def codes(error: pytest.ExceptionInfo[ArchiveError]) -> list[str]:
    return [p.code for p in error.value.problems]


def rows(root: Path) -> list[tuple]:
    with sqlite3.connect(root / "catalog.sqlite") as db:
        return db.execute(
            "SELECT id, code, status, version, supersedes, superseded_by FROM documents ORDER BY id"
        ).fetchall()


def stored_files(root: Path) -> list[str]:
    """The stored documents (not the record files written beside them)."""
    return sorted(
        p.relative_to(root).as_posix() for p in (root / "objects").rglob("*") if p.is_file() and p.suffix != ".xml"
    )


# -- adding --------------------------------------------------------------------------------------


def test_adding_a_build_folder_stores_each_pdf_once_read_only(root: Path, write_build, make_pdf) -> None:
    out = write_build(Doc(number=25), Doc(number=26, body="Văn bản khác"))
    with Archive(root, create=True) as archive:
        outcomes = archive.add([out])

    assert [(o.action, o.record.id, o.record.code) for o in outcomes] == [
        ("added", 1, "25/BC-UBND"),
        ("added", 2, "26/BC-UBND"),
    ]
    sha = hashlib.sha256(make_pdf(Doc(number=25))).hexdigest()
    stored = root / "objects" / sha[:2] / f"{sha}.pdf"
    assert stored.read_bytes() == make_pdf(Doc(number=25))
    assert not stat.S_IMODE(stored.stat().st_mode) & 0o222, "stored files are read-only"
    assert sorted(os.listdir(root / "tmp")) == []


def test_adding_the_same_output_again_changes_nothing(root: Path, write_build) -> None:
    out = write_build(Doc())
    with Archive(root, create=True) as archive:
        first = archive.add([out])
        before = (rows(root), stored_files(root))
        again = archive.add([out, out / "manifest.json", out / Doc().file_name])

    assert [o.action for o in again] == ["unchanged"]
    assert again[0].record == first[0].record
    assert (rows(root), stored_files(root)) == before
    assert len(rows(root)) == 1


def test_a_different_pdf_with_a_number_used_this_year_is_refused(root: Path, write_build) -> None:
    with Archive(root, create=True) as archive:
        archive.add([write_build(Doc(body="Bản đầu"))])
        with pytest.raises(ArchiveInputError) as refused:
            archive.add([write_build(Doc(body="Bản sửa"), Doc(number=30))])

    assert codes(refused) == ["archive.code_taken"]
    assert refused.value.problems[0].params == {"number": "25/BC-UBND", "year": 2022, "id": 1, "file": Doc().file_name}
    assert isinstance(refused.value, InputError), "the CLI exits 2 for it"
    assert rows(root) == [(1, "25/BC-UBND", "current", 1, None, None)], "all or nothing: 30/BC-UBND not added"
    assert len(stored_files(root)) == 1


def test_replace_keeps_the_old_version_as_superseded(root: Path, write_build, make_pdf) -> None:
    with Archive(root, create=True) as archive:
        archive.add([write_build(Doc(body="Bản đầu"))])
        outcomes = archive.add([write_build(Doc(body="Bản sửa"))], replace=True)
        current = archive.get("25/BC-UBND")
        history = archive.history(current)
        listed = archive.search()
        everything = archive.search(Query(include_superseded=True))
        report = archive.verify()

    assert [(o.action, o.record.id, o.replaced.id if o.replaced else None) for o in outcomes] == [("replaced", 2, 1)]
    assert outcomes[0].replaced is not None and outcomes[0].replaced.status == "superseded"
    assert rows(root) == [(1, "25/BC-UBND", "superseded", 1, None, 2), (2, "25/BC-UBND", "current", 2, 1, None)]
    assert current.id == 2
    assert [r.id for r in history] == [1, 2]
    assert [r.id for r in listed] == [2]
    assert [r.id for r in everything] == [1, 2]
    assert len(stored_files(root)) == 2, "the superseded file is kept"
    assert report.ok and report.checked == 2


def test_the_same_number_in_another_year_or_by_another_organ_is_a_new_document(root: Path, write_build) -> None:
    with Archive(root, create=True) as archive:
        outcomes = archive.add(
            [
                write_build(Doc(), Doc(date=dt.date(2023, 1, 5))),
                write_build(Doc(issuer="Ủy ban nhân dân huyện An Minh")),
            ]
        )

    assert [o.action for o in outcomes] == ["added"] * 3


def test_unnumbered_documents_never_clash(root: Path, write_build) -> None:
    with Archive(root, create=True) as archive:
        archive.add([write_build(Doc(number=None, body="một"))])
        outcomes = archive.add([write_build(Doc(number=None, body="hai"))])

    assert [o.action for o in outcomes] == ["added"]
    assert outcomes[0].record.code is None


def test_every_bad_input_is_listed_and_nothing_is_added(root: Path, tmp_path: Path, write_build, font_name) -> None:
    good = write_build(Doc(number=1))
    changed = write_build(Doc(number=2))
    pdf = changed / Doc(number=2).file_name
    os.chmod(pdf, 0o644)
    pdf.write_bytes(pdf.read_bytes().replace(b"%%EOF", b"%%EOF\n% edited"))
    not_pdf = tmp_path / "note.pdf"
    not_pdf.write_text("không phải PDF", encoding="utf-8")
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(_raw_reportlab_pdf(font_name))
    broken_manifest = tmp_path / "broken" / "manifest.json"
    broken_manifest.parent.mkdir()
    broken_manifest.write_text("{not json", encoding="utf-8")

    with pytest.raises(ArchiveInputError) as refused:
        read_candidates([good, changed, not_pdf, plain, tmp_path / "missing", broken_manifest])

    assert codes(refused) == [
        "archive.manifest_mismatch",
        "archive.not_pdf",
        "archive.not_pdfa",
        "archive.path_not_found",
        "archive.manifest_unreadable",
    ]
    assert str(refused.value.problems[2].location) == "plain.pdf"
    assert not root.exists()


def _raw_reportlab_pdf(font_name: str) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, initialFontName=font_name)
    c.drawString(72, 760, "Bản nháp chưa chuyển PDF/A")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_manifest_path_leaving_its_folder_is_refused(tmp_path: Path, write_build) -> None:
    out = write_build(Doc())
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][0]["path"] = "../elsewhere.pdf"
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    with pytest.raises(ArchiveInputError) as refused:
        read_candidates([out])

    assert codes(refused) == ["archive.manifest_outside"]


def test_a_pdf_without_a_manifest_is_described_from_its_docinfo(root: Path, tmp_path: Path, make_pdf) -> None:
    loose = tmp_path / "loose" / "van-ban.pdf"
    loose.parent.mkdir()
    loose.write_bytes(make_pdf(Doc(subject="Về công tác dân vận")))

    with Archive(root, create=True) as archive:
        [outcome] = archive.add([loose])

    r = outcome.record
    assert (r.code, r.kind, r.subject, r.organ_name, r.issued_date, r.language, r.page_amount, r.pdfa) == (
        None,
        None,
        "Về công tác dân vận",
        Doc().issuer,
        dt.date(2022, 6, 22),
        "Tiếng Việt",
        1,
        "2B",
    )
    assert r.title == "Báo cáo Về công tác dân vận"


def test_reading_an_archive_that_does_not_exist_says_so(root: Path) -> None:
    with pytest.raises(ArchiveInputError) as refused:
        open_archive(root)

    assert codes(refused) == ["archive.no_archive"]
    assert not root.exists()


def test_the_archive_root_comes_from_the_option_then_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("UMT_ARCHIVE", raising=False)
    assert resolve_root(None) == Path("archive")
    monkeypatch.setenv("UMT_ARCHIVE", str(tmp_path / "kho"))
    assert resolve_root(None) == tmp_path / "kho"
    assert resolve_root(tmp_path / "x") == tmp_path / "x"


# -- the catalog ---------------------------------------------------------------------------------


def test_the_catalog_is_sqlite_in_wal_mode_with_one_current_version_per_number(root: Path) -> None:
    Archive(root, create=True).close()

    with sqlite3.connect(root / "catalog.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
        indexes = {name: sql for name, sql in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")}
    assert "WHERE status = 'current' AND code IS NOT NULL" in indexes["documents_one_current_number"]


def test_a_catalog_from_a_newer_version_is_refused(root: Path) -> None:
    Archive(root, create=True).close()
    with sqlite3.connect(root / "catalog.sqlite") as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")

    with pytest.raises(ArchiveError) as refused:
        open_archive(root)

    assert codes(refused) == ["archive.schema_newer"]


def test_a_file_that_is_not_a_catalog_is_refused(root: Path) -> None:
    root.mkdir()
    (root / "catalog.sqlite").write_bytes(b"this is not sqlite" * 100)

    with pytest.raises(ArchiveError) as refused:
        open_archive(root)

    assert codes(refused) == ["archive.catalog_unreadable"]


# -- finding -------------------------------------------------------------------------------------


@pytest.fixture
def filled(root: Path, write_build) -> Archive:
    docs = [
        Doc(number=25, subject="Kết quả Hội nghị tổng kết công tác Dân vận năm 2022"),
        Doc(number=3, date=dt.date(2023, 3, 8), subject="Kế hoạch tổ chức Ngày Quốc tế Phụ nữ"),
        Doc(
            number=40,
            date=dt.date(2022, 11, 20),
            kind="press",
            type_name="Thông cáo báo chí",
            symbol="TCBC-UBND",
            subject="Hội nghị Dân vận khéo",
        ),
    ]
    archive = Archive(root, create=True)
    archive.add([write_build(*docs)])
    yield archive
    archive.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (Query("dan van"), ["25/BC-UBND", "40/TCBC-UBND"]),
        (Query("DÂN VẬN khéo"), ["40/TCBC-UBND"]),
        (Query("phu nu"), ["3/BC-UBND"]),
        (Query("25/bc"), ["25/BC-UBND"]),
        (Query("khởi"), ["25/BC-UBND", "40/TCBC-UBND", "3/BC-UBND"]),
        (Query("100%_"), []),
        (Query("nguyen"), ["25/BC-UBND", "40/TCBC-UBND", "3/BC-UBND"]),
        (Query("guy"), []),
        (Query("kh"), []),
        (Query("dan va"), []),
        (Query(date_from=dt.date(2022, 7, 1)), ["40/TCBC-UBND", "3/BC-UBND"]),
        (Query(date_from=dt.date(2022, 6, 22), date_to=dt.date(2022, 12, 31)), ["25/BC-UBND", "40/TCBC-UBND"]),
        (Query(kind="press"), ["40/TCBC-UBND"]),
        (Query("hoi nghi", kind="report", date_to=dt.date(2022, 12, 31)), ["25/BC-UBND"]),
    ],
)
def test_search_folds_diacritics_and_filters_by_date_and_kind(filled: Archive, query: Query, expected) -> None:
    assert [r.code for r in filled.search(query)] == expected


def test_unaccented_search_matches_whole_words_only(root: Path, write_build) -> None:
    docs = [
        Doc(number=7, subject="Hội nghị nhân dân xã Thạnh Yên"),
        Doc(number=8, date=dt.date(2022, 7, 1), subject="Hội nghị xã Yên Thuận"),
    ]
    with Archive(root, create=True) as archive:
        archive.add([write_build(*docs)])
        assert [r.code for r in archive.search(Query("Thạnh Yên"))] == ["7/BC-UBND"]
        assert [r.code for r in archive.search(Query("thanh yen"))] == ["7/BC-UBND"]
        assert [r.code for r in archive.search(Query("yen"))] == ["7/BC-UBND", "8/BC-UBND"]
        assert [r.code for r in archive.search(Query("ye"))] == []


def test_get_finds_a_record_by_id_hash_prefix_or_number(filled: Archive) -> None:
    by_code = filled.get("3/bc-ubnd")

    assert filled.get(str(by_code.id)) == by_code
    assert filled.get(f"#{by_code.id}") == by_code
    assert filled.get(by_code.sha256[:10]) == by_code
    assert filled.get(by_code.sha256[:10].upper()) == by_code


def test_get_says_what_it_cannot_find(filled: Archive) -> None:
    with pytest.raises(ArchiveInputError) as missing:
        filled.get("99/BC-UBND")

    assert codes(missing) == ["archive.not_found"]


# -- verifying -----------------------------------------------------------------------------------


def _flip_one_byte(path: Path) -> None:
    os.chmod(path, 0o644)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def test_verify_names_a_changed_a_missing_and_an_unknown_file(filled: Archive, root: Path) -> None:
    one, two, three = filled.search(Query(include_superseded=True))
    _flip_one_byte(filled.path_of(one))
    filled.path_of(two).unlink()
    (root / "objects" / "stray.pdf").write_bytes(b"%PDF-1.7 stray")
    (root / "tmp" / "0123.tmp").write_bytes(b"left by a dead add")

    report = filled.verify()

    assert not report.ok and report.checked == 3
    assert [(f.kind, f.path, f.record.id if f.record else None) for f in report.findings] == [
        ("changed", one.object_name, one.id),
        ("missing", two.object_name, two.id),
        ("unknown", "objects/stray.pdf", None),
    ]
    assert not (root / "tmp" / "0123.tmp").exists(), "temp files of dead adds are cleaned, not reported"


def test_verify_passes_on_an_intact_archive_with_or_without_pdfa(filled: Archive) -> None:
    assert filled.verify().ok
    assert filled.verify(pdfa=False).ok


def test_verify_rechecks_pdfa_of_unchanged_files(root: Path, tmp_path: Path, font_name: str) -> None:
    # -- intake never lets such a file in; a validator update could still disown a stored one --
    data = _raw_reportlab_pdf(font_name)
    record = Record(sha256=hashlib.sha256(data).hexdigest(), size=len(data), file_name="nhap.pdf")
    with Archive(root, create=True) as archive:
        archive.add_candidates([Candidate(tmp_path / "nhap.pdf", data, record)])
        with_pdfa = archive.verify()
        hash_only = archive.verify(pdfa=False)

    assert [(f.kind, f.record.file_name if f.record else None) for f in with_pdfa.findings] == [
        ("not_pdfa", "nhap.pdf")
    ]
    assert with_pdfa.findings[0].detail, "the validator findings are given"
    assert hash_only.ok


# -- crash recovery ------------------------------------------------------------------------------


def test_recover_removes_only_objects_an_uncommitted_add_placed(root: Path, filled: Archive) -> None:
    orphan = "objects/aa/" + "aa" * 32 + ".pdf"
    (root / "objects" / "aa").mkdir()
    (root / orphan).write_bytes(b"placed, never committed")
    (root / "tmp" / "x.pending").write_text(orphan, encoding="utf-8")
    committed = filled.search()[0].object_name
    (root / "tmp" / "y.pending").write_text(committed, encoding="utf-8")
    (root / "objects" / "unknown.pdf").write_bytes(b"someone else's file")

    recovery = filled.recover()

    assert recovery.removed_objects == (orphan,)
    assert (root / committed).is_file()
    assert (root / "objects" / "unknown.pdf").is_file(), "unknown files are reported by verify, never deleted"
    assert os.listdir(root / "tmp") == []


def test_a_failing_rename_leaves_neither_row_nor_file(root: Path, write_build, monkeypatch) -> None:
    out = write_build(Doc(number=1), Doc(number=2))
    archive = Archive(root, create=True)
    real_replace = os.replace
    calls = []

    def flaky_replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr("umt_reports.archive.store.os.replace", flaky_replace)
    with pytest.raises(ArchiveError) as failed:
        archive.add([out])
    monkeypatch.undo()

    assert codes(failed) == ["archive.storage_failed"]
    assert rows(root) == []
    assert stored_files(root) == [], "the first object, placed before the failure, was removed"
    assert os.listdir(root / "tmp") == []
    assert [o.action for o in archive.add([out])] == ["added", "added"]
    archive.close()


# -- exporting -----------------------------------------------------------------------------------


def test_export_writes_pdfs_xml_per_document_and_an_index(filled: Archive, tmp_path: Path) -> None:
    result = export_zip(filled, tmp_path / "nop-luu" / "kho.zip")

    with zipfile.ZipFile(result.path) as zf:
        names = zf.namelist()
        records = filled.search()
        assert names == ["index.xml", "index.csv"] + [
            f"documents/{r.id:04d}_{Path(r.file_name).stem}.{ext}" for r in records for ext in ("pdf", "xml")
        ]
        for r in records:
            stem = f"documents/{r.id:04d}_{Path(r.file_name).stem}"
            assert zf.read(f"{stem}.pdf") == filled.path_of(r).read_bytes()
            assert from_xml(zf.read(f"{stem}.xml")) == r
        index = ET.fromstring(zf.read("index.xml"))
        csv_text = zf.read("index.csv").decode("utf-8-sig")
    assert index.get("count") == "3"
    assert [e.findtext("Pdf") for e in index] == [n for n in names if n.endswith(".pdf")]
    assert [from_xml(ET.tostring(e.find("Document"))) for e in index] == records
    assert csv_text.splitlines()[0] == (
        "Id,FileCode,TypeName,CodeNumber,CodeNotation,IssuedDate,OrganName,Subject,"
        "Language,PageAmount,Position,FullName,Status,Sha256,Pdf"
    )
    assert len(csv_text.splitlines()) == 4


def test_export_is_byte_identical_for_the_same_content(filled: Archive, tmp_path: Path) -> None:
    one = export_zip(filled, tmp_path / "a.zip").path.read_bytes()
    two = export_zip(filled, tmp_path / "b.zip").path.read_bytes()

    assert one == two


def test_export_filters_like_search(filled: Archive, tmp_path: Path) -> None:
    result = export_zip(filled, tmp_path / "press.zip", Query(kind="press"))

    assert [r.code for r in result.records] == ["40/TCBC-UBND"]


def test_export_refuses_a_changed_file_and_writes_nothing(filled: Archive, tmp_path: Path) -> None:
    _flip_one_byte(filled.path_of(filled.search()[1]))

    with pytest.raises(ArchiveError) as refused:
        export_zip(filled, tmp_path / "kho.zip")

    assert codes(refused) == ["archive.export_changed"]
    assert sorted(os.listdir(tmp_path)) == ["archive", "out1"]


# -- build integration ---------------------------------------------------------------------------


def test_archive_outputs_takes_a_folder_or_its_manifest(root: Path, write_build) -> None:
    out = write_build(Doc(number=1), Doc(number=2))

    first = archive_outputs(root, out)
    second = archive_outputs(root, out / "manifest.json")

    assert [o.action for o in first] == ["added", "added"]
    assert [o.action for o in second] == ["unchanged", "unchanged"]


@dataclasses.dataclass
class _Written:
    path: Path
    format: str


@dataclasses.dataclass
class _Built:
    manifest: Path | None
    files: list[_Written]


def test_archive_outputs_of_a_build_result_takes_only_that_builds_pdfs(root: Path, write_build) -> None:
    out = write_build(Doc(number=1), Doc(number=2))
    built = _Built(
        out / "manifest.json", [_Written(out / Doc(number=2).file_name, "pdf"), _Written(out / "x.docx", "docx")]
    )

    outcomes = archive_outputs(root, built)

    assert [o.record.code for o in outcomes] == ["2/BC-UBND"]
    assert archive_outputs(root, _Built(out / "manifest.json", [_Written(out / "x.docx", "docx")])) == []


def test_end_to_end_build_archive_verify_tamper(
    root: Path, tmp_path: Path, sample_yaml: Path, sample_data: dict, write_yaml: Callable[..., Path]
) -> None:
    from umt_reports.build import build

    result = build(sample_yaml, tmp_path / "out", formats=["pdf", "docx"])
    outcomes = archive_outputs(root, result)
    again = archive_outputs(root, build(sample_yaml, tmp_path / "out", formats=["pdf"]))

    assert [(o.action, o.record.code, o.record.kind) for o in outcomes] == [("added", "25/BC-UBND", "report")]
    assert [o.action for o in again] == ["unchanged"]
    record = outcomes[0].record
    assert (record.organ_name, record.signer_name, record.issued_date, record.source_file) == (
        "Ủy ban nhân dân huyện U Minh Thượng",
        "Nguyễn Quốc Khởi",
        dt.date(2022, 6, 22),
        "meeting.yaml",
    )
    with open_archive(root) as archive:
        assert archive.verify().ok
        assert [r.code for r in archive.search(Query("dan van"))] == ["25/BC-UBND"]

    sample_data["sections"][0]["paragraphs"].append("Đoạn bổ sung sau khi ký.")
    edited = build(write_yaml(sample_data, "edited.yaml"), tmp_path / "edited", formats=["pdf"])
    with pytest.raises(ArchiveInputError) as refused:
        archive_outputs(root, edited)
    assert codes(refused) == ["archive.code_taken"]
    replaced = archive_outputs(root, edited, replace=True)
    assert [(o.action, o.replaced.id if o.replaced else None) for o in replaced] == [("replaced", record.id)]

    with open_archive(root) as archive:
        _flip_one_byte(archive.path_of(record))
        archive.path_of(replaced[0].record).unlink()
        findings = [(f.kind, f.record.id if f.record else None) for f in archive.verify().findings]
    assert findings == [("changed", record.id), ("missing", replaced[0].record.id)]
