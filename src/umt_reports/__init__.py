"""umt-reports: Vietnamese official documents from structured meeting data.

The pipeline, one package per stage::

    sources/  ->  model/  ->  documents/  ->  render/{docx,pdf,html}  ->  archive/

The public API below is what the CLI calls; other tools should call it too.
"""

from typing import TYPE_CHECKING, Any

from umt_reports.errors import (
    ArchiveError,
    InputError,
    LimitError,
    Location,
    PdfaError,
    Problem,
    ProfileError,
    RenderError,
    TemplateError,
    UmtError,
)

if TYPE_CHECKING:
    from umt_reports.api import load_meeting, read_meeting_file
    from umt_reports.model import Meeting

__version__ = "0.1.0"

#: Names imported on first use: the model (pydantic, ≈ 0.15 s) is not loaded by
#: ``import umt_reports.<anything>`` alone, so a command can start work before it.
_LAZY = {"load_meeting": "umt_reports.api", "read_meeting_file": "umt_reports.api", "Meeting": "umt_reports.model"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'umt_reports' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "ArchiveError",
    "InputError",
    "LimitError",
    "Location",
    "Meeting",
    "PdfaError",
    "Problem",
    "ProfileError",
    "RenderError",
    "TemplateError",
    "UmtError",
    "__version__",
    "load_meeting",
    "read_meeting_file",
]
