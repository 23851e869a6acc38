"""Two saved JSON reports → the change per strategy, tier and model, in $ and %, held to increase caps.

This is how a pull request compares its projection with the main branch's: both sides write
`--format json --out FILE`, and `costsim diff BASE HEAD` reads them back (report/saved.py, the reader).
A file that is not a costsim report, or two reports with different schema versions, is an error naming
the file and key.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from costsim.ci.status import FAIL, OK, WARN
from costsim.errors import ConfigError, ExitCode, InputError
from costsim.money import signed_pct, signed_usd, usd
from costsim.report.model import SCHEMA_VERSION, percent_of
from costsim.report.saved import SavedReport, read_report
from costsim.yamlio import to_decimal


@dataclass(frozen=True)
class Change:
    """One figure in both reports: a strategy's total, or its cost on one tier or one model."""

    strategy: str
    scope: str  # "total", "tier" or "model"
    item: str  # "all", "1 · Mechanical", "gpt-5-nano"
    base_usd: Decimal | None
    head_usd: Decimal | None

    @property
    def delta_usd(self) -> Decimal:
        return (self.head_usd or Decimal(0)) - (self.base_usd or Decimal(0))

    @property
    def delta_pct(self) -> Decimal | None:
        """Change relative to the base; None when the base is $0 (or absent)."""
        return percent_of(self.delta_usd, self.base_usd or Decimal(0))


@dataclass(frozen=True)
class IncreaseCap:
    """`10%` (of the base) or `$50`: the largest increase a level allows."""

    amount: Decimal
    unit: str  # "pct" or "usd"

    def __str__(self) -> str:
        return f"{self.amount.normalize():f}%" if self.unit == "pct" else usd(self.amount)

    def crossed_by(self, change: Change) -> bool:
        if change.delta_usd <= 0:
            return False
        if self.unit == "usd":
            return change.delta_usd > self.amount
        return change.delta_pct is None or change.delta_pct > self.amount  # from $0, any increase is infinite


def parse_increase(text: str | None, option: str) -> IncreaseCap | None:
    """'10%' or '$50' (also '50$'); a bare number is ambiguous and refused."""
    if text is None:
        return None
    raw = text.strip()
    if raw.endswith("%"):
        unit, number = "pct", raw[:-1]
    elif raw.startswith("$") or raw.endswith("$"):
        unit, number = "usd", raw.strip("$")
    else:
        raise ConfigError(f"{option} {text!r}: give a percentage (10%) or a dollar amount ($50)")

    def fail(message: str):
        raise ConfigError(f"{option} {text!r}: {message}")

    if not number.strip():
        fail("a cap needs a number")
    return IncreaseCap(to_decimal(number, fail), unit)


@dataclass(frozen=True)
class DiffResult:
    base_path: str
    head_path: str
    strategy: str
    changes: tuple[Change, ...]
    warn: IncreaseCap | None
    fail: IncreaseCap | None

    @property
    def held(self) -> Change:
        return next(c for c in self.changes if c.strategy == self.strategy and c.scope == "total")

    @property
    def status(self) -> str:
        held = self.held
        if self.fail is not None and self.fail.crossed_by(held):
            return FAIL
        if self.warn is not None and self.warn.crossed_by(held):
            return WARN
        return OK

    @property
    def message(self) -> str:
        held = self.held
        change = f"{signed_usd(held.delta_usd)} ({signed_pct(held.delta_pct)})"
        crossed = {FAIL: self.fail, WARN: self.warn}.get(self.status)
        if crossed is None:
            return f"{self.strategy} cost changes {change}: within the caps"
        return f"{self.strategy} cost rises {change}, above the {self.status} level +{crossed}"

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.CAP_EXCEEDED if self.status == FAIL else ExitCode.OK


# ---- reading reports ---------------------------------------------------------------------------


def strategy_costs(report: SavedReport) -> dict[str, list[Change]]:
    """strategy key → its total, tier and model costs as one-sided changes (base side filled)."""
    return {s.key: [Change(s.key, c.scope, c.item, c.cost_usd, None) for c in s.costs] for s in report.strategies}


def check_versions(base: SavedReport, head: SavedReport, base_path, head_path) -> None:
    b, h = base.schema_version, head.schema_version
    if b != h:
        raise InputError(
            f"schema_version: {h!r} differs from {b!r} in {base_path}; regenerate both reports with the same costsim",
            path=head_path,
        )
    if b != SCHEMA_VERSION:
        raise InputError(f"schema_version: {b!r}; this costsim reads version {SCHEMA_VERSION}", path=base_path)
    if base.kind != head.kind:  # a planned mix against logged requests: no change to measure
        a = lambda kind: f"{'an' if str(kind)[:1] in 'aeiou' else 'a'} {kind}"  # noqa: E731
        raise InputError(
            f"kind: {a(head.kind)} report, and {base_path} is {a(base.kind)} report; "
            "diff two reports of the same command (compare with compare, estimate with estimate)",
            path=head_path,
        )


# ---- the diff ------------------------------------------------------------------------------------


def diff_reports(
    base_path: str | Path,
    head_path: str | Path,
    *,
    strategy: str = "smart",
    warn: IncreaseCap | None = None,
    fail: IncreaseCap | None = None,
) -> DiffResult:
    if warn is not None and fail is not None and warn.unit == fail.unit and warn.amount > fail.amount:
        raise ConfigError(f"--warn-on-increase {warn} is above --fail-on-increase {fail}; the warning must come first")
    base, head = read_report(base_path), read_report(head_path)
    check_versions(base, head, base_path, head_path)
    base_rows, head_rows = strategy_costs(base), strategy_costs(head)
    for rows, path in ((base_rows, base_path), (head_rows, head_path)):
        if strategy not in rows:
            raise InputError(f"strategies: no {strategy!r} (has {', '.join(rows)})", path=path)
    changes = []
    for key in [*base_rows, *(k for k in head_rows if k not in base_rows)]:
        changes += _pair(base_rows.get(key, []), head_rows.get(key, []))
    return DiffResult(str(base_path), str(head_path), strategy, tuple(changes), warn, fail)


def _pair(base: list[Change], head: list[Change]) -> list[Change]:
    """Join one strategy's rows by (scope, item), keeping the base order, then rows new in head."""
    head_by = {(c.scope, c.item): c.base_usd for c in head}
    base_by = {(c.scope, c.item): c.base_usd for c in base}
    order = [(c.strategy, c.scope, c.item) for c in base]
    order += [(c.strategy, c.scope, c.item) for c in head if (c.scope, c.item) not in base_by]
    rows = [Change(s, scope, item, base_by.get((scope, item)), head_by.get((scope, item))) for s, scope, item in order]
    scope_rank = {"total": 0, "tier": 1, "model": 2}
    return sorted(rows, key=lambda c: scope_rank[c.scope])


__all__ = ["diff_reports", "parse_increase", "DiffResult", "Change", "IncreaseCap"]
