"""compare --cache-share/--turns: prompt caches in a planned mix, by hand at the document's prices."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_EVEN, Decimal

from costsim.simulate.cache_profile import warm_share_one_model, warm_share_routed

M = Decimal(10**6)


def test_warm_shares_by_hand():
    assert warm_share_one_model(20) == Decimal(19) / 20
    # tier share 1/2, 2 turns: turn 1 cold, turn 2 warm half the time -> 1/4 of requests warm
    assert warm_share_routed(2, Decimal("0.5")) == Decimal("0.25")
    assert warm_share_routed(5, Decimal(1)) == Decimal(4) / 5 and warm_share_routed(5, Decimal(0)) == 0


def test_compare_with_a_cache_profile_prices_warm_and_cold_requests(cli):
    result = cli("compare", "--as-of", "2026-05-14", "--input-tokens", "50000", "--output-tokens", "1000",
                 "--cache-share", "90%", "--turns", "20", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    cost = {s["key"]: Decimal(s["cost_usd"]) for s in data["strategies"]}
    # each request: 45,000 of its 50,000 input tokens cacheable (90%), 1,000 output
    opus_warm = (5_000 * Decimal(5) + 45_000 * Decimal("0.5") + 1_000 * Decimal(25)) / M
    opus_cold = (5_000 * Decimal(5) + 45_000 * Decimal("6.25") + 1_000 * Decimal(25)) / M   # explicit: a write
    nano_warm = (5_000 * Decimal("0.05") + 45_000 * Decimal("0.005") + 1_000 * Decimal("0.4")) / M
    nano_cold = (50_000 * Decimal("0.05") + 1_000 * Decimal("0.4")) / M                     # automatic: input
    flash_warm = (5_000 * Decimal("0.14") + 45_000 * Decimal("0.0028") + 1_000 * Decimal("0.28")) / M
    flash_cold = (50_000 * Decimal("0.14") + 1_000 * Decimal("0.28")) / M
    # all on Opus: 19 of 20 turns warm; 130/50/20 requests -> 123.5 → 124, 47.5 → 48, 19 warm (half to even)
    assert cost["all_frontier"] == (124 + 48 + 19) * opus_warm + (6 + 2 + 1) * opus_cold

    def warm(n, share):  # n·w_t requests warm, w_t = 1 − (1 − (1 − p)^T) / (T·p), T = 20
        w = 1 - (1 - (1 - Decimal(share)) ** 20) / (20 * Decimal(share))
        return int((n * w).to_integral_value(ROUND_HALF_EVEN))

    w1, w2, w3 = warm(130, "0.65"), warm(50, "0.25"), warm(20, "0.1")
    assert cost["smart"] == w1 * nano_warm + (130 - w1) * nano_cold + w2 * flash_warm + (50 - w2) * flash_cold \
        + w3 * opus_warm + (20 - w3) * opus_cold
    assert cost["smart_carried"] == 124 * nano_warm + 6 * nano_cold + 48 * flash_warm + 2 * flash_cold \
        + 19 * opus_warm + 1 * opus_cold
    assert data["caching"]["profile"] == {"cache_share": "0.9", "turns_per_conversation": 20}
    assert data["claims"] == []   # the document's claims are about its own (uncached) case


def test_a_prefix_under_the_models_minimum_is_never_cached(cli):
    # the sprint's 2,000 input tokens: 90% is 1,800, under Opus 4.7's 2,048-token minimum
    result = cli("compare", "--cache-share", "90%", "--format", "json")
    data = json.loads(result.stdout)
    assert data["caching"]["strategies"]["all_frontier"]["share_of_input_from_cache_pct"] == "0"


def test_the_sprints_own_figures_stay_uncached(cli):
    data = json.loads(cli("compare", "--as-of", "2026-05-14", "--format", "json").stdout)
    assert "caching" not in data
    assert Decimal(next(s for s in data["strategies"] if s["key"] == "all_frontier")["cost_usd"]) == \
        200 * (2_000 * Decimal(5) + 1_000 * Decimal(25)) / M


def test_cache_profile_with_monte_carlo_or_simulation_is_one_line_exit_2(cli):
    for args in (["--samples", "10"], ["--escalation-rate", "10%"]):
        result = cli("compare", "--cache-share", "90%", *args)
        assert result.exit_code == 2 and "--cache-share" in result.stderr
