#!/usr/bin/env python3
"""Builds terse_intl.jsonl: terse asks on all three tiers, a third in English and two thirds in seventeen other
languages, the same technical nouns on every tier, written for issue 15's tenth session (15e) from LABELING.md and
the style brief below, without reading the probes or any other source's rows:

  "Short asks, 3–15 words, no paste, no earlier turns, about a third in English and two thirds in other languages
  (German, French, Spanish, Portuguese, Italian, Dutch, Polish, Russian, Ukrainian, Turkish, Chinese, Japanese,
  Korean, Vietnamese, Indonesian, Hindi, Arabic), many with English technical nouns left in English as developers
  write them (deadlock, rollback, cache, replica, p99, migration, token, webhook). All three tiers with the same
  nouns at the same length, so neither length, language nor the scary noun is the label: tier 3 = finding why
  something misbehaves in our system, designing across components, a race or a leak to diagnose, a hard
  performance or security problem (written tersely: 'p99 dobrou depois do deploy, descobre porquê', 'unsere
  Replikas laufen auseinander, warum?'); tier 1 = a rename, a config value, a one-line fix with the value given, a
  factual or textbook question about how a well-known thing works ('warum ist cache invalidation schwer?', 'what
  does a mutex do?'); tier 2 = a standard implementation with the approach given. Include textbook 'why does X (in
  general) …' questions (tier 1) beside 'why does our X …' diagnosis (tier 3) in several languages."

Labels by LABELING.md: a "why does X" about common, documented behaviour with no further detail is 1 (the textbook
causes are the answer); "why does our X" about specific behaviour of our system is diagnosis, 3; a config edit with
the value given is 1; a standard implementation with the approach given is 2 (a migration adding one nullable
column alone would be 1, with a backfill 2). The domain field holds the request's language (ISO 639-1).
Drafts whose words overlap the training set's, a probe's or another source's by Jaccard >= 0.6 are dropped by
drafts.write_kept, which prints only this file's own draft.
Run: python3 terse_intl.py  -> writes terse_intl.jsonl next to this script."""
from drafts import ANY_WORDS, labeled, write_kept

AUTHOR = "written for issue 15 (terse asks, a third English, two thirds in 17 other languages) from LABELING.md"
ROWS = [  # (language, tier, prompt)
    # English
    ("en", 3, "p99 doubled after yesterday's deploy, find out why"),
    ("en", 3, "our replicas keep drifting apart, why?"),
    ("en", 3, "deadlock in the checkout service twice a week, diagnose it"),
    ("en", 3, "webhook handler sometimes processes the same event twice, why?"),
    ("en", 3, "memory creeping up in the worker pods since the cache change"),
    ("en", 3, "token refresh races across tabs, users get logged out randomly"),
    ("en", 3, "design the rollback for a migration spanning billing and ledger services"),
    ("en", 3, "why does our cache serve stale prices after every rollback?"),
    ("en", 3, "review our webhook signature check for replay attacks"),
    ("en", 3, "intermittent 502s only behind the new load balancer, why?"),
    ("en", 3, "replica lag spikes every night around 2am, figure it out"),
    ("en", 3, "plan a zero-downtime migration splitting the orders table in two"),
    ("en", 3, "our mutex isn't protecting the counter, totals still drift under load"),
    ("en", 3, "why does our queue consumer stall after a broker failover?"),
    ("en", 3, "goroutine count climbs slowly until OOM, find the leak"),
    ("en", 3, "connection pool exhausted only during the nightly batch, why?"),
    ("en", 1, "what does a mutex do?"),
    ("en", 1, "why is cache invalidation considered hard?"),
    ("en", 1, "rename the deadlock_timeout setting to lock_timeout"),
    ("en", 1, "set the replica count to 3 in values.yaml"),
    ("en", 1, "what is p99 latency?"),
    ("en", 1, "why do databases use a write-ahead log?"),
    ("en", 1, "what's a webhook, in one sentence?"),
    ("en", 1, "change the token TTL to 15 minutes"),
    ("en", 1, "how do I roll back the last migration in Django?"),
    ("en", 1, "why do deadlocks happen, in general?"),
    ("en", 1, "what does replication lag mean?"),
    ("en", 1, "fix the typo 'recieve' in the webhook docs"),
    ("en", 1, "why are hash map resizes expensive?"),
    ("en", 1, "set cache max-age to 3600 on the static route"),
    ("en", 1, "what is a race condition?"),
    ("en", 1, "how does a TLS handshake work?"),
    ("en", 1, "why does the JVM pause for garbage collection?"),
    ("en", 1, "bump the connection pool size from 10 to 20"),
    ("en", 1, "difference between optimistic and pessimistic locking?"),
    ("en", 1, "why does Kafka only guarantee ordering within a partition?"),
    ("en", 2, "add a retry with exponential backoff to the webhook sender"),
    ("en", 2, "write a migration adding an archived_at column with a backfill from status"),
    ("en", 2, "add an LRU cache to get_user, max 512 entries"),
    ("en", 2, "implement token bucket rate limiting for the login endpoint"),
    ("en", 2, "write unit tests for the rollback helper"),
    ("en", 2, "add a p99 latency histogram to the request middleware"),
    ("en", 2, "verify webhook HMAC signatures with the shared secret"),
    ("en", 2, "route the reporting queries to the read replica using the existing router"),
    ("en", 2, "wrap the transfer in a transaction with rollback on error"),
    ("en", 2, "implement the refresh token endpoint, 7-day expiry"),
    ("en", 2, "add pagination to the /orders endpoint, 50 per page"),
    ("en", 3, "p99 on search regressed 40% this week, nothing obvious changed"),
    ("en", 3, "two replicas both think they're leader after the network blip, why?"),
    ("en", 3, "deadlock between the migration and live traffic last night, what happened?"),
    ("en", 1, "what is a read replica for?"),
    ("en", 1, "why does a rollback only undo uncommitted changes?"),
    ("en", 1, "rename token_ttl to access_token_ttl in config.py"),
    ("en", 1, "how do I clear the npm cache?"),
    ("en", 2, "add a circuit breaker to the payment client, open after 5 failures"),
    ("en", 2, "write an integration test for the webhook retry queue"),
    ("en", 2, "cache the exchange rates in Redis with a 10-minute TTL"),
    ("en", 2, "add idempotency keys to POST /payments, stored in Postgres"),
    ("en", 2, "give the migration script a --dry-run flag that prints the SQL"),
    ("en", 2, "add a rollback step to the deploy script restoring the previous image tag"),
    # German
    ("de", 3, "seit dem Deploy ist p99 doppelt so hoch, finde die Ursache"),
    ("de", 3, "Deadlock im Payment-Service nur unter Last, warum?"),
    ("de", 3, "warum verliert unser Webhook-Consumer ab und zu Events?"),
    ("de", 1, "warum gilt Cache-Invalidierung allgemein als schwer?"),
    ("de", 1, "was macht ein Mutex?"),
    ("de", 1, "setz den Cache-TTL auf 300 Sekunden"),
    ("de", 1, "benenne die Migration in add_user_email um"),
    ("de", 2, "schreib einen Retry mit Backoff für den Webhook-Client"),
    ("de", 2, "schreib Unit-Tests für den Token-Parser"),
    # French
    ("fr", 3, "nos replicas divergent après chaque failover, pourquoi ?"),
    ("fr", 3, "fuite mémoire dans le worker depuis la migration, trouve la cause"),
    ("fr", 3, "le p99 explose le lundi matin, diagnostique ça"),
    ("fr", 1, "pourquoi un deadlock arrive-t-il, en général ?"),
    ("fr", 1, "c'est quoi un webhook ?"),
    ("fr", 1, "renomme la variable cache_ttl en cache_seconds"),
    ("fr", 2, "ajoute un cache Redis devant get_product, TTL 60 s"),
    ("fr", 2, "écris les tests unitaires du rollback de la migration"),
    # Spanish
    ("es", 3, "el rollback dejó datos inconsistentes entre servicios, ¿por qué?"),
    ("es", 3, "nuestro cache devuelve tokens caducados a veces, investiga"),
    ("es", 3, "diseña la migración del monolito a eventos sin downtime"),
    ("es", 1, "¿qué es un deadlock?"),
    ("es", 1, "¿por qué las réplicas tienen lag, en general?"),
    ("es", 1, "cambia el timeout del webhook a 10 segundos"),
    ("es", 2, "implementa el endpoint de refresh token con expiración de 7 días"),
    ("es", 2, "añade un cache LRU a la función de precios, 1000 entradas"),
    # Portuguese
    ("pt", 3, "a latência p99 subiu depois da release, descobre a causa"),
    ("pt", 3, "por que nosso webhook às vezes chega duplicado?"),
    ("pt", 3, "deadlock intermitente no job de faturamento, investiga"),
    ("pt", 1, "o que faz um mutex?"),
    ("pt", 1, "por que invalidar cache é difícil em geral?"),
    ("pt", 1, "muda o número de replicas para 4 no deployment"),
    ("pt", 2, "adiciona rate limiting por token no endpoint de login"),
    ("pt", 2, "escreve a migration com backfill da coluna status"),
    # Italian
    ("it", 3, "le nostre repliche restano indietro solo di notte, perché?"),
    ("it", 3, "memory leak nel servizio ordini dopo l'aggiornamento, trova la causa"),
    ("it", 3, "progetta il rollback della migration su tre servizi"),
    ("it", 1, "perché succedono i deadlock, in generale?"),
    ("it", 1, "cos'è il p99?"),
    ("it", 1, "rinomina la funzione load_cache in read_cache"),
    ("it", 2, "scrivi un webhook handler che verifica la firma HMAC"),
    ("it", 2, "aggiungi la paginazione all'endpoint /ordini, 50 per pagina"),
    # Dutch
    ("nl", 3, "onze cache geeft soms oude data na een deploy, waarom?"),
    ("nl", 3, "race condition in de token refresh, zoek uit waar"),
    ("nl", 3, "p99 van de API verdubbeld sinds de migration, waarom?"),
    ("nl", 1, "wat is een deadlock?"),
    ("nl", 1, "hoe werkt een rollback in een database?"),
    ("nl", 1, "zet de replica count op 3"),
    ("nl", 2, "voeg een LRU cache toe aan de config loader"),
    ("nl", 2, "schrijf unit tests voor de rollback van de migration"),
    # Polish
    ("pl", 3, "nasze repliki się rozjeżdżają po failoverze, dlaczego?"),
    ("pl", 3, "deadlock w kolejce zamówień tylko w nocy, zdiagnozuj"),
    ("pl", 3, "webhooki czasem przychodzą dwa razy, znajdź przyczynę"),
    ("pl", 1, "czym jest mutex?"),
    ("pl", 1, "dlaczego cache invalidation jest w ogóle trudne?"),
    ("pl", 1, "zmień nazwę zmiennej token na access_token"),
    ("pl", 2, "dodaj retry z backoffem do klienta webhooków"),
    ("pl", 2, "napisz testy jednostkowe dla parsera tokenów"),
    # Russian
    ("ru", 3, "у нас p99 вырос после деплоя, найди причину"),
    ("ru", 3, "почему наши реплики отстают только под нагрузкой?"),
    ("ru", 3, "утечка памяти в воркере после включения cache, разберись"),
    ("ru", 1, "что такое deadlock?"),
    ("ru", 1, "почему инвалидация кеша вообще считается сложной?"),
    ("ru", 1, "поставь timeout для webhook 30 секунд"),
    ("ru", 2, "напиши миграцию с backfill для колонки status"),
    ("ru", 2, "добавь retry с экспоненциальным backoff в клиент webhook"),
    # Ukrainian
    ("uk", 3, "чому наш rollback ламає дані в іншому сервісі?"),
    ("uk", 3, "deadlock між двома сервісами раз на тиждень, знайди причину"),
    ("uk", 3, "спроєктуй інвалідацію cache між трьома сервісами"),
    ("uk", 1, "що робить mutex?"),
    ("uk", 1, "чому взагалі виникає replication lag?"),
    ("uk", 1, "перейменуй функцію get_token на fetch_token"),
    ("uk", 2, "додай пагінацію до ендпоінта /orders, 20 на сторінку"),
    # Turkish
    ("tr", 3, "replica'lar deploy sonrası senkron dışı kalıyor, neden?"),
    ("tr", 3, "p99 gecikmesi her gece artıyor, sebebini bul"),
    ("tr", 3, "webhook'lar bazen kayboluyor, nedenini araştır"),
    ("tr", 1, "deadlock nedir?"),
    ("tr", 1, "cache invalidation genel olarak neden zordur?"),
    ("tr", 1, "token süresini 60 dakika yap"),
    ("tr", 2, "login endpoint'ine rate limiting ekle, dakikada 5 istek"),
    # Chinese
    ("zh", 3, "我们的 replica 数据不一致,帮忙查原因"),
    ("zh", 3, "上线后 p99 翻倍了,找出原因"),
    ("zh", 3, "为什么我们的 webhook 偶尔重复触发?"),
    ("zh", 1, "mutex 是做什么的?"),
    ("zh", 1, "为什么 cache invalidation 一般很难?"),
    ("zh", 1, "把 token 过期时间改成 30 分钟"),
    ("zh", 2, "给 webhook 发送加上指数退避重试"),
    ("zh", 2, "为 /orders 接口加分页,每页 50 条"),
    # Japanese
    ("ja", 3, "本番だけ deadlock が起きる、原因を調べて"),
    ("ja", 3, "デプロイ後に p99 が倍になった、なぜ?"),
    ("ja", 3, "cache と replica の整合性をサービス間でどう保つか設計して"),
    ("ja", 1, "mutex とは何ですか?"),
    ("ja", 1, "なぜ一般的に cache invalidation は難しいの?"),
    ("ja", 1, "migration ファイル名を add_users_index に変更して"),
    ("ja", 2, "rollback 用のユニットテストを書いて"),
    ("ja", 2, "webhook の署名を HMAC で検証する処理を実装して"),
    # Korean
    ("ko", 3, "우리 replica가 계속 어긋나요, 원인 찾아줘"),
    ("ko", 3, "배포 후 p99가 두 배가 됐어, 이유 분석해줘"),
    ("ko", 3, "webhook 이벤트가 가끔 두 번 처리돼, 왜 그럴까?"),
    ("ko", 1, "deadlock이 뭐야?"),
    ("ko", 1, "cache TTL을 600초로 바꿔줘"),
    ("ko", 1, "일반적으로 rollback은 어떻게 동작해?"),
    ("ko", 2, "token 갱신 API를 만들어줘, 만료 7일"),
    ("ko", 2, "주문 API에 pagination 추가해줘, 페이지당 20개"),
    # Vietnamese
    ("vi", 3, "p99 tăng gấp đôi sau khi deploy, tìm nguyên nhân"),
    ("vi", 3, "tại sao replica của chúng tôi bị lệch dữ liệu?"),
    ("vi", 3, "memory leak trong service thanh toán, điều tra giúp"),
    ("vi", 1, "deadlock là gì?"),
    ("vi", 1, "tại sao cache invalidation nói chung lại khó?"),
    ("vi", 1, "đổi tên biến token thành access_token"),
    ("vi", 2, "thêm cache cho hàm get_user, TTL 60 giây"),
    ("vi", 2, "viết unit test cho hàm rollback migration"),
    # Indonesian
    ("id", 3, "replica kami sering tertinggal saat beban tinggi, kenapa?"),
    ("id", 3, "deadlock muncul tiap malam di job laporan, cari penyebabnya"),
    ("id", 3, "rancang rollback migration untuk tiga service sekaligus"),
    ("id", 1, "apa itu webhook?"),
    ("id", 1, "kenapa deadlock bisa terjadi, secara umum?"),
    ("id", 1, "ubah jumlah replica jadi 3"),
    ("id", 2, "tambahkan retry dengan backoff ke pengirim webhook"),
    # Hindi
    ("hi", 3, "हमारे replica में डेटा अलग क्यों हो रहा है?"),
    ("hi", 3, "deploy के बाद p99 दोगुना हो गया, कारण ढूंढो"),
    ("hi", 3, "token refresh में race condition है, पता करो कहाँ"),
    ("hi", 1, "mutex क्या करता है?"),
    ("hi", 1, "cache invalidation आम तौर पर मुश्किल क्यों है?"),
    ("hi", 1, "webhook timeout को 10 सेकंड कर दो"),
    ("hi", 2, "login endpoint के लिए rate limiting जोड़ो, प्रति मिनट 5 requests"),
    # Arabic
    ("ar", 3, "لماذا تتأخر الـ replica عندنا فقط في الليل؟"),
    ("ar", 3, "بعد الـ deploy تضاعف p99، اكتشف السبب"),
    ("ar", 3, "deadlock متقطع في خدمة الدفع، شخّص المشكلة"),
    ("ar", 1, "ما هو الـ mutex؟"),
    ("ar", 1, "لماذا يعتبر cache invalidation صعبًا عمومًا؟"),
    ("ar", 1, "غيّر مدة صلاحية الـ token إلى 15 دقيقة"),
    ("ar", 2, "أضف pagination إلى endpoint الطلبات، 20 لكل صفحة"),
]


def records():
    return labeled(ROWS, "tx", "language", AUTHOR)


def main():
    write_kept(records(), "terse_intl", ANY_WORDS)


if __name__ == "__main__":
    main()
