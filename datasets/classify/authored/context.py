#!/usr/bin/env python3
"""Builds context.jsonl: requests that come wrapped in a lot of context — a friendly preamble about the
team and the project, a ticket's background, an email forwarded from a colleague, a pasted file or log —
around an ask that may be small or hard. The tier is the ask's (LABELING.md: length, politeness, background
and pasted material are not evidence). Each preamble is used with asks of different tiers.
Written for issue 15 (second session) from LABELING.md and a style brief only, without reading the
other sets. Run: python3 context.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 author C (model-assisted, second session); brief: small or hard asks wrapped in context"

PREAMBLES = [
    "Hi! Hope your week is going well. A bit of background first: I maintain the internal tooling for a team "
    "of about fifteen analysts, mostly Python scripts that grew over the years and that nobody really owns. "
    "I inherited them last month when my colleague moved to another team, so I'm still learning where things are.",
    "Good morning. I'm writing on behalf of the mobile team; we've been shipping a release every two weeks "
    "since spring, and our backlog has a long tail of small things people keep postponing. My manager asked "
    "me to clear some of it before the holidays, and this is one of them.",
    "Context for this ticket (copied from Jira, PLAT-2291): the platform group agreed at last quarter's "
    "planning that every service should follow the same conventions before the external audit in March. "
    "Several teams have already done their part; ours is late because of the migration work in October.",
    "Hello, thanks a lot for helping yesterday — the explanation about our build pipeline really cleared "
    "things up for me. I'm a frontend developer by training and the backend of this project is still a bit "
    "of a mystery, so forgive me if the question is naive.",
    "Forwarding this from Priya in customer success, who got it from a customer call this morning. She "
    "doesn't have access to the repo, so I said I'd handle it. The customer is one of our larger accounts "
    "and they've been patient with us, so I'd like to get it right.",
    "So, long story short: we're a four-person startup, I'm the only one who touches the backend, and we "
    "demo to investors on Friday. Everything mostly works. I've been staring at this codebase for twelve "
    "hours and I just want to make sure I'm not missing something obvious.",
    "Quick intro since we haven't worked together before: I lead the data platform team. We run the "
    "ingestion services, the warehouse loaders and a handful of APIs other teams depend on. Most of it is "
    "Go, some Python, all on Kubernetes.",
    "Bonjour ! Je travaille sur une application de réservation pour des clubs de sport, écrite en Django, "
    "et je suis le seul développeur depuis le départ de mon collègue. Le code est correct mais peu documenté.",
]

ASKS = [
    ("Could you please fix the typo in the error message in `auth/views.py`? It says 'Invlaid password'.", 1),
    ("All I need is for you to add docstrings to the five public functions in `reports/export.py`, Google style.", 1),
    ("The ask is simply to change the default page size from 20 to 50 in `settings.py`.", 1),
    ("Could you rename the `tmp_data` variable to `pending_rows` throughout `loader.py`? It's only used in that file.", 1),
    ("Please add type hints to `utils/dates.py`; the functions are all small and obvious.", 1),
    ("Can you sort the imports and reformat `api/routes.py` with black so the linter stops complaining?", 1),
    ("The only thing needed is to bump `requests` from 2.31.0 to 2.32.3 in `requirements.txt`.", 1),
    ("Could you write the changelog entry for version 4.2? The changes are in the three merged PRs listed below: dark mode, CSV export, and the login fix.", 1),
    ("Please translate the strings in `locales/en.json` into Spanish in a new `locales/es.json`, same keys.", 1),
    ("Could you add a .gitignore for a Node project? We accidentally committed node_modules once.", 1),
    ("Could you add a `--verbose` flag to the `sync` command that prints each file it copies, with a test?", 2),
    ("Please write unit tests for `pricing/discounts.py`: percentage, fixed amount, expired coupon and stacking rules.", 2),
    ("Can you add an endpoint `GET /projects/{id}/members` that returns the members with their roles, 404 if the project doesn't exist?", 2),
    ("The `parse_amount` function crashes with `ValueError: could not convert string to float: '1,200.50'` when the amount has a thousands separator; can you fix it?", 2),
    ("Could you refactor the 400-line `handle_order` function into smaller functions without changing behaviour? There are tests.", 2),
    ("Please replace the string-built SQL in `search.py` with parameterized queries.", 2),
    ("Can you figure out why about one in fifty orders gets charged twice? It only happens in production, where we run the worker on three pods.", 3),
    ("Our nightly sync has started taking six hours instead of forty minutes since the database upgrade, and nothing in our code changed. Can you work out why?", 3),
    ("We need to decide whether to keep one Postgres per tenant or move to a shared schema with row-level security, for about 300 tenants growing to 3,000. What would you recommend and why?", 3),
    ("Could you review the password reset flow for security problems? Tokens are generated in `tokens.py` and checked in `reset.py`.", 3),
    ("The dashboard's totals and the finance export disagree by a few hundred dollars every month, and each looks right on its own. Can you find which one is wrong?", 3),
    ("Sometimes, maybe once a week, a user sees another user's cart for a second after logging in. We use a CDN and server-side sessions. Any idea what's going on?", 3),
]


PASTES = [
    ("Here's our base component:\n\n```tsx\nexport function Card({ title, children }) {\n  return (\n    <div className=\"card\">\n      <h2>{title}</h2>\n      {children}\n    </div>\n  );\n}\n\nexport function Badge({ label, tone }) {\n  return <span className={`badge badge-${tone}`}>{label}</span>;\n}\n```\n\nadd TypeScript prop types to both, nothing else", 1),
    ("```python\ndef total(items):\n    t = 0\n    for i in items:\n        t += i.price * i.qty\n    return t\n\ndef average(items):\n    return total(items) / len(items)\n\ndef cheapest(items):\n    return min(items, key=lambda i: i.price)\n```\n\nAdd docstrings to these three. Keep them short.", 1),
    ("Our compose file:\n\n```yaml\nservices:\n  api:\n    image: shop/api:1.8.2\n    ports:\n      - \"8000:8000\"\n    environment:\n      LOG_LEVEL: DEBUG\n  db:\n    image: postgres:15\n```\n\nchange LOG_LEVEL to INFO and pin postgres to 15.6", 1),
    ("```\n2026-04-11T09:12:44Z ERROR payment-svc request_id=8f1 upstream timeout after 30000ms\n2026-04-11T09:12:45Z ERROR payment-svc request_id=8f2 upstream timeout after 30000ms\n2026-04-11T09:12:47Z WARN  payment-svc retry 1/3 request_id=8f1\n2026-04-11T09:12:52Z ERROR payment-svc request_id=8f3 upstream timeout after 30000ms\n```\n\nCan you turn these log lines into a markdown table with columns time, level, request id and message? It's for the incident doc.", 1),
    ("```go\ntype User struct {\n\tID int64\n\tEmail string\n\tCreatedAt time.Time\n\tIsAdmin bool\n}\n```\n\nadd json tags in snake_case to every field", 1),
    ("```sql\nselect u.id,u.email,count(o.id) from users u left join orders o on o.user_id=u.id where u.created_at>'2026-01-01' group by u.id,u.email order by 3 desc limit 50\n```\n\nplease format this query so it's readable, don't change what it does", 1),
    ("```java\npublic class InvoiceMapper {\n    public InvoiceDto toDto(Invoice i) {\n        InvoiceDto d = new InvoiceDto();\n        d.setId(i.getId());\n        d.setTotal(i.getTotal());\n        d.setCurrency(i.getCurrency());\n        return d;\n    }\n}\n```\n\nadd javadoc to the class and the method", 1),
    ("Traceback (most recent call last):\n  File \"app/export.py\", line 41, in export_rows\n    writer.writerow([row['id'], row['name'], row['total']])\nKeyError: 'total'\n\nThe rows come from `fetch_rows()`, which returns `amount` not `total` since last week's change. Fix the export.", 2),
    ("```python\ndef paginate(items, page, size):\n    start = page * size\n    return items[start:start + size + 1]\n```\n\nthe pages overlap by one item, fix it and add a test", 2),
    ("```js\napp.get('/users/:id', async (req, res) => {\n  const user = await db.users.find(req.params.id);\n  res.json(user);\n});\n```\n\nadd the update and delete routes in the same style, with validation of the body for update", 2),
    ("```\nthread 'main' panicked at 'called `Option::unwrap()` on a `None` value', src/config.rs:27:41\n```\n\nline 27 is `let port = env::var(\"PORT\").ok().unwrap();` — make it fall back to 8080 and add a test", 2),
    ("```python\nclass Inventory:\n    def __init__(self):\n        self.counts = {}\n\n    def reserve(self, sku, n):\n        if self.counts.get(sku, 0) >= n:\n            self.counts[sku] -= n\n            return True\n        return False\n```\n\nThis runs inside our async web server with several worker threads, and once in a while we oversell. Why, and how should it work?", 3),
    ("```\n12:00:01 consumer-2 committed offset 1200 partition 3\n12:00:01 consumer-1 rebalance started\n12:00:02 consumer-2 processed 1201..1240 partition 3\n12:00:03 consumer-1 assigned partition 3\n12:00:03 consumer-1 processed 1201..1260 partition 3\n```\n\nWe see duplicate side effects after every deploy. What exactly is happening here and how do we make processing safe?", 3),
]


def rows():
    out = []
    for k, (ask, tier) in enumerate(ASKS):
        preamble = PREAMBLES[k % len(PREAMBLES)]
        out.append((f"{preamble}\n\n{ask}", tier))
    out += PASTES
    return out


def main():
    out = Path(__file__).with_suffix(".jsonl")
    records = rows()
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(records, 1):
            f.write(json.dumps({"id": f"cx-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(records)} records")


if __name__ == "__main__":
    main()
