"""The build: files named from the document, atomic writes, the manifest."""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile

import pytest

from umt_reports import UmtError
from umt_reports.build import build


def listing(folder):
    return sorted((p.name, p.stat().st_size) for p in folder.iterdir())


def test_files_get_readable_ascii_names_and_a_manifest(tmp_path, sample_yaml) -> None:
    result = build(sample_yaml, tmp_path, kinds=["report"], formats=["docx"])
    assert [f.path.name for f in result.files] == ["2022-06-22_bao-cao_25-BC-UBND.docx"]
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    [entry] = manifest["files"]
    assert entry["kind"] == "report" and entry["code"] == "25/BC-UBND" and entry["issuer"].startswith("Ủy ban")


def test_a_second_build_keeps_the_first_builds_manifest_entries(tmp_path, sample_yaml) -> None:
    build(sample_yaml, tmp_path, kinds=["report"], formats=["docx"])
    build(sample_yaml, tmp_path, kinds=["press"], formats=["html"])
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(e["kind"] for e in manifest["files"]) == ["press", "report"]


def test_a_write_failure_leaves_the_folder_as_it_was(tmp_path, sample_yaml, monkeypatch) -> None:
    build(sample_yaml, tmp_path, kinds=["report"], formats=["docx"])
    before = listing(tmp_path)
    real = tempfile.mkstemp
    calls = []

    def full_disk(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", full_disk)
    with pytest.raises(UmtError) as info:
        build(sample_yaml, tmp_path, kinds=["report"], formats=["docx", "pdf"])
    assert info.value.problems[0].code == "build.write_failed"
    assert listing(tmp_path) == before


def test_written_files_follow_the_umask(tmp_path, sample_yaml) -> None:
    old = os.umask(0o022)
    try:
        [written] = build(sample_yaml, tmp_path, kinds=["report"], formats=["docx"]).files
    finally:
        os.umask(old)
    assert stat.S_IMODE(written.path.stat().st_mode) == 0o644
