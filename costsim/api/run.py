"""One estimate's pricing, shared by both engines: `EstimateRun` folds each classified chunk of usage
into the Pricer (and holds slim rows for the cache replay), then makes the report from the sums and the
run's accounting; the local engine (logs.py) folds every chunk into one run, the cluster engine each part
into its own and merges them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import numpy as np
import pandas as pd

from costsim.frame import CLOSES_CONVERSATIONS
from costsim.ingest.common import IngestStats
from costsim.pricing.billing import BillingOptions
from costsim.pricing.caches import CacheBook, load_cache_book
from costsim.pricing.prices import PriceBook
from costsim.report.caching import ReplayStats
from costsim.report.model import Accounting, Report
from costsim.report.parts import CalibrationSummary, LogDetail
from costsim.routing.classify import EXPLAINED_PER_TIER, classify_frame
from costsim.routing.policy import Policy
from costsim.simulate.effects import SimOptions
from costsim.simulate.pricer import LOG_STRATEGIES, UNPRICED, Pricer

SAMPLE_COLUMNS = ("tier", "reason", "prompt", "source", "model")  # the rows --explain draws from


def explain_sample(classified: pd.DataFrame, per_tier: int = EXPLAINED_PER_TIER) -> pd.DataFrame:
    """A classified chunk's rows --explain may draw: each tier's first `per_tier`, in row order (the rows
    whose reasons classify_frame worked out), without grouping every row."""
    tiers = classified["tier"].to_numpy(dtype="float64", na_value=np.nan)
    firsts = [np.flatnonzero(tiers == tier)[:per_tier] for tier in np.unique(tiers[~np.isnan(tiers)])]
    rows = np.sort(np.concatenate(firsts)) if firsts else np.zeros(0, dtype=np.int64)
    return classified[list(SAMPLE_COLUMNS)].iloc[rows]  # the columns first: only theirs are taken


class EstimateRun:
    """One estimate's pricing: the Pricer with every strategy the options ask for, the as-billed sums, the
    fold of each classified chunk into them (and its slim rows held for the cache replay, sticky routing and
    pinned conversations), and the report from the sums and the run's accounting. The local engine folds
    every chunk into one; the cluster engine (`cluster/parts.py`) folds each part into its own and merges
    them here (the held rows: each hash partition of the conversations priced on a worker)."""

    def __init__(
        self,
        book: PriceBook,
        policy: Policy,
        *,
        as_of: date | None = None,
        today: date | None = None,
        billing: BillingOptions = BillingOptions(),
        by: str | None = None,
        sim: SimOptions | None = None,
        caches: str = "replay",
        sticky_minutes: tuple[int, ...] = (),
        price_closed: bool = False,
        explained: int = EXPLAINED_PER_TIER,
    ):
        from costsim.simulate import cache_strategies
        from costsim.simulate import effects as simulate
        from costsim.simulate.as_billed import AsBilled
        from costsim.simulate.cache_replay import ConversationIds
        from costsim.simulate.held_rows import HeldRows

        for model in policy.tier_models.values():
            book.resolve(model)
        self.book, self.policy, self.as_of, self.today, self.by, self.sim = book, policy, as_of, today, by, sim
        self.classifier_model = book.resolve(sim.classifier_model).id if sim and sim.classifier_model else None
        helpers = simulate.helper_strategies(sim, self.classifier_model) if sim else ()
        self.pinned = (simulate.PINNED,) if sim and sim.pinned else ()
        self.classifier_only = tuple(h for h in helpers if h.key == simulate.CLASSIFIER_KEY)
        self.replay_plan = cache_strategies.plan(caches, sticky_minutes, sim)
        self.held_strategies = self.replay_plan.held + self.pinned
        self.pricer = Pricer(
            book,
            policy,
            LOG_STRATEGIES + self.replay_plan.extra + helpers + self.pinned,
            as_of=as_of,
            default_day=today or date.today(),
            separate=frozenset(s.key for s in self.classifier_only + self.held_strategies),
            billing=billing,
        )
        self.conversations = ConversationIds()
        self.billed = AsBilled(book, policy, as_of=as_of, default_day=today or date.today(), billing=billing)
        self.held = HeldRows()  # slim rows of each chunk, column by column (spilled to disk past a size)
        # the held rows are priced whenever a chunk closes the conversations read so far, not all at the end
        # (not for pinned routing, which needs whole sessions, nor on a cluster, whose parts see some files)
        self.price_closed = price_closed and not self.pinned
        self.held_stats: dict[str, ReplayStats] = {}  # the replay's figures of the rows priced so far
        self.cache_book: CacheBook | None = None
        self.explained = explained  # rows of each tier, first in a chunk, whose reasons are worked out

    def fold(self, chunk: pd.DataFrame, classify_many) -> tuple[pd.DataFrame, int]:
        """Classify one usage-frame chunk and add it to the line items: (classified chunk, outputs estimated)."""
        from costsim.simulate import cache_strategies
        from costsim.simulate import effects as simulate
        from costsim.simulate.views import view_keys

        classified = classify_frame(chunk, self.policy, classify_many, self.explained)
        classified, n_estimated = fill_estimated_outputs(classified, self.policy)
        book, pricer = self.book, self.pricer
        view = (
            view_keys(classified, self.by, canonical=lambda name: getattr(book.find(name), "id", None))
            if self.by
            else None
        )
        codes = pricer.codes(classified, view)  # shared with the unpriced rows' check below
        pricer.add(classified, view=view, codes=codes)
        self.billed.add(classified)
        if self.classifier_only:
            pricer.add(simulate.classifier_frame(classified, self.sim), only=self.classifier_only)
        if self.held_strategies:  # like with like: rows of an unpriced logged model are left out here too
            kept = ~pricer.unpriced_rows(classified, codes)
            self.held.append(
                cache_strategies.slim_rows(
                    classified, self.conversations, view, session=bool(self.pinned), kept=kept
                )
            )
            if self.price_closed and chunk.attrs.get(CLOSES_CONVERSATIONS) and cache_strategies.replays(
                self.replay_plan, self.held.cached_tokens, self.held.conversations
            ):
                self.cache_book = self.cache_book or load_cache_book(book)
                self.held_stats = cache_strategies.price_closed(
                    pricer, self.held, self.replay_plan, book, self.held_stats, self.cache_book
                )
        return classified, n_estimated

    def report(
        self,
        stats: IngestStats,
        estimated: int,
        name: str,
        classifier: str | None,
        calibration=None,
        caching: dict | None = None,
    ) -> Report:
        """The Report from the line items (the held rows priced first) and the run's accounting (`stats`).
        `caching`: the held rows were priced elsewhere (a cluster's workers), and this is what they found."""
        from costsim.routing.quality import measured_quality
        from costsim.simulate import cache_strategies
        from costsim.simulate import effects as simulate
        from costsim.simulate.views import breakdown

        pricer, policy, book = self.pricer, self.policy, self.book
        if self.held:
            caching = cache_strategies.price_held(
                pricer, self.held, self.replay_plan, self.pinned, book, self.conversations, self.held_stats
            )
        skipped = dict(stats.skipped)
        if pricer.unknown_models:  # like with like: left out of every strategy, so skipped, and named below
            skipped[UNPRICED] = sum(pricer.unknown_models.values())
        accounting = Accounting(
            records_read=stats.records_read,
            priced=pricer.requests,
            skipped=skipped,
            duplicates=stats.duplicates,
            files=tuple(stats.files),
        )
        quality = measured_quality(classifier or policy.classifier) + (
            ", with its own thresholds" if calibration else ""
        )
        notes = [f"Classifier: {name} ({policy.label}); {quality}.", *ingest_notes(stats, estimated)]
        first, last = pricer.span()
        log = LogDetail(
            problems=tuple(stats.problems),
            malformed_records=stats.malformed,
            classifier=name,
            estimated_output_requests=estimated,
            counted_input_requests=stats.counted_inputs,
            approximate_count_models=dict(stats.approximate_models),
            files_not_read=dict(stats.files_not_read),
            sidecar_files=stats.sidecars,
            conflicting_duplicates=stats.conflicting_duplicates,
            first_timestamp=first,
            last_timestamp=last,
        )
        report = replace(
            pricer.report(kind="estimate", accounting=accounting, notes=notes), log=log, as_billed=self.billed.part()
        )
        if caching is not None:
            report = cache_strategies.with_caching(report, caching, book)
        if self.by:
            report = replace(report, breakdown=breakdown(report, self.by))
        if calibration is not None:
            report = replace(
                report,
                notes=(*report.notes, calibration.note()),
                calibration=CalibrationSummary(**calibration.to_dict()),
            )
        if self.sim:
            day = self.as_of or self.today or date.today()
            rates = book.models[self.classifier_model].period_at(day).rates if self.classifier_model else None
            report = simulate.apply(report, self.sim, policy, rates)
        return report


def make_stats(
    book: PriceBook,
    *,
    strict: bool = False,
    since: date | None = None,
    until: date | None = None,
    columns: dict[str, str] | None = None,
) -> IngestStats:
    """Accounting for one run; --until names the last day included."""

    def factor(model: str) -> Decimal:
        found = book.find(model)
        return found.token_factor if found is not None else Decimal(1)

    start = None if since is None else datetime.combine(since, time(), tzinfo=timezone.utc)
    end = None if until is None else datetime.combine(until + timedelta(days=1), time(), tzinfo=timezone.utc)
    return IngestStats(strict=strict, since=start, until=end, columns=dict(columns or {}), token_factor=factor)


def fill_estimated_outputs(df: pd.DataFrame, policy: Policy) -> tuple[pd.DataFrame, int]:
    """Rows whose log had no output count take their (classified) tier's profile output."""
    need = df["output_estimated"].to_numpy()
    n = int(need.sum())
    if not n:
        return df, 0
    out = df.copy()
    per_tier = {t: p.output_tokens for t, p in policy.profiles.items()}
    estimate = out.loc[need, "tier"].astype("int64").map(per_tier).astype("int64") * out.loc[need, "requests"]
    out.loc[need, "output_tokens"] = estimate.to_numpy()
    return out, n


def ingest_notes(stats: IngestStats, estimated_outputs: int) -> list[str]:
    notes = []
    if stats.counted_inputs:
        notes.append(
            f"Input tokens of {stats.counted_inputs:,} request(s) were counted offline from their text "
            "(tiktoken o200k_base / cl100k_base)."
        )
    if stats.approximate_models:
        models = ", ".join(sorted(stats.approximate_models))
        notes.append(
            f"Counts for {models} are approximations: no native tokenizer ships for them, so OpenAI's "
            "o200k_base was used (a model's token_factor in the price table corrects it)."
        )
    if stats.no_prompt_text:
        notes.append(
            f"{stats.no_prompt_text:,} request(s) carried no prompt text (the proxy or tracer did not "
            "record it): their tier comes from their prompt's token count alone."
        )
    if estimated_outputs:
        notes.append(
            f"Output tokens of {estimated_outputs:,} request(s) were not in the log and are estimated "
            "from their tier's profile (policy `profiles`)."
        )
    return notes
