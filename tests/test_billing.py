"""One test per billing rule, each expected value worked out by hand from the provider's published rule.

Rates (USD per million tokens) are quoted from pricing/*.yaml beside each test; costs are
Σ tokens × rate / 10**6, written out as arithmetic.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pandas as pd
import pytest
from typer.testing import CliRunner

from costsim.cli.app import app
from costsim.cli.pricing import stale_tables
from costsim.frame import normalize
from costsim.pricing.billing import BillingOptions
from costsim.pricing.book import load_price_book
from costsim.report import Accounting
from costsim.routing.policy import load_policy
from costsim.simulate.pricer import AS_LOGGED, Pricer

M = 10**6
runner = CliRunner()


@pytest.fixture(scope="module")
def book():
    return load_price_book()


def priced(book, rows, **billing):
    """Price rows as logged (each row one request); returns (total USD, report)."""
    frame = normalize(pd.DataFrame([{"tier": 1, **r} for r in rows]))
    pricer = Pricer(book, load_policy(None), (AS_LOGGED,), billing=BillingOptions(**billing),
                    default_day=date(2026, 11, 27))
    pricer.add(frame)
    report = pricer.report(kind="estimate", accounting=Accounting(records_read=len(rows), priced=len(rows)))
    return report.strategy("as_logged").cost_usd, report


def row(model, when, **tokens):
    return {"model": model, "timestamp": pd.Timestamp(when, tz="UTC"), **tokens}


# 1. prompt caching -------------------------------------------------------------------------------

def test_cache_reads_bill_at_the_cache_read_price(book):
    # claude-opus-4-7: input $5, cache read $0.50, output $25
    cost, _ = priced(book, [row("claude-opus-4-7", "2026-06-01 12:00", input_tokens=1000, cache_read_tokens=10000,
                                output_tokens=500)])
    assert cost == Decimal(1000 * 5 + 10000 * Decimal("0.5") + 500 * 25) / M


def test_one_hour_cache_writes_cost_2x_input_and_five_minute_writes_1_25x(book):
    # Anthropic: 5-minute write = 1.25 × $5 = $6.25; 1-hour write = 2 × $5 = $10
    cost, _ = priced(book, [row("claude-opus-4-7", "2026-06-01 12:00", cache_write_5m_tokens=2000,
                                cache_write_1h_tokens=3000)])
    assert cost == (2000 * Decimal("1.25") * 5 + 3000 * 2 * 5) / Decimal(M)
    wrong_all_at_5m = (5000 * Decimal("6.25")) / M
    assert cost != wrong_all_at_5m


def test_openai_cached_input_is_billed_once_at_its_discounted_rate(book):
    # OpenAI prompt_tokens 10,000 of which cached 8,000 → neutral input_tokens 2,000 (uncached) + cache_read 8,000.
    # gpt-5: input $1.25, cached input $0.125, output $10
    cost, _ = priced(book, [row("gpt-5", "2026-06-01 12:00", input_tokens=2000, cache_read_tokens=8000,
                                output_tokens=1000)])
    assert cost == (2000 * Decimal("1.25") + 8000 * Decimal("0.125") + 1000 * 10) / M
    counted_twice = (10000 * Decimal("1.25") + 8000 * Decimal("0.125") + 1000 * 10) / M
    assert cost < counted_twice


# 2. long-context cliff ----------------------------------------------------------------------------

def test_long_context_threshold_counts_the_whole_prompt_and_reprices_every_token(book):
    # claude-sonnet-4-5: above 200,000 prompt tokens (uncached + cache reads + cache writes) every token takes
    # input $6, cache read $0.60, 5m write $7.50, output $22.50 (instead of $3 / $0.30 / $3.75 / $15).
    # Uncached input alone (1,000) is far below the threshold: only the whole prompt (201,000) crosses it.
    cost, report = priced(book, [row("claude-sonnet-4-5", "2025-10-15 12:00", input_tokens=1000,
                                     cache_read_tokens=150000, cache_write_5m_tokens=50000, output_tokens=2000)])
    assert cost == (1000 * 6 + 150000 * Decimal("0.6") + 50000 * Decimal("7.5") + 2000 * Decimal("22.5")) / M
    assert report.line_items[0].long_context


def test_long_context_at_exactly_the_threshold_stays_at_base_rates(book):
    # 1,000 + 149,000 + 50,000 = 200,000: not *above* 200,000
    cost, _ = priced(book, [row("claude-sonnet-4-5", "2025-10-15 12:00", input_tokens=1000,
                                cache_read_tokens=149000, cache_write_5m_tokens=50000, output_tokens=2000)])
    assert cost == (1000 * 3 + 149000 * Decimal("0.3") + 50000 * Decimal("3.75") + 2000 * 15) / M


# 3. reasoning -------------------------------------------------------------------------------------

def test_reasoning_tokens_are_inside_output_and_not_billed_again(book):
    # gpt-5 output $10; 3,000 output tokens of which 2,000 reasoning → 3,000 × $10
    cost, _ = priced(book, [row("gpt-5", "2026-06-01 12:00", input_tokens=0, output_tokens=3000,
                                reasoning_tokens=2000)])
    assert cost == Decimal(3000 * 10) / M


# 4. batch -----------------------------------------------------------------------------------------

def test_batch_rows_take_the_50pct_batch_discount_on_every_token_kind(book):
    # claude-opus-4-7 Message Batches: half of input $5, cache read $0.50, output $25
    cost, _ = priced(book, [row("claude-opus-4-7", "2026-06-01 12:00", input_tokens=1000, cache_read_tokens=1000,
                                output_tokens=1000, batch=True)])
    assert cost == (1000 * 5 + 1000 * Decimal("0.5") + 1000 * 25) / Decimal(2) / M


def test_batch_keeps_cached_input_at_full_price_where_the_batch_table_lists_none(book):
    # gpt-4.1 batch: input $2 → $1, output $8 → $4, cached input stays $0.50
    cost, _ = priced(book, [row("gpt-4.1", "2026-06-01 12:00", input_tokens=1000, cache_read_tokens=1000,
                                output_tokens=1000, batch=True)])
    assert cost == (1000 * 1 + 1000 * Decimal("0.5") + 1000 * 4) / M


def test_batch_option_prices_unbatched_rows_as_batched_and_names_models_without_batch(book):
    rows = [row("claude-opus-4-7", "2026-06-01 12:00", input_tokens=1000, output_tokens=1000),
            row("deepseek-chat", "2026-06-01 12:00", input_tokens=1000, output_tokens=1000)]
    cost, report = priced(book, rows, batch=True)
    # opus halved; deepseek-chat (no batch API) at list $0.28 / $0.42
    assert cost == (1000 * 5 + 1000 * 25) / Decimal(2) / M + (1000 * Decimal("0.28") + 1000 * Decimal("0.42")) / M
    assert any("Batch gap: deepseek-chat has no batch discount" in n and "(1 under as logged)" in n
               for n in report.notes)


# 5. service tiers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tier, input_rate, output_rate",
    [
        ("flex", Decimal("0.625"), Decimal(5)),  # gpt-5 Flex: half of $1.25 / $10
        ("priority", Decimal("2.5"), Decimal(20)),  # gpt-5 Priority: 2 × $1.25 / $10
        ("default", Decimal("1.25"), Decimal(10)),  # default = list price
        (None, Decimal("1.25"), Decimal(10)),
    ],
)
def test_logged_service_tier_picks_that_tiers_rates(book, tier, input_rate, output_rate):
    cost, _ = priced(book, [row("gpt-5", "2026-11-01 12:00", input_tokens=1000, output_tokens=1000, service_tier=tier)])
    assert cost == (1000 * input_rate + 1000 * output_rate) / M


def test_service_tier_without_rates_is_list_price_and_reported(book):
    # gpt-5-nano has no Priority rates: list $0.05 / $0.40, and the report names the gap
    cost, report = priced(
        book, [row("gpt-5-nano", "2026-11-01 12:00", input_tokens=1000, output_tokens=1000, service_tier="priority")]
    )
    assert cost == (1000 * Decimal("0.05") + 1000 * Decimal("0.4")) / M
    assert report.billing.billing_gaps.service_tier == {"gpt-5-nano/priority": 1}


# 6. time of day -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "when, input_rate, output_rate",
    [
        ("2026-11-25 02:00", Decimal("0.3"), Decimal("1.2")),  # Wednesday, inside peak 01:00-04:00 UTC: standard
        ("2026-11-25 01:00", Decimal("0.3"), Decimal("1.2")),  # peak starts at 01:00
        ("2026-11-25 00:59", Decimal("0.15"), Decimal("0.6")),  # off-peak window 10:00-01:00 ends at 01:00
        ("2026-11-25 05:00", Decimal("0.15"), Decimal("0.6")),  # 04:00-06:00 between the peaks
        ("2026-11-25 10:00", Decimal("0.15"), Decimal("0.6")),  # peak 06:00-10:00 has ended
        ("2026-11-28 02:00", Decimal("0.15"), Decimal("0.6")),  # Saturday: off-peak all day
        ("2026-08-22 02:00", Decimal("0.44"), Decimal("1.32")),  # Saturday before weekends became off-peak (08-23)
        ("2026-08-22 12:00", Decimal("0.22"), Decimal("0.66")),  # same day, off-peak hours, V4 rate
    ],
)
def test_deepseek_request_is_priced_at_the_rate_in_force_at_its_timestamp(book, when, input_rate, output_rate):
    cost, _ = priced(book, [row("deepseek-v4-flash", when, input_tokens=1000, output_tokens=1000)])
    assert cost == (1000 * input_rate + 1000 * output_rate) / M


def test_deepseek_v3_off_peak_window_wraps_midnight(book):
    # deepseek-chat 2025-02-26..09-04: 16:30-00:30 UTC at $0.135 / $0.55, else $0.27 / $1.10
    cost, _ = priced(
        book,
        [
            row("deepseek-chat", "2025-03-01 00:15", input_tokens=1000, output_tokens=1000),
            row("deepseek-chat", "2025-03-01 12:00", input_tokens=1000, output_tokens=1000),
        ],
    )
    assert (
        cost == (1000 * Decimal("0.135") + 1000 * Decimal("0.55") + 1000 * Decimal("0.27") + 1000 * Decimal("1.1")) / M
    )


def sprint_tier2(args):
    result = runner.invoke(app, ["compare", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    smart = next(s for s in json.loads(result.stdout)["strategies"] if s["key"] == "smart")
    return Decimal(smart["tiers"][1]["cost_usd"]), json.loads(result.stdout)


def test_scenarios_use_the_list_price_unless_off_peak():
    # the sprint's tier 2: 50 requests × (2,000 input + 1,000 output) on deepseek-v4-flash
    list_price, report = sprint_tier2(["--as-of", "2026-11-27"])
    assert list_price == 50 * (2000 * Decimal("0.3") + 1000 * Decimal("1.2")) / M
    off_peak, _ = sprint_tier2(["--as-of", "2026-11-27", "--off-peak"])
    assert off_peak == 50 * (2000 * Decimal("0.15") + 1000 * Decimal("0.6")) / M
    at_document_date, _ = sprint_tier2(["--as-of", "2026-05-14"])
    assert at_document_date == 50 * (2000 * Decimal("0.14") + 1000 * Decimal("0.28")) / M


# 7. effective dates -------------------------------------------------------------------------------


def test_each_request_at_its_own_dates_prices_and_the_report_states_the_range(book):
    # o3: $10 / $40 from 2025-04-16, $2 / $8 from 2025-06-10
    cost, report = priced(
        book,
        [
            row("o3", "2025-05-01 12:00", input_tokens=1000, output_tokens=1000),
            row("o3", "2025-07-01 12:00", input_tokens=1000, output_tokens=1000),
        ],
    )
    assert cost == (1000 * 10 + 1000 * 40 + 1000 * 2 + 1000 * 8) / Decimal(M)
    assert report.to_dict()["price_periods"] == {
        "from": "2025-04-16",
        "to": "2025-06-10",
        "requests_priced_from": "2025-05-01",
        "requests_priced_to": "2025-07-01",
    }
    assert any(n.startswith("Price periods used began between 2025-04-16 and 2025-06-10") for n in report.notes)


# overrides, discounts, currency, freshness --------------------------------------------------------


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def frontier_cost(args):
    result = runner.invoke(app, ["compare", "--as-of", "2026-11-27", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return Decimal(next(s for s in json.loads(result.stdout)["strategies"] if s["key"] == "all_frontier")["cost_usd"])


def test_overlay_overrides_a_price_and_discounts_apply_per_provider_and_per_model(tmp_path):
    # the sprint all-frontier: 200 × (2,000 input + 1,000 output) on claude-opus-4-7 ($5 / $25)
    assert frontier_cost([]) == 200 * (2000 * 5 + 1000 * 25) / Decimal(M)
    cheaper = write(
        tmp_path,
        "mine.yaml",
        "provider: anthropic\nmodels:\n  - id: claude-opus-4-7\n    prices:\n"
        "      - from: 2026-01-01\n        usd_per_mtok: {input: 4, output: 20}\n",
    )
    assert frontier_cost(["--pricing", cheaper]) == 200 * (2000 * 4 + 1000 * 20) / Decimal(M)
    provider_off = write(tmp_path, "deal.yaml", "discounts:\n  providers: {anthropic: 20}\n")
    assert frontier_cost(["--pricing", provider_off]) == 200 * (2000 * 5 + 1000 * 25) * Decimal("0.8") / M
    model_off = write(
        tmp_path, "deal2.yaml", "discounts:\n  providers: {anthropic: 20}\n  models: {claude-opus-4-7: 30}\n"
    )
    assert frontier_cost(["--pricing", model_off]) == 200 * (2000 * 5 + 1000 * 25) * Decimal("0.7") / M


def test_overlay_adds_a_model(tmp_path):
    new = write(
        tmp_path,
        "new.yaml",
        "provider: acme\nmodels:\n  - id: acme-1\n    prices:\n"
        "      - from: 2026-01-01\n        usd_per_mtok: {input: 1, output: 2}\n",
    )
    assert frontier_cost(["--pricing", new, "--tier3", "acme-1"]) == 200 * (2000 * 1 + 1000 * 2) / Decimal(M)


def test_currency_is_shown_at_the_given_rate_and_labelled_while_json_stays_usd():
    result = runner.invoke(
        app, ["compare", "--as-of", "2026-11-27", "--currency", "EUR", "--rate", "0.5", "--format", "markdown"]
    )
    assert result.exit_code == 0, result.output
    assert "| All frontier | claude-opus-4-7 | EUR 3.50 |" in result.stdout  # $7.00 × 0.5
    assert "Costs shown in EUR at a fixed rate of 0.5 EUR per USD" in result.stdout
    data = json.loads(
        runner.invoke(
            app, ["compare", "--as-of", "2026-11-27", "--currency", "EUR", "--rate", "0.5", "--format", "json"]
        ).stdout
    )
    assert data["strategies"][0]["cost_usd"] == "7"
    assert data["display_currency"]["strategies"]["all_frontier"] == "3.5"


def test_currency_needs_a_rate():
    result = runner.invoke(app, ["compare", "--currency", "EUR"])
    assert result.exit_code == 2
    assert "--currency and --rate go together" in result.stderr


def test_stale_bundled_tables_are_warned_about():
    checked = {"openai.yaml": date(2026, 11, 27), "old.yaml": date(2026, 1, 1), "none.yaml": None,
               "typo.yaml": date(2062, 12, 1)}
    warnings = stale_tables(checked, date(2026, 12, 27), 30)  # 2026-11-27 is 30 days back: not older than 30
    assert [w.split()[2] for w in warnings] == ["none.yaml", "old.yaml", "typo.yaml"]
    assert "360 days ago" in warnings[1]  # 2026-01-01 → 2026-12-27
    assert "checked 2062-12-01, after today (2026-12-27)" in warnings[2]  # its age cannot be told: never quiet


def test_every_bundled_table_has_a_checked_date(book):
    hand = {name for name in book.checked if "/" not in name}
    assert hand == {"anthropic.yaml", "cerebras.yaml", "deepseek.yaml", "google.yaml", "openai.yaml"}
    assert {"generated/openai.yaml", "generated/openrouter.yaml", "generated/aws.yaml"} <= set(book.checked)
    assert all(isinstance(d, date) for d in book.checked.values())


def test_max_price_age_days_warns_on_stderr_only():
    quiet = runner.invoke(app, ["compare", "--as-of", "2026-11-27", "--max-price-age-days", "100000"])
    assert quiet.exit_code == 0 and "warning" not in quiet.stderr


def test_a_model_with_no_price_is_a_named_error_not_zero():
    result = runner.invoke(app, ["compare", "--tier3", "claude-opus-9"])
    assert result.exit_code == 2
    assert "unknown model 'claude-opus-9'" in result.stderr


def test_estimate_reads_service_tier_and_batch_from_a_log_and_converts_currency(tmp_path):
    log = tmp_path / "log.jsonl"
    log.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {
                    "timestamp": "2026-11-02T12:00:00Z",
                    "model": "gpt-5",
                    "input_tokens": 1000,
                    "output_tokens": 1000,
                    "service_tier": "flex",
                    "prompt": "rename x",
                },
                {
                    "timestamp": "2026-11-02T12:00:00Z",
                    "model": "gpt-5",
                    "input_tokens": 1000,
                    "output_tokens": 1000,
                    "batch": True,
                    "prompt": "rename y",
                },
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["estimate", str(log), "--format", "json", "--currency", "GBP", "--rate", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    logged = next(s for s in data["strategies"] if s["key"] == "as_logged")
    # flex $0.625 / $5; batch half of $1.25 / $10
    expected = (1000 * Decimal("0.625") + 1000 * 5 + (1000 * Decimal("1.25") + 1000 * 10) / 2) / M
    assert Decimal(logged["cost_usd"]) == expected
    assert Decimal(data["display_currency"]["strategies"]["as_logged"]) == expected * 2
