"""The ``umt-reports`` command: a thin edge over :mod:`umt_reports.api`.

This is the only place where errors become messages and exit codes:

- 0: done;
- 2: the input is wrong (every problem listed with its place) or a limit was hit;
- 1: the toolkit could not finish for another stated reason (font, PDF/A, archive);
- 3: an internal error (a bug) — reported in one line, never as a traceback
  (set ``UMT_DEBUG=1`` to see the traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable, NoReturn, TypeVar

import click

from umt_reports import api
from umt_reports.errors import InputError, ProfileError, TemplateError, UmtError
from umt_reports.messages import render

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

T = TypeVar("T")


def _lang() -> str:
    ctx = click.get_current_context(silent=True)
    lang = ctx.find_root().params.get("lang") if ctx else None
    return lang or os.environ.get("UMT_LANG", "vi")


def _say(code: str, **params: object) -> str:
    return render(code, params, _lang())


def _fail(error: UmtError, source: Path | None) -> NoReturn:
    """Print every problem of ``error`` (file first, then one line per place) and exit."""
    lang = _lang()
    if source is not None:
        click.echo(render("cli.problems", {"path": str(source), "count": len(error.problems)}, lang), err=True)
    for problem in error.problems:
        click.echo(f"  - {problem.format(lang)}", err=True)
    code = EXIT_INPUT if isinstance(error, (InputError, ProfileError, TemplateError)) else EXIT_FAILED
    sys.exit(code)


def _guard(action: Callable[[], T], source: Path | None = None) -> T:
    """Run ``action``; turn our errors into messages and unexpected ones into one line."""
    try:
        return action()
    except UmtError as error:
        _fail(error, source)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # -- the one place a bug is caught: no traceback for users --
        if os.environ.get("UMT_DEBUG"):
            raise
        click.echo(_say("cli.internal", kind=type(exc).__name__, detail=str(exc)[:200]), err=True)
        sys.exit(EXIT_INTERNAL)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--lang",
    type=click.Choice(["vi", "en"]),
    default=None,
    help="Ngôn ngữ thông báo / message language (mặc định vi; biến môi trường UMT_LANG).",
)
@click.version_option(package_name="umt-reports")
def main(lang: str | None) -> None:
    """umt-reports: lập báo cáo, tin bài, quyết định khen thưởng từ dữ liệu hội nghị."""


profile_dirs_option = click.option(
    "--profiles",
    "profile_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Thư mục hồ sơ cơ quan ban hành (tìm trước các thư mục mặc định).",
)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@profile_dirs_option
def validate(file: Path, profile_dirs: tuple[Path, ...]) -> None:
    """Kiểm tra tệp dữ liệu (.yaml hoặc .xlsx) và liệt kê mọi lỗi."""
    _guard(lambda: api.load_meeting(file, profile_dirs=profile_dirs), file)
    click.echo(_say("cli.valid", path=str(file)))


@main.command("xlsx-template")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--from",
    "source",
    type=click.Path(path_type=Path),
    default=None,
    help="Điền sẵn sổ tính từ một tệp meeting.yaml.",
)
def xlsx_template(out: Path, source: Path | None) -> None:
    """Tạo sổ tính Excel để nhập dữ liệu hội nghị (trống, hoặc điền từ YAML)."""

    def run() -> None:
        data = None
        if source is not None:
            api.load_meeting(source)  # -- only valid data becomes a workbook --
            data = api.read_meeting_file(source).data
        from umt_reports.sources.xlsx_template import write_template

        write_template(out, data)

    _guard(run, source)
    click.echo(_say("cli.written", path=str(out)))


def _split(value: str) -> list[str]:
    return [part.strip().lower() for part in value.split(",") if part.strip()]


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("output"),
              show_default=True, help="Thư mục ghi văn bản và manifest.json.")
@click.option("--kind", "kinds", default="report", show_default=True,
              help="Loại văn bản, cách nhau bằng dấu phẩy: report, press, press-release.")
@click.option("--format", "formats", default="docx", show_default=True,
              help="Định dạng, cách nhau bằng dấu phẩy: docx, pdf, html.")
@click.option("--templates", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Thư mục mẫu câu chữ thay cho templates/ (từng tệp).")
@click.option("--font", default=None, help="Phông chữ cho PDF: tên họ phông hoặc đường dẫn tệp .ttf.")
@profile_dirs_option
def build(source: Path, out_dir: Path, kinds: str, formats: str, templates: Path | None, font: str | None,
          profile_dirs: tuple[Path, ...]) -> None:
    """Lập văn bản từ tệp dữ liệu (.yaml hoặc .xlsx) vào thư mục --out."""
    from umt_reports.build import build as run_build
    from umt_reports.render import RenderOptions

    result = _guard(
        lambda: run_build(source, out_dir, kinds=_split(kinds), formats=_split(formats), templates=templates,
                          options=RenderOptions(font=font), profile_dirs=profile_dirs),
        source,
    )
    fonts = sorted({f.rendered.font for f in result.files if f.rendered.font})
    for written in result.files:
        code = "cli.written_pages" if written.rendered.pages else "cli.written_file"
        click.echo(_say(code, path=str(written.path), kind=written.kind, format=written.format,
                        pages=written.rendered.pages))
    for font_used in fonts:
        click.echo(_say("cli.font", font=font_used))
    if result.manifest:
        click.echo(_say("cli.written", path=str(result.manifest)))


if __name__ == "__main__":  # pragma: no cover
    main()
