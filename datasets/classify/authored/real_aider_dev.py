#!/usr/bin/env python3
"""Builds real_aider_dev.jsonl: the prompts the author of Aider typed into Aider while building it, from the
chat history that Aider-AI/aider commits as a test fixture (tests/fixtures/chat-history.md, where each typed
line starts with "#### "), quoted as data. Each record names its chat session (a "# aider chat started at"
section, counted from 0) and its part: the cross-source evaluation holds out each part (a run of whole
sessions) as a source of its own, so real prompts are scored by models trained on other real prompts. The real training source: prompts people typed, trained on and
held out whole in the cross-source evaluation. The real probe (probes/real_*) comes from other repositories
and is never trained on; which repository went where was decided before any model was trained on either.

Source: Aider-AI/aider @ 4b2227c71f82193cf6edba5dd2117962782cacf2 (the fixture's last change; Apache-2.0,
LICENSE.txt of the same repository), https://github.com/Aider-AI/aider.

Messages are cut and de-duplicated by probes/real_aider.py's typed_messages(). Text the tool wrote is left
out ("." below): aider's "# Relevant docs" wrappers around /help questions and its "<blank>" placeholder,
besides the lint prompts and in-chat commands typed_messages() drops. Labels follow LABELING.md, with its
rules for real typed traffic written before labeling (one annotator, for issue 15, reading the whole log).
Run: python3 real_aider_dev.py MIRRORS_DIR  (MIRRORS_DIR/Aider-AI+aider/repo is a git mirror; rewrites the JSONL)"""
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "probes"))
from real_aider import typed_messages  # noqa: E402

REPO, COMMIT, LICENCE = "Aider-AI/aider", "4b2227c71f82193cf6edba5dd2117962782cacf2", "Apache-2.0"
PATH = "tests/fixtures/chat-history.md"
# the tier of each typed message, in order (50 a line); "." = written by the tool, left out
TIERS = (
    "21221121222211221112113212111111222122121111111122"  # 0-
    "31133212122212122211112122.11121212222212112122222"  # 50-
    "22122111111111112111111211122211221111111121222112"  # 100-
    "221111222211112.......1212112111221122212111111112"  # 150-
    ".1111111221221211111111111111211212111323221121321"  # 200-
    "12211222122222212221122212222222222211121122121111"  # 250-
    "21111222211221211212221211112111221121111221211111"  # 300-
    "11111111122121112211211121221121122122112111211232"  # 350-
    "11312211112211112221112211332111211111211121211222"  # 400-
    "11111211112"  # 450-
)
_KEY = re.compile(r"phc_[A-Za-z0-9]+")  # a PostHog project key typed into one message: not copied
# held out as this many sources in the cross-source evaluation, each a run of whole chat sessions (by time)
PARTS = 4
AUTHOR = f"typed by the author of {REPO} ({LICENCE}); labeled for issue 15 from LABELING.md"


def main(mirrors: Path) -> None:
    git = ["git", f"--git-dir={mirrors / REPO.replace('/', '+') / 'repo'}", "show", f"{COMMIT}:{PATH}"]
    text = subprocess.run(git, capture_output=True, text=True, check=True).stdout
    messages, sessions, seen = [], [], set()
    for session, chat in enumerate(text.split("\n# aider chat started at ")):
        for m in typed_messages(chat):
            if m not in seen and not m.startswith("# Fix any errors below"):
                seen.add(m)
                messages.append(m)
                sessions.append(session)
    tiers = "".join(TIERS)
    if len(messages) != len(tiers):
        raise SystemExit(f"{REPO}: {len(messages)} messages, {len(tiers)} labels")
    source = f"https://github.com/{REPO}/blob/{COMMIT}/{PATH}"
    out = Path(__file__).with_suffix(".jsonl")
    rows = [(_KEY.sub("phc_<redacted>", m), int(t), s) for m, t, s in zip(messages, tiers, sessions) if t != "."]
    first = {}  # each session's first row: a session's part is where it starts, so no session is split
    for i, (_, _, session) in enumerate(rows):
        first.setdefault(session, i)
    with out.open("w", encoding="utf-8") as f:
        for i, (prompt, tier, session) in enumerate(rows, 1):
            part = 1 + PARTS * first[session] // len(rows)
            f.write(json.dumps({"id": f"rad-{i:04d}", "prompt": prompt, "tier": tier, "session": session,
                                "part": part, "source": source, "licence": LICENCE, "author": AUTHOR},
                               ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(rows)} records")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
