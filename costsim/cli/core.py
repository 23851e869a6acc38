"""The commands of the core job: compare, estimate, classify and models. Each parses its options,
calls one core function, renders the result and sets the exit code; no arithmetic here."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.markup import escape

from costsim import api
from costsim.cli import pricing as billing_cli
from costsim.cli.app import app
from costsim.cli.common import (
    AsOfOpt,
    ClassifierInOpt,
    ClassifierModelOpt,
    ClassifierOpt,
    ClassifierOutOpt,
    EscalationOpt,
    MisrouteOpt,
    MisrouteTierOpt,
    ModelsFormat,
    ModelsFormatOpt,
    OutOpt,
    PolicyOpt,
    PricingOpt,
    ReportFormat,
    ReportFormatOpt,
    ReworkOpt,
    Tier1Opt,
    Tier2Opt,
    Tier3Opt,
    WhatIfOpt,
    parse_day,
    parse_minutes,
    price_changes,
    setup,
    sim_options,
    today,
    with_price_changes,
    with_what_if,
)
from costsim.cli.console import handles_errors, output, stderr, stdout
from costsim.cli.help import PlainCommand
from costsim.errors import ConfigError, ExitCode
from costsim.ingest import FORMATS as LOG_FORMATS
from costsim.render import formats, plots
from costsim.render.safe_text import printable
from costsim.report.parts import LogDetail
from costsim.routing.policy import load_policy


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def charts_available(fmt: Enum) -> None:
    """--format html without matplotlib: say what to install before the run, not after it."""
    if fmt.value == "html":
        plots.pyplot()


@app.command(cls=PlainCommand)
@handles_errors
def compare(
    distribution: str | None = typer.Option(
        None, "--distribution", "-d", help="Tier shares 1/2/3: 65/25/10 or 0.65/0.25/0.1."
    ),
    requests: int | None = typer.Option(None, "--requests", "-n", min=1, help="Number of requests."),
    input_tokens: int | None = typer.Option(
        None, "--input-tokens", min=0, help="Input tokens per request (all tiers)."
    ),
    output_tokens: int | None = typer.Option(
        None, "--output-tokens", min=0, help="Output tokens per request (all tiers)."
    ),
    scenario: Path | None = typer.Option(
        None, "--scenario", help="Scenario YAML (default: the document's sprint, samples/sprint.yaml).", dir_okay=False
    ),
    as_of: str | None = AsOfOpt,
    tier1: str | None = Tier1Opt,
    tier2: str | None = Tier2Opt,
    tier3: str | None = Tier3Opt,
    policy: Path | None = PolicyOpt,
    pricing: list[Path] | None = PricingOpt,
    fmt: ReportFormat = ReportFormatOpt,
    out: Path | None = OutOpt,
    classifier_model: str | None = ClassifierModelOpt,
    classifier_input_tokens: int = ClassifierInOpt,
    classifier_output_tokens: int = ClassifierOutOpt,
    escalation_rate: str | None = EscalationOpt,
    misroute_rate: str | None = MisrouteOpt,
    rework_turns: int = ReworkOpt,
    misroute_tier: int = MisrouteTierOpt,
    what_if: str | None = WhatIfOpt,
    samples: int | None = typer.Option(
        None, "--samples", help="Monte Carlo samples (default 2000 when --distribution has ranges)."
    ),
    seed: int = typer.Option(0, "--seed", help="Monte Carlo seed: the same seed gives the same numbers."),
    concentration: float | None = typer.Option(
        None, "--concentration", help="Monte Carlo mix: Dirichlet(K × shares) around the point shares."
    ),
    token_spread: float = typer.Option(
        0.0,
        "--token-spread",
        help="Monte Carlo: coefficient of variation of each tier's mean token lengths around the profile.",
    ),
    tokens_from: list[str] | None = typer.Option(
        None, "--tokens-from", help="Monte Carlo: draw token lengths from these logs' requests of each tier."
    ),
    batch: bool = billing_cli.BatchOpt,
    off_peak: bool = billing_cli.OffPeakOpt,
    currency: str | None = billing_cli.CurrencyOpt,
    rate: str | None = billing_cli.RateOpt,
    max_price_age_days: int | None = billing_cli.MaxAgeOpt,
    cache_share: str | None = typer.Option(
        None,
        "--cache-share",
        help="Prompt caches: share of a request's input a warm cache serves (0.9 or 90%); "
        "adds smart routing with caches carried over (docs/caching.md).",
    ),
    turns: int = typer.Option(10, "--turns", min=1, help="With --cache-share: requests per conversation."),
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
      costsim compare --cache-share 90% --turns 20
      costsim compare --format html --out compare.html
    """
    from costsim.simulate.cache_profile import CacheProfile
    from costsim.simulate.effects import parse_rate

    cur = billing_cli.currency_option(currency, rate)
    book, pol = setup(policy, pricing, (tier1, tier2, tier3))
    billing_cli.warn_stale(book, max_price_age_days)
    charts_available(fmt)
    changes = price_changes(book, what_if, pricing)
    book = with_what_if(book, what_if)
    sim = sim_options(
        classifier_model,
        classifier_input_tokens,
        classifier_output_tokens,
        escalation_rate,
        misroute_rate,
        rework_turns,
        misroute_tier,
    )
    customised = any(
        v is not None
        for v in (
            distribution,
            requests,
            input_tokens,
            output_tokens,
            tier1,
            tier2,
            tier3,
            policy,
            what_if,
            cache_share,
        )
    )
    own_case = not (customised or batch or off_peak or book.discounts.providers or book.discounts.models)
    mix = api.PlannedMix(scenario, distribution, requests, input_tokens, output_tokens, own_case)
    cache = CacheProfile(parse_rate(cache_share, "--cache-share"), turns) if cache_share is not None else None
    monte_carlo = api.MonteCarloAsk(samples, seed, concentration, token_spread, tuple(tokens_from or ()))
    report = api.compare_mix(
        mix,
        book,
        pol,
        parse_day(as_of) or today(),
        sim,
        billing_cli.billing_options(batch, off_peak),
        cache,
        monte_carlo,
    )
    report = with_price_changes(report, changes)
    with billing_cli.display(cur), output(out) as console:
        formats.render(formats.REPORT, billing_cli.with_currency(report, cur), fmt, console)


@app.command(cls=PlainCommand)
@handles_errors
def estimate(
    logs: list[str] | None = typer.Argument(
        None,
        help="Log files, folders or globs; - reads stdin; postgresql://… reads a LiteLLM proxy's database. "
        "None: Claude Code's ~/.claude/projects.",
    ),
    log_format: str | None = typer.Option(
        None, "--log-format", help=f"Force a log format instead of detecting it: {', '.join(LOG_FORMATS)}."
    ),
    columns: str | None = typer.Option(
        None,
        "--columns",
        help="CSV headers for costsim's fields: "
        "input_tokens=prompt_toks,output_tokens=completion_toks,model=model_name,timestamp=created.",
    ),
    by: list[str] | None = typer.Option(
        None,
        "--by",
        help="Add a breakdown: day, week, month, model, project, session or tier "
        "(one per run; --format html: day unless given).",
    ),
    since: str | None = typer.Option(None, "--since", help="Only requests on or after this UTC day (2026-05-01)."),
    until: str | None = typer.Option(None, "--until", help="Only requests on or before this UTC day."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Price every request at this date's prices (default: each at its own timestamp)."
    ),
    explain: int = typer.Option(
        0, "--explain", min=0, help="Show N sample requests per tier with the rule that placed them."
    ),
    strict: bool = typer.Option(
        False, "--strict", help="Stop at the first malformed record or unpriced model (exit 2)."
    ),
    classifier: str | None = ClassifierOpt,
    cautious: bool = typer.Option(
        False,
        "--cautious",
        help="Err towards escalation (learned classifier): fewer hard requests sent to cheap models, "
        "more over-routing.",
    ),
    target_distribution: str | None = typer.Option(
        None,
        "--target-distribution",
        help="Calibrate the learned classifier's thresholds so the log splits in these shares (65/25/10); "
        "reads the logs twice.",
    ),
    tier1: str | None = Tier1Opt,
    tier2: str | None = Tier2Opt,
    tier3: str | None = Tier3Opt,
    policy: Path | None = PolicyOpt,
    pricing: list[Path] | None = PricingOpt,
    fmt: ReportFormat = ReportFormatOpt,
    out: Path | None = OutOpt,
    classifier_model: str | None = ClassifierModelOpt,
    classifier_input_tokens: int = ClassifierInOpt,
    classifier_output_tokens: int = ClassifierOutOpt,
    escalation_rate: str | None = EscalationOpt,
    misroute_rate: str | None = MisrouteOpt,
    rework_turns: int = ReworkOpt,
    misroute_tier: int = MisrouteTierOpt,
    pinned: bool = typer.Option(
        False,
        "--pinned",
        help="Add a strategy keeping each session on the model of its hardest request (holds the rows in memory).",
    ),
    caches: str = typer.Option(
        "replay",
        "--caches",
        help="replay (default): a moved request reads its cached prefix only where that model's cache is warm "
        "(docs/caching.md); carried: keep each request's logged cache reads.",
    ),
    sticky: str | None = typer.Option(
        None,
        "--sticky",
        help="Add sticky routing: a conversation never moves down a tier within N minutes of its last request; "
        "comma-separated minutes (5 or 0,2,5,15,60) give one row each.",
    ),
    what_if: str | None = WhatIfOpt,
    batch: bool = billing_cli.BatchOpt,
    currency: str | None = billing_cli.CurrencyOpt,
    rate: str | None = billing_cli.RateOpt,
    max_price_age_days: int | None = billing_cli.MaxAgeOpt,
    engine: Engine = typer.Option(
        Engine.local,
        "--engine",
        help="local: this machine's cores; dask: a Dask cluster, for logs too big for one machine "
        "and object storage (s3://, gs://, az://); see docs/cluster.md.",
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="With --engine dask: an existing cluster's scheduler (tcp://host:8786). "
        "None: a local cluster of worker processes.",
    ),
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
      PGPASSWORD=… costsim estimate postgresql://litellm@db:5432/litellm --since 2026-05-01
      costsim estimate ~/.claude/projects --sticky 0,2,5,15,60
      costsim estimate logs/ --format html --out report.html
    """
    from costsim.cli.inputs import default_inputs
    from costsim.cli.progress import progress_bar
    from costsim.ingest.neutral import parse_columns

    if by and len(by) > 1:
        raise ConfigError(f"--by {' --by '.join(by)}: one breakdown per run (run again for another)")
    by_view = by[0] if by else ("day" if fmt.value == "html" else None)  # a page charts cost over time
    first, last = parse_day(since, "--since"), parse_day(until, "--until")
    if first and last and first > last:
        raise ConfigError(f"--since {since} is after --until {until}: no day is in both")
    charts_available(fmt)
    logs = default_inputs(logs, log_format, stderr())
    cur = billing_cli.currency_option(currency, rate)
    book, pol = setup(policy, pricing, (tier1, tier2, tier3))
    billing_cli.warn_stale(book, max_price_age_days)
    changes = price_changes(book, what_if, pricing)
    book = with_what_if(book, what_if)
    sim = sim_options(
        classifier_model,
        classifier_input_tokens,
        classifier_output_tokens,
        escalation_rate,
        misroute_rate,
        rework_turns,
        misroute_tier,
        pinned,
    )
    if cautious:
        classifier = (classifier or pol.classifier) + ":cautious"
    target_shares = None
    if target_distribution is not None:
        from costsim.simulate.scenario import parse_distribution

        shares = parse_distribution(target_distribution, "--target-distribution")
        target_shares = tuple(float(shares[t]) for t in (1, 2, 3))
    options = dict(
        log_format=log_format,
        as_of=parse_day(as_of),
        today=today(),
        strict=strict,
        classifier=classifier,
        sim=sim,
        billing=billing_cli.billing_options(batch),
        by=by_view,
        since=first,
        until=last,
        columns=parse_columns(columns),
        target_shares=target_shares,
        caches=caches,
        sticky_minutes=parse_minutes(sticky, "--sticky"),
    )
    if scheduler is not None and engine != Engine.dask:
        raise ConfigError("--scheduler names a Dask cluster: add --engine dask")
    if engine == Engine.dask:
        from costsim.cluster import engine as dask_engine

        report, sample = dask_engine.estimate(
            logs,
            book,
            pol,
            scheduler=scheduler,
            say=lambda text: stderr().print(text, soft_wrap=True, markup=False, highlight=False),
            **options,
        )
    else:
        explained = {} if explain and fmt.value == "table" else {"explained": 0}  # reasons for --explain only
        with progress_bar("Reading logs") as tick:
            report, sample = api.estimate(logs, book, pol, progress=tick, **options, **explained)
    if strict and report.unknown_models:
        model = sorted(report.unknown_models)[0]
        raise book.unknown(model, path=report.unknown_first_seen.get(model))
    report = with_price_changes(report, changes)
    priced = report.accounting.priced > 0
    if priced:  # a report with nothing priced in it would be a page of $0.00
        with billing_cli.display(cur), output(out) as console:
            formats.render(formats.REPORT, billing_cli.with_currency(report, cur), fmt, console)
            if explain and fmt.value == "table":
                from costsim.render.explain import draw_explain

                draw_explain(sample, explain, console)
    warn = stderr()
    log = report.log or LogDetail()
    for problem in log.problems:
        warn.print(f"warning: skipped {escape(printable(problem))}", soft_wrap=True)
    for failed in log.failed_parts or ():  # --engine dask: a part the cluster could not read
        warn.print(f"error: not read: {escape(printable(failed))}", soft_wrap=True)
    if not priced:
        a = report.accounting
        reasons = ", ".join(f"{reason}: {n:,}" for reason, n in sorted(a.skipped.items())) or "no records"
        unpriced = (
            "; models with no price: "
            + ", ".join(repr(m) for m in sorted(report.unknown_models))
            + " (add one with --pricing)"
            if report.unknown_models
            else ""
        )
        where = (a.files_named() or "the input") + ": "  # name what was read: an empty file is a wrong path often
        problem = (
            "no records in it, nothing to price"
            if a.records_read == 0
            else f"no record could be priced ({a.records_read:,} read; {reasons + unpriced})"
        )
        if log.files_not_read:  # a folder whose every file is in no known format: say so, not only "no records"
            first, why = next(iter(log.files_not_read.items()))
            more = len(log.files_not_read) - 1
            problem += f"; files not read: {len(log.files_not_read):,} ({first}: {why}" + (
                f"; and {more:,} more)" if more else ")")
        warn.print(escape(printable(f"error: {where}{problem}")), soft_wrap=True)
        raise typer.Exit(ExitCode.BAD_INPUT)
    malformed = log.malformed_records
    if malformed:
        warn.print(
            f"error: {malformed:,} malformed record(s) skipped; the report above leaves them out "
            "(fix them, or see each with --strict)",
            soft_wrap=True,
        )
    if malformed or log.failed_parts:
        raise typer.Exit(ExitCode.BAD_INPUT)


@app.command(cls=PlainCommand)
@handles_errors
def classify(
    prompt: str | None = typer.Argument(None, help="The prompt text; omit to read it from stdin."),
    file: Path | None = typer.Option(
        None,
        "--file",
        help="Classify each request of a file: JSONL with `prompt` (and optional `id`), a JSON list of prompts, "
        "or one prompt per line of a .txt file.",
        dir_okay=False,
    ),
    fmt: str = typer.Option("text", "--format", "-f", help="text (one prompt) or jsonl (one line per request)."),
    classifier: str | None = ClassifierOpt,
    policy: Path | None = PolicyOpt,
):
    """Tier (1, 2, 3) and reason for one prompt, or for every request of a file.

    The same function `costsim estimate` uses; from Python: `from costsim import classify_prompt`.

    \b
    Examples:
      costsim classify "Add docstrings to utils.py"
      costsim classify --file prompts.jsonl --format jsonl
    """
    from costsim.routing.classify import make_classifier
    from costsim.routing.pool import Remembering
    from costsim.routing.prompts import read_prompts

    if fmt not in {"text", "jsonl"}:
        raise ConfigError(f"--format {fmt!r}: use text or jsonl")
    if file is not None and prompt is not None:
        raise ConfigError(f"give a prompt or --file, not both (--file {file} and {_quoted(prompt)})")
    if file is None and prompt is not None and _names_a_file(prompt):
        file = Path(prompt)  # `costsim classify prompts.jsonl`: the user means the file, not its name
    if file is None and prompt is None and stdin_is_terminal():
        raise ConfigError(
            'no prompt given: costsim classify "Add docstrings to utils.py", '
            "costsim classify --file prompts.jsonl, or pipe text in: echo TEXT | costsim classify"
        )
    pol = load_policy(policy)
    _, classify_many = make_classifier(pol, classifier)
    if file is not None:
        records = read_prompts(file)
    else:
        # bytes that are not UTF-8 become U+FFFD, as a log read from stdin has them (printing them back cannot fail)
        text = prompt if prompt is not None else sys.stdin.buffer.read().decode("utf-8", errors="replace")
        if not text.strip():
            raise ConfigError("no prompt given (pass it as an argument or on stdin)")
        records = [(None, text)]
    remembered = Remembering(classify_many)  # a file of many requests: each distinct one once, on every core
    try:
        decisions = remembered([p for _, p in records])
    finally:
        remembered.close()
    console = stdout()
    for (record_id, _), decision in zip(records, decisions):
        if fmt == "jsonl":
            console.file.write(
                json.dumps({"id": record_id, "tier": decision.tier, "reason": decision.reason}, ensure_ascii=False)
                + "\n"
            )
        else:
            console.file.write(
                f"tier {decision.tier} ({pol.tier_names[decision.tier]} → "
                f"{pol.tier_models[decision.tier]}): {decision.reason}\n"
            )


PROMPT_FILE_SUFFIXES = (".jsonl", ".json", ".txt", ".csv")


def _names_a_file(prompt: str) -> bool:
    """One word that is an existing file, or looks like one (prompts.jsonl): read it, or say it is missing."""
    word = prompt.strip()
    if not word or any(c.isspace() for c in word):
        return False
    if Path(word).is_file():
        return True
    if word.lower().endswith(PROMPT_FILE_SUFFIXES):
        raise ConfigError(
            f"{word}: no such file (to classify a file's requests, give a path that exists; "
            "to classify these words as a prompt, pipe them in: echo ... | costsim classify)"
        )
    return False


def stdin_is_terminal() -> bool:
    """Nothing piped in: reading stdin would wait, silently, for the user to type."""
    return sys.stdin.isatty()


def _quoted(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


@app.command(cls=PlainCommand)
@handles_errors
def models(
    provider: str | None = typer.Option(
        None, "--provider", help="Only this provider (anthropic, openai, google, deepseek, ...)."
    ),
    sort: str = typer.Option("cost", "--sort", help="cost, name or provider."),
    input_tokens: int | None = typer.Option(
        None, "--input-tokens", min=0, help="Request profile: input tokens (default: the policy's tier-2 profile)."
    ),
    output_tokens: int | None = typer.Option(None, "--output-tokens", min=0, help="Request profile: output tokens."),
    as_of: str | None = typer.Option(None, "--as-of", help="Show the prices in force on this date (default: today)."),
    search: str | None = typer.Option(
        None, "--search", "-s", help="Only models whose id, name or alias holds these words."
    ),
    policy: Path | None = PolicyOpt,
    pricing: list[Path] | None = PricingOpt,
    fmt: ModelsFormat = ModelsFormatOpt,
    max_price_age_days: int | None = billing_cli.MaxAgeOpt,
):
    """The price tables: every model's prices, its tier in the policy, and the cost of one request.

    The title says how many models the tables hold, from how many providers, and the date of the
    newest price check.

    \b
    Examples:
      costsim models --provider anthropic
      costsim models --search sonnet
      costsim models --search "llama 70b" --sort cost
      costsim models --provider openai --input-tokens 50000 --output-tokens 2000
    """
    from costsim.render.models import ModelTable, coverage_line, model_rows

    if sort not in {"cost", "name", "provider"}:
        raise ConfigError(f"--sort {sort!r}: use cost, name or provider")
    book, pol = setup(policy, pricing, (None, None, None))
    profile = pol.profiles[2]
    input_tokens = profile.input_tokens if input_tokens is None else input_tokens
    output_tokens = profile.output_tokens if output_tokens is None else output_tokens
    billing_cli.warn_stale(book, max_price_age_days, today())
    rows = model_rows(
        book,
        pol,
        parse_day(as_of) or today(),
        provider=provider,
        sort=sort,
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        search=search,
    )
    table = ModelTable(
        tuple(rows),
        profile=f" {input_tokens:,} input + {output_tokens:,} output tokens",
        coverage=coverage_line(book, today()),
    )
    formats.render(formats.MODELS, table, fmt, stdout())


