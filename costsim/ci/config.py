"""`costsim.yaml`: what `costsim check` projects and the caps it holds the projection to.

Strictly validated through `costsim.yamlio.Fields`: an unknown key, a cap without a number, a negative
cap or a warn level beyond its fail level is one ConfigError naming the file and the key (exit 2).
Command-line flags build the same `CheckConfig`, so the flags-only case needs no file at all.

A month is 30 days everywhere: `requests_per_day × 30`, and a log's span is scaled to 30 × 24 hours.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from costsim.errors import ConfigError
from costsim.routing.policy import TokenProfile
from costsim.yamlio import Fields, load_yaml, to_decimal

CONFIG_FILE = "costsim.yaml"
DAYS_PER_MONTH = 30
SECONDS_PER_MONTH = DAYS_PER_MONTH * 24 * 60 * 60
LOG_SPAN = "log_span"


@dataclass(frozen=True)
class Level:
    """A cap's two thresholds: crossing `warn` reports a warning (exit 0), crossing `fail` fails (exit 1)."""

    warn: Decimal | None = None
    fail: Decimal | None = None


@dataclass(frozen=True)
class ModelsAllowed:
    """Models the held strategy may use: outside `fail` fails the check, outside `warn` warns."""

    warn: tuple[str, ...] | None = None
    fail: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Caps:
    monthly_cost_usd: Level = Level()
    cost_per_request_usd: Level = Level()
    min_savings_vs_frontier_pct: Level = Level()
    models_allowed: ModelsAllowed = ModelsAllowed()


@dataclass(frozen=True)
class Projection:
    """How one input's requests become a month: a rate, or the log's own span (`per = LOG_SPAN`)."""

    requests: Decimal | None = None   # requests per `per`
    per: str = LOG_SPAN               # "day", "month" or LOG_SPAN


@dataclass(frozen=True)
class CheckConfig:
    scenarios: tuple[str, ...] = ()
    logs: tuple[str, ...] = ()
    distribution: str | None = None
    profile: TokenProfile | None = None
    projection: Projection | None = None
    strategy: str = "smart"
    caps: Caps = Caps()
    as_of: date | None = None
    policy: str | None = None
    pricing: tuple[str, ...] = ()
    path: str | None = None           # the file this came from, for messages


# ---- validation of one cap -------------------------------------------------------------------

MAX_CAPS = ("monthly_cost_usd", "cost_per_request_usd")
MIN_CAPS = ("min_savings_vs_frontier_pct",)
CAP_KEYS = (*MAX_CAPS, *MIN_CAPS, "models_allowed")


def level_problem(level: Level, key: str) -> str | None:
    """What is wrong with a cap's levels, or None: it needs a number, and its warning must come first."""
    if level.warn is None and level.fail is None:
        return "a cap needs a number (warn, fail or both)"
    if level.warn is None or level.fail is None:
        return None
    if key in MIN_CAPS and level.warn < level.fail:
        return f"warn {level.warn} is below fail {level.fail}; for a minimum the warning must come first (warn >= fail)"
    if key not in MIN_CAPS and level.warn > level.fail:
        return f"warn {level.warn} is above fail {level.fail}; the warning must come first (warn <= fail)"
    return None


def _level(f: Fields, key: str) -> Level:
    raw = f.get(key)
    if isinstance(raw, dict):
        g = Fields(raw, allowed={"warn", "fail"}, path=f.path, where=f.field(key), error=ConfigError)
        maximum = Decimal(100) if key in MIN_CAPS else None
        level = Level(g.decimal("warn", maximum=maximum), g.decimal("fail", maximum=maximum))
    else:  # a bare number is the fail level
        level = Level(fail=to_decimal(raw, lambda m: f.fail(m, key)))
    problem = level_problem(level, key)
    if problem:
        f.fail(problem, key)
    return level


def _models(f: Fields, key: str) -> ModelsAllowed:
    raw = f.get(key)
    if isinstance(raw, list):
        raw = {"fail": raw}
    g = Fields(raw, allowed={"warn", "fail"}, path=f.path, where=f.field(key), error=ConfigError)
    levels = {}
    for name in ("warn", "fail"):
        if not g.has(name):
            continue
        value = g.get(name)
        if not isinstance(value, list) or not value or not all(isinstance(m, str) and m.strip() for m in value):
            g.fail("must be a non-empty list of model ids", name)
        levels[name] = tuple(m.strip() for m in value)
    if not levels:
        g.fail("a cap needs a list of models (warn, fail or both)")
    allowed = ModelsAllowed(**levels)
    if allowed.warn is not None and allowed.fail is not None and not set(allowed.warn) <= set(allowed.fail):
        extra = sorted(set(allowed.warn) - set(allowed.fail))[0]
        g.fail(f"{extra!r} is in warn but not in fail; a model that fails cannot merely warn", "warn")
    return allowed


# ---- the file ----------------------------------------------------------------------------------

def load_config(path: str | Path) -> CheckConfig:
    """Read and validate a costsim.yaml; relative input paths are relative to the file's folder."""
    path = Path(path)
    top = Fields(load_yaml(path, ConfigError),
                 allowed={"inputs", "projection", "strategy", "caps", "as_of", "policy", "pricing"},
                 path=path, error=ConfigError)
    here = path.parent
    inputs = Fields(top.get("inputs", {}) or {}, allowed={"scenarios", "logs", "distribution", "profile"},
                    path=path, where="inputs", error=ConfigError)
    profile = None
    if inputs.has("profile"):
        p = Fields(inputs.get("profile"), allowed={"input_tokens", "output_tokens"},
                   required={"input_tokens", "output_tokens"}, path=path, where="inputs.profile", error=ConfigError)
        profile = TokenProfile(p.required_int("input_tokens"), p.required_int("output_tokens"))
    distribution = inputs.get("distribution")
    if distribution is not None and not isinstance(distribution, (str, int, float)):
        inputs.fail("must be tier shares like 65/25/10", "distribution")
    strategy = top.str("strategy", "smart")
    if not strategy.strip():
        top.fail("must name a strategy (smart, all_mid, all_frontier, as_logged)", "strategy")
    return CheckConfig(
        scenarios=tuple(_paths(inputs, "scenarios", here)),
        logs=tuple(_paths(inputs, "logs", here, keep_dash=True)),
        distribution=None if distribution is None else str(distribution),
        profile=profile,
        projection=_projection(top) if top.has("projection") else None,
        strategy=strategy.strip(),
        caps=_caps(top),
        as_of=top.date("as_of"),
        policy=_resolve(top.required_str("policy"), here) if top.has("policy") else None,
        pricing=tuple(_paths(top, "pricing", here)),
        path=str(path),
    )


def _resolve(value: str, here: Path, keep_dash: bool = False) -> str:
    if keep_dash and value == "-":
        return value
    candidate = Path(value).expanduser()
    return str(candidate if candidate.is_absolute() else here / candidate)


def _paths(f: Fields, key: str, here: Path, keep_dash: bool = False) -> list[str]:
    if not f.has(key):
        return []
    values = f.get(key)
    if not isinstance(values, list):
        f.fail("must be a list of paths", key)
    if not all(isinstance(v, str) and v.strip() for v in values):
        f.fail("must be a list of paths", key)
    return [_resolve(v.strip(), here, keep_dash) for v in values]


def _projection(top: Fields) -> Projection:
    raw = top.get("projection")
    if raw == LOG_SPAN:
        return Projection(per=LOG_SPAN)
    f = Fields(raw, allowed={"requests_per_day", "requests_per_month", "from"}, path=top.path, where="projection",
               error=ConfigError)
    given = [k for k in ("requests_per_day", "requests_per_month", "from") if f.has(k)]
    if len(given) != 1:
        f.fail("give exactly one of requests_per_day, requests_per_month or from: log_span")
    key = given[0]
    if key == "from":
        if f.get("from") != LOG_SPAN:
            f.fail(f"must be {LOG_SPAN!r}, got {f.get('from')!r}", "from")
        return Projection(per=LOG_SPAN)
    rate = f.decimal(key)
    if rate == 0:
        f.fail("must be more than 0", key)
    return Projection(requests=rate, per="day" if key == "requests_per_day" else "month")


def _caps(top: Fields) -> Caps:
    if not top.has("caps"):
        return Caps()
    f = Fields(top.get("caps"), allowed=set(CAP_KEYS), path=top.path, where="caps", error=ConfigError)
    levels = {key: _level(f, key) for key in (*MAX_CAPS, *MIN_CAPS) if f.has(key)}
    models = _models(f, "models_allowed") if f.has("models_allowed") else ModelsAllowed()
    return Caps(**levels, models_allowed=models)


def find_config(explicit: str | Path | None, folder: Path | None = None) -> Path | None:
    """`--config FILE` (must exist), else ./costsim.yaml when there is one, else None (flags only)."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError("config file not found", path=path)
        return path
    default = (folder or Path.cwd()) / CONFIG_FILE
    return default if default.is_file() else None


def with_overrides(config: CheckConfig, **flags) -> CheckConfig:
    """The config with every flag that was given (not None) put in place of the file's value."""
    changes = {k: v for k, v in flags.items() if v is not None and k in CheckConfig.__dataclass_fields__}
    levels = {}
    for key in (*MAX_CAPS, *MIN_CAPS):
        warn, fail = flags.get(f"{key}_warn"), flags.get(f"{key}_fail")
        if warn is None and fail is None:
            continue
        old = getattr(config.caps, key)
        level = Level(warn if warn is not None else old.warn, fail if fail is not None else old.fail)
        problem = level_problem(level, key)
        if problem:
            raise ConfigError(f"{FLAG_NAMES[key]}: {problem}")
        levels[key] = level
    models = config.caps.models_allowed
    if flags.get("models_allowed"):
        models = ModelsAllowed(warn=models.warn, fail=tuple(flags["models_allowed"]))
    return replace(config, **changes, caps=replace(config.caps, **levels, models_allowed=models))


FLAG_NAMES = {"monthly_cost_usd": "--max-monthly-cost/--warn-monthly-cost",
              "cost_per_request_usd": "--max-cost-per-request/--warn-cost-per-request",
              "min_savings_vs_frontier_pct": "--min-savings/--warn-savings"}


__all__ = ["CheckConfig", "Caps", "Level", "ModelsAllowed", "Projection", "load_config", "find_config",
           "with_overrides", "DAYS_PER_MONTH", "SECONDS_PER_MONTH", "LOG_SPAN", "CONFIG_FILE"]
