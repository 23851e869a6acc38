"""Items made by worker threads that each take the next item not yet taken, handed out in order.

The Claude Code engine's parts are DuckDB queries, each on one core, that release the GIL. With a fixed
share of the parts per thread (part k on thread k mod n), a thread that started late, or drew the bigger
parts, keeps the other core idle at the end; here a thread that is free takes the next part, whoever it
is, so the threads finish together, and a thread slowed by other work on its core holds up none of the
other's items. At most `depth` items are taken and not yet used (their memory is the bound), and the
caller takes them in order; an exception raised while making an item is raised in the caller's thread
where that item would have come. Closing (or leaving the loop) stops the threads: work under way
finishes, none starts. (`ahead.Ahead` is the one-thread kind, for items that must be made in order.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

S = TypeVar("S")
T = TypeVar("T")


class Pulled(Generic[S, T]):
    """`make(state, item)` for each of `items`, in threads started by `add_thread` (each with `state` from
    `open_state()`, closed by `close_state(state)` when the thread ends), at most `depth` made and unused."""

    def __init__(
        self,
        items: list[S],
        make: Callable[[object, S], T],
        depth: int,
        open_state: Callable[[], object] = lambda: None,
        close_state: Callable[[object], None] = lambda state: None,
    ) -> None:
        self._items, self._make, self._depth = items, make, max(depth, 1)
        self._open, self._close = open_state, close_state
        self._made: dict[int, tuple[bool, object]] = {}  # index -> (made, the item) or (failed, the error)
        self._next = 0  # the next index a thread takes
        self._used = 0  # the next index the caller takes
        self._stopped = False
        self._changed = threading.Condition()
        self._threads: list[threading.Thread] = []

    def add_thread(self, name: str) -> None:
        """Start one more thread taking items (none once every item is taken, or after `close`)."""
        with self._changed:
            if self._stopped or self._next >= len(self._items):
                return
            thread = threading.Thread(target=self._work, name=name, daemon=True)
            self._threads.append(thread)
        thread.start()

    @property
    def threads(self) -> int:
        """Threads started."""
        return len(self._threads)

    @property
    def running(self) -> bool:
        """Whether any thread still runs."""
        return any(thread.is_alive() for thread in self._threads)

    def _take(self) -> int | None:
        """The next index to make, once there is room for it; None when there is none left or we stop."""
        with self._changed:
            while not self._stopped and self._next < len(self._items) and self._next - self._used >= self._depth:
                self._changed.wait()
            if self._stopped or self._next >= len(self._items):
                return None
            self._next += 1
            return self._next - 1

    def _work(self) -> None:
        state = self._open()
        try:
            while (index := self._take()) is not None:
                try:
                    entry: tuple[bool, object] = (True, self._make(state, self._items[index]))
                except BaseException as exc:  # shown to the caller, in its thread, where the item would be
                    entry = (False, exc)
                with self._changed:
                    self._made[index] = entry
                    self._changed.notify_all()
                del entry
        finally:
            self._close(state)

    def __iter__(self) -> Iterator[T]:
        try:
            for index in range(len(self._items)):
                with self._changed:
                    while index not in self._made:
                        if not self.running and self._next <= index:
                            raise RuntimeError("no thread is making the items")  # a bug: add_thread never called
                        self._changed.wait(0.05)
                    made, item = self._made.pop(index)
                    self._used = index + 1
                    self._changed.notify_all()
                if not made:
                    raise item  # type: ignore[misc]
                yield item  # type: ignore[misc]
                del item
        finally:
            self.close()

    def close(self) -> None:
        """Stop the threads and wait for them: what they are making is finished, then dropped."""
        with self._changed:
            self._stopped = True
            self._changed.notify_all()
        for thread in self._threads:
            thread.join()
        self._made.clear()


__all__ = ["Pulled"]
