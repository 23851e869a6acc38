"""What `costsim estimate` reads when no log is named (Claude Code's own log folder, if there is one), and
one neutral log's reading started while the run is set up."""

from __future__ import annotations

import os
from pathlib import Path

from rich.console import Console

from costsim.errors import ConfigError


def default_inputs(logs: list[str] | None, log_format: str | None, console: Console) -> list[str]:
    """The named logs; with none, Claude Code's folder when --log-format claude-code is given or the
    folder exists (said on stderr), else an error asking for a log."""
    if logs:
        return list(logs)
    from costsim.ingest.claude_code import default_folder  # the Claude Code reader only when it is asked for

    folder = default_folder()
    if log_format in (None, "claude-code") and folder.is_dir():
        console.print(f"reading Claude Code logs in {folder}", soft_wrap=True, markup=False)
        return [str(folder)]
    if log_format == "claude-code":
        raise ConfigError(f"no log named and Claude Code's folder {folder} does not exist "
                          "(name a folder, or set CLAUDE_CONFIG_DIR)")
    raise ConfigError("no log named: give log files, folders or globs (or - for stdin)")


NEUTRAL_KINDS = ("neutral-jsonl", "neutral-parquet")


def start_reading(logs: list[str], log_format: str | None) -> None:
    """When the run reads one neutral JSONL or Parquet file named as a plain path (not stdin, a folder, a
    glob or a URL), start its reader's engine work now, in a thread (`ingest.early`): pandas, the price
    book and the classifier load meanwhile. Anything else waits for the run."""
    if len(logs) != 1 or (log_format is not None and log_format not in NEUTRAL_KINDS):
        return
    item = logs[0]
    if item == "-" or "://" in item or any(ch in item for ch in "*?["):
        return
    path = str(Path(item).expanduser())  # as `ingest.common.expand` names it, and so its reader
    if not os.path.isfile(path):
        return
    from costsim.ingest import early

    early.start(path, lambda: _begin(path, log_format))


def _begin(path: str, log_format: str | None) -> tuple:
    """(the format, what its reader starts first), or (None, None): run in `early`'s thread."""
    from costsim.ingest import neutral
    from costsim.ingest.detect import sniff

    kind = log_format or sniff(path, path)
    if kind == "neutral-parquet":
        return kind, neutral.parquet_batches_ahead(neutral.parquet_file(path, path), path)
    if kind == "neutral-jsonl":
        started = neutral.start_lines(path, path)
        return (kind, started) if started is not None else (None, None)
    return None, None
