"""Shared fixtures: a CliRunner with colour off and a fixed width, and paths to the bundled samples."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"

# The source document's prices (2026-05-14), USD per million tokens: input, output.
NANO = (0.05, 0.40)        # GPT-5 Nano, tier 1
FLASH = (0.14, 0.28)       # DeepSeek V4 Flash, tier 2
OPUS = (5, 25)             # Claude Opus 4.7, tier 3
DOC_DAY = "2026-05-14"


@pytest.fixture
def runner(monkeypatch) -> CliRunner:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("COSTSIM_DEBUG", raising=False)
    return CliRunner()


@pytest.fixture
def cli(runner):
    """Run `costsim ARGS…` and return the result (stdout and stderr kept apart)."""
    from costsim.cli.app import app

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return run


def write_jsonl(path: Path, records: list[dict]) -> Path:
    import json

    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
