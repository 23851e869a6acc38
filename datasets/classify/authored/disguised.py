#!/usr/bin/env python3
"""Builds disguised.jsonl: hard work asked for in the words of easy work, and easy work with frightening
words in it — "just add a comment saying why it double-charges", "write the docstring stating when it
returns stale data", "a quick test that reproduces the race", a security review asked in passing, a
rename read by several services — in several languages, beside look-alikes that really are mechanical
("fix the typo in the race-condition section of the docs"). LABELING.md: the hardest thing the answer
needs decides. Written for issue 15 (second session) from LABELING.md and a style brief only, without
reading the other sets. Run: python3 disguised.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 author D (model-assisted, second session); brief: hard asks in easy words, easy asks in scary words"

ROWS = [
    # tier 3: the mechanical action needs a subtle cause found first
    ("just add a comment above `charge()` saying why it sometimes charges the card twice when the user double-clicks\n\n```python\ndef charge(order):\n    if order.status != 'paid':\n        gateway.charge(order.card, order.total)\n        order.status = 'paid'\n        order.save()\n```", 3),
    ("Write the docstring for `get_balance`, and state exactly when it can return a balance that is already out of date.\n\n```go\nfunc (a *Accounts) GetBalance(id string) int64 {\n\ta.mu.RLock()\n\tb, ok := a.cache[id]\n\ta.mu.RUnlock()\n\tif ok {\n\t\treturn b\n\t}\n\treturn a.load(id)\n}\n```", 3),
    ("add a log line that will finally show us why the nightly job occasionally skips a customer", 3),
    ("a quick test please, one that reproduces the lost update when two admins edit the same product at once", 3),
    ("rename `status` to `state` on the `shipments` topic — the tracking, billing and notification services consume it and we can't stop them", 3),
    ("write a short TODO next to the retry loop explaining why it can make the outage worse under load", 3),
    ("can you just add an assert that catches the corrupted frames we see once a day on the ARM devices?", 3),
    ("comment the `refresh()` method with the reason tokens sometimes get invalidated for users with two tabs open", 3),
    ("Add a note to the README about when the exporter can produce duplicate rows; we see it only when the job is retried.", 3),
    ("translate this Java cache into Kotlin coroutines; it's used from many threads and has no synchronization today\n\n```java\nclass PriceCache {\n    private Map<String, Price> map = new HashMap<>();\n    Price get(String sku) {\n        Price p = map.get(sku);\n        if (p == null) { p = load(sku); map.put(sku, p); }\n        return p;\n    }\n}\n```", 3),
    ("one-line question: is this safe?\n\n```python\n@app.get('/download')\ndef download(path: str):\n    return FileResponse(os.path.join(BASE_DIR, path))\n```", 3),
    ("take a look at our CORS + cookie setup for anything an attacker could abuse, it's about to go public", 3),
    ("set `max_connections` so the 30 pods don't exhaust postgres during deploys — each pod has a pool of 20 and deploys double the pods briefly", 3),
    ("change the isolation level on the transfer transaction to whatever stops the negative balances we saw last week", 3),
    ("bump the kafka client to 3.7 — last time we did that consumers rebalanced in a loop and we lost ordering on some partitions, so check it can't happen again", 3),
    ("schreib einen Kommentar, warum der Zähler unter Last manchmal zu niedrig ist", 3),
    ("ajoute juste une docstring qui explique pourquoi la file perd parfois des messages quand on redémarre le consumer", 3),
    ("solo un comentario: ¿por qué este semáforo deja pasar a dos hilos a la vez de vez en cuando?", 3),
    ("só adiciona um log que mostre por que o pedido às vezes fica preso em 'processando' para sempre", 3),
    ("给这个函数加个注释，说明为什么高并发时库存会变成负数", 3),
    ("この関数に、なぜたまに古い設定値を返すのかをコメントで書いてください", 3),
    ("tiny thing: the p95 of /search doubled since monday, can you add a metric that tells us where the time goes and figure out which it is?", 3),
    ("quick docstring for `acquire_lock` — be precise about what happens if the holder's process pauses longer than the TTL", 3),
    # tier 1: the scary word is only the object of a mechanical edit
    ("fix the typo in the 'race condtion' heading of CONTRIBUTING.md", 1),
    ("rename `deadlock_test.py` to `test_deadlock.py` so pytest picks it up", 1),
    ("add a docstring to `is_thread_safe()` — it just returns the flag from the config, say that", 1),
    ("the security.md file has broken markdown links, fix them", 1),
    ("sort the list of vulnerabilities in SECURITY_ADVISORIES.md by date, newest first", 1),
    ("change the log message 'concurency limit reached' to 'concurrency limit reached'", 1),
    ("format the architecture decision record ADR-12 as markdown with headings, don't change the content", 1),
    ("add type hints to `performance_report.py`, it's just three small helper functions", 1),
    ("update the copyright year in the header of every file under src/security/", 1),
    ("add the `@deprecated` JSDoc tag to `legacyAuth()` pointing to `auth()`", 1),
    ("translate the error messages in `payments/errors.py` to German, same keys", 1),
    ("write the commit message for the fix we just did for the double-charge bug: idempotency key on the charge call", 1),
    ("set the log level of the distributed-lock module to WARN in logging.yaml", 1),
    ("renombra la variable `mutex_lock` a `lock` en este archivo, nada más", 1),
    ("corrige l'orthographe dans le commentaire sur l'isolation des transactions", 1),
    ("把 README 里 '高并发' 那一节的错别字改一下", 1),
    ("add comments to this function describing what each step does\n\n```python\ndef parse_header(raw):\n    parts = raw.split(';')\n    name = parts[0].strip().lower()\n    params = dict(p.strip().split('=', 1) for p in parts[1:])\n    return name, params\n```", 1),
    # tier 2: a standard fix or feature with a scary word nearby
    ("add a per-user rate limit of 100 requests a minute to the login endpoint using the redis client we already have", 2),
    ("parameterize the SQL in `report_query()` — it concatenates the date range into the string", 2),
    ("add a timeout of 5s and 3 retries to the payment client; the calls can hang forever right now", 2),
    ("write tests for the concurrency limiter's public API: acquire, release, and the limit reached error", 2),
    ("our security headers are missing; add HSTS, X-Content-Type-Options and a basic CSP to the express app", 2),
    ("the `deadline` parser crashes on dates like '2026-02-30' with ValueError, make it return a 400 instead", 2),
]


def main():
    out = Path(__file__).with_suffix(".jsonl")
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"dg-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(ROWS)} records")


if __name__ == "__main__":
    main()
