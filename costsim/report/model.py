"""The Report: what every command computes and every renderer draws. Frozen values, exact Decimal money.

`to_dict` is the versioned JSON report (money as exact decimal strings); bump SCHEMA_VERSION when a
field changes meaning or disappears. Adding a field does not bump it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import ClassVar, Literal

from costsim.report.caching import Caching
from costsim.report.fields import FLATTEN, LEAVE_OUT, OMIT_NONE, json_name
from costsim.report.jsonshape import SCHEMA_VERSIONS, envelope, to_json
from costsim.report.parts import (
    AsBilled,
    Billing,
    Breakdown,
    CalibrationSummary,
    DisplayCurrency,
    LatencyRow,
    LogDetail,
    MonteCarloResult,
    PriceAdjustment,
    Simulation,
)

ReportKind = Literal["compare", "estimate"]
SCHEMA_VERSION = SCHEMA_VERSIONS["estimate"]  # compare's and estimate's: one report format


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
    """One strategy's cost: total, per tier and per model, and its savings against all-frontier."""

    key: str
    label: str
    description: str
    models: tuple[str, ...]
    cost_usd: Decimal
    requests: int
    unpriced_requests: int
    by_tier: tuple[TierCost, ...] = field(metadata=json_name("tiers"))
    by_model: tuple[ModelCost, ...] = field(metadata=json_name("models_detail"))
    savings_vs_frontier_pct: Decimal | None = field(default=None, metadata=json_name("savings_vs_all_frontier_pct"))

    JSON_COMPUTED: ClassVar = (("cost_per_request_usd", "cost_per_request_usd"),)

    @property
    def cost_per_request_usd(self) -> Decimal | None:
        return None if self.requests == 0 else self.cost_usd / self.requests

    def with_savings(self, frontier_cost_usd: Decimal) -> StrategyResult:
        saved = percent_of(frontier_cost_usd - self.cost_usd, frontier_cost_usd)
        return replace(self, savings_vs_frontier_pct=saved)


@dataclass(frozen=True)
class PriceUsed:
    model: str
    price_from: date = field(metadata=json_name("from"))
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

    JSON_COMPUTED: ClassVar = (("skipped_total", "skipped_total"),)

    def files_named(self, shown: int = 3) -> str:
        """The files read, for a sentence: the first `shown`, then how many more ("" when none)."""
        more = len(self.files) - shown
        return ", ".join(self.files[:shown]) + (f" and {more:,} more" if more > 0 else "")

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

    JSON_COMPUTED: ClassVar = (("matches", "matches"),)

    @property
    def matches(self) -> bool:
        """Equal at the precision the claim was written with (a $0.07 claim matches $0.065 → $0.07)."""
        exponent = self.claimed.as_tuple().exponent
        places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
        return self.computed.quantize(places, rounding=ROUND_HALF_UP) == self.claimed


@dataclass(frozen=True)
class TierInfo:
    name: str
    model: str


@dataclass(frozen=True)
class Report:
    """What `compare` or `estimate` computed: the JSON report `diff` and `check` read back."""

    kind: ReportKind
    strategies: tuple[StrategyResult, ...]
    prices_used: tuple[PriceUsed, ...]
    accounting: Accounting
    token_totals: dict[str, int] = field(metadata=LEAVE_OUT)  # JSON: `tokens`, without the _tokens suffix
    tier_models: dict[int, str] = field(metadata=LEAVE_OUT)   # JSON: `tiers`
    tier_names: dict[int, str] = field(metadata=LEAVE_OUT)
    unknown_models: dict[str, int] = field(default_factory=dict)
    unknown_first_seen: dict[str, str] = field(default_factory=dict, metadata=LEAVE_OUT)
    as_of: date | None = None
    line_items: tuple[LineItem, ...] = field(default=(), metadata=LEAVE_OUT)
    notes: tuple[str, ...] = ()
    claims: tuple[ClaimCheck, ...] = ()
    claims_as_of: date | None = field(default=None, metadata=OMIT_NONE)  # the price date the claims were checked at
    log: LogDetail | None = field(default=None, metadata={**FLATTEN, **OMIT_NONE})  # estimate only
    billing: Billing = field(default=Billing(), metadata=FLATTEN)
    as_billed: AsBilled | None = field(default=None, metadata=OMIT_NONE)
    latency: tuple[LatencyRow, ...] | None = field(default=None, metadata=OMIT_NONE)
    price_adjustments: tuple[PriceAdjustment, ...] | None = field(default=None, metadata=OMIT_NONE)
    breakdown: Breakdown | None = field(default=None, metadata=OMIT_NONE)
    calibration: CalibrationSummary | None = field(default=None, metadata=OMIT_NONE)
    monte_carlo: MonteCarloResult | None = field(default=None, metadata=OMIT_NONE)
    simulation: Simulation | None = field(default=None, metadata=OMIT_NONE)
    caching: Caching | None = field(default=None, metadata=OMIT_NONE)  # docs/caching.md
    display_currency: DisplayCurrency | None = field(default=None, metadata=OMIT_NONE)

    JSON_COMPUTED: ClassVar = (("tiers", "tiers_json"), ("tokens", "tokens_json"))

    def strategy(self, key: str) -> StrategyResult:
        return next(s for s in self.strategies if s.key == key)

    @property
    def tiers_json(self) -> dict[str, TierInfo]:
        return {str(t): TierInfo(self.tier_names[t], m) for t, m in self.tier_models.items()}

    @property
    def tokens_json(self) -> dict[str, int]:
        return {k.removesuffix("_tokens"): v for k, v in self.token_totals.items()}

    @property
    def first_timestamp(self) -> str | None:
        return None if self.log is None else self.log.first_timestamp

    @property
    def last_timestamp(self) -> str | None:
        return None if self.log is None else self.log.last_timestamp

    def to_dict(self) -> dict:
        """The JSON report: versioned, money as exact decimal strings."""
        return {**envelope(self.kind), **to_json(self)}  # the envelope's keys first, like every JSON output
