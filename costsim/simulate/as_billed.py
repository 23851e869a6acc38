"""*As billed*: where a log carries the provider's own charge for a request (OpenRouter `usage.cost` and
its activity export's `cost_total`, LiteLLM `spend`), the report shows that charge beside costsim's
*as logged* figure for the very same requests, and the difference — which is what costsim does not
know about (a fee, a discount, a price the tables lack) or prices differently."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from costsim.report.model import Accounting
from costsim.report.parts import AsBilled as AsBilledPart
from costsim.simulate.pricer import AS_LOGGED, Pricer


class AsBilled:
    """Billed charges and costsim's price of the same requests (those it can price)."""

    def __init__(self, book, policy, **pricer_options) -> None:
        self.pricer = Pricer(book, policy, (AS_LOGGED,), **pricer_options)
        self.billed_usd = Decimal(0)

    def add(self, df: pd.DataFrame) -> None:
        billed = df["billed_usd"].notna()
        if not billed.any():  # most logs carry no charge: no empty copy of the chunk (5-50 ms a chunk)
            return
        rows = df[billed]
        rows = rows[~self.pricer.unpriced_rows(rows)]
        if rows.empty:
            return
        self.billed_usd += sum((Decimal(v) for v in rows["billed_usd"].tolist()), Decimal(0))
        self.pricer.add(rows)

    def sums(self) -> dict:
        """The billed total and the Pricer's sums as plain data another AsBilled can `merge` (a cluster part's)."""
        return {"billed_usd": str(self.billed_usd), "pricer": self.pricer.sums()}

    def merge(self, sums: dict) -> None:
        self.billed_usd += Decimal(sums["billed_usd"])
        self.pricer.merge(sums["pricer"])

    def part(self) -> AsBilledPart | None:
        """The report's `as_billed` part, None when no priced request carried a charge."""
        if not self.pricer.requests:
            return None
        ours = self.pricer.report(kind="estimate", accounting=Accounting()).strategy(AS_LOGGED.key).cost_usd
        return AsBilledPart(self.pricer.requests, self.billed_usd, ours, ours - self.billed_usd)
