"""pricing/caches.yaml: one cache model per provider, validated strictly, never read as a price table."""

from __future__ import annotations

from pathlib import Path

import pytest

from costsim.errors import PricingError
from costsim.pricing.book import load_price_book
from costsim.pricing.caches import load_cache_book

CACHES = Path(__file__).resolve().parent.parent / "pricing" / "caches.yaml"

GOOD = """checked: 2026-12-06
providers:
  anthropic:
    mode: explicit
    idle_minutes: 5
    idle_minutes_1h: 60
    min_prefix_tokens: 1024
    block_tokens: 1
    survives_model_change: false
    source_url: https://example.com/caching
    checked: 2026-12-06
  default:
    mode: automatic
    idle_minutes: 5
    min_prefix_tokens: 1024
    block_tokens: 1
    survives_model_change: false
    source_url: https://example.com/caching
    checked: 2026-12-06
"""


@pytest.fixture(scope="module")
def book():
    return load_price_book()


def test_bundled_cache_models_cover_every_provider_of_the_tables(book):
    caches = load_cache_book(book)
    # the providers of the routing models and the document's tables have their own cache model; the
    # catalog's other providers (pricing/generated/, cerebras.yaml) take `default`
    assert {"anthropic", "openai", "google", "deepseek"} <= set(caches.providers)
    assert caches.for_model(book.resolve("cerebras/llama-3.3-70b")) is caches.default
    for cache in [*caches.providers.values(), caches.default]:
        assert cache.source_url.startswith("https://") and cache.checked is not None
        assert cache.survives_model_change is False
    anthropic, openai = caches.providers["anthropic"], caches.providers["openai"]
    assert (anthropic.mode, anthropic.idle_minutes, anthropic.idle_minutes_1h) == ("explicit", 5, 60)
    assert (openai.mode, openai.min_prefix_tokens, openai.block_tokens) == ("automatic", 1024, 128)
    assert anthropic.min_prefix_for("claude-opus-4-5") == 4096 and anthropic.min_prefix_for("claude-sonnet-4-5") == 1024


def test_the_price_loader_does_not_read_caches_yaml_as_a_table(book):
    assert "caches.yaml" not in book.files and "policy.yaml" not in book.files


@pytest.mark.parametrize("change, words", [
    (("    mode: explicit\n", "    mode: implicit\n"), "providers.anthropic.mode: must be one of explicit, automatic"),
    (("    block_tokens: 1\n", "    block_tokens: 1\n    ttl: 5\n"), "providers.anthropic: unknown key 'ttl'"),
    (("    survives_model_change: false\n", "    survives_model_change: true\n"),
     "providers.anthropic.survives_model_change"),
    (("    idle_minutes: 5\n    idle_minutes_1h: 60\n", "    idle_minutes: -5\n"),
     "providers.anthropic.idle_minutes: must be a whole number >= 0"),
    (("  default:\n", "  other:\n"), "needs a 'default' entry"),
    (("    source_url: https://example.com/caching\n", "    source_url: example.com\n"), "must be an https:// address"),
    (("    block_tokens: 1\n", "    block_tokens: 1\n    min_prefix_tokens_by_model: {claude-opus-9: 4096}\n"),
     "unknown model 'claude-opus-9'"),
])
def test_a_bad_cache_model_is_an_error_naming_the_file_and_field(tmp_path, book, change, words):
    path = tmp_path / "caches.yaml"
    path.write_text(GOOD.replace(*change, 1), encoding="utf-8")
    with pytest.raises(PricingError) as error:
        load_cache_book(book, path)
    assert str(path) in str(error.value) and words in str(error.value)


def test_pricing_validate_checks_the_cache_models(cli, tmp_path):
    result = cli("pricing", "validate", str(CACHES))
    assert result.exit_code == 0 and "cache models of 4 provider(s)" in result.stdout
    bad = tmp_path / "caches.yaml"
    bad.write_text(GOOD.replace("    mode: explicit\n", "    mode: sometimes\n"), encoding="utf-8")
    result = cli("pricing", "validate", str(bad))
    assert result.exit_code == 2 and "mode: must be one of" in result.stderr
