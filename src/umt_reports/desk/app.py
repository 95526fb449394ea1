"""The desk's application factory: FastAPI, sessions, security headers, the pages.

In: a :class:`DeskConfig`. Out: an ASGI app that uvicorn serves. Pages are rendered on
the server (Jinja2) and work without JavaScript; the few static files come from the
package, so no request leaves the machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Final

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.sessions import SessionMiddleware

from umt_reports.desk.accounts import Accounts
from umt_reports.desk.audit import AuditLog
from umt_reports.desk.config import DeskConfig
from umt_reports.desk.jobs import JobRunner
from umt_reports.desk.throttle import LoginThrottle
from umt_reports.desk.web import Desk, LoginNeeded, make_templates, page

__all__ = ["create_app"]

#: Sessions last a working day.
SESSION_MAX_AGE: Final = 12 * 3600
_STATIC: Final = Path(__file__).parent / "static"
_HEADERS: Final = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",
}


def session_secret(path: Path) -> str:
    """The key that signs session cookies: read from ``path``, made (0600) on first start."""
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key + "\n")
        return key


def create_app(config: DeskConfig, *, https_cookies: bool = False) -> FastAPI:
    """The desk for ``config``; ``https_cookies`` marks the session cookie Secure (behind HTTPS)."""
    config.home.mkdir(parents=True, exist_ok=True)
    runner = JobRunner(config.jobs_dir, workers=config.pool_size, ttl=config.job_ttl)
    state = Desk(
        config, Accounts(config.accounts_file), runner, AuditLog(config.audit_file), LoginThrottle(), make_templates()
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async def sweep() -> None:
            while True:
                await asyncio.to_thread(runner.sweep)
                await asyncio.sleep(max(1.0, min(config.job_ttl / 4, 600.0)))

        task = asyncio.create_task(sweep())
        try:
            yield
        finally:
            task.cancel()
            runner.shutdown()

    app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.desk = state
    app.add_middleware(
        SessionMiddleware,
        secret_key=session_secret(config.secret_file),
        session_cookie="umt_desk",
        max_age=SESSION_MAX_AGE,
        same_site="lax",
        https_only=https_cookies,
    )

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for name, value in _HEADERS.items():
            response.headers.setdefault(name, value)
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(LoginNeeded)
    async def to_login(request: Request, exc: LoginNeeded) -> Response:
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(HTTPException)
    async def error_page(request: Request, exc: HTTPException) -> Response:
        return page(request, "error.html", status_code=exc.status_code, status=exc.status_code, detail=str(exc.detail))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        # -- a bug: one line for the user, never a traceback (the server log has it) --
        detail = state.t("cli.internal", kind=type(exc).__name__, detail=str(exc)[:200])
        return page(request, "error.html", status_code=500, status=500, detail=detail)

    from umt_reports.desk.routes import archive, auth, press, secretary

    for module in (auth, secretary, press, archive):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=str(_STATIC)), name="static")
    return app
