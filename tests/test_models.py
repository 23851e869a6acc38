"""`costsim models`: the price table with tiers and one request's cost."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from conftest import DOC_DAY


def rows(cli, *args):
    result = cli("models", "--as-of", DOC_DAY, "-f", "json", *args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["schema_version"], data["kind"]) == (1, "models")
    return data["models"]


def test_request_cost_and_tier(cli):
    data = {r["model"]: r for r in rows(cli)}
    opus = data["claude-opus-4-7"]
    assert Decimal(opus["request_cost_usd"]) == Decimal(2000 * 5 + 1000 * 25) / 10**6
    assert opus["tier"] == "3" and data["gpt-5-nano"]["tier"] == "1" and data["deepseek-v4-flash"]["tier"] == "2"


def test_sorted_by_cost_and_filtered(cli):
    data = rows(cli, "--provider", "anthropic", "--input-tokens", "10000", "--output-tokens", "0")
    assert {r["provider"] for r in data} == {"anthropic"}
    costs = [Decimal(r["request_cost_usd"]) for r in data]
    assert costs == sorted(costs)
    haiku = next(r for r in data if r["model"] == "claude-haiku-4-5")
    assert Decimal(haiku["request_cost_usd"]) == Decimal(10000 * 1) / 10**6


def test_table_and_bad_provider(cli):
    table = cli("models", "--as-of", DOC_DAY)
    assert table.exit_code == 0 and "claude-opus-4-7" in table.stdout and "$0.035" in table.stdout
    bad = cli("models", "--provider", "acme")
    assert bad.exit_code == 2 and "--provider 'acme': no models" in bad.stderr


@pytest.mark.parametrize("width", [60, 80, 140])
def test_a_table_too_wide_for_the_terminal_leaves_out_columns_and_names_them(width):
    """Rich would crop the right-most columns without a word (or squeeze a cell to 'anthrop…')."""
    import io

    from rich.console import Console

    from costsim.render.tables import table_of

    header = ["Provider", "Model", "Input", "Output", "Cache read", "Write 5m", "Write 1h", "Tier", "Request"]
    row = ["anthropic", "claude-3-5-haiku-latest", "0.81", "4.02", "0.083", "1.04", "1.65", "T2", "$0.0048"]
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(table_of(header, [row], title="Models", right={2, 3}))
    text = out.getvalue()
    assert max(len(line.rstrip()) for line in text.splitlines()) <= width
    assert "…" not in text
    shown = [name for name, cell in zip(header, row) if cell in text]
    assert shown == header[:len(shown)] and len(shown) >= 2  # whole cells, the first columns
    if width >= 140:
        assert shown == header and "Left out" not in text
    else:
        note = " ".join(text[text.index("Left out at this width: "):].split()).split(": ", 1)[1].split(" (")[0]
        assert note.split(", ") == header[len(shown):]


def test_a_fitted_table_of_one_column_or_no_rows_is_still_drawn():
    import io

    from rich.console import Console

    from costsim.render.tables import table_of

    for header, rows in ((["Only"], [["kept"]]), (["A", "B"], [])):
        out = io.StringIO()
        Console(file=out, width=40, color_system=None).print(table_of(header, rows))
        assert all(name in out.getvalue() for name in header) and "Left out" not in out.getvalue()
        assert all(cell in out.getvalue() for row in rows for cell in row)


def test_spare_columns_go_first_and_the_rest_keep_their_order():
    """The figure a reader came for (savings) outlives one that can be worked out from the others."""
    import io

    from rich.console import Console

    from costsim.render.tables import table_of

    header = ["Strategy", "Model(s)", "Total", "Per request", "Savings"]
    row = ["Smart routing (cache-aware)", "deepseek-v4-flash", "$0.3059", "$0.02549", "44.5%"]
    text = {}
    for width in (80, 60, 45):
        out = io.StringIO()
        Console(file=out, width=width, color_system=None).print(table_of(header, [row], spare=(3, 1)))
        text[width] = out.getvalue()
    assert "Left out" not in text[80] and "$0.02549" in text[80]
    assert "$0.02549" not in text[60] and "44.5%" in text[60] and "deepseek-v4-flash" in text[60]
    assert "Left out at this width: Per request (" in " ".join(text[60].split())
    assert "deepseek-v4-flash" not in text[45] and "44.5%" in text[45] and "$0.3059" in text[45]
    assert "Left out at this width: Model(s), Per request (" in " ".join(text[45].split())
    assert text[45].index("Total") < text[45].index("Savings")  # the kept columns stay in their order
