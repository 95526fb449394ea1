"""Acceptance fixtures: the samples built once per session into DOCX and PDF, plus tool helpers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from umt_reports.build import build

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "u-minh-thuong-2022"


def need(tool: str) -> str:
    """The path of a system tool the acceptance tests use; fail (not skip) when it is missing."""
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is not installed: run .ci/run (it installs poppler-utils and libreoffice-writer-nogui)")
    return found


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run([need("pdftotext"), *args, str(path), "-"], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """``{"state"|"party": {"docx": path, "pdf": path}}`` for the sample reports."""
    out = tmp_path_factory.mktemp("built")
    result: dict[str, dict[str, Path]] = {}
    for name, file in (("state", "meeting.yaml"), ("party", "meeting-party.yaml")):
        files = build(SAMPLES / file, out / name, kinds=["report"], formats=["docx", "pdf"]).files
        result[name] = {f.format: f.path for f in files}
    return result


@pytest.fixture(scope="session")
def converted(built: dict[str, dict[str, Path]], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample DOCX files converted to PDF by LibreOffice."""
    soffice = need("soffice")
    out = tmp_path_factory.mktemp("lo")
    profile = tmp_path_factory.mktemp("lo-profile")
    docs = [paths["docx"] for paths in built.values()]
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, docs),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return {name: out / (paths["docx"].stem + ".pdf") for name, paths in built.items()}
