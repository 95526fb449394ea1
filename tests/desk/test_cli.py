"""`umt-reports users` and `umt-reports serve`: accounts from stdin, and no open desk on the network."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from umt_reports.cli import main
from umt_reports.desk.accounts import Account, Accounts
from umt_reports.desk.config import is_loopback


def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin, env={"UMT_LANG": "vi", "UMT_HOME": None})
    return result.exit_code, result.stdout, result.stderr


def test_users_add_reads_the_password_from_stdin(tmp_path: Path) -> None:
    code, out, _ = run("users", "add", "thuky", "--role", "secretary", "--home", str(tmp_path), stdin="mk 2026\n")
    assert (code, out) == (0, "Đã thêm tài khoản thuky (vai trò secretary).\n")
    assert Accounts(tmp_path / "accounts.json").authenticate("thuky", "mk 2026") == Account("thuky", "secretary")


def test_users_list_passwd_and_remove(tmp_path: Path) -> None:
    home = str(tmp_path)
    run("users", "add", "b", "--role", "press", "--home", home, stdin="1\n")
    run("users", "add", "a", "--role", "admin", "--home", home, stdin="2\n")
    assert run("users", "list", "--home", home) == (0, "a\tadmin\nb\tpress\n", "")
    assert run("users", "passwd", "b", "--home", home, stdin="mới\n")[:2] == (0, "Đã đổi mật khẩu của b.\n")
    assert Accounts(tmp_path / "accounts.json").authenticate("b", "mới") is not None
    assert run("users", "remove", "a", "--home", home)[:2] == (0, "Đã xoá tài khoản a.\n")
    assert run("users", "list", "--home", home)[1] == "b\tpress\n"


def test_users_errors_are_messages_with_exit_2(tmp_path: Path) -> None:
    home = str(tmp_path)
    run("users", "add", "a", "--role", "admin", "--home", home, stdin="1\n")
    assert run("users", "add", "a", "--role", "admin", "--home", home, stdin="1\n") == (
        2,
        "",
        "  - Tài khoản a đã có.\n",
    )
    assert run("users", "remove", "zz", "--home", home) == (2, "", "  - Không có tài khoản zz.\n")
    assert run("users", "add", "c", "--role", "admin", "--home", home, stdin="\n")[0] == 2
    assert run("users", "add", "c", "--role", "boss", "--home", home, stdin="x\n")[0] == 2


def test_serve_on_the_network_without_an_account_refuses_to_start(tmp_path: Path) -> None:
    code, out, err = run("serve", "--host", "0.0.0.0", "--port", "1", "--home", str(tmp_path))
    assert (code, out) == (2, "")
    assert err.startswith("Không mở bàn làm việc trên 0.0.0.0: chưa có tài khoản nào trong ")
    assert "umt-reports users add TÊN --role admin" in err
    code, _, err = run("--lang", "en", "serve", "--host", "192.168.1.5", "--home", str(tmp_path))
    assert code == 2 and err.startswith("Not serving on 192.168.1.5:")
    assert not (tmp_path / "secret.key").exists()


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.8.0.1", True),
        ("0.0.0.0", False),
        ("10.1.2.3", False),
        ("desk.example", False),
    ],
)
def test_which_addresses_are_this_machine_only(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_and_users_are_listed_in_help() -> None:
    code, out, _ = run("--help")
    assert code == 0 and "serve" in out and "users" in out


def test_serve_on_a_taken_port_says_so_in_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, err = run("serve", "--port", str(port), "--home", str(tmp_path))
    assert (code, out) == (1, "")
    assert err.startswith(f"Không mở được bàn làm việc trên 127.0.0.1:{port}: ")
    assert err.endswith("Hãy chọn cổng khác (--port).\n") and len(err.splitlines()) == 1
