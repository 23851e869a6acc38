"""`costsim models`: the price table with tiers and one request's cost."""

from __future__ import annotations

import json
from decimal import Decimal

from conftest import DOC_DAY


def rows(cli, *args):
    result = cli("models", "--as-of", DOC_DAY, "-f", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_request_cost_and_tier(cli):
    data = {r["model"]: r for r in rows(cli)}
    opus = data["claude-opus-4-7"]
    assert Decimal(opus["request_cost_usd"]) == Decimal(2000 * 5 + 1000 * 25) / 10**6
    assert opus["tier"] == "3" and data["gpt-5-nano"]["tier"] == "1" and data["deepseek-v4-flash"]["tier"] == "2"


def test_sorted_by_cost_and_filtered(cli):
    data = rows(cli, "--provider", "anthropic", "--input-tokens", "10000", "--output-tokens", "0")
    assert {r["provider"] for r in data} == {"anthropic"}
    costs = [Decimal(r["request_cost_usd"]) for r in data]
    assert costs == sorted(costs)
    haiku = next(r for r in data if r["model"] == "claude-haiku-4-5")
    assert Decimal(haiku["request_cost_usd"]) == Decimal(10000 * 1) / 10**6


def test_table_and_bad_provider(cli):
    table = cli("models", "--as-of", DOC_DAY)
    assert table.exit_code == 0 and "claude-opus-4-7" in table.stdout and "$0.035" in table.stdout
    bad = cli("models", "--provider", "acme")
    assert bad.exit_code == 2 and "--provider 'acme': no models" in bad.stderr
