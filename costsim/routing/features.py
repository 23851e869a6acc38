"""The learned classifier's features, computed for a whole batch of prompts at once.

A prompt's features are read from the request's own words (:func:`costsim.routing.rules.joined_prose`: pasted
code, logs and earlier turns removed) and a few shape facts about the rest:

* ``w:`` word unigrams, ``b:`` word bigrams and ``p:`` stems (a longer word's first letters: ASCII words, and with
  ``wide_stems`` other words too, so "блокировку" and "блокировка" share one) of the
  prose, lower-cased. Words are runs of letters, digits and "_"; punctuation is not read (it marks how a
  request is written, not what it asks). Each CJK, kana or hangul character is a word of its own. A bigram
  may start at ``<s>`` (the prose's first word: ``b:<s> how``) or end at ``</s>`` (its last). Values are
  counts over (words + 1) ** length_power (1/2 by default), so a long prose does not outweigh a short one.
* ``d:`` dense shape features (pasted code and its size, a traceback, an earlier conversation, and the
  prose's length, capped: a terse follow-up is short, a spec longer, a long preamble no more than a spec).
  With ``forms``, also the ``d:form_*`` features (:mod:`costsim.routing.forms`): 1 when the prose has the form of
  an ask in any of 19 languages (asks to explain, how to, to find the cause; speaks of "our" system; ...).

The batch is one text (messages joined by NUL lines): each regular expression runs once over it, ASCII
prose is cut into words by one bytes.translate and split, and words are looked up in a dictionary and
bigrams as integer pairs in a sorted array (numpy). Python touches each prompt only to join it and each
unknown long word for its stem. A prompt's features are the same whichever batch it comes in: nothing
crosses the NULs.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter

import numpy as np

from costsim.lookup import IntIndex
from costsim.routing.forms import FORMS, LEXICON
from costsim.routing.rules import joined, joined_prose, new_message

__all__ = ["DENSE", "FeaturizerConfig", "FeatureSpace", "featurize", "batch_words", "document_features"]

# no question-mark count (issue 15); the prose's length only bounded (prose_words), last
DENSE = ("has_code", "code_len", "traceback", "multi_turn", "prose_words")
PROSE_WORDS_AT = DENSE.index("prose_words")  # the last of DENSE: batch_words gives the shapes before it, then forms
PROSE_WORDS_CAP = 32  # prose_words stops growing here (words_cap): a long preamble is not more work than a spec
SEP = b"\x00"
START, END = "<s>", "</s>"  # never a word: "<" and ">" are not read

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

# Other languages' function words (issue 15, ninth session; read with ``intl_function_words``): held out, the
# non-English tier-1 asks went to tier 3 on "в", "na", "la", "por", "der" -- in the training sets most non-English
# requests were hard, so the words that only say which language a request is in had learned to mean tier 3. German,
# Dutch, French, Spanish, Portuguese, Italian, Polish, Czech, Russian, Ukrainian, Swedish, Turkish, Indonesian,
# Vietnamese; and the Chinese, Japanese and Korean particles (each such character is a word of its own). Words that
# are also English content words ("man", "mit", "var", "per") are left out.
INTL_FUNCTION_WORDS = frozenset("""
der die das den dem des ein eine einen einem einer und oder aber nicht ist sind war wird werden wurde hat haben kann
können soll sollte muss ich du wir ihr sie es er mich mir uns euch unser unsere unseren unserer mein meine dein deine
zu auf für von vom zum zur im am an bei nach aus über unter wie was warum wo wann wenn dass ob auch noch nur schon
sehr bitte alle jede jeder diese dieser dieses hier da dann als
de het een en of maar niet is zijn wordt worden heeft hebben kan moet ik jij je wij we ze onze ons mijn van naar voor
dat die deze dit op te om bij uit aan ook waarom hoe waar wanneer als
le la les un une des du d l et ou mais ne pas est sont être ont avoir je tu il elle nous vous ils elles on me se moi
notre nos votre vos mon ma mes ce cet cette ces qui que quoi qu pourquoi comment où quand si dans sur pour par avec
sans en au aux y très aussi tout tous toute s c j n
el los las una unos unas del al pero es son está están ser estar hay ha han yo tú él ella nosotros ellos nos te mi
mis tus su sus nuestro nuestra nuestros qué quién cómo como por para porque cuando dónde donde con sin sobre también
muy todo todos esta este esto estos estas ese esa lo
o os as um uma uns umas do da dos das no na em ao aos ou mas não é são estão foi tem eu você ele nós eles elas meu
minha nosso nossa seu sua muito isso isto esse essa pelo pela
il lo gli della dei delle dello alla ai alle dal dalla nel nella nei su sul sulla tra fra e non sia hanno io lui lei
noi voi loro mi ti si ci vi mio mia nostro nostri che chi perché dove anche tutti questo questa quello quella
i w z na do od po za dla przez przy się nie jest są być ten ta tego tej ja ty ona wy oni mnie nas nasz nasza nasze mój
moja czy jak dlaczego gdzie kiedy że ale lub albo oraz też bardzo już tylko
v ve s se ze k ke u pro při bez jsou byl tento tato toto já mě náš naše můj moje nebo proč kde kdy když jestli také
velmi už jen
och eller men inte är vara har att det som av för till med om från jag vi ni han hon vår vårt våra min mitt hur varför
när
и в во не на с со что как а но или по к ко у о об от до из за для при без над под это этот эта эти то тот та те он
она оно они мы вы я ты меня мне нас нам наш наша наши мой моя свой свою его её их ли же бы уже ещё только очень все
всё весь почему где когда если чтобы да нет быть есть был была было были
і й та з із зі що але або від це цей ця ці той він вона воно вони ми ви мене мені наші мій його її їх чому де коли
якщо щоб вже ще тільки дуже є був була було були
ve veya ile için bir bu şu da mi mı mu mü ne neden nasıl nerede ama gibi daha çok her ben sen biz siz onlar bizim
sizin
dan atau tapi tetapi tidak bukan adalah ini itu yang di ke dari untuk dengan pada dalam saya kami kita anda dia
mereka apa mengapa kenapa bagaimana kapan jika juga sangat sudah belum akan bisa
và hoặc nhưng không là của cho với trong trên từ để này đó các những một tôi chúng bạn có được đã sẽ đang tại sao thế
nào khi nếu cũng rất
的 了 是 在 我 你 他 她 们 这 那 和 与 或 但 也 都 就 吗 呢 吧 把 被 给 让 一 个 不 有 为 什 么 怎 请
の を は が に で と も か へ や ね よ
을 를 은 는 이 가 에 의 와 과 도 로 서
""".split())
_ALL_FUNCTION_WORDS = FUNCTION_WORDS | INTL_FUNCTION_WORDS

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
# Prose bytes: ASCII letters lower-cased; letters, digits, "_", NUL and non-ASCII bytes kept; the rest made spaces.
_ASCII_WORDS = bytes(c + 32 if 65 <= c <= 90 else c if c >= 128 or chr(c).isalnum() or c in (0, 95) else 32
                     for c in range(256))
# Other prose is lower-cased, any non-ASCII character that is not a letter or digit made a space and each
# CJK character spaced out (a split, not a substitution with a group: no Python call per character); then,
# as UTF-8, it goes through the same table (bytes >= 128 are kept).
_WIDE_NON_WORD_RE = re.compile(r"[^\x00-\x7f\w]")
_CJK_RE = re.compile(f"([{_CJK}])")
# A short quoted string: the text a request operates on (a label to change, a message to translate, a title), not
# what it asks; read as inline code is (one word, "code"). The opening quote follows no letter or digit and the
# closing one is followed by none, so "don't" and "users'" open or close nothing; never across a line or a NUL.
_QUOTES_OPEN, _QUOTES_CLOSE = "'\"“‘«„", "'\"”’»“"
_QUOTE_CHARS_RE = re.compile(f"[{_QUOTES_OPEN}]")
# (each pattern starts with its opening character, so the engine jumps from one to the next; the look-behind after
# it sees the character before the quote)
_QUOTED_RE = re.compile(f"[{_QUOTES_OPEN}](?<![\\w{_QUOTES_OPEN}][{_QUOTES_OPEN}])(?=\\S)"
                        f"[^{_QUOTES_OPEN}{_QUOTES_CLOSE}\\n\\x00]{{1,60}}?(?<=\\S)[{_QUOTES_CLOSE}](?!\\w)")
_CJK_QUOTED_RE = re.compile("[「『](?:(?<=「)[^」\\n\\x00]{1,60}」|(?<=『)[^』\\n\\x00]{1,60}』)")


@dataclass(frozen=True)
class FeaturizerConfig:
    """Which features the model reads. Stored in the weights file."""

    bigrams: bool = True
    dense: tuple[str, ...] = ("has_code", "code_len", "traceback", "multi_turn")
    length_power: float = 0.5  # n-gram counts are divided by (words + 1) ** length_power
    function_words: bool = False  # read function words ("how", "is", "the", "we") on their own, not only in bigrams
    stem_chars: int = 0  # also read each longer ASCII word's first N letters ("p:renam"): renamed, renaming... (0: no)
    wide_stems: bool = False  # stems of non-ASCII words too (their first N characters: "p:блоки", "p:speic")
    intl_function_words: bool = False  # also leave other languages' function words out on their own ("в", "la")
    words_cap: int = PROSE_WORDS_CAP  # d:prose_words stops growing at this many words
    quoted: bool = False  # a short quoted string ('Latenz (ms)', "orders") is read as one word, like inline code
    forms: bool = False  # also the d:form_* features (costsim.routing.forms: the form of the ask, in 19 languages)

    @property
    def dense_names(self) -> tuple[str, ...]:
        """Every dense feature the model reads: :attr:`dense`, then :data:`FORMS` with ``forms``."""
        return (*self.dense, *FORMS) if self.forms else self.dense

    def to_json(self) -> dict:
        d = {"bigrams": self.bigrams, "dense": list(self.dense), "length_power": self.length_power,
             "function_words": self.function_words, "stem_chars": self.stem_chars, "wide_stems": self.wide_stems,
             "intl_function_words": self.intl_function_words,
             "quoted": self.quoted, "words_cap": self.words_cap}
        if self.forms:  # only when on: a file without them stays as it was
            d["forms"] = True
        return d

    @classmethod
    def from_json(cls, d: dict) -> FeaturizerConfig:
        dense = tuple(str(x) for x in d["dense"])
        unknown = set(dense) - set(DENSE)
        if unknown:
            raise ValueError(f"unknown dense features {sorted(unknown)}")
        return cls(bigrams=bool(d["bigrams"]), dense=dense, length_power=float(d["length_power"]),
                   function_words=bool(d["function_words"]), stem_chars=int(d.get("stem_chars", 0)),
                   wide_stems=bool(d.get("wide_stems", False)),
                   intl_function_words=bool(d.get("intl_function_words", False)),
                   quoted=bool(d.get("quoted", False)), words_cap=int(d.get("words_cap", PROSE_WORDS_CAP)),
                   forms=bool(d.get("forms", False)))


def _words_of(text: str) -> bytes:
    """A phrase's words as the prose's are read (lower-cased, non-word characters made spaces, each CJK
    character a word of its own), joined by single spaces."""
    text = _WIDE_NON_WORD_RE.sub(" ", text.lower())
    text = " ".join(_CJK_RE.split(text))
    return b" ".join(text.encode("utf-8").translate(_ASCII_WORDS).split())


@dataclass(frozen=True)
class _FormPhrases:
    """Every :data:`FORMS` phrase as a path of words from a root state: a word's id (0: in no phrase, 1: the NUL
    that opens each prose), the transitions ``state * n_ids + id`` (sorted) with the state each leads to, and the
    forms (a bit each) whose phrase ends in each state."""

    ids: dict[bytes, int]
    keys: np.ndarray
    next_state: np.ndarray
    ends: np.ndarray


@functools.cache
def form_phrases() -> _FormPhrases:
    """The :data:`FORMS` phrases of every language, read as the prose is (:func:`_words_of`), built once."""
    ids: dict[bytes, int] = {SEP: 1}
    transitions: dict[tuple[int, int], int] = {}
    ends = [0]
    for bit, name in enumerate(FORMS):
        for phrase in {w for lang in LEXICON[name].values() for p in lang.split("|") if (w := _words_of(p))}:
            state = 0
            for word in phrase.split(b" "):
                step = (state, ids.setdefault(word, len(ids) + 1))
                if step not in transitions:
                    transitions[step] = len(ends)
                    ends.append(0)
                state = transitions[step]
            ends[state] |= 1 << bit
    n_ids = len(ids) + 2
    order = sorted(transitions, key=lambda st: st[0] * n_ids + st[1])
    return _FormPhrases(ids, np.array([st * n_ids + i for st, i in order], dtype=np.int64),
                        np.array([transitions[k] for k in order], dtype=np.int64), np.array(ends, dtype=np.int64))


def _forms_of(ids: np.ndarray, order: np.ndarray, out: np.ndarray) -> None:
    """Set ``out[prompt, j]`` to 1 where the prose of a prompt (its words' :func:`form_phrases` ids, each prompt's
    opened by a NUL; the k-th NUL opens prompt ``order[k]``) has a phrase of form j: every word starts a walk
    along the phrases, all walks a step at a time (numpy), a walk ending where it meets no phrase."""
    fp = form_phrases()
    n_ids = len(fp.ids) + 2
    start = np.flatnonzero(ids > 1)
    state = np.zeros(len(start), dtype=np.int64)
    found_at, found = [], []
    for step in range(len(ids)):
        at = start + step
        inside = at < len(ids)
        start, state, at = start[inside], state[inside], at[inside]
        keys = state * n_ids + ids[at]
        pos = np.minimum(np.searchsorted(fp.keys, keys), len(fp.keys) - 1)
        going = fp.keys[pos] == keys
        start, state = start[going], fp.next_state[pos[going]]
        if not len(start):
            break
        done = fp.ends[state] > 0
        found_at.append(start[done])
        found.append(fp.ends[state[done]])
    if not found_at:
        return
    starts, bits = np.concatenate(found_at), np.concatenate(found)
    prompt = order[np.searchsorted(np.flatnonzero(ids == 1), starts, side="right") - 1]
    for j in range(out.shape[1]):
        out[prompt[(bits >> j) & 1 == 1], j] = 1.0


def batch_words(prompts: Sequence[str], quoted: bool = False,
                forms: bool = False) -> tuple[list[bytes], np.ndarray, np.ndarray]:
    """Every prompt's prose words (UTF-8, lower-cased), each prompt's preceded by a NUL word; the prompt
    each NUL opens (the words come ASCII prompts first); and every :data:`DENSE` value but ``prose_words``,
    then with ``forms`` every :data:`FORMS` value, one row a prompt."""
    n = len(prompts)
    messages, multi = list(prompts), np.zeros(n)
    for i in [i for i, p in enumerate(prompts) if "[" in p]:
        earlier, messages[i] = new_message(prompts[i])
        multi[i] = 1.0 if earlier else 0.0
    ascii_ = np.fromiter(map(str.isascii, messages), dtype=bool, count=n)
    code_chars, traceback = np.zeros(n), np.zeros(n)
    form = np.zeros((n, len(FORMS) if forms else 0))
    words: list[bytes] = []
    groups = [np.flatnonzero(ascii_), np.flatnonzero(~ascii_)]
    for wide, rows in enumerate(groups):
        if not len(rows):
            continue
        prose, code, errors = joined_prose(joined([messages[i] for i in rows.tolist()]))
        for k, chars in code.items():
            code_chars[rows[k]] = chars
        traceback[rows[list(errors)]] = 1.0
        if quoted and _QUOTE_CHARS_RE.search(prose):
            prose = _QUOTED_RE.sub(" CODE ", prose)
        if quoted and wide:
            prose = _CJK_QUOTED_RE.sub(" CODE ", prose)
        if wide:
            prose = _WIDE_NON_WORD_RE.sub(" ", prose.lower())
            if _CJK_RE.search(prose):
                prose = " ".join(_CJK_RE.split(prose))
        words += prose.encode("utf-8").translate(_ASCII_WORDS).split()
    order = np.concatenate(groups)
    if forms:
        _forms_of(np.fromiter(map(form_phrases().ids.get, words, repeat(0)), dtype=np.int64, count=len(words)),
                  order, form)
    shape = np.column_stack([code_chars > 0, np.log1p(code_chars) / 10.0, traceback, multi, form]).astype(float)
    return words, order, shape


def prose_words_value(words: np.ndarray, cap: int = PROSE_WORDS_CAP) -> np.ndarray:
    """The ``prose_words`` feature of prompts with these many prose words: log(1 + words), capped at ``cap``
    words, scaled to 0..1."""
    return np.log1p(np.minimum(words, cap)) / np.log1p(cap)


def _stem(word: bytes, n: int, wide: bool = False) -> bytes:
    """An ASCII word's first ``n`` letters when it is longer than that (b"" for the others); with ``wide``, a
    non-ASCII word's first ``n`` characters likewise (UTF-8 bytes in, UTF-8 bytes out)."""
    if word.isascii():
        return word[:n] if len(word) > n else b""
    if not wide or len(word) <= n:  # fewer bytes than n: fewer characters too
        return b""
    chars = word.decode("utf-8")
    return chars[:n].encode("utf-8") if len(chars) > n else b""


def document_features(prompt: str, cfg: FeaturizerConfig = FeaturizerConfig()) -> tuple[Counter, dict[str, float], int]:
    """One prompt's n-gram counts by name, its dense values by name, and its number of words."""
    all_words, _, shape = batch_words([prompt], cfg.quoted, cfg.forms)
    words = [w.decode("utf-8") for w in all_words[1:]]
    alone = frozenset() if cfg.function_words else _ALL_FUNCTION_WORDS if cfg.intl_function_words else FUNCTION_WORDS
    counts = Counter("w:" + w for w in words if w not in alone)
    if cfg.stem_chars:
        counts.update("p:" + stem.decode() for stem in (_stem(w, cfg.stem_chars, cfg.wide_stems) for w in all_words[1:])
                      if stem)
    if cfg.bigrams:
        seq = [START, *words, END]
        counts.update(f"b:{a} {b}" for a, b in zip(seq, seq[1:]))
    values = [*shape[0, :PROSE_WORDS_AT], float(prose_words_value(np.array(len(words)), cfg.words_cap)),
              *shape[0, PROSE_WORDS_AT:]]
    dense = {"d:" + name: float(value) for name, value in zip((*DENSE, *FORMS), values) if name in cfg.dense_names}
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
        self.token_ids: dict[bytes, int] = {SEP: 0}
        unigram: dict[int, int] = {}
        bigram: dict[int, int] = {}
        stem: dict[bytes, int] = {}
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
                stem[rest.encode("utf-8")] = col
            elif kind == "d" and rest in DENSE:
                self.dense_cols.append((DENSE.index(rest), col))
            elif kind == "d" and rest in FORMS and cfg.forms:  # the shapes' columns after prose_words
                self.dense_cols.append((len(DENSE) + FORMS.index(rest), col))
            else:
                raise ValueError(f"feature {name!r} is not w:, b:, p: or d:{'|'.join(cfg.dense_names)}")
        if cfg.forms:  # the phrases' words are tokens too (without columns): one lookup gives a word both ids
            for word in form_phrases().ids:
                self.token_ids.setdefault(word, len(self.token_ids))
        n_tok = len(self.token_ids) + 2 * len(pairs)  # an upper bound, fixed before the pairs add tokens
        for a, b, col in pairs:
            ia = 0 if a == START else self._token_id(a)
            ib = 0 if b == END else self._token_id(b)
            bigram[ia * n_tok + ib] = col
        self.n_tok = n_tok
        self.stem_cols = stem
        self.unigram_col = np.full(len(self.token_ids), -1, dtype=np.int64)
        self.unigram_col[list(unigram)] = list(unigram.values())
        # each known word's stem column, so only unknown words need Python for theirs
        n = cfg.stem_chars
        self.stem_col = np.array([stem.get(_stem(t, n, cfg.wide_stems), -1) if n else -1 for t in self.token_ids],
                                 dtype=np.int64)
        # each token's form_phrases id (0: in no phrase), and 0 for words outside the tokens
        self.form_ids = np.zeros(len(self.token_ids) + 1, dtype=np.int64)
        if cfg.forms:
            for word, form_id in form_phrases().ids.items():
                self.form_ids[self.token_ids[word]] = form_id
        keys = np.array(sorted(bigram), dtype=np.int64)
        self.bigram_keys = keys
        self.bigram_cols = np.array([bigram[k] for k in keys.tolist()], dtype=np.int64)

    @functools.cached_property
    def _unknown_stem(self) -> _StemColumns:
        return _StemColumns(self.stem_cols, self.cfg.stem_chars, self.cfg.wide_stems)

    def _token_id(self, token: str) -> int:
        return self.token_ids.setdefault(token.encode("utf-8"), len(self.token_ids))

    def __len__(self) -> int:
        return len(self.names)

    @functools.cached_property
    def token_cols(self) -> np.ndarray:
        """Each token's columns (unigram, stem; -1: none), one row per token id, and a last row of -1s for
        words outside the vocabulary."""
        table = np.full((len(self.token_ids) + 1, 2), -1, dtype=np.int64)
        table[:-1, 0], table[:-1, 1] = self.unigram_col, self.stem_col
        return table

    @functools.cached_property
    def _bigram_ends(self) -> tuple[np.ndarray, np.ndarray]:
        """Which token ids start and which end a bigram of the vocabulary (False for words outside it)."""
        first, second = np.zeros(len(self.token_ids) + 1, dtype=bool), np.zeros(len(self.token_ids) + 1, dtype=bool)
        first[self.bigram_keys // self.n_tok] = True
        second[self.bigram_keys % self.n_tok] = True
        return first, second

    @functools.cached_property
    def _bigram_index(self) -> IntIndex:
        """Each bigram key's place in :attr:`bigram_keys` (a batch's pairs of words are millions of lookups)."""
        return IntIndex(self.bigram_keys)

    def hits(self, prompts: Sequence[str]) -> Hits:
        """Where the batch's features are: each word of the vocabulary with its row (its token's columns are
        :attr:`token_cols`), each other hit (a bigram, an unknown word's stem) with its row and column."""
        n = len(prompts)
        words, order, shapes = batch_words(prompts, self.cfg.quoted)
        words.append(SEP)  # closes the last prose (its "</s>")
        unknown_id = len(self.token_ids)
        ids = np.fromiter(map(self.token_ids.get, words, repeat(unknown_id)), dtype=np.int64, count=len(words))
        if self.cfg.forms:  # what batch_words(forms=True) computes, from the tokens' ids
            form = np.zeros((n, len(FORMS)))
            _forms_of(self.form_ids[ids], order, form)
            shapes = np.column_stack([shapes, form])
        sep = ids == 0
        row_of = np.cumsum(sep) - 1  # the final NUL opens row n, which nothing belongs to
        words_per_row = np.bincount(row_of[~sep], minlength=n + 1)[:n]
        scale = (words_per_row + 1.0) ** -self.cfg.length_power
        used = (self.token_cols[ids] >= 0).any(axis=1)
        rows, cols = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
        if self.cfg.bigrams and len(self.bigram_keys):
            first, second = self._bigram_ends
            at = np.flatnonzero(first[ids[:-1]] & second[ids[1:]])
            pos = self._bigram_index.places(ids[at] * self.n_tok + ids[at + 1])
            found = pos >= 0
            rows.append(row_of[at[found]])
            cols.append(self.bigram_cols[pos[found]])
        if self.cfg.stem_chars and self.stem_cols:
            unknown = np.flatnonzero(ids == unknown_id)
            if len(unknown):
                unknown_words = itemgetter(*unknown.tolist())(words) if len(unknown) > 1 else (words[unknown[0]],)
                long = np.fromiter(map(len, unknown_words), dtype=np.int64, count=len(unknown)) > self.cfg.stem_chars
                unknown = unknown[long]
                long_words = [w for w, keep in zip(unknown_words, long.tolist()) if keep]
                stem = np.fromiter(map(self._unknown_stem.__getitem__, long_words), dtype=np.int64, count=len(unknown))
                rows.append(row_of[unknown[stem >= 0]])
                cols.append(stem[stem >= 0])
        if self.cfg.forms or any(k == PROSE_WORDS_AT for k, _ in self.dense_cols):  # prose_words: when the model
            prose_words = np.zeros(n)                                                 # reads it or a form after it
            prose_words[order] = words_per_row
            value = prose_words_value(prose_words, self.cfg.words_cap)
            shapes = np.column_stack([shapes[:, :PROSE_WORDS_AT], value, shapes[:, PROSE_WORDS_AT:]])
        return Hits(n, order, shapes, scale, row_of[used], ids[used], np.concatenate(rows), np.concatenate(cols))

    def coo(self, prompts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, column, value) of every feature the vocabulary holds, for each prompt; a (row, column)
        pair may repeat (its values add up)."""
        if not len(prompts):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
        return self.coo_of(self.hits(prompts))

    def coo_of(self, h: Hits) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`coo` of a batch's :meth:`hits`."""
        word_cols = self.token_cols[h.word_ids]
        hit = word_cols >= 0
        row = np.concatenate([np.broadcast_to(h.word_rows[:, None], word_cols.shape)[hit], h.rows])
        col = np.concatenate([word_cols[hit], h.cols])
        val = [h.scale[row]]
        rows, cols = [row], [col]
        for k, dense_col in self.dense_cols:
            rows.append(np.arange(h.n))
            cols.append(np.full(h.n, dense_col, dtype=np.int64))
            val.append(h.shapes[h.order, k])
        return h.order[np.concatenate(rows)], np.concatenate(cols), np.concatenate(val)


@dataclass(frozen=True)
class Hits:
    """A batch's features by position (:meth:`FeatureSpace.hits`). Rows are in the batch's joined order
    (``order[row]`` is the prompt); every n-gram hit is worth its row's ``scale``; ``shapes`` holds each
    prompt's :data:`DENSE` values, in prompt order."""

    n: int
    order: np.ndarray
    shapes: np.ndarray
    scale: np.ndarray
    word_rows: np.ndarray
    word_ids: np.ndarray
    rows: np.ndarray
    cols: np.ndarray


class _StemColumns(dict):
    """The stem column (-1: none) of each word outside the vocabulary, worked out on first sight and
    remembered (at most LIMIT words; after that, worked out each time)."""

    LIMIT = 200_000

    def __init__(self, stem_cols: dict[bytes, int], chars: int, wide: bool = False) -> None:
        super().__init__()
        self.stem_cols, self.chars, self.wide = stem_cols, chars, wide

    def __missing__(self, word: bytes) -> int:
        col = self.stem_cols.get(_stem(word, self.chars, self.wide), -1)
        if len(self) < self.LIMIT:
            self[word] = col
        return col
