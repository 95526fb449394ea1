"""What every renderer takes and gives: the drawing options and the drawn bytes.

Kept apart from :mod:`umt_reports.render` (the table of formats) so that the renderers,
which that table imports, do not import it back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["RenderOptions", "Rendered"]


@dataclass(frozen=True)
class RenderOptions:
    """Choices a user can make about drawing (not about content)."""

    #: Preferred body font for PDF: a family name or a ``.ttf`` path (default: Times New Roman, …).
    font: str | Path | None = None
    #: HTML: a fragment to paste into the portal's editor instead of a standalone page.
    html_fragment: bool = False
    #: HTML fragment: prefix of the picture files written beside it (``<stem>_`` gives
    #: ``<stem>_anh-1.jpg``), so that two fragments in one folder keep their own pictures.
    asset_prefix: str = ""
    #: PDF: called with the page number each time a page is finished (progress of long batches).
    on_page: Callable[[int], None] | None = None
    #: PDF: takes over the PDF/A-2b validation of the finished bytes, returning a call that
    #: gives them back once they passed (or raises). Build uses it to validate on another core
    #: while it draws the other formats; ``None``: the renderer validates them itself.
    pdfa_finish: Callable[[bytes], Callable[[], bytes]] | None = None


@dataclass(frozen=True)
class Rendered:
    """A drawn document."""

    data: bytes
    suffix: str
    pages: int | None = None
    #: The font actually used (PDF), e.g. ``Liberation Serif (system: …)``.
    font: str | None = None
    #: PDF/A flavour the bytes were validated against, e.g. ``2B``.
    pdfa: str | None = None
    #: Extra files written beside the main one (HTML fragment photos): name -> bytes.
    extras: tuple[tuple[str, bytes], ...] = ()
    #: Set only when ``RenderOptions.pdfa_finish`` was given: ``data`` is empty until the
    #: caller takes the validated bytes from this call (which may raise).
    pending: Callable[[], bytes] | None = field(default=None, compare=False, repr=False)
