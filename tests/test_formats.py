"""One table of formats per output kind (render/formats.py): every command offers exactly its table's
formats, and every format it offers is drawn as itself — JSON parses, CSV parses, markdown has a pipe
table, html is a page, github writes the summary and its annotations, a table is none of these."""

from __future__ import annotations

import csv
import io
import json

import pytest
import typer.main
from conftest import DOC_DAY, REPO, SAMPLES

from costsim.cli.app import app
from costsim.render import formats

NEUTRAL = str(SAMPLES / "neutral.jsonl")
PROBE = str(REPO / "datasets" / "classify" / "probes" / "preambles.jsonl")
CAPPED = ["--max-monthly-cost", "1", "--requests-per-day", "10"]  # $1.19 a month > $1: exit 1, an annotation

COMMANDS = {  # command → (output kind, arguments, exit code)
    "compare": ("report", ["compare", "--as-of", DOC_DAY], 0),
    "estimate": ("report", ["estimate", NEUTRAL, "--as-of", DOC_DAY], 0),
    "sweep": ("sweep", ["sweep", "--as-of", DOC_DAY], 0),
    "evaluate": ("quality", ["evaluate", PROBE, "--classifier", "keywords", "--as-of", DOC_DAY], 0),
    "check": ("check", ["check", "--as-of", DOC_DAY, *CAPPED], 1),
    "diff": ("diff", ["diff", "{base}", "{head}", "--fail-on-increase", "1%"], 1),  # gpt-5-mini costs more
    "models": ("models", ["models", "--as-of", DOC_DAY, "--provider", "deepseek"], 0),
}


def offered(command: str) -> list[str]:
    """The --format choices the CLI offers, read from the command itself (what --help lists)."""
    click_command = typer.main.get_command(app).commands[command]
    option = next(p for p in click_command.params if "--format" in p.opts)
    if hasattr(option, "type"):  # click's parameters
        return list(option.type.choices)
    return [e.value for e in option.type_descriptor.annotation]  # typer 0.29's own


def test_every_command_offers_exactly_its_tables_formats():
    for command, (kind, _, _) in COMMANDS.items():
        assert offered(command) == list(formats.OUTPUTS[kind]), command


def test_every_output_kind_has_a_command_here():
    assert {kind for kind, _, _ in COMMANDS.values()} == set(formats.OUTPUTS)


def is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def looks_like(fmt: str, text: str) -> bool:
    if fmt == "json":
        data = json.loads(text)
        return isinstance(data, dict) and isinstance(data.get("schema_version"), int) and "kind" in data
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        return len(rows) >= 2 and len({len(r) for r in rows}) == 1
    if fmt == "markdown":
        return "|---|" in text
    if fmt == "html":
        return text.startswith("<!doctype html>") and text.rstrip().endswith("</html>")
    if fmt == "github":
        return "## costsim" in text and "|---|" in text
    if fmt == "table":
        return bool(text.strip()) and not is_json(text) and "|---|" not in text and "<html" not in text
    raise AssertionError(f"no check for format {fmt!r}: add one")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_format_offered_is_rendered_as_itself(cli, monkeypatch, tmp_path, command):
    pytest.importorskip("matplotlib")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    base, head = tmp_path / "base.json", tmp_path / "head.json"
    if command == "diff":
        for path, tier2 in ((base, "deepseek-v4-flash"), (head, "gpt-5-mini")):
            assert cli("compare", "--as-of", DOC_DAY, "--tier2", tier2, "-f", "json", "-o", str(path)).exit_code == 0
    _, args, code = COMMANDS[command]
    args = [a.format(base=base, head=head) for a in args]
    outputs = {}
    for fmt in offered(command):
        result = cli(*args, "--format", fmt)
        assert result.exit_code == code, (fmt, result.output)
        assert looks_like(fmt, result.stdout), (command, fmt, result.stdout[:300])
        outputs[fmt] = result.stdout
    assert len(set(outputs.values())) == len(outputs)  # no format falls back on another's output
    if command in ("check", "diff"):
        assert "::error title=costsim::" in outputs["github"]


def test_a_format_not_offered_is_refused(cli):
    result = cli("sweep", "--format", "yaml")
    assert result.exit_code == 2 and "yaml" in result.output
