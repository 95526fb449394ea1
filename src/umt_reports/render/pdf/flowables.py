"""The few reportlab flowables platypus lacks: a short centred rule, a picture, a numbering mark.

Each one draws exactly what it is given (a length, a thickness, a size); what to
give it is decided by :mod:`.story` from the document and its preset.
"""

from __future__ import annotations

import io
from typing import Any

from PIL import Image as PilImage
from PIL import ImageOps
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.rl_config import paraFontSizeHeightOffset

from umt_reports.errors import RenderError
from umt_reports.render.pdf.platypus import Flowable, KeepTogether, LongTable, Paragraph, TableStyle, list_wrap_on

__all__ = [
    "CellParagraph",
    "CellText",
    "KeepBlock",
    "KeepWithNext",
    "NumberingRestart",
    "PagedTable",
    "Picture",
    "RuleLine",
    "picture_source",
]

#: JPEG quality when a photo must be re-encoded (EXIF rotation, CMYK, alpha).
_JPEG_QUALITY = 92
#: A table split at a page's foot leaves at least this many rows under its header there.
_MIN_ROWS_AT_FOOT = 2
#: A cell's text is drawn as one line only if it is at least this much narrower than the
#: line (points): clear of any rounding in reportlab's own line breaking.
_FIT_MARGIN_PT = 0.01


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


class CellText(Flowable):
    """Plain text in a table cell (single spaces, no line breaks, no run formatting).

    Drawn exactly where a :class:`Paragraph` of ``style`` draws a one-line text (the
    baseline ``fontSize`` below the top of a ``leading``-high box, shifted by the
    alignment), without reportlab's markup parser, line breaker and paragraph drawing:
    in a long annex these are most of the drawing time, and every cell is a short line.
    A text too wide for one line is drawn by a :class:`CellParagraph` of ``markup``.
    """

    def __init__(self, text: str, markup: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.markup = markup
        self.style = style
        self._text_width = stringWidth(text, style.fontName, style.fontSize)
        self._paragraph: CellParagraph | None = None
        self._wrapped_one_line = False
        self._x = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """One ``leading`` high when the text fits the first line, else the paragraph's size."""
        style = self.style
        indent = style.leftIndent + style.firstLineIndent
        room = availWidth - indent - style.rightIndent
        self._wrapped_one_line = paraFontSizeHeightOffset and self._text_width <= room - _FIT_MARGIN_PT
        if self._wrapped_one_line:
            extra = room - self._text_width
            shift = {TA_CENTER: extra / 2, TA_RIGHT: extra}.get(style.alignment, 0.0)
            self._x = indent + shift
            self.width, self.height = availWidth, style.leading
            return self.width, self.height
        if self._paragraph is None:
            self._paragraph = CellParagraph(self.markup, style)
        self.width, self.height = self._paragraph.wrap(availWidth, availHeight)
        return self.width, self.height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        """The line as one text object at its place on the page (no coordinate change of its
        own: the PDF/A validator reads every operator of a page); else the paragraph."""
        if not self._wrapped_one_line:
            assert self._paragraph is not None
            self._paragraph.drawOn(canvas, x, y, _sW)
            return
        style = self.style
        x = self._hAlignAdjust(x, _sW)
        canvas.saveState()
        text = canvas.beginText(x + self._x, y + self.height - style.fontSize)
        text.setFillColor(style.textColor)
        text.setFont(style.fontName, style.fontSize, style.leading)
        text.textLine(self.text)
        canvas.drawText(text)
        canvas.restoreState()

    def draw(self) -> None:
        """Drawn by :meth:`drawOn`."""


class PagedTable(Flowable):
    """A table with one header row that repeats on every page, handed to reportlab one page at a time.

    reportlab's ``LongTable`` builds the table of all remaining rows again at every page
    break (its split copies the rows, their styles and their heights), so a long list costs
    time quadratic in its length. Here reportlab only ever sees a table of the rows the
    current space can hold, plus a few: no row is lower than ``min_row_height``, so more
    rows than ``height / min_row_height`` cannot fit, and the rows that end each page are
    the ones a ``LongTable`` of every row would put there. The pieces drawn are that
    ``LongTable``'s own.

    ``rows`` are the data rows (cells as for a reportlab table), ``spans`` the column ranges
    merged in a row (by row index), ``style`` the commands for every cell and the header row.
    """

    def __init__(
        self,
        header: list[object],
        rows: list[list[object]],
        spans: dict[int, list[tuple[int, int]]],
        col_widths: list[float],
        style: list[tuple[Any, ...]],
        min_row_height: float,
        start: int = 0,
        **table_options: Any,
    ) -> None:
        super().__init__()
        self.header = header
        self.rows = rows
        self.spans = spans
        self.col_widths = col_widths
        self.table_style = style
        self.min_row_height = min_row_height
        self.start = start
        self.table_options = table_options
        self.hAlign = table_options.get("hAlign", "CENTER")
        self._piece: LongTable | None = None

    def _table(self, count: int) -> LongTable:
        """The header and the next ``count`` rows as a reportlab table."""
        end = self.start + count
        commands = list(self.table_style)
        for index in range(self.start, end):
            for first, last in self.spans.get(index, ()):
                row = index - self.start + 1
                commands.append(("SPAN", (first, row), (last, row)))
        table = LongTable(
            [self.header, *self.rows[self.start : end]], colWidths=self.col_widths, repeatRows=1, **self.table_options
        )
        table.setStyle(TableStyle(commands))
        return table

    def _candidates(self, availHeight: float) -> int:
        """How many rows to show reportlab: all that are left, or more than can fit."""
        left = len(self.rows) - self.start
        most = int(max(availHeight, 0) / self.min_row_height) + 2
        return min(left, most)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The size of the rest of the table, or of more rows than fit (then the frame splits it)."""
        canv = getattr(self, "canv", None)
        count = self._candidates(availHeight)
        self._piece = self._table(count)
        self.width, self.height = self._piece.wrapOn(canv, availWidth, availHeight)
        if self.height <= availHeight and count < len(self.rows) - self.start:
            # -- cannot happen while no row is lower than min_row_height; never drop rows --
            self._piece = self._table(len(self.rows) - self.start)
            self.width, self.height = self._piece.wrapOn(canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """The rows that fit (a reportlab table), then the rest as a new paged table."""
        canv = getattr(self, "canv", None)
        count, left = self._candidates(availHeight), len(self.rows) - self.start
        parts = self._table(count).splitOn(canv, availWidth, availHeight)
        if count < left and len(parts) == 1:
            # -- the rows shown all fit: cannot happen while no row is lower than
            # -- min_row_height; never drop the others --
            count = left
            parts = self._table(count).splitOn(canv, availWidth, availHeight)
        if count == left or len(parts) < 2:
            return parts
        shown = count - (len(parts[1]._cellvalues) - 1)  # -- data rows of the first part --
        frame = getattr(self, "_frame", None)
        if shown < _MIN_ROWS_AT_FOOT and not getattr(frame, "_atTop", True):
            # -- the header and a lone row at the foot of a page: the whole table moves on --
            return []
        rest = PagedTable(
            self.header,
            self.rows,
            self.spans,
            self.col_widths,
            self.table_style,
            self.min_row_height,
            self.start + shown,
            **self.table_options,
        )
        return [parts[0], rest]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        """Draw the table measured by the last :meth:`wrap` (the rest fitted)."""
        assert self._piece is not None
        self._piece.drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        """Drawn by :meth:`drawOn`."""


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
        width, height = list_wrap_on(self._content, aW, self.canv, mergeSpace=0, dims=dims)
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
        if aH >= self._H or at_top or len(content) < 2:
            return content
        *heads, last = content
        used = 0.0
        for i, head in enumerate(heads):
            _w, h = head.wrapOn(self.canv, aW, aH)
            used += h + head.getSpaceAfter() + (head.getSpaceBefore() if i else 0.0)
        room = aH - used - last.getSpaceBefore()
        last._frame = frame  # -- as the frame would tell it: not at the top of the page --
        try:
            pieces = last.splitOn(self.canv, aW, room) if room > 0 else []
        finally:
            del last._frame
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
