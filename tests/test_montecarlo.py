"""Monte Carlo: ranges parsed strictly, reproducible by seed, converging to the exact point estimate."""

from datetime import date
from decimal import Decimal

import numpy as np
import pytest
from typer.testing import CliRunner

from costsim import api
from costsim.cli.app import app
from costsim.errors import ConfigError
from costsim.pricing.book import load_price_book
from costsim.routing.policy import load_policy
from costsim.simulate import effects as simulate
from costsim.simulate import montecarlo
from costsim.simulate.scenario import load_scenario, split_requests

DAY = date(2026, 5, 14)


@pytest.fixture(scope="module")
def setup():
    policy = load_policy()
    return load_price_book(), policy, load_scenario(None, policy)


def test_parse_ranges_and_point():
    r = montecarlo.parse_ranges("60-70/20-30/5-10")
    assert r.low == {1: Decimal("0.6"), 2: Decimal("0.2"), 3: Decimal("0.05")}
    assert r.high == {1: Decimal("0.7"), 2: Decimal("0.3"), 3: Decimal("0.1")}
    # midpoints 65/25/7.5 scaled to sum to 1
    assert r.point() == {1: Decimal("65") / Decimal("97.5"), 2: Decimal("25") / Decimal("97.5"),
                         3: Decimal("7.5") / Decimal("97.5")}
    assert montecarlo.parse_ranges("65/25/10").collapsed


@pytest.mark.parametrize("text, words", [
    ("70-60/20-30/5-10", "low end above its high end"),
    ("10-20/10-20/10-20", "cannot sum to 100"),
    ("80-90/20-30/5-10", "cannot sum to 100"),
    ("60-70/20-30", "three shares"),
    ("60-x/20-30/5-10", "not a number"),
])
def test_parse_ranges_rejects(text, words):
    with pytest.raises(ConfigError, match=words):
        montecarlo.parse_ranges(text)


def test_split_counts_matches_split_requests():
    shares = {1: Decimal("0.333"), 2: Decimal("0.333"), 3: Decimal("0.334")}
    expected = split_requests(1001, shares)
    got = montecarlo.split_counts(1001, np.array([[0.333, 0.333, 0.334]]))[0]
    assert list(got) == [expected[t] for t in (1, 2, 3)]


def _run(setup, spec, sim=None):
    book, policy, plan = setup
    return montecarlo.run(spec, plan.requests, plan.shares, plan.profiles, book, policy, DAY, sim)


def test_same_seed_same_numbers_other_seed_other_numbers(setup):
    spec = montecarlo.MonteCarloSpec(samples=500, seed=11, ranges=montecarlo.parse_ranges("60-70/20-30/5-10"),
                                     token_spread=0.3)
    assert _run(setup, spec) == _run(setup, spec)
    other = montecarlo.MonteCarloSpec(samples=500, seed=12, ranges=spec.ranges, token_spread=0.3)
    assert _run(setup, other) != _run(setup, spec)


def test_ranges_stay_inside_their_bounds():
    spec = montecarlo.MonteCarloSpec(samples=2000, seed=1, ranges=montecarlo.parse_ranges("60-70/20-30/5-10"))
    shares = montecarlo.draw_shares(np.random.default_rng(1), spec, spec.ranges.point())
    assert np.allclose(shares.sum(1), 1)
    assert (shares[:, 0] >= 0.6 - 1e-12).all() and (shares[:, 0] <= 0.7 + 1e-12).all()
    assert (shares[:, 1] >= 0.2 - 1e-12).all() and (shares[:, 1] <= 0.3 + 1e-12).all()
    assert (shares[:, 2] >= 0.05 - 1e-12).all() and (shares[:, 2] <= 0.1 + 1e-12).all()


def test_collapsed_ranges_converge_to_the_exact_point_estimate(setup):
    book, policy, plan = setup
    sim = simulate.SimOptions(classifier_model="gpt-5-nano", escalation_rate=Decimal("0.1"),
                              misroute_rate=Decimal("0.2"))
    report = api.compare(plan, book, policy, DAY, sim)
    spec = montecarlo.MonteCarloSpec(samples=50, seed=3, ranges=montecarlo.parse_ranges("65/25/10"), token_spread=0)
    mc = _run(setup, spec, sim)
    for row in mc.strategies:
        exact = float(report.strategy(row.key).cost_usd)
        for value in (row.cost_usd_p5, row.cost_usd_p50, row.cost_usd_p95):
            assert value == pytest.approx(exact, rel=1e-12)


def test_tight_dirichlet_approaches_the_point_estimate(setup):
    book, policy, plan = setup
    report = api.compare(plan, book, policy, DAY)
    spec = montecarlo.MonteCarloSpec(samples=400, seed=5, concentration=1e7)
    smart = next(r for r in _run(setup, spec).strategies if r.key == "smart")
    assert smart.cost_usd_p50 == pytest.approx(float(report.strategy("smart").cost_usd), rel=1e-6)


def test_cli_monte_carlo_table_and_bad_ranges():
    runner = CliRunner()
    ok = runner.invoke(app, ["compare", "--as-of", "2026-05-14", "--distribution", "60-70/20-30/5-10",
                             "--samples", "300", "--seed", "9"])
    assert ok.exit_code == 0, ok.output
    assert "Monte Carlo: 300 samples, seed 9" in ok.stdout
    again = runner.invoke(app, ["compare", "--as-of", "2026-05-14", "--distribution", "60-70/20-30/5-10",
                                "--samples", "300", "--seed", "9"])
    assert again.stdout == ok.stdout
    bad = runner.invoke(app, ["compare", "--distribution", "70-60/20-30/5-10"])
    assert bad.exit_code == 2
    assert bad.stderr.count("\n") == 1 and "--distribution" in bad.stderr and "low end" in bad.stderr


@pytest.mark.parametrize("option, value, problem", [
    ("--concentration", "nan", "--concentration nan: must be a number above 0"),  # gave costs of -$9.7e17
    ("--concentration", "inf", "--concentration inf: must be a number above 0"),
    ("--token-spread", "nan", "--token-spread nan: must be a number, 0 or more"),
    ("--token-spread", "1e400", "--token-spread inf: must be a number, 0 or more"),  # was an internal error
    ("--samples", "99999999999999999999", "--samples 99999999999999999999: must be from 1 to 1,000,000"),
])
def test_a_monte_carlo_option_that_is_no_number_is_refused_not_priced(option, value, problem):
    result = CliRunner().invoke(app, ["compare", "--as-of", "2026-05-14", option, value])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {problem}"


def test_savings_are_null_not_nan_when_all_frontier_costs_nothing():
    """With no tokens every strategy costs $0, so savings are undefined: JSON null (NaN is not JSON) and a dash."""
    import json

    def no_nan(constant):
        raise AssertionError(f"{constant} in the JSON")

    args = ["compare", "--as-of", "2026-05-14", "--distribution", "60-70/20-30/5-15", "--input-tokens", "0",
            "--output-tokens", "0", "--samples", "200"]
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output, parse_constant=no_nan)["monte_carlo"]["strategies"]
    assert {r["key"] for r in rows} >= {"all_frontier", "smart"}
    for row in rows:
        assert row["cost_usd_p50"] == 0
        assert [row[f"savings_pct_p{p}"] for p in (5, 50, 95)] == [None, None, None]
    table = CliRunner().invoke(app, args, env={"COLUMNS": "120"})
    monte_carlo = table.output[table.output.index("Savings p5"):]  # the ranges' table, after the point one
    smart = next(line for line in monte_carlo.splitlines() if line.strip().startswith("Smart routing"))
    assert smart.split()[-3:] == ["—", "—", "—"]
