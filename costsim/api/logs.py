"""`costsim estimate` with the local engine: read every input in this process, classify each distinct
prompt once, fold each chunk into one EstimateRun (run.py); a first pass calibrates the classifier
when asked; empirical token profiles for `compare --tokens-from`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd

from costsim.api.run import SAMPLE_COLUMNS, EstimateRun, explain_sample, make_stats
from costsim.errors import ConfigError
from costsim.frame import PROMPT_COLUMNS
from costsim.ingest.common import IngestStats
from costsim.ingest.read import read_logs
from costsim.pricing.billing import BillingOptions
from costsim.pricing.prices import PriceBook
from costsim.report.model import Report
from costsim.routing.classify import EXPLAINED_PER_TIER, classify_frame, make_classifier
from costsim.routing.policy import Policy
from costsim.simulate import montecarlo
from costsim.simulate.effects import SimOptions


def estimate(
    inputs: list[str],
    book: PriceBook,
    policy: Policy,
    *,
    log_format: str | None = None,
    as_of: date | None = None,
    strict: bool = False,
    today: date | None = None,
    classifier: str | None = None,
    progress: Callable[[int], None] | None = None,
    sim: SimOptions | None = None,
    billing: BillingOptions = BillingOptions(),
    by: str | None = None,
    since: date | None = None,
    until: date | None = None,
    columns: dict[str, str] | None = None,
    target_shares: tuple[float, float, float] | None = None,
    caches: str = "replay",
    sticky_minutes: tuple[int, ...] = (),
    explained: int = EXPLAINED_PER_TIER,
) -> tuple[Report, pd.DataFrame]:
    """Read logs, classify every request, price it under every log strategy. Returns the report and a
    sample of classified rows (for --explain).

    `progress` is told how many more records were read, as they are (a Claude Code tree's while its files
    are read, though its rows come after the last one). `by` adds a breakdown; `since`/`until` (inclusive
    UTC days) keep only requests inside them.
    `target_shares` calibrates the learned classifier on a first pass so the log splits in those shares.
    `sim` adds the simulated effects; `sim.pinned` holds slim rows (tier, session, day, token counts)
    until the end, since a session's hardest request can come in any chunk.
    `caches`: "replay" (default) prices every strategy that moves requests to other models with each
    conversation's prompt caches replayed (cache_strategies.py), where the log has sessions and timestamps;
    "carried" keeps each request's logged cache split. `sticky_minutes` adds a sticky-routing strategy
    for each number of minutes. Both hold slim rows until the end, like pinned.
    `explained`: rows of each tier, first in each chunk, whose reasons are worked out for the sample (0 when
    nobody will read them: a run without --explain; the tiers are the same)."""
    from costsim.ingest.tree_chunks import ChunkedTooEarly
    from costsim.routing.pool import Remembering, batched
    from costsim.simulate.views import check_view

    by = check_view(by)
    sim = sim if sim is not None and sim.active else None

    shown: list[_ReadProgress] = []  # each attempt's progress: a second read counts no record twice

    def attempt(early_chunks: bool) -> tuple[Report, pd.DataFrame]:
        stats = make_stats(book, strict=strict, since=since, until=until, columns=columns)
        stats.early_chunks = early_chunks
        calibration = None

        def start_reading():
            return read_logs(inputs, stats, log_format)

        # reading starts first: the engine reads the first files while the run is set up (not when calibrating,
        # whose first pass reads everything before the classifier is known)
        chunks = start_reading() if target_shares is None else None
        try:
            run = EstimateRun(
                book,
                policy,
                as_of=as_of,
                today=today,
                billing=billing,
                by=by,
                sim=sim,
                caches=caches,
                sticky_minutes=sticky_minutes,
                price_closed=True,
                explained=explained,
            )
            if target_shares is not None:
                name, classify_many, calibration = _calibrated(
                    inputs,
                    book,
                    policy,
                    classifier,
                    target_shares,
                    dict(strict=strict, since=since, until=until, columns=columns),
                    log_format,
                )
                chunks = start_reading()
            if calibration is None:
                name, classify_many = make_classifier(policy, classifier)
            # Claude Code folders hand their prompts over as the engine reads, ahead of their rows: they are
            # classified then, alongside the reading, and remembered until their rows come. A
            # batched classifier decides those here: the engine's readers hold every core, and a worker process
            # cost more than it saved (100,000-line folder 1.81 -> 1.71 s, 0.35 CPU-s less; 1M lines 8.0 -> 7.9 s).
            # A chunk's new prompts (other logs) still go to workers: there this thread is the one working
            # (300,000 neutral records of distinct prompts: 7.5 s with a worker, 10.6 s without; 2026-12-07)
            workers_while_reading = not batched(classify_many)
            classify_many = Remembering(classify_many, REMEMBERED_PROMPTS)
            stats.prompts_read = lambda prompts: classify_many.tiers(prompts, parallel=workers_while_reading)
            stats.on_read = read_progress = _ReadProgress(stats, progress, told=shown[-1].told if shown else 0)
            shown.append(read_progress)
            estimated, samples = _fold_all(run, chunks, classify_many, read_progress)
        finally:
            if chunks is not None:
                chunks.close()
        report = run.report(stats, estimated, name, classifier, calibration)
        sample = pd.concat(samples) if samples else pd.DataFrame(columns=list(SAMPLE_COLUMNS))
        return report, sample

    # a lone Claude Code tree's chunks are folded as its files come (not when calibrating, whose first pass reads
    # everything first), unless a later file shows they had to wait for its last: then it is read again
    if target_shares is None:
        try:
            return attempt(early_chunks=True)
        except ChunkedTooEarly:
            pass
    return attempt(early_chunks=False)


class _ReadProgress:
    """`progress` told of the records read since it was last told: after each chunk is folded, and as a
    reader whose rows come later (a Claude Code tree's) reads them."""

    def __init__(self, stats: IngestStats, progress: Callable[[int], None] | None, told: int = 0) -> None:
        self.stats, self.progress, self.told = stats, progress, told  # told: shown before (a first attempt's)

    def __call__(self) -> None:
        read = self.stats.records_read - self.told
        if self.progress is not None and read > 0:
            self.told += read
            self.progress(read)


def _fold_all(run: EstimateRun, chunks, classify_many, progress: _ReadProgress) -> tuple[int, list[pd.DataFrame]]:
    """Fold every chunk into `run`: (outputs estimated, each chunk's --explain sample)."""
    estimated, samples = 0, []
    try:
        for chunk in chunks:
            classified, n_estimated = run.fold(chunk, classify_many)
            estimated += n_estimated
            samples.append(explain_sample(classified, run.explained))
            progress()
    finally:
        classify_many.close()
    return estimated, samples


REMEMBERED_PROMPTS = 2_000_000  # distinct prompts whose tiers are kept for the run (9 bytes each)


def _calibrated(inputs, book, policy, classifier, target_shares, stats_options, log_format):
    """A first pass over the logs: the learned classifier with offsets that split them in `target_shares`."""
    from costsim.routing.calibration import calibrate_log, placed_prompts
    from costsim.routing.classify import learned_model

    learned = learned_model(policy, classifier)
    if learned is None:
        raise ConfigError("--target-distribution: only a learned classifier has thresholds to calibrate")
    if "-" in inputs:
        raise ConfigError("--target-distribution reads the logs twice, so it cannot read stdin (-)")
    label, model = learned
    counts = placed_prompts(read_logs(inputs, make_stats(book, **stats_options), log_format))
    calibration = calibrate_log(counts, model, target_shares)
    forced = model.with_policy(offsets=calibration.offsets)
    return f"{label}, calibrated to {'/'.join(f'{s * 100:g}' for s in target_shares)}", forced.predict, calibration


def empirical_tokens(inputs: list[str], policy: Policy, log_format: str | None = None) -> dict:
    """Per-tier per-request token lengths of logged requests, for the Monte Carlo to draw from."""
    stats = IngestStats()
    _, classifier = make_classifier(policy)
    frames = [
        classify_frame(chunk, policy, classifier)[["tier", "requests", *PROMPT_COLUMNS, "output_tokens"]]
        for chunk in read_logs(inputs, stats, log_format)
    ]
    return montecarlo.empirical_tokens(frames)
