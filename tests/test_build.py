"""The build: files named from the document, atomic writes, the manifest."""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile

import pytest

from umt_reports import UmtError
from umt_reports.build import build, start_build


def listing(folder):
    return sorted((p.name, p.stat().st_size) for p in folder.iterdir())


def test_files_get_readable_ascii_names_and_a_manifest(tmp_path, sample_yaml) -> None:
    result = build(sample_yaml, tmp_path, kinds=["report"], formats=["docx"])
    assert [f.path.name for f in result.files] == ["2022-06-22_bao-cao_25-BC-UBND.docx"]
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    [entry] = manifest["files"]
    assert entry["kind"] == "report" and entry["code"] == "25/BC-UBND" and entry["issuer"].startswith("Ủy ban")


def test_a_started_build_writes_nothing_until_it_finishes_and_then_what_build_writes(tmp_path, sample_yaml) -> None:
    started = start_build(sample_yaml, tmp_path / "started", kinds=["report"], formats=["docx", "pdf"])
    assert not (tmp_path / "started").exists()
    finished = started.finish()
    built = build(sample_yaml, tmp_path / "built", kinds=["report"], formats=["docx", "pdf"])
    assert [f.sha256 for f in finished.files] == [f.sha256 for f in built.files]
    assert listing(tmp_path / "started") == listing(tmp_path / "built")


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


# -- kinds and formats from the registries (issue 15) ---------------------------------------------


def test_a_request_mixing_kinds_with_formats_they_lack_builds_what_exists_and_notes_the_rest(
    tmp_path, sample_yaml
) -> None:
    result = build(
        sample_yaml.parent / "meeting-awards.yaml",
        tmp_path,
        kinds=["decision", "certificates"],
        formats=["docx", "pdf"],
    )
    assert sorted((f.kind, f.format) for f in result.files) == [
        ("certificates", "pdf"),
        ("decision", "docx"),
        ("decision", "pdf"),
    ]
    (note,) = result.notes
    assert note.code == "build.format_skipped"
    assert note.message() == "Không lập giấy khen dưới dạng docx: loại văn bản này chỉ có dạng pdf."
    assert note.message("en") == "certificates is not built as docx: this kind exists only as pdf."


def test_kinds_may_be_named_in_vietnamese_and_formats_in_any_case(tmp_path, sample_yaml) -> None:
    result = build(sample_yaml, tmp_path, kinds=["Báo cáo", "tin-bai", "report"], formats=["HTML"])
    assert [(f.kind, f.format) for f in result.files] == [("report", "html"), ("press", "html")]


@pytest.mark.parametrize(
    "kinds, formats, code",
    [
        ([], ["docx"], "build.no_kind"),
        (["report"], [], "build.no_format"),
        (["biên bản"], ["docx"], "build.unknown_kind"),
        (["report"], ["odt"], "build.unknown_format"),
        (["certificates"], ["html", "docx"], "build.no_pair"),
    ],
)
def test_a_request_that_builds_nothing_is_bad_input_and_writes_nothing(
    tmp_path, sample_yaml, kinds, formats, code
) -> None:
    from umt_reports import InputError

    with pytest.raises(InputError) as caught:
        build(sample_yaml.parent / "meeting-awards.yaml", tmp_path / "out", kinds=kinds, formats=formats)
    assert [p.code for p in caught.value.problems] == [code]
    assert not (tmp_path / "out").exists()


def test_the_manifest_records_the_templates_and_font_asked_for(tmp_path, sample_yaml) -> None:
    from umt_reports.render import RenderOptions

    templates = tmp_path / "mau"
    templates.mkdir()
    build(
        sample_yaml,
        tmp_path / "out",
        kinds=["report"],
        formats=["docx"],
        templates=templates,
        options=RenderOptions(font="Liberation Serif"),
    )
    [entry] = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert entry["options"] == {"font": "Liberation Serif", "templates": "../mau"}
    assert entry["source"]["file"] == "meeting.yaml" and len(entry["source"]["sha256"]) == 64
