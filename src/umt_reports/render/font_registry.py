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
    """Let ``font`` remember what it wrote for each subset: the program it cut, compressed, its
    character map (``/ToUnicode``), compressed, and its ``/Widths`` array, formatted. Each is a
    function of the subset's character list alone; cutting, formatting and compressing them
    cost about 3 ms per face and document, and most documents share the first subset.

    reportlab's face cuts a program with ``makeSubset`` when it adds a subset's objects to a
    document, into a stream it compresses when the file is written (the character map likewise);
    the kept compressed bytes go into those streams instead (the same bytes zlib would give).
    reportlab's font then adds the subset's font dictionary, whose widths are replaced by the
    same numbers already formatted."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFZCompress

    face = font.face
    cut, add, add_fonts = face.makeSubset, face.addSubsetObjects, font.addObjects

    @functools.lru_cache(maxsize=_KEPT_SUBSETS)
    def kept(subset: tuple[int, ...]) -> tuple[bytes, bytes]:
        program = bytes(cut(list(subset)))
        return program, zlib.compress(program)

    @functools.lru_cache(maxsize=_KEPT_SUBSETS)
    def packed_map(content: str) -> bytes:
        return zlib.compress(content.encode("utf-8"))

    def add_subset(doc: Any, fontname: str, subset: list[int]) -> Any:
        descriptor = add(doc, fontname, subset)
        if not doc.compression:
            return descriptor
        stream = doc.idToObject.get(f"fontFile:{face.filename}({fontname})")
        if getattr(stream, "filters", None) == [PDFZCompress]:
            program, packed = kept(tuple(subset))
            if stream.content == program:
                _put_packed(stream, packed)
        cmap = doc.idToObject.get(f"toUnicodeCMap:{fontname}")
        if getattr(cmap, "filters", None) == [PDFZCompress] and isinstance(cmap.content, str):
            _put_packed(cmap, packed_map(cmap.content))
        return descriptor

    def add_objects(doc: Any) -> None:
        add_fonts(doc)
        fonts = doc.idToObject.get("BasicFonts")
        for pdf_font in getattr(fonts, "dict", {}).values():
            widths: Any = getattr(pdf_font, "Widths", None)
            if type(widths) is PDFArray:
                pdf_font.Widths = _formatted_numbers(tuple(widths.sequence))

    face.makeSubset = lambda subset: kept(tuple(subset))[0]
    face.addSubsetObjects = add_subset
    font.addObjects = add_objects


def _put_packed(stream: Any, packed: bytes) -> None:
    """Give ``stream`` its content already compressed with zlib (declared ``/FlateDecode``)."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFName

    stream.content, stream.filters = packed, None
    stream.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])


@functools.lru_cache(maxsize=4 * _KEPT_SUBSETS)
def _formatted_numbers(numbers: tuple[float, ...]) -> Any:
    """The PDF array of ``numbers``, formatted once and then written as the same bytes in every
    document that has it."""
    return _formatted_array_type()(numbers)


@functools.cache
def _formatted_array_type() -> type:
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFObject

    class FormattedArray(PDFObject):  # type: ignore[misc]
        """A reportlab array that keeps the bytes it formatted to."""

        def __init__(self, items: tuple[Any, ...]) -> None:
            self._array = PDFArray(items)
            self._bytes: bytes | None = None

        def format(self, document: Any) -> bytes:
            if self._bytes is None:
                self._bytes = self._array.format(document)
            return self._bytes

    return FormattedArray


def face_name(family: FontFamily, bold: bool = False, italic: bool = False) -> str:
    """The reportlab font name of one face of ``family`` (registering the family if needed)."""
    face: Face = "bold_italic" if bold and italic else "bold" if bold else "italic" if italic else "regular"
    return register(family) + _FACE_SUFFIX[face]
