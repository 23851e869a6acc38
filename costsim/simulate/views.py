"""Breakdowns (`--by day|week|month|model|project|session|tier`): a view key per request, and the
priced line items regrouped by it into requests and cost per strategy."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from costsim.errors import ConfigError
from costsim.report.model import Report
from costsim.report.parts import Breakdown, BreakdownRow

if TYPE_CHECKING:
    import pandas as pd

VIEWS = ("day", "week", "month", "model", "project", "session", "tier")
NONE_LABEL = "(none)"


def check_view(by: str | None) -> str | None:
    if by is not None and by not in VIEWS:
        raise ConfigError(f"--by {by!r}: use one of {', '.join(VIEWS)}")
    return by


def view_keys(df: pd.DataFrame, by: str, canonical=None) -> pd.Series:
    """The breakdown key of each row (UTC days; weeks start on Monday and are named by that day).

    `canonical(name) -> id or None` folds logged model names onto one id per model (aliases, dated ids,
    `provider/` prefixes); a name no price table knows is kept as logged."""
    import pandas as pd  # here, not above: the report's renderers import this module for its tables

    if by in ("day", "week", "month"):
        stamps = df["timestamp"].dt.tz_convert("UTC").dt.tz_localize(None)
        if by == "day":
            keys = stamps.dt.strftime("%Y-%m-%d")
        elif by == "week":
            keys = (stamps.dt.normalize() - pd.to_timedelta(stamps.dt.day_of_week, unit="D")).dt.strftime("%Y-%m-%d")
        else:
            keys = stamps.dt.strftime("%Y-%m")
        return keys.astype("object").where(stamps.notna(), "(no timestamp)")
    column = df[by].astype("string")
    if by == "model" and canonical is not None:
        names = {name: canonical(name) or name for name in column.dropna().unique()}
        column = column.map(names, na_action="ignore")
    return column.fillna(NONE_LABEL).astype("object")


def breakdown(report: Report, by: str) -> Breakdown:
    """Each view key's requests and cost per strategy, keys in order."""
    keys = sorted({i.view for i in report.line_items})
    counting = "smart" if any(s.key == "smart" for s in report.strategies) else report.strategies[0].key
    rows = []
    for key in keys:
        mine = [i for i in report.line_items if i.view == key]
        costs = {s.key: sum((i.cost_usd for i in mine if i.strategy == s.key), Decimal(0)) for s in report.strategies}
        rows.append(BreakdownRow(key, sum(i.requests for i in mine if i.strategy == counting), costs))
    return Breakdown(by, tuple(rows))


def breakdown_table(report: Report) -> tuple[str, list[str], list[list[str]]] | None:
    """Title, header and rows of the breakdown for the table and markdown renderers."""
    from costsim.money import usd

    data = report.breakdown
    if not data:
        return None
    header = [data.by.capitalize(), "Requests", *(s.label for s in report.strategies)]
    rows = [[r.key, f"{r.requests:,}", *(usd(r.cost_usd[s.key]) for s in report.strategies)] for r in data.rows]
    return f"By {data.by}", header, rows
