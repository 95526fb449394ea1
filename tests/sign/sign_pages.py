"""Reading what a PDF page shows: words with their boxes (pdftotext -bbox), in PDF points
from the bottom-left corner, so they compare with recorded places and widget rectangles."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pikepdf


@dataclass(frozen=True)
class Word:
    text: str
    left: float
    bottom: float
    right: float
    top: float


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def words(data: bytes, page: int) -> list[Word]:
    """The words of ``page`` (from 0), boxes in PDF points from the bottom-left corner."""
    with pikepdf.open(__import__("io").BytesIO(data)) as pdf:
        height = float(pdf.pages[page].mediabox[3])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.pdf"
        path.write_bytes(data)
        out = subprocess.run(
            ["pdftotext", "-bbox", "-f", str(page + 1), "-l", str(page + 1), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return [
        Word(text, float(x0), height - float(y1), float(x1), height - float(y0))
        for x0, y0, x1, y1, text in _WORD.findall(out)
    ]


def line_box(all_words: list[Word], text: str) -> Word:
    """The box around the consecutive words spelling ``text`` (one line)."""
    wanted = text.split()
    for start in range(len(all_words) - len(wanted) + 1):
        run = all_words[start : start + len(wanted)]
        if [w.text for w in run] == wanted:
            return Word(
                text,
                min(w.left for w in run),
                min(w.bottom for w in run),
                max(w.right for w in run),
                max(w.top for w in run),
            )
    raise AssertionError(f"{text!r} not on the page")
