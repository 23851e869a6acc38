#!/usr/bin/env python3
"""Builds the issue-15 probes, one file per failure mode, kept out of training (tools/train_default.py reads
only train.jsonl and authored/): one-line questions (questions.jsonl), small asks in long polite preambles
(preambles.jsonl), pasted code or logs with a mechanical ask (pasted_mechanical.jsonl), non-English asks
(non_english.jsonl) and agent follow-ups (followups.jsonl). Written from LABELING.md, separately from the
issue-15 training sets (no item is shared), and including the issue's own examples.
Run: python3 styles.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 probe author (model-assisted), written apart from the training sets"

QUESTIONS = [
    ("How do I rename a branch?", 1), ("What is a monad?", 1),
    ("why is my docker build slow? it takes 10 minutes every time", 1),
    ("how do I revert a merge commit?", 1), ("What's the difference between git fetch and git pull?", 1),
    ("What does `npm ci` do?", 1), ("how do i see the logs of a kubernetes pod", 1),
    ("What is a mutex?", 1), ("what's the max size of a varchar in postgres?", 1),
    ("How do I create a symlink on linux?", 1), ("What does `__init__.py` do?", 1),
    ("why does python say 'list index out of range'?", 1), ("How can I see the size of a docker image?", 1),
    ("what does 'eventual consistency' mean?", 1), ("How do I cherry-pick a commit from another branch?", 1),
    ("What is the difference between TCP and UDP?", 1), ("how do I make a POST request with curl and a json body?", 1),
    ("Why does my bash script say 'permission denied'?", 1), ("what is dependency injection?", 1),
    ("How do I check if a key exists in a JavaScript object?", 1),
    ("How would I write a function that chunks a list into pieces of n in Python?", 2),
    ("how do I add a GIN index for a jsonb column in a Django migration?", 2),
    ("How can I cancel an in-flight fetch when a React component unmounts?", 2),
    ("how would I write a Go HTTP handler that returns 404 json for unknown ids?", 2),
    ("Why does our checkout sometimes charge twice when users double-click, even with the button disabled?", 3),
    ("Should we use event sourcing for our ledger, given auditors need to replay any day?", 3),
    ("why do only some of our pods leak file descriptors until they crash after a few days?", 3),
    ("How should we partition a 5 TB events table that three teams query differently?", 3),
]

PRE = ("Hi! Sorry for the long message and thanks a lot for your patience. I've been at this company for only a "
       "month, I came from a frontend background and I'm now helping the platform team while two colleagues are "
       "on parental leave. Everyone says you're great at this so I thought I'd ask you first. We use Python and "
       "Postgres mostly, with a bit of Go, and the codebase is about six years old, so there's a lot of history. ")
PRE2 = ("Hello, I hope your week is going well! A bit of background first: I run the data team at a small "
        "non-profit, we're three people, none of us trained as software engineers, and we maintain a couple of "
        "scripts and a small web app that our volunteers use to log donations. We really appreciate any help, "
        "and I promise to read your answer carefully. ")
PREAMBLES = [
    (PRE + "Could you add a docstring to `compute_fees`? That's it.", 1),
    (PRE2 + "How do I rename a folder in git without losing its history?", 1),
    (PRE + "I just need the timeout in settings.yaml changed from 30 to 90 seconds.", 1),
    (PRE2 + "Could you fix the spelling of 'Donatoin' in the page title?", 1),
    (PRE + "What does `SELECT ... FOR UPDATE` do?", 1),
    (PRE2 + "Could you write a function that reads donations.csv and returns the total per month?", 2),
    (PRE + "Could you write unit tests for `parse_amount` (handles '1,000.50', '€12', empty string)?", 2),
    (PRE2 + "Could you add a search box to the donors list page that filters by name?", 2),
    (PRE + "Our job queue sometimes processes the same job on two workers at once, only when we scale to more than three workers. How do we find the cause and make it safe?", 3),
    (PRE2 + "We need to move the app from a single server to two servers behind a load balancer without losing uploads or sessions. How should we design this?", 3),
]

CODE = '''```python
class OrderRepository:
    def __init__(self, conn):
        self.conn = conn

    def get(self, order_id):
        return self.conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()

    def list_for_customer(self, customer_id, limit=50):
        return self.conn.execute(
            "SELECT * FROM orders WHERE customer_id = ? ORDER BY created_at DESC LIMIT ?",
            (customer_id, limit),
        ).fetchall()

    def mark_paid(self, order_id, paid_at):
        self.conn.execute("UPDATE orders SET paid_at = ? WHERE id = ?", (paid_at, order_id))
        self.conn.commit()
```'''
TS = '''```ts
export interface User { id: string; email: string; name: string; createdAt: Date }

export function displayName(u: User): string {
  return u.name.trim() || u.email.split("@")[0];
}

export function isNew(u: User, now = new Date()): boolean {
  return now.getTime() - u.createdAt.getTime() < 7 * 24 * 3600 * 1000;
}
```'''
LOGS = '''```
[2026-04-01 09:00:01] INFO  api started on :8080 (pid 4412)
[2026-04-01 09:00:02] INFO  connected to postgres (pool=10)
[2026-04-01 09:03:17] WARN  request took 1210ms: GET /reports/monthly
[2026-04-01 09:04:55] INFO  GET /health 200 2ms
[2026-04-01 09:05:12] ERROR GET /export 500: column "region" does not exist
```'''
PASTED = [
    ("Add JSDoc to these:\n\n" + TS, 1),
    (TS + "\n\nadd a comment above each function saying what it returns", 1),
    ("Add docstrings and type hints to this class:\n\n" + CODE, 1),
    ("Generate a Builder for this interface's User objects, plain setters, no validation:\n\n" + TS, 1),
    ("Add a Makefile target `migrate` that runs `alembic upgrade head`.\n\n```makefile\nrun:\n\tuvicorn app:app\n\ntest:\n\tpytest\n```", 1),
    ("Write an alembic migration adding a nullable `coupon_code VARCHAR(32)` column to orders. Current model:\n\n" + CODE, 1),
    (LOGS + "\n\nmake a bullet list of the warnings and errors in this log", 1),
    ("Rename `conn` to `connection` throughout:\n\n" + CODE, 1),
    ("Add a `cancel(order_id)` method that sets cancelled_at and refuses paid orders:\n\n" + CODE, 2),
    ("Write vitest tests for both functions:\n\n" + TS, 2),
    (LOGS + "\n\nThe /export endpoint 500s, the error says region doesn't exist; we renamed it to area last week. Fix the query.", 2),
    (CODE + "\n\nTwo customers were charged for the same order last week; mark_paid runs from both the webhook and the nightly reconciler. How can that happen and what's the proper fix?", 3),
]

NON_ENGLISH = [
    ("Wie lösche ich einen lokalen Branch in Git?", 1), ("Füge bitte Kommentare zu dieser Klasse hinzu.", 1),
    ("Schreibe Unit-Tests für die Funktion `berechne_rabatt`.", 2),
    ("Warum verlieren wir manchmal Bestellungen, wenn zwei Instanzen gleichzeitig laufen?", 3),
    ("¿Qué es una clave foránea?", 1), ("Renombra la variable `x` a `total_ventas`.", 1),
    ("Escribe una función que valide un DNI español.", 2),
    ("¿Cómo diseñamos la sincronización offline entre la app móvil y el servidor sin perder cambios?", 3),
    ("Comment supprimer un conteneur Docker ?", 1), ("Corrige la faute dans le titre : 'Bienvenu' -> 'Bienvenue'.", 1),
    ("Ajoute la pagination à l'API des factures.", 2),
    ("Como vejo o histórico de um arquivo no git?", 1), ("Escreva testes para a classe `Carrinho`.", 2),
    ("Che cos'è una closure?", 1), ("Что делает команда git rebase?", 1),
    ("这个 SQL 是什么意思？", 1), ("把这个变量重命名为 user_count。", 1),
    ("我们的订单服务在多个实例上运行时偶尔会重复发货，怎么排查？", 3),
    ("Python で辞書をソートするには？", 1), ("ログイン API のユニットテストを書いてください。", 2),
    ("docker 이미지 크기를 줄이려면 어떻게 하나요?", 1),
]

FOLLOWUPS = [
    ("yes, do it", 1), ("continue", 1), ("now run the tests", 1), ("ok, go ahead and commit", 1),
    ("looks good", 1), ("do it for the remaining files too", 1), ("push it", 1), ("sure", 1),
    ("run it again with -v", 1), ("revert that", 1), ("next", 1), ("yes, apply the fix", 1),
    ("[Earlier in this conversation]\nAssistant: The import of `Path` is missing in cli.py. Want me to add it?\n\n[New message]\nyes", 1),
    ("[Earlier in this conversation]\nUser: add tests for the parser\nAssistant: I added tests for parse_header and parse_body.\n\n[New message]\nnow add tests for parse_footer as well, same style", 2),
    ("[Earlier in this conversation]\nUser: our replicas disagree after failover\nAssistant: The old primary kept accepting writes for ~2s after promotion because clients cache the DNS; we need fencing and a way to reconcile the diverged writes.\n\n[New message]\nok, design the fencing and the reconciliation, we can't lose any payment rows", 3),
    ("[Earlier in this conversation]\nAssistant: I found it: the cache key omits the locale, so French users sometimes see German prices. The fix and a test are ready.\n\n[New message]\ngreat, write the PR description", 1),
]

FILES = {"questions": QUESTIONS, "preambles": PREAMBLES, "pasted_mechanical": PASTED,
         "non_english": NON_ENGLISH, "followups": FOLLOWUPS}

def main():
    here = Path(__file__).parent
    for name, rows in FILES.items():
        with (here / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for i, (p, t) in enumerate(rows, 1):
                f.write(json.dumps({"id": f"probe-{name}-{i:03d}", "prompt": p, "tier": t, "author": AUTHOR},
                                   ensure_ascii=False) + "\n")
        print(f"{name}.jsonl: {len(rows)} records")

if __name__ == "__main__":
    main()
