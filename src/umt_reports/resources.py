"""Where the toolkit's own data folders are: wording templates and bundled profiles.

The folders live at the top of the project (``templates/``, ``profiles/``) so that an
office can read and adjust them; the package finds them next to its source tree.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["project_root", "profiles_dir", "templates_dir"]


@cache
def project_root() -> Path:
    """The project folder holding ``templates/`` and ``profiles/``."""
    here = Path(__file__).resolve()
    for candidate in here.parents:
        if (candidate / "templates").is_dir() and (candidate / "pyproject.toml").is_file():
            return candidate
    raise RuntimeError(f"umt-reports data folders not found above {here}; install from a checkout (pip install -e .)")


def templates_dir() -> Path:
    return project_root() / "templates"


def profiles_dir() -> Path:
    return project_root() / "profiles"
