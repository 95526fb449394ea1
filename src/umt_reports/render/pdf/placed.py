"""Placed blocks in the PDF: text and lines at fixed places of the page (Giấy khen, forms).

In: :class:`~umt_reports.documents.Placed` and :class:`~umt_reports.documents.PlacedLine`
blocks, the document's preset and the body font. Out: flowables that take no room in the
platypus flow and draw at absolute page positions when their page is drawn. Positions are
millimetres from the paper's top-left corner (the way a clerk measures a form with a ruler);
sizes, faces, line widths and inks come from the preset's roles and :mod:`umt_reports.style`.

Consecutive placed blocks share one flowable and one PDF text object, so a batch of a
thousand certificates costs a thousand flowables, not twenty thousand.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final, Union

from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from umt_reports.documents.document import Placed, PlacedLine
from umt_reports.errors import RenderError
from umt_reports.render.fonts import FontFamily, face_name
from umt_reports.render.measure import PT_PER_MM
from umt_reports.render.pdf.platypus import Flowable
from umt_reports.render.pdf.styles import SINGLE_LINE, nfc
from umt_reports.style import LINE_ROLES, ROLE_COLORS, Preset

__all__ = ["PlacedFlowable", "add_placed", "placed_flowable"]

#: Stroke width of a line role the style does not name (points).
_DEFAULT_LINE_PT: Final = 0.5
#: Role whose stroke width the line under a placed text (``underline``) takes.
_UNDERLINE_ROLE: Final = "certificate.rule"
#: How far under the baseline an ``underline`` rule sits, as a fraction of the text size.
_UNDERLINE_DROP_EM: Final = 0.3
#: How far the descenders of a line reach below its baseline, in ems (Times New Roman).
_DESCENT_EM: Final = 0.22
#: A column group shrinks by this fraction of its sizes at each try.
_SCALE_STEP: Final = 0.05
#: Rounding a line's measured width may exceed its width by (points).
_FIT_SLACK_PT: Final = 0.01


@lru_cache(maxsize=64)
def _ink(role: str) -> Color:
    code = ROLE_COLORS.get(role)
    return HexColor(code) if code else black


@lru_cache(maxsize=4096)
def _lines(text: str, font: str, size: float, width: float | None) -> tuple[tuple[str, float], ...]:
    """``text`` cut into lines (at ``\\n`` and to ``width``), each with its width in points."""
    lines: list[str] = []
    for paragraph in nfc(text).split("\n"):
        lines.extend(simpleSplit(paragraph, font, size, width) if width and paragraph else [paragraph])
    return tuple((line, stringWidth(line, font, size)) for line in lines)


@dataclass(frozen=True)
class _Text:
    """Lines of one placed text: (text, x of its left end in points, drop below the first baseline)."""

    font: str
    size: float
    ink: Color
    y_mm: float
    lines: tuple[tuple[str, float, float], ...]
    #: (x start, x end, drop) of the line under the text, or ``None``.
    rule: tuple[float, float, float] | None


@dataclass(frozen=True)
class _Line:
    ink: Color
    width: float
    x1: float
    y1_mm: float
    x2: float
    y2_mm: float


_Op = Union[_Text, _Line, "_Column"]


def _text_op(block: Placed, preset: Preset, family: FontFamily) -> _Text:
    style = preset.style(block.role)
    font = face_name(family, style.bold, style.italic)
    size = block.size_pt or style.size
    leading = size * SINGLE_LINE * style.line_spacing
    width = block.width_mm * PT_PER_MM if block.width_mm else None
    anchor = block.x_mm * PT_PER_MM
    placed: list[tuple[str, float, float]] = []
    for index, (line, line_width) in enumerate(_lines(block.text, font, size, width)):
        shift = line_width / 2 if block.align == "center" else line_width if block.align == "right" else 0.0
        placed.append((line, anchor - shift, index * leading))
    rule = None
    if block.underline and placed:
        last, x, drop = placed[-1]
        length = block.underline * _lines(last, font, size, None)[0][1]
        start = anchor - length / 2 if block.align == "center" else anchor - length if block.align == "right" else x
        rule = (start, start + length, drop + size * _UNDERLINE_DROP_EM)
    return _Text(font, size, _ink(block.role), block.y_mm, tuple(placed), rule)


def _line_op(block: PlacedLine) -> _Line:
    return _Line(
        _ink(block.role),
        LINE_ROLES.get(block.role, _DEFAULT_LINE_PT),
        block.x1_mm * PT_PER_MM,
        block.y1_mm,
        block.x2_mm * PT_PER_MM,
        block.y2_mm,
    )


class PlacedFlowable(Flowable):
    """A zero-size flowable that draws its placed texts and lines at absolute page positions.

    It reads the paper height from the canvas, so one flowable fits any page size.
    """

    def __init__(self, ops: list[_Op]) -> None:
        super().__init__()
        self.ops = ops
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        """Draw at the page positions of the blocks, not where the flow happens to be."""
        top = canvas._pagesize[1]  # -- the paper height in points: y_mm counts down from it --
        canvas.saveState()
        canvas.setLineCap(2)  # -- square caps: the corners of a frame close --
        text = canvas.beginText()
        ops: list[_Text | _Line] = []
        for item in self.ops:
            ops.extend(item.texts if isinstance(item, _Column) else [item])
        for op in ops:
            if isinstance(op, _Line):
                canvas.setStrokeColor(op.ink)
                canvas.setLineWidth(op.width)
                canvas.line(op.x1, top - op.y1_mm * PT_PER_MM, op.x2, top - op.y2_mm * PT_PER_MM)
                continue
            baseline = top - op.y_mm * PT_PER_MM
            text.setFont(op.font, op.size)
            text.setFillColor(op.ink)
            for line, left, drop in op.lines:
                text.setTextOrigin(left, baseline - drop)
                text.textOut(line)
            if op.rule is not None:
                start, end, drop = op.rule
                canvas.setStrokeColor(op.ink)
                canvas.setLineWidth(LINE_ROLES.get(_UNDERLINE_ROLE, _DEFAULT_LINE_PT))
                canvas.line(start, baseline - drop, end, baseline - drop)
        if any(isinstance(op, _Text) for op in ops):
            canvas.drawText(text)
        canvas.restoreState()

    def draw(self) -> None:  # pragma: no cover - drawOn does the work
        pass


def _op(block: Placed | PlacedLine, preset: Preset, family: FontFamily) -> _Op:
    return _line_op(block) if isinstance(block, PlacedLine) else _text_op(block, preset, family)


def placed_flowable(block: Placed | PlacedLine, preset: Preset, family: FontFamily) -> PlacedFlowable:
    """The flowable that draws ``block`` where it says, in the role's face, size and ink."""
    return PlacedFlowable([_op(block, preset, family)])


def _set_column(blocks: list[Placed], preset: Preset, family: FontFamily) -> list[_Text]:
    """The texts of one column group (see :class:`Placed`): each below the lines of the ones
    above it, all at the largest common scale (in steps of :data:`_SCALE_STEP`, down to the
    group's ``min_scale``) at which no line is wider than its width and the last line ends
    above ``bottom_mm``.

    Raises:
        RenderError: ``render.placed_overflow`` with the longest text of the group as
            ``value`` (the build names its place in the data).
    """
    first = blocks[0]
    bottom = first.bottom_mm
    scale = 1.0
    while True:
        texts: list[_Text] = []
        pushed = 0.0  # -- mm the column grew past one line per text so far --
        fits = True
        for block in blocks:
            size = (block.size_pt or preset.style(block.role).size) * scale
            y_mm = first.y_mm + (block.y_mm - first.y_mm) * scale + pushed
            text = _text_op(replace(block, size_pt=size, y_mm=y_mm), preset, family)
            texts.append(text)
            if text.lines:
                pushed += text.lines[-1][2] / PT_PER_MM
            width = block.width_mm * PT_PER_MM if block.width_mm else None
            if width is not None and any(
                stringWidth(line, text.font, size) > width + _FIT_SLACK_PT for line, _x, _drop in text.lines
            ):
                fits = False
        last = texts[-1]
        end_mm = last.y_mm + ((last.lines[-1][2] if last.lines else 0.0) + last.size * _DESCENT_EM) / PT_PER_MM
        if fits and (bottom is None or end_mm <= bottom):
            return texts
        scale = round(scale - _SCALE_STEP, 4)
        if scale < first.min_scale - 1e-9:
            longest = max((b.text for b in blocks), key=len)
            raise RenderError.of("render.placed_overflow", None, value=longest)


@dataclass
class _Column:
    """The placed texts of one column group, set together each time one is added."""

    name: str
    blocks: list[Placed]
    texts: list[_Text]


def add_placed(story: list[Flowable], block: Placed | PlacedLine, preset: Preset, family: FontFamily) -> None:
    """Append ``block`` to ``story``: to the placed flowable that ends it, or as a new one."""
    if isinstance(block, Placed) and block.group:
        if (
            story
            and isinstance(story[-1], PlacedFlowable)
            and story[-1].ops
            and isinstance(story[-1].ops[-1], _Column)
            and story[-1].ops[-1].name == block.group
        ):
            column = story[-1].ops[-1]
            column.blocks.append(block)
            column.texts = _set_column(column.blocks, preset, family)
            return
        op: _Op = _Column(block.group, [block], _set_column([block], preset, family))
    else:
        op = _op(block, preset, family)
    if story and isinstance(story[-1], PlacedFlowable):
        story[-1].ops.append(op)
    else:
        story.append(PlacedFlowable([op]))
