"""The iroparse benchmark table: every figure a ratio against a baseline measured in the same run.

Run ``make bench`` (or ``python benchmarks/run.py``); ``--quick`` uses smaller counts, and
``--jobs-letters``, ``--stream-letters`` and ``--pdf-pages`` set them one by one. It prints a
Markdown table (the one in ``docs/performance.md``) and the machine it ran on.

1. parse: single-process parse time against one ``regex`` pass over the same texts (a scan of
   every line for heading and checkbox lines); target at most 10x. Measured twice: on letters
   varied from the samples (most lines repeat across them, as in a batch of one IRO's
   letters) and on the variety generator's letters (few lines repeat).
2. jobs: ``iroparse parse --jobs 2`` against ``--jobs 1`` on generated letters (wall clock of
   the CLI writing JSONL); target at least 1.7x on two cores.
3. memory: peak memory (PSS summed over the CLI and its workers) while streaming generated
   letters with ``--jobs 2 --out x.jsonl``: the peak of the second half of the run against
   that of the first half; target under 200 MB and flat (at most 5 % higher).
4. start-up: ``import iroparse`` and ``iroparse --help`` against ``python -c pass``; targets
   0.2 s and 0.4 s.
5. PDF: pages per second of each extractor (``benchmarks/pdf_extract.py``), against the chosen
   one.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import regex

import letters

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CLI = [sys.executable, "-m", "iroparse"]

Row = tuple[str, str, str, str, str, str]  # figure, measured, baseline, ratio, target, met

HEADING = regex.compile(
    r"^\s*(?:\(A\)\s*)?(?:DATE OF REVIEW|IRO CASE|DESCRIPTION OF THE|REVIEW OUTCOME|"
    r"INFORMATION PROVIDED|PATIENT CLINICAL HISTORY|ANALYSIS AND EXPLANATION)",
    regex.IGNORECASE,
)
CHECKBOX = regex.compile(r"^\s*(?:[\[(]\s*[Xx ]?\s*[\])]|[Xx☒☐✓■□]\s)|\s[Xx]\s*$")


def regex_pass(texts: list[str]) -> int:
    """The baseline: one pass over every line of every text for heading and checkbox lines."""
    hits = 0
    for text in texts:
        for line in text.splitlines():
            if HEADING.match(line) or CHECKBOX.search(line):
                hits += 1
    return hits


def _best(function: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def variety_texts(count: int, seed: int = 7) -> list[str]:
    """``count`` letters of the variety generator (``tests/variety``): each written from its
    own facts in its own style, so few lines repeat (the sample-based letters repeat most of
    theirs, which the parser's per-line caches profit from)."""
    sys.path.insert(0, str(ROOT))
    from tests.variety.compose import letters as variety_letters

    return [letter.text for letter in variety_letters(count, seed)]


def bench_parse(count: int, variety: bool = False) -> Row:
    """Parse time per letter against the regex pass over the same texts: the sample-based
    benchmark letters, or (``variety``) the variety generator's."""
    import iroparse

    texts = variety_texts(count) if variety else list(letters.texts(count))
    iroparse.parse(texts[0])  # warm-up: plugins, compiled patterns
    parse_time = _best(lambda: [iroparse.parse(t) for t in texts])
    scan_time = _best(lambda: regex_pass(texts))
    ratio = parse_time / scan_time
    which = "variety generator" if variety else "from the samples"
    return (
        f"parse, 1 process ({count} letters, {which})",
        f"{parse_time / count * 1e3:.2f} ms/letter",
        f"regex pass {scan_time / count * 1e3:.3f} ms/letter",
        f"{ratio:.1f}x",
        "<= 10x",
        "yes" if ratio <= 10 else "no",
    )


def bench_hostile(small: int, large: int) -> list[Row]:
    """Parse time per KB of each hostile input at ``large`` bytes against ``small`` bytes:
    linear time gives a ratio near 1, backtracking a ratio that grows with the size."""
    import iroparse
    from iroparse.testing import hostile_inputs

    def per_kb(text: str) -> float:
        def run() -> None:
            # a text that is not a letter is rejected; the rejection is what is timed then
            with contextlib.suppress(iroparse.IroParseError):
                iroparse.parse(text)

        return _best(run) / (len(text) / 1000)

    rows: list[Row] = []
    smalls, larges = hostile_inputs(small), hostile_inputs(large)
    for name in sorted(smalls):
        base, big = per_kb(smalls[name]), per_kb(larges[name])
        ratio = big / max(base, 1e-9)
        rows.append(
            (
                f"hostile input `{name}`, {large // 1000} KB",
                f"{big * 1e3:.3f} ms/KB",
                f"{small // 1000} KB: {base * 1e3:.3f} ms/KB",
                f"{ratio:.2f}x",
                "< 2x (linear)",
                "yes" if ratio < 2 else "no",
            )
        )
    return rows


def _cli_seconds(folder: Path, jobs: int, out: Path) -> float:
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(
        [*CLI, "parse", str(folder), "--jobs", str(jobs), "--out", str(out), "--no-resume"],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def bench_cores() -> Row:
    """A control for the --jobs figure: a pure-Python loop in 2 processes against 1, which
    shows how much of two cores the machine gives this run (other load lowers it)."""
    from concurrent.futures import ProcessPoolExecutor

    work = [2_000_000] * 8
    one = _best(lambda: [_burn(n) for n in work], repeat=2)
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_burn, [1, 1]))
        two = _best(lambda: list(pool.map(_burn, work)), repeat=2)
    speedup = one / two
    return (
        "control: CPU loop, 2 processes vs 1",
        f"{two:.2f} s",
        f"{one:.2f} s",
        f"{speedup:.2f}x",
        "~2x on two idle cores",
        "-",
    )


def bench_jobs(count: int, tmp: Path) -> Row:
    """Wall clock of the CLI with --jobs 2 against --jobs 1."""
    folder = letters.write(tmp / "jobs", count)
    one = _cli_seconds(folder, 1, tmp / "one.jsonl")
    two = _cli_seconds(folder, 2, tmp / "two.jsonl")
    speedup = one / two
    return (
        f"--jobs 2 vs --jobs 1 ({count:,} letters, {os.cpu_count()} cores)",
        f"{count / two:.0f} letters/s",
        f"{count / one:.0f} letters/s",
        f"{speedup:.2f}x",
        ">= 1.7x",
        "yes" if speedup >= 1.7 else "no",
    )


def _tree_memory(process: psutil.Process) -> int:
    """Memory of a process and its children: the sum of their proportional set sizes (PSS:
    pages shared between the forked workers counted once), or of their RSS where the system
    does not report PSS."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            info = member.memory_full_info()
            total += getattr(info, "pss", info.rss)
    return total


def bench_memory(count: int, tmp: Path) -> Row:
    """Peak memory (PSS) of the CLI and its workers streaming ``count`` letters to JSONL."""
    folder = letters.write(tmp / "stream", count)
    out = tmp / "stream.jsonl"
    child = subprocess.Popen(
        [*CLI, "parse", str(folder), "--jobs", "2", "--out", str(out), "--no-resume"],
        stderr=subprocess.DEVNULL,
    )
    process = psutil.Process(child.pid)
    samples: list[tuple[float, int]] = []
    start = time.perf_counter()
    while child.poll() is None:
        try:
            samples.append((time.perf_counter() - start, _tree_memory(process)))
        except psutil.Error:
            break
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    first = max((m for t, m in samples if t <= elapsed / 2), default=0)
    peak = max((m for _, m in samples), default=0)
    second = max((m for t, m in samples if t > elapsed / 2), default=0)
    mb = 1 << 20
    flat = second <= first * 1.05
    return (
        f"peak memory (PSS) streaming {count:,} letters (--jobs 2)",
        f"{peak / mb:.0f} MB; second half {second / mb:.0f} MB",
        f"first half {first / mb:.0f} MB",
        f"{second / first:.2f}x" if first else "-",
        "< 200 MB, flat",
        "yes" if peak < 200 * mb and flat else "no",
    )


def _startup(command: list[str], repeat: int = 9) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_startup() -> list[Row]:
    """``import iroparse`` and ``iroparse --help`` against ``python -c pass`` (medians)."""
    base = _startup([sys.executable, "-c", "pass"])
    rows = []
    for name, command, target in (
        ("import iroparse", [sys.executable, "-c", "import iroparse"], 0.2),
        ("iroparse --help", [str(BIN / "iroparse"), "--help"], 0.4),
    ):
        seconds = _startup(command)
        rows.append(
            (
                f"start-up: {name}",
                f"{seconds:.3f} s",
                f"python -c pass {base:.3f} s",
                f"{seconds / base:.1f}x",
                f"< {target} s",
                "yes" if seconds < target else "no",
            )
        )
    return rows


def bench_pdf(pages: int) -> list[Row]:
    """Pages per second of each PDF extractor against iroparse's own (pypdfium2)."""
    import pdf_extract

    measured = pdf_extract.measure(pages)
    chosen = next(r for r in measured if str(r["mode"]).startswith("iroparse._io.pdf"))
    base = float(chosen["pages_per_sec"])  # type: ignore[arg-type]
    rows: list[Row] = []
    for r in measured:
        rate = float(r["pages_per_sec"])  # type: ignore[arg-type]
        rows.append(
            (
                f"PDF: {r['library']} `{r['mode']}`",
                f"{rate:.0f} pages/s, fidelity {float(r['fidelity']):.0%}",  # type: ignore[arg-type]
                f"iroparse._io.pdf {base:.0f} pages/s",
                f"{rate / base:.2f}x",
                "-",
                "-",
            )
        )
    return rows


def machine() -> str:
    """One line naming the machine, Python and the libraries that matter."""
    import pypdfium2

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if "model name" in line)
    except (OSError, StopIteration):
        pass
    memory = psutil.virtual_memory().total / (1 << 30)
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; regex {regex.__version__}; "
        f"pypdfium2 {pypdfium2.version.PYPDFIUM_INFO}"
    )


def to_markdown(rows: list[Row]) -> str:
    """The benchmark table."""
    head = ("figure", "measured", "baseline (same run)", "ratio", "target", "met")
    lines = ["| " + " | ".join(head) + " |", "|---|---:|---:|---:|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small counts (a minute or so)")
    parser.add_argument("--parse-letters", type=int, default=None)
    parser.add_argument("--jobs-letters", type=int, default=None)
    parser.add_argument("--stream-letters", type=int, default=None)
    parser.add_argument("--pdf-pages", type=int, default=None)
    parser.add_argument(
        "--only",
        choices=("parse", "hostile", "jobs", "memory", "startup", "pdf"),
        action="append",
    )
    args = parser.parse_args(argv)
    quick = args.quick
    parse_n = args.parse_letters or (140 if quick else 700)
    jobs_n = args.jobs_letters or (1_000 if quick else 10_000)
    stream_n = args.stream_letters or (5_000 if quick else 100_000)
    pdf_pages = args.pdf_pages or (40 if quick else 200)
    only = set(args.only or ("parse", "hostile", "jobs", "memory", "startup", "pdf"))

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="iroparse-bench-") as name:
        tmp = Path(name)
        if "parse" in only:
            rows.append(bench_parse(parse_n))
            rows.append(bench_parse(parse_n, variety=True))
        if "hostile" in only:
            rows.extend(bench_hostile(*((20_000, 200_000) if quick else (100_000, 1_000_000))))
        if "jobs" in only:
            rows.append(bench_cores())
            rows.append(bench_jobs(jobs_n, tmp))
            rows.append(bench_cores())
        if "memory" in only:
            rows.append(bench_memory(stream_n, tmp))
    if "startup" in only:
        rows.extend(bench_startup())
    if "pdf" in only:
        rows.extend(bench_pdf(pdf_pages))
    print(f"Machine: {machine()}\n")
    print(to_markdown(rows))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main())
