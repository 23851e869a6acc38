#!/usr/bin/env python3
"""Builds real_cursor_more.jsonl: prompts two more people typed into Cursor, from the SpecStory chat histories
their repositories committed (.specstory/history/*.md), quoted as data; trained on, each repository held out
whole in the cross-source evaluation (its "part"). Added after real_twardoch.py, on the same day, and written
down in ../typed_sources.md before any model scored them: a contractor's session on iterative/dvc (a code-review
data task: "suggest improvements related to this PR", rubric writing, pasted task instructions) and a
maintainer's on robin-collins/Roo-Cline (a profile-state bug, then lint and docs chores).

Sources (each Apache-2.0, the LICENSE of the repository; each record names its file at a commit):
iterative/dvc, robin-collins/Roo-Cline (https://github.com/...).

Messages are cut by ../probes/specstory.py. Labels follow LABELING.md and its rules for real typed traffic (one
annotator, issue 15): a pasted form field or git chore is 1; "suggest improvements", writing rubrics or tests,
"resolve these issues" are 2; diagnosing an intermittent state bug across the extension's settings is 3.
Run: python3 real_cursor_more.py MIRRORS_DIR  (git mirrors of the two repositories; rewrites the JSONL)"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "probes"))
from specstory import labeled_sources, write  # noqa: E402

# repository: (licence, the tier of each distinct message in order, 50 a line)
SOURCES = {
    "iterative/dvc": ("Apache-2.0", (
        "22221222111111222222111112212121111222222121211111"  # 0-
        "122222222122221111"  # 50-
    )),
    "robin-collins/Roo-Cline": ("Apache-2.0", (
        "3211121211111111"  # 0-
    )),
}


def main(mirrors: Path) -> None:
    write(Path(__file__).with_suffix(".jsonl"), "real-cm", labeled_sources(mirrors, SOURCES, parts=True))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
