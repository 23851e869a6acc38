"""OpenTelemetry GenAI traces: OTLP/JSON as the Collector's file exporter writes it.

One `{"resourceSpans": [...]}` object a line (`.jsonl`, `.json`, `.gz`). Every span is a record. A
span with `gen_ai.usage.*` attributes is a model call, read by the GenAI semantic conventions:

- model: `gen_ai.response.model` (what answered) over `gen_ai.request.model`, prefixed with the
  provider (`gen_ai.provider.name`, or the older `gen_ai.system`) as `provider/model`;
- time: the span's start; id: trace id + span id (a span exported twice is a duplicate);
- tokens: `gen_ai.usage.input_tokens` INCLUDES `gen_ai.usage.cache_read.input_tokens` and
  `gen_ai.usage.cache_creation.input_tokens`, so uncached input = input − reads − writes, and writes
  are 5-minute writes (the conventions do not say which lifetime); `gen_ai.usage.output_tokens`
  includes `gen_ai.usage.reasoning.output_tokens`. The older names still written by instrumentations
  (`gen_ai.usage.prompt_tokens`, `…completion_tokens`, `…cache_read_input_tokens`,
  `…cache_creation_input_tokens`) mean the same;
- prompt: the last user message of `gen_ai.input.messages` (on the span or its
  `gen_ai.client.inference.operation.details` event), of the older `gen_ai.content.prompt` /
  `gen_ai.user.message` events, or of OpenLLMetry's `gen_ai.prompt.N.role/content` attributes.
  Without content capture there is none, and the tier comes from the token counts.

Agent and workflow spans (`invoke_agent`, chains) repeat the usage of the model calls under them: a
usage span with a usage span below it in the same trace and file is skipped, so each call counts once.
Spans without usage (HTTP calls, tools, workflows) are skipped as "not a model call".
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone

import pandas as pd

from costsim.errors import load_json
from costsim.ingest.common import CHUNK_RECORDS, IngestStats
from costsim.ingest.records import Skip, finish_rows, json_records, message_text, tokens

USAGE = "gen_ai.usage."
# (current name, older names) for each count
INPUT = ("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens")
OUTPUT = ("gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens")
CACHE_READ = ("gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens")
CACHE_WRITE = ("gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens")
REASONING = ("gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens")
NOT_A_CALL = "not a model call (no gen_ai.usage.* attributes)"
AGGREGATE = "agent or workflow span (repeats the usage of the model calls under it)"


def read_otlp(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    """Usage-frame chunks from an OTLP/JSON traces file. The whole file is read before the first chunk:
    an agent span can come before or after the calls under it."""
    name = stats.display(path)
    calls: list[tuple[tuple, int, dict]] = []  # (trace id, span id), line, row
    parents: dict[tuple, str] = {}  # (trace id, span id) -> parent span id, for every span
    for line, document, error in json_records(path, name):
        if error is not None or not isinstance(document, dict) or not isinstance(document.get("resourceSpans"), list):
            stats.records_read += 1
            stats.skip("malformed JSON" if error else "not an OTLP traces object", error or "no resourceSpans list",
                       path=name, line=line)
            continue
        for span, project in _spans(document):
            stats.records_read += 1
            try:
                key, parent, row = _call(span, project, f"{name}:{line}")
            except Skip as skip:
                stats.skip(skip.reason, skip.detail, path=name, line=line, malformed=skip.malformed)
                continue
            if parent:
                parents[key] = parent
            if row is None:
                stats.skip(NOT_A_CALL, path=name, line=line, malformed=False)
            else:
                calls.append((key, line, row))
    repeated = _ancestors({key for key, _, _ in calls}, parents)
    rows = []
    for key, line, row in calls:
        if key in repeated:
            stats.skip(AGGREGATE, path=name, line=line, malformed=False)
            continue
        rows.append(row)
        stats.no_prompt_text += "prompt" not in row
        if len(rows) >= CHUNK_RECORDS:
            yield finish_rows(rows, stats)
            rows = []
    if rows:
        yield finish_rows(rows, stats)


def _spans(document: dict) -> Iterator[tuple[object, str | None]]:
    """Every span of one OTLP object, with its resource's `service.name` (the row's project)."""
    for resource_spans in document["resourceSpans"]:
        if not isinstance(resource_spans, dict):
            yield None, None
            continue
        resource = resource_spans.get("resource")
        service = attributes(resource.get("attributes") if isinstance(resource, dict) else None).get("service.name")
        scopes = resource_spans.get("scopeSpans") or []
        if not isinstance(scopes, list):  # `true`, `1.5`, "x": not spans, and named as such
            yield None, None
            continue
        for scope_spans in scopes:
            spans = scope_spans.get("spans") if isinstance(scope_spans, dict) else None
            for span in spans if isinstance(spans, list) else [None]:
                yield span, str(service) if service else None


def _call(span, project: str | None, source: str) -> tuple[tuple, str, dict | None]:
    """(trace id, span id), parent span id and the model call's row (None for a span without usage)."""
    if not isinstance(span, dict) or not span.get("spanId"):
        raise Skip("not an OTLP span", "a span object with a spanId")
    key = (str(span.get("traceId", "")), str(span["spanId"]))
    parent = str(span.get("parentSpanId") or "")
    attrs = attributes(span.get("attributes"))
    if not any(k.startswith(USAGE) for k in attrs):
        return key, parent, None
    model = attrs.get("gen_ai.response.model") or attrs.get("gen_ai.request.model")
    if not model:
        raise Skip("missing required field", "gen_ai.response.model / gen_ai.request.model")
    provider = attrs.get("gen_ai.provider.name") or attrs.get("gen_ai.system")
    model = str(model)
    row = {"source": source, "id": f"{key[0]}:{key[1]}",
           "model": f"{str(provider).lower()}/{model}" if provider and "/" not in model else model,
           **usage_row(attrs)}
    start, end = (
        _nanos(span.get("startTimeUnixNano"), "startTimeUnixNano"),
        _nanos(span.get("endTimeUnixNano"), "endTimeUnixNano"),
    )
    if start:
        row["timestamp"] = datetime.fromtimestamp(start / 1e9, tz=timezone.utc)
        if end and end >= start:
            row["latency_ms"] = (end - start) / 1e6
    session = attrs.get("gen_ai.conversation.id") or attrs.get("session.id")
    if session:
        row["session"] = str(session)
    if project:
        row["project"] = project
    text = prompt_text(attrs, span.get("events"))
    if text:
        row["prompt"] = text
    return key, parent, row


def usage_row(attrs: dict) -> dict:
    """GenAI usage attributes → usage-frame token columns (input counts include cache reads and writes)."""

    def count(names: tuple[str, ...], required: bool = False):
        for attr in names:
            if attr in attrs:
                return tokens(attrs, attr)
        if required:
            raise Skip("missing token count", names[0])
        return None

    prompt = count(INPUT, required=True)
    cache_read, cache_write = count(CACHE_READ) or 0, count(CACHE_WRITE) or 0
    if cache_read + cache_write > prompt:
        raise Skip(
            "bad token count",
            f"cache read {cache_read} + cache creation {cache_write} exceed {INPUT[0]} "
            f"{prompt} (the conventions count them inside it)",
        )
    output = count(OUTPUT)
    if output is None and attrs.get("gen_ai.operation.name") == "embeddings":
        output = 0  # an embedding has no output; for any other call a missing count is estimated
    return {
        "input_tokens": prompt - cache_read - cache_write,
        "cache_read_tokens": cache_read,
        "cache_write_5m_tokens": cache_write,
        "output_tokens": output,
        "reasoning_tokens": count(REASONING) or 0,
    }


def _nanos(value, field: str) -> int | None:
    if value in (None, "", 0, "0"):
        return None
    try:
        nanos = int(value)
    except (TypeError, ValueError):
        nanos = -1
    if not 0 < nanos < 2**63:  # OTLP's fixed64; beyond it no clock has been
        raise Skip("bad timestamp", f"{field} {value!r}")
    return nanos


def _ancestors(keys: set[tuple], parents: dict[tuple, str]) -> set[tuple]:
    """The keys that have another key below them (following parent links within each trace)."""
    above: set[tuple] = set()
    for trace, span in keys:
        seen = set()
        parent = parents.get((trace, span))
        while parent and (trace, parent) not in seen:
            seen.add((trace, parent))
            if (trace, parent) in keys:
                above.add((trace, parent))
            parent = parents.get((trace, parent))
    return above


# ---- OTLP attribute values and message text ------------------------------------------------------


def attributes(items) -> dict:
    """An OTLP attribute list [{key, value: {stringValue|intValue|…}}] → {key: Python value}."""
    out = {}
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("key"), str):
            out[item["key"]] = any_value(item.get("value"))
    return out


def any_value(value):
    """One OTLP AnyValue → str, int (intValue is a string in OTLP/JSON), float, bool, list or dict."""
    if not isinstance(value, dict):
        return None
    if "stringValue" in value:
        return value["stringValue"]
    if "intValue" in value:
        raw = value["intValue"]
        return int(raw) if isinstance(raw, int) or (isinstance(raw, str) and raw.lstrip("-").isdigit()) else raw
    if "arrayValue" in value:
        return [any_value(v) for v in (value["arrayValue"] or {}).get("values", []) or []]
    if "kvlistValue" in value:
        return attributes((value["kvlistValue"] or {}).get("values"))
    for kind in ("doubleValue", "boolValue", "bytesValue"):
        if kind in value:
            return value[kind]
    return None


def prompt_text(attrs: dict, events) -> str:
    """The last user message's text, from wherever the instrumentation put it ("" when nowhere)."""
    text = user_text(attrs.get("gen_ai.input.messages"))
    for event in events if isinstance(events, list) and not text else []:
        if not isinstance(event, dict):
            continue
        found = attributes(event.get("attributes"))
        kind = event.get("name")
        if kind == "gen_ai.client.inference.operation.details":
            text = user_text(found.get("gen_ai.input.messages")) or text
        elif kind == "gen_ai.content.prompt":
            text = user_text(found.get("gen_ai.prompt")) or text
        elif kind == "gen_ai.user.message":
            text = message_text(_json(found.get("content"))) or text
    return text or _indexed_prompt(attrs) or user_text(attrs.get("gen_ai.prompt"))


def user_text(messages) -> str:
    """The last user turn of a message list (a JSON string or a list): `parts` (the conventions' schema)
    or `content` (OpenAI's); a plain string is the prompt itself."""
    messages = _json(messages)
    if isinstance(messages, str):
        return messages
    for message in reversed(messages) if isinstance(messages, list) else []:
        if isinstance(message, dict) and message.get("role") == "user":
            return message_text(message["parts"] if "parts" in message else message.get("content"))
    return ""


def _indexed_prompt(attrs: dict) -> str:
    """OpenLLMetry's flattened prompt: gen_ai.prompt.N.role / gen_ai.prompt.N.content, last user turn."""
    last = ""
    for n in range(sum(1 for k in attrs if k.startswith("gen_ai.prompt.") and k.endswith(".role"))):
        if attrs.get(f"gen_ai.prompt.{n}.role") == "user":
            last = message_text(_json(attrs.get(f"gen_ai.prompt.{n}.content"))) or last
    return last


def _json(value):
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return load_json(value)
        except json.JSONDecodeError:
            return value
    return value


__all__ = ["read_otlp", "usage_row", "prompt_text", "attributes"]
