"""Latency per tier and model, where logs carry `latency_ms`: p50 and p95 for the report.

The document's advice is to "monitor p95 latency per tier". Percentiles need the values, so the
collector keeps one float64 per request that has a latency (8 bytes a request: 80 MB for ten million).
A streaming sketch (t-digest) would bound that if logs grow past memory.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from costsim.report.parts import LatencyRow


@dataclass
class LatencyCollector:
    """Latency values of every request, grouped by (tier, model as logged)."""

    values: dict = field(default_factory=lambda: defaultdict(list))

    def add(self, df: pd.DataFrame) -> None:
        if "latency_ms" not in df.columns:
            return
        has = df["latency_ms"].notna()
        if not has.any():
            return
        part = df.loc[has, ["tier", "model", "latency_ms"]]
        tiers = part["tier"].astype("Int64").fillna(0).astype("int64")
        models = part["model"].astype("string").fillna("(no model in log)")
        for (tier, model), values in part["latency_ms"].astype("float64").groupby([tiers, models]):
            self.values[(int(tier), str(model))].append(values.to_numpy())

    def summary(self) -> tuple[LatencyRow, ...] | None:
        """One row per (tier, model): requests with a latency, p50 and p95 in milliseconds; None when none
        was logged."""
        rows = []
        for (tier, model), chunks in sorted(self.values.items()):
            values = np.concatenate(chunks)
            p50, p95 = np.percentile(values, [50, 95])
            rows.append(LatencyRow(tier, model, int(values.size), round(float(p50), 1), round(float(p95), 1)))
        return tuple(rows) or None
