"""Anthropic Messages API responses (and Message Batches results lines).

Anthropic's usage meanings, mapped once here: `input_tokens` EXCLUDES cache reads and writes, so it
is the uncached input as is; `cache_read_input_tokens` are cache reads; cache writes are split into
5-minute and 1-hour writes by `cache_creation.ephemeral_5m_input_tokens` / `ephemeral_1h_input_tokens`
where the log has them, else `cache_creation_input_tokens` are all 5-minute writes (the API's default).
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from costsim.ingest.common import IngestStats
from costsim.ingest.records import Skip, read_json_format, timestamp, tokens


def usage_row(usage: dict | None) -> dict:
    """Anthropic usage → usage-frame token columns."""
    if not isinstance(usage, dict):
        raise Skip("no usage", "the message carries no usage block", malformed=False)
    row = {"input_tokens": tokens(usage, "input_tokens", required=True, where="usage."),
           "output_tokens": tokens(usage, "output_tokens", required=True, where="usage."),
           "cache_read_tokens": tokens(usage, "cache_read_input_tokens", where="usage.")}
    split = usage.get("cache_creation")
    if isinstance(split, dict) and ("ephemeral_5m_input_tokens" in split or "ephemeral_1h_input_tokens" in split):
        row["cache_write_5m_tokens"] = tokens(split, "ephemeral_5m_input_tokens", where="usage.cache_creation.")
        row["cache_write_1h_tokens"] = tokens(split, "ephemeral_1h_input_tokens", where="usage.cache_creation.")
    else:
        row["cache_write_5m_tokens"] = tokens(usage, "cache_creation_input_tokens", where="usage.")
    return row


def message_row(record: dict, source: str) -> dict:
    """A Messages API response, or a Message Batches result line {custom_id, result: {type, message}}."""
    batch = False
    if "result" in record and "custom_id" in record:
        result = record["result"] if isinstance(record["result"], dict) else {}
        if result.get("type") != "succeeded":
            error = (result.get("error") or {}).get("error", result.get("error")) or {}
            detail = error.get("message") if isinstance(error, dict) else None
            raise Skip("batch request failed", str(detail or result.get("type")), malformed=False)
        record, batch = result.get("message") or {}, True
    if not record.get("model"):
        raise Skip("missing required field", "model")
    row = {"source": source, "model": str(record["model"]), **usage_row(record.get("usage"))}
    if record.get("id"):
        row["id"] = str(record["id"])
    stamp = timestamp(record.get("timestamp", record.get("created_at")), "timestamp")
    if stamp is not None:
        row["timestamp"] = stamp
    if batch:
        row["batch"] = True
    return row


def read_messages(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    return read_json_format(path, stats, message_row)
