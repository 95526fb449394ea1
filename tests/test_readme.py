"""The README's examples run as written."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def test_the_python_example_runs_as_written_from_the_top_of_a_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (code,) = _python_blocks(README.read_text(encoding="utf-8"))
    shutil.copytree(ROOT / "samples" / "u-minh-thuong-2022", tmp_path / "samples" / "u-minh-thuong-2022")
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(README), "exec"), {"__name__": "__readme__"})
    title, names = out.getvalue().splitlines()
    assert title.startswith("Hội nghị")
    assert names == "['2022-06-22_bao-cao_25-BC-UBND.docx', '2022-06-22_bao-cao_25-BC-UBND.pdf']"
    assert sorted(os.listdir(tmp_path / "output")) == [
        "2022-06-22_bao-cao_25-BC-UBND.docx",
        "2022-06-22_bao-cao_25-BC-UBND.pdf",
        "manifest.json",
    ]


def test_the_readme_links_only_to_files_inside_the_repository() -> None:
    text = README.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#\s]+)[^)]*\)", text) + re.findall(r"`((?:\.\./|/)[^`\s]+)`", text)
    outside = [
        t
        for t in targets
        if not t.startswith(("http://", "https://")) and not (ROOT / t).resolve().is_relative_to(ROOT)
    ]
    assert outside == []
    for target in targets:
        if not target.startswith(("http://", "https://")):
            assert (ROOT / target).exists(), target
