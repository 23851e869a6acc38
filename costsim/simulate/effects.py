"""What a plain multiplication leaves out: classifier overhead, escalation, under-routing, pinned conversations.

Each effect is a strategy priced from the tables, shown in the same strategy table as the others:

* classifier overhead — a cheap model reads every request once (``c_in`` input + ``c_out`` output tokens);
  its calls are priced as a strategy of their own (``classifier``) and added to smart routing as a line;
* confidence-based escalation — every request goes to the tier-2 model first and a share ``e`` is sent
  again to the tier-3 model, paying both calls:  ``C_esc = C_mid + e · C_frontier``;
* under-routing — a share ``m`` of the hard (tier-3) requests goes to a cheap model, fails, then costs
  ``r`` rework turns on the frontier model plus the frontier call it needed all along:
  ``C_under = C_smart + m · (C_cheap,3 + r · C_frontier,3)``;
* pinned conversations — every request of a session goes to the model of the session's hardest request.

The formulas are plain functions over numbers, so the exact Decimal point estimate and the float Monte
Carlo (montecarlo.py) share them. Derived strategies are linear combinations of priced line items, so
their costs stay exact Decimals.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

import pandas as pd

from costsim.errors import ConfigError
from costsim.frame import INT_COLUMNS, MAX_TOKENS_TOTAL, TOKEN_COLUMNS
from costsim.pricing.prices import Rates, request_cost_usd
from costsim.report.model import LineItem, Report, StrategyResult
from costsim.report.parts import ClassifierOverhead, Escalation, Simulation, UnderRouting
from costsim.routing.policy import TIERS, Policy
from costsim.simulate.pricer import ALL_FRONTIER, ALL_MID, FRONTIER_COLD_KEY, SMART, Strategy, _by_model, _by_tier

HARD_TIER = 3


# ---- options ------------------------------------------------------------------------------------

def parse_rate(text: str | None, option: str) -> Decimal | None:
    """'0.1', '10%' → Decimal('0.1'); anything outside 0–1 is a ConfigError naming the option."""
    if text is None:
        return None
    raw = str(text).strip()
    try:
        value = Decimal(raw[:-1]) / 100 if raw.endswith("%") else Decimal(raw)
    except InvalidOperation:
        raise ConfigError(f"{option} {text!r}: expected a rate like 0.1 or 10%") from None
    if not value.is_finite() or not 0 <= value <= 1:
        raise ConfigError(f"{option} {text!r}: a rate must be between 0 and 1 (0% and 100%)")
    return value


@dataclass(frozen=True)
class SimOptions:
    """Which effects to simulate; None leaves an effect out."""

    classifier_model: str | None = None
    classifier_input_tokens: int = 200
    classifier_output_tokens: int = 5
    escalation_rate: Decimal | None = None
    misroute_rate: Decimal | None = None
    rework_turns: int = 2
    misroute_tier: int = 2
    pinned: bool = False

    def __post_init__(self):
        if self.misroute_tier not in (1, 2):
            raise ConfigError(f"--misroute-tier {self.misroute_tier}: hard requests are misrouted to tier 1 or 2")
        if self.rework_turns < 0:
            raise ConfigError(f"--rework-turns {self.rework_turns}: must be 0 or more")
        if self.classifier_input_tokens < 0 or self.classifier_output_tokens < 0:
            raise ConfigError("--classifier-input-tokens/--classifier-output-tokens: must be 0 or more")

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.classifier_model, self.escalation_rate, self.misroute_rate)) \
            or self.pinned


# ---- strategies the Pricer prices directly ------------------------------------------------------

@dataclass(frozen=True)
class ClassifierStrategy(Strategy):
    """Every request on the classifier model; fed `classifier_frame` rows, never the requests themselves."""

    model: str = ""

    def models(self, df: pd.DataFrame, policy: Policy) -> pd.Series:
        return pd.Series(self.model, index=df.index, dtype="string")


@dataclass(frozen=True)
class CheapStrategy(Strategy):
    """Every request on one tier's model (tier 1: what a misrouted hard request costs on the cheapest)."""

    tier: int = 1

    def models(self, df: pd.DataFrame, policy: Policy) -> pd.Series:
        return pd.Series(policy.tier_models[self.tier], index=df.index, dtype="string")


@dataclass(frozen=True)
class PinnedStrategy(Strategy):
    """Each session on the model of its hardest request; a request with no session is its own conversation.

    Needs every row of a session in one frame: `api.estimate` holds the slim rows and prices them at the end.
    """

    def models(self, df: pd.DataFrame, policy: Policy) -> pd.Series:
        tiers = df["tier"].astype("int64")
        session = df["session"]
        has = session.notna()
        pinned = tiers.copy()
        if has.any():
            pinned[has] = tiers[has].groupby(session[has].astype(str)).transform("max")
        return pinned.map(policy.tier_models).astype("string")


CLASSIFIER_KEY = "classifier"
ALL_CHEAP = CheapStrategy("all_cheap", "All tier-1 model", "every request on the tier-1 model", tier=1)
PINNED = PinnedStrategy("pinned", "Pinned conversations",
                        "each session on the model of its hardest request (per-session routing)")
PINNED_COLUMNS = ["tier", "session", "timestamp", "batch", "service_tier", *INT_COLUMNS]


def classifier_strategy(model: str) -> ClassifierStrategy:
    return ClassifierStrategy(CLASSIFIER_KEY, "Classifier calls", f"one {model} call per request", model=model)


def classifier_frame(df: pd.DataFrame, opts: SimOptions) -> pd.DataFrame:
    """The classifier's own calls: the same rows (day, tier, count), `c_in`/`c_out` tokens per request."""
    per_request = opts.classifier_input_tokens + opts.classifier_output_tokens
    total = int(df["requests"].sum()) * per_request  # Python ints: the int64 product below would wrap silently
    if total > MAX_TOKENS_TOTAL:
        raise ConfigError(f"--classifier-input-tokens/--classifier-output-tokens: the classifier's calls come to "
                          f"{total:,} tokens, more than costsim counts ({MAX_TOKENS_TOTAL:,})")
    out = df.copy()
    for column in (*TOKEN_COLUMNS, "reasoning_tokens"):
        out[column] = 0
    out["input_tokens"] = out["requests"] * opts.classifier_input_tokens
    out["output_tokens"] = out["requests"] * opts.classifier_output_tokens
    out["batch"] = False
    return out


def helper_strategies(opts: SimOptions, classifier_model: str | None) -> tuple[Strategy, ...]:
    """Extra strategies the Pricer must price so the effects can be combined from them."""
    extra: list[Strategy] = []
    if opts.misroute_rate is not None and opts.misroute_tier == 1:
        extra.append(ALL_CHEAP)
    if classifier_model is not None:
        extra.append(classifier_strategy(classifier_model))
    return tuple(extra)


# ---- the formulas (numbers in, numbers out: Decimal for the report, numpy floats for Monte Carlo) ------

def classifier_cost_per_request(input_tokens: int, output_tokens: int, rates: Rates) -> Decimal:
    """(c_in × input price + c_out × output price) / 1e6."""
    return request_cost_usd(rates, {"input": input_tokens, "output": output_tokens})


def escalation_cost(mid, frontier, rate):
    """C_mid + e · C_frontier: every request on tier 2, a share e sent again to tier 3."""
    return mid + rate * frontier


def escalation_break_even(mid, frontier, other):
    """The escalation rate e at which C_mid + e · C_frontier equals `other` (None if C_frontier is 0)."""
    return None if frontier == 0 else (other - mid) / frontier


def under_routing_cost(smart, cheap_hard, frontier_hard, rate, rework_turns):
    """C_smart + m · (C_cheap,3 + r · C_frontier,3)."""
    return smart + rate * (cheap_hard + rework_turns * frontier_hard)


def misroute_break_even(smart, frontier, cheap_hard, frontier_hard, rework_turns):
    """The misroute rate m at which under-routed smart routing costs as much as all-frontier."""
    per_unit = cheap_hard + rework_turns * frontier_hard
    return None if per_unit == 0 else (frontier - smart) / per_unit


# ---- combining priced strategies ----------------------------------------------------------------

def _scaled(items: list[LineItem], key: str, weight: Decimal, tiers=None, view: str = "") -> list[LineItem]:
    out = []
    for i in items:
        if tiers is not None and i.tier not in tiers:
            continue
        out.append(replace(i, strategy=key, view=view or i.view, requests=int(round(i.requests * weight)),
                           tokens={k: int(round(v * weight)) for k, v in i.tokens.items()},
                           cost_usd=i.cost_usd * weight))
    return out


def _combined(base: StrategyResult, key: str, label: str, description: str, items: list[LineItem],
              policy: Policy) -> StrategyResult:
    """A strategy made of weighted line items. Requests are the requests served (the base's), by tier too;
    by model they are the (expected) calls each model answers."""
    by_tier = tuple(replace(t, requests=b.requests) for t, b in zip(_by_tier(items, policy), base.by_tier))
    return StrategyResult(key=key, label=label, description=description,
                          models=tuple(sorted({i.model for i in items})),
                          cost_usd=sum((i.cost_usd for i in items), Decimal(0)), requests=base.requests,
                          unpriced_requests=0, by_tier=by_tier, by_model=_by_model(items))


def _fmt_rate(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


def apply(report: Report, opts: SimOptions, policy: Policy, classifier_rates: Rates | None = None) -> Report:
    """Add the simulated strategies and the break-even figures to a report priced with `helper_strategies`."""
    items = list(report.line_items)
    of = lambda key: [i for i in items if i.strategy == key]  # noqa: E731
    smart, mid, frontier = (report.strategy(k) for k in (SMART.key, ALL_MID.key, ALL_FRONTIER.key))
    helpers = {CLASSIFIER_KEY, ALL_CHEAP.key, FRONTIER_COLD_KEY}
    # an escalated call lands on a model the conversation is not on: with caches replayed, its cost is
    # the cold-cache all-frontier figure (cache_strategies.FRONTIER_COLD); else the all-frontier one
    escalated = of(FRONTIER_COLD_KEY) or of(ALL_FRONTIER.key)
    escalated_usd = sum((i.cost_usd for i in escalated), Decimal(0))
    shown = [s for s in report.strategies if s.key not in helpers]
    new_items: list[LineItem] = []
    formulas: dict[str, str] = {}
    classifier = None
    reference = smart
    if opts.classifier_model is not None:
        calls = of(CLASSIFIER_KEY)
        extra = _scaled(calls, "smart_classifier", Decimal(1), view="classifier")
        mine = _scaled(of(SMART.key), "smart_classifier", Decimal(1)) + extra
        reference = _combined(smart, "smart_classifier", "Smart + classifier model",
                              f"smart routing, each request first read by {opts.classifier_model}", mine, policy)
        shown.append(reference)
        new_items += mine
        overhead = sum((i.cost_usd for i in calls), Decimal(0))
        classifier = ClassifierOverhead(
            opts.classifier_model, opts.classifier_input_tokens, opts.classifier_output_tokens, overhead,
            overhead / smart.requests if smart.requests else None,
            overhead * 100 / reference.cost_usd if reference.cost_usd else None,
            None if classifier_rates is None else classifier_cost_per_request(
                opts.classifier_input_tokens, opts.classifier_output_tokens, classifier_rates))
        formulas["classifier"] = "N × (c_in × input price + c_out × output price) / 1e6"
    # escalation: break-even rates always (cheap to compute), a strategy row when a rate is given
    escalation = Escalation(escalation_break_even(mid.cost_usd, escalated_usd, reference.cost_usd),
                            escalation_break_even(mid.cost_usd, escalated_usd, frontier.cost_usd), reference.key)
    formulas["escalation"] = "C_mid + e × C_frontier; break-even e = (C_other − C_mid) / C_frontier"
    if opts.escalation_rate is not None:
        e = opts.escalation_rate
        mine = _scaled(of(ALL_MID.key), "escalation", Decimal(1), view="first call") \
            + _scaled(escalated, "escalation", e, view="escalated")
        shown.append(_combined(mid, "escalation", f"Escalation ({_fmt_rate(e)})",
                               f"all on tier 2 first, {_fmt_rate(e)} sent again to tier 3", mine, policy))
        new_items += mine
        escalation = replace(escalation, rate=e, escalated_calls_cache="cold" if of(FRONTIER_COLD_KEY) else "as logged",
                             cost_usd=escalation_cost(mid.cost_usd, escalated_usd, e))
    cheap_key = ALL_CHEAP.key if opts.misroute_tier == 1 else ALL_MID.key
    cheap_hard_items = [i for i in of(cheap_key) if i.tier == HARD_TIER]
    cheap_hard = sum((i.cost_usd for i in cheap_hard_items), Decimal(0))
    frontier_hard = frontier.by_tier[HARD_TIER - 1].cost_usd
    r = opts.rework_turns
    under = UnderRouting(opts.misroute_tier, r, cheap_hard, frontier_hard,
                         misroute_break_even(reference.cost_usd, frontier.cost_usd, cheap_hard, frontier_hard, r))
    formulas["under_routing"] = ("C_smart + m × (C_cheap,3 + r × C_frontier,3); "
                                        "break-even m = (C_frontier − C_smart) / (C_cheap,3 + r × C_frontier,3)")
    if opts.misroute_rate is not None and (cheap_key != ALL_CHEAP.key or of(ALL_CHEAP.key)):
        m = opts.misroute_rate
        frontier_hard_items = [i for i in of(ALL_FRONTIER.key) if i.tier == HARD_TIER]
        mine = [*(_scaled([i for i in reference_items(items, reference)], "under_routing", Decimal(1))),
                *_scaled(cheap_hard_items, "under_routing", m, view="misrouted attempt"),
                *_scaled(frontier_hard_items, "under_routing", m * r, view="rework turns")]
        shown.append(_combined(reference, "under_routing", f"Under-routed ({_fmt_rate(m)} of tier 3)",
                               f"{_fmt_rate(m)} of tier-3 requests first fail on tier {opts.misroute_tier}, "
                               f"then {r} rework turn(s) and the tier-3 call", mine, policy))
        new_items += mine
        under = replace(under, rate=m,
                        cost_usd=under_routing_cost(reference.cost_usd, cheap_hard, frontier_hard, m, r))
    results = tuple(s.with_savings(frontier.cost_usd) for s in shown)
    new_items = [i for i in new_items if i.strategy in {s.key for s in results}]
    items = [i for i in items if i.strategy not in helpers] + new_items
    return replace(report, strategies=results, line_items=tuple(items),
                   simulation=Simulation(escalation, under, formulas, classifier))


def reference_items(items: list[LineItem], reference: StrategyResult) -> list[LineItem]:
    """The line items a derived strategy result was built from (smart, or smart + classifier)."""
    return [i for i in items if i.strategy == reference.key] if reference.key != "smart_classifier" \
        else [i for i in items if i.strategy == SMART.key] + [i for i in items if i.strategy == CLASSIFIER_KEY]


__all__ = ["SimOptions", "parse_rate", "apply", "helper_strategies", "classifier_frame", "PINNED",
           "classifier_cost_per_request", "escalation_cost", "escalation_break_even", "under_routing_cost",
           "misroute_break_even", "TIERS"]
