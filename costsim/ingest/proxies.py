"""Gateway exports: LiteLLM proxy spend logs (JSON/JSONL) and OpenRouter activity CSV exports.

LiteLLM logs in OpenAI's meaning: `prompt_tokens` INCLUDES cached tokens (from the usage object's
`prompt_tokens_details.cached_tokens` or `cache_read_input_tokens`) and, for Anthropic models, cache
writes (`cache_creation_input_tokens`, split 5-minute / 1-hour by `cache_creation_token_details` where
given, else all 5-minute); uncached input is what is left. `completion_tokens` includes reasoning.
`server_tool_use.web_search_requests` are billed per call; `spend` is LiteLLM's own charge, kept as
*as billed*. A `cache_hit` row was answered by LiteLLM's own cache, not a provider: skipped.
`litellm_row` is the one mapping from a spend-log row (a dict, from JSON or the proxy's Postgres
table) to usage-frame fields.

OpenRouter's activity CSV (read by header name): `tokens_prompt` INCLUDES `tokens_cached`;
`tokens_completion` INCLUDES `tokens_reasoning`. The model is `model_permaslug`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pandas as pd

from costsim.errors import InputError, load_json
from costsim.ingest.common import IngestStats
from costsim.ingest.records import (
    Skip,
    billed_usd,
    last_user_text,
    read_csv_format,
    read_json_format,
    timestamp,
    tokens,
)

OPENROUTER_HEADERS = ("generation_id", "created_at", "tokens_prompt", "tokens_completion", "model_permaslug")


def litellm_row(record: dict, source: str) -> dict:
    """One LiteLLM spend-log row (LiteLLM_SpendLogs: JSON export or database row) → usage-frame fields."""
    if str(record.get("cache_hit", "")).lower() == "true":
        raise Skip("LiteLLM cache hit (no provider call)", malformed=False)
    if str(record.get("status") or "").lower() == "failure":
        raise Skip("failed call (status failure)", malformed=False)
    model = record.get("model") or record.get("model_group")
    if not model:
        raise Skip("missing required field", "model")
    metadata = _maybe_json(record.get("metadata")) or {}
    usage = metadata.get("usage_object") if isinstance(metadata, dict) else None
    usage = usage if isinstance(usage, dict) else {}
    prompt = tokens(record, "prompt_tokens", required=True)
    details = usage.get("prompt_tokens_details") if isinstance(usage.get("prompt_tokens_details"), dict) else {}
    cache_read = tokens(details, "cached_tokens") or tokens(usage, "cache_read_input_tokens")
    cache_write = tokens(usage, "cache_creation_input_tokens")
    split = usage.get("cache_creation_token_details")
    if isinstance(split, dict) and ("ephemeral_1h_input_tokens" in split or "ephemeral_5m_input_tokens" in split):
        write_1h = tokens(split, "ephemeral_1h_input_tokens", where="cache_creation_token_details.")
        write_5m = tokens(split, "ephemeral_5m_input_tokens", where="cache_creation_token_details.") \
            if "ephemeral_5m_input_tokens" in split else max(cache_write - write_1h, 0)
        cache_write = max(cache_write, write_5m + write_1h)
    else:
        write_5m, write_1h = cache_write, 0
    if cache_read + cache_write > prompt:
        raise Skip("bad token count", f"cached {cache_read} + cache writes {cache_write} exceed prompt_tokens {prompt}")
    reasoning_details = usage.get("completion_tokens_details")
    row = {
        "source": source,
        "model": str(model),
        "input_tokens": prompt - cache_read - cache_write,
        "cache_read_tokens": cache_read,
        "cache_write_5m_tokens": write_5m,
        "cache_write_1h_tokens": write_1h,
        "output_tokens": tokens(record, "completion_tokens", required=True),
        "reasoning_tokens": tokens(reasoning_details, "reasoning_tokens") if isinstance(reasoning_details, dict) else 0,
    }
    server = usage.get("server_tool_use")
    if isinstance(server, dict) and server.get("web_search_requests") not in (None, 0):
        row["web_search_calls"] = tokens(server, "web_search_requests", where="server_tool_use.")
    billed = billed_usd(record.get("spend"), "spend")
    if billed is not None:
        row["billed_usd"] = billed
    stamp = timestamp(record.get("startTime"), "startTime")
    if stamp is not None:
        row["timestamp"] = stamp
    if record.get("request_id"):
        row["id"] = str(record["request_id"])
    text = last_user_text(_maybe_json(record.get("messages"))) or _request_text(record.get("proxy_server_request"))
    if text:
        row["prompt"] = text
    if isinstance(metadata, dict) and metadata.get("user_api_key_team_alias"):
        row["project"] = str(metadata["user_api_key_team_alias"])
    if record.get("session_id"):
        row["session"] = str(record["session_id"])
    return row


def _request_text(request) -> str:
    """The last user turn of the request body the proxy kept (`proxy_server_request`), if it kept one."""
    request = _maybe_json(request)
    if not isinstance(request, dict):
        return ""
    return last_user_text(request.get("messages")) or last_user_text(request.get("input"))


def _maybe_json(value):
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return load_json(value)
        except json.JSONDecodeError:
            return None
    return value


def read_litellm(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    return read_json_format(path, stats, litellm_row)


def openrouter_row(record: dict, source: str) -> dict:
    if str(record.get("cancelled", "")).lower() == "true" and not record.get("tokens_completion"):
        raise Skip("cancelled before any output", malformed=False)
    if not record.get("model_permaslug"):
        raise Skip("missing required field", "model_permaslug")
    prompt = tokens(record, "tokens_prompt", required=True)
    cached = tokens(record, "tokens_cached")
    if cached > prompt:
        raise Skip("bad token count", f"tokens_cached {cached} exceeds tokens_prompt {prompt}")
    row = {
        "source": source,
        "model": record["model_permaslug"],
        "input_tokens": prompt - cached,
        "cache_read_tokens": cached,
        "output_tokens": tokens(record, "tokens_completion", required=True),
        "reasoning_tokens": tokens(record, "tokens_reasoning"),
    }
    billed = billed_usd(record.get("cost_total"), "cost_total")
    if billed is not None:
        row["billed_usd"] = billed
    stamp = timestamp(record.get("created_at"), "created_at")
    if stamp is not None:
        row["timestamp"] = stamp
    if record.get("generation_id"):
        row["id"] = record["generation_id"]
    if record.get("app_name"):
        row["project"] = record["app_name"]
    return row


def read_openrouter(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    def make_extract(header: list[str], name: str):
        missing = [h for h in OPENROUTER_HEADERS if h not in header]
        if missing:
            raise InputError(f"not an OpenRouter activity export: no {missing[0]!r} column", path=name, line=1)
        return openrouter_row

    return read_csv_format(path, stats, make_extract)
