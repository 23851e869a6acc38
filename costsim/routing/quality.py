"""Routing quality: score classifiers on labeled requests (`costsim evaluate`) and train one (`costsim train`).

Money follows :mod:`costsim.routing.evaluate`'s mistake-cost model at the *policy's* prices: each tier's model is
priced from the price book on ``as_of``; input tokens are counted with :func:`costsim.tokens.count_tokens`
for that tier's model (tiktoken, offline); output tokens are the policy's tier profile.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from costsim.errors import InputError, shown
from costsim.pricing.prices import PriceBook, request_cost_usd
from costsim.routing.evaluate import Evaluation, evaluate
from costsim.routing.policy import PRESETS, Policy
from costsim.routing.prompts import jsonl_objects

DEFAULT_SPECS = ("keywords", "rules", "learned", "learned:cautious", "learned:typed")


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
            raise InputError(f"`tier` must be 1, 2 or 3, got {shown(tier)}", path=path, line=line_no)
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
    from costsim.routing.classify import learned_model, make_classifier

    learned = learned_model(policy, spec)
    if learned is None:
        _, fn = make_classifier(policy, spec)  # keywords or rules (a ":cautious" on them is an error there)
        return (lambda prompts: [d.tier for d in fn(prompts)]), None
    model = learned[1]
    return (lambda prompts: model.tiers(prompts).tolist()), (model, model.predict_proba)


_QUESTION_WORDS = frozenset("how what what's whats why which where when who is are does do can could should "
                            "would will".split())


def one_line_question(prompt: str) -> bool:
    """A one-line question: one line of at most 30 words that ends in a question mark or opens with a
    question word ("How do I rename a branch?", "what does -p do")."""
    text = prompt.strip()
    words = text.split()
    if "\n" in text or not words or len(words) > 30:
        return False
    return text.endswith(("?", "？")) or words[0].lower().strip("¿") in _QUESTION_WORDS


def goal_figures(truth: Sequence[int], pred: Sequence[int], prompts: Sequence[str], cost) -> dict:
    """The figures issue 15's goal is stated in, plus the mistake cost: accuracy, tier 3 sent lower, tier 1
    sent to tier 3, and one-line questions labeled tier 1 or 2 sent to tier 3 (as "k/n"); and how far the saving
    `estimate` would report lands from perfect routing's (``savings_gap``, a fraction: -0.14 is 14 points under)."""
    ev = evaluate(truth, pred, prompts, cost)
    questions = [p for t, p, text in zip(truth, pred, prompts) if t < 3 and one_line_question(text)]
    return {"n": ev.n, "accuracy": round(ev.accuracy, 6), "tier3_sent_lower": round(ev.tier3_sent_lower_rate, 6),
            "tier1_sent_to_tier3": round(ev.tier1_sent_to_tier3_rate, 6),
            "questions_sent_to_tier3": f"{sum(p == 3 for p in questions)}/{len(questions)}",
            "tier2_sent_to_tier1": ev.tier2_sent_to_tier1, "over_routed": ev.over_routed,
            "mistake_cost_usd": str(ev.mistake_cost_usd.quantize(Decimal("0.000001"))),
            "extra_cost_usd": str(ev.extra_cost_usd.quantize(Decimal("0.000001"))),
            "savings_gap": None if ev.estimated_savings is None or ev.perfect_savings is None
            else round(ev.estimated_savings - ev.perfect_savings, 6)}


def shares_of(tiers: Sequence[int]) -> tuple[float, float, float]:
    n = len(tiers) or 1
    return tuple(sum(1 for t in tiers if t == k) / n for k in (1, 2, 3))  # type: ignore[return-value]


def labeled_files(path: str | Path) -> list[Path]:
    """The labeled file, or every ``*.jsonl`` of a directory (a set of probes), sorted."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise InputError("no *.jsonl files of labeled requests in this directory", path=path)
        return files
    return [path]


def evaluate_file(path: str | Path, specs: Sequence[str], policy: Policy, book: PriceBook, as_of: date,
                  target_shares: tuple[float, float, float] | None = None) -> QualityReport:
    """Score each classifier on the labeled file; with ``target_shares``, also each learned one forced to that
    split, with a note on what the forcing changed."""
    from costsim.routing.learned import TIERS, calibrate, decide

    records = load_labeled(path)
    prompts, truth = [r.prompt for r in records], [r.tier for r in records]
    cost = policy_request_cost(policy, book, as_of)
    rows, notes = [], []
    for spec in specs or DEFAULT_SPECS:
        tiers_of, learned = _predictor(spec, policy)
        pred = tiers_of(prompts)
        rows.append(QualityRow(spec, evaluate(truth, pred, prompts, cost), shares_of(pred)))
        if target_shares is None or spec.endswith(PRESETS):  # calibration replaces a preset's offsets
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
        notes.append(_calibration_note(rows[-2], rows[-1], offsets, sum(a != b for a, b in zip(pred, forced))))
    outputs = {t: p.output_tokens for t, p in policy.profiles.items()}
    notes.append("mistake cost: what misrouted requests pay — an under-routed one pays its cheap attempt and the "
                 "right tier's retry, an over-routed one the higher tier (the JSON's extra_cost_usd is the narrower "
                 "spend above perfect routing). Input tokens counted with tiktoken for each tier's model; output "
                 "tokens from the policy's tier profile.")
    return QualityReport(str(path), tuple(rows), dict(policy.tier_models), outputs, as_of, target_shares, tuple(notes))


def _calibration_note(own: QualityRow, forced: QualityRow, offsets: Sequence[float], moved: int) -> str:
    """What forcing the split changed, in the figures that matter."""
    a, b = own.evaluation, forced.evaluation
    shares = lambda row: "/".join(f"{s * 100:.0f}" for s in row.shares)  # noqa: E731
    return (f"{forced.name}: per-tier offsets (0, {offsets[1]:+.2f}, {offsets[2]:+.2f}) on the log-probabilities "
            f"move {moved:,} of {a.n:,} requests, split {shares(own)} → {shares(forced)}; accuracy "
            f"{a.accuracy:.1%} → {b.accuracy:.1%}, tier 3 sent lower {a.tier3_sent_lower_rate:.0%} → "
            f"{b.tier3_sent_lower_rate:.0%}, tier 1 sent to tier 3 {a.tier1_sent_to_tier3_rate:.0%} → "
            f"{b.tier1_sent_to_tier3_rate:.0%}, mistake cost ${a.mistake_cost_usd:.4f} → ${b.mistake_cost_usd:.4f}")


MIN_PER_TIER = 3  # fewer examples of a tier and the fitted model can only echo them


def train_labeled(path: str | Path, out: str | Path) -> tuple[Path, int]:
    """``costsim train``: fit the learned classifier on a labeled file; returns (weights path, records)."""
    from costsim.routing.train import save_weights, train

    records = load_labeled(path)
    per_tier = {t: sum(r.tier == t for r in records) for t in (1, 2, 3)}
    short = {t: n for t, n in per_tier.items() if n < MIN_PER_TIER}
    if short:
        counts = ", ".join(f"tier {t}: {n}" for t, n in per_tier.items())
        raise InputError(f"{len(records):,} labeled request(s) ({counts}): training needs at least {MIN_PER_TIER} "
                         "of every tier (a few hundred make a useful classifier)", path=path)
    weights = train([{"prompt": r.prompt, "tier": r.tier} for r in records])
    weights["training"]["source"] = Path(path).name
    return save_weights(weights, out), len(records)


def measured_quality(choice: str) -> str:
    """One sentence on a classifier's held-out quality, from the figures stored in its weights file: on the
    hand-written sources (cross-source), and on prompts people typed that it was never trained on, with how far
    the saving `estimate` reports lands from perfect routing's there."""
    from costsim.routing.learned import ClassifierFileError, LearnedClassifier
    from costsim.routing.policy import split_preset

    base, preset = split_preset(choice)
    key = base if base in ("keywords", "rules", "learned") else "learned"
    try:
        meta = LearnedClassifier.load(None if base in ("keywords", "rules", "learned") else base).meta
    except ClassifierFileError:
        return "held-out quality unknown"
    heldout = meta.get("heldout") or {}
    summary = (heldout.get("sets") or {}).get(heldout.get("summary_set", ""), {})
    name = key + preset
    figures = summary.get(name)
    if not figures:
        return "not measured on held-out data (run `costsim evaluate LABELED.jsonl --classifier ...`)"
    how = heldout.get("method") or heldout["summary_set"]
    note = (
        f"held-out quality, measured on {figures['n']:,} labeled requests written apart from its training data "
        f"({how}): accuracy {figures['accuracy']:.0%}, tier-3 sent lower {figures['tier3_sent_lower']:.0%}, "
        f"tier-1 sent to tier 3 {figures.get('tier1_sent_to_tier3', 0):.0%}, "
        f"mistake cost {figures['mistake_cost_vs_keywords']:.2f}× the keyword rules'"
    )
    typed = (heldout.get("sets") or {}).get(heldout.get("typed_set", ""), {}).get(name)
    if typed:
        note += (
            f"; on {typed['n']:,} prompts people typed into coding agents, never trained on: accuracy "
            f"{typed['accuracy']:.0%}, mistake cost {typed['mistake_cost_vs_keywords']:.2f}× the keyword rules'"
        )
        if typed.get("savings_gap") is not None:
            note += f", the saving it reports {_points(typed['savings_gap'])} perfect routing's"
    if preset == ":typed" and heldout.get("typed_prior"):
        note += f" (its prior for typed prompts: {heldout['typed_prior']})"
    return note


def _points(gap: float) -> str:
    """A savings gap in words: "2.1 points under", "0.4 points over", "equal to"."""
    if round(gap * 100, 1) == 0:
        return "equal to"
    return f"{abs(gap) * 100:.1f} points {'under' if gap < 0 else 'over'}"
