#!/usr/bin/env python3
"""Builds crossed_intl.jsonl: requests in eighteen languages beside English where every subject appears at two or
three tiers and only what the answer needs sets the tier, written for issue 15 (helper 15g, after the eleventh
session's diagnosis: subject nouns co-vary with the tier in every source, and the textbook-vs-diagnosis cue words of
most languages are barely in the data) from LABELING.md and the style brief below, without reading the probes, the
training set or any other source's rows:

  "Requests in eighteen languages beside English -- German, French, Spanish, Portuguese, Italian, Dutch, Polish,
  Russian, Ukrainian, Turkish, Chinese, Japanese, Korean, Vietnamese, Indonesian, Hindi, Arabic, Czech -- about 12
  to 14 rows each, plus about 20 in English. Within each language, every subject appears at two or three tiers with
  the tier set only by what the answer needs: a textbook question about how a well-known thing works, phrased with
  that language's own words for 'in general', 'usually', 'what is', 'how do I', 'explain' (tier 1); a config edit
  with the value given, a rename, a commit message, a follow-up like 'yes, do it' / 'now run the tests' (tier 1); a
  standard implementation with the approach given (tier 2); and diagnosis of OUR system's specific misbehaviour,
  with that language's own words for 'find the cause', 'figure out why', 'investigate', 'why does our ... only under
  load', or a design across services (tier 3). Each language uses its own set of subjects (databases, queues,
  caches, auth, frontend, CI, mobile, ML pipelines, networking, filesystems, payments, search, observability...),
  no subject repeated across more than two languages; English technical nouns left in English where developers of
  that language would write them. Lengths from 3 to ~35 words at every tier; some short hard asks, some long easy
  ones."

Labels by LABELING.md, and how its boundary cases were decided here:
* A textbook question about a named, well-known mechanism is 1 whatever the noun (replica lag, consumer group
  rebalancing, MergeTree, BM25, visibility timeout, cold start): the standard explanation is the answer
  (*Questions*). How-to questions were kept only where the answer is a command, a setting or a known call
  ("how do I enable WAL in SQLite", "how do I invalidate CloudFront"); a "how would I write X" whose answer is a
  piece of code would be 2 and was not written as a tier-1 row.
* A config edit with the value given is 1 even on a hard-sounding subject (HPA maxReplicas, HikariCP pool size,
  Cassandra replication_factor in a schema script, pm.max_children, an OpenTelemetry sampling ratio): the value is
  given and no consequence is asked about. A plain local rename is 1; a commit message after a finished fix is 1;
  a follow-up with no earlier turns ("yes, go ahead and run the tests") is 1.
* A standard implementation with the approach named is 2 (cache-aside with a TTL, a DataLoader, a token bucket in
  Lua, an errgroup worker pool, a migration with a backfill, a multi-stage Dockerfile with stated requirements, a
  webhook endpoint that verifies a signature), and so is a bug fix whose cause is in the message itself
  (UnicodeDecodeError on Excel CSVs -> utf-8-sig; a TypeError on a missing video track).
* "Why does our X ..." is 3 only with a specific symptom whose cause must be inferred (only under load, only after
  scaling out, only in production, only for some users, intermittently, since a given change). Where the symptom
  as first drafted had a well-known textbook cause (PgBouncer transaction mode and prepared statements,
  depends_on not waiting for readiness, sessions lost behind a balancer with an in-memory store, "Too many parts"
  from small inserts, Spark skew), the draft was rewritten to rule that cause out ("we already store sessions in
  Redis", "batch size and insert rate did not change", "AQE skew handling is already on") or replaced, so the row
  is diagnosis and not a textbook "why does Y" (which would be 1).
* Design across services (zero-downtime table rename read by several services, gateway limits across regions,
  auth propagation across services, upload-to-transcode flow, payment flow across order/inventory/notification
  services, moving events to protobuf across producer and consumers) is 3.
The group key "language" holds the request's language (ISO 639-1). Drafts whose words overlap the training set's,
a probe's or another source's by Jaccard >= 0.6 are dropped by drafts.write_kept, which prints only this file's own
drafts. Run: python3 crossed_intl.py  -> writes crossed_intl.jsonl next to this script."""
from drafts import ANY_WORDS, labeled, write_kept

AUTHOR = "written for issue 15 (helper 15g: each subject at two or three tiers, 18 languages + English) from LABELING.md"
ROWS = [  # (language, tier, prompt)
    # German -- autovacuum, Kafka consumer groups, Terraform state, gRPC deadlines, refresh tokens
    ("de", 1, "Was macht autovacuum in Postgres im Allgemeinen, und warum braucht man es überhaupt?"),
    ("de", 2, "Schreib ein Python-Skript, das über pg_stat_user_tables die zehn Tabellen mit den meisten dead tuples "
              "ausgibt, absteigend sortiert."),
    ("de", 3, "Unsere orders-Tabelle bläht sich trotz autovacuum jede Woche um 40 GB auf, obwohl die Zeilenzahl "
              "gleich bleibt. Finde die Ursache."),
    ("de", 1, "Erklär mir kurz, wie eine Kafka consumer group die Partitionen auf ihre Consumer verteilt."),
    ("de", 2, "Implementiere einen Kafka-Consumer in Go mit manuellem Offset-Commit nach jedem erfolgreich "
              "verarbeiteten Batch, höchstens 500 Nachrichten pro Poll."),
    ("de", 3, "Finde heraus, warum unsere consumer group bei jedem Deployment minutenlang rebalanced und danach "
              "Nachrichten doppelt verarbeitet."),
    ("de", 1, "Kleine Sache, bevor ich ins Wochenende gehe: setz bitte in der backend.tf den Key für den Terraform "
              "state auf prod/network.tfstate, sonst nichts ändern. Danke!"),
    ("de", 3, "Obwohl wir ein DynamoDB-Lock haben, fehlen nach manchen CI-Läufen Ressourcen im Terraform state. "
              "Untersuch, woher das kommt."),
    ("de", 1, "Wie setze ich normalerweise eine deadline für einen gRPC-Call in Python?"),
    ("de", 2, "Bau einen gRPC-Client-Interceptor in Go, der jedem Call ohne eigene deadline 2 Sekunden gibt und "
              "Methode und Dauer loggt."),
    ("de", 3, "Warum laufen unsere gRPC-Calls zwischen billing und ledger nur unter Last in DEADLINE_EXCEEDED?"),
    ("de", 2, "Schreib Unit-Tests für den gRPC-Interceptor."),
    ("de", 1, "Was ist ein refresh token?"),
    ("de", 3, "Nutzer werden bei uns sporadisch ausgeloggt, wenn zwei Tabs gleichzeitig den refresh token erneuern. "
              "Finde die Ursache und schlag eine Lösung vor."),

    # French -- Redis eviction and cache, Vite bundling, Elasticsearch relevance, OAuth2 PKCE, scheduled jobs
    ("fr", 1, "En général, comment Redis choisit-il les clés à évincer quand maxmemory est atteint avec la politique "
              "allkeys-lru ?"),
    ("fr", 2, "Ajoute un cache Redis devant getProduct() en cache-aside, TTL de 10 minutes, et invalide la clé dans "
              "updateProduct()."),
    ("fr", 3, "Notre taux de hit Redis est passé de 95 % à 60 % depuis mardi sans changement de code côté cache. "
              "Cherche pourquoi."),
    ("fr", 1, "Explique-moi ce que fait le tree shaking lors d'un build Vite."),
    ("fr", 2, "Écris un plugin Vite qui remplace __BUILD_DATE__ par la date du build dans tous les fichiers .ts."),
    ("fr", 3, "Notre bundle Vite a pris 800 Ko depuis la montée de version de la lib de graphiques, alors que le "
              "tree shaking devrait l'éliminer. Trouve la cause."),
    ("fr", 1, "C'est quoi un analyzer dans Elasticsearch, en général ?"),
    ("fr", 2, "Écris une requête Elasticsearch multi_match sur title et description, avec title boosté à 3 et "
              "fuzziness AUTO."),
    ("fr", 3, "Enquête : pourquoi la recherche de notre site renvoie des résultats dans un ordre différent pour la "
              "même requête selon le moment ?"),
    ("fr", 1, "PKCE, ça sert à quoi d'habitude dans un flux OAuth2 ?"),
    ("fr", 3, "Conçois l'authentification entre notre app mobile, la gateway et trois services internes : PKCE côté "
              "mobile, mais comment propager l'identité et révoquer les sessions partout ?"),
    ("fr", 1, "Change l'expression cron du job de purge pour qu'il tourne à 3 h 30 au lieu de minuit."),
    ("fr", 2, "Écris un job planifié avec APScheduler qui exporte chaque jour à 6 h les commandes de la veille en "
              "CSV et l'envoie sur S3."),
    ("fr", 1, "Oui, vas-y, applique le patch et relance les tests."),

    # Spanish -- Stripe webhooks, MongoDB indexes, Docker layer cache, React hooks, Nginx
    ("es", 1, "¿Qué es un webhook de Stripe y cómo se verifica normalmente su firma?"),
    ("es", 2, "Implementa el endpoint /webhooks/stripe en Express: verifica la firma con "
              "stripe.webhooks.constructEvent y marca el pedido como pagado en payment_intent.succeeded."),
    ("es", 3, "Algunos clientes reciben el correo de pago confirmado dos veces y otros ninguno. Investiga cómo "
              "procesamos los webhooks de Stripe y encuentra la causa."),
    ("es", 1, "En general, ¿cuándo conviene un índice compuesto en MongoDB y en qué orden van los campos?"),
    ("es", 3, "¿Por qué nuestra consulta de pedidos en MongoDB deja de usar el índice y hace COLLSCAN solo a ciertas "
              "horas?"),
    ("es", 1, "Explícame cómo funciona la caché de capas de Docker."),
    ("es", 2, "Convierte el Dockerfile de la app de Node en multi-stage: etapa de build con npm ci y tests, imagen "
              "final node:20-slim solo con dist y las dependencias de producción."),
    ("es", 3, "Desde que pasamos a runners efímeros con buildx, la caché de capas de Docker se invalida en cada "
              "build aunque usamos --cache-from. Averigua por qué."),
    ("es", 1, "¿Cómo hago para que un useEffect se ejecute solo una vez al montar el componente?"),
    ("es", 2, "Escribe un hook useDebouncedValue(value, delay) en TypeScript con su test en React Testing Library."),
    ("es", 3, "Nuestro formulario de checkout se vuelve a renderizar en bucle solo en producción y a veces congela "
              "la pestaña. Averigua por qué."),
    ("es", 1, "En nginx.conf cambia client_max_body_size a 50m en el server de la API."),
    ("es", 3, "¿Por qué nuestro Nginx da 502 solo bajo carga?"),
    ("es", 1, "Renombra la variable cfg a nginxConfig en deploy.js."),

    # Portuguese -- RabbitMQ dead letters, Kubernetes HPA, GitHub Actions, Sentry, Android push (FCM)
    ("pt", 1, "O que é uma dead letter queue no RabbitMQ e, em geral, quando uma mensagem vai parar lá?"),
    ("pt", 2, "Configura uma DLQ no nosso consumer em Python (pika): declara a exchange orders.dlx e a fila "
              "orders.dead, e rejeita com requeue=False depois de 3 tentativas."),
    ("pt", 3, "Por que o nosso consumer do RabbitMQ acumula milhares de mensagens unacked e para de receber só "
              "quando o volume sobe? Descobre a causa."),
    ("pt", 1, "Muda o maxReplicas do HPA do serviço checkout de 10 para 20."),
    ("pt", 3, "O HPA do checkout fica oscilando entre 3 e 18 pods a cada poucos minutos no horário de pico. "
              "Investiga por quê e propõe ajustes."),
    ("pt", 1, "Me explica como funciona o actions/cache no GitHub Actions: como a key e os restore-keys são usados?"),
    ("pt", 2, "Cria um workflow do GitHub Actions que roda lint e testes em matriz para Node 18 e 20, com cache do "
              "npm, e publica o relatório de cobertura como artefato."),
    ("pt", 3, "Investiga por que o nosso workflow de deploy às vezes publica a versão anterior quando dois merges "
              "caem na main em sequência."),
    ("pt", 1, "Geralmente, qual a diferença entre um erro e uma transaction no Sentry?"),
    ("pt", 2, "Integra o Sentry no nosso app Flask: DSN vindo da variável SENTRY_DSN, traces_sample_rate de 0.1 e "
              "sem enviar dados pessoais."),
    ("pt", 3, "Os traces do Sentry mostram spans de 4 s no banco só em algumas requisições do /checkout, mas o banco "
              "não registra nenhuma query lenta. Descobre o que está acontecendo."),
    ("pt", 1, "Como faço para mandar uma notificação de teste pelo console do Firebase Cloud Messaging?"),
    ("pt", 3, "Desde a última release, parte dos usuários Android parou de receber push, mas o FCM retorna sucesso "
              "para todos os envios. Investiga onde as mensagens se perdem."),
    ("pt", 1, "Escreve a mensagem de commit para a correção do retry do consumer que a gente acabou de fazer."),
    ("pt", 1, "Beleza, pode rodar os testes agora."),

    # Italian -- MySQL replication, GraphQL N+1, Celery, TLS certificates, S3 uploads
    ("it", 1, "In generale, come funziona la replica asincrona di MySQL tra primary e replica?"),
    ("it", 3, "Perché la nostra replica MySQL resta indietro di venti minuti solo di notte? Trova la causa."),
    ("it", 1, "Cos'è il problema N+1 in GraphQL?"),
    ("it", 2, "Aggiungi un DataLoader al resolver author di Post per caricare gli autori in batch con una sola query "
              "WHERE id IN."),
    ("it", 3, "Indaga perché la nostra API GraphQL risponde in 200 ms per un utente e in 9 secondi per un altro con "
              "la stessa query."),
    ("it", 1, "Nel settings.py imposta CELERY_TASK_TIME_LIMIT a 300."),
    ("it", 2, "Scrivi un task Celery che genera il PDF della fattura, con retry automatico su ConnectionError, al "
              "massimo 5 tentativi e backoff esponenziale."),
    ("it", 3, "Alcuni task Celery vengono eseguiti due volte quando un worker viene riavviato durante il deploy. "
              "Scopri perché e come evitarlo."),
    ("it", 1, "Spiegami cosa succede durante un handshake TLS, passo per passo."),
    ("it", 2, "Scrivi uno script Python che legge una lista di domini da un file e stampa quelli il cui certificato "
              "TLS scade entro 30 giorni."),
    ("it", 1, "Di solito come si carica un file grande su S3 con il multipart upload da boto3?"),
    ("it", 2, "Implementa l'upload su S3 con presigned URL: un endpoint FastAPI che restituisce l'URL firmato, "
              "valido 15 minuti, per il content-type richiesto."),
    ("it", 3, "Progetta il percorso dei video dal client fino alla transcodifica: S3, coda, worker e notifica "
              "all'app, con ripresa degli upload interrotti."),

    # Dutch -- Prometheus, feature flags, DNS, SQLite, CSV import
    ("nl", 1, "Wat is in het algemeen het verschil tussen een counter en een gauge in Prometheus?"),
    ("nl", 2, "Voeg aan onze FastAPI-app een Prometheus histogram toe voor de request-duur per route en status, met "
              "buckets van 50 ms tot 5 s."),
    ("nl", 3, "Onze Prometheus gebruikt sinds vorige week drie keer zoveel geheugen en crasht 's nachts. Zoek de "
              "oorzaak."),
    ("nl", 1, "Zet de feature flag new_checkout in config/flags.yaml op true voor de staging-omgeving."),
    ("nl", 2, "Schrijf een functie is_enabled(flag, user_id) die een gebruiker stabiel in een percentage-rollout "
              "plaatst via een hash van flag en user_id."),
    ("nl", 3, "Sommige klanten zien afwisselend de oude en de nieuwe checkout, ook al staat de flag op 100%. Zoek "
              "uit waarom."),
    ("nl", 1, "Leg uit hoe een DNS-lookup normaal gesproken verloopt, van de resolver tot de authoritative server."),
    ("nl", 3, "Waarom krijgen onze pods alleen onder load af en toe vijf seconden vertraging bij DNS-lookups naar "
              "interne services?"),
    ("nl", 1, "Hoe zet ik WAL-modus aan in SQLite?"),
    ("nl", 3, "Onderzoek waarom onze desktop-app met SQLite af en toe 'database is locked' geeft als de sync-thread "
              "en de UI tegelijk schrijven."),
    ("nl", 1, "Hernoem de functie leesCsv naar importeerKlanten in import.py."),
    ("nl", 2, "Schrijf een CSV-import voor klanten: valideer e-mail en postcode, sla foute regels over en geef aan "
              "het eind een rapport met regelnummers."),
    ("nl", 2, "De import crasht met UnicodeDecodeError op regel 1 bij bestanden uit Excel; lees ze als utf-8-sig en "
              "voeg een test toe."),
    ("nl", 3, "Onze nachtelijke CSV-import van 2 miljoen regels duurde eerst 4 minuten en sinds de Postgres-upgrade "
              "40. Zoek uit waarom."),
    ("nl", 1, "Ja, doe maar zo, en commit het daarna."),

    # Polish -- Spring transactions, Hibernate lazy loading, Jenkins, HikariCP, rate limiting
    ("pl", 1, "Wyjaśnij, jak ogólnie działa propagacja REQUIRES_NEW w @Transactional w Springu."),
    ("pl", 3, "Czasem zamówienie zapisuje się bez pozycji, mimo że całość idzie w jednej metodzie z @Transactional. "
              "Znajdź przyczynę w naszym OrderService."),
    ("pl", 1, "Co to jest LazyInitializationException w Hibernate i kiedy zwykle się pojawia?"),
    ("pl", 2, "Dodaj do repozytorium zamówień zapytanie z JOIN FETCH na pozycje, żeby lista zamówień nie robiła "
              "osobnego selecta dla każdego zamówienia."),
    ("pl", 3, "Zbadaj, dlaczego lista zamówień u nas nadal robi setki zapytań, mimo że dodaliśmy JOIN FETCH."),
    ("pl", 1, "W Jenkinsfile zmień timeout etapu testów z 30 na 45 minut."),
    ("pl", 2, "Napisz deklaratywny Jenkinsfile: build Mavenem, testy równolegle dla modułów api i core, archiwizacja "
              "raportów JUnit, deploy tylko z gałęzi main."),
    ("pl", 3, "Dowiedz się, dlaczego nasze buildy w Jenkinsie losowo wiszą na testach integracyjnych, tylko gdy dwa "
              "joby lecą na tym samym agencie."),
    ("pl", 1, "Hej, mam prośbę, bo sam nie mam dostępu do repo z konfiguracją: ustaw maximumPoolSize HikariCP na 20 "
              "w application.yml dla profilu prod i nic więcej nie ruszaj."),
    ("pl", 3, "Zbadaj, czemu pod obciążeniem dostajemy z HikariCP 'Connection is not available, request timed out', "
              "choć baza ma wolne połączenia."),
    ("pl", 1, "Jak zwykle działa rate limiting algorytmem token bucket?"),
    ("pl", 2, "Zaimplementuj rate limiter token bucket w Redisie jako skrypt Lua: 100 żądań na minutę na klucz API, "
              "zwracaj pozostały limit."),
    ("pl", 3, "Zaprojektuj limity zapytań wspólne dla trzech instancji gatewaya w dwóch regionach, tak żeby klient "
              "nie obszedł limitu, przełączając się między regionami."),
    ("pl", 1, "Dobra, teraz odpal testy."),

    # Russian -- fsync and filesystems, ClickHouse, goroutines, PyTorch training pipeline, HAProxy
    ("ru", 1, "Что такое fsync и зачем базы данных обычно вызывают его после записи?"),
    ("ru", 3, "На ext4 после аварийной перезагрузки в наших файлах иногда оказываются нулевые байты в конце, хотя мы "
              "делаем write, fsync и rename. Разберись, почему."),
    ("ru", 1, "Объясни, как в целом устроен движок MergeTree в ClickHouse."),
    ("ru", 2, "Напиши запрос в ClickHouse, который считает дневных активных пользователей за последние 30 дней по "
              "таблице events, через uniqExact по user_id."),
    ("ru", 3, "Выясни, почему вставки в ClickHouse у нас стали падать с 'Too many parts' после перехода на несколько "
              "воркеров, хотя размер батча и частота вставок не менялись."),
    ("ru", 1, "Как мне обычно дождаться завершения нескольких горутин в Go?"),
    ("ru", 2, "Напиши краулер на Go: пул из 8 горутин, канал задач и errgroup с контекстом, чтобы первая ошибка "
              "отменяла остальные запросы."),
    ("ru", 3, "Найди причину: наш сервис на Go медленно растёт по памяти, а pprof показывает тысячи горутин, "
              "застрявших на отправке в канал."),
    ("ru", 1, "Поставь num_workers=4 и pin_memory=True в DataLoader в train.py."),
    ("ru", 2, "Напиши Dataset для PyTorch, который читает изображения и метки из CSV, применяет transforms и "
              "возвращает тензоры, плюс тест на длину и форму."),
    ("ru", 3, "Почему обучение у нас на 8 GPU идёт медленнее, чем на одной, хотя batch size увеличили "
              "пропорционально? Загрузка GPU скачет от 10% до 90%."),
    ("ru", 1, "Что такое health check в HAProxy и как его обычно настраивают?"),
    ("ru", 3, "Почему наш HAProxy отдаёт 503 при релоаде, хотя seamless reload включён?"),
    ("ru", 1, "Да, делай. И закоммить с сообщением 'fix goroutine leak in notifier'."),

    # Ukrainian -- Django migrations, WebSockets, Flutter, Cassandra, email sending
    ("uk", 1, "Поясни, як загалом Django відстежує, які міграції вже застосовані."),
    ("uk", 2, "Напиши міграцію Django, яка додає поле slug до Article і заповнює його з title для наявних записів."),
    ("uk", 3, "Спроєктуй перейменування таблиці customers на accounts без простою: її читають три сервіси на Django "
              "й один на Go, і деплоїмо ми їх окремо."),
    ("uk", 1, "Що таке WebSocket і чим він зазвичай відрізняється від long polling?"),
    ("uk", 2, "Додай у наш FastAPI WebSocket-ендпоінт /ws/chat з розсилкою повідомлень усім підключеним у кімнаті та "
              "обробкою відключення."),
    ("uk", 3, "З'ясуй, чому після деплою частина WebSocket-клієнтів перестає отримувати повідомлення, хоча з'єднання "
              "виглядає живим. У нас два поди за балансувальником."),
    ("uk", 1, "Що таке setState у Flutter і коли його зазвичай викликають?"),
    ("uk", 2, "Напиши у Flutter екран входу з полями email і пароль, валідацією та індикатором завантаження під час "
              "запиту."),
    ("uk", 3, "Чому наш Flutter-застосунок підвисає лише на старих Android-пристроях, коли гортаєш стрічку з "
              "картинками? Розберися."),
    ("uk", 1, "Зміни replication_factor для keyspace analytics на 3 у скрипті schema.cql."),
    ("uk", 3, "Розберися, чому в нашому Cassandra-кластері читання з QUORUM іноді повертають старі дані одразу після "
              "запису."),
    ("uk", 1, "Виправ друкарську помилку в темі листа: 'Пітвердження' -> 'Підтвердження'."),
    ("uk", 2, "Напиши функцію відправки листа через SMTP з TLS, вкладенням PDF і трьома повторними спробами при "
              "помилці з'єднання."),
    ("uk", 3, "Частина наших листів із підтвердженням потрапляє в спам лише в Gmail, хоча SPF і DKIM налаштовані. "
              "З'ясуй, чому."),

    # Turkish -- Kotlin coroutines, Vue reactivity, Redis pub/sub, OpenTelemetry, refunds
    ("tr", 1, "Kotlin'de coroutine nedir, genel olarak thread'den farkı ne?"),
    ("tr", 2, "Repository'deki üç ağ çağrısını Kotlin coroutine'leriyle paralel yap: async ile başlat, awaitAll ile "
              "topla, her birine 5 saniye timeout koy."),
    ("tr", 3, "Android uygulamamızda ekrandan çıkınca bile bazı coroutine'ler çalışmaya devam ediyor ve ara sıra "
              "crash oluyor. Nedenini araştır."),
    ("tr", 1, "Vue 3'te ref ile reactive arasındaki fark nedir?"),
    ("tr", 2, "Vue 3'te ürün listesi için bir composable yaz: useProducts() sayfalama, yükleniyor durumu ve hata "
              "mesajı dönsün."),
    ("tr", 3, "Vue uygulamamızda sepet sayısı bazen güncellenmiyor, sayfayı yenileyince düzeliyor. Sebebini bul."),
    ("tr", 1, "Redis pub/sub genellikle nasıl çalışır, mesajlar bir yerde saklanır mı?"),
    ("tr", 3, "Redis pub/sub mesajlarımız neden sadece yük altında kayboluyor?"),
    ("tr", 1, "OpenTelemetry collector config'inde sampling oranını yüzde 10'a çek."),
    ("tr", 3, "Trace'lerimizde ödeme servisinden sonra zincir kopuyor; kuyruk üzerinden giden isteklerde parent span "
              "kayboluyor. Nedenini bul ve bir düzeltme öner."),
    ("tr", 1, "İade işlemini yapan fonksiyonun adını processRefund'dan refundPayment'a çevir."),
    ("tr", 2, "Kısmi iade için bir endpoint ekle: tutar orijinal ödemeyi aşarsa 422 dönsün, başarılı iadeyi refunds "
              "tablosuna yazsın."),
    ("tr", 3, "Aynı sipariş için bazen iki kez iade yapılıyor; kullanıcı butona iki kez mi basıyor, webhook mu "
              "tekrar geliyor bilmiyoruz. Araştır ve idempotent bir tasarım öner."),
    ("tr", 1, "Tamam, şimdi testleri çalıştır."),

    # Chinese -- Kubernetes memory limits, Spark skew, WeChat mini-program login, search relevance, snowflake ids
    ("zh", 1, "一般来说，Kubernetes 里 requests 和 limits 有什么区别？"),
    ("zh", 1, "把 deployment.yaml 里 api 容器的内存 limit 改成 1Gi。"),
    ("zh", 3, "我们的 Java 服务在 Kubernetes 上隔几天就被 OOMKilled，但 JVM 堆监控一直只用了一半。帮我排查原因。"),
    ("zh", 1, "解释一下 Spark 里的数据倾斜是什么。"),
    ("zh", 2, "用 PySpark 写一个作业：读取 orders 的 parquet，按天和城市汇总金额，结果按日期分区写回 S3。"),
    ("zh", 3, "我们的 Spark 作业 199 个 task 几秒就跑完，最后一个要跑四十分钟，AQE 的倾斜处理已经开了。找出原因。"),
    ("zh", 1, "微信小程序的登录流程通常是怎样的？wx.login 拿到的 code 是做什么用的？"),
    ("zh", 2, "写一个后端接口：接收小程序传来的 code，调用 code2Session 换取 openid，再生成我们自己的 JWT 返回。"),
    ("zh", 3, "为什么我们小程序的登录偶尔报 code been used，而且只在用户快速切换页面时出现？排查一下。"),
    ("zh", 1, "Elasticsearch 的 BM25 打分一般是怎么算的？"),
    ("zh", 3, "查一下为什么我们商品搜索里搜“手机壳”，第一页全是手机，是分词还是权重出了问题？"),
    ("zh", 2, "用 Go 实现一个雪花算法 ID 生成器：41 位时间戳、10 位机器号、12 位序列号，要并发安全。"),
    ("zh", 3, "为什么我们的雪花 ID 扩容后偶尔重复？查一下。"),
    ("zh", 1, "好的，就按这个改，然后跑一下测试。"),

    # Japanese -- Git, TypeScript generics, Sidekiq, CloudFront, structured logging, latency after deploy
    ("ja", 1, "git rebase と git merge の違いを一般的に説明して。"),
    ("ja", 1, "feature/login ブランチの名前を feature/auth-login に変えるにはどうすればいい？"),
    ("ja", 3, "うちのモノレポで git fetch が最近急に遅くなって5分以上かかる。CI の runner "
              "だけで、手元では10秒。原因を特定して。"),
    ("ja", 1, "TypeScript のジェネリクスとは何か、簡単に説明して。"),
    ("ja", 2, "TypeScript で groupBy<T, K extends PropertyKey>(items: T[], key: (t: T) => K) "
              "を実装して、型テストも書いて。"),
    ("ja", 1, "Sidekiq の config/sidekiq.yml で concurrency を 10 にして。"),
    ("ja", 2, "Rails で、注文確定時に確認メールを送る Sidekiq ジョブを書いて。失敗したら3回までリトライ、テストは "
              "RSpec で。"),
    ("ja", 3, "なぜうちの Sidekiq ジョブは高負荷時だけ同じ注文に対して2回実行されるのか調べて。"),
    ("ja", 1, "CloudFront のキャッシュは普通どうやって無効化するの？"),
    ("ja", 3, "CloudFront 経由だと、一部のユーザーに他人のマイページが表示されることがある。CDN "
              "の設定とアプリの両方を調査して。"),
    ("ja", 2, "CloudFront の署名付き URL を発行する関数を Node で書いて。"),
    ("ja", 2, "Python の logging を JSON 形式の構造化ログに変えて、request_id と user_id "
              "を全部のログに含めるようにして。"),
    ("ja", 3, "ログ基盤を設計したい。20 "
              "個のマイクロサービスのログとトレースを相関させつつ、保存コストを今の半分にしたい。"),
    ("ja", 3, "デプロイ直後の数分間だけ API の p99 が 3 秒に跳ね上がる。なぜか調べて。"),
    ("ja", 1, "ありがとう、それでコミットしておいて。"),

    # Korean -- Next.js rendering, Airflow, API gateway, sessions, image resizing
    ("ko", 1, "Next.js에서 SSR이랑 SSG는 일반적으로 어떤 차이가 있어?"),
    ("ko", 2, "Next.js 상품 상세 페이지를 getStaticProps + ISR로 바꿔줘. revalidate는 60초, 없는 상품은 404로."),
    ("ko", 3, "우리 Next.js 앱에서 hydration mismatch 경고가 운영 환경에서만, 그것도 일부 사용자에게만 떠. 원인 "
              "찾아줘."),
    ("ko", 1, "Airflow DAG의 schedule_interval을 매일 새벽 2시로 바꿔줘."),
    ("ko", 3, "Airflow 태스크가 가끔 success로 끝났는데 실제 데이터는 절반만 적재돼 있어. 왜 그런지 조사해줘."),
    ("ko", 2, "Airflow DAG 하나 만들어줘: S3에서 CSV 읽어서 Postgres에 적재하고, 실패하면 Slack으로 알림."),
    ("ko", 1, "API 게이트웨이가 보통 어떤 역할을 하는지 설명해줘."),
    ("ko", 3, "서비스 12개 앞에 API 게이트웨이를 새로 두려고 하는데, 인증, 레이트 리밋, 버전 관리를 각각 어디서 할지 "
              "설계해줘."),
    ("ko", 1, "세션 쿠키랑 JWT는 뭐가 달라?"),
    ("ko", 2, "Express에 Redis 세션 저장소를 붙여줘. 세션 만료 30분, 쿠키는 httpOnly, secure, sameSite=lax로."),
    ("ko", 3, "서버가 3대로 늘고 나서 세션을 Redis에 저장하는데도 사용자가 가끔 로그인이 풀린다고 해. 원인 찾아줘."),
    ("ko", 2, "이미지가 업로드되면 sharp로 200x200, 800x800 썸네일 두 개를 만들어 S3에 저장하는 함수 작성해줘."),
    ("ko", 3, "이미지 리사이즈 람다가 큰 파일에서만 가끔 타임아웃 나고 S3에 반쯤 쓰인 파일이 남아. 왜 그런지 "
              "알아내줘."),
    ("ko", 1, "응, 그렇게 진행하고 끝나면 테스트 돌려줘."),

    # Vietnamese -- Laravel queues, PHP-FPM, Firebase Auth, VNPay, Docker Compose networking
    ("vi", 1, "Nói chung queue trong Laravel hoạt động thế nào, job được lưu ở đâu?"),
    ("vi", 2, "Viết một job Laravel gửi email hoá đơn, retry 3 lần với backoff 10, 60, 300 giây, và ghi log khi thất "
              "bại hẳn."),
    ("vi", 3, "Tìm nguyên nhân tại sao queue worker Laravel của mình thỉnh thoảng xử lý cùng một job hai lần khi "
              "chạy nhiều worker."),
    ("vi", 1, "Sửa pm.max_children trong www.conf thành 50."),
    ("vi", 3, "Tại sao PHP-FPM của mình chỉ khi tải cao mới trả 502, mà CPU và RAM vẫn còn dư? Điều tra giúp mình."),
    ("vi", 1, "Firebase Authentication là gì, thường dùng để làm gì?"),
    ("vi", 2, "Viết middleware Express xác thực Firebase ID token trong header Authorization, gắn uid vào req.user, "
              "trả 401 nếu token không hợp lệ."),
    ("vi", 3, "Tìm hiểu tại sao một số người dùng iOS của mình bị đăng xuất khỏi Firebase sau mỗi lần cập nhật app, "
              "còn Android thì không."),
    ("vi", 1, "Giải thích luồng thanh toán VNPay: return URL và IPN khác nhau chỗ nào?"),
    ("vi", 3, "Một số đơn đã thanh toán VNPay thành công nhưng hệ thống của mình vẫn để trạng thái chờ. Tìm hiểu tại "
              "sao và đề xuất cách sửa."),
    ("vi", 2, "Viết endpoint nhận IPN của VNPay: kiểm tra chữ ký vnp_SecureHash, cập nhật đơn hàng và trả đúng "
              "RspCode theo tài liệu."),
    ("vi", 1, "Làm sao để các container trong docker-compose gọi được nhau bằng tên service?"),
    ("vi", 3, "Sau khi chuyển Docker Compose sang máy chủ mới, service worker gọi api lúc được lúc timeout, chỉ khi "
              "có nhiều request song song. Tìm nguyên nhân."),
    ("vi", 1, "Ok, chạy test đi rồi commit luôn."),
    ("vi", 1, "Đổi tên biến $fpmStatus thành $phpFpmStatus trong monitor.php."),

    # Indonesian -- Go context, PgBouncer, React Native builds, database backups, Midtrans
    ("id", 1, "Secara umum, apa fungsi context.Context di Go dan kapan biasanya dipakai?"),
    ("id", 2, "Tambahkan timeout 3 detik dengan context.WithTimeout di handler /report dan kembalikan 504 kalau "
              "query ke database melewati batas."),
    ("id", 3, "Kenapa service Go kita kadang tetap memproses request sampai selesai padahal client sudah disconnect, "
              "tapi hanya saat beban tinggi? Cari penyebabnya."),
    ("id", 1, "Apa itu PgBouncer dan apa bedanya transaction mode dengan session mode?"),
    ("id", 3, "Sejak pindah ke PgBouncer, p99 API kita naik dua kali lipat hanya di jam sibuk, padahal query-nya "
              "sama. Selidiki kenapa."),
    ("id", 1, "Ubah default_pool_size di pgbouncer.ini jadi 40."),
    ("id", 1, "Bagaimana cara build APK release di React Native?"),
    ("id", 3, "Build iOS React Native kita sukses di laptop tapi gagal acak di CI dengan error linker yang beda-beda "
              "tiap kali. Cari tahu kenapa."),
    ("id", 2, "Buat skrip bash backup harian PostgreSQL pakai pg_dump, kompres dengan gzip, upload ke S3, dan hapus "
              "backup lokal yang lebih dari 7 hari."),
    ("id", 3, "Restore dari backup harian kita kemarin gagal di tengah jalan dengan error foreign key, padahal "
              "pg_dump-nya sukses. Cari tahu kenapa."),
    ("id", 1, "Jelaskan secara umum bedanya pg_dump dan pg_basebackup."),
    ("id", 2, "Buat endpoint notifikasi Midtrans di Laravel: verifikasi signature_key, update status order sesuai "
              "transaction_status, lalu balas 200."),
    ("id", 3, "Rancang alur pembayaran Midtrans untuk aplikasi kita yang punya layanan order, inventory, dan "
              "notifikasi terpisah, supaya stok tidak hilang kalau pembayaran kedaluwarsa."),
    ("id", 1, "Oke, lanjutkan, lalu jalankan test-nya."),

    # Hindi -- Node.js event loop, Python dependencies, Razorpay, AWS Lambda, JVM garbage collection
    ("hi", 1, "Node.js का event loop आम तौर पर कैसे काम करता है, समझाओ।"),
    ("hi", 2, "हमारे CSV export की parsing को worker_threads में ले जाओ ताकि main thread block न हो, और progress "
              "parent को message से भेजो।"),
    ("hi", 3, "हमारा Node.js API सिर्फ़ लोड में हर कुछ मिनट पर 2 सेकंड के लिए रुक जाता है, CPU भी नहीं बढ़ता। कारण "
              "पता करो।"),
    ("hi", 1, "requirements.txt में requests का version 2.31.0 पर pin कर दो।"),
    ("hi", 1, "pip और pipx में क्या फ़र्क है?"),
    ("hi", 3, "हमारी monorepo की पाँच Python services अलग-अलग pydantic versions पर हैं; deploy रोके बिना एक shared "
              "lockfile पर कैसे आएँ, इसका plan बनाओ।"),
    ("hi", 1, "Razorpay webhook का signature आम तौर पर कैसे verify करते हैं?"),
    ("hi", 2, "Django में Razorpay webhook endpoint बनाओ: signature verify करो, payment.captured पर order को paid "
              "mark करो, duplicate event को ignore करो।"),
    ("hi", 3, "कुछ payments Razorpay dashboard में captured दिखते हैं पर हमारे system में pending रह जाते हैं, "
              "सिर्फ़ sale वाले दिनों में। जाँच करो।"),
    ("hi", 1, "AWS Lambda में cold start क्या होता है?"),
    ("hi", 3, "पिछले हफ़्ते से हमारी Lambda functions का p99 latency तीन गुना हो गया है, सिर्फ़ VPC वाली functions "
              "में। वजह ढूँढो।"),
    ("hi", 1, "JVM का garbage collector आम तौर पर कैसे तय करता है कि कौन सा object हटाना है?"),
    ("hi", 2, "Spring Boot service में Micrometer से JVM heap usage को Prometheus पर export करो और उसके लिए एक test "
              "लिखो।"),
    ("hi", 3, "हमारी Spring service में हर कुछ घंटों पर 8 सेकंड के GC pauses आते हैं, सिर्फ़ production में। कारण "
              "पता करो।"),

    # Arabic -- RTL layout, Arabic search normalization, SQLAlchemy sessions, Docker images, SQS
    ("ar", 1, "بشكل عام، كيف أجعل صفحة HTML تدعم الاتجاه من اليمين إلى اليسار؟"),
    ("ar", 2, "اكتب مكوّن React لقائمة جانبية يقلب اتجاهه تلقائيًا حسب لغة المستخدم (ar أو en) ويحفظ الاختيار في "
              "localStorage."),
    ("ar", 3, "في تطبيقنا تنقلب أرقام الهواتف والأسعار داخل النص العربي في Safari فقط. ابحث عن السبب."),
    ("ar", 1, "ما هو تطبيع النص العربي في البحث، مثل توحيد أشكال الألف والهمزة؟"),
    ("ar", 2, "اكتب دالة Python تطبّع النص العربي قبل الفهرسة: تزيل التشكيل والتطويل وتوحّد أشكال الألف والياء، مع "
              "اختبارات."),
    ("ar", 3, "لماذا لا يجد البحث عندنا كلمة «مدرسة» إذا كتبها المستخدم «المدرسه»، مع أن المحلل العربي مفعّل؟ حقّق "
              "في الأمر."),
    ("ar", 1, "عادةً، ما الفرق بين session.commit و session.flush في SQLAlchemy؟"),
    ("ar", 3, "تطبيق Flask عندنا يرمي أحيانًا 'This session is in a failed state' تحت الضغط فقط، ولا نستطيع إعادة "
              "إنتاجه محليًا. اكتشف لماذا."),
    ("ar", 1, "غيّر صورة الأساس في Dockerfile إلى python:3.12-slim."),
    ("ar", 2, "حوّل Dockerfile تطبيق Flask إلى multi-stage: مرحلة لبناء الـ wheels ومرحلة نهائية صغيرة بدون أدوات "
              "البناء، وشغّله بمستخدم غير root."),
    ("ar", 1, "اشرح لي ما هو visibility timeout في SQS."),
    ("ar", 3, "بعض الرسائل في طابور SQS عندنا تُعالج مرتين وأخرى تذهب إلى DLQ دون أي خطأ في السجلات. حقّق في السبب."),
    ("ar", 2, "اكتب worker بلغة Python يقرأ من SQS بدفعات من 10 رسائل، ويحذف الرسالة فقط بعد نجاح المعالجة، مع long "
              "polling لمدة 20 ثانية."),
    ("ar", 1, "حسنًا، نفّذ التعديل ثم شغّل الاختبارات."),

    # Czech -- C# async, EF Core migrations, Azure DevOps, Varnish, pandas feature pipeline
    ("cs", 1, "Vysvětli obecně, co dělá ConfigureAwait(false) v C#."),
    ("cs", 3, "Naše ASP.NET API pod zátěží občas na minutu přestane odpovídat, CPU je přitom nízko. Zjisti proč."),
    ("cs", 1, "Jak mám v EF Core vytvořit novou migraci z příkazové řádky?"),
    ("cs", 2, "Přidej do entity Invoice sloupec DueDate a napiš EF Core migraci, která ho pro existující faktury "
              "dopočítá jako IssuedAt plus 14 dní."),
    ("cs", 3, "Navrhni, jak nasazovat EF Core migrace, když nad stejnou databází běží tři instance API a jedna "
              "background služba a chceme nasazovat bez výpadku."),
    ("cs", 1, "V azure-pipelines.yml změň vmImage na ubuntu-22.04."),
    ("cs", 2, "Napiš Azure DevOps pipeline: build .NET 8 řešení, testy s pokrytím, publikace artefaktu a nasazení do "
              "stagingu jen z větve main."),
    ("cs", 3, "Prozkoumej, proč nám v Azure DevOps testy náhodně padají jen při paralelním běhu agentů, a lokálně "
              "nikdy."),
    ("cs", 1, "Co je Varnish a jak obvykle rozhoduje, co uložit do cache?"),
    ("cs", 3, "Proč Varnish u nás občas vrací přihlášenému uživateli stránku jiného uživatele? Prozkoumej "
              "konfiguraci i hlavičky z aplikace."),
    ("cs", 1, "Přejmenuj sloupec 'cena_kc' na 'price_czk' v našem pandas skriptu report.py."),
    ("cs", 2, "Napiš v pandas funkci, která z tabulky transakcí spočítá pro každého zákazníka features: počet "
              "nákupů, průměrnou částku a dny od posledního nákupu."),
    ("cs", 3, "Model má v produkci výrazně horší přesnost než při trénování, i když data vypadají stejně. Zjisti, "
              "kde se náš feature pipeline liší mezi tréninkem a servingem."),

    # English -- Rust lifetimes and memory, Bazel remote cache, WebRTC, protobuf evolution, vector search, cgroups
    ("en", 1, "In general, what does a lifetime annotation like 'a actually tell the Rust compiler?"),
    ("en", 2, "Write a Rust function that splits a &str into words and returns the longest one as a &str without "
              "allocating, with unit tests."),
    ("en", 3, "Our Rust service's memory grows steadily for days and only drops on restart; heap profiles show "
              "Arc<Session> values never freed. Figure out why."),
    ("en", 1, "Point the Bazel remote cache in .bazelrc at grpcs://cache.internal:443."),
    ("en", 3, "Why do our Bazel builds get almost no remote cache hits on CI even though developers' laptops hit 90%?"),
    ("en", 1, "Write the commit message for the Bazel cache fix we just landed."),
    ("en", 1, "What is a TURN server and when does WebRTC usually need one?"),
    ("en", 2, "Add a WebRTC data channel to our video call page that sends chat messages as JSON and shows them in "
              "the sidebar."),
    ("en", 3, "Calls between our users on the same corporate network drop after about 30 seconds. Investigate."),
    ("en", 2, "The WebRTC stats panel throws TypeError: cannot read properties of undefined (reading "
              "'bytesReceived') when a call has no video track; guard it and show 0."),
    ("en", 1, "Explain the usual rules for evolving a protobuf message without breaking old clients."),
    ("en", 1, "Rename the proto field user_name to username in profile.proto; nothing outside this repo reads it yet."),
    ("en", 3, "Design how we move order events from JSON to protobuf across the producer, four consumers and the "
              "data lake without a flag day."),
    ("en", 1, "What is cosine similarity, and why do vector databases usually normalize embeddings?"),
    ("en", 2, "Implement top-k search over our embeddings with FAISS IndexFlatIP: build the index from a numpy "
              "array, persist it to disk, and return ids with scores."),
    ("en", 3, "Our semantic search got worse after we re-embedded the catalog with the new model, but offline recall "
              "looks fine. Find out why."),
    ("en", 2, "Add tests for the FAISS search function."),
    ("en", 1, "How do cgroups limit memory for a process, in general?"),
    ("en", 2, "Write a Python script that reads memory.current and memory.max from every cgroup under /sys/fs/cgroup "
              "and prints the ten highest by usage ratio."),
    ("en", 3, "Why does our batch container get OOM-killed at 60% of its cgroup limit, but only on the new node pool?"),
    ("en", 1, "yes, go ahead with that and then run the full test suite"),
]


def records():
    return labeled(ROWS, "ci", "language", AUTHOR)


def main():
    write_kept(records(), "crossed_intl", ANY_WORDS)


if __name__ == "__main__":
    main()
