#!/usr/bin/env python3
"""Builds preambles.jsonl: a request wrapped in a long polite, apologetic or background-heavy preamble —
thanks, context about the team, the deadline, how the writer is new to the codebase — around an ask that is
usually small (tier 1 or 2) and sometimes genuinely hard (tier 3). The label is the ask's, never the
wrapping's. Written for issue 15 from LABELING.md and a style brief only, without reading the other sets.
Run: python3 preambles.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 author P (model-assisted); brief: small asks inside long polite preambles"

OPENERS = [
    "Hi there! First of all, thank you so much for all the help over the last few days, it has honestly made a huge difference for our small team. I'm fairly new to this codebase (I joined two weeks ago from a data science background) so please bear with me if this is a silly question, and sorry in advance for the long message. We're a team of four working on an internal tool that our support staff use every day, and I really want to get this right before my lead comes back from vacation on Monday.",
    "Hello! I hope you're having a good day. Some context before my question: we've been maintaining this project for about three years, it started as a weekend hack and grew into something our whole company depends on, and as you can imagine there's a lot of history in it. I've read through most of the docs and the contributing guide, and I'd really appreciate your help with something that has been on my list for a while. Thanks a lot for your patience, I know these messages can get long.",
    "Good morning, and sorry to bother you again. I know I've asked a lot of questions this week and I really appreciate every answer. My manager asked me to clean some things up before our quarterly review, and I'm a bit nervous because I've never touched this part of the system before. Everyone on the team is busy with the release so I can't really ask them. Anyway, here is what I need, and thanks in advance for your time and kindness!",
    "Hey! Quick one, I promise, even if the message is long. We're a small startup (7 people) building a booking app for physiotherapists, and I'm the only backend developer, which means I do everything from the database to the deploys. I'm not super experienced, I mostly taught myself from tutorials, so I always double-check things with you before pushing. Our users are mostly clinics in Portugal and Spain. I'd be very grateful for your help with the following.",
    "Hi, I really hope this is the right place to ask. I'm a student doing an internship at a logistics company, and my mentor gave me a small task to get familiar with the code. I have spent the whole morning reading the repository and I think I understand most of it, but I want to make sure I do things the way a professional would. Thank you so much, and please feel free to tell me if I'm doing something wrong in general!",
    "Hello again, and thanks for the great explanation yesterday about our deployment pipeline, it really helped me understand how everything fits together. Today I'm working on the admin dashboard, which is a Django app that the operations team uses to manage customer accounts. It's old and a bit messy but it works and people rely on it. Before I make any changes I always like to check with you.",
]
ASKS = [
    ("Could you add a docstring to the `send_reminder` function explaining its parameters? That's all I need.", 1),
    ("All I need is to rename the variable `tmp` to `pending_invoices` in the billing module, it's only used inside that one file.", 1),
    ("Could you fix the typo in the error message? It says 'Pasword is to short' and should be 'Password is too short'.", 1),
    ("I just need the LOG_LEVEL in our production .env changed from DEBUG to INFO.", 1),
    ("Could you write a commit message for the change I just made? I added a null check before sending the SMS.", 1),
    ("I'd like to add type hints to the three helper functions in utils/dates.py, nothing else.", 1),
    ("Could you tell me how to rename a branch in git? I named mine 'fetaure/login' by mistake.", 1),
    ("What does `git pull --rebase` actually do? My lead told me to always use it.", 1),
    ("Could you sort the imports in settings.py alphabetically? Our linter keeps complaining.", 1),
    ("Can you translate the five strings in our en.json (welcome, logout, save, cancel, delete) into Spanish?", 1),
    ("My question is simply: what is the difference between `null=True` and `blank=True` on a Django model field?", 1),
    ("I need a basic .gitignore for this Python project, we keep committing __pycache__ folders by accident.", 1),
    ("Could you write a function that takes a list of appointments (each with start and end datetimes) and returns the total booked minutes per day as a dict?", 2),
    ("Could you write unit tests for the `calculate_discount` function? It takes a cart total and a coupon code and returns the discount in cents; coupons are SAVE10 (10%) and FLAT5 (5 euros off, min 20 euros).", 2),
    ("I need CRUD endpoints for a `Clinic` model in FastAPI (name, city, phone, opening_hours), with 404 for unknown ids.", 2),
    ("Could you add pagination (page and page_size query params, default 20) to the /customers list endpoint?", 2),
    ("Could you refactor the 200-line `process_order` function into smaller functions? It does validation, pricing and emailing all in one.", 2),
    ("Our CSV export crashes with `KeyError: 'phone'` when a customer has no phone number; the code does `row['phone']`. Could you fix it?", 2),
    ("Could you write a small script that reads our orders.csv and prints the total revenue per month?", 2),
    ("Our appointments sometimes get booked twice for the same slot, even though we check availability before inserting. It only happens on busy Monday mornings when we run 4 app servers. Could you help me figure out why and how to fix it properly?", 3),
    ("We need to move customer files from our own server to S3 while the app stays online and clinics keep uploading; three other services read those files by path. How should we plan the migration so nothing is lost?", 3),
    ("Our API's response time has been getting slower every week since March, from 80ms to about 400ms at p95, and we don't know why. Could you help me work out where to look?", 3),
    ("Could you review our login and password reset flow for security problems? We wrote it ourselves and I'm worried about token handling.", 3),
    ("We have to decide whether to keep one database for all clinics or give each clinic its own schema, before we sign a big hospital group with 60 sites. What would you recommend and why?", 3),
]
CLOSERS = [
    " Thank you so much in advance, you're a lifesaver!",
    " Sorry again for the wall of text, and thanks!",
    " Have a great day and thanks again for everything.",
    "",
]

def main():
    out = Path(__file__).with_suffix(".jsonl")
    rows = []
    for i, (ask, tier) in enumerate(ASKS):
        opener = OPENERS[i % len(OPENERS)]
        closer = CLOSERS[i % len(CLOSERS)]
        sep = "\n\n" if i % 2 else " "
        rows.append((opener + sep + ask + closer, tier))
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(rows, 1):
            f.write(json.dumps({"id": f"pr-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(rows)} records")

if __name__ == "__main__":
    main()
