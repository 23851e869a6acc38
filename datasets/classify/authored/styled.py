#!/usr/bin/env python3
"""Build datasets/classify/authored/styled.jsonl: requests written in the style of train.jsonl (openers, polite frames,
closers, terse/verbose phrasings, fenced pastes, multi-turn layout, non-English), but about tasks, code and
domains the generator does not cover. Labels follow datasets/classify/LABELING.md.

Run: python3 styled.py   (deterministic; writes styled.jsonl next to this file and validates it)
"""
import json
import os
import random
import re
import textwrap
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "styled.jsonl")

R = []          # (tier, prompt, kind) kind in {"", "multi", "i18n", "long"}
_rng = random.Random("styled-v1")

OPENERS = [
    "Hi! ", "Hello, ", "Hey there, ", "Good morning! ", "Hi Claude, ", "Hope you're doing well. ",
    "Thanks for the help earlier. ", "Sorry to bother you again, ", "Hello again! ", "Hey, quick favour: ",
    "Good afternoon. ", "Hi there, ", "Hiya, ", "Hey, hope this is an easy one. ", "Morning! ",
    "Hi, hope your week is going ok. ", "Hey! ", "Quick one: ",
]
POLITE_FRAMES = [
    "Would you mind helping me {vp}?", "Could you please {vp}?", "I'd really appreciate it if you could {vp}.",
    "Would it be possible to {vp}?", "If it's not too much trouble, could you {vp}?",
    "When you get a chance, please {vp}.", "Can I ask you to {vp}?", "Could you kindly {vp}?",
    "I was hoping you could {vp}.", "Please {vp}, if you don't mind.", "Any chance you could {vp}?",
    "Would you be able to {vp}?",
]
CLOSERS = [
    "Thanks!", "Thanks a lot!", "Much appreciated.", "Cheers.", "Thank you so much in advance!",
    "Let me know if you need more context.", "Thanks, you're a lifesaver.", "Thank you!", "Many thanks.",
    "Appreciate it!", "Thanks in advance, and have a great day.", "Thanks again!", "Grateful for any help.",
    "Thank you very much for your time.", "Ta!", "Thanks heaps.",
]
CONSTRAINTS = [
    "Please keep everything else exactly as it is.", "No need to explain, just give me the code.",
    "Keep the diff minimal, please.", "Don't change any behaviour.", "Only output the changed file.",
    "Please don't touch the logic.", "Just the result is enough, no commentary.",
    "Keep the existing style of the file.", "No other changes needed.",
]
GENERIC = ["A short answer is fine.", "No rush.", "Plain text is fine.", "Keep it concise, please.",
           "Bullet points are fine."]
BACKGROUND = [
    "I'm tidying up the {dom} code before we hand it over to another team.",
    "This is one item on a long cleanup ticket for the {dom} service.",
    "Our reviewer flagged this in the last PR and I'd like to get it out of the way.",
    "I'm new to {lang} and still learning the idioms.",
    "It's a low-priority chore, so no rush.",
    "We're about to open-source the {dom} tooling.",
    "A new hire starts on the {dom} squad on Monday and will be reading this first.",
    "This came over from a hackathon prototype and never got cleaned up.",
    "I'm on support rotation today, so I'm fitting in small tasks.",
    "Our CI lint step got stricter last week.",
    "It's for the internal {dom} admin tool.",
    "Our {dom} squad is small and this keeps slipping down the backlog.",
    "I've been putting this off for weeks.",
]


def lc(s):
    if len(s) > 1 and (s[1].isupper() or s[0] == "`"):
        return s
    return s[:1].lower() + s[1:]


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def fence(lang, code):
    return "```" + lang + "\n" + textwrap.dedent(code).strip("\n") + "\n```"


def _after(opener, text):
    if opener.rstrip().endswith((",", ":")) and not re.match(r"I\b|I'", text):
        text = text[:1].lower() + text[1:]
    return opener + text


def W(tier, vp, payload="", st="p", first=False, dom="", lang="", extra="", kind=""):
    """Compose a request the way train.jsonl phrases them.

    st: p plain | t terse | P polite | V verbose.  vp: imperative verb phrase (or a full sentence for p/t).
    """
    r = _rng
    if st == "t":
        core = lc(vp.rstrip(".")) + r.choice(["", "", " pls", " please", " thx", ""])
    elif st in ("P", "V"):
        m = re.search(r"\.\s+(?=[A-Z`])", vp)
        head, tail = (vp, "") if not m else (vp[:m.start()], vp[m.end():].strip())
        head = head.rstrip(".")
        if tail and not tail.endswith((".", "?", "!", ":")):
            tail += "."
        core = r.choice(POLITE_FRAMES).format(vp=lc(head)) + (" " + tail if tail else "")
        if st == "P":
            core = _after(r.choice(OPENERS), core)
        else:
            pool = BACKGROUND if lang else [b for b in BACKGROUND if "{lang}" not in b]
            bg = r.choice(pool).format(dom=dom or "backend", lang=lang)
            core = _after(r.choice(OPENERS), bg + " " + core)
    else:
        core = cap(vp)
        if not core.endswith((".", "?", ":", "!")):
            core += (r.choice([".", ":", "."]) if payload and not first and not extra else ".")
    if extra:
        if st == "t" and not extra.startswith("\n") and not core.endswith((".", "?", "!", ":")):
            core += "."
        core += ("" if extra.startswith("\n") else " ") + extra
    if st == "V" and r.random() < 0.6:
        core += " " + r.choice(CONSTRAINTS if "```" in payload else GENERIC)
    parts = [payload, core] if (payload and first) else [core, payload]
    if st in ("P", "V"):
        parts.append(r.choice(CLOSERS))
    R.append((tier, "\n\n".join(p for p in parts if p), kind))


def A(tier, text, kind=""):
    """Add a hand-written prompt as is."""
    R.append((tier, textwrap.dedent(text).strip("\n") if text.startswith("\n") else text.strip("\n"), kind))


def MT(tier, earlier, new):
    """Multi-turn: earlier is a list of (speaker, text)."""
    lines = ["[Earlier in this conversation]"]
    for who, t in earlier:
        lines.append(f"{who}: {t.strip()}")
    lines.append("[New message]")
    lines.append(new.strip())
    R.append((tier, "\n".join(lines), "multi"))

# =============================================================================================== tier 1
W(1, "Add `scope=\"col\"` to every `<th>` in this table header and `scope=\"row\"` to the first cell of each body row",
  fence("html", '''
  <table class="usage">
    <thead>
      <tr><th>Plan</th><th>API calls</th><th>Webhooks</th><th>Seats</th></tr>
    </thead>
    <tbody>
      <tr><td>Starter</td><td>10k</td><td>3</td><td>2</td></tr>
      <tr><td>Growth</td><td>250k</td><td>25</td><td>15</td></tr>
      <tr><td>Scale</td><td>Unlimited</td><td>Unlimited</td><td>Unlimited</td></tr>
    </tbody>
  </table>
  '''), st="P")

W(1, "change the schedule on this so it runs at 02:30 UTC instead of 03:00",
  fence("yaml", '''
  apiVersion: batch/v1
  kind: CronJob
  metadata:
    name: purge-expired-uploads
  spec:
    schedule: "0 3 * * *"
    concurrencyPolicy: Forbid
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: OnFailure
            containers:
              - name: purge
                image: registry.internal/uploads-janitor:1.8.2
                args: ["purge", "--older-than=72h"]
  '''), st="t")

W(1, "Add a `help=` string to each of these argparse arguments, based on what the flag name says", fence("python", '''
  def build_parser():
      p = argparse.ArgumentParser(prog="thumbsmith")
      p.add_argument("src")
      p.add_argument("--out-dir", default="thumbs")
      p.add_argument("--width", type=int, default=320)
      p.add_argument("--height", type=int)
      p.add_argument("--quality", type=int, default=82)
      p.add_argument("--format", choices=["jpeg", "webp", "avif"], default="webp")
      p.add_argument("--overwrite", action="store_true")
      p.add_argument("--workers", type=int, default=4)
      return p
  '''), st="V", dom="media", lang="Python")

W(1, "Put a one-line comment above each crontab entry saying in plain English when it fires", fence("", '''
  */10 * * * *   /opt/feeds/bin/refresh-rss
  15 2 * * 1-5   /opt/feeds/bin/rebuild-sitemap
  0 */6 * * *    /opt/feeds/bin/prune-cache --max-age 6h
  30 4 1 * *     /opt/feeds/bin/monthly-digest
  0 9 * * 1      /opt/feeds/bin/weekly-report --to editors@hollowpine.io
  '''))

A(1, "add `read:exports` to the default scopes list in oauth.ts, right after `read:reports`. nothing else")

W(1, "Add triple-quoted descriptions to every type and field in this GraphQL schema. Use the field names to infer the wording; nothing fancy", fence("graphql", '''
  type Podcast {
    id: ID!
    title: String!
    feedUrl: String!
    language: String
    episodes(first: Int, after: String): EpisodeConnection!
    subscriberCount: Int!
  }

  type Episode {
    id: ID!
    podcast: Podcast!
    title: String!
    audioUrl: String!
    durationSeconds: Int
    publishedAt: DateTime
    explicit: Boolean!
  }

  type EpisodeConnection {
    edges: [EpisodeEdge!]!
    pageInfo: PageInfo!
  }

  type EpisodeEdge {
    cursor: String!
    node: Episode!
  }
  '''), st="P")

W(1, "Rename `sock` to `conn` everywhere in this file, it's a private helper module", fence("ts", '''
  let sock: WebSocket | null = null;
  let retries = 0;

  export function openTicker(url: string, onPrice: (p: PriceTick) => void) {
    sock = new WebSocket(url);
    sock.onmessage = (ev) => onPrice(JSON.parse(ev.data));
    sock.onclose = () => {
      sock = null;
      retries += 1;
    };
  }

  export function closeTicker() {
    sock?.close(1000, "bye");
    sock = null;
  }
  '''))

W(1, "set `retention_days` for the `audit_events` dataset to 400 and for `clickstream` to 30", fence("yaml", '''
  datasets:
    audit_events:
      retention_days: 365
      legal_hold: true
      storage_class: cold
    clickstream:
      retention_days: 90
      legal_hold: false
      storage_class: standard
    support_transcripts:
      retention_days: 180
      legal_hold: false
      storage_class: standard
  '''), st="t", first=True)

W(1, "Add KDoc to the public members of this class. Describe what the code does, nothing more", fence("kotlin", '''
  class PendingOpQueue(private val dao: PendingOpDao, private val clock: Clock) {

      suspend fun enqueue(entity: String, entityId: String, payload: String) {
          dao.insert(PendingOp(entity = entity, entityId = entityId, payload = payload, createdAt = clock.millis()))
      }

      suspend fun peek(limit: Int = 50): List<PendingOp> = dao.oldest(limit)

      suspend fun markDone(ids: List<Long>) = dao.deleteByIds(ids)

      suspend fun size(): Int = dao.count()
  }
  '''), st="V", dom="mobile", lang="Kotlin")

A(1, "in .github/workflows/ci.yml add `--frozen-lockfile` to both `pnpm install` steps")

W(1, "Convert this webpack config from `require`/`module.exports` to ESM `import`/`export default`. Same options", fence("js", '''
  const path = require("path");
  const HtmlWebpackPlugin = require("html-webpack-plugin");
  const MiniCssExtractPlugin = require("mini-css-extract-plugin");

  module.exports = {
    entry: "./src/index.tsx",
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].[contenthash].js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\\.tsx?$/, use: "ts-loader", exclude: /node_modules/ },
        { test: /\\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
      ],
    },
    plugins: [new HtmlWebpackPlugin({ template: "public/index.html" }), new MiniCssExtractPlugin()],
  };
  '''))

W(1, "add `packages/ui-kit` and `packages/eslint-config` to the workspace globs", fence("yaml", '''
  packages:
    - "apps/*"
    - "packages/api-client"
    - "packages/tsconfig"
  '''), st="t")

W(1, "Rename the panel titles in this Grafana dashboard: \"Req/s\" -> \"Requests per second\", \"Errs\" -> \"5xx errors\", \"Lat p95\" -> \"Latency p95\"", fence("json", '''
  {
    "title": "checkout-edge",
    "panels": [
      { "id": 1, "type": "timeseries", "title": "Req/s",
        "targets": [{ "expr": "sum(rate(http_requests_total{job=\\"checkout-edge\\"}[5m]))" }] },
      { "id": 2, "type": "timeseries", "title": "Errs",
        "targets": [{ "expr": "sum(rate(http_requests_total{job=\\"checkout-edge\\",code=~\\"5..\\"}[5m]))" }] },
      { "id": 3, "type": "timeseries", "title": "Lat p95",
        "targets": [{ "expr": "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job=\\"checkout-edge\\"}[5m])))" }] }
    ]
  }
  '''), st="P")

W(1, "Fix the typo in the OAuth consent screen copy: \"This app wants to acess your calender\" should be \"This app wants to access your calendar\"", st="P")

A(1, "Set `optimization.minimize` to `true` in webpack.prod.js, it got switched off while someone was debugging a sourcemap issue and never turned back on.")

W(1, "Add `declare(strict_types=1);` to the top of each of these PHP files, right after the opening tag: src/Webhook/StripeController.php, src/Webhook/SignatureVerifier.php, src/Webhook/EventRouter.php, src/Billing/InvoiceMailer.php", st="p")

W(1, "replace the `#ifndef` include guards in these headers with `#pragma once`", fence("c", '''
  /* img/resize.h */
  #ifndef IMG_RESIZE_H
  #define IMG_RESIZE_H

  #include <stdint.h>
  #include "pixbuf.h"

  int img_resize_bilinear(const pixbuf_t *src, pixbuf_t *dst);
  int img_resize_nearest(const pixbuf_t *src, pixbuf_t *dst);

  #endif /* IMG_RESIZE_H */

  /* img/pixbuf.h */
  #ifndef IMG_PIXBUF_H
  #define IMG_PIXBUF_H

  #include <stddef.h>
  #include <stdint.h>

  typedef struct {
      uint32_t width, height, stride;
      uint8_t channels;
      uint8_t *data;
  } pixbuf_t;

  pixbuf_t *pixbuf_new(uint32_t w, uint32_t h, uint8_t channels);
  void pixbuf_free(pixbuf_t *pb);

  #endif
  '''), st="t")

W(1, "Add `json` struct tags in snake_case to these fields", fence("go", '''
  type WebhookDelivery struct {
  	ID            string
  	EndpointURL   string
  	EventType     string
  	Attempt       int
  	ResponseCode  int
  	NextAttemptAt time.Time
  	Signature     string
  }
  '''), first=True)

W(1, "Sort the keys in this locale file alphabetically (nested keys too). Don't change any values", fence("json", '''
  {
    "settings": {
      "title": "Settings",
      "notifications": "Notifications",
      "language": "Language",
      "danger_zone": "Danger zone"
    },
    "export": {
      "csv": "Export as CSV",
      "xlsx": "Export as Excel",
      "started": "Your export has started. We'll email you when it's ready."
    },
    "common": {
      "save": "Save",
      "cancel": "Cancel",
      "close": "Close"
    }
  }
  '''), st="V", dom="web app")

A(1, '''```ruby
class ReminderMailer < ApplicationMailer
  def due_soon(reminder)
    @reminder = reminder
    mail(to: reminder.owner.email, subject: "Reminder: #{reminder.title}")
  end
end
```
add the `# frozen_string_literal: true` magic comment to the top and that's it''')

W(1, "Add `#[derive(Debug, Clone, PartialEq)]` to these structs", fence("rust", '''
  pub struct CronField {
      pub values: Vec<u8>,
      pub any: bool,
  }

  pub struct CronSpec {
      pub minute: CronField,
      pub hour: CronField,
      pub day_of_month: CronField,
      pub month: CronField,
      pub day_of_week: CronField,
  }
  '''), st="t")

W(1, "Change the CSV column headers to Title Case (\"order_ref\" -> \"Order Ref\" etc.). Don't change the column order", fence("python", '''
  EXPORT_COLUMNS = [
      "order_ref",
      "placed_on",
      "customer_email",
      "sku_count",
      "gross_amount",
      "tax_amount",
      "refund_status",
  ]
  '''), st="P")

W(1, "Mark these value types as `Sendable`. All their stored properties are plain value types already, so it's just the conformance", fence("swift", """
  struct PendingChange: Codable, Hashable {
      let id: UUID
      let noteID: String
      let body: String
      let createdAt: Date
  }

  struct SyncStatus: Equatable {
      var pendingCount: Int
      var lastSyncedAt: Date?
      var isOnline: Bool
  }

  enum SyncPhase: String, Codable {
      case idle, pushing, pulling, failed
  }
  """), st="t")

A(1, "Rename the README section \"Architecture\" to \"How it fits together\" and fix the broken link to docs/adr/0007-outbox.md (it points at 0007-outbox.md without the docs/adr/ prefix).")

W(1, "Add a short description to each Terraform variable below", fence("hcl", '''
  variable "bucket_name" {
    type = string
  }

  variable "expire_after_days" {
    type    = number
    default = 30
  }

  variable "noncurrent_version_expiration_days" {
    type    = number
    default = 7
  }

  variable "enable_object_lock" {
    type    = bool
    default = false
  }
  '''), st="t")

W(1, "Turn this bash `case` into a lookup with an associative array, same outputs", fence("bash", '''
  region_to_bucket() {
    case "$1" in
      eu-west-1) echo "exports-euw1" ;;
      eu-central-1) echo "exports-euc1" ;;
      us-east-1) echo "exports-use1" ;;
      ap-southeast-2) echo "exports-apse2" ;;
      *) echo "exports-default" ;;
    esac
  }
  '''))

W(1, "Pin the Node version for the repo: add `\"engines\": { \"node\": \">=20.11\" }` to the root package.json and create an `.nvmrc` containing 20.11.1", st="P")

A(1, "lower the log level for `org.elasticsearch.client` from DEBUG to WARN in logback-spring.xml, it's flooding the indexer logs")

W(1, "Turn these plain `print` calls into `logger.info` calls with the same message, and add a module-level logger", fence("python", '''
  def reindex(batch_size=500):
      print("starting reindex")
      total = 0
      for chunk in chunked(Product.objects.iterator(), batch_size):
          bulk(es, (to_doc(p) for p in chunk), index="products_v7")
          total += len(chunk)
          print(f"indexed {total} products")
      print("reindex done")
  '''), st="V", dom="search", lang="Python")

W(1, "Add XML doc comments (`///`) to the public methods of this class. Just describe what's there", fence("csharp", '''
  public sealed class ThumbnailService
  {
      private readonly IBlobStore _store;
      public ThumbnailService(IBlobStore store) => _store = store;

      public async Task<Uri> CreateAsync(string sourceKey, int maxEdge, CancellationToken ct)
      {
          await using var src = await _store.OpenReadAsync(sourceKey, ct);
          using var image = await Image.LoadAsync(src, ct);
          image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(maxEdge, maxEdge) }));
          var key = $"thumbs/{maxEdge}/{sourceKey}";
          await using var dst = await _store.OpenWriteAsync(key, "image/webp", ct);
          await image.SaveAsWebpAsync(dst, ct);
          return _store.PublicUrl(key);
      }

      public Task DeleteAllAsync(string sourceKey, CancellationToken ct) =>
          _store.DeletePrefixAsync($"thumbs/*/{sourceKey}", ct);
  }
  '''), st="P")

A(1, "Write the Jest test names only (no bodies) for `nextBackoffMs(attempt)`: first attempt, cap at 30s, jitter stays within ±20%, negative attempt throws, attempt 0.")

W(1, "change `max_attempts` to 8 and `initial_interval` to 2s for the webhook retry policy", fence("toml", '''
  [webhooks]
  signing_secret_env = "WEBHOOK_SIGNING_SECRET"
  timeout = "10s"

  [webhooks.retry]
  max_attempts = 5
  initial_interval = "1s"
  multiplier = 2.0
  max_interval = "5m"
  '''), st="t")

W(1, "Add `// swiftlint:disable:next force_cast` above the two force casts SwiftLint flags in SyncEngine.swift (lines 42 and 88), each with a short reason comment saying the cell type is registered in `viewDidLoad`", st="V", dom="iOS")

W(1, "Pull the hard-coded English strings out of this component into `t()` calls with keys under `exports.*`, and give me the matching en.json block", fence("tsx", """
  export function ExportRow({ job }: { job: ExportJob }) {
    return (
      <li className="export-row">
        <span>{job.format.toUpperCase()} export</span>
        {job.state === "ready" ? (
          <a href={job.downloadUrl}>Download</a>
        ) : job.state === "failed" ? (
          <span className="error">Export failed. Try again later.</span>
        ) : (
          <span className="muted">Preparing your file…</span>
        )}
        <button onClick={() => onDelete(job.id)} aria-label="Delete export">×</button>
      </li>
    );
  }
  """))

W(1, "Alphabetize the `paths` in this tsconfig and add `@acme/flags` -> `packages/flags/src`", fence("json", '''
  {
    "compilerOptions": {
      "baseUrl": ".",
      "paths": {
        "@acme/ui": ["packages/ui/src"],
        "@acme/analytics": ["packages/analytics/src"],
        "@acme/config": ["packages/config/src"],
        "@acme/auth": ["packages/auth/src"]
      }
    }
  }
  '''), st="P")

W(1, "add a `.PHONY` line for all the targets in this Makefile", fence("makefile", '''
  build:
  	go build -o bin/indexer ./cmd/indexer

  test:
  	go test ./...

  lint:
  	golangci-lint run

  reindex:
  	./bin/indexer reindex --all

  clean:
  	rm -rf bin/
  '''), st="t", first=True)

W(1, "Group these loose package-level `var`s into a single `var ( ... )` block, sorted alphabetically, and align them like gofmt would", fence("go", """
  var ErrNoScopes = errors.New("no scopes requested")
  var scopeRe = regexp.MustCompile(`^[a-z]+:[a-z_]+$`)
  var DefaultScopes = []string{"read:profile"}
  var ErrUnknownScope = errors.New("unknown scope")
  var adminScopes = map[string]bool{"admin:org": true, "admin:keys": true}
  """))

A(1, "Hi, could you add `aria-live=\"polite\"` to the toast container div in `Toaster.vue`? Screen reader folks asked for it. That's all, thanks!")

W(1, "add `t.Parallel()` as the first statement of the test and of each subtest in this table-driven test (we're on Go 1.22, and the cases don't share state)", fence("go", """
  func TestParseScopes(t *testing.T) {
  	cases := []struct {
  		name string
  		in   string
  		want []string
  		err  bool
  	}{
  		{"single", "read:exports", []string{"read:exports"}, false},
  		{"multiple", "read:exports write:exports", []string{"read:exports", "write:exports"}, false},
  		{"empty", "", nil, true},
  		{"invalid", "read exports!", nil, true},
  	}
  	for _, tc := range cases {
  		t.Run(tc.name, func(t *testing.T) {
  			got, err := parseScopes(tc.in)
  			if (err != nil) != tc.err {
  				t.Fatalf("err = %v, want err %v", err, tc.err)
  			}
  			if !reflect.DeepEqual(got, tc.want) {
  				t.Fatalf("got %v, want %v", got, tc.want)
  			}
  		})
  	}
  }
  """), st="t")

W(1, "Fix the indentation in this GitHub Actions file, the `steps` got shifted left by two spaces after a bad paste", fence("yaml", '''
  name: build-images
  on:
    push:
      branches: [main]
  jobs:
    docker:
      runs-on: ubuntu-latest
    steps:
    - uses: actions/checkout@v4
    - uses: docker/setup-buildx-action@v3
    - uses: docker/build-push-action@v6
      with:
        context: .
        push: true
        tags: ghcr.io/fernhill/resizer:${{ github.sha }}
  '''), st="t")

A(1, "In `feature_flags.yaml`, set `default: true` for `checkout_apple_pay` and leave the rollout rules alone.")

W(1, "Translate this small Python helper to TypeScript, one-to-one", fence("python", '''
  def slug_for_export(name: str, when: date) -> str:
      base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
      return f"{base}-{when:%Y%m%d}.csv"
  '''))

W(1, "add type hints to these Pillow helpers. they're simple, nothing clever", fence("python", '''
  from PIL import Image, ImageOps


  def load_rgb(path):
      img = Image.open(path)
      img = ImageOps.exif_transpose(img)
      return img.convert("RGB")


  def fit_within(img, max_w, max_h):
      copy = img.copy()
      copy.thumbnail((max_w, max_h))
      return copy


  def save_webp(img, dest, quality=80):
      img.save(dest, "WEBP", quality=quality, method=6)
      return dest
  '''), st="t")

W(1, "Add a comment to each field in this proto saying what it holds, based on the name", fence("protobuf", '''
  syntax = "proto3";
  package search.v1;

  message IndexRequest {
    string document_id = 1;
    string tenant_id = 2;
    map<string, string> fields = 3;
    int64 source_version = 4;
    bool refresh = 5;
  }

  message IndexResponse {
    string document_id = 1;
    int64 indexed_version = 2;
    string shard = 3;
  }
  '''), st="P")

A(1, "rename the `debugOverlay` prop to `showGridOverlay` in `<ImageCropper>` and its two call sites in the same file. it's internal, nobody outside this component folder uses it")

W(1, "Update the contact email in SECURITY.md from security@oldhost.dev to security@lanternworks.io and bump the \"Supported versions\" table so 3.x is supported and 1.x is not", fence("markdown", '''
  # Security Policy

  ## Supported versions

  | Version | Supported |
  | ------- | --------- |
  | 2.x     | yes       |
  | 1.x     | yes       |
  | < 1.0   | no        |

  ## Reporting a vulnerability

  Please email security@oldhost.dev with details. We aim to reply within 3 business days.
  '''), st="V", dom="open-source")

W(1, "Add OpenAPI `description` fields to these query parameters", fence("yaml", '''
  /v1/exports:
    get:
      operationId: listExports
      parameters:
        - name: status
          in: query
          schema: { type: string, enum: [queued, running, ready, expired] }
        - name: created_after
          in: query
          schema: { type: string, format: date-time }
        - name: format
          in: query
          schema: { type: string, enum: [csv, xlsx, parquet] }
        - name: page_size
          in: query
          schema: { type: integer, minimum: 1, maximum: 200, default: 50 }
  '''), st="t")

W(1, "Add LABEL lines for org.opencontainers.image.source and .licenses (MIT) to this Dockerfile", fence("dockerfile", '''
  FROM node:20-alpine
  WORKDIR /app
  COPY package.json pnpm-lock.yaml ./
  RUN corepack enable && pnpm install --prod --frozen-lockfile
  COPY dist ./dist
  EXPOSE 8080
  CMD ["node", "dist/server.js"]
  '''), first=True, extra="Source is https://github.com/lanternworks/relay.")

A(1, "Change `replicaCount` to 3 and `resources.limits.memory` to 768Mi in charts/search-api/values-prod.yaml.")

W(1, "Turn this list of supported image formats into a Java enum `ImageFormat` with a `mimeType` field: jpeg (image/jpeg), png (image/png), webp (image/webp), avif (image/avif), gif (image/gif)", st="P")

W(1, "Add a docstring to `verify_signature` describing its parameters and return value. The function is correct, I just need it documented", fence("python", '''
  def verify_signature(payload: bytes, header: str, secret: str, tolerance: int = 300) -> bool:
      parts = dict(p.split("=", 1) for p in header.split(","))
      ts = int(parts["t"])
      if abs(time.time() - ts) > tolerance:
          return False
      signed = f"{ts}.".encode() + payload
      expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
      return hmac.compare_digest(expected, parts.get("v1", ""))
  '''), st="V", dom="payments", lang="Python")

A(1, '''```elixir
defmodule Relay.Presence do
  def track(socket, user_id), do: Phoenix.Presence.track(socket, user_id, %{online_at: System.system_time(:second)})
  def list(topic), do: Phoenix.Presence.list(topic)
  def count(topic), do: topic |> list() |> map_size()
end
```

add @doc strings to these three functions and a @moduledoc''')

W(1, "Turn these untyped string constants into a typed enum: `type ExportState int` with iota, a `String()` method returning the same strings, and a `ParseExportState(string) (ExportState, error)`", fence("go", """
  const (
  	StateQueued  = "queued"
  	StateRunning = "running"
  	StateReady   = "ready"
  	StateFailed  = "failed"
  	StateExpired = "expired"
  )
  """))

W(1, "rename the `perf` folder to `benchmarks` in the jest config and the npm script", fence("json", '''
  {
    "scripts": {
      "test": "jest",
      "bench": "node perf/run.js"
    },
    "jest": {
      "testPathIgnorePatterns": ["/node_modules/", "/perf/"]
    }
  }
  '''), st="t")

W(1, "Convert this .po file into the nested JSON format i18next expects (keys by msgctxt, then msgid as key)", fence("", '''
  msgctxt "export"
  msgid "start"
  msgstr "Export starten"

  msgctxt "export"
  msgid "ready"
  msgstr "Ihr Export ist fertig"

  msgctxt "export"
  msgid "failed"
  msgstr "Export fehlgeschlagen"

  msgctxt "settings"
  msgid "language"
  msgstr "Sprache"

  msgctxt "settings"
  msgid "timezone"
  msgstr "Zeitzone"
  '''), st="P")

A(1, "add a CODEOWNERS file: packages/payments/** -> @lanternworks/payments, packages/search/** -> @lanternworks/search, infra/** and .github/** -> @lanternworks/platform, everything else -> @lanternworks/core. order matters, last match wins, so put the catch-all first")

W(1, "Add `@Nullable`/`@NonNull` annotations to the parameters and return types here; the null checks already tell you which is which", fence("java", '''
  public final class ScopeParser {
      public static List<String> parse(String raw) {
          if (raw == null || raw.isBlank()) {
              return List.of();
          }
          return Arrays.stream(raw.trim().split("\\\\s+")).distinct().toList();
      }

      public static String describe(String scope, Map<String, String> labels) {
          String label = labels.get(scope);
          return label != null ? label : scope;
      }

      public static String firstWrite(List<String> scopes) {
          for (String s : scopes) {
              if (s.startsWith("write:")) return s;
          }
          return null;
      }
  }
  '''), st="V", dom="identity", lang="Java")

W(1, "Rewrite these internal release bullets as a short customer-facing \"What's new\" blurb for the in-app modal (max 80 words, friendly, no internal jargon)", fence("", """
  - new: --since flag for `ledger export`
  - new: xlsx export (beta)
  - csv export now quotes all fields
  - fixed: `ledger sync` crashed when the config had no [remote] section
  - fixed: wrong exit code (0) on network errors
  """))

W(1, "Wrap the long lines in this SQL migration to under 100 columns. Don't change the statements", fence("sql", '''
  CREATE TABLE retention_policies (id BIGSERIAL PRIMARY KEY, dataset TEXT NOT NULL UNIQUE, keep_days INTEGER NOT NULL CHECK (keep_days > 0), legal_hold BOOLEAN NOT NULL DEFAULT FALSE, updated_by TEXT NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now());
  CREATE INDEX retention_policies_legal_hold_idx ON retention_policies (legal_hold) WHERE legal_hold = TRUE;
  INSERT INTO retention_policies (dataset, keep_days, legal_hold, updated_by) VALUES ('audit_events', 400, TRUE, 'migration'), ('clickstream', 30, FALSE, 'migration');
  '''), st="t")

A(1, "Hello! Could you add a comment block at the top of `scripts/rotate-logs.sh` saying what it does (it gzips anything in /var/log/relay older than a day and deletes .gz files older than 14 days) and how to run it? Thank you!")

W(1, "Generate a Dart model class `OfflineNote` with `fromJson`/`toJson` for these fields: id (String), body (String), updatedAt (DateTime), dirty (bool), deleted (bool)", st="P")

W(1, "Reorder the imports in this file: stdlib first, then third-party, then local, each group alphabetised", fence("python", '''
  from .models import Export, ExportStatus
  import csv
  from openpyxl import Workbook
  import io
  from django.conf import settings
  from .storage import upload_export
  import datetime as dt
  from openpyxl.styles import Font
  '''), first=True)

W(1, "Update the alert annotations so `summary` uses the new wording: \"Webhook delivery failure rate above 5% for {{ $labels.endpoint }}\"", fence("yaml", '''
  groups:
    - name: webhooks
      rules:
        - alert: WebhookFailuresHigh
          expr: |
            sum by (endpoint) (rate(webhook_deliveries_total{result="failure"}[10m]))
              / sum by (endpoint) (rate(webhook_deliveries_total[10m])) > 0.05
          for: 10m
          labels:
            severity: page
          annotations:
            summary: "Webhooks failing"
            runbook_url: https://runbooks.internal/webhooks/failures
  '''), st="t")

A(1, "make the `--verbose` flag in our click CLI also available as `-v`. one-line change in cli.py")

W(1, "Add Javadoc to this interface, one sentence per method is plenty", fence("java", '''
  public interface SearchIndexer {
      void index(Document doc);
      void indexAll(Collection<Document> docs);
      void delete(String documentId);
      long count(String tenantId);
      void refresh();
  }
  '''))

W(1, "replace `any` with the obvious types in this TS helper. everything is a string or number except `headers`, which is a Record<string, string>", fence("ts", '''
  export function buildCsvResponse(filename: any, body: any, headers: any = {}): any {
    return new Response(body, {
      status: 200,
      headers: {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
      },
    });
  }

  export function rowCountLabel(n: any): any {
    return n === 1 ? "1 row" : `${n} rows`;
  }
  '''), st="t")

W(1, "Change the nginx `limit_req_zone` rate for the login endpoint from 10r/s to 5r/m and the burst from 20 to 5", fence("nginx", '''
  limit_req_zone $binary_remote_addr zone=login:10m rate=10r/s;

  server {
      listen 443 ssl;
      server_name accounts.lanternworks.io;

      location /login {
          limit_req zone=login burst=20 nodelay;
          proxy_pass http://accounts_upstream;
      }
  }
  '''), st="P")

A(1, '''```scala
case class ExportJob(id: String, tenant: String, format: String, requestedBy: String, rows: Long)
```
generate a circe Encoder and Decoder for this with `deriveEncoder`/`deriveDecoder`, in a companion object''')

W(1, "Add Lua doc comments (`---@param`, `---@return`) to these functions", fence("lua", '''
  local M = {}

  function M.bucket_for(user_id, flag_key)
    local h = ngx.crc32_short(flag_key .. ":" .. user_id)
    return h % 100
  end

  function M.is_enabled(flag, user_id)
    if not flag.enabled then return false end
    return M.bucket_for(user_id, flag.key) < flag.rollout_percent
  end

  return M
  '''), st="V", dom="edge gateway")

A(1, "Could you write me a pull request description for the branch that moves our Excel export from xlsxwriter to openpyxl? Points to cover: same output columns, formulas now written as values, adds a 'Generated at' cell in A1 of the summary sheet, drops the python 3.8 CI job. Short and plain, please.")

W(1, "Add the missing trailing commas and sort these Terraform `scopes` lists alphabetically", fence("hcl", '''
  resource "google_service_account_iam_binding" "exporter" {
    service_account_id = google_service_account.exporter.name
    role               = "roles/iam.workloadIdentityUser"
    members = [
      "serviceAccount:${var.project}.svc.id.goog[exports/exporter]",
      "serviceAccount:${var.project}.svc.id.goog[exports/backfill]"
    ]
  }

  locals {
    exporter_scopes = [
      "https://www.googleapis.com/auth/drive.file",
      "https://www.googleapis.com/auth/spreadsheets",
      "https://www.googleapis.com/auth/cloud-platform"
    ]
  }
  '''), st="t")

W(1, "Rename the local `tmp` variables to something meaningful in this function (e.g. `scaled`, `rotated`). It's a private function in a script", fence("python", '''
  def prep(path):
      tmp = Image.open(path)
      tmp2 = ImageOps.exif_transpose(tmp)
      tmp3 = tmp2.resize((tmp2.width // 2, tmp2.height // 2))
      tmp4 = tmp3.convert("L")
      return tmp4
  '''))

A(1, "fix the spelling in the Android strings: \"Syncronising…\" -> \"Synchronising…\", \"Youre offline\" -> \"You're offline\" (escape the apostrophe properly for strings.xml)")

W(1, "Add `readonly` to every property of these interfaces; they're only ever built once from the API response", fence("ts", '''
  export interface OAuthClient {
    clientId: string;
    name: string;
    redirectUris: string[];
    scopes: string[];
    createdAt: string;
  }

  export interface OAuthGrant {
    clientId: string;
    userId: string;
    scopes: string[];
    grantedAt: string;
    expiresAt: string | null;
  }
  '''), st="P")

W(1, "In this Gradle file, bump compileSdk and targetSdk from 33 to 34 and the WorkManager version to 2.9.0", fence("kotlin", '''
  android {
      namespace = "io.fernhill.notes"
      compileSdk = 33
      defaultConfig {
          applicationId = "io.fernhill.notes"
          minSdk = 26
          targetSdk = 33
          versionCode = 41
          versionName = "2.6.0"
      }
  }

  dependencies {
      implementation("androidx.work:work-runtime-ktx:2.8.1")
      implementation("androidx.room:room-ktx:2.6.1")
  }
  '''), st="t")

A(1, "Write a renovate.json for the monorepo: extend `config:recommended`, group every `@aws-sdk/*` update into one PR called \"AWS SDK\", only open PRs on Monday before 9am Europe/Berlin, and automerge patch updates of devDependencies.")

W(1, "Add a C++ doc comment (Doxygen style) to each declaration in this header", fence("cpp", '''
  #pragma once
  #include <cstdint>
  #include <span>
  #include <vector>

  namespace imgk {

  struct Histogram {
      std::array<uint32_t, 256> bins{};
  };

  Histogram luminance_histogram(std::span<const uint8_t> rgb, int width, int height);
  uint8_t otsu_threshold(const Histogram& h);
  std::vector<uint8_t> binarize(std::span<const uint8_t> gray, uint8_t threshold);

  }  // namespace imgk
  '''), st="V", dom="imaging", lang="C++")

W(1, "Turn this JSON sample into a Kotlin `data class` with kotlinx.serialization `@SerialName` annotations", fence("json", '''
  {
    "scope": "read:invoices",
    "display_name": "Read invoices",
    "sensitive": false,
    "granted_by_default": true
  }
  '''), first=True)

A(1, "Swap the order of the two `if` branches in `renderEmptyState` so the 'no results' message comes first — purely cosmetic, the conditions are mutually exclusive.")

W(1, "Hook up the labels to their inputs in this form (add `id`s to the inputs and matching `for` attributes). Use the field name as the id", fence("html", """
  <form class="retention-form">
    <label>Dataset</label>
    <select name="dataset">
      <option>clickstream</option>
      <option>audit_events</option>
    </select>

    <label>Keep for (days)</label>
    <input type="number" name="keep_days" min="1">

    <label>Legal hold</label>
    <input type="checkbox" name="legal_hold">

    <button type="submit">Save policy</button>
  </form>
  """), st="t")

W(1, "Please convert this YAML config to TOML with the same structure", fence("yaml", '''
  indexer:
    batch_size: 500
    flush_interval: 5s
    dead_letter_topic: search.dlq
  elasticsearch:
    hosts:
      - https://es-0.internal:9200
      - https://es-1.internal:9200
    index_prefix: catalog
    refresh_interval: 30s
  '''))

A(1, "The security review doc has the table of OAuth scopes in a random order. Sort the rows by scope name and align the pipes, nothing else.\n\n" + fence("markdown", '''
  | scope | grants | risk |
  |---|---|---|
  | write:webhooks | create and delete webhook endpoints | high |
  | read:profile | name, avatar, locale | low |
  | admin:org | everything | critical |
  | read:invoices | list and download invoices | medium |
  | write:exports | start data exports | medium |
  '''))

W(1, "Rename `optimizeImage` to `compressImage` in this module and its one caller below it. No external users, it's inside the app bundle", fence("ts", '''
  export async function optimizeImage(file: File, quality = 0.8): Promise<Blob> {
    const bitmap = await createImageBitmap(file);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext("2d")!.drawImage(bitmap, 0, 0);
    return canvas.convertToBlob({ type: "image/webp", quality });
  }

  export async function prepareUpload(file: File) {
    const blob = await optimizeImage(file);
    return new File([blob], file.name.replace(/\\.[^.]+$/, ".webp"));
  }
  '''), st="P")

A(1, "Remove the leftover `console.debug` calls from src/sync/reconnect.ts (there are four, all prefixed with \"[ws]\"). They were for debugging last week's issue, which is fixed.")

W(1, "Add a docstring to the `RateLimitExceeded` exception and to its `retry_after` property. It's just a data holder", fence("python", '''
  class RateLimitExceeded(Exception):
      def __init__(self, key: str, limit: int, window_s: int, reset_at: float):
          super().__init__(f"rate limit exceeded for {key}")
          self.key = key
          self.limit = limit
          self.window_s = window_s
          self.reset_at = reset_at

      @property
      def retry_after(self) -> int:
          return max(0, math.ceil(self.reset_at - time.time()))
  '''), st="t")

A(1, "Hey there, the architecture diagram caption in docs/overview.md says \"Fig 2: indexing pipline\". Could you correct it to \"Figure 2: indexing pipeline\" and make Fig 1's caption match the same format? Cheers.")

W(1, "Set `ENABLE_PROFILING=false` for the production overlay and leave staging on", fence("yaml", '''
  # overlays/production/kustomization.yaml
  resources:
    - ../../base
  configMapGenerator:
    - name: imgproxy-env
      behavior: merge
      literals:
        - ENABLE_PROFILING=true
        - MAX_SRC_RESOLUTION=50
        - JPEG_PROGRESSIVE=true
  '''))

A(1, "add `#[must_use]` to the pure functions in src/cron/next.rs (`next_fire`, `prev_fire`, `matches`). they return values and have no side effects")

# =============================================================================================== tier 2
W(2, "Write a `plural_category(n, locale)` function in Python that returns the CLDR plural category for English, French, Polish and Russian. Integers only is fine for now. Polish: one for 1; few when n%10 in 2..4 and n%100 not in 12..14; many otherwise. Russian: one when n%10==1 and n%100!=11; few like Polish; many otherwise. French: one for 0 and 1", st="P")

W(2, "Add a `config` command group to this click CLI with `get KEY`, `set KEY VALUE` and `list`, reading/writing `~/.config/thumbsmith/config.toml` (tomllib to read, tomli-w to write). Dotted keys like `output.quality` map to TOML tables; `set` should coerce ints and booleans; unknown keys on `get` exit 1 with a message", fence("python", """
  @click.group()
  @click.version_option()
  def cli():
      '''thumbsmith: batch thumbnails.'''


  @cli.command()
  @click.argument("src", type=click.Path(exists=True, file_okay=False))
  @click.option("--width", type=int, default=320)
  def run(src, width):
      n = make_thumbs(src, width=width)
      click.echo(f"{n} thumbnails written")
  """))

W(2, "Implement a reconnecting WebSocket wrapper in TypeScript: exponential backoff starting at 500 ms, doubling, capped at 30 s, with ±20% jitter; reset the backoff after a connection has stayed open for 10 s; queue `send()` calls while disconnected and flush them on reconnect; `close()` stops reconnecting for good", st="V", dom="trading dashboard")

W(2, "write a Go middleware that checks the OAuth scopes in the request context against the scopes required for the route and returns 403 with `WWW-Authenticate: Bearer error=\"insufficient_scope\", scope=\"...\"` when any is missing", fence("go", '''
  type ctxKey int

  const scopesKey ctxKey = 1

  // set by the auth middleware earlier in the chain
  func ScopesFrom(ctx context.Context) []string {
  	s, _ := ctx.Value(scopesKey).([]string)
  	return s
  }
  '''), st="t")

W(2, "Implement a token bucket rate limiter in Rust: `TokenBucket::new(capacity, refill_per_sec)`, `try_acquire(n) -> bool`, refill lazily from `Instant::now()` on each call. Single-threaded use only, no need for atomics. Include a few unit tests with an injectable clock", st="p")

W(2, "The retention job deletes everything in one statement and locks the table for minutes. Rewrite it to delete in batches of 10,000 by primary key, committing between batches, and sleep 200 ms between batches", fence("sql", '''
  -- nightly: keep 30 days of raw clickstream
  DELETE FROM clickstream_events
  WHERE occurred_at < now() - interval '30 days';
  '''), extra="Postgres 15, plpgsql procedure is fine.")

W(2, "Add a streaming CSV export endpoint to this Express app: GET /reports/:id/rows.csv, stream rows from the cursor below with csv-stringify, set Content-Disposition with the report name, and stop the cursor if the client disconnects", fence("js", '''
  // db.js
  export function rowsCursor(reportId) {
    return pool.query(new Cursor("SELECT * FROM report_rows WHERE report_id = $1 ORDER BY line_no", [reportId]));
  }
  export async function getReport(id) {
    const { rows } = await pool.query("SELECT id, name FROM reports WHERE id = $1", [id]);
    return rows[0] ?? null;
  }
  '''), st="P")

W(2, "Write an openpyxl function `write_invoice_sheet(ws, invoices)` that writes a bold, frozen header row, formats amount columns as currency with 2 decimals, dates as yyyy-mm-dd, auto-sizes column widths roughly from content length, and adds an autofilter over the data range", st="t")

W(2, "Fix this. The monthly grouping in the export is off by one: January payments land under `2024-00` and December under `2024-11`", fence("js", '''
  function monthKey(d) {
    return `${d.getFullYear()}-${String(d.getMonth()).padStart(2, "0")}`;
  }

  export function groupByMonth(rows) {
    const out = {};
    for (const r of rows) {
      const k = monthKey(new Date(r.paid_at));
      (out[k] ??= []).push(r);
    }
    return out;
  }
  '''), st="P")

W(2, "`--verbose false` still turns verbose on, why? fix it", fence("python", '''
  parser = argparse.ArgumentParser()
  parser.add_argument("--verbose", type=bool, default=False)
  parser.add_argument("--limit", type=int, default=100)
  args = parser.parse_args()
  '''), st="t")

W(2, "Decoding fails with the error below. Fix the model", fence("swift", '''
  struct SyncCursor: Codable {
      let deviceId: String
      let lastSyncedAt: Date
      let pendingCount: Int
  }

  let decoder = JSONDecoder()
  decoder.dateDecodingStrategy = .iso8601
  let cursor = try decoder.decode(SyncCursor.self, from: data)
  '''), extra="\n\n" + fence("", '''
  keyNotFound(CodingKeys(stringValue: "deviceId", intValue: nil), Swift.DecodingError.Context(codingPath: [], debugDescription: "No value associated with key CodingKeys(stringValue: \\"deviceId\\", intValue: nil) (\\"deviceId\\").", underlyingError: nil))

  payload: {"device_id":"a1f3","last_synced_at":"2024-11-02T08:14:00Z","pending_count":3}
  '''))

W(2, "Can you debug this? Everyone who opens any page under /beta-reports gets the new search, even users who are outside the 10% rollout", fence("php", '''
  function flagEnabled(array $flags, string $key, string $userId): bool
  {
      $flag = $flags[$key] ?? null;
      if ($flag === null || !$flag['enabled']) {
          return false;
      }
      $bucket = crc32($key . ':' . $userId) % 100;
      return $bucket < $flag['rollout'];
  }

  // SearchController::index
  $flags = json_decode(file_get_contents(__DIR__ . '/flags.json'), true);
  $useNewSearch = strpos($request->path(), 'beta') !== false
      || flagEnabled($flags, 'new-search', (string) $user->id);
  '''), st="P")

W(2, "Rename the GraphQL field `User.fullname` to `User.displayName`. Mobile clients in the wild still query `fullname`, so keep it as a deprecated alias resolving to the same value with `@deprecated(reason: ...)`", fence("graphql", '''
  type User {
    id: ID!
    fullname: String!
    email: String!
    avatarUrl: String
  }
  '''), st="V", dom="API")

W(2, "rename the `--out` flag to `--output` in our CLI but keep `--out` working as a hidden alias that prints a deprecation warning to stderr. People have it in scripts", fence("go", '''
  func newExportCmd() *cobra.Command {
  	var out string
  	cmd := &cobra.Command{
  		Use:   "export [dataset]",
  		Args:  cobra.ExactArgs(1),
  		RunE: func(cmd *cobra.Command, args []string) error {
  			return runExport(cmd.Context(), args[0], out)
  		},
  	}
  	cmd.Flags().StringVar(&out, "out", "-", "where to write the export")
  	return cmd
  }
  '''), st="t")

W(2, "Write pytest tests for this cron field parser: plain numbers, `*`, steps, ranges, lists, range-with-step, and the error cases", fence("python", '''
  def parse_field(expr: str, lo: int, hi: int) -> list[int]:
      values = set()
      for part in expr.split(","):
          step = 1
          if "/" in part:
              part, step_s = part.split("/", 1)
              step = int(step_s)
              if step <= 0:
                  raise ValueError(f"bad step in {expr!r}")
          if part == "*":
              start, end = lo, hi
          elif "-" in part:
              a, b = part.split("-", 1)
              start, end = int(a), int(b)
          else:
              start = end = int(part)
          if start < lo or end > hi or start > end:
              raise ValueError(f"{expr!r} out of range {lo}-{hi}")
          values.update(range(start, end + 1, step))
      return sorted(values)
  '''), st="P")

W(2, "Add a Prometheus histogram `http_request_duration_seconds` (labels: method, route template, status code) to this chi router via a middleware. Use the route pattern, not the raw path, so cardinality stays bounded", fence("go", '''
  func routes(h *Handlers) http.Handler {
  	r := chi.NewRouter()
  	r.Use(middleware.RequestID, middleware.Recoverer)
  	r.Get("/exports/{id}", h.GetExport)
  	r.Post("/exports", h.CreateExport)
  	r.Get("/exports/{id}/download", h.Download)
  	return r
  }
  '''))

W(2, "Write a Prometheus alerting rule: fire when the 5xx ratio for any `service` over 5 minutes exceeds 2% for 10 minutes, but only when that service gets at least 1 req/s, so quiet services don't page. Severity ticket, with a summary annotation", st="P")

W(2, "Implement percentage rollout for our flags: `isEnabled(flag, userId)` should hash `flag.key + \":\" + userId` with murmur3 (we have `murmur3_32` available) into 0..9999 and compare against `flag.rolloutBasisPoints`. Allowlisted user ids always get true, blocklisted always false (blocklist wins). Kotlin please", st="t")

W(2, "Change this webhook endpoint so it stores each event in a `webhook_events` table (unique on the provider's event id, keep the raw payload and received_at), returns 200 straight away, and hands processing to a Celery task. Duplicates should be acknowledged but not re-queued. The signature check stays as is", fence("python", """
  @app.post("/webhooks/adyen")
  def adyen_webhook():
      payload = request.get_json()
      verify_hmac(payload, settings.ADYEN_HMAC_KEY)
      for item in payload["notificationItems"]:
          n = item["NotificationRequestItem"]
          HANDLERS[n["eventCode"]](n)          # can take 5-20 s (ledger + emails)
      return "[accepted]", 200
  """), st="V", dom="payments", lang="Python")


W(2, "Our CSV exports get opened in Excel by finance. Escape cells that start with `=`, `+`, `-`, `@`, tab or CR (prefix a single quote) to block formula injection, in this writer", fence("ruby", '''
  def to_csv(rows)
    CSV.generate(headers: true) do |csv|
      csv << %w[date customer description amount]
      rows.each do |r|
        csv << [r.date.iso8601, r.customer_name, r.description, format("%.2f", r.amount)]
      end
    end
  end
  '''), st="t")

W(2, "Switch our SPA's OAuth login to authorization code + PKCE (S256). Generate the verifier/challenge with Web Crypto, keep the verifier in sessionStorage, send it on the token exchange", fence("ts", '''
  export function login() {
    const params = new URLSearchParams({
      response_type: "token",
      client_id: CLIENT_ID,
      redirect_uri: `${location.origin}/callback`,
      scope: "openid profile read:projects",
      state: crypto.randomUUID(),
    });
    location.assign(`${AUTH_URL}/authorize?${params}`);
  }

  export function handleCallback() {
    const hash = new URLSearchParams(location.hash.slice(1));
    saveToken(hash.get("access_token")!, Number(hash.get("expires_in")));
  }
  '''), st="P")

W(2, "profiler says 91% of the time is in `Image.open(WATERMARK_PATH)` inside the loop. fix it", fence("python", '''
  def watermark_all(paths, out_dir):
      for p in paths:
          wm = Image.open(WATERMARK_PATH).convert("RGBA")
          img = Image.open(p).convert("RGBA")
          wm_resized = wm.resize((img.width // 5, img.height // 5))
          img.alpha_composite(wm_resized, (img.width - wm_resized.width - 16, img.height - wm_resized.height - 16))
          img.convert("RGB").save(os.path.join(out_dir, os.path.basename(p)), quality=85)
  '''), extra="\n\n" + fence("", '''
     ncalls  tottime  percall  cumtime  percall filename:lineno(function)
       2400    0.912    0.000   58.310    0.024 Image.py:3229(open)
       2400   52.004    0.022   52.004    0.022 PngImagePlugin.py:714(load_end)
       2400    0.301    0.000    4.110    0.002 Image.py:2155(resize)
          1    0.020    0.020   64.019   64.019 watermark.py:9(watermark_all)
  '''), st="t")

W(2, "Write a bulk indexing function for Elasticsearch: takes an iterator of `Product` objects, builds `_op_type: index` actions with `_id = product.sku` and `version_type=external` using `product.updated_version`, sends them with `helpers.streaming_bulk` in chunks of 500, and collects failures (except version conflicts, which are expected) into a list it returns", st="p")

W(2, "Create a GitHub Actions workflow for the monorepo: on PRs, run lint+test only for changed packages using `pnpm --filter ...[origin/main]`, cache the pnpm store, Node 20 and 22 matrix, and upload coverage from the Node 20 job only", st="V", dom="platform")

W(2, "Set up TypeScript project references for this monorepo so `tsc -b` builds packages/shared, then packages/api and packages/web (both depend on shared). Give me the root tsconfig and the three package tsconfigs", fence("", '''
  packages/
    shared/   src/index.ts
    api/      src/server.ts   (imports @acme/shared)
    web/      src/main.tsx    (imports @acme/shared)
  tsconfig.base.json  (strict, ES2022, moduleResolution bundler)
  '''), st="P")

W(2, "Write a Room entity + DAO for offline notes: note id (UUID string), body, updatedAt (epoch ms), dirty flag, deleted flag (soft delete). DAO needs: upsert, observe all non-deleted ordered by updatedAt desc as Flow, get all dirty, mark clean by ids", st="t")

W(2, "Port this Python click CLI to Go with cobra. Keep the same flags and exit codes; Python raises `click.ClickException` for user errors (exit 1) and lets anything else crash (exit 2 after the traceback) - in Go return errors and map them the same way", fence("python", '''
  @click.group()
  def cli():
      pass

  @cli.command()
  @click.argument("path", type=click.Path(exists=True))
  @click.option("--max-edge", type=int, default=1600)
  @click.option("--strip-exif/--keep-exif", default=True)
  def shrink(path, max_edge, strip_exif):
      if max_edge < 16:
          raise click.ClickException("--max-edge must be at least 16")
      n = shrink_tree(path, max_edge=max_edge, strip_exif=strip_exif)
      click.echo(f"shrunk {n} images")

  @cli.command()
  @click.argument("path", type=click.Path(exists=True))
  def stats(path):
      for fmt, count in sorted(count_formats(path).items()):
          click.echo(f"{fmt}\\t{count}")
  '''))

W(2, "Write a GraphQL resolver for `Query.searchProducts(query: String!, first: Int = 20, after: String)` that returns a Relay connection. Cursor should be an opaque base64 of the last item's `(score, id)`; use the `search(query, limit, searchAfter)` function we already have. Apollo Server, TypeScript", st="P")

W(2, "Add a DataLoader so `Post.author` stops doing one query per post. We have `usersByIds(ids): Promise<User[]>` (order not guaranteed)", fence("ts", '''
  const resolvers = {
    Post: {
      author: (post: PostRow, _args: unknown, ctx: Ctx) => ctx.db.users.findById(post.authorId),
    },
  };
  '''), st="t")

W(2, "This crashes for some uploads (PNGs with transparency, I think). Fix it", fence("python", '''
  def thumbnail(path: str, size: int = 256) -> str:
      img = Image.open(path)
      img.thumbnail((size, size))
      out = path + ".thumb.jpg"
      img.save(out, "JPEG", quality=85)
      return out
  '''), extra="\n\n" + fence("", '''
  Traceback (most recent call last):
    File "/app/media/tasks.py", line 31, in make_thumbs
      thumb = thumbnail(src)
    File "/app/media/images.py", line 15, in thumbnail
      img.save(out, "JPEG", quality=85)
    File "/usr/local/lib/python3.12/site-packages/PIL/Image.py", line 2459, in save
      save_handler(self, fp, filename)
    File "/usr/local/lib/python3.12/site-packages/PIL/JpegImagePlugin.py", line 643, in _save
      raise OSError(msg) from e
  OSError: cannot write mode RGBA as JPEG
  '''))

W(2, "Write a Kotlin function that computes the next N run times for a 5-field cron expression in a given ZoneId, from a starting Instant. Support `*`, numbers, ranges, lists and steps. If a local time falls in a DST gap, run at the first valid instant after it; in a DST overlap, run once (earlier offset)", st="V", dom="scheduling", lang="Kotlin")

W(2, "Add image resizing to the upload handler: produce 320/640/1280 px wide WebP variants keeping aspect ratio, never upscale, apply EXIF orientation first, strip metadata, and upload them next to the original as `<key>@<width>.webp`", fence("js", '''
  import sharp from "sharp";

  export async function handleUpload(req, res) {
    const file = req.file;
    const key = `uploads/${crypto.randomUUID()}${path.extname(file.originalname)}`;
    await s3.putObject({ Bucket: BUCKET, Key: key, Body: file.buffer, ContentType: file.mimetype });
    res.status(201).json({ key });
  }
  '''), st="P")

W(2, "The cron expression `0 9 * * 1-5` should mean weekdays at 9, but our scheduler runs it Tuesday to Saturday, and `0` (Sunday) jobs run on Mondays. Here's the day-of-week mapping", fence("java", '''
  private static DayOfWeek toDayOfWeek(int cronDow) {
      // cron: 0 = Sunday ... 6 = Saturday
      return DayOfWeek.of(cronDow + 1);
  }
  '''), st="t")

W(2, "Write a data retention job in Python for our S3 export bucket: list objects under `exports/`, delete those whose `LastModified` is older than the tenant's retention (from `retention_days_for(tenant_id)`, tenant id is the second path segment), skip anything with the `legal-hold=true` tag, delete in batches of 1000 with `delete_objects`, and log a summary per tenant. Add a `--dry-run` option", st="p")

W(2, "Add per-API-key rate limiting to this FastAPI app with slowapi: 100/minute by default, 1000/minute for keys whose plan is `scale` (look it up via `plan_for_key`), and return a JSON 429 with a `Retry-After` header", fence("python", '''
  app = FastAPI()

  def api_key(request: Request) -> str:
      return request.headers.get("x-api-key", "anonymous")

  @app.get("/v1/search")
  async def search(q: str, key: str = Depends(api_key)):
      return await run_search(q)
  '''), st="t")

W(2, "Write a Terraform module for an S3 bucket that holds exports: versioning on, SSE-KMS with a key passed in as a variable, lifecycle rule that expires current objects after `var.expire_days` and noncurrent versions after 7 days, block all public access, and outputs for the bucket name and ARN", st="P")

W(2, "Split this 'god' build script into separate npm scripts (build:css, build:js, build:icons) plus a `build` that runs them in parallel with npm-run-all. Same behaviour", fence("json", '''
  {
    "scripts": {
      "build": "rm -rf dist && mkdir -p dist && sass src/styles/main.scss dist/main.css --no-source-map && esbuild src/main.ts --bundle --minify --outfile=dist/main.js && svgo -f src/icons -o dist/icons && cp public/* dist/"
    }
  }
  '''))

W(2, "Write Jest tests for the reconnect backoff helper using fake timers: verify the delay sequence, the cap, that jitter stays in range (mock Math.random), and that `reset()` starts over", fence("ts", '''
  export class Backoff {
    private attempt = 0;
    constructor(private base = 500, private cap = 30_000, private jitter = 0.2) {}

    next(): number {
      const raw = Math.min(this.cap, this.base * 2 ** this.attempt);
      this.attempt += 1;
      const delta = raw * this.jitter * (Math.random() * 2 - 1);
      return Math.round(raw + delta);
    }

    reset(): void {
      this.attempt = 0;
    }
  }
  '''), st="V", dom="frontend")

W(2, "Add an i18n-aware `formatCount` to our React app using `Intl.PluralRules` and our message catalog: keys look like `files.one`, `files.other`, `files.few` etc. Fall back to `.other` when the locale's category key is missing, and substitute `{count}` with `Intl.NumberFormat` for the locale", st="t")

W(2, "Implement `POST /v1/feature-flags`, `GET /v1/feature-flags/:key`, `PATCH /v1/feature-flags/:key` and `DELETE` in NestJS with TypeORM. Flag fields: key (unique slug), description, enabled, rolloutPercent (0-100), updatedBy. Validate with class-validator, 409 on duplicate key, 404 on unknown key", st="P")

W(2, "cargo build fails on the tokenizer after I added the stats line, fix it", fence("rust", """
  pub fn build_postings(docs: Vec<Doc>) -> HashMap<String, Vec<u32>> {
      let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
      for doc in docs {
          for term in tokenize(&doc.body) {
              postings.entry(term).or_default().push(doc.id);
          }
      }
      log::info!("indexed {} docs, {} terms", docs.len(), postings.len());
      postings
  }
  """) + "\n\n" + fence("", """
  error[E0382]: borrow of moved value: `docs`
    --> src/index/postings.rs:8:46
     |
  1  | pub fn build_postings(docs: Vec<Doc>) -> HashMap<String, Vec<u32>> {
     |                       ---- move occurs because `docs` has type `Vec<Doc>`, which does not implement the `Copy` trait
  3  |     for doc in docs {
     |                 ---- `docs` moved due to this implicit call to `.into_iter()`
  ...
  8  |     log::info!("indexed {} docs, {} terms", docs.len(), postings.len());
     |                                              ^^^^ value borrowed here after move
  """), st="t")

W(2, "Write a Bash script `backup-pg.sh` that pg_dumps a database given as $1 to /backups/<db>/<date>.dump (custom format), keeps the last 14 dumps, exits non-zero with a message if pg_dump fails, uses `set -euo pipefail`, and logs start/end with timestamps", st="t")

W(2, "Make the offline queue retry failed uploads: on HTTP 5xx or network error keep the op with `attempts += 1` and `nextAttemptAt = now + min(2^attempts min, 1 h)`; on 4xx other than 409 move it to a `failed_ops` table; on 409 (already applied) just delete it", fence("kotlin", '''
  class Uploader(private val api: NotesApi, private val dao: PendingOpDao) {
      suspend fun drain() {
          for (op in dao.oldest(50)) {
              api.apply(op.entity, op.entityId, op.payload)
              dao.deleteByIds(listOf(op.id))
          }
      }
  }
  '''), st="P")

W(2, "Add structured JSON logging to this Go service with slog: replace the log.Printf calls, include request_id from the context on every request log, and make the level configurable via LOG_LEVEL", fence("go", '''
  func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
  	log.Printf("index request from %s", r.RemoteAddr)
  	docs, err := decodeDocs(r.Body)
  	if err != nil {
  		log.Printf("bad payload: %v", err)
  		http.Error(w, "bad payload", http.StatusBadRequest)
  		return
  	}
  	n, err := s.idx.Bulk(r.Context(), docs)
  	if err != nil {
  		log.Printf("bulk failed: %v", err)
  		http.Error(w, "index failed", http.StatusBadGateway)
  		return
  	}
  	log.Printf("indexed %d docs", n)
  	w.WriteHeader(http.StatusAccepted)
  }
  '''))

W(2, "Write a SwiftUI view for the offline banner: shows \"You're offline - changes will sync later\" when `NWPathMonitor` reports no connection, slides in from the top, and shows \"Syncing 3 changes…\" with a progress spinner while the sync engine's `pendingCount` > 0 and we're online", st="t")

W(2, "Rename the `events` Kafka topic consumer group from `indexer` to `search-indexer`. We can stop the indexer for 10 minutes tonight; write the steps + the command to copy the committed offsets to the new group so it doesn't reprocess from the beginning", st="P")

W(2, "Add a `reindex` management command to this Django app: takes `--index` (default products_v8) and `--batch-size`, creates the new index with the mapping from `mappings/products.json`, bulk loads from the DB, then atomically swaps the `products` alias to it and deletes the old index unless `--keep-old` is set", st="p")

W(2, "Write a C function `void rgb_to_gray(const uint8_t *rgb, uint8_t *gray, size_t width, size_t height, size_t stride)` using the BT.601 integer approximation (77R + 150G + 29B) >> 8. Rows are `stride` bytes apart, stride >= width*3. Plus a tiny test in main()", st="t")

# =============================================================================================== tier 3
W(3, "Add a comment above `handle_event` explaining why some orders end up fulfilled while their payment shows as failed in the dashboard. It's maybe 1 in 2,000 orders, and support only notices days later", fence("python", '''
  @app.post("/webhooks/psp")
  def psp_webhook():
      event = verify_and_parse(request)
      if Event.objects.filter(psp_event_id=event.id).exists():
          return "", 200
      Event.objects.create(psp_event_id=event.id, type=event.type)
      handle_event(event)
      return "", 200


  def handle_event(event):
      order = Order.objects.get(payment_ref=event.data["payment_ref"])
      if event.type == "payment.succeeded":
          order.payment_status = "paid"
          order.save()
          enqueue_fulfilment(order.id)
      elif event.type == "payment.failed":
          order.payment_status = "failed"
          order.save()
      elif event.type == "payment.updated":
          order.payment_status = event.data["status"]
          order.save()
  '''), extra="The PSP retries deliveries for up to 3 days and doesn't guarantee ordering.")

A(3, "our ws gateway: after every deploy ~40k clients reconnect within a couple of seconds, the auth service falls over, and clients that do get back in sometimes missed messages published while they were away. how should reconnect + resume work so neither happens?")

W(3, "Write a log line for the nightly invoice job that will tell us why customers occasionally get the same invoice email twice. It only happens since we went from 1 to 3 replicas of the scheduler", fence("python", '''
  scheduler = BackgroundScheduler(timezone="UTC")

  @scheduler.scheduled_job("cron", hour=1, minute=0)
  def send_invoices():
      for inv in Invoice.objects.filter(status="finalized", emailed_at__isnull=True):
          send_invoice_email(inv)
          inv.emailed_at = timezone.now()
          inv.save(update_fields=["emailed_at"])

  scheduler.start()
  '''), st="t")

A(3, "Our reminders service sends \"your appointment is tomorrow\" pushes. In Berlin, reminders scheduled for 02:30 local on March 30th never went out, and on October 26th a bunch of people got two. The schedule table stores `run_at` as a naive local timestamp plus a tz column, and a worker polls every minute with `WHERE run_at <= now() AT TIME ZONE tz AND sent = false`. What's going on, and how should we store and poll these so it's right for every timezone?")

W(3, "Review this OAuth callback handler for security problems before we launch the \"Sign in with Partner\" button", fence("ts", '''
  app.get("/oauth/partner/callback", async (req, res) => {
    const { code, state, next } = req.query as Record<string, string>;
    const saved = req.cookies["oauth_state"];
    if (saved && saved !== state) {
      return res.status(400).send("state mismatch");
    }
    const tokenRes = await fetch(`${PARTNER}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: `${BASE}/oauth/partner/callback`,
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
      }),
    });
    const tok = await tokenRes.json();
    const profile = jwtDecode<{ email: string; sub: string }>(tok.id_token);
    let user = await users.findByEmail(profile.email);
    if (!user) user = await users.create({ email: profile.email, partnerSub: profile.sub });
    req.session.userId = user.id;
    logger.info({ tok, user: user.id }, "partner login");
    res.redirect(next || "/");
  });
  '''), st="P")

A(3, "Should feature flag evaluation happen server-side with results passed to the client, or should the client SDK evaluate rules locally? We have SSR pages (Next.js), a mobile app that works offline, and edge functions. Flags include some that gate paid features.")

W(3, "Just add a retry around the Elasticsearch index call. Context: about 0.1% of products show stale prices in search even though the DB is right; re-saving the product fixes it. Indexing goes DB -> outbox table -> 6 worker pods -> ES, each worker takes batches from the outbox with `SELECT ... FOR UPDATE SKIP LOCKED LIMIT 200` and calls `es.index(id=sku, document=doc)`", st="t")

A(3, '''Image worker RSS keeps climbing until the pod is OOMKilled every ~6h (limit 2Gi). tracemalloc shows Python-level allocations flat around 180 MB. We process user uploads with Pillow (some are 12000x9000 PNGs), `img.load()`, resize, save as webp. gunicorn sync workers, max_requests not set. glibc, python:3.12-slim. Where's the memory going and what do we do about it?''')

W(3, "Our Excel exports for big tenants (200k-900k rows) time out at the load balancer after 60 s and sometimes take the API pod down with them (OOM). Exports are generated synchronously in the request with openpyxl, then streamed back. How should we re-architect this? We're on AWS, Postgres, and tenants expect the export to reflect a consistent snapshot", st="V", dom="reporting")

W(3, "Make the tests pass. `test_limit_enforced_under_load` fails maybe once every 15 CI runs: 103 requests get through instead of 100", fence("python", '''
  class RedisLimiter:
      def __init__(self, redis, limit, window_s):
          self.r, self.limit, self.window = redis, limit, window_s

      def allow(self, key: str) -> bool:
          bucket = f"rl:{key}:{int(time.time()) // self.window}"
          count = int(self.r.get(bucket) or 0)
          if count >= self.limit:
              return False
          pipe = self.r.pipeline()
          pipe.incr(bucket)
          pipe.expire(bucket, self.window)
          pipe.execute()
          return True


  def test_limit_enforced_under_load(redis):
      lim = RedisLimiter(redis, limit=100, window_s=60)
      with ThreadPoolExecutor(32) as ex:
          results = list(ex.map(lambda _: lim.allow("k"), range(300)))
      assert sum(results) == 100
  '''), extra="Also prod dashboards sometimes show ~2x the limit within a couple of seconds for one key, not sure if related.")

A(3, "the retention job deletes ~40M rows/night from `events` in 10k batches. since we started it: replica lag spikes to 15 min around 02:00, the table on disk hasn't shrunk at all, and a few dashboard queries on `events` went from 200 ms to 4 s over the last two weeks. PG 14, RDS. what's happening and how would you redo retention here?")

A(3, "Designing offline sync for our notes app (iOS + Android + web). Users edit the same note on phone offline and laptop online; today it's last-write-wins per note and people lose paragraphs. Options I see: per-field LWW, operational transform, a CRDT (Yjs/Automerge), or server-side 3-way merge. We have ~2M notes, median 3 KB, some 500 KB. Which would you pick and what are the gotchas with each?")

W(3, "Since moving to Turborepo with remote caching, CI went from ~6 min to ~19 min per PR and the cache hit rate shown by `turbo run build --summarize` is around 12%. Locally, a second run hits ~100%. What's likely busting the cache in CI and how do I confirm it?", fence("json", '''
  {
    "$schema": "https://turbo.build/schema.json",
    "globalDependencies": [".env", "tsconfig.base.json", "**/.env.*local"],
    "globalEnv": ["CI", "GITHUB_SHA", "NODE_ENV"],
    "pipeline": {
      "build": { "dependsOn": ["^build"], "outputs": ["dist/**", ".next/**"] },
      "test": { "dependsOn": ["build"], "outputs": ["coverage/**"] },
      "lint": {}
    }
  }
  '''), st="P")

A(3, "We have 38 services in a monorepo with a single version for everything and one release train. Two teams want to release independently and a third wants to pull their service out into its own repo. How would you structure versioning, CI and ownership so independent releases work without splitting the repo (or should we split)?")

W(3, "Please add a TODO comment in `useFlag` describing why the checkout button flickers between the old and new design on first load for about 5% of users. Only in production; SSR with Next.js, flags fetched from our flag service in `getServerSideProps` and again by the client SDK on mount", fence("tsx", '''
  export function useFlag(key: string, fallback = false) {
    const ssrFlags = useContext(SSRFlagsContext);
    const [value, setValue] = useState<boolean>(ssrFlags[key] ?? fallback);
    useEffect(() => {
      const client = getFlagClient();      // evaluates with anonymousId from localStorage
      client.onReady(() => setValue(client.isEnabled(key)));
    }, [key]);
    return value;
  }
  '''), st="V", dom="checkout")

A(3, "Is it safe to bump Hikari `maximumPoolSize` from 10 to 50 on the export service? It has 24 pods behind an HPA (min 6, max 24) and talks to an RDS db.r6g.xlarge that also serves the main API (which has its own pools). Exports are slow because they wait on connections.")

W(3, "Write a test that reproduces the duplicate uploads we see from the Android app: after a flaky network, the server receives the same pending op twice, a few seconds apart. Happens a handful of times a day across ~80k devices", fence("kotlin", '''
  class SyncWorker(ctx: Context, params: WorkerParameters) : CoroutineWorker(ctx, params) {
      override suspend fun doWork(): Result {
          val ops = dao.oldest(50)
          for (op in ops) {
              try {
                  api.apply(op.entity, op.entityId, op.payload)   // OkHttp, retryOnConnectionFailure = true, 15 s timeout
                  dao.deleteByIds(listOf(op.id))
              } catch (e: IOException) {
                  return Result.retry()
              }
          }
          return Result.success()
      }
  }

  // scheduled from: app start, connectivity regained, and after every local edit
  fun scheduleSync(context: Context) {
      WorkManager.getInstance(context).enqueue(
          OneTimeWorkRequestBuilder<SyncWorker>()
              .setConstraints(Constraints(requiredNetworkType = NetworkType.CONNECTED))
              .build()
      )
  }
  '''), st="t")

A(3, "tokio websocket broadcast server deadlocks under load (all tasks stuck, CPU idle) maybe once a day. no panic. we use a `tokio::sync::Mutex<HashMap<ClientId, SplitSink<...>>>` and broadcast by locking it and awaiting `sink.send()` for each client. fine in load tests with 500 clients, prod has ~20k with many on mobile networks. what's the failure mode and how would you restructure it?")

A(3, "Our public GraphQL API: what would you look at to make sure one client can't take us down with a single query? We have no depth limit, introspection is on, list fields accept `first` up to 1000, and some resolvers fan out to other services.")

W(3, "We need to make user deletion (GDPR erasure) actually complete. Personal data lives in 12 services' Postgres DBs, S3 exports, Elasticsearch, the Snowflake warehouse (loaded nightly via Fivetran), Kafka topics with 30-day retention, and daily RDS snapshots kept 35 days. Legal wants a documented process with a 30-day SLA and proof of deletion. How would you design this?", st="P")

# =============================================================================================== multi-turn
_WEBHOOK_DIFF = fence("diff", '''
  --- a/billing/webhooks.py
  +++ b/billing/webhooks.py
  @@ -1,30 +1,58 @@
  +PAYMENT_RANK = {"pending": 0, "requires_action": 1, "failed": 2, "succeeded": 3, "refunded": 4}
  +
  +
   @app.post("/webhooks/psp")
   def psp_webhook():
       event = verify_and_parse(request)
  -    if Event.objects.filter(psp_event_id=event.id).exists():
  -        return "", 200
  -    Event.objects.create(psp_event_id=event.id, type=event.type)
  -    handle_event(event)
  +    with transaction.atomic():
  +        _, created = Event.objects.get_or_create(psp_event_id=event.id, defaults={"type": event.type})
  +        if not created:
  +            return "", 200
  +        handle_event(event)
       return "", 200


   def handle_event(event):
  -    order = Order.objects.get(payment_ref=event.data["payment_ref"])
  -    if event.type == "payment.succeeded":
  -        order.payment_status = "paid"
  -        order.save()
  -        enqueue_fulfilment(order.id)
  -    elif event.type == "payment.failed":
  -        order.payment_status = "failed"
  -        order.save()
  -    elif event.type == "payment.updated":
  -        order.payment_status = event.data["status"]
  -        order.save()
  +    order = Order.objects.select_for_update().get(payment_ref=event.data["payment_ref"])
  +    psp = fetch_payment(event.data["payment_ref"])          # source of truth, not the event body
  +    if psp.version <= order.psp_version:
  +        log.info("stale payment event", extra={"order": order.id, "event": event.id,
  +                                               "have": order.psp_version, "got": psp.version})
  +        return
  +    if PAYMENT_RANK[psp.status] < PAYMENT_RANK.get(order.payment_status, 0) and psp.status != "failed":
  +        log.warning("payment status moved backwards", extra={"order": order.id, "from": order.payment_status,
  +                                                              "to": psp.status})
  +    order.payment_status = psp.status
  +    order.psp_version = psp.version
  +    order.save(update_fields=["payment_status", "psp_version"])
  +    if psp.status == "succeeded" and not order.fulfilment_requested:
  +        order.fulfilment_requested = True
  +        order.save(update_fields=["fulfilment_requested"])
  +        transaction.on_commit(lambda: enqueue_fulfilment(order.id))
  +
  +
  +# migration 0042: Order.psp_version BigIntegerField(default=0), Order.fulfilment_requested BooleanField(default=False)
  ''')
MT(1, [
    ("User", "About 1 in 2,000 orders get fulfilled while the payment shows failed. Our PSP retries webhooks for days and doesn't guarantee order. Handler below. " + "(pasted psp_webhook/handle_event)"),
    ("Assistant", "Two problems combine. First, the exists()/create() dedupe isn't atomic, so two deliveries of the same event can both pass the check. Second, and more important, you apply events in arrival order: a delayed `payment.updated` carrying an old status (e.g. `requires_action`) or a `payment.succeeded` retried after a later `payment.failed` overwrites the newer state, and `enqueue_fulfilment` runs on a stale success. Fix: make dedupe atomic inside a transaction, lock the order row, treat the event as a notification and fetch the current payment from the PSP, apply only if its version is newer than what you stored, and enqueue fulfilment once, on commit."),
    ("User", "Implemented it, here's the diff. Replayed 3 days of production webhooks in staging in shuffled order: zero mismatches now, and no double fulfilment.\n\n" + _WEBHOOK_DIFF),
    ("Assistant", "The diff matches what we discussed. One note: keep the migration default `psp_version=0` so existing orders accept the next event. Looks good to ship."),
], "Perfect. Write the commit message for this (conventional commits, body explaining the why, mention the migration).")

MT(1, [
    ("User", "After deploys all our websocket clients reconnect at the same moment and the auth service melts."),
    ("Assistant", "That's a thundering herd: every client sees the close at the same time and retries on the same fixed schedule (1 s, 2 s, 4 s...), so the retries stay synchronised. Add full jitter (wait a random time between 0 and the current backoff cap), and have the server send a close code with a suggested spread window during deploys so clients don't all come back in the first second. I updated `scheduleReconnect` to use full jitter with a 30 s cap."),
    ("User", "Deployed twice today with it, auth CPU barely moved. Nice."),
], "Add a short comment above `scheduleReconnect` that summarises why it uses full jitter, so nobody \"simplifies\" it back. 2-3 lines max.")

MT(1, [
    ("User", "Write a function that picks the CLDR plural category for en/fr/pl/ru."),
    ("Assistant", "Here's `plural_category(n, locale)` in `i18n/plurals.py` with the integer rules for the four locales, plus a `SUPPORTED_LOCALES` tuple."),
], "rename it to `cldr_plural` - nothing imports it yet, it's only used in that file's `__main__` block")

MT(1, [
    ("User", "Help me design the GraphQL schema for podcasts, episodes and subscriptions with cursor pagination."),
    ("Assistant", "Here's a first version: `Podcast`, `Episode`, `Subscription`, the `EpisodeConnection`/`EpisodeEdge`/`PageInfo` types, `Query.podcast`, `Query.search`, and `Mutation.subscribe`/`unsubscribe` with payload types. I made `Subscription.podcast` non-null and kept counts as `Int!`."),
    ("User", "Looks right. We'll go with it."),
], "Can you reformat it with 2-space indentation and put the types in alphabetical order (Query and Mutation stay at the top)?")

MT(1, [
    ("User", "Replica lag hit 15 minutes every night at 02:00 last week and the on-call got paged 4 times. Retention job logs and pg_stat output attached."),
    ("Assistant", "The lag lines up exactly with the retention job's batches. Each 10k-row DELETE generates a large WAL burst, and the batches run back to back with no pause, so the replica's single replay process can't keep up. On top of that, the `events_archive` trigger you added on 3 June doubles the WAL per deleted row. Short term: sleep between batches and cap the batch rate by WAL bytes. Longer term: partition `events` by day and drop partitions instead of deleting rows."),
    ("User", "Agreed. We shipped the throttle on Tuesday (lag max 40 s since) and partitioning is planned for Q3."),
], "Write the postmortem summary for the incident doc from this: impact, timeline (first page 3 June 02:07, mitigated 11 June), root cause, what went well/badly, action items with owners TBD. Keep it to a page.")

MT(1, [
    ("User", "Give me a Kubernetes CronJob that runs `exporter sync-partners` hourly with our usual settings."),
    ("Assistant", "Here it is: `partner-sync` CronJob, schedule `0 * * * *`, `concurrencyPolicy: Forbid`, `startingDeadlineSeconds: 300`, image `registry.internal/exporter:2.3.0`, resources and the `exporter-env` secret mounted."),
], "change it to every 15 min and bump the image to 2.4.1")

MT(1, [
    ("User", "I need a per-tenant rate limiter in Go for our API gateway, in-memory is fine."),
    ("Assistant", "Here's `package ratelimit` with `type Limiter`, `New(rps, burst)`, `(l *Limiter) Allow(tenant string) bool`, a `sync.Map` of `*rate.Limiter` per tenant, and a janitor goroutine that evicts idle tenants after 10 minutes (`Close()` stops it)."),
    ("User", "Works, thanks. Tests pass."),
], "add Go doc comments to everything exported in that package")

MT(2, [
    ("User", "Implement a token bucket in Rust: new(capacity, refill_per_sec), try_acquire(n)."),
    ("Assistant", "Done: `TokenBucket` with lazy refill based on `Instant`, `try_acquire(&mut self, n)`, and unit tests using an injectable `Clock` trait."),
], "Now I need to call it from several tokio tasks. Wrap it so it can be shared via `Arc` and `try_acquire` takes `&self`. A std Mutex is fine since we never hold it across an await. Update the tests.")

MT(2, [
    ("User", "Add a streaming CSV export endpoint GET /reports/:id/rows.csv to our Express app."),
    ("Assistant", "Added it: it looks up the report (404 if missing), opens the pg cursor, pipes rows through `csv-stringify` with a header row, sets `Content-Disposition`, and closes the cursor on `req.on(\"close\")`."),
], "now do the same for xlsx at /reports/:id/rows.xlsx with exceljs's streaming WorkbookWriter, bold header, and the amount column as a number format")

MT(2, [
    ("User", "Rename `User.fullname` to `displayName` in the schema but keep `fullname` working for old mobile clients."),
    ("Assistant", "Done: `displayName: String!` added, `fullname` kept with `@deprecated(reason: \"Use displayName\")`, both resolved by `resolveDisplayName`. I also added a `deprecated_field_used` counter so you can see when old clients are gone."),
], "Write tests for the User resolvers: both fields return the same value, the deprecation shows up in introspection, and the counter increments only when `fullname` is queried.")

MT(2, [
    ("User", "Port our Python click image CLI (`shrink`, `stats`) to Go with cobra."),
    ("Assistant", "Ported: `cmd/imgtool` with `shrink` (--max-edge, --strip-exif/--keep-exif) and `stats`; user errors return `userError` which `main` maps to exit 1, others exit 2."),
], "Add a `--concurrency N` flag to `shrink` (default: number of CPUs) that processes files with a pool of N goroutines. Keep the printed count correct, stop scheduling new files on the first user error, and keep the exit codes as they are.")

MT(3, [
    ("User", "After deploys ~40k websocket clients reconnect at once and take down auth."),
    ("Assistant", "Add full jitter to the reconnect backoff and spread reconnects with a server-suggested window. Updated `scheduleReconnect`."),
    ("User", "That fixed the storm."),
], "New problem since then: ~0.5% of clients reconnect fine (socket open, heartbeats OK) but never get another message. The gateway thinks they're subscribed. We run 6 gateway pods behind an ALB with Redis pub/sub fan-out; subscriptions are stored in a Redis hash keyed by user, and the old pod removes the user's subscriptions in its `on_close` handler. No errors anywhere. What's happening?")

MT(3, [
    ("User", "Add Stripe signature verification to our Flask webhook."),
    ("Assistant", "Done: the endpoint reads `request.get_data()` and calls `stripe.Webhook.construct_event(payload, sig_header, secret)`, returning 400 on `SignatureVerificationError` or `ValueError`."),
], "it's been live a week. in prod ~2% of webhooks fail verification, all from the same few event types (invoice.* with line items, customer.updated with non-ascii names). staging passes everything. prod path is Stripe -> CloudFront -> our Kong gateway (request-transformer plugin, logging plugin) -> gunicorn. retries from the Stripe dashboard also fail for those events. why?")

MT(3, [
    ("User", "Set up a Room-backed offline queue for note edits that uploads pending ops when online."),
    ("Assistant", "Done: `PendingOp` entity, DAO, `Uploader.drain()` with retries and a `failed_ops` table for 4xx responses."),
    ("User", "Works well for single-user notes."),
], "Product now wants shared notes: several people can edit the same note, sometimes offline for days, and an owner can revoke someone's access while they're offline with pending edits. How should the sync protocol change? Think about ordering, conflicts, and what happens to edits made after access was revoked.")

MT(3, [
    ("User", "Exports wait for DB connections. Can we raise Hikari maximumPoolSize from 10 to 50?"),
    ("Assistant", "Raising it will help exports a bit, but check total connections: pods x pool size must stay under the RDS `max_connections` minus what the main API needs."),
    ("User", "We did it, 24 pods x 50 fits under max_connections (5000)."),
], "Since then: during HPA scale-ups we get `FATAL: remaining connection slots are reserved for non-replication superuser connections` on the main API, and main API p99 went from 120 ms to 300 ms even at night when exports are idle. CPU on the DB looks fine. What's going on and what should the setup look like?")

# =============================================================================================== non-English
A(1, "Kannst du bitte Docstrings (Google-Stil, auf Englisch) zu diesen Funktionen hinzufügen? Am Code selbst soll sich nichts ändern.\n\n" + fence("python", '''
  def crop_center(img, ratio):
      w, h = img.size
      target_w = min(w, int(h * ratio))
      target_h = min(h, int(w / ratio))
      left = (w - target_w) // 2
      top = (h - target_h) // 2
      return img.crop((left, top, left + target_w, top + target_h))


  def add_border(img, px, color="white"):
      return ImageOps.expand(img, border=px, fill=color)


  def to_grayscale(img):
      return ImageOps.grayscale(img)
  '''), "i18n")

A(1, "Hola, ¿puedes cambiar este CronJob para que se ejecute todos los lunes a las 8:00 (hora UTC) en lugar de todos los días? Nada más, gracias.\n\n" + fence("yaml", '''
  apiVersion: batch/v1
  kind: CronJob
  metadata:
    name: informe-semanal
  spec:
    schedule: "0 8 * * *"
    jobTemplate:
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: informe
                image: registry.interno/informes:1.4.0
                args: ["generar", "--tipo=semanal"]
  '''), "i18n")

A(1, "この関数の中のローカル変数 `tmp` と `tmp2` を、意味が分かる名前（例えば `normalized` と `deduped`）に変えてください。外部からは使われていません。\n\n" + fence("ts", '''
  function collectTags(posts: Post[]): string[] {
    const tmp = posts.flatMap((p) => p.tags.map((t) => t.trim().toLowerCase()));
    const tmp2 = Array.from(new Set(tmp));
    return tmp2.sort();
  }
  '''), "i18n")

A(1, "请给这个 GraphQL schema 里的每个类型和字段加上描述（用 \"\"\" 三引号，英文即可），不要改字段本身。\n\n" + fence("graphql", '''
  type WebhookEndpoint {
    id: ID!
    url: String!
    events: [String!]!
    secretLastFour: String!
    disabled: Boolean!
    createdAt: DateTime!
  }

  type WebhookDelivery {
    id: ID!
    endpoint: WebhookEndpoint!
    eventType: String!
    statusCode: Int
    attempt: Int!
    deliveredAt: DateTime
  }
  '''), "i18n")

A(1, "Oi! Pode atualizar a versão do `sharp` para 0.33.5 e do `exifr` para 7.1.3 no package.json? Só isso, obrigado.", "i18n")

A(1, "Ciao! Puoi aggiungere i type hint a queste funzioni? Sono semplici, niente di complicato.\n\n" + fence("python", '''
  def parse_retention(value):
      unit = value[-1]
      amount = int(value[:-1])
      return amount * {"d": 1, "w": 7, "m": 30}[unit]


  def is_expired(created_at, retention_days, now):
      return (now - created_at).days > retention_days


  def dataset_names(config):
      return sorted(config.get("datasets", {}).keys())
  '''), "i18n")

A(2, "Wir brauchen einen CSV-Export für die Buchhaltung, der in deutschem Excel direkt richtig aufgeht: Semikolon als Trennzeichen, UTF-8 mit BOM, Dezimalkomma bei Beträgen, Datum als TT.MM.JJJJ. Bitte schreib eine Funktion `export_buchungen(buchungen, pfad)` in Python dafür (Felder: datum, belegnummer, konto, gegenkonto, betrag, text).", "i18n")

A(2, "Napisz proszę funkcję w TypeScript `pluralPl(n: number, forms: [string, string, string]): string` dla polskich form liczby mnogiej (np. 1 plik, 2 pliki, 5 plików, 12 plików, 22 pliki), razem z testami w Vitest dla przypadków brzegowych: 0, 1, 2-4, 5, 11-14, 21, 22, 112, 1001.", "i18n")

A(2, "Hola, ¿me puedes escribir tests unitarios con pytest para este limitador? Quiero cubrir: permite hasta el límite, rechaza después, se recupera al pasar la ventana (sin usar sleep, inyectando el reloj), y claves distintas no se afectan entre sí.\n\n" + fence("python", '''
  class SlidingWindowLimiter:
      def __init__(self, limit: int, window_s: float, clock=time.monotonic):
          self.limit = limit
          self.window_s = window_s
          self.clock = clock
          self.hits: dict[str, deque[float]] = defaultdict(deque)

      def allow(self, key: str) -> bool:
          now = self.clock()
          q = self.hits[key]
          while q and now - q[0] >= self.window_s:
              q.popleft()
          if len(q) >= self.limit:
              return False
          q.append(now)
          return True
  '''), "i18n")

A(3, "Depois que passamos o gateway de websocket de 1 para 4 pods (atrás de um ALB, fan-out via Redis pub/sub), alguns usuários do app de chat passaram a ver mensagens fora de ordem e, às vezes, uma mensagem duplicada logo após reconectar. Com 1 pod nunca acontecia. Cada mensagem tem um `id` gerado pelo servidor (UUIDv4) e o cliente mostra na ordem de chegada. Qual é a causa e como garantir ordem e entrega sem duplicatas?", "i18n")

A(3, "Depuis qu'on est passé de 5 à 30 shards sur notre index Elasticsearch `catalogue` (pour « préparer la croissance »), la latence p95 de la recherche est passée de 80 ms à 900 ms, alors que le volume de données n'a pas changé (≈ 40 Go) et que le cluster a toujours 6 nœuds. Les requêtes utilisent des agrégations `terms` sur 4 champs et un tri par pertinence. Pourquoi, et que faut-il faire ?", "i18n")

# =============================================================================================== long pastes
_FR_KEYS = [
    ("nav.dashboard", "Dashboard"), ("nav.exports", "Exports"), ("nav.webhooks", "Webhooks"),
    ("nav.settings", "Settings"), ("nav.billing", "Billing"), ("nav.team", "Team"), ("nav.logout", "Log out"),
    ("exports.title", "Data exports"), ("exports.new", "New export"), ("exports.format", "Format"),
    ("exports.range", "Date range"), ("exports.include_archived", "Include archived records"),
    ("exports.start", "Start export"), ("exports.queued", "Queued"), ("exports.running", "Running"),
    ("exports.ready", "Ready to download"), ("exports.expired", "Expired"), ("exports.download", "Download"),
    ("exports.delete", "Delete export"), ("exports.delete_confirm", "Delete this export? This can't be undone."),
    ("exports.empty", "You haven't created any exports yet."),
    ("exports.email_notice", "We'll email you when your export is ready."),
    ("exports.expires_in", "Expires in {days} days"), ("exports.row_count", "{count} rows"),
    ("webhooks.title", "Webhook endpoints"), ("webhooks.add", "Add endpoint"), ("webhooks.url", "Endpoint URL"),
    ("webhooks.events", "Events to send"), ("webhooks.secret", "Signing secret"),
    ("webhooks.reveal_secret", "Reveal secret"), ("webhooks.rotate_secret", "Rotate secret"),
    ("webhooks.rotate_confirm", "The old secret will stop working in 24 hours. Continue?"),
    ("webhooks.disabled_banner", "This endpoint was disabled after repeated failures."),
    ("webhooks.enable", "Re-enable endpoint"), ("webhooks.test", "Send test event"),
    ("webhooks.deliveries", "Recent deliveries"), ("webhooks.status_ok", "Delivered"),
    ("webhooks.status_failed", "Failed"), ("webhooks.status_retrying", "Retrying"),
    ("webhooks.next_attempt", "Next attempt {time}"), ("webhooks.response_code", "Response code"),
    ("settings.profile", "Profile"), ("settings.name", "Full name"), ("settings.email", "Email address"),
    ("settings.language", "Language"), ("settings.timezone", "Time zone"),
    ("settings.date_format", "Date format"), ("settings.save", "Save changes"),
    ("settings.saved", "Your changes have been saved."), ("settings.danger", "Danger zone"),
    ("settings.delete_account", "Delete account"),
    ("settings.delete_warning", "All your data will be permanently deleted after 30 days."),
    ("team.title", "Team members"), ("team.invite", "Invite member"), ("team.role", "Role"),
    ("team.role_admin", "Admin"), ("team.role_member", "Member"), ("team.role_viewer", "Viewer"),
    ("team.pending", "Invitation pending"), ("team.resend", "Resend invitation"),
    ("team.remove", "Remove from team"), ("team.remove_confirm", "Remove {name} from the team?"),
    ("team.seats_left", "{count} seats left on your plan"),
    ("billing.plan", "Current plan"), ("billing.change_plan", "Change plan"),
    ("billing.next_invoice", "Next invoice on {date}"), ("billing.payment_method", "Payment method"),
    ("billing.update_card", "Update card"), ("billing.invoices", "Invoices"),
    ("billing.download_pdf", "Download PDF"), ("billing.past_due", "Your last payment failed. Please update your card."),
    ("billing.cancel", "Cancel subscription"),
    ("billing.cancel_notice", "Your plan stays active until the end of the billing period."),
    ("errors.generic", "Something went wrong. Please try again."),
    ("errors.network", "You appear to be offline."), ("errors.not_found", "We couldn't find that page."),
    ("errors.forbidden", "You don't have permission to do that."),
    ("errors.rate_limited", "Too many requests. Try again in {seconds} seconds."),
    ("errors.session_expired", "Your session has expired. Please log in again."),
    ("common.cancel", "Cancel"), ("common.confirm", "Confirm"), ("common.close", "Close"),
    ("common.back", "Back"), ("common.next", "Next"), ("common.search", "Search"),
    ("common.loading", "Loading…"), ("common.copy", "Copy"), ("common.copied", "Copied!"),
    ("common.learn_more", "Learn more"),
]
_fr = {}
for k, v in _FR_KEYS:
    sec, name = k.split(".", 1)
    _fr.setdefault(sec, {})[name] = v
A(1, "Salut ! Peux-tu traduire toutes les valeurs de ce fichier en français (vouvoiement, ton neutre) ? Garde les clés et les variables entre accolades telles quelles, et renvoie le JSON complet.\n\n"
  + "```json\n" + json.dumps(_fr, indent=2, ensure_ascii=False) + "\n```\n\nMerci beaucoup !", "i18n")

_LEDGERCTL = r'''
"""ledgerctl - command line client for the ledger export service."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import logging
import os
import sys
import time
from pathlib import Path

import requests

log = logging.getLogger("ledgerctl")

DEFAULT_API = "https://ledger.internal.lanternworks.io"
CONFIG_PATH = Path(os.environ.get("LEDGERCTL_CONFIG", "~/.config/ledgerctl.json")).expanduser()
EXIT_OK, EXIT_USAGE, EXIT_API, EXIT_TIMEOUT = 0, 2, 3, 4


class ApiError(Exception):
    def __init__(self, status, body):
        super().__init__(f"API returned {status}: {body[:200]}")
        self.status = status
        self.body = body


def load_config(path=CONFIG_PATH):
    if not path.exists():
        return {}
    with path.open() as fh:
        return json.load(fh)


def save_config(cfg, path=CONFIG_PATH):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(cfg, indent=2))
    tmp.replace(path)


def parse_date(value):
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date: {value!r}")


def parse_duration(value):
    units = {"s": 1, "m": 60, "h": 3600}
    if not value or value[-1] not in units:
        raise argparse.ArgumentTypeError(f"duration must end in s, m or h: {value!r}")
    return int(value[:-1]) * units[value[-1]]


class Client:
    def __init__(self, base_url, token, timeout=30):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.session.headers["User-Agent"] = "ledgerctl/3.4"
        self.timeout = timeout

    def _request(self, method, path, **kwargs):
        resp = self.session.request(method, self.base_url + path, timeout=self.timeout, **kwargs)
        if resp.status_code >= 400:
            raise ApiError(resp.status_code, resp.text)
        return resp.json() if resp.content else None

    def accounts(self):
        return self._request("GET", "/v2/accounts")["items"]

    def start_export(self, account, fmt, since=None, until=None):
        body = {"account": account, "format": fmt}
        if since:
            body["since"] = since.isoformat()
        if until:
            body["until"] = until.isoformat()
        return self._request("POST", "/v2/exports", json=body)

    def export_status(self, export_id):
        return self._request("GET", f"/v2/exports/{export_id}")

    def download(self, url, dest):
        with self.session.get(url, stream=True, timeout=self.timeout) as resp:
            resp.raise_for_status()
            with open(dest, "wb") as fh:
                for chunk in resp.iter_content(chunk_size=1 << 16):
                    fh.write(chunk)
        return dest


def wait_for_export(client, export_id, poll_every=5, timeout=900):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.export_status(export_id)
        if status["state"] == "ready":
            return status
        if status["state"] == "failed":
            raise ApiError(500, status.get("error", "export failed"))
        log.debug("export %s is %s", export_id, status["state"])
        time.sleep(poll_every)
    raise TimeoutError(f"export {export_id} not ready after {timeout}s")


def print_table(rows, columns, out=sys.stdout):
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns}
    out.write("  ".join(c.upper().ljust(widths[c]) for c in columns) + "\n")
    for r in rows:
        out.write("  ".join(str(r.get(c, "")).ljust(widths[c]) for c in columns) + "\n")


def write_csv(rows, columns, dest):
    with open(dest, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


def cmd_login(args, cfg):
    cfg["api"] = args.api
    cfg["token"] = args.token
    save_config(cfg)
    print(f"saved credentials for {args.api}")
    return EXIT_OK


def cmd_accounts(args, cfg, client):
    rows = client.accounts()
    if args.json:
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(rows, ["id", "name", "currency", "balance"])
    return EXIT_OK


def cmd_export(args, cfg, client):
    job = client.start_export(args.account, args.format, args.since, args.until)
    print(f"started export {job['id']}")
    if args.no_wait:
        return EXIT_OK
    try:
        status = wait_for_export(client, job["id"], timeout=args.timeout)
    except TimeoutError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_TIMEOUT
    dest = args.out or f"{args.account}-{dt.date.today():%Y%m%d}.{args.format}"
    client.download(status["download_url"], dest)
    print(f"wrote {dest}")
    return EXIT_OK


def cmd_status(args, cfg, client):
    status = client.export_status(args.export_id)
    print_table([status], ["id", "state", "format", "rows", "created_at"])
    return EXIT_OK


def build_parser():
    p = argparse.ArgumentParser(prog="ledgerctl")
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)

    login = sub.add_parser("login")
    login.add_argument("--api", default=DEFAULT_API)
    login.add_argument("--token", required=True)

    accounts = sub.add_parser("accounts")
    accounts.add_argument("--json", action="store_true")

    export = sub.add_parser("export")
    export.add_argument("account")
    export.add_argument("--format", choices=["csv", "xlsx", "parquet"], default="csv")
    export.add_argument("--since", type=parse_date)
    export.add_argument("--until", type=parse_date)
    export.add_argument("--out")
    export.add_argument("--no-wait", action="store_true")
    export.add_argument("--timeout", type=parse_duration, default=900)

    status = sub.add_parser("status")
    status.add_argument("export_id")
    return p


COMMANDS = {"accounts": cmd_accounts, "export": cmd_export, "status": cmd_status}


def main(argv=None):
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING)
    cfg = load_config()
    if args.command == "login":
        return cmd_login(args, cfg)
    if "token" not in cfg:
        print("not logged in; run `ledgerctl login` first", file=sys.stderr)
        return EXIT_USAGE
    client = Client(cfg.get("api", DEFAULT_API), cfg["token"])
    try:
        return COMMANDS[args.command](args, cfg, client)
    except ApiError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_API


if __name__ == "__main__":
    sys.exit(main())
'''
W(1, "Add docstrings to every function, method and class in this module (Google style). Don't change any code, just the docstrings", fence("python", _LEDGERCTL), st="V", dom="ledger", lang="Python", kind="long")

_SYNC_REPO = r'''
package io.fernhill.notes.sync

import androidx.room.withTransaction
import io.fernhill.notes.data.AppDatabase
import io.fernhill.notes.data.NoteDao
import io.fernhill.notes.data.NoteEntity
import io.fernhill.notes.data.PendingOp
import io.fernhill.notes.data.PendingOpDao
import io.fernhill.notes.net.NotesApi
import io.fernhill.notes.net.RemoteNote
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.map
import kotlinx.serialization.encodeToString
import kotlinx.serialization.json.Json
import java.time.Clock
import java.util.UUID

class NotesRepository(
    private val db: AppDatabase,
    private val notes: NoteDao,
    private val ops: PendingOpDao,
    private val api: NotesApi,
    private val clock: Clock,
    private val json: Json = Json { ignoreUnknownKeys = true },
) {

    fun observeNotes(): Flow<List<Note>> =
        notes.observeVisible().map { rows -> rows.map { it.toModel() } }

    fun observeNote(id: String): Flow<Note?> =
        notes.observeById(id).map { it?.toModel() }

    suspend fun create(body: String): Note {
        val now = clock.millis()
        val entity = NoteEntity(
            id = UUID.randomUUID().toString(),
            body = body,
            updatedAt = now,
            dirty = true,
            deleted = false,
        )
        db.withTransaction {
            notes.upsert(entity)
            ops.insert(PendingOp(entity = "note", entityId = entity.id, payload = encode(entity), createdAt = now))
        }
        return entity.toModel()
    }

    suspend fun update(id: String, body: String) {
        val existing = notes.getById(id) ?: return
        val now = clock.millis()
        val updated = existing.copy(body = body, updatedAt = now, dirty = true)
        db.withTransaction {
            notes.upsert(updated)
            ops.insert(PendingOp(entity = "note", entityId = id, payload = encode(updated), createdAt = now))
        }
    }

    suspend fun delete(id: String) {
        val existing = notes.getById(id) ?: return
        val now = clock.millis()
        val tombstone = existing.copy(deleted = true, dirty = true, updatedAt = now)
        db.withTransaction {
            notes.upsert(tombstone)
            ops.insert(PendingOp(entity = "note", entityId = id, payload = encode(tombstone), createdAt = now))
        }
    }

    suspend fun pendingCount(): Int = ops.count()

    suspend fun pull(since: Long): Long {
        val page = api.changesSince(since)
        db.withTransaction {
            for (remote in page.notes) {
                val local = notes.getById(remote.id)
                if (local == null || !local.dirty) {
                    notes.upsert(remote.toEntity())
                }
            }
        }
        return page.cursor
    }

    suspend fun push(batchSize: Int = 50): Int {
        val batch = ops.oldest(batchSize)
        if (batch.isEmpty()) return 0
        val applied = api.applyOps(batch.map { it.toRemote() })
        db.withTransaction {
            ops.deleteByIds(applied.map { it.localId })
            for (a in applied) {
                notes.markClean(a.entityId, a.serverVersion)
            }
        }
        return applied.size
    }

    suspend fun purgeDeleted(olderThanMillis: Long) {
        val cutoff = clock.millis() - olderThanMillis
        notes.deleteTombstonesBefore(cutoff)
    }

    private fun encode(entity: NoteEntity): String = json.encodeToString(entity.toRemote())

    private fun NoteEntity.toModel() = Note(id = id, body = body, updatedAt = updatedAt, pending = dirty)

    private fun NoteEntity.toRemote() = RemoteNote(id = id, body = body, updatedAt = updatedAt, deleted = deleted)

    private fun RemoteNote.toEntity() =
        NoteEntity(id = id, body = body, updatedAt = updatedAt, dirty = false, deleted = deleted)

    private fun PendingOp.toRemote() =
        io.fernhill.notes.net.RemoteOp(localId = id, entity = entity, entityId = entityId, payload = payload)
}

data class Note(
    val id: String,
    val body: String,
    val updatedAt: Long,
    val pending: Boolean,
)

class SyncCoordinator(
    private val repo: NotesRepository,
    private val cursorStore: CursorStore,
) {
    suspend fun syncOnce(): SyncResult {
        val pushed = repo.push()
        val cursor = cursorStore.get()
        val next = repo.pull(cursor)
        cursorStore.set(next)
        return SyncResult(pushed = pushed, cursor = next)
    }
}

data class SyncResult(val pushed: Int, val cursor: Long)

interface CursorStore {
    suspend fun get(): Long
    suspend fun set(value: Long)
}
'''
W(1, "Add KDoc to every public class, function and property in this file. Describe what the code does; don't change it", fence("kotlin", _SYNC_REPO), st="P", kind="long")

_TF_VARS = [
    ("project_id", "string", None), ("region", "string", '"europe-west1"'), ("environment", "string", None),
    ("cluster_name", "string", None), ("node_machine_type", "string", '"e2-standard-4"'),
    ("node_min_count", "number", "1"), ("node_max_count", "number", "6"), ("node_disk_size_gb", "number", "100"),
    ("enable_private_nodes", "bool", "true"), ("master_ipv4_cidr_block", "string", '"172.16.0.0/28"'),
    ("network_name", "string", None), ("subnet_cidr", "string", '"10.40.0.0/20"'),
    ("pods_cidr", "string", '"10.44.0.0/14"'), ("services_cidr", "string", '"10.48.0.0/20"'),
    ("authorized_networks", "list(object({ cidr_block = string, display_name = string }))", "[]"),
    ("release_channel", "string", '"REGULAR"'), ("maintenance_window_start", "string", '"03:00"'),
    ("enable_workload_identity", "bool", "true"), ("db_tier", "string", '"db-custom-4-16384"'),
    ("db_version", "string", '"POSTGRES_15"'), ("db_disk_size_gb", "number", "200"),
    ("db_high_availability", "bool", "true"), ("db_backup_retention_days", "number", "14"),
    ("db_flags", "map(string)", "{}"), ("redis_memory_gb", "number", "4"), ("redis_tier", "string", '"STANDARD_HA"'),
    ("exports_bucket_name", "string", None), ("exports_retention_days", "number", "30"),
    ("uploads_bucket_name", "string", None), ("cdn_enabled", "bool", "false"),
    ("alert_email", "string", None), ("pagerduty_service_key", "string", None),
    ("log_retention_days", "number", "30"), ("labels", "map(string)", "{}"),
    ("kms_key_ring", "string", None), ("deletion_protection", "bool", "true"),
    ("artifact_registry_location", "string", '"europe"'), ("enable_binary_authorization", "bool", "false"),
    ("ingress_static_ip_name", "string", None), ("dns_zone_name", "string", None),
    ("api_hostname", "string", None), ("web_hostname", "string", None),
    ("uptime_check_paths", "list(string)", '["/healthz"]'), ("budget_amount_eur", "number", "2500"),
    ("budget_alert_thresholds", "list(number)", "[0.5, 0.9, 1.0]"), ("enable_vpc_flow_logs", "bool", "false"),
    ("cloud_armor_policy_name", "string", "null"), ("secret_ids", "list(string)", "[]"),
]
_tf = []
for name, typ, default in _TF_VARS:
    body = [f'variable "{name}" {{', f"  type = {typ}"]
    if default is not None:
        body.append(f"  default = {default}")
    if name == "pagerduty_service_key":
        body.append("  sensitive = true")
    body.append("}")
    _tf.append("\n".join(body))
W(1, "add a `description` to every variable in variables.tf. infer it from the name/default, one short sentence each. don't touch types or defaults", "```hcl\n" + "\n\n".join(_tf) + "\n```", st="t", kind="long")

_PHP_CTRL = r'''
<?php

declare(strict_types=1);

namespace App\Http\Controllers\Webhooks;

use App\Billing\SubscriptionSync;
use App\Models\WebhookReceipt;
use App\Webhooks\Exceptions\InvalidSignature;
use App\Webhooks\SignatureVerifier;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Log;
use Psr\Log\LoggerInterface;

final class PaddleWebhookController
{
    private const HANDLED = [
        'subscription.created',
        'subscription.updated',
        'subscription.canceled',
        'transaction.completed',
        'transaction.payment_failed',
    ];

    public function __construct(
        private readonly SignatureVerifier $verifier,
        private readonly SubscriptionSync $subscriptions,
        private readonly LoggerInterface $logger,
    ) {
    }

    public function __invoke(Request $request): JsonResponse
    {
        $raw = $request->getContent();

        try {
            $this->verifier->verify($raw, (string) $request->header('Paddle-Signature'));
        } catch (InvalidSignature $e) {
            $this->logger->warning('paddle webhook rejected', ['reason' => $e->getMessage()]);
            return new JsonResponse(['error' => 'invalid signature'], 401);
        }

        $event = json_decode($raw, true, 512, JSON_THROW_ON_ERROR);
        $eventId = (string) ($event['event_id'] ?? '');
        $type = (string) ($event['event_type'] ?? '');

        if ($eventId === '' || $type === '') {
            return new JsonResponse(['error' => 'malformed event'], 400);
        }

        if (!in_array($type, self::HANDLED, true)) {
            return new JsonResponse(['status' => 'ignored']);
        }

        $alreadySeen = DB::transaction(function () use ($eventId, $type, $event): bool {
            $receipt = WebhookReceipt::query()->lockForUpdate()->find($eventId);
            if ($receipt !== null) {
                return true;
            }
            WebhookReceipt::query()->create([
                'id' => $eventId,
                'provider' => 'paddle',
                'type' => $type,
                'occurred_at' => $event['occurred_at'] ?? null,
            ]);
            $this->dispatch($type, $event['data'] ?? []);
            return false;
        });

        return new JsonResponse(['status' => $alreadySeen ? 'duplicate' : 'processed']);
    }

    private function dispatch(string $type, array $data): void
    {
        match ($type) {
            'subscription.created', 'subscription.updated' => $this->onSubscriptionChanged($data),
            'subscription.canceled' => $this->onSubscriptionCanceled($data),
            'transaction.completed' => $this->onTransactionCompleted($data),
            'transaction.payment_failed' => $this->onPaymentFailed($data),
        };
    }

    private function onSubscriptionChanged(array $data): void
    {
        $this->subscriptions->upsert(
            externalId: (string) $data['id'],
            customerId: (string) $data['customer_id'],
            status: (string) $data['status'],
            priceIds: array_map(fn (array $item): string => (string) $item['price']['id'], $data['items'] ?? []),
            currentPeriodEnd: $data['current_billing_period']['ends_at'] ?? null,
        );
    }

    private function onSubscriptionCanceled(array $data): void
    {
        $this->subscriptions->markCanceled((string) $data['id'], $data['canceled_at'] ?? null);
    }

    private function onTransactionCompleted(array $data): void
    {
        if (!isset($data['subscription_id'])) {
            Log::info('one-off transaction completed', ['transaction' => $data['id'] ?? null]);
            return;
        }
        $this->subscriptions->recordPayment(
            subscriptionId: (string) $data['subscription_id'],
            transactionId: (string) $data['id'],
            amountMinor: (int) $data['details']['totals']['grand_total'],
            currency: (string) $data['currency_code'],
        );
    }

    private function onPaymentFailed(array $data): void
    {
        $this->subscriptions->markPastDue((string) $data['subscription_id']);
        $this->logger->notice('paddle payment failed', [
            'subscription' => $data['subscription_id'] ?? null,
            'transaction' => $data['id'] ?? null,
        ]);
    }
}
'''
W(1, "Add PHPDoc blocks to the class and every method in this controller (summary line + @param/@return where useful, array shapes for the `$data` params based on the keys used). The code is in production and working; docs only", fence("php", _PHP_CTRL), st="V", dom="billing", lang="PHP", kind="long")

def _gen_log():
    rg = random.Random("redact-log")
    users = ["maria.kowalska@fernhill.io", "j.okafor@gmail.com", "lee.chen@outlook.com", "p.silva@lanternworks.io",
             "anna+test@example.org", "kenji.t@fastmail.com", "r.haddad@yahoo.com"]
    paths = ["/v2/exports", "/v2/exports/{id}", "/v2/accounts", "/oauth/token", "/v2/webhooks/test", "/healthz"]
    lines = []
    t = 0
    for i in range(62):
        t += rg.randint(50, 900)
        ts = f"2024-10-14T09:{(t // 60000) % 60:02d}:{(t // 1000) % 60:02d}.{t % 1000:03d}Z"
        ip = f"{rg.choice([81, 92, 185, 203, 10])}.{rg.randint(0,255)}.{rg.randint(0,255)}.{rg.randint(1,254)}"
        u = rg.choice(users)
        p = rg.choice(paths).replace("{id}", f"exp_{rg.randint(10000,99999)}")
        kind = rg.random()
        if kind < 0.55:
            lines.append(f"{ts} INFO  api-gw req method={'GET' if 'token' not in p else 'POST'} path={p} status={rg.choice([200,200,200,201,204,304])} dur_ms={rg.randint(3,240)} client_ip={ip} user={u}")
        elif kind < 0.7:
            lines.append(f"{ts} WARN  api-gw rate_limited key=ak_{rg.randint(1000,9999)} user={u} client_ip={ip} retry_after={rg.randint(1,30)}")
        elif kind < 0.82:
            lines.append(f"{ts} INFO  exporter export.started id=exp_{rg.randint(10000,99999)} requested_by={u} format={rg.choice(['csv','xlsx'])}")
        elif kind < 0.92:
            lines.append(f"{ts} ERROR api-gw upstream_error path={p} status=502 client_ip={ip} upstream=10.40.{rg.randint(0,15)}.{rg.randint(2,250)}:8080 msg=\"connection reset by peer\"")
        else:
            lines.append(f"{ts} INFO  mailer sent template=export_ready to={u} provider_id={rg.getrandbits(48):012x}")
    return "\n".join(lines)
A(1, "I need to attach this log to a vendor support ticket. Replace every email address with `<email>` and every IPv4 address with `<ip>` (internal 10.x ones too), keep everything else byte-for-byte the same, and give me back the whole thing.\n\n```\n" + _gen_log() + "\n```", "long")

_CRONTAB = '''
# m  h  dom mon dow  command
*/5  *   *   *   *   /opt/relay/bin/relay retry-webhooks --max 500
0    *   *   *   *   /opt/relay/bin/relay rotate-signing-keys --dry-run=false
10   1   *   *   *   /opt/relay/bin/relay purge-deliveries --older-than 30d
20   1   *   *   *   /opt/relay/bin/relay purge-idempotency-keys --older-than 7d
0    2   *   *   *   /opt/relay/bin/exporter nightly --all-tenants
30   2   *   *   0   /opt/relay/bin/exporter weekly-digest
0    3   1   *   *   /opt/relay/bin/exporter monthly-statements
15   */2 *   *   *   /opt/relay/bin/search reindex --changed-since 2h
45   4   *   *   *   /opt/relay/bin/search optimize --index products
0    5   *   *   1-5 /opt/relay/bin/reports sla --to ops
*/15 8-18 *  *   1-5 /opt/relay/bin/reports queue-depth --push
0    6   *   *   *   /opt/relay/bin/retention enforce --dataset clickstream
5    6   *   *   *   /opt/relay/bin/retention enforce --dataset audit_events
10   6   *   *   *   /opt/relay/bin/retention enforce --dataset support_transcripts
0    7   *   *   *   /opt/relay/bin/flags stale-report --older-than 90d
30   7   *   *   1   /opt/relay/bin/deps audit --notify security
0    */6 *   *   *   /opt/relay/bin/media cleanup-orphans
20   */6 *   *   *   /opt/relay/bin/media regenerate-missing-thumbs --limit 2000
0    0   *   *   *   /opt/relay/bin/billing sync-usage --provider paddle
30   0   *   *   *   /opt/relay/bin/billing dunning-emails
45   0   *   *   *   /opt/relay/bin/billing reconcile --since 48h
0    9   *   *   1   /opt/relay/bin/reports weekly-kpis --to leadership
*/30 *   *   *   *   /opt/relay/bin/relay disable-failing-endpoints --threshold 0.9
50   23  *   *   *   /opt/relay/bin/search snapshot --repo gcs-backups
0    4   *   *   6   /opt/relay/bin/retention vacuum-report
'''
_CJ_TEMPLATE = '''
apiVersion: batch/v1
kind: CronJob
metadata:
  name: retry-webhooks
  namespace: relay
  labels:
    app.kubernetes.io/part-of: relay
spec:
  schedule: "*/5 * * * *"
  timeZone: "Etc/UTC"
  concurrencyPolicy: Forbid
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 5
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: Never
          serviceAccountName: relay-jobs
          containers:
            - name: job
              image: ghcr.io/lanternworks/relay:5.12.0
              command: ["/opt/relay/bin/relay"]
              args: ["retry-webhooks", "--max", "500"]
              envFrom:
                - secretRef:
                    name: relay-env
              resources:
                requests: { cpu: 100m, memory: 256Mi }
                limits: { memory: 512Mi }
'''
A(1, "We're moving our VM crontab to Kubernetes. Convert every line of the crontab into a CronJob exactly like the template (same everything, only name/schedule/command/args change; name = binary + subcommand, e.g. `relay-retry-webhooks`, `exporter-nightly`). Put them all in one multi-document YAML.\n\nCrontab:\n\n```\n" + _CRONTAB.strip("\n") + "\n```\n\nTemplate (this is the first one, already done):\n\n" + fence("yaml", _CJ_TEMPLATE), "long")

_IMG_TS = r'''
import { clamp } from "./math";

export type Fit = "cover" | "contain" | "fill" | "inside";

export interface Size {
  width: number;
  height: number;
}

export interface CropRect extends Size {
  x: number;
  y: number;
}

export interface ResizePlan {
  source: Size;
  target: Size;
  crop: CropRect | null;
  scale: number;
}

export const MAX_EDGE = 8192;
export const DEFAULT_QUALITY = 0.82;

export function aspectRatio(size: Size): number {
  return size.width / size.height;
}

export function isLandscape(size: Size): boolean {
  return size.width >= size.height;
}

export function scaleToFit(source: Size, box: Size): Size {
  const scale = Math.min(box.width / source.width, box.height / source.height, 1);
  return {
    width: Math.max(1, Math.round(source.width * scale)),
    height: Math.max(1, Math.round(source.height * scale)),
  };
}

export function scaleToCover(source: Size, box: Size): Size {
  const scale = Math.max(box.width / source.width, box.height / source.height);
  return {
    width: Math.max(1, Math.round(source.width * scale)),
    height: Math.max(1, Math.round(source.height * scale)),
  };
}

export function centerCrop(source: Size, ratio: number): CropRect {
  const current = aspectRatio(source);
  if (current > ratio) {
    const width = Math.round(source.height * ratio);
    return { x: Math.round((source.width - width) / 2), y: 0, width, height: source.height };
  }
  const height = Math.round(source.width / ratio);
  return { x: 0, y: Math.round((source.height - height) / 2), width: source.width, height };
}

export function focalCrop(source: Size, ratio: number, focusX: number, focusY: number): CropRect {
  const base = centerCrop(source, ratio);
  const fx = clamp(focusX, 0, 1) * source.width;
  const fy = clamp(focusY, 0, 1) * source.height;
  const x = clamp(Math.round(fx - base.width / 2), 0, source.width - base.width);
  const y = clamp(Math.round(fy - base.height / 2), 0, source.height - base.height);
  return { ...base, x, y };
}

export function planResize(source: Size, target: Size, fit: Fit): ResizePlan {
  switch (fit) {
    case "fill":
      return { source, target, crop: null, scale: target.width / source.width };
    case "contain":
    case "inside": {
      const t = scaleToFit(source, target);
      return { source, target: t, crop: null, scale: t.width / source.width };
    }
    case "cover": {
      const crop = centerCrop(source, aspectRatio(target));
      return { source, target, crop, scale: target.width / crop.width };
    }
  }
}

export function srcsetWidths(original: number, steps: number[] = [320, 640, 960, 1280, 1920]): number[] {
  return steps.filter((w) => w <= original).concat(original > steps[steps.length - 1] ? [] : []);
}

export function buildSrcset(baseUrl: string, widths: number[], format = "webp"): string {
  return widths.map((w) => `${baseUrl}?w=${w}&fm=${format} ${w}w`).join(", ");
}

export function parseDimensions(value: string): Size | null {
  const m = /^(\d+)x(\d+)$/.exec(value.trim());
  if (!m) return null;
  const width = Number(m[1]);
  const height = Number(m[2]);
  if (width <= 0 || height <= 0 || width > MAX_EDGE || height > MAX_EDGE) return null;
  return { width, height };
}

export function mimeFor(format: string): string {
  switch (format.toLowerCase()) {
    case "jpg":
    case "jpeg":
      return "image/jpeg";
    case "png":
      return "image/png";
    case "webp":
      return "image/webp";
    case "avif":
      return "image/avif";
    default:
      return "application/octet-stream";
  }
}

export function extensionFor(mime: string): string {
  const map: Record<string, string> = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/avif": "avif",
  };
  return map[mime] ?? "bin";
}

export async function loadBitmap(blob: Blob): Promise<ImageBitmap> {
  return createImageBitmap(blob, { imageOrientation: "from-image" });
}

export async function renderToBlob(
  bitmap: ImageBitmap,
  plan: ResizePlan,
  type = "image/webp",
  quality = DEFAULT_QUALITY,
): Promise<Blob> {
  const canvas = new OffscreenCanvas(plan.target.width, plan.target.height);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("2d context unavailable");
  ctx.imageSmoothingQuality = "high";
  if (plan.crop) {
    const { x, y, width, height } = plan.crop;
    ctx.drawImage(bitmap, x, y, width, height, 0, 0, plan.target.width, plan.target.height);
  } else {
    ctx.drawImage(bitmap, 0, 0, plan.target.width, plan.target.height);
  }
  return canvas.convertToBlob({ type, quality });
}
'''
W(1, "Add JSDoc comments (`/** ... */` with @param and @returns) to every exported function, type and constant in `src/lib/image.ts`. Please don't change any code, even the odd bits, that's a separate PR", fence("ts", _IMG_TS), st="P", kind="long")

_GO_RL = r'''
package ratelimit

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

var ErrLimited = errors.New("ratelimit: limited")

type Policy struct {
	Name   string
	Limit  int
	Window time.Duration
}

type Decision struct {
	Allowed    bool
	Remaining  int
	ResetAfter time.Duration
	Policy     string
}

type Store interface {
	Incr(ctx context.Context, key string, window time.Duration) (int64, time.Duration, error)
}

type RedisStore struct {
	client *redis.Client
	prefix string
}

func NewRedisStore(client *redis.Client, prefix string) *RedisStore {
	return &RedisStore{client: client, prefix: prefix}
}

var incrScript = redis.NewScript(`
local n = redis.call("INCR", KEYS[1])
if n == 1 then redis.call("PEXPIRE", KEYS[1], ARGV[1]) end
return {n, redis.call("PTTL", KEYS[1])}
`)

func (s *RedisStore) Incr(ctx context.Context, key string, window time.Duration) (int64, time.Duration, error) {
	res, err := incrScript.Run(ctx, s.client, []string{s.prefix + key}, window.Milliseconds()).Int64Slice()
	if err != nil {
		return 0, 0, err
	}
	return res[0], time.Duration(res[1]) * time.Millisecond, nil
}

type MemoryStore struct {
	mu      sync.Mutex
	buckets map[string]*memBucket
	now     func() time.Time
}

type memBucket struct {
	count   int64
	expires time.Time
}

func NewMemoryStore() *MemoryStore {
	return &MemoryStore{buckets: make(map[string]*memBucket), now: time.Now}
}

func (m *MemoryStore) Incr(_ context.Context, key string, window time.Duration) (int64, time.Duration, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	b, ok := m.buckets[key]
	if !ok || now.After(b.expires) {
		b = &memBucket{expires: now.Add(window)}
		m.buckets[key] = b
	}
	b.count++
	return b.count, b.expires.Sub(now), nil
}

func (m *MemoryStore) Sweep() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	n := 0
	for k, b := range m.buckets {
		if now.After(b.expires) {
			delete(m.buckets, k)
			n++
		}
	}
	return n
}

type Limiter struct {
	store    Store
	policies map[string]Policy
	fallback Policy
	failOpen bool
}

type Option func(*Limiter)

func WithPolicy(p Policy) Option {
	return func(l *Limiter) { l.policies[p.Name] = p }
}

func WithFailOpen(v bool) Option {
	return func(l *Limiter) { l.failOpen = v }
}

func New(store Store, fallback Policy, opts ...Option) *Limiter {
	l := &Limiter{store: store, policies: make(map[string]Policy), fallback: fallback, failOpen: true}
	for _, o := range opts {
		o(l)
	}
	return l
}

func (l *Limiter) PolicyFor(name string) Policy {
	if p, ok := l.policies[name]; ok {
		return p
	}
	return l.fallback
}

func (l *Limiter) Allow(ctx context.Context, policyName, subject string) (Decision, error) {
	p := l.PolicyFor(policyName)
	key := p.Name + ":" + subject
	n, ttl, err := l.store.Incr(ctx, key, p.Window)
	if err != nil {
		if l.failOpen {
			return Decision{Allowed: true, Remaining: p.Limit, Policy: p.Name}, nil
		}
		return Decision{Policy: p.Name}, err
	}
	remaining := p.Limit - int(n)
	if remaining < 0 {
		remaining = 0
	}
	d := Decision{Allowed: int(n) <= p.Limit, Remaining: remaining, ResetAfter: ttl, Policy: p.Name}
	if !d.Allowed {
		return d, ErrLimited
	}
	return d, nil
}

func (d Decision) Headers() map[string]string {
	h := map[string]string{
		"RateLimit-Policy":    d.Policy,
		"RateLimit-Remaining": strconv.Itoa(d.Remaining),
		"RateLimit-Reset":     strconv.Itoa(int(d.ResetAfter.Seconds())),
	}
	if !d.Allowed {
		h["Retry-After"] = strconv.Itoa(int(d.ResetAfter.Seconds()) + 1)
	}
	return h
}
'''
W(1, "Add Go doc comments to every exported identifier in this package (and a package comment at the top). Follow the usual `// Name does ...` convention", fence("go", _GO_RL), st="t", kind="long")

_I18N_TS = r'''
// src/i18n/format.ts
export type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";
export type Messages = Record<string, string>;

const pluralRulesCache = new Map<string, Intl.PluralRules>();
const numberFormatCache = new Map<string, Intl.NumberFormat>();

export function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRulesCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRulesCache.set(locale, rules);
  }
  return rules;
}

export function numberFormat(locale: string, opts: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let nf = numberFormatCache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, opts);
    numberFormatCache.set(key, nf);
  }
  return nf;
}

export function normalizeLocale(input: string | undefined, supported: string[], fallback = "en"): string {
  if (!input) return fallback;
  const wanted = input.replace("_", "-").toLowerCase();
  const exact = supported.find((s) => s.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split("-")[0];
  const partial = supported.find((s) => s.toLowerCase().split("-")[0] === base);
  return partial ?? fallback;
}

export function interpolate(template: string, vars: Record<string, string | number>, locale: string): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!(name in vars)) return match;
    const v = vars[name];
    return typeof v === "number" ? numberFormat(locale).format(v) : v;
  });
}

export function pluralKey(base: string, count: number, locale: string, messages: Messages): string {
  if (count === 0 && `${base}.zero` in messages) return `${base}.zero`;
  const category = pluralRules(locale).select(count) as PluralCategory;
  const key = `${base}.${category}`;
  if (key in messages) return key;
  return `${base}.other`;
}

export function t(
  messages: Messages,
  locale: string,
  key: string,
  vars: Record<string, string | number> = {},
): string {
  const template = messages[key];
  if (template === undefined) {
    return key;
  }
  return interpolate(template, vars, locale);
}

export function tc(messages: Messages, locale: string, base: string, count: number,
                   vars: Record<string, string | number> = {}): string {
  const key = pluralKey(base, count, locale, messages);
  return t(messages, locale, key, { count, ...vars });
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i += 1;
  }
  return numberFormat(locale, {
    style: "unit",
    unit: units[i],
    unitDisplay: "short",
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(value);
}

export function formatRelative(from: Date, to: Date, locale: string): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const seconds = Math.round((from.getTime() - to.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, "second");
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), "hour");
  if (abs < 86400 * 30) return rtf.format(Math.round(seconds / 86400), "day");
  if (abs < 86400 * 365) return rtf.format(Math.round(seconds / (86400 * 30)), "month");
  return rtf.format(Math.round(seconds / (86400 * 365)), "year");
}

export function formatList(items: string[], locale: string, type: "conjunction" | "disjunction" = "conjunction"): string {
  return new Intl.ListFormat(locale, { style: "long", type }).format(items);
}

export function missingKeys(reference: Messages, candidate: Messages): string[] {
  return Object.keys(reference).filter((k) => !(k in candidate)).sort();
}
'''
W(2, "We have no tests for our i18n helpers. Write a Vitest suite for this file: interpolation (numbers get localized, unknown placeholders stay), plural key selection for en, pl, ar and ja (including the `.zero` override and the fallback to `.other`), locale normalization, formatBytes boundaries, formatRelative around each unit threshold (use fixed dates), formatList, and missingKeys", fence("ts", _I18N_TS), st="V", dom="web", lang="TypeScript", kind="long")

_GO_CSV = r'''
package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"
)

type Column struct {
	Header string
	Field  string
	Format func(any) string
}

type Row map[string]any

type RowSource interface {
	Next(ctx context.Context) (Row, error) // io.EOF when done
}

var InvoiceColumns = []Column{
	{Header: "Invoice", Field: "number"},
	{Header: "Customer", Field: "customer_name"},
	{Header: "Issued", Field: "issued_at", Format: formatDate},
	{Header: "Due", Field: "due_at", Format: formatDate},
	{Header: "Net", Field: "net_minor", Format: formatMinor},
	{Header: "Tax", Field: "tax_minor", Format: formatMinor},
	{Header: "Total", Field: "total_minor", Format: formatMinor},
	{Header: "Currency", Field: "currency"},
	{Header: "Status", Field: "status"},
}

func formatDate(v any) string {
	t, ok := v.(time.Time)
	if !ok || t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func formatMinor(v any) string {
	n, ok := v.(int64)
	if !ok {
		return ""
	}
	return strconv.FormatFloat(float64(n)/100, 'f', 2, 64)
}

func stringify(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case fmt.Stringer:
		return x.String()
	default:
		return fmt.Sprint(x)
	}
}

type Options struct {
	Columns       []Column
	IncludeHeader bool
	Delimiter     rune
	TotalsRow     bool
}

func WriteCSV(ctx context.Context, w io.Writer, src RowSource, opts Options) (int, error) {
	cw := csv.NewWriter(w)
	if opts.Delimiter != 0 {
		cw.Comma = opts.Delimiter
	}
	cols := opts.Columns
	if opts.IncludeHeader {
		header := make([]string, len(cols))
		for i, c := range cols {
			header[i] = c.Header
		}
		if err := cw.Write(header); err != nil {
			return 0, err
		}
	}

	totals := make([]int64, len(cols))
	record := make([]string, len(cols))
	n := 0
	for {
		row, err := src.Next(ctx)
		if err == io.EOF {
			break
		}
		if err != nil {
			return n, fmt.Errorf("row %d: %w", n+1, err)
		}
		for i, c := range cols {
			v := row[c.Field]
			if c.Format != nil {
				record[i] = c.Format(v)
			} else {
				record[i] = stringify(v)
			}
			if m, ok := v.(int64); ok {
				totals[i] += m
			}
		}
		if err := cw.Write(record); err != nil {
			return n, err
		}
		n++
	}

	if opts.TotalsRow {
		out := make([]string, len(cols))
		out[0] = "TOTAL"
		for i := 1; i <= len(cols); i++ {
			if cols[i].Format != nil && totals[i] != 0 {
				out[i] = cols[i].Format(totals[i])
			}
		}
		if err := cw.Write(out); err != nil {
			return n, err
		}
	}
	cw.Flush()
	return n, cw.Error()
}
'''
W(2, "Finance's \"with totals\" invoice export crashes every time, the normal one works. Here's the file and the panic, fix it", fence("go", _GO_CSV) + "\n\n" + fence("", '''
  panic: runtime error: index out of range [9] with length 9

  goroutine 87 [running]:
  github.com/lanternworks/billing/internal/export.WriteCSV({0x1a2b3c0, 0xc0004a2000}, {0x1a27f40, 0xc00031e0f0}, {0x1a2c1a0, 0xc0003b4480}, {{0x25e6a40, 0x9, 0x9}, 0x1, 0x3b, 0x1})
  	/src/internal/export/csv.go:112 +0x7a5
  github.com/lanternworks/billing/internal/http.(*Handlers).ExportInvoices(0xc0001a6c80, {0x1a29e30, 0xc0004a2000}, 0xc0002f8b00)
  	/src/internal/http/exports.go:58 +0x3c6
  net/http.HandlerFunc.ServeHTTP(0xc0001c2a50, {0x1a29e30, 0xc0004a2000}, 0xc0002f8b00)
  	/usr/local/go/src/net/http/server.go:2166 +0x29
  '''), st="p", kind="long")

_EXPRESS = r'''
// src/routes/index.js
import express from "express";
import { z } from "zod";
import { db } from "../db.js";
import { requireAuth, requireScope } from "../auth.js";
import { enqueueExport } from "../queue.js";
import { signDownloadUrl } from "../storage.js";
import { sendTestDelivery } from "../webhooks/deliver.js";

export const router = express.Router();
router.use(requireAuth);

const page = z.object({ limit: z.coerce.number().int().min(1).max(100).default(25), cursor: z.string().optional() });

// ---------- exports ----------
const exportBody = z.object({
  dataset: z.enum(["invoices", "customers", "events"]),
  format: z.enum(["csv", "xlsx", "parquet"]).default("csv"),
  since: z.string().datetime().optional(),
  until: z.string().datetime().optional(),
});

router.get("/exports", requireScope("read:exports"), async (req, res) => {
  const { limit, cursor } = page.parse(req.query);
  const rows = await db.exports.list({ tenantId: req.tenant.id, limit, cursor });
  res.json({ items: rows, next: rows.length === limit ? rows[rows.length - 1].id : null });
});

router.post("/exports", requireScope("write:exports"), async (req, res) => {
  const body = exportBody.parse(req.body);
  const row = await db.exports.create({ tenantId: req.tenant.id, requestedBy: req.user.id, ...body, state: "queued" });
  await enqueueExport(row.id);
  res.status(202).json(row);
});

router.get("/exports/:id", requireScope("read:exports"), async (req, res) => {
  const row = await db.exports.get(req.tenant.id, req.params.id);
  if (!row) return res.status(404).json({ error: "not_found" });
  res.json(row);
});

router.get("/exports/:id/download", requireScope("read:exports"), async (req, res) => {
  const row = await db.exports.get(req.tenant.id, req.params.id);
  if (!row) return res.status(404).json({ error: "not_found" });
  if (row.state !== "ready") return res.status(409).json({ error: "not_ready", state: row.state });
  res.redirect(302, await signDownloadUrl(row.objectKey, 300));
});

router.delete("/exports/:id", requireScope("write:exports"), async (req, res) => {
  const deleted = await db.exports.delete(req.tenant.id, req.params.id);
  if (!deleted) return res.status(404).json({ error: "not_found" });
  res.status(204).end();
});

// ---------- webhook endpoints ----------
const endpointBody = z.object({
  url: z.string().url().refine((u) => u.startsWith("https://"), "must be https"),
  events: z.array(z.string()).min(1),
  description: z.string().max(200).optional(),
});

router.get("/webhook-endpoints", requireScope("read:webhooks"), async (req, res) => {
  const { limit, cursor } = page.parse(req.query);
  const rows = await db.endpoints.list({ tenantId: req.tenant.id, limit, cursor });
  res.json({ items: rows.map(hideSecret), next: rows.length === limit ? rows[rows.length - 1].id : null });
});

router.post("/webhook-endpoints", requireScope("write:webhooks"), async (req, res) => {
  const body = endpointBody.parse(req.body);
  const row = await db.endpoints.create({ tenantId: req.tenant.id, ...body });
  res.status(201).json(row); // secret shown once
});

router.patch("/webhook-endpoints/:id", requireScope("write:webhooks"), async (req, res) => {
  const body = endpointBody.partial().extend({ disabled: z.boolean().optional() }).parse(req.body);
  const row = await db.endpoints.update(req.tenant.id, req.params.id, body);
  if (!row) return res.status(404).json({ error: "not_found" });
  res.json(hideSecret(row));
});

router.post("/webhook-endpoints/:id/rotate-secret", requireScope("write:webhooks"), async (req, res) => {
  const row = await db.endpoints.rotateSecret(req.tenant.id, req.params.id, { graceHours: 24 });
  if (!row) return res.status(404).json({ error: "not_found" });
  res.json({ id: row.id, secret: row.secret, previousValidUntil: row.previousValidUntil });
});

router.post("/webhook-endpoints/:id/test", requireScope("write:webhooks"), async (req, res) => {
  const row = await db.endpoints.get(req.tenant.id, req.params.id);
  if (!row) return res.status(404).json({ error: "not_found" });
  const result = await sendTestDelivery(row);
  res.json(result);
});

router.get("/webhook-endpoints/:id/deliveries", requireScope("read:webhooks"), async (req, res) => {
  const { limit, cursor } = page.parse(req.query);
  const rows = await db.deliveries.list({ tenantId: req.tenant.id, endpointId: req.params.id, limit, cursor });
  res.json({ items: rows, next: rows.length === limit ? rows[rows.length - 1].id : null });
});

// ---------- api keys ----------
const keyBody = z.object({ name: z.string().min(1).max(80), scopes: z.array(z.string()).min(1) });

router.get("/api-keys", requireScope("admin:keys"), async (req, res) => {
  const rows = await db.apiKeys.list(req.tenant.id);
  res.json({ items: rows.map(({ hash, ...rest }) => rest) });
});

router.post("/api-keys", requireScope("admin:keys"), async (req, res) => {
  const body = keyBody.parse(req.body);
  const { row, plaintext } = await db.apiKeys.create({ tenantId: req.tenant.id, createdBy: req.user.id, ...body });
  res.status(201).json({ id: row.id, name: row.name, scopes: row.scopes, key: plaintext });
});

router.delete("/api-keys/:id", requireScope("admin:keys"), async (req, res) => {
  const ok = await db.apiKeys.revoke(req.tenant.id, req.params.id, req.user.id);
  if (!ok) return res.status(404).json({ error: "not_found" });
  res.status(204).end();
});

// ---------- helpers ----------
function hideSecret(row) {
  const { secret, previousSecret, ...rest } = row;
  return { ...rest, secretLastFour: secret.slice(-4) };
}

router.use((err, req, res, next) => {
  if (err instanceof z.ZodError) {
    return res.status(422).json({ error: "validation_failed", issues: err.issues });
  }
  next(err);
});
'''
W(2, "this file is getting out of hand. split it into `routes/exports.js`, `routes/webhookEndpoints.js`, `routes/apiKeys.js` plus a shared `routes/common.js` for the pagination schema and the zod error handler, and keep `routes/index.js` as the thing that mounts them (same paths, same auth/scope behaviour, same error handling order)", fence("js", _EXPRESS), st="t", kind="long")

_GQL_RES = r'''
// src/graphql/resolvers/podcast.ts
import { GraphQLError } from "graphql";
import type { Resolvers } from "../generated/types";
import { decodeCursor, encodeCursor, connectionFrom } from "../pagination";
import { requireViewer } from "../auth";

export const podcastResolvers: Resolvers = {
  Query: {
    podcast: async (_root, { id }, ctx) => {
      const row = await ctx.loaders.podcastById.load(id);
      if (!row) throw new GraphQLError("Podcast not found", { extensions: { code: "NOT_FOUND" } });
      return row;
    },
    podcasts: async (_root, { first, after, language }, ctx) => {
      const limit = Math.min(first ?? 20, 100);
      const afterKey = after ? decodeCursor(after) : null;
      const rows = await ctx.db.podcasts.page({ limit: limit + 1, after: afterKey, language });
      return connectionFrom(rows, limit, (r) => encodeCursor({ id: r.id, title: r.title }));
    },
  },

  Mutation: {
    subscribe: async (_root, { podcastId }, ctx) => {
      const viewer = requireViewer(ctx);
      const podcast = await ctx.loaders.podcastById.load(podcastId);
      if (!podcast) throw new GraphQLError("Podcast not found", { extensions: { code: "NOT_FOUND" } });
      const sub = await ctx.db.subscriptions.upsert({ userId: viewer.id, podcastId });
      ctx.loaders.subscriptionByUserAndPodcast.clear(`${viewer.id}:${podcastId}`);
      return { subscription: sub, podcast };
    },
    unsubscribe: async (_root, { podcastId }, ctx) => {
      const viewer = requireViewer(ctx);
      await ctx.db.subscriptions.delete({ userId: viewer.id, podcastId });
      ctx.loaders.subscriptionByUserAndPodcast.clear(`${viewer.id}:${podcastId}`);
      return { podcastId, ok: true };
    },
  },

  Podcast: {
    episodes: async (podcast, { first, after }, ctx) => {
      const limit = Math.min(first ?? 20, 100);
      const afterKey = after ? decodeCursor(after) : null;
      const rows = await ctx.db.episodes.pageForPodcast(podcast.id, { limit: limit + 1, after: afterKey });
      return connectionFrom(rows, limit, (r) => encodeCursor({ id: r.id, publishedAt: r.publishedAt }));
    },
    subscriberCount: (podcast, _args, ctx) => ctx.loaders.subscriberCountByPodcast.load(podcast.id),
    viewerIsSubscribed: async (podcast, _args, ctx) => {
      if (!ctx.viewer) return false;
      const sub = await ctx.loaders.subscriptionByUserAndPodcast.load(`${ctx.viewer.id}:${podcast.id}`);
      return sub !== null;
    },
  },

  Episode: {
    podcast: (episode, _args, ctx) => ctx.loaders.podcastById.load(episode.podcastId),
    durationSeconds: (episode) => (episode.durationMs == null ? null : Math.round(episode.durationMs / 1000)),
    viewerProgress: async (episode, _args, ctx) => {
      if (!ctx.viewer) return null;
      return ctx.loaders.progressByUserAndEpisode.load(`${ctx.viewer.id}:${episode.id}`);
    },
  },
};

// src/graphql/loaders.ts (excerpt)
export function makeLoaders(db: Db) {
  return {
    podcastById: new DataLoader<string, PodcastRow | null>(async (ids) => {
      const rows = await db.podcasts.byIds(ids as string[]);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    subscriberCountByPodcast: new DataLoader<string, number>(async (ids) => {
      const counts = await db.subscriptions.countByPodcastIds(ids as string[]);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    subscriptionByUserAndPodcast: new DataLoader<string, SubscriptionRow | null>(async (keys) => {
      const pairs = keys.map((k) => k.split(":") as [string, string]);
      const rows = await db.subscriptions.byPairs(pairs);
      const map = new Map(rows.map((r) => [`${r.userId}:${r.podcastId}`, r]));
      return keys.map((k) => map.get(k) ?? null);
    }),
    progressByUserAndEpisode: new DataLoader<string, ProgressRow | null>(async (keys) => {
      const pairs = keys.map((k) => k.split(":") as [string, string]);
      const rows = await db.progress.byPairs(pairs);
      const map = new Map(rows.map((r) => [`${r.userId}:${r.episodeId}`, r]));
      return keys.map((k) => map.get(k) ?? null);
    }),
  };
}
'''
W(2, "Add playlists following the same patterns as the podcast resolvers: `Query.playlist(id)`, `Query.myPlaylists(first, after)` (viewer's own, paginated by updatedAt), `Mutation.createPlaylist(title)`, `addToPlaylist(playlistId, episodeId, position)`, `removeFromPlaylist`, and `Playlist.items` as a connection ordered by position. Only the owner can mutate (FORBIDDEN otherwise). Add the loaders you need and the schema SDL too. The db layer has `db.playlists.*` and `db.playlistItems.*` with the same shape as the others", fence("ts", _GQL_RES), st="P", kind="long")

_SWIFT_SYNC = r'''
import Foundation
import Combine
import os

@MainActor
final class SyncEngine: ObservableObject {
    @Published private(set) var pendingCount: Int = 0
    @Published private(set) var isSyncing = false
    @Published private(set) var lastSyncedAt: Date?

    private let store: ChangeStore
    private let api: SyncAPI
    private let monitor: ConnectivityMonitor
    private let log = Logger(subsystem: "io.fernhill.notes", category: "sync")
    private var cancellables = Set<AnyCancellable>()
    private var currentTask: Task<Void, Never>?

    init(store: ChangeStore, api: SyncAPI, monitor: ConnectivityMonitor) {
        self.store = store
        self.api = api
        self.monitor = monitor

        monitor.$isOnline
            .removeDuplicates()
            .filter { $0 }
            .sink { [weak self] _ in self?.syncSoon() }
            .store(in: &cancellables)

        store.changesPublisher
            .debounce(for: .seconds(2), scheduler: RunLoop.main)
            .sink { [weak self] _ in self?.syncSoon() }
            .store(in: &cancellables)
    }

    func syncSoon() {
        guard currentTask == nil else { return }
        currentTask = Task { [weak self] in
            await self?.runSync()
            self?.currentTask = nil
        }
    }

    private func runSync() async {
        guard monitor.isOnline else { return }
        isSyncing = true
        defer { isSyncing = false }
        do {
            try await push()
            try await pull()
            lastSyncedAt = Date()
        } catch {
            log.error("sync failed: \(error.localizedDescription, privacy: .public)")
        }
        pendingCount = (try? store.pendingCount()) ?? pendingCount
    }

    private func push() async throws {
        while true {
            let batch = try store.oldestPending(limit: 50)
            if batch.isEmpty { return }
            let result = try await api.apply(batch.map(\.remote))
            try store.markApplied(localIDs: result.applied, serverVersions: result.versions)
            pendingCount = try store.pendingCount()
        }
    }

    private func pull() async throws {
        var cursor = try store.cursor()
        repeat {
            let page = try await api.changes(since: cursor)
            try store.merge(page.notes)
            cursor = page.cursor
            try store.setCursor(cursor)
            if !page.hasMore { break }
        } while true
    }
}

protocol SyncAPI {
    func apply(_ ops: [RemoteOp]) async throws -> ApplyResult
    func changes(since cursor: Int64) async throws -> ChangesPage
}

struct ApplyResult: Decodable {
    let applied: [Int64]
    let versions: [String: Int64]
}

struct ChangesPage: Decodable {
    let notes: [RemoteNote]
    let cursor: Int64
    let hasMore: Bool
}

enum SyncAPIError: Error {
    case http(status: Int, body: String)
    case transport(URLError)
}
'''
W(2, "Add retry with exponential backoff to the sync engine: when `runSync` fails with a transport error or a 5xx (`SyncAPIError`), schedule another attempt after 2, 4, 8... seconds capped at 5 minutes, reset the backoff after a successful sync, don't retry on 4xx, cancel the pending retry when we go offline (the online publisher already triggers a sync when we're back). Also expose `@Published var lastError: String?` for the banner and clear it on success", fence("swift", _SWIFT_SYNC), st="V", dom="iOS", lang="Swift", kind="long")

def _ws_log():
    rg = random.Random("ws-gateway")
    out = []
    t = 0.0
    conns = {}
    cid = 4000
    for i in range(70):
        t += rg.uniform(0.4, 9.0)
        hh, mm, ss = 14 + int(t // 3600), int(t % 3600 // 60), t % 60
        ts = f"2024-09-03T{hh:02d}:{mm:02d}:{ss:06.3f}Z"
        pod = f"ws-gw-{rg.choice(['7d9f-2kq4x', '7d9f-8hmzp', '7d9f-vx2lt'])}"
        r = rg.random()
        if r < 0.35 or not conns:
            cid += rg.randint(1, 9)
            kind = rg.choice(["ios", "android", "android", "web", "web", "web"])
            net = rg.choice(["wifi", "cellular", "corp-proxy", "wifi"]) if kind != "web" else rg.choice(["corp-proxy", "home", "home"])
            hb = 25 if kind == "web" else 240
            conns[cid] = (kind, net, t, hb)
            out.append(f"{ts} INFO  {pod} conn.open id=c{cid} client={kind}/5.{rg.randint(3,9)}.{rg.randint(0,4)} net={net} heartbeat_s={hb} via=alb")
        elif r < 0.55:
            k = rg.choice(list(conns))
            kind, net, t0, hb = conns.pop(k)
            if kind != "web":
                dur = 350 + rg.uniform(0.0, 2.5)
                code = 1006
                reason = "abnormal closure (no close frame)"
            else:
                dur = rg.uniform(30, 4000)
                code = rg.choice([1000, 1001, 1001])
                reason = "client closed" if code == 1000 else "going away"
            out.append(f"{ts} INFO  {pod} conn.close id=c{k} code={code} reason=\"{reason}\" duration_s={dur:.1f} last_pong_age_s={min(dur, rg.uniform(100, 240) if kind != 'web' else rg.uniform(1, 25)):.1f}")
        elif r < 0.75:
            k = rg.choice(list(conns))
            out.append(f"{ts} DEBUG {pod} publish topic=room:{rg.randint(100,999)} fanout={rg.randint(2,60)} dropped=0 conn=c{k}")
        elif r < 0.88:
            out.append(f"{ts} INFO  {pod} auth.resume id=c{cid + rg.randint(1,5)} session=s_{rg.getrandbits(32):08x} replayed={rg.randint(0,40)} gap_ms={rg.randint(200, 9000)}")
        else:
            out.append(f"{ts} WARN  {pod} send.backpressure id=c{rg.choice(list(conns))} buffered_kb={rg.randint(64, 900)}")
    return "\n".join(out)
A(3, "Mobile users keep complaining the chat \"reconnects all the time\" and they miss typing indicators and sometimes whole messages until they pull to refresh. Web is fine. Server side we see lots of 1006 closes on mobile connections but nothing in the app logs explains them. Setup: app -> ALB (idle timeout 3600 s) -> 3 gateway pods on EKS in private subnets; pods reach Redis and the push service through a NAT gateway. Mobile clients send a heartbeat every 240 s to save battery (web: 25 s). We recently moved the cluster from public subnets to private ones. Here's a slice of gateway logs from one afternoon. What's going on, and what would you change (client and server side)?\n\n```\n" + _ws_log() + "\n```", "long")

def _es_logs():
    rg = random.Random("es-backfill")
    w = []
    t = 0
    for i in range(38):
        t += rg.randint(800, 4000)
        ts = f"2024-11-19T03:{(t // 60000) % 60:02d}:{(t // 1000) % 60:02d}.{t % 1000:03d}Z"
        wk = f"indexer-{rg.randint(0,11)}"
        if rg.random() < 0.85:
            w.append(f"{ts} INFO  {wk} bulk.ok index=products_v9 docs=500 took_ms={rg.randint(180, 2600)} http=200 batch={rg.randint(1000, 9999)}")
        else:
            w.append(f"{ts} WARN  {wk} bulk.slow index=products_v9 docs=500 took_ms={rg.randint(9000, 29000)} http=200 batch={rg.randint(1000, 9999)}")
    e = []
    t = 0
    for i in range(22):
        t += rg.randint(2000, 9000)
        ts = f"2024-11-19T03:{(t // 60000) % 60:02d}:{(t // 1000) % 60:02d},{t % 1000:03d}"
        node = f"es-data-{rg.randint(0,2)}"
        r = rg.random()
        if r < 0.45:
            e.append(f"[{ts}][WARN ][o.e.m.j.JvmGcMonitorService] [{node}] [gc][{rg.randint(40000, 49000)}] overhead, spent [{rg.uniform(1.1, 4.9):.1f}s] collecting in the last [{rg.uniform(1.5, 5.5):.1f}s]")
        elif r < 0.8:
            e.append(f"[{ts}][DEBUG][o.e.a.b.TransportShardBulkAction] [{node}] [products_v9][{rg.randint(0,5)}] failed to execute bulk item (index) index {{[products_v9][{rg.choice(['SKU','SK'])}-{rg.randint(100000, 999999)}]}}: org.elasticsearch.common.util.concurrent.EsRejectedExecutionException: rejected execution of coordinating operation [coordinating_and_primary_bytes={rg.randint(400, 520)}mb, replica_bytes={rg.randint(10, 90)}mb, all_bytes={rg.randint(480, 600)}mb, coordinating_operation_bytes={rg.randint(2, 9)}mb, max_coordinating_and_primary_bytes=512mb]")
        else:
            e.append(f"[{ts}][INFO ][o.e.c.r.a.DiskThresholdMonitor] [{node}] low disk watermark [85%] exceeded on [{node}][{rg.getrandbits(40):010x}] free: {rg.randint(40, 70)}gb[{rg.randint(13, 15)}.{rg.randint(0,9)}%], replicas will not be assigned to this node")
    return "\n".join(w), "\n".join(e)
_w, _e = _es_logs()
A(3, "We backfilled 18.4M products into a fresh `products_v9` index with 12 indexer workers (we bumped it from 4 to make the backfill faster) and swapped the alias this morning. Every worker log line says bulk ok with HTTP 200 and the job reported success, but `_count` is 17.1M and support already has tickets about products that can't be found. The v8 backfill with 4 workers was complete. What happened, how do we find exactly which docs are missing, and how should the indexer be changed so this can't pass silently again?\n\nIndexer logs (sample):\n\n```\n" + _w + "\n```\n\nElasticsearch logs from the same window:\n\n```\n" + _e + "\n```\n\nCluster: 3 data nodes, 8 vCPU / 32 GB, heap 16 GB, index has 6 primaries 1 replica, refresh_interval was left at 1s during the backfill.", "long")

_OAUTH_SRV = r'''
# authsrv/oauth.py  (Flask, runs at https://auth.lanternworks.io)
import base64, hashlib, json, secrets, time
from urllib.parse import urlencode, urlparse

import jwt
from flask import Blueprint, request, redirect, session, jsonify, abort, render_template

from .models import Client, AuthCode, RefreshToken, User, db
from .keys import SIGNING_KEY, SIGNING_KID

bp = Blueprint("oauth", __name__)
ACCESS_TTL = 3600
CODE_TTL = 600


def _client_or_400(client_id):
    client = Client.query.get(client_id)
    if client is None:
        abort(400, "unknown client")
    return client


def _redirect_allowed(client, redirect_uri):
    for allowed in client.redirect_uris:
        if redirect_uri.startswith(allowed):
            return True
    return False


@bp.get("/authorize")
def authorize():
    client = _client_or_400(request.args["client_id"])
    redirect_uri = request.args.get("redirect_uri", client.redirect_uris[0])
    if not _redirect_allowed(client, redirect_uri):
        abort(400, "bad redirect_uri")
    if "user_id" not in session:
        return redirect("/login?" + urlencode({"next": request.full_path}))
    scopes = request.args.get("scope", "").split()
    return render_template("consent.html", client=client, scopes=scopes, params=request.args)


@bp.post("/authorize")
def approve():
    client = _client_or_400(request.form["client_id"])
    redirect_uri = request.form["redirect_uri"]
    scopes = request.form.getlist("scope")
    code = secrets.token_urlsafe(24)
    db.session.add(AuthCode(
        code=code, client_id=client.id, user_id=session["user_id"], scopes=scopes,
        redirect_uri=redirect_uri, code_challenge=request.form.get("code_challenge"),
        expires_at=time.time() + CODE_TTL,
    ))
    db.session.commit()
    params = {"code": code}
    if "state" in request.form:
        params["state"] = request.form["state"]
    return redirect(f"{redirect_uri}?{urlencode(params)}")


def _check_pkce(auth_code, verifier):
    if not auth_code.code_challenge:
        return True
    digest = hashlib.sha256((verifier or "").encode()).digest()
    expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    return expected == auth_code.code_challenge


def _issue_tokens(user_id, client_id, scopes):
    now = int(time.time())
    access = jwt.encode(
        {"sub": str(user_id), "aud": client_id, "scope": " ".join(scopes), "iat": now, "exp": now + ACCESS_TTL,
         "iss": "https://auth.lanternworks.io"},
        SIGNING_KEY, algorithm="RS256", headers={"kid": SIGNING_KID},
    )
    refresh = secrets.token_urlsafe(32)
    db.session.add(RefreshToken(token=refresh, user_id=user_id, client_id=client_id, scopes=scopes))
    db.session.commit()
    return {"access_token": access, "token_type": "Bearer", "expires_in": ACCESS_TTL,
            "refresh_token": refresh, "scope": " ".join(scopes)}


@bp.post("/token")
def token():
    grant = request.form.get("grant_type")
    client = _client_or_400(request.form.get("client_id"))
    if client.confidential and request.form.get("client_secret") != client.secret:
        return jsonify(error="invalid_client"), 401

    if grant == "authorization_code":
        auth_code = AuthCode.query.get(request.form.get("code"))
        if auth_code is None or auth_code.expires_at < time.time():
            return jsonify(error="invalid_grant"), 400
        if not _check_pkce(auth_code, request.form.get("code_verifier")):
            return jsonify(error="invalid_grant", error_description="pkce"), 400
        return jsonify(_issue_tokens(auth_code.user_id, auth_code.client_id, auth_code.scopes))

    if grant == "refresh_token":
        rt = RefreshToken.query.get(request.form.get("refresh_token"))
        if rt is None:
            return jsonify(error="invalid_grant"), 400
        requested = request.form.get("scope")
        scopes = requested.split() if requested else rt.scopes
        return jsonify(_issue_tokens(rt.user_id, rt.client_id, scopes))

    return jsonify(error="unsupported_grant_type"), 400


@bp.get("/userinfo")
def userinfo():
    auth = request.headers.get("Authorization", "")
    token = auth.removeprefix("Bearer ")
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, SIGNING_KEY.public_key(), algorithms=[header.get("alg", "RS256")],
                        options={"verify_aud": False})
    user = User.query.get(int(claims["sub"]))
    return jsonify(sub=claims["sub"], email=user.email, name=user.name, email_verified=user.email_verified)


@bp.post("/revoke")
def revoke():
    token = request.form.get("token")
    rt = RefreshToken.query.get(token)
    if rt:
        db.session.delete(rt)
        db.session.commit()
    return "", 200
'''
W(3, "This is our in-house OAuth 2 authorization server (third-party apps will start using it next quarter). Go through it for security issues, rank them by severity, and say how you'd fix each", fence("python", _OAUTH_SRV), st="P", kind="long")

def _logcat():
    rg = random.Random("logcat")
    pid = 21874
    lines = []
    t = 0
    note = "7f3c2a9e-51d0-4c1b-9b8e-0c2f4e61d2aa"
    events = [
        ("D", "NotesRepository", f"update id={note} len=412 dirty=true opId=1893"),
        ("D", "SyncCoordinator", "syncOnce start pending=1 cursor=88231"),
        ("D", "NotesRepository", "push batch size=1 ids=[1893]"),
        ("D", "OkHttp", "--> POST https://api.fernhill.io/v3/ops (1 op, 498-byte body)"),
        ("D", "NotesRepository", f"update id={note} len=436 dirty=true opId=1894"),
        ("D", "OkHttp", "<-- 200 OK https://api.fernhill.io/v3/ops (1840ms)"),
        ("D", "NotesRepository", f"markClean entityId={note} serverVersion=17"),
        ("D", "NotesRepository", "pull since=88231 notes=3 cursor=88240"),
        ("D", "NotesRepository", f"pull upsert id={note} remoteVersion=17 localDirty=false len=412"),
        ("I", "SyncCoordinator", "syncOnce done pushed=1 cursor=88240"),
        ("D", "NoteEditorVM", f"note {note} changed externally, reloading editor len=412"),
        ("D", "SyncCoordinator", "syncOnce start pending=1 cursor=88240"),
        ("D", "NotesRepository", "push batch size=1 ids=[1894]"),
        ("D", "OkHttp", "--> POST https://api.fernhill.io/v3/ops (1 op, 522-byte body)"),
        ("D", "OkHttp", "<-- 200 OK https://api.fernhill.io/v3/ops (620ms)"),
        ("D", "NotesRepository", f"markClean entityId={note} serverVersion=18"),
        ("D", "NotesRepository", "pull since=88240 notes=1 cursor=88244"),
        ("D", "NotesRepository", f"pull upsert id={note} remoteVersion=18 localDirty=false len=436"),
        ("D", "NoteEditorVM", f"note {note} changed externally, reloading editor len=436"),
    ]
    noise = [
        ("I", "WM-WorkerWrapper", "Worker result SUCCESS for Work [ id=%s, tags={ io.fernhill.notes.sync.SyncWorker } ]"),
        ("D", "ConnectivityMonitor", "network=%s validated=true"),
        ("D", "RoomTracker", "invalidated tables=[notes, pending_ops]"),
        ("W", "System", "A resource failed to call close."),
        ("D", "ImeTracker", "onShown id=%s"),
        ("I", "Choreographer", "Skipped %s frames!  The application may be doing too much work on its main thread."),
    ]
    ei = 0
    while ei < len(events):
        t += rg.randint(30, 700)
        ts = f"11-21 16:42:{(t // 1000) % 60:02d}.{t % 1000:03d}"
        tid = rg.choice([pid, pid + 31, pid + 47, pid + 52])
        if rg.random() < 0.55:
            lvl, tag, msg = events[ei]
            ei += 1
        else:
            lvl, tag, msg = rg.choice(noise)
            if "%s" in msg:
                msg = msg % rg.choice([f"{rg.getrandbits(32):08x}", "wifi", "cellular", str(rg.randint(31, 90))])
        lines.append(f"{ts} {pid:5d} {tid:5d} {lvl} {tag}: {msg}")
    return "\n".join(lines)
A(3, '''Users on Android say that when they type quickly while online, the note "jumps back" to an older version for a second or two and the cursor moves, and a few have reported that a paragraph they typed just disappeared for good. We caught the jump-back on a test device; logcat below (one note, filtered to our process). The repository code is the `NotesRepository` you've seen before (push -> `markClean(entityId, serverVersion)` per applied op, pull skips notes with `dirty = true`). Sync runs on every edit (debounced 2 s), on connectivity change and from WorkManager.

What's the actual sequence that causes the jump-back, how can it turn into permanent loss, and how would you fix the design rather than just the symptom?

```
''' + _logcat() + "\n```", "long")

# =============================================================================================== write + validate
def _shingles(text, n=5):
    toks = re.findall(r"\w+", text.lower())
    return {" ".join(toks[i:i + n]) for i in range(max(0, len(toks) - n + 1))}


def main():
    recs = list(R)
    random.Random("styled-shuffle").shuffle(recs)
    with open(OUT, "w", encoding="utf-8") as fh:
        for i, (tier, prompt, _kind) in enumerate(recs, 1):
            fh.write(json.dumps({"id": f"st-{i:04d}", "prompt": prompt, "tier": tier}, ensure_ascii=False) + "\n")

    # validation
    ids, tiers, kinds = set(), Counter(), Counter()
    with open(OUT, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for row in rows:
        assert set(row) == {"id", "prompt", "tier"}, row.keys()
        assert row["id"] not in ids, row["id"]
        ids.add(row["id"])
        assert row["tier"] in (1, 2, 3)
        assert isinstance(row["prompt"], str) and row["prompt"].strip()
        tiers[row["tier"]] += 1
    for _t, p, k in recs:
        kinds[k or "regular"] += 1
    n = len(rows)
    print(f"{OUT}: {n} records, ids unique, all parse")
    print("tiers:", {t: f"{tiers[t]} ({tiers[t] / n:.0%})" for t in (1, 2, 3)})
    print("kinds:", dict(kinds))
    lens = sorted(len(r["prompt"]) for r in rows)
    print("length min/median/max:", lens[0], lens[n // 2], lens[-1],
          "| >=3000 chars:", sum(1 for x in lens if x >= 2900))
    sh = [_shingles(r["prompt"]) for r in rows]
    worst = (0.0, None, None)
    for i in range(n):
        for j in range(i + 1, n):
            if sh[i] and sh[j]:
                s = len(sh[i] & sh[j]) / min(len(sh[i]), len(sh[j]))
                if s > worst[0]:
                    worst = (s, rows[i]["id"], rows[j]["id"])
    print("max 5-gram overlap within file: %.2f (%s vs %s)" % worst)
    dupes = [r["id"] for r in rows if sum(1 for s in sh if s == _shingles(r["prompt"])) > 1]
    assert not dupes, dupes


if __name__ == "__main__":
    main()
