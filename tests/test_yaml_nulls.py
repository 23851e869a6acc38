"""A key written with no value (`key:` is YAML null) takes its default or fails in one named line.

Before mypy checked yamlio's callers, a null in a required key reached `.strip()` or `Path()` as None
(a traceback) or slipped through as a None count; a null in a key with a default bypassed the default.
"""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from costsim.ci.config import load_config
from costsim.cli.app import app
from costsim.errors import ConfigError, PricingError
from costsim.paths import bundled
from costsim.pricing.caches import load_cache_book
from costsim.routing.policy import load_policy
from costsim.routing.rules import KeywordRules
from costsim.simulate.scenario import load_scenario

TIERS = "tiers:\n  1: {model: gpt-5-nano}\n  2: {model: gpt-5-mini}\n  3: {model: gpt-5}\n"


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_null_with_a_default_takes_the_default(tmp_path):
    assert load_config(write(tmp_path, "costsim.yaml", "strategy:\n")).strategy == "smart"
    policy = load_policy(write(tmp_path, "policy.yaml", TIERS + "token_thresholds: {short_below_tokens: }\n"))
    assert policy.rules.short_below_tokens == KeywordRules().short_below_tokens


@pytest.mark.parametrize("name, text, load, error, where", [
    ("costsim.yaml", "policy:\n", load_config, ConfigError, "policy"),
    ("policy.yaml", TIERS.replace("{model: gpt-5-nano}", "{model: }"), load_policy, ConfigError, "tiers.1.model"),
    ("plan.yaml", "requests:\ndistribution: 50/50/0\n", lambda p: load_scenario(p, load_policy()), ConfigError,
     "requests"),
    ("caches.yaml", re.sub(r"(?m)^( +source_url:) \S+", r"\1", bundled("pricing/caches.yaml").read_text("utf-8"),
                           count=1),
     lambda p: load_cache_book(path=p), PricingError, None),
])
def test_null_in_a_required_key_is_a_named_error(tmp_path, name, text, load, error, where):
    path = write(tmp_path, name, text)
    if where is None:  # caches.yaml: the first provider's source_url, whichever provider comes first
        where = r"providers\.[a-z_]+\.source_url"
    with pytest.raises(error, match=rf"{where}: needs a value") as caught:
        load(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("text, field", [
    ("provider:\nmodels:\n  - id: acme-1\n    prices: [{from: 2026-01-01, usd_per_mtok: {input: 1, output: 2}}]\n",
     "provider"),
    ("provider: acme\nmodels:\n  - id:\n    prices: [{from: 2026-01-01, usd_per_mtok: {input: 1, output: 2}}]\n",
     "models[0].id"),
    ("provider: acme\nmodels:\n  - id: acme-1\n    prices: [{from: , usd_per_mtok: {input: 1, output: 2}}]\n",
     "models[0] (acme-1).prices[0].from"),
])
def test_null_in_a_price_table_is_one_line_exit_2(tmp_path, text, field):
    path = write(tmp_path, "table.yaml", text)
    result = CliRunner().invoke(app, ["pricing", "validate", str(path)])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().splitlines() == [f"error: {path}: {field}: needs a value"]
