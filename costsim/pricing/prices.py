"""Price tables: load and validate `pricing/*.yaml`, resolve model names as logs write them, find the price in force.

Prices are Decimal USD per million tokens. A model has one or more price periods, each in force from
its `from` date until the next one's; a request is priced by the period in force on its day.

Two kinds of bundled table: hand-kept ones (`pricing/<provider>.yaml`, reviewed line by line) and
generated ones (`pricing/generated/`, written by tools/build_catalog.py from the community price maps).
A hand-kept model always wins: a generated model whose id or `provider/` name a hand-kept table holds is
left out. Names of generated models are claimed in `MAKERS_FIRST` order (a model's maker before the hosts
that resell it); a hosted table's models are known as `host/id`, their bare names only where no one else
has them. `resolve_name` (costsim.pricing.names) turns a logged name into the names to look up.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import MutableMapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from costsim.errors import PricingError, UnknownModelError, shown
from costsim.frame import RATE_KINDS
from costsim.paths import bundled
from costsim.pricing.names import candidates, hosts
from costsim.yamlio import Fields, load_yaml, to_decimal

MTOK = Decimal(1_000_000)
NOT_PRICE_TABLES = {"policy.yaml", "caches.yaml"}  # YAML under pricing/ that holds no models
# Generated tables load in this order: a model's maker first, then the hosts that resell models.
HOSTED_RANK = 1000  # load ranks of hosted tables start here
# what may follow a name beginning for a maker's model to win over a host's exact name: dates, versions, tags
VERSION_TAIL = re.compile(r"^([-.@_:]?(\d{8}|\d{4}-\d{2}-\d{2}|\d{2}-\d{2}|\d{3,4}|v\d+(:\d+)?|\d+|preview|latest|"
                          r"beta|exp|experimental))*$")
MAKERS_FIRST = ("openai", "anthropic", "google", "deepseek", "x-ai", "mistral", "meta", "qwen", "zai", "moonshotai",
                "openrouter", "groq", "cerebras", "together", "fireworks", "aws", "vertex", "azure")


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
    prefixes: tuple[str, ...] = ()  # a logged name starting with one of these is this model (longest wins)
    source: str = ""  # where a generated model's prices come from ("genai-prices 0.2.3")
    checked: date | None = None  # when they were last compared with that source

    def period_index(self, day: date) -> int:
        """Index of the period in force on `day`; a day before the first period takes the first."""
        starts = [p.starts for p in self.periods]
        return max(bisect_right(starts, day) - 1, 0)

    def period_at(self, day: date) -> PricePeriod:
        return self.periods[self.period_index(day)]


@dataclass
class PriceBook:
    """Every known model, by id, with indexes of the names that lead to it (all lowercase).

    `_index` holds the names hand-kept tables and overlays give (strong: a clash is an error); `_weak`
    the bare names of generated models (first claim wins); `_prefixes` name beginnings (longest wins).
    """

    models: MutableMapping[str, ModelPrice] = field(default_factory=dict)  # compiled.LazyModels in a run
    files: list[str] = field(default_factory=list)
    _index: dict[str, str] = field(default_factory=dict, repr=False)
    discounts: Discounts = field(default_factory=lambda: Discounts())
    checked: dict[str, date] = field(default_factory=dict)  # bundled table file -> date its prices were checked
    _weak: dict[str, str] = field(default_factory=dict, repr=False)
    _prefixes: dict[str, str] = field(default_factory=dict, repr=False)
    # model id -> its table's place in the load order (hand: 0)
    _rank: dict[str, int] = field(default_factory=dict, repr=False)
    _found: dict[str, str | None] = field(default_factory=dict, repr=False)  # logged name -> model id, memo

    def discount_pct(self, model: ModelPrice) -> Decimal | None:
        """Negotiated discount for a model: its own, else its provider's (overlay `discounts:`), else None."""
        return self.discounts.models.get(model.id, self.discounts.providers.get(model.provider))

    def with_models(self, models: MutableMapping[str, ModelPrice]) -> PriceBook:
        """The same names over other model entries (a what-if copy; discounts are not carried, as before)."""
        return PriceBook(
            models=models,
            files=list(self.files),
            _index=dict(self._index),
            _weak=dict(self._weak),
            _prefixes=dict(self._prefixes),
            _rank=dict(self._rank),
        )

    def find(self, name: str) -> ModelPrice | None:
        """The model a logged name refers to, or None: ids and aliases, `provider/` prefixes, OpenRouter
        suffixes, Bedrock regions and versions, Vertex `@` dates, then the longest known name beginning."""
        key = str(name).strip().lower()
        if key not in self._found:
            self._found[key] = self._lookup(key)
        hit = self._found[key]
        return None if hit is None else self.models[hit]

    def _lookup(self, key: str) -> str | None:
        """Where the name's shape points to a host (a Bedrock id, a Vertex path, `groq/…`), that host's
        names first. Then exact names and the makers' name beginnings, before a reseller's exact name
        (a router's slug for a maker's model takes the maker's price, cache prices included)."""
        if key in self._index:  # a hand-kept table's or an overlay's own name
            return self._index[key]
        names = candidates(key)
        for host in hosts(key):
            for candidate in names:
                hit = self._index.get(f"{host}/{candidate}") or self._weak.get(f"{host}/{candidate}")
                if hit is not None:
                    return hit
            hit, _ = self._longest_prefix(names, host)
            if hit is not None:
                return hit
        hosted = None
        for candidate in names:
            hit = self._index.get(candidate) or self._weak.get(candidate)
            if hit is not None and self._rank.get(hit, 0) < HOSTED_RANK:
                return hit
            hosted = hosted or hit
        best, rest = self._longest_prefix(names)
        if best is not None and self._rank.get(best, 0) < HOSTED_RANK and (hosted is None or VERSION_TAIL.match(rest)):
            return best  # a maker's name beginning beats a host's exact name only if a date or version follows it
        return hosted or best

    def _longest_prefix(self, names: list[str], host: str | None = None) -> tuple[str | None, str]:
        """The model a known name beginning leads to, and what follows the beginning: the earliest-loaded
        table's (a maker's before a host's), then the longest; only `host`'s models when given."""
        best = None
        for i, candidate in enumerate(names):
            for end in range(len(candidate), 2, -1):
                hit = self._prefixes.get(candidate[:end])
                if hit is None or (host is not None and self.models[hit].provider != host):
                    continue
                key = (self._rank.get(hit, 0), i, -end)
                best = min(best, (key, hit, candidate[end:])) if best else (key, hit, candidate[end:])
        return (None, "") if best is None else (best[1], best[2])

    def resolve(self, name: str) -> ModelPrice:
        """Like find, but an unknown name is an error with the closest known names."""
        model = self.find(name)
        if model is None:
            raise self.unknown(name)
        return model

    def unknown(self, name: str, path: str | None = None) -> UnknownModelError:
        """The error for a name no table has, with "did you mean" (and where it was seen, when known)."""
        return UnknownModelError(unknown_model_message(name, {**self._weak, **self._index}), path=path)

    def add(self, model: ModelPrice, path: Path, *, override: bool) -> None:
        """A hand-kept or overlay model: its id and aliases are its own (a clash is an error)."""
        self._found.clear()
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
        for prefix in model.prefixes:
            self._prefixes[prefix] = model.id
        self.models[model.id] = model

    def add_names(self, model_id: str, aliases, prefixes) -> None:
        """More names for a model, where no one has them yet (a generated table's `hand_kept:` section)."""
        for alias in aliases:
            if alias not in self._index:
                self._weak.setdefault(alias, model_id)
        for prefix in prefixes:
            self._prefixes.setdefault(prefix, model_id)

    def add_generated(self, model: ModelPrice, *, hosted: bool, rank: int) -> bool:
        """A generated model, unless a hand-kept table already holds it (then False, and the generated
        model's other names lead to the hand-kept one). Known as `provider/id` when hosted or when its bare
        id is taken; its other names go to whoever claimed them first."""
        own = f"{model.provider}/{model.id}"
        held = self._index.get(own) or self._index.get(model.id)
        if held is not None and self.models[held].provider == model.provider:
            self.add_names(held, model.aliases, model.prefixes)  # the maps' other names lead to the hand-kept entry
            return False
        if own in self._index:
            return False
        book_id = own if hosted or model.id in self.models or model.id in self._weak else model.id
        if book_id in self.models:
            return False
        if book_id != model.id:
            model = replace(model, id=book_id, aliases=tuple(a for a in (model.id, *model.aliases) if a != book_id))
        self.models[book_id] = model
        self._rank[book_id] = rank
        for alias in (book_id, *model.aliases):
            if alias not in self._index:
                self._weak.setdefault(alias, book_id)
        for prefix in model.prefixes:
            self._prefixes.setdefault(prefix, book_id)
        return True


def unknown_model_message(name: str, known: dict[str, str]) -> str:
    close = difflib.get_close_matches(str(name).lower(), list(known), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(dict.fromkeys(known[c] for c in close))}?" if close else ""
    return f"unknown model {name!r}: no price table has it{hint} (add it with --pricing FILE)"


@dataclass(frozen=True)
class Discounts:
    """Negotiated discounts from `--pricing` overlays, percent off list (0-100); a model's own wins over its
    provider's."""

    providers: dict[str, Decimal] = field(default_factory=dict)
    models: dict[str, Decimal] = field(default_factory=dict)


def bundled_tables() -> tuple[list[Path], list[Path]]:
    """The bundled hand-kept tables (by name) and generated tables (makers first, see MAKERS_FIRST)."""
    folder = bundled("pricing")
    hand = sorted(p for p in folder.glob("*.yaml") if p.name not in NOT_PRICE_TABLES)
    rank = {name: i for i, name in enumerate(MAKERS_FIRST)}
    generated = sorted((folder / "generated").glob("*.yaml"), key=lambda p: (rank.get(p.stem, len(rank)), p.stem))
    return hand, generated


def read_bundled_book() -> PriceBook:
    """Parse every bundled table (the slow path; `pricing_compiled` keeps the result between runs)."""
    book = PriceBook()
    hand, generated = bundled_tables()
    for rank, path in enumerate([*hand, *generated]):
        data = load_yaml(path, PricingError)
        top = Fields(data, allowed=TOP_KEYS, path=path, error=PricingError)
        name = path.name if path in hand else f"generated/{path.name}"
        hosted = top.get("hosted", False)
        if not isinstance(hosted, bool):
            top.fail(f"must be true or false, got {shown(hosted)}", "hosted")
        for model in parse_table(path, bundled_table=True, data=data):
            if path in hand:
                book.add(model, path, override=False)
            else:
                book.add_generated(replace(model, table=name), hosted=hosted, rank=rank + HOSTED_RANK * hosted)
        for model_id, names in parse_hand_kept(top).items():
            if model_id in book.models:
                book.add_names(model_id, *names)
        book.files.append(name)
        book.checked[name] = top.required_date("checked")
    return book


def parse_hand_kept(top: Fields) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """A generated table's `hand_kept: {model-id: {aliases: [...], prefixes: [...]}}`: names the maps give
    models a hand-kept table holds (they lead to the hand-kept entry)."""
    raw = top.get("hand_kept") or {}
    if not isinstance(raw, dict):
        top.fail("must map model ids to {aliases, prefixes}", "hand_kept")
    out: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for model_id, names in raw.items():
        f = Fields(
            names,
            allowed={"aliases", "prefixes"},
            path=top.path,
            where=top.field(f"hand_kept.{model_id}"),
            error=PricingError,
        )
        lists = [f.list(key) for key in ("aliases", "prefixes")]
        if not all(isinstance(n, str) and n.strip() for names in lists for n in names):
            f.fail("must list names")
        aliases, prefixes = (tuple(n.strip().lower() for n in names) for names in lists)
        out[str(model_id).strip().lower()] = (aliases, prefixes)
    return out


def parse_discounts(path: Path, data=None) -> Discounts:
    """An overlay's `discounts: {providers: {anthropic: 20}, models: {gpt-5: 10}}`, each 0-100 percent off."""
    data = load_yaml(path, PricingError) if data is None else data
    raw = data.get("discounts") if isinstance(data, dict) else None
    if raw is None:
        return Discounts()
    f = Fields(raw, allowed={"providers", "models"}, path=path, where="discounts", error=PricingError)
    out = {}
    for key in ("providers", "models"):
        mapping = f.get(key, {}) or {}
        if not isinstance(mapping, dict):
            f.fail("must map names to a percent off (0-100)", key)
        out[key] = {
            str(name).strip().lower(): to_decimal(pct, lambda m, n=name, key=key: f.fail(m, f"{key}.{n}"),
                                                  maximum=Decimal(100))
            for name, pct in mapping.items()
        }
    return Discounts(out["providers"], out["models"])


TOP_KEYS = {"provider", "source_url", "models", "checked", "discounts", "generated", "hosted", "hand_kept"}


def parse_table(path: Path, *, bundled_table: bool = False, data=None) -> list[ModelPrice]:
    """Validate one price file strictly (`data`: its YAML, when already read) and return its models.

    A bundled table needs `checked:` (the date its prices were last compared with the provider);
    an overlay may hold only `discounts:` and no models.
    """
    data = load_yaml(path, PricingError) if data is None else data
    discounts_only = isinstance(data, dict) and "discounts" in data and "models" not in data
    top = Fields(
        data,
        allowed=TOP_KEYS,
        required=set()
        if discounts_only
        else ({"provider", "models", "checked"} if bundled_table else {"provider", "models"}),
        path=path,
        error=PricingError,
    )
    top.date("checked")
    parse_discounts(path, data)
    if discounts_only:
        return []
    provider = top.required_str("provider")
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
    f = Fields(
        raw,
        allowed={
            "id",
            "name",
            "aliases",
            "source_url",
            "batch_discount_pct",
            "batch_discount_excludes",
            "prices",
            "token_factor",
            "per_call",
            "prefixes",
            "source",
            "checked",
        },
        required={"id", "prices"},
        path=path,
        where=where,
        error=PricingError,
    )
    model_id = f.required_str("id").strip().lower()
    aliases = f.list("aliases")
    if not all(isinstance(a, str) and a.strip() for a in aliases):
        f.fail("must be a list of model names", "aliases")
    prefixes = f.list("prefixes")
    if not all(isinstance(a, str) and len(a.strip()) >= 3 for a in prefixes):
        f.fail("must be a list of name beginnings, 3 characters or more", "prefixes")
    provider_names = [f"{provider}/{n}" for n in (model_id, *aliases) if not n.startswith(f"{provider}/")]
    periods = tuple(parse_period(p, path, f.field(f"prices[{j}]")) for j, p in enumerate(f.list("prices")))
    if not periods:
        f.fail("needs at least one price period", "prices")
    for j in range(1, len(periods)):
        if periods[j].starts <= periods[j - 1].starts:
            f.fail(
                f"overlapping price periods: starts {periods[j].starts}, not after prices[{j - 1}].from "
                f"{periods[j - 1].starts} (list periods oldest first; each runs until the next one starts)",
                f"prices[{j}].from",
            )
    excludes = f.list("batch_discount_excludes")
    if not set(map(str, excludes)) <= set(RATE_KINDS):
        f.fail(f"must list token kinds ({', '.join(RATE_KINDS)})", "batch_discount_excludes")
    if excludes and not f.has("batch_discount_pct"):
        f.fail("needs batch_discount_pct", "batch_discount_excludes")
    return ModelPrice(
        id=model_id,
        name=f.str("name") or model_id,
        provider=provider,
        aliases=tuple(dict.fromkeys(a.strip().lower() for a in [*aliases, *provider_names])),
        source_url=f.str("source_url") or default_source,
        periods=periods,
        batch_discount_pct=f.decimal("batch_discount_pct", maximum=Decimal(100)),
        table=path.name,
        batch_discount_excludes=tuple(excludes),
        token_factor=f.decimal("token_factor", minimum=Decimal("0.01")) or Decimal(1),
        per_call_usd=parse_per_call(f.get("per_call"), path, f.field("per_call")) if f.has("per_call") else {},
        prefixes=tuple(dict.fromkeys(a.strip().lower() for a in prefixes)),
        source=f.str("source", ""),
        checked=f.date("checked"),
    )


def parse_per_call(raw, path: Path, where: str) -> dict:
    """`per_call: {web_search: 0.01, web_fetch: 0}`: USD per server-side tool call, by kind."""
    from costsim.frame import CALL_KINDS

    f = Fields(raw, allowed=set(CALL_KINDS), path=path, where=where, error=PricingError)
    return {kind: f.decimal(kind) for kind in CALL_KINDS if f.has(kind)}


def parse_period(raw, path: Path, where: str) -> PricePeriod:
    f = Fields(
        raw,
        allowed={"from", "usd_per_mtok", "long_context", "service_tiers", "off_peak"},
        required={"from", "usd_per_mtok"},
        path=path,
        where=where,
        error=PricingError,
    )
    rates = parse_rates(f.get("usd_per_mtok"), path, f.field("usd_per_mtok"))
    long_context = None
    if f.has("long_context"):
        lc = Fields(
            f.get("long_context"),
            allowed={"above_prompt_tokens", "usd_per_mtok"},
            required={"above_prompt_tokens", "usd_per_mtok"},
            path=path,
            where=f.field("long_context"),
            error=PricingError,
        )
        long_context = LongContext(
            lc.required_int("above_prompt_tokens", minimum=1),
            parse_rates(lc.get("usd_per_mtok"), path, lc.field("usd_per_mtok")),
        )
    tiers = parse_service_tiers(f, long_context is not None, path) if f.has("service_tiers") else ()
    off_peak = parse_off_peak(f, path) if f.has("off_peak") else None
    if off_peak is not None and long_context is not None:
        f.fail("a period with long_context cannot also have off_peak rates (not supported)", "off_peak")
    return PricePeriod(
        starts=f.required_date("from"), rates=rates, long_context=long_context, service_tiers=tiers, off_peak=off_peak
    )


SERVICE_TIERS = ("flex", "priority")


def parse_service_tiers(period: Fields, has_long_context: bool, path: Path) -> tuple[ServiceTierRates, ...]:
    """`service_tiers: {flex: {usd_per_mtok: {...}, long_context: {usd_per_mtok: {...}}}, priority: {...}}`."""
    f = Fields(
        period.get("service_tiers"),
        allowed=set(SERVICE_TIERS),
        path=path,
        where=period.field("service_tiers"),
        error=PricingError,
    )
    tiers = []
    for name in SERVICE_TIERS:
        if not f.has(name):
            continue
        t = Fields(
            f.get(name),
            allowed={"usd_per_mtok", "long_context"},
            required={"usd_per_mtok"},
            path=path,
            where=f.field(name),
            error=PricingError,
        )
        lc_rates = None
        if t.has("long_context"):
            if not has_long_context:
                t.fail("the period has no long_context threshold for these rates", "long_context")
            lc = Fields(
                t.get("long_context"),
                allowed={"usd_per_mtok"},
                required={"usd_per_mtok"},
                path=path,
                where=t.field("long_context"),
                error=PricingError,
            )
            lc_rates = parse_rates(lc.get("usd_per_mtok"), path, lc.field("usd_per_mtok"))
        tiers.append(
            ServiceTierRates(name, parse_rates(t.get("usd_per_mtok"), path, t.field("usd_per_mtok")), lc_rates)
        )
    return tuple(tiers)


_WINDOW = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")


def parse_off_peak(period: Fields, path: Path) -> OffPeak:
    """`off_peak: {utc_windows: ["16:30-00:30"], weekends_all_day: false, usd_per_mtok: {...}}`."""
    f = Fields(
        period.get("off_peak"),
        allowed={"utc_windows", "weekends_all_day", "usd_per_mtok"},
        required={"utc_windows", "usd_per_mtok"},
        path=path,
        where=period.field("off_peak"),
        error=PricingError,
    )
    windows = []
    for text in f.list("utc_windows"):
        m = _WINDOW.match(str(text).strip())
        if m is None or m.group(1, 2) == m.group(3, 4):
            f.fail(f"windows are UTC 'HH:MM-HH:MM' with start != end, got {shown(text)}", "utc_windows")
        h1, m1, h2, m2 = map(int, m.groups())
        windows.append((h1 * 60 + m1, h2 * 60 + m2))
    weekends = f.get("weekends_all_day", False)
    if not isinstance(weekends, bool):
        f.fail(f"must be true or false, got {shown(weekends)}", "weekends_all_day")
    if not windows and not weekends:
        f.fail("needs at least one window (or weekends_all_day: true)", "utc_windows")
    return OffPeak(tuple(windows), weekends, parse_rates(f.get("usd_per_mtok"), path, f.field("usd_per_mtok")))


def parse_rates(raw, path: Path, where: str) -> Rates:
    f = Fields(raw, allowed=set(RATE_KINDS), required={"input", "output"}, path=path, where=where, error=PricingError)
    input_rate, output_rate = f.required_decimal("input"), f.required_decimal("output")
    cache = {kind: f.decimal(kind) for kind in ("cache_read", "cache_write_5m", "cache_write_1h")}
    return Rates(
        input_rate, output_rate, **{kind: input_rate if rate is None else rate for kind, rate in cache.items()}
    )


def request_cost_usd(rates: Rates, tokens: dict[str, int]) -> Decimal:
    """Exact cost of a token count per kind at `rates`: sum(tokens × USD/Mtok) / 1e6."""
    return sum((Decimal(int(tokens.get(kind, 0))) * rates.usd_per_mtok(kind) for kind in RATE_KINDS), Decimal(0)) / MTOK
