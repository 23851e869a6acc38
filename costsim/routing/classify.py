"""Request → tier: the one classification path that `estimate`, `classify` and library users share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from costsim.routing.policy import Policy, load_policy
from costsim.routing.rules import Decision, approx_tokens, keyword_tier, smart_rules_tier

Classifier = Callable[[Sequence[str]], list[Decision]]


def learned_model(policy: Policy, choice: str | None = None):
    """(label, LearnedClassifier) when `choice` (or the policy) names a learned classifier, else None."""
    from costsim.routing.policy import CLASSIFIERS, split_preset

    name, preset = split_preset(choice or policy.classifier)
    weights_path = None if name in CLASSIFIERS else name
    if weights_path is None and name != "learned":
        return None
    if weights_path is not None and not Path(weights_path).exists():
        from costsim.errors import ConfigError
        raise ConfigError(f"--classifier {name!r}: not one of {', '.join(CLASSIFIERS)} (add :cautious or :typed to "
                          "learned), and no weights file of that name (make one with `costsim train`)")
    from costsim.routing.learned import LearnedClassifier

    label = "learned" if weights_path is None else f"learned ({weights_path})"
    return label + {":cautious": ", cautious", ":typed": ", typed prior", "": ""}[preset], LearnedClassifier.load(
        weights_path, cautious=preset == ":cautious", typed=preset == ":typed")


def make_classifier(policy: Policy, choice: str | None = None) -> tuple[str, Classifier]:
    """The classifier `choice` names (keywords, rules, learned, or a weights file from `costsim train`),
    else the policy's, as (name, function over a batch of prompts)."""
    learned = learned_model(policy, choice)
    if learned is not None:
        return learned[0], learned[1].predict
    from costsim.routing.policy import split_preset

    name, preset = split_preset(choice or policy.classifier)
    if preset:
        from costsim.errors import ConfigError
        option = f"--cautious ({name}:cautious)" if preset == ":cautious" else f"{name}:typed"
        raise ConfigError(f"{option}: only a learned classifier has probabilities to shift")
    if name == "rules":
        return "rules", lambda prompts: [smart_rules_tier(p) for p in prompts]
    rules = policy.rules
    return "keywords", lambda prompts: [keyword_tier(p, rules) for p in prompts]


def classify_prompt(prompt: str, policy: Policy | None = None) -> Decision:
    """Tier and reason for one prompt under the policy (the bundled one by default)."""
    _, classifier = make_classifier(policy or load_policy())
    return classifier([prompt])[0]


def size_only(prompt_tokens: pd.Series, policy: Policy) -> tuple[pd.Series, pd.Series]:
    """Requests logged without their text: only the document's token-count heuristic can place them."""
    rules = policy.rules
    short = prompt_tokens < rules.short_below_tokens
    tiers = pd.Series(rules.default_tier, index=prompt_tokens.index).where(~short, 1)
    reasons = pd.Series(
        f"no prompt text; prompt of {rules.short_below_tokens:,}+ tokens → default tier {rules.default_tier}",
        index=prompt_tokens.index,
        dtype="object",
    )
    reasons[short] = f"no prompt text; prompt under {rules.short_below_tokens:,} tokens → tier 1"
    return tiers, reasons


EXPLAINED_PER_TIER = 20  # rows of each tier, first in a chunk, whose reason is worked out for --explain
TIER_ONLY = "classified by tier alone (reasons are worked out for --explain's sample)"
GIVEN = "tier given in the log"


def classify_frame(df: pd.DataFrame, policy: Policy, classifier: Classifier, explained: int = EXPLAINED_PER_TIER
                   ) -> pd.DataFrame:
    """Fill `tier` and add `reason`: a logged tier wins, then the prompt text, then prompt size alone.
    A classifier with a batch `tiers` (`pool.Remembering`) gives the reasons of only each tier's first
    `explained` rows with text (none when no --explain sample is asked for); the others say TIER_ONLY.
    Reasons are kept as codes into the few distinct texts, never as a column of strings."""
    from costsim.frame import prompt_tokens_per_request

    out = df.copy(deep=False)  # copy-on-write: columns set below never reach `df`
    reasons = {GIVEN: 0}  # reason text -> its code
    reason = np.zeros(len(df), dtype=np.int64)
    need = out["tier"].isna().to_numpy()
    codes, distinct = pd.factorize(out["prompt"])  # each distinct prompt is stripped and classified once
    distinct = np.asarray(distinct, dtype=object)  # Python strings once (not an Index lookup per prompt)
    blank = np.array([not str(text).strip() for text in distinct.tolist()] + [True], dtype=bool)
    has_text = need & ~blank[codes]  # code -1 (no prompt) picks the final True
    if has_text.any():
        text_codes = codes[has_text]
        used = np.flatnonzero(np.bincount(text_codes, minlength=len(distinct)))  # np.unique, without a sort
        tier_of = np.zeros(len(distinct), dtype=np.int64)
        reason_of = np.zeros(len(distinct), dtype=np.int64)
        if hasattr(classifier, "tiers"):  # a run's Remembering: tiers alone, reasons for the sample's rows
            tier_of[used] = classifier.tiers(distinct[used].tolist())
            reason_of[used] = reasons.setdefault(TIER_ONLY, len(reasons))
            used = _first_of_each_tier(text_codes, tier_of, np.unique(tier_of[used]), explained)
        decisions = classifier(distinct[used].tolist())
        tier_of[used] = [d.tier for d in decisions]
        reason_of[used] = [reasons.setdefault(d.reason, len(reasons)) for d in decisions]
        tiers = out["tier"].to_numpy(dtype="float64", na_value=np.nan)
        tiers[has_text] = tier_of[text_codes]
        out["tier"] = pd.array(tiers, dtype="Int64")
        reason[has_text] = reason_of[text_codes]
    no_text = need & ~has_text
    if no_text.any():
        tiers, texts = size_only(prompt_tokens_per_request(out[no_text]), policy)
        out.loc[no_text, "tier"] = tiers
        found, labels = pd.factorize(texts.to_numpy())
        reason[no_text] = np.array([reasons.setdefault(text, len(reasons)) for text in labels], dtype=np.int64)[found]
    out["reason"] = coded_categorical(reason, list(reasons))
    return out


def _first_of_each_tier(codes: np.ndarray, tier_of: np.ndarray, tiers: np.ndarray, per_tier: int) -> np.ndarray:
    """The distinct codes among the first `per_tier` rows of each of `tiers` (`codes`: each row's prompt code)."""
    row_tiers = tier_of[codes]
    firsts = [codes[np.flatnonzero(row_tiers == tier)[:per_tier]] for tier in tiers]
    return np.unique(np.concatenate(firsts))


def coded_categorical(codes: np.ndarray, labels: list[str]) -> pd.Categorical:
    """`pd.Categorical(np.array(labels)[codes])` without the column of strings: the labels that occur, sorted."""
    present = np.flatnonzero(np.bincount(codes, minlength=len(labels)))
    names = np.array(labels, dtype=object)[present]
    order = np.argsort(names.astype(str), kind="stable")
    rank = np.full(len(labels), -1, dtype=np.int64)
    rank[present[order]] = np.arange(len(present))
    return pd.Categorical.from_codes(rank[codes], categories=pd.Index(names[order].tolist()))


__all__ = ["Decision", "classify_prompt", "classify_frame", "make_classifier", "approx_tokens"]
