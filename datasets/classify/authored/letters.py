#!/usr/bin/env python3
"""Builds letters.jsonl: long, courteous messages — to a freelancer, a colleague on another team, a
support forum — where the writer explains who they are, why they are asking and what they tried, with
apologies and thanks, before (or around) the ask. Most asks are small (tier 1) or standard (tier 2); some are
hard (tier 3). Only the ask counts. Written for issue 15 from LABELING.md and a style brief only, without
reading the other sets. Run: python3 letters.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 author E (model-assisted); brief: long courteous messages around an ask"

ROWS = [
    ("Dear colleague, I hope this message finds you well. My name is Ana and I look after the website of a small family bakery in Porto; "
     "I am not a programmer, I learned a little HTML years ago and my nephew set up the site for us. Recently a customer pointed out "
     "that the opening hours on the contact page still show our old Sunday hours. I would be so grateful if you could change "
     "'Sunday 9:00-13:00' to 'Sunday closed' in contact.html. Many thanks for your kindness and patience.", 1),
    ("Hello, and apologies in advance because I am sure this is a basic question. I started my first job as a junior developer "
     "last month, and my team uses git for everything, which I only knew from university projects. Everyone is very kind but very busy. "
     "I accidentally committed to main instead of my feature branch this morning (nothing pushed yet). How do I move that commit to "
     "a new branch? Thank you so much for any help.", 1),
    ("Hi! I'm writing on behalf of our volunteer group, we run a small open-source library for reading weather station data. "
     "We have been maintaining it for six years in our free time and we are proud of it, but the documentation is thin. We would "
     "love some help: could you write docstrings for the four public functions in reader.py? They are short and the parameter names "
     "are descriptive. Thank you for considering it, it means a lot to us.", 1),
    ("Good afternoon. Thank you again for the wonderful work on our booking widget last year, the clinic staff still mention how much "
     "easier it made their mornings. We have a small request now: the confirmation email says 'Your appointment is confimed'. Could "
     "you please correct the spelling of 'confirmed' in the template? That is all, and apologies for bothering you with something so tiny.", 1),
    ("Hello there, I hope you had a restful weekend. I'm the only person in our office who knows any Python, which is how I ended up "
     "maintaining the scripts our accountant uses. I don't want to break anything, so I prefer to ask. What does `if __name__ == "
     "'__main__':` mean at the bottom of the script, and is it safe to remove? Thanks so much for your time.", 1),
    ("Dear team, first of all thank you for the quick replies last week, they were very helpful. I am working through the list of "
     "small improvements we discussed. The next one: in our config.yaml, please set max_upload_mb to 25 instead of 10, since "
     "customers keep sending larger PDFs. I checked and nothing else reads that value. Best regards and thanks again.", 1),
    ("Hi, sorry for the long message. I run the IT side of a small translation agency, mostly by myself. We have a little internal "
     "tool that lists the jobs for each translator, and the translators asked for a way to see only their open jobs. Could you add "
     "a filter to the /jobs endpoint so it accepts `assignee` and `status` query parameters, plus tests for it? The model already "
     "has both fields. Thank you very much!", 2),
    ("Hello! I hope I'm not intruding. I teach a programming club for teenagers on Saturdays, and we are building a small quiz app "
     "together. The students asked for a leaderboard and I would like to show them a clean way to do it. Could you write a function "
     "that takes a list of (player, score, timestamp) tuples and returns the top 10 players by best score, ties broken by the earliest "
     "timestamp? Thanks a lot, the kids will be thrilled.", 2),
    ("Dear all, I am a PhD student and I maintain the data pipeline for our lab, which is a few Python scripts run by cron. One of "
     "them crashes every Monday with `KeyError: 'temperature'` on line 57; the Monday files from the sensor vendor come without that "
     "column because the sensors are recalibrated on Sundays. Could you make the script skip those rows and log a warning instead "
     "of crashing? Thank you for your help, I really appreciate it.", 2),
    ("Hi, thank you for taking the time to read this. We are a tiny company (three people) selling handmade furniture online. Our "
     "shop runs on a small Django site a freelancer built for us years ago. Twice this month a customer was charged but the order "
     "never appeared in our admin, and the payment provider says their webhook was delivered successfully both times. We can't see "
     "a pattern and we are very worried about it happening again. Could you help us find out what is going on and fix it properly?", 3),
    ("Hello, I hope you are well. I lead a small team at a regional newspaper and our website falls over every time an article goes "
     "viral: pages take 20 seconds and then the database runs out of connections. We have one web server and one database, and a "
     "limited budget. I would be grateful for your advice on how we should restructure things so we survive the next spike, and in "
     "what order to do it. Thank you kindly.", 3),
    ("Good morning, and thank you in advance for your patience with a long email. Our charity stores donor information (names, "
     "addresses, donation history) in an application that a volunteer wrote in PHP about ten years ago. A donor asked us whether their "
     "data is safe, and honestly we don't know. Could you look over how the application handles logins, sessions and the admin "
     "pages, and tell us what the real risks are and which to fix first?", 3),
]

def main():
    out = Path(__file__).with_suffix(".jsonl")
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"le-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(ROWS)} records")

if __name__ == "__main__":
    main()
