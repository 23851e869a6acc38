"""Report → table (rich) | csv | markdown; render/formats.py maps each format name to its function.

`sections` and `report_lines` are the report's text content; the table, markdown and html renderers
all draw them, so a table added there shows in every format.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from rich.console import Console
from rich.text import Text

from costsim.money import in_usd, pct, tokens, usd
from costsim.render import charts as chart
from costsim.render.safe_text import csv_text, markdown_text, printable
from costsim.render.tables import markdown_table, table_of
from costsim.report.model import Report, StrategyResult
from costsim.report.parts import AsBilled, LogDetail
from costsim.simulate.views import breakdown_table

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
    if s.key in {"smart", "smart_classifier", "under_routing", "pinned", "smart_carried"} or s.key.startswith(
        "sticky_"
    ):
        return "3-tier mix" + (" + classifier" if s.key == "smart_classifier" else "")
    if len(s.models) <= 2:
        return ", ".join(s.models) or "—"
    return f"{len(s.models)} models"


def tier_rows(report: Report) -> list[list[str]]:
    smart = report.strategy("smart")
    rows = [
        [
            f"{t.tier} · {t.name}",
            f"{t.requests:,}",
            ", ".join(t.models) or report.tier_models[t.tier],
            usd(t.cost_usd),
            pct(t.share_of_spend_pct),
        ]
        for t in smart.by_tier
    ]
    return rows + chart.classifier_tier_rows(report)


def price_line(report: Report) -> str:
    used = ", ".join(f"{p.model} (from {p.price_from})" for p in report.prices_used)
    when = f"Prices in force on {report.as_of}" if report.as_of else "Each request at the prices in force on its day"
    early = [
        f"{model}: {n:,}"
        for model, n in {
            p.model: p.requests_before_first_period for p in report.prices_used if p.requests_before_first_period
        }.items()
    ]
    note = (
        f" Requests dated before a model's first recorded price took that first price ({', '.join(early)})."
        if early
        else ""
    )
    return f"{when}: {used}.{note}"


def accounting_lines(report: Report) -> list[str]:
    a = report.accounting
    if report.kind != "estimate":
        return []
    lines = [
        f"Records: {a.records_read:,} read · {a.priced:,} priced · {a.skipped_total:,} skipped · "
        f"{a.duplicates:,} duplicate{'' if a.duplicates == 1 else 's'}"
    ]
    lines += [f"  skipped, {reason}: {n:,}" for reason, n in sorted(a.skipped.items())]
    log = report.log or LogDetail()
    if log.files_not_read:
        lines.append(
            f"Files not read: {len(log.files_not_read):,} ("
            + "; ".join(f"{name}: {why}" for name, why in log.files_not_read.items())
            + ")"
        )
    if log.sidecar_files:
        lines.append(f"Claude Code sidecar files passed over (not logs): {log.sidecar_files:,}")
    t = report.token_totals
    lines.append(
        "Tokens: "
        + " · ".join(
            f"{tokens(t.get(k + '_tokens', 0))} {k.replace('_', ' ')}"
            for k in ("input", "cache_read", "cache_write_5m", "cache_write_1h", "output")
        )
    )
    if log.conflicting_duplicates:
        lines.append(
            f"Warning: {log.conflicting_duplicates:,} duplicate record(s) share an id with an earlier "
            "one but carry different usage; the first was kept"
        )
    lines += as_billed_lines(report.as_billed)
    for model, n in sorted(report.unknown_models.items()):
        lines.append(
            f"Unpriced: {n:,} requests on {model!r}, left out of every strategy (no price table has it; "
            "add one with --pricing)"
        )
    return lines


def as_billed_lines(block: AsBilled | None) -> list[str]:
    if block is None:
        return []
    sign = "+" if block.difference_usd >= 0 else "−"
    return [
        f"As billed: {usd(block.billed_usd)} by the provider for {block.requests:,} request(s) that carry their "
        f"charge; costsim prices them {usd(block.costsim_usd)} as logged ({sign}{usd(abs(block.difference_usd))})."
    ]


def claim_rows(report: Report) -> list[list[str]]:
    """The document's figures in its own currency (USD), whatever --currency shows elsewhere: its arithmetic
    is in dollars too."""
    fmt = lambda c, v: usd(v) if c.unit == "usd" else pct(v)  # noqa: E731
    with in_usd():
        return [
            [c.item, fmt(c, c.claimed), fmt(c, c.computed), "yes" if c.matches else "NO", c.explanation]
            for c in report.claims
        ]


STICKY_HEADER = ["Sticky for", "Total", "vs smart routing", "Switches", "Cold starts"]
STICKY_TITLE = "Sticky routing: where keeping a conversation on its model pays"


def sticky_rows(report: Report) -> list[list[str]]:
    """One row per `--sticky` minutes: its cost, the difference from smart routing (cache-aware), switches."""
    rows = getattr(report.caching, "sticky", None) or ()
    return [
        [
            f"{r.minutes} min",
            usd(r.cost_usd),
            ("+" if r.vs_smart_usd > 0 else "") + usd(r.vs_smart_usd),
            f"{r.switches:,}",
            f"{r.cold_starts:,}",
        ]
        for r in rows
    ]


CLAIM_HEADER = ["Claim", "Document", "costsim", "Agrees", "costsim's arithmetic"]


def claims_title(report: Report) -> str:
    return f"The source document's figures (USD), recomputed at its prices ({report.claims_as_of or ''})"


def adjustment_lines(report: Report) -> list[str]:
    """What changed the prices from the list: what-ifs, --pricing overlays (discounts say so in the notes)."""
    return [f"Not list prices — {a.kind}: {a.text}." for a in report.price_adjustments or ()]


# ---- formats -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One table of the text report: title, header, rows of plain text, right-aligned and unwrapped columns."""

    title: str
    header: list[str]
    rows: list[list[str]]
    right: frozenset[int] = frozenset()
    no_wrap: frozenset[int] = frozenset()
    spare: tuple[int, ...] = ()  # left out first where the terminal is too narrow


def sections(report: Report) -> list[Section]:
    out = [
        Section(
            "Strategies (savings against all-frontier)",
            STRATEGY_HEADER,
            strategy_rows(report),
            frozenset({2, 3, 4}),
            frozenset({1}),
            spare=(3, 1),  # per request = total / requests; the models are named below
        ),
        Section("Smart routing by tier", TIER_HEADER, tier_rows(report), frozenset({1, 3, 4}), frozenset({2})),
    ]
    if sticky_rows(report):
        out.append(Section(STICKY_TITLE, STICKY_HEADER, sticky_rows(report), frozenset({1, 2, 3, 4})))
    if report.claims:
        out.append(Section(claims_title(report), CLAIM_HEADER, claim_rows(report), frozenset({1, 2})))
    if chart.monte_carlo_rows(report):
        out.append(
            Section(
                chart.monte_carlo_title(report), chart.MC_HEADER, chart.monte_carlo_rows(report), frozenset(range(1, 7))
            )
        )
    if chart.latency_rows(report):
        out.append(
            Section(
                "Latency per tier and model", chart.LATENCY_HEADER, chart.latency_rows(report), frozenset({2, 3, 4})
            )
        )
    view = breakdown_table(report)
    if view:
        out.append(Section(view[0], view[1], view[2], frozenset(range(1, len(view[1]))), frozenset({0})))
    return out


def report_lines(report: Report) -> list[str]:
    """The lines under the tables: prices, price changes, accounting, simulation, notes."""
    return [
        printable(line)
        for line in [
            price_line(report),
            *adjustment_lines(report),
            *accounting_lines(report),
            *chart.simulation_lines(report),
            *report.notes,
        ]
    ]


def draw_tables(report: Report, console: Console) -> None:
    for section in sections(report):
        console.print(
            table_of(
                section.header,
                section.rows,
                title=section.title,
                right=set(section.right),
                no_wrap=set(section.no_wrap),
                spare=section.spare,
            )
        )
    for line in report_lines(report):
        console.print(Text(line))


def to_markdown(report: Report) -> str:
    parts = []
    for section in sections(report):
        parts += [f"### {section.title}", "", markdown_table(section.header, section.rows), ""]
    for line in report_lines(report):  # a paragraph each: no trailing "  " line breaks to strip or lose
        parts += [markdown_text(line), ""]
    return "\n".join(parts).rstrip("\n") + "\n"


def to_csv(report: Report) -> str:
    """Long form: one row per strategy (tier "all") and per strategy × tier, exact decimal money.

    With a breakdown (`--by day`), a first column names its key: "all" on those rows, then one row per
    key × strategy."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    data = report.to_dict()
    view = data.get("breakdown")  # exact decimal strings, as the JSON has them
    lead = [view["by"]] if view else []
    writer.writerow(
        [
            *lead,
            "strategy",
            "tier",
            "models",
            "requests",
            "cost_usd",
            "cost_per_request_usd",
            "savings_vs_all_frontier_pct",
            "share_of_spend_pct",
        ]
    )
    everything = ["all"] if view else []
    for s in data["strategies"]:
        writer.writerow(
            [
                *everything,
                s["key"],
                "all",
                csv_text(" ".join(s["models"])),
                s["requests"],
                s["cost_usd"],
                s["cost_per_request_usd"],
                s["savings_vs_all_frontier_pct"],
                "100",
            ]
        )
        for t in s["tiers"]:
            writer.writerow(
                [
                    *everything,
                    s["key"],
                    t["tier"],
                    csv_text(" ".join(t["models"])),
                    t["requests"],
                    t["cost_usd"],
                    "",
                    "",
                    t["share_of_spend_pct"],
                ]
            )
    for row in (view or {}).get("rows", []):
        for s in data["strategies"]:
            writer.writerow([csv_text(row["key"]), s["key"], "all", "", row["requests"], row["cost_usd"][s["key"]],
                             "", "", ""])
    return out.getvalue()
