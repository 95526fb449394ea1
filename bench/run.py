"""Benchmarks of umt-reports: how long a secretary waits, and how that grows with the data.

Run with ``make bench`` (installs the ``bench`` extra: docxtpl) or ``.venv/bin/python bench/run.py``.
Options: ``--quick`` (fewer runs, no 10,000-row case), ``--no-baseline`` (skip LibreOffice),
``--write`` (put the tables into bench/README.md between the result markers).

Every scenario is warmed up, then run several times; we report the median and the
minimum wall time (``time.perf_counter``). In-process scenarios time the document
builder and the renderer only (the meeting is loaded once beforehand); process scenarios
time a whole command, Python start-up included. Targets are printed beside the numbers;
they are goals, not tests (nothing here fails a build).
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SAMPLE = ROOT / "samples" / "u-minh-thuong-2022" / "meeting.yaml"
README = HERE / "README.md"
BEGIN, END = "<!-- bench:results:begin -->", "<!-- bench:results:end -->"
SIDE_BEGIN, SIDE_END = "<!-- bench:side-by-side:begin -->", "<!-- bench:side-by-side:end -->"

sys.path.insert(0, str(HERE))

from baseline import context_of, fill_template, soffice, write_template  # noqa: E402

from umt_reports import load_meeting  # noqa: E402
from umt_reports.documents.report import build_report  # noqa: E402
from umt_reports.render import render  # noqa: E402

# -- deterministic Vietnamese names for the awardee lists --
_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý")
_MIDDLES = ("Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hữu", "Quốc", "Thị Thu", "Hoàng", "Kim")
_GIVEN = ("An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hùng", "Khánh", "Lan",
          "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Út", "Yến")
_POSITIONS = ("Chủ tịch UBND xã", "Công chức Văn phòng - Thống kê", "Trưởng ấp", "Chủ tịch Hội Nông dân xã",
              "Bí thư Đoàn xã", "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc xã")
_UNITS = ("xã Thạnh Yên", "xã Thạnh Yên A", "xã An Minh Bắc", "xã Minh Thuận", "xã Vĩnh Hòa", "xã Hòa Chánh")


# -- measuring --------------------------------------------------------------------------


@dataclass
class Timing:
    """Wall times of the measured runs, in seconds."""

    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def min(self) -> float:
        return min(self.runs)


def measure(action: Callable[[], Any], *, warmup: int, repeat: int) -> Timing:
    """Run ``action`` ``warmup`` times unmeasured, then ``repeat`` times measured."""
    for _ in range(warmup):
        action()
    runs: list[float] = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return Timing(runs)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def s(seconds: float) -> str:
    return f"{seconds:,.2f} s"


def verdict(value: float, target: float) -> str:
    return "yes" if value <= target else "**no**"


# -- inputs -----------------------------------------------------------------------------


def awardees(n: int) -> list[dict[str, str]]:
    """``n`` distinct-looking individuals with positions and units (deterministic)."""
    people = []
    for i in range(n):
        name = f"{_SURNAMES[i % 14]} {_MIDDLES[(i // 14) % 10]} {_GIVEN[(i // 140) % 27]}"
        people.append({"name": name, "position": _POSITIONS[i % 6], "unit": _UNITS[(i // 6) % 6]})
    return people


def meeting_with_awardees(n: int, folder: Path) -> Path:
    """The sample meeting whose award names ``n`` individuals (so the report has the DANH SÁCH annex)."""
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    data["awards"][0]["individuals"] = awardees(n)
    # -- photos are relative to the sample folder and the report does not print them --
    data.get("press", {}).pop("photos", None)
    path = folder / f"meeting-{n}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def cli() -> str:
    """The ``umt-reports`` script of the interpreter running us."""
    script = Path(sys.executable).with_name("umt-reports")
    return str(script) if script.exists() else "umt-reports"


# -- scenarios --------------------------------------------------------------------------


class Bench:
    def __init__(self, quick: bool, baseline: bool, tmp: Path) -> None:
        self.quick = quick
        self.with_baseline = baseline
        self.tmp = tmp
        self.out: list[str] = []
        self.meeting = load_meeting(SAMPLE)
        self.sizes: list[int] | None = None

    def emit(self, line: str = "") -> None:
        print(line, flush=True)
        self.out.append(line)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.emit("| " + " | ".join(header) + " |")
        self.emit("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
        for row in rows:
            self.emit("| " + " | ".join(row) + " |")
        self.emit()

    def reps(self, normal: int) -> int:
        return max(3, normal // 3) if self.quick else normal

    # -- 1. the sample report in-process --

    def sample_in_process(self) -> dict[str, Timing]:
        meeting = self.meeting
        docx = measure(lambda: render(build_report(meeting), "docx"), warmup=5, repeat=self.reps(30))
        pdf = measure(lambda: render(build_report(meeting), "pdf"), warmup=5, repeat=self.reps(30))
        document = measure(lambda: build_report(meeting), warmup=5, repeat=self.reps(30))
        doc = build_report(meeting)
        pages = render(doc, "pdf").pages
        self.emit(f"### Sample report in-process ({pages} pages; build_report + render)")
        self.emit()
        self.table(
            ["step", "median", "min", "target", "met"],
            [
                ["build_report alone (Document IR)", ms(document.median), ms(document.min), "", ""],
                ["DOCX (build_report + render docx)", ms(docx.median), ms(docx.min), "≤ 40 ms",
                 verdict(docx.median, 0.040)],
                ["PDF/A-2b (build_report + render pdf, validated)", ms(pdf.median), ms(pdf.min), "≤ 60 ms",
                 verdict(pdf.median, 0.060)],
            ],
        )
        return {"docx": docx, "pdf": pdf}

    # -- 2. the whole command --

    def command(self) -> Timing:
        out = self.tmp / "cli-out"
        args = [cli(), "build", str(SAMPLE), "--out", str(out), "--format", "docx,pdf"]

        def run() -> None:
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)

        timing = measure(run, warmup=2, repeat=self.reps(10))
        startup = measure(
            lambda: subprocess.run([sys.executable, "-c", "import umt_reports.cli"], check=True),
            warmup=1, repeat=self.reps(10),
        )
        bare = measure(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), warmup=1,
                       repeat=self.reps(10))
        self.emit("### Whole command, as a process (`umt-reports build meeting.yaml --format docx,pdf`)")
        self.emit()
        self.table(
            ["process", "median", "min", "target", "met"],
            [
                ["`python -c pass` (interpreter alone)", ms(bare.median), ms(bare.min), "", ""],
                ["`python -c 'import umt_reports.cli'`", ms(startup.median), ms(startup.min), "", ""],
                ["`umt-reports build … --format docx,pdf`", s(timing.median), s(timing.min), "≤ 0.8 s",
                 verdict(timing.median, 0.8)],
            ],
        )
        return timing

    # -- 3. the baseline: docxtpl + LibreOffice --

    def baseline(self, ours_process: Timing, ours_in_process: dict[str, Timing]) -> None:
        binary = soffice()
        if not self.with_baseline or binary is None:
            self.emit("### Baseline (docxtpl + LibreOffice)")
            self.emit()
            self.emit("Skipped: " + ("--no-baseline." if not self.with_baseline else "`soffice` is not on PATH."))
            self.emit()
            return
        if importlib.util.find_spec("docxtpl") is None:
            self.emit("### Baseline (docxtpl + LibreOffice)\n\nSkipped: docxtpl is not installed "
                      "(`pip install -e '.[bench]'`).\n")
            return
        folder = self.tmp / "baseline"
        folder.mkdir()
        template = write_template(folder / "bao-cao-template.docx")
        context = context_of(build_report(self.meeting))
        context_file = folder / "context.json"
        context_file.write_text(json.dumps(context, ensure_ascii=False), encoding="utf-8")
        profile = folder / "lo-profile"
        from baseline import convert_with_soffice

        filled = folder / "filled.docx"
        fill = measure(lambda: fill_template(template, context, filled), warmup=3, repeat=self.reps(15))
        convert = measure(lambda: convert_with_soffice(filled, folder, profile), warmup=1, repeat=self.reps(6))
        command = [sys.executable, str(HERE / "baseline.py"), str(template), str(context_file), str(folder),
                   str(profile)]
        whole = measure(lambda: subprocess.run(command, check=True), warmup=1, repeat=self.reps(6))
        ours_docx_pdf = ours_in_process["docx"].median + ours_in_process["pdf"].median
        baseline_in_process = fill.median + convert.median
        self.emit("### Baseline: docxtpl template + `soffice --headless --convert-to pdf` (warm profile)")
        self.emit()
        self.table(
            ["step", "median", "min"],
            [
                ["docxtpl render + save (in-process)", ms(fill.median), ms(fill.min)],
                ["`soffice --headless --convert-to pdf` (one process)", s(convert.median), s(convert.min)],
                ["one-off command: `python baseline.py` (docxtpl, then soffice)", s(whole.median), s(whole.min)],
            ],
        )
        self.emit("Ratios (baseline ÷ ours, medians; target ≥ 3×):")
        self.emit()
        self.table(
            ["comparison", "baseline", "ours", "ratio", "met"],
            [
                ["one-off command (ours: DOCX + PDF/A, validated)", s(whole.median), s(ours_process.median),
                 f"{whole.median / ours_process.median:.1f}×", verdict(3 * ours_process.median, whole.median)],
                ["in-process DOCX + PDF (baseline: docxtpl + soffice process)", s(baseline_in_process),
                 ms(ours_docx_pdf), f"{baseline_in_process / ours_docx_pdf:.0f}×",
                 verdict(3 * ours_docx_pdf, baseline_in_process)],
            ],
        )

    # -- 4. big annexes and scaling --

    def annexes(self) -> None:
        sizes = self.sizes or [10, 100, 1000] + ([] if self.quick else [10000])
        results: dict[int, tuple[Timing, Timing, int | None]] = {}
        for n in sizes:
            meeting = load_meeting(meeting_with_awardees(n, self.tmp))
            repeat = 15 if n <= 10 else 10 if n <= 100 else 7 if n <= 1000 else 3
            warmup = 1 if n >= 10000 else 2
            docx = measure(lambda: render(build_report(meeting), "docx"), warmup=warmup, repeat=self.reps(repeat))
            pdf_rendered: list[Any] = []
            pdf = measure(lambda: pdf_rendered.append(render(build_report(meeting), "pdf")), warmup=warmup,
                          repeat=self.reps(repeat))
            results[n] = (docx, pdf, pdf_rendered[-1].pages)
        if 1000 in results:
            docx, pdf, pages = results[1000]
            self.emit(f"### 1,000 named awardees (report + DANH SÁCH annex, {pages} pages)")
            self.emit()
            self.table(
                ["format", "median", "min", "target", "met"],
                [
                    ["DOCX", ms(docx.median), ms(docx.min), "", ""],
                    ["PDF/A-2b (validated)", ms(pdf.median), ms(pdf.min), "≤ 500 ms", verdict(pdf.median, 0.5)],
                ],
            )
        self.emit("### Scaling with the annex rows (build_report + render, medians)")
        self.emit()
        self.emit("*per row* is the cost of the rows added since the previous size: "
                  "(t(n) − t(previous)) ÷ (n − previous); flat means linear growth.")
        self.emit()
        rows = []
        previous: tuple[int, float, float] | None = None
        for n in sizes:
            docx, pdf, pages = results[n]
            if previous is None:
                per_docx = per_pdf = "—"
            else:
                pn, pd, pp = previous
                per_docx = f"{(docx.median - pd) * 1000 / (n - pn):.3f} ms"
                per_pdf = f"{(pdf.median - pp) * 1000 / (n - pn):.3f} ms"
            rows.append([f"{n:,}", str(pages), ms(docx.median), per_docx, ms(pdf.median), per_pdf])
            previous = (n, docx.median, pdf.median)
        self.table(["rows", "PDF pages", "DOCX", "DOCX per row", "PDF/A", "PDF per row"], rows)


# -- issue 13: side by side in one run ---------------------------------------------------


def interleaved(actions: dict[str, Callable[[], Any]], *, warmup: int, repeat: int) -> dict[str, Timing]:
    """Time each action ``repeat`` times, taking turns (a b a b …), so that a busy moment of the
    machine falls on both sides of a comparison instead of on one."""
    for _ in range(warmup):
        for action in actions.values():
            action()
    runs: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            gc.collect()
            start = time.perf_counter()
            action()
            runs[name].append(time.perf_counter() - start)
    return {name: Timing(values) for name, values in runs.items()}


def spread(t: Timing, unit: Callable[[float], str]) -> str:
    return f"{unit(t.median)} ({unit(t.min)}–{unit(max(t.runs))})"


def meetings(count: int, folder: Path) -> list[Path]:
    """``count`` variants of the sample meeting (own title and report number), photos beside them."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "photos").exists():
        shutil.copytree(SAMPLE.parent / "photos", folder / "photos")
    base = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    paths = []
    for i in range(count):
        data = json.loads(json.dumps(base, default=str))
        data["meeting"]["title"] = f"{base['meeting']['title']} (đợt {i + 1})"
        data["report"]["number"] = 100 + i
        path = folder / f"hoi-nghi-{i + 1:03d}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths


class SideBySide:
    """The three comparisons of issue 13, each measured in one run, the two sides taking turns."""

    def __init__(self, bench: Bench, batch_size: int = 40) -> None:
        self.bench = bench
        self.tmp = bench.tmp / "side-by-side"
        self.tmp.mkdir()
        self.batch_size = batch_size
        self.rows: list[list[str]] = []

    def run(self) -> None:
        b = self.bench
        b.emit("### Side by side (issue 13), one run")
        b.emit()
        start_load = os.getloadavg()[0]
        binary = soffice()
        have_baseline = b.with_baseline and binary is not None and importlib.util.find_spec("docxtpl") is not None
        if have_baseline:
            self.template = write_template(self.tmp / "bao-cao-template.docx")
            self.profile = self.tmp / "lo-profile"
            self.one_off()
        self.warm()
        if have_baseline:
            self.batch()
        else:
            b.emit("docxtpl + LibreOffice comparisons skipped (--no-baseline, no soffice or no docxtpl).")
            b.emit()
        b.emit(f"Wall times: median (min–max). Ratio: ours ÷ theirs, medians. Load average (1 min) "
               f"{start_load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end; {os.cpu_count()} cores.")
        b.emit()
        b.table(["comparison", "ours", "theirs", "ratio", "target", "met"], self.rows)

    def _row(self, label: str, ours: Timing, theirs: Timing, unit: Callable[[float], str], target: float) -> None:
        ratio = ours.median / theirs.median
        self.rows.append([label, spread(ours, unit), spread(theirs, unit), f"{ratio:.2f}×", f"≤ {target:.2f}×",
                          verdict(ratio, target)])

    def one_off(self) -> None:
        """``umt-reports build meeting.yaml --format docx,pdf`` vs ``python baseline.py`` (docxtpl, soffice)."""
        context_file = self.tmp / "context.json"
        context_file.write_text(json.dumps(context_of(build_report(self.bench.meeting)), ensure_ascii=False),
                                encoding="utf-8")
        out = self.tmp / "one-off"
        ours = [cli(), "build", str(SAMPLE), "--out", str(out / "ours"), "--format", "docx,pdf"]
        theirs = [sys.executable, str(HERE / "baseline.py"), str(self.template), str(context_file), str(out),
                  str(self.profile)]
        timings = interleaved(
            {"ours": lambda: subprocess.run(ours, check=True, stdout=subprocess.DEVNULL, cwd=ROOT),
             "theirs": lambda: subprocess.run(theirs, check=True)},
            warmup=1, repeat=self.bench.reps(8),
        )
        self._row("one-off command: report DOCX + PDF/A (ours) vs docxtpl + `soffice`", timings["ours"],
                  timings["theirs"], s, 0.40)

    def warm(self) -> None:
        """In one process: our report as DOCX + validated PDF/A vs reportlab drawing it directly."""
        from direct import draw

        from umt_reports.build import render_formats
        from umt_reports.render.fonts import resolve_font

        # -- ten meetings in turn (own title and number), so that no run repeats the previous one --
        loaded = [load_meeting(p) for p in meetings(10, self.tmp / "warm")]
        family = resolve_font()
        contexts = [context_of(build_report(meeting)) for meeting in loaded]
        turn = {"ours": 0, "theirs": 0}

        def ours() -> None:
            meeting = loaded[turn["ours"] % len(loaded)]
            turn["ours"] += 1
            rendered = render_formats(build_report(meeting), ["docx", "pdf"])
            assert rendered[1].pdfa == "2B"

        def theirs() -> None:
            draw(contexts[turn["theirs"] % len(contexts)], family)
            turn["theirs"] += 1

        timings = interleaved({"ours": ours, "theirs": theirs}, warmup=5, repeat=self.bench.reps(30))
        self._row("warm, one process: report DOCX + PDF/A, validated (ours) vs reportlab platypus PDF "
                  "(`bench/direct.py`)", timings["ours"], timings["theirs"], ms, 3.0)

    def batch(self) -> None:
        """``umt-reports build`` of 40 meetings vs docxtpl filling 40 documents + one soffice call."""
        n = self.batch_size
        paths = meetings(n, self.tmp / "meetings")
        contexts = [context_of(build_report(load_meeting(p))) for p in paths]
        contexts_file = self.tmp / "contexts.json"
        contexts_file.write_text(json.dumps(contexts, ensure_ascii=False), encoding="utf-8")
        count = {"ours": 0, "theirs": 0}

        def ours() -> None:
            out = Path(tempfile.mkdtemp(dir=self.tmp))
            subprocess.run([cli(), "build", *map(str, paths), "--out", str(out), "--format", "docx,pdf"],
                           check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
            count["ours"] = len(list(out.glob("*/*.pdf")))

        def theirs() -> None:
            out = Path(tempfile.mkdtemp(dir=self.tmp))
            subprocess.run([sys.executable, str(HERE / "baseline.py"), "--many", str(self.template),
                            str(contexts_file), str(out), str(self.profile)], check=True)
            count["theirs"] = len(list(out.glob("*.pdf")))

        # -- one round first on each side: the first soffice call of a run and our first batch
        #    after the other comparisons start cold, and three runs are few on this machine --
        timings = interleaved({"ours": ours, "theirs": theirs}, warmup=1, repeat=self.bench.reps(5))
        if count != {"ours": n, "theirs": n}:
            raise SystemExit(f"expected {n} PDFs on each side, got {count}")
        from umt_reports.batch import default_jobs

        self._row(f"{n} meetings, report DOCX + PDF/A each, one command (ours, {default_jobs()} processes) vs "
                  f"docxtpl × {n} + one `soffice` call", timings["ours"], timings["theirs"], s, 0.25)


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    for name in ("python-docx", "reportlab", "pikepdf", "docxtpl"):
        try:
            from importlib.metadata import version

            versions.append(f"{name} {version(name)}")
        except Exception:  # noqa: BLE001 - an absent package is simply not listed
            pass
    lo = ""
    binary = soffice()
    if binary:
        try:
            lo = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            lo = "unknown version"
    return [
        f"- `nproc`: {os.cpu_count()}; CPU: {cpu}",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), {platform.system()} "
        f"{platform.release()}",
        f"- {', '.join(versions)}" + (f"; {lo}" if lo else ""),
        f"- measured {time.strftime('%Y-%m-%d')}",
    ]


def write_readme(lines: list[str], begin: str = BEGIN, end: str = END) -> None:
    text = README.read_text(encoding="utf-8")
    block = "\n".join([begin, *lines, end])
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.DOTALL)
    if not pattern.search(text):
        raise SystemExit(f"{README} has no {begin} … {end} markers")
    README.write_text(pattern.sub(lambda _m: block, text), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, no 10,000-row case")
    parser.add_argument("--no-baseline", action="store_true", help="skip docxtpl + LibreOffice")
    parser.add_argument("--write", action="store_true", help="write the tables into bench/README.md")
    parser.add_argument("--sizes", default=None, help="annex sizes, comma-separated (default 10,100,1000,10000)")
    parser.add_argument("--side-by-side", action="store_true",
                        help="only the three comparisons of issue 13 (one-off, warm, 40 meetings)")
    args = parser.parse_args(argv)
    # -- the commands timed below run from bytecode, as an installed package does (pip compiles
    #    it; an editable install leaves it to the first run, which PYTHONDONTWRITEBYTECODE stops) --
    import compileall

    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    with tempfile.TemporaryDirectory(prefix="umt-bench-") as tmp:
        bench = Bench(args.quick, not args.no_baseline, Path(tmp))
        if args.sizes:
            bench.sizes = [int(n) for n in args.sizes.split(",")]
        bench.emit("Machine:")
        bench.emit()
        for line in machine():
            bench.emit(line)
        bench.emit()
        if args.side_by_side:
            SideBySide(bench).run()
            if args.write:
                write_readme(bench.out, SIDE_BEGIN, SIDE_END)
                print(f"written to {README}")
            return 0
        in_process = bench.sample_in_process()
        process = bench.command()
        bench.baseline(process, in_process)
        bench.annexes()
        SideBySide(bench).run()
    if args.write:
        write_readme(bench.out)
        print(f"written to {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
