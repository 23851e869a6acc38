"""Ranges, not points: a seeded Monte Carlo over task mix and token lengths → p5 / p50 / p95 of cost and savings.

Task mix: either ranges per tier (``--distribution 60-70/20-30/5-10``), drawn tier 1 first, then tier 3,
each uniform over what is still feasible, tier 2 taking the rest; or a concentration K around the point
shares (Dirichlet(K · shares); large K, tight mix). Requests per tier are whole numbers, split like the
point estimate (largest remainder). Token lengths: the tier's mean input and output tokens, either
scaled by a mean-1 lognormal factor with coefficient of variation ``--token-spread`` around the profile,
or the mean of a bootstrap draw from a log's own requests of that tier (``--tokens-from``).

Money here is float64 for speed: the point estimate in the same report stays exact Decimal, and with
collapsed ranges every sample equals it to float precision (the tests check this). The costs are the
same formulas as simulate.py, over per-tier costs; long-context and cache rates are not sampled.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

import numpy as np

from costsim.errors import ConfigError
from costsim.pricing.prices import PriceBook
from costsim.report.parts import MonteCarloResult, MonteCarloRow
from costsim.routing.policy import TIERS, Policy
from costsim.simulate import effects as simulate

PERCENTILES = (5, 50, 95)
EXACT_BOOTSTRAP_MAX = 10_000  # above this many requests in a tier, the bootstrap mean is drawn from its normal limit


@dataclass(frozen=True)
class ShareRanges:
    """Low and high fraction per tier; a point share has low == high."""

    low: dict[int, Decimal]
    high: dict[int, Decimal]

    @property
    def collapsed(self) -> bool:
        return self.low == self.high

    def point(self) -> dict[int, Decimal]:
        """The midpoints, scaled to sum to 1: the exact point estimate's shares."""
        mids = {t: (self.low[t] + self.high[t]) / 2 for t in TIERS}
        total = sum(mids.values())
        return {t: mids[t] / total for t in TIERS}


def is_range(text: str) -> bool:
    return "-" in str(text)


def parse_ranges(text: str, option: str = "--distribution") -> ShareRanges:
    """'60-70/20-30/5-10' (percent) or '0.6-0.7/...' (fractions); a plain number is a collapsed range."""
    parts = str(text).split("/")
    if len(parts) != 3:
        raise ConfigError(f"{option} {text!r}: give three shares or ranges for tiers 1/2/3, like 60-70/20-30/5-10")
    lows, highs = {}, {}
    for tier, part in zip(TIERS, parts):
        ends = part.strip().split("-")
        if len(ends) > 2 or not all(e.strip() for e in ends):
            raise ConfigError(f"{option} {text!r}: tier {tier} {part!r} is not a share or a LOW-HIGH range")
        try:
            values = [Decimal(e.strip()) for e in ends]
        except InvalidOperation:
            raise ConfigError(f"{option} {text!r}: tier {tier} {part!r} is not a number") from None
        low, high = values[0], values[-1]
        if low > high:
            raise ConfigError(f"{option} {text!r}: tier {tier} range {part!r} has its low end above its high end")
        lows[tier], highs[tier] = low, high
    scale = Decimal(100) if max(highs.values()) > 1 else Decimal(1)
    if sum(lows.values()) > scale or sum(highs.values()) < scale:
        raise ConfigError(f"{option} {text!r}: the ranges cannot sum to {scale} (lows sum to "
                          f"{sum(lows.values())}, highs to {sum(highs.values())})")
    return ShareRanges({t: v / scale for t, v in lows.items()}, {t: v / scale for t, v in highs.items()})


MAX_SAMPLES = 1_000_000  # a sample is a few floats per tier and strategy: 10^6 is ~100 MiB and seconds


@dataclass(frozen=True)
class MonteCarloSpec:
    samples: int = 2000
    seed: int = 0
    ranges: ShareRanges | None = None       # ranges for the mix; None: the point shares (or Dirichlet)
    concentration: float | None = None      # Dirichlet(K · shares) around the point shares
    token_spread: float = 0.0               # coefficient of variation of the per-tier mean token lengths
    empirical: dict[int, tuple[np.ndarray, np.ndarray]] | None = field(default=None, hash=False, compare=False)

    def __post_init__(self):
        if not 1 <= self.samples <= MAX_SAMPLES:
            raise ConfigError(f"--samples {self.samples}: must be from 1 to {MAX_SAMPLES:,}")
        if self.concentration is not None and not (math.isfinite(self.concentration) and self.concentration > 0):
            raise ConfigError(f"--concentration {self.concentration}: must be a number above 0")
        if not (math.isfinite(self.token_spread) and self.token_spread >= 0):  # NaN once gave negative costs
            raise ConfigError(f"--token-spread {self.token_spread}: must be a number, 0 or more")


def split_counts(requests: int, shares: np.ndarray) -> np.ndarray:
    """Whole requests per tier for each sample (rows), like scenario.split_requests: largest remainder,
    ties to the higher tier."""
    exact = shares * requests
    counts = np.floor(exact + 1e-9).astype(np.int64)
    leftover = requests - counts.sum(axis=1)
    remainder = exact - counts
    # order tiers by (remainder, tier) descending; add one to the first `leftover` of them
    keys = np.round(remainder, 9) + np.arange(shares.shape[1]) * 1e-12
    order = np.argsort(-keys, axis=1)
    rank = np.argsort(order, axis=1)
    counts += (rank < leftover[:, None]).astype(np.int64)
    return counts


def draw_shares(rng: np.random.Generator, spec: MonteCarloSpec, point: dict[int, Decimal]) -> np.ndarray:
    n = spec.samples
    if spec.ranges is not None and not spec.ranges.collapsed:
        lo = np.array([float(spec.ranges.low[t]) for t in TIERS])
        hi = np.array([float(spec.ranges.high[t]) for t in TIERS])
        a = np.maximum(lo[0], 1 - hi[1] - hi[2])
        b = np.minimum(hi[0], 1 - lo[1] - lo[2])
        t1 = a + rng.random(n) * (b - a)
        a3 = np.maximum(lo[2], 1 - t1 - hi[1])
        b3 = np.minimum(hi[2], 1 - t1 - lo[1])
        t3 = a3 + rng.random(n) * (b3 - a3)
        return np.column_stack([t1, 1 - t1 - t3, t3])
    p = np.array([float(point[t]) for t in TIERS])
    if spec.concentration is not None:
        out = np.zeros((n, 3))
        live = p > 0
        out[:, live] = rng.dirichlet(spec.concentration * p[live], size=n)
        return out
    return np.tile(p, (n, 1))


def draw_tokens(rng: np.random.Generator, spec: MonteCarloSpec, profiles, counts: np.ndarray) -> np.ndarray:
    """Mean (input, output) tokens per request, shape (samples, tier, 2)."""
    n = spec.samples
    out = np.empty((n, 3, 2))
    for j, t in enumerate(TIERS):
        if spec.empirical is not None and t in spec.empirical and len(spec.empirical[t][0]):
            ins, outs = spec.empirical[t]
            for k, values in enumerate((ins, outs)):
                mean, sd = float(values.mean()), float(values.std())
                for s in range(n):
                    m = int(counts[s, j])
                    if m == 0:
                        out[s, j, k] = mean
                    elif m <= EXACT_BOOTSTRAP_MAX:
                        out[s, j, k] = values[rng.integers(0, len(values), m)].mean()
                    else:
                        out[s, j, k] = max(rng.normal(mean, sd / np.sqrt(m)), 0.0)
            continue
        base = np.array([profiles[t].input_tokens, profiles[t].output_tokens], dtype=float)
        if spec.token_spread > 0:
            sigma2 = np.log1p(spec.token_spread ** 2)
            factor = rng.lognormal(-sigma2 / 2, np.sqrt(sigma2), size=(n, 2))
        else:
            factor = np.ones((n, 2))
        out[:, j, :] = base * factor
    return out


def run(spec: MonteCarloSpec, requests: int, point: dict[int, Decimal], profiles, book: PriceBook, policy: Policy,
        as_of: date, sim: simulate.SimOptions | None = None) -> MonteCarloResult:
    """Sample the mix and token lengths; price each sample under every strategy; return percentiles."""
    rng = np.random.default_rng(spec.seed)
    shares = draw_shares(rng, spec, point)
    counts = split_counts(requests, shares)
    tokens = draw_tokens(rng, spec, profiles, counts)

    def rates(model: str) -> np.ndarray:
        r = book.resolve(model).period_at(as_of).rates
        return np.array([float(r.input), float(r.output)])

    def tier_cost(model: str) -> np.ndarray:  # (samples, tier): cost of each tier's requests on `model`
        return counts * (tokens @ rates(model)) / 1e6

    frontier_t, mid_t = tier_cost(policy.frontier), tier_cost(policy.mid)
    smart_t = np.column_stack([tier_cost(policy.tier_models[t])[:, j] for j, t in enumerate(TIERS)])
    costs = {"all_frontier": frontier_t.sum(1), "all_mid": mid_t.sum(1), "smart": smart_t.sum(1)}
    reference = costs["smart"]
    sim = sim or simulate.SimOptions()
    if sim.classifier_model:
        per = float(simulate.classifier_cost_per_request(sim.classifier_input_tokens, sim.classifier_output_tokens,
                                                         book.resolve(sim.classifier_model).period_at(as_of).rates))
        reference = costs["smart_classifier"] = costs["smart"] + requests * per
    if sim.escalation_rate is not None:
        costs["escalation"] = simulate.escalation_cost(costs["all_mid"], costs["all_frontier"],
                                                       float(sim.escalation_rate))
    if sim.misroute_rate is not None:
        cheap = tier_cost(policy.tier_models[sim.misroute_tier])[:, 2]
        costs["under_routing"] = simulate.under_routing_cost(reference, cheap, frontier_t[:, 2],
                                                             float(sim.misroute_rate), sim.rework_turns)
    frontier = costs["all_frontier"]
    rows = []
    for key, values in costs.items():
        c = np.percentile(values, PERCENTILES)
        s: list[float | None] = [None] * len(PERCENTILES)  # undefined where all-frontier costs $0 (never NaN)
        if (frontier > 0).all():
            s = [float(v) for v in np.percentile((1 - values / frontier) * 100, PERCENTILES)]
        rows.append(MonteCarloRow(key, *(float(v) for v in c), *s))
    mix = np.percentile(shares * 100, PERCENTILES, axis=0)
    return MonteCarloResult(spec.samples, spec.seed, tuple(rows),
                            {str(t): {f"p{p}": float(mix[i, j]) for i, p in enumerate(PERCENTILES)}
                             for j, t in enumerate(TIERS)}, token_lengths_label(spec))


def token_lengths_label(spec: MonteCarloSpec) -> str:
    """Where each tier's token lengths came from; a tier the logs have no request of keeps its profile."""
    profile = f"profile × lognormal factor (cv {spec.token_spread:g})"
    if spec.empirical is None:
        return profile
    drawn = [t for t in TIERS if t in spec.empirical and len(spec.empirical[t][0])]
    if len(drawn) == len(TIERS):
        return "empirical (bootstrap from logs)"
    kept = [str(t) for t in TIERS if t not in drawn]
    if not drawn:
        return f"{profile}: the logs have no request of any tier"
    return (f"empirical (bootstrap from logs) for tier {', '.join(map(str, drawn))}; tier {', '.join(kept)} "
            f"{profile}, the logs having no request of {'it' if len(kept) == 1 else 'them'}")


def empirical_tokens(frames) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Per-tier per-request (prompt, output) tokens from classified usage frames; the prompt counts cache too."""
    from costsim.frame import PROMPT_COLUMNS

    ins: dict[int, list] = {t: [] for t in TIERS}
    outs: dict[int, list] = {t: [] for t in TIERS}
    for df in frames:
        per = df["requests"].clip(lower=1)
        prompt = df[list(PROMPT_COLUMNS)].sum(axis=1) // per
        output = df["output_tokens"] // per
        for t in TIERS:
            mask = (df["tier"].astype("int64") == t).to_numpy()
            ins[t].append(prompt.to_numpy()[mask].astype(float))
            outs[t].append(output.to_numpy()[mask].astype(float))
    return {
        t: (np.concatenate(ins[t]) if ins[t] else np.array([]), np.concatenate(outs[t]) if outs[t] else np.array([]))
        for t in TIERS
    }
