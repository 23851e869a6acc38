"""Simulated effects: classifier overhead, escalation, under-routing, pinned sessions, latency — against
hand arithmetic."""

from datetime import date
from decimal import Decimal

import pandas as pd
import pytest
from typer.testing import CliRunner

from costsim import api
from costsim.cli.app import app
from costsim.errors import ConfigError
from costsim.frame import normalize
from costsim.pricing.book import load_price_book
from costsim.routing.policy import load_policy
from costsim.simulate import effects as simulate
from costsim.simulate.pricer import ALL_FRONTIER, SMART, Pricer
from costsim.simulate.scenario import load_scenario

DAY = date(2026, 5, 14)
# one sprint request (2,000 in + 1,000 out) on each model, in USD×1e6
OPUS, FLASH, NANO = (
    2000 * 5 + 1000 * 25,
    Decimal("2000") * Decimal("0.14") + 1000 * Decimal("0.28"),
    2000 * Decimal("0.05") + 1000 * Decimal("0.4"),
)
M = Decimal(10**6)
C_FRONTIER = 200 * OPUS / M  # $7.00
C_MID = 200 * FLASH / M  # $0.112
C_SMART = (130 * NANO + 50 * FLASH + 20 * OPUS) / M  # $0.793


@pytest.fixture(scope="module")
def book():
    return load_price_book()


@pytest.fixture(scope="module")
def policy():
    return load_policy()


def sprint_report(book, policy, **opts):
    plan = load_scenario(None, policy)
    return api.compare(plan, book, policy, DAY, simulate.SimOptions(**opts))


def test_parse_rate_accepts_fractions_and_percent_and_rejects_outside_0_1():
    assert simulate.parse_rate("0.1", "--x") == Decimal("0.1")
    assert simulate.parse_rate("15%", "--x") == Decimal("0.15")
    for bad in ("1.5", "-0.1", "120%", "abc"):
        with pytest.raises(ConfigError, match="--escalation-rate"):
            simulate.parse_rate(bad, "--escalation-rate")


def test_classifier_overhead_per_request_from_the_table(book, policy):
    rates = book.resolve("gpt-5-nano").period_at(DAY).rates
    assert (
        simulate.classifier_cost_per_request(200, 5, rates) == Decimal(200 * Decimal("0.05") + 5 * Decimal("0.4")) / M
    )
    # the document's basis, 200 tokens at $0.05/M: 100× below its "$0.001 per request"
    assert simulate.classifier_cost_per_request(200, 0, rates) == Decimal("0.00001")
    report = sprint_report(book, policy, classifier_model="gpt-5-nano")
    with_classifier = report.strategy("smart_classifier")
    assert with_classifier.cost_usd == C_SMART + 200 * (200 * Decimal("0.05") + 5 * Decimal("0.4")) / M
    assert report.simulation.classifier.cost_per_request_usd == Decimal(12) / M


def test_document_classifier_claim_is_checked(book, policy):
    report = api.compare(load_scenario(None, policy), book, policy, DAY)
    claim = next(c for c in report.claims if c.item == "Classifier overhead per request")
    assert claim.claimed == Decimal("0.001")
    assert claim.computed == 200 * Decimal("0.05") / M
    assert not claim.matches


def test_escalation_cost_and_break_even(book, policy):
    report = sprint_report(book, policy, escalation_rate=Decimal("0.1"))
    assert report.strategy("escalation").cost_usd == C_MID + Decimal("0.1") * C_FRONTIER  # $0.812
    esc = report.simulation.escalation
    assert esc.break_even_vs_smart == (C_SMART - C_MID) / C_FRONTIER  # 0.681 / 7 ≈ 9.73%
    assert esc.break_even_vs_all_frontier == (C_FRONTIER - C_MID) / C_FRONTIER  # 6.888 / 7 = 98.4%
    assert simulate.escalation_break_even(Decimal(1), Decimal(10), Decimal(3)) == Decimal("0.2")


def test_under_routing_rework_cost_and_break_even(book, policy):
    report = sprint_report(book, policy, misroute_rate=Decimal("0.2"), rework_turns=2, misroute_tier=2)
    per_unit = (20 * FLASH + 2 * 20 * OPUS) / M  # failed tier-2 attempt + 2 rework turns on opus, for 20 hard requests
    assert report.strategy("under_routing").cost_usd == C_SMART + Decimal("0.2") * per_unit
    assert report.simulation.under_routing.break_even_misroute_rate == (C_FRONTIER - C_SMART) / per_unit
    report = sprint_report(book, policy, misroute_rate=Decimal("1"), rework_turns=10, misroute_tier=1)
    per_unit = (20 * NANO + 10 * 20 * OPUS) / M
    assert report.strategy("under_routing").cost_usd == C_SMART + per_unit
    assert report.simulation.under_routing.break_even_misroute_rate == (C_FRONTIER - C_SMART) / per_unit
    assert "all_cheap" not in {s.key for s in report.strategies}


def test_under_routing_formula_by_hand():
    assert simulate.under_routing_cost(Decimal(1), Decimal(2), Decimal(3), Decimal("0.5"), 2) == 1 + Decimal("0.5") * (
        2 + 2 * 3
    )
    assert simulate.misroute_break_even(Decimal(1), Decimal(9), Decimal(2), Decimal(3), 2) == Decimal(8) / 8


def test_pinned_keeps_each_session_on_its_hardest_model(book, policy):
    rows = pd.DataFrame(
        {
            "tier": [1, 3, 1, 2, 1],
            "session": ["a", "a", "b", "b", None],
            "input_tokens": [2000] * 5,
            "output_tokens": [1000] * 5,
            "timestamp": [pd.Timestamp(DAY, tz="UTC")] * 5,
            "model": ["x"] * 5,
        }
    )
    frame = normalize(rows)
    pricer = Pricer(book, policy, (SMART, ALL_FRONTIER, simulate.PINNED), as_of=DAY, separate=frozenset({"pinned"}))
    pricer.add(frame)
    pricer.add(frame, only=(simulate.PINNED,))
    from costsim.report import Accounting

    report = pricer.report(kind="estimate", accounting=Accounting(5, 5))
    # a: both on opus; b: both on flash; the session-less request stays on nano
    assert report.strategy("pinned").cost_usd == (2 * OPUS + 2 * FLASH + NANO) / M
    assert report.strategy("smart").cost_usd == (3 * NANO + OPUS + FLASH) / M  # three tier-1 requests
    assert pricer.requests == 5


def test_latency_p50_p95_per_tier_and_model(book, policy):
    rows = normalize(
        pd.DataFrame(
            {
                "tier": [1] * 20 + [3] * 2,
                "model": ["gpt-5-nano"] * 20 + ["claude-opus-4-7"] * 2,
                "input_tokens": 100,
                "output_tokens": 10,
                "latency_ms": [float(i) for i in range(1, 21)] + [1000.0, 3000.0],
                "timestamp": pd.Timestamp(DAY, tz="UTC"),
            }
        )
    )
    pricer = Pricer(book, policy, (SMART, ALL_FRONTIER), as_of=DAY)
    pricer.add(rows)
    from costsim.report import Accounting

    latency = pricer.report(kind="estimate", accounting=Accounting(22, 22)).latency
    nano = next(r for r in latency if r.model == "gpt-5-nano")
    opus = next(r for r in latency if r.model == "claude-opus-4-7")
    assert (nano.tier, nano.requests, nano.p50_ms) == (1, 20, 10.5)  # median of 1..20
    assert nano.p95_ms == round(19 + 0.05 * 1, 1)  # linear: position 0.95 × 19 = 18.05 → 19.05
    assert (opus.p50_ms, opus.p95_ms) == (2000.0, 2900.0)  # 1000 + 0.95 × 2000


def test_cli_simulated_strategies_in_json(tmp_path):
    result = CliRunner().invoke(
        app,
        [
            "compare",
            "--as-of",
            "2026-05-14",
            "--classifier-model",
            "gpt-5-nano",
            "--escalation-rate",
            "10%",
            "--misroute-rate",
            "0.2",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.stdout)
    keys = [s["key"] for s in data["strategies"]]
    assert keys == ["all_frontier", "all_mid", "smart", "smart_classifier", "escalation", "under_routing"]
    assert data["strategies"][4]["cost_usd"] == "0.812"  # 0.112 + 0.1 × 7
    assert Decimal(data["simulation"]["escalation"]["break_even_vs_all_frontier"]) == Decimal("0.984")


@pytest.mark.parametrize(
    "args, words",
    [
        (["--escalation-rate", "1.5"], "--escalation-rate"),
        (["--misroute-rate", "-5%"], "--misroute-rate"),
        (["--misroute-tier", "3", "--misroute-rate", "0.1"], "--misroute-tier"),
        (["--what-if", "nosuch-model.input=-30%"], "--what-if"),
        (["--what-if", "claude-opus-4-7.speed=-30%"], "unknown price field"),
    ],
)
def test_cli_bad_simulation_options_exit_2_with_one_line(args, words):
    result = CliRunner().invoke(app, ["compare", "--as-of", "2026-05-14", *args])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and words in lines[0]


def test_cli_estimate_pinned_and_latency(tmp_path):
    log = tmp_path / "log.jsonl"
    rows = [
        ("rename x", "a", 800),
        ("debug the race", "a", 4000),
        ("add comment to f", "b", 300),
        ("implement endpoint", "b", 1200),
    ]
    log.write_text(
        "".join(
            f'{{"timestamp": "2026-05-14T10:0{i}:00Z", "model": "gpt-5-nano", "input_tokens": 2000, '
            f'"output_tokens": 1000, "prompt": "{p}", "session": "{s}", "latency_ms": {ms}}}\n'
            for i, (p, s, ms) in enumerate(rows)
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["estimate", str(log), "--as-of", "2026-05-14", "--pinned", "--format", "json", "--classifier", "keywords"]
    )
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.stdout)
    pinned = next(s for s in data["strategies"] if s["key"] == "pinned")
    # session a (tiers 1, 3) → 2 on opus; session b (tiers 1, 2) → 2 on flash
    assert Decimal(pinned["cost_usd"]) == (2 * OPUS + 2 * FLASH) / M
    assert data["accounting"]["priced"] == 4
    assert {(r["tier"], r["p50_ms"]) for r in data["latency"]} == {(1, 550.0), (2, 1200.0), (3, 4000.0)}


def test_token_sums_past_int64_across_chunks_stay_exact(book, policy):
    """Each chunk's sums are int64; the run's are added across chunks. Two chunks of 6 * 10^18 input tokens
    each on one model come to 1.2 * 10^19, past int64 (9.22 * 10^18), which used to wrap to a negative count
    and a negative cost. (Readers cap a request at 10^12 tokens: a real log needs ~9.2 million such.)"""
    row = normalize(pd.DataFrame({"tier": [3], "model": ["claude-opus-4-7"], "input_tokens": [6 * 10**18],
                                  "output_tokens": [0], "timestamp": [pd.Timestamp(DAY, tz="UTC")]}))
    pricer = Pricer(book, policy, (ALL_FRONTIER,), as_of=DAY)
    pricer.add(row)
    pricer.add(row)
    from costsim.report import Accounting

    cost = pricer.report(kind="estimate", accounting=Accounting(2, 2)).strategy("all_frontier").cost_usd
    assert cost == Decimal(12 * 10**18) * 5 / M  # opus input: $5 per million tokens
