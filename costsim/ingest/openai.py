"""OpenAI logs: Chat Completions and Responses API objects, Batch API input and output files.

OpenAI's usage meanings, mapped once here: `prompt_tokens` / `input_tokens` INCLUDE
`cached_tokens`, so uncached input = prompt − cached and cache_read = cached; `completion_tokens` /
`output_tokens` INCLUDE `reasoning_tokens`, so output = completion and reasoning is informational.
Batch output lines that failed are skipped with their error; batch rows are priced at the batch rate.
Batch *input* lines carry text but no counts: their input is counted offline and their output
estimated from the tier's profile.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from costsim.ingest.common import IngestStats
from costsim.ingest.records import Skip, all_text, last_user_text, read_json_format, timestamp, tokens


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
    reasoning = tokens(output_details, "reasoning_tokens", where="usage.…_details.")
    if cached > prompt:
        raise Skip("bad token count", f"cached_tokens {cached} exceeds prompt tokens {prompt}")
    return {"input_tokens": prompt - cached, "cache_read_tokens": cached, "output_tokens": output,
            "reasoning_tokens": reasoning}


def response_row(body: dict, source: str) -> dict:
    """A Chat Completions or Responses API object → one frame row."""
    if not body.get("model"):
        raise Skip("missing required field", "model")
    row = {"source": source, "model": str(body["model"]), **usage_row(body.get("usage"))}
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
    response = record.get("response") if isinstance(record.get("response"), dict) else {}
    status = response.get("status_code")
    if error or (status is not None and status != 200):
        detail = error.get("message") or error.get("code") if isinstance(error, dict) else None
        body = response.get("body") if isinstance(response.get("body"), dict) else {}
        detail = detail or (body.get("error") or {}).get("message") or f"status {status}"
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
    row = {"source": source, "model": str(body["model"]), "count_text": text, "batch": True,
           "prompt": last_user_text(messages) if isinstance(messages, list) else str(messages)}
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
