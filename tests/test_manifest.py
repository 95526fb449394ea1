"""``manifest.json``: one typed model, one reader, one writer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from umt_reports.manifest import (
    DrawOptions,
    Entry,
    Manifest,
    ManifestError,
    SourceRecord,
    manifest_bytes,
    read_manifest,
)

ENTRY = Entry(
    kind="report",
    format="pdf",
    path="2022-06-22_bao-cao_25-BC-UBND.pdf",
    sha256="ab" * 32,
    size=1234,
    title="Báo cáo Kết quả",
    type="Báo cáo",
    subject="Kết quả",
    code="25/BC-UBND",
    number=25,
    date="2022-06-22",
    issuer="Ủy ban nhân dân huyện",
    signer={"name": "Nguyễn Văn A", "title": "Chủ tịch"},
    pages=3,
    font="Liberation Serif",
    pdfa="2B",
    source=SourceRecord("meeting.yaml", "../data/meeting.yaml", "cd" * 32),
    options=DrawOptions(font="Liberation Serif", templates="../mau"),
)


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_what_the_writer_writes_the_reader_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_bytes(manifest_bytes(Manifest("umt-reports 1.0", (ENTRY,))))
    assert read_manifest(path) == Manifest("umt-reports 1.0", (ENTRY,))
    text = path.read_text(encoding="utf-8")
    assert '"issuer": "Ủy ban nhân dân huyện"' in text and text.endswith("}\n")
    assert json.loads(text)["files"][0]["options"] == {"font": "Liberation Serif", "templates": "../mau"}


def test_keys_this_version_does_not_know_are_kept(tmp_path: Path) -> None:
    entry = {**ENTRY.to_json(), "signature": {"by": "x"}}
    manifest = read_manifest(write(tmp_path, {"generator": "g", "files": [entry]}))
    assert manifest.files[0].extra == {"signature": {"by": "x"}}
    assert json.loads(manifest_bytes(manifest))["files"][0]["signature"] == {"by": "x"}


@pytest.mark.parametrize(
    "data, reason",
    [
        ([], "expected"),
        ({"files": {}}, "expected"),
        ({"files": ["x"]}, "files[0]: expected an object"),
        ({"files": [{"path": "a.pdf", "kind": "report"}]}, "files[0].format: expected text"),
        ({"files": [{"path": "a.pdf", "kind": "report", "format": "pdf", "pages": "3"}]}, "files[0].pages"),
        ({"files": [{"path": "a.pdf", "kind": "report", "format": "pdf", "number": True}]}, "files[0].number"),
        ({"files": [{"path": "a.pdf", "kind": "report", "format": "pdf", "source": []}]}, "files[0].source"),
        ({"files": [{"path": "a.pdf", "kind": "report", "format": "pdf", "sha256": 5}]}, "files[0].sha256"),
    ],
)
def test_a_file_of_another_shape_is_refused_with_the_reason(tmp_path: Path, data: object, reason: str) -> None:
    with pytest.raises(ManifestError, match=reason.replace("[", r"\[").replace("]", r"\]")):
        read_manifest(write(tmp_path, data))


def test_text_that_is_not_json_or_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    for data in (b"{", b"\xff\xfe"):
        path.write_bytes(data)
        with pytest.raises(ManifestError):
            read_manifest(path)
    with pytest.raises(FileNotFoundError):
        read_manifest(tmp_path / "none.json")


@pytest.mark.parametrize(
    "path", ["../../etc/passwd", "/etc/passwd", "a/../../b.pdf", "", ".", "C:\\x.pdf", "..\\x.pdf"]
)
def test_a_path_leaving_the_folder_names_no_file(tmp_path: Path, path: str) -> None:
    assert Entry(kind="report", format="pdf", path=path).file_in(tmp_path) is None


def test_a_path_inside_the_folder_names_its_file(tmp_path: Path) -> None:
    assert Entry(kind="report", format="pdf", path="sub/a.pdf").file_in(tmp_path) == (tmp_path / "sub/a.pdf").resolve()


def test_a_link_pointing_outside_names_no_file(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.pdf").symlink_to(tmp_path / "secret.pdf")
    assert Entry(kind="report", format="pdf", path="a.pdf").file_in(tmp_path / "out") is None


def test_merging_keeps_older_entries_whose_files_exist(tmp_path: Path) -> None:
    (tmp_path / "old.pdf").write_bytes(b"x")
    old = Entry(kind="report", format="pdf", path="old.pdf")
    gone = Entry(kind="report", format="docx", path="gone.docx")
    new = Entry(kind="press", format="html", path="a.html")
    merged = Manifest("old", (old, gone)).merged([new], tmp_path)
    assert [e.path for e in merged.files] == ["a.html", "old.pdf"]


def test_a_sha256_must_be_64_hex_digits() -> None:
    assert ENTRY.sha256_ok
    assert not Entry(kind="r", format="pdf", path="a", sha256="xyz").sha256_ok
    assert not Entry(kind="r", format="pdf", path="a", sha256="ab" * 31).sha256_ok
    assert Entry(kind="r", format="pdf", path="a", sha256="AB" * 32).sha256_ok
