"""costsim against genai-prices on records covering every billing rule (skips without genai-prices).

genai-prices is not a dependency: install the `peers` extra (or run with a scratch venv on PYTHONPATH).
Where the two differ, tools/peer_compare.py's KNOWN_DIFFERENCES says which one is wrong and why; this
test fails on any new, unexplained difference, and when a documented one changes on their side.
"""

from __future__ import annotations

import pytest

pytest.importorskip("genai_prices")

from tools.peer_compare import KNOWN_DIFFERENCES, RECORDS, ours, theirs  # noqa: E402


@pytest.mark.parametrize("record", RECORDS, ids=[r.rule for r in RECORDS])
def test_costsim_agrees_with_genai_prices_or_the_difference_is_explained(record):
    mine, peer = ours(record), theirs(record)
    if record.rule in KNOWN_DIFFERENCES:
        documented, _ = KNOWN_DIFFERENCES[record.rule]
        assert peer == documented and mine != peer
    else:
        assert mine == peer
