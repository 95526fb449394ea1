"""umt-reports: Vietnamese official documents from structured meeting data.

The pipeline, one package per stage::

    sources/  ->  model/  ->  documents/  ->  render/{docx,pdf,html}  ->  archive/

The public API below is what the CLI calls; other tools should call it too.
"""

from umt_reports.api import load_meeting, read_meeting_file
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
from umt_reports.model import Meeting

__version__ = "0.1.0"

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
