"""What every command shares: output consoles, the error boundary, dates, price-book setup and common options."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from costsim.errors import ConfigError, CostsimError, ExitCode
from costsim.safe_text import printable
from costsim.policy import Policy, load_policy
from costsim.prices import PriceBook, load_price_book


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def stderr() -> Console:
    return Console(stderr=True, highlight=False)


def stdout() -> Console:
    return Console(highlight=False, soft_wrap=False)


@contextmanager
def output(out: Path | None = None) -> Iterator[Console]:
    """The console a report is drawn on: stdout, or `--out FILE` (plain, 120 columns, closed afterwards)."""
    if out is None:
        yield stdout()
        return
    with out.open("w", encoding="utf-8") as handle:
        yield Console(file=handle, width=120, no_color=True, highlight=False)


def handles_errors(command):
    """The one error boundary: a CostsimError becomes one line on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except CostsimError as exc:
            stderr().print(f"error: {escape(printable(exc))}", soft_wrap=True)
            raise typer.Exit(ExitCode.BAD_INPUT) from None
        except typer.Exit:
            raise
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:  # a bug: say so in one line; COSTSIM_DEBUG=1 shows the traceback
            if os.environ.get("COSTSIM_DEBUG"):
                raise
            stderr().print(f"error: internal error ({type(exc).__name__}: {escape(printable(exc))}); "
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
