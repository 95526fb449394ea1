"""What every route shares: the desk's state, the signed-in user, CSRF, pages.

- :func:`user` gives the signed-in :class:`Account` (or the local administrator when the
  desk runs for one person on loopback) and sends everyone else to the login page.
- :func:`require` stops a role from doing what :mod:`.roles` does not allow (403).
- :func:`csrf_protect` refuses a POST whose ``csrf`` field is not the session's token (403).
- :func:`page` renders a Jinja2 template of the package with ``t`` (the message catalogue
  in the desk's language), the user and the CSRF token.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Final

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from umt_reports.desk.accounts import Account, Accounts
from umt_reports.desk.audit import AuditLog
from umt_reports.desk.config import DeskConfig
from umt_reports.desk.jobs import JobRunner
from umt_reports.desk.roles import allowed
from umt_reports.desk.throttle import LoginThrottle
from umt_reports.messages import CATALOGUE, render

__all__ = ["CurrentUser", "Desk", "LoginNeeded", "csrf_protect", "csrf_token", "desk", "page", "require", "user"]

#: The user of a desk without accounts (loopback, one person on their own PC).
LOCAL_USER: Final = Account("local", "admin")
_TEMPLATES: Final = Path(__file__).parent / "templates"


@dataclass
class Desk:
    """The state of one running desk (kept on ``app.state.desk``)."""

    config: DeskConfig
    accounts: Accounts
    runner: JobRunner
    audit: AuditLog
    throttle: LoginThrottle
    templates: Jinja2Templates

    def t(self, key: str, /, **params: Any) -> str:
        """The message ``key`` in the desk's language."""
        return render(key, params, self.config.lang)

    def label(self, prefix: str, value: str) -> str:
        """The label of a registry value (``desk.kind_report`` → ``Báo cáo``); the value itself when
        the catalogue has none (a kind added to the registry later still shows)."""
        key = f"{prefix}{value}"
        return self.t(key) if key in CATALOGUE else value


class LoginNeeded(Exception):
    """Raised by :func:`user` when a page needs a session (turned into a redirect to /login)."""


def desk(request: Request) -> Desk:
    value: Desk = request.app.state.desk
    return value


def address(request: Request) -> str:
    """The client's address (the proxy's when behind one; uvicorn's --proxy-headers fixes that)."""
    return request.client.host if request.client else "-"


def user(request: Request) -> Account:
    """The signed-in account; raises :class:`LoginNeeded` when there is none."""
    state = desk(request)
    if not state.config.login_required:
        return LOCAL_USER
    name = request.session.get("user")
    account = state.accounts.get(name) if isinstance(name, str) else None
    if account is None:  # -- a removed user loses access at the next request --
        request.session.pop("user", None)
        raise LoginNeeded()
    return account


#: A route parameter that is the signed-in account (see :func:`user`).
CurrentUser = Annotated[Account, Depends(user)]


def require(account: Account, action: str, request: Request) -> None:
    """403 unless ``account``'s role may do ``action``."""
    if not allowed(account.role, action):
        raise HTTPException(status_code=403, detail=desk(request).t("desk.forbidden"))


def csrf_token(request: Request) -> str:
    """The session's CSRF token (made on first use)."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def csrf_protect(request: Request) -> None:
    """A FastAPI dependency for every POST: 403 unless the form's ``csrf`` is the session's token."""
    expected = request.session.get("csrf")
    sent = ""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        limit = desk(request).config.max_upload
        length = request.headers.get("content-length")
        if length is None or not length.isdigit() or int(length) > limit:
            raise HTTPException(status_code=413, detail=desk(request).t("desk.too_large", limit=limit // 2**20))
        form = await request.form()
        value = form.get("csrf")
        sent = value if isinstance(value, str) else ""
    if not isinstance(expected, str) or not sent or not hmac.compare_digest(expected, sent):
        raise HTTPException(status_code=403, detail=desk(request).t("desk.csrf"))


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render ``templates/<template>`` with the desk's helpers."""
    state = desk(request)
    try:
        account: Account | None = user(request)
    except LoginNeeded:
        account = None
    context.update(
        request=request,
        t=state.t,
        label=state.label,
        lang=state.config.lang,
        account=account,
        csrf=csrf_token(request),
        login_required=state.config.login_required,
    )
    return state.templates.TemplateResponse(request, template, context, status_code=status_code)


def make_templates() -> Jinja2Templates:
    """The package's page templates (autoescaped)."""
    templates = Jinja2Templates(directory=str(_TEMPLATES))
    templates.env.autoescape = True
    templates.env.trim_blocks = True
    templates.env.lstrip_blocks = True
    return templates
