"""How long the YAML reader takes with libyaml's C composer and with PyYAML's pure-Python one.

Run: ``.venv/bin/python bench/yaml_reader.py``. Reads the sample meeting and a large meeting
(the sample with 5,000 named individuals) with :func:`umt_reports.sources.yaml.read_yaml`,
node budgets and locations included, and prints the median and best of repeated runs.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

import umt_reports.sources.yaml as reader

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "u-minh-thuong-2022" / "meeting.yaml"
REPEATS = 15


def large_meeting(folder: Path, people: int = 5_000) -> Path:
    """The sample meeting with one award naming ``people`` individuals (about 20,000 nodes)."""
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    award = data["awards"][0]
    award["individuals"] = [
        {"name": f"Nguyễn Văn Thành {i}", "position": "Trưởng ấp", "unit": f"Ấp Số {i}, xã An Minh Bắc"}
        for i in range(people)
    ]
    path = folder / "large.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def timed(run: Callable[[], object], repeats: int) -> tuple[float, float]:
    run()  # -- warm-up --
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    loaders: dict[str, type] = {"pure Python (yaml.SafeLoader)": yaml.SafeLoader}
    if yaml.__with_libyaml__:
        loaders["libyaml C (yaml.CSafeLoader)"] = yaml.CSafeLoader
    with tempfile.TemporaryDirectory() as folder:
        files = {"sample meeting.yaml": SAMPLE, "5,000 individuals": large_meeting(Path(folder))}
        print("| file | size KB | composer | median ms | best ms |")
        print("|---|---:|---|---:|---:|")
        for label, path in files.items():
            for name, loader in loaders.items():
                reader._Loader = loader  # type: ignore[assignment]
                repeats = REPEATS if path == SAMPLE else 5
                median, best = timed(lambda file=path: reader.read_yaml(file), repeats)
                size = path.stat().st_size / 1024
                print(f"| {label} | {size:.0f} | {name} | {median:.1f} | {best:.1f} |")


if __name__ == "__main__":
    main()
