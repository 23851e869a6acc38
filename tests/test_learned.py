import json

import numpy as np
import pytest

from costsim.routing.learned import (
    ClassifierFileError,
    FeaturizerConfig,
    LearnedClassifier,
    calibrate,
    decide,
    default_classifier_path,
    featurize,
)
from costsim.routing.rules import Decision
from costsim.routing.train import save_weights, train

TINY = [
    {"prompt": "rename `foo` to `bar`", "tier": 1},
    {"prompt": "add docstrings to these functions", "tier": 1},
    {"prompt": "fix the typo in the banner", "tier": 1},
    {"prompt": "implement a CRUD endpoint for invoices with tests", "tier": 2},
    {"prompt": "write unit tests for the parser", "tier": 2},
    {"prompt": "refactor this function into two", "tier": 2},
    {"prompt": "orders sometimes get charged twice under load, why?", "tier": 3},
    {"prompt": "design the sync protocol and conflict resolution", "tier": 3},
]


def _tiny_weights(**kw):
    return train(TINY, config=FeaturizerConfig(), min_df=1, iterations=150, **kw)


def test_training_is_deterministic():
    assert json.dumps(_tiny_weights()) == json.dumps(_tiny_weights())


def test_tiny_model_fits_its_training_set(tmp_path):
    path = save_weights(_tiny_weights(), tmp_path / "m.json")
    clf = LearnedClassifier.load(path)
    decisions = clf.predict([r["prompt"] for r in TINY])
    assert [d.tier for d in decisions] == [r["tier"] for r in TINY]
    probs = clf.predict_proba([r["prompt"] for r in TINY])
    assert probs.shape == (8, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)
    for d, p in zip(decisions, probs):
        assert isinstance(d, Decision)
        assert d.confidence == pytest.approx(p.max())
        assert d.features and all(isinstance(n, str) and c > 0 for n, c in d.features)


def test_featurize_ignores_pasted_code():
    f = featurize("add type hints\n\n```python\nlogger.debug(x)\n```", FeaturizerConfig())
    assert not any("debug" in k for k in f)
    assert f["d:has_code"] == 1.0


@pytest.mark.parametrize(
    "content, problem",
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"format": "something-else", "version": 1}), "format"),
        (json.dumps({"format": "costsim-classifier", "version": 1}), "version 1"),
        (json.dumps([1, 2, 3]), "not a JSON object"),
    ],
)
def test_bad_files_raise_classifier_file_error(tmp_path, content, problem):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ClassifierFileError) as exc:
        LearnedClassifier.load(path)
    assert problem in exc.value.problem
    assert exc.value.path == str(path)


def test_shape_mismatch_raises(tmp_path):
    w = _tiny_weights()
    w["weights"] = w["weights"][:-1]
    path = save_weights(w, tmp_path / "m.json")
    with pytest.raises(ClassifierFileError, match="shape"):
        LearnedClassifier.load(path)


def test_missing_file_raises(tmp_path):
    with pytest.raises(ClassifierFileError, match="cannot read"):
        LearnedClassifier.load(tmp_path / "nope.json")


def test_a_weights_file_that_is_not_utf8_is_named_with_its_line(tmp_path):
    path = tmp_path / "m.json"
    path.write_bytes(b'{"format": "costsim-classifier",\n "vocab": ["caf\xe9"]}\n')  # Latin-1
    with pytest.raises(ClassifierFileError) as err:
        LearnedClassifier.load(path)
    assert str(err.value) == f"{path}:2: not UTF-8 text (byte 0xe9)"


def test_decide_offsets_and_t3_threshold():
    probs = np.array([[0.6, 0.3, 0.1], [0.3, 0.45, 0.25], [0.2, 0.2, 0.6]])
    assert decide(probs).tolist() == [0, 1, 2]
    assert decide(probs, t3=0.25).tolist() == [0, 2, 2]
    assert decide(probs, (0.0, 0.0, np.log(2.0))).tolist() == [0, 2, 2]  # 0.25*2 > 0.45


def test_calibrate_hits_target_shares():
    rng = np.random.default_rng(0)
    probs = rng.dirichlet([1, 1, 1], size=1000)
    target = (0.6, 0.28, 0.12)
    off = calibrate(probs, target)
    assert off[0] == 0.0
    shares = np.bincount(decide(probs, off), minlength=3) / 1000
    np.testing.assert_allclose(shares, target, atol=0.005)


def test_calibrate_rejects_bad_shares():
    with pytest.raises(ValueError):
        calibrate(np.full((3, 3), 1 / 3), (0.5, 0.5, 0.5))


def test_cautious_policy_never_lowers_tiers():
    clf = LearnedClassifier.load()
    prompts = ["rename `x` to `y`", "write unit tests for parse_duration", "why does p99 latency jump every hour?"]
    plain = [d.tier for d in clf.predict(prompts)]
    cautious = [d.tier for d in clf.cautious().predict(prompts)]
    assert all(c >= p for c, p in zip(cautious, plain))
    assert clf.cautious().offsets == clf.cautious_offsets
    assert clf.cautious_offsets[2] > 0


def test_shipped_weights_load_and_route_obvious_cases():
    path = default_classifier_path()
    assert path.stat().st_size < 2_000_000
    clf = LearnedClassifier.load(path)
    got = [d.tier for d in clf.predict([
        'Fix the typo in the security banner ("sesion" -> "session").',
        "Add CRUD endpoints for `Invoice` in FastAPI. Return 404 for unknown ids.",
        "Every few days we find two rows with the same `external_id` even though the code checks first.",
    ])]
    assert got == [1, 2, 3]


def _all_labeled_prompts() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "datasets" / "classify"
    files = [root / "train.jsonl", *sorted((root / "authored").glob("*.jsonl")),
             *sorted((root / "probes").glob("*.jsonl"))]
    return [json.loads(line)["prompt"] for f in files for line in f.open(encoding="utf-8")]


def test_every_labeled_conversation_uses_the_english_turn_markers():
    """LABELING.md's multi-turn convention is `[Earlier in this conversation] ... [New message] ...`, in English
    whatever the request's language: rules.new_message reads exactly these, so a translated marker ("[Neue
    Nachricht]") made a whole German conversation read as its new message. A line that is a bracketed phrase of
    words, or of non-ASCII characters, is one of the two markers; a conversation opens with the first and holds
    each once. Failures name the file and line only (the probes are never printed)."""
    import re
    from pathlib import Path

    earlier, new = "[Earlier in this conversation]", "[New message]"
    marker_like = re.compile(r"^[ \t]*\[(?:(?:[^\W\d_]+[ \t\u3000]+)+[^\W\d_]+|[^\x00-\x7f\]]{2,40})\][ \t]*$", re.M)
    root = Path(__file__).resolve().parents[1] / "datasets" / "classify"
    files = [root / "train.jsonl", *sorted((root / "authored").glob("*.jsonl")),
             *sorted((root / "probes").glob("*.jsonl"))]
    bad, conversations = [], 0
    for f in files:
        for n, line in enumerate(f.open(encoding="utf-8"), 1):
            prompt = json.loads(line)["prompt"]
            strays = [m.group(0).strip() for m in marker_like.finditer(prompt)]
            turns = earlier in prompt or new in prompt
            conversations += turns
            if any(m not in (earlier, new) for m in strays) or turns and not (
                    prompt.lstrip().startswith(earlier) and prompt.count(earlier) == prompt.count(new) == 1):
                bad.append(f"{f.relative_to(root)}:{n}")
    assert conversations > 150 and not bad, bad


def test_the_batch_call_decides_every_labeled_prompt_as_the_one_prompt_call_does():
    """One batch of every labeled prompt (and a few odd ones) against one call per prompt: same tiers, same
    probabilities; nothing leaks between the prompts of a batch."""
    prompts = _all_labeled_prompts() + ["", "   ", "a\x00b", "```\nonly code", "[New message]", "？", "ERROR: boom"]
    clf = LearnedClassifier.load()
    batch = clf.tiers(prompts)
    assert batch.tolist() == [int(clf.tiers([p])[0]) for p in prompts]
    np.testing.assert_allclose(
        clf.predict_proba(prompts), np.vstack([clf.predict_proba([p]) for p in prompts]), rtol=0, atol=1e-12
    )
    assert [d.tier for d in clf.predict(prompts)] == batch.tolist()
    assert [d.tier for d in clf.cautious().predict(prompts[:300])] == clf.cautious().tiers(prompts[:300]).tolist()


def test_the_batch_features_are_featurize_restricted_to_the_vocabulary():
    """FeatureSpace.coo (integer lookups over a joined batch) gives each prompt the values featurize names."""
    prompts = _all_labeled_prompts()[::7] + [
        "earlier turn\n\n[New message]\nrename x to y",
        "",
        "¿Puedes añadir docstrings a este módulo?",
        "给这个函数加上注释。",
    ]
    clf = LearnedClassifier.load()
    row, col, val = clf.space.coo(prompts)
    for i, prompt in enumerate(prompts):
        got: dict[str, float] = {}
        for c, v in zip(col[row == i].tolist(), val[row == i].tolist()):
            got[clf.names[c]] = got.get(clf.names[c], 0.0) + v
        want = {k: v for k, v in featurize(prompt, clf.config).items() if k in clf.vocab}
        assert got.keys() == want.keys(), prompt
        for k in want:
            assert got[k] == pytest.approx(want[k], rel=1e-12, abs=1e-15), (prompt, k)


def test_the_batch_prose_is_each_messages_prose():
    """The prose of a whole batch (one joined text) holds, between its NULs, each message's prose alone."""
    import re

    from costsim.routing.rules import joined, joined_prose, message_prose

    odd = [
        "$ ls -la",
        "| a | b |",
        "    indented",
        "ValueError: x",
        "a\tb  c",
        "x\ry",
        "```\nunclosed",
        "a\x00b",
        "~~~\nx ``` y\n~~~ after",
        "`inline` and ```\nfence\n```",
    ]
    messages = _all_labeled_prompts() + odd
    prose = joined_prose(joined(messages))[0]
    parts = prose.split("\x00")[1:]
    assert len(parts) == len(messages)
    for part, message in zip(parts, messages):
        assert re.sub(r"[ \t]+", " ", part).strip() == message_prose(message), message


def test_punctuation_and_length_are_not_read():
    """A "?" marks hard asks only in how the older sets were written (issue 15): the featurizer reads no
    punctuation, nor the question count, nor (by default) the prose's length; the shipped recipe reads the
    length only capped (d:prose_words, tested below)."""
    from costsim.routing.features import FeaturizerConfig

    f = featurize("How do I rename a branch? (it's `main`.)", FeaturizerConfig())
    assert not any(c in k for k in f for c in "?().'`")
    assert "w:rename" in f and "w:branch" in f and "b:<s> how" in f
    assert not any(
        k.startswith("d:") and k not in {"d:has_code", "d:code_len", "d:traceback", "d:multi_turn"} for k in f
    )


@pytest.mark.parametrize(
    "prompt, tiers, cue",
    [
        ("How do I rename a branch?", {1}, "asks a how-to question"),
        ("What is a monad?", {1}, "asks a fact question"),
        ("why is my docker build slow? it takes 10 minutes every time", {1, 2}, "asks why something happens"),
        ("yes, do it", {1}, "a follow-up: carry on"),
        ("now run the tests", {1}, None),
    ],
)
def test_the_issues_examples_decide_sensibly_with_reasons_in_words(prompt, tiers, cue):
    (decision,) = LearnedClassifier.load().predict([prompt])
    assert decision.tier in tiers, decision.reason
    assert ":" not in "".join(name for name, _ in decision.features).replace("edit: ", "").replace("follow-up: ", "")
    if cue:
        assert cue in decision.reason


def test_a_record_weighing_two_is_the_record_twice():
    """record_weights multiply a record's pull on the fit: weight 2 trains the same model as a copy of it."""
    twice = train(TINY + [TINY[3]], config=FeaturizerConfig(), min_df=1, iterations=150, class_weight=None)
    weighted = train(TINY, config=FeaturizerConfig(), min_df=1, iterations=150, class_weight=None,
                     record_weights=[1, 1, 1, 2, 1, 1, 1, 1])
    assert weighted["vocab"] == twice["vocab"]
    np.testing.assert_allclose(weighted["weights"], twice["weights"], atol=2e-4)
    np.testing.assert_allclose(weighted["bias"], twice["bias"], atol=2e-4)


def test_record_weights_must_match_the_records():
    from costsim.routing.train import TrainingError

    with pytest.raises(TrainingError, match="3 record weights for 8 records"):
        train(TINY, config=FeaturizerConfig(), min_df=1, iterations=5, record_weights=[1, 1, 1])


def test_prose_words_is_the_capped_log_length_in_both_paths():
    """d:prose_words: log(1 + words) / log(33), capped at 32 words (a preamble is not more work than a
    spec); the batch path (FeatureSpace) gives each prompt the value featurize gives it alone."""
    from costsim.routing.features import FeatureSpace

    cfg = FeaturizerConfig(dense=("has_code", "prose_words"))
    prompts = ["", "rename it", " ".join(["word"] * 40), "fix this\n```\nx = 1\n```", "two words"]
    expected = [0.0, np.log(3) / np.log(33), 1.0, np.log(3) / np.log(33), np.log(3) / np.log(33)]
    assert [featurize(p, cfg)["d:prose_words"] for p in prompts] == pytest.approx(expected)
    space = FeatureSpace(["d:has_code", "d:prose_words", "w:rename"], cfg)
    row, col, val = space.coo(prompts)
    got = [float(val[(row == i) & (col == 1)].sum()) for i in range(len(prompts))]
    assert got == pytest.approx(expected)


def test_a_pickled_classifier_decides_alike_and_shows_no_word_of_its_vocabulary():
    """What the worker pool sends: the fields, compressed; a vocabulary word such as a pasted `__main__` must not
    show in the bytes (the pool would take it for a reference to the main script)."""
    import pickle

    clf = LearnedClassifier.load().typed()
    assert any("__main__" in name for name in clf.names)
    payload = pickle.dumps(clf.predict)
    assert b"__main__" not in payload
    back = pickle.loads(payload).__self__
    prompts = ["rename `foo` to `bar`", "why do orders get charged twice under load?", "yes, do it"]
    assert back.tiers(prompts).tolist() == clf.tiers(prompts).tolist()
    assert (back.offsets, back.typed_offsets, back.names) == (clf.offsets, clf.typed_offsets, clf.names)
    assert np.array_equal(back.weights, clf.weights)


def test_wide_stems_read_non_ascii_words_alike_in_both_paths():
    """wide_stems: a non-ASCII word longer than stem_chars characters gives its first characters as a stem
    ("блокировку" and "блокировка" share "p:блоки"), in featurize and in the batch path alike; ASCII words keep
    their byte stems, and words of stem_chars characters or fewer give none."""
    from costsim.routing.features import FeatureSpace, _stem

    assert _stem("блокировку".encode(), 5, True) == "блоки".encode()
    assert _stem("блокировку".encode(), 5) == b""  # the old recipe: ASCII words only
    assert _stem("über".encode(), 5, True) == b"" and _stem(b"deadlock", 5, True) == b"deadl"
    cfg = FeaturizerConfig(stem_chars=5, wide_stems=True)
    assert FeaturizerConfig.from_json(cfg.to_json()) == cfg
    assert FeaturizerConfig.from_json({**cfg.to_json(), "wide_stems": None}).wide_stems is False
    prompts = ["Проверь взаимную блокировку", "die Verzögerung wächst", "fix the deadlock", "給這個函數加註釋"]
    f = featurize(prompts[0], cfg)
    assert "p:блоки" in f and "p:взаим" in f
    every = sorted({k for p in prompts for k in featurize(p, cfg)})
    for names in (every, [n for n in every if not n.startswith("w:")]):  # the words known, then unknown
        row, col, val = FeatureSpace(names, cfg).coo(prompts)
        for i, prompt in enumerate(prompts):
            got: dict[str, float] = {}
            for c, v in zip(col[row == i].tolist(), val[row == i].tolist()):
                got[names[c]] = got.get(names[c], 0.0) + v
            assert got == pytest.approx({k: v for k, v in featurize(prompt, cfg).items() if k in names}), prompt


def test_intl_function_words_are_read_only_in_bigrams_like_english_ones():
    """intl_function_words: other languages' function words ("в", "la", "na", "の") are left out on their own, as
    English ones are, and kept in bigrams; the same in the batch path; an older weights file (no such key) reads
    them as before."""

    cfg = FeaturizerConfig(stem_chars=5, wide_stems=True, intl_function_words=True)
    assert FeaturizerConfig.from_json(cfg.to_json()) == cfg
    old = {k: v for k, v in cfg.to_json().items() if k != "intl_function_words"}
    assert FeaturizerConfig.from_json(old).intl_function_words is False
    prompts = ["Переименуй переменную lock в order_lock", "Rinomina la classe Latenza", "設定のタイムアウト"]
    f = featurize(prompts[0], cfg)
    assert "w:в" not in f and "b:lock в" in f and "w:lock" in f
    assert "w:в" in featurize(prompts[0], FeaturizerConfig(stem_chars=5, wide_stems=True))
    assert "w:la" not in featurize(prompts[1], cfg) and "w:の" not in featurize(prompts[2], cfg)
    assert_batch_reads_alike(prompts, cfg)


def test_a_short_quoted_string_is_read_as_one_word_in_both_paths():
    """quoted: a short quoted string (a label to change, a title, a message to translate) is the text a request
    works on, not what it asks, and is read as inline code is (the word "code"); an apostrophe inside a word or
    after it ("don't", "users'") quotes nothing; the batch path reads it alike; older weights files (no key) read
    quotes as words."""

    cfg = FeaturizerConfig(stem_chars=5, wide_stems=True, quoted=True)
    assert FeaturizerConfig.from_json(cfg.to_json()) == cfg
    assert FeaturizerConfig.from_json({k: v for k, v in cfg.to_json().items() if k != "quoted"}).quoted is False
    prompts = ["typo in the title: 'Desing: multi-currency ledger' -> 'Design: multi-currency ledger'",
               "Im Dashboard steht noch „Latenz (ms)“, bitte in «Antwortzeit (ms)» ändern.",
               "it's flaky, don't touch the users' table",
               "把标题「死锁问题」改成「已修复」"]
    f = featurize(prompts[0], cfg)
    assert "w:ledger" not in f and "w:typo" in f and "b:title code" in f
    assert "w:ledger" in featurize(prompts[0], FeaturizerConfig(stem_chars=5))
    assert "w:antwortzeit" not in featurize(prompts[1], cfg) and "w:dashboard" in featurize(prompts[1], cfg)
    assert {"w:flaky", "w:touch", "w:users", "w:table"} <= set(featurize(prompts[2], cfg))
    assert "w:死" not in featurize(prompts[3], cfg) and "w:标" in featurize(prompts[3], cfg)
    assert_batch_reads_alike(prompts, cfg)


def test_words_cap_moves_where_prose_words_stops_growing_in_both_paths():
    """words_cap: d:prose_words is log(1 + min(words, cap)) / log(1 + cap); 32 for older weights files."""
    from costsim.routing.features import FeatureSpace

    cfg = FeaturizerConfig(dense=("has_code", "prose_words"), words_cap=8)
    assert FeaturizerConfig.from_json(cfg.to_json()) == cfg
    assert FeaturizerConfig.from_json({k: v for k, v in cfg.to_json().items() if k != "words_cap"}).words_cap == 32
    prompts = ["rename it", " ".join(["word"] * 8), " ".join(["word"] * 40)]
    expected = [np.log(3) / np.log(9), 1.0, 1.0]
    assert [featurize(p, cfg)["d:prose_words"] for p in prompts] == pytest.approx(expected)
    row, col, val = FeatureSpace(["d:has_code", "d:prose_words"], cfg).coo(prompts)
    assert [float(val[(row == i) & (col == 1)].sum()) for i in range(3)] == pytest.approx(expected)


def assert_batch_reads_alike(prompts: list[str], cfg: FeaturizerConfig) -> None:
    """The batch path (`FeatureSpace.coo`) gives each prompt the features `featurize` gives it alone."""
    from costsim.routing.features import FeatureSpace

    names = sorted({k for p in prompts for k in featurize(p, cfg)})
    row, col, val = FeatureSpace(names, cfg).coo(prompts)
    for i, prompt in enumerate(prompts):
        got: dict[str, float] = {}
        for c, v in zip(col[row == i].tolist(), val[row == i].tolist()):
            got[names[c]] = got.get(names[c], 0.0) + v
        assert got == pytest.approx(featurize(prompt, cfg)), prompt


def _forms_classifier(prompts: list[str]) -> LearnedClassifier:
    """A classifier reading the form features (and the shipped recipe's others), with random weights over the
    vocabulary of ``prompts``: what matters here is that both paths compute the same thing."""
    from costsim.routing.train import vocabulary

    cfg = FeaturizerConfig(stem_chars=5, wide_stems=True, intl_function_words=True, quoted=True, forms=True,
                           dense=("has_code", "code_len", "traceback", "multi_turn", "prose_words"))
    names = vocabulary(prompts, cfg, min_df=3)
    weights = np.random.default_rng(15).normal(scale=2.0, size=(len(names), 3))
    return LearnedClassifier(tuple(names), weights, np.zeros(3), cfg)


def test_with_the_form_features_both_paths_decide_every_labeled_prompt_alike():
    """forms: the batch call and one call per prompt give every labeled prompt the same tiers and probabilities,
    and FeatureSpace.coo gives it the values featurize names, the d:form_* features among them."""
    from costsim.routing.forms import FORMS

    prompts = _all_labeled_prompts() + ["", "   ", "a\x00b", "```\nonly code", "[New message]", "？", "yes do it"]
    clf = _forms_classifier(prompts)
    assert {f"d:{name}" for name in FORMS} <= set(clf.names)
    batch = clf.tiers(prompts)
    assert batch.tolist() == [int(clf.tiers([p])[0]) for p in prompts]
    np.testing.assert_allclose(
        clf.predict_proba(prompts), np.vstack([clf.predict_proba([p]) for p in prompts]), rtol=0, atol=1e-12
    )
    assert [d.tier for d in clf.predict(prompts)] == batch.tolist()
    row, col, val = clf.space.coo(prompts)
    fired = dict.fromkeys(FORMS, 0)
    for i, prompt in enumerate(prompts):
        got: dict[str, float] = {}
        for c, v in zip(col[row == i].tolist(), val[row == i].tolist()):
            got[clf.names[c]] = got.get(clf.names[c], 0.0) + v
        want = {k: v for k, v in featurize(prompt, clf.config).items() if k in clf.vocab}
        assert got.keys() == want.keys() and got == pytest.approx(want, rel=1e-12, abs=1e-15), f"prompt {i}"
        for name in FORMS:
            fired[name] += want[f"d:{name}"] == 1.0
    assert all(count > 0 for count in fired.values()), fired


@pytest.mark.parametrize("prompt, form", [
    ("How do I rename a git branch?", "form_howto"),
    ("What is a monad?", "form_explain"),
    ("Was ist der Unterschied zwischen TCP und UDP?", "form_explain"),
    ("请解释一下死锁", "form_explain"),  # a CJK phrase matches inside a run of characters
    ("Объясни, что такое монада", "form_explain"),
    ("¿Cómo puedo renombrar una rama?", "form_howto"),
    ("Find out why checkout drops orders", "form_diagnose"),
    ("Zjisti proč padá build", "form_diagnose"),
    ("原因を調べてください", "form_diagnose"),
    ("our nightly job", "form_ours"),
    ("Nasz serwis zwraca 502", "form_ours"),
    ("我们的服务", "form_ours"),
    ("it fails only under load", "form_intermittent"),
    ("Il test fallisce a volte", "form_intermittent"),
    ("Should we shard by tenant or by region?", "form_decide"),
    ("Devrions-nous passer à Kafka ?", "form_decide"),
    ("yes, do it", "form_followup"),
    ("Evet, devam et", "form_followup"),
])
def test_a_form_phrase_in_any_language_sets_its_feature(prompt, form):
    from costsim.routing.forms import FORMS

    cfg = FeaturizerConfig(forms=True)
    dense = featurize(prompt, cfg)
    assert dense[f"d:{form}"] == 1.0
    assert {f"d:{name}" for name in FORMS} <= dense.keys()


@pytest.mark.parametrize("prompt, form", [
    ("answer the weather question", "form_ours"),  # "we" inside words
    ("deploy to us-east-1", "form_ours"),  # "us" is left out: a region
    ("why is my docker build slow?", "form_ours"),  # "my" is Polish "we", left out
    ("네트워크 설정을 바꿔", "form_followup"),  # "네" (yes) is left out: the first syllable of "network"
    ("मोनाड क्या है", "form_followup"),  # "हाँ" is read as "ह", the first piece of "है": left out
    ("rename explaining_var to reason", "form_explain"),  # whole words only
])
def test_a_form_phrase_matches_whole_words_only(prompt, form):
    assert featurize(prompt, FeaturizerConfig(forms=True))[f"d:{form}"] == 0.0


def test_the_form_features_are_off_unless_asked_for_and_named_as_cues():
    """forms is off by default and absent from the featurizer's JSON until on (weights files trained without it
    read as before); the shipped weights read it (issue 15's twelfth session); a file naming d:form_* without it is
    refused; every language has phrases for every form; each form is a cue."""
    from costsim.routing.forms import FORMS, LEXICON
    from costsim.routing.reasons import CUES, cue_of

    assert "forms" not in FeaturizerConfig().to_json() and LearnedClassifier.load().config.forms is True
    cfg = FeaturizerConfig(forms=True)
    assert cfg.to_json()["forms"] is True and FeaturizerConfig.from_json(cfg.to_json()) == cfg
    assert not any(k.startswith("d:form") for k in featurize("what is a monad?", FeaturizerConfig()))
    with pytest.raises(ValueError, match="form_explain"):
        LearnedClassifier(("d:form_explain",), np.zeros((1, 3)), np.zeros(3), FeaturizerConfig()).space  # noqa: B018
    assert all(len(LEXICON[name]) == 19 for name in FORMS)
    assert all(cue_of(f"d:{name}") in CUES for name in FORMS)
