"""`--explain N`: sample requests per tier with the rule that placed them."""

from __future__ import annotations

import pandas as pd
from rich.console import Console
from rich.text import Text

from costsim.render.safe_text import one_line, printable
from costsim.render.tables import new_table

PREVIEW_CHARS = 70


def draw_explain(sample: pd.DataFrame, per_tier: int, console: Console) -> None:
    table = new_table(f"Why requests landed where they did ({per_tier} per tier)")
    for name in ("Tier", "Request", "Reason", "Source"):
        table.add_column(name)
    for tier, rows in sample.groupby("tier", sort=True):
        for row in rows.head(per_tier).itertuples(index=False):
            text = "" if pd.isna(row.prompt) else one_line(row.prompt)
            preview = text[:PREVIEW_CHARS] + ("…" if len(text) > PREVIEW_CHARS else "") or "(no prompt text)"
            table.add_row(str(tier), Text(preview), Text(printable(row.reason)), Text(printable(row.source)))
    console.print(table)
