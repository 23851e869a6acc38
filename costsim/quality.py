"""Routing quality: score classifiers on labeled requests (`costsim evaluate`) and train one (`costsim train`).

Money follows :mod:`costsim.evaluate`'s mistake-cost model at the *policy's* prices: each tier's model is
priced from the price book on ``as_of``; input tokens are counted with :func:`costsim.tokens.count_tokens`
for that tier's model (tiktoken, offline); output tokens are the policy's tier profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Callable, Sequence

from costsim.errors import InputError
from costsim.evaluate import Evaluation, evaluate
from costsim.policy import Policy
from costsim.prices import PriceBook, request_cost_usd
from costsim.prompts import jsonl_objects

DEFAULT_SPECS = ("keywords", "rules", "learned", "learned:cautious")
CAUTIOUS_SUFFIX = ":cautious"


@dataclass(frozen=True)
class LabeledRequest:
    prompt: str
    tier: int
    line: int


@dataclass(frozen=True)
class QualityRow:
    """One classifier's scores; ``forced`` rows are thresholds calibrated to a target split."""

    name: str
    evaluation: Evaluation
    shares: tuple[float, float, float]
    forced: bool = False


@dataclass(frozen=True)
class QualityReport:
    path: str
    rows: tuple[QualityRow, ...]
    tier_models: dict[int, str]
    output_tokens: dict[int, int]
    as_of: date
    target_shares: tuple[float, float, float] | None = None
    notes: tuple[str, ...] = ()

    @property
    def baseline(self) -> QualityRow | None:
        return next((r for r in self.rows if r.name == "keywords"), None)


def load_labeled(path: str | Path) -> list[LabeledRequest]:
    """Records with a non-empty ``prompt`` and ``tier`` 1-3; any other line is an error naming file and line."""
    out = []
    for line_no, rec in jsonl_objects(path):
        if not isinstance(rec, dict):
            raise InputError("expected an object with `prompt` and `tier`", path=path, line=line_no)
        prompt, tier = rec.get("prompt"), rec.get("tier")
        if not isinstance(prompt, str) or not prompt.strip():
            raise InputError("empty or missing `prompt`", path=path, line=line_no)
        if "tier" not in rec:
            raise InputError("missing `tier` (1, 2 or 3)", path=path, line=line_no)
        if isinstance(tier, bool) or not isinstance(tier, int) or tier not in (1, 2, 3):
            raise InputError(f"`tier` must be 1, 2 or 3, got {tier!r}", path=path, line=line_no)
        out.append(LabeledRequest(prompt, tier, line_no))
    if not out:
        raise InputError("no labeled records", path=path)
    return out


def policy_request_cost(policy: Policy, book: PriceBook, as_of: date) -> Callable[[int, str], Decimal]:
    """``cost(tier, prompt)``: the tier model's list price on ``as_of`` × (counted input, profile output)."""
    from costsim.tokens import count_tokens

    rates = {t: book.resolve(m).period_at(as_of).rates for t, m in policy.tier_models.items()}
    counted: dict[tuple[str, str], int] = {}

    def cost(tier: int, prompt: str) -> Decimal:
        model = policy.tier_models[tier]
        key = (model, prompt)
        if key not in counted:
            counted[key] = count_tokens(prompt, model)
        return request_cost_usd(rates[tier], {"input": counted[key], "output": policy.profiles[tier].output_tokens})

    return cost


def _predictor(spec: str, policy: Policy):
    """(tiers function, (model, probabilities function) or None) for a classifier spec."""
    from costsim.classify import learned_model, make_classifier

    learned = learned_model(policy, spec)
    if learned is None:
        _, fn = make_classifier(policy, spec)  # keywords or rules (a ":cautious" on them is an error there)
        return (lambda prompts: [d.tier for d in fn(prompts)]), None
    model = learned[1]
    return (lambda prompts: [d.tier for d in model.predict(prompts, explain=0)]), (model, model.predict_proba)


def shares_of(tiers: Sequence[int]) -> tuple[float, float, float]:
    n = len(tiers) or 1
    return tuple(sum(1 for t in tiers if t == k) / n for k in (1, 2, 3))  # type: ignore[return-value]


def evaluate_file(path: str | Path, specs: Sequence[str], policy: Policy, book: PriceBook, as_of: date,
                  target_shares: tuple[float, float, float] | None = None) -> QualityReport:
    """Score each classifier on the labeled file; with ``target_shares``, also each learned one forced to that split."""
    from costsim.learned import TIERS, calibrate, decide

    records = load_labeled(path)
    prompts, truth = [r.prompt for r in records], [r.tier for r in records]
    cost = policy_request_cost(policy, book, as_of)
    rows, notes = [], []
    for spec in specs or DEFAULT_SPECS:
        tiers_of, learned = _predictor(spec, policy)
        pred = tiers_of(prompts)
        rows.append(QualityRow(spec, evaluate(truth, pred, prompts, cost), shares_of(pred)))
        if target_shares is None or spec.endswith(CAUTIOUS_SUFFIX):  # calibration replaces the cautious offsets
            continue
        if learned is None:
            notes.append(f"{spec}: no probabilities, so it cannot be calibrated to a target split")
            continue
        model, proba = learned
        probs = proba(prompts)
        offsets = calibrate(probs, target_shares)
        forced = [TIERS[int(k)] for k in decide(probs, offsets, model.t3)]
        rows.append(QualityRow(f"{spec} @ " + "/".join(f"{s * 100:g}" for s in target_shares),
                               evaluate(truth, forced, prompts, cost), shares_of(forced), forced=True))
    outputs = {t: p.output_tokens for t, p in policy.profiles.items()}
    notes.append("mistake cost: what misrouted requests pay — an under-routed one pays its cheap attempt and the "
                 "right tier's retry, an over-routed one the higher tier (the JSON's extra_cost_usd is the narrower "
                 "spend above perfect routing). Input tokens counted with tiktoken for each tier's model; output "
                 "tokens from the policy's tier profile.")
    return QualityReport(str(path), tuple(rows), dict(policy.tier_models), outputs, as_of, target_shares, tuple(notes))


def train_labeled(path: str | Path, out: str | Path) -> tuple[Path, int]:
    """``costsim train``: fit the learned classifier on a labeled file; returns (weights path, records)."""
    from costsim.train import save_weights, train

    records = load_labeled(path)
    weights = train([{"prompt": r.prompt, "tier": r.tier} for r in records])
    weights["training"]["source"] = Path(path).name
    return save_weights(weights, out), len(records)


def measured_quality(choice: str) -> str:
    """One sentence on a classifier's held-out quality, from the figures stored in its weights file."""
    from costsim.learned import ClassifierFileError, LearnedClassifier

    cautious = choice.endswith(CAUTIOUS_SUFFIX)
    base = choice.removesuffix(CAUTIOUS_SUFFIX)
    key = base if base in ("keywords", "rules", "learned") else "learned"
    try:
        meta = LearnedClassifier.load(None if base in ("keywords", "rules", "learned") else base).meta
    except ClassifierFileError:
        return "held-out quality unknown"
    heldout = meta.get("heldout") or {}
    figures = (heldout.get("sets") or {}).get(heldout.get("summary_set", ""), {}).get(key + (":cautious" if cautious else ""))
    if not figures:
        return "not measured on held-out data (run `costsim evaluate LABELED.jsonl --classifier ...`)"
    return (f"held-out quality ({heldout['summary_set']}, {figures['n']} requests it never saw): accuracy "
            f"{figures['accuracy']:.0%}, tier-3 sent lower {figures['tier3_sent_lower']:.0%}, "
            f"mistake cost {figures['mistake_cost_vs_keywords']:.2f}× the keyword rules'")
