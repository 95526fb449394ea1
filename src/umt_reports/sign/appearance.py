"""The look of one signature: a small one-page PDF (reportlab) that pyHanko turns into the
signature widget's appearance stream.

In: an optional picture (the signer's blue signature or the office's red seal, a PNG with
transparency) at a given size in points, and text lines. Out: :class:`Appearance`, the
PDF bytes of a page exactly the appearance's size. Fonts are embedded TrueType subsets
(Times New Roman, else Liberation Serif: :func:`umt_reports.render.fonts.resolve_font`),
the picture keeps its transparency as a soft mask (allowed by PDF/A-2), text is black.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import Final

from PIL import Image as PilImage
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from umt_reports.errors import Location
from umt_reports.render.fonts import face_name, require_glyphs, resolve_font
from umt_reports.sign.errors import SignInputError
from umt_reports.style import ESIGNATURE

__all__ = ["Appearance", "Picture", "draw_appearance", "read_picture", "text_size"]

#: Text colour of appearances (ND30: black).
_BLACK: Final = (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Picture:
    """A decoded signature or seal picture (RGBA) and its pixel size."""

    image: PilImage.Image
    name: str

    @property
    def aspect(self) -> float:
        """Height over width."""
        width, height = self.image.size
        return height / width if width else 1.0


@dataclass(frozen=True)
class Appearance:
    """A drawn appearance: one page of ``width`` × ``height`` points."""

    pdf: bytes
    width: float
    height: float


def read_picture(data: bytes, name: str) -> Picture:
    """``data`` decoded as an RGBA picture.

    Raises:
        SignInputError: ``sign.image_unreadable`` when Pillow cannot read it.
    """
    try:
        image = PilImage.open(io.BytesIO(data))
        image.load()
    except (OSError, ValueError, PilImage.DecompressionBombError) as exc:
        raise SignInputError.of("sign.image_unreadable", Location.of_file(name), path=name, reason=str(exc)) from exc
    return Picture(image.convert("RGBA"), name)


def text_size(lines: list[str]) -> tuple[float, float]:
    """Width and height in whole points of ``lines`` drawn as a text appearance (padding included)."""
    family = resolve_font(None)
    font = face_name(family)
    size = ESIGNATURE.text_size_pt
    width = max((stringWidth(line, font, size) for line in lines), default=0.0)
    pad = 2 * ESIGNATURE.text_padding_pt
    # -- whole points, rounded up: pyHanko writes appearance boxes in whole points --
    return float(math.ceil(width + pad)), float(math.ceil(len(lines) * size * ESIGNATURE.text_leading + pad))


def draw_appearance(width: float, height: float, picture: Picture | None, lines: list[str]) -> Appearance:
    """A page of ``width`` × ``height`` points: the picture filling the top (aspect kept,
    centred), then ``lines`` centred under it in the signature text style.

    Raises:
        RenderError: the font lacks a character of ``lines`` (``render.missing_glyph``).
    """
    family = resolve_font(None)
    font = face_name(family)
    size = ESIGNATURE.text_size_pt
    leading = size * ESIGNATURE.text_leading
    require_glyphs(family, "".join(lines))
    text_height = len(lines) * leading + (2 * ESIGNATURE.text_padding_pt if lines else 0.0)
    out = io.BytesIO()
    # -- the initial font too, or reportlab lists a Helvetica it never embeds --
    canvas = Canvas(
        out, pagesize=(width, height), invariant=1, pageCompression=1, initialFontName=font, initialFontSize=size
    )
    if picture is not None:
        room = height - text_height
        w = min(width, room / picture.aspect)
        h = w * picture.aspect
        canvas.drawImage(ImageReader(picture.image), (width - w) / 2, text_height + (room - h) / 2, w, h, mask="auto")
    canvas.setFillColorRGB(*_BLACK)
    canvas.setFont(font, size)
    # -- the first line's baseline one size below the text block's top --
    y = text_height - ESIGNATURE.text_padding_pt - size
    for line in lines:
        canvas.drawCentredString(width / 2, y, line)
        y -= leading
    canvas.showPage()
    canvas.save()
    return Appearance(out.getvalue(), width, height)
