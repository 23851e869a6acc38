#!/usr/bin/env python3
"""Builds brief.jsonl: brief verb-first asks (3-12 words, no paste, no context) on every tier, written for
issue 15 from LABELING.md and a style brief ("the same few verbs -- fix, debug, find, look into, track down,
speed up, clean up -- on all three tiers; what decides the tier is the work the object needs, not the verb
and not the length"), without reading the probes; the last four of tiers 1 and 2 were added after a first
training run, because "slow" and "every time" stood only in tier-3 asks here. Near-duplicates of the probes and of the other sources
(word overlap >= 0.6) are rejected by check_near_duplicates() below.
Run: python3 brief.py  -> writes brief.jsonl next to this script."""
import json
from pathlib import Path

from drafts import near_duplicates

AUTHOR = "written for issue 15 (brief verb-first asks on every tier) from LABELING.md"

T1 = [
    "fix the typo in the invoice footer",
    "fix the mixed indentation in the helm values file",
    "fix the spelling of 'recieve' across the templates",
    "fix the broken link in the contributing guide",
    "fix the lint warnings in utils/strings.py",
    "fix the import order in the api package",
    "debug log level to info in production config",
    "find every TODO in src and list them",
    "find where MAX_UPLOAD_MB is defined",
    "look up the default TTL in redis.conf and tell me",
    "track down the file that still says Copyright 2021 and update it",
    "clean up the unused imports in billing/",
    "clean up trailing whitespace in the docs folder",
    "speed up nothing, just bump the cache TTL to 600",
    "rename fetchAll to fetch_all in the client module",
    "rename the Mutex wrapper class to GuardedValue",
    "add a comment explaining the retry loop constant",
    "add a docstring to the parse_header function",
    "add type hints to the report helpers",
    "update the copyright year in the LICENSE header",
    "set the log retention in logging.ini to 14 days",
    "change the deadlock timeout setting from 5s to 10s",
    "rename the race_window variable to grace_period",
    "add a changelog line: fixed the memory leak in uploads",
    "write the commit message for the lock ordering fix",
    "reformat the SQL migration files with sqlfluff",
    "sort the entries in requirements.txt",
    "translate the error strings in messages.po to German",
    "remove the commented-out code in the scheduler module",
    "make the README headings sentence case",
    "add the missing trailing newline to every yaml file",
    "replace tabs with spaces in the Makefile comments",
    "rename the flaky_test marker to quarantined",
    "add a .editorconfig with 4-space indents",
    "correct the variable name typo 'recieved_at' in models.py",
    "delete the empty __init__ files in the scripts folder",
    "add the new env var PAYMENT_REGION to .env.example",
    "raise the max line length in ruff.toml to 100",
    "rename 'thread_pool_size' to 'max_threads' in settings",
    "mark the slow integration tests with @pytest.mark.slow",
    "add a short comment on why we sleep 50ms there",
    "list the public functions in the cache module",
    "capitalize the labels on the settings page",
    "update the API base URL in the postman collection",
    "move the constants into constants.py, no behaviour change",
    "fix the wrong year in the release notes title",
    "fix the alt text on the pricing page images",
    "fix the casing of 'Github' to 'GitHub' in the docs",
    "set the slow query log threshold to 500ms in postgresql.conf",
    "add a comment that this loop is slow on purpose to respect the rate limit",
    "rename slow_mode to throttled everywhere in the client",
    "why does git ask for my password every time I push? just tell me the setting",
]

T2 = [
    "fix the off-by-one in the pagination helper, last page is empty",
    "fix the 500 when the search query is empty",
    "fix the KeyError when a user has no avatar set",
    "fix the date parser to accept ISO week dates",
    "fix the CSV export so commas inside fields are quoted",
    "fix the signup form so the email check is case-insensitive",
    "debug why the unit test for slugify fails on accented letters",
    "debug the 404 on /api/v2/orders, the route looks missing",
    "find why the discount is applied twice in the cart total function",
    "look into why the logout button doesn't clear the cookie",
    "track down the None that reaches format_price from the template",
    "speed up the product listing by adding pagination",
    "speed up the user lookup with an index on email",
    "clean up the order service by extracting the tax calculation",
    "write unit tests for the coupon validator",
    "add an endpoint to archive a project",
    "add retries with exponential backoff to the webhook sender",
    "add input validation to the create-invoice endpoint",
    "implement magic-link login that expires after 15 minutes",
    "add rate limiting of 100 requests a minute per API key",
    "add a --since option to the export command",
    "write a function that groups invoices by customer and month",
    "parse the webhook signature header and verify the HMAC",
    "add soft delete to the comments table and filter deleted rows",
    "convert the callback-based file reader to async/await",
    "add a healthcheck endpoint that pings the database",
    "port the bash deploy script to python with argparse",
    "add caching of the country list for 24 hours",
    "add a multi-stage Dockerfile for the api service",
    "write integration tests for the login flow",
    "make the upload endpoint reject files over 10 MB",
    "add sorting by created_at to the tickets list API",
    "replace the string concatenation in the query builder with parameters",
    "add CSRF tokens to the account settings forms",
    "add a timeout to the outgoing http calls in the payment client",
    "handle the empty list case in the average rating function",
    "refactor the report generator into smaller functions with tests",
    "add CSV import for contacts with per-row error messages",
    "return 409 when the username is already taken",
    "add structured json logging to the worker",
    "fix the timezone bug: due dates are stored in local time instead of UTC",
    "add a GitHub Actions workflow that runs pytest and ruff",
    "fix the flaky assertion that compares floats with ==",
    "add an LRU cache to the config loader",
    "write a migration adding a nullable phone column with a backfill from profiles",
    "add optimistic UI update when toggling a todo",
    "debug the TypeError in the chart component when data is undefined",
    "add cursor-based pagination to the activity feed",
    "the test suite is slow because every test recreates the database; use a session-scoped fixture",
    "the gallery page is slow because it loads every image at full size; add lazy loading and thumbnails",
    "why does this endpoint take 3 seconds? the query inside the loop runs once per row, batch it",
    "the CLI is slow to start every time because it imports pandas at the top; import it lazily",
]

T3 = [
    "fix the lost writes when two tabs save the same draft",
    "fix the intermittent deadlock between the billing and ledger jobs",
    "fix the memory leak that grows the api pods until they OOM every few days",
    "fix the race between token refresh and logout",
    "fix the data corruption we see only under concurrent writes",
    "fix the double charge that happens once in a few thousand payments",
    "debug the sporadic timeouts between the gateway and the auth service",
    "debug why messages are processed twice after a consumer rebalance",
    "debug the livelock in the retry queue under high load",
    "debug the heap growth in the websocket server overnight",
    "find the cause of the p99 latency spikes every hour",
    "find why the cache and database drift apart under load",
    "find out why replicas fall behind only during the nightly batch",
    "look into the lock contention on the inventory table",
    "look into why the app hangs for a few seconds after failover",
    "track down the use-after-free in the packet parser",
    "track down why the event stream delivers out of order sometimes",
    "track down the goroutine leak in the notifier",
    "speed up the checkout path, p95 went from 200ms to 2s after the upgrade",
    "speed up the reporting query that scans 400M rows without breaking the dashboards",
    "investigate the retry storm that follows every broker restart",
    "investigate the split brain we had after the network partition",
    "why does the mutex in the rate limiter sometimes never release",
    "why do we get stale reads right after a write with read replicas",
    "diagnose the slow memory creep in the image resizer",
    "review the session handling for auth bypasses",
    "audit the file upload path for security holes",
    "review our JWT setup for vulnerabilities",
    "design the multi-region failover for the orders database",
    "design how to shard the events table by tenant without downtime",
    "plan the migration from the monolith's job queue to kafka with exactly-once semantics",
    "choose between event sourcing and CRUD for the ledger, with tradeoffs",
    "design idempotency for the payment webhooks across retries and replays",
    "make the cron jobs safe to run on several nodes at once",
    "make the counter service correct when two pods increment together",
    "fix the torn reads in the shared memory ring buffer",
    "fix the ABA problem in the lock-free queue",
    "fix the priority inversion in the audio thread",
    "fix the cache stampede after deploys",
    "fix the clock skew bug that breaks our distributed lock",
    "debug the nondeterministic test failure that only shows on CI with -j8",
    "find the starvation in the thread scheduler of the render farm",
    "figure out why the kafka consumer lag grows without errors",
    "work out why connections pile up in CLOSE_WAIT",
    "explain why the GIL-free port now crashes under parallel requests",
    "stop the duplicate emails when the mailer restarts mid-batch",
    "find the cause of the occasional wrong totals in the sharded counter",
    "debug the hang when both services call each other during startup",
]


def records():
    rows = [(p, 1) for p in T1] + [(p, 2) for p in T2] + [(p, 3) for p in T3]
    return [{"id": f"br-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR} for i, (p, t) in enumerate(rows, 1)]


def main():
    rows = records()
    clashes = near_duplicates(rows, "brief")
    for mine, kind in clashes:
        print(f"near-duplicate of {kind}: {mine!r}")
    if clashes:
        raise SystemExit(1)
    out = Path(__file__).with_suffix(".jsonl")
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(rows)} records")


if __name__ == "__main__":
    main()
