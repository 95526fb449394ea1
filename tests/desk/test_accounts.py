"""Accounts: Argon2 hashes in a 0600 file, roles, and the located errors of bad requests."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from umt_reports.desk.accounts import Account, Accounts
from umt_reports.errors import InputError


def test_an_added_user_signs_in_with_the_right_password_only(tmp_path: Path) -> None:
    accounts = Accounts(tmp_path / "accounts.json")
    assert accounts.add("thuky", "secretary", "mật khẩu dài") == Account("thuky", "secretary")
    assert accounts.authenticate("thuky", "mật khẩu dài") == Account("thuky", "secretary")
    assert accounts.authenticate("thuky", "mat khau dai") is None
    assert accounts.authenticate("khong-co", "mật khẩu dài") is None


def test_the_file_holds_an_argon2id_hash_never_the_password_and_is_private(tmp_path: Path) -> None:
    path = tmp_path / "accounts.json"
    Accounts(path).add("luutru", "archivist", "bi-mat-123")
    text = path.read_text(encoding="utf-8")
    assert "bi-mat-123" not in text
    assert json.loads(text)["users"]["luutru"]["hash"].startswith("$argon2id$")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_list_remove_and_change_password(tmp_path: Path) -> None:
    accounts = Accounts(tmp_path / "accounts.json")
    assert not accounts.exists()
    accounts.add("b", "press", "1")
    accounts.add("a", "admin", "2")
    assert accounts.list() == [Account("a", "admin"), Account("b", "press")]
    accounts.set_password("b", "mới")
    assert accounts.authenticate("b", "1") is None
    assert accounts.authenticate("b", "mới") == Account("b", "press")
    accounts.remove("a")
    assert [a.name for a in accounts.list()] == ["b"]


@pytest.mark.parametrize(
    ("name", "role", "password", "code"),
    [
        ("thư ký", "secretary", "x", "desk.bad_name"),
        ("../x", "secretary", "x", "desk.bad_name"),
        ("thuky", "boss", "x", "desk.bad_role"),
        ("thuky", "secretary", "", "desk.empty_password"),
    ],
)
def test_bad_requests_are_refused_with_their_message(
    tmp_path: Path, name: str, role: str, password: str, code: str
) -> None:
    with pytest.raises(InputError) as caught:
        Accounts(tmp_path / "accounts.json").add(name, role, password)
    assert [p.code for p in caught.value.problems] == [code]
    assert not (tmp_path / "accounts.json").exists()


def test_a_taken_name_and_an_unknown_one_are_refused(tmp_path: Path) -> None:
    accounts = Accounts(tmp_path / "accounts.json")
    accounts.add("thuky", "secretary", "x")
    with pytest.raises(InputError) as taken:
        accounts.add("thuky", "admin", "y")
    assert str(taken.value.problems[0]) == "Tài khoản thuky đã có."
    with pytest.raises(InputError) as unknown:
        accounts.remove("ai-do")
    assert str(unknown.value.problems[0]) == "Không có tài khoản ai-do."


def test_a_damaged_accounts_file_is_a_located_problem(tmp_path: Path) -> None:
    path = tmp_path / "accounts.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        Accounts(path).exists()
    assert caught.value.problems[0].code == "desk.accounts_unreadable"
    assert str(caught.value.problems[0].location) == "accounts.json"
