#!/usr/bin/env python3
"""Dev-only: write pricing/generated/*.yaml from the community price maps, offline.

Reads the maps from the pip packages that hold them — genai-prices (its Python data module) and
LiteLLM (its bundled model_prices_and_context_window_backup.json, read as JSON; litellm itself is not
imported) — so no network is needed. Neither is a costsim dependency: install them into a dev venv:

    pip install 'genai-prices==0.2.3' 'litellm==1.110.2'
    python tools/build_catalog.py [--as-of 2026-12-06] [--check]

For every provider in PROVIDERS it writes one table holding every model genai-prices prices, plus the
models of LiteLLM's map genai-prices lacks, each with its source and the date checked. Every price
period genai-prices knows is kept (so a request is priced at the price in force on its day), with
one-cliff long-context prices, cache reads and writes, batch discounts and flex/priority tiers.

Hand-kept tables win: a model pricing/<provider>.yaml already holds is left out here. Keys a person
added to a generated model that this tool does not write (e.g. `per_call`) are carried over on a
refresh (a hand-set `per_call` wins over the map's web-search fee). Where LiteLLM and genai-prices
disagree on a model's current price the table keeps genai-prices' figure (it keeps price history and
cites the provider's page for each change) and a comment gives LiteLLM's; every disagreement is
printed. `--check` writes nothing and exits 1 when a table would change. Prints what it left out (no
input/output price, two prompt-size tiers, …).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from costsim.errors import PricingError  # noqa: E402
from costsim.pricing.importer import _from_litellm, _quoted, model_lines  # noqa: E402
from costsim.pricing.prices import MAKERS_FIRST, bundled_tables, parse_table  # noqa: E402

OUT = REPO / "pricing" / "generated"
FIRST_DAY = dt.date(2000, 1, 1)  # the maps' first price carries no start date: "since before any log"
HOSTED = {"openrouter", "groq", "cerebras", "together", "fireworks", "aws", "vertex", "azure"}
PROVIDERS = MAKERS_FIRST  # one table each
NAMES = {"vertex": "Google Vertex AI", "qwen": "Qwen (Alibaba Cloud Model Studio)"}
URLS = {
    "vertex": "https://cloud.google.com/vertex-ai/generative-ai/pricing",
    "qwen": "https://www.alibabacloud.com/help/en/model-studio/models",
}
# LiteLLM's litellm_provider -> costsim provider
LITELLM_PROVIDERS = {
    "openai": "openai",
    "anthropic": "anthropic",
    "gemini": "google",
    "deepseek": "deepseek",
    "xai": "x-ai",
    "mistral": "mistral",
    "meta_llama": "meta",
    "dashscope": "qwen",
    "zai": "zai",
    "moonshot": "moonshotai",
    "openrouter": "openrouter",
    "groq": "groq",
    "cerebras": "cerebras",
    "together_ai": "together",
    "fireworks_ai": "fireworks",
    "bedrock": "aws",
    "bedrock_converse": "aws",
    "vertex_ai-anthropic_models": "vertex",
    "vertex_ai-language-models": "vertex",
    "vertex_ai-mistral_models": "vertex",
    "azure": "azure",
}
LITELLM_MODES = {"chat", "completion", "responses", None}
KINDS = {
    "input": "input_mtok",
    "output": "output_mtok",
    "cache_read": "cache_read_mtok",
    "cache_write_5m": "cache_write_mtok",
    "cache_write_1h": "cache_write_1h_mtok",
}
TEXT_KEYS = set(KINDS.values())
WRITTEN_KEYS = {
    "id",
    "name",
    "aliases",
    "prefixes",
    "source",
    "checked",
    "source_url",
    "batch_discount_pct",
    "batch_discount_excludes",
    "prices",
}  # per_call too, unless a person set it (theirs is kept)


class Skip(Exception):
    """A model this tool cannot express in costsim's schema (the reason is printed)."""


# ---- genai-prices -----------------------------------------------------------------------------------


def clauses(match) -> list:
    """The leaves of a match rule's top-level `or` (an `and` is kept whole)."""
    inner = getattr(match, "or_", None)
    return [leaf for part in inner for leaf in clauses(part)] if inner else [match]


def names_of(model) -> tuple[list[str], list[str]]:
    """Exact names and name beginnings a genai-prices match rule accepts (regexes and `and`s left out)."""
    aliases, prefixes = [], []
    for leaf in clauses(model.match):
        if getattr(leaf, "equals", None):
            aliases.append(leaf.equals.lower())
        elif getattr(leaf, "starts_with", None):
            prefixes.append(leaf.starts_with.lower())
        elif getattr(leaf, "contains", None):  # Bedrock's "us.anthropic.claude-…": a beginning once a path is gone
            prefixes.append(leaf.contains.lower())
    own = model.id.lower()
    return ([a for a in dict.fromkeys(aliases) if a != own], [p for p in dict.fromkeys(prefixes) if len(p) >= 3])


def conditionals(model, gtypes) -> list[tuple[dt.date, object]]:
    """The model's base prices as (start, ModelPrice), oldest first."""
    if not isinstance(model.prices, list):
        return [(FIRST_DAY, model.prices)]
    out = []
    for i, cp in enumerate(model.prices):
        c = cp.constraint
        if isinstance(c, gtypes.TimeOfDateConstraint):
            raise Skip("time-of-day prices (peak/off-peak): keep this model in a hand-kept table")
        if c is None and i:
            raise Skip("an unconstrained price after the first")
        start = FIRST_DAY if c is None else c.start_date
        if out and start <= out[-1][0]:
            raise Skip("price periods out of order")
        out.append((start, cp.prices))
    return out


def flat(mp, gtypes) -> tuple[dict, dict, int | None]:
    """(rates, long-context rates, threshold) of a genai ModelPrice; one cliff at most."""
    rates, tiered, above = {}, {}, set()
    for kind, key in KINDS.items():
        value = getattr(mp, key, None)
        if value is None:
            continue
        if isinstance(value, gtypes.TieredPrices):
            if len(value.tiers) != 1:
                raise Skip(f"{len(value.tiers)} prompt-size tiers on {key} (costsim models one cliff)")
            rates[kind] = value.base
            tiered[kind] = value.tiers[0].price
            above.add(int(value.tiers[0].start))
        else:
            rates[kind] = value
    if len(above) > 1:
        raise Skip(f"different prompt-size cliffs ({sorted(above)})")
    return rates, tiered, (above.pop() if above else None)


def with_write_1h(rates: dict) -> dict:
    """A map with one cache-write price bills 1-hour writes at it (genai-prices' unit tree does)."""
    if "cache_write_5m" in rates and "cache_write_1h" not in rates:
        rates = {**rates, "cache_write_1h": rates["cache_write_5m"]}
    return rates


def variants_at(model, gtypes, day: dt.date, key: str, value: str):
    """The model's price variant for `key=value` in force on `day` (the first listed wins), or None."""
    for pv in model.price_variants or ():
        if pv.when != {key: value}:
            continue
        c = pv.constraint
        if c is None or (isinstance(c, gtypes.StartDateConstraint) and c.start_date <= day):
            return pv
    return None


def variant_starts(model, gtypes) -> set[dt.date]:
    return {
        pv.constraint.start_date
        for pv in model.price_variants or ()
        if isinstance(pv.constraint, gtypes.StartDateConstraint)
        and (pv.when.get("processing") == "batch" or pv.when.get("service_tier") in ("flex", "priority"))
    }


def genai_entry(model, gtypes, *, free: bool, notes: list[str]) -> dict:
    """One genai-prices model as a table entry (periods, tiers, batch)."""
    bases = conditionals(model, gtypes)
    starts = sorted({s for s, _ in bases} | {d for d in variant_starts(model, gtypes) if d > bases[0][0]})
    periods, batches = [], []
    for day in starts:
        mp = [p for s, p in bases if s <= day][-1] if day >= bases[0][0] else bases[0][1]
        rates, tiered, above = flat(mp, gtypes)
        if ("input" not in rates or "output" not in rates) and free and not rates:
            rates = {"input": Decimal(0), "output": Decimal(0)}
        for kind in ("input", "output"):
            if kind not in rates:
                raise Skip(f"no {KINDS[kind]} (a model with no price is not $0)")
        period = {"from": day, "rates": with_write_1h(rates)}
        if above is not None:
            period["long_context"] = (above, with_write_1h({**rates, **tiered}))
        tiers = {}
        for name in ("flex", "priority"):
            pv = variants_at(model, gtypes, day, "service_tier", name)
            if pv is None:
                continue
            t_rates, t_tiered, t_above = flat(pv.prices, gtypes)
            t = {"rates": with_write_1h({**rates, **t_rates})}
            if t_above is not None and t_above != above:
                notes.append(f"{name} tier has its own prompt-size cliff: left out")
                continue
            if above is not None:
                t["long_context"] = with_write_1h({**rates, **tiered, **t_rates, **t_tiered})
            tiers[name] = t
        if tiers:
            period["service_tiers"] = tiers
        pv = variants_at(model, gtypes, day, "processing", "batch")
        batches.append(None if pv is None else batch_discount(rates, tiered, pv.prices, gtypes))
        periods.append(period)
    entry = {"periods": merge_same(periods)}
    known = [b for b in batches if b is not None]
    if known:
        if len({(b[0], b[1]) for b in known}) > 1 or any(b == "mixed" for b in known):
            notes.append("batch prices are not one discount in every period: batch_discount_pct left out")
        elif known[0] == "mixed":
            notes.append("batch prices are not one discount off every price: batch_discount_pct left out")
        else:
            entry["batch_discount_pct"], excludes = known[-1]
            if excludes:
                entry["batch_discount_excludes"] = list(excludes)
            if batches[0] is None:
                first = starts[batches.index(known[0])]
                notes.append(f"the map lists batch prices from {first}; the discount applies to every period here")
    latest = bases[-1][1].__dict__
    if isinstance(latest.get("web_searches_kcount"), Decimal):  # USD per 1,000 searches -> per call
        entry["per_call"] = {"web_search": latest["web_searches_kcount"] / 1000}
    others = sorted(
        {k for _, mp in bases for k, v in mp.__dict__.items() if v is not None and k not in TEXT_KEYS}
        - ({"web_searches_kcount"} if "per_call" in entry else set())
    )
    if others:  # per-call fees (web searches, per 1,000) and non-text tokens: for a reviewer, not billed here
        notes.append(
            "also priced in genai-prices, not by costsim: "
            + ", ".join(f"{k} {_num(latest[k])}" if isinstance(latest.get(k), Decimal) else k for k in others)
        )
    return entry


def batch_discount(rates: dict, tiered: dict, batch_mp, gtypes):
    """(percent off, token kinds left at full price) of a batch variant, or "mixed"."""
    pcts, excludes = set(), []
    for kind, key in KINDS.items():
        value = getattr(batch_mp, key, None)
        if kind not in rates:
            continue
        if value is None:
            if kind == "cache_write_1h" and getattr(batch_mp, KINDS["cache_write_5m"], None) is not None:
                continue  # derived from the 5-minute price, discounted with it
            if kind in ("input", "output"):
                return "mixed"
            excludes.append(kind)
            continue
        pairs = [(rates[kind], value.base if isinstance(value, gtypes.TieredPrices) else value)]
        if isinstance(value, gtypes.TieredPrices) and kind in tiered:
            pairs.append((tiered[kind], value.tiers[0].price))
        for full, cut in pairs:
            if full:
                pcts.add(100 - cut * 100 / full)
    if len(pcts) != 1:
        return "mixed"
    pct = pcts.pop()
    return pct.normalize(), tuple(excludes)


def merge_same(periods: list[dict]) -> list[dict]:
    """Drop a period that repeats the one before it (a variant's start date that changed nothing here)."""
    out = []
    for p in periods:
        if out and {k: v for k, v in p.items() if k != "from"} == {k: v for k, v in out[-1].items() if k != "from"}:
            continue
        out.append(p)
    return out


def current(entry: dict, day: dt.date) -> dict:
    return (
        [p for p in entry["periods"] if p["from"] <= day][-1]["rates"]
        if entry["periods"][0]["from"] <= day
        else entry["periods"][0]["rates"]
    )


# ---- LiteLLM ----------------------------------------------------------------------------------------


def litellm_map() -> tuple[dict, Path]:
    import importlib.util

    spec = importlib.util.find_spec("litellm")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("litellm is not installed here (pip install litellm==1.110.2); see the docstring")
    path = Path(list(spec.submodule_search_locations)[0]) / "model_prices_and_context_window_backup.json"
    return json.loads(path.read_text(encoding="utf-8")), path


def litellm_rates(entry: dict) -> dict:
    fields = {
        "input": "input_cost_per_token",
        "output": "output_cost_per_token",
        "cache_read": "cache_read_input_token_cost",
        "cache_write_5m": "cache_creation_input_token_cost",
    }
    return {k: Decimal(repr(entry[f])) * 1_000_000 for k, f in fields.items() if isinstance(entry.get(f), (int, float))}


def short(key: str) -> str:
    """A LiteLLM key without its provider path (`bedrock/us-east-1/anthropic.x` -> `anthropic.x`)."""
    return key.rsplit("/", 1)[-1].lower() if not key.startswith(("openrouter/",)) else key.split("/", 1)[1].lower()


# ---- tables ------------------------------------------------------------------------------------------


def hand_names() -> dict[str, dict[str, str]]:
    """Every name (id, alias, provider/name) each provider's hand-kept table holds -> the model's id."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for path in bundled_tables()[0]:
        for m in parse_table(path, bundled_table=True):
            out[m.provider].update(dict.fromkeys((m.id, *m.aliases), m.id))
    return out


def carried(path: Path) -> dict[str, dict]:
    """Keys a person added to the models of an existing generated table (kept on a refresh)."""
    if not path.exists():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    return {
        str(m["id"]).lower(): {k: v for k, v in m.items() if k not in WRITTEN_KEYS}
        for m in data.get("models") or []
        if isinstance(m, dict) and {k for k in m} - WRITTEN_KEYS
    }


def build(day: dt.date) -> tuple[dict[str, str], list[str], Counter, list[str]]:
    """(file name -> YAML text, disagreements, models per provider and source, left-out lines)."""
    from genai_prices import types as gtypes
    from genai_prices.data import providers as genai_providers

    g_version, l_version = version("genai-prices"), version("litellm")
    genai = {p.id: p for p in genai_providers}
    hand = hand_names()
    entries: dict[str, list[dict]] = defaultdict(list)
    hand_kept: dict[str, dict[str, dict]] = defaultdict(dict)  # provider -> hand model id -> the maps' names
    taken: dict[str, set[str]] = defaultdict(set)
    left_out, disagreements, counts = [], [], Counter()
    by_genai_id: dict[tuple[str, str], dict] = {}

    for provider in PROVIDERS:
        gp = genai.get(provider)
        for model in gp.models if gp else []:
            mid = model.id.lower()
            aliases, prefixes = names_of(model)
            held = next((hand[provider][n] for n in (mid, f"{provider}/{mid}", *aliases) if n in hand[provider]), None)
            if held is not None:  # a hand-kept table has it: only the maps' other names are kept, leading there
                names = hand_kept[provider].setdefault(held, {"aliases": [], "prefixes": []})
                names["aliases"] += [a for a in (mid, *aliases) if a not in hand[provider]]
                names["prefixes"] += prefixes
                continue
            if mid in taken[provider]:
                continue  # an earlier model here has it
            notes: list[str] = []
            try:
                entry = genai_entry(model, gtypes, free=mid.endswith(":free"), notes=notes)
            except Skip as why:
                left_out.append(f"{provider}/{mid}: {why}")
                continue
            aliases = [a for a in aliases if a not in taken[provider] and a not in hand[provider]]
            entry.update(
                id=mid,
                name=model.name or "",
                aliases=aliases,
                prefixes=prefixes,
                source=f"genai-prices {g_version}",
                checked=day,
                notes=notes,
            )
            taken[provider] |= {mid, *aliases}
            entries[provider].append(entry)
            by_genai_id[(provider, model.id)] = entry
            counts[(provider, "genai-prices")] += 1

    data, _ = litellm_map()
    for key, raw in data.items():
        provider = LITELLM_PROVIDERS.get(raw.get("litellm_provider")) if isinstance(raw, dict) else None
        if provider is None or raw.get("mode") not in LITELLM_MODES:
            continue
        ll = litellm_rates(raw)
        if "input" not in ll or "output" not in ll:
            continue
        gp = genai.get("google" if provider == "vertex" else provider)
        parts = key.split("/")
        gm = next((m for i in range(len(parts)) if gp and (m := gp.find_model("/".join(parts[i:])))), None)
        if gm is not None:
            entry = by_genai_id.get(("google" if provider == "vertex" else provider, gm.id))
            if entry is not None:
                now = current(entry, day)
                diff = {k: v for k, v in ll.items() if k in now and now[k] != v.normalize()}
                if diff:
                    said = ", ".join(f"{k} {_num(v)} (genai-prices {_num(now[k])})" for k, v in diff.items())
                    disagreements.append(f"{provider}/{entry['id']}: litellm {key}: {said}")
                    entry["notes"].append(
                        f"DISAGREEMENT: litellm {l_version} ({key}) lists {said}; kept "
                        "genai-prices, which dates each price and cites the provider's page"
                    )
            continue
        mid = short(key)
        if (
            mid in taken[provider]
            or key.lower() in taken[provider]
            or mid in hand[provider]
            or f"{provider}/{mid}" in hand[provider]
        ):
            continue
        try:
            entry = _from_litellm(data, key, Path("litellm.json"))
        except PricingError as why:
            left_out.append(f"{provider}/{mid}: litellm: {why}")
            continue
        for period in entry["periods"]:
            period["from"] = FIRST_DAY
            period["rates"] = with_write_1h(period["rates"])
        entry.update(
            id=mid,
            name="",
            aliases=[key.lower()] if key.lower() != mid else [],
            prefixes=[],
            source=f"litellm {l_version}",
            checked=day,
        )
        entry["notes"] = [n for n in entry.get("notes", [])] + ["LiteLLM keeps no price history: one period"]
        taken[provider] |= {mid, key.lower()}
        entries[provider].append(entry)
        counts[(provider, "litellm")] += 1

    files = {}
    for provider in PROVIDERS:
        if not entries[provider]:
            continue
        path = OUT / f"{provider}.yaml"
        extra = carried(path)
        gp = genai.get(provider)
        url = URLS.get(provider) or (gp.pricing_urls[0] if gp and gp.pricing_urls else "")
        name = NAMES.get(provider) or (gp.name if gp else provider)
        lines = [
            f"# {name}: GENERATED by tools/build_catalog.py on {day} from genai-prices {g_version}",
            f"# (and litellm {l_version} for the models genai-prices lacks). A refresh rewrites this file:",
            "# hand-reviewed prices go in pricing/<provider>.yaml, which wins over any model here; keys a",
            "# person adds here (a per_call set by hand wins) are carried over. "
            "USD per million tokens; `from: 2000-01-01`",
            "# marks a first price the maps give no start date. A cache price not listed bills at input.",
            f"checked: {day}",
            f"provider: {provider}",
        ]
        if url:
            lines.append(f"source_url: {url}")
        lines += ["generated: true", f"hosted: {'true' if provider in HOSTED else 'false'}", "models:"]
        kept = {held: names for held, names in sorted(hand_kept[provider].items()) if any(names.values())}
        if kept:
            lines.insert(-1, f"hand_kept:  # models pricing/{provider}.yaml holds; the maps' other names for them")
            for held, names in kept.items():
                parts = [f"{k}: [{', '.join(_quoted(n) for n in dict.fromkeys(v))}]" for k, v in names.items() if v]
                lines.insert(-1, f"  {_quoted(held)}: {{{', '.join(parts)}}}")
        for entry in entries[provider]:
            mine = extra.get(entry["id"], {})
            if "per_call" in mine and {k: Decimal(str(v)) for k, v in (mine["per_call"] or {}).items()} == entry.get(
                "per_call"
            ):
                mine = {k: v for k, v in mine.items() if k != "per_call"}  # the map's own, written last time
            elif "per_call" in mine:
                entry.pop("per_call", None)  # a per_call set by hand wins over the map's
            extra[entry["id"]] = mine
            lines += model_lines(entry, day)
            for k, v in extra.get(entry["id"], {}).items():  # carried over from the last refresh
                lines.append(f"    {k}: {yaml.safe_dump(v, default_flow_style=True, width=10**6).strip()}")
        files[f"{provider}.yaml"] = "\n".join(lines) + "\n"
    return files, disagreements, counts, left_out


def _num(value: Decimal) -> str:
    return format(Decimal(value).normalize(), "f")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date.today(), help="the date checked")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 when a table would change")
    args = ap.parse_args(argv)
    files, disagreements, counts, left_out = build(args.as_of)
    changed = [
        name
        for name, text in files.items()
        if not (OUT / name).exists() or (OUT / name).read_text(encoding="utf-8") != text
    ]
    if not args.check:
        OUT.mkdir(parents=True, exist_ok=True)
        for name in changed:
            (OUT / name).write_text(files[name], encoding="utf-8")
    for line in disagreements:
        print(f"disagree: {line}")
    for line in left_out:
        print(f"left out: {line}")
    total = sum(counts.values())
    per = ", ".join(
        f"{p} {sum(n for (q, _), n in counts.items() if q == p)}" for p in PROVIDERS if any(q == p for q, _ in counts)
    )
    print(
        f"{total} models ({counts_by(counts, 'genai-prices')} from genai-prices, {counts_by(counts, 'litellm')} "
        f"from litellm) in {len(files)} tables: {per}"
    )
    print(
        f"{len(disagreements)} disagreement(s), {len(left_out)} left out; "
        + (f"{len(changed)} table(s) {'would change' if args.check else 'written'}" if changed else "no change")
    )
    return 1 if args.check and changed else 0


def counts_by(counts: Counter, source: str) -> int:
    return sum(n for (_, s), n in counts.items() if s == source)


if __name__ == "__main__":
    sys.exit(main())
