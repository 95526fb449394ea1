"""The ``umt-reports`` root command and its subcommands: a thin edge over :mod:`umt_reports.api`.

Errors become messages and exit codes through :func:`umt_reports.cli.edge._guard`.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from umt_reports import api
from umt_reports.cli.edge import EXIT_INPUT, _guard, _lang, _notes, _say
from umt_reports.cli.help import LocalizedGroup

__all__ = ["main"]

class _Commands(LocalizedGroup):
    """The command group; command groups of their own (``archive``) are imported when used."""

    lazy = {"archive": ("umt_reports.cli.archive", "archive")}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            import importlib

            module, attr = self.lazy[name]
            command: click.Command = getattr(importlib.import_module(module), attr)
            return command
        return super().get_command(ctx, name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
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
    from umt_reports.model import validate as validate_raw

    raw = _guard(lambda: api.read_meeting_file(file), file)
    _notes(raw.notes)
    _guard(lambda: validate_raw(raw, profile_dirs=profile_dirs), file)
    click.echo(_say("cli.valid", path=str(file)))


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
def convert(source: Path, out: Path) -> None:
    """Chuyển sổ tính gõ bằng bảng mã cũ (TCVN3, VNI) sang Unicode, phông Times New Roman."""
    from umt_reports.sources.convert import convert_workbook

    notes = _guard(lambda: convert_workbook(source, out), source)
    _notes(notes)
    count = sum(1 for note in notes if note.location is not None and note.location.cell)
    click.echo(_say("legacy.workbook_converted" if notes else "legacy.nothing_converted", count=count, path=str(out)))


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


# -- commendation: --print-on-form and the page progress bar ------------------------------


def _form_kinds(kinds: list[str], print_on_form: bool) -> list[str]:
    """``--print-on-form`` turns the ``certificates`` kind into its form-printing variant."""
    if not print_on_form:
        return kinds
    return ["certificates-form" if kind == "certificates" else kind for kind in kinds]


@contextlib.contextmanager
def _page_progress(enabled: bool | None, source: Path, kinds: list[str], formats: list[str],
                   profile_dirs: tuple[Path, ...]) -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar of the PDF pages drawn, on stderr; yields the ``on_page`` callback.

    On by default only when stderr is a terminal (``--progress`` forces it, ``--no-progress``
    stops it). The bar has a total when only certificates are drawn as PDF (one page per named
    awardee, plus the calibration page of a form); otherwise it counts pages.
    """
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled or "pdf" not in formats:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    total: int | None = None
    if kinds and set(kinds) <= {"certificates", "certificates-form"}:
        try:
            from umt_reports.documents.certificates import certificate_count

            count = certificate_count(api.load_meeting(source, profile_dirs=profile_dirs))
            total = sum(count + (kind == "certificates-form") for kind in kinds)
        except Exception:  # -- only the bar's total: the build itself reports any problem --
            total = None
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(_say("commendation.progress"), total=total)
        yield lambda page: bar.advance(task)


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("output"),
              show_default=True, help="Thư mục ghi văn bản và manifest.json.")
@click.option("--kind", "kinds", default="report", show_default=True,
              help="Loại văn bản, cách nhau bằng dấu phẩy: report, press, press-release, decision, certificates.")
@click.option("--format", "formats", default="docx", show_default=True,
              help="Định dạng, cách nhau bằng dấu phẩy: docx, pdf, html, html-fragment.")
@click.option("--html-fragment", "html_fragment", is_flag=True, default=False,
              help="Ghi thêm đoạn HTML để dán vào trình soạn thảo của cổng thông tin (*.fragment.html, "
                   "ảnh ghi bên cạnh), ngoài các định dạng của --format.")
@click.option("--templates", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Thư mục mẫu câu chữ thay cho templates/ (từng tệp).")
@click.option("--font", default=None, help="Phông chữ cho PDF: tên họ phông hoặc đường dẫn tệp .ttf.")
@click.option("--print-on-form", "print_on_form", is_flag=True, default=False,
              help="Giấy khen (certificates): chỉ in phần chữ thay đổi lên phôi in sẵn, theo vị trí (mm) trong "
                   "mục certificate_form của hồ sơ cơ quan; trang 1 là trang căn chỉnh.")
@click.option("--progress/--no-progress", "progress", default=None,
              help="Thanh tiến độ khi vẽ các trang PDF (trên stderr; mặc định: chỉ khi stderr là terminal).")
@click.option("--archive", "to_archive", is_flag=True, default=False,
              help="Lưu các tệp PDF/A vừa lập vào kho lưu trữ (--archive-dir, UMT_ARCHIVE hoặc ./archive).")
@click.option("--archive-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Thư mục kho lưu trữ cho --archive.")
@click.option("--replace", is_flag=True, default=False,
              help="Với --archive: thay văn bản cùng số và ký hiệu trong năm (bản cũ giữ lại là bản bị thay thế).")
@profile_dirs_option
def build(source: Path, out_dir: Path, kinds: str, formats: str, html_fragment: bool, templates: Path | None,
          font: str | None, profile_dirs: tuple[Path, ...], print_on_form: bool = False,
          progress: bool | None = None, to_archive: bool = False, archive_dir: Path | None = None,
          replace: bool = False) -> None:
    """Lập văn bản từ tệp dữ liệu (.yaml hoặc .xlsx) vào thư mục --out."""
    from umt_reports.build import BuildResult
    from umt_reports.build import build as run_build
    from umt_reports.render import RenderOptions

    chosen = _split(formats)
    if html_fragment and "html-fragment" not in chosen:
        chosen.append("html-fragment")
    chosen_kinds = _form_kinds(_split(kinds), print_on_form)

    def check_archive(drawn: BuildResult) -> None:
        # -- an archive that would refuse the PDFs stops the build before any file is written --
        from umt_reports.archive import check_before_archiving

        check_before_archiving(archive_dir, drawn, replace=replace)

    with _page_progress(progress, source, chosen_kinds, chosen, profile_dirs) as on_page:
        result = _guard(
            lambda: run_build(source, out_dir, kinds=chosen_kinds, formats=chosen, templates=templates,
                              options=RenderOptions(font=font, on_page=on_page), profile_dirs=profile_dirs,
                              before_write=check_archive if to_archive else None),
            source,
        )
    _notes(result.notes)
    fonts = sorted({f.rendered.font for f in result.files if f.rendered.font})
    for written in result.files:
        code = "cli.written_pages" if written.rendered.pages else "cli.written_file"
        click.echo(_say(code, path=str(written.path), kind=written.kind, format=written.format,
                        pages=written.rendered.pages))
    for font_used in fonts:
        click.echo(_say("cli.font", font=font_used))
    if result.manifest:
        click.echo(_say("cli.written", path=str(result.manifest)))
    for written in result.files:
        if written.kind == "certificates-form" and written.format == "pdf":
            click.echo(_say("commendation.form_pages", path=str(written.path)))
    if to_archive:
        from umt_reports.archive import archive_outputs
        from umt_reports.cli.archive import echo_outcomes

        echo_outcomes(_guard(lambda: archive_outputs(archive_dir, result, replace=replace), source))


@main.command()
@click.argument("out_dir", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option("--data", "source", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Tệp dữ liệu để đối chiếu (mặc định: tệp ghi trong manifest.json).")
@click.option("--templates", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Thư mục mẫu câu chữ đã dùng khi lập văn bản (nếu có).")
@profile_dirs_option
def check(out_dir: Path, source: Path | None, templates: Path | None, profile_dirs: tuple[Path, ...]) -> None:
    """Đối chiếu văn bản trong DIR (theo manifest.json, như hiện có trên đĩa) với dữ liệu hội nghị."""
    from umt_reports.check import check as run_check

    result = _guard(lambda: run_check(out_dir, source=source, templates=templates, profile_dirs=profile_dirs),
                    source)
    lang = _lang()
    for note in result.notes:
        click.echo(f"  * {note.format(lang)}")
    for problem in result.problems:
        click.echo(f"  - {problem.format(lang)}")
    if result.problems:
        click.echo(_say("check.failed", count=len(result.problems)), err=True)
        sys.exit(EXIT_INPUT)
    click.echo(_say("check.passed", count=len(result.documents)))


if __name__ == "__main__":  # pragma: no cover
    main()
