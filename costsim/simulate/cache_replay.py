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
        session_code, sessions = pd.factorize(df["session"][has])
        sessions = np.asarray(sessions, dtype=object)
        file_code = np.full(len(session_code), -1, dtype=np.int64)
        files = np.array([], dtype=object)
        source = pa.array(df["source"][has].astype("string"), from_pandas=True)
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
        data = text.buffers()[2]  # offsets, then the bytes of every string (a slice's neighbours too)
        if data is None or bytes(data).find(word.encode()) < 0:
            return np.zeros(len(text), dtype=bool)
    return np.asarray(pc.fill_null(pc.match_substring(text, word), False))


@dataclass(frozen=True)
class ReplayStats:
    """What the replay found for one strategy."""

    requests: int
    conversations: int
    switches: int          # requests on another model than the previous request of their conversation
    cold_starts: int       # requests with a cacheable prefix that found no warm cache on their model
    first_on_model: int    # … of which the conversation's first request on that model
    cache_read_tokens: int  # after the replay
    cache_read_tokens_carried: int  # as logged (what "caches carried over" assumes)
    cacheable_prefix_tokens: int

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _conversations(df: pd.DataFrame) -> np.ndarray:
    """Codes where every request without a conversation gets one of its own."""
    conv = df["conversation"].to_numpy(dtype=np.int64)
    alone = conv == NO_CONVERSATION
    if alone.any():
        conv = conv.copy()
        conv[alone] = conv.max(initial=0) + 1 + np.flatnonzero(alone)
    return conv


def _model_params(ids, caches: CacheBook, book: PriceBook):
    """Per-row cache parameters of each row's target model (arrays), from a factorized model column."""
    if isinstance(ids, pd.Categorical):  # already coded (`cache_strategies` resolves each distinct name once)
        codes, labels = ids.codes.astype(np.int64), list(ids.categories)
    else:
        codes, labels = pd.factorize(pd.Series(ids, dtype="object"))
    size = len(labels)
    idle = np.zeros(size, dtype=np.int64)
    idle_1h = np.zeros(size, dtype=np.int64)
    min_prefix = np.zeros(size, dtype=np.int64)
    block = np.ones(size, dtype=np.int64)
    explicit = np.zeros(size, dtype=bool)
    for i, name in enumerate(labels):
        model = book.resolve(name)
        cache = caches.for_model(model)
        idle[i] = cache.idle_minutes * NS_PER_MINUTE
        idle_1h[i] = (cache.idle_minutes_1h if cache.idle_minutes_1h is not None
                      else cache.idle_minutes) * NS_PER_MINUTE
        min_prefix[i] = cache.min_prefix_for(model.id)
        block[i] = cache.block_tokens
        explicit[i] = cache.explicit
    if (codes < 0).any():
        raise ValueError("cache replay: a row has no target model")
    return codes, idle[codes], idle_1h[codes], min_prefix[codes], block[codes], explicit[codes]


def _times(df: pd.DataFrame) -> np.ndarray:
    """Each row's timestamp in ns (0 where it has none)."""
    stamps = df["timestamp"]
    if not len(df):
        return np.zeros(0, dtype=np.int64)
    return np.where(stamps.isna().to_numpy(), 0, stamps.to_numpy(dtype="datetime64[ns]").astype(np.int64))


@dataclass(frozen=True)
class ReplayRows:
    """What every strategy's replay reads of the same rows, worked out once (`prepare`)."""

    conversation: np.ndarray     # codes, each request without one its own
    ns: np.ndarray               # timestamps in ns (0: none)
    uncached: np.ndarray         # logged input tokens
    read_logged: np.ndarray
    prefix: np.ndarray           # the cacheable prefix: logged cache reads and writes
    one_hour: np.ndarray         # the request's own write kind is the 1-hour one
    by_time: np.ndarray          # the rows' order by conversation, then time, then place
    requests: int
    conversations: int


def prepare(df: pd.DataFrame, by_time: np.ndarray | None = None) -> ReplayRows:
    """The columns of `df` (REPLAY_COLUMNS) the replay reads, for `replay_counts` of several strategies."""
    conv = _conversations(df)
    t = _times(df)
    read_logged = df["cache_read_tokens"].to_numpy(dtype=np.int64)
    w5 = df["cache_write_5m_tokens"].to_numpy(dtype=np.int64)
    w1 = df["cache_write_1h_tokens"].to_numpy(dtype=np.int64)
    if by_time is None:
        by_time = np.lexsort((np.arange(len(df)), t, conv))
    in_order = conv[by_time]  # sorted: each conversation's rows together
    return ReplayRows(conversation=conv, ns=t, uncached=df["input_tokens"].to_numpy(dtype=np.int64),
                      read_logged=read_logged, prefix=read_logged + w5 + w1, one_hour=w1 > w5, by_time=by_time,
                      requests=int(df["requests"].sum()),
                      conversations=int((in_order[1:] != in_order[:-1]).sum()) + 1 if len(df) else 0)


def replay(
    df: pd.DataFrame, model_ids, caches: CacheBook, book: PriceBook, *, cold: bool = False,
    by_time: np.ndarray | None = None,
) -> tuple[pd.DataFrame, ReplayStats]:
    """The rows of `df` (REPLAY_COLUMNS) with their cache split re-derived for `model_ids` (one per row, or a
    Categorical of them).

    `cold`: no request finds a warm cache (an escalated call on a model the conversation is not on).
    `by_time`: the rows' order by conversation, time and place, when the caller has it (`prepare`)."""
    counts, stats = replay_counts(prepare(df, by_time), model_ids, caches, book, cold=cold)
    out = df.copy(deep=False)  # the four split columns are replaced, the rest shared
    for column, values in counts.items():
        out[column] = values
    return out, stats


def replay_counts(rows: ReplayRows, model_ids, caches: CacheBook, book: PriceBook, *,
                  cold: bool = False) -> tuple[dict[str, np.ndarray], ReplayStats]:
    """`replay` on prepared rows: the four re-derived split columns (input, cache read, both cache writes)."""
    ids = model_ids if isinstance(model_ids, pd.Categorical) else np.asarray(model_ids, dtype=object)
    n = len(rows.conversation)
    model, idle, idle_1h, min_prefix, block, explicit = _model_params(ids, caches, book)
    conv, t, prefix, one_hour, by_time = rows.conversation, rows.ns, rows.prefix, rows.one_hour, rows.by_time
    cached = np.where(prefix >= min_prefix, prefix, 0)  # what the target model would cache at all

    # by conversation, model, time: a stable sort of the time order by (conversation, model)
    one_model = n == 0 or model.min() == model.max()
    order = by_time if one_model else \
        by_time[np.argsort(conv[by_time] * (int(model.max(initial=0)) + 1) + model[by_time], kind="stable")]
    same = np.zeros(n, dtype=bool)  # (sorted) has a previous request on this model
    conv_sorted = conv[order]
    same[1:] = (conv_sorted[1:] == conv_sorted[:-1])
    if not one_model:
        model_sorted = model[order]
        same[1:] &= model_sorted[1:] == model_sorted[:-1]
    prev = np.empty(n, dtype=np.int64)
    prev[1:] = order[:-1]
    prev[0] = order[0] if n else 0
    here = order
    life = np.where(explicit[here] & one_hour[prev], idle_1h[here], idle[here])
    warm_sorted = same & ~cold & (t[here] - t[prev] <= life) & (cached[prev] > 0)
    held_sorted = np.where(warm_sorted, cached[prev], 0)
    warm = np.zeros(n, dtype=bool)
    warm[here] = warm_sorted
    first = np.zeros(n, dtype=bool)
    first[here] = ~same
    held = np.zeros(n, dtype=np.int64)
    held[here] = held_sorted

    read = np.minimum(cached, held)
    read = read // block * block
    rest = cached - read
    counts = {
        "input_tokens": rows.uncached + (prefix - cached) + np.where(explicit, 0, rest),
        "cache_read_tokens": read,
        "cache_write_5m_tokens": np.where(explicit & ~one_hour, rest, 0),
        "cache_write_1h_tokens": np.where(explicit & one_hour, rest, 0),
    }
    if one_model:
        switches = 0
    else:
        in_time = conv[by_time], model[by_time]
        switches = int(((in_time[0][1:] == in_time[0][:-1]) & (in_time[1][1:] != in_time[1][:-1])).sum())
    cold_start = (cached > 0) & ~warm
    stats = ReplayStats(
        requests=rows.requests,
        conversations=rows.conversations,
        switches=switches,
        cold_starts=int(cold_start.sum()),
        first_on_model=int((cold_start & first).sum()),
        cache_read_tokens=int(read.sum()),
        cache_read_tokens_carried=int(rows.read_logged.sum()),
        cacheable_prefix_tokens=int(prefix.sum()),
    )
    return counts, stats


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
