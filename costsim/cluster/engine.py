"""`costsim estimate --engine dask`: the estimate's parts mapped over a Dask cluster.

With no scheduler, a local cluster of process workers on this machine (one per core, COSTSIM_WORKERS
to choose, listening on 127.0.0.1 only); with `--scheduler tcp://host:8786`, an existing cluster whose
workers have costsim installed and can read the paths (object storage, or a shared filesystem).
Each task is `parts.read_part` on one slice; the client adds the results up in read order
(`parts.Totals`) and prices them with the same Pricer, so the totals are the local engine's.
A worker that dies is replaced by Dask and its tasks run again; a part that still fails is named,
left out of the report, and the run exits 2 after it.
The strategies priced per conversation (the prompt-cache replay, sticky routing, pinned conversations) need
each conversation's requests in one place, in time order: each part keeps its slim rows on its worker, Dask
shuffles them by a hash of the conversation into shares, and each share is priced on a worker; only the
sums come back (`parts.price_share`).
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date

import pandas as pd

from costsim.cluster import parts as P
from costsim.errors import ConfigError
from costsim.ingest.remote import INSTALL_HINT
from costsim.pricing.billing import BillingOptions
from costsim.pricing.prices import PriceBook
from costsim.report.model import Report
from costsim.routing.policy import Policy

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
    `say` gets the progress lines (the cluster, its dashboard, parts and shares done)."""
    from costsim.simulate.cache_strategies import plan as replay_plan
    from costsim.simulate.views import check_view

    require_dask()
    sim = sim if sim is not None and sim.active else None
    if target_shares is not None:
        raise ConfigError("--target-distribution reads the logs twice; it runs on the local engine only")
    replay_plan(caches, sticky_minutes, sim)  # the options' own errors first
    options = P.ReadOptions(book, policy, classifier=classifier, as_of=as_of, today=today or date.today(),
                            billing=billing, by=check_view(by), sim=sim, strict=strict, since=since, until=until,
                            columns=dict(columns or {}), token=uuid.uuid4().hex, caches=caches,
                            sticky_minutes=tuple(sticky_minutes))
    totals = P.Totals(options)  # checks the policy's models before any cluster starts
    todo = P.plan(inputs, log_format, part_bytes or _part_bytes(), totals.stats)
    with ExitStack() as stack:
        client = _client(scheduler, stack, say)
        shared_options = client.submit(_same, options, key=f"costsim-options-{uuid.uuid4().hex}")  # sent once
        results, kept = _map(client, todo, shared_options, say)
        read = [r for r in results if r.error is None]
        shared = {index: (ids, _usage_before(read, index)) for index, ids in P.shared_ids(read).items()}
        if shared:
            say(f"dask: {len(shared):,} part(s) hold ids an earlier part holds; reading them again to count those "
                "as duplicates")
            again, kept_again = _map(client, [todo[i] for i in sorted(shared)], shared_options, say, shared)
            for result in again:
                results[result.part.index] = result
            kept.update(kept_again)
        for result in results:
            totals.add(result)
        if strict and totals.failed:
            raise totals.first_error()
        held = [kept[r.part.index] for r in results if r.error is None and r.held_rows]
        if held:
            _price_shares(client, held, totals, shared_options, say)
        del kept, held
    name = totals.classifier or _classifier_name(policy, classifier)
    report = totals.report(name, classifier)
    if totals.failed:
        failed = [f"{r.part}: {_where(r.error)}{r.error['message']}" for r in totals.failed]
        report = _with_failures(report, failed)
    sample = pd.concat(totals.samples) if totals.samples else pd.DataFrame(columns=["tier", "reason", "prompt",
                                                                                    "source", "model"])
    return report, sample


SHARE_ROWS = 2_000_000  # held rows per share, about: a share is priced in one worker's memory (~0.3 GB)


def _price_shares(client, held: list, totals: P.Totals, options, say: Callable[[str], None]) -> None:
    """Shuffle the parts' held rows (left on the workers) by conversation into shares, price each share on a
    worker, and fold the sums into `totals`. Memory: a worker holds its parts' rows and one share at a time."""
    import dask.dataframe as dd
    from dask import delayed
    from distributed import as_completed

    workers = max(len(client.scheduler_info().get("workers", {})), 1)
    shares = max(workers, -(-totals.held_rows // SHARE_ROWS))
    frames = [client.submit(_held_frame, future, pure=False) for future in held]
    meta = client.submit(_empty, frames[0], pure=False).result()
    shuffled = dd.from_delayed(frames, meta=meta, verify_meta=False).shuffle(on="key", npartitions=shares)
    replayed = totals.replayed
    what = "replayed" if replayed else "priced"
    say(f"dask: {totals.held_rows:,} rows shuffled by conversation into {shares:,} share(s), each {what} on a worker")
    futures = client.compute([delayed(P.price_share)(share, options, replayed) for share in shuffled.to_delayed()],
                             retries=RETRIES)
    done, shown = 0, time.monotonic()
    for future in as_completed(futures):
        totals.add_share(future.result())
        done += 1
        if time.monotonic() - shown >= PROGRESS_SECONDS or done == len(futures):
            shown = time.monotonic()
            say(f"dask: {done:,}/{len(futures):,} shares {what}")


def _held_frame(result: P.PartResult) -> pd.DataFrame:
    return result.held


def _empty(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.head(0)


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


def _map(client, todo: list[P.Part], options, say: Callable[[str], None],
         seen_before: dict[int, object] | None = None) -> tuple[list[P.PartResult], dict]:
    """Run `read_part` on every part (`options`: the ReadOptions' future); a part whose task fails for good
    comes back as a failed result. Returns the results without their held rows, and each part's whole result
    left on its worker (part index -> future), for the shuffle of the held rows."""
    from distributed import as_completed

    futures, kept = {}, {}
    for part in todo:
        extra = (seen_before[part.index],) if seen_before else ()  # (ids, earlier id + usage hashes)
        whole = client.submit(P.read_part, part, options, *extra, retries=RETRIES, pure=False,
                              key=f"costsim-part-{part.index}-{uuid.uuid4().hex[:8]}")
        kept[part.index] = whole
        key = f"costsim-summary-{part.index}-{uuid.uuid4().hex[:8]}"
        futures[client.submit(_summary, whole, pure=False, key=key)] = part
    results: dict[int, P.PartResult] = {}
    shown = time.monotonic()
    for future in as_completed(futures):
        part = futures[future]
        try:
            result = future.result()
        except Exception as exc:  # noqa: BLE001 - the task failed on the cluster, after Dask's retries
            result = P.PartResult(
                part,
                part.path,
                error={
                    "message": f"the cluster could not read it ({type(exc).__name__}: {exc})",
                    "path": None,
                    "line": None,
                },
            )
        results[part.index] = result
        if time.monotonic() - shown >= PROGRESS_SECONDS or len(results) == len(todo):
            shown = time.monotonic()
            say(f"dask: {len(results):,}/{len(todo):,} parts done")
    return [results[part.index] for part in todo], kept


def _same(value):
    return value


def _summary(result: P.PartResult) -> P.PartResult:
    return result.summary()


def _where(error: dict) -> str:
    return f"line {error['line']}: " if error.get("line") else ""


def _with_failures(report: Report, failed: list[str]) -> Report:
    from dataclasses import replace

    note = (
        f"{len(failed):,} part(s) could not be read and are left out of this report: "
        + "; ".join(failed[:5])
        + ("; …" if len(failed) > 5 else "")
    )
    return replace(report, notes=(*report.notes, note), log=replace(report.log, failed_parts=tuple(failed)))


def _classifier_name(policy: Policy, classifier: str | None) -> str:
    from costsim.routing.classify import make_classifier

    return make_classifier(policy, classifier)[0]
