"""One part of a run — some input files — read, classified and reduced to integer sums and accounting.

This is the unit a cluster maps over its workers (`--engine dask` builds on it) and a local run can
call part by part: `run_part` returns the Pricer holding the part's line items (integer token sums per
pricing group: strategy, tier, model, price period, long context, batch, service tier, off-peak) and
counters, with the part's IngestStats; `merge_parts` adds parts up in order, and the merged Pricer's
`report` prices the sums exactly (Decimal) as a single run does.

Duplicates are found within a part. Records repeated across parts are not: cut parts where no record
can repeat across them (Claude Code copies a message only between session files of one project, so a
project's folder is a safe part).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
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


def run_part(paths: list[str], book: PriceBook, policy: Policy, *, classifier: str | None = None,
             log_format: str | None = None, as_of: date | None = None, today: date | None = None,
             billing: BillingOptions = BillingOptions()) -> PartSums:
    """Read `paths`, classify each distinct prompt once (a batch call per chunk), and sum the part's rows
    into line items under every log strategy. Plain data in and out, so a worker process can run it."""
    from costsim.ingest.extras import fill_estimated_outputs, make_stats

    stats = make_stats(book)
    _, classify = make_classifier(policy, classifier)
    pricer = Pricer(book, policy, LOG_STRATEGIES, as_of=as_of, default_day=today or date.today(), billing=billing)
    estimated = 0
    for chunk in read_logs(paths, stats, log_format):
        classified, n_estimated = fill_estimated_outputs(classify_frame(chunk, policy, classify), policy)
        estimated += n_estimated
        pricer.add(classified)
    stats.token_factor = None  # the price book's lookup, needed only while reading (and not picklable)
    return PartSums(pricer, stats, estimated)


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
    if merged is None:
        raise ValueError("no parts to merge")
    return merged


__all__ = ["PartSums", "run_part", "merge_parts"]
