"""The ``umt-reports archive`` commands: a thin edge over :mod:`umt_reports.archive`.

Registered lazily by the root command (:mod:`umt_reports.cli.commands`). Conventions are those of
:mod:`umt_reports.cli.edge`: texts come from the message catalogue in the root ``--lang``,
errors become messages only through its ``_guard`` (exit 2 for input problems, 1 for
other refusals), and ``verify`` exits 1 when it finds anything. ``--json`` prints
machine-readable output instead of tables.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

import click
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table

from umt_reports import vn
from umt_reports.archive.api import ENV_VAR, AddOutcome, Finding, VerifyReport, open_archive
from umt_reports.archive.catalog import Query
from umt_reports.archive.metadata import CURRENT, Record
from umt_reports.cli.edge import _guard, _lang, _say
from umt_reports.cli.help import LocalizedGroup

__all__ = ["archive", "echo_outcomes"]

EXIT_FINDINGS = 1


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False, emoji=False, markup=False)


def _date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return value.isoformat() if _lang() == "en" else f"{value.day:02d}/{value.month:02d}/{value.year}"


def _code(record: Record) -> str:
    return record.code or _say("archive.no_number")


def _status(record: Record) -> str:
    return _say("archive.status_current" if record.status == CURRENT else "archive.status_superseded")


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A ``--from``/``--to`` value: ``2022-06-22`` or ``22/6/2022``."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        pass
    try:
        day, month, year = vn.parse_date_text(value)
        if day is not None and month is not None and year is not None:
            return dt.date(year, month, day)
    except ValueError:
        pass
    raise click.BadParameter(_say("archive.bad_date", value=value), ctx=ctx, param=param)


archive_dir_option = click.option(
    "--archive-dir",
    "archive_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"Thư mục kho lưu trữ (mặc định ./archive, hoặc biến môi trường {ENV_VAR}).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
trust_option = click.option(
    "--trust",
    "trust",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Chứng thư số gốc tin cậy (PEM/DER) để kiểm tra chữ ký số; có thể nêu nhiều lần.",
)
all_option = click.option("--all", "include_superseded", is_flag=True, help="Gồm cả các bản đã bị thay thế.")


def _filters(command: Callable[..., Any]) -> Callable[..., Any]:
    """The date-range and kind options shared by ``search`` and ``export``."""
    command = click.option("--kind", default=None, help="Chỉ loại văn bản này (report, press ...).")(command)
    command = click.option(
        "--to", "date_to", default=None, callback=_parse_date, help="Đến ngày (2022-12-31 hoặc 31/12/2022)."
    )(command)
    command = click.option(
        "--from", "date_from", default=None, callback=_parse_date, help="Từ ngày (2022-01-01 hoặc 1/1/2022)."
    )(command)
    return command


@click.group("archive", cls=LocalizedGroup)
def archive() -> None:
    """Kho lưu trữ văn bản PDF/A: lưu, tìm, kiểm tra nguyên vẹn, xuất cho lưu trữ nhà nước."""


# -- add -------------------------------------------------------------------------------------


def echo_outcomes(outcomes: Sequence[AddOutcome]) -> None:
    """One line per archived PDF (for ``archive add`` and ``build --archive``)."""
    if not outcomes:
        click.echo(_say("archive.nothing_added"))
    for outcome in outcomes:
        record = outcome.record
        params: dict[str, object] = {"id": record.id, "number": _code(record), "file": record.file_name}
        if outcome.replaced is not None:
            params["old"] = outcome.replaced.id
        click.echo(_say(f"archive.{outcome.action}", **params))


def _outcome_json(outcome: AddOutcome) -> dict[str, Any]:
    return {
        "action": outcome.action,
        "source": str(outcome.source),
        "replaced_id": outcome.replaced.id if outcome.replaced else None,
        "record": outcome.record.to_dict(),
    }


@archive.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--replace", is_flag=True, help="Thay văn bản cùng số và ký hiệu trong năm; bản cũ được giữ là bản bị thay thế."
)
@archive_dir_option
@trust_option
@json_option
def add(
    paths: tuple[Path, ...], replace: bool, archive_dir: Path | None, as_json: bool, trust: tuple[Path, ...] = ()
) -> None:
    """Lưu các tệp PDF/A: thư mục kết quả (manifest.json), tệp manifest.json hoặc tệp PDF."""
    from umt_reports.archive.intake import read_candidates

    def run() -> list[AddOutcome]:
        candidates = read_candidates(paths)  # -- check the input before touching the archive --
        with open_archive(archive_dir, create=True, trust=trust) as store:
            return store.add_candidates(candidates, replace=replace)

    outcomes = _guard(run)
    if as_json:
        _echo_json([_outcome_json(o) for o in outcomes])
    else:
        echo_outcomes(outcomes)


# -- list, search, show ------------------------------------------------------------------------


def _records_table(records: Sequence[Record], width: int) -> Table:
    """One line per document, like a register; the subject gets what ``width`` leaves (``show`` has it all).

    The status column appears only when a superseded version is listed.
    """
    names = ["id", "code", "date", "type", "subject", "pages"]
    with_status = any(r.status != CURRENT for r in records)
    if with_status:
        names.append("status")
    headers = [_say(f"archive.col_{name}") for name in names]
    rows = [
        [
            str(r.id),
            _code(r),
            _date(r.issued_date),
            r.type_name or r.kind or "",
            r.subject or r.title or "",
            "" if r.page_amount is None else str(r.page_amount),
        ]
        + ([_status(r)] if with_status else [])
        for r in records
    ]
    widths = [max(cell_len(text) for text in column) for column in zip(headers, *rows)]
    # -- type (3) and subject (4) share what the other columns and the borders (3 cells each, plus one) leave --
    free = width - (sum(widths) - widths[3] - widths[4]) - 3 * len(widths) - 1
    widths[3] = min(widths[3], 14, max(8, free - 16))
    widths[4] = max(8, min(widths[4], free - widths[3]))
    table = Table()
    for index, header in enumerate(headers):
        justify: Literal["right", "left"] = "right" if names[index] in ("id", "pages") else "left"
        table.add_column(header, justify=justify, no_wrap=True, overflow="ellipsis", width=widths[index])
    for row in rows:
        table.add_row(*row)
    return table


def _with_signatures(record: Record, signed: dict[int, list[dict[str, Any]]]) -> dict[str, Any]:
    """``record`` as JSON with its recorded signatures (an empty list when unsigned)."""
    return {**record.to_dict(), "signatures": signed.get(record.id or 0, [])}


def _print_records(
    records: Sequence[Record], as_json: bool, signed: dict[int, list[dict[str, Any]]] | None = None
) -> None:
    if as_json:
        _echo_json([_with_signatures(r, signed or {}) for r in records])
        return
    if not records:
        click.echo(_say("archive.none_found"))
        return
    console = _console()
    console.print(_records_table(records, console.width))
    click.echo(_say("archive.count", count=len(records)))


def _query(archive_dir: Path | None, query: Query) -> tuple[list[Record], dict[int, list[dict[str, Any]]]]:
    """The records ``query`` finds, and their recorded signatures by id."""

    def run() -> tuple[list[Record], dict[int, list[dict[str, Any]]]]:
        with open_archive(archive_dir) as store:
            records = store.search(query)
            return records, store.signatures(records)

    return _guard(run)


@archive.command("list")
@all_option
@archive_dir_option
@json_option
def list_(include_superseded: bool, archive_dir: Path | None, as_json: bool) -> None:
    """Liệt kê văn bản trong kho (theo ngày ban hành)."""
    records, signed = _query(archive_dir, Query(include_superseded=include_superseded))
    _print_records(records, as_json, signed)


@archive.command()
@click.argument("text", required=False, default="")
@_filters
@all_option
@archive_dir_option
@json_option
def search(
    text: str,
    date_from: dt.date | None,
    date_to: dt.date | None,
    kind: str | None,
    include_superseded: bool,
    archive_dir: Path | None,
    as_json: bool,
) -> None:
    """Tìm văn bản theo chữ (có hoặc không dấu: "dan van" tìm được "Dân vận"), ngày và loại."""
    query = _guard(
        lambda: Query(text, date_from=date_from, date_to=date_to, kind=kind, include_superseded=include_superseded)
    )
    records, signed = _query(archive_dir, query)
    _print_records(records, as_json, signed)


def _field_rows(record: Record, path: Path) -> list[tuple[str, str]]:
    source = " ".join(
        p for p in (record.source_file, f"(SHA-256 {record.source_sha256})" if record.source_sha256 else None) if p
    )
    values: list[tuple[str, object]] = [
        ("file_code", record.file_code),
        ("type_name", record.type_name),
        ("code", record.code),
        ("issued_date", _date(record.issued_date)),
        ("organ_name", record.organ_name),
        ("subject", record.subject),
        ("signer_position", record.signer_position),
        ("signer_name", record.signer_name),
        ("page_amount", record.page_amount),
        ("language", record.language),
        ("description", record.description),
        ("title", record.title),
        ("kind", record.kind),
        ("file_name", record.file_name),
        ("path", str(path)),
        ("sha256", record.sha256),
        ("size", record.size),
        ("pdfa", record.pdfa),
        ("font", record.font),
        ("source", source),
        ("status", _status(record)),
        ("version", record.version),
        ("archived_at", record.archived_at),
    ]
    return [(_say(f"archive.field_{key}"), str(value)) for key, value in values if value not in (None, "")]


@archive.command()
@click.argument("ref")
@archive_dir_option
@json_option
def show(ref: str, archive_dir: Path | None, as_json: bool) -> None:
    """Xem đủ thông tin một văn bản: số thứ tự (#), số và ký hiệu, hoặc đầu mã SHA-256."""

    def run() -> tuple[Record, list[Record], Path, list[dict[str, Any]]]:
        with open_archive(archive_dir) as store:
            record = store.get(ref)
            return (
                record,
                store.history(record),
                store.path_of(record),
                store.signatures([record]).get(record.id or 0, []),
            )

    record, history, path, signatures = _guard(run)
    if as_json:
        _echo_json(
            {
                "record": record.to_dict(),
                "path": str(path),
                "history": [r.to_dict() for r in history],
                "signatures": signatures,
            }
        )
        return
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in _field_rows(record, path):
        table.add_row(label, value)
    for signature in signatures:
        table.add_row(
            _say("archive.field_signature"),
            _say(
                "archive.signature_line",
                subject=signature["subject"],
                time=signature["signed_at"] or "—",
                status=signature["status"],
                fingerprint=signature["fingerprint_sha256"],
            ),
        )
    console = _console()
    console.print(table)
    if len(history) > 1:
        click.echo(_say("archive.versions"))
        console.print(_records_table(history, console.width))


# -- verify ------------------------------------------------------------------------------------


def _finding_line(finding: Finding) -> str:
    record = finding.record
    if finding.kind == "catalog":
        return _say("archive.finding_catalog", detail=finding.detail)
    if finding.kind == "unknown" or record is None:
        return _say("archive.finding_unknown", path=finding.path)
    return _say(
        f"archive.finding_{finding.kind}", id=record.id, number=_code(record), path=finding.path, detail=finding.detail
    )


def _report_json(report: VerifyReport) -> dict[str, Any]:
    return {
        "ok": report.ok,
        "checked": report.checked,
        "findings": [
            {
                "kind": f.kind,
                "path": f.path,
                "id": f.record.id if f.record else None,
                "code": f.record.code if f.record else None,
                "detail": f.detail,
            }
            for f in report.findings
        ],
    }


@archive.command()
@click.option("--no-pdfa", "skip_pdfa", is_flag=True, help="Chỉ kiểm tra mã băm, không kiểm tra lại PDF/A.")
@archive_dir_option
@trust_option
@json_option
@click.pass_context
def verify(
    ctx: click.Context, skip_pdfa: bool, archive_dir: Path | None, as_json: bool, trust: tuple[Path, ...] = ()
) -> None:
    """Kiểm tra mọi tệp trong kho: thiếu, bị sửa, tệp lạ, chữ ký số hỏng; mã thoát 1 nếu có vấn đề."""

    def run() -> VerifyReport:
        with open_archive(archive_dir, trust=trust) as store:
            return store.verify(pdfa=not skip_pdfa)

    report = _guard(run)
    if as_json:
        _echo_json(_report_json(report))
    elif report.ok:
        click.echo(_say("archive.verify_ok_hash" if skip_pdfa else "archive.verify_ok", count=report.checked))
    else:
        click.echo(_say("archive.verify_failed", problems=len(report.findings), count=report.checked))
        for finding in report.findings:
            click.echo(f"  - {_finding_line(finding)}")
    if not report.ok:
        ctx.exit(EXIT_FINDINGS)


# -- export ------------------------------------------------------------------------------------


@archive.command()
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Tệp .zip để ghi.")
@_filters
@all_option
@archive_dir_option
@json_option
def export(
    out: Path,
    date_from: dt.date | None,
    date_to: dt.date | None,
    kind: str | None,
    include_superseded: bool,
    archive_dir: Path | None,
    as_json: bool,
) -> None:
    """Xuất văn bản (PDF, tệp XML theo Phụ lục VI Nghị định 30 và bảng mục lục) vào một tệp .zip."""
    from umt_reports.archive.export import ExportResult, export_zip

    query = Query(date_from=date_from, date_to=date_to, kind=kind, include_superseded=include_superseded)

    def run() -> ExportResult:
        with open_archive(archive_dir) as store:
            return export_zip(store, out, query)

    result = _guard(run)
    if as_json:
        _echo_json({"path": str(result.path), "count": len(result.records), "ids": [r.id for r in result.records]})
    else:
        click.echo(_say("archive.exported", path=str(result.path), count=len(result.records)))


# -- repair ------------------------------------------------------------------------------------


@archive.command()
@archive_dir_option
@json_option
def repair(archive_dir: Path | None, as_json: bool) -> None:
    """Dựng lại danh mục kho bị mất hoặc hỏng từ các tệp đã lưu; danh mục cũ được giữ lại bên cạnh."""
    from umt_reports.archive.api import resolve_root
    from umt_reports.archive.repair import RepairReport
    from umt_reports.archive.repair import repair as rebuild

    def run() -> RepairReport:
        return rebuild(resolve_root(archive_dir))

    report = _guard(run)
    if as_json:
        _echo_json(
            {
                "restored": report.restored,
                "total": report.total,
                "changed": list(report.changed),
                "unreadable": list(report.unreadable),
                "kept_as": str(report.kept_as) if report.kept_as else None,
            }
        )
        return
    click.echo(
        _say(
            "archive.repaired",
            count=report.total,
            catalog=report.restored["catalog"],
            record_file=report.restored["record_file"],
            pdf=report.restored["pdf"],
        )
    )
    if report.kept_as is not None:
        click.echo(_say("archive.repair_kept", path=str(report.kept_as)))
    for name in report.changed:
        click.echo(f"  - {_say('archive.repair_changed', path=name)}")
    for name in report.unreadable:
        click.echo(f"  - {_say('archive.repair_unreadable', path=name)}")
