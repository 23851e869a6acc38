"""Draw a QualityReport (`costsim evaluate`): rich table, markdown or JSON — the same rows in each."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from rich.console import Console
from rich.text import Text

from costsim.money import usd
from costsim.render.tables import markdown_table, table_of
from costsim.report.jsonshape import envelope, to_json
from costsim.routing.quality import QualityReport, QualityRow

HEADERS = (
    "Classifier",
    "Acc",
    "T3 lower",
    "1→3",
    "2→1",
    "Under",
    "Over",
    "Mistakes",
    "×kw",
    "Split 1/2/3",
    "Confusion",
)
MISTAKES = ((1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (3, 2))  # (true tier, routed tier)
MISTAKE_HEADERS = ("Classifier", *(f"{t}→{p}" for t, p in MISTAKES))
SAVINGS_TITLE = "The saving estimate would report with each classifier, against perfect routing's"
SAVINGS_HEADERS = ("Classifier", "Smart routing", "All frontier", "Saving", "Perfect routing", "Off by")


def _cells(row: QualityRow, report: QualityReport) -> list[str]:
    ev = row.evaluation
    base = report.baseline
    ratio = "—"
    if base is not None and base.evaluation.mistake_cost_usd:
        ratio = f"{ev.mistake_cost_usd / base.evaluation.mistake_cost_usd:.2f}×"
    t1, t2 = sum(ev.confusion[0]), sum(ev.confusion[1])
    return [
        row.name,
        f"{ev.accuracy:.1%}",
        f"{ev.tier3_sent_lower_rate:.0%} ({ev.tier3_sent_lower}/{ev.tier3_total})",
        f"{ev.confusion[0][2]}/{t1}",
        f"{ev.tier2_sent_to_tier1}/{t2}",
        str(ev.under_routed),
        str(ev.over_routed),
        usd(ev.mistake_cost_usd),
        ratio,
        "/".join(f"{s * 100:.0f}" for s in row.shares),
        " ".join(",".join(str(c) for c in r) for r in ev.confusion),
    ]


def _mistake_cells(row: QualityRow) -> list[str]:
    """What each kind of mistake cost, and how many requests made it: "$0.0412 (3)"."""
    ev = row.evaluation
    return [row.name, *(f"{usd(ev.cost_by_mistake[t - 1][p - 1])} ({ev.confusion[t - 1][p - 1]})" for t, p in MISTAKES)]


def _savings_cells(row: QualityRow) -> list[str]:
    """What `estimate` would price these requests at with this classifier's tiers (no retries), the saving
    that makes against all-frontier, perfect routing's saving, and the gap in percentage points."""
    ev = row.evaluation
    saving, perfect = ev.estimated_savings, ev.perfect_savings
    gap = "—" if saving is None or perfect is None else f"{(saving - perfect) * 100:+.1f} pts"
    return [row.name, usd(ev.priced_as_routed_usd), usd(ev.all_frontier_usd), _pct(saving), _pct(perfect), gap]


def _pct(share: float | None) -> str:
    return "—" if share is None else f"{share:.1%}"


def _title(report: QualityReport) -> str:
    models = ", ".join(
        f"tier {t}: {m} ({report.output_tokens[t]:,} output tokens)" for t, m in report.tier_models.items()
    )
    return (
        f"Routing quality on {report.path} ({report.rows[0].evaluation.n:,} labeled requests), "
        f"prices of {report.as_of.isoformat()}, {models}"
    )


@dataclass(frozen=True)
class ClassifierScoreJson:
    """One classifier's scores on the labeled file (`forced_split`: its thresholds calibrated to --target-distribution).
    Counts are requests; rates and savings are fractions of 1; money is USD at the policy's prices."""

    classifier: str
    forced_split: bool
    n: int
    accuracy: float
    confusion: tuple[tuple[int, int, int], ...]  # [true tier - 1][routed tier - 1]
    tier3_sent_lower: int
    tier3_total: int
    tier2_sent_to_tier1: int
    under_routed: int
    over_routed: int
    mistake_cost_usd: Decimal
    under_cost_usd: Decimal
    over_cost_usd: Decimal
    ideal_cost_usd: Decimal
    extra_cost_usd: Decimal
    tier1_sent_to_tier3: int
    mistake_cost_by_type_usd: dict[str, Decimal]  # "true->routed": what those misrouted requests pay
    priced_as_routed_usd: Decimal
    all_frontier_usd: Decimal
    estimated_savings: float | None
    perfect_savings: float | None
    shares: tuple[float, ...]  # the share routed to tier 1, 2, 3


@dataclass(frozen=True)
class EvaluateJson:
    """`costsim evaluate FILE --format json`: each classifier's routing quality on one labeled file."""

    path: str
    as_of: date
    tier_models: dict[int, str]
    output_tokens: dict[int, int]
    target_shares: tuple[float, ...] | None
    rows: tuple[ClassifierScoreJson, ...]
    notes: tuple[str, ...]


def _score_json(row: QualityRow) -> ClassifierScoreJson:
    ev = row.evaluation
    return ClassifierScoreJson(
        row.name, row.forced, ev.n, ev.accuracy, ev.confusion, ev.tier3_sent_lower, ev.tier3_total,
        ev.tier2_sent_to_tier1, ev.under_routed, ev.over_routed, ev.mistake_cost_usd, ev.under_cost_usd,
        ev.over_cost_usd, ev.ideal_cost_usd, ev.extra_cost_usd, ev.confusion[0][2],
        {f"{t}->{p}": ev.cost_by_mistake[t - 1][p - 1] for t, p in MISTAKES}, ev.priced_as_routed_usd,
        ev.all_frontier_usd, ev.estimated_savings, ev.perfect_savings, tuple(row.shares))


def evaluate_json(report: QualityReport) -> EvaluateJson:
    return EvaluateJson(report.path, report.as_of, dict(report.tier_models), dict(report.output_tokens),
                        report.target_shares, tuple(_score_json(r) for r in report.rows), tuple(report.notes))


def to_dict(report: QualityReport) -> dict:
    return {**envelope("evaluate"), **to_json(evaluate_json(report))}


def render_quality(report: QualityReport, fmt: str, console: Console) -> None:
    if fmt == "json":
        console.file.write(json.dumps(to_dict(report), indent=2) + "\n")
        return
    if fmt == "markdown":
        lines = [
            f"**{_title(report)}**",
            "",
            markdown_table(HEADERS, [_cells(r, report) for r in report.rows]),
            "",
            "What the mistakes cost, by kind (true tier → routed tier): dollars (requests)",
            "",
            markdown_table(MISTAKE_HEADERS, [_mistake_cells(r) for r in report.rows]),
            "",
            SAVINGS_TITLE,
            "",
            markdown_table(list(SAVINGS_HEADERS), [_savings_cells(r) for r in report.rows]),
        ]
        lines += [""] + [f"- {n}" for n in report.notes]
        console.file.write("\n".join(lines) + "\n")
        return
    console.print(Text(_title(report)))
    table = table_of(
        HEADERS,
        [_cells(r, report) for r in report.rows],
        right=set(range(1, len(HEADERS) - 1)),
        no_wrap={0},
        caption="Confusion: true tier 1 | 2 | 3, each as predicted 1,2,3",
        caption_justify="left",
        pad_edge=False,
    )
    console.print(table)
    console.print(
        table_of(
            MISTAKE_HEADERS,
            [_mistake_cells(r) for r in report.rows],
            right=set(range(1, 7)),
            no_wrap={0},
            title="What the mistakes cost, by kind (true tier → routed tier): dollars (requests)",
            pad_edge=False,
        )
    )
    console.print(
        table_of(
            list(SAVINGS_HEADERS),
            [_savings_cells(r) for r in report.rows],
            right=set(range(1, len(SAVINGS_HEADERS))),
            no_wrap={0},
            title=SAVINGS_TITLE,
            pad_edge=False,
            spare=(2,),  # all frontier: the same for every classifier
        )
    )
    for note in report.notes:
        console.print(Text(f"note: {note}"))
