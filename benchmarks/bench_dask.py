"""Time `costsim estimate --engine dask` on a local cluster against the local engine, and measure the
per-part costs that an estimate of bigger clusters starts from.

    python benchmarks/bench_dask.py --records 1000000 [--workers 2] [--part-mb 32] [--runs 3] [--distinct-prompts]

The input is neutral JSONL (benchmarks/gen_logs.py; ~200 bytes a line, ~500 with --distinct-prompts,
where every prompt is a different request and classifying is most of the work). Three measurements,
alternated `--runs` times, medians printed:
  local  `costsim estimate FILE` (this machine's cores), a child process;
  dask   `costsim estimate FILE --engine dask` with COSTSIM_WORKERS=WORKERS: a local cluster started and
         stopped by the run, a child process;
  parts  the parts mapped on a cluster started beforehand (in this process), then added up by the
         client: each part's CPU seconds on its worker (`PartResult.cpu_seconds`), the map's and the
         client's wall seconds (dedup check, merge, pricing);
  alone  `read_part` on a few parts in this process, no cluster.
Every run's JSON report must equal the local engine's, or the script stops. `--project` prints the estimate of the
wall time at 100 million and 1 billion requests on 8, 32 and 128 workers from the measured costs.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from bench_estimate import CACHE, machine, measure  # noqa: E402

AS_OF = "2026-05-14"


def generated(records: int, distinct: bool) -> Path:
    CACHE.mkdir(exist_ok=True)
    target = CACHE / f"neutral-{records}{'-distinct' if distinct else ''}.jsonl"
    if not target.exists():
        print(f"generating {target} ...", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE / "gen_logs.py"), "neutral", str(records), str(target),
                        *(["--distinct-prompts"] if distinct else [])], check=True)
    return target


def cli_run(path: Path, engine: str, workers: int, part_mb: int) -> tuple[float, dict]:
    env = {"PYTHONPATH": str(ROOT), "COSTSIM_WORKERS": str(workers), "COSTSIM_PART_MB": str(part_mb)}
    seconds, _, out = measure([sys.executable, "-m", "costsim", "estimate", str(path), "--as-of", AS_OF,
                               "--format", "json", "--engine", engine,
                               "--caches", "carried"], env=env)  # as the cluster prices them
    return seconds, json.loads(out)


def parts_run(path: Path, scheduler: str, part_mb: int) -> dict:
    """The parts mapped on a running cluster (as `dask_engine.estimate` maps them), then added up: wall
    seconds of each step and every part's CPU seconds on its worker."""
    import uuid

    from distributed import Client

    from costsim.cluster import engine as dask_engine

    from costsim.cluster import parts as P
    from costsim.routing.policy import load_policy
    from costsim.pricing.book import load_price_book

    day = date.fromisoformat(AS_OF)
    options = P.ReadOptions(load_price_book(()), load_policy(None), as_of=day, today=day, token=uuid.uuid4().hex)
    with Client(scheduler) as client:
        started = time.perf_counter()
        todo = P.plan([str(path)], None, part_mb << 20)
        results = dask_engine._map(client, todo, options, lambda text: None)
        mapped = time.perf_counter()
        shared = P.shared_ids(results)
        checked = time.perf_counter()
        totals = P.Totals(options)
        for result in results:
            totals.add(result)
        merged = time.perf_counter()
        report = totals.run.report(totals.stats, totals.estimated, totals.classifier, None)
        done = time.perf_counter()
    if shared:
        raise SystemExit("generated ids are unique: no part should share one")
    return {"wall": done - started, "map": mapped - started, "client": done - mapped, "dedup": checked - mapped,
            "merge": merged - checked, "price": done - merged, "parts": len(results),
            "cpu": [r.cpu_seconds for r in results], "read": [r.accounting["records_read"] for r in results],
            "report": report.to_dict()}


def in_process(path: Path, part_mb: int, parts: int = 3) -> float:
    """Seconds a request of `read_part` alone, in this process (no cluster): the median of a few parts
    after a first one that loads the classifier."""
    from costsim.cluster import parts as P
    from costsim.routing.policy import load_policy
    from costsim.pricing.book import load_price_book

    day = date.fromisoformat(AS_OF)
    options = P.ReadOptions(load_price_book(()), load_policy(None), as_of=day, today=day, token="bench")
    todo = P.plan([str(path)], None, part_mb << 20)
    P.read_part(todo[0], options)
    costs = []
    for part in todo[1:1 + parts]:
        started = time.perf_counter()
        result = P.read_part(part, options)
        costs.append((time.perf_counter() - started) / max(result.accounting["records_read"], 1))
    return statistics.median(costs) if costs else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--part-mb", type=int, default=32)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--distinct-prompts", action="store_true")
    parser.add_argument("--project", action="store_true", help="print the estimate for 1e8 and 1e9 requests")
    args = parser.parse_args()
    path = generated(args.records, args.distinct_prompts)
    size_mib = path.stat().st_size / 2**20

    from distributed import LocalCluster

    local_s, dask_s, parts, alone = [], [], [], []
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as cluster:
        for _ in range(args.runs):  # alternated, so each sees the same machine
            seconds, local = cli_run(path, "local", args.workers, args.part_mb)
            local_s.append(seconds)
            seconds, remote = cli_run(path, "dask", args.workers, args.part_mb)
            dask_s.append(seconds)
            if remote != local:
                raise SystemExit("the dask engine's report differs from the local engine's")
            run = parts_run(path, cluster.scheduler_address, args.part_mb)
            if run.pop("report") != local:
                raise SystemExit("the dask engine's report (running cluster) differs from the local engine's")
            parts.append(run)
            alone.append(in_process(path, args.part_mb))
    median = statistics.median
    run = sorted(parts, key=lambda r: r["wall"])[len(parts) // 2]
    # the median part's CPU per request: the first part on each worker also loads the classifier
    cpu_per_request = median([c / max(n, 1) for r in parts for c, n in zip(r["cpu"], r["read"])])
    bytes_per_request = path.stat().st_size / args.records
    print(f"machine: {machine()} (shared with other jobs: wall times are noisy, CPU times less so)")
    print(f"neutral JSONL, {args.records:,} lines ({size_mib:,.0f} MiB){', every prompt distinct' if args.distinct_prompts else ''}, "
          f"{args.workers} workers, parts of {args.part_mb} MiB, median of {args.runs} run(s)")
    print(f"  local engine (CLI):                      {median(local_s):7.2f} s")
    print(f"  dask engine (CLI, starts its cluster):   {median(dask_s):7.2f} s")
    print(f"  dask engine on a running cluster:        {run['wall']:7.2f} s = map {run['map']:.2f} s "
          f"({run['parts']} parts) + client {run['client']:.2f} s (dedup check, merge, pricing)")
    print(f"  same report from every run: yes")
    print(f"  per part: {median(run['cpu']):.2f} CPU-s (median); {cpu_per_request * 1e6:.1f} CPU-us a request, "
          f"{cpu_per_request / bytes_per_request * 2**20 * 1000:.0f} CPU-ms a MiB")
    print(f"  read_part alone in this process: {median(alone) * 1e6:.1f} us a request (wall)")
    print(f"  client: dedup check {run['dedup']:.2f} s, merge {run['merge'] / run['parts'] * 1000:.0f} ms a part, "
          f"pricing {run['price']:.2f} s")
    if args.project:
        dedup_per_id = run["dedup"] / args.records
        merge_per_part = run["merge"] / run["parts"]
        requests_per_part = (128 << 20) / bytes_per_request  # the default part size
        print(f"  projected wall time = N x {cpu_per_request * 1e6:.1f} CPU-us / workers + parts x "
              f"{merge_per_part * 1000:.0f} ms + N x {dedup_per_id * 1e9:.0f} ns (dedup) + {run['price']:.1f} s;"
              f" 128 MiB parts ({requests_per_part:,.0f} requests), cluster start-up and storage bandwidth not included:")
        for requests in (10**8, 10**9):
            cells = []
            for workers in (8, 32, 128):
                seconds = (requests * cpu_per_request / workers + requests / requests_per_part * merge_per_part
                           + requests * dedup_per_id + run["price"])
                cells.append(f"{workers:>3} workers {_human(seconds)}")
            print(f"    {requests:>13,} requests: " + "   ".join(cells))


def _human(seconds: float) -> str:
    return f"{seconds / 3600:5.1f} h" if seconds >= 3600 else f"{seconds / 60:5.1f} min" if seconds >= 60 else f"{seconds:5.1f} s"


if __name__ == "__main__":
    main()
