"""OpenTelemetry GenAI traces (OTLP/JSON, one resourceSpans object a line): one test per rule."""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from costsim.ingest import IngestStats, read_logs
from costsim.ingest.detect import sniff

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "logs" / "otel-genai-traces.jsonl"
TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"


def attr(key, value):
    kind = "intValue" if isinstance(value, int) else "stringValue"
    return {"key": key, "value": {kind: str(value) if kind == "intValue" else value}}


def span(span_id, attrs: dict, parent="", start="1777885923120000000", end="1777885924905000000", events=()):
    return {"traceId": TRACE, "spanId": span_id, "parentSpanId": parent, "name": "chat", "kind": 3,
            "startTimeUnixNano": start, "endTimeUnixNano": end,
            "attributes": [attr(k, v) for k, v in attrs.items()], "events": list(events)}


def line(*spans, service="svc") -> dict:
    return {"resourceSpans": [{"resource": {"attributes": [attr("service.name", service)]},
                               "scopeSpans": [{"scope": {"name": "test"}, "spans": list(spans)}]}]}


def write(tmp_path, *lines, name="traces.jsonl") -> str:
    path = tmp_path / name
    path.write_text("".join(json.dumps(doc) + "\n" for doc in lines))
    return str(path)


def frame(path: str, stats: IngestStats | None = None):
    import pandas as pd

    stats = stats or IngestStats()
    chunks = list(read_logs([path], stats))
    return (pd.concat(chunks) if chunks else None), stats


CHAT = {"gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o-mini",
        "gen_ai.usage.input_tokens": 100, "gen_ai.usage.output_tokens": 20}


def report(cli, *args):
    result = cli("estimate", *args, "--as-of", "2026-05-14", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_sample_reads_to_hand_computed_totals(cli):
    data = report(cli, str(SAMPLE))
    tokens, acc = data["tokens"], data["accounting"]
    assert (acc["records_read"], acc["priced"]) == (8, 4)
    assert acc["skipped"] == {"agent or workflow span (repeats the usage of the model calls under it)": 1,
                              "not a model call (no gen_ai.usage.* attributes)": 3}  # a tool, a workflow, an HTTP span
    assert tokens["input"] == (1520 - 1024) + (6200 - 4000) + (6900 - 4000 - 0) + (2300 - 1800)
    assert tokens["cache_read"] == 1024 + 4000 + 1800
    assert tokens["cache_write_5m"] == 4000
    assert tokens["output"] == 212 + 350 + 820 + 410
    as_logged = next(s for s in data["strategies"] if s["key"] == "as_logged")
    # gpt-4o-mini $0.15 / $0.075 cache read / $0.60; claude-sonnet-4-5 $3 / $0.30 / $3.75 5m write / $15;
    # claude-haiku-4-5 $1 / $0.10 / $5
    assert Decimal(as_logged["cost_usd"]) == (
        Decimal(496) * Decimal("0.15") + Decimal(1024) * Decimal("0.075") + Decimal(212) * Decimal("0.6")
        + Decimal(2200) * 3 + Decimal(4000) * Decimal("3.75") + Decimal(350) * 15
        + Decimal(2900) * 3 + Decimal(4000) * Decimal("0.3") + Decimal(820) * 15
        + Decimal(500) * 1 + Decimal(1800) * Decimal("0.1") + Decimal(410) * 5) / 10**6


def test_detected_from_content_and_forced_by_name(tmp_path, cli):
    assert sniff(str(SAMPLE), SAMPLE.name) == "otel"
    renamed = tmp_path / "spans.json"
    renamed.write_bytes(SAMPLE.read_bytes())
    forced = report(cli, str(renamed), "--log-format", "otel")
    assert forced["accounting"]["priced"] == 4


def test_gzip(tmp_path, cli):
    packed = tmp_path / "traces.jsonl.gz"
    packed.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    assert report(cli, str(packed))["tokens"] == report(cli, str(SAMPLE))["tokens"]


def test_a_span_with_usage_is_a_model_call_and_others_are_accounted(tmp_path):
    path = write(tmp_path, line(span("a1", CHAT), span("a2", {"http.request.method": "POST"})))
    df, stats = frame(path)
    assert df["id"].tolist() == [f"{TRACE}:a1"]
    assert stats.skipped == {"not a model call (no gen_ai.usage.* attributes)": 1}


def test_response_model_over_request_model_with_the_provider(tmp_path):
    new = {**CHAT, "gen_ai.response.model": "gpt-4o-mini-2024-07-18"}
    old = {k: v for k, v in CHAT.items() if k != "gen_ai.provider.name"} | {"gen_ai.system": "OpenAI"}
    df, _ = frame(write(tmp_path, line(span("a1", new), span("a2", old))))
    assert df["model"].tolist() == ["openai/gpt-4o-mini-2024-07-18", "openai/gpt-4o-mini"]


def test_time_from_the_span_start(tmp_path):
    df, _ = frame(write(tmp_path, line(span("a1", CHAT, start="1777885923120000000", end="1777885924905000000"))))
    assert df["timestamp"].iloc[0] == datetime.fromtimestamp(1777885923.12, tz=timezone.utc)
    assert df["latency_ms"].iloc[0] == (1777885924905000000 - 1777885923120000000) / 1e6


def test_input_includes_cache_reads_and_writes_mapped_once(tmp_path):
    attrs = {**CHAT, "gen_ai.usage.input_tokens": 1000, "gen_ai.usage.cache_read.input_tokens": 600,
             "gen_ai.usage.cache_creation.input_tokens": 300, "gen_ai.usage.output_tokens": 90,
             "gen_ai.usage.reasoning.output_tokens": 40}
    df, _ = frame(write(tmp_path, line(span("a1", attrs))))
    row = df.iloc[0]
    assert (row["input_tokens"], row["cache_read_tokens"], row["cache_write_5m_tokens"]) == (1000 - 600 - 300, 600, 300)
    assert (row["output_tokens"], row["reasoning_tokens"]) == (90, 40)  # reasoning inside output, not added


def test_cache_counts_above_the_input_are_a_bad_record(tmp_path):
    attrs = {**CHAT, "gen_ai.usage.input_tokens": 100, "gen_ai.usage.cache_read.input_tokens": 900}
    _, stats = frame(write(tmp_path, line(span("a1", attrs), span("a2", CHAT))))
    assert stats.skipped == {"bad token count": 1} and stats.malformed == 1
    assert "exceed gen_ai.usage.input_tokens" in stats.problems[0]


def test_older_attribute_names(tmp_path):
    attrs = {"gen_ai.system": "Anthropic", "gen_ai.request.model": "claude-haiku-4-5",
             "gen_ai.usage.prompt_tokens": 2300, "gen_ai.usage.cache_read_input_tokens": 1800,
             "gen_ai.usage.cache_creation_input_tokens": 200, "gen_ai.usage.completion_tokens": 410}
    df, _ = frame(write(tmp_path, line(span("a1", attrs))))
    row = df.iloc[0]
    assert (row["input_tokens"], row["cache_read_tokens"], row["cache_write_5m_tokens"], row["output_tokens"]) == (
        2300 - 1800 - 200, 1800, 200, 410)


def test_agent_spans_repeating_their_calls_count_once(tmp_path):
    agent = {"gen_ai.operation.name": "invoke_agent", "gen_ai.request.model": "gpt-4o-mini",
             "gen_ai.usage.input_tokens": 300, "gen_ai.usage.output_tokens": 50}
    chain = {**agent, "gen_ai.operation.name": "chain"}
    call = {**CHAT, "gen_ai.usage.input_tokens": 150, "gen_ai.usage.output_tokens": 25}
    tool = {"gen_ai.operation.name": "execute_tool"}
    # agent → chain → tool → call, and agent → call; the agent comes in a later line than its calls
    path = write(tmp_path, line(span("c1", chain, parent="ag"), span("t1", tool, parent="c1"),
                                span("m1", call, parent="t1"), span("m2", call, parent="ag")),
                 line(span("ag", agent)))
    df, stats = frame(path)
    assert sorted(df["id"].str.split(":").str[1]) == ["m1", "m2"]
    assert df["input_tokens"].sum() == 150 + 150
    assert stats.skipped["agent or workflow span (repeats the usage of the model calls under it)"] == 2


def test_an_agent_span_with_no_calls_under_it_is_the_call(tmp_path):
    agent = {"gen_ai.operation.name": "invoke_agent", "gen_ai.provider.name": "openai",
             "gen_ai.request.model": "gpt-4o-mini", "gen_ai.usage.input_tokens": 300, "gen_ai.usage.output_tokens": 50}
    tool = span("t1", {"gen_ai.operation.name": "execute_tool"}, parent="ag")
    df, _ = frame(write(tmp_path, line(span("ag", agent), tool)))
    assert df["input_tokens"].tolist() == [300]


def messages(text: str) -> str:
    return json.dumps(
        [
            {"role": "system", "parts": [{"type": "text", "content": "Be brief."}]},
            {"role": "user", "parts": [{"type": "text", "content": text}]},
        ]
    )


def event(name: str, attrs: dict) -> dict:
    return {"timeUnixNano": "1777885923130000000", "name": name, "attributes": [attr(k, v) for k, v in attrs.items()]}


def test_prompt_text_from_attributes_and_events(tmp_path):
    openai_style = json.dumps([{"role": "user", "content": "from the content prompt event"}])
    spans = [
        span("s1", {**CHAT, "gen_ai.input.messages": messages("from the span attribute")}),
        span(
            "s2",
            CHAT,
            events=[
                event(
                    "gen_ai.client.inference.operation.details",
                    {"gen_ai.input.messages": messages("from the details event")},
                )
            ],
        ),
        span("s3", CHAT, events=[event("gen_ai.content.prompt", {"gen_ai.prompt": openai_style})]),
        span("s4", CHAT, events=[event("gen_ai.user.message", {"content": "from the user message event"})]),
        span(
            "s5",
            {
                **CHAT,
                "gen_ai.prompt.0.role": "system",
                "gen_ai.prompt.0.content": "Be brief.",
                "gen_ai.prompt.1.role": "user",
                "gen_ai.prompt.1.content": "from indexed attributes",
            },
        ),
        span("s6", CHAT),
    ]
    df, stats = frame(write(tmp_path, line(*spans)))
    assert df["prompt"].tolist()[:5] == [
        "from the span attribute",
        "from the details event",
        "from the content prompt event",
        "from the user message event",
        "from indexed attributes",
    ]
    assert df["prompt"].isna().tolist() == [False] * 5 + [True]
    assert stats.no_prompt_text == 1


def test_without_prompt_text_the_report_says_the_tier_came_from_token_counts(cli, tmp_path):
    data = report(
        cli, write(tmp_path, line(span("a1", CHAT), span("a2", CHAT | {"gen_ai.input.messages": messages("Rename x")})))
    )
    assert any(
        note.startswith("1 request(s) carried no prompt text") and "token count" in note for note in data["notes"]
    )


def test_session_and_project(tmp_path):
    df, _ = frame(
        write(tmp_path, line(span("a1", {**CHAT, "gen_ai.conversation.id": "conv_1"}), service="support-bot"))
    )
    assert (df["session"].iloc[0], df["project"].iloc[0]) == ("conv_1", "support-bot")


def test_a_span_exported_twice_is_a_duplicate(tmp_path):
    _, stats = frame(write(tmp_path, line(span("a1", CHAT)), line(span("a1", CHAT))))
    assert stats.duplicates == 1


@pytest.mark.parametrize(
    "bad, reason",
    [
        ("{not json", "malformed JSON"),
        (json.dumps({"resourceSpans": {"oops": 1}}), "not an OTLP traces object"),
        (json.dumps(line(span("a9", {**CHAT, "gen_ai.usage.input_tokens": "many"}))), "bad token count"),
        (json.dumps(line(span("a9", {"gen_ai.usage.input_tokens": 5}))), "missing required field"),
        (json.dumps(line(span("a9", CHAT, start="99999999999999999999999"))), "bad timestamp"),
        (json.dumps(line(span("a9", CHAT, start="yesterday"))), "bad timestamp"),
        (json.dumps({"resourceSpans": [{"scopeSpans": True}]}), "not an OTLP span"),  # was an internal error
        (json.dumps({"resourceSpans": [{"scopeSpans": 1.5}]}), "not an OTLP span"),
    ],
)
def test_bad_lines_are_named_counted_and_fail_the_run(cli, tmp_path, bad, reason):
    path = tmp_path / "traces.jsonl"
    path.write_text(json.dumps(line(span("a1", CHAT))) + "\n" + bad + "\n")
    result = cli("estimate", str(path), "--as-of", "2026-05-14", "--format", "json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["accounting"]["skipped"] == {reason: 1}
    assert f"traces.jsonl:2: {reason}" in result.stderr


def test_detected_when_the_first_line_is_longer_than_the_sniffed_head(tmp_path):
    long_prompt = "Explain this stack trace. " * 4000  # ~100 KB: a captured conversation
    path = write(tmp_path, line(span("a1", {**CHAT, "gen_ai.input.messages": messages(long_prompt)})))
    assert sniff(path, "traces.jsonl") == "otel"
