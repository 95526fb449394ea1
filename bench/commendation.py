"""Benchmarks of the commendation papers (numbers in bench/README.md, section "Commendation").

Scenarios, each timed in-process after one warm-up run (fonts registered, templates compiled):

- ``certificates``: 1,000 Giấy khen (one page each) from the data file to validated PDF/A bytes;
- ``certificates-form``: the same 1,000 printed on pre-printed forms (plus the calibration page);
- ``decision``: a quyết định khen thưởng whose annex lists 2,000 names, to PDF/A (``--docx``: also DOCX).

Targets (issue "Commendation papers"): 1,000 certificates ≤ 3 s, a 2,000-name decision ≤ 2 s,
peak memory ≤ 300 MB. Peak memory is the process's maximum resident set size
(``resource.getrusage``), which counts reportlab's and pikepdf's native buffers as well;
``--tracemalloc`` adds the Python-heap peak of each scenario (slower).

Usage: ``.venv/bin/python bench/commendation.py [--repeat N] [--tracemalloc]``
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable

import yaml

from umt_reports import load_meeting
from umt_reports.documents.certificates import build_certificates
from umt_reports.documents.decision import build_decision
from umt_reports.documents.wording import Wording
from umt_reports.render import render

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "u-minh-thuong-2022" / "meeting-awards.yaml"

# -- synthetic but plausible names: every family, middle and given name combined in turn --
_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lâm"]
_MIDDLE = ["Văn", "Thị", "Minh", "Hoàng", "Quốc", "Thanh", "Ngọc", "Hữu", "Thị Thu", "Kim"]
_GIVEN = ["An", "Anh", "Ánh", "Ân", "Bình", "Châu", "Cường", "Dũng", "Đạt", "Đức", "Hà", "Hải", "Hòa", "Hùng",
          "Khánh", "Lan", "Linh", "Mai", "Nam", "Ngân", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trí", "Út", "Vy"]
_UNITS = ["xã Thạnh Yên", "xã Thạnh Yên A", "xã An Minh Bắc", "xã Vĩnh Hòa", "xã Hòa Chánh", "xã Minh Thuận"]


def people(count: int) -> list[dict[str, str]]:
    """``count`` named individuals with a position and a unit."""
    result = []
    for i in range(count):
        name = f"{_FAMILY[i % len(_FAMILY)]} {_MIDDLE[(i // 3) % len(_MIDDLE)]} {_GIVEN[(i * 7) % len(_GIVEN)]}"
        result.append({"name": name, "position": "Công chức văn hóa - xã hội", "unit": _UNITS[i % len(_UNITS)]})
    return result


def data_file(folder: Path, count: int) -> Path:
    """The sample meeting with one award of ``count`` named individuals."""
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    award = data["awards"][1]
    award["individuals"] = {"count": count, "members": people(count)}
    data["awards"] = [award]
    data["press"].pop("photos", None)  # -- photos are relative to the sample's folder --
    path = folder / f"meeting-{count}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path  # -- the profile comes from the bundled profiles/ folder --


def measure(label: str, run: Callable[[], object], repeat: int, trace: bool) -> dict[str, float]:
    run()  # -- warm-up: fonts, templates, imports --
    times: list[float] = []
    cpus: list[float] = []
    for _ in range(repeat):
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        result = run()
        times.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    heap = None
    if trace:
        gc.collect()
        tracemalloc.start()
        run()
        heap = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    best, median, cpu_median = min(times), statistics.median(times), statistics.median(cpus)
    extra = f", Python heap peak {heap:.0f} MB" if heap is not None else ""
    print(f"{label:<44} wall best {best:5.2f} s, median {median:5.2f} s; CPU median {cpu_median:5.2f} s "
          f"({repeat} runs){extra}  -> {describe(result)}")
    return {"best": best, "median": median, "cpu": cpu_median}


def describe(result: object) -> str:
    pages = getattr(result, "pages", None)
    size = len(getattr(result, "data", b""))
    return f"{pages} pages, {size / 1024:.0f} KiB" if pages else f"{size / 1024:.0f} KiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tracemalloc", action="store_true", help="also report each scenario's Python-heap peak")
    parser.add_argument("--docx", action="store_true", help="also time the 2,000-name decision as DOCX (slow)")
    args = parser.parse_args(argv)
    wording = Wording()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        thousand, two_thousand = data_file(folder, 1000), data_file(folder, 2000)

        def certificates(form: bool = False) -> object:
            meeting = load_meeting(thousand)
            return render(build_certificates(meeting, wording=wording, print_on_form=form), "pdf")

        def decision(fmt: str) -> object:
            return render(build_decision(load_meeting(two_thousand), wording=wording), fmt)

        results = {
            "certificates": measure("1,000 certificates -> PDF/A (data file in)", certificates, args.repeat,
                                    args.tracemalloc),
            "certificates-form": measure("1,000 certificates on forms -> PDF/A", lambda: certificates(True),
                                         args.repeat, args.tracemalloc),
            "decision-pdf": measure("decision, 2,000-name annex -> PDF/A", lambda: decision("pdf"), args.repeat,
                                    args.tracemalloc),
        }
        if args.docx:
            results["decision-docx"] = measure("decision, 2,000-name annex -> DOCX", lambda: decision("docx"), 1,
                                               args.tracemalloc)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # -- kilobytes on Linux --
    print(f"{'peak resident memory of the whole run':<44} {peak_mb:.0f} MB")
    failed = [
        results["certificates"]["best"] > 3.0,
        results["decision-pdf"]["best"] > 2.0,
        peak_mb > 300,
    ]
    if any(failed):
        print("target missed: certificates <= 3 s, decision <= 2 s, memory <= 300 MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
