"""Login and logout."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from umt_reports.desk.web import address, csrf_protect, desk, page

router = APIRouter()


@router.get("/login")
def login_form(request: Request) -> Response:
    if not desk(request).config.login_required:
        return RedirectResponse("/", status_code=303)
    return page(request, "login.html", name="")


@router.post("/login", dependencies=[Depends(csrf_protect)])
def login(request: Request, name: Annotated[str, Form()] = "", password: Annotated[str, Form()] = "") -> Response:
    state = desk(request)
    if not state.config.login_required:
        return RedirectResponse("/", status_code=303)
    where = address(request)
    wait = state.throttle.wait_seconds(name, where)
    if wait:
        state.audit.record(name, where, "login.throttled")
        return page(
            request,
            "login.html",
            status_code=429,
            name=name,
            error=state.t("desk.login_throttled", minutes=max(1, (wait + 59) // 60)),
        )
    account = state.accounts.authenticate(name, password)
    if account is None:
        state.throttle.failed(name, where)
        state.audit.record(name, where, "login.failed")
        return page(request, "login.html", status_code=401, name=name, error=state.t("desk.login_wrong"))
    state.throttle.succeeded(name, where)
    request.session.clear()  # -- a new session (and CSRF token) after login --
    request.session["user"] = account.name
    state.audit.record(account.name, where, "login")
    return RedirectResponse("/", status_code=303)


@router.post("/logout", dependencies=[Depends(csrf_protect)])
def logout(request: Request) -> Response:
    name = request.session.get("user", "")
    request.session.clear()
    desk(request).audit.record(str(name), address(request), "logout")
    return RedirectResponse("/login" if desk(request).config.login_required else "/", status_code=303)
