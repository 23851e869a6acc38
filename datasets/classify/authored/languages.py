#!/usr/bin/env python3
"""Builds languages.jsonl: short asks and questions in languages other than English (German, Spanish,
French, Portuguese, Italian, Dutch, Polish, Russian, Chinese, Japanese, Korean), labeled by the same rules.
Written for issue 15 from LABELING.md and a style brief only, without reading the other sets.
Run: python3 languages.py"""
import json
from pathlib import Path

AUTHOR = "issue-15 author L (model-assisted); brief: non-English asks"
ROWS = [
    ("Wie benenne ich einen Git-Branch um?", 1),
    ("Kannst du der Funktion `parse_date` einen Docstring hinzufügen?", 1),
    ("Was ist der Unterschied zwischen einer Liste und einem Tupel in Python?", 1),
    ("Bitte die Variable `tmp` in `offene_rechnungen` umbenennen.", 1),
    ("Schreib mir eine Funktion, die eine IBAN prüft (Länge und Prüfsumme).", 2),
    ("Unser Kafka-Consumer verarbeitet manche Nachrichten doppelt, aber nur wenn mehrere Pods laufen. Woran kann das liegen?", 3),
    ("¿Cómo borro una rama remota en git?", 1),
    ("¿Qué significa el error 'CORS policy: No Access-Control-Allow-Origin'?", 1),
    ("Corrige la falta de ortografía en el mensaje: 'contraseña incorrecata'.", 1),
    ("Escribe tests unitarios para la función `calcular_iva` (21% general, 10% reducido, 4% superreducido).", 2),
    ("Crea un endpoint REST para listar pedidos con filtros por fecha y estado.", 2),
    ("¿Deberíamos separar el servicio de pagos del monolito? Somos 5 personas y los despliegues tardan una hora.", 3),
    ("Comment installer une version précise de Node avec nvm ?", 1),
    ("Ajoute des commentaires à cette fonction, s'il te plaît.", 1),
    ("Qu'est-ce qu'une promesse en JavaScript ?", 1),
    ("Écris une fonction qui regroupe les commandes par client et calcule le total.", 2),
    ("Nos temps de réponse p99 ont doublé depuis la mise à jour de Postgres, sans changement de code. Comment trouver la cause ?", 3),
    ("Como faço para desfazer o último commit sem perder as alterações?", 1),
    ("Traduz estas mensagens de erro para português: 'File not found', 'Access denied', 'Try again later'.", 1),
    ("Implementa um endpoint de login com JWT e refresh token em Express.", 2),
    ("Às vezes o saldo da conta fica negativo quando dois pagamentos chegam ao mesmo tempo. Por quê?", 3),
    ("Come si crea un ambiente virtuale in Python?", 1),
    ("Aggiungi i type hint a queste funzioni, senza cambiare altro.", 1),
    ("Scrivi una query SQL che restituisce i 5 clienti con più ordini nell'ultimo mese.", 2),
    ("Hoe verwijder ik alle gestopte Docker-containers?", 1),
    ("Schrijf een functie die een Nederlandse postcode valideert.", 2),
    ("Jak zmienić nazwę gałęzi w gicie?", 1),
    ("Napisz testy jednostkowe dla klasy `Koszyk` (dodawanie, usuwanie, suma).", 2),
    ("Как посмотреть, какой процесс занимает порт 8080?", 1),
    ("Что такое замыкание в JavaScript?", 1),
    ("Напиши функцию на Go, которая читает CSV и возвращает срез структур.", 2),
    ("У нас иногда теряются сообщения между сервисами заказов и склада, примерно раз в неделю. Как это расследовать?", 3),
    ("如何在 git 中重命名分支？", 1),
    ("什么是幂等性？", 1),
    ("给这个函数加上注释。", 1),
    ("写一个 Python 函数，按月份统计订单总金额。", 2),
    ("我们的服务在高并发时偶尔会出现重复扣款，应该如何设计才能保证只扣一次？", 3),
    ("git でブランチ名を変更するにはどうすればいいですか？", 1),
    ("この関数にコメントを追加してください。", 1),
    ("ユーザー一覧 API にページネーションを追加してください（page と per_page）。", 2),
    ("本番環境だけでメモリ使用量が毎日少しずつ増えて、数日で OOM になります。原因の調べ方を教えてください。", 3),
    ("git에서 브랜치 이름을 바꾸려면 어떻게 하나요?", 1),
    ("이 함수에 타입 힌트를 추가해 주세요.", 1),
    ("주문 목록을 CSV로 내보내는 API 엔드포인트를 만들어 주세요.", 2),
    ("여러 리전에 걸쳐 데이터를 복제할 때 일관성을 어떻게 보장해야 할까요?", 3),
]

def main():
    out = Path(__file__).with_suffix(".jsonl")
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"la-{i:04d}", "prompt": p, "tier": t, "author": AUTHOR}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(ROWS)} records")

if __name__ == "__main__":
    main()
