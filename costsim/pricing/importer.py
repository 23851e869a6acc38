"""Community price maps → costsim price tables, offline.

Reads LiteLLM's `model_prices_and_context_window.json` (USD per token, one flat entry per model) or
genai-prices' `data.json` (USD per million tokens, providers → models → prices, optionally with
start-date history and prompt-size tiers), and writes the costsim YAML for the models asked for.
A model asked for that the map lacks, or that has no input/output price, is an error — never $0.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from costsim.errors import PricingError, load_json, read_text, shown
from costsim.pricing.prices import unknown_model_message
from costsim.yamlio import LARGEST, to_day, to_decimal

MTOK = Decimal(1_000_000)
LITELLM_KINDS = {"input": "input_cost_per_token", "output": "output_cost_per_token",
                 "cache_read": "cache_read_input_token_cost", "cache_write_5m": "cache_creation_input_token_cost",
                 "cache_write_1h": "cache_creation_input_token_cost_above_1hr"}
GENAI_KINDS = {"input": "input_mtok", "output": "output_mtok", "cache_read": "cache_read_mtok",
               "cache_write_5m": "cache_write_mtok"}


def _dec(value, where: str, path: Path, scale: Decimal = Decimal(1)) -> Decimal:
    """A price from the map, times `scale`, checked as a price table's are (a number, finite, >= 0, no larger
    than yamlio.LARGEST once scaled): a map's bad value is named here, not written into a table that
    `pricing validate` then refuses."""
    def fail(message: str):
        raise PricingError(f"{where}: {message}", path=path)

    price = to_decimal(value, fail) * scale
    if price > LARGEST:
        fail(f"must be <= {LARGEST:,} USD per million tokens, got {_num(price)}")
    return price


def _num(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _rates(values: dict[str, Decimal]) -> str:
    return "{" + ", ".join(f"{k}: {_num(v)}" for k, v in values.items()) + "}"


def import_table(path: Path, models: list[str], *, day: date, provider: str | None = None) -> str:
    """The YAML text of a costsim price table holding `models` from the map at `path`."""
    try:
        data = load_json(read_text(path, PricingError))
    except json.JSONDecodeError as exc:
        raise PricingError(f"not a JSON price map: {exc.msg}", path=path, line=exc.lineno) from None
    if isinstance(data, dict):
        entries = [_from_litellm(data, name, path) for name in models]
        source = "LiteLLM model_prices_and_context_window.json"
    elif isinstance(data, list):
        entries = [_from_genai(data, name, path) for name in models]
        source = "genai-prices data.json"
    else:
        raise PricingError("not a LiteLLM or genai-prices price map", path=path)
    providers = sorted({e["provider"] for e in entries})
    if provider is None and len(providers) > 1:  # a price table is one provider's: one file each
        runs = "; ".join(f"--models {','.join(e['id'] for e in entries if e['provider'] == p)} --out {p}.yaml"
                         for p in providers)
        raise PricingError(f"--models: the models come from several providers ({', '.join(providers)}) and a price "
                           f"table holds one; import each into its own file ({runs}) and give each with --pricing",
                           path=path)
    lines = [f"# Imported by `costsim pricing import` from {source} ({Path(path).name}) on {day}.",
             "# USD per million tokens. Check with `costsim pricing validate`; use with --pricing FILE.",
             f"checked: {day}", f"provider: {_quoted(provider or providers[0])}", "models:"]
    for e in entries:
        lines += model_lines(e, day)
    return "\n".join(lines) + "\n"


def model_lines(entry: dict, day: date) -> list[str]:
    """One model of a price table as YAML lines: `entry` holds id, periods and, when known, name, aliases,
    prefixes, source, checked, batch discount and notes (written as comments)."""
    def names(key: str) -> list[str]:
        return [f"    {key}: [{', '.join(_quoted(n) for n in entry[key])}]"] if entry.get(key) else []

    lines = [f"  - id: {_quoted(entry['id'])}"]
    if entry.get("name"):
        lines.append(f"    name: {_quoted(entry['name'])}")
    lines += names("aliases") + names("prefixes")
    for key in ("source", "checked", "source_url"):
        if entry.get(key):
            lines.append(f"    {key}: {entry[key] if key == 'checked' else _quoted(str(entry[key]))}")
    if entry.get("batch_discount_pct") is not None:
        lines.append(f"    batch_discount_pct: {_num(entry['batch_discount_pct'])}")
        lines += names("batch_discount_excludes")
    if entry.get("per_call"):
        lines.append("    per_call: {" + ", ".join(f"{k}: {_num(v)}" for k, v in entry["per_call"].items()) + "}")
    lines += [f"    # {note}" for note in entry.get("notes", [])]
    lines.append("    prices:")
    for period in entry["periods"]:
        lines += [f"      - from: {period.get('from', day)}", f"        usd_per_mtok: {_rates(period['rates'])}"]
        if period.get("long_context"):
            above, rates = period["long_context"]
            lines.append(f"        long_context: {{above_prompt_tokens: {above}, usd_per_mtok: {_rates(rates)}}}")
        if period.get("service_tiers"):
            lines.append("        service_tiers:")
            for tier, t in period["service_tiers"].items():
                lc = f", long_context: {{usd_per_mtok: {_rates(t['long_context'])}}}" if t.get("long_context") else ""
                lines.append(f"          {tier}: {{usd_per_mtok: {_rates(t['rates'])}{lc}}}")
        if period.get("off_peak"):
            lines.append(f"        off_peak: {period['off_peak']}")
    return lines


_PLAIN = re.compile(r"^[a-z0-9][\w.\-/@+]*$", re.IGNORECASE)


def _quoted(text: str) -> str:
    """A YAML scalar for a name: bare when plainly safe, else double-quoted (JSON escaping is valid YAML)."""
    text = str(text)
    if _PLAIN.match(text) and text.lower() not in {"true", "false", "null", "yes", "no", "on", "off", "y", "n"} \
            and not re.fullmatch(r"[\d.eE+\-_:]+", text):
        return text
    return json.dumps(text, ensure_ascii=False)


# ---- LiteLLM --------------------------------------------------------------------------------------

def _from_litellm(data: dict, name: str, path: Path) -> dict:
    key = name if name in data else next((k for k in data if k.rsplit("/", 1)[-1] == name), None)
    if key is not None and not isinstance(data[key], dict):
        kind = {str: "string", list: "list", bool: "boolean", type(None): "null"}.get(type(data[key]), "number")
        raise PricingError(f"{key}: not a price entry (a JSON {kind}, not an object)", path=path)
    if key is None:
        index = {k.lower(): k for k in data if k != "sample_spec"}
        raise PricingError(unknown_model_message(name, index).replace("no price table has it", "not in this map")
                           .replace(" (add it with --pricing FILE)", ""), path=path)
    entry = data[key]
    where = f"{key}"

    def per_mtok(field: str) -> Decimal | None:
        value = entry.get(field)
        return None if value is None else _dec(value, f"{where}.{field}", path, MTOK)

    rates = {kind: per_mtok(field) for kind, field in LITELLM_KINDS.items()}
    for kind in ("input", "output"):
        if rates[kind] is None:
            raise PricingError(f"{where}: has no {LITELLM_KINDS[kind]} (a model with no price is not $0)", path=path)
    rates = {k: v for k, v in rates.items() if v is not None}
    period: dict = {"rates": rates}
    above = sorted({int(m.group(1)) * 1000 for f in entry
                    if (m := re.match(r"input_cost_per_token_above_(\d+)k_tokens$", f))})
    if above:
        suffix = f"_above_{above[0] // 1000}k_tokens"
        lc = {kind: per_mtok(field + suffix) for kind, field in LITELLM_KINDS.items()}
        lc = {k: v for k, v in lc.items() if v is not None}
        if "output" not in lc:
            lc["output"] = rates["output"]
        period["long_context"] = (above[0], lc)
    tiers = {}
    for tier in ("flex", "priority"):
        t = {kind: per_mtok(f"{field}_{tier}") for kind, field in LITELLM_KINDS.items()}
        t = {k: v for k, v in t.items() if v is not None}
        if "input" in t and "output" in t:
            tiers[tier] = {"rates": t}
    if tiers:
        period["service_tiers"] = tiers
    if isinstance(entry.get("off_peak_pricing"), dict):
        period["off_peak"] = _litellm_off_peak(entry["off_peak_pricing"], where, path)
    provider = str(entry.get("litellm_provider") or "imported")
    out: dict[str, Any] = {"id": key.rsplit("/", 1)[-1].lower(), "provider": provider, "periods": [period], "notes": []}
    batch_in, batch_out = per_mtok("input_cost_per_token_batches"), per_mtok("output_cost_per_token_batches")
    if batch_in is not None and batch_out is not None:
        pct_in = 100 - batch_in * 100 / rates["input"] if rates["input"] else None
        pct_out = 100 - batch_out * 100 / rates["output"] if rates["output"] else None
        if pct_in is not None and pct_in == pct_out:
            out["batch_discount_pct"] = pct_in
        else:
            out["notes"].append("batch rates are not one discount off input and output: batch_discount_pct left out")
    return out


def _litellm_off_peak(block: dict, where: str, path: Path) -> str:
    rates = {kind: _dec(block[field], f"{where}.off_peak_pricing.{field}", path, MTOK)
             for kind, field in LITELLM_KINDS.items() if block.get(field) is not None}
    windows, weekends = [], False
    for w in block.get("windows", []):
        hours = w.get("hours_utc", [])
        hours = [hours] if isinstance(hours, str) else hours
        days = set(w.get("weekdays", []))
        if days >= {6, 7} and hours == ["00:00-00:00"]:
            weekends = True
        elif days >= {1, 2, 3, 4, 5}:
            windows += [h for h in hours if h.split("-")[0] != h.split("-")[1]]
        else:
            raise PricingError(
                f"{where}.off_peak_pricing: weekday set {sorted(days)} has no costsim equivalent", path=path
            )
    if "input" not in rates or "output" not in rates or not (windows or weekends):
        raise PricingError(f"{where}.off_peak_pricing: needs input and output rates and a window", path=path)
    return (
        "{utc_windows: [" + ", ".join(f'"{w}"' for w in windows) + f"], weekends_all_day: {str(weekends).lower()}, "
        f"usd_per_mtok: {_rates(rates)}}}"
    )


# ---- genai-prices ---------------------------------------------------------------------------------


def _from_genai(data: list, name: str, path: Path) -> dict:
    want = name.lower()
    provider_hint, _, model_id = want.rpartition("/")
    found = None
    index = {}
    for prov in data:
        if not isinstance(prov, dict):
            continue
        for model in prov.get("models", []):
            if not isinstance(model, dict) or "id" not in model:
                continue
            index[str(model["id"]).lower()] = str(model["id"])
            if str(model["id"]).lower() == model_id and (not provider_hint or prov.get("id") == provider_hint):
                found = found or (prov, model)
    if found is None:
        raise PricingError(
            unknown_model_message(name, index)
            .replace("no price table has it", "not in this map")
            .replace(" (add it with --pricing FILE)", ""),
            path=path,
        )
    prov, model = found
    where = f"{prov.get('id')}/{model['id']}"
    prices = model.get("prices")
    conditional = prices if isinstance(prices, list) else [{"prices": _object(prices, f"{where}.prices", path)}]
    periods, notes = [], []
    for k, item in enumerate(conditional):
        item = _object(item, f"{where}.prices[{k}]", path)
        constraint = _object(item.get("constraint"), f"{where}.prices[{k}].constraint", path)
        if "start_time" in constraint or "end_time" in constraint:
            notes.append(
                f"time-of-day price {constraint.get('start_time')}-{constraint.get('end_time')} UTC not "
                "imported: add it as an off_peak window by hand"
            )
            continue
        period = _genai_period(_object(item.get("prices"), f"{where}.prices[{k}].prices", path), where, path)
        if "start_date" in constraint:
            period["from"] = _day(constraint["start_date"], f"{where}.prices[{k}].constraint.start_date", path)
        periods.append(period)
    if not periods:
        raise PricingError(f"{where}: has no usable price (a model with no price is not $0)", path=path)
    first = [p for p in periods if "from" not in p]
    if first:
        first[0]["from"] = "2000-01-01"
        notes.append("the map's unconstrained price has no start date: 2000-01-01 stands for 'always'")
    return {
        "id": str(model["id"]).lower(),
        "provider": str(prov.get("id") or "imported"),
        "periods": sorted(periods, key=lambda p: str(p["from"])),
        "notes": notes,
    }


def _genai_period(prices: dict, where: str, path: Path) -> dict:
    rates, lc, above = {}, {}, None
    for kind, field in GENAI_KINDS.items():
        value = prices.get(field)
        if value is None:
            continue
        if isinstance(value, dict):  # TieredPrices {base, tiers: [{start, price}]}
            rates[kind] = _dec(value.get("base"), f"{where}.{field}.base", path)
            tiers = value.get("tiers") or []
            if not isinstance(tiers, list):
                raise PricingError(f"{where}.{field}.tiers: expected a list, got {shown(tiers, 40)}", path=path)
            if len(tiers) != 1:
                raise PricingError(f"{where}.{field}: {len(tiers)} prompt-size tiers; costsim models one", path=path)
            tier = _object(tiers[0], f"{where}.{field}.tiers[0]", path)
            start = _dec(tier.get("start"), f"{where}.{field}.tiers[0].start", path)
            if start != int(start):
                raise PricingError(f"{where}.{field}.tiers[0].start: must be a whole number of tokens", path=path)
            above = int(start)
            lc[kind] = _dec(tier.get("price"), f"{where}.{field}.tiers[0].price", path)
        else:
            rates[kind] = _dec(value, f"{where}.{field}", path)
    for kind in ("input", "output"):
        if kind not in rates:
            raise PricingError(f"{where}: has no {GENAI_KINDS[kind]} (a model with no price is not $0)", path=path)
    period: dict = {"rates": rates}
    if above is not None:
        period["long_context"] = (above, {**{k: v for k, v in rates.items() if k not in lc}, **lc})
    return period


def _object(value, where: str, path: Path) -> dict:
    """`value` when it is a JSON object, {} when absent; anything else is the map's error, named."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise PricingError(f"{where}: expected an object, got {shown(value, 40)}", path=path)
    return value


def _day(value, where: str, path: Path) -> date:
    def fail(message: str) -> NoReturn:
        raise PricingError(f"{where}: {message}", path=path)

    return to_day(value, fail)
