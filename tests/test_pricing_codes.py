"""The post-read fast paths give what the plain computations give: exact group sums, strategy models as
codes, reasons as codes, the one-pass word search, the held rows of a chunk's kept rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from costsim.routing.classify import coded_categorical
from costsim.routing.policy import load_policy
from costsim.simulate.cache_replay import ConversationIds, _mentions
from costsim.simulate.cache_strategies import SMART_CARRIED, slim_rows, sticky_strategy
from costsim.simulate.pricer import ALL_FRONTIER, ALL_MID, AS_LOGGED, SMART, _group_sums


def test_group_sums_are_exact_below_and_above_what_a_float_holds():
    group = np.array([0, 1, 0, 2, 1])
    small = np.array([5, 7, 11, 0, 13], dtype=np.int64)
    assert _group_sums(group, 3, small).tolist() == [5 + 11, 7 + 13, 0]
    big = np.array([2**60 + 1, 3, 2**60 + 1, 2**61, 1], dtype=np.int64)  # a float64 sum would round these
    sums = _group_sums(group, 3, big)
    assert sums.dtype == np.int64
    assert sums.tolist() == [2 * (2**60 + 1), 3 + 1, 2**61]
    assert _group_sums(group, 3, np.zeros(5, dtype=np.int64)).tolist() == [0, 0, 0]
    assert _group_sums(np.array([], dtype=np.int64), 2, np.array([], dtype=np.int64)).tolist() == [0, 0]


def _frame() -> pd.DataFrame:
    policy = load_policy()
    return pd.DataFrame({
        "model": pd.array(["m-a", None, "m-b", "m-a"], dtype="string"),
        "tier": pd.array([3, 1, 2, 1], dtype="Int64"),
        "session": pd.array(["s1", "s1", "s2", "s1"], dtype="string"),
        "timestamp": pd.to_datetime(["2026-06-02T09:00Z", "2026-06-02T09:01Z", "2026-06-02T09:02Z",
                                     "2026-06-02T09:30Z"], utc=True),
        "conversation": np.array([0, 0, 1, 0]),
    }), policy


def test_strategy_model_codes_name_the_models_strategy_models_names():
    df, policy = _frame()
    for strategy in (AS_LOGGED, ALL_FRONTIER, ALL_MID, SMART, SMART_CARRIED, sticky_strategy(5)):
        codes, labels = strategy.model_codes(df, policy)
        names = strategy.models(df, policy)
        got = [None if c < 0 else labels[c] for c in codes.tolist()]
        assert got == [None if pd.isna(n) else n for n in names.tolist()], strategy.key


def test_reasons_as_codes_equal_a_categorical_of_their_texts():
    labels = ["tier given in the log", "keyword: refactor", "a short prompt", "never used"]
    codes = np.array([0, 2, 2, 1, 0, 2])
    expected = pd.Categorical(np.array(labels, dtype=object)[codes])
    got = coded_categorical(codes, labels)
    assert list(got.categories) == list(expected.categories) == ["a short prompt", "keyword: refactor",
                                                                 "tier given in the log"]
    assert got.tolist() == expected.tolist()


def test_the_word_search_reads_every_string_and_only_them():
    text = pa.array(["a/subagents/x.jsonl:1", None, "b/main.jsonl:2", "c/subagents/y.jsonl:3"])
    assert _mentions(text, "subagents").tolist() == [True, False, False, True]
    tail = text.slice(1, 2)  # the buffer still holds the neighbours' bytes: the exact search decides
    assert _mentions(tail, "subagents").tolist() == [False, False]
    assert _mentions(pa.array(["x:1", "y:2"]), "subagents").tolist() == [False, False]
    assert _mentions(pa.chunked_array([text]), "subagents").tolist() == [True, False, False, True]


def test_slim_rows_of_the_kept_rows_equal_the_slim_rows_of_a_kept_frame():
    from costsim.frame import INT_COLUMNS

    df, _ = _frame()
    for column in INT_COLUMNS:
        df[column] = np.arange(4, dtype=np.int64) + 1
    df["batch"] = False
    df["service_tier"] = pd.array([None] * 4, dtype="string")
    df["source"] = pd.array([f"log.jsonl:{i}" for i in range(1, 5)], dtype="string")
    kept = np.array([True, False, True, True])
    got = slim_rows(df, ConversationIds(), None, session=True, kept=kept)
    want = slim_rows(df[kept], ConversationIds(), None, session=True)
    assert list(got) == list(want)
    for name in want:
        assert pd.Series(got[name]).equals(pd.Series(want[name])), name
    assert got["conversation"].tolist() == [0, 1, 0]
