"""reportlab's platypus, as the PDF renderer's modules use it (they import it from here).

When imported, ``reportlab.platypus.paragraph`` compiles a case-insensitive URL pattern whose
character classes span all of Unicode: about 28 ms of every process that draws a PDF, on the
path of a one-off command (its PDF/A helper waits for it) and of each batch process. Only
reportlab's splitting of long URLs (``uriWasteReduce``) matches against it. Imported from here,
that one pattern is compiled the first time it is used instead; every other pattern, and
this one once used, are reportlab's own.
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
from collections.abc import Callable, Iterator
from typing import Any

__all__ = [
    "BaseDocTemplate",
    "Flowable",
    "Frame",
    "KeepTogether",
    "LayoutError",
    "LongTable",
    "PageBreak",
    "PageTemplate",
    "Paragraph",
    "Spacer",
    "Table",
    "TableStyle",
    "compiled_when_used",
    "list_wrap_on",
]

#: How reportlab's URL pattern starts (the scheme group); only a case-insensitive pattern
#: starting so is deferred.
URL_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"

_PATCHING = threading.Lock()


class _CompiledWhenUsed:
    """Stands for ``re.compile(pattern, flags)`` and compiles it on first use."""

    def __init__(self, compile: Callable[[str, int], re.Pattern[str]], pattern: str, flags: int) -> None:
        self._compile, self._source, self._flags = compile, pattern, flags

    @functools.cached_property
    def _compiled(self) -> re.Pattern[str]:
        return self._compile(self._source, self._flags)

    def __getattr__(self, name: str) -> Any:  # -- match, search, pattern, flags, groups, … --
        return getattr(self._compiled, name)

    def __repr__(self) -> str:
        return f"<pattern compiled when used: {self._source[:40]!r}…>"


@contextlib.contextmanager
def compiled_when_used(start: str) -> Iterator[None]:
    """While the block runs, ``re.compile`` of a case-insensitive pattern starting with ``start``
    gives a stand-in that compiles it on first use; any other call compiles as usual."""
    with _PATCHING:
        real = re.compile

        def compile(pattern: Any, flags: int = 0) -> Any:
            if isinstance(pattern, str) and pattern.startswith(start) and flags & re.IGNORECASE:
                return _CompiledWhenUsed(real, pattern, flags)
            return real(pattern, flags)

        re.compile = compile
        try:
            yield
        finally:
            re.compile = real


with compiled_when_used(URL_PATTERN_START):
    from reportlab.platypus import paragraph as _paragraph  # noqa: F401

from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError  # noqa: E402

# -- reportlab's own measure of a list of flowables (private, but the one KeepTogether uses) --
from reportlab.platypus.flowables import _listWrapOn as list_wrap_on  # noqa: E402
