"""DuckDB connections as costsim's readers use them: the run's threads, offline (no extension is fetched
or loaded), memory given back after each query, and no progress bar drawn on the user's terminal. A
module of its own, so the neutral reader does not import the Claude Code engine to get one."""

from __future__ import annotations

import threading

import numpy as np

_LOCAL = threading.local()  # each thread's own connection for `hashes` (a connection is not shared by threads)


def threads() -> int:
    """DuckDB's threads: COSTSIM_WORKERS when set, else the CPUs this process may run on."""
    from costsim.routing.pool import cores

    return max(cores(), 1)


def connect(cores: int | None = None):
    """A DuckDB connection with `cores` threads (the run's, by default)."""
    import duckdb

    con = duckdb.connect(
        config={
            "threads": cores or threads(),
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
            "allocator_flush_threshold": "8MB",  # give memory back after each query
            "allocator_bulk_deallocation_flush_threshold": "8MB",
        }
    )
    con.execute("SET enable_progress_bar = false")  # a long query must not draw on the user's terminal
    return con


def hashes(texts) -> np.ndarray:
    """DuckDB's 64-bit `hash` of each text (str, UTF-8 bytes, or an Arrow string array; bytes hash as the
    text they encode): the one id hash of every reader, so the engine can hash ids inside its query and
    agree with readers that hash in Python."""
    import pyarrow as pa

    if not isinstance(texts, (pa.Array, pa.ChunkedArray)):
        values = texts if isinstance(texts, (list, np.ndarray)) else list(texts)
        if not len(values):
            return np.zeros(0, dtype=np.uint64)
        binary = isinstance(values[0], bytes)
        texts = pa.array(values, type=pa.binary() if binary else pa.string())
        if binary:
            texts = texts.cast(pa.string())
    if not len(texts):
        return np.zeros(0, dtype=np.uint64)
    con = getattr(_LOCAL, "con", None)
    if con is None:
        con = _LOCAL.con = connect(cores=1)
    found = con.from_arrow(pa.table({"text": texts})).project("hash(text) AS h").to_arrow_table()
    return found.column("h").to_numpy().astype(np.uint64, copy=False)
