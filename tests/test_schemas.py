"""The committed JSON Schemas (schema/): each matches what tools/json_schemas.py generates from the typed
classes, real outputs validate against them, and the price-table schema agrees with the strict loader."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import DOC_DAY, REPO, SAMPLES

spec = importlib.util.spec_from_file_location("json_schemas", REPO / "tools" / "json_schemas.py")
json_schemas = importlib.util.module_from_spec(spec)
spec.loader.exec_module(json_schemas)

SCHEMAS = REPO / "schema"


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def validate(instance, name: str) -> None:
    jsonschema.Draft202012Validator(schema(name), format_checker=jsonschema.FormatChecker()).validate(instance)


@pytest.mark.parametrize("name", sorted(json_schemas.schemas()))
def test_the_committed_schema_is_the_generated_one(name):
    committed = (SCHEMAS / name).read_text(encoding="utf-8")
    assert committed == json_schemas.text(json_schemas.schemas()[name]), \
        f"schema/{name} is stale: run python tools/json_schemas.py"


def test_every_committed_schema_is_a_valid_schema():
    for path in SCHEMAS.glob("*.schema.json"):
        jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def run_json(cli, *args) -> dict:
    result = cli(*args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


SAMPLE_LOGS = sorted(p.name for p in (SAMPLES / "logs").iterdir())


@pytest.mark.parametrize("log", SAMPLE_LOGS)
def test_estimate_on_every_bundled_sample_validates(cli, log):
    data = run_json(cli, "estimate", str(SAMPLES / "logs" / log), "--as-of", DOC_DAY)
    assert data["kind"] == "estimate"
    validate(data, "report.schema.json")


@pytest.mark.parametrize("args", [
    [],
    ["--classifier-model", "gpt-5-nano", "--escalation-rate", "10%", "--misroute-rate", "0.2"],
    ["--distribution", "60-70/20-30/5-10", "--samples", "50"],
    ["--cache-share", "90%"],
    ["--what-if", "claude-opus-4-7.input=-30%", "--currency", "EUR", "--rate", "0.9"],
])
def test_compare_validates(cli, args):
    data = run_json(cli, "compare", "--as-of", DOC_DAY, *args)
    assert data["kind"] == "compare"
    validate(data, "report.schema.json")


def test_estimate_with_a_breakdown_and_latency_validates(cli):
    data = run_json(cli, "estimate", str(SAMPLES / "neutral.jsonl"), "--by", "day", "--sticky", "5")
    assert "breakdown" in data
    validate(data, "report.schema.json")


@pytest.mark.parametrize("args", [[], ["--what-if", "claude-opus-4-7.input=-30%", "--classifier-model", "gpt-5-nano"]])
def test_sweep_validates(cli, args):
    data = run_json(cli, "sweep", "--as-of", DOC_DAY, *args)
    assert (data["schema_version"], data["kind"]) == (1, "sweep")
    validate(data, "sweep.schema.json")


def test_check_diff_and_models_validate(cli, tmp_path):
    check = run_json(cli, "check", "--as-of", DOC_DAY, "--max-monthly-cost", "1", "--requests-per-day", "10")
    validate(check, "check.schema.json")
    base, head = tmp_path / "base.json", tmp_path / "head.json"
    assert cli("compare", "--as-of", DOC_DAY, "--format", "json", "--out", str(base)).exit_code == 0
    assert cli("compare", "--as-of", DOC_DAY, "--tier2", "gpt-5-mini", "--format", "json",
               "--out", str(head)).exit_code == 0
    validate(run_json(cli, "diff", str(base), str(head)), "diff.schema.json")
    validate(run_json(cli, "models", "--as-of", DOC_DAY, "--provider", "anthropic"), "models.schema.json")


LABELED = [{"prompt": "rename x to y", "tier": 1}, {"prompt": "implement foo", "tier": 2},
           {"prompt": "debug the race in the payment retries", "tier": 3}, {"prompt": "add a docstring", "tier": 1}]


def write_labeled(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize("args", [[], ["--target-distribution", "50/25/25"]])
def test_evaluate_validates(cli, tmp_path, args):
    data = run_json(cli, "evaluate", str(write_labeled(tmp_path / "labeled.jsonl", LABELED)), "--as-of", DOC_DAY,
                    "--classifier", "keywords", "--classifier", "learned", *args)
    assert (data["schema_version"], data["kind"]) == (2, "evaluate")
    assert [r["forced_split"] for r in data["rows"]] == [False, False, *([True] if args else [])]
    validate(data, "evaluate.schema.json")
    with pytest.raises(jsonschema.ValidationError):  # money is an exact decimal string, never a float
        validate({**data, "rows": [{**data["rows"][0], "mistake_cost_usd": 0.5}]}, "evaluate.schema.json")


def test_evaluate_of_a_directory_validates(cli, tmp_path):
    (tmp_path / "probes").mkdir()
    write_labeled(tmp_path / "probes" / "a.jsonl", LABELED[:2])
    write_labeled(tmp_path / "probes" / "b.jsonl", LABELED[2:])
    data = run_json(cli, "evaluate", str(tmp_path / "probes"), "--as-of", DOC_DAY, "--classifier", "keywords")
    assert [f["kind"] for f in data["files"]] == ["evaluate", "evaluate"]
    validate(data, "evaluate-files.schema.json")
    with pytest.raises(jsonschema.ValidationError):
        validate({**data, "files": [{**data["files"][0], "surprise": 1}]}, "evaluate-files.schema.json")


def test_a_report_that_breaks_the_schema_is_caught(cli):
    """The schema is not vacuous: a renamed, an unknown or a float-money field fails it."""
    data = run_json(cli, "compare", "--as-of", DOC_DAY)
    for broken in ({**data, "surprise": 1},
                   {k: v for k, v in data.items() if k != "accounting"},
                   {**data, "strategies": [{**data["strategies"][0], "cost_usd": 7.0}]}):
        with pytest.raises(jsonschema.ValidationError):
            validate(broken, "report.schema.json")


# ---- the price tables ------------------------------------------------------------------------------

HEADER = "# yaml-language-server: $schema=../schema/price-table.schema.json"


def hand_kept_tables() -> list[Path]:
    return sorted(p for p in (REPO / "pricing").glob("*.yaml") if p.name not in {"policy.yaml", "caches.yaml"})


def as_editors_see_it(value):
    """YAML's own dates become text, as an editor's language server reads them."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): as_editors_see_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editors_see_it(v) for v in value]
    return value


@pytest.mark.parametrize("path", hand_kept_tables() + sorted((REPO / "pricing" / "generated").glob("*.yaml")),
                         ids=lambda p: p.name)
def test_every_bundled_table_validates(path):
    validate(as_editors_see_it(yaml.safe_load(path.read_text(encoding="utf-8"))), "price-table.schema.json")


@pytest.mark.parametrize("path", hand_kept_tables(), ids=lambda p: p.name)
def test_every_hand_kept_table_names_the_schema_for_editors(path):
    assert HEADER in path.read_text(encoding="utf-8").splitlines()[:3]


GOOD = """provider: acme
models:
  - id: acme-1
    prices:
      - from: 2026-01-01
        usd_per_mtok: {input: 1, output: 2}
"""
BAD = {
    "unknown key": GOOD.replace("    prices:", "    colour: red\n    prices:"),
    "missing output price": GOOD.replace(", output: 2", ""),
    "negative price": GOOD.replace("input: 1", "input: -1"),
    "period without a date": GOOD.replace("      - from: 2026-01-01\n        usd_per_mtok", "      - usd_per_mtok"),
    "no models": "provider: acme\nmodels: []\n",
    "bad off-peak window":
        GOOD + "        off_peak: {utc_windows: ['25:00-01:00'], usd_per_mtok: {input: 1, output: 1}}\n",
    "unknown service tier": GOOD + "        service_tiers: {turbo: {usd_per_mtok: {input: 1, output: 1}}}\n",
}


def loader_accepts(tmp_path: Path, text: str) -> bool:
    from costsim.errors import CostsimError
    from costsim.pricing.prices import parse_table

    path = tmp_path / "table.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        parse_table(path)
    except CostsimError:
        return False
    return True


def schema_accepts(text: str) -> bool:
    try:
        validate(as_editors_see_it(yaml.safe_load(text)), "price-table.schema.json")
    except jsonschema.ValidationError:
        return False
    return True


def test_the_loader_and_the_schema_agree_on_a_good_table(tmp_path):
    assert loader_accepts(tmp_path, GOOD) and schema_accepts(GOOD)


@pytest.mark.parametrize("case", sorted(BAD))
def test_the_loader_and_the_schema_agree_on_bad_tables(tmp_path, case):
    assert not loader_accepts(tmp_path, BAD[case]), case
    assert not schema_accepts(BAD[case]), case
