"""What each role may do on the desk: one table, enforced on the server.

Every role builds documents and reads the archive; only the archivist and the
administrator change the archive (store) or export from it; the administrator
also sees every user's jobs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from umt_reports.desk.accounts import ROLES

__all__ = ["PERMISSIONS", "allowed"]

#: Action -> roles allowed to do it.
PERMISSIONS: Final[Mapping[str, tuple[str, ...]]] = {
    "build": ROLES,
    "archive.view": ROLES,
    "archive.store": ("archivist", "admin"),
    "archive.export": ("archivist", "admin"),
    "jobs.all": ("admin",),
}


def allowed(role: str, action: str) -> bool:
    """Whether ``role`` may do ``action`` (an unknown action is allowed to nobody)."""
    return role in PERMISSIONS.get(action, ())
