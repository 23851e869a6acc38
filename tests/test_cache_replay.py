"""Cache replay: a cached prefix is a read only where the model it moves to holds it warm (hand arithmetic)."""

from __future__ import annotations

import json
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from costsim.frame import normalize
from costsim.pricing.book import load_price_book
from costsim.pricing.caches import load_cache_book
from costsim.simulate.cache_replay import ConversationIds, replay, sticky_tiers
from tests.conftest import write_jsonl

M = Decimal(10**6)
# Prices in force on 2026-06-02 (USD per million tokens), from pricing/*.yaml
OPUS = {"input": Decimal(5), "output": Decimal(25), "cache_read": Decimal("0.5"), "cache_write_5m": Decimal("6.25")}
NANO = {"input": Decimal("0.05"), "output": Decimal("0.4"), "cache_read": Decimal("0.005")}


@pytest.fixture(scope="module")
def book():
    return load_price_book()


@pytest.fixture(scope="module")
def caches(book):
    return load_cache_book(book)


def frame(rows: list[dict]) -> pd.DataFrame:
    """Usage-frame rows with conversation codes, as `api.estimate` holds them."""
    for i, row in enumerate(rows):
        row.setdefault("source", f"log.jsonl:{i + 1}")
    df = normalize(pd.DataFrame(rows))
    df["conversation"] = ConversationIds().codes(df)
    return df


def at(minute: float) -> pd.Timestamp:
    return pd.Timestamp("2026-06-02T09:00:00Z") + pd.Timedelta(minutes=minute)


# ---- three requests: tier 3, tier 1, back to tier 3 -------------------------------------------------

def three_requests(tmp_path, back_at: str):
    return write_jsonl(tmp_path / "log.jsonl", [
        {"timestamp": "2026-06-02T09:00:00Z", "model": "claude-opus-4-7", "session": "s1", "tier": 3,
         "input_tokens": 10, "cache_write_5m_tokens": 10_000, "output_tokens": 100},
        {"timestamp": "2026-06-02T09:01:00Z", "model": "claude-opus-4-7", "session": "s1", "tier": 1,
         "input_tokens": 20, "cache_read_tokens": 10_000, "cache_write_5m_tokens": 2_000, "output_tokens": 50},
        {"timestamp": back_at, "model": "claude-opus-4-7", "session": "s1", "tier": 3,
         "input_tokens": 30, "cache_read_tokens": 12_000, "cache_write_5m_tokens": 1_000, "output_tokens": 200},
    ])


def estimate_json(cli, *args):
    result = cli("estimate", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def cost(data, key):
    return Decimal(next(s for s in data["strategies"] if s["key"] == key)["cost_usd"])


def test_switching_tier_and_back_within_the_lifetime_reads_the_first_models_cache(cli, tmp_path):
    data = estimate_json(cli, str(three_requests(tmp_path, "2026-06-02T09:03:00Z")))
    first = (10 * OPUS["input"] + 10_000 * OPUS["cache_write_5m"] + 100 * OPUS["output"]) / M   # cold: all written
    second = ((20 + 12_000) * NANO["input"] + 50 * NANO["output"]) / M   # first on nano: prefix is plain input
    third = (30 * OPUS["input"] + 10_000 * OPUS["cache_read"] + 3_000 * OPUS["cache_write_5m"]
             + 200 * OPUS["output"]) / M                                  # Opus still warm (3 min): reads 10,000
    assert cost(data, "smart") == first + second + third
    carried = first + (20 * NANO["input"] + 10_000 * NANO["cache_read"] + 2_000 * NANO["input"]
                       + 50 * NANO["output"]) / M \
        + (30 * OPUS["input"] + 12_000 * OPUS["cache_read"] + 1_000 * OPUS["cache_write_5m"] + 200 * OPUS["output"]) / M
    assert cost(data, "smart_carried") == carried
    caching = data["caching"]
    assert caching["strategies"]["smart"]["switches"] == 2
    assert caching["strategies"]["smart"]["cold_starts"] == 2
    assert Decimal(caching["difference_usd"]) == first + second + third - carried
    labels = {s["key"]: s["label"] for s in data["strategies"]}
    assert labels["smart"] == "Smart routing (cache-aware)"


def test_switching_back_beyond_the_lifetime_writes_the_whole_prefix_again(cli, tmp_path):
    data = estimate_json(cli, str(three_requests(tmp_path, "2026-06-02T09:06:00Z")))
    first = (10 * OPUS["input"] + 10_000 * OPUS["cache_write_5m"] + 100 * OPUS["output"]) / M
    second = ((20 + 12_000) * NANO["input"] + 50 * NANO["output"]) / M
    third = (30 * OPUS["input"] + 13_000 * OPUS["cache_write_5m"] + 200 * OPUS["output"]) / M  # 6 min > 5: cold
    assert cost(data, "smart") == first + second + third
    assert data["caching"]["strategies"]["smart"]["cold_starts"] == 3
    # all-frontier keeps the conversation on Opus: the 09:01 request reads the 09:00 prefix
    frontier = first + (20 * OPUS["input"] + 10_000 * OPUS["cache_read"] + 2_000 * OPUS["cache_write_5m"]
                        + 50 * OPUS["output"]) / M \
        + (30 * OPUS["input"] + 12_000 * OPUS["cache_read"] + 1_000 * OPUS["cache_write_5m"] + 200 * OPUS["output"]) / M
    assert cost(data, "all_frontier") == frontier


def test_caches_carried_keeps_the_per_request_figure_and_no_caching_block(cli, tmp_path):
    path = str(three_requests(tmp_path, "2026-06-02T09:03:00Z"))
    replayed, carried = estimate_json(cli, path), estimate_json(cli, path, "--caches", "carried")
    assert cost(carried, "smart") == cost(replayed, "smart_carried")
    assert "smart_carried" not in {s["key"] for s in carried["strategies"]} and "caching" not in carried


def test_table_shows_both_smart_figures_switches_and_cold_starts(cli, tmp_path):
    result = cli("estimate", str(three_requests(tmp_path, "2026-06-02T09:03:00Z")))
    assert result.exit_code == 0, result.output
    assert "Smart routing (cache-aware)" in result.stdout and "Smart (caches carried over)" in result.stdout
    assert "2 model switch(es), 2 cold start(s)" in " ".join(result.stdout.split())


def test_a_bad_caches_option_is_one_line_exit_2(cli, tmp_path):
    result = cli("estimate", str(three_requests(tmp_path, "2026-06-02T09:03:00Z")), "--caches", "warm")
    assert result.exit_code == 2 and "--caches 'warm'" in result.stderr


# ---- an OpenAI-style automatic cache ----------------------------------------------------------------

def test_automatic_cache_bills_a_miss_as_input_and_reads_whole_128_token_blocks(book, caches):
    df = frame([
        {"timestamp": at(0), "session": "a", "tier": 1, "input_tokens": 50, "cache_write_5m_tokens": 3_000},
        {"timestamp": at(2), "session": "a", "tier": 1, "input_tokens": 60, "cache_read_tokens": 3_000,
         "cache_write_5m_tokens": 500},
        {"timestamp": at(12), "session": "a", "tier": 1, "input_tokens": 70, "cache_read_tokens": 4_000},
        {"timestamp": at(13), "session": "a", "tier": 1, "input_tokens": 80, "cache_read_tokens": 900},
    ])
    out, stats = replay(df, ["gpt-5-nano"] * 4, caches, book)
    # 1: cold, the 3,000-token prefix is input; 2: warm, 3,000 held -> 23 blocks of 128 = 2,944 read, 556 input;
    # 3: 10 minutes idle (> 5): cold; 4: a 900-token prefix is under OpenAI's 1,024 minimum: input
    assert out["cache_read_tokens"].tolist() == [0, 23 * 128, 0, 0]
    assert out["input_tokens"].tolist() == [50 + 3_000, 60 + (3_500 - 2_944), 70 + 4_000, 80 + 900]
    assert out[["cache_write_5m_tokens", "cache_write_1h_tokens"]].to_numpy().sum() == 0
    assert (stats.cold_starts, stats.first_on_model, stats.switches) == (2, 1, 0)


def test_explicit_one_hour_writes_stay_warm_an_hour(book, caches):
    df = frame([
        {"timestamp": at(0), "session": "a", "input_tokens": 5, "cache_write_1h_tokens": 8_000},
        {"timestamp": at(40), "session": "a", "input_tokens": 5, "cache_read_tokens": 8_000,
         "cache_write_1h_tokens": 100},
    ])
    out, _ = replay(df, ["claude-sonnet-4-5"] * 2, caches, book)
    assert out["cache_read_tokens"].tolist() == [0, 8_000]      # 40 min < 60 min after a 1-hour write
    assert out["cache_write_1h_tokens"].tolist() == [8_000, 100]


# ---- two conversations interleaved in time ----------------------------------------------------------

def test_interleaved_conversations_each_keep_their_own_cache(book, caches):
    df = frame([
        {"timestamp": at(0), "session": "a", "tier": 3, "cache_write_5m_tokens": 5_000},
        {"timestamp": at(1), "session": "b", "tier": 1, "cache_write_5m_tokens": 6_000},
        {"timestamp": at(2), "session": "a", "tier": 3, "cache_read_tokens": 5_000, "cache_write_5m_tokens": 100},
        {"timestamp": at(3), "session": "b", "tier": 1, "cache_read_tokens": 6_000, "cache_write_5m_tokens": 200},
    ])
    out, stats = replay(df, ["claude-opus-4-7"] * 4, caches, book)
    # conversation a's second request reads a's 5,000 (not b's 6,000, the model's latest prefix overall)
    assert out["cache_read_tokens"].tolist() == [0, 0, 5_000, 6_000]
    assert out["cache_write_5m_tokens"].tolist() == [5_000, 6_000, 100, 200]
    assert (stats.conversations, stats.switches, stats.cold_starts) == (2, 0, 2)
    # the same log routed: a on Opus, b on nano — no switch inside either conversation
    _, routed = replay(df, ["claude-opus-4-7", "gpt-5-nano"] * 2, caches, book)
    assert (routed.switches, routed.cold_starts) == (0, 2)


def test_requests_without_a_session_are_their_own_conversation(book, caches):
    df = frame([
        {"timestamp": at(0), "cache_write_5m_tokens": 5_000},
        {"timestamp": at(1), "cache_read_tokens": 5_000},
    ])
    out, stats = replay(df, ["claude-opus-4-7"] * 2, caches, book)
    assert out["cache_read_tokens"].tolist() == [0, 0] and stats.conversations == 2


def test_subagent_files_are_conversations_of_their_own():
    df = normalize(pd.DataFrame([
        {"session": "s", "timestamp": at(0), "source": "p/s.jsonl:3"},
        {"session": "s", "timestamp": at(1), "source": "p/s/subagents/agent-1.jsonl:2"},
        {"session": "s", "timestamp": at(2), "source": "p/s.jsonl:9"},
    ]))
    codes = ConversationIds().codes(df)
    assert codes[0] == codes[2] != codes[1]


# ---- sticky routing ---------------------------------------------------------------------------------

def test_sticky_routing_never_moves_down_a_tier_within_the_window():
    df = frame([
        {"timestamp": at(0), "session": "a", "tier": 1},
        {"timestamp": at(1), "session": "a", "tier": 3},
        {"timestamp": at(2), "session": "a", "tier": 1},   # 1 min after a tier-3 request: stays on tier 3
        {"timestamp": at(9), "session": "a", "tier": 2},   # a 7-minute pause: its own tier again
        {"timestamp": at(9.5), "session": "b", "tier": 1},  # another conversation: untouched
    ])
    assert sticky_tiers(df, 5).tolist() == [1, 3, 3, 2, 1]
    assert sticky_tiers(df, 0).tolist() == [1, 3, 1, 2, 1]   # 0 minutes: plain smart routing
    assert sticky_tiers(df, 10).tolist() == [1, 3, 3, 3, 1]


def test_sticky_rows_in_the_report(cli, tmp_path):
    data = estimate_json(cli, str(three_requests(tmp_path, "2026-06-02T09:03:00Z")), "--sticky", "0,5")
    assert cost(data, "sticky_0m") == cost(data, "smart")
    # 5 minutes: the tier-1 request a minute after the tier-3 one stays on Opus, so the whole conversation
    # is on Opus, as all-frontier
    assert cost(data, "sticky_5m") == cost(data, "all_frontier")
    rows = {r["minutes"]: r for r in data["caching"]["sticky"]}
    assert rows[5]["switches"] == 0
    assert Decimal(rows[5]["vs_smart_usd"]) == cost(data, "sticky_5m") - cost(data, "smart")


def test_bad_sticky_minutes_exit_2(cli, tmp_path):
    result = cli("estimate", str(three_requests(tmp_path, "2026-06-02T09:03:00Z")), "--sticky", "5,x")
    assert result.exit_code == 2 and "--sticky" in result.stderr


def test_replay_is_one_sort_not_a_loop_per_request(book, caches):
    """50,000 requests in 500 conversations: every request after the first of its conversation is warm
    (3,000 tokens: above Opus 4.7's 2,048 minimum)."""
    n, conversations = 50_000, 500
    df = frame(
        [
            {
                "timestamp": at(i // conversations * 0.01),
                "session": f"c{i % conversations}",
                "cache_read_tokens": 3_000 if i >= conversations else 0,
                "cache_write_5m_tokens": 0 if i >= conversations else 3_000,
            }
            for i in range(n)
        ]
    )
    out, stats = replay(df, np.array(["claude-opus-4-7"] * n, dtype=object), caches, book)
    assert stats.cold_starts == conversations and int(out["cache_read_tokens"].sum()) == (n - conversations) * 3_000


# ---- the same replay for escalation and pinned conversations ----------------------------------------

FLASH = {"input": Decimal("0.14"), "output": Decimal("0.28"), "cache_read": Decimal("0.0028")}


def test_escalation_prices_escalated_calls_on_a_cold_frontier_cache(cli, tmp_path):
    data = estimate_json(cli, str(three_requests(tmp_path, "2026-06-02T09:03:00Z")), "--escalation-rate", "10%")
    # all on DeepSeek V4 Flash (automatic, 60 minutes, 64-token blocks): 10,000 then 12,000 tokens held
    mid = (
        ((10 + 10_000) * FLASH["input"] + 100 * FLASH["output"]) / M
        + ((20 + 2_016) * FLASH["input"] + 9_984 * FLASH["cache_read"] + 50 * FLASH["output"]) / M
        + ((30 + 1_032) * FLASH["input"] + 11_968 * FLASH["cache_read"] + 200 * FLASH["output"]) / M
    )
    assert cost(data, "all_mid") == mid
    cold = (
        (10 * OPUS["input"] + 10_000 * OPUS["cache_write_5m"] + 100 * OPUS["output"]) / M
        + (20 * OPUS["input"] + 12_000 * OPUS["cache_write_5m"] + 50 * OPUS["output"]) / M
        + (30 * OPUS["input"] + 13_000 * OPUS["cache_write_5m"] + 200 * OPUS["output"]) / M
    )
    assert cost(data, "escalation") == mid + Decimal("0.1") * cold
    assert "all_frontier_cold" not in {s["key"] for s in data["strategies"]}


def test_pinned_conversations_are_replayed_too(cli, tmp_path):
    data = estimate_json(cli, str(three_requests(tmp_path, "2026-06-02T09:03:00Z")), "--pinned")
    # the conversation's hardest request is tier 3: all of it on Opus, as all-frontier, no switch
    assert cost(data, "pinned") == cost(data, "all_frontier")
    assert data["caching"]["strategies"]["pinned"]["switches"] == 0


def test_a_breakdown_keeps_the_replayed_strategies(cli, tmp_path):
    data = estimate_json(cli, str(three_requests(tmp_path, "2026-06-02T09:03:00Z")), "--by", "day")
    (row,) = data["breakdown"]["rows"]
    assert row["key"] == "2026-06-02"
    assert Decimal(row["cost_usd"]["smart"]) == cost(data, "smart") != Decimal(row["cost_usd"]["smart_carried"])


def test_the_sticky_table_says_where_stickiness_pays(cli, tmp_path):
    result = cli("estimate", str(three_requests(tmp_path, "2026-06-02T09:03:00Z")), "--sticky", "0,5")
    assert result.exit_code == 0, result.output
    table = result.stdout.split("Sticky routing: where keeping a conversation on its model pays")[1]
    zero, five = [line.split() for line in table.splitlines() if line.split()[1:2] == ["min"]][:2]
    assert zero[:2] == ["0", "min"] and zero[3] == "$0.00"
    assert five[:2] == ["5", "min"] and five[3].startswith("+$")  # staying on Opus costs more here


def test_a_log_without_cache_tokens_keeps_its_figures(cli, tmp_path):
    path = write_jsonl(
        tmp_path / "plain.jsonl",
        [
            {
                "timestamp": "2026-06-02T09:00:00Z",
                "model": "claude-opus-4-7",
                "session": "s",
                "tier": 3,
                "input_tokens": 1_000,
                "output_tokens": 100,
            },
            {
                "timestamp": "2026-06-02T09:01:00Z",
                "model": "claude-opus-4-7",
                "session": "s",
                "tier": 1,
                "input_tokens": 1_200,
                "output_tokens": 50,
            },
        ],
    )
    data = estimate_json(cli, str(path))
    assert "caching" not in data and "smart_carried" not in {s["key"] for s in data["strategies"]}
    assert (
        cost(data, "smart")
        == (1_000 * OPUS["input"] + 100 * OPUS["output"]) / M + (1_200 * NANO["input"] + 50 * NANO["output"]) / M
    )


def test_a_log_without_sessions_says_why_caches_were_not_replayed(cli, tmp_path):
    path = write_jsonl(
        tmp_path / "nosession.jsonl",
        [
            {
                "timestamp": "2026-06-02T09:00:00Z",
                "model": "claude-opus-4-7",
                "tier": 3,
                "input_tokens": 10,
                "cache_read_tokens": 5_000,
                "output_tokens": 100,
            }
        ],
    )
    data = estimate_json(cli, str(path))
    assert (
        data["caching"]["replayed"] is False
        and "no request has both a session and a timestamp" in data["caching"]["reason"]
    )


def test_a_session_spread_over_two_files_of_a_log_is_one_conversation():
    df = normalize(
        pd.DataFrame(
            [
                {"session": "s", "timestamp": at(0), "source": "logs/2026-06-01.jsonl:9"},
                {"session": "s", "timestamp": at(1), "source": "logs/2026-06-02.jsonl:1"},
                {"session": "t", "timestamp": at(1), "source": "logs/2026-06-02.jsonl:2"},
            ]
        )
    )
    codes = ConversationIds().codes(df)
    assert codes[0] == codes[1] != codes[2]


def test_held_rows_priced_in_shares_of_whole_conversations_give_the_same_report(cli, tmp_path, monkeypatch):
    """The held rows are priced a share of whole conversations (whole sessions, for pinned) at a time: with
    shares of two rows the report is the one priced in one go, every figure."""
    from costsim.simulate import held_rows

    rows = []
    for minute in range(12):
        for session in ("s1", "s2", "s3"):
            rows.append({"timestamp": f"2026-06-02T09:{minute * 4 + len(session):02d}:00Z", "model": "claude-opus-4-7",
                         "session": session, "tier": 1 + (minute + len(rows)) % 3, "input_tokens": 10 + minute,
                         "cache_read_tokens": 1_000 * minute, "cache_write_5m_tokens": 2_000, "output_tokens": 50})
    rows.append({"model": "claude-opus-4-7", "tier": 2, "input_tokens": 7, "cache_read_tokens": 3_000,
                 "output_tokens": 5})  # no session, no time: a conversation of its own
    log = str(write_jsonl(tmp_path / "log.jsonl", rows))
    options = ("--pinned", "--sticky", "5", "--by", "day", "--escalation-rate", "10%")
    whole = estimate_json(cli, log, *options)
    monkeypatch.setattr(held_rows, "SHARE_ROWS", 2)
    shares = held_rows._shares(pd.DataFrame({"conversation": np.arange(37) % 4}), 2)  # 19 asked
    assert sorted(len(set(rows % 4)) for rows in shares) == [1, 1, 1, 1]  # no conversation split
    assert estimate_json(cli, log, *options) == whole
    assert whole["caching"]["conversations"] == 3 and whole["caching"]["strategies"]["smart"]["switches"] > 0


# ---- the vectorised replay against the rules walked request by request ---------------------------------

def _walked(df: pd.DataFrame, models: list[str], caches, book, cold: bool):
    """docs/caching.md's rules, one request at a time: per conversation in time order (ties in row order), the
    cache on a model holds the cacheable prefix of the conversation's previous request on that model."""
    n = len(df)
    conv = [c if c >= 0 else 10**9 + i for i, c in enumerate(df["conversation"])]  # no conversation: its own
    t = df["timestamp"].astype("int64").tolist()
    out = {c: [0] * n for c in ("input_tokens", "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens")}
    stats = dict(switches=0, cold_starts=0, first_on_model=0, cache_read_tokens=0)
    last = {}  # (conversation, model) -> (time, cached, one-hour write) of its latest request
    previous_model = {}  # conversation -> the model of its latest request
    for i in sorted(range(n), key=lambda i: (conv[i], t[i], i)):
        model = book.resolve(models[i])
        cache = caches.for_model(model)
        w5, w1 = int(df["cache_write_5m_tokens"].iloc[i]), int(df["cache_write_1h_tokens"].iloc[i])
        prefix = int(df["cache_read_tokens"].iloc[i]) + w5 + w1
        cached = prefix if prefix >= cache.min_prefix_for(model.id) else 0
        before = last.get((conv[i], model.id))
        warm = False
        if before is not None and not cold:
            minutes = cache.idle_minutes_1h if (cache.explicit and before[2] and cache.idle_minutes_1h is not None) \
                else cache.idle_minutes
            warm = t[i] - before[0] <= minutes * 60 * 10**9 and before[1] > 0
        read = min(cached, before[1]) // cache.block_tokens * cache.block_tokens if warm else 0
        rest, one_hour = cached - read, w1 > w5
        out["input_tokens"][i] = int(df["input_tokens"].iloc[i]) + (prefix - cached) + (0 if cache.explicit else rest)
        out["cache_read_tokens"][i] = read
        out["cache_write_5m_tokens"][i] = rest if cache.explicit and not one_hour else 0
        out["cache_write_1h_tokens"][i] = rest if cache.explicit and one_hour else 0
        if cached > 0 and not warm:
            stats["cold_starts"] += 1
            stats["first_on_model"] += before is None
        if previous_model.get(conv[i], model.id) != model.id:
            stats["switches"] += 1
        stats["cache_read_tokens"] += read
        last[(conv[i], model.id)] = (t[i], cached, one_hour)
        previous_model[conv[i]] = model.id
    return out, stats


@pytest.mark.parametrize("seed", range(12))
def test_the_vectorised_replay_follows_the_rules_request_by_request(book, caches, seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 300))
    names = ["claude-opus-4-7", "gpt-5-nano", "deepseek-v4-flash", "claude-sonnet-4-5", "gemini-2.5-pro"]
    used = list(rng.choice(names, int(rng.integers(1, 4)), replace=False))
    models = [str(m) for m in rng.choice(used, n)]
    conversation = rng.integers(0, int(rng.integers(1, 20)), n)
    conversation[rng.random(n) < 0.1] = -1  # no session or no timestamp: a conversation of its own
    df = pd.DataFrame({
        "conversation": conversation,
        "timestamp": pd.to_datetime(1_780_000_000 * 10**9 + rng.integers(0, 4 * 3600, n) * 10**9, utc=True),
        "input_tokens": rng.integers(0, 500, n),
        "cache_read_tokens": rng.integers(0, 6000, n) * (rng.random(n) < 0.8),
        "cache_write_5m_tokens": rng.integers(0, 3000, n) * (rng.random(n) < 0.5),
        "cache_write_1h_tokens": rng.integers(0, 3000, n) * (rng.random(n) < 0.3),
        "requests": np.ones(n, dtype=np.int64),
    })
    cold = bool(seed % 4 == 3)
    replayed, stats = replay(df, models, caches, book, cold=cold)
    expected, expected_stats = _walked(df, models, caches, book, cold)
    for column, values in expected.items():
        assert replayed[column].tolist() == values, column
    assert {k: getattr(stats, k) for k in expected_stats} == expected_stats
