"""Scale: a decision whose annex names 1,000 to 10,000 people, and 1,000 certificates.

Each scenario runs in a fresh process of its own (so that its peak resident memory,
``ru_maxrss``, is its own): the data file is loaded, the document built and drawn once to
warm up, then ``--repeat`` more times, timed. The table gives the median and the range
(min–max) of the wall times, the cost per name between sizes (flat means linear), the
pages and the peak memory of the process.

Targets (issue 13): 10,000-name annex ≤ 400 MB peak, time linear from 1,000 to 10,000
names; 1,000 certificates ≤ 1.5 s.

Usage: ``.venv/bin/python bench/scale.py [--repeat N] [--sizes 1000,2000,5000,10000] [--formats pdf,docx]``
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def one(kind: str, count: int, fmt: str, repeat: int, folder: Path) -> dict[str, object]:
    """Run one scenario in this process; the numbers as a dict."""
    from commendation import data_file

    from umt_reports import load_meeting
    from umt_reports.build import build_documents
    from umt_reports.render import render

    path = data_file(folder, count)

    def run() -> object:
        meeting = load_meeting(path)
        (document,) = build_documents(meeting, [kind])
        return render(document, fmt)

    result = run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return {
        "times": times,
        "pages": getattr(result, "pages", None),
        "size": len(getattr(result, "data", b"")),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def in_child(kind: str, count: int, fmt: str, repeat: int) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, "--one", kind, str(count), fmt, "--repeat", str(repeat)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def row(label: str, numbers: dict[str, object], per_name: str = "") -> str:
    times = numbers["times"]
    assert isinstance(times, list)
    median = statistics.median(times)
    return (f"| {label} | {numbers['pages'] or '—'} | {median:.2f} s ({min(times):.2f}–{max(times):.2f}) | {per_name} "
            f"| {numbers['peak_mb']:.0f} MB |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="1000,2000,5000,10000")
    parser.add_argument("--formats", default="pdf,docx")
    parser.add_argument("--one", nargs=3, metavar=("KIND", "COUNT", "FORMAT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        kind, count, fmt = args.one
        with tempfile.TemporaryDirectory(prefix="umt-scale-") as tmp:
            print(json.dumps(one(kind, int(count), fmt, args.repeat, Path(tmp))))
        return 0
    sizes = [int(n) for n in args.sizes.split(",")]
    print("| scenario | pages | wall: median (min–max) | per added name | peak memory |")
    print("|---|---:|---:|---:|---:|")
    for fmt in args.formats.split(","):
        previous: tuple[int, float] | None = None
        for n in sizes:
            numbers = in_child("decision", n, fmt, args.repeat)
            median = statistics.median(numbers["times"])  # type: ignore[arg-type]
            per = "—" if previous is None else f"{(median - previous[1]) * 1000 / (n - previous[0]):.3f} ms"
            print(row(f"decision, {n:,}-name annex → {fmt.upper()}", numbers, per), flush=True)
            previous = (n, median)
    numbers = in_child("certificates", 1000, "pdf", args.repeat)
    print(row("1,000 certificates → PDF/A (target ≤ 1.5 s)", numbers), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
