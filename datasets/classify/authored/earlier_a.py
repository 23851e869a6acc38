"""Build datasets/classify/authored/earlier_a.jsonl (python earlier_a.py earlier_a.jsonl): requests written by hand for issue 7, not from train templates."""
import json, sys

R = []
def add(tier, style, why, prompt):
    R.append({"id": f"ha-{len(R)+1:03d}", "prompt": prompt.strip("\n"), "tier": tier, "style": style, "why": why})

F = "```"
# ---------------- tier 1 ----------------
add(1, "terse", "string edit", "fix typo: 'recieve' -> 'receive' in the error message of send_invoice()")
add(1, "terse+code", "obvious type annotations", f"""pls add type hints

{F}python
def percent(part, whole):
    if whole == 0:
        return 0.0
    return round(100 * part / whole, 1)

def initials(first, last):
    return (first[:1] + last[:1]).upper()
{F}""")
add(1, "terse+code", "local rename", f"""rename `tmp` to `row_count` here

{F}python
tmp = 0
for row in reader:
    if row.get("status") == "ok":
        tmp += 1
print(f"{{tmp}} rows ok")
{F}""")
add(1, "plain", "commit message after the analysis is done", "Write the commit message for the race-condition fix we just landed in the payment worker: we now take a row lock (SELECT ... FOR UPDATE) around the balance read-modify-write. One subject line, short body.")
add(1, "multi-turn", "new message is a changelog entry", """[Earlier in this conversation]
User: the websocket gateway's memory keeps climbing, roughly 300 MB a day, until it restarts.
Assistant: The heap snapshots show one `onMessage` closure per disconnected client still registered on the shared EventEmitter. `subscribe()` adds a listener on connect but `close` never removes it, so every socket that ever connected stays reachable. Remove the listener in the `close` handler and cap listeners in tests to catch regressions.
User: confirmed, memory is flat now after 48h.
[New message]
ok perfect. now just add a changelog entry for it under 2.4.1""")
add(1, "plain+code", "mechanical logging swap", f"""Convert these print statements to logger.info calls (module logger is already defined as `log`).

{F}python
def sync(accounts):
    print("starting sync")
    for a in accounts:
        print("syncing", a.id)
        push(a)
    print("done")
{F}""")
add(1, "terse+code", "sort keys", f"""sort the keys alphabetically, keep the values

{F}json
{{"timeout": 30, "retries": 3, "base_url": "https://api.acme.test", "api_version": "2024-06", "cache": true}}
{F}""")
go_funcs = "\n\n".join(f"""func {n}(items []Item) {t} {{
\tvar out {t}
\tfor _, it := range items {{
\t\tif it.{f} {{
\t\t\tout = append(out, it)
\t\t}}
\t}}
\treturn out
}}""" for n, t, f in [("Active", "[]Item", "Active"), ("Archived", "[]Item", "Archived"), ("Flagged", "[]Item", "Flagged"),
                       ("Pinned", "[]Item", "Pinned"), ("Shared", "[]Item", "Shared"), ("Starred", "[]Item", "Starred"),
                       ("Overdue", "[]Item", "Overdue"), ("Draft", "[]Item", "Draft")])
add(1, "long paste", "doc comments on visible code, long file", f"""Add a godoc comment to each exported function in filters.go. Nothing else should change.

{F}go
package items

{go_funcs}
{F}""")
add(1, "i18n de", "local rename", f"""Bitte die Variablennamen in dieser Funktion auf Englisch umbenennen: summe -> total, anzahl -> count.

{F}python
def durchschnitt(werte):
    summe = sum(werte)
    anzahl = len(werte)
    return summe / anzahl if anzahl else 0
{F}""")
add(1, "i18n es", "UI text translation", f"""Traduce estos mensajes de error al inglés, sin cambiar las claves:

{F}json
{{"auth.expired": "Tu sesión ha caducado, vuelve a iniciar sesión.", "cart.empty": "Tu carrito está vacío.", "pay.declined": "El pago fue rechazado por tu banco."}}
{F}""")
add(1, "terse", "config edit with value", "change the request timeout in config.yaml from 30 to 60 seconds")
add(1, "trap word", "string edit in a security file", "Update the contact line in our security.txt to security@acme.io and bump the Expires date to 2027-12-31.")
add(1, "trap code", "remove debug output; code mentions races", f"""strip the console.log lines from this, they were for debugging

{F}js
export function rankRace(raceResults) {{
  console.log("raw", raceResults);
  const sorted = [...raceResults].sort((a, b) => a.timeMs - b.timeMs);
  console.log("sorted", sorted);
  return sorted.map((r, i) => ({{ ...r, place: i + 1 }}));
}}
{F}""")
add(1, "plain", "boilerplate", "Add a .dockerignore that excludes node_modules, .git, dist and any .env files.")
add(1, "terse+code", "test names only", f"""give these better names, they're test1/test2/test3. just the names

{F}python
def test1():
    assert slug("Hello World") == "hello-world"

def test2():
    assert slug("  a  ") == "a"

def test3():
    assert slug("") == ""
{F}""")
add(1, "terse+code", "formatting", f"""fix the indentation, it's all over the place

{F}python
def load(path):
  with open(path) as fh:
        data = json.load(fh)
  if not data:
      return {{}}
  return data
{F}""")
add(1, "i18n ja", "markdown formatting", "このREADMEの見出しレベルを統一してください。# と ## が混在しているので、トップは # だけ、節はすべて ## にしてください。")
add(1, "terse", "version bump", "bump pydantic to 2.7.1 in requirements.txt")
add(1, "long paste trap", "mechanical wrap of a traceback", f"""Don't fix anything — I just need this traceback put into our bug report template inside a collapsible <details> block with the summary "Stack trace".

{F}
Traceback (most recent call last):
  File "/srv/app/worker.py", line 88, in run
    self.handle(job)
  File "/srv/app/worker.py", line 132, in handle
    result = processor.process(job.payload)
  File "/srv/app/processors/images.py", line 41, in process
    img = Image.open(io.BytesIO(payload["data"]))
  File "/usr/lib/python3.12/site-packages/PIL/Image.py", line 3339, in open
    raise UnidentifiedImageError(msg)
PIL.UnidentifiedImageError: cannot identify image file <_io.BytesIO object at 0x7f3a2c1b9e50>
{F}""")
add(1, "plain+code", "one-to-one translation of a pure function", f"""Translate this helper to TypeScript one-to-one, same name and behaviour.

{F}python
def clamp(value, low, high):
    return max(low, min(value, high))
{F}""")
add(1, "i18n fr", "docstrings on visible code", f"""Ajoute des docstrings à ces deux fonctions.

{F}python
def to_cents(amount):
    return int(round(amount * 100))

def from_cents(cents):
    return cents / 100
{F}""")
add(1, "plain", "string consistency", "Make the log messages in payments/service.py consistent: all start lowercase and none ends with a period. Don't change what they say.")
add(1, "multi-turn", "ADR write-up of a decision already made", """[Earlier in this conversation]
User: we need to shard the events table, it's 4 TB and growing.
Assistant: Shard by tenant_id with a lookup table rather than hash ranges: your biggest tenants need to be movable on their own, cross-tenant queries are only in the nightly export, which can fan out. Keep a global sequence for event ids so ordering within a tenant survives moves.
User: agreed, we'll go with tenant_id + lookup table.
[New message]
Thanks. Turn that decision into a short ADR in markdown with Context / Decision / Consequences headings.""")
add(1, "trap word", "config value given", "Debug mode: set DEBUG=false in .env.production and remove the DEBUG_SQL line.")
add(1, "trap word", "remove unused imports", f"""optimize the imports in this file (drop the unused ones, sort the rest)

{F}python
import os
import sys
import json
import re
from datetime import datetime, timedelta

def stamp():
    return datetime.now().isoformat()
{F}""")
add(1, "plain+code", "SQL formatting", f"""Uppercase the SQL keywords in this query and put each clause on its own line.

{F}sql
select o.id, o.total, c.email from orders o join customers c on c.id = o.customer_id where o.status = 'paid' order by o.created_at desc limit 50
{F}""")
add(1, "i18n pt", "comments describing visible code", f"""Adicione comentários explicando o que cada linha faz neste script.

{F}bash
#!/usr/bin/env bash
set -euo pipefail
mkdir -p build
cp -r static build/
tar czf site.tar.gz build
{F}""")
redact_lines = "\n".join(f"2026-03-0{1 + i % 9}T1{i % 10}:0{i % 6}:12Z INFO  login ok user=user{i}@example.org ip=10.0.{i % 250}.{(i * 7) % 250} session=s{i:05d}" for i in range(140))
add(1, "long paste", "redaction of a long log", f"""Replace every email address in this log with <redacted> before I attach it to the ticket. Keep everything else byte-for-byte.

{F}
{redact_lines}
{F}""")
add(1, "terse", "boilerplate header", "add the MIT license header to the top of src/*.ts, year 2026, owner Acme GmbH")

# ---------------- tier 2 ----------------
add(2, "terse", "function from spec", "write a function that chunks a list into batches of n; last batch may be shorter; raise ValueError if n <= 0")
add(2, "plain", "endpoint from spec", "Add a POST /api/v1/teams/:id/members endpoint in Express. Body: {email, role}. Validate the email, role must be 'member' or 'admin', return 404 for an unknown team and 409 if the user is already a member.")
add(2, "traceback", "visible cause: wrong key", f"""getting this on every webhook, no idea

{F}
Traceback (most recent call last):
  File "hooks.py", line 14, in handle
    uid = payload["user_id"]
KeyError: 'user_id'
{F}

{F}python
# payload looks like: {{"userId": 42, "event": "signup"}}
def handle(payload):
    uid = payload["user_id"]
    return enqueue_welcome(uid)
{F}""")
add(2, "plain+code", "test suite", f"""Can you write pytest tests for this class? Cover the edge cases.

{F}python
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def peek(self):
        return self._items[-1] if self._items else None
    def __len__(self):
        return len(self._items)
{F}""")
add(2, "plain", "standard refactor", "Refactor report.py's build_report(): it's 90 lines doing fetch, aggregate and render in one go. Split it into three functions; output must stay byte-identical. I'll paste it if you need it.")
add(2, "terse+code", "visible off-by-one", f"""this says 11 pages for 100 items at page size 10

{F}python
def page_count(total, size):
    return total // size + 1
{F}""")
add(2, "plain", "named security fix", "Our /search handler builds its SQL with f-strings from the query string. Switch it to parameterized queries with psycopg's placeholders.")
add(2, "i18n zh", "middleware from spec", "用 Go 写一个 HTTP 中间件，记录每个请求的方法、路径、状态码和耗时（毫秒），输出为 JSON 日志。")
add(2, "plain", "port mapping libraries and flags", "Port deploy.sh to Python: use subprocess and argparse, keep the same flags (--env, --tag, --dry-run) and the same exit codes (2 for bad args, 3 if the health check fails).")
add(2, "profiler", "textbook hot spot", f"""profiler says 92% of the time is in here, can you make it faster?

{F}python
def common_ids(a, b):
    out = []
    for x in a:          # a, b: lists of ~50k ints
        if x in b:
            out.append(x)
    return out
{F}""")
add(2, "plain", "rename with compat shim", "Rename customerId to clientId in our public REST API. Mobile app v3 still sends customerId and won't be updated for a few months, so accept both on input, prefer clientId, and log a deprecation warning when the old one is used.")
add(2, "multi-turn", "same CRUD for another entity", """[Earlier in this conversation]
User: CRUD endpoints for Invoice in FastAPI please (customer_id, amount_cents, currency, due_date, status).
Assistant: Here are the router, schemas and SQLAlchemy model; 404 on unknown ids, 422 on validation errors.
[New message]
now do the same for CreditNote — same fields plus `reason` (free text, max 500 chars) and `invoice_id` which must reference an existing invoice""")
add(2, "error", "visible cause: undefined prop", f"""TypeError: Cannot read properties of undefined (reading 'map') — happens when the list hasn't loaded yet

{F}jsx
export function OrderList({{ orders }}) {{
  return <ul>{{orders.map(o => <li key={{o.id}}>{{o.number}}</li>)}}</ul>;
}}
{F}""")
add(2, "plain", "standard feature from library", "Add rate limiting to the Flask login route with flask-limiter: 5 per minute per IP, return 429 with a JSON body.")
add(2, "plain", "Dockerfile with several requirements", "Write a Dockerfile for our Node 20 API: multi-stage build, npm ci in the build stage, run as a non-root user, only production deps in the final image, and a HEALTHCHECK hitting /healthz.")
add(2, "terse", "classic data structure", "implement an LRU cache class with O(1) get/put and a max size")
add(2, "plain", "named security migration", "Migrate password hashing from salted sha1 to bcrypt: new signups get bcrypt, existing users are rehashed transparently on their next successful login.")
add(2, "i18n de", "function from spec", "Schreib eine Python-Funktion, die deutsche IBANs validiert (Länge, Ländercode, Prüfsumme mod 97) und True/False zurückgibt.")
add(2, "plain+code", "callback to async refactor", f"""convert this to async/await, same behaviour

{F}js
function loadUser(id, cb) {{
  db.get(id, (err, user) => {{
    if (err) return cb(err);
    fetchAvatar(user.avatarId, (err2, avatar) => {{
      if (err2) return cb(err2);
      cb(null, {{ ...user, avatar }});
    }});
  }});
}}
{F}""")
add(2, "trap word", "debug with visible cause", f"""debug this pls — 18 year olds can't sign up but they should be allowed

{F}python
def can_sign_up(age):
    return age > 18
{F}""")
add(2, "plain", "CLI flag from spec", "Add a --dry-run flag to cleanup.py that prints each file it would delete instead of deleting it, and prints the total size at the end.")
add(2, "terse", "pagination", "add limit/offset pagination to GET /orders, default 20, max 100, and return the total count in an X-Total-Count header")
add(2, "multi-turn", "tests for a fix already designed", """[Earlier in this conversation]
User: transfers between two accounts deadlock now and then.
Assistant: Two transfers in opposite directions lock the accounts in opposite orders. Always lock the lower account id first; here's the new transfer().
User: deployed, no deadlocks since.
[New message]
cool, now write unit tests for the new transfer(): same-account transfer rejected, insufficient funds, and that both balances change""")

# ---------------- tier 3 ----------------
add(3, "terse", "diagnosis of consumer rebalancing", "why would a kafka consumer group keep rebalancing every ~5 minutes under load? 12 partitions, 6 consumers, a batch can take up to 4 minutes to process")
add(3, "mech-phrased", "log line whose content needs the bug found", f"""add a log statement that would tell us why the cache and the DB disagree about a user's balance a couple of times a week

{F}python
def add_credit(user_id, amount):
    bal = cache.get(f"bal:{{user_id}}")
    if bal is None:
        bal = db.fetch_balance(user_id)
    new = bal + amount
    db.set_balance(user_id, new)
    cache.set(f"bal:{{user_id}}", new, ttl=300)
{F}""")
add(3, "design", "architecture trade-off", "Should we put the notification service behind a queue or keep calling it synchronously from checkout? Peaks are ~40k requests/min and the service is down about an hour a month.")
add(3, "review", "security review", f"""review this OAuth callback handler for security problems before we ship it

{F}python
@app.get("/oauth/callback")
def callback(code: str, state: str, next: str = "/"):
    token = provider.exchange(code)
    user = provider.userinfo(token)
    session["uid"] = upsert_user(user["email"])
    return redirect(next)
{F}""")
add(3, "terse", "latency regression", "p99 on /checkout went from 180ms to 1.4s after the Postgres 16 upgrade, p50 unchanged. where do I even look?")
add(3, "multi-turn", "new message: distributed rate limiting", """[Earlier in this conversation]
User: write me a simple per-user rate limiter, 100 requests/minute.
Assistant: Here's a sliding-window limiter keeping timestamps per user in a dict, with a lock.
[New message]
we now run this on 6 pods behind a load balancer and some users get roughly 3x the allowed rate. how do we fix it properly without adding much latency per request?""")
add(3, "plain+code", "test reproducing a flaky failure", f"""Write a test that reproduces the flaky failure in test_transfer — it fails about 1 in 50 runs on CI.

{F}python
def transfer(a, b, amount):
    if a.balance >= amount:
        a.balance -= amount
        b.balance += amount

def test_transfer():
    a, b = Account(100), Account(0)
    ts = [threading.Thread(target=transfer, args=(a, b, 10)) for _ in range(10)]
    [t.start() for t in ts]; [t.join() for t in ts]
    assert a.balance == 0 and b.balance == 100
{F}""")
add(3, "plain+code", "port that must add synchronisation the GIL provided", f"""Port this worker to Go with goroutines instead of threads, behaviour should be identical.

{F}python
seen = {{}}

def worker(q):
    while True:
        url = q.get()
        seen[url] = seen.get(url, 0) + 1
        if seen[url] == 1:
            crawl(url)
        q.task_done()

for _ in range(16):
    threading.Thread(target=worker, args=(queue,), daemon=True).start()
{F}""")
add(3, "design", "offline sync design", "Design the data model and sync approach for an offline-first notes app used on phone and web. People edit the same note on both while offline; we can't lose either edit.")
add(3, "i18n es", "idempotency under retries", "El servicio de pagos a veces cobra dos veces al mismo cliente cuando el gateway reintenta el webhook. ¿Cómo lo hacemos idempotente de verdad?")
add(3, "plain", "zero-downtime rename read by several services", "rename the `status` column to `state` in the orders table — billing, fulfilment and the analytics CDC pipeline all read it, and we can't take downtime for this.")
add(3, "plain", "memory growth", "The ingestion pod's memory grows about 200 MB an hour until it gets OOMKilled, then everything is fine again. It's a Python service with a thread pool and an LRU of parsed schemas. What's likely and how do I confirm it?")
add(3, "terse+code", "lock ordering review", f"""is this safe?

{F}go
func (s *Store) Move(from, to string) {{
    s.mu.Lock(); defer s.mu.Unlock()
    s.idx.mu.Lock(); defer s.idx.mu.Unlock()
    s.idx.move(from, to)
}}

func (i *Index) Rebuild(s *Store) {{
    i.mu.Lock(); defer i.mu.Unlock()
    s.mu.Lock(); defer s.mu.Unlock()
    i.rebuildFrom(s.items)
}}
{F}""")
add(3, "mech-phrased", "comment that needs the memory-model bug found", f"""Add a comment explaining why this singleton occasionally hands out a half-built instance.

{F}java
class Config {{
    private static Config instance;
    static Config get() {{
        if (instance == null) {{
            synchronized (Config.class) {{
                if (instance == null) instance = new Config();
            }}
        }}
        return instance;
    }}
}}
{F}""")
add(3, "design", "monolith decomposition", f"""We're splitting the monolith. Given this module dependency list, which boundaries would you cut first, and what would you leave alone?

{F}
orders -> customers, inventory, pricing, payments
payments -> customers, ledger
inventory -> catalog
pricing -> catalog, customers
ledger -> (none)
notifications -> orders, customers
{F}""")
add(3, "i18n fr", "intermittent hang", "Nos workers Celery se bloquent de temps en temps sans aucune erreur dans les logs, puis reprennent après un redémarrage. Comment trouver la cause ?")
add(3, "plain", "config change whose consequences must be reasoned about", "We see negative balances when two withdrawals hit the same account at once. Should we just set the ledger DB to SERIALIZABLE? What would break?")
cdn_cfg = "\n".join([
    "server {", "    listen 443 ssl;", "    server_name upload.acme.test;", "    client_max_body_size 50m;",
    "    proxy_read_timeout 30s;", "    proxy_request_buffering off;", "    location /upload {",
    "        proxy_pass http://app:8000;", "        proxy_http_version 1.1;", "        proxy_set_header Connection \"\";", "    }", "}"])
add(3, "long paste", "cross-component failure", f"""Uploads over ~10 MB fail with a 502 but only when they go through the CDN; straight to the origin they work. Config below. What's going on?

{F}nginx
{cdn_cfg}
{F}

CDN settings: origin timeout 20s, request body buffering on, max body 100 MB, keepalive to origin enabled.""")
add(3, "plain+code", "explain duplicate processing", f"""Explain why this consumer processes the same message twice every now and then.

{F}python
async def consume(queue):
    async for msg in queue:
        asyncio.create_task(handle(msg))
        await msg.ack()
{F}""")
add(3, "review", "threat model", "Threat model our new file sharing feature: presigned S3 URLs, valid for 7 days, links can be shared publicly, and the file name comes from the user.")
add(3, "terse", "shared state across parallel tests", "tests pass locally, fail on CI only when run with -n 8 (xdist). something shared? how do I find it")
add(3, "terse", "totals that don't match", "hmm the nightly revenue report differs from the dashboard by a few cents on some days but not others")
add(3, "multi-turn", "mechanical earlier turns, hard new message", """[Earlier in this conversation]
User: rename `p` to `price` in pricing.py
Assistant: Done, here's the updated file.
[New message]
btw get_price() sometimes returns yesterday's prices for a few minutes right after the nightly import finishes. any idea why? it reads through the same redis cache the importer writes to""")
add(3, "terse", "design question, two lines", "monorepo or polyrepo for 3 teams shipping 9 services that share a protobuf schema?")

json.dump(None, sys.stdout) if False else None
with open(sys.argv[1], "w", encoding="utf-8") as fh:
    for r in R:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
from collections import Counter
print(len(R), Counter(r["tier"] for r in R))
