"""`costsim evaluate` and `costsim train`: routing quality on labeled requests, and a classifier of your own."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.markup import escape

from costsim.cli.app import app
from costsim.cli.common import PolicyOpt, PricingOpt, Tier1Opt, Tier2Opt, Tier3Opt, parse_day, setup, today
from costsim.cli.console import handles_errors, out_folder_exists, stderr, stdout
from costsim.cli.help import PlainCommand
from costsim.render import formats

QualityFormat = formats.choices(formats.QUALITY, "QualityFormat")
TABLE = QualityFormat("table")


@app.command(cls=PlainCommand)
@handles_errors
def evaluate(
    labeled: Path = typer.Argument(
        ...,
        help="JSONL of labeled requests: `prompt` and true `tier` (1, 2, 3); "
        "or a directory of them (each file scored on its own, e.g. the probes).",
    ),
    classifiers: list[str] | None = typer.Option(
        None,
        "--classifier",
        help="keywords, rules, learned, a weights file; add :cautious or :typed to a learned one. "
        "Repeatable (default: keywords, rules, learned, learned:cautious, learned:typed).",
    ),
    target_distribution: str | None = typer.Option(
        None,
        "--target-distribution",
        help="Also force each learned classifier to split the file in these shares (65/25/10) "
        "and show the quality cost.",
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Price mistakes at this date's list prices (default: today)."
    ),
    tier1: str | None = Tier1Opt,
    tier2: str | None = Tier2Opt,
    tier3: str | None = Tier3Opt,
    policy: Path | None = PolicyOpt,
    pricing: list[Path] | None = PricingOpt,
    fmt: QualityFormat = typer.Option(TABLE, "--format", "-f", help="table, json or markdown."),
):
    """Routing quality of classifiers on labeled requests, side by side: accuracy, confusion, under- and
    over-routing, and what the mistakes cost at the policy's prices.

    Score on requests of your own: the bundled learned classifier was trained on the authored sets under
    datasets/classify/authored, so on those it scores its own training set (near 99%), which says nothing
    about your traffic. The probes under datasets/classify/probes were kept out of training; its
    held-out figures (each authoring source left out in turn) are in docs/routing-quality.md.

    \b
    Examples:
      costsim evaluate labeled.jsonl --as-of 2026-05-14
      costsim evaluate datasets/classify/probes/ --classifier learned
      costsim evaluate labeled.jsonl --classifier keywords --classifier my-model.json --format markdown
      costsim evaluate labeled.jsonl --target-distribution 65/25/10
      costsim evaluate datasets/classify/authored/terse.jsonl --classifier keywords --classifier rules
    """
    from costsim.routing.quality import evaluate_file, labeled_files
    from costsim.simulate.scenario import parse_distribution

    book, pol = setup(policy, pricing, (tier1, tier2, tier3))
    shares = None
    if target_distribution is not None:
        parsed = parse_distribution(target_distribution, "--target-distribution")
        shares = tuple(float(parsed[t]) for t in (1, 2, 3))
    day = parse_day(as_of) or today()
    reports = [evaluate_file(path, classifiers or (), pol, book, day, shares) for path in labeled_files(labeled)]
    if fmt.value == "json" and labeled.is_dir():
        stdout().file.write(json.dumps(formats.quality_files_to_dict(reports), indent=2) + "\n")
        return
    for i, report in enumerate(reports):
        if i:
            stdout().file.write("\n")
        formats.render(formats.QUALITY, report, fmt, stdout())


@app.command(cls=PlainCommand)
@handles_errors
def train(
    labeled: Path = typer.Argument(
        ..., help="JSONL of labeled requests: `prompt` and true `tier` (1, 2, 3).", dir_okay=False
    ),
    out: Path = typer.Option(
        ...,
        "--out",
        "-o",
        help="Where to write the weights (JSON); use it with --classifier PATH.",
        dir_okay=False,
        callback=out_folder_exists,
    ),
):
    """Train the learned classifier on your own labeled requests (numpy only, no network).

    \b
    Examples:
      costsim train labeled.jsonl --out model.json
      costsim estimate logs/ --classifier model.json
    """
    from costsim.routing.quality import train_labeled

    path, n = train_labeled(labeled, out)
    stderr().print(f"trained on {n:,} labeled requests → {escape(str(path))}", soft_wrap=True)
