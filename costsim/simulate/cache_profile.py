"""Prompt caches in a planned mix: `compare --cache-share S --turns T`.

A planned mix has no conversations to replay, so a cache profile stands for them: every conversation is
T requests, each request's tier drawn independently from the mix, and a warm cache serves the share S
of a request's input (a read); a cold request writes that share (explicit caches, at the write price)
or sends it as plain input (automatic caches). A request is warm when an earlier request of its
conversation went to the same model (the turns come well inside the cache's lifetime):

* one model for everything (all-frontier, all-mid, and smart routing with caches carried over): every
  request but the first, w = (T − 1) / T;
* smart routing, tier t with share p: turn k is warm with probability 1 − (1 − p)^(k−1), so
  w_t = 1 − (1 − (1 − p)^T) / (T·p)   (0 when p = 0).

A tier's n requests split into round(n·w) warm and the rest cold (whole requests, half to even); a prefix
under the model's minimum cacheable length is never cached. Exact Decimal arithmetic throughout.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_FLOOR, ROUND_HALF_EVEN, Decimal

import pandas as pd

from costsim.errors import ConfigError
from costsim.frame import normalize
from costsim.money import pct
from costsim.pricing.billing import BillingOptions
from costsim.pricing.caches import CacheBook, load_cache_book
from costsim.pricing.prices import PriceBook
from costsim.report.caching import CachesFromProfile, ProfileServed, ProfileUsed
from costsim.report.model import Accounting, Report
from costsim.routing.policy import TIERS, Policy
from costsim.simulate.pricer import ALL_FRONTIER, ALL_MID, SMART, Pricer
from costsim.simulate.scenario import Scenario, scenario_frame


@dataclass(frozen=True)
class CacheProfile:
    cache_share: Decimal   # share of a request's input a warm cache serves (0-1)
    turns: int             # requests per conversation

    def __post_init__(self):
        if not 0 <= self.cache_share <= 1:
            raise ConfigError(f"--cache-share {self.cache_share}: must be between 0 and 1 (0% and 100%)")
        if self.turns < 1:
            raise ConfigError(f"--turns {self.turns}: a conversation has at least 1 request")


def warm_share_one_model(turns: int) -> Decimal:
    """Every request of a conversation but the first finds its model's cache warm."""
    return Decimal(turns - 1) / Decimal(turns)


def warm_share_routed(turns: int, share: Decimal) -> Decimal:
    """Share of tier-t requests (mix share `share`) that follow an earlier request on the same model."""
    if share == 0:
        return Decimal(0)
    return 1 - (1 - (1 - share) ** turns) / (turns * share)


def cached_frame(frame: pd.DataFrame, warm: dict[int, Decimal], profile: CacheProfile, models: dict[int, str],
                 caches: CacheBook, book: PriceBook) -> pd.DataFrame:
    """The scenario's rows (one per tier) split into warm and cold requests on each tier's model."""
    rows = []
    for row in frame.to_dict("records"):
        tier, n = int(row["tier"]), int(row["requests"])
        per_input, per_output = row["input_tokens"] // n, row["output_tokens"] // n
        model = book.resolve(models[tier])
        cache = caches.for_model(model)
        cached = int((per_input * profile.cache_share).to_integral_value(ROUND_FLOOR))
        if cached < cache.min_prefix_for(model.id):
            cached = 0
        n_warm = int((n * warm[tier]).to_integral_value(ROUND_HALF_EVEN))
        for count, is_warm in ((n_warm, True), (n - n_warm, False)):
            if count == 0:
                continue
            written = 0 if is_warm or not cache.explicit else cached
            rows.append({**row, "requests": count, "output_tokens": count * per_output,
                         "input_tokens": count * (per_input - (cached if is_warm else written)),
                         "cache_read_tokens": count * cached if is_warm else 0,
                         "cache_write_5m_tokens": count * written})
    return normalize(pd.DataFrame(rows))


def price_with_caches(scenario: Scenario, book: PriceBook, policy: Policy, as_of: date, billing: BillingOptions,
                      cache: CacheProfile, notes: list[str]) -> Report:
    """Each scenario strategy priced on its own split of warm and cold requests, with the `caching` block."""
    from costsim.simulate.cache_strategies import SMART_CACHE_AWARE, SMART_CARRIED

    caches = load_cache_book(book)
    strategies = (ALL_FRONTIER, ALL_MID, SMART_CACHE_AWARE, SMART_CARRIED)
    pricer = Pricer(
        book, policy, strategies, as_of=as_of, billing=billing, separate=frozenset(s.key for s in strategies)
    )
    frame = scenario_frame(scenario, as_of)
    one_model = dict.fromkeys(TIERS, warm_share_one_model(cache.turns))
    routed = {t: warm_share_routed(cache.turns, scenario.shares[t]) for t in TIERS}
    plans = {
        ALL_FRONTIER.key: (dict.fromkeys(TIERS, policy.frontier), one_model),
        ALL_MID.key: (dict.fromkeys(TIERS, policy.mid), one_model),
        SMART.key: (dict(policy.tier_models), routed),
        SMART_CARRIED.key: (dict(policy.tier_models), one_model),
    }
    served = {}
    for strategy in strategies:
        models, warm = plans[strategy.key]
        rows = cached_frame(frame, warm, cache, models, caches, book)
        pricer.add(rows, only=(strategy,))
        served[strategy.key] = ProfileServed({str(t): warm[t] for t in TIERS}, _cache_share_pct(rows))
    accounting = Accounting(records_read=scenario.requests, priced=scenario.requests)
    report = pricer.report(kind="compare", accounting=accounting, notes=notes)
    smart, carried = report.strategy(SMART.key), report.strategy(SMART_CARRIED.key)
    block = CachesFromProfile(False, ProfileUsed(cache.cache_share, cache.turns), served, smart.cost_usd,
                              carried.cost_usd, smart.cost_usd - carried.cost_usd)
    note = (
        f"Prompt caches from a profile ({cache.turns} requests a conversation, a warm cache serves "
        f"{(cache.cache_share * 100).normalize():f}% of a request's input; docs/caching.md): smart routing "
        f"serves {pct(served[SMART.key].share_of_input_from_cache_pct)} of its input from cache, "
        f"{pct(served[SMART_CARRIED.key].share_of_input_from_cache_pct)} with caches carried over."
    )
    return replace(report, notes=(*report.notes, note), caching=block)


def _cache_share_pct(rows: pd.DataFrame) -> Decimal | None:
    """Cache reads as a share of the whole input (uncached + read + written), percent."""
    prompt = int(rows[["input_tokens", "cache_read_tokens", "cache_write_5m_tokens"]].to_numpy().sum())
    return Decimal(int(rows["cache_read_tokens"].sum())) * 100 / prompt if prompt else None
