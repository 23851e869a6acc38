"""Each log format's sample read to hand-computed totals, plus detection, dedup, views and bad input."""

from __future__ import annotations

import gzip
import hashlib
import json
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from costsim.cli.app import app
from costsim.ingest import IngestStats, read_logs
from costsim.ingest.common import SeenIds, id_hash_sql
from costsim.ingest.detect import sniff

LOGS = Path(__file__).resolve().parent.parent / "samples" / "logs"
EXPORTS = LOGS.parent / "exports"
runner = CliRunner()


def run_json(*args: str) -> dict:
    result = runner.invoke(app, ["estimate", *args, "--as-of", "2026-05-14", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def tokens_and_accounting(*args: str) -> tuple[dict, dict]:
    data = run_json(*args)
    return data["tokens"], data["accounting"]


def test_every_format_the_command_line_names_has_its_reader():
    from costsim.ingest import FORMATS
    from costsim.ingest.detect import READERS

    assert tuple(READERS) == FORMATS


def test_neutral_sample():
    tokens, acc = tokens_and_accounting(str(LOGS / "neutral.jsonl"))
    assert (acc["records_read"], acc["priced"], acc["duplicates"]) == (4, 3, 1)  # r2 appears twice
    assert tokens["input"] == 1200 + 2000 + 500
    assert tokens["cache_read"] == 8000
    assert tokens["output"] == 300 + 900 + 100
    assert tokens["reasoning"] == 40


def test_claude_code_folder_dedups_and_keeps_final_usage():
    tokens, acc = tokens_and_accounting(str(LOGS / "claude-code"))
    # 7 lines in sess-a, 2 in its subagent file, 3 in sess-b
    assert acc["records_read"] == 7 + 2 + 3
    assert acc["priced"] == 4  # msg_1, msg_2, msg_3 (subagent), msg_4
    # msg_1's first snapshot (merged into its final line) and msg_2 again in the resumed sess-b
    assert acc["duplicates"] == 1 + 1
    assert acc["skipped"] == {"not a request (user, system or summary line)": 3 + 1 + 1, "no usage": 1}
    assert tokens["input"] == 10 + 4 + 800 + 20
    assert tokens["output"] == 250 + 120 + 60 + 700  # msg_1 keeps its final count (250), not 5
    assert tokens["cache_read"] == 0 + 3000 + 0 + 5000
    assert tokens["cache_write_5m"] == 3000 + 1000  # msg_1's split, msg_4's unsplit cache_creation_input_tokens
    assert tokens["cache_write_1h"] == 200


def test_claude_code_project_session_and_prompt():
    stats = IngestStats()
    frame = next(read_logs([str(LOGS / "claude-code")], stats))
    by_line = frame.set_index(frame["source"].str.rsplit("/", n=1).str[-1])  # a message keeps its first line
    assert by_line.loc["sess-a.jsonl:3", "project"] == "-home-dev-shop"  # msg_1
    assert by_line.loc["agent-1.jsonl:2", "session"] == "sess-a"  # msg_3: a subagent file belongs to its session
    assert by_line.loc["sess-a.jsonl:3", "prompt"] == "Implement the refund endpoint in api/refunds.py"
    assert by_line.loc["sess-a.jsonl:6", "prompt"] == "Implement the refund endpoint in api/refunds.py"  # msg_2
    assert by_line.loc["sess-b.jsonl:3", "prompt"] == "Debug the flaky refund test"  # msg_4
    assert by_line.loc["sess-a.jsonl:3", "output_tokens"] == 250  # the final snapshot's count


def test_openai_chat_subtracts_cached_and_keeps_reasoning_inside_output():
    tokens, acc = tokens_and_accounting(str(LOGS / "openai-chat.jsonl"))
    assert acc["priced"] == 2
    assert tokens["input"] == (1500 - 1024) + (3000 - 0)
    assert tokens["cache_read"] == 1024
    assert tokens["output"] == 400 + 2500  # completion_tokens already include the 2,000 reasoning tokens
    assert tokens["reasoning"] == 2000


def test_openai_responses_pretty_printed_document():
    tokens, acc = tokens_and_accounting(str(LOGS / "openai-responses.json"))
    assert acc["priced"] == 1
    assert (tokens["input"], tokens["cache_read"]) == (5000 - 4096, 4096)
    assert (tokens["output"], tokens["reasoning"]) == (1800, 1500)


def test_openai_batch_output_skips_failed_lines_and_prices_at_batch_rate():
    data = run_json(str(LOGS / "openai-batch-output.jsonl"))
    tokens, acc = data["tokens"], data["accounting"]
    assert acc["records_read"] == 3 and acc["priced"] == 2
    assert acc["skipped"] == {"batch request failed": 1}
    assert tokens["input"] == 700 + (900 - 512)
    assert tokens["cache_read"] == 512
    assert tokens["output"] == 150 + 210
    as_logged = next(s for s in data["strategies"] if s["key"] == "as_logged")
    # gpt-4o-mini: $0.15 input, $0.075 cache read, $0.60 output per Mtok; batch halves input and output,
    # but OpenAI's batch table gives cached input no further discount (batch_discount_excludes: [cache_read])
    batched = Decimal(1088) * Decimal("0.15") / 2 + Decimal(512) * Decimal("0.075") + Decimal(360) * Decimal("0.6") / 2
    assert Decimal(as_logged["cost_usd"]) == batched / 10**6


def test_openai_batch_output_failed_line_with_a_text_error_body_is_skipped(tmp_path):
    log = tmp_path / "batch.jsonl"  # a proxy's 500 with {"error": "<text>"} for a body crashed the reader
    log.write_text((LOGS / "openai-batch-output.jsonl").read_text(encoding="utf-8") + json.dumps(
        {"id": "batch_req_4", "custom_id": "task-4", "response": {"status_code": 500, "body": {"error": "overloaded"}},
         "error": None}) + "\n", encoding="utf-8")
    acc = run_json(str(log))["accounting"]
    assert acc["records_read"] == 4 and acc["priced"] == 2
    assert acc["skipped"] == {"batch request failed": 2}


def test_openai_batch_input_counts_offline_and_estimates_output():
    from costsim import tokens as tok

    data = run_json(str(LOGS / "openai-batch-input.jsonl"))
    first = tok.count_tokens("You are terse.\nRename foo to bar in utils.py", "gpt-4o")
    second = tok.count_tokens("Implement a retry decorator with exponential backoff.", "claude-haiku-4-5")
    assert data["tokens"]["input"] == first + second
    assert data["tokens"]["output"] == 1000 + 1000  # each tier's profile output in the bundled policy
    assert data["estimated_output_requests"] == 2
    assert data["counted_input_requests"] == 2
    assert data["approximate_count_models"] == {"claude-haiku-4-5": 1}
    assert any("approximations" in note for note in data["notes"])


def test_anthropic_messages_split_cache_writes():
    data = run_json(str(LOGS / "anthropic-messages.jsonl"))
    tokens = data["tokens"]
    assert tokens["input"] == 50 + 1200  # input_tokens exclude cache reads and writes
    assert tokens["cache_read"] == 20000
    assert tokens["cache_write_5m"] == 1000 + 500  # msg_a1's split; msg_a2 has only the total (5-minute)
    assert tokens["cache_write_1h"] == 2000
    assert tokens["output"] == 800 + 300
    sonnet = next(m for s in data["strategies"] if s["key"] == "as_logged" for m in s["models_detail"]
                  if m["model"] == "claude-sonnet-4-5")
    # claude-sonnet-4-5: $3 input, $15 output, $0.30 cache read, $3.75 5m write, $6 1h write
    assert Decimal(sonnet["cost_usd"]) == Decimal(50 * 3 + 800 * 15) / 10**6 + (
        Decimal(20000) * Decimal("0.3") + Decimal(1000) * Decimal("3.75") + Decimal(2000) * 6) / 10**6


def test_litellm_spend_logs():
    tokens, acc = tokens_and_accounting(str(LOGS / "litellm-spend-logs.json"))
    assert acc["skipped"] == {"LiteLLM cache hit (no provider call)": 1}
    assert tokens["input"] == (1000 - 600) + (5000 - 3000 - 1000)
    assert tokens["cache_read"] == 600 + 3000
    assert tokens["cache_write_5m"] == 1000
    assert tokens["output"] == 300 + 700


def test_openrouter_activity_csv():
    tokens, acc = tokens_and_accounting(str(LOGS / "openrouter-activity.csv"))
    assert acc["priced"] == 2
    assert tokens["input"] == (4000 - 1000) + 6000
    assert tokens["cache_read"] == 1000
    assert tokens["output"] == 500 + 1500
    assert tokens["reasoning"] == 1200


def test_generic_csv_needs_columns_then_reads():
    result = runner.invoke(app, ["estimate", str(EXPORTS / "generic.csv"), "--as-of", "2026-05-14"])
    assert result.exit_code == 2
    assert "no known log format" in result.output and "--columns" in result.output and "--log-format" in result.output
    tokens, acc = tokens_and_accounting(
        str(EXPORTS / "generic.csv"),
        "--columns", "input_tokens=prompt_toks,output_tokens=completion_toks,model=model_name,timestamp=created")
    assert acc["priced"] == 2
    assert (tokens["input"], tokens["output"]) == (1000 + 3000, 200 + 800)


@pytest.mark.parametrize("name, expected", [
    ("neutral.jsonl", "neutral-jsonl"), ("openai-chat.jsonl", "openai-chat"),
    ("openai-responses.json", "openai-responses"), ("openai-batch-output.jsonl", "openai-batch-output"),
    ("openai-batch-input.jsonl", "openai-batch-input"), ("anthropic-messages.jsonl", "anthropic"),
    ("litellm-spend-logs.json", "litellm"), ("openrouter-activity.csv", "openrouter-csv"),
    ("claude-code/projects/-home-dev-shop/sess-a.jsonl", "claude-code"), ("../exports/generic.csv", None),
])
def test_sniff(name, expected):
    assert sniff(str(LOGS / name), name) == expected


def test_sniff_past_the_first_bytes(tmp_path):
    """The first 8 KB decide most files; a first line longer than that, or a list of records first, is
    still sniffed from the first 64 KB as before."""
    from costsim.ingest.detect import FIRST_BYTES

    claude = {"type": "user", "sessionId": "s", "uuid": "u", "message": {"role": "user", "content": "x" * FIRST_BYTES}}
    long_first = tmp_path / "long.jsonl"
    long_first.write_text(json.dumps(claude) + "\n")
    assert sniff(str(long_first), "long.jsonl") == "claude-code"
    listed = tmp_path / "listed.jsonl"  # a list's records come before the next line's
    listed.write_text(json.dumps([{"resourceSpans": []}]) + "\n" + json.dumps({"model": "m", "input_tokens": 1}) + "\n")
    assert sniff(str(listed), "listed.jsonl") == "otel"
    cut = tmp_path / "cut.jsonl"  # only whole lines are read in the first 8 KB: the cut one is not a bad line
    cut.write_text(json.dumps({"note": "y" * FIRST_BYTES}) + "\n" + json.dumps({"model": "m", "prompt": "p"}) + "\n")
    assert sniff(str(cut), "cut.jsonl") == "neutral-jsonl"


def test_the_sample_logs_folder_reads_in_one_go():
    # every file in samples/logs is in a known format, so `costsim estimate samples/logs` just works
    result = runner.invoke(app, ["estimate", str(LOGS), "--as-of", "2026-05-14", "--format", "json"])
    assert result.exit_code == 0, result.output


def test_gzip_stdin_and_several_inputs(tmp_path):
    packed = tmp_path / "chat.jsonl.gz"
    packed.write_bytes(gzip.compress((LOGS / "openai-chat.jsonl").read_bytes()))
    tokens, acc = tokens_and_accounting(str(packed), str(LOGS / "anthropic-messages.jsonl"))
    assert acc["priced"] == 2 + 2
    assert tokens["output"] == (400 + 2500) + (800 + 300)
    result = runner.invoke(app, ["estimate", "-", "--as-of", "2026-05-14", "-f", "json"],
                           input=(LOGS / "anthropic-messages.jsonl").read_text())
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["accounting"]["files"] == ["<stdin>"]


def test_truncated_gzip_names_the_file(tmp_path):
    packed = tmp_path / "cut.jsonl.gz"
    packed.write_bytes(gzip.compress((LOGS / "neutral.jsonl").read_bytes() * 50)[:-30])
    result = runner.invoke(app, ["estimate", str(packed), "--as-of", "2026-05-14"])
    assert result.exit_code == 2
    assert "cut.jsonl.gz" in result.output and "truncated" in result.output


def test_malformed_line_is_named_counted_and_strict_stops(tmp_path):
    log = tmp_path / "bad.jsonl"
    lines = (LOGS / "neutral.jsonl").read_text().splitlines()
    log.write_text("\n".join([lines[0], '{"model": "gpt-4o", "input_tokens": 5', lines[3]]) + "\n")
    result = runner.invoke(app, ["estimate", str(log), "--as-of", "2026-05-14", "-f", "json"])
    assert result.exit_code == 2
    assert f"{log}:2" in result.stderr
    assert json.loads(result.stdout)["accounting"]["skipped"] == {"malformed JSON": 1}
    strict = runner.invoke(app, ["estimate", str(log), "--as-of", "2026-05-14", "--strict"])
    assert strict.exit_code == 2 and f"{log}:2" in strict.output


def test_unknown_model_is_named_and_strict_fails(tmp_path):
    log = tmp_path / "unknown.jsonl"
    log.write_text(json.dumps({"model": "mystery-9", "input_tokens": 10, "output_tokens": 5,
                               "timestamp": "2026-05-01T00:00:00Z"}) + "\n")
    alone = runner.invoke(app, ["estimate", str(log), "--as-of", "2026-05-14"])  # nothing else to price: no $0 report
    assert alone.exit_code == 2 and "no record could be priced" in alone.output and "'mystery-9'" in alone.output
    log.write_text(log.read_text() + json.dumps({"model": "gpt-4o", "input_tokens": 10, "output_tokens": 5,
                                                 "timestamp": "2026-05-01T00:00:00Z"}) + "\n")
    data = run_json(str(log))
    assert data["unknown_models"] == {"mystery-9": 1}
    strict = runner.invoke(app, ["estimate", str(log), "--as-of", "2026-05-14", "--strict"])
    assert strict.exit_code == 2 and "mystery-9" in strict.output


def test_since_until_skip_outside_records():
    tokens, acc = tokens_and_accounting(str(LOGS / "neutral.jsonl"), "--since", "2026-05-02", "--until", "2026-05-02")
    assert acc["priced"] == 1  # only r2 (2026-05-02); r1 is a day early, r3 a week late
    assert acc["skipped"] == {"outside --since/--until": 2}
    assert acc["duplicates"] == 1
    assert tokens["input"] == 2000


def test_a_window_does_not_call_a_record_without_a_timestamp_outside_it(tmp_path):
    log = tmp_path / "mixed.jsonl"
    log.write_text("".join(json.dumps({"id": f"r{i}", "model": "gpt-4o", "input_tokens": 10, "output_tokens": 5,
                                       **({"timestamp": stamp} if stamp else {})}) + "\n"
                           for i, stamp in enumerate(["2026-05-02T10:00:00Z", "2026-04-01T10:00:00Z", None, None])))
    tokens, acc = tokens_and_accounting(str(log), "--since", "2026-05-01")
    assert acc["priced"] == 1 and tokens["input"] == 10  # r0 alone: 1 record x 10 input tokens
    assert acc["skipped"] == {"outside --since/--until": 1, "no timestamp to place in --since/--until": 2}


@pytest.mark.parametrize("by, keys", [
    ("day", ["2026-05-01", "2026-05-02", "2026-05-08"]),
    ("week", ["2026-04-27", "2026-05-04"]),  # weeks named by their Monday
    ("month", ["2026-05"]),
    ("project", ["api", "shop"]),
    ("model", ["claude-sonnet-4-5", "deepseek-v4-flash", "gpt-5-nano"]),
])
def test_breakdowns(by, keys):
    data = run_json(str(LOGS / "neutral.jsonl"), "--by", by)
    rows = data["breakdown"]["rows"]
    assert [r["key"] for r in rows] == keys
    assert sum(r["requests"] for r in rows) == 3
    smart_total = next(s for s in data["strategies"] if s["key"] == "smart")["cost_usd"]
    assert sum(Decimal(r["cost_usd"]["smart"]) for r in rows) == Decimal(smart_total)


def test_breakdown_table_renders():
    result = runner.invoke(app, ["estimate", str(LOGS / "neutral.jsonl"), "--as-of", "2026-05-14", "--by", "session"])
    assert result.exit_code == 0, result.output
    assert "By session" in result.stdout and "s1" in result.stdout


def test_bad_by_value():
    result = runner.invoke(app, ["estimate", str(LOGS / "neutral.jsonl"), "--by", "year"])
    assert result.exit_code == 2 and "--by" in result.output


def test_repeated_ids_are_duplicates_across_chunks():
    import pandas as pd

    def ids(*values):
        return pd.DataFrame({"id": pd.Series(values, dtype="string")})

    stats = IngestStats()
    first = stats.drop_duplicates(ids("a", "b", "a", None))
    assert first.tolist() == [True, True, False, True]
    assert stats.drop_duplicates(ids("b", "c")).tolist() == [False, True]
    assert stats.drop_duplicates(ids("c", "d", "d")).tolist() == [False, True, False]
    assert stats.duplicates == 1 + 1 + 2
    assert stats.conflicting_duplicates == 0  # no usage to differ


def test_an_id_hashes_alike_as_text_bytes_arrow_and_in_a_duckdb_query():
    """The engine hashes ids inside its query; every other reader hashes them in Python: one function."""
    import duckdb
    import pyarrow as pa

    ids = ["msg_01:req_1", "msg_é:req_2", "msg_01:req_1", "",
           "msg_39_1962:req_msg_39_1962", "msg_398_962:req_msg_398_962"]  # these two share one DuckDB `hash`
    as_text = SeenIds.hashes(ids)
    assert as_text.dtype == np.uint64 and len(set(as_text.tolist())) == 5
    assert as_text[0] == as_text[2]
    md5 = [int.from_bytes(hashlib.md5(i.encode()).digest()[8:], "little") for i in ids]  # the hash, restated
    assert as_text.tolist() == md5
    assert np.array_equal(SeenIds.hashes([i.encode() for i in ids]), as_text)
    assert np.array_equal(SeenIds.hashes(pa.array(ids)), as_text)
    assert np.array_equal(SeenIds.hashes(np.array(ids, dtype=object)), as_text)
    queried = duckdb.sql(f"SELECT {id_hash_sql('i')} FROM unnest($ids) AS t(i)", params={"ids": ids}).fetchall()
    assert [h for (h,) in queried] == as_text.tolist()
    assert len(SeenIds.hashes([])) == 0


def test_fast_and_careful_neutral_paths_agree(tmp_path):
    """A block with one doubtful record goes record by record; the totals must not change."""
    good = [{"id": f"x{i}", "timestamp": "2026-05-01T00:00:00Z", "model": "gpt-4o", "input_tokens": i,
             "output_tokens": 2 * i} for i in range(1, 101)]
    fast = tmp_path / "fast.jsonl"
    fast.write_text("".join(json.dumps(r) + "\n" for r in good))
    careful = tmp_path / "careful.jsonl"
    careful.write_text("".join(json.dumps(r) + "\n" for r in good) + json.dumps(
        {"model": "gpt-4o", "input_tokens": "7", "output_tokens": 1, "tier": 2}) + "\n")
    fast_tokens, _ = tokens_and_accounting(str(fast))
    careful_tokens, _ = tokens_and_accounting(str(careful))
    assert fast_tokens["input"] == sum(range(1, 101))
    assert careful_tokens["input"] == sum(range(1, 101)) + 7
    assert careful_tokens["output"] == 2 * sum(range(1, 101)) + 1


def test_token_factor_corrects_offline_counts(tmp_path):
    from costsim import tokens as tok

    overlay = tmp_path / "haiku.yaml"
    overlay.write_text("provider: anthropic\nmodels:\n  - id: claude-haiku-4-5\n    token_factor: 1.5\n"
                       "    prices:\n      - from: 2025-10-01\n        usd_per_mtok: {input: 1, output: 5}\n")
    log = tmp_path / "prompts.jsonl"
    text = "Implement a retry decorator with exponential backoff."
    log.write_text(json.dumps({"model": "claude-haiku-4-5", "prompt": text, "output_tokens": 10}) + "\n")
    data = run_json(str(log), "--pricing", str(overlay))
    assert data["tokens"]["input"] == round(tok.count_tokens(text, "claude-haiku-4-5") * Decimal("1.5"))
    assert data["estimated_output_requests"] == 0


def test_claude_code_line_in_another_layout_reads_the_same(tmp_path):
    """Key order other than Claude Code's usual one goes through json.loads, with the same meaning."""
    folder = tmp_path / "projects" / "proj"
    folder.mkdir(parents=True)
    line = {"type": "assistant", "timestamp": "2026-05-01T10:00:00Z", "requestId": "r9",
            "message": {"usage": {"output_tokens": 7, "input_tokens": 3, "cache_read_input_tokens": 11},
                        "model": "claude-haiku-4-5", "id": "m9", "role": "assistant"}, "sessionId": "s"}
    (folder / "s.jsonl").write_text(json.dumps(line) + "\n" + json.dumps(line) + "\n")
    tokens, acc = tokens_and_accounting(str(tmp_path / "projects"))
    assert (acc["priced"], acc["duplicates"]) == (1, 1)
    assert (tokens["input"], tokens["cache_read"], tokens["output"]) == (3, 11, 7)


def test_neutral_pretty_printed_array(tmp_path):
    records = [json.loads(line) for line in (LOGS / "neutral.jsonl").read_text().splitlines()]
    doc = tmp_path / "neutral.json"
    doc.write_text(json.dumps(records, indent=2))
    tokens, acc = tokens_and_accounting(str(doc))
    assert (acc["records_read"], acc["priced"], acc["duplicates"]) == (4, 3, 1)
    assert tokens["input"] == 1200 + 2000 + 500


def test_claude_code_truncated_line_is_named(tmp_path):
    folder = tmp_path / "projects" / "proj"
    folder.mkdir(parents=True)
    good = (LOGS / "claude-code" / "projects" / "-home-dev-shop" / "sess-b.jsonl").read_text()
    (folder / "s.jsonl").write_text(good + good.splitlines()[2][:80] + "\n")  # a write cut short
    result = runner.invoke(app, ["estimate", str(tmp_path / "projects"), "--as-of", "2026-05-14", "-f", "json"])
    assert result.exit_code == 2
    assert f"{folder / 's.jsonl'}:4" in result.stderr
    data = json.loads(result.stdout)
    assert data["accounting"]["skipped"]["malformed JSON"] == 1
    assert data["tokens"]["output"] == 120 + 700


def test_claude_code_lines_read_in_place_keep_the_careful_readers_meaning(tmp_path):
    """Usual-layout lines (read in place) next to lines the careful reader takes: an escaped prompt, a
    meta prompt, a CRLF line, a blank line, a <synthetic> placeholder and a far-away snapshot of msg_a."""
    folder = tmp_path / "projects" / "proj"
    folder.mkdir(parents=True)

    def user(content, **extra):
        return json.dumps({"parentUuid": None, "cwd": "/c:\\dev", "type": "user", **extra,
                          "message": {"role": "user", "content": content}, "uuid": "u",
                          "timestamp": "2026-05-01T10:00:00.000Z"}, separators=(",", ":"))

    def assistant(mid, output, model="claude-haiku-4-5"):
        return json.dumps({"parentUuid": "p", "message": {
            "id": mid, "type": "message", "role": "assistant", "model": model,
            "content": [{"type": "text", "text": 'say "usage" {}'}], "stop_reason": None,
            "usage": {"input_tokens": 3, "cache_creation_input_tokens": 100, "cache_read_input_tokens": 7,
                      "output_tokens": output, "service_tier": "standard"}},
            "requestId": f"r_{mid}", "type": "assistant", "uuid": "a",
            "timestamp": "2026-05-01T10:00:01.000Z"}, separators=(",", ":"))

    lines = [user("Refactor \"billing\"\n now"), assistant("msg_a", 5), user("not a prompt", isMeta=True),
             assistant("msg_b", 40) + "\r", "", assistant("x", 0, model="<synthetic>"),
             *[assistant(f"m{i}", 1) for i in range(600)], assistant("msg_a", 90)]
    (folder / "s.jsonl").write_text("\n".join(lines) + "\n")
    stats = IngestStats()
    frame = pd.concat(list(read_logs([str(tmp_path / "projects")], stats)))
    # 606 non-blank lines: 2 user lines, 1 placeholder; msg_a's later snapshot merges into its first line
    assert (stats.records_read, stats.duplicates) == (len(lines) - 1, 1)
    assert stats.skipped == {"not a request (user, system or summary line)": 2, "no usage": 1}
    by_line = frame.set_index(frame["source"].str.rsplit(":", n=1).str[-1])
    assert by_line.loc["2", "output_tokens"] == 90  # msg_a's final snapshot, 600 messages later
    assert by_line.loc["2", "prompt"] == 'Refactor "billing"\n now'
    assert by_line.loc["4", "prompt"] == 'Refactor "billing"\n now'  # the meta line sets no prompt
    assert (by_line.loc["4", "input_tokens"], by_line.loc["4", "cache_write_5m_tokens"]) == (3, 100)
    assert int(frame["output_tokens"].sum()) == 90 + 40 + 600 * 1


@pytest.mark.parametrize("engine", [(), ("--engine", "dask")])
def test_a_web_address_is_refused_as_costsim_works_offline(cli, engine):
    """An http(s) or ftp address is not object storage: costsim downloads nothing, and says what it reads."""
    for url in ("http://example.com/usage.jsonl", "HTTPS://example.com/logs/", "ftp://example.com/x.csv"):
        result = cli("estimate", url, *engine)
        assert result.exit_code == 2, result.output
        assert result.stderr.strip() == (
            f"error: {url}: costsim does not download logs (it works offline): download the file and name it, "
            "or name a folder, a database URL, or object storage (s3://, gs://, az://) with --engine dask"
        )


def test_a_datetime_or_date_value_is_a_utc_instant():
    """A Parquet column's values reach `parse_timestamp` as datetimes and dates (naive ones are UTC)."""
    from datetime import date, datetime, timedelta, timezone

    from costsim.ingest.common import parse_timestamp

    paris = timezone(timedelta(hours=2))
    assert parse_timestamp(datetime(2026, 5, 1, 12, tzinfo=paris)) == datetime(2026, 5, 1, 10, tzinfo=timezone.utc)
    assert parse_timestamp(datetime(2026, 5, 1, 12, tzinfo=paris)).tzinfo == timezone.utc
    assert parse_timestamp(datetime(2026, 5, 1, 12)) == datetime(2026, 5, 1, 12, tzinfo=timezone.utc)
    assert parse_timestamp(date(2026, 5, 1)) == datetime(2026, 5, 1, tzinfo=timezone.utc)
    assert parse_timestamp(datetime(1, 1, 1)) is None  # before the span a frame holds
