"""Compiled wording templates are kept on disk between runs, keyed by the template's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment

from umt_reports import load_meeting
from umt_reports.documents.report import build_report
from umt_reports.documents.wording import Wording
from umt_reports.warm import shared_wording


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("UMT_CACHE_DIR", str(folder))
    return folder / "jinja"


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Files of the templates Jinja compiled from source, as ``folder/name`` (a cache hit compiles nothing)."""
    names: list[str] = []
    original = ImmutableSandboxedEnvironment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        names.append(f"{Path(filename).parent.name}/{Path(filename).name}")
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(ImmutableSandboxedEnvironment, "compile", counting)
    return names


def _subject(wording: Wording, sample_yaml: Path) -> str:
    meeting = load_meeting(sample_yaml)
    return build_report(meeting, wording=wording).meta.subject


def test_the_second_run_loads_the_compiled_template_instead_of_compiling(
    cache_dir: Path, compiles: list[str], sample_yaml: Path
) -> None:
    first = _subject(Wording(), sample_yaml)
    assert compiles == ["templates/report.j2"]
    assert len(list(cache_dir.glob("*.jinja"))) == 1
    second = _subject(Wording(), sample_yaml)  # -- a new environment, as in a new process --
    assert compiles == ["templates/report.j2"]
    assert second == first and first.startswith("Kết quả")


def test_an_edited_template_is_compiled_again_and_its_new_words_are_used(
    cache_dir: Path, compiles: list[str], sample_yaml: Path, tmp_path: Path
) -> None:
    override = tmp_path / "mau"
    override.mkdir()
    template = override / "report.j2"
    template.write_text('{% extends "default/report.j2" %}{% block subject %}Báo cáo A{% endblock %}', encoding="utf-8")
    assert _subject(Wording(override), sample_yaml) == "Báo cáo A"
    template.write_text('{% extends "default/report.j2" %}{% block subject %}Báo cáo B{% endblock %}', encoding="utf-8")
    assert _subject(Wording(override), sample_yaml) == "Báo cáo B"
    # -- the override, the bundled template it extends, the edited override; the bundled
    #    one is loaded from the cache the second time --
    assert compiles == ["mau/report.j2", "templates/report.j2", "mau/report.j2"]
    assert len(list(cache_dir.glob("*.jinja"))) == 3


def test_an_empty_cache_setting_turns_the_cache_off(
    monkeypatch: pytest.MonkeyPatch, compiles: list[str], sample_yaml: Path
) -> None:
    monkeypatch.setenv("UMT_CACHE_DIR", "")
    _subject(Wording(), sample_yaml)
    _subject(Wording(), sample_yaml)
    assert compiles == ["templates/report.j2"] * 2


def test_a_process_keeps_one_wording_per_template_folder_until_a_file_changes(
    cache_dir: Path, sample_yaml: Path, tmp_path: Path
) -> None:
    assert shared_wording() is shared_wording(None)
    override = tmp_path / "templates"
    override.mkdir()
    template = override / "report.j2"
    template.write_text('{% extends "default/report.j2" %}{% block subject %}Một{% endblock %}', encoding="utf-8")
    first = shared_wording(override)
    assert shared_wording(override) is first
    template.write_text('{% extends "default/report.j2" %}{% block subject %}Hai nữa{% endblock %}', encoding="utf-8")
    second = shared_wording(override)
    assert second is not first
    assert _subject(second, sample_yaml) == "Hai nữa"
