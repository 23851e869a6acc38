"""Check verdicts and report diffs → table (rich) | markdown (PR comment) | github | json.

`github` writes the Markdown to `$GITHUB_STEP_SUMMARY` when that is set (else to stdout) and prints
one `::error::` / `::warning::` workflow command per crossed cap, which GitHub shows on the run.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from rich.console import Console
from rich.text import Text

from costsim.ci.caps import FAIL, OK, WARN, Verdict
from costsim.ci.config import DAYS_PER_MONTH
from costsim.ci.diff import DiffResult
from costsim.money import signed_pct, signed_usd, usd
from costsim.render.tables import markdown_table, table_of
from costsim.report.jsonshape import envelope, to_json

BADGE = {OK: "✅ within caps", WARN: "⚠️ warning", FAIL: "❌ cap exceeded"}
CAP_HEADER = ["Cap", "Projected", "Warn at", "Fail at", "Result"]
DIFF_HEADER = ["Strategy", "Tier / model", "Base", "Head", "Change", "Change %"]


# ---- check ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CapJson:
    """One cap held: the figure (exact where it is a number), the levels as configured, the outcome."""

    key: str
    status: str
    actual: str
    warn: str
    fail: str
    message: str


@dataclass(frozen=True)
class SubjectJson:
    """One input (a scenario, or the logs) projected to a 30-day month and held to the caps."""

    name: str
    status: str
    strategy: str
    strategy_label: str
    requests_per_month: Decimal
    projection_basis: str
    monthly_cost_usd: Decimal
    cost_per_request_usd: Decimal | None
    savings_vs_all_frontier_pct: Decimal | None
    models: tuple[str, ...]
    caps: tuple[CapJson, ...]


@dataclass(frozen=True)
class CheckJson:
    """`costsim check --format json`: the verdict (exit code 1 when a fail level is crossed) and each input's caps."""

    status: str
    exit_code: int
    as_of: date | None
    days_per_month: int
    subjects: tuple[SubjectJson, ...]


def check_json(verdict: Verdict) -> CheckJson:
    return CheckJson(verdict.status, int(verdict.exit_code), verdict.as_of, DAYS_PER_MONTH, tuple(
        SubjectJson(s.name, s.status, s.strategy.key, s.strategy.label, s.projection.requests_per_month,
                    s.projection.basis, s.monthly_cost_usd, s.strategy.cost_per_request_usd,
                    s.strategy.savings_vs_frontier_pct, s.strategy.models,
                    tuple(CapJson(c.key, c.status, c.actual_exact if c.actual_exact is not None else c.actual,
                                  c.warn, c.fail, c.message) for c in s.caps))
        for s in verdict.subjects))


def check_to_dict(verdict: Verdict) -> dict:
    return {**envelope("check"), **to_json(check_json(verdict))}


def _subject_line(s, verdict: Verdict) -> str:
    return (f"{s.name} · {s.strategy.label} · {s.projection.requests_per_month:,.0f} requests/month "
            f"({s.projection.basis}) · projected {usd(s.monthly_cost_usd)}/month, "
            f"{usd(s.strategy.cost_per_request_usd)} per request · prices as of {verdict.as_of}")


def _cap_rows(s) -> list[list[str]]:
    return [[c.label, c.actual, c.warn, c.fail, BADGE[c.status] if c.status != OK else "✅ ok"] for c in s.caps]


def check_markdown(verdict: Verdict) -> str:
    parts = [f"## costsim check: {BADGE[verdict.status]}", ""]
    for s in verdict.subjects:
        parts += [f"**{_subject_line(s, verdict)}**", ""]
        parts += [markdown_table(CAP_HEADER, _cap_rows(s)) if s.caps else "_No caps configured._", ""]
    return "\n".join(parts) + "\n"


def check_annotations(verdict: Verdict) -> list[tuple[str, str]]:
    return [(c.status, f"{s.name}: {c.message}") for s in verdict.subjects for c in s.caps if c.status != OK]


def check_github(verdict: Verdict, console: Console, env: Mapping[str, str] | None = None) -> None:
    _github(check_markdown(verdict), check_annotations(verdict), f"costsim check: {verdict.status}", console, env)


def draw_check(verdict: Verdict, console: Console) -> None:
    for s in verdict.subjects:
        console.print(Text(_subject_line(s, verdict)))
        if s.caps:
            console.print(table_of(CAP_HEADER, _cap_rows(s), right={1, 2, 3}))
    console.print(Text(f"costsim check: {BADGE[verdict.status]}"))


# ---- diff ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChangeJson:
    """A strategy's total, or its cost on one tier or model, in both reports (null where one lacks it)."""

    strategy: str
    scope: str
    item: str
    base_usd: Decimal | None
    head_usd: Decimal | None
    change_usd: Decimal
    change_pct: Decimal | None   # null: from $0 (or new)


@dataclass(frozen=True)
class DiffJson:
    """`costsim diff --format json`: the change per strategy, tier and model, held to the increase caps."""

    base: str
    head: str
    strategy: str
    status: str
    exit_code: int
    warn_on_increase: str | None
    fail_on_increase: str | None
    message: str
    changes: tuple[ChangeJson, ...]


def diff_to_dict(result: DiffResult) -> dict:
    cap = lambda c: None if c is None else str(c)  # noqa: E731
    doc = DiffJson(result.base_path, result.head_path, result.strategy, result.status, int(result.exit_code),
                   cap(result.warn), cap(result.fail), result.message,
                   tuple(ChangeJson(c.strategy, c.scope, c.item, c.base_usd, c.head_usd, c.delta_usd, c.delta_pct)
                         for c in result.changes))
    return {**envelope("diff"), **to_json(doc)}


def _diff_rows(result: DiffResult) -> list[list[str]]:
    rows = []
    for c in result.changes:
        item = "total" if c.scope == "total" else ("tier " if c.scope == "tier" else "") + c.item
        pct_text = "—" if c.delta_usd == 0 and c.delta_pct is None else signed_pct(c.delta_pct)
        rows.append([c.strategy if c.scope == "total" else "", item, usd(c.base_usd), usd(c.head_usd),
                     signed_usd(c.delta_usd), pct_text])
    return rows


def diff_markdown(result: DiffResult) -> str:
    caps = ", ".join(f"{name} +{cap}" for name, cap in (("warn", result.warn), ("fail", result.fail)) if cap)
    parts = [f"## costsim diff: {BADGE[result.status]}", "",
             f"**{result.message}**" + (f" (caps: {caps})" if caps else ""), "",
             f"Base `{result.base_path}` → head `{result.head_path}`", "",
             markdown_table(DIFF_HEADER, _diff_rows(result)), ""]
    return "\n".join(parts) + "\n"


def diff_github(result: DiffResult, console: Console, env: Mapping[str, str] | None = None) -> None:
    notes = [(result.status, result.message)] if result.status != OK else []
    _github(diff_markdown(result), notes, f"costsim diff: {result.status}", console, env)


def draw_diff(result: DiffResult, console: Console) -> None:
    console.print(table_of(DIFF_HEADER, _diff_rows(result), right={2, 3, 4, 5}))
    console.print(Text(f"costsim diff: {BADGE[result.status]} — {result.message}"))


# ---- shared ----------------------------------------------------------------------------------------

def workflow_escape(text: str) -> str:
    """GitHub workflow-command data: %, CR and LF must be encoded or the line is cut short."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github(markdown: str, notes: list[tuple[str, str]], headline: str, console: Console,
            env: Mapping[str, str] | None) -> None:
    env = os.environ if env is None else env
    summary = env.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(markdown)
    else:
        console.file.write(markdown)
    for status, message in notes:
        command = "error" if status == FAIL else "warning"
        console.file.write(f"::{command} title=costsim::{workflow_escape(message)}\n")
    if summary:
        console.file.write(f"{headline} (summary written to $GITHUB_STEP_SUMMARY)\n")
