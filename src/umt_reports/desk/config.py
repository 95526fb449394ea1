"""The desk's settings and the folders of its home.

In: the ``serve`` options (or their environment variables). Out: a frozen
:class:`DeskConfig` that every part of the desk reads; nothing else decides a path.

Layout of the home folder (``--home``/``UMT_HOME``)::

    accounts.json     users, roles and Argon2 hashes (0600)
    secret.key        the key that signs session cookies (0600)
    audit.log         one JSON line per action: who built, stored, exported what
    jobs/<id>/        one folder per build: input/, out/, thumbs/, job.json
    archive/          the archive, unless --archive-dir/UMT_ARCHIVE names another
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Final

__all__ = ["DEFAULT_HOME", "HOME_ENV", "DeskConfig", "is_loopback"]

#: Environment variable naming the desk's home folder.
HOME_ENV: Final = "UMT_HOME"
#: Home folder when neither ``--home`` nor :data:`HOME_ENV` says otherwise.
DEFAULT_HOME: Final = Path("umt-desk")
#: Largest upload of one request (the data file, its photos): 60 MiB.
DEFAULT_MAX_UPLOAD: Final = 60 * 1024 * 1024
#: Job folders older than this are removed (seconds): one day.
DEFAULT_JOB_TTL: Final = 24 * 3600


def resolve_home(path: str | Path | None) -> Path:
    """The desk's home: ``path`` if given, else ``$UMT_HOME``, else ``./umt-desk``."""
    if path is not None and str(path) != "":
        return Path(path)
    env = os.environ.get(HOME_ENV)
    return Path(env) if env else DEFAULT_HOME


def is_loopback(host: str) -> bool:
    """Whether ``host`` only listens on this machine (``127.0.0.1``, ``::1``, ``localhost``)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class DeskConfig:
    """Everything the desk needs to know at start.

    Args:
        home: the state folder (accounts, jobs, audit log, default archive).
        archive_dir: the archive root (default ``home/archive``).
        lang: language of the pages, ``vi`` or ``en``.
        login_required: every page but the login page needs a session; false only on a
            loopback address with no account (one person on their own PC).
        max_upload: largest request body of an upload, in bytes.
        job_ttl: seconds after which a job folder is removed.
        workers: build processes (default: the number of cores, at least 2).
    """

    home: Path
    archive_dir: Path
    lang: str = "vi"
    login_required: bool = True
    max_upload: int = DEFAULT_MAX_UPLOAD
    job_ttl: float = DEFAULT_JOB_TTL
    workers: int = 0

    @property
    def jobs_dir(self) -> Path:
        return self.home / "jobs"

    @property
    def accounts_file(self) -> Path:
        return self.home / "accounts.json"

    @property
    def audit_file(self) -> Path:
        return self.home / "audit.log"

    @property
    def secret_file(self) -> Path:
        return self.home / "secret.key"

    @property
    def pool_size(self) -> int:
        """Build processes: ``workers`` if set, else the cores (at least 2, so one long batch
        never holds the only worker)."""
        return self.workers if self.workers > 0 else max(2, os.cpu_count() or 1)
