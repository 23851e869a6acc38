"""Claude Code folders read by worker processes: the same report as reading in this process, with the
prompts classified by the workers (this process only remembers their decisions)."""

import os
from datetime import date
from pathlib import Path

import pytest

from costsim import api, classify_pool
from costsim.classify import make_classifier
from costsim.ingest import claude_code
from costsim.policy import load_policy
from costsim.prices import load_price_book

LOGS = Path(__file__).resolve().parents[1] / "samples" / "logs" / "claude-code"


def _estimate():
    report, sample = api.estimate([str(LOGS)], load_price_book(), load_policy(), as_of=date(2026, 5, 14),
                                  today=date(2026, 11, 27), classifier="learned")
    return report, sorted(zip(sample["source"], sample["tier"], sample["reason"]))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers inherit the classifier by fork")
def test_workers_scan_and_classify_as_this_process_would(monkeypatch):
    in_process = _estimate()
    asked: list[str] = []
    _, learned = make_classifier(load_policy(), "learned")

    def counting(prompts):
        asked.extend(prompts)
        return learned(prompts)

    remembering = classify_pool.Remembering
    monkeypatch.setattr(classify_pool, "Remembering", lambda classify: remembering(counting))
    monkeypatch.setattr(claude_code, "_small", lambda paths: False)  # the three sample files go to the pool
    monkeypatch.setenv("COSTSIM_WORKERS", "2")
    by_workers = _estimate()
    assert by_workers[0].strategies == in_process[0].strategies
    assert by_workers[0].accounting == in_process[0].accounting
    assert by_workers[1] == in_process[1]
    assert asked == []  # every prompt was decided in a worker; this process only looked them up


def test_a_bad_file_read_by_a_worker_is_named_like_one_read_here(monkeypatch, tmp_path):
    import gzip

    from typer.testing import CliRunner

    from costsim.cli import app

    folder = tmp_path / "projects" / "p"
    folder.mkdir(parents=True)
    (folder / "a.jsonl").write_bytes((LOGS / "projects" / "-home-dev-shop" / "sess-a.jsonl").read_bytes())
    whole = gzip.compress((LOGS / "projects" / "-home-dev-shop" / "sess-b.jsonl").read_bytes())
    (folder / "b.jsonl.gz").write_bytes(whole[:60])  # cut short
    monkeypatch.setattr(claude_code, "_small", lambda paths: False)
    monkeypatch.setenv("COSTSIM_WORKERS", "2")
    result = CliRunner().invoke(app, ["estimate", str(tmp_path / "projects"), "--log-format", "claude-code"])
    assert result.exit_code == 2
    assert "b.jsonl.gz: truncated or corrupt gzip file" in result.stderr
    assert "internal error" not in result.stderr
