"""Usage frame × prices × strategies → Report. Pure: no I/O, no printing.

Pricing is two steps so a million rows stay fast and exact: each chunk is reduced to integer token
sums grouped by everything a price depends on (model, price period, long-context cliff, batch) —
the *line items* — and only those few lines are multiplied by Decimal prices at the end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd

from costsim.frame import CALL_KINDS, INT_COLUMNS, PROMPT_COLUMNS, RATE_KINDS, TOKEN_COLUMNS
from costsim.pricing.billing import BillingOptions, line_cost_usd, normalize_service_tiers, off_peak_mask, rates_for
from costsim.pricing.prices import ModelPrice, PriceBook
from costsim.report.model import (
    Accounting,
    LineItem,
    ModelCost,
    PriceUsed,
    Report,
    ReportKind,
    StrategyResult,
    TierCost,
    percent_of,
)
from costsim.routing.policy import TIERS, Policy
from costsim.simulate.billing_notes import billing_notes
from costsim.simulate.latency import LatencyCollector


@dataclass(frozen=True)
class Strategy:
    """A way to serve every request: which model each row goes to."""

    key: str
    label: str
    description: str

    def models(self, df: pd.DataFrame, policy: Policy) -> pd.Series:
        if self.key == "as_logged":
            return df["model"]
        if self.key == "all_frontier":
            return pd.Series(policy.frontier, index=df.index, dtype="string")
        if self.key == "all_mid":
            return pd.Series(policy.mid, index=df.index, dtype="string")
        if self.key == "smart":
            return df["tier"].astype("int64").map(policy.tier_models).astype("string")
        raise KeyError(self.key)

    def model_codes(self, df: pd.DataFrame, policy: Policy) -> tuple[np.ndarray, list]:
        """`models` as (each row's code into the names, the names), -1 where a row has none: what the
        Pricer groups on, without a column of names for the one or three models most strategies use."""
        if type(self).models is Strategy.models and self.key != "as_logged":
            if self.key == "smart":
                return tier_model_codes(df["tier"].astype("int64").to_numpy(), policy)
            name = policy.frontier if self.key == "all_frontier" else policy.mid if self.key == "all_mid" else None
            if name is not None:
                return np.zeros(len(df), dtype=np.int64), [name]
        codes, labels = pd.factorize(self.models(df, policy))
        return codes.astype(np.int64, copy=False), list(labels)


def tier_model_codes(tiers: np.ndarray, policy: Policy) -> tuple[np.ndarray, list]:
    """Each row's tier model as (codes into the distinct names, the names); -1 for a tier with no model."""
    names = list(dict.fromkeys(policy.tier_models.values()))
    lookup = np.full(max(policy.tier_models, default=0) + 2, -1, dtype=np.int64)
    for tier, name in policy.tier_models.items():
        lookup[tier] = names.index(name)
    inside = (tiers >= 0) & (tiers < len(lookup) - 1)
    return np.where(inside, lookup[np.clip(tiers, 0, len(lookup) - 1)], -1), names


AS_LOGGED = Strategy("as_logged", "As logged", "each request on the model the log names")
ALL_FRONTIER = Strategy("all_frontier", "All frontier", "every request on the tier-3 model")
ALL_MID = Strategy("all_mid", "All mid-tier", "every request on the tier-2 model")
SMART = Strategy("smart", "Smart routing", "each request on its tier's model")
SCENARIO_STRATEGIES = (ALL_FRONTIER, ALL_MID, SMART)
LOG_STRATEGIES = (AS_LOGGED, ALL_FRONTIER, ALL_MID, SMART)
FRONTIER_COLD_KEY = "all_frontier_cold"  # all frontier with cold caches: priced by cache_strategies on a replay

UNPRICED = "model has no price (left out of every strategy)"
GROUP_KEYS = ["strategy", "tier", "model", "period", "long_context", "batch", "view", "service_tier", "off_peak"]
TEXT_KEYS = ("strategy", "model", "view", "service_tier")


def _days(df: pd.DataFrame, default_day: date, as_of: date | None) -> np.ndarray:
    """The day each row is priced at: `as_of` when given, else its timestamp's UTC day, else `default_day`."""
    if as_of is not None:
        return np.full(len(df), np.datetime64(as_of, "D"))
    days = df["timestamp"].dt.tz_convert(None).to_numpy().astype("datetime64[D]")
    return np.where(np.isnat(days), np.datetime64(default_day, "D"), days)


def _period_index(model: ModelPrice, days: np.ndarray) -> np.ndarray:
    starts = np.array([p.starts for p in model.periods], dtype="datetime64[D]")
    return np.maximum(np.searchsorted(starts, days, side="right") - 1, 0)


@dataclass
class Pricer:
    """Reduces classified chunks to line items under every strategy; `report` prices them exactly."""

    book: PriceBook
    policy: Policy
    strategies: tuple[Strategy, ...]
    as_of: date | None = None
    default_day: date = field(default_factory=date.today)
    billing: BillingOptions = field(default_factory=BillingOptions)
    _lines: list[dict] = field(default_factory=list)  # line item blocks: GROUP_KEYS and INT_COLUMNS, as arrays
    _days_seen: list = field(default_factory=list)
    unknown_models: Counter = field(default_factory=Counter)
    unknown_first_seen: dict = field(default_factory=dict)  # model name -> "file:line" of its first request
    before_first: Counter = field(default_factory=Counter)  # (strategy, model) -> requests dated before its first price
    token_totals: Counter = field(default_factory=Counter)
    requests: int = 0
    first_timestamp: pd.Timestamp | None = None   # earliest and latest logged timestamps (the log's span)
    last_timestamp: pd.Timestamp | None = None
    latency: LatencyCollector = field(default_factory=LatencyCollector)
    separate: frozenset = frozenset()  # strategy keys priced only from rows passed with `only=`
    tier_gaps: Counter = field(default_factory=Counter)
    batch_gaps: Counter = field(default_factory=Counter)
    call_gaps: Counter = field(default_factory=Counter)  # (model, call kind) -> calls with no per-call price

    def unpriced_rows(self, df: pd.DataFrame, codes: ChunkCodes | None = None) -> np.ndarray:
        """Rows whose logged model has no price, when this run prices *as logged*: like with like, they are
        left out of every strategy (named in `unknown_models`), not only out of *as logged*."""
        if AS_LOGGED not in self.strategies or df.empty:
            return np.zeros(len(df), dtype=bool)
        found, labels = (codes.model_codes(AS_LOGGED, df, self.policy) if codes is not None
                         else AS_LOGGED.model_codes(df, self.policy))
        known = np.array([self.book.find(name) is not None for name in labels], dtype=bool)
        return np.where(found < 0, True, ~known[np.maximum(found, 0)]) if len(labels) else found < 0

    def codes(self, df: pd.DataFrame, view: pd.Series | None = None) -> ChunkCodes:
        """`df`'s pricing inputs as integer arrays, to pass to every `add` of the same rows (or of a copy
        with other token counts: `ChunkCodes.with_counts`)."""
        return ChunkCodes.of(df, view, _days(df, self.default_day, self.as_of), same_day=self.as_of is not None)

    def add(self, df: pd.DataFrame, view: pd.Series | None = None,
            only: tuple[Strategy, ...] | None = None, codes: ChunkCodes | None = None) -> None:
        """Fold one classified chunk (tier filled) into the running line items.

        `only`: price these strategies alone and leave the request and token counts as they are
        (for rows that are not requests of their own, like a classifier's calls, or deferred rows).
        `codes`: `self.codes(df, view)`, when the caller prices the same rows more than once."""
        if df.empty:
            return
        if only is None:
            unpriced = self.unpriced_rows(df, codes)
            if unpriced.any():
                self._note_unpriced(df[unpriced])
                df, codes = df[~unpriced], None
                if view is not None:
                    view = view[~unpriced]
                if df.empty:
                    return
        if codes is None:
            codes = self.codes(df, view)
        days = codes.days
        self._days_seen = [min([*self._days_seen, days.min()]), max([*self._days_seen, days.max()])]
        if only is None:
            self.requests += int(codes.counts["requests"].sum())
            self._note_span(df["timestamp"])
            for column in (*TOKEN_COLUMNS, "reasoning_tokens"):
                self.token_totals[column] += int(codes.counts[column].sum())
            self.latency.add(df)
        prompt = codes.prompt_tokens()
        for strategy in (only if only is not None else
                         [s for s in self.strategies if s.key not in self.separate]):
            found, labels = codes.model_codes(strategy, df, self.policy)
            self._add_strategy(codes, strategy, found, labels, prompt)

    def sums(self) -> dict:
        """Everything `add` has gathered (line items, counts, span), as plain data another Pricer can `merge`:
        what a cluster part sends back. The book, policy and options stay behind."""
        self._lines = [self._combine_block()] if self._lines else []
        return {"lines": self._lines, "days_seen": self._days_seen, "unknown_models": self.unknown_models,
                "unknown_first_seen": self.unknown_first_seen, "before_first": self.before_first,
                "token_totals": self.token_totals, "requests": self.requests, "first_timestamp": self.first_timestamp,
                "last_timestamp": self.last_timestamp, "latency": dict(self.latency.values)}

    def merge(self, sums: dict) -> None:
        """Add another Pricer's `sums` (built with the same book, policy and strategies): integer sums add
        exactly, so merging the parts of a log in read order prices it as reading it whole would."""
        self._lines.extend(sums["lines"])
        if len(self._lines) > 64:
            self._lines = [self._combine_block()]
        days = [*self._days_seen, *sums["days_seen"]]
        self._days_seen = [min(days), max(days)] if days else []
        self.unknown_models.update(sums["unknown_models"])
        for model, source in sums["unknown_first_seen"].items():
            self.unknown_first_seen.setdefault(model, source)
        self.before_first.update(sums["before_first"])
        self.token_totals.update(sums["token_totals"])
        self.requests += sums["requests"]
        for stamp in (sums["first_timestamp"], sums["last_timestamp"]):
            if stamp is not None:
                self._note_span(pd.Series([stamp]))
        for key, chunks in sums["latency"].items():
            self.latency.values[key].extend(chunks)

    def _note_unpriced(self, rows: pd.DataFrame) -> None:
        names = rows["model"].astype("object").where(rows["model"].notna(), "(no model in log)")
        for label, group in rows.groupby(names, sort=False):
            self.unknown_models[str(label)] += int(group["requests"].sum())
            self.unknown_first_seen.setdefault(str(label), str(group["source"].iloc[0]))

    def _note_span(self, stamps: pd.Series) -> None:
        stamps = stamps.dropna()
        if stamps.empty:
            return
        low, high = stamps.min(), stamps.max()
        self.first_timestamp = low if self.first_timestamp is None else min(self.first_timestamp, low)
        self.last_timestamp = high if self.last_timestamp is None else max(self.last_timestamp, high)

    def span(self) -> tuple[str | None, str | None]:
        """The log's first and last timestamps (ISO 8601, UTC) for the report, or None when none was logged."""
        iso = lambda t: None if t is None else t.isoformat()  # noqa: E731
        return iso(self.first_timestamp), iso(self.last_timestamp)

    def _models_of(self, found: np.ndarray, labels: list) -> tuple[list[ModelPrice], np.ndarray]:
        """The priced models `labels` name (aliases of one model count once) and each row's place among them;
        a row with no model, or a name with no price, stops the run with the book's named error."""
        if (found < 0).any():
            self.book.resolve("(no model in log)")
        models: dict[str, ModelPrice] = {}
        place_of_label = np.zeros(max(len(labels), 1), dtype=np.int64)
        for i, name in enumerate(labels):
            model = self.book.find(name)
            if model is None:
                self.book.resolve(str(name))  # the named error
                continue
            place_of_label[i] = list(models).index(model.id) if model.id in models else len(models)
            models.setdefault(model.id, model)
        return list(models.values()), place_of_label[found] if len(labels) > 1 else np.zeros(len(found), np.int64)

    def _add_strategy(self, codes: ChunkCodes, strategy: Strategy, found: np.ndarray, labels: list,
                      prompt: np.ndarray) -> None:
        """Sum the rows `strategy` sends to each model (`found`: codes into `labels`) into line items, grouped
        on one integer key of everything a price depends on."""
        models, place = self._models_of(found, labels)
        if not models:
            return
        n, one = codes.n, len(models) == 1
        period = np.zeros(n, dtype=np.int64)
        long_context = np.zeros(n, dtype=bool)
        off_peak = np.zeros(n, dtype=bool)
        requests = codes.counts["requests"]
        for i, model in enumerate(models):
            rows = slice(None) if one else np.flatnonzero(place == i)
            here = codes.period_of(model)  # one index for every row on one day (--as-of), else each row's
            if not one and isinstance(here, np.ndarray):
                here = here[rows]
            first_start = np.datetime64(model.periods[0].starts, "D")
            if codes.same_day:  # one day for every row
                early = int(requests[rows].sum()) if codes.days[0] < first_start else 0
            else:
                days = codes.days[rows]
                early = int(requests[rows][days < first_start].sum())
            if early:
                self.before_first[(strategy.key, model.id)] += early
            period[rows] = here
            for k, p in enumerate(model.periods):
                if p.long_context is not None:
                    long_context[rows] |= (here == k) & (prompt[rows] > p.long_context.above_prompt_tokens)
            if any(p.off_peak is not None for p in model.periods):
                mask = codes.off_peak(model, self.billing)
                off_peak[rows] = mask if one else mask[rows]
        parts = [(place, len(models)), (codes.tier, codes.tier_span),
                 (period, max(len(m.periods) for m in models)), (long_context, 2),
                 (codes.batch | self.billing.batch, 2), (codes.view, len(codes.view_labels)),
                 (codes.service_tier, len(codes.service_tier_labels)), (off_peak, 2)]
        key = np.zeros(n, dtype=np.int64)
        for values, size in parts:
            if size > 1:  # a part with one value adds nothing to the key
                key *= size
                key += values
        group, unique = pd.factorize(key)
        fields = []
        for _, size in reversed(parts):
            fields.append(unique % size if size > 1 else np.zeros(len(unique), dtype=np.int64))
            unique = unique // size
        off, service_tier, view, batch, lc, period_of, tier, model_of = fields
        self._lines.append({
            "strategy": np.full(len(tier), strategy.key, dtype=object), "tier": tier,
            "model": np.array([m.id for m in models], dtype=object)[model_of], "period": period_of,
            "long_context": lc.astype(bool), "batch": batch.astype(bool), "view": codes.view_labels[view],
            "service_tier": codes.service_tier_labels[service_tier], "off_peak": off.astype(bool),
            **{column: _group_sums(group, len(tier), codes.counts[column], codes.bounds(column), codes.weights)
               for column in INT_COLUMNS}})
        if len(self._lines) > 64:
            self._lines = [self._combine_block()]

    def _before_first(self, model_id: str) -> int:
        """Requests dated before the model's first price, counted once (the most any one strategy sent it)."""
        return max((n for (_, m), n in self.before_first.items() if m == model_id), default=0)

    def _combine(self) -> pd.DataFrame:
        """Every line item block added so far as one frame, one row per group of identical pricing."""
        if not self._lines:
            return pd.DataFrame(columns=[*GROUP_KEYS, *INT_COLUMNS])
        frame = pd.DataFrame({column: np.concatenate([block[column] for block in self._lines])
                              for column in (*GROUP_KEYS, *INT_COLUMNS)})
        counts = list(INT_COLUMNS)
        if any(float(np.abs(frame[c].to_numpy(dtype=np.float64)).sum()) >= INT64_SAFE for c in counts):
            frame[counts] = frame[counts].astype(object)  # Python ints: a sum past int64 stays exact, never wraps
        return frame.groupby(GROUP_KEYS, sort=False, as_index=False)[counts].sum()

    def _combine_block(self) -> dict[str, np.ndarray]:
        """`_combine` as a line item block: plain arrays, as `_add_strategy` makes them."""
        combined = self._combine()
        return {column: combined[column].to_numpy(dtype=object if column in TEXT_KEYS else None)
                for column in (*GROUP_KEYS, *INT_COLUMNS)}

    def line_items(self) -> list[LineItem]:
        """Every group of identical pricing, with its exact cost."""
        items = []
        self.tier_gaps.clear()
        self.batch_gaps.clear()
        self.call_gaps.clear()
        for row in self._combine().itertuples(index=False):
            model = self.book.models[row.model]
            period = model.periods[row.period]
            rates, tier_gap = rates_for(period, long_context=bool(row.long_context), service_tier=row.service_tier,
                                        off_peak=bool(row.off_peak))
            tokens = {kind: int(getattr(row, f"{kind}_tokens")) for kind in RATE_KINDS}
            calls = {kind: int(getattr(row, f"{kind}_calls")) for kind in CALL_KINDS if getattr(row, f"{kind}_calls")}
            discount = self.book.discount_pct(model)
            cost = line_cost_usd(model, rates, tokens, batch=bool(row.batch), discount_pct=discount)
            for kind, n in calls.items():
                if kind in model.per_call_usd:
                    cost += n * model.per_call_usd[kind]
                else:
                    self.call_gaps[(row.strategy, model.id, kind)] += n
            items.append(LineItem(strategy=row.strategy, tier=int(row.tier), model=model.id,
                                  price_from=period.starts, long_context=bool(row.long_context), batch=bool(row.batch),
                                  view=row.view, requests=int(row.requests), tokens=tokens, cost_usd=cost,
                                  service_tier="" if tier_gap else row.service_tier, off_peak=bool(row.off_peak),
                                  discount_pct=discount, calls=calls))
            if tier_gap:
                self.tier_gaps[(model.id, row.service_tier)] += int(row.requests)
            if row.batch and not model.batch_discount_pct:
                self.batch_gaps[model.id] += int(row.requests)
        return items

    def report(self, *, kind: ReportKind, accounting: Accounting, notes: list[str] | None = None) -> Report:
        items = self.line_items()
        more_notes, billing = billing_notes(self, items)
        notes = [*(notes or ()), *more_notes]
        results = []
        for strategy in self.strategies:
            mine = [i for i in items if i.strategy == strategy.key]
            missing = sum(self.unknown_models.values())  # left out of every strategy alike
            results.append(StrategyResult(
                key=strategy.key, label=strategy.label, description=strategy.description,
                models=tuple(sorted({i.model for i in mine})),
                cost_usd=sum((i.cost_usd for i in mine), Decimal(0)),
                requests=sum(i.requests for i in mine), unpriced_requests=missing,
                by_tier=_by_tier(mine, self.policy), by_model=_by_model(mine)))
        frontier = next((r for r in results if r.key == ALL_FRONTIER.key), None)
        if frontier is not None:
            results = [r.with_savings(frontier.cost_usd) for r in results]
        used = {(i.model, i.price_from) for i in items}
        prices = tuple(PriceUsed(model=m, price_from=d, source_url=self.book.models[m].source_url,
                                 requests_before_first_period=self._before_first(m))
                       for m, d in sorted(used))
        return Report(kind=kind, strategies=tuple(results), prices_used=prices, accounting=accounting,
                      token_totals=dict(self.token_totals), tier_models=dict(self.policy.tier_models),
                      tier_names=dict(self.policy.tier_names), unknown_models=dict(self.unknown_models),
                      unknown_first_seen=dict(self.unknown_first_seen),
                      as_of=self.as_of, line_items=tuple(items), notes=tuple(notes or ()),
                      billing=billing, latency=self.latency.summary())


EXACT_FLOAT = 2**53  # float64 holds every integer below this exactly


INT64_SAFE = float(2**62)  # a column whose sum could pass int64 (with room for float rounding) adds Python ints


def _group_sums(group: np.ndarray, count: int, values: np.ndarray, bounds: tuple[int, int] | None = None,
                weights=None) -> np.ndarray:
    """Exact int64 sums of `values` per group code (0 <= group < count). `np.bincount` sums in float64,
    which is exact while every partial sum stays below 2**53 (checked from the column's maximum);
    otherwise `np.add.at` sums in int64. `bounds`: the column's (min, max), when the caller has them;
    `weights`: `values` as float64 (a function of the column), when the caller keeps them."""
    if not len(values):
        return np.zeros(count, dtype=np.int64)
    low, high = bounds if bounds is not None else (int(values.min()), int(values.max()))
    if low == high == 0:
        return np.zeros(count, dtype=np.int64)
    if low == high == 1:  # every row counts one: the number of rows in each group
        return np.bincount(group, minlength=count).astype(np.int64, copy=False)
    if low >= 0 and high * len(values) < EXACT_FLOAT:
        return np.bincount(group, weights=values if weights is None else weights(values),
                           minlength=count).astype(np.int64)
    out = np.zeros(count, dtype=np.int64)
    np.add.at(out, group, values)
    return out


@dataclass
class ChunkCodes:
    """A frame's pricing inputs as integer arrays, worked out once and shared by every strategy priced on its
    rows: the string columns (view key, service tier) become codes into small label arrays, so grouping never
    hashes strings, and each strategy's models are worked out once (`model_codes`). The held rows' replayed
    strategies each change only the token counts (`with_counts`)."""

    n: int
    counts: dict[str, np.ndarray]     # INT_COLUMNS, each an int64 array
    tier: np.ndarray
    tier_span: int                    # tiers are 0 <= tier < tier_span
    batch: np.ndarray
    view: np.ndarray
    view_labels: np.ndarray
    service_tier: np.ndarray
    service_tier_labels: np.ndarray
    days: np.ndarray                  # each row's pricing day (datetime64[D])
    same_day: bool                    # every row is priced on one day (--as-of)
    timestamps: pd.Series             # for off-peak windows
    models: dict = field(default_factory=dict)  # strategy -> its `model_codes` on these rows
    _bounds: dict = field(default_factory=dict)  # count column -> its (min, max), worked out once
    _prompt: np.ndarray | None = None  # `prompt_tokens`, worked out once
    _floats: dict = field(default_factory=dict)  # id of a count array -> (the array, it as float64)
    _periods: dict = field(default_factory=dict)  # model id -> each row's price period index on that model
    _off_peak: dict = field(default_factory=dict)  # (model id, billing) -> each row in an off-peak window

    @classmethod
    def of(cls, df: pd.DataFrame, view: pd.Series | None, days: np.ndarray, same_day: bool = False) -> ChunkCodes:
        if view is None:
            view_codes, view_labels = np.zeros(len(df), dtype=np.int64), np.array([""], dtype=object)
        else:
            view_codes, labels = pd.factorize(view.astype(str))
            view_labels = np.asarray(labels, dtype=object)
        found, tier_labels = _service_tiers(df["service_tier"])
        tier = df["tier"].astype("int64").to_numpy()
        return cls(n=len(df), counts=_counts(df), tier=tier, tier_span=int(tier.max()) + 1 if len(tier) else 1,
                   batch=df["batch"].to_numpy(dtype=bool), view=view_codes, view_labels=view_labels,
                   service_tier=found, service_tier_labels=tier_labels,
                   days=days, same_day=same_day, timestamps=df["timestamp"])

    def with_counts(self, counts: dict[str, np.ndarray], same_prompt: bool = False) -> ChunkCodes:
        """These codes for the same rows with some token counts replaced (a replayed cache split).
        `same_prompt`: each row's prompt total (`prompt_tokens`) is unchanged, as a cache replay leaves it."""
        prompt = self.prompt_tokens() if same_prompt else None
        return replace(self, counts={**self.counts, **counts},
                       _bounds={c: b for c, b in self._bounds.items() if c not in counts},
                       _floats=self._floats, _periods=self._periods, _off_peak=self._off_peak,
                       _prompt=prompt)

    def weights(self, values: np.ndarray) -> np.ndarray:
        """A count array of these codes as float64 (what `np.bincount` sums), made once per array: strategies
        priced on the same rows share most of their count columns."""
        found = self._floats.get(id(values))
        if found is None or found[0] is not values:
            found = self._floats[id(values)] = (values, values.astype(np.float64))
        return found[1]

    def period_of(self, model: ModelPrice) -> np.ndarray | int:
        """Each row's price period index on `model` (from its pricing day), worked out once per model: one
        index for every row when every row is priced on one day (`same_day`)."""
        if model.id not in self._periods:
            self._periods[model.id] = (int(_period_index(model, self.days[:1])[0]) if self.same_day
                                       else _period_index(model, self.days))
        return self._periods[model.id]

    def off_peak(self, model: ModelPrice, billing: BillingOptions) -> np.ndarray:
        """Each row in its period's off-peak window on `model` (`off_peak_mask`), worked out once per model."""
        if (model.id, billing) not in self._off_peak:
            period = self.period_of(model)
            period = np.full(self.n, period) if isinstance(period, int) else period
            self._off_peak[(model.id, billing)] = off_peak_mask(period, model, self.timestamps, billing)
        return self._off_peak[(model.id, billing)]

    def bounds(self, column: str) -> tuple[int, int]:
        """The (min, max) of a count column (shared by every strategy priced on these rows)."""
        if column not in self._bounds:
            values = self.counts[column]
            self._bounds[column] = (int(values.min()), int(values.max())) if len(values) else (0, 0)
        return self._bounds[column]

    def model_codes(self, strategy: Strategy, df: pd.DataFrame, policy: Policy) -> tuple[np.ndarray, list]:
        """`strategy.model_codes` on these rows, worked out once."""
        if strategy not in self.models:
            self.models[strategy] = strategy.model_codes(df, policy)
        return self.models[strategy]

    def prompt_tokens(self) -> np.ndarray:
        """Whole prompt of one request (`frame.prompt_tokens_per_request`): what long-context thresholds see."""
        if self._prompt is None:
            counts = self.counts
            self._prompt = sum(counts[c] for c in PROMPT_COLUMNS) // counts["requests"]
        return self._prompt


def _service_tiers(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Each row's code into the normalized service tier names; a row without one (most logs: every row) takes
    the last name, "" (the list price)."""
    if column.isna().all():
        return np.zeros(len(column), dtype=np.int64), _normalized(())
    found, labels = pd.factorize(column)
    return np.where(found < 0, len(labels), found), _normalized(tuple(labels))


_NORMALIZED: dict[tuple, np.ndarray] = {}


def _normalized(labels: tuple) -> np.ndarray:
    """`normalize_service_tiers` of `labels` and a missing one, worked out once per set of names."""
    if labels not in _NORMALIZED:
        _NORMALIZED[labels] = normalize_service_tiers(pd.Series([*labels, pd.NA], dtype="object"))
    return _NORMALIZED[labels]


def _counts(df: pd.DataFrame) -> dict[str, np.ndarray]:
    return {column: df[column].to_numpy(dtype=np.int64) for column in INT_COLUMNS}


def _by_tier(items: list[LineItem], policy: Policy) -> tuple[TierCost, ...]:
    total = sum((i.cost_usd for i in items), Decimal(0))
    out = []
    for tier in TIERS:
        mine = [i for i in items if i.tier == tier]
        cost = sum((i.cost_usd for i in mine), Decimal(0))
        out.append(TierCost(tier=tier, name=policy.tier_names[tier], requests=sum(i.requests for i in mine),
                            models=tuple(sorted({i.model for i in mine})), cost_usd=cost,
                            share_of_spend_pct=percent_of(cost, total)))
    return tuple(out)


def _by_model(items: list[LineItem]) -> tuple[ModelCost, ...]:
    models = sorted({i.model for i in items})
    return tuple(ModelCost(model=m, requests=sum(i.requests for i in items if i.model == m),
                           cost_usd=sum((i.cost_usd for i in items if i.model == m), Decimal(0))) for m in models)
