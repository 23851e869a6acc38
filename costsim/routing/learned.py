"""Inference for the learned request-complexity classifier.

A multinomial logistic regression (softmax over tiers 1-3) on features of the
request's own words (:mod:`costsim.routing.features`: words, word bigrams and stems of
the prose, with fenced code, pasted logs and earlier conversation turns removed,
and a few shape features), computed for a whole batch at once.  numpy + stdlib
only.  ``tiers(prompts)`` is the batch path (an integer array); ``predict`` adds
each decision's probability and its reasons in words (:mod:`costsim.routing.reasons`).

Weights live in a JSON file::

    {"format": "costsim-classifier", "version": 2,
     "tiers": [1, 2, 3], "featurizer": {...}, "vocab": [...],
     "weights": [[w1, w2, w3], ...], "bias": [b1, b2, b3],
     "offsets": [0, 0, 0], "cautious_offsets": [0, o2, o3],
     "typed_offsets": [0, o2, o3] (optional), "training": {...}}

Routing policy: tier = argmax(log p + offsets); with a ``t3`` threshold, tier 3
is chosen whenever P(tier 3) >= t3.  The *cautious* preset shifts offsets
towards higher tiers (under-routing costs a failed cheap attempt plus a retry;
over-routing only costs the price difference).  The *typed* preset (``typed_offsets``, when the file has
them) is a prior for prompts people type into coding agents, where most requests are tier 1: offsets chosen
on held-out typed prompts (tools/heldout_report.py) so that the saving ``estimate`` reports lands nearest
perfect routing's.
"""

from __future__ import annotations

import functools
import json
import math
import pickle
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from costsim.errors import CostsimError, load_json, read_text
from costsim.routing.features import FeatureSpace, FeaturizerConfig, featurize
from costsim.routing.reasons import CUES, cue_columns
from costsim.routing.rules import Decision

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
VERSION = 3  # 3: punctuation is not read (features.py)
TIERS = (1, 2, 3)


class ClassifierFileError(CostsimError):
    """A classifier weights file is unreadable, corrupt, or of another format/version."""

    def __init__(self, path: str | Path, problem: str, line: int | None = None) -> None:
        super().__init__(problem, path=path, line=line)
        self.problem = problem


def default_classifier_path() -> Path:
    """The weights shipped with the package (trained on datasets/classify)."""
    return Path(__file__).parent / "data" / "classifier.json"


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

    names: tuple[str, ...]  # feature names, in the weights' row order
    weights: np.ndarray  # (n_features, 3)
    bias: np.ndarray  # (3,)
    config: FeaturizerConfig = FeaturizerConfig()
    offsets: tuple[float, float, float] = (0.0, 0.0, 0.0)
    t3: float | None = None
    cautious_offsets: tuple[float, float, float] = (0.0, 0.0, 0.0)
    meta: dict = field(default_factory=dict)
    typed_offsets: tuple[float, float, float] | None = None

    @functools.cached_property
    def space(self) -> FeatureSpace:
        return FeatureSpace(self.names, self.config)

    @functools.cached_property
    def vocab(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.names)}

    @functools.cached_property
    def _cues(self) -> np.ndarray:
        return cue_columns(self.names)

    # -- construction -------------------------------------------------------
    @classmethod
    def from_dict(cls, data: dict, path: str | Path = "<memory>") -> LearnedClassifier:
        if not isinstance(data, dict):
            raise ClassifierFileError(path, "top level is not a JSON object")
        if data.get("format") != FORMAT:
            raise ClassifierFileError(path, f"format is {data.get('format')!r}, expected {FORMAT!r}")
        if data.get("version") != VERSION:
            raise ClassifierFileError(path, f"version {data.get('version')!r} is not supported (expected {VERSION}; "
                                            "train it again with `costsim train`)")
        try:
            vocab_list = data["vocab"]
            weights = np.asarray(data["weights"], dtype=float)
            bias = np.asarray(data["bias"], dtype=float)
            config = FeaturizerConfig.from_json(data["featurizer"])
            offsets = tuple(float(x) for x in data.get("offsets", (0, 0, 0)))
            cautious = tuple(float(x) for x in data.get("cautious_offsets", (0, 0, 0)))
            typed = data.get("typed_offsets")
            typed = None if typed is None else tuple(float(x) for x in typed)
            t3 = data.get("t3")
            t3 = None if t3 is None else float(t3)
        except (KeyError, TypeError, ValueError) as exc:
            raise ClassifierFileError(path, f"missing or malformed field: {exc}") from None
        if list(data.get("tiers", TIERS)) != list(TIERS):
            raise ClassifierFileError(path, f"tiers must be {list(TIERS)}")
        if not isinstance(vocab_list, list) or not all(isinstance(v, str) for v in vocab_list):
            raise ClassifierFileError(path, "vocab must be a list of strings")
        if weights.ndim != 2 or weights.shape != (len(vocab_list), 3):
            raise ClassifierFileError(path, f"weights shape {weights.shape} does not match "
                                            f"vocab size {len(vocab_list)} x 3")
        if bias.shape != (3,) or len(offsets) != 3 or len(cautious) != 3 or (typed is not None and len(typed) != 3):
            raise ClassifierFileError(path, "bias and offsets must have 3 entries")
        if not (np.isfinite(weights).all() and np.isfinite(bias).all()):
            raise ClassifierFileError(path, "weights contain NaN or infinity")
        if len(set(vocab_list)) != len(vocab_list):
            raise ClassifierFileError(path, "vocab has duplicate entries")
        clf = cls(
            tuple(vocab_list),
            weights,
            bias,
            config,
            offsets,
            t3,
            cautious,  # type: ignore[arg-type]
            dict(data.get("training", {})),
            typed,  # type: ignore[arg-type]
        )
        try:
            clf.space  # noqa: B018 - a malformed feature name is the file's fault
        except ValueError as exc:
            raise ClassifierFileError(path, str(exc)) from None
        return clf

    @classmethod
    def load(cls, path: str | Path | None = None, cautious: bool = False, typed: bool = False) -> LearnedClassifier:
        """Load a weights file (default: the shipped one).  ``cautious`` applies its cautious offsets, ``typed``
        its prior for typed prompts (a :class:`ClassifierFileError` when the file has none)."""
        path = Path(path) if path is not None else default_classifier_path()
        try:
            stat = path.stat()
        except OSError as exc:
            raise ClassifierFileError(path, f"cannot read: {exc.strerror or exc}") from None
        clf = _load(cls, path, stat.st_mtime_ns, stat.st_size)
        if typed:
            if clf.typed_offsets is None:
                raise ClassifierFileError(path, "has no prior for typed prompts (`typed_offsets`): use it without "
                                                ":typed")
            clf = clf.typed()
        return clf.cautious() if cautious else clf

    def with_policy(self, offsets: Sequence[float] | None = None, t3: float | None = None) -> LearnedClassifier:
        """A copy with other per-tier logit offsets and/or tier-3 threshold (sharing the feature space)."""
        new_off = self.offsets if offsets is None else tuple(float(x) for x in offsets)
        if len(new_off) != 3:
            raise ValueError("offsets must have 3 entries")
        copy = replace(self, offsets=new_off, t3=t3)  # type: ignore[arg-type]
        for cached in ("space", "vocab", "_cues", "_weights_by_tier", "_token_weights"):
            if cached in self.__dict__:
                copy.__dict__[cached] = self.__dict__[cached]
        return copy

    def typed(self) -> LearnedClassifier:
        """The prior for prompts people type into coding agents (its ``typed_offsets``; unchanged without them)."""
        return self if self.typed_offsets is None else self.with_policy(offsets=self.typed_offsets, t3=self.t3)

    def __reduce__(self):
        """Pickled as its fields, compressed (what costsim.routing.pool sends each worker): ~0.3 MB instead of ~1.9
        MB with the built feature space, which a worker rebuilds in ~20 ms; and no word of the vocabulary (a pasted
        `if __name__ == "__main__"`) shows in the bytes, where the pool would read it as a reference to the main
        script and start each worker by running that script again."""
        fields = (self.names, self.weights, self.bias, self.config, self.offsets, self.t3, self.cautious_offsets,
                  self.meta, self.typed_offsets)
        return _unpickled, (zlib.compress(pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL), 1),)

    def cautious(self) -> LearnedClassifier:
        """The shipped cautious preset: biased towards higher tiers."""
        return self.with_policy(offsets=self.cautious_offsets, t3=self.t3)

    # -- inference ----------------------------------------------------------
    def _hits(self, prompts: Sequence[str]):
        if isinstance(prompts, str):
            raise TypeError("takes a list of prompts, not a single string")
        return self.space.hits(prompts)

    def _logits(self, h) -> np.ndarray:
        """The model's logits, one row per prompt: each word's token weights (its unigram and stem
        columns summed once per token, :attr:`_token_weights`) and each other hit's column weights added up
        by row, times the row's scale; then the dense features and the bias."""
        n, tw, wt = h.n, self._token_weights, self._weights_by_tier
        summed = np.empty((n, 3))
        for k in range(3):
            summed[:, k] = (np.bincount(h.word_rows, weights=tw[k][h.word_ids], minlength=n)
                            + np.bincount(h.rows, weights=wt[k][h.cols], minlength=n))
        logits = np.empty((n, 3))
        logits[h.order] = summed * h.scale[:, None]
        for k, col in self.space.dense_cols:
            logits += h.shapes[:, k:k + 1] * self.weights[col]
        return logits + self.bias

    @functools.cached_property
    def _token_weights(self) -> np.ndarray:
        """(3, tokens + 1): each token's unigram and stem weights summed, per tier (0 for unknown words)."""
        cols = self.space.token_cols
        return np.where(cols[:, :, None] >= 0, self.weights[cols], 0.0).sum(axis=1).T.copy()

    @functools.cached_property
    def _weights_by_tier(self) -> np.ndarray:
        """The weights as three contiguous columns (a gather from each is faster than from the rows)."""
        return np.ascontiguousarray(self.weights.T)

    def tiers(self, prompts: Sequence[str]) -> np.ndarray:
        """The tier (1, 2, 3) of each prompt as an integer array: the batch path, without reasons."""
        if not len(prompts):
            return np.zeros(0, dtype=np.int64)
        return decide(_softmax(self._logits(self._hits(prompts))), self.offsets, self.t3) + 1

    def predict_proba(self, prompts: Sequence[str]) -> np.ndarray:
        """(n, 3) probabilities of tiers 1, 2, 3 (before the routing policy's offsets)."""
        return _softmax(self._logits(self._hits(prompts))) if len(prompts) else np.zeros((0, 3))

    def predict(self, prompts: Sequence[str], explain: int = 3) -> list[Decision]:
        """One :class:`Decision` per prompt; its ``features`` are the ``explain`` cues (in words) that pushed
        hardest towards the chosen tier, strongest first, with their summed contributions to the log-odds."""
        if isinstance(prompts, str):
            raise TypeError("predict takes a list of prompts, not a single string")
        if not len(prompts):
            return []
        hits = self._hits(prompts)
        probs = _softmax(self._logits(hits))
        chosen = decide(probs, self.offsets, self.t3)
        top = self._top_cues(*self.space.coo_of(hits), chosen, explain) if explain else [()] * len(prompts)
        out = []
        for p, k, cues in zip(probs, chosen.tolist(), top):
            policy = "" if k == int(p.argmax()) else " (moved by the routing offsets)"
            reason = f"learned: P(tier {k + 1}) = {p[k]:.2f}{policy} → tier {k + 1}"
            if cues:
                reason += " (" + "; ".join(name for name, _ in cues) + ")"
            out.append(Decision(k + 1, reason, float(p[k]), cues))
        return out

    def _top_cues(self, row, col, val, chosen, explain: int) -> list[tuple[tuple[str, float], ...]]:
        """Per prompt, the cues whose features added most to the chosen tier's log-odds (over the tiers' mean)."""
        n, n_cues = len(chosen), len(CUES)
        cue = self._cues[col]
        has = cue >= 0
        w = self.weights[col[has]]
        k = chosen[row[has]]
        lift = val[has] * (w[np.arange(len(k)), k] - w.mean(axis=1))
        by_cue = np.bincount(row[has] * n_cues + cue[has], weights=lift, minlength=n * n_cues).reshape(n, n_cues)
        order = np.argsort(-by_cue, axis=1, kind="stable")[:, :explain]
        return [
            tuple((CUES[c], round(float(by_cue[i, c]), 4)) for c in order[i].tolist() if by_cue[i, c] > 0.05)
            for i in range(n)
        ]


def _unpickled(blob: bytes) -> LearnedClassifier:
    """A classifier from :meth:`LearnedClassifier.__reduce__`'s bytes."""
    return LearnedClassifier(*pickle.loads(zlib.decompress(blob)))


@functools.lru_cache(maxsize=8)
def _load(cls, path: Path, mtime_ns: int, size: int) -> LearnedClassifier:
    """A weights file read once per run (estimate's classifier and its quality note share it); a changed
    file (new mtime or size) is read again."""
    try:
        text = read_text(path)
    except CostsimError as exc:
        raise ClassifierFileError(path, exc.message, exc.line) from None
    try:
        data = load_json(text)
    except json.JSONDecodeError as exc:
        raise ClassifierFileError(path, f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    return cls.from_dict(data, path)
