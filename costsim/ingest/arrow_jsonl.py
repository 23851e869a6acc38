"""Neutral JSONL and Parquet as columns, with no Python object per record.

A neutral JSONL file is one DuckDB query (`engine_batches`): the file's lines (read as plain text, so
every line number is the file's own), each parsed by `json_transform` and judged. A line is *good* when
it is plainly valid: an object with model, timestamp (ISO 8601), input_tokens and output_tokens, whole
counts from 0 to MAX_TOKENS written as digits, text fields that are JSON strings, and no field only the
record-by-record path prices (tier, batch, service_tier, latency_ms, cache_write_tokens, server tool
calls). Good lines come back as typed columns; any other line comes back as its text, for the
record-by-record path to name as file:line (or to read, when it is valid after all). Files DuckDB
might read differently from Python's line reader (gzip, a byte-order mark, a carriage return or a
\x01 byte anywhere) are not given to the engine; if the engine fails part-way (bytes that are not
UTF-8), the line reader goes on from the first line not yet read.

Parquet batches, and blocks of the line reader, go through `table_frame`: an Arrow table in SCHEMA.
Fields costsim does not know are ignored, as the record-by-record path ignores them.
"""

from __future__ import annotations

import threading

import numpy as np
import pandas as pd

try:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.json as pj
except ImportError:  # pragma: no cover - pyarrow is a base dependency; without it the json.loads path reads
    pa = None

from costsim.frame import EARLIEST, LATEST, held_stamps, normalize_columns
from costsim.ingest.common import MAX_TOKENS, id_hash_sql
from costsim.ingest.duck import connect

AVAILABLE = pa is not None
BLOCK_BYTES = 16 << 20  # ~75,000 records, judged in a piece a core while the next block is read (32 MiB: the same
# speed, the 1M-record peak 654-701 against 558-591 MiB and the 10M one 764-829 against 600 MiB)
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
        block.decode("utf-8")  # pyarrow's reader takes bytes that are not UTF-8 into its text columns
        table = pj.read_json(pa.BufferReader(block), read_options=READ, parse_options=PARSE)
    except (UnicodeDecodeError, pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    if table.num_rows != line_count(block):
        return None  # blank lines or several records on a line: line numbers would not match
    return table_frame(table, first, name)


def table_frame(table, first: int, name: str, source=None) -> pd.DataFrame | None:
    """An Arrow table in SCHEMA (records numbered from `first`) as a normalized usage-frame chunk, or None
    when any record needs a closer look. Parquet batches come here too (`conform` gives them SCHEMA).
    `source`: each row's `name:line` (`sources`), when a reader thread made it."""
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
    stamps = held_stamps(pd.Series(table.column("timestamp").to_pandas()))  # UTC when `conform` could make it so
    if stamps is None:
        return None
    if source is None:
        source = sources(name, pa.array(np.arange(first, first + n, dtype=np.int64)))  # not a Python range
    columns.update(text_columns(table, model, source), timestamp=stamps)
    return usage_frame(columns, n)


def text_columns(table, model, source) -> dict:
    """The text columns of a usage-frame chunk: TEXT ("" counts as absent, as in the record-by-record
    path), the model, and each row's source `name:line` (`sources`)."""
    columns = {}
    for c in TEXT:
        values = table.column(c)
        columns[c] = _as_series(pc.if_else(pc.equal(values, ""), pa.scalar(None, pa.string()), values))
    return {**columns, "model": _as_series(model), "source": _as_series(source)}


def sources(name: str, lines):
    """Each row's source, `name:line`, from its line numbers (an Arrow integer column): Arrow's work, so a
    reader thread can make it while the caller's thread makes the rows before."""
    return pc.binary_join_element_wise(pa.scalar(name), lines.cast(pa.string()), ":")


def id_hashes(ids, con):
    """Each id's 64-bit hash (`id_hash_sql`, as every reader hashes ids), null where a row has none (null or
    "", which the usage frame holds as absent), computed by DuckDB on connection `con`."""
    hashed = con.from_arrow(pa.table({"id": ids})).project(f"CASE WHEN id <> '' THEN {id_hash_sql('id')} END AS h")
    return hashed.to_arrow_table().column("h")


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
        try:
            columns.append(_utc_stamps(values) if field.name == "timestamp" else values.cast(field.type, safe=True))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            return None
    return pa.table(columns, names=SCHEMA.names)


def _utc_stamps(values):
    """A timestamp column in UTC (naive ones are UTC): the instants, and the resolution, that pandas gives
    its ISO text ("2026-05-01 10:00:00.000000000" is nanoseconds, anything coarser microseconds), with no
    text made and parsed again. Any other column becomes text, which `table_frame` parses."""
    if pa.types.is_timestamp(values.type):
        return values.cast(pa.timestamp("ns" if values.type.unit == "ns" else "us", tz="UTC"), safe=True)
    return values.cast(pa.string(), safe=True)


def _as_series(values) -> pd.Series:
    return pd.Series(values.to_pandas(types_mapper=pd.ArrowDtype)).astype("string")


# ---- neutral JSONL read by DuckDB ----------------------------------------------------------------

ISO_STAMP = r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?"
ENGINE_TOKENS = (*REQUIRED_TOKENS, *OPTIONAL_TOKENS)
ENGINE_TEXT = ("model", *TEXT)


def _whole(field: str) -> str:
    """SQL: the field, as JSON text, is a count written as digits alone (what `token_count` reads alike);
    `{field}_n` is the text cast to a number once, for this check and for the column the query returns."""
    return f"(length(j.{field}) <= 12 AND {field}_n::VARCHAR = j.{field})"


def _string(field: str) -> str:
    """SQL: the field is absent, or a JSON string (text that could be another JSON value is checked on the line)."""
    return (f"(j.{field} IS NULL OR CASE WHEN j.{field} IN ('true', 'false') OR left(j.{field}, 1) IN ('{{', '[') "
            f"THEN coalesce(json_type(line, '$.{field}') = 'VARCHAR', false) ELSE true END)")


def _engine_query() -> str:
    import json

    shape = json.dumps({**{c: "VARCHAR" for c in ("timestamp", *ENGINE_TEXT, *ENGINE_TOKENS)},
                        **{c: "JSON" for c in SLOW_ONLY}})
    good = " AND ".join([
        "j IS NOT NULL", "coalesce(j.model, '') <> ''", "stamp IS NOT NULL",
        f"stamp >= TIMESTAMPTZ '{EARLIEST.isoformat()}'", f"stamp < TIMESTAMPTZ '{LATEST.isoformat()}'",
        *[_whole(c) for c in REQUIRED_TOKENS], *[f"(j.{c} IS NULL OR {_whole(c)})" for c in OPTIONAL_TOKENS],
        *[_string(c) for c in ENGINE_TEXT], *[f"j.{c} IS NULL" for c in SLOW_ONLY],
    ])
    return f"""
WITH raw AS (
    SELECT n, line, TRY(json_transform(line, '{shape}')) AS j FROM block_lines
), stamped AS (
    SELECT *, CASE WHEN regexp_full_match(j.timestamp, '{ISO_STAMP}') THEN TRY_CAST(j.timestamp AS TIMESTAMPTZ) END
              AS stamp, {", ".join(f"TRY_CAST(j.{c} AS UBIGINT) AS {c}_n" for c in ENGINE_TOKENS)}
    FROM raw
), judged AS (
    SELECT *, coalesce({good}, false) AS good FROM stamped
)
SELECT n, good, CASE WHEN NOT good THEN line END AS line, stamp AS timestamp,
       {", ".join(f"j.{c} AS {c}" for c in ENGINE_TEXT)},
       CASE WHEN good AND j.id <> '' THEN {id_hash_sql("j.id")} END AS id_hash,
       {", ".join(f"CASE WHEN good THEN {c}_n::BIGINT END AS {c}" for c in ENGINE_TOKENS)}
FROM judged
"""


def engine_readable(head: bytes) -> bool:
    """Whether a file that starts with `head` is JSON lines (its first non-blank line opens an object and
    is not a lone `{`, as a pretty-printed document's is)."""
    first = head.lstrip().split(b"\n", 1)[0].strip()
    return first[:1] == b"{" and first != b"{"


def engine_tables(stream, threads: int | None = None, name: str | None = None):
    """A stream's blocks of whole lines (`next_block`), each judged by DuckDB: an Arrow table of n (the line
    number), good, and for good lines the typed columns, for the others their text (`line`). A block that
    is not UTF-8 (or that the engine refused) comes as (first line number, its lines) for the
    record-by-record path. A query runs on one core (DuckDB scans a registered table on one thread), so a
    block's lines are cut into `threads` pieces (one a core by default), each judged at once on a
    one-thread connection of its own, and put back together in line order: the blocks, and so the chunks
    and every report, are what they were with one query a block. With `name`, each table also has every
    line's `source` (`sources`), made on the piece's thread."""
    from concurrent.futures import ThreadPoolExecutor

    from costsim.ingest.duck import threads as cores

    query, count, first = _engine_query(), max(threads or cores(), 1), 1
    own, made = threading.local(), []

    def judge(lines, first: int):
        con = getattr(own, "con", None)
        if con is None:
            con = own.con = connect(cores=1)
            made.append(con)
        table = _judged(lines, first, con, query)
        if name is not None and not isinstance(table, tuple):
            table = table.append_column("source", sources(name, table.column("n")))
        return table

    def judged(first: int, lines, found: list):
        tables = [piece.result() for piece in found]
        if any(isinstance(table, tuple) for table in tables):  # the whole block record by record
            return first, _judged(lines, first, None, "")[1]
        return pa.concat_tables(tables) if len(tables) > 1 else tables[0]

    try:
        with ThreadPoolExecutor(count, thread_name_prefix="costsim-neutral-judge") as pool:
            judging = None  # (first line number, lines, their pieces' futures): the block the pool judges
            while True:
                block = next_block(stream)  # read and split while the block before is judged
                lines, n = _split(block) if block else (None, 0)
                del block  # nothing of a block is held while its rows wait to be used (`Ahead` keeps some)
                if judging is not None:
                    yield judged(*judging)
                    judging = None
                if lines is None:
                    break
                cuts = [n * k // count for k in range(count + 1)]
                judging = (first, lines, [pool.submit(judge, lines[a:b], first + a)
                                          for a, b in zip(cuts, cuts[1:]) if b > a])
                del lines
                first += n
    finally:
        for con in made:
            con.close()


def _split(block: bytes):
    """(the block's lines as an Arrow text array, or the block itself when it is not UTF-8; its line count)."""
    pieces = pc.list_flatten(pc.split_pattern(_binary(block), b"\n"))
    count = len(pieces) - block.endswith(b"\n")  # `line_count`, with no pass over the block in Python
    try:
        return pieces[:count].cast(pa.large_string()), count  # UTF-8 checked line by line, as a whole
    except pa.ArrowInvalid:  # bytes that are not UTF-8: the line reader names the line
        return block, count


def _judged(lines, first: int, con, query: str):
    """The engine's table of a block's lines numbered from `first`, or (first, lines) for the
    record-by-record path: a block that is not UTF-8 (`lines` is then its bytes), or that the engine refused
    (or, with no connection, any block). The registration is let go here."""
    import duckdb

    if isinstance(lines, bytes):
        return first, split_lines(lines)
    if con is None:
        return first, [line.encode() for line in lines.to_pylist()]
    numbers = pa.array(np.arange(first, first + len(lines), dtype=np.int64))
    con.register("block_lines", pa.table({"n": numbers, "line": lines}))
    try:
        return con.sql(query).to_arrow_table()
    except duckdb.Error:
        return _judged(lines, first, None, query)
    finally:
        con.unregister("block_lines")


def _binary(block: bytes):
    """The block as a one-value Arrow binary array over the same memory (no copy)."""
    offsets = pa.py_buffer(np.array([0, len(block)], dtype=np.int64))
    return pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(block)])


def engine_frame(batch, name: str) -> pd.DataFrame:
    """A table's good lines (already filtered) as a normalized usage-frame chunk."""
    columns = {c: batch.column(c).to_numpy(zero_copy_only=False) for c in REQUIRED_TOKENS}
    for c in OPTIONAL_TOKENS:
        columns[c] = batch.column(c).fill_null(0).to_numpy(zero_copy_only=False)
    stamps = pd.Series(batch.column("timestamp").to_pandas(), copy=False)
    source = batch.column("source") if "source" in batch.column_names else sources(name, batch.column("n"))
    columns.update(text_columns(batch, batch.column("model"), source), timestamp=stamps)
    return usage_frame(columns, batch.num_rows)


def usage_frame(columns: dict, n: int) -> pd.DataFrame:
    """Columns as read (numpy arrays, and Series numbered from 0) as a normalized usage-frame chunk of `n`
    rows, made in one step (`normalize_columns`)."""
    index = pd.RangeIndex(n)
    return normalize_columns({c: v if isinstance(v, pd.Series) else pd.Series(v, index=index, copy=False)
                              for c, v in columns.items()}, index)
