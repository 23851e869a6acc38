"""`costsim pricing validate|import`, and the billing options `compare` and `estimate` share.

validate: every file through the same strict parser as the bundled tables (exit 0, or 2 with one line
naming the file, the model and the field). import: LiteLLM's or genai-prices' price map → costsim YAML
for the models asked for (offline; see `costsim.pricing.importer`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import typer

from costsim.cli.app import app
from costsim.cli.help import PlainCommand, PlainGroup, help_when_bare  # noqa: E402
from costsim.errors import ConfigError
from costsim.money import display_currency
from costsim.pricing.billing import BillingOptions, currency_block, currency_label
from costsim.yamlio import to_decimal

pricing_app = typer.Typer(name="pricing", help="Check and import price tables.", cls=PlainGroup,
                          invoke_without_command=True, callback=help_when_bare,
                          add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)

BatchOpt = typer.Option(False, "--batch", help="Price every request as if sent through the provider's batch API.")
OffPeakOpt = typer.Option(False, "--off-peak", help="Price at off-peak (time-of-day) rates where a model has them.")
CurrencyOpt = typer.Option(None, "--currency", help="Show costs in this currency (needs --rate; JSON stays USD).")
RateOpt = typer.Option(None, "--rate", help="Fixed units of --currency per USD, e.g. 0.92 (no network lookup).")
MaxAgeOpt = typer.Option(None, "--max-price-age-days", min=0,
                         help="Warn (stderr) when a bundled price table was checked more than N days ago.")


def _out_folder_exists(ctx: typer.Context, param: typer.CallbackParam, value):
    from costsim.cli.console import out_folder_exists

    return out_folder_exists(ctx, param, value)


def currency_option(code: str | None, rate: str | None) -> tuple[str, Decimal] | None:
    """`--currency CODE --rate X` → (CODE, X), both or neither."""
    if code is None and rate is None:
        return None
    if code is None or rate is None:
        raise ConfigError("--currency and --rate go together (e.g. --currency EUR --rate 0.92)")
    code = code.strip().upper()
    if not (code.isalpha() and 2 <= len(code) <= 5):
        raise ConfigError(f"--currency {code!r}: expected a currency code like EUR")
    per_usd = to_decimal(rate, lambda m: _bad_rate(rate, m))
    if per_usd == 0:
        _bad_rate(rate, "must be > 0")
    return code, per_usd


def _bad_rate(rate, message):
    raise ConfigError(f"--rate {rate!r}: {message}")


def with_currency(report, currency: tuple[str, Decimal] | None):
    """The report with the currency label in its notes and JSON; pair with `display(currency)` when rendering."""
    if currency is None:
        return report
    code, per_usd = currency
    return replace(report, notes=(*report.notes, currency_label(code, per_usd)),
                   display_currency=currency_block(report, code, per_usd))


def display(currency: tuple[str, Decimal] | None):
    return display_currency(currency)


def billing_options(batch: bool = False, off_peak: bool = False) -> BillingOptions:
    return BillingOptions(batch=batch, off_peak=off_peak)


def stale_tables(checked: dict[str, date | None], today: date, max_age_days: int) -> list[str]:
    """One warning per bundled table checked more than `max_age_days` before `today` (or, by its date, after it)."""
    out = []
    for name, day in sorted(checked.items()):
        if day is None:
            out.append(f"price table {name} has no `checked:` date; its prices may be out of date")
        elif day > today:  # a typo, or this machine's clock: either way its age cannot be told
            out.append(f"price table {name} says it was checked {day}, after today ({today}); its prices may be "
                       "out of date")
        elif (today - day).days > max_age_days:
            how = ("tools/build_catalog.py" if name.startswith("generated/") else "`costsim pricing import`")
            out.append(f"price table {name} was checked {day} ({(today - day).days} days ago, more than "
                       f"--max-price-age-days {max_age_days}); refresh it with {how} "
                       "or override prices with --pricing")
    return out


def warn_stale(book, max_age_days: int | None, today: date | None = None) -> None:
    if max_age_days is None:
        return
    from costsim.cli.console import stderr

    for line in stale_tables(book.checked, today or date.today(), max_age_days):
        stderr().print(f"warning: {line}", soft_wrap=True, markup=False)


@pricing_app.command("validate", cls=PlainCommand)
def validate(
    files: list[Path] = typer.Argument(..., help="Price tables, overlays or routing policies (YAML).", dir_okay=False),
):
    """Check price files with the same strict rules as the bundled tables (and routing policies too).

    Unknown keys, negative prices, overlapping price periods, a long-context threshold without its
    rates, a discount outside 0-100%: one line naming the file, the model and the field; exit 2.
    A file with `tiers:` is a routing policy: checked as `--policy` would be, its models against the tables;
    a file with `providers:` is the cache models (pricing/caches.yaml, see docs/caching.md).

    \b
    Examples:
      costsim pricing validate my-prices.yaml
      costsim pricing validate pricing/*.yaml
    """
    from costsim.cli.console import handles_errors, stdout
    from costsim.pricing.book import load_price_book
    from costsim.pricing.caches import load_cache_book
    from costsim.pricing.prices import parse_discounts, parse_table
    from costsim.routing.policy import load_policy
    from costsim.yamlio import load_yaml

    @handles_errors
    def run():
        policies = [p for p in files if isinstance(data := load_yaml(p), dict) and "tiers" in data]
        caches = [
            p for p in files if isinstance(data := load_yaml(p), dict) and "providers" in data and "models" not in data
        ]
        tables = [p for p in files if p not in policies and p not in caches]
        counts = {}
        for path in tables:
            counts[path] = (len(parse_table(path)), parse_discounts(path))
        # aliases and discounts checked against the bundled tables too; a generated table (tools/build_catalog.py)
        # shares its names with the others by design, so it is checked on its own
        overlays = [p for p in tables if load_yaml(p).get("generated") is not True]
        book = load_price_book(tuple(overlays))
        for path in policies:
            for model in load_policy(path).tier_models.values():
                book.resolve(model)
        console = stdout()
        for path, (n, discounts) in counts.items():
            extra = len(discounts.providers) + len(discounts.models)
            console.file.write(f"ok: {path}: {n} model(s)" + (f", {extra} discount(s)" if extra else "") + "\n")
        for path in policies:
            console.file.write(f"ok: {path}: routing policy\n")
        for path in caches:
            cache_book = load_cache_book(book, path)
            console.file.write(f"ok: {path}: cache models of {len(cache_book.providers)} provider(s) and a default\n")

    run()


@pricing_app.command("import", cls=PlainCommand)
def import_prices(
    file: Path = typer.Argument(
        ..., help="LiteLLM model_prices_and_context_window.json, or genai-prices data.json.", dir_okay=False
    ),
    models: str = typer.Option(
        ...,
        "--models",
        help="Comma-separated model ids to import, all of one provider (a price table is one provider's).",
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Write the YAML here (default: stdout).", dir_okay=False, callback=_out_folder_exists
    ),
    provider: str | None = typer.Option(None, "--provider", help="Provider name for the YAML (default: from the map)."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="`from` date of the imported prices and `checked:` (default: today)."
    ),
):
    """Convert a community price map into a costsim price table for the models asked for (offline).

    Every model asked for must be found and priced; a missing one is an error, never $0.
    Check the result with `costsim pricing validate`, then use it with `--pricing FILE`.

    \b
    Examples:
      costsim pricing import model_prices_and_context_window.json --models gpt-5,gpt-5-mini --out openai.yaml
      costsim pricing import model_prices_and_context_window.json --models claude-opus-4-7 --out anthropic.yaml
      costsim compare --pricing openai.yaml --pricing anthropic.yaml
    """
    from costsim.cli.common import parse_day
    from costsim.cli.console import handles_errors, stdout
    from costsim.pricing.importer import import_table

    @handles_errors
    def run():
        wanted = [m.strip() for m in models.split(",") if m.strip()]
        if not wanted:
            raise ConfigError("--models: give at least one model id")
        text = import_table(file, wanted, day=parse_day(as_of) or date.today(), provider=provider)
        if out is None:
            stdout().file.write(text)
        else:
            out.write_text(text, encoding="utf-8")

    run()

app.add_typer(pricing_app, name="pricing")
