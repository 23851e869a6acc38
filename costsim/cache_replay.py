"""Cache replay: what moving requests between models does to their prompt caches.

A prompt cache belongs to one model, and expires. When a strategy sends a conversation's requests to
other models than the log did, a request's cached prefix (its logged cache reads and writes) is a
*read* only where the model it now goes to holds that prefix warm; elsewhere it is written again (an
explicit cache, at the write price) or sent as plain input (an automatic cache). The rules, per
conversation (a session, and for Claude Code each session or subagent file; a request without a
session or a timestamp is its own conversation), with `pricing/caches.yaml` giving each provider's
cache model:

* a request's cacheable prefix C is its logged cache read + cache write tokens; below the model's
  minimum cacheable prefix nothing is cached and C is plain input;
* the cache on model M holds the cacheable prefix of the previous request of the conversation on M,
  and is warm when that request is at most `idle_minutes` older (`idle_minutes_1h` after a 1-hour
  write); requests on other models in between leave it alone — caches are per model;
* warm: min(C, held) is read (in whole `block_tokens`), the rest written; cold: all of C is written;
* uncached input and output stay as logged; time of day and long context apply to the new split as
  to any request (the prompt's total does not change).

Vectorised: one sort by (conversation, model, time) finds each request's previous request on the
same model — the warm prefix and its age — with no Python loop per request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from costsim.caches import CacheBook
from costsim.estimate import ALL_FRONTIER, ALL_MID, SMART, Strategy
from costsim.frame import INT_COLUMNS
from costsim.policy import Policy
from costsim.prices import PriceBook
from costsim.simulate import FRONTIER_COLD_KEY

NS_PER_MINUTE = 60 * 10**9
NO_CONVERSATION = -1
REPLAY_COLUMNS = ["tier", "session", "timestamp", "batch", "service_tier", "conversation", *INT_COLUMNS]


@dataclass
class ConversationIds:
    """Conversation codes across chunks: (session, file) → a small integer; -1 for a request without a
    session or a timestamp (it is its own conversation)."""

    _codes: dict = field(default_factory=dict)

    def codes(self, df: pd.DataFrame) -> np.ndarray:
        session = df["session"].astype("string")
        has = (session.notna() & df["timestamp"].notna()).to_numpy()
        out = np.full(len(df), NO_CONVERSATION, dtype=np.int64)
        if not has.any():
            return out
        files = df["source"].astype("string").str.rsplit(":", n=1).str[0].fillna("")
        keys = (session.fillna("") + "\x00" + files)[has]
        found, uniques = pd.factorize(keys)
        mapped = np.array([self._codes.setdefault(k, len(self._codes)) for k in uniques], dtype=np.int64)
        out[has] = mapped[found]
        return out

    @property
    def count(self) -> int:
        return len(self._codes)


@dataclass(frozen=True)
class ReplayStats:
    """What the replay found for one strategy."""

    requests: int
    conversations: int
    switches: int          # requests on another model than the previous request of their conversation
    cold_starts: int       # requests with a cacheable prefix that found no warm cache on their model
    first_on_model: int    # … of which the conversation's first request on that model
    cache_read_tokens: int  # after the replay
    cache_read_tokens_carried: int  # as logged (what "caches carried over" assumes)
    cacheable_prefix_tokens: int

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _conversations(df: pd.DataFrame) -> np.ndarray:
    """Codes where every request without a conversation gets one of its own."""
    conv = df["conversation"].to_numpy(dtype=np.int64)
    alone = conv == NO_CONVERSATION
    if alone.any():
        conv = conv.copy()
        conv[alone] = conv.max(initial=0) + 1 + np.flatnonzero(alone)
    return conv


def _model_params(ids: np.ndarray, caches: CacheBook, book: PriceBook):
    """Per-row cache parameters of each row's target model (arrays), from a factorized model column."""
    codes, labels = pd.factorize(pd.Series(ids, dtype="object"))
    size = len(labels)
    idle = np.zeros(size, dtype=np.int64)
    idle_1h = np.zeros(size, dtype=np.int64)
    min_prefix = np.zeros(size, dtype=np.int64)
    block = np.ones(size, dtype=np.int64)
    explicit = np.zeros(size, dtype=bool)
    for i, name in enumerate(labels):
        model = book.resolve(name)
        cache = caches.for_model(model)
        idle[i] = cache.idle_minutes * NS_PER_MINUTE
        idle_1h[i] = (cache.idle_minutes_1h if cache.idle_minutes_1h is not None else cache.idle_minutes) * NS_PER_MINUTE
        min_prefix[i] = cache.min_prefix_for(model.id)
        block[i] = cache.block_tokens
        explicit[i] = cache.explicit
    if (codes < 0).any():
        raise ValueError("cache replay: a row has no target model")
    return codes, idle[codes], idle_1h[codes], min_prefix[codes], block[codes], explicit[codes]


def replay(df: pd.DataFrame, model_ids, caches: CacheBook, book: PriceBook, *,
           cold: bool = False) -> tuple[pd.DataFrame, ReplayStats]:
    """The rows of `df` (REPLAY_COLUMNS) with their cache split re-derived for `model_ids` (one per row).

    `cold`: no request finds a warm cache (an escalated call on a model the conversation is not on)."""
    ids = np.asarray(model_ids, dtype=object)
    n = len(df)
    model, idle, idle_1h, min_prefix, block, explicit = _model_params(ids, caches, book)
    conv = _conversations(df)
    stamps = df["timestamp"]
    t = np.where(stamps.isna().to_numpy(), 0, stamps.to_numpy(dtype="datetime64[ns]").astype(np.int64)) \
        if n else np.zeros(0, dtype=np.int64)
    uncached = df["input_tokens"].to_numpy(dtype=np.int64)
    read_logged = df["cache_read_tokens"].to_numpy(dtype=np.int64)
    w5 = df["cache_write_5m_tokens"].to_numpy(dtype=np.int64)
    w1 = df["cache_write_1h_tokens"].to_numpy(dtype=np.int64)
    prefix = read_logged + w5 + w1
    one_hour = w1 > w5                                   # the request's own write kind
    cached = np.where(prefix >= min_prefix, prefix, 0)   # what the target model would cache at all

    order = np.lexsort((np.arange(n), t, model, conv))   # by conversation, model, time
    same = np.zeros(n, dtype=bool)                       # (sorted) has a previous request on this model
    same[1:] = (conv[order][1:] == conv[order][:-1]) & (model[order][1:] == model[order][:-1])
    prev = np.empty(n, dtype=np.int64)
    prev[1:] = order[:-1]
    prev[0] = order[0] if n else 0
    here = order
    life = np.where(explicit[here] & one_hour[prev], idle_1h[here], idle[here])
    warm_sorted = same & ~cold & (t[here] - t[prev] <= life) & (cached[prev] > 0)
    held_sorted = np.where(warm_sorted, cached[prev], 0)
    warm = np.zeros(n, dtype=bool)
    warm[here] = warm_sorted
    first = np.zeros(n, dtype=bool)
    first[here] = ~same
    held = np.zeros(n, dtype=np.int64)
    held[here] = held_sorted

    read = np.minimum(cached, held)
    read = read // block * block
    rest = cached - read
    out = df.copy()
    out["input_tokens"] = uncached + (prefix - cached) + np.where(explicit, 0, rest)
    out["cache_read_tokens"] = read
    out["cache_write_5m_tokens"] = np.where(explicit & ~one_hour, rest, 0)
    out["cache_write_1h_tokens"] = np.where(explicit & one_hour, rest, 0)

    by_time = np.lexsort((np.arange(n), t, conv))        # switches: model changes in time order
    switch = (conv[by_time][1:] == conv[by_time][:-1]) & (model[by_time][1:] != model[by_time][:-1])
    cold_start = (cached > 0) & ~warm
    stats = ReplayStats(requests=int(df["requests"].sum()), conversations=int(len(np.unique(conv))),
                        switches=int(switch.sum()), cold_starts=int(cold_start.sum()),
                        first_on_model=int((cold_start & first).sum()), cache_read_tokens=int(read.sum()),
                        cache_read_tokens_carried=int(read_logged.sum()), cacheable_prefix_tokens=int(prefix.sum()))
    return out, stats


def has_conversations(df: pd.DataFrame) -> bool:
    """True when some request has a session and a timestamp: the replay has conversations to follow."""
    return bool((df["conversation"].to_numpy() != NO_CONVERSATION).any())


# ---- strategies that need the replay -------------------------------------------------------------

@dataclass(frozen=True)
class CarriedStrategy(Strategy):
    """A strategy's models with each request's logged cache split kept (caches carried over)."""

    base: Strategy = SMART

    def models(self, df: pd.DataFrame, policy: Policy) -> pd.Series:
        return self.base.models(df, policy)


@dataclass(frozen=True)
class StickyStrategy(Strategy):
    """Smart routing that never moves a conversation to a lower tier's model less than `minutes` after
    its previous request: within a burst of requests (gaps under `minutes`), each request takes the
    highest tier seen so far in the burst; after a pause of `minutes` or more, its own tier again.
    Requests are never sent to a weaker model than their own tier's."""

    minutes: int = 5

    def models(self, df: pd.DataFrame, policy: Policy) -> pd.Series:
        return sticky_tiers(df, self.minutes).map(policy.tier_models).astype("string")


def sticky_tiers(df: pd.DataFrame, minutes: int) -> pd.Series:
    """Each request's tier under sticky routing (the running maximum of its burst's tiers)."""
    n = len(df)
    tier = df["tier"].astype("int64").to_numpy()
    conv = _conversations(df)
    stamps = df["timestamp"]
    t = np.where(stamps.isna().to_numpy(), 0, stamps.to_numpy(dtype="datetime64[ns]").astype(np.int64))
    order = np.lexsort((np.arange(n), t, conv))
    new_burst = np.ones(n, dtype=bool)
    new_burst[1:] = (conv[order][1:] != conv[order][:-1]) | (t[order][1:] - t[order][:-1] >= minutes * NS_PER_MINUTE)
    burst = np.cumsum(new_burst)
    running = pd.Series(tier[order]).groupby(burst).cummax().to_numpy()
    out = np.empty(n, dtype=np.int64)
    out[order] = running
    return pd.Series(out, index=df.index)


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
                   book: PriceBook, *, cold: tuple[Strategy, ...] = (), view: pd.Series | None = None) -> dict:
    """Price `strategies` on the held rows with their caches replayed (`cold`: every request cold) and
    return the replay's figures per strategy key, for the report's `caching` block."""
    found = {}
    for strategy in strategies:
        names = strategy.models(frame, pricer.policy)
        ids = _canonical(names, book)
        rows, stats = replay(frame, ids, caches, book, cold=strategy in cold)
        pricer.add(rows, view=view, only=(strategy,))
        found[strategy.key] = stats.to_dict()
    return found


def _canonical(names: pd.Series, book: PriceBook) -> np.ndarray:
    codes, labels = pd.factorize(names)
    ids = np.array([book.resolve(name).id for name in labels], dtype=object)
    return ids[codes]


def caching_block(report, stats: dict, caches: CacheBook, book: PriceBook, conversations: int) -> dict:
    """The report's `caching` block: each replayed strategy's switches and cold starts, the two smart
    routing figures and their difference, and the cache models used."""
    smart = report.strategy(SMART.key)
    carried = next((s for s in report.strategies if s.key == SMART_CARRIED.key), None)
    providers = sorted({book.models[m].provider for s in report.strategies if s.key in stats for m in s.models})
    block = {"replayed": True, "conversations": conversations, "strategies": stats,
             "cache_models": {p: caches.for_model(next(m for m in book.models.values() if m.provider == p)).to_dict()
                              for p in providers},
             "source": caches.path.rsplit("/", 1)[-1]}
    if carried is not None:
        block["smart_cache_aware_usd"] = smart.cost_usd
        block["smart_caches_carried_over_usd"] = carried.cost_usd
        block["difference_usd"] = smart.cost_usd - carried.cost_usd
        block["difference_pct"] = None if carried.cost_usd == 0 else \
            (smart.cost_usd - carried.cost_usd) * 100 / carried.cost_usd
    sticky = [s for s in report.strategies if s.key.startswith("sticky_")]
    if sticky:
        block["sticky"] = [{"key": s.key, "minutes": int(s.key[len("sticky_"):-1]), "cost_usd": s.cost_usd,
                            "savings_vs_all_frontier_pct": s.savings_vs_frontier_pct,
                            "vs_smart_usd": s.cost_usd - smart.cost_usd,
                            "switches": stats[s.key]["switches"], "cold_starts": stats[s.key]["cold_starts"]}
                           for s in sticky]
    return block


def caching_note(block: dict) -> str | None:
    """One line for the report: the two smart-routing figures, the switches and the cold starts."""
    from costsim.money import pct, usd

    smart = block.get("strategies", {}).get(SMART.key)
    if not block.get("replayed"):
        return block.get("reason")
    if smart is None or "smart_cache_aware_usd" not in block:
        return None
    diff = block["difference_pct"]
    sign = "" if diff is None or diff < 0 else "+"
    return (f"Prompt caches replayed in {block['conversations']:,} conversation(s) (docs/caching.md): smart routing "
            f"{usd(block['smart_cache_aware_usd'])} cache-aware vs {usd(block['smart_caches_carried_over_usd'])} "
            f"with caches carried over ({sign}{pct(diff)}); {smart['switches']:,} model switch(es), "
            f"{smart['cold_starts']:,} cold start(s) ({smart['first_on_model']:,} first on a model).")


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
              session: bool = False) -> pd.DataFrame:
    """What the replay needs of a classified chunk: tier, time, conversation code, token counts (and the
    session, for pinned conversations: it is the largest column)."""
    out = df[[c for c in REPLAY_COLUMNS if c != "conversation" and (session or c != "session")]].copy()
    out["conversation"] = conversations.codes(df)
    if view is not None:
        out["view"] = view.to_numpy()
    return out


def price_held(pricer, held: list[pd.DataFrame], run: ReplayPlan, pinned: tuple[Strategy, ...], book: PriceBook,
               conversations: ConversationIds) -> dict | None:
    """Price the strategies the run held rows for: replayed where the log has conversations, else with
    each request's logged cache split. Returns what the report's `caching` block needs (None: nothing)."""
    from costsim.caches import load_cache_book

    frame = pd.concat(held, ignore_index=True)
    held.clear()  # the chunks now live in `frame` only
    view = frame.pop("view") if "view" in frame.columns else None
    cached = int(frame["cache_read_tokens"].sum() + frame["cache_write_5m_tokens"].sum()
                 + frame["cache_write_1h_tokens"].sum())
    if run.mode == "replay" and cached and has_conversations(frame):  # no cache tokens: nothing to replay
        caches = load_cache_book(book)
        stats = price_replayed(pricer, frame, run.replayed + pinned, caches, book, cold=run.cold, view=view)
        pricer.add(frame, view=view, only=(SMART_CARRIED,))
        pricer.strategies = tuple(SMART_CACHE_AWARE if s.key == SMART.key else s for s in pricer.strategies)
        return {"stats": stats, "caches": caches, "conversations": conversations.count}
    dropped = {SMART_CARRIED.key, FRONTIER_COLD.key}
    pricer.strategies = tuple(s for s in pricer.strategies if s.key not in dropped)
    pricer.add(frame, view=view, only=tuple(s for s in run.held + pinned if s.key not in dropped))
    if run.mode == "replay" and cached:
        return {"reason": "Prompt caches not replayed: no request has both a session and a timestamp, so each "
                          "request keeps its logged cache reads on whatever model it moves to (caches carried over)."}
    return None


def with_caching(report, caching: dict, book: PriceBook):
    """The report with its `caching` block and the one-line summary among its notes."""
    from dataclasses import replace

    if "stats" in caching:
        block = caching_block(report, caching["stats"], caching["caches"], book, caching["conversations"])
    else:
        block = {"replayed": False, "reason": caching["reason"]}
    note = caching_note(block)
    return replace(report, notes=(*report.notes, *([note] if note else [])),
                   extra={**report.extra, "caching": block})
