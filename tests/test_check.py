"""`costsim check`: projections computed by hand, every verdict and exit code, GitHub output."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from costsim.cli.app import app

runner = CliRunner()
AS_OF = ["--as-of", "2026-05-14"]

# The document's prices on 2026-05-14, USD per Mtok (input, output): GPT-5 Nano 0.05/0.40,
# DeepSeek V4 Flash 0.14/0.28, Claude Opus 4.7 5/25. One request = 2,000 input + 1,000 output tokens.
NANO = Decimal("0.05") * 2000 + Decimal("0.40") * 1000      # 500 USD·tok/Mtok
FLASH = Decimal("0.14") * 2000 + Decimal("0.28") * 1000     # 560
OPUS = Decimal(5) * 2000 + Decimal(25) * 1000                # 35,000
# 200 requests at 65/25/10 = 130/50/20 requests on tiers 1/2/3.
SMART_PER_REQUEST = (130 * NANO + 50 * FLASH + 20 * OPUS) / 10**6 / 200   # $0.003965
MONTHLY_2000_PER_DAY = SMART_PER_REQUEST * 2000 * 30                       # $237.90
SAVINGS_PCT = (1 - SMART_PER_REQUEST / (OPUS / 10**6)) * 100                # 88.67%


def run(*args, env=None):
    return runner.invoke(app, ["check", *args, *AS_OF], env=env)


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    """Each test runs in an empty folder, so no stray ./costsim.yaml is picked up."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def test_hand_figures():
    assert SMART_PER_REQUEST == Decimal("0.003965")
    assert MONTHLY_2000_PER_DAY == Decimal("237.9")


def test_flags_only_within_cap_exits_0():
    result = run("--max-monthly-cost", "500", "--requests-per-day", "2000", "--distribution", "65/25/10")
    assert result.exit_code == 0, result.output
    assert "$237.90" in result.output and "within caps" in result.output


def test_flags_only_over_fail_level_exits_1():
    result = run("--max-monthly-cost", "200", "--requests-per-day", "2000", "--distribution", "65/25/10")
    assert result.exit_code == 1, result.output
    assert "cap exceeded" in result.output


def test_warning_never_fails_the_build():
    result = run("--warn-monthly-cost", "200", "--max-monthly-cost", "500", "--requests-per-day", "2000")
    assert result.exit_code == 0, result.output
    assert "warning" in result.output


def test_equal_to_the_cap_is_within_it():
    result = run("--max-monthly-cost", str(MONTHLY_2000_PER_DAY), "--requests-per-day", "2000")
    assert result.exit_code == 0, result.output


def test_json_figures_are_exact():
    result = run("--max-monthly-cost", "500", "--requests-per-month", "60000", "--format", "json")
    assert result.exit_code == 0, result.output
    subject = json.loads(result.output)["subjects"][0]
    assert Decimal(subject["monthly_cost_usd"]) == SMART_PER_REQUEST * 60000
    assert Decimal(subject["cost_per_request_usd"]) == SMART_PER_REQUEST
    assert subject["caps"][0] == {"key": "monthly_cost_usd", "status": "ok", "actual": "237.9",
                                  "warn": "—", "fail": "$500.00",
                                  "message": "Projected monthly cost $237.90 is within the caps"}


def test_cost_per_request_cap():
    over = run("--max-cost-per-request", "0.0039", "--requests-per-day", "1")
    assert over.exit_code == 1, over.output
    under = run("--max-cost-per-request", "0.004", "--requests-per-day", "1")
    assert under.exit_code == 0, under.output


def test_min_savings_cap_warn_and_fail():
    assert SAVINGS_PCT > 88 and SAVINGS_PCT < 89
    warn = run("--warn-savings", "89", "--min-savings", "80", "--requests-per-day", "1")
    assert warn.exit_code == 0 and "warning" in warn.output, warn.output
    fail = run("--warn-savings", "95", "--min-savings", "89", "--requests-per-day", "1")
    assert fail.exit_code == 1, fail.output


def test_models_allowed_resolves_aliases_and_fails_outside():
    ok = run("--allow-model", "gpt-5-nano", "--allow-model", "deepseek-v4-flash", "--allow-model", "claude-opus-4-7",
             "--requests-per-day", "1")
    assert ok.exit_code == 0, ok.output
    bad = run("--allow-model", "gpt-5-nano", "--requests-per-day", "1", "--format", "json")
    assert bad.exit_code == 1
    cap = json.loads(bad.output)["subjects"][0]["caps"][0]
    assert cap["status"] == "fail" and "claude-opus-4-7" in cap["message"]


def test_other_strategy_is_held():
    # all_frontier: every request on Opus, $0.035 per request; 1,000 requests/month = $35.
    result = run("--strategy", "all_frontier", "--max-monthly-cost", "34.99", "--requests-per-month", "1000",
                 "--format", "json")
    assert result.exit_code == 1
    assert Decimal(json.loads(result.output)["subjects"][0]["monthly_cost_usd"]) == OPUS / 10**6 * 1000


def test_unknown_strategy_is_exit_2():
    result = run("--strategy", "cheapest", "--requests-per-day", "1", "--max-monthly-cost", "1")
    assert result.exit_code == 2
    assert "strategy" in result.output and "cheapest" in result.output


def test_scenario_needs_a_projection():
    result = run("--max-monthly-cost", "500")
    assert result.exit_code == 2
    assert "--requests-per-day" in result.output


@pytest.mark.parametrize("flags, words", [
    (["--max-monthly-cost", "-1"], "--max-monthly-cost"),
    (["--max-monthly-cost", "abc"], "must be a number"),
    (["--max-monthly-cost", "100", "--warn-monthly-cost", "200"], "warn 200 is above fail 100"),
    (["--min-savings", "90", "--warn-savings", "80"], "warn 80 is below fail 90"),
    (["--requests-per-day", "0"], "more than 0"),
    (["--scenario", "missing.yaml"], "missing.yaml"),
    (["--logs", "missing.jsonl"], "missing.jsonl"),
    (["--config", "nope.yaml"], "nope.yaml"),
])
def test_bad_flags_exit_2_never_1(flags, words):
    result = run(*flags, "--requests-per-month", "10") if "--requests-per-day" not in flags else run(*flags)
    assert result.exit_code == 2, result.output
    assert words in result.output
    assert len(result.output.strip().splitlines()) == 1


# ---- logs: the span extrapolated to a 30-day month ----------------------------------------------

def write_log(path):
    rows = [("2026-05-01T00:00:00Z", 1), ("2026-05-01T12:00:00Z", 2), ("2026-05-02T00:00:00Z", 3)]
    path.write_text("".join(json.dumps({"timestamp": t, "model": "claude-opus-4-7", "input_tokens": 2000,
                                        "output_tokens": 1000, "tier": tier}) + "\n" for t, tier in rows))
    return path


def test_logs_span_projection(tmp_path):
    log = write_log(tmp_path / "calls.jsonl")
    result = run("--logs", str(log), "--max-monthly-cost", "1", "--format", "json")
    # 3 requests over 24 hours → 3 × 30 = 90 requests a month; smart: one request per tier.
    smart_per_request = (NANO + FLASH + OPUS) / 10**6 / 3
    subject = json.loads(result.output)["subjects"][0]
    assert Decimal(subject["requests_per_month"]) == 90
    assert Decimal(subject["monthly_cost_usd"]) == smart_per_request * 90   # $1.0818
    assert result.exit_code == 1


def test_logs_as_logged_with_rate(tmp_path):
    log = write_log(tmp_path / "calls.jsonl")
    result = run("--logs", str(log), "--strategy", "as_logged", "--requests-per-day", "100",
                 "--max-monthly-cost", "105", "--format", "json")
    # as logged: every request on Opus, $0.035 each; 100/day × 30 days × $0.035 = $105, equal to the cap.
    assert result.exit_code == 0, result.output
    assert Decimal(json.loads(result.output)["subjects"][0]["monthly_cost_usd"]) == OPUS / 10**6 * 3000


def test_a_folder_of_logs_is_named_by_its_first_files(tmp_path):
    """A check over a folder of many logs names three of them and counts the rest, not all of them."""
    for i in range(5):
        write_log(tmp_path / f"calls-{i}.jsonl")
    result = run("--logs", str(tmp_path), "--max-monthly-cost", "1000", "--format", "json")
    name = json.loads(result.output)["subjects"][0]["name"]
    assert name.startswith("logs: ") and name.endswith(" and 2 more"), name
    assert name.count("calls-") == 3


def test_log_with_no_span_is_exit_2(tmp_path):
    log = tmp_path / "one.jsonl"
    log.write_text(json.dumps({"timestamp": "2026-05-01T00:00:00Z", "model": "gpt-5-nano", "input_tokens": 1,
                               "output_tokens": 1}) + "\n")
    result = run("--logs", str(log), "--max-monthly-cost", "1")
    assert result.exit_code == 2
    assert "spans no time" in result.output


def test_estimate_report_carries_the_span(tmp_path):
    log = write_log(tmp_path / "calls.jsonl")
    result = runner.invoke(app, ["estimate", str(log), "--format", "json", *AS_OF])
    data = json.loads(result.output)
    assert data["first_timestamp"] == "2026-05-01T00:00:00+00:00"
    assert data["last_timestamp"] == "2026-05-02T00:00:00+00:00"


# ---- the config file ------------------------------------------------------------------------------

CONFIG = """
inputs:
  distribution: 65/25/10
projection:
  requests_per_day: 2000
caps:
  monthly_cost_usd: {warn: 200, fail: 500}
  cost_per_request_usd: {fail: "0.005"}
  min_savings_vs_frontier_pct: {warn: 85, fail: 80}
  models_allowed: {fail: [gpt-5-nano, deepseek-v4-flash, claude-opus-4-7]}
"""


def test_config_in_current_folder_is_found(tmp_path):
    (tmp_path / "costsim.yaml").write_text(CONFIG)
    result = run("--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["status"] == "warn"
    assert [c["status"] for c in data["subjects"][0]["caps"]] == ["warn", "ok", "ok", "ok"]


def test_flags_override_the_config(tmp_path):
    (tmp_path / "costsim.yaml").write_text(CONFIG)
    result = run("--max-monthly-cost", "230", "--warn-monthly-cost", "100")
    assert result.exit_code == 1, result.output


def test_github_format_writes_step_summary(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run("--max-monthly-cost", "200", "--warn-cost-per-request", "0.001", "--requests-per-day", "2000",
                 "--format", "github")
    assert result.exit_code == 1
    written = summary.read_text()
    assert written.startswith("earlier step\n## costsim check: ❌ cap exceeded")
    assert "| Projected monthly cost | $237.90 | — | $200.00 | ❌ cap exceeded |" in written
    lines = result.output.splitlines()
    assert any(line.startswith("::error title=costsim::") and "$237.90" in line and "$200.00" in line
               for line in lines)
    assert any(line.startswith("::warning title=costsim::") and "Cost per request" in line for line in lines)
    assert "| Cap |" not in result.output   # the table went to the summary, not the log


def test_github_format_without_summary_prints_markdown():
    result = run("--max-monthly-cost", "500", "--requests-per-day", "2000", "--format", "github")
    assert result.exit_code == 0
    assert "## costsim check: ✅ within caps" in result.output
    assert "::" not in result.output


def test_markdown_out_file(tmp_path):
    out = tmp_path / "comment.md"
    result = run("--max-monthly-cost", "500", "--requests-per-day", "2000", "--format", "markdown", "--out", str(out))
    assert result.exit_code == 0
    assert out.read_text().startswith("## costsim check: ✅ within caps")


def test_sample_config_passes_at_the_document_date():
    from costsim.paths import bundled

    result = run("--config", str(bundled("samples/costsim.yaml")), "--format", "json")
    # $237.90 < warn $400; $0.003965 < warn $0.005; 88.67% > warn 85%; all three models in `warn`.
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["status"] == "ok"


@pytest.mark.parametrize("option, value", [("--max-monthly-cost", "1e400"), ("--requests-per-day", "1e30")])
def test_a_number_past_what_costsim_counts_is_refused_by_name(option, value):
    args = {"--max-monthly-cost": "500", "--requests-per-day": "2000", option: value}
    result = run(*[x for pair in args.items() for x in pair])
    assert result.exit_code == 2
    assert result.output.strip().endswith(f"error: {option} {value!r}: must be <= 1,000,000,000,000,000, got {value}")


def test_the_largest_rate_costsim_counts_still_projects_exactly():
    result = run("--max-monthly-cost", "1", "--requests-per-day", str(10**15), "--format", "json")
    assert result.exit_code == 1, result.output
    assert Decimal(json.loads(result.stdout)["subjects"][0]["monthly_cost_usd"]) == SMART_PER_REQUEST * 10**15 * 30
