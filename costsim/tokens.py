"""Offline token counting for LLM request logs.

tiktoken normally downloads its BPE rank files on first use; costsim runs with
no network, so the two encodings it needs (``o200k_base`` and ``cl100k_base``)
ship inside the package at ``costsim/tokenizers/``. Each file is checked
against the sha256 that tiktoken itself expects (``expected_hash=`` in
``tiktoken_ext/openai_public.py``) before a ``tiktoken.Encoding`` is built
directly from its ranks. ``tiktoken.get_encoding`` is never called, so no
download or cache directory is ever involved.

Counts are exact for OpenAI models whose encoding is known. For every other
model (Claude, Gemini, DeepSeek, unknown ids) the count is an approximation
made with ``o200k_base``; ``encoding_name_for`` says which case applies.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from pathlib import Path

import tiktoken

from costsim.errors import TokenizerError  # re-exported: costsim.tokens.TokenizerError still works

TOKENIZER_DIR = Path(__file__).resolve().parent / "tokenizers"

# sha256 of the shipped rank files; identical to tiktoken 0.14.0's
# expected_hash values in tiktoken_ext/openai_public.py.
O200K_BASE_SHA256 = "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"
CL100K_BASE_SHA256 = "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"

ENCODING_SHA256 = {
    "o200k_base": O200K_BASE_SHA256,
    "cl100k_base": CL100K_BASE_SHA256,
}

APPROXIMATE_ENCODING = "o200k_base"

_ENDOFTEXT = "<|endoftext|>"
_FIM_PREFIX = "<|fim_prefix|>"
_FIM_MIDDLE = "<|fim_middle|>"
_FIM_SUFFIX = "<|fim_suffix|>"
_ENDOFPROMPT = "<|endofprompt|>"

# pat_str and special tokens copied from tiktoken_ext/openai_public.py (tiktoken 0.14.0).
_CL100K_PAT_STR = (r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+"""
                   r"""|\s++$|\s*[\r\n]|\s+(?!\S)|\s""")
_O200K_PAT_STR = "|".join(
    [
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
        r"""\p{N}{1,3}""",
        r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
        r"""\s*[\r\n]+""",
        r"""\s+(?!\S)""",
        r"""\s+""",
    ]
)

_PAT_STR_BY_ENCODING = {
    "o200k_base": _O200K_PAT_STR,
    "cl100k_base": _CL100K_PAT_STR,
}
_SPECIAL_TOKENS_BY_ENCODING = {
    "o200k_base": {_ENDOFTEXT: 199999, _ENDOFPROMPT: 200018},
    "cl100k_base": {
        _ENDOFTEXT: 100257,
        _FIM_PREFIX: 100258,
        _FIM_MIDDLE: 100259,
        _FIM_SUFFIX: 100260,
        _ENDOFPROMPT: 100276,
    },
}

# OpenAI model families, checked in order (gpt-4o before gpt-4).
# gpt-oss uses o200k_harmony, which has o200k_base's ranks and pattern plus
# extra special tokens, so ordinary-text counts are identical.
_O200K_MODEL_PATTERN = re.compile(r"^(?:gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o[134](?:-|$))")
_CL100K_MODEL_PATTERN = re.compile(
    r"^(?:gpt-4(?:-|$)|gpt-3\.5-turbo|gpt-35-turbo|text-embedding-3-|text-embedding-ada-002)"
)


def tokenizer_path(encoding_name: str) -> Path:
    """Path of the shipped ``.tiktoken`` rank file for an encoding."""
    return TOKENIZER_DIR / f"{encoding_name}.tiktoken"


def read_verified_bytes(path: Path, expected_sha256: str) -> bytes:
    """Read a file and raise TokenizerError unless its sha256 matches."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TokenizerError(f"cannot read tokenizer file {path}: {exc}") from exc
    actual_sha256 = hashlib.sha256(data).hexdigest()
    if actual_sha256 != expected_sha256:
        raise TokenizerError(
            f"tokenizer file {path} is corrupted: sha256 {actual_sha256}, expected {expected_sha256}; reinstall costsim"
        )
    return data


def parse_ranks(data: bytes) -> dict[bytes, int]:
    """Parse tiktoken's format: one ``<base64 token> <rank>`` pair per line."""
    ranks: dict[bytes, int] = {}
    for line in data.splitlines():
        if line:
            token_b64, rank = line.split()
            ranks[base64.b64decode(token_b64)] = int(rank)
    return ranks


@functools.cache
def load_encoding(encoding_name: str) -> tiktoken.Encoding:
    """Build a tiktoken Encoding from the shipped, hash-verified rank file."""
    if encoding_name not in ENCODING_SHA256:
        raise TokenizerError(
            f"no shipped tokenizer for encoding {encoding_name!r}; known: {', '.join(sorted(ENCODING_SHA256))}"
        )
    data = read_verified_bytes(tokenizer_path(encoding_name), ENCODING_SHA256[encoding_name])
    return tiktoken.Encoding(
        name=encoding_name,
        pat_str=_PAT_STR_BY_ENCODING[encoding_name],
        mergeable_ranks=parse_ranks(data),
        special_tokens=_SPECIAL_TOKENS_BY_ENCODING[encoding_name],
    )


def bare_model_name(model_id: str) -> str:
    """Lower-case model name without provider prefix (``openai/``) or ``ft:``."""
    name = model_id.strip().lower().rsplit("/", 1)[-1]
    return name.removeprefix("ft:")


def encoding_name_for(model_id: str) -> tuple[str, bool]:
    """Return (encoding name, whether counts are exact) for a model id."""
    name = bare_model_name(model_id)
    if _O200K_MODEL_PATTERN.match(name):
        return "o200k_base", True
    if _CL100K_MODEL_PATTERN.match(name):
        return "cl100k_base", True
    return APPROXIMATE_ENCODING, False


def count_tokens(text: str, model_id: str) -> int:
    """Token count of ``text`` for ``model_id``; special-token text counts as ordinary."""
    encoding_name, _is_exact = encoding_name_for(model_id)
    return len(load_encoding(encoding_name).encode_ordinary(text))


def count_tokens_many(texts: list[str], model_id: str) -> list[int]:
    """Token counts for many texts at once, encoded in parallel threads."""
    encoding_name, _is_exact = encoding_name_for(model_id)
    token_ids_per_text = load_encoding(encoding_name).encode_ordinary_batch(list(texts))
    return [len(token_ids) for token_ids in token_ids_per_text]
