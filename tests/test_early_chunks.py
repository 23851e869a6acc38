"""A lone Claude Code tree's chunks are made as its files come (`tree_chunks.EarlyChunks`), so they are folded
while the engine reads on: the report is the one the tree gives when its rows wait for its last file, every
figure, and a tree where a later file changes an earlier chunk is read again with its rows waiting."""

from datetime import date

import pytest
from test_engine import USAGE, _assistant, _user, _write, claude_code_fixtures

from costsim import api
from costsim.ingest import claude_code, engine, tree_chunks
from costsim.ingest.common import IngestStats
from costsim.pricing.book import load_price_book
from costsim.routing.policy import load_policy

pytestmark = pytest.mark.skipif(not engine.AVAILABLE, reason="duckdb is not installed")


def _report(folder, **options):
    shown: list[int] = []  # what the progress display is told, record counts as they are read
    report, sample = api.estimate([str(folder)], load_price_book(), load_policy(), as_of=date(2026, 5, 14),
                                  today=date(2026, 11, 27), classifier="keywords", progress=shown.append, **options)
    report = report.to_dict()
    assert sum(shown) == report["accounting"]["records_read"]  # a tree read twice is not counted twice
    return report, sorted(zip(sample["source"], sample["tier"]))


def _late(monkeypatch) -> list[str]:
    """From here on every tree's rows wait for its last file (the first attempt is told it chunked too
    early); the list fills with each attempt that was."""
    attempts: list[str] = []

    def too_early(self, result):
        attempts.append(result["name"])
        raise tree_chunks.ChunkedTooEarly("rows wait")

    monkeypatch.setattr(tree_chunks.EarlyChunks, "add", too_early)
    return attempts


def _reads(monkeypatch) -> list[bool]:
    """Each read of a tree, with whether its chunks were to be made early."""
    reads: list[bool] = []
    real = claude_code.read_sessions

    def read_sessions(paths, stats, scans, alone=False):
        reads.append(alone and stats.early_chunks)
        yield from real(paths, stats, scans, alone)

    monkeypatch.setattr(claude_code, "read_sessions", read_sessions)
    return reads


@pytest.mark.parametrize("folder", claude_code_fixtures(), ids=lambda p: p.name)
@pytest.mark.parametrize("options", [{}, {"by": "session", "sticky_minutes": (5,)}])
def test_every_fixture_reports_alike_with_its_chunks_made_early_or_late(folder, monkeypatch, options):
    monkeypatch.setattr(tree_chunks, "CHUNK_RECORDS", 3)  # many chunks, made while later files are read
    reads = _reads(monkeypatch)
    early = _report(folder, **options)
    assert reads == [True]  # read once, early: no fixture makes it wait
    _late(monkeypatch)
    assert _report(folder, **options) == early


def test_chunks_come_before_the_last_file_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(tree_chunks, "CHUNK_RECORDS", 2)
    paths = [_write(tmp_path / "projects" / "p" / f"{k}.jsonl", [_user(f"ask {k}"), _assistant(k, USAGE)])
             for k in range(6)]
    handed: list[int] = []

    def scans():
        for path in paths:
            handed.append(1)
            yield from engine.CarefulScans([path], stats)

    stats = IngestStats(early_chunks=True)
    chunks = claude_code.read_sessions(paths, stats, _Closing(scans()), alone=True)
    first = next(chunks)
    assert len(first) == 2 and len(handed) == 3  # files 0 and 1 chunked once file 2 put the rows past 2
    assert sum(len(chunk) for chunk in chunks) == 4


class _Closing:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return iter(self.items)

    def close(self):
        pass


def _tree(tmp_path, later: dict) -> str:
    """Eight sessions of two requests; `later` is the last file's first line (a copy of msg0, or a line of
    a session read before)."""
    folder = tmp_path / "projects" / "p"
    for k in range(8):
        _write(folder / f"s{k}.jsonl", [_user(f"ask {k}"), _assistant(2 * k, USAGE), _assistant(2 * k + 1, USAGE)])
    _write(tmp_path / "projects" / "q" / "z.jsonl", [later, _assistant(99, USAGE)])
    return str(tmp_path / "projects")


@pytest.mark.parametrize("later, reason", [
    (_assistant(0, {**USAGE, "output_tokens": USAGE["output_tokens"] + 1}), "a larger copy of msg0"),
    (_assistant(0, USAGE), "an equal copy: the earlier one stays, no second read"),
])
def test_a_later_copy_of_a_chunked_message(tmp_path, monkeypatch, later, reason):
    """A later file's copy of a message already in a chunk: a larger one makes the tree be read again (its
    rows waiting), an equal one is a duplicate as ever; either way the report is the one rows that wait give."""
    monkeypatch.setattr(tree_chunks, "CHUNK_RECORDS", 4)
    folder = _tree(tmp_path, later)
    reads = _reads(monkeypatch)
    first = _report(folder)
    assert reads == ([True, False] if "larger" in reason else [True])
    _late(monkeypatch)
    assert _report(folder) == first
    assert first[0]["accounting"]["duplicates"] == 1


def test_a_session_in_two_main_files_makes_the_tree_wait(tmp_path, monkeypatch):
    """Its conversation is not closed when the first file's chunk is priced: the tree is read again."""
    monkeypatch.setattr(tree_chunks, "CHUNK_RECORDS", 4)
    folder = _tree(tmp_path, _user("again"))
    (tmp_path / "projects" / "q" / "z.jsonl").rename(tmp_path / "projects" / "q" / "s1.jsonl")
    reads = _reads(monkeypatch)
    first = _report(folder)
    assert reads == [True, False]
    _late(monkeypatch)
    assert _report(folder) == first
