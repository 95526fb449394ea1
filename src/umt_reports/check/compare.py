"""Comparing one file's text with the text of the same document drawn again.

In: where the file is (for messages), its text, the text of the same document drawn again from
the data with the same templates and options (read back the same way), and the facts of the
data it states. Out: :class:`~umt_reports.errors.Problem`\\ s, in this order:

1. **Facts** the drawn document states and the file lacks (``check.missing_chair`` …), named.
2. **Figures**: a number the file holds more often than the drawn document is unknown
   (``check.unknown_figure``), one it holds less often is lost (``check.lost_figure``) unless a
   missing fact already names it.
3. **Wording**: any other difference of words (``check.changed_text``), each distinct change
   once, quoted with the words around it — a name edited by hand everywhere (``Thượng`` →
   ``Thuong``) is found even where it is not a fact of its own.

Since both texts come from the same templates, a template that rewords the documents
(``đơn vị`` for ``tập thể``) changes both sides alike and checks clean.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator

from umt_reports.check.facts import Fact, fold
from umt_reports.check.figures import NUMBER, figure_order, figures, phrase_of
from umt_reports.errors import Location, Problem

__all__ = ["compare"]

_SPACE = re.compile(r"\s+")
#: Words of context each side of a changed phrase.
_CONTEXT = 3
#: Changed phrases listed per file; more are counted in one last problem.
_LISTED_CHANGES = 10


def compare(where: Location, text: str, expected: str, facts: list[Fact]) -> Iterator[Problem]:
    """The differences of one file's ``text`` from ``expected``, the same document drawn again."""
    folded, folded_expected = fold(text), fold(expected)
    stated = [fact for fact in facts if fact.found_in(folded_expected)]
    missing = [fact for fact in stated if not fact.found_in(folded)]
    seen: set[tuple[str, str]] = set()
    for fact in missing:
        if (fact.code, fact.phrase) in seen:
            continue
        seen.add((fact.code, fact.phrase))
        yield Problem(f"check.missing_{fact.code}", where, {"phrase": fact.phrase, **dict(fact.params)})
    named = {figure for fact in missing for figure in NUMBER.findall(fact.phrase)}
    found, wanted = figures(text), figures(expected)
    for figure in sorted(found.keys() | wanted.keys(), key=figure_order):
        have, want = found[figure], wanted[figure]
        if have > want:
            yield Problem(
                "check.unknown_figure",
                where,
                {"figure": figure, "phrase": phrase_of(figure, text, expected), "found": have, "expected": want},
            )
        elif have < want and figure not in named:
            yield Problem(
                "check.lost_figure",
                where,
                {"figure": figure, "phrase": phrase_of(figure, expected, text), "found": have, "expected": want},
            )
    fact_words = {
        word for fact in missing for phrase in (fact.phrase, *fact.alternatives) for word in fold(phrase).split()
    }
    yield from _wording(where, text, expected, fact_words)


def _words(text: str) -> tuple[list[str], list[str]]:
    """The words of ``text`` as written (NFC) and folded, side by side."""
    words = [w for w in _SPACE.split(unicodedata.normalize("NFC", text).replace("\u00ad", "")) if w]
    return words, [fold(w) for w in words]


def _wording(where: Location, text: str, expected: str, fact_words: set[str]) -> Iterator[Problem]:
    """Every distinct change of words not already told as a fact or a figure."""
    got, got_folded = _words(text)
    want, want_folded = _words(expected)
    matcher = difflib.SequenceMatcher(None, want_folded, got_folded, autojunk=False)
    changes: dict[tuple[str, str], Problem] = {}
    counts: dict[tuple[str, str], int] = {}
    extra = 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        removed, added = want_folded[i1:i2], got_folded[j1:j2]
        if any(NUMBER.search(w) for w in (*removed, *added)):
            continue  # -- a figure: counted and named by the figures rule --
        if removed and all(w in fact_words for w in removed):
            continue  # -- a fact: already named --
        key = (" ".join(removed), " ".join(added))
        counts[key] = counts.get(key, 0) + 1
        if key in changes:
            continue
        if len(changes) == _LISTED_CHANGES:
            extra += 1
            continue
        changes[key] = Problem(
            "check.changed_text",
            where,
            {
                "expected": _quote(want, i1, i2),
                "found": _quote(got, j1, j2),
            },
        )
    for key, problem in changes.items():
        yield Problem(problem.code, problem.location, {**problem.params, "count": counts[key]})
    if extra:
        yield Problem("check.more_changes", where, {"count": extra})


def _quote(words: list[str], start: int, end: int) -> str:
    """The words ``start:end`` with a few words each side (``…`` where the text goes on)."""
    lo, hi = max(0, start - _CONTEXT), min(len(words), end + _CONTEXT)
    quoted = " ".join(words[lo:hi])
    return ("… " if lo > 0 else "") + quoted + (" …" if hi < len(words) else "")
