"""`costsim sweep`: savings as one tier's share moves, the share where they cross a target, and what-ifs.

The swept tier k takes share s; the other two keep their relative shares (w_j = s_j / Σ_{j≠k} s_j).
With c_t the smart-routing cost of one tier-t request (tier t's model) and f_t its cost on the frontier
model, plus q the classifier's cost per request (0 without one):

    S(s) = (1 − s)·A + s·c_k + q        A = Σ_{j≠k} w_j·c_j
    F(s) = (1 − s)·B + s·f_k            B = Σ_{j≠k} w_j·f_j
    savings(s) = 1 − S(s) / F(s)

and savings(s) = T where (1 − s)·(A − (1 − T)·B) + s·(c_k − (1 − T)·f_k) + q = 0, i.e.

    s* = (D0 + q) / (D0 − D1),   D0 = A − (1 − T)·B,   D1 = c_k − (1 − T)·f_k

Shares here are continuous (no whole-request rounding), so savings do not depend on the request count.
All arithmetic is exact Decimal; the chart rounds only for display.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from costsim.errors import ConfigError
from costsim.frame import RATE_KINDS
from costsim.pricing.prices import PriceBook, Rates, request_cost_usd
from costsim.report.model import Report
from costsim.report.parts import SweepCurve, SweepPoint, SweepResult
from costsim.routing.policy import TIERS, Policy, TokenProfile
from costsim.yamlio import to_decimal

HUNDRED = Decimal(100)
MAX_RISE_PCT = Decimal(1_000_000)  # --what-if MODEL.FIELD=+N%: at most 10,000x, so a changed price stays a price


@dataclass(frozen=True)
class WhatIf:
    """One price changed: `model.field=-30%` (relative) or `model.field=2.5` (USD per Mtok)."""

    text: str
    model: str
    field: str
    relative_pct: Decimal | None
    absolute: Decimal | None

    def new_price(self, old: Decimal) -> Decimal:
        if self.relative_pct is not None:
            return old * (1 + self.relative_pct / 100)
        assert self.absolute is not None, "a what-if gives a percentage change or a new price"
        return self.absolute


def parse_what_if(text: str, book: PriceBook, option: str = "--what-if") -> WhatIf:
    lhs, eq, rhs = str(text).partition("=")
    model, dot, fld = lhs.strip().rpartition(".")
    if not eq or not dot or not model or not rhs.strip():
        raise ConfigError(f"{option} {text!r}: expected MODEL.FIELD=CHANGE, like claude-opus-4-7.input=-30%")
    found = book.find(model)
    if found is None:
        raise ConfigError(f"{option} {text!r}: {book.unknown(model)}")
    if fld not in RATE_KINDS:
        raise ConfigError(f"{option} {text!r}: unknown price field {fld!r} (fields: {', '.join(RATE_KINDS)})")
    value = rhs.strip()
    try:
        Decimal(value.rstrip("%"))
    except InvalidOperation:
        raise ConfigError(f"{option} {text!r}: {value!r} is not a number or a percentage change") from None

    def fail(message: str):
        raise ConfigError(f"{option} {text!r}: the change {message}")

    number = to_decimal(value.rstrip("%"), fail, minimum=None)  # finite, and no larger than a price can be
    if value.endswith("%"):
        if number < -100:
            raise ConfigError(f"{option} {text!r}: a price cannot fall by more than 100%")
        if number > MAX_RISE_PCT:
            raise ConfigError(f"{option} {text!r}: a rise of more than {MAX_RISE_PCT:,}% is no what-if costsim prices")
        return WhatIf(text, found.id, fld, number, None)
    if number < 0:
        raise ConfigError(f"{option} {text!r}: a price cannot be negative")
    return WhatIf(text, found.id, fld, None, number)


def apply_what_if(book: PriceBook, what_if: WhatIf) -> PriceBook:
    """A copy of the book with one price changed in every period (long-context rates too)."""
    model = book.models[what_if.model]

    def change(rates: Rates) -> Rates:
        return replace(rates, **{what_if.field: what_if.new_price(getattr(rates, what_if.field))})

    periods = tuple(replace(p, rates=change(p.rates),
                            long_context=None if p.long_context is None else
                            replace(p.long_context, rates=change(p.long_context.rates))) for p in model.periods)
    models = copy.copy(book.models)  # a compiled book's models stay packed until used
    models[model.id] = replace(model, periods=periods)
    return book.with_models(models)


def _per_request(book: PriceBook, model: str, profile: TokenProfile, day: date) -> Decimal:
    rates = book.resolve(model).period_at(day).rates
    return request_cost_usd(rates, {"input": profile.input_tokens, "output": profile.output_tokens})


@dataclass(frozen=True)
class Curve:
    """Per-request costs that define savings(s) for one price book."""

    vary: int
    smart: dict[int, Decimal]      # c_t
    frontier: dict[int, Decimal]   # f_t
    weights: dict[int, Decimal]    # w_j of the two other tiers
    overhead: Decimal = Decimal(0)  # q

    def _ab(self) -> tuple[Decimal, Decimal]:
        a = sum((self.weights[j] * self.smart[j] for j in self.weights), Decimal(0))
        b = sum((self.weights[j] * self.frontier[j] for j in self.weights), Decimal(0))
        return a, b

    def costs(self, share: Decimal) -> tuple[Decimal, Decimal]:
        """(smart, frontier) cost per request at swept share s (a fraction)."""
        a, b = self._ab()
        k = self.vary
        return (1 - share) * a + share * self.smart[k] + self.overhead, (1 - share) * b + share * self.frontier[k]

    def savings_pct(self, share: Decimal) -> Decimal | None:
        smart, frontier = self.costs(share)
        return None if frontier == 0 else (1 - smart / frontier) * HUNDRED

    def break_even(self, target_pct: Decimal) -> Decimal | None:
        """The share s (fraction, 0–1) where savings equal the target; None if no share in [0, 1] does."""
        t = target_pct / HUNDRED
        a, b = self._ab()
        d0 = a - (1 - t) * b
        d1 = self.smart[self.vary] - (1 - t) * self.frontier[self.vary]
        if d0 == d1:
            return None
        s = (d0 + self.overhead) / (d0 - d1)
        return s if 0 <= s <= 1 else None


def make_curve(book: PriceBook, policy: Policy, profiles: dict[int, TokenProfile], shares: dict[int, Decimal],
               vary: int, day: date, overhead: Decimal = Decimal(0)) -> Curve:
    others = [t for t in TIERS if t != vary]
    total = sum((shares[t] for t in others), Decimal(0))
    weights = {t: (shares[t] / total if total else Decimal(1) / len(others)) for t in others}
    smart = {t: _per_request(book, policy.tier_models[t], profiles[t], day) for t in TIERS}
    frontier = {t: _per_request(book, policy.frontier, profiles[t], day) for t in TIERS}
    return Curve(vary, smart, frontier, weights, overhead)


def sweep(book: PriceBook, policy: Policy, profiles: dict[int, TokenProfile], shares: dict[int, Decimal], *,
          vary: int = 3, step_pct: Decimal = Decimal(5), target_pct: Decimal = Decimal(90), day: date,
          what_if: WhatIf | None = None, overhead_model: str | None = None,
          overhead_tokens: tuple[int, int] = (200, 5)) -> SweepResult:
    """Savings at every step of the swept share, the closed-form break-even, and the sweep's own bracket."""
    if vary not in TIERS:
        raise ConfigError(f"--vary {vary}: sweep tier 1, 2 or 3")
    if not (step_pct.is_finite() and 0 < step_pct <= 100):  # NaN cannot even be compared
        raise ConfigError(f"--step {step_pct}: must be above 0 and at most 100")
    if not (target_pct.is_finite() and 0 <= target_pct < 100):
        raise ConfigError(f"--target-savings {target_pct}: must be from 0 to below 100 (percent)")

    def overhead(b: PriceBook) -> Decimal:
        if overhead_model is None:
            return Decimal(0)
        rates = b.resolve(overhead_model).period_at(day).rates
        return (overhead_tokens[0] * rates.input + overhead_tokens[1] * rates.output) / Decimal(1_000_000)

    books = {"base": book}
    if what_if is not None:
        books["what_if"] = apply_what_if(book, what_if)
    steps = _steps(step_pct)
    curves = {name: curve_summary(make_curve(b, policy, profiles, shares, vary, day, overhead(b)), steps, target_pct)
              for name, b in books.items()}
    weights = curves_weights(book, policy, profiles, shares, vary, day)
    return SweepResult(vary, target_pct, day.isoformat(), {str(t): w for t, w in weights.items()},
                       {str(t): m for t, m in policy.tier_models.items()},
                       None if what_if is None else what_if.text, overhead_model, curves)


def _steps(step_pct: Decimal) -> list[Decimal]:
    steps = [min(i * step_pct, HUNDRED) for i in range(int(HUNDRED / step_pct) + 1)]
    return steps if steps[-1] == HUNDRED else [*steps, HUNDRED]


def curve_summary(curve: Curve, steps: list[Decimal], target_pct: Decimal) -> SweepCurve:
    """One curve's points at each step, its closed-form break-even, the sweep's bracket and savings bands."""
    points = tuple(SweepPoint(s, curve.savings_pct(s / HUNDRED), *curve.costs(s / HUNDRED)) for s in steps)
    be = curve.break_even(target_pct)
    return SweepCurve(points, None if be is None else be * HUNDRED, _bracket(points, target_pct),
                      {f"{lo}-{hi}": _band(curve, Decimal(lo), Decimal(hi))
                       for lo, hi in ((90, 100), (70, 90), (50, 70))})


def report_sweep(
    report: Report, *, vary: int = 3, step_pct: Decimal = Decimal(5), target_pct: Decimal = Decimal(90)
) -> SweepResult | None:
    """The savings curve of a priced report (an estimate of logs): each tier's own cost per request under
    smart routing and all-frontier, as priced — cache, batch and every price period included — with the
    tier's share moving. None when the report lacks either strategy or a tier has no request."""
    strategies = {s.key: s for s in report.strategies}
    if "smart" not in strategies or "all_frontier" not in strategies:
        return None
    per_request = {}
    for key in ("smart", "all_frontier"):
        tiers = {t.tier: t for t in strategies[key].by_tier}
        if any(t not in tiers or tiers[t].requests == 0 for t in TIERS):
            return None
        per_request[key] = {t: tiers[t].cost_usd / tiers[t].requests for t in TIERS}
    counts = {t.tier: Decimal(t.requests) for t in strategies["smart"].by_tier}
    others = [t for t in TIERS if t != vary]
    weights = {t: counts[t] / sum(counts[o] for o in others) for t in others}
    curve = Curve(vary, per_request["smart"], per_request["all_frontier"], weights)
    return SweepResult(
        vary,
        target_pct,
        str(report.as_of) if report.as_of else "each request's own day",
        {str(t): w for t, w in weights.items()},
        {str(t): m for t, m in report.tier_models.items()},
        None,
        None,
        {"base": curve_summary(curve, _steps(step_pct), target_pct)},
    )


def curves_weights(book, policy, profiles, shares, vary, day) -> dict[int, Decimal]:
    return make_curve(book, policy, profiles, shares, vary, day).weights


def _bracket(points: tuple[SweepPoint, ...], target: Decimal) -> tuple[Decimal, Decimal] | None:
    """The two sweep steps between which savings cross the target (the sweep's check of the closed form)."""
    for a, b in zip(points, points[1:]):
        sa, sb = a.savings_pct, b.savings_pct
        if sa is None or sb is None:
            continue
        if (sa - target) * (sb - target) <= 0 and sa != sb:
            return a.share_pct, b.share_pct
    return None


def _band(curve: Curve, low: Decimal, high: Decimal) -> tuple[Decimal, Decimal] | None:
    """The range of swept share (percent) whose savings fall between `low` and `high` percent."""
    ends = []
    for target in (low, high):
        s = curve.break_even(target) if target < 100 else None
        ends.append(s)
    candidates = [Decimal(0), HUNDRED] + [e * HUNDRED for e in ends if e is not None]
    inside = [
        c
        for c in candidates
        if (v := curve.savings_pct(c / HUNDRED)) is not None and low - Decimal("1e-20") <= v <= high + Decimal("1e-20")
    ]
    return (min(inside), max(inside)) if inside else None
