"""Rebuild costsim/data/classifier.json from datasets/classify/train.jsonl (all 600 records).

Method chosen by grouped CV (tools/eval_classifiers.py --candidates): words 1-2 + char 2-4
n-grams of the request prose, dense shape features and smart-rules signals; L2 1e-3;
balanced class weights. Cautious offsets (0, 0.25, 1.5) were picked on out-of-fold
probabilities so that <= 10% of true tier-3 requests go lower.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from costsim.learned import FeaturizerConfig  # noqa: E402
from costsim.train import load_records, save_weights, train  # noqa: E402

if __name__ == "__main__":
    weights = train(
        load_records(ROOT / "datasets/classify/train.jsonl"),
        config=FeaturizerConfig(),
        l2=1e-3,
        class_weight="balanced",
        cautious_offsets=(0.0, 0.25, 1.5),
    )
    out = save_weights(weights, ROOT / "costsim/data/classifier.json")
    print(f"{out}: {out.stat().st_size} bytes, {len(weights['vocab'])} features")
