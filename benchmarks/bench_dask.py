"""Time `costsim estimate --engine dask` on a local cluster against the local engine, and measure the
per-part and per-share costs that an estimate of bigger clusters starts from.

    python benchmarks/bench_dask.py --records 10000000 [--workers 2] [--part-mb 128] [--runs 3]
                                    [--caches replay|carried] [--distinct-prompts] [--project]

The input is neutral JSONL, ~220 bytes a line, with sessions of 500 requests, timestamps and cache reads,
so the default run replays prompt caches per conversation (`--caches carried` skips that). Without
--distinct-prompts it is written here by `fast_neutral` (numpy, a few seconds a million lines); with it,
by benchmarks/gen_logs.py (~500 bytes a line, every prompt a different request: classifying is most of
the work). Three measurements, alternated `--runs` times, medians printed:
  local  `costsim estimate FILE` (this machine's cores), a child process: wall and CPU seconds;
  dask   `costsim estimate FILE --engine dask` with COSTSIM_WORKERS=WORKERS: a local cluster started and
         stopped by the run, a child process (its workers' CPU seconds counted with it);
  parts  the engine's steps on a cluster started beforehand (in this process): the parts mapped (each
         part's CPU seconds on its worker, `PartResult.cpu_seconds`), the client's dedup check and merge,
         the held rows shuffled by conversation and each share priced on a worker (`ShareResult.cpu_seconds`),
         and the pricing;
  alone  `read_part` on one part in this process, no cluster.
Every run's JSON report must equal the local engine's, or the script stops. `--project` prints the estimate
of the wall time at 100 million and 1 billion requests on 8, 32 and 128 workers from the measured costs.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from bench_estimate import machine  # noqa: E402
from gen_logs import MODELS, PROMPTS  # noqa: E402

AS_OF = "2026-05-14"
DATA = Path(tempfile.gettempdir()) / "costsim-bench"


def generated(records: int, distinct: bool) -> Path:
    DATA.mkdir(exist_ok=True)
    target = DATA / (f"neutral-{records}-distinct.jsonl" if distinct else f"neutral-fast-{records}.jsonl")
    if not target.exists():
        print(f"generating {target} ...", file=sys.stderr)
        if distinct:
            subprocess.run([sys.executable, str(HERE / "gen_logs.py"), "neutral", str(records), str(target),
                            "--distinct-prompts"], check=True)
        else:
            fast_neutral(records, target)
    return target


def fast_neutral(records: int, out: Path, block: int = 1_000_000) -> None:
    """gen_logs.py's neutral lines (its fields, models, prompts, sessions of 500 requests, timestamps), the
    token counts drawn by numpy a block at a time and the lines written with f-strings: ~10x faster."""
    import numpy as np

    rng = np.random.default_rng(7)
    with out.open("w") as f:
        for start in range(0, records, block):
            rows = range(start, min(start + block, records))
            draws = [
                rng.integers(low, high, len(rows)).tolist() for low, high in ((100, 20000), (10, 4000), (0, 50000))
            ]
            f.write(
                "".join(
                    f'{{"id":"req-{k}","timestamp":"2026-05-{1 + k % 28:02d}T{k % 24:02d}:{k % 60:02d}:00Z",'
                    f'"model":"{MODELS[k % len(MODELS)]}","input_tokens":{a},"output_tokens":{b},'
                    f'"cache_read_tokens":{c},'
                    f'"prompt":"{PROMPTS[k % len(PROMPTS)]}","session":"s{k // 500}","project":"p{k % 7}"}}\n'
                    for k, a, b, c in zip(rows, *draws)
                )
            )


def measure(cmd: list[str], env: dict) -> tuple[float, float, int, str]:
    """(wall seconds, CPU seconds (user + sys, waited-for children included), peak RSS KiB, stdout) of a child."""
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%e %U %S %M", *cmd], capture_output=True, text=True, env={**os.environ, **env}
    )
    if out.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({out.returncode}): {out.stderr[-2000:]}")
    wall, user, system, rss = out.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), int(rss), out.stdout


def cli_run(path: Path, engine: str, workers: int, part_mb: int, caches: str) -> tuple[float, float, int, dict]:
    env = {"PYTHONPATH": str(ROOT), "COSTSIM_WORKERS": str(workers), "COSTSIM_PART_MB": str(part_mb)}
    wall, cpu, rss, out = measure(
        [
            sys.executable,
            "-m",
            "costsim",
            "estimate",
            str(path),
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--engine",
            engine,
            "--caches",
            caches,
        ],
        env=env,
    )
    return wall, cpu, rss, json.loads(out)


def options(caches: str, token: str):
    from costsim.cluster import parts as P
    from costsim.pricing.book import load_price_book
    from costsim.routing.policy import load_policy

    day = date.fromisoformat(AS_OF)
    return P.ReadOptions(load_price_book(()), load_policy(None), as_of=day, today=day, token=token, caches=caches)


def parts_run(path: Path, scheduler: str, part_mb: int, caches: str) -> dict:
    """The engine's steps on a running cluster (as `cluster.engine.estimate` runs them): wall seconds of each
    step, and every part's and every share's CPU seconds on its worker."""
    import uuid

    from distributed import Client

    from costsim.cluster import engine
    from costsim.cluster import parts as P

    given = options(caches, uuid.uuid4().hex)
    with Client(scheduler) as client:
        started = time.perf_counter()
        todo = P.plan([str(path)], None, part_mb << 20)
        shared_options = client.submit(engine._same, given)
        results, kept = engine._map(client, todo, shared_options, lambda text: None)
        mapped = time.perf_counter()
        shared = P.shared_ids(results)
        checked = time.perf_counter()
        totals = P.Totals(given)
        for result in results:
            totals.add(result)
        merged = time.perf_counter()
        held = [kept[r.part.index] for r in results if r.held_rows]
        cpu_before = client.run(time.process_time)  # each worker process's CPU seconds, every thread
        if held:
            engine._price_shares(client, held, totals, shared_options, lambda text: None)
        del kept, held
        shuffled = time.perf_counter()
        cpu_after = client.run(time.process_time)
        report = totals.report(totals.classifier, None)
        done = time.perf_counter()
    if shared:
        raise SystemExit("generated ids are unique: no part should share one")
    return {
        "wall": done - started,
        "map": mapped - started,
        "dedup": checked - mapped,
        "merge": merged - checked,
        "shares": shuffled - merged,
        "price": done - shuffled,
        "parts": len(results),
        "cpu": [r.cpu_seconds for r in results],
        "read": [r.accounting["records_read"] for r in results],
        "share_cpu": [c for _, c in totals.shares],
        "share_rows": [n for n, _ in totals.shares],
        "shares_worker_cpu": sum(cpu_after[w] - cpu_before.get(w, 0.0) for w in cpu_after),
        "report": report.to_dict(),
    }


def in_process(path: Path, part_mb: int, caches: str) -> float:
    """Wall seconds a request of `read_part` alone, in this process (no cluster), on the second part (the
    first loads the classifier)."""
    from costsim.cluster import parts as P

    given = options(caches, "bench")
    todo = P.plan([str(path)], None, part_mb << 20)
    P.read_part(todo[0], given)
    if len(todo) < 2:
        return float("nan")
    started = time.perf_counter()
    result = P.read_part(todo[1], given)
    return (time.perf_counter() - started) / max(result.accounting["records_read"], 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--part-mb", type=int, default=128)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--caches", choices=("replay", "carried"), default="replay")
    parser.add_argument("--distinct-prompts", action="store_true")
    parser.add_argument("--project", action="store_true", help="print the estimate for 1e8 and 1e9 requests")
    parser.add_argument(
        "--no-cli",
        action="store_true",
        help="only the running cluster's steps (no CLI runs, so no check against the local engine)",
    )
    args = parser.parse_args()
    path = generated(args.records, args.distinct_prompts)
    size_mib = path.stat().st_size / 2**20
    print(f"machine: {machine()} (shared with other jobs: wall times are noisy, CPU times less so)", flush=True)

    from distributed import LocalCluster

    local_runs, dask_runs, parts, alone = [], [], [], []
    with LocalCluster(
        n_workers=args.workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    ) as cluster:
        for _ in range(args.runs):  # alternated, so each sees the same machine
            if args.no_cli:
                parts.append(parts_run(path, cluster.scheduler_address, args.part_mb, args.caches))
                print(f"  running cluster: {parts[-1].pop('report') and parts[-1]['wall']:.1f} s", flush=True)
                continue
            *measured, local = cli_run(path, "local", args.workers, args.part_mb, args.caches)
            local_runs.append(measured)
            print(
                f"  local: {measured[0]:.1f} s wall, {measured[1]:.1f} CPU-s, {measured[2] / 2**20:.2f} GiB", flush=True
            )
            *measured, remote = cli_run(path, "dask", args.workers, args.part_mb, args.caches)
            dask_runs.append(measured)
            print(f"  dask:  {measured[0]:.1f} s wall, {measured[1]:.1f} CPU-s", flush=True)
            if remote != local:
                raise SystemExit("the dask engine's report differs from the local engine's")
            run = parts_run(path, cluster.scheduler_address, args.part_mb, args.caches)
            if run.pop("report") != local:
                raise SystemExit("the dask engine's report (running cluster) differs from the local engine's")
            print(f"  running cluster: {run['wall']:.1f} s", flush=True)
            parts.append(run)
            alone.append(in_process(path, args.part_mb, args.caches))
    report(args, path, size_mib, local_runs, dask_runs, parts, alone)


def report(args, path: Path, size_mib: float, local_runs, dask_runs, parts, alone) -> None:
    median = lambda values: statistics.median(list(values) or [float("nan")])  # noqa: E731
    run = sorted(parts, key=lambda r: r["wall"])[len(parts) // 2]
    # the median part's CPU per request: the first part on each worker also loads the classifier
    cpu_per_request = median([c / max(n, 1) for r in parts for c, n in zip(r["cpu"], r["read"])])
    share_cpu_per_row = (
        median([c / n for r in parts for c, n in zip(r["share_cpu"], r["share_rows"]) if n])
        if run["share_rows"]
        else 0.0
    )
    held_rows = sum(run["share_rows"])
    # the shuffle and the shares, in worker CPU-seconds a row (serialising, moving, spilling, sorting, pricing)
    share_step_per_row = run["shares_worker_cpu"] / held_rows if held_rows else 0.0
    bytes_per_request = path.stat().st_size / args.records
    print(
        f"neutral JSONL, {args.records:,} lines ({size_mib:,.0f} MiB)"
        f"{', every prompt distinct' if args.distinct_prompts else ''}, "
        f"--caches {args.caches}, {args.workers} workers, parts of {args.part_mb} MiB, median of {args.runs} run(s)"
    )
    print(
        f"  local engine (CLI):                    {median(r[0] for r in local_runs):7.1f} s wall, "
        f"{median(r[1] for r in local_runs):7.1f} CPU-s, peak RSS {median(r[2] for r in local_runs) / 2**20:.2f} GiB"
    )
    print(
        f"  dask engine (CLI, starts its cluster): {median(r[0] for r in dask_runs):7.1f} s wall, "
        f"{median(r[1] for r in dask_runs):7.1f} CPU-s (client and workers)"
    )
    print(
        f"  dask engine on a running cluster:      {run['wall']:7.1f} s = map {run['map']:.1f} s ({run['parts']} parts)"
        f" + dedup check {run['dedup']:.2f} s + merge {run['merge']:.2f} s + shuffle and shares {run['shares']:.1f} s"
        f" ({len(run['share_rows'])} shares, {held_rows:,} rows) + pricing {run['price']:.2f} s"
    )
    print("  same report from every run: " + ("not checked (--no-cli)" if args.no_cli else "yes"))
    print(
        f"  per part: {median(run['cpu']):.2f} CPU-s (median); {cpu_per_request * 1e6:.1f} CPU-us a request, "
        f"{cpu_per_request / bytes_per_request * 2**20 * 1000:.0f} CPU-ms a MiB"
    )
    if held_rows:
        print(
            f"  per share: {share_cpu_per_row * 1e6:.1f} CPU-us a row priced; the shuffle and shares step "
            f"{run['shares_worker_cpu']:.1f} worker CPU-s, {share_step_per_row * 1e6:.1f} CPU-us a row"
        )
    print(f"  read_part alone in this process: {median(alone) * 1e6:.1f} us a request (wall)")
    if args.project:
        project(args, run, cpu_per_request, share_step_per_row, bytes_per_request)


def project(args, run: dict, cpu_per_request: float, share_step_per_row: float, bytes_per_request: float) -> None:
    dedup_per_id = run["dedup"] / args.records
    merge_per_part = run["merge"] / run["parts"]
    requests_per_part = (128 << 20) / bytes_per_request  # the default part size
    print(
        f"  projected wall time = N x ({cpu_per_request * 1e6:.1f} CPU-us read + {share_step_per_row * 1e6:.1f} CPU-us "
        f"shuffle and shares) / workers + parts x {merge_per_part * 1000:.0f} ms + N x {dedup_per_id * 1e9:.0f} ns "
        f"(dedup) + {run['price']:.1f} s; 128 MiB parts ({requests_per_part:,.0f} requests), cluster start-up and "
        "storage bandwidth not included:"
    )
    for requests in (10**8, 10**9):
        cells = []
        for workers in (8, 32, 128):
            seconds = (
                requests * (cpu_per_request + share_step_per_row) / workers
                + requests / requests_per_part * merge_per_part
                + requests * dedup_per_id
                + run["price"]
            )
            cells.append(f"{workers:>3} workers {_human(seconds)}")
        print(f"    {requests:>13,} requests: " + "   ".join(cells))


def _human(seconds: float) -> str:
    return (
        f"{seconds / 3600:5.1f} h"
        if seconds >= 3600
        else f"{seconds / 60:5.1f} min"
        if seconds >= 60
        else f"{seconds:5.1f} s"
    )


if __name__ == "__main__":
    main()
