"""The toolkit's own data folders, shipped inside the package: wording templates and profiles.

``templates/`` (one Jinja2 file per document kind) and ``profiles/`` (the bundled issuing
bodies) live in ``umt_reports/`` and are found through :mod:`importlib.resources`, so an
installed wheel finds them wherever it is installed, and a checkout (``pip install -e .``)
finds them in ``src/umt_reports/``. An office adjusts them with ``--templates DIR`` and
``--profiles DIR`` rather than by editing the installed copies.
"""

from __future__ import annotations

import atexit
import contextlib
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

__all__ = ["profiles_dir", "templates_dir"]

_PACKAGE = "umt_reports"
_STACK = contextlib.ExitStack()
atexit.register(_STACK.close)


@cache
def _folder(name: str) -> Path:
    """The package data folder ``name`` as a real folder on disk.

    Installed wheels and checkouts keep the package as plain files, so this is the folder
    itself; a zipped install gets a temporary copy that lives as long as the process.
    """
    return _STACK.enter_context(as_file(files(_PACKAGE) / name))


def templates_dir() -> Path:
    """The folder of the bundled wording templates (``report.j2`` …)."""
    return _folder("templates")


def profiles_dir() -> Path:
    """The folder of the bundled issuing-body profiles (``<name>.yaml``)."""
    return _folder("profiles")
