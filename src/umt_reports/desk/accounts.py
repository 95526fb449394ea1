"""Accounts of the desk: names, roles and Argon2 password hashes in ``accounts.json``.

In: the home folder's accounts file. Out: :class:`Accounts`, which adds, lists, removes
users, changes passwords and checks a login. The file is rewritten atomically (temporary
file, then rename) with mode 0600; a password is never stored, only its Argon2id hash.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from umt_reports.errors import InputError, Location

__all__ = ["ROLES", "Account", "Accounts"]

#: Roles a user can hold; what each may do is in :mod:`umt_reports.desk.roles`.
ROLES: Final = ("secretary", "press", "archivist", "admin")
#: Letters, digits, dot, dash and underscore; 1 to 64 characters.
_NAME = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_HASHER: Final = PasswordHasher()
#: A hash checked when the name is unknown, so that a wrong name costs as long as a wrong password.
_DUMMY_HASH: Final = _HASHER.hash("-- no such user --")


@dataclass(frozen=True)
class Account:
    """One user: name and role (the hash stays inside :class:`Accounts`)."""

    name: str
    role: str


class Accounts:
    """The accounts file of a desk home."""

    def __init__(self, path: Path):
        self.path = path

    # -- reading ------------------------------------------------------------------------------

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise InputError.of(
                "desk.accounts_unreadable", Location.of_file(self.path), reason=str(exc)[:200]
            ) from None
        users = data.get("users") if isinstance(data, dict) else None
        if not isinstance(users, dict):
            raise InputError.of("desk.accounts_unreadable", Location.of_file(self.path), reason="users")
        return {str(k): v for k, v in users.items() if isinstance(v, dict)}

    def list(self) -> list[Account]:
        """Every account, by name."""
        return [Account(name, str(entry.get("role", ""))) for name, entry in sorted(self._load().items())]

    def exists(self) -> bool:
        """Whether at least one account exists."""
        return bool(self._load())

    def get(self, name: str) -> Account | None:
        entry = self._load().get(name)
        return Account(name, str(entry.get("role", ""))) if entry else None

    def authenticate(self, name: str, password: str) -> Account | None:
        """The account when ``password`` is right, else ``None`` (same cost for an unknown name)."""
        entry = self._load().get(name)
        stored = str(entry.get("hash", "")) if entry else _DUMMY_HASH
        try:
            _HASHER.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None
        if entry is None:
            return None
        if _HASHER.check_needs_rehash(stored):
            self._update(name, password)
        return Account(name, str(entry.get("role", "")))

    # -- changing -----------------------------------------------------------------------------

    def add(self, name: str, role: str, password: str) -> Account:
        """Add a user; raises :class:`InputError` for a bad name or role, a taken name, an empty password."""
        self._check_name(name)
        if role not in ROLES:
            raise InputError.of("desk.bad_role", None, value=role, allowed=", ".join(ROLES))
        self._check_password(password)
        users = self._load()
        if name in users:
            raise InputError.of("desk.user_exists", None, name=name)
        users[name] = {"role": role, "hash": _HASHER.hash(password)}
        self._save(users)
        return Account(name, role)

    def remove(self, name: str) -> None:
        users = self._load()
        if name not in users:
            raise InputError.of("desk.user_unknown", None, name=name)
        del users[name]
        self._save(users)

    def set_password(self, name: str, password: str) -> None:
        self._check_password(password)
        if name not in self._load():
            raise InputError.of("desk.user_unknown", None, name=name)
        self._update(name, password)

    def _update(self, name: str, password: str) -> None:
        users = self._load()
        users[name]["hash"] = _HASHER.hash(password)
        self._save(users)

    @staticmethod
    def _check_name(name: str) -> None:
        if not _NAME.match(name):
            raise InputError.of("desk.bad_name", None, value=name)

    @staticmethod
    def _check_password(password: str) -> None:
        if not password:
            raise InputError.of("desk.empty_password", None)

    def _save(self, users: dict[str, dict[str, str]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"users": users}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        fd, tmp = tempfile.mkstemp(prefix=".accounts.", suffix=".tmp", dir=self.path.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
