"""Cache replay: what moving requests between models does to their prompt caches.

A prompt cache belongs to one model, and expires. When a strategy sends a conversation's requests to
other models than the log did, a request's cached prefix (its logged cache reads and writes) is a
*read* only where the model it now goes to holds that prefix warm; elsewhere it is written again (an
explicit cache, at the write price) or sent as plain input (an automatic cache). The rules, per
conversation (a session, and for Claude Code each session or subagent file; a request without a
session or a timestamp is its own conversation), with `pricing/caches.yaml` giving each provider's
cache model:

* a request's cacheable prefix C is its logged cache read + cache write tokens; below the model's
  minimum cacheable prefix nothing is cached and C is plain input;
* the cache on model M holds the cacheable prefix of the previous request of the conversation on M,
  and is warm when that request is at most `idle_minutes` older (`idle_minutes_1h` after a 1-hour
  write); requests on other models in between leave it alone — caches are per model;
* warm: min(C, held) is read (in whole `block_tokens`), the rest written; cold: all of C is written;
* uncached input and output stay as logged; time of day and long context apply to the new split as
  to any request (the prompt's total does not change).

Vectorised: one sort by (conversation, model, time) finds each request's previous request on the
same model — the warm prefix and its age — with no Python loop per request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from costsim.frame import INT_COLUMNS, SUBAGENT_FILE
from costsim.pricing.caches import CacheBook
from costsim.pricing.prices import PriceBook
from costsim.report.caching import ReplayStats

NS_PER_MINUTE = 60 * 10**9
NO_CONVERSATION = -1
REPLAY_COLUMNS = ["tier", "session", "timestamp", "batch", "service_tier", "conversation", *INT_COLUMNS]


@dataclass
class ConversationIds:
    """Conversation codes across chunks: a session → a small integer, a Claude Code subagent file (which
    carries its parent's session) one of its own; -1 for a request without a session or a timestamp
    (it is its own conversation). A session spread over several files of another format is one
    conversation."""

    _codes: dict = field(default_factory=dict)

    def codes(self, df: pd.DataFrame) -> np.ndarray:
        """Each row's conversation code (vectorised: string work only on the chunk's few distinct values)."""
        has = (df["session"].notna() & df["timestamp"].notna()).to_numpy()
        out = np.full(len(df), NO_CONVERSATION, dtype=np.int64)
        if not has.any():
            return out
        every = has.all()  # most logs: no row left out, no copy of the columns made
        session_code, sessions = pd.factorize(df["session"] if every else df["session"][has])
        sessions = np.asarray(sessions, dtype=object)
        file_code = np.full(len(session_code), -1, dtype=np.int64)
        files = np.array([], dtype=object)
        source = pa.array((df["source"] if every else df["source"][has]).astype("string"), from_pandas=True)
        maybe = _mentions(source, "subagents")
        if maybe.any():  # the file of those rows: "path:line" without its ":line"
            named = pc.utf8_rtrim(pc.utf8_rtrim(source.filter(pa.array(maybe)), characters="0123456789"),
                                  characters=":")
            found, files = pd.factorize(pd.Series(named.to_pandas()))
            subagent = np.array([re.search(SUBAGENT_FILE, str(f)) is not None for f in files], dtype=bool)
            file_code[maybe] = np.where(subagent[found], found, -1) if len(files) else -1
        inverse, pairs = pd.factorize(session_code * (len(files) + 1) + file_code + 1, sort=True)
        keys = [(sessions[p // (len(files) + 1)], files[p % (len(files) + 1) - 1] if p % (len(files) + 1) else "")
                for p in pairs.tolist()]
        mapped = np.array([self._codes.setdefault(k, len(self._codes)) for k in keys], dtype=np.int64)
        if every:
            return mapped[inverse.reshape(-1)]
        out[has] = mapped[inverse.reshape(-1)]
        return out

    @property
    def count(self) -> int:
        return len(self._codes)


def _mentions(text: pa.Array, word: str) -> np.ndarray:
    """Where each string of `text` holds `word` (False for a null): the column's bytes are searched once
    first, so a chunk where no row holds it (every log but Claude Code's subagent files) costs one pass."""
    if isinstance(text, pa.ChunkedArray):
        text = text.combine_chunks()
    if pa.types.is_string(text.type) or pa.types.is_large_string(text.type):
        offsets, data = text.buffers()[1:3]  # the bytes of every string, a slice's neighbours too: its own only
        if data is None or not len(text):
            return np.zeros(len(text), dtype=bool)
        ends = np.frombuffer(offsets, dtype=np.int64 if pa.types.is_large_string(text.type) else np.int32)
        if not _holds(memoryview(data)[ends[text.offset]:ends[text.offset + len(text)]], word.encode()):
            return np.zeros(len(text), dtype=bool)
    return np.asarray(pc.fill_null(pc.match_substring(text, word), False))


def _holds(data, word: bytes) -> bool:
    """Whether a buffer's bytes hold `word`: first whether they hold its middle byte at all (one vectorised
    pass; a log's sources rarely hold the "g" of "subagents"), then a search of the bytes, neither copying them."""
    found = np.frombuffer(data, dtype=np.uint8) == word[len(word) // 2]
    if not found.any():
        return False
    return re.search(re.escape(word), memoryview(data)) is not None


def _conversations(df: pd.DataFrame) -> np.ndarray:
    """Codes where every request without a conversation gets one of its own."""
    conv = df["conversation"].to_numpy(dtype=np.int64)
    alone = conv == NO_CONVERSATION
    if alone.any():
        conv = conv.copy()
        conv[alone] = conv.max(initial=0) + 1 + np.flatnonzero(alone)
    return conv


def _model_table(ids, caches: CacheBook, book: PriceBook) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Each row's code into its target models (from a factorized model column) and each model's cache
    parameters, one entry per model: idle lifetimes (ns), minimum prefix, read block, explicit or not."""
    if isinstance(ids, tuple):  # (codes, names): already coded (`cache_strategies` resolves each name once)
        codes, labels = ids
    elif isinstance(ids, pd.Categorical):
        codes, labels = ids.codes.astype(np.int64), list(ids.categories)
    else:
        codes, labels = pd.factorize(pd.Series(ids, dtype="object"))
    size = len(labels)
    table = {"idle": np.zeros(size, dtype=np.int64), "idle_1h": np.zeros(size, dtype=np.int64),
             "min_prefix": np.zeros(size, dtype=np.int64), "block": np.ones(size, dtype=np.int64),
             "explicit": np.zeros(size, dtype=bool)}
    for i, name in enumerate(labels):
        model = book.resolve(name)
        cache = caches.for_model(model)
        table["idle"][i] = cache.idle_minutes * NS_PER_MINUTE
        table["idle_1h"][i] = (cache.idle_minutes_1h if cache.idle_minutes_1h is not None
                               else cache.idle_minutes) * NS_PER_MINUTE
        table["min_prefix"][i] = cache.min_prefix_for(model.id)
        table["block"][i] = cache.block_tokens
        table["explicit"][i] = cache.explicit
    if (codes < 0).any():
        raise ValueError("cache replay: a row has no target model")
    return codes, table


def _times(df: pd.DataFrame) -> np.ndarray:
    """Each row's timestamp in ns (0 where it has none)."""
    stamps = df["timestamp"]
    if not len(df):
        return np.zeros(0, dtype=np.int64)
    return np.where(stamps.isna().to_numpy(), 0, stamps.to_numpy(dtype="datetime64[ns]").astype(np.int64))


@dataclass(frozen=True)
class ReplayRows:
    """What every strategy's replay reads of the same rows, worked out once (`prepare`): each column in the
    rows' order, and the columns a replay walks in time order (`by_time`) already in that order."""

    conversation: np.ndarray     # codes, each request without one its own
    ns: np.ndarray               # timestamps in ns (0: none)
    uncached: np.ndarray         # logged input tokens
    read_logged: np.ndarray
    prefix: np.ndarray           # the cacheable prefix: logged cache reads and writes
    one_hour: np.ndarray         # the request's own write kind is the 1-hour one
    by_time: np.ndarray          # the rows' order by conversation, then time, then place
    requests: int
    conversations: int
    in_time: dict = field(default_factory=dict)  # conversation, ns, prefix, one_hour in `by_time` order

    def timed(self, name: str) -> np.ndarray:
        """Column `name` in `by_time` order (worked out once, shared by every strategy's replay)."""
        if name not in self.in_time:
            self.in_time[name] = getattr(self, name)[self.by_time]
        return self.in_time[name]


def prepare(df: pd.DataFrame, by_time: np.ndarray | None = None) -> ReplayRows:
    """The columns of `df` (REPLAY_COLUMNS) the replay reads, for `replay_counts` of several strategies."""
    conv = _conversations(df)
    t = _times(df)
    read_logged = df["cache_read_tokens"].to_numpy(dtype=np.int64)
    w5 = df["cache_write_5m_tokens"].to_numpy(dtype=np.int64)
    w1 = df["cache_write_1h_tokens"].to_numpy(dtype=np.int64)
    if by_time is None:
        by_time = time_order(conv, t)
    in_order = conv[by_time]  # sorted: each conversation's rows together
    return ReplayRows(conversation=conv, ns=t, uncached=df["input_tokens"].to_numpy(dtype=np.int64),
                      read_logged=read_logged, prefix=read_logged + w5 + w1, one_hour=w1 > w5, by_time=by_time,
                      requests=int(df["requests"].sum()),
                      conversations=int((in_order[1:] != in_order[:-1]).sum()) + 1 if len(df) else 0,
                      in_time={"conversation": in_order})


def time_order(conv: np.ndarray, t: np.ndarray) -> np.ndarray:
    """The rows' order by conversation (codes >= 0), then time, then place: one stable sort of a combined key
    when conversation and time fit in 64 bits together (about a third of a two-key `np.lexsort`), else that."""
    if not len(t):
        return np.zeros(0, dtype=np.int64)
    low = int(t.min())
    span = int(t.max()) - low + 1
    if (int(conv.max()) + 1) * span < 1 << 63:
        return np.argsort(conv * span + (t - low), kind="stable")
    return np.lexsort((t, conv))


def replay(
    df: pd.DataFrame, model_ids, caches: CacheBook, book: PriceBook, *, cold: bool = False,
    by_time: np.ndarray | None = None,
) -> tuple[pd.DataFrame, ReplayStats]:
    """The rows of `df` (REPLAY_COLUMNS) with their cache split re-derived for `model_ids` (one per row, a
    Categorical of them, or (each row's code, the names)).

    `cold`: no request finds a warm cache (an escalated call on a model the conversation is not on).
    `by_time`: the rows' order by conversation, time and place, when the caller has it (`prepare`)."""
    counts, stats = replay_counts(prepare(df, by_time), model_ids, caches, book, cold=cold)
    out = df.copy(deep=False)  # the four split columns are replaced, the rest shared
    for column, values in counts.items():
        out[column] = values
    return out, stats


def replay_counts(rows: ReplayRows, model_ids, caches: CacheBook, book: PriceBook, *,
                  cold: bool = False) -> tuple[dict[str, np.ndarray], ReplayStats]:
    """`replay` on prepared rows: the four re-derived split columns (input, cache read, both cache writes).

    The walk is done in the order of (conversation, model, time), where each request's previous request on
    the same model is the row before it: `by_time` itself when every row goes to one model (most strategies),
    else a stable sort of it by (conversation, model). Only the reads go back to the rows' order."""
    ids = model_ids if isinstance(model_ids, (pd.Categorical, tuple)) else np.asarray(model_ids, dtype=object)
    n = len(rows.conversation)
    model, table = _model_table(ids, caches, book)
    if n == 0:
        return {c: np.zeros(0, dtype=np.int64) for c in _SPLIT}, ReplayStats(0, rows.conversations, 0, 0, 0, 0, 0, 0)
    one_model = model.min() == model.max()
    conv_t = rows.timed("conversation")
    if one_model:
        order = rows.by_time
        t_s, prefix_s, one_hour_s = rows.timed("ns"), rows.timed("prefix"), rows.timed("one_hour")
        same = conv_t[1:] == conv_t[:-1]  # (sorted) the row before is the same conversation's, on this model
        param = {name: values[model[0]] for name, values in table.items()}  # one model: every parameter a number
        switches = 0
    else:
        model_t = model[rows.by_time]
        key = conv_t * len(table["idle"]) + model_t
        again = np.argsort(_small(key), kind="stable")  # by (conversation, model), time order kept within
        order = rows.by_time[again]
        key_s = key[again]
        t_s, prefix_s, one_hour_s = rows.timed("ns")[again], rows.timed("prefix")[again], rows.timed("one_hour")[again]
        same = key_s[1:] == key_s[:-1]
        model_s = model_t[again]
        param = {name: values[model_s] for name, values in table.items()}
        switches = int(((conv_t[1:] == conv_t[:-1]) & (model_t[1:] != model_t[:-1])).sum())
    cached_s = np.where(prefix_s >= param["min_prefix"], prefix_s, 0)  # what the target model would cache at all
    later = (lambda values: values[1:]) if not one_model else (lambda values: values)  # a row's own parameter
    life = np.where(later(param["explicit"]) & one_hour_s[:-1], later(param["idle_1h"]), later(param["idle"]))
    warm_s = np.zeros(n, dtype=bool)  # (sorted) the model's cache holds the previous request's prefix, warm
    if not cold:
        warm_s[1:] = same & (t_s[1:] - t_s[:-1] <= life) & (cached_s[:-1] > 0)
    read_s = np.zeros(n, dtype=np.int64)
    read_s[1:] = np.where(warm_s[1:], np.minimum(cached_s[1:], cached_s[:-1]), 0)
    read_s = read_s // param["block"] * param["block"]
    cold_start = (cached_s > 0) & ~warm_s
    first_on_model = int(cold_start[0]) + int((cold_start[1:] & ~same).sum())

    read = np.empty(n, dtype=np.int64)
    read[order] = read_s
    prefix, one_hour = rows.prefix, rows.one_hour
    if one_model:
        cached = np.where(prefix >= param["min_prefix"], prefix, 0)
        rest = cached - read
        if param["explicit"]:
            counts = {"input_tokens": rows.uncached + (prefix - cached), "cache_read_tokens": read,
                      "cache_write_5m_tokens": np.where(one_hour, 0, rest),
                      "cache_write_1h_tokens": np.where(one_hour, rest, 0)}
        else:
            zero = np.zeros(n, dtype=np.int64)
            counts = {"input_tokens": rows.uncached + (prefix - cached) + rest, "cache_read_tokens": read,
                      "cache_write_5m_tokens": zero, "cache_write_1h_tokens": zero.copy()}
    else:
        explicit = table["explicit"][model]
        cached = np.where(prefix >= table["min_prefix"][model], prefix, 0)
        rest = cached - read
        counts = {
            "input_tokens": rows.uncached + (prefix - cached) + np.where(explicit, 0, rest),
            "cache_read_tokens": read,
            "cache_write_5m_tokens": np.where(explicit & ~one_hour, rest, 0),
            "cache_write_1h_tokens": np.where(explicit & one_hour, rest, 0),
        }
    stats = ReplayStats(
        requests=rows.requests,
        conversations=rows.conversations,
        switches=switches,
        cold_starts=int(cold_start.sum()),
        first_on_model=first_on_model,
        cache_read_tokens=int(read_s.sum()),
        cache_read_tokens_carried=int(rows.read_logged.sum()),
        cacheable_prefix_tokens=int(prefix.sum()),
    )
    return counts, stats


_SPLIT = ("input_tokens", "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens")


def _small(key: np.ndarray) -> np.ndarray:
    """Non-negative sort keys in the narrowest unsigned type that holds them: numpy sorts 16-bit keys stably
    by radix, in one pass."""
    high = int(key.max(initial=0))
    return key.astype(np.uint16) if high < 1 << 16 else key.astype(np.uint32) if high < 1 << 32 else key


def has_conversations(df: pd.DataFrame) -> bool:
    """True when some request has a session and a timestamp: the replay has conversations to follow."""
    return bool((df["conversation"].to_numpy() != NO_CONVERSATION).any())


def sticky_tiers(df: pd.DataFrame, minutes: int) -> pd.Series:
    """Each request's tier under sticky routing (the running maximum of its burst's tiers)."""
    n = len(df)
    tier = df["tier"].astype("int64").to_numpy()
    conv = _conversations(df)
    stamps = df["timestamp"]
    t = np.where(stamps.isna().to_numpy(), 0, stamps.to_numpy(dtype="datetime64[ns]").astype(np.int64))
    order = np.lexsort((np.arange(n), t, conv))
    new_burst = np.ones(n, dtype=bool)
    new_burst[1:] = (conv[order][1:] != conv[order][:-1]) | (t[order][1:] - t[order][:-1] >= minutes * NS_PER_MINUTE)
    burst = np.cumsum(new_burst)
    running = pd.Series(tier[order]).groupby(burst).cummax().to_numpy()
    out = np.empty(n, dtype=np.int64)
    out[order] = running
    return pd.Series(out, index=df.index)


KEY_BITS = 62  # hashed conversation keys stay below 2**62: `_conversations` adds codes above the largest


def conversation_hashes(conversations: ConversationIds) -> np.ndarray:
    """Each conversation code's key (session, subagent file) hashed to 62 bits, the same in every process: a
    cluster's parts each number their conversations from 0, and send each request with its key's hash, so
    one conversation's requests meet in one place whichever parts read them. Two keys share a hash with odds
    of about n² / 2**63 for n conversations (one in 10 million at a million conversations)."""
    keys = np.array([f"{session}\x00{file}" for session, file in conversations._codes], dtype=object)
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    return (pd.util.hash_array(keys) >> np.uint64(64 - KEY_BITS)).astype(np.int64)


def hashed_conversations(codes: np.ndarray, conversations: ConversationIds) -> np.ndarray:
    """`codes` (ConversationIds codes, -1 for none) as their keys' 62-bit hashes (-1 stays -1)."""
    hashes = conversation_hashes(conversations)
    return np.where(codes == NO_CONVERSATION, NO_CONVERSATION, hashes[np.maximum(codes, 0)] if len(hashes) else 0)
