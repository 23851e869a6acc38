"""`costsim diff`: saved JSON reports compared per strategy, tier and model, with increase caps."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from costsim.cli.app import app

runner = CliRunner()

# Per-request cost at the document's 2026-05-14 prices, 2,000 input + 1,000 output tokens, in USD·tok/Mtok.
NANO, FLASH, OPUS = 2000 * Decimal("0.05") + 1000 * Decimal("0.40"), 2000 * Decimal("0.14") + 1000 * Decimal("0.28"), \
    Decimal(2000 * 5 + 1000 * 25)
BASE_SMART = (130 * NANO + 50 * FLASH + 20 * OPUS) / 10**6   # 65/25/10 of 200 requests: $0.793
HEAD_SMART = (110 * NANO + 60 * FLASH + 30 * OPUS) / 10**6   # 55/30/15 of 200 requests: $1.1386
INCREASE = HEAD_SMART - BASE_SMART                              # +$0.3456
INCREASE_PCT = INCREASE / BASE_SMART * 100                      # +43.58%


@pytest.fixture
def reports(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    paths = {}
    for name, mix in (("base", "65/25/10"), ("head", "55/30/15")):
        paths[name] = tmp_path / f"{name}.json"
        result = runner.invoke(app, ["compare", "--distribution", mix, "--as-of", "2026-05-14",
                                     "--format", "json", "--out", str(paths[name])])
        assert result.exit_code == 0, result.output
    return paths["base"], paths["head"]


def diff(base, head, *args):
    return runner.invoke(app, ["diff", str(base), str(head), *args])


def test_saved_report_is_versioned(reports):
    data = json.loads(reports[0].read_text())
    assert data["schema_version"] == 1
    assert Decimal(data["strategies"][2]["cost_usd"]) == BASE_SMART


def test_changes_per_strategy_tier_and_model(reports):
    result = diff(*reports, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    rows = {(c["strategy"], c["scope"], c["item"]): c for c in data["changes"]}
    smart = rows[("smart", "total", "all")]
    assert Decimal(smart["base_usd"]) == BASE_SMART and Decimal(smart["head_usd"]) == HEAD_SMART
    assert Decimal(smart["change_usd"]) == INCREASE
    assert Decimal(smart["change_pct"]) == INCREASE_PCT
    tier3 = rows[("smart", "tier", "3 · Complex")]
    assert Decimal(tier3["change_usd"]) == 10 * OPUS / 10**6          # 10 more tier-3 requests on Opus
    assert Decimal(tier3["change_pct"]) == 50                          # 20 → 30 requests
    nano = rows[("smart", "model", "gpt-5-nano")]
    assert Decimal(nano["change_usd"]) == -20 * NANO / 10**6
    frontier = rows[("all_frontier", "total", "all")]
    assert Decimal(frontier["change_usd"]) == 0 and Decimal(frontier["change_pct"]) == 0


@pytest.mark.parametrize("flags, code, status", [
    (["--fail-on-increase", "10%"], 1, "fail"),
    (["--fail-on-increase", "50%"], 0, "ok"),
    (["--fail-on-increase", "$0.34"], 1, "fail"),     # +$0.3456 > $0.34
    (["--fail-on-increase", "$0.35"], 0, "ok"),
    (["--warn-on-increase", "10%", "--fail-on-increase", "50%"], 0, "warn"),
    (["--warn-on-increase", "$0.01"], 0, "warn"),
    (["--fail-on-increase", "10%", "--strategy", "all_frontier"], 0, "ok"),   # all-frontier did not change
])
def test_increase_caps(reports, flags, code, status):
    result = diff(*reports, *flags, "--format", "json")
    assert result.exit_code == code, result.output
    assert json.loads(result.output)["status"] == status


def test_a_decrease_never_crosses(reports):
    base, head = reports
    result = diff(head, base, "--fail-on-increase", "0%")
    assert result.exit_code == 0, result.output


def test_markdown_table(reports):
    result = diff(*reports, "--fail-on-increase", "10%", "--format", "markdown")
    assert result.exit_code == 1
    assert result.output.startswith("## costsim diff: ❌ cap exceeded")
    assert "| smart | total | $0.793 | $1.14 | +$0.3456 | +43.6% |" in result.output


def test_github_output(reports, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = diff(*reports, "--warn-on-increase", "10%", "--fail-on-increase", "50%", "--format", "github")
    assert result.exit_code == 0
    assert summary.read_text().startswith("## costsim diff: ⚠️ warning")
    assert "::warning title=costsim::smart cost rises +$0.3456 (+43.6%25), above the warn level +10%25" \
        in result.output.splitlines()
    assert "::error" not in result.output


def test_different_schema_versions_exit_2(reports):
    base, head = reports
    data = json.loads(head.read_text())
    data["schema_version"] = 2
    head.write_text(json.dumps(data))
    result = diff(base, head, "--fail-on-increase", "10%")
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: {head}: schema_version: 2 differs from 1 in {base}; "
                                     "regenerate both reports with the same costsim")


@pytest.mark.parametrize("mutate, words", [
    (lambda d: d.pop("schema_version"), "schema_version: missing"),
    (lambda d: d["strategies"][2].pop("cost_usd"), "strategies[2].cost_usd: missing"),
    (lambda d: d["strategies"][2].update(cost_usd="lots"), "strategies[2].cost_usd: must be a number"),
    (lambda d: d.update(strategies=[s for s in d["strategies"] if s["key"] != "smart"]), "no 'smart'"),
])
def test_broken_report_exit_2(reports, mutate, words):
    base, head = reports
    data = json.loads(head.read_text())
    mutate(data)
    head.write_text(json.dumps(data))
    result = diff(base, head)
    assert result.exit_code == 2
    assert str(head) in result.output and words in result.output


@pytest.mark.parametrize("flags, words", [
    (["--fail-on-increase", "10"], "give a percentage (10%) or a dollar amount ($50)"),
    (["--fail-on-increase", "%"], "a cap needs a number"),
    (["--fail-on-increase", "-5%"], "must be >= 0"),
    (["--warn-on-increase", "20%", "--fail-on-increase", "10%"], "is above --fail-on-increase"),
])
def test_bad_caps_exit_2(reports, flags, words):
    result = diff(*reports, *flags)
    assert result.exit_code == 2
    assert words in result.output


def test_missing_and_non_json_files_exit_2(reports, tmp_path):
    base, _ = reports
    assert diff(base, tmp_path / "gone.json").exit_code == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = diff(base, bad)
    assert result.exit_code == 2 and "not JSON" in result.output
