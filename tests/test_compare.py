"""`costsim compare`: the document's sprint and planned mixes, priced by hand."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from conftest import DOC_DAY, FLASH, NANO, OPUS

from costsim.errors import ConfigError
from costsim.simulate.scenario import parse_distribution, split_requests


def per_request(rates, input_tokens=2000, output_tokens=1000) -> Decimal:
    return (Decimal(input_tokens) * Decimal(str(rates[0])) + Decimal(output_tokens) * Decimal(str(rates[1]))) / 10**6


def strategies(result) -> dict:
    return {s["key"]: s for s in json.loads(result.stdout)["strategies"]}


def test_sprint_at_the_documents_prices(cli):
    result = cli("compare", "--as-of", DOC_DAY, "--format", "json")
    assert result.exit_code == 0, result.output
    s = strategies(result)
    assert Decimal(s["all_frontier"]["cost_usd"]) == 200 * per_request(OPUS) == Decimal("7")
    assert Decimal(s["all_mid"]["cost_usd"]) == 200 * per_request(FLASH) == Decimal("0.112")
    smart = 130 * per_request(NANO) + 50 * per_request(FLASH) + 20 * per_request(OPUS)
    assert Decimal(s["smart"]["cost_usd"]) == smart == Decimal("0.793")
    assert Decimal(s["smart"]["savings_vs_all_frontier_pct"]) == (7 - smart) * 100 / 7
    tiers = {t["tier"]: t for t in s["smart"]["tiers"]}
    assert [tiers[t]["requests"] for t in (1, 2, 3)] == [130, 50, 20]
    assert Decimal(tiers[3]["cost_usd"]) == 20 * per_request(OPUS)
    assert Decimal(tiers[3]["share_of_spend_pct"]) == 20 * per_request(OPUS) * 100 / smart


def test_sprint_table_names_price_dates_and_corrects_the_document(cli):
    result = cli("compare", "--as-of", DOC_DAY)
    assert result.exit_code == 0
    out = result.stdout
    assert "All frontier" in out and "Smart routing" in out and "$0.793" in out and "88.7%" in out
    assert "Prices in force on 2026-05-14" in out and "claude-opus-4-7 (from 2026-04-16)" in out
    # the document says tier 3 costs $0.62 and smart routing $0.72; 20 × $0.035 is $0.70
    claims = json.loads(cli("compare", "--as-of", DOC_DAY, "-f", "json").stdout)["claims"]
    by_item = {c["item"]: c for c in claims}
    assert by_item["Tier 3 cost"]["matches"] is False
    assert Decimal(by_item["Tier 3 cost"]["computed"]) == 20 * per_request(OPUS)
    assert by_item["Smart routing total"]["matches"] is False
    assert by_item["All frontier total"]["matches"] is True
    assert by_item["Tier 1 cost"]["matches"] is True  # $0.065 written as $0.07


def test_claims_are_checked_at_the_documents_date_even_today(cli):
    claims = json.loads(cli("compare", "--as-of", "2026-11-27", "-f", "json").stdout)["claims"]
    mid = next(c for c in claims if c["item"] == "All mid-tier total")
    assert Decimal(mid["computed"]) == 200 * per_request(FLASH)


def test_today_differs_from_the_document_where_a_price_changed(cli):
    then = strategies(cli("compare", "--as-of", DOC_DAY, "-f", "json"))
    now = strategies(cli("compare", "--as-of", "2026-11-27", "-f", "json"))
    assert then["all_frontier"]["cost_usd"] == now["all_frontier"]["cost_usd"]
    assert then["all_mid"]["cost_usd"] != now["all_mid"]["cost_usd"]


def test_options_change_the_mix(cli):
    result = cli("compare", "--as-of", DOC_DAY, "--distribution", "70/20/10", "--requests", "1000",
                 "--input-tokens", "3000", "--output-tokens", "500", "--tier3", "gpt-5.5", "-f", "json")
    assert result.exit_code == 0, result.output
    s = strategies(result)
    gpt55 = (5, 30)
    assert Decimal(s["all_frontier"]["cost_usd"]) == 1000 * per_request(gpt55, 3000, 500)
    assert Decimal(s["smart"]["cost_usd"]) == (700 * per_request(NANO, 3000, 500) + 200 * per_request(FLASH, 3000, 500)
                                               + 100 * per_request(gpt55, 3000, 500))
    assert json.loads(result.stdout)["claims"] == []  # the document's figures are about its own case only


def test_fractions_work_like_percentages(cli):
    a = strategies(cli("compare", "--as-of", DOC_DAY, "-d", "0.65/0.25/0.1", "-f", "json"))
    b = strategies(cli("compare", "--as-of", DOC_DAY, "-d", "65/25/10", "-f", "json"))
    assert a["smart"]["cost_usd"] == b["smart"]["cost_usd"]


def test_scenario_file_with_per_tier_profiles(cli, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("name: plan\nrequests: 10\ndistribution: 50/30/20\n"
                    "tiers:\n  1: {input_tokens: 500, output_tokens: 100}\n"
                    "  3: {input_tokens: 20000, output_tokens: 4000}\n")
    s = strategies(cli("compare", "--scenario", str(path), "--as-of", DOC_DAY, "-f", "json"))
    expected = 5 * per_request(NANO, 500, 100) + 3 * per_request(FLASH, 2000, 1000) + 2 * per_request(OPUS, 20000, 4000)
    assert Decimal(s["smart"]["cost_usd"]) == expected


def test_csv_and_markdown(cli):
    rows = list(csv.DictReader(io.StringIO(cli("compare", "--as-of", DOC_DAY, "-f", "csv").stdout)))
    total = next(r for r in rows if r["strategy"] == "smart" and r["tier"] == "all")
    assert Decimal(total["cost_usd"]) == Decimal("0.793")
    md = cli("compare", "--as-of", DOC_DAY, "-f", "markdown").stdout
    assert (
        "| Strategy | Model(s) | Total | Per request | Savings |" in md
        and "| Smart routing | 3-tier mix | $0.793 |" in md
    )


@pytest.mark.parametrize(
    "text,expected",
    [
        ("65/25/10", {1: Decimal("0.65"), 2: Decimal("0.25"), 3: Decimal("0.1")}),
        ("0.5/0.5/0", {1: Decimal("0.5"), 2: Decimal("0.5"), 3: Decimal(0)}),
    ],
)
def test_parse_distribution(text, expected):
    assert parse_distribution(text) == expected


@pytest.mark.parametrize("text", ["60/30/20", "65/25", "a/b/c", "-10/60/50", "0.5/0.3/0.1"])
def test_bad_distributions(text):
    with pytest.raises(ConfigError, match="--distribution"):
        parse_distribution(text)


def test_split_requests_sums_to_total():
    # 4.55, 1.75, 0.7 → floors 4, 1, 0 and two left over, to the largest remainders .75 and .7
    assert split_requests(7, parse_distribution("65/25/10")) == {1: 4, 2: 2, 3: 1}
    assert sum(split_requests(101, parse_distribution("33.3/33.3/33.4")).values()) == 101


@pytest.mark.parametrize(
    "args,message",
    [
        (["--distribution", "60/30/20"], "sum to 110"),
        (["--tier3", "claude-opus-9"], "unknown model 'claude-opus-9'"),
        (["--as-of", "yesterday"], "--as-of 'yesterday'"),
        (["--scenario", "/no/such/file.yaml"], "file not found"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(cli, args, message):
    result = cli("compare", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_scenario_file(cli, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("requests: 10\ndistribution: 65/25/10\nprofil: {input_tokens: 1}\n")
    result = cli("compare", "--scenario", str(path))
    assert result.exit_code == 2
    assert f"{path}: unknown key 'profil'" in result.stderr


@pytest.mark.parametrize("claims, problem", [  # each was an internal error (StopIteration, int('a'))
    ("strategy_cost_usd: {cheapest: 1}", "claims.strategy_cost_usd: unknown key 'cheapest' (allowed: all_frontier, "
                                         "all_mid, smart)"),
    ("savings_pct: {a: 1}", "claims.savings_pct: unknown key 'a' (allowed: all_frontier, all_mid, smart)"),
    ("tier_cost_usd: {a: 1}", "claims.tier_cost_usd: unknown key 'a' (allowed: 1, 2, 3)"),
    ("tier_cost_usd: {4: 1}", "claims.tier_cost_usd: unknown key '4' (allowed: 1, 2, 3)"),
])
def test_a_claim_about_a_strategy_or_tier_that_is_not_there_is_named(cli, tmp_path, claims, problem):
    path = tmp_path / "plan.yaml"
    path.write_text(f"requests: 10\ndistribution: 65/25/10\nclaims:\n  as_of: 2026-05-14\n  {claims}\n")
    result = cli("compare", "--scenario", str(path))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {path}: {problem}"


def test_bad_policy_file(cli, tmp_path):
    path = tmp_path / "policy.yaml"
    path.write_text("tiers:\n  1: {model: gpt-5-nano}\n  2: {model: deepseek-v4-flash}\n")
    result = cli("compare", "--policy", str(path))
    assert result.exit_code == 2
    assert "tiers: needs all three tiers" in result.stderr


def test_a_date_a_usage_frame_cannot_hold_is_refused_by_name(cli):
    result = cli("compare", "--as-of", "2999-12-31")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --as-of '2999-12-31': costsim handles dates from 1678-01-01 to 2261-12-31"
    assert cli("compare", "--as-of", "2261-12-31", "--format", "json").exit_code == 0  # the last day it holds


def test_a_plan_too_large_for_integer_counts_is_refused_not_overflowed(cli):
    # the sprint's profile: 2,000 input + 1,000 output tokens a request
    result = cli("compare", "--requests", str(10**20))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: the plan comes to {10**20 * (2_000 + 1_000):,} tokens, more than costsim counts ({10**18:,}); "
        "plan fewer requests or fewer tokens per request")
    big = cli("compare", "--requests", str(10**14), "--format", "json")  # 3 * 10**17 tokens: still counted exactly
    assert big.exit_code == 0
    tokens = json.loads(big.stdout)["tokens"]
    assert (tokens["input"], tokens["output"]) == (10**14 * 2_000, 10**14 * 1_000)


def test_classifier_calls_too_many_to_count_are_refused_not_wrapped(cli):
    # 10**13 requests, each read by a classifier with 10**7 input + 5 output tokens: past int64, where the
    # product wrapped to a negative smart + classifier cost before
    result = cli("compare", "--requests", str(10**13), "--classifier-model", "gpt-5-nano",
                 "--classifier-input-tokens", str(10**7))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: --classifier-input-tokens/--classifier-output-tokens: the classifier's calls come to "
        f"{10**13 * (10**7 + 5):,} tokens, more than costsim counts ({10**18:,})")


@pytest.mark.parametrize("change, problem", [
    ("1e400", "the change must be <= 1,000,000,000,000,000, got 1e400"),
    ("nan", "the change must be a finite number, got 'nan'"),
    ("+2000000%", "a rise of more than 1,000,000% is no what-if costsim prices"),
    ("abc", "'abc' is not a number or a percentage change"),
])
def test_a_what_if_past_what_a_price_can_be_is_refused_by_name(cli, change, problem):
    result = cli("compare", "--what-if", f"claude-opus-4-7.input={change}")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: --what-if 'claude-opus-4-7.input={change}': {problem}"
