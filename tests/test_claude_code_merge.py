"""Rule 3 (counted once) as the readers apply it to many rows at once, against the rule written out
row by row: `final_copies` across files, `merge_copies` within files."""

import numpy as np

from costsim.ingest.claude_code import final_copies, merge_copies


def rows(seed: int, count: int = 400):
    rng = np.random.default_rng(seed)
    hashes = rng.integers(0, 60, count).astype(np.uint64)  # ids shared by several rows, as copies are
    present = rng.random(count) > 0.1
    output = rng.integers(0, 5, count)  # ties are common
    files = np.sort(rng.integers(0, 4, count))
    return hashes, present, output, files


def test_final_copies_keeps_each_ids_largest_output_earliest_on_a_tie_and_every_row_without_an_id():
    for seed in range(20):
        hashes, present, output, _ = rows(seed)
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
    for seed in range(20):
        hashes, present, output, files = rows(seed)
        groups: dict[tuple, list[int]] = {}
        for i in range(len(hashes)):
            groups.setdefault((int(files[i]), int(hashes[i])) if present[i] else ("alone", i), []).append(i)
        firsts = sorted(members[0] for members in groups.values())
        finals = {members[0]: max(members, key=lambda i: (output[i], -i)) for members in groups.values()}
        first, final = merge_copies(hashes, present, output, files)
        assert first.tolist() == firsts
        assert final.tolist() == [finals[i] for i in firsts]
