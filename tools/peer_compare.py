#!/usr/bin/env python3
"""Dev-only: price usage records covering every billing rule with costsim and with genai-prices.

NOT part of the costsim package; genai-prices is not a dependency (install the `peers` extra, or use a
scratch venv). Prints the markdown comparison table docs/pricing.md's "Billing rules" section shows:

    PYTHONPATH=/tmp/pricevenv/lib/python3.11/site-packages python tools/peer_compare.py

tests/test_billing_peers.py runs the same records and skips when genai-prices is not installed.
Every record where the two differ carries a KNOWN_DIFFERENCES entry saying which side is right and why.
`random_records` and `ours_many` do the same for the catalog: random requests over every model
tools/build_catalog.py took from genai-prices, priced by costsim in one run (the test: 1,000 of them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Record:
    rule: str
    model: str
    provider: str
    when: str                                   # UTC, "YYYY-MM-DD HH:MM"
    tokens: dict = field(default_factory=dict)  # costsim's columns: input = uncached input
    batch: bool = False
    service_tier: str | None = None


RECORDS = [
    Record(
        "cache read",
        "claude-opus-4-7",
        "anthropic",
        "2026-06-01 12:00",
        {"input": 1000, "cache_read": 10000, "output": 500},
    ),
    Record("5-minute cache write", "claude-opus-4-7", "anthropic", "2026-06-01 12:00", {"cache_write_5m": 2000}),
    Record("1-hour cache write", "claude-opus-4-7", "anthropic", "2026-06-01 12:00", {"cache_write_1h": 3000}),
    Record(
        "OpenAI cached input",
        "gpt-5",
        "openai",
        "2026-06-01 12:00",
        {"input": 2000, "cache_read": 8000, "output": 1000},
    ),
    Record(
        "long-context cliff (whole prompt)",
        "claude-sonnet-4-5",
        "anthropic",
        "2025-10-15 12:00",
        {"input": 1000, "cache_read": 150000, "cache_write_5m": 50000, "output": 2000},
    ),
    Record("reasoning inside output", "gpt-5", "openai", "2026-06-01 12:00", {"output": 3000, "reasoning": 2000}),
    Record(
        "batch (Anthropic)",
        "claude-opus-4-7",
        "anthropic",
        "2026-11-01 12:00",
        {"input": 1000, "cache_read": 1000, "output": 1000},
        batch=True,
    ),
    Record(
        "batch before 2026-10-14",
        "claude-opus-4-7",
        "anthropic",
        "2026-06-01 12:00",
        {"input": 1000, "output": 1000},
        batch=True,
    ),
    Record(
        "batch, cached input not discounted",
        "gpt-4.1",
        "openai",
        "2026-11-01 12:00",
        {"input": 1000, "cache_read": 1000, "output": 1000},
        batch=True,
    ),
    Record(
        "service tier flex", "gpt-5", "openai", "2026-11-01 12:00", {"input": 1000, "output": 1000}, service_tier="flex"
    ),
    Record(
        "service tier priority",
        "gpt-5",
        "openai",
        "2026-11-01 12:00",
        {"input": 1000, "output": 1000},
        service_tier="priority",
    ),
    Record("peak hour (weekday)", "deepseek-v4-flash", "deepseek", "2026-11-25 02:00", {"input": 1000, "output": 1000}),
    Record(
        "off-peak hour (weekday)", "deepseek-v4-flash", "deepseek", "2026-11-25 12:00", {"input": 1000, "output": 1000}
    ),
    Record("weekend, peak hour", "deepseek-v4-flash", "deepseek", "2026-11-28 02:00", {"input": 1000, "output": 1000}),
    Record("V4 period, off-peak", "deepseek-v4-flash", "deepseek", "2026-08-20 12:00", {"input": 1000, "output": 1000}),
    Record("V4 period, peak", "deepseek-v4-flash", "deepseek", "2026-08-20 02:00", {"input": 1000, "output": 1000}),
    Record(
        "V3 off-peak window (2025)", "deepseek-chat", "deepseek", "2025-03-01 00:15", {"input": 1000, "output": 1000}
    ),
    Record("deepseek-chat today", "deepseek-chat", "deepseek", "2026-11-25 12:00", {"input": 1000, "output": 1000}),
    Record("effective date: before a price cut", "o3", "openai", "2025-05-01 12:00", {"input": 1000, "output": 1000}),
    Record("effective date: after a price cut", "o3", "openai", "2025-07-01 12:00", {"input": 1000, "output": 1000}),
]

# rule -> (genai-prices' figure, who is right and why). Checked by tests/test_billing_peers.py.
KNOWN_DIFFERENCES = {
    "1-hour cache write": (
        Decimal("0.01875"),
        "genai-prices has one cache-write price (the 5-minute $6.25); "
        "Anthropic bills 1-hour writes at 2x input ($10). costsim is right.",
    ),
    "batch before 2026-10-14": (
        Decimal("0.030"),
        "genai-prices models Anthropic batch rates only from 2026-10-14; "
        "the 50% Message Batches discount predates Opus 4.7. costsim is right.",
    ),
    "weekend, peak hour": (
        Decimal("0.0015"),
        "genai-prices cannot express DeepSeek's all-day weekend off-peak "
        "(its own comment calls weekend peak prices an upper bound). costsim is right.",
    ),
    "V4 period, peak": (
        Decimal("0.0015"),
        "genai-prices' peak windows carry no start date, so a 2026-08 peak-hour "
        "request gets the V4.1 rate ($0.30/$1.20); costsim uses the V4 standard rate "
        "($0.44/$1.32, DeepSeek's 2x off-peak rule; no map records it). Neither is confirmed.",
    ),
    "deepseek-chat today": (
        Decimal("0.00137"),
        "genai-prices still has the 2025 V3 rates with the off-peak window "
        "DeepSeek cancelled on 2025-09-05; costsim has V3.2 ($0.28/$0.42, as litellm). "
        "costsim is right.",
    ),
}


def _stamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.timezone.utc)


def ours(record: Record) -> Decimal:
    """costsim's cost for one record (as logged), through the same Pricer `costsim estimate` uses."""
    from datetime import date

    import pandas as pd

    from costsim.frame import normalize
    from costsim.pricing.billing import BillingOptions
    from costsim.pricing.book import load_price_book
    from costsim.report import Accounting
    from costsim.routing.policy import load_policy
    from costsim.simulate.pricer import AS_LOGGED, Pricer

    row = {f"{k}_tokens": v for k, v in record.tokens.items()}
    row.update(
        model=record.model,
        tier=1,
        timestamp=pd.Timestamp(_stamp(record.when)),
        batch=record.batch,
        service_tier=record.service_tier,
    )
    pricer = Pricer(
        load_price_book(), load_policy(None), (AS_LOGGED,), billing=BillingOptions(), default_day=date(2026, 11, 27)
    )
    pricer.add(normalize(pd.DataFrame([row])))
    return pricer.report(kind="estimate", accounting=Accounting(1, 1)).strategy("as_logged").cost_usd


def theirs(record: Record) -> Decimal:
    """genai-prices' cost for the same record. Its input_tokens is the whole prompt, cache included."""
    import genai_prices
    from genai_prices import Usage

    t = record.tokens
    writes = t.get("cache_write_5m", 0) + t.get("cache_write_1h", 0)  # one cache-write field only
    usage = Usage(
        input_tokens=t.get("input", 0) + t.get("cache_read", 0) + writes,
        cache_read_tokens=t.get("cache_read", 0),
        cache_write_tokens=writes,
        output_tokens=t.get("output", 0),
    )
    context = {}
    if record.batch:
        context["processing"] = "batch"
    if record.service_tier:
        context["service_tier"] = record.service_tier
    result = genai_prices.calc_price(
        usage,
        record.model,
        provider_id=record.provider,
        genai_request_timestamp=_stamp(record.when),
        price_context=context or None,
    )
    return Decimal(result.total_price)


def table() -> str:
    lines = ["| Rule | Model | When (UTC) | costsim | genai-prices | Verdict |", "|---|---|---|---|---|---|"]
    for r in RECORDS:
        a, b = ours(r), theirs(r)
        verdict = "agree" if a == b else KNOWN_DIFFERENCES.get(r.rule, (None, "UNEXPLAINED"))[1]
        lines.append(f"| {r.rule} | {r.model} | {r.when} | ${a.normalize():f} | ${b.normalize():f} | {verdict} |")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    print(table())


# ---- the catalog: random records over the models tools/build_catalog.py took from genai-prices ----------


def catalog_models(book) -> list:
    """The bundled models whose prices come from genai-prices (hand-kept ones are checked above)."""
    return sorted((m for m in book.models.values() if m.source.startswith("genai-prices")), key=lambda m: m.id)


def genai_id(model) -> str:
    """The id genai-prices knows the model by (the book may have put `provider/` in front)."""
    prefix = f"{model.provider}/"
    return model.id[len(prefix) :] if model.id.startswith(prefix) else model.id


def genai_name(provider, model) -> str | None:
    """A name genai-prices resolves to this model (a few of its ids are not matched by their own rule)."""
    own = genai_id(model)
    for name in (own, *(a for a in model.aliases if "/" not in a or model.provider == "openrouter"), *model.prefixes):
        found = provider.find_model(name)
        if found is not None and found.id.lower() == own:
            return name
    return None


def random_records(n: int, seed: int = 12) -> list[Record]:
    """`n` records over the catalog's genai-prices models: random day, token mix, service tier and batch."""
    import random

    from genai_prices.data import providers

    from costsim.pricing.book import load_price_book

    rng = random.Random(seed)
    book = load_price_book()
    genai = {p.id: p for p in providers}
    models = [(m, name) for m in catalog_models(book) if (name := genai_name(genai[m.provider], m)) is not None]
    rich = [
        (m, name)
        for m, name in models  # price history, a cliff, service tiers or batch: every other record
        if len(m.periods) > 1 or m.batch_discount_pct or any(p.long_context or p.service_tiers for p in m.periods)
    ]
    tiered = [(m, name) for m, name in rich if m.periods[-1].service_tiers or m.batch_discount_pct]
    out = []
    for i in range(n):
        model, name = rng.choice((models, rich, tiered, rich)[i % 4])
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 3 * 365))
        if i % 4 == 2:  # inside the latest period, where service tiers and batch prices are listed
            day = max(day, model.periods[-1].starts)
        big = rng.random() < 0.15  # some prompts cross a long-context cliff
        tokens = {
            "input": rng.randrange(0, 400_000 if big else 20_000),
            "output": rng.randrange(0, 20_000),
            "cache_read": rng.choice([0, rng.randrange(0, 150_000)]),
            "cache_write_5m": rng.choice([0, 0, rng.randrange(0, 50_000)]),
        }
        period = model.period_at(day)
        tiers = [t.name for t in period.service_tiers]
        tier = rng.choice([None, *tiers]) if tiers else None
        batch = False
        if model.batch_discount_pct and tier is None and rng.random() < 0.5:  # a batch call has no service tier
            gm = genai[model.provider].find_model(name)
            starts = [
                v.constraint.start_date if v.constraint is not None else dt.date.min
                for v in gm.price_variants or ()
                if v.when == {"processing": "batch"}
            ]
            batch = bool(starts) and day >= min(starts)
        out.append(
            Record(
                f"catalog {i}",
                name,
                model.provider,
                f"{day} {rng.randrange(24):02d}:{rng.randrange(60):02d}",
                tokens,
                batch,
                tier,
            )
        )
    return out


def ours_many(records: list[Record]) -> list[Decimal]:
    """costsim's cost of each record, all priced in one run of the Pricer (one line item per record)."""
    from datetime import date

    import pandas as pd

    from costsim.frame import normalize
    from costsim.pricing.billing import BillingOptions
    from costsim.pricing.book import load_price_book
    from costsim.report import Accounting
    from costsim.routing.policy import load_policy
    from costsim.simulate.pricer import AS_LOGGED, Pricer

    rows = []
    for r in records:
        row = {f"{k}_tokens": v for k, v in r.tokens.items()}
        row.update(
            model=f"{r.provider}/{r.model}",
            tier=1,
            timestamp=pd.Timestamp(_stamp(r.when)),
            batch=r.batch,
            service_tier=r.service_tier,
        )
        rows.append(row)
    pricer = Pricer(
        load_price_book(), load_policy(None), (AS_LOGGED,), billing=BillingOptions(), default_day=date(2026, 11, 27)
    )
    pricer.add(normalize(pd.DataFrame(rows)), view=pd.Series([str(i) for i in range(len(records))]))
    report = pricer.report(kind="estimate", accounting=Accounting(len(records), len(records)))
    if report.unknown_models:
        raise AssertionError(f"costsim does not know {sorted(report.unknown_models)}")
    cost = {str(i): Decimal(0) for i in range(len(records))}
    for item in report.line_items:
        cost[item.view] += item.cost_usd
    return [cost[str(i)] for i in range(len(records))]
