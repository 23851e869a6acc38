"""A Claude Code tree's rows as usage-frame chunks (`claude_code.read_sessions`): rule 3 across its files,
then the rows in chunks of about CHUNK_RECORDS, a run of files at a time, made after the last file is read
(`flush`), or, for a tree read alone, as its files come (`EarlyChunks`), so folding them runs while the
engine reads on."""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from costsim.frame import CLOSES_CONVERSATIONS, SUBAGENT_FILE
from costsim.frame import REQUEST_COUNTS as COUNTS
from costsim.ingest.common import IngestStats
from costsim.ingest.copies import final_copies
from costsim.ingest.records import finish_table
from costsim.ingest.spill import Spill

CHUNK_RECORDS = 20_000  # a tree's rows a chunk, fewer than other logs' (common.CHUNK_RECORDS): a chunk is folded
# while the engine reads on, so its fold's working set is beside the reading's. Prompt-heavy 1M lines (2026-12-07,
# medians of three): 50,000 rows and two parts a reader ahead 6.17 s, 461 MiB (1.49x the 100,000-line folder's
# peak); 25,000 and one ahead 5.99 s, 392 MiB (1.29-1.34x); 20,000 and one ahead as fast, 374-381 MiB (1.27x);
# rows chunked after the last file, as before: 6.97 s, 374 MiB


def own_conversations(results: list[dict]) -> bool:
    """Whether no two files share a conversation (a subagent's file has its own, a main file its session's)."""
    sessions = [r["session"] for r in results if not re.search(SUBAGENT_FILE, r["name"])]
    return len(sessions) == len(set(sessions))


def flush(buffer: list[dict], stats: IngestStats, closing: bool = False, spill: Spill | None = None
           ) -> Iterator[pd.DataFrame]:
    """The files' rows as usage-frame chunks: each message's final copy across the files (rule 3), then
    ids already seen in earlier inputs dropped; text columns are Arrow arrays (no Python string per row).
    Chunks are made a run of files at a time (about CHUNK_RECORDS rows), so the text columns of only one
    chunk exist at once; each file's rows are let go once its chunk is made (and read back from `spill`
    first, where they wait on disk)."""
    if not buffer:
        return
    tables = [r["table"] for r in buffer]
    hashes, present, output = _keys(tables)
    keep = final_copies(hashes, present, output)
    stats.duplicates += int((~keep).sum())
    keep[keep] = stats.drop_duplicate_hashes(hashes[keep], present[keep])
    kept = _by_file(keep, tables)
    del hashes, present, output, tables, keep
    sizes = np.cumsum([int(mask.sum()) for mask in kept])
    restored = spill.restored if spill is not None else (lambda result: result)
    if not sizes[-1]:  # nothing left to price: one empty chunk, as any reader gives
        yield from _chunk([restored(buffer[0])], kept[:1], stats, closing)
    start = 0 if sizes[-1] else len(buffer)
    while start < len(buffer):
        stop = max(
            int(np.searchsorted(sizes, (sizes[start - 1] if start else 0) + CHUNK_RECORDS, side="right")), start + 1
        )
        yield from _chunk([restored(r) for r in buffer[start:stop]], kept[start:stop], stats, closing)
        for k in range(start, stop):
            buffer[k] = kept[k] = None  # type: ignore[call-overload]  # this file's rows are in the chunk now
        start = stop
    buffer.clear()


def _keys(tables: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The files' merge keys, joined: each row's id hash, whether it has an id, its output count."""
    def joined(key: str) -> np.ndarray:
        return np.concatenate([t[key] for t in tables])

    return joined("id_hash"), joined("has_id"), joined("output_tokens")


def _by_file(mask: np.ndarray, tables: list[dict]) -> list[np.ndarray]:
    """A mask over the files' joined rows, cut into each file's."""
    at = np.cumsum([0] + [len(t["id_hash"]) for t in tables]).tolist()
    return [mask[a:b] for a, b in zip(at, at[1:])]


def _chunk(results: list[dict], kept: list[np.ndarray], stats: IngestStats, closing: bool) -> Iterator[pd.DataFrame]:
    """Some files' kept rows as finished usage-frame chunks; with `closing`, the last closes the conversations."""
    tables = [r["table"] for r in results]
    keep = np.concatenate(kept)
    text = _text_columns(results, tables, kept)
    frame = pd.DataFrame(
        {
            **{key: pd.arrays.ArrowStringArray(column) for key, column in text.items()},
            **{key: np.concatenate([t[key] for t in tables])[keep] for key in COUNTS},
            "timestamp": pd.to_datetime(np.concatenate([t["timestamp"] for t in tables])[keep], utc=True),
        }
    )
    for start in range(0, max(len(frame), 1), CHUNK_RECORDS):
        chunk = finish_table(frame.iloc[start : start + CHUNK_RECORDS].reset_index(drop=True), stats)
        chunk.attrs[CLOSES_CONVERSATIONS] = closing and start + CHUNK_RECORDS >= len(frame)
        yield chunk


def _text_columns(buffer: list[dict], tables: list[dict], kept: list[np.ndarray]) -> dict:
    """The kept rows' source (file:line), model, prompt, project and session as Arrow string arrays, made
    with one take per column for all files: each file's codes are offset into the files' joined lists."""
    counts = np.array([int(mask.sum()) for mask in kept], dtype=np.int64)
    file_of = pa.array(np.repeat(np.arange(len(tables), dtype=np.int64), counts))
    models: list[str] = []
    prompts: list[str] = []
    model_codes: list[np.ndarray] = []
    prompt_codes: list[np.ndarray] = []
    for t, mask in zip(tables, kept):
        model_codes.append(t["model"][mask].astype(np.int64) + len(models))
        prompt = t["prompt"][mask].astype(np.int64)
        prompt_codes.append(np.where(prompt < 0, -1, prompt + len(prompts)))
        models.extend(t["models"])
        prompts.extend(t["prompts"])
    prompt = np.concatenate(prompt_codes)
    lines = pa.array(np.concatenate([t["line"] for t in tables])[np.concatenate(kept)]).cast(pa.string())
    names = pa.array([r["name"] for r in buffer], pa.string()).take(file_of)
    return {
        "source": pc.binary_join_element_wise(names, lines, ":"),
        "model": pa.array(models, pa.string()).take(pa.array(np.concatenate(model_codes))),
        "prompt": pa.array(prompts, pa.string()).take(pa.array(prompt, mask=prompt < 0)),
        "project": pa.array([r["project"] for r in buffer], pa.string()).take(file_of),
        "session": pa.array([r["session"] for r in buffer], pa.string()).take(file_of),
    }


class ChunkedTooEarly(Exception):
    """A lone tree's chunks were made as its files came (`IngestStats.early_chunks`), and a later file
    showed it had to wait for the last: a larger copy of a message already priced, or a session in two
    files (its conversation not closed when priced). The caller reads the tree again without early chunks."""


class EarlyChunks:
    """A lone tree's chunks made as its files come, not after the last one, so folding them runs while the
    engine reads on: the chunks `flush` would make over every file (the same files in each, the same rows
    kept), when no later file changes them. A run of files becomes chunks once the files after it are past
    CHUNK_RECORDS kept rows (as `flush` cuts them), its rows kept by rule 3 among the files read so far, and
    ids already in chunks dropped: a later copy that is larger means the tree had to wait (see `rest`)."""

    def __init__(self, stats: IngestStats) -> None:
        self.stats = stats
        self.chunked: list[tuple[np.ndarray, np.ndarray]] = []  # each chunk's ids and output counts
        self.later: list[tuple[np.ndarray, np.ndarray]] = []  # later copies of those ids, and their counts
        self.sessions: set[str] = set()  # the main files' sessions
        self.waiting = 0  # rows of the files not yet in a chunk

    def add(self, result: dict) -> bool:
        """Note a file that has rows (ChunkedTooEarly for a second main file of a session, as
        `own_conversations` would find); whether the files waiting may now hold a chunk's worth of rows."""
        rows = len(result["table"]["line"])
        if rows and not re.search(SUBAGENT_FILE, result["name"]):
            if result["session"] in self.sessions:
                raise ChunkedTooEarly(f"{result['name']}: a session read before")
            self.sessions.add(result["session"])
        self.waiting += rows
        return self.waiting > CHUNK_RECORDS

    def chunks(self, buffer: list[dict]) -> Iterator[pd.DataFrame]:
        """The chunks of the first files waiting, while the files after them are past CHUNK_RECORDS rows."""
        while self.waiting > CHUNK_RECORDS:
            kept, later = self._kept(buffer)
            if sum(int(mask.sum()) for mask in kept) <= CHUNK_RECORDS:
                return
            yield from self._chunk(buffer, kept, later)

    def rest(self, buffer: list[dict]) -> Iterator[pd.DataFrame]:
        """The last chunks; ChunkedTooEarly if a later copy of a message in a chunk is larger (rule 3 keeps
        that copy, so `flush` over every file would have kept other rows)."""
        if not self.chunked:  # no chunk made yet: the tree's chunks as `flush` makes them
            yield from flush(buffer, self.stats, closing=True)
            return
        while buffer:
            yield from self._chunk(buffer, *self._kept(buffer))
        ids, counts = (np.concatenate(column) for column in zip(*self.later))
        if len(ids):
            order = np.lexsort((-counts, ids))  # by id, the largest count first
            ids, counts = ids[order], counts[order]
            first = np.r_[True, ids[1:] != ids[:-1]]
            ids, counts = ids[first], counts[first]
            for chunk_ids, chunk_counts in self.chunked:
                at = np.minimum(np.searchsorted(ids, chunk_ids), len(ids) - 1)
                if ((ids[at] == chunk_ids) & (counts[at] > chunk_counts)).any():
                    raise ChunkedTooEarly("a later copy of a message is larger than the one priced")

    def _kept(self, buffer: list[dict]) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Each waiting file's rows kept by rule 3 among the waiting files, less ids already in chunks; and
        the rows left out for that alone (later copies of messages in chunks)."""
        tables = [r["table"] for r in buffer]
        hashes, present, output = _keys(tables)
        keep = final_copies(hashes, present, output)
        later = np.zeros(len(keep), dtype=bool)
        later[keep] = present[keep] & self.stats.seen_hashes(hashes[keep])
        keep &= ~later
        return _by_file(keep, tables), _by_file(later, tables)

    def _chunk(self, buffer: list[dict], kept: list[np.ndarray], later: list[np.ndarray]) -> Iterator[pd.DataFrame]:
        """The first run of waiting files as chunks, as `flush` cuts them (the conversations read so far
        closed), let go."""
        stop = max(int(np.searchsorted(np.cumsum([int(mask.sum()) for mask in kept]), CHUNK_RECORDS, side="right")), 1)
        results, kept = buffer[:stop], kept[:stop]
        del buffer[:stop]
        tables = [result["table"] for result in results]
        self.waiting -= sum(len(table["line"]) for table in tables)
        hashes, present, output = _keys(tables)
        keep, copies = np.concatenate(kept), np.concatenate(later[:stop])
        self.later.append((hashes[copies], output[copies]))
        self.stats.duplicates += int((~keep).sum())
        keep[keep] = self.stats.drop_duplicate_hashes(hashes[keep], present[keep])  # records them: none is dropped
        self.chunked.append((hashes[keep & present], output[keep & present]))
        yield from _chunk(results, _by_file(keep, tables), self.stats, closing=True)
