"""The learned classifier's features, computed for a whole batch of prompts at once.

A prompt's features are read from the request's own words (:func:`costsim.routing.rules.request_prose`: pasted
code, logs and earlier turns removed) and a few shape facts about the rest:

* ``w:`` word unigrams and ``b:`` word bigrams of the prose, lower-cased; a bigram may start at ``<s>``
  (the prose's first word: ``b:<s> how``) or end at ``</s>`` (its last: ``b:? </s>``). Each CJK, kana or
  hangul character is a word of its own, so its bigrams are character bigrams. Values are counts over
  (words + 1) ** length_power (1/2 by default),
  so a long prose does not outweigh a short one.
* ``d:`` dense shape features (pasted code and its size, a traceback, an earlier conversation).

The batch's proses are cut into words by str.translate and str.split (C speed; a regular expression only
for the rare non-ASCII prose) and joined with a NUL word between them; words are looked up in a dictionary
and bigrams as integer pairs in a sorted array (numpy), so the cost per prompt is a microsecond or two of
Python (its prose) plus its words. A prompt's features are the
same whichever batch it comes in: nothing crosses the NULs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import repeat
from typing import Sequence

import numpy as np

from costsim.routing.rules import _INDENTED_RE, _LOG_LINE_RE, message_prose, new_message

__all__ = ["DENSE", "FeaturizerConfig", "FeatureSpace", "featurize", "prose_and_shape", "document_features"]

DENSE = ("has_code", "code_len", "traceback", "multi_turn")  # no prose length, no question-mark count (issue 15)
SEP = "\x00"
START, END = "<s>", "</s>"  # never one token: "<", "s" and ">" are three

# English function words: how a request is phrased (a question, "we", "the"), not what it asks for. Alone
# they learn the authors' style (hard asks written as questions about "our" system); in bigrams
# ("should we", "how do") they keep their meaning.
FUNCTION_WORDS = frozenset("""
a an the this that these those it its i me my we us our you your he she they them their there here
is are was were be been being am do does did done have has had having can could would should will shall
may might must what what's whats which who whom whose why how when where whether if then than so
and or but nor not no yes of in on at to for from by with about into onto over under out up down off
as just also too very really please pls some any all each every both either neither one
""".split())

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_QUESTION_MARKS = "?？¿"
# Words are runs of word characters (letters, digits, "_"); any other visible character is a word of its own,
# and so is each CJK, kana or hangul character. ASCII proses (most) are cut by str.translate + str.split, both
# in C and an order of magnitude faster than a regular expression; the others by these expressions, which
# cut ASCII text the same way.
_WIDE_RE = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+|[^\s\w]")
_WIDE_NO_Q_RE = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+|[^\s\w{_QUESTION_MARKS}]")
_ASCII_PUNCT = "".join(c for c in map(chr, range(33, 127)) if not (c.isalnum() or c == "_"))
_ASCII = str.maketrans({c: f" {c} " for c in _ASCII_PUNCT})
_ASCII_NO_Q = str.maketrans({**{c: f" {c} " for c in _ASCII_PUNCT}, "?": " "})
_FENCE_RE = re.compile(r"```.*?(?:```|\Z)", re.S)
_TRACEBACK_RE = re.compile(
    r"Traceback \(most recent call last\)|^\s+at [\w$.]+\(|^\w*(?:Error|Exception):|^panic:|^goroutine \d+",
    re.M,
)
_SPACES_RE = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class FeaturizerConfig:
    """Which features the model reads. Stored in the weights file."""

    bigrams: bool = True
    dense: tuple[str, ...] = ("has_code", "code_len", "traceback", "multi_turn")
    question_marks: bool = False  # read "?" as a word (it marks hard asks only in how the sets were written)
    length_power: float = 0.5  # n-gram counts are divided by (words + 1) ** length_power
    function_words: bool = False  # read function words ("how", "is", "the", "we") on their own, not only in bigrams
    stem_chars: int = 0  # also read each longer word's first N letters ("p:renam"): renamed, renaming... (0: no)

    def to_json(self) -> dict:
        return {"bigrams": self.bigrams, "dense": list(self.dense), "question_marks": self.question_marks,
                "length_power": self.length_power, "function_words": self.function_words, "stem_chars": self.stem_chars}

    @classmethod
    def from_json(cls, d: dict) -> "FeaturizerConfig":
        dense = tuple(str(x) for x in d["dense"])
        unknown = set(dense) - set(DENSE)
        if unknown:
            raise ValueError(f"unknown dense features {sorted(unknown)}")
        return cls(bigrams=bool(d["bigrams"]), dense=dense, question_marks=bool(d["question_marks"]),
                   length_power=float(d["length_power"]), function_words=bool(d["function_words"]),
                   stem_chars=int(d.get("stem_chars", 0)))


def prose_and_shape(prompt: str) -> tuple[str, tuple[float, ...]]:
    """The request's own words, lower-cased (NUL made a space), and every :data:`DENSE` value."""
    prose, shape = _prose_and_shape(prompt)
    return prose.lower().replace(SEP, " "), shape


_NO_SHAPE = (0.0, 0.0, 0.0, 0.0)
_TRACEBACK_ONLY = (0.0, 0.0, 1.0, 0.0)


def _prose_and_shape(prompt: str) -> tuple[str, tuple[float, ...]]:
    """:func:`prose_and_shape` before lower-casing and NUL replacement."""
    if prompt.isprintable() and "`" not in prompt and "[" not in prompt and "~" not in prompt:
        # one line of prose (most short prompts): request_prose's result, with one regular expression
        if _LOG_LINE_RE.match(prompt) or prompt.startswith("    ") and _INDENTED_RE.match(prompt):
            prose = ""
        else:
            prose = (prompt if "  " not in prompt else _SPACES_RE.sub(" ", prompt)).strip()
        # on one line, every _TRACEBACK_RE alternative but the first can only match at the start
        traceback = "Traceback (most recent call last)" in prompt or (
            ("Error" in prompt or "Exception" in prompt or prompt.startswith(("panic:", "goroutine ", " ")))
            and _TRACEBACK_RE.match(prompt) is not None)
        return prose, (_TRACEBACK_ONLY if traceback else _NO_SHAPE)
    earlier, message = new_message(prompt)
    code_chars = sum(map(len, _FENCE_RE.findall(message)))
    return message_prose(message), (1.0 if code_chars else 0.0, math.log1p(code_chars) / 10.0,
                                    1.0 if _TRACEBACK_RE.search(message) else 0.0, 1.0 if earlier else 0.0)


def _tokens(proses: Sequence[str], cfg: FeaturizerConfig) -> list[str]:
    """Every prose's words, lower-cased, each prose preceded by a NUL, and one NUL at the end."""
    table, wide = (_ASCII, _WIDE_RE) if cfg.question_marks else (_ASCII_NO_Q, _WIDE_NO_Q_RE)
    lowered = (p.lower().replace(SEP, " ") if SEP in p else p.lower() for p in proses)
    parts = [p.translate(table) if p.isascii() else " ".join(wide.findall(p)) for p in lowered]
    return (f" {SEP} " + f" {SEP} ".join(parts) + f" {SEP} ").split()


def _stems(words: Sequence[str], n: int) -> list[str]:
    """Each word's first ``n`` characters when it is longer than that ("" for the others)."""
    return [w[:n] if len(w) > n else "" for w in words]


def document_features(prompt: str, cfg: FeaturizerConfig = FeaturizerConfig()) -> tuple[Counter, dict[str, float], int]:
    """One prompt's n-gram counts by name, its dense values by name, and its number of words."""
    prose, shape = prose_and_shape(prompt)
    words = _tokens([prose], cfg)[1:-1]
    counts = Counter("w:" + w for w in words if cfg.function_words or w not in FUNCTION_WORDS)
    if cfg.stem_chars:
        counts.update("p:" + stem for stem in _stems(words, cfg.stem_chars) if stem)
    if cfg.bigrams:
        seq = [START, *words, END]
        counts.update(f"b:{a} {b}" for a, b in zip(seq, seq[1:]))
    dense = {"d:" + name: value for name, value in zip(DENSE, shape) if name in cfg.dense}
    return counts, dense, len(words)


def featurize(prompt: str, cfg: FeaturizerConfig = FeaturizerConfig()) -> dict[str, float]:
    """Named feature values of one prompt (before any vocabulary): what :class:`FeatureSpace` computes in
    batches, for the features its vocabulary holds."""
    counts, dense, n_words = document_features(prompt, cfg)
    scale = (n_words + 1.0) ** -cfg.length_power
    return {**{name: n * scale for name, n in counts.items()}, **dense}


class FeatureSpace:
    """A vocabulary of feature names, and the batch computation of their values (a sparse matrix)."""

    def __init__(self, names: Sequence[str], cfg: FeaturizerConfig) -> None:
        self.names, self.cfg = list(names), cfg
        self.token_ids: dict[str, int] = {SEP: 0}
        unigram: dict[int, int] = {}
        bigram: dict[int, int] = {}
        stem: dict[str, int] = {}
        pairs: list[tuple[str, str, int]] = []
        self.dense_cols: list[tuple[int, int]] = []  # (position in DENSE, column)
        for col, name in enumerate(self.names):
            kind, _, rest = name.partition(":")
            if kind == "w":
                unigram[self._token_id(rest)] = col
            elif kind == "b":
                a, b = rest.split(" ")
                pairs.append((a, b, col))
            elif kind == "p":
                stem[rest] = col
            elif kind == "d" and rest in DENSE:
                self.dense_cols.append((DENSE.index(rest), col))
            else:
                raise ValueError(f"feature {name!r} is not w:, b:, p: or d:{'|'.join(DENSE)}")
        n_tok = len(self.token_ids) + 2 * len(pairs)  # an upper bound, fixed before the pairs add tokens
        for a, b, col in pairs:
            ia = 0 if a == START else self._token_id(a)
            ib = 0 if b == END else self._token_id(b)
            bigram[ia * n_tok + ib] = col
        self.n_tok = n_tok
        self.stem_cols = stem
        self.unigram_col = np.full(len(self.token_ids), -1, dtype=np.int64)
        self.unigram_col[list(unigram)] = list(unigram.values())
        keys = np.array(sorted(bigram), dtype=np.int64)
        self.bigram_keys = keys
        self.bigram_cols = np.array([bigram[k] for k in keys.tolist()], dtype=np.int64)

    def _token_id(self, token: str) -> int:
        return self.token_ids.setdefault(token, len(self.token_ids))

    def __len__(self) -> int:
        return len(self.names)

    def coo(self, prompts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, column, value) of every feature the vocabulary holds, for each prompt; a (row, column)
        pair may repeat (its values add up)."""
        n = len(prompts)
        if not n:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
        proses, shapes = zip(*map(_prose_and_shape, prompts))
        tokens = _tokens(proses, self.cfg)
        get = self.token_ids.get
        ids = np.fromiter(map(get, tokens, repeat(-1)), dtype=np.int64, count=len(tokens))
        sep = ids == 0
        row_of = np.cumsum(sep) - 1  # the final NUL opens row n, which nothing belongs to
        words_per_row = np.bincount(row_of[~sep], minlength=n + 1)[:n]
        scale = (words_per_row + 1.0) ** -self.cfg.length_power
        known = ids > 0
        uni = np.full(len(ids), -1, dtype=np.int64)
        uni[known] = self.unigram_col[ids[known]]
        hit = uni >= 0
        rows, cols = [row_of[hit]], [uni[hit]]
        if self.cfg.bigrams and len(self.bigram_keys) and len(ids) > 1:
            a, b = ids[:-1], ids[1:]
            keys = np.where((a >= 0) & (b >= 0), a * self.n_tok + b, -1)
            pos = np.minimum(np.searchsorted(self.bigram_keys, keys), len(self.bigram_keys) - 1)
            found = self.bigram_keys[pos] == keys
            rows.append(row_of[:-1][found])
            cols.append(self.bigram_cols[pos[found]])
        if self.cfg.stem_chars and self.stem_cols:
            get = self.stem_cols.get
            stem = np.fromiter(map(get, _stems(tokens, self.cfg.stem_chars), repeat(-1)), dtype=np.int64,
                               count=len(tokens))
            hit = stem >= 0
            rows.append(row_of[hit])
            cols.append(stem[hit])
        row = np.concatenate(rows)
        val = [scale[row]]
        if self.dense_cols:
            shape = np.array(shapes, dtype=float)
            for k, col in self.dense_cols:
                rows.append(np.arange(n))
                cols.append(np.full(n, col, dtype=np.int64))
                val.append(shape[:, k])
            row = np.concatenate(rows)
        return row, np.concatenate(cols), np.concatenate(val)
