#!/usr/bin/env python3
"""Builds short_asks.jsonl: a probe, not training data. Very short requests (4-20 words, no paste) that
name their problem in a word or two. Tier 3: the word names a bug or a question whose cause must be
inferred (a race, a deadlock, a leak, a regression, a review, a design choice) and nothing pasted shows
it. Tier 1: the same words on a mechanical edit (a typo in the deadlock docs, a rename of the race
detector). Tier 2: short standard implementation asks, and bugs whose cause the ask itself states.
Written from LABELING.md after the learned model sent "debug this race condition in the worker pool" to
tier 1. Trained on, it fixes those requests but raised the held-out mistake cost on the nine authored
sets (0.129x -> 0.152x the keyword rules'), so it is kept out of training: `costsim evaluate` on it
measures the shipped classifier on short asks it never saw.
Run: python3 short_asks.py  -> writes short_asks.jsonl next to this script and validates it."""
import json, os, re, random
from collections import Counter

T3 = [
"debug this race condition in the worker pool",
"fix the deadlock in the job scheduler",
"why does the worker pool hang every few hours",
"the retry queue sometimes processes a message twice, why",
"find the race between cache invalidation and the write path",
"track down the memory leak in the websocket server",
"our api p99 doubled after the last release, where do we look",
"figure out why checkout gets slower over the day",
"investigate the flaky integration test for payments",
"look into the intermittent 504s from the image service",
"debug the deadlock between the two kafka consumers",
"why do we get duplicate orders under load",
"the lock-free ring buffer drops items under contention, find out why",
"help me find why the scheduler double-fires cron jobs on two pods",
"fix the heisenbug in the session cleanup thread",
"memory keeps growing in the ingest workers until they get OOM killed",
"why is the query plan different in prod than in staging",
"review our jwt refresh flow for security holes",
"is our file upload endpoint exploitable? please review it",
"should we move the monolith's billing into its own service",
"how should we shard the events table as we grow 10x",
"choose between kafka and sqs for our order pipeline and explain the tradeoffs",
"design rate limiting that works across 12 api replicas",
"debug why the leader election sometimes elects two leaders",
"the counter is off by a few after a burst of concurrent requests, why",
"find out why the nightly export silently skips rows some nights",
"why does the mobile app show stale balances after a transfer",
"fix the race in the connection pool's checkout and return",
"tests pass locally but hang on ci about one run in ten",
"our go service leaks goroutines under load, find the cause",
"startup got 3x slower since the dependency upgrade, why",
"figure out the thundering herd when the cache expires",
"debug lost updates when two admins edit the same record",
"why does the read replica lag spike every night at 2am",
"make the payment webhook handler idempotent across retries and pods",
"plan a zero-downtime migration of the users table to a new primary key",
"why does the rust service deadlock only in release builds",
"the async task sometimes never completes, find the missing await or lock",
"what's causing the gc pauses in the trading gateway",
"audit our s3 bucket policies for data exposure",
"how do we keep the search index consistent with the database",
"debug the websocket reconnect storm after each deploy",
"find why some emails are sent twice when the worker restarts",
"why does our jvm heap climb until the pod restarts",
"debugge die Race Condition im Worker-Pool",
"¿por qué se bloquea a veces el pool de conexiones?",
"pourquoi le cache renvoie parfois des données périmées ?",
"偶尔出现死锁，帮我找原因",
"なぜ本番だけでワーカーがたまに止まるのか調べて",
"por que às vezes o job processa o mesmo pedido duas vezes?",
]

T1 = [
"fix the typo in the deadlock docs: 'dealock' -> 'deadlock'",
"rename race_detector.py to races.py",
"add a docstring to the leak_check helper",
"reformat the worker pool module with black",
"set the pool size in config.yaml to 20",
"translate the race condition warning message to German",
"rename the `memleak` flag to `memory_leak` in this script",
"add a comment saying this lock guards the cache dict",
"sort the imports in scheduler.py",
"fix the spelling of 'concurency' in the README heading",
"write the commit message for the deadlock fix we just made",
"add type hints to the retry helper's parameters",
"rename the `flaky` pytest marker to `unstable` in conftest",
"bump the kafka consumer timeout in settings from 30 to 60",
"change the log level of the gc stats line from info to debug",
"add a changelog entry: fixed the race in session cleanup",
"rename the Mutex variable `m` to `cache_lock`",
"make the security banner text bold",
"add a .gitignore entry for the heap dumps folder",
"convert the race test's string formatting to f-strings",
"delete the unused deadlock_detector import",
"rename `p99_ms` to `latency_p99_ms` in the dashboard json",
"fix indentation in the worker pool yaml",
"add a license header to the threading utilities file",
"capitalize the headings in the performance doc",
"rename the vulnerability scanner job to security-scan in the ci file",
"write a one-line docstring for shutdown_pool()",
"typo in the leak warning: 'recieved' should be 'received'",
"set max_workers to 8 in the pool config",
"translate the 'session expired' message into french",
"rename `sem` to `upload_slots` in this function",
"format the sharding design doc's tables",
"add the `timeout` field to the README's config table",
"rename the `leaky_bucket` module to `rate_bucket`",
"remove the commented-out mutex code in worker.py",
]

T2 = [
"add pagination to the orders endpoint",
"write unit tests for the worker pool's submit()",
"implement retry with exponential backoff in the http client",
"add a /health endpoint that checks the db connection",
"the average() call fails with ZeroDivisionError when the list is empty, guard it",
"add a `--dry-run` flag to the cleanup script",
"write a function that merges two sorted lists of events by timestamp",
"add a unique constraint on users.email with a migration",
"cache the exchange rates for an hour in redis",
"add input validation to the signup form: email and 8+ char password",
"write a script that archives s3 objects older than 90 days",
"add a thread pool to the thumbnail job, 4 workers",
"implement a bounded queue class with put and get",
"turn the csv export into a streaming response",
"add an lru cache to get_user_settings with a 5 minute ttl",
"write pytest fixtures for the test database",
"parse the duration strings like '1h30m' into seconds",
"the date picker shows UTC instead of local time; convert before display",
"add a retry decorator that retries 3 times on ConnectionError",
"write an endpoint that returns the top 10 products by sales",
"add request logging middleware with the request id",
"implement soft delete for comments with a deleted_at column",
"add a config option for the worker count and read it at startup",
"refactor the order service to use the repository pattern",
"write a migration that adds an index on orders.created_at",
"implement the password reset email flow with a 1 hour token",
"add a graceful shutdown handler that drains the queue",
"the list is sorted descending but should be ascending, fix the sort key",
"write tests for the rate limiter's window reset",
"add a websocket endpoint that pushes order status updates",
"füge eine Paginierung zum Bestellungen-Endpunkt hinzu",
"añade tests unitarios para la función de descuentos",
"写一个函数，把秒数格式化成 1h30m 这样的字符串",
]


def build():
    recs = [(p, 1) for p in T1] + [(p, 2) for p in T2] + [(p, 3) for p in T3]
    random.Random(11).shuffle(recs)
    return [{"id": f"sa-{i:04d}", "prompt": p, "tier": t} for i, (p, t) in enumerate(recs, 1)]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "short_asks.jsonl")
    with open(out, "w", encoding="utf-8") as fh:
        for r in build():
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    # validate: unique ids and prompts (here, and none in the training data), short, no paste
    others = set()
    data = os.path.dirname(here)
    for path in [os.path.join(data, "train.jsonl")] + [os.path.join(data, "authored", name)
                                                       for name in os.listdir(os.path.join(data, "authored"))]:
        if path.endswith(".jsonl"):
            with open(path, encoding="utf-8") as fh:
                others.update(json.loads(line)["prompt"].strip().lower() for line in fh)
    ids, tiers, prompts = set(), Counter(), set()
    cjk = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            assert r["id"] not in ids, r["id"]; ids.add(r["id"])
            assert r["tier"] in (1, 2, 3)
            p = r["prompt"].strip(); assert p
            assert p not in prompts and p.lower() not in others, p; prompts.add(p)
            assert "```" not in p and "\n" not in p, p
            if not cjk.search(p):
                n = len(p.split())
                assert 4 <= n <= 20, (n, p)
            tiers[r["tier"]] += 1
    total = sum(tiers.values())
    print(out, total, dict(sorted(tiers.items())),
          {k: f"{v/total:.0%}" for k, v in sorted(tiers.items())})


if __name__ == "__main__":
    main()
