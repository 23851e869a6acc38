"""`--format html`: one self-contained page — charts first, then the text report's tables and lines.

The charts are inline SVG drawn by `plots.py` (matplotlib, the `costsim[charts]` extra); the page
has no script, no font, no image or style to fetch, and a Content-Security-Policy that forbids any
fetch, so it opens the same offline, from a CI artifact or an email. Every piece of text — model,
project and file names from logs included — is HTML-escaped here.

Layout is fixed so a browser test can find each chart: a header `HEADER_PX` high, then the charts
one under another, each `plots` size (720 × 360 px) plus `GAP_PX`, `LEFT_PX` from the left edge.
"""

from __future__ import annotations

from html import escape

from costsim.render import plots
from costsim.render.charts import sweep_lines, sweep_table
from costsim.render.report import report_lines, sections
from costsim.report.model import Report
from costsim.report.parts import SweepResult
from costsim.simulate.sweep import report_sweep
from costsim.version import __version__

HEADER_PX, GAP_PX, LEFT_PX = 96, 16, 24
CHART_W, CHART_H = int(plots.WIDTH_IN * plots.DPI), int(plots.HEIGHT_IN * plots.DPI)
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

STYLE = f"""
body {{ margin: 0; padding: 0 {LEFT_PX}px 32px; font: 14px/1.45 system-ui, sans-serif; color: #1d2329;
        background: #fff; }}
header {{ height: {HEADER_PX}px; box-sizing: border-box; padding-top: 14px; overflow: hidden; }}
h1 {{ font-size: 20px; margin: 0 0 4px; }}
header p {{ margin: 0; color: #56606b; max-height: 42px; overflow: hidden; }}
figure.chart {{ margin: 0 0 {GAP_PX}px; width: {CHART_W}px; height: {CHART_H}px; }}
figure.chart svg {{ display: block; width: {CHART_W}px; height: {CHART_H}px; }}
h2 {{ font-size: 15px; margin: 24px 0 6px; }}
table {{ border-collapse: collapse; font-variant-numeric: tabular-nums; }}
th, td {{ padding: 3px 12px 3px 0; text-align: left; vertical-align: top; border-bottom: 1px solid #e3e6ea; }}
th {{ border-bottom: 2px solid #9aa3ad; }}
td.num, th.num {{ text-align: right; }}
p.line {{ margin: 4px 0; max-width: 1000px; }}
footer {{ margin-top: 24px; color: #56606b; font-size: 12px; }}
"""


def page(title: str, subtitle: str, charts: list[tuple[str, str]], body: list[str]) -> str:
    """The whole document: `charts` are (id, svg markup), `body` is already-escaped HTML."""
    figures = [f'<figure class="chart" id="chart-{escape(key)}">{svg}</figure>' for key, svg in charts]
    return "\n".join([
        "<!doctype html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{escape(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        f"<header><h1>{escape(title)}</h1><p>{escape(subtitle)}</p></header>",
        '<main>', '<section class="charts">', *figures, "</section>", *body, "</main>",
        f"<footer>Written by costsim {escape(__version__)}; every figure is recomputed from the price tables and "
        "the input. Charts drawn with matplotlib.</footer>", "</body>", "</html>", ""])


def table(title: str, header: list[str], rows: list[list[str]], right=frozenset()) -> str:
    cls = lambda i: ' class="num"' if i in right else ""  # noqa: E731
    head = "".join(f"<th{cls(i)}>{escape(str(h))}</th>" for i, h in enumerate(header))
    body = "".join("<tr>" + "".join(f"<td{cls(i)}>{escape(str(c))}</td>" for i, c in enumerate(row)) + "</tr>"
                   for row in rows)
    return f"<h2>{escape(title)}</h2>\n<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def lines(texts: list[str]) -> list[str]:
    return [f'<p class="line">{escape(t)}</p>' for t in texts]


def report_subtitle(report: Report) -> str:
    when = f"prices in force on {report.as_of}" if report.as_of else "each request at its own day's prices"
    if report.kind == "estimate":
        a = report.accounting
        return f"{a.priced:,} requests priced from {a.files_named() or 'stdin'} · {when}"
    smart = next((s for s in report.strategies if s.key == "smart"), report.strategies[0])
    return f"{smart.requests:,} planned requests · {when}"


def report_html(report: Report) -> str:
    """The report as a page: its charts, then the same tables and lines `--format table` prints."""
    sweep_result = report_sweep(report)  # the savings curve of this report's own per-tier costs
    charts = [(key, plots.svg(fig)) for key, fig in plots.report_figures(report, sweep_result)]
    body = [table(s.title, s.header, s.rows, s.right) for s in sections(report)]
    if sweep_result is not None:
        body += [f"<h2>Savings curve: each tier at this report's own cost per request, the tier-"
                 f"{sweep_result.vary_tier} share moving</h2>", *lines(sweep_lines(sweep_result))]
        body += ["<h2>Prices and accounting</h2>"]
    else:
        body += lines(["No savings curve: it is drawn from each tier's own cost per request, and this report has "
                       "no request of at least one tier."])
    body += lines(report_lines(report))
    return page(f"costsim {report.kind}: what smart routing would cost", report_subtitle(report), charts, body)


def sweep_html(result: SweepResult) -> str:
    """`costsim sweep --format html`: the savings curve, the table of steps and the break-even lines."""
    title, header, rows = sweep_table(result)
    return page("costsim sweep: savings as a tier's share moves", f"prices as of {result.as_of}",
                [("savings-curve", plots.svg(plots.savings_curve(result)))],
                [table(title, header, rows, frozenset(range(len(header)))), *lines(sweep_lines(result))])
