"""The few reportlab flowables platypus lacks: a short centred rule, a picture, a numbering mark.

Each one draws exactly what it is given (a length, a thickness, a size); what to
give it is decided by :mod:`.story` from the document and its preset.
"""

from __future__ import annotations

import io
from typing import Any

from PIL import Image as PilImage
from PIL import ImageOps
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, KeepTogether, Paragraph
# -- reportlab's own measure of a list of flowables (private, but the one KeepTogether uses) --
from reportlab.platypus.flowables import _listWrapOn

from umt_reports.errors import RenderError

__all__ = ["CellParagraph", "KeepBlock", "KeepWithNext", "NumberingRestart", "Picture", "RuleLine", "picture_source"]

#: JPEG quality when a photo must be re-encoded (EXIF rotation, CMYK, alpha).
_JPEG_QUALITY = 92


class RuleLine(Flowable):
    """A horizontal line ``fraction`` × the width of the text above it (that text is at most
    as wide as the available width) centred in the available width, ``drop`` points below
    the text (the bottom of the flowable)."""

    def __init__(self, text_length: float, thickness: float, drop: float, fraction: float = 1.0) -> None:
        super().__init__()
        self.text_length = text_length
        self.fraction = fraction
        self.thickness = thickness
        self.drop = drop
        self._avail = text_length

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Take the whole width (the line is centred in it), and the drop plus the line."""
        self._avail = availWidth
        self.width = availWidth
        self.height = self.drop + self.thickness
        return self.width, self.height

    def draw(self) -> None:
        """Stroke the line centred in the width, at the bottom of the box."""
        length = self.fraction * min(self.text_length, self._avail)
        x0 = (self._avail - length) / 2
        y = self.thickness / 2
        self.canv.saveState()
        self.canv.setLineWidth(self.thickness)
        self.canv.setLineCap(0)
        self.canv.line(x0, y, x0 + length, y)
        self.canv.restoreState()


class Picture(Flowable):
    """An image of a given size in points, centred; shrunk only when a page cannot hold it."""

    def __init__(self, source: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.source = source
        self.want = (width, height)
        self.width, self.height = width, height
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The wanted size, scaled down (aspect kept) if it exceeds the frame."""
        width, height = self.want
        # -- an image taller than a whole frame would stop the layout: measure the frame --
        limit_h = getattr(getattr(self, "_frame", None), "_aH", availHeight)
        scale = min(1.0, availWidth / width if width else 1.0, limit_h / height if height else 1.0)
        self.width, self.height = width * scale, height * scale
        return self.width, self.height

    def draw(self) -> None:
        """Draw the bitmap into the box."""
        self.canv.drawImage(self.source, 0, 0, self.width, self.height)


class CellParagraph(Paragraph):
    """A paragraph in a table cell that is never split: it remembers its last wrap.

    reportlab's tables wrap every cell several times at the same width (row heights,
    each split over pages, then drawing), and breaking lines is the costly part of a
    big table. The answer for one width never changes, so it is computed once.
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The size at ``availWidth``, from the last wrap when the width is the same."""
        last = self._wrapped
        # -- a failed split drops the line breaks (blPara): then break them again --
        if last is not None and last[0] == availWidth and hasattr(self, "blPara"):
            return last[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size


class NumberingRestart(Flowable):
    """A zero-size mark: page numbering restarts at 1 on the page where it is laid out."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Take no room."""
        return 0.0, 0.0

    def draw(self) -> None:
        """Draw nothing (the doc template notices the mark after layout)."""

    def identity(self, maxLen: Any = None) -> str:
        """A short name for reportlab's layout messages."""
        return "<NumberingRestart>"


class KeepBlock(KeepTogether):
    """Flowables kept on one page (moved whole to the next page when they do not fit).

    Measured with spaces added, not overlapped, as the frames lay them out (and as Word does).
    """

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        """Measure the content; claim more than any frame so the doc template asks to split."""
        dims: list[tuple[float, float]] = []
        width, height = _listWrapOn(self._content, aW, self.canv, mergeSpace=0, dims=dims)
        self._H = height
        self._H0 = dims[0][1] if dims else 0
        self._wrapInfo = aW, aH
        return width, 0xFFFFFF


class KeepWithNext(KeepBlock):
    """Word's "keep with next": the leading flowables stay on the page where the last one
    *begins* (its first lines or table rows), not necessarily with all of it.

    The doc template builds one for every run of paragraphs whose style keeps with next.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        """All of it if it fits; else the heads and the first piece of the last; else a page break."""
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = list(self._content)
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", True))
        if self._H <= aH or at_top or len(content) < 2:
            return content
        *heads, last = content
        used = 0.0
        for i, head in enumerate(heads):
            _w, h = head.wrapOn(self.canv, aW, aH)
            used += h + head.getSpaceAfter() + (head.getSpaceBefore() if i else 0.0)
        room = aH - used - last.getSpaceBefore()
        pieces = last.splitOn(self.canv, aW, room) if room > 0 else []
        if len(pieces) > 1:
            return [*heads, *pieces]
        return [self.FrameBreak(), *content]


def _has_alpha(image: PilImage.Image) -> bool:
    """True if ``image`` carries transparency (an alpha band or a transparent palette entry)."""
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info


def _flatten(image: PilImage.Image) -> PilImage.Image:
    """``image`` as opaque RGB, transparent areas painted on white (the paper): no soft
    masks, no palette or CMYK colour spaces to trouble the sRGB output intent of PDF/A."""
    if _has_alpha(image):
        rgba = image.convert("RGBA")
        paper = PilImage.new("RGBA", rgba.size, (255, 255, 255, 255))
        return PilImage.alpha_composite(paper, rgba).convert("RGB")
    return image.convert("RGB")


def picture_source(data: bytes, alt: str = "") -> ImageReader:
    """An RGB image reader for ``data``: JPEG photos pass through unchanged, anything else
    (alpha, palette, CMYK, rotated by EXIF) is flattened on white paper first.

    Raises:
        RenderError: ``render.image_unreadable`` if Pillow cannot decode ``data``.
    """
    try:
        image = PilImage.open(io.BytesIO(data))
        image.load()
    except (OSError, ValueError, PilImage.DecompressionBombError) as exc:
        raise RenderError.of("render.image_unreadable", name=alt, reason=str(exc)) from exc
    rotated = image.getexif().get(0x0112, 1) not in (1, None)
    if image.format == "JPEG" and image.mode in ("RGB", "L") and not rotated:
        # -- reportlab embeds a JPEG file as is (DCTDecode): small and lossless to pass on --
        return ImageReader(io.BytesIO(data))
    upright = ImageOps.exif_transpose(image) if rotated else image
    flat = _flatten(upright)
    if image.format == "JPEG":
        # -- keep photos as JPEG after fixing them, or the PDF grows tenfold --
        buf = io.BytesIO()
        flat.save(buf, format="JPEG", quality=_JPEG_QUALITY, optimize=False)
        return ImageReader(io.BytesIO(buf.getvalue()))
    return ImageReader(flat)
