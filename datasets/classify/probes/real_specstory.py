#!/usr/bin/env python3
"""Builds real_specstory.jsonl: prompts four people typed into Cursor (and one into VS Code's Copilot chat, which
SpecStory also exports), from the chat histories their repositories committed (.specstory/history/*.md), quoted
as data; part of the real probe, never trained on. Chosen for the probe, by repository, before any model scored a
prompt of them (../typed_sources.md): four authors, none of whom wrote any training data, so the probe is no
longer mostly one repository (edobry/minsky).

Sources (each record names its file at a commit):
* closup/process-xbrl (MIT, License.txt: (c) 2024 The Regents of the University of Michigan)
* OdyAsh/odyash-dev.to (MIT, as its package.json declares; the repository has no LICENSE file)
* maloneype/yposfgold-community-platform (ISC, as its package.json declares)
* Singingkettle/ChangShuoRadioRecognition (Apache-2.0, its LICENSE)

Messages are cut by specstory.py. Left out ("."): sections that hold the assistant's text ("--- _**Assistant**_"),
and Copilot's "Continue to iterate?" button. Labels follow LABELING.md and its rules for real typed traffic
(one annotator, issue 15): an error quoted with no words, or "i still get this error" whose paste the export
lost, is the fix it implies (2); "please launch/relaunch the server", git chores and questions about a tool
are 1; a styling tweak with the value given is 1; diagnosis across the Excel conversion and the iXBRL viewer, or
an exhaustive "design, develop, deploy and test everything", is 3.
Run: python3 real_specstory.py MIRRORS_DIR  (git mirrors of the four repositories; rewrites the JSONL)"""
import sys
from pathlib import Path

from specstory import labeled_sources, write

# repository: (licence, the tier of each distinct message in order, 50 a line; "." = left out)
SOURCES = {
    "closup/process-xbrl": ("MIT", (
        "...11112111111112211222.212.23222222221112112.1222"  # 0-
        "222322122.22122222222222122222222.2222222222222122"  # 50-
        "12111111.122112.1111111111111132212222211111111111"  # 100-
        "1111"  # 150-
    )),
    "OdyAsh/odyash-dev.to": ("MIT", (
        "21.22111211122111112222122121111212122121122111121"  # 0-
        "1211121212112"  # 50-
    )),
    "maloneype/yposfgold-community-platform": ("ISC", (
        "11111111111111111111111111111111111111111112111111"  # 0-
        "1212121211111211111222121.22..1112122212.112122222"  # 50-
        "212221322211222122221"  # 100-
    )),
    "Singingkettle/ChangShuoRadioRecognition": ("Apache-2.0", (
        "1111111123"  # 0-
    )),
}


def main(mirrors: Path) -> None:
    write(Path(__file__).with_suffix(".jsonl"), "real-specstory", labeled_sources(mirrors, SOURCES, parts=False))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
