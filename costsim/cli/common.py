"""What every command shares: dates, price-book setup, what-ifs and common options (consoles and the
error boundary are in console.py).

Output formats: one enum per output kind, made from that kind's table in render/formats.py, so each
lists exactly what its renderers draw.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import typer

from costsim.cli.console import out_folder_exists
from costsim.errors import ConfigError
from costsim.frame import DAYS, day_in_span
from costsim.pricing.book import load_price_book
from costsim.pricing.prices import PriceBook
from costsim.render import formats
from costsim.report.model import Report
from costsim.report.parts import PriceAdjustment
from costsim.routing.policy import Policy, load_policy
from costsim.simulate.sweep import apply_what_if, parse_what_if

ReportFormat = formats.choices(formats.REPORT, "ReportFormat")
SweepFormat = formats.choices(formats.SWEEP, "SweepFormat")
ModelsFormat = formats.choices(formats.MODELS, "ModelsFormat")


def today() -> date:
    """Today's date, or COSTSIM_TODAY (YYYY-MM-DD) for reproducible output (the README's examples use it)."""
    pinned = os.environ.get("COSTSIM_TODAY")
    return parse_day(pinned, "COSTSIM_TODAY") if pinned else date.today()


def parse_day(value: str | None, option: str = "--as-of") -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{option} {value!r}: expected a date like 2026-05-14") from None
    if not day_in_span(day):
        raise ConfigError(f"{option} {value!r}: {DAYS}")
    return day


def parse_minutes(value: str | None, option: str) -> tuple[int, ...]:
    """'5' or '0,2,5,15' → (0, 2, 5, 15); anything but whole minutes >= 0 is a ConfigError naming the option."""
    if value is None:
        return ()
    parts = [p.strip() for p in str(value).split(",")]
    if not all(p.isdigit() for p in parts):
        raise ConfigError(f"{option} {value!r}: expected whole minutes, like 5 or 0,2,5,15,60")
    return tuple(int(p) for p in parts)


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
AsOfOpt = typer.Option(None, "--as-of", help="Price at the list prices in force on this date (default: today).")
Tier1Opt = typer.Option(None, "--tier1", help="Model for tier 1 (mechanical).")
Tier2Opt = typer.Option(None, "--tier2", help="Model for tier 2 (standard implementation).")
Tier3Opt = typer.Option(None, "--tier3", help="Model for tier 3 (complex reasoning).")
ClassifierOpt = typer.Option(None, "--classifier", help="keywords (the document's rules), rules, learned, "
                             "learned:typed (default: the learned one with its prior for prompts people type), or a "
                             "weights file from `costsim train`.")
ModelsFormatOpt = typer.Option(ModelsFormat("table"), "--format", "-f", help="Output format.")
ReportFormatOpt = typer.Option(
    ReportFormat("table"),
    "--format",
    "-f",
    help="Output format; html: one self-contained page with charts (needs costsim[charts]).",
)
SweepFormatOpt = typer.Option(
    SweepFormat("table"),
    "--format",
    "-f",
    help="Output format; html: one self-contained page with the chart (needs costsim[charts]).",
)
OutOpt = typer.Option(
    None,
    "--out",
    "-o",
    help="Write the report to this file instead of stdout.",
    dir_okay=False,
    callback=out_folder_exists,
)
ClassifierModelOpt = typer.Option(
    None,
    "--classifier-model",
    help="Price a classifier model reading every request (e.g. gpt-5-nano): a line of its own under smart routing.",
)
CLASSIFIER_TOKENS_MAX = 10_000_000  # a classifier's tokens per request: past any context window, and a log's worth
# of requests times it still fits the int64 token columns
ClassifierInOpt = typer.Option(200, "--classifier-input-tokens", min=0, max=CLASSIFIER_TOKENS_MAX,
                               help="Classifier input tokens per request.")
ClassifierOutOpt = typer.Option(5, "--classifier-output-tokens", min=0, max=CLASSIFIER_TOKENS_MAX,
                                help="Classifier output tokens per request.")
EscalationOpt = typer.Option(
    None,
    "--escalation-rate",
    help="Confidence-based escalation: all to tier 2, this share (0.1 or 10%) sent again to tier 3.",
)
MisrouteOpt = typer.Option(
    None, "--misroute-rate", help="Under-routing: this share of tier-3 requests first fails on a cheap model."
)
ReworkOpt = typer.Option(
    2, "--rework-turns", help="Extra tier-3 turns a misrouted request costs before its tier-3 call."
)
MisrouteTierOpt = typer.Option(2, "--misroute-tier", help="Tier whose model a misrouted hard request goes to (1 or 2).")
WhatIfOpt = typer.Option(
    None, "--what-if", help='Change one price, e.g. "claude-opus-4-7.input=-30%" or "gpt-5-nano.output=0.5".'
)


def sim_options(
    classifier_model,
    classifier_input_tokens,
    classifier_output_tokens,
    escalation_rate,
    misroute_rate,
    rework_turns,
    misroute_tier,
    pinned=False,
):
    """The simulated effects the command line asks for (rates checked: 0–1 or 0%–100%)."""
    from costsim.simulate.effects import SimOptions, parse_rate

    return SimOptions(
        classifier_model=classifier_model,
        classifier_input_tokens=classifier_input_tokens,
        classifier_output_tokens=classifier_output_tokens,
        escalation_rate=parse_rate(escalation_rate, "--escalation-rate"),
        misroute_rate=parse_rate(misroute_rate, "--misroute-rate"),
        rework_turns=rework_turns,
        misroute_tier=misroute_tier,
        pinned=pinned,
    )


def with_what_if(book: PriceBook, what_if: str | None) -> PriceBook:
    return book if what_if is None else apply_what_if(book, parse_what_if(what_if, book))


def price_changes(book: PriceBook, what_if: str | None, pricing_files: list[Path] | None) -> list[PriceAdjustment]:
    """Every way the run's prices differ from the bundled list prices, for the report to carry: a saved
    report priced with a what-if or an overlay must not read as list prices."""
    changes = [
        PriceAdjustment("overlay", f"--pricing {p}: its prices replace or add to the bundled tables", file=str(p))
        for p in pricing_files or ()
    ]
    discounts = {
        **{f"provider {k}": v for k, v in book.discounts.providers.items()},
        **{f"model {k}": v for k, v in book.discounts.models.items()},
    }
    changes += [
        PriceAdjustment(
            "discount",
            f"{who}: {pct.normalize():f}% off list (a --pricing overlay's discounts)",
            applies_to=who,
            pct_off=f"{pct.normalize():f}",
        )
        for who, pct in sorted(discounts.items())
    ]
    if what_if is not None:
        change = parse_what_if(what_if, book)
        by = (
            f"{change.relative_pct.normalize():f}%"
            if change.relative_pct is not None
            else f"set to ${change.absolute.normalize():f} per million tokens"
        )
        changes.append(
            PriceAdjustment(
                "what-if",
                f"{change.model} {change.field} price {by} in every period (--what-if {what_if})",
                model=change.model,
                field_name=change.field,
                change=by,
            )
        )
    return changes


def with_price_changes(report: Report, changes: list[PriceAdjustment]) -> Report:
    """The report carrying `changes` (JSON `price_adjustments`; a line under every text format)."""
    return replace(report, price_adjustments=tuple(changes)) if changes else report
