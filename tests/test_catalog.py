"""The bundled catalog: every model the issue's real logs name prices, names resolve as logs write them,
hand-kept tables win over generated ones, and the compiled book is never served stale.

Expected prices are the community maps' own numbers, copied here by hand with their source (USD per
million tokens): genai-prices 0.2.3 (`genai_prices.data`) and LiteLLM 1.110.2
(`model_prices_and_context_window_backup.json`, USD per token × 10^6), read on 2026-12-06.
"""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from costsim.cli.app import app
from costsim.pricing import compiled as pricing_compiled
from costsim.pricing import prices
from costsim.pricing.book import load_price_book
from costsim.pricing.names import candidates, hosts
from costsim.pricing.prices import request_cost_usd

DAY = date(2026, 12, 1)

# Every model name the issue lists, as the recorded responses wrote them.
ISSUE_NAMES = ["gpt-5.6-sol", "claude-opus-4-8", "claude-sonnet-5", "claude-opus-5", "claude-fable-5",
               "claude-3-opus-20240229", "o3-mini", "o1-mini", "gpt-4.5-preview", "gpt-4o-audio-preview",
               "gpt-4o-search-preview", "gpt-5-pro", "computer-use-preview", "gpt-5.1-codex-mini", "gpt-oss-120b",
               "llama-3.3-70b", "qwen-3-coder-480b", "glm-4.6", "grok-4", "anthropic/claude-4.5-sonnet-20250929",
               "anthropic/claude-3.7-sonnet:thinking"]


@pytest.fixture(scope="module")
def book():
    return load_price_book()


@pytest.mark.parametrize("name", ISSUE_NAMES)
def test_every_model_the_issue_names_prices(book, name):
    model = book.resolve(name)
    rates = model.period_at(DAY).rates
    assert rates.output > 0 and rates.input > 0, (name, model.id)


@pytest.mark.parametrize(
    "name, input_usd, output_usd, cache_read_usd, source",
    [
        (
            "claude-opus-4-8",
            "5",
            "25",
            "0.5",
            "genai-prices anthropic/claude-opus-4-8; LiteLLM claude-opus-4-8 5e-06/2.5e-05",
        ),
        (
            "claude-fable-5",
            "10",
            "50",
            "1",
            "genai-prices anthropic/claude-fable-5; LiteLLM claude-fable-5 1e-05/5e-05",
        ),
        ("claude-3-opus-20240229", "15", "75", "1.5", "genai-prices anthropic/claude-3-opus-latest"),
        ("o3-mini", "1.1", "4.4", "0.55", "genai-prices openai/o3-mini; LiteLLM o3-mini 1.1e-06/4.4e-06/5.5e-07"),
        ("gpt-4.5-preview", "75", "150", "37.5", "genai-prices openai/gpt-4.5-preview"),
        ("gpt-5-pro", "15", "120", "15", "genai-prices openai/gpt-5-pro (no cached-input price: bills at input)"),
        (
            "computer-use-preview",
            "3",
            "12",
            "3",
            "genai-prices openai/computer-use; LiteLLM computer-use-preview 3e-06/1.2e-05",
        ),
        ("llama-3.3-70b", "0.85", "1.2", "0.85", "genai-prices cerebras/llama-3.3-70b; LiteLLM cerebras/llama-3.3-70b"),
        ("glm-4.6", "0.6", "2.2", "0.11", "genai-prices zai/GLM-4.6; LiteLLM zai/glm-4.6 6e-07/2.2e-06/1.1e-07"),
        ("grok-4", "3", "15", "0.75", "genai-prices x-ai/grok-4-0709"),
        (
            "anthropic/claude-3.7-sonnet:thinking",
            "3",
            "15",
            "0.3",
            "genai-prices anthropic/claude-3-7-sonnet-latest $3/$15, cache read $0.30: a router's slug for a maker's "
            "model takes the maker's price (genai-prices' openrouter entry lists $3/$15 and no cache price)",
        ),
    ],
)
def test_prices_are_the_community_maps_numbers(book, name, input_usd, output_usd, cache_read_usd, source):
    rates = book.resolve(name).period_at(DAY).rates
    assert (rates.input, rates.output, rates.cache_read) == (
        Decimal(input_usd),
        Decimal(output_usd),
        Decimal(cache_read_usd),
    ), source


def test_gpt_5_6_sol_keeps_its_long_context_cliff_from_genai_prices(book):
    # genai-prices openai/gpt-5.6-sol: $4 input, $20 output (+tiers above 272,000 prompt tokens: $8 / $30)
    period = book.resolve("gpt-5.6-sol").period_at(DAY)
    assert (period.rates.input, period.rates.output) == (Decimal(4), Decimal(20))
    assert period.long_context.above_prompt_tokens == 272_000
    assert (period.long_context.rates.input, period.long_context.rates.output) == (Decimal(8), Decimal(30))
    cost = request_cost_usd(period.long_context.rates, {"input": 300_000, "output": 1_000})
    assert cost == (Decimal(300_000) * 8 + Decimal(1_000) * 30) / 10**6


@pytest.mark.parametrize(
    "name, model_id",
    [
        ("claude-opus-4-7", "claude-opus-4-7"),  # the hand-kept table, as before
        ("anthropic/claude-opus-4-7", "claude-opus-4-7"),
        ("claude-opus-4-7-20260416", "claude-opus-4-7"),
        ("gpt-5.2-20251211", "gpt-5.2"),  # compact date
        ("openrouter/anthropic/claude-3.7-sonnet:thinking", "openrouter/anthropic/claude-3.7-sonnet"),
        ("meta-llama/llama-3.3-70b-instruct:free", "openrouter/meta-llama/llama-3.3-70b-instruct:free"),
        (
            "us.anthropic.claude-opus-4-8-v1:0",
            "aws/regional.anthropic.claude-opus-4-8-v1:0",
        ),  # Bedrock region + version
        ("bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0", "aws/regional.anthropic.claude-3-5-sonnet-20240620-v1:0"),
        ("groq/llama-3.3-70b-versatile", "groq/llama-3.3-70b-versatile"),
        ("llama-3.3-70b-versatile", "groq/llama-3.3-70b-versatile"),
        ("azure/gpt-4o", "azure/gpt-4o"),
        ("computer-use-preview", "computer-use"),  # the maker's name beginning + a tag ...
        ("deepseek-r1-distill-llama-70b", "groq/deepseek-r1-distill-llama-70b"),  # ... but not + another model's name
        ("publishers/google/models/gemini-2.5-pro", "gemini-2.5-pro"),
    ],
)
def test_names_as_logs_write_them(book, name, model_id):
    assert book.resolve(name).id == model_id


def test_a_free_variant_has_its_own_price_and_a_routing_suffix_does_not(book):
    # genai-prices openrouter: meta-llama/llama-3.3-70b-instruct:free has no price ($0); the paid slug $0.59/$0.79
    free = book.resolve("openrouter/meta-llama/llama-3.3-70b-instruct:free").period_at(DAY).rates
    paid = book.resolve("openrouter/meta-llama/llama-3.3-70b-instruct:nitro").period_at(DAY).rates
    assert (free.input, free.output) == (0, 0)
    assert (paid.input, paid.output) == (Decimal("0.59"), Decimal("0.79"))
    assert "meta-llama/llama-3.3-70b-instruct:free" in candidates("meta-llama/llama-3.3-70b-instruct:free")
    assert "meta-llama/llama-3.3-70b-instruct" not in candidates("meta-llama/llama-3.3-70b-instruct:free")


def test_a_names_shape_points_to_its_host():
    assert hosts("us.anthropic.claude-opus-4-8-v1:0") == ("aws",)
    assert hosts("claude-3-5-sonnet-v2@20241022") == ("vertex", "google")
    assert hosts("groq/llama-3.3-70b-versatile") == ("groq",)
    assert hosts("claude-opus-4-7") == ()


def test_hand_kept_tables_win_over_generated_ones(book):
    # genai-prices lists deepseek-v4-flash with time-of-day prices the hand-kept table models in full,
    # and Anthropic's Opus 4.7 is hand-kept: both come from pricing/<provider>.yaml
    assert book.resolve("claude-opus-4-7").table == "anthropic.yaml"
    assert book.resolve("deepseek-v4-flash").table == "deepseek.yaml"
    assert book.resolve("gpt-5-nano").table == "openai.yaml"
    assert book.resolve("claude-opus-4-8").table == "generated/anthropic.yaml"
    assert book.resolve("claude-opus-4-8").source == "genai-prices 0.2.3"


def test_the_routing_defaults_keep_the_documents_prices(book):
    # the document (2026-05-14): GPT-5 Nano $0.05/$0.40, DeepSeek V4 Flash $0.14/$0.28, Claude Opus 4.7 $5/$25
    day = date(2026, 5, 14)
    assert [
        (book.resolve(m).period_at(day).rates.input, book.resolve(m).period_at(day).rates.output)
        for m in ("gpt-5-nano", "deepseek-v4-flash", "claude-opus-4-7")
    ] == [(Decimal("0.05"), Decimal("0.4")), (Decimal("0.14"), Decimal("0.28")), (Decimal(5), Decimal(25))]


def test_the_catalog_holds_thousands_of_models_from_the_providers_the_issue_names(book):
    providers = {m.provider for m in book.models.values()}
    assert {
        "openai",
        "anthropic",
        "google",
        "deepseek",
        "x-ai",
        "mistral",
        "meta",
        "qwen",
        "zai",
        "moonshotai",
        "groq",
        "cerebras",
        "together",
        "fireworks",
        "aws",
        "vertex",
        "azure",
        "openrouter",
    } <= providers
    assert len(book.models) > 2000


def test_caches_and_policy_yaml_are_not_price_tables():
    assert {"policy.yaml", "caches.yaml"} <= prices.NOT_PRICE_TABLES
    hand, _ = prices.bundled_tables()
    assert not {p.name for p in hand} & prices.NOT_PRICE_TABLES


def test_an_edited_table_is_never_served_from_a_stale_compiled_book(tmp_path, monkeypatch):
    folder = tmp_path / "pricing"
    shutil.copytree(prices.bundled("pricing"), folder, ignore=shutil.ignore_patterns(".compiled"))
    monkeypatch.setattr(prices, "bundled", lambda name: tmp_path / name)
    monkeypatch.setattr(pricing_compiled, "bundled", lambda name: tmp_path / name)
    first = pricing_compiled.bundled_book()
    assert len(list((folder / ".compiled").glob("book-*.pickle"))) == 1
    again = pricing_compiled.bundled_book()  # from the compiled copy
    assert (
        again.resolve("claude-opus-4-8").period_at(DAY).rates == first.resolve("claude-opus-4-8").period_at(DAY).rates
    )
    table = folder / "generated" / "anthropic.yaml"
    table.write_text(table.read_text().replace("input: 5, output: 25", "input: 7, output: 25"))
    edited = pricing_compiled.bundled_book()
    assert edited.resolve("claude-opus-4-8").period_at(DAY).rates.input == 7
    assert len(list((folder / ".compiled").glob("book-*.pickle"))) == 1  # the stale one is gone


def test_models_lists_by_provider_searches_and_says_how_many_and_how_fresh(monkeypatch):
    monkeypatch.setenv("COSTSIM_TODAY", "2026-12-16")
    result = CliRunner().invoke(
        app, ["models", "--search", "opus 4-8", "--provider", "anthropic", "--format", "markdown"]
    )
    assert result.exit_code == 0, result.output
    assert "| anthropic | claude-opus-4-8 |" in result.stdout
    assert "newest price check 2026-12-06 (10 days ago)" in result.stdout  # 2026-12-16 − 2026-12-06
    missing = CliRunner().invoke(app, ["models", "--search", "no-such-model-anywhere"])
    assert missing.exit_code == 2 and "--search 'no-such-model-anywhere'" in missing.stderr


def test_a_refresh_keeps_keys_a_person_added_to_a_generated_model(tmp_path, monkeypatch):
    import importlib.util

    pytest.importorskip("genai_prices")
    if importlib.util.find_spec("litellm") is None:  # found, never imported: importing it reaches for the network
        pytest.skip("litellm is not installed")
    from tools import build_catalog

    out = tmp_path / "generated"
    out.mkdir()
    source = prices.bundled("pricing") / "generated" / "cerebras.yaml"
    text = source.read_text().replace(
        "  - id: llama-3.3-70b\n", "  - id: llama-3.3-70b\n    per_call: {web_search: 0.01}\n"
    )
    (out / "cerebras.yaml").write_text(text)
    monkeypatch.setattr(build_catalog, "OUT", out)
    files, disagreements, counts, left_out = build_catalog.build(date(2026, 12, 6))
    kept = files["cerebras.yaml"].split("  - id: llama-3.3-70b\n", 1)[1].split("  - id:", 1)[0]
    assert "    per_call: {web_search: 0.01}\n" in kept
    assert files["openai.yaml"] == (prices.bundled("pricing") / "generated" / "openai.yaml").read_text()


def test_an_overlay_can_reprice_a_generated_model_and_claim_a_hosts_name(tmp_path):
    overlay = tmp_path / "mine.yaml"
    overlay.write_text(
        "provider: acme\nmodels:\n  - id: cerebras/llama-3.3-70b\n    prices:\n      - from: 2026-01-01\n"
        "        usd_per_mtok: {input: 1, output: 2}\n  - id: my-opus\n"
        "    aliases: [us.anthropic.claude-opus-4-8-v1:0]\n    prices:\n      - from: 2026-01-01\n"
        "        usd_per_mtok: {input: 3, output: 4}\n"
    )
    book = load_price_book([overlay])
    assert book.resolve("llama-3.3-70b").period_at(DAY).rates.input == 1
    assert book.resolve("us.anthropic.claude-opus-4-8-v1:0").id == "my-opus"


def test_a_stale_generated_table_names_the_tool_that_refreshes_it():
    from costsim.cli.pricing import stale_tables

    (line,) = stale_tables({"generated/openrouter.yaml": date(2026, 12, 6)}, date(2027, 1, 6), 30)  # 31 days
    assert "generated/openrouter.yaml was checked 2026-12-06 (31 days ago" in line
    assert "tools/build_catalog.py" in line


def test_generated_tables_validate_on_their_own():
    folder = prices.bundled("pricing") / "generated"
    result = CliRunner().invoke(app, ["pricing", "validate", str(folder / "openai.yaml"), str(folder / "aws.yaml")])
    assert result.exit_code == 0, result.output
    assert "aws.yaml: 191 model(s)" in result.stdout


def test_openrouters_real_charge_for_a_permaslug_is_costsims_figure(tmp_path):
    """Two real OpenRouter responses (tests/fixtures/real/openrouter-chat.jsonl) naming the permaslug
    anthropic/claude-4.5-sonnet-20250929: OpenRouter billed $0.00183 (550 in, 12 out) and $0.000924
    (43 in, 53 out) — Sonnet 4.5's $3/$15: 550×3 + 12×15 = 1,830 and 43×3 + 53×15 = 924 millionths."""
    import json

    real = Path(__file__).resolve().parent / "fixtures" / "real" / "openrouter-chat.jsonl"
    lines = [line for line in real.read_text().splitlines() if "claude-4.5-sonnet" in line]
    path = tmp_path / "sonnet.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(app, ["estimate", str(path), "-f", "json", "--classifier", "keywords"])
    block = json.loads(result.stdout)["as_billed"]
    assert Decimal(block["billed_usd"]) == Decimal("0.00183") + Decimal("0.000924")
    assert (
        Decimal(block["costsim_usd"])
        == (Decimal(550) * 3 + Decimal(12) * 15 + Decimal(43) * 3 + Decimal(53) * 15) / 10**6
    )
