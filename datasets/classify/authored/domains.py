#!/usr/bin/env python3
"""Build datasets/classify/authored/domains.jsonl: hand-written labeled requests spanning many domains.
Run: python3 domains.py  (writes domains.jsonl next to this file and validates it)."""
import json, os, collections

R = []
def add(tier, text):
    R.append((tier, text.strip("\n")))

# ---------------------------------------------------------------- TIER 1
add(1, r'''
add aria-labels to the three icon-only buttons: "Close dialog", "Search", "Open settings"

```tsx
export function Toolbar({ onClose, onSearch, onSettings }: Props) {
  return (
    <div className="toolbar">
      <button onClick={onSearch}><SearchIcon /></button>
      <button onClick={onSettings}><GearIcon /></button>
      <button onClick={onClose}><XIcon /></button>
    </div>
  );
}
```
''')

add(1, r'''
In ProductCard.vue rename the prop `itemData` to `product` (template + script). The only parent is ProductGrid.vue which I'll fix myself.

```vue
<script setup lang="ts">
const props = defineProps<{ itemData: Product }>()
const price = computed(() => formatPrice(props.itemData.priceCents))
</script>

<template>
  <article class="card">
    <img :src="itemData.imageUrl" :alt="itemData.name" />
    <h3>{{ itemData.name }}</h3>
    <span class="price">{{ price }}</span>
  </article>
</template>
```
''')

add(1, r'''
sort the declarations in each rule alphabetically, no other changes

```css
.modal {
  z-index: 100;
  position: fixed;
  inset: 0;
  display: grid;
  background: rgba(0,0,0,.5);
  align-items: center;
}
.modal__body {
  width: min(90vw, 640px);
  padding: 24px;
  border-radius: 8px;
  background: #fff;
}
```
''')

add(1, r'''
Translate the values in this locale file to German. Keep the keys and the {placeholders} exactly as they are.

```json
{
  "cart.title": "Your cart",
  "cart.empty": "Your cart is empty.",
  "cart.items": "{count} items",
  "cart.checkout": "Proceed to checkout",
  "cart.remove": "Remove {name}",
  "cart.subtotal": "Subtotal",
  "cart.shipping_note": "Shipping is calculated at the next step."
}
```
''')

add(1, r'''
Could you add `///` doc comments to the public members here? Nothing fancy, just say what each one does.

```swift
public struct TemperatureReading {
    public let celsius: Double
    public let recordedAt: Date

    public var fahrenheit: Double { celsius * 9 / 5 + 32 }

    public func isFreezing() -> Bool { celsius <= 0 }

    public static func average(_ readings: [TemperatureReading]) -> Double? {
        guard !readings.isEmpty else { return nil }
        return readings.map(\.celsius).reduce(0, +) / Double(readings.count)
    }
}
```
''')

add(1, r'''
convert to a kotlin data class

```java
public class ShippingAddress {
    private final String line1;
    private final String line2;
    private final String city;
    private final String postalCode;
    private final String countryCode;

    public ShippingAddress(String line1, String line2, String city, String postalCode, String countryCode) {
        this.line1 = line1;
        this.line2 = line2;
        this.city = city;
        this.postalCode = postalCode;
        this.countryCode = countryCode;
    }

    public String getLine1() { return line1; }
    public String getLine2() { return line2; }
    public String getCity() { return city; }
    public String getPostalCode() { return postalCode; }
    public String getCountryCode() { return countryCode; }
}
```
line2 is nullable, the rest aren't.
''')

add(1, r'''
Reformat this so it's readable (uppercase keywords, one clause per line, indent the subquery). Don't change what it does.

```sql
select c.id,c.name,sum(o.total_cents) as spend from customers c join orders o on o.customer_id=c.id where o.created_at>=now()-interval '90 days' and c.id not in (select customer_id from blocked_customers) group by c.id,c.name having sum(o.total_cents)>10000 order by spend desc limit 50;
```
''')

add(1, r'''
the alembic revision message says "add idx on sessoins" - fix the spelling in the docstring and the message string

```python
"""add idx on sessoins

Revision ID: 4f1c2a9b7d10
Revises: 9a0e6b2c31f4
"""
from alembic import op

revision = "4f1c2a9b7d10"
down_revision = "9a0e6b2c31f4"
message = "add idx on sessoins"

def upgrade():
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"])

def downgrade():
    op.drop_index("ix_sessions_user_id", table_name="sessions")
```
''')

add(1, r'''
Change this DAG to run at 03:00 UTC daily instead of hourly. Also set catchup=False.

```python
with DAG(
    dag_id="refresh_currency_rates",
    start_date=datetime(2024, 1, 1),
    schedule="@hourly",
    catchup=True,
    default_args={"retries": 2},
) as dag:
    fetch = PythonOperator(task_id="fetch", python_callable=fetch_rates)
    load = PythonOperator(task_id="load", python_callable=load_rates)
    fetch >> load
```
''')

add(1, r'''
fill in the `description:` fields in this dbt schema.yml based on the column names, one sentence each

```yaml
version: 2
models:
  - name: fct_subscriptions
    description: ""
    columns:
      - name: subscription_id
        description: ""
      - name: customer_id
        description: ""
      - name: plan_code
        description: ""
      - name: started_at
        description: ""
      - name: cancelled_at
        description: ""
      - name: mrr_usd
        description: ""
```
''')

add(1, r'''
type hints please

```python
class SpectrogramDataset(torch.utils.data.Dataset):
    def __init__(self, files, labels, sample_rate=16000, n_mels=80):
        self.files = files
        self.labels = labels
        self.sample_rate = sample_rate
        self.mel = torchaudio.transforms.MelSpectrogram(sample_rate=sample_rate, n_mels=n_mels)

    def __len__(self):
        return len(self.files)

    def __getitem__(self, idx):
        wav, sr = torchaudio.load(self.files[idx])
        return self.mel(wav), self.labels[idx]
```
''')

add(1, r'''
In the `network` module, rename the variable `cidr_blk` to `vpc_cidr_block` everywhere it appears. It's an internal module, only our root module calls it and I'll update that call.

```hcl
variable "cidr_blk" {
  type    = string
  default = "10.20.0.0/16"
}

resource "aws_vpc" "main" {
  cidr_block           = var.cidr_blk
  enable_dns_hostnames = true
}

resource "aws_subnet" "private" {
  count      = 3
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(var.cidr_blk, 4, count.index)
}
```
''')

add(1, r'''
bump replicas to 4 and the memory limit to 1Gi

```yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: thumbnailer
spec:
  replicas: 2
  selector:
    matchLabels: {app: thumbnailer}
  template:
    metadata:
      labels: {app: thumbnailer}
    spec:
      containers:
        - name: thumbnailer
          image: registry.internal/thumbnailer:0.9.3
          resources:
            requests: {cpu: 250m, memory: 512Mi}
            limits: {memory: 512Mi}
```
''')

add(1, "Give me a basic Dockerfile for a Node 20 Express app: copy package*.json, npm ci --omit=dev, copy the rest, expose 3000, `node server.js`.")

add(1, r'''
Our workflows are throwing the Node 16 deprecation warning. Bump actions/checkout to v4 and actions/setup-node to v4 in this file, nothing else.

```yaml
name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v3
      - uses: actions/setup-node@v3
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npm test
```
''')

add(1, r'''
Add Doxygen headers (@brief, @param, @return) to these.

```c
void adc_init(uint8_t channel_mask, adc_prescaler_t prescaler);
uint16_t adc_read_blocking(uint8_t channel);
bool adc_conversion_done(void);
void adc_set_reference(adc_ref_t ref);
int16_t adc_to_millivolts(uint16_t raw, uint16_t vref_mv);
```
''')

add(1, r'''
inside `Update()` the local `d` is unreadable, rename it to `moveDir`

```csharp
void Update()
{
    Vector3 d = new Vector3(Input.GetAxisRaw("Horizontal"), 0f, Input.GetAxisRaw("Vertical"));
    if (d.sqrMagnitude > 1f) d.Normalize();
    controller.Move(d * speed * Time.deltaTime);
    if (d != Vector3.zero) transform.forward = d;
}
```
''')

add(1, r'''
typo in the help text: "recieve" -> "receive", and "seperated" -> "separated"

```go
cmd.Flags().StringSliceVar(&opts.Topics, "topics", nil, "comma seperated list of topics to recieve from")
cmd.Flags().BoolVar(&opts.Follow, "follow", false, "keep running and recieve new messages")
```
''')

add(1, r'''
put `set -euo pipefail` at the top and a short header comment saying what the script does

```bash
#!/usr/bin/env bash
SRC_DIR=/srv/uploads
DEST=s3://acme-backups/uploads/$(date +%F)
aws s3 sync "$SRC_DIR" "$DEST" --storage-class STANDARD_IA
echo "synced $SRC_DIR to $DEST"
```
''')

add(1, r'''
Add godoc comments to every exported identifier in this file:

```go
package ratelimit

type Bucket struct {
	Capacity int
	Refill   time.Duration
	tokens   int
	last     time.Time
}

func NewBucket(capacity int, refill time.Duration) *Bucket {
	return &Bucket{Capacity: capacity, Refill: refill, tokens: capacity, last: time.Now()}
}

func (b *Bucket) Allow() bool {
	b.refill()
	if b.tokens == 0 {
		return false
	}
	b.tokens--
	return true
}

func (b *Bucket) Remaining() int { return b.tokens }
```
''')

add(1, r'''
derive Serialize/Deserialize and make the JSON camelCase

```rust
pub struct FirmwareManifest {
    pub device_model: String,
    pub min_bootloader: u32,
    pub image_sha256: String,
    pub release_notes_url: Option<String>,
}
```
''')

add(1, r'''
These test names are useless. Suggest better names only, don't touch the bodies.

```python
def test_1(client):
    r = client.post("/coupons/apply", json={"code": "SPRING10", "cart_id": 7})
    assert r.status_code == 200 and r.json()["discount_cents"] == 500

def test_2(client):
    r = client.post("/coupons/apply", json={"code": "EXPIRED", "cart_id": 7})
    assert r.status_code == 410

def test_3(client):
    r = client.post("/coupons/apply", json={"code": "SPRING10", "cart_id": 999})
    assert r.status_code == 404

def test_4(client):
    r = client.post("/coupons/apply", json={"cart_id": 7})
    assert r.status_code == 422
```
''')

add(1, r'''
rename the `it('works')` blocks to something descriptive

```ts
describe('formatBytes', () => {
  it('works', () => expect(formatBytes(0)).toBe('0 B'));
  it('works 2', () => expect(formatBytes(1536)).toBe('1.5 KB'));
  it('works 3', () => expect(formatBytes(1048576)).toBe('1 MB'));
  it('works 4', () => expect(() => formatBytes(-1)).toThrow());
});
```
''')

add(1, r'''
[Earlier in this conversation]
User: our consumer group keeps rebalancing every few minutes and lag climbs to 2M
Assistant: Your batch handler does a synchronous HTTP call per record, so one poll of 500 records can take longer than max.poll.interval.ms (300s). The broker then evicts the member and triggers a rebalance. Process records concurrently within the batch, lower max.poll.records to 100, and commit after the batch finishes.
User: Deployed it. Lag is flat at ~2k now and no rebalances in 6 hours.
[New message]
Write a CHANGELOG entry under "Fixed" for this.
''')

add(1, r'''
[Earlier in this conversation]
User: why does stage 14 of the sessionization job take 40 min when the others take 2?
Assistant: ...one customer_id (the anonymous "0" bucket) holds about 38% of rows, so a single task gets all of them. Salting the key with a random suffix 0..31 before the first groupBy, then aggregating again without the salt, spreads it out...
User: yep, down to 3 minutes.
[New message]
put a comment above the salting lines summarizing that so the next person doesn't remove it
''')

add(1, r'''
Translate this to TypeScript one-to-one, same names:

```python
def clamp(value: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, value))

def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t

def inverse_lerp(a: float, b: float, v: float) -> float:
    if a == b:
        return 0.0
    return (v - a) / (b - a)

def remap(v: float, in_lo: float, in_hi: float, out_lo: float, out_hi: float) -> float:
    return lerp(out_lo, out_hi, clamp(inverse_lerp(in_lo, in_hi, v), 0.0, 1.0))
```
''')

add(1, r'''
need values-es/strings.xml for these

```xml
<resources>
    <string name="app_name">Trailhead</string>
    <string name="start_hike">Start hike</string>
    <string name="pause">Pause</string>
    <string name="elevation_gain">Elevation gain: %1$d m</string>
    <string name="offline_banner">You\'re offline. Maps will load from cache.</string>
</resources>
```
''')

add(1, r'''
この関数に日本語でコメントを付けてください。処理内容の説明だけで大丈夫です。

```go
func splitBatches(ids []int64, size int) [][]int64 {
	var out [][]int64
	for size < len(ids) {
		ids, out = ids[size:], append(out, ids[:size])
	}
	return append(out, ids)
}
```
''')

add(1, r'''
Hola, ¿puedes cambiar el nivel de log de DEBUG a INFO para el paquete com.acme.billing en este application.yml? Nada más.

```yaml
logging:
  level:
    root: WARN
    com.acme.billing: DEBUG
    org.hibernate.SQL: WARN
```
''')

add(1, "nginx: raise client_max_body_size from 10m to 50m in the /upload location block. here's the block:\n\n```nginx\nlocation /upload {\n    client_max_body_size 10m;\n    proxy_pass http://uploader:8080;\n    proxy_set_header Host $host;\n}\n```")

add(1, "write a .gitignore for a monorepo with a Python backend (venv, pytest cache, mypy cache), a Vite React frontend, and Terraform (.terraform dirs, tfstate files, *.tfvars but not example.tfvars)")

add(1, r'''
The validation message has a typo ("pasword must be atleast 12 charachters"). Fix the wording.

```php
public function rules(): array
{
    return [
        'email' => ['required', 'email'],
        'password' => ['required', 'min:12'],
    ];
}

public function messages(): array
{
    return [
        'password.min' => 'Pasword must be atleast 12 charachters.',
    ];
}
```
''')

add(1, r'''
add a Props type for this component, the types are obvious from usage

```tsx
export default function Avatar({ src, name, size = 40, rounded = true }) {
  return (
    <img
      src={src}
      alt={name}
      width={size}
      height={size}
      style={{ borderRadius: rounded ? '50%' : 4 }}
    />
  );
}
```
''')

add(1, r'''
move the hardcoded strings into strings.xml and use stringResource()

```kotlin
@Composable
fun EmptyInbox(onRefresh: () -> Unit) {
    Column(horizontalAlignment = Alignment.CenterHorizontally) {
        Text("No messages yet")
        Text("Pull down or tap below to check again.")
        Button(onClick = onRefresh) { Text("Refresh") }
    }
}
```
''')

add(1, r'''
The comment on our CSRF middleware says it protects against XSS, which is wrong. Change the comment to say it validates the CSRF token on state-changing requests. Don't touch the code.

```ts
// Protects against XSS by checking the token
export function csrfGuard(req: Request, res: Response, next: NextFunction) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
  const token = req.get('x-csrf-token');
  if (!token || token !== req.session.csrfToken) return res.status(403).end();
  next();
}
```
''')

add(1, r'''
Docstrings for everything in this training script please, Google style. Don't refactor anything.

```python
import math
import torch
from torch import nn
from torch.utils.data import DataLoader

def build_optimizer(model, lr, weight_decay):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        (no_decay if p.ndim < 2 or name.endswith(".bias") else decay).append(p)
    return torch.optim.AdamW(
        [{"params": decay, "weight_decay": weight_decay},
         {"params": no_decay, "weight_decay": 0.0}],
        lr=lr,
    )

def cosine_schedule(optimizer, warmup_steps, total_steps):
    def lr_lambda(step):
        if step < warmup_steps:
            return step / max(1, warmup_steps)
        progress = (step - warmup_steps) / max(1, total_steps - warmup_steps)
        return 0.5 * (1.0 + math.cos(math.pi * progress))
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)

def train_one_epoch(model, loader, optimizer, scheduler, device, clip=1.0):
    model.train()
    total = 0.0
    for step, (x, y) in enumerate(loader):
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = nn.functional.cross_entropy(model(x), y)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), clip)
        optimizer.step()
        scheduler.step()
        total += loss.item()
    return total / max(1, len(loader))

@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    correct = seen = 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        pred = model(x).argmax(dim=-1)
        correct += (pred == y).sum().item()
        seen += y.numel()
    return correct / max(1, seen)

def save_checkpoint(path, model, optimizer, epoch):
    torch.save({"model": model.state_dict(),
                "optim": optimizer.state_dict(),
                "epoch": epoch}, path)

def load_checkpoint(path, model, optimizer=None, map_location="cpu"):
    state = torch.load(path, map_location=map_location)
    model.load_state_dict(state["model"])
    if optimizer is not None:
        optimizer.load_state_dict(state["optim"])
    return state["epoch"]
```
''')

add(1, "bump the image tag in values-prod.yaml from 2.3.9 to 2.4.1, it's under `api.image.tag`")

add(1, "add a `lint` target to the Makefile that runs `ruff check .` and `mypy src/`, and make `ci` depend on it. Current ci target is `ci: test`.")

add(1, r'''
alphabetize the cases and add CaseIterable

```swift
enum SettingsSection: String {
    case privacy
    case account
    case notifications
    case about
    case appearance
}
```
''')

add(1, "set the C standard to C11 with extensions off in our CMakeLists (target is `fw_app`)")

add(1, r'''
in main.c only, rename the `LED_PIN` macro to `STATUS_LED_PIN`

```c
#define LED_PIN  PB5
#define BTN_PIN  PD2

int main(void) {
    DDRB |= (1 << LED_PIN);
    PORTD |= (1 << BTN_PIN);
    for (;;) {
        if (!(PIND & (1 << BTN_PIN))) PORTB |= (1 << LED_PIN);
        else PORTB &= ~(1 << LED_PIN);
    }
}
```
''')

add(1, r'''
Comment this GDScript so a junior on the team can follow it — just describe what each part does.

```gdscript
extends CharacterBody2D

@export var speed := 220.0
@export var jump_velocity := -420.0
var gravity: float = ProjectSettings.get_setting("physics/2d/default_gravity")

func _physics_process(delta):
    if not is_on_floor():
        velocity.y += gravity * delta
    if Input.is_action_just_pressed("jump") and is_on_floor():
        velocity.y = jump_velocity
    var dir := Input.get_axis("move_left", "move_right")
    velocity.x = dir * speed if dir else move_toward(velocity.x, 0, speed)
    move_and_slide()
```
''')

add(1, r'''
rewrite as the equivalent Spark SQL

```python
(events
  .filter(F.col("event_type") == "purchase")
  .groupBy("country", F.to_date("ts").alias("day"))
  .agg(F.count("*").alias("purchases"), F.sum("amount").alias("revenue"))
  .orderBy("day", "country"))
```
''')

add(1, r'''
Add a one-line comment next to each property saying what it controls.

```properties
bootstrap.servers=kafka-1:9092,kafka-2:9092
group.id=invoice-mailer
enable.auto.commit=false
auto.offset.reset=earliest
max.poll.records=200
session.timeout.ms=45000
isolation.level=read_committed
```
''')

add(1, "add a debug log at the top of every handler in routes/orders.go that prints the request id from ctx (we have `reqid.From(ctx)`), same format as the one in routes/users.go: `log.Debug().Str(\"req_id\", id).Msg(\"handler start\")`")

add(1, r'''
write a commit message for this

```diff
-const MAX_RETRIES = 3;
+const MAX_RETRIES = 5;
-const RETRY_BASE_MS = 200;
+const RETRY_BASE_MS = 500;
```
''')

add(1, r'''
[Earlier in this conversation]
User: checkout was returning 500s for ~40 min yesterday, here are logs from payments-api and the pgbouncer stats
Assistant: The 500s start exactly when the nightly ledger export begins. The export opens a transaction per batch and holds it across an S3 upload. That pins 60 of pgbouncer's 80 server connections in transaction mode, so checkout's queries wait past the 5s client timeout. Moving the upload outside the transaction fixes it; a separate pool for the export would isolate it further.
User: Confirmed, we reproduced it in staging and the fix works.
[New message]
Write the postmortem summary section: impact, root cause, resolution, follow-ups. Keep it under 200 words.
''')

add(1, r'''
把下面代码里的拼音变量名改成英文，只在这个函数里用到：

```python
def jisuan_zongjia(shangpin_liebiao, zhekou):
    zongjia = 0
    for shangpin in shangpin_liebiao:
        zongjia += shangpin.jiage * shangpin.shuliang
    return zongjia * (1 - zhekou)
```
''')

add(1, r'''
Pouvez-vous traduire ces messages d'erreur de l'interface en français ? Gardez les clés.

```ts
export const errors = {
  network: 'Unable to reach the server. Check your connection.',
  sessionExpired: 'Your session has expired. Please sign in again.',
  fileTooLarge: 'The file is larger than 25 MB.',
  unknown: 'Something went wrong. Try again in a moment.',
};
```
''')

add(1, r'''
Pode adicionar anotações de tipo nessas funções? São bem simples.

```python
def media_movel(valores, janela):
    return [sum(valores[i:i+janela]) / janela for i in range(len(valores) - janela + 1)]

def normalizar(nome):
    return nome.strip().lower()
```
''')

add(1, r'''
images: give the decorative ones alt="" and the others alt text from their figcaption

```html
<img src="/img/divider-wave.svg">
<figure>
  <img src="/img/team-2024.jpg">
  <figcaption>The platform team at the 2024 offsite in Lisbon</figcaption>
</figure>
<img src="/img/bullet-dot.png" class="bullet">
<figure>
  <img src="/img/arch-overview.png">
  <figcaption>High-level architecture: edge, API gateway, services, and the event bus</figcaption>
</figure>
```
''')

add(1, r'''
convert the px values to rem (16px base)

```scss
.sidebar {
  width: 280px;
  padding: 24px 16px;
  font-size: 14px;
  gap: 12px;
  border-left: 1px solid $border;
}
```
keep the 1px border as px.
''')

add(1, r'''
Add COMMENT ON COLUMN statements for each column, based on the names:

```sql
CREATE TABLE shipment_events (
  id              BIGSERIAL PRIMARY KEY,
  shipment_id     BIGINT NOT NULL REFERENCES shipments(id),
  carrier_code    TEXT NOT NULL,
  status          TEXT NOT NULL,
  location_label  TEXT,
  occurred_at     TIMESTAMPTZ NOT NULL,
  received_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
```
''')

add(1, r'''
json tags in snake_case, omitempty on the pointer fields

```go
type DeviceReport struct {
	DeviceID     string
	FirmwareVer  string
	BatteryPct   int
	LastSeen     time.Time
	Latitude     *float64
	Longitude    *float64
	ErrorCode    *int
}
```
''')

add(1, r'''
docker compose up says `yaml: line 9: mapping values are not allowed in this context`. fix the file

```yaml
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: devpass
    ports:
      - "5432:5432"
  api:
  build: ./api
    depends_on:
      - db
    ports:
      - "8000:8000"
```
''')

add(1, r'''
Apply what clippy is telling me:

```
warning: length comparison to zero
  --> src/queue.rs:41:12
   |
41 |         if self.items.len() == 0 {
   |            ^^^^^^^^^^^^^^^^^^^^^ help: using `is_empty` is clearer: `self.items.is_empty()`
warning: redundant clone
  --> src/queue.rs:57:28
   |
57 |         let name = job.name.clone();
   |                            ^^^^^^^^ help: remove this
```
''')

add(1, r'''
Add this tags block to every resource below: `{ team = "data-platform", cost_center = "cc-4410", managed_by = "terraform" }`

```hcl
resource "aws_sqs_queue" "ingest" {
  name                       = "ingest-events"
  visibility_timeout_seconds = 120
}

resource "aws_sqs_queue" "ingest_dlq" {
  name = "ingest-events-dlq"
}

resource "aws_cloudwatch_log_group" "ingest" {
  name              = "/ecs/ingest"
  retention_in_days = 30
}
```
''')

add(1, r'''
Translate the Localizable.strings into French please

```
"onboarding.welcome" = "Welcome to Ledgerly";
"onboarding.subtitle" = "Track shared expenses without the awkward math.";
"onboarding.continue" = "Continue";
"settings.currency" = "Default currency";
"settings.signout" = "Sign out";
```
''')

add(1, r'''
replace the magic numbers with #defines: 0x3F -> MPU_ADDR, 0x6B -> PWR_MGMT_1, 0x3B -> ACCEL_XOUT_H, 14 -> ACCEL_BURST_LEN

```c
void mpu_wake(void) {
    uint8_t buf[2] = {0x6B, 0x00};
    i2c_write(0x3F, buf, 2);
}

void mpu_read_all(uint8_t *out) {
    uint8_t reg = 0x3B;
    i2c_write(0x3F, &reg, 1);
    i2c_read(0x3F, out, 14);
}
```
''')

add(1, r'''
modernize the hash syntax (rockets -> `key:`) where the keys are symbols

```ruby
render :json => { :status => "ok", :count => items.size, "x-trace" => trace_id }
redirect_to root_path, :notice => "Saved", :status => :see_other
has_many :line_items, :dependent => :destroy, :inverse_of => :order
```
''')

add(1, r'''
add return types, they're obvious

```php
class InvoiceNumberGenerator
{
    public function __construct(private string $prefix) {}

    public function next(int $sequence)
    {
        return sprintf('%s-%06d', $this->prefix, $sequence);
    }

    public function isValid(string $number)
    {
        return (bool) preg_match('/^' . preg_quote($this->prefix, '/') . '-\d{6}$/', $number);
    }
}
```
''')

add(1, r'''
lambda instead of the anonymous class

```java
executor.submit(new Runnable() {
    @Override
    public void run() {
        reportService.generateDaily(LocalDate.now(zone));
    }
});
```
''')

add(1, "Room entity for `Bookmark`: id (autogen long), url (String), title (String?), createdAt (Long epoch millis), folderId (Long, indexed). Table name `bookmarks`.")

add(1, "minimal express app with GET /health returning {status:'ok'} and listening on PORT env var (default 8080)")

add(1, "pyproject.toml for a package called `tilecache`, python >=3.10, deps httpx and pillow, dev extras pytest and ruff, hatchling build backend")

add(1, r'''
remove the eslint-disable comments in this file, the rule they disable got turned off globally

```js
/* eslint-disable no-console */
export function logEvent(name, payload) {
  // eslint-disable-next-line no-console
  console.log(`[evt] ${name}`, payload);
}
```
''')

add(1, r'''
Just the `name:` fields for these table cases, make them describe the input:

```go
tests := []struct {
	name string
	in   string
	want time.Duration
	err  bool
}{
	{name: "a", in: "90s", want: 90 * time.Second},
	{name: "b", in: "1h30m", want: 90 * time.Minute},
	{name: "c", in: "", err: true},
	{name: "d", in: "-5m", err: true},
	{name: "e", in: "2d", err: true},
}
```
''')

add(1, r'''
Kotlin tests — give them backtick names that read like sentences. Names only.

```kotlin
@Test fun t1() { assertEquals(0, Cart().total()) }
@Test fun t2() { assertEquals(1500, Cart().apply { add(item(1500)) }.total()) }
@Test fun t3() { assertThrows<IllegalArgumentException> { Cart().add(item(-1)) } }
```
''')

add(1, "the e2e job keeps hitting the 30 min timeout, change `timeout-minutes` to 60 for that job only in .github/workflows/e2e.yml")

add(1, r'''
NumPy-style docstring for this:

```python
def haversine_km(lat1, lon1, lat2, lon2):
    r = 6371.0
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(lon2 - lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * r * np.arcsin(np.sqrt(a))
```
''')

add(1, r'''
[Earlier in this conversation]
User: can you review our OAuth callback handler for security issues?
Assistant: Three findings: the `state` parameter is never compared to the session value (CSRF on login), the redirect target is taken from a query param without an allowlist (open redirect), and the access token is logged at INFO. I also noticed the README says "Oauth" in the heading, minor.
User: we'll do the three fixes in a separate PR.
[New message]
for now just fix the README heading typo you mentioned
''')

add(1, r'''
port to Rust, keep it a 1:1 translation

```c
uint16_t crc16_ccitt(const uint8_t *data, size_t len) {
    uint16_t crc = 0xFFFF;
    for (size_t i = 0; i < len; i++) {
        crc ^= (uint16_t)data[i] << 8;
        for (int b = 0; b < 8; b++) {
            crc = (crc & 0x8000) ? (crc << 1) ^ 0x1021 : crc << 1;
        }
    }
    return crc;
}
```
''')

add(1, r'''
turn these merged PR titles into a CHANGELOG section for v3.2.0 grouped into Added / Fixed / Changed:

- feat(map): offline tile download for selected regions (#812)
- fix(sync): duplicate waypoint after re-login (#815)
- chore(deps): bump kotlin to 2.0.20 (#816)
- feat(settings): metric/imperial toggle (#819)
- fix(ios): crash when denying location permission (#821)
- refactor(api): rename TrailDto to TrailResponse (#823)
''')

add(1, "I need a fixtures/users.json with 6 fake users (id, email, display_name, role in admin|editor|viewer, created_at ISO8601) for the storybook mocks")

add(1, r'''
add the recommended labels (app.kubernetes.io/name, /instance, /version, /component=worker, /part-of=billing) to metadata and the pod template

```yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: invoice-worker
spec:
  replicas: 3
  selector:
    matchLabels:
      app: invoice-worker
  template:
    metadata:
      labels:
        app: invoice-worker
    spec:
      containers:
        - name: worker
          image: ghcr.io/acme/invoice-worker:1.7.0
```
''')

add(1, "dependabot.yml: weekly updates for npm in /web, gomod in /api, and github-actions at root. Group all minor+patch npm updates into one PR.")

add(1, r'''
The README install section still says `pip install acme-cli`, the package is now `acmectl`. Also the binary is `acmectl` not `acme`. Update both spots:

```md
## Install

    pip install acme-cli

Then run `acme login` to authenticate.
```
''')

add(1, r'''
Add inline comments to this k6 script explaining each stage

```js
export const options = {
  stages: [
    { duration: '2m', target: 50 },
    { duration: '10m', target: 50 },
    { duration: '2m', target: 200 },
    { duration: '5m', target: 200 },
    { duration: '3m', target: 0 },
  ],
  thresholds: {
    http_req_failed: ['rate<0.01'],
    http_req_duration: ['p(95)<400'],
  },
};
```
''')

add(1, r'''
change `UPLOAD_BUCKET` to `ASSET_BUCKET` in .env.example and in config.ts where it's read

```ts
export const config = {
  port: Number(process.env.PORT ?? 3000),
  uploadBucket: process.env.UPLOAD_BUCKET!,
  region: process.env.AWS_REGION ?? 'eu-west-1',
};
```
(we don't have any deployed envs using it yet, this is a new service)
''')

add(1, r'''
Hi! Sorry for the trivial ask, I'm just swamped today. Our Postgres connection string in `docker-compose.override.yml` points at port 5433 but the container now listens on 5432 after we removed the port remap. Could you change `DATABASE_URL` to use 5432? Here's the file. Thanks so much!

```yaml
services:
  api:
    environment:
      DATABASE_URL: postgres://app:app@db:5433/app_dev
      REDIS_URL: redis://redis:6379/0
```
''')

add(1, r'''
Add XML doc comments to the public API of this class

```csharp
public sealed class LeaderboardService
{
    public LeaderboardService(IScoreStore store, TimeProvider clock) { /* ... */ }
    public Task SubmitAsync(Guid playerId, int score, CancellationToken ct = default) { /* ... */ }
    public Task<IReadOnlyList<ScoreEntry>> TopAsync(int count, CancellationToken ct = default) { /* ... */ }
    public Task<int?> RankOfAsync(Guid playerId, CancellationToken ct = default) { /* ... */ }
}
```
''')

add(1, r'''
Add a short header comment to this migration saying what it does

```sql
ALTER TABLE listings ADD COLUMN archived_at timestamptz;
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_listings_archived_at
  ON listings (archived_at) WHERE archived_at IS NOT NULL;
```
''')

add(1, r'''
[Earlier in this conversation]
User: DDP run hangs at a random step with no error, all 8 GPUs at 100% util
Assistant: Rank 3 skips the backward pass when its batch is entirely padding (`if mask.sum() == 0: continue`). The other ranks block in the gradient all-reduce waiting for it. Instead of skipping, compute a zero loss that still touches every parameter, or use `find_unused_parameters`, so every rank takes part in every collective.
User: that was it, ran 40k steps clean overnight.
[New message]
great — add a docstring to `training_step` mentioning that it must never return early, and why
''')

# ---------------------------------------------------------------- TIER 2
add(2, "write a `useDebouncedValue(value, delayMs)` hook in TS for our search box — returns the value only after it's stopped changing for delayMs, cleans up the timer on unmount. plus a quick RTL test with fake timers")

add(2, r'''
The timer shows 1 and stays there. Why and how do I fix it?

```jsx
function Stopwatch() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const id = setInterval(() => {
      setSeconds(seconds + 1);
    }, 1000);
    return () => clearInterval(id);
  }, []);
  return <span>{seconds}s</span>;
}
```
''')

add(2, "Vue 3 + <script setup>: I need a `DataTable` component. Props: `columns` (key, label, sortable?) and `rows`. Click a sortable header to sort asc/desc, show an arrow on the active column, client-side pagination of 25 per page with prev/next. Emit `row-click` with the row. Use TS.")

add(2, "css grid for the dashboard tiles: 4 columns above 1280px, 2 between 768 and 1280, 1 below. 16px gap, tiles keep a 4:3 aspect ratio. no frameworks")

add(2, r'''
Our custom select isn't keyboard accessible. Make it follow the ARIA listbox pattern: button with aria-haspopup/aria-expanded, ArrowUp/Down move the active option, Enter selects, Escape closes and returns focus to the button, aria-activedescendant on the list.

```tsx
export function Select({ options, value, onChange }: SelectProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className="select">
      <div className="select__trigger" onClick={() => setOpen(!open)}>
        {options.find(o => o.value === value)?.label ?? 'Choose…'}
      </div>
      {open && (
        <ul className="select__list">
          {options.map(o => (
            <li key={o.value} onClick={() => { onChange(o.value); setOpen(false); }}>
              {o.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
```
''')

add(2, r'''
Write XCTest cases for this. Cover nil, same day, yesterday, within a week, and older than a week.

```swift
struct RelativeDayFormatter {
    let calendar: Calendar
    let now: () -> Date

    func string(for date: Date?) -> String {
        guard let date else { return "—" }
        if calendar.isDate(date, inSameDayAs: now()) { return "Today" }
        if let y = calendar.date(byAdding: .day, value: -1, to: now()),
           calendar.isDate(date, inSameDayAs: y) { return "Yesterday" }
        let days = calendar.dateComponents([.day], from: date, to: now()).day ?? 0
        if days < 7 { return "\(days) days ago" }
        let f = DateFormatter(); f.dateStyle = .medium
        return f.string(from: date)
    }
}
```
''')

add(2, r'''
crash on the profile screen for users who never set a bio

```
FATAL EXCEPTION: main
Process: com.acme.social, PID: 18811
java.lang.NullPointerException
    at com.acme.social.profile.ProfileViewModel.bioPreview(ProfileViewModel.kt:42)
    at com.acme.social.profile.ProfileFragment.render(ProfileFragment.kt:88)
```

```kotlin
// ProfileViewModel.kt
39  fun bioPreview(user: UserDto): String {
40      val maxLen = 140
41      val bio = user.bio
42      return if (bio!!.length > maxLen) bio.take(maxLen) + "…" else bio
43  }
```
''')

add(2, "Retrofit service + repository in Kotlin for our `/v1/habits` API: list (GET, query param `archived: Boolean`), get by id, create (POST body name, color, targetPerWeek), update (PATCH), delete. Repository returns `Result<T>` and maps HTTP 404 to a `HabitNotFound` error. Coroutines, kotlinx.serialization.")

add(2, r'''
FastAPI + SQLAlchemy 2.0: I need endpoints for `Playlist` (name, owner_id, is_public, created_at) and its tracks (playlist_id, track_id, position). 
- list/create/read/update/delete playlists
- POST /playlists/{id}/tracks appends a track at the end
- DELETE /playlists/{id}/tracks/{track_id}
- 404 for missing playlist, 403 if owner_id != current user and not public on read
Use the existing `get_db` and `current_user` dependencies.
''')

add(2, "go + chi: CRUD handlers for `Webhook` {id uuid, url string, events []string, secret string, active bool}. Store is an interface `WebhookStore` with Get/List/Create/Update/Delete — define it and an in-memory impl for tests. Validate url is https, events non-empty. Never return `secret` in responses.")

add(2, r'''
add limit/offset pagination to this route. limit default 20 max 100, offset default 0, reject negatives with 400, and return `{ items, total, limit, offset }`

```js
router.get('/products', async (req, res) => {
  const rows = await db.query('SELECT id, name, price_cents FROM products ORDER BY id');
  res.json(rows.rows);
});
```
''')

add(2, "Postgres query: for each category, the 3 products with the highest revenue in the last 30 days. Tables: products(id, category_id, name), order_items(order_id, product_id, qty, unit_price_cents), orders(id, placed_at, status). Only count orders with status 'paid'. Ties broken by product id.")

add(2, r'''
We have a 2am maintenance window Saturday with the app fully stopped. Write the migration (Flyway, Postgres) that renames `customers.phone_no` to `phone_number`, and the matching JPA entity change. Only this one app uses the database.

```java
@Entity
@Table(name = "customers")
public class Customer {
    @Id @GeneratedValue private Long id;
    private String email;
    @Column(name = "phone_no") private String phoneNo;
}
```
''')

add(2, "write a migration that adds a composite index on `orders (customer_id, created_at DESC)` using CREATE INDEX CONCURRENTLY, with the Alembic bits needed so it doesn't run inside a transaction")

add(2, r'''
PySpark job please:
- read `s3://lake/raw/clicks/` (parquet, columns event_id, user_id, url, ts, ingested_at)
- drop exact duplicate event_ids, keeping the row with the latest ingested_at
- add `dt = to_date(ts)`
- write to `s3://lake/clean/clicks/` partitioned by dt, overwrite only the partitions present in this run (dynamic partition overwrite)
''')

add(2, "Airflow 2 DAG `nightly_partner_export`: 1) SqlToS3Operator dumps yesterday's `partner_orders` to s3://exports/{{ ds }}/orders.csv, 2) a PythonOperator gzips it and writes a manifest json with row count + md5, 3) SFTP upload to the partner. retries=3 with 5 min delay, email on failure to data-oncall@acme.test, don't run on weekends.")

add(2, r'''
dbt incremental model `fct_page_views` on BigQuery from `stg_page_views` (view_id, session_id, user_id, page_path, viewed_at). unique_key view_id, merge strategy, partition by date(viewed_at), cluster by user_id. On incremental runs only process rows with viewed_at >= max(viewed_at) minus 3 days (late data). Add not_null + unique tests in the yml.
''')

add(2, "Go Kafka consumer with segmentio/kafka-go: read topic `orders.created`, decode JSON into `OrderCreated`, call `handler.Handle(ctx, evt)`, and only commit the offset after Handle returns nil. On error, retry 3 times with backoff then publish the raw message to `orders.created.dlq` and commit. Graceful shutdown on SIGTERM.")

add(2, "PyTorch training loop with: bf16 autocast, grad accumulation (accum_steps arg), clip grad norm 1.0, linear warmup then cosine decay, log loss every 50 optimizer steps, save a checkpoint (model+optim+scheduler+step) every 2000 steps and resume from the latest one in `ckpt_dir` if present. Single GPU, no DDP.")

add(2, r'''
I need a Dataset for this layout:

```
data/
  images/0001.jpg ...
  labels.csv   # filename,label   (label is a string like "tabby")
```
Map labels to ints sorted alphabetically, expose `classes`, take an optional transform, open with PIL and convert to RGB. Also a `make_loaders(root, batch_size, val_frac=0.1, seed=0)` that does a stratified split.
''')

add(2, r'''
what's wrong here

```
RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!
  File "train.py", line 58, in train_step
    loss = criterion(logits, targets)
```

```python
def train_step(model, batch, criterion, device):
    inputs, targets = batch
    inputs = inputs.to(device)
    logits = model(inputs)
    loss = criterion(logits, targets)
    loss.backward()
    return loss.item()
```
''')

add(2, "terraform module `s3_private_bucket`: variables name, kms_key_arn (optional; if null use SSE-S3), noncurrent_version_expiration_days (default 30), tags. Versioning on, all public access blocked, bucket policy denying non-TLS requests, lifecycle rule for noncurrent versions. Outputs: bucket id, arn.")

add(2, r'''
add an HPA (cpu 70%, 3-12 replicas), a readiness probe on GET /ready:8080, a liveness probe on /live with a 20s initial delay, and a PodDisruptionBudget with minAvailable 2 for this deployment

```yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: search-api
spec:
  replicas: 3
  selector:
    matchLabels: {app: search-api}
  template:
    metadata:
      labels: {app: search-api}
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/search-api:4.2.0
          ports: [{containerPort: 8080}]
          resources:
            requests: {cpu: 500m, memory: 768Mi}
            limits: {memory: 768Mi}
```
''')

add(2, "multi-stage Dockerfile for our Go service (module at ./cmd/ingestd): build with golang:1.22 using the module cache mount, CGO off, -trimpath and -ldflags '-s -w' with the version injected from a build arg, final image distroless static nonroot, copy the CA certs, expose 9090.")

add(2, "GitHub Actions workflow for the python lib: matrix 3.10/3.11/3.12 on ubuntu + 3.12 on macos, pip cache keyed on pyproject.toml, run ruff, mypy and pytest with coverage, upload coverage.xml to Codecov only from the ubuntu-3.12 job. Cancel in-progress runs for the same branch.")

add(2, r'''
Write a ring buffer for UART RX in C: filled by the RX interrupt, drained by the main loop. Single producer, single consumer, power-of-two size (256), no locks—use head/tail indices with the right `volatile`. API: `rb_put_isr(uint8_t)` returns false when full, `rb_get(uint8_t*)` returns false when empty, `rb_count()`. Target is a Cortex-M0, so no atomics beyond aligned 32-bit loads/stores.
''')

add(2, r'''
This drops the last byte of every packet. Fix?

```c
int read_packet(uint8_t *dst, size_t cap) {
    uint8_t len = uart_getc();
    if (len > cap) return -1;
    for (uint8_t i = 0; i < len - 1; i++) {
        dst[i] = uart_getc();
    }
    return len;
}
```
''')

add(2, "Implement A* for a 2D grid in C# (Unity, but keep it plain C# so I can unit test it): `List<Vector2Int> FindPath(bool[,] walkable, Vector2Int start, Vector2Int goal, bool allowDiagonal)`. Octile heuristic when diagonal is allowed, no corner cutting, return empty list when unreachable. Use a binary heap, not List.Sort.")

add(2, r'''
Players move noticeably faster when going diagonally. What's up?

```csharp
void Update() {
    float h = Input.GetAxis("Horizontal");
    float v = Input.GetAxis("Vertical");
    Vector3 move = new Vector3(h, 0, v);
    rb.MovePosition(rb.position + move * speed * Time.deltaTime);
}
```
''')

add(2, "CLI in Python (argparse, no click) called `shotlog` with subcommands: `add <path> [--tag T ...]`, `list [--tag T] [--since YYYY-MM-DD]`, `rm <id>`. Store entries in a SQLite db at ~/.local/share/shotlog/db.sqlite (create dirs/table if missing). `list` prints an aligned table. exit code 2 on bad args, 1 on not found.")

add(2, r'''
add a `--json` flag to `list`: when set, print the entries as a JSON array (serde) instead of the table. Keep the table as default.

```rust
#[derive(Subcommand)]
enum Cmd {
    List {
        #[arg(long)]
        status: Option<Status>,
    },
    Show { id: u64 },
}

fn run_list(store: &Store, status: Option<Status>) -> anyhow::Result<()> {
    let items = store.list(status)?;
    let mut table = Table::new();
    table.set_header(vec!["ID", "Title", "Status", "Updated"]);
    for t in &items {
        table.add_row(vec![t.id.to_string(), t.title.clone(), t.status.to_string(), t.updated.to_rfc3339()]);
    }
    println!("{table}");
    Ok(())
}
```
''')

add(2, r'''
These three handlers all repeat the same input checks. Pull them into one validator function and use it everywhere, keeping the exact same error messages.

```ts
export async function createEvent(req: Request, res: Response) {
  const { title, startsAt, endsAt } = req.body;
  if (!title || title.length > 120) return res.status(400).json({ error: 'title must be 1-120 chars' });
  if (!startsAt || isNaN(Date.parse(startsAt))) return res.status(400).json({ error: 'startsAt invalid' });
  if (!endsAt || isNaN(Date.parse(endsAt))) return res.status(400).json({ error: 'endsAt invalid' });
  if (Date.parse(endsAt) <= Date.parse(startsAt)) return res.status(400).json({ error: 'endsAt must be after startsAt' });
  res.status(201).json(await events.create({ title, startsAt, endsAt }));
}

export async function updateEvent(req: Request, res: Response) {
  const { title, startsAt, endsAt } = req.body;
  if (!title || title.length > 120) return res.status(400).json({ error: 'title must be 1-120 chars' });
  if (!startsAt || isNaN(Date.parse(startsAt))) return res.status(400).json({ error: 'startsAt invalid' });
  if (!endsAt || isNaN(Date.parse(endsAt))) return res.status(400).json({ error: 'endsAt invalid' });
  if (Date.parse(endsAt) <= Date.parse(startsAt)) return res.status(400).json({ error: 'endsAt must be after startsAt' });
  res.json(await events.update(req.params.id, { title, startsAt, endsAt }));
}

export async function previewEvent(req: Request, res: Response) {
  const { title, startsAt, endsAt } = req.body;
  if (!title || title.length > 120) return res.status(400).json({ error: 'title must be 1-120 chars' });
  if (!startsAt || isNaN(Date.parse(startsAt))) return res.status(400).json({ error: 'startsAt invalid' });
  if (!endsAt || isNaN(Date.parse(endsAt))) return res.status(400).json({ error: 'endsAt invalid' });
  if (Date.parse(endsAt) <= Date.parse(startsAt)) return res.status(400).json({ error: 'endsAt must be after startsAt' });
  res.json(renderPreview({ title, startsAt, endsAt }));
}
```
''')

add(2, r'''
convert to async/await, same behaviour incl. error propagation

```js
function loadConfig(path, cb) {
  fs.readFile(path, 'utf8', (err, raw) => {
    if (err) return cb(err);
    let cfg;
    try { cfg = JSON.parse(raw); } catch (e) { return cb(e); }
    fetchSecrets(cfg.secretsUrl, (err2, secrets) => {
      if (err2) return cb(err2);
      cb(null, { ...cfg, secrets });
    });
  });
}
```
''')

add(2, r'''
Replace this switch with polymorphism — a `Shape` interface with `area()` and `perimeter()`, one class per case. Keep `ShapeType` for JSON parsing only.

```java
double area(ShapeDto s) {
    switch (s.type()) {
        case CIRCLE: return Math.PI * s.r() * s.r();
        case RECT:   return s.w() * s.h();
        case TRIANGLE: {
            double p = (s.a() + s.b() + s.c()) / 2;
            return Math.sqrt(p * (p - s.a()) * (p - s.b()) * (p - s.c()));
        }
        default: throw new IllegalArgumentException(s.type().name());
    }
}

double perimeter(ShapeDto s) {
    switch (s.type()) {
        case CIRCLE: return 2 * Math.PI * s.r();
        case RECT:   return 2 * (s.w() + s.h());
        case TRIANGLE: return s.a() + s.b() + s.c();
        default: throw new IllegalArgumentException(s.type().name());
    }
}
```
''')

add(2, r'''
jest tests for this reducer, every action + unknown action returns same state

```ts
export function cartReducer(state: CartState, action: CartAction): CartState {
  switch (action.type) {
    case 'add': {
      const existing = state.lines.find(l => l.sku === action.sku);
      const lines = existing
        ? state.lines.map(l => (l.sku === action.sku ? { ...l, qty: l.qty + action.qty } : l))
        : [...state.lines, { sku: action.sku, qty: action.qty, priceCents: action.priceCents }];
      return { ...state, lines };
    }
    case 'remove':
      return { ...state, lines: state.lines.filter(l => l.sku !== action.sku) };
    case 'setQty':
      return action.qty <= 0
        ? { ...state, lines: state.lines.filter(l => l.sku !== action.sku) }
        : { ...state, lines: state.lines.map(l => (l.sku === action.sku ? { ...l, qty: action.qty } : l)) };
    case 'clear':
      return { ...state, lines: [] };
    default:
      return state;
  }
}
```
''')

add(2, r'''
Bitte schreib pytest-Tests für diese Funktion, inklusive Randfälle (Mitternacht, Zeitzonen, leere Liste).

```python
def bucket_by_hour(events: list[Event], tz: ZoneInfo) -> dict[datetime, int]:
    out: dict[datetime, int] = {}
    for e in events:
        local = e.ts.astimezone(tz).replace(minute=0, second=0, microsecond=0)
        out[local] = out.get(local, 0) + 1
    return out
```
''')

add(2, r'''
the "show archived" toggle doesn't hide anything when unchecked

```js
const showArchived = localStorage.getItem('showArchived'); // "true" / "false"
const visible = projects.filter(p => showArchived || !p.archived);
```
''')

add(2, r'''
```
Traceback (most recent call last):
  File "/app/sync/handlers.py", line 31, in on_member_joined
    user_id = payload["user_id"]
KeyError: 'user_id'
```
payload sample from the log: `{"event": "member_joined", "userId": "u_8812", "teamId": "t_19"}`

```python
def on_member_joined(payload):
    user_id = payload["user_id"]
    team_id = payload["teamId"]
    memberships.add(team_id, user_id)
```
''')

add(2, r'''
customers with zero orders show order_count = 1 in this report, should be 0

```sql
SELECT c.id, c.email, COUNT(*) AS order_count
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id, c.email;
```
''')

add(2, "Our Kotlin SDK is public on Maven Central. Rename `TrackingClient.sendEvent(name, props)` to `track(name, props)`. Existing integrations must keep compiling: keep `sendEvent` as a deprecated alias with `@Deprecated(..., ReplaceWith(\"track(name, props)\"))` level WARNING, and note it in the changelog.")

add(2, r'''
I want to rename `hp` to `maxHealth` on the Enemy component, but there are ~300 prefabs with values set in the inspector and I can't lose them.

```csharp
public class Enemy : MonoBehaviour
{
    [SerializeField] private int hp = 100;
    [SerializeField] private float aggroRadius = 8f;

    private int current;
    void Awake() => current = hp;
}
```
''')

add(2, "In our GraphQL schema, `Product.priceInCents: Int` should become `price: Money` (amount + currency). Mobile apps from the last 3 releases still query priceInCents. Add the new field, keep the old one marked @deprecated with a reason, and write the resolvers for both (Apollo Server, TS).")

add(2, r'''
Port this to Go. Use net/http with a 10s timeout and return errors rather than exiting; the caller will decide.

```python
import requests, sys

def fetch_open_incidents(base_url, token):
    r = requests.get(f"{base_url}/api/v2/incidents",
                     params={"status": "open", "limit": 100},
                     headers={"Authorization": f"Bearer {token}"},
                     timeout=10)
    if r.status_code == 401:
        sys.exit("bad token")
    r.raise_for_status()
    data = r.json()
    return [(i["id"], i["title"], i["severity"]) for i in data["incidents"]]
```
''')

add(2, r'''
we're moving this service from Flask to Express. port this blueprint; use express.Router, zod for the body validation instead of marshmallow, and keep the same status codes

```python
bp = Blueprint("notes", __name__, url_prefix="/notes")

class NoteIn(Schema):
    title = fields.Str(required=True, validate=validate.Length(1, 200))
    body = fields.Str(load_default="")

@bp.post("")
def create_note():
    try:
        data = NoteIn().load(request.get_json() or {})
    except ValidationError as e:
        return {"errors": e.messages}, 422
    note = repo.create(owner=g.user.id, **data)
    return note.to_dict(), 201

@bp.get("/<int:note_id>")
def get_note(note_id):
    note = repo.get(note_id)
    if note is None or note.owner != g.user.id:
        abort(404)
    return note.to_dict()
```
''')

add(2, r'''
parameterize this query please (PDO)

```php
$sql = "SELECT id, title FROM articles WHERE author_id = " . $_GET['author'] .
       " AND status = '" . $_GET['status'] . "' ORDER BY published_at DESC";
$rows = $pdo->query($sql)->fetchAll();
```
''')

add(2, "add the standard security headers to our Express app — helmet with a CSP that allows scripts/styles only from self and cdn.acme.test, HSTS 1 year incl subdomains, frameworkguard/frameguard deny, referrer-policy strict-origin-when-cross-origin. We serve inline JSON-LD in one template so allow that via a nonce.")

add(2, "Passwords in our Django app are stored as unsalted sha256 hex in `legacy_users.pw_hash`. Migrate to Django's bcrypt hasher: write a custom hasher that wraps the old sha256 values (so we can re-hash them without plaintext), and upgrade to a plain bcrypt hash on the user's next successful login.")

add(2, r'''
django-debug-toolbar says this page runs 412 queries, almost all `SELECT ... FROM authors WHERE id = %s`. fix it

```python
def book_list(request):
    books = Book.objects.filter(published=True).order_by("-published_on")[:200]
    return render(request, "books/list.html", {"books": books})
```
```html
{% for b in books %}
  <li>{{ b.title }} — {{ b.author.name }} ({{ b.publisher.name }})</li>
{% endfor %}
```
''')

add(2, r'''
py-spy says 94% of the time is in `find_matches`. Input is ~60k skus vs ~80k inventory rows.

```python
def find_matches(skus, inventory_rows):
    out = []
    for sku in skus:
        for row in inventory_rows:
            if row["sku"] == sku:
                out.append(row)
    return out
```
''')

add(2, "SwiftUI sign-up form: email, password, confirm password. Inline validation messages (email format, password ≥ 12 chars with a digit, confirmation matches), submit button disabled until valid, shows a ProgressView while `await api.signUp` runs and an alert on failure. Use an @Observable view model.")

add(2, r'''
[Earlier in this conversation]
User: we're splitting tenants into their own schemas, one Postgres db, search_path set per request
Assistant: (long discussion of schema-per-tenant vs row-level, connection pool implications, migration runner that iterates schemas; agreed on a `TenantRouter` middleware that sets search_path from the subdomain and a `tenants` table in `public`)
User: ok, that's the plan.
[New message]
now write the admin CRUD endpoints for the `public.tenants` table (slug, display_name, plan, created_at) in the same NestJS style as the rest of the app, with DTO validation. Creating a tenant should also call `schemaProvisioner.create(slug)`.
''')

add(2, "Escribe una función en TypeScript `agruparPorSemana(fechas: Date[]): Map<string, Date[]>` que agrupe las fechas por semana ISO (clave tipo '2024-W07'). Incluye un par de tests con Vitest.")

add(2, r'''
sometimes the export endpoint 500s with this. can you fix

```
TypeError: Cannot read properties of undefined (reading 'toISOString')
    at serializeInvoice (/srv/app/dist/export.js:27:34)
    at Array.map (<anonymous>)
    at exportCsv (/srv/app/dist/export.js:12:22)
```
```ts
function serializeInvoice(inv: Invoice) {
  return [inv.id, inv.customerName, inv.total, inv.paidAt.toISOString()].join(',');
}
```
(`paidAt?: Date` in the Invoice type — unpaid invoices don't have it)
''')

add(2, "k8s CronJob that runs `pg_dump` of the `orders` db every night at 01:30, gzips it and uploads to s3://acme-db-backups/orders/ with the date in the name. Credentials from the existing secret `orders-db-ro`, AWS via IRSA service account `backup-writer`. concurrencyPolicy Forbid, keep 3 successful and 5 failed jobs, activeDeadlineSeconds 3600.")

add(2, r'''
Write a Jest + Supertest suite for these routes. Mock `repo`. Cover success, 404, and 422 on bad body.

```ts
router.get('/tickets/:id', async (req, res) => {
  const t = await repo.get(req.params.id);
  if (!t) return res.sendStatus(404);
  res.json(t);
});

router.post('/tickets', async (req, res) => {
  const parsed = TicketIn.safeParse(req.body);
  if (!parsed.success) return res.status(422).json(parsed.error.flatten());
  res.status(201).json(await repo.create(parsed.data));
});

router.patch('/tickets/:id/status', async (req, res) => {
  const { status } = req.body;
  if (!['open', 'pending', 'closed'].includes(status)) return res.sendStatus(422);
  const t = await repo.setStatus(req.params.id, status);
  if (!t) return res.sendStatus(404);
  res.json(t);
});
```
''')

add(2, r'''
write a C function `int parse_kv_line(const char *line, char *key, size_t key_cap, char *val, size_t val_cap)` for our config loader: format `key = value`, trims whitespace around both, ignores lines starting with `#` or blank (return 0), returns 1 on success, -1 if no `=` or if either part doesn't fit its buffer. no dynamic allocation.
''')

# ---------------------------------------------------------------- TIER 3
add(3, r'''
Search results sometimes show hits for what the user typed a moment earlier, not the current text in the box. Happens mostly on slow connections. Any idea?

```tsx
function SearchPage() {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Hit[]>([]);
  useEffect(() => {
    if (!q) return;
    api.search(q).then(setResults);
  }, [q]);
  return (
    <>
      <input value={q} onChange={e => setQ(e.target.value)} />
      <ResultList hits={results} />
    </>
  );
}
```
''')

add(3, "Typing in the invoice editor got really laggy after last sprint's release — like 200ms per keystroke on a 120-line invoice. Nothing obvious changed in the editor itself; the PR list touched the context providers, the currency formatting util, and added a validation hook. How do I figure out what regressed and fix it?")

add(3, r'''
Next.js 14 app router. In production only, a few percent of users get "Text content does not match server-rendered HTML" on the order history page and then the whole list re-renders client-side. Can't reproduce locally, our Sentry shows it mostly from users in Asia/Pacific. Component:

```tsx
export default function OrderRow({ order }: { order: Order }) {
  return (
    <tr>
      <td>{order.number}</td>
      <td>{new Date(order.placedAt).toLocaleDateString()}</td>
      <td>{formatMoney(order.totalCents, order.currency)}</td>
    </tr>
  );
}
```
''')

add(3, r'''
iOS crash reports: `EXC_BAD_ACCESS (SIGSEGV)` in `-[PhotoUploadCoordinator URLSession:task:didSendBodyData:...]`. Only ~0.3% of sessions, almost all when users start an upload, leave the screen, and background the app. The coordinator is owned by the upload view controller. The session is created like this:

```swift
lazy var session = URLSession(configuration: .background(withIdentifier: "com.acme.upload"),
                              delegate: self, delegateQueue: nil)
```
What's going on and what's the right ownership model?
''')

add(3, "Android: we get sporadic ANRs and `SQLiteDatabaseLockedException` in Crashlytics, maybe 1 in 2000 sessions, always while the periodic SyncWorker (WorkManager) is running. The UI reads via Room Flows; the worker does a big `@Transaction` that deletes and re-inserts the whole feed. Two processes? We do have a `:widget` process for the home screen widget that also opens the DB. How would you approach this?")

add(3, "We're building an offline-first notes app (iOS + Android + web). Users edit on multiple devices, sometimes offline for days. Should we do last-write-wins per field, operational transforms, or CRDTs? What does the sync protocol and server storage look like for each, and what would you pick for a 4-person team?")

add(3, r'''
p50 on /api/quotes is 35ms, but p99 jumps to ~2.5s in spikes roughly every 5 minutes, then settles. CPU is flat at 30%. Java 17, Spring Boot, G1, 4GB heap, Hikari pool 20, calls Redis + Postgres. The spikes line up across all 6 pods at the same moment. Where would you look?
''')

add(3, "design a rate limiter for our public API: 3 regions (us, eu, ap), per-API-key limits like 1000 req/min, a key's traffic can hit any region, we can tolerate maybe 5% overshoot but not 2x. Redis exists in each region, no cross-region Redis. What are the options?")

add(3, r'''
our stripe webhook handler occasionally double-credits a wallet. Stripe docs say events can be delivered more than once, so we check `processed_events` first:

```python
@app.post("/webhooks/stripe")
def stripe_webhook():
    event = stripe.Webhook.construct_event(request.data, request.headers["Stripe-Signature"], SECRET)
    if db.session.query(ProcessedEvent).get(event.id):
        return "", 200
    if event.type == "payment_intent.succeeded":
        pi = event.data.object
        wallet = Wallet.query.filter_by(user_id=pi.metadata["user_id"]).one()
        wallet.balance_cents += pi.amount_received
    db.session.add(ProcessedEvent(id=event.id))
    db.session.commit()
    return "", 200
```
Runs on 6 gunicorn workers behind an ALB. Happened 4 times last month.
''')

add(3, r'''
This query went from ~40ms to 9s after we upgraded from PG 13 to 15 (pg_upgrade, then ANALYZE on everything). Same data.

```
Nested Loop  (cost=1.13..2841.77 rows=1 width=64) (actual time=0.412..9132.551 rows=18214 loops=1)
  ->  Index Scan using ix_shipments_status on shipments s  (cost=0.56..8.58 rows=1 width=24) (actual time=0.031..41.220 rows=18214 loops=1)
        Index Cond: (status = 'in_transit'::text)
        Filter: (carrier_id = ANY ('{4,9,12}'::integer[]))
        Rows Removed by Filter: 3021
  ->  Index Scan using shipment_events_shipment_id_idx on shipment_events e  (cost=0.57..2833.18 rows=1 width=40) (actual time=0.388..0.497 rows=1 loops=18214)
        Index Cond: (shipment_id = s.id)
        Filter: (occurred_at = (SubPlan 1))
        ...
Planning Time: 2.1 ms
Execution Time: 9134.027 ms
```
Before the upgrade it was a hash join. Why the change and what do I do?
''')

add(3, r'''
Getting deadlocks in prod a few times an hour, never locally:

```
ERROR: deadlock detected
DETAIL: Process 48211 waits for ShareLock on transaction 99120331; blocked by process 48190.
Process 48190 waits for ShareLock on transaction 99120329; blocked by process 48211.
CONTEXT: while updating tuple (1021,7) in relation "inventory"
```
Order placement updates `inventory` for each line item in a loop, and a nightly-ish restock job (actually runs every 10 min now) updates inventory rows from a supplier feed. Both are in single transactions.
''')

add(3, "Should we switch the ledger service from READ COMMITTED to REPEATABLE READ? The transfer code reads both balances, checks sufficient funds in Python, then writes both. We had one negative balance last quarter.")

add(3, r'''
set `spring.datasource.hikari.maximum-pool-size: 50` in values-prod.yaml (it's 10 now). we run the orders service at 40 replicas (HPA can go to 60) against a single RDS db.r6g.xlarge Postgres, and the reporting service shares that DB.
''')

add(3, "Just rename the Kafka topic `user-events` to `identity.user-events.v1`. Producers are the auth service and the profile service; consumers are 5 services plus a Flink job that depends on per-key ordering, and a Kafka Connect S3 sink. We can't stop producers.")

add(3, r'''
The nightly Spark job now dies with OOM on executors in the join stage — it used to run fine. In the UI, stage 7 has 2000 tasks, 1999 finish in <1 min and one runs for 50 min and then the executor gets killed (`Container killed by YARN for exceeding memory limits. 18.2 GB of 18 GB physical memory used`). Input grew maybe 10% month over month. Join is `events.join(accounts, "account_id", "left")`. AQE is on. What's happening and what are my options beyond just throwing more memory at it?
''')

add(3, "After our Airflow scheduler got restarted during a deploy last night, the `load_orders_to_snowflake` task for 2024-06-11 ran twice and we have duplicate rows for that day. The task does a plain COPY INTO from the day's S3 prefix. It has happened before too, maybe twice a quarter. How do we stop this for good?")

add(3, r'''
Our dbt incremental model `fct_sessions` slowly drifts from a full refresh — after a week it over-counts sessions by ~0.4%. After `--full-refresh` it's correct again. Model:

```sql
{{ config(materialized='incremental', unique_key='session_id') }}
select
  {{ dbt_utils.generate_surrogate_key(['user_id', 'session_start']) }} as session_id,
  user_id,
  min(event_ts) as session_start,
  max(event_ts) as session_end,
  count(*) as events
from {{ ref('stg_events_sessionized') }}
{% if is_incremental() %}
where event_ts > (select max(session_end) from {{ this }})
{% endif %}
group by user_id, session_group
```
Events arrive up to a few hours late.
''')

add(3, "we want exactly-once from Kafka into Postgres for the billing events. Is enabling transactions + read_committed on the Kafka side enough? Or should we do at-least-once with an idempotent upsert on the sink? Throughput is ~8k msg/s, 24 partitions.")

add(3, r'''
loss goes NaN around step 18-22k, only when training with bf16 autocast on 8xA100 with DDP. fp32 on a single GPU for 40k steps is fine, and bf16 on a single GPU got to 30k without NaN (then I stopped it). Grad norm spikes to ~1e4 a few hundred steps before. Model is a 350M decoder, lr 3e-4, warmup 2k, AdamW eps 1e-8, clip 1.0, custom attention with softmax computed in the input dtype. Where do I look?
''')

add(3, r'''
RSS of the training process grows ~1.5 GB per epoch until the box OOMs around epoch 9. It's not GPU memory. num_workers=8, persistent_workers=False. Dataset:

```python
class TokenDataset(Dataset):
    def __init__(self, path):
        with open(path) as f:
            self.samples = [json.loads(line) for line in f]   # ~12M dicts
    def __len__(self):
        return len(self.samples)
    def __getitem__(self, i):
        s = self.samples[i]
        return torch.tensor(s["input_ids"]), torch.tensor(s["labels"])
```
''')

add(3, "Platform team question: we're at 38 AWS accounts and growing, with Terraform in one monorepo and one giant state per environment (plan takes 14 min, people step on each other's locks). How should we split state, structure modules, and run plans/applies (Atlantis vs Terraform Cloud vs something homegrown)? Also need a story for cross-account references like the shared VPC IDs.")

add(3, r'''
Every deploy of `checkout-api` causes a burst of 502s from the ALB ingress for ~10-20 seconds, even though we have a readiness probe and maxUnavailable: 0. Nothing in our app logs. Manifest excerpt:

```yaml
strategy:
  rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
template:
  spec:
    terminationGracePeriodSeconds: 30
    containers:
      - name: api
        readinessProbe:
          httpGet: {path: /ready, port: 8080}
          periodSeconds: 5
```
The app exits immediately on SIGTERM (Node, `process.on('SIGTERM', () => process.exit(0))`).
''')

add(3, r'''
can you look over this before we ship it? it's the image + deployment for the file-conversion service which handles user uploads

```dockerfile
FROM ubuntu:22.04
RUN apt-get update && apt-get install -y libreoffice imagemagick curl
COPY . /app
WORKDIR /app
RUN curl -sL https://deb.nodesource.com/setup_20.x | bash - && apt-get install -y nodejs && npm install
ENV AWS_ACCESS_KEY_ID=AKIA...  AWS_SECRET_ACCESS_KEY=...
EXPOSE 8080
CMD ["node", "server.js"]
```
```yaml
spec:
  hostNetwork: true
  containers:
    - name: convert
      image: acme/convert:latest
      securityContext:
        privileged: true
      volumeMounts:
        - {name: tmp, mountPath: /tmp}
  volumes:
    - name: tmp
      hostPath: {path: /tmp}
```
''')

add(3, r'''
anything wrong with this auth middleware?

```go
func Auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		tok, err := jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
			if kid, ok := t.Header["kid"].(string); ok {
				return keyStore.Lookup(kid)
			}
			return []byte(os.Getenv("JWT_SECRET")), nil
		})
		if err != nil {
			http.Error(w, "unauthorized", 401)
			return
		}
		claims := tok.Claims.(jwt.MapClaims)
		ctx := context.WithValue(r.Context(), userKey, claims["sub"])
		if claims["role"] == "admin" || r.URL.Query().Get("debug_admin") == os.Getenv("DEBUG_TOKEN") {
			ctx = context.WithValue(ctx, adminKey, true)
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
```
''')

add(3, r'''
`TestLeaseRenewal` fails maybe 1 in 30 CI runs with `expected lease held, got expired`, never on my laptop. Write a test that reliably reproduces it so we can fix it properly.

```go
func (m *Manager) renewLoop(ctx context.Context) {
	t := time.NewTicker(m.ttl / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			m.mu.Lock()
			if time.Since(m.renewedAt) > m.ttl {
				m.held = false
			}
			m.mu.Unlock()
			if err := m.store.Renew(ctx, m.id, m.ttl); err == nil {
				m.mu.Lock()
				m.renewedAt = time.Now()
				m.mu.Unlock()
			}
		}
	}
}
```
''')

add(3, r'''
add a comment explaining why `uptime_ms` occasionally jumps backwards by ~256 ms in our logs (ATmega328P, 16 MHz)

```c
volatile uint32_t g_ms;

ISR(TIMER0_COMPA_vect) { g_ms++; }

uint32_t uptime_ms(void) {
    return g_ms;
}

void log_tick(void) {
    uint32_t now = uptime_ms();
    printf("%lu\n", now);
}
```
''')

add(3, r'''
Firmware works at -O0 but at -O2 the button debounce randomly stops responding after a while — sometimes after minutes, sometimes hours. STM32F4, bare metal.

```c
static uint8_t btn_state;
static uint32_t last_change;

void EXTI0_IRQHandler(void) {
    EXTI->PR = EXTI_PR_PR0;
    if (HAL_GetTick() - last_change > 30) {
        btn_state = !btn_state;
        last_change = HAL_GetTick();
    }
}

int main(void) {
    init();
    uint8_t seen = 0;
    while (1) {
        if (btn_state != seen) {
            seen = btn_state;
            toggle_mode();
        }
        __WFI();
    }
}
```
''')

add(3, "multiplayer arena game, 20Hz server tick, players at 150ms+ ping see enemies teleport and their own shots miss targets that were clearly under the crosshair. Right now clients just render the latest server snapshot. What netcode architecture should we move to (interpolation, client prediction, lag compensation) and what are the trade-offs for a small team on a custom UDP stack?")

add(3, "Bullets pass straight through thin walls but only for players on 144/240 Hz monitors; at 60 fps it's fine. We move bullets in Update() with `transform.position += velocity * Time.deltaTime` and use OnTriggerEnter on the wall colliders. Why, and how should projectile movement + collision actually be structured?")

add(3, r'''
`acmectl sync` went from ~4s to ~45s for big repos somewhere between v2.3.0 and v2.6.1. There are ~180 commits in between. Nobody changed the sync code directly as far as I know, but the dependency bumps, a new logging setup, and a refactor of the file walker all landed in that range. How would you track this down efficiently?
''')

add(3, r'''
Port this worker to Go with goroutines instead of threads. It's been running fine in prod for years.

```python
stats = {"ok": 0, "failed": 0, "bytes": 0}
seen_ids = set()

def handle(msg):
    if msg.id in seen_ids:
        return
    seen_ids.add(msg.id)
    try:
        n = upload(msg)
        stats["ok"] += 1
        stats["bytes"] += n
    except UploadError:
        stats["failed"] += 1

def main():
    with ThreadPoolExecutor(max_workers=32) as pool:
        for msg in consume():
            pool.submit(handle, msg)
```
''')

add(3, "We're ingesting IoT telemetry: 2M devices, each sends a 400-byte reading every 30s, bursting 5x when devices reconnect after a regional outage. Need 13 months of retention, dashboards over the last 24h must be < 2s, and per-device history queries. Roughly size the pipeline (Kafka partitions, storage, hot vs cold tiers) and pick the stores. Show your arithmetic.")

add(3, "prices are cached in Redis (TTL 10m) and at the CDN (max-age 60). When merchandising updates a price, some customers see the old price at checkout and support gets complaints about a mismatch between the product page and the cart. What consistency model do we actually need here and how should invalidation work across the two layers?")

add(3, r'''
[Earlier in this conversation]
User: our job scheduler sometimes runs the same job on two nodes
Assistant: Your lock is `SET lock:job NX` with no expiry and released in `finally`; if a node crashes, the lock never clears, so someone added a cron that deletes stale locks... (suggested `SET NX PX 30000` with a random token and a Lua compare-and-delete)
User: Did that. Locally I can't reproduce any more.
[New message]
In staging it still happens about once an hour. The jobs that double-run are the long ones (~2-4 min). We're on a Redis Sentinel setup with 1 primary 2 replicas.
''')

add(3, "monorepo or polyrepo for 6 backend services (Go), 2 React web apps, and iOS/Android apps? 25 engineers, shared protobuf contracts, currently 11 repos and releases keep breaking because of contract drift.")

add(3, r'''
Rename the field `amount` to `amount_minor` in `payments.v1.PaymentCaptured` (Avro, Confluent schema registry, BACKWARD compatibility). It's consumed by ledger, fraud, notifications, and the warehouse via a Snowflake sink connector.

```json
{"type": "record", "name": "PaymentCaptured", "namespace": "payments.v1",
 "fields": [
   {"name": "payment_id", "type": "string"},
   {"name": "amount", "type": "long"},
   {"name": "currency", "type": "string"},
   {"name": "captured_at", "type": {"type": "long", "logicalType": "timestamp-millis"}}
 ]}
```
''')

add(3, "Unsere REST-API (Spring Boot hinter einem nginx-Ingress) liefert sporadisch 504 Gateway Timeout, etwa 0,2 % der Requests, ohne erkennbares Muster bei Endpunkt oder Uhrzeit. Die Anwendungslogs zeigen für diese Requests gar nichts – als kämen sie nie an. Keep-alive ist im nginx auf 75s, im Tomcat auf den Default. Woran könnte das liegen und wie würdest du es eingrenzen?")

add(3, r'''
我们的 Go 服务内存一直在涨，每天大概涨 300MB，重启后恢复。pprof 的 inuse_space 看起来很平稳，只有 ~200MB，但容器 RSS 到了 2GB 才被 OOMKill。goroutine 数量也稳定在 1500 左右。用了 cgo 调用一个图片处理库。应该怎么排查？
''')

add(3, r'''
just add a docstring to `get_or_create_device` — QA keeps finding two Device rows with the same serial after the factory-reset flow, and the docstring should warn callers about whatever causes that.

```python
def get_or_create_device(serial: str, owner_id: int) -> Device:
    device = Device.objects.filter(serial=serial).first()
    if device:
        return device
    return Device.objects.create(serial=serial, owner_id=owner_id)
```
(the reset flow calls this from the mobile app and from the provisioning webhook at roughly the same time)
''')

add(3, "Is it safe to turn on `synchronous_commit = off` for our orders DB to cut commit latency? We're seeing p99 commit ~12 ms on gp3. Streaming replica for failover, Debezium reads the WAL into Kafka.")

add(3, r'''
Review the session handling in our mobile API for security problems. Refresh tokens are stored in the iOS keychain / Android EncryptedSharedPreferences.

```ts
app.post('/auth/refresh', async (req, res) => {
  const { refreshToken, deviceId } = req.body;
  const row = await db.one('SELECT * FROM refresh_tokens WHERE token = $1', [refreshToken]);
  if (!row) return res.sendStatus(401);
  const access = jwt.sign({ sub: row.user_id, dev: deviceId }, SECRET, { expiresIn: '15m' });
  const next = crypto.randomBytes(32).toString('hex');
  await db.none('INSERT INTO refresh_tokens(token, user_id, device_id) VALUES ($1,$2,$3)', [next, row.user_id, deviceId]);
  res.json({ accessToken: access, refreshToken: next });
});

app.post('/auth/logout', auth, async (req, res) => {
  await db.none('DELETE FROM refresh_tokens WHERE user_id = $1 AND device_id = $2', [req.user.sub, req.body.deviceId]);
  res.sendStatus(204);
});
```
''')

add(3, r'''
The Vue checkout sometimes submits the order twice when users on slow phones double-tap "Pay". We disable the button on click:

```vue
<button :disabled="submitting" @click="pay">Pay</button>
<script setup>
const submitting = ref(false)
async function pay() {
  submitting.value = true
  try { await api.placeOrder(cart.value) } finally { submitting.value = false }
}
</script>
```
Backend is a plain POST /orders. We also see a few duplicates from the iOS app which has similar logic. What's the robust fix end to end?
''')

add(3, r'''
Write the log line that'll let us catch this: the leaderboard occasionally shows a player's score lower than what they just achieved. Scores are submitted from game servers in several regions.

```ts
async function submitScore(playerId: string, score: number) {
  const current = await redis.zscore('lb:season12', playerId);
  if (current === null || score > Number(current)) {
    await redis.zadd('lb:season12', score, playerId);
  }
}
```
''')

add(3, "Our GitHub Actions monorepo CI went from 12 to 38 minutes over two months. Caches show hits, runners are the same size. Where do I start?")

# ---------------------------------------------------------------- more tier 1 / 2 for balance
add(1, r'''
reorder the Tailwind classes to the official sort order, we just added the prettier plugin and want this one file consistent

```html
<button class="text-white px-4 hover:bg-indigo-700 rounded-md bg-indigo-600 py-2 font-semibold focus-visible:outline-2 shadow-sm">
  Save
</button>
```
''')

add(1, r'''
Add a `// MARK: -` section for each group (Lifecycle, Actions, Private helpers) and move nothing.

```swift
final class ScannerViewController: UIViewController {
    override func viewDidLoad() { super.viewDidLoad(); setupPreview() }
    override func viewWillDisappear(_ animated: Bool) { super.viewWillDisappear(animated); session.stopRunning() }
    @IBAction func torchTapped(_ sender: UIButton) { toggleTorch() }
    @IBAction func closeTapped(_ sender: UIButton) { dismiss(animated: true) }
    private func setupPreview() { /* ... */ }
    private func toggleTorch() { /* ... */ }
}
```
''')

add(1, r'''
Could you run through this Kotlin file and replace `it` with named lambda parameters where the lambda spans more than one line? Just readability.

```kotlin
val active = users.filter {
    it.lastLogin != null &&
        it.lastLogin.isAfter(cutoff)
}.map {
    val name = it.displayName ?: it.email
    UserRow(it.id, name)
}
val ids = active.map { it.id }
```
''')

add(2, r'''
Write a Swift `actor ImageCache` with `func image(for url: URL) async throws -> UIImage`: memory cache with NSCache (limit 200 items), coalesce concurrent requests for the same URL into one download (store in-flight Tasks in a dictionary), and remove the in-flight entry on both success and failure.
''')

add(1, r'''
Our style guide switched to Google C++ naming. In this class, rename the private members from `m_camelCase` to `snake_case_` (e.g. `m_frameCount` -> `frame_count_`). The class is internal to the renderer target, nothing outside this header/cpp touches the members.

```cpp
#pragma once
#include <chrono>
#include <cstdint>
#include <deque>

namespace render {

class FrameStats {
public:
    explicit FrameStats(std::size_t window) : m_window(window) {}

    void onFrame(std::chrono::nanoseconds dt) {
        ++m_frameCount;
        m_samples.push_back(dt);
        m_total += dt;
        if (m_samples.size() > m_window) {
            m_total -= m_samples.front();
            m_samples.pop_front();
        }
        if (dt > m_worst) m_worst = dt;
    }

    double averageMs() const {
        if (m_samples.empty()) return 0.0;
        return std::chrono::duration<double, std::milli>(m_total).count() / m_samples.size();
    }

    double worstMs() const {
        return std::chrono::duration<double, std::milli>(m_worst).count();
    }

    std::uint64_t frameCount() const { return m_frameCount; }

    void reset() {
        m_samples.clear();
        m_total = {};
        m_worst = {};
        m_frameCount = 0;
    }

private:
    std::size_t m_window;
    std::deque<std::chrono::nanoseconds> m_samples;
    std::chrono::nanoseconds m_total{};
    std::chrono::nanoseconds m_worst{};
    std::uint64_t m_frameCount = 0;
};

}  // namespace render
```
''')

add(1, r'''
every variable in this file needs a `description`. Write them from the names/defaults, one short sentence each, and line up the `=` signs like terraform fmt would.

```hcl
variable "cluster_name" {
  type = string
}

variable "kubernetes_version" {
  type = string
  default = "1.29"
}

variable "vpc_id" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "node_instance_types" {
  type = list(string)
  default = ["m6i.large"]
}

variable "node_min_size" {
  type = number
  default = 2
}

variable "node_max_size" {
  type = number
  default = 10
}

variable "node_disk_size_gb" {
  type = number
  default = 50
}

variable "enable_cluster_autoscaler" {
  type = bool
  default = true
}

variable "admin_role_arns" {
  type = list(string)
  default = []
}

variable "log_retention_days" {
  type = number
  default = 30
}

variable "tags" {
  type = map(string)
  default = {}
}
```
''')

add(3, r'''
The ingest daemon hangs forever on SIGTERM maybe 1 deploy in 10, and k8s ends up SIGKILLing it after the grace period. When it does exit cleanly everything looks fine. I've stared at this for an hour:

```go
type Pool struct {
	jobs    chan Job
	results chan Result
	wg      sync.WaitGroup
	log     *slog.Logger
}

func NewPool(n int, log *slog.Logger) *Pool {
	p := &Pool{
		jobs:    make(chan Job, 100),
		results: make(chan Result),
		log:     log,
	}
	for i := 0; i < n; i++ {
		p.wg.Add(1)
		go p.worker(i)
	}
	return p
}

func (p *Pool) worker(id int) {
	defer p.wg.Done()
	for job := range p.jobs {
		res, err := job.Run()
		if err != nil {
			p.log.Warn("job failed", "worker", id, "err", err)
			continue
		}
		p.results <- res
	}
}

func (p *Pool) Submit(j Job) { p.jobs <- j }

func (p *Pool) Shutdown() {
	close(p.jobs)
	p.wg.Wait()
	close(p.results)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	pool := NewPool(8, slog.Default())
	sink := newSink()

	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case r, ok := <-pool.results:
				if !ok {
					return
				}
				sink.Write(r)
			}
		}
	}()

	src := newSource()
	for {
		select {
		case <-ctx.Done():
			pool.Shutdown()
			sink.Flush()
			return
		case j := <-src.Next():
			pool.Submit(j)
		}
	}
}
```
''')

# ------------------------------------------------------------------ write
def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "domains.jsonl")
    with open(out, "w", encoding="utf-8") as fh:
        for i, (tier, prompt) in enumerate(R, 1):
            fh.write(json.dumps({"id": f"dm-{i:04d}", "prompt": prompt, "tier": tier}, ensure_ascii=False) + "\n")
    # validate
    ids, counts, prompts = set(), collections.Counter(), set()
    with open(out, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            rec = json.loads(line)
            assert set(rec) == {"id", "prompt", "tier"}, n
            assert rec["id"] not in ids, rec["id"]
            ids.add(rec["id"])
            assert rec["tier"] in (1, 2, 3), n
            assert isinstance(rec["prompt"], str) and rec["prompt"].strip(), n
            assert rec["prompt"] not in prompts, f"duplicate prompt at line {n}"
            prompts.add(rec["prompt"])
            counts[rec["tier"]] += 1
    total = sum(counts.values())
    print(f"{out}: {total} records")
    for t in (1, 2, 3):
        print(f"  tier {t}: {counts[t]} ({counts[t]/total:.0%})")

if __name__ == "__main__":
    main()
