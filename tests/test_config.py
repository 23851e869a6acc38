"""costsim.yaml validation: every bad file is one line naming the file and key, exit 2 — never 1."""

from __future__ import annotations

from decimal import Decimal

import pytest
from typer.testing import CliRunner

from costsim.ci.config import LOG_SPAN, Level, ModelsAllowed, Projection, load_config
from costsim.cli.app import app
from costsim.errors import ConfigError
from costsim.paths import bundled

runner = CliRunner()


def write(tmp_path, text: str):
    path = tmp_path / "costsim.yaml"
    path.write_text(text)
    return path


def test_sample_config_loads():
    config = load_config(bundled("samples/costsim.yaml"))
    assert config.projection == Projection(Decimal(2000), "day")
    assert config.caps.monthly_cost_usd == Level(Decimal(400), Decimal(500))
    assert config.strategy == "smart"


def test_full_config(tmp_path):
    (tmp_path / "plan.yaml").write_text("requests: 10\ndistribution: 50/50/0\n")
    path = write(tmp_path, """
inputs:
  scenarios: [plan.yaml]
  logs: [logs/]
  profile: {input_tokens: 100, output_tokens: 50}
projection: {from: log_span}
strategy: all_mid
as_of: 2026-05-14
caps:
  monthly_cost_usd: 500
  cost_per_request_usd: {warn: 0.001, fail: "0.002"}
  min_savings_vs_frontier_pct: {warn: 90}
  models_allowed: [gpt-5-nano]
""")
    config = load_config(path)
    assert config.scenarios == (str(tmp_path / "plan.yaml"),)   # relative to the config's folder
    assert config.logs == (str(tmp_path / "logs"),)
    assert config.projection == Projection(per=LOG_SPAN)
    assert config.caps.monthly_cost_usd == Level(fail=Decimal(500))
    assert config.caps.cost_per_request_usd == Level(Decimal("0.001"), Decimal("0.002"))
    assert config.caps.min_savings_vs_frontier_pct == Level(warn=Decimal(90))
    assert config.caps.models_allowed == ModelsAllowed(fail=("gpt-5-nano",))


@pytest.mark.parametrize("text, words", [
    ("caps:\n  monthly_cost: 5\n", "caps: unknown key 'monthly_cost'"),
    ("budget: 5\n", "unknown key 'budget'"),
    ("caps:\n  monthly_cost_usd: {warn: 10, fial: 20}\n", "caps.monthly_cost_usd: unknown key 'fial'"),
    ("caps:\n  monthly_cost_usd: {}\n", "caps.monthly_cost_usd: a cap needs a number"),
    ("caps:\n  monthly_cost_usd: {fail: }\n", "caps.monthly_cost_usd.fail: must be a number, got null"),
    ("caps:\n  monthly_cost_usd:\n", "caps.monthly_cost_usd: must be a number"),
    ("caps:\n  monthly_cost_usd: {fail: lots}\n", "caps.monthly_cost_usd.fail: must be a number"),
    ("caps:\n  monthly_cost_usd: {fail: -5}\n", "caps.monthly_cost_usd.fail: must be >= 0"),
    ("caps:\n  cost_per_request_usd: -0.1\n", "caps.cost_per_request_usd: must be >= 0"),
    ("caps:\n  monthly_cost_usd: {warn: 600, fail: 500}\n", "caps.monthly_cost_usd: warn 600 is above fail 500"),
    ("caps:\n  min_savings_vs_frontier_pct: {warn: 70, fail: 80}\n", "warn 70 is below fail 80"),
    ("caps:\n  min_savings_vs_frontier_pct: {fail: 120}\n", "must be <= 100"),
    ("caps:\n  models_allowed: {warn: [a, b], fail: [a]}\n", "caps.models_allowed.warn: 'b' is in warn but not"),
    ("caps:\n  models_allowed: {fail: []}\n", "caps.models_allowed.fail: must be a non-empty list"),
    ("projection: {requests_per_day: 10, requests_per_month: 300}\n", "projection: give exactly one"),
    ("projection: {requests_per_day: 0}\n", "projection.requests_per_day: must be more than 0"),
    ("projection: {from: git_log}\n", "projection.from: must be 'log_span'"),
    ("inputs: {scenarios: plan.yaml}\n", "inputs.scenarios: must be a list of paths"),
    ("as_of: yesterday\n", "as_of: must be a date"),
    ("caps: [1, 2]\n", "caps: expected a mapping"),
    ("caps: {monthly_cost_usd: 5\n", "YAML syntax error"),
])
def test_bad_config(tmp_path, text, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert words in str(info.value)
    assert str(info.value).startswith(str(path))


def test_bad_config_through_cli_is_exit_2(tmp_path):
    path = write(tmp_path, "caps:\n  monthly_cost_usd: {warn: 600, fail: 500}\n")
    result = runner.invoke(app, ["check", "--config", str(path), "--requests-per-day", "1", "--as-of", "2026-05-14"])
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: {path}: caps.monthly_cost_usd: warn 600 is above fail 500; "
                                     "the warning must come first (warn <= fail)")


def test_missing_input_file_in_config_is_exit_2(tmp_path):
    path = write(tmp_path, "inputs: {scenarios: [gone.yaml]}\nprojection: {requests_per_day: 1}\n")
    result = runner.invoke(app, ["check", "--config", str(path), "--as-of", "2026-05-14"])
    assert result.exit_code == 2
    assert "gone.yaml" in result.output and "file not found" in result.output


def test_unknown_model_in_allowed_list_is_exit_2(tmp_path):
    path = write(tmp_path, "projection: {requests_per_day: 1}\ncaps: {models_allowed: [gpt-9-ultra]}\n")
    result = runner.invoke(app, ["check", "--config", str(path), "--as-of", "2026-05-14"])
    assert result.exit_code == 2
    assert "gpt-9-ultra" in result.output
