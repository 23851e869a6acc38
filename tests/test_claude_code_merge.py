"""Rule 3 (counted once) as the readers apply it to many rows at once, against the rule written out
row by row: `final_copies` across files, `merge_copies` within files."""

import numpy as np

from costsim.ingest.copies import final_copies, merge_copies

# (rows, distinct ids, share of rows with an id, ids in runs of adjacent rows): ids on many rows; ids mostly
# on one row, as in real logs (the readers' fast path); a message's lines one after another, as Claude Code
# writes a message's content blocks (runs of 1-4 rows, an id coming back after others now and then); empty,
# single and id-less inputs
SHAPES = [(400, 60, 0.9, False), (400, 5000, 0.9, False), (400, 60, 0.9, True), (400, 5000, 0.95, True),
          (0, 10, 0.9, False), (1, 10, 1.0, False), (30, 10, 0.0, False), (50, 10**9, 1.0, False)]
CASES = [(seed, *shape) for shape in SHAPES for seed in range(8)]


def rows(seed: int, count: int = 400, distinct: int = 60, with_id: float = 0.9, runs: bool = False):
    rng = np.random.default_rng(seed)
    hashes = rng.integers(0, distinct, count).astype(np.uint64)  # ids shared by several rows, as copies are
    if runs:
        hashes = np.repeat(hashes, rng.integers(1, 5, count))[:count]
    present = rng.random(count) < with_id
    output = rng.integers(0, 5, count)  # ties are common
    files = np.sort(rng.integers(0, 4, count))
    return hashes, present, output, files


def test_final_copies_keeps_each_ids_largest_output_earliest_on_a_tie_and_every_row_without_an_id():
    for case in CASES:
        hashes, present, output, _ = rows(*case)
        best: dict[int, int] = {}
        for i in range(len(hashes)):
            if present[i]:
                h = int(hashes[i])
                if h not in best or output[i] > output[best[h]]:
                    best[h] = i
        expected = ~present
        expected[list(best.values())] = True
        assert np.array_equal(final_copies(hashes, present, output), expected)


def test_merge_copies_gives_each_files_messages_first_and_final_lines_in_first_line_order():
    for case in CASES:
        hashes, present, output, files = rows(*case)
        groups: dict[tuple, list[int]] = {}
        for i in range(len(hashes)):
            groups.setdefault((int(files[i]), int(hashes[i])) if present[i] else ("alone", i), []).append(i)
        firsts = sorted(members[0] for members in groups.values())
        finals = {members[0]: max(members, key=lambda i: (output[i], -i)) for members in groups.values()}
        first, final = merge_copies(hashes, present, output, files)
        assert first.tolist() == firsts
        assert final.tolist() == [finals[i] for i in firsts]
