"""Sweep: closed-form break-even share against hand arithmetic and against the sweep's own steps; what-ifs."""

import json
from datetime import date
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from costsim.cli.app import app
from costsim.errors import ConfigError
from costsim.pricing.book import load_price_book
from costsim.routing.policy import load_policy
from costsim.simulate.scenario import load_scenario
from costsim.simulate.sweep import apply_what_if, parse_what_if, sweep

DAY = date(2026, 5, 14)


@pytest.fixture(scope="module")
def setup():
    policy = load_policy()
    return load_price_book(), policy, load_scenario(None, policy)


def test_tier3_break_even_matches_closed_form_by_hand(setup):
    book, policy, plan = setup
    result = sweep(book, policy, plan.profiles, plan.shares, vary=3, target_pct=Decimal(90), day=DAY)
    # per request: nano 0.0005, flash 0.00056, opus 0.035; tiers 1/2 keep 65:25
    a = (Decimal("0.65") * Decimal("0.0005") + Decimal("0.25") * Decimal("0.00056")) / Decimal("0.9")
    d0 = a - Decimal("0.1") * Decimal("0.035")            # A − (1 − T)·B, B = 0.035 (all opus)
    d1 = Decimal("0.035") - Decimal("0.1") * Decimal("0.035")
    expected = d0 / (d0 - d1) * 100                         # ≈ 8.65%
    be = result.curves["base"].break_even_share_pct
    assert be == expected
    lo, hi = result.curves["base"].bracket_pct
    assert lo <= be <= hi and (lo, hi) == (Decimal(5), Decimal(10))


def test_break_even_gives_the_target_exactly(setup):
    book, policy, plan = setup
    from costsim.simulate.sweep import make_curve
    for vary in (1, 3):
        curve = make_curve(book, policy, plan.profiles, plan.shares, vary, DAY, overhead=Decimal("0.000012"))
        s = curve.break_even(Decimal(90))
        assert abs(curve.savings_pct(s) - 90) < Decimal("1e-20")


def test_sweep_points_are_exact(setup):
    book, policy, plan = setup
    result = sweep(book, policy, plan.profiles, plan.shares, vary=3, step_pct=Decimal(50), day=DAY)
    points = result.curves["base"].points
    assert [p.share_pct for p in points] == [0, 50, 100]
    assert points[2].savings_pct == 0  # all tier 3 = all frontier
    a = (Decimal("0.65") * Decimal("0.0005") + Decimal("0.25") * Decimal("0.00056")) / Decimal("0.9")
    assert points[0].savings_pct == (1 - a / Decimal("0.035")) * 100


def test_what_if_changes_one_price(setup):
    book, policy, plan = setup
    change = parse_what_if("claude-opus-4.7.input=-30%", book)  # alias resolves to the id
    assert change.model == "claude-opus-4-7"
    changed = apply_what_if(book, change)
    assert changed.models["claude-opus-4-7"].period_at(DAY).rates.input == Decimal(5) * Decimal("0.7")
    assert book.models["claude-opus-4-7"].period_at(DAY).rates.input == 5  # the original is untouched
    assert apply_what_if(book, parse_what_if("gpt-5-nano.output=0.5", book)).models["gpt-5-nano"] \
        .period_at(DAY).rates.output == Decimal("0.5")


@pytest.mark.parametrize("text, words", [
    ("nosuch.input=-30%", "unknown model"),
    ("claude-opus-4-7.speed=-30%", "unknown price field"),
    ("claude-opus-4-7.input", "MODEL.FIELD=CHANGE"),
    ("claude-opus-4-7.input=-130%", "more than 100%"),
    ("claude-opus-4-7.input=abc", "not a number"),
])
def test_bad_what_if(setup, text, words):
    with pytest.raises(ConfigError, match=words):
        parse_what_if(text, setup[0])


def test_cli_sweep_json_has_break_even_and_export(tmp_path):
    runner = CliRunner()
    out = tmp_path / "chart.svg"
    result = runner.invoke(app, ["sweep", "--as-of", "2026-05-14", "--target-savings", "90", "--format", "json",
                                 "--what-if", "claude-opus-4-7.input=-30%", "--export", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert Decimal(data["break_even_share_pct"]).quantize(Decimal("0.01")) == Decimal("8.65")
    assert "what_if" in data["curves"]
    svg = out.read_text(encoding="utf-8")
    assert "<svg" in svg and "<text" not in svg and "@font-face" not in svg  # glyphs as outlines: no font to fetch
    html = tmp_path / "chart.html"
    table = runner.invoke(app, ["sweep", "--as-of", "2026-05-14", "--vary", "1", "--export", str(html)])
    # A = (25 × 0.00056 + 10 × 0.035) / 35 = 0.0104;
    # s = (A − 0.0035) / (A − 0.0035 − (0.0005 − 0.0035)) = 0.0069 / 0.0099
    assert table.exit_code == 0 and "tier-1 share of 69.70%" in table.stdout
    assert "<html" in html.read_text(encoding="utf-8").lower()


@pytest.mark.parametrize(
    "args, words",
    [
        (["--what-if", "nosuch.input=-30%"], "--what-if"),
        (["--vary", "4"], "--vary"),
        (["--target-savings", "120"], "--target-savings"),
        (["--target-savings", "nan"], "--target-savings NaN: must be from 0"),  # NaN was an internal error
        (["--step", "nan"], "--step NaN: must be above 0"),
        (["--export", "chart.jpg"], "--export"),
        (["--export", "nodir/chart.svg"], "does not exist"),
    ],
)
def test_cli_sweep_bad_input(args, words):
    result = CliRunner().invoke(app, ["sweep", "--as-of", "2026-05-14", *args])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and words in result.stderr
