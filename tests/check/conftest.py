"""Fixtures of the check tests: the sample built in every kind and format, and ways to edit it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from umt_reports.build import build

# -- tests import their helpers as a plain module (pytest runs in importlib mode) --
sys.path.insert(0, str(Path(__file__).parent))

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "u-minh-thuong-2022"
KINDS = ["report", "press", "press-release"]
FORMATS = ["html", "html-fragment", "docx", "pdf"]
PRESS = "2022-06-22_tin-bai"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """The sample (with its photo) built in every kind and format, once."""
    root = tmp_path_factory.mktemp("check")
    data = root / "data"
    shutil.copytree(SAMPLE, data)
    build(data / "meeting.yaml", root / "out", kinds=KINDS, formats=FORMATS)
    return root


@pytest.fixture
def built(pristine: Path, tmp_path: Path) -> Path:
    """A private copy of the built sample (data beside it, as the manifest records)."""
    shutil.copytree(pristine / "data", tmp_path / "data")
    shutil.copytree(pristine / "out", tmp_path / "out")
    return tmp_path / "out"
