"""Text helpers: Unicode normalisation, diacritics, spacing, list letters, Roman numerals.

Every other ``vn`` module and every caller that touches Vietnamese text goes through
these functions, so the rules (NFC, đ → d, NBSP → space) live in one place.
"""

from __future__ import annotations

import re
import unicodedata

from .proper import starts_proper

__all__ = [
    "LETTERS",
    "capitalize_first",
    "clean_spaces",
    "fold_header",
    "join_list",
    "lower_first",
    "nfc",
    "point_letter",
    "point_letters",
    "roman",
    "shorten",
    "slug",
    "strip_diacritics",
    "upper",
]

# -- zero-width characters that spreadsheets and web copies smuggle into cells --
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

#: Letters for "điểm" items (ND30 Phụ lục I §V): the Vietnamese alphabet without f j w z.
_POINT_LETTERS = (
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
)  # fmt: skip

#: Vowels that carry the five tone marks, and the marks (grave, hook, tilde, acute, dot below).
_VOWELS = "aăâeêioôơuưy"
_TONES = "\u0300\u0309\u0303\u0301\u0323"
#: Every letter of Vietnamese text, precomposed (NFC), lower case then upper case: the 29 letters
#: of the alphabet and each vowel with each tone; with f, j, w, z, which names and loanwords use.
LETTERS = "".join(
    dict.fromkeys(
        case(letter)
        for case in (str.lower, str.upper)
        for letter in [
            *"abcdđefghijklmnopqrstuvwxyz",
            *"ăâêôơư",
            *(unicodedata.normalize("NFC", vowel + tone) for vowel in _VOWELS for tone in _TONES),
        ]
    )
)

_ROMAN_STEPS = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def nfc(s: str) -> str:
    """Return ``s`` in Unicode NFC (precomposed letters, as ND30's TCVN 6909 fonts expect)."""
    return unicodedata.normalize("NFC", s)


def strip_diacritics(s: str) -> str:
    """Remove every accent and tone mark, and map ``đ``/``Đ`` to ``d``/``D``.

    For search keys and slugs only, never for displayed text: ``"Đồng Tháp"`` → ``"Dong Thap"``.
    Letters outside Latin keep their base form; the result is NFC.
    """
    decomposed = unicodedata.normalize("NFD", s.translate(_D_STROKE))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare)


def clean_spaces(s: str) -> str:
    """Collapse every run of whitespace (NBSP, tabs, newlines included) to one space and strip.

    Zero-width characters (ZWSP, ZWJ, ZWNJ, word joiner, BOM) are removed first.
    """
    return " ".join(s.translate(_INVISIBLE).split())


def slug(s: str) -> str:
    """Return an ASCII, lower-case, hyphen-separated form of ``s`` for file names.

    ``"Báo cáo"`` → ``"bao-cao"``, ``"Số 25/BC-UBND"`` → ``"so-25-bc-ubnd"``. Characters with
    no ASCII base are dropped; the result may be empty (callers choose a fallback).
    """
    ascii_text = strip_diacritics(s).lower().encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("-", ascii_text).strip("-")


def shorten(s: str, limit: int, *, mark: str = "…") -> str:
    """``s`` cut to at most ``limit`` characters for a field with a length limit (DOCX core
    properties, PDF metadata, file names), ending with ``mark`` when cut.

    The cut falls at the last space of the final third when there is one (whole words), never
    between a letter and its combining mark, and drops the punctuation it leaves at the end:
    ``shorten("Hội nghị tổng kết", 12)`` → ``"Hội nghị…"``. Text within the limit is returned as is.
    """
    if limit <= len(mark):
        raise ValueError(f"a limit of {limit} leaves no room beside {mark!r}")
    if len(s) <= limit:
        return s
    end = limit - len(mark)
    while end > 0 and unicodedata.combining(s[end]):
        end -= 1  # -- keep each letter with its marks --
    cut = s[:end]
    space = cut.rfind(" ")
    if space >= end * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–/(") + mark


def fold_header(s: str) -> str:
    """Return the matching key of a spreadsheet header or free-typed label.

    Case-folded, diacritics stripped, whitespace collapsed: ``" Họ và\\u00a0TÊN "`` → ``"ho va ten"``.
    """
    return strip_diacritics(clean_spaces(nfc(s))).casefold()


def point_letters() -> tuple[str, ...]:
    """Return the 23 Vietnamese list letters ``a b c d đ e g h i k l m n o p q r s t u v x y``."""
    return _POINT_LETTERS


def point_letter(i: int) -> str:
    """Return the letter of the ``i``-th (0-based) "điểm": ``0`` → ``"a"``, ``4`` → ``"đ"``.

    Past ``y`` (index 22) the letters repeat doubled, then tripled: index 23 → ``"aa"``,
    24 → ``"bb"``, 45 → ``"yy"``, 46 → ``"aaa"``. Raises ``ValueError`` for a negative index.
    """
    if i < 0:
        raise ValueError(f"point letter index must be >= 0, not {i}")
    times, index = divmod(i, len(_POINT_LETTERS))
    return _POINT_LETTERS[index] * (times + 1)


def roman(n: int) -> str:
    """Return ``n`` (1..3999) in upper-case Roman numerals: ``4`` → ``"IV"``, ``2022`` → ``"MMXXII"``."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"roman() needs an int, not {type(n).__name__}")
    if not 1 <= n <= 3999:
        raise ValueError(f"roman numerals cover 1..3999, not {n}")
    parts: list[str] = []
    for value, symbol in _ROMAN_STEPS:
        count, n = divmod(n, value)
        parts.append(symbol * count)
    return "".join(parts)


def upper(s: str) -> str:
    """Return ``s`` upper-cased and in NFC: ``"Ủy ban nhân dân"`` → ``"ỦY BAN NHÂN DÂN"``."""
    return nfc(nfc(s).upper())


def capitalize_first(s: str) -> str:
    """Upper-case the first letter of ``s`` and leave every other character untouched.

    Leading non-letters (spaces, quotes, brackets, digits) are skipped:
    ``"một triệu"`` → ``"Một triệu"``, ``"(ủy ban)"`` → ``"(Ủy ban)"``. No normalisation is applied.
    """
    for index, ch in enumerate(s):
        if ch.isalpha():
            return s[:index] + ch.upper() + s[index + 1 :]
    return s


def lower_first(s: str) -> str:
    """Lower-case the first letter of ``s`` (Party trích yếu): ``"Kết quả"`` → ``"kết quả"``.

    Text that opens with a proper noun or an acronym keeps its capital
    (:func:`~umt_reports.vn.proper.starts_proper`: ``UBND``, ``Thường trực Huyện ủy``,
    ``Sở Tài chính``).
    """
    words = s.split(" ", 1)
    if words[0][:2].isupper() or starts_proper(s):
        return s
    for index, ch in enumerate(s):
        if ch.isalpha():
            return s[:index] + ch.lower() + s[index + 1 :]
    return s


def join_list(items: list[str] | tuple[str, ...], *, sep: str = ", ", last: str = " và ") -> str:
    """Join items as Vietnamese prose: ``a``, ``a và b``, ``a, b và c``."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return sep.join(items[:-1]) + last + items[-1]
