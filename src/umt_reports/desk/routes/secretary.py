"""The secretary's pages: the upload form, a job's progress and results, its files."""

from __future__ import annotations

import io
import shutil
import threading
import zipfile
from pathlib import Path
from typing import Annotated, Final

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse, Response

from umt_reports.desk.accounts import Account
from umt_reports.desk.jobs import Job
from umt_reports.desk.roles import allowed
from umt_reports.desk.uploads import save_uploads
from umt_reports.desk.web import CurrentUser, address, csrf_protect, desk, page, require
from umt_reports.desk.work import BuildRequest
from umt_reports.errors import InputError

router = APIRouter()

#: Kinds the build registry has that are not offered as checkboxes (a CLI option chooses them).
HIDDEN_KINDS: Final = ("certificates-form",)
#: What is ticked when the page opens, by role: the secretary's report, the press officer's news.
DEFAULTS: Final = {
    "press": (("press",), ("html", "html-fragment")),
}
DEFAULT_CHOICE: Final = (("report",), ("docx", "pdf"))
#: File name of the blank workbook offered on the home page.
BLANK_WORKBOOK: Final = "mau-nhap-lieu.xlsx"
_MEDIA: Final = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".zip": "application/zip",
}
_INLINE: Final = (".html", ".jpg", ".png")
_blank_lock = threading.Lock()
_blank_made: set[Path] = set()  # -- made again by each server process: never stale --


def offered_kinds() -> tuple[str, ...]:
    """The document kinds of the build registry, as checkboxes."""
    from umt_reports.build import KINDS

    return tuple(kind for kind in KINDS if kind not in HIDDEN_KINDS)


def formats() -> tuple[str, ...]:
    from umt_reports.render import FORMATS

    return tuple(FORMATS)


def _form_page(
    request: Request,
    account: Account,
    status_code: int = 200,
    problems: list[str] | None = None,
    kinds: tuple[str, ...] | None = None,
    chosen_formats: tuple[str, ...] | None = None,
) -> Response:
    default_kinds, default_formats = DEFAULTS.get(account.role, DEFAULT_CHOICE)
    return page(
        request,
        "index.html",
        status_code=status_code,
        kinds=offered_kinds(),
        formats=formats(),
        chosen_kinds=kinds or default_kinds,
        chosen_formats=chosen_formats or default_formats,
        problems=problems or [],
        blank=BLANK_WORKBOOK,
    )


@router.get("/")
def index(request: Request, account: CurrentUser) -> Response:
    return _form_page(request, account)


@router.post("/jobs", dependencies=[Depends(csrf_protect)])
async def upload(
    request: Request,
    account: CurrentUser,
    files: Annotated[list[UploadFile] | None, File()] = None,
    kinds: Annotated[list[str] | None, Form()] = None,
    formats_: Annotated[list[str] | None, Form(alias="formats")] = None,
) -> Response:
    state = desk(request)
    require(account, "build", request)
    chosen_kinds = tuple(kinds or ()) or DEFAULT_CHOICE[0]
    chosen_formats = tuple(formats_ or ()) or DEFAULT_CHOICE[1]
    job_id, folder = state.runner.new_folder()
    from umt_reports.sources import MAX_FILE_BYTES

    try:
        saved = await save_uploads(list(files or ()), folder / "input", MAX_FILE_BYTES)
    except InputError as error:
        shutil.rmtree(folder, ignore_errors=True)
        lines = [p.format(state.config.lang) for p in error.problems]
        return _form_page(request, account, 400, lines, chosen_kinds, chosen_formats)
    build_request = BuildRequest(folder, saved.data, chosen_kinds, chosen_formats, state.config.lang)
    state.runner.submit(job_id, build_request, account.name)
    state.audit.record(
        account.name,
        address(request),
        "build",
        job=job_id,
        source=saved.data.name,
        kinds=list(chosen_kinds),
        formats=list(chosen_formats),
    )
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


def own_job(request: Request, job_id: str, account: Account) -> Job:
    """The job ``job_id`` if ``account`` may see it (its owner, or an administrator); else 404."""
    job = desk(request).runner.get(job_id)
    if job is None or (job.owner != account.name and not allowed(account.role, "jobs.all")):
        raise HTTPException(status_code=404, detail=desk(request).t("desk.no_job"))
    return job


@router.get("/jobs/{job_id}")
def job_page(request: Request, job_id: str, account: CurrentUser) -> Response:
    job = own_job(request, job_id, account)
    outcome = job.outcome
    pdfs = [f for f in outcome.files if f.format == "pdf"] if outcome else []
    press = [f for f in outcome.files if f.kind == "press" and f.format in ("html", "html-fragment")] if outcome else []
    return page(
        request,
        "job.html",
        job=job,
        outcome=outcome,
        pdfs=pdfs,
        has_press=bool(press),
        can_store=allowed(account.role, "archive.store") and bool(pdfs),
        zip_name=f"{Path(job.source_name).stem}-van-ban.zip",
    )


def _file(path: Path, name: str) -> FileResponse:
    suffix = Path(name).suffix.lower()
    media = _MEDIA.get(suffix, "application/octet-stream")
    disposition = "inline" if suffix in _INLINE else "attachment"
    response = FileResponse(path, media_type=media, filename=name, content_disposition_type=disposition)
    if suffix == ".html":  # -- a built page is shown, never trusted: no script, no request out --
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"
        )
    return response


@router.get("/jobs/{job_id}/files/{name}")
def job_file(request: Request, job_id: str, name: str, account: CurrentUser) -> Response:
    job = own_job(request, job_id, account)
    listed = {f.name for f in job.outcome.files} | set(job.outcome.extras) if job.outcome else set()
    if name not in listed:
        raise HTTPException(status_code=404, detail=desk(request).t("desk.no_file"))
    desk(request).audit.record(account.name, address(request), "download", job=job.id, file=name)
    return _file(job.folder / "out" / name, name)


@router.get("/jobs/{job_id}/thumbs/{name}")
def job_thumb(request: Request, job_id: str, name: str, account: CurrentUser) -> Response:
    job = own_job(request, job_id, account)
    listed = {t for f in job.outcome.files for t in f.thumbs} if job.outcome else set()
    if name not in listed:
        raise HTTPException(status_code=404, detail=desk(request).t("desk.no_file"))
    return _file(job.folder / "thumbs" / name, name)


@router.get("/jobs/{job_id}/marked/{name}")
def marked_workbook(request: Request, job_id: str, name: str, account: CurrentUser) -> Response:
    job = own_job(request, job_id, account)
    if job.outcome is None or job.outcome.annotated != name:
        raise HTTPException(status_code=404, detail=desk(request).t("desk.no_file"))
    return _file(job.folder / name, name)


@router.get("/jobs/{job_id}/zip/{name}")
def job_zip(request: Request, job_id: str, name: str, account: CurrentUser) -> Response:
    job = own_job(request, job_id, account)
    if job.outcome is None or not job.outcome.ok or name != f"{Path(job.source_name).stem}-van-ban.zip":
        raise HTTPException(status_code=404, detail=desk(request).t("desk.no_file"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file_name in [f.name for f in job.outcome.files] + job.outcome.extras:
            archive.write(job.folder / "out" / file_name, file_name)
    desk(request).audit.record(account.name, address(request), "download", job=job.id, file=name)
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(f"/mau/{BLANK_WORKBOOK}")
def blank_workbook(request: Request, account: CurrentUser) -> Response:
    """The blank fill-in workbook (``umt-reports xlsx-template``), made once per server process."""
    from umt_reports.sources.xlsx_template import write_template

    path = desk(request).config.home / "cache" / BLANK_WORKBOOK
    with _blank_lock:
        if path not in _blank_made or not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            write_template(path)
            _blank_made.add(path)
    return _file(path, BLANK_WORKBOOK)
