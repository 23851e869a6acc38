"""A run's one neutral log started while the run is set up (`ingest.early`, `cli.inputs.start_reading`):
the reader claims exactly what was started for its own file and kind, the report is the one a run that
started nothing gives, and what is never claimed is stopped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.json as pj
import pyarrow.parquet as pq
import pytest

from costsim.cli.inputs import start_reading
from costsim.ingest import early

LOGS = Path(__file__).resolve().parents[1] / "samples" / "logs"


@pytest.fixture(autouse=True)
def nothing_left_started():
    early.close_all()
    yield
    early.close_all()


def neutral_files(tmp_path: Path) -> tuple[Path, Path]:
    jsonl = tmp_path / "usage.jsonl"
    shutil.copy(LOGS / "neutral.jsonl", jsonl)
    parquet = tmp_path / "usage.parquet"
    pq.write_table(pj.read_json(jsonl), parquet)
    return jsonl, parquet


def report(cli, *args: str) -> str:
    result = cli("estimate", *args, "--as-of", "2026-05-14", "--format", "json")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_started_file_is_claimed_by_its_reader_and_reports_as_if_nothing_was_started(cli, tmp_path, monkeypatch):
    taken = []
    take = early._Started.take
    monkeypatch.setattr(early._Started, "take", lambda self, *args: taken.append(take(self, *args)) or taken[-1])
    for path in neutral_files(tmp_path):
        taken.clear()
        started = report(cli, str(path))  # the command line starts the file's reading ahead
        assert len(taken) == 1 and taken[0] is not None  # and its reader claimed it
        assert not early._STARTED
        with monkeypatch.context() as patch:
            patch.setattr("costsim.cli.inputs.start_reading", lambda logs, log_format: None)
            plain = report(cli, str(path))
        assert started == plain


def test_the_reader_takes_what_was_started_for_its_path_and_kind_only(tmp_path):
    jsonl, parquet = neutral_files(tmp_path)
    start_reading([str(jsonl)], None)
    assert early.claim(str(jsonl), str(jsonl), "neutral-parquet") is None  # another kind: stopped, not used
    assert early.claim(str(jsonl), str(jsonl), "neutral-jsonl") is None  # and gone
    start_reading([str(parquet)], None)
    assert early.claim(str(parquet), "<stdin>", "neutral-parquet") is None  # another name
    start_reading([str(parquet)], None)
    batches = early.claim(str(parquet), str(parquet), "neutral-parquet")
    assert batches is not None
    first = next(iter(batches))
    assert first[0].num_rows == pq.ParquetFile(parquet).metadata.num_rows
    batches.close()


def test_only_one_plain_neutral_file_is_started(tmp_path):
    jsonl, parquet = neutral_files(tmp_path)
    for logs, log_format in [([str(jsonl), str(parquet)], None), (["-"], None), ([str(tmp_path)], None),
                             ([str(tmp_path / "*.jsonl")], None), ([str(jsonl)], "openai-chat"),
                             ([str(tmp_path / "missing.jsonl")], None)]:
        start_reading(logs, log_format)
        assert not early._STARTED, logs
    other = tmp_path / "chat.jsonl"
    shutil.copy(LOGS / "openai-chat.jsonl", other)
    start_reading([str(other)], None)  # sniffed in the thread: not neutral, so nothing to claim
    assert early.claim(str(other), str(other), "neutral-jsonl") is None


def test_a_failure_while_starting_leaves_the_run_to_meet_it(cli, tmp_path):
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 not really parquet")
    start_reading([str(broken)], None)
    assert early.claim(str(broken), str(broken), "neutral-parquet") is None
    result = cli("estimate", str(broken), "--format", "json")
    assert result.exit_code == 2
    assert f"error: {broken}: cannot read as Parquet" in result.stderr


def test_what_is_never_claimed_is_stopped(tmp_path):
    jsonl, _ = neutral_files(tmp_path)
    start_reading([str(jsonl)], None)
    started = early._STARTED[str(jsonl)]
    early.close_all()
    assert not early._STARTED
    assert started.started is None
