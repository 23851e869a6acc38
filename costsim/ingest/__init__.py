"""Reading request logs into usage-frame chunks: one reader per format, chosen by `detect`.

`read_logs` is the only entry point: it expands paths (files, folders, globs, `-` for stdin),
picks each file's reader, and yields classified-ready chunks while `stats` accounts for every record.

`FORMATS` names every log format (`--log-format`; detect.READERS maps each to its reader). Like the
api package, this face loads `read_logs` and `IngestStats` from their modules when they are first
used: the command line lists the formats in its help without importing pandas, pyarrow and DuckDB."""

from __future__ import annotations

from typing import TYPE_CHECKING

from costsim.lazy import names_from

if TYPE_CHECKING:
    from costsim.ingest.common import IngestStats
    from costsim.ingest.read import read_logs

FORMATS = ("neutral-jsonl", "neutral-csv", "neutral-parquet", "generic-csv", "claude-code", "openai-chat",
           "openai-responses", "openai-batch-output", "openai-batch-input", "anthropic", "litellm", "openrouter-csv",
           "otel")

_MODULES = {"IngestStats": "common", "read_logs": "read"}

__getattr__ = names_from(__name__, _MODULES)

__all__ = ["FORMATS", "IngestStats", "read_logs"]
