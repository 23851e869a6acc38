"""The Report: what every command computes and every renderer draws. Frozen values, exact Decimal money.

`to_dict` is the versioned JSON report (money as exact decimal strings); bump SCHEMA_VERSION when a
field changes meaning or disappears. Adding a field does not bump it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from costsim.version import __version__
from costsim.money import exact

SCHEMA_VERSION = 1


def percent_of(part: Decimal, whole: Decimal) -> Decimal | None:
    return None if whole == 0 else part * 100 / whole


@dataclass(frozen=True)
class LineItem:
    """Requests that share every input of their price: strategy, tier, model, price period, long context, batch."""

    strategy: str
    tier: int
    model: str
    price_from: date
    long_context: bool
    batch: bool
    view: str
    requests: int
    tokens: dict[str, int]
    cost_usd: Decimal
    service_tier: str = ""         # "" = list price; else the logged tier whose rates were used
    off_peak: bool = False         # priced at the period's off-peak (time-of-day) rates
    discount_pct: Decimal | None = None  # negotiated discount from a --pricing overlay
    calls: dict = field(default_factory=dict)  # server tool calls (web_search, web_fetch) in the line


@dataclass(frozen=True)
class TierCost:
    tier: int
    name: str
    requests: int
    models: tuple[str, ...]
    cost_usd: Decimal
    share_of_spend_pct: Decimal | None


@dataclass(frozen=True)
class ModelCost:
    model: str
    requests: int
    cost_usd: Decimal


@dataclass(frozen=True)
class StrategyResult:
    key: str
    label: str
    description: str
    models: tuple[str, ...]
    cost_usd: Decimal
    requests: int
    unpriced_requests: int
    by_tier: tuple[TierCost, ...]
    by_model: tuple[ModelCost, ...]
    savings_vs_frontier_pct: Decimal | None = None

    @property
    def cost_per_request_usd(self) -> Decimal | None:
        return None if self.requests == 0 else self.cost_usd / self.requests

    def with_savings(self, frontier_cost_usd: Decimal) -> "StrategyResult":
        saved = percent_of(frontier_cost_usd - self.cost_usd, frontier_cost_usd)
        return replace(self, savings_vs_frontier_pct=saved)


@dataclass(frozen=True)
class PriceUsed:
    model: str
    price_from: date
    source_url: str
    requests_before_first_period: int = 0


@dataclass(frozen=True)
class Accounting:
    """Every input record ends up priced, skipped (with its reason) or a duplicate."""

    records_read: int = 0
    priced: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    duplicates: int = 0
    files: tuple[str, ...] = ()

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    @property
    def balanced(self) -> bool:
        return self.records_read == self.priced + self.skipped_total + self.duplicates


@dataclass(frozen=True)
class ClaimCheck:
    """A figure a source states, next to what costsim computes for it."""

    item: str
    claimed: Decimal
    computed: Decimal
    unit: str  # "usd" or "pct"
    explanation: str

    @property
    def matches(self) -> bool:
        """Equal at the precision the claim was written with (a $0.07 claim matches $0.065 → $0.07)."""
        exponent = self.claimed.as_tuple().exponent
        places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
        from decimal import ROUND_HALF_UP
        return self.computed.quantize(places, rounding=ROUND_HALF_UP) == self.claimed


@dataclass(frozen=True)
class Report:
    kind: str  # "compare" or "estimate"
    strategies: tuple[StrategyResult, ...]
    prices_used: tuple[PriceUsed, ...]
    accounting: Accounting
    token_totals: dict[str, int]
    tier_models: dict[int, str]
    tier_names: dict[int, str]
    unknown_models: dict[str, int] = field(default_factory=dict)
    unknown_first_seen: dict[str, str] = field(default_factory=dict)
    as_of: date | None = None
    line_items: tuple[LineItem, ...] = ()
    notes: tuple[str, ...] = ()
    claims: tuple[ClaimCheck, ...] = ()
    extra: dict = field(default_factory=dict)

    def strategy(self, key: str) -> StrategyResult:
        return next(s for s in self.strategies if s.key == key)

    def to_dict(self) -> dict:
        """The JSON report: versioned, money as exact decimal strings."""
        return {
            "schema_version": SCHEMA_VERSION,
            "generator": f"costsim {__version__}",
            "kind": self.kind,
            "as_of": _iso(self.as_of),
            "tiers": {str(t): {"name": self.tier_names[t], "model": m} for t, m in self.tier_models.items()},
            "strategies": [_strategy_dict(s) for s in self.strategies],
            "prices_used": [{"model": p.model, "from": p.price_from.isoformat(), "source_url": p.source_url,
                             "requests_before_first_period": p.requests_before_first_period}
                            for p in self.prices_used],
            "accounting": {"records_read": self.accounting.records_read, "priced": self.accounting.priced,
                           "skipped": dict(self.accounting.skipped), "skipped_total": self.accounting.skipped_total,
                           "duplicates": self.accounting.duplicates, "files": list(self.accounting.files)},
            "tokens": {k.removesuffix("_tokens"): v for k, v in self.token_totals.items()},
            "unknown_models": dict(self.unknown_models),
            "claims": [{"item": c.item, "claimed": exact(c.claimed), "computed": exact(c.computed), "unit": c.unit,
                        "matches": c.matches, "explanation": c.explanation} for c in self.claims],
            "notes": list(self.notes),
            **_jsonable(self.extra),
        }


def _jsonable(value):
    """Decimals inside `extra` (simulation figures) become exact decimal strings too."""
    if isinstance(value, Decimal):
        return exact(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _strategy_dict(s: StrategyResult) -> dict:
    return {
        "key": s.key, "label": s.label, "description": s.description, "models": list(s.models),
        "cost_usd": exact(s.cost_usd), "requests": s.requests, "cost_per_request_usd": exact(s.cost_per_request_usd),
        "savings_vs_all_frontier_pct": exact(s.savings_vs_frontier_pct), "unpriced_requests": s.unpriced_requests,
        "tiers": [{"tier": t.tier, "name": t.name, "requests": t.requests, "models": list(t.models),
                   "cost_usd": exact(t.cost_usd), "share_of_spend_pct": exact(t.share_of_spend_pct)} for t in s.by_tier],
        "models_detail": [{"model": m.model, "requests": m.requests, "cost_usd": exact(m.cost_usd)} for m in s.by_model],
    }
