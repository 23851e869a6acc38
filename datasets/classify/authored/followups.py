#!/usr/bin/env python3
"""Builds followups.jsonl: what a developer types to a coding agent mid-session. Bare follow-ups ("yes, do
it", "continue", "now run the tests") carry out what was already decided (tier 1); with the earlier turns
shown, the label is what carrying out the new message needs given what the conversation worked out.
Written for issue 15 from LABELING.md and a style brief only, without reading the other sets.
Run: python3 followups.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 author F (model-assisted); brief: agent follow-ups"
BARE = [
    "go ahead", "ok, commit it", "looks good, push it",
    "yes please", "keep going", "do the same for the other two files", "run the linter again",
    "try again", "that works, thanks. now update the changelog", "sounds good, apply it",
    "yep", "undo that last change", "commit with a sensible message", "now format everything with prettier",
    "ok next one", "proceed", "great, now open a PR", "fix the lint errors it reported",
    "can you also delete the unused import?", "what does that flag do?", "why did you change the test name?",
]

def turn(earlier: str, new: str) -> str:
    return f"[Earlier in this conversation]\n{earlier}\n\n[New message]\n{new}"

CONTEXT = [
    (turn("User: the build fails with `NameError: name 'Decimal' is not defined` in pricing.py\nAssistant: pricing.py uses Decimal on line 12 but never imports it. Shall I add `from decimal import Decimal` at the top?",
          "yes, do it"), 1),
    (turn("User: add docstrings to the public functions in geo.py\nAssistant: Done for haversine() and bbox(). There are four more in geo.py.",
          "continue"), 1),
    (turn("User: rename `usr` to `user` in handlers.py\nAssistant: Renamed in handlers.py (14 places). tests/test_handlers.py uses it too.",
          "do the tests too"), 1),
    (turn("Assistant: I've written the fix for the off-by-one in paginate(): the last page was dropped when total % size == 0. All 48 tests pass.",
          "great, write the commit message"), 1),
    (turn("User: our Celery tasks sometimes run twice and customers get two emails\nAssistant: Both workers can pick up the task when the visibility timeout (1h) is shorter than the ETA (2h), so the broker redelivers it. We need to raise the visibility timeout and make send_email idempotent with a sent-marker keyed by (user, template, day).",
          "ok, implement the idempotency part"), 2),
    (turn("User: add an endpoint to export invoices as CSV\nAssistant: Here's GET /invoices/export with the columns id, customer, amount, status.",
          "now add a date range filter (from, to) and tests for it"), 2),
    (turn("User: the totals in the report are wrong\nAssistant: The traceback shows sum() over amounts that are strings from the CSV; converting with Decimal(row['amount']) fixes it.",
          "yes, fix it and add a regression test"), 2),
    (turn("User: we want to split the users table out of the monolith into an accounts service\nAssistant: Plan: 1) dual-write from the monolith, 2) backfill with CDC, 3) move the four reading services one by one behind a feature flag, 4) cut over writes with a fencing token so the two sides never both accept writes. The risky part is step 4, where ordering between the old and new writers matters.",
          "yes, do it. start with step 4, and work out how we roll back if the cutover fails halfway"), 3),
    (turn("User: p99 on /search went from 120ms to 900ms after Tuesday's deploy\nAssistant: Nothing in the diff touches search directly; the ORM upgrade changed how prefetches batch, and the DB shows more queries per request.",
          "keep digging, find out which queries got worse and why"), 3),
    (turn("User: can you review the auth middleware?\nAssistant: I looked at the JWT parsing; the algorithm is taken from the token header, and the refresh flow reuses tokens across tabs.",
          "continue the review, also look at the session fixation and refresh-token races"), 3),
    (turn("Assistant: The deadlock happens because worker A locks accounts then ledger, while the nightly job locks ledger then accounts. Fixed by taking the locks in a single order; verified with the stress test 200 times.",
          "perfect. add a comment above the lock code saying why the order matters"), 1),
    (turn("User: the upload page is slow\nAssistant: The profiler shows 80% in resize_image(), called three times per upload for the same file.",
          "ok make it call it once and reuse the result"), 2),
]

def main():
    out = Path(__file__).with_suffix(".jsonl")
    rows = [(p, 1) for p in BARE] + CONTEXT
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(rows, 1):
            f.write(json.dumps({"id": f"fu-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(rows)} records")

if __name__ == "__main__":
    main()
