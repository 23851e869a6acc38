"""Report → table (rich) | json | csv | markdown. One function per format behind `render`."""

from __future__ import annotations

import csv
import io
import json

from rich.console import Console
from rich.text import Text

from costsim import chart
from costsim.money import pct, tokens, usd
from costsim.safe_text import printable
from costsim.tables import markdown_table, table_of
from costsim.report import Report, StrategyResult
from costsim.views import breakdown_table

FORMATS = ("table", "json", "csv", "markdown")


def render(report: Report, fmt: str, console: Console) -> None:
    if fmt == "json":
        console.file.write(json.dumps(report.to_dict(), indent=2) + "\n")
    elif fmt == "csv":
        console.file.write(to_csv(report))
    elif fmt == "markdown":
        console.file.write(to_markdown(report))
    else:
        draw_tables(report, console)


# ---- the rows every format shares -------------------------------------------------------------

def strategy_rows(report: Report) -> list[list[str]]:
    rows = []
    for s in report.strategies:
        total = usd(s.cost_usd) + (f" (+{s.unpriced_requests:,} unpriced)" if s.unpriced_requests else "")
        saving = "baseline" if s.key == "all_frontier" else pct(s.savings_vs_frontier_pct)
        rows.append([s.label, models_label(s, report), total, usd(s.cost_per_request_usd), saving])
    return rows


STRATEGY_HEADER = ["Strategy", "Model(s)", "Total", "Per request", "Savings"]
TIER_HEADER = ["Tier", "Requests", "Model", "Cost", "Share of spend"]


def models_label(s: StrategyResult, report: Report) -> str:
    if s.key in {"smart", "smart_classifier", "under_routing", "pinned", "smart_carried"} or s.key.startswith("sticky_"):
        return "3-tier mix" + (" + classifier" if s.key == "smart_classifier" else "")
    if len(s.models) <= 2:
        return ", ".join(s.models) or "—"
    return f"{len(s.models)} models"


def tier_rows(report: Report) -> list[list[str]]:
    smart = report.strategy("smart")
    rows = [[f"{t.tier} · {t.name}", f"{t.requests:,}", ", ".join(t.models) or report.tier_models[t.tier],
             usd(t.cost_usd), pct(t.share_of_spend_pct)] for t in smart.by_tier]
    return rows + chart.classifier_tier_rows(report)


def price_line(report: Report) -> str:
    used = ", ".join(f"{p.model} (from {p.price_from})" for p in report.prices_used)
    when = f"Prices in force on {report.as_of}" if report.as_of else "Each request at the prices in force on its day"
    early = [f"{model}: {n:,}" for model, n in
             {p.model: p.requests_before_first_period for p in report.prices_used
              if p.requests_before_first_period}.items()]
    note = (f" Requests dated before a model's first recorded price took that first price ({', '.join(early)})."
            if early else "")
    return f"{when}: {used}.{note}"


def accounting_lines(report: Report) -> list[str]:
    a = report.accounting
    if report.kind != "estimate":
        return []
    lines = [f"Records: {a.records_read:,} read · {a.priced:,} priced · {a.skipped_total:,} skipped · "
             f"{a.duplicates:,} duplicate{'' if a.duplicates == 1 else 's'}"]
    lines += [f"  skipped, {reason}: {n:,}" for reason, n in sorted(a.skipped.items())]
    not_read = report.extra.get("files_not_read") or {}
    if not_read:
        lines.append(f"Files not read: {len(not_read):,} (" + "; ".join(f"{name}: {why}" for name, why in not_read.items()) + ")")
    if report.extra.get("sidecar_files"):
        lines.append(f"Claude Code sidecar files passed over (not logs): {report.extra['sidecar_files']:,}")
    t = report.token_totals
    lines.append("Tokens: " + " · ".join(f"{tokens(t.get(k + '_tokens', 0))} {k.replace('_', ' ')}"
                                          for k in ("input", "cache_read", "cache_write_5m", "cache_write_1h", "output")))
    if report.extra.get("conflicting_duplicates"):
        lines.append(f"Warning: {report.extra['conflicting_duplicates']:,} duplicate record(s) share an id with an earlier "
                     "one but carry different usage; the first was kept")
    from costsim.as_billed import as_billed_line
    lines += as_billed_line(report.extra)
    for model, n in sorted(report.unknown_models.items()):
        lines.append(f"Unpriced: {n:,} requests on {model!r}, left out of every strategy (no price table has it; "
                     "add one with --pricing)")
    return lines


def claim_rows(report: Report) -> list[list[str]]:
    fmt = lambda c, v: usd(v) if c.unit == "usd" else pct(v)  # noqa: E731
    return [[c.item, fmt(c, c.claimed), fmt(c, c.computed), "yes" if c.matches else "NO", c.explanation]
            for c in report.claims]


STICKY_HEADER = ["Sticky for", "Total", "vs smart routing", "Switches", "Cold starts"]
STICKY_TITLE = "Sticky routing: where keeping a conversation on its model pays"


def sticky_rows(report: Report) -> list[list[str]]:
    """One row per `--sticky` minutes: its cost, the difference from smart routing (cache-aware), switches."""
    rows = report.extra.get("caching", {}).get("sticky", [])
    return [[f"{r['minutes']} min", usd(r["cost_usd"]), ("+" if r["vs_smart_usd"] > 0 else "") + usd(r["vs_smart_usd"]),
             f"{r['switches']:,}", f"{r['cold_starts']:,}"] for r in rows]


CLAIM_HEADER = ["Claim", "Document", "costsim", "Agrees", "costsim's arithmetic"]


def claims_title(report: Report) -> str:
    return f"The source document's figures, recomputed at its prices ({report.extra.get('claims_as_of', '')})"


# ---- formats -----------------------------------------------------------------------------------

def draw_tables(report: Report, console: Console) -> None:
    console.print(table_of(STRATEGY_HEADER, strategy_rows(report), title="Strategies (savings against all-frontier)",
                           right={2, 3, 4}, no_wrap={1}))
    console.print(table_of(TIER_HEADER, tier_rows(report), title="Smart routing by tier", right={1, 3, 4}, no_wrap={2}))
    if sticky_rows(report):
        console.print(table_of(STICKY_HEADER, sticky_rows(report), title=STICKY_TITLE, right={1, 2, 3, 4}))
    if report.claims:
        console.print(table_of(CLAIM_HEADER, claim_rows(report), title=claims_title(report), right={1, 2}))
    if chart.monte_carlo_rows(report):
        console.print(table_of(chart.MC_HEADER, chart.monte_carlo_rows(report), title=chart.monte_carlo_title(report),
                               right={1, 2, 3, 4, 5, 6}))
    if chart.latency_rows(report):
        console.print(table_of(chart.LATENCY_HEADER, chart.latency_rows(report), title="Latency per tier and model",
                               right={2, 3, 4}))
    view = breakdown_table(report)
    if view:
        console.print(table_of(view[1], view[2], title=view[0], right=set(range(1, len(view[1]))), no_wrap={0}))
    for line in [price_line(report), *accounting_lines(report), *chart.simulation_lines(report), *report.notes]:
        console.print(Text(printable(line)))


def to_markdown(report: Report) -> str:
    parts = ["### Strategies (savings against all-frontier)", "", markdown_table(STRATEGY_HEADER, strategy_rows(report)), "",
             "### Smart routing by tier", "", markdown_table(TIER_HEADER, tier_rows(report)), ""]
    if sticky_rows(report):
        parts += [f"### {STICKY_TITLE}", "", markdown_table(STICKY_HEADER, sticky_rows(report)), ""]
    if report.claims:
        parts += [f"### {claims_title(report)}", "", markdown_table(CLAIM_HEADER, claim_rows(report)), ""]
    if chart.monte_carlo_rows(report):
        parts += [f"### {chart.monte_carlo_title(report)}", "", markdown_table(chart.MC_HEADER, chart.monte_carlo_rows(report)), ""]
    if chart.latency_rows(report):
        parts += ["### Latency per tier and model", "", markdown_table(chart.LATENCY_HEADER, chart.latency_rows(report)), ""]
    view = breakdown_table(report)
    if view:
        parts += [f"### {view[0]}", "", markdown_table(view[1], view[2]), ""]
    parts += [f"{printable(line)}  " for line in [price_line(report), *accounting_lines(report),
                                                  *chart.simulation_lines(report), *report.notes]]
    return "\n".join(parts) + "\n"


def to_csv(report: Report) -> str:
    """Long form: one row per strategy (tier "all") and per strategy × tier, exact decimal money."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["strategy", "tier", "models", "requests", "cost_usd", "cost_per_request_usd",
                     "savings_vs_all_frontier_pct", "share_of_spend_pct"])
    data = report.to_dict()
    for s in data["strategies"]:
        writer.writerow([s["key"], "all", " ".join(s["models"]), s["requests"], s["cost_usd"],
                         s["cost_per_request_usd"], s["savings_vs_all_frontier_pct"], "100"])
        for t in s["tiers"]:
            writer.writerow([s["key"], t["tier"], " ".join(t["models"]), t["requests"], t["cost_usd"], "", "",
                             t["share_of_spend_pct"]])
    return out.getvalue()
