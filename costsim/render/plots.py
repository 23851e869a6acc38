"""Charts of a report, drawn with matplotlib (the optional `costsim[charts]` extra) as SVG or PNG.

Each function takes a Report (or a sweep result) and returns a Figure, or None when the report has
nothing to draw for it; `svg()` turns a figure into markup to inline in a page. Money is exact until
here: floats only place bars and points, and every printed figure goes through `money.usd`/`pct`.
Text from logs (model, project, session names) is drawn as glyph outlines, never parsed as mathtext
or markup, and the SVG carries no fonts, links or scripts to fetch.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

from costsim.errors import ConfigError
from costsim.money import pct, usd
from costsim.report.model import Report
from costsim.report.parts import SweepResult

WIDTH_IN, HEIGHT_IN, DPI = 7.2, 3.6, 100  # every chart: 720 × 360 px, so a page can give each a fixed box
TIER_COLOURS = {1: "#4c9f70", 2: "#3a7dc9", 3: "#d9822b"}
TOP_MODELS = 10


def pyplot():
    """matplotlib's pyplot on the file-only Agg backend, or a one-line error saying what to install."""
    try:
        import matplotlib
    except ImportError:
        raise ConfigError("charts need matplotlib: pip install 'costsim[charts]'") from None
    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    plt.rcParams.update({"svg.fonttype": "path", "text.parse_math": False, "font.size": 9,
                         "axes.spines.top": False, "axes.spines.right": False, "svg.hashsalt": "costsim"})
    return plt


def _figure(title: str):
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
    ax.set_title(title, loc="left", fontsize=10, fontweight="bold")
    return fig, ax


def _usd_axis(ax, axis: str = "x") -> None:
    from matplotlib.ticker import FuncFormatter

    fmt = FuncFormatter(lambda v, _: usd(Decimal(str(float(v)))) if v else "0")
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(fmt)


def _labelled_bars(title: str, names: list[str], costs_usd: list[Decimal], labels: list[str], *, colour,
                   margin: float):
    """Horizontal bars of cost, first name on top, each labelled at its end (room kept by `margin`)."""
    fig, ax = _figure(title)
    ax.barh(names, [float(c) for c in costs_usd], color=colour)
    for i, (cost, label) in enumerate(zip(costs_usd, labels)):
        ax.annotate(label, (float(cost), i), va="center", fontsize=8)
    ax.invert_yaxis()
    ax.margins(x=margin)
    _usd_axis(ax)
    return fig


def strategy_costs(report: Report):
    """Total cost of every strategy the report holds, cheapest at the bottom."""
    strategies = list(report.strategies)
    return _labelled_bars("Total cost per strategy", [s.label for s in strategies], [s.cost_usd for s in strategies],
                          [f" {usd(s.cost_usd)}" for s in strategies],
                          colour=[f"C{i % 10}" for i in range(len(strategies))], margin=0.18)


def cost_over_time(report: Report):
    """Cost by day (by week past two months) per strategy, from the report's day/week/month breakdown."""
    data = report.breakdown
    if data is None or data.by not in ("day", "week", "month"):
        return None
    rows = [r for r in data.rows if r.key[:1].isdigit()]  # "(no timestamp)" has no place on a time axis
    if not rows:
        return None
    by, keys = data.by, [r.key for r in rows]
    costs = {s.key: [r.cost_usd[s.key] for r in rows] for s in report.strategies}
    if by == "day" and len(rows) > 62:
        keys, costs = _weekly(keys, costs)
        by = "week"
    import datetime as dt

    fig, ax = _figure(f"Cost by {by}, per strategy")
    when = [dt.date.fromisoformat(k if len(k) == 10 else k + "-01") for k in keys]
    for i, s in enumerate(report.strategies):
        ax.plot(when, [float(c) for c in costs[s.key]], marker="o" if len(keys) < 40 else None, markersize=3,
                label=s.label, color=f"C{i % 10}")
    ax.set_ylim(bottom=0)
    _usd_axis(ax, "y")
    ax.legend(fontsize=8, frameon=False)
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, DateFormatter

    if len(when) <= 14:  # a tick on each day (week, month) drawn, named as the table below names it
        ax.set_xticks(when)
        ax.xaxis.set_major_formatter(DateFormatter("%Y-%m" if by == "month" else "%Y-%m-%d"))
    else:
        locator = AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    fig.autofmt_xdate()
    return fig


def _weekly(days: list[str], costs: dict[str, list[Decimal]]):
    """Days regrouped into weeks starting on Monday, named by that day (as `--by week` names them)."""
    import datetime as dt

    weeks: dict[str, int] = {}
    for day in days:
        d = dt.date.fromisoformat(day)
        weeks.setdefault((d - dt.timedelta(days=d.weekday())).isoformat(), len(weeks))
    out = {key: [Decimal(0)] * len(weeks) for key in costs}
    for j, day in enumerate(days):
        d = dt.date.fromisoformat(day)
        w = weeks[(d - dt.timedelta(days=d.weekday())).isoformat()]
        for key in costs:
            out[key][w] += costs[key][j]
    return list(weeks), out


def tier_mix(report: Report):
    """Each strategy's cost split by the tier its requests were classified into, and the request mix."""
    strategies = [s for s in report.strategies if s.by_tier]
    if not strategies:
        return None
    fig, ax = _figure("Cost by tier, per strategy (requests per tier in the legend)")
    tiers = sorted({t.tier for s in strategies for t in s.by_tier})
    left = [0.0] * len(strategies)
    reference = next((s for s in strategies if s.key == "smart"), strategies[0])
    for tier in tiers:
        widths = [float(next((t.cost_usd for t in s.by_tier if t.tier == tier), Decimal(0))) for s in strategies]
        count = sum(t.requests for t in reference.by_tier if t.tier == tier)
        name = report.tier_names.get(tier, "")
        ax.barh([s.label for s in strategies], widths, left=left, color=TIER_COLOURS.get(tier, "grey"),
                label=f"tier {tier} {name}: {count:,} requests")
        left = [a + b for a, b in zip(left, widths)]
    ax.invert_yaxis()
    ax.margins(x=0.04)
    _usd_axis(ax)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    return fig


def top_models(report: Report):
    """The models that cost most, as logged (estimate) or under smart routing (compare)."""
    strategy = next((s for s in report.strategies if s.key == "as_logged"), None) or \
        next((s for s in report.strategies if s.key == "smart"), report.strategies[0])
    models = sorted(strategy.by_model, key=lambda m: m.cost_usd, reverse=True)[:TOP_MODELS]
    if not models:
        return None
    return _labelled_bars(f"Top models by spend ({strategy.label.lower()})", [m.model for m in models],
                          [m.cost_usd for m in models], [f" {usd(m.cost_usd)} · {m.requests:,} req" for m in models],
                          colour="#6f5fb3", margin=0.3)


def savings_curve(result: SweepResult):
    """Savings against the swept tier share, with the target and each curve's break-even share marked."""
    vary, target = result.vary_tier, result.target_savings_pct
    fig, ax = _figure(f"Savings vs all-frontier as the tier-{vary} share moves")
    for i, (name, curve) in enumerate(result.curves.items()):
        points = [p for p in curve.points if p.savings_pct is not None]
        label = "base prices" if name == "base" else f"what-if: {result.what_if}"
        colour = "#2a9d5b" if name == "base" else "#1f9bc2"
        ax.plot([float(p.share_pct) for p in points], [float(p.savings_pct or 0) for p in points], color=colour,
                label=label, linewidth=2, linestyle="-" if name == "base" else (0, (4, 2)))
        be = curve.break_even_share_pct
        if be is not None:
            ax.axvline(float(be), color=colour, linestyle=":", linewidth=1)
            ax.plot([float(be)], [float(target)], "o", color=colour, markersize=5)
            ax.annotate(f"break-even: tier-{vary} share {pct(be, 2)}", (float(be), float(target)),
                        xytext=(8, 6 + 12 * i), textcoords="offset points", fontsize=8, color=colour)
    ax.axhline(float(target), color="#c0392b", linestyle="--", linewidth=1, label=f"target {plain_pct(target)}")
    ax.set_xlabel(f"tier-{vary} share of requests (%)")
    ax.set_ylabel("savings (%)")
    ax.set_xlim(0, 100)
    ax.legend(fontsize=8, frameon=False, loc="best")
    return fig


def plain_pct(value: Decimal) -> str:
    """A percentage as given, never rounded into another figure (99.9%, not 100%)."""
    return f"{Decimal(value).normalize():f}%"


def report_figures(report: Report, sweep_result: SweepResult | None = None) -> list[tuple[str, object]]:
    """(id, figure) of every chart the report has something for, in page order."""
    figures = [("cost-over-time", cost_over_time(report)), ("strategies", strategy_costs(report)),
               ("tier-mix", tier_mix(report)), ("top-models", top_models(report)),
               ("savings-curve", savings_curve(sweep_result) if sweep_result else None)]
    return [(key, fig) for key, fig in figures if fig is not None]


def svg(fig) -> str:
    """The figure as an <svg> element to inline in HTML: no XML prolog, no metadata, fixed pixel size."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    pyplot().close(fig)
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
    width, height = int(WIDTH_IN * DPI), int(HEIGHT_IN * DPI)
    return re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', rf'<svg\1 width="{width}px" height="{height}px"',
                  text, count=1)


def save(fig, path) -> None:
    """SVG or PNG by the file's extension (fonts drawn as outlines: the file needs nothing else)."""
    kind = str(path).rsplit(".", 1)[-1].lower()
    fig.savefig(path, format=kind, dpi=DPI * 2 if kind == "png" else DPI,
                metadata={"Date": None, "Creator": None, "Format": None, "Type": None} if kind == "svg" else None)
    pyplot().close(fig)
