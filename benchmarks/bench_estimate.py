"""Time `costsim estimate` against its peers on generated logs, with the peak memory (RSS) of each run.

One command runs everything (about 15 minutes on 2 cores; folders are generated once, then cached):

    python benchmarks/bench_estimate.py                  # all of the below, 3 runs each
    python benchmarks/bench_estimate.py prompt-heavy     # ccusage vs costsim, a new prompt every ~4 requests
    python benchmarks/bench_estimate.py claude-code      # ccusage vs costsim, prompts from a pool of eight
    python benchmarks/bench_estimate.py neutral          # bare orjson parse-and-sum vs costsim; 10x memory
    python benchmarks/bench_estimate.py parquet          # the same neutral records as Parquet vs JSONL
                                                         # (whole estimates, then the reader alone)
    options: --runs N (alternated; medians printed), --records N, --ccusage PATH, --data DIR,
             --classifier NAME (costsim's; default: the policy's, the learned one)

ccusage is not installed by this script: it is found at --ccusage, $CCUSAGE, node_modules/.bin/ccusage
in this checkout or next to it (`npm install ccusage@20.0.24`), or on PATH; without it the Claude Code
rows print costsim alone. Each pair of runs is made back to back (ccusage, then costsim), so both see
the same machine; a shared machine still adds noise, so compare the medians. Every run is a child
process measured with /usr/bin/time; the script checks both tools report the same token totals.
costsim runs from compiled bytecode, as an installed package does: the checkout's is compiled first
(where PYTHONDONTWRITEBYTECODE is set, every run would otherwise compile every module it imports).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

BASELINE = r'''
import sys
try:
    import orjson as j
    name = "orjson"
except ImportError:
    import json as j
    name = "json"
total = [0, 0, 0, 0]
with open(sys.argv[1], "rb") as f:
    for line in f:
        r = j.loads(line)
        total[0] += r.get("input_tokens", 0); total[1] += r.get("output_tokens", 0)
        total[2] += r.get("cache_read_tokens", 0); total[3] += 1
print(name, *total)
'''

READ_STAGE = r'''
import sys, time
start = time.perf_counter()
from costsim.ingest import IngestStats, read_logs
import costsim.ingest.detect, costsim.ingest.neutral, costsim.ingest.read, costsim.ingest.records  # noqa: E401
import duckdb, pyarrow.compute, pyarrow.json, pyarrow.parquet  # noqa: E401 - what read_logs imports on first use
imported = time.perf_counter()
stats, rows = IngestStats(), 0
for chunk in read_logs([sys.argv[1]], stats):
    rows += len(chunk)
print(rows, stats.records_read, f"{imported - start:.3f}", f"{time.perf_counter() - imported:.3f}")
'''  # costsim's reader alone: the file read into usage-frame chunks (validated, ids deduplicated), no pricing

ENGINE_FLOOR = r'''
import glob, os, sys, threading, time
from costsim.ingest import engine
from costsim.ingest.duck import connect, threads
paths = sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.jsonl"), recursive=True))
parts = engine.parts_of(paths)
start, cpu = time.perf_counter(), time.process_time()
def read():
    con = connect(cores=1)
    while parts:
        try:
            part = parts.pop(0)
        except IndexError:
            break
        engine.part_lines(part, con)
readers = [threading.Thread(target=read) for _ in range(threads())]
[reader.start() for reader in readers]
[reader.join() for reader in readers]
print(f"{time.perf_counter() - start:.3f}", f"{time.process_time() - cpu:.3f}")
'''  # a Claude Code folder's part queries alone, on every core: what reading costs before any Python touches a row


CPU_SECONDS: dict[int, float] = {}  # id of a run's stdout -> its CPU seconds (user + sys, children included)


def measure(cmd: list[str], env: dict | None = None) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in KiB, stdout) of one child run; its CPU seconds go to CPU_SECONDS."""
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M %U %S", *cmd], capture_output=True, text=True,
                         env={**os.environ, **(env or {})})
    if out.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({out.returncode}): {out.stderr[-2000:]}")
    seconds, rss, user, system = out.stderr.strip().splitlines()[-1].split()
    CPU_SECONDS[id(out.stdout)] = float(user) + float(system)
    return float(seconds), int(rss), out.stdout


def cpu(run: tuple) -> str:
    """A run's CPU seconds (user + sys) as printed beside its wall time."""
    seconds = CPU_SECONDS.get(id(run[2]))
    return f"{seconds:6.1f} CPU-s" if seconds is not None else ""


def find_ccusage(given: str | None) -> str | None:
    """ccusage from --ccusage, $CCUSAGE, a node_modules here or beside this checkout, or PATH."""
    candidates = [given, os.environ.get("CCUSAGE"), ROOT / "node_modules" / ".bin" / "ccusage",
                  ROOT.parent / "ccusage" / "node_modules" / ".bin" / "ccusage", shutil.which("ccusage")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()} cores ({cpu}), "
            f"Python {platform.python_version()}, load average {load:.1f} at start")


CLASSIFIER: list[str] = []  # --classifier NAME, when given


def costsim(path: Path, *extra: str) -> tuple[float, int, dict]:
    seconds, rss, out = measure([sys.executable, "-m", "costsim", "estimate", str(path), "--as-of", "2026-05-14",
                                 "--format", "json", *CLASSIFIER, *extra], env={"PYTHONPATH": str(ROOT)})
    report = json.loads(out)
    CPU_SECONDS[id(report)] = CPU_SECONDS.pop(id(out), float("nan"))
    return seconds, rss, report


def compile_checkout() -> None:
    """Compile the checkout's modules once, as `pip install` does for a package (each run then loads them)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "costsim")], check=True,
                   stdout=subprocess.DEVNULL)


def median_run(runs: list[tuple]) -> tuple:
    """The run with the median time (its memory and output go with it)."""
    return sorted(runs, key=lambda run: run[0])[len(runs) // 2]


def spread(runs: list[tuple]) -> str:
    return f"{min(r[0] for r in runs):.2f}-{max(r[0] for r in runs):.2f} s" if len(runs) > 1 else ""


class Data:
    """Generated inputs, made once in `folder` and reused."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def _make(self, target: Path, cmd: list[str]) -> Path:
        if not target.exists():
            print(f"generating {target} ...", file=sys.stderr)
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        return target

    def prompt_heavy(self, records: int) -> Path:
        """A new typed prompt every ~4 requests, as in real agent logs (issue 13's folder)."""
        target = self.folder / f"prompt-heavy-{records}"
        return self._make(target, [sys.executable, str(HERE / "gen_claude_logs.py"), "--out", str(target),
                                   "--records", str(records), "--start", "2025-11-05"])

    def pooled(self, records: int) -> Path:
        """Prompts from a pool of eight (classifying costs next to nothing)."""
        target = self.folder / f"claude-code-{records}"
        self._make(target, [sys.executable, str(HERE / "gen_logs.py"), "claude-code", str(records), str(target)])
        return target

    def neutral(self, records: int) -> Path:
        target = self.folder / f"neutral-{records}.jsonl"
        return self._make(target, [sys.executable, str(HERE / "gen_logs.py"), "neutral", str(records), str(target)])

    def parquet(self, records: int) -> Path:
        target = self.folder / f"neutral-{records}.parquet"
        if not target.exists():
            import pyarrow.json as pj
            import pyarrow.parquet as pq

            pq.write_table(pj.read_json(self.neutral(records)), target)
        return target


def config_dir(folder: Path) -> Path:
    """What ccusage takes as CLAUDE_CONFIG_DIR: the folder holding `projects`."""
    return folder if (folder / "projects").is_dir() else folder.parent


def projects(folder: Path) -> Path:
    return folder / "projects" if (folder / "projects").is_dir() else folder


def bench_claude_code(title: str, folder: Path, ccusage: str | None, runs: int) -> None:
    theirs, ours = [], []
    for _ in range(runs):  # alternated, so both see the same machine
        if ccusage:
            theirs.append(measure([ccusage, "daily", "--json", "--offline", "-z", "UTC"],
                                  env={"CLAUDE_CONFIG_DIR": str(config_dir(folder))}))
        ours.append(costsim(projects(folder)))
    cs_s, cs_rss, report = median_run(ours)
    print(f"{title}{f', median of {runs} runs' if runs > 1 else ''}")
    if theirs:
        cc_s, cc_rss, cc_out = median_run(theirs)
        print(f"  ccusage:          {cc_s:6.2f} s {cpu(median_run(theirs))}  {cc_rss / 1024:7.0f} MiB peak   "
              f"({spread(theirs)})")
    print(f"  costsim estimate: {cs_s:6.2f} s {cpu(median_run(ours))}  {cs_rss / 1024:7.0f} MiB peak   ({spread(ours)})"
          + (f"   speed {cc_s / cs_s:.2f}x ccusage, memory {cs_rss / cc_rss:.2f}x ccusage" if theirs else ""))
    tokens = report["tokens"]
    line = (f"input {tokens['input']:,}, output {tokens['output']:,}, cache read {tokens['cache_read']:,}, "
            f"cache write {tokens['cache_write_5m'] + tokens['cache_write_1h']:,}")
    if theirs:
        totals = json.loads(cc_out)["totals"]
        same = (totals["inputTokens"], totals["outputTokens"], totals["cacheReadTokens"],
                totals["cacheCreationTokens"]) == (tokens["input"], tokens["output"], tokens["cache_read"],
                                                   tokens["cache_write_5m"] + tokens["cache_write_1h"])
        print(f"  same token totals: {'yes' if same else 'NO'} ({line}); ccusage ${totals['totalCost']:,.2f}")
    else:
        print(f"  tokens: {line} (ccusage not found: see --ccusage)")
    floor = sorted(float(measure([sys.executable, "-c", ENGINE_FLOOR, str(projects(folder))],
                                 env={"PYTHONPATH": str(ROOT)})[2].split()[0]) for _ in range(runs))
    print(f"  the engine's part queries alone (every core, nothing else in the process, imports left out): "
          f"{floor[len(floor) // 2]:.2f} s" + (f"; half ccusage's time is {cc_s / 2:.2f} s" if theirs else ""))


def bench_memory(data: Data, records: int) -> None:
    """Peak memory at a tenth of the records and at all of them (the target: at most 1.3x)."""
    small = costsim(projects(data.prompt_heavy(records // 10)))
    big = costsim(projects(data.prompt_heavy(records)))
    print(f"Claude Code memory: {records // 10:,} lines {small[1] / 1024:.0f} MiB, {records:,} lines "
          f"{big[1] / 1024:.0f} MiB = {big[1] / small[1]:.2f}x for 10x the records")


def bench_neutral(data: Data, records: int, runs: int, scale: int, baseline_python: str) -> None:
    path = data.neutral(records)
    base, ours = [], []
    for _ in range(runs):
        base.append(measure([baseline_python, "-c", BASELINE, str(path)]))
        ours.append(costsim(path))
    base_s, base_rss, base_out = median_run(base)
    cs_s, cs_rss, report = median_run(ours)
    parser, *sums = base_out.split()
    assert [int(x) for x in sums[:3]] == [report["tokens"]["input"], report["tokens"]["output"],
                                          report["tokens"]["cache_read"]], "token totals differ"
    print(f"neutral JSONL, {records:,} records ({path.stat().st_size / 2**20:,.0f} MiB; prompts from a pool of eight, "
          f"sessions of 500 requests, cache reads on every request), median of {runs}")
    print(f"  baseline ({parser} + sum): {base_s:6.2f} s {cpu(median_run(base))}  {base_rss / 1024:7.0f} MiB peak   "
          f"({spread(base)})")
    print(f"  costsim estimate:        {cs_s:6.2f} s {cpu(median_run(ours))}  {cs_rss / 1024:7.0f} MiB peak   "
          f"ratio {cs_s / base_s:.2f}x   ({spread(ours)})")
    if scale > 1:
        big = data.neutral(records * scale)
        big_s, big_rss, _ = costsim(big)
        print(f"  costsim at {scale}x ({records * scale:,}): {big_s:6.2f} s  {big_rss / 1024:7.0f} MiB peak   "
              f"memory {big_rss / cs_rss:.2f}x of 1x")


def bench_parquet(data: Data, records: int, runs: int) -> None:
    jsonl, parquet = data.neutral(records), data.parquet(records)
    as_jsonl, as_parquet = [], []
    for _ in range(runs):
        as_jsonl.append(costsim(jsonl))
        as_parquet.append(costsim(parquet))
    j_s, j_rss, j_report = median_run(as_jsonl)
    p_s, p_rss, p_report = median_run(as_parquet)
    same = j_report["tokens"] == p_report["tokens"] and j_report["strategies"] == p_report["strategies"]
    print(f"neutral records as JSONL and as Parquet, {records:,} records, median of {runs}")
    print(f"  JSONL   ({jsonl.stat().st_size / 2**20:5.0f} MiB): {j_s:6.2f} s {cpu(median_run(as_jsonl))}  "
          f"{j_rss / 1024:7.0f} MiB peak")
    print(f"  Parquet ({parquet.stat().st_size / 2**20:5.0f} MiB): {p_s:6.2f} s {cpu(median_run(as_parquet))}  "
          f"{p_rss / 1024:7.0f} MiB peak   "
          f"{j_s / p_s:.2f}x faster; same report: {'yes' if same else 'NO'}")
    read_jsonl, read_parquet = [], []  # the reading stage alone: imports left out, no classifying or pricing
    for _ in range(runs):
        for path, into in ((jsonl, read_jsonl), (parquet, read_parquet)):
            seconds, rss, out = measure([sys.executable, "-c", READ_STAGE, str(path)], env={"PYTHONPATH": str(ROOT)})
            rows, records, imports, reading = out.split()
            into.append((float(reading), rss, out, seconds, float(imports)))
    j_read, p_read = median_run(read_jsonl), median_run(read_parquet)
    print(f"  the reader alone (read_logs to usage-frame chunks, imports left out), median of {runs}: "
          f"JSONL {j_read[0]:.2f} s, Parquet {p_read[0]:.2f} s = {j_read[0] / p_read[0]:.2f}x faster "
          f"(whole process {j_read[3]:.2f} / {p_read[3]:.2f} s, {j_read[1] / 1024:.0f} / {p_read[1] / 1024:.0f} MiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", nargs="?", default="all",
                        choices=["all", "prompt-heavy", "claude-code", "neutral", "parquet", "memory"])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3, help="alternate this many runs of each; print medians")
    parser.add_argument("--scale", type=int, default=10, help="neutral: also run at this many times the records")
    parser.add_argument("--ccusage", default=None, help="path to the ccusage binary")
    parser.add_argument("--data", default=str(Path(tempfile.gettempdir()) / "costsim-bench"),
                        help="where generated inputs are kept between runs")
    parser.add_argument("--baseline-python", default=sys.executable,
                        help="Python for the neutral baseline (one with orjson installed gives the fastest baseline)")
    parser.add_argument("--classifier", default=None, help="costsim's classifier (default: the policy's)")
    args = parser.parse_args()
    if args.classifier:
        CLASSIFIER.extend(["--classifier", args.classifier])
    data, ccusage = Data(Path(args.data)), find_ccusage(args.ccusage)
    compile_checkout()
    print(f"machine: {machine()}")
    print(f"ccusage: {ccusage or 'not found'}; costsim classifier: {args.classifier or 'the policy default'}")
    kinds = ["prompt-heavy", "claude-code", "neutral", "parquet", "memory"] if args.kind == "all" else [args.kind]
    for kind in kinds:
        if kind == "prompt-heavy":
            bench_claude_code(f"Claude Code folder, {args.records:,} lines, a new prompt every ~4 requests",
                              data.prompt_heavy(args.records), ccusage, args.runs)
        elif kind == "claude-code":
            bench_claude_code(f"Claude Code folder, {args.records:,} lines, prompts from a pool of eight",
                              data.pooled(args.records), ccusage, args.runs)
        elif kind == "neutral":
            bench_neutral(data, args.records, args.runs, args.scale, args.baseline_python)
        elif kind == "parquet":
            bench_parquet(data, args.records, args.runs)
        else:
            bench_memory(data, args.records)
        print(flush=True)


if __name__ == "__main__":
    main()
