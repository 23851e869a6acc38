#!/usr/bin/env python3
"""Builds pasted.jsonl: pasted code, config or logs with an ask. Mostly mechanical asks around a big paste
(add JSDoc, generate a Builder, add a Makefile target, a migration adding a column, type hints, constants),
which are tier 1 however long the paste; standard work on the paste (tests, a feature, a fix whose cause the
paste shows) is tier 2; finding a subtle cause the paste only hints at is tier 3. Written for issue 15 from
LABELING.md and a style brief only, without reading the other sets. Run: python3 pasted.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 author C (model-assisted); brief: pasted code or logs with an ask"

JS = '''```js
export function formatPrice(cents, currency) {
  const value = (cents / 100).toFixed(2);
  return currency === "EUR" ? `${value} €` : `$${value}`;
}

export function slugify(title) {
  return title.toLowerCase().trim().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export function groupBy(items, key) {
  return items.reduce((acc, item) => {
    (acc[item[key]] ||= []).push(item);
    return acc;
  }, {});
}

export async function fetchJson(url, options = {}) {
  const res = await fetch(url, options);
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
  return res.json();
}
```'''
JAVA = '''```java
public class Shipment {
    private final String id;
    private final String origin;
    private final String destination;
    private final double weightKg;
    private final Instant pickupAt;
    private final List<String> tags;

    public Shipment(String id, String origin, String destination, double weightKg, Instant pickupAt, List<String> tags) {
        this.id = id;
        this.origin = origin;
        this.destination = destination;
        this.weightKg = weightKg;
        this.pickupAt = pickupAt;
        this.tags = tags;
    }

    public String getId() { return id; }
    public String getOrigin() { return origin; }
    public String getDestination() { return destination; }
    public double getWeightKg() { return weightKg; }
    public Instant getPickupAt() { return pickupAt; }
    public List<String> getTags() { return tags; }
}
```'''
PY = '''```python
def load_users(path):
    with open(path) as f:
        rows = [line.strip().split(",") for line in f if line.strip()]
    return [{"id": int(r[0]), "name": r[1], "email": r[2]} for r in rows[1:]]


def active_users(users, last_seen, days):
    cutoff = datetime.now() - timedelta(days=days)
    return [u for u in users if last_seen.get(u["id"], datetime.min) > cutoff]


def email_domains(users):
    counts = {}
    for u in users:
        domain = u["email"].split("@")[1]
        counts[domain] = counts.get(domain, 0) + 1
    return counts
```'''
MAKE = '''```makefile
.PHONY: install test lint

install:
\tpip install -e '.[dev]'

test:
\tpytest -q

lint:
\truff check src tests
\tmypy src
```'''
SQL = '''```sql
CREATE TABLE invoices (
    id BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers(id),
    amount_cents INTEGER NOT NULL,
    currency CHAR(3) NOT NULL DEFAULT 'EUR',
    issued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    paid_at TIMESTAMPTZ
);
CREATE INDEX invoices_customer_idx ON invoices (customer_id);
```'''
LOG = '''```
2026-03-02 10:14:03,112 INFO  worker-3 job=sync_orders started batch=412
2026-03-02 10:14:03,410 INFO  worker-3 job=sync_orders fetched 250 orders
2026-03-02 10:14:04,021 WARN  worker-3 job=sync_orders slow upstream response 1.9s
2026-03-02 10:14:05,377 INFO  worker-3 job=sync_orders wrote 250 rows
2026-03-02 10:14:05,380 INFO  worker-3 job=sync_orders finished batch=412 in 2.27s
2026-03-02 10:15:03,115 INFO  worker-1 job=sync_orders started batch=413
2026-03-02 10:15:03,502 INFO  worker-1 job=sync_orders fetched 250 orders
2026-03-02 10:15:04,988 INFO  worker-1 job=sync_orders wrote 250 rows
2026-03-02 10:15:04,990 INFO  worker-1 job=sync_orders finished batch=413 in 1.88s
```'''
TRACE = '''```
Traceback (most recent call last):
  File "app/report.py", line 41, in build_report
    avg = total / len(orders)
ZeroDivisionError: division by zero
```'''
GO = '''```go
type Cache struct {
    items map[string]entry
}

func (c *Cache) Get(key string) (string, bool) {
    e, ok := c.items[key]
    if !ok || time.Now().After(e.expires) {
        return "", false
    }
    return e.value, true
}

func (c *Cache) Set(key, value string, ttl time.Duration) {
    c.items[key] = entry{value: value, expires: time.Now().Add(ttl)}
}

// used from every HTTP handler goroutine
var sessions = &Cache{items: map[string]entry{}}
```'''

ROWS = [
    ("Add JSDoc comments to these functions:\n\n" + JS, 1),
    (JS + "\n\nplease add jsdoc with @param and @returns to each export", 1),
    ("Generate a Builder for this class, same field names:\n\n" + JAVA, 1),
    (JAVA + "\n\nCan you add javadoc to the getters? one line each is enough", 1),
    ("Add a `format` target to this Makefile that runs `ruff format src tests`:\n\n" + MAKE, 1),
    (MAKE + "\n\nadd a clean target that removes build/, dist/ and .pytest_cache", 1),
    ("Write a migration that adds a nullable `notes TEXT` column to this table:\n\n" + SQL, 1),
    (SQL + "\n\nAdd a comment on each column describing it (COMMENT ON COLUMN ...).", 1),
    ("Add type hints to these functions, don't change anything else:\n\n" + PY, 1),
    (PY + "\n\nadd google-style docstrings please", 1),
    ("Rename `counts` to `domain_counts` in the last function:\n\n" + PY, 1),
    ("Here's the output of our nightly job:\n\n" + LOG + "\n\nCan you turn this into a markdown table with batch, worker, rows and duration?", 1),
    (LOG + "\n\nWrite a one-paragraph summary of this log for the team channel.", 1),
    ("Convert this Java class to a Kotlin data class:\n\n" + JAVA, 1),
    (GO + "\n\nadd doc comments to Cache, Get and Set", 1),
    ("Write Jest tests for `slugify` and `groupBy` covering empty input and unicode titles:\n\n" + JS, 2),
    ("Add a `fetchJsonWithRetry` next to `fetchJson` that retries 3 times on 5xx with exponential backoff:\n\n" + JS, 2),
    ("Generate a Builder for this class that validates weightKg > 0 and that origin != destination in build():\n\n" + JAVA, 2),
    ("Write a migration that adds a `status` column (draft, sent, paid) to this table and backfills it from paid_at:\n\n" + SQL, 2),
    ("This crashes when a customer has no orders, fix it:\n\n" + TRACE, 2),
    ("Write pytest tests for these three functions:\n\n" + PY, 2),
    ("`load_users` breaks on names with commas in them (quoted in the csv). Fix it using the csv module:\n\n" + PY, 2),
    (GO + "\n\nadd a Delete method and a Len method", 2),
    (GO + "\n\nThis cache sometimes crashes the server with 'concurrent map read and map write', only under load. What's going on and how do we fix it without killing throughput?", 3),
    ("Our nightly sync sometimes writes the same batch twice when two workers overlap; here's a normal night's log:\n\n" + LOG + "\n\nHow can two workers end up with the same batch, and how do we make the job safe to run on several workers?", 3),
    (SQL + "\n\nWe have 400M rows and need to change amount_cents to BIGINT without downtime; three services write to this table. How should we do it?", 3),
]

def main():
    out = Path(__file__).with_suffix(".jsonl")
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"pa-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(ROWS)} records")

if __name__ == "__main__":
    main()
