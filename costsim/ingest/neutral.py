"""The neutral schema: JSONL (one object per line), CSV (a header row) or Parquet, with costsim's own field names.

Required: model, and input_tokens or prompt text (counted offline when the count is missing).
Optional: timestamp, output_tokens (estimated from the tier's profile when missing), id,
cache_read_tokens, cache_write_tokens (5-minute writes), cache_write_5m_tokens, cache_write_1h_tokens,
reasoning_tokens (informational, already inside output_tokens), prompt, tier, session, project, batch,
latency_ms, service_tier (OpenAI flex/priority; default/auto = list price), web_search_calls and
web_fetch_calls (server tool calls, priced per call).
`input_tokens` is *uncached* input: cache reads and writes are counted apart from it.

JSONL takes a fast path: a block of lines is parsed and, when every record in it is plainly valid
(whole-number counts, ISO timestamps), turned into columns directly; any block with a doubtful
record goes through the record-by-record path that names each problem's line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice

import pandas as pd

from costsim.errors import InputError, load_json, shown
from costsim.frame import held_stamps, normalize
from costsim.ingest import arrow_jsonl
from costsim.ingest.ahead import Ahead
from costsim.ingest.common import CHUNK_RECORDS, MAX_TOKENS, IngestStats, open_binary, parse_timestamp, token_count
from costsim.ingest.duck import connect
from costsim.ingest.records import Skip, finish_frame, finish_rows, header_name, prepare_table, read_csv_format

REQUIRED = ("model",)
OPTIONAL_TOKENS = ("cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "reasoning_tokens",
                   "web_search_calls", "web_fetch_calls")
OPTIONAL_TEXT = ("id", "prompt", "session", "project", "service_tier")
FIELDS = ("timestamp", "model", "input_tokens", "output_tokens", *OPTIONAL_TOKENS, "cache_write_tokens",
          *OPTIONAL_TEXT, "tier", "batch", "latency_ms")


def row_from_record(record: dict, source: str) -> dict:
    """Validate one neutral record into a frame row, or raise Skip naming the field at fault."""
    missing = [k for k in REQUIRED if record.get(k) in (None, "")]
    if missing:
        raise Skip("missing required field", missing[0])
    row = {"source": source, "model": str(record["model"])}
    if record.get("timestamp") not in (None, ""):
        stamp = parse_timestamp(record["timestamp"])
        if stamp is None:
            raise Skip("bad timestamp", shown(record["timestamp"]))
        row["timestamp"] = stamp
    for key in ("input_tokens", "output_tokens", *OPTIONAL_TOKENS, "cache_write_tokens"):
        if record.get(key) in (None, ""):
            continue
        count = token_count(record.get(key))
        if count is None:
            raise Skip(
                "bad token count",
                f"{key} must be a whole number >= 0 (at most {MAX_TOKENS:,}), got {shown(record.get(key))}",
            )
        target = "cache_write_5m_tokens" if key == "cache_write_tokens" else key
        row[target] = row.get(target, 0) + count
    if "input_tokens" not in row:
        if record.get("prompt") in (None, ""):
            raise Skip("missing required field", "input_tokens (or prompt text to count)")
        row["count_text"] = str(record["prompt"])
    tier = record.get("tier")
    if tier not in (None, ""):
        if str(tier).strip() not in {"1", "2", "3"}:
            raise Skip("bad tier", f"tier must be 1, 2 or 3, got {shown(tier)}")
        row["tier"] = int(str(tier).strip())
    for key in OPTIONAL_TEXT:
        if record.get(key) not in (None, ""):
            row[key] = str(record[key])
    if str(record.get("batch", "")).lower() in {"true", "1", "yes"}:
        row["batch"] = True
    if record.get("latency_ms") not in (None, ""):
        try:
            row["latency_ms"] = float(record["latency_ms"])
        except (TypeError, ValueError):
            raise Skip("bad latency", f"latency_ms must be a number, got {shown(record['latency_ms'])}") from None
    return row


def _slow_rows(block: list[tuple[int, object, str | None]], stats: IngestStats, name: str) -> list[dict]:
    rows = []
    for line, record, error in block:
        if error is not None:
            stats.skip("malformed JSON", error, path=name, line=line)
        elif not isinstance(record, dict):
            stats.skip("not a JSON object", path=name, line=line)
        else:
            try:
                rows.append(row_from_record(record, f"{name}:{line}"))
            except Skip as skip:
                stats.skip(skip.reason, skip.detail, path=name, line=line, malformed=skip.malformed)
    return rows


def read_jsonl(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    """JSON lines are read in blocks, each judged by DuckDB (`arrow_jsonl.engine_tables`): good lines as
    columns, the others record by record, each in line order. The blocks are read and queried in a
    thread, a block or two ahead (`Ahead`; each block's query on every core), while this thread makes rows
    of the one before. A file that is one JSON document (pretty-printed, or an array) goes to the line
    reader."""
    name = stats.display(path)
    with open_binary(path, name) as stream:
        if not (arrow_jsonl.AVAILABLE and arrow_jsonl.engine_readable(stream.peek(1 << 16)[: 1 << 16])):
            stream.close()
            yield from _read_lines(path, stats)
            return
        tables = Ahead(arrow_jsonl.engine_tables(stream, name=name), depth=2, name="costsim-neutral")
        try:
            for table in tables:
                if isinstance(table, tuple):  # a block that is not UTF-8, read record by record
                    first, lines = table
                    block = _parse_lines(lines, first)
                    stats.records_read += len(block)
                    if rows := _slow_rows(block, stats, name):
                        yield finish_rows(rows, stats)
                else:
                    yield from _engine_chunks(table, name, stats)
                del table
        except EOFError as exc:
            raise InputError(f"truncated or corrupt gzip file ({exc})", path=name) from None
        finally:
            tables.close()  # before the stream closes: the thread reads it


def _engine_chunks(batch, name: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    """One engine batch as a chunk: its good lines as columns and its other lines record by record, merged
    back into line order before duplicates are dropped (the first copy of an id is the one priced)."""
    import numpy as np
    import pyarrow.compute as pc

    good = batch.column("good")
    n_good = int(pc.sum(good).as_py() or 0)
    if n_good == batch.num_rows:  # every line good (no filtered copy of the table); ids hashed in the query
        stats.records_read += n_good
        yield finish_frame(arrow_jsonl.engine_frame(batch, name), stats, id_hashes=batch.column("id_hash"))
        return
    fast = arrow_jsonl.engine_frame(batch.filter(good), name) if n_good else None
    odd = batch.filter(pc.invert(good))
    block = _parse_numbered(zip(odd.column("n").to_pylist(), odd.column("line").to_pylist()))
    stats.records_read += n_good + len(block)
    rows = _slow_rows(block, stats, name)
    if not rows:
        if fast is not None:
            yield finish_frame(fast, stats)
        return
    slow = prepare_table(pd.DataFrame.from_records(rows), stats)
    if fast is None:
        yield finish_frame(slow, stats)
        return
    lines = np.concatenate([batch.filter(good).column("n").to_numpy(),
                            np.array([int(row["source"].rsplit(":", 1)[1]) for row in rows], dtype=np.int64)])
    frame = pd.concat([fast, slow], ignore_index=True).iloc[np.argsort(lines, kind="stable")]
    yield finish_frame(frame.reset_index(drop=True), stats)


def _read_lines(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    """Blocks of lines parsed in one `json.loads` call each; a block that does not parse cleanly (or a
    file that is one pretty-printed JSON document) is read record by record."""
    name = stats.display(path)
    with open_binary(path, name) as stream:
        head = stream.peek(1 << 16)[: 1 << 16].lstrip()[:1]
        line_no = 0
        fast = (
            arrow_jsonl.AVAILABLE
            and head == b"{"
            and stream.peek(1 << 16)[: 1 << 16].lstrip().split(b"\n")[0].strip() != b"{"
        )
        while True:
            try:
                if fast:  # pyarrow reads the block's columns; a block it cannot vouch for is read below
                    block = arrow_jsonl.next_block(stream)
                    frame = arrow_jsonl.frame(block, line_no + 1, name) if block else None
                    if frame is not None:
                        line_no += len(frame)
                        stats.records_read += len(frame)
                        yield finish_frame(frame, stats)
                        continue
                    lines = arrow_jsonl.split_lines(block)
                else:
                    lines = list(islice(stream, CHUNK_RECORDS))
            except EOFError as exc:
                raise InputError(f"truncated or corrupt gzip file ({exc})", path=name) from None
            if not lines:
                return
            first, line_no = line_no + 1, line_no + len(lines)
            records = _parse_block(lines)
            frame = None if records is None else _fast_frame(records, first, name)
            if frame is not None:
                stats.records_read += len(lines)
                yield finish_frame(frame, stats)
                continue
            if first == 1 and head == b"[" or (first == 1 and _pretty_document(lines)):
                break  # one JSON document: the record-by-record reader parses it whole
            block = _parse_lines(lines, first)
            stats.records_read += len(block)
            rows = _slow_rows(block, stats, name)
            if rows:
                yield finish_rows(rows, stats)
    from costsim.ingest.records import json_records

    records = json_records(path, name)
    while block := list(islice(records, CHUNK_RECORDS)):
        stats.records_read += len(block)
        rows = _slow_rows(block, stats, name)
        if rows:
            yield finish_rows(rows, stats)


def _parse_block(lines: list[bytes]) -> list | None:
    try:
        records = load_json(b"[" + b",".join(lines) + b"]")
    except ValueError:
        return None
    return records if len(records) == len(lines) else None


def _pretty_document(lines: list[bytes]) -> bool:
    """A pretty-printed JSON document starts with a line holding only `{` or `[`."""
    return next((line.strip() for line in lines if line.strip()), b"") in (b"{", b"[")


def _parse_lines(lines: list[bytes], first: int) -> list[tuple[int, object, str | None]]:
    return _parse_numbered(enumerate(lines, start=first))


def _parse_numbered(lines) -> list[tuple[int, object, str | None]]:
    """(line, parsed value, error) for each (line number, text) that is not blank (None counts as blank)."""
    out = []
    for line_no, raw in lines:
        if raw is None or not raw.strip():
            continue
        try:
            out.append((line_no, load_json(raw), None))
        except json.JSONDecodeError as exc:
            out.append((line_no, None, exc.msg))
        except ValueError as exc:  # bytes that are not UTF-8
            out.append((line_no, None, str(exc)))
    return out


_FAST_TOKENS = (
    "input_tokens",
    "output_tokens",
    "cache_read_tokens",
    "cache_write_5m_tokens",
    "cache_write_1h_tokens",
    "reasoning_tokens",
)
_FAST_TEXT = ("id", "prompt", "session", "project")
_FAST_KNOWN = frozenset(("timestamp", "model", *_FAST_TOKENS, *_FAST_TEXT))


def _fast_frame(records: list, first: int, name: str) -> pd.DataFrame | None:
    """Columns straight from a block of plainly valid records, or None when any record needs a closer look
    (a missing or non-integer count, an unparseable timestamp, a field the fast path does not know)."""
    if not all(map(dict.__instancecheck__, records)):
        return None
    df = pd.DataFrame(records)
    if not set(df.columns) <= _FAST_KNOWN or not {"model", "timestamp", "input_tokens", "output_tokens"} <= set(
        df.columns
    ):
        return None
    for key in _FAST_TOKENS:
        if key in df.columns:
            column = df[key]
            counts = column.to_numpy()
            if column.dtype.kind != "i" or (counts < 0).any() or (counts > MAX_TOKENS).any():
                return None  # nulls, floats, strings, negative or impossible counts: the slow path names the line
    for key in ("model", "timestamp", *_FAST_TEXT):  # a number as a timestamp: the slow path judges it
        if key in df.columns and pd.api.types.infer_dtype(df[key], skipna=True) != "string":
            return None
    if df["model"].isna().any() or (df["model"] == "").any():
        return None
    stamps = held_stamps(df["timestamp"])
    if stamps is None:
        return None
    df["timestamp"] = stamps
    df["source"] = [f"{name}:{line}" for line in range(first, first + len(df))]
    return normalize(df)


PARQUET_BATCH = 262_144  # rows per batch: columns stay in Arrow, memory stays flat however long the file


def read_parquet(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    """Neutral records as Parquet columns (the same field names and meanings as JSONL). A batch whose
    records are all plainly valid becomes a chunk straight from its columns; any other batch is read record
    by record, each problem named by the file and its row number (1 = the first record). Each batch's ids are
    hashed and its sources made on its Arrow columns (`_parquet_batches`)."""
    name = stats.display(path)
    batches = _parquet_batches(_parquet_file(path, name), name)
    row = 0
    try:
        for table, conformed, id_hashes, lines in batches:
            frame = None if conformed is None else arrow_jsonl.table_frame(conformed, row + 1, name, lines)
            stats.records_read += table.num_rows
            if frame is not None:
                yield finish_frame(frame, stats, id_hashes=id_hashes)
            else:
                block = [(row + 1 + i, record, None) for i, record in enumerate(table.to_pylist())]
                rows = _slow_rows(block, stats, name)
                if rows:
                    yield finish_rows(rows, stats)
            row += table.num_rows
            del table, conformed, id_hashes, lines
    finally:
        batches.close()


def _parquet_file(path: str, name: str):
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        raise InputError(f"cannot read as Parquet: {exc}", path=name) from None


def _parquet_batches(source, name: str):
    """Each batch of the file as (its table, the table in SCHEMA or None, its ids hashed and its rows'
    sources, or None), all Arrow's and DuckDB's work on the Arrow columns (no Python string an id). Made in
    the reading thread itself: a thread reading a batch ahead was slower on a busy machine (2.72 against
    2.32 s, 2.44 against 2.06 CPU-s) and held ~100 MiB more."""
    import numpy as np
    import pyarrow as pa

    wanted = [c for c in source.schema_arrow.names if c in FIELDS]
    con, row = None, 0
    try:
        for batch in source.iter_batches(batch_size=PARQUET_BATCH, columns=wanted):
            table = pa.Table.from_batches([batch])
            conformed = arrow_jsonl.conform(table)
            if conformed is None:
                yield table, None, None, None
            else:
                con = con or connect(cores=1)
                lines = pa.array(np.arange(row + 1, row + 1 + table.num_rows, dtype=np.int64))
                yield (table, conformed, arrow_jsonl.id_hashes(conformed.column("id"), con),
                       arrow_jsonl.sources(name, lines))
            row += table.num_rows
    finally:
        if con is not None:
            con.close()


def read_csv(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    """A neutral CSV, or any CSV whose headers --columns maps onto neutral field names."""

    def make_extract(header: list[str], name: str):
        rename = _header_map(header, stats.columns, name)
        return lambda record, source: row_from_record({f: record.get(c) for f, c in rename.items()}, source)

    return read_csv_format(path, stats, make_extract)


def _header_map(header: list[str], columns: dict[str, str], name: str) -> dict[str, str]:
    """neutral field → CSV column: the --columns mapping first, then columns already named like the field."""
    rename = {}
    for field, column in columns.items():
        column = header_name(column)
        if field not in FIELDS:
            raise InputError(f"--columns {field}={column}: {field!r} is not a field (fields: {', '.join(FIELDS)})")
        if column not in header:
            raise InputError(
                f"--columns {field}={column}: the CSV header has no {column!r} column (it has {', '.join(header)})",
                path=name,
                line=1,
            )
        rename[field] = column
    for field in FIELDS:
        if field not in rename and field in header:
            rename[field] = field
    for needed in ("model", "input_tokens"):
        if needed not in rename and not (needed == "input_tokens" and "prompt" in rename):
            raise InputError(
                f"CSV header has no {needed!r} column; map one with --columns {needed}=HEADER "
                f"(headers found: {', '.join(h for h in header if h)[:300]})",
                path=name,
                line=1,
            )
    return rename


def parse_columns(spec: str | None) -> dict[str, str]:
    """`input_tokens=prompt_toks,model=model_name` → {"input_tokens": "prompt_toks", "model": "model_name"}."""
    if not spec:
        return {}
    out = {}
    for part in spec.split(","):
        field, sep, column = part.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise InputError(f"--columns {spec!r}: expected FIELD=HEADER pairs separated by commas")
        if field.strip() not in FIELDS:
            raise InputError(f"--columns: {field.strip()!r} is not a field (fields: {', '.join(FIELDS)})")
        out[field.strip()] = column.strip()
    return out


__all__ = ["read_jsonl", "read_csv", "read_parquet", "row_from_record", "parse_columns"]
