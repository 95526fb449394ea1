"""Amounts in words (``Bằng chữ``): ``1015`` → ``"một nghìn không trăm mười lăm"``.

Convention (the one Vietnamese banking and accounting software prints on receipts):

- numbers are read in groups of three digits from the left, each followed by its scale
  word (``nghìn``/``ngàn``, ``triệu``, ``tỷ``); a group of ``000`` is skipped entirely,
  scale word included: ``1.000.005`` → ``"một triệu không trăm linh năm"``;
- the leftmost group is read as it is (``15`` → ``"mười lăm"``), every later group is
  read with all three digits, so a zero hundreds digit is said ``"không trăm"``:
  ``1.015`` → ``"một nghìn không trăm mười lăm"``, ``1.001.000`` → ``"một triệu không
  trăm linh một nghìn"``;
- a zero tens digit between a spoken hundreds digit and a non-zero unit is ``linh``
  (or ``lẻ``): ``105`` → ``"một trăm linh năm"``;
- ``mười`` for 10–19, ``mươi`` for 20–90; a unit 1 after ``mươi`` is ``mốt`` (21),
  4 after ``mươi`` is ``tư`` (24), 5 after ``mười``/``mươi`` is ``lăm`` (15, 25);
  otherwise ``một``, ``bốn``, ``năm`` (11, 14, 105);
- thousands of tỷ are read as a number of tỷ: ``10^12`` → ``"một nghìn tỷ"``.
"""

from __future__ import annotations

from .numbers import CURRENCY_WORD
from .text import capitalize_first

__all__ = ["MAX_AMOUNT", "amount_in_words", "money_in_words"]

#: The largest number :func:`amount_in_words` reads (một nghìn tỷ).
MAX_AMOUNT = 10**12

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_SCALES = ((10**9, "tỷ"), (10**6, "triệu"), (10**3, None))  # None: the thousands word


def _group_words(group: int, *, full: bool, linh: str) -> list[str]:
    """Read 0 < ``group`` < 1000; ``full`` says all three digits, as in a non-leading group."""
    hundreds, rest = divmod(group, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append(linh)
            words.append(_DIGITS[units])
        return words
    words.append("mười" if tens == 1 else f"{_DIGITS[tens]} mươi")
    if units == 5:
        words.append("lăm")
    elif units == 1 and tens > 1:
        words.append("mốt")
    elif units == 4 and tens > 1:
        words.append("tư")
    elif units:
        words.append(_DIGITS[units])
    return words


def _words(n: int, *, full: bool, linh: str, nghin: str) -> list[str]:
    """Read 0 < ``n`` as words; ``full`` when a higher group has already been said."""
    words: list[str] = []
    for scale, name in _SCALES:
        if n >= scale:
            high, n = divmod(n, scale)
            if high:
                words += _words(high, full=full, linh=linh, nghin=nghin)
                words.append(nghin if name is None else name)
                full = True
    if n:
        words += _group_words(n, full=full, linh=linh)
    return words


def amount_in_words(n: int, *, linh: str = "linh", nghin: str = "nghìn") -> str:
    """Read ``n`` (0..10^12) in lower-case Vietnamese words, following the module convention.

    ``linh="lẻ"`` and ``nghin="ngàn"`` give the southern forms (Kiên Giang uses them):
    ``amount_in_words(1005, linh="lẻ", nghin="ngàn")`` → ``"một ngàn không trăm lẻ năm"``.
    ``0`` → ``"không"``. Raises ``ValueError`` outside 0..10^12, ``TypeError`` for non-int.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"amount_in_words() needs an int, not {type(n).__name__}")
    if not 0 <= n <= MAX_AMOUNT:
        raise ValueError(f"amounts in words cover 0..{MAX_AMOUNT}, not {n}")
    if n == 0:
        return _DIGITS[0]
    return " ".join(_words(n, full=False, linh=linh, nghin=nghin))


def money_in_words(n: int, *, linh: str = "linh", nghin: str = "nghìn") -> str:
    """Return the ``Bằng chữ`` text: ``1000000`` → ``"Một triệu đồng"`` (no final dot; the caller adds it)."""
    return f"{capitalize_first(amount_in_words(n, linh=linh, nghin=nghin))} {CURRENCY_WORD}"
