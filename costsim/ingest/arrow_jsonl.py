"""Neutral JSONL blocks read by pyarrow's JSON reader (C++, multi-threaded): columns with no Python object per record.

A block is ~32 MiB of whole lines. It becomes a usage-frame chunk only when every record in it is
plainly valid — the same bar as the `json.loads` fast path in `neutral.py`: model, timestamp,
input_tokens and output_tokens on every line, whole non-negative counts, ISO timestamps, no field
the fast path does not price (tier, batch, service_tier, latency_ms, cache_write_tokens), one
record per line. Anything else (pyarrow rejects the block, or a check fails) returns None and the
caller reads the block record by record, naming each bad line as file:line. Fields costsim does not
know are ignored, as the record-by-record path ignores them.
"""

from __future__ import annotations

import pandas as pd

try:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.json as pj
except ImportError:  # pragma: no cover - pyarrow is a base dependency; without it the json.loads path reads
    pa = None

from costsim.frame import normalize
from costsim.ingest.common import MAX_TOKENS

AVAILABLE = pa is not None
BLOCK_BYTES = 32 << 20  # ~150,000 records: big enough for both cores to share one read_json call
REQUIRED_TOKENS = ("input_tokens", "output_tokens")
OPTIONAL_TOKENS = ("cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "reasoning_tokens")
TEXT = ("id", "prompt", "session", "project")
SLOW_ONLY = ("tier", "batch", "service_tier", "latency_ms", "cache_write_tokens", "web_search_calls",
             "web_fetch_calls")  # present → record by record

if AVAILABLE:
    SCHEMA = pa.schema([("timestamp", pa.string()), ("model", pa.string()),
                        *[(c, pa.int64()) for c in (*REQUIRED_TOKENS, *OPTIONAL_TOKENS)],
                        *[(c, pa.string()) for c in TEXT], *[(c, pa.string()) for c in SLOW_ONLY]])
    PARSE = pj.ParseOptions(explicit_schema=SCHEMA, unexpected_field_behavior="ignore")
    READ = pj.ReadOptions(use_threads=True, block_size=1 << 20)


def next_block(stream) -> bytes:
    """About BLOCK_BYTES of whole lines (b"" at the end of the stream)."""
    block = stream.read(BLOCK_BYTES)
    if block and not block.endswith(b"\n"):
        block += stream.readline()
    return block


def line_count(block: bytes) -> int:
    return block.count(b"\n") + (0 if block.endswith(b"\n") else 1)


def split_lines(block: bytes) -> list[bytes]:
    """The block's lines as the line iterator of a binary file gives them (split on \\n only)."""
    lines = block.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
        return [line + b"\n" for line in lines]
    return [line + b"\n" for line in lines[:-1]] + lines[-1:]


def frame(block: bytes, first: int, name: str) -> pd.DataFrame | None:
    """The block as a normalized usage-frame chunk (lines numbered from `first`), or None when any record
    needs a closer look."""
    try:
        table = pj.read_json(pa.BufferReader(block), read_options=READ, parse_options=PARSE)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    if table.num_rows != line_count(block):
        return None  # blank lines or several records on a line: line numbers would not match
    return table_frame(table, first, name)


def table_frame(table, first: int, name: str) -> pd.DataFrame | None:
    """An Arrow table in SCHEMA (records numbered from `first`) as a normalized usage-frame chunk, or None
    when any record needs a closer look. Parquet batches come here too (`conform` gives them SCHEMA)."""
    n = table.num_rows
    if n == 0:
        return None
    if any(table.column(c).null_count != n for c in SLOW_ONLY):
        return None
    if any(table.column(c).null_count for c in ("model", "timestamp", *REQUIRED_TOKENS)):
        return None
    columns = {}
    for c in (*REQUIRED_TOKENS, *OPTIONAL_TOKENS):
        values = table.column(c).fill_null(0) if c in OPTIONAL_TOKENS else table.column(c)
        bounds = pc.min_max(values).as_py()
        if bounds["min"] is not None and (bounds["min"] < 0 or bounds["max"] > MAX_TOKENS):
            return None  # the record-by-record path names the bad count
        columns[c] = values.to_numpy()
    model = table.column("model")
    if pc.any(pc.equal(model, "")).as_py():
        return None
    stamps = pd.to_datetime(
        pd.Series(table.column("timestamp").to_pandas()), utc=True, format="ISO8601", errors="coerce"
    )
    if stamps.isna().any():
        return None
    lines = pa.array(range(first, first + n), type=pa.int64()).cast(pa.string())
    source = pc.binary_join_element_wise(pa.scalar(name), lines, ":")
    for c in TEXT:  # "" counts as absent, as in the record-by-record path
        values = table.column(c)
        columns[c] = _as_series(pc.if_else(pc.equal(values, ""), pa.scalar(None, pa.string()), values))
    columns.update(model=_as_series(model), timestamp=stamps, source=_as_series(source))
    return normalize(pd.DataFrame(columns))


def conform(table):
    """A table with SCHEMA's columns (missing ones null, others ignored), or None when a column present
    cannot take its SCHEMA type exactly (the record-by-record path then names the record)."""
    columns = []
    for field in SCHEMA:
        if field.name not in table.column_names:
            columns.append(pa.nulls(table.num_rows, field.type))
            continue
        values = table.column(field.name)
        if pa.types.is_timestamp(values.type) and field.name != "timestamp":
            return None
        try:  # a timestamp column becomes ISO text ("2026-05-01 10:00:00Z"; naive ones are UTC)
            columns.append(values.cast(field.type, safe=True))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return None
    return pa.table(columns, schema=SCHEMA)


def _as_series(values) -> pd.Series:
    return pd.Series(values.to_pandas(types_mapper=pd.ArrowDtype)).astype("string")
