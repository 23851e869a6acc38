"""Report × caps → verdict: the projection of a month's spend and each cap's warn/fail outcome.

Pure: `hold` takes one Report (which `api.check` gets from `api.compare` or `api.estimate`), projects
the held strategy's cost per request to a 30-day month, and holds it to the caps. A crossed fail level
is a result (exit 1); a crossed warn level is only reported (exit 0). Anything that would make the
figures untrustworthy (unpriced requests, malformed records, no span) is an error (exit 2) instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from costsim.ci.config import DAYS_PER_MONTH, LOG_SPAN, SECONDS_PER_MONTH, CheckConfig, Level, ModelsAllowed, Projection
from costsim.ci.status import FAIL, OK, WARN, worst
from costsim.errors import ConfigError, ExitCode, InputError
from costsim.money import exact, pct, usd
from costsim.pricing.prices import PriceBook
from costsim.report.model import Report, StrategyResult


@dataclass(frozen=True)
class MonthlyProjection:
    requests_per_month: Decimal
    basis: str  # how it was reached, for people: "2,000 requests/day × 30 days"


@dataclass(frozen=True)
class CapResult:
    key: str
    label: str
    status: str
    actual: str     # display values (money and percent rounded for people)
    warn: str
    fail: str
    message: str
    actual_exact: str | None = None  # exact decimal string, for JSON


@dataclass(frozen=True)
class Subject:
    """One input (a scenario, or all logs together) held to the caps."""

    name: str
    strategy: StrategyResult
    projection: MonthlyProjection
    monthly_cost_usd: Decimal
    caps: tuple[CapResult, ...]

    @property
    def status(self) -> str:
        return worst(c.status for c in self.caps)


@dataclass(frozen=True)
class Verdict:
    subjects: tuple[Subject, ...]
    as_of: date | None

    @property
    def status(self) -> str:
        return worst(s.status for s in self.subjects)

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.CAP_EXCEEDED if self.status == FAIL else ExitCode.OK


# ---- projection ------------------------------------------------------------------------------

def project(report: Report, projection: Projection | None, name: str) -> MonthlyProjection:
    """Requests per 30-day month: a stated rate, or the log's own span scaled to 30 days."""
    if projection is None:
        if report.kind != "estimate":
            raise ConfigError(f"{name}: no projection; give --requests-per-day or --requests-per-month "
                              "(or projection: in costsim.yaml)")
        projection = Projection(per=LOG_SPAN)
    if projection.per == "day":
        rate = projection.requests
        return MonthlyProjection(rate * DAYS_PER_MONTH, f"{_count(rate)} requests/day × {DAYS_PER_MONTH} days")
    if projection.per == "month":
        return MonthlyProjection(projection.requests, f"{_count(projection.requests)} requests/month")
    return _from_span(report, name)


def _from_span(report: Report, name: str) -> MonthlyProjection:
    if report.kind != "estimate":
        raise ConfigError(f"{name}: projection from log_span needs logs; a scenario has no span "
                          "(give requests_per_day or requests_per_month)")
    first, last = report.first_timestamp, report.last_timestamp
    if first is None or last is None:
        raise InputError(f"{name}: no logged timestamps, so no span to extrapolate; give --requests-per-day")
    span = datetime.fromisoformat(last) - datetime.fromisoformat(first)
    span_us = span.days * 86_400_000_000 + span.seconds * 1_000_000 + span.microseconds
    if span_us <= 0:
        raise InputError(f"{name}: the log spans no time (first and last timestamp are {first}); "
                         "give --requests-per-day")
    requests = report.accounting.priced
    per_month = Decimal(requests) * SECONDS_PER_MONTH * 1_000_000 / span_us
    hours = Decimal(span_us) / 3_600_000_000
    return MonthlyProjection(per_month, f"{requests:,} requests in {_count(hours)} h ({first} to {last}) "
                                        f"scaled to {DAYS_PER_MONTH} days")


def _count(value: Decimal) -> str:
    value = Decimal(value)
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"


def monthly_cost(strategy: StrategyResult, projection: MonthlyProjection) -> Decimal:
    """The held strategy's cost per request × requests per month (exact up to Decimal's 28 digits)."""
    if strategy.requests == 0:
        return Decimal(0)
    return strategy.cost_usd * projection.requests_per_month / strategy.requests


# ---- caps ------------------------------------------------------------------------------------

def hold_max(key: str, label: str, actual: Decimal, level: Level, show) -> CapResult:
    """A maximum: above `fail` fails, above `warn` warns; equal to a level is within it."""
    status = FAIL if level.fail is not None and actual > level.fail else \
        WARN if level.warn is not None and actual > level.warn else OK
    crossed = {FAIL: level.fail, WARN: level.warn}.get(status)
    message = (f"{label} {show(actual)} is above the {status} level {show(crossed)}" if crossed is not None
               else f"{label} {show(actual)} is within the caps")
    return CapResult(key, label, status, show(actual), _show(level.warn, show), _show(level.fail, show), message,
                     exact(actual))


def hold_min(key: str, label: str, actual: Decimal | None, level: Level, show) -> CapResult:
    """A minimum: below `fail` fails, below `warn` warns."""
    if actual is None:
        return CapResult(key, label, OK, "—", _show(level.warn, show), _show(level.fail, show),
                         f"{label}: undefined (all-frontier costs $0)")
    status = FAIL if level.fail is not None and actual < level.fail else \
        WARN if level.warn is not None and actual < level.warn else OK
    crossed = {FAIL: level.fail, WARN: level.warn}.get(status)
    message = (f"{label} {show(actual)} is below the {status} level {show(crossed)}" if crossed is not None
               else f"{label} {show(actual)} is within the caps")
    return CapResult(key, label, status, show(actual), _show(level.warn, show), _show(level.fail, show), message,
                     exact(actual))


def hold_models(models: tuple[str, ...], allowed: ModelsAllowed) -> CapResult:
    outside_fail = [m for m in models if allowed.fail is not None and m not in allowed.fail]
    outside_warn = [m for m in models if allowed.warn is not None and m not in allowed.warn]
    status, outside = (FAIL, outside_fail) if outside_fail else (WARN, outside_warn) if outside_warn else (OK, [])
    label = "Models"
    message = (f"{label}: {', '.join(outside)} not allowed at the {status} level" if outside
               else f"{label}: {', '.join(models)} all allowed")
    listed = lambda ms: "—" if ms is None else ", ".join(ms)  # noqa: E731
    return CapResult("models_allowed", label, status, ", ".join(models), listed(allowed.warn), listed(allowed.fail),
                     message)


def _show(value, show) -> str:
    return "—" if value is None else show(value)


def hold(name: str, report: Report, config: CheckConfig) -> Subject:
    """One report held to the caps: project the month, then each configured cap in a fixed order."""
    strategy = held_strategy(report, config.strategy, config.path)
    projection = project(report, config.projection, name)
    monthly = monthly_cost(strategy, projection)
    caps = config.caps
    results = []
    if caps.monthly_cost_usd != Level():
        results.append(hold_max("monthly_cost_usd", "Projected monthly cost", monthly, caps.monthly_cost_usd, usd))
    if caps.cost_per_request_usd != Level():
        results.append(hold_max("cost_per_request_usd", "Cost per request", strategy.cost_per_request_usd or Decimal(0),
                                caps.cost_per_request_usd, usd))
    if caps.min_savings_vs_frontier_pct != Level():
        results.append(hold_min("min_savings_vs_frontier_pct", "Savings vs all-frontier",
                                strategy.savings_vs_frontier_pct, caps.min_savings_vs_frontier_pct, pct))
    if caps.models_allowed != ModelsAllowed():
        results.append(hold_models(strategy.models, caps.models_allowed))
    return Subject(name, strategy, projection, monthly, tuple(results))


def held_strategy(report: Report, key: str, config_path: str | None) -> StrategyResult:
    keys = [s.key for s in report.strategies]
    if key not in keys:
        raise ConfigError(f"strategy: {key!r} is not in this report (it has {', '.join(keys)})", path=config_path)
    return report.strategy(key)


def resolve_models(allowed: ModelsAllowed, book: PriceBook) -> ModelsAllowed:
    ids = lambda ms: None if ms is None else tuple(book.resolve(m).id for m in ms)  # noqa: E731
    return ModelsAllowed(warn=ids(allowed.warn), fail=ids(allowed.fail))


def trustworthy(report: Report, strategy_key: str) -> None:
    """A cap verdict on figures with holes in them would be a guess: stop with exit 2 instead."""
    problems = report.log.problems if report.log else ()
    malformed = report.log.malformed_records if report.log else 0
    if malformed:
        first = f" (first: {problems[0]})" if problems else ""
        raise InputError(f"{malformed:,} malformed log record(s){first}; fix them before checking caps")
    if report.accounting.priced == 0:
        raise InputError("no log record could be priced")
    keys = {s.key for s in report.strategies}
    if strategy_key in keys and report.strategy(strategy_key).unpriced_requests:
        model = sorted(report.unknown_models)[0]
        raise InputError(f"{report.strategy(strategy_key).unpriced_requests:,} logged request(s) on models with no "
                         f"price (e.g. {model!r}); add a table with --pricing or hold another strategy")


__all__ = [
    "hold",
    "trustworthy",
    "resolve_models",
    "project",
    "monthly_cost",
    "Verdict",
    "Subject",
    "CapResult",
    "MonthlyProjection",
    "OK",
    "WARN",
    "FAIL",
]
