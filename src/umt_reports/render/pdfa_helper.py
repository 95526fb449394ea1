"""PDF/A finished on the other core while the rest of a build is drawn.

In: reportlab's bytes and the document's :class:`~.pdfa.PdfMetadata`. Out, from
:meth:`Finishing.result`: the PDF/A-2b bytes that pikepdf's validator approved, exactly
what :func:`~.pdfa.make_pdfa` returns in this process, or its :class:`RenderError` /
:class:`PdfaError`. Only *where* the work runs changes.

Turning reportlab's PDF into PDF/A (about 8 ms for a two-page report) and validating it
(pure Python: the object walk, the content streams, the glyph outlines of each embedded
font; about 25 ms) cost more than drawing the DOCX. A helper process, forked once per
process, does both while the parent draws the other formats; the build writes nothing
until every result is in. Forked at the start of a build, it imports pikepdf and its
validator (about 0.1 s) while the parent reads the data and draws, so a one-off command
whose PDFs are finished there never imports them itself.

The helper is used only where it can help and cannot hurt: more than one core, the
``fork`` start method, a single-threaded parent (forking a threaded process is unsafe),
not inside a batch worker (the cores are already busy), and ``UMT_VALIDATE_INLINE`` unset.
Otherwise, or if the helper dies, the work runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from umt_reports.errors import PdfaError, Problem, RenderError, UmtError

if TYPE_CHECKING:
    from umt_reports.render.pdf.marks import Rect
    from umt_reports.render.pdf.pdfa import PdfMetadata

__all__ = ["Finishing", "allow_helper", "helper", "start_helper"]

_POOL: ProcessPoolExecutor | None = None
_ALLOWED = True
#: Errors the helper may send back, by class name (exceptions are sent as their problems).
_ERRORS: dict[str, type[UmtError]] = {"PdfaError": PdfaError, "RenderError": RenderError}


def _forget_in_child() -> None:
    """A forked child must not use its parent's helper (its queues belong to the parent)."""
    global _POOL
    _POOL = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


def allow_helper(allowed: bool) -> None:
    """Let this process use the helper (``False`` in batch workers: every core is busy)."""
    global _ALLOWED
    _ALLOWED = allowed


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _warm() -> None:
    """In the helper: import pikepdf and the validator before the first PDF arrives."""
    from umt_reports.render.pdf import pdfa

    pdfa._load()


def _finish(raw: bytes, meta: PdfMetadata, places: dict[str, Rect] | None) -> bytes | tuple[str, list[Problem]]:
    """In the helper: :func:`make_pdfa`; an error comes back as its class name and problems."""
    from umt_reports.render.pdf.pdfa import make_pdfa

    try:
        return make_pdfa(raw, meta, places)
    except (PdfaError, RenderError) as error:
        return type(error).__name__, error.problems


def helper() -> ProcessPoolExecutor | None:
    """The helper process of this process (started on first use), or ``None`` where it is not used."""
    global _POOL
    if not _ALLOWED:
        return None
    if _POOL is not None:
        return _POOL
    if (
        os.environ.get("UMT_VALIDATE_INLINE")
        or _cores() < 2
        or "fork" not in multiprocessing.get_all_start_methods()
        or threading.active_count() > 1
    ):
        return None
    _POOL = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    try:
        _POOL.submit(_warm)  # -- forks now; the import overlaps the parent's work --
    except (BrokenProcessPool, RuntimeError, OSError):
        _POOL = None
    return _POOL


def start_helper() -> bool:
    """Start the helper now (at the start of a build), if it is used; whether it is."""
    return helper() is not None


class Finishing:
    """PDF/A candidates of one build, finished in the helper (or here, without one)."""

    def __init__(self, pool: ProcessPoolExecutor | None) -> None:
        self._pool = pool

    def start(self, raw: bytes, meta: PdfMetadata, places: dict[str, Rect] | None = None) -> Callable[[], bytes]:
        """Begin turning ``raw`` into validated PDF/A; the returned call gives the bytes (or raises
        :class:`RenderError` / :class:`PdfaError` as :func:`make_pdfa` does)."""
        future: Future[bytes | tuple[str, list[Problem]]] | None = None
        if self._pool is not None:
            try:
                future = self._pool.submit(_finish, raw, meta, places)
            except (BrokenProcessPool, RuntimeError):
                future = None

        def result() -> bytes:
            global _POOL
            if future is None:
                outcome = _finish(raw, meta, places)
            else:
                try:
                    outcome = future.result()
                except BrokenProcessPool:  # -- the helper died (killed): finish here instead --
                    _POOL = None
                    outcome = _finish(raw, meta, places)
            if isinstance(outcome, tuple):
                name, problems = outcome
                raise _ERRORS[name](problems)
            return outcome

        return result
