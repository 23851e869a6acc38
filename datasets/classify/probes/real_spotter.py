#!/usr/bin/env python3
"""Builds real_spotter.jsonl: every distinct prompt a person typed in the public Claude Code transcripts of
marot/spotter (https://github.com/marot/spotter, commit 8cc42b0bd39d04e71e509d7d58e6782ab435329f,
test/fixtures/transcripts/*.jsonl; MIT License, Copyright (c) 2026 marot), quoted as data. Left out: lines
Claude Code wrote itself (task notifications, compaction summaries, slash-command echoes, "[Request
interrupted ...]") and subagent prompts (written by the agent). The only requests in this repository typed
by someone outside the project: a small, independent probe, never trained on. Labels follow LABELING.md (one annotator); an agent task given by
name ("Work on bead ...") is labeled 2, the usual size of such a ticket, since the ticket is not shown.
Run: python3 real_spotter.py"""
import json
from pathlib import Path

AUTHOR = "typed by the author of marot/spotter (MIT); labeled for issue 15 from LABELING.md"

ROWS = [
    ("mix phx.server doesnt seem to start", 2),
    ("Work on bead spotter-dov. Run bd show spotter-dov to see the issue details and bd ready to find available "
     "subtasks. Start with the first ready task.", 2),
    ("continue", 1),
    ("Work on bead spotter-4te. Run bd show spotter-4te to see the issue details and bd ready to find available "
     "subtasks. Start with the first ready task.", 2),
    ("continue implementation", 1),
    ("Implement spotter-gqc", 2),
    ("did you push?", 1),
    ("continue until all are done", 1),
    ("create the beads", 1),
    ("start phoenix in background", 1),
    ("scrolling back in xterm.js still does not work (maybe because outer web catches it)? websearch xterm.js tmux "
     "interactions", 3),
]


def main():
    out = Path(__file__).with_suffix(".jsonl")
    with out.open("w", encoding="utf-8") as f:
        for i, (p, t) in enumerate(ROWS, 1):
            f.write(json.dumps({"id": f"real-spotter-{i:03d}", "prompt": p, "tier": t, "author": AUTHOR},
                               ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(ROWS)} records")


if __name__ == "__main__":
    main()
