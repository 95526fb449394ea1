"""The PDF renderer records where the signer block is (named destinations), from the Document IR."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from pathlib import Path

import pikepdf
import pytest

from umt_reports.build import build
from umt_reports.render.pdf.marks import SIGNER_SPACE, TEXT_AREA, read_destinations
from umt_reports.render.pdf.pdfa import check_pdfa
from umt_reports.style import PRESETS

SAMPLE = Path(__file__).resolve().parents[3] / "samples" / "u-minh-thuong-2022"
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def _built(tmp_path: Path, data: str, kind: str) -> bytes:
    return build(SAMPLE / data, tmp_path, kinds=[kind], formats=["pdf"]).files[0].path.read_bytes()


def _lines(pdf: bytes, page: int, height: float) -> dict[str, tuple[float, float, float, float]]:
    """Each text line of ``page``: its words joined -> (left, bottom, right, top) in PDF points."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(
            ["pdftotext", "-bbox-layout", "-f", str(page + 1), "-l", str(page + 1), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    lines: dict[str, tuple[float, float, float, float]] = {}
    for block in re.findall(r"<line [^>]*>(.*?)</line>", out, re.DOTALL):
        found = _WORD.findall(block)
        text = " ".join(w[4] for w in found)
        lines[text] = (
            min(float(w[0]) for w in found),
            height - max(float(w[3]) for w in found),
            max(float(w[2]) for w in found),
            height - min(float(w[1]) for w in found),
        )
    return lines


@pytest.mark.parametrize(
    ("data", "kind", "title", "name", "signer_page"),
    [
        ("meeting.yaml", "report", "CHỦ TỊCH", "Nguyễn Quốc Khởi", 1),
        # -- the decision's signer block ends the decision, before its DANH SÁCH annex --
        ("meeting-awards.yaml", "decision", "CHỦ TỊCH", "Nguyễn Quốc Khởi", 1),
        ("meeting-party.yaml", "report", "TRƯỞNG BAN", "Phạm Văn Út", 1),
    ],
)
def test_the_signer_space_lies_between_the_title_and_the_name_in_the_signer_column(
    tmp_path: Path, data: str, kind: str, title: str, name: str, signer_page: int
) -> None:
    pdf = _built(tmp_path, data, kind)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        places = read_destinations(doc)
        height = float(doc.pages[signer_page].mediabox[3])
        width = float(doc.pages[signer_page].mediabox[2])
    page, left, bottom, right, top = places[SIGNER_SPACE]
    assert page == signer_page
    lines = _lines(pdf, page, height)
    title_box, name_box = lines[title], lines[name]
    # -- top at the title line's foot (within its descent), bottom at the name line's head --
    assert title_box[1] - 1.5 <= top <= title_box[1] + 1.5
    assert name_box[3] - 1.5 <= bottom <= name_box[3] + 5.0
    assert top - bottom == pytest.approx(PRESETS["nd30"].signature_space_pt, abs=0.01)
    # -- the column: the right half of the text width, and both lines are centred in it --
    assert right == pytest.approx(width - 15 * 72 / 25.4, abs=0.01)
    for box in (title_box, name_box):
        assert (box[0] + box[2]) / 2 == pytest.approx((left + right) / 2, abs=1.0)


def test_page_one_text_area_is_recorded_from_the_preset_margins(tmp_path: Path) -> None:
    pdf = _built(tmp_path, "meeting.yaml", "report")
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        places = read_destinations(doc)
    mm = 72 / 25.4
    page = PRESETS["nd30"].page
    assert places[TEXT_AREA] == pytest.approx(
        (
            0,
            page.left_mm * mm,
            page.bottom_mm * mm,
            (page.width_mm - page.right_mm) * mm,
            (page.height_mm - page.top_mm) * mm,
        ),
        abs=0.01,
    )


def test_a_document_without_a_signer_records_no_signer_space_and_stays_pdfa(tmp_path: Path) -> None:
    pdf = _built(tmp_path, "meeting.yaml", "press")
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert SIGNER_SPACE not in read_destinations(doc)
    assert check_pdfa(pdf) == []


def test_the_recorded_places_are_plain_fitr_destinations(tmp_path: Path) -> None:
    pdf = _built(tmp_path, "meeting.yaml", "report")
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        dests = pikepdf.NameTree(doc.Root.Names.Dests)
        entry = dests[SIGNER_SPACE]
        assert entry[1] == pikepdf.Name.FitR
        assert entry[0].objgen == doc.pages[len(doc.pages) - 1].obj.objgen
    assert check_pdfa(pdf) == []
