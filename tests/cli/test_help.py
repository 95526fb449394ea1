"""Help screens and --lang: every line in the chosen language, --lang anywhere on the line."""

from __future__ import annotations

from collections.abc import Iterator

import click
import pytest
from click.testing import CliRunner

from umt_reports.cli import main
from umt_reports.cli.help import help_code
from umt_reports.messages import CATALOGUE


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _commands() -> Iterator[tuple[list[str], click.Command]]:
    ctx = click.Context(main, info_name="umt-reports")

    def walk(command: click.Command, names: list[str]) -> Iterator[tuple[list[str], click.Command]]:
        yield names, command
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None
                yield from walk(sub, [*names, name])

    yield from walk(main, [])


def test_help_in_english_has_no_vietnamese_and_click_lines_in_english() -> None:
    code, out, err = run("build", "--help", "--lang", "en")
    assert (code, err) == (0, "")
    assert out.startswith(
        "Usage: main build [OPTIONS] FILE|FOLDER...\n\n  Build documents from a data file (.yaml or .xlsx; several"
    )
    assert "\nOptions:\n" in out
    assert "[default: report]" in " ".join(out.split())
    assert "-h, --help" in out and "Show this message and exit." in out
    assert "--out DIRECTORY" in out
    assert not any(ch in out for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


def test_help_in_vietnamese_by_default_translates_click_own_lines() -> None:
    code, out, _ = run("build", "--help")
    assert code == 0
    assert out.startswith("Cách dùng: main build [TÙY CHỌN] FILE|FOLDER...\n\n  Lập văn bản từ tệp dữ liệu")
    assert "\nTùy chọn:\n" in out
    assert "[mặc định: report]" in " ".join(out.split())
    assert "Hiện hướng dẫn này rồi thoát." in out
    assert "--out THƯ MỤC" in out
    for english in ("Usage:", "Options:", "Show this message", "default:", "DIRECTORY"):
        assert english not in out


def test_the_root_help_lists_the_commands_in_the_chosen_language() -> None:
    _, vi, _ = run("--help")
    _, en, _ = run("--help", "--lang", "en")
    assert "\nLệnh:\n" in vi and "Lập văn bản từ tệp dữ liệu" in vi
    assert "\nCommands:\n" in en and "  build          Build documents from a data file" in en
    assert "Show the version and exit." in en and "Hiện phiên bản rồi thoát." in vi


def test_the_archive_group_help_follows_lang_after_the_subcommand() -> None:
    code, out, _ = run("archive", "add", "--help", "--lang", "en")
    assert code == 0
    assert "Store PDF/A files" in out
    assert "--archive-dir DIRECTORY  The archive folder (default ./archive" in out


@pytest.mark.parametrize(
    "args",
    [
        ("--lang", "en", "validate", "nope.yaml"),
        ("validate", "--lang", "en", "nope.yaml"),
        ("validate", "nope.yaml", "--lang", "en"),
        ("validate", "nope.yaml", "--lang=en"),
    ],
)
def test_lang_works_before_and_after_the_subcommand(args: tuple[str, ...]) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err.splitlines() == ["nope.yaml: 1 problem.", "  - nope.yaml: File not found: nope.yaml."]


def test_lang_on_the_line_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UMT_LANG", "en")
    _, _, err = run("validate", "nope.yaml", "--lang", "vi")
    assert err.splitlines()[0] == "nope.yaml: 1 lỗi."
    _, _, err = run("validate", "nope.yaml")
    assert err.splitlines()[0] == "nope.yaml: 1 problem."


def test_every_command_and_option_has_help_in_both_languages() -> None:
    missing = []
    for names, command in _commands():
        code = help_code(names)
        if code not in CATALOGUE:
            missing.append(code)
        for param in command.params:
            if not isinstance(param, click.Option) or param.name in ("lang", "version"):
                continue
            candidates = [help_code(names[:end], param.name) for end in range(len(names), 0, -1)]
            if not any(c in CATALOGUE for c in [*candidates, f"help.option.{param.name}"]):
                missing.append(candidates[0] if candidates else f"help.option.{param.name}")
    assert missing == []
    for code, entry in CATALOGUE.items():
        if code.startswith("help."):
            assert entry["vi"] and entry["en"], code


def test_a_help_written_in_a_decorator_is_the_catalogues_vietnamese_text() -> None:
    """The decorator text is what an option without a catalogue entry shows: it must not drift."""
    for names, command in _commands():
        for param in command.params:
            if not isinstance(param, click.Option) or not param.help or param.name in ("lang", "version"):
                continue
            candidates = [help_code(names[:end], param.name) for end in range(len(names), 0, -1)]
            code = next(c for c in [*candidates, f"help.option.{param.name}"] if c in CATALOGUE)
            assert " ".join(param.help.split()) == " ".join(CATALOGUE[code]["vi"].split()), code


@pytest.mark.parametrize(
    ("args", "lines"),
    [
        (
            ("build", "x.yaml", "--bogus"),
            [
                "Cách dùng: main build [TÙY CHỌN] FILE|FOLDER...",
                "Xem 'main build --help' để biết cách dùng.",
                "",
                "Lỗi: No such option '--bogus'. (Did you mean one of: '--jobs', '--out'?)",
            ],
        ),
        (
            ("build", "x.yaml", "--bogus", "--lang", "en"),
            [
                "Usage: main build [OPTIONS] FILE|FOLDER...",
                "Try 'main build --help' for help.",
                "",
                "Error: No such option '--bogus'. (Did you mean one of: '--jobs', '--out'?)",
            ],
        ),
        (
            ("--lang", "en", "nosuch"),
            [
                "Usage: main [OPTIONS] COMMAND [ARGS]...",
                "Try 'main --help' for help.",
                "",
                "Error: No such command 'nosuch'.",
            ],
        ),
    ],
)
def test_a_usage_error_is_framed_in_the_chosen_language_and_exits_2(args: tuple[str, ...], lines: list[str]) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err.splitlines() == lines
