"""An iterator's items made in a background thread, a few ahead of their use.

A reader whose engine work releases the GIL (a DuckDB query, Arrow compute, file reads) runs that work
here while the caller's thread turns the previous item into rows, classifies and prices them: the two
overlap on two cores instead of taking turns on one. The items come out in order; an exception raised
while making one is raised in the caller's thread where that item would have come, after every item
made before it. Closing early (or leaving the loop) stops the thread: work under way finishes, none
starts, and the iterator is closed in its own thread (so its `finally` blocks run there).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

_ITEM, _END, _ERROR = range(3)
WAIT_SECONDS = 0.05  # how often a thread waiting to hand over an item looks whether it was stopped


class Ahead(Generic[T]):
    """`items` iterated in a thread named `name`, at most `depth` items made and not yet used."""

    def __init__(self, items: Iterable[T], depth: int = 2, name: str = "costsim-ahead") -> None:
        self._made: queue.Queue = queue.Queue(maxsize=max(depth, 1))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._make, args=(items,), name=name, daemon=True)
        self._thread.start()

    def _make(self, items: Iterable[T]) -> None:
        iterator = iter(items)
        try:
            for item in iterator:
                if not self._hand_over([_ITEM, item]):
                    return
                del item  # not held here while the next one is made
            self._hand_over([_END, None])
        except BaseException as exc:  # shown to the caller, in its thread
            self._hand_over([_ERROR, exc])
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:
                close()

    def _hand_over(self, entry: list) -> bool:
        """Queue an entry, waiting for room; False when the caller stopped us first."""
        while not self._stop.is_set():
            try:
                self._made.put(entry, timeout=WAIT_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def __iter__(self) -> Iterator[T]:
        try:
            while True:
                entry = self._made.get()
                if entry[0] == _END:
                    return
                if entry[0] == _ERROR:
                    raise entry[1]
                yield entry.pop()  # not held by this frame while the caller uses it (nor after)
        finally:
            self.close()

    def close(self) -> None:
        """Stop the thread and wait for it: what it is making is finished, then dropped."""
        self._stop.set()
        self._thread.join()
        while not self._made.empty():  # items made and never used: let their memory go now
            self._made.get_nowait()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()


__all__ = ["Ahead"]
