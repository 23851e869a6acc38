#!/usr/bin/env python3
"""Builds tickets.jsonl: requests written like an issue-tracker ticket or a long Slack thread summary — a
paragraph or two of background (who reported it, the customer, the release, what was tried) and then the
ask. The background is never evidence: a copy change with three paragraphs of history is tier 1, a spec with
background tier 2, a symptom whose cause must be found tier 3. Written for issue 15 from LABELING.md and a
style brief only, without reading the other sets. Run: python3 tickets.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 author T (model-assisted); brief: ticket-style requests with background paragraphs"
ROWS = [
    ("Ticket SUP-4412. Reported by the customer success team after a call with Northwind Logistics, one of our largest accounts. "
     "Their operations manager noticed that the settings page says 'Notifcation preferences' and forwarded a screenshot to our CEO, "
     "who forwarded it to the product channel. It has apparently been like this since the redesign in February and nobody noticed. "
     "Task: correct the heading to 'Notification preferences' in settings.html and the two locale files.", 1),
    ("Background: the platform team is standardising logging across all services before the audit next quarter. We agreed in the "
     "architecture guild that every service should log at INFO in production and DEBUG only in development, and that the decision "
     "is recorded in ADR-031. Most services already comply. Task for this ticket: in the billing service's production config, change "
     "LOG_LEVEL from DEBUG to INFO. Nothing else.", 1),
    ("Context: our open-source SDK gets a lot of first-time contributors, and the maintainers spend time answering the same questions "
     "in pull requests. Last sprint we agreed to improve the docs, and this ticket is one small part of that effort. The client "
     "module has nine public functions and none of them have docstrings. Please add Google-style docstrings to the public functions "
     "in client.py describing their parameters and return values.", 1),
    ("From the retro: several people mentioned that the repository is hard to navigate because the utilities module is called "
     "`misc.py` and nobody knows what is in it. It is only imported inside the `reports` package (checked with grep, no external "
     "users). Action item assigned to me: rename misc.py to date_utils.py and update the three imports.", 1),
    ("Release 4.12 went out yesterday and the on-call engineer had to assemble the release notes by hand from merged PRs, which took "
     "an hour. We have the list of merged PR titles below. Please turn them into a changelog section grouped as Added / Fixed / "
     "Changed.\n\n- Add CSV export for invoices (#812)\n- Fix timezone in weekly digest (#815)\n- Bump pydantic to 2.7 (#816)\n- "
     "Change default page size to 50 (#820)", 1),
    ("Security asked every team to confirm their .gitignore excludes local secrets after an incident at another company made the news. "
     "Our repo has no .gitignore at all because it was created from an old template. Please add a standard .gitignore for a Python "
     "project that also ignores .env files and the local `data/` folder.", 1),
    ("Customer feedback from three clinics: the appointment list is hard to scan when there are more than 100 entries per day, and "
     "reception staff scroll a lot. Product decided on simple pagination for now; a calendar view is planned for Q3. Acceptance "
     "criteria: GET /appointments accepts page and page_size (default 25, max 100), returns total_count, and the existing filters "
     "keep working. Include tests.", 2),
    ("We're replacing the hand-rolled CSV parsing in the import job. It breaks on quoted fields with commas (a customer called "
     "'Smith, Jones & Co' broke last night's import) and the stack trace points at `line.split(',')` in importer.py line 88. Switch it "
     "to the csv module, keep the same output dicts, and add a test with a quoted comma.", 2),
    ("Marketing wants a referral programme for the spring campaign. Spec: each user gets a referral code (8 chars, unambiguous "
     "alphabet), a new user can enter one code at signup, and when the new user's first order ships both get a 10 EUR credit. "
     "Implement the model, the signup change and the credit on shipment, with unit tests. No admin UI needed yet.", 2),
    ("The mobile team needs the user profile endpoint to return the avatar URL in three sizes. The images are already resized by the "
     "upload worker and stored as avatar_64.png, avatar_128.png, avatar_512.png under the user's folder. Add an `avatars` object to "
     "the /me response with the three signed URLs and update the OpenAPI spec.", 2),
    ("Incident INC-2291 (sev 2). Since Monday, roughly 0.5% of orders are confirmed to the customer but never reach the warehouse "
     "system. Both services log success for the affected orders. It started after the message broker upgrade but the broker team "
     "says nothing changed in delivery semantics. No pattern by time of day so far. Find out where the orders are lost and propose "
     "a fix that guarantees delivery.", 3),
    ("Finance reports that the monthly revenue dashboard and the accounting export disagree by 0.3% to 1.1% every month, always in "
     "the same direction. Both read from the same orders table but through different pipelines (one via the warehouse, one direct). "
     "Nobody has been able to explain the gap for three months. Investigate and explain the discrepancy.", 3),
    ("Architecture ticket. We currently run one Postgres instance for all 14 services. Write load has grown 3x this year and the "
     "biggest tenant is now 40% of all rows. The CTO wants a proposal: split per service, shard by tenant, or move the hottest "
     "tables to a separate cluster. Evaluate the options against our constraints (cross-service reporting, 99.95% SLA, two DBAs) and "
     "recommend one with a migration path.", 3),
    ("Pen-test prep. An external firm tests us in three weeks. Before that, please review the password reset flow, the session "
     "handling and the file upload endpoint for vulnerabilities, and list what you would fix first. The code is in auth/ and "
     "uploads/; we use our own token implementation, not a library.", 3),
]

def main():
    out = Path(__file__).with_suffix(".jsonl")
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"ti-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(ROWS)} records")

if __name__ == "__main__":
    main()
