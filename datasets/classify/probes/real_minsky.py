#!/usr/bin/env python3
"""Builds real_minsky.jsonl: every distinct prompt the author of edobry/minsky typed into Cursor while building
it, from the SpecStory chat histories the repository committed (.specstory/history/*.md, each "_**User**_"
section up to its "---"), quoted as data; part of the real probe, never trained on. Chosen for the probe,
by repository, before any model scored a prompt of it: a different tool (Cursor's agent) and a different
author from the real training source (authored/real_aider_dev.py).

Source: edobry/minsky (MIT, (c) 2025 Eugene Dobry), https://github.com/edobry/minsky; each history file is read
at the last commit that added or changed it (the files were later removed), and each record names that file
and commit.

Left out (".") : sections that are a pasted diff of a history file, not a message. Labels follow LABELING.md
and its rules for real typed traffic (one annotator, issue 15); "start/continue working on task N" is
labeled 2, the usual size of such a ticket, since the ticket is not shown (as real_spotter.py does).
Run: python3 real_minsky.py MIRRORS_DIR  (MIRRORS_DIR/edobry+minsky/repo is a git mirror; rewrites the JSONL)"""
import json
import re
import subprocess
import sys
from pathlib import Path

REPO, LICENCE = "edobry/minsky", "MIT"
# the tier of each distinct message, in order of file name then position (50 a line); "." = left out
TIERS = (
    "12211122221112222222222221212222212222222111111111"  # 0-
    "12221221112221111122122211122212221122222211222212"  # 50-
    "12212111111111111111111111211112111111122111111211"  # 100-
    "11111111112122112211111111111112122211112111111221"  # 150-
    "1112111112211232211111111123.112111111112222122211"  # 200-
    "212.1112221211112222222111211211111112111221121111"  # 250-
    "11222.11211222111221221111221111112211111212112121"  # 300-
    "11111121112211212112111121111211111121112111112211"  # 350-
    "121111111121221111111211111112211"  # 400-
)
_USER = re.compile(r"_\*\*User\*\*_\s*\n(.*?)(?=\n---\s*\n|\Z)", re.S)


def messages(git_dir: Path) -> list[tuple[str, str, str]]:
    """(file, commit, message) of each distinct typed message of the committed histories."""
    def git(*args: str) -> str:
        return subprocess.run(["git", f"--git-dir={git_dir}", *args], capture_output=True, text=True,
                              check=True).stdout

    files = sorted(set(git("log", "--all", "--name-only", "--format=", "--", ".specstory/history/*").split()))
    seen, out = set(), []
    for f in files:
        commit = git("log", "--all", "-1", "--format=%H", "--diff-filter=AM", "--", f).strip()
        for m in _USER.finditer(git("show", f"{commit}:{f}")):
            text = m.group(1).strip()
            if text and text not in seen:
                seen.add(text)
                out.append((f, commit, text))
    return out


def main(mirrors: Path) -> None:
    found = messages(mirrors / REPO.replace("/", "+") / "repo")
    tiers = "".join(TIERS)
    if len(found) != len(tiers):
        raise SystemExit(f"{REPO}: {len(found)} messages, {len(tiers)} labels")
    out = Path(__file__).with_suffix(".jsonl")
    rows = [(f, c, m, int(t)) for (f, c, m), t in zip(found, tiers) if t != "."]
    with out.open("w", encoding="utf-8") as fh:
        for i, (f, commit, prompt, tier) in enumerate(rows, 1):
            fh.write(json.dumps({"id": f"real-minsky-{i:03d}", "prompt": prompt, "tier": tier,
                                 "source": f"https://github.com/{REPO}/blob/{commit}/{f}", "licence": LICENCE,
                                 "author": f"typed by the author of {REPO}; labeled for issue 15"},
                                ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(rows)} records")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
