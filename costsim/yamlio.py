"""Reading YAML files strictly: syntax errors with their line, unknown or missing keys by name.

Every YAML file costsim reads (price tables, routing policy, scenarios, configs) goes through here,
so every one of them fails the same way: one line naming the file, the field and what is wrong.
"""

from __future__ import annotations

import builtins
import datetime
from collections.abc import Set
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn, TypeVar, overload

import yaml

from costsim.errors import CostsimError, read_text, shown


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (libyaml's, in C, when built in: ~10x faster on the price tables) with dates left as
    text, for `Fields.date` to read: YAML's own reading of 2026-13-01 raises a bare ValueError with no line,
    and of 2026-05-14 10:00 a datetime that no price period or report day can be."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

_T = TypeVar("_T")


def load_yaml(path: str | Path, error: type[CostsimError] = CostsimError) -> Any:
    """Parse a YAML file; a missing file, an empty file or a syntax error raises `error`."""
    path = Path(path)
    text = read_text(path, error)
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + 1 if mark is not None else None
        raise error(f"YAML syntax error: {problem}", path=path, line=line) from None
    if data is None:
        raise error("file is empty", path=path)
    return data


class Fields:
    """A strict view of one YAML mapping: every key is known, every required key present.

    `where` is the human path to the mapping ("models[2] (gpt-5).prices[0]") used in messages.
    """

    def __init__(self, data: Any, *, allowed: Set[str], required: Set[str] = frozenset(),
                 path: str | Path, where: str = "", error: type[CostsimError] = CostsimError):
        self.path = path
        self.where = where
        self.error = error
        if not isinstance(data, dict):
            self.fail(f"expected a mapping, got {type(data).__name__}")
        unknown = sorted(str(k) for k in data if str(k) not in allowed)
        if unknown:
            self.fail(f"unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")
        missing = sorted(required - {str(k) for k in data})
        if missing:
            self.fail(f"missing required key {missing[0]!r}")
        self.data = {str(k): v for k, v in data.items()}

    def field(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, message: builtins.str, key: builtins.str | None = None) -> NoReturn:
        where = self.field(key) if key else self.where
        raise self.error(f"{where}: {message}" if where else message, path=self.path)

    def get(self, key: builtins.str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def has(self, key: builtins.str) -> bool:
        return key in self.data

    def _value(self, key: builtins.str, default: Any = None) -> Any:
        """The key's value; an absent key or a null (`key:` with nothing after it) gives `default`."""
        value = self.data.get(key)
        return default if value is None else value

    @overload
    def str(self, key: builtins.str, default: builtins.str) -> builtins.str: ...
    @overload
    def str(self, key: builtins.str, default: None = None) -> builtins.str | None: ...
    def str(self, key: builtins.str, default: builtins.str | None = None) -> builtins.str | None:
        value = self._value(key, default)
        if value is not None and not isinstance(value, str):
            self.fail(f"must be text, got {shown(value)}", key)
        return value

    def decimal(self, key: builtins.str, *, minimum: Decimal = Decimal(0),
                maximum: Decimal | None = None) -> Decimal | None:
        """A non-negative exact number (YAML number or quoted string), or None when absent."""
        if key not in self.data:
            return None
        return to_decimal(self.data[key], lambda m: self.fail(m, key), minimum=minimum, maximum=maximum)

    @overload
    def int(self, key: builtins.str, *, minimum: builtins.int = 0, default: builtins.int) -> builtins.int: ...
    @overload
    def int(self, key: builtins.str, *, minimum: builtins.int = 0,
            default: None = None) -> builtins.int | None: ...
    def int(self, key: builtins.str, *, minimum: builtins.int = 0,
            default: builtins.int | None = None) -> builtins.int | None:
        value = self._value(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.fail(f"must be a whole number >= {minimum}, got {shown(value)}", key)
        return value

    def date(self, key: builtins.str) -> date | None:
        value = self.data.get(key)
        if value is None:
            return None
        return to_day(value, lambda message: self.fail(message, key))

    def list(self, key: builtins.str) -> list:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            self.fail(f"must be a list, got {type(value).__name__}", key)
        return value

    # A key named in `required` is present, but may hold null (`id:` with nothing after it): these
    # read such a key and fail on null, so the caller gets a value, never None.

    def required_str(self, key: builtins.str) -> builtins.str:
        return self._required(key, self.str(key))

    def required_int(self, key: builtins.str, *, minimum: builtins.int = 0) -> builtins.int:
        return self._required(key, self.int(key, minimum=minimum))

    def required_date(self, key: builtins.str) -> datetime.date:
        return self._required(key, self.date(key))

    def required_decimal(self, key: builtins.str, *, minimum: Decimal = Decimal(0),
                         maximum: Decimal | None = None) -> Decimal:
        return self._required(key, self.decimal(key, minimum=minimum, maximum=maximum))

    def _required(self, key: builtins.str, value: _T | None) -> _T:
        if value is None:
            self.fail("needs a value" if key in self.data else f"missing required key {key!r}", key)
        return value


def to_day(value: Any, fail) -> date:
    """A calendar day from text like 2026-05-14 (`_Loader` leaves YAML's dates as text); a day outside
    `frame.day_in_span` fails."""
    from costsim.frame import DAYS, day_in_span

    if not isinstance(value, str):
        fail(f"must be a date like 2026-05-14, got {shown(value)}")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        fail(f"must be a date like 2026-05-14, got {shown(value)}")
    if not day_in_span(day):
        fail(f"{day}: {DAYS}")
    return day


LARGEST = Decimal(10) ** 15  # no price, share, cap, rate or report total costsim reads is larger: past it, sums
# of such numbers would leave the 28 digits Decimal keeps exactly (and 1e400 could not even be shown in dollars)


def to_decimal(value: Any, fail, *, minimum: Decimal | None = Decimal(0), maximum: Decimal | None = None) -> Decimal:
    """Exact Decimal from a YAML/JSON/CLI number; floats go through their shortest repr (0.1 -> "0.1").
    `maximum`: the largest value allowed (LARGEST when not given)."""
    if isinstance(value, bool) or value is None:
        fail(f"must be a number, got {shown(value)}")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        fail(f"must be a number, got {shown(value)}")
    if not number.is_finite():
        fail(f"must be a finite number, got {shown(value)}")
    if minimum is not None and number < minimum:
        fail(f"must be >= {minimum}, got {value}")
    if number > (LARGEST if maximum is None else maximum):
        fail(f"must be <= {LARGEST if maximum is None else maximum:,}, got {value}")
    return number
