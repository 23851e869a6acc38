import pytest

from costsim.routing.rules import (
    Decision,
    KeywordRules,
    count_file_references,
    keyword_tier,
    new_message,
    request_prose,
    smart_rules_tier,
)

ABA_SESSION = (
    "[Earlier in this conversation]\n"
    "User: Our lock-free stack sometimes loses items under contention; here is pop().\n"
    "Assistant: This is the ABA problem: a node is freed and reused between the read of head and the CAS. "
    "Use tagged pointers or hazard pointers.\n"
    "User: Tagged pointers fixed it, the stress test has run for 12 hours without loss.\n"
    "[New message]\n"
    "Great. Write the commit message for this."
)

CAS_STACK = '''```cpp
Node* pop() {
    Node* old = head.load();
    while (old && !head.compare_exchange_weak(old, old->next)) {}
    T value = old->value;
    delete old;
    return value;
}
```'''


# --- keyword rules (the document's naive rules) ------------------------------

def test_keyword_rules_tier3_checked_before_tier1():
    d = keyword_tier("Fix the typo in the security banner and rename the variable")
    assert d.tier == 3
    assert d.reason == 'keyword "security" → tier 3'


def test_keyword_rules_match_is_case_insensitive_substring():
    assert keyword_tier("Please RENAME foo to bar").tier == 1
    assert keyword_tier("implementation of the parser").tier == 2  # substring "implement"


def test_keyword_rules_short_prompt_without_keyword_is_tier1():
    d = keyword_tier("x" * (4 * 499))
    assert d.tier == 1


def test_keyword_rules_long_prompt_with_two_files_is_tier3():
    body = "look at app/main.py and app/models.py " + "y" * (4 * 3001)
    assert count_file_references(body) == 2
    assert keyword_tier(body).tier == 3


def test_keyword_rules_long_prompt_one_file_falls_to_default():
    body = "look at app/main.py " + "y" * (4 * 3001)
    assert keyword_tier(body).tier == 2
    assert keyword_tier(body, KeywordRules(default_tier=3)).tier == 3


def test_keyword_rules_use_a_passed_token_counter():
    text = "hello there"
    assert keyword_tier(text).tier == 1
    assert keyword_tier(text, count_tokens=lambda s: 1000).tier == 2


def test_keyword_rules_are_naive_about_traps():
    # The point of the baseline: pasted identifiers and object names escalate it.
    assert keyword_tier('Fix the typo in the security banner ("sesion" -> "session").').tier == 3


# --- prose extraction ---------------------------------------------------------

def test_request_prose_drops_fences_logs_and_inline_code():
    prompt = (
        "Rename `debug_mode` to `verbose` please.\n\n```python\nlogger.debug('x')\n```\n"
        "Traceback (most recent call last):\n  File \"a.py\", line 3, in <module>\nValueError: bad"
    )
    prose = request_prose(prompt)
    assert "debug" not in prose.lower()
    assert "ValueError" not in prose
    assert prose.startswith("Rename CODE to CODE")


def test_new_message_splits_multi_turn():
    earlier, msg = new_message(ABA_SESSION)
    assert "ABA" in earlier
    assert msg == "Great. Write the commit message for this."
    assert new_message("plain") == ("", "plain")


# --- smart rules: the LABELING.md examples and traps --------------------------

def test_typo_in_security_banner_is_tier1():
    assert smart_rules_tier('Fix the typo in the security banner ("sesion" -> "session").').tier == 1


def test_docstrings_for_pasted_functions_is_tier1():
    code = "```python\ndef a(x):\n    return x\n\ndef b(y):\n    logger.debug(y)\n    return y\n```"
    assert smart_rules_tier("Add docstrings to these functions (Google style).\n\n" + code).tier == 1


def test_commit_message_after_hard_session_is_tier1():
    d = smart_rules_tier(ABA_SESSION)
    assert d.tier == 1
    assert "new message" in d.reason


def test_crud_endpoints_is_tier2():
    p = ("Add CRUD endpoints for `Invoice` in FastAPI (fields: customer_id, amount_cents, currency, due_date, "
         "status). Return 404 for unknown ids.")
    assert smart_rules_tier(p).tier == 2


def test_debug_with_visible_cause_is_tier2():
    p = (
        "Can you debug this for me?\n\n```python\ndef avg_rating(reviews):\n    total = sum(r.stars for r in reviews)\n"
        "    return total / len(reviews)\n```\n\nZeroDivisionError: division by zero (reviews=[])"
    )
    assert smart_rules_tier(p).tier == 2


def test_rename_with_deprecated_alias_is_tier2():
    p = (
        "Rename `get_user` to `fetch_user`, but three other teams import it, so keep `get_user` working as a "
        "deprecated alias that warns once."
    )
    assert smart_rules_tier(p).tier == 2


def test_comment_explaining_lost_items_is_tier3():
    p = "Add a comment above `pop()` explaining why this stack loses items under contention.\n\n" + CAS_STACK
    d = smart_rules_tier(p)
    assert d.tier == 3
    assert isinstance(d, Decision) and d.reason.endswith("→ tier 3")


def test_zero_downtime_column_rename_is_tier3():
    p = (
        "Just rename the `user_id` column to `account_id` in the `events` table. Four services read it, Debezium "
        "streams it into the warehouse, and we can't take downtime."
    )
    assert smart_rules_tier(p).tier == 3


def test_duplicate_rows_in_production_is_tier3():
    p = (
        "Every few days we find two rows with the same `external_id` even though the code checks first. Only in "
        "production (8 gunicorn workers, 2 pods).\n\n```python\nobj = Thing.objects.filter(external_id=x).first()\n"
        "if obj is None:\n    obj = Thing.objects.create(external_id=x)\n```"
    )
    assert smart_rules_tier(p).tier == 3


def test_rename_debug_mode_is_tier1():
    assert smart_rules_tier("rename `debug_mode` to `verbose_mode` in this module").tier == 1


def test_keywords_inside_pasted_code_do_not_count():
    p = (
        "Add type hints to this function.\n\n```python\ndef parse(ts):\n    logger.debug('security check')\n"
        "    return datetime.fromisoformat(ts)\n```"
    )
    assert smart_rules_tier(p).tier == 1


def test_long_paste_is_not_hardness_by_itself():
    files = "\n\n".join(f"```python\n# file app/m{i}.py\n" + "def f():\n    return 1\n" * 200 + "```" for i in range(4))
    assert len(files) > 12000
    assert smart_rules_tier("Add docstrings to every function in these files.\n\n" + files).tier == 1


# Signals added after the hand-written held-out set (datasets/classify/authored/earlier_a.jsonl) exposed them.
@pytest.mark.parametrize(
    "prompt, tier",
    [
        ("Port this worker to Go.\n```python\nimport threading\nseen = {}\ndef w(q):\n    seen[q.get()] = 1\n```", 3),
        ("Port this helper to Go.\n```python\ndef clamp(v, lo, hi):\n    return max(lo, min(v, hi))\n```", 2),
        ("Translate these UI strings to German: 'Threads', 'Reply', 'Mark as read'", 1),
        ("Nos workers Celery se bloquent de temps en temps sans erreur. Comment trouver la cause ?", 3),
        ("Should we put the notification service behind a queue or keep calling it synchronously?", 3),
        ("strip the console.log lines from this, they were for debugging", 1),
        ("Our /search handler builds its SQL with f-strings; switch it to parameterized queries.", 2),
        ("Add a .dockerignore that excludes node_modules and .git", 1),
    ],
)
def test_principled_signals(prompt, tier):
    assert smart_rules_tier(prompt).tier == tier, smart_rules_tier(prompt).reason


def test_grouping_the_bounded_alternatives_never_moves_a_match():
    """`_rx` puts the alternatives that start with \\b behind one \\b (speed); matched against every
    labeled request, each rule list finds the same span and text as the plain alternation would."""
    import json
    import re
    from pathlib import Path

    from costsim.routing import rules

    root = Path(__file__).resolve().parents[1] / "datasets" / "classify"
    prompts = [json.loads(line)["prompt"] for line in (root / "train.jsonl").open(encoding="utf-8")]
    texts = [t for p in prompts for t in (rules.request_prose(p).lower(), p.lower())]
    lists = [rx for group in (rules._T1_ACTIONS, rules._T2_SIGNALS, rules._T3_SIGNALS) for _, rx in group]
    assert len(lists) > 20 and all(rx in rules._ALTERNATIVES for rx in lists)
    for grouped in lists:
        plain = re.compile("|".join(f"(?:{a})" for a in rules._ALTERNATIVES[grouped]).replace("CODE", "code"))
        for text in texts:
            a, b = grouped.search(text), plain.search(text)
            assert (a and (a.span(), a.group(0))) == (b and (b.span(), b.group(0))), (plain.pattern[:80], text[:80])


def test_pasted_pytest_output_is_not_prose():
    """A pytest failure pasted with no words (its "E   " and ">   " lines, separators, file:line) is a
    pasted error: no prose of its own, and marked as an error."""
    from costsim.routing.rules import joined, joined_prose, message_prose

    paste = (
        ">       mock_get.assert_called_once()\n\n"
        "tests/basic/test_sendchat.py:52: \n"
        "_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _\n"
        "E           AssertionError: Expected 'get' to have been called once. Called 0 times."
    )
    prose, _, errors = joined_prose(joined([paste, "fix this\n" + paste]))
    assert [p.split() for p in prose.split("\x00")[1:]] == [[], ["fix", "this"]]
    assert errors == {0, 1}
    assert message_prose("> quoted reply, one space") == "> quoted reply, one space"
