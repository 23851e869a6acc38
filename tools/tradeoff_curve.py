"""The trade-off the recipe choice makes, candidate by candidate: issue 15's figures on the hand-written sources
and on the typed sources (cross-source), and, for the record only, on the probes (never used to choose).

    python tools/tradeoff_curve.py   (after tools/select_recipe.py, whose cached held-out probabilities it reads)

For each candidate of tools/select_recipe.py: the routing offsets its criterion chooses on the cross-source
probabilities; the hand-written and typed cross-source figures under them; then a model trained with the
candidate on every labeled set, routed by the same offsets, scored on the six failure-mode probes and on the
real probe (prompts people typed, from repositories never trained on), with the saving gap `evaluate` prints.
The printed table is docs/routing-quality.md's trade-off curve.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from heldout_report import AS_OF, is_real, probe_sets  # noqa: E402
from select_recipe import CANDIDATES, figures, held_out_probs, offsets_for  # noqa: E402
from train_default import fit, labeled_sets  # noqa: E402

from costsim.pricing.book import load_price_book  # noqa: E402
from costsim.routing.learned import LearnedClassifier  # noqa: E402
from costsim.routing.policy import load_policy  # noqa: E402
from costsim.routing.quality import goal_figures, policy_request_cost  # noqa: E402


def main() -> None:
    sets = labeled_sets()
    held = [n for n in sets if n != "train"]
    typed = [n for n in held if is_real(n)]
    hand = [n for n in held if n not in typed]
    probes = probe_sets()
    groups = {"six probes": [r for n, rs in probes.items() if not is_real(n) for r in rs],
              "real probe": [r for n, rs in probes.items() if is_real(n) for r in rs]}
    cost = policy_request_cost(load_policy(), load_price_book(), AS_OF)
    records = [r for rs in sets.values() for r in rs]
    print("| candidate | offsets | hand-written: acc / t3 lower / 1→3 | typed (cross-source): acc | "
          "six probes: acc / t3 lower / 1→3 | real probe: acc / gap |")
    print("|---|---|---|---|---|---|")
    for name, (l2, real_weight, config) in CANDIDATES.items():
        probs = held_out_probs(sets, (l2, real_weight, config), 2)
        offsets = offsets_for(held, sets, probs)
        a, t = figures(hand, sets, probs, offsets), figures(typed, sets, probs, offsets)
        model = LearnedClassifier.from_dict(fit(records, real_weight=real_weight, l2=l2, config=config,
                                                offsets=offsets))
        f = {g: goal_figures([r["tier"] for r in rs], model.tiers([r["prompt"] for r in rs]).tolist(),
                             [r["prompt"] for r in rs], cost) for g, rs in groups.items()}
        six, real = f["six probes"], f["real probe"]
        print(f"| {name} | {offsets[1]:+.1f}, {offsets[2]:+.1f} | {a['accuracy']:.1%} / {a['t3_lower']:.1%} / "
              f"{a['t1_to_3']:.1%} | {t['accuracy']:.1%} | {six['accuracy']:.1%} / {six['tier3_sent_lower']:.1%} / "
              f"{six['tier1_sent_to_tier3']:.1%} | {real['accuracy']:.1%} / {100 * real['savings_gap']:+.1f} pts |",
              flush=True)


if __name__ == "__main__":
    main()
