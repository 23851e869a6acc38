"""The routing policy: which model serves each tier, and the classifier's rules (data, overridable with --policy)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from costsim.errors import ConfigError
from costsim.paths import bundled
from costsim.routing.rules import KeywordRules
from costsim.yamlio import Fields, load_yaml

TIERS = (1, 2, 3)
POLICY_FILE = "policy.yaml"
CLASSIFIERS = ("keywords", "rules", "learned")
PRESETS = (":cautious", ":typed")  # a learned classifier's other offsets: err towards escalation; the typed prior


def split_preset(name: str) -> tuple[str, str]:
    """(classifier, preset) of a classifier spec: "learned:typed" -> ("learned", ":typed"). Presets stack when
    `estimate --cautious` adds one to the policy's ("learned:typed:cautious"); the cautious offsets then win."""
    found = []
    while preset := next((p for p in PRESETS if name.endswith(p)), ""):
        found.append(preset)
        name = name.removesuffix(preset)
    return name, ":cautious" if ":cautious" in found else found[0] if found else ""


@dataclass(frozen=True)
class TokenProfile:
    """Typical tokens of one request: scenarios use it, and logs with no output count borrow it."""

    input_tokens: int
    output_tokens: int


@dataclass(frozen=True)
class Policy:
    tier_models: dict[int, str]
    tier_names: dict[int, str]
    classifier: str
    rules: KeywordRules
    profiles: dict[int, TokenProfile]
    path: str

    @property
    def label(self) -> str:
        """How reports name the policy: "bundled policy" or the user's file."""
        return "bundled policy" if Path(self.path) == bundled("pricing") / POLICY_FILE else f"policy {self.path}"

    @property
    def frontier(self) -> str:
        return self.tier_models[3]

    @property
    def mid(self) -> str:
        return self.tier_models[2]

    def with_models(self, overrides: dict[int, str | None]) -> Policy:
        """The same policy with some tiers served by other models (`--tier1 MODEL` ...)."""
        models = {t: (overrides.get(t) or m) for t, m in self.tier_models.items()}
        return Policy(models, self.tier_names, self.classifier, self.rules, self.profiles, self.path)


def load_policy(path: str | Path | None = None) -> Policy:
    """The bundled policy, or a user's file (`--policy FILE`) validated with the same strict rules."""
    path = Path(path) if path else bundled("pricing") / POLICY_FILE
    top = Fields(load_yaml(path, ConfigError),
                 allowed={"tiers", "classifier", "keywords", "token_thresholds", "default_tier", "profiles"},
                 required={"tiers"}, path=path, error=ConfigError)
    models, names = {}, {}
    tiers = _by_tier(top, "tiers")
    for tier, raw in tiers.items():
        f = Fields(
            raw, allowed={"model", "name"}, required={"model"}, path=path, where=f"tiers.{tier}", error=ConfigError
        )
        models[tier], names[tier] = f.required_str("model").strip(), f.str("name") or f"Tier {tier}"
    classifier = top.str("classifier", "keywords")
    base, preset = split_preset(classifier)
    if base not in CLASSIFIERS or (preset and base != "learned"):
        top.fail(f"must be one of {', '.join(CLASSIFIERS)} (learned may end in :cautious or :typed), got "
                 f"{classifier!r}", "classifier")
    defaults = KeywordRules()
    keywords = dict(defaults.keywords)
    if top.has("keywords"):
        for tier, words in _by_tier(top, "keywords", require_all=False).items():
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                top.fail("must be a list of words", f"keywords.{tier}")
            keywords[tier] = tuple(w.strip().lower() for w in words)
    thresholds = Fields(
        top.get("token_thresholds", {}),
        allowed={"short_below_tokens", "long_above_tokens", "long_min_files"},
        path=path,
        where="token_thresholds",
        error=ConfigError,
    )
    default_tier = top.int("default_tier", minimum=1, default=defaults.default_tier)
    if default_tier not in TIERS:
        top.fail("must be 1, 2 or 3", "default_tier")
    rules = KeywordRules(
        keywords=keywords,
        short_below_tokens=thresholds.int("short_below_tokens", default=defaults.short_below_tokens),
        long_above_tokens=thresholds.int("long_above_tokens", default=defaults.long_above_tokens),
        long_min_files=thresholds.int("long_min_files", default=defaults.long_min_files),
        default_tier=default_tier,
    )
    profiles = {}
    for tier, raw in _by_tier(top, "profiles", require_all=False).items():
        f = Fields(
            raw,
            allowed={"input_tokens", "output_tokens"},
            required={"input_tokens", "output_tokens"},
            path=path,
            where=f"profiles.{tier}",
            error=ConfigError,
        )
        profiles[tier] = TokenProfile(f.required_int("input_tokens"), f.required_int("output_tokens"))
    for tier in TIERS:
        profiles.setdefault(tier, TokenProfile(2000, 1000))
    return Policy(models, names, classifier, rules, profiles, str(path))


def _by_tier(top: Fields, key: str, require_all: bool = True) -> dict:
    raw = top.get(key, {})
    if not isinstance(raw, dict):
        top.fail("must be a mapping of tier (1, 2, 3) to values", key)
    out = {}
    for tier, value in raw.items():
        if str(tier) not in {"1", "2", "3"}:
            top.fail(f"unknown tier {tier!r} (tiers are 1, 2, 3)", key)
        out[int(tier)] = value
    if require_all and set(out) != set(TIERS):
        top.fail(f"needs all three tiers, has {sorted(out)}", key)
    return out
