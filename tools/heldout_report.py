"""Held-out routing quality of keywords / rules / learned / learned:cautious, written into the shipped weights.

    python tools/train_default.py && python tools/heldout_report.py

Every figure is on requests the scored model never saw, and on data written apart from its training data:
* ``cross-source`` (the headline, which ``estimate`` quotes): each authoring source in
  datasets/classify/authored/ (one file, one author, one brief) is held out *whole* and scored by a model
  trained on train.jsonl and the *other* sources; the pooled predictions are the figure.
* ``probe: NAME``: the probes in datasets/classify/probes/, one per failure mode, and the prompts real users
  typed (``real_*``), never trained on, scored by the shipped model (trained on everything else).
* ``family split``: the frozen split in datasets/classify/split.json (whole generator families of
  train.jsonl, stratified by tier), scored by a model trained without those families.
The routing offsets are chosen here, on the pooled cross-source probabilities (never on a probe), and written
into the shipped weights; ``cross-source, offsets chosen without the source`` is the nested check: each
source routed by offsets chosen on the other sources' held-out probabilities.
The smart rules were written by reading train.jsonl and earlier_a, so their figures there are optimistic.
"""

from __future__ import annotations

import json
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import numpy as np  # noqa: E402
from train_default import DATA, fit, labeled_sets  # noqa: E402

from costsim.pricing.book import load_price_book  # noqa: E402
from costsim.routing.learned import LearnedClassifier, decide, default_classifier_path  # noqa: E402
from costsim.routing.policy import load_policy  # noqa: E402
from costsim.routing.quality import goal_figures, policy_request_cost  # noqa: E402
from costsim.routing.rules import keyword_tier, smart_rules_tier  # noqa: E402

AS_OF = date(2026, 5, 14)
SUMMARY = "cross-source (each authoring source held out)"
METHOD = ("each of {sources} sources held out whole, {typed} of them parts of chat logs people typed; scored by a "
          "model trained on the others")


def probe_sets() -> dict[str, list[dict]]:
    from costsim.routing.train import load_records

    return {path.stem: load_records(path) for path in sorted((DATA / "probes").glob("*.jsonl"))}


def predictions(records: list[dict], model: LearnedClassifier) -> dict[str, list[int]]:
    prompts = [r["prompt"] for r in records]
    return {"keywords": [keyword_tier(p).tier for p in prompts],
            "rules": [smart_rules_tier(p).tier for p in prompts],
            "learned": model.tiers(prompts).tolist(),
            "learned:cautious": model.cautious().tiers(prompts).tolist(),
            "learned:typed": model.typed().tiers(prompts).tolist()}


def table(records: list[dict], preds: dict[str, list[int]], cost) -> dict:
    prompts, truth = [r["prompt"] for r in records], [r["tier"] for r in records]
    out = {name: goal_figures(truth, pred, prompts, cost) for name, pred in preds.items()}
    for key in ("mistake_cost", "extra_cost"):
        base = Decimal(out["keywords"][f"{key}_usd"])
        for v in out.values():
            v[f"{key}_vs_keywords"] = round(float(Decimal(v[f"{key}_usd"]) / base), 3) if base else None
    return out


NESTED = "cross-source, offsets chosen without the source"
HAND_WRITTEN = "cross-source, the hand-written sources"
TYPED_PROBES = "real prompts, pooled (the real probe: other repositories, never trained on)"
TYPED = "cross-source, the sources people typed (parts of four people's chat logs)"
TYPED_NESTED = "cross-source, the sources people typed, typed prior chosen without the source"
# Offsets (0, o2, o3) tried: o2 and o3 in steps of 0.1. The choice (routing_score): the best accuracy among offsets
# that keep tier 3 sent lower <= 8% and tier 1 sent to tier 3 <= 3% on the hand-written held-out rows (issue 15's
# limits, stated for the cross-source evaluation of the hand-written sources; past them, 10 points of accuracy per
# point over), averaged with the plain accuracy on the rows people typed (real_*), so real traffic weighs as much
# as the rest. (The real rows hold too few tier-3 requests for limits of their own: a first criterion that applied
# them there chased 11 and sent 9% of the hand-written tier-1 requests to tier 3. Until the seventh session the
# limits applied to all rows pooled, typed ones included, and the hand-written tier 1 -> 3 ended at 3.6%.)
OFFSET_GRID = [(0.0, float(round(o2, 1)), float(round(o3, 1)))
               for o2 in np.arange(-1.0, 0.51, 0.1) for o3 in np.arange(-0.5, 1.51, 0.1)]


def is_real(name: str) -> bool:
    """Whether a labeled set holds prompts real people typed (real_*), not hand-written ones."""
    return name.startswith("real_")


def goal_score(truth: np.ndarray, tiers: np.ndarray) -> float:
    """Accuracy, less 10 points per point of tier 3 sent lower past 8% and of tier 1 sent to tier 3 past 3%."""
    lower = (tiers[truth == 3] < 3).mean() if (truth == 3).any() else 0.0
    up = (tiers[truth == 1] == 3).mean() if (truth == 1).any() else 0.0
    return float((tiers == truth).mean() - 10 * max(0.0, lower - 0.08) - 10 * max(0.0, up - 0.03))


def routing_score(truth: np.ndarray, tiers: np.ndarray, real: np.ndarray | None = None) -> float:
    """:func:`goal_score` over the hand-written rows (where issue 15 states its limits), averaged with the plain
    accuracy on the ``real`` rows (the prompts people typed), if any."""
    if real is None or not real.any():
        return goal_score(truth, tiers)
    if real.all():
        return float((tiers == truth).mean())
    return (goal_score(truth[~real], tiers[~real]) + float((tiers[real] == truth[real]).mean())) / 2


def choose_offsets(probs: np.ndarray, truth: np.ndarray, real: np.ndarray | None = None) -> tuple[float, float, float]:
    """The grid's offsets with the best :func:`routing_score` (``real`` marks the rows people typed)."""
    return max(OFFSET_GRID, key=lambda offsets: routing_score(truth, decide(probs, offsets) + 1, real))


# The typed prior (the weights' typed_offsets, `--classifier learned:typed`): offsets for prompts people type into
# coding agents, chosen on the cross-source probabilities of the typed training sources (each part scored by a
# model that did not see it), never on the probe. The choice: among TYPED_GRID's offsets whose savings gap (the
# saving `estimate` would report, less perfect routing's, on those prompts at the policy's prices) is within
# TYPED_GAP, the most accurate; if none is, the smallest gap. The gap first, since it is the number users act on;
# accuracy among the near ones, so that over- and under-routing do not merely cancel.
TYPED_GRID = [(0.0, float(round(o2, 1)), float(round(o3, 1)))
              for o2 in np.arange(-1.5, 0.51, 0.1) for o3 in np.arange(-3.0, 1.01, 0.1)]
TYPED_GAP = 0.01
TYPED_PRIOR = ("offsets chosen on {n:,} typed prompts of the training authors, each of {sources} parts scored by a "
               "model trained without it, as the most accurate whose saving lands within {gap:g} point of perfect "
               "routing's")


def tier_costs(records: list[dict], cost) -> np.ndarray:
    """(n, 3): what each request costs on each tier's model, as `estimate` prices it (float dollars)."""
    return np.array([[float(cost(t, r["prompt"])) for t in (1, 2, 3)] for r in records])


def savings_gap(costs: np.ndarray, truth: np.ndarray, tiers: np.ndarray) -> float:
    """The saving these tiers report against all-frontier, less perfect routing's (a fraction)."""
    rows = np.arange(len(truth))
    return float((costs[rows, truth - 1].sum() - costs[rows, tiers - 1].sum()) / costs[:, 2].sum())


def choose_typed_offsets(probs: np.ndarray, truth: np.ndarray, costs: np.ndarray) -> tuple[float, float, float]:
    """The typed prior's offsets (see TYPED_GRID)."""
    def key(offsets):
        tiers = decide(probs, offsets) + 1
        gap = abs(savings_gap(costs, truth, tiers))
        return (1, float((tiers == truth).mean())) if gap <= TYPED_GAP else (0, -gap)

    return max(TYPED_GRID, key=key)


def typed_prior(by_source: dict, sets: dict, cost) -> tuple[tuple[float, float, float], dict[str, list[int]]]:
    """The typed prior's offsets, chosen on every typed source's held-out probabilities, and each typed source's
    tiers under offsets chosen without it (the nested check)."""
    typed = [n for n in by_source if is_real(n)]
    probs = {n: by_source[n][1] for n in typed}
    truth = {n: np.array([r["tier"] for r in sets[n]]) for n in typed}
    costs = {n: tier_costs(sets[n], cost) for n in typed}

    def chosen(names):
        return choose_typed_offsets(np.vstack([probs[n] for n in names]), np.concatenate([truth[n] for n in names]),
                                    np.vstack([costs[n] for n in names]))

    nested = {n: (decide(probs[n], chosen([o for o in typed if o != n])) + 1).tolist() for n in typed}
    return chosen(typed), nested


def _held_out(args: tuple[str, list[dict], list[dict]]) -> tuple[str, dict[str, list[int]], np.ndarray]:
    name, train_records, test = args
    model = LearnedClassifier.from_dict(fit(train_records))
    return name, predictions(test, model), model.predict_proba([r["prompt"] for r in test])


def cross_source(sets: dict[str, list[dict]], workers: int = 2) -> dict[str, tuple[dict[str, list[int]], np.ndarray]]:
    """Each authored source's predictions and probabilities by a model trained without it (folds in parallel)."""
    authored = [name for name in sets if name != "train"]
    jobs = [(name, [r for other, rs in sets.items() if other != name for r in rs], sets[name]) for name in authored]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return {name: (preds, probs) for name, preds, probs in pool.map(_held_out, jobs)}


def main() -> None:
    policy = load_policy()
    cost = policy_request_cost(policy, load_price_book(), AS_OF)
    sets = labeled_sets()
    by_source = cross_source(sets)
    truth = {name: np.array([r["tier"] for r in sets[name]]) for name in by_source}
    real = {name: np.full(len(truth[name]), is_real(name)) for name in by_source}
    offsets = choose_offsets(np.vstack([p for _, p in by_source.values()]), np.concatenate(list(truth.values())),
                             np.concatenate(list(real.values())))
    typed_offsets, typed_nested = typed_prior(by_source, sets, cost)
    results, pooled, pooled_preds, nested = {}, [], {}, []
    for name, (preds, probs) in by_source.items():
        preds["learned"] = (decide(probs, offsets) + 1).tolist()
        preds["learned:typed"] = (decide(probs, typed_offsets) + 1).tolist()
        results[f"source: {name}"] = table(sets[name], preds, cost)
        pooled += sets[name]
        for key, values in preds.items():
            pooled_preds.setdefault(key, []).extend(values)
        others = [n for n in by_source if n != name]
        chosen = choose_offsets(np.vstack([by_source[n][1] for n in others]),
                                np.concatenate([truth[n] for n in others]), np.concatenate([real[n] for n in others]))
        nested += (decide(probs, chosen) + 1).tolist()
    results[SUMMARY] = table(pooled, pooled_preds, cost)
    results[NESTED] = table(pooled, {**pooled_preds, "learned": nested}, cost)
    del results[NESTED]["learned:cautious"], results[NESTED]["learned:typed"]
    typed_rows = [r for n in typed_nested for r in sets[n]]
    results[TYPED_NESTED] = table(typed_rows, {**{k: [v for n in typed_nested for v in by_source[n][0][k]]
                                                  for k in ("keywords", "rules")},
                                               "learned:typed": [t for ts in typed_nested.values() for t in ts]}, cost)
    is_typed = [is_real(name) for name in by_source for _ in sets[name]]
    for label, keep in ((HAND_WRITTEN, False), (TYPED, True)):
        rows = [i for i, typed in enumerate(is_typed) if typed == keep]
        results[label] = table([pooled[i] for i in rows], {k: [v[i] for i in rows] for k, v in pooled_preds.items()},
                               cost)
    path = default_classifier_path()
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["offsets"], doc["typed_offsets"] = list(offsets), list(typed_offsets)
    path.write_text(json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"offsets chosen on the cross-source probabilities: {offsets}; typed prior: {typed_offsets}")
    shipped = LearnedClassifier.load()
    probes = probe_sets()
    modes = {name: records for name, records in probes.items() if not name.startswith("real_")}
    for label, group in ((f"probes, pooled ({len(modes)} failure modes)", modes),
                         (TYPED_PROBES, {n: r for n, r in probes.items() if n not in modes})):
        pooled_probes = [r for records in group.values() for r in records]
        results[label] = table(pooled_probes, predictions(pooled_probes, shipped), cost)
    for name, records in probes.items():
        results[f"probe: {name}"] = table(records, predictions(records, shipped), cost)
    held_ids = set(json.loads((DATA / "split.json").read_text())["ids"])
    authored = [n for n in sets if n != "train"]
    train_fit = [r for r in sets["train"] if r["id"] not in held_ids] + [r for n in authored for r in sets[n]]
    test = [r for r in sets["train"] if r["id"] in held_ids]
    family_model = LearnedClassifier.from_dict(fit(train_fit)).with_policy(offsets=offsets)
    results["family split"] = table(test, predictions(test, family_model), cost)

    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["training"]["heldout"] = {
        "as_of": AS_OF.isoformat(),
        "prices": dict(policy.tier_models),
        "sets": results,
        "summary_set": SUMMARY,
        "method": METHOD.format(sources=len(by_source), typed=sum(map(is_real, by_source))),
        "typed_set": TYPED_PROBES,
        "typed_prior": TYPED_PRIOR.format(n=len(typed_rows), sources=len(typed_nested), gap=TYPED_GAP * 100),
    }
    path.write_text(json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    for name, res in results.items():
        print(name)
        for clf, v in res.items():
            print(
                f"  {clf:<17} n={v['n']:<5} acc {v['accuracy']:.1%}  t3 lower {v['tier3_sent_lower']:.1%}  "
                f"1->3 {v['tier1_sent_to_tier3']:.1%}  questions->3 {v['questions_sent_to_tier3']}  "
                f"gap {100 * (v['savings_gap'] or 0):+.1f} pts  "
                f"over {v['over_routed']:<4} ${v['mistake_cost_usd']} ({v['mistake_cost_vs_keywords']}x kw)"
            )


def markdown_rows(results: dict) -> str:
    """The routing-quality page's table, from stored figures: one row per set and classifier."""
    lines = [
        "| held-out set | classifier | accuracy | tier 3 sent lower | tier 1 → 3 | one-line questions → 3 "
        "| mistake cost vs keywords | saving's gap to perfect routing |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, res in results.items():
        for i, (clf, v) in enumerate(res.items()):
            label = f"{name} ({v['n']:,})" if i == 0 else ""
            bold = "**" if clf == "learned" else ""
            lines.append(
                f"| {label} | {clf} | {bold}{v['accuracy']:.1%}{bold} | {v['tier3_sent_lower']:.1%} | "
                f"{v['tier1_sent_to_tier3']:.1%} | {v['questions_sent_to_tier3']} | "
                f"{v['mistake_cost_vs_keywords']}× | {100 * v['savings_gap']:+.1f} pts |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:] == ["--markdown"]:  # the table of the figures stored in the shipped weights
        print(
            markdown_rows(
                json.loads(default_classifier_path().read_text(encoding="utf-8"))["training"]["heldout"]["sets"]
            )
        )
    else:
        main()
