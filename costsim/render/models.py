"""`costsim models`: the price tables as a person reads them, with each model's tier and one request's cost,
filtered by provider or by a search, and a line saying how many models the tables hold and how fresh they are."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from rich.console import Console

from costsim.errors import ConfigError
from costsim.money import usd
from costsim.pricing.prices import PriceBook, request_cost_usd
from costsim.render.safe_text import csv_text
from costsim.render.tables import markdown_table, table_of
from costsim.report.fields import LEAVE_OUT
from costsim.report.jsonshape import envelope, to_json
from costsim.routing.policy import Policy


@dataclass(frozen=True)
class ModelRow:
    provider: str
    model: str
    name: str
    input_usd_per_mtok: Decimal
    output_usd_per_mtok: Decimal
    cache_read_usd_per_mtok: Decimal
    cache_write_5m_usd_per_mtok: Decimal
    cache_write_1h_usd_per_mtok: Decimal
    price_from: date
    long_context_above_tokens: int | None
    tier: str
    request_cost_usd: Decimal


def model_rows(book: PriceBook, policy: Policy, day: date, *, provider: str | None, sort: str,
               input_tokens: int, output_tokens: int, search: str | None = None) -> list[ModelRow]:
    tiers = {}
    for tier, model in policy.tier_models.items():
        tiers.setdefault(model, []).append(str(tier))
    rows = []
    words = str(search or "").lower().split()
    for model in book.models.values():
        if provider and model.provider != provider.lower():
            continue
        if words and not all(w in f"{model.provider}/{model.id} {model.name} {' '.join(model.aliases)}".lower()
                             for w in words):
            continue
        period = model.period_at(day)
        if period.starts > day:  # not released yet on that day
            continue
        r = period.rates
        rows.append(ModelRow(model.provider, model.id, model.name, r.input, r.output, r.cache_read, r.cache_write_5m,
                             r.cache_write_1h, period.starts,
                             period.long_context.above_prompt_tokens if period.long_context else None,
                             ",".join(tiers.get(model.id, [])),
                             request_cost_usd(r, {"input": input_tokens, "output": output_tokens})))
    if provider and not rows:
        known = sorted({m.provider for m in book.models.values()})
        raise ConfigError(f"--provider {provider!r}: no models (providers: {', '.join(known)})")
    if search and not rows:
        raise ConfigError(f"--search {search!r}: no model's id, name or alias has it"
                          + (f" (provider {provider})" if provider else ""))
    key = {"cost": lambda m: (m.request_cost_usd, m.model), "name": lambda m: m.model,
           "provider": lambda m: (m.provider, m.model)}[sort]
    return sorted(rows, key=key)


def coverage_line(book: PriceBook, today: date) -> str:
    """How many models the bundled tables hold, from how many providers, and when they were last checked."""
    providers = {m.provider for m in book.models.values()}
    checked = [d for d in book.checked.values() if d is not None]
    newest = max(checked) if checked else None
    age = f"; newest price check {newest} ({(today - newest).days} days ago)" if newest else ""
    return f"{len(book.models):,} models from {len(providers)} providers{age}"


@dataclass(frozen=True)
class ModelTable:
    """What `costsim models` shows: the rows, the request profile they are costed at, the tables' coverage."""

    models: tuple[ModelRow, ...]
    profile: str = field(default="", metadata=LEAVE_OUT)    # " 2,000 input + 1,000 output tokens"
    coverage: str = field(default="", metadata=LEAVE_OUT)   # "2,345 models from 40 providers; …"


def models_to_dict(table: ModelTable) -> dict:
    return {**envelope("models"), **to_json(table)}


def models_csv(table: ModelTable) -> str:
    out = io.StringIO()
    rows = table.models
    writer = csv.DictWriter(out, fieldnames=list(asdict(rows[0])) if rows else ["model"], lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: csv_text(v) if isinstance(v, str) else str(v) if v is not None else ""
                         for k, v in asdict(r).items()})
    return out.getvalue()


# the cost of one request before the cache prices: a narrow terminal leaves out the right-most columns
HEADER = ["Provider", "Model", "Input", "Output", "Tier", "Request", "Cache read", "Write 5m", "Write 1h"]


def _cells(table: ModelTable) -> list[list[str]]:
    return [[r.provider, r.model, f"{r.input_usd_per_mtok}", f"{r.output_usd_per_mtok}", r.tier,
             usd(r.request_cost_usd), f"{r.cache_read_usd_per_mtok}", f"{r.cache_write_5m_usd_per_mtok}",
             f"{r.cache_write_1h_usd_per_mtok}"] for r in table.models]


def _title(table: ModelTable) -> str:
    return (f"Models: prices in USD per million tokens; Request = one request of{table.profile}; "
            "a cache price the provider does not list bills at the input price"
            + (f". Showing {len(table.models):,} of {table.coverage}" if table.coverage else ""))


def models_markdown(table: ModelTable) -> str:
    return markdown_table(HEADER, _cells(table)) + f"\n\n{_title(table)}.\n"


def draw_models(table: ModelTable, console: Console) -> None:
    console.print(table_of(HEADER, _cells(table), title=_title(table), right={2, 3, 5, 6, 7, 8}))
