"""Proper names in running text and in narrow columns (ND30 Phụ lục II: capitals).

- :func:`starts_proper`: whether a label opens with a proper noun (an organisation, a
  body such as ``Thường trực Huyện ủy``, a place or person, an acronym), so that lowering
  its first letter in mid-sentence would be wrong;
- :func:`keep_together`: a heading line whose proper name (the words after the generic
  noun ``huyện``, ``xã``, ``tỉnh`` …) must never break across lines, joined by no-break spaces.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["NBSP", "keep_together", "starts_proper"]

#: The no-break space that joins the words of a proper name.
NBSP = "\u00a0"

#: Openers that name a body by themselves (ND30 PL II §II: the words of a body's type and
#: function take capitals): a label that starts with one of them keeps its capital.
_BODY_OPENERS = (
    "Thường trực", "Thường vụ", "Ban Thường vụ", "Ban Chấp hành", "Ủy ban nhân dân", "Uỷ ban nhân dân",
    "Ủy ban Mặt trận", "Ủy ban MTTQ", "Ủy ban Kiểm tra", "Hội đồng nhân dân", "Mặt trận",
    "Đảng", "Nhà nước", "Nhân dân", "Chính phủ", "Quốc hội", "Trung ương", "Huyện ủy", "Huyện uỷ", "Tỉnh ủy",
    "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Quận ủy", "Thị ủy", "Đảng ủy", "Đảng uỷ", "Đảng bộ", "Chi bộ",
    "Công an", "Văn phòng", "Kho bạc", "Tòa án", "Viện kiểm sát", "Bộ Chỉ huy", "Quân sự", "Đoàn Thanh niên",
    "Liên đoàn", "Bộ đội",
)  # fmt: skip

#: Generic nouns of administrative units and bodies after which a place's proper name
#: follows (``HUYỆN U MINH THƯỢNG``), longest first; matched without regard to case.
_UNIT_NOUNS = (
    "thành phố", "thị trấn", "thị xã", "đặc khu", "huyện", "tỉnh", "xã", "phường", "quận", "ấp", "thôn", "bản",
    "khóm", "tổ dân phố",
)  # fmt: skip
#: Place names have at most this many syllables (a name joined from two places, "A B - C D", counts both);
#: anything longer is not kept on one line.
_NAME_WORDS = 6
_UNIT = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(n) for n in _UNIT_NOUNS) + r")(?:\s+(?:ủy|uỷ))?\s+(\S.*)$", re.IGNORECASE
)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _is_capital_word(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return bool(letters) and letters[0].isupper()


def starts_proper(text: str) -> bool:
    """True when ``text`` opens with a proper noun or an acronym.

    ``"UBND huyện"``, ``"HĐND"`` (an acronym), ``"Thường trực Huyện ủy"``, ``"Ủy ban MTTQ"``
    (a body), ``"Sở Tài chính"``, ``"Hà Nội"``, ``"Nguyễn Văn A"`` (the first two words both
    capitalised: a name of a place, person or body with its function) → True;
    ``"Tăng trưởng kinh tế"``, ``"Đại diện Thường trực"``, ``"Lãnh đạo các phòng"`` → False.
    """
    words = _nfc(text).split()
    if not words:
        return False
    first = words[0].strip("“”\"'(«")
    letters = [ch for ch in first if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return True  # -- an acronym (UBND, HĐND) or a word in capitals --
    if any(ch.isupper() for ch in letters[1:]) or any(ch.isdigit() for ch in first):
        return True  # -- mixed case (iPhone, eKYC) or a code (5G) --
    if not _is_capital_word(first):
        return False
    head = " ".join(words)
    if any(head == opener or head.startswith(opener + " ") for opener in _BODY_OPENERS):
        return True
    return len(words) >= 2 and _is_capital_word(words[1])


def keep_together(line: str) -> str:
    """``line`` with the proper name after its generic unit noun joined by no-break spaces.

    ``"HUYỆN U MINH THƯỢNG"`` → ``"HUYỆN U\\u00a0MINH\\u00a0THƯỢNG"``: a narrow header
    column may move the name to the next line, but never cut it. The noun and the name stay
    apart (``HUYỆN`` / ``U MINH THƯỢNG`` is an acceptable break), and so does a Party
    committee's name (``HUYỆN ỦY`` / ``U MINH THƯỢNG``). A line with no unit noun, or whose
    name is longer than a place name gets, is returned unchanged.
    """
    found = _UNIT.search(line)
    if found is None:
        return line
    words = found.group(2).split()
    if len(words) > _NAME_WORDS:  # -- not a place name: a long text must still wrap --
        return line
    return line[: found.start(2)] + NBSP.join(words)
