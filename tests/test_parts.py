"""Parts of a run read, classified and summed apart, then merged, price exactly as one run does."""

import pickle
from datetime import date
from pathlib import Path

from costsim import api
from costsim.parts import merge_parts, run_part
from costsim.policy import load_policy
from costsim.prices import load_price_book
from costsim.report import Accounting

LOGS = Path(__file__).resolve().parents[1] / "samples" / "logs"
PARTS = [[str(LOGS / "neutral.jsonl")], [str(LOGS / "claude-code")], [str(LOGS / "openai-chat.jsonl")]]


def test_merged_parts_price_as_one_run():
    book, policy = load_price_book(), load_policy()
    # caches carried over: the replay decides per run whether the log has conversations with cache
    # tokens, so a part without them would price the replayed strategies differently (see parts.py)
    options = dict(as_of=date(2026, 5, 14), today=date(2026, 11, 27), classifier="keywords", caches="carried")
    whole, _ = api.estimate([p for part in PARTS for p in part], book, policy, **options)
    parts = [run_part(paths, book, policy, **options) for paths in PARTS]
    parts = [pickle.loads(pickle.dumps(part)) for part in parts]  # what a worker process sends back
    requests = [part.pricer.requests for part in parts]
    merged = merge_parts(parts)
    stats = merged.stats
    accounting = Accounting(records_read=stats.records_read, priced=merged.pricer.requests,
                            skipped=dict(stats.skipped), duplicates=stats.duplicates, files=tuple(stats.files))
    report = merged.pricer.report(kind="estimate", accounting=accounting)
    assert [s.key for s in report.strategies] == [s.key for s in whole.strategies]  # replayed ones too
    assert report.strategies == whole.strategies
    assert report.token_totals == whole.token_totals
    assert report.accounting == whole.accounting
    assert report.line_items == whole.line_items
    assert merged.pricer.requests == sum(requests) and all(requests)
