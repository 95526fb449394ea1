"""Shared fixtures: the sample meeting and small helpers to write input files."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "u-minh-thuong-2022"


@pytest.fixture
def sample_yaml() -> Path:
    return SAMPLES / "meeting.yaml"


@pytest.fixture
def sample_party_yaml() -> Path:
    return SAMPLES / "meeting-party.yaml"


@pytest.fixture
def sample_data(sample_yaml: Path) -> dict[str, Any]:
    """The sample meeting as plain YAML-contract data (a fresh copy per test)."""
    return yaml.safe_load(sample_yaml.read_text(encoding="utf-8"))


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[..., Path]:
    """Write data (or raw text) as a YAML file in tmp_path and return its path."""

    photos = tmp_path / "photos"
    if not photos.exists():  # -- the sample's photo paths are relative to the data file --
        shutil.copytree(SAMPLES / "photos", photos)

    def write(data: Any, name: str = "meeting.yaml") -> Path:
        path = tmp_path / name
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write
