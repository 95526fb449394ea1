"""Placed blocks in the PDF: text and lines land where the millimetres say, checked from outside.

Pages are read back with poppler's ``pdftotext -bbox`` (word boxes in points from the
top-left corner) and the content stream with pikepdf.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from umt_reports.documents import DocMeta, Document, PageBreak, Para, Placed, PlacedLine
from umt_reports.render import render
from umt_reports.style import CERTIFICATE, PageSpec

MM = 72 / 25.4


def document(*blocks, page: PageSpec | None = None) -> Document:
    meta = DocMeta(
        kind="test",
        type_name="Giấy khen",
        type_code="",
        subject="thử",
        code=None,
        number=None,
        date=dt.date(2022, 6, 17),
        issuer="Ủy ban nhân dân huyện A",
        issuer_symbol="UBND",
    )
    return Document(
        meta=meta, preset=CERTIFICATE, blocks=tuple(blocks), page=page or CERTIFICATE.page, page_numbers=False
    )


def words(pdf: bytes, tmp_path: Path, page: int = 1) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) in points from the top-left corner of ``page``."""
    path = tmp_path / "placed.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(pattern, out)]


def test_left_centre_and_right_anchors_put_the_text_where_the_mm_say(tmp_path: Path) -> None:
    pdf = render(
        document(
            Placed(40, 50, "Trái", "certificate.recipient", "left"),
            Placed(148.5, 90, "Giữa", "certificate.recipient", "center"),
            Placed(250, 130, "Phải", "certificate.recipient", "right"),
        ),
        "pdf",
    ).data
    found = {w: (x0, y0, x1, y1) for w, x0, y0, x1, y1 in words(pdf, tmp_path)}
    left, centre, right = found["Trái"], found["Giữa"], found["Phải"]
    assert left[0] == pytest.approx(40 * MM, abs=1.0)
    assert (centre[0] + centre[2]) / 2 == pytest.approx(148.5 * MM, abs=1.0)
    assert right[2] == pytest.approx(250 * MM, abs=1.0)
    # -- y is the baseline: the word box spans it, descent below and ascent above --
    for (_, y0, _, y1), y_mm in ((left, 50), (centre, 90), (right, 130)):
        assert y0 < y_mm * MM < y1 and (y_mm * MM - y0) > 3 * (y1 - y_mm * MM)


def test_width_wraps_lines_and_newlines_break_them(tmp_path: Path) -> None:
    text = "một hai ba bốn năm sáu bảy tám chín mười " * 3
    pdf = render(
        document(
            Placed(148.5, 60, text.strip(), "certificate.achievement", "center", width_mm=80),
            Placed(30, 150, "dòng một\ndòng hai", "certificate.decision"),
        ),
        "pdf",
    ).data
    found = words(pdf, tmp_path)
    tops = sorted({round(y0) for w, _, y0, _, _ in found if w != "dòng"})
    assert len(tops) >= 3  # -- 120 characters in 80 mm at 15 pt: several lines --
    assert all(x1 - x0 < 80 * MM for w, x0, _, x1, _ in found)
    lines = sorted(y0 for w, _, y0, _, _ in found if w == "dòng")
    assert len(lines) == 2 and lines[1] - lines[0] == pytest.approx(13 * 1.15, abs=1.0)


def test_size_override_and_role_faces_are_used(tmp_path: Path) -> None:
    pdf = render(
        document(Placed(20, 40, "Lớn", "certificate.unit", size_pt=30), Placed(20, 80, "Nhỏ", "certificate.unit")),
        "pdf",
    ).data
    found = {w: y1 - y0 for w, _, y0, _, y1 in words(pdf, tmp_path)}
    assert found["Lớn"] / found["Nhỏ"] == pytest.approx(30 / 15, rel=0.05)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        fonts = {str(f.get("/BaseFont")) for f in doc.pages[0].Resources.Font.values()}
    assert any("Italic" in name for name in fonts)  # -- certificate.unit is italic --


def test_lines_are_stroked_in_their_role_width_and_ink() -> None:
    pdf = render(
        document(
            PlacedLine(10, 10, 287, 10, "certificate.frame.outer"), PlacedLine(10, 20, 10, 200, "calibration.tick")
        ),
        "pdf",
    ).data
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        content = doc.pages[0].Contents.read_bytes().decode("latin-1")
    assert "2.4 w" in content and ".3 w" in content
    # -- 10 mm from the left and from the top of a 210 mm high page; 20 to 200 mm down --
    assert "28.34646 566.9291 m 813.5433 566.9291 l S" in content
    assert "28.34646 538.5827 m 28.34646 28.34646 l S" in content
    assert "BT" not in content  # -- no empty text object --
    assert re.search(r"\.627451 \.078431 \.117647 RG", content)  # -- #A0141E frame ink --


def test_placed_pages_count_one_page_per_page_break_and_pass_pdfa(tmp_path: Path) -> None:
    blocks = []
    for index in range(5):
        if index:
            blocks.append(PageBreak())
        blocks += [
            PlacedLine(9, 9, 288, 9, "certificate.frame.inner"),
            Placed(148.5, 100, f"Trang {index + 1}", "certificate.title", "center"),
        ]
    rendered = render(document(*blocks), "pdf")
    assert rendered.pages == 5 and rendered.pdfa == "2B"
    assert [w for w, *_ in words(rendered.data, tmp_path, page=4)] == ["Trang", "4"]


def test_placed_text_mixes_with_flowing_paragraphs_without_taking_room(tmp_path: Path) -> None:
    pdf = render(
        document(Placed(200, 30, "Góc", "certificate.recipient"), Para.of("body", "Đoạn văn đầu trang.")), "pdf"
    ).data
    found = {w: y0 for w, _, y0, _, _ in words(pdf, tmp_path)}
    # -- the paragraph starts at the top margin (12 mm), as if the placed text were not there --
    assert found["Đoạn"] == pytest.approx(12 * MM, abs=6)


def test_a_custom_paper_size_measures_from_its_own_top_edge(tmp_path: Path) -> None:
    page = PageSpec(width_mm=200, height_mm=150, top_mm=10, bottom_mm=10, left_mm=10, right_mm=10)
    pdf = render(document(Placed(100, 75, "Tâm", "certificate.recipient", "center"), page=page), "pdf").data
    ((_, x0, y0, x1, y1),) = words(pdf, tmp_path)
    assert (x0 + x1) / 2 == pytest.approx(100 * MM, abs=1.0) and y0 < 75 * MM < y1


# -- a column of placed texts (the middle of a Giấy khen, issue 11) ----------------------------

from umt_reports.errors import RenderError


def _column(*texts: str, bottom: float = 146.0, min_scale: float = 0.6) -> list[Placed]:
    roles = ("certificate.recipient", "certificate.unit", "certificate.achievement")
    ys = (100.0, 110.0, 122.0)
    return [
        Placed(148.5, y, text, role, "center", width_mm=225, group="column", bottom_mm=bottom, min_scale=min_scale)
        for y, text, role in zip(ys, texts, roles)
    ]


def _box(found: list[tuple[str, float, float, float, float]], word: str) -> tuple[float, float, float, float]:
    return next((x0, y0, x1, y1) for w, x0, y0, x1, y1 in found if w == word)


def test_a_column_of_one_line_texts_stays_where_the_layout_puts_it(tmp_path: Path) -> None:
    pdf = render(document(*_column("Alpha", "Beta", "Gamma")), "pdf").data
    found = words(pdf, tmp_path)
    for word, y_mm in (("Alpha", 100), ("Beta", 110), ("Gamma", 122)):
        _x0, y0, _x1, y1 = _box(found, word)
        assert y0 < y_mm * MM < y1


def test_a_wrapped_text_pushes_the_texts_under_it_down(tmp_path: Path) -> None:
    long_unit = " ".join(["Ủy ban nhân dân xã Thạnh Yên"] * 8)
    pdf = render(document(*_column("Alpha", long_unit, "Gamma")), "pdf").data
    found = words(pdf, tmp_path)
    units = [b for b in found if b[0] == "Thạnh"]
    gamma = _box(found, "Gamma")
    assert len({round(b[2]) for b in units}) >= 2  # -- the unit took two lines or more --
    assert gamma[1] > max(b[4] for b in units)  # -- and Gamma starts below its last line --
    assert gamma[3] <= 146 * MM + 0.5


def test_a_column_too_long_for_its_room_shrinks_every_text_together(tmp_path: Path) -> None:
    reason = " ".join(["có thành tích xuất sắc trong công tác phối hợp"] * 14)
    pdf = render(document(*_column("Alpha", "Beta", reason)), "pdf").data
    found = words(pdf, tmp_path)
    alpha = _box(found, "Alpha")
    assert alpha[3] - alpha[1] < 22 * 1.0  # -- the 22 pt name is set smaller --
    assert max(b[4] for b in found) <= 146 * MM + 0.5  # -- nothing below the column's bottom --


def test_a_column_that_cannot_fit_even_shrunk_is_refused_with_its_text() -> None:
    name = "Nguyễn" + "a" * 400
    with pytest.raises(RenderError) as raised:
        render(document(*_column(name, "Beta", "Gamma")), "pdf")
    (problem,) = raised.value.problems
    assert problem.code == "render.placed_overflow" and problem.params["value"] == name
