"""Price tables: load and validate `pricing/*.yaml`, resolve model ids and aliases, find the price in force.

Prices are Decimal USD per million tokens. A model has one or more price periods, each in force from
its `from` date until the next one's; a request is priced by the period in force on its day.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from costsim.errors import PricingError, UnknownModelError
from costsim.frame import RATE_KINDS
from costsim.paths import bundled
from costsim.yamlio import Fields, load_yaml, to_decimal

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
class ServiceTierRates:
    """Rates for a provider service tier a log can record (OpenAI `service_tier: flex | priority`)."""

    name: str
    rates: Rates
    long_context_rates: Rates | None = None  # above the period's long-context threshold


@dataclass(frozen=True)
class OffPeak:
    """A time-of-day price: inside any UTC window (start inclusive, end exclusive; may wrap midnight),
    or all day on Saturday and Sunday (UTC) when `weekends_all_day`, a request takes `rates`."""

    windows_utc_minutes: tuple[tuple[int, int], ...]
    weekends_all_day: bool
    rates: Rates

    def contains(self, minute_of_day: int, weekday: int) -> bool:
        if self.weekends_all_day and weekday >= 5:
            return True
        return any(start <= minute_of_day < end if start < end else (minute_of_day >= start or minute_of_day < end)
                   for start, end in self.windows_utc_minutes)


@dataclass(frozen=True)
class PricePeriod:
    starts: date
    rates: Rates
    long_context: LongContext | None = None
    service_tiers: tuple[ServiceTierRates, ...] = ()
    off_peak: OffPeak | None = None

    def service_tier(self, name: str) -> ServiceTierRates | None:
        return next((t for t in self.service_tiers if t.name == name), None)


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
    batch_discount_excludes: tuple[str, ...] = ()  # token kinds the batch discount leaves at full price
    token_factor: Decimal = Decimal(1)  # offline token counts for this model are multiplied by it
    per_call_usd: dict = field(default_factory=dict)  # server tool kind (web_search, web_fetch) -> USD per call

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
    discounts: "Discounts" = field(default_factory=lambda: Discounts())
    checked: dict[str, date] = field(default_factory=dict)  # bundled table file -> date its prices were checked

    def discount_pct(self, model: ModelPrice) -> Decimal | None:
        """Negotiated discount for a model: its own, else its provider's (overlay `discounts:`), else None."""
        return self.discounts.models.get(model.id, self.discounts.providers.get(model.provider))

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
            raise self.unknown(name)
        return model

    def unknown(self, name: str, path: str | None = None) -> UnknownModelError:
        """The error for a name no table has, with "did you mean" (and where it was seen, when known)."""
        return UnknownModelError(unknown_model_message(name, self._index), path=path)

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
    hint = f"; did you mean {', '.join(dict.fromkeys(known[c] for c in close))}?" if close else ""
    return f"unknown model {name!r}: no price table has it{hint} (add it with --pricing FILE)"


@dataclass(frozen=True)
class Discounts:
    """Negotiated discounts from `--pricing` overlays, percent off list (0-100); a model's own wins over its provider's."""

    providers: dict[str, Decimal] = field(default_factory=dict)
    models: dict[str, Decimal] = field(default_factory=dict)


def load_price_book(extra_files: tuple[str | Path, ...] | list = ()) -> PriceBook:
    """The bundled tables, then each `--pricing` file on top (its models replace bundled ones with the same id)."""
    book = PriceBook()
    for path in sorted(p for p in bundled("pricing").glob("*.yaml") if p.name not in NOT_PRICE_TABLES):
        for model in parse_table(path, bundled_table=True):
            book.add(model, path, override=False)
        book.files.append(path.name)
        book.checked[path.name] = table_checked(path)
    for path in extra_files:
        for model in parse_table(Path(path)):
            book.add(model, Path(path), override=True)
        book.files.append(str(path))
        discounts = parse_discounts(Path(path))
        by_id = {}
        for name, pct in discounts.models.items():  # aliases allowed; an unknown name is an error, not ignored
            model = book.find(name)
            if model is None:
                raise UnknownModelError(f"discounts.models: {unknown_model_message(name, book._index)}", path=path)
            by_id[model.id] = pct
        book.discounts = Discounts({**book.discounts.providers, **discounts.providers},
                                   {**book.discounts.models, **by_id})
    return book


def table_checked(path: Path) -> date | None:
    """The `checked:` date of a price file (when its prices were last compared with the provider's page)."""
    data = load_yaml(path, PricingError)
    return Fields(data, allowed=set(data), path=path, error=PricingError).date("checked") if isinstance(data, dict) else None


def parse_discounts(path: Path) -> Discounts:
    """An overlay's `discounts: {providers: {anthropic: 20}, models: {gpt-5: 10}}`, each 0-100 percent off."""
    data = load_yaml(path, PricingError)
    raw = data.get("discounts") if isinstance(data, dict) else None
    if raw is None:
        return Discounts()
    f = Fields(raw, allowed={"providers", "models"}, path=path, where="discounts", error=PricingError)
    out = {}
    for key in ("providers", "models"):
        mapping = f.get(key, {}) or {}
        if not isinstance(mapping, dict):
            f.fail("must map names to a percent off (0-100)", key)
        out[key] = {str(name).strip().lower(): to_decimal(pct, lambda m, n=name: f.fail(m, f"{key}.{n}"),
                                                         maximum=Decimal(100))
                    for name, pct in mapping.items()}
    return Discounts(out["providers"], out["models"])


NOT_PRICE_TABLES = {"policy.yaml", "caches.yaml"}  # the routing policy and the cache models (caches.py)
TOP_KEYS = {"provider", "source_url", "models", "checked", "discounts"}


def parse_table(path: Path, *, bundled_table: bool = False) -> list[ModelPrice]:
    """Validate one price file strictly and return its models.

    A bundled table needs `checked:` (the date its prices were last compared with the provider);
    an overlay may hold only `discounts:` and no models.
    """
    data = load_yaml(path, PricingError)
    discounts_only = isinstance(data, dict) and "discounts" in data and "models" not in data
    top = Fields(data, allowed=TOP_KEYS, required=set() if discounts_only else
                 ({"provider", "models", "checked"} if bundled_table else {"provider", "models"}),
                 path=path, error=PricingError)
    top.date("checked")
    parse_discounts(path)
    if discounts_only:
        return []
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
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        where = f"{where} ({raw['id'].strip().lower()})"  # name the model in every message, unknown keys too
    f = Fields(raw, allowed={"id", "name", "aliases", "source_url", "batch_discount_pct", "batch_discount_excludes",
                             "prices", "token_factor", "per_call"},
               required={"id", "prices"}, path=path, where=where, error=PricingError)
    model_id = f.str("id").strip().lower()
    aliases = f.list("aliases")
    if not all(isinstance(a, str) and a.strip() for a in aliases):
        f.fail("must be a list of model names", "aliases")
    provider_names = [f"{provider}/{n}" for n in (model_id, *aliases)]
    periods = tuple(parse_period(p, path, f.field(f"prices[{j}]")) for j, p in enumerate(f.list("prices")))
    if not periods:
        f.fail("needs at least one price period", "prices")
    for j in range(1, len(periods)):
        if periods[j].starts <= periods[j - 1].starts:
            f.fail(f"overlapping price periods: starts {periods[j].starts}, not after prices[{j - 1}].from "
                   f"{periods[j - 1].starts} (list periods oldest first; each runs until the next one starts)",
                   f"prices[{j}].from")
    excludes = f.list("batch_discount_excludes")
    if not set(map(str, excludes)) <= set(RATE_KINDS):
        f.fail(f"must list token kinds ({', '.join(RATE_KINDS)})", "batch_discount_excludes")
    if excludes and not f.has("batch_discount_pct"):
        f.fail("needs batch_discount_pct", "batch_discount_excludes")
    return ModelPrice(
        id=model_id, name=f.str("name") or model_id, provider=provider,
        aliases=tuple(dict.fromkeys(a.strip().lower() for a in [*aliases, *provider_names])),
        source_url=f.str("source_url") or default_source, periods=periods,
        batch_discount_pct=f.decimal("batch_discount_pct", maximum=Decimal(100)), table=path.name,
        batch_discount_excludes=tuple(excludes),
        token_factor=f.decimal("token_factor", minimum=Decimal("0.01")) or Decimal(1),
        per_call_usd=parse_per_call(f.get("per_call"), path, f.field("per_call")) if f.has("per_call") else {},
    )


def parse_per_call(raw, path: Path, where: str) -> dict:
    """`per_call: {web_search: 0.01, web_fetch: 0}`: USD per server-side tool call, by kind."""
    from costsim.frame import CALL_KINDS

    f = Fields(raw, allowed=set(CALL_KINDS), path=path, where=where, error=PricingError)
    return {kind: f.decimal(kind) for kind in CALL_KINDS if f.has(kind)}


def parse_period(raw, path: Path, where: str) -> PricePeriod:
    f = Fields(raw, allowed={"from", "usd_per_mtok", "long_context", "service_tiers", "off_peak"},
               required={"from", "usd_per_mtok"}, path=path, where=where, error=PricingError)
    rates = parse_rates(f.get("usd_per_mtok"), path, f.field("usd_per_mtok"))
    long_context = None
    if f.has("long_context"):
        lc = Fields(f.get("long_context"), allowed={"above_prompt_tokens", "usd_per_mtok"},
                    required={"above_prompt_tokens", "usd_per_mtok"}, path=path,
                    where=f.field("long_context"), error=PricingError)
        long_context = LongContext(lc.int("above_prompt_tokens", minimum=1),
                                   parse_rates(lc.get("usd_per_mtok"), path, lc.field("usd_per_mtok")))
    tiers = parse_service_tiers(f, long_context is not None, path) if f.has("service_tiers") else ()
    off_peak = parse_off_peak(f, path) if f.has("off_peak") else None
    if off_peak is not None and long_context is not None:
        f.fail("a period with long_context cannot also have off_peak rates (not supported)", "off_peak")
    return PricePeriod(starts=f.date("from"), rates=rates, long_context=long_context, service_tiers=tiers,
                       off_peak=off_peak)


SERVICE_TIERS = ("flex", "priority")


def parse_service_tiers(period: Fields, has_long_context: bool, path: Path) -> tuple[ServiceTierRates, ...]:
    """`service_tiers: {flex: {usd_per_mtok: {...}, long_context: {usd_per_mtok: {...}}}, priority: {...}}`."""
    f = Fields(period.get("service_tiers"), allowed=set(SERVICE_TIERS), path=path,
               where=period.field("service_tiers"), error=PricingError)
    tiers = []
    for name in SERVICE_TIERS:
        if not f.has(name):
            continue
        t = Fields(f.get(name), allowed={"usd_per_mtok", "long_context"}, required={"usd_per_mtok"}, path=path,
                   where=f.field(name), error=PricingError)
        lc_rates = None
        if t.has("long_context"):
            if not has_long_context:
                t.fail("the period has no long_context threshold for these rates", "long_context")
            lc = Fields(t.get("long_context"), allowed={"usd_per_mtok"}, required={"usd_per_mtok"}, path=path,
                        where=t.field("long_context"), error=PricingError)
            lc_rates = parse_rates(lc.get("usd_per_mtok"), path, lc.field("usd_per_mtok"))
        tiers.append(ServiceTierRates(name, parse_rates(t.get("usd_per_mtok"), path, t.field("usd_per_mtok")), lc_rates))
    return tuple(tiers)


_WINDOW = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")


def parse_off_peak(period: Fields, path: Path) -> OffPeak:
    """`off_peak: {utc_windows: ["16:30-00:30"], weekends_all_day: false, usd_per_mtok: {...}}`."""
    f = Fields(period.get("off_peak"), allowed={"utc_windows", "weekends_all_day", "usd_per_mtok"},
               required={"utc_windows", "usd_per_mtok"}, path=path, where=period.field("off_peak"),
               error=PricingError)
    windows = []
    for text in f.list("utc_windows"):
        m = _WINDOW.match(str(text).strip())
        if m is None or m.group(1, 2) == m.group(3, 4):
            f.fail(f"windows are UTC 'HH:MM-HH:MM' with start != end, got {text!r}", "utc_windows")
        h1, m1, h2, m2 = map(int, m.groups())
        windows.append((h1 * 60 + m1, h2 * 60 + m2))
    weekends = f.get("weekends_all_day", False)
    if not isinstance(weekends, bool):
        f.fail(f"must be true or false, got {weekends!r}", "weekends_all_day")
    if not windows and not weekends:
        f.fail("needs at least one window (or weekends_all_day: true)", "utc_windows")
    return OffPeak(tuple(windows), weekends, parse_rates(f.get("usd_per_mtok"), path, f.field("usd_per_mtok")))


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
