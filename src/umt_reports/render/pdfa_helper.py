"""PDFs drawn and validated on the other core while the rest of a build is drawn.

In: a Document and its render options (or the finished bytes of a PDF drawn here). Out, from
the call :meth:`Drawing.start` (or :meth:`Finishing.start`) returns: the :class:`Rendered`
PDF/A-2b (or the same bytes) once pikepdf's validator approved them, or the
:class:`~umt_reports.errors.UmtError` drawing or validating raises in this process. Only
*where* the work runs changes.

A two-page report costs about 15 ms to draw as PDF and 15 ms to validate; its DOCX about
15 ms. A helper process, forked once per process, draws and validates the PDFs while the
parent draws the other formats; the build writes nothing until every PDF is in. Forked at
the start of a one-off command, it imports pikepdf and its validator, reportlab and the
font while the parent imports the model, reads the data and draws the DOCX, so the parent
never imports them. A PDF that reports its pages as it
goes (``RenderOptions.on_page``) is drawn here and only validated there.

The two talk over two pipes, one each way, with no thread on either side: the parent writes a
message and goes on drawing, the helper answers each in turn (a thread relaying the bytes would
wait for the interpreter lock while the parent draws, and the helper would start late). In a
batch the parent starts the next meeting while the helper draws this one's PDFs; when the
helper falls behind (:meth:`Drawing.busy`), the parent draws a PDF itself and sends only the
validation.

The helper is used only where it can help and cannot hurt: more than one core, the
``fork`` start method, a parent with no other thread (forking a threaded process is unsafe)
but the template watchdog (which takes no shared lock), not inside a batch worker (the
cores are already busy), and ``UMT_VALIDATE_INLINE`` unset. Otherwise, or if the helper
dies, the work runs in this process.
"""

from __future__ import annotations

import contextlib
import copyreg
import multiprocessing
import os
import pickle
import select
import struct
import threading
from collections.abc import Callable
from multiprocessing.process import BaseProcess
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

try:
    import fcntl
except ImportError:  # -- not on Windows, where the helper is not used --
    fcntl = None  # type: ignore[assignment]

from umt_reports import errors
from umt_reports.errors import PdfaError, Problem, RenderError, UmtError

if TYPE_CHECKING:
    from umt_reports.documents.document import Document
    from umt_reports.render.output import Rendered, RenderOptions

__all__ = [
    "BUSY_BACKLOG",
    "Drawing",
    "Finishing",
    "Helper",
    "allow_helper",
    "helper",
    "running",
    "start_helper",
    "usable",
]

_ALLOWED = True
#: Unanswered messages at which the helper counts as busy (see :meth:`Drawing.busy`).
BUSY_BACKLOG = 2
#: A verdict: ``None`` (passed) or the error's class name and problems.
Verdict = tuple[str, list[Problem]] | None


def _read_only(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


# -- a Document travels to the helper pickled; its preset's read-only mappings go as dicts --
copyreg.pickle(MappingProxyType, lambda proxy: (_read_only, (dict(proxy),)))


def _error(name: str, problems: list[Problem]) -> UmtError:
    """The error the helper sent back by class name and problems, as this process raises it."""
    kind = getattr(errors, name, None)
    if not (isinstance(kind, type) and issubclass(kind, UmtError)):
        kind = UmtError
    return kind(problems)


class Helper:
    """The helper process and this process's ends of the two pipes to it.

    Messages and replies are pickled, each framed by its length. This process never blocks
    writing while a reply waits to be read: its end towards the helper does not block, and
    when that pipe is full it reads the helper's replies until it can write again (a large
    message written while the helper writes a large reply would otherwise leave each side
    waiting for the other). The pipes are widened where the system allows, so that the helper
    seldom waits for this process to read a finished PDF."""

    def __init__(self, font: str | None = None) -> None:
        to_helper, from_helper = os.pipe(), os.pipe()
        for _, write_end in (to_helper, from_helper):
            _widen(write_end)
        self._process: BaseProcess = multiprocessing.get_context("fork").Process(
            target=_serve,
            args=(to_helper[0], from_helper[1], (to_helper[1], from_helper[0]), font),
            name="umt-pdf-helper",
            daemon=True,
        )
        try:
            self._process.start()
        finally:
            os.close(to_helper[0])
            os.close(from_helper[1])
        self._out, self._in = to_helper[1], from_helper[0]
        os.set_blocking(self._out, False)
        #: Messages sent whose reply has not been read yet, oldest first.
        self._waiting: list[int] = []
        self._replies: dict[int, Any] = {}
        self._sent = 0

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def send(self, message: tuple[Any, ...]) -> int:
        """Send ``message``; its ticket for :meth:`reply`. Raises ``EOFError`` or ``OSError`` when
        the helper is gone (or ``TypeError``/``pickle.PicklingError`` for a message that cannot
        travel)."""
        frame = _frame(message)
        view = memoryview(frame)
        while view:
            try:
                view = view[os.write(self._out, view) :]
            except BlockingIOError:  # -- the pipe is full: read what the helper says meanwhile --
                if self._ready_to_read(timeout_ms=None, or_writable=True):
                    self._read_reply()
        self._sent += 1
        self._waiting.append(self._sent)
        return self._sent

    def reply(self, ticket: int) -> Any:
        """The reply to the message of ``ticket`` (waiting for it). Raises ``EOFError`` or
        ``OSError`` when the helper died first."""
        while ticket not in self._replies:
            self._read_reply()
        return self._replies.pop(ticket)

    def backlog(self) -> int:
        """How many messages the helper has not answered yet (replies already there are read)."""
        while self._waiting and self._ready_to_read(timeout_ms=0):
            self._read_reply()
        return len(self._waiting)

    def _ready_to_read(self, *, timeout_ms: int | None, or_writable: bool = False) -> bool:
        """Whether a reply (or the helper's end) is there to read, waiting up to ``timeout_ms``
        (``None``: until something happens; ``or_writable``: or until the pipe to the helper
        takes more). ``poll``, unlike ``select``, takes descriptors of any number."""
        poller = select.poll()
        poller.register(self._in, select.POLLIN)
        if or_writable:
            poller.register(self._out, select.POLLOUT)
        return any(fd == self._in for fd, _ in poller.poll(timeout_ms))

    def _read_reply(self) -> None:
        """Read the next reply (waiting for it) and file it under the oldest ticket."""
        reply = _unframe(self._in)
        self._replies[self._waiting.pop(0)] = reply

    def close(self) -> None:
        """Close this process's ends of the pipes (once: a number closed twice may by then be
        another file's): the helper ends when it has read the rest."""
        for fd in (self._out, self._in):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._out = self._in = -1


#: Bytes of the length that frames each message.
_HEADER = struct.Struct("!Q")
#: The capacity asked for each pipe (Linux allows 1 MiB by default; elsewhere nothing changes).
_PIPE_BYTES = 1 << 20


def _widen(fd: int) -> None:
    setter = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if setter is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(fd, setter, _PIPE_BYTES)


def _frame(message: Any) -> bytes:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def _read_exactly(fd: int, size: int) -> bytes:
    chunks: list[bytes] = []
    while size:
        chunk = os.read(fd, min(size, _PIPE_BYTES))
        if not chunk:
            raise EOFError("the other end of the pipe is closed")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _unframe(fd: int) -> Any:
    (size,) = _HEADER.unpack(_read_exactly(fd, _HEADER.size))
    return pickle.loads(_read_exactly(fd, size))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _serve(incoming: int, outgoing: int, parents: tuple[int, int], font: str | None) -> None:
    """The helper: get ready, then answer each message in turn until the parent closes its end
    (or ends)."""
    for fd in parents:
        os.close(fd)
    _ready(font)
    while True:
        try:
            message = _unframe(incoming)
        except (EOFError, OSError):
            return
        try:
            _write_all(outgoing, _frame(_answer(message)))
        except OSError:
            return


def _ready(font: str | None) -> None:
    """Import pikepdf's validator (the longest import, so first: the parent's first PDF arrives
    while the rest is imported), then reportlab and the PDF renderer, and register the font."""
    from umt_reports.render.pdf import pdfa

    pdfa._load()
    with contextlib.suppress(UmtError):  # -- a wrong font: the drawing reports it, with its place --
        from umt_reports.render.fonts import register, resolve_font
        from umt_reports.render.pdf import writer  # noqa: F401

        register(resolve_font(font))


def _answer(message: tuple[Any, ...]) -> tuple[Any, ...]:
    """In the helper: ``("validate", data)`` → ``("verdict", verdict)``; ``("draw", document,
    options)`` → ``("drawn", rendered)``, ``("error", class name, problems)`` or, for anything
    else that went wrong, ``("failed", text)`` (the parent then draws it itself)."""
    if message[0] == "validate":
        return ("verdict", _validate(message[1]))
    try:
        from umt_reports.render.pdf import render_pdf

        return ("drawn", render_pdf(message[1], message[2]))
    except UmtError as error:
        return ("error", type(error).__name__, error.problems)
    except Exception as exc:  # -- a bug: the parent draws the PDF itself and meets it there --
        return ("failed", f"{type(exc).__name__}: {exc}")


_HELPER: Helper | None = None


def _forget_in_child() -> None:
    """A forked child must not use its parent's helper (the pipes belong to the parent); it closes
    its copies of them, so that the helper still ends when the parent closes its own."""
    global _HELPER
    if _HELPER is not None:
        _HELPER.close()
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


def helper(font: str | None = None) -> Helper | None:
    """The helper process of this process (started on first use, ready for ``font``), or ``None``
    where it is not used."""
    global _HELPER
    if not _ALLOWED:
        return None
    if _HELPER is not None:
        return _HELPER
    if not usable():
        return None
    try:
        _HELPER = Helper(font)  # -- forks now; its imports overlap the parent's work --
    except OSError:
        _HELPER = None
    return _HELPER


def usable() -> bool:
    """Whether this process may start a helper (see the module's notes)."""
    return (
        _ALLOWED
        and not os.environ.get("UMT_VALIDATE_INLINE")
        and _cores() >= 2
        and "fork" in multiprocessing.get_all_start_methods()
        and _may_fork()
    )


def running() -> bool:
    """Whether this process has started its helper (and still has it)."""
    return _HELPER is not None


def start_helper(font: str | None = None) -> bool:
    """Start the helper now (at the start of a command or build), if it is used; whether it is."""
    return helper(font) is not None


class _Work:
    """What one build sends to the helper: losing it sends the rest of the build here."""

    def __init__(self, helper: Helper | None) -> None:
        self._helper = helper

    def _send(self, message: tuple[Any, ...]) -> int | None:
        if self._helper is None:
            return None
        try:
            return self._helper.send(message)
        except (EOFError, OSError):  # -- the helper is gone: work here --
            self._lost()
        except (TypeError, AttributeError, pickle.PicklingError):  # -- cannot travel: draw it here --
            pass
        return None

    def _reply(self, ticket: int | None) -> Any:
        """The helper's reply to ``ticket``, or ``None`` when there is none to wait for."""
        if ticket is None or self._helper is None:
            return None
        try:
            return self._helper.reply(ticket)
        except (EOFError, OSError):  # -- the helper died (killed): work here instead --
            self._lost()
            return None

    def _lost(self) -> None:
        """The helper died: this build works here, the next one starts another."""
        global _HELPER
        if _HELPER is self._helper:
            _HELPER = None
        self._helper = None


class Finishing(_Work):
    """PDFs drawn here, validated in the helper (or here, without one)."""

    def start(self, data: bytes) -> Callable[[], bytes]:
        """Begin validating ``data``; the returned call gives the bytes once they passed (or
        raises :class:`PdfaError` as :func:`~.pdfa.require_pdfa` does)."""
        ticket = self._send(("validate", data))

        def result() -> bytes:
            reply = self._reply(ticket)
            outcome = _validate(data) if reply is None else reply[1]
            if outcome is not None:
                raise _error(*outcome)
            return data

        return result


class Drawing(_Work):
    """PDFs drawn and validated in the helper (or here, without one)."""

    def busy(self) -> bool:
        """Whether the helper already has :data:`BUSY_BACKLOG` messages to answer (in a batch,
        the PDFs of earlier meetings): a PDF drawn here then keeps both cores busy."""
        if self._helper is None:
            return False
        try:
            return self._helper.backlog() >= BUSY_BACKLOG
        except (EOFError, OSError):
            self._lost()
            return False

    def start(self, document: Document, options: RenderOptions) -> Callable[[], Rendered]:
        """Begin drawing ``document`` as PDF/A-2b; the returned call gives the validated
        :class:`Rendered` (or raises what :func:`~umt_reports.render.pdf.render_pdf` raises)."""
        ticket = self._send(("draw", document, options))

        def result() -> Rendered:
            reply = self._reply(ticket)
            if reply is not None and reply[0] == "drawn":
                drawn: Rendered = reply[1]
                return drawn
            if reply is not None and reply[0] == "error":
                raise _error(reply[1], reply[2])
            from umt_reports.render.pdf import render_pdf

            return render_pdf(document, options)

        return result
