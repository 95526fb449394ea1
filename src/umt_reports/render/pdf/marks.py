"""Places of the page the PDF records about itself: where the signer block was drawn.

In: zero-size :class:`PlaceMark` flowables that :mod:`.story` puts into the flow where the
Document IR has a meaningful place (the space left for the signature, between the signer's
title and name). While reportlab draws a page, each mark notes its page and its point on
the page. Out: named destinations of the finished PDF (``/Root /Names /Dests``, written by
:mod:`.pdfa_parts`), each a
standard ``[page /FitR left bottom right top]`` rectangle in PDF points, which
:mod:`umt_reports.sign` reads back to place signature appearances. Named destinations are
plain PDF, survive incremental updates (signatures) and are allowed by PDF/A.

The destinations written:

``umt.signer-space``
    the space for the signature on the signer's side of the signature block: its left and
    right are the signer column, its top the bottom of the last title line, its bottom
    the top of the name line.
``umt.text-area``
    the text area (inside the margins) of the first page: an attachment signed on its
    own gets the office's signature in its top-right corner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from umt_reports.render.pdf.platypus import Flowable

if TYPE_CHECKING:
    import pikepdf

__all__ = [
    "SIGNER_SPACE",
    "TEXT_AREA",
    "MarkBook",
    "PlaceMark",
    "Rect",
    "read_destinations",
]

#: Named destination of the space left for the signature between title and name.
SIGNER_SPACE: Final = "umt.signer-space"
#: Named destination of page 1's text area.
TEXT_AREA: Final = "umt.text-area"

#: (page index from 0, left, bottom, right, top) in PDF points.
Rect = tuple[int, float, float, float, float]


@dataclass
class MarkBook:
    """Where each mark was last drawn: name -> (page index, x, y, width) in points."""

    points: dict[str, tuple[int, float, float, float]] = field(default_factory=dict)

    def box(self, top: str, bottom: str) -> Rect | None:
        """The rectangle between the marks ``top`` and ``bottom`` (same page, same column)."""
        upper, lower = self.points.get(top), self.points.get(bottom)
        if upper is None or lower is None or upper[0] != lower[0]:
            return None
        page, x, y_top, width = upper
        return (page, x, lower[2], x + width, y_top)


class PlaceMark(Flowable):
    """A zero-size flowable that notes, when drawn, its page and place in ``book`` under ``name``.

    It takes no room and no space before or after, so the layout is the same with or
    without it; its width is the width it was offered (the column it stands in).
    """

    def __init__(self, book: MarkBook, name: str) -> None:
        super().__init__()
        self.book = book
        self.name = name
        self._offered = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """No room; remember the width of the column."""
        self._offered = availWidth
        return 0.0, 0.0

    def draw(self) -> None:
        """Note the page (from 0) and the absolute point of this mark."""
        x, y = self.canv.absolutePosition(0, 0)
        self.book.points[self.name] = (self.canv.getPageNumber() - 1, x, y, self._offered)

    def identity(self, maxLen: object = None) -> str:
        """A short name for reportlab's layout messages."""
        return f"<PlaceMark {self.name}>"


def read_destinations(pdf: pikepdf.Pdf) -> dict[str, Rect]:
    """The ``/FitR`` named destinations of ``pdf`` (others are skipped), by name."""
    import pikepdf

    names = pdf.Root.get(pikepdf.Name.Names)
    if not isinstance(names, pikepdf.Dictionary) or pikepdf.Name.Dests not in names:
        return {}
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    found: dict[str, Rect] = {}
    for name, dest in pikepdf.NameTree(names.Dests).items():
        if not isinstance(dest, pikepdf.Array) or len(dest) != 6 or dest[1] != pikepdf.Name.FitR:
            continue
        index = pages.get(dest[0].objgen)
        if index is None:
            continue
        left, bottom, right, top = (float(v) for v in list(dest)[2:])
        found[str(name)] = (index, left, bottom, right, top)
    return found
