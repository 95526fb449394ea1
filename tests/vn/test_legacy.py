"""Legacy encodings (TCVN3/ABC, VNI-Windows): every letter in both cases, detection, and Unicode left alone.

The expected encodings here are written independently of the module's tables: TCVN3 as
the code chart's rows of bytes per vowel, VNI as the typed sequences, and the Unicode
letters composed from base letter + combining marks.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from umt_reports import vn
from umt_reports.vn.legacy import TCVN3_TABLE, is_syllable

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "u-minh-thuong-2022"

# -- tone marks in the order the charts list them: huyền, hỏi, ngã, sắc, nặng --
TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
# -- the twelve vowels, as base letter + vowel mark (breve, circumflex, horn) --
VOWELS = {
    "a": "a", "ă": "a\u0306", "â": "a\u0302", "e": "e", "ê": "e\u0302", "i": "i",
    "o": "o", "ô": "o\u0302", "ơ": "o\u031b", "u": "u", "ư": "u\u031b", "y": "y",
}  # fmt: skip


def letter(vowel: str, tone: str = "") -> str:
    return unicodedata.normalize("NFC", VOWELS[vowel] + tone)


# -- TCVN3 (TCVN 5712:1993 VN3): the bare vowel's byte (None: ASCII) and its five toned bytes --
TCVN3_ROWS: dict[str, tuple[int | None, tuple[int, int, int, int, int]]] = {
    "a": (None, (0xB5, 0xB6, 0xB7, 0xB8, 0xB9)),
    "ă": (0xA8, (0xBB, 0xBC, 0xBD, 0xBE, 0xC6)),
    "â": (0xA9, (0xC7, 0xC8, 0xC9, 0xCA, 0xCB)),
    "e": (None, (0xCC, 0xCE, 0xCF, 0xD0, 0xD1)),
    "ê": (0xAA, (0xD2, 0xD3, 0xD4, 0xD5, 0xD6)),
    "i": (None, (0xD7, 0xD8, 0xDC, 0xDD, 0xDE)),
    "o": (None, (0xDF, 0xE1, 0xE2, 0xE3, 0xE4)),
    "ô": (0xAB, (0xE5, 0xE6, 0xE7, 0xE8, 0xE9)),
    "ơ": (0xAC, (0xEA, 0xEB, 0xEC, 0xED, 0xEE)),
    "u": (None, (0xEF, 0xF1, 0xF2, 0xF3, 0xF4)),
    "ư": (0xAD, (0xF5, 0xF6, 0xF7, 0xF8, 0xF9)),
    "y": (None, (0xFA, 0xFB, 0xFC, 0xFD, 0xFE)),
}
#: The capitals VN3 encodes (toned capitals exist only in the capitals fonts such as .VnTimeH).
TCVN3_CAPITALS = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}
TCVN3_D = 0xAE

# -- VNI-Windows: how each letter is typed (bare, then the five tones in chart order) --
VNI_ROWS = {
    "a": "a aø aû aõ aù aï",
    "ă": "aê aè aú aü aé aë",
    "â": "aâ aà aå aã aá aä",
    "e": "e eø eû eõ eù eï",
    "ê": "eâ eà eå eã eá eä",
    "i": "i ì æ ó í ò",
    "o": "o oø oû oõ où oï",
    "ô": "oâ oà oå oã oá oä",
    "ơ": "ô ôø ôû ôõ ôù ôï",
    "u": "u uø uû uõ uù uï",
    "ư": "ö öø öû öõ öù öï",
    "y": "y yø yû yõ yù î",
}
VNI_D = "ñ"


def as_cp1252(byte: int) -> str:
    """How a legacy byte reaches a Unicode file: its Windows-1252 character."""
    return bytes([byte]).decode("cp1252", errors="strict") if byte >= 0xA0 else bytes([byte]).decode("latin-1")


def all_tcvn3_cases() -> list[tuple[str, str]]:
    cases = []
    for vowel, (bare, toned) in TCVN3_ROWS.items():
        if bare is not None:
            cases.append((as_cp1252(bare), letter(vowel)))
        for tone, byte in zip(TONES, toned):
            cases.append((as_cp1252(byte), letter(vowel, tone)))
    cases.append((as_cp1252(TCVN3_D), "đ"))
    return cases


def all_vni_cases() -> list[tuple[str, str]]:
    cases = []
    for vowel, typed in VNI_ROWS.items():
        forms = typed.split()
        cases.append((forms[0], letter(vowel)))
        for tone, form in zip(TONES, forms[1:]):
            cases.append((form, letter(vowel, tone)))
    cases.append((VNI_D, "đ"))
    return cases


# -- the tables: every letter, both cases ------------------------------------------------------


def test_the_charts_cover_every_vietnamese_letter() -> None:
    # -- 12 vowels x 5 tones + 5 marked bare vowels (ă â ê ô ơ ư minus the ASCII ones) + đ --
    assert len({u for _, u in all_tcvn3_cases()}) == 12 * 5 + 6 + 1
    assert len({u for _, u in all_vni_cases()}) == 12 * 6 + 1
    assert len(TCVN3_TABLE) == 12 * 5 + 6 + 1 + len(TCVN3_CAPITALS)


@pytest.mark.parametrize(("typed", "expected"), all_tcvn3_cases())
def test_tcvn3_lower_case_letters_convert(typed: str, expected: str) -> None:
    assert vn.to_unicode(typed, "tcvn3") == expected
    assert vn.to_unicode(f"x{typed}x", "tcvn3") == f"x{expected}x"


@pytest.mark.parametrize(("typed", "expected"), all_tcvn3_cases())
def test_tcvn3_capitals_come_from_the_capitals_font(typed: str, expected: str) -> None:
    # -- .VnTimeH draws the lower-case codes as capitals: the only way to type toned capitals --
    assert vn.to_unicode(typed, "tcvn3", capitals=True) == expected.upper()


@pytest.mark.parametrize(("capital", "byte"), TCVN3_CAPITALS.items())
def test_tcvn3_encodes_the_marked_capitals_directly(capital: str, byte: int) -> None:
    assert vn.to_unicode(as_cp1252(byte), "tcvn3") == capital


@pytest.mark.parametrize(("typed", "expected"), all_vni_cases())
def test_vni_letters_convert_in_both_cases(typed: str, expected: str) -> None:
    assert vn.to_unicode(typed, "vni") == expected
    assert vn.to_unicode(typed.upper(), "vni") == expected.upper()
    assert vn.to_unicode(f"th{typed}n", "vni") == f"th{expected}n"


def test_the_tcvn3_chart_agrees_with_the_system_iconv_where_it_has_one() -> None:
    # -- glibc's TCVN5712-1 is VN1, a superset of VN3: every VN3 letter must agree --
    if shutil.which("iconv") is None:
        pytest.skip("iconv is not installed")
    probe = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=b"\xb5", capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this iconv has no TCVN5712-1")
    data = bytes(sorted(TCVN3_TABLE))
    result = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True, check=True)
    assert unicodedata.normalize("NFC", result.stdout.decode("utf-8")) == "".join(
        TCVN3_TABLE[b] for b in sorted(TCVN3_TABLE)
    )


def test_phrases_everybody_has_seen_in_both_encodings() -> None:
    assert vn.to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert vn.to_unicode("§éc lËp - Tù do - H¹nh phóc", "tcvn3") == "Độc lập - Tự do - Hạnh phúc"
    assert vn.to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert vn.to_unicode("Ñoäc laäp - Töï do - Haïnh phuùc", "vni") == "Độc lập - Tự do - Hạnh phúc"
    assert vn.to_unicode("uû ban nh©n d©n huyÖn", "tcvn3", capitals=True) == "UỶ BAN NHÂN DÂN HUYỆN"


def test_an_unknown_encoding_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        vn.to_unicode("x", "viscii")  # type: ignore[arg-type]


# -- detection ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "font", "expected"),
    [
        ("NguyÔn Quèc Khëi", None, "tcvn3"),
        ("Ban D©n vËn HuyÖn ñy", None, "tcvn3"),
        ("U Minh Th\u00adîng", None, "tcvn3"),  # -- ư is a soft hyphen in Windows-1252 --
        ("§¶ng", None, "tcvn3"),
        ("Nguyeãn Quoác Khôûi", None, "vni"),
        ("Ñoàng Thaùp", None, "vni"),
        ("NGUYEÃN VAÊN A", None, "vni"),
        ("Hoäi nghò", "VNI-Times", "vni"),
        ("uû ban nh©n d©n", ".VnTimeH", "tcvn3"),
        ("Hµ", ".VnTime", "tcvn3"),
    ],
)
def test_legacy_text_is_detected(text: str, font: str | None, expected: str) -> None:
    assert vn.detect_legacy(text, font) == expected


@pytest.mark.parametrize(
    ("text", "font"),
    [
        ("Nguyễn Quốc Khởi", None),  # -- characters no legacy byte gives --
        ("Nguyễn Quốc Khởi", ".VnTime"),
        ("Nguyễn Quốc Khởi", "VNI-Times"),
        ("Thái Bình", None),  # -- only Latin-1 letters, but already good Vietnamese --
        ("Thái Bình", ".VnTime"),
        ("Cà Mau", "VNI-Times"),
        ("«Tô»", None),
        ("Hà Tiên", None),
        ("UBND huyện", None),
        ("2016-2021", ".VnTime"),
        ("", None),
        ("José Müller, café", None),  # -- foreign words are neither --
        ("ô", None),
    ],
)
def test_unicode_and_ascii_text_is_never_taken_for_legacy(text: str, font: str | None) -> None:
    assert vn.detect_legacy(text, font) is None


def test_a_font_hint_decides_between_two_readings() -> None:
    # -- "Hoäi" reads as VNI; with a TCVN3 font the TCVN3 reading must win or nothing --
    assert vn.detect_legacy("Hoäi nghò", ".VnTime") is None
    assert vn.detect_legacy("Hoäi nghò", "VNI-Times") == "vni"


@pytest.mark.parametrize(
    ("font", "encoding", "capitals"),
    [(".VnTime", "tcvn3", False), (".VnTimeH", "tcvn3", True), (" .VnArial NarrowH", "tcvn3", True),
     ("VNI-Times", "vni", False), ("vni-helve", "vni", False), ("Times New Roman", None, False), (None, None, False)],
)  # fmt: skip
def test_font_names_hint_at_their_encoding(font: str | None, encoding: str | None, capitals: bool) -> None:
    assert vn.font_encoding(font) == encoding
    assert vn.is_capitals_font(font) is capitals


@pytest.mark.parametrize("word", ["nghiêng", "người", "khuỷu", "quốc", "giữa", "huyện", "Việt", "VIỆT", "oái", "ít"])
def test_well_formed_syllables_are_recognised(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["ViỆt", "nguyôn", "tàc", "hộĩ", "café", "ỵng", "aø", "Müller"])
def test_malformed_syllables_are_not(word: str) -> None:
    assert not is_syllable(word)


# -- the samples are Unicode and stay untouched ---------------------------------------------------


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _sample_texts() -> list[str]:
    texts = []
    for name in ("meeting.yaml", "meeting-party.yaml"):
        texts += _strings(yaml.safe_load((SAMPLES / name).read_text(encoding="utf-8")))
    import openpyxl

    book = openpyxl.load_workbook(SAMPLES / "meeting.xlsx")
    texts += [
        c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row if isinstance(c.value, str)
    ]
    return texts


def test_no_text_of_the_samples_is_taken_for_legacy_whatever_the_font() -> None:
    texts = _sample_texts()
    assert len(texts) > 100
    for font in (None, ".VnTime", ".VnTimeH", "VNI-Times"):
        assert [t for t in texts if vn.detect_legacy(t, font) is not None] == []


def test_the_samples_read_exactly_as_before_with_no_note(sample_yaml: Path) -> None:
    from umt_reports.sources import read_source

    for path in (sample_yaml, SAMPLES / "meeting-party.yaml", SAMPLES / "meeting.xlsx"):
        raw = read_source(path)
        assert raw.notes == []
    raw = read_source(sample_yaml)
    assert raw.data == yaml.safe_load(sample_yaml.read_text(encoding="utf-8"))
