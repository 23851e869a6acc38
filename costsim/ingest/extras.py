"""What estimate adds around reading: the run's IngestStats (window, --columns, price-table token
factors), output counts borrowed from the tier's profile, and the report's notes about both."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import pandas as pd

from costsim.ingest.common import IngestStats
from costsim.routing.policy import Policy
from costsim.pricing.prices import PriceBook


def make_stats(book: PriceBook, *, strict: bool = False, since: date | None = None, until: date | None = None,
               columns: dict[str, str] | None = None) -> IngestStats:
    """Accounting for one run; --until names the last day included."""
    def factor(model: str) -> Decimal:
        found = book.find(model)
        return found.token_factor if found is not None else Decimal(1)

    start = None if since is None else datetime.combine(since, time(), tzinfo=timezone.utc)
    end = None if until is None else datetime.combine(until + timedelta(days=1), time(), tzinfo=timezone.utc)
    return IngestStats(strict=strict, since=start, until=end, columns=dict(columns or {}), token_factor=factor)


def fill_estimated_outputs(df: pd.DataFrame, policy: Policy) -> tuple[pd.DataFrame, int]:
    """Rows whose log had no output count take their (classified) tier's profile output."""
    need = df["output_estimated"].to_numpy()
    n = int(need.sum())
    if not n:
        return df, 0
    out = df.copy()
    per_tier = {t: p.output_tokens for t, p in policy.profiles.items()}
    estimate = out.loc[need, "tier"].astype("int64").map(per_tier).astype("int64") * out.loc[need, "requests"]
    out.loc[need, "output_tokens"] = estimate.to_numpy()
    return out, n


def ingest_notes(stats: IngestStats, estimated_outputs: int) -> list[str]:
    notes = []
    if stats.counted_inputs:
        notes.append(f"Input tokens of {stats.counted_inputs:,} request(s) were counted offline from their text "
                     "(tiktoken o200k_base / cl100k_base).")
    if stats.approximate_models:
        models = ", ".join(sorted(stats.approximate_models))
        notes.append(f"Counts for {models} are approximations: no native tokenizer ships for them, so OpenAI's "
                     "o200k_base was used (a model's token_factor in the price table corrects it).")
    if stats.no_prompt_text:
        notes.append(f"{stats.no_prompt_text:,} request(s) carried no prompt text (the proxy or tracer did not "
                     "record it): their tier comes from their prompt's token count alone.")
    if estimated_outputs:
        notes.append(f"Output tokens of {estimated_outputs:,} request(s) were not in the log and are estimated "
                     "from their tier's profile (policy `profiles`).")
    return notes
