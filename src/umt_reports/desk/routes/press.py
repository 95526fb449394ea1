"""The press officer's page: the news item as the portal shows it, its fragment, its photos."""

from __future__ import annotations

import shutil

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from umt_reports.desk.routes.secretary import own_job
from umt_reports.desk.uploads import PHOTO_SUFFIXES
from umt_reports.desk.web import CurrentUser, address, csrf_protect, desk, page, require
from umt_reports.desk.work import BuildRequest

router = APIRouter()

#: What the press officer's page needs: the portal page, its fragment, and the Word file.
PRESS_FORMATS = ("html", "html-fragment", "docx")


@router.get("/jobs/{job_id}/press")
def press_page(request: Request, job_id: str, account: CurrentUser) -> Response:
    job = own_job(request, job_id, account)
    outcome = job.outcome
    page_file = fragment_file = None
    fragment = ""
    photos: list[str] = []
    if outcome is not None and outcome.ok:
        for info in outcome.files:
            if info.kind == "press" and info.format == "html":
                page_file = info.name
            if info.kind == "press" and info.format == "html-fragment":
                fragment_file = info.name
        if fragment_file:
            fragment = (job.folder / "out" / fragment_file).read_text(encoding="utf-8")
        photos = [name for name in outcome.extras if name.lower().endswith(PHOTO_SUFFIXES)]
    return page(
        request,
        "press.html",
        job=job,
        page_file=page_file,
        fragment_file=fragment_file,
        fragment=fragment,
        photos=photos,
    )


@router.post("/jobs/{job_id}/press", dependencies=[Depends(csrf_protect)])
def press_again(request: Request, job_id: str, account: CurrentUser) -> Response:
    """Build the news item from the same uploaded data, as a new job."""
    state = desk(request)
    require(account, "build", request)
    job = own_job(request, job_id, account)
    new_id, folder = state.runner.new_folder()
    shutil.copytree(job.folder / "input", folder / "input", dirs_exist_ok=True)
    source = folder / "input" / job.request.source.relative_to(job.folder / "input")
    state.runner.submit(
        new_id, BuildRequest(folder, source, ("press",), PRESS_FORMATS, state.config.lang), account.name
    )
    state.audit.record(
        account.name,
        address(request),
        "build",
        job=new_id,
        source=source.name,
        kinds=["press"],
        formats=list(PRESS_FORMATS),
    )
    return RedirectResponse(f"/jobs/{new_id}/press", status_code=303)
