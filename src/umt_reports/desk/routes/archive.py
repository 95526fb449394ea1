"""The archivist's pages: the catalogue with search, a document, store from a job, export."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.background import BackgroundTask

from umt_reports.archive.catalog import Query
from umt_reports.archive.metadata import Record, fold
from umt_reports.desk.roles import allowed
from umt_reports.desk.routes.secretary import own_job
from umt_reports.desk.web import CurrentUser, address, csrf_protect, desk, page, require
from umt_reports.errors import UmtError

router = APIRouter()


class _BodyQuery(Query):
    """A catalogue query that also keeps only one issuing body (its name as catalogued)."""

    def __init__(self, text: str, *, organ: str, **filters: Any):
        super().__init__(text, **filters)
        self.organ = organ

    def where(self) -> tuple[str, list[Any]]:
        where, params = super().where()
        if not self.organ:
            return where, params
        return f"({where}) AND organ_name = ?", [*params, self.organ]


@dataclass(frozen=True)
class Filters:
    """The catalogue's filters as the page's form sends them (empty: not used)."""

    q: str = ""
    kind: str = ""
    body: str = ""
    date_from: str = ""
    date_to: str = ""

    def query(self) -> Query:
        """The catalogue query: words, dates, kind, and the issuing body chosen in the list."""
        return _BodyQuery(
            self.q,
            organ=self.body.strip(),
            date_from=_date(self.date_from),
            date_to=_date(self.date_to),
            kind=self.kind or None,
        )


def _date(text: str) -> dt.date | None:
    """``2022-06-21`` (the date field) or ``21/06/2022``; anything else is no filter."""
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _records(request: Request, filters: Filters) -> tuple[list[Record], list[str]]:
    """The records the filters keep, and every issuing body of the current records (for the list)."""
    from umt_reports.archive.api import open_archive

    root = desk(request).config.archive_dir
    if not root.is_dir():
        return [], []
    with open_archive(root) as archive:
        bodies = sorted({r.organ_name for r in archive.search() if r.organ_name}, key=fold)
        return archive.search(filters.query()), bodies


@router.get("/archive")
def catalogue(
    request: Request,
    account: CurrentUser,
    q: str = "",
    kind: str = "",
    body: str = "",
    date_from: str = "",
    date_to: str = "",
) -> Response:
    require(account, "archive.view", request)
    filters = Filters(q, kind, body, date_from, date_to)
    from umt_reports.desk.routes.secretary import offered_kinds

    records, bodies = _records(request, filters)
    return page(
        request,
        "archive.html",
        records=records,
        bodies=bodies,
        filters=filters,
        kinds=offered_kinds(),
        can_export=allowed(account.role, "archive.export"),
    )


def _open_record(request: Request, record_id: str) -> tuple[Record, list[Record], Path]:
    from umt_reports.archive.api import open_archive

    root = desk(request).config.archive_dir
    if not record_id.isdigit() or not root.is_dir():
        raise HTTPException(status_code=404, detail=desk(request).t("desk.no_record"))
    with open_archive(root) as archive:
        try:
            record = archive.get(int(record_id))
        except UmtError:
            raise HTTPException(status_code=404, detail=desk(request).t("desk.no_record")) from None
        return record, archive.history(record), archive.path_of(record)


def _verify(record: Record, path: Path) -> tuple[bool, str]:
    """Whether the stored file is unchanged and still PDF/A, and why not."""
    from umt_reports.archive.store import sha256_file
    from umt_reports.render.pdf.pdfa import check_pdfa

    try:
        sha256, size = sha256_file(path)
    except OSError as exc:
        return False, exc.strerror or str(exc)
    if sha256 != record.sha256 or size != record.size:
        return False, sha256
    problems = check_pdfa(path)
    return (not problems), "; ".join(problems[:3])


#: Phụ lục VI fields, in the order of ``umt-reports archive show``.
_FIELDS = (
    "file_code",
    "type_name",
    "code",
    "issued_date",
    "organ_name",
    "subject",
    "signer_position",
    "signer_name",
    "page_amount",
    "language",
    "description",
    "title",
    "kind",
    "file_name",
    "size",
    "pdfa",
    "font",
    "status",
    "version",
    "archived_at",
)


def field_rows(request: Request, record: Record) -> list[tuple[str, str]]:
    state = desk(request)
    rows = []
    for key in _FIELDS:
        value: Any = getattr(record, key)
        if key == "issued_date" and value is not None:
            value = value.strftime("%d/%m/%Y")
        if key == "status":
            value = state.t(f"archive.status_{value}")
        if value not in (None, ""):
            rows.append((state.t(f"archive.field_{key}"), str(value)))
    return rows


@router.get("/archive/{record_id}")
def document(request: Request, record_id: str, account: CurrentUser) -> Response:
    require(account, "archive.view", request)
    record, history, path = _open_record(request, record_id)
    ok, detail = _verify(record, path)
    return page(
        request,
        "document.html",
        record=record,
        history=history,
        rows=field_rows(request, record),
        verified=ok,
        verify_detail=detail,
    )


@router.get("/archive/{record_id}/file/{name}")
def document_file(request: Request, record_id: str, name: str, account: CurrentUser) -> Response:
    require(account, "archive.view", request)
    record, _, path = _open_record(request, record_id)
    if name != record.file_name:
        raise HTTPException(status_code=404, detail=desk(request).t("desk.no_file"))
    desk(request).audit.record(account.name, address(request), "archive.download", id=record.id, file=name)
    return FileResponse(path, media_type="application/pdf", filename=name)


@router.post("/jobs/{job_id}/archive", dependencies=[Depends(csrf_protect)])
def store(request: Request, job_id: str, account: CurrentUser, replace: Annotated[str, Form()] = "") -> Response:
    """Store the PDFs of a job in the archive (archivist and administrator only)."""
    from umt_reports.archive import archive_outputs

    state = desk(request)
    require(account, "archive.store", request)
    job = own_job(request, job_id, account)
    if job.outcome is None or not job.outcome.ok:
        raise HTTPException(status_code=404, detail=state.t("desk.no_job"))
    try:
        outcomes = archive_outputs(state.config.archive_dir, job.folder / "out", replace=bool(replace))
    except UmtError as error:
        job.stored = [p.format(state.config.lang) for p in error.problems]
        return RedirectResponse(f"/jobs/{job.id}#archive", status_code=303)
    job.stored = [
        state.t(f"desk.stored_{o.action}", code=o.record.code or o.record.file_name, id=o.record.id) for o in outcomes
    ]
    state.audit.record(
        account.name,
        address(request),
        "archive.store",
        job=job.id,
        documents=[
            {"id": o.record.id, "code": o.record.code, "action": o.action, "sha256": o.record.sha256} for o in outcomes
        ],
    )
    return RedirectResponse(f"/jobs/{job.id}#archive", status_code=303)


@router.post("/archive/export", dependencies=[Depends(csrf_protect)])
def export(
    request: Request,
    account: CurrentUser,
    q: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "",
    body: Annotated[str, Form()] = "",
    date_from: Annotated[str, Form()] = "",
    date_to: Annotated[str, Form()] = "",
) -> Response:
    """A zip for the state archive (PDFs, Phụ lục VI XML, index) of the filtered documents."""
    from umt_reports.archive.api import open_archive
    from umt_reports.archive.export import export_zip

    state = desk(request)
    require(account, "archive.export", request)
    filters = Filters(q, kind, body, date_from, date_to)
    root = state.config.archive_dir
    if not root.is_dir():
        raise HTTPException(status_code=404, detail=state.t("desk.no_record"))
    out = state.config.home / "exports" / f"{secrets.token_hex(8)}.zip"
    with open_archive(root) as archive:
        result = export_zip(archive, out, filters.query())
    state.audit.record(
        account.name,
        address(request),
        "archive.export",
        count=len(result.records),
        ids=[r.id for r in result.records],
        filters=filters.__dict__,
    )
    name = f"luu-tru-{dt.date.today().isoformat()}.zip"
    return FileResponse(
        out, media_type="application/zip", filename=name, background=BackgroundTask(out.unlink, missing_ok=True)
    )
