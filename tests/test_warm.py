"""What a process does once before it forks the PDF/A helper (measured in a fresh interpreter)."""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """
import json, sys
from umt_reports import warm
from umt_reports.render import font_registry
formats, font, pair = json.loads(sys.argv[1])
warm.before_helper(formats, font=font, pair=pair)
print(json.dumps({"modules": sorted(sys.modules), "registered": len(font_registry._REGISTERED)}))
"""


def _after(formats: list[str], font: str | None = None, pair: bool = False) -> tuple[set[str], int]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps([formats, font, pair])],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    return set(result["modules"]), result["registered"]


def test_a_docx_and_pdf_build_registers_the_font_before_the_fork_but_draws_no_pdf_here() -> None:
    modules, registered = _after(["docx", "pdf"])
    assert registered == 1
    assert "umt_reports.documents.document" in modules
    assert "reportlab.pdfbase.ttfonts" in modules
    for elsewhere in ("reportlab.platypus", "pikepdf", "umt_reports.render.pdf.writer", "docx"):
        assert elsewhere not in modules, elsewhere


def test_without_docx_this_process_measures_nothing_and_leaves_reportlab_to_the_helper() -> None:
    modules, registered = _after(["pdf", "html"])
    assert registered == 0
    assert "umt_reports.documents.document" in modules
    assert not any(name.startswith("reportlab") for name in modules)


def test_a_pair_also_readies_the_pdf_renderer_it_draws_with_when_the_helper_is_behind() -> None:
    modules, registered = _after(["docx", "pdf"], pair=True)
    assert registered == 1
    assert "umt_reports.render.pdf.writer" in modules
    assert "pikepdf.pdfa" not in modules


def test_a_font_that_cannot_be_found_is_left_for_the_build_to_report() -> None:
    modules, registered = _after(["docx", "pdf"], font="/khong/co/phong-chu.ttf")
    assert registered == 0
    assert "umt_reports.documents.document" in modules
