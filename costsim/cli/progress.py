"""Progress on stderr for long runs, only when stderr is a terminal (never on stdout, never in pipes)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

SHOW_AFTER_SECONDS = 2.0


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int], None]]:
    """Yields tick(records); a spinner with a record count appears once the run passes a couple of seconds."""
    console = Console(stderr=True)
    if not console.is_terminal:
        yield lambda n: None
        return
    started = time.monotonic()
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed:,} records"),
                        TimeElapsedColumn(), console=console, transient=True)
    task = progress.add_task(label, total=None)
    shown = False

    def tick(records: int) -> None:
        nonlocal shown
        progress.advance(task, records)
        if not shown and time.monotonic() - started > SHOW_AFTER_SECONDS:
            progress.start()
            shown = True

    try:
        yield tick
    finally:
        if shown:
            progress.stop()
