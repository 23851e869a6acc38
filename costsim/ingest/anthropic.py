"""Anthropic Messages API responses (and Message Batches results lines).

Anthropic's usage meanings, mapped once here: `input_tokens` EXCLUDES cache reads and writes, so it
is the uncached input as is; `cache_read_input_tokens` are cache reads; cache writes are split into
5-minute and 1-hour writes by `cache_creation.ephemeral_5m_input_tokens` / `ephemeral_1h_input_tokens`
where the log has them, else `cache_creation_input_tokens` are all 5-minute writes (the API's default).

`usage.iterations` (server-side compaction, advisor steps): when present, the request is billed for
every iteration and the top-level counts are only the `message` iterations of the request's own model.
So the row takes the sum of the iterations on its own model (no `model`, or the same one: messages and
compaction), and each iteration on another model (an advisor step) becomes a billed call of its own at
that model's rates. `usage.server_tool_use` counts web searches and web fetches, billed per call.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from costsim.errors import shown
from costsim.ingest.common import IngestStats
from costsim.ingest.records import Skip, read_json_format, timestamp, tokens

TOKEN_KEYS = ("input_tokens", "output_tokens", "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens")
SERVER_CALLS = {"web_search_requests": "web_search_calls", "web_fetch_requests": "web_fetch_calls"}


def usage_row(usage: dict | None, model: str | None = None) -> dict:
    """Anthropic usage → usage-frame token and call columns, iterations on the request's own model
    included; iterations on other models are left in `steps` ([(model, columns)], see `message_row`)."""
    if not isinstance(usage, dict):
        raise Skip("no usage", "the message carries no usage block", malformed=False)
    iterations = usage.get("iterations")
    if iterations is None or iterations == []:  # Claude Code 2.1 writes an empty list: the top level is the bill
        row = _counts(usage, "usage.")
    else:
        if not isinstance(iterations, list) or not all(isinstance(i, dict) for i in iterations):
            raise Skip("bad token count", f"usage.iterations must be a list of objects, got {shown(iterations)}")
        row = {key: 0 for key in TOKEN_KEYS}
        steps = []
        for n, step in enumerate(iterations):
            counts = _counts(step, f"usage.iterations[{n}].")
            other = step.get("model")
            if other not in (None, "", model):
                steps.append((str(other), counts))
                continue
            for key in TOKEN_KEYS:
                row[key] += counts[key]
        if steps:
            row["steps"] = steps
    server = usage.get("server_tool_use")
    if isinstance(server, dict):
        for key, column in SERVER_CALLS.items():
            calls = tokens(server, key, where="usage.server_tool_use.")
            if calls:
                row[column] = calls
    return row


def _counts(usage: dict, where: str) -> dict:
    row = {"input_tokens": tokens(usage, "input_tokens", required=True, where=where),
           "output_tokens": tokens(usage, "output_tokens", required=True, where=where),
           "cache_read_tokens": tokens(usage, "cache_read_input_tokens", where=where), "cache_write_1h_tokens": 0}
    split = usage.get("cache_creation")
    if isinstance(split, dict) and ("ephemeral_5m_input_tokens" in split or "ephemeral_1h_input_tokens" in split):
        row["cache_write_5m_tokens"] = tokens(split, "ephemeral_5m_input_tokens", where=where + "cache_creation.")
        row["cache_write_1h_tokens"] = tokens(split, "ephemeral_1h_input_tokens", where=where + "cache_creation.")
    else:
        row["cache_write_5m_tokens"] = tokens(usage, "cache_creation_input_tokens", where=where)
    return row


def message_row(record: dict, source: str) -> dict | list[dict]:
    """A Messages API response, or a Message Batches result line {custom_id, result: {type, message}};
    with advisor steps on other models, a list: the request's row, then one row per step."""
    batch = False
    if "result" in record and "custom_id" in record:
        result = record["result"] if isinstance(record["result"], dict) else {}
        if result.get("type") != "succeeded":
            error = (result.get("error") or {}).get("error", result.get("error")) or {}
            detail = error.get("message") if isinstance(error, dict) else None
            raise Skip("batch request failed", str(detail or result.get("type")), malformed=False)
        record, batch = result.get("message") or {}, True
    if not isinstance(record, dict) or not record.get("model"):
        raise Skip("missing required field", "model")
    row = {"source": source, "model": str(record["model"]), **usage_row(record.get("usage"), str(record["model"]))}
    if record.get("id"):
        row["id"] = str(record["id"])
    stamp = timestamp(record.get("timestamp", record.get("created_at")), "timestamp")
    if stamp is not None:
        row["timestamp"] = stamp
    if batch:
        row["batch"] = True
    steps = row.pop("steps", ())
    if not steps:
        return row
    extra = [{**{k: v for k, v in row.items() if k in ("source", "timestamp", "batch")}, "model": model, **counts,
              **({"id": f"{row['id']}:step{n}"} if "id" in row else {})}
             for n, (model, counts) in enumerate(steps, start=1)]
    return [row, *extra]


def read_messages(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    return read_json_format(path, stats, message_row)
