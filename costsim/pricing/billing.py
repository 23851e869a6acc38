"""Billing rules: which rates a request takes, and what a line of identical requests costs.

The price book says what each rate is; this module applies the providers' rules to one request:
- service tier (OpenAI flex/priority, when the log records it) picks that tier's rates;
- time of day (DeepSeek's off-peak windows) picks the off-peak rates at the request's UTC timestamp;
- the long-context cliff (decided upstream on the whole prompt, cache included) switches *every*
  token of the request to the higher rates;
- batch takes the model's batch discount off every token kind except those it excludes;
- a negotiated discount from a `--pricing` overlay comes off last.
Cache reads, 5-minute and 1-hour cache writes are separate token kinds with their own rates;
reasoning tokens are already inside `output_tokens` and are never billed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from costsim.frame import RATE_KINDS
from costsim.pricing.prices import MTOK, ModelPrice, PricePeriod, Rates
from costsim.report.parts import DisplayCurrency

if TYPE_CHECKING:  # numpy is imported by the functions that use it: the CLI imports this module for its options
    import numpy as np
    import pandas as pd

LIST_PRICE_TIERS = {"", "default", "auto", "standard"}  # logged tiers billed at the list price


@dataclass(frozen=True)
class BillingOptions:
    """How a run bills requests beyond what each row records.

    batch: price every request as if sent through the provider's batch API (`--batch`).
    off_peak: scenarios only — price at off-peak rates where a model has them (`--off-peak`).
    time_of_day: logs price each request at the rate in force at its timestamp; scenarios (whose rows
    carry no real time) turn this off and take the list price unless `off_peak`.
    """

    batch: bool = False
    off_peak: bool = False
    time_of_day: bool = True


def normalize_service_tiers(values: pd.Series) -> np.ndarray:
    """Logged service tiers as lowercase names; list-price tiers (default, auto, standard, none) become ""."""
    import numpy as np

    text = values.astype("string").fillna("").str.strip().str.lower()
    return np.where(text.isin(LIST_PRICE_TIERS), "", text.to_numpy(dtype=object)).astype(object)


def off_peak_mask(period_of_row: np.ndarray, model: ModelPrice, timestamps: pd.Series,
                  options: BillingOptions) -> np.ndarray:
    """True where a row falls in its price period's off-peak window (by its UTC time and weekday)."""
    import numpy as np

    mask = np.zeros(len(period_of_row), dtype=bool)
    stamps = timestamps.reset_index(drop=True)
    for i, period in enumerate(model.periods):
        if period.off_peak is None:
            continue
        here = period_of_row == i
        if not here.any():
            continue
        if not options.time_of_day:
            mask |= here & options.off_peak
            continue
        valid = stamps.notna().to_numpy()
        minutes = (stamps.dt.hour * 60 + stamps.dt.minute).fillna(-1).astype("int64").to_numpy()
        weekdays = stamps.dt.day_of_week.fillna(-1).astype("int64").to_numpy()
        mask |= here & valid & _in_windows(period.off_peak, minutes, weekdays)
    return mask


def _in_windows(off_peak, minutes: np.ndarray, weekdays: np.ndarray) -> np.ndarray:
    """Vectorised `OffPeak.contains`: start inclusive, end exclusive, windows may wrap midnight."""
    import numpy as np

    inside = (weekdays >= 5) if off_peak.weekends_all_day else np.zeros(len(minutes), dtype=bool)
    for start, end in off_peak.windows_utc_minutes:
        inside |= ((minutes >= start) & (minutes < end)) if start < end else ((minutes >= start) | (minutes < end))
    return inside


def rates_for(period: PricePeriod, *, long_context: bool, service_tier: str, off_peak: bool) -> tuple[Rates, bool]:
    """The rates one request takes, and whether its logged service tier had no rates of its own
    (then it is billed at the list price and the report says so)."""
    if service_tier:
        tier = period.service_tier(service_tier)
        if tier is not None:
            if long_context and tier.long_context_rates is not None:
                return tier.long_context_rates, False
            return tier.rates, False
    missing_tier = bool(service_tier)
    if off_peak and period.off_peak is not None:
        return period.off_peak.rates, missing_tier
    if long_context and period.long_context is not None:
        return period.long_context.rates, missing_tier
    return period.rates, missing_tier


def line_cost_usd(model: ModelPrice, rates: Rates, tokens: dict[str, int], *, batch: bool,
                  discount_pct: Decimal | None) -> Decimal:
    """Exact cost of a line: Σ tokens × USD/Mtok / 1e6, batch discount on the kinds it covers, then the
    negotiated discount."""
    batch_pct = model.batch_discount_pct if batch and model.batch_discount_pct else Decimal(0)
    total = Decimal(0)
    for kind in RATE_KINDS:
        cost = Decimal(int(tokens.get(kind, 0))) * rates.usd_per_mtok(kind)
        if batch_pct and kind not in model.batch_discount_excludes:
            cost = cost * (100 - batch_pct) / 100
        total += cost
    total = total / MTOK
    if discount_pct:
        total = total * (100 - discount_pct) / 100
    return total


def currency_block(report, code: str, usd_rate: Decimal) -> DisplayCurrency:
    """The report's view of `--currency CODE --rate X`: the fixed rate, its label, each strategy's total converted."""
    return DisplayCurrency(code, usd_rate, currency_label(code, usd_rate),
                           {s.key: s.cost_usd * usd_rate for s in report.strategies})


def currency_label(code: str, usd_rate: Decimal) -> str:
    return (f"Costs shown in {code} at a fixed rate of {format(usd_rate.normalize(), 'f')} {code} per USD, "
            f"given with --rate (not a market rate); prices and JSON amounts stay in USD.")
