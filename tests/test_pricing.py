"""`costsim pricing validate` (bad price files: one line naming file, model and field; exit 2) and
`costsim pricing import` (LiteLLM and genai-prices maps → costsim YAML)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from costsim.cli.app import app
from costsim.pricing.prices import parse_table

runner = CliRunner()

GOOD = """provider: acme
models:
  - id: acme-1
    prices:
      - from: 2026-01-01
        usd_per_mtok: {input: 1, output: 2}
"""


def validate(tmp_path, text, name="table.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return runner.invoke(app, ["pricing", "validate", str(path)]), str(path)


def test_a_good_file_and_the_bundled_tables_validate(tmp_path):
    result, path = validate(tmp_path, GOOD)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"ok: {path}: 1 model(s)\n"
    bundled = runner.invoke(app, ["pricing", "validate", "pricing/anthropic.yaml", "pricing/openai.yaml",
                                  "pricing/google.yaml", "pricing/deepseek.yaml"])
    assert bundled.exit_code == 0, bundled.output


@pytest.mark.parametrize(
    "text, field, problem",
    [
        (
            GOOD.replace("output: 2}", "output: 2, reasoning: 3}"),
            "models[0] (acme-1).prices[0].usd_per_mtok",
            "unknown key 'reasoning'",
        ),
        (GOOD.replace("    prices:", "    colour: red\n    prices:"), "models[0] (acme-1)", "unknown key 'colour'"),
        (GOOD.replace("input: 1,", "input: -1,"), "models[0] (acme-1).prices[0].usd_per_mtok.input", "must be >= 0"),
        (
            GOOD + "      - from: 2026-01-01\n        usd_per_mtok: {input: 3, output: 4}\n",
            "models[0] (acme-1).prices[1].from",
            "overlapping price periods",
        ),
        (
            GOOD + "      - from: 2025-06-01\n        usd_per_mtok: {input: 3, output: 4}\n",
            "models[0] (acme-1).prices[1].from",
            "overlapping price periods",
        ),
        (
            GOOD + "        long_context: {above_prompt_tokens: 200000}\n",
            "models[0] (acme-1).prices[0].long_context",
            "missing required key 'usd_per_mtok'",
        ),
        (
            GOOD + "        long_context: {usd_per_mtok: {input: 2, output: 4}}\n",
            "models[0] (acme-1).prices[0].long_context",
            "missing required key 'above_prompt_tokens'",
        ),
        (GOOD + "discounts:\n  providers: {acme: 120}\n", "discounts.providers.acme", "must be <= 100"),
        (GOOD + "discounts:\n  models: {acme-1: -5}\n", "discounts.models.acme-1", "must be >= 0"),
        (
            GOOD + "        off_peak: {utc_windows: ['25:00-01:00'], usd_per_mtok: {input: 1, output: 1}}\n",
            "models[0] (acme-1).prices[0].off_peak.utc_windows",
            "HH:MM-HH:MM",
        ),
        (
            GOOD + "        service_tiers: {turbo: {usd_per_mtok: {input: 1, output: 1}}}\n",
            "models[0] (acme-1).prices[0].service_tiers",
            "unknown key 'turbo'",
        ),
        # a day with a time (YAML's datetime, once an internal error when a log was priced), no such day
        # (once YAML's own bare ValueError), a day no log timestamp can reach
        (GOOD.replace("from: 2026-01-01", "from: 2026-01-01 10:00:00"), "models[0] (acme-1).prices[0].from",
         "must be a date like 2026-05-14, got '2026-01-01 10:00:00'"),
        (GOOD.replace("from: 2026-01-01", "from: 2026-13-01"), "models[0] (acme-1).prices[0].from",
         "must be a date like 2026-05-14, got '2026-13-01'"),
        (GOOD.replace("from: 2026-01-01", "from: 2300-01-01"), "models[0] (acme-1).prices[0].from",
         "2300-01-01: costsim handles dates from 1678-01-01 to 2261-12-31"),
        ("checked: 2026-02-30\n" + GOOD, "checked", "must be a date like 2026-05-14, got '2026-02-30'"),
    ],
)
def test_bad_price_file_is_one_line_naming_file_model_and_field_exit_2(tmp_path, text, field, problem):
    result, path = validate(tmp_path, text)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {path}: {field}")
    assert problem in lines[0]


def test_discount_on_an_unknown_model_is_a_named_error(tmp_path):
    result, path = validate(tmp_path, "discounts:\n  models: {gpt-55: 10}\n")
    assert result.exit_code == 2
    assert f"error: {path}: discounts.models: unknown model 'gpt-55'" in result.stderr
    alias, _ = validate(tmp_path, "discounts:\n  models: {claude-opus-4.7: 10}\n", name="alias.yaml")
    assert alias.exit_code == 0, alias.output


def test_bundled_tables_need_a_checked_date(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(GOOD, encoding="utf-8")
    parse_table(path)  # an overlay may leave it out
    with pytest.raises(Exception, match="missing required key 'checked'"):
        parse_table(path, bundled_table=True)


# ---- import ----------------------------------------------------------------------------------------

LITELLM = {
    "sample_spec": {"input_cost_per_token": 0},
    "gpt-9": {
        "litellm_provider": "openai",
        "input_cost_per_token": 1.25e-06,
        "output_cost_per_token": 1e-05,
        "cache_read_input_token_cost": 1.25e-07,
        "input_cost_per_token_batches": 6.25e-07,
        "output_cost_per_token_batches": 5e-06,
        "input_cost_per_token_flex": 6.25e-07,
        "output_cost_per_token_flex": 5e-06,
        "input_cost_per_token_above_272k_tokens": 2.5e-06,
        "output_cost_per_token_above_272k_tokens": 1.5e-05,
    },
    "deepseek/ds-9": {
        "litellm_provider": "deepseek",
        "input_cost_per_token": 3e-07,
        "output_cost_per_token": 1.2e-06,
        "off_peak_pricing": {
            "input_cost_per_token": 1.5e-07,
            "output_cost_per_token": 6e-07,
            "windows": [
                {"hours_utc": ["00:00-01:00", "04:00-06:00", "10:00-00:00"], "weekdays": [1, 2, 3, 4, 5]},
                {"hours_utc": "00:00-00:00", "weekdays": [6, 7]},
            ],
        },
    },
    "claude-9": {
        "litellm_provider": "anthropic",
        "input_cost_per_token": 5e-06,
        "output_cost_per_token": 2.5e-05,
        "cache_creation_input_token_cost": 6.25e-06,
        "cache_creation_input_token_cost_above_1hr": 1e-05,
    },
    "noprice": {"litellm_provider": "openai", "input_cost_per_token": 1e-06},
}


def run_import(tmp_path, data, models, *extra):
    src = tmp_path / "map.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out.yaml"
    result = runner.invoke(
        app, ["pricing", "import", str(src), "--models", models, "--out", str(out), "--as-of", "2026-11-27", *extra]
    )
    return result, out


def test_import_litellm_converts_per_token_to_per_mtok_with_tiers_batch_and_long_context(tmp_path):
    result, out = run_import(tmp_path, LITELLM, "gpt-9")
    assert result.exit_code == 0, result.output
    (model,) = parse_table(out)
    period = model.periods[0]
    assert (period.rates.input, period.rates.output, period.rates.cache_read) == (Decimal("1.25"), 10, Decimal("0.125"))
    assert model.batch_discount_pct == 50  # 100 − 0.625 × 100 / 1.25
    assert period.service_tier("flex").rates.input == Decimal("0.625")
    assert period.long_context.above_prompt_tokens == 272000 and period.long_context.rates.input == Decimal("2.5")
    assert runner.invoke(app, ["pricing", "validate", str(out)]).exit_code == 0


def test_import_litellm_off_peak_windows_and_cache_writes(tmp_path):
    result, out = run_import(tmp_path, LITELLM, "ds-9")
    assert result.exit_code == 0, result.output
    off_peak = parse_table(out)[0].periods[0].off_peak
    assert off_peak.weekends_all_day and off_peak.rates.input == Decimal("0.15")
    assert off_peak.contains(12 * 60, 2) and not off_peak.contains(2 * 60, 2)  # Wednesday 12:00 vs 02:00
    result, out = run_import(tmp_path, LITELLM, "claude-9")
    rates = parse_table(out)[0].periods[0].rates
    assert (rates.cache_write_5m, rates.cache_write_1h) == (Decimal("6.25"), Decimal("10"))


@pytest.mark.parametrize(
    "models, message",
    [
        ("gpt-99", "unknown model 'gpt-99': not in this map; did you mean gpt-9"),
        ("noprice", "noprice: has no output_cost_per_token (a model with no price is not $0)"),
        ("gpt-9,claude-9", "the models come from several providers (anthropic, openai)"),
    ],
)
def test_import_refuses_missing_models_and_prices(tmp_path, models, message):
    result, _ = run_import(tmp_path, LITELLM, models)
    assert result.exit_code == 2
    assert message in result.stderr


GENAI = [
    {
        "id": "google",
        "models": [
            {
                "id": "gem-9",
                "prices": [
                    {"prices": {"input_mtok": 1, "output_mtok": 4}},
                    {
                        "constraint": {"start_date": "2026-10-01"},
                        "prices": {
                            "input_mtok": {"base": 2, "tiers": [{"start": 200000, "price": 4}]},
                            "output_mtok": 8,
                            "cache_read_mtok": 0.2,
                        },
                    },
                    {
                        "constraint": {"start_time": "01:00:00Z", "end_time": "04:00:00Z"},
                        "prices": {"input_mtok": 9, "output_mtok": 9},
                    },
                ],
            }
        ],
    }
]


def test_import_genai_prices_keeps_history_and_tiers_and_notes_what_it_cannot_import(tmp_path):
    result, out = run_import(tmp_path, GENAI, "gem-9")
    assert result.exit_code == 0, result.output
    (model,) = parse_table(out)
    assert [str(p.starts) for p in model.periods] == ["2000-01-01", "2026-10-01"]
    assert model.periods[1].long_context.above_prompt_tokens == 200000
    assert model.periods[1].long_context.rates.input == 4 and model.periods[1].long_context.rates.output == 8
    assert "time-of-day price" in out.read_text()


def test_validate_takes_the_whole_pricing_folder_policy_included(tmp_path):
    from pathlib import Path

    from typer.testing import CliRunner

    from costsim.cli.app import app

    folder = Path(__file__).resolve().parent.parent / "pricing"
    files = sorted(str(p) for p in folder.glob("*.yaml"))
    result = CliRunner().invoke(app, ["pricing", "validate", *files])
    assert result.exit_code == 0, result.output
    assert "policy.yaml: routing policy" in result.stdout
    bad = tmp_path / "policy.yaml"
    bad.write_text("tiers:\n  1: {model: gpt-5-nano}\n  2: {model: deepseek-v4-flash}\n  3: {model: claude-opus-9}\n")
    result = CliRunner().invoke(app, ["pricing", "validate", str(bad)])
    assert result.exit_code == 2 and "unknown model 'claude-opus-9'" in result.stderr


@pytest.mark.parametrize("value, problem", [
    ("abc", "must be a number, got 'abc'"), (True, "must be a number, got true"), (-1, "must be >= 0, got -1"),
    (1e300, "must be <= 1,000,000,000,000,000, got 1e+300"),
    (float("nan"), "must be a finite number, got NaN"),  # as the JSON map writes it
    (1e10, "must be <= 1,000,000,000,000,000 USD per million tokens, got 10000000000000000"),  # 10^10 * 10^6
])
def test_import_names_a_bad_price_in_the_map_instead_of_writing_it(tmp_path, value, problem):
    entry = {"input_cost_per_token": value, "output_cost_per_token": 1e-6, "litellm_provider": "openai"}
    result, _ = run_import(tmp_path, {"gpt-x": entry}, "gpt-x")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(f"gpt-x.input_cost_per_token: {problem}")


def test_import_names_an_entry_that_is_not_an_object(tmp_path):
    result, _ = run_import(tmp_path, {"gpt-x": "see docs"}, "gpt-x")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("gpt-x: not a price entry (a JSON string, not an object)")


@pytest.mark.parametrize("prices, problem", [
    ("x", "g/m.prices: expected an object, got 'x'"),
    (["x"], "g/m.prices[0]: expected an object, got 'x'"),
    ([{"constraint": "x", "prices": {"input_mtok": 1, "output_mtok": 2}}],
     'g/m.prices[0].constraint: expected an object'),
    ([{"constraint": {"start_date": "soon"}, "prices": {"input_mtok": 1, "output_mtok": 2}}],
     "g/m.prices[0].constraint.start_date: must be a date like 2026-05-14, got 'soon'"),
    ({"input_mtok": {"base": 1, "tiers": "x"}, "output_mtok": 2}, "g/m.input_mtok.tiers: expected a list, got 'x'"),
    ({"input_mtok": {"base": 1, "tiers": ["x"]}, "output_mtok": 2}, 'g/m.input_mtok.tiers[0]: expected an object'),
    ({"input_mtok": {"base": 1, "tiers": [{"start": "abc", "price": 2}]}, "output_mtok": 2},
     "g/m.input_mtok.tiers[0].start: must be a number, got 'abc'"),
    ({"input_mtok": "free", "output_mtok": 2}, "g/m.input_mtok: must be a number, got 'free'"),
])
def test_import_names_a_genai_prices_entry_of_the_wrong_shape(tmp_path, prices, problem):
    result, _ = run_import(tmp_path, [{"id": "g", "models": [{"id": "m", "prices": prices}]}], "m")
    assert result.exit_code == 2
    assert problem in result.stderr.strip().splitlines()[-1]
