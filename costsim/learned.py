"""Inference for the learned request-complexity classifier.

A multinomial logistic regression (softmax over tiers 1-3) on features of the
request's own words: word and character n-grams of the prose (fenced code,
pasted logs and earlier conversation turns removed), a few dense shape
features, and the smart rules' signals.  numpy + stdlib only.

Weights live in a JSON file::

    {"format": "costsim-classifier", "version": 1,
     "tiers": [1, 2, 3], "featurizer": {...}, "vocab": [...],
     "weights": [[w1, w2, w3], ...], "bias": [b1, b2, b3],
     "offsets": [0, 0, 0], "cautious_offsets": [0, o2, o3], "training": {...}}

Routing policy: tier = argmax(log p + offsets); with a ``t3`` threshold, tier 3
is chosen whenever P(tier 3) >= t3.  The *cautious* preset shifts offsets
towards higher tiers (under-routing costs a failed cheap attempt plus a retry;
over-routing only costs the price difference).
"""

from __future__ import annotations

import functools
import json
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from .errors import CostsimError
from .rules import Decision, new_message, request_prose, smart_rules_tier

__all__ = [
    "FORMAT",
    "VERSION",
    "TIERS",
    "ClassifierFileError",
    "FeaturizerConfig",
    "featurize",
    "LearnedClassifier",
    "calibrate",
    "decide",
    "default_classifier_path",
]

FORMAT = "costsim-classifier"
VERSION = 1
TIERS = (1, 2, 3)


class ClassifierFileError(CostsimError):
    """A classifier weights file is unreadable, corrupt, or of another format/version."""

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(problem, path=path)
        self.problem = problem


def default_classifier_path() -> Path:
    """The weights shipped with the package (trained on datasets/classify)."""
    return Path(__file__).parent / "data" / "classifier.json"


# --------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W\d_]+|\d+|[^\s\w]", re.UNICODE)
_TRACEBACK_RE = re.compile(
    r"Traceback \(most recent call last\)|^\s+at [\w$.]+\(|^\w*(?:Error|Exception):|^panic:|^goroutine \d+",
    re.M,
)
_FENCE_RE = re.compile(r"```.*?(?:```|\Z)", re.S)


@dataclass(frozen=True)
class FeaturizerConfig:
    """What the featurizer extracts.  Stored in the weights file."""

    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 4)
    use_chars: bool = True
    use_dense: bool = True
    use_rules: bool = True
    context_words: bool = False  # unigrams from earlier turns, prefixed "ctx:"

    def to_json(self) -> dict:
        return {
            "word_ngrams": list(self.word_ngrams),
            "char_ngrams": list(self.char_ngrams),
            "use_chars": self.use_chars,
            "use_dense": self.use_dense,
            "use_rules": self.use_rules,
            "context_words": self.context_words,
        }

    @classmethod
    def from_json(cls, d: dict) -> "FeaturizerConfig":
        return cls(
            word_ngrams=tuple(int(x) for x in d["word_ngrams"]),  # type: ignore[arg-type]
            char_ngrams=tuple(int(x) for x in d["char_ngrams"]),  # type: ignore[arg-type]
            use_chars=bool(d["use_chars"]),
            use_dense=bool(d["use_dense"]),
            use_rules=bool(d["use_rules"]),
            context_words=bool(d.get("context_words", False)),
        )


def _l2(counts: dict[str, int], prefix: str = "", scale: float = 1.0) -> dict[str, float]:
    """Sublinear tf (1 + log count), L2-normalised (times `scale`), keys given `prefix`."""
    tf, norm = _tf_norm(counts)
    if scale == 1.0:
        return {prefix + k: v / norm for k, v in zip(counts, tf)}
    return {prefix + k: scale * (v / norm) for k, v in zip(counts, tf)}


def _tf_norm(counts: dict[str, int]) -> tuple[list[float], float]:
    """Each count's sublinear tf (1 + log count), and the block's L2 norm."""
    tf = [_TF[v] if v < _TF_SIZE else 1.0 + math.log(v) for v in counts.values()]
    return tf, math.sqrt(sum(map(operator.mul, tf, tf)))  # summed left to right, as a generator would


_TF_SIZE = 64
_TF = [0.0] + [1.0 + math.log(c) for c in range(1, _TF_SIZE)]  # 1 + log c for the usual small counts


def featurize(prompt: str, cfg: FeaturizerConfig = FeaturizerConfig()) -> dict[str, float]:
    """Named feature values for one prompt (before vocabulary lookup).

    Blocks: ``w:`` word n-grams and ``c:`` char n-grams of the request prose
    (each block L2-normalised, sublinear tf), ``d:`` dense shape features,
    ``r:`` smart-rules signals, ``ctx:`` earlier-turn words (optional).
    """
    return _featurize(prompt, cfg, *_split(prompt))


def _split(prompt: str) -> tuple[str, str, str]:
    """(earlier turns, new message, the request's own prose): computed once, shared with the rules."""
    earlier, message = new_message(prompt)
    return earlier, message, request_prose(prompt)


def _featurize(prompt: str, cfg: FeaturizerConfig, earlier: str, message: str, prose_raw: str) -> dict[str, float]:
    feats: dict[str, float] = {}
    for prefix, values, scale in _blocks(prompt, cfg, earlier, message, prose_raw):
        feats.update(_l2(values, prefix, scale) if scale else {prefix + k: v for k, v in values.items()})
    return feats


def _blocks(prompt: str, cfg: FeaturizerConfig, earlier: str, message: str,
            prose_raw: str) -> list[tuple[str, dict, float | None]]:
    """The feature blocks, each as (prefix, values, scale): the n-gram blocks hold counts, to take
    `_l2` of (times scale); the dense and rules blocks their final values (scale None)."""
    prose = prose_raw.lower()
    blocks: list[tuple[str, dict, float | None]] = []

    # n-grams are listed, then counted in C by Counter (first-seen order, as a dict filled in a loop)
    tokens = _WORD_RE.findall(prose)
    lo, hi = cfg.word_ngrams
    grams: list[str] = []
    for n in range(lo, hi + 1):
        grams += tokens if n == 1 else [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    blocks.append(("w:", Counter(grams), 1.0))

    if cfg.use_chars:
        lo, hi = cfg.char_ngrams
        grams = []
        for word in prose.split():
            padded = f" {word} "
            for n in range(lo, hi + 1):
                grams += [padded[i : i + n] for i in range(len(padded) - n + 1)]
        blocks.append(("c:", Counter(grams), 1.0))

    if cfg.context_words and earlier:
        blocks.append(("ctx:", Counter(_WORD_RE.findall(request_prose(earlier).lower())), 0.5))

    if cfg.use_dense:
        code_chars = sum(len(m) for m in _FENCE_RE.findall(message))
        non_ascii = 0 if prose.isascii() else len(prose) - sum(map(str.isascii, prose))
        blocks.append(("d:", {"prose_len": math.log1p(len(prose)) / 8.0, "code_len": math.log1p(code_chars) / 10.0,
                              "has_code": 1.0 if code_chars else 0.0,
                              "traceback": 1.0 if _TRACEBACK_RE.search(message) else 0.0,
                              "multi_turn": 1.0 if earlier else 0.0, "questions": min(prose.count("?"), 3) / 3.0,
                              "non_ascii": non_ascii / max(len(prose), 1)}, None))

    if cfg.use_rules:
        d = smart_rules_tier(prompt, _prose=(earlier, prose_raw))
        blocks.append(("r:", {f"tier{d.tier}": 1.0, **{name: 1.0 for name, _ in d.features}}, None))
    return blocks


# --------------------------------------------------------------------------
# Policy
# --------------------------------------------------------------------------

def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def decide(
    probs: np.ndarray, offsets: Sequence[float] = (0.0, 0.0, 0.0), t3: float | None = None
) -> np.ndarray:
    """Tier index (0-based) per row: argmax(log p + offsets); P(tier3) >= t3 forces tier 3."""
    probs = np.asarray(probs, dtype=float)
    scores = np.log(np.clip(probs, 1e-12, 1.0)) + np.asarray(offsets, dtype=float)
    idx = scores.argmax(axis=1)
    if t3 is not None:
        idx = np.where(probs[:, 2] >= t3, 2, idx)
    return idx


def calibrate(
    probs: np.ndarray, target_shares: Sequence[float], iterations: int = 60
) -> tuple[float, float, float]:
    """Per-tier log offsets so that ``decide(probs, offsets)`` splits in ``target_shares``.

    Like RouteLLM's threshold calibration: given the probabilities for a
    sample of your own traffic and the share of requests you want on each tier
    (e.g. ``(0.6, 0.28, 0.12)``), return offsets ``(0, o2, o3)``.  Solved by
    coordinate bisection on o2 and o3; exact up to ties.
    """
    probs = np.asarray(probs, dtype=float)
    if probs.ndim != 2 or probs.shape[1] != 3 or len(probs) == 0:
        raise ValueError("probs must be a non-empty (n, 3) array")
    shares = np.asarray(target_shares, dtype=float)
    if shares.shape != (3,) or (shares < 0).any() or not math.isclose(shares.sum(), 1.0, abs_tol=1e-6):
        raise ValueError("target_shares must be three non-negative shares summing to 1")
    logp = np.log(np.clip(probs, 1e-12, 1.0))
    off = np.zeros(3)

    def share(k: int, value: float) -> float:
        o = off.copy()
        o[k] = value
        return float(((logp + o).argmax(axis=1) == k).mean())

    for _ in range(iterations):
        before = off.copy()
        for k in (2, 1):
            lo, hi = -30.0, 30.0  # share(k, .) is non-decreasing in the offset
            for _ in range(50):
                mid = (lo + hi) / 2
                if share(k, mid) < shares[k]:
                    lo = mid
                else:
                    hi = mid
            off[k] = hi
        if np.allclose(off, before, atol=1e-9):
            break
    return (0.0, float(off[1]), float(off[2]))


# --------------------------------------------------------------------------
# Classifier
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class LearnedClassifier:
    """A loaded linear classifier plus its routing policy (offsets, t3 threshold)."""

    vocab: dict[str, int]
    weights: np.ndarray  # (n_features, 3)
    bias: np.ndarray  # (3,)
    config: FeaturizerConfig = FeaturizerConfig()
    offsets: tuple[float, float, float] = (0.0, 0.0, 0.0)
    t3: float | None = None
    cautious_offsets: tuple[float, float, float] = (0.0, 0.0, 0.0)
    rules_vote: float = 0.0  # weight of the smart rules' tier, added to the chosen tier's log-odds (an ensemble)
    meta: dict = field(default_factory=dict)
    feature_names: tuple[str, ...] = ()  # index -> name, derived from vocab

    def __post_init__(self) -> None:
        if not self.feature_names:
            names = [""] * len(self.vocab)
            for name, i in self.vocab.items():
                names[i] = name
            object.__setattr__(self, "feature_names", tuple(names))

    @functools.cached_property
    def _block_vocab(self) -> dict[str, dict[str, int]]:
        """The vocabulary by block: "c:" -> {"ab": index}, so predict looks n-grams up without their prefix."""
        by_block: dict[str, dict[str, int]] = {}
        for name, i in self.vocab.items():
            prefix, _, rest = name.partition(":")
            by_block.setdefault(prefix + ":", {})[rest] = i
        return by_block

    # -- construction -------------------------------------------------------
    @classmethod
    def from_dict(cls, data: dict, path: str | Path = "<memory>") -> "LearnedClassifier":
        if not isinstance(data, dict):
            raise ClassifierFileError(path, "top level is not a JSON object")
        if data.get("format") != FORMAT:
            raise ClassifierFileError(path, f"format is {data.get('format')!r}, expected {FORMAT!r}")
        if data.get("version") != VERSION:
            raise ClassifierFileError(path, f"version {data.get('version')!r} is not supported (expected {VERSION})")
        try:
            vocab_list = data["vocab"]
            weights = np.asarray(data["weights"], dtype=float)
            bias = np.asarray(data["bias"], dtype=float)
            config = FeaturizerConfig.from_json(data["featurizer"])
            offsets = tuple(float(x) for x in data.get("offsets", (0, 0, 0)))
            cautious = tuple(float(x) for x in data.get("cautious_offsets", (0, 0, 0)))
            t3 = data.get("t3")
            t3 = None if t3 is None else float(t3)
            rules_vote = float(data.get("rules_vote", 0.0))
        except (KeyError, TypeError, ValueError) as exc:
            raise ClassifierFileError(path, f"missing or malformed field: {exc}") from None
        if list(data.get("tiers", TIERS)) != list(TIERS):
            raise ClassifierFileError(path, f"tiers must be {list(TIERS)}")
        if not isinstance(vocab_list, list) or not all(isinstance(v, str) for v in vocab_list):
            raise ClassifierFileError(path, "vocab must be a list of strings")
        if weights.ndim != 2 or weights.shape != (len(vocab_list), 3):
            raise ClassifierFileError(path, f"weights shape {weights.shape} does not match vocab size {len(vocab_list)} x 3")
        if bias.shape != (3,) or len(offsets) != 3 or len(cautious) != 3:
            raise ClassifierFileError(path, "bias and offsets must have 3 entries")
        if not (math.isfinite(rules_vote) and rules_vote >= 0):
            raise ClassifierFileError(path, f"rules_vote must be a number >= 0, got {rules_vote!r}")
        if not (np.isfinite(weights).all() and np.isfinite(bias).all()):
            raise ClassifierFileError(path, "weights contain NaN or infinity")
        vocab = {v: i for i, v in enumerate(vocab_list)}
        if len(vocab) != len(vocab_list):
            raise ClassifierFileError(path, "vocab has duplicate entries")
        return cls(vocab, weights, bias, config, offsets, t3, cautious, rules_vote,  # type: ignore[arg-type]
                   dict(data.get("training", {})))

    @classmethod
    def load(cls, path: str | Path | None = None, cautious: bool = False) -> "LearnedClassifier":
        """Load a weights file (default: the shipped one).  ``cautious`` applies its cautious offsets."""
        path = Path(path) if path is not None else default_classifier_path()
        try:
            stat = path.stat()
        except OSError as exc:
            raise ClassifierFileError(path, f"cannot read: {exc.strerror or exc}") from None
        clf = _load(cls, path, stat.st_mtime_ns, stat.st_size)
        return clf.cautious() if cautious else clf

    def with_policy(
        self, offsets: Sequence[float] | None = None, t3: float | None = None
    ) -> "LearnedClassifier":
        """A copy with other per-tier logit offsets and/or tier-3 threshold."""
        new_off = self.offsets if offsets is None else tuple(float(x) for x in offsets)
        if len(new_off) != 3:
            raise ValueError("offsets must have 3 entries")
        return replace(self, offsets=new_off, t3=t3)  # type: ignore[arg-type]

    def cautious(self) -> "LearnedClassifier":
        """The shipped cautious preset: biased towards higher tiers."""
        return self.with_policy(offsets=self.cautious_offsets, t3=self.t3)

    # -- inference ----------------------------------------------------------
    def _rows(self, prompts: Iterable[str]) -> tuple[list[tuple[np.ndarray, np.ndarray]], list[tuple[str, str]]]:
        """Sparse feature rows (the values `featurize` gives the vocabulary's features, in its order), and
        each prompt's (earlier turns, prose) for the rules vote to reuse."""
        rows, splits = [], []
        vocab = self._block_vocab
        for p in prompts:
            earlier, message, prose = _split(p)
            splits.append((earlier, prose))
            idx: list[int] = []
            val: list[float] = []
            for prefix, values, scale in _blocks(p, self.config, earlier, message, prose):
                known = vocab.get(prefix, {})
                hits = list(map(known.get, values))
                if scale is None:
                    values = values.values()
                else:
                    tf, norm = _tf_norm(values)
                    values = [v / norm for v in tf] if scale == 1.0 else [scale * (v / norm) for v in tf]
                for i, v in zip(hits, values):
                    if i is not None:
                        idx.append(i)
                        val.append(v)
            rows.append((np.array(idx, dtype=np.int64), np.array(val, dtype=float)))
        return rows, splits

    def _logits(self, rows: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        out = np.empty((len(rows), 3))
        for i, (idx, val) in enumerate(rows):
            out[i] = val @ self.weights[idx] + self.bias if len(idx) else self.bias
        return out

    def _scores(self, prompts: Sequence[str]) -> tuple[list, np.ndarray, np.ndarray | None]:
        """Feature rows and ensemble log-odds: the linear model's logits plus ``rules_vote`` on the rules' tier
        (and that tier, 0-based, when the rules have a vote)."""
        rows, splits = self._rows(prompts)
        logits = self._logits(rows)
        if not self.rules_vote:
            return rows, logits, None
        rule_tiers = np.array([smart_rules_tier(p, _prose=split).tier - 1 for p, split in zip(prompts, splits)],
                              dtype=np.int64)
        logits[np.arange(len(rows)), rule_tiers] += self.rules_vote
        return rows, logits, rule_tiers

    def predict_proba(self, prompts: Sequence[str]) -> np.ndarray:
        """(n, 3) probabilities of tiers 1, 2, 3 (the ensemble's, before the routing policy's offsets)."""
        if isinstance(prompts, str):
            raise TypeError("predict_proba takes a list of prompts, not a single string")
        return _softmax(self._scores(prompts)[1]) if len(prompts) else np.zeros((0, 3))

    def predict(self, prompts: Sequence[str], explain: int = 5) -> list[Decision]:
        """One :class:`Decision` per prompt; ``features`` holds the top ``explain`` contributions."""
        if isinstance(prompts, str):
            raise TypeError("predict takes a list of prompts, not a single string")
        if not len(prompts):
            return []
        rows, scores, rule_tiers = self._scores(prompts)
        probs = _softmax(scores)
        chosen = decide(probs, self.offsets, self.t3)
        inv = self.feature_names
        out = []
        for i, ((idx, val), p, k) in enumerate(zip(rows, probs, chosen)):
            feats: tuple[tuple[str, float], ...] = ()
            if explain and len(idx):
                w = self.weights[idx]
                contrib = val * (w[:, k] - w.mean(axis=1))
                top = np.argsort(-contrib)[:explain]
                feats = tuple((inv[int(idx[j])], round(float(contrib[j]), 4)) for j in top if contrib[j] > 0)
            if explain and rule_tiers is not None and rule_tiers[i] == k:
                feats = ((f"rules:tier {int(k) + 1}", round(self.rules_vote * 2 / 3, 4)), *feats)[:explain]
            tier = TIERS[int(k)]
            policy = "" if int(k) == int(p.argmax()) else " (cautious policy)"
            reason = f"learned: P(tier {tier}) = {p[k]:.2f}{policy} → tier {tier}"
            if feats:
                reason += " (" + ", ".join(name for name, _ in feats[:3]) + ")"
            out.append(Decision(tier, reason, float(p[k]), feats))
        return out


@functools.lru_cache(maxsize=8)
def _load(cls, path: Path, mtime_ns: int, size: int) -> LearnedClassifier:
    """A weights file read once per run (estimate's classifier and its quality note share it); a changed
    file (new mtime or size) is read again."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ClassifierFileError(path, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ClassifierFileError(path, "not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ClassifierFileError(path, f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    return cls.from_dict(data, path)
