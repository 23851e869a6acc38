#!/usr/bin/env python3
"""Builds real_aider_more.jsonl: prompts people typed into Aider, from three more public repositories that
committed their .aider.chat.history.md, quoted as data; part of the real probe (with real_aider and
real_spotter), never trained on. Chosen for the probe, by repository, before any model saw them; the
real training source (authored/real_aider_dev.py) comes from a different repository.

* sabelosimelane/prompt_sail_2 @ 528668e9f78f4e1bd2e94ab0d008191c0be8c2d7 (MIT, (c) 2025 Sabelo Simelane)
* Akash-Modi104/trading-bot @ 4c05b9ff3c9eadb4c6e306f667fb5eb914e0e430 (MIT, (c) 2026 Akash Modi)
* Aeell/ai-text-detector @ e9c482d1f59c8f08ea9d52c9b531537e919aceb9 (MIT, (c) 2023 AI Text Detector, the
  LICENSE its later commit f043e56 added)

Messages are cut by real_aider.py's typed_messages(). Labels follow LABELING.md (one annotator, issue 15).
Run: python3 real_aider_more.py MIRRORS_DIR  (git mirrors of the three repositories; rewrites the JSONL)"""
import json
import subprocess
import sys
from pathlib import Path

from real_aider import typed_messages

SOURCES = [  # repository, commit, licence, the tier of each message in order
    ("sabelosimelane/prompt_sail_2", "528668e9f78f4e1bd2e94ab0d008191c0be8c2d7", "MIT", [1, 1, 1, 1]),
    ("Akash-Modi104/trading-bot", "4c05b9ff3c9eadb4c6e306f667fb5eb914e0e430", "MIT", [2, 2, 2]),
    ("Aeell/ai-text-detector", "e9c482d1f59c8f08ea9d52c9b531537e919aceb9", "MIT", [2]),
]


def main(mirrors: Path) -> None:
    rows = []
    for repo, commit, licence, tiers in SOURCES:
        git = ["git", f"--git-dir={mirrors / repo.replace('/', '+') / 'repo'}", "show", f"{commit}:.aider.chat.history.md"]
        messages = typed_messages(subprocess.run(git, capture_output=True, text=True, check=True).stdout)
        if len(messages) != len(tiers):
            raise SystemExit(f"{repo}: {len(messages)} messages, {len(tiers)} labels")
        rows += [(p, t, repo, commit, licence) for p, t in zip(messages, tiers)]
    out = Path(__file__).with_suffix(".jsonl")
    with out.open("w", encoding="utf-8") as f:
        for i, (prompt, tier, repo, commit, licence) in enumerate(rows, 1):
            source = f"https://github.com/{repo}/blob/{commit}/.aider.chat.history.md"
            f.write(json.dumps({"id": f"real-more-{i:03d}", "prompt": prompt, "tier": tier, "source": source,
                                "licence": licence, "author": f"typed by a user of {repo}; labeled for issue 15"},
                               ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(rows)} records")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
