"""Keyword rules (the document's), `costsim classify`, and the library call."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from costsim import classify_prompt
from costsim.routing.rules import KeywordRules, keyword_tier


@pytest.mark.parametrize("prompt,tier,keyword", [
    ("Please add comment lines to this function", 1, "add comment"),
    ("Rename foo to bar", 1, "rename"),
    ("Implement the login endpoint", 2, "implement"),
    ("write tests for slugify", 2, "write test"),
    ("Help me debug this flaky test", 3, "debug"),
    ("Review the security of this handler", 3, "security"),
    # tier 3 keywords are checked first: the document says "anything with" them goes to tier 3
    ("Rename the variable, then debug the race", 3, "debug"),
])
def test_document_keywords(prompt, tier, keyword):
    decision = keyword_tier(prompt)
    assert decision.tier == tier
    assert f'"{keyword}"' in decision.reason


def test_token_heuristics():
    rules = KeywordRules()
    assert keyword_tier("what does this do?").tier == 1  # under 500 tokens, no keyword
    mid = "x" * (4 * 1000)  # ~1,000 tokens at four characters a token
    assert keyword_tier(mid).tier == rules.default_tier
    long_multi = "see app/models.py and app/views.py " + "y" * (4 * 3100)
    assert keyword_tier(long_multi).tier == 3
    long_single = "see app/models.py " + "y" * (4 * 3100)
    assert keyword_tier(long_single).tier == 2


def test_library_call_is_the_same_function():
    assert classify_prompt("Rename foo to bar").tier == 1


def test_cli_one_prompt(cli):
    result = cli("classify", "Rename foo to bar", "--classifier", "keywords")
    assert result.exit_code == 0
    assert result.stdout.startswith("tier 1 (Mechanical → gpt-5-nano)")


def test_cli_stdin(cli):
    result = cli("classify", "--classifier", "keywords", input="debug this deadlock\n")
    assert result.stdout.startswith("tier 3")


def test_cli_file_jsonl(cli, tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "x1", "prompt": "Rename foo"}\n{"prompt": "implement a cache"}\n')
    result = cli("classify", "--file", str(path), "--format", "jsonl", "--classifier", "keywords")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["tier"]) for r in lines] == [("x1", 1), (None, 2)]
    assert all(r["reason"] for r in lines)


def test_cli_plain_list_of_prompts(cli, tmp_path):
    path = tmp_path / "p.json"
    path.write_text('["Rename foo", "debug the race"]')
    result = cli("classify", "--file", str(path), "--format", "jsonl", "--classifier", "keywords")
    assert [json.loads(line)["tier"] for line in result.stdout.splitlines()] == [1, 3]


@pytest.mark.parametrize("content,message", [
    ('{"id": 1}\n', ":1: empty or missing `prompt`"),
    ('{"prompt": "ok"}\n{oops\n', ":2: malformed JSON"),
    ("", "file is empty"),
    (b'{"prompt": "ok"}\n{"prompt": "caf\xe9"}\n', ":2: not UTF-8 text (byte 0xe9)"),  # Latin-1, not UTF-8
])
def test_cli_bad_file(cli, tmp_path, content, message):
    path = tmp_path / "p.jsonl"
    path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content)
    result = cli("classify", "--file", str(path), "--format", "jsonl")
    assert result.exit_code == 2
    assert message in result.stderr


def test_cli_stdin_that_is_not_utf8(cli):
    """Bytes that are not UTF-8 become U+FFFD, as in a log read from stdin, and the reason prints."""
    result = cli("classify", "--classifier", "keywords", input=b"rename foo\xff to bar\n")
    assert result.exit_code == 0 and result.stdout.startswith("tier 1")


def test_cli_empty_prompt(cli):
    result = cli("classify", input="  \n")
    assert result.exit_code == 2
    assert "no prompt given" in result.stderr


def test_estimate_classifies_each_distinct_prompt_once_over_the_whole_run():
    from costsim.routing.pool import Remembering
    from costsim.routing.rules import Decision

    asked = []

    def counting(prompts):
        asked.extend(prompts)
        return [Decision(1, "x") for _ in prompts]

    classify = Remembering(counting)
    assert classify.tiers(["a", "b", "a"]).tolist() == [1, 1, 1]
    classify.tiers(["b", "c"])  # a later chunk: only the new prompt is classified
    assert asked == ["a", "b", "c"]
    assert [d.reason for d in classify(["c", "d", "c"])] == ["x", "x", "x"]  # decisions: reasons too, each once
    assert asked == ["a", "b", "c", "c", "d"]


def test_remembered_tiers_are_a_digest_and_a_byte_a_prompt_and_stay_within_the_limit():
    from costsim.routing.pool import Remembering
    from costsim.routing.rules import Decision

    classify = Remembering(lambda prompts: [Decision(1 + len(p) % 3, "x") for p in prompts], max_prompts=250)
    for start in range(0, 300, 7):  # many small batches: runs of digests merged as they come
        batch = [f"prompt {i}" for i in range(start, start + 7)]
        assert classify.tiers(batch).tolist() == [1 + len(p) % 3 for p in batch]
    assert len(classify.seen) == 250
    assert classify.tiers(["prompt 5", "prompt 299"]).tolist() == [1 + len("prompt 5") % 3, 1 + len("prompt 299") % 3]
    assert sum(keys.nbytes + tiers.nbytes for keys, tiers in classify.seen.runs) == 250 * 9


def test_a_big_batch_of_new_prompts_is_decided_by_spawned_worker_processes(monkeypatch):
    """The workers are spawned (macOS's start method), get the classifier pickled, and decide as this
    process would; a classifier that cannot be pickled decides here."""
    from costsim.routing import pool as classify_pool
    from costsim.routing.classify import make_classifier
    from costsim.routing.policy import load_policy
    from costsim.routing.pool import Remembering

    monkeypatch.setattr(classify_pool, "PARALLEL_FROM", 10)
    monkeypatch.setenv("COSTSIM_WORKERS", "2")
    prompts = [
        f"rename helper_{i} to util_{i}" if i % 3 else f"why does job {i} deadlock sometimes?" for i in range(60)
    ]
    _, learned = make_classifier(load_policy(), "learned")
    classify = Remembering(learned)
    try:
        decisions = classify(prompts + prompts[:5])
        assert classify.pool is not None and [p._start_method for p, _ in classify.pool.links] == ["spawn"]
    finally:
        classify.close()
    assert decisions == learned(prompts + prompts[:5])
    assert classify.pool is None
    asked = []
    local = Remembering(lambda batch: asked.extend(batch) or learned(batch))
    assert local(prompts) == learned(prompts) and asked == prompts and local.pool is None


def test_the_pool_splits_a_batch_over_this_process_and_its_workers_and_keeps_the_order(monkeypatch):
    """Parts go out as one NUL-joined string (or as a list when a prompt holds a NUL), this process decides
    the last part, and the decisions come back in the prompts' order, whatever the classifier returns."""
    from costsim.routing import pool as classify_pool
    from costsim.routing.learned import LearnedClassifier
    from costsim.routing.pool import Remembering, _packed

    assert _packed(["a", "b"]) == "a\x00b" and _packed(["a\x00", "b"]) == ["a\x00", "b"]
    monkeypatch.setattr(classify_pool, "PARALLEL_FROM", 10)
    monkeypatch.setenv("COSTSIM_WORKERS", "3")
    clf = LearnedClassifier.load()
    prompts = [f"add a docstring to helper_{i}" if i % 2 else f"why do job {i}'s writes get lost under load?"
               for i in range(40)] + ["a\x00b"]
    classify = Remembering(clf.tiers)
    try:
        assert classify.start() and classify.pool is not None and len(classify.pool.links) == 2
        assert classify(prompts) == clf.tiers(prompts).tolist()  # with a NUL: parts sent as lists
        assert classify([p + " now" for p in prompts[:-1]]) == clf.tiers([p + " now" for p in prompts[:-1]]).tolist()
    finally:
        classify.close()


def _stops_or_fails_on_a_marker(prompts):
    """A picklable classifier for the worker tests: a worker process that meets "stop" exits, "fail" raises."""
    import os

    if "stop" in prompts:
        os._exit(3)
    if "fail" in prompts:
        raise ValueError("no tier for 'fail'")
    return [1] * len(prompts)


@pytest.mark.parametrize("marker, says", [("stop", "stopped (exit code 3)"),
                                          ("fail", "ValueError: no tier for 'fail'")])
def test_a_worker_that_stops_or_fails_is_an_error_not_a_hang(monkeypatch, marker, says):
    from costsim.routing import pool as classify_pool
    from costsim.routing.pool import Remembering

    monkeypatch.setattr(classify_pool, "PARALLEL_FROM", 10)
    monkeypatch.setenv("COSTSIM_WORKERS", "2")
    classify = Remembering(_stops_or_fails_on_a_marker)
    try:
        assert classify([f"p{i}" for i in range(20)]) == [1] * 20  # the worker decides the first half
        with pytest.raises(RuntimeError, match=re.escape(says)):
            classify([marker] + [f"q{i}" for i in range(19)])  # the marker is in the worker's half
    finally:
        classify.close()
    assert classify.pool is None


def test_costsim_workers_sets_the_pools_size_and_is_checked(monkeypatch, cli):
    from costsim.routing import pool as classify_pool
    from costsim.routing.pool import Remembering, cores

    monkeypatch.setenv("COSTSIM_WORKERS", "1")
    monkeypatch.setattr(classify_pool, "PARALLEL_FROM", 2)
    asked = []
    classify = Remembering(lambda prompts: asked.extend(prompts) or [None] * len(prompts))
    classify(["a", "b", "c"])
    assert cores() == 1 and asked == ["a", "b", "c"] and classify.pool is None  # decided here, no pool
    monkeypatch.setenv("COSTSIM_WORKERS", "3")
    assert cores() == 3
    monkeypatch.setenv("COSTSIM_WORKERS", "zero")
    result = cli("estimate", "samples/logs/claude-code")
    assert result.exit_code == 2
    assert "COSTSIM_WORKERS must be a whole number >= 1, got 'zero'" in result.stderr


def test_a_remembering_classifier_gives_the_same_tiers_and_the_samples_reasons():
    """Through `Remembering.tiers` a chunk gets the tiers the decisions give, and the rows --explain
    samples (each tier's first EXPLAINED_PER_TIER with text) their own reasons; the rest say TIER_ONLY."""
    from costsim.routing.classify import EXPLAINED_PER_TIER, TIER_ONLY, classify_frame, make_classifier
    from costsim.routing.policy import load_policy
    from costsim.routing.pool import Remembering

    policy = load_policy()
    _, learned = make_classifier(policy, "learned")
    prompts = [f"rename helper_{i} to util_{i}" if i % 3 else f"why does job {i} deadlock?" for i in range(90)]
    chunk = pd.DataFrame({"prompt": prompts + prompts[:10], "tier": pd.array([None] * 100, dtype="Int64"),
                          "input_tokens": 100, "cache_read_tokens": 0, "cache_write_5m_tokens": 0,
                          "cache_write_1h_tokens": 0})
    plain = classify_frame(chunk, policy, learned)
    remembered = classify_frame(chunk, policy, Remembering(learned, parallel=False))
    assert remembered["tier"].tolist() == plain["tier"].tolist()
    sample = remembered.groupby("tier").head(EXPLAINED_PER_TIER)
    assert sample["reason"].tolist() == plain.loc[sample.index, "reason"].tolist()
    assert TIER_ONLY not in set(sample["reason"]) and TIER_ONLY in set(remembered["reason"])


def test_tiers_of_a_big_batch_come_back_from_the_worker_processes_as_the_decisions_tiers(monkeypatch):
    from costsim.routing import pool as classify_pool
    from costsim.routing.classify import make_classifier
    from costsim.routing.policy import load_policy
    from costsim.routing.pool import Remembering

    monkeypatch.setattr(classify_pool, "PARALLEL_FROM", 10)
    monkeypatch.setenv("COSTSIM_WORKERS", "2")
    prompts = [f"rename helper_{i} to util_{i}" if i % 3 else f"why does job {i} deadlock?" for i in range(60)]
    _, learned = make_classifier(load_policy(), "learned")
    classify = Remembering(learned)
    try:
        tiers = classify.tiers(prompts + prompts[:5])
        assert classify.pool is not None
    finally:
        classify.close()
    assert tiers.dtype == "int8" and tiers.tolist() == [d.tier for d in learned(prompts + prompts[:5])]


@pytest.mark.parametrize("log_kind", ["claude-code", "neutral"])
@pytest.mark.parametrize("classifier", ["learned", "keywords"])
def test_prompts_go_to_workers_unless_a_batched_classifier_meets_them_while_the_engine_reads(
        cli, tmp_path, monkeypatch, classifier, log_kind):
    """A Claude Code tree's prompts are classified as the engine reads, its threads on every core: the
    learned classifier's batch call (~290,000 short prompts a second) decides them in this process, where a
    worker process cost more than it saved; the keyword rules (~10,000 a second) still split a big batch over
    worker processes. A chunk's new prompts (any other log) go to workers with either: this thread is then
    the one working, and a worker halves its share."""
    from costsim.routing import pool as classify_pool

    asked = []
    monkeypatch.setenv("COSTSIM_WORKERS", "2")
    monkeypatch.setattr(classify_pool.Remembering, "start", lambda self: asked.append(True) and False)
    prompts = [f"rename helper_{i} to util_{i}" for i in range(classify_pool.PARALLEL_FROM)]
    if log_kind == "neutral":
        log = tmp_path / "log.jsonl"
        log.write_text("".join(json.dumps({"model": "gpt-5", "input_tokens": 10, "output_tokens": 5, "prompt": p})
                               + "\n" for p in prompts))
    else:
        log = tmp_path / "projects" / "p"
        log.mkdir(parents=True)
        usage = {"input_tokens": 3, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 7}
        (log / "s.jsonl").write_text("".join(
            json.dumps({"parentUuid": None, "sessionId": "s", "type": "user", "timestamp": "2026-05-01T09:59:00Z",
                        "message": {"role": "user", "content": p}}) + "\n"
            + json.dumps({"parentUuid": None, "sessionId": "s", "type": "assistant", "requestId": f"req{i}",
                          "timestamp": "2026-05-01T10:00:00Z",
                          "message": {"id": f"msg{i}", "type": "message", "role": "assistant",
                                      "model": "claude-sonnet-4-5", "content": [], "usage": usage}}) + "\n"
            for i, p in enumerate(prompts)))
    result = cli("estimate", str(log), "--classifier", classifier, "--as-of", "2026-05-14", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["accounting"]["priced"] == len(prompts)
    assert asked == ([] if (classifier, log_kind) == ("learned", "claude-code") else [True])
