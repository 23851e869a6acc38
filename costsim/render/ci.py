"""Check verdicts and report diffs → table (rich) | markdown (PR comment) | github | json.

`github` writes the Markdown to `$GITHUB_STEP_SUMMARY` when that is set (else to stdout) and prints
one `::error::` / `::warning::` workflow command per crossed cap, which GitHub shows on the run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping

from rich.console import Console
from rich.text import Text

from costsim.ci.caps import FAIL, OK, WARN, Verdict
from costsim.ci.config import DAYS_PER_MONTH
from costsim.ci.diff import DiffResult, signed_pct, signed_usd
from costsim.money import usd
from costsim.render.tables import markdown_table, table_of

FORMATS = ("table", "markdown", "github", "json")
BADGE = {OK: "✅ within caps", WARN: "⚠️ warning", FAIL: "❌ cap exceeded"}
CAP_HEADER = ["Cap", "Projected", "Warn at", "Fail at", "Result"]
DIFF_HEADER = ["Strategy", "Tier / model", "Base", "Head", "Change", "Change %"]


def _exact(value) -> str | None:
    return None if value is None else format(value.normalize(), "f")


# ---- check ---------------------------------------------------------------------------------------

def check_to_dict(verdict: Verdict) -> dict:
    return {
        "schema_version": 1, "kind": "check", "status": verdict.status, "exit_code": int(verdict.exit_code),
        "as_of": None if verdict.as_of is None else verdict.as_of.isoformat(), "days_per_month": DAYS_PER_MONTH,
        "subjects": [{
            "name": s.name, "status": s.status, "strategy": s.strategy.key, "strategy_label": s.strategy.label,
            "requests_per_month": _exact(s.projection.requests_per_month), "projection_basis": s.projection.basis,
            "monthly_cost_usd": _exact(s.monthly_cost_usd),
            "cost_per_request_usd": _exact(s.strategy.cost_per_request_usd),
            "savings_vs_all_frontier_pct": _exact(s.strategy.savings_vs_frontier_pct),
            "models": list(s.strategy.models),
            "caps": [{"key": c.key, "status": c.status, "actual": c.actual_exact if c.actual_exact is not None
                      else c.actual, "warn": c.warn, "fail": c.fail, "message": c.message} for c in s.caps],
        } for s in verdict.subjects],
    }


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


def render_check(verdict: Verdict, fmt: str, console: Console, env: Mapping[str, str] | None = None) -> None:
    if fmt == "json":
        console.file.write(json.dumps(check_to_dict(verdict), indent=2) + "\n")
    elif fmt == "markdown":
        console.file.write(check_markdown(verdict))
    elif fmt == "github":
        _github(check_markdown(verdict), check_annotations(verdict), f"costsim check: {verdict.status}",
                console, env)
    else:
        for s in verdict.subjects:
            console.print(Text(_subject_line(s, verdict)))
            if s.caps:
                console.print(table_of(CAP_HEADER, _cap_rows(s), right={1, 2, 3}))
        console.print(Text(f"costsim check: {BADGE[verdict.status]}"))


# ---- diff ----------------------------------------------------------------------------------------

def diff_to_dict(result: DiffResult) -> dict:
    cap = lambda c: None if c is None else str(c)  # noqa: E731
    return {
        "schema_version": 1, "kind": "diff", "base": result.base_path, "head": result.head_path,
        "strategy": result.strategy, "status": result.status, "exit_code": int(result.exit_code),
        "warn_on_increase": cap(result.warn), "fail_on_increase": cap(result.fail), "message": result.message,
        "changes": [{"strategy": c.strategy, "scope": c.scope, "item": c.item, "base_usd": _exact(c.base_usd),
                     "head_usd": _exact(c.head_usd), "change_usd": _exact(c.delta_usd),
                     "change_pct": _exact(c.delta_pct)} for c in result.changes],
    }


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


def render_diff(result: DiffResult, fmt: str, console: Console, env: Mapping[str, str] | None = None) -> None:
    if fmt == "json":
        console.file.write(json.dumps(diff_to_dict(result), indent=2) + "\n")
    elif fmt == "markdown":
        console.file.write(diff_markdown(result))
    elif fmt == "github":
        notes = [(result.status, result.message)] if result.status != OK else []
        _github(diff_markdown(result), notes, f"costsim diff: {result.status}", console, env)
    else:
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
