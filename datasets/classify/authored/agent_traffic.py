#!/usr/bin/env python3
"""Build datasets/classify/authored/agent_traffic.jsonl: realistic coding-agent traffic, labeled by LABELING.md rules."""
import json, os
from collections import Counter

R = []


def add(tier, prompt):
    R.append((prompt.strip("\n"), tier))


def mt(earlier, new):
    return "[Earlier in this conversation]\n" + earlier.strip() + "\n\n[New message]\n" + new.strip()


# ---------------------------------------------------------------- tier 1
add(1, "bump axios to 1.7.4 in package.json, don't touch anything else")

add(1, '''fix these

```
src/pages/Checkout.tsx
  12:10  error  'useMemo' is defined but never used          @typescript-eslint/no-unused-vars
  48:7   error  'total' is never reassigned. Use 'const'      prefer-const
  91:22  error  Unexpected console statement                  no-console
```''')

add(1, mt('''User: the ledger reconciler double-counts refunds but only when two webhook deliveries for the same refund land within ~50ms of each other
Assistant: Traced it: `apply_refund` reads `refund.applied` outside the row lock, so both workers see False and both post a ledger entry. Moved the check inside `select_for_update()` on the refund row and added a unique constraint on (refund_id, kind) in ledger_entries as a backstop. The new test with two threads and a barrier fails on main and passes on the branch.
User: ran it 500 times in a loop, clean. nice''', '''commit msg pls, conventional commits style'''))

add(1, '''rename `tmp` to `retryDelayMs`, it's only used in this function

```ts
async function pollJob(id: string): Promise<JobStatus> {
  let tmp = 250;
  for (let i = 0; i < 8; i++) {
    const res = await api.get(`/jobs/${id}`);
    if (res.data.state !== "running") return res.data;
    await sleep(tmp);
    tmp = Math.min(tmp * 2, 4000);
  }
  throw new Error("job still running");
}
```''')

add(1, '''add type hints, they're all pretty obvious

```python
def chunk(items, size):
    return [items[i:i + size] for i in range(0, len(items), size)]

def percent(part, whole):
    if whole == 0:
        return 0.0
    return round(100 * part / whole, 1)

def env_flag(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.lower() in ("1", "true", "yes")
```''')

add(1, mt('''User: add Google-style docstrings to the functions in billing/proration.py
Assistant: Done — added docstrings to `prorate`, `days_in_period` and `credit_for_downgrade`, documenting args, return values and the ValueError raised on inverted ranges.''', '''now the same for billing/invoices.py and billing/tax.py'''))

add(1, '''changelog entry for 2.8.0 from these, keep-a-changelog format, group them sensibly

```
a41c2e9 feat(export): add parquet output
9f0d1b3 fix(auth): refresh token not rotated on password change
77ee012 chore(deps): bump pydantic to 2.7
c2a9d40 feat(api): `?fields=` sparse fieldsets on /v2/items
0b13f77 fix(ui): date picker off by one day in UTC-x timezones
5d8e6a1 docs: document rate limits
```''')

add(1, '''translate the user-facing strings in this file to Spanish, leave the keys alone

```json
{
  "cart.empty": "Your cart is empty",
  "cart.checkout": "Proceed to checkout",
  "cart.remove": "Remove item",
  "cart.subtotal": "Subtotal",
  "cart.shipping_note": "Shipping is calculated at the next step",
  "cart.promo.placeholder": "Promo code",
  "cart.promo.apply": "Apply",
  "cart.promo.invalid": "That code isn't valid"
}
```''')

add(1, '''set maxReplicas to 12 in the hpa

```yaml
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: search-api
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: search-api
  minReplicas: 3
  maxReplicas: 6
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 65
```''')

add(1, "the docs still say `npm run start:dev` everywhere, it's `pnpm dev` now. fix every occurrence under docs/")

add(1, "add the Apache-2.0 license header to every .go file under pkg/ that doesn't already have one. use the header from LICENSE_HEADER.txt verbatim")

add(1, '''these test names are useless. rename them to say what they check — names only, don't change the bodies

```python
def test_1():
    assert slugify("Hello World") == "hello-world"

def test_2():
    assert slugify("  trim me  ") == "trim-me"

def test_3():
    assert slugify("Crème brûlée") == "creme-brulee"

def test_4():
    assert slugify("a---b") == "a-b"

def test_5():
    assert slugify("") == ""
```''')

add(1, "strip out all the console.log calls in src/components/, leave console.error alone")

add(1, '''port to Go, straight 1:1, no need to be clever

```python
def luhn_valid(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()]
    checksum = 0
    parity = len(digits) % 2
    for i, d in enumerate(digits):
        if i % 2 == parity:
            d *= 2
            if d > 9:
                d -= 9
        checksum += d
    return checksum % 10 == 0
```''')

add(1, "fix 'recieve' -> 'receive' across the repo, incl. comments and the i18n files")

add(1, mt('''User: the transfer worker deadlocks maybe once a day, stack dump attached
Assistant: Two goroutines take `acct.mu` in opposite order: `Transfer(a, b)` locks a then b, while `Transfer(b, a)` running concurrently locks b then a. The dump shows goroutine 812 holding 0xc0004a and waiting on 0xc0009f, goroutine 907 the reverse. Fix: always lock the account with the lower ID first. I changed `acquireBoth` to sort by ID and added a stress test that ran 10k opposing transfers without hanging.
User: confirmed, no hangs in staging for 3 days''', '''ok write that up as a short comment above acquireBoth() so nobody "simplifies" it later'''))

add(1, "add .env.local, coverage/ and *.log to .gitignore")

add(1, '''make all of these fields readonly

```csharp
public class ShipmentQuote
{
    private decimal _baseRate;
    private decimal _fuelSurcharge;
    private string _carrierCode;
    private DateTime _validUntil;

    public ShipmentQuote(decimal baseRate, decimal fuelSurcharge, string carrierCode, DateTime validUntil)
    {
        _baseRate = baseRate;
        _fuelSurcharge = fuelSurcharge;
        _carrierCode = carrierCode;
        _validUntil = validUntil;
    }

    public decimal Total => _baseRate + _fuelSurcharge;
}
```''')

add(1, '''convert to f-strings

```python
log.info("synced %d rows from %s in %.2fs" % (n, table, elapsed))
msg = "Hello {}, you have {} new messages".format(user.first_name, count)
path = "/data/" + tenant + "/exports/" + str(export_id) + ".csv"
```''')

add(1, "DEBUG -> INFO for the root logger in config/logging.yaml, keep sqlalchemy at WARNING")

add(1, '''Could you add JSDoc to these? Just describe params and return, nothing fancy.

```js
export function clamp(value, min, max) {
  return Math.min(Math.max(value, min), max);
}

export function groupBy(list, keyFn) {
  return list.reduce((acc, item) => {
    const k = keyFn(item);
    (acc[k] ||= []).push(item);
    return acc;
  }, {});
}

export function formatBytes(n) {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${n.toFixed(1)} ${units[i]}`;
}
```''')

add(1, '''turn this into a kotlin data class

```java
public class GeoPoint {
    private final double lat;
    private final double lon;
    private final String label;

    public GeoPoint(double lat, double lon, String label) {
        this.lat = lat;
        this.lon = lon;
        this.label = label;
    }

    public double getLat() { return lat; }
    public double getLon() { return lon; }
    public String getLabel() { return label; }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof GeoPoint)) return false;
        GeoPoint g = (GeoPoint) o;
        return Double.compare(lat, g.lat) == 0 && Double.compare(lon, g.lon) == 0
                && Objects.equals(label, g.label);
    }

    @Override
    public int hashCode() { return Objects.hash(lat, lon, label); }

    @Override
    public String toString() { return "GeoPoint(lat=" + lat + ", lon=" + lon + ", label=" + label + ")"; }
}
```''')

add(1, '''pull the magic numbers out into named constants at the top of the file

```go
func shouldThrottle(reqs int, window time.Duration) bool {
	if window < 30*time.Second {
		return reqs > 120
	}
	return float64(reqs)/window.Minutes() > 240
}

func backoff(attempt int) time.Duration {
	d := time.Duration(1<<attempt) * 150 * time.Millisecond
	if d > 20*time.Second {
		d = 20 * time.Second
	}
	return d
}
```''')

add(1, 'instance_type = "t3.large" for prod in envs/prod.tfvars, staging stays as is')

add(1, "update the copyright year in the footer to 2025")

add(1, '''what does this regex do? put a comment above it explaining it

```python
ISO_WEEK = re.compile(r"^(\\d{4})-?W(0[1-9]|[1-4]\\d|5[0-3])(?:-?([1-7]))?$")
```''')

add(1, "sort the keys in locales/en.json and locales/de.json alphabetically, nested objects too")

add(1, "basic Dockerfile for this express app pls — node 20, npm ci, expose 3000, `node server.js`. nothing fancy, it's just for local dev")

add(1, "in .github/workflows/ci.yml change the node-version matrix to [18, 20, 22]")

add(1, mt('''User: p99 on /search went from 140ms to 1.9s after the 4.2 release
Assistant: The new facet counting does a `COUNT(*) ... GROUP BY` per facet, 11 round trips, and the planner switched to a seq scan on `listing_attrs` once the table passed ~40M rows because stats on `attr_key` were stale. After `ANALYZE`, raising the statistics target on that column and batching the facets into one query with `GROUPING SETS`, p99 is 180ms in the load test.
User: confirmed in staging. before: p50 92ms p95 610ms p99 1900ms. after: p50 61ms p95 120ms p99 182ms''', '''put the before/after numbers in a markdown table for the PR description'''))

add(1, mt('''User: rename `user_id` to `account_id` in `reports/weekly.py`, it's just local variables
Assistant: Renamed the 6 occurrences in `build_weekly_report` and `_rows_for`; nothing outside the module referenced them.''', '''the docstring on _rows_for still says user_id'''))

add(1, '''log the order id in this error too

```java
} catch (PaymentDeclinedException e) {
    log.warn("payment declined: {}", e.getReason());
    return Result.declined(e.getReason());
}
```''')

add(1, '''把这个函数里的变量名都改成驼峰命名，逻辑不要动

```js
function calc_cart_total(cart_items, tax_rate) {
  let sub_total = 0;
  for (const cart_item of cart_items) {
    sub_total += cart_item.unit_price * cart_item.qty;
  }
  const tax_amount = sub_total * tax_rate;
  return { sub_total, tax_amount, grand_total: sub_total + tax_amount };
}
```''')

add(1, '''Kannst du die Button-Beschriftungen in dieser Komponente ins Englische übersetzen? Nur die sichtbaren Texte.

```tsx
export function ConfirmDialog({ onOk, onCancel }: Props) {
  return (
    <div className="dialog">
      <p>Möchten Sie die Änderungen wirklich verwerfen?</p>
      <button onClick={onCancel}>Abbrechen</button>
      <button onClick={onOk}>Verwerfen</button>
    </div>
  );
}
```''')

add(1, '''このファイルのコメントを全部英語に翻訳してください。コードはそのままで。

```python
# 設定ファイルを読み込む
def load_config(path):
    # ファイルが存在しない場合はデフォルト値を返す
    if not os.path.exists(path):
        return DEFAULTS.copy()
    with open(path) as f:
        # YAMLとしてパースする
        return yaml.safe_load(f)
```''')

add(1, '''adiciona docstrings nessas funções, pode ser em inglês

```python
def normalizar_cpf(cpf):
    return "".join(c for c in cpf if c.isdigit())

def formatar_cpf(cpf):
    d = normalizar_cpf(cpf)
    return f"{d[:3]}.{d[3:6]}.{d[6:9]}-{d[9:]}"
```''')

add(1, "renomme `calc` en `calculer_total` dans utils/panier.py, elle n'est appelée que dans ce fichier")

add(1, "put an eslint-disable-next-line for react-hooks/exhaustive-deps on line 42 of useFilters.ts, it's intentional")

add(1, '''change the validation message from "Bad input" to "Please enter a valid email address."

```ruby
validates :email, format: { with: URI::MailTo::EMAIL_REGEXP, message: "Bad input" }
```''')

add(1, '''shellcheck is yelling, fix the warnings

```bash
#!/usr/bin/env bash
set -euo pipefail
cd $BUILD_DIR
for f in $(ls *.tar.gz); do
  tar -xzf $f -C $OUT_DIR
done
echo "extracted to $OUT_DIR"
```

```
In deploy.sh line 3:
cd $BUILD_DIR
^-----------^ SC2164: Use 'cd ... || exit' or 'cd ... || return' in case cd fails.
   ^--------^ SC2086: Double quote to prevent globbing and word splitting.
In deploy.sh line 4:
for f in $(ls *.tar.gz); do
         ^-----------^ SC2045: Iterating over ls output is fragile. Use globs.
In deploy.sh line 5:
  tar -xzf $f -C $OUT_DIR
           ^-- SC2086: Double quote to prevent globbing and word splitting.
```''')

add(1, '''format this, uppercase keywords, one clause per line

```sql
select c.id, c.name, count(o.id) as orders, sum(o.total_cents) as revenue from customers c left join orders o on o.customer_id = c.id and o.status = 'paid' where c.created_at >= '2024-01-01' group by c.id, c.name having count(o.id) > 3 order by revenue desc limit 50
```''')

add(1, '''convert to yaml

```json
{
  "service": "thumbnailer",
  "port": 8088,
  "storage": { "bucket": "acme-media", "prefix": "thumbs/", "region": "eu-west-1" },
  "sizes": [64, 128, 256, 512],
  "jpeg_quality": 82,
  "workers": 4
}
```''')

add(1, mt('''User: FastAPI CRUD for Invoice please (customer_id, amount_cents, currency, due_date, status)
Assistant: Added `app/routers/invoice.py` with list/get/create/update/delete, Pydantic models in `app/schemas/invoice.py`, and registered the router in `app/main.py` under `/invoices`.''', '''rename the router file to invoices.py (plural like the others) and fix the import in main.py'''))

add(1, '''pin everything in requirements.txt to what's installed:

```
# requirements.txt
fastapi
uvicorn[standard]
sqlalchemy
psycopg[binary]
pydantic-settings
httpx
```

```
$ pip freeze | grep -iE 'fastapi|uvicorn|sqlalchemy|psycopg|pydantic-settings|httpx'
fastapi==0.111.0
httpx==0.27.0
psycopg==3.1.19
psycopg-binary==3.1.19
pydantic-settings==2.3.3
SQLAlchemy==2.0.30
uvicorn==0.30.1
```''')

add(1, '''add doc comments to the exported stuff, golint style

```go
package ratelimit

import (
	"sync"
	"time"
)

type Bucket struct {
	mu       sync.Mutex
	capacity int
	tokens   float64
	rate     float64
	last     time.Time
}

func New(capacity int, perSecond float64) *Bucket {
	return &Bucket{
		capacity: capacity,
		tokens:   float64(capacity),
		rate:     perSecond,
		last:     time.Now(),
	}
}

func (b *Bucket) refill(now time.Time) {
	elapsed := now.Sub(b.last).Seconds()
	b.tokens += elapsed * b.rate
	if b.tokens > float64(b.capacity) {
		b.tokens = float64(b.capacity)
	}
	b.last = now
}

func (b *Bucket) Allow() bool {
	return b.AllowN(1)
}

func (b *Bucket) AllowN(n int) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refill(time.Now())
	if b.tokens >= float64(n) {
		b.tokens -= float64(n)
		return true
	}
	return false
}

func (b *Bucket) Tokens() float64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refill(time.Now())
	return b.tokens
}

func (b *Bucket) Reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.tokens = float64(b.capacity)
	b.last = time.Now()
}

type Registry struct {
	mu      sync.Mutex
	buckets map[string]*Bucket
	cap     int
	rate    float64
}

func NewRegistry(capacity int, perSecond float64) *Registry {
	return &Registry{buckets: map[string]*Bucket{}, cap: capacity, rate: perSecond}
}

func (r *Registry) For(key string) *Bucket {
	r.mu.Lock()
	defer r.mu.Unlock()
	b, ok := r.buckets[key]
	if !ok {
		b = New(r.cap, r.rate)
		r.buckets[key] = b
	}
	return b
}
```''')

add(1, '''replace the hardcoded strings with t() calls, make up keys like `profile.xxx`. I'll do the actual translations later

```tsx
import { useTranslation } from "react-i18next";

export default function ProfileCard({ user, onEdit, onLogout }: Props) {
  const { t } = useTranslation();
  return (
    <section className="profile-card">
      <header>
        <h2>Your profile</h2>
        <button onClick={onEdit}>Edit</button>
      </header>
      <dl>
        <dt>Name</dt>
        <dd>{user.displayName}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Member since</dt>
        <dd>{formatDate(user.createdAt)}</dd>
        <dt>Plan</dt>
        <dd>{user.plan === "pro" ? "Pro" : "Free"}</dd>
      </dl>
      {user.plan !== "pro" && (
        <p className="upsell">
          Upgrade to Pro to unlock unlimited projects.
          <a href="/pricing">See plans</a>
        </p>
      )}
      <footer>
        <button className="danger" onClick={onLogout}>
          Log out
        </button>
      </footer>
    </section>
  );
}
```''')

add(1, '''file-scoped namespace + drop the unused usings

```csharp
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Acme.Inventory.Domain;

namespace Acme.Inventory.Services
{
    public class StockLevelFormatter
    {
        public string Format(StockLevel level)
        {
            if (level.OnHand <= 0)
            {
                return "Out of stock";
            }
            if (level.OnHand < level.ReorderPoint)
            {
                return $"Low ({level.OnHand})";
            }
            return level.OnHand.ToString();
        }
    }
}
```''')

add(1, '''add return types, they're obvious from the bodies

```php
class CouponService
{
    public function __construct(private CouponRepository $repo) {}

    public function find(string $code)
    {
        return $this->repo->findByCode(strtoupper($code));
    }

    public function isExpired(Coupon $c)
    {
        return $c->expiresAt < new \\DateTimeImmutable();
    }

    public function discountLabel(Coupon $c)
    {
        return $c->percent . '% off';
    }

    public function all()
    {
        return $this->repo->findAll();
    }
}
```''')

add(1, '''old hash rocket syntax -> new style wherever keys are symbols

```ruby
render :json => { :status => "ok", :count => items.size }, :status => 200
redirect_to root_path, :notice => "Saved"
link_to "Edit", edit_post_path(@post), :class => "btn", :data => { :turbo => false }
```''')

add(1, mt('''User: why do checkout requests pile up at 09:00 every day?
Assistant: The 09:00 batch job opens ~180 connections through the same PgBouncer pool (default_pool_size=20) that the API uses, so API requests wait for a server connection. I'd give the batch job its own pool/user and size the API pool at 40; with 6 pods × 40 = 240 you're still under max_connections=300 with headroom for migrations.
User: agreed, let's go with 40''', '''ok set it to 40 in deploy/pgbouncer.ini'''))

add(1, mt('''User: (long session debugging why the cache-aside layer served stale prices for up to 10 minutes after an update — turned out the invalidation message was published before the DB transaction committed, so readers repopulated the cache with the old row; fixed by publishing from an after-commit hook)
Assistant: ...fix merged, integration test added.''', '''write the PR description. sections: Problem, Root cause, Fix, Testing'''))

add(1, "suggest a branch name and commit message for the typo fix in the onboarding email template")

add(1, '''typo in the log message: "Retying" -> "Retrying"

```go
log.Printf("Retying upload %s (attempt %d/%d)", key, attempt, maxAttempts)
```''')

add(1, "add a TODO above the header-parsing hack in parse_header() referencing JIRA PLAT-4412, something like 'remove once upstream proxy is fixed'")

add(1, "throughout OrderServiceTest.java swap `assertEquals(true, x)` for `assertTrue(x)` and `assertEquals(false, x)` for `assertFalse(x)`")

add(1, "switch the relative imports in src/features/** to the `@/` alias, tsconfig already has the paths mapping")

add(1, "generate an .editorconfig: 2 spaces, LF, utf-8, trim trailing whitespace, final newline; tabs for Makefiles and .go files")

add(1, '''add include guards to these two headers

```c
/* ring_buffer.h */
#include <stddef.h>
typedef struct ring_buffer ring_buffer;
ring_buffer *rb_create(size_t cap);
void rb_destroy(ring_buffer *rb);
int rb_push(ring_buffer *rb, unsigned char b);
int rb_pop(ring_buffer *rb, unsigned char *out);
```

```c
/* crc16.h */
#include <stdint.h>
#include <stddef.h>
uint16_t crc16_ccitt(const uint8_t *data, size_t len);
```''')

add(1, '''NULL -> nullptr in this file, and `typedef` -> `using`

```cpp
typedef std::map<std::string, Handler*> HandlerMap;
typedef void (*Callback)(int);

Handler* Router::find(const std::string& path) {
    HandlerMap::iterator it = handlers_.find(path);
    if (it == handlers_.end()) return NULL;
    return it->second;
}

void Router::setFallback(Callback cb) {
    fallback_ = cb != NULL ? cb : NULL;
}
```''')

add(1, '''rename `vc` to `settingsViewController`, it's private to this class

```swift
final class AppCoordinator {
    private let nav: UINavigationController
    private var vc: SettingsViewController?

    init(nav: UINavigationController) { self.nav = nav }

    func showSettings() {
        let vc = SettingsViewController(viewModel: .init())
        self.vc = vc
        nav.pushViewController(vc, animated: true)
    }

    func dismissSettings() {
        vc?.dismiss(animated: true)
        vc = nil
    }
}
```''')

add(1, '''add KDoc to the public functions

```kotlin
object PhoneFormat {
    fun digitsOnly(raw: String): String = raw.filter { it.isDigit() }

    fun toE164(raw: String, defaultCountry: String = "1"): String {
        val d = digitsOnly(raw)
        return if (d.length == 10) "+$defaultCountry$d" else "+$d"
    }

    fun mask(e164: String): String =
        e164.dropLast(4).map { if (it.isDigit()) '•' else it }.joinToString("") + e164.takeLast(4)
}
```''')

add(1, "rename the env var FOO_URL to BILLING_API_URL in docker-compose.yml, .env.example and config.py. it's only read in config.py")

add(1, mt('''User: write pytest tests for `parse_money`
Assistant: Added tests/test_money.py with 9 tests: plain integers, decimals, thousands separators, negative amounts in parentheses, currency symbols, whitespace, empty string, garbage input, and too many decimal places.''', '''rename them to the test_<thing>_<condition>_<expected> convention we use, don't change the bodies'''))

add(1, '''docstring for this one please

```python
def merge_intervals(intervals):
    if not intervals:
        return []
    intervals = sorted(intervals, key=lambda iv: iv[0])
    merged = [list(intervals[0])]
    for start, end in intervals[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [tuple(iv) for iv in merged]
```''')

add(1, mt('''User: why do we get a thundering herd on the product cache every hour on the hour?
Assistant: All keys are written with the same 3600s TTL during the nightly warmup, so they expire together and every pod misses at once and hits Postgres. Options: add jitter to the TTL (±10%), use probabilistic early refresh (XFetch) on hot keys, and add a per-key singleflight so only one request per pod recomputes. Jitter + singleflight is enough for your traffic; XFetch only if the top 1% keys still spike.''', '''cool, summarize that in 3 bullets i can paste in slack'''))

add(1, '''make this a markdown table (method | path | auth | description)

GET /v1/projects - list projects, needs token
POST /v1/projects - create a project, needs token + admin
GET /v1/projects/{id} - fetch one, needs token
DELETE /v1/projects/{id} - delete, admin only
GET /v1/health - health check, public''')

add(1, "the dev-setup link in CONTRIBUTING.md is dead, the page moved to /docs/dev-setup.md — fix the link")

add(1, '''alphabetize the flags in this file, keep the comments attached to their flag

```yaml
flags:
  # new checkout flow, owner: payments
  new_checkout: false
  dark_mode: true
  # rollout tracked in GROW-91
  referral_banner: false
  beta_search: true
  # kill switch, do not remove
  disable_uploads: false
```''')

add(1, "skip test_export_large_csv for now with a reason pointing to issue #812, it's flaky on the arm runners")

add(1, "put @Transactional(readOnly = true) on every get*/find* method in CustomerQueryService, leave the others")

add(1, "set `maxmemory-policy allkeys-lru` in redis/redis.conf, this redis is only used as a page cache")

add(1, '''wrap anything over 100 cols, black-style

```python
response = client.post(f"{BASE_URL}/v2/organizations/{org_id}/members/invite", json={"email": email, "role": role, "send_email": True}, timeout=10)
raise PermissionDenied(f"user {request.user.id} is not allowed to modify organization {org.id} because their role is {membership.role}")
```''')

add(1, "add `Content-Type: application/json` to all the curl examples in docs/api.md that send a body")

add(1, mt('''User: here's the 600-line post-incident doc draft from the on-call channel, we spent all afternoon on this (root cause: a config push set the TLS session cache to 0 on the edge proxies, so every request did a full handshake and CPU pegged; rollback at 14:52 fixed it)
Assistant: (summarized timeline and contributing factors back)''', '''now give me a 5-line executive summary at the top, no jargon'''))

add(1, "move `ROLE_ADMIN`, `ROLE_EDITOR`, `ROLE_VIEWER` string literals in auth/*.ts into one exported const object in auth/roles.ts and use it — same values, nothing else changes")

add(1, '''var -> const/let

```js
var express = require("express");
var router = express.Router();
var cache = {};

router.get("/:id", function (req, res) {
  var id = req.params.id;
  var hit = cache[id];
  if (hit) return res.json(hit);
  var doc = db.find(id);
  cache[id] = doc;
  res.json(doc);
});
```''')

add(1, "add `#[must_use]` to all the builder methods in src/request_builder.rs that return Self")

add(1, "indentation in .gitlab-ci.yml is a mix of tabs and spaces after my merge, normalize to 2 spaces")

add(1, '''add MARK: sections (Lifecycle, Actions, Private) to organize this

```swift
class ReceiptViewController: UIViewController {
    override func viewDidLoad() {
        super.viewDidLoad()
        configureTable()
    }
    @IBAction func shareTapped(_ sender: Any) { presentShareSheet() }
    private func configureTable() { tableView.dataSource = self }
    override func viewWillAppear(_ animated: Bool) {
        super.viewWillAppear(animated)
        reload()
    }
    @IBAction func doneTapped(_ sender: Any) { dismiss(animated: true) }
    private func reload() { tableView.reloadData() }
    private func presentShareSheet() { /* ... */ }
}
```''')

add(1, "Hi! Small one when you have a sec: in the welcome email template the company name is spelled 'Acme Corp.' but legal wants 'ACME Corporation' everywhere in user-facing copy. Could you update templates/emails/*.html? Thanks so much!")

add(1, mt('''User: can you explain what this awk one-liner in the Makefile does?
Assistant: It reads `go.mod`, skips everything until the `require (` line, and prints the module path of each dependency without the version, stopping at the closing paren.''', '''great, add that as a comment above the line'''))

add(1, "the `Makefile` `lint` target should run `ruff check .` instead of `flake8 src tests`")

# ---------------------------------------------------------------- tier 2
add(2, '''tests fail, fix

```
FAILED tests/test_pricing.py::test_bundle_discount - KeyError: 'sku'

    def bundle_discount(lines):
        skus = {line["sku"] for line in lines}
>       ...
E   KeyError: 'sku'

tests/test_pricing.py:31: in test_bundle_discount
    assert bundle_discount([{"SKU": "A1", "qty": 2}, {"SKU": "B7", "qty": 1}]) == 0.1
```

the cart service started sending uppercase keys last sprint, the test fixture was updated to match. make bundle_discount accept both''')

add(2, '''why is this blank

```
TypeError: Cannot read properties of undefined (reading 'map')
    at OrdersTable (OrdersTable.tsx:14:27)
```

```tsx
export function OrdersTable() {
  const { data } = useQuery({ queryKey: ["orders"], queryFn: fetchOrders });
  return (
    <table>
      <tbody>
        {data.items.map((o) => (
          <Row key={o.id} order={o} />
        ))}
      </tbody>
    </table>
  );
}

// api.ts
export async function fetchOrders() {
  const res = await fetch("/api/orders?page=1");
  return res.json(); // { results: [...], next: "/api/orders?page=2" }
}
```''')

add(2, '''```
panic: runtime error: index out of range [5] with length 5

goroutine 1 [running]:
main.movingAverage({0xc000014090, 0x5, 0x5}, 0x3)
        /app/stats.go:11 +0x1b4
```

```go
func movingAverage(xs []float64, w int) []float64 {
	out := []float64{}
	for i := 0; i <= len(xs)-w+1; i++ {
		sum := 0.0
		for j := i; j < i+w; j++ {
			sum += xs[j]
		}
		out = append(out, sum/float64(w))
	}
	return out
}
```''')

add(2, '''can't get this to compile

```rust
fn longest_name(users: &Vec<User>) -> &str {
    let mut best = String::new();
    for u in users {
        if u.name.len() > best.len() {
            best = u.name.clone();
        }
    }
    &best
}
```

```
error[E0515]: cannot return reference to local variable `best`
  --> src/report.rs:9:5
   |
9  |     &best
   |     ^^^^^ returns a reference to data owned by the current function
```''')

add(2, '''NPE in prod, stack below. customers without a default address exist (guest checkout), handle that

```
java.lang.NullPointerException: Cannot invoke "com.acme.shop.Address.getCountry()" because the return value of "com.acme.shop.Customer.getDefaultAddress()" is null
	at com.acme.shop.tax.TaxResolver.resolve(TaxResolver.java:42)
	at com.acme.shop.checkout.CheckoutService.quote(CheckoutService.java:118)
```

```java
public TaxRate resolve(Customer c, Cart cart) {
    String country = c.getDefaultAddress().getCountry();
    return rates.getOrDefault(country, TaxRate.ZERO);
}
```

cart has `getShippingAddress()` which is always set at this point''')

add(2, mt('''User: FastAPI CRUD for Invoice (customer_id, amount_cents, currency, due_date, status), 404 for unknown ids, SQLAlchemy models in app/models
Assistant: Added app/models/invoice.py, app/schemas/invoice.py, app/routers/invoices.py (list with ?status= filter, get, create, patch, delete), registered under /invoices, plus tests/test_invoices.py using the TestClient fixture.''', '''now do the same for orders: customer_id, placed_at, status (pending/paid/shipped/cancelled), total_cents. list should filter by customer_id too'''))

add(2, '''write tests for this — pytest, parametrize where it makes sense

```python
def parse_range_header(value: str, size: int) -> tuple[int, int]:
    if not value.startswith("bytes="):
        raise ValueError("unsupported unit")
    spec = value[len("bytes="):]
    if "," in spec:
        raise ValueError("multiple ranges not supported")
    start_s, _, end_s = spec.partition("-")
    if start_s == "":
        n = int(end_s)
        if n <= 0:
            raise ValueError("empty suffix range")
        return max(size - n, 0), size - 1
    start = int(start_s)
    end = int(end_s) if end_s else size - 1
    if start > end or start >= size:
        raise ValueError("unsatisfiable")
    return start, min(end, size - 1)
```''')

add(2, "GET /api/customers returns all ~80k rows and the admin page times out. add cursor pagination (by id), default 50, max 200, return next_cursor. handler is in api/customers.py")

add(2, '''security flagged this, parameterize it

```php
$sort = $_GET['sort'] ?? 'created_at';
$q = $_GET['q'] ?? '';
$sql = "SELECT id, title, price FROM products WHERE title LIKE '%" . $q . "%' ORDER BY " . $sort . " LIMIT 50";
$rows = $pdo->query($sql)->fetchAll();
```

sort should only allow created_at, price, title''')

add(2, "add express-rate-limit to POST /auth/login: 5 attempts per 15 min per IP, 429 with a JSON error body. redis store since we run 3 instances (we already have an ioredis client in lib/redis.ts)")

add(2, '''we're renaming `Client.listItems()` to `Client.items.list()` in our public TS SDK. keep `listItems` working for the 3.x line: same signature, logs a one-time deprecation warning, JSDoc @deprecated. add a test that the alias still works

```ts
export class Client {
  constructor(private http: Http) {}

  async listItems(params: ListParams = {}): Promise<Page<Item>> {
    return this.http.get("/items", { params });
  }
}
```''')

add(2, '''port this to Go. use net/http + encoding/json, no third-party libs. errors should be returned, not panicked; non-2xx -> error that includes the status code and body

```python
import requests

def fetch_latest_release(owner, repo, token=None):
    headers = {"Accept": "application/vnd.github+json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    r = requests.get(f"https://api.github.com/repos/{owner}/{repo}/releases/latest",
                     headers=headers, timeout=10)
    r.raise_for_status()
    data = r.json()
    return {
        "tag": data["tag_name"],
        "published": data["published_at"],
        "assets": [a["browser_download_url"] for a in data.get("assets", [])],
    }
```''')

add(2, '''convert to async/await, keep the same exported API (it should return a promise now)

```js
function loadUserBundle(userId, cb) {
  db.getUser(userId, (err, user) => {
    if (err) return cb(err);
    db.getPrefs(user.id, (err, prefs) => {
      if (err) return cb(err);
      cache.get(`avatar:${user.id}`, (err, avatar) => {
        if (err) return cb(err);
        cb(null, { user, prefs, avatar: avatar || DEFAULT_AVATAR });
      });
    });
  });
}
```

db and cache both have promise versions: db.getUserAsync, db.getPrefsAsync, cache.getAsync''')

add(2, "need a function that parses an HTTP Link header (`<https://...?page=2>; rel=\"next\", <...>; rel=\"last\"`) into a dict of rel -> url. python, handle extra params and whitespace, ignore malformed parts")

add(2, '''github actions workflow for this repo:
- run on PRs and pushes to main
- matrix python 3.11/3.12
- cache pip
- ruff + pytest with coverage, upload coverage artifact
- on tags v*, build the wheel and publish to PyPI with trusted publishing (only after tests pass)''')

add(2, "multi-stage Dockerfile for cmd/api: build with golang:1.22, static binary (CGO off), final image distroless nonroot, copy the migrations dir too, healthcheck not needed")

add(2, '''sql: monthly active users per plan for the last 6 months. active = at least one row in `events` that month. tables:

```sql
users(id bigint, plan text, created_at timestamptz)
events(id bigint, user_id bigint, name text, occurred_at timestamptz)
```

postgres 15. want month, plan, mau, ordered by month then plan''')

add(2, '''```
ActionView::Template::Error (undefined method `strftime' for nil:NilClass):
    12:   <td><%= sub.renews_on.strftime("%b %-d, %Y") %></td>
```

renews_on is nil for cancelled subscriptions. show "—" for those''')

add(2, '''debug this pls

```
System.InvalidOperationException: Sequence contains no elements
   at System.Linq.ThrowHelper.ThrowNoElementsException()
   at System.Linq.Enumerable.First[TSource](IEnumerable`1 source)
   at Acme.Reports.UsageSummary.Build(IReadOnlyList`1 samples) in UsageSummary.cs:line 23
```

```csharp
public UsageSummary Build(IReadOnlyList<Sample> samples)
{
    var first = samples.OrderBy(s => s.At).First();
    var last = samples.OrderBy(s => s.At).Last();
    return new UsageSummary(first.At, last.At, samples.Sum(s => s.Bytes));
}
```

it's called for every tenant, including ones with no traffic this month''')

add(2, '''```
kotlin.UninitializedPropertyAccessException: lateinit property adapter has not been initialized
    at com.acme.notes.ui.NotesFragment.onNotesLoaded(NotesFragment.kt:58)
```

```kotlin
class NotesFragment : Fragment() {
    private lateinit var adapter: NotesAdapter

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        viewModel.notes.observe(this) { onNotesLoaded(it) }
    }

    override fun onViewCreated(view: View, savedInstanceState: Bundle?) {
        adapter = NotesAdapter()
        view.findViewById<RecyclerView>(R.id.list).adapter = adapter
    }

    private fun onNotesLoaded(notes: List<Note>) {
        adapter.submitList(notes)
    }
}
```''')

add(2, '''crashes when the server returns an error payload

```
Fatal error: Unexpectedly found nil while unwrapping an Optional value
ProfileLoader.swift:27
```

```swift
func decodeProfile(_ data: Data) -> Profile {
    let json = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    let user = json["user"] as! [String: Any]          // line 27
    return Profile(id: user["id"] as! Int,
                   name: user["name"] as! String)
}
```

error responses look like `{"error": "not_found"}`. make it throw instead, and use Codable while you're at it''')

add(2, mt('''User: two workers sometimes both claim the same job from the `jobs` table
Assistant: Both run `SELECT id FROM jobs WHERE status='queued' ORDER BY id LIMIT 1` and then `UPDATE ... SET status='running'` in separate statements, so two workers can read the same row before either updates it. The standard fix is to claim atomically: `SELECT ... FOR UPDATE SKIP LOCKED` inside the same transaction as the UPDATE (or a single `UPDATE ... WHERE id = (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING *`).
User: makes sense, go with the single UPDATE ... RETURNING version''', '''ok implement it in worker/claim.py (psycopg3), and keep the function signature the same'''))

add(2, "add a `phone` field to Customer — optional, E.164 validated. needs: model, alembic migration, pydantic schemas (create/update/read), and the admin form in templates/admin/customer_form.html. add a test for the validation")

add(2, '''this handler is doing too much. pull the validation out into its own function that returns a list of errors, and add unit tests for it

```python
@app.post("/signup")
def signup():
    body = request.get_json() or {}
    errors = []
    email = (body.get("email") or "").strip().lower()
    if not email or "@" not in email:
        errors.append("email is invalid")
    pw = body.get("password") or ""
    if len(pw) < 12:
        errors.append("password must be at least 12 characters")
    if pw.lower() == pw or pw.upper() == pw:
        errors.append("password needs mixed case")
    if body.get("age") is not None and int(body["age"]) < 16:
        errors.append("must be 16 or older")
    if errors:
        return jsonify(errors=errors), 422
    user = create_user(email, pw)
    return jsonify(id=user.id), 201
```''')

add(2, '''orders with an empty status string show up as "pending" in the dashboard, why

```js
function statusLabel(order) {
  if (order.statusCode == 0) return "pending";
  if (order.statusCode == 1) return "paid";
  if (order.statusCode == 2) return "shipped";
  return "unknown";
}
```

(statusCode comes straight from a CSV import so it's a string, and missing values are "")''')

add(2, '''```
./release.sh: line 14: GIT_TAG: unbound variable
```

```bash
#!/usr/bin/env bash
set -euo pipefail

VERSION=$(cat VERSION)
if [[ "${CI:-}" == "true" ]]; then
  GIT_TAG="v${VERSION}"
fi

echo "building ${VERSION}"
docker build -t "acme/api:${VERSION}" .

# tag only on CI
if [[ -n "$GIT_TAG" ]]; then
  git tag "$GIT_TAG" && git push origin "$GIT_TAG"
fi
```

running it locally''')

add(2, '''why does this return None for some inputs

```python
def bucket_for(latency_ms):
    if latency_ms < 100:
        return "fast"
    elif latency_ms < 500:
        return "ok"
    elif latency_ms < 2000:
        return "slow"
    elif latency_ms > 2000:
        return "timeout"
```''')

add(2, '''first page skips the first 20 items, page numbers in the UI start at 1

```ts
export async function listPosts(page: number, pageSize = 20) {
  const offset = page * pageSize;
  return db.post.findMany({ skip: offset, take: pageSize, orderBy: { createdAt: "desc" } });
}
```''')

add(2, '''terraform plan fails:

```
Error: Invalid count argument

  on modules/dns/main.tf line 12, in resource "aws_route53_record" "alias":
  12:   count = length(var.hostnames) > 0 ? length(aws_lb.this.dns_name) : 0

The "count" value depends on resource attributes that cannot be determined until apply
```

I just want one alias record per hostname pointing at the LB''')

add(2, '''add retries to this: exponential backoff with jitter, max 5 attempts, only retry on network errors and 5xx/429 (respect Retry-After on 429). no new deps

```ts
export async function apiFetch<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${BASE}${path}`, init);
  if (!res.ok) throw new HttpError(res.status, await res.text());
  return res.json() as Promise<T>;
}
```''')

add(2, "write a small CLI `csvdiff old.csv new.csv --key id` (python, argparse) that prints added/removed/changed rows; changed rows show which columns differ. exit code 1 if there are differences")

add(2, "implement an LRU cache class in TS with get/put in O(1), capacity in the constructor, and an optional onEvict callback. plus tests with vitest")

add(2, '''add HSTS (1 year, includeSubDomains), a CSP that only allows self + our CDN (cdn.acme.test), X-Content-Type-Options and Referrer-Policy strict-origin-when-cross-origin to this server block

```nginx
server {
    listen 443 ssl http2;
    server_name app.acme.test;
    ssl_certificate     /etc/ssl/app.crt;
    ssl_certificate_key /etc/ssl/app.key;

    location / {
        proxy_pass http://app_upstream;
        proxy_set_header Host $host;
    }
}
```''')

add(2, "move password hashing from salted sha256 to bcrypt (cost 12). existing users: verify with the old scheme and rehash to bcrypt on successful login. code is in accounts/passwords.py and accounts/views.py::login")

add(2, "useDebounce hook pls — value + delay, returns debounced value, cleans up the timer. TS, plus a test with fake timers")

add(2, '''```
Warning: Undefined array key "email" in /var/www/app/src/Newsletter.php on line 19
Fatal error: Uncaught TypeError: strtolower(): Argument #1 ($string) must be of type string, null given
```

```php
public function subscribe(array $input): void
{
    $email = strtolower($input['email']);   // line 19
    if (!filter_var($email, FILTER_VALIDATE_EMAIL)) {
        throw new InvalidArgumentException('invalid email');
    }
    $this->repo->add($email);
}
```

form posts sometimes come without the field if JS is off''')

add(2, '''table-driven tests for this pls

```go
// ParseSize parses sizes like "512", "10k", "1.5M", "2G" (powers of 1024) into bytes.
func ParseSize(s string) (int64, error) {
	s = strings.TrimSpace(strings.ToUpper(s))
	if s == "" {
		return 0, errors.New("empty size")
	}
	mult := int64(1)
	switch s[len(s)-1] {
	case 'K':
		mult = 1 << 10
	case 'M':
		mult = 1 << 20
	case 'G':
		mult = 1 << 30
	}
	if mult != 1 {
		s = s[:len(s)-1]
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 {
		return 0, fmt.Errorf("invalid size %q", s)
	}
	return int64(f * float64(mult)), nil
}
```''')

add(2, mt('''User: add zod validation to POST /projects
Assistant: Added `ProjectCreate` schema in src/schemas/project.ts (name 1–80 chars, visibility enum, optional description ≤ 2000), a `validate(schema)` middleware in src/middleware/validate.ts, and wired it on the POST route. Invalid bodies now get 400 with the flattened zod issues.''', '''same for PUT /projects/:id but every field optional, and at least one must be present'''))

add(2, '''port this middleware to FastAPI. we're dropping express; use whatever is idiomatic there (dependency vs middleware, your call), and map the jsonwebtoken errors to the right HTTP responses

```js
const jwt = require("jsonwebtoken");

module.exports = function requireAuth(req, res, next) {
  const header = req.headers.authorization || "";
  const [scheme, token] = header.split(" ");
  if (scheme !== "Bearer" || !token) {
    return res.status(401).json({ error: "missing_token" });
  }
  try {
    const claims = jwt.verify(token, process.env.JWT_PUBLIC_KEY, {
      algorithms: ["RS256"],
      audience: "api.acme.test",
    });
    req.user = { id: claims.sub, scopes: (claims.scope || "").split(" ") };
    next();
  } catch (err) {
    if (err.name === "TokenExpiredError") {
      return res.status(401).json({ error: "token_expired" });
    }
    return res.status(401).json({ error: "invalid_token" });
  }
};
```''')

add(2, '''make this faster. py-spy says 91% of the time is in `match_orders`, ~40k orders and ~40k payments

```python
def match_orders(orders, payments):
    matched = []
    for o in orders:
        for p in payments:
            if p.reference == o.reference and p.amount_cents == o.total_cents:
                matched.append((o.id, p.id))
                break
    return matched
```''')

add(2, mt('''User: write `top_k_words(text, k)` — case-insensitive, ignore punctuation, ties broken alphabetically
Assistant:
```python
def top_k_words(text, k):
    words = re.findall(r"[a-z']+", text.lower())
    counts = Counter(words)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
```''', '''breaks on this:

```
>>> top_k_words("Don't stop. DON'T!", 1)
[("don't", 2)]
>>> top_k_words("'quoted' words", 2)
[("'quoted'", 1), ('words', 1)]
```

the second one should be `quoted`, strip leading/trailing apostrophes'''))

add(2, '''mypy:

```
app/notifications.py:34: error: Item "None" of "User | None" has no attribute "email"  [union-attr]
```

```python
def notify_owner(project_id: int) -> None:
    owner = users.get(projects.get(project_id).owner_id)   # returns User | None
    send_mail(owner.email, "Your project was updated")
```

owner can legitimately be gone (deleted accounts). log a warning and skip in that case''')

add(2, "rename column `zip` to `postal_code` on `addresses`. only our monolith reads it and we have a maintenance window Sunday, so a plain migration is fine — write the alembic migration (with downgrade) and update the model + the two queries in reports/shipping.py")

add(2, '''```
Exception in thread "main" java.util.ConcurrentModificationException
	at java.base/java.util.ArrayList$Itr.checkForComodification(ArrayList.java:1013)
	at java.base/java.util.ArrayList$Itr.next(ArrayList.java:967)
	at com.acme.cart.Cart.removeExpired(Cart.java:61)
```

```java
public void removeExpired(Instant now) {
    for (LineItem li : items) {
        if (li.reservedUntil().isBefore(now)) {
            items.remove(li);
        }
    }
}
```

single-threaded CLI tool, nothing else touches the cart''')

add(2, '''clicking the button throws `TypeError: Cannot read properties of undefined (reading 'setState')`

```jsx
class UploadPanel extends React.Component {
  state = { files: [] };

  handleDrop(e) {
    e.preventDefault();
    this.setState({ files: [...e.dataTransfer.files] });
  }

  render() {
    return <div className="drop" onDrop={this.handleDrop}>{this.state.files.length} files</div>;
  }
}
```''')

add(2, "k8s manifests for the `notifier` service: Deployment (image ghcr.io/acme/notifier:1.3.0, port 8080, 256Mi/250m requests), Service, HPA 2–10 at 70% cpu, readiness on /ready and liveness on /live with sane timings, and a PodDisruptionBudget minAvailable 1")

add(2, mt('''User: the dashboard tab's memory keeps growing, heap snapshots attached
Assistant: The retained set is dominated by `ChartWidget` instances from previous route visits. Each mount calls `window.addEventListener("resize", this.onResize)` with a bound function created in the constructor, but `componentWillUnmount` calls `removeEventListener("resize", this.onResize.bind(this))` — a new function, so the listener is never removed and each unmounted widget stays reachable through it.
User: oh wow''', '''patch it, and add a test that mounts/unmounts 10 times and asserts the resize listener count is back to 0'''))

add(2, "migrate src/utils/dates.ts, src/components/Calendar.tsx and src/reports/range.ts from moment to date-fns. keep behavior identical incl. the local-timezone formatting; update package.json and remove moment")

add(2, '''segfaults on some names

```c
char *dup_upper(const char *s) {
    size_t n = strlen(s);
    char *out = malloc(n);
    for (size_t i = 0; i < n; i++)
        out[i] = toupper((unsigned char)s[i]);
    out[n] = '\\0';
    return out;
}
```

valgrind: `Invalid write of size 1 ... 0 bytes after a block of size 7 alloc'd` at the `out[n] = '\\0'` line''')

add(2, '''escribe tests unitarios para esta función con JUnit 5, cubriendo los casos límite

```java
public static String maskIban(String iban) {
    if (iban == null) throw new IllegalArgumentException("iban is null");
    String compact = iban.replace(" ", "");
    if (compact.length() < 8) return compact;
    return compact.substring(0, 4) + "*".repeat(compact.length() - 8) + compact.substring(compact.length() - 4);
}
```''')

add(2, '''UnboundLocalError, why?

```
  File "sync.py", line 22, in sync_batch
    total += len(batch)
UnboundLocalError: cannot access local variable 'total' where it is not associated with a value
```

```python
total = 0

def sync_batch(batch):
    push(batch)
    total += len(batch)
    return total
```

I want a running total across calls. don't want a global if there's a cleaner way''')

# ---------------------------------------------------------------- tier 3
add(3, '''why does this hang sometimes? most runs finish in ~2s, maybe 1 in 30 just sits there forever until the job timeout kills it

```go
func fetchAll(ctx context.Context, urls []string) ([]Result, error) {
	results := make(chan Result)
	errs := make(chan error)
	sem := make(chan struct{}, 8)

	for _, u := range urls {
		go func(u string) {
			sem <- struct{}{}
			defer func() { <-sem }()
			r, err := fetch(ctx, u)
			if err != nil {
				errs <- err
				return
			}
			results <- r
		}(u)
	}

	var out []Result
	for range urls {
		select {
		case r := <-results:
			out = append(out, r)
		case err := <-errs:
			return nil, err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return out, nil
}
```

the caller retries fetchAll on error with the same ctx''')

add(3, '''our aiohttp service freezes completely for 20-40s a few times a day. health checks fail during it, k8s restarts some pods. CPU is low during the freeze. no errors logged. nothing obvious in the handlers, mostly db calls via asyncpg and a couple of calls to the pricing service. where do I even start''')

add(3, mt('''User: wrap the call to the payment provider in a retry (3 attempts, backoff)
Assistant: Done — `charge()` now retries on `httpx.TimeoutException` and 5xx with 0.5s/1s/2s backoff.''', '''since that shipped finance says a handful of customers got charged twice last week. didn't happen before. the provider dashboard shows two separate successful charges a few seconds apart'''))

add(3, '''getting these every few hours, always the same two statements. what's going on and what's the right fix

```
ERROR:  deadlock detected
DETAIL:  Process 48211 waits for ShareLock on transaction 99102331; blocked by process 48305.
        Process 48305 waits for ShareLock on transaction 99102327; blocked by process 48211.
HINT:  See server log for query details.
CONTEXT:  while updating tuple (1822,14) in relation "inventory"
STATEMENT:  UPDATE inventory SET reserved = reserved + $1 WHERE sku = $2 AND warehouse_id = $3
```

the reservation code loops over the cart lines in the order the customer added them and runs that UPDATE for each, all in one transaction. there's also a nightly rebalancer that does bulk updates on inventory but the deadlocks happen mid-day too''')

add(3, '''```
java.lang.OutOfMemoryError: Metaspace
	at java.base/java.lang.ClassLoader.defineClass1(Native Method)
	at java.base/java.lang.ClassLoader.defineClass(ClassLoader.java:1017)
	at org.codehaus.groovy.runtime.callsite.CallSiteClassLoader.defineClassAndGetConstructor(...)
```

rules engine service, dies after roughly 3 days uptime. heap looks flat in grafana. we evaluate customer-defined Groovy rules per request via GroovyShell. restarts "fix" it''')

add(3, "p99 on the orders API jumped from ~80ms to ~900ms after upgrading from Spring Boot 3.1 to 3.3. p50 barely moved. no code changes besides the version bump. what would you look at first, and in what order?")

add(3, '''can you review this for security issues before we ship? it's the middleware every internal admin route goes through

```ts
import jwt from "jsonwebtoken";
import { Request, Response, NextFunction } from "express";

const SECRET = process.env.JWT_SECRET || "dev-secret";

export function adminOnly(req: Request, res: Response, next: NextFunction) {
  const token = (req.headers.authorization || "").replace("Bearer ", "") || (req.query.token as string);
  if (!token) return res.status(401).send("no token");

  const decoded: any = jwt.decode(token, { complete: true });
  if (!decoded) return res.status(401).send("bad token");

  const alg = decoded.header.alg;
  let claims: any;
  try {
    claims = jwt.verify(token, SECRET, { algorithms: [alg] });
  } catch (e: any) {
    return res.status(401).send(`invalid token: ${e.message}`);
  }

  if (claims.role && claims.role.includes("admin")) {
    (req as any).user = claims;
    return next();
  }
  if (req.headers["x-internal"] === "1") {
    (req as any).user = { id: "internal", role: "admin" };
    return next();
  }
  return res.status(403).send("forbidden");
}
```''')

add(3, "one kafka topic per tenant or one shared topic keyed by tenant_id? ~400 tenants now, maybe 5k in two years, a few of them are 100x bigger than the median")

add(3, "Just rename the `order-events` Kafka topic to `orders.v1`. billing, fulfilment and the analytics sink all consume it, fulfilment relies on per-order ordering, and we can't pause producers.")

add(3, '''set hikari maximumPoolSize so we stop getting "Connection is not available, request timed out after 30000ms". context: 12 pods today, HPA goes up to 30, postgres max_connections=200 (RDS), and the reporting service shares the same DB. currently maximumPoolSize=50''')

add(3, "We keep getting `could not serialize access due to concurrent update` on the booking flow. Can I just switch the transaction isolation from REPEATABLE READ to READ COMMITTED? What breaks if I do?")

add(3, '''write a test that reliably reproduces the stock going negative. it happens in prod maybe twice a week, never locally

```python
def reserve(sku: str, qty: int) -> bool:
    item = Inventory.objects.get(sku=sku)
    if item.available < qty:
        return False
    item.available -= qty
    item.save(update_fields=["available"])
    return True
```

django 4.2 + postgres, gunicorn with 4 sync workers per pod''')

add(3, '''port this to Rust. it's the in-process metrics aggregator, called from many threads in the Python version

```python
class Aggregator:
    def __init__(self):
        self.counts = {}
        self.hist = {}

    def incr(self, key, n=1):
        self.counts[key] = self.counts.get(key, 0) + n

    def observe(self, key, value):
        self.hist.setdefault(key, []).append(value)

    def flush(self):
        counts, hist = self.counts, self.hist
        self.counts, self.hist = {}, {}
        return counts, hist
```

flush() runs every 10s on a timer thread; incr/observe are called from the request threads. never had a problem with it in python''')

add(3, '''add a comment to invalidate() explaining why users sometimes still see the old avatar for a few minutes after changing it

```python
class AvatarCache:
    def __init__(self, redis, store):
        self.redis = redis
        self.store = store

    def get(self, user_id):
        key = f"avatar:{user_id}"
        url = self.redis.get(key)
        if url is None:
            url = self.store.load_avatar_url(user_id)   # read replica
            self.redis.set(key, url, ex=600)
        return url

    def invalidate(self, user_id):
        self.redis.delete(f"avatar:{user_id}")

def change_avatar(user_id, new_url, cache, db):
    db.update_avatar(user_id, new_url)     # primary
    cache.invalidate(user_id)
```''')

add(3, '''we added an index to speed this up and it got SLOWER (200ms -> 4s). plans before/after:

```
-- before
Limit  (cost=0.56..812.33 rows=20) (actual time=0.09..198.4 rows=20 loops=1)
  ->  Index Scan using events_tenant_created_idx on events  (actual rows=20 loops=1)
        Index Cond: ((tenant_id = 42) AND (created_at > now() - '7 days'::interval))
        Filter: (kind = 'purchase')
        Rows Removed by Filter: 31877

-- after (new index: events_kind_idx on events(kind))
Limit  (cost=0.44..301.10 rows=20) (actual time=4021.7..4022.0 rows=20 loops=1)
  ->  Index Scan Backward using events_created_idx on events  (actual rows=20 loops=1)
        Filter: ((tenant_id = 42) AND (kind = 'purchase') AND (created_at > ...))
        Rows Removed by Filter: 9412203
```

query: `SELECT * FROM events WHERE tenant_id = $1 AND kind = 'purchase' AND created_at > now() - interval '7 days' ORDER BY created_at DESC LIMIT 20`''')

add(3, "users randomly get logged out, but only in prod behind the ALB. locally and in staging (single instance) never. session cookie looks fine in devtools when it happens. express-session with the default store, 4 instances")

add(3, '''the nightly report json is occasionally truncated (invalid JSON, cuts off mid-object). it's written by a cron container and read by the API container, same EFS volume. writer:

```python
def write_report(path, data):
    with open(path, "w") as f:
        json.dump(data, f)
```

reader just does json.load on the same path on each request. it doesn't happen every night, maybe once a week''')

add(3, '''test_schedule_overlap fails on CI every few days, and I've seen it fail locally exactly once:

```
>       assert conflicts == []
E       AssertionError: assert [Conflict(a='standup', b='retro')] == []
```

```python
def test_schedule_overlap():
    cal = Calendar(tz="Europe/Berlin")
    cal.add("standup", start=datetime.now().replace(hour=9, minute=0), minutes=15)
    cal.add("retro", start=datetime.now().replace(hour=9, minute=15), minutes=60)
    conflicts = cal.conflicts()
    assert conflicts == []
```

CI runners are UTC, I'm in Berlin, so I assumed timezones, but then it'd fail every time? rerun always passes''')

add(3, "how should we do multi-region for the payments ledger? today it's one postgres primary in eu-west-1 with a replica. business wants the EU and US regions to keep accepting payments if the other one is down, and finance needs the ledger to never double-spend a balance.")

add(3, '''node service heap grows ~50MB/hour until OOMKilled (1.5GB limit). happens on every pod. here's the caching bit, which is the only stateful thing I can think of

```js
const cache = new Map();

async function getPriceQuote(req) {
  const key = req.query;                      // { sku, qty, currency }
  if (cache.has(key)) return cache.get(key);
  const quote = await pricing.quote(req.query.sku, Number(req.query.qty), req.query.currency);
  cache.set(key, quote);
  setTimeout(() => cache.delete(key), 60_000);
  return quote;
}
```

hit rate on it looks weirdly like 0% in our metrics too''')

add(3, '''this tokio service stalls under load — requests pile up, CPU is low, then it recovers

```rust
pub struct Sessions {
    inner: tokio::sync::Mutex<HashMap<String, Session>>,
    http: reqwest::Client,
}

impl Sessions {
    pub async fn touch(&self, id: &str) -> anyhow::Result<()> {
        let mut map = self.inner.lock().await;
        let s = map.get_mut(id).ok_or_else(|| anyhow!("unknown session"))?;
        if s.needs_refresh() {
            let tok = self.http.post(&s.refresh_url).send().await?.json::<Token>().await?;
            s.token = tok;
        }
        s.last_seen = Instant::now();
        Ok(())
    }
}
```

the refresh endpoint sometimes takes a few seconds''')

add(3, '''can you do a security pass over our container setup? Dockerfile + deployment below

```dockerfile
FROM python:3.12
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
ENV AWS_ACCESS_KEY_ID=AKIA... AWS_SECRET_ACCESS_KEY=...
EXPOSE 8000
CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]
```

```yaml
spec:
  hostNetwork: true
  containers:
    - name: api
      image: registry.acme.test/api:latest
      securityContext:
        privileged: true
      volumeMounts:
        - name: docker-sock
          mountPath: /var/run/docker.sock
  volumes:
    - name: docker-sock
      hostPath:
        path: /var/run/docker.sock
```''')

add(3, "is this refresh token flow safe? access token 15 min in memory, refresh token 30 days in localStorage, /refresh returns a new access token but reuses the same refresh token. logout just deletes it client side.")

add(3, "team of 6, django monolith, billing is getting hairy. worth splitting billing into its own service or not? what would make you say yes")

add(3, mt('''User: POST /orders in express + prisma, body has items[] and an Idempotency-Key header
Assistant: Added the route: it looks up `idempotencyKey` in the orders table, returns the existing order if found, otherwise creates the order and its items in a transaction.''', '''we're seeing duplicate orders with the same idempotency key when the mobile app retries on flaky connections — both requests return 201'''))

add(3, '''crashes only in release builds (-O2). debug is fine, ASan on debug is clean. happens in maybe 1 of 20 runs of the integration suite

```cpp
class Worker {
public:
    void start() {
        running_ = true;
        thread_ = std::thread([this] {
            while (running_) {
                if (auto job = queue_.try_pop()) process(*job);
            }
        });
    }
    void stop() {
        running_ = false;
        thread_.join();
    }
private:
    bool running_ = false;
    std::thread thread_;
    JobQueue queue_;
};
```

sometimes it's a crash, sometimes stop() just never returns''')

add(3, '''UI freezes occasionally during sync, app has to be killed. can't reproduce on demand

```swift
final class SyncEngine {
    private let queue = DispatchQueue(label: "sync")
    private var pending: [Change] = []

    func enqueue(_ c: Change) {
        queue.sync { pending.append(c) }
    }

    func flush(completion: @escaping () -> Void) {
        queue.async {
            let batch = self.pending
            self.pending.removeAll()
            self.upload(batch)
            DispatchQueue.main.sync {
                self.notifyObservers(batch)
            }
            completion()
        }
    }
}
```

enqueue is called from view models (main thread)''')

add(3, '''sometimes the merged list is missing a few items. not every time

```kotlin
suspend fun loadAll(ids: List<String>): List<Item> = coroutineScope {
    val out = mutableListOf<Item>()
    ids.chunked(50).forEach { chunk ->
        launch(Dispatchers.IO) {
            out.addAll(api.fetch(chunk))
        }
    }
    out
}
```''')

add(3, '''after the first request, every request to this endpoint hangs forever. ASP.NET (.NET Framework 4.8, not core)

```csharp
public class RatesController : ApiController
{
    public IHttpActionResult Get(string currency)
    {
        var rate = _client.GetRateAsync(currency).Result;
        return Ok(rate);
    }
}

// RatesClient
public async Task<decimal> GetRateAsync(string currency)
{
    var json = await _http.GetStringAsync($"/rates/{currency}");
    return Parse(json);
}
```

actually sometimes the first one hangs too''')

add(3, '''consumer group keeps rebalancing, lag climbs to millions then slowly drains, then again. logs:

```
[Consumer clientId=enricher-3, groupId=enricher] Member enricher-3-4f1a sending LeaveGroup request to coordinator due to consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms
[Consumer clientId=enricher-1, groupId=enricher] Request joining group due to: group is already rebalancing
[Consumer clientId=enricher-1, groupId=enricher] Revoke previously assigned partitions enriched-events-3, enriched-events-7
[Consumer clientId=enricher-2, groupId=enricher] Successfully joined group with generation Generation{generationId=4412, ...}
```

max.poll.records=500, each record does an HTTP call to geo-lookup (usually 20ms, p99 ~3s). we already bumped max.poll.interval.ms once and it just took longer to start happening''')

add(3, '''生产环境偶尔会出现同一笔订单被扣两次款的情况，只在晚上高峰期出现，测试环境从来没复现过。我们的支付回调接口是这样写的：

```python
@app.post("/callback/pay")
def pay_callback(payload: dict):
    order = Order.get(payload["order_no"])
    if order.status == "PAID":
        return "ok"
    wallet.debit(order.user_id, order.amount)
    order.status = "PAID"
    order.save()
    return "ok"
```

支付平台在超时的时候会重发回调。帮忙分析一下原因和正确的修法''')

add(3, "look at services/ingest and services/billing and figure out why the usage totals they report differ by ~0.5% for the same tenant and month. ingest counts from the raw event stream, billing aggregates hourly rollups. it's always billing that's lower")

add(3, '''add logging so we can catch when a user ends up seeing someone else's cart. it happened to two customers this week, support has screenshots. we can't reproduce it

```python
# flask app, gunicorn --threads 8
_current = {}

@app.before_request
def load_user():
    _current["user"] = User.from_session(session)

def current_user():
    return _current["user"]

@app.get("/cart")
def cart():
    return render_template("cart.html", cart=Cart.for_user(current_user()))
```''')

add(3, "the nightly ETL went from 20 min to almost 3h after we upgraded pandas 1.5 -> 2.2 and pyarrow. same data volume. no code changes apart from fixing two deprecation warnings. how would you narrow this down")

add(3, "I need to set `maxmemory-policy allkeys-lru` on our redis — it's hitting maxmemory. Same instance also backs Sidekiq and the rate limiter. Is that going to bite us?")

add(3, mt('''User: add a `created_by` column to `documents`
Assistant: Added the Alembic migration (nullable UUID FK to users) and updated the model and the create endpoint.''', '''ok but it's a 900M row table and the migration has been holding a lock on prod for 10 minutes and writes are timing out. how do we get out of this and how should we have done it'''))

add(3, '''Just put a comment above lease() for the reviewer — what the loop does, and while you're at it why it sometimes hands the same token to two clients.

```java
public class TokenPool {
    private final Deque<String> free = new ArrayDeque<>();
    private final Set<String> leased = ConcurrentHashMap.newKeySet();

    public String lease() {
        while (true) {
            String t = free.peekFirst();
            if (t == null) { refill(); continue; }
            if (leased.add(t)) {
                free.pollFirst();
                return t;
            }
        }
    }

    public void release(String t) {
        leased.remove(t);
        free.addLast(t);
    }
}
```

lease/release are called from the servlet threads''')

# ---------------------------------------------------------------- extra boundary items
add(1, mt('''User: explain why the counter in metrics.py drifts when we run it with 8 threads
Assistant: `self.count += 1` is a read-modify-write; the GIL can switch threads between the LOAD and the STORE, so two increments can collapse into one. Use a lock, or `itertools.count()` whose `next()` is atomic in CPython, or per-thread counters summed on read.
User: lock version it is, done, tests green''', '''thx. what's the pytest flag to stop at the first failure again'''))

add(1, "run prettier on just the files changed in this branch and amend the last commit, no message change")

add(1, mt('''User: rename `fetchData` to `loadDashboardMetrics` in Dashboard.tsx
Assistant: Renamed the function and its 3 call sites in Dashboard.tsx.''', '''actually revert that, keep the old name'''))

add(2, mt('''User: what's the standard way to verify the webhooks from our payment provider?
Assistant: They sign `timestamp + "." + raw_body` with HMAC-SHA256 using your endpoint secret and send `X-Signature: t=<unix>,v1=<hex>`. Verify against the raw bytes (before JSON parsing), compare in constant time, and reject timestamps older than 5 minutes to limit replay.''', '''write that as net/http middleware in Go, secret from env WEBHOOK_SECRET, 400 on malformed header, 401 on bad signature or stale timestamp. tests too'''))

add(2, '''the /authors page runs 301 queries (django-debug-toolbar), fix it

```python
def authors(request):
    authors = Author.objects.order_by("name")[:100]
    rows = []
    for a in authors:
        rows.append({
            "name": a.name,
            "publisher": a.publisher.name,
            "books": [b.title for b in a.books.all()],
        })
    return render(request, "authors.html", {"rows": rows})
```''')

# ---------------------------------------------------------------- long pastes
add(1, '''add YARD docs to every public method. don't change any code

```ruby
module Billing
  class UsageMeter
    attr_reader :account_id, :period_start, :period_end

    def initialize(account_id:, period_start:, period_end:, store: UsageStore.new)
      @account_id = account_id
      @period_start = period_start
      @period_end = period_end
      @store = store
    end

    def record(metric, quantity, at: Time.now.utc)
      raise ArgumentError, "quantity must be positive" unless quantity.positive?
      @store.append(account_id, metric, quantity, at)
    end

    def total(metric)
      @store.sum(account_id, metric, period_start, period_end)
    end

    def totals
      @store.metrics(account_id).each_with_object({}) do |m, acc|
        acc[m] = total(m)
      end
    end

    def over_limit?(metric, limit)
      total(metric) > limit
    end

    def percent_used(metric, limit)
      return 0.0 if limit.zero?
      (total(metric).to_f / limit * 100).round(1)
    end

    def reset!(metric)
      @store.delete(account_id, metric, period_start, period_end)
    end

    def to_h
      {
        account_id: account_id,
        period: [period_start.iso8601, period_end.iso8601],
        totals: totals
      }
    end

    private

    def within_period?(time)
      time >= period_start && time < period_end
    end
  end
end
```''')

add(1, '''add `tags = local.common_tags` to every resource below that supports tags, and define the local (team = "platform", env = var.env, managed_by = "terraform")

```hcl
variable "env" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_subnet" "private_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "private_b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.2.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_security_group" "db" {
  name   = "db-${var.env}"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }
}

resource "aws_db_subnet_group" "db" {
  name       = "db-${var.env}"
  subnet_ids = [aws_subnet.private_a.id, aws_subnet.private_b.id]
}

resource "aws_db_instance" "main" {
  identifier             = "app-${var.env}"
  engine                 = "postgres"
  engine_version         = "16.3"
  instance_class         = "db.t4g.medium"
  allocated_storage      = 100
  db_subnet_group_name   = aws_db_subnet_group.db.name
  vpc_security_group_ids = [aws_security_group.db.id]
  skip_final_snapshot    = false
}
```''')

add(2, '''posts already have soft delete (deleted_at, excluded from list/get, DELETE sets the timestamp, POST /:id/restore undoes it). do the same for comments. comments router below, the prisma schema has `deletedAt DateTime?` on Comment already

```ts
import { Router } from "express";
import { prisma } from "../db";
import { requireAuth } from "../middleware/auth";
import { CommentCreate, CommentUpdate } from "../schemas/comment";
import { validate } from "../middleware/validate";

export const comments = Router({ mergeParams: true });

comments.get("/", async (req, res) => {
  const rows = await prisma.comment.findMany({
    where: { postId: req.params.postId },
    orderBy: { createdAt: "asc" },
  });
  res.json(rows);
});

comments.get("/:id", async (req, res) => {
  const row = await prisma.comment.findFirst({
    where: { id: req.params.id, postId: req.params.postId },
  });
  if (!row) return res.status(404).json({ error: "not_found" });
  res.json(row);
});

comments.post("/", requireAuth, validate(CommentCreate), async (req, res) => {
  const row = await prisma.comment.create({
    data: { ...req.body, postId: req.params.postId, authorId: req.user.id },
  });
  res.status(201).json(row);
});

comments.patch("/:id", requireAuth, validate(CommentUpdate), async (req, res) => {
  const existing = await prisma.comment.findFirst({
    where: { id: req.params.id, postId: req.params.postId },
  });
  if (!existing) return res.status(404).json({ error: "not_found" });
  if (existing.authorId !== req.user.id) return res.status(403).json({ error: "forbidden" });
  const row = await prisma.comment.update({ where: { id: existing.id }, data: req.body });
  res.json(row);
});

comments.delete("/:id", requireAuth, async (req, res) => {
  const existing = await prisma.comment.findFirst({
    where: { id: req.params.id, postId: req.params.postId },
  });
  if (!existing) return res.status(404).json({ error: "not_found" });
  if (existing.authorId !== req.user.id) return res.status(403).json({ error: "forbidden" });
  await prisma.comment.delete({ where: { id: existing.id } });
  res.status(204).end();
});
```''')

add(3, '''every couple of days a few worker threads get stuck forever in pool.get(). py-spy dump shows them all in `self._cond.wait()`. the db itself is fine at that point and other threads keep working. it seems to start after the nightly db failover but not every time

```python
import threading
import time


class Pool:
    def __init__(self, factory, max_size=10, max_idle=300):
        self._factory = factory
        self._max_size = max_size
        self._max_idle = max_idle
        self._idle = []            # list of (conn, returned_at)
        self._size = 0
        self._cond = threading.Condition()

    def get(self, timeout=None):
        with self._cond:
            while True:
                while self._idle:
                    conn, returned_at = self._idle.pop()
                    if time.monotonic() - returned_at > self._max_idle or not conn.is_alive():
                        conn.close()
                        self._size -= 1
                        continue
                    return conn
                if self._size < self._max_size:
                    self._size += 1
                    break
                self._cond.wait(timeout)
        try:
            return self._factory()
        except Exception:
            with self._cond:
                self._size -= 1
            raise

    def put(self, conn):
        with self._cond:
            if conn.broken:
                conn.close()
                self._size -= 1
                return
            self._idle.append((conn, time.monotonic()))
            self._cond.notify()

    def close_all(self):
        with self._cond:
            for conn, _ in self._idle:
                conn.close()
            self._size -= len(self._idle)
            self._idle.clear()
            self._cond.notify_all()
```

callers do `conn = pool.get(); try: ... finally: pool.put(conn)`. timeout is None everywhere''')

# ---------------------------------------------------------------- write + validate
def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "agent_traffic.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for i, (prompt, tier) in enumerate(R, 1):
            f.write(json.dumps({"id": f"ag-{i:04d}", "prompt": prompt, "tier": tier}, ensure_ascii=False) + "\n")
    ids, tiers, prompts = set(), Counter(), set()
    with open(out, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            assert rec["id"] not in ids, rec["id"]
            ids.add(rec["id"])
            assert rec["tier"] in (1, 2, 3), rec
            assert isinstance(rec["prompt"], str) and rec["prompt"].strip(), rec["id"]
            assert rec["prompt"] not in prompts, rec["id"]
            prompts.add(rec["prompt"])
            if "[New message]" in rec["prompt"]:
                assert rec["prompt"].startswith("[Earlier in this conversation]\n") and "\n\n[New message]\n" in rec["prompt"], rec["id"]
            tiers[rec["tier"]] += 1
    n = sum(tiers.values())
    print(f"{out}: {n} records")
    for t in (1, 2, 3):
        print(f"  tier {t}: {tiers[t]} ({100 * tiers[t] / n:.0f}%)")


if __name__ == "__main__":
    main()
