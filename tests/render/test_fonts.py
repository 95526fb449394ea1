"""Tests for umt_reports.render.fonts: finding, registering and checking the body font."""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import fontpkg
import pytest
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics

from umt_reports.errors import Location, RenderError
from umt_reports.render import fonts
from umt_reports.render.fonts import FontFamily

#: The machine's real search places, kept before the autouse fixture empties them.
REAL_FONT_DIRS, REAL_FONT_TREES = fonts.FONT_DIRS, fonts.FONT_TREES
SPECTRAL = {
    "regular": fontpkg.path("spectral", 400, "normal"),
    "bold": fontpkg.path("spectral", 700, "normal"),
    "italic": fontpkg.path("spectral", 400, "italic"),
    "bold_italic": fontpkg.path("spectral", 700, "italic"),
}
WINDOWS_TIMES = {
    "regular": "times.ttf",
    "bold": "timesbd.ttf",
    "italic": "timesi.ttf",
    "bold_italic": "timesbi.ttf",
}
LIBERATION = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}

_BASES = "aăâeêioôơuưy"
# -- no tone, huyền, sắc, hỏi, ngã, nặng --
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def vietnamese_letters() -> list[str]:
    """Every precomposed Vietnamese letter, lower and upper case: 12 vowels x 6 tones, plus đ."""
    lower = [unicodedata.normalize("NFC", base + tone) for base in _BASES for tone in _TONES] + ["đ"]
    return lower + [ch.upper() for ch in lower]


def install_fake_fonts(directory: Path, names: dict[str, str]) -> Path:
    """Copy Spectral's faces into ``directory`` under the given file names."""
    directory.mkdir(parents=True, exist_ok=True)
    for face, name in names.items():
        shutil.copyfile(SPECTRAL[face], directory / name)
    return directory


@pytest.fixture(autouse=True)
def isolated_search(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Search only an empty temporary directory unless a test installs fonts there."""
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setattr(fonts, "FONT_DIRS", (empty,))
    monkeypatch.setattr(fonts, "FONT_TREES", ())
    fonts.clear_cache()
    yield tmp_path
    fonts.clear_cache()


# -- resolution ----------------------------------------------------------------------


def test_it_prefers_times_new_roman_when_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    times = install_fake_fonts(tmp_path / "Fonts", WINDOWS_TIMES)
    liberation = install_fake_fonts(tmp_path / "liberation2", LIBERATION)
    monkeypatch.setattr(fonts, "FONT_DIRS", (liberation, times))

    family = fonts.resolve_font()

    assert (family.name, family.source) == ("Times New Roman", "system")
    assert family.regular == times / "times.ttf"
    assert family.bold_italic == times / "timesbi.ttf"


def test_it_finds_times_new_roman_under_its_macos_and_debian_names(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    mac = install_fake_fonts(
        tmp_path / "Supplemental",
        {
            "regular": "Times New Roman.ttf",
            "bold": "Times New Roman Bold.ttf",
            "italic": "Times New Roman Italic.ttf",
            "bold_italic": "Times New Roman Bold Italic.ttf",
        },
    )
    monkeypatch.setattr(fonts, "FONT_DIRS", (mac,))

    family = fonts.resolve_font()

    assert family.name == "Times New Roman"
    assert family.italic.name == "Times New Roman Italic.ttf"


def test_it_matches_file_names_without_case(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    upper = {face: name.upper() for face, name in WINDOWS_TIMES.items()}
    windows = install_fake_fonts(tmp_path / "FONTS", upper)
    monkeypatch.setattr(fonts, "FONT_DIRS", (windows,))

    assert fonts.resolve_font().bold == windows / "TIMESBD.TTF"


def test_it_uses_liberation_serif_when_times_new_roman_is_absent(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    liberation = install_fake_fonts(tmp_path / "liberation2", LIBERATION)
    monkeypatch.setattr(fonts, "FONT_DIRS", (tmp_path / "missing", liberation))

    family = fonts.resolve_font()

    assert (family.name, family.source) == ("Liberation Serif", "system")
    assert family.bold == liberation / "LiberationSerif-Bold.ttf"


def test_it_skips_a_family_with_a_face_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    no_bold = {face: name for face, name in WINDOWS_TIMES.items() if face != "bold"}
    times = install_fake_fonts(tmp_path / "Fonts", no_bold)
    liberation = install_fake_fonts(tmp_path / "liberation2", LIBERATION)
    monkeypatch.setattr(fonts, "FONT_DIRS", (times, liberation))

    assert fonts.resolve_font().name == "Liberation Serif"


def test_it_walks_the_font_tree_when_the_known_directories_lack_the_family(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    tree = tmp_path / "share-fonts"
    nested = install_fake_fonts(tree / "liberation-serif" / "ttf", LIBERATION)
    monkeypatch.setattr(fonts, "FONT_TREES", (tree,))

    family = fonts.resolve_font()

    assert family.name == "Liberation Serif"
    assert family.regular == nested / "LiberationSerif-Regular.ttf"


def test_it_falls_back_to_spectral_from_fontpkg() -> None:
    family = fonts.resolve_font()

    assert (family.name, family.source) == ("Spectral", "fontpkg")
    assert family.regular == SPECTRAL["regular"]
    assert family.bold == SPECTRAL["bold"]
    assert family.italic == SPECTRAL["italic"]
    assert family.bold_italic == SPECTRAL["bold_italic"]


def test_it_raises_font_not_found_when_nothing_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "FALLBACK_PACKAGE_FAMILY", "No Such Family")

    with pytest.raises(RenderError) as caught:
        fonts.resolve_font()

    problem = caught.value.problems[0]
    assert problem.code == "render.font_not_found"
    assert "Times New Roman, Liberation Serif" in problem.params["name"]
    assert "fonts-liberation2" in problem.format("en")


def test_it_finds_a_preferred_family_by_name(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    times = install_fake_fonts(tmp_path / "Fonts", WINDOWS_TIMES)
    liberation = install_fake_fonts(tmp_path / "liberation2", LIBERATION)
    monkeypatch.setattr(fonts, "FONT_DIRS", (times, liberation))

    assert fonts.resolve_font("liberation serif").name == "Liberation Serif"
    assert fonts.resolve_font("Spectral").source == "fontpkg"


def test_it_refuses_to_substitute_a_preferred_family_that_is_missing() -> None:
    with pytest.raises(RenderError) as caught:
        fonts.resolve_font("Times New Roman")

    problem = caught.value.problems[0]
    assert (problem.code, problem.params["name"]) == ("render.font_not_found", "Times New Roman")
    assert "fontpkg" not in problem.params["searched"]


def test_it_takes_a_user_ttf_and_finds_its_siblings(tmp_path: Path) -> None:
    own = install_fake_fonts(
        tmp_path / "own",
        {
            "regular": "Body-Regular.ttf",
            "bold": "Body-Bold.ttf",
            "italic": "Body-Italic.ttf",
            "bold_italic": "Body-BoldItalic.ttf",
        },
    )

    family = fonts.resolve_font(own / "Body-Regular.ttf")

    assert family == FontFamily(
        name="Spectral",  # -- the family name recorded in the file, not the file name --
        regular=own / "Body-Regular.ttf",
        bold=own / "Body-Bold.ttf",
        italic=own / "Body-Italic.ttf",
        bold_italic=own / "Body-BoldItalic.ttf",
        source="user",
    )


def test_it_uses_the_regular_face_for_siblings_a_user_font_lacks(tmp_path: Path) -> None:
    own = install_fake_fonts(tmp_path / "own", {"regular": "Lone.ttf"})

    family = fonts.resolve_font(str(own / "Lone.ttf"))

    assert family.bold == family.italic == family.bold_italic == own / "Lone.ttf"


def test_it_rejects_a_user_file_that_is_not_truetype(tmp_path: Path) -> None:
    cff = tmp_path / "Body.otf"
    cff.write_bytes(b"OTTO" + bytes(64))

    with pytest.raises(RenderError) as caught:
        fonts.resolve_font(cff)

    assert caught.value.problems[0].code == "render.font_unusable"


def test_it_reports_a_user_file_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(RenderError) as caught:
        fonts.resolve_font(tmp_path / "nope.ttf")

    assert caught.value.problems[0].code == "render.font_not_found"


def test_register_makes_the_four_faces_a_reportlab_family_once() -> None:
    family = fonts.resolve_font("Spectral")

    name = fonts.register(family)

    assert fonts.register(family) == name
    registered = set(pdfmetrics.getRegisteredFontNames())
    assert {name, f"{name}-Bold", f"{name}-Italic", f"{name}-BoldItalic"} <= registered
    assert tt2ps(name, 1, 0) == f"{name}-Bold"
    assert tt2ps(name, 1, 1) == f"{name}-BoldItalic"
    assert tt2ps(name, 0, 1) == f"{name}-Italic"


def test_register_keeps_two_families_of_the_same_name_apart(tmp_path: Path) -> None:
    own = install_fake_fonts(tmp_path / "own", {"regular": "Spectral-Regular.ttf"})
    packaged = fonts.resolve_font("Spectral")
    user = fonts.resolve_font(own / "Spectral-Regular.ttf")

    assert packaged.name == user.name
    assert fonts.register(packaged) != fonts.register(user)


# -- glyph coverage ------------------------------------------------------------------


def test_spectral_covers_every_vietnamese_letter() -> None:
    letters = vietnamese_letters()

    assert len(letters) == 146 and all(len(ch) == 1 for ch in letters)
    assert fonts.missing_glyphs(fonts.resolve_font("Spectral"), "".join(letters)) == []


def test_the_default_font_on_this_machine_covers_every_vietnamese_letter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fonts, "FONT_DIRS", REAL_FONT_DIRS)
    monkeypatch.setattr(fonts, "FONT_TREES", REAL_FONT_TREES)
    fonts.clear_cache()

    assert fonts.missing_glyphs(fonts.resolve_font(), "".join(vietnamese_letters())) == []


def test_missing_glyphs_normalises_to_nfc_first() -> None:
    decomposed = unicodedata.normalize("NFD", "Việt Nam Độc lập")

    assert fonts.missing_glyphs(fonts.resolve_font("Spectral"), decomposed) == []


def test_missing_glyphs_ignores_whitespace_and_control_characters() -> None:
    assert fonts.missing_glyphs(fonts.resolve_font("Spectral"), "a\tb\nc\u00a0d\u2003e\x07\x1b") == []


def test_missing_glyphs_lists_each_missing_character_once_in_order() -> None:
    text = "Chúc mừng 😀 năm mới 中國 😀"

    assert fonts.missing_glyphs(fonts.resolve_font("Spectral"), text) == ["😀", "中", "國"]


def test_require_glyphs_names_the_missing_characters() -> None:
    where = Location(file="meeting.yaml", line=14)

    with pytest.raises(RenderError) as caught:
        fonts.require_glyphs(fonts.resolve_font("Spectral"), "Kính gửi 😀 中", where)

    problem = caught.value.problems[0]
    assert problem.code == "render.missing_glyph"
    assert problem.location == where
    assert problem.params["codepoint"] == "U+1F600, U+4E2D"
    assert problem.params["font"] == "Spectral"
    assert str(caught.value).startswith(
        "meeting.yaml:14: Phông chữ Spectral không có ký tự «😀», «中» (U+1F600, U+4E2D)"
    )


def test_require_glyphs_accepts_vietnamese_text() -> None:
    motto = "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập - Tự do - Hạnh phúc"
    fonts.require_glyphs(fonts.resolve_font("Spectral"), motto)
