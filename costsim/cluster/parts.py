"""A log cut into parts, and the per-part function an engine maps over them.

A *part* is a slice of the input: a whole file (or object), or the lines of a big JSONL file that
start in a byte range. `read_part` reads one part with the ordinary readers, classifies its
requests and folds them into a Pricer of its own (`api.EstimateRun`), and returns plain data:
the Pricer's integer sums, the part's accounting, the hashes of the ids it read and a few sample
rows. `Totals` adds the results up in read order and prices them once, so the report is the one
reading the files whole gives, to the token and the cent. Nothing here imports Dask: an engine
(`dask_engine.py`, or any other) only has to call `read_part` on each part and `Totals.add` on
each result.

Duplicates across parts: a part drops the copies of ids it holds twice, as the local reader does,
and reports the hashes of all its ids; `shared_ids` finds those an earlier part holds too, and the
engine reads those parts again, told to count them as duplicates (`ReadOptions.seen_before`).
Line numbers in a slice count from its first line; `Totals` shifts them by the lines of the file's
earlier slices, so a problem is named file:line as a local run names it.
"""

from __future__ import annotations

import re
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from costsim.errors import CostsimError, InputError
from costsim.ingest import remote
from costsim.ingest.common import MAX_PROBLEMS_SHOWN, IngestStats, _loggish, expand, is_database_url
from costsim.report.caching import ReplayStats
from costsim.simulate.cache_replay import NO_CONVERSATION, has_conversations, hashed_conversations
from costsim.simulate.cache_strategies import add_share_stats, replays, settle_shares
from costsim.simulate.cache_strategies import price_share as price_held_share

PART_BYTES = 128 << 20       # a big JSONL file is cut into slices of about this size
HEAD_BYTES = 64 << 10        # read to decide whether a file can be cut (its format and first line)
SPLITTABLE = {"neutral-jsonl", "openai-chat", "openai-responses", "openai-batch-output", "openai-batch-input",
              "anthropic", "litellm"}  # one record per line; Claude Code sessions join lines across a file


@dataclass(frozen=True)
class Part:
    """One slice of the input: `path` (a local path or a URL) whole, or the lines starting in [start, end)."""

    index: int                   # position in read order
    file: int                    # the file's position in read order (a file named twice is read twice)
    path: str
    size: int                    # bytes of the whole file
    start: int = 0
    end: int | None = None       # None: to the end of the file, the whole file when start is 0
    log_format: str | None = None  # forced (--log-format, or sniffed once from the head of a cut file)
    in_folder: bool = False  # found in a folder (or under a prefix): in no known format, it is named and passed over

    @property
    def whole(self) -> bool:
        return self.start == 0 and self.end is None

    def __str__(self) -> str:
        return self.path if self.whole else f"{self.path} (bytes {self.start:,}-{self.end or self.size:,})"


@dataclass(frozen=True)
class ReadOptions:
    """What every part needs to read, classify and price its slice as the local engine would."""

    book: object  # PriceBook
    policy: object  # Policy
    classifier: str | None = None
    as_of: date | None = None
    today: date | None = None
    billing: object = None  # BillingOptions
    by: str | None = None
    sim: object = None  # SimOptions (active ones only)
    strict: bool = False
    since: date | None = None
    until: date | None = None
    columns: dict = field(default_factory=dict)
    token: str = ""  # names the run: a worker loads its classifier once per run
    caches: str = "carried"  # "replay": the held rows go to `price_share` (see Totals)
    sticky_minutes: tuple = ()

    def run(self):
        from costsim.api.run import EstimateRun
        from costsim.pricing.billing import BillingOptions

        return EstimateRun(
            self.book,
            self.policy,
            as_of=self.as_of,
            today=self.today,
            billing=self.billing or BillingOptions(),
            by=self.by,
            sim=self.sim,
            caches=self.caches,
            sticky_minutes=self.sticky_minutes,
        )


def plan(
    inputs: list[str], log_format: str | None = None, part_bytes: int = PART_BYTES, stats: IngestStats | None = None
) -> list[Part]:
    """The parts of every input, in read order: files and objects whole, big JSONL files in slices.
    `stats` counts the Claude Code sidecar files passed over in folders."""
    from costsim.errors import ConfigError

    parts: list[Part] = []
    files = 0
    for item in inputs:
        if item == "-":
            raise InputError("a cluster cannot read stdin: name files or object-storage URLs")
        if is_database_url(item):
            raise ConfigError("a database is read by the local engine: drop --engine dask")
        found = (
            [(p, size, p != item) for p, size in remote.expand_url(item, _loggish)]
            if remote.is_url(item)
            else [(p, Path(p).stat().st_size, in_folder) for p, in_folder in expand([item], stats)]
        )
        for path, size, in_folder in found:
            fmt = log_format
            cuts = [(0, None)]
            if size > part_bytes and not path.endswith((".gz", ".csv")):
                fmt = _splittable_format(path, log_format)
                if fmt is not None:
                    cuts = [(s, min(s + part_bytes, size)) for s in range(0, size, part_bytes)]
                fmt = fmt or log_format
            first = len(parts)
            parts.extend(Part(first + i, files, path, size, s, e, fmt, in_folder) for i, (s, e) in enumerate(cuts))
            files += 1
    return parts


def _splittable_format(path: str, log_format: str | None) -> str | None:
    """The file's format when it holds one JSON object per line in a format read line by line, else None."""
    from costsim.ingest.detect import sniff

    if remote.is_url(path):
        head = remote.head(path, HEAD_BYTES)
    else:
        with open(path, "rb") as stream:
            head = stream.read(HEAD_BYTES)
    first = head.lstrip().split(b"\n", 1)[0].strip()
    if not (first.startswith(b"{") and first.endswith(b"}")):
        return None  # a pretty-printed or array document is read whole
    if log_format is None:
        with tempfile.NamedTemporaryFile(suffix=".jsonl") as sample:
            sample.write(head[: head.rfind(b"\n") + 1] or head)
            sample.flush()
            log_format = sniff(sample.name, path)
    return log_format if log_format in SPLITTABLE else None


@dataclass
class PartResult:
    """What a part sends back: plain data, small (integer sums, not rows)."""

    part: Part
    name: str  # the file as shown to the user
    lines: int = -1  # lines in the slice (counted for slices only)
    sums: dict | None = None  # Pricer.sums()
    billed: dict | None = None  # AsBilled.sums()
    accounting: dict = field(default_factory=dict)
    estimated: int = 0
    id_hashes: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    usage_hashes: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))  # id + usage
    sample: pd.DataFrame | None = None
    classifier: str = ""
    cpu_seconds: float = 0.0  # the part's CPU time on its worker (what a projection scales)
    error: dict | None = None  # {"message", "path", "line"} when the part could not be read
    held: pd.DataFrame | None = None  # the rows the replay, sticky and pinned need (`held_rows`): left on the worker
    held_chunks: int = 0  # chunks folded (a run that folded one prices its held strategies)
    held_rows: int = 0
    held_cache_tokens: int = 0  # cache read + write tokens in the held rows
    held_conversations: bool = False  # some held row has a session and a timestamp

    def summary(self) -> PartResult:
        """This result without its held rows: what the client gathers."""
        from dataclasses import replace

        return replace(self, held=None)


_CLASSIFIERS: dict = {}  # run token -> (name, Remembering): loaded once per run in each worker process


def _classifier(options: ReadOptions):
    """The run's classifier, remembering its decisions over every part this process reads."""
    from costsim.routing.classify import make_classifier
    from costsim.routing.pool import Remembering

    if not options.token or options.token not in _CLASSIFIERS:
        name, decide = make_classifier(options.policy, options.classifier)
        _CLASSIFIERS.clear()  # one run's classifier at a time
        _CLASSIFIERS[options.token] = (name, Remembering(decide, parallel=False))  # no process pools in a worker
    return _CLASSIFIERS[options.token]


def read_part(part: Part, options: ReadOptions, seen_before: tuple[np.ndarray, np.ndarray] | None = None) -> PartResult:
    """Read, classify and price one part. A problem the user can fix (a file in no known format, a
    truncated gzip, a malformed line under --strict) comes back as `error`, not as an exception, so it
    names its file and the other parts still count; a file in no known format found in a folder is
    named in the accounting and passed over, as the local engine does. `seen_before`: (hashes of the ids
    an earlier part holds, the earlier parts' id + usage hashes), so copies count as duplicates, and as
    conflicting ones when their usage differs."""
    from costsim.api.run import explain_sample, make_stats
    from costsim.ingest.detect import UnknownFormat
    from costsim.ingest.read import read_logs

    name, lines, started = part.path, -1, time.process_time()
    with tempfile.TemporaryDirectory(prefix="costsim-part-") as tmp:
        try:
            local, lines = _local_copy(part, Path(tmp))
            stats = make_stats(
                options.book, strict=options.strict, since=options.since, until=options.until, columns=options.columns
            )
            stats.names[local] = name
            if seen_before is not None:
                stats.seen_before(*seen_before)
            label, classify = _classifier(options)
            run = options.run()
            estimated, samples = 0, []
            try:
                for chunk in read_logs([local], stats, part.log_format):
                    classified, n = run.fold(chunk, classify)
                    estimated += n
                    samples.append(explain_sample(classified))
            except UnknownFormat as exc:
                if not part.in_folder:
                    raise
                stats.files_not_read[name] = exc.reason  # one odd file in a folder: named, not fatal
        except CostsimError as exc:
            return PartResult(
                part, name, lines, error={"message": exc.message, "path": name if exc.path else None, "line": exc.line}
            )
        except OSError as exc:
            return PartResult(part, name, lines, error={"message": f"cannot read: {exc}", "path": name, "line": None})
    chunks = len(run.held)
    held = held_rows(run, part.index) if chunks else None
    return PartResult(
        part,
        name,
        lines=lines,
        sums=run.pricer.sums(),
        billed=run.billed.sums(),
        accounting=_accounting(stats),
        estimated=estimated,
        id_hashes=stats.id_hashes(),
        usage_hashes=stats.usage_hashes(),
        classifier=label,
        sample=pd.concat(samples) if samples else None,
        cpu_seconds=time.process_time() - started,
        held=held,
        held_chunks=chunks,
        held_rows=0 if held is None else len(held),
        held_cache_tokens=0 if held is None else int(held[list(CACHE_COLUMNS)].to_numpy().sum()),
        held_conversations=held is not None and has_conversations(held),
    )


CACHE_COLUMNS = ("cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens")


def held_rows(run, index: int) -> pd.DataFrame:
    """A part's held rows for the shuffle: each row's conversation as its key's hash (the same in every part),
    its place in read order (`order`: part index, then row) and the `key` rows are partitioned on — the
    conversation, or the session when pinned routing needs whole sessions; a row with neither its own."""
    frame = run.held.frame()  # the chunks' slim columns, joined a column at a time
    frame["tier"] = frame["tier"].astype("int64")
    frame["conversation"] = hashed_conversations(frame["conversation"].to_numpy(dtype=np.int64), run.conversations)
    frame["order"] = (index << 32) + np.arange(len(frame), dtype=np.int64)
    if "session" in frame.columns:
        has = frame["session"].notna().to_numpy()
        key = pd.util.hash_array(frame["session"].astype("object").to_numpy()).astype(np.int64)
    else:
        has = frame["conversation"].to_numpy() != NO_CONVERSATION
        key = frame["conversation"].to_numpy()
    frame["key"] = np.where(has, key, frame["order"].to_numpy())
    return frame


@dataclass
class ShareResult:
    """A share of the held rows priced (`price_share`): the Pricer's sums, the replay's figures, conversations."""

    sums: dict
    stats: dict[str, ReplayStats]
    conversations: int
    rows: int
    cpu_seconds: float = 0.0  # on its worker (what a projection scales)


def price_share(frame: pd.DataFrame, options: ReadOptions, replayed: bool) -> ShareResult:
    """Price the held strategies on one share of the held rows (whole conversations, in read order once
    sorted), replayed or not as decided for the whole log."""
    started = time.process_time()
    run = options.run()
    if frame.empty:  # the shuffle may leave a share empty
        return ShareResult(run.pricer.sums(), {}, 0, 0)
    frame = frame.sort_values("order", kind="stable").drop(columns=["order", "key"]).reset_index(drop=True)
    conv = frame["conversation"].to_numpy()
    conversations = len(np.unique(conv[conv != NO_CONVERSATION]))
    stats = price_held_share(run.pricer, frame, run.replay_plan, run.pinned, options.book, replayed)
    return ShareResult(run.pricer.sums(), stats, conversations, len(frame), time.process_time() - started)


def _local_copy(part: Part, tmp: Path) -> tuple[str, int]:
    """A local file holding the part: the file itself when it is local and whole, else a copy (an object
    keeps its key's path under `tmp`, so a Claude Code tree keeps its project and session names)."""
    if part.whole and not remote.is_url(part.path):
        return part.path, -1
    key = part.path.split("://", 1)[-1].lstrip("/")
    dest = tmp / key
    return str(dest), remote.copy_slice(part.path, dest, part.start, part.end)


def _accounting(stats: IngestStats) -> dict:
    return {
        "records_read": stats.records_read,
        "skipped": dict(stats.skipped),
        "malformed": stats.malformed,
        "duplicates": stats.duplicates,
        "problems": list(stats.problems),
        "files": list(stats.files),
        "counted_inputs": stats.counted_inputs,
        "approximate_models": dict(stats.approximate_models),
        "files_not_read": dict(stats.files_not_read),
        "conflicting_duplicates": stats.conflicting_duplicates,
        "no_prompt_text": stats.no_prompt_text,
    }


def shared_ids(results: list[PartResult]) -> dict[int, np.ndarray]:
    """For each part holding ids that an earlier part (in read order) holds too: those ids' hashes.
    Memory: one sorted copy of every part's hashes (8 bytes an id), then only the shared few."""
    with_ids = sorted((r for r in results if len(r.id_hashes)), key=lambda r: r.part.index)
    if len(with_ids) < 2:
        return {}
    hashes = np.concatenate([r.id_hashes for r in with_ids])
    hashes.sort()
    shared = np.unique(hashes[1:][hashes[1:] == hashes[:-1]])  # a part's own hashes are distinct
    del hashes
    out, claimed = {}, np.zeros(0, dtype=np.uint64)
    for result in with_ids:
        if not len(shared):
            break
        mine = shared[np.isin(shared, result.id_hashes, assume_unique=True)]
        if len(claimed):
            repeated = mine[np.isin(mine, claimed, assume_unique=True)]
            if len(repeated):
                out[result.part.index] = repeated
        claimed = np.union1d(claimed, mine)
    return out


class Totals:
    """Part results added up in read order: one Pricer's sums and one run's accounting, line numbers
    shifted to the whole file's."""

    def __init__(self, options: ReadOptions):
        from costsim.api.run import make_stats

        self.run = options.run()
        self.stats = make_stats(options.book)
        self.estimated = 0
        self.samples: list[pd.DataFrame] = []
        self.failed: list[PartResult] = []
        self.classifier = ""
        self._lines_before: Counter = Counter()  # file number -> lines of its slices added so far
        self.held_chunks = self.held_rows = self.held_cache_tokens = self.held_conversations = 0
        self.replay_stats: dict[str, ReplayStats] = {}
        self.conversations = 0
        self.shares: list[tuple[int, float]] = []  # (rows, CPU seconds) of each priced share

    def add(self, result: PartResult) -> None:
        """Fold one part's result in (call in read order)."""
        shift = self._lines_before[result.part.file]
        self._lines_before[result.part.file] += max(result.lines, 0)
        if result.error is not None:
            if result.error.get("line") is not None:
                result.error["line"] += shift
            self.failed.append(result)
            return
        renumber = _renumber(result.name, shift)
        a, stats = result.accounting, self.stats
        stats.records_read += a["records_read"]
        stats.skipped.update(a["skipped"])
        stats.malformed += a["malformed"]
        stats.duplicates += a["duplicates"]
        room = MAX_PROBLEMS_SHOWN - len(stats.problems)
        stats.problems.extend(renumber(p) for p in a["problems"][: max(room, 0)])
        if result.part.start == 0:  # a file cut in slices is listed once
            stats.files.extend(a["files"])
        stats.counted_inputs += a["counted_inputs"]
        stats.approximate_models.update(a["approximate_models"])
        stats.files_not_read.update(a["files_not_read"])
        stats.conflicting_duplicates += a["conflicting_duplicates"]
        stats.no_prompt_text += a["no_prompt_text"]
        sums = result.sums
        sums["unknown_first_seen"] = {m: renumber(s) for m, s in sums["unknown_first_seen"].items()}
        self.run.pricer.merge(sums)
        self.run.billed.merge(result.billed)
        self.estimated += result.estimated
        self.classifier = self.classifier or result.classifier
        self.held_chunks += result.held_chunks
        self.held_rows += result.held_rows
        self.held_cache_tokens += result.held_cache_tokens
        self.held_conversations |= result.held_conversations
        if result.sample is not None:
            self.samples.append(
                result.sample.assign(source=result.sample["source"].map(renumber)) if shift else result.sample
            )

    @property
    def replayed(self) -> bool:
        """Whether the held rows are replayed (known once every part is added)."""
        return replays(self.run.replay_plan, self.held_cache_tokens, self.held_conversations)

    def add_share(self, share: ShareResult) -> None:
        """Fold one priced share of the held rows in (any order: its sums and counts add)."""
        self.run.pricer.merge(share.sums)
        self.replay_stats = add_share_stats(self.replay_stats, share.stats)
        self.conversations += share.conversations
        self.shares.append((share.rows, share.cpu_seconds))

    def report(self, name: str, classifier: str | None):
        """The run's Report, once every part and every share of the held rows is added."""
        caching = None
        if self.held_chunks:
            caching = settle_shares(
                self.run.pricer,
                self.run.replay_plan,
                self.run.book,
                replayed=self.replayed,
                cached_tokens=self.held_cache_tokens,
                stats=self.replay_stats,
                conversations=self.conversations,
            )
        return self.run.report(self.stats, self.estimated, name, classifier, caching=caching)

    def first_error(self) -> InputError | None:
        """The first failed part's problem as the error a local run raises (file and line)."""
        if not self.failed:
            return None
        e = self.failed[0].error
        return InputError(e["message"], path=e["path"], line=e["line"])


def _renumber(name: str, shift: int):
    """A function moving `name:LINE` at the start of a text by `shift` lines."""
    if not shift:
        return lambda text: text
    pattern = re.compile(re.escape(name) + r":(\d+)")
    return lambda text: pattern.sub(lambda m: f"{name}:{int(m.group(1)) + shift}", str(text), count=1)
