"""Vietnamese sorting without ICU, following CLDR ``vi`` for the letters Vietnamese uses.

Three levels, as a collator compares them:

1. **letters** (primary), case-insensitive, in the Vietnamese alphabet
   ``a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y``; ``f j w z`` sit where
   ASCII puts them (``f`` after ``ê``, ``j`` after ``i``, ``w`` after ``v``, ``z`` after ``y``).
   Spaces sort before punctuation, punctuation before digits, digits before letters;
2. **tones** (secondary), per syllable, left to right:
   none < huyền < hỏi < ngã < sắc < nặng. Comparing per syllable makes the old and new
   tone placements (``hoà``/``hòa``) equal at this level;
3. **case** (tertiary): lower case before upper case; then the NFC text breaks any tie.

NFC and NFD spellings of the same text get the same key.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Hashable, Iterable
from functools import lru_cache
from typing import TypeVar

from .text import clean_spaces, nfc

__all__ = ["SortKey", "name_sort_key", "sort_key", "sort_names"]

T = TypeVar("T")

#: A key that orders strings in Vietnamese order (compare keys with ``<``).
SortKey = tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[int, ...], str]

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# -- marks that make a different letter (ă â ê ô ơ ư) rather than a tone --
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# -- tone marks in CLDR vi order: huyền, hỏi, ngã, sắc, nặng --
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_SPACE, _PUNCT, _DIGIT, _LETTER, _OTHER_LETTER = range(5)


def _clusters(text: str) -> list[tuple[str, str]]:
    """Split NFD ``text`` into (base character, its combining marks)."""
    clusters: list[tuple[str, str]] = []
    for ch in text:
        if unicodedata.combining(ch) and clusters:
            base, marks = clusters[-1]
            clusters[-1] = (base, marks + ch)
        else:
            clusters.append((ch, ""))
    return clusters


@lru_cache(maxsize=65_536)
def sort_key(text: str) -> SortKey:
    """Return a key that sorts ``text`` in Vietnamese order (see the module docstring).

    ``sorted(["Ân", "Ăn", "An"], key=sort_key)`` → ``["An", "Ăn", "Ân"]``;
    ``Ba < Bà < Bả < Bã < Bá < Bạ``; ``Đ`` sorts after every ``D``.
    """
    normal = nfc(text)
    primary: list[tuple[int, int]] = []
    tones: list[int] = []
    cases: list[int] = []
    syllable_tone: int | None = None  # -- None: not inside a syllable --
    for base, marks in _clusters(unicodedata.normalize("NFD", normal)):
        lower = base.lower()
        letter_marks = "".join(m for m in marks if m in _LETTER_MARKS)
        letter = unicodedata.normalize("NFC", lower + letter_marks)
        if letter in _LETTER_RANK or base.isalpha():
            if syllable_tone is None:
                syllable_tone = 0
            for mark in marks:
                syllable_tone = syllable_tone or _TONE_RANK.get(mark, 0)
            if letter in _LETTER_RANK:
                primary.append((_LETTER, _LETTER_RANK[letter]))
            else:
                primary.append((_OTHER_LETTER, ord(lower)))
            cases.append(0 if base == lower else 1)
            continue
        if syllable_tone is not None:
            tones.append(syllable_tone)
            syllable_tone = None
        if base.isspace():
            primary.append((_SPACE, 0))
        elif base.isdigit():
            primary.append((_DIGIT, unicodedata.digit(base, ord(base))))
        else:
            primary.append((_PUNCT, ord(base)))
    if syllable_tone is not None:
        tones.append(syllable_tone)
    return tuple(primary), tuple(tones), tuple(cases), normal


@lru_cache(maxsize=65_536)
def name_sort_key(full_name: str) -> tuple[SortKey, tuple[SortKey, ...], SortKey, SortKey]:
    """Return a key that sorts Vietnamese personal names: given name, then middle names, then family name.

    ``"Nguyễn Thị Minh Khai"`` compares ``Khai``, then ``(Thị, Minh)``, then ``Nguyễn``, each
    with :func:`sort_key`; the whole name breaks ties. A one-word name is a given name only.
    """
    words = clean_spaces(nfc(full_name)).split(" ")
    given = words[-1]
    family = words[0] if len(words) > 1 else ""
    middle = tuple(sort_key(word) for word in words[1:-1])
    return sort_key(given), middle, sort_key(family), sort_key(full_name)


def sort_names(
    names: Iterable[T],
    *,
    key: Callable[[T], str] | None = None,
    group: Callable[[T], Hashable] | None = None,
) -> list[T]:
    """Return ``names`` sorted with :func:`name_sort_key`.

    ``key`` extracts the full name from an item (default: the item is the name).
    ``group`` puts items into groups (a unit, a rank) that keep the order in which each
    group first appears; names are sorted inside each group.
    """
    items = list(names)
    get_name: Callable[[T], str] = key if key is not None else (lambda item: str(item))
    if group is None:
        return sorted(items, key=lambda item: name_sort_key(get_name(item)))
    first_seen: dict[Hashable, int] = {}
    for item in items:
        first_seen.setdefault(group(item), len(first_seen))
    return sorted(items, key=lambda item: (first_seen[group(item)], name_sort_key(get_name(item))))
