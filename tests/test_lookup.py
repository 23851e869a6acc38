"""`costsim.lookup`: the batch lookups agree with a Python set and dict, whatever the batches and collisions."""

import numpy as np
import pytest

from costsim.lookup import HashRuns, IntIndex


def _batches(rng, count, size):
    keys = np.unique(rng.integers(0, 2**64 - 1, size=count * size, dtype=np.uint64, endpoint=True))
    rng.shuffle(keys)
    return [np.sort(keys[i:i + size]) for i in range(0, len(keys), size)]


@pytest.mark.parametrize("values", [False, True])
def test_hash_runs_answer_as_a_dict_does_batch_after_batch(values):
    rng = np.random.default_rng(7)
    runs, added = HashRuns(cap=3000), {}
    for batch in _batches(rng, 40, 500):
        tiers = rng.integers(1, 4, size=len(batch)).astype(np.int8)
        # asked before they are added: keys sharing the top bits of added ones (their bit set) and fresh ones
        near = batch ^ np.uint64(1)  # same top 24 bits as a key about to be added, never added itself
        asked = np.concatenate([batch, near, np.array(list(added)[:300], dtype=np.uint64)])
        expected_in = np.array([int(k) in added for k in asked])
        assert np.array_equal(runs.contains(asked), expected_in)
        if values:
            assert runs.values(asked).tolist() == [added.get(int(k), 0) for k in asked]
        runs.add(batch, tiers if values else None)
        added.update(zip(map(int, batch), tiers.tolist() if values else [1] * len(batch)))
        assert runs.contains(batch).all() and not runs.contains(near).any()
    assert len(runs) == len(added)
    assert runs.array().tolist() == sorted(added)
    assert all(len(keys) <= 3000 for keys, _ in runs.runs) and len(runs.runs) < 20  # merged, each within the cap


def test_hash_runs_hold_eight_bytes_a_hash_and_nine_with_a_value():
    keys = np.sort(np.random.default_rng(1).integers(0, 2**63, size=1000, dtype=np.uint64))
    plain, valued = HashRuns(), HashRuns()
    plain.add(keys)
    valued.add(keys, np.ones(1000, dtype=np.int8))
    assert sum(k.nbytes for k, _ in plain.runs) == 8000
    assert sum(k.nbytes + v.nbytes for k, v in valued.runs) == 9000


def test_empty_hash_runs_and_empty_batches():
    runs = HashRuns()
    assert runs.contains(np.array([5], dtype=np.uint64)).tolist() == [False]
    assert runs.values(np.zeros(0, dtype=np.uint64)).tolist() == []
    runs.add(np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int8))
    assert len(runs) == 0 and runs.array().tolist() == []


@pytest.mark.parametrize("count", [0, 1, 7, 5000])
def test_int_index_finds_each_key_place_and_nothing_else(count):
    rng = np.random.default_rng(count)
    keys = rng.permutation(np.unique(rng.integers(-(2**40), 2**40, size=count)))
    keys[: min(count, 3)] = [0, -1, 2**62][: min(count, 3)]  # zero, negative and large keys too
    keys = keys[np.unique(keys, return_index=True)[1]]  # still distinct
    index = IntIndex(keys)
    place = {int(k): i for i, k in enumerate(keys)}
    asked = np.concatenate([keys, rng.integers(-(2**40), 2**40, size=3000), keys * 7 + 1])
    assert index.places(asked).tolist() == [place.get(int(k), -1) for k in asked]


def test_int_index_keys_that_share_a_slot_are_probed_past():
    # bigram-like keys (a * n + b): structured, not hashes; many land next to each other
    n = 7779
    keys = np.unique(np.array([a * n + b for a in range(0, 400, 3) for b in range(0, 400, 7)], dtype=np.int64))
    index = IntIndex(keys)
    assert index.places(keys).tolist() == list(range(len(keys)))
    place = {int(k): i for i, k in enumerate(keys)}
    assert index.places(keys + 1).tolist() == [place.get(int(k) + 1, -1) for k in keys]
