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
    from costsim.routing.policy import CLASSIFIERS

    name = choice or policy.classifier
    cautious = name.endswith(":cautious")  # err towards escalation (learned classifiers only)
    name = name.removesuffix(":cautious")
    weights_path = None if name in CLASSIFIERS else name
    if weights_path is None and name != "learned":
        return None
    if weights_path is not None and not Path(weights_path).exists():
        from costsim.errors import ConfigError
        raise ConfigError(f"--classifier {name!r}: not one of {', '.join(CLASSIFIERS)} (add :cautious to learned), "
                          "and no weights file of that name (make one with `costsim train`)")
    from costsim.routing.learned import LearnedClassifier

    label = "learned" if weights_path is None else f"learned ({weights_path})"
    return label + (", cautious" if cautious else ""), LearnedClassifier.load(weights_path, cautious=cautious)


def make_classifier(policy: Policy, choice: str | None = None) -> tuple[str, Classifier]:
    """The classifier `choice` names (keywords, rules, learned, or a weights file from `costsim train`),
    else the policy's, as (name, function over a batch of prompts)."""
    learned = learned_model(policy, choice)
    if learned is not None:
        return learned[0], learned[1].predict
    name = choice or policy.classifier
    cautious = name.endswith(":cautious")
    name = name.removesuffix(":cautious")
    if cautious:
        from costsim.errors import ConfigError
        raise ConfigError(f"--cautious ({name}:cautious): only a learned classifier has probabilities to shift")
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


def classify_frame(df: pd.DataFrame, policy: Policy, classifier: Classifier) -> pd.DataFrame:
    """Fill `tier` and add `reason`: a logged tier wins, then the prompt text, then prompt size alone.
    A classifier with a batch `tiers` (`pool.Remembering`) gives the reasons of only each tier's first
    EXPLAINED_PER_TIER rows with text; the others say TIER_ONLY."""
    from costsim.frame import prompt_tokens_per_request

    out = df.copy(deep=False)  # copy-on-write: columns set below never reach `df`
    reason = np.full(len(df), "tier given in the log", dtype=object)
    need = out["tier"].isna().to_numpy()
    codes, distinct = pd.factorize(out["prompt"])  # each distinct prompt is stripped and classified once
    distinct = np.asarray(distinct, dtype=object)  # Python strings once (not an Index lookup per prompt)
    blank = np.array([not str(text).strip() for text in distinct.tolist()] + [True], dtype=bool)
    has_text = need & ~blank[codes]  # code -1 (no prompt) picks the final True
    if has_text.any():
        used = np.unique(codes[has_text])
        tier_of = np.zeros(len(distinct), dtype=np.int64)
        reason_of = np.empty(len(distinct), dtype=object)
        if hasattr(classifier, "tiers"):  # a run's Remembering: tiers alone, reasons for the sample's rows
            tier_of[used] = classifier.tiers(distinct[used].tolist())
            reason_of[used] = TIER_ONLY
            shown = pd.Series(codes[has_text]).groupby(tier_of[codes[has_text]]).head(EXPLAINED_PER_TIER)
            used = np.unique(shown.to_numpy())
        decisions = classifier(distinct[used].tolist())
        tier_of[used] = [d.tier for d in decisions]
        reason_of[used] = [d.reason for d in decisions]
        tiers = out["tier"].to_numpy(dtype="float64", na_value=np.nan)
        tiers[has_text] = tier_of[codes[has_text]]
        out["tier"] = pd.array(tiers, dtype="Int64")
        reason[has_text] = reason_of[codes[has_text]]
    no_text = need & ~has_text
    if no_text.any():
        tiers, reasons = size_only(prompt_tokens_per_request(out[no_text]), policy)
        out.loc[no_text, "tier"], reason[no_text] = tiers, reasons.to_numpy()
    out["reason"] = pd.Categorical(reason)
    return out


__all__ = ["Decision", "classify_prompt", "classify_frame", "make_classifier", "approx_tokens"]
