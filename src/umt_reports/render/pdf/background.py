"""PDF/A validation on the other core while the rest of a build is drawn.

In: the PDF/A-2b candidates of one build (bytes from :func:`~.pdfa.prepare_pdfa`). Out:
nothing, or :class:`~umt_reports.errors.PdfaError` from :meth:`Validations.wait` for the
first candidate that failed. Every candidate is validated exactly as
:func:`~.pdfa.make_pdfa` validates it; only *where* changes.

pikepdf's validator is pure Python work (the object walk, the content streams, the glyph
outlines of each embedded font): about 45 ms for a two-page report, more than the DOCX
takes to draw. A helper process, forked once per process from the warm parent (so it
starts with pikepdf imported), validates the PDFs while the parent draws the other
formats; the build writes nothing until :meth:`Validations.wait` returned.

The helper is used only where it can help and cannot hurt: more than one core, the
``fork`` start method, a single-threaded parent (forking a threaded process is unsafe),
not inside a batch worker (the cores are already busy), and ``UMT_VALIDATE_INLINE`` unset.
Otherwise, or if the helper dies, validation runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from umt_reports.render.pdf.pdfa import pdfa_findings, require_pdfa

__all__ = ["Validations", "allow_helper", "start_validations"]

_POOL: ProcessPoolExecutor | None = None
_ALLOWED = True


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


def _helper() -> ProcessPoolExecutor | None:
    global _POOL
    if not _ALLOWED:
        return None
    if _POOL is not None:
        return _POOL
    if (os.environ.get("UMT_VALIDATE_INLINE") or _cores() < 2
            or "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1):
        return None
    _POOL = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    return _POOL


class Validations:
    """The validations started for one build."""

    def __init__(self, pool: ProcessPoolExecutor | None) -> None:
        self._pool = pool
        self._pending: list[tuple[bytes, Future[tuple[int, str] | None] | None]] = []

    def start(self, data: bytes) -> None:
        """Begin validating ``data`` (in the helper if there is one)."""
        future: Future[tuple[int, str] | None] | None = None
        if self._pool is not None:
            try:
                future = self._pool.submit(pdfa_findings, data)
            except (BrokenProcessPool, RuntimeError):
                future = None
        self._pending.append((data, future))

    def wait(self) -> None:
        """Return when every candidate passed; raise :class:`PdfaError` for the first that did not.

        Raises:
            PdfaError: ``render.pdfa_failed`` listing the validator's findings.
        """
        global _POOL
        pending, self._pending = self._pending, []
        for data, future in pending:
            if future is None:
                require_pdfa(data)
                continue
            try:
                findings = future.result()
            except BrokenProcessPool:  # -- the helper died (killed): validate here instead --
                _POOL = None
                require_pdfa(data)
                continue
            require_pdfa(data, findings)


def start_validations() -> Validations | None:
    """A set of validations that run in the helper, or ``None`` when the helper is not to be used."""
    pool = _helper()
    return Validations(pool) if pool is not None else None
