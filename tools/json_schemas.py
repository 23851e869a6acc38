"""Write the JSON Schema of every JSON output costsim writes, and of the price tables, into schema/.

    python tools/json_schemas.py          # (re)write schema/*.schema.json
    python tools/json_schemas.py --check  # exit 1 when a committed schema differs from the generated one

Each output's schema is generated from the typed classes its JSON is written from
(`costsim.report.jsonshape.schema_of` walks the same fields `to_json` writes), so a field added to a class
shows in the schema at the next run, and tests/test_schemas.py fails until the schema is committed. The
price-table schema is built from the strict loader's own key lists (pricing/prices.py), for editors:
each hand-kept table names it in a `# yaml-language-server: $schema=` header.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from costsim.frame import CALL_KINDS, RATE_KINDS  # noqa: E402
from costsim.pricing.prices import SERVICE_TIERS, TOP_KEYS  # noqa: E402
from costsim.render.ci import CheckJson, DiffJson  # noqa: E402
from costsim.render.models import ModelTable  # noqa: E402
from costsim.render.quality import EvaluateJson  # noqa: E402
from costsim.report import Report  # noqa: E402
from costsim.report.jsonshape import envelope_schema, schema_of  # noqa: E402
from costsim.report.parts import SweepResult  # noqa: E402

SCHEMA_DIR = ROOT / "schema"
BASE = "https://costsim.invalid/schema/"  # an id, never fetched: costsim reaches no network


def output_schemas() -> dict[str, dict]:
    report_head = {"schema_version": envelope_schema("estimate")["schema_version"],
                   "generator": envelope_schema("estimate")["generator"]}
    return {
        "report.schema.json": schema_of(Report, title="costsim compare / estimate --format json", head=report_head),
        "sweep.schema.json": schema_of(SweepResult, title="costsim sweep --format json", head=envelope_schema("sweep")),
        "check.schema.json": schema_of(CheckJson, title="costsim check --format json", head=envelope_schema("check")),
        "diff.schema.json": schema_of(DiffJson, title="costsim diff --format json", head=envelope_schema("diff")),
        "models.schema.json": schema_of(ModelTable, title="costsim models --format json",
                                        head=envelope_schema("models")),
        "evaluate.schema.json": evaluate_schema(),
        "evaluate-files.schema.json": evaluate_files_schema(),
    }


def evaluate_schema() -> dict:
    return schema_of(EvaluateJson, title="costsim evaluate FILE --format json", head=envelope_schema("evaluate"))


def evaluate_files_schema() -> dict:
    """A directory's reports: each file's entry is a whole `evaluate` report, envelope included."""
    one = evaluate_schema()
    defs = one.pop("$defs", {})
    del one["$schema"], one["title"]
    head = envelope_schema("evaluate-files")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "costsim evaluate DIR --format json",
            "type": "object",
            "properties": {**head, "files": {"type": "array", "items": {"$ref": "#/$defs/EvaluateJson"}}},
            "required": [*head, "files"], "additionalProperties": False,
            "$defs": dict(sorted({**defs, "EvaluateJson": one}.items()))}


def price_table_schema() -> dict:
    """The price-table YAML (pricing/*.yaml, --pricing overlays) as editors see it: dates are text."""
    number = {"anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?$"}]}
    percent = {"anyOf": [{"type": "number", "minimum": 0, "maximum": 100},
                         {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?$"}]}
    day = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    names = {"type": "array", "items": {"type": "string", "minLength": 1}}

    def strict(properties: dict, required: tuple[str, ...] = (), **more) -> dict:
        return {"type": "object", "properties": properties, "required": list(required), "additionalProperties": False,
                **more}

    rates = strict({k: {**number, "description": f"USD per million {k.replace('_', ' ')} tokens"} for k in RATE_KINDS},
                   ("input", "output"))
    tier = strict({"usd_per_mtok": {"$ref": "#/$defs/rates"},
                   "long_context": strict({"usd_per_mtok": {"$ref": "#/$defs/rates"}}, ("usd_per_mtok",))},
                  ("usd_per_mtok",))
    period = strict({
        "from": {**day, "description": "the day these prices take effect; each period runs until the next"},
        "usd_per_mtok": {"$ref": "#/$defs/rates"},
        "long_context": strict({"above_prompt_tokens": {"type": "integer", "minimum": 1},
                                "usd_per_mtok": {"$ref": "#/$defs/rates"}}, ("above_prompt_tokens", "usd_per_mtok")),
        "service_tiers": strict({name: tier for name in SERVICE_TIERS}),
        "off_peak": strict({"utc_windows": {"type": "array", "items": {
                                "type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$"}},
                            "weekends_all_day": {"type": "boolean"}, "usd_per_mtok": {"$ref": "#/$defs/rates"}},
                           ("utc_windows", "usd_per_mtok")),
    }, ("from", "usd_per_mtok"))
    model = strict({
        "id": {"type": "string", "minLength": 1}, "name": {"type": "string"}, "aliases": names,
        "prefixes": {"type": "array", "items": {"type": "string", "minLength": 3}},
        "source_url": {"type": "string"}, "source": {"type": "string"}, "checked": day,
        "batch_discount_pct": percent,
        "batch_discount_excludes": {"type": "array", "items": {"enum": list(RATE_KINDS)}},
        "prices": {"type": "array", "items": {"$ref": "#/$defs/period"}, "minItems": 1},
        "token_factor": {"anyOf": [{"type": "number", "minimum": 0.01}, {"type": "string"}]},
        "per_call": strict({kind: number for kind in CALL_KINDS}),
    }, ("id", "prices"))
    top_properties = {
        "provider": {"type": "string", "minLength": 1}, "source_url": {"type": "string"}, "checked": day,
        "models": {"type": "array", "items": {"$ref": "#/$defs/model"}, "minItems": 1},
        "discounts": strict({"providers": {"type": "object", "additionalProperties": percent},
                             "models": {"type": "object", "additionalProperties": percent}}),
        "generated": {}, "hosted": {}, "hand_kept": {"type": "object"},
    }
    assert set(top_properties) == TOP_KEYS, "the loader's top-level keys changed: update this schema"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + "price-table.schema.json",
        "title": "costsim price table (pricing/*.yaml, --pricing overlays)",
        "description": "USD per million tokens. A table needs provider and models; an overlay may hold only "
                       "discounts. costsim's loader checks more than this schema (overlapping periods, "
                       "duplicate ids): run `costsim pricing validate FILE`.",
        **strict(top_properties, anyOf=[{"required": ["provider", "models"]}, {"required": ["discounts"]}]),
        "$defs": {"rates": rates, "period": period, "model": model},
    }


def schemas() -> dict[str, dict]:
    out = {name: {"$id": BASE + name, **schema} for name, schema in output_schemas().items()}
    return {**out, "price-table.schema.json": price_table_schema()}


def text(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for name, schema in schemas().items():
        path = SCHEMA_DIR / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text(schema):
                stale.append(name)
        else:
            SCHEMA_DIR.mkdir(exist_ok=True)
            path.write_text(text(schema), encoding="utf-8")
    if stale:
        print(f"stale: {', '.join(stale)}; run python tools/json_schemas.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
