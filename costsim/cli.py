"""The command line: parse → call one core function → render → exit code. No arithmetic here."""

from __future__ import annotations

import functools
import json
import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

from costsim import api
from costsim.errors import ConfigError, CostsimError, ExitCode, UnknownModelError
from costsim.policy import Policy, load_policy
from costsim.prices import PriceBook, load_price_book, unknown_model_message
from costsim.render import render
from costsim import pricing_cli as billing_cli

app = typer.Typer(
    name="costsim",
    help="What smart model routing would cost and save — offline, from your own request logs or a planned task mix.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(billing_cli.pricing_app, name="pricing")


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def stderr() -> Console:
    return Console(stderr=True, highlight=False)


def stdout(out: Path | None = None) -> Console:
    if out is not None:
        return Console(file=out.open("w", encoding="utf-8"), width=120, no_color=True, highlight=False)
    return Console(highlight=False, soft_wrap=False)


def handles_errors(command):
    """The one error boundary: a CostsimError becomes one line on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except CostsimError as exc:
            stderr().print(f"error: {escape(str(exc))}", soft_wrap=True)
            raise typer.Exit(ExitCode.BAD_INPUT) from None
        except typer.Exit:
            raise
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:  # a bug: say so in one line; COSTSIM_DEBUG=1 shows the traceback
            if os.environ.get("COSTSIM_DEBUG"):
                raise
            stderr().print(f"error: internal error ({type(exc).__name__}: {escape(str(exc))}); "
                           "rerun with COSTSIM_DEBUG=1 and report it", soft_wrap=True)
            raise typer.Exit(ExitCode.BAD_INPUT) from None

    return wrapper


def today() -> date:
    """Today's date, or COSTSIM_TODAY (YYYY-MM-DD) for reproducible output (the README's examples use it)."""
    pinned = os.environ.get("COSTSIM_TODAY")
    return parse_day(pinned, "COSTSIM_TODAY") if pinned else date.today()


def parse_day(value: str | None, option: str = "--as-of") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} {value!r}: expected a date like 2026-05-14") from None


def setup(policy_file: Path | None, pricing_files: list[Path] | None,
          tiers: tuple[str | None, str | None, str | None]) -> tuple[PriceBook, Policy]:
    """Price tables and routing policy, with the command line's overrides applied and checked."""
    book = load_price_book(tuple(pricing_files or ()))
    policy = load_policy(policy_file).with_models(dict(zip((1, 2, 3), tiers)))
    policy = policy.with_models({t: book.resolve(m).id for t, m in policy.tier_models.items()})
    return book, policy


PolicyOpt = typer.Option(None, "--policy", help="Routing policy YAML (tier models, classifier rules).", dir_okay=False,
                         metavar="FILE")
PricingOpt = typer.Option(None, "--pricing", help="Extra or overriding price table (YAML); repeatable.", dir_okay=False,
                          metavar="FILE")
Tier1Opt = typer.Option(None, "--tier1", help="Model for tier 1 (mechanical).")
Tier2Opt = typer.Option(None, "--tier2", help="Model for tier 2 (standard implementation).")
Tier3Opt = typer.Option(None, "--tier3", help="Model for tier 3 (complex reasoning).")
ClassifierOpt = typer.Option(None, "--classifier", help="keywords (the document's rules), rules, learned (default), or a weights file from `costsim train`.")
FormatOpt = typer.Option(Format.table, "--format", "-f", help="Output format.")
OutOpt = typer.Option(None, "--out", "-o", help="Write the report to this file instead of stdout.", dir_okay=False)
ClassifierModelOpt = typer.Option(None, "--classifier-model", help="Price a classifier model reading every request (e.g. gpt-5-nano): a line of its own under smart routing.")
ClassifierInOpt = typer.Option(200, "--classifier-input-tokens", min=0, help="Classifier input tokens per request.")
ClassifierOutOpt = typer.Option(5, "--classifier-output-tokens", min=0, help="Classifier output tokens per request.")
EscalationOpt = typer.Option(None, "--escalation-rate", help="Confidence-based escalation: all to tier 2, this share (0.1 or 10%) sent again to tier 3.")
MisrouteOpt = typer.Option(None, "--misroute-rate", help="Under-routing: this share of tier-3 requests first fails on a cheap model.")
ReworkOpt = typer.Option(2, "--rework-turns", help="Extra tier-3 turns a misrouted request costs before its tier-3 call.")
MisrouteTierOpt = typer.Option(2, "--misroute-tier", help="Tier whose model a misrouted hard request goes to (1 or 2).")
WhatIfOpt = typer.Option(None, "--what-if", help='Change one price, e.g. "claude-opus-4-7.input=-30%" or "gpt-5-nano.output=0.5".')


def sim_options(classifier_model, classifier_input_tokens, classifier_output_tokens, escalation_rate,
                misroute_rate, rework_turns, misroute_tier, pinned=False):
    """The simulated effects the command line asks for (rates checked: 0–1 or 0%–100%)."""
    from costsim.simulate import SimOptions, parse_rate

    return SimOptions(classifier_model=classifier_model, classifier_input_tokens=classifier_input_tokens,
                      classifier_output_tokens=classifier_output_tokens,
                      escalation_rate=parse_rate(escalation_rate, "--escalation-rate"),
                      misroute_rate=parse_rate(misroute_rate, "--misroute-rate"),
                      rework_turns=rework_turns, misroute_tier=misroute_tier, pinned=pinned)


def with_what_if(book: PriceBook, what_if: str | None) -> PriceBook:
    from costsim.sweep import apply_what_if, parse_what_if

    return book if what_if is None else apply_what_if(book, parse_what_if(what_if, book))


@app.command()
@handles_errors
def compare(
    distribution: Optional[str] = typer.Option(None, "--distribution", "-d", help="Tier shares 1/2/3: 65/25/10 or 0.65/0.25/0.1."),
    requests: Optional[int] = typer.Option(None, "--requests", "-n", min=1, help="Number of requests."),
    input_tokens: Optional[int] = typer.Option(None, "--input-tokens", min=0, help="Input tokens per request (all tiers)."),
    output_tokens: Optional[int] = typer.Option(None, "--output-tokens", min=0, help="Output tokens per request (all tiers)."),
    scenario: Optional[Path] = typer.Option(None, "--scenario", help="Scenario YAML (default: the document's sprint, samples/sprint.yaml).", dir_okay=False),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Price at the list prices in force on this date (default: today)."),
    tier1: Optional[str] = Tier1Opt, tier2: Optional[str] = Tier2Opt, tier3: Optional[str] = Tier3Opt,
    policy: Optional[Path] = PolicyOpt, pricing: Optional[list[Path]] = PricingOpt,
    fmt: Format = FormatOpt, out: Optional[Path] = OutOpt,
    classifier_model: Optional[str] = ClassifierModelOpt, classifier_input_tokens: int = ClassifierInOpt,
    classifier_output_tokens: int = ClassifierOutOpt, escalation_rate: Optional[str] = EscalationOpt,
    misroute_rate: Optional[str] = MisrouteOpt, rework_turns: int = ReworkOpt, misroute_tier: int = MisrouteTierOpt,
    what_if: Optional[str] = WhatIfOpt,
    samples: Optional[int] = typer.Option(None, "--samples", help="Monte Carlo samples (default 2000 when --distribution has ranges)."),
    seed: int = typer.Option(0, "--seed", help="Monte Carlo seed: the same seed gives the same numbers."),
    concentration: Optional[float] = typer.Option(None, "--concentration", help="Monte Carlo mix: Dirichlet(K × shares) around the point shares."),
    token_spread: float = typer.Option(0.0, "--token-spread", help="Monte Carlo: coefficient of variation of each tier's mean token lengths around the profile."),
    tokens_from: Optional[list[str]] = typer.Option(None, "--tokens-from", help="Monte Carlo: draw token lengths from these logs' requests of each tier."),
    batch: bool = billing_cli.BatchOpt, off_peak: bool = billing_cli.OffPeakOpt,
    currency: Optional[str] = billing_cli.CurrencyOpt, rate: Optional[str] = billing_cli.RateOpt,
    max_price_age_days: Optional[int] = billing_cli.MaxAgeOpt,
):
    """Compare all-frontier, all-mid and smart routing for a planned task mix.

    With no options: the source document's 200-request sprint (2,000 input + 1,000 output tokens per
    request, 65/25/10) at today's list prices, and a check of the document's own figures.

    \b
    Examples:
      costsim compare
      costsim compare --as-of 2026-05-14
      costsim compare --distribution 70/20/10 --requests 5000 --tier3 gpt-5.5
      costsim compare --classifier-model gpt-5-nano --escalation-rate 15% --misroute-rate 20%
      costsim compare --distribution 60-70/20-30/5-10 --samples 5000 --seed 7 --token-spread 0.3
    """
    from costsim.scenario import load_scenario, parse_distribution
    from dataclasses import replace
    from costsim.policy import TokenProfile

    cur = billing_cli.currency_option(currency, rate)
    book, pol = setup(policy, pricing, (tier1, tier2, tier3))
    billing_cli.warn_stale(book, max_price_age_days)
    from costsim import montecarlo

    book = with_what_if(book, what_if)
    sim = sim_options(classifier_model, classifier_input_tokens, classifier_output_tokens, escalation_rate,
                      misroute_rate, rework_turns, misroute_tier)
    plan = load_scenario(scenario, pol)
    ranges = None
    if distribution is not None and montecarlo.is_range(distribution):
        ranges = montecarlo.parse_ranges(distribution)
        plan = replace(plan, shares=ranges.point())
    elif distribution is not None:
        plan = replace(plan, shares=parse_distribution(distribution))
    if requests is not None:
        plan = replace(plan, requests=requests)
    if input_tokens is not None or output_tokens is not None:
        plan = replace(plan, profiles={t: TokenProfile(input_tokens if input_tokens is not None else p.input_tokens,
                                                       output_tokens if output_tokens is not None else p.output_tokens)
                                       for t, p in plan.profiles.items()})
    customised = any(v is not None for v in (distribution, requests, input_tokens, output_tokens, tier1, tier2, tier3,
                                              policy, what_if))
    if customised or batch or off_peak or book.discounts.providers or book.discounts.models:
        plan = replace(plan, claims=None)  # the document's figures are about its own case only
    day = parse_day(as_of) or today()
    report = api.compare(plan, book, pol, day, sim, billing_cli.billing_options(batch, off_peak))
    if samples is not None or ranges is not None or concentration is not None or token_spread or tokens_from:
        empirical = api.empirical_tokens(tokens_from, pol) if tokens_from else None
        spec = montecarlo.MonteCarloSpec(samples=samples or 2000, seed=seed, ranges=ranges,
                                         concentration=concentration, token_spread=token_spread, empirical=empirical)
        mc = montecarlo.run(spec, plan.requests, plan.shares, plan.profiles, book, pol, day, sim)
        report = replace(report, extra={**report.extra, "monte_carlo": mc})
    with billing_cli.display(cur):
        render(billing_cli.with_currency(report, cur), fmt.value, stdout(out))


@app.command()
@handles_errors
def estimate(
    logs: Optional[list[str]] = typer.Argument(None, help="Log files, folders or globs; - reads stdin. None: Claude Code's ~/.claude/projects."),
    log_format: Optional[str] = typer.Option(None, "--log-format", help="Force a log format instead of detecting it (see README, Log formats)."),
    columns: Optional[str] = typer.Option(None, "--columns", help="CSV headers for costsim's fields: input_tokens=prompt_toks,output_tokens=completion_toks,model=model_name,timestamp=created."),
    by: Optional[str] = typer.Option(None, "--by", help="Add a breakdown: day, week, month, model, project, session or tier."),
    since: Optional[str] = typer.Option(None, "--since", help="Only requests on or after this UTC day (2026-05-01)."),
    until: Optional[str] = typer.Option(None, "--until", help="Only requests on or before this UTC day."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Price every request at this date's prices (default: each at its own timestamp)."),
    explain: int = typer.Option(0, "--explain", min=0, help="Show N sample requests per tier with the rule that placed them."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first malformed record or unpriced model (exit 2)."),
    classifier: Optional[str] = ClassifierOpt,
    cautious: bool = typer.Option(False, "--cautious", help="Err towards escalation (learned classifier): fewer hard requests sent to cheap models, more over-routing."),
    tier1: Optional[str] = Tier1Opt, tier2: Optional[str] = Tier2Opt, tier3: Optional[str] = Tier3Opt,
    policy: Optional[Path] = PolicyOpt, pricing: Optional[list[Path]] = PricingOpt,
    fmt: Format = FormatOpt, out: Optional[Path] = OutOpt,
    classifier_model: Optional[str] = ClassifierModelOpt, classifier_input_tokens: int = ClassifierInOpt,
    classifier_output_tokens: int = ClassifierOutOpt, escalation_rate: Optional[str] = EscalationOpt,
    misroute_rate: Optional[str] = MisrouteOpt, rework_turns: int = ReworkOpt, misroute_tier: int = MisrouteTierOpt,
    pinned: bool = typer.Option(False, "--pinned", help="Add a strategy keeping each session on the model of its hardest request (holds the rows in memory)."),
    what_if: Optional[str] = WhatIfOpt,
    batch: bool = billing_cli.BatchOpt,
    currency: Optional[str] = billing_cli.CurrencyOpt, rate: Optional[str] = billing_cli.RateOpt,
    max_price_age_days: Optional[int] = billing_cli.MaxAgeOpt,
):
    """Estimate what your own logged requests cost as logged, all-frontier, all-mid and with smart routing.

    Every record is accounted for: priced, skipped (with the reason) or a duplicate. Malformed records
    are skipped and listed on stderr with file:line, and the run exits 2; --strict stops at the first.

    \b
    Examples:
      costsim estimate samples/neutral.jsonl
      costsim estimate logs/*.jsonl.gz --format json --out report.json
      cat requests.csv | costsim estimate - --log-format neutral-csv
      costsim estimate ~/.claude/projects --by day --since 2026-05-01
      costsim estimate export.csv --columns input_tokens=prompt_toks,output_tokens=completion_toks,model=model_name
    """
    from costsim.progress import progress_bar

    from costsim.ingest.cli_inputs import default_inputs
    from costsim.ingest.neutral import parse_columns

    logs = default_inputs(logs, log_format, stderr())
    cur = billing_cli.currency_option(currency, rate)
    book, pol = setup(policy, pricing, (tier1, tier2, tier3))
    billing_cli.warn_stale(book, max_price_age_days)
    book = with_what_if(book, what_if)
    sim = sim_options(classifier_model, classifier_input_tokens, classifier_output_tokens, escalation_rate,
                      misroute_rate, rework_turns, misroute_tier, pinned)
    if cautious:
        classifier = (classifier or pol.classifier) + ":cautious"
    with progress_bar("Reading logs") as tick:
        report, sample = api.estimate(logs, book, pol, log_format=log_format, as_of=parse_day(as_of), today=today(),
                                      strict=strict, classifier=classifier, progress=tick, sim=sim,
                                      billing=billing_cli.billing_options(batch), by=by,
                                      since=parse_day(since, "--since"), until=parse_day(until, "--until"),
                                      columns=parse_columns(columns))
    if strict and report.unknown_models:
        model = sorted(report.unknown_models)[0]
        raise UnknownModelError(unknown_model_message(model, book._index), path=report.unknown_first_seen.get(model))
    console = stdout(out)
    with billing_cli.display(cur):
        render(billing_cli.with_currency(report, cur), fmt.value, console)
    if explain and fmt == Format.table:
        from costsim.explain import draw_explain
        draw_explain(sample, explain, console)
    warn = stderr()
    for problem in report.extra.get("problems", []):
        warn.print(f"warning: skipped {escape(problem)}", soft_wrap=True)
    malformed = report.extra.get("malformed_records", 0)
    if malformed:
        warn.print(f"error: {malformed:,} malformed record(s) skipped; the report above leaves them out "
                   "(fix them, or see each with --strict)", soft_wrap=True)
        raise typer.Exit(ExitCode.BAD_INPUT)
    if report.accounting.priced == 0:
        warn.print("error: no record could be priced", soft_wrap=True)
        raise typer.Exit(ExitCode.BAD_INPUT)


@app.command()
@handles_errors
def classify(
    prompt: Optional[str] = typer.Argument(None, help="The prompt text; omit to read it from stdin."),
    file: Optional[Path] = typer.Option(None, "--file", help="Classify each request of a file: JSONL with `prompt` (and optional `id`), a JSON list of prompts, or one prompt per line of a .txt file.", dir_okay=False),
    fmt: str = typer.Option("text", "--format", "-f", help="text (one prompt) or jsonl (one line per request)."),
    classifier: Optional[str] = ClassifierOpt,
    policy: Optional[Path] = PolicyOpt,
):
    """Tier (1, 2, 3) and reason for one prompt, or for every request of a file.

    The same function `costsim estimate` uses; from Python: `from costsim import classify_prompt`.

    \b
    Examples:
      costsim classify "Add docstrings to utils.py"
      costsim classify --file prompts.jsonl --format jsonl
    """
    from costsim.classify import make_classifier
    from costsim.prompts import read_prompts

    if fmt not in {"text", "jsonl"}:
        raise ConfigError(f"--format {fmt!r}: use text or jsonl")
    pol = load_policy(policy)
    _, classify_many = make_classifier(pol, classifier)
    if file is not None:
        records = read_prompts(file)
    else:
        text = prompt if prompt is not None else sys.stdin.read()
        if not text.strip():
            raise ConfigError("no prompt given (pass it as an argument or on stdin)")
        records = [(None, text)]
    decisions = classify_many([p for _, p in records])
    console = stdout()
    for (record_id, _), decision in zip(records, decisions):
        if fmt == "jsonl":
            console.file.write(json.dumps({"id": record_id, "tier": decision.tier, "reason": decision.reason},
                                          ensure_ascii=False) + "\n")
        else:
            console.file.write(f"tier {decision.tier} ({pol.tier_names[decision.tier]} → "
                               f"{pol.tier_models[decision.tier]}): {decision.reason}\n")


@app.command()
@handles_errors
def evaluate(
    labeled: Path = typer.Argument(..., help="JSONL of labeled requests: `prompt` and true `tier` (1, 2, 3).", dir_okay=False),
    classifiers: Optional[list[str]] = typer.Option(None, "--classifier", help="keywords, rules, learned, a weights file; add :cautious to a learned one. Repeatable (default: keywords, rules, learned, learned:cautious)."),
    target_distribution: Optional[str] = typer.Option(None, "--target-distribution", help="Also force each learned classifier to split the file in these shares (65/25/10) and show the quality cost."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Price mistakes at this date's list prices (default: today)."),
    tier1: Optional[str] = Tier1Opt, tier2: Optional[str] = Tier2Opt, tier3: Optional[str] = Tier3Opt,
    policy: Optional[Path] = PolicyOpt, pricing: Optional[list[Path]] = PricingOpt,
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or markdown."),
):
    """Routing quality of classifiers on labeled requests, side by side: accuracy, confusion, under- and
    over-routing, and what the mistakes cost at the policy's prices.

    \b
    Examples:
      costsim evaluate datasets/classify/holdout_authored.jsonl --as-of 2026-05-14
      costsim evaluate labeled.jsonl --classifier keywords --classifier my-model.json --format markdown
      costsim evaluate labeled.jsonl --target-distribution 65/25/10
    """
    from costsim.quality import evaluate_file
    from costsim.quality_view import render_quality
    from costsim.scenario import parse_distribution

    if fmt not in {"table", "json", "markdown"}:
        raise ConfigError(f"--format {fmt!r}: use table, json or markdown")
    book, pol = setup(policy, pricing, (tier1, tier2, tier3))
    shares = None
    if target_distribution is not None:
        parsed = parse_distribution(target_distribution, "--target-distribution")
        shares = tuple(float(parsed[t]) for t in (1, 2, 3))
    report = evaluate_file(labeled, classifiers or (), pol, book, parse_day(as_of) or date.today(), shares)
    render_quality(report, fmt, stdout())


@app.command()
@handles_errors
def train(
    labeled: Path = typer.Argument(..., help="JSONL of labeled requests: `prompt` and true `tier` (1, 2, 3).", dir_okay=False),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write the weights (JSON); use it with --classifier PATH.", dir_okay=False),
):
    """Train the learned classifier on your own labeled requests (numpy only, no network).

    \b
    Examples:
      costsim train labeled.jsonl --out model.json
      costsim estimate logs/ --classifier model.json
    """
    from costsim.quality import train_labeled

    path, n = train_labeled(labeled, out)
    stderr().print(f"trained on {n:,} labeled requests → {escape(str(path))}", soft_wrap=True)


@app.command()
@handles_errors
def models(
    provider: Optional[str] = typer.Option(None, "--provider", help="Only this provider (anthropic, openai, google, deepseek, ...)."),
    sort: str = typer.Option("cost", "--sort", help="cost, name or provider."),
    input_tokens: Optional[int] = typer.Option(None, "--input-tokens", min=0, help="Request profile: input tokens (default: the policy's tier-2 profile)."),
    output_tokens: Optional[int] = typer.Option(None, "--output-tokens", min=0, help="Request profile: output tokens."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Show the prices in force on this date (default: today)."),
    policy: Optional[Path] = PolicyOpt, pricing: Optional[list[Path]] = PricingOpt,
    fmt: Format = FormatOpt,
):
    """The price table: every model's prices, its tier in the policy, and the cost of one request.

    \b
    Examples:
      costsim models
      costsim models --provider anthropic --input-tokens 50000 --output-tokens 2000
    """
    from costsim.catalog import model_rows, render_models

    if sort not in {"cost", "name", "provider"}:
        raise ConfigError(f"--sort {sort!r}: use cost, name or provider")
    book, pol = setup(policy, pricing, (None, None, None))
    profile = pol.profiles[2]
    input_tokens = profile.input_tokens if input_tokens is None else input_tokens
    output_tokens = profile.output_tokens if output_tokens is None else output_tokens
    rows = model_rows(book, pol, parse_day(as_of) or today(), provider=provider, sort=sort,
                      input_tokens=input_tokens, output_tokens=output_tokens)
    render_models(rows, fmt.value, stdout(), profile=f" {input_tokens:,} input + {output_tokens:,} output tokens")


class CiFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    github = "github"
    json = "json"


CiFormatOpt = typer.Option(CiFormat.table, "--format", "-f",
                           help="table, markdown (PR comment), github (step summary + annotations) or json.")


def _emit(draw, out: Path | None) -> None:
    """Draw to stdout, or to `--out FILE` (closed before the exit code is returned)."""
    if out is None:
        draw(stdout())
        return
    with out.open("w", encoding="utf-8") as handle:
        draw(Console(file=handle, width=120, no_color=True, highlight=False))


def _flag_decimal(value: str | None, option: str):
    """An exact, non-negative number from a command-line cap; None when not given."""
    from costsim.yamlio import to_decimal

    if value is None:
        return None

    def fail(message: str):
        raise ConfigError(f"{option} {value!r}: {message}")

    return to_decimal(value.strip().lstrip("$").rstrip("%"), fail)


@app.command()
@handles_errors
def check(
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="costsim.yaml to read (default: ./costsim.yaml when present).", dir_okay=False),
    max_monthly_cost: Optional[str] = typer.Option(None, "--max-monthly-cost", help="Fail above this projected monthly cost (USD)."),
    warn_monthly_cost: Optional[str] = typer.Option(None, "--warn-monthly-cost", help="Warn above this projected monthly cost (USD)."),
    max_cost_per_request: Optional[str] = typer.Option(None, "--max-cost-per-request", help="Fail above this cost per request (USD)."),
    warn_cost_per_request: Optional[str] = typer.Option(None, "--warn-cost-per-request", help="Warn above this cost per request (USD)."),
    min_savings: Optional[str] = typer.Option(None, "--min-savings", help="Fail below this saving vs all-frontier (percent)."),
    warn_savings: Optional[str] = typer.Option(None, "--warn-savings", help="Warn below this saving vs all-frontier (percent)."),
    allow_model: Optional[list[str]] = typer.Option(None, "--allow-model", help="Fail if the strategy uses a model not listed; repeatable."),
    requests_per_day: Optional[str] = typer.Option(None, "--requests-per-day", help="Projection: requests per day (a month is 30 days)."),
    requests_per_month: Optional[str] = typer.Option(None, "--requests-per-month", help="Projection: requests per month."),
    distribution: Optional[str] = typer.Option(None, "--distribution", "-d", help="Tier shares 1/2/3 for the planned mix: 65/25/10."),
    scenario: Optional[list[str]] = typer.Option(None, "--scenario", help="Scenario YAML to check; repeatable.", dir_okay=False),
    logs: Optional[list[str]] = typer.Option(None, "--logs", help="Log file, folder or glob to check (projected from its own span by default); repeatable."),
    strategy: Optional[str] = typer.Option(None, "--strategy", help="Strategy the caps hold (default smart): smart, all_mid, all_frontier, as_logged."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Price at the list prices in force on this date (default: today)."),
    tier1: Optional[str] = Tier1Opt, tier2: Optional[str] = Tier2Opt, tier3: Optional[str] = Tier3Opt,
    policy: Optional[Path] = PolicyOpt, pricing: Optional[list[Path]] = PricingOpt,
    fmt: CiFormat = CiFormatOpt, out: Optional[Path] = OutOpt,
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
    from costsim.budget import run_check
    from costsim.ci_render import render_check
    from costsim.config import CheckConfig, Projection, find_config, load_config, with_overrides

    found = find_config(config)
    base = load_config(found) if found is not None else CheckConfig()
    if requests_per_day is not None and requests_per_month is not None:
        raise ConfigError("give --requests-per-day or --requests-per-month, not both")
    projection = None
    for value, option, per in ((requests_per_day, "--requests-per-day", "day"),
                               (requests_per_month, "--requests-per-month", "month")):
        rate = _flag_decimal(value, option)
        if rate is not None:
            if rate == 0:
                raise ConfigError(f"{option} {value!r}: must be more than 0")
            projection = Projection(rate, per)
    cfg = with_overrides(
        base, projection=projection, distribution=distribution, strategy=strategy,
        scenarios=tuple(scenario) if scenario else None, logs=tuple(logs) if logs else None,
        as_of=parse_day(as_of),
        policy=str(policy) if policy else None, pricing=tuple(str(p) for p in pricing) if pricing else None,
        monthly_cost_usd_fail=_flag_decimal(max_monthly_cost, "--max-monthly-cost"),
        monthly_cost_usd_warn=_flag_decimal(warn_monthly_cost, "--warn-monthly-cost"),
        cost_per_request_usd_fail=_flag_decimal(max_cost_per_request, "--max-cost-per-request"),
        cost_per_request_usd_warn=_flag_decimal(warn_cost_per_request, "--warn-cost-per-request"),
        min_savings_vs_frontier_pct_fail=_flag_decimal(min_savings, "--min-savings"),
        min_savings_vs_frontier_pct_warn=_flag_decimal(warn_savings, "--warn-savings"),
        models_allowed=allow_model or None,
    )
    book, pol = setup(Path(cfg.policy) if cfg.policy else None, [Path(p) for p in cfg.pricing], (tier1, tier2, tier3))
    verdict = run_check(cfg, book, pol, today())
    _emit(lambda console: render_check(verdict, fmt.value, console), out)
    raise typer.Exit(verdict.exit_code)


@app.command()
@handles_errors
def diff(
    base: Path = typer.Argument(..., help="The base report (e.g. the main branch's), written with --format json.", dir_okay=False),
    head: Path = typer.Argument(..., help="The head report (e.g. the pull request's).", dir_okay=False),
    fail_on_increase: Optional[str] = typer.Option(None, "--fail-on-increase", help="Exit 1 when the strategy's cost rises by more than this: 10% or $50."),
    warn_on_increase: Optional[str] = typer.Option(None, "--warn-on-increase", help="Warn (exit 0) when it rises by more than this: 5% or $20."),
    strategy: str = typer.Option("smart", "--strategy", help="Strategy the caps hold."),
    fmt: CiFormat = CiFormatOpt, out: Optional[Path] = OutOpt,
):
    """The change between two saved reports per strategy, tier and model, in $ and %, held to increase caps.

    \b
    Examples:
      costsim compare --format json --out head.json
      costsim diff base.json head.json --fail-on-increase 10% --warn-on-increase 5%
      costsim diff base.json head.json --fail-on-increase '$50' --format github
    """
    from costsim.ci_render import render_diff
    from costsim.diff import diff_reports, parse_increase

    result = diff_reports(base, head, strategy=strategy,
                          warn=parse_increase(warn_on_increase, "--warn-on-increase"),
                          fail=parse_increase(fail_on_increase, "--fail-on-increase"))
    _emit(lambda console: render_diff(result, fmt.value, console), out)
    raise typer.Exit(result.exit_code)


@app.command()
@handles_errors
def sweep(
    vary: int = typer.Option(3, "--vary", help="The tier whose share moves (3 or 1); the other two keep their relative shares."),
    target_savings: float = typer.Option(90, "--target-savings", help="Savings (percent vs all-frontier) whose break-even share to find."),
    step: float = typer.Option(5, "--step", help="Sweep step, in percentage points of share."),
    what_if: Optional[str] = WhatIfOpt,
    distribution: Optional[str] = typer.Option(None, "--distribution", "-d", help="Shares 1/2/3 that fix the other tiers' relative shares (default: the scenario's)."),
    input_tokens: Optional[int] = typer.Option(None, "--input-tokens", min=0, help="Input tokens per request (all tiers)."),
    output_tokens: Optional[int] = typer.Option(None, "--output-tokens", min=0, help="Output tokens per request (all tiers)."),
    scenario: Optional[Path] = typer.Option(None, "--scenario", help="Scenario YAML for the token profiles and shares (default: the document's sprint).", dir_okay=False),
    classifier_model: Optional[str] = ClassifierModelOpt, classifier_input_tokens: int = ClassifierInOpt,
    classifier_output_tokens: int = ClassifierOutOpt,
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Price at the list prices in force on this date (default: today)."),
    tier1: Optional[str] = Tier1Opt, tier2: Optional[str] = Tier2Opt, tier3: Optional[str] = Tier3Opt,
    policy: Optional[Path] = PolicyOpt, pricing: Optional[list[Path]] = PricingOpt,
    fmt: Format = FormatOpt,
    export: Optional[Path] = typer.Option(None, "--export", help="Also save the chart as SVG or HTML (by the file's extension).", dir_okay=False),
):
    """Savings as the tier-3 (or tier-1) share moves, and the share where they cross a target.

    The other two tiers keep their relative shares. The break-even share is computed in closed form
    and checked against the sweep's own steps; --what-if shows the curve with one price changed.

    \b
    Examples:
      costsim sweep --as-of 2026-05-14
      costsim sweep --vary 1 --target-savings 90
      costsim sweep --what-if "claude-opus-4-7.input=-30%" --export chart.svg
      costsim sweep --target-savings 90 --format json
    """
    from decimal import Decimal

    from costsim.chart import draw_sweep, sweep_csv, sweep_json
    from costsim.policy import TokenProfile
    from costsim.scenario import load_scenario, parse_distribution
    from costsim.sweep import parse_what_if, sweep as run_sweep

    if export is not None and export.suffix.lower() not in {".svg", ".html", ".htm"}:
        raise ConfigError(f"--export {str(export)!r}: give a file ending in .svg or .html")
    book, pol = setup(policy, pricing, (tier1, tier2, tier3))
    plan = load_scenario(scenario, pol)
    shares = parse_distribution(distribution) if distribution is not None else plan.shares
    profiles = {t: TokenProfile(input_tokens if input_tokens is not None else p.input_tokens,
                                output_tokens if output_tokens is not None else p.output_tokens)
                for t, p in plan.profiles.items()}
    change = parse_what_if(what_if, book) if what_if is not None else None
    if classifier_model is not None:
        classifier_model = book.resolve(classifier_model).id
    result = run_sweep(book, pol, profiles, shares, vary=vary, step_pct=Decimal(str(step)),
                       target_pct=Decimal(str(target_savings)), day=parse_day(as_of) or today(), what_if=change,
                       overhead_model=classifier_model, overhead_tokens=(classifier_input_tokens, classifier_output_tokens))
    console = stdout()
    if fmt == Format.json:
        console.file.write(sweep_json(result))
    elif fmt == Format.csv:
        console.file.write(sweep_csv(result))
    else:
        draw_sweep(result, console)
    if export is not None:
        recorder = Console(record=True, width=110, file=open(os.devnull, "w"))
        draw_sweep(result, recorder)
        if export.suffix.lower() == ".svg":
            recorder.save_svg(str(export), title="costsim sweep")
        else:
            recorder.save_html(str(export))
        stderr().print(f"chart saved to {escape(str(export))}")


def main() -> None:
    """Console-script entry point."""
    app()
