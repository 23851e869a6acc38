"""`estimate --target-distribution`: set the learned classifier's thresholds so a log splits in given shares.

Like RouteLLM's threshold calibration: a first pass over the log collects every request that the
classifier will place (it has prompt text and no logged tier), the learned model's probabilities for
each distinct prompt, and the per-tier offsets that make those requests split in the target shares.
The report then says how many requests the forced split moved; what forcing costs in routing quality
can only be measured on labeled requests (`costsim evaluate --target-distribution`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from costsim.errors import ConfigError
from costsim.routing.learned import LearnedClassifier, calibrate, decide


@dataclass(frozen=True)
class Calibration:
    target_shares: tuple[float, float, float]
    offsets: tuple[float, float, float]
    requests: int                          # requests the classifier places (prompted, no logged tier)
    unforced: tuple[int, int, int]         # requests per tier with the model's own thresholds
    forced: tuple[int, int, int]           # requests per tier after calibration

    @property
    def moved(self) -> int:
        """Requests whose tier the forced split changed (at least; per-tier counts only show net moves)."""
        return sum(abs(a - b) for a, b in zip(self.unforced, self.forced)) // 2

    def to_dict(self) -> dict:
        return {"target_shares_pct": [round(s * 100, 4) for s in self.target_shares],
                "offsets": list(self.offsets), "requests": self.requests,
                "unforced_requests_per_tier": list(self.unforced), "forced_requests_per_tier": list(self.forced)}

    def note(self) -> str:
        split = lambda counts: "/".join(f"{n:,}" for n in counts)  # noqa: E731
        return (f"--target-distribution {'/'.join(f'{s * 100:g}' for s in self.target_shares)}: thresholds set so "
                f"the {self.requests:,} requests the classifier places split {split(self.forced)} (tiers 1/2/3) "
                f"instead of {split(self.unforced)}, moving at least {self.moved:,}; what forcing costs in "
                "quality shows on labeled requests: costsim evaluate --target-distribution.")


def placed_prompts(chunks: Iterable[pd.DataFrame]) -> Counter:
    """Requests per distinct prompt, over the rows the classifier will place."""
    counts: Counter = Counter()
    for chunk in chunks:
        text = chunk["prompt"].fillna("")
        placed = chunk["tier"].isna() & (text.str.strip() != "")
        for prompt, n in chunk.loc[placed].groupby("prompt")["requests"].sum().items():
            counts[prompt] += int(n)
    return counts


def calibrate_log(counts: Counter, model: LearnedClassifier, target_shares: tuple[float, float, float]) -> Calibration:
    """Offsets that split the counted requests in `target_shares`, and the split before and after."""
    if not counts:
        raise ConfigError("--target-distribution: no request in the log has prompt text for the classifier to place")
    prompts = list(counts)
    weights = np.array([counts[p] for p in prompts], dtype=np.int64)
    probs = model.predict_proba(prompts)
    offsets = calibrate(np.repeat(probs, weights, axis=0), target_shares)

    def per_tier(chosen: np.ndarray) -> tuple[int, int, int]:
        return tuple(int(weights[chosen == k].sum()) for k in range(3))  # type: ignore[return-value]

    return Calibration(tuple(target_shares), offsets, int(weights.sum()),  # type: ignore[arg-type]
                       per_tier(decide(probs, model.offsets, model.t3)), per_tier(decide(probs, offsets)))
