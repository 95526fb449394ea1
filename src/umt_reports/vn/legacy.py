"""Legacy Vietnamese encodings: recognise TCVN3 (ABC) and VNI-Windows text and convert it to Unicode.

Before Unicode, Vietnamese offices typed with 8-bit fonts: the glyph for ``ư`` sat where
Windows-1252 has a soft hyphen. Workbooks and documents from that time still circulate. When
such text reaches a modern file it arrives as Windows-1252 characters: ``Céng hoµ`` (TCVN3)
or ``Coäng hoøa`` (VNI) for ``Cộng hoà``. This module holds both code charts as data and
turns such text back into Unicode NFC.

- **TCVN3 (ABC)**, TCVN 5712:1993 VN3, fonts ``.VnTime``, ``.VnArial``…: one byte per letter.
  Lower-case letters with tones sit in ``0xB5``–``0xFE``; the capitals ``Ă Â Ê Ô Ơ Ư Đ`` in
  ``0xA1``–``0xA7``. Capitals *with tones* have no code: they are typed in a capitals font
  (``.VnTimeH``) that draws the lower-case codes as capitals, so :func:`to_unicode` takes
  ``capitals=True`` for text in such a font (see :func:`is_capitals_font`). The VN1 set's
  extra capitals and combining marks (in VN3's gaps) are not part of the ABC fonts' chart
  and are left as they are.
- **VNI-Windows**, fonts ``VNI-Times``, ``VNI-Helve``…: a base letter followed by a mark
  character (``a`` + ``ø`` is ``à``, ``e`` + ``ä`` is ``ệ``), plus single characters for
  ``đ ơ ư`` and the toned ``i`` and ``ỵ``. Both cases are encoded.

:func:`detect_legacy` decides whether a text is legacy-encoded. Text holding any character
that no legacy byte can produce (``ư``, ``ạ``, ``đ``…: every Unicode Vietnamese sentence
except a few short ones) is Unicode and is never touched. Otherwise the text is scored word
by word as a Vietnamese syllable before and after conversion (see :func:`detect_legacy`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

__all__ = [
    "LEGACY_ENCODINGS",
    "LegacyEncoding",
    "TCVN3_TABLE",
    "VNI_PAIRS",
    "VNI_SINGLES",
    "detect_legacy",
    "font_encoding",
    "is_capitals_font",
    "is_syllable",
    "to_unicode",
]

LegacyEncoding = Literal["tcvn3", "vni"]

_ENCODINGS: tuple[LegacyEncoding, ...] = ("tcvn3", "vni")

#: Display names of the encodings, for messages.
LEGACY_ENCODINGS: dict[str, str] = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI-Windows"}

# -- TCVN3 (ABC): the TCVN 5712:1993 VN3 chart, byte -> letter. Bytes not listed are the --
# -- same as in Windows-1252 (ASCII, punctuation).                                       --
TCVN3_TABLE: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    # a: grave, hook, tilde, acute, dot below
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    # ă
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    # â
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    # e
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    # ê
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    # i
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    # o
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    # ô
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    # ơ
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    # u
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    # ư
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    # y
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# -- VNI-Windows: mark bytes that follow a base letter. Lower-case letters take the lower-case --
# -- mark, capitals the upper-case one (the chart encodes both cases).                          --
_VNI_TONE = {  # tone on a plain vowel (a e o u y, and on ơ ư)
    "\u0300": ("ø", "Ø"),  # huyền (grave)
    "\u0301": ("ù", "Ù"),  # sắc (acute)
    "\u0309": ("û", "Û"),  # hỏi (hook)
    "\u0303": ("õ", "Õ"),  # ngã (tilde)
    "\u0323": ("ï", "Ï"),  # nặng (dot below)
}
_VNI_CIRCUMFLEX = {  # â ê ô, bare and with each tone
    "": ("â", "Â"), "\u0300": ("à", "À"), "\u0301": ("á", "Á"),
    "\u0309": ("å", "Å"), "\u0303": ("ã", "Ã"), "\u0323": ("ä", "Ä"),
}  # fmt: skip
_VNI_BREVE = {  # ă, bare and with each tone
    "": ("ê", "Ê"), "\u0300": ("è", "È"), "\u0301": ("é", "É"),
    "\u0309": ("ú", "Ú"), "\u0303": ("ü", "Ü"), "\u0323": ("ë", "Ë"),
}  # fmt: skip

#: VNI single characters: đ ơ ư, the toned i, and ỵ.
VNI_SINGLES: dict[str, str] = {
    "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
    "ì": "ì", "Ì": "Ì", "í": "í", "Í": "Í", "æ": "ỉ", "Æ": "Ỉ",
    "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị",
    "î": "ỵ", "Î": "Ỵ",
}  # fmt: skip


def _vni_pairs() -> dict[str, str]:
    """VNI two-character sequences (base letter + mark) → Unicode letter, both cases."""
    pairs: dict[str, str] = {}
    for lower, upper_index in ((True, 0), (False, 1)):
        for base in "aeouy":
            for tone, marks in _VNI_TONE.items():
                letter = base if lower else base.upper()
                pairs[letter + marks[upper_index]] = unicodedata.normalize("NFC", letter + tone)
        for base in "aeo":
            for tone, marks in _VNI_CIRCUMFLEX.items():
                letter = base if lower else base.upper()
                pairs[letter + marks[upper_index]] = unicodedata.normalize("NFC", letter + "\u0302" + tone)
        for tone, marks in _VNI_BREVE.items():
            letter = "a" if lower else "A"
            pairs[letter + marks[upper_index]] = unicodedata.normalize("NFC", letter + "\u0306" + tone)
        for base, horned in (("ô", "ơ"), ("ö", "ư")):  # -- ơ and ư are single characters that take a tone mark --
            for tone, marks in _VNI_TONE.items():
                letter = base if lower else base.upper()
                target = horned if lower else horned.upper()
                pairs[letter + marks[upper_index]] = unicodedata.normalize("NFC", target + tone)
    return pairs


#: VNI two-character sequences → Unicode letter (``"eä"`` → ``"ệ"``, ``"Aø"`` → ``"À"``).
VNI_PAIRS: dict[str, str] = _vni_pairs()


def _byte(ch: str) -> int | None:
    """The 8-bit code ``ch`` stands for, or ``None`` when no legacy byte gives this character."""
    code = ord(ch)
    if code < 0x100:
        return code  # -- Latin-1, and C1 controls for the bytes Windows-1252 leaves undefined --
    try:
        encoded = ch.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return encoded[0]


# -- TCVN3 letters that Windows-1252 shows as symbols (¸ µ ­ …): still part of a word --
_TCVN3_WORD_CHARS = frozenset(chr(byte) for byte in TCVN3_TABLE)

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# -- sắc and nặng: the only tones a syllable ending in a stop (c, ch, p, t) can carry --
_STOP_TONES = frozenset("\u0301\u0323")
_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
# -- vowel groups that end the syllable (their last letter is a glide, or they are ia/ua/ưa) --
_OPEN_NUCLEI = [
    "y",
    "ai",
    "ao",
    "au",
    "ay",
    "âu",
    "ây",
    "eo",
    "êu",
    "ia",
    "iu",
    "oi",
    "ôi",
    "ơi",
    "ua",
    "uơ",
    "ui",
    "ưa",
    "ưi",
    "ưu",
    "iêu",
    "oai",
    "oao",
    "oay",
    "oeo",
    "uây",
    "uôi",
    "ươi",
    "ươu",
    "uya",
    "uyu",
    "yêu",
]
# -- vowel groups that may take a final consonant --
_CLOSED_NUCLEI = [
    "a",
    "ă",
    "â",
    "e",
    "ê",
    "i",
    "o",
    "ô",
    "ơ",
    "u",
    "ư",
    "iê",
    "oa",
    "oă",
    "oe",
    "oo",
    "uâ",
    "uê",
    "uô",
    "ươ",
    "uy",
    "uyê",
    "yê",
]
_FINALS = "ch|ng|nh|c|m|n|p|t"
_SYLLABLE = re.compile(
    f"(?P<initial>{_INITIALS})?"
    f"(?:(?P<open>{'|'.join(sorted(_OPEN_NUCLEI, key=len, reverse=True))})"
    f"|(?P<closed>{'|'.join(sorted(_CLOSED_NUCLEI, key=len, reverse=True))})(?P<final>{_FINALS})?)"
)


def is_capitals_font(font_name: str | None) -> bool:
    """Whether ``font_name`` is a TCVN3 capitals font (``.VnTimeH``): lower-case codes drawn as capitals."""
    return font_encoding(font_name) == "tcvn3" and font_name is not None and font_name.rstrip().endswith("H")


def font_encoding(font_name: str | None) -> LegacyEncoding | None:
    """The legacy encoding a font name implies: ``.VnTime`` → ``tcvn3``, ``VNI-Times`` → ``vni``, else ``None``."""
    if not font_name:
        return None
    name = font_name.strip().casefold()
    if name.startswith(("vni-", "vni ")):
        return "vni"
    if name.startswith(".vn"):
        return "tcvn3"
    return None


def to_unicode(text: str, encoding: LegacyEncoding, *, capitals: bool = False) -> str:
    """Convert legacy-encoded ``text`` (as Windows-1252 characters) to Unicode NFC.

    Characters that are not letters of the chart (ASCII, punctuation, characters outside
    the 8-bit range) are kept as they are. ``capitals=True`` is for TCVN3 text set in a
    capitals font (``.VnTimeH``), which draws every letter as a capital.
    """
    if encoding == "tcvn3":
        converted = "".join(_tcvn3_char(ch) for ch in text)
        if capitals:
            converted = converted.upper()
    elif encoding == "vni":
        converted = _vni(text)
    else:  # -- a programming error: the encodings are a closed set --
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    return unicodedata.normalize("NFC", converted)


def _tcvn3_char(ch: str) -> str:
    byte = _byte(ch)
    return TCVN3_TABLE.get(byte, ch) if byte is not None else ch


def _vni(text: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(text):
        pair = VNI_PAIRS.get(text[index : index + 2])
        if pair is not None:
            out.append(pair)
            index += 2
            continue
        ch = text[index]
        out.append(VNI_SINGLES.get(ch, ch))
        index += 1
    return "".join(out)


def _words(text: str, extra: frozenset[str]) -> list[str]:
    """Runs of letters (and of ``extra`` characters), lower-cased."""
    words: list[str] = []
    current: list[str] = []
    for ch in text:
        if ch.isalpha() or ch in extra:
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def is_syllable(word: str) -> bool:
    """Whether ``word`` is one well-formed Vietnamese syllable.

    Checked: a known initial, vowel group and final; at most one tone mark; only sắc or
    nặng before a stop final (``c ch p t``); capitals only first or throughout
    (``Việt``, ``VIỆT``, not ``ViỆt``).
    """
    if not word.isalpha():
        return False
    if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    match = _SYLLABLE.fullmatch(bare)
    if match is None:
        return False
    if match["final"] in ("c", "ch", "p", "t") and not (tones and tones[0] in _STOP_TONES):
        return False
    return True


def _score(text: str, encoding: LegacyEncoding) -> tuple[int, int, int]:
    """Over the words with a non-ASCII character: ``(malformed now, well-formed after, malformed after)``.

    Words are runs of letters and of the encoding's letter characters, so TCVN3's ``¸``
    (``á``) stays inside its word; each word is judged as it is and once converted.
    """
    extra = _TCVN3_WORD_CHARS if encoding == "tcvn3" else frozenset()
    bad_now = good_after = bad_after = 0
    for word in _words(text, extra):
        if word.isascii():
            continue
        bad_now += not is_syllable(word)
        if is_syllable(to_unicode(word, encoding)):
            good_after += 1
        else:
            bad_after += 1
    return bad_now, good_after, bad_after


def detect_legacy(text: str, font_name: str | None = None) -> LegacyEncoding | None:
    """The legacy encoding ``text`` is typed in, or ``None`` for Unicode (or plain ASCII) text.

    The heuristic, in order:

    1. ASCII-only text, and text holding a character outside Windows-1252 (``ư``, ``ạ``,
       ``đ``: no legacy byte reaches a file as one of those), is not legacy: it is left alone.
    2. Every word with a non-ASCII character is checked as a Vietnamese syllable
       (:func:`is_syllable`), in the text as it is and after conversion from each encoding.
       A conversion *wins* when it leaves fewer malformed words than the text as it is.
    3. With a font hint (``.VnTime…`` → TCVN3, ``VNI-…`` → VNI), the hinted encoding is
       chosen when it wins. Without one, an encoding is chosen only when it wins outright:
       the converted text has no malformed word and at least one Vietnamese syllable with
       a diacritic, and the other encoding does not do as well.

    Text that is already well-formed Vietnamese (``Thái Bình``) is therefore never converted.
    """
    if text.isascii() or any(_byte(ch) is None for ch in text):
        return None
    hinted = font_encoding(font_name)
    if hinted is not None:
        bad_now, _, bad_after = _score(text, hinted)
        return hinted if bad_after < bad_now else None
    wins: dict[LegacyEncoding, int] = {}
    for encoding in _ENCODINGS:
        bad_now, good_after, bad_after = _score(text, encoding)
        if bad_now > 0 and bad_after == 0 and good_after > 0:
            wins[encoding] = good_after
    if len(wins) == 1 or (len(wins) == 2 and wins["tcvn3"] != wins["vni"]):
        return max(wins, key=wins.__getitem__)
    return None
