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
from costsim.errors import ConfigError, CostsimError, ExitCode
from costsim.policy import Policy, load_policy
from costsim.prices import PriceBook, load_price_book
from costsim.render import render

app = typer.Typer(
    name="costsim",
    help="What smart model routing would cost and save — offline, from your own request logs or a planned task mix.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


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


PolicyOpt = typer.Option(None, "--policy", help="Routing policy YAML (tier models, classifier rules).", dir_okay=False)
PricingOpt = typer.Option(None, "--pricing", help="Extra or overriding price table (YAML); repeatable.", dir_okay=False)
Tier1Opt = typer.Option(None, "--tier1", help="Model for tier 1 (mechanical).")
Tier2Opt = typer.Option(None, "--tier2", help="Model for tier 2 (standard implementation).")
Tier3Opt = typer.Option(None, "--tier3", help="Model for tier 3 (complex reasoning).")
FormatOpt = typer.Option(Format.table, "--format", "-f", help="Output format.")
OutOpt = typer.Option(None, "--out", "-o", help="Write the report to this file instead of stdout.", dir_okay=False)


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
):
    """Compare all-frontier, all-mid and smart routing for a planned task mix.

    With no options: the source document's 200-request sprint (2,000 input + 1,000 output tokens per
    request, 65/25/10) at today's list prices, and a check of the document's own figures.

    \b
    Examples:
      costsim compare
      costsim compare --as-of 2026-05-14
      costsim compare --distribution 70/20/10 --requests 5000 --tier3 gpt-5.5
    """
    from costsim.scenario import load_scenario, parse_distribution
    from dataclasses import replace
    from costsim.policy import TokenProfile

    book, pol = setup(policy, pricing, (tier1, tier2, tier3))
    plan = load_scenario(scenario, pol)
    if distribution is not None:
        plan = replace(plan, shares=parse_distribution(distribution))
    if requests is not None:
        plan = replace(plan, requests=requests)
    if input_tokens is not None or output_tokens is not None:
        plan = replace(plan, profiles={t: TokenProfile(input_tokens if input_tokens is not None else p.input_tokens,
                                                       output_tokens if output_tokens is not None else p.output_tokens)
                                       for t, p in plan.profiles.items()})
    customised = any(v is not None for v in (distribution, requests, input_tokens, output_tokens, tier1, tier2, tier3, policy))
    if customised:
        plan = replace(plan, claims=None)  # the document's figures are about its own case only
    report = api.compare(plan, book, pol, parse_day(as_of) or date.today())
    render(report, fmt.value, stdout(out))


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
    tier1: Optional[str] = Tier1Opt, tier2: Optional[str] = Tier2Opt, tier3: Optional[str] = Tier3Opt,
    policy: Optional[Path] = PolicyOpt, pricing: Optional[list[Path]] = PricingOpt,
    fmt: Format = FormatOpt, out: Optional[Path] = OutOpt,
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
    book, pol = setup(policy, pricing, (tier1, tier2, tier3))
    with progress_bar("Reading logs") as tick:
        report, sample = api.estimate(logs, book, pol, log_format=log_format, as_of=parse_day(as_of),
                                      strict=strict, progress=tick, by=by, since=parse_day(since, "--since"),
                                      until=parse_day(until, "--until"), columns=parse_columns(columns))
    if strict and report.unknown_models:
        model = sorted(report.unknown_models)[0]
        book.resolve(model)  # raises the named error with "did you mean"
    console = stdout(out)
    render(report, fmt.value, console)
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
    _, classifier = make_classifier(pol)
    if file is not None:
        records = read_prompts(file)
    else:
        text = prompt if prompt is not None else sys.stdin.read()
        if not text.strip():
            raise ConfigError("no prompt given (pass it as an argument or on stdin)")
        records = [(None, text)]
    decisions = classifier([p for _, p in records])
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
    rows = model_rows(book, pol, parse_day(as_of) or date.today(), provider=provider, sort=sort,
                      input_tokens=profile.input_tokens if input_tokens is None else input_tokens,
                      output_tokens=profile.output_tokens if output_tokens is None else output_tokens)
    render_models(rows, fmt.value, stdout())


def main() -> None:
    """Console-script entry point."""
    app()
