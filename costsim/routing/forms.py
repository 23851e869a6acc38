"""What FORM a request's ask has, the same in every language: the phrase lists of the ``d:form_*`` features.

Issue 15, twelfth session (15i). Held out, textbook questions and config edits naming a "hard" subject went to
tier 3, since subject nouns co-vary with tier in the training data, while the form words that decide the tier
("explain", "what is", "how do I"; against "find out why", "our ... only under load") were known in English only.
These lists name those forms in English, German, French, Spanish, Portuguese, Italian, Dutch, Polish, Russian,
Ukrainian, Turkish, Chinese, Japanese, Korean, Vietnamese, Indonesian, Hindi, Arabic and Czech. They were written
from general knowledge of the languages and LABELING.md's categories (tier 1: how-to and fact questions, follow-ups
that carry on; tier 3: diagnosis of specific behaviour of one's own system, intermittent or load-dependent bugs,
decisions over stated constraints), before any run, without reading any labeled request.

A phrase is matched as whole words of the prose (costsim.routing.features: lower-cased, punctuation made spaces, so
"qu'est-ce que" is written "qu est ce que"); CJK, kana and hangul characters are words of their own, so a Chinese,
Japanese or Korean phrase matches as a substring. A phrase left out on purpose is one that is common in another
sense or another language ("my" is Polish and Czech "we" but English "my docker build"; Korean "네" is "yes" but
also the first syllable of "네트워크"; Polish "ja" is "I", German "ja" "yes"). Hindi prose is read in pieces (its
vowel signs are not word characters, so "हाँ" is read as "ह", the first piece of "है"): a Hindi phrase whose pieces
are that short or that common is left out.

Each feature is 1 when any of its phrases occurs in the prose, else 0. Its cue (costsim.routing.reasons) names it
in a decision's reasons.
"""

from __future__ import annotations

__all__ = ["FORMS", "LEXICON"]

# feature -> language -> phrases, "|"-separated
LEXICON: dict[str, dict[str, str]] = {
    # asks what something is, how it works in general, to explain a concept, or the difference between two
    "form_explain": {
        "en": "what is|what are|what's|whats|what does|explain|explanation|how does|how do they work"
              "|difference between|differences between|the difference|in general|generally|usually|typically"
              "|meaning of|what does it mean|tell me about|overview of|eli5|conceptually|what happens when"
              "|what happens if|when should i use|when to use|stand for|stands for|pros and cons|definition of",
        "de": "was ist|was sind|was bedeutet|was heißt|erklär|erkläre|erklären|erklärung|wie funktioniert"
              "|wie funktionieren|unterschied zwischen|der unterschied|im allgemeinen|allgemein|normalerweise"
              "|üblicherweise|in der regel|grundsätzlich|wofür steht|was passiert wenn|wann sollte man"
              "|vor und nachteile",
        "fr": "qu est ce que|qu est ce qu|c est quoi|que signifie|que veut dire|explique|expliquer|expliquez"
              "|explication|comment fonctionne|comment marche|comment ça marche|différence entre|la différence"
              "|en général|généralement|habituellement|d habitude|que se passe t il|quand utiliser"
              "|avantages et inconvénients",
        "es": "qué es|qué son|qué significa|que significa|explica|explícame|explicame|explicar|explicación"
              "|cómo funciona|como funciona|cómo funcionan|diferencia entre|la diferencia|en general|generalmente"
              "|normalmente|por lo general|qué pasa si|qué ocurre|cuándo usar|ventajas y desventajas|para qué sirve",
        "pt": "o que é|o que são|o que significa|explique|me explica|explicar|explicação|como funciona"
              "|como funcionam|diferença entre|a diferença|em geral|geralmente|o que acontece|quando usar"
              "|vantagens e desvantagens|para que serve",
        "it": "cos è|cosa è|che cos è|cosa sono|cosa significa|che significa|spiega|spiegami|spiegare|spiegazione"
              "|come funziona|come funzionano|differenza tra|differenza fra|la differenza|in generale|di solito"
              "|solitamente|cosa succede se|quando usare|vantaggi e svantaggi|a cosa serve",
        "nl": "wat is|wat zijn|wat betekent|leg uit|leg me uit|uitleggen|uitleg|hoe werkt|hoe werken"
              "|verschil tussen|het verschil|in het algemeen|over het algemeen|meestal|normaal gesproken"
              "|doorgaans|wat gebeurt er|voor en nadelen",
        "pl": "co to jest|co to są|czym jest|czym są|co oznacza|co znaczy|wyjaśnij|wytłumacz|objaśnij|wyjaśnienie"
              "|jak działa|jak działają|różnica między|różnice między|czym się różni|ogólnie|zazwyczaj|zwykle"
              "|na ogół|co się dzieje gdy|kiedy używać|wady i zalety|zalety i wady",
        "ru": "что такое|что значит|что означает|объясни|объясните|поясни|объяснение|как работает|как работают"
              "|как устроен|как устроено|разница между|в чём разница|в чем разница|чем отличается|чем отличаются"
              "|в общем|в целом|обычно|как правило|что происходит когда|когда использовать|плюсы и минусы",
        "uk": "що таке|що означає|поясни|поясніть|пояснення|як працює|як працюють|різниця між|у чому різниця"
              "|в чому різниця|чим відрізняється|загалом|зазвичай|як правило|що відбувається коли"
              "|коли використовувати|плюси і мінуси|переваги та недоліки",
        "tr": "nedir|ne demek|ne anlama gelir|açıkla|açıklar mısın|açıklayın|nasıl çalışır|nasıl çalışıyor"
              "|arasındaki fark|farkı nedir|farkı ne|genel olarak|genellikle|genelde|normalde|ne olur"
              "|ne zaman kullanılır|avantajları ve dezavantajları",
        "zh": "什么是|是什么|什么叫|解释|讲解|说明一下|介绍一下|如何工作|怎么工作|工作原理|原理|区别|有什么不同"
              "|一般来说|一般情况下|通常|什么意思|会发生什么|什么时候用|优缺点",
        "ja": "とは何|とはなに|って何|ってなに|説明して|解説|仕組み|どうやって動|どのように動作|違い|一般的に"
              "|通常|普通は|たいてい|どういう意味|何が起こる|いつ使う|メリットとデメリット|長所と短所",
        "ko": "란 무엇|이란 무엇|무엇인가요|뭐야|뭔가요|설명해|작동 원리|어떻게 작동|어떻게 동작|차이|차이점"
              "|일반적으로|보통|대체로|무슨 뜻|무슨 의미|무슨 일이 일어나|언제 사용|장단점",
        "vi": "là gì|nghĩa là gì|có nghĩa là|giải thích|hoạt động như thế nào|hoạt động thế nào|cách hoạt động"
              "|khác nhau|sự khác biệt|khác biệt giữa|nói chung|thông thường|thường thì|điều gì xảy ra"
              "|khi nào nên dùng|ưu và nhược điểm|ưu nhược điểm",
        "id": "apa itu|apa yang dimaksud|apa arti|artinya|jelaskan|tolong jelaskan|penjelasan|cara kerja"
              "|bagaimana kerja|perbedaan antara|bedanya|perbedaan|secara umum|biasanya|pada umumnya|umumnya"
              "|apa yang terjadi|kapan menggunakan|kelebihan dan kekurangan",
        "hi": "क्या है|क्या हैं|क्या होता है|का मतलब|मतलब क्या|समझाइए|समझाओ|समझाएं|समझा दो|व्याख्या"
              "|कैसे काम करता|कैसे काम करते|अंतर|फर्क|सामान्य तौर पर|आम तौर पर|आमतौर पर|सामान्यतः"
              "|कब इस्तेमाल|फायदे और नुकसान|kya hai|kya hota hai|samjhao|samjhaiye|kaise kaam karta",
        "ar": "ما هو|ما هي|ماذا يعني|ما معنى|ما المقصود|اشرح|اشرح لي|شرح|وضح|كيف يعمل|كيف تعمل|الفرق بين"
              "|ما الفرق|بشكل عام|عموما|عادة|ماذا يحدث|متى أستخدم|متى نستخدم|المزايا والعيوب|مزايا وعيوب",
        "cs": "co je|co to je|co jsou|co znamená|vysvětli|vysvětlete|vysvětlení|jak funguje|jak fungují"
              "|rozdíl mezi|jaký je rozdíl|obecně|obvykle|zpravidla|většinou|co se stane|kdy použít"
              "|výhody a nevýhody",
    },
    # asks how to do a standard thing: how do I, the command or syntax for it
    "form_howto": {
        "en": "how do i|how can i|how to|how would i|how should i|how do you|how do we|how can we"
              "|is there a way to|is there a command|the command to|command for|what command|which command"
              "|syntax for|the syntax|show me how|what flag|which flag|shortcut for",
        "de": "wie kann ich|wie mache ich|wie macht man|wie kann man|wie geht das|wie bekomme ich|wie richte ich"
              "|wie setze ich|wie erstelle ich|wie installiere ich|wie lösche ich|wie ändere ich|wie benenne ich"
              "|gibt es einen befehl|gibt es eine möglichkeit|welcher befehl|der befehl|befehl für|befehl um"
              "|syntax für",
        "fr": "comment puis je|comment je peux|comment faire|comment fait on|comment on fait|comment créer"
              "|comment supprimer|comment renommer|comment installer|comment changer|comment ajouter"
              "|comment dois je|y a t il un moyen|quelle commande|la commande pour|commande pour|syntaxe pour",
        "es": "cómo puedo|como puedo|cómo hago|como hago|cómo se hace|cómo se|cómo hacer|como hacer|cómo crear"
              "|cómo borrar|cómo eliminar|cómo renombrar|cómo instalar|cómo cambiar|cómo agregar|cómo añadir"
              "|hay alguna forma|hay una forma|hay manera|qué comando|el comando para|comando para|sintaxis para",
        "pt": "como posso|como faço|como faço para|como fazer|como se faz|como criar|como apagar|como excluir"
              "|como renomear|como instalar|como mudar|como alterar|como adicionar|tem como|existe uma forma"
              "|há uma forma|qual comando|qual o comando|o comando para|comando para|sintaxe para",
        "it": "come posso|come faccio|come si fa|come si|come fare|come creare|come eliminare|come cancellare"
              "|come rinominare|come installare|come cambiare|come aggiungere|c è un modo|esiste un modo"
              "|quale comando|il comando per|comando per|sintassi per",
        "nl": "hoe kan ik|hoe doe ik|hoe maak ik|hoe moet ik|hoe zet ik|hoe installeer ik|hoe verwijder ik"
              "|hoe hernoem ik|hoe verander ik|hoe voeg ik|hoe doe je|hoe kun je|is er een manier|welk commando"
              "|het commando om|commando om|commando voor|syntax voor",
        "pl": "jak mogę|jak zrobić|jak to zrobić|jak utworzyć|jak stworzyć|jak usunąć|jak zmienić"
              "|jak zainstalować|jak dodać|jak ustawić|jak się|czy jest sposób|czy da się|jaka komenda"
              "|jakie polecenie|komenda do|polecenie do|składnia",
        "ru": "как мне|как сделать|как можно|как создать|как удалить|как переименовать|как установить"
              "|как изменить|как добавить|как настроить|как поменять|есть ли способ|какая команда|какой командой"
              "|команда для|синтаксис",
        "uk": "як мені|як зробити|як можна|як створити|як видалити|як перейменувати|як встановити|як змінити"
              "|як додати|як налаштувати|чи є спосіб|яка команда|команда для|синтаксис",
        "tr": "nasıl yapılır|nasıl yaparım|nasıl yapabilirim|nasıl oluşturulur|nasıl oluştururum|nasıl silinir"
              "|nasıl silerim|nasıl değiştirilir|nasıl değiştiririm|nasıl yüklenir|nasıl kurulur|nasıl eklenir"
              "|nasıl eklerim|adını nasıl|bir yolu var mı|hangi komut|komutu nedir|komutu ne",
        "zh": "怎么|如何|怎样|有没有办法|有什么办法|什么命令|哪个命令|用什么命令|语法",
        "ja": "どうやって|どうすれば|方法|やり方|どのように|するには|どのコマンド|コマンドは何|構文",
        "ko": "어떻게|하는 방법|방법|하려면|방법이 있|무슨 명령|어떤 명령|명령어|문법",
        "vi": "làm sao|làm thế nào|làm cách nào|cách để|cách nào|cách tạo|cách xóa|cách đổi tên|có cách nào"
              "|lệnh nào|lệnh để|cú pháp",
        "id": "bagaimana cara|gimana cara|cara membuat|cara menghapus|cara mengganti|cara mengubah|cara install"
              "|cara memasang|cara menambahkan|bagaimana saya|ada cara|perintah apa|perintah untuk|sintaks",
        "hi": "कैसे करें|कैसे करूं|कैसे करूँ|कैसे बनाएं|कैसे हटाएं|कैसे बदलें|कैसे जोड़ें|कोई तरीका|तरीका"
              "|कौन सा कमांड|कमांड|kaise kare|kaise karu|kaise karein",
        "ar": "كيف يمكنني|كيف يمكن|كيفية|كيف أقوم|كيف أنشئ|كيف أحذف|كيف أغير|كيف أضيف|هل هناك طريقة|طريقة"
              "|أي أمر|ما هو الأمر|صيغة",
        "cs": "jak mohu|jak můžu|jak udělat|jak to udělat|jak vytvořit|jak smazat|jak odstranit|jak přejmenovat"
              "|jak nainstalovat|jak změnit|jak přidat|jak nastavit|je nějaký způsob|existuje způsob|jaký příkaz"
              "|příkaz pro|příkaz k|syntaxe",
    },
    # asks to find the cause: find out why, investigate, track down, root cause
    "form_diagnose": {
        "en": "find out why|figure out why|work out why|figure out|investigate|investigating|look into|dig into"
              "|track down|find the cause|find the root cause|root cause|diagnose|diagnosis|what is causing"
              "|what's causing|whats causing|what causes|cause of|causing|why do we|why does our|why is our"
              "|why are we|bisect|pin down|narrow down|get to the bottom",
        "de": "herausfinden|finde heraus|finde raus|untersuche|untersuchen|analysiere|analysieren|ursache"
              "|die ursache|grundursache|woran liegt|woran es liegt|warum wir|warum unser|warum unsere"
              "|diagnostizieren|eingrenzen|auf den grund",
        "fr": "trouver pourquoi|comprendre pourquoi|découvrir pourquoi|trouve pourquoi|enquêter|investiguer"
              "|analyser|analyse pourquoi|la cause|cause racine|cause première|ce qui cause|qu est ce qui cause"
              "|d où vient|pourquoi notre|pourquoi nos|pourquoi nous|diagnostiquer|cerner",
        "es": "averiguar|averigua|descubrir por qué|descubre por qué|investigar|investiga|analizar|analiza"
              "|la causa|causa raíz|qué está causando|que está causando|qué causa|de dónde viene|por qué nuestro"
              "|por qué nuestra|por qué nuestros|diagnosticar",
        "pt": "descobrir por que|descobrir porque|descubra por que|descobrir o motivo|investigar|investigue"
              "|analisar|analise|a causa|causa raiz|o que está causando|o que causa|de onde vem|por que nosso"
              "|por que nossa|por que o nosso|diagnosticar",
        "it": "scoprire perché|capire perché|scopri perché|indagare|indaga|investigare|analizzare|analizza"
              "|la causa|causa principale|causa radice|cosa sta causando|cosa causa|da dove viene"
              "|perché il nostro|perché la nostra|perché i nostri|diagnosticare",
        "nl": "uitzoeken|zoek uit|achterhalen|onderzoeken|onderzoek|analyseren|analyseer|de oorzaak|oorzaak"
              "|grondoorzaak|wat veroorzaakt|waarom onze|waarom ons|waarom we|diagnosticeren",
        "pl": "dowiedz się dlaczego|dowiedzieć się dlaczego|ustal dlaczego|ustalić dlaczego|zbadaj|zbadać"
              "|przeanalizuj|przeanalizować|znajdź przyczynę|przyczyna|przyczynę|przyczyny|źródło problemu"
              "|co powoduje|dlaczego nasz|dlaczego nasza|dlaczego nasze|zdiagnozuj|zdiagnozować",
        "ru": "выясни|выяснить|разберись|разобраться|расследуй|расследовать|исследуй|исследовать|проанализируй"
              "|проанализировать|найди причину|найти причину|причина|причину|причины|корневая причина"
              "|что вызывает|откуда берётся|откуда берется|почему наш|почему наша|почему наше|почему наши"
              "|почему у нас|диагностировать|продиагностируй",
        "uk": "з'ясуй|з'ясувати|розберися|розібратися|дослідити|досліди|проаналізуй|проаналізувати"
              "|знайди причину|знайти причину|причина|причину|причини|що спричиняє|звідки береться|чому наш"
              "|чому наша|чому наше|чому наші|чому у нас|чому в нас|діагностувати",
        "tr": "nedenini bul|nedenini bulun|nedenini araştır|neden olduğunu|araştır|araştırın|incele|inceleyin"
              "|analiz et|kök neden|nedenini|sebebini|neyin sebep|teşhis",
        "zh": "找出原因|找到原因|查明|排查|调查|分析|根本原因|根因|原因|什么导致|导致|诊断|定位问题",
        "ja": "原因を調べ|原因を特定|原因を突き止め|原因|調査|調べて|突き止め|特定して|分析して|根本原因|切り分け",
        "ko": "원인을 찾|원인|근본 원인|조사해|조사|분석해|분석|알아내|파악해|진단",
        "vi": "tìm ra nguyên nhân|tìm nguyên nhân|nguyên nhân|nguyên nhân gốc|điều tra|phân tích"
              "|tìm hiểu tại sao|tìm hiểu vì sao|chẩn đoán|xác định nguyên nhân",
        "id": "cari tahu kenapa|cari tahu mengapa|cari tahu|cari penyebab|temukan penyebab|penyebab|penyebabnya"
              "|akar masalah|akar penyebab|selidiki|menyelidiki|investigasi|analisis|analisa"
              "|apa yang menyebabkan|diagnosa|diagnosis",
        "hi": "पता लगाओ|पता लगाएं|पता करो|कारण|वजह|मूल कारण|जांच|जाँच|विश्लेषण|समस्या का कारण",
        "ar": "اكتشف سبب|اعرف سبب|ابحث عن سبب|معرفة سبب|السبب|سبب|السبب الجذري|حقق في|تحقيق|حلل|تحليل"
              "|ما الذي يسبب|ما سبب|تشخيص",
        "cs": "zjisti proč|zjistit proč|zjisti|prozkoumej|prozkoumat|vyšetři|analyzuj|analyzovat|najdi příčinu"
              "|najít příčinu|příčina|příčinu|příčiny|co způsobuje|proč náš|proč naše|proč naši|diagnostikuj"
              "|diagnostikovat",
    },
    # speaks of our own system: first-person plural, our, my team
    "form_ours": {
        "en": "we|our|ours|ourselves|my team|our team|my company",
        "de": "wir|uns|unser|unsere|unseren|unserem|unserer|unseres|mein team|bei uns",
        "fr": "nous|notre|nos|nôtre|chez nous|mon équipe",
        "es": "nosotros|nosotras|nuestro|nuestra|nuestros|nuestras|nos|tenemos|usamos|vemos|estamos|hemos"
              "|necesitamos|queremos|mi equipo",
        "pt": "nós|nosso|nossa|nossos|nossas|temos|usamos|estamos|vemos|precisamos|queremos|a gente|meu time"
              "|minha equipe",
        "it": "noi|nostro|nostra|nostri|nostre|abbiamo|usiamo|siamo|vediamo|dobbiamo|vogliamo|il mio team",
        "nl": "wij|ons|onze|bij ons|mijn team",
        "pl": "nas|nam|nasz|nasza|nasze|naszego|naszej|naszym|naszych|naszą|mamy|używamy|widzimy|u nas"
              "|mój zespół",
        "ru": "мы|нас|нам|наш|наша|наше|наши|нашего|нашей|нашем|нашу|наших|нашим|у нас|моя команда",
        "uk": "ми|нас|нам|наш|наша|наше|наші|нашого|нашої|нашому|нашу|наших|у нас|в нас|моя команда",
        "tr": "biz|bizim|bize|bizde|bizi|ekibimiz|sistemimiz|servisimiz|uygulamamız|sunucumuz|veritabanımız"
              "|kodumuz",
        "zh": "我们|咱们|我司",
        "ja": "私たち|我々|弊社|うちの|当社|自社",
        "ko": "우리|저희",
        "vi": "chúng tôi|chúng ta|bọn tôi|team tôi|đội tôi",
        "id": "kami|kita",
        "hi": "हमारा|हमारे|हमारी|हमने|hamara|hamare|hamari",
        "ar": "نحن|لدينا|عندنا|خاصتنا|فريقنا|نظامنا|خدمتنا",
        "cs": "nás|nám|náš|naše|našeho|naší|našem|naši|máme|používáme|vidíme|u nás|můj tým",
    },
    # the behaviour happens only sometimes, or only under some condition (load, production, after a while)
    "form_intermittent": {
        "en": "sometimes|intermittent|intermittently|occasionally|randomly|sporadically|sporadic|flaky"
              "|from time to time|every few|once in a while|every now and then|now and then|under load"
              "|under heavy load|in production|in prod|on prod|only when|only on|only after|after a while"
              "|after a few hours|after some time|at peak|during peak|not always|nondeterministic"
              "|non deterministic|hard to reproduce|can't reproduce|cannot reproduce|can not reproduce",
        "de": "manchmal|gelegentlich|ab und zu|sporadisch|zufällig|unregelmäßig|hin und wieder|alle paar"
              "|unter last|in produktion|in der produktion|nur wenn|nur bei|nach einer weile|nach einigen stunden"
              "|nicht immer|schwer zu reproduzieren|nicht reproduzierbar",
        "fr": "parfois|de temps en temps|de temps à autre|occasionnellement|aléatoirement|par intermittence"
              "|intermittent|intermittente|sporadiquement|toutes les quelques|sous charge|en production|en prod"
              "|uniquement quand|seulement quand|seulement sous|au bout d un moment|après quelques heures"
              "|pas toujours|difficile à reproduire|impossible à reproduire|de façon aléatoire",
        "es": "a veces|de vez en cuando|ocasionalmente|aleatoriamente|intermitente|intermitentemente"
              "|esporádicamente|cada pocos|cada tantos|bajo carga|con carga|en producción|en produccion|en prod"
              "|solo cuando|sólo cuando|solo bajo|después de un rato|tras unas horas|no siempre"
              "|difícil de reproducir|no se reproduce|al azar",
        "pt": "às vezes|as vezes|de vez em quando|ocasionalmente|aleatoriamente|intermitente|intermitentemente"
              "|esporadicamente|a cada poucos|sob carga|com carga|em produção|em producao|em prod|só quando"
              "|somente quando|apenas quando|depois de um tempo|após algumas horas|nem sempre"
              "|difícil de reproduzir|não consigo reproduzir",
        "it": "a volte|ogni tanto|di tanto in tanto|occasionalmente|casualmente|in modo casuale|intermittente"
              "|a intermittenza|sporadicamente|ogni qualche|sotto carico|in produzione|in prod|solo quando"
              "|soltanto quando|dopo un po|dopo qualche ora|non sempre|difficile da riprodurre"
              "|non riesco a riprodurre",
        "nl": "soms|af en toe|zo nu en dan|willekeurig|sporadisch|intermitterend|onder belasting|onder load"
              "|in productie|alleen als|alleen wanneer|alleen bij|na een tijdje|na een paar uur|niet altijd"
              "|moeilijk te reproduceren|niet te reproduceren|om de paar",
        "pl": "czasami|czasem|od czasu do czasu|sporadycznie|losowo|okresowo|co kilka"
              "|pod obciążeniem|na produkcji|w produkcji|tylko gdy|tylko kiedy|tylko pod|po jakimś czasie"
              "|po kilku godzinach|nie zawsze|trudno odtworzyć|trudno powtórzyć|nie da się odtworzyć",
        "ru": "иногда|время от времени|периодически|случайным образом|спорадически|нестабильно"
              "|плавающий|плавающая|раз в несколько|каждые несколько|под нагрузкой|на проде|в проде"
              "|в продакшене|в продакшн|только когда|только под|только при|через некоторое время"
              "|через несколько часов|не всегда|сложно воспроизвести|трудно воспроизвести|не воспроизводится",
        "uk": "іноді|інколи|часом|час від часу|періодично|спорадично|нестабільно|кожні кілька"
              "|під навантаженням|на проді|в продакшені|у продакшені|лише коли|тільки коли|лише під|тільки під"
              "|лише при|через деякий час|через кілька годин|не завжди|важко відтворити|не відтворюється",
        "tr": "bazen|ara sıra|arada bir|zaman zaman|rastgele|düzensiz|aralıklı|birkaç saatte bir"
              "|birkaç günde bir|yük altında|yoğun yük|üretimde|canlıda|sadece üretimde|sadece canlıda"
              "|bir süre sonra|birkaç saat sonra|her zaman değil|tekrar üretilemiyor",
        "zh": "有时|偶尔|偶发|间歇|随机出现|随机失败|随机报错|不定期|时不时|每隔几|高负载|负载下|压力下"
              "|高并发|生产环境|线上|只有在|只在|仅在|一段时间后|几个小时后|并不总是|不是每次|难以复现|无法复现|复现不了",
        "ja": "時々|ときどき|たまに|時折|まれに|稀に|間欠的|断続的|ランダムに|不定期|数時間ごと|数日ごと|高負荷"
              "|負荷がかかる|負荷時|本番環境|本番で|本番だけ|のときだけ|の時だけ|だけで発生|しばらくすると"
              "|数時間後|いつもではない|再現しない|再現が難しい|再現できない",
        "ko": "가끔|때때로|간헐적|무작위로|랜덤하게|산발적|몇 시간마다|며칠마다|부하가|부하 상황|높은 부하"
              "|운영 환경|프로덕션|운영에서|에서만|때만|일정 시간 후|몇 시간 후|항상은 아니|재현이 어렵"
              "|재현되지 않|재현이 안",
        "vi": "thỉnh thoảng|đôi khi|lúc được lúc không|một cách ngẫu nhiên|không thường xuyên|chập chờn|gián đoạn"
              "|vài giờ một lần|mỗi vài|khi tải cao|dưới tải|tải cao|trên production|môi trường production"
              "|chỉ khi|chỉ trên|chỉ xảy ra|sau một thời gian|sau vài giờ|không phải lúc nào|khó tái hiện"
              "|khó tái tạo|không tái hiện được",
        "id": "kadang|terkadang|sesekali|secara acak|sporadis|intermiten|setiap beberapa|saat beban tinggi"
              "|di bawah beban|beban tinggi|di production|di produksi|hanya saat|hanya ketika"
              "|setelah beberapa waktu|setelah beberapa jam|tidak selalu|sulit direproduksi"
              "|tidak bisa direproduksi",
        "hi": "कभी कभी|कभी कभार|बीच बीच में|अनियमित|हर कुछ|लोड में|लोड के तहत|भारी लोड|प्रोडक्शन में"
              "|सिर्फ प्रोडक्शन|केवल तब|सिर्फ तब|सिर्फ जब|कुछ समय बाद|कुछ घंटों बाद|हमेशा नहीं|kabhi kabhi",
        "ar": "أحيانا|أحياناً|احيانا|من حين لآخر|بشكل متقطع|متقطع|عشوائيا|بشكل عشوائي|كل بضع|تحت الضغط"
              "|تحت الحمل|الحمل العالي|في الإنتاج|بيئة الإنتاج|فقط عندما|فقط عند|بعد فترة|بعد بضع ساعات"
              "|ليس دائما|ليس دائماً|يصعب إعادة إنتاج",
        "cs": "někdy|občas|čas od času|náhodně|sporadicky|nepravidelně|přerušovaně|každých pár|pod zátěží"
              "|v produkci|na produkci|jen když|pouze když|jen pod|po nějaké době|po pár hodinách"
              "|po několika hodinách|ne vždy|těžko reprodukovat|nejde reprodukovat",
    },
    # asks for a decision or a design judgment over options and constraints
    "form_decide": {
        "en": "should we|shall we|should i|trade offs|tradeoffs|tradeoff|trade off|which approach|what approach"
              "|which option|best approach|best way to|recommend|recommendation|propose|proposal|given that"
              "|given our|is it worth|worth it|weigh|decide|decision|choose between|evaluate",
        "de": "sollten wir|sollen wir|soll ich|sollte ich|abwägung|abwägungen|welcher ansatz|welche option"
              "|welche variante|bester ansatz|empfiehlst du|empfehlen|empfehlung|vorschlag|schlage vor"
              "|entscheiden|entscheidung|angesichts|lohnt es sich|bewerten",
        "fr": "devrions nous|devrait on|faut il|dois je|est ce qu on devrait|compromis|quelle approche"
              "|quelle option|meilleure approche|meilleure façon|recommandes tu|recommanderais tu|recommander"
              "|recommandation|proposer|propose|décider|décision|choisir entre|étant donné|vu que"
              "|vaut il la peine|ça vaut le coup|évaluer",
        "es": "deberíamos|deberiamos|conviene|nos conviene|compensaciones|pros y contras|qué enfoque|que enfoque"
              "|qué opción|mejor enfoque|mejor forma|mejor manera|recomiendas|recomendarías|recomendar"
              "|recomendación|propón|propuesta|decidir|decisión|elegir entre|dado que|teniendo en cuenta"
              "|vale la pena|evaluar",
        "pt": "deveríamos|deveriamos|devemos|vale a pena|prós e contras|qual abordagem|qual opção"
              "|melhor abordagem|melhor forma|melhor maneira|recomenda|recomendaria|recomendação|proponha"
              "|proposta|decidir|decisão|escolher entre|dado que|considerando|avaliar",
        "it": "dovremmo|conviene|ci conviene|compromessi|pro e contro|quale approccio|quale opzione"
              "|approccio migliore|il modo migliore|consigli|consiglieresti|raccomandi|consiglio|proponi"
              "|proposta|decidere|decisione|scegliere tra|dato che|considerando|vale la pena|valutare",
        "nl": "moeten we|zouden we|moet ik|zou ik|afwegingen|afweging|welke aanpak|welke optie|beste aanpak"
              "|beste manier|raad je aan|aanbevelen|aanbeveling|voorstel|stel voor|beslissen|besluiten"
              "|beslissing|kiezen tussen|gegeven dat|is het de moeite|loont het|evalueren",
        "pl": "czy powinniśmy|powinniśmy|czy powinienem|czy warto|kompromisy|jakie podejście|które podejście"
              "|która opcja|najlepsze podejście|najlepszy sposób|polecasz|poleciłbyś|zarekomenduj|rekomendacja"
              "|zaproponuj|propozycja|zdecydować|zdecyduj|decyzja|wybrać między|wybór między|biorąc pod uwagę"
              "|zważywszy|ocenić|oceń",
        "ru": "стоит ли|следует ли|нам стоит|нам следует|должны ли мы|компромиссы|какой подход|какой вариант"
              "|лучший подход|лучший способ|что посоветуешь|посоветуй|порекомендуй|рекомендуешь|рекомендация"
              "|предложи|выбрать между|выбор между|учитывая|с учётом|с учетом|оценить|оцени",
        "uk": "чи варто|чи слід|нам варто|нам слід|компроміси|який підхід|який варіант|найкращий підхід"
              "|найкращий спосіб|що порадиш|порадь|порекомендуй|рекомендуєш|рекомендація|запропонуй|пропозиція"
              "|вибрати між|вибір між|враховуючи|з урахуванням|оцінити|оціни",
        "tr": "yapmalı mıyız|kullanmalı mıyız|geçmeli miyiz|mı yoksa|mi yoksa|yoksa|hangi yaklaşım|hangi seçenek"
              "|en iyi yaklaşım|en iyi yol|önerir misin|önerin|öneri|tavsiye|tavsiye eder misin|karar"
              "|karar vermek|arasında seçim|göz önünde bulundurarak|değer mi|değerlendir|artıları ve eksileri",
        "zh": "我们应该|是否应该|应不应该|要不要|权衡|取舍|哪种方案|哪个方案|什么方案|方案|最佳方案|最好的方法"
              "|推荐|建议|决定|选哪个|如何选择|考虑到|值得吗|值不值得|评估",
        "ja": "べきか|べきでしょうか|した方がいい|したほうがいい|トレードオフ|どのアプローチ|どちらが|どっちが"
              "|どの方式|方針|おすすめ|推奨|提案|決める|決定|選ぶ|を考慮|を踏まえ|価値がある|評価",
        "ko": "해야 할까|해야 하나|트레이드오프|어떤 접근|어떤 방식|어떤 방법|어느 쪽|최선의 방법|추천|권장"
              "|제안|결정|고려하면|고려할 때|가치가 있|평가",
        "vi": "có nên|nên dùng|chúng ta nên|đánh đổi|cách tiếp cận nào|phương án nào|lựa chọn nào"
              "|cách tiếp cận tốt nhất|cách tốt nhất|khuyên|đề xuất|gợi ý|quyết định|chọn giữa|lựa chọn giữa"
              "|với điều kiện|xét đến|có đáng|đánh giá",
        "id": "sebaiknya|haruskah|apakah kita harus|apakah sebaiknya|pendekatan mana|opsi mana|pilihan mana"
              "|pendekatan terbaik|cara terbaik|rekomendasikan|rekomendasi|sarankan|saran|usulkan|usulan"
              "|memutuskan|keputusan|memilih antara|mengingat|dengan mempertimbangkan|apakah layak|sepadan"
              "|evaluasi",
        "hi": "क्या हमें|क्या मुझे|कौन सा तरीका|कौन सा विकल्प|कौन सा दृष्टिकोण|सबसे अच्छा तरीका|सुझाव"
              "|सिफारिश|प्रस्ताव|फैसला|निर्णय|के बीच चुन|ध्यान में रखते हुए|लायक|मूल्यांकन",
        "ar": "هل يجب|هل ينبغي|هل علينا|ينبغي أن|المفاضلة|الموازنة|أي نهج|أي خيار|أي طريقة|أفضل نهج"
              "|أفضل طريقة|توصي|تنصح|ما رأيك|اقترح|اقتراح|قرر|القرار|الاختيار بين|نختار|بالنظر إلى|مع الأخذ"
              "|هل يستحق|تقييم",
        "cs": "měli bychom|máme použít|mám použít|kompromisy|jaký přístup|který přístup|která možnost"
              "|nejlepší přístup|nejlepší způsob|doporučíš|doporučil bys|doporučení|navrhni|návrh|rozhodnout"
              "|rozhodnutí|vybrat mezi|volba mezi|vzhledem k|s ohledem na|vyplatí se|stojí za to|zhodnotit"
              "|zhodnoť",
    },
    # a follow-up that carries on with what was decided: yes, go ahead, continue, now run the tests
    "form_followup": {
        "en": "yes|yep|yeah|go ahead|do it|proceed|continue|keep going|carry on|sounds good|looks good|lgtm"
              "|now run|do the same|same for|go on|please continue|commit it|ship it|that works",
        "de": "ja mach|ja bitte|ja gerne|jawohl|mach das|mach es|mach weiter|weitermachen|fortfahren|fahr fort"
              "|leg los|klingt gut|sieht gut aus|passt|jetzt führe|führe jetzt|dasselbe für|das gleiche für"
              "|genauso für",
        "fr": "oui|ouais|vas y|allez y|fais le|faites le|continue|continuez|poursuis|poursuivez|c est bon"
              "|ça marche|ça me va|parfait|maintenant lance|lance les tests|pareil pour|la même chose pour"
              "|d accord",
        "es": "sí|dale|hazlo|adelante|sigue adelante|sigue así|procede|suena bien|se ve bien"
              "|perfecto|de acuerdo|ahora ejecuta|ahora corre|lo mismo para|igual para",
        "pt": "sim|pode fazer|faça isso|faz isso|pode seguir|continue|prossiga|manda ver|vai em frente"
              "|parece bom|perfeito|beleza|agora roda|agora rode|agora execute|o mesmo para|a mesma coisa para"
              "|tá bom|ta bom",
        "it": "sì|fallo|vai pure|procedi|prosegui|va bene|perfetto|ottimo|ora esegui|adesso esegui"
              "|lancia i test|lo stesso per|stessa cosa per|d accordo",
        "nl": "doe maar|doe het|ga je gang|ga door|ga verder|prima|klinkt goed|ziet er goed uit|nu draai"
              "|draai nu|voer nu|hetzelfde voor|akkoord|oké|oke",
        "pl": "zrób to|działaj|kontynuuj|kontynuujmy|śmiało|brzmi dobrze|wygląda dobrze|okej|teraz uruchom"
              "|uruchom testy|to samo dla|zgoda",
        "ru": "да|давай|делай|сделай это|продолжай|продолжи|продолжим|вперёд|вперед|ок|окей|отлично"
              "|звучит хорошо|выглядит хорошо|теперь запусти|запусти тесты|то же самое для|так же для|согласен",
        "uk": "так зроби|давай|роби|зроби це|продовжуй|продовж|вперед|окей|чудово|звучить добре"
              "|виглядає добре|тепер запусти|запусти тести|те саме для|так само для|згоден",
        "tr": "evet|tamam|yap bunu|bunu yap|devam et|ilerle|harika|güzel|iyi görünüyor|şimdi çalıştır"
              "|testleri çalıştır|aynısını|aynı şeyi|anlaştık",
        "zh": "好的|是的|继续|没问题|就这么做|照这样|现在运行|运行测试|跑测试|也这样|同样的|看起来不错|可以的|行吧"
              "|好吧|开始吧|做吧",
        "ja": "はい|うん|進めて|続けて|続行|やって|実行して|いいです|いいね|大丈夫|オーケー|了解|そのまま|今度は"
              "|テストを実行|同じように|同様に|よさそう|良さそう",
        "ko": "좋아|좋아요|좋습니다|진행해|계속해|계속 진행|그렇게 해|그대로|이제 실행|테스트 실행|테스트를 실행"
              "|똑같이|마찬가지로|같은 방식|괜찮아",
        "vi": "vâng|ừ|làm đi|tiếp tục|tiếp đi|cứ làm|tiến hành|đồng ý|nghe hay|trông ổn|tốt lắm|bây giờ chạy"
              "|chạy test|chạy các test|tương tự cho|làm tương tự",
        "id": "iya|oke|lanjut|lanjutkan|teruskan|silakan|kerjakan|lakukan saja|sip|mantap|bagus"
              "|kelihatan bagus|sekarang jalankan|jalankan tes|jalankan test|sama untuk|hal yang sama",
        "hi": "ठीक है|आगे बढ़ो|जारी रखो|जारी रखें|बढ़िया|अच्छा|अब चलाओ|टेस्ट चलाओ|इसी तरह"
              "|haan|theek hai",
        "ar": "نعم|أجل|حسنا|حسناً|تمام|موافق|افعل ذلك|تابع|استمر|أكمل|اكمل|ممتاز|يبدو جيدا|الآن شغل"
              "|شغل الاختبارات|نفس الشيء|بالمثل",
        "cs": "ano|jo|jasně|udělej to|pokračuj|pokračujte|pokračujme|do toho|výborně|zní dobře"
              "|vypadá dobře|teď spusť|spusť testy|totéž pro|to samé pro|souhlasím",
    },
}
FORMS: tuple[str, ...] = tuple(LEXICON)
