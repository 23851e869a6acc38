"""Shared reading machinery: opening files (.gz, stdin), accounting, record validation into frame rows."""

from __future__ import annotations

import glob
import gzip
import io
import re
import sys
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from costsim.errors import ConfigError, InputError
from costsim.frame import EARLIEST, LATEST
from costsim.lookup import HashRuns

CHUNK_RECORDS = 50_000
BOM = b"\xef\xbb\xbf"
MAX_PROBLEMS_SHOWN = 10


@dataclass
class IngestStats:
    """Every record read ends up priced, skipped (with its reason) or a duplicate: this counts them."""

    strict: bool = False
    records_read: int = 0
    skipped: Counter = field(default_factory=Counter)
    malformed: int = 0
    duplicates: int = 0
    problems: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    since: datetime | None = None      # records before it are skipped as "outside --since/--until"
    until: datetime | None = None      # records at or after it likewise (an --until day is included whole)
    columns: dict[str, str] = field(default_factory=dict)  # --columns: frame field -> CSV header name
    counted_inputs: int = 0            # rows whose input tokens were counted offline from their text
    no_prompt_text: int = 0            # database / trace rows without prompt text: tiered by token counts
    approximate_models: Counter = field(default_factory=Counter)  # counted with a non-native encoding
    token_factor: Callable[[str], Decimal] | None = None  # model -> correction for offline counts (price book)
    names: dict[str, str] = field(default_factory=dict)  # real path -> name shown to the user (stdin spool)
    files_not_read: dict[str, str] = field(default_factory=dict)  # a folder's file in no known format -> why
    sidecars: int = 0                  # Claude Code sidecar files passed over in folders (not logs, not records)
    conflicting_duplicates: int = 0    # duplicates whose usage differs from the copy kept (counted, and warned of)
    prompts_read: object = None        # called with prompt texts as readers find them, ahead of their rows
    on_read: Callable[[], object] | None = None  # called as a reader whose rows wait counts records read
    early_chunks: bool = False         # a lone Claude Code tree's chunks made as its files come (claude_code)
    _seen_ids: SeenIds = field(default_factory=lambda: SeenIds())
    _seen_usage: SeenIds = field(default_factory=lambda: SeenIds())  # id + usage, to tell differing copies

    def count_read(self, records: int) -> None:
        """Records read by a reader whose rows come later (a Claude Code tree's, after its last file):
        counted, and `on_read` told, so progress moves while they are read."""
        self.records_read += records
        if self.on_read is not None:
            self.on_read()

    def display(self, path: str) -> str:
        return self.names.get(path, display_name(path))

    def skip(self, reason: str, detail: str = "", *, path: str, line: int | None = None,
             malformed: bool = True) -> None:
        """Count a record that cannot be priced under `reason`; a malformed one stops the run under --strict."""
        message = f"{reason}: {detail}" if detail else reason
        if malformed and self.strict:
            raise InputError(message, path=path, line=line)
        self.skipped[reason] += 1
        if malformed:
            self.malformed += 1
            if len(self.problems) < MAX_PROBLEMS_SHOWN:
                self.problems.append(f"{path}:{line}: {message}" if line else f"{path}: {message}")

    def seen_before(self, hashes: np.ndarray, usage_hashes: np.ndarray) -> None:
        """Ids (hashed) read before this run's records: copies of them count as duplicates, and as
        conflicting ones when their id + usage hash is not among `usage_hashes` (a cluster part told which
        of its ids an earlier part holds, and the earlier parts' id + usage hashes)."""
        self._seen_ids.first_of_hashes(np.asarray(hashes, dtype=np.uint64))
        self._seen_usage.first_of_hashes(np.unique(np.asarray(usage_hashes, dtype=np.uint64)))

    def id_hashes(self) -> np.ndarray:
        """The hash of every id read so far, sorted."""
        return self._seen_ids.array()

    def usage_hashes(self) -> np.ndarray:
        """The id + usage hash of every record read with its usage checked, sorted."""
        return self._seen_usage.array()

    def seen_hashes(self, hashes: np.ndarray) -> np.ndarray:
        """Which of these id hashes were kept before (nothing is recorded)."""
        return self._seen_ids.seen(hashes)

    def drop_duplicate_hashes(self, hashes: np.ndarray, present: np.ndarray) -> np.ndarray:
        """Like drop_duplicates, for ids already hashed (`present` marks rows that have one)."""
        keep = np.ones(len(present), dtype=bool)
        keep[np.flatnonzero(present)] = self._seen_ids.first_of_hashes(hashes[present])
        self.duplicates += int((~keep).sum())
        return keep

    def drop_duplicates(self, frame: pd.DataFrame, id_hashes=None) -> np.ndarray:
        """Mask of the frame's rows to keep: the first of each id (in this chunk and every earlier one); the rest
        are counted, and those whose usage (token and call counts) matches no earlier copy of their id are
        counted again as conflicting. `id_hashes`: the ids already hashed by an engine query (an Arrow column,
        null where a row has no id), so they are not hashed again."""
        if id_hashes is not None:
            hashes = id_hashes.fill_null(0).to_numpy().astype(np.uint64, copy=False)
            present = id_hashes.is_valid().to_numpy(zero_copy_only=False)
        else:
            ids = frame["id"]
            present = ids.notna().to_numpy()
            hashes = np.zeros(len(ids), dtype=np.uint64)
            if present.any():
                import pyarrow as pa

                hashes[present] = SeenIds.hashes(pa.array(ids).filter(pa.array(present)))  # no Python string an id
        keep = self.drop_duplicate_hashes(hashes, present)
        if present.any():
            from costsim.frame import INT_COLUMNS

            rows = slice(None) if present.all() else present  # every row has an id: no copy of each column
            mix = np.zeros(int(present.sum()), dtype=np.uint64)  # the usage counts folded into one number
            with np.errstate(over="ignore"):
                for column in (c for c in INT_COLUMNS if c in frame.columns):
                    mix = (mix ^ frame[column].to_numpy()[rows].astype(np.uint64)) * np.uint64(0x100000001B3)
            fresh = self._seen_usage.first_of_hashes(hashes[rows] ^ mix)
            self.conflicting_duplicates += int((fresh & ~keep[rows]).sum())
        return keep


def id_hash_sql(column: str) -> str:
    """SQL: a record id's 64-bit hash, the last 8 bytes of its MD5 read little-endian (md5_number_lower,
    written so because that function runs 5x slower in DuckDB 2.0). Not DuckDB's `hash`: it is no
    fingerprint (3 pairs of 391,115 generated ids, such as msg_39_1962 and msg_398_962, share one)."""
    return f"(md5_number({column}) >> 64)::UBIGINT"


_HASHING = threading.local()  # each thread's DuckDB connection for SeenIds.hashes (threads do not share one)


def _hashing():
    con = getattr(_HASHING, "con", None)
    if con is None:
        import duckdb

        con = _HASHING.con = duckdb.connect(config={"threads": 1, "autoload_known_extensions": False})
    return con


class SeenIds:
    """Record ids already read, held as 64-bit hashes (`lookup.HashRuns`: 8 bytes per id, not a Python string
    each). Two different ids colliding needs ~4e9 ids for even odds; a collision would count one record as a
    duplicate."""

    def __init__(self) -> None:
        self._runs = HashRuns()

    @staticmethod
    def hashes(ids) -> np.ndarray:
        """64-bit hashes of ids (str, their UTF-8 bytes, or an Arrow string array: all hash alike), by DuckDB
        (`id_hash_sql`), so the engine hashes ids inside its query and agrees with every reader hashing here."""
        import pyarrow as pa

        if not isinstance(ids, (pa.Array, pa.ChunkedArray)):
            values = ids if isinstance(ids, (list, np.ndarray)) else list(ids)
            if not len(values):
                return np.zeros(0, dtype=np.uint64)
            binary = isinstance(values[0], bytes)
            ids = pa.array(values, type=pa.binary() if binary else pa.string())
            if binary:
                ids = ids.cast(pa.string())
        if not len(ids):
            return np.zeros(0, dtype=np.uint64)
        found = _hashing().from_arrow(pa.table({"id": ids})).project(f"{id_hash_sql('id')} AS h").to_arrow_table()
        return found.column("h").to_numpy().astype(np.uint64, copy=False)

    def array(self) -> np.ndarray:
        """Every hash recorded so far, sorted (what a cluster part reports, to find ids two parts share)."""
        return self._runs.array()

    def first_of_hashes(self, h: np.ndarray) -> np.ndarray:
        """True for each hash not seen before (its first occurrence here); records them."""
        fresh = ~pd.Series(h, copy=False).duplicated().to_numpy()  # a hash table: no sort of the whole chunk
        fresh &= ~self.seen(h)
        self._runs.add(np.sort(h[fresh]))
        return fresh

    def seen(self, h: np.ndarray) -> np.ndarray:
        """True for each hash recorded before (nothing is recorded)."""
        return self._runs.contains(h)


SIDECARS = ("*.meta.json", "sessions-index.json")  # Claude Code's own bookkeeping beside its logs


def expand(inputs: list[str], stats: IngestStats | None = None) -> list[tuple[str, bool]]:
    """(file, found in a folder) from paths, folders (recursively: *.jsonl, *.json, *.csv and their .gz,
    *.parquet; Claude Code's sidecars passed over and counted in `stats`), globs, and `-`;
    database URLs (postgresql://…) pass through as they are."""
    out = []
    for item in inputs:
        if item == "-" or is_database_url(item):
            out.append((item, False))
            continue
        if "://" in item:  # database URLs were passed through above
            refuse_web(item)
            raise ConfigError(
                f"{item}: object storage is read by the cluster engine: add --engine dask "
                "(pip install 'costsim[dask]' if Dask is not installed)"
            )
        path = Path(item).expanduser()
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _loggish(p.name))
            logs = [p for p in found if not any(p.match(pattern) for pattern in SIDECARS)]
            if stats is not None:
                stats.sidecars += len(found) - len(logs)
            if not logs:
                raise InputError("folder holds no .jsonl, .json, .csv or .parquet files", path=item)
            out.extend((str(p), True) for p in logs)
            continue
        if path.exists():
            out.append((str(path), False))
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(str(path), recursive=True))
            if not matches:
                raise InputError("no file matches this pattern", path=item)
            out.extend((m, False) for m in matches)
        else:
            raise InputError("file not found", path=item)
    return out


def _loggish(name: str) -> bool:
    name = name.removesuffix(".gz")
    return name.endswith((".jsonl", ".json", ".csv", ".ndjson", ".parquet"))


def open_text(path: str) -> io.TextIOBase:
    """A text stream for a path, a .gz file, or `-` (stdin)."""
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="replace")
    if path.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", errors="replace")
    return open(path, encoding="utf-8-sig", errors="replace", newline="")  # a byte-order mark is not data


def open_binary(path: str, name: str) -> io.BufferedReader[Any]:
    """A buffered byte stream for a path or a .gz file (stdin is spooled to a file before reading), past
    any UTF-8 byte-order mark."""
    try:
        stream = io.BufferedReader(gzip.open(path, "rb"), 1 << 20) if path.endswith(".gz") else open(path, "rb")
        if stream.peek(3)[:3] == BOM:
            stream.read(3)
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", path=name) from None
    except EOFError as exc:
        raise InputError(f"truncated or corrupt gzip file ({exc})", path=name) from None
    return stream


def display_name(path: str) -> str:
    return "<stdin>" if path == "-" else redacted_url(path) if is_database_url(path) else path


DATABASE_SCHEMES = ("postgresql://", "postgres://")


def is_database_url(item: str) -> bool:
    """Whether an input names a database (a LiteLLM proxy's PostgreSQL) rather than a file."""
    return item.lower().startswith(DATABASE_SCHEMES)


WEB_SCHEMES = ("http://", "https://", "ftp://", "ftps://")


def refuse_web(url: str) -> None:
    """A web address is not read (costsim runs offline, and a page is not a log store): say so, and what is."""
    if url.lower().startswith(WEB_SCHEMES):
        raise ConfigError(f"{url}: costsim does not download logs (it works offline): download the file and "
                          "name it, or name a folder, a database URL, or object storage (s3://, gs://, az://) "
                          "with --engine dask")


def redacted_url(url: str) -> str:
    """The URL with its password (in the user part or a `password=` parameter) shown as ***."""
    url = re.sub(r"(://[^:/?#@]*:)[^/?#]*@", r"\1***@", url, count=1)
    return re.sub(r"([?&]password=)[^&#]*", r"\1***", url, flags=re.IGNORECASE)


def parse_timestamp(value) -> datetime | None:
    """ISO 8601 text (a trailing Z allowed), epoch seconds/milliseconds, or a datetime or date (a Parquet
    column's, naive ones UTC) → aware UTC datetime; None if unparseable or outside the years 1678–2261 (a
    `created` of 10^30 is a bad value, not a crash)."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        if isinstance(value, datetime):
            stamp = value.astimezone(timezone.utc) if value.tzinfo else value.replace(tzinfo=timezone.utc)
        elif isinstance(value, date):
            stamp = datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
        elif isinstance(value, (int, float)):
            seconds = value / 1000 if value > 1e11 else value
            stamp = datetime.fromtimestamp(seconds, tz=timezone.utc)
        elif isinstance(value, str):
            text = value.strip()
            if text.replace(".", "", 1).isdigit():
                return parse_timestamp(float(text))
            stamp = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
            stamp = stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)
        else:
            return None  # a list, an object: not a time
    except (ValueError, OverflowError, OSError):
        return None
    return stamp if EARLIEST <= stamp < LATEST else None


MAX_TOKENS = 10**12 - 1  # per record: far above any real request, and a million of them still fit in int64


def token_count(value) -> int | None:
    """A whole number of tokens from 0 to MAX_TOKENS (7, "7", 7.0), or None when it is not one."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        value = int(value) if value.is_integer() else -1
    elif not isinstance(value, int):
        text = str(value).strip()
        value = int(text) if text.isdigit() else -1
    return value if 0 <= value <= MAX_TOKENS else None
