"""Price tables: load and validate `pricing/*.yaml`, resolve model ids and aliases, find the price in force.

Prices are Decimal USD per million tokens. A model has one or more price periods, each in force from
its `from` date until the next one's; a request is priced by the period in force on its day.
"""

from __future__ import annotations

import difflib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from costsim.errors import PricingError, UnknownModelError
from costsim.frame import RATE_KINDS
from costsim.paths import bundled
from costsim.yamlio import Fields, load_yaml

MTOK = Decimal(1_000_000)


@dataclass(frozen=True)
class Rates:
    """USD per million tokens for each token kind. A cache price the provider does not list bills at the input rate."""

    input: Decimal
    output: Decimal
    cache_read: Decimal
    cache_write_5m: Decimal
    cache_write_1h: Decimal

    def usd_per_mtok(self, token_kind: str) -> Decimal:
        return getattr(self, token_kind)


@dataclass(frozen=True)
class LongContext:
    """Above `above_prompt_tokens` (uncached input + cache reads + cache writes) every token takes `rates`."""

    above_prompt_tokens: int
    rates: Rates


@dataclass(frozen=True)
class PricePeriod:
    starts: date
    rates: Rates
    long_context: LongContext | None = None


@dataclass(frozen=True)
class ModelPrice:
    id: str
    name: str
    provider: str
    aliases: tuple[str, ...]
    source_url: str
    periods: tuple[PricePeriod, ...]
    batch_discount_pct: Decimal | None = None
    table: str = ""
    token_factor: Decimal = Decimal(1)  # offline token counts for this model are multiplied by it

    def period_index(self, day: date) -> int:
        """Index of the period in force on `day`; a day before the first period takes the first."""
        starts = [p.starts for p in self.periods]
        return max(bisect_right(starts, day) - 1, 0)

    def period_at(self, day: date) -> PricePeriod:
        return self.periods[self.period_index(day)]


@dataclass
class PriceBook:
    """Every known model, by id, with an index of aliases (lowercase)."""

    models: dict[str, ModelPrice] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    _index: dict[str, str] = field(default_factory=dict)

    def find(self, name: str) -> ModelPrice | None:
        """The model a logged name refers to, or None. Accepts aliases and `provider/` prefixes."""
        key = str(name).strip().lower()
        hit = self._index.get(key)
        if hit is None and "/" in key:
            hit = self._index.get(key.rsplit("/", 1)[1])
        return None if hit is None else self.models[hit]

    def resolve(self, name: str) -> ModelPrice:
        """Like find, but an unknown name is an error with the closest known names."""
        model = self.find(name)
        if model is None:
            raise UnknownModelError(unknown_model_message(name, self._index))
        return model

    def add(self, model: ModelPrice, path: Path, *, override: bool) -> None:
        if model.id in self.models and not override:
            raise PricingError(f"duplicate model id {model.id!r} (also in {self.models[model.id].table})", path=path)
        if model.id in self.models:  # an overlay replaces the bundled entry and its aliases
            old = self.models.pop(model.id)
            for alias in (old.id, *old.aliases):
                self._index.pop(alias, None)
        names = [model.id, *model.aliases]
        for alias in names:
            owner = self._index.get(alias)
            if owner is not None and owner != model.id:
                raise PricingError(f"alias {alias!r} of {model.id!r} is already used by {owner!r}", path=path)
        if len(set(names)) != len(names):
            raise PricingError(f"{model.id}: aliases repeat a name", path=path)
        for alias in names:
            self._index[alias] = model.id
        self.models[model.id] = model


def unknown_model_message(name: str, known: dict[str, str]) -> str:
    close = difflib.get_close_matches(str(name).lower(), list(known), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(sorted({known[c] for c in close}))}?" if close else ""
    return f"unknown model {name!r}: no price table has it{hint} (add it with --pricing FILE)"


def load_price_book(extra_files: tuple[str | Path, ...] | list = ()) -> PriceBook:
    """The bundled tables, then each `--pricing` file on top (its models replace bundled ones with the same id)."""
    book = PriceBook()
    for path in sorted(p for p in bundled("pricing").glob("*.yaml") if p.name != "policy.yaml"):
        for model in parse_table(path):
            book.add(model, path, override=False)
        book.files.append(path.name)
    for path in extra_files:
        for model in parse_table(Path(path)):
            book.add(model, Path(path), override=True)
        book.files.append(str(path))
    return book


def parse_table(path: Path) -> list[ModelPrice]:
    """Validate one price file strictly and return its models."""
    top = Fields(load_yaml(path, PricingError), allowed={"provider", "source_url", "models"},
                 required={"provider", "models"}, path=path, error=PricingError)
    provider = top.str("provider")
    models, seen = [], set()
    for i, raw in enumerate(top.list("models")):
        model = parse_model(raw, provider, top.str("source_url", ""), path, f"models[{i}]")
        if model.id in seen:
            raise PricingError(f"models[{i}]: duplicate model id {model.id!r}", path=path)
        seen.add(model.id)
        models.append(model)
    if not models:
        top.fail("has no models", "models")
    return models


def parse_model(raw, provider: str, default_source: str, path: Path, where: str) -> ModelPrice:
    f = Fields(raw, allowed={"id", "name", "aliases", "source_url", "batch_discount_pct", "prices", "token_factor"},
               required={"id", "prices"}, path=path, where=where, error=PricingError)
    model_id = f.str("id").strip().lower()
    f.where = f"{where} ({model_id})"
    aliases = f.list("aliases")
    if not all(isinstance(a, str) and a.strip() for a in aliases):
        f.fail("must be a list of model names", "aliases")
    provider_names = [f"{provider}/{n}" for n in (model_id, *aliases)]
    periods = tuple(parse_period(p, path, f.field(f"prices[{j}]")) for j, p in enumerate(f.list("prices")))
    if not periods:
        f.fail("needs at least one price period", "prices")
    starts = [p.starts for p in periods]
    if starts != sorted(starts) or len(set(starts)) != len(starts):
        f.fail("periods must be in order of their `from` dates, one period per date", "prices")
    return ModelPrice(
        id=model_id, name=f.str("name") or model_id, provider=provider,
        aliases=tuple(dict.fromkeys(a.strip().lower() for a in [*aliases, *provider_names])),
        source_url=f.str("source_url") or default_source, periods=periods,
        batch_discount_pct=f.decimal("batch_discount_pct", maximum=Decimal(100)), table=path.name,
        token_factor=f.decimal("token_factor", minimum=Decimal("0.01")) or Decimal(1),
    )


def parse_period(raw, path: Path, where: str) -> PricePeriod:
    f = Fields(raw, allowed={"from", "usd_per_mtok", "long_context"}, required={"from", "usd_per_mtok"},
               path=path, where=where, error=PricingError)
    rates = parse_rates(f.get("usd_per_mtok"), path, f.field("usd_per_mtok"))
    long_context = None
    if f.has("long_context"):
        lc = Fields(f.get("long_context"), allowed={"above_prompt_tokens", "usd_per_mtok"},
                    required={"above_prompt_tokens", "usd_per_mtok"}, path=path,
                    where=f.field("long_context"), error=PricingError)
        long_context = LongContext(lc.int("above_prompt_tokens", minimum=1),
                                   parse_rates(lc.get("usd_per_mtok"), path, lc.field("usd_per_mtok")))
    return PricePeriod(starts=f.date("from"), rates=rates, long_context=long_context)


def parse_rates(raw, path: Path, where: str) -> Rates:
    f = Fields(raw, allowed=set(RATE_KINDS), required={"input", "output"}, path=path, where=where, error=PricingError)
    values = {kind: f.decimal(kind) for kind in RATE_KINDS}
    for kind in ("cache_read", "cache_write_5m", "cache_write_1h"):
        if values[kind] is None:
            values[kind] = values["input"]
    return Rates(**values)


def request_cost_usd(rates: Rates, tokens: dict[str, int]) -> Decimal:
    """Exact cost of a token count per kind at `rates`: sum(tokens × USD/Mtok) / 1e6."""
    return sum((Decimal(int(tokens.get(kind, 0))) * rates.usd_per_mtok(kind) for kind in RATE_KINDS), Decimal(0)) / MTOK
