"""The source document's keyword rules and token-count heuristics, as a pure function over one prompt."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Decision:
    """A classifier's verdict on one request: the tier and a sentence saying why."""

    tier: int
    reason: str
    confidence: float | None = None
    features: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class KeywordRules:
    """Keywords per tier (case-insensitive substrings) and the document's token thresholds."""

    keywords: dict[int, tuple[str, ...]] = field(default_factory=lambda: {
        1: ("add comment", "rename", "format", "type annotation"),
        2: ("implement", "write test", "refactor"),
        3: ("architect", "debug", "security", "optimize performance"),
    })
    short_below_tokens: int = 500
    long_above_tokens: int = 3000
    long_min_files: int = 2
    default_tier: int = 2


_FILE_REF = re.compile(r"\b[\w./-]+\.(?:py|ts|tsx|js|jsx|go|rs|java|kt|rb|cs|cpp|c|h|hpp|sql|ya?ml|json|toml|md|sh|php|swift|scala)\b")


def approx_tokens(text: str) -> int:
    """About four characters per token: good enough for a threshold, and free."""
    return len(text) // 4


def keyword_tier(prompt: str, rules: KeywordRules | None = None, count_tokens=approx_tokens) -> Decision:
    """The document's rules: tier-3 keywords first (err towards escalation), then 2, then 1; then prompt size."""
    rules = rules or KeywordRules()
    text = prompt.lower()
    for tier in (3, 2, 1):
        for keyword in rules.keywords.get(tier, ()):
            if keyword in text:
                return Decision(tier, f'keyword "{keyword}" → tier {tier}')
    tokens = count_tokens(prompt)
    files = len(set(_FILE_REF.findall(prompt)))
    if tokens > rules.long_above_tokens and files >= rules.long_min_files:
        return Decision(3, f"no keyword; {tokens:,} tokens > {rules.long_above_tokens:,} and {files} files referenced → tier 3")
    if tokens < rules.short_below_tokens:
        return Decision(1, f"no keyword; {tokens:,} tokens < {rules.short_below_tokens:,} → tier 1")
    return Decision(rules.default_tier, f"no keyword; {tokens:,} tokens → default tier {rules.default_tier}")
