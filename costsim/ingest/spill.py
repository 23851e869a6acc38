"""Where a Claude Code tree's rows wait for its last file (a message's final copy can come in any file, so
`claude_code.read_sessions` merges the files' rows only once every file is read): in memory up to
SPILL_BYTES, then on disk but for the merge keys."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import IO

import numpy as np

MERGE_KEYS = ("id_hash", "has_id", "output_tokens")  # what the merge across files needs of every held row
SPILL_BYTES = 8 << 20  # held rows past this wait on disk (the prompt-heavy 1M-line folder holds ~120 MiB;
# 64 MiB until the thirteenth session: 8 took its peak from 451-466 to 412-427 MiB, no slower)
_SPILLED = "spilled"  # a held table's key: (its batch, its rows and prompts there) where the rest of it waits


class Spill:
    """Where a tree's rows wait for its last file. In memory up to SPILL_BYTES; past that, the held files'
    rows but their merge keys (17 bytes a row) go to an anonymous temporary file (gone when closed, or when
    the process ends) as one batch, column by column, and come back a batch at a time, as the first of its
    files' chunks is made. So a tree ten times bigger holds its keys, not its rows (the 3M-line prompt-heavy
    folder held some 350 MiB of rows until its last file)."""

    def __init__(self) -> None:
        self.stream: IO[bytes] | None = None
        self.held_bytes, self.counted = 0, 0
        self.batches: list[dict] = []  # each: column -> (dtype, offset in the file, rows)
        self.loaded: tuple[int, tuple] | None = None  # the batch read back: (its number, (columns, prompts))

    def hold(self, buffer: list[dict]) -> None:
        """Count the rows `buffer` gained; past SPILL_BYTES held in memory, move them to disk."""
        self.held_bytes += sum(_held_bytes(result["table"]) for result in buffer[self.counted:])
        self.counted = len(buffer)
        if self.held_bytes > SPILL_BYTES:
            self._write([result for result in buffer if _SPILLED not in result["table"]])
            self.held_bytes = 0

    def settle(self, buffer: list[dict]) -> None:
        """Before the rows are merged: once any wait on disk, the rest join them, so only one batch is back in
        memory at a time (not also the last files' rows, which come last)."""
        rest = [result for result in buffer if _SPILLED not in result["table"]]
        if self.batches and rest:
            self._write(rest)

    def _write(self, results: list[dict]) -> None:
        import tempfile

        if self.stream is None:
            self.stream = tempfile.TemporaryFile(prefix="costsim-held-")
        tables = [result["table"] for result in results]
        batch = {}
        for key, column in _columns(tables):  # a column at a time: no second copy of the rows at once
            batch[key] = (column.dtype, self.stream.seek(0, os.SEEK_END), len(column))
            self.stream.write(np.ascontiguousarray(column).view(np.uint8).data)
        self.batches.append(batch)
        row, prompt = 0, 0
        for result, table in zip(results, tables):
            rows, texts = len(table["line"]), len(table["prompts"])
            result["table"] = {**{key: table[key] for key in MERGE_KEYS}, "models": table["models"],
                               _SPILLED: (len(self.batches) - 1, row, row + rows, prompt, prompt + texts)}
            row, prompt = row + rows, prompt + texts

    def restored(self, result: dict) -> dict:
        """`result` with its whole table (read back from disk where it waited there)."""
        table = result["table"]
        if _SPILLED not in table:
            return result
        number, start, stop, first, last = table[_SPILLED]
        columns, prompts = self._batch(number)
        return {**result, "table": {**{key: column[start:stop] for key, column in columns.items()},
                                    "prompts": prompts.slice(first, last - first).to_pylist(),
                                    **{key: table[key] for key in (*MERGE_KEYS, "models")}}}

    def _batch(self, number: int):
        """A batch's columns and prompts, read back once (the batch before it let go: files come in order)."""
        import pyarrow as pa

        if self.loaded is None or self.loaded[0] != number:
            assert self.stream is not None
            self.loaded = None
            columns = {}
            for key, (dtype, offset, count) in self.batches[number].items():
                self.stream.seek(offset)
                columns[key] = np.frombuffer(self.stream.read(count * dtype.itemsize), dtype=dtype)
            offsets, text = columns.pop("prompt offsets"), columns.pop("prompt text")
            prompts = pa.Array.from_buffers(pa.string(), len(offsets) - 1, [None, pa.py_buffer(offsets),
                                                                              pa.py_buffer(text)])
            self.loaded = (number, (columns, prompts))
        return self.loaded[1]

    def close(self) -> None:
        self.loaded = None
        if self.stream is not None:
            self.stream.close()
            self.stream = None


def _columns(tables: list[dict]) -> Iterator[tuple[str, np.ndarray]]:
    """The files' rows as columns, one made at a time: every array but the merge keys, then their prompts as
    Arrow keeps strings."""
    import pyarrow as pa

    for key in [key for key, value in tables[0].items() if isinstance(value, np.ndarray) and key not in MERGE_KEYS]:
        yield key, np.concatenate([table[key] for table in tables])
    prompts = pa.array([prompt for table in tables for prompt in table["prompts"]], pa.string())
    _, offsets, text = prompts.buffers()
    yield "prompt offsets", np.frombuffer(offsets, dtype=np.int32, count=len(prompts) + 1)
    yield "prompt text", np.frombuffer(text, dtype=np.uint8) if text is not None else np.zeros(0, np.uint8)


def _held_bytes(table: dict) -> int:
    """About what a file's rows take in memory: their arrays, and each prompt's text with its str object."""
    arrays = sum(value.nbytes for value in table.values() if isinstance(value, np.ndarray))
    return arrays + sum(map(len, table["prompts"])) + 64 * len(table["prompts"])
