#!/usr/bin/env python3
"""Builds chat.jsonl: what people type into a team chat or an IDE assistant between other work — casual,
lower-case, abbreviations, half-sentences, many of them questions. "quick q: how do I ..." is a lookup
(tier 1); "can u write me a ..." standard code (tier 2); a question about odd behaviour of *our* system
whose cause must be inferred, or a design decision, is tier 3. Written for issue 15 from LABELING.md and a
style brief only, without reading the other sets. Run: python3 chat.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 author H (model-assisted); brief: casual chat messages, many of them questions"
ROWS = [
    ("quick q: how do i list all git tags sorted by date", 1),
    ("anyone know the flag to make grep case insensitive?", 1),
    ("whats the python equivalent of js Array.includes", 1),
    ("how do u undo git add for one file", 1),
    ("what port does redis use by default", 1),
    ("is there a shortcut in intellij to rename a symbol everywhere?", 1),
    ("what does EXPLAIN ANALYZE do in postgres, vs plain EXPLAIN?", 1),
    ("why does npm install take forever on a fresh clone? is that normal", 1),
    ("what's the diff between a tuple and a list again", 1),
    ("how do I tell docker compose to rebuild images", 1),
    ("which http status should a validation error return, 400 or 422?", 1),
    ("how to check node version", 1),
    ("what's a good name for a function that turns cents into a formatted price string?", 1),
    ("why does git keep asking for my password on every push", 1),
    ("does python have a switch statement now?", 1),
    ("how do i make a string uppercase in bash", 1),
    ("can you explain what a foreign key is, like I'm new", 1),
    ("what is the purpose of package-lock.json?", 1),
    ("how do i comment out a block in yaml", 1),
    ("why is my .env not being picked up by vite? I named it .env.local", 1),
    ("fix the typo in the readme pls, 'recieve' -> 'receive'", 1),
    ("can u add a docstring to get_user_by_email", 1),
    ("rename the `x` param to `order_id` in cancel_order", 1),
    ("bump axios to 1.7.2 in package.json", 1),
    ("can u write a regex that matches uk postcodes", 2),
    ("write me a python script that renames all .jpeg files in a folder to .jpg", 2),
    ("how would i add a dark mode toggle that remembers the choice in react", 2),
    ("can you write a sql query for monthly active users from the events table (user_id, created_at)", 2),
    ("need a helper that retries a function up to n times with a delay, typescript", 2),
    ("write tests for the slugify util, cover unicode and empty strings", 2),
    ("add an endpoint GET /users/:id/orders with pagination", 2),
    ("how do i write a custom hook that fetches data and handles loading + error state", 2),
    ("our staging db and prod db return different row counts for the same report query, same data supposedly. what could cause that", 3),
    ("any idea why our websocket connections drop every ~55 minutes, only behind the corporate proxy?", 3),
    ("should we put the notification service on its own db or keep sharing the main one? it's at 30% of writes now", 3),
    ("why would the same lambda take 40ms sometimes and 3s other times with identical input", 3),
    ("is it safe to cache user permissions in redis for 10 min given admins can revoke access anytime?", 3),
    ("how do we keep search results consistent with the db when the indexer lags behind writes by minutes", 3),
    ("our nightly backup job started overlapping with the morning batch and now both are slow, how should we restructure the schedule + locking", 3),
    ("why do some users see each other's carts for a second after login?? only since we added the cdn", 3),
]

def main():
    out = Path(__file__).with_suffix(".jsonl")
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"ch-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(ROWS)} records")

if __name__ == "__main__":
    main()
