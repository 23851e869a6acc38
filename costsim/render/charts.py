"""Terminal charts drawn with rich (exportable as SVG or HTML), and the tables the simulation adds to a report.

`draw_sweep` draws savings against the swept tier share as horizontal bars, one row per step, with
the what-if curve beside the base one and the target marked. `simulation_lines`, `monte_carlo_rows`
and `latency_rows` are what render.py prints under the strategy table.
"""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.text import Text

from costsim.money import exact, pct, usd
from costsim.render.tables import markdown_table, new_table
from costsim.report.model import Report
from costsim.report.parts import SweepResult

BAR_WIDTH = 40


def _bar(value: Decimal | None, target: Decimal, style: str, width: int = BAR_WIDTH) -> Text:
    if value is None:
        return Text("—")
    filled = max(0, min(width, int(float(value) / 100 * width + 0.5)))
    mark = int(float(target) / 100 * width + 0.5)
    text = Text()
    for i in range(width + 1):
        if i == mark:
            text.append("│", style="bold red")
        elif i < filled:
            text.append("█", style=style)
        else:
            text.append(" ")
    return text


def target_label(target: Decimal) -> str:
    """The target as the user gave it: 99.9%, never rounded into 100%."""
    return f"{Decimal(target).normalize():f}%"


def draw_sweep(result: SweepResult, console: Console) -> None:
    vary = result.vary_tier
    target = result.target_savings_pct
    table = new_table(f"Savings vs all-frontier as the tier-{vary} share moves (as of {result.as_of}; "
                      f"│ marks the {target_label(target)} target)")
    what_if = result.curves.get("what_if")
    width = 20 if what_if else BAR_WIDTH
    table.add_column(f"Tier {vary}", justify="right", no_wrap=True)
    table.add_column("Savings", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    if what_if:
        table.add_column("What-if", justify="right", no_wrap=True)
        table.add_column("", no_wrap=True)
    base = result.curves["base"]
    for i, point in enumerate(base.points):
        row = [
            Text(pct(point.share_pct, 0)),
            Text(pct(point.savings_pct)),
            _bar(point.savings_pct, target, "green", width),
        ]
        if what_if:
            other = what_if.points[i].savings_pct
            row += [Text(pct(other)), _bar(other, target, "cyan", width)]
        table.add_row(*row)
    console.print(table)
    for line in sweep_lines(result):
        console.print(Text(line))


def sweep_table(result: SweepResult) -> tuple[str, list[str], list[list[str]]]:
    """Title, header and rows of the sweep's steps (markdown and html draw them; the terminal adds bars)."""
    vary = result.vary_tier
    what_if = result.curves.get("what_if")
    header = [f"Tier-{vary} share", "Savings"] + (["What-if savings"] if what_if else [])
    rows = []
    for i, point in enumerate(result.curves["base"].points):
        row = [pct(point.share_pct, 0), pct(point.savings_pct)]
        if what_if:
            row.append(pct(what_if.points[i].savings_pct))
        rows.append(row)
    title = (
        f"Savings vs all-frontier as the tier-{vary} share moves (as of {result.as_of}; "
        f"target {target_label(result.target_savings_pct)})"
    )
    return title, header, rows


def sweep_lines(result: SweepResult) -> list[str]:
    """Break-even (or the most a curve can reach), bands, and what stays fixed — under every sweep format."""
    vary, target = result.vary_tier, result.target_savings_pct
    out = []
    for name, curve in result.curves.items():
        label = "" if name == "base" else f" with {result.what_if}"
        be = curve.break_even_share_pct
        if be is not None:
            where = f"savings reach {target_label(target)} at a tier-{vary} share of {pct(be, 2)}"
        else:
            best = max(
                (p for p in curve.points if p.savings_pct is not None), key=lambda p: p.savings_pct or 0, default=None
            )
            where = (
                f"no tier-{vary} share reaches {target_label(target)} savings; the most reachable is "
                f"{pct(best.savings_pct, 2)}, at a tier-{vary} share of {pct(best.share_pct, 0)}"
                if best
                else f"no tier-{vary} share gives {target_label(target)} savings"
            )
        bracket = curve.bracket_pct
        check = f" (sweep: between {pct(bracket[0], 0)} and {pct(bracket[1], 0)})" if bracket else ""
        out.append(f"Break-even{label}: {where}{check}.")
        bands = "; ".join(
            f"{k}% savings: tier-{vary} share {pct(v[0], 1)}–{pct(v[1], 1)}" if v else f"{k}%: none"
            for k, v in curve.bands.items()
        )
        out.append(f"Bands{label}: {bands}.")
    weights = ", ".join(f"tier {t} {pct(w * 100, 1)}" for t, w in result.fixed_relative_shares.items())
    out.append(
        f"The other tiers keep their relative shares ({weights}); models: "
        + ", ".join(f"tier {t} {m}" for t, m in result.tier_models.items())
        + (f"; classifier {result.classifier_model} on every request" if result.classifier_model else "")
        + "."
    )
    if result.what_if:
        out.append(f"Price change (what-if): {result.what_if} (the what-if curve only).")
    return out


def sweep_markdown(result: SweepResult) -> str:
    title, header, rows = sweep_table(result)
    return "\n\n".join([f"### {title}", markdown_table(header, rows), *sweep_lines(result)]) + "\n"


def sweep_csv(result: SweepResult) -> str:
    lines = ["curve,share_pct,savings_pct,smart_usd_per_request,frontier_usd_per_request"]
    for name, curve in result.curves.items():
        for p in curve.points:
            lines.append(
                ",".join(
                    [
                        name,
                        exact(p.share_pct),
                        exact(p.savings_pct) or "",
                        exact(p.smart_usd_per_request),
                        exact(p.frontier_usd_per_request),
                    ]
                )
            )
    return "\n".join(lines) + "\n"


# ---- report sections ------------------------------------------------------------------------------


def _rate(value: Decimal | None) -> str:
    if value is None:
        return "—"
    if value > 1:
        return f"{pct(value * 100)} (never: it stays cheaper even at 100%)"
    if value < 0:
        return f"{pct(value * 100)} (already costlier at 0%)"
    return pct(value * 100, 2)


def simulation_lines(report: Report) -> list[str]:
    sim = report.simulation
    if not sim:
        return []
    lines = []
    c = sim.classifier
    if c:
        lines.append(
            f"Classifier overhead: {c.model} reads each request ({c.input_tokens_per_request:,} in + "
            f"{c.output_tokens_per_request:,} out tokens): {usd(c.cost_per_request_usd)} a request, "
            f"{usd(c.cost_usd)} in all, {pct(c.share_of_smart_cost_pct)} of smart routing's cost."
        )
    e = sim.escalation
    vs = "smart + classifier" if e.compared_with == "smart_classifier" else "smart routing"
    lines.append(
        f"Escalation (all to tier 2, a share e again to tier 3): costs more than {vs} above "
        f"e = {_rate(e.break_even_vs_smart)}, more than all-frontier above "
        f"e = {_rate(e.break_even_vs_all_frontier)}."
    )
    u = sim.under_routing
    lines.append(
        f"Under-routing (a share m of tier-3 requests fails on tier {u.misroute_tier}, then "
        f"{u.rework_turns} rework turn(s) on tier 3 and the tier-3 call): routing stops paying at "
        f"m = {_rate(u.break_even_misroute_rate)}."
    )
    lines += [f"Formula, {name.replace('_', '-')}: {f}" for name, f in sim.formulas.items()]
    return lines


def classifier_tier_rows(report: Report) -> list[list[str]]:
    """The classifier model's own line under smart routing (share: of smart + classifier)."""
    c = report.simulation.classifier if report.simulation else None
    if not c:
        return []
    return [
        [
            "classifier (every request)",
            f"{report.strategy('smart').requests:,}",
            c.model,
            usd(c.cost_usd),
            pct(c.share_of_smart_cost_pct),
        ]
    ]


MC_HEADER = ["Strategy", "Cost p5", "p50", "p95", "Savings p5", "p50", "p95"]


def monte_carlo_rows(report: Report) -> list[list[str]]:
    mc = report.monte_carlo
    if not mc:
        return []
    labels = {s.key: s.label for s in report.strategies}
    money = lambda v: usd(Decimal(repr(v)))  # noqa: E731
    percent = lambda v: "—" if v is None else pct(Decimal(repr(v)))  # noqa: E731
    return [
        [
            labels.get(r.key, r.key),
            *(money(v) for v in (r.cost_usd_p5, r.cost_usd_p50, r.cost_usd_p95)),
            *(percent(v) for v in (r.savings_pct_p5, r.savings_pct_p50, r.savings_pct_p95)),
        ]
        for r in mc.strategies
    ]


def monte_carlo_title(report: Report) -> str:
    mc = report.monte_carlo
    assert mc is not None
    return f"Monte Carlo: {mc.samples:,} samples, seed {mc.seed} (tokens: {mc.token_lengths}; money {mc.money})"


LATENCY_HEADER = ["Tier", "Model (as logged)", "Requests", "p50 ms", "p95 ms"]


def latency_rows(report: Report) -> list[list[str]]:
    return [
        [str(r.tier or "—"), r.model, f"{r.requests:,}", f"{r.p50_ms:,.1f}", f"{r.p95_ms:,.1f}"]
        for r in report.latency or ()
    ]
