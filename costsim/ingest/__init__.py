"""Reading request logs into usage-frame chunks: one reader per format, chosen by `detect`.

`read_logs` is the only entry point: it expands paths (files, folders, globs, `-` for stdin),
picks each file's reader, and yields classified-ready chunks while `stats` accounts for every record.

`FORMATS` names every log format (`--log-format`; detect.READERS maps each to its reader). Like the
api package, this face loads `read_logs` and `IngestStats` from their modules when they are first
used: the command line lists the formats in its help without importing pandas, pyarrow and DuckDB."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from costsim.ingest.common import IngestStats
    from costsim.ingest.read import read_logs

FORMATS = ("neutral-jsonl", "neutral-csv", "neutral-parquet", "generic-csv", "claude-code", "openai-chat",
           "openai-responses", "openai-batch-output", "openai-batch-input", "anthropic", "litellm", "openrouter-csv",
           "otel")

_MODULES = {"IngestStats": "common", "read_logs": "read"}


def __getattr__(name: str):
    """A name of __all__, loaded from its module on first use (and kept, so the next use is a plain lookup)."""
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
    globals()[name] = value
    return value


__all__ = ["FORMATS", "IngestStats", "read_logs"]
