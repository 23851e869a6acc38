"""`costsim check` and `costsim diff`: spend caps for CI, with exit code 1 when a fail level is crossed."""

from __future__ import annotations

from pathlib import Path

import typer

from costsim import api
from costsim.ci.config import Caps, CheckConfig, Projection, find_config, load_config, with_overrides
from costsim.ci.diff import diff_reports, parse_increase
from costsim.cli.app import app
from costsim.cli.common import (
    AsOfOpt,
    OutOpt,
    PolicyOpt,
    PricingOpt,
    Tier1Opt,
    Tier2Opt,
    Tier3Opt,
    parse_day,
    setup,
    today,
)
from costsim.cli.console import handles_errors, output
from costsim.cli.help import PlainCommand
from costsim.errors import ConfigError
from costsim.render import formats

CheckFormat = formats.choices(formats.CHECK, "CheckFormat")
DiffFormat = formats.choices(formats.DIFF, "DiffFormat")
_CI_HELP = "table, markdown (PR comment), github (step summary + annotations) or json."
CheckFormatOpt = typer.Option(CheckFormat("table"), "--format", "-f", help=_CI_HELP)
DiffFormatOpt = typer.Option(DiffFormat("table"), "--format", "-f", help=_CI_HELP)


def _flag_decimal(value: str | None, option: str):
    """An exact, non-negative number from a command-line cap; None when not given."""
    from costsim.yamlio import to_decimal

    if value is None:
        return None

    def fail(message: str):
        raise ConfigError(f"{option} {value!r}: {message}")

    return to_decimal(value.strip().lstrip("$").rstrip("%"), fail)


@app.command(cls=PlainCommand)
@handles_errors
def check(
    config: Path | None = typer.Option(
        None, "--config", "-c", help="costsim.yaml to read (default: ./costsim.yaml when present).", dir_okay=False
    ),
    max_monthly_cost: str | None = typer.Option(
        None, "--max-monthly-cost", help="Fail above this projected monthly cost (USD)."
    ),
    warn_monthly_cost: str | None = typer.Option(
        None, "--warn-monthly-cost", help="Warn above this projected monthly cost (USD)."
    ),
    max_cost_per_request: str | None = typer.Option(
        None, "--max-cost-per-request", help="Fail above this cost per request (USD)."
    ),
    warn_cost_per_request: str | None = typer.Option(
        None, "--warn-cost-per-request", help="Warn above this cost per request (USD)."
    ),
    min_savings: str | None = typer.Option(
        None, "--min-savings", help="Fail below this saving vs all-frontier (percent)."
    ),
    warn_savings: str | None = typer.Option(
        None, "--warn-savings", help="Warn below this saving vs all-frontier (percent)."
    ),
    allow_model: list[str] | None = typer.Option(
        None, "--allow-model", help="Fail if the strategy uses a model not listed; repeatable."
    ),
    requests_per_day: str | None = typer.Option(
        None, "--requests-per-day", help="Projection: requests per day (a month is 30 days)."
    ),
    requests_per_month: str | None = typer.Option(None, "--requests-per-month", help="Projection: requests per month."),
    distribution: str | None = typer.Option(
        None, "--distribution", "-d", help="Tier shares 1/2/3 for the planned mix: 65/25/10."
    ),
    scenario: list[str] | None = typer.Option(
        None, "--scenario", help="Scenario YAML to check; repeatable.", dir_okay=False
    ),
    logs: list[str] | None = typer.Option(
        None, "--logs", help="Log file, folder or glob to check (projected from its own span by default); repeatable."
    ),
    strategy: str | None = typer.Option(
        None, "--strategy", help="Strategy the caps hold (default smart): smart, all_mid, all_frontier, as_logged."
    ),
    as_of: str | None = AsOfOpt,
    tier1: str | None = Tier1Opt,
    tier2: str | None = Tier2Opt,
    tier3: str | None = Tier3Opt,
    policy: Path | None = PolicyOpt,
    pricing: list[Path] | None = PricingOpt,
    fmt: CheckFormat = CheckFormatOpt,
    out: Path | None = OutOpt,
):
    """Project a month's LLM spend and hold it to caps: exit 0 within, 1 over a fail level, 2 bad input.

    Reads ./costsim.yaml (or --config); flags override it, and flags alone need no file. A warning
    never fails the build. A month is 30 days.

    \b
    Examples:
      costsim check --max-monthly-cost 500 --requests-per-day 2000 --distribution 65/25/10
      costsim check --config samples/costsim.yaml --format github
      costsim check --logs logs/ --max-cost-per-request 0.01 --strategy as_logged
    """
    found = find_config(config)
    base = load_config(found) if found is not None else CheckConfig()
    if requests_per_day is not None and requests_per_month is not None:
        raise ConfigError("give --requests-per-day or --requests-per-month, not both")
    projection = None
    for value, option, per in (
        (requests_per_day, "--requests-per-day", "day"),
        (requests_per_month, "--requests-per-month", "month"),
    ):
        rate = _flag_decimal(value, option)
        if rate is not None:
            if rate == 0:
                raise ConfigError(f"{option} {value!r}: must be more than 0")
            projection = Projection(rate, per)
    cfg = with_overrides(
        base,
        projection=projection,
        distribution=distribution,
        strategy=strategy,
        scenarios=tuple(scenario) if scenario else None,
        logs=tuple(logs) if logs else None,
        as_of=parse_day(as_of),
        policy=str(policy) if policy else None,
        pricing=tuple(str(p) for p in pricing) if pricing else None,
        monthly_cost_usd_fail=_flag_decimal(max_monthly_cost, "--max-monthly-cost"),
        monthly_cost_usd_warn=_flag_decimal(warn_monthly_cost, "--warn-monthly-cost"),
        cost_per_request_usd_fail=_flag_decimal(max_cost_per_request, "--max-cost-per-request"),
        cost_per_request_usd_warn=_flag_decimal(warn_cost_per_request, "--warn-cost-per-request"),
        min_savings_vs_frontier_pct_fail=_flag_decimal(min_savings, "--min-savings"),
        min_savings_vs_frontier_pct_warn=_flag_decimal(warn_savings, "--warn-savings"),
        models_allowed=allow_model or None,
    )
    book, pol = setup(Path(cfg.policy) if cfg.policy else None, [Path(p) for p in cfg.pricing], (tier1, tier2, tier3))
    verdict = api.check(cfg, book, pol, today())  # first: a missing input is the more pressing news
    if cfg.caps == Caps():  # a commented-out caps section must not pass CI in silence
        where = f"{found} has no caps: section and " if found is not None else "no costsim.yaml was found and "
        raise ConfigError(
            f"no caps to check: {where}no cap was given (--max-monthly-cost, --max-cost-per-request, "
            "--min-savings, --allow-model or their --warn-… forms); to see the projection alone, "
            "run costsim compare or costsim estimate"
        )
    with output(out) as console:
        formats.render(formats.CHECK, verdict, fmt, console)
    raise typer.Exit(verdict.exit_code)


@app.command(cls=PlainCommand)
@handles_errors
def diff(
    base: Path = typer.Argument(
        ..., help="The base report (e.g. the main branch's), written with --format json.", dir_okay=False
    ),
    head: Path = typer.Argument(..., help="The head report (e.g. the pull request's).", dir_okay=False),
    fail_on_increase: str | None = typer.Option(
        None, "--fail-on-increase", help="Exit 1 when the strategy's cost rises by more than this: 10% or $50."
    ),
    warn_on_increase: str | None = typer.Option(
        None, "--warn-on-increase", help="Warn (exit 0) when it rises by more than this: 5% or $20."
    ),
    strategy: str = typer.Option("smart", "--strategy", help="Strategy the caps hold."),
    fmt: DiffFormat = DiffFormatOpt,
    out: Path | None = OutOpt,
):
    """The change between two saved reports per strategy, tier and model, in $ and %, held to increase caps.

    \b
    Examples:
      costsim compare --format json --out head.json
      costsim diff base.json head.json --fail-on-increase 10% --warn-on-increase 5%
      costsim diff base.json head.json --fail-on-increase '$50' --format github
    """

    result = diff_reports(
        base,
        head,
        strategy=strategy,
        warn=parse_increase(warn_on_increase, "--warn-on-increase"),
        fail=parse_increase(fail_on_increase, "--fail-on-increase"),
    )
    with output(out) as console:
        formats.render(formats.DIFF, result, fmt, console)
    raise typer.Exit(result.exit_code)
