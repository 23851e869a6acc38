"""`costsim sweep`: savings as one tier's share moves, the break-even share, and a chart to export."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from costsim.cli.app import app
from costsim.cli.common import (
    AsOfOpt,
    ClassifierInOpt,
    ClassifierModelOpt,
    ClassifierOutOpt,
    OutOpt,
    PolicyOpt,
    PricingOpt,
    SweepFormat,
    SweepFormatOpt,
    Tier1Opt,
    Tier2Opt,
    Tier3Opt,
    WhatIfOpt,
    parse_day,
    setup,
    today,
)
from costsim.cli.console import handles_errors, out_folder_exists, output, stderr
from costsim.cli.help import PlainCommand
from costsim.errors import ConfigError
from costsim.render import formats, plots
from costsim.render.html import sweep_html

EXPORTS = (".svg", ".png", ".html")


@app.command(cls=PlainCommand)
@handles_errors
def sweep(
    vary: int = typer.Option(
        3, "--vary", help="The tier whose share moves (3 or 1); the other two keep their relative shares."
    ),
    target_savings: float = typer.Option(
        90, "--target-savings", help="Savings (percent vs all-frontier) whose break-even share to find."
    ),
    step: float = typer.Option(5, "--step", help="Sweep step, in percentage points of share."),
    what_if: str | None = WhatIfOpt,
    distribution: str | None = typer.Option(
        None,
        "--distribution",
        "-d",
        help="Shares 1/2/3 that fix the other tiers' relative shares (default: the scenario's).",
    ),
    input_tokens: int | None = typer.Option(
        None, "--input-tokens", min=0, help="Input tokens per request (all tiers)."
    ),
    output_tokens: int | None = typer.Option(
        None, "--output-tokens", min=0, help="Output tokens per request (all tiers)."
    ),
    scenario: Path | None = typer.Option(
        None,
        "--scenario",
        help="Scenario YAML for the token profiles and shares (default: the document's sprint).",
        dir_okay=False,
    ),
    classifier_model: str | None = ClassifierModelOpt,
    classifier_input_tokens: int = ClassifierInOpt,
    classifier_output_tokens: int = ClassifierOutOpt,
    as_of: str | None = AsOfOpt,
    tier1: str | None = Tier1Opt,
    tier2: str | None = Tier2Opt,
    tier3: str | None = Tier3Opt,
    policy: Path | None = PolicyOpt,
    pricing: list[Path] | None = PricingOpt,
    fmt: SweepFormat = SweepFormatOpt,
    out: Path | None = OutOpt,
    export: Path | None = typer.Option(
        None,
        "--export",
        help="Also save the savings chart: .svg, .png or .html (a page with the chart and table); "
        "needs costsim[charts].",
        dir_okay=False,
        callback=out_folder_exists,
    ),
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
      costsim sweep --format html --out sweep.html
    """
    from decimal import Decimal

    from costsim.simulate.scenario import load_scenario, override_profiles, parse_distribution
    from costsim.simulate.sweep import parse_what_if
    from costsim.simulate.sweep import sweep as run_sweep

    if export is not None and export.suffix.lower() not in EXPORTS:
        raise ConfigError(f"--export {str(export)!r}: give a file ending in {', '.join(EXPORTS)}")
    if export is not None or fmt.value == "html":
        plots.pyplot()  # matplotlib missing: say what to install before the work, not after
    book, pol = setup(policy, pricing, (tier1, tier2, tier3))
    plan = load_scenario(scenario, pol)
    shares = parse_distribution(distribution) if distribution is not None else plan.shares
    profiles = override_profiles(plan.profiles, input_tokens, output_tokens)
    change = parse_what_if(what_if, book) if what_if is not None else None
    if classifier_model is not None:
        classifier_model = book.resolve(classifier_model).id
    result = run_sweep(
        book,
        pol,
        profiles,
        shares,
        vary=vary,
        step_pct=Decimal(str(step)),
        target_pct=Decimal(str(target_savings)),
        day=parse_day(as_of) or today(),
        what_if=change,
        overhead_model=classifier_model,
        overhead_tokens=(classifier_input_tokens, classifier_output_tokens),
    )
    with output(out) as console:
        formats.render(formats.SWEEP, result, fmt, console)
    if export is not None:
        if export.suffix.lower() == ".html":
            export.write_text(sweep_html(result), encoding="utf-8")
        else:
            plots.save(plots.savings_curve(result), export)
        stderr().print(f"chart saved to {escape(str(export))}", soft_wrap=True)
