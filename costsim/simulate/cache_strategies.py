"""Cache-aware strategies in a run: which strategies hold rows, how they are priced, and the report's block.

`estimate` prices every strategy that moves requests to other models from slim rows held until the
end (a conversation's requests can come in any chunk), with the caches replayed by `cache_replay` where
the log has conversations; beside smart routing it keeps the per-request figure (caches carried over),
and the report gains a `caching` block and a one-line summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from costsim.pricing.caches import CacheBook, CacheModel
from costsim.pricing.prices import PriceBook
from costsim.report.caching import (
    CacheModelUsed,
    CachesNotReplayed,
    CachesReplayed,
    CarriedComparison,
    ReplayStats,
    StickyCaching,
)
from costsim.routing.policy import Policy
from costsim.simulate.cache_replay import REPLAY_COLUMNS, ConversationIds, prepare, replay_counts, sticky_tiers
from costsim.simulate.pricer import (
    ALL_FRONTIER,
    ALL_MID,
    FRONTIER_COLD_KEY,
    SMART,
    ChunkCodes,
    Strategy,
    tier_model_codes,
)


@dataclass(frozen=True)
class CarriedStrategy(Strategy):
    """A strategy's models with each request's logged cache split kept (caches carried over)."""

    base: Strategy = SMART

    def models(self, df: pd.DataFrame, policy: Policy) -> pd.Series:
        return self.base.models(df, policy)

    def model_codes(self, df: pd.DataFrame, policy: Policy) -> tuple[np.ndarray, list]:
        return self.base.model_codes(df, policy)


@dataclass(frozen=True)
class StickyStrategy(Strategy):
    """Smart routing that never moves a conversation to a lower tier's model less than `minutes` after
    its previous request: within a burst of requests (gaps under `minutes`), each request takes the
    highest tier seen so far in the burst; after a pause of `minutes` or more, its own tier again.
    Requests are never sent to a weaker model than their own tier's."""

    minutes: int = 5

    def models(self, df: pd.DataFrame, policy: Policy) -> pd.Series:
        return sticky_tiers(df, self.minutes).map(policy.tier_models).astype("string")

    def model_codes(self, df: pd.DataFrame, policy: Policy) -> tuple[np.ndarray, list]:
        return tier_model_codes(sticky_tiers(df, self.minutes).to_numpy(), policy)


SMART_CARRIED = CarriedStrategy("smart_carried", "Smart (caches carried over)",
                                "each request on its tier's model, its logged cache reads kept on the new model",
                                base=SMART)
SMART_CACHE_AWARE = Strategy("smart", "Smart routing (cache-aware)",
                             "each request on its tier's model; a cached prefix is read only where that model's "
                             "cache is warm")


def sticky_strategy(minutes: int) -> StickyStrategy:
    return StickyStrategy(f"sticky_{minutes}m", f"Sticky routing ({minutes} min)",
                          f"smart routing that keeps a conversation on its model while requests come less than "
                          f"{minutes} min apart (moving up a tier, never down)", minutes=minutes)


# ---- pricing the held rows ---------------------------------------------------------------------

def price_replayed(pricer, frame: pd.DataFrame, strategies: tuple[Strategy, ...], caches: CacheBook,
                   book: PriceBook, *, cold: tuple[Strategy, ...] = (), view: pd.Series | None = None,
                   codes: ChunkCodes | None = None) -> dict[str, ReplayStats]:
    """Price `strategies` on the held rows with their caches replayed (`cold`: every request cold) and
    return the replay's figures per strategy key, for the report's `caching` block. `codes`:
    `pricer.codes(frame, view)`, when the caller has them."""
    found = {}
    rows = prepare(frame)  # shared by every strategy's replay
    codes = pricer.codes(frame, view) if codes is None else codes
    for strategy in strategies:
        ids = _canonical(*codes.model_codes(strategy, frame, pricer.policy), book)
        counts, stats = replay_counts(rows, ids, caches, book, cold=strategy in cold)
        pricer.add(frame, view=view, only=(strategy,), codes=codes.with_counts(counts, same_prompt=True))
        found[strategy.key] = stats
    return found


def _canonical(codes: np.ndarray, names: list, book: PriceBook) -> tuple[np.ndarray, list]:
    """Each row's model id (names that are aliases of one model share it) as (its code into the ids, the
    sorted ids) from its code into `names` (-1: none), resolved once per distinct name."""
    ids, id_codes = np.unique(np.array([book.resolve(name).id for name in names], dtype=object), return_inverse=True)
    id_codes = id_codes.reshape(-1)
    if len(id_codes) == 1 and not (codes < 0).any():
        return np.zeros(len(codes), dtype=np.int64), list(ids)
    return np.where(codes < 0, -1, id_codes[np.maximum(codes, 0)]).astype(np.int64, copy=False), list(ids)


def caching_block(report, stats: dict[str, ReplayStats], caches: CacheBook, book: PriceBook,
                  conversations: int) -> CachesReplayed:
    """The report's `caching` block: each replayed strategy's switches and cold starts, the two smart
    routing figures and their difference, and the cache models used."""
    smart = report.strategy(SMART.key)
    carried = next((s for s in report.strategies if s.key == SMART_CARRIED.key), None)
    providers = sorted({book.models[m].provider for s in report.strategies if s.key in stats for m in s.models})
    comparison = None if carried is None else CarriedComparison(
        smart.cost_usd, carried.cost_usd, smart.cost_usd - carried.cost_usd,
        None if carried.cost_usd == 0 else (smart.cost_usd - carried.cost_usd) * 100 / carried.cost_usd)
    sticky = tuple(StickyCaching(s.key, int(s.key[len("sticky_"):-1]), s.cost_usd, s.savings_vs_frontier_pct,
                                 s.cost_usd - smart.cost_usd, stats[s.key].switches, stats[s.key].cold_starts)
                   for s in report.strategies if s.key.startswith("sticky_"))
    return CachesReplayed(
        True, conversations, stats,
        {p: _cache_model_used(caches.for_model(next(m for m in book.models.values() if m.provider == p)))
         for p in providers},
        Path(caches.path).name, comparison, sticky or None)


def _cache_model_used(model: CacheModel) -> CacheModelUsed:
    return CacheModelUsed(model.provider, model.mode, model.idle_minutes, model.idle_minutes_1h, model.max_idle_minutes,
                          model.min_prefix_tokens, model.block_tokens, model.survives_model_change, model.source_url,
                          model.checked)


def caching_note(block: CachesReplayed | CachesNotReplayed) -> str | None:
    """One line for the report: the two smart-routing figures, the switches and the cold starts."""
    from costsim.money import pct, usd

    if isinstance(block, CachesNotReplayed):
        return block.reason
    smart, carried = block.strategies.get(SMART.key), block.carried
    if smart is None or carried is None:
        return None
    diff = carried.difference_pct
    sign = "" if diff is None or diff < 0 else "+"
    return (f"Prompt caches replayed in {block.conversations:,} conversation(s) (docs/caching.md): smart routing "
            f"{usd(carried.smart_cache_aware_usd)} cache-aware vs {usd(carried.smart_caches_carried_over_usd)} "
            f"with caches carried over ({sign}{pct(diff)}); {smart.switches:,} model switch(es), "
            f"{smart.cold_starts:,} cold start(s) ({smart.first_on_model:,} first on a model).")


# ---- the run's plan: which strategies hold rows, which are replayed ------------------------------

FRONTIER_COLD = CarriedStrategy(FRONTIER_COLD_KEY, "All frontier (cold caches)",
                                "every request on the tier-3 model, its cache cold (an escalated call)",
                                base=ALL_FRONTIER)
CACHE_MODES = ("replay", "carried")


@dataclass(frozen=True)
class ReplayPlan:
    mode: str                              # "replay" or "carried"
    replayed: tuple[Strategy, ...]         # priced at the end with the replay (when the log allows)
    extra: tuple[Strategy, ...]            # strategies the run adds to the log strategies
    cold: tuple[Strategy, ...] = ()        # replayed with every request cold

    @property
    def held(self) -> tuple[Strategy, ...]:
        """Every strategy priced from the held rows at the end (never per chunk)."""
        return tuple(dict.fromkeys(self.replayed + self.extra))


def plan(mode: str, sticky_minutes: tuple[int, ...] = (), sim=None) -> ReplayPlan:
    """The strategies a run prices from held rows: with the replay, the ones that move requests between
    models (and the carried-over smart figure beside them); without it, only sticky routing."""
    from costsim.errors import ConfigError

    if mode not in CACHE_MODES:
        raise ConfigError(f"--caches {mode!r}: use {' or '.join(CACHE_MODES)}")
    if any(m < 0 for m in sticky_minutes):
        raise ConfigError("--sticky: minutes must be 0 or more")
    sticky = tuple(sticky_strategy(m) for m in dict.fromkeys(sticky_minutes))
    if mode == "carried":
        return ReplayPlan(mode, replayed=(), extra=sticky)
    cold = (FRONTIER_COLD,) if sim is not None and sim.escalation_rate is not None else ()
    return ReplayPlan(mode, replayed=(ALL_FRONTIER, ALL_MID, SMART, *sticky, *cold),
                      extra=(SMART_CARRIED, *sticky, *cold), cold=cold)


def slim_rows(df: pd.DataFrame, conversations: ConversationIds, view: pd.Series | None,
              session: bool = False, kept: np.ndarray | None = None) -> dict:
    """What the replay needs of a classified chunk's `kept` rows (a mask; None: every row), column by column:
    tier (int8 where every row has one), time, conversation code (int32 while the codes fit), token counts
    (and the session, for pinned conversations: it is the largest column). Plain columns, not a frame, so
    `held_rows.held_frame` can join them a column at a time; each is a copy, never a view of the chunk."""
    if kept is not None and kept.all():
        kept = None
    if kept is not None:
        df, view = df[kept], None if view is None else view[kept]
    out = {}
    for name in REPLAY_COLUMNS:
        if name == "conversation" or (name == "session" and not session):
            continue
        values = df[name]
        if name == "tier" and not values.isna().any():
            out[name] = values.to_numpy(dtype=np.int8)
        elif name == "service_tier":  # mostly None: plain objects are cheap to cut into shares
            out[name] = values.to_numpy(dtype=object, na_value=None)
        else:
            out[name] = values.to_numpy(copy=True) if isinstance(values.dtype, np.dtype) else values.array.copy()
    codes = conversations.codes(df)
    out["conversation"] = codes.astype(np.int32) if conversations.count < 2**31 else codes
    if view is not None:
        out["view"] = view.to_numpy()
    return out


def price_held(pricer, held, run: ReplayPlan, pinned: tuple[Strategy, ...], book: PriceBook,
               conversations: ConversationIds, stats: dict[str, ReplayStats] | None = None) -> dict | None:
    """Price the strategies the run held rows for (`held`: a `held_rows.HeldRows`), a share of whole
    conversations at a time: replayed where the log has conversations and cache tokens, else with each
    request's logged cache split. `stats`: the replay's figures of rows `price_closed` priced already.
    Returns what the report's `caching` block needs (None: nothing)."""
    from costsim.pricing.caches import load_cache_book

    replayed = replays(run, held.cached_tokens, held.conversations)
    caches = load_cache_book(book) if replayed else None
    stats = dict(stats or {})
    try:
        for frame in held.shares():
            stats = add_share_stats(stats, price_share(pricer, frame, run, pinned, book, replayed, caches=caches))
    finally:
        held.close()
    return settle_shares(pricer, run, book, replayed=replayed, cached_tokens=held.cached_tokens, stats=stats,
                         conversations=conversations.count, caches=caches)


def price_closed(pricer, held, run: ReplayPlan, book: PriceBook, stats: dict[str, ReplayStats], caches: CacheBook
                 ) -> dict[str, ReplayStats]:
    """Price the rows held so far, and let them go, when they are whole conversations (no later chunk holds
    any of their rows) and the run replays (`replays` is true: once it is, it stays so): the same sums as
    pricing them at the end, without holding every row till then. Returns `stats` with their replay's
    figures added."""
    for frame in held.drain():
        stats = add_share_stats(stats, price_share(pricer, frame, run, (), book, True, caches=caches))
    return stats


def with_caching(report, caching: dict, book: PriceBook):
    """The report with its `caching` block and the one-line summary among its notes."""
    from dataclasses import replace

    if "stats" in caching:
        block: CachesReplayed | CachesNotReplayed = caching_block(
            report, caching["stats"], caching["caches"], book, caching["conversations"])
    else:
        block = CachesNotReplayed(False, caching["reason"])
    note = caching_note(block)
    return replace(report, notes=(*report.notes, *([note] if note else [])),
                   caching=block)


# ---- held rows priced in shares (a cluster: each worker one hash partition of the conversations) ----

NOT_REPLAYED_REASON = ("Prompt caches not replayed: no request has both a session and a timestamp, so each "
                       "request keeps its logged cache reads on whatever model it moves to (caches carried over).")


def replays(run: ReplayPlan, cached_tokens: int, conversations: bool) -> bool:
    """Whether the held rows are replayed: the run asks for it, the log has cache tokens and conversations."""
    return run.mode == "replay" and cached_tokens > 0 and conversations


def price_share(pricer, frame: pd.DataFrame, run: ReplayPlan, pinned: tuple[Strategy, ...], book: PriceBook,
                replayed: bool, caches: CacheBook | None = None) -> dict[str, ReplayStats]:
    """`price_held` on a share of the held rows holding whole conversations (and whole sessions, for pinned),
    whether to replay decided for the whole log (`replays`). Returns the replay's figures per strategy key
    (empty when not replayed); `settle_shares` finishes the run's Pricer once every share is merged into it."""
    from costsim.pricing.caches import load_cache_book

    view = frame.pop("view") if "view" in frame.columns else None
    codes = pricer.codes(frame, view)  # shared by every strategy priced on the share
    if replayed:
        stats = price_replayed(pricer, frame, run.replayed + pinned, caches or load_cache_book(book), book,
                               cold=run.cold, view=view, codes=codes)
        pricer.add(frame, view=view, only=(SMART_CARRIED,), codes=codes)
        return stats
    dropped = {SMART_CARRIED.key, FRONTIER_COLD.key}
    pricer.add(frame, view=view, only=tuple(s for s in run.held + pinned if s.key not in dropped), codes=codes)
    return {}


def add_share_stats(total: dict[str, ReplayStats], share: dict[str, ReplayStats]) -> dict[str, ReplayStats]:
    """Two shares' replay figures, per strategy key, added."""
    return {**total, **{key: total[key] + figures if key in total else figures for key, figures in share.items()}}


def settle_shares(pricer, run: ReplayPlan, book: PriceBook, *, replayed: bool, cached_tokens: int,
                  stats: dict[str, ReplayStats], conversations: int, caches: CacheBook | None = None) -> dict | None:
    """The run's Pricer after every share is merged in, as `price_held` leaves it (smart relabelled cache-aware,
    or the carried-over figures dropped), and what the report's `caching` block needs (None: nothing)."""
    from costsim.pricing.caches import load_cache_book

    if replayed:
        pricer.strategies = tuple(SMART_CACHE_AWARE if s.key == SMART.key else s for s in pricer.strategies)
        return {"stats": stats, "caches": caches or load_cache_book(book), "conversations": conversations}
    dropped = {SMART_CARRIED.key, FRONTIER_COLD.key}
    pricer.strategies = tuple(s for s in pricer.strategies if s.key not in dropped)
    return {"reason": NOT_REPLAYED_REASON} if run.mode == "replay" and cached_tokens else None
