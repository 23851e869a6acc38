"""The cache replay on a real public Claude Code tree, against an independent replay script.

tests/fixtures/real/replay_check.py reads the same files with its own code (no costsim import), replays
each conversation in a plain loop and prices it from prices written out by hand; the totals must be equal
to the last digit.
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from costsim.ingest import IngestStats, read_logs
from costsim.routing.classify import classify_frame, make_classifier
from costsim.routing.policy import load_policy

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
TREE = REAL / "claude-code" / "spotter" / "projects"


def check(*args: str) -> Decimal:
    out = subprocess.run([sys.executable, str(REAL / "replay_check.py"), str(TREE), *args],
                         capture_output=True, text=True, check=True)
    return Decimal(out.stdout.strip())


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from typer.testing import CliRunner

    from costsim.cli.app import app

    def run(*args):
        result = CliRunner().invoke(app, ["estimate", str(TREE), "--format", "json", *args])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        return data, {s["key"]: Decimal(s["cost_usd"]) for s in data["strategies"]}

    return run


def test_single_model_strategies_equal_the_independent_replay(report):
    data, cost = report()
    assert data["accounting"]["priced"] == 221
    assert cost["all_frontier"] == check("all:claude-opus-4-7")    # explicit cache, 2,048-token minimum
    assert cost["all_mid"] == check("all:deepseek-v4-flash")        # automatic, 60 minutes, 64-token blocks
    _, sonnet = report("--tier3", "claude-sonnet-4-5")               # explicit, 1,024-token minimum
    assert sonnet["all_frontier"] == check("all:claude-sonnet-4-5")


def test_smart_routing_both_figures_equal_the_independent_replay(report, tmp_path):
    # The keyword rules: their tiers on this tree switch models mid-conversation (the learned classifier's may
    # not), and the replay's arithmetic is what is checked here, not the classifier.
    policy = load_policy(None)
    _, classify = make_classifier(policy, "keywords")
    rows = pd.concat([classify_frame(chunk, policy, classify) for chunk in read_logs([str(TREE)], IngestStats())])
    tiers = tmp_path / "tiers.json"
    tiers.write_text(json.dumps(dict(zip(rows["source"].astype(str), rows["tier"].astype(int)))))
    data, cost = report("--classifier", "keywords")
    assert cost["smart"] == check(f"tiers:{tiers}")
    assert cost["smart_carried"] == check(f"tiers:{tiers}", "--carried")
    smart = data["caching"]["strategies"]["smart"]
    assert smart["conversations"] == 3 and smart["switches"] >= 1 and smart["cold_starts"] >= smart["switches"]


def test_the_table_shows_both_smart_figures_switches_and_cold_starts(cli):
    result = cli("estimate", str(TREE))
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "Smart routing (cache-aware)" in text and "Smart (caches carried over)" in text
    assert "Prompt caches replayed in 3 conversation(s)" in text and "model switch(es)" in text \
        and "cold start(s)" in text
