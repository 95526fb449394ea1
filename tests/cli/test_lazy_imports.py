"""A build imports only what its data file, kinds and formats need (measured in a fresh process)."""

from __future__ import annotations

import json
import os
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


def _modules_after(*args: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules a fresh interpreter holds after ``umt-reports ARGS`` ran in it."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
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
    # -- in this process: without the helper (one core, or asked for) --
    modules = _modules_after(
        "build",
        str(SAMPLES / "meeting.xlsx"),
        "--out",
        str(tmp_path),
        "--format",
        "pdf",
        env={"UMT_VALIDATE_INLINE": "1"},
    )
    assert "pikepdf.pdfa" in modules and "openpyxl" in modules
    assert "umt_reports.render.docx" not in modules and "docx" not in modules


@pytest.mark.slow
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the PDF helper runs only with two cores or more")
def test_a_docx_and_pdf_build_leaves_reportlab_and_the_validator_to_the_helper(tmp_path: Path) -> None:
    modules = _modules_after("build", str(SAMPLES / "meeting.yaml"), "--out", str(tmp_path), "--format", "docx,pdf")
    assert (tmp_path / "2022-06-22_bao-cao_25-BC-UBND.pdf").is_file()
    assert "umt_reports.render.docx" in modules
    for elsewhere in ("reportlab.platypus", "pikepdf", "pikepdf.pdfa", "umt_reports.render.pdf.writer"):
        assert elsewhere not in modules, elsewhere


@pytest.mark.slow
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the PDF helper runs only with two cores or more")
def test_a_pdf_only_build_leaves_the_pdf_to_a_helper_that_imports_while_the_data_is_read(tmp_path: Path) -> None:
    modules = _modules_after("build", str(SAMPLES / "meeting.yaml"), "--out", str(tmp_path), "--format", "pdf")
    assert (tmp_path / "2022-06-22_bao-cao_25-BC-UBND.pdf").is_file()
    for elsewhere in ("reportlab", "pikepdf", "umt_reports.render.pdf.writer", "docx"):
        assert elsewhere not in modules, elsewhere


_RUN = "import sys; from umt_reports.cli import run; sys.argv[0] = 'umt-reports'; run()"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _RUN, *args], capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.slow
def test_the_installed_command_ends_with_the_exit_code_and_output_of_the_command(tmp_path: Path) -> None:
    built = _run("build", str(SAMPLES / "meeting.yaml"), "--out", str(tmp_path), "--format", "docx,pdf")
    assert built.returncode == 0, built.stderr
    assert "2022-06-22_bao-cao_25-BC-UBND.pdf" in built.stdout
    assert json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))["files"]

    missing = _run("validate", str(tmp_path / "khong-co.yaml"))
    assert missing.returncode == 2
    assert "khong-co.yaml" in missing.stderr

    assert _run("--version").returncode == 0
