"""`--format html`: one self-contained page per report — charts, then the text report's tables — that
fetches nothing and escapes every piece of log text. (tests/test_browser.py draws the pages in Chromium.)"""

from __future__ import annotations

import re
import sys
from decimal import Decimal

import pytest
from conftest import DOC_DAY, SAMPLES, write_jsonl

pytest.importorskip("matplotlib", reason="the HTML report needs costsim[charts]")

NEUTRAL = str(SAMPLES / "neutral.jsonl")
# the only URLs a page may hold: XML namespace names inside the inline SVG, which are never fetched
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


def page_of(cli, tmp_path, *args) -> str:
    out = tmp_path / "report.html"
    result = cli(*args, "--format", "html", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def assert_self_contained(html: str) -> None:
    assert html.startswith("<!doctype html>")
    assert "Content-Security-Policy\" content=\"default-src 'none'" in html
    assert "<script" not in html.lower() and "@import" not in html and "@font-face" not in html
    assert set(re.findall(r"[a-z]+://[^\s\"'<>)]+", html)) <= NAMESPACES
    assert re.findall(r'(?:src|href)="(?!#)', html) == []  # only the SVG's references to its own parts
    assert [u for u in re.findall(r"url\(([^)]*)\)", html) if not u.startswith("#")] == []


def chart_ids(html: str) -> list[str]:
    return re.findall(r'<figure class="chart" id="chart-([a-z-]+)">\s*<svg', html)


def test_estimate_page_has_every_chart_and_the_tables(cli, tmp_path):
    html = page_of(cli, tmp_path, "estimate", NEUTRAL, "--as-of", DOC_DAY)
    assert_self_contained(html)
    assert chart_ids(html) == ["cost-over-time", "strategies", "tier-mix", "top-models", "savings-curve"]
    for title in ("Strategies (savings against all-frontier)", "Smart routing by tier", "By day"):
        assert f"<h2>{title}</h2>" in html
    assert "<td>2026-06-02</td>" in html  # html gets a by-day breakdown without --by: it charts cost over time
    assert "Records: 10 read · 9 priced · 0 skipped · 1 duplicate" in html


def test_compare_and_sweep_pages(cli, tmp_path):
    compare = page_of(cli, tmp_path, "compare", "--as-of", DOC_DAY)
    assert_self_contained(compare)
    assert chart_ids(compare) == ["strategies", "tier-mix", "top-models", "savings-curve"]
    sweep = page_of(cli, tmp_path, "sweep", "--as-of", DOC_DAY, "--what-if", "claude-opus-4-7.input=-30%")
    assert_self_contained(sweep)
    assert chart_ids(sweep) == ["savings-curve"]
    assert "<th class=\"num\">What-if savings</th>" in sweep and "<td class=\"num\">10%</td>" in sweep


def test_the_report_savings_curve_is_the_reports_own_costs(cli, tmp_path):
    """compare's page curve: each tier's cost per request as priced, the tier-3 share moving (130:50 fixed)."""
    html = page_of(cli, tmp_path, "compare", "--as-of", DOC_DAY)
    opus = (2000 * Decimal(5) + 1000 * Decimal(25)) / 10**6
    nano = (2000 * Decimal("0.05") + 1000 * Decimal("0.40")) / 10**6
    flash = (2000 * Decimal("0.14") + 1000 * Decimal("0.28")) / 10**6
    a = (130 * nano + 50 * flash) / 180  # smart cost per request of tiers 1+2; all-frontier pays `opus` everywhere
    share = (a - Decimal("0.1") * opus) / (a - opus) * 100  # savings 1 − ((1−s)a + s·opus)/opus = 90%
    assert f"savings reach 90% at a tier-3 share of {share.quantize(Decimal('0.01'))}%" in html


def test_every_strategy_the_report_holds_is_charted(tmp_path):
    from datetime import date

    from costsim.api import compare
    from costsim.pricing.book import load_price_book
    from costsim.render import plots
    from costsim.routing.policy import load_policy
    from costsim.simulate.effects import SimOptions
    from costsim.simulate.scenario import load_scenario

    book, policy = load_price_book(), load_policy()
    report = compare(load_scenario(None, policy), book, policy, date.fromisoformat(DOC_DAY),
                     SimOptions(classifier_model="gpt-5-nano", escalation_rate=Decimal("0.15"),
                                misroute_rate=Decimal("0.2")))
    labels = [s.label for s in report.strategies]
    assert len(labels) >= 6
    for figure in (plots.strategy_costs(report), plots.tier_mix(report)):
        assert [t.get_text() for t in figure.axes[0].get_yticklabels()] == labels
        plots.pyplot().close(figure)


def test_log_text_is_escaped(cli, tmp_path):
    evil = "<img src=x onerror=alert(1)>"
    log = write_jsonl(tmp_path / "evil.jsonl", [
        {"id": "1", "timestamp": "2026-06-02T10:00:00Z", "model": "gpt-5", "input_tokens": 100, "output_tokens": 10,
         "project": evil, "prompt": "Fix the typo"},
        {"id": "2", "timestamp": "2026-06-02T11:00:00Z", "model": evil, "input_tokens": 100, "output_tokens": 10,
         "project": evil, "prompt": "Fix the typo"}])
    html = page_of(cli, tmp_path, "estimate", str(log), "--as-of", DOC_DAY, "--by", "project")
    assert_self_contained(html)
    assert evil not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize("args", [["compare", "--format", "html"], ["estimate", NEUTRAL, "--format", "html"],
                                  ["sweep", "--format", "html"], ["sweep", "--export", "chart.svg"]])
def test_without_matplotlib_it_says_what_to_install(cli, monkeypatch, args):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib → ImportError
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr == "error: charts need matplotlib: pip install 'costsim[charts]'\n"


def test_sweep_exports_a_real_chart(cli, tmp_path):
    svg, png = tmp_path / "chart.svg", tmp_path / "chart.png"
    assert cli("sweep", "--as-of", DOC_DAY, "--export", str(svg)).exit_code == 0
    assert cli("sweep", "--as-of", DOC_DAY, "--export", str(png)).exit_code == 0
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "<path" in text and "<text" not in text and "font-family" not in text
    assert set(re.findall(r"https?://[^\s\"'<>]+", text)) <= NAMESPACES | {"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"}
    from PIL import Image

    with Image.open(png) as image:
        assert image.format == "PNG" and image.size == (1440, 720)  # 7.2 × 3.6 in at 200 dpi


def test_long_logs_chart_cost_by_week_and_the_weeks_add_up():
    from costsim.render.plots import _weekly

    days = ["2026-06-05", "2026-06-07", "2026-06-08", "2026-06-14", "2026-06-15"]  # Fri, Sun, Mon, Sun, Mon
    costs = {"smart": [Decimal("0.1"), Decimal("0.2"), Decimal("0.3"), Decimal("0.4"), Decimal("0.5")]}
    weeks, weekly = _weekly(days, costs)
    assert weeks == ["2026-06-01", "2026-06-08", "2026-06-15"]  # each named by its Monday, as --by week names them
    assert weekly["smart"] == [Decimal("0.1") + Decimal("0.2"), Decimal("0.3") + Decimal("0.4"), Decimal("0.5")]


def test_a_report_without_every_tier_says_why_it_has_no_savings_curve(cli, tmp_path):
    log = write_jsonl(tmp_path / "t1.jsonl", [
        {"id": "1", "timestamp": "2026-06-02T10:00:00Z", "model": "gpt-5", "input_tokens": 100, "output_tokens": 10,
         "prompt": "Fix the typo in README"}])
    html = page_of(cli, tmp_path, "estimate", str(log), "--as-of", DOC_DAY)
    assert "savings-curve" not in chart_ids(html) and "No savings curve" in html
