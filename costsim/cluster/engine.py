"""`costsim estimate --engine dask`: the estimate's parts mapped over a Dask cluster.

With no scheduler, a local cluster of process workers on this machine (one per core, COSTSIM_WORKERS
to choose, listening on 127.0.0.1 only); with `--scheduler tcp://host:8786`, an existing cluster whose
workers have costsim installed and can read the paths (object storage, or a shared filesystem).
Each task is `parts.read_part` on one slice; the client adds the results up in read order
(`parts.Totals`) and prices them with the same Pricer, so the totals are the local engine's.
A worker that dies is replaced by Dask and its tasks run again; a part that still fails is named,
left out of the report, and the run exits 2 after it.
Prompt caches are carried over (each request keeps its logged cache split, as `--caches carried`): the
replay and sticky routing need every conversation's rows in one place, which the parts do not send back;
a report with cache tokens says so in a note.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date

import pandas as pd

from costsim.pricing.billing import BillingOptions
from costsim.errors import ConfigError
from costsim.cluster import parts as P
from costsim.ingest.remote import INSTALL_HINT
from costsim.routing.policy import Policy
from costsim.pricing.prices import PriceBook
from costsim.report import Report

RETRIES = 2              # an exception inside a task (a storage hiccup) runs it again this many times
PROGRESS_SECONDS = 1.0   # at most one progress line a second on stderr


def require_dask() -> None:
    """Dask is an optional extra: without it, say what to install."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise ConfigError(f"--engine dask needs Dask and fsspec: {INSTALL_HINT}") from None


def estimate(inputs: list[str], book: PriceBook, policy: Policy, *, scheduler: str | None = None,
             log_format: str | None = None, as_of: date | None = None, strict: bool = False,
             today: date | None = None, classifier: str | None = None, sim=None,
             billing: BillingOptions = BillingOptions(), by: str | None = None, since: date | None = None,
             until: date | None = None, columns: dict[str, str] | None = None, target_shares=None,
             caches: str = "replay", sticky_minutes: tuple[int, ...] = (),
             part_bytes: int | None = None, say: Callable[[str], None] = lambda text: None,
             ) -> tuple[Report, pd.DataFrame]:
    """`api.estimate` on a Dask cluster: the same Report, from parts read by the cluster's workers.
    `say` gets the progress lines (the cluster, its dashboard, parts done). Prompt caches are carried over
    whatever `caches` asks (a note says so when `caches` is "replay" and the log has cache tokens)."""
    from costsim.simulate.cache_strategies import plan as replay_plan
    from costsim.simulate.views import check_view

    require_dask()
    sim = sim if sim is not None and sim.active else None
    if target_shares is not None:
        raise ConfigError("--target-distribution reads the logs twice; it runs on the local engine only")
    if sim is not None and sim.pinned:
        raise ConfigError("--pinned holds every session's rows until the end; it runs on the local engine only")
    replay_plan(caches, sticky_minutes, sim)  # the options' own errors first
    if sticky_minutes:
        raise ConfigError("--sticky holds every conversation's rows until the end; it runs on the local engine only")
    options = P.ReadOptions(book, policy, classifier=classifier, as_of=as_of, today=today or date.today(),
                            billing=billing, by=check_view(by), sim=sim, strict=strict, since=since, until=until,
                            columns=dict(columns or {}), token=uuid.uuid4().hex)
    totals = P.Totals(options)  # checks the policy's models before any cluster starts
    todo = P.plan(inputs, log_format, part_bytes or _part_bytes(), totals.stats)
    with ExitStack() as stack:
        client = _client(scheduler, stack, say)
        results = _map(client, todo, options, say)
        read = [r for r in results if r.error is None]
        shared = {index: (ids, _usage_before(read, index)) for index, ids in P.shared_ids(read).items()}
        if shared:
            say(f"dask: {len(shared):,} part(s) hold ids an earlier part holds; reading them again to count those "
                "as duplicates")
            again = _map(client, [todo[i] for i in sorted(shared)], options, say, shared)
            for result in again:
                results[result.part.index] = result
    for result in results:
        totals.add(result)
    if strict and totals.failed:
        raise totals.first_error()
    name = totals.classifier or _classifier_name(policy, classifier)
    report = totals.run.report(totals.stats, totals.estimated, name, classifier)
    if totals.failed:
        failed = [f"{r.part}: {_where(r.error)}{r.error['message']}" for r in totals.failed]
        report = _with_failures(report, failed)
    if caches == "replay" and _cache_tokens(report):
        from dataclasses import replace
        report = replace(report, notes=(*report.notes, CARRIED_NOTE))
    sample = pd.concat(totals.samples) if totals.samples else pd.DataFrame(columns=["tier", "reason", "prompt",
                                                                                    "source", "model"])
    return report, sample


CARRIED_NOTE = ("Prompt caches carried over: --engine dask does not replay them yet, so each request keeps its "
                "logged cache reads on whatever model it moves to (--engine local replays them).")


def _cache_tokens(report: Report) -> int:
    totals = report.token_totals
    return sum(int(totals.get(k, 0)) for k in ("cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens"))


def _usage_before(results: list[P.PartResult], index: int):
    """The id + usage hashes of the parts read before part `index` (to tell a conflicting copy)."""
    import numpy as np

    earlier = [r.usage_hashes for r in results if r.part.index < index and len(r.usage_hashes)]
    return np.concatenate(earlier) if earlier else np.zeros(0, dtype=np.uint64)


def _part_bytes() -> int:
    """The size big JSONL files are cut at: COSTSIM_PART_MB (MiB) when set, else parts.PART_BYTES."""
    import os

    given = os.environ.get("COSTSIM_PART_MB", "").strip()
    if not given:
        return P.PART_BYTES
    if not given.isdigit() or int(given) < 1:
        raise ConfigError(f"COSTSIM_PART_MB must be a whole number of MiB >= 1, got {given!r}")
    return int(given) << 20


def _client(scheduler: str | None, stack: ExitStack, say: Callable[[str], None]):
    """A client of the named scheduler, or of a new local cluster of process workers (closed with `stack`)."""
    from distributed import Client, LocalCluster

    from costsim.routing.pool import cores

    if scheduler:
        try:
            client = stack.enter_context(Client(scheduler, timeout="15s"))
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"--scheduler {scheduler}: cannot reach the scheduler ({exc})") from None
        workers = len(client.scheduler_info().get("workers", {}))
        say(f"dask: scheduler {scheduler}, {workers} worker(s){_dashboard(client)}")
        return client
    workers = cores()
    cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                               host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                               silence_logs=logging.ERROR))
    client = stack.enter_context(Client(cluster))
    say(f"dask: local cluster of {workers} worker process(es) at {cluster.scheduler_address}{_dashboard(client)}")
    return client


def _dashboard(client) -> str:
    try:
        link = client.dashboard_link
    except Exception:  # noqa: BLE001 - no dashboard (bokeh missing): nothing to show
        return ""
    return f"; dashboard {link}" if link else ""


def _map(client, todo: list[P.Part], options: P.ReadOptions, say: Callable[[str], None],
         seen_before: dict[int, object] | None = None) -> list[P.PartResult]:
    """Run `read_part` on every part; a part whose task fails for good comes back as a failed result."""
    from distributed import as_completed

    shared_options = client.submit(_same, options, key=f"costsim-options-{uuid.uuid4().hex}")  # sent once, not per part
    futures = {}
    for part in todo:
        extra = (seen_before[part.index],) if seen_before else ()  # (ids, earlier id + usage hashes)
        future = client.submit(P.read_part, part, shared_options, *extra, retries=RETRIES, pure=False,
                               key=f"costsim-part-{part.index}-{uuid.uuid4().hex[:8]}")
        futures[future] = part
    results: dict[int, P.PartResult] = {}
    shown = time.monotonic()
    for future in as_completed(futures):
        part = futures[future]
        try:
            result = future.result()
        except Exception as exc:  # noqa: BLE001 - the task failed on the cluster, after Dask's retries
            result = P.PartResult(part, part.path, error={
                "message": f"the cluster could not read it ({type(exc).__name__}: {exc})", "path": None,
                "line": None})
        results[part.index] = result
        if time.monotonic() - shown >= PROGRESS_SECONDS or len(results) == len(todo):
            shown = time.monotonic()
            say(f"dask: {len(results):,}/{len(todo):,} parts done")
    return [results[part.index] for part in todo]


def _same(value):
    return value


def _where(error: dict) -> str:
    return f"line {error['line']}: " if error.get("line") else ""


def _with_failures(report: Report, failed: list[str]) -> Report:
    from dataclasses import replace

    note = (f"{len(failed):,} part(s) could not be read and are left out of this report: "
            + "; ".join(failed[:5]) + ("; …" if len(failed) > 5 else ""))
    return replace(report, notes=(*report.notes, note), extra={**report.extra, "failed_parts": failed})


def _classifier_name(policy: Policy, classifier: str | None) -> str:
    from costsim.routing.classify import make_classifier

    return make_classifier(policy, classifier)[0]
