"""Acceptance: the .docx laid out by LibreOffice (PDF) has page numbers, header, rules and margins right."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image as PILImage

from umt_reports.render import RenderOptions
from umt_reports.render.docx import render_docx
from umt_reports.render.measure import PT_PER_MM
from umt_reports.style import HD36, ND30, Preset

_spec = importlib.util.spec_from_file_location("umt_docx_sample_docs", Path(__file__).with_name("sample_docs.py"))
assert _spec is not None and _spec.loader is not None
sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample)

pytestmark = [pytest.mark.slow, pytest.mark.needs_soffice]
PRESETS = pytest.mark.parametrize("preset", [ND30, HD36], ids=["nd30", "hd36"])
#: Raster resolution of the rule checks (dots per inch); one pixel is 0.5 pt.
DPI = 144
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


@dataclass(frozen=True)
class Word:
    """A word of the PDF with its box in points from the top-left corner."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]

    def line_of(self, phrase: str) -> list[Word]:
        """The words of ``phrase`` where they appear in sequence (empty if they do not)."""
        wanted = phrase.split()
        texts = [w.text for w in self.words]
        for i in range(len(texts) - len(wanted) + 1):
            if texts[i : i + len(wanted)] == wanted:
                return list(self.words[i : i + len(wanted)])
        return []


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(
            f"{name} is not on PATH: the DOCX acceptance tests need LibreOffice (soffice) and poppler-utils "
            f"(pdftotext, pdftoppm); install them (Debian: apt-get install libreoffice-writer poppler-utils)"
        )
    return found


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample report of each preset rendered to .docx and converted to PDF by LibreOffice (one run)."""
    soffice = _tool("soffice")
    _tool("pdftotext")
    _tool("pdftoppm")
    out = tmp_path_factory.mktemp("docx-pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    sources = []
    for preset in (ND30, HD36):
        path = out / f"{preset.name}.docx"
        path.write_bytes(render_docx(sample.report(preset, image=True), RenderOptions()).data)
        sources.append(str(path))
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *sources],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    found = {preset.name: out / f"{preset.name}.pdf" for preset in (ND30, HD36)}
    missing = [str(p) for p in found.values() if not p.is_file()]
    assert not missing, f"LibreOffice wrote no PDF for {missing}"
    return found


def pages(pdf: Path) -> list[Page]:
    """Every page of ``pdf`` with its words (pdftotext -bbox)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    result = []
    for width, height, content in _PAGE.findall(html):
        words = tuple(Word(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in _WORD.findall(content))
        result.append(Page(float(width), float(height), words))
    return result


def page_text(pdf: Path, number: int) -> list[str]:
    """The non-blank lines of page ``number`` (pdftotext -f N -l N)."""
    text = subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [line.strip() for line in text.splitlines() if line.strip()]


def in_top_margin(page: Page, preset: Preset) -> list[str]:
    return [w.text for w in page.words if w.y1 < preset.page.top_mm * PT_PER_MM]


@PRESETS
def test_page_one_has_no_page_number_and_page_two_starts_with_2(preset: Preset, pdfs: dict[str, Path]) -> None:
    pdf = pdfs[preset.name]
    laid_out = pages(pdf)
    assert len(laid_out) >= 3  # a body of two or more pages, then the annex
    assert in_top_margin(laid_out[0], preset) == []
    assert page_text(pdf, 1)[0] != "1"
    assert page_text(pdf, 2)[0] == "2"
    assert in_top_margin(laid_out[1], preset) == ["2"]
    number = laid_out[1].words[0]
    text_centre = (preset.page.left_mm + preset.page.text_width_mm / 2) * PT_PER_MM
    assert number.centre == pytest.approx(text_centre, abs=2 * PT_PER_MM)


@PRESETS
def test_annex_starts_a_page_without_number_and_counts_from_one(preset: Preset, pdfs: dict[str, Path]) -> None:
    laid_out = pages(pdfs[preset.name])
    annex = next(i for i, page in enumerate(laid_out) if page.line_of("PHỤ LỤC"))
    assert annex >= 2
    assert in_top_margin(laid_out[annex], preset) == []
    assert in_top_margin(laid_out[annex + 1], preset) == ["2"]


@PRESETS
def test_header_columns_keep_their_widths(preset: Preset, pdfs: dict[str, Path]) -> None:
    first = pages(pdfs[preset.name])[0]
    left_mm, right_mm = preset.header_columns_mm
    margin = preset.page.left_mm
    role, nation = preset.nation_lines[0]
    line = first.line_of(nation)
    assert line, f"{nation!r} is not on one line of page 1"
    assert len({round(w.y0) for w in line}) == 1
    right_centre = (margin + left_mm + right_mm / 2) * PT_PER_MM
    assert (line[0].x0 + line[-1].x1) / 2 == pytest.approx(right_centre, abs=1.5 * PT_PER_MM)
    number = first.line_of(preset.number(25, "BC", sample.SYMBOL[preset.name]))
    assert number
    assert (number[0].x0 + number[-1].x1) / 2 == pytest.approx((margin + left_mm / 2) * PT_PER_MM, abs=1.5 * PT_PER_MM)
    date = first.line_of(sample.DATE_LINE)
    assert date and (date[0].x0 + date[-1].x1) / 2 == pytest.approx(right_centre, abs=1.5 * PT_PER_MM)


@PRESETS
def test_nothing_runs_off_the_text_area(preset: Preset, pdfs: dict[str, Path]) -> None:
    spec = preset.page
    slack = 1.0 * PT_PER_MM
    for index, page in enumerate(pages(pdfs[preset.name]), start=1):
        assert (page.width, page.height) == (
            pytest.approx(210 * PT_PER_MM, abs=1),
            pytest.approx(297 * PT_PER_MM, abs=1),
        )
        for word in page.words:
            where = f"page {index}: {word}"
            assert spec.left_mm * PT_PER_MM - slack <= word.x0, where
            assert word.x1 <= (spec.width_mm - spec.right_mm) * PT_PER_MM + slack, where
            assert 0 <= word.y0 and word.y1 <= (spec.height_mm - spec.bottom_mm) * PT_PER_MM + slack, where


def _dark_runs(image: PILImage.Image, top_pt: float, bottom_pt: float) -> list[tuple[float, float, float]]:
    """Horizontal runs of dark pixels between two heights: (y, x0, x1) in points, longest first."""
    scale = DPI / 72
    gray = image.convert("L")
    runs = []
    for y in range(int(top_pt * scale), int(bottom_pt * scale) + 1):
        start = None
        row = [gray.getpixel((x, y)) for x in range(gray.width)]
        for x, value in enumerate(row + [255]):
            if value < 128 and start is None:
                start = x
            elif value >= 128 and start is not None:
                runs.append((y / scale, start / scale, x / scale))
                start = None
    return sorted(runs, key=lambda r: r[1] - r[2])


def _page_one_image(pdf: Path, tmp_path: Path) -> PILImage.Image:
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-f", "1", "-l", "1", "-png", str(pdf),
                    str(tmp_path / "p")], check=True, capture_output=True)  # fmt: skip
    return PILImage.open(next(tmp_path.glob("p*.png")))


@PRESETS
def test_nation_rule_sits_just_under_its_text_and_is_as_long(
    preset: Preset, pdfs: dict[str, Path], tmp_path: Path
) -> None:
    first = pages(pdfs[preset.name])[0]
    role, text = preset.nation_lines[-1]
    line = first.line_of(text)
    image = _page_one_image(pdfs[preset.name], tmp_path)
    baseline_zone = max(w.y1 for w in line)
    y, x0, x1 = _dark_runs(image, baseline_zone - 1, baseline_zone + 6)[0]
    width = line[-1].x1 - line[0].x0
    assert x1 - x0 == pytest.approx(preset.nation_rule.width * width, rel=0.05)
    assert (x0 + x1) / 2 == pytest.approx((line[0].x0 + line[-1].x1) / 2, abs=1.5)
    assert y >= baseline_zone - 1  # under the text, not through it


def test_nd30_org_rule_is_centred_and_shorter_than_its_text(pdfs: dict[str, Path], tmp_path: Path) -> None:
    first = pages(pdfs["nd30"])[0]
    line = first.line_of(sample.ORG["nd30"])
    image = _page_one_image(pdfs["nd30"], tmp_path)
    bottom = max(w.y1 for w in line)
    runs = [r for r in _dark_runs(image, bottom - 1, bottom + 6) if r[2] < (30 + 68) * PT_PER_MM]
    y, x0, x1 = runs[0]
    width = line[-1].x1 - line[0].x0
    assert x1 - x0 == pytest.approx(ND30.org_rule.width * width, rel=0.08)
    assert (x0 + x1) / 2 == pytest.approx((line[0].x0 + line[-1].x1) / 2, abs=1.5)
