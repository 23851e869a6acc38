"""What a report says about how it was billed: the date range of prices used, and every gap.

A request whose logged service tier has no rates, or that is batched on a model with no batch API,
is priced at the list price and named here — never silently, never at $0.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

import numpy as np

from costsim.report.parts import Billing, BillingGaps, PricePeriods


def _day(value) -> date:
    return value.astype("datetime64[D]").astype(date) if isinstance(value, np.datetime64) else value


def billing_notes(pricer, items) -> tuple[list[str], Billing]:
    """Notes (one line each) and the report's billing part describing the billing of `items`."""
    notes: list[str] = []
    periods = batch_gaps = discounts_pct = None
    if items:
        starts = sorted({i.price_from for i in items})
        periods = PricePeriods(starts[0].isoformat(), starts[-1].isoformat())
        line = f"Price periods used began between {starts[0]} and {starts[-1]}"
        if pricer._days_seen:
            first, last = (_day(d) for d in pricer._days_seen)
            periods = replace(periods, requests_priced_from=first.isoformat(), requests_priced_to=last.isoformat())
            line += f"; requests priced on {first}" if first == last else f"; requests priced from {first} to {last}"
        notes.append(line + ".")
    if pricer.billing.batch:
        notes.append("--batch: every request priced as if sent through the provider's batch API.")
    off_peak: Counter[str] = Counter()
    for i in items:
        if i.off_peak:
            off_peak[i.model] += i.requests
    if off_peak:
        notes.append("Off-peak (time-of-day) rates: " + ", ".join(f"{n:,} requests on {m}"
                                                                   for m, n in sorted(off_peak.items())) + ".")
    has_off_peak = any(p.off_peak is not None for i in items for p in pricer.book.models[i.model].periods
                       if p.starts == i.price_from)
    if not pricer.billing.time_of_day and has_off_peak:
        mode = "off-peak rates where a model has them (--off-peak)" if pricer.billing.off_peak else \
            "list (standard) prices; --off-peak prices at off-peak rates where a model has them"
        notes.append(f"Time of day: scenario priced at {mode}.")
    for (model, tier), n in sorted(pricer.tier_gaps.items()):
        notes.append(f"Service tier gap: {n:,} requests logged service_tier {tier!r} on {model}, which has no "
                     f"{tier} rates in its price period: priced at the list price.")
    gaps_by_strategy: dict[str, Counter] = {model: Counter() for model in pricer.batch_gaps}
    for i in items:
        if i.batch and i.model in gaps_by_strategy:
            gaps_by_strategy[i.model][i.strategy] += i.requests
    for model, counts in sorted(gaps_by_strategy.items()):  # per strategy: each prices the same requests again
        where = ", ".join(f"{n:,} under {strategy.replace('_', ' ')}" for strategy, n in counts.items())
        notes.append(f"Batch gap: {model} has no batch discount, so its batched requests are priced at the list "
                     f"price ({where}).")
    if gaps_by_strategy:
        batch_gaps = {m: dict(c) for m, c in sorted(gaps_by_strategy.items())}
    for (strategy, model, kind), n in sorted(pricer.call_gaps.items()):
        if strategy in ("as_logged", "all_frontier"):
            notes.append(
                f"Per-call gap ({strategy.replace('_', ' ')}): {n:,} {kind.replace('_', ' ')} call(s) on {model}, "
                "which has no published per-call price in the tables: not priced."
            )
    discounts = sorted({(i.model, i.discount_pct) for i in items if i.discount_pct})
    if discounts:
        notes.append(
            "Negotiated discounts (--pricing): " + ", ".join(f"{m} {d.normalize():f}% off" for m, d in discounts) + "."
        )
        discounts_pct = {m: d for m, d in discounts}
    gaps = BillingGaps(
        service_tier={f"{m}/{t}": n for (m, t), n in sorted(pricer.tier_gaps.items())},
        batch=dict(sorted(pricer.batch_gaps.items())),
        per_call={f"{s}/{m}/{k}": n for (s, m, k), n in sorted(pricer.call_gaps.items())},
    )
    return notes, Billing(gaps, periods, batch_gaps, discounts_pct)
