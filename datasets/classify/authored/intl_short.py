#!/usr/bin/env python3
"""Builds intl_short.jsonl: short asks (one sentence, no paste, no earlier turns) in languages other than
English -- German, French, Spanish, Portuguese, Italian, Dutch, Polish, Russian, Ukrainian, Turkish, Czech,
Swedish, Chinese, Japanese, Korean, Vietnamese, Indonesian -- on all three tiers, written for issue 15's eighth
session from LABELING.md ("Language does not matter") and a style brief, without reading the probes:

  "Mostly tier 3: concurrency, intermittent and cross-service bugs, performance regressions, security review,
  zero-downtime migrations and design questions, asked in a sentence the way a developer types to an agent in
  their own language, technical nouns often left in English (Kafka, deadlock, p99, Redis). Beside them, tier-1
  and tier-2 asks in the same languages that name the same things (rename the deadlock test, set the Redis TTL,
  write the Kafka consumer), so neither the language nor the technical noun is the label."

The older non-English source (languages.jsonl, 45 requests) holds 8 tier-3 asks; this one adds hard asks in
more languages and in shorter forms. Drafts whose words overlap a probe's or another source's by Jaccard >= 0.6
are dropped by check_near_duplicates() below, which prints only this file's own draft, never a probe's text.
Run: python3 intl_short.py  -> writes intl_short.jsonl next to this script."""
from drafts import ANY_WORDS, labeled, write_kept

AUTHOR = "written for issue 15 (short non-English asks on every tier) from LABELING.md"

# (language, tier, prompt)
ROWS = [
    # German
    ("de", 3, "Zwei Worker blockieren sich ab und zu gegenseitig in der Datenbank. Warum?"),
    ("de", 3, "Unsere p99-Latenz hat sich seit dem Update verdoppelt, finde die Ursache."),
    ("de", 3, "Ist unser Login-Flow gegen Session-Fixation angreifbar?"),
    ("de", 3, "Wie migrieren wir die Kundentabelle ohne Ausfallzeit auf das neue Schema?"),
    ("de", 3, "Der Speicher des Dienstes wächst jede Nacht, bis er abstürzt."),
    ("de", 1, "Benenne den Test test_deadlock in test_sperre um."),
    ("de", 1, "Setz das Redis-TTL in der Konfiguration auf 600 Sekunden."),
    ("de", 2, "Schreib einen Kafka-Consumer, der Bestellungen in Postgres speichert."),
    ("de", 2, "Füge der Suche eine Paginierung mit 20 Einträgen pro Seite hinzu."),
    # French
    ("fr", 3, "Des commandes sont parfois facturées deux fois, on ne sait pas pourquoi."),
    ("fr", 3, "Faut-il découper le monolithe en services ? Nous sommes six développeurs."),
    ("fr", 3, "Audite notre API d'administration pour des failles d'élévation de privilèges."),
    ("fr", 3, "Le consumer Kafka retraite des messages après chaque rebalance."),
    ("fr", 1, "Renomme la variable verrou en mutex_commandes, rien d'autre."),
    ("fr", 1, "Qu'est-ce qu'un interblocage ?"),
    ("fr", 2, "Ajoute un index sur la colonne email et écris la migration."),
    ("fr", 2, "Écris des tests unitaires pour le calcul de la TVA."),
    # Spanish
    ("es", 3, "El saldo queda negativo cuando llegan dos retiros a la vez."),
    ("es", 3, "¿Cómo garantizamos que cada pago se procese una sola vez entre regiones?"),
    ("es", 3, "La latencia sube cada hora sin cambios en el tráfico, investígalo."),
    ("es", 3, "Revisa si nuestro manejo de tokens JWT tiene vulnerabilidades."),
    ("es", 1, "Cambia el nombre de la función bloquear_pedido a reservar_pedido."),
    ("es", 1, "¿Qué es una condición de carrera?"),
    ("es", 2, "Agrega reintentos con espera exponencial al cliente de pagos."),
    ("es", 2, "Crea un endpoint que devuelva los pedidos de un cliente."),
    # Portuguese
    ("pt", 3, "As réplicas ficam minutos atrasadas só durante o backup noturno. Por quê?"),
    ("pt", 3, "Precisamos trocar a chave primária para UUID sem parar o sistema."),
    ("pt", 3, "O app trava às vezes depois do failover do banco."),
    ("pt", 1, "Corrija o erro de digitação na mensagem de senha inválida."),
    ("pt", 2, "Escreva uma função que agrupa pedidos por cliente e mês."),
    # Italian
    ("it", 3, "Ogni tanto il job notturno produce totali sbagliati, capisci perché."),
    ("it", 3, "Meglio event sourcing o CRUD per il registro contabile?"),
    ("it", 3, "La cache e il database divergono sotto carico."),
    ("it", 1, "Imposta il timeout della connessione a 30 secondi nel file di configurazione."),
    ("it", 2, "Aggiungi la validazione dei campi al modulo di registrazione."),
    # Dutch
    ("nl", 3, "Soms verdwijnen berichten tussen de bestel- en magazijndienst."),
    ("nl", 3, "Waarom loopt het geheugen van de workers elke dag op?"),
    ("nl", 1, "Hernoem de map services naar diensten."),
    ("nl", 2, "Schrijf een functie die een IBAN controleert."),
    # Polish
    ("pl", 3, "Czasem dwa procesy zapisują ten sam rekord i tracimy dane."),
    ("pl", 3, "Jak zaprojektować replikację między dwoma regionami?"),
    ("pl", 1, "Zmień nazwę klasy Blokada na Zamek."),
    ("pl", 2, "Dodaj endpoint do usuwania komentarzy z obsługą 404."),
    # Russian
    ("ru", 3, "Под нагрузкой сервис иногда зависает, похоже на взаимную блокировку."),
    ("ru", 3, "Почему после миграции на Postgres 16 запросы стали в три раза медленнее?"),
    ("ru", 3, "Проверь наш сервис загрузки файлов на уязвимости."),
    ("ru", 3, "Как разделить базу по арендаторам без простоя?"),
    ("ru", 1, "Переименуй переменную lock в order_lock."),
    ("ru", 1, "Что такое шардирование?"),
    ("ru", 2, "Напиши тесты для функции расчёта скидки."),
    ("ru", 2, "Добавь кэширование списка стран в Redis на час."),
    # Ukrainian
    ("uk", 3, "Іноді платежі дублюються після перезапуску воркера. Знайди причину."),
    ("uk", 1, "Додай коментар до функції розрахунку податку."),
    # Turkish
    ("tr", 3, "Kafka tüketicisi bazen aynı mesajı iki kez işliyor, neden?"),
    ("tr", 3, "Servisler arası oturum yönetimini güvenlik açısından incele."),
    ("tr", 1, "Değişkenin adını kilit yerine siparis_kilidi yap."),
    ("tr", 2, "Kullanıcı listesi için sayfalama ekle."),
    # Czech
    ("cs", 3, "Občas se nám rozjedou zůstatky mezi dvěma službami, proč?"),
    ("cs", 1, "Oprav překlep v chybové hlášce přihlášení."),
    # Swedish
    ("sv", 3, "Testerna fallerar ibland bara i CI, hitta kapplöpningen."),
    ("sv", 2, "Skriv en funktion som validerar svenska personnummer."),
    # Chinese
    ("zh", 3, "订单服务偶尔出现死锁，只在高峰期，帮忙排查。"),
    ("zh", 3, "升级之后 p99 延迟翻倍了，代码没变，怎么定位？"),
    ("zh", 3, "我们的多租户隔离方案有没有越权风险？"),
    ("zh", 3, "如何在不停机的情况下把用户表拆成两张表？"),
    ("zh", 1, "把变量 lock 改名为 order_lock。"),
    ("zh", 1, "什么是死锁？"),
    ("zh", 2, "写一个 Kafka 消费者，把订单写入 Postgres。"),
    ("zh", 2, "给用户列表接口加上分页。"),
    # Japanese
    ("ja", 3, "本番だけでたまに二重決済が起きます。原因を調べてください。"),
    ("ja", 3, "キャッシュとDBの整合性をどう保つべきか設計を考えてください。"),
    ("ja", 3, "認証まわりに脆弱性がないかレビューしてください。"),
    ("ja", 1, "この関数名を fetch_orders に変更してください。"),
    ("ja", 2, "ユーザー登録フォームに入力チェックを追加してください。"),
    # Korean
    ("ko", 3, "가끔 두 요청이 동시에 들어오면 재고가 음수가 됩니다. 원인이 뭘까요?"),
    ("ko", 3, "모놀리스를 서비스로 나눠야 할지 판단해 주세요."),
    ("ko", 1, "설정 파일에서 타임아웃을 30초로 바꿔 주세요."),
    ("ko", 2, "주문 목록 API에 정렬 기능을 추가해 주세요."),
    # Vietnamese
    ("vi", 3, "Thỉnh thoảng hệ thống trừ tiền hai lần, hãy tìm nguyên nhân."),
    ("vi", 1, "Đổi tên biến khoa thành khoa_don_hang."),
    # Indonesian
    ("id", 3, "Kenapa memori layanan terus naik sampai pod restart?"),
    ("id", 2, "Tambahkan validasi email di form pendaftaran."),
]


# Added after the session's second cross-source run (never a probe's): held out, short non-English tier-1 asks
# (a rename, a typo) went to tier 3, since most non-English rows above were tier 3 -- the language had become a
# sign of the tier. Mechanical and standard asks in the same languages and words, so that it is not.
MORE = [
    ("de", 1, "Korrigiere den Tippfehler in der Fehlermeldung zum Passwort."),
    ("de", 1, "Füge der Funktion sperre_pruefen einen Docstring hinzu."),
    ("de", 1, "Was bedeutet Verklemmung bei Datenbanken?"),
    ("fr", 1, "Corrige la faute dans le titre de la page des paiements."),
    ("fr", 1, "Passe le timeout de Redis à 5 secondes dans la config."),
    ("es", 1, "Corrige la falta en el correo de factura duplicada."),
    ("es", 1, "Pon el nivel de log en WARN para el servicio de pagos."),
    ("pt", 1, "Renomeie a função bloqueio para trava_pedido."),
    ("pt", 1, "O que é um deadlock?"),
    ("it", 1, "Rinomina la classe Latenza in TempoRisposta."),
    ("nl", 1, "Zet de time-out van de database op 30 seconden."),
    ("pl", 1, "Popraw literówkę w komunikacie o zduplikowanej płatności."),
    ("ru", 1, "Исправь опечатку в сообщении об ошибке входа."),
    ("ru", 1, "Поменяй таймаут Redis на 10 секунд в конфиге."),
    ("uk", 1, "Перейменуй змінну timeout на request_timeout."),
    ("tr", 1, "Kilit hatası mesajındaki yazım hatasını düzelt."),
    ("cs", 1, "Přejmenuj funkci zamek na zamek_objednavky."),
    ("zh", 1, "修改一下登录错误提示里的错别字。"),
    ("zh", 1, "把 Redis 的过期时间改成 600 秒。"),
    ("ja", 1, "デッドロックとは何ですか？"),
    ("ja", 1, "設定ファイルのタイムアウトを 10 秒にしてください。"),
    ("ko", 1, "로그인 오류 메시지의 오타를 고쳐 주세요."),
    ("vi", 1, "Sửa lỗi chính tả trong thông báo thanh toán."),
    ("de", 2, "Schreib Tests für die Funktion, die doppelte Zahlungen erkennt."),
    ("ru", 2, "Добавь повтор запроса с экспоненциальной задержкой в клиент платежей."),
    ("zh", 2, "给订单服务加一个按状态筛选的接口。"),
    ("es", 2, "Escribe una función que valide el NIF español."),
]


def records():
    return labeled(ROWS + MORE, "is", "language", AUTHOR)


def main():
    write_kept(records(), "intl_short", ANY_WORDS)


if __name__ == "__main__":
    main()
