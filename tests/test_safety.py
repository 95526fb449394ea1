"""Safety of a build: data is never code, never a path out of its folders, and a failed build writes nothing.

- Wording templates run sandboxed; data holding ``{{ … }}`` or ``{% … %}`` is printed as it is.
- File names come from slugs, so no value of the data leads outside ``--out``.
- Photos are read only from the data file's folder (``..``, absolute paths and links out are refused).
- Every output file arrives by renaming a temporary file; a build that fails leaves ``--out`` as it was.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

import umt_reports
import umt_reports.build as build_module
from umt_reports.build import build
from umt_reports.cli import main
from umt_reports.errors import InputError, Problem, RenderError
from umt_reports.resources import profiles_dir

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "u-minh-thuong-2022"
PROFILE = profiles_dir() / "ubnd-u-minh-thuong.yaml"
TEMPLATE_DATA = "{{ 7 * 7 }} {% for x in range(3) %}x{% endfor %} {# c #} {{ ''.__class__.__mro__ }}"


def _tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) with the SHA-256 of its bytes."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        return re.sub(r"<[^>]+>", "", docx.read("word/document.xml").decode("utf-8"))


@pytest.fixture
def data(sample_data: dict[str, Any]) -> dict[str, Any]:
    sample_data["press"].pop("photos", None)
    return sample_data


# -- templates ---------------------------------------------------------------------------------------


def test_data_that_looks_like_a_template_is_printed_literally_in_every_format(
    tmp_path: Path, write_yaml, data: dict[str, Any]
) -> None:
    data["chairs"][0]["name"] = TEMPLATE_DATA
    data["meeting"]["place"] = "{% raw %}{{ x }}"
    data["sections"][0]["paragraphs"][0] = "{{ meeting.__init__.__globals__ }}"
    result = build(write_yaml(data), tmp_path / "out", kinds=["report"], formats=["docx", "html"])
    docx = next(f.path for f in result.files if f.format == "docx")
    html = next(f.path for f in result.files if f.format == "html").read_text(encoding="utf-8")
    for text in (_docx_text(docx), html):
        text = text.replace("&#39;", "'").replace("&#x27;", "'").replace("&quot;", '"')
        assert "{{ 7 * 7 }} {% for x in range(3) %}x{% endfor %} {# c #}" in text
        assert "{% raw %}{{ x }}" in text and "{{ meeting.__init__.__globals__ }}" in text
        assert "49 xxx" not in text and "xxx" not in text and "<class" not in text.replace("&lt;", "<")


def test_a_wording_template_that_reaches_for_python_internals_is_refused_and_nothing_is_written(
    tmp_path: Path, write_yaml, data: dict[str, Any]
) -> None:
    templates = tmp_path / "mau"
    templates.mkdir()
    (templates / "report.j2").write_text(
        '{% extends "default/report.j2" %}{% block subject %}{{ cycler.__init__.__globals__.os }}{% endblock %}',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(write_yaml(data)), "--out", str(out), "--templates", str(templates)]
    )
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not out.exists()


# -- paths from the data -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "symbol", ["../../../evil", "/etc/cron.d/x", "..\\..\\x", "UBND/../../..", "\x00/../x", "~root"]
)
def test_names_from_the_data_never_lead_outside_out(
    tmp_path: Path, write_yaml, data: dict[str, Any], symbol: str
) -> None:
    issuer = yaml.safe_load(PROFILE.read_text(encoding="utf-8"))
    issuer["symbol"] = symbol
    data.pop("profile")
    data["issuer"] = issuer
    source = write_yaml(data)
    out = tmp_path / "a" / "b" / "out"
    before = {p for p in tmp_path.rglob("*")}
    result = build(source, out, kinds=["report", "press"], formats=["docx", "html"])
    created = {p for p in tmp_path.rglob("*") if p.is_file()} - before
    assert created and all(p.resolve().parent == out.resolve() for p in created)
    for written in result.files:
        assert written.path.parent == out
        assert re.fullmatch(r"[0-9a-z_.-]+|[0-9a-zA-Z_.-]+", written.path.name), written.path.name
        assert ".." not in written.path.name.replace("...", "")


@pytest.mark.parametrize("code", ["../25/BC-../../UBND", "/etc/passwd", "..", "C:\\Windows\\x", "\u2025/\u2215x"])
def test_file_stems_are_ascii_slugs_whatever_the_document_says(sample_yaml: Path, code: str) -> None:
    import dataclasses

    document = build_module.build_documents(umt_reports.load_meeting(sample_yaml), ["report"])[0]
    hostile = dataclasses.replace(document.meta, type_name="../../Báo cáo/..", code=code)
    stem = build_module.file_stem(dataclasses.replace(document, meta=hostile))
    assert re.fullmatch(r"[0-9-]*_?[a-z0-9-]+(_[A-Z0-9-]+)?", stem), stem
    assert "/" not in stem and "\\" not in stem and not stem.startswith(".")


@pytest.mark.parametrize(
    "photo",
    ["../secret.jpg", "photos/../../secret.jpg", "/etc/passwd", "link/secret.jpg", "photos/../../../../etc/hostname"],
)
def test_a_photo_outside_the_data_folder_is_a_located_error(tmp_path: Path, data: dict[str, Any], photo: str) -> None:
    from PIL import Image

    secret = tmp_path / "secret.jpg"
    Image.new("RGB", (8, 8)).save(secret)
    folder = tmp_path / "data"
    (folder / "photos").mkdir(parents=True)
    (folder / "link").symlink_to(tmp_path, target_is_directory=True)
    data["press"]["photos"] = [{"file": photo, "caption": "Ảnh"}]
    source = folder / "meeting.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        umt_reports.load_meeting(source)
    raw = umt_reports.api.read_meeting_file(source)
    assert [(p.code, p.location) for p in caught.value.problems] == [
        ("photo.outside", raw.locate(("press", "photos", 0, "file")))
    ]
    assert "nằm ngoài thư mục của tệp dữ liệu" in caught.value.problems[0].message()


def test_a_photo_inside_the_data_folder_is_accepted_however_it_is_spelled(tmp_path: Path, data: dict[str, Any]) -> None:
    from PIL import Image

    folder = tmp_path / "data"
    (folder / "photos").mkdir(parents=True)
    Image.new("RGB", (8, 8)).save(folder / "photos" / "a.jpg")
    data["press"]["photos"] = [{"file": "./photos/../photos/a.jpg"}, {"file": "photos/a.jpg"}]
    source = folder / "meeting.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert len(umt_reports.load_meeting(source).press.photos) == 2


# -- atomic writes ------------------------------------------------------------------------------------------


def _previous_build(tmp_path: Path, source: Path) -> Path:
    out = tmp_path / "out"
    build(source, out, kinds=["report"], formats=["docx"])
    (out / "ghi-chu.txt").write_text("của thư ký", encoding="utf-8")
    return out


def test_a_build_failing_on_its_second_format_leaves_out_as_it_was(
    tmp_path: Path, write_yaml, data: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    data["report"]["number"] = 26  # -- another file name than the previous build's --
    source = write_yaml(data)
    out = _previous_build(tmp_path, SAMPLES / "meeting-party.yaml")
    before = _tree(out)
    real_render = build_module.render

    def render(document: Any, fmt: str, options: Any = None) -> Any:
        if fmt == "html":
            raise RenderError(Problem("render.pdf_unreadable", None, {"reason": "thử nghiệm"}))
        return real_render(document, fmt, options)

    monkeypatch.setattr(build_module, "render", render)
    with pytest.raises(RenderError):
        build(source, out, kinds=["report", "press"], formats=["docx", "html"])
    assert _tree(out) == before


def test_a_failed_build_does_not_even_create_out(tmp_path: Path, write_yaml, data: dict[str, Any]) -> None:
    data["meeting"]["date"] = "31/02/2022"
    out = tmp_path / "new" / "out"
    result = CliRunner().invoke(main, ["build", str(write_yaml(data)), "--out", str(out), "--format", "docx,html"])
    assert result.exit_code == 2
    assert not (tmp_path / "new").exists()


def test_every_output_file_arrives_by_renaming_a_temporary_file_beside_it(
    tmp_path: Path, write_yaml, data: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    renames: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        renames.append((Path(src), Path(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    out = tmp_path / "out"
    result = build(write_yaml(data), out, kinds=["report", "press"], formats=["docx", "html"])
    assert sorted(dst.name for _, dst in renames) == sorted(_tree(out))
    for src, dst in renames:
        assert src.parent == dst.parent == out and src.name.startswith(".") and src.name != dst.name
        assert not src.exists()
    assert len(result.files) == 4
