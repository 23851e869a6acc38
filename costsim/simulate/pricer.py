"""Usage frame × prices × strategies → Report. Pure: no I/O, no printing.

Pricing is two steps so a million rows stay fast and exact: each chunk is reduced to integer token
sums grouped by everything a price depends on (model, price period, long-context cliff, batch) —
the *line items* — and only those few lines are multiplied by Decimal prices at the end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd

from costsim.frame import CALL_KINDS, INT_COLUMNS, RATE_KINDS, TOKEN_COLUMNS, prompt_tokens_per_request
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


AS_LOGGED = Strategy("as_logged", "As logged", "each request on the model the log names")
ALL_FRONTIER = Strategy("all_frontier", "All frontier", "every request on the tier-3 model")
ALL_MID = Strategy("all_mid", "All mid-tier", "every request on the tier-2 model")
SMART = Strategy("smart", "Smart routing", "each request on its tier's model")
SCENARIO_STRATEGIES = (ALL_FRONTIER, ALL_MID, SMART)
LOG_STRATEGIES = (AS_LOGGED, ALL_FRONTIER, ALL_MID, SMART)
FRONTIER_COLD_KEY = "all_frontier_cold"  # all frontier with cold caches: priced by cache_strategies on a replay

UNPRICED = "model has no price (left out of every strategy)"
GROUP_KEYS = ["strategy", "tier", "model", "period", "long_context", "batch", "view", "service_tier", "off_peak"]


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
    _lines: list[pd.DataFrame] = field(default_factory=list)
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

    def unpriced_rows(self, df: pd.DataFrame) -> np.ndarray:
        """Rows whose logged model has no price, when this run prices *as logged*: like with like, they are
        left out of every strategy (named in `unknown_models`), not only out of *as logged*."""
        if AS_LOGGED not in self.strategies or df.empty:
            return np.zeros(len(df), dtype=bool)
        names = df["model"]
        codes, labels = pd.factorize(names)
        known = np.array([self.book.find(name) is not None for name in labels], dtype=bool)
        return np.where(codes < 0, True, ~known[np.maximum(codes, 0)]) if len(labels) else codes < 0

    def add(self, df: pd.DataFrame, view: pd.Series | None = None,
            only: tuple[Strategy, ...] | None = None) -> None:
        """Fold one classified chunk (tier filled) into the running line items.

        `only`: price these strategies alone and leave the request and token counts as they are
        (for rows that are not requests of their own, like a classifier's calls, or deferred rows)."""
        if df.empty:
            return
        if only is None:
            unpriced = self.unpriced_rows(df)
            if unpriced.any():
                self._note_unpriced(df[unpriced])
                df = df[~unpriced]
                if view is not None:
                    view = view[~unpriced]
                if df.empty:
                    return
        days = _days(df, self.default_day, self.as_of)
        self._days_seen = [min([*self._days_seen, days.min()]), max([*self._days_seen, days.max()])]
        prompt = prompt_tokens_per_request(df).to_numpy()
        if only is None:
            self.requests += int(df["requests"].sum())
            self._note_span(df["timestamp"])
            for column in (*TOKEN_COLUMNS, "reasoning_tokens"):
                self.token_totals[column] += int(df[column].sum())
            self.latency.add(df)
        codes = _ChunkCodes.of(df, view)
        for strategy in (only if only is not None else
                         [s for s in self.strategies if s.key not in self.separate]):
            names = strategy.models(df, self.policy)
            found, labels = pd.factorize(names)  # missing names get -1
            groups = [(labels[k], np.flatnonzero(found == k)) for k in range(len(labels))]
            if (found < 0).any():
                groups.append((None, np.flatnonzero(found < 0)))
            for name, rows in groups:
                picked = slice(None) if len(groups) == 1 else rows
                self._add_model(df, picked, codes, strategy, name, days[picked], prompt[picked])

    def sums(self) -> dict:
        """Everything `add` has gathered (line items, counts, span), as plain data another Pricer can `merge`:
        what a cluster part sends back. The book, policy and options stay behind."""
        self._lines = [self._combine()] if self._lines else []
        return {"lines": self._lines, "days_seen": self._days_seen, "unknown_models": self.unknown_models,
                "unknown_first_seen": self.unknown_first_seen, "before_first": self.before_first,
                "token_totals": self.token_totals, "requests": self.requests, "first_timestamp": self.first_timestamp,
                "last_timestamp": self.last_timestamp, "latency": dict(self.latency.values)}

    def merge(self, sums: dict) -> None:
        """Add another Pricer's `sums` (built with the same book, policy and strategies): integer sums add
        exactly, so merging the parts of a log in read order prices it as reading it whole would."""
        self._lines.extend(sums["lines"])
        if len(self._lines) > 64:
            self._lines = [self._combine()]
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

    def _add_model(self, df, rows, codes: _ChunkCodes, strategy, name, days, prompt) -> None:
        """Sum the chunk's `rows` that `strategy` sends to model `name` into line items (grouped on integer codes)."""
        model = None if name is None or pd.isna(name) else self.book.find(name)
        requests = codes.ints[rows, 0]
        if model is None:
            self.book.resolve("(no model in log)" if name is None or pd.isna(name) else str(name))  # named error
            return
        period = _period_index(model, days)
        first_start = np.datetime64(model.periods[0].starts, "D")
        early = int(requests[days < first_start].sum())
        if early:
            self.before_first[(strategy.key, model.id)] += early
        long_context = np.zeros(len(period), dtype=bool)
        for i, p in enumerate(model.periods):
            if p.long_context is not None:
                long_context |= (period == i) & (prompt > p.long_context.above_prompt_tokens)
        if any(p.off_peak is not None for p in model.periods):
            off_peak = off_peak_mask(period, model, df["timestamp"].iloc[rows], self.billing)
        else:
            off_peak = np.zeros(len(period), dtype=bool)
        parts = [(codes.tier[rows], codes.tier_span), (period, len(model.periods)), (long_context, 2),
                 (codes.batch[rows] | self.billing.batch, 2), (codes.view[rows], len(codes.view_labels)),
                 (codes.service_tier[rows], len(codes.service_tier_labels)), (off_peak, 2)]
        key = np.zeros(len(period), dtype=np.int64)
        for values, size in parts:
            key = key * size + values.astype(np.int64)
        order = np.argsort(key, kind="stable")
        ordered = key[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        sums = np.add.reduceat(codes.ints[rows][order], starts, axis=0)
        unique = ordered[starts]
        fields = []
        for _, size in reversed(parts):
            fields.append(unique % size)
            unique = unique // size
        off, service_tier, view, batch, lc, period_of, tier = fields
        self._lines.append(pd.DataFrame({
            "strategy": strategy.key, "tier": tier, "model": model.id, "period": period_of,
            "long_context": lc.astype(bool), "batch": batch.astype(bool), "view": codes.view_labels[view],
            "service_tier": codes.service_tier_labels[service_tier], "off_peak": off.astype(bool),
            **{column: sums[:, i] for i, column in enumerate(INT_COLUMNS)}}))
        if len(self._lines) > 64:
            self._lines = [self._combine()]

    def _before_first(self, model_id: str) -> int:
        """Requests dated before the model's first price, counted once (the most any one strategy sent it)."""
        return max((n for (_, m), n in self.before_first.items() if m == model_id), default=0)

    def _combine(self) -> pd.DataFrame:
        if not self._lines:
            return pd.DataFrame(columns=[*GROUP_KEYS, *INT_COLUMNS])
        return pd.concat(self._lines).groupby(GROUP_KEYS, sort=False, as_index=False)[list(INT_COLUMNS)].sum()

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


@dataclass(frozen=True)
class _ChunkCodes:
    """A chunk's pricing inputs as integer arrays, computed once per chunk: the string columns
    (view key, service tier) become codes into small label arrays, so grouping never hashes strings."""

    ints: np.ndarray                  # INT_COLUMNS as an (n, k) int64 matrix
    tier: np.ndarray
    tier_span: int                    # tiers are 0 <= tier < tier_span
    batch: np.ndarray
    view: np.ndarray
    view_labels: np.ndarray
    service_tier: np.ndarray
    service_tier_labels: np.ndarray

    @classmethod
    def of(cls, df: pd.DataFrame, view: pd.Series | None) -> _ChunkCodes:
        if view is None:
            view_codes, view_labels = np.zeros(len(df), dtype=np.int64), np.array([""], dtype=object)
        else:
            view_codes, labels = pd.factorize(view.astype(str))
            view_labels = np.asarray(labels, dtype=object)
        found, labels = pd.factorize(df["service_tier"])  # missing -> -1 -> the last label (list price)
        tier_labels = normalize_service_tiers(pd.Series([*labels, pd.NA], dtype="object"))
        tier = df["tier"].astype("int64").to_numpy()
        return cls(ints=df[list(INT_COLUMNS)].to_numpy(dtype=np.int64), tier=tier,
                   tier_span=int(tier.max()) + 1 if len(tier) else 1, batch=df["batch"].to_numpy(dtype=bool),
                   view=view_codes, view_labels=view_labels,
                   service_tier=np.where(found < 0, len(labels), found), service_tier_labels=tier_labels)


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
