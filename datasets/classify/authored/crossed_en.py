#!/usr/bin/env python3
"""Builds crossed_en.jsonl: English requests in which the subject is crossed with the tier -- every subject
(Kafka consumer groups, replica lag, deadlocks, p99, TLS certificates, CUDA memory...) asked about at two or
three tiers, so that neither the subject's nouns nor the length nor a question mark is the label. Written for
issue 15's twelfth session from LABELING.md and this style brief, without reading the probes, train.jsonl or
another source's rows:

  "English requests as developers type them into a coding agent, across about 25 subject areas (databases,
  replication, message queues, Kafka, Kubernetes, caching, auth and tokens, TLS, DNS, CI pipelines, frontend
  state, mobile, payments, search, observability, ML training, data pipelines, filesystems, concurrency,
  compilers, networking, GPU, embedded, game loops, browsers). Every subject appears at two or three tiers with
  the tier decided only by what the answer needs. Tier 1: textbook or how-to questions naming the 'scary'
  subject ('why does Kafka rebalance consumers, in general?', 'what is a split-brain?', 'how do I list pods in a
  namespace?'), config edits with the value given, renames, commit messages, follow-ups ('ok do that', 'now run
  the linter'); some of these long, with a polite preamble or a sentence of background around the small ask.
  Tier 2: standard implementation with the approach given, writing tests, a bug fix whose cause is stated.
  Tier 3: diagnosis of OUR system's specific, intermittent, load-dependent or cross-component misbehaviour,
  design across services, performance regressions, security review -- many of them SHORT (3-10 words, plain
  nouns: 'orders sometimes vanish, find out why', 'why is checkout slow only on Mondays?', 'review our login
  flow for holes') so that length is not the label. Mix imperative and question forms at every tier; a
  question mark is not evidence either way."

Labeling, by LABELING.md, for the cases that sit near a boundary:

* A "why does X" question about documented, common behaviour with no detail of our system (why Spark shuffles,
  why a DNS change takes hours to reach some people, why inotify fails on NFS, why Stripe sends a webhook
  twice, why a browser keeps an old bundle under a one-year max-age) is tier 1: the textbook causes are the
  answer. The same subject asked as "why does OUR x do y only when z" is tier 3: the cause must be inferred from
  our system. Where a symptom has a textbook cause (MTU, NFS and inotify, rollout 502s) the tier-3 row is about
  our system and adds what makes it ours (intermittent, one client population, only since a change); a bare
  "why is the docker layer cache never hit on CI?" was rewritten with the detail that makes it a diagnosis (it
  stopped after a runner move, with cache-from set), since LABELING.md's "why is my docker build slow?" with no
  detail is tier 1.
* Config edits with the value given are tier 1 even when they touch a scary subject (retention.ms, wal_level,
  autovacuum scale factor, memory limits, TLS protocols); a config change whose consequences must be reasoned
  about (pool sizes across autoscaled pods, SERIALIZABLE or not) is tier 3.
* Tier 2 rows give the approach (cooperative-sticky assignor, keyset pagination, double-submit cookie, bcrypt
  rehash on login, salting a skewed join key, a 32x33 shared-memory tile) or state the bug's cause; a named
  standard security fix (verify the webhook signature, add HSTS or a CSP) is 2, reviewing a flow for holes is 3.
* A test that must reproduce a race is tier 3 by the guide, so no tier-2 row asks for one; tier-2 tests are
  ordinary suites (a form's validation, an ordering check over one key in testcontainers).
* Fully specified mechanical edits stay tier 1 even in a "flaky tests" or "migration" context: marking three
  named tests as integration and skipping them in the unit job is 1. A migration adding only an index would be
  1 like the guide's nullable column, so the checkout row that adds one also asks for a test that the query
  uses it (2). "Guard each update of the shared dict with a Lock" is a bug fix whose cause is stated (2).
* Follow-ups with no earlier turn ("now apply it to staging", "ok, bump the prefetch count to 50") are tier 1; commit messages after
  work already done are tier 1 whatever the work was.
* Renames are tier 1 when local; renaming a Kafka topic five services consume, without losing events, is 3.

Drafts whose words overlap a row of the training set, a probe or another source by Jaccard >= 0.6 are dropped
by drafts.write_kept (which names only this file's own drafts). The trailing comment on each row names its
subject (each used at two or three tiers); the comments are not data.
Run: python3 crossed_en.py  -> writes crossed_en.jsonl next to this script."""
from drafts import ASCII_WORDS, labeled, write_kept

AUTHOR = "written for issue 15 (one subject crossed with every tier, 25 subject areas, English) from LABELING.md"

# (domain, tier, prompt)  # subject
ROWS = [
    # databases
    ("databases", 1, "explain what VACUUM FULL does differently from a plain VACUUM in Postgres"),  # vacuum
    ("databases", 1, "Our DBA looked at the table stats last week and asked us to make autovacuum kick in "
                     "earlier on the busiest table. Please set autovacuum_vacuum_scale_factor to 0.05 on the "
                     "events table; that's the only change."),  # vacuum
    ("databases", 3, "events table keeps bloating even though autovacuum runs. why?"),  # vacuum
    ("databases", 1, "why would Postgres ignore an index and do a sequential scan, in general?"),  # query plans
    ("databases", 2, "Rewrite the order-history query to use keyset pagination on (created_at, id) instead of "
                     "OFFSET, keeping the same response shape."),  # query plans
    ("databases", 3, "nightly report query got 20x slower last week, find out why"),  # query plans
    ("databases", 2, "add pagination to our GET /orders endpoint, 50 per page"),  # query plans
    ("databases", 1, "What's the difference between READ COMMITTED and REPEATABLE READ isolation?"),  # isolation
    ("databases", 3, "should the transfer service run at SERIALIZABLE? we see rare negative balances"),  # isolation
    ("databases", 3, "Postgres deadlocks twice a week, find the cause"),  # isolation
    ("databases", 1, "set the max pool size to 20 in config/database.yml"),  # connection pool
    ("databases", 3, "We get 'too many connections' only when the API autoscales past 12 pods. What pool "
                     "sizes should each service use?"),  # connection pool
    ("databases", 2, "add a pgbouncer sidecar to the api deployment in transaction mode, pool size 10, and point "
                     "DATABASE_URL at it"),  # connection pool

    # replication
    ("replication", 1, "explain what a split-brain is in a primary/replica setup"),  # split-brain
    ("replication", 3, "After Tuesday's failover both nodes accepted writes for about a minute. How did that "
                       "happen, and how do we stop it happening again?"),  # split-brain
    ("replication", 1, "What does synchronous_commit = remote_apply actually guarantee?"),  # sync replication
    ("replication", 3, "commits got 5x slower since we added the second synchronous standby in the other region"),  # sync replication
    ("replication", 1, "show me how to check replication lag on a Postgres replica"),  # replica lag
    ("replication", 3, "replica lag spikes every night"),  # replica lag
    ("replication", 2, "Route reads for the profile page to the primary for 5 seconds after a user edits their "
                       "profile; we already keep a last_write_at timestamp in the session."),  # replica routing
    ("replication", 3, "users sometimes can't see their own new comments"),  # replica routing
    ("replication", 1, "Thanks for the help earlier with the replica setup, it has been running fine all week. "
                       "One small thing: can you rename the replica_host env var to REPLICA_HOST in "
                       "docker-compose.yml and settings.py so it matches the others?"),  # replica routing
    ("replication", 1, "set wal_level = logical in postgresql.conf, please"),  # logical replication
    ("replication", 3, "design the cutover from our MySQL primary to Postgres using logical replication, with no "
                       "downtime for the four services that write to it"),  # logical replication

    # queues
    ("queues", 1, "change the DLQ max receive count from 3 to 5 in the terraform for the invoices queue"),  # dead-letter queue
    ("queues", 2, "Add a dead-letter exchange to the emails queue in our RabbitMQ setup, plus a consumer that "
                  "logs and acks whatever lands there."),  # dead-letter queue
    ("queues", 1, "how does the SQS visibility timeout work, in general?"),  # visibility timeout
    ("queues", 3, "some jobs get processed twice, but only on big import days"),  # visibility timeout
    ("queues", 2, "Make the payment-webhook consumer idempotent: store each message id in a processed_messages "
                  "table with a unique constraint and skip ids already there."),  # idempotent consumer
    ("queues", 3, "orders sometimes vanish, find out why"),  # idempotent consumer
    ("queues", 1, "why doesn't RabbitMQ keep messages in order once you have several consumers?"),  # acks and ordering
    ("queues", 2, "Our worker acks each message before processing it, so a crash loses the message. Move the "
                  "ack after the handler succeeds and nack with requeue on exceptions."),  # acks and ordering
    ("queues", 3, "why does our queue back up while the consumers sit idle?"),  # backpressure
    ("queues", 1, "ok, bump the prefetch count to 50 like you suggested"),  # backpressure

    # kafka
    ("kafka", 1, "In general, what triggers a Kafka consumer group rebalance?"),  # rebalances
    ("kafka", 3, "why does our consumer group keep rebalancing?"),  # rebalances
    ("kafka", 2, "Switch the audit consumer to the cooperative-sticky assignor and add a rebalance listener that "
                 "commits offsets before partitions are revoked."),  # rebalances
    ("kafka", 1, "How do I see the current offsets and lag for a consumer group from the command line?"),  # offsets
    ("kafka", 3, "consumer lag keeps growing on one partition only"),  # offsets
    ("kafka", 2, "can you write a Kafka consumer in Python that commits offsets manually after each batch of "
                 "100?"),  # offsets
    ("kafka", 1, "Some background: we run three brokers and the clickstream topic is filling the disks faster "
                 "than planned, and the team agreed a week of history is enough. Set retention.ms on that topic "
                 "to 7 days."),  # retention and durability
    ("kafka", 3, "we lost clickstream events after a broker restart. how?"),  # retention and durability
    ("kafka", 1, "What's the difference between at-least-once and exactly-once delivery in Kafka?"),  # exactly-once
    ("kafka", 3, "Should the ledger service use Kafka transactions or an outbox table? Three services consume "
                 "its events and ordering per account matters."),  # exactly-once
    ("kafka", 1, "Write the commit message for the partition key change we just made (keying by account_id "
                 "instead of order_id)."),  # partition keys
    ("kafka", 2, "Write an integration test with testcontainers that produces 100 messages with the same key "
                 "and asserts the consumer sees them in order."),  # partition keys
    ("kafka", 3, "rename the user-events topic to account-events; five services consume it and we can't drop "
                 "any events"),  # renames
    ("kafka", 1, "rename the local variable evts to events in the consumer's poll loop"),  # renames

    # kubernetes
    ("kubernetes", 1, "I'm new to Kubernetes and our team lead is out this week, so sorry if this is basic: how "
                      "do I list all the pods in the payments namespace and see which node each one runs on?"),  # pods and limits
    ("kubernetes", 3, "why do payments pods get OOMKilled when the memory graphs look flat?"),  # pods and limits
    ("kubernetes", 1, "what does a readiness probe do that a liveness probe doesn't?"),  # probes
    ("kubernetes", 2, "Implement the /healthz endpoint in the Go api so it checks Postgres and Redis with a 1s "
                      "timeout each, and point the deployment's readiness probe at it."),  # probes
    ("kubernetes", 3, "every rollout causes about 30 seconds of 502s"),  # rollouts
    ("kubernetes", 1, "now apply it to staging"),  # rollouts
    ("kubernetes", 2, "Can you write an HPA for the api deployment that scales between 3 and 12 replicas at 70% "
                      "CPU, plus a PodDisruptionBudget with minAvailable 2?"),  # autoscaling
    ("kubernetes", 3, "HPA keeps flapping. why?"),  # autoscaling
    ("kubernetes", 3, "review our network policies and RBAC: can one tenant's pods reach another's?"),  # network policy
    ("kubernetes", 1, "What is a NetworkPolicy in Kubernetes, and is traffic allowed by default without one?"),  # network policy

    # caching
    ("caching", 1, "explain the difference between allkeys-lru and volatile-lru in Redis"),  # redis eviction
    ("caching", 3, "Redis evicts keys at only 60% memory. why?"),  # redis eviction
    ("caching", 1, "what is a cache stampede, in general?"),  # stampede
    ("caching", 2, "Add request coalescing to get_product: when a key is missing, only one caller recomputes it "
                   "and the others await the same future."),  # stampede
    ("caching", 3, "catalog p99 doubles every hour on the hour"),  # stampede
    ("caching", 2, "Invalidate the user:{id} cache key in update_profile and delete_account; right now only the "
                   "database row changes and the page shows stale data for an hour."),  # invalidation
    ("caching", 3, "we cache prices in three services and they disagree for minutes after a price change. how "
                   "should invalidation work across them?"),  # invalidation
    ("caching", 3, "users sometimes see another user's cart"),  # invalidation
    ("caching", 1, "Why does the browser keep using an old bundle when the response says "
                   "Cache-Control: max-age=31536000?"),  # http caching
    ("caching", 2, "Write Express middleware that sets Cache-Control: no-cache for HTML and a one-year immutable "
                   "max-age for everything under /assets, with tests for both."),  # http caching

    # auth
    ("auth", 1, "What's the difference between an access token and a refresh token?"),  # tokens
    ("auth", 3, "users get logged out at random, find out why"),  # tokens
    ("auth", 1, "tell me what PKCE is and why mobile apps need it"),  # oauth
    ("auth", 2, "Add PKCE to the mobile login: generate a verifier, send its S256 challenge with the authorize "
                "request, and include the verifier in the token request."),  # oauth
    ("auth", 3, "review our login flow for holes"),  # login flow
    ("auth", 1, "I know you are busy with the bigger auth refactor, and thank you for all the work on it so "
                "far. While you are in there, could you fix the typo in the login error message, 'Invalid "
                "pasword', to 'Invalid password'?"),  # login flow
    ("auth", 2, "Migrate password hashing from sha256 to bcrypt, rehashing each user's password on their next "
                "successful login."),  # password hashing
    ("auth", 1, "Rename verify_pw to verify_password in auth/utils.py and its two callers."),  # password hashing
    ("auth", 3, "is our password reset flow safe against account takeover? reset tokens are emailed and stay "
                "valid for 24 hours"),  # password reset
    ("auth", 1, "how long should a password reset link stay valid, as a rule of thumb?"),  # password reset
    ("auth", 2, "add double-submit cookie CSRF protection to the forms"),  # csrf
    ("auth", 1, "What does a CSRF attack actually do, in plain terms?"),  # csrf

    # tls
    ("tls", 1, "how do I check when a site's TLS certificate expires from the command line?"),  # cert renewal
    ("tls", 3, "why do half our pods still serve the expired cert?"),  # cert renewal
    ("tls", 1, "why does curl fail with 'unable to get local issuer certificate', in general?"),  # cert chain
    ("tls", 3, "some Android clients fail our TLS handshake since Monday"),  # cert chain
    ("tls", 1, "Our security scanner flagged old protocols on the public nginx, and we already agreed to drop "
               "everything below 1.2. Please set ssl_protocols to TLSv1.2 TLSv1.3 in the nginx config."),  # nginx tls config
    ("tls", 2, "Add HSTS with a one-year max-age to the nginx config and a smoke test that checks the header."),  # nginx tls config
    ("tls", 1, "What is mutual TLS?"),  # mtls
    ("tls", 3, "Design mTLS between our 14 internal services, including how certificates get issued and rotated "
               "without restarts."),  # mtls
    ("tls", 3, "TLS errors between services right after each cert rotation"),  # mtls

    # dns
    ("dns", 1, "What's the difference between a CNAME and an A record?"),  # records
    ("dns", 2, "Write a Terraform module that creates the Route 53 records for a new service: an alias A record "
               "to its load balancer and a CNAME for www."),  # records
    ("dns", 1, "Marketing moves the landing page to a new host tomorrow and wants the switch to be quick. Lower "
               "the TTL on www.example.com to 300 seconds in the zone file today, please."),  # ttl and propagation
    ("dns", 1, "why does a DNS change take hours to show up for some people, in general?"),  # ttl and propagation
    ("dns", 3, "we switched DNS providers and about 5% of clients still hit the old IPs two days later"),  # ttl and propagation
    ("dns", 3, "rare 'no such host' errors calling billing from our pods"),  # resolution in pods
    ("dns", 2, "The health checker fails the whole check on the first SERVFAIL. Add a retry with backoff, three "
               "attempts, around the lookup."),  # resolution in pods
    ("dns", 1, "How do I see which DNS server a pod is using?"),  # resolution in pods

    # ci
    ("ci", 1, "now run the linter"),  # pipeline config
    ("ci", 1, "Write the commit message for the workflow change: we split unit and integration tests into "
              "separate jobs."),  # pipeline config
    ("ci", 2, "Add a CI job that runs the migrations against a fresh Postgres service container and fails if any "
              "migration has no down step."),  # pipeline config
    ("ci", 1, "We have been fighting the pipeline all week and I think it's finally green, so thanks for "
              "sticking with it. Last bit: please add a badge for the CI workflow to the top of the README."),  # pipeline config
    ("ci", 1, "How do I cache pip dependencies in GitHub Actions?"),  # build cache
    ("ci", 3, "the docker layer cache on CI stopped hitting after we moved to the new runners, even with "
              "cache-from set"),  # build cache
    ("ci", 3, "CI went from 8 minutes to 25 over the last month. find where the time went"),  # build time
    ("ci", 2, "split the test job into a 4-way matrix with pytest-split and merge the coverage reports in a "
              "final job"),  # build time
    ("ci", 3, "integration suite fails one run in ten, only on CI"),  # flaky tests
    ("ci", 1, "mark the three tests that hit the real S3 as integration and skip them in the unit job"),  # flaky tests
    ("ci", 2, "Write a GitHub Actions workflow that builds the Docker image on tags, pushes it to GHCR, and "
              "creates a release with that tag's changelog section."),  # release pipeline
    ("ci", 3, "release job sometimes ships the last version's artifacts"),  # release pipeline

    # frontend
    ("frontend", 1, "when exactly does React run an effect's cleanup function?"),  # react effects
    ("frontend", 2, "The effect in Chat.tsx opens a new websocket on every render because it has no dependency "
                    "array; pass [roomId] and close the socket in the cleanup."),  # react effects
    ("frontend", 1, "rename the isOpen prop to open in Modal.tsx and everywhere it's used"),  # components
    ("frontend", 2, "can you write Storybook stories for Modal's open, closed and loading states?"),  # components
    ("frontend", 3, "the cart total sometimes shows the old value after removing an item, only on slow "
                    "networks"),  # state management
    ("frontend", 2, "what would a React hook that polls /status every 5 seconds look like?"),  # state management
    ("frontend", 3, "why is the dashboard so slow since the redesign?"),  # bundle size
    ("frontend", 1, "how do I see what's in our production bundle with webpack-bundle-analyzer?"),  # bundle size
    ("frontend", 1, "what's the difference between controlled and uncontrolled inputs in React?"),  # forms
    ("frontend", 2, "Write tests with React Testing Library for the signup form: required fields, the email "
                    "format error, and submit disabled while the request is pending."),  # forms
    ("frontend", 1, "What is hydration in Next.js?"),  # hydration
    ("frontend", 3, "hydration mismatches only for users in some timezones"),  # hydration
    ("frontend", 1, "add a comment above the useMemo in ProductList explaining that it memoizes the sorted "
                    "list"),  # rendering perf
    ("frontend", 3, "typing in the orders search box lags"),  # rendering perf

    # mobile
    ("mobile", 1, "what's the difference between an APNs device token and an FCM registration token?"),  # push
    ("mobile", 3, "some Android users stop getting pushes after a few days"),  # push
    ("mobile", 1, "Thanks, the build works now. Before you go, could you bump versionCode to 42 and versionName "
                  "to 2.3.0 in build.gradle? The release is tomorrow and I keep forgetting."),  # build config
    ("mobile", 2, "could you add a staging build flavor with its own applicationId suffix and API base URL?"),  # build config
    ("mobile", 2, "Handle the deep link myapp://orders/{id}: parse the id, open OrderDetailScreen, and show the "
                  "not-found screen for unknown ids."),  # deep links
    ("mobile", 1, "What are universal links, and how are they different from custom URL schemes?"),  # deep links
    ("mobile", 3, "offline edits sometimes overwrite newer server changes when the phone reconnects. how should "
                  "sync resolve conflicts?"),  # offline sync
    ("mobile", 2, "Add a retry queue for failed photo uploads in the Android app using WorkManager, with "
                  "exponential backoff and a network-connected constraint."),  # offline sync
    ("mobile", 3, "Android cold start tripled, why?"),  # startup
    ("mobile", 1, "why is the first launch of an app slower than later ones, in general?"),  # startup
    ("mobile", 1, "What's the difference between WorkManager and a foreground service on Android?"),  # background work
    ("mobile", 3, "the app drains battery since 3.2, find out why"),  # background work

    # payments
    ("payments", 1, "What's an idempotency key in the Stripe API, in general?"),  # idempotency
    ("payments", 2, "Add an Idempotency-Key header to every charge request, derived from the order id and the "
                    "attempt number."),  # idempotency
    ("payments", 3, "customers occasionally get charged twice. find out why"),  # idempotency
    ("payments", 2, "Verify the Stripe webhook signature in the handler with the signing secret from settings, "
                    "and return 400 when it fails."),  # webhooks
    ("payments", 1, "Why does Stripe send the same webhook event more than once?"),  # webhooks
    ("payments", 3, "ledger and Stripe totals drift apart by a few cents"),  # money amounts
    ("payments", 1, "We just finished the refund fix together and the numbers match now, thanks. Please write "
                    "the commit message for it: refunds are summed in integer cents instead of floats."),  # money amounts
    ("payments", 2, "could you add tests for the refund calculator?"),  # money amounts
    ("payments", 3, "review the checkout flow for ways to pay less than the cart total"),  # checkout
    ("payments", 1, "what is PCI DSS scope, and does using Stripe Elements reduce it?"),  # checkout
    ("payments", 3, "why is checkout slow only on Mondays?"),  # checkout
    ("payments", 2, "The slow query log shows checkout scanning the whole carts table for each user; add an index "
                    "on carts(user_id), built concurrently in a migration, and a test that the checkout query "
                    "uses it."),  # checkout

    # search
    ("search", 1, "I'm preparing a short talk for our team on how search works and I keep mixing this up: "
                  "what's the difference between a text field and a keyword field in an Elasticsearch "
                  "mapping, in general?"),  # queries and mappings
    ("search", 2, "Write a search endpoint that takes q, page and size, runs a multi_match on name and "
                  "description, and returns the hits with the total count."),  # queries and mappings
    ("search", 1, "set number_of_replicas to 1 on our products index"),  # index settings
    ("search", 3, "search cluster goes yellow every night during the bulk load"),  # index settings
    ("search", 3, "why did search get three times slower after we added the synonyms file?"),  # analyzers
    ("search", 1, "why does a match query for 'running' also find 'run'? in general"),  # analyzers
    ("search", 3, "design a zero-downtime reindex of the products index while three services keep writing to "
                  "it"),  # reindexing
    ("search", 3, "what keeps some products out of search results?"),  # reindexing
    ("search", 2, "write a reindex script that copies products into products_v2 and then swaps the products "
                  "alias to point at it"),  # reindexing

    # observability
    ("observability", 1, "set our payments logger to WARN in logging.yaml"),  # logging
    ("observability", 3, "we're paying for 4 TB of logs a day; design what each service keeps, samples and "
                         "drops"),  # logging
    ("observability", 1, "add a comment above the histogram buckets saying they're in seconds"),  # metrics
    ("observability", 2, "add a request-duration histogram to the HTTP middleware, labeled by route and "
                         "status"),  # metrics
    ("observability", 3, "Thanks for the help with the dashboards yesterday, they look great. Different question, and no "
                         "rush: p99 latency doubled after Tuesday's deploy but p50 didn't move at all. Can you dig "
                         "into why?"),  # latency
    ("observability", 1, "what is p99 latency, in general, and why look at it instead of the average?"),  # latency
    ("observability", 1, "What is a trace span, and how is it different from a log line?"),  # tracing
    ("observability", 3, "why do traces from checkout break into two at the payment service, only for retried "
                         "requests?"),  # tracing
    ("observability", 3, "disk-full alerts fire nightly at 3am, then clear"),  # alerting
    ("observability", 2, "Can you write a Prometheus alert rule that fires when the api's 5xx rate stays above 2% "
                         "for 10 minutes?"),  # alerting

    # ml
    ("ml", 1, "what does a learning rate warmup do, in general?"),  # training stability
    ("ml", 1, "set the learning rate to 3e-4 and the batch size to 64 in train.yaml"),  # training stability
    ("ml", 3, "val loss goes NaN on some runs only"),  # training stability
    ("ml", 2, "Add early stopping to the training loop: stop when val loss hasn't improved for 5 epochs and "
              "restore the best checkpoint."),  # overfitting
    ("ml", 1, "What is overfitting, and how does dropout help with it?"),  # overfitting
    ("ml", 3, "our model scores 0.94 offline but barely beats the baseline in production; find out why"),  # eval leakage
    ("ml", 1, "What is data leakage between train and test sets, in general?"),  # eval leakage
    ("ml", 2, "Split the dataset by user id instead of by row so no user appears in both train and test, and "
              "add a test that checks it."),  # eval leakage
    ("ml", 2, "Write a PyTorch Dataset for the images in data/train with labels from labels.csv, resized to 224 "
              "and normalized with the ImageNet stats."),  # data loading
    ("ml", 1, "why does raising num_workers in a PyTorch DataLoader speed up training?"),  # data loading
    ("ml", 3, "training on 8 GPUs is only 3x faster than on 1. where is the time going?"),  # distributed training
    ("ml", 1, "what does an all-reduce do in distributed training, in general?"),  # distributed training
    ("ml", 1, "what does torch.cuda.amp.autocast do?"),  # mixed precision
    ("ml", 2, "switch training to mixed precision with a GradScaler"),  # mixed precision

    # pipelines
    ("pipelines", 1, "How do I trigger an Airflow DAG run for a specific date from the CLI?"),  # airflow
    ("pipelines", 2, "Write an Airflow task that loads yesterday's orders from S3 into the warehouse staging "
                     "table and deduplicates on order_id."),  # airflow
    ("pipelines", 3, "We run the daily_sales DAG at 04:00 and it reads yesterday's orders from the warehouse. Some days "
                     "the totals are short by a few hundred orders, and the next day they are right again. Find out "
                     "why."),  # late data
    ("pipelines", 1, "define a watermark in stream processing"),  # late data
    ("pipelines", 3, "month-end Spark job has one stage taking 2 hours"),  # skew
    ("pipelines", 2, "Salt the join key in the customers/events join with 16 buckets; the plan shows one task "
                     "getting 90% of the rows because of a single huge customer."),  # skew
    ("pipelines", 1, "why does Spark shuffle data between stages, in general?"),  # skew
    ("pipelines", 1, "What does Parquet schema evolution allow, in general?"),  # schema evolution
    ("pipelines", 3, "the upstream team wants to add and rename columns in the events feed. design how our three "
                     "pipelines absorb that without breaking"),  # schema evolution
    ("pipelines", 2, "how would I read a big CSV in chunks with pandas and write each chunk to Parquet?"),  # schema evolution

    # filesystems
    ("filesystems", 1, "explain what fsync guarantees that write() doesn't"),  # durability
    ("filesystems", 3, "after a power cut our app's config file was empty, even though we write it atomically. "
                       "how?"),  # durability
    ("filesystems", 1, "how do I find which directory is using the most inodes?"),  # disk space
    ("filesystems", 2, "Add a cleanup job that deletes files in /var/app/tmp older than 24 hours, skipping files "
                       "the app still has open, with a --dry-run flag."),  # disk space
    ("filesystems", 1, "why does inotify not work on NFS mounts, in general?"),  # file watching
    ("filesystems", 3, "build server's file watcher misses changes now and then"),  # file watching
    ("filesystems", 1, "chmod our deploy script to 755 and commit it"),  # permissions
    ("filesystems", 2, "The upload handler creates files with mode 0777; create them with 0640 owned by the app "
                       "group, and add a test that checks the mode."),  # permissions
    ("filesystems", 3, "review our upload endpoint for path traversal"),  # permissions
    ("filesystems", 3, "two workers sometimes both process the same file from the shared NFS inbox, even though "
                       "we take a flock"),  # file locking
    ("filesystems", 1, "What's the difference between flock and fcntl locks?"),  # file locking

    # concurrency
    ("concurrency", 1, "list the four conditions for a deadlock"),  # deadlock
    ("concurrency", 3, "importer hangs once a day, all threads waiting"),  # deadlock
    ("concurrency", 2, "Fix the deadlock in transfer(): it locks `from` then `to`; always lock the lower account "
                       "id first."),  # deadlock
    ("concurrency", 1, "We had a long discussion in the team about whether the connection limiter should use a "
                       "mutex or a semaphore, and I realized I'm not sure I know the difference. Can you explain "
                       "it, in general?"),  # locks
    ("concurrency", 2, "guard each update of the shared stats dict in metrics.py with a threading.Lock"),  # locks
    ("concurrency", 3, "counters drift low under load"),  # race
    ("concurrency", 1, "why doesn't Python's GIL make my code thread-safe, in general?"),  # race
    ("concurrency", 2, "Write a worker pool in Go: N goroutines read jobs from a channel and send results back, "
                       "and all of them stop cleanly when the context is cancelled."),  # goroutines
    ("concurrency", 3, "notifier service memory and goroutine count keep climbing"),  # goroutines
    ("concurrency", 2, "Convert fetch_all to asyncio.gather with a semaphore limiting it to 10 requests at a "
                       "time."),  # async
    ("concurrency", 3, "why do async handlers stall for seconds only when the report endpoint is busy?"),  # async

    # compilers
    ("compilers", 1, "what does -O2 turn on compared with -O1 in GCC?"),  # optimization flags
    ("compilers", 3, "release builds got 15% slower after moving to clang 17"),  # optimization flags
    ("compilers", 3, "binary crashes only at -O2"),  # undefined behaviour
    ("compilers", 1, "What is undefined behaviour in C, in general?"),  # undefined behaviour
    ("compilers", 1, "what does 'undefined reference to' mean when the linker prints it?"),  # linking
    ("compilers", 3, "the incremental build sometimes links a stale object and we get mismatched struct layouts "
                     "at runtime"),  # linking
    ("compilers", 3, "our config parser takes 20 seconds on some 5 KB inputs"),  # parsing
    ("compilers", 2, "Fix the lexer: it reads '==' as two '=' tokens because it matches single characters "
                     "first; try the two-character operators before the one-character ones."),  # parsing
    ("compilers", 2, "Add constant folding to the optimizer pass for binary ops whose operands are both literals, "
                     "with tests."),  # optimization passes
    ("compilers", 1, "What does a compiler's constant folding pass do?"),  # optimization passes

    # networking
    ("networking", 1, "what does TIME_WAIT mean on a TCP socket?"),  # tcp
    ("networking", 3, "we see 'connection reset by peer' from the payment gateway a few times an hour, only "
                      "through the NAT gateway"),  # tcp
    ("networking", 1, "set proxy_read_timeout to 120s for the /reports location in nginx"),  # timeouts
    ("networking", 2, "Write a retry wrapper for the HTTP client: retry on 502, 503, 504 and connection errors "
                      "with exponential backoff and jitter, at most 4 attempts."),  # timeouts
    ("networking", 3, "large uploads stall over the VPN only"),  # mtu
    ("networking", 1, "why do packets bigger than the MTU cause trouble, in general?"),  # mtu
    ("networking", 2, "how would I write a token-bucket rate limiter middleware in Go, 100 requests a minute per "
                      "API key, answering 429 with Retry-After?"),  # rate limiting
    ("networking", 3, "how are some clients getting through at 3x our rate limit?"),  # rate limiting
    ("networking", 1, "what is head-of-line blocking, and how does HTTP/2 help with it?"),  # http2
    ("networking", 3, "some uploads hang since we enabled HTTP/2"),  # http2
    ("networking", 3, "should gRPC between our services go through the same L7 load balancer as the public API? "
                      "most calls are long-lived streams"),  # load balancing
    ("networking", 1, "why would a load balancer return 502 Bad Gateway, in general?"),  # load balancing
    ("networking", 1, "what are WebSocket ping and pong frames for?"),  # websockets
    ("networking", 2, "Add ping/pong heartbeats every 30s to the websocket server and close connections that "
                      "miss two in a row."),  # websockets

    # gpu
    ("gpu", 1, "What's the difference between CUDA cores and tensor cores?"),  # tensor cores
    ("gpu", 2, "make the matmuls in model.py run on tensor cores: cast to bf16 and pad the hidden size to a "
               "multiple of 8"),  # tensor cores
    ("gpu", 1, "Our ML engineer set up the training box and then left, so now I'm the one looking after it. How "
               "do I see which processes are using the GPU and how much memory each one holds?"),  # utilization
    ("gpu", 3, "GPU utilization stuck at 30%, what's holding it back?"),  # utilization
    ("gpu", 1, "explain warp divergence, in general"),  # kernels
    ("gpu", 2, "Rewrite this matrix transpose kernel to use a 32x33 shared-memory tile so the global writes are "
               "coalesced."),  # kernels
    ("gpu", 3, "inference runs out of GPU memory after hours, with a fixed batch size"),  # gpu memory
    ("gpu", 2, "Free the cached tensors between batches: the eval loop keeps every output in a list on the GPU; "
               "move them to the CPU as they come out."),  # gpu memory
    ("gpu", 3, "our kernel got 2x slower after the driver upgrade, on the A100 nodes only"),  # drivers
    ("gpu", 1, "pin the CUDA base image in our Dockerfile to 12.2"),  # drivers

    # embedded
    ("embedded", 1, "What does the volatile keyword do for a variable shared with an ISR?"),  # interrupts
    ("embedded", 2, "Move the UART receive handling out of the polling loop into an interrupt handler that fills "
                    "a ring buffer."),  # interrupts
    ("embedded", 3, "after the firmware update some units drop UART bytes at 115200 but not at 9600"),  # interrupts
    ("embedded", 3, "the sensor board resets every few days and the watchdog log doesn't say why"),  # watchdog
    ("embedded", 1, "The hardware team measured boot on cold mornings and the watchdog fires before the radio "
                    "finishes initializing, so they asked for more headroom. Please set WDT_TIMEOUT_MS to 2000 in "
                    "config.h."),  # watchdog
    ("embedded", 2, "Write an I2C driver function that reads the two temperature registers of the TMP102 at 0x48 "
                    "and returns degrees Celsius."),  # i2c
    ("embedded", 3, "I2C reads return garbage only while the motor is running"),  # i2c
    ("embedded", 1, "explain priority inversion, in general"),  # rtos scheduling
    ("embedded", 3, "a low-priority logging task sometimes delays the control loop by 40ms"),  # rtos scheduling
    ("embedded", 2, "Add wear leveling to the settings store: rotate writes across the 8 flash pages and find the "
                    "newest page by a sequence number."),  # flash
    ("embedded", 1, "why does flash memory wear out, in general?"),  # flash

    # games
    ("games", 1, "describe a fixed timestep game loop, in general"),  # game loop
    ("games", 2, "Change the game loop to a fixed 60 Hz physics step with an accumulator, and interpolate "
                 "rendering between steps."),  # game loop
    ("games", 3, "players sometimes fall through the floor on fast machines"),  # physics
    ("games", 1, "what is tunneling in a physics engine, and what does continuous collision detection do "
                 "about it?"),  # physics
    ("games", 3, "game stutters every few seconds on some Android phones"),  # frame pacing
    ("games", 1, "What is frame pacing, and why can 60 fps still feel choppy?"),  # frame pacing
    ("games", 2, "Write client-side prediction for movement: apply inputs locally, keep them in a buffer, and "
                 "replay the unacknowledged ones when the server state arrives."),  # netcode
    ("games", 3, "remote players rubber-band only when someone on wifi joins the match"),  # netcode
    ("games", 1, "rename the spd field to speed in Player.cs"),  # entities and pooling
    ("games", 2, "Add a simple object pool for bullets: preallocate 200, reuse inactive ones, and grow by 50 when "
                 "empty."),  # entities and pooling

    # browsers
    ("browsers", 1, "why does the browser block my fetch with a CORS error when curl works fine?"),  # cors
    ("browsers", 1, "add https://app.example.com to our allowed CORS origins in settings.py"),  # cors
    ("browsers", 2, "Write CORS middleware that allows credentials for our two front-end origins and answers "
                    "preflight OPTIONS requests with a 10-minute max-age."),  # cors
    ("browsers", 3, "live dashboard tab grows to 2 GB, find the leak"),  # memory leaks
    ("browsers", 1, "How do I take a heap snapshot in Chrome DevTools?"),  # memory leaks
    ("browsers", 2, "The list view never removes its scroll listener on unmount; remove it in the cleanup "
                    "function of the effect."),  # memory leaks
    ("browsers", 1, "What does SameSite=Lax do to cookies, in general?"),  # cookies
    ("browsers", 3, "login works in Chrome, but Safari loses the session after the redirect back from the "
                    "payment provider"),  # cookies
    ("browsers", 2, "Write a service worker that caches the app shell on install and serves it cache-first, with "
                    "network-first for /api."),  # service workers
    ("browsers", 1, "what is the 'waiting' state of a service worker?"),  # service workers
    ("browsers", 3, "review our Content-Security-Policy and every place we use innerHTML for XSS"),  # csp and xss
    ("browsers", 2, "Add a Content-Security-Policy header that allows scripts only from self and our CDN and "
                    "reports violations to /csp-report."),  # csp and xss
    ("browsers", 1, "what is the event loop in JavaScript?"),  # event loop
    ("browsers", 3, "clicks on the map freeze the page for about a second, only on pages with many markers"),  # event loop
]


def records():
    return labeled(ROWS, "xe", "domain", AUTHOR)


def main():
    write_kept(records(), "crossed_en", ASCII_WORDS)


if __name__ == "__main__":
    main()
