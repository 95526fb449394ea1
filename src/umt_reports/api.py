"""The public Python API: the functions the CLI (and any other tool) calls.

Each function raises only :class:`~umt_reports.errors.UmtError` subclasses for
problems with the input; turning them into messages is the caller's business.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from umt_reports.model import Meeting, validate
from umt_reports.sources import RawSource, read_source

__all__ = ["load_meeting", "read_meeting_file"]


def read_meeting_file(path: str | Path) -> RawSource:
    """Read a ``.yaml`` or ``.xlsx`` meeting file into located plain data (no validation)."""
    return read_source(path)


def load_meeting(path: str | Path, *, profile_dirs: Iterable[str | Path] = ()) -> Meeting:
    """Read and validate a meeting file; raises :class:`InputError` listing every problem.

    Args:
        path: a ``.yaml``/``.yml`` or ``.xlsx`` file following the data contract.
        profile_dirs: extra folders searched first for ``profiles/<name>.yaml``.
    """
    raw = read_source(path)
    return validate(raw, profile_dirs=[Path(p) for p in profile_dirs])
