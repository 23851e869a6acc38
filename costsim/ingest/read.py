"""The package entry: every input expanded, each file's format found, and each read by its reader.

`read_logs` yields usage-frame chunks; consecutive Claude Code session files are read together by
the local engine (`engine.py`), every other file by the reader its format names (`detect.py`)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pandas as pd

from costsim.ingest import claude_code
from costsim.ingest.common import IngestStats, expand
from costsim.ingest.detect import UnknownFormat, reader_for


def read_logs(inputs: list[str], stats: IngestStats, log_format: str | None = None) -> Iterator[pd.DataFrame]:
    """Yield usage-frame chunks from every input, each file read by its format's reader.

    Every input's format is found before any is read (a file in no known format stops the run before
    it prints anything), and the first Claude Code session files are being read by the engine's
    threads by the time this returns: the caller's own setup runs alongside (see `engine.Scans`)."""
    chunks = _read_logs(inputs, stats, log_format)
    next(chunks)
    return chunks


def _read_logs(inputs: list[str], stats: IngestStats, log_format: str | None) -> Iterator:
    groups: list[tuple] = []  # (reader, paths): consecutive Claude Code files are read together, in parallel
    for path, in_folder in expand(inputs, stats):
        if path == "-":
            path = _spool_stdin(stats)
        try:
            reader = reader_for(path, log_format, stats)
        except UnknownFormat as exc:
            if not in_folder:
                raise
            stats.files_not_read[stats.display(path)] = exc.reason  # one odd file in a folder: named, not fatal
            continue
        if reader is claude_code.read_session and groups and groups[-1][0] is reader:
            groups[-1][1].append(path)
        else:
            groups.append((reader, [path]))
    first_sessions = groups and groups[0][0] is claude_code.read_session
    scans = _session_scans(groups[0][1], stats) if first_sessions else None
    try:
        yield None
        for i, (reader, paths) in enumerate(groups):
            if reader is claude_code.read_session:
                scanned = scans if i == 0 else _session_scans(paths, stats)
                yield from claude_code.read_sessions(paths, stats, scanned, alone=len(groups) == 1)
                continue
            stats.files.append(stats.display(paths[0]))
            yield from reader(paths[0], stats)
    finally:
        if scans is not None:
            scans.close()


def _session_scans(paths: list[str], stats: IngestStats):
    """`engine.session_scans`: DuckDB is imported only where Claude Code files are read (JSONL's reader
    imports it for itself; a Parquet or CSV run never needs it)."""
    from costsim.ingest.engine import session_scans

    return session_scans(paths, stats)


def _spool_stdin(stats: IngestStats) -> str:
    """Copy stdin to a temporary file (deleted at exit) so its format can be sniffed and then read."""
    import atexit
    import os
    import shutil
    import tempfile
    from pathlib import Path

    handle, spool = tempfile.mkstemp(prefix="costsim-stdin-")
    with os.fdopen(handle, "wb") as out:
        shutil.copyfileobj(sys.stdin.buffer, out, 1 << 20)
    with open(spool, "rb") as check:
        if check.read(2) == b"\x1f\x8b":  # gzip data on stdin
            os.replace(spool, spool + ".gz")
            spool += ".gz"
    atexit.register(lambda: Path(spool).unlink(missing_ok=True))
    stats.names[spool] = "<stdin>"
    return spool
