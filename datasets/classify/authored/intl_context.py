#!/usr/bin/env python3
"""Builds intl_context.jsonl: asks in languages other than English, each one or two sentences -- a line of
context and the ask -- on all three tiers, written for issue 15's eighth session from LABELING.md and a style
brief, without reading the probes:

  "A developer writes to a coding agent in their own language: first what they see or what the code is, then
  what they want. Technical words mostly translated where the language has them (interbloqueo, Verklemmung,
  взаимоблокировка, 死锁), English only for product names. Tier 3 for intermittent, concurrent or cross-service
  bugs, regressions and capacity problems to diagnose, security reviews, designs and zero-downtime changes;
  tier 1 and tier 2 for the same systems' mechanical and standard work (renames, comments, config values given,
  translations; endpoints, tests, a bug whose cause is stated)."

Written after the first cross-source run of the session (never a probe's): held out, intl_short.jsonl's hard asks
mostly went to tier 1, because apart from languages.jsonl (45 requests) no source taught the model non-English
words for hard work. This is a second, separately written source of them, so that either, held out, is scored by a
model that learned from the other. Drafts whose words overlap a probe's or another source's by Jaccard >= 0.6 are
dropped by check_near_duplicates() below, which prints only this file's own draft, never a probe's text.
Run: python3 intl_context.py  -> writes intl_context.jsonl next to this script."""
from drafts import ANY_WORDS, labeled, write_kept

AUTHOR = "written for issue 15 (non-English asks with a line of context, every tier) from LABELING.md"

# (language, tier, prompt)
ROWS = [
    # German
    ("de", 3, "Seit wir auf drei Instanzen skaliert haben, werden manche Rechnungen doppelt verschickt. "
              "Finde heraus, woher das kommt."),
    ("de", 3, "Die Antwortzeiten der Suche schwanken stark, obwohl die Last gleich bleibt. Was steckt dahinter?"),
    ("de", 3, "Wir wollen die Benutzerdatenbank nach Mandanten aufteilen, ohne den Betrieb zu unterbrechen. "
              "Entwirf einen Plan."),
    ("de", 3, "Prüfe bitte unsere Passwort-zurücksetzen-Funktion auf Sicherheitslücken."),
    ("de", 3, "Gelegentlich hängt der Import-Job für Stunden, ohne Fehlermeldung. Wie finden wir die Verklemmung?"),
    ("de", 1, "Die Funktion heißt berechne_summe, bitte in summe_berechnen umbenennen."),
    ("de", 1, "Füge der Klasse Bestellung einen kurzen Kommentar hinzu, was sie speichert."),
    ("de", 1, "Setz in der Konfiguration das Log-Level von DEBUG auf INFO."),
    ("de", 2, "Wir brauchen einen Endpunkt, der alle offenen Rechnungen eines Kunden als JSON liefert."),
    ("de", 2, "Die Funktion stürzt ab, wenn die Liste leer ist, weil durch null geteilt wird. Bitte beheben."),
    # French
    ("fr", 3, "Depuis la mise à jour, la mémoire du serveur augmente toute la journée jusqu'au redémarrage. "
              "Aide-moi à trouver la fuite."),
    ("fr", 3, "Deux utilisateurs qui réservent la même place en même temps l'obtiennent tous les deux. "
              "Comment corriger ça proprement ?"),
    ("fr", 3, "On hésite entre une file de messages et des appels directs entre nos services. "
              "Qu'est-ce qui convient à notre cas ?"),
    ("fr", 3, "Vérifie si notre gestion des sessions permet à un utilisateur d'accéder au compte d'un autre."),
    ("fr", 1, "Traduis ces messages d'erreur en anglais, sans toucher au code."),
    ("fr", 1, "Renomme le fichier utils.js en outils.js et mets à jour les imports."),
    ("fr", 2, "Écris une fonction qui valide un numéro de SIRET avec la clé de Luhn."),
    ("fr", 2, "Ajoute des tests pour la fonction qui calcule les frais de livraison."),
    # Spanish
    ("es", 3, "A veces el inventario no cuadra después de las ventas nocturnas. Sospecho de una condición de "
              "carrera entre los procesos."),
    ("es", 3, "El servicio de pagos se vuelve lento cada viernes por la tarde. ¿Cómo lo investigamos?"),
    ("es", 3, "Tenemos que cambiar el tipo de la columna id a bigint en una tabla de 500 millones de filas sin "
              "cortar el servicio."),
    ("es", 3, "Diseña la arquitectura para sincronizar datos entre la app móvil sin conexión y el servidor."),
    ("es", 1, "Cambia el texto del botón de 'Enviar' a 'Guardar' en el formulario."),
    ("es", 1, "Agrega comentarios a las funciones del módulo de facturas."),
    ("es", 2, "Crea un script que importe clientes desde un CSV y reporte las filas inválidas."),
    ("es", 2, "Añade paginación y filtro por estado al listado de tickets."),
    # Portuguese
    ("pt", 3, "Às vezes o mesmo pedido é cobrado duas vezes quando o cliente clica rápido. Preciso entender "
              "por quê."),
    ("pt", 3, "A fila de mensagens acumula atraso toda madrugada, mas a CPU está ociosa. Investigue."),
    ("pt", 1, "Renomeie a variável usr para usuario em todo o arquivo."),
    ("pt", 2, "Implemente um endpoint que retorna o histórico de compras do cliente."),
    # Italian
    ("it", 3, "Il servizio di notifiche ogni tanto manda lo stesso messaggio due volte dopo un riavvio. "
              "Trova la causa."),
    ("it", 3, "Dobbiamo scegliere come partizionare il database degli ordini per paese. Quali rischi vedi?"),
    ("it", 1, "Correggi l'errore di battitura nel titolo della pagina di login."),
    ("it", 2, "Scrivi i test unitari per la funzione che calcola lo sconto."),
    # Russian
    ("ru", 3, "Иногда два воркера берут одну и ту же задачу из очереди. Разберись, почему так происходит."),
    ("ru", 3, "После переезда в новый дата-центр время ответа выросло вдвое. Найди узкое место."),
    ("ru", 3, "Спроектируй, как перейти со старой схемы базы на новую без остановки сервиса."),
    ("ru", 3, "Посмотри, нет ли в нашей авторизации возможности обойти проверку прав."),
    ("ru", 1, "Добавь комментарии к функциям в модуле отчётов."),
    ("ru", 1, "Переведи сообщения об ошибках на английский."),
    ("ru", 2, "Напиши эндпоинт, который возвращает список заказов пользователя с пагинацией."),
    ("ru", 2, "Функция падает на пустом списке из-за деления на ноль, исправь."),
    # Polish
    ("pl", 3, "Raz na kilka dni aplikacja przestaje odpowiadać i pomaga tylko restart. Pomóż znaleźć przyczynę."),
    ("pl", 1, "Zmień nazwę pliku konfiguracyjnego na ustawienia.yaml."),
    ("pl", 2, "Dodaj walidację adresu e-mail w formularzu rejestracji."),
    # Chinese
    ("zh", 3, "扩容到三台机器以后，有些订单会被处理两次，帮我找出原因。"),
    ("zh", 3, "每天凌晨数据库都会变慢一个小时，但是没有定时任务，怎么排查？"),
    ("zh", 3, "我们想把单体应用拆成微服务，该从哪里开始拆？"),
    ("zh", 3, "请审查一下我们的支付回调接口有没有安全漏洞。"),
    ("zh", 1, "把这个文件里的所有中文注释翻译成英文。"),
    ("zh", 1, "把配置里的超时时间改成 30 秒。"),
    ("zh", 2, "写一个接口，返回某个用户最近十条订单。"),
    ("zh", 2, "给发货模块写单元测试。"),
    # Japanese
    ("ja", 3, "複数のサーバーで動かすと、在庫数がたまにずれます。競合の原因を探してください。"),
    ("ja", 3, "リリース後から API の応答が遅くなりました。ボトルネックを特定してください。"),
    ("ja", 1, "変数名 tmp を total_price に変更してください。"),
    ("ja", 2, "注文一覧に日付での絞り込み機能を追加してください。"),
    # Korean
    ("ko", 3, "서버를 늘린 뒤로 알림이 가끔 두 번씩 발송됩니다. 원인을 찾아 주세요."),
    ("ko", 3, "데이터베이스를 중단 없이 새 스키마로 옮기는 방법을 설계해 주세요."),
    ("ko", 1, "함수 이름을 getData에서 fetchOrders로 바꿔 주세요."),
    ("ko", 2, "회원 가입 API에 이메일 중복 검사를 추가해 주세요."),
    # Dutch
    ("nl", 3, "Na elke deploy zien we een paar minuten dubbele betalingen. Zoek uit waardoor."),
    ("nl", 1, "Voeg een docstring toe aan de functie bereken_btw."),
    # Turkish
    ("tr", 3, "Yük arttığında servisler arasında bazı istekler kayboluyor. Nedenini bul."),
    ("tr", 2, "Sipariş listesine tarihe göre sıralama ekle."),
]


# Added after the session's second cross-source run (never a probe's), as in intl_short.py: mechanical and
# standard asks about the same systems, with a line of context, so that the language is not a sign of tier 3.
MORE = [
    ("de", 1, "Die Verklemmung ist behoben. Schreib bitte die Commit-Nachricht dazu."),
    ("de", 1, "Im Dashboard steht noch 'Latenz (ms)', bitte in 'Antwortzeit (ms)' ändern."),
    ("fr", 1, "Le correctif de la fuite mémoire est fait. Ajoute une ligne au changelog."),
    ("fr", 1, "Dans le fichier de config, mets le nombre de workers à 8."),
    ("es", 1, "Ya arreglamos la condición de carrera. Escribe el mensaje del commit."),
    ("es", 1, "El servicio de pagos tiene un comentario desactualizado; cámbialo por 'usa reintentos'."),
    ("ru", 1, "Утечку памяти уже нашли и исправили. Напиши сообщение для коммита."),
    ("ru", 1, "В README опечатка в слове 'репликация', исправь."),
    ("zh", 1, "死锁的问题已经修好了，帮我写一下提交说明。"),
    ("zh", 1, "把数据库连接池的大小从 10 改成 20。"),
    ("ja", 1, "メモリリークは修正済みです。変更履歴に一行追加してください。"),
    ("ko", 1, "설정 파일의 재시도 횟수를 3에서 5로 바꿔 주세요."),
    ("pt", 1, "A fila já está corrigida. Traduza a mensagem de erro para inglês."),
    ("it", 1, "Il bug della cache è risolto. Scrivi il messaggio di commit."),
    ("de", 2, "Die Importfunktion bricht bei leeren Zeilen ab, weil split() nichts liefert. Bitte abfangen und Tests "
              "schreiben."),
    ("fr", 2, "Le client HTTP n'a pas de timeout. Ajoute un timeout de 10 secondes et trois tentatives."),
    ("ru", 2, "Нужна миграция, которая добавляет колонку phone в таблицу users и заполняет её из профилей."),
    ("ja", 2, "ユーザー一覧の API に名前での検索を追加して、テストも書いてください。"),
]


def records():
    return labeled(ROWS + MORE, "ic", "language", AUTHOR)


def main():
    write_kept(records(), "intl_context", ANY_WORDS)


if __name__ == "__main__":
    main()
