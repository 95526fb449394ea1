"""Fixtures for the archive: real PDF/A files (reportlab → make_pdfa) and build folders with a manifest."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

# -- tests import their helpers as a plain module (pytest runs in importlib mode) --
sys.path.insert(0, str(Path(__file__).parent))

from archive_helpers import Doc, manifest_entry, pdfa_bytes

from umt_reports.render import fonts


@pytest.fixture(scope="session")
def font_name() -> str:
    return fonts.register(fonts.resolve_font())


_CACHE: dict[Doc, bytes] = {}


@pytest.fixture(scope="session")
def make_pdf(font_name: str) -> Callable[[Doc], bytes]:
    """PDF/A-2b bytes for a ``Doc``, made once per session."""

    def make(doc: Doc) -> bytes:
        if doc not in _CACHE:
            _CACHE[doc] = pdfa_bytes(doc, font_name)
        return _CACHE[doc]

    return make


@pytest.fixture
def write_build(tmp_path: Path, make_pdf: Callable[[Doc], bytes]) -> Callable[..., Path]:
    """Write the PDFs of ``docs`` and their manifest.json into a folder (like ``build``); return it."""
    count = [0]

    def write(*docs: Doc, name: str | None = None) -> Path:
        count[0] += 1
        out = tmp_path / (name or f"out{count[0]}")
        out.mkdir(parents=True, exist_ok=True)
        entries = []
        for doc in docs:
            data = make_pdf(doc)
            (out / doc.file_name).write_bytes(data)
            entries.append(manifest_entry(doc, data))
        manifest = {"generator": "umt-reports test", "files": entries}
        (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        return out

    return write
