#!/usr/bin/env python3
"""Builds real_twardoch.jsonl: the prompts one author (Adam Twardoch) typed into Cursor while building six of
his packages, from the SpecStory chat histories the repositories committed (.specstory/history/*.md), quoted as
data. A second real training source next to Aider's author (real_aider_dev.py): another person, another tool,
mostly terse asks around TODO files, pasted CLI output and corrections. Each record's part is its repository:
the cross-source evaluation holds out one repository at a time. Which repositories train and which probe was
written down in ../typed_sources.md before any model scored them.

Sources (each MIT, the LICENSE of the repository; each record names its file at a commit):
twardoch/twat-search, twardoch/lmstrix, twardoch/twat-cache, twardoch/imgcolorshine, twardoch/vidkompy,
twardoch/twat-fs (https://github.com/twardoch/...).

Messages are cut by ../probes/specstory.py; a message already taken from an earlier repository of the list
(the author's recurring "Read current @TODO.md, update @CHANGELOG.md ..." prompt) is not repeated. Labels
follow LABELING.md and its rules for real typed traffic (one annotator, issue 15): a pasted log or traceback
with no words is the fix it implies (2 when the paste shows the cause); "update the CHANGELOG/TODO/README with
what was done" is 1 (the work is already done); "implement/continue the TODO" is 2, the usual size of such a
task, since the TODO is not shown; planning or reasoning about a design ("step back and reason about the
rationale", "which cache backend for which data") and diagnosing wrong output of an algorithm (colour transfer,
video alignment drift) are 3; "." marks text the tool wrote.
Run: python3 real_twardoch.py MIRRORS_DIR  (MIRRORS_DIR/twardoch+NAME/repo are git mirrors; rewrites the JSONL)"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "probes"))
from specstory import labeled_sources, write  # noqa: E402

LICENCE = "MIT"
# the tier of each distinct message of each repository, in order (50 a line); "." = left out
TIERS = {
    "twardoch/twat-search": (
        "22122222122212212112222211222222212221222122222212"  # 0-
        "21222222221112221211211222111111222221212222211111"  # 50-
        "11111111222111221221222222222222122121221222222111"  # 100-
        "211"  # 150-
    ),
    "twardoch/lmstrix": (
        "11111212232222221122111222221212222212121222113211"  # 0-
        "212212"  # 50-
    ),
    "twardoch/twat-cache": (
        "22111322122113233122112112222122122222113132312222"  # 0-
        "1222"  # 50-
    ),
    "twardoch/imgcolorshine": (
        "22222122111111321213133121233323221123111222221132"  # 0-
        "222222222.2222"  # 50-
    ),
    "twardoch/vidkompy": (
        "3212333223123222233222122211222"  # 0-
    ),
    "twardoch/twat-fs": (
        "221222222"  # 0-
    ),
}


def main(mirrors: Path) -> None:
    sources = {repo: (LICENCE, tiers) for repo, tiers in TIERS.items()}
    write(Path(__file__).with_suffix(".jsonl"), "real-tw", labeled_sources(mirrors, sources, parts=True))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
