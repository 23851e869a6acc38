import json

import numpy as np
import pytest

from costsim.learned import (
    ClassifierFileError, FeaturizerConfig, LearnedClassifier, calibrate, decide, default_classifier_path, featurize,
)
from costsim.rules import Decision
from costsim.train import save_weights, train

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
    return train(TINY, config=FeaturizerConfig(use_rules=False), min_df=1, iterations=150, **kw)


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
    f = featurize("add type hints\n\n```python\nlogger.debug(x)\n```", FeaturizerConfig(use_rules=False))
    assert not any("debug" in k for k in f)
    assert f["d:has_code"] == 1.0


@pytest.mark.parametrize(
    "content, problem",
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"format": "something-else", "version": 1}), "format"),
        (json.dumps({"format": "costsim-classifier", "version": 2}), "version 2"),
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


def test_rules_vote_adds_to_the_rules_tier_log_odds():
    from costsim.rules import smart_rules_tier

    weights = _tiny_weights()
    plain = LearnedClassifier.from_dict({**weights, "rules_vote": 0.0})
    voted = LearnedClassifier.from_dict({**weights, "rules_vote": 2.0})
    prompts = ["debug this race condition in the worker pool", "Rename foo to bar"]
    p0, p1 = plain.predict_proba(prompts), voted.predict_proba(prompts)
    for i, prompt in enumerate(prompts):
        k = smart_rules_tier(prompt).tier - 1
        # softmax(logits + 2·onehot(k)): the rules' tier gains e² in odds against every other tier
        for j in range(3):
            if j != k:
                assert np.log(p1[i, k] / p1[i, j]) == pytest.approx(np.log(p0[i, k] / p0[i, j]) + 2.0)
    assert voted.predict(prompts)[0].features[0][0].startswith("rules:tier")


def test_negative_rules_vote_is_a_file_error():
    with pytest.raises(ClassifierFileError, match="rules_vote"):
        LearnedClassifier.from_dict({**_tiny_weights(), "rules_vote": -1})


def test_inference_rows_are_the_vocabulary_features_of_featurize():
    """predict looks features up block by block without building their names; it must give the
    values (and order) that featurize's named features give the vocabulary."""
    from pathlib import Path

    from costsim.learned import LearnedClassifier, featurize

    root = Path(__file__).resolve().parents[1] / "datasets" / "classify"
    prompts = [json.loads(line)["prompt"] for line in (root / "train.jsonl").open(encoding="utf-8")][:200]
    prompts += ["earlier turn\n\nUser: rename x to y", "", "¿Puedes añadir docstrings a este módulo?"]
    clf = LearnedClassifier.load()
    rows, _ = clf._rows(prompts)
    for prompt, (idx, val) in zip(prompts, rows):
        named = [(clf.vocab[k], v) for k, v in featurize(prompt, clf.config).items() if k in clf.vocab]
        assert idx.tolist() == [i for i, _ in named]
        assert val.tolist() == [v for _, v in named]
