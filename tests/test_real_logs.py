"""costsim's readers against real public logs (tests/fixtures/real/, see SOURCE.md there), each checked
against totals counted by `count.py`, a short script that shares no code with costsim, and for the
Claude Code tree against ccusage 20.0.24's own daily report of the same tree."""

from __future__ import annotations

import importlib.util
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from costsim.ingest import IngestStats, read_logs

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
TREE = REAL / "claude-code" / "projects"
SESSION = TREE / "-home-marco-projects-spotter-worktrees-spotter-dov"
MAIN = SESSION / "4d5611e5-241a-462a-8d15-5122611a9569.jsonl"
AGENT = SESSION / "4d5611e5-241a-462a-8d15-5122611a9569" / "subagents" / "agent-a2898e3.jsonl"
FIELDS = ("input", "cache_read", "cache_write_5m", "cache_write_1h", "output")


def _counter():
    spec = importlib.util.spec_from_file_location("real_count", REAL / "count.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(*inputs: str, log_format: str | None = None) -> tuple[pd.DataFrame, IngestStats]:
    stats = IngestStats()
    chunks = list(read_logs([str(i) for i in inputs], stats, log_format))
    return (pd.concat(chunks, ignore_index=True) if chunks else pd.DataFrame()), stats


def _by_day(frame: pd.DataFrame) -> dict[str, dict]:
    day = frame["timestamp"].dt.strftime("%Y-%m-%d")
    out = {}
    for key, rows in frame.groupby(day):
        out[key] = {"requests": len(rows), **{f: int(rows[f"{f}_tokens"].sum()) for f in FIELDS}}
    return out


def test_claude_code_tree_equals_the_independent_count_day_by_day():
    frame, stats = _read(TREE)
    expected = _counter().claude_code(str(TREE))
    assert _by_day(frame) == expected
    assert stats.records_read == len(frame) + sum(stats.skipped.values()) + stats.duplicates


def test_claude_code_tree_equals_ccusage_day_by_day():
    frame, _ = _read(TREE)
    ours = _by_day(frame)
    ccusage = json.loads((REAL / "claude-code.ccusage-daily.json").read_text())["daily"]
    assert sorted(ours) == [d["period"] for d in ccusage]
    for d in ccusage:
        mine = ours[d["period"]]
        assert (mine["input"], mine["cache_read"], mine["cache_write_5m"] + mine["cache_write_1h"], mine["output"]) == \
            (d["inputTokens"], d["cacheReadTokens"], d["cacheCreationTokens"], d["outputTokens"])


def test_sidecars_are_neither_logs_nor_records_and_the_tree_exits_0(cli):
    result = cli("estimate", str(TREE), "--classifier", "keywords")
    assert result.exit_code == 0, result.output
    assert "Claude Code sidecar files passed over (not logs): 2" in result.stdout
    _, stats = _read(TREE)
    assert stats.sidecars == 2
    assert not any(name.endswith((".meta.json", "sessions-index.json")) for name in stats.files)


def test_a_sidecar_named_on_the_command_line_is_still_an_error(cli):
    result = cli("estimate", str(SESSION / "sessions-index.json"))
    assert result.exit_code == 2
    assert "no known log format" in result.stderr


def test_snapshot_only_and_summary_only_files_are_claude_code_files_without_requests():
    for name in ("b1f0c2aa-snapshot-only.jsonl", "c3d9e8f1-summary-only.jsonl"):
        frame, stats = _read(SESSION / name)
        assert len(frame) == 0 and stats.records_read == sum(stats.skipped.values()) and stats.malformed == 0


def _progress_lines() -> list[str]:
    return [line for line in MAIN.read_text().splitlines() if '"agent_progress"' in line and '"usage"' in line]


def test_a_subagent_message_seen_only_in_a_progress_line_is_counted(tmp_path):
    lines = _progress_lines()
    session = tmp_path / "projects" / "p" / "s.jsonl"
    session.parent.mkdir(parents=True)
    session.write_text(lines[0] + "\n")
    inner = json.loads(lines[0])["data"]["message"]
    usage = inner["message"]["usage"]
    frame, stats = _read(tmp_path / "projects")
    assert len(frame) == 1 and stats.records_read == 1
    assert frame["model"][0] == inner["message"]["model"]
    assert int(frame["input_tokens"][0]) == usage["input_tokens"]
    assert int(frame["cache_write_5m_tokens"][0]) == usage["cache_creation"]["ephemeral_5m_input_tokens"]
    assert int(frame["output_tokens"][0]) == usage["output_tokens"]


def test_a_message_in_progress_lines_and_its_subagent_file_counts_once_with_its_final_usage(tmp_path):
    """The progress copies carry streaming snapshots; the subagent file carries the final output count."""
    project = tmp_path / "projects" / "p"
    (project / "s" / "subagents").mkdir(parents=True)
    shutil.copy(MAIN, project / "s.jsonl")
    shutil.copy(AGENT, project / "s" / "subagents" / AGENT.name)
    frame, stats = _read(tmp_path / "projects")
    expected = _counter().claude_code(str(tmp_path / "projects"))
    assert _by_day(frame) == expected
    finals = {}
    for path in (MAIN, AGENT):
        for raw in path.read_text().splitlines():
            line = json.loads(raw)
            line = line["data"]["message"] if line["type"] == "progress" and "message" in line.get("data", {}) else line
            if line.get("type") == "assistant":
                key = (line["message"]["id"], line["requestId"])
                finals[key] = max(finals.get(key, 0), line["message"]["usage"]["output_tokens"])
    assert len(frame) == len(finals)
    assert int(frame["output_tokens"].sum()) == sum(finals.values())


def test_a_file_in_no_known_format_inside_a_folder_is_named_and_skipped(cli, tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir()
    shutil.copy(REAL / "claude-code" / "projects" / "-home-marco-projects-spotter" / "short.jsonl", folder / "a.jsonl")
    (folder / "notes.json").write_text('{"title": "not a log"}\n')
    result = cli("estimate", str(folder), "--classifier", "keywords")
    assert result.exit_code == 0, result.output
    assert "Files not read: 1" in result.stdout and "notes.json: no known log format" in result.stdout
    alone = cli("estimate", str(folder / "notes.json"))
    assert alone.exit_code == 2 and "no known log format" in alone.stderr


def test_copies_with_equal_output_keep_the_earliest_as_ccusage_does(tmp_path):
    """Three copies of one message across midnight: output 5, 5, then 2. ccusage 20.0.24 reports one
    request on 2026-02-11 with 5 output tokens (checked by hand on this very file)."""
    line = {"parentUuid": None, "sessionId": "s", "type": "assistant", "requestId": "req_1",
            "message": {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5-20250929",
                        "content": [{"type": "text", "text": "hi"}],
                        "usage": {"input_tokens": 10, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0,
                                  "output_tokens": 5}}}
    copies = []
    for uuid, stamp, output in (("u1", "2026-02-11T23:59:59.000Z", 5), ("u2", "2026-02-12T00:00:01.000Z", 5),
                                ("u3", "2026-02-12T00:00:02.000Z", 2)):
        copy = json.loads(json.dumps(line))
        copy.update(uuid=uuid, timestamp=stamp)
        copy["message"]["usage"]["output_tokens"] = output
        copies.append(json.dumps(copy, separators=(",", ":")))
    path = tmp_path / "projects" / "p" / "s.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(copies) + "\n")
    frame, stats = _read(tmp_path / "projects")
    assert _by_day(frame) == {"2026-02-11": {"requests": 1, "input": 10, "cache_read": 0, "cache_write_5m": 0,
                                             "cache_write_1h": 0, "output": 5}}
    assert stats.duplicates == 2
    assert _counter().claude_code(str(tmp_path / "projects")) == _by_day(frame)


# ---- every billed item: real recorded API responses (pydantic-ai's test cassettes, see SOURCE.md) ----

def _by_model(frame: pd.DataFrame) -> dict:
    out = {}
    models = frame["model"].astype("object").where(frame["model"].notna(), None)
    for model, rows in frame.groupby(models, dropna=False, sort=False):
        out[None if pd.isna(model) else model] = {
            "calls": len(rows), **{f: int(rows[f"{f}_tokens"].sum()) for f in FIELDS},
            "web_search": int(rows["web_search_calls"].sum()), "web_fetch": int(rows["web_fetch_calls"].sum())}
    return out


def _without_billed(counted: dict) -> dict:
    return {model: {k: v for k, v in entry.items() if k != "billed"} for model, entry in counted.items()}


@pytest.mark.parametrize("name, kind", [("anthropic-messages.jsonl", "anthropic"), ("openai-chat.jsonl", "openai"),
                                        ("openai-responses.jsonl", "openai"), ("openrouter-chat.jsonl", "openai")])
def test_recorded_responses_equal_the_independent_count(name, kind):
    frame, stats = _read(REAL / name)
    assert _by_model(frame) == _without_billed(getattr(_counter(), kind)(str(REAL / name)))
    assert stats.malformed == 0
    assert stats.records_read == len(frame) + sum(stats.skipped.values()) + stats.duplicates


def test_compaction_and_advisor_iterations_are_billed_each_at_its_models_rates(cli, tmp_path):
    """The compaction body's top-level usage says 229 in / 5 out; its iterations add a compaction step of
    100 in, 55,096 5-minute cache writes and 131 out, billed at the same model's rates."""
    lines = (REAL / "anthropic-messages.jsonl").read_text().splitlines()
    path = tmp_path / "compaction.jsonl"
    path.write_text(lines[0] + "\n")
    result = cli("estimate", str(path), "-f", "json", "--as-of", "2026-05-14", "--classifier", "keywords")
    as_logged = next(s for s in json.loads(result.stdout)["strategies"] if s["key"] == "as_logged")
    # claude-sonnet-4-6: $3 input, $3.75 5-minute cache write, $15 output per million tokens
    assert Decimal(as_logged["cost_usd"]) == (Decimal(229 + 100) * 3 + Decimal(55096) * Decimal("3.75")
                                              + Decimal(5 + 131) * 15) / 10**6
    frame, stats = _read(REAL / "anthropic-messages.jsonl")
    advisor = frame[frame["model"] == "claude-opus-4-8"]  # the advisor step: a call of its own, on its model
    assert (int(advisor["input_tokens"].sum()), int(advisor["output_tokens"].sum())) == (2518, 22)
    assert stats.records_read == len(frame)  # six bodies, one of them billed as two calls


def test_anthropic_web_search_is_priced_per_call(cli, tmp_path):
    lines = (REAL / "anthropic-messages.jsonl").read_text().splitlines()
    search = next(line for line in lines if '"web_search_requests":1' in line)
    path = tmp_path / "search.jsonl"
    path.write_text(search + "\n")
    result = cli("estimate", str(path), "-f", "json", "--as-of", "2026-05-14", "--classifier", "keywords")
    as_logged = next(s for s in json.loads(result.stdout)["strategies"] if s["key"] == "as_logged")
    usage = json.loads(search)["usage"]
    # claude-sonnet-4-0: $3 input, $15 output per million tokens; web search $10 per 1,000 searches
    assert Decimal(as_logged["cost_usd"]) == (
        Decimal(usage["input_tokens"]) * 3 + Decimal(usage["output_tokens"]) * 15
    ) / 10**6 + 1 * Decimal("0.01")


def test_openai_cache_writes_are_cache_writes_and_compaction_results_are_named_unpriced(cli):
    frame, _ = _read(REAL / "openai-responses.jsonl")
    first = frame.iloc[0]  # input_tokens 4,020 of which cache_write_tokens 4,012
    assert (int(first["input_tokens"]), int(first["cache_write_5m_tokens"])) == (4020 - 4012, 4012)
    assert int(frame["model"].isna().sum()) == 2  # the two /v1/responses/compact results name no model
    result = cli("estimate", str(REAL / "openai-responses.jsonl"), "-f", "json", "--classifier", "keywords")
    assert result.exit_code == 0  # gpt-5.6-sol prices (pricing/generated/openai.yaml); the compact results do not
    data = json.loads(result.stdout)
    assert data["unknown_models"] == {"(no model in log)": 2}
    assert data["accounting"]["priced"] == 3


def test_openrouter_charge_is_shown_as_billed_beside_costsims_figure(cli):
    result = cli("estimate", str(REAL / "openrouter-chat.jsonl"), "-f", "json", "--classifier", "keywords")
    data = json.loads(result.stdout)
    bodies = [json.loads(line) for line in (REAL / "openrouter-chat.jsonl").read_text().splitlines()]
    priced = [
        b
        for b in bodies
        if b["model"] in ("openai/gpt-4.1-mini", "deepseek/deepseek-chat", "anthropic/claude-4.5-sonnet-20250929")
    ]  # the permaslug prices now
    block = data["as_billed"]
    assert block["requests"] == len(priced) == 4
    assert Decimal(block["billed_usd"]) == sum(Decimal(str(b["usage"]["cost"])) for b in priced)
    assert Decimal(block["difference_usd"]) == Decimal(block["costsim_usd"]) - Decimal(block["billed_usd"])
    assert data["billing_gaps"]["per_call"]["as_logged/gpt-4.1-mini/web_search"] == 1


def test_litellm_five_minute_and_one_hour_writes_and_spend(cli, tmp_path):
    """A reconstruction (no real public spend-log row with the split was found): the sample row's shape
    with an Anthropic usage object whose cache writes LiteLLM splits in cache_creation_token_details."""
    row = {
        "request_id": "req-1",
        "call_type": "acompletion",
        "spend": 0.0123,
        "prompt_tokens": 5000,
        "completion_tokens": 100,
        "startTime": "2026-05-01T10:00:00Z",
        "model": "claude-sonnet-4-5",
        "cache_hit": "False",
        "metadata": {
            "usage_object": {
                "prompt_tokens": 5000,
                "completion_tokens": 100,
                "cache_read_input_tokens": 1000,
                "cache_creation_input_tokens": 3000,
                "cache_creation_token_details": {"ephemeral_5m_input_tokens": 1000, "ephemeral_1h_input_tokens": 2000},
            }
        },
    }
    path = tmp_path / "spend.json"
    path.write_text(json.dumps([row]))
    frame, _ = _read(path)
    got = frame.iloc[0]
    assert [
        int(got[c]) for c in ("input_tokens", "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens")
    ] == [5000 - 1000 - 3000, 1000, 1000, 2000]
    data = json.loads(
        cli("estimate", str(path), "-f", "json", "--as-of", "2026-05-14", "--classifier", "keywords").stdout
    )
    # claude-sonnet-4-5: $3 input, $0.30 cache read, $3.75 5-minute and $6 1-hour writes, $15 output per Mtok
    ours = (
        Decimal(1000) * 3
        + Decimal(1000) * Decimal("0.3")
        + Decimal(1000) * Decimal("3.75")
        + Decimal(2000) * 6
        + Decimal(100) * 15
    ) / 10**6
    assert Decimal(data["as_billed"]["costsim_usd"]) == ours
    assert Decimal(data["as_billed"]["difference_usd"]) == ours - Decimal("0.0123")


def test_claude_code_web_searches_are_priced_per_call(cli, tmp_path):
    """A real assistant line, its `server_tool_use.web_search_requests` set from 0 to 2 (no public real
    line with a web search was found): two calls at $10 per 1,000 searches, beside the same tokens."""
    line = next(
        x for x in MAIN.read_text().splitlines() if '"type":"assistant"' in x and '"web_search_requests":0' in x
    )
    costs = {}
    for searches in (0, 2):
        folder = tmp_path / str(searches) / "projects" / "p"
        folder.mkdir(parents=True)
        (folder / "s.jsonl").write_text(
            line.replace('"web_search_requests":0', f'"web_search_requests":{searches}') + "\n"
        )
        frame, _ = _read(folder.parent)
        assert int(frame["web_search_calls"].sum()) == searches
        data = json.loads(
            cli(
                "estimate", str(folder.parent), "-f", "json", "--as-of", "2026-05-14", "--classifier", "keywords"
            ).stdout
        )
        costs[searches] = Decimal(next(s for s in data["strategies"] if s["key"] == "as_logged")["cost_usd"])
    assert costs[2] - costs[0] == 2 * Decimal("0.01")
