"""Time `costsim estimate` against a bare baseline on generated logs, with peak memory (RSS) of each.

    python benchmarks/bench_estimate.py neutral --records 1000000 [--scale 10]
    python benchmarks/bench_estimate.py claude-code --records 1000000 --ccusage /tmp/ccu/ccusage-bin [--runs 5]
    python benchmarks/bench_estimate.py claude-code --records 200000 --ccusage ... --distinct-prompts

neutral: the baseline reads the file and sums the token fields with the fastest JSON parser the
running Python has (orjson if installed, else json). claude-code: the baseline is ccusage (its Rust
20.x binary: `npm install ccusage@20.0.24`, then node_modules/@ccusage/ccusage-linux-x64/bin/ccusage),
and the script checks both report the same token totals; `--runs N` alternates N runs of each and
prints the medians (this machine's timings vary by ±10% from run to run); `--distinct-prompts` makes
every prompt a different request, as in real logs (costsim classifies each; ccusage does not).
`--scale 10` also runs costsim on 10× the records and prints the memory ratio. Each run is a child
process measured with /usr/bin/time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = Path(tempfile.gettempdir()) / "costsim-bench"

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


def measure(cmd: list[str], env: dict | None = None) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in KiB, stdout) of one child run."""
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M", *cmd], capture_output=True, text=True,
                         env={**os.environ, **(env or {})})
    if out.returncode not in (0,):
        raise SystemExit(f"{cmd[0]} failed ({out.returncode}): {out.stderr[-2000:]}")
    seconds, rss = out.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(rss), out.stdout


def generated(kind: str, records: int, distinct: bool = False) -> Path:
    CACHE.mkdir(exist_ok=True)
    target = CACHE / (f"neutral-{records}.jsonl" if kind == "neutral"
                      else f"claude-code-{records}" + ("-distinct" if distinct else ""))
    if not target.exists():
        print(f"generating {target} ...", file=sys.stderr)
        subprocess.run([sys.executable, str(HERE / "gen_logs.py"), kind, str(records), str(target),
                        *(["--distinct-prompts"] if distinct else [])], check=True)
    return target


def costsim(path: Path) -> tuple[float, int, dict]:
    seconds, rss, out = measure([sys.executable, "-m", "costsim", "estimate", str(path), "--as-of", "2026-05-14",
                                 "--format", "json"], env={"PYTHONPATH": str(ROOT)})
    return seconds, rss, json.loads(out)


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"


def bench_neutral(records: int, scale: int | None, baseline_python: str) -> None:
    path = generated("neutral", records)
    base_s, base_rss, base_out = measure([baseline_python, "-c", BASELINE, str(path)])
    cs_s, cs_rss, report = costsim(path)
    parser, *sums = base_out.split()
    assert [int(x) for x in sums[:3]] == [report["tokens"]["input"], report["tokens"]["output"],
                                          report["tokens"]["cache_read"]], "token totals differ"
    print(f"machine: {machine()}")
    print(f"neutral JSONL, {records:,} records ({path.stat().st_size / 2**20:,.0f} MiB)")
    print(f"  baseline ({parser} + sum): {base_s:6.2f} s  {base_rss / 1024:7.0f} MiB peak")
    print(f"  costsim estimate:        {cs_s:6.2f} s  {cs_rss / 1024:7.0f} MiB peak   ratio {cs_s / base_s:.2f}x")
    if scale:
        big = generated("neutral", records * scale)
        big_s, big_rss, _ = costsim(big)
        print(f"  costsim at {scale}x ({records * scale:,}): {big_s:6.2f} s  {big_rss / 1024:7.0f} MiB peak   "
              f"memory {big_rss / cs_rss:.2f}x of 1x")


def bench_claude_code(records: int, ccusage: str, runs: int = 1, distinct: bool = False) -> None:
    folder = generated("claude-code", records, distinct)
    theirs_runs, ours_runs = [], []
    for _ in range(runs):  # alternated, so both see the same machine
        theirs_runs.append(measure([ccusage, "claude", "daily", "--json", "--offline", "-z", "UTC"],
                                   env={"CLAUDE_CONFIG_DIR": str(folder)}))
        ours_runs.append(costsim(folder))
    cc_s, cc_rss, cc_out = sorted(theirs_runs, key=lambda run: run[0])[runs // 2]
    cs_s, cs_rss, report = sorted(ours_runs, key=lambda run: run[0])[runs // 2]
    theirs = json.loads(cc_out)["totals"]
    ours = report["tokens"]
    same = (theirs["inputTokens"], theirs["outputTokens"], theirs["cacheReadTokens"], theirs["cacheCreationTokens"]) == (
        ours["input"], ours["output"], ours["cache_read"], ours["cache_write_5m"] + ours["cache_write_1h"])
    spread = lambda results: f"{min(r[0] for r in results):.2f}-{max(r[0] for r in results):.2f} s"  # noqa: E731
    print(f"machine: {machine()}")
    print(f"Claude Code folder, {records:,} lines{', every prompt distinct' if distinct else ''}"
          f"{f', median of {runs} runs' if runs > 1 else ''}")
    print(f"  ccusage (Rust):   {cc_s:6.2f} s  {cc_rss / 1024:7.0f} MiB peak" + (f"   ({spread(theirs_runs)})" if runs > 1 else ""))
    print(f"  costsim estimate: {cs_s:6.2f} s  {cs_rss / 1024:7.0f} MiB peak   "
          f"speed {cc_s / cs_s:.2f}x ccusage, memory {cs_rss / cc_rss:.2f}x ccusage"
          + (f"   ({spread(ours_runs)})" if runs > 1 else ""))
    print(f"  same token totals: {'yes' if same else 'NO'} (input {ours['input']:,}, output {ours['output']:,}, "
          f"cache read {ours['cache_read']:,}, cache write {ours['cache_write_5m'] + ours['cache_write_1h']:,})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["neutral", "claude-code"])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--scale", type=int, default=None, help="also run at this many times the records (neutral)")
    parser.add_argument("--ccusage", default=None, help="path to the ccusage binary (claude-code)")
    parser.add_argument("--runs", type=int, default=1, help="alternate this many runs of each; print medians (claude-code)")
    parser.add_argument("--distinct-prompts", action="store_true", help="every prompt a different request (claude-code)")
    parser.add_argument("--baseline-python", default=sys.executable,
                        help="Python for the neutral baseline (one with orjson installed gives the fastest baseline)")
    args = parser.parse_args()
    if args.kind == "neutral":
        bench_neutral(args.records, args.scale, args.baseline_python)
    else:
        if not args.ccusage:
            raise SystemExit("--ccusage PATH is required for claude-code")
        bench_claude_code(args.records, args.ccusage, args.runs, args.distinct_prompts)


if __name__ == "__main__":
    main()
