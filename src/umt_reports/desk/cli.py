"""The ``serve`` and ``users`` commands (loaded only when called, like ``archive``).

``serve`` starts the desk with uvicorn and prints the address to open. On a loopback
address with no account the desk opens without login; on any other address it refuses
to start (exit 2) until ``users add`` has made an account.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from umt_reports.archive.api import ENV_VAR as ARCHIVE_ENV
from umt_reports.cli.edge import _guard, _lang, _say
from umt_reports.desk.config import DEFAULT_JOB_TTL, DeskConfig, is_loopback, resolve_home

if TYPE_CHECKING:
    from umt_reports.desk.accounts import Accounts

__all__ = ["serve", "users"]

T = TypeVar("T")

home_option = click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Thư mục của bàn làm việc: tài khoản, việc, nhật ký, kho lưu trữ (mặc định UMT_HOME hoặc ./umt-desk).",
)


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Địa chỉ lắng nghe; khác 127.0.0.1 thì cần có tài khoản (umt-reports users add).",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Cổng.")
@home_option
@click.option(
    "--archive-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Thư mục kho lưu trữ (mặc định UMT_ARCHIVE hoặc HOME/archive).",
)
@click.option(
    "--job-hours",
    default=DEFAULT_JOB_TTL / 3600,
    show_default=True,
    type=click.FloatRange(min=0.01),
    help="Xoá thư mục mỗi việc sau số giờ này.",
)
@click.option(
    "--workers",
    default=0,
    type=click.IntRange(min=0),
    help="Số tiến trình lập văn bản (mặc định: số nhân CPU, ít nhất 2).",
)
@click.option(
    "--https-cookies",
    is_flag=True,
    default=False,
    help="Cookie phiên chỉ gửi qua HTTPS (khi chạy sau reverse proxy có HTTPS).",
)
@click.option(
    "--proxy-headers",
    is_flag=True,
    default=False,
    help="Tin tiêu đề X-Forwarded-For của reverse proxy chạy trên máy này (địa chỉ người dùng).",
)
def serve(
    host: str,
    port: int,
    home: Path | None,
    archive_dir: Path | None,
    job_hours: float,
    workers: int,
    https_cookies: bool,
    proxy_headers: bool,
) -> None:
    """Mở bàn làm việc trên trình duyệt: thư ký, phóng viên, lưu trữ."""
    from umt_reports.desk.accounts import Accounts

    root = resolve_home(home)
    if archive_dir is None:
        env = os.environ.get(ARCHIVE_ENV)
        archive_dir = Path(env) if env else root / "archive"
    has_accounts = _guard(lambda: Accounts(root / "accounts.json").exists())
    local = is_loopback(host)
    if not local and not has_accounts:
        click.echo(_say("desk.needs_account", host=host, home=str(root)), err=True)
        sys.exit(2)
    reason = _cannot_listen(host, port)
    if reason:
        click.echo(_say("desk.cannot_listen", host=host, port=port, reason=reason), err=True)
        sys.exit(1)
    config = DeskConfig(
        home=root,
        archive_dir=archive_dir,
        lang=_lang(),
        login_required=has_accounts or not local,
        job_ttl=job_hours * 3600,
        workers=workers,
    )
    import uvicorn

    from umt_reports.desk.app import create_app

    app = create_app(config, https_cookies=https_cookies)
    server = uvicorn.Server(
        uvicorn.Config(
            app, host=host, port=port, log_level="warning", proxy_headers=proxy_headers, forwarded_allow_ips="127.0.0.1"
        )
    )
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        _say(
            "desk.listening",
            url=f"http://{shown}:{port}/",
            mode=_say("desk.mode_login" if config.login_required else "desk.mode_local"),
        )
    )
    server.run()
    if not server.started:  # -- the port is taken, or the address is not this machine's --
        sys.exit(1)


def _cannot_listen(host: str, port: int) -> str:
    """Why the desk could not listen on ``host:port`` (taken, not this machine's address), or ``""``."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        return exc.strerror or str(exc)
    return ""


@click.group()
def users() -> None:
    """Tài khoản của bàn làm việc (vai trò: secretary, press, archivist, admin)."""


def _accounts(home: Path | None) -> Accounts:
    from umt_reports.desk.accounts import Accounts

    return Accounts(resolve_home(home) / "accounts.json")


def _password() -> str:
    """The password from stdin: one line (hidden prompt twice on a terminal)."""
    if sys.stdin.isatty():
        first = click.prompt(_say("desk.password_prompt"), hide_input=True, confirmation_prompt=True)
        return str(first)
    return sys.stdin.readline().rstrip("\r\n")


@users.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(["secretary", "press", "archivist", "admin"]))
@home_option
def users_add(name: str, role: str, home: Path | None) -> None:
    """Thêm tài khoản NAME; mật khẩu đọc từ stdin."""
    password = _password()
    account = _guard(lambda: _accounts(home).add(name, role, password))
    click.echo(_say("desk.user_added", name=account.name, role=account.role))


@users.command("list")
@home_option
def users_list(home: Path | None) -> None:
    """Liệt kê tài khoản và vai trò."""
    for account in _guard(lambda: _accounts(home).list()):
        click.echo(f"{account.name}\t{account.role}")


@users.command("remove")
@click.argument("name")
@home_option
def users_remove(name: str, home: Path | None) -> None:
    """Xoá tài khoản NAME."""
    _guard(lambda: _accounts(home).remove(name))
    click.echo(_say("desk.user_removed", name=name))


@users.command("passwd")
@click.argument("name")
@home_option
def users_passwd(name: str, home: Path | None) -> None:
    """Đổi mật khẩu của NAME; mật khẩu mới đọc từ stdin."""
    password = _password()
    _guard(lambda: _accounts(home).set_password(name, password))
    click.echo(_say("desk.password_changed", name=name))
