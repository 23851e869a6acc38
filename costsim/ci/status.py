"""A cap's outcome — ok, warn or fail — and the worst of several; shared by `check` (caps.py) and `diff`."""

from __future__ import annotations

from collections.abc import Iterable

OK, WARN, FAIL = "ok", "warn", "fail"
RANK = {OK: 0, WARN: 1, FAIL: 2}


def worst(statuses: Iterable[str]) -> str:
    return max(statuses, key=RANK.__getitem__, default=OK)
