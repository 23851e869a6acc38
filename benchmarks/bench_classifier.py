"""Speed of the shipped learned classifier: its batch call (a list of prompts in, tiers out) on short and
1.5 KB prompts, in one process and over the cores the way a run splits a batch (costsim.routing.pool: this
process and spawned workers started once and reused), beside the per-prompt call and the rules.

    python benchmarks/bench_classifier.py [--short 200000] [--long 20000] [--workers 2] [--repeat 3] [--weights F]

(--weights: another weights file than the shipped one, e.g. a candidate before it is shipped.)

Prompts are distinct (each one a labeled prompt with a number, so no cache can help): short ones are the
labeled prompts of at most 17 words plus " (N)", at most 20 words; long ones are labeled prompts joined
until 1.5 KB, with a number in front. Times are medians of --repeat runs; on a shared machine, alternate
and compare runs taken together.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from costsim.routing.features import batch_words  # noqa: E402
from costsim.routing.learned import LearnedClassifier, default_classifier_path  # noqa: E402
from costsim.routing.rules import joined, joined_prose, keyword_tier, smart_rules_tier  # noqa: E402


def labeled_prompts() -> list[str]:
    files = [ROOT / "datasets/classify/train.jsonl", *sorted((ROOT / "datasets/classify/authored").glob("*.jsonl"))]
    return [json.loads(line)["prompt"] for f in files for line in f.open(encoding="utf-8")]


def short_prompts(n: int, labeled: list[str]) -> list[str]:
    base = [p for p in labeled if len(p.split()) <= 17]
    return [f"{base[i % len(base)]} ({i})" for i in range(n)]


def long_prompts(n: int, labeled: list[str], size: int = 1536) -> list[str]:
    out, j = [], 0
    for i in range(n):
        text = f"({i}) "
        while len(text) < size:
            text += labeled[j % len(labeled)] + "\n\n"
            j += 1
        out.append(text[:size])
    return out


def batch_rate(clf: LearnedClassifier, prompts: list[str], repeat: int) -> tuple[float, float]:
    """Prompts a second through clf.tiers in this process, by the wall clock and by its CPU time."""
    times, cpu = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        clf.tiers(prompts)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return len(prompts) / statistics.median(times), len(prompts) / statistics.median(cpu)


def pool_rate(clf: LearnedClassifier, prompts: list[str], workers: int, repeat: int) -> tuple[float, float]:
    """Prompts a second through clf.tiers split over `workers` cores as a run splits a batch of new prompts
    (Remembering's decision step: this process and workers - 1 spawned processes), the workers started and
    warmed up first; and the seconds that start-up took."""
    from costsim.routing.pool import PARALLEL_FROM, Remembering

    os.environ["COSTSIM_WORKERS"] = str(workers)
    pool = Remembering(clf.tiers)
    t = time.perf_counter()
    pool.start()
    pool._decide(prompts[:PARALLEL_FROM])  # noqa: SLF001 - returns once every worker has the classifier
    startup = time.perf_counter() - t
    times = []
    try:
        for _ in range(repeat):
            t = time.perf_counter()
            pool._decide(prompts)  # noqa: SLF001 - the step without the run's memory of seen prompts
            times.append(time.perf_counter() - t)
    finally:
        pool.close()
    return len(prompts) / statistics.median(times), startup


def steps_us(clf: LearnedClassifier, prompts: list[str], repeat: int) -> dict[str, float]:
    """Microseconds a prompt for each step of the batch call, each step timed with the ones before it
    (medians of `repeat` runs): joining, the prose pass, the words, the sparse features, the whole call."""
    steps = {"join": lambda: joined(prompts), "+ prose": lambda: joined_prose(joined(prompts)),
             "+ words": lambda: batch_words(prompts), "+ features": lambda: clf.space.hits(prompts),
             "+ logits, tiers": lambda: clf.tiers(prompts)}
    out = {}
    for name, step in steps.items():
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            step()
            times.append(time.perf_counter() - t)
        out[name] = statistics.median(times) * 1e6 / len(prompts)
    return out


def per_prompt_us(fn, prompts: list[str]) -> float:
    t = time.perf_counter()
    for p in prompts:
        fn(p)
    return (time.perf_counter() - t) * 1e6 / len(prompts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--short", type=int, default=200_000)
    ap.add_argument("--long", type=int, default=20_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--weights", type=Path, default=default_classifier_path())
    args = ap.parse_args()
    labeled = labeled_prompts()
    t0 = time.perf_counter()
    clf = LearnedClassifier.load(args.weights)
    clf.tiers(labeled[:10])
    load_ms = (time.perf_counter() - t0) * 1000
    size = args.weights.stat().st_size
    print(f"weights {args.weights.name}: {size / 1024:.0f} KiB, {len(clf.names):,} features, "
          f"load {load_ms:.0f} ms; {os.cpu_count()} CPUs visible (shared machine: compare runs taken together)")
    for label, prompts in (("short (<= 20 words)", short_prompts(args.short, labeled)),
                           ("1.5 KB", long_prompts(args.long, labeled))):
        one, one_cpu = batch_rate(clf, prompts, args.repeat)
        many, startup = pool_rate(clf, prompts, args.workers, args.repeat)
        print(f"{label:<20} {len(prompts):>8,} distinct prompts: batch call {one:>10,.0f}/s in one process "
              f"({one_cpu:,.0f} per CPU-second), {many:>10,.0f}/s on {args.workers} cores "
              f"(workers' start-up {startup:.2f} s, once a run)")
        step = steps_us(clf, prompts[: len(prompts) // 4], args.repeat)
        print(" " * 21 + "us a prompt, cumulative: " + ", ".join(f"{k} {v:.1f}" for k, v in step.items()))
    sample = short_prompts(2000, labeled)
    print("per-prompt calls on short prompts (us a prompt): "
          f"learned predict([p]) {per_prompt_us(lambda p: clf.predict([p]), sample):.0f}, "
          f"learned tiers([p]) {per_prompt_us(lambda p: clf.tiers([p]), sample):.0f}, "
          f"smart rules {per_prompt_us(smart_rules_tier, sample):.0f}, "
          f"keyword rules {per_prompt_us(keyword_tier, sample):.1f}")
    t = time.perf_counter()
    clf.predict(sample * 10)
    print(
        f"learned predict (decisions with reasons), batch of {len(sample) * 10:,}: "
        f"{len(sample) * 10 / (time.perf_counter() - t):,.0f}/s in one process"
    )


if __name__ == "__main__":
    main()
