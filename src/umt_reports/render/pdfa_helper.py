"""PDF/A validated on the other core while the rest of a build is drawn.

In: the finished PDF/A-2b bytes of the renderer. Out, from the call :meth:`Finishing.start`
returns: the same bytes once pikepdf's validator approved them, or the :class:`PdfaError`
:func:`~.pdfa.require_pdfa` raises in this process. Only *where* the work runs changes.

Validating a PDF (pure Python: the object walk, the content streams, the glyph outlines of
each embedded font; about 25 ms for a two-page report) costs more than drawing the DOCX.
A helper process, forked once per process, validates while the parent draws the other
formats; the build writes nothing until every verdict is in. The two talk over one pipe,
with no thread on either side: the parent writes the bytes and goes on drawing, the helper
answers with the verdict (a thread relaying the bytes would wait for the interpreter lock
while the parent draws, and the helper would start late). Forked at the start of a
build, it imports pikepdf and its validator (about 0.15 s) while the parent reads the data
and draws, so a one-off command whose PDFs are validated there never imports them itself.

The helper is used only where it can help and cannot hurt: more than one core, the
``fork`` start method, a parent with no other thread (forking a threaded process is unsafe)
but the template watchdog (which takes no shared lock),
not inside a batch worker (the cores are already busy), and ``UMT_VALIDATE_INLINE`` unset.
Otherwise, or if the helper dies, the work runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from umt_reports.errors import PdfaError, Problem, RenderError, UmtError

__all__ = ["Finishing", "Helper", "allow_helper", "helper", "start_helper"]

_ALLOWED = True
#: Errors the helper may send back, by class name (exceptions are sent as their problems).
_ERRORS: dict[str, type[UmtError]] = {"PdfaError": PdfaError, "RenderError": RenderError}
#: A verdict: ``None`` (passed) or the error's class name and problems.
Verdict = tuple[str, list[Problem]] | None


class Helper:
    """The helper process and this process's end of the pipe to it."""

    def __init__(self) -> None:
        ours, theirs = multiprocessing.Pipe()
        self._process: BaseProcess = multiprocessing.get_context("fork").Process(
            target=_serve, args=(theirs, ours), name="umt-pdfa-helper", daemon=True
        )
        self._process.start()
        theirs.close()
        self._conn: Connection = ours
        #: Bytes sent whose verdict has not been read yet, oldest first.
        self._waiting: list[int] = []
        self._verdicts: dict[int, Verdict] = {}
        self._sent = 0

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def send(self, data: bytes) -> int:
        """Hand ``data`` over for validation; its ticket for :meth:`verdict`. Raises ``OSError``
        when the helper is gone."""
        self._conn.send_bytes(data)
        self._sent += 1
        self._waiting.append(self._sent)
        return self._sent

    def verdict(self, ticket: int) -> Verdict:
        """The verdict on the bytes of ``ticket`` (waiting for it). Raises ``EOFError`` or
        ``OSError`` when the helper died first."""
        while ticket not in self._verdicts:
            self._verdicts[self._waiting.pop(0)] = self._conn.recv()
        return self._verdicts.pop(ticket)


def _serve(conn: Connection, parents: Connection) -> None:
    """The helper: import pikepdf and the validator, then validate what comes, in order, until
    the parent closes the pipe (or ends)."""
    parents.close()
    from umt_reports.render.pdf import pdfa

    pdfa._load()
    while True:
        try:
            data = conn.recv_bytes()
        except (EOFError, OSError):
            return
        conn.send(_validate(data))


_HELPER: Helper | None = None


def _forget_in_child() -> None:
    """A forked child must not use its parent's helper (the pipe belongs to the parent)."""
    global _HELPER
    _HELPER = None


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


def _may_fork() -> bool:
    """Whether forking is safe: no thread but this one runs, apart from threads that say they
    hold no lock the child could need (``fork_safe``, as the template watchdog does)."""
    here = threading.current_thread()
    return all(t is here or getattr(t, "fork_safe", False) for t in threading.enumerate())


def _validate(data: bytes) -> Verdict:
    """:func:`~.pdfa.require_pdfa` (in the helper, or here without one): ``None`` when ``data``
    passed, else the error's class name and problems (only the verdict travels back)."""
    from umt_reports.render.pdf.pdfa import require_pdfa

    try:
        require_pdfa(data)
    except (PdfaError, RenderError) as error:
        return type(error).__name__, error.problems
    return None


def helper() -> Helper | None:
    """The helper process of this process (started on first use), or ``None`` where it is not used."""
    global _HELPER
    if not _ALLOWED:
        return None
    if _HELPER is not None:
        return _HELPER
    if (
        os.environ.get("UMT_VALIDATE_INLINE")
        or _cores() < 2
        or "fork" not in multiprocessing.get_all_start_methods()
        or not _may_fork()
    ):
        return None
    try:
        _HELPER = Helper()  # -- forks now; the import overlaps the parent's work --
    except OSError:
        _HELPER = None
    return _HELPER


def start_helper() -> bool:
    """Start the helper now (at the start of a build), if it is used; whether it is."""
    return helper() is not None


class Finishing:
    """The PDFs of one build, validated in the helper (or here, without one)."""

    def __init__(self, helper: Helper | None) -> None:
        self._helper = helper

    def start(self, data: bytes) -> Callable[[], bytes]:
        """Begin validating ``data``; the returned call gives the bytes once they passed (or
        raises :class:`PdfaError` as :func:`~.pdfa.require_pdfa` does)."""
        ticket = None
        if self._helper is not None:
            try:
                ticket = self._helper.send(data)
            except OSError:  # -- the helper is gone: validate here --
                self._lost()

        def result() -> bytes:
            outcome: Verdict
            if ticket is None or self._helper is None:
                outcome = _validate(data)
            else:
                try:
                    outcome = self._helper.verdict(ticket)
                except (EOFError, OSError):  # -- the helper died (killed): validate here instead --
                    self._lost()
                    outcome = _validate(data)
            if outcome is not None:
                name, problems = outcome
                raise _ERRORS[name](problems)
            return data

        return result

    def _lost(self) -> None:
        """The helper died: this build validates the rest here, the next one starts another."""
        global _HELPER
        if _HELPER is self._helper:
            _HELPER = None
        self._helper = None
