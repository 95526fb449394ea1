"""Helpers of the check tests: edit a built file as a person would, list problems compactly."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

PRESS = "2022-06-22_tin-bai"


def codes(result: Any) -> list[tuple[str, str]]:
    return [(str(p.location), p.code) for p in result.problems]


def edit_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_docx_xml(path: Path, old: str, new: str) -> None:
    """Replace text inside word/document.xml (as a hand edit would)."""
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert old in xml
    parts["word/document.xml"] = xml.replace(old, new, 1).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
