"""Where each signature goes on the page, from the places the PDF renderer recorded.

In: the named destinations of :mod:`umt_reports.render.pdf.marks` (the space between the
signer's title and name, page 1's text area), the signature widgets already on the page,
and the size of the appearance to place. Out: a :class:`Box` in PDF points. Nothing here
guesses from the page's drawing: a PDF without the recorded place is refused.

The rules (ND30 Phụ lục I, part II; spec §3.1):

- the person's signature is centred in the space between title and name;
- the office's seal lies over about the left third of the person's signature, its centre
  level with the signature's centre;
- text appearances (no picture) never overlap: the person's text at the top of the space,
  the office's text under it;
- an attachment signed on its own gets the office's signature at the top right of its
  first page (in the top margin, right-aligned with the text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import pikepdf

from umt_reports.render.pdf.marks import (
    SIGNER_SPACE,
    TEXT_AREA,
    Rect,
    read_destinations,
)
from umt_reports.style import ESIGNATURE

__all__ = [
    "Box",
    "attachment_box",
    "has_signer_block",
    "person_box",
    "recorded_places",
    "seal_box",
    "signature_widgets",
    "text_box",
]

#: Gap between the text area's top and an attachment signature above it, in points.
_ATTACHMENT_GAP_PT: Final = 2.0


@dataclass(frozen=True)
class Box:
    """A rectangle on one page (index from 0), in PDF points from the bottom-left corner."""

    page: int
    left: float
    bottom: float
    right: float
    top: float

    @classmethod
    def of(cls, rect: Rect) -> Box:
        return cls(*rect)

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.left + self.right) / 2, (self.bottom + self.top) / 2)

    def snapped(self) -> Box:
        """The box with its width and height rounded to whole points, about the same centre.

        pyHanko writes an appearance's bounding box in whole points; a box of whole points
        keeps the appearance at scale 1 and unclipped (the change is under 0.2 mm).
        """
        cx, cy = self.centre
        w, h = max(1, round(self.width)), max(1, round(self.height))
        return Box(self.page, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)

    def rect(self) -> tuple[float, float, float, float]:
        """``(left, bottom, right, top)``, rounded to hundredths of a point."""
        return (round(self.left, 2), round(self.bottom, 2), round(self.right, 2), round(self.top, 2))


def recorded_places(pdf: pikepdf.Pdf) -> dict[str, Box]:
    """The places the renderer recorded (``signer-space``, ``text-area``), by short name."""
    found = read_destinations(pdf)
    names = {SIGNER_SPACE: "signer-space", TEXT_AREA: "text-area"}
    return {short: Box.of(found[name]) for name, short in names.items() if name in found}


def has_signer_block(data: bytes) -> bool:
    """True when the PDF ``data`` records the space between its signer's title and name."""
    import io

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return "signer-space" in recorded_places(pdf)
    except pikepdf.PdfError:
        return False


def person_box(space: Box, width: float, height: float) -> Box:
    """An appearance of ``width`` × ``height`` centred in the signer space, shrunk (aspect
    kept) when larger than the space."""
    scale = min(1.0, space.width / width if width else 1.0, space.height / height if height else 1.0)
    w, h = width * scale, height * scale
    cx, cy = space.centre
    return Box(space.page, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def text_box(space: Box, width: float, height: float, *, top: float, centre: float | None = None) -> Box:
    """A text appearance of ``width`` × ``height`` hanging from ``top``, centred on ``centre``
    (the space's centre by default). Text appearances do not overlap: without pictures the
    person's text takes the top of the space and the office's text goes under it."""
    cx = space.centre[0] if centre is None else centre
    return Box(space.page, cx - width / 2, top - height, cx + width / 2, top)


def seal_box(person: Box, width: float, height: float) -> Box:
    """The seal (``width`` × ``height``) over the left third of the person's signature:
    its right edge a third of the way into it, its centre level with the signature's."""
    right = person.left + ESIGNATURE.seal_overlap * person.width
    cy = person.centre[1]
    return Box(person.page, right - width, cy - height / 2, right, cy + height / 2)


def attachment_box(area: Box, width: float, height: float) -> Box:
    """An appearance at the top right of the first page, just above the text area."""
    bottom = area.top + _ATTACHMENT_GAP_PT
    return Box(area.page, area.right - width, bottom, area.right, bottom + height)


def signature_widgets(pdf: pikepdf.Pdf, page: int) -> list[tuple[str, Box]]:
    """The signature fields shown on ``page``: (field name, widget box), in page order."""
    found: list[tuple[str, Box]] = []
    for annot in pdf.pages[page].obj.get(pikepdf.Name.Annots, pikepdf.Array()):
        if annot.get(pikepdf.Name.Subtype) != pikepdf.Name.Widget:
            continue
        field = annot if pikepdf.Name.FT in annot else annot.get(pikepdf.Name.Parent, annot)
        if field.get(pikepdf.Name.FT) != pikepdf.Name.Sig:
            continue
        left, bottom, right, top = (float(v) for v in annot.Rect)
        box = Box(page, min(left, right), min(bottom, top), max(left, right), max(bottom, top))
        found.append((str(field.get(pikepdf.Name.T, "")), box))
    return found
