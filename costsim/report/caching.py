"""The report's `caching` block (docs/caching.md), in one of three shapes: what replaying each conversation's
prompt caches found (`CachesReplayed`, estimate), why they were not replayed (`CachesNotReplayed`), or the
cache profile a planned mix was priced with (`CachesFromProfile`, compare --cache-share). Frozen values;
`jsonshape.to_json` writes each and `schema_of` gives its schema (`replayed` tells the shapes apart)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from costsim.report.fields import FLATTEN, OMIT_NONE


@dataclass(frozen=True)
class ReplayStats:
    """What the replay found for one strategy."""

    requests: int
    conversations: int
    switches: int          # requests on another model than the previous request of their conversation
    cold_starts: int       # requests with a cacheable prefix that found no warm cache on their model
    first_on_model: int    # … of which the conversation's first request on that model
    cache_read_tokens: int  # after the replay
    cache_read_tokens_carried: int  # as logged (what "caches carried over" assumes)
    cacheable_prefix_tokens: int

    def __add__(self, other: ReplayStats) -> ReplayStats:
        """Two shares' figures of one strategy together: every figure is a count or a token sum."""
        return ReplayStats(*(getattr(self, k) + getattr(other, k) for k in self.__dataclass_fields__))


@dataclass(frozen=True)
class CacheModelUsed:
    """A provider's prompt-cache model as the replay used it (pricing/caches.yaml)."""

    provider: str
    mode: str  # "explicit" (a write premium) or "automatic" (a miss is plain input)
    idle_minutes: int
    idle_minutes_1h: int | None
    max_idle_minutes: int | None
    min_prefix_tokens: int
    block_tokens: int
    survives_model_change: bool
    source_url: str
    checked: date


@dataclass(frozen=True)
class CarriedComparison:
    """Smart routing with its caches replayed against the same routing with each request's logged cache reads."""

    smart_cache_aware_usd: Decimal
    smart_caches_carried_over_usd: Decimal
    difference_usd: Decimal
    difference_pct: Decimal | None  # of the carried-over figure; None when that is $0


@dataclass(frozen=True)
class StickyCaching:
    """One `--sticky` strategy: conversations kept on their model for so many minutes."""

    key: str
    minutes: int
    cost_usd: Decimal
    savings_vs_all_frontier_pct: Decimal | None
    vs_smart_usd: Decimal
    switches: int
    cold_starts: int


@dataclass(frozen=True)
class CachesReplayed:
    """Each conversation's prompt caches replayed in time order, per strategy that moves requests."""

    replayed: Literal[True]
    conversations: int
    strategies: dict[str, ReplayStats]
    cache_models: dict[str, CacheModelUsed]  # by provider
    source: str  # the cache-models file
    carried: CarriedComparison | None = field(default=None, metadata={**FLATTEN, **OMIT_NONE})
    sticky: tuple[StickyCaching, ...] | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True)
class CachesNotReplayed:
    """Caches could not be replayed (no request has both a session and a timestamp): carried over instead."""

    replayed: Literal[False]
    reason: str


@dataclass(frozen=True)
class ProfileUsed:
    cache_share: Decimal  # the share of a request's input a warm cache serves (0-1)
    turns_per_conversation: int


@dataclass(frozen=True)
class ProfileServed:
    warm_share_by_tier: dict[str, Decimal]  # of each tier's requests, those finding their model's cache warm
    share_of_input_from_cache_pct: Decimal | None


@dataclass(frozen=True)
class CachesFromProfile:
    """A planned mix priced with a cache profile (compare --cache-share): no conversation to replay."""

    replayed: Literal[False]
    profile: ProfileUsed
    strategies: dict[str, ProfileServed]
    smart_cache_aware_usd: Decimal
    smart_caches_carried_over_usd: Decimal
    difference_usd: Decimal


Caching = CachesReplayed | CachesNotReplayed | CachesFromProfile
