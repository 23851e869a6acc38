"""Time loading the price tables, and `costsim compare` from start to finish, on this checkout.

    python benchmarks/bench_load.py [--runs 15]

Prints the median (and min) of: loading every bundled price table in-process (`load_price_book()`,
a fresh book each run); the CPU time from interpreter start to the tables loaded and the routing
policy's models resolved; and a whole `costsim compare --as-of 2026-05-14 --format json` child process
(interpreter start, imports, tables, the sprint scenario, rendering), wall and CPU time. Each child run alternates with
an in-process run; the machine may be shared, so compare medians taken in the same session.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_once() -> tuple[float, int]:
    code = ("import time; from costsim.pricing.book import load_price_book; t=time.perf_counter(); "
            "b=load_price_book(); print(time.perf_counter()-t, len(b.models))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    seconds, models = out.stdout.split()
    return float(seconds), int(models)


def start_cpu_once() -> float:
    """CPU seconds from interpreter start to the CLI imported, the tables loaded and the policy's models resolved."""
    code = ("import resource; import costsim.cli.app, costsim.api; from costsim.pricing.book import load_price_book; "
            "b=load_price_book(); [b.resolve(m) for m in ('gpt-5-nano','deepseek-v4-flash','claude-opus-4-7')]; "
            "r=resource.getrusage(resource.RUSAGE_SELF); print(r.ru_utime+r.ru_stime)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return float(out.stdout)


def compare_once() -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `costsim compare` child: CPU time is steadier on a busy machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "costsim", "compare", "--as-of", "2026-05-14", "--format", "json"],
                   capture_output=True, cwd=ROOT, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - start, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    loads, starts, walls, cpus, models = [], [], [], [], 0
    for _ in range(args.runs):
        seconds, models = load_once()
        loads.append(seconds)
        starts.append(start_cpu_once())
        wall, cpu = compare_once()
        walls.append(wall)
        cpus.append(cpu)
    ms = lambda xs: f"median {statistics.median(xs) * 1000:.1f} ms, min {min(xs) * 1000:.1f} ms"  # noqa: E731
    print(f"load_price_book ({models} models, import time excluded): {ms(loads)}")
    print(f"start, import, load, resolve the policy (CPU):      {ms(starts)}")
    print(f"costsim compare, wall (whole process):              {ms(walls)}")
    print(f"costsim compare, CPU (user + system):               {ms(cpus)}")


if __name__ == "__main__":
    main()
