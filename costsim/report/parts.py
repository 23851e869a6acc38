"""The Report's named parts beyond the strategies: what a log run found, how it was billed, the provider's
own charge, latency, price changes, the Monte Carlo's ranges and the sweep's curves. Frozen values; `jsonshape.to_json`
writes each (a part marked FLATTEN spreads its keys into the report's top level, as the JSON always had)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar

from costsim.report.fields import OMIT_NONE, json_name


@dataclass(frozen=True)
class LogDetail:
    """`estimate` only: what reading the logs found besides the priced requests."""

    problems: tuple[str, ...] = ()                 # the first few malformed records, with file:line
    malformed_records: int = 0
    classifier: str = ""
    estimated_output_requests: int = 0              # requests whose output tokens were estimated
    counted_input_requests: int = 0                 # requests whose input tokens were counted offline
    approximate_count_models: dict[str, int] = field(default_factory=dict)
    files_not_read: dict[str, str] = field(default_factory=dict)   # file → why
    sidecar_files: int = 0
    conflicting_duplicates: int = 0
    first_timestamp: str | None = None              # ISO 8601, UTC: the log's span
    last_timestamp: str | None = None
    failed_parts: tuple[str, ...] | None = field(default=None, metadata=OMIT_NONE)  # --engine dask: parts not read


@dataclass(frozen=True)
class PricePeriods:
    """The start dates of the price periods used, and the days the requests were priced on."""

    start: str = field(metadata=json_name("from"))
    to: str
    requests_priced_from: str | None = field(default=None, metadata=OMIT_NONE)
    requests_priced_to: str | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True)
class BillingGaps:
    """Requests billed at list price for want of a rate: `model/service_tier`, batched models, and
    `strategy/model/kind` server tool calls with no per-call price (not priced)."""

    service_tier: dict[str, int] = field(default_factory=dict)
    batch: dict[str, int] = field(default_factory=dict)
    per_call: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Billing:
    """How the line items were billed (every report)."""

    billing_gaps: BillingGaps = BillingGaps()
    price_periods: PricePeriods | None = field(default=None, metadata=OMIT_NONE)
    batch_gaps_by_strategy: dict[str, dict[str, int]] | None = field(default=None, metadata=OMIT_NONE)
    discounts_pct: dict[str, Decimal] | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True)
class AsBilled:
    """The provider's own charge beside costsim's figure (as logged) for the requests that carry one."""

    requests: int
    billed_usd: Decimal
    costsim_usd: Decimal
    difference_usd: Decimal


@dataclass(frozen=True)
class LatencyRow:
    """Logged latency of one (tier, model): requests with a latency, p50 and p95 in milliseconds."""

    tier: int | None
    model: str
    requests: int
    p50_ms: float
    p95_ms: float


@dataclass(frozen=True)
class PriceAdjustment:
    """A way the run's prices differ from the bundled list prices; `text` is what text formats print."""

    kind: str  # "overlay", "discount" or "what-if"
    text: str
    file: str | None = field(default=None, metadata=OMIT_NONE)
    applies_to: str | None = field(default=None, metadata=OMIT_NONE)
    pct_off: str | None = field(default=None, metadata=OMIT_NONE)
    model: str | None = field(default=None, metadata=OMIT_NONE)
    field_name: str | None = field(default=None, metadata=json_name("field", omit_none=True))
    change: str | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True)
class ClassifierOverhead:
    """`--classifier-model`: a model reading every request before it is routed, and what that adds."""

    model: str
    input_tokens_per_request: int
    output_tokens_per_request: int
    cost_usd: Decimal
    cost_per_request_usd: Decimal | None
    share_of_smart_cost_pct: Decimal | None
    list_cost_per_request_usd: Decimal | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True)
class Escalation:
    """All on tier 2 first, a share e sent again to tier 3: the break-even rates, and the cost at `rate`."""

    break_even_vs_smart: Decimal | None
    break_even_vs_all_frontier: Decimal | None
    compared_with: str
    rate: Decimal | None = field(default=None, metadata=OMIT_NONE)
    escalated_calls_cache: str | None = field(default=None, metadata=OMIT_NONE)  # "cold" or "as logged"
    cost_usd: Decimal | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True)
class UnderRouting:
    """A share m of tier-3 requests first fails on a cheaper tier: the break-even rate, and the cost at `rate`."""

    misroute_tier: int
    rework_turns: int
    cheap_cost_of_hard_usd: Decimal
    frontier_cost_of_hard_usd: Decimal
    break_even_misroute_rate: Decimal | None
    rate: Decimal | None = field(default=None, metadata=OMIT_NONE)
    cost_usd: Decimal | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True)
class Simulation:
    """The simulated effects' figures (docs/simulation.md), with each formula in words."""

    escalation: Escalation
    under_routing: UnderRouting
    formulas: dict[str, str]
    classifier: ClassifierOverhead | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True)
class MonteCarloRow:
    """One strategy's cost and savings at the 5th, 50th and 95th percentile of the samples (float64; savings
    None when some sample's all-frontier cost is $0)."""

    key: str
    cost_usd_p5: float
    cost_usd_p50: float
    cost_usd_p95: float
    savings_pct_p5: float | None  # None where all-frontier costs $0 in some sample
    savings_pct_p50: float | None
    savings_pct_p95: float | None


@dataclass(frozen=True)
class MonteCarloResult:
    """`compare` with ranges: each strategy's spread over random mixes and token lengths."""

    samples: int
    seed: int
    strategies: tuple[MonteCarloRow, ...]
    tier_share_pct: dict[str, dict[str, float]]   # tier → {"p5", "p50", "p95"}
    token_lengths: str
    money: str = "float64 (the strategy table above is exact)"


@dataclass(frozen=True)
class BreakdownRow:
    key: str             # the day, week, month, model, project, session or tier
    requests: int
    cost_usd: dict[str, Decimal]   # strategy key → cost


@dataclass(frozen=True)
class Breakdown:
    """`estimate --by`: each strategy's cost per day, week, month, model, project, session or tier."""

    by: str
    rows: tuple[BreakdownRow, ...]


@dataclass(frozen=True)
class CalibrationSummary:
    """`estimate --target-distribution`: the offsets that split the log in the asked shares."""

    target_shares_pct: tuple[float, ...]
    offsets: tuple[float, ...]
    requests: int
    unforced_requests_per_tier: tuple[int, ...]
    forced_requests_per_tier: tuple[int, ...]


@dataclass(frozen=True)
class DisplayCurrency:
    """`--currency CODE --rate X`: the fixed rate, its label, and each strategy's total converted."""

    code: str
    per_usd: Decimal
    label: str
    strategies: dict[str, Decimal]


@dataclass(frozen=True)
class SweepPoint:
    """One step of the swept share: savings and the two costs per request behind them."""

    share_pct: Decimal
    savings_pct: Decimal | None   # None where all-frontier costs $0
    smart_usd_per_request: Decimal
    frontier_usd_per_request: Decimal


@dataclass(frozen=True)
class SweepCurve:
    """One price book's curve: its points, closed-form break-even, the steps that bracket it, savings bands."""

    points: tuple[SweepPoint, ...]
    break_even_share_pct: Decimal | None
    bracket_pct: tuple[Decimal, ...] | None      # (low, high): the sweep's own check of the closed form
    bands: dict[str, tuple[Decimal, ...] | None]  # "90-100" → (lowest, highest) swept share with savings inside


@dataclass(frozen=True)
class SweepResult:
    """`costsim sweep`: savings as one tier's share moves, with the base prices and an optional what-if."""

    vary_tier: int
    target_savings_pct: Decimal
    as_of: str
    fixed_relative_shares: dict[str, Decimal]   # the other tiers' shares of what the swept tier leaves
    tier_models: dict[str, str]
    what_if: str | None
    classifier_model: str | None
    curves: dict[str, SweepCurve]               # "base", and "what_if" with --what-if

    JSON_COMPUTED: ClassVar = (("break_even_share_pct", "break_even_share_pct"),)

    @property
    def break_even_share_pct(self) -> Decimal | None:
        """The base curve's break-even share (percent), the figure most readers want."""
        return self.curves["base"].break_even_share_pct
