#!/usr/bin/env python3
"""Builds textbook_why.jsonl: "why is X slow / why does X keep happening" questions, the way developers type them,
in the three tiers LABELING.md separates. Written for issue 15 in its seventh session, when a second real training
source came in: every "why ... slow" question of the other sets was tier 3 (a specific, subtle regression), so a
model learned "slow" as frontier work, against LABELING.md's rule that a "why does Y" about common, documented
behaviour with no further detail is tier 1 (the textbook causes are the answer). Tier 1: a common tool or habit,
no specifics; tier 2: the cause is visible in what is pasted, and the fix is standard; tier 3: a specific
regression, intermittent or under-load behaviour whose cause must be inferred. No docker question is here (the
issue's own docker example is checked, not trained on). Written from LABELING.md only.
Run: python3 textbook_why.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 author W (seventh session); brief: textbook why-questions about speed and errors"
T1 = [
    "why is npm install so slow?",
    "why does pip take forever to resolve dependencies",
    "why is git clone slow on a big repo?",
    "why is my jupyter notebook slow to start",
    "why is webpack so slow on the first build",
    "why are python for loops slower than numpy?",
    "why is my laptop so slow when I run the android emulator?",
    "why does VS Code get slow with a huge node_modules folder?",
    "why is the first request to my lambda slow",
    "why is SELECT COUNT(*) slow in postgres?",
    "why is my react dev server slow to reload",
    "why does cargo build take so long the first time?",
    "why is mvn install slow every time",
    "why does gradle take minutes to start",
    "why is ls slow in a folder with a million files",
    "why is my wifi ssh session laggy",
    "why does my mac fan spin up when I run tests",
    "why is pandas read_csv slow on a 2 GB file",
    "why is excel slow with lots of VLOOKUPs",
    "why does brew update take so long",
    "why is my terminal slow to open? zsh with oh-my-zsh",
    "why is the CI job slow? it reinstalls all dependencies on every run",
    "why does tsc take so long on our monorepo",
    "why is the site slow on the first visit but fast after",
    "why does my sql query get slower as the table grows? no index on the column",
    "why do people say regex is slow",
    "why is my python script slow to import",
    "why does kubectl take a few seconds for every command",
]
T2 = [
    "why is this endpoint slow? ```python\nfor user in User.objects.all():\n    print(user.profile.city)\n``` it runs a query per user",
    "why is this function slow and how do i fix it? ```js\nfunction dedupe(xs) {\n  return xs.filter((x, i) => xs.indexOf(x) === i);\n}\n``` called with 200k items",
    "why is this so slow? ```python\ns = ''\nfor line in lines:\n    s += line\n``` lines has 5 million entries",
    "the profile says 90% of the time is in `json.loads` called in the loop below, why and what do i change? ```python\nfor row in rows:\n    cfg = json.loads(open('config.json').read())\n    handle(row, cfg)\n```",
    "why does this query do a seq scan? `SELECT * FROM orders WHERE lower(email) = $1` and the index is on email",
    "why is this test slow? it calls `time.sleep(5)` in the retry helper; make the delay configurable and zero in tests",
]
T3 = [
    "why did our build get twice as slow this week? nothing in the dependencies changed and only some agents are affected",
    "why is the checkout API fast at 100 rps but times out at 400 rps even though CPU stays under 40%?",
    "why does the nightly import slow down a bit more every night until we restart the worker?",
    "why do our integration tests hang about one run in twenty, only on the arm runners?",
    "why is the dashboard slow only for our biggest customer, when the queries look the same for everyone?",
    "why did p99 latency double after we moved from 2 to 6 replicas of the cache?",
]


def main():
    out = Path(__file__).with_suffix(".jsonl")
    rows = [(p, 1) for p in T1] + [(p, 2) for p in T2] + [(p, 3) for p in T3]
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(rows, 1):
            f.write(json.dumps({"id": f"tb-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(rows)} records")


if __name__ == "__main__":
    main()
