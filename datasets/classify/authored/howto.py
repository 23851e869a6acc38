#!/usr/bin/env python3
"""Builds howto.jsonl: one-line questions and asks typed to a coding assistant between tasks — how-to,
"what is", "why does", "which one" — in many tools and languages, terse and often lower-case. Most have a
standard answer (tier 1); some ask for a piece of code to be written (tier 2); some, phrased just as
casually, need diagnosis or design judgment (tier 3), so the form of a question is not the label.
Written for issue 15 (second session) from LABELING.md and a style brief only, without reading the
other sets. Run: python3 howto.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 author H (model-assisted, second session); brief: one-line questions between tasks"

ROWS = [
    # tier 1: a standard answer, a command, a definition
    ("whats the git command to delete a remote branch", 1),
    ("how to see which branch i'm on", 1),
    ("How do I change the author of my last commit?", 1),
    ("git stash only one file?", 1),
    ("how do I find which process is using port 8080 on linux", 1),
    ("tar command to extract a .tar.gz into a specific folder?", 1),
    ("how do i make a bash script executable", 1),
    ("what does `set -euo pipefail` do", 1),
    ("How do I count lines in all .py files recursively?", 1),
    ("what's the difference between == and === in JS", 1),
    ("how do you deep copy an object in javascript", 1),
    ("what does the ?? operator do in typescript", 1),
    ("How do I type a function that returns a promise of a string in TS?", 1),
    ("is there a python equivalent of a switch statement", 1),
    ("how to reverse a list in python without modifying it", 1),
    ("What does `if __name__ == '__main__'` mean?", 1),
    ("how do i pretty print a dict in python", 1),
    ("what's a virtualenv and do I need one", 1),
    ("what is the difference between a tuple and a list", 1),
    ("what does the `yield` keyword do", 1),
    ("how do I declare a constant in Go?", 1),
    ("what's the zero value of a map in go", 1),
    ("how do you read a file line by line in rust", 1),
    ("What's the difference between String and &str?", 1),
    ("how do i center a div horizontally and vertically", 1),
    ("what's the difference between em and rem", 1),
    ("how do I make a flex item not shrink", 1),
    ("what is the box model in css", 1),
    ("How do I select rows where a column is null in SQL?", 1),
    ("what's the difference between WHERE and HAVING", 1),
    ("how do i rename a column in postgres", 1),
    ("what is a primary key", 1),
    ("how do I list all tables in a sqlite database", 1),
    ("what does kubectl apply do vs kubectl create", 1),
    ("how to exec into a running docker container", 1),
    ("What's the difference between COPY and ADD in a Dockerfile?", 1),
    ("how do I remove all stopped containers", 1),
    ("what is a docker volume", 1),
    ("how do I set an env var for one command only in bash", 1),
    ("what does chmod 644 mean", 1),
    ("what's the shortcut to comment out a line in vscode", 1),
    ("how do i search and replace in vim", 1),
    ("what's the difference between PUT and PATCH", 1),
    ("what is CORS in one sentence", 1),
    
    ("what's the npm command to update one dependency", 1),
    ("where does npm put global packages", 1),
    ("how do I run only one test with pytest", 1),
    ("how do i skip a test in jest", 1),
    ("what's a fixture in pytest", 1),
    ("regex for a 5 digit zip code?", 1),
    ("what does the g flag do in a javascript regex", 1),
    ("what's the java equivalent of python's f-strings", 1),
    ("in c#, what's the difference between a struct and a class", 1),
    ("what does `final` mean on a java method", 1),
    ("how do I check the version of node I'm running", 1),
    ("what's semver", 1),
    ("why does python say 'module not found' when the file is right there", 1),
    ("why do I get 'permission denied (publickey)' when I push", 1),
    ("why is my .env not being read by docker compose", 1),
    ("which is faster for membership checks, a list or a set?", 1),
    ("which log level should a retry warning be, warn or info?", 1),
    ("¿cómo hago un rebase interactivo de los últimos 3 commits?", 1),
    ("comment afficher les variables d'environnement sous linux ?", 1),
    ("como faço para listar os containers que estão rodando?", 1),
    ("pythonで辞書をキーでソートするには？", 1),
    ("怎么查看当前的 git 远程地址？", 1),
    ("how do i amend a commit message that's already pushed", 1),
    ("what's the command to show the last 5 commits on one line each", 1),
    ("what does the `--force-with-lease` flag do", 1),
    ("how do you make an http request in python without requests", 1),
    ("what does 204 no content mean, can it have a body", 1),
    ("how do I print the type of a variable in go", 1),
    ("¿qué significa el error 'cannot borrow as mutable' en rust?", 1),
    # tier 2: a piece of code from a clear spec, a visible-cause fix
    ("how do I write a function that merges overlapping intervals in python?", 2),
    ("can you write me a bash script that backs up a postgres db to s3 every night and keeps 7 days", 2),
    ("how would I add cursor pagination to a FastAPI list endpoint?", 2),
    ("how do I write a custom React hook that debounces a value", 2),
    ("how would you write unit tests for a function that calls an external API?", 2),
    ("how do I parse a CSV with quoted commas and load it into a list of dataclasses", 2),
    ("write a go function that retries an http request with exponential backoff", 2),
    ("how do i add a middleware in express that logs request duration", 2),
    ("how would I add JWT auth to a small flask app", 2),
    ("what's the cleanest way to refactor a 300-line view function into services?", 2),
    ("how do I make this Django query use select_related so the N+1 goes away", 2),
    ("how do I implement an LRU cache without functools", 2),
    ("how do I write a GitHub Actions workflow that runs tests on 3 python versions", 2),
    ("wie schreibe ich einen pytest für eine funktion, die eine datei liest?", 2),
    # tier 3: same casual form, needs diagnosis or design
    ("why would our p99 latency spike every hour on the hour?", 3),
    ("why do we get duplicate rows sometimes even with a unique check in the code", 3),
    ("how should we handle idempotency for payment webhooks across two regions", 3),
    ("why is memory on the worker growing a bit every day until it gets OOM killed", 3),
    ("should we split the monolith or keep it and modularize, we're 40 devs now", 3),
    ("why would a test pass alone but fail when the whole suite runs", 3),
    ("why is our kafka consumer lag growing only on one partition", 3),
    ("what's the safest way to rotate db credentials with zero downtime for 9 services", 3),
    ("why did the query get 10x slower after we added an index?", 3),
    ("is our token refresh flow safe against replay, what would an attacker try", 3),
    ("how should we model multi-tenant data so one big customer can't slow everyone else", 3),
    ("why does the websocket connection drop every ~55 minutes in prod but never locally", 3),
    ("how would we shard the events table by tenant without breaking the cross-tenant reports?", 3),
    ("warum laufen unsere cron jobs manchmal doppelt, seit wir zwei instanzen haben?", 3),
]


def main():
    out = Path(__file__).with_suffix(".jsonl")
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"ht-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(ROWS)} records")


if __name__ == "__main__":
    main()
