"""Held-out routing quality of keywords / rules / learned / learned:cautious, written into the shipped weights.

    python tools/train_default.py && python tools/heldout_report.py

Every figure is on requests the scored model never saw:
* ``authored (leave one set out)``: each hand-written set in datasets/classify/authored/ is scored by a
  model trained on train.jsonl and the *other* authored sets; the pooled result is the headline
  (``estimate`` quotes it). Each set was written by a different author with a different brief, so
  this measures generalization to new phrasings, not to new templates of one generator.
* ``family split``: the frozen split in datasets/classify/split.json (whole generator families of
  train.jsonl, stratified by tier), scored by a model trained without those families.
The smart rules were written by reading train.jsonl and earlier_a, so their figures there are optimistic.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from train_default import DATA, fit, labeled_sets  # noqa: E402

from costsim.evaluate import evaluate  # noqa: E402
from costsim.learned import LearnedClassifier, default_classifier_path  # noqa: E402
from costsim.policy import load_policy  # noqa: E402
from costsim.prices import load_price_book  # noqa: E402
from costsim.quality import policy_request_cost  # noqa: E402
from costsim.rules import keyword_tier, smart_rules_tier  # noqa: E402

AS_OF = date(2026, 5, 14)
SUMMARY = "authored (leave one set out)"


def scores(truth, pred, prompts, cost) -> dict:
    ev = evaluate(truth, pred, prompts, cost)
    return {"n": ev.n, "accuracy": round(ev.accuracy, 4), "tier3_sent_lower": round(ev.tier3_sent_lower_rate, 4),
            "tier2_sent_to_tier1": ev.tier2_sent_to_tier1, "over_routed": ev.over_routed,
            "mistake_cost_usd": str(ev.mistake_cost_usd.quantize(Decimal("0.000001"))),
            "extra_cost_usd": str(ev.extra_cost_usd.quantize(Decimal("0.000001")))}


def predictions(records: list[dict], model: LearnedClassifier) -> dict[str, list[int]]:
    prompts = [r["prompt"] for r in records]
    return {"keywords": [keyword_tier(p).tier for p in prompts],
            "rules": [smart_rules_tier(p).tier for p in prompts],
            "learned": [d.tier for d in model.predict(prompts, explain=0)],
            "learned:cautious": [d.tier for d in model.cautious().predict(prompts, explain=0)]}


def table(records: list[dict], preds: dict[str, list[int]], cost) -> dict:
    prompts, truth = [r["prompt"] for r in records], [r["tier"] for r in records]
    out = {name: scores(truth, pred, prompts, cost) for name, pred in preds.items()}
    for key in ("mistake_cost", "extra_cost"):
        base = Decimal(out["keywords"][f"{key}_usd"])
        for v in out.values():
            v[f"{key}_vs_keywords"] = round(float(Decimal(v[f"{key}_usd"]) / base), 3) if base else None
    return out


def main() -> None:
    policy = load_policy()
    cost = policy_request_cost(policy, load_price_book(), AS_OF)
    sets = labeled_sets()
    authored = [name for name in sets if name != "train"]
    results, pooled, pooled_preds = {}, [], {}
    for name in authored:
        others = [r for other, rs in sets.items() if other != name for r in rs]
        preds = predictions(sets[name], LearnedClassifier.from_dict(fit(others)))
        results[f"authored: {name}"] = table(sets[name], preds, cost)
        pooled += sets[name]
        for key, values in preds.items():
            pooled_preds.setdefault(key, []).extend(values)
        print(f"scored {name}", file=sys.stderr)
    results[SUMMARY] = table(pooled, pooled_preds, cost)
    held_ids = set(json.loads((DATA / "split.json").read_text())["ids"])
    train_fit = [r for r in sets["train"] if r["id"] not in held_ids] + [r for n in authored for r in sets[n]]
    test = [r for r in sets["train"] if r["id"] in held_ids]
    results["family split"] = table(test, predictions(test, LearnedClassifier.from_dict(fit(train_fit))), cost)

    path = default_classifier_path()
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["training"]["heldout"] = {"as_of": AS_OF.isoformat(), "prices": dict(policy.tier_models), "sets": results,
                                  "summary_set": SUMMARY}
    path.write_text(json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    for name, res in results.items():
        print(name)
        for clf, v in res.items():
            print(f"  {clf:<17} n={v['n']:<5} acc {v['accuracy']:.1%}  t3 lower {v['tier3_sent_lower']:.1%}  "
                  f"2->1 {v['tier2_sent_to_tier1']:<3} over {v['over_routed']:<4} ${v['mistake_cost_usd']} "
                  f"({v['mistake_cost_vs_keywords']}x kw; above perfect routing {v['extra_cost_vs_keywords']}x kw)")


if __name__ == "__main__":
    main()
