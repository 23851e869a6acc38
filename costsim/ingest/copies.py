"""Rule 3 of `claude_code` (counted once) on many rows at once: one API message is written on several lines
(one a content block, streaming snapshots, again in a subagent's file or a resumed session's), and the
lines of one message share an id (message id + request id, as a 64-bit hash). Of a message's lines, the
row keeps the first line's number and the final usage: the largest output count, the earliest such line
on a tie (as ccusage 20 does)."""

from __future__ import annotations

import numpy as np


def merge_copies(
    hashes: np.ndarray, present: np.ndarray, output: np.ndarray, files: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Rule 3 within a file, for rows in line order: positions of each message's first line and of its
    final line (the largest output count; the earliest such line on a tie), in first-line order. Rows
    share a message when they share an id hash (and `files`, a file code per row, when given: several
    files' rows at once); a row without an id is a message of its own."""
    firsts, finals = _copies(hashes, present, output, files)
    keep = np.argsort(firsts)  # positions, each a message's own: any sort gives one order (numpy's vectorised one)
    return firsts[keep], finals[keep]


def _copies(
    hashes: np.ndarray, present: np.ndarray, output: np.ndarray, files: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """`merge_copies` in no particular order. A message's lines mostly follow each other (one a content
    block), so each run of adjacent lines with one id is made one row first (its first line; its final
    line: the earliest with the run's largest output), and only the runs are sorted by id: the earliest
    run holding a message's largest output holds its earliest such line."""
    same = present[1:] & present[:-1] & (hashes[1:] == hashes[:-1])
    if files is not None:
        same &= files[1:] == files[:-1]
    if not same.any():
        return _run_copies(hashes, present, output, files)
    starts = np.flatnonzero(np.r_[True, ~same])
    most = np.maximum.reduceat(output, starts)
    at_most = np.flatnonzero(output == np.repeat(most, np.diff(np.r_[starts, len(output)])))
    finals = at_most[np.searchsorted(at_most, starts)]  # each run's earliest line with its largest output
    first, final = _run_copies(hashes[starts], present[starts], most, files[starts] if files is not None else None)
    return starts[first], finals[final]


def _run_copies(
    hashes: np.ndarray, present: np.ndarray, output: np.ndarray, files: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """`_copies` without the runs step. Most ids are on one row: one sort by id finds those, and only the
    rows of ids on several rows are sorted by file, id and line (a three-key sort of every row took 0.8 s
    of a million)."""
    with_id = np.flatnonzero(present)
    by_id = np.argsort(hashes[with_id])  # any order among equal ids: their rows are sorted again below
    ordered = hashes[with_id[by_id]]
    same = ordered[1:] == ordered[:-1]
    shared = np.zeros(len(ordered), dtype=bool)  # an id on more than one row (in any file)
    shared[1:] |= same
    shared[:-1] |= same
    alone = np.concatenate([np.flatnonzero(~present), with_id[by_id[~shared]]])
    rows = np.sort(with_id[by_id[shared]])
    keys, file_of = hashes[rows], (files[rows] if files is not None else np.zeros(len(rows), np.int64))
    by_line = np.lexsort((rows, keys, file_of))  # by file, message, then line
    by_output = np.lexsort((rows, -output[rows], keys, file_of))  # ... the final copy first
    starts = np.r_[True, (keys[by_line][1:] != keys[by_line][:-1]) | (file_of[by_line][1:] != file_of[by_line][:-1])]
    firsts = np.concatenate([rows[by_line[starts]] if len(rows) else rows, alone])
    finals = np.concatenate([rows[by_output[starts]] if len(rows) else rows, alone])
    return firsts, finals


def final_copies(hashes: np.ndarray, present: np.ndarray, output: np.ndarray) -> np.ndarray:
    """Mask of the rows to keep: rows without an id, and of each id's rows the final copy (the largest
    output count; the earliest row on a tie), by `merge_copies` over every file's rows at once."""
    keep = np.zeros(len(hashes), dtype=bool)
    keep[_copies(hashes, present, output)[1]] = True
    return keep
