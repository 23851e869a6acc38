"""The saved report's reader, beside its writer (`Report.to_dict`): a `--format json` file read back as a
typed `SavedReport` — what `costsim diff` compares. Every problem names the file and the key (exit 2)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from costsim.errors import InputError, load_json, read_text
from costsim.yamlio import to_decimal


@dataclass(frozen=True)
class SavedCost:
    """One figure of a strategy: its total ("total", "all"), a tier ("tier", "1 · Mechanical") or a model."""

    scope: str   # "total", "tier" or "model"
    item: str
    cost_usd: Decimal


@dataclass(frozen=True)
class SavedStrategy:
    key: str
    costs: tuple[SavedCost, ...]   # the total first, then each tier, then each model


@dataclass(frozen=True)
class SavedReport:
    path: str
    schema_version: Any   # as written: the reader of two reports says when they differ
    kind: Any
    strategies: tuple[SavedStrategy, ...]

    def strategy(self, key: str) -> SavedStrategy | None:
        return next((s for s in self.strategies if s.key == key), None)


def read_report(path: str | Path) -> SavedReport:
    """A saved JSON report, with the keys a reader relies on checked; problems name the file and key."""
    path = Path(path)
    try:
        data = load_json(read_text(path, InputError))
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", path=path, line=exc.lineno) from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise InputError("schema_version: missing; not a costsim JSON report (write one with --format json)", path=path)
    return SavedReport(str(path), data["schema_version"], data.get("kind"), _strategies(data, path))


def _strategies(data: dict, path: Path) -> tuple[SavedStrategy, ...]:
    strategies = data.get("strategies")
    if not isinstance(strategies, list):
        raise InputError("strategies: missing or not a list", path=path)
    out = []
    for i, s in enumerate(strategies):
        where = f"strategies[{i}]"
        if not isinstance(s, dict) or not isinstance(s.get("key"), str):
            raise InputError(f"{where}.key: missing", path=path)
        costs = [SavedCost("total", "all", _money(s, "cost_usd", where, path))]
        for j, t in enumerate(_list(s, "tiers", where, path)):
            label = f"{t.get('tier')} · {t.get('name', '')}".strip(" ·")
            costs.append(SavedCost("tier", label, _money(t, "cost_usd", f"{where}.tiers[{j}]", path)))
        for j, m in enumerate(_list(s, "models_detail", where, path)):
            costs.append(SavedCost("model", str(m.get("model")), _money(m, "cost_usd", f"{where}.models_detail[{j}]",
                                                                        path)))
        out.append(SavedStrategy(s["key"], tuple(costs)))
    return tuple(out)


def _list(d: dict, key: str, where: str, path: Path) -> list[dict]:
    value = d.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise InputError(f"{where}.{key}: must be a list of objects", path=path)
    return value


def _money(d: dict, key: str, where: str, path: Path) -> Decimal:
    def fail(message: str):
        raise InputError(f"{where}.{key}: {message}", path=path)

    if key not in d:
        fail("missing")
    return to_decimal(d[key], fail, minimum=None)
