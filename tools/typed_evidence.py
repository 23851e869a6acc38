"""Which classifier `estimate` should use on prompts people type: each classifier on both held-out sets of typed
prompts, and on the two pooled, in the figures that matter there: accuracy, the money lost to mistakes, and how far
the saving `estimate` would report lands from perfect routing's (the gap `costsim evaluate` prints).

    python tools/typed_evidence.py   (after tools/train_default.py, tools/heldout_report.py, tools/select_recipe.py)

The two sets: the typed training sources scored cross-source (each part by a model trained without it, with the
shipped recipe; the typed prior's offsets chosen without the part, heldout_report's nested check), and the real
probe (prompts of other repositories, never trained on or used to choose anything), scored by the shipped model.
The printed table is docs/routing-quality.md's.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import numpy as np  # noqa: E402
from heldout_report import AS_OF, choose_typed_offsets, is_real, probe_sets, tier_costs  # noqa: E402
from select_recipe import held_out_probs  # noqa: E402
from train_default import REAL_WEIGHT, labeled_sets  # noqa: E402

from costsim.pricing.book import load_price_book  # noqa: E402
from costsim.routing.learned import LearnedClassifier, decide  # noqa: E402
from costsim.routing.policy import load_policy  # noqa: E402
from costsim.routing.quality import policy_request_cost  # noqa: E402
from costsim.routing.rules import keyword_tier, smart_rules_tier  # noqa: E402
from costsim.routing.train import RECIPE_CONFIG, RECIPE_L2  # noqa: E402

NAMES = ("keywords", "rules", "learned", "learned:typed")


def row(truth: np.ndarray, tiers: np.ndarray, costs: np.ndarray, cost_of_mistakes: float) -> str:
    rows = np.arange(len(truth))
    gap = (costs[rows, truth - 1].sum() - costs[rows, tiers - 1].sum()) / costs[:, 2].sum()
    return f"{(tiers == truth).mean():.1%} | ${cost_of_mistakes:.2f} | {100 * gap:+.1f} pts"


def mistakes(truth: np.ndarray, tiers: np.ndarray, costs: np.ndarray) -> float:
    """evaluate()'s mistake cost: an under-routed request pays its attempt and the right tier, an over-routed one
    the higher tier."""
    rows = np.arange(len(truth))
    under, over = tiers < truth, tiers > truth
    return float(costs[rows, tiers - 1][under].sum() + costs[rows, truth - 1][under].sum()
                 + costs[rows, tiers - 1][over].sum())


def main() -> None:
    sets = labeled_sets()
    cost = policy_request_cost(load_policy(), load_price_book(), AS_OF)
    shipped = LearnedClassifier.load()
    typed = [n for n in sets if is_real(n)]
    probs = held_out_probs(sets, (RECIPE_L2, REAL_WEIGHT, RECIPE_CONFIG), 2)
    truth, costs = {}, {}
    for n in typed:
        truth[n] = np.array([r["tier"] for r in sets[n]])
        costs[n] = tier_costs(sets[n], cost)
    cross: dict[str, list] = {k: [] for k in NAMES}
    for n in typed:
        prompts = [r["prompt"] for r in sets[n]]
        others = [o for o in typed if o != n]
        prior = choose_typed_offsets(np.vstack([probs[o] for o in others]), np.concatenate([truth[o] for o in others]),
                                     np.vstack([costs[o] for o in others]))
        cross["keywords"].append([keyword_tier(p).tier for p in prompts])
        cross["rules"].append([smart_rules_tier(p).tier for p in prompts])
        cross["learned"].append(decide(probs[n], shipped.offsets) + 1)
        cross["learned:typed"].append(decide(probs[n], prior) + 1)
    probe = [r for n, rs in probe_sets().items() if is_real(n) for r in rs]
    prompts = [r["prompt"] for r in probe]
    sets_of = {
        f"typed training sources, cross-source ({sum(len(sets[n]) for n in typed):,})":
            (np.concatenate([truth[n] for n in typed]), {k: np.concatenate(v) for k, v in cross.items()},
             np.vstack([costs[n] for n in typed])),
        f"real probe, never trained on ({len(probe):,})":
            (np.array([r["tier"] for r in probe]),
             {"keywords": np.array([keyword_tier(p).tier for p in prompts]),
              "rules": np.array([smart_rules_tier(p).tier for p in prompts]),
              "learned": shipped.tiers(prompts), "learned:typed": shipped.typed().tiers(prompts)},
             tier_costs(probe, cost)),
    }
    pooled = (np.concatenate([t for t, _, _ in sets_of.values()]),
              {k: np.concatenate([p[k] for _, p, _ in sets_of.values()]) for k in NAMES},
              np.vstack([c for _, _, c in sets_of.values()]))
    sets_of[f"both ({len(pooled[0]):,})"] = pooled
    print("| typed prompts | classifier | accuracy | mistake cost | saving's gap to perfect routing |")
    print("|---|---|---|---|---|")
    for label, (t, preds, c) in sets_of.items():
        for i, k in enumerate(NAMES):
            print(f"| {label if i == 0 else ''} | {k} | {row(t, preds[k], c, mistakes(t, preds[k], c))} |")


if __name__ == "__main__":
    main()
