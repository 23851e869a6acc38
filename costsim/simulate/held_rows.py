"""The slim rows a run holds until its end (cache replay, sticky routing, pinned conversations), memory kept flat.

A conversation's requests can come in any chunk, so the held strategies are priced only once the last
chunk is read. Up to SPILL_ROWS rows stay in memory as each chunk's columns; past that, every chunk's
rows go to temporary Arrow IPC files, one per hash partition of the conversations (of the sessions, when
pinned routing needs whole sessions), and `shares` gives the partitions one at a time. Each holds whole
conversations in read order, so pricing the shares one by one (`cache_strategies.price_share`) gives
the same sums as pricing all the rows at once, and the run's peak memory does not grow with the log.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from costsim.simulate.cache_replay import NO_CONVERSATION

SPILL_ROWS = 1_000_000  # rows held in memory before they go to disk (~90 bytes a row)
PARTITIONS = 16  # hash partitions of the conversations once spilled (10M rows: ~625,000 a share)
SHARE_ROWS = 1 << 17  # in memory, rows priced at once: the replay's and the pricing's working arrays grow with it
CACHE_COLUMNS = ("cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens")


class HeldRows:
    """Each classified chunk's slim columns (`cache_strategies.slim_rows`), in memory or spilled by partition."""

    def __init__(self, spill_rows: int | None = None, partitions: int | None = None) -> None:
        self.spill_rows = SPILL_ROWS if spill_rows is None else spill_rows
        self.partitions = PARTITIONS if partitions is None else partitions
        self.chunks: list[dict] = []
        self.count = 0  # chunks appended
        self.rows = 0
        self.cached_tokens = 0  # logged cache reads and writes of every held row
        self.conversations = False  # some held row belongs to a conversation (a session and a timestamp)
        self._folder: Path | None = None
        self._writers: dict[int, pa.ipc.RecordBatchFileWriter] = {}
        self._schema: pa.Schema | None = None
        self._dtypes: dict = {}  # column -> the dtype it is restored to (None: a plain numpy array)

    def __len__(self) -> int:
        return self.count

    @property
    def spilled(self) -> bool:
        return self._folder is not None

    def append(self, columns: dict) -> None:
        """One chunk's slim columns (they are kept, not copied)."""
        self.count += 1
        self.rows += len(columns["conversation"])
        self.cached_tokens += sum(int(np.asarray(columns[c]).sum()) for c in CACHE_COLUMNS)
        self.conversations = self.conversations or bool((columns["conversation"] != NO_CONVERSATION).any())
        self.chunks.append(columns)
        if self.spilled or self.rows > self.spill_rows:
            for chunk in self.chunks:
                self._write(chunk)
            self.chunks.clear()

    def shares(self) -> Iterator[pd.DataFrame]:
        """The held rows as frames of whole conversations, about SHARE_ROWS each: cut from all the rows while in
        memory, else from one partition at a time (each read back from disk and let go before the next)."""
        if not self.spilled:
            if self.chunks:
                frame = held_frame(self.chunks)
                for rows in _shares(frame, SHARE_ROWS):
                    yield frame.iloc[rows] if isinstance(rows, slice) else frame.take(rows)
            return
        for frame in self._partitions():
            for rows in _shares(frame, SHARE_ROWS):  # the replay's working arrays are a share's, not a partition's
                yield frame.iloc[rows] if isinstance(rows, slice) else frame.take(rows)
            del frame

    def _partitions(self) -> Iterator[pd.DataFrame]:
        """Each spilled partition's rows, in read order, one at a time."""
        for writer in self._writers.values():
            writer.close()
        for part in sorted(self._writers):
            with pa.memory_map(str(self._path(part))) as source:
                table = pa.ipc.open_file(source).read_all()
            yield self._frame(table)
            del table

    def drain(self) -> Iterator[pd.DataFrame]:
        """`shares`, then every held row let go: the next rows are held afresh, in memory up to the spill size
        again (the run's cache tokens and whether it has conversations still count every row ever held)."""
        yield from self.shares()
        self.close()
        self.chunks.clear()
        self._folder, self.rows = None, 0

    def frame(self) -> pd.DataFrame:
        """Every held row in one frame (in read order while in memory, partition after partition once spilled)."""
        if not self.spilled:
            return held_frame(self.chunks) if self.chunks else pd.DataFrame()
        parts = list(self._partitions())
        return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)

    def close(self) -> None:
        """Remove the spilled files."""
        for writer in self._writers.values():
            writer.close()
        self._writers.clear()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)

    # ---- spilling -------------------------------------------------------------------------------

    def _path(self, part: int) -> Path:
        assert self._folder is not None
        return self._folder / f"held-{part}.arrow"

    def _write(self, chunk: dict) -> None:
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="costsim-held-"))
            weakref.finalize(self, shutil.rmtree, self._folder, True)  # gone even if the run stops early
        table = self._table(chunk)
        part = self._partition(chunk)
        for p in np.unique(part).tolist():
            rows = table.filter(pa.array(part == p))
            if p not in self._writers:
                self._writers[p] = pa.ipc.new_file(str(self._path(p)), table.schema)
            self._writers[p].write_table(rows)

    def _table(self, chunk: dict) -> pa.Table:
        columns = {}
        for name, values in chunk.items():
            if name not in self._dtypes:
                self._dtypes[name] = None if isinstance(values, np.ndarray) else pd.Series(values).dtype
            text = isinstance(values, np.ndarray) and values.dtype == object  # a chunk's may be all None
            columns[name] = pa.array(values if isinstance(values, np.ndarray) else pd.Series(values, copy=False),
                                     type=pa.large_string() if text else None, from_pandas=True)
        table = pa.table(columns)
        if self._schema is None:
            self._schema = table.schema
        return table.cast(self._schema)

    def _partition(self, chunk: dict) -> np.ndarray:
        """Each row's partition: by session when held (pinned routing needs whole sessions), else by
        conversation; a row with neither is a conversation of its own and goes by its place."""
        place = np.arange(self.rows - len(chunk["conversation"]), self.rows, dtype=np.int64)
        return np.abs(_share_key(chunk.get("session"), chunk["conversation"], place) % self.partitions)

    def _frame(self, table: pa.Table) -> pd.DataFrame:
        columns = {}
        for name, dtype in self._dtypes.items():
            values = table.column(name)
            if dtype is None:
                columns[name] = values.to_numpy()
            else:
                columns[name] = pd.Series(values.to_pandas(), copy=False).astype(dtype).array
        return pd.DataFrame(columns, copy=False)


def _shares(frame: pd.DataFrame, share_rows: int) -> list[np.ndarray | slice]:
    """The held rows' positions in shares of about `share_rows`, each holding whole conversations (whole
    sessions when the session is held, for pinned routing), in read order; a row with neither is a
    conversation of its own. Priced one by one they give the sums of all the rows at once, with a share's
    working arrays (prompt-heavy 1M-line folder: 0.99 -> 0.60 GB peak). Where the rows come a conversation
    after another (every row has one, and codes are given in read order), each share is a run of
    consecutive conversations and a slice of the rows, taken without a copy."""
    count = -(-len(frame) // share_rows)
    if count <= 1:
        return [slice(0, len(frame))]
    session = frame["session"] if "session" in frame.columns else None
    if session is None:
        conversation = frame["conversation"].to_numpy(dtype=np.int64)
        if (conversation != NO_CONVERSATION).all():
            share = conversation * count // (int(conversation.max()) + 1)
            if (share[1:] >= share[:-1]).all():
                cuts = [0, *np.searchsorted(share, np.arange(1, count)).tolist(), len(share)]
                return [slice(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    share = np.abs(_share_key(session, frame["conversation"], np.arange(len(frame), dtype=np.int64)) % count)
    order = np.argsort(share, kind="stable")
    return [rows for rows in np.split(order, np.searchsorted(share[order], np.arange(1, count))) if len(rows)]


def _share_key(session, conversation, place: np.ndarray) -> np.ndarray:
    """Each row's key for cutting the held rows into shares of whole conversations: its session's hash when
    the session is held (pinned routing needs whole sessions), else its conversation; a row with neither is
    a conversation of its own, keyed by its place (`place`) in read order."""
    if session is not None:
        session = pd.Series(session, copy=False)
        has = session.notna().to_numpy()
        key = pd.util.hash_array(session.astype("object").to_numpy()).astype(np.int64)
    else:
        conversation = np.asarray(conversation, dtype=np.int64)
        has, key = conversation != NO_CONVERSATION, conversation
    return np.where(has, key, place)


def held_frame(held: list[dict]) -> pd.DataFrame:
    """The held chunks as one frame, joined a column at a time and each chunk's column let go once joined,
    so the rows are never held twice over."""
    columns = {}
    for name in list(held[0]):
        parts = [chunk.pop(name) for chunk in held]
        columns[name] = (np.concatenate(parts) if all(isinstance(p, np.ndarray) for p in parts)
                         else pd.concat([pd.Series(p, copy=False) for p in parts], ignore_index=True).array)
        del parts
    held.clear()
    return pd.DataFrame(columns, copy=False)
