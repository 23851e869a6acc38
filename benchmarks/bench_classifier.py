"""Per-request latency of the shipped learned classifier (and the rules), CPU, single thread.

    python benchmarks/bench_classifier.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from costsim.learned import LearnedClassifier, default_classifier_path  # noqa: E402
from costsim.rules import keyword_tier, smart_rules_tier  # noqa: E402


def main() -> None:
    prompts = [json.loads(l)["prompt"] for l in (ROOT / "datasets/classify/train.jsonl").open(encoding="utf-8")]
    t0 = time.perf_counter()
    clf = LearnedClassifier.load()
    load_ms = (time.perf_counter() - t0) * 1000
    size = default_classifier_path().stat().st_size
    clf.predict(prompts[:20])  # warm up

    def per_request(fn) -> list[float]:
        out = []
        for p in prompts:
            t = time.perf_counter()
            fn(p)
            out.append((time.perf_counter() - t) * 1e6)
        return out

    rows = {
        "keyword rules": per_request(keyword_tier),
        "smart rules": per_request(smart_rules_tier),
        "learned predict": per_request(lambda p: clf.predict([p])),
    }
    t = time.perf_counter()
    clf.predict(prompts)
    batch_us = (time.perf_counter() - t) * 1e6 / len(prompts)
    print(f"weights {default_classifier_path().name}: {size / 1024:.0f} KiB, {len(clf.vocab)} features, load {load_ms:.0f} ms")
    print(f"{'':<18}{'mean us':>9}{'p50 us':>9}{'p99 us':>9}{'max us':>9}   ({len(prompts)} prompts, 46-16404 chars)")
    for name, xs in rows.items():
        xs = sorted(xs)
        print(f"{name:<18}{statistics.mean(xs):9.0f}{xs[len(xs) // 2]:9.0f}{xs[int(len(xs) * 0.99)]:9.0f}{xs[-1]:9.0f}")
    print(f"learned, batch of {len(prompts)}: {batch_us:.0f} us per request")


if __name__ == "__main__":
    main()
