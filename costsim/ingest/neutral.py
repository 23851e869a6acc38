"""The neutral schema: JSONL (one object per line) or CSV (a header row) with costsim's own field names.

Required: timestamp, model, input_tokens, output_tokens. Optional: id, cache_read_tokens,
cache_write_tokens (5-minute writes), cache_write_5m_tokens, cache_write_1h_tokens, reasoning_tokens
(informational, already inside output_tokens), prompt, tier, session, project, batch, latency_ms,
service_tier (OpenAI flex/priority; default/auto = list price).
`input_tokens` is *uncached* input: cache reads and writes are counted apart from it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

import pandas as pd

from costsim.ingest.common import CHUNK_RECORDS, IngestStats, display_name, open_text, parse_timestamp, rows_to_frame, token_count

REQUIRED = ("timestamp", "model", "input_tokens", "output_tokens")
OPTIONAL_TOKENS = ("cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "reasoning_tokens")
OPTIONAL_TEXT = ("id", "prompt", "session", "project", "service_tier")
FIELDS = (*REQUIRED, *OPTIONAL_TOKENS, "cache_write_tokens", *OPTIONAL_TEXT, "tier", "batch", "latency_ms")


def row_from_record(record: dict, stats: IngestStats, path: str, line: int) -> dict | None:
    """Validate one neutral record into a frame row; None (and counted as skipped) when it is unusable."""
    if not isinstance(record, dict):
        stats.skip("not a JSON object", path=path, line=line)
        return None
    missing = [k for k in REQUIRED if record.get(k) in (None, "")]
    if missing:
        stats.skip("missing required field", missing[0], path=path, line=line)
        return None
    row = {"source": f"{path}:{line}", "model": str(record["model"])}
    stamp = parse_timestamp(record["timestamp"])
    if stamp is None:
        stats.skip("bad timestamp", repr(record["timestamp"]), path=path, line=line)
        return None
    row["timestamp"] = stamp
    for key in ("input_tokens", "output_tokens", *OPTIONAL_TOKENS, "cache_write_tokens"):
        if record.get(key) in (None, "") and key not in REQUIRED:
            continue
        count = token_count(record.get(key))
        if count is None:
            stats.skip("bad token count", f"{key} must be a whole number >= 0, got {record.get(key)!r}", path=path, line=line)
            return None
        target = "cache_write_5m_tokens" if key == "cache_write_tokens" else key
        row[target] = row.get(target, 0) + count
    tier = record.get("tier")
    if tier not in (None, ""):
        if str(tier).strip() not in {"1", "2", "3"}:
            stats.skip("bad tier", f"tier must be 1, 2 or 3, got {tier!r}", path=path, line=line)
            return None
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
            stats.skip("bad latency", f"latency_ms must be a number, got {record['latency_ms']!r}", path=path, line=line)
            return None
    return row


def _chunks(records: Iterator[tuple[int, dict | None, str | None]], stats: IngestStats, path: str) -> Iterator[pd.DataFrame]:
    rows = []
    for line, record, error in records:
        stats.records_read += 1
        if error is not None:
            stats.skip("malformed JSON", error, path=path, line=line)
            continue
        row = row_from_record(record, stats, path, line)
        if row is None or stats.is_duplicate(row.get("id")):
            continue
        rows.append(row)
        if len(rows) >= CHUNK_RECORDS:
            yield rows_to_frame(rows)
            rows = []
    if rows:
        yield rows_to_frame(rows)


def read_jsonl(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    name = display_name(path)
    with open_text(path) as stream:
        yield from _chunks(_json_lines(stream), stats, name)


def _json_lines(stream) -> Iterator[tuple[int, dict | None, str | None]]:
    for line_no, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            yield line_no, json.loads(line), None
        except json.JSONDecodeError as exc:
            yield line_no, None, exc.msg


def read_csv(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    name = display_name(path)
    with open_text(path) as stream:
        reader = csv.DictReader(stream)
        header = reader.fieldnames or []
        missing = [k for k in REQUIRED if k not in header]
        if missing:
            from costsim.errors import InputError
            raise InputError(f"CSV header has no {missing[0]!r} column (neutral schema needs {', '.join(REQUIRED)})",
                             path=name, line=1)
        # the header is line 1, so record n is on line n + 1 (for files without quoted newlines)
        yield from _chunks(((reader.line_num, rec, None) for rec in reader), stats, name)
