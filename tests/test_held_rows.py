"""Held rows spilled to disk by partition price exactly as held in memory: the same report, every figure."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from costsim.simulate import held_rows
from tests.conftest import write_jsonl

MODELS = ("claude-opus-4-7", "claude-sonnet-4-5", "claude-haiku-4-5")


def _log(tmp_path):
    """40 requests in 5 sessions (tiers mixed, caches warm and cold), 6 without a session, 2 duplicates."""
    records = []
    for i in range(46):
        record = {"id": f"r{i}", "timestamp": f"2026-06-02T09:{i:02d}:00Z", "model": MODELS[i % 3], "tier": 1 + i % 3,
                  "input_tokens": 10 + i, "cache_read_tokens": 2_000 * (i % 4), "cache_write_5m_tokens": 500 + i,
                  "output_tokens": 100 + i}
        if i < 40:
            record["session"] = f"s{i % 5}"
        records.append(record)
    records += [records[3], records[41]]
    return write_jsonl(tmp_path / "log.jsonl", records)


def _report(cli, *args) -> dict:
    result = cli("estimate", *args, "--as-of", "2026-06-10", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    data.pop("generated_at", None)
    return data


@pytest.mark.parametrize("options", [(), ("--sticky", "5"), ("--pinned",), ("--caches", "carried", "--sticky", "3")])
def test_spilled_partitions_report_as_rows_held_in_memory(cli, tmp_path, monkeypatch, options):
    log = str(_log(tmp_path))
    in_memory = _report(cli, log, *options)
    monkeypatch.setattr(held_rows, "SPILL_ROWS", 7)
    monkeypatch.setattr(held_rows, "PARTITIONS", 3)
    spilled = _report(cli, log, *options)
    assert spilled == in_memory
    assert in_memory["accounting"]["priced"] == 46 and in_memory["accounting"]["duplicates"] == 2
    if options == ():
        assert in_memory["caching"]["conversations"] == 5


def test_spilled_rows_come_back_whole_conversations_in_read_order(tmp_path):
    import numpy as np
    import pandas as pd

    rows = held_rows.HeldRows(spill_rows=4, partitions=2)
    for start in (0, 5):
        conversation = np.array([0, 1, 2, -1, 1], dtype=np.int32)
        rows.append({"tier": np.full(5, 2, dtype=np.int8), "conversation": conversation,
                     "input_tokens": np.arange(start, start + 5, dtype=np.int64),
                     "cache_read_tokens": np.full(5, 10, dtype=np.int64),
                     "cache_write_5m_tokens": np.zeros(5, dtype=np.int64),
                     "cache_write_1h_tokens": np.zeros(5, dtype=np.int64),
                     "timestamp": pd.array(pd.to_datetime(["2026-06-02T09:00:00Z"] * 5)).astype("datetime64[ns, UTC]")})
    assert rows.spilled and rows.rows == 10 and rows.cached_tokens == 10 * 10
    shares = list(rows.shares())
    every = pd.concat(shares)
    assert sorted(every["input_tokens"]) == list(range(10))
    for share in shares:  # a conversation lies in one share, its rows in the order they were read
        for code, group in share[share["conversation"] >= 0].groupby("conversation"):
            assert len(group) == 4 if code == 1 else len(group) == 2
            assert list(group["input_tokens"]) == sorted(group["input_tokens"])
    assert str(every["timestamp"].dtype) == "datetime64[ns, UTC]" and every["tier"].dtype == np.int8
    folder = rows._folder
    rows.close()
    assert not folder.exists()


def test_service_tiers_held_as_objects_spill_whatever_the_first_chunk_held(tmp_path):
    """A chunk with no service tier (every value None) spills first; a later one's names come back."""
    import numpy as np
    import pandas as pd

    rows = held_rows.HeldRows(spill_rows=1, partitions=1)
    for tiers in ([None, None], ["flex", None]):
        rows.append({"conversation": np.array([0, 1], dtype=np.int32),
                     "service_tier": np.array(tiers, dtype=object),
                     **{c: np.zeros(2, dtype=np.int64) for c in held_rows.CACHE_COLUMNS}})
    assert rows.spilled
    names = rows.frame()["service_tier"]
    assert [None if pd.isna(name) else name for name in names] == [None, None, "flex", None]
    rows.close()


def test_the_replay_figures_add_up_across_shares(cli, tmp_path, monkeypatch):
    log = str(_log(tmp_path))
    monkeypatch.setattr(held_rows, "SPILL_ROWS", 7)
    data = _report(cli, log)
    smart = data["caching"]["strategies"]["smart"]
    # 46 priced requests: each is in exactly one share, so the shares' request counts add to the log's
    assert smart["requests"] == 46
    assert smart["cache_read_tokens_carried"] == sum(2_000 * (i % 4) for i in range(46))
    assert Decimal(data["caching"]["difference_usd"]) == (
        Decimal(data["caching"]["smart_cache_aware_usd"]) - Decimal(data["caching"]["smart_caches_carried_over_usd"])
    )


REAL_TREE = Path(__file__).resolve().parent / "fixtures" / "real" / "claude-code"


@pytest.mark.parametrize("options", [(), ("--sticky", "5"), ("--by", "session"), ("--pinned",)])
def test_conversations_priced_as_chunks_close_them_report_as_rows_held_to_the_end(cli, monkeypatch, options):
    """A Claude Code tree's chunks close the conversations read so far (each file's rows are whole
    conversations), so the run prices its held rows then; the report is the one from pricing them all at
    the end, every figure (chunks of 5 rows: many closings, and long files cut between chunks)."""
    from costsim.ingest import claude_code, tree_chunks
    from costsim.simulate import cache_strategies

    monkeypatch.setattr(tree_chunks, "CHUNK_RECORDS", 5)
    calls = []
    price_closed = cache_strategies.price_closed
    monkeypatch.setattr(cache_strategies, "price_closed", lambda *a, **k: calls.append(1) or price_closed(*a, **k))
    as_closed = _report(cli, str(REAL_TREE), *options)
    assert (len(calls) > 3) == (options != ("--pinned",))  # pinned routing needs whole sessions: held to the end
    monkeypatch.setattr(claude_code, "own_conversations", lambda results: False)
    too_early = tree_chunks.ChunkedTooEarly("rows wait for the last file")  # chunks made after it, not as files come
    monkeypatch.setattr(tree_chunks.EarlyChunks, "add", lambda self, result: (_ for _ in ()).throw(too_early))
    calls.clear()
    at_the_end = _report(cli, str(REAL_TREE), *options)
    assert not calls
    assert as_closed == at_the_end
    assert at_the_end["caching"]["replayed"] is True


def _closings(paths: list[str]) -> list[bool]:
    from costsim.frame import CLOSES_CONVERSATIONS
    from costsim.ingest import IngestStats, read_logs

    return [bool(chunk.attrs.get(CLOSES_CONVERSATIONS)) for chunk in read_logs(paths, IngestStats())]


def _session_file(path: Path, session: str, request: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    line = {"type": "assistant", "sessionId": session, "requestId": f"req_{request}",
            "timestamp": "2026-06-02T09:00:00Z", "message": {"id": f"msg_{request}", "model": "claude-opus-4-7",
                        "usage": {"input_tokens": 5, "output_tokens": 7, "cache_creation_input_tokens": 0,
                                  "cache_read_input_tokens": 100}}}
    return write_jsonl(path, [line])


def test_only_a_run_of_claude_code_files_alone_whose_files_hold_their_own_conversations_closes_them(tmp_path):
    projects = tmp_path / "projects"
    one = _session_file(projects / "p1" / "s1.jsonl", "s1", 1)
    two = _session_file(projects / "p1" / "s2.jsonl", "s2", 2)
    agent = _session_file(projects / "p1" / "s1" / "subagents" / "agent-a.jsonl", "s1", 3)
    assert _closings([str(projects)]) == [True]
    again = _session_file(projects / "p2" / "s1.jsonl", "s1", 4)  # a second main file of session s1
    assert _closings([str(projects)]) == [False]
    again.unlink()
    neutral = write_jsonl(tmp_path / "log.jsonl", [{"id": "n1", "model": "gpt-4o", "input_tokens": 1,
                                                    "output_tokens": 1}])
    assert not any(_closings([str(projects), str(neutral)]))  # another input's sessions could be the same
    assert one.exists() and two.exists() and agent.exists()


def test_rows_let_go_by_drain_do_not_count_towards_the_next_spill():
    import numpy as np

    def chunk(n):
        zeros = np.zeros(n, dtype=np.int64)
        return {"conversation": np.arange(n, dtype=np.int32), "cache_read_tokens": np.ones(n, dtype=np.int64),
                "cache_write_5m_tokens": zeros, "cache_write_1h_tokens": zeros}

    held = held_rows.HeldRows(spill_rows=10)
    held.append(chunk(8))
    assert sum(len(share) for share in held.drain()) == 8
    held.append(chunk(8))  # 16 rows ever held, 8 now: still in memory
    assert not held.spilled and held.cached_tokens == 16
    held.append(chunk(8))
    assert held.spilled
    held.close()
