#!/usr/bin/env python3
"""Builds session.jsonl: messages typed to a coding agent in the middle of a working session — approvals,
nudges, corrections, "also ...", quick questions about what the agent just did — some bare, some with the
earlier turns shown. Carrying out an agreed step is what the step needs; a bare nudge carries on (tier 1).
Written for issue 15 from LABELING.md and a style brief only, without reading the other sets.
Run: python3 session.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 author S (model-assisted); brief: mid-session messages to a coding agent"


def turn(earlier: str, new: str) -> str:
    return f"[Earlier in this conversation]\n{earlier}\n\n[New message]\n{new}"


ROWS = [
    ("lgtm, ship it", 1), ("perfect, thanks! merge when green", 1), ("ok do that", 1), ("sounds right, go for it", 1),
    ("please carry on with the rest", 1), ("alright, next file", 1), ("yes — and stage the changes", 1),
    ("no wait, put it back the way it was", 1), ("you forgot the trailing newline", 1),
    ("use single quotes like the rest of the file", 1), ("also remove the print statements you added", 1),
    ("same thing in the other service please", 1), ("rerun the failing test only", 1),
    ("can you show me the diff?", 1), ("what did you change in config.py?", 1),
    ("why did you pick a set there instead of a list?", 1), ("which file was that in?", 1),
    ("ok and does that need a migration?", 1), ("commit this as 'fix: handle empty cart'", 1),
    ("looks fine. update the README section too", 1),
    (turn("User: the settings page throws on load\nAssistant: `user.prefs` can be None for accounts created before March; the template indexes it directly. I can default it to {} in the view.",
          "ok do that"), 1),
    (turn("User: add a --dry-run flag to the sync command\nAssistant: I added the flag and the option parsing. It doesn't do anything yet.",
          "now make it actually skip the writes and print what it would do, with a test"), 2),
    (turn("User: write a parser for the vendor's fixed-width files\nAssistant: Done for the header record and the detail records. The trailer record (totals) is not parsed yet.",
          "continue with the trailer and check the totals match the details"), 2),
    (turn("User: convert the callbacks in api.js to async/await\nAssistant: Converted getUser and listOrders. Four functions remain.",
          "keep going"), 1),
    (turn("User: checkout sometimes hangs for 30s\nAssistant: I see a lock on the inventory row held while we call the payment API; when the payment provider is slow every other checkout of that product waits. Moving the call out of the transaction needs a reservation step so we don't oversell.",
          "yes, do it — design the reservation so we can't oversell even if two pods handle the same product"), 3),
    (turn("User: our read replicas lag by minutes at peak\nAssistant: The lag lines up with the nightly analytics queries, but there are also long-running transactions from the API. I need more data to tell which one causes it.",
          "keep investigating, pull whatever metrics you need and tell me the root cause"), 3),
    (turn("Assistant: The migration plan: add the new column, dual-write, backfill in batches, switch reads, drop the old column. Each step is reversible except the last.",
          "go ahead with step 1"), 1),
    (turn("Assistant: The memory leak is in the image cache: entries are keyed by URL with the query string, so every signed URL is a new entry. Fix: key by path and cap the cache at 500 entries. Tests pass.",
          "great, write the PR description and mention the root cause"), 1),
]

def main():
    out = Path(__file__).with_suffix(".jsonl")
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"se-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(ROWS)} records")

if __name__ == "__main__":
    main()
