#!/usr/bin/env python3
"""Builds nudges.jsonl: what a developer types to a coding agent while it works — approvals, "continue",
"run the tests", "do the same for X", small corrections, questions about what it just did — bare or after
the earlier turns. A bare nudge or a mechanical step carries on (tier 1); a new message that asks for a
real piece of implementation is tier 2; one that asks to find a cause or decide a design is tier 3, even
when it is short. Written for issue 15 (second session) from LABELING.md and a style brief only, without
reading the other sets. Run: python3 nudges.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 author N (model-assisted, second session); brief: an agent session's follow-up messages"


def turn(earlier: str, new: str) -> str:
    return f"[Earlier in this conversation]\n{earlier}\n\n[New message]\n{new}"


ROWS = [
    # tier 1: carry on, run, repeat, small corrections, questions about what was done
    ("run the tests again", 1), ("run just the unit tests", 1), ("run mypy", 1),
    ("run the formatter and commit", 1), ("commit with message 'chore: bump deps'", 1),
    ("go on", 1), ("yes", 1), ("yep, do it", 1),
    ("ok", 1), ("sure, go ahead", 1), ("approved", 1), ("next one", 1), 
    ("undo that", 1), ("revert the last change", 1), ("put the import back", 1),
    ("use 2 spaces not 4", 1), ("rename it to fetch_all instead", 1), ("make the variable name shorter", 1),
    ("do the same in utils.py", 1), ("same for the orders module", 1), ("apply that to the other endpoints too", 1),
    ("also update the changelog", 1), ("add a docstring to it as well", 1), ("delete the commented-out code", 1),
    ("what did you change?", 1), ("show me the final version of the file", 1), ("which tests did you run?", 1),
    ("why did you add that sleep?", 1), ("where is that function defined?", 1), ("is that all of them?", 1),
    ("stop, don't touch the migrations", 1), ("never mind, leave it as it was", 1), ("thanks, that's all", 1),
    ("weiter", 1), ("sí, hazlo", 1), ("continue, s'il te plaît", 1), ("pode seguir", 1), ("続けて", 1), ("继续", 1),
    ("run the linters and fix what they flag", 1), ("ship it", 1), ("carry on with the next file", 1),
    ("good, proceed", 1), ("please re-run the build", 1), ("do that for every handler", 1),
    (turn("User: fix the flaky checkout test\nAssistant: The test depended on dict ordering from an old fixture; I pinned the order and it passed 200 runs in a row.",
          "great, commit it with a message that explains the cause"), 1),
    (turn("User: why does the nightly export sometimes miss rows?\nAssistant: Rows committed while the export's snapshot is open are skipped: it reads with READ COMMITTED in pages, so an update that moves a row between pages can be read twice or not at all. Using a single REPEATABLE READ snapshot fixes it; I changed it and added a test with a concurrent writer.",
          "perfect. now run the full suite"), 1),
    (turn("User: add type hints to billing/invoice.py\nAssistant: Done; mypy is clean for that file.",
          "do the same for billing/tax.py and billing/discounts.py"), 1),
    (turn("User: rename OrderService to OrdersService\nAssistant: Renamed the class and 23 references in src/.",
          "you missed the ones in tests/, fix those too"), 1),
    (turn("User: investigate why the cache hit rate dropped\nAssistant: The key now includes the request id since last week's refactor, so nothing is ever reused. Removing it restores the old keys.",
          "ok remove it and add a comment saying why the request id must not be in the key"), 1),
    (turn("Assistant: I've written the summary of the outage: timeline, root cause (the connection pool was sized per pod but the DB limit is global), and the three follow-ups.",
          "turn that into a slack message for the team, short"), 1),
    # tier 2: the new message asks for a real piece of implementation
    ("now add an endpoint to delete a tag, with a test", 2),
    ("now write tests for the parser you just wrote, including the empty-file case", 2),
    ("add retry with backoff to that client, max 5 tries", 2),
    ("next: add pagination to the list endpoint the same way users does it", 2),
    (turn("User: add a CSV export of invoices\nAssistant: Added the button and the route; the route returns an empty file for now.",
          "now fill in the export: one row per invoice with number, customer, amount and status, streamed"), 2),
    (turn("User: the signup form crashes with an empty email\nAssistant: `email.split('@')` runs before validation; an empty string gives one part and the index fails.",
          "fix it and add a test for empty and malformed emails"), 2),
    (turn("User: move the settings from env vars to a config file\nAssistant: I created config.py that loads settings.toml. Nothing uses it yet.",
          "now switch the app over to it and keep env vars as overrides"), 2),
    (turn("User: write a CLI to import products from JSON\nAssistant: The import command reads the file and inserts products; it stops at the first bad record.",
          "make it skip bad records, report them at the end with their line numbers, and exit 1 if any failed"), 2),
    (turn("User: our React table is slow with 5k rows\nAssistant: The profiler shows every row re-rendering on each keystroke in the filter box because the row component gets a new inline callback every time.",
          "ok fix it with memo and useCallback"), 2),
    (turn("User: port this small date helper module from Python to TypeScript\nAssistant: Ported parse_date and format_date. add_business_days is left.",
          "continue with add_business_days, it must skip the holidays list too"), 2),
    # tier 3: short, but the new message asks for diagnosis or design
    ("now figure out why it only fails on CI", 3),
    ("ok but why does it deadlock only with 2+ workers?", 3),
    ("dig into why latency doubled after the upgrade", 3),
    ("find out why some webhooks get processed twice", 3),
    (turn("User: the report totals don't match the dashboard\nAssistant: For March they differ by 0.4%. The report uses the orders table; the dashboard uses the events stream. I don't know yet which one is wrong.",
          "keep going, find which one is wrong and why"), 3),
    (turn("User: we want to add a second region\nAssistant: Today everything assumes one primary Postgres. Sessions, the job queue and file uploads all need a decision.",
          "go through each of them and propose how it should work across both regions, with the trade-offs"), 3),
    (turn("User: memory on the API pods climbs all day\nAssistant: Heap snapshots at 1h and 6h show growth in the request context objects; I don't see yet what keeps them alive.",
          "continue, find what holds the references"), 3),
    (turn("User: add a cache in front of the pricing service\nAssistant: Added an in-process LRU with a 60s TTL.",
          "we run 20 pods and prices change during flash sales, think through invalidation so nobody sees a stale price at checkout"), 3),
    (turn("User: the payments test is flaky\nAssistant: It fails about 1 run in 30, always with the ledger total off by one transaction.",
          "look into it properly, I want the actual root cause not a retry"), 3),
    (turn("User: review the new auth middleware\nAssistant: Style looks fine; I haven't looked at security yet.",
          "now review it for security problems: token validation, timing, replay"), 3),
]


def main():
    out = Path(__file__).with_suffix(".jsonl")
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"nu-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(ROWS)} records")


if __name__ == "__main__":
    main()
