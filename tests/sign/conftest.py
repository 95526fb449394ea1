"""Fixtures for signing: a throwaway PKI, signature and seal pictures, the sample report as PDF/A."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

# -- tests import their helpers as plain modules (pytest runs in importlib mode) --
sys.path.insert(0, str(Path(__file__).parent))

from sign_pki import SAMPLE, Pki, issue, make_root


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    root, stranger = make_root("Test Root CA"), make_root("Stranger Root CA")
    return Pki(
        root=root,
        stranger=stranger,
        person=issue(root, "Nguyễn Văn Thử", "Ủy ban nhân dân huyện Thử"),
        office=issue(root, "Ủy ban nhân dân huyện Thử", "Ủy ban nhân dân huyện Thử"),
        expired=issue(root, "Lê Thị Hết Hạn", "Ủy ban nhân dân huyện Thử", expired=True),
        outsider=issue(stranger, "Người Ngoài", "Cơ quan khác"),
        tsa=issue(root, "Test TSA", timestamping=True),
        folder=tmp_path_factory.mktemp("pki"),
    )


def _png(size: tuple[int, int], draw: str) -> bytes:
    import io

    image = Image.new("RGBA", size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if draw == "signature":  # -- blue strokes on a transparent ground --
        pen.line([(20, 150), (120, 40), (200, 160), (380, 50)], fill=(0, 40, 200, 255), width=8)
    else:  # -- a red round seal --
        pen.ellipse([8, 8, size[0] - 8, size[1] - 8], outline=(220, 0, 0, 255), width=14)
        pen.ellipse([70, 70, size[0] - 70, size[1] - 70], outline=(220, 0, 0, 255), width=6)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="session")
def signature_png() -> bytes:
    return _png((400, 200), "signature")


@pytest.fixture(scope="session")
def seal_png() -> bytes:
    return _png((400, 400), "seal")


@pytest.fixture(scope="session")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The sample report as our renderer writes it (PDF/A-2b, signer space recorded)."""
    from umt_reports.build import build

    out = tmp_path_factory.mktemp("report")
    result = build(SAMPLE, out, kinds=["report"], formats=["pdf"])
    return result.files[0].path.read_bytes()
