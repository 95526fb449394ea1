"""A build imports only what its data file, kinds and formats need (measured in a fresh process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "u-minh-thuong-2022"

_PROBE = """
import json, sys
from umt_reports.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_after(*args: str) -> set[str]:
    """The modules a fresh interpreter holds after ``umt-reports ARGS`` ran in it."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.slow
def test_a_report_docx_build_from_yaml_imports_no_pdf_validator_and_no_excel_reader(tmp_path: Path) -> None:
    modules = _modules_after("build", str(SAMPLES / "meeting.yaml"), "--out", str(tmp_path), "--format", "docx")
    assert (tmp_path / "2022-06-22_bao-cao_25-BC-UBND.docx").is_file()
    for unused in (
        "pikepdf",
        "pikepdf.pdfa",
        "openpyxl",
        "rich",
        "jsonschema",
        "reportlab.platypus",
        "umt_reports.render.pdf",
        "umt_reports.batch",
        "umt_reports.archive",
    ):
        assert unused not in modules, unused
    assert "umt_reports.render.docx" in modules


@pytest.mark.slow
def test_a_pdf_build_from_a_workbook_imports_the_validator_and_the_excel_reader(tmp_path: Path) -> None:
    modules = _modules_after("build", str(SAMPLES / "meeting.xlsx"), "--out", str(tmp_path), "--format", "pdf")
    assert "pikepdf.pdfa" in modules and "openpyxl" in modules
    assert "umt_reports.render.docx" not in modules and "docx" not in modules
