"""Registering a :class:`FontFamily` with reportlab, once per process.

In: a family. Out: the reportlab family name (and face names) to draw with.
"""

from __future__ import annotations

from collections.abc import Mapping

from umt_reports.errors import RenderError
from umt_reports.render.font_family import Face, FontFamily

__all__ = ["face_name", "register"]

#: FontFamily -> the reportlab family name it was registered under.
_REGISTERED: dict[FontFamily, str] = {}
_FACE_SUFFIX: Mapping[Face, str] = {
    "regular": "",
    "bold": "-Bold",
    "italic": "-Italic",
    "bold_italic": "-BoldItalic",
}


def register(family: FontFamily) -> str:
    """Register the four faces with reportlab (once) and return the family name to draw with.

    The returned name works as ``fontName`` in canvases, paragraph styles and
    TableStyles; ``<b>``/``<i>`` in paragraphs map to the bold and italic faces.

    Raises:
        RenderError: ``render.font_unusable`` if reportlab cannot read a face.
    """
    known = _REGISTERED.get(family)
    if known is not None:
        return known
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    taken = set(pdfmetrics.getRegisteredFontNames()) | set(_REGISTERED.values())
    base = "".join(family.name.split()) or "Body"
    name, n = base, 1
    # -- another family of the same name (other files) keeps its registration --
    while any(name + s in taken for s in _FACE_SUFFIX.values()):
        n += 1
        name = f"{base}-{n}"
    for face, suffix in _FACE_SUFFIX.items():
        path = family.face(face)
        try:
            pdfmetrics.registerFont(TTFont(name + suffix, str(path)))
        except (TTFError, OSError) as exc:
            raise RenderError.of("render.font_unusable", path=str(path), reason=str(exc)) from exc
    pdfmetrics.registerFontFamily(
        name,
        normal=name,
        bold=name + _FACE_SUFFIX["bold"],
        italic=name + _FACE_SUFFIX["italic"],
        boldItalic=name + _FACE_SUFFIX["bold_italic"],
    )
    _REGISTERED[family] = name
    return name


def face_name(family: FontFamily, bold: bool = False, italic: bool = False) -> str:
    """The reportlab font name of one face of ``family`` (registering the family if needed)."""
    face: Face = "bold_italic" if bold and italic else "bold" if bold else "italic" if italic else "regular"
    return register(family) + _FACE_SUFFIX[face]
