"""Prompt-cache models: `pricing/caches.yaml` loaded and validated strictly, one `CacheModel` per provider.

A cache model says how a provider's prompt cache behaves — explicit breakpoints billed at a write
premium or automatic prefix caching billed as plain input, how long a cached prefix stays warm, the
shortest prefix it caches, the block size reads come in — so the cache replay (`cache_replay.py`)
can tell whether a request moved to a model finds that model's cache warm. Prices stay in the
price tables; this file only says when the cache prices apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from costsim.errors import PricingError, shown
from costsim.paths import bundled
from costsim.pricing.prices import ModelPrice, PriceBook
from costsim.yamlio import Fields, load_yaml

CACHES_FILE = "caches.yaml"
MODES = ("explicit", "automatic")
DEFAULT_PROVIDER = "default"
_KEYS = {"mode", "idle_minutes", "idle_minutes_1h", "max_idle_minutes", "min_prefix_tokens",
         "min_prefix_tokens_by_model", "block_tokens", "survives_model_change", "source_url", "checked"}


@dataclass(frozen=True)
class CacheModel:
    """One provider's prompt cache."""

    provider: str
    mode: str                          # "explicit" (write premium) or "automatic" (a miss is input)
    idle_minutes: int                  # warm this long after the request that last used it
    min_prefix_tokens: int             # a shorter prefix is not cached
    block_tokens: int                  # reads in whole blocks of this many tokens
    source_url: str
    checked: date
    idle_minutes_1h: int | None = None  # explicit mode: the life of a 1-hour write
    max_idle_minutes: int | None = None  # documented upper bound (informational)
    survives_model_change: bool = False
    min_prefix_tokens_by_model: dict[str, int] = field(default_factory=dict)

    @property
    def explicit(self) -> bool:
        return self.mode == "explicit"

    def min_prefix_for(self, model_id: str) -> int:
        return self.min_prefix_tokens_by_model.get(model_id, self.min_prefix_tokens)


@dataclass(frozen=True)
class CacheBook:
    """Every provider's cache model, and the default for providers the file does not list."""

    providers: dict[str, CacheModel]
    default: CacheModel
    path: str = ""

    def for_model(self, model: ModelPrice) -> CacheModel:
        return self.providers.get(model.provider, self.default)


def load_cache_book(book: PriceBook | None = None, path: str | Path | None = None) -> CacheBook:
    """The bundled `pricing/caches.yaml` (or `path`); with `book`, model ids it names must be in the tables."""
    path = Path(path) if path is not None else bundled("pricing") / CACHES_FILE
    data = load_yaml(path, PricingError)
    top = Fields(data, allowed={"checked", "providers"}, required={"checked", "providers"}, path=path,
                 error=PricingError)
    top.date("checked")
    raw = top.get("providers")
    if not isinstance(raw, dict) or not raw:
        top.fail("must map provider names to cache models", "providers")
    models = {str(name): parse_cache_model(str(name), spec, path, book) for name, spec in raw.items()}
    if DEFAULT_PROVIDER not in models:
        top.fail(f"needs a {DEFAULT_PROVIDER!r} entry (the cache model of providers not listed)", "providers")
    default = models.pop(DEFAULT_PROVIDER)
    return CacheBook(providers=models, default=default, path=str(path))


def parse_cache_model(provider: str, raw, path: Path, book: PriceBook | None) -> CacheModel:
    f = Fields(raw, allowed=_KEYS, required={"mode", "idle_minutes", "min_prefix_tokens", "block_tokens",
                                             "survives_model_change", "source_url", "checked"},
               path=path, where=f"providers.{provider}", error=PricingError)
    mode = f.required_str("mode")
    if mode not in MODES:
        f.fail(f"must be one of {', '.join(MODES)}, got {shown(mode)}", "mode")
    if f.has("idle_minutes_1h") and mode != "explicit":
        f.fail("only an explicit cache has 1-hour writes", "idle_minutes_1h")
    survives = f.get("survives_model_change")
    if not isinstance(survives, bool):
        f.fail(f"must be true or false, got {shown(survives)}", "survives_model_change")
    if survives:
        f.fail("a cache belongs to one model: costsim's replay cannot carry it to another (set false)",
               "survives_model_change")
    url = f.required_str("source_url")
    if not url.startswith("https://"):
        f.fail(f"must be an https:// address, got {shown(url)}", "source_url")
    idle = f.required_int("idle_minutes", minimum=0)
    max_idle = f.int("max_idle_minutes", minimum=0)
    if max_idle is not None and max_idle < idle:
        f.fail(f"must be at least idle_minutes ({idle}), got {max_idle}", "max_idle_minutes")
    by_model = f.get("min_prefix_tokens_by_model", {}) or {}
    if not isinstance(by_model, dict):
        f.fail("must map model ids to token counts", "min_prefix_tokens_by_model")
    overrides = {}
    for name, tokens in by_model.items():
        where = f"min_prefix_tokens_by_model.{name}"
        if isinstance(tokens, bool) or not isinstance(tokens, int) or tokens < 0:
            f.fail(f"must be a whole number >= 0, got {shown(tokens)}", where)
        model_id = str(name).strip().lower()
        if book is not None:
            model = book.find(model_id)
            if model is None:
                f.fail(str(book.unknown(model_id)), where)
            model_id = model.id
        overrides[model_id] = tokens
    return CacheModel(provider=provider, mode=mode, idle_minutes=idle,
                      idle_minutes_1h=f.int("idle_minutes_1h", minimum=0), max_idle_minutes=max_idle,
                      min_prefix_tokens=f.required_int("min_prefix_tokens", minimum=0),
                      block_tokens=f.required_int("block_tokens", minimum=1), survives_model_change=survives,
                      source_url=url, checked=f.required_date("checked"),
                      min_prefix_tokens_by_model=overrides)
