#!/usr/bin/env python3
"""Build trapwords.jsonl: same scary/mechanical keywords on both sides of the tier line."""
import json, os

R = []
def add(tier, prompt):
    R.append((tier, prompt.strip("\n")))

# ---------------- debug / debugging ----------------
add(1, "typo in the debug banner: `Debuging mode enabled` -> `Debugging mode enabled`")
add(1, "Set `DEBUG=false` in `.env.production`, leave the rest alone.")
add(1, """Rename `dbg_flag` to `debug_enabled` in this file, it's only used here.

```go
var dbg_flag = os.Getenv("APP_DEBUG") == "1"

func logf(format string, args ...any) {
	if dbg_flag {
		log.Printf("[debug] "+format, args...)
	}
}
```""")
add(1, """[Earlier in this conversation]
User: the checkout worker hangs after ~2 days, here's the goroutine dump
Assistant: Both goroutines block on `mu` and `stateMu` taken in opposite orders in `flush()` and `reconcile()`. Always take `stateMu` first; I've shown the patch.
User: deployed Friday, no hangs since. thanks for debugging that with me
[New message]
write a short changelog entry for it""")
add(2, """can you debug this? it blows up on the first call

```python
def average_rating(reviews):
    total = sum(r["stars"] for r in reviews)
    return round(total / len(reviews), 1)
```

```
ZeroDivisionError: division by zero
  File "ratings.py", line 3, in average_rating
```
(the product had no reviews yet)""")
add(2, """debugging help pls — `KeyError: 'user_id'` from this handler, the webhook payload nests it under `data`

```js
app.post('/hooks/signup', (req, res) => {
  const id = req.body['user_id'];
  await enqueueWelcome(id);
  res.sendStatus(204);
});
```
payload sample: `{"type":"signup","data":{"user_id":"u_81"}}`""")
add(3, "Need help debugging: our Celery beat fires the nightly invoice job twice on some nights but not others. One beat process, as far as we know. Where do I even start?")
add(3, """Debugging a weird one. The mobile app sometimes shows another user's avatar for a split second after login. Only on cellular, never on wifi. Backend is Django behind CloudFront. Any theories before I start bisecting?""")
add(3, """I've been debugging this for two days. Under load the Node service logs this a few times an hour, nothing in between:

```
Error: socket hang up
    at connResetException (node:internal/errors:720:14)
    at Socket.socketOnEnd (node:_http_client:525:23)
code: 'ECONNRESET'
upstream=inventory-api keepAlive=true agent.maxSockets=50
```
inventory-api is behind an AWS ALB (idle timeout 60s). It never happens in staging.""")

# ---------------- race condition ----------------
add(1, "Fix the typo in the comment: `// guard against race conditon on refresh` -> `condition`.")
add(1, """[Earlier in this conversation]
User: two workers both claim the same batch about once a day
Assistant: `claim_batch` reads status then updates without a condition, so both see `pending`. Use `UPDATE ... SET status='claimed' WHERE id=$1 AND status='pending' RETURNING id` and treat zero rows as lost.
User: perfect, that fixed it in staging under the load test
[New message]
write the commit message — mention the race condition""")
add(1, "Rename the test `test_race` to `test_concurrent_claims_do_not_double_assign`. Just the name.")
add(1, """Add a one-line comment above the `with lock:` saying it prevents a race condition between the two threads updating `counts`.

```python
lock = threading.Lock()
counts = {}

def bump(key):
    with lock:
        counts[key] = counts.get(key, 0) + 1
```""")
add(2, """Use `SELECT ... FOR UPDATE` here so the balance check and debit happen under a row lock — we already agreed that's the fix for the race condition in review, just need it written.

```sql
BEGIN;
SELECT balance FROM wallets WHERE id = :id;
-- app checks balance >= amount
UPDATE wallets SET balance = balance - :amount WHERE id = :id;
COMMIT;
```""")
add(3, "I think there's a race condition in our session refresh but I can't prove it. Users occasionally get logged out right after the token refreshes, maybe 1 in 2000 refreshes. Two browser tabs? Multiple API pods? How would you narrow it down?")
add(3, """Is there a race condition in this? Coupons are occasionally redeemed more times than `max_uses`.

```ruby
def redeem!(coupon, order)
  raise Exhausted if coupon.redemptions.count >= coupon.max_uses
  coupon.redemptions.create!(order: order)
  order.update!(discount_cents: coupon.amount_cents)
end
```
Puma with 5 threads, 4 dynos.""")
add(3, "Write a test that reproduces the race condition in `LeaseManager.renew()` — it only fails in CI maybe once a week and we want it to fail deterministically before we fix it.")

# ---------------- deadlock ----------------
add(1, "Change the log message `deadlock detected, retrying` to `deadlock detected, retrying (attempt %d of %d)` and pass `attempt, max_attempts`.")
add(1, "set `deadlock_timeout = 2s` in postgresql.conf on the reporting replica config file (currently 1s)")
add(1, """Add a docstring to `with_deadlock_retry` describing what it does.

```python
def with_deadlock_retry(fn, attempts=3):
    for i in range(attempts):
        try:
            return fn()
        except DeadlockDetected:
            if i == attempts - 1:
                raise
            time.sleep(0.05 * (2 ** i))
```""")
add(2, """Wrap this in a retry on `SQLSTATE 40P01` (deadlock) with exponential backoff, max 3 attempts. The deadlock itself is expected occasionally; we just want the retry.

```go
func (s *Store) Transfer(ctx context.Context, from, to int64, amt int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET bal = bal - $1 WHERE id = $2`, amt, from); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET bal = bal + $1 WHERE id = $2`, amt, to); err != nil {
		return err
	}
	return tx.Commit()
}
```""")
add(3, """Postgres keeps reporting deadlocks between our order import job and the API, a handful per day:

```
ERROR:  deadlock detected
DETAIL:  Process 48211 waits for ShareLock on transaction 9921834; blocked by process 48190.
        Process 48190 waits for ShareLock on transaction 9921829; blocked by process 48211.
HINT:  See server log for query details.
CONTEXT:  while updating tuple (1822,14) in relation "order_lines"
```
The import upserts order_lines in file order, the API updates lines when a customer edits the cart. How do we stop this rather than just retrying?""")
add(3, "our C# desktop app freezes when the user clicks Sync while a report is generating. no exception, UI just stops. we use `.Result` in a couple of places and a SemaphoreSlim around the db. what's deadlocking?")
add(3, "Review this lock ordering for deadlocks: `AccountService` locks account then ledger, `AuditService` locks ledger then the audit log, and the nightly reconciler locks the audit log then account. Is there a cycle and what's the cleanest way out without one global lock?")

# ---------------- flaky ----------------
add(1, "Mark `test_export_pdf` as `@pytest.mark.flaky(reruns=2)` — team decided, just add the decorator.")
add(1, "rename `flakey_tests.txt` to `flaky_tests.txt` and update the one path in `ci/run.sh` that reads it")
add(1, """Fix the spelling in this GitHub Actions step name: `Retry flakey e2e sutie` -> `Retry flaky e2e suite`.

```yaml
      - name: Retry flakey e2e sutie
        run: npx playwright test --retries=2
```""")
add(2, """This test is flaky because it uses the real clock — the assertion fails when the run crosses midnight. Inject a clock and freeze it at 2024-03-10T12:00:00Z.

```python
def test_due_today():
    inv = Invoice(due=date.today())
    assert inv.is_due_today()
```""")
add(3, "`OrderFlowIT` is flaky in CI: fails ~5% of runs with `expected 1 message, got 0`, never locally. It uses Testcontainers Kafka and our consumer with `auto.offset.reset=latest`. Why?")
add(3, """Our Jest suite got flaky after we turned on `--maxWorkers=4`. Different tests fail each run, always ones that touch the `users` table, with unique constraint errors on email. Each test file calls `resetDb()` in `beforeAll`. What's going on and how should we isolate them?""")
add(3, """flaky test, can't see why. passes alone, fails ~1/10 in the full run:

```go
func TestCacheExpiry(t *testing.T) {
	c := NewCache(50 * time.Millisecond)
	c.Set("k", "v")
	time.Sleep(60 * time.Millisecond)
	if _, ok := c.Get("k"); ok {
		t.Fatal("expected expired")
	}
}
```
`NewCache` starts a janitor goroutine that sweeps every `ttl/2`. Tests run with `-race -parallel 8`.""")

# ---------------- intermittent ----------------
add(1, "The error string says `Intermitent upstream failure` — fix the spelling to `Intermittent`.")
add(1, """Add a comment above `RETRY_STATUSES` saying these are the HTTP statuses we treat as intermittent and retry.

```ts
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
```""")
add(1, "[Earlier in this conversation]\nUser: the intermittent 401s from the billing API\nAssistant: Your token cache refreshes at exactly `exp`, but pods' clocks drift up to 3s, so some requests go out with an already-expired token. Refresh at `exp - 30s`.\nUser: zero 401s since yesterday's deploy\n[New message]\nsummarize that in 3 bullet points for the incident doc")
add(2, """intermittent 500 on `/profile` — but it's only users without an address, traceback below

```
Traceback (most recent call last):
  File "app/views/profile.py", line 41, in profile
    city = user.address.city
AttributeError: 'NoneType' object has no attribute 'city'
```""")
add(3, "We get intermittent 502s from nginx in front of gunicorn, maybe 0.1% of requests, clustered right after deploys but also randomly during the day. keepalive_timeout is 75s upstream. Where would you look?")
add(3, """Intermittent: about once a week the nightly ETL writes zero rows for one region and reports success. Logs for the bad nights:

```
02:00:03 extract region=eu rows=0 source=s3://raw/eu/2024-05-14/
02:00:03 load region=eu rows=0
02:00:04 done status=ok
```
The upstream exporter writes to that prefix "around 2am". Other regions are fine.""")
add(3, "intermittent failure in our iOS app: image uploads sometimes finish but the server gets a truncated file. backgrounded app? retries? no pattern we can find yet.")

# ---------------- memory leak ----------------
add(1, "Fix the typo in the runbook heading: `Investigating a memroy leak` -> `Investigating a memory leak`.")
add(1, "set `MALLOC_ARENA_MAX=2` in the worker's env block of docker-compose.yml — we already confirmed it stops the RSS growth.")
add(1, """[Earlier in this conversation]
User: heap grows ~200MB/day in the ingest service
Assistant: The `listeners` map in `subscribe()` never drops entries when the websocket closes, so every closed connection keeps its buffer alive. Remove the entry in the `close` handler.
User: heap flat for 3 days now
[New message]
write the PR description""")
add(2, """Close the file handles here — I can see we open every file and never close them, which is the memory leak the linter warned about. Use `with`.

```python
def load_all(paths):
    out = []
    for p in paths:
        f = open(p)
        out.append(json.load(f))
    return out
```""")
add(2, "Add `removeEventListener` in the component's cleanup — the `resize` listener added in `useEffect` is never removed, that's the leak React devtools flagged. Keep the handler the same.")
add(3, "We have a memory leak in a Java service: old gen climbs slowly over ~4 days, then full GCs every few seconds and p99 explodes. Heap dump is 6GB, biggest retainer is `ConcurrentHashMap$Node[]`. How do I find what's actually holding it?")
add(3, """memory leak? our Go service's RSS grows from 300MB to 2GB over a week but `runtime.MemStats.HeapAlloc` stays around 150MB.

```
go_memstats_heap_alloc_bytes    1.5e8
go_memstats_heap_sys_bytes      1.9e9
go_memstats_heap_released_bytes 2.1e7
go_goroutines                   412
```
GOGC default, runs in a container with 2Gi limit, gets OOMKilled weekly.""")
add(3, "Python worker memory keeps growing under celery --pool=prefork; tracemalloc shows nothing big. It's fine with max-tasks-per-child=100 but we'd rather understand it. Ideas?")

# ---------------- security ----------------
add(1, "Fix the typo in the security banner: `Unathorized access is prohibited` -> `Unauthorized access is prohibited`.")
add(1, """Rename the env var `SEC_KEY` to `SECURITY_SIGNING_KEY` in this compose file (nothing else reads it yet).

```yaml
services:
  api:
    image: acme/api:2.3
    environment:
      - SEC_KEY=${SEC_KEY}
      - PORT=8080
```""")
add(1, "Add the `security` label to `.github/labeler.yml` for any change under `src/auth/**`.")
add(1, "translate the security settings page strings to German: 'Two-factor authentication', 'Active sessions', 'Sign out of all devices', 'Download recovery codes'")
add(2, "Add the standard security headers to our Express app with helmet (CSP default-src 'self', HSTS 1 year, no frameguard exceptions).")
add(2, """Security fix from the audit: parameterize this query. The finding says `name` is user input.

```php
$sql = "SELECT id, email FROM users WHERE name = '" . $_GET['name'] . "'";
$rows = $pdo->query($sql)->fetchAll();
```""")
add(3, "Can you do a security review of our password reset flow? Token is a uuid4 stored plaintext in Redis for 24h, link goes by email, reset endpoint takes token + new password and logs the user in. Also we return 'no account with that email' on the request page.")
add(3, """Security question: is this JWT verification okay?

```ts
export function verify(token: string) {
  const [h, p, s] = token.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString());
  const key = header.alg === 'HS256' ? process.env.JWT_SECRET! : publicKeyPem;
  return jwt.verify(token, key, { algorithms: [header.alg] });
}
```""")

# ---------------- vulnerability ----------------
add(1, "Bump `lodash` from 4.17.20 to 4.17.21 in package.json — Dependabot flagged the vulnerability and we already checked the changelog.")
add(1, "Write the commit message: `fix(upload): reject path traversal in filenames` — we patched the vulnerability in `save_upload` by using `secure_filename`; tests added.")
add(1, "Rename `vuln_scan.yml` to `vulnerability-scan.yml` in .github/workflows. Nothing references it by name.")
add(2, """Snyk says this is a vulnerability (SSRF). Add an allowlist check so `url` must be https and its host in `ALLOWED_HOSTS`, reject otherwise with 400.

```python
@app.post("/preview")
def preview(body: PreviewIn):
    r = httpx.get(body.url, timeout=5)
    return {"title": extract_title(r.text)}
```""")
add(3, "Any vulnerabilities in this setup? Public S3 bucket for user avatars, presigned PUT URLs valid 7 days generated from the client-supplied filename, CloudFront in front, and the avatar URL is rendered as-is in an <img> and in our email templates.")
add(3, """Look for vulnerabilities in this file-download handler please, it goes live next week:

```java
@GetMapping("/files/{name}")
public ResponseEntity<Resource> get(@PathVariable String name, Principal p) {
    Path base = Paths.get("/srv/uploads", p.getName());
    Path file = base.resolve(URLDecoder.decode(name, UTF_8));
    if (!Files.exists(file)) return ResponseEntity.notFound().build();
    return ResponseEntity.ok()
        .header("Content-Disposition", "inline; filename=" + name)
        .body(new FileSystemResource(file));
}
```""")
add(3, "is there a vulnerability in letting tenants upload their own SVG logos that we serve from the same domain as the app?")

# ---------------- performance ----------------
add(1, "Rename `perf_test.py` to `test_performance_budget.py` so pytest collects it.")
add(1, "Change the Grafana panel title from `Perfomance` to `Performance` in `dashboards/api.json`.")
add(1, """Add a comment on the `@lru_cache` line explaining it memoizes `parse_rules` by path.

```python
@lru_cache(maxsize=128)
def parse_rules(path: str) -> list[Rule]:
    with open(path) as f:
        return [Rule.from_line(l) for l in f if l.strip()]
```""")
add(2, """Performance: the profiler says 92% of time is in `match_orders`. Classic nested loop, lists are ~20k each. Fix it.

```python
def match_orders(orders, payments):
    matched = []
    for o in orders:
        for p in payments:
            if p.order_ref == o.ref:
                matched.append((o, p))
    return matched
```""")
add(2, "The `/admin/users` page loads all 80k users at once and that's our performance problem. Add limit/offset pagination (default 50) to the endpoint and the query.")
add(3, "Performance regressed after upgrading from Postgres 13 to 15: our main dashboard query went from 300ms to 9s. Same data, same indexes, ANALYZE was run. How do I figure out what changed?")
add(3, """performance got worse after we switched to HTTP/2 between the gateway and the services. p50 is the same, p99 doubled. Nothing else changed (allegedly).

```
before: p50=18ms p95=41ms p99=88ms
after:  p50=17ms p95=52ms p99=190ms
gateway: envoy 1.28, max_concurrent_streams default
upstreams: 6 pods, grpc-java
```""")

# ---------------- optimize ----------------
add(1, "set `optimize: true` and `runs: 200` in the solc settings of hardhat.config.ts")
add(1, "typo in the CLI help: `--optimise-images  Optimze PNGs before upload` -> `Optimize`")
add(1, "Rename the function `optimise_route` to `optimize_route` (US spelling) — it's private to `routing.py`.")
add(2, """Optimize this: it re-reads the whole config file every time `get_flag` is called, which is in a hot loop. Load once and keep it.

```python
def get_flag(name):
    with open("flags.json") as f:
        return json.load(f).get(name, False)
```""")
add(3, "Optimize our checkout. It's ~1.8s server-side and nobody knows where the time goes: 14 microservice calls, some sequential, two hit the same inventory service. I can share traces.")
add(3, """can you optimize this query? EXPLAIN is below, it takes 4s

```
Sort  (cost=91234.1..91301.5 rows=26960) (actual time=4012.3..4019.8 rows=31 loops=1)
  Sort Key: e.created_at DESC
  ->  Hash Join  (actual time=3801.2..4011.9 rows=31 loops=1)
        Hash Cond: (e.account_id = a.id)
        ->  Seq Scan on events e  (actual time=0.02..3102.4 rows=11841220 loops=1)
              Filter: ((kind)::text = ANY ('{click,view}'::text[]))
              Rows Removed by Filter: 2201933
        ->  Hash  (actual time=0.1..0.1 rows=3 loops=1)
              ->  Index Scan using accounts_org_idx on accounts a  (rows=3 loops=1)
                    Index Cond: (org_id = 42)
```
indexes: events(account_id), events(created_at), accounts(org_id). The planner estimates 26960 rows but only 31 come out.""")

# ---------------- latency ----------------
add(1, "Rename the metric `req_lat_ms` to `request_latency_ms` in this one file — it's a new service, no dashboards yet.")
add(1, "Change the alert threshold for `api_latency_p99` from 500ms to 800ms in alerts.yaml.")
add(1, """Format this latency table as markdown:

endpoint p50 p99
/search 41 380
/cart 12 95
/checkout 88 910""")
add(2, "Add a middleware that records request latency as a Prometheus histogram labelled by route and status (buckets 5ms..10s).")
add(3, "Tail latency on our Redis-backed API jumped: p99 from 15ms to 300ms once a minute or so, exactly every ~60s. CPU is flat. What could be periodic like that?")
add(3, """latency spike every morning 09:00–09:20, only on the search service:

```
09:00:12 search p99=2.4s gc_pause_ms=870 heap_used=7.1G/8G
09:04:40 search p99=1.9s gc_pause_ms=640
09:21:02 search p99=120ms gc_pause_ms=35
```
There's a cron that rebuilds the synonyms index at 08:55. The index is ~3GB on disk.""")
add(3, "how do we get cross-region latency down for EU users without running a second primary database?")

# ---------------- architecture ----------------
add(1, "Fix the heading typo in ARCHITECTURE.md: `## Archtecture overview` -> `## Architecture overview`.")
add(1, """Format this architecture decision record list as a markdown table (number, title, status).

- ADR-001 Use Postgres for primary storage - accepted
- ADR-002 Event bus on Kafka - accepted
- ADR-003 GraphQL gateway - superseded
- ADR-004 Per-tenant schemas - rejected""")
add(1, "[Earlier in this conversation]\nUser: should we split billing out of the monolith?\nAssistant: (long analysis) Not yet — extract a billing module with its own schema first, put an internal interface in front, and split only once ownership and deploy cadence diverge.\nUser: agreed with the team\n[New message]\nturn that into an ADR using our template: Context / Decision / Consequences")
add(1, "Add a `docs/architecture.md` diagram in Mermaid from this list: web -> api, api -> postgres, api -> redis, worker -> postgres, worker -> s3, api -> worker via SQS.")
add(3, "Architecture question: we're a 6-person team with one Rails app, and product wants real-time collaborative editing on documents. CRDTs, OT, or something off the shelf — and where does it live relative to the Rails app?")
add(3, "What architecture would you use for a webhook delivery system that has to guarantee at-least-once delivery to ~40k customer endpoints, with per-endpoint rate limits and some endpoints down for days?")
add(3, "Our architecture has every service reading the `customers` table directly. We want to move to a customer service owning that data. How do we get there without a big-bang cutover?")

# ---------------- design ----------------
add(1, "Rename `design_tokens.json` keys from camelCase to kebab-case (`primaryColor` -> `primary-color` etc.). Only our build script reads it and it already handles both.")
add(1, "typo in the design doc title: 'Desing: multi-currency ledger' -> 'Design: multi-currency ledger'")
add(2, "Design a Postgres table for storing user notification preferences: per user, per channel (email/sms/push), per category (billing/marketing/security), on/off, with timestamps. Give the DDL and an upsert.")
add(3, "Design question: how should we model money in a ledger that supports 30 currencies, FX conversions at booking time, and reversals months later — single table, double-entry, or event-sourced?")
add(3, "Can you design rate limiting for a multi-tenant API that runs on 12 pods behind a load balancer? Limits are per API key, some keys have bursty batch jobs, and we don't want Redis to become a single point of failure.")
add(3, "design a way for our mobile app to work offline for up to a week and sync edits back, where two devices of the same user might edit the same record")

# ---------------- scale / scalability ----------------
add(1, "Set `replicas: 6` on the `thumbnailer` deployment (was 3).")
add(1, "Rename `scale_factor` to `zoom_scale` in `ImageViewer.swift`; it's a private property.")
add(1, """Add a docstring to `scale_bbox` describing the parameters.

```python
def scale_bbox(bbox, sx, sy):
    x0, y0, x1, y1 = bbox
    return (x0 * sx, y0 * sy, x1 * sx, y1 * sy)
```""")
add(2, """Add a HorizontalPodAutoscaler for `api` scaling on CPU 70%, min 3 max 12, plus readiness and liveness probes on `/healthz` port 8080.""")
add(3, "We need to scale our Postgres-backed job queue from ~200 jobs/s to ~5k jobs/s. Currently `SELECT ... FOR UPDATE SKIP LOCKED` on one table. Stay on Postgres or move to something else, and what breaks first?")
add(3, "scalability: our websocket chat server keeps all room membership in process memory, one node. We need to run 10 nodes. What's the design?")
add(3, """Scaling from 2 to 8 pods made things slower, not faster:

```
pods=2  rps=1400 p99=120ms  db_conns=40
pods=8  rps=1350 p99=610ms  db_conns=160
pg max_connections=200, pgbouncer: none
```
Each pod has a SQLAlchemy pool_size=20. What's happening and what should the settings be?""")

# ---------------- concurrency / thread ----------------
add(1, "Rename `t` to `worker_thread` in this function, it's a local.\n\n```java\nThread t = new Thread(this::drain, \"drain\");\nt.setDaemon(true);\nt.start();\n```")
add(1, "Set `WEB_CONCURRENCY=4` in the Procfile env (it's 2 now).")
add(1, """Add a comment explaining what this does, it's for new hires:

```rust
let handles: Vec<_> = (0..4)
    .map(|i| thread::spawn(move || work(i)))
    .collect();
for h in handles { h.join().unwrap(); }
```""")
add(2, "Make `fetch_all(urls)` concurrent with asyncio and aiohttp, max 10 in flight via a semaphore, return results in input order, and exceptions as `None`.")
add(2, """Thread safety fix: `SimpleDateFormat` is shared static here and the javadoc says it's not thread-safe. Replace with `DateTimeFormatter`.

```java
private static final SimpleDateFormat FMT = new SimpleDateFormat("yyyy-MM-dd");
public static String day(Date d) { return FMT.format(d); }
```""")
add(3, "We're porting our Python ingest worker to Go. The Python version shares a dict of per-customer counters across threads and never locks it — works fine there. What do we need to watch for in Go?")
add(3, """This thread pool sometimes stops processing entirely, no errors. Queue depth metric keeps climbing.

```java
ExecutorService pool = Executors.newFixedThreadPool(8);

void handle(Order o) {
    pool.submit(() -> {
        Future<Price> p = pool.submit(() -> pricing.quote(o));
        Future<Stock> s = pool.submit(() -> inventory.check(o));
        save(o, p.get(), s.get());
    });
}
```""")
add(3, "concurrency question: our Kotlin coroutines service has a `Mutex` around a cache refresh and under load some requests hang ~30s then time out. only since we added `withTimeout` around the refresh call.")

# ---------------- cache ----------------
add(1, "Change `CACHE_TTL_SECONDS` from 300 to 900 in settings/base.py.")
add(1, "rename `cache2` to `price_cache` in `pricing/service.ts`, local variable only")
add(1, """Add a docstring to this explaining what it caches and for how long (the code's right there).

```python
@cached(TTLCache(maxsize=1024, ttl=60))
def get_exchange_rate(base: str, quote: str) -> Decimal:
    return fx_client.rate(base, quote)
```""")
add(1, "[Earlier in this conversation]\nUser: stale prices after admin edits\nAssistant: The admin save path writes to the DB but only invalidates `price:{sku}` — the listing pages read `prices:category:{id}`, which lives 10 minutes. Invalidate the category key on save too.\nUser: confirmed fixed\n[New message]\nwrite a one-paragraph note for #eng-announce about the cache fix")
add(2, "Add a Redis read-through cache to `get_product(id)`: key `product:{id}`, TTL 10 minutes, delete the key in `update_product` and `delete_product`.")
add(2, """The cache never hits because the key includes the request timestamp — you can see it on line 2. Fix the key.

```ts
async function getReport(userId: string, range: Range) {
  const key = `report:${userId}:${range.from}:${range.to}:${Date.now()}`;
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit);
  const r = await buildReport(userId, range);
  await redis.set(key, JSON.stringify(r), 'EX', 600);
  return r;
}
```""")
add(3, "Every hour on the hour our DB CPU spikes to 100% for about 40 seconds. We have a cache in front of the hot product queries with a 1h TTL set at startup. Related?")
add(3, "Users sometimes see an old cart total after adding an item, then it corrects itself on refresh. We cache the cart in Redis and also in the CDN for 5s. Which one, and how do we fix it properly?")
add(3, "Should we cache authorization decisions (user X can do Y on resource Z) in our API gateway? Permissions change maybe a few hundred times a day, we serve ~20k rps.")

# ---------------- migration ----------------
add(1, "Rename the migration file `0042_auto_20240511_1203.py` to `0042_add_invoice_due_date.py` — it hasn't been applied anywhere yet and no other migration depends on it.")
add(1, "Fix the typo in the migration's description string: `Add idx on usres.email` -> `users.email`.")
add(1, """Format this migration SQL (uppercase keywords, one column per line):

```sql
create table audit_events (id bigserial primary key, actor_id bigint not null, action text not null, target text, created_at timestamptz not null default now());
```""")
add(2, "Write an Alembic migration adding a nullable `archived_at timestamptz` to `projects` with an index, and the downgrade.")
add(2, "Migration for the maintenance window Sunday: rename column `users.fullname` to `users.full_name`. Only the monolith reads it and we'll deploy the code change in the same window. Write the migration and the model change.")
add(2, "Migrate our password hashes from unsalted SHA-256 to bcrypt: rehash on next successful login, keep a `hash_algo` column, and make login accept both for now.")
add(3, "We need to split the `address` text column into street/city/postcode on a 400M-row table in MySQL 8 without downtime. Three services write to it. What's the migration plan?")
add(3, """Our Rails migration locked the `orders` table for 11 minutes in prod and took the site down:

```ruby
class AddStatusIndexToOrders < ActiveRecord::Migration[7.1]
  def change
    add_column :orders, :fulfillment_state, :string, default: "pending", null: false
    add_index :orders, [:shop_id, :fulfillment_state]
  end
end
```
Postgres 11, orders has 90M rows. On staging (2M rows) it took 3 seconds. What happened and how do we run the next one safely?""")
add(3, "Plan a migration from self-hosted RabbitMQ to SQS for 30 queues. Some consumers rely on per-queue ordering and some use message priorities.")

# ---------------- rename ----------------
add(1, "Rename `tmp` to `normalized_email` in `signup()` — it's just a local.")
add(1, """rename the `Foo` class to `RetryPolicy`, it's only used in this file

```kotlin
private class Foo(val max: Int, val backoffMs: Long) {
    fun delayFor(attempt: Int) = backoffMs * (1L shl attempt)
}

private val policy = Foo(5, 200)
```""")
add(1, "Rename the CSS class `.btn-grn` to `.btn-success` in `buttons.scss` and the two templates that use it.")
add(2, "Rename `client.getUser()` to `client.fetchUser()` in our public JS SDK. Keep `getUser` working as a deprecated alias that logs a console warning once, and note it in the changelog.")
add(2, "Rename the REST query param `q` to `query` on `/search`, but old app versions still send `q` — accept both, prefer `query` if both are present.")
add(3, "Just rename the Kafka topic `orders` to `order-events`. Five consumer groups read it, one of them relies on per-key ordering for inventory, and we can't stop producers.")
add(3, "rename `user_id` to `account_id` in the `payments` table — it's replicated via Debezium into Snowflake and three services query it. zero downtime please.")

# ---------------- comment ----------------
add(1, """Add a comment above each branch explaining what it handles.

```go
switch {
case resp.StatusCode == 429:
	return retryAfter(resp)
case resp.StatusCode >= 500:
	return backoff(attempt)
default:
	return 0
}
```""")
add(1, "Delete the commented-out code blocks in `legacy_export.py`; keep real comments.")
add(1, "fix the comment on line 12, it says `milliseconds` but the value is seconds: `timeout = 30  # milliseconds`")
add(2, "Add a `// TODO(owner)` lint rule to our ESLint config that fails CI on TODO comments without an owner in parentheses. Write the custom rule.")
add(3, """Add a comment explaining why this sometimes returns a stale balance — I need it documented before the refactor.

```python
def get_balance(account_id):
    bal = cache.get(f"bal:{account_id}")
    if bal is None:
        bal = db.query_balance(account_id)
        cache.set(f"bal:{account_id}", bal, ttl=30)
    return bal

def post_transaction(account_id, amount):
    cache.delete(f"bal:{account_id}")
    db.insert_tx(account_id, amount)
```""")
add(3, """Please add a comment above `pop()` saying under what conditions it can return a node another thread already freed.

```cpp
Node* pop() {
    Node* old = head.load();
    while (old && !head.compare_exchange_weak(old, old->next)) {}
    return old;
}
void release(Node* n) { delete n; }
```""")
add(3, "Write a comment in `reconcile()` explaining why we sometimes end up with negative stock — nobody on the team knows, the code is in the paste from yesterday's thread, and the only clue is it happens during flash sales.")

# ---------------- docstring ----------------
add(1, """Add Google-style docstrings to these.

```python
def chunk(xs, n):
    return [xs[i:i + n] for i in range(0, len(xs), n)]

def flatten(xss):
    return [x for xs in xss for x in xs]
```""")
add(1, "convert the docstrings in `utils/dates.py` from reST to NumPy style, content unchanged")
add(1, "Add JSDoc to `formatCurrency(amountCents, currency, locale)` — returns a localized string like `$12.50`.")
add(1, "[Earlier in this conversation]\nUser: why does `merge_intervals` drop the last interval sometimes?\nAssistant: It only appends `current` inside the loop when a gap is found, so the final interval is never appended. Add `result.append(current)` after the loop.\nUser: fixed, tests pass\n[New message]\nnow add a docstring to it describing the behaviour")
add(2, "Write `parse_iso_duration(s)` (handles `PT1H30M`, `P2D`, `PT45S`) with a docstring and doctests.")
add(3, """Write the docstring for `acquire()`, and be honest in it about when it can grant the lock to two callers at once — I suspect it can but I'm not sure when.

```python
def acquire(redis, name, ttl_ms=10000):
    token = uuid4().hex
    if redis.setnx(name, token):
        redis.pexpire(name, ttl_ms)
        return token
    return None

def release(redis, name, token):
    if redis.get(name) == token:
        redis.delete(name)
```""")
add(3, "Add a docstring to `apply_discounts` that documents the order the rules apply in. Finance says totals differ by a cent between the invoice and the receipt for some baskets and the docstring has to state which one is right and why.")

# ---------------- format ----------------
add(1, "Run this through prettier-style formatting, 2 spaces, single quotes:\n\n```js\nconst cfg = {host:\"localhost\",port:5432,   user:\"app\",ssl : false}\nexport default cfg\n```")
add(1, "format the date in the footer as `DD.MM.YYYY` instead of `MM/DD/YYYY` — it's the `footerDate` string in `Footer.vue`")
add(1, """Reformat this YAML, the indentation is broken (should be 2 spaces):

```yaml
server:
    port: 8080
    host: 0.0.0.0
logging:
      level: info
```""")
add(2, "Write a formatter `human_bytes(n)` -> `'1.5 KB'`, `'3.0 MB'`, base 1024, one decimal, up to TB, plus a few tests.")
add(3, """Format this SQL so it's readable, and also tell me why it sometimes returns the same order twice:

```sql
select o.id,o.total,c.email from orders o join customers c on c.id=o.customer_id left join shipments s on s.order_id=o.id where o.created_at>now()-interval '1 day' and (s.status is null or s.status<>'cancelled') order by o.id
```""")
add(3, "Our CSV export formats amounts wrong for some customers — `1.234,50` shows up as `1.23` in their Excel. Only some EU customers, not all. The exporter uses the user's locale setting.")

# ---------------- refactor ----------------
add(1, "refactor: sort the methods in `OrderService` alphabetically, no other changes")
add(1, "Convert these `var` declarations to `const`/`let` — none are reassigned except `i`.\n\n```js\nvar base = '/api';\nvar headers = { 'X-App': 'web' };\nfor (var i = 0; i < 3; i++) { ping(base, headers, i); }\n```")
add(2, """Refactor this into a strategy map instead of the if/elif chain; behaviour unchanged.

```python
def shipping_cost(method, weight_kg):
    if method == "standard":
        return 4.99 + 0.5 * weight_kg
    elif method == "express":
        return 9.99 + 0.8 * weight_kg
    elif method == "pickup":
        return 0
    else:
        raise ValueError(method)
```""")
add(2, "Refactor `UserController` to use constructor injection instead of `new UserRepository()` inside the methods, and update the two tests that construct it.")
add(2, "Extract the duplicated retry logic in `s3_upload.go` and `gcs_upload.go` into a shared `retry.Do(ctx, attempts, fn)` helper.")
add(3, "Refactor the billing module so we can support usage-based pricing alongside seats. Right now `Plan` assumes a fixed monthly price everywhere, including proration and invoicing. Where should the seams be?")
add(3, "We want to refactor our 40k-line Django monolith into modules with enforced boundaries before anyone talks about microservices. How do we pick the boundaries and enforce them?")
add(3, "After the refactor that moved `send_receipt` into a post-commit hook, about 1 in 500 customers don't get a receipt. Nothing in the error logs.")

# ---------------- test ----------------
add(1, "Rename these test functions to describe behaviour: `test_1`, `test_2`, `test_3` in test_cart.py — they test empty cart total, adding same item twice, and removing the last item. Names only.")
add(1, "Fix the typo in the test description: `it('retuns 404 for missing invoice')`.")
add(1, "set `testTimeout: 20000` in jest.config.js")
add(2, """Write pytest tests for this: happy path, negative qty, unknown sku.

```python
def line_total(catalog, sku, qty):
    if qty <= 0:
        raise ValueError("qty must be positive")
    price = catalog[sku]
    return round(price * qty, 2)
```""")
add(2, "Write table-driven Go tests for `ParseRange(\"bytes=0-499\")` covering open-ended ranges, suffix ranges, and malformed input.")
add(2, "Add integration tests for the `/invoices` CRUD endpoints using the test client and a throwaway SQLite db.")
add(3, "Write a test that reliably reproduces the double-charge we see in prod when the payment webhook and the user's return redirect arrive at the same time.")
add(3, "Our test suite passes, but the bug where a user sees someone else's draft shows up in prod a few times a week. What test would have caught it? We suspect the per-request `current_tenant` global.")

# ---------------- log ----------------
add(1, "Change `log.info(\"done\")` to `log.info(\"export finished\", extra={\"rows\": count})`.")
add(1, "Set the log level for `botocore` to WARNING in logging.yaml.")
add(1, """Fix the typo in these log messages: `recieved` -> `received`.

```csharp
_logger.LogInformation("Message recieved from {Queue}", queue);
_logger.LogWarning("Duplicate message recieved, id={Id}", msg.Id);
```""")
add(1, "Rename the logger in `billing/jobs.py` from `logging.getLogger(\"x\")` to `logging.getLogger(__name__)`.")
add(2, "Switch our Express app's `console.log` calls to pino with JSON output, a request-id per request via AsyncLocalStorage, and redact `authorization` headers.")
add(2, """The log shows the exact problem — we pass seconds where the client expects milliseconds. Fix it.

```
WARN  http_client: request timeout after 0.03s (configured timeout=30)
```
```ts
const client = new HttpClient({ timeout: cfg.timeoutSeconds });
```""")
add(3, """Add a log line that will tell us which request causes this — it happens maybe twice a day:

```
panic: runtime error: index out of range [3] with length 3

goroutine 8812 [running]:
main.(*Batcher).flush(0xc0001a2000)
        /app/batcher.go:88 +0x2a5
main.(*Batcher).Add(0xc0001a2000, {0xc00042c1e0, 0x24})
        /app/batcher.go:61 +0x1b8
```
`Batcher` is shared by all HTTP handlers; `Add` appends to `b.items` and calls `flush` when len hits 3.""")
add(3, "We lose log lines from our containers during traffic peaks — fluent-bit shows no errors, but requests we know happened are missing in Loki. Where are they going?")

# ---------------- typo ----------------
add(1, "typo: `recieve` -> `receive` across the README")
add(1, "fix typo in enum value display name `Canceld` -> `Cancelled` (the enum key stays `CANCELLED`)")
add(1, "There's a typo in the email subject `Your reciept from Acme` — fix it.")
add(2, "The typo'd key is the bug — `resp.json()[\"adress\"]` throws KeyError, the API returns `address`. Fix it and add a fallback to `None` when the field is missing.")
add(3, "We fixed a typo in an env var name (`REDIS_URL` was `REDSI_URL` in one chart) and now the notifications service occasionally sends duplicate pushes. Before the fix it never did. How can fixing a typo cause duplicates?")
add(3, "Is this just a typo or something deeper? The config says `isolation: read_commited` and the service has been running for months. Our balance reports disagree with the ledger by small amounts.")

# ---------------- keyword-free tier 3 ----------------
add(3, "orders from the EU shop sometimes show yesterday's price")
add(3, "two workers picked the same job again last night")
add(3, "Some customers get charged twice when they double-tap Pay on Android. iOS never.")
add(3, "our nightly totals are off by a few cents on days with refunds, never otherwise")
add(3, "Users in Australia see their appointments shifted by an hour for a couple of weeks every April.")
add(3, "the search results page is fast for us but takes 6+ seconds for one of our biggest customers")
add(3, "Should each tenant get its own database, its own schema, or share tables with a tenant_id? ~300 tenants now, one of them is 40% of the data.")
add(3, "Emails go out with the wrong first name every now and then — always a name from a different account that signed up at nearly the same time.")
add(3, "The Kubernetes pods restart every few hours with exit code 137 but the memory graph never gets near the limit.")
add(3, "After we added a read replica, users occasionally can't see the comment they just posted.")
add(3, "Webhook events from Stripe sometimes get processed out of order and subscriptions end up in the wrong state. How should we handle this?")
add(3, "How should we do feature flags across web, iOS, Android and the backend so a flag flip is consistent within a single user session?")
add(3, """Here's the counter we use for the free-tier quota. Some customers get 10–15% more calls than their quota.

```python
def allow(api_key):
    used = redis.get(f"q:{api_key}") or 0
    if int(used) >= LIMIT:
        return False
    redis.incr(f"q:{api_key}")
    return True
```
30 API pods.""")
add(3, "Leaderboard ranks flicker: a player's position jumps back and forth between two values on refresh for about a minute after each match ends.")
add(3, "Which parts of our signup flow should move to a queue, and what happens to the user experience if the queue is backed up for an hour?")
add(3, """After the upgrade to the new payment SDK the app's cold start went from 1.1s to 2.7s on older Android phones. Trace excerpt:

```
Application.onCreate        2310ms
  PaymentSdk.init           1620ms
    ProviderInstaller       1180ms (main thread)
  Analytics.init             410ms
```
We need the SDK ready before the checkout screen, which is usually 3 screens in.""")

# ---------------- keyword-free tier 2 ----------------
add(2, "add a `--dry-run` flag to the sync command")
add(2, "Add an endpoint `GET /projects/{id}/members` that returns id, name, role; 404 if the project doesn't exist, 403 if the caller isn't a member.")
add(2, "Write a function `business_days_between(a, b, holidays)` that excludes weekends and the given holiday dates, inclusive of `a`, exclusive of `b`.")
add(2, "Add a `--since YYYY-MM-DD` option to the export CLI that filters rows by `created_at`.")
add(2, "Add soft delete to the `Comment` model: `deleted_at` column, default queryset excludes deleted, `restore()` method.")
add(2, "make the upload endpoint reject files over 25 MB with a 413 and a JSON error body")
add(2, "Write a bash script that finds all `*.log` files older than 14 days under /var/app and gzips them, printing what it did.")
add(2, "Add CSV download to the orders admin list view: the currently filtered rows, columns id/customer/total/status/created_at.")
add(2, "implement `Money.add` and `Money.subtract` in Swift that throw if currencies differ; amounts are Int minor units")
add(2, """This returns the wrong page — page 1 skips the first 20 rows.

```sql
SELECT * FROM products ORDER BY id LIMIT 20 OFFSET :page * 20;
```
pages are 1-based from the frontend.""")
add(2, "Add a Terraform `aws_s3_bucket` for exports with versioning on, SSE-S3, block all public access, and a lifecycle rule moving objects to Glacier after 90 days.")
add(2, "Write a GitHub Actions workflow that runs `go test ./...` and `golangci-lint` on PRs, caching the Go module cache.")
add(2, """Fix this — loose comparison lets `"0"` through as a valid PIN.

```php
if ($input == $user->pin) {
    return true;
}
```""")
add(2, "Add retry with exponential backoff (3 attempts, 200ms base, jitter) to the `sendSms` call; only retry on network errors and 5xx.")

# ---------------- more keyword traps, tier 1 ----------------
add(1, "rename the `debug()` helper to `dump_state()` in `tools/inspect.py` — only called from that file")
add(1, "Change the comment `# optimize later` to `# TODO(perf): precompute lookup table`.")
add(1, "Add the word `latency` to the codespell ignore list? no wait — add `lantency` -> `latency` to our custom typo map in `.typos.toml`.")
add(1, "Set `max_connections: 500` in the redis cache chart values (from 200), nothing else.")
add(1, "In the architecture diagram's legend, change `Cache (redis)` to `Cache (Redis 7)`.")
add(1, "Update the comment above `SCAN_INTERVAL` — it says vulnerability scans run hourly but the value is `6h`.")
add(1, """Name these three tests for the thread pool, I'll write the bodies:
1. submitting after shutdown throws
2. tasks run in submission order with one worker
3. pool size can't be negative""")
add(1, "[Earlier in this conversation]\nUser: p99 spikes every 10 minutes\nAssistant: That's the `metrics_rollup` cron taking an `ACCESS EXCLUSIVE` lock via `REFRESH MATERIALIZED VIEW`. Switch to `REFRESH MATERIALIZED VIEW CONCURRENTLY` with a unique index on the view.\nUser: spikes are gone\n[New message]\nwrite the commit message, mention the latency fix")
add(1, "[Earlier in this conversation]\nUser: intermittent deadlock between import and API\nAssistant: Both lock `order_lines` rows in different orders. Sort the upsert batch by (order_id, line_no) before writing, so everyone acquires locks in the same order.\nUser: no deadlocks in 4 days\n[New message]\nadd a comment above the sort explaining that, in our style (one sentence, no period)")
add(1, "Translate the error messages in `errors.ts` to Spanish: 'Session expired', 'Too many requests, try again later', 'Security check failed', 'Unknown error'.")
add(1, "Make the migration filenames in `db/migrations` zero-padded to 4 digits (`7_add_tags.sql` -> `0007_add_tags.sql`). The runner sorts by the number, not the string.")
add(1, "Reformat the performance test results in this comment into a table:\n\nbaseline 1200 rps p99 80ms; with pooling 1900 rps p99 55ms; with pooling+cache 2600 rps p99 41ms")
add(1, "Set the log format to JSON in `appsettings.Production.json` (`\"Console\": { \"FormatterName\": \"json\" }`).")
add(1, "Fix the docstring: it says `Returns a list` but the function returns a generator.\n\n```python\ndef iter_pages(client):\n    \"\"\"Fetch all pages. Returns a list of pages.\"\"\"\n    token = None\n    while True:\n        page = client.get(token)\n        yield page\n        token = page.next\n        if not token:\n            return\n```")
add(1, "the flaky-test tracker title says 'Flaky tests (week of Mar 4)' — change it to 'Flaky tests (week of Mar 11)'")
add(1, "Add `// Design: see docs/adr/0007-event-bus.md` as a header comment on `event_bus.go`.")
add(1, "Rename `scalabilityTest.kt` to `LoadProfileTest.kt` and the class inside it to match.")
add(1, "Add type annotations to `def cache_key(user_id, region, page):` — int, str, int, returns str.")
add(1, "change the refactor tracking issue link in the TODO comments from #412 to #438")
add(1, "Sort the entries in `CODEOWNERS` alphabetically by path; the security team lines stay at the bottom.")
add(1, "Set `CONCURRENCY=8` in the `.env.example` and add a comment that it's the number of worker threads.")
add(1, "In `SECURITY.md`, replace the contact email security@old-domain.io with security@acme.dev.")

# ---------------- more keyword traps, tier 2 ----------------
add(2, "Add a `/debug/vars`-style endpoint that returns build version, git sha, uptime, and goroutine count as JSON, only when `DEBUG_ENDPOINTS=1`.")
add(2, "Add a `@timed` decorator that logs function name and duration in ms at DEBUG level; works on sync and async functions.")
add(2, "Implement an LRU cache class in TypeScript with `get`, `set`, capacity eviction, and tests.")
add(2, "Add CSRF protection to the Flask forms using Flask-WTF, the standard way, and update the three templates.")
add(2, """Fix the thread-safety problem the linter flagged — `count += 1` on the shared field, it's a simple counter.

```java
public class Hits {
    private int count;
    public void hit() { count += 1; }
    public int get() { return count; }
}
```""")
add(2, "Write a migration script that copies `users.phone` into the new `user_contacts` table (type='phone'), batched 10k at a time, idempotent.")
add(2, "Write unit tests for `RateLimiter.allow()` using a fake clock — cover the refill, the burst, and the exact boundary.")
add(2, "The scheduler logs `next run: 1970-01-01` for new jobs — `next_run_at` is read before `schedule()` sets it, you can see it in `create_job` line 4. Reorder it.")
add(2, "Add structured request logging to the Go HTTP server with slog: method, path, status, duration, request id from `X-Request-ID` or generated.")

# ---------------- more keyword tier 3 ----------------
add(3, "Why is our debug build fine but the release build crashes on launch on iOS 16 only? Crash log points inside a Swift concurrency continuation.")
add(3, "Everything is fast except when two regions' batch jobs overlap; then API latency across both regions goes to seconds. They share one Aurora cluster. What's the actual bottleneck?")
add(3, "Our LRU cache hit rate dropped from 92% to 40% after we doubled the number of pods, with the same total memory. Expected, or something wrong?")
add(3, "Review our service-to-service auth: each service has a long-lived shared secret in env vars, sent as a bearer token over plain HTTP inside the VPC. What would you change first and why?")
add(3, "The nightly test run has started timing out at 60 minutes. It took 25 minutes a month ago, and no single test got noticeably slower. Where do I look?")
add(3, "Thread dumps show 200 threads blocked on `HikariPool.getConnection` during spikes, pool size 10. Raise the pool, or is something holding connections too long?")
add(3, "Design the data model and the cache invalidation for a product catalog where prices vary by customer group, region, and time-limited promos, and pages must be under 100ms.")
add(3, "Should our mobile API use optimistic locking or last-write-wins for profile edits? Users edit from phone and web at the same time more often than we thought.")
add(3, "The `format_invoice_number` function generates duplicate invoice numbers a few times a month. It uses `MAX(number)+1` in a transaction. Why isn't the transaction enough?")
add(3, "Performance of our GraphQL API is fine per query, but dashboard pages fire 30 queries and the database sees ~900 statements per page load. How should we restructure this — dataloaders, persisted queries, or a BFF?")
add(3, "Our rename of the `status` enum value `shipped` to `dispatched` needs to go out while the iOS app (can't force-update for 2 weeks), the warehouse service, and the data warehouse all consume it. Plan it.")

# ---------------- balancing additions ----------------
add(1, "Rename the Grafana alert `mem-leak-worker` to `memory leak: ingest worker` — display name only, the rule id stays.")
add(1, "Add a comment above `close()` saying it releases the buffer pool so the connection doesn't cause a memory leak.\n\n```go\nfunc (c *Conn) Close() error {\n\tc.pool.Put(c.buf)\n\tc.buf = nil\n\treturn c.nc.Close()\n}\n```")
add(1, "[Earlier in this conversation]\nUser: the security review of our invite links\nAssistant: (findings) invite tokens are sequential ints, never expire, and accept any email. Use 32-byte random tokens, 72h expiry, bind to the invited email.\nUser: all three fixed and merged\n[New message]\nwrite the security changelog entry, two sentences")
add(3, "Quick security sanity check: we let support staff 'log in as' a customer by setting `impersonated_user_id` in the session cookie (signed, not encrypted). Anything wrong with that?")
add(3, "The docstring on `settle()` says it's idempotent. Finance found a double settlement last month after a retry storm. Is the docstring wrong or is the code wrong? Code is `settle(batch_id)` which checks `batch.status == 'open'`, posts entries, then sets status to 'settled'.")
add(2, "Generate the architecture-decision-record template folder: `docs/adr/0000-template.md` with Context/Decision/Status/Consequences sections and a tiny script `new-adr.sh \"title\"` that copies it with the next number.")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "trapwords.jsonl")
    seen = set()
    with open(out, "w", encoding="utf-8") as f:
        for i, (tier, prompt) in enumerate(R, 1):
            assert prompt not in seen, prompt[:60]
            seen.add(prompt)
            f.write(json.dumps({"id": f"tw-{i:04d}", "prompt": prompt, "tier": tier}, ensure_ascii=False) + "\n")
    # validate
    ids, counts = set(), {1: 0, 2: 0, 3: 0}
    with open(out, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            assert r["id"] not in ids
            ids.add(r["id"])
            assert r["tier"] in (1, 2, 3)
            assert isinstance(r["prompt"], str) and r["prompt"].strip()
            counts[r["tier"]] += 1
    n = sum(counts.values())
    print(out, n, {k: f"{v} ({v/n:.0%})" for k, v in counts.items()})

if __name__ == "__main__":
    main()
