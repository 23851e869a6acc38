"""Reasons a person recognises for the learned classifier's decisions.

Each feature of the model belongs to at most one *cue*, named in words ("asks a how-to question", "a
mechanical edit: rename", "design across services"): by the word it reads, or for a prose's first word
(``b:<s> how``) by the kind of question it opens. A decision's reason names the cues that pushed hardest
towards the chosen tier, strongest first (their features' contributions added up).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["CUES", "cue_of"]

# The first word of the prose: what kind of ask it opens.
_OPENERS = {
    "how": "asks a how-to question", "what": "asks a fact question", "what's": "asks a fact question",
    "which": "asks a fact question", "is": "asks a yes/no question", "are": "asks a yes/no question",
    "does": "asks a yes/no question", "can": "asks a yes/no question", "why": "asks why something happens",
    "should": "asks for a decision", "yes": "a follow-up: carry on", "ok": "a follow-up: carry on",
    "continue": "a follow-up: carry on", "go": "a follow-up: carry on", "now": "a follow-up: carry on",
    "great": "a follow-up: carry on", "looks": "a follow-up: carry on", "sure": "a follow-up: carry on",
}
# Words, by the kind of work they name.
_WORDS = {
    "a mechanical edit: rename": "rename renamed renaming renames umbenennen renombra renomme 重命名",
    "a mechanical edit: comments or docs": "comment comments docstring docstrings jsdoc javadoc doc docs "
                                           "document documentation kommentare comentarios commentaires 注释 コメント",
    "a mechanical edit: typo": "typo typos spelling misspelled wording",
    "a mechanical edit: formatting": "format formatting reformat prettier lint linter indent indentation sort "
                                     "imports alphabetically whitespace",
    "a mechanical edit: type hints": "hints hint annotations annotate typed",
    "a mechanical edit: a value": "bump set change version timeout replicas level",
    "a translation": "translate translation translations traduce traduz übersetze",
    "writes up finished work": "commit changelog summary summarize summarise description pr notes",
    "boilerplate": "gitignore boilerplate template scaffold builder makefile stub skeleton",
    "a follow-up: carry on": "continue proceed ahead next again lgtm",
    "implements from a spec": "implement implementation function endpoint endpoints crud handler script query "
                              "method component feature validation pagination",
    "writes tests": "test tests pytest jest unit vitest coverage",
    "a standard refactor": "refactor extract split cleanup",
    "fixes a visible bug": "fix bug error crash crashes exception traceback broken keyerror typeerror",
    "a concurrency problem": "race concurrent concurrency deadlock lock locks thread threads simultaneous "
                             "twice duplicate duplicates workers pods replicas parallel",
    "an intermittent failure": "sometimes intermittent intermittently flaky occasionally randomly sporadically",
    "performance diagnosis": "latency p99 p95 slow slower slowdown memory leak oom performance regression",
    "design across services": "design architecture architect services microservices monolith shard sharding "
                              "consistency migrate migration downtime region regions failover tradeoffs trade",
    "a security review": "security vulnerability vulnerabilities vulnerable audit attack exploit injection review",
    "asks why something happens": "why",
}
_DENSE = {"has_code": "pasted code", "code_len": "pasted code", "traceback": "a pasted traceback or log",
          "multi_turn": "a follow-up in a conversation", "prose_words": "how much the request spells out",
          # the form of the ask, in 19 languages (costsim.routing.forms): after every other cue, so the shipped
          # model's cues keep their places
          "form_explain": "asks to explain a concept", "form_howto": "asks a how-to question",
          "form_diagnose": "asks to find the cause", "form_ours": "speaks of our own system",
          "form_intermittent": "an intermittent failure", "form_decide": "asks for a decision",
          "form_followup": "a follow-up: carry on"}

CUES: tuple[str, ...] = tuple(dict.fromkeys([*_OPENERS.values(), *_WORDS, *_DENSE.values()]))
_CUE_OF_WORD = {word: cue for cue, words in _WORDS.items() for word in words.split()}


def cue_of(feature: str) -> str | None:
    """The cue a feature name (``w:rename``, ``b:<s> how``, ``d:has_code``) belongs to, if any."""
    kind, _, rest = feature.partition(":")
    if kind == "d":
        return _DENSE.get(rest)
    words = rest.split(" ")
    if kind == "b" and words[0] == "<s>":
        return _OPENERS.get(words[1]) or _CUE_OF_WORD.get(words[1])
    for word in words:
        if word in _CUE_OF_WORD:
            return _CUE_OF_WORD[word]
    return None


def cue_columns(names: Sequence[str]) -> np.ndarray:
    """Each feature's cue as an index into :data:`CUES` (-1: none)."""
    index: dict[str | None, int] = {cue: i for i, cue in enumerate(CUES)}  # a feature of no cue: None
    return np.array([index.get(cue_of(name), -1) for name in names], dtype=np.int64)
