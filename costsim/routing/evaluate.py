"""Measure a router's decisions against labels, in accuracy and in dollars.

Cost model for mistakes (money is Decimal), as issue 7 states it — what a
misrouted request pays:

* under-routed (predicted tier < true tier): it pays the cheap attempt *and*
  the right tier's retry: cost(predicted) + cost(true);
* over-routed (predicted tier > true tier): it pays the higher tier:
  cost(predicted).

``extra_cost_usd`` is the narrower figure, the spend above perfect routing:
cost(predicted) for an under-routed request (the wasted attempt) and
cost(predicted) - cost(true) for an over-routed one.

``request_cost_usd(tier, prompt) -> Decimal`` supplies per-request costs;
:func:`make_request_cost` builds one from per-Mtok prices with input tokens
approximated as len(prompt) / 4 and a fixed output profile per tier.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Evaluation", "evaluate", "make_request_cost", "RequestCost", "TierPrice"]

TIERS = (1, 2, 3)
RequestCost = Callable[[int, str], Decimal]


@dataclass(frozen=True)
class TierPrice:
    """USD per million input / output tokens."""

    input_per_mtok: Decimal
    output_per_mtok: Decimal


def make_request_cost(
    prices: Mapping[int, TierPrice | tuple[Decimal | str | float, Decimal | str | float]],
    output_tokens: int | Mapping[int, int] = 1000,
    count_tokens: Callable[[str], int] | None = None,
) -> RequestCost:
    """``request_cost_usd(tier, prompt)`` from per-tier prices.

    Input tokens = ``count_tokens(prompt)`` (default len/4, rounded down);
    output tokens = ``output_tokens`` (one number, or one per tier).
    """
    table: dict[int, TierPrice] = {}
    for tier, p in prices.items():
        if isinstance(p, TierPrice):
            table[tier] = p
        else:
            table[tier] = TierPrice(Decimal(str(p[0])), Decimal(str(p[1])))
    counter = count_tokens or (lambda text: len(text) // 4)
    million = Decimal(10**6)

    def request_cost_usd(tier: int, prompt: str) -> Decimal:
        price = table[tier]
        n_out = output_tokens[tier] if isinstance(output_tokens, Mapping) else output_tokens
        return (Decimal(counter(prompt)) * price.input_per_mtok + Decimal(n_out) * price.output_per_mtok) / million

    return request_cost_usd


@dataclass(frozen=True)
class Evaluation:
    n: int
    accuracy: float
    confusion: tuple[tuple[int, int, int], ...]  # confusion[true-1][pred-1]
    under_routed: int  # predicted lower than true
    over_routed: int  # predicted higher than true
    tier3_sent_lower: int
    tier3_total: int
    tier2_sent_to_tier1: int
    mistake_cost_usd: Decimal  # what the misrouted requests pay (under: attempt + retry; over: the higher tier)
    under_cost_usd: Decimal
    over_cost_usd: Decimal
    ideal_cost_usd: Decimal  # every request on its true tier
    routed_cost_usd: Decimal  # what routing these decisions pays in all
    extra_cost_usd: Decimal  # routed - ideal: the spend above perfect routing
    cost_by_mistake: tuple[tuple[Decimal, ...], ...] = ()  # [true-1][pred-1]: what those misrouted requests pay
    priced_as_routed_usd: Decimal = Decimal(0)  # every request at its predicted tier, no retry: what `estimate` reports
    all_frontier_usd: Decimal = Decimal(0)  # every request on tier 3: the baseline savings are measured against

    def savings_vs_frontier(self, cost_usd: Decimal) -> float | None:
        """1 - cost / all-frontier, None when all-frontier costs nothing."""
        return float(1 - cost_usd / self.all_frontier_usd) if self.all_frontier_usd else None

    @property
    def estimated_savings(self) -> float | None:
        """The smart-routing saving `estimate` would report with these decisions."""
        return self.savings_vs_frontier(self.priced_as_routed_usd)

    @property
    def perfect_savings(self) -> float | None:
        """The saving of perfect routing: every request on its true tier."""
        return self.savings_vs_frontier(self.ideal_cost_usd)

    @property
    def tier3_sent_lower_rate(self) -> float:
        return self.tier3_sent_lower / self.tier3_total if self.tier3_total else 0.0

    @property
    def tier1_sent_to_tier3_rate(self) -> float:
        """Of the true tier-1 requests, the share sent to the frontier tier: the costliest over-routing."""
        total = sum(self.confusion[0])
        return self.confusion[0][2] / total if total else 0.0

    @property
    def under_rate(self) -> float:
        return self.under_routed / self.n if self.n else 0.0

    @property
    def over_rate(self) -> float:
        return self.over_routed / self.n if self.n else 0.0


def evaluate(
    true_tiers: Sequence[int],
    predicted_tiers: Sequence[int],
    prompts: Sequence[str],
    request_cost_usd: RequestCost,
) -> Evaluation:
    """Compare predictions with labels; see the module docstring for the cost model."""
    if not (len(true_tiers) == len(predicted_tiers) == len(prompts)):
        raise ValueError("true_tiers, predicted_tiers and prompts must have the same length")
    cm = [[0, 0, 0] for _ in TIERS]
    by_mistake = [[Decimal(0)] * 3 for _ in TIERS]
    under = over = 0
    under_cost = over_cost = ideal = extra = as_routed = frontier = Decimal(0)
    for t, p, prompt in zip(true_tiers, predicted_tiers, prompts):
        if t not in TIERS or p not in TIERS:
            raise ValueError(f"tiers must be 1, 2 or 3 (got true={t!r}, predicted={p!r})")
        cm[t - 1][p - 1] += 1
        right = request_cost_usd(t, prompt)
        routed = right if p == t else request_cost_usd(p, prompt)
        ideal += right
        as_routed += routed
        frontier += right if t == 3 else routed if p == 3 else request_cost_usd(3, prompt)
        if p < t:  # the cheap attempt, then the right tier's retry
            under += 1
            under_cost += routed + right
            by_mistake[t - 1][p - 1] += routed + right
            extra += routed
        elif p > t:  # the higher tier
            over += 1
            over_cost += routed
            by_mistake[t - 1][p - 1] += routed
            extra += routed - right
    n = len(true_tiers)
    correct = sum(cm[k][k] for k in range(3))
    return Evaluation(
        n=n,
        accuracy=correct / n if n else 0.0,
        confusion=tuple(tuple(row) for row in cm),  # type: ignore[misc]
        under_routed=under,
        over_routed=over,
        tier3_sent_lower=cm[2][0] + cm[2][1],
        tier3_total=sum(cm[2]),
        tier2_sent_to_tier1=cm[1][0],
        mistake_cost_usd=under_cost + over_cost,
        under_cost_usd=under_cost,
        over_cost_usd=over_cost,
        ideal_cost_usd=ideal,
        routed_cost_usd=ideal + extra,
        extra_cost_usd=extra,
        cost_by_mistake=tuple(tuple(row) for row in by_mistake),
        priced_as_routed_usd=as_routed,
        all_frontier_usd=frontier,
    )
