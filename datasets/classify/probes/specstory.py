"""Labeled prompts from the SpecStory chat histories (.specstory/history/*.md, Cursor's exports) that public
repositories committed: one reader and one writer for real_specstory.py (the probe) and
authored/real_twardoch.py (trained on).

Messages are cut and de-duplicated by real_minsky.py's messages() (each "_**User**_" section up to its "---",
each file at the last commit that added or changed it). Each record names its file at that commit and the
repository's licence. Secrets and addresses that people pasted are not copied: e-mail addresses become
user@example.com and API-key-like tokens (UUIDs, "sk-..." and Google keys, JSON web tokens, "key=" values, long hex strings) become <redacted>."""
import json
import re
from pathlib import Path

from real_minsky import messages

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_KEY = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b(?:sk|pplx|tvly)-[A-Za-z0-9_-]{16,}"
                  r"|\bAIza[0-9A-Za-z_-]{30,}|\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_.-]*|(?<=[kK][eE][yY]=)[A-Za-z0-9_-]{16,}|\b[0-9a-f]{40,}\b")


def scrub(text: str) -> str:
    """The text with e-mail addresses and API-key-like tokens replaced."""
    return _KEY.sub("<redacted>", _EMAIL.sub("user@example.com", text))


def labeled(mirrors: Path, repo: str, licence: str, tiers: str, seen: set[str]) -> list[dict]:
    """One record a labeled message of a repository's histories (its git mirror under ``mirrors``); ``tiers``
    holds one character a message, "." for one left out (text the tool wrote); messages already in ``seen``
    (an earlier repository's) are skipped before the labels are matched."""
    found = [(f, c, m) for f, c, m in messages(mirrors / repo.replace("/", "+") / "repo") if m not in seen]
    if len(found) != len(tiers):
        raise SystemExit(f"{repo}: {len(found)} messages, {len(tiers)} labels")
    seen.update(m for _, _, m in found)
    return [{"prompt": scrub(m), "tier": int(t), "source": f"https://github.com/{repo}/blob/{c}/{f}",
             "licence": licence, "author": f"typed by the author of {repo}; labeled for issue 15"}
            for (f, c, m), t in zip(found, tiers) if t != "."]


def labeled_sources(mirrors: Path, sources: dict[str, tuple[str, str]], parts: bool) -> list[dict]:
    """The records of every repository of ``sources`` (repository: (licence, tiers)), in order, a message seen in
    an earlier repository skipped; with ``parts``, each record's "part" is its repository's place (from 1), so
    the cross-source evaluation holds out one repository at a time."""
    seen: set[str] = set()
    records = []
    for part, (repo, (licence, tiers)) in enumerate(sources.items(), 1):
        records += [{**r, "part": part} if parts else r for r in labeled(mirrors, repo, licence, tiers, seen)]
    return records


def write(out: Path, id_prefix: str, records: list[dict]) -> None:
    """The JSONL: each record with an id first."""
    with out.open("w", encoding="utf-8") as fh:
        for i, r in enumerate(records, 1):
            fh.write(json.dumps({"id": f"{id_prefix}-{i:03d}", **r}, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(records)} records")
