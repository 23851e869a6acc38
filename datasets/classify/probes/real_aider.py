#!/usr/bin/env python3
"""Builds real_aider.jsonl: prompts people typed into the Aider coding agent, from the chat histories
(.aider.chat.history.md, where each typed line starts with "#### ") that four public repositories committed,
quoted as data; a small, independent probe of real traffic, never trained on. Each record names its source
(repository, commit, file) and licence:

* AFI-Protocol/afi-core @ a065a57f819b7341c60367d48764a08105781eb5 (MIT, (c) 2025 AFI Protocol)
* Asphyksia/OpenCoder @ 42d387d53537b0ece9565bd27133e3a28c449bff (MIT, (c) 2026 OpenCoder)
* Aquaticat/Monochromatic @ 56372c6db0d4f2431d99bfdbe2142702ed891101 (Apache-2.0)
* AlexShchuka/mozgoslav @ 1f66bc9d44c5950cada7054a9581d7058caaac66 (MIT, (c) 2026 Mozgoslav contributors)
* 151henry151/my-webserver-setup @ 22f142e237ba5f3c9a89cf200e14ba738ae6c525 (MIT, (c) 2025 Lucas Henry Bishop,
  the LICENSE of its newest commit 5dcb8ac169340fbd49fa853e9e0037a131347265); quoted below by hand (one prompt
  holding an e-mail address left out)

A message is a run of "#### " lines; repeats, aider's own questions ("Add file to the chat?") and in-chat
commands ("/add", "/run") are left out. Labels follow LABELING.md (one annotator, for issue 15); shell
commands and code typed into the chat are tier 1 (run or paste what is given), "what does this repo do" is
2 (an explanation of code), a follow-up with no context is 1 unless it asks for new diagnosis.
Run: python3 real_aider.py MIRRORS_DIR  (git mirrors of the four repositories; rewrites the JSONL)"""
import json
import re
import subprocess
import sys
from pathlib import Path

SOURCES = {
    "afi": ("AFI-Protocol/afi-core", "a065a57f819b7341c60367d48764a08105781eb5", "MIT"),
    "opencoder": ("Asphyksia/OpenCoder", "42d387d53537b0ece9565bd27133e3a28c449bff", "MIT"),
    "mono": ("Aquaticat/Monochromatic", "56372c6db0d4f2431d99bfdbe2142702ed891101", "Apache-2.0"),
    "mozgoslav": ("AlexShchuka/mozgoslav", "1f66bc9d44c5950cada7054a9581d7058caaac66", "MIT"),
}
# tiers of each source's messages, in order
TIERS = {
    "afi": [1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 2, 1, 1, 2, 1, 1, 1, 1, 3, 3, 2, 3, 1, 1, 1],
    "opencoder": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1],
    "mono": [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 3, 1, 1],
    "mozgoslav": [1, 2, 3, 1, 1, 1, 1, 3, 1, 1],
}
HENRY = ("151henry151/my-webserver-setup", "22f142e237ba5f3c9a89cf200e14ba738ae6c525", "MIT")
HENRY_ROWS = [
    ("ls", 1),
    ("this is my webserver. It's serving a number of different services including jellyfin, jellyseerr, ampache, "
     "and more. I'm trying to figure out an issue, likely a problem with the nginx config. When I navigate to "
     "qbittorrent.romptele.com instead of loading my qbittorrent instance, I am getting redirected to "
     "admin.romptele.com. Can you help me diagnose and resolve this issue?", 2),
    ("hey, there was an issue, the write to /home/henry/webserver/nginx/conf.d/qbittorrent.conf failed. Try that "
     "write again but with sudo, or check the permissions or ownership on the file", 1),
    ("ok try editing that file again, I've fixed the ownership on all the conf files", 1),
    ("well, now I get a 401 unauthorized when trying to access qbittorrent.romptele.com -- please try to help me "
     "diagnose and resolve this issue", 3),
    ("i'm still getting the same unauthorized; I am being prompted first to authenticate with basic auth, but then "
     "i get a white page with just a single plaintext word \"Unauthorized\" on it. When I look in the browser "
     "console, I see a 401 for the request to \"/\" and a 404 for the request for the favicon. Can you help me "
     "figure out what's wrong with my config?", 3),
    ("so, that seems to have failed to resolve the issue. Can you check further into why the 401 error could be "
     "occurring?", 3),
    ("ok. Are you able to access the qbittorrent docker container where qbittorrent is running, and inspect the "
     "configuration of qbittorrent? because, I am unable to access the webui to make any changes to the "
     "configuration.", 2),
    ("ok take a look at /home/henry/qbtconf.txt", 1),
    ("ok look at qbtconf.txt and make the changes needed and I'll copy it to the correct location", 1),
    ("help me inspect my running qbittorrent docker container to determine where the yml file that launched it "
     "is located", 1),
]
_SKIP = re.compile(r"^(/|Add (file|URL)|Attempt to fix|Create new file|Run shell|Allow |Fix lint|Add command output)")


def typed_messages(text: str) -> list[str]:
    """Each distinct message typed in an aider chat history (runs of "#### " lines), in order."""
    messages, current = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("####") and (line.startswith("#### ") or line.strip() == "####"):
            current.append(line[5:].rstrip())
        elif current:
            messages.append("\n".join(current).strip())
            current = []
    seen, out = set(), []
    for m in messages:
        if m and m not in seen and not _SKIP.match(m):
            seen.add(m)
            out.append(m)
    return out


def labeled_history(mirrors: Path, repo: str, commit: str, licence: str, tiers: list[int]) -> list[tuple]:
    """(prompt, tier, repo, commit, licence) for each typed message of a repository's chat history at a commit,
    read from its git mirror; the labels must be one a message."""
    git = ["git", f"--git-dir={mirrors / repo.replace('/', '+') / 'repo'}", "show", f"{commit}:.aider.chat.history.md"]
    messages = typed_messages(subprocess.run(git, capture_output=True, text=True, check=True).stdout)
    if len(messages) != len(tiers):
        raise SystemExit(f"{repo}: {len(messages)} messages, {len(tiers)} labels")
    return [(p, t, repo, commit, licence) for p, t in zip(messages, tiers)]


def write_probe(out: Path, id_prefix: str, rows: list[tuple]) -> None:
    """The probe's JSONL: one record a row, each with its source at the commit, its licence and who wrote it."""
    with out.open("w", encoding="utf-8") as f:
        for i, (prompt, tier, repo, commit, licence) in enumerate(rows, 1):
            source = f"https://github.com/{repo}/blob/{commit}/.aider.chat.history.md"
            f.write(json.dumps({"id": f"{id_prefix}-{i:03d}", "prompt": prompt, "tier": tier, "source": source,
                                "licence": licence, "author": f"typed by a user of {repo}; labeled for issue 15"},
                               ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(rows)} records")


def main(mirrors: Path) -> None:
    rows = []
    for key, (repo, commit, licence) in SOURCES.items():
        rows += labeled_history(mirrors, repo, commit, licence, TIERS[key])
    rows += [(p, t, *HENRY) for p, t in HENRY_ROWS]
    write_probe(Path(__file__).with_suffix(".jsonl"), "real-aider", rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
