"""A registered face writes what reportlab's own would, whether or not it kept it from an earlier document."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import Any

import pikepdf
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from umt_reports.render import fonts

TEXTS = [
    "Ủy ban nhân dân xã Thạnh Yên — “Báo cáo” số 25/BC-UBND",
    "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024…",
    # -- more distinct characters than one subset holds: a second subset, other widths --
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊị"
    "ỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "abcdefghijklmnopqrstuvwxyz!?.,;:()[]{}<>@#$%^&*+=_~|/\\'\"§©®°±²³µ¶·¹º»¼½¾¿×÷"
    "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя",
]


@pytest.fixture(scope="module")
def kept() -> str:
    """A face of the body font as this toolkit registers it (keeping what it writes)."""
    return fonts.face_name(fonts.resolve_font())


# -- reportlab alone, in a new interpreter (in this one, reportlab hands any font of the same
#    face the object this toolkit registered) --
_PLAIN = """
import io, json, sys
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
pdfmetrics.registerFont(TTFont("Plain", sys.argv[1]))
out = []
for text in json.loads(sys.argv[2]):
    c = canvas.Canvas(io.BytesIO(), invariant=1, pageCompression=1)
    c.setFont("Plain", 12)
    c.drawString(72, 720, text)
    c.showPage()
    out.append(bytes(c.getpdfdata()).hex())
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def plain() -> dict[str, bytes]:
    """Each text drawn with the same font file by reportlab alone."""
    args = [str(fonts.resolve_font().regular), json.dumps(TEXTS)]
    out = subprocess.run([sys.executable, "-c", _PLAIN, *args], check=True, capture_output=True, text=True).stdout
    return {text: bytes.fromhex(data) for text, data in zip(TEXTS, json.loads(out), strict=True)}


def _pdf(font_name: str, text: str) -> bytes:
    c = canvas.Canvas(io.BytesIO(), invariant=1, pageCompression=1)
    c.setFont(font_name, 12)
    c.drawString(72, 720, text)
    c.showPage()
    return bytes(c.getpdfdata())


def _fonts(data: bytes) -> list[dict[str, Any]]:
    """Each subset font of the PDF: its widths, character map and program."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        found = []
        for font in pdf.pages[0].Resources.Font.values():
            if font.Subtype != "/TrueType":  # -- the canvas's initial Helvetica, never used --
                continue
            found.append(
                {
                    "base": str(font.BaseFont),
                    "first_last": (int(font.FirstChar), int(font.LastChar)),
                    "widths": [float(w) for w in font.Widths],
                    "to_unicode": font.ToUnicode.read_bytes(),
                    "program": font.FontDescriptor.FontFile2.read_bytes(),
                }
            )
        return sorted(found, key=lambda f: f["base"])


@pytest.mark.parametrize("text", TEXTS, ids=["motto", "title", "two-subsets"])
def test_a_kept_face_writes_the_widths_map_and_program_reportlab_writes(
    kept: str, plain: dict[str, bytes], text: str
) -> None:
    first, again, theirs = _pdf(kept, text), _pdf(kept, text), plain[text]
    assert _fonts(first) == _fonts(theirs)
    assert _fonts(again) == _fonts(theirs)
    assert len(_fonts(first)) == (2 if text is TEXTS[2] else 1)


def test_the_widths_written_are_each_characters_own(kept: str) -> None:
    face = pdfmetrics.getFont(kept).face
    for text in TEXTS:
        for font in _fonts(_pdf(kept, text)):
            codes = _mapped(font["to_unicode"])
            assert len(codes) == len(font["widths"])
            assert [font["widths"][code] for code in sorted(codes)] == pytest.approx(
                [face.getCharWidth(codes[code]) for code in sorted(codes)], abs=0.01
            )


def test_what_one_document_kept_never_shows_in_another(kept: str, plain: dict[str, bytes]) -> None:
    small, large = TEXTS[0], TEXTS[2]
    written = [_fonts(_pdf(kept, text)) for text in (small, large, small, large)]
    assert written[0] == written[2] == _fonts(plain[small])
    assert written[1] == written[3] == _fonts(plain[large])
    assert written[0][0]["widths"] != written[1][0]["widths"][: len(written[0][0]["widths"])]


def _mapped(cmap: bytes) -> dict[int, int]:
    """Code -> Unicode scalar, from a ToUnicode CMap's ``bfchar`` lines."""
    pairs = {}
    for line in cmap.decode("ascii").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].startswith("<") and parts[1].startswith("<"):
            pairs[int(parts[0][1:-1], 16)] = int(parts[1][1:-1], 16)
    return pairs
