"""Display rounding for money and percentages: the only place figures are rounded."""

from __future__ import annotations

from contextlib import contextmanager
from decimal import ROUND_HALF_UP, Decimal

_DISPLAY: list[tuple[str, Decimal]] = []  # (currency code, units per USD) while rendering in another currency


@contextmanager
def display_currency(currency: tuple[str, Decimal] | None):
    """Inside this block `usd()` shows amounts converted at a fixed user-given rate (currency code, units
    per USD), as "EUR 6.44". Money stays exact USD everywhere else; only display changes."""
    if currency is None:
        yield
        return
    _DISPLAY.append(currency)
    try:
        yield
    finally:
        _DISPLAY.pop()


@contextmanager
def in_usd():
    """Inside this block `usd()` shows dollars even under `display_currency` (figures a source states in USD)."""
    saved = _DISPLAY[:]
    _DISPLAY.clear()
    try:
        yield
    finally:
        _DISPLAY[:] = saved


def usd(value: Decimal | None) -> str:
    """$7.00, $1,234.57, and for amounts under $1 four significant digits ($0.7930 → $0.793, $0.0005)."""
    if value is None:
        return "—"
    symbol = "$"
    if _DISPLAY:
        code, per_usd = _DISPLAY[-1]
        value, symbol = value * per_usd, f"{code} "
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value >= 1 or value == 0:
        return f"{sign}{symbol}{value.quantize(Decimal('0.01'), ROUND_HALF_UP):,}"
    digits = 4 - value.adjusted() - 1  # decimal places for 4 significant digits
    text = f"{value.quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP):f}".rstrip("0")
    whole, _, frac = text.partition(".")
    return f"{sign}{symbol}{whole}.{frac.ljust(2, '0')}"


def exact(value: Decimal | None) -> str | None:
    """The exact decimal string of a value, as JSON carries money: no exponent, no trailing zeros ("0.793")."""
    return None if value is None else format(value.normalize(), "f")


def pct(value: Decimal | None, places: int = 1) -> str:
    if value is None:
        return "—"
    return f"{value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)}%"


def tokens(value: int) -> str:
    return f"{value:,}"


def signed_usd(value: Decimal) -> str:
    return ("+" if value > 0 else "") + usd(value)


def signed_pct(value: Decimal | None) -> str:
    if value is None:
        return "new"
    return ("+" if value > 0 else "") + pct(value)
