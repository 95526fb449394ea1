"""How fast hostile input is refused (issue: real-world input).

Run: ``.venv/bin/python bench/limits.py``. Prints the median and worst of repeated
runs of the whole CLI check in-process (click's runner), from file on disk to exit 2.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from click.testing import CliRunner

from umt_reports.cli import main

REPEATS = 15


def zip_bomb(path: Path, declared: int) -> Path:
    """A ~1 MB zip whose directory claims ``declared`` unpacked bytes (5 GB here)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", bytes(range(256)) * 4096)
        archive.filelist[-1].file_size = declared
    return path


def alias_bomb(path: Path) -> Path:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    path.write_text("\n".join(lines) + "\nmeeting: *a9\n", encoding="utf-8")
    return path


def timed(path: Path) -> tuple[float, float]:
    runner = CliRunner()
    runs = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        result = runner.invoke(main, ["validate", str(path)])
        runs.append(time.perf_counter() - started)
        assert result.exit_code == 2, result.output
    return statistics.median(runs), max(runs)


def main_() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = {
            "zip bomb, 1 MB declaring 5 GB": zip_bomb(folder / "bomb.xlsx", 5 * 1024**3),
            "YAML alias bomb (10^10 nodes)": alias_bomb(folder / "bomb.yaml"),
        }
        truncated = folder / "cut.xlsx"
        truncated.write_bytes(b"PK\x03\x04" + b"\0" * 2000)
        cases["truncated .xlsx"] = truncated
        timed(cases["truncated .xlsx"])  # -- warm-up: imports --
        print(f"| case | median ms | worst ms |\n|---|---:|---:|")
        for name, path in cases.items():
            median, worst = timed(path)
            print(f"| {name} | {median * 1000:.1f} | {worst * 1000:.1f} |")


if __name__ == "__main__":
    sys.exit(main_())
