"""Planned task mixes: `--distribution 65/25/10`, scenario files, and the usage frame they stand for."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd

from costsim.errors import ConfigError
from costsim.frame import MAX_TOKENS_TOTAL, normalize
from costsim.paths import bundled
from costsim.routing.policy import TIERS, Policy, TokenProfile
from costsim.simulate.pricer import SCENARIO_STRATEGIES
from costsim.yamlio import Fields, load_yaml, to_decimal

SPRINT = "samples/sprint.yaml"


@dataclass(frozen=True)
class Claims:
    """Figures a source states about a scenario, for costsim to check against its own arithmetic."""

    source: str
    as_of: date
    strategy_cost_usd: dict[str, Decimal] = field(default_factory=dict)
    savings_pct: dict[str, Decimal] = field(default_factory=dict)
    tier_cost_usd: dict[int, Decimal] = field(default_factory=dict)
    classifier: dict | None = None  # {model, input_tokens, output_tokens, usd_per_request}: a per-request overhead


@dataclass(frozen=True)
class Scenario:
    name: str
    requests: int
    shares: dict[int, Decimal]                # tier -> fraction, summing to 1
    profiles: dict[int, TokenProfile]          # tier -> tokens of one request
    claims: Claims | None = None
    path: str | None = None

    def tier_requests(self) -> dict[int, int]:
        return split_requests(self.requests, self.shares)


def parse_distribution(text: str, option: str = "--distribution") -> dict[int, Decimal]:
    """'65/25/10' (percent, summing to 100) or '0.65/0.25/0.1' (fractions, summing to 1) → tier fractions."""
    parts = str(text).replace(",", "/").split("/")
    if len(parts) != 3:
        raise ConfigError(f"{option} {text!r}: give three shares for tiers 1/2/3, like 65/25/10")
    values = [to_decimal(p, lambda m: _bad(option, text, m)) for p in parts]
    total = sum(values)
    if total == 100:
        return {t: v / 100 for t, v in zip(TIERS, values)}
    if total == 1:
        return dict(zip(TIERS, values))
    raise ConfigError(f"{option} {text!r}: shares sum to {total}; they must sum to 100 (percent) or 1 (fractions)")


def _bad(option: str, text: str, message: str):
    raise ConfigError(f"{option} {text!r}: each share {message.replace('must be', 'must be a number')}"
                      if "number" not in message else f"{option} {text!r}: each share {message}")


def split_requests(requests: int, shares: dict[int, Decimal]) -> dict[int, int]:
    """Whole requests per tier that sum to `requests` (largest remainder; ties go to the higher tier)."""
    exact = {t: requests * shares[t] for t in TIERS}
    counts = {t: int(exact[t]) for t in TIERS}
    leftover = requests - sum(counts.values())
    for t in sorted(TIERS, key=lambda t: (exact[t] - counts[t], t), reverse=True)[:leftover]:
        counts[t] += 1
    return counts


def override_profiles(profiles: dict[int, TokenProfile], input_tokens: int | None,
                      output_tokens: int | None) -> dict[int, TokenProfile]:
    """Every tier's profile with `--input-tokens` / `--output-tokens` put in where given."""
    return {t: TokenProfile(p.input_tokens if input_tokens is None else input_tokens,
                            p.output_tokens if output_tokens is None else output_tokens) for t, p in profiles.items()}


def load_scenario(path: str | Path | None, policy: Policy) -> Scenario:
    """A scenario file (the document's sprint by default), strictly validated."""
    path = Path(path) if path else bundled(SPRINT)
    f = Fields(load_yaml(path, ConfigError), allowed={"name", "requests", "distribution", "profile", "tiers", "claims"},
               required={"requests", "distribution"}, path=path, error=ConfigError)
    distribution = f.get("distribution")
    if isinstance(distribution, dict):
        distribution = "/".join(str(distribution.get(t, distribution.get(str(t), 0))) for t in TIERS)
    shares = parse_distribution(str(distribution), option=f"{path}: distribution")
    default = _profile(f.get("profile"), path, "profile") if f.has("profile") else None
    per_tier = f.get("tiers", {}) or {}
    if not isinstance(per_tier, dict) or not {str(k) for k in per_tier} <= {"1", "2", "3"}:
        f.fail("must map tiers 1, 2, 3 to token profiles", "tiers")
    profiles = {}
    for t in TIERS:
        raw = per_tier.get(t, per_tier.get(str(t)))
        profiles[t] = _profile(raw, path, f"tiers.{t}") if raw is not None else (default or policy.profiles[t])
    claims = _claims(f.get("claims"), path) if f.has("claims") else None
    return Scenario(f.str("name") or path.stem, f.required_int("requests", minimum=1), shares, profiles, claims,
                    str(path))


def _profile(raw, path: Path, where: str) -> TokenProfile:
    f = Fields(raw, allowed={"input_tokens", "output_tokens"}, required={"input_tokens", "output_tokens"},
               path=path, where=where, error=ConfigError)
    return TokenProfile(f.required_int("input_tokens"), f.required_int("output_tokens"))


def _claims(raw, path: Path) -> Claims:
    f = Fields(raw, allowed={"source", "as_of", "strategy_cost_usd", "savings_pct", "tier_cost_usd", "classifier"},
               required={"as_of"}, path=path, where="claims", error=ConfigError)

    def numbers(key: str, keys: dict) -> dict:
        """A mapping of claimed figures, each key one of `keys` (as written -> as kept)."""
        raw_map = f.get(key, {}) or {}
        if not isinstance(raw_map, dict):
            f.fail("must be a mapping", key)
        out = {}
        for k, v in raw_map.items():
            if str(k) not in keys:
                f.fail(f"unknown key {str(k)!r} (allowed: {', '.join(keys)})", key)
            out[keys[str(k)]] = to_decimal(v, lambda m, k=k: f.fail(m, f"{key}.{k}"))
        return out

    strategies = {s.key: s.key for s in SCENARIO_STRATEGIES}
    return Claims(f.str("source", ""), f.required_date("as_of"), numbers("strategy_cost_usd", strategies),
                  numbers("savings_pct", strategies), numbers("tier_cost_usd", {str(t): t for t in TIERS}),
                  _classifier_claim(f.get("classifier"), path) if f.has("classifier") else None)


def _classifier_claim(raw, path: Path) -> dict:
    f = Fields(raw, allowed={"model", "input_tokens", "output_tokens", "usd_per_request"},
               required={"model", "input_tokens", "usd_per_request"}, path=path, where="claims.classifier",
               error=ConfigError)
    return {"model": f.required_str("model"), "input_tokens": f.required_int("input_tokens"),
            "output_tokens": f.int("output_tokens", default=0),
            "usd_per_request": to_decimal(f.get("usd_per_request"), lambda m: f.fail(m, "usd_per_request"))}


def scenario_frame(scenario: Scenario, day: date) -> pd.DataFrame:
    """One usage-frame row per tier, standing for that tier's requests, all dated `day`."""
    rows = []
    for tier, count in scenario.tier_requests().items():
        if count == 0:
            continue
        profile = scenario.profiles[tier]
        rows.append({"tier": tier, "requests": count, "input_tokens": count * profile.input_tokens,
                     "output_tokens": count * profile.output_tokens, "timestamp": pd.Timestamp(day, tz="UTC"),
                     "source": f"scenario:tier{tier}"})
    total = sum(row["input_tokens"] + row["output_tokens"] for row in rows)
    if total > MAX_TOKENS_TOTAL:  # int64 token columns: refuse rather than overflow (or wrap) later
        raise ConfigError(f"the plan comes to {total:,} tokens, more than costsim counts ({MAX_TOKENS_TOTAL:,}); "
                          "plan fewer requests or fewer tokens per request")
    return normalize(pd.DataFrame(rows))
