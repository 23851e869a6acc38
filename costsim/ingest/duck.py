"""DuckDB connections as costsim's readers use them: the run's threads, offline (no extension is fetched
or loaded), memory given back after each query, and no progress bar drawn on the user's terminal. A
module of its own, so the neutral reader does not import the Claude Code engine to get one."""

from __future__ import annotations


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
