"""Finding a serif body font with full Vietnamese coverage.

In: an optional preference (a family name or the path of a regular ``.ttf``).
Out: a :class:`FontFamily` (four TrueType faces and where they came from). Registering it
with reportlab is :mod:`.font_registry`, checking that it can draw a text is
:mod:`.font_coverage`; both are re-exported here.

Search order when nothing is preferred (design §4 "Fonts")::

    Times New Roman    system fonts (Windows offices have it)
    Liberation Serif   system fonts (metric-compatible; Debian ``fonts-liberation2``)
    Spectral           the pip package ``fontpkg-spectral`` (OFL, every Vietnamese letter)

Only a few known directories are listed, plus one bounded walk of the system font
trees; every answer is cached for the life of the process (:func:`clear_cache` resets).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from umt_reports.errors import RenderError
from umt_reports.render.font_coverage import missing_glyphs, require_glyphs
from umt_reports.render.font_family import FACES as _FACES
from umt_reports.render.font_family import Face, FontFamily, FontSource
from umt_reports.render.font_registry import face_name, register

__all__ = [
    "FALLBACK_PACKAGE_FAMILY",
    "FONT_DIRS",
    "FONT_TREES",
    "FontFamily",
    "FontSource",
    "clear_cache",
    "face_name",
    "missing_glyphs",
    "register",
    "require_glyphs",
    "resolve_font",
]

log = logging.getLogger(__name__)

# -- where to look ------------------------------------------------------------------


def _default_font_dirs() -> tuple[Path, ...]:
    """The few directories where Times New Roman or Liberation Serif usually live."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return (windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts")
    if sys.platform == "darwin":
        return (
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            home / "Library" / "Fonts",
        )
    return (
        Path("/usr/share/fonts/truetype/msttcorefonts"),
        Path("/usr/share/fonts/truetype/times"),
        Path("/usr/share/fonts/truetype/liberation2"),
        Path("/usr/share/fonts/truetype/liberation"),
        home / ".fonts",
        home / ".local" / "share" / "fonts",
    )


def _default_font_trees() -> tuple[Path, ...]:
    """Font trees walked (once, bounded) when the known directories do not have a family."""
    if sys.platform in ("win32", "darwin"):
        return ()
    return (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))


#: Directories listed (not walked) when looking for a system family, in order.
FONT_DIRS: tuple[Path, ...] = _default_font_dirs()
#: Directory trees walked once, as a last resort, for a system family.
FONT_TREES: tuple[Path, ...] = _default_font_trees()
#: The fontpkg family used when no system font is found.
FALLBACK_PACKAGE_FAMILY = "Spectral"

# -- a walk of a font tree stops after this many files (a guard, not a limit we expect) --
_TREE_FILE_LIMIT = 20_000


@dataclass(frozen=True)
class _SystemFamily:
    """A family we know by its file names: face -> candidate names, lower case."""

    name: str
    files: Mapping[Face, tuple[str, ...]]


_TIMES_NEW_ROMAN = _SystemFamily(
    "Times New Roman",
    {
        "regular": ("times.ttf", "times new roman.ttf", "times_new_roman.ttf"),
        "bold": ("timesbd.ttf", "times new roman bold.ttf", "times_new_roman_bold.ttf"),
        "italic": ("timesi.ttf", "times new roman italic.ttf", "times_new_roman_italic.ttf"),
        "bold_italic": (
            "timesbi.ttf",
            "times new roman bold italic.ttf",
            "times_new_roman_bold_italic.ttf",
        ),
    },
)
_LIBERATION_SERIF = _SystemFamily(
    "Liberation Serif",
    {
        "regular": ("liberationserif-regular.ttf",),
        "bold": ("liberationserif-bold.ttf",),
        "italic": ("liberationserif-italic.ttf",),
        "bold_italic": ("liberationserif-bolditalic.ttf",),
    },
)
_SYSTEM_FAMILIES: tuple[_SystemFamily, ...] = (_TIMES_NEW_ROMAN, _LIBERATION_SERIF)


def _key(name: str) -> str:
    """Family names compare without case, spaces, hyphens or underscores."""
    return "".join(ch for ch in name.casefold() if ch not in " -_")


def _generic_family(name: str) -> _SystemFamily:
    """File names ``Name-Regular.ttf`` … ``Name-BoldItalic.ttf`` for a family we do not know."""
    compact = "".join(name.split()).lower()
    return _SystemFamily(
        name,
        {
            "regular": (f"{compact}-regular.ttf", f"{compact}.ttf"),
            "bold": (f"{compact}-bold.ttf",),
            "italic": (f"{compact}-italic.ttf",),
            "bold_italic": (f"{compact}-bolditalic.ttf",),
        },
    )


# -- directory listings, cached ------------------------------------------------------


@lru_cache(maxsize=64)
def _dir_index(directory: Path) -> Mapping[str, Path]:
    """Lower-case file name -> path for the files directly in ``directory`` (empty if absent)."""
    try:
        with os.scandir(directory) as entries:
            return {e.name.lower(): Path(e.path) for e in entries if e.is_file()}
    except OSError:
        return {}


@lru_cache(maxsize=8)
def _tree_index(root: Path) -> Mapping[str, tuple[Path, ...]]:
    """Lower-case file name -> paths of the ``.ttf`` files anywhere under ``root``."""
    found: dict[str, list[Path]] = {}
    seen = 0
    for dirpath, _dirnames, filenames in os.walk(root):
        for filename in filenames:
            seen += 1
            if filename.lower().endswith(".ttf"):
                found.setdefault(filename.lower(), []).append(Path(dirpath, filename))
        if seen > _TREE_FILE_LIMIT:
            break
    return {name: tuple(paths) for name, paths in found.items()}


def _faces_in(index: Mapping[str, Path], family: _SystemFamily) -> dict[Face, Path] | None:
    """The four faces of ``family`` found in one directory listing, or None if any is missing."""
    faces: dict[Face, Path] = {}
    for face in _FACES:
        path = next((index[n] for n in family.files[face] if n in index), None)
        if path is None:
            return None
        faces[face] = path
    return faces


def _directory_candidates(family: _SystemFamily) -> Iterator[Mapping[str, Path]]:
    """Directory listings to search for ``family``: known directories, then tree directories."""
    for directory in FONT_DIRS:
        yield _dir_index(directory)
    regular_names = family.files["regular"]
    for root in FONT_TREES:
        tree = _tree_index(root)
        for name in regular_names:
            for path in tree.get(name, ()):
                yield _dir_index(path.parent)


def _family(name: str, source: FontSource, faces: Mapping[Face, Path]) -> FontFamily:
    return FontFamily(
        name=name,
        regular=faces["regular"],
        bold=faces["bold"],
        italic=faces["italic"],
        bold_italic=faces["bold_italic"],
        source=source,
    )


def _find_system(family: _SystemFamily) -> FontFamily | None:
    """``family`` with all four faces in one system directory, or None."""
    for index in _directory_candidates(family):
        faces = _faces_in(index, family)
        if faces is not None:
            return _family(family.name, "system", faces)
    return None


def _find_package(name: str) -> FontFamily | None:
    """A family installed as a ``fontpkg`` pip package, or None (regular 400, bold 700)."""
    import fontpkg  # -- about 50 ms: only paid when no system font fits --

    try:
        installed = fontpkg.family(name)
        faces: dict[Face, Path] = {
            "regular": fontpkg.path(name, 400, "normal"),
            "bold": fontpkg.path(name, 700, "normal", nearest=True),
            "italic": fontpkg.path(name, 400, "italic", nearest=True),
            "bold_italic": fontpkg.path(name, 700, "italic", nearest=True),
        }
    except fontpkg.FontpkgError:
        return None
    if any(p.suffix.lower() != ".ttf" or not p.is_file() for p in faces.values()):
        return None
    return _family(installed.name, "fontpkg", faces)


# -- user files ----------------------------------------------------------------------

_REGULAR_SUFFIXES = ("-regular", "_regular", " regular", "regular")
_SIBLING_SUFFIXES: Mapping[Face, tuple[str, ...]] = {
    "bold": ("-Bold", " Bold", "_Bold", "bd", "b"),
    "italic": ("-Italic", " Italic", "_Italic", "i"),
    "bold_italic": ("-BoldItalic", " Bold Italic", "_Bold_Italic", "-Bold Italic", "bi", "z"),
}


def _looks_like_path(preferred: str | Path) -> bool:
    if isinstance(preferred, Path):
        return True
    has_suffix = preferred.lower().endswith((".ttf", ".otf", ".ttc"))
    return has_suffix or os.sep in preferred or "/" in preferred


def _siblings(regular: Path) -> dict[Face, Path]:
    """Bold and italic files next to a regular face, found by the usual naming schemes."""
    index = _dir_index(regular.parent)
    for family in _SYSTEM_FAMILIES:
        known = _faces_in(index, family)
        if known is not None and known["regular"].name.lower() == regular.name.lower():
            return known
    stem = regular.stem
    base = stem
    for suffix in _REGULAR_SUFFIXES:
        if stem.lower().endswith(suffix) and len(stem) > len(suffix):
            base = stem[: -len(suffix)]
            break
    faces: dict[Face, Path] = {"regular": regular}
    for face, suffixes in _SIBLING_SUFFIXES.items():
        for suffix in suffixes:
            candidate = index.get(f"{base}{suffix}{regular.suffix}".lower())
            if candidate is not None and candidate != regular:
                faces[face] = candidate
                break
        else:
            faces[face] = regular
    return faces


def _family_name(path: Path) -> str:
    """The typographic family name recorded in a font file (the file stem if none)."""
    from fontTools.ttLib import TTFont as FtFont

    with FtFont(path, lazy=True) as font:
        name_table = font["name"]
        for name_id in (16, 1):
            record = name_table.getDebugName(name_id)
            if record:
                return str(record)
    return path.stem


def _user_font(path: Path) -> FontFamily:
    """A family from the path of its regular ``.ttf``, with siblings where they exist."""
    if not path.is_file():
        raise RenderError.of("render.font_not_found", name=str(path), searched=str(path.parent))
    if path.suffix.lower() != ".ttf" or not _is_truetype(path):
        raise RenderError.of("render.font_unusable", path=str(path), reason="not a TrueType (.ttf) font")
    return _family(_family_name(path), "user", _siblings(path))


def _is_truetype(path: Path) -> bool:
    """True if the file starts like a TrueType font (reportlab refuses CFF outlines)."""
    try:
        with path.open("rb") as fh:
            tag = fh.read(4)
    except OSError:
        return False
    return tag in (b"\x00\x01\x00\x00", b"true")


# -- resolution ----------------------------------------------------------------------


def _searched(package: str | None = None) -> str:
    """The places looked in, for error messages."""
    places = [str(d) for d in FONT_DIRS] + [f"{t}/**" for t in FONT_TREES]
    if package is not None:
        places.append(f"pip package fontpkg-{_key(package)}")
    return ", ".join(places)


def _by_name(name: str) -> FontFamily | None:
    """The family called ``name``: a known system family, a fontpkg package or ``Name-*.ttf``."""
    wanted = _key(name)
    for family in _SYSTEM_FAMILIES:
        if _key(family.name) == wanted:
            return _find_system(family)
    return _find_package(name) or _find_system(_generic_family(name))


@lru_cache(maxsize=32)
def resolve_font(preferred: str | Path | None = None) -> FontFamily:
    """The body font to use: ``preferred`` if given (a family name or a regular ``.ttf``),
    else the first of Times New Roman, Liberation Serif, Spectral (fontpkg) found.

    A preference that cannot be found is an error, not a silent fallback. Results are
    cached per argument.

    Raises:
        RenderError: ``render.font_not_found`` if nothing fits, ``render.font_unusable``
            if the named file is not a TrueType font.
    """
    if preferred is not None and _looks_like_path(preferred):
        family = _user_font(Path(preferred).expanduser())
    elif preferred is not None:
        found = _by_name(str(preferred))
        if found is None:
            is_system = any(_key(f.name) == _key(str(preferred)) for f in _SYSTEM_FAMILIES)
            searched = _searched(None if is_system else str(preferred))
            raise RenderError.of("render.font_not_found", name=str(preferred), searched=searched)
        family = found
    else:
        found = next((f for f in map(_find_system, _SYSTEM_FAMILIES) if f is not None), None)
        found = found or _find_package(FALLBACK_PACKAGE_FAMILY)
        if found is None:
            names = ", ".join([f.name for f in _SYSTEM_FAMILIES] + [FALLBACK_PACKAGE_FAMILY])
            raise RenderError.of("render.font_not_found", name=names, searched=_searched(FALLBACK_PACKAGE_FAMILY))
        family = found
    log.info("body font: %s", family.describe())
    return family


def clear_cache() -> None:
    """Forget every cached directory listing and resolution (after fonts are installed, in tests)."""
    resolve_font.cache_clear()
    _dir_index.cache_clear()
    _tree_index.cache_clear()
