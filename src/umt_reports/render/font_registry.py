"""Registering a :class:`FontFamily` with reportlab, once per process.

In: a family. Out: the reportlab family name (and face names) to draw with.

Each face keeps the font programs it cut for PDFs: reportlab cuts a subset program (the
glyphs of up to 256 characters) for every PDF it writes, and the PDF writer puts the same
characters in each document's first subset (:mod:`umt_reports.render.pdf.writer`), so most
documents need a program the process already cut.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Mapping
from typing import Any

from umt_reports.errors import RenderError
from umt_reports.render.font_family import Face, FontFamily

__all__ = ["face_name", "register"]

#: Subset programs each face keeps (a program is 20–60 kB).
_KEPT_SUBSETS = 16

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
            font = TTFont(name + suffix, str(path))
        except (TTFError, OSError) as exc:
            raise RenderError.of("render.font_unusable", path=str(path), reason=str(exc)) from exc
        _keep_subsets(font)
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        name,
        normal=name,
        bold=name + _FACE_SUFFIX["bold"],
        italic=name + _FACE_SUFFIX["italic"],
        boldItalic=name + _FACE_SUFFIX["bold_italic"],
    )
    _REGISTERED[family] = name
    return name


def _keep_subsets(font: Any) -> None:
    """Let ``font``'s face remember the subset programs it cut, and their compressed bytes: the
    program of a character list depends on nothing else, and cutting and compressing one costs
    about 2 ms per face and document.

    reportlab's face cuts a program with ``makeSubset`` when it adds a subset's objects to a
    document, into a stream it compresses when the file is written; the kept compressed bytes
    go into that stream instead (the same bytes zlib would give)."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFZCompress

    face = font.face
    cut, add = face.makeSubset, face.addSubsetObjects

    @functools.lru_cache(maxsize=_KEPT_SUBSETS)
    def kept(subset: tuple[int, ...]) -> tuple[bytes, bytes]:
        program = bytes(cut(list(subset)))
        return program, zlib.compress(program)

    def add_subset(doc: Any, fontname: str, subset: list[int]) -> Any:
        descriptor = add(doc, fontname, subset)
        stream = doc.idToObject.get(f"fontFile:{face.filename}({fontname})")
        if doc.compression and getattr(stream, "filters", None) == [PDFZCompress]:
            program, packed = kept(tuple(subset))
            if stream.content == program:
                stream.content, stream.filters = packed, None
                stream.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
        return descriptor

    face.makeSubset = lambda subset: kept(tuple(subset))[0]
    face.addSubsetObjects = add_subset


def face_name(family: FontFamily, bold: bool = False, italic: bool = False) -> str:
    """The reportlab font name of one face of ``family`` (registering the family if needed)."""
    face: Face = "bold_italic" if bold and italic else "bold" if bold else "italic" if italic else "regular"
    return register(family) + _FACE_SUFFIX[face]
