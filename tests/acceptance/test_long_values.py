"""Issue 11 acceptance: no length breaks anything.

A meeting with 400-character titles, 600-character reasons, 150-character unit names and
four-position chairs (``long_values.py``) builds every kind in every format it has, for a
state and a Party body; no two words overprint on any PDF page (``pdftotext -bbox`` word
boxes); every PDF is PDF/A-2b; metadata and file names are shortened, never refused.
"""

from __future__ import annotations

import shutil
from typing import Any

import pikepdf
import pytest
import yaml
from docx import Document as open_docx

from tests.acceptance.conftest import SAMPLES, need, pdftotext
from tests.acceptance.long_values import REASON, TITLE, UNIT, long_values_data
from tests.acceptance.overprint import overprints
from umt_reports.build import build
from umt_reports.render.pdf.pdfa import check_pdfa

KINDS = {
    "report": ["docx", "pdf", "html"],
    "press": ["docx", "pdf", "html", "html-fragment"],
    "press-release": ["docx", "pdf", "html"],
    "decision": ["docx", "pdf", "html"],
    "certificates": ["pdf"],
}


@pytest.fixture(scope="module", params=["state", "party"])
def long_build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], list]:
    """The long-values meeting of one body, built in every kind and format."""
    folder = tmp_path_factory.mktemp(f"long-{request.param}")
    shutil.copytree(SAMPLES / "photos", folder / "photos")
    base = yaml.safe_load((SAMPLES / "meeting.yaml").read_text(encoding="utf-8"))
    data = long_values_data(base)
    if request.param == "party":
        data["profile"] = "bdv-huyen-uy-u-minh-thuong"
        data["report"]["signer"] = {"name": "Phạm Văn Út", "title": "Trưởng ban", "mode": "TM"}
    path = folder / "meeting.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    files = []
    for kind, formats in KINDS.items():
        files += build(path, folder / "out", kinds=[kind], formats=formats).files
    if request.param == "state":  # -- the state profile describes a pre-printed form --
        files += build(path, folder / "out", kinds=["certificates-form"], formats=["pdf"]).files
    return data, files


def test_the_data_holds_values_of_the_lengths_the_issue_names() -> None:
    data = long_values_data(yaml.safe_load((SAMPLES / "meeting.yaml").read_text(encoding="utf-8")))
    assert len(data["meeting"]["title"]) == TITLE
    assert len(data["awards"][0]["reason"]) == REASON
    assert len(data["awards"][0]["collectives"]["members"][0]["name"]) == UNIT
    assert all(len(chair["positions"]) == 4 for chair in data["chairs"])


@pytest.mark.slow
def test_every_kind_builds_in_every_format(long_build: tuple[dict[str, Any], list]) -> None:
    _data, files = long_build
    expected = [(k, f) for k, fs in KINDS.items() for f in fs]
    if any(f.kind == "certificates-form" for f in files):
        expected.append(("certificates-form", "pdf"))
    assert sorted((f.kind, f.format) for f in files) == sorted(expected)
    for written in files:
        assert written.path.stat().st_size > 0
        assert len(written.path.name.encode()) <= 140


@pytest.mark.slow
def test_no_two_words_overprint_on_any_page(long_build: tuple[dict[str, Any], list]) -> None:
    need("pdftotext")
    _data, files = long_build
    for written in (f for f in files if f.format == "pdf"):
        # -- a form's calibration page labels each field at its anchor, over the sample text --
        clashes = [c for c in overprints(written.path) if written.kind != "certificates-form" or c[0].page > 1]
        assert clashes == [], f"{written.path.name}: {clashes[:3]}"


@pytest.mark.slow
def test_every_pdf_is_pdfa_2b_with_metadata_shortened(long_build: tuple[dict[str, Any], list]) -> None:
    _data, files = long_build
    for written in (f for f in files if f.format == "pdf"):
        assert check_pdfa(written.path) == []
        with pikepdf.open(written.path) as pdf:
            title = str(pdf.docinfo["/Title"])
            full = written.document.meta.title
            assert title == full if len(full) <= 255 else (len(title) <= 255 and title.endswith("…"))
            meta = pdf.open_metadata()
            assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"


@pytest.mark.slow
def test_docx_core_properties_are_cut_to_255_characters_at_a_word(long_build: tuple[dict[str, Any], list]) -> None:
    _data, files = long_build
    for written in (f for f in files if f.format == "docx"):
        core = open_docx(str(written.path)).core_properties
        for value in (core.title, core.subject, core.keywords):
            assert len(value) <= 255
        full = written.document.meta.title
        if len(full) > 255:  # -- cut after a whole word of the full title --
            assert core.title.endswith("…") and full.startswith(core.title[:-1])
            assert full[len(core.title) - 1] == " "
        # -- the page itself keeps the whole subject --
        text = " ".join(p.text for p in open_docx(str(written.path)).paragraphs)
        assert " ".join(written.document.meta.subject.split()).casefold() in " ".join(text.split()).casefold()


@pytest.mark.slow
def test_more_recipients_than_a_page_holds_break_the_signature_block_not_the_build(tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("recipients")
    shutil.copytree(SAMPLES / "photos", folder / "photos")
    data = yaml.safe_load((SAMPLES / "meeting.yaml").read_text(encoding="utf-8"))
    data["report"]["recipients"] = [f"UBND xã số {i}" for i in range(150)]
    path = folder / "meeting.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (pdf,) = build(path, folder / "out", kinds=["report"], formats=["pdf"]).files
    pages = pdftotext(pdf.path).split("\f")
    signed = next(i for i, page in enumerate(pages) if "Nguyễn Quốc Khởi" in page and "CHỦ TỊCH" in page)
    assert "Trên đây là báo cáo" in pages[signed]  # -- still with the last paragraph --
    assert all(f"UBND xã số {i};" in pdftotext(pdf.path) for i in (0, 75, 149))
    assert overprints(pdf.path) == []


def test_the_overprint_check_sees_two_words_drawn_on_each_other(tmp_path) -> None:
    import datetime as dt

    from umt_reports.documents.document import DocMeta, Document, Placed
    from umt_reports.render import render
    from umt_reports.style import CERTIFICATE

    meta = DocMeta(
        kind="test",
        type_name="Giấy khen",
        type_code="",
        subject="thử",
        code=None,
        number=None,
        date=dt.date(2022, 6, 17),
        issuer="A",
        issuer_symbol="UBND",
    )
    doc = Document(
        meta=meta,
        preset=CERTIFICATE,
        page_numbers=False,
        blocks=(
            Placed(100, 50, "Alpha", "certificate.recipient"),
            Placed(103, 51, "Beta", "certificate.recipient"),
            Placed(100, 90, "Gamma", "certificate.recipient"),
        ),
    )
    path = tmp_path / "clash.pdf"
    path.write_bytes(render(doc, "pdf").data)
    assert [(a.word, b.word) for a, b in overprints(path)] in ([("Alpha", "Beta")], [("Beta", "Alpha")])
