"""Figures: every number of a text, counted, and the phrase around one of them.

``19,4`` and ``1.387`` are one number each, ``21/6/2022`` is three. Comparing the counts of a
file with those of the same document drawn again from the data finds an edited figure
anywhere, narrative paragraphs included.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from umt_reports import vn
from umt_reports.check.facts import fold

__all__ = ["NUMBER", "figure_order", "figures", "phrase_of"]

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r"\s+")
#: Words each side of a figure quoted in a message.
_CONTEXT_WORDS = 4


def figures(text: str) -> Counter[str]:
    """How often each number occurs in ``text`` (``19,4``, ``1.387``; a date gives its parts)."""
    return Counter(NUMBER.findall(text))


def _quote(words: list[str], index: int) -> str:
    start = max(0, index - _CONTEXT_WORDS)
    return " ".join(words[start : index + _CONTEXT_WORDS + 1])


def phrase_of(figure: str, text: str, other: str) -> str:
    """The words around an occurrence of ``figure`` in ``text`` that ``other`` does not have
    (else around the first occurrence): the phrase a message quotes."""
    words = _SPACE.split(unicodedata.normalize("NFC", text).strip())
    folded_other = fold(other)
    first = None
    for index, word in enumerate(words):
        if figure not in NUMBER.findall(word):
            continue
        quote = _quote(words, index)
        if first is None:
            first = quote
        # -- the figure with one word each side: the narrowest phrase the other text lacks --
        near = " ".join(words[max(0, index - 1) : index + 2])
        if fold(near) not in folded_other:
            return quote
    return first or figure


def figure_order(figure: str) -> tuple[float, str]:
    """Sort key: by value, then as written."""
    try:
        return (float(vn.parse_number(figure)), figure)
    except (ValueError, ArithmeticError):
        return (float("inf"), figure)
