"""OpenAI logs: Chat Completions and Responses API objects, Batch API input and output files.

OpenAI's usage meanings, mapped once here: `prompt_tokens` / `input_tokens` INCLUDE
`cached_tokens` and `cache_write_tokens` (the `…_details` of either API), so uncached input =
prompt − cached − cache writes, cache_read = cached, cache writes are priced at the cache-write rate;
`completion_tokens` / `output_tokens` INCLUDE `reasoning_tokens`, so output = completion and
reasoning is informational. Billed per call: Responses `web_search_call` output items and OpenRouter's
`server_tool_use_details.web_search_requests`. OpenRouter's own charge (`usage.cost`) is kept as
*as billed*. A `/v1/responses/compact` result (`object: "response.compaction"`) is billed but names no
model: it is read as a request on no model, which the report names as unpriced.
Batch output lines that failed are skipped with their error; batch rows are priced at the batch rate.
Batch *input* lines carry text but no counts: their input is counted offline and their output
estimated from the tier's profile.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from costsim.ingest.common import IngestStats
from costsim.ingest.records import Skip, all_text, billed_usd, last_user_text, read_json_format, timestamp, tokens


def usage_row(usage: dict | None) -> dict:
    """OpenAI usage (chat or responses naming) → usage-frame token columns."""
    if not isinstance(usage, dict):
        raise Skip("no usage", "the response carries no usage block", malformed=False)
    if "prompt_tokens" in usage:  # Chat Completions
        prompt = tokens(usage, "prompt_tokens", required=True, where="usage.")
        output = tokens(usage, "completion_tokens", required=True, where="usage.")
        prompt_details, output_details = usage.get("prompt_tokens_details"), usage.get("completion_tokens_details")
    else:  # Responses API
        prompt = tokens(usage, "input_tokens", required=True, where="usage.")
        output = tokens(usage, "output_tokens", required=True, where="usage.")
        prompt_details, output_details = usage.get("input_tokens_details"), usage.get("output_tokens_details")
    cached = tokens(prompt_details, "cached_tokens", where="usage.…_details.")
    written = tokens(prompt_details, "cache_write_tokens", where="usage.…_details.")
    reasoning = tokens(output_details, "reasoning_tokens", where="usage.…_details.")
    if cached + written > prompt:
        raise Skip(
            "bad token count", f"cached_tokens {cached} + cache_write_tokens {written} exceed prompt tokens {prompt}"
        )
    row: dict[str, object] = {
        "input_tokens": prompt - cached - written,
        "cache_read_tokens": cached,
        "cache_write_5m_tokens": written,
        "output_tokens": output,
        "reasoning_tokens": reasoning,
    }
    server = usage.get("server_tool_use_details")  # OpenRouter
    if isinstance(server, dict) and server.get("web_search_requests") not in (None, 0):
        row["web_search_calls"] = tokens(server, "web_search_requests", where="usage.server_tool_use_details.")
    billed = billed_usd(usage.get("cost"), "usage.cost")
    if billed is not None:
        row["billed_usd"] = billed
    return row


COMPACTION = "response.compaction"


def response_row(body: dict, source: str) -> dict:
    """A Chat Completions or Responses API object (or a compaction result) → one frame row."""
    compaction = body.get("object") == COMPACTION
    if not body.get("model") and not compaction:
        raise Skip("missing required field", "model")
    row = {"source": source, "model": str(body["model"]) if body.get("model") else None, **usage_row(body.get("usage"))}
    output = body.get("output")
    if isinstance(output, list):
        searches = sum(1 for item in output if isinstance(item, dict) and item.get("type") == "web_search_call")
        if searches:
            row["web_search_calls"] = row.get("web_search_calls", 0) + searches
    stamp = timestamp(body.get("created", body.get("created_at")), "created")
    if stamp is not None:
        row["timestamp"] = stamp
    if body.get("id"):
        row["id"] = str(body["id"])
    return row


def chat_row(record: dict, source: str) -> dict:
    return response_row(record, source)


def batch_output_row(record: dict, source: str) -> dict:
    """A Batch API output line: {custom_id, response: {status_code, body}, error}."""
    error = record.get("error")
    response = record.get("response")
    if not isinstance(response, dict):
        response = {}
    status = response.get("status_code")
    if error or (status is not None and status != 200):
        detail = error.get("message") or error.get("code") if isinstance(error, dict) else None
        body = response.get("body")
        body_error = body.get("error") if isinstance(body, dict) else None  # {"message": …}, or a bare string
        message = body_error.get("message") if isinstance(body_error, dict) else body_error
        detail = detail or message or f"status {status}"
        raise Skip("batch request failed", str(detail), malformed=False)
    body = response.get("body")
    if not isinstance(body, dict):
        raise Skip("missing required field", "response.body")
    row = response_row(body, source)
    row["batch"] = True
    row["id"] = str(record.get("custom_id") or row.get("id") or "") or None
    return row


def batch_input_row(record: dict, source: str) -> dict:
    """A Batch API input line: the request only, so input is counted offline and output estimated."""
    body = record.get("body")
    if not isinstance(body, dict) or not body.get("model"):
        raise Skip("missing required field", "body.model")
    messages = body.get("messages", body.get("input"))
    text = all_text(messages, body.get("instructions"))
    if not text:
        raise Skip("no text to count", "body.messages / body.input")
    row = {
        "source": source,
        "model": str(body["model"]),
        "count_text": text,
        "batch": True,
        "prompt": last_user_text(messages) if isinstance(messages, list) else str(messages),
    }
    if record.get("custom_id"):
        row["id"] = str(record["custom_id"])
    return row


def read_chat(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    return read_json_format(path, stats, chat_row)


def read_responses(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    return read_json_format(path, stats, response_row)


def read_batch_output(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    return read_json_format(path, stats, batch_output_row)


def read_batch_input(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    return read_json_format(path, stats, batch_input_row)
