#!/usr/bin/env python3
"""Dev-only: compare costsim's bundled price tables with the community price maps.

NOT part of the costsim package and never imported by it or by the tests.
It needs pyyaml plus, for the comparison, litellm and genai-prices installed in
a scratch venv (they are deliberately not project dependencies):

    python3 -m venv /tmp/pricevenv
    /tmp/pricevenv/bin/pip install litellm genai-prices pyyaml
    /tmp/pricevenv/bin/python tools/check_prices.py            # prices in force today
    /tmp/pricevenv/bin/python tools/check_prices.py --latest   # each model's latest period
    /tmp/pricevenv/bin/python tools/check_prices.py --as-of 2026-05-14

For every model in pricing/*.yaml it finds the same model in litellm's
model_prices_and_context_window_backup.json (read as JSON; litellm itself is
not imported) and in genai-prices' data, and prints one row per field that
differs: model, field, ours, litellm, genai-prices. "-" means the map has no
value for that field, "n/a" that the map does not have the model at all.

litellm keeps no price history, so its figures are today's. genai-prices'
StartDateConstraint history is resolved at the compared date; time-of-day
constraints (DeepSeek peak hours) are skipped, i.e. the off-peak default is
used, matching how our tables store DeepSeek. For litellm's DeepSeek entries
the "off_peak_pricing" block is used for the same reason.

Every mismatch this prints must be explained by a comment in the YAML.
Exit status: 0 when there are no mismatches, 1 otherwise, 2 on bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
PROVIDERS = ("anthropic", "openai", "google", "deepseek")
PRICE_KEYS = ("input", "output", "cache_read", "cache_write_5m", "cache_write_1h")

# litellm key prefix and litellm_provider value for each of our providers.
LITELLM_PREFIX = {"anthropic": "anthropic", "openai": "openai", "google": "gemini", "deepseek": "deepseek"}
# litellm field (USD per token) for each of our price keys.
LITELLM_FIELD = {
    "input": "input_cost_per_token",
    "output": "output_cost_per_token",
    "cache_read": "cache_read_input_token_cost",
    "cache_write_5m": "cache_creation_input_token_cost",
    "cache_write_1h": "cache_creation_input_token_cost_above_1hr",
}
# genai-prices ModelPrice attribute (USD per Mtok) for each of our price keys.
GENAI_FIELD = {
    "input": "input_mtok",
    "output": "output_mtok",
    "cache_read": "cache_read_mtok",
    "cache_write_5m": "cache_write_mtok",
    "cache_write_1h": "cache_write_1h_mtok",
}


# ------------------------------------------------------------------ our YAML
def load_ours(pricing_dir: Path) -> list[dict]:
    models = []
    seen: dict[str, str] = {}
    for prov in PROVIDERS:
        path = pricing_dir / f"{prov}.yaml"
        doc = yaml.safe_load(path.read_text())
        if doc.get("provider") != prov:
            sys.exit(f"{path}: provider {doc.get('provider')!r} != {prov!r}")
        for m in doc["models"]:
            for name in [m["id"], *m.get("aliases", [])]:
                if name in seen:
                    sys.exit(f"{path}: {name!r} already used by {seen[name]}")
                seen[name] = m["id"]
            periods = m["prices"]
            dates = [_as_date(p["from"]) for p in periods]
            if dates != sorted(dates) or len(set(dates)) != len(dates):
                sys.exit(f"{path}: {m['id']}: periods not strictly sorted by 'from'")
            m["_provider"] = prov
            models.append(m)
    return models


def _as_date(v) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def period_at(model: dict, when: dt.date | None) -> dict | None:
    """Our period in force on `when`, or the latest period when `when` is None."""
    periods = model["prices"]
    if when is None:
        return periods[-1]
    chosen = None
    for p in periods:
        if _as_date(p["from"]) <= when:
            chosen = p
    return chosen


def flatten_ours(model: dict, period: dict) -> dict[str, Decimal | int | None]:
    out: dict[str, Decimal | int | None] = {}
    # DeepSeek: the maps' default is the off-peak rate (see the docstring), so compare our off_peak block
    prices = (period.get("off_peak") or {}).get("usd_per_mtok") or period["usd_per_mtok"]
    for k in PRICE_KEYS:
        out[k] = _dec(prices.get(k))
    lc = period.get("long_context")
    out["long_context.above_prompt_tokens"] = lc["above_prompt_tokens"] if lc else None
    for k in PRICE_KEYS:
        out[f"long_context.{k}"] = _dec(lc["usd_per_mtok"].get(k)) if lc else None
    out["batch_discount_pct"] = _dec(model.get("batch_discount_pct"))
    return out


def _dec(v) -> Decimal | None:
    if v is None:
        return None
    return Decimal(str(v)).normalize()


# ------------------------------------------------------------------ litellm
def load_litellm(path: str | None) -> tuple[dict, str]:
    if path is None:
        spec = importlib.util.find_spec("litellm")
        if spec is None or not spec.submodule_search_locations:
            sys.exit("litellm is not installed here; see the docstring (or pass --litellm-json)")
        pkg = Path(list(spec.submodule_search_locations)[0])
        path = str(pkg / "model_prices_and_context_window_backup.json")
    version = _dist_version("litellm")
    return json.loads(Path(path).read_text()), version


def litellm_lookup(data: dict, model: dict) -> tuple[str | None, dict | None]:
    prov = model["_provider"]
    prefix = LITELLM_PREFIX[prov]
    for name in [model["id"], *model.get("aliases", [])]:
        for key in (f"{prefix}/{name}", name):
            entry = data.get(key)
            if isinstance(entry, dict) and entry.get("litellm_provider") == prefix:
                return key, entry
    return None, None


def flatten_litellm(entry: dict) -> dict[str, Decimal | int | None]:
    src = dict(entry)
    off_peak = entry.get("off_peak_pricing")
    if isinstance(off_peak, dict):  # DeepSeek: compare the off-peak rates (see YAML)
        src.update({k: v for k, v in off_peak.items() if isinstance(v, (int, float))})
    out: dict[str, Decimal | int | None] = {}
    for k, f in LITELLM_FIELD.items():
        out[k] = _per_token(src.get(f))
    # litellm stores 0.0 for "no such price" on some entries (DeepSeek cache writes)
    for k in ("cache_write_5m", "cache_write_1h"):
        if out[k] == 0:
            out[k] = None
    threshold = None
    for key in src:
        m = re.fullmatch(r"input_cost_per_token_above_(\d+)k_tokens", key)
        if m:
            threshold = int(m.group(1)) * 1000
    out["long_context.above_prompt_tokens"] = threshold
    for k, f in LITELLM_FIELD.items():
        if threshold is None:
            out[f"long_context.{k}"] = None
            continue
        tk = f"_above_{threshold // 1000}k_tokens"
        if k == "cache_write_1h":
            val = src.get(f + tk) or src.get("cache_creation_input_token_cost_above_1hr" + tk)
        else:
            val = src.get(f + tk)
        out[f"long_context.{k}"] = _per_token(val)
    base, batch = src.get("input_cost_per_token"), src.get("input_cost_per_token_batches")
    out["batch_discount_pct"] = (
        _dec(round(100 * (1 - batch / base), 6)) if base and batch is not None else None
    )
    return out


def _per_token(v) -> Decimal | None:
    if v is None:
        return None
    return (Decimal(str(v)) * 1_000_000).quantize(Decimal("0.0000001")).normalize()


# ------------------------------------------------------------- genai-prices
def load_genai():
    try:
        from genai_prices import types as gtypes  # type: ignore
        from genai_prices.data import providers  # type: ignore
    except ImportError:
        sys.exit("genai-prices is not installed here; see the docstring")
    return {p.id: p for p in providers}, gtypes, _dist_version("genai-prices")


def genai_lookup(providers: dict, model: dict):
    prov = providers.get(model["_provider"])
    if prov is None:
        return None
    names = [model["id"], *model.get("aliases", [])]
    for m in prov.models:  # exact id first
        if m.id in names:
            return m
    for name in names:
        for m in prov.models:
            if m.match.is_match(name):
                return m
    return None


def genai_price_at(gm, gtypes, when: dt.date):
    prices = gm.prices
    if not isinstance(prices, list):
        return prices
    chosen = None
    for cp in prices:
        c = cp.constraint
        if c is None:
            chosen = cp.prices
        elif isinstance(c, gtypes.StartDateConstraint) and c.start_date <= when:
            chosen = cp.prices
        # TimeOfDateConstraint (peak hours) skipped on purpose: off-peak default
    return chosen


def flatten_genai(gm, gtypes, when: dt.date) -> dict[str, Decimal | int | None]:
    mp = genai_price_at(gm, gtypes, when)
    out: dict[str, Decimal | int | None] = {}
    threshold = None
    tiered: dict[str, Decimal | None] = {}
    for k, attr in GENAI_FIELD.items():
        v = getattr(mp, attr, None) if mp is not None else None
        if isinstance(v, gtypes.TieredPrices):
            out[k] = v.base.normalize()
            if v.tiers:
                threshold = v.tiers[0].start
                tiered[k] = v.tiers[0].price.normalize()
        else:
            out[k] = v.normalize() if v is not None else None
    out["long_context.above_prompt_tokens"] = threshold
    for k in PRICE_KEYS:
        out[f"long_context.{k}"] = tiered.get(k)
    out["batch_discount_pct"] = None
    base = out["input"]
    best = None  # the batch variant in force on `when` (latest start date wins)
    for pv in gm.price_variants or []:
        if pv.when.get("processing") != "batch":
            continue
        c = pv.constraint
        start = c.start_date if isinstance(c, gtypes.StartDateConstraint) else dt.date.min
        if start <= when and (best is None or start >= best[0]):
            best = (start, pv)
    if best is not None:
        b = getattr(best[1].prices, "input_mtok", None)
        if isinstance(b, gtypes.TieredPrices):
            b = b.base
        if base and b is not None:
            out["batch_discount_pct"] = (100 * (1 - b / base)).normalize()
    return out


# --------------------------------------------------------------------- main
def _dist_version(name: str) -> str:
    try:
        from importlib.metadata import version

        return version(name)
    except Exception:
        return "?"


def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, Decimal):
        return format(v.normalize(), "f")
    return str(v)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pricing-dir", type=Path, default=REPO / "pricing")
    ap.add_argument("--litellm-json", help="path to litellm's model_prices_and_context_window_backup.json")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--as-of", type=dt.date.fromisoformat,
                       help="compare the period in force on this date (default: today)")
    group.add_argument("--latest", action="store_true", help="compare each model's latest period")
    ap.add_argument("--no-batch", action="store_true", help="skip the batch_discount_pct comparison")
    ap.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        help="date litellm's snapshot is taken to describe (default: the system date)",
    )
    args = ap.parse_args(argv)

    ours = load_ours(args.pricing_dir)
    ll_data, ll_version = load_litellm(args.litellm_json)
    g_providers, gtypes, g_version = load_genai()
    today = args.today or dt.date.today()
    when = None if args.latest else (args.as_of or today)
    print(
        f"litellm {ll_version}, genai-prices {g_version}; comparing "
        + ("each model's latest period" if when is None else f"prices in force on {when}")
    )

    rows: list[tuple[str, str, str, str, str]] = []
    for m in ours:
        period = period_at(m, when)
        mid = f"{m['_provider']}/{m['id']}"
        if period is None:
            print(f"  (skip {mid}: no period in force on {when})")
            continue
        ref_date = _as_date(period["from"]) if when is None else when
        o = flatten_ours(m, period)
        ll_key, ll_entry = litellm_lookup(ll_data, m)
        ll = flatten_litellm(ll_entry) if ll_entry else None
        if ll is not None and period is not period_at(m, today):
            # litellm has no history: it only describes today's price, so it is
            # compared only with the period in force today.
            ll = None
            ll_skipped = True
        else:
            ll_skipped = False
        gm = genai_lookup(g_providers, m)
        g = flatten_genai(gm, gtypes, ref_date) if gm else None
        if ll is None and not ll_skipped:
            rows.append((mid, "(model)", "present", "n/a", "present" if g else "n/a"))
        if g is None:
            rows.append((mid, "(model)", "present", "present" if ll else "n/a", "n/a"))
        for field, ov in o.items():
            if field == "batch_discount_pct" and args.no_batch:
                continue
            lv = ll.get(field) if ll else None
            gv = g.get(field) if g else None
            bad_ll = ll is not None and lv != ov
            bad_g = g is not None and gv != ov
            if field == "batch_discount_pct":
                # The maps only know batch pricing for some models; a missing
                # value there is not a disagreement, a different one is.
                bad_ll = bad_ll and lv is not None
                bad_g = bad_g and gv is not None
            if bad_ll or bad_g:
                rows.append(
                    (
                        mid,
                        field,
                        _fmt(ov),
                        _fmt(lv) if ll else ("(today only)" if ll_skipped else "n/a"),
                        _fmt(gv) if g else "n/a",
                    )
                )

    if not rows:
        print(f"OK: {len(ours)} models, no mismatches")
        return 0
    header = ("model", "field", "ours", "litellm", "genai-prices")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print(line.format(*header))
    print(line.format(*("-" * w for w in widths)))
    for r in rows:
        print(line.format(*r))
    print(f"{len(rows)} mismatch(es) across {len(ours)} models")
    return 1


if __name__ == "__main__":
    sys.exit(main())
