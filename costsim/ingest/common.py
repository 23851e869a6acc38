"""Shared reading machinery: opening files (.gz, stdin), accounting, record validation into frame rows."""

from __future__ import annotations

import glob
import gzip
import io
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from costsim.errors import InputError
from costsim.frame import normalize

CHUNK_RECORDS = 50_000
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
    _seen_ids: set = field(default_factory=set)

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

    def is_duplicate(self, record_id: str | None) -> bool:
        """True (and counted) when a record with this id was already read."""
        if record_id is None:
            return False
        if record_id in self._seen_ids:
            self.duplicates += 1
            return True
        self._seen_ids.add(record_id)
        return False


def expand(inputs: list[str]) -> list[str]:
    """Files from paths, folders (recursively: *.jsonl, *.json, *.csv and their .gz), globs, and `-`."""
    out = []
    for item in inputs:
        if item == "-":
            out.append("-")
            continue
        path = Path(item).expanduser()
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _loggish(p.name))
            if not found:
                raise InputError("folder holds no .jsonl, .json or .csv files", path=item)
            out.extend(str(p) for p in found)
        elif path.exists():
            out.append(str(path))
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(str(path), recursive=True))
            if not matches:
                raise InputError("no file matches this pattern", path=item)
            out.extend(matches)
        else:
            raise InputError("file not found", path=item)
    return out


def _loggish(name: str) -> bool:
    name = name.removesuffix(".gz")
    return name.endswith((".jsonl", ".json", ".csv", ".ndjson"))


def open_text(path: str) -> io.TextIOBase:
    """A text stream for a path, a .gz file, or `-` (stdin)."""
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    if path.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace", newline="")


def display_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def parse_timestamp(value) -> datetime | None:
    """ISO 8601 text (a trailing Z allowed) or epoch seconds/milliseconds → aware UTC datetime; None if unparseable."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    text = str(value).strip()
    if text.replace(".", "", 1).isdigit():
        return parse_timestamp(float(text))
    try:
        stamp = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)


def token_count(value) -> int | None:
    """A non-negative whole number of tokens (7, "7", 7.0), or None when it is not one."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    text = str(value).strip()
    return int(text) if text.isdigit() else None


def rows_to_frame(rows: list[dict]) -> pd.DataFrame:
    return normalize(pd.DataFrame.from_records(rows)) if rows else normalize(pd.DataFrame())


def read_logs(inputs: list[str], stats: IngestStats, log_format: str | None = None) -> Iterator[pd.DataFrame]:
    """Yield usage-frame chunks from every input, each file read by its format's reader."""
    from costsim.ingest.detect import reader_for

    for path in expand(inputs):
        stats.files.append(display_name(path))
        reader = reader_for(path, log_format)
        yield from reader(path, stats)
