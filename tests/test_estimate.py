"""`costsim estimate` on neutral logs: every strategy priced by hand, every record accounted for."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from conftest import DOC_DAY, FLASH, NANO, OPUS, SAMPLES, write_jsonl

D = lambda x: Decimal(str(x))  # noqa: E731


def cost(rates, input_tokens, output_tokens, cache_read=0, cache_read_rate=0, write_5m=0, write_5m_rate=0) -> Decimal:
    return (input_tokens * D(rates[0]) + output_tokens * D(rates[1]) + cache_read * D(cache_read_rate)
            + write_5m * D(write_5m_rate)) / 10**6


def report(cli, *args) -> dict:
    result = cli("estimate", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def by_key(data: dict) -> dict:
    return {s["key"]: s for s in data["strategies"]}


@pytest.fixture
def small_log(tmp_path):
    return write_jsonl(tmp_path / "log.jsonl", [
        {"id": "a", "timestamp": "2026-06-01T10:00:00Z", "model": "claude-opus-4-7", "input_tokens": 1000,
         "output_tokens": 200, "tier": 1},
        {"id": "b", "timestamp": "2026-06-01T11:00:00Z", "model": "claude-opus-4-7", "input_tokens": 3000,
         "cache_read_tokens": 10000, "output_tokens": 800, "tier": 3},
        {"id": "c", "timestamp": "2026-06-01T12:00:00Z", "model": "gpt-5-nano", "input_tokens": 500,
         "output_tokens": 100, "tier": 2},
        {"id": "a", "timestamp": "2026-06-01T10:00:00Z", "model": "claude-opus-4-7", "input_tokens": 1000,
         "output_tokens": 200, "tier": 1},
    ])


def test_every_strategy_by_hand(cli, small_log):
    data = report(cli, str(small_log), "--as-of", DOC_DAY)
    s = by_key(data)
    # Cache reads: Opus $0.50/Mtok, GPT-5 Nano $0.005, DeepSeek V4 Flash $0.0028 (on 2026-05-14).
    as_logged = cost(OPUS, 1000, 200) + cost(OPUS, 3000, 800, 10000, "0.5") + cost(NANO, 500, 100)
    frontier = cost(OPUS, 1000, 200) + cost(OPUS, 3000, 800, 10000, "0.5") + cost(OPUS, 500, 100)
    mid = cost(FLASH, 1000, 200) + cost(FLASH, 3000, 800, 10000, "0.0028") + cost(FLASH, 500, 100)
    smart = cost(NANO, 1000, 200) + cost(OPUS, 3000, 800, 10000, "0.5") + cost(FLASH, 500, 100)
    assert Decimal(s["as_logged"]["cost_usd"]) == as_logged
    assert Decimal(s["all_frontier"]["cost_usd"]) == frontier
    assert Decimal(s["all_mid"]["cost_usd"]) == mid
    assert Decimal(s["smart"]["cost_usd"]) == smart
    assert Decimal(s["smart"]["savings_vs_all_frontier_pct"]) == (frontier - smart) * 100 / frontier


def test_accounting_and_token_totals(cli, small_log):
    data = report(cli, str(small_log), "--as-of", DOC_DAY)
    a = data["accounting"]
    assert (a["records_read"], a["priced"], a["skipped_total"], a["duplicates"]) == (4, 3, 0, 1)
    assert data["tokens"] == {"input": 1000 + 3000 + 500, "cache_read": 10000, "cache_write_5m": 0,
                              "cache_write_1h": 0, "output": 200 + 800 + 100, "reasoning": 0}


def test_each_request_at_its_own_days_price(cli, tmp_path):
    # DeepSeek V4 Flash changed price after 2026-05-14: a June and a November request differ.
    log = write_jsonl(
        tmp_path / "log.jsonl",
        [
            {
                "timestamp": "2026-06-01T00:00:00Z",
                "model": "deepseek-v4-flash",
                "input_tokens": 1_000_000,
                "output_tokens": 0,
            },
            {
                "timestamp": "2026-11-20T00:00:00Z",
                "model": "deepseek-v4-flash",
                "input_tokens": 1_000_000,
                "output_tokens": 0,
            },
        ],
    )
    data = report(cli, str(log))
    used = {p["from"] for p in data["prices_used"] if p["model"] == "deepseek-v4-flash"}
    assert len(used) == 2 and "2026-05-14" in used


def test_request_before_a_models_first_price_is_flagged(cli, tmp_path):
    log = write_jsonl(
        tmp_path / "log.jsonl",
        [
            {
                "timestamp": "2024-01-01T00:00:00Z",
                "model": "claude-opus-4-7",
                "input_tokens": 100,
                "output_tokens": 10,
                "tier": 3,
            }
        ],
    )
    data = report(cli, str(log))
    opus = next(p for p in data["prices_used"] if p["model"] == "claude-opus-4-7")
    assert opus["requests_before_first_period"] >= 1
    table = cli("estimate", str(log)).stdout
    assert "took that first price" in table


def test_bundled_neutral_samples(cli):
    data = report(cli, str(SAMPLES / "neutral.jsonl"), str(SAMPLES / "neutral.csv"), "--as-of", DOC_DAY)
    a = data["accounting"]
    # 10 JSONL lines (one repeats req-007) + 3 CSV rows
    assert (a["records_read"], a["priced"], a["duplicates"]) == (13, 12, 1)
    assert data["tokens"]["input"] == 1800 + 2600 + 900 + 400 + 3100 + 700 + 5200 + 350 + 2400 + 1200 + 2000 + 600
    assert data["tokens"]["cache_write_1h"] == 8000
    assert data["unknown_models"] == {}


def test_stdin(cli, small_log):
    result = cli("estimate", "-", "--as-of", DOC_DAY, "-f", "json", input=small_log.read_text())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["accounting"]["priced"] == 3


def test_unknown_logged_model_is_named_not_zero(cli, tmp_path):
    log = write_jsonl(
        tmp_path / "log.jsonl",
        [
            {"timestamp": "2026-06-01T00:00:00Z", "model": "claude-opus-4-7", "input_tokens": 100, "output_tokens": 10},
            {"timestamp": "2026-06-01T00:00:00Z", "model": "claude-opsu-4-7", "input_tokens": 100, "output_tokens": 10},
        ],
    )
    data = report(cli, str(log), "--as-of", DOC_DAY)
    assert data["unknown_models"] == {"claude-opsu-4-7": 1}
    # like with like: the unpriced request is left out of every strategy, not only out of as-logged
    for key in ("as_logged", "all_frontier", "all_mid", "smart"):
        assert (by_key(data)[key]["requests"], by_key(data)[key]["unpriced_requests"]) == (1, 1)
    assert by_key(data)["all_frontier"]["cost_usd"] == str((Decimal(100) * 5 + Decimal(10) * 25) / 10**6)
    assert data["accounting"]["skipped"] == {"model has no price (left out of every strategy)": 1}
    assert data["accounting"]["records_read"] == 2 and data["accounting"]["priced"] == 1
    strict = cli("estimate", str(log), "--strict")
    assert strict.exit_code == 2
    assert "unknown model 'claude-opsu-4-7'" in strict.stderr and "did you mean claude-opus-4-7" in strict.stderr


BAD_LINES = {
    "malformed JSON": ('{"timestamp": "2026-06-01", "model": "gpt-5"', "malformed JSON"),
    "missing model": (
        '{"timestamp": "2026-06-01", "input_tokens": 5, "output_tokens": 1}',
        "missing required field: model",
    ),
    "missing input": (
        '{"timestamp": "2026-06-01", "model": "gpt-5", "output_tokens": 1}',
        "missing required field: input_tokens (or prompt text to count)",
    ),
    "negative": (
        '{"timestamp": "2026-06-01", "model": "gpt-5", "input_tokens": -5, "output_tokens": 1}',
        "bad token count: input_tokens must be a whole number >= 0",
    ),
    "not an integer": (
        '{"timestamp": "2026-06-01", "model": "gpt-5", "input_tokens": 2.5, "output_tokens": 1}',
        "bad token count: input_tokens must be a whole number",
    ),
    "too big for int64": (
        '{"timestamp": "2026-06-01", "model": "gpt-5", "input_tokens": 99999999999999999999, "output_tokens": 1}',
        "bad token count: input_tokens must be a whole number >= 0 (at most 999,999,999,999)",
    ),
    "bad tier": (
        '{"timestamp": "2026-06-01", "model": "gpt-5", "input_tokens": 5, "output_tokens": 1, "tier": 4}',
        "bad tier: tier must be 1, 2 or 3",
    ),
    "a count that is true": (  # the value as the log writes it, not Python's True
        '{"timestamp": "2026-06-01", "model": "gpt-5", "input_tokens": true, "output_tokens": 1}',
        "bad token count: input_tokens must be a whole number >= 0 (at most 999,999,999,999), got true",
    ),
    "a timestamp that is false": (
        '{"timestamp": false, "model": "gpt-5", "input_tokens": 5, "output_tokens": 1}',
        "bad timestamp: false",
    ),
    "bad timestamp": (
        '{"timestamp": "soon", "model": "gpt-5", "input_tokens": 5, "output_tokens": 1}',
        "bad timestamp",
    ),
}
GOOD = '{"timestamp": "2026-06-01T00:00:00Z", "model": "gpt-5", "input_tokens": 5, "output_tokens": 1}'


@pytest.mark.parametrize("case", BAD_LINES)
def test_bad_record_is_named_with_file_and_line(cli, tmp_path, case):
    line, message = BAD_LINES[case]
    path = tmp_path / "log.jsonl"
    path.write_text(GOOD + "\n" + line + "\n")
    result = cli("estimate", str(path), "--as-of", DOC_DAY, "-f", "json")
    assert result.exit_code == 2
    assert f"{path}:2: {message}" in result.stderr
    data = json.loads(result.stdout)  # the report still accounts for both lines
    assert (data["accounting"]["records_read"], data["accounting"]["priced"], data["accounting"]["skipped_total"]) == (
        2,
        1,
        1,
    )
    strict = cli("estimate", str(path), "--strict")
    assert strict.exit_code == 2
    assert strict.stderr.strip() == f"error: {path}:2: {message}" or strict.stderr.strip().startswith(
        f"error: {path}:2: {message}"
    )
    assert strict.stdout == ""


def test_csv_missing_column(cli, tmp_path):
    path = tmp_path / "log.csv"
    path.write_text("timestamp,input_tokens,output_tokens\n2026-06-01,4,2\n")
    result = cli("estimate", str(path))
    assert result.exit_code == 2
    assert str(path) in result.stderr and "model" in result.stderr


@pytest.mark.parametrize("content", ["", "\n\n"])
def test_empty_file(cli, tmp_path, content):
    path = tmp_path / "log.jsonl"
    path.write_text(content)
    result = cli("estimate", str(path))
    assert result.exit_code == 2
    assert "log.jsonl: no records in it" in result.stderr  # the file is named: an empty file is often a wrong path


def test_missing_file(cli):
    result = cli("estimate", "/no/such/log.jsonl")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: /no/such/log.jsonl: file not found"


def test_explain_shows_the_rule(cli):
    result = cli(
        "estimate", str(SAMPLES / "neutral.jsonl"), "--explain", "2", "--as-of", DOC_DAY, "--classifier", "keywords"
    )
    assert result.exit_code == 0
    assert 'keyword "rename" → tier 1' in result.stdout
    assert "no keyword, short (16 < 500 tokens) → tier 1" in result.stdout  # "Add docstrings…" is 65 chars


def test_explain_sample_is_each_tiers_first_rows_in_row_order():
    """The rows --explain draws from: what groupby("tier").head(n) gives, rows without a tier left out."""
    import pandas as pd

    from costsim.api.run import SAMPLE_COLUMNS, explain_sample
    from costsim.routing.classify import EXPLAINED_PER_TIER

    n = EXPLAINED_PER_TIER
    tiers = [3] * (n + 2) + [None, 1] + [2] * (n + 1) + [1] * n + [None]
    frame = pd.DataFrame({column: [f"{column}{i}" for i in range(len(tiers))] for column in SAMPLE_COLUMNS})
    frame["tier"] = pd.array(tiers, dtype="Int64")
    frame.index = range(100, 100 + len(tiers))  # the chunk's own index is kept
    got = explain_sample(frame)
    wanted = [*range(n), n + 3, *range(n + 4, 2 * n + 4), *range(2 * n + 5, 3 * n + 4)]  # 3s, the first 1, 2s, 1s
    assert list(got.index) == [100 + i for i in wanted]
    assert got.equals(frame.groupby("tier").head(n)[list(SAMPLE_COLUMNS)])


def test_progress_counts_every_record_read_and_moves_while_a_claude_code_tree_is_read(monkeypatch):
    """A Claude Code tree's rows come after its last file: progress must move before, as files are read."""
    from pathlib import Path

    from costsim.api.logs import estimate
    from costsim.ingest import claude_code
    from costsim.pricing.book import load_price_book
    from costsim.routing.policy import load_policy

    tree = Path(__file__).resolve().parent / "fixtures" / "real" / "claude-code"
    ticks, folded = [], []
    merged = claude_code._merge_result
    monkeypatch.setattr(claude_code, "_merge_result", lambda *a, **k: folded.append(len(ticks)) or merged(*a, **k))
    report, _ = estimate([str(tree)], load_price_book(), load_policy(), progress=ticks.append)
    assert sum(ticks) == report.accounting.records_read > 0
    assert len(set(folded)) > 1  # ticks came between the files' results, not only when rows were folded


def test_reasons_are_worked_out_only_when_a_sample_is_asked_for():
    """A run without --explain asks for no reasons (`explained=0`): the report is the same, every figure, and
    there is no sample; with the default, each tier's first rows carry the rule that placed them."""
    from datetime import date
    from pathlib import Path

    from costsim import api
    from costsim.pricing.book import load_price_book
    from costsim.routing.classify import TIER_ONLY
    from costsim.routing.policy import load_policy

    tree = str(Path(__file__).resolve().parent / "fixtures" / "real" / "claude-code")
    runs = {explained: api.estimate([tree], load_price_book(), load_policy(), as_of=date(2026, 5, 14),
                                    today=date(2026, 11, 27), explained=explained) for explained in (0, 20)}
    assert runs[0][0].to_dict() == runs[20][0].to_dict()
    assert runs[0][1].empty
    assert TIER_ONLY not in set(runs[20][1]["reason"]) and len(runs[20][1]) > 3
