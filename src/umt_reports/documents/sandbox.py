"""The sandbox wording templates run in, and the one boundary around rendering a block.

In: a template block and its context (validated model objects). Out: the block's text, or a
:class:`TemplateError` located at the template line, whatever the template did.

What a template may do, beyond Jinja's :class:`ImmutableSandboxedEnvironment`:

- **Read, not call into the library.** On a pydantic model only its fields and what our own
  model classes define are visible; everything pydantic's ``BaseModel`` brings
  (``parse_file``, ``model_validate_json``, ``copy`` …) is refused as unsafe.
- **Bounded size.** Every way to build a long string in one step (``*``, ``+``, ``~``, ``%``,
  ``**`` on numbers, ``str`` methods and filters taking a width or a replacement) is checked
  *before* it runs against :data:`MAX_TEXT_CHARS`, and a block's output against the same.
- **Bounded time.** A block running longer than :data:`MAX_SECONDS` is interrupted (a watchdog
  thread raises in the rendering thread); a recursive macro ends as a located problem.

Anything else a template raises (``1/0``, a filter given the wrong type, a missing key)
becomes a located problem whose reason is a Vietnamese phrase, not Python's message.
"""

from __future__ import annotations

import ctypes
import functools
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import ImmutableSandboxedEnvironment
from pydantic import BaseModel

from umt_reports import vn
from umt_reports.errors import Location, TemplateError, UmtError

__all__ = ["MAX_SECONDS", "MAX_TEXT_CHARS", "Sandbox", "load_boundary", "render_block"]

#: Longest text a template may build or print in one block (a 10,000-name award list is ~500,000).
MAX_TEXT_CHARS = 2_000_000
#: Longest time one block may take to render, in seconds.
MAX_SECONDS = 5.0
#: Largest exponent ``**`` accepts (a number of a few hundred digits at most).
_MAX_EXPONENT = 1_000
#: Largest integer a template may compute, in bits (about 300,000 decimal digits).
_MAX_BITS = 1_000_000
#: A width of 7 digits or more in a format string (``{:>9999999}``, ``%9999999d``).
_HUGE_WIDTH = re.compile(r"\d{7,}")


class _TooLong(Exception):
    """A template tried to build a text longer than :data:`MAX_TEXT_CHARS`."""


class _TooSlow(BaseException):
    """Raised in the rendering thread by the watchdog (a BaseException, so that no
    ``except Exception`` in a filter swallows it)."""


def _size(value: Any) -> int:
    """The characters ``value`` adds to a text (items of a list or tuple counted together)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple)):
        return sum(_size(item) for item in value) + len(value)
    return 0


def _check(size: int) -> None:
    if size > MAX_TEXT_CHARS:
        raise _TooLong


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse before it runs an operation whose result would be too long or too costly."""
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                _check(max(_size(seq), len(seq)) * max(times, 0))
        if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > _MAX_BITS:
            raise _TooLong
    elif operator == "+":
        _check(_size(left) + _size(right))
    elif operator == "%" and isinstance(left, str):
        if _HUGE_WIDTH.search(left):
            raise _TooLong
        _check(
            len(left) + _size(right if isinstance(right, (tuple, list)) else [right] if isinstance(right, str) else [])
        )
    elif (
        operator == "**"
        and isinstance(right, (int, float))
        and isinstance(left, (int, float))
        and (abs(right) > _MAX_EXPONENT or (isinstance(left, int) and left.bit_length() * abs(right) > _MAX_BITS))
    ):
        raise _TooLong


#: ``str`` methods and filters whose integer argument is the width of the result.
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "indent", "wordwrap"})


def _huge_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > MAX_TEXT_CHARS


def _check_str_call(method: str, text: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a ``str`` method call whose result would be too long (``center``, ``replace`` …)."""
    values = [*args, *kwargs.values()]
    if method in _WIDTH_METHODS and any(_huge_int(v) for v in values):
        raise _TooLong
    if method in ("format", "format_map") and _HUGE_WIDTH.search(text):
        raise _TooLong
    if method == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        hits = text.count(args[0]) if args[0] else len(text) + 1
        _check(len(text) + hits * len(args[1]))
    if method == "join":
        _check(_size(list(args[0])) + len(text) * len(args[0]) if args and isinstance(args[0], (list, tuple)) else 0)
    if method == "expandtabs":
        _check(len(text) + text.count("\t") * max((v for v in values if isinstance(v, int)), default=8))


#: What Jinja passes first to a ``@pass_context`` / ``@pass_eval_context`` / ``@pass_environment`` filter.
_PASSED = (jinja2.runtime.Context, jinja2.nodes.EvalContext, jinja2.Environment)


def _guarded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` (a filter) refusing, before it runs, arguments that would make a text too long."""

    def guarded(*args: Any, **kwargs: Any) -> Any:
        values = [v for v in (*args, *kwargs.values()) if not isinstance(v, _PASSED)]
        text = next((v for v in values if isinstance(v, str)), "")
        if name in _WIDTH_METHODS and any(_huge_int(v) for v in values):
            raise _TooLong
        if name == "format" and _HUGE_WIDTH.search(text):
            raise _TooLong
        if name == "replace" and len(values) >= 3 and all(isinstance(v, str) for v in values[:3]):
            source, old, new = (str(v) for v in values[:3])
            _check(len(source) + (source.count(old) if old else len(source) + 1) * len(new))
        if name == "join" and values and isinstance(values[0], (list, tuple)):
            sep = values[1] if len(values) > 1 and isinstance(values[1], str) else ""
            _check(_size(values[0]) + len(sep) * len(values[0]))
        if name == "indent" and values and isinstance(values[0], str):
            width = values[1] if len(values) > 1 and isinstance(values[1], int) else 4
            _check(len(values[0]) + (values[0].count("\n") + 1) * max(width, 0))
        result = func(*args, **kwargs)
        _check(_size(result))
        return result

    guarded.__name__ = getattr(func, "__name__", name)
    for marker in ("jinja_pass_arg",):  # -- keep @pass_context / @pass_environment --
        if hasattr(func, marker):
            setattr(guarded, marker, getattr(func, marker))
    return guarded


class _CheckedConcat(CodeGenerator):
    """Compiles ``a ~ b`` to a call that checks the length before joining."""

    def visit_Concat(self, node: jinja2.nodes.Concat, frame: Frame) -> None:
        self.write("environment.checked_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


def _pydantic_allows(model: BaseModel, attr: str) -> bool:
    """Whether a template may read ``attr`` of ``model``: anything but what pydantic's
    ``BaseModel`` itself has (``parse_file``, ``model_validate_json``, ``copy``, ``model_config`` …),
    unless it is one of the model's fields. A name the model does not have stays undefined."""
    return _class_allows(type(model), attr)


@functools.lru_cache(maxsize=4096)
def _class_allows(cls: type[BaseModel], attr: str) -> bool:
    if attr in cls.__pydantic_fields__ or attr in cls.__pydantic_computed_fields__:
        return True
    return not hasattr(BaseModel, attr)


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with model objects read-only through their fields and every
    text bounded in size (see the module notes)."""

    code_generator_class = _CheckedConcat
    intercepted_binops = frozenset({"*", "+", "%", "**"})

    def __init__(self, **options: Any):
        super().__init__(**options)
        for name in ("center", "format", "indent", "join", "replace", "wordwrap", "truncate", "list", "batch"):
            self.filters[name] = _guarded_filter(name, self.filters[name])

    def guard_filters(self, filters: Mapping[str, Callable[..., Any]]) -> None:
        """Add ``filters``, each checked like the built-in ones."""
        self.filters.update({name: _guarded_filter(name, func) for name, func in filters.items()})

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute``, refused before it is even looked up when pydantic's own."""
        if isinstance(obj, BaseModel) and not _pydantic_allows(obj, attribute):
            return self.unsafe_undefined(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """``obj[argument]``, with the rule of :meth:`getattr` for a model."""
        if isinstance(obj, BaseModel) and isinstance(argument, str) and not _pydantic_allows(obj, argument):
            return self.unsafe_undefined(obj, argument)
        return super().getitem(obj, argument)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(obj, BaseModel) or (isinstance(obj, type) and issubclass(obj, BaseModel)):
            return isinstance(obj, BaseModel) and _pydantic_allows(obj, attr)
        return True

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(self, context: jinja2.runtime.Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        owner = getattr(obj, "__self__", None)
        if isinstance(owner, str):
            _check_str_call(getattr(obj, "__name__", ""), owner, args, kwargs)
        result = super().call(context, obj, *args, **kwargs)
        _check(_size(result))
        return result

    def checked_concat(self, parts: tuple[Any, ...]) -> str:
        """``a ~ b ~ …`` as Jinja joins it, refused when the result would be too long."""
        texts = [part if isinstance(part, str) else str(part) for part in parts]
        _check(sum(len(t) for t in texts))
        return "".join(texts)


# -- the boundary ------------------------------------------------------------------------------------------


def render_block(render: Callable[[], Iterator[str]], block: str, template: jinja2.Template) -> str:
    """The text ``render()`` yields for ``block`` of ``template``, within the size and time
    bounds; anything raised becomes a :class:`TemplateError` at the template line."""
    try:
        with _WATCHDOG.limit(MAX_SECONDS):
            chunks: list[str] = []
            size = 0
            for chunk in render():
                size += len(chunk)
                _check(size)
                chunks.append(chunk)
            return "".join(chunks)
    except UmtError:
        raise
    except _TooSlow as exc:
        where = _where(template, exc)
        raise TemplateError.of("template.too_slow", where, block=block, seconds=vn.format_number(MAX_SECONDS)) from None
    except (_TooLong, MemoryError, OverflowError) as exc:
        where = _where(template, exc)
        raise TemplateError.of(
            "template.too_long", where, block=block, limit=vn.format_number(MAX_TEXT_CHARS)
        ) from None
    except RecursionError as exc:
        raise TemplateError.of("template.recursion", _where(template, exc), block=block) from None
    except jinja2.UndefinedError as exc:
        raise TemplateError.of(
            "template.undefined", _where(template, exc), block=block, reason=exc.message or str(exc)
        ) from None
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateError.of(
            "template.unsafe", _where(template, exc), block=block, reason=str(exc).rstrip(".")
        ) from None
    except jinja2.TemplateError as exc:
        raise TemplateError.of("template.failed", _where(template, exc), block=block, reason=str(exc)) from None
    except ZeroDivisionError as exc:
        raise TemplateError.of("template.division_by_zero", _where(template, exc), block=block) from None
    except Exception as exc:
        raise TemplateError.of("template.wrong_value", _where(template, exc), block=block) from None


@contextmanager
def load_boundary(name: str) -> Iterator[None]:
    """Around loading and compiling template ``name``: anything raised becomes a
    :class:`TemplateError` naming the file (and the line when Jinja knows it)."""
    try:
        yield
    except UmtError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError.of(
            "template.syntax",
            Location(file=Path(exc.filename or name).name, line=exc.lineno),
            reason=exc.message or str(exc),
        ) from None
    except jinja2.TemplateNotFound:
        raise TemplateError.of("template.not_found", Location(file=name), name=name) from None
    except UnicodeDecodeError as exc:
        raise TemplateError.of("template.not_utf8", Location(file=Path(name).name), offset=exc.start) from None
    except RecursionError:  # -- a template nested past what the parser can follow --
        raise TemplateError.of("template.recursion", Location(file=Path(name).name), block="—") from None
    except Exception as exc:
        line = getattr(exc, "lineno", None)
        raise TemplateError.of("template.compile", Location(file=Path(name).name, line=line)) from None


def _where(template: jinja2.Template, exc: BaseException | None = None) -> Location:
    """The template line an error was raised at (the innermost frame of the template's code)."""
    tb = exc.__traceback__ if exc is not None else None
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == template.filename:
            line = template.get_corresponding_lineno(tb.tb_lineno)
        tb = tb.tb_next
    return Location(file=Path(template.filename or template.name or "").name, line=line)


class _WatchdogThread(threading.Thread):
    """The watchdog's thread. It only sleeps and sets asynchronous exceptions, never under a
    lock another part of the program takes, so a process may fork while it runs
    (:mod:`umt_reports.render.pdfa_helper` looks for ``fork_safe``)."""

    fork_safe = True


class _Watchdog:
    """One daemon thread that interrupts, with :class:`_TooSlow`, a thread still rendering
    after its deadline (CPython's ``PyThreadState_SetAsyncExc``; elsewhere no time bound).

    Registering a deadline is a dictionary entry under a lock (blocks are rendered thousands
    of times per build); the thread looks at the entries every :data:`_TICK` seconds.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._deadlines: dict[int, float] = {}
        self._fired: set[int] = set()
        self._thread: _WatchdogThread | None = None

    @contextmanager
    def limit(self, seconds: float) -> Iterator[None]:
        """Run the body with a deadline ``seconds`` from now."""
        ident = threading.get_ident()
        with self._lock:
            self._deadlines[ident] = time.monotonic() + seconds
            if self._thread is None and hasattr(ctypes, "pythonapi"):
                self._thread = _WatchdogThread(target=self._run, name="umt-template-watchdog", daemon=True)
                self._thread.start()
        try:
            yield
        finally:
            with self._lock:
                self._deadlines.pop(ident, None)
                if ident in self._fired:  # -- fired but maybe not yet delivered: cancel it --
                    self._fired.discard(ident)
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), None)

    def _run(self) -> None:
        while True:
            time.sleep(_TICK)
            now = time.monotonic()
            with self._lock:
                for ident, deadline in self._deadlines.items():
                    if deadline <= now and ident not in self._fired:
                        self._fired.add(ident)
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(_TooSlow))


#: How often the watchdog looks at the deadlines, in seconds.
_TICK = 0.25
_WATCHDOG = _Watchdog()


def _new_watchdog_in_child() -> None:
    """A forked child (a batch worker) has no watchdog thread: it starts its own on first use."""
    global _WATCHDOG
    _WATCHDOG = _Watchdog()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_watchdog_in_child)
