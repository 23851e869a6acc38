"""Price tables: strict validation, aliases, price periods."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from costsim.errors import PricingError, UnknownModelError
from costsim.pricing.book import load_price_book
from costsim.pricing.prices import parse_table, request_cost_usd


@pytest.fixture(scope="module")
def book():
    return load_price_book()


DOCUMENT_MODELS = {
    # model named in the document: (input, output) it quotes, USD per Mtok, on 2026-05-14
    "claude-opus-4-7": ("5", "25"),
    "gpt-5.5": ("5", "30"),
    "gpt-4.1-mini": ("0.4", "1.6"),
    "deepseek-v4-flash": ("0.14", "0.28"),
    "gpt-5-nano": ("0.05", "0.4"),
    "gemini-2.0-flash": ("0.1", "0.4"),
}


@pytest.mark.parametrize("model,quoted", DOCUMENT_MODELS.items())
def test_document_models_at_the_documents_date(book, model, quoted):
    rates = book.resolve(model).period_at(date(2026, 5, 14)).rates
    assert (rates.input, rates.output) == (Decimal(quoted[0]), Decimal(quoted[1]))


@pytest.mark.parametrize("model", [
    "claude-opus-4-5", "claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1", "claude-sonnet-4",
    "gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-4.1", "gpt-4.1-nano", "gpt-4o", "gemini-2.5-pro",
    "gemini-2.5-flash", "deepseek-chat", "deepseek-reasoner",
])
def test_mainstream_models_are_priced(book, model):
    assert book.find(model) is not None


def test_a_document_model_changed_price_and_both_periods_are_kept(book):
    flash = book.resolve("deepseek-v4-flash")
    then = flash.period_at(date(2026, 5, 14)).rates
    now = flash.period_at(date(2026, 11, 27)).rates
    assert len(flash.periods) >= 2
    assert (then.input, then.output) != (now.input, now.output)


def test_aliases_resolve_to_one_entry(book):
    assert book.resolve("claude-sonnet-4-5-20250929").id == "claude-sonnet-4-5"
    assert book.resolve("anthropic/claude-sonnet-4-5").id == "claude-sonnet-4-5"
    assert book.resolve("openai/gpt-5-mini").id == "gpt-5-mini"
    assert book.resolve("GPT-5-Mini").id == "gpt-5-mini"


def test_unknown_model_says_did_you_mean(book):
    # (claude-opus-4-8x would price: a name beginning with claude-opus-4-8 is Claude Opus 4.8, as in genai-prices)
    with pytest.raises(UnknownModelError, match=r"unknown model 'claude-opux-4-7'.*did you mean.*claude-opus-4-7"):
        book.resolve("claude-opux-4-7")


def test_before_the_first_period_takes_the_first(book):
    opus = book.resolve("claude-opus-4-7")
    assert opus.period_index(date(2020, 1, 1)) == 0


def test_missing_cache_prices_bill_at_input_rate(tmp_path):
    path = tmp_path / "acme.yaml"
    path.write_text("provider: acme\nmodels:\n  - id: m1\n    prices:\n      - from: 2026-01-01\n"
                    "        usd_per_mtok: {input: 2, output: 8}\n")
    rates = parse_table(path)[0].periods[0].rates
    assert rates.cache_read == rates.cache_write_5m == rates.cache_write_1h == Decimal(2)
    assert request_cost_usd(rates, {"input": 1000, "cache_read": 500, "output": 100}) == \
        Decimal(1000 * 2 + 500 * 2 + 100 * 8) / 10**6


BAD_TABLES = {
    "unknown key": ("provider: acme\nmodels:\n  - id: m1\n    colour: red\n    prices:\n      - from: 2026-01-01\n"
                    "        usd_per_mtok: {input: 1, output: 2}\n", r"models\[0\] \(m1\): unknown key 'colour'"),
    "negative price": ("provider: acme\nmodels:\n  - id: m1\n    prices:\n      - from: 2026-01-01\n"
                       "        usd_per_mtok: {input: -1, output: 2}\n", r"usd_per_mtok\.input: must be >= 0"),
    "missing price": ("provider: acme\nmodels:\n  - id: m1\n    prices:\n      - from: 2026-01-01\n"
                      "        usd_per_mtok: {input: 1}\n", r"usd_per_mtok: missing required key 'output'"),
    "duplicate id": ("provider: acme\nmodels:\n  - id: m1\n    prices:\n      - from: 2026-01-01\n"
                     "        usd_per_mtok: {input: 1, output: 2}\n  - id: m1\n    prices:\n      - from: 2026-01-01\n"
                     "        usd_per_mtok: {input: 1, output: 2}\n", r"duplicate model id 'm1'"),
    "not a number": ("provider: acme\nmodels:\n  - id: m1\n    prices:\n      - from: 2026-01-01\n"
                     "        usd_per_mtok: {input: cheap, output: 2}\n", r"input: must be a number"),
    "yaml syntax": ("provider: acme\nmodels: [\n", r"YAML syntax error"),
    "empty": ("", r"file is empty"),
}


@pytest.mark.parametrize("case", BAD_TABLES)
def test_bad_price_tables_name_file_and_field(tmp_path, case):
    text, message = BAD_TABLES[case]
    path = tmp_path / "acme.yaml"
    path.write_text(text)
    with pytest.raises(PricingError, match=message) as err:
        parse_table(path)
    assert str(path) in str(err.value)


def test_overlay_alias_clash_is_an_error(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("provider: mine\nmodels:\n  - id: my-model\n    aliases: [gpt-5-nano]\n    prices:\n"
                    "      - from: 2026-01-01\n        usd_per_mtok: {input: 1, output: 2}\n")
    with pytest.raises(PricingError, match="alias 'gpt-5-nano' of 'my-model' is already used by 'gpt-5-nano'"):
        load_price_book([path])


def test_overlay_replaces_a_bundled_model(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("provider: openai\nmodels:\n  - id: gpt-5-nano\n    prices:\n"
                    "      - from: 2026-01-01\n        usd_per_mtok: {input: 1, output: 2}\n")
    book = load_price_book([path])
    assert book.resolve("gpt-5-nano").period_at(date(2026, 6, 1)).rates.input == Decimal(1)


def test_bundled_tables_have_sources_and_ordered_periods(book):
    for model in book.models.values():
        assert model.source_url.startswith("https://"), model.id
        starts = [p.starts for p in model.periods]
        assert starts == sorted(starts), model.id


def test_pricing_folder_is_one_file_per_provider():
    folder = Path(__file__).resolve().parent.parent / "pricing"
    providers = {p.stem for p in folder.glob("*.yaml")} - {"policy"}
    assert {"anthropic", "openai", "google", "deepseek"} <= providers
