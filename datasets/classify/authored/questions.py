#!/usr/bin/env python3
"""Builds questions.jsonl: one-line questions, the way developers type them into a chat or an agent.
How-to and fact questions, "what does X do", "why does Y" — most with a standard answer (tier 1), some
needing a short piece of standard code (tier 2), and some needing design judgment or the diagnosis of
specific, subtle behaviour (tier 3). Written for issue 15 from LABELING.md and a style brief only,
without reading the other sets. Run: python3 questions.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 author Q (model-assisted); brief: one-line questions"
T1 = [
    "how do I rename a tag in git?",
    "how do i delete a remote branch",
    "what's the difference between let and const in javascript?",
    "How do I undo the last commit but keep the changes?",
    "What does `git stash pop` do?",
    "how can I list all docker containers including stopped ones?",
    "What is the default port for PostgreSQL?",
    "why does [] == false evaluate to true in JS?",
    "What does the -p flag do in mkdir?",
    "how do i check which version of python is installed",
    "What's a closure?",
    "How do I exit vim?",
    "what is the difference between a process and a thread?",
    "How do I make a virtualenv with python 3.12?",
    "what does `set -euo pipefail` mean in bash?",
    "How do you reverse a list in Python?",
    "Is there a way to see who last changed a line in git?",
    "what's the keyboard shortcut to format a file in vscode?",
    "What does HTTP 409 mean?",
    "how do I read an environment variable in Go?",
    "What is the difference between == and === ?",
    "how do I squash my last 3 commits?",
    "What's the syntax for a list comprehension with an if/else?",
    "What does `useEffect` with an empty dependency array do?",
    "how do i kill whatever is running on port 3000",
    "What is CORS?",
    "Which command shows disk usage per folder on linux?",
    "how do I pretty print json from the command line",
    "what is a race condition, in simple terms?",
    "What does the `static` keyword mean on a Java method?",
    "why is `0.1 + 0.2` not equal to `0.3`?",
    "How do I install a specific version of a package with npm?",
    "what is the difference between a left join and an inner join",
    "How do I get the current date in ISO format in JavaScript?",
    "Why does git say 'detached HEAD'?",
    "what does `kubectl rollout restart` do exactly?",
    "How do I change the default branch name to main for new repos?",
    "What is the time complexity of looking up a key in a Python dict?",
    "what does the `?` operator do in Rust?",
    "How can I see the SQL that Django generates for a queryset?",
    "What's the difference between a Dockerfile CMD and ENTRYPOINT?",
    "why does pip say 'externally managed environment'?",
    "how do I rebase my branch onto main?",
    "What is a deadlock?",
    "How do I format a number with thousands separators in Python?",
    "Is `SELECT *` bad practice?",
    "what's the command to see open ports on a mac",
    "What does `tsc --noEmit` do?",
    "How do I convert a string to an int in Go?",
    "what does idempotent mean for an HTTP method?",
]
T2 = [
    "How would I write a debounce function in TypeScript?",
    "how do I write a pytest fixture that gives each test a fresh sqlite database?",
    "What would a GitHub Actions workflow look like that runs pytest on 3.11 and 3.12?",
    "how do i parse a CSV with quoted fields and header row into a list of dicts in go",
    "How do I add pagination to a Django REST Framework list endpoint?",
    "how can I retry a failing fetch call 3 times with exponential backoff in JS?",
    "What's the cleanest way to validate a request body with pydantic in FastAPI and return 422 with the errors?",
    "how do I mock `datetime.now` in a unit test?",
    "How can I stream a large file download in Express without loading it into memory?",
    "how would you write a SQL query for the top 3 products by revenue per category?",
    "How do I add a React hook that syncs a piece of state with localStorage?",
    "how do I write a bash script that backs up a folder to S3 every night with a date in the name?",
    "what's the right way to add a custom error type in Rust that wraps io::Error and serde errors?",
    "How do I write a middleware in Go that logs each request's method, path and duration?",
    "how do I add a unique constraint on (user_id, slug) in a Rails migration?",
]
T3 = [
    "Should we shard our Postgres by tenant or by region, given 40 tenants where two are 70% of the data?",
    "why would a Kafka consumer group keep rebalancing every few minutes under load when nothing is deployed?",
    "How should we design idempotent payment webhooks across our order and billing services?",
    "is it worth moving from a monolith to microservices when we're 6 engineers and deploys take an hour?",
    "why do we sometimes get two rows with the same order number even though we check first?",
    "What is the right consistency model for a shopping cart shared across devices that can go offline?",
    "How do we migrate 2 TB of user data to a new schema with zero downtime while four services keep writing?",
    "why does our p99 latency jump every day at 3am when traffic is low?",
    "Should our mobile sync use CRDTs or last-write-wins, given users edit the same note on two devices?",
    "How would you structure multi-region failover for a write-heavy service with a single Postgres primary?",
    "why does memory on our Node API grow by 200MB a day until it gets OOM-killed?",
    "Is our JWT refresh-token rotation safe if two tabs refresh at the same time?",
    "What's the best way to split our 900-table database between three teams without breaking the reports?",
    "Why do our integration tests only fail on CI, about one run in ten, never locally?",
    "How should rate limiting work across 12 API pods so a tenant can't exceed 100 req/s in total?",
]

def main():
    out = Path(__file__).with_suffix(".jsonl")
    rows = [(p, 1) for p in T1] + [(p, 2) for p in T2] + [(p, 3) for p in T3]
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(rows, 1):
            f.write(json.dumps({"id": f"qu-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(rows)} records")

if __name__ == "__main__":
    main()
