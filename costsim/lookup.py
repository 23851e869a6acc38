"""Vectorised lookups of 64-bit keys, a batch at a time: `HashRuns` (a growing set of hashes, each with an
optional byte) and `IntIndex` (a fixed table from integers to their places).

numpy's `searchsorted` costs ~20 dependent memory reads a key, which showed on the runs' main thread (perf,
2026-12-08: a third of its numpy time in `binsearch`); both kinds here answer most keys with one read.
"""

from __future__ import annotations

import numpy as np

_FIBONACCI = np.uint64(0x9E3779B97F4A7C15)  # 2**64 / golden ratio: spreads keys that are not hashes


class HashRuns:
    """Uniformly spread 64-bit hashes (request ids, prompt digests), each with an int8 value when added with one.

    Each batch added becomes a sorted run (8 bytes a hash, 9 with its value, no Python object each), and
    the last two runs merge while the older is at most twice the newer and both fit in `cap` (no copy of
    everything is ever made), so a lookup searches a few runs. First, though, it asks a table of 2**24 bits
    (2 MiB) indexed by each hash's top 24 bits: a hash never added finds its bit clear, bar odds of
    (hashes added) / 2**24, ~6% at a million, and only the keys whose bit is set are searched. A batch of
    new ids, the usual case, costs one read a key."""

    BITS = 24

    def __init__(self, cap: int = 1 << 20) -> None:
        self.runs: list[tuple[np.ndarray, np.ndarray | None]] = []  # (sorted hashes, their values or None)
        self._cap = cap
        self._bits = np.zeros(1 << (self.BITS - 3), dtype=np.uint8)

    def __len__(self) -> int:
        return sum(len(keys) for keys, _ in self.runs)

    def contains(self, keys: np.ndarray) -> np.ndarray:
        """True for each key added before."""
        return self._find(keys)[0]

    def values(self, keys: np.ndarray) -> np.ndarray:
        """Each key's value (int8), 0 where it was never added."""
        return self._find(keys)[1]

    def add(self, keys: np.ndarray, values: np.ndarray | None = None) -> None:
        """Add distinct keys, sorted, none added before (with their values, for a set that holds values)."""
        if not len(keys):
            return
        keys = keys.astype(np.uint64, copy=False)
        slot = keys >> np.uint64(64 - self.BITS)
        np.bitwise_or.at(self._bits, slot >> np.uint64(3), np.left_shift(1, slot & np.uint64(7)).astype(np.uint8))
        self.runs.append((keys, None if values is None else values.astype(np.int8)))
        while (len(self.runs) > 1 and len(self.runs[-2][0]) <= 2 * len(self.runs[-1][0])
               and len(self.runs[-2][0]) + len(self.runs[-1][0]) <= self._cap):
            (a, a_values), (b, b_values) = self.runs.pop(-2), self.runs.pop()
            joined = np.concatenate([a, b])
            if a_values is None or b_values is None:
                self.runs.append((np.sort(joined, kind="stable"), None))  # a merge of two sorted runs
            else:
                order = np.argsort(joined, kind="stable")
                self.runs.append((joined[order], np.concatenate([a_values, b_values])[order]))

    def array(self) -> np.ndarray:
        """Every hash added, sorted."""
        return np.sort(np.concatenate([keys for keys, _ in self.runs])) if self.runs else np.zeros(0, np.uint64)

    def _find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(True for each key added before, each key's value: int8, 0 where none)."""
        hit, out = np.zeros(len(keys), dtype=bool), np.zeros(len(keys), dtype=np.int8)
        if not self.runs or not len(keys):
            return hit, out
        keys = keys.astype(np.uint64, copy=False)
        slot = keys >> np.uint64(64 - self.BITS)
        maybe = np.flatnonzero((self._bits[slot >> np.uint64(3)] >> (slot & np.uint64(7)).astype(np.uint8)) & 1)
        order = maybe[np.argsort(keys[maybe])]  # sorted needles keep the binary searches in cache
        needles = keys[order]
        found = np.zeros(len(order), dtype=bool)
        values = np.zeros(len(order), dtype=np.int8)
        for run, run_values in self.runs:
            at = np.minimum(np.searchsorted(run, needles), len(run) - 1)
            here = run[at] == needles
            found |= here
            if run_values is not None:
                values[here] = run_values[at[here]]
        hit[order], out[order] = found, values
        return hit, out


class IntIndex:
    """Each of some distinct integers' place in `keys`, found a batch at a time (-1 for any other): an
    open-addressing table of at least four slots a key, probed linearly, each slot a key and its place."""

    def __init__(self, keys: np.ndarray) -> None:
        keys = np.asarray(keys, dtype=np.int64)
        self._shift = np.uint64(64 - max(int(np.ceil(np.log2(max(len(keys), 1) * 4))), 4))
        size = 1 << (64 - int(self._shift))
        self._keys = np.zeros(size, dtype=np.int64)
        self._places = np.full(size, -1, dtype=np.int64)  # -1: an empty slot
        pending, slot = np.arange(len(keys)), self._slots(keys)
        while len(pending):  # each round, the first key wanting a free slot takes it; the others move on
            free = self._places[slot] < 0
            wanted, first = np.unique(slot[free], return_index=True)
            taking = np.flatnonzero(free)[first]
            self._keys[wanted], self._places[wanted] = keys[pending[taking]], pending[taking]
            left = np.ones(len(pending), dtype=bool)
            left[taking] = False
            pending, slot = pending[left], (slot[left] + 1) & (size - 1)

    def places(self, keys: np.ndarray) -> np.ndarray:
        """Each key's place in the keys the index was made of, -1 where it is none of them."""
        keys = np.asarray(keys, dtype=np.int64)
        slot = self._slots(keys)
        out = np.full(len(keys), -1, dtype=np.int64)
        probing = np.arange(len(keys))
        while len(probing):
            place = self._places[slot]
            hit = (place >= 0) & (self._keys[slot] == keys[probing])
            out[probing[hit]] = place[hit]
            going = (place >= 0) & ~hit  # an empty slot ends a key's probe
            probing, slot = probing[going], (slot[going] + 1) & (len(self._places) - 1)
        return out

    def _slots(self, keys: np.ndarray) -> np.ndarray:
        return ((keys.astype(np.uint64) * _FIBONACCI) >> self._shift).astype(np.int64)


__all__ = ["HashRuns", "IntIndex"]
