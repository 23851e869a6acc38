import json, random, collections

random.seed(7)
R = []
def t(tier, prompt):
    R.append((tier, prompt.strip("\n")))

# =====================================================================
# TIER 3 — flaky / intermittent
# =====================================================================
t(3, r'''test_reserve_seat is flaky. maybe 1 in 40 CI runs. never locally. we run pytest -n 8 on CI. what's going on

```python
@pytest.fixture
def client():
    app = create_app({"DATABASE_URL": "postgresql://ci@localhost/ci_test"})
    with app.test_client() as c:
        yield c

def test_reserve_seat(client):
    client.post("/shows/42/seats", json={"row": "F", "n": 12})
    r = client.post("/shows/42/reserve", json={"row": "F", "n": 12, "user": "u1"})
    assert r.status_code == 201
    r2 = client.post("/shows/42/reserve", json={"row": "F", "n": 12, "user": "u2"})
    assert r2.status_code == 409
```''')

t(3, r'''Hi! I'm pretty new to the team and I've been stuck on this for two days so sorry if this is obvious. We have a Jest test for our debounce-based search box and it passes when I run just that file, but when the whole suite runs in CI it fails maybe a third of the time with "expected fetch to have been called 1 time, received 0". I tried adding `await new Promise(r => setTimeout(r, 0))` in a couple of places and it seemed to help but then it failed again the next day. We use `jest.useFakeTimers()` in a beforeAll in a shared setup file that some other tests also import, and I think some tests use `modern` and some `legacy`? I don't really know what the difference is. How do I figure out what's actually happening instead of just sprinkling waits around?''')

t(3, r'''`go test -race ./...` is green but `go test -count=200 ./internal/fanout` fails a handful of times with `got 99 results, want 100`. No race reported. Code:

```go
func Collect(ctx context.Context, srcs []Source) []Result {
	out := make(chan Result)
	var wg sync.WaitGroup
	for _, s := range srcs {
		go func(s Source) {
			wg.Add(1)
			defer wg.Done()
			r, err := s.Fetch(ctx)
			if err == nil {
				out <- r
			}
		}(s)
	}
	go func() { wg.Wait(); close(out) }()
	var res []Result
	for r := range out {
		res = append(res, r)
	}
	return res
}
```''')

t(3, r'''Our Playwright e2e suite has a test that fails only on the GitHub Actions runners, and only on Mondays-ish? Honestly we can't tell the pattern. Sometimes it's the cart badge showing 0 instead of 1, sometimes a 401 on /api/cart. Retries make it pass. Before I just set retries: 3 and move on — is there a way to reason about this from the traces? I can share a failing trace zip if it helps.''')

t(3, r'''The nightly reconciliation job reports a mismatch of 1–3 cents on maybe one day a week. Different accounts each time. Re-running the job for the same day gives zero mismatches. It reads from a read replica and the ledger writer uses the primary. Where would you start?''')

t(3, r'''Why would this Rust test pass under `cargo test` but hang forever occasionally under `cargo test -- --test-threads=1`? Shouldn't single-threaded be *more* deterministic?

```rust
#[tokio::test]
async fn drains_queue() {
    let q = Arc::new(Mutex::new(VecDeque::from(vec![1, 2, 3])));
    let q2 = q.clone();
    let h = tokio::spawn(async move {
        loop {
            let mut g = q2.lock().unwrap();
            if g.is_empty() { break; }
            let item = g.pop_front().unwrap();
            process(item).await;
        }
    });
    tokio::time::sleep(Duration::from_millis(5)).await;
    q.lock().unwrap().push_back(4);
    h.await.unwrap();
}
```''')

# ---- races
t(3, r'''we oversell. not often — maybe 2-3 orders a week on a flash sale item go through when stock is already 0. rails 7, puma 5 threads x 4 workers, postgres.

```ruby
def purchase!(product_id, qty)
  product = Product.find(product_id)
  raise OutOfStock if product.stock < qty
  product.update!(stock: product.stock - qty)
  Order.create!(product: product, qty: qty, user: current_user)
end
```''')

t(3, r'''In a Kotlin service we increment a per-tenant counter from coroutines on Dispatchers.Default. Under load test the final count is low by ~0.5%. I wrapped the map in Collections.synchronizedMap and it's still low. Why?

```kotlin
val counts = Collections.synchronizedMap(HashMap<String, Long>())

suspend fun record(tenant: String) = withContext(Dispatchers.Default) {
    val cur = counts[tenant] ?: 0L
    counts[tenant] = cur + 1
}
```''')

t(3, r'''SRE here. During last night's etcd maintenance we briefly had two instances of the scheduler both believing they were leader for ~8s, and both dispatched the same batch of jobs. We use etcd leases with TTL 10s and renew every 3s. Network between AZs was flaky at the time. I need to understand how two leaders are possible with this setup and what we should change so duplicate dispatch can't corrupt anything even if it happens again.''')

t(3, r'''This worker occasionally double-sends the welcome email. We have 6 replicas all polling the same table.

```sql
-- poller, runs every 2s in each replica
SELECT id, user_id FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 50;
-- then for each row: send email, then
UPDATE outbox SET sent_at = now() WHERE id = $1;
```

Please just tell me what to change in the SQL.''')

t(3, r'''Two browser tabs, same user, both edit the project description, last save wins and silently clobbers the other. PM wants "no lost edits" but doesn't want real-time collab. What are our options and which would you pick for a Postgres + REST stack?''')

# ---- deadlocks
t(3, r'''our asyncio service freezes maybe once a day. no CPU, no errors, health check times out, k8s restarts it. py-spy dump from the last one shows the event loop thread sitting in `threading.Lock.acquire` inside `MetricsBuffer.flush`. flush is also called from a background thread every 10s. here's the class:

```python
class MetricsBuffer:
    def __init__(self, loop):
        self._lock = threading.Lock()
        self._items = []
        self._loop = loop

    def add(self, m):
        with self._lock:
            self._items.append(m)
            if len(self._items) > 5000:
                self.flush()

    def flush(self):
        with self._lock:
            batch, self._items = self._items, []
        fut = asyncio.run_coroutine_threadsafe(self._send(batch), self._loop)
        fut.result(timeout=30)

    async def _send(self, batch):
        async with self._session.post(URL, json=batch) as r:
            r.raise_for_status()
```''')

t(3, r'''Sometimes `./bin/ingest` doesn't exit after Ctrl-C. Go 1.22. It prints "shutting down" and then just sits there. Most of the time it exits fine.

```go
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	lines := make(chan string)
	errs := make(chan error)
	go readLines(ctx, os.Stdin, lines, errs)
	for {
		select {
		case <-ctx.Done():
			log.Println("shutting down")
			if err := <-errs; err != nil {
				log.Println(err)
			}
			return
		case l := <-lines:
			handle(l)
		}
	}
}

func readLines(ctx context.Context, r io.Reader, out chan<- string, errs chan<- error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		select {
		case out <- sc.Text():
		case <-ctx.Done():
			errs <- ctx.Err()
			return
		}
	}
	errs <- sc.Err()
}
```''')

t(3, r'''C#: our ASP.NET (full framework 4.8) endpoint hangs forever under load but works fine in dev. The controller is sync and calls `_client.GetPricesAsync(ids).Result`. Inside GetPricesAsync there's an `await httpClient.GetAsync(...)` without ConfigureAwait. Is it really just that, and if we add ConfigureAwait(false) everywhere is that enough or do we have to go async all the way up? There are ~300 call sites.''')

# ---- memory
t(3, r'''Node 20 API, RSS grows ~40MB/hour until OOMKilled at 1.5GB every ~30h. Heap snapshots diffed an hour apart: biggest retained growth is `(closure)` and `Socket`, retainer path goes through `EventEmitter._events.reconnect` on our Redis client. We create one Redis client at startup. We do call `client.on("reconnect", ...)` in a middleware that wraps each request so we can log request ids during reconnects. Is that the leak? And how would I confirm it before shipping a fix?''')

t(3, r'''Celery workers' memory creeps up all day and gets OOM killed around 6pm. Setting worker_max_tasks_per_child=200 "fixes" it. Is that an acceptable answer or are we hiding something? Tasks are mostly pandas transforms over ~50MB CSVs from S3.''')

t(3, r'''Memory on the JVM looks flat in heap (old gen stable ~1.2G after full GC) but the container RSS keeps climbing past the 3G limit and we get OOMKilled. -Xmx2g. Netty-based service, lots of TLS. What's eating the memory outside the heap and how do I prove it?''')

t(3, r'''is a steadily rising goroutine count always a leak? ours goes from ~300 at boot to ~45k after a week, but memory is only up 200MB and nothing seems broken.''')

# ---- tail latency
t(3, r'''p50 is 12ms, p99 is 900ms on the search endpoint. p99 got bad after we moved from VMs to k8s last month, same code, same instance types. CPU avg 35%. limits: cpu 2, requests cpu 1. JVM 17, G1, 16 threads in the pool. ideas before I start bisecting things?''')

t(3, r'''PM question, sorry if it's fuzzy: customers in APAC say the dashboard is "sometimes really slow" but our Grafana average latency looks fine at ~180ms. The eng team says it's "just the tail". How worried should I be, and what should I ask the team to look at so we actually understand it?''')

t(3, r'''Adding more pods made latency worse. We went from 8 to 20 replicas of the orders API for the sale and p95 went from 120ms to 400ms. DB CPU is only 40%. Each pod has a HikariCP pool of 30.''')

t(3, r'''Every ~60 seconds we get a latency spike on the Python gRPC service, p99 jumps to 2s for a few seconds and then recovers. Looks too regular to be traffic. Where would you look?''')

# ---- query-plan regressions
t(3, r'''This query was 15ms for a year, now it's 6-9 seconds since last Thursday. No deploy touched it. Postgres 14. Nothing in the table's DDL changed.

```sql
SELECT o.id, o.total_cents, c.email
FROM orders o
JOIN customers c ON c.id = o.customer_id
WHERE o.status = 'pending'
  AND o.created_at > now() - interval '2 days'
ORDER BY o.created_at DESC
LIMIT 100;
```

Why would a plan change on its own?''')

t(3, r'''SQL Server: the same stored procedure runs in 200ms from SSMS and 40s from the app. Same parameters (I copied them from the trace). Recompiling it makes the app fast again for a day or two. What's the actual fix here, not just "add OPTION (RECOMPILE)"?''')

t(3, r'''We added a composite index on (tenant_id, updated_at) to speed up the sync endpoint. Sync is faster, but now the nightly billing query that filters on tenant_id alone is 4x slower and our write latency on that table went up. Should we keep the index?''')

# ---- cache consistency
t(3, r'''After a user edits their display name, about 1 in 20 times the old name comes back for the next 5 minutes (cache TTL). Flow: write to primary -> delete cache key -> next read misses -> reads from replica -> repopulates cache. Deleting the key is definitely happening (we log it). What's going on?''')

t(3, r'''security engineer here. we got a report that a user saw another user's account page briefly. we sit behind CloudFront. the /account page is server-rendered, uses a session cookie. cache behavior for /* forwards only the `Host` header, TTL default 86400, origin sends `Cache-Control: private` on /account... mostly. I need to know how this could happen and what else might be exposed.''')

t(3, r'''Should we invalidate the product cache before or after committing the DB transaction? I've seen both recommended and the team is split.''')

t(3, r'''We have a two-level cache (in-process LRU per pod, 30 pods, plus Redis). When pricing updates, we publish on a Redis pub/sub channel so pods drop the local entry. Ops says some pods keep serving old prices for hours after an update. Pub/sub messages are fire-and-forget. How do we make this reliable without giving up the local cache?''')

# ---- distributed systems
t(3, r'''Customers are occasionally charged twice. Our mobile app retries POST /payments on timeout (10s). Backend calls the PSP then writes the payment row. Need a design for making this safe end to end, including what happens if our server dies between the PSP call and our DB write.''')

t(3, r'''kafka consumer group, 12 partitions, 4 pods. After a rebalance we sometimes see an account's events processed out of order (e.g. "closed" before "opened" for the same account). Key is account_id. enable.auto.commit=true, we process in a thread pool of 8 per pod. How is this possible if Kafka guarantees ordering per partition?''')

t(3, r'''how do I get exactly-once from postgres -> kafka? right now we write the row and then produce the event in the same request handler, and we lose events if the pod dies in between, and get duplicates when the produce times out but actually succeeded''')

t(3, r'''Stripe webhooks arrive out of order and sometimes twice. We're currently doing `if event.type == "invoice.paid": mark_paid()` and `if event.type == "invoice.payment_failed": mark_failed()`. We've had invoices end up failed after being paid. What's the right way to model this?''')

t(3, r'''Place order touches three services: inventory (reserve), payments (authorize), shipping (create label). Currently one HTTP handler calls them in sequence and if shipping fails we try to undo the other two inline, which sometimes also fails. Saga with orchestration, choreography, or something else? We have Kafka and Postgres, team of 5.''')

t(3, r'''Events from our 40 edge collectors are merged and sorted by their `ts` field before going into the session builder. Sessions occasionally have a "logout" before a "page_view" from the same session. Collectors use NTP. Is sorting by timestamp just wrong here and what should we do instead?''')

t(3, r'''retry policy question: service A calls B with 3 retries, B calls C with 3 retries, C calls the DB with 3 retries. During the last incident C was slow and the whole thing fell over. Explain why and what the retry config should look like.''')

# ---- capacity planning
t(3, r'''Marketing is planning a campaign they expect will bring 8-10x normal traffic for about 4 hours next month. I'm the PM and I need to tell them whether we're OK. What I know: peak today is ~1,200 req/s, we autoscale the web tier from 6 to 30 pods, one Postgres primary (db.r6g.2xlarge) with 2 read replicas, Redis for sessions. The team says "it autoscales, we're fine". What questions should I be asking, and is there a way to get an actual answer before the day?''')

t(3, r'''How many partitions should the `clickstream` topic have? Expected 150k msgs/s at peak, avg 1.2KB, consumers do ~2ms of work per message, we want to be able to double without repartitioning. 3 brokers right now.''')

t(3, r'''We run 45 pods × HikariCP maximumPoolSize=20 against a Postgres with max_connections=500, and we're about to add 20 more pods for a new region's traffic. Do we need PgBouncer, a bigger max_connections, smaller pools, or what? Give me the reasoning, not just a number.''')

# ---- migration without downtime
t(3, r'''We need to change `orders.id` from int to bigint. 1.9B rows, ~600 inserts/s, we're at 2.05B of the int range per the sequence. Postgres 13, logical replication to the analytics DB. No downtime allowed beyond maybe 30 seconds. Plan?''')

t(3, r'''We're splitting the `users` table: auth stuff stays in users, profile fields (bio, avatar_url, locale, timezone, 14 more) move to a new `profiles` table. Three services and the mobile API read those columns. How do we do this without a big-bang deploy?''')

t(3, r'''move sessions from in-memory (sticky sessions on the ALB) to Redis without logging out the ~200k active users. Express + express-session. what's the rollout?''')

t(3, r'''Migrating from MySQL 5.7 to Postgres 15 for the core app. 800GB, write-heavy during EU business hours. Leadership wants "no downtime". Is that realistic, and what would the cutover look like?''')

t(3, r'''We want to encrypt the `ssn` column at the application level (envelope encryption with KMS). There are 40M rows, the column is read by the app and by two nightly ETL jobs. How do we roll this out without downtime and without a window where some readers see ciphertext they can't decrypt?''')

# ---- security review / threat modelling
t(3, r'''Threat model request: we're adding user file uploads (images + PDFs up to 25MB). Plan: client asks our API for an S3 presigned PUT URL, uploads directly, then calls /uploads/complete with the key; a Lambda generates thumbnails with ImageMagick and a PDF preview with Ghostscript; files are served from a CloudFront distribution on our main domain under /u/. What are the risks and what should we change before launch?''')

t(3, r'''Is it OK that our password reset link is /reset?uid=123&token=<hex> where token = sha256(uid + created_at)? It works and the tokens look random.''')

t(3, r'''Please give this a security pass before we merge — it's the OAuth login callback.

```python
@app.get("/oauth/callback")
def oauth_callback(code: str, state: str, next: str = "/"):
    token = requests.post(TOKEN_URL, data={
        "grant_type": "authorization_code", "code": code,
        "redirect_uri": REDIRECT_URI, "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }).json()
    claims = jwt.decode(token["id_token"], options={"verify_signature": False})
    user = User.get_or_create(email=claims["email"])
    session["uid"] = user.id
    return redirect(next)
```''')

t(3, r'''We're letting customers write their own webhook URLs and we POST events to them from our backend. Anything we should worry about?''')

t(3, r'''auditor asked us to describe how a compromised CI runner could affect prod. we use GitHub Actions, self-hosted runners on EC2 with an instance profile, deploy via `terraform apply` from the main branch workflow, and PR workflows run on the same runner pool. I honestly don't know where to start.''')

# ---- architecture / "should we X or Y"
t(3, r'''graphql or rest for the new public partner API? we already use graphql internally for the web app.''')

t(3, r'''Should we do schema-per-tenant or a shared schema with tenant_id columns? B2B SaaS, ~400 tenants now, largest is 30% of the data, some enterprise customers ask about data isolation in security questionnaires.''')

t(3, r'''We need a job queue. Options on the table: Postgres with SKIP LOCKED, Redis Streams, SQS, or just use the Kafka cluster we already have. ~50 jobs/s, jobs take 1s–10min, must not lose jobs, need delayed retries. Which one and why?''')

t(3, r'''Is event sourcing worth it for our wallet/ledger service? Current design is a balances table updated in place plus an audit log table. Finance keeps asking "what was the balance at time X" and we can't always answer.''')

t(3, r'''cursor or offset pagination for GET /v2/transactions? clients sort by amount or by date, transactions can be inserted with backdated timestamps (bank imports), and some partners page through all of it nightly.''')

t(3, r'''Our monolith's report export endpoint times out on big accounts (some exports take 4 minutes). Options: raise timeouts, make it async with polling, make it async with email link, or stream the CSV. What would you do and what are the gotchas with each?''')

t(3, r'''I keep going back and forth: one repo per service (11 services, 4 teams) or a monorepo? Half the bugs we ship are from version skew between the shared `contracts` package and the services.''')

# ---- incident diagnosis from partial evidence
t(3, r'''3 of our 12 kafka brokers' disks filled overnight, the other 9 are at 40%. Retention config is the same everywhere. Nothing was deployed. What would cause only some brokers to fill?''')

t(3, r'''Since the node pool upgrade, pods get intermittent `getaddrinfo EAI_AGAIN` for internal service names, maybe 0.1% of requests, worse at peak. CoreDNS pods look healthy and aren't CPU-bound. Where do I look?''')

t(3, r'''After rotating the TLS cert on api.example.com yesterday, most clients are fine but our Android app on older devices (Android 7) fails with handshake errors, and one partner's Java 8 integration too. Nothing else changed. What happened?''')

t(3, r'''Things we know: checkout error rate went from 0.1% to 4% at 14:02. The 14:00 deploy was to the recommendations service, not checkout. Checkout errors are all `ReadTimeout` to the pricing service. Pricing latency looks normal on its own dashboard. Rolling back recommendations at 14:20 fixed it. Nobody can explain the link. Can you?''')

# ---- hard asks phrased mechanically
t(3, r'''Just add a comment above the retry explaining why we saw duplicate orders last week, so the next person understands.

```ts
async function submitOrder(order: Order): Promise<OrderResult> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const res = await fetch(`${API}/orders`, {
        method: "POST",
        body: JSON.stringify(order),
        headers: { "content-type": "application/json" },
        signal: AbortSignal.timeout(5000),
      });
      if (res.ok) return res.json();
      if (res.status < 500) throw new ClientError(await res.text());
    } catch (e) {
      if (e instanceof ClientError || attempt === 3) throw e;
    }
  }
  throw new Error("unreachable");
}
```''')

t(3, r'''add one log line that would let us catch the lost update when it happens in prod. where should it go?

```java
@Transactional
public void addPoints(long userId, int pts) {
    Wallet w = walletRepo.findByUserId(userId);
    w.setPoints(w.getPoints() + pts);
    walletRepo.save(w);
}
```
(called from an SQS listener with 10 concurrent consumers; the same user can get several events within a second)''')

t(3, r'''Write a test that reproduces the double-spend in this transfer function. It needs to fail reliably on the current code so we can prove the fix works.

```go
func (s *Store) Transfer(ctx context.Context, from, to string, amt int64) error {
	var bal int64
	if err := s.db.QueryRowContext(ctx, `SELECT balance FROM accounts WHERE id=$1`, from).Scan(&bal); err != nil {
		return err
	}
	if bal < amt {
		return ErrInsufficient
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance = balance - $1 WHERE id=$2`, amt, from); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance = balance + $1 WHERE id=$2`, amt, to); err != nil {
		return err
	}
	return tx.Commit()
}
```''')

t(3, r'''bump the hikari pool from 10 to 50, we keep getting "Connection is not available, request timed out after 30000ms". 30 pods, postgres max_connections is 400. that'll fix it right?''')

t(3, r'''Set `default_transaction_isolation = 'serializable'` in postgresql.conf for the ledger DB. Before I do: what's going to break, and what does the app need to handle?''')

t(3, r'''Port this worker from Python to Go, keeping the behaviour identical. It runs 16 threads in prod.

```python
seen = {}
stats = {"ok": 0, "dup": 0}

def handle(msg):
    if msg.id in seen:
        stats["dup"] += 1
        return
    seen[msg.id] = time.time()
    process(msg)
    stats["ok"] += 1

def evict():
    cutoff = time.time() - 3600
    for k in list(seen):
        if seen[k] < cutoff:
            del seen[k]
```''')

t(3, r'''Write the docstring for `acquire()`. It should document the guarantees it gives callers — including under what conditions two holders can exist at once, if any.

```python
def acquire(self, name: str, ttl: float = 10.0) -> bool:
    token = uuid.uuid4().hex
    ok = self.redis.set(f"lock:{name}", token, nx=True, px=int(ttl * 1000))
    if ok:
        self._tokens[name] = token
        threading.Thread(target=self._renew, args=(name, token, ttl), daemon=True).start()
    return bool(ok)

def _renew(self, name, token, ttl):
    while self._tokens.get(name) == token:
        time.sleep(ttl / 3)
        self.redis.pexpire(f"lock:{name}", int(ttl * 1000))
```''')

# ---- multi-turn tier 3
t(3, r'''[Earlier in this conversation]
User: our p99 on /feed jumped from 200ms to 1.4s after Tuesday's release.
Assistant: Can you share the diff for the release and a flame graph from a slow request?
User: Diff is 40 files, mostly a new "seen items" feature. Flame graph shows most time in `psycopg2` waiting.
[New message]
ok here's the one query that's new. it's fast when I run it by hand (3ms). so why is the endpoint slow?

```sql
SELECT item_id FROM seen_items WHERE user_id = %s AND item_id = ANY(%s)
```''')

t(3, r'''[Earlier in this conversation]
User: Wrote a Redis-backed rate limiter, can you check the Lua script compiles?
Assistant: It looks syntactically fine. One note: you're using INCR then EXPIRE in two calls from the client rather than inside the script.
User: good catch, moved both into the script.
[New message]
We're going to deploy this across 3 regions each with its own Redis. Customers have a global limit of 1000 req/min. How should the limit be enforced across regions?''')

# ---- non-English tier 3
t(3, r'''Unser Batch-Job, der jede Nacht Rechnungen erzeugt, erzeugt ab und zu doppelte Rechnungen für denselben Kunden. Er läuft als Kubernetes CronJob mit concurrencyPolicy: Forbid. Wie kann das trotzdem passieren?''')

t(3, r'''¿Conviene usar UUIDv4 o UUIDv7 como clave primaria en Postgres? Tenemos tablas de 500M filas con muchas inserciones y nos preocupa el tamaño de los índices y la fragmentación.''')

t(3, r'''本番環境だけで、WebSocket の接続が 1 時間ほどでまとめて切れます。ステージングでは再現しません。ALB の後ろに Node.js サーバーが 6 台あります。どこから調べればいいでしょうか？''')

t(3, r'''Notre API de réservation renvoie parfois 500 avec "could not serialize access due to concurrent update" depuis qu'on est passé en REPEATABLE READ. Est-ce qu'on doit revenir en READ COMMITTED, ou gérer les retries côté application ? Quelles sont les conséquences de chaque option ?''')
# =====================================================================
# TIER 2 — look-alikes whose cause is visible / fix is standard / spec is clear
# =====================================================================
t(2, r'''debug pls

```
Traceback (most recent call last):
  File "/app/worker/reconcile.py", line 58, in run
    totals[row["account"]] += row["amount_cents"]
KeyError: 'acct_7f3a'
```

```python
def run(rows):
    totals = {}
    for row in rows:
        totals[row["account"]] += row["amount_cents"]
    return totals
```''')

t(2, r'''This looks like a deadlock? Go says all goroutines are asleep. It's a tiny program, I'm learning channels.

```go
package main

import "fmt"

func main() {
	results := make(chan int)
	for i := 0; i < 3; i++ {
		results <- i * i
	}
	close(results)
	for r := range results {
		fmt.Println(r)
	}
}
```

```
fatal error: all goroutines are asleep - deadlock!

goroutine 1 [chan send]:
main.main()
	/tmp/sandbox/prog.go:8 +0x45
```''')

t(2, r'''Our app hangs when `refresh_all()` runs. py-spy says the main thread is stuck in `_lock.acquire` inside `refresh_one`, called from `refresh_all` which is holding the same lock. Single-threaded code path. Fix it.

```python
class TokenCache:
    def __init__(self):
        self._lock = threading.Lock()
        self._tokens = {}

    def refresh_one(self, name):
        with self._lock:
            self._tokens[name] = fetch_token(name)

    def refresh_all(self):
        with self._lock:
            for name in list(self._tokens):
                self.refresh_one(name)
```''')

t(2, r'''getting this when I run the cleanup script, no threads involved, it's just a loop:

```
RuntimeError: dictionary changed size during iteration
  File "scripts/prune_sessions.py", line 14, in prune
    for sid, sess in sessions.items():
```

```python
def prune(sessions, now):
    for sid, sess in sessions.items():
        if sess["expires"] < now:
            del sessions[sid]
```''')

t(2, r'''C# — "Collection was modified; enumeration operation may not execute." from this method. It's called once from a button handler.

```csharp
public void RemoveCompleted()
{
    foreach (var task in _tasks)
    {
        if (task.IsDone)
            _tasks.Remove(task);
    }
}
```''')

t(2, r'''The script OOMs on the 12GB export. It only needs to sum `amount` per `region`. Rewrite it to stream the file instead of loading it all.

```python
import pandas as pd

df = pd.read_csv("export.csv")
out = df.groupby("region")["amount"].sum()
out.to_csv("by_region.csv")
```''')

t(2, r'''Memory keeps going up in this little image thumbnailer and it dies after a few thousand files. I think it's the `open` calls?

```python
from PIL import Image
import os

def thumbs(src_dir, dst_dir):
    for name in os.listdir(src_dir):
        im = Image.open(os.path.join(src_dir, name))
        im.thumbnail((256, 256))
        im.save(os.path.join(dst_dir, name))
        all_images.append(im)
```''')

t(2, r'''GET /api/admin/audit-log returns the full table (1.4M rows) and times out. Add keyset pagination on (created_at, id) with a `cursor` query param and `limit` (default 100, max 500). Return `next_cursor` in the response.

```ts
router.get("/api/admin/audit-log", async (req, res) => {
  const rows = await db.query(
    "SELECT id, actor, action, target, created_at FROM audit_log ORDER BY created_at DESC"
  );
  res.json({ items: rows });
});
```''')

t(2, r'''EXPLAIN says it's a seq scan on 30M rows. we filter by customer_id every time. add the right index (postgres, needs to be online)

```
Seq Scan on invoices  (cost=0.00..812344.10 rows=42 width=96) (actual time=0.031..4123.7 rows=37 loops=1)
  Filter: (customer_id = 88123)
  Rows Removed by Filter: 30112044
Planning Time: 0.09 ms
Execution Time: 4123.81 ms
```''')

t(2, r'''Django debug toolbar shows 203 queries on the /orders page, 200 of them are `SELECT ... FROM customers WHERE id = ...`. View:

```python
def orders_page(request):
    orders = Order.objects.filter(shop=request.shop).order_by("-created_at")[:200]
    return render(request, "orders.html", {"orders": orders})
```
template does `{{ order.customer.name }}`. fix pls''')

t(2, r'''Add a cache-aside layer with Redis to `get_product(id)`: key `product:{id}`, TTL 300s, JSON-serialized. `update_product` should delete the key after the DB update commits.

```python
def get_product(product_id: int) -> dict:
    return db.fetch_one("SELECT * FROM products WHERE id = %s", product_id)

def update_product(product_id: int, fields: dict) -> None:
    with db.transaction():
        db.update("products", product_id, fields)
```''')

t(2, r'''add retries with exponential backoff + full jitter to `callInventory`. max 4 attempts, base 200ms, cap 5s. retry only on network errors, 502/503/504 and 429 (honour Retry-After if present). it's a GET so it's safe to retry.

```ts
export async function callInventory(sku: string): Promise<Stock> {
  const res = await fetch(`${INVENTORY_URL}/stock/${encodeURIComponent(sku)}`);
  if (!res.ok) throw new HttpError(res.status, await res.text());
  return res.json();
}
```''')

t(2, r'''Implement idempotency keys for POST /v1/refunds. Spec:
- client sends `Idempotency-Key` header (required, max 64 chars, else 400)
- table `idempotency_keys(key text, merchant_id bigint, request_hash text, response_status int, response_body jsonb, created_at timestamptz, primary key (merchant_id, key))`
- on first request: insert the row with null response in the same transaction as the refund, fill in response at the end
- same key + same request hash: return the stored response
- same key + different hash: 422
- in-flight (row exists, response null): 409
Flask + SQLAlchemy. Keys expire after 24h (a cron deletes them, not your problem).''')

t(2, r'''Write a token bucket rate limiter class in Go. Capacity and refill rate per second are constructor args, `Allow() bool` consumes one token, must be safe for concurrent use (a mutex is fine), use an injectable clock so it's testable. Include tests.''')

t(2, r'''circuit breaker for our python http client. states closed/open/half-open. open after 5 consecutive failures, stay open 30s, then allow 1 trial request; success closes, failure re-opens. single-threaded asyncio app so no locking needed. decorator API would be nice: `@breaker(name="pricing")`''')

t(2, r'''Go panic in prod, stack below. Fix + a test please.

```
panic: assignment to entry in nil map

goroutine 211 [running]:
github.com/acme/billing/internal/usage.(*Aggregator).Add(0xc0001a2f00, {0xc0003b8a80, 0x9}, 0x3)
	/src/internal/usage/agg.go:27 +0x8c
```

```go
type Aggregator struct {
	byTenant map[string]int64
}

func NewAggregator() *Aggregator { return &Aggregator{} }

func (a *Aggregator) Add(tenant string, n int64) {
	a.byTenant[tenant] += n
}
```''')

t(2, r'''NullPointerException at OrderMapper.java:41 — line 41 is `dto.setCity(order.getShippingAddress().getCity());`. Digital orders don't have a shipping address. Make it null-safe, city should just be null for those.''')

t(2, r'''```
TypeError: Cannot read properties of undefined (reading 'map')
    at TagList (TagList.tsx:9:22)
```
```tsx
export function TagList({ post }: { post: Post }) {
  return (
    <ul>
      {post.tags.map((t) => (
        <li key={t}>{t}</li>
      ))}
    </ul>
  );
}
```
some posts come back from the API without `tags`''')

t(2, r'''The pagination skips one item between pages. page 1 shows items 1-20, page 2 starts at 22.

```python
def page(items, n, size=20):
    start = n * size - size + 1
    return items[start:start + size]
```''')

t(2, r'''rustc is yelling at me and I don't get it

```
error[E0502]: cannot borrow `self.queue` as mutable because it is also borrowed as immutable
  --> src/sched.rs:31:13
   |
29 |         for job in self.queue.iter() {
   |                    ------------------ immutable borrow occurs here
30 |             if job.expired(now) {
31 |                 self.queue.retain(|j| j.id != job.id);
   |                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ mutable borrow occurs here
```
I just want to remove expired jobs.''')

t(2, r'''fails every time, not flaky:

```
FAILED tests/test_billing.py::test_next_invoice_date - ValueError: day is out of range for month
```
```python
def next_invoice_date(d: date) -> date:
    return date(d.year, d.month + 1, d.day)
```
test uses date(2024, 1, 31). also december will break, right? fix both''')

t(2, r'''Our test for `is_business_hours` fails only when CI runs after 4pm Pacific. The function uses `datetime.utcnow().hour` and compares against 9..17, but business hours are defined in America/Los_Angeles. Fix the function to use zoneinfo and make the test freeze time explicitly (freezegun is available).''')

t(2, r'''Parameterize this query please, it's building SQL with f-strings

```python
def find_users(conn, email_domain, status):
    cur = conn.cursor()
    cur.execute(f"SELECT id, email FROM users WHERE email LIKE '%@{email_domain}' AND status = '{status}'")
    return cur.fetchall()
```''')

t(2, r'''Add the standard security headers to our Express app with helmet: HSTS 1 year incl. subdomains, CSP default-src 'self' plus our CDN cdn.acme-static.net for scripts and images, frame-ancestors 'none', referrer-policy strict-origin-when-cross-origin. Keep it in one middleware file.''')

t(2, r'''We still store passwords as unsalted SHA-1 (legacy). Migrate to bcrypt: new signups use bcrypt cost 12; on successful login with an old hash, rehash with bcrypt and save; add a `hash_algo` column. Laravel 10.

```php
public function login(Request $request)
{
    $user = User::where('email', $request->email)->first();
    if (!$user || sha1($request->password) !== $user->password) {
        return back()->withErrors(['email' => 'Invalid credentials']);
    }
    Auth::login($user);
    return redirect('/dashboard');
}
```''')

t(2, r'''add CSRF protection to this form + handler (Go, gorilla/csrf is fine)

```go
func settingsForm(w http.ResponseWriter, r *http.Request) {
	tmpl.Execute(w, nil)
}

func saveSettings(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	updateEmail(r.Context(), userID(r), r.FormValue("email"))
	http.Redirect(w, r, "/settings", http.StatusSeeOther)
}
```''')

t(2, r'''Rename the `fetchAll` method on our public JS SDK client to `list`. It's published on npm and customers call `client.fetchAll()`, so keep `fetchAll` working for now but have it log a deprecation warning once per process and mark it @deprecated in the typings.''')

t(2, r'''Column `users.fullname` -> `users.full_name`. We have a maintenance window Sunday, single app reads it. Write the Alembic migration (up and down) and update the SQLAlchemy model.''')

t(2, r'''Alembic migration: add nullable `archived_at timestamptz` to `projects`, plus a partial index on (org_id) where archived_at is null. Create the index concurrently.''')

t(2, r'''Write `parse_iso_duration(s: str) -> timedelta` for ISO 8601 durations like `P3DT4H5M`, `PT0.5S`, `P2W`. Reject years and months (ambiguous) with ValueError. Reject empty `P` and `PT`. Include pytest cases.''')

t(2, r'''need a `compareSemver(a, b)` in TS that returns -1/0/1. handle pre-release tags per semver 2.0 precedence (1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-beta < 1.0.0), ignore build metadata''')

t(2, r'''Write unit tests for this function. pytest, cover the edge cases.

```python
def split_amount(total_cents: int, parts: int) -> list[int]:
    """Split total into `parts` integers that differ by at most 1 and sum to total."""
    if parts <= 0:
        raise ValueError("parts must be positive")
    base, rem = divmod(total_cents, parts)
    return [base + 1 if i < rem else base for i in range(parts)]
```''')

t(2, r'''tests for this React hook pls, RTL + vitest

```ts
export function useDebouncedValue<T>(value: T, delay = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), delay);
    return () => clearTimeout(id);
  }, [value, delay]);
  return v;
}
```''')

t(2, r'''Port this to Go. Use net/http with a context-aware request and a 10s client timeout, return errors instead of printing, and map the `requests.HTTPError` case to a typed error that carries the status code.

```python
def get_rates(base):
    r = requests.get(f"{API}/latest", params={"base": base}, timeout=10)
    r.raise_for_status()
    data = r.json()
    return {k: Decimal(str(v)) for k, v in data["rates"].items()}
```''')

t(2, r'''Refactor this callback pyramid into async/await, same behaviour, keep the error-first semantics for the exported function (callers still pass a callback).

```js
function loadProfile(userId, cb) {
  db.getUser(userId, (err, user) => {
    if (err) return cb(err);
    db.getPrefs(user.id, (err, prefs) => {
      if (err) return cb(err);
      cache.get(`avatar:${user.id}`, (err, avatar) => {
        if (err) return cb(err);
        cb(null, { ...user, prefs, avatar });
      });
    });
  });
}
```''')

t(2, r'''CRUD for `Webhook` in Spring Boot: fields id (UUID), url (https only, validated), events (list of strings, non-empty), secret (generated server-side, returned only on create), active (bool, default true), createdAt. Standard controller/service/repository, 404 on unknown id, 400 with field errors on validation failure.''')

t(2, r'''Write a GitHub Actions workflow: on PRs run lint + tests on Node 18 and 20 (matrix), cache npm; on tags `v*` build the Docker image, push to GHCR with the tag and `latest`, then deploy to the `production` environment (requires approval) by running `./deploy.sh $TAG`.''')

t(2, r'''Dockerfile for our FastAPI app: multi-stage (build wheels in a builder, slim runtime), run as non-root uid 10001, HEALTHCHECK hitting /healthz, uvicorn with 4 workers, no pip cache in the final image. Python 3.12. requirements.txt + pyproject are at the root.''')

t(2, r'''k8s manifests for `notifier`: Deployment (3 replicas, readiness on /ready, liveness on /live with 30s initial delay, resources req 100m/256Mi limit 512Mi), Service on 8080, and an HPA 3–12 replicas targeting 70% CPU. namespace `comms`.''')

t(2, r'''The cron expression handling in our scheduler is homegrown and broken. Replace `next_run(expr, after)` with one using croniter, keep the signature, and make it timezone-aware (expr is interpreted in the job's `tz` field). Tests for DST spring-forward in Europe/Berlin.''')

t(2, r'''write `luhn_valid(number: str) -> bool` — ignore spaces and dashes, reject anything else non-numeric, min 12 digits''')

t(2, r'''Make this endpoint stream the CSV instead of building it in memory. Rows come from a server-side cursor; use StreamingResponse. Same columns and header row.

```python
@router.get("/exports/orders.csv")
def export_orders(db: Session = Depends(get_db)):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "customer", "total", "created_at"])
    for o in db.query(Order).all():
        w.writerow([o.id, o.customer_email, o.total, o.created_at.isoformat()])
    return Response(buf.getvalue(), media_type="text/csv")
```''')

t(2, r'''The profiler is pretty clear, 94% of time is in `find_duplicates`. It's O(n²) and n is ~80k. Make it linear-ish, same output order (first occurrence order).

```python
def find_duplicates(emails):
    dups = []
    for i, a in enumerate(emails):
        for b in emails[i + 1:]:
            if a.lower() == b.lower() and a.lower() not in [d.lower() for d in dups]:
                dups.append(a)
    return dups
```''')

t(2, r'''Add a `--dry-run` flag to this bash script that prints the `aws s3 rm` commands instead of running them, and a `--days N` flag (default 30) replacing the hardcoded 30.

```bash
#!/usr/bin/env bash
set -euo pipefail
BUCKET="$1"
cutoff=$(date -d "-30 days" +%s)
aws s3api list-objects-v2 --bucket "$BUCKET" --query 'Contents[].[Key,LastModified]' --output text |
while read -r key modified; do
  ts=$(date -d "$modified" +%s)
  if (( ts < cutoff )); then
    aws s3 rm "s3://$BUCKET/$key"
  fi
done
```''')

t(2, r'''Ruby: this raises `NoMethodError: undefined method 'strftime' for nil:NilClass` in the mailer for users who never logged in. Show "never" for them.

```ruby
def last_seen_label(user)
  "Last seen #{user.last_login_at.strftime('%b %-d, %Y')}"
end
```''')

t(2, r'''Kotlin: `IllegalStateException: Expected BEGIN_OBJECT but was BEGIN_ARRAY at path $.data` when parsing the /teams response. The API changed `data` from an object to a list of teams last release. Update the DTOs and the parser.

```kotlin
data class TeamsResponse(val data: TeamDto)
data class TeamDto(val id: String, val name: String, val members: List<String>)

fun parseTeams(json: String): TeamDto =
    gson.fromJson(json, TeamsResponse::class.java).data
```''')

t(2, r'''Write a SQL query (Postgres) for monthly active users per plan for the last 12 months: a user is active in a month if they have at least one row in `events` that month. `users(id, plan)`, `events(user_id, occurred_at)`. Months with zero actives should still appear per plan.''')

t(2, r'''Swift: the list crashes with "Index out of range" when you delete the last row.

```swift
func tableView(_ tableView: UITableView, commit editingStyle: UITableViewCell.EditingStyle, forRowAt indexPath: IndexPath) {
    if editingStyle == .delete {
        tableView.deleteRows(at: [indexPath], with: .automatic)
        items.remove(at: indexPath.row)
    }
}
```''')

t(2, r'''Implement an LRU cache in TypeScript with `get`, `set`, `delete`, a max size, and an optional per-entry TTL in ms. O(1) get/set. Plus tests.''')

t(2, r'''Write a Terraform module for a private S3 bucket: block all public access, SSE-KMS with a key passed as a variable, versioning on, lifecycle to move noncurrent versions to Glacier after 30 days and expire after 365, and a bucket policy that denies non-TLS requests. Variables for name and tags.''')

t(2, r'''We get "too many open files" from this loop after ~1000 URLs. I think the responses aren't closed?

```go
for _, u := range urls {
	resp, err := http.Get(u)
	if err != nil {
		log.Println(err)
		continue
	}
	if resp.StatusCode != 200 {
		log.Println(u, resp.Status)
		continue
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	store(u, body)
}
```''')

t(2, r'''Refactor: `OrderService.place()` is 180 lines. Extract the tax calculation, the discount application and the inventory check into private methods with clear names. No behaviour change; the existing tests must still pass. (I'll paste the file next, just confirm you'll keep the public API identical.)''')

t(2, r'''[Earlier in this conversation]
User: Add CRUD endpoints for `Supplier` in our NestJS app (name, country, vat_number, active).
Assistant: (provided controller, service, DTOs with class-validator, and entity)
User: perfect
[New message]
now do the same for `Warehouse` — fields: code (unique, 3-8 uppercase letters), supplier_id (FK, must exist), capacity_m3 (positive int), city''')

t(2, r'''Write a bash one-off that finds every `*.log` under /var/log/app older than 14 days, gzips the ones not already gzipped, and deletes `.gz` files older than 90 days. Print a summary count at the end. Must be safe with spaces in filenames.''')

t(2, r'''PHP 8: `Uncaught TypeError: number_format(): Argument #1 ($num) must be of type float, string given` in InvoiceView.php:22. `$line['amount']` comes straight from the CSV import. Cast/validate it properly and show "—" for empty amounts.''')

t(2, r'''Write a function `merge_intervals(xs: list[tuple[int, int]]) -> list[tuple[int, int]]` that merges overlapping and touching closed intervals, returns them sorted. Empty input -> empty list.''')

t(2, r'''¿Me escribes una función en Python que valide un IBAN? Quitar espacios, comprobar longitud por país (solo ES, DE, FR, IT, PT), mover los 4 primeros caracteres al final, convertir letras a números y comprobar mod 97 == 1. Con tests.''')

t(2, r'''Schreib bitte Unit-Tests (JUnit 5) für diese Klasse. Randfälle: leere Liste, negative Mengen, Rabatt über 100 %.

```java
public final class CartTotals {
    public static long totalCents(List<Line> lines, int discountPercent) {
        if (discountPercent < 0 || discountPercent > 100) throw new IllegalArgumentException("discount");
        long sum = 0;
        for (Line l : lines) {
            if (l.qty() < 0) throw new IllegalArgumentException("qty");
            sum += l.unitCents() * l.qty();
        }
        return sum - (sum * discountPercent / 100);
    }
}
```''')

t(2, r'''写一个 Go 函数 ChunkSlice[T any](xs []T, size int) [][]T，按 size 切分切片，最后一块可以更短；size <= 0 时 panic。再加几个表驱动测试。''')
# =====================================================================
# TIER 1 — mechanical, incl. ones that sit next to tier-2 look-alikes
# =====================================================================
t(1, r'''write a .gitignore for a Node + TypeScript project (dist, coverage, .env files, editor junk)''')

t(1, r'''.dockerignore for this python repo pls — ignore venvs, __pycache__, .git, tests, local sqlite files''')

t(1, r'''Add type hints to these. Nothing else.

```python
def parse_ids(raw):
    return [int(x) for x in raw.split(",") if x.strip()]

def chunk(xs, n):
    return [xs[i:i + n] for i in range(0, len(xs), n)]

def by_email(users):
    return {u.email: u for u in users}
```''')

t(1, r'''Name these test cases — just give me good descriptive names for each, I'll write the bodies myself. Scenarios: empty cart checkout, coupon expired yesterday, coupon for a different store, two coupons stacked, checkout with out-of-stock item, guest checkout without email.''')

t(1, r'''rename `tmp` to `pending_rows` in this function, it's private

```python
def _flush(self):
    tmp = [r for r in self._buf if not r.sent]
    for r in tmp:
        self._send(r)
    self._buf = [r for r in self._buf if r not in tmp]
```''')

t(1, r'''Add JSDoc to the exported functions, describe params and return values.

```js
export function toCents(amount) {
  return Math.round(Number(amount) * 100);
}

export function formatMoney(cents, currency = "EUR", locale = "de-DE") {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
}

export function sumCents(lines) {
  return lines.reduce((acc, l) => acc + l.cents * l.qty, 0);
}
```''')

t(1, r'''fix typo in the log message: "possible deadlok detected, retrying txn" -> "possible deadlock detected, retrying txn". only the string.

```java
} catch (PSQLException e) {
    if ("40P01".equals(e.getSQLState())) {
        log.warn("possible deadlok detected, retrying txn {}", txId);
        return retry(txId);
    }
    throw e;
}
```''')

t(1, r'''put a `// TODO(perf): investigate memory growth here, see INC-4471` comment above the `cache.set` call''')

t(1, r'''change the log message "race condition!!" to something less alarming like "concurrent update detected; will retry" — just the text''')

t(1, r'''In values-prod.yaml set replicaCount to 6 and resources.limits.memory to 1Gi.

```yaml
replicaCount: 3
image:
  repository: ghcr.io/acme/ledger-api
  tag: "4.2.0"
resources:
  requests:
    cpu: 250m
    memory: 512Mi
  limits:
    memory: 768Mi
```''')

t(1, r'''set `statement_timeout` to 30s in the app's DB config (it's currently 0), value's been agreed with the DBA already

```yaml
database:
  host: ${DB_HOST}
  pool_size: 20
  options:
    statement_timeout: 0
    application_name: billing-api
```''')

t(1, r'''bump `pgbouncer` default_pool_size from 20 to 35 in this ini, platform team signed off on the number

```ini
[pgbouncer]
listen_port = 6432
pool_mode = transaction
max_client_conn = 2000
default_pool_size = 20
reserve_pool_size = 5
```''')

t(1, r'''convert these string concatenations to f-strings

```python
msg = "User " + user.name + " (" + str(user.id) + ") exported " + str(n) + " rows to " + path
log.info("took " + str(round(dt, 2)) + "s")
```''')

t(1, r'''sort imports in this Go file, goimports style (stdlib first, then third-party)

```go
import (
	"github.com/jackc/pgx/v5"
	"context"
	"go.uber.org/zap"
	"fmt"
	"time"
	"github.com/acme/billing/internal/money"
)
```''')

t(1, r'''reformat this SQL so it's readable — uppercase keywords, one clause per line, indent the joins. don't change the query.

```sql
select u.id,u.email,count(o.id) as n,sum(o.total_cents) as spent from users u left join orders o on o.user_id=u.id and o.status<>'cancelled' where u.created_at>='2024-01-01' group by u.id,u.email having count(o.id)>3 order by spent desc limit 50
```''')

t(1, r'''Translate these UI strings to Spanish (Spain), keep the keys and the {placeholders}:

```json
{
  "retry_banner": "We couldn't reach the server. Retrying in {seconds}s…",
  "conflict_title": "Someone else edited this page",
  "conflict_body": "Your changes weren't saved because {name} updated this page a moment ago.",
  "reload": "Reload",
  "keep_mine": "Keep my version"
}
```''')

t(1, r'''Translate this to TypeScript one-to-one, same names, no new behaviour:

```python
def clamp(x: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, x))

def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t

def inverse_lerp(a: float, b: float, v: float) -> float:
    return 0.0 if a == b else (v - a) / (b - a)
```''')

t(1, r'''same thing in Rust please (pure functions, just translate)

```go
func Abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func Gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return Abs(a)
}
```''')

t(1, r'''basic Dockerfile for a Flask app: python:3.12-slim, copy requirements.txt, pip install, copy the rest, run gunicorn app:app on 8000''')

t(1, r'''docker-compose.yml with postgres 16 (user/pass/db all "dev", volume for data) and redis 7, both with ports exposed on localhost''')

t(1, r'''GitHub Actions workflow that runs `npm ci` and `npm test` on every push. Node 20. That's it.''')

t(1, r'''Makefile with targets: `lint` runs `ruff check .`, `fmt` runs `ruff format .`, `test` runs `pytest -q`, `up` runs `docker compose up -d`. Mark them phony.''')

t(1, r'''add the MIT license header comment to the top of these three files, copyright 2025 Acme Labs: src/index.ts, src/cli.ts, src/util.ts''')

t(1, r'''Add `readonly` to every field in these interfaces.

```ts
export interface Money {
  amount: number;
  currency: string;
}

export interface LineItem {
  sku: string;
  qty: number;
  unitPrice: Money;
}
```''')

t(1, r'''add `#[derive(Debug, Clone, Serialize, Deserialize)]` to the structs in this file

```rust
pub struct RetryPolicy {
    pub max_attempts: u32,
    pub base_delay_ms: u64,
    pub max_delay_ms: u64,
}

pub struct Endpoint {
    pub url: String,
    pub timeout_ms: u64,
    pub retry: RetryPolicy,
}
```''')

t(1, r'''Replace the print statements with `logger.info` / `logger.error` (error for the except branch). Logger is already defined at module level as `logger`.

```python
def sync_account(acct):
    print(f"syncing {acct.id}")
    try:
        remote = client.get(acct.remote_id)
        acct.apply(remote)
        print(f"synced {acct.id}")
    except ClientError as e:
        print(f"failed {acct.id}: {e}")
```''')

t(1, r'''pull the magic numbers out into named constants at the top of the module: 86400, 3, 0.25

```python
def should_retry(attempt, age_s, error_rate):
    return attempt < 3 and age_s < 86400 and error_rate < 0.25
```''')

t(1, r'''Add a comment above each branch saying what case it handles.

```go
switch {
case resp.StatusCode == http.StatusTooManyRequests:
	return backoff(resp.Header.Get("Retry-After"))
case resp.StatusCode >= 500:
	return retryAfter(defaultDelay)
case resp.StatusCode >= 400:
	return permanent(resp.Status)
default:
	return nil
}
```''')

t(1, r'''convert this JSON config to YAML

```json
{
  "server": {"port": 8080, "read_timeout": "5s", "write_timeout": "10s"},
  "retry": {"max_attempts": 4, "base_ms": 200, "cap_ms": 5000},
  "features": ["idempotency", "outbox"],
  "log": {"level": "info", "format": "json"}
}
```''')

t(1, r'''alphabetize the keys in each object, keep values as is

```json
{
  "timeout_ms": 3000,
  "endpoint": "https://pricing.internal",
  "retries": 2,
  "circuit": {"window_s": 30, "failures": 5, "half_open_probes": 1}
}
```''')

t(1, r'''rename the env var `REDIS_HOST` to `CACHE_REDIS_HOST` in this .env.example and in the README table below it — we already changed the code

```
REDIS_HOST=localhost
REDIS_PORT=6379
DATABASE_URL=postgres://dev:dev@localhost/app
```

| var | default |
|---|---|
| REDIS_HOST | localhost |
| REDIS_PORT | 6379 |''')

t(1, r'''turn these constants into a TS string enum called `OrderStatus`

```ts
export const STATUS_PENDING = "pending";
export const STATUS_PAID = "paid";
export const STATUS_SHIPPED = "shipped";
export const STATUS_CANCELLED = "cancelled";
```''')

t(1, r'''Write the README "Configuration" section as a table from these settings (name, default, description). Descriptions can be short.

```python
class Settings(BaseSettings):
    queue_url: str
    max_inflight: int = 10        # messages processed concurrently
    visibility_timeout_s: int = 60
    dlq_after: int = 5            # receive count before dead-lettering
    idempotency_ttl_h: int = 24
```''')

t(1, r'''add `@Override` where missing and make the fields private final

```java
public class RetryingClient implements Client {
    Client delegate;
    int maxAttempts;

    public RetryingClient(Client delegate, int maxAttempts) {
        this.delegate = delegate;
        this.maxAttempts = maxAttempts;
    }

    public Response send(Request r) {
        return delegate.send(r);
    }

    public void close() {
        delegate.close();
    }
}
```''')

t(1, r'''update the copyright year in the footer to 2025 and change "Contact sales" to "Talk to sales"

```html
<footer class="site-footer">
  <p>&copy; 2019–2024 Acme Labs</p>
  <a href="/contact">Contact sales</a>
</footer>
```''')

t(1, r'''[Earlier in this conversation]
User: orders sometimes get charged twice, here's the checkout code and the PSP logs.
Assistant: The client retries POST /payments after a 10 s timeout, but the PSP call often completes after that. Because the server generates a new PSP idempotency key per request, the retry creates a second charge. Generate the key on the client per checkout attempt, send it as Idempotency-Key, persist it with the payment row under a unique constraint, and forward it to the PSP.
User: Done, deployed Friday, zero duplicates over the weekend.
[New message]
write a short changelog entry for this, user-facing, no internals''')

t(1, r'''[Earlier in this conversation]
User: (long investigation into why the inventory-sync pods OOM every ~30h; heap snapshots, retainer paths)
Assistant: The leak is the per-request `client.on("reconnect")` listener: every request adds a closure that's never removed. Register the listener once at startup and read the request id from AsyncLocalStorage instead.
User: Confirmed, RSS flat for 3 days now.
[New message]
Can you turn what you found into the "Root cause" and "Resolution" paragraphs of the postmortem? Keep it to ~6 sentences.''')

t(1, r'''[Earlier in this conversation]
User: why does the leader election let two schedulers run at once?
Assistant: (explained lease expiry during a network partition, clock-independent fencing tokens, and why the job table must reject writes with a stale token)
User: makes sense
[New message]
add a comment above `tryBecomeLeader` summarizing that explanation in 3-4 lines''')

t(1, r'''[Earlier in this conversation]
User: Add Google-style docstrings to `geo.py`.
Assistant: (added docstrings to haversine, bbox, and point_in_polygon)
[New message]
now same for `units.py`''')

t(1, r'''Add docstrings (numpy style) to these, describe what each does.

```python
def rolling_p99(samples, window=300):
    out = []
    for i in range(len(samples)):
        w = sorted(samples[max(0, i - window + 1):i + 1])
        out.append(w[int(0.99 * (len(w) - 1))])
    return out

def error_rate(ok, failed):
    total = ok + failed
    return 0.0 if total == 0 else failed / total
```''')

t(1, r'''put the `LOG_LEVEL` env var to `debug` on the staging deployment only''')

t(1, r'''terraform: change instance_type from t3.medium to t3.large for the bastion and add tag `Owner = "platform"`

```hcl
resource "aws_instance" "bastion" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.medium"
  subnet_id     = aws_subnet.public_a.id
  tags = {
    Name = "bastion"
  }
}
```''')

t(1, r'''add `"type": "module"` to package.json and change the `test` script to `vitest run`''')

t(1, r'''make the error messages in this file consistent: all lowercase, no trailing period (Go style)

```go
var (
	ErrNotFound     = errors.New("Resource not found.")
	ErrConflict     = errors.New("Version conflict")
	ErrRateLimited  = errors.New("rate limited.")
	ErrUnauthorized = errors.New("Unauthorized")
)
```''')

t(1, r'''Fix the indentation in this YAML (it's 3 spaces in some places, should be 2 everywhere). Don't change anything else.

```yaml
services:
   api:
      image: acme/api:1.4
      ports:
        - "8080:8080"
   worker:
     image: acme/worker:1.4
     environment:
        QUEUE: jobs
```''')

t(1, r'''Rename `thread_safe_counter.py` to `counter.py` and update the two imports: `from app.thread_safe_counter import Counter` in app/main.py and tests/test_counter.py''')

t(1, r'''add a CODEOWNERS file: /infra/ -> @acme/platform, /services/payments/ -> @acme/payments, /docs/ -> @acme/tech-writers, everything else @acme/eng-leads''')

t(1, r'''Can you add `.editorconfig`? 2 spaces, LF, utf-8, trim trailing whitespace, final newline; Makefiles use tabs; markdown keeps trailing whitespace.''')

t(1, r'''add the `idempotency_key` field to the TS type, optional string, right after `amount`

```ts
export type CreatePaymentRequest = {
  customerId: string;
  amount: number;
  currency: "EUR" | "USD" | "GBP";
  description?: string;
};
```''')

t(1, r'''wrap the three `fmt.Println` calls in this func with a `if verbose {}` check — `verbose` is a package var already''')

t(1, r'''Bitte übersetze diese Fehlermeldungen ins Deutsche, Schlüssel beibehalten:

```yaml
errors:
  timeout: "The request timed out. Please try again."
  conflict: "This record was changed by someone else."
  rate_limited: "Too many requests. Wait a moment and retry."
```''')

t(1, r'''この関数のコメントを英語に翻訳してください（コードは変更しない）

```python
def backoff(attempt):
    # 試行回数に応じて待ち時間を指数的に増やす
    # 上限は30秒
    return min(30, 0.5 * 2 ** attempt)
```''')

t(1, r'''change `maxRetries` default from 3 to 5 in the options object and update the one doc comment that mentions it''')

t(1, r'''convert `var` to `let`/`const` where appropriate, nothing else

```js
var total = 0;
for (var i = 0; i < items.length; i++) {
  var item = items[i];
  total += item.price * item.qty;
}
var label = "Total: " + total;
```''')

t(1, r'''sqlfluff is complaining about trailing whitespace and keyword casing in migrations/0042_add_outbox.sql — just fix those lint issues''')
# =====================================================================
# LONG PASTES (40–150 lines)
# =====================================================================
def ts(base_s, off_ms):
    s = base_s + off_ms // 1000
    h, m, sec = s // 3600, (s // 60) % 60, s % 60
    return f"{h:02d}:{m:02d}:{sec:02d}.{off_ms % 1000:03d}"

# ---- T3: postgres deadlock logs
lines = []
base = 2*3600 + 14*60
pids = [48211, 48230, 48219, 48244]
off = 0
for k in range(5):
    off += random.randint(3000, 90000)
    a, b = random.sample(pids, 2)
    acct1, acct2 = random.randint(10000, 99999), random.randint(10000, 99999)
    lines += [
        f"2025-03-11 {ts(base, off)} UTC [{a}] ERROR:  deadlock detected",
        f"2025-03-11 {ts(base, off)} UTC [{a}] DETAIL:  Process {a} waits for ShareLock on transaction {8812000+k*37}; blocked by process {b}.",
        f"\tProcess {b} waits for ShareLock on transaction {8812000+k*37+5}; blocked by process {a}.",
        f"\tProcess {a}: UPDATE accounts SET balance = balance + $1, updated_at = now() WHERE id = $2",
        f"\tProcess {b}: UPDATE accounts SET balance = balance + $1, updated_at = now() WHERE id = $2",
        f"2025-03-11 {ts(base, off)} UTC [{a}] HINT:  See server log for query details.",
        f"2025-03-11 {ts(base, off)} UTC [{a}] CONTEXT:  while updating tuple (4411,{random.randint(1,60)}) in relation \"accounts\"",
        f"2025-03-11 {ts(base, off)} UTC [{a}] STATEMENT:  UPDATE accounts SET balance = balance + $1, updated_at = now() WHERE id = $2",
    ]
t(3, "We've been getting these deadlocks in bursts during the nightly payout run (and occasionally in the day when customers send transfers). Payout runs 4 workers in parallel over a list of transfers. I don't get how two single-row UPDATEs can deadlock. Logs:\n\n```\n" + "\n".join(lines) + r'''
```

and the code the workers run:

```python
def apply_transfer(conn, t):
    with conn.transaction():
        conn.execute("UPDATE accounts SET balance = balance + %s, updated_at = now() WHERE id = %s",
                     (-t.amount, t.from_id))
        conn.execute("UPDATE accounts SET balance = balance + %s, updated_at = now() WHERE id = %s",
                     (t.amount, t.to_id))
        conn.execute("INSERT INTO ledger (transfer_id, from_id, to_id, amount) VALUES (%s, %s, %s, %s)",
                     (t.id, t.from_id, t.to_id, t.amount))
```

What's the proper fix? Retrying feels like a band-aid.''')

# ---- T3: thread dump, pool starvation
td = ['"http-nio-8080-exec-%d" #%d daemon prio=5 os_prio=0 cpu=%.2fms elapsed=%.2fs tid=0x00007f%06x nid=0x%x waiting on condition' % (i, 40+i, random.uniform(200, 900), random.uniform(3000, 3200), random.randint(0, 0xffffff), 0x3000+i) for i in range(1, 7)]
dump = []
for i, hdr in enumerate(td):
    dump += [hdr,
             "   java.lang.Thread.State: TIMED_WAITING (parking)",
             "\tat jdk.internal.misc.Unsafe.park(java.base@17.0.9/Native Method)",
             "\t- parking to wait for  <0x00000006c1a2b3c8> (a java.util.concurrent.SynchronousQueue$TransferStack)",
             "\tat com.zaxxer.hikari.util.ConcurrentBag.borrow(ConcurrentBag.java:162)",
             "\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)",
             "\tat com.acme.orders.OrderService.place(OrderService.java:88)" if i % 2 == 0 else "\tat com.acme.orders.OrderService.status(OrderService.java:131)",
             ""]
for j in range(3):
    dump += ['"http-nio-8080-exec-%d" #%d daemon prio=5 os_prio=0 cpu=%.2fms elapsed=%.2fs tid=0x00007f%06x nid=0x%x runnable' % (40+j, 80+j, random.uniform(900, 2000), random.uniform(3000, 3200), random.randint(0, 0xffffff), 0x3100+j),
             "   java.lang.Thread.State: RUNNABLE",
             "\tat sun.nio.ch.Net.poll(java.base@17.0.9/Native Method)",
             "\tat sun.nio.ch.NioSocketImpl.park(java.base@17.0.9/NioSocketImpl.java:186)",
             "\tat java.net.http.HttpClient... (abbreviated)",
             "\tat com.acme.fraud.FraudClient.score(FraudClient.java:54)",
             "\tat com.acme.orders.OrderService.place(OrderService.java:97)",
             "\t- locked <0x00000006d0f1e2a0> (a org.postgresql.jdbc.PgConnection)",
             ""]
t(3, "orders-api stops responding every few days under peak load, all requests time out, restart fixes it. Grabbed a thread dump during the last one (trimmed, 200 exec threads total, they all look like the first kind except a handful like the last three):\n\n```\n" + "\n".join(dump) + r'''```

maximumPoolSize is 10, Tomcat max threads 200. FraudClient has no timeout set I think. But the fraud service was healthy at the time according to its own metrics. What's actually happening and what's the fix that holds up?''')

# ---- T3: GC log, heap growth
gc = []
heap_after = 610
t0 = 0.0
for i in range(44):
    t0 += random.uniform(35, 55)
    if i % 11 == 10:
        before = heap_after + random.randint(700, 900)
        heap_after += random.randint(18, 35)
        gc.append(f"[{t0:.3f}s][info][gc] GC({i}) Pause Full (G1 Compaction Pause) {before}M->{heap_after}M(2048M) {random.uniform(900, 1600):.3f}ms")
    else:
        young_before = heap_after + random.randint(600, 800)
        heap_after += random.randint(2, 9)
        gc.append(f"[{t0:.3f}s][info][gc] GC({i}) Pause Young (Normal) (G1 Evacuation Pause) {young_before}M->{heap_after}M(2048M) {random.uniform(8, 30):.3f}ms")
t(3, "Is this a memory leak or just G1 being G1? Service is a Spring Boot API, -Xmx2g, traffic roughly flat across this window. The heap after each GC keeps creeping up and the full GCs are getting longer. Log from the last ~35 minutes:\n\n```\n" + "\n".join(gc) + "\n```\n\nIf it is a leak, what's the fastest way to find what's holding the memory without taking prod down?")

# ---- T3: EXPLAIN ANALYZE regression
plan = r'''Limit  (cost=1.14..2913.47 rows=50 width=112) (actual time=8123.441..8124.002 rows=50 loops=1)
  Buffers: shared hit=1893312 read=220841
  ->  Nested Loop  (cost=1.14..1162337.88 rows=19957 width=112) (actual time=8123.439..8123.990 rows=50 loops=1)
        Buffers: shared hit=1893312 read=220841
        ->  Nested Loop  (cost=0.85..1149804.22 rows=19957 width=88) (actual time=8123.401..8123.822 rows=50 loops=1)
              Buffers: shared hit=1893112 read=220841
              ->  Index Scan Backward using shipments_created_at_idx on shipments s  (cost=0.43..601127.02 rows=2114502 width=64) (actual time=0.021..6011.114 rows=1931877 loops=1)
                    Filter: ((status)::text = ANY ('{in_transit,delayed}'::text[]))
                    Rows Removed by Filter: 8211340
                    Buffers: shared hit=1201190 read=210004
              ->  Index Scan using carriers_pkey on carriers c  (cost=0.42..0.26 rows=1 width=24) (actual time=0.001..0.001 rows=0 loops=1931877)
                    Index Cond: (id = s.carrier_id)
                    Filter: (region = 'EU-WEST'::text)
                    Rows Removed by Filter: 1
                    Buffers: shared hit=691922 read=10837
        ->  Index Scan using warehouses_pkey on warehouses w  (cost=0.29..0.63 rows=1 width=32) (actual time=0.003..0.003 rows=1 loops=50)
              Index Cond: (id = s.warehouse_id)
              Buffers: shared hit=200
Planning:
  Buffers: shared hit=412
Planning Time: 1.882 ms
Execution Time: 8124.117 ms'''
t(3, r'''This dashboard query used to take ~40ms. Since we onboarded a big US carrier last week it's 8 seconds. Same query, same indexes, we ran ANALYZE. Postgres 15.

```sql
SELECT s.id, s.tracking_no, s.status, c.name AS carrier, w.code AS warehouse, s.created_at
FROM shipments s
JOIN carriers c   ON c.id = s.carrier_id
JOIN warehouses w ON w.id = s.warehouse_id
WHERE c.region = 'EU-WEST'
  AND s.status IN ('in_transit', 'delayed')
ORDER BY s.created_at DESC
LIMIT 50;
```

```
''' + plan + r'''
```

```
=> \d shipments
                       Table "public.shipments"
    Column    |           Type           | Nullable |
--------------+--------------------------+----------+
 id           | bigint                   | not null |
 tracking_no  | text                     | not null |
 carrier_id   | bigint                   | not null |
 warehouse_id | bigint                   | not null |
 status       | text                     | not null |
 created_at   | timestamp with time zone | not null |
Indexes:
    "shipments_pkey" PRIMARY KEY, btree (id)
    "shipments_carrier_id_idx" btree (carrier_id)
    "shipments_created_at_idx" btree (created_at)
    "shipments_status_idx" btree (status)
```

carriers has an index on (region). ~10M shipments, the new carrier is ~70% of them and is region US-EAST. Why did the planner pick this and what's the robust fix (not just a hint that breaks next quarter)?''')

# ---- T3: incident logs from three services
ev = []
svc_lines = [
 ("gateway", "INFO", "req_id={rid} POST /v1/checkout 200 412ms"),
 ("checkout", "INFO", "req_id={rid} reserve ok sku_count=3"),
 ("inventory", "INFO", "reserve tenant=t_19 skus=3 took=18ms"),
]
rid = 0x5a10
off = 0
base = 14*3600 + 1*60
for i in range(14):
    off += random.randint(600, 3000)
    rid += random.randint(1, 9)
    for s, lvl, msg in svc_lines:
        ev.append(f"{ts(base, off)} {s:<9} {lvl:<5} " + msg.format(rid=hex(rid)))
ev.append(f"{ts(base, off+800)} inventory INFO  config reload: pool.max_size 40 -> 40, cache.ttl 30s -> 30s, feature.bulk_reserve=true")
off += 2000
for i in range(20):
    off += random.randint(300, 1500)
    rid += random.randint(1, 9)
    r = random.random()
    if r < 0.55:
        ev.append(f"{ts(base, off)} gateway   WARN  req_id={hex(rid)} POST /v1/checkout 504 30001ms upstream=checkout")
        ev.append(f"{ts(base, off)} checkout  ERROR req_id={hex(rid)} reserve failed: context deadline exceeded (inventory) attempt=3/3")
    elif r < 0.8:
        ev.append(f"{ts(base, off)} inventory WARN  pool wait {random.randint(800, 4800)}ms active=40 idle=0 waiting={random.randint(60, 240)}")
    else:
        ev.append(f"{ts(base, off)} inventory INFO  reserve tenant=t_{random.choice([3,19,44,61])} skus={random.randint(1,4)} took={random.randint(2900, 9800)}ms")
ev.append(f"{ts(base, off+400)} inventory INFO  bulk_reserve batch tenant=t_44 skus=18211 started")
off += 1000
for i in range(6):
    off += random.randint(800, 2000)
    ev.append(f"{ts(base, off)} checkout  ERROR req_id={hex(rid+i)} reserve failed: context deadline exceeded (inventory) attempt=3/3")
ev.append(f"{ts(base, off+300)} inventory INFO  bulk_reserve batch tenant=t_44 skus=18211 done took=94s")
t(3, "SRE on call, writing this up and I want a second pair of eyes before I put a root cause in the doc. Checkout 504s started ~14:02 and cleared on their own ~14:04. Merged logs from gateway/checkout/inventory (UTC, trimmed):\n\n```\n" + "\n".join(ev) + "\n```\n\nMy theory was the config reload, but it didn't actually change any values. What do you think happened, what's the evidence, and what's still unexplained?")

# ---- T3: terraform security review
tf = r'''provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "exports" {
  bucket = "acme-customer-exports-prod"
}

resource "aws_s3_bucket_public_access_block" "exports" {
  bucket                  = aws_s3_bucket.exports.id
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = false
}

resource "aws_s3_bucket_policy" "exports" {
  bucket = aws_s3_bucket.exports.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PartnerRead"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["s3:GetObject"]
      Resource  = "${aws_s3_bucket.exports.arn}/*"
      Condition = {
        StringLike = { "aws:Referer" = ["https://portal.acme.io/*"] }
      }
    }]
  })
}

resource "aws_iam_role" "export_worker" {
  name = "export-worker"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "export_worker" {
  role = aws_iam_role.export_worker.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:*"], Resource = ["*"] },
      { Effect = "Allow", Action = ["kms:Decrypt", "kms:GenerateDataKey"], Resource = ["*"] },
      { Effect = "Allow", Action = ["iam:PassRole"], Resource = ["*"] }
    ]
  })
}

resource "aws_instance" "export_worker" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "m6i.large"
  subnet_id                   = aws_subnet.public_a.id
  associate_public_ip_address = true
  iam_instance_profile        = aws_iam_instance_profile.export_worker.name
  vpc_security_group_ids      = [aws_security_group.export_worker.id]
  metadata_options {
    http_tokens = "optional"
  }
  user_data = <<-EOT
    #!/bin/bash
    echo "DB_PASSWORD=${var.db_password}" >> /etc/environment
    /opt/export-worker/bin/start
  EOT
}

resource "aws_security_group" "export_worker" {
  name   = "export-worker"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}'''
t(3, "Security review please, before this goes to prod. This is the infra for the customer data export feature: a worker generates CSVs and partners download them from the portal. Prioritize findings by real-world exploitability, not checklist order.\n\n```hcl\n" + tf + "\n```")

# ---- T3: express auth review
ex = r'''const express = require("express");
const jwt = require("jsonwebtoken");
const crypto = require("crypto");
const { db } = require("./db");

const router = express.Router();
const SECRET = process.env.JWT_SECRET || "dev-secret";

function auth(req, res, next) {
  const header = req.headers.authorization || "";
  const token = header.replace("Bearer ", "");
  try {
    const decoded = jwt.decode(token, { complete: true });
    if (decoded.header.alg === "none") return next();
    req.user = jwt.verify(token, SECRET, { algorithms: ["HS256", "RS256"] });
    next();
  } catch (e) {
    res.status(401).json({ error: e.message, stack: e.stack });
  }
}

router.post("/login", async (req, res) => {
  const { email, password } = req.body;
  const user = await db.one("SELECT * FROM users WHERE email = $1", [email]);
  const hash = crypto.createHash("md5").update(password).digest("hex");
  if (!user || user.password_hash != hash) {
    return res.status(401).json({ error: user ? "wrong password" : "no such user" });
  }
  const token = jwt.sign({ id: user.id, role: user.role }, SECRET, { expiresIn: "30d" });
  res.json({ token });
});

router.get("/invoices/:id", auth, async (req, res) => {
  const inv = await db.oneOrNone("SELECT * FROM invoices WHERE id = $1", [req.params.id]);
  if (!inv) return res.sendStatus(404);
  res.json(inv);
});

router.post("/users/:id", auth, async (req, res) => {
  if (req.user.id != req.params.id && req.user.role !== "admin") return res.sendStatus(403);
  const fields = Object.keys(req.body).map((k, i) => `${k} = $${i + 2}`).join(", ");
  await db.none(`UPDATE users SET ${fields} WHERE id = $1`, [req.params.id, ...Object.values(req.body)]);
  res.sendStatus(204);
});

router.get("/files", auth, (req, res) => {
  res.sendFile(req.query.name, { root: "/srv/uploads" });
});

module.exports = router;'''
t(3, "I'm the only backend dev at our startup and we have our first enterprise customer asking for a pentest report. Before we pay for one, can you go through our auth + a few routes and tell me what a pentester would find? Rank by severity.\n\n```js\n" + ex + "\n```")

# ---- T3: goroutine leak pprof
gp = ["goroutine profile: total 46213"]
entries = [
 (41877, ["0x4417d6 runtime.gopark+0xd6", "0x40b8a5 runtime.chansend+0x2e5", "0x40b5b4 runtime.chansend1+0x14",
          "0x9c1e3f github.com/acme/quotes/internal/fanout.(*Fetcher).query.func1+0x13f\t/src/internal/fanout/fetch.go:74"]),
 (2112, ["0x4417d6 runtime.gopark+0xd6", "0x4515b9 runtime.selectgo+0x6f9",
         "0x8a4c21 net/http.(*persistConn).writeLoop+0xe1\t/usr/local/go/src/net/http/transport.go:2421"]),
 (2112, ["0x4417d6 runtime.gopark+0xd6", "0x4515b9 runtime.selectgo+0x6f9",
         "0x8a2f9d net/http.(*persistConn).readLoop+0xd9d\t/usr/local/go/src/net/http/transport.go:2238"]),
 (64, ["0x4417d6 runtime.gopark+0xd6", "0x40a1f1 runtime.chanrecv+0x2b1",
       "0x9c23a8 github.com/acme/quotes/internal/worker.(*Pool).run+0x88\t/src/internal/worker/pool.go:41"]),
 (12, ["0x4417d6 runtime.gopark+0xd6", "0x438d9e runtime.netpollblock+0x11e",
       "0x46e2c8 internal/poll.runtime_pollWait+0x88", "0x4f1a0b net.(*conn).Read+0x4b"]),
]
for n, fr in entries:
    gp.append("")
    gp.append(f"{n} @ " + " ".join(hex(random.randint(0x400000, 0x9fffff)) for _ in range(len(fr))))
    for f in fr:
        gp.append("#\t" + f)
code = r'''func (f *Fetcher) Quote(ctx context.Context, sym string) (Quote, error) {
	ctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	results := make(chan Quote)
	for _, p := range f.providers {
		go f.query(ctx, p, sym, results)
	}
	select {
	case q := <-results:
		return q, nil
	case <-ctx.Done():
		return Quote{}, ctx.Err()
	}
}

func (f *Fetcher) query(ctx context.Context, p Provider, sym string, out chan<- Quote) {
	q, err := p.Get(ctx, sym)
	if err != nil {
		return
	}
	out <- q // fetch.go:74
}'''
t(3, "memory on quotes-svc grows until restart, goroutines climb forever. pprof goroutine debug=1 after 2 days:\n\n```\n" + "\n".join(gp) + "\n```\n\n```go\n" + code + "\n```\n\nThe obvious fix is a buffered channel of len(providers) but a teammate says that just hides it and we should also think about what happens to provider connections when the caller gives up. Who's right, and is there anything else in here that will bite us at higher QPS (we're going from 2k to 20k QPS next quarter)?")

# =====================================================================
# T2 long
# =====================================================================
tb = r'''Internal Server Error: /api/reports/monthly/
Traceback (most recent call last):
  File "/usr/local/lib/python3.11/site-packages/django/core/handlers/exception.py", line 55, in inner
    response = get_response(request)
               ^^^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.11/site-packages/django/core/handlers/base.py", line 197, in _get_response
    response = wrapped_callback(request, *callback_args, **callback_kwargs)
               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.11/site-packages/django/views/decorators/csrf.py", line 56, in wrapper_view
    return view_func(*args, **kwargs)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.11/site-packages/django/views/generic/base.py", line 104, in view
    return self.dispatch(request, *args, **kwargs)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.11/site-packages/rest_framework/views.py", line 509, in dispatch
    response = self.handle_exception(exc)
               ^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/local/lib/python3.11/site-packages/rest_framework/views.py", line 469, in handle_exception
    self.raise_uncaught_exception(exc)
  File "/usr/local/lib/python3.11/site-packages/rest_framework/views.py", line 480, in raise_uncaught_exception
    raise exc
  File "/usr/local/lib/python3.11/site-packages/rest_framework/views.py", line 506, in dispatch
    response = handler(request, *args, **kwargs)
               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/app/reports/views.py", line 41, in get
    summary = build_summary(qs, month)
              ^^^^^^^^^^^^^^^^^^^^^^^^
  File "/app/reports/summary.py", line 23, in build_summary
    avg_ticket = total / len(paid)
                 ~~~~~~^~~~~~~~~~~
ZeroDivisionError: division by zero'''
summ = r'''def build_summary(qs, month):
    rows = list(qs.filter(created_at__month=month.month, created_at__year=month.year))
    paid = [r for r in rows if r.status == "paid"]
    refunded = [r for r in rows if r.status == "refunded"]
    total = sum(r.amount for r in paid)
    avg_ticket = total / len(paid)
    return {
        "month": month.strftime("%Y-%m"),
        "orders": len(rows),
        "paid": len(paid),
        "refunded": len(refunded),
        "revenue": total,
        "avg_ticket": round(avg_ticket, 2),
    }'''
t(2, "Sentry keeps paging us for this on the first day of every month, seems intermittent but I'm not sure it is:\n\n```\n" + tb + "\n```\n\n```python\n" + summ + "\n```")

# ---- T2: cProfile output
prof = ["         48213977 function calls (48213101 primitive calls) in 41.882 seconds", "",
        "   Ordered by: cumulative time", "",
        "   ncalls  tottime  percall  cumtime  percall filename:lineno(function)",
        "        1    0.000    0.000   41.882   41.882 {built-in method builtins.exec}",
        "        1    0.012    0.012   41.882   41.882 enrich.py:1(<module>)",
        "        1    0.402    0.402   41.640   41.640 enrich.py:38(main)",
        "   120000    1.101    0.000   40.733    0.000 enrich.py:19(tag_row)",
        "   120000   37.904    0.000   38.612    0.000 enrich.py:9(is_blocked)",
        " 24000000    0.708    0.000    0.708    0.000 {method 'lower' of 'str' objects}",
        "   120000    0.311    0.000    0.902    0.000 csv.py:116(__next__)",
        "   120000    0.220    0.000    0.520    0.000 csv.py:153(writerow)"]
for i in range(28):
    prof.append(f"   {random.randint(1, 5000):>6}    {random.uniform(0, 0.05):.3f}    0.000    {random.uniform(0, 0.08):.3f}    0.000 {random.choice(['re.py','enum.py','codecs.py','posixpath.py','abc.py','_collections_abc.py','functools.py'])}:{random.randint(20, 400)}({random.choice(['_compile','__call__','decode','join','__instancecheck__','get','wrapper','__hash__','isinstance','normcase'])})")
src = r'''import csv, sys

BLOCKLIST = [line.strip() for line in open("blocked_domains.txt")]   # ~200k entries

def is_blocked(email):
    domain = email.split("@")[-1]
    for b in BLOCKLIST:
        if b.lower() == domain.lower():
            return True
    return False'''
t(2, "enrich.py takes 40s on 120k rows, profile below. fix the hot spot, keep output identical.\n\n```\n" + "\n".join(prof) + "\n```\n\n```python\n" + src + "\n```")

# ---- T2: write tests for a TS class
tsclass = r'''export type Clock = () => number;

export class SlidingWindowCounter {
  private readonly buckets: Map<number, number> = new Map();

  constructor(
    private readonly windowMs: number,
    private readonly bucketMs: number,
    private readonly now: Clock = Date.now,
  ) {
    if (windowMs <= 0 || bucketMs <= 0) throw new RangeError("window and bucket must be > 0");
    if (windowMs % bucketMs !== 0) throw new RangeError("window must be a multiple of bucket");
  }

  hit(n = 1): void {
    if (n < 0) throw new RangeError("n must be >= 0");
    const b = this.bucketOf(this.now());
    this.buckets.set(b, (this.buckets.get(b) ?? 0) + n);
    this.evict();
  }

  count(): number {
    this.evict();
    let total = 0;
    for (const v of this.buckets.values()) total += v;
    return total;
  }

  reset(): void {
    this.buckets.clear();
  }

  private bucketOf(t: number): number {
    return Math.floor(t / this.bucketMs);
  }

  private evict(): void {
    const oldest = this.bucketOf(this.now()) - this.windowMs / this.bucketMs + 1;
    for (const k of this.buckets.keys()) {
      if (k < oldest) this.buckets.delete(k);
    }
  }
}'''
t(2, "Write a vitest suite for this. Use the injectable clock, no real timers. Cover constructor validation, counting within a window, eviction at the boundary, hit(0), negative n, reset.\n\n```ts\n" + tsclass + "\n```")

# ---- T2: Spring NPE long trace
jtrace = r'''2025-02-03T09:12:44.118Z ERROR 1 --- [nio-8080-exec-7] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: java.lang.NullPointerException: Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" because the return value of "com.acme.pricing.model.Product.getTaxRate()" is null] with root cause

java.lang.NullPointerException: Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" because the return value of "com.acme.pricing.model.Product.getTaxRate()" is null
	at com.acme.pricing.service.PriceCalculator.grossPrice(PriceCalculator.java:37) ~[classes/:na]
	at com.acme.pricing.service.PriceCalculator.quote(PriceCalculator.java:22) ~[classes/:na]
	at com.acme.pricing.web.QuoteController.quote(QuoteController.java:31) ~[classes/:na]
	at java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103) ~[na:na]
	at java.base/java.lang.reflect.Method.invoke(Method.java:580) ~[na:na]
	at org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255) ~[spring-web-6.1.3.jar:6.1.3]
	at org.springframework.web.method.support.InvocableHandlerMethod.invokeForRequest(InvocableHandlerMethod.java:188) ~[spring-web-6.1.3.jar:6.1.3]
	at org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod.invokeAndHandle(ServletInvocableHandlerMethod.java:118) ~[spring-webmvc-6.1.3.jar:6.1.3]
	at org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.invokeHandlerMethod(RequestMappingHandlerAdapter.java:925) ~[spring-webmvc-6.1.3.jar:6.1.3]
	at org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter.handleInternal(RequestMappingHandlerAdapter.java:830) ~[spring-webmvc-6.1.3.jar:6.1.3]
	at org.springframework.web.servlet.mvc.method.AbstractHandlerMethodAdapter.handle(AbstractHandlerMethodAdapter.java:87) ~[spring-webmvc-6.1.3.jar:6.1.3]
	at org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089) ~[spring-webmvc-6.1.3.jar:6.1.3]
	at org.springframework.web.servlet.DispatcherServlet.doService(DispatcherServlet.java:979) ~[spring-webmvc-6.1.3.jar:6.1.3]
	at org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014) ~[spring-webmvc-6.1.3.jar:6.1.3]
	at org.springframework.web.servlet.FrameworkServlet.doGet(FrameworkServlet.java:903) ~[spring-webmvc-6.1.3.jar:6.1.3]
	at jakarta.servlet.http.HttpServlet.service(HttpServlet.java:564) ~[tomcat-embed-core-10.1.18.jar:6.0]
	at org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885) ~[spring-webmvc-6.1.3.jar:6.1.3]
	at jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658) ~[tomcat-embed-core-10.1.18.jar:6.0]
	at org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:205) ~[tomcat-embed-core-10.1.18.jar:10.1.18]
	at org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:149) ~[tomcat-embed-core-10.1.18.jar:10.1.18]
	at org.apache.tomcat.websocket.server.WsFilter.doFilter(WsFilter.java:51) ~[tomcat-embed-websocket-10.1.18.jar:10.1.18]
	at org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:174) ~[tomcat-embed-core-10.1.18.jar:10.1.18]
	at org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:149) ~[tomcat-embed-core-10.1.18.jar:10.1.18]
	at org.springframework.web.filter.RequestContextFilter.doFilterInternal(RequestContextFilter.java:100) ~[spring-web-6.1.3.jar:6.1.3]
	at org.springframework.web.filter.OncePerRequestFilter.doFilter(OncePerRequestFilter.java:116) ~[spring-web-6.1.3.jar:6.1.3]
	at org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:167) ~[tomcat-embed-core-10.1.18.jar:10.1.18]
	at org.apache.catalina.core.StandardContextValve.invoke(StandardContextValve.java:90) ~[tomcat-embed-core-10.1.18.jar:10.1.18]
	at org.apache.catalina.connector.CoyoteAdapter.service(CoyoteAdapter.java:340) ~[tomcat-embed-core-10.1.18.jar:10.1.18]
	at org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:659) ~[tomcat-embed-core-10.1.18.jar:10.1.18]
	at java.base/java.lang.Thread.run(Thread.java:1583) ~[na:na]'''
jcode = r'''    public BigDecimal grossPrice(Product p, int qty) {
        BigDecimal net = p.getUnitPrice().multiply(BigDecimal.valueOf(qty));
        BigDecimal tax = net.multiply(p.getTaxRate());          // line 37
        return net.add(tax).setScale(2, RoundingMode.HALF_EVEN);
    }'''
t(2, "Only happens for some products. Gift cards have no tax rate in the DB (NULL), they should be treated as 0% tax.\n\n```\n" + jtrace + "\n```\n\n```java\n" + jcode + "\n```")

# ---- T2: k8s OOMKilled with Xmx over limit
desc = r'''Name:             ledger-api-7c9f8d6b5-x2lqp
Namespace:        payments
Priority:         0
Service Account:  ledger-api
Node:             ip-10-20-33-118.eu-west-1.compute.internal/10.20.33.118
Start Time:       Mon, 10 Mar 2025 08:02:11 +0000
Labels:           app=ledger-api
                  pod-template-hash=7c9f8d6b5
Status:           Running
IP:               10.20.41.7
Controlled By:    ReplicaSet/ledger-api-7c9f8d6b5
Containers:
  ledger-api:
    Container ID:   containerd://4b1f0e2c9a
    Image:          ghcr.io/acme/ledger-api:5.3.1
    Port:           8080/TCP
    State:          Running
      Started:      Mon, 10 Mar 2025 09:47:30 +0000
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
      Started:      Mon, 10 Mar 2025 09:21:02 +0000
      Finished:     Mon, 10 Mar 2025 09:47:29 +0000
    Ready:          True
    Restart Count:  4
    Limits:
      cpu:     1
      memory:  768Mi
    Requests:
      cpu:      500m
      memory:   768Mi
    Liveness:   http-get http://:8080/actuator/health/liveness delay=60s timeout=1s period=10s #success=1 #failure=3
    Readiness:  http-get http://:8080/actuator/health/readiness delay=20s timeout=1s period=5s #success=1 #failure=3
    Environment:
      JAVA_TOOL_OPTIONS:  -Xms1g -Xmx1g -XX:+UseG1GC
      SPRING_PROFILES_ACTIVE: prod
Conditions:
  Type              Status
  Initialized       True
  Ready             True
  ContainersReady   True
  PodScheduled      True
Events:
  Type     Reason     Age                 From     Message
  ----     ------     ----                ----     -------
  Warning  BackOff    41m (x3 over 2h)    kubelet  Back-off restarting failed container ledger-api in pod ledger-api-7c9f8d6b5-x2lqp
  Normal   Pulled     26m (x5 over 2h)    kubelet  Container image "ghcr.io/acme/ledger-api:5.3.1" already present on machine'''
t(2, "ledger-api keeps getting OOMKilled every ~25 min since we copied the JVM flags from the staging chart. Fix the deployment so it stops. We want to stay at 768Mi.\n\n```\n" + desc + "\n```")

# ---- T2: CI log deterministic failure
ci = ["2025-03-12T10:01:%02d.%03dZ %s" % (i, random.randint(0, 999), l) for i, l in enumerate([
 "##[group]Run npm ci", "npm ci", "added 1184 packages, and audited 1185 packages in 21s", "found 0 vulnerabilities", "##[endgroup]",
 "##[group]Run npm run build", "> web@3.8.0 build", "> tsc -p tsconfig.build.json && vite build",
 "vite v5.1.4 building for production...", "transforming...", "✓ 1421 modules transformed.",
 "rendering chunks...", "computing gzip size...", "dist/index.html                   0.61 kB │ gzip:  0.37 kB",
 "dist/assets/index-4f1c2a.css     48.22 kB │ gzip: 9.81 kB", "dist/assets/index-a81e0b.js     612.40 kB │ gzip: 191.02 kB",
 "✓ built in 14.02s", "##[endgroup]", "##[group]Run npm test -- --run", "> web@3.8.0 test", "> vitest --run",
 " RUN  v1.3.1 /home/runner/work/web/web", "",
 " ✓ src/lib/money.test.ts  (12 tests) 18ms", " ✓ src/lib/dates.test.ts  (9 tests) 22ms",
 " ✓ src/components/Cart.test.tsx  (7 tests) 311ms", " ❯ src/api/client.test.ts  (6 tests | 6 failed) 41ms",
 "   × client > uses API_BASE_URL from env", "   × client > attaches auth header", "   × client > retries on 503",
 "   × client > gives up after 3 attempts", "   × client > parses error body", "   × client > sends idempotency key", "",
 "⎯⎯⎯⎯⎯⎯⎯ Failed Tests 6 ⎯⎯⎯⎯⎯⎯⎯", "",
 " FAIL  src/api/client.test.ts > client > uses API_BASE_URL from env",
 "Error: VITE_API_BASE_URL is not set", " ❯ createClient src/api/client.ts:9:11",
 "      7|   const base = import.meta.env.VITE_API_BASE_URL;", "      8|   if (!base) {",
 "      9|     throw new Error(\"VITE_API_BASE_URL is not set\");", "       |           ^",
 "     10|   }", " ❯ src/api/client.test.ts:14:20", "",
 " Test Files  1 failed | 3 passed (4)", "      Tests  6 failed | 28 passed (34)", "   Duration  2.91s",
 "##[error]Process completed with exit code 1."])]
t(2, "CI red on main since this morning, every run. The only change was I moved env vars from `.env` into the repo's Actions variables because we were committing `.env`. Here's the test step output and our workflow test step:\n\n```\n" + "\n".join(ci) + "\n```\n\n```yaml\n      - run: npm ci\n      - run: npm run build\n      - run: npm test -- --run\n```\n\nFix the workflow (the variable is defined at repo level as `API_BASE_URL`).")

# ---- T2: port script mapping libs
pysrc = r'''#!/usr/bin/env python3
"""Download all open tickets for a project and write them to CSV."""
import argparse
import csv
import os
import sys
import time

import requests

API = "https://tracker.example.com/api/v2"


def fetch_page(session, project, page):
    r = session.get(f"{API}/projects/{project}/tickets",
                    params={"state": "open", "page": page, "per_page": 100},
                    timeout=15)
    if r.status_code == 429:
        wait = int(r.headers.get("Retry-After", "5"))
        time.sleep(wait)
        return fetch_page(session, project, page)
    r.raise_for_status()
    return r.json()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("project")
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--since", help="only tickets updated after this ISO date")
    args = ap.parse_args()

    token = os.environ.get("TRACKER_TOKEN")
    if not token:
        sys.exit("TRACKER_TOKEN not set")

    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {token}"

    out = sys.stdout if args.output == "-" else open(args.output, "w", newline="")
    w = csv.writer(out)
    w.writerow(["id", "title", "assignee", "priority", "updated_at"])

    page = 1
    while True:
        data = fetch_page(s, args.project, page)
        for t in data["items"]:
            if args.since and t["updated_at"] < args.since:
                continue
            w.writerow([t["id"], t["title"], (t.get("assignee") or {}).get("login", ""),
                        t["priority"], t["updated_at"]])
        if not data.get("next_page"):
            break
        page = data["next_page"]


if __name__ == "__main__":
    main()'''
t(2, "Port this to a Go CLI. Map argparse to the `flag` package (positional project arg), requests to net/http with a 15s timeout, keep the 429/Retry-After behaviour but as a loop with a max of 5 waits, parse `--since` as a real time instead of comparing strings, and exit non-zero with a message on errors.\n\n```python\n" + pysrc + "\n```")

# ---- T2: React class component to hooks
rc = r'''import React from "react";
import { fetchInvoices, markPaid } from "../api";

export default class InvoiceTable extends React.Component {
  constructor(props) {
    super(props);
    this.state = { invoices: [], loading: true, error: null, filter: "all" };
    this.handleFilter = this.handleFilter.bind(this);
    this.handlePaid = this.handlePaid.bind(this);
  }

  componentDidMount() {
    this.load();
  }

  componentDidUpdate(prevProps) {
    if (prevProps.customerId !== this.props.customerId) {
      this.load();
    }
  }

  async load() {
    this.setState({ loading: true, error: null });
    try {
      const invoices = await fetchInvoices(this.props.customerId);
      this.setState({ invoices, loading: false });
    } catch (e) {
      this.setState({ error: e.message, loading: false });
    }
  }

  handleFilter(e) {
    this.setState({ filter: e.target.value });
  }

  async handlePaid(id) {
    await markPaid(id);
    this.setState((s) => ({
      invoices: s.invoices.map((i) => (i.id === id ? { ...i, status: "paid" } : i)),
    }));
  }

  render() {
    const { invoices, loading, error, filter } = this.state;
    if (loading) return <p>Loading…</p>;
    if (error) return <p role="alert">{error}</p>;
    const shown = filter === "all" ? invoices : invoices.filter((i) => i.status === filter);
    return (
      <div>
        <select value={filter} onChange={this.handleFilter}>
          <option value="all">All</option>
          <option value="open">Open</option>
          <option value="paid">Paid</option>
        </select>
        <table>
          <tbody>
            {shown.map((i) => (
              <tr key={i.id}>
                <td>{i.number}</td>
                <td>{i.total}</td>
                <td>{i.status}</td>
                <td>
                  {i.status === "open" && (
                    <button onClick={() => this.handlePaid(i.id)}>Mark paid</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
}'''
t(2, "convert to a function component with hooks. also handle the case where customerId changes while a fetch is in flight (ignore the stale response) — a simple `cancelled` flag in the effect cleanup is fine.\n\n```jsx\n" + rc + "\n```")

# =====================================================================
# T1 long
# =====================================================================
gofile = r'''package ratelimit

import (
	"sync"
	"time"
)

type Clock interface {
	Now() time.Time
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

type Bucket struct {
	mu       sync.Mutex
	capacity float64
	tokens   float64
	rate     float64
	last     time.Time
	clock    Clock
}

func New(capacity int, perSecond float64) *Bucket {
	return NewWithClock(capacity, perSecond, realClock{})
}

func NewWithClock(capacity int, perSecond float64, c Clock) *Bucket {
	return &Bucket{
		capacity: float64(capacity),
		tokens:   float64(capacity),
		rate:     perSecond,
		last:     c.Now(),
		clock:    c,
	}
}

func (b *Bucket) refill() {
	now := b.clock.Now()
	elapsed := now.Sub(b.last).Seconds()
	b.tokens = min(b.capacity, b.tokens+elapsed*b.rate)
	b.last = now
}

func (b *Bucket) Allow() bool {
	return b.AllowN(1)
}

func (b *Bucket) AllowN(n int) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refill()
	if b.tokens < float64(n) {
		return false
	}
	b.tokens -= float64(n)
	return true
}

func (b *Bucket) Tokens() float64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refill()
	return b.tokens
}'''
t(1, "godoc comments for everything exported in this file please. describe what it does, don't change code.\n\n```go\n" + gofile + "\n```")

pymod = r'''import hashlib
import json
import time
from dataclasses import dataclass, field


@dataclass
class CacheEntry:
    value: object
    expires_at: float
    etag: str = ""
    hits: int = 0


@dataclass
class TTLCache:
    ttl: float = 60.0
    max_items: int = 1000
    _data: dict = field(default_factory=dict)

    def _etag(self, value):
        return hashlib.sha1(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()

    def get(self, key, default=None):
        e = self._data.get(key)
        if e is None or e.expires_at < time.monotonic():
            self._data.pop(key, None)
            return default
        e.hits += 1
        return e.value

    def set(self, key, value, ttl=None):
        if len(self._data) >= self.max_items:
            self._evict_one()
        exp = time.monotonic() + (ttl if ttl is not None else self.ttl)
        self._data[key] = CacheEntry(value, exp, self._etag(value))

    def etag(self, key):
        e = self._data.get(key)
        return e.etag if e else None

    def _evict_one(self):
        victim = min(self._data.items(), key=lambda kv: kv[1].hits)[0]
        del self._data[victim]

    def stats(self):
        return {"items": len(self._data), "hits": sum(e.hits for e in self._data.values())}

    def clear(self):
        self._data.clear()'''
t(1, "Add type hints throughout (use `Any` for cached values, `str` keys). Don't touch logic or docstrings — there aren't any, leave it that way.\n\n```python\n" + pymod + "\n```")

i18n = {
 "nav.home": "Home", "nav.orders": "Orders", "nav.settings": "Settings", "nav.logout": "Sign out",
 "orders.title": "Your orders", "orders.empty": "You haven't placed any orders yet.",
 "orders.status.pending": "Pending", "orders.status.paid": "Paid", "orders.status.shipped": "Shipped",
 "orders.status.cancelled": "Cancelled", "orders.retry_payment": "Retry payment",
 "orders.duplicate_warning": "It looks like you already placed this order {minutes} minutes ago. Place it again?",
 "orders.track": "Track package", "orders.invoice": "Download invoice",
 "checkout.title": "Checkout", "checkout.pay": "Pay {amount}", "checkout.processing": "Processing your payment…",
 "checkout.timeout": "This is taking longer than usual. Don't refresh — we'll update this page when your payment is confirmed.",
 "checkout.failed": "Payment failed: {reason}", "checkout.success": "Thanks! Your order #{number} is confirmed.",
 "settings.title": "Settings", "settings.email": "Email address", "settings.password": "Change password",
 "settings.2fa": "Two-factor authentication", "settings.2fa.enable": "Turn on", "settings.2fa.disable": "Turn off",
 "settings.sessions": "Active sessions", "settings.sessions.revoke": "Sign out of this device",
 "settings.save": "Save changes", "settings.saved": "Saved", "settings.conflict": "These settings were changed on another device. Reload to see the latest.",
 "errors.network": "Can't reach the server. Check your connection.", "errors.rate_limited": "Slow down — too many requests. Try again in {seconds} seconds.",
 "errors.generic": "Something went wrong. Please try again.", "errors.not_found": "We couldn't find that page.",
 "footer.privacy": "Privacy", "footer.terms": "Terms", "footer.help": "Help center",
}
t(1, "French (fr-FR) translation of this locale file please, keep keys and {placeholders} exactly, use « » for quotes if any, vouvoiement:\n\n```json\n" + json.dumps(i18n, indent=2, ensure_ascii=False) + "\n```")

ymlparts = []
for svc, port in [("orders-api", 8080), ("orders-worker", 9090), ("orders-scheduler", 9091)]:
    ymlparts.append(f'''apiVersion: apps/v1
kind: Deployment
metadata:
  name: {svc}
  namespace: orders
  labels:
    app: {svc}
spec:
  replicas: {random.choice([2, 3, 4])}
  selector:
    matchLabels:
      app: {svc}
  template:
    metadata:
      labels:
        app: {svc}
    spec:
      containers:
        - name: {svc}
          image: ghcr.io/acme/orders:2.14.3
          ports:
            - containerPort: {port}
          envFrom:
            - configMapRef:
                name: orders-config
          resources:
            requests:
              cpu: 200m
              memory: 256Mi''')
t(1, "bump the image tag from 2.14.3 to 2.15.0 in all three, nothing else\n\n```yaml\n" + "\n---\n".join(ymlparts) + "\n```")

pods = ["NAME                                  READY   STATUS             RESTARTS        AGE"]
for i in range(42):
    svc = random.choice(["checkout", "inventory", "pricing", "gateway", "notifier", "search"])
    st = random.choices(["Running", "CrashLoopBackOff", "Pending", "OOMKilled"], [0.8, 0.08, 0.06, 0.06])[0]
    rs = 0 if st == "Pending" else random.choice([0, 0, 0, 1, 2, 7, 31])
    ready = "0/1" if st != "Running" else "1/1"
    name = f"{svc}-{random.randint(10**8, 10**9-1):x}"[:26] + f"-{''.join(random.choices('abcdefghijklmnopqrstuvwxyz0123456789', k=5))}"
    pods.append(f"{name:<37} {ready:<7} {st:<18} {rs:<15} {random.randint(1, 72)}h")
t(1, "turn this into a markdown table for the incident doc, same columns, sorted by STATUS then NAME. no analysis needed\n\n```\n" + "\n".join(pods) + "\n```")

earlier_log = "\n".join(
    f"{ts(9*3600, k*1730)} WARN  cache miss storm key=price:{random.randint(1000, 9999)} rebuilders={random.randint(40, 380)}" for k in range(38))
t(1, "[Earlier in this conversation]\nUser: price cache stampedes every time a hot key expires, logs:\n```\n" + earlier_log + "\n```\nAssistant: Each expiry sends every concurrent request to the DB to rebuild the same key. Add a per-key single-flight lock (SET NX with a short TTL) so one request rebuilds while the others serve the stale value, and add ±10% jitter to TTLs so hot keys don't expire together.\nUser: Shipped it, rebuilders never go above 1 now, DB CPU down from 85% to 30%.\n[New message]\nwrite the PR description. sections: Problem, Change, Results. keep it short")

sqlfile = [
 "-- 0057_reporting_views.sql", "",
]
for name, tbl, cols in [("v_daily_revenue", "orders", "date_trunc('day', created_at) as day, sum(total_cents) as revenue"),
                        ("v_active_customers", "customers", "id, email, last_order_at"),
                        ("v_refund_rate", "refunds", "date_trunc('week', created_at) as week, count(*) as refunds"),
                        ("v_top_skus", "order_lines", "sku, sum(qty) as units"),
                        ("v_stuck_shipments", "shipments", "id, carrier_id, status, updated_at")]:
    sqlfile += [f"create or replace view {name} as", f"select {cols}", f"from {tbl}",
                "where deleted_at is null", "  and tenant_id = current_setting('app.tenant_id')::bigint"]
    if "sum" in cols or "count" in cols:
        sqlfile.append("group by 1")
    sqlfile += [";", "", f"comment on view {name} is 'reporting';", f"grant select on {name} to reporting_ro;", ""]
t(1, "Uppercase all SQL keywords in this migration and indent continuation lines by 4 spaces. Don't change identifiers or logic.\n\n```sql\n" + "\n".join(sqlfile) + "\n```")
# =====================================================================
# More T2 look-alikes (symptom sounds hard, cause visible / fix named)
# =====================================================================
t(2, r'''users say their profile changes "don't stick" for a few minutes. here's the code, I think I see it but want a proper fix:

```python
def get_profile(user_id):
    key = f"profile:{user_id}"
    cached = redis.get(key)
    if cached:
        return json.loads(cached)
    row = db.fetch_one("SELECT * FROM profiles WHERE user_id = %s", user_id)
    redis.setex(key, 300, json.dumps(row, default=str))
    return row

def update_profile(user_id, **fields):
    db.update("profiles", {"user_id": user_id}, fields)
```''')

t(2, r'''Webhook signature verification fails for some events — looks like only ones where the customer name has accents or emoji. We're verifying like this (Express, body-parser json):

```js
app.post("/webhooks/billing", express.json(), (req, res) => {
  const expected = crypto
    .createHmac("sha256", process.env.WEBHOOK_SECRET)
    .update(JSON.stringify(req.body))
    .digest("hex");
  if (expected !== req.get("X-Signature")) return res.sendStatus(400);
  handle(req.body);
  res.sendStatus(200);
});
```
Fix it to verify against the raw body, and use a constant-time compare.''')

t(2, r'''The report query returns each order several times. I think it's the join to shipments (an order can have multiple shipments). I want one row per order with the latest shipment's status.

```sql
SELECT o.id, o.total_cents, s.status AS shipment_status
FROM orders o
LEFT JOIN shipments s ON s.order_id = o.id
WHERE o.created_at >= date '2025-01-01';
```''')

t(2, r'''the sync script hangs forever every now and then and we have to kill it. it's this, I'm pretty sure it's because there's no timeout. add connect/read timeouts (3s/10s) and a Retry with 3 attempts + backoff on 502/503/504 via a mounted HTTPAdapter.

```python
import requests

def pull(ids):
    out = []
    for i in ids:
        r = requests.get(f"https://erp.internal/api/items/{i}")
        r.raise_for_status()
        out.append(r.json())
    return out
```''')

t(2, r'''Add optimistic locking to this update: `documents` has a `version int not null default 1`. Client sends the version it loaded; if it doesn't match, return 409 with the current version; otherwise bump it. Single UPDATE ... WHERE id = $1 AND version = $2, check rows affected.

```go
func (h *Handler) UpdateDoc(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Title string `json:"title"`
		Body  string `json:"body"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	id := chi.URLParam(r, "id")
	_, err := h.db.Exec(r.Context(), `UPDATE documents SET title=$2, body=$3 WHERE id=$1`, id, in.Title, in.Body)
	if err != nil {
		http.Error(w, "db error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
```''')

t(2, r'''Change this poller so multiple replicas can run it safely: claim up to 50 rows in one transaction with `FOR UPDATE SKIP LOCKED`, set `claimed_at = now(), claimed_by = $worker`, commit, then process. Rows claimed more than 5 minutes ago without `sent_at` should be claimable again.

```sql
SELECT id, payload FROM notifications WHERE sent_at IS NULL ORDER BY id LIMIT 50;
```''')

t(2, r'''`get_or_create_customer` sometimes throws IntegrityError on the unique (tenant_id, external_id) constraint when two imports run at once. I know why. Just make it catch the IntegrityError, roll back the savepoint, and return the existing row. SQLAlchemy 2.

```python
def get_or_create_customer(session, tenant_id, external_id, **attrs):
    c = session.scalar(select(Customer).filter_by(tenant_id=tenant_id, external_id=external_id))
    if c:
        return c
    c = Customer(tenant_id=tenant_id, external_id=external_id, **attrs)
    session.add(c)
    session.flush()
    return c
```''')

t(2, r'''Backfill migration: set `orders.currency = accounts.default_currency` where currency is null. 60M rows, so do it in batches of 10k by id range with a 100ms sleep between batches and log progress every 100 batches. Plain Python + psycopg 3 script, resumable from a `--start-id` arg.''')

t(2, r'''Make this worker loop stop cleanly on ctx cancellation: finish the current job, don't start new ones, return ctx.Err(). Right now it ignores ctx entirely.

```go
func (w *Worker) Run(ctx context.Context) error {
	for {
		job, err := w.queue.Next()
		if err != nil {
			return err
		}
		w.process(job)
	}
}
```
(`queue.Next()` blocks; there's also `NextCtx(ctx)` that returns ctx.Err() when cancelled.)''')

t(2, r'''add a Prometheus histogram `http_request_duration_seconds` with labels method, route (the template, not the raw path), status, buckets [.005,.01,.025,.05,.1,.25,.5,1,2.5,5] to this FastAPI app as middleware, and expose /metrics''')

t(2, r'''Kotlin: write `suspend fun <T> retryWithBackoff(times: Int = 3, initial: Duration = 100.milliseconds, factor: Double = 2.0, max: Duration = 2.seconds, retryOn: (Throwable) -> Boolean = { it is IOException }, block: suspend () -> T): T`. Don't swallow CancellationException. Tests with runTest and virtual time.''')

t(2, r'''valgrind output, pretty sure it's my buffer but I don't see it:

```
==4122== Invalid write of size 1
==4122==    at 0x4C3406A: strcpy (vg_replace_strmem.c:511)
==4122==    by 0x108794: make_key (keys.c:12)
==4122==    by 0x108851: main (keys.c:27)
==4122==  Address 0x522d050 is 0 bytes after a block of size 16 alloc'd
```

```c
char *make_key(const char *tenant, const char *id) {
    size_t n = strlen(tenant) + strlen(id) + 1;   /* for ':' */
    char *buf = malloc(n);
    strcpy(buf, tenant);
    strcat(buf, ":");
    strcat(buf, id);
    return buf;
}
```''')

t(2, r'''Some uploads come through as 0 bytes, always the ones bigger than ~1MB. The nginx error log says `client intended to send too large body: 1843201 bytes`. Set the limit to 25m for /api/uploads only and make the app return a JSON 413 instead of nginx's HTML page.''')

gohandler = r'''type ListParams struct {
	Status string
	Limit  int
	Cursor string
}

func (h *Handler) ListTickets(w http.ResponseWriter, r *http.Request) {
	tenant := tenantFrom(r.Context())
	rows, err := h.db.Query(r.Context(), `
		SELECT id, subject, status, priority, assignee_id, created_at
		FROM tickets
		WHERE tenant_id = $1
		ORDER BY created_at DESC`, tenant)
	if err != nil {
		h.fail(w, err)
		return
	}
	defer rows.Close()

	var out []Ticket
	for rows.Next() {
		var t Ticket
		if err := rows.Scan(&t.ID, &t.Subject, &t.Status, &t.Priority, &t.AssigneeID, &t.CreatedAt); err != nil {
			h.fail(w, err)
			return
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

func (h *Handler) fail(w http.ResponseWriter, err error) {
	h.log.Error("tickets", "err", err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}'''
t(2, "Add filtering and cursor pagination to ListTickets using the ListParams struct (which is unused right now):\n- `status` query param, optional, must be one of open|pending|closed else 400\n- `limit` default 50, max 200, 400 if not a positive int\n- `cursor` is an opaque base64url of `created_at|id`; order by (created_at DESC, id DESC) and use a row-value comparison\n- response gets `next_cursor` (omitted on the last page)\n\n```go\n" + gohandler + "\n```")

# =====================================================================
# More T1
# =====================================================================
t(1, r'''rename the test functions to `test_<unit>_<behaviour>` style, bodies stay the same

```python
def test_1(client):
    assert client.get("/health").status_code == 200

def test_2(client):
    assert client.post("/orders", json={}).status_code == 422

def test_stuff(client, order):
    assert client.delete(f"/orders/{order.id}").status_code == 204
```''')

t(1, r'''add `add_header X-Content-Type-Options "nosniff" always;` to the server block below, right after the HSTS line

```nginx
server {
    listen 443 ssl http2;
    server_name app.acme.io;
    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
    location / {
        proxy_pass http://app:8080;
    }
}
```''')

t(1, r'''payments queue: set `maxReceiveCount` to 1 in the redrive policy (was 3), the team decided no automatic redelivery for now

```json
{
  "QueueName": "payments-capture",
  "VisibilityTimeout": "120",
  "RedrivePolicy": "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:111122223333:payments-capture-dlq\",\"maxReceiveCount\":\"3\"}"
}
```''')

t(1, r'''Add a CHANGELOG entry for 3.4.0 (today) under "Fixed": "Duplicate charges when the client retried after a timeout" and "Stale prices after bulk updates"; under "Changed": "Retry-After is now honoured for 429 responses". Keep-a-changelog format, existing file starts with `## [3.3.2] - 2025-02-18`.''')

t(1, r'''this JSON has trailing commas and single quotes, make it valid JSON

```
{
  'service': 'pricing',
  'timeouts': {'connect_ms': 500, 'read_ms': 2000,},
  'regions': ['eu-west-1', 'us-east-1',],
}
```''')

t(1, r'''add `-race -count=1` to the go test line in the Makefile

```make
test:
	go test ./...
```''')

t(1, r'''turn this dict into a frozen dataclass called `RetryConfig` with the same field names and defaults

```python
DEFAULT_RETRY = {
    "max_attempts": 5,
    "base_delay": 0.2,
    "max_delay": 10.0,
    "jitter": True,
}
```''')

jsx = r'''export function ConflictDialog({ open, otherUser, onReload, onOverwrite, onClose }) {
  if (!open) return null;
  return (
    <div role="dialog" aria-modal="true" className="dialog">
      <header className="dialog__header">
        <h2>Edit conflict</h2>
        <button aria-label="Close" onClick={onClose}>×</button>
      </header>
      <section className="dialog__body">
        <p>
          {otherUser} saved a newer version of this document while you were editing.
        </p>
        <p>
          You can reload to see their changes, or overwrite them with yours.
        </p>
        <ul>
          <li>Reloading discards your unsaved edits.</li>
          <li>Overwriting replaces their version. They will be notified.</li>
        </ul>
      </section>
      <footer className="dialog__footer">
        <button className="btn btn--secondary" onClick={onReload}>
          Reload
        </button>
        <button className="btn btn--danger" onClick={onOverwrite}>
          Overwrite
        </button>
        <button className="btn btn--link" onClick={onClose}>
          Cancel
        </button>
      </footer>
      <p className="dialog__hint">
        Tip: turn on autosave in Settings to avoid conflicts.
      </p>
    </div>
  );
}'''
t(1, "wrap every user-visible string in `t(\"...\")` from react-i18next (add `const { t } = useTranslation();` at the top). keys = the english text for now. don't touch classNames or anything else\n\n```jsx\n" + jsx + "\n```")

# =====================================================================
# write + validate
# =====================================================================
if __name__ == "__main__":
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "depth.jsonl")
    with open(out, "w", encoding="utf-8") as fh:
        for i, (tier, prompt) in enumerate(R, 1):
            fh.write(json.dumps({"id": f"dp-{i:04d}", "prompt": prompt, "tier": tier}, ensure_ascii=False) + "\n")

    ids, tiers, long_n = set(), collections.Counter(), 0
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            assert set(rec) == {"id", "prompt", "tier"}, rec
            assert rec["id"] not in ids, rec["id"]
            ids.add(rec["id"])
            assert rec["tier"] in (1, 2, 3), rec
            assert isinstance(rec["prompt"], str) and rec["prompt"].strip(), rec["id"]
            tiers[rec["tier"]] += 1
            if 40 <= rec["prompt"].count("\n") + 1 <= 150:
                long_n += 1
    prompts = [p for _, p in R]
    assert len(set(prompts)) == len(prompts), "duplicate prompt"
    n = sum(tiers.values())
    print(out, n, "records")
    for k in sorted(tiers):
        print(f"  tier {k}: {tiers[k]} ({tiers[k] / n:.1%})")
    print("  prompts with 40-150 lines:", long_n)
