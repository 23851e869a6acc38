"""The typed prior (`learned:typed`): offsets for prompts people type into coding agents, stored in the weights,
chosen by tools/heldout_report.py on held-out typed prompts by how far the saving `estimate` reports lands from
perfect routing's; and the savings gap in the held-out figures and in the quality note."""

import json
import sys
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest

from costsim.errors import ConfigError
from costsim.routing.classify import learned_model, make_classifier
from costsim.routing.evaluate import make_request_cost
from costsim.routing.learned import ClassifierFileError, FeaturizerConfig, LearnedClassifier
from costsim.routing.policy import load_policy
from costsim.routing.quality import goal_figures, measured_quality
from costsim.routing.train import save_weights, train

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_learned import TINY  # noqa: E402  (the same eight requests)


def _weights(typed=None):
    doc = train(TINY, config=FeaturizerConfig(), min_df=1, iterations=100)
    if typed is not None:
        doc["typed_offsets"] = list(typed)
    return doc


def test_the_typed_preset_routes_with_the_files_typed_offsets(tmp_path):
    path = save_weights(_weights(typed=(0.0, -0.5, -2.0)), tmp_path / "w.json")
    plain, typed = LearnedClassifier.load(path), LearnedClassifier.load(path, typed=True)
    assert typed.offsets == (0.0, -0.5, -2.0) and plain.offsets != typed.offsets
    assert plain.typed().offsets == typed.offsets
    prompts = [r["prompt"] for r in TINY]
    assert (typed.tiers(prompts) <= 3).all()
    assert [d.tier for d in typed.predict(prompts)] == typed.tiers(prompts).tolist()


def test_a_file_without_a_typed_prior_says_so(tmp_path):
    path = save_weights(_weights(), tmp_path / "w.json")
    assert LearnedClassifier.load(path).typed_offsets is None
    with pytest.raises(ClassifierFileError, match="no prior for typed prompts"):
        LearnedClassifier.load(path, typed=True)
    bad = _weights()
    bad["typed_offsets"] = [0, 1]
    with pytest.raises(ClassifierFileError, match="offsets must have 3 entries"):
        LearnedClassifier.from_dict(bad)


def test_learned_typed_is_a_classifier_spec_and_rules_typed_is_not(tmp_path):
    policy = load_policy()
    label, model = learned_model(policy, "learned:typed")
    assert label == "learned, typed prior"
    assert model.offsets == LearnedClassifier.load().typed_offsets
    path = save_weights(_weights(typed=(0.0, 0.0, -1.0)), tmp_path / "w.json")
    label, model = learned_model(policy, f"{path}:typed")
    assert label == f"learned ({path}), typed prior" and model.offsets == (0.0, 0.0, -1.0)
    with pytest.raises(ConfigError, match="only a learned classifier"):
        make_classifier(policy, "rules:typed")


def test_the_shipped_weights_carry_a_typed_prior_and_its_held_out_figures():
    doc = LearnedClassifier.load()
    assert doc.typed_offsets is not None and len(doc.typed_offsets) == 3
    heldout = doc.meta["heldout"]
    assert "learned:typed" in heldout["sets"][heldout["typed_set"]]
    assert heldout["typed_prior"].startswith("offsets chosen on")


def test_goal_figures_carry_the_savings_gap():
    """Two tier-1 requests, one routed to tier 3: estimate reports (c1 + c3) against all-frontier 2 c3, perfect
    routing 2 c1, so the saving lands (c3 - c1) / (2 c3) under."""
    cost = make_request_cost({1: ("0.05", "0.40"), 2: ("0.14", "0.28"), 3: ("5", "25")}, output_tokens=1000)
    prompt = "x " * 1000
    c1, c3 = cost(1, prompt), cost(3, prompt)
    figures = goal_figures([1, 1], [1, 3], [prompt] * 2, cost)
    assert figures["savings_gap"] == round(float((2 * c1 - (c1 + c3)) / (2 * c3)), 6)
    assert figures["savings_gap"] == round(float(-(c3 - c1) / (2 * c3)), 6) < 0
    assert goal_figures([1], [1], [prompt], cost)["savings_gap"] == 0.0
    assert isinstance(c1, Decimal)


def test_the_quality_note_of_the_typed_preset_says_how_its_prior_was_chosen():
    note = measured_quality("learned:typed")
    assert "prompts people typed into coding agents, never trained on" in note
    assert "perfect routing's" in note and "its prior for typed prompts: offsets chosen on" in note
    assert "its prior for typed prompts" not in measured_quality("learned")


def test_the_typed_offsets_are_the_most_accurate_within_a_point_of_perfect_routings_saving():
    """Four requests: three tier 1 and one tier 3. With costs 1 / 2 / 100 a request, perfect routing costs 103 of
    an all-frontier 400. Offsets that send the tier-3 request to tier 3 and the rest to tier 1 land on it exactly."""
    from heldout_report import choose_typed_offsets, savings_gap

    costs = np.array([[1.0, 2.0, 100.0]] * 4)
    truth = np.array([1, 1, 1, 3])
    assert savings_gap(costs, truth, np.array([1, 1, 1, 3])) == 0.0
    assert savings_gap(costs, truth, np.array([1, 1, 3, 3])) == pytest.approx((103 - 202) / 400)
    probs = np.array([[0.5, 0.1, 0.4], [0.6, 0.1, 0.3], [0.7, 0.2, 0.1], [0.3, 0.1, 0.6]])
    offsets = choose_typed_offsets(probs, truth, costs)
    tiers = np.argmax(np.log(probs) + np.array(offsets), axis=1) + 1
    assert tiers.tolist() == [1, 1, 1, 3]
    json.dumps(offsets)  # plain floats, as the weights file stores them


def test_presets_split_off_and_stack_with_cautious_winning():
    from costsim.routing.policy import split_preset

    assert split_preset("learned:typed") == ("learned", ":typed")
    assert split_preset("learned:typed:cautious") == ("learned", ":cautious")  # estimate --cautious on the default
    assert split_preset("model.json:cautious") == ("model.json", ":cautious")
    assert split_preset("rules") == ("rules", "")


def test_the_bundled_policy_routes_typed_prompts_with_the_typed_prior():
    policy = load_policy()
    assert policy.classifier == "learned:typed"
    label, model = learned_model(policy)
    assert label == "learned, typed prior" and model.offsets == LearnedClassifier.load().typed_offsets
    label, model = learned_model(policy, policy.classifier + ":cautious")
    assert label == "learned, cautious" and model.offsets == model.cautious_offsets


def test_a_policy_may_name_a_learned_preset_but_no_preset_of_the_rules(tmp_path):
    base = (Path(__file__).resolve().parents[1] / "pricing" / "policy.yaml").read_text(encoding="utf-8")
    for value, ok in (("learned:cautious", True), ("learned:typed", True), ("rules:typed", False), ("smart", False)):
        path = tmp_path / f"{value.replace(':', '_')}.yaml"
        path.write_text(base.replace("classifier: learned:typed", f"classifier: {value}"), encoding="utf-8")
        if ok:
            assert load_policy(path).classifier == value
        else:
            with pytest.raises(ConfigError, match="learned may end in :cautious or :typed"):
                load_policy(path)
