"""Glyph coverage: whether a :class:`FontFamily` can draw a text, from its cmap (fontTools).

In: a family and a text. Out: the characters it lacks, or a located :class:`RenderError`.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from umt_reports.errors import Location, RenderError
from umt_reports.render.font_family import FontFamily

__all__ = ["missing_glyphs", "require_glyphs"]


@lru_cache(maxsize=16)
def _cmap(path: Path) -> frozenset[int]:
    """Code points the font at ``path`` maps to a glyph."""
    from fontTools.ttLib import TTFont as FtFont

    with FtFont(path, lazy=True) as font:
        best = font["cmap"].getBestCmap() or {}
    return frozenset(best)


def missing_glyphs(family: FontFamily, text: str) -> list[str]:
    """Characters of ``text`` (NFC; whitespace and control characters ignored) that the
    regular face has no glyph for, each once, in order of first appearance."""
    covered = _cmap(family.regular)
    # -- each distinct character once (a document has thousands of characters, a hundred distinct) --
    distinct = dict.fromkeys(unicodedata.normalize("NFC", text))
    return [ch for ch in distinct if ord(ch) not in covered and not ch.isspace() and unicodedata.category(ch) != "Cc"]


#: How many missing characters an error names.
_NAMED_MISSING = 5


def require_glyphs(family: FontFamily, text: str, location: Location | None = None) -> None:
    """Do nothing if the regular face can draw all of ``text``; otherwise raise.

    Raises:
        RenderError: ``render.missing_glyph`` naming the first few missing characters
            (``char``, ``codepoint`` such as ``U+1F600``, ``font``, ``count``).
    """
    missing = missing_glyphs(family, text)
    if not missing:
        return
    shown = missing[:_NAMED_MISSING]
    raise RenderError.of(
        "render.missing_glyph",
        location,
        char=", ".join(f"«{ch}»" for ch in shown),
        codepoint=", ".join(f"U+{ord(ch):04X}" for ch in shown),
        font=family.name,
        count=len(missing),
        value=shown[0],
    )
