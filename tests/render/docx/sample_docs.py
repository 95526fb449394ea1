"""Hand-built Documents for the DOCX renderer tests (texts final, as documents/ would give them)."""

from __future__ import annotations

import datetime as dt
import io

from PIL import Image as PILImage

from umt_reports.documents.document import (
    Annex,
    Block,
    Cell,
    Column,
    DocMeta,
    Document,
    HeaderBlock,
    Image,
    PageBreak,
    Para,
    Rule,
    Run,
    SignatureBlock,
    Spacer,
    Table,
)
from umt_reports.style import ND30, Preset

PARENT = {"nd30": "UBND HUYỆN U MINH THƯỢNG", "hd36": "HUYỆN ỦY U MINH THƯỢNG"}
ORG = {"nd30": "VĂN PHÒNG HĐND VÀ UBND", "hd36": "BAN DÂN VẬN"}
SYMBOL = {"nd30": "UBND", "hd36": "BDVHU"}
SUBJECT = "Tổng kết 5 năm thực hiện chương trình phối hợp giữa Ban Dân vận Huyện ủy và Ủy ban nhân dân huyện"
DATE_LINE = "U Minh Thượng, ngày 22 tháng 6 năm 2022"
PARAGRAPH = (
    "Trong giai đoạn 2016-2021, Ban Dân vận Huyện ủy và Ủy ban nhân dân huyện đã phối hợp chặt chẽ trong "
    "việc triển khai thực hiện công tác dân vận chính quyền, gắn với thực hiện Quy chế dân chủ ở cơ sở; "
    "tốc độ tăng trưởng kinh tế bình quân đạt 19,4%/năm, tỷ lệ giải quyết thủ tục hành chính đúng hạn "
    "hằng năm đạt 93,32%; 47 đơn thuộc thẩm quyền đã được giải quyết, đạt 100%."
)
NAMES = ("Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Cường", "Phạm Thị Dung", "Võ Minh Đức", "Huỳnh Thị Én")


def meta(preset: Preset, date: dt.date | None = dt.date(2022, 6, 22)) -> DocMeta:
    """Metadata of the sample report."""
    return DocMeta(
        kind="report",
        type_name="Báo cáo",
        type_code="BC",
        subject=SUBJECT,
        code=f"25/BC-{SYMBOL[preset.name]}",
        number=25,
        date=date,
        issuer="Ủy ban nhân dân huyện U Minh Thượng",
        issuer_symbol=SYMBOL[preset.name],
        keywords=("tổng kết", "dân vận", "2016-2021"),
    )


def header(preset: Preset) -> HeaderBlock:
    """The official two-column header of page 1."""
    org = ORG[preset.name]
    left: tuple[Block, ...] = (
        Para.of("header.parent", PARENT[preset.name]),
        Para.of("header.org", org),
        Rule(preset.org_rule, org, "header.org"),
    )
    right: list[Block] = [Para.of(role, text) for role, text in preset.nation_lines]
    last_role, last_text = preset.nation_lines[-1]
    right.append(Rule(preset.nation_rule, last_text, last_role))
    number = Para.of("number", preset.number(25, "BC", SYMBOL[preset.name]))
    return HeaderBlock(((left, tuple(right)), ((number,), (Para.of("date_line", DATE_LINE),))))


def awards_table() -> Table:
    """A table with a merged group row."""
    columns = (
        Column("STT", 0.08, "table.cell.center"),
        Column("Họ và tên", 0.32),
        Column("Chức vụ, đơn vị", 0.60),
    )
    rows: list[tuple[Cell, ...]] = [(Cell("I. Cá nhân", role="table.group", span=3),)]
    for i, name in enumerate(NAMES, start=1):
        rows.append((Cell(str(i)), Cell(name), Cell(f"Chủ tịch UBND xã Thạnh Yên {i}")))
    return Table(columns, tuple(rows))


def signature(preset: Preset) -> SignatureBlock:
    """Recipients left, signer right."""
    return SignatureBlock(
        left=(
            Para.of("recipients.label", preset.recipients_label),
            Para.of("recipients.item", "- Thường trực Huyện ủy;"),
            Para.of("recipients.item", "- Ban Dân vận Tỉnh ủy;"),
            Para.of("recipients.item", preset.filing_pattern.format(codes="VT, VP")),
        ),
        right=(
            Para.of("signature.authority", f"{preset.prefix('TM')} ỦY BAN NHÂN DÂN"),
            Para.of("signature.title", "CHỦ TỊCH"),
            Spacer(preset.signature_space_pt),
            Para.of("signature.name", "Nguyễn Quốc Khởi"),
        ),
    )


def picture_png(width: int = 64, height: int = 40) -> bytes:
    """A small solid PNG."""
    buf = io.BytesIO()
    PILImage.new("RGB", (width, height), (40, 90, 160)).save(buf, format="PNG")
    return buf.getvalue()


def report(
    preset: Preset = ND30,
    *,
    paragraphs: int = 8,
    annex: bool = True,
    image: bool = False,
    date: dt.date | None = dt.date(2022, 6, 22),
    page_numbers: bool = True,
) -> Document:
    """A report of two or more pages: header, title, sections, a table, signature, optional annex."""
    blocks: list[Block] = [
        header(preset),
        Para.of("title.kind", "BÁO CÁO"),
        Para.of("title.subject", SUBJECT),
        Rule(preset.subject_rule, SUBJECT, "title.subject"),
        Para.of("heading.1", "I. ĐẶC ĐIỂM TÌNH HÌNH"),
    ]
    blocks += [Para.of("body", PARAGRAPH) for _ in range(paragraphs)]
    blocks.append(
        Para(
            "body",
            (Run("Kết quả nổi bật: ", bold=True), Run("đã hoàn thành "), Run("22/27", italic=True), Run(" chỉ tiêu.")),
        )
    )
    blocks.append(Para.of("heading.1", "II. KẾT QUẢ THỰC HIỆN"))
    blocks.append(awards_table())
    if image:
        blocks.append(
            Image(picture_png(), 64, 40, width=0.5, caption=Para.of("caption", "Quang cảnh hội nghị"), alt="Quang cảnh")
        )
    blocks += [Para.of("body", PARAGRAPH) for _ in range(2)]
    blocks.append(
        Para.of("body", "Trên đây là báo cáo tổng kết." + (" " + preset.closing_mark if preset.closing_mark else ""))
    )
    blocks.append(signature(preset))
    annexes: tuple[Annex, ...] = ()
    if annex:
        annex_blocks: list[Block] = [
            Para.of("annex.label", "PHỤ LỤC"),
            Para.of("annex.title", "Danh sách cá nhân được khen thưởng"),
            Para.of("annex.ref", "(Kèm theo Báo cáo số 25/BC-UBND ngày 22 tháng 6 năm 2022)"),
            awards_table(),
            PageBreak(),
            Para.of("body", PARAGRAPH),
        ]
        annexes = (Annex(tuple(annex_blocks)),)
    return Document(meta(preset, date), preset, tuple(blocks), annexes, page_numbers=page_numbers)
