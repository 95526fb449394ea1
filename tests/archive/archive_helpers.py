"""Helpers shared by the archive tests (and their subprocesses): fixture documents and manifests."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen import canvas

from umt_reports.render.pdf import pdfa_parts
from umt_reports.render.pdf.pdfa import PdfMetadata

ISSUER = "Ủy ban nhân dân huyện U Minh Thượng"
SUBJECT = (
    "Kết quả Hội nghị tổng kết 5 năm thực hiện chương trình phối hợp giữa Ban Dân vận Huyện ủy và Ủy ban nhân dân huyện"
)


@dataclass(frozen=True)
class Doc:
    """What a fixture PDF says; ``body`` makes two documents with the same metadata differ."""

    number: int | None = 25
    date: dt.date = dt.date(2022, 6, 22)
    subject: str = SUBJECT
    body: str = "Báo cáo kết quả hội nghị."
    kind: str = "report"
    type_name: str = "Báo cáo"
    symbol: str = "BC-UBND"
    issuer: str = ISSUER
    #: (name, title) of the signer.
    signer: tuple[str, str] = ("Nguyễn Quốc Khởi", "Chủ tịch")
    pages: int = 1

    @property
    def code(self) -> str | None:
        return f"{self.number}/{self.symbol}" if self.number is not None else None

    @property
    def file_name(self) -> str:
        code = f"_{self.number}-{self.symbol}" if self.number is not None else ""
        return f"{self.date.isoformat()}_bao-cao{code}.pdf"


def pdfa_bytes(doc: Doc, font_name: str) -> bytes:
    """PDF/A-2b bytes of a small reportlab document saying what ``doc`` says."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, initialFontName=font_name, initialFontSize=13)
    for page in range(doc.pages):
        c.drawString(72, 760, f"Số: {doc.code or '    /' + doc.symbol}")
        c.drawString(72, 740, doc.subject[:80])
        c.drawString(72, 720, f"{doc.body} Trang {page + 1}")
        c.showPage()
    meta = PdfMetadata(
        title=f"{doc.type_name} {doc.subject}",
        author=doc.issuer,
        subject=doc.subject,
        keywords=[doc.code or ""],
        created=doc.date,
    )
    return pdfa_parts.pdfa_bytes(c, meta)


def manifest_entry(doc: Doc, data: bytes, source_sha: str = "ab" * 32) -> dict[str, Any]:
    """A manifest entry as umt_reports.build writes it."""
    return {
        "kind": doc.kind,
        "format": "pdf",
        "path": doc.file_name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "title": f"{doc.type_name} {doc.subject}",
        "type": doc.type_name,
        "subject": doc.subject,
        "code": doc.code,
        "number": doc.number,
        "date": doc.date.isoformat(),
        "issuer": doc.issuer,
        "signer": {"name": doc.signer[0], "title": doc.signer[1]},
        "pages": doc.pages,
        "font": "Liberation Serif (system: /usr/share/fonts)",
        "pdfa": "2B",
        "source": {"file": "meeting.yaml", "sha256": source_sha},
    }
