"""Data tables take a fast path in the PDF renderer (``PagedTable``, ``CellText``,
``CellParagraph`` in render/pdf/flowables.py); these tests check that it draws exactly
the pages reportlab's ``LongTable`` of paragraph cells draws. Pages are compared as
pixels (poppler's ``pdftoppm``); a missing poppler fails the tests, as elsewhere.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.platypus import LongTable, TableStyle

from umt_reports.documents.document import Cell, Column, DocMeta, Document, Para, Table
from umt_reports.render import RenderOptions
from umt_reports.render.fonts import face_name
from umt_reports.render.pdf import render_pdf
from umt_reports.render.pdf.story import StoryBuilder
from umt_reports.style import HD36, ND30, Preset

POSITIONS = (
    "Chủ tịch UBND xã",
    "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã Thạnh Yên A, huyện U Minh Thượng",
    "Trưởng ấp",
    "Công chức Văn phòng - Thống kê",
)


def reference_table(builder: StoryBuilder, block: Table) -> LongTable:
    """The table as reportlab's LongTable of paragraph cells (how the renderer drew it before)."""
    ncols = len(block.columns)
    data: list[list[object]] = [[builder.cell((Para.of("table.header", c.header),)) for c in block.columns]]
    spans = []
    for r, row in enumerate(block.rows, start=1):
        line: list[object] = []
        for cell in row:
            col = len(line)
            line.append(builder.cell((Para.of(cell.role or block.columns[col].role, cell.text),)))
            span = max(1, min(cell.span, ncols - col))
            if span > 1:
                spans.append(("SPAN", (col, r), (col + span - 1, r)))
                line.extend("" for _ in range(span - 1))
        line.extend("" for _ in range(ncols - len(line)))
        data.append(line)
    pad = builder.preset.cell_padding_pt
    table = LongTable(
        data,
        colWidths=[c.width * builder.text_width for c in block.columns],
        repeatRows=1,
        hAlign="CENTER",
        splitInRow=0,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), face_name(builder.family), builder.preset.style("table.cell").size),
                ("GRID", (0, 0), (-1, -1), builder.preset.grid_pt, "black"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                *(
                    (side, (0, 0), (-1, -1), pad)
                    for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
                ),
                *spans,
            ]
        )
    )
    return table


def long_document(preset: Preset, rows: int) -> Document:
    """A heading, then a table of ``rows`` awardees: centred and right-aligned cells, cells that
    wrap, group rows spanning the table, an empty cell, repeated spaces, an underlined role."""
    columns = (
        Column("STT", 0.08, "table.cell.center"),
        Column("Họ và tên", 0.30),
        Column("Chức vụ, đơn vị", 0.44),
        Column("Số tiền (đồng)", 0.18, "table.cell.right"),
    )
    body: list[tuple[Cell, ...]] = []
    for i in range(1, rows + 1):
        if i % 40 == 1:
            body.append((Cell(f"{'I' * (i // 40 + 1)}. NHÓM {i // 40 + 1}", role="table.group", span=4),))
        name = "Nguyễn  Văn   An" if i % 17 == 0 else f"Trần Thị Bích {i}"
        amount = "" if i % 13 == 0 else f"{i * 150_000:,}".replace(",", ".")
        role = "title.subject" if i % 29 == 0 else None  # -- a role with a rule: drawn as a paragraph --
        body.append((Cell(str(i)), Cell(name, role=role), Cell(POSITIONS[i % len(POSITIONS)]), Cell(amount)))
    meta = DocMeta(
        kind="report",
        type_name="Báo cáo",
        type_code="BC",
        subject="Danh sách",
        code=None,
        number=None,
        date=dt.date(2022, 6, 22),
        issuer="Ủy ban nhân dân huyện",
        issuer_symbol="UBND",
    )
    blocks = (Para.of("heading.1", "DANH SÁCH CÁ NHÂN"), Table(columns, tuple(body)))
    return Document(meta=meta, preset=preset, blocks=blocks)


def page_images(pdf: bytes, folder: Path) -> list[bytes]:
    """Every page as a 50 dpi grey bitmap."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.fail("poppler tool 'pdftoppm' is not installed; this check needs it (apt-get install poppler-utils)")
    folder.mkdir()
    (folder / "doc.pdf").write_bytes(pdf)
    subprocess.run([tool, "-r", "50", "-gray", str(folder / "doc.pdf"), str(folder / "p")], check=True)
    return [page.read_bytes() for page in sorted(folder.glob("p-*.pgm"))]


@pytest.mark.parametrize(("preset", "rows"), [(ND30, 3), (ND30, 230), (HD36, 120)])
def test_the_fast_table_draws_the_pages_of_reportlabs_long_table(
    preset: Preset, rows: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = long_document(preset, rows)
    fast = render_pdf(doc, RenderOptions())
    monkeypatch.setattr(StoryBuilder, "table", reference_table)
    slow = render_pdf(doc, RenderOptions())
    assert fast.pages == slow.pages
    if rows > 100:
        assert fast.pages > 3
    assert page_images(fast.data, tmp_path / "fast") == page_images(slow.data, tmp_path / "slow")


# -- never the header and one row at the foot of a page (issue 11) -----------------------------

from umt_reports.documents.document import Spacer


def _rows_per_page(data: bytes, tmp_path: Path) -> list[int]:
    path = tmp_path / "t.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return [page.count("Hàng số") for page in text.split("\f") if "Hàng số" in page or "Họ và tên" in page]


@pytest.mark.slow
def test_a_table_never_leaves_its_header_and_one_row_at_the_foot_of_a_page(tmp_path: Path) -> None:
    columns = (Column("STT", 0.1, "table.cell.center"), Column("Họ và tên", 0.9))
    table = Table(columns, tuple((Cell(str(i)), Cell(f"Hàng số {i}")) for i in range(1, 9)))
    meta = DocMeta(
        kind="report",
        type_name="Báo cáo",
        type_code="BC",
        subject="thử",
        code=None,
        number=None,
        date=dt.date(2022, 6, 22),
        issuer="A",
        issuer_symbol="UBND",
    )
    seen_split = False
    for filler in range(560, 700, 6):  # -- push the table's start down the first page, point by point --
        heading = Para.of("heading.1", "I. DANH SÁCH", keep_with_next=True)
        doc = Document(meta, ND30, (Spacer(filler), heading, table), page_numbers=False)
        counts = _rows_per_page(render_pdf(doc, RenderOptions()).data, tmp_path)
        assert sum(counts) == 8
        if len(counts) > 1:
            seen_split = True
            assert counts[0] != 1, f"filler {filler}: {counts}"
    assert seen_split
