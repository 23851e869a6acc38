#!/usr/bin/env python3
"""Builds short_domains.jsonl: short asks (3-15 words, no paste, no earlier turns) across many domains --
concurrency, distributed systems, security, performance, data migrations, architecture, databases, networking,
caching, observability, mobile, embedded, ML and data pipelines, front end, CI -- on all three tiers, written
for issue 15's eighth session from LABELING.md and a style brief, without reading the probes:

  "Tier 3 asked in very few words, in many forms (imperative, a bare noun phrase, a question, 'we need ...',
  lower-case chat). Beside each group of tier-3 asks, tier-1 and tier-2 asks of the same length that use the
  same domain words (deadlock, replica, shard, JWT, p99, migration, cache, mutex...), so that neither the
  length nor the scary word is the label: a rename of the deadlock detector is tier 1, adding a lock timeout
  with the value given is tier 2 at most, finding why two jobs deadlock once a week is tier 3."

The earlier short-asks source (brief.jsonl) wrote its short asks as verb-first "fix / debug / find ...";
this one spreads them over the domains a team's hard work comes from and over other forms. Drafts whose words
overlap a probe's or another source's by Jaccard >= 0.6 are dropped by check_near_duplicates() below, which
prints only how many were dropped and from which of this file's own drafts, never a probe's text.
Run: python3 short_domains.py  -> writes short_domains.jsonl next to this script."""
from drafts import ASCII_WORDS, labeled, write_kept

AUTHOR = "written for issue 15 (short asks across domains, same words on every tier) from LABELING.md"

# (domain, tier, prompt)
ROWS = [
    # concurrency
    ("concurrency", 3, "two workers deadlock on the orders table about once a week"),
    ("concurrency", 3, "why does our thread pool stall under load with no errors?"),
    ("concurrency", 3, "counter goes backwards sometimes when requests overlap"),
    ("concurrency", 3, "lost updates when two admins edit the same product"),
    ("concurrency", 3, "is this double-checked locking actually safe in Java?"),
    ("concurrency", 3, "the async job runner hangs randomly, maybe a lock cycle"),
    ("concurrency", 3, "inventory goes negative when flash sales start"),
    ("concurrency", 3, "rust channel consumer stops receiving after a few hours"),
    ("concurrency", 1, "rename the deadlock_detector module to lock_watchdog"),
    ("concurrency", 1, "add a comment that this mutex guards the orders map"),
    ("concurrency", 1, "set the worker thread pool size to 16 in config"),
    ("concurrency", 1, "what does the synchronized keyword do in Java?"),
    ("concurrency", 2, "add a lock timeout of 5 seconds to the orders update"),
    ("concurrency", 2, "write a thread-safe counter class with a mutex and tests"),
    ("concurrency", 2, "run the image resize jobs in a pool of 4 workers"),
    # distributed systems
    ("distributed", 3, "events arrive out of order between the two regions"),
    ("distributed", 3, "how do we get exactly-once delivery from kafka to postgres?"),
    ("distributed", 3, "leader election flaps every few minutes in the etcd cluster"),
    ("distributed", 3, "saga or two-phase commit for orders plus payments?"),
    ("distributed", 3, "consumers reprocess messages after every rebalance, find out why"),
    ("distributed", 3, "replicas disagree on the balance after a partition heals"),
    ("distributed", 3, "need a plan for consistent ids across 3 data centers"),
    ("distributed", 3, "why would a quorum write succeed but the read miss it?"),
    ("distributed", 1, "rename the kafka topic constant ORDERS_V1 to ORDERS_TOPIC"),
    ("distributed", 1, "set the consumer group id to billing-prod in the yaml"),
    ("distributed", 1, "what is a consumer group in kafka?"),
    ("distributed", 1, "fix the typo 'paritition' in the etcd docs page"),
    ("distributed", 2, "add a kafka consumer that writes order events to postgres"),
    ("distributed", 2, "add retries with jitter to the region sync client"),
    ("distributed", 2, "write a health check for each etcd member"),
    # security
    ("security", 3, "is our password reset flow exploitable?"),
    ("security", 3, "review the oauth callback handler for token leaks"),
    ("security", 3, "could a tenant read another tenant's files through the share links?"),
    ("security", 3, "threat model the new webhook ingestion service"),
    ("security", 3, "audit the admin API for privilege escalation"),
    ("security", 3, "someone is reusing session cookies after logout, how?"),
    ("security", 3, "check the sandbox for container escape paths"),
    ("security", 1, "rename verify_jwt to verify_token across the auth module"),
    ("security", 1, "add a docstring to the password hashing helper"),
    ("security", 1, "set the session cookie max age to 3600"),
    ("security", 1, "what does the SameSite cookie attribute mean?"),
    ("security", 2, "hash the passwords with bcrypt instead of sha1"),
    ("security", 2, "add CSP and HSTS headers to the nginx config"),
    ("security", 2, "validate the JWT expiry and issuer in the middleware"),
    ("security", 2, "escape user input in the search results template"),
    # performance
    ("performance", 3, "p99 doubled after the postgres 16 upgrade, no code changes"),
    ("performance", 3, "api memory climbs 2% an hour until the pod restarts"),
    ("performance", 3, "why is the nightly ETL three times slower since march?"),
    ("performance", 3, "GC pauses spike when traffic is only moderate"),
    ("performance", 3, "our search got slow for big tenants only, figure out why"),
    ("performance", 3, "cold starts went from 1s to 6s after the refactor"),
    ("performance", 3, "CPU pegged at 100% on one node of five"),
    ("performance", 3, "tail latency spikes every 10 minutes like clockwork"),
    ("performance", 1, "rename the p99_latency metric to latency_p99_ms"),
    ("performance", 1, "set the GC log level to debug in jvm.options"),
    ("performance", 1, "what does p99 latency mean?"),
    ("performance", 1, "add a comment that this loop is the hot path"),
    ("performance", 2, "add an index on orders.customer_id and show the migration"),
    ("performance", 2, "cache the country list in memory for an hour"),
    ("performance", 2, "replace the N+1 queries in the invoice list with a join"),
    ("performance", 2, "paginate the audit log endpoint, 50 per page"),
    # data migrations
    ("migrations", 3, "split the users table into accounts and profiles with zero downtime"),
    ("migrations", 3, "move 2 TB from mysql to postgres while both stay live"),
    ("migrations", 3, "change the primary key to uuid, six services join on it"),
    ("migrations", 3, "backfill ran twice on some rows, how do we repair safely?"),
    ("migrations", 3, "plan the cutover from the old billing schema without double charging"),
    ("migrations", 3, "re-key the encrypted column without taking the site down"),
    ("migrations", 1, "rename the migration file to 0042_add_phone.py"),
    ("migrations", 1, "add a comment to the users migration explaining the column"),
    ("migrations", 1, "what does alembic downgrade do?"),
    ("migrations", 2, "write a migration adding a nullable phone column to users"),
    ("migrations", 2, "write a script that copies archived orders to a new table in batches"),
    ("migrations", 2, "add a not-null default to status and backfill existing rows"),
    # architecture
    ("architecture", 3, "should notifications be their own service?"),
    ("architecture", 3, "monolith is hitting limits, where do we cut first?"),
    ("architecture", 3, "design offline sync for the field app"),
    ("architecture", 3, "event sourcing for the ledger, worth it for a team of four?"),
    ("architecture", 3, "how should tenants be isolated: schema, database or row?"),
    ("architecture", 3, "we need multi-region active-active for checkout"),
    ("architecture", 3, "pick a caching strategy for prices that change every minute"),
    ("architecture", 1, "rename the notifications service folder to notifier"),
    ("architecture", 1, "add the new service to the architecture diagram legend"),
    ("architecture", 1, "what is a monolith?"),
    ("architecture", 2, "extract the email sending into its own module with an interface"),
    ("architecture", 2, "add a repository class for tenants with get and list"),
    ("architecture", 2, "split the settings page component into three smaller ones"),
    # databases
    ("databases", 3, "query plan flips to a seq scan some mornings"),
    ("databases", 3, "replication lag jumps to minutes during vacuum"),
    ("databases", 3, "why do we get duplicate rows despite the unique check?"),
    ("databases", 3, "serializable or repeatable read for the booking system?"),
    ("databases", 3, "connection pool exhausted only when the cron runs"),
    ("databases", 1, "rename the column cust_id to customer_id in the model"),
    ("databases", 1, "set statement_timeout to 30s in the pgbouncer ini"),
    ("databases", 1, "what is a seq scan?"),
    ("databases", 2, "write a query for the top 10 customers by revenue"),
    ("databases", 2, "add a unique constraint on email and handle the conflict"),
    # networking
    ("networking", 3, "random 502s from the load balancer, maybe keepalive mismatch"),
    ("networking", 3, "TLS handshakes fail for a few clients only"),
    ("networking", 3, "packets dropped between the two VPCs at peak"),
    ("networking", 3, "grpc streams reset after exactly 60 minutes"),
    ("networking", 1, "set the keepalive timeout to 75s in nginx.conf"),
    ("networking", 1, "what port does grpc use by default?"),
    ("networking", 1, "rename upstream backend_a to api_backend"),
    ("networking", 2, "add a retry on 502 in the http client, max three"),
    ("networking", 2, "write an nginx location that proxies /api to port 8000"),
    # caching
    ("caching", 3, "stale prices after deploy even though we purge the cache"),
    ("caching", 3, "cache stampede takes the db down at midnight"),
    ("caching", 3, "how do we keep redis and postgres consistent on writes?"),
    ("caching", 1, "set the redis TTL for sessions to 900 seconds"),
    ("caching", 1, "what is a cache stampede?"),
    ("caching", 2, "cache the product page render in redis for five minutes"),
    ("caching", 2, "add cache invalidation when a product is updated"),
    # observability
    ("observability", 3, "traces break between the queue and the worker, spans orphaned"),
    ("observability", 3, "alert fires nightly but nothing is wrong, figure it out"),
    ("observability", 3, "design SLOs for checkout that catch partial outages"),
    ("observability", 1, "rename the metric http_reqs to http_requests_total"),
    ("observability", 1, "change the log format to json in logging.yaml"),
    ("observability", 2, "add a prometheus counter for failed logins"),
    ("observability", 2, "propagate the trace id into the worker logs"),
    # mobile and front end
    ("frontend", 3, "app freezes on older androids when scrolling the feed"),
    ("frontend", 3, "react state goes stale after reconnect, sometimes"),
    ("frontend", 3, "ios crash only in release builds, no symbols"),
    ("frontend", 3, "hydration mismatches on a few pages in production only"),
    ("frontend", 1, "rename the FeedList component to Timeline"),
    ("frontend", 1, "change the button color to #0055ff"),
    ("frontend", 1, "what does useEffect's dependency array do?"),
    ("frontend", 2, "add infinite scroll to the feed with a loading spinner"),
    ("frontend", 2, "add form validation to the signup screen"),
    # embedded and systems
    ("systems", 3, "firmware resets every few days, watchdog suspected"),
    ("systems", 3, "interrupt handler corrupts the ring buffer occasionally"),
    ("systems", 3, "use-after-free in the plugin loader, only on windows"),
    ("systems", 3, "why does the kernel OOM-kill us with free memory showing?"),
    ("systems", 1, "rename the ring_buf struct to rx_queue"),
    ("systems", 1, "add comments to the register map header"),
    ("systems", 2, "write a ring buffer with push, pop and tests"),
    ("systems", 2, "parse the sensor packet format into a struct"),
    # ML and data pipelines
    ("data", 3, "model accuracy drops in production but not offline"),
    ("data", 3, "spark job skews on one partition and never finishes"),
    ("data", 3, "daily totals differ between the warehouse and the app"),
    ("data", 3, "training loss goes NaN after a few thousand steps, randomly"),
    ("data", 1, "rename the feature column age_bucket to age_band"),
    ("data", 1, "what is data skew in spark?"),
    ("data", 2, "write a pandas function that dedups events by id and time"),
    ("data", 2, "add a dbt test that order totals are non-negative"),
    # CI and build
    ("ci", 3, "tests pass locally but fail on CI one run in ten"),
    ("ci", 3, "builds got nondeterministic, hashes differ between runs"),
    ("ci", 3, "flaky integration test around the payment webhook, find the race"),
    ("ci", 1, "rename the CI job lint to static-checks"),
    ("ci", 1, "bump the node version in the workflow to 20"),
    ("ci", 2, "add a GitHub workflow that caches pip and runs the tests"),
    ("ci", 2, "split the test job into unit and integration stages"),
    # cloud and infra
    ("infra", 3, "pods restart under load but the probes look fine"),
    ("infra", 3, "how should we do blue-green for the stateful queue workers?"),
    ("infra", 3, "terraform state drifted, some resources managed twice"),
    ("infra", 3, "DNS failover takes 10 minutes instead of 30 seconds"),
    ("infra", 1, "set replicas to 4 in the api deployment"),
    ("infra", 1, "rename the s3 bucket variable in the terraform module"),
    ("infra", 1, "what is a readiness probe?"),
    ("infra", 2, "add liveness and readiness probes to the worker deployment"),
    ("infra", 2, "write a terraform module for a private s3 bucket with versioning"),
    # payments, money
    ("payments", 3, "refunds sometimes applied twice, can't reproduce"),
    ("payments", 3, "rounding makes the ledger off by cents at month end"),
    ("payments", 3, "how do we reconcile stripe payouts with our ledger reliably?"),
    ("payments", 1, "rename amount to amount_cents in the invoice model"),
    ("payments", 1, "fix the typo in the refund email subject"),
    ("payments", 2, "add a refund endpoint that calls stripe and records it"),
    ("payments", 2, "store money as integer cents instead of floats in the cart"),
]


# Added after the first cross-source run of the eighth session (never a probe's): with the rows above in
# training, held-out textbook "why" questions (textbook_why.jsonl) went to tier 3, since every "why" question
# above was a tier-3 diagnosis. LABELING.md: a "why does Y" about common, documented behaviour is tier 1 -- so the
# same domains' textbook "why" questions, short, beside the tier-3 ones.
WHY = [
    ("concurrency", 1, "why do we need a mutex if the GIL exists?"),
    ("concurrency", 1, "why is reading a volatile field slower in java?"),
    ("distributed", 1, "why does kafka only guarantee order within a partition?"),
    ("distributed", 1, "why does raft need a majority to elect a leader?"),
    ("distributed", 1, "why do people say two-phase commit blocks?"),
    ("security", 1, "why should passwords be hashed with a salt?"),
    ("security", 1, "why does the browser block my request with a CORS error?"),
    ("security", 1, "why are JWTs not revocable by default?"),
    ("performance", 1, "why is the first query after a restart always slower?"),
    ("performance", 1, "why does p99 matter more than the average?"),
    ("performance", 1, "why is python slow at tight loops?"),
    ("migrations", 1, "why does alembic need a down_revision in each file?"),
    ("migrations", 1, "why does adding a column with a default lock the table in old postgres?"),
    ("architecture", 1, "why do microservices each get their own database?"),
    ("databases", 1, "why does postgres need vacuum at all?"),
    ("databases", 1, "why is count(*) slow on big postgres tables?"),
    ("databases", 1, "why would the planner pick a seq scan on a tiny table?"),
    ("networking", 1, "why does TCP need a three-way handshake?"),
    ("networking", 1, "why do nginx 502s happen when the app is down?"),
    ("caching", 1, "why is cache invalidation considered hard?"),
    ("caching", 1, "why does redis evict keys when memory is full?"),
    ("observability", 1, "why are histograms better than averages for latency?"),
    ("frontend", 1, "why does react render my component twice in dev mode?"),
    ("frontend", 1, "why is my webpack build slow the first time only?"),
    ("systems", 1, "why does free memory look low on linux even when idle?"),
    ("data", 1, "why does spark shuffle when I call groupBy?"),
    ("ci", 1, "why does the github actions cache miss after a lockfile change?"),
    ("infra", 1, "why does kubernetes restart a pod when the liveness probe fails?"),
    ("payments", 1, "why shouldn't money be stored as a float?"),
    ("infra", 1, "why is terraform plan slow with many resources?"),
]


def records():
    return labeled(ROWS + WHY, "sd", "domain", AUTHOR)


def main():
    write_kept(records(), "short_domains", ASCII_WORDS)


if __name__ == "__main__":
    main()
