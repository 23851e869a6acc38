"""A run's one neutral log started before the run is set up: its engine work overlaps the start-up.

An estimate imports pandas and its own modules and loads the price book and the classifier (~0.5 s on one
core) before its reader opens the first file. A neutral JSONL file's blocks are judged by DuckDB, and a
Parquet file's batches read and their ids hashed, without holding the GIL, so starting that work as soon as
the command line is parsed puts the other core to work meanwhile. The command line (`cli/inputs.py`,
`start_reading`) starts, in a thread, what the file's own reader would start first; that reader takes it
(`claim`) when the run reaches the file. Nothing is decided here that the run does not decide again: the
starter sniffs the format as `detect` does, a reader claims only what was started for its own path, name
and kind, any failure just means nothing was started (the run then meets it, and names it, as before),
and whatever is never claimed is stopped at exit. This module imports nothing of the readers: it only
keeps what was started."""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable

_STARTED: dict[str, _Started] = {}
_LOCK = threading.Lock()


class _Started:
    """What was started for one file, begun in a thread of its own (so starting costs the caller nothing)."""

    def __init__(self, path: str, begin: Callable[[], tuple]) -> None:
        self.path, self.kind, self.started = path, None, None
        self._thread = threading.Thread(target=self._start, args=(begin,), name="costsim-early", daemon=True)
        self._thread.start()

    def _start(self, begin: Callable[[], tuple]) -> None:
        try:
            self.kind, self.started = begin()
        except Exception:  # noqa: BLE001 - the run reads the file itself, and names any problem then
            self.kind, self.started = None, None

    def take(self, name: str, kind: str):
        """What was started, when it was started for `name` and `kind` (else it is stopped: None)."""
        self._thread.join()
        if self.started is not None and (name, kind) == (self.path, self.kind):
            started, self.started = self.started, None
            return started
        self.close()
        return None

    def close(self) -> None:
        self._thread.join()
        started, self.started = self.started, None
        if started is not None:
            started.close()


def start(path: str, begin: Callable[[], tuple]) -> None:
    """Call `begin` in a thread: it returns (the reader's kind, what that reader claims, with a `close`), or
    (None, None), for the file at `path` (named as its reader names it: `path` itself)."""
    with _LOCK:
        if path not in _STARTED:
            if not _STARTED:
                atexit.register(close_all)
            _STARTED[path] = _Started(path, begin)


def claim(path: str, name: str, kind: str):
    """What was started for `path`, if it was started under `name` as `kind` ("neutral-jsonl" or
    "neutral-parquet"), for the reader to use and close; else None."""
    if not _STARTED:
        return None
    with _LOCK:
        started = _STARTED.pop(path, None)
    return None if started is None else started.take(name, kind)


def close_all() -> None:
    """Stop whatever was started and never claimed."""
    with _LOCK:
        started = list(_STARTED.values())
        _STARTED.clear()
    for item in started:
        item.close()


__all__ = ["claim", "close_all", "start"]
