"""Choosing a reader for each input: by `--log-format`, else by what the file holds."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pandas as pd

from costsim.errors import ConfigError
from costsim.ingest import neutral
from costsim.ingest.common import IngestStats

Reader = Callable[[str, IngestStats], Iterator[pd.DataFrame]]

READERS: dict[str, Reader] = {
    "neutral-jsonl": neutral.read_jsonl,
    "neutral-csv": neutral.read_csv,
}


def reader_for(path: str, log_format: str | None) -> Reader:
    """The reader `--log-format` names, or the one the file's name says."""
    if log_format:
        if log_format not in READERS:
            raise ConfigError(f"--log-format {log_format!r}: unknown format (known: {', '.join(READERS)})")
        return READERS[log_format]
    name = path.removesuffix(".gz")
    return READERS["neutral-csv"] if name.endswith(".csv") else READERS["neutral-jsonl"]
