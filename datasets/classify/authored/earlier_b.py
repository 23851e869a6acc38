"""Build datasets/classify/authored/earlier_b.jsonl (python earlier_b.py earlier_b.jsonl): a second hand-written batch, written after the rule
changes and scored once, so it is untouched by them."""
import json, sys
R = []
def add(tier, style, why, prompt):
    R.append({"id": f"hb-{len(R)+1:03d}", "prompt": prompt.strip("\n"), "tier": tier, "style": style, "why": why})
F = "```"
add(1, "terse", "config value", "set max_connections to 200 in postgresql.conf")
add(1, "terse", "string edit", "the button says 'Submitt', make it 'Submit'")
add(1, "plain+code", "add trailing commas / formatting", f"""run this through black-style formatting for me, don't change logic

{F}python
x = {{ 'a':1,'b' :2 }}
def f( a,b ):
  return a+ b
{F}""")
add(1, "i18n es", "rename", "Renombra la función calcTot a calcular_total en todo el archivo.")
add(1, "multi-turn", "PR description after solved bug", """[Earlier in this conversation]
User: our kafka consumer double-processes messages during deploys.
Assistant: The consumer commits offsets after a rebalance has already revoked the partitions; switch to cooperative-sticky and commit in on_partitions_revoked.
User: that fixed it.
[New message]
write the PR description""")
add(1, "trap word", "mechanical rename in a perf module", "rename perf_utils.py to profiling.py and update the three imports that point at it")
add(1, "plain", "boilerplate enum", "Create a TypeScript enum OrderStatus with Pending, Paid, Shipped, Cancelled.")
add(1, "long paste", "comments on visible SQL", "Add a one-line comment above each CTE saying what it selects.\n\n" + F + "sql\n" + "\n".join(
    f"WITH step{i} AS (SELECT id, amount FROM payments WHERE month = {i})," for i in range(1, 13)) + "\nSELECT 1;\n" + F)
add(1, "i18n zh", "add comments", "给这个函数加上中文注释。\n\n" + F + "python\ndef area(r):\n    return 3.14159 * r * r\n" + F)
add(1, "terse", "remove code", "delete the commented-out code blocks in utils.js")
add(2, "terse", "function from spec", "python fn: merge two sorted lists into one sorted list without using sort()")
add(2, "plain", "unit tests", "Write Jest tests for formatPrice(): negative numbers, zero, rounding to 2 decimals, and the currency symbol option.")
add(2, "traceback", "visible None", f"""AttributeError: 'NoneType' object has no attribute 'email' in notify()

{F}python
def notify(order_id):
    user = User.query.get(order_id and Order.query.get(order_id).user_id)
    send(user.email, "shipped")
{F}
(the user was deleted last week for this order)""")
add(2, "plain", "CRUD", "Spring Boot: REST controller for Product (name, sku, price, stock) with create/read/update/delete, 404 when missing, validation on sku format.")
add(2, "i18n fr", "function from spec", "Écris une fonction JavaScript qui regroupe un tableau d'objets par une clé donnée et retourne un objet.")
add(2, "plain", "refactor", "Extract the retry logic duplicated in these three API clients into one decorator with max_attempts and backoff parameters.")
add(2, "multi-turn", "follow-up implementation", """[Earlier in this conversation]
User: build a CSV export for the users table.
Assistant: Here's an endpoint streaming the CSV with the csv module.
[New message]
also add an optional ?since=YYYY-MM-DD filter and return 400 for a bad date""")
add(2, "plain", "standard security fix", "Add the standard security headers (CSP, HSTS, X-Content-Type-Options, Referrer-Policy) to our Express app with helmet.")
add(3, "terse", "intermittent", "the websocket connections drop every ~10 min but only for users on the corporate VPN. ideas?")
add(3, "design", "architecture", "We need audit logs that can't be tampered with, even by our own DBAs. How would you design it?")
add(3, "mech-phrased", "docstring needing a subtle bug found", f"""write a docstring for this that warns callers about when it can return a wrong total

{F}python
_total = 0
def add(x):
    global _total
    t = _total
    t += x
    _total = t
    return _total
# called from a ThreadPoolExecutor with 8 workers
{F}""")
add(3, "i18n de", "performance diagnosis", "Seit dem letzten Release braucht der Export-Job dreimal so lange, obwohl sich die Datenmenge kaum geändert hat. Wie gehe ich bei der Ursachensuche vor?")
add(3, "review", "security audit", "Can you audit our JWT setup? We sign with HS256, the secret is in the frontend env for refresh, tokens live 30 days.")
add(3, "terse", "cache consistency", "users sometimes see someone else's cart for a second after login. we cache by session cookie in varnish")
add(3, "plain", "capacity/perf", "Our Postgres CPU is at 95% during the 9am spike and the slowest query changes every day. How do we figure out what to fix first?")
add(3, "multi-turn", "hard new question after easy turns", """[Earlier in this conversation]
User: add type hints to cart.py
Assistant: Done.
[New message]
unrelated: when two people check out the last item at the same moment, both orders succeed and stock goes to -1. what's the right fix here?""")
with open(sys.argv[1], "w", encoding="utf-8") as fh:
    for r in R:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
from collections import Counter
print(len(R), Counter(r["tier"] for r in R))
