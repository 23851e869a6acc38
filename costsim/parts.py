"""One part of a run — some input files — read, classified and reduced to integer sums and accounting.

This is the unit a cluster maps over its workers (`--engine dask` builds on it) and a local run can
call part by part: `run_part` returns the Pricer holding the part's line items (integer token sums per
pricing group: strategy, tier, model, price period, long context, batch, service tier, off-peak) and
counters, with the part's IngestStats; `merge_parts` adds parts up in order, and the merged Pricer's
`report` prices the sums exactly (Decimal) as a single run does.

Duplicates are found, and conversations' prompt caches replayed (strategies that move requests between
models, `cache_strategies.py`), within a part: cut parts where no record repeats across them and no
conversation straddles two (a Claude Code project's folder is such a part). The replay also decides,
per part, whether the rows have conversations with cache tokens at all, where one run decides once for
every input: with `caches="replay"` (the default), merged parts equal one run only when every part
decides alike (tested with `caches="carried"`; the replayed strategies' per-part agreement is open).
Each part's `caching` block (what `cache_strategies.with_caching` adds to a report) is kept apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from costsim.billing import BillingOptions
from costsim.classify import classify_frame, make_classifier
from costsim.estimate import LOG_STRATEGIES, Pricer
from costsim.ingest.common import IngestStats, read_logs
from costsim.policy import Policy
from costsim.prices import PriceBook


@dataclass
class PartSums:
    """A part's line items and counters (`pricer`), its accounting (`stats`), and how many requests had
    their output count borrowed from their tier's profile (`estimated_outputs`)."""

    pricer: Pricer
    stats: IngestStats
    estimated_outputs: int = 0
    caching: list = field(default_factory=list)  # each part's replay summary (None: nothing replayed)


def run_part(paths: list[str], book: PriceBook, policy: Policy, *, classifier: str | None = None,
             log_format: str | None = None, as_of: date | None = None, today: date | None = None,
             billing: BillingOptions = BillingOptions(), caches: str = "replay") -> PartSums:
    """Read `paths`, classify each distinct prompt once (a batch call per chunk), and sum the part's rows
    into line items under every log strategy, as `api.estimate` does (the replayed strategies priced from
    the part's held rows at its end). Plain data in and out, so a worker process can run it."""
    from costsim import cache_strategies
    from costsim.cache_replay import ConversationIds
    from costsim.ingest.extras import fill_estimated_outputs, make_stats

    stats = make_stats(book)
    _, classify = make_classifier(policy, classifier)
    replay = cache_strategies.plan(caches)
    pricer = Pricer(book, policy, LOG_STRATEGIES + replay.extra, as_of=as_of, default_day=today or date.today(),
                    separate=frozenset(s.key for s in replay.held), billing=billing)
    conversations, held, estimated = ConversationIds(), [], 0
    for chunk in read_logs(paths, stats, log_format):
        classified, n_estimated = fill_estimated_outputs(classify_frame(chunk, policy, classify), policy)
        estimated += n_estimated
        pricer.add(classified)
        if replay.held:
            kept = ~pricer.unpriced_rows(classified)
            held.append(cache_strategies.slim_rows(classified[kept], conversations, None))
    caching = cache_strategies.price_held(pricer, held, replay, (), book, conversations) if held else None
    stats.token_factor = None  # the price book's lookup, needed only while reading (and not picklable)
    return PartSums(pricer, stats, estimated, [caching])


def merge_parts(parts: Iterable[PartSums]) -> PartSums:
    """Parts added up in order into the first: line items, counters and accounting (its problems first)."""
    merged: PartSums | None = None
    for part in parts:
        if merged is None:
            merged = part
            continue
        merged.pricer.merge(part.pricer)
        merged.stats.merge(part.stats)
        merged.estimated_outputs += part.estimated_outputs
        merged.caching.extend(part.caching)
    if merged is None:
        raise ValueError("no parts to merge")
    return merged


__all__ = ["PartSums", "run_part", "merge_parts"]
