"""The ``umt-reports`` root command and its subcommands: a thin edge over :mod:`umt_reports.api`.

Errors become messages and exit codes through :func:`umt_reports.cli.edge._guard`.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from umt_reports.cli.edge import EXIT_FAILED, EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, _guard, _lang, _notes, _say
from umt_reports.cli.help import LocalizedGroup
from umt_reports.messages import render
from umt_reports.sign.cli import sign_build_options

if TYPE_CHECKING:
    from umt_reports.batch import BuildChoices, MeetingJob, MeetingOutcome

__all__ = ["main"]


def _api() -> types.ModuleType:
    """:mod:`umt_reports.api`, imported when a command needs it (the model costs ≈ 0.15 s, which
    ``build`` spends while its PDF/A helper starts)."""
    import umt_reports.api

    return umt_reports.api


class _Commands(LocalizedGroup):
    """The command group; command groups of their own (``archive``) are imported when used."""

    lazy = {
        "archive": ("umt_reports.cli.archive", "archive"),
        "sign": ("umt_reports.sign.cli", "sign"),
        "signatures": ("umt_reports.sign.cli", "signatures"),
        "serve": ("umt_reports.desk.cli", "serve"),
        "users": ("umt_reports.desk.cli", "users"),
    }

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


class _RegistryOption(click.Option):
    """An option whose help lists the kinds registry or the formats table, read when help is shown."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        from umt_reports.documents.kinds import kind_names
        from umt_reports.render.formats import FORMATS

        template = self.help or ""
        self.help = template.replace("{kinds}", kind_names()).replace("{formats}", ", ".join(FORMATS))
        try:
            return super().get_help_record(ctx)
        finally:
            self.help = template


profile_dirs_option = click.option(
    "--profiles",
    "profile_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Thư mục hồ sơ cơ quan ban hành (tìm trước các thư mục mặc định).",
)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--kind",
    "kinds",
    default=None,
    cls=_RegistryOption,
    help="Kiểm tra thêm dữ liệu có đủ để lập các loại văn bản này không (cách nhau bằng dấu phẩy): {kinds}.",
)
@profile_dirs_option
def validate(file: Path, profile_dirs: tuple[Path, ...], kinds: str | None = None) -> None:
    """Kiểm tra tệp dữ liệu (.yaml hoặc .xlsx) và liệt kê mọi lỗi."""
    from umt_reports.model import validate as validate_raw

    raw = _guard(lambda: _api().read_meeting_file(file), file)
    said = len(raw.notes)
    _notes(raw.notes)
    meeting = _guard(lambda: validate_raw(raw, profile_dirs=profile_dirs), file)
    _notes(raw.notes[said:])
    if kinds is not None:
        from umt_reports.build import check_needs, choose

        pairs, _ = _guard(lambda: choose(_split(kinds), ["pdf", "docx"]), file)
        _guard(lambda: check_needs(meeting, list(dict.fromkeys(kind for kind, _ in pairs)), file), file)
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
@click.option("--force", is_flag=True, default=False, help="Ghi đè tệp OUT nếu đã có.")
@profile_dirs_option
def xlsx_template(out: Path, source: Path | None, force: bool = False, profile_dirs: tuple[Path, ...] = ()) -> None:
    """Tạo sổ tính Excel để nhập dữ liệu hội nghị (trống, hoặc điền từ YAML)."""
    if out.exists() and not force:  # -- never replace a filled workbook silently --
        click.echo(_say("cli.exists", path=str(out)), err=True)
        sys.exit(EXIT_INPUT)

    def run() -> None:
        data = None
        if source is not None:
            _api().load_meeting(source, profile_dirs=profile_dirs)  # -- only valid data becomes a workbook --
            data = _api().read_meeting_file(source).data
        from umt_reports.sources.xlsx_template import write_template

        write_template(out, data)

    _guard(run, source)
    click.echo(_say("cli.written", path=str(out)))


def _split(value: str) -> list[str]:
    return [part.strip().lower() for part in value.split(",") if part.strip()]


# -- commendation: --print-on-form and the page progress bar ------------------------------


def _form_kinds(kinds: list[str], print_on_form: bool) -> list[str]:
    """The kinds asked for under their own names (``bao-cao`` is ``report``; unknown names stay
    as typed for the build to report); ``--print-on-form`` turns a kind into its form-printing
    variant (``certificates`` into ``certificates-form``)."""
    from umt_reports.documents.kinds import get_kind

    named = []
    for name in kinds:
        kind = get_kind(name)
        if kind is None:
            named.append(name)
        else:
            named.append(kind.variant if print_on_form and kind.variant else kind.name)
    return named


@contextlib.contextmanager
def _page_progress(
    enabled: bool | None, source: Path, kinds: list[str], formats: list[str], profile_dirs: tuple[Path, ...]
) -> Iterator[Callable[[int], None] | None]:
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

            count = certificate_count(_api().load_meeting(source, profile_dirs=profile_dirs))
            total = sum(count + (kind == "certificates-form") for kind in kinds)
        except Exception:  # -- only the bar's total: the build itself reports any problem --
            total = None
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(_say("commendation.progress"), total=total)
        yield lambda page: bar.advance(task)


@main.command()
@click.argument("sources", metavar="FILE|FOLDER...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Thư mục ghi văn bản và manifest.json (nhiều tệp dữ liệu: mỗi hội nghị một thư mục con theo tên tệp).",
)
@click.option(
    "--jobs",
    "-j",
    "jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Số tiến trình lập văn bản song song khi có nhiều hội nghị (mặc định: số nhân CPU).",
)
@click.option(
    "--kind",
    "kinds",
    default="report",
    show_default=True,
    cls=_RegistryOption,
    help="Loại văn bản, cách nhau bằng dấu phẩy (tên tiếng Việt cũng được): {kinds}.",
)
@click.option(
    "--format",
    "formats",
    default="docx",
    show_default=True,
    cls=_RegistryOption,
    help="Định dạng, cách nhau bằng dấu phẩy: {formats} (html-fragment: đoạn HTML để dán vào "
    "trình soạn thảo của cổng thông tin, ảnh ghi bên cạnh). Loại văn bản không có định dạng "
    "được chọn thì bỏ qua và có ghi chú.",
)
@click.option(
    "--html-fragment",
    "html_fragment",
    is_flag=True,
    default=False,
    help="Cũ, như thêm html-fragment vào --format: ghi thêm đoạn HTML để dán vào trình soạn thảo của "
    "cổng thông tin (*.fragment.html, ảnh ghi bên cạnh).",
)
@click.option(
    "--templates",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Thư mục mẫu câu chữ thay cho templates/ (từng tệp).",
)
@click.option("--font", default=None, help="Phông chữ cho PDF: tên họ phông hoặc đường dẫn tệp .ttf.")
@click.option(
    "--print-on-form",
    "print_on_form",
    is_flag=True,
    default=False,
    help="Giấy khen (certificates): chỉ in phần chữ thay đổi lên phôi in sẵn, theo vị trí (mm) trong "
    "mục certificate_form của hồ sơ cơ quan; trang 1 là trang căn chỉnh.",
)
@click.option(
    "--progress/--no-progress",
    "progress",
    default=None,
    help="Thanh tiến độ khi vẽ các trang PDF (trên stderr; mặc định: chỉ khi stderr là terminal).",
)
@click.option(
    "--archive",
    "to_archive",
    is_flag=True,
    default=False,
    help="Lưu các tệp PDF/A vừa lập vào kho lưu trữ (--archive-dir, UMT_ARCHIVE hoặc ./archive).",
)
@click.option(
    "--archive-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Thư mục kho lưu trữ cho --archive.",
)
@click.option(
    "--replace",
    is_flag=True,
    default=False,
    help="Với --archive: thay văn bản cùng số và ký hiệu trong năm (bản cũ giữ lại là bản bị thay thế).",
)
@profile_dirs_option
@sign_build_options
def build(
    sources: tuple[Path, ...],
    out_dir: Path,
    kinds: str,
    formats: str,
    html_fragment: bool,
    templates: Path | None,
    font: str | None,
    profile_dirs: tuple[Path, ...],
    print_on_form: bool = False,
    progress: bool | None = None,
    to_archive: bool = False,
    archive_dir: Path | None = None,
    replace: bool = False,
    jobs: int | None = None,
    signing: Callable[[bytes, str], tuple[bytes, list[dict[str, Any]]]] | None = None,
) -> None:
    """Lập văn bản từ tệp dữ liệu (.yaml hoặc .xlsx; nhiều tệp hoặc thư mục) vào thư mục --out."""
    chosen = _split(formats)
    if html_fragment and "html-fragment" not in chosen:
        chosen.append("html-fragment")
    single = len(sources) == 1 and not sources[0].is_dir()
    pair = not single and _paired(jobs, chosen)
    if (single and "pdf" in chosen) or pair:
        # -- fork the PDF helper first, before the model is imported: it gets ready to draw and
        #    validate the PDFs while this process reads the data (see render/pdfa_helper.py);
        #    what both processes need is done once, before the fork --
        from umt_reports import warm
        from umt_reports.render.pdfa_helper import start_helper, usable

        if usable():
            warm.before_helper(chosen, font=font, pair=pair)
        start_helper(font)
    chosen_kinds = _form_kinds(_split(kinds), print_on_form)
    from umt_reports.build import BuildResult
    from umt_reports.build import build as run_build
    from umt_reports.render import RenderOptions

    if not single:
        _build_many(
            sources,
            out_dir,
            chosen_kinds,
            chosen,
            templates,
            font,
            profile_dirs,
            progress,
            jobs,
            (archive_dir, replace) if to_archive else None,
        )
        return
    source = sources[0]

    def check_archive(drawn: BuildResult) -> None:
        # -- an archive that would refuse the PDFs stops the build before any file is written --
        from umt_reports.archive import check_before_archiving

        check_before_archiving(archive_dir, drawn, replace=replace)

    with _page_progress(progress, source, chosen_kinds, chosen, profile_dirs) as on_page:
        result = _guard(
            lambda: run_build(
                source,
                out_dir,
                kinds=chosen_kinds,
                formats=chosen,
                templates=templates,
                options=RenderOptions(font=font, on_page=on_page),
                profile_dirs=profile_dirs,
                sign=signing,
                before_write=check_archive if to_archive else None,
            ),
            source,
        )
    _notes(result.notes)
    fonts = sorted({f.rendered.font for f in result.files if f.rendered.font})
    for written in result.files:
        code = "cli.written_pages" if written.rendered.pages else "cli.written_file"
        click.echo(
            _say(code, path=str(written.path), kind=written.kind, format=written.format, pages=written.rendered.pages)
        )
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


# -- many meetings: one pool, one progress bar, one summary table -------------------------


def _build_many(
    sources: tuple[Path, ...],
    out_dir: Path,
    kinds: list[str],
    formats: list[str],
    templates: Path | None,
    font: str | None,
    profile_dirs: tuple[Path, ...],
    progress: bool | None,
    jobs: int | None,
    archive: tuple[Path | None, bool] | None,
) -> None:
    """Build every meeting of ``sources`` (files and folders) into ``out_dir/<stem>/``, each
    all or nothing; print a summary table, then every problem with its file and place.
    Exit 2 if any input was wrong, 1 if another failure stopped a meeting, 3 for a bug."""
    from umt_reports import batch
    from umt_reports.build import check_choices

    _guard(lambda: check_choices(list(kinds), list(formats)))
    inputs = _guard(lambda: batch.collect_inputs(sources))
    plan = batch.plan_jobs(inputs, out_dir, own_folders=True)
    choices = batch.BuildChoices(tuple(kinds), tuple(formats), templates, font, tuple(profile_dirs))
    if progress is None:
        progress = sys.stderr.isatty()
    outcomes = _guard(lambda: _run_with_bar(plan, choices, jobs, progress))
    _summary(outcomes)
    if archive is not None:
        _archive_many(outcomes, *archive)
    _exit_for(outcomes)


def _paired(jobs: int | None, formats: list[str]) -> bool:
    from umt_reports.batch import paired

    return paired(jobs, formats)


def _run_with_bar(
    plan: list[MeetingJob], choices: BuildChoices, jobs: int | None, progress: bool
) -> list[MeetingOutcome]:
    """Run the pool under one rich progress bar on stderr (when ``progress``)."""
    from umt_reports import batch

    if not progress:
        return batch.run_batch(plan, choices, workers=jobs)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    bar = Progress(*columns, console=Console(stderr=True), transient=True)
    task = bar.add_task(_say("batch.progress"), total=len(plan))
    started = False

    def done(outcome: MeetingOutcome) -> None:
        nonlocal started
        if not started:  # -- started after the pool forked its workers (no thread is forked) --
            bar.start()
            started = True
        bar.advance(task)

    try:
        return batch.run_batch(plan, choices, workers=jobs, on_done=done)
    finally:
        if started:
            bar.stop()


def _summary(outcomes: list[MeetingOutcome]) -> None:
    """The table: meeting, documents, pages, time, problems (on stdout)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False)
    for code, justify in (
        ("batch.col_meeting", "left"),
        ("batch.col_documents", "right"),
        ("batch.col_pages", "right"),
        ("batch.col_time", "right"),
        ("batch.col_problems", "right"),
    ):
        table.add_column(_say(code), justify=justify)  # type: ignore[arg-type]
    for outcome in outcomes:
        problems = len(outcome.problems) or (1 if outcome.failure else 0)
        table.add_row(
            str(outcome.job.source),
            str(outcome.documents),
            str(outcome.pages),
            f"{outcome.seconds:.2f} s",
            str(problems) if problems else "—",
        )
    Console(soft_wrap=True, width=200 if not sys.stdout.isatty() else None).print(table)
    built = [o for o in outcomes if o.ok]
    click.echo(
        _say(
            "batch.done",
            built=len(built),
            total=len(outcomes),
            documents=sum(o.documents for o in built),
            pages=sum(o.pages for o in built),
        )
    )


def _exit_for(outcomes: list[MeetingOutcome]) -> None:
    """List every problem with its file and place (stderr) and leave with the worst exit code."""
    lang = _lang()
    code = EXIT_OK
    for outcome in outcomes:
        if outcome.ok:
            continue
        if outcome.failure == "internal":
            click.echo(
                f"{outcome.job.source}: "
                + _say("cli.internal", kind=outcome.detail.split(":")[0], detail=outcome.detail[:200]),
                err=True,
            )
            code = max(code, EXIT_INTERNAL)
            continue
        click.echo(
            render("cli.problems", {"path": str(outcome.job.source), "count": len(outcome.problems)}, lang), err=True
        )
        for problem in outcome.problems:
            click.echo(f"  - {problem.format(lang)}", err=True)
        code = max(code, EXIT_INPUT if outcome.failure == "input" else EXIT_FAILED)
    if code == EXIT_INTERNAL and any(o.failure == "input" for o in outcomes):
        code = EXIT_INPUT  # -- a wrong input is what the user can act on --
    if code:
        sys.exit(code)


def _archive_many(outcomes: list[MeetingOutcome], archive_dir: Path | None, replace: bool) -> None:
    """``--archive`` for a batch: the PDFs of every meeting that was built, folder by folder."""
    from umt_reports.archive import archive_outputs
    from umt_reports.cli.archive import echo_outcomes

    for outcome in outcomes:
        if outcome.ok and outcome.manifest is not None:
            echo_outcomes(
                _guard(
                    functools.partial(archive_outputs, archive_dir, outcome.manifest, replace=replace),
                    outcome.job.source,
                )
            )


@main.command()
@click.argument("out_dir", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--data",
    "source",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Tệp dữ liệu để đối chiếu (mặc định: tệp ghi trong manifest.json).",
)
@click.option(
    "--templates",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Thư mục mẫu câu chữ đã dùng khi lập văn bản (nếu có).",
)
@profile_dirs_option
def check(out_dir: Path, source: Path | None, templates: Path | None, profile_dirs: tuple[Path, ...]) -> None:
    """Đối chiếu văn bản trong DIR (theo manifest.json, như hiện có trên đĩa) với dữ liệu hội nghị."""
    from umt_reports.check import check as run_check

    result = _guard(lambda: run_check(out_dir, source=source, templates=templates, profile_dirs=profile_dirs), source)
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
