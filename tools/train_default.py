"""Rebuild costsim/routing/data/classifier.json, the shipped learned classifier.

    python tools/train_default.py && python tools/heldout_report.py

Trained on every labeled request in datasets/classify/: the 600 templated records of train.jsonl, the hand-written
authoring sources in datasets/classify/authored/, and the prompts people typed: Aider's author into Aider
(authored/real_aider_dev.jsonl) and three people into Cursor (authored/real_twardoch.jsonl,
authored/real_cursor_more.jsonl), all weighing REAL_WEIGHT; never the probes. The recipe (costsim.routing.train's
RECIPE_* defaults, also what `costsim train` uses) and REAL_WEIGHT were chosen by tools/select_recipe.py on the
cross-source evaluation (each source held out whole; the Aider log in four parts of whole sessions, the Cursor logs
one repository at a time), among candidates that route issue 15's own examples sensibly: word unigrams and bigrams
of the request's own prose (pasted code, logs and earlier turns removed), 5-character stems of longer words
(non-ASCII words too since the eighth session), a short quoted string as one word, five shape features with the
prose's length capped at 16 words, and since the twelfth session the form of the ask in 19 languages
(costsim/routing/forms.py); no question marks, no punctuation and no function words on their own, in any language
(issue 15: in the older sets they marked how hard asks were *written*, so plain questions went to tier 3); L2 3e-6;
balanced class weights; each authored set weighed by its size ^0.5 (SOURCE_POWER).
tools/heldout_report.py then chooses the routing offsets on the pooled cross-source probabilities (a grid of 0.1
steps), writes them into the weights and reports a nested check (each source routed by offsets chosen without it),
and the typed prior (`learned:typed`), chosen on the typed sources' cross-source probabilities; cautious offsets
stay (0, 0.4, 0.8).
"""

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from costsim.routing.features import FeaturizerConfig, document_features  # noqa: E402
from costsim.routing.learned import default_classifier_path  # noqa: E402
from costsim.routing.train import RECIPE_CONFIG, load_records, save_weights, train  # noqa: E402

DATA = ROOT / "datasets" / "classify"


def labeled_sets() -> dict[str, list[dict]]:
    """Every labeled set by name: "train" (templated), each hand-written authored set, and each part of a
    set of real typed prompts (records with a "part": ``real_aider_dev_1`` ...), held out one by one."""
    sets = {"train": load_records(DATA / "train.jsonl")}
    for path in sorted((DATA / "authored").glob("*.jsonl")):
        for r in load_records(path):
            sets.setdefault(f"{path.stem}_{r['part']}" if "part" in r else path.stem, []).append(r)
    for name, records in sets.items():
        for r in records:
            r["set"] = name  # which set a record came from: fit() weighs each set as a whole (SOURCE_POWER)
    return sets


# Records typed by real people (they carry a "source" URL) weigh this much in training; chosen with the
# recipe by tools/select_recipe.py on cross-source figures (never on a probe): 3 in the sixth session, with one
# typed source; 0.5 in the seventh, with two (366 more prompts of another author); kept in the eighth.
REAL_WEIGHT = 0.5


# Each authoring set (each part of a typed log) weighs (mean set size / its size) ** SOURCE_POWER in training, the
# templated train.jsonl 1: at 1 every set weighs as much as the average one, so a style written in 40 requests
# (textbook "why" questions) counts as much as one written in 300 (terse asks). 0, every request weighing alike, was the
# shipped recipe until issue 15's twelfth session; 0.5 and 1 were tried in the eighth session's third round
# (tools/select_recipe.py's THIRD_ROUND) and not shipped then; 0.5 ships since the twelfth (select_recipe's TWELFTH
# grid, candidate (a): the tenth session's best with the forms of the ask).
SOURCE_POWER = 0.5


def set_weights(records: list[dict], source_power: float = SOURCE_POWER) -> list[float]:
    """Each record's weight for its set (its "set" key, written by labeled_sets(); records without one weigh 1)."""
    sizes = Counter(r.get("set") for r in records)
    authored = [n for n in sizes if n not in (None, "train")]
    mean = sum(sizes[n] for n in authored) / len(authored) if authored else 1.0
    return [1.0 if r.get("set") in (None, "train") else (mean / sizes[r["set"]]) ** source_power for r in records]


# Class weights balanced within each band of prose length (issue 15's tenth session; 0, the shipped recipe, balances
# the tiers over all records): in the hand-written sets a short ask is nearly always tier 1 and a long one mostly
# tier 3, so the bias and the length feature learn "short = easy, long = hard" and held out, short tier-3 asks go to
# tier 1 and long mechanical asks to tier 3 (docs/routing-quality.md). At LENGTH_BALANCE = 1 every band's tiers weigh
# alike, so the prose's length says nothing of the tier by construction; in between, the weights are the geometric
# mean of the two balances. Tried in the tenth session and not shipped.
LENGTH_BALANCE = 0.0
LENGTH_BANDS = (5, 10, 16, 32)  # prose words: < 5, 5-9, 10-15, 16-31, 32 or more


def length_weights(records: list[dict], power: float = LENGTH_BALANCE,
                   config: FeaturizerConfig = RECIPE_CONFIG) -> list[float]:
    """Each record's class weight balanced within its band of prose words, over the tiers' balance across all records
    (train()'s "balanced"), to the ``power``: 1 for every record at 0."""
    if not power:
        return [1.0] * len(records)
    bands = [sum(document_features(r["prompt"], config)[2] >= edge for edge in LENGTH_BANDS) for r in records]
    tiers = [r["tier"] for r in records]
    per_tier, per_band, per_cell = Counter(tiers), Counter(bands), Counter(zip(bands, tiers))
    return [((per_band[b] / per_cell[b, t]) / (len(records) / per_tier[t])) ** power for b, t in zip(bands, tiers)]


def fit(records: list[dict], real_weight: float = REAL_WEIGHT, source_power: float = SOURCE_POWER,
        length_balance: float = LENGTH_BALANCE, **recipe) -> dict:
    """The shipped recipe (costsim.routing.train's RECIPE_* defaults, also what `costsim train` uses), with
    the real typed records weighing ``real_weight``, each set weighed by ``source_power`` (set_weights) and the
    tiers balanced within bands of prose length by ``length_balance`` (length_weights); ``recipe`` overrides
    train()'s other arguments."""
    lengths = length_weights(records, length_balance, recipe.get("config", RECIPE_CONFIG))
    weights = [(real_weight if "source" in r else 1.0) * w * v
               for r, w, v in zip(records, set_weights(records, source_power), lengths)]
    return train(records, record_weights=weights, **recipe)


if __name__ == "__main__":
    records = [r for rs in labeled_sets().values() for r in rs]
    weights = fit(records)
    out = save_weights(weights, default_classifier_path())
    print(f"{out}: {out.stat().st_size:,} bytes, {len(weights['vocab']):,} features, {len(records)} records")
