"""Issue: the archival PDF drawn from the same Document — same text as the DOCX, PDF/A-2b, reproducible."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import unicodedata

import docx
import pikepdf

from tests.acceptance.conftest import SAMPLES, need, pdftotext
from umt_reports.build import build
from umt_reports.render.pdf.pdfa import check_pdfa


def docx_text(path) -> str:
    """The DOCX's text in reading order: paragraphs, and table cells row by row."""
    document = docx.Document(path)
    parts: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append("".join(t.text or "" for t in child.iter("{*}t")))
        elif tag == "tbl":
            for row in child.iter("{*}tr"):
                for cell in row.iter("{*}tc"):
                    parts.append(" ".join("".join(t.text or "" for t in p.iter("{*}t")) for p in cell.iter("{*}p")))
    return normalise(" ".join(parts))


def pdf_text(path) -> str:
    """pdftotext in content order, without the page-number lines."""
    lines = [line for line in pdftotext(path, "-raw").splitlines() if not re.fullmatch(r"\s*\d+\s*", line)]
    return normalise(" ".join(lines))


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_the_pdf_says_exactly_what_the_docx_says(built) -> None:
    for paths in built.values():
        assert pdf_text(paths["pdf"]) == docx_text(paths["docx"])


def test_decomposed_unicode_input_comes_back_composed(tmp_path, built) -> None:
    text = (SAMPLES / "meeting.yaml").read_text(encoding="utf-8")
    nfd = tmp_path / "meeting.yaml"
    nfd.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    if not (tmp_path / "photos").exists():
        shutil.copytree(SAMPLES / "photos", tmp_path / "photos")
    [pdf] = build(nfd, tmp_path / "out", formats=["pdf"]).files
    extracted = pdf_text(pdf.path)
    assert extracted == pdf_text(built["state"]["pdf"])
    assert "Nguyễn Quốc Khởi" in extracted and unicodedata.is_normalized("NFC", extracted)


def test_every_font_is_embedded_and_the_file_is_pdfa_2b(built) -> None:
    for paths in built.values():
        fonts = subprocess.run(
            [need("pdffonts"), str(paths["pdf"])], check=True, capture_output=True, text=True
        ).stdout.splitlines()[2:]
        assert fonts, "no fonts listed"
        assert all(line.split()[-5] == "yes" for line in fonts), fonts  # -- the "emb" column --
        assert check_pdfa(paths["pdf"]) == []
        with pikepdf.open(paths["pdf"]) as pdf:
            meta = pdf.open_metadata()
            assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
            assert meta["dc:title"].startswith("Báo cáo Kết quả Hội nghị") or meta["dc:title"].startswith(
                "Báo cáo kết quả"
            )
            assert "25-BC/BDVHU" in meta["pdf:Keywords"] or "25/BC-UBND" in meta["pdf:Keywords"]


def test_building_twice_gives_the_same_bytes(tmp_path, built) -> None:
    [again] = build(SAMPLES / "meeting.yaml", tmp_path, formats=["pdf"]).files
    assert (
        hashlib.sha256(again.path.read_bytes()).hexdigest()
        == hashlib.sha256(built["state"]["pdf"].read_bytes()).hexdigest()
    )


def test_the_manifest_records_pages_font_pdfa_and_checksum(built) -> None:
    import json

    manifest = json.loads((built["state"]["pdf"].parent / "manifest.json").read_text(encoding="utf-8"))
    [entry] = [e for e in manifest["files"] if e["format"] == "pdf"]
    assert entry["pdfa"] == "2B" and entry["pages"] >= 2 and entry["font"]
    assert entry["sha256"] == hashlib.sha256(built["state"]["pdf"].read_bytes()).hexdigest()
    assert entry["code"] == "25/BC-UBND" and entry["date"] == "2022-06-22"
