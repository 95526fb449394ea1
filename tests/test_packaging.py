"""The toolkit installs like a package: a wheel in a fresh venv builds the sample from another folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pikepdf
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "u-minh-thuong-2022"


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_a_wheel_in_a_fresh_venv_builds_the_sample_from_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    wheel = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, ROOT, cwd=tmp_path)
    assert wheel.returncode == 0, wheel.stderr
    (built,) = dist.glob("umt_reports-*.whl")
    names = zipfile.ZipFile(built).namelist()
    for data in (
        "umt_reports/templates/report.j2",
        "umt_reports/profiles/ubnd-u-minh-thuong.yaml",
        "umt_reports/py.typed",
    ):
        assert data in names

    venv = tmp_path / "venv"
    assert _run(sys.executable, "-m", "venv", venv, cwd=tmp_path).returncode == 0
    install = _run(venv / "bin" / "python", "-m", "pip", "install", "-q", built, cwd=tmp_path)
    assert install.returncode == 0, install.stderr

    # -- a copy of the sample, far from the checkout: no profiles/ or templates/ folder nearby --
    work = tmp_path / "elsewhere" / "meeting"
    shutil.copytree(SAMPLE, work)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["UMT_LANG"] = "en"
    result = _run(
        venv / "bin" / "umt-reports",
        "build",
        "meeting.yaml",
        "--out",
        "out",
        "--kind",
        "report,press",
        "--format",
        "docx,pdf,html",
        cwd=work,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "Wrote out/2022-06-22_bao-cao_25-BC-UBND.pdf (report, pdf, 2 pages)" in result.stdout
    where = _run(
        venv / "bin" / "python", "-c", "import umt_reports.resources as r; print(r.templates_dir())", cwd=work, env=env
    )
    assert where.stdout.strip().startswith(str(venv)), where.stdout
    with pikepdf.open(work / "out" / "2022-06-22_bao-cao_25-BC-UBND.pdf") as pdf:
        assert len(pdf.pages) == 2
    assert sorted(p.suffix for p in (work / "out").iterdir()) == [
        ".docx",
        ".docx",
        ".html",
        ".html",
        ".json",
        ".pdf",
        ".pdf",
    ]
