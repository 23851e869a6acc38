#!/usr/bin/env python3
"""Builds real_aider_more.jsonl: prompts people typed into Aider, from three more public repositories that
committed their .aider.chat.history.md, quoted as data; part of the real probe (with real_aider and
real_spotter), never trained on. Chosen for the probe, by repository, before any model saw them; the
real training source (authored/real_aider_dev.py) comes from a different repository.

* sabelosimelane/prompt_sail_2 @ 528668e9f78f4e1bd2e94ab0d008191c0be8c2d7 (MIT, (c) 2025 Sabelo Simelane)
* Akash-Modi104/trading-bot @ 4c05b9ff3c9eadb4c6e306f667fb5eb914e0e430 (MIT, (c) 2026 Akash Modi)
* Aeell/ai-text-detector @ e9c482d1f59c8f08ea9d52c9b531537e919aceb9 (MIT, (c) 2023 AI Text Detector, the
  LICENSE its later commit f043e56 added)

Messages are cut and written by real_aider.py's labeled_history() and write_probe(). Labels follow
LABELING.md (one annotator, issue 15).
Run: python3 real_aider_more.py MIRRORS_DIR  (git mirrors of the three repositories; rewrites the JSONL)"""
import sys
from pathlib import Path

from real_aider import labeled_history, write_probe

SOURCES = [  # repository, commit, licence, the tier of each message in order
    ("sabelosimelane/prompt_sail_2", "528668e9f78f4e1bd2e94ab0d008191c0be8c2d7", "MIT", [1, 1, 1, 1]),
    ("Akash-Modi104/trading-bot", "4c05b9ff3c9eadb4c6e306f667fb5eb914e0e430", "MIT", [2, 2, 2]),
    ("Aeell/ai-text-detector", "e9c482d1f59c8f08ea9d52c9b531537e919aceb9", "MIT", [2]),
]


def main(mirrors: Path) -> None:
    rows = []
    for repo, commit, licence, tiers in SOURCES:
        rows += labeled_history(mirrors, repo, commit, licence, tiers)
    write_probe(Path(__file__).with_suffix(".jsonl"), "real-more", rows)

if __name__ == "__main__":
    main(Path(sys.argv[1]))
