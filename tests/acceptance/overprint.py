"""Words drawn over each other: the word boxes ``pdftotext -bbox`` reports, compared pairwise per page."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

__all__ = ["Box", "overprints", "word_boxes"]

#: Boxes may touch: poppler's boxes of neighbouring lines share an edge within this (points).
_TOUCH_PT = 0.5


@dataclass(frozen=True)
class Box:
    """One word on one page, in points from the page's top-left corner."""

    page: int
    word: str
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        return (
            min(self.x1, other.x1) - max(self.x0, other.x0) > _TOUCH_PT
            and min(self.y1, other.y1) - max(self.y0, other.y0) > _TOUCH_PT
        )


def word_boxes(pdf: Path) -> list[Box]:
    """Every word of ``pdf`` with its box (``pdftotext -bbox``)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True).stdout
    body = html[html.index(b"<body>") : html.rindex(b"</body>") + 7]  # -- the head holds metadata --
    root = ElementTree.fromstring(body.replace(b"&nbsp;", b"&#160;"))
    boxes: list[Box] = []
    for number, page in enumerate(root.iter("page"), start=1):
        for word in page.iter("word"):
            a = word.attrib
            boxes.append(
                Box(number, word.text or "", float(a["xMin"]), float(a["yMin"]), float(a["xMax"]), float(a["yMax"]))
            )
    return boxes


def overprints(pdf: Path) -> list[tuple[Box, Box]]:
    """Pairs of words of one page whose boxes intersect (by more than a touch)."""
    found: list[tuple[Box, Box]] = []
    by_page: dict[int, list[Box]] = {}
    for box in word_boxes(pdf):
        by_page.setdefault(box.page, []).append(box)
    for boxes in by_page.values():
        boxes.sort(key=lambda b: b.y0)
        for i, box in enumerate(boxes):
            for other in boxes[i + 1 :]:
                if other.y0 >= box.y1:
                    break
                if box.overlaps(other):
                    found.append((box, other))
    return found
