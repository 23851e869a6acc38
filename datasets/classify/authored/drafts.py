"""What the authored sources' builders share: checking a source's drafts against the training set, the probes
and every other source for near-duplicates, and writing the rows kept. A probe's text is never shown."""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ASCII_WORDS = r"[a-z0-9_]+"  # English sources: runs of ASCII letters, digits and "_"
ANY_WORDS = r"\w+"  # sources in other scripts too


def words(text: str, pattern: str = ASCII_WORDS) -> set[str]:
    return set(re.findall(pattern, text.lower()))


def near_duplicates(rows: list[dict], source: str, pattern: str = ASCII_WORDS, limit: float = 0.6) -> list[tuple]:
    """(draft, what it met: "train", "a probe" or the source's name) for each of `source`'s rows whose words
    overlap a row of the training set, a probe or another source by Jaccard >= `limit`."""
    others = [(HERE.parent / "train.jsonl", "train"), *((p, "a probe") for p in sorted(HERE.parent.glob("probes/*.jsonl"))),
              *((p, p.stem) for p in sorted(HERE.glob("*.jsonl")) if p.stem != source)]
    seen = [(kind, words(json.loads(line)["prompt"], pattern)) for f, kind in others for line in f.open(encoding="utf-8")]
    clashes = []
    for row in rows:
        mine = words(row["prompt"], pattern)
        for kind, theirs in seen:
            if mine and theirs and len(mine & theirs) / len(mine | theirs) >= limit:
                clashes.append((row["prompt"], kind))
                break
    return clashes


def labeled(rows: list[tuple[str, int, str]], prefix: str, group: str, author: str) -> list[dict]:
    """(group, tier, prompt) drafts as records: ids `prefix`-0001 on, the group under the key `group`."""
    return [{"id": f"{prefix}-{i:04d}", "prompt": p, "tier": t, group: g, "author": author}
            for i, (g, t, p) in enumerate(rows, 1)]


def write_kept(rows: list[dict], source: str, pattern: str = ASCII_WORDS) -> None:
    """Write `source`.jsonl beside this file: `rows` but the drafts `near_duplicates` finds, each named."""
    clashes = near_duplicates(rows, source, pattern)
    dropped = {mine for mine, _ in clashes}
    for mine, kind in clashes:
        print(f"dropped (near-duplicate of {kind}): {mine!r}")
    rows = [r for r in rows if r["prompt"] not in dropped]
    out = HERE / f"{source}.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(rows)} records, {len(dropped)} drafts dropped")
