"""Items made in a background thread (`Ahead`): in order, an error raised in the caller's thread after the
items made before it, and closing early stops the thread. The neutral JSONL reader queries in such a
thread: a failure there is still the one-line error naming the file, with exit 2."""

from __future__ import annotations

import gzip
import json
import threading

import pytest

from costsim.errors import InputError
from costsim.ingest import arrow_jsonl
from costsim.ingest.ahead import Ahead
from costsim.ingest.common import IngestStats
from costsim.ingest.neutral import read_jsonl

GOOD = {"timestamp": "2026-05-02T10:00:00Z", "model": "gpt-4o", "input_tokens": 1000, "output_tokens": 100}


def test_items_come_in_order_and_the_thread_ends_with_them():
    made = Ahead(iter(range(10)), depth=2)
    assert list(made) == list(range(10))
    assert not made.running


def test_an_item_the_caller_let_go_is_not_held_while_the_next_is_waited_for():
    """The engine takes items from several readers in turn: a reader must not keep the item it last gave
    (a part's rows, ~30 MiB) alive until it is asked again."""
    import gc
    import weakref

    class Rows:
        pass

    made = Ahead((Rows() for _ in range(3)), depth=1)
    items = iter(made)
    first = next(items)
    gone = weakref.ref(first)
    del first
    gc.collect()
    assert gone() is None
    made.close()


def test_an_error_in_the_thread_is_raised_in_the_callers_thread_after_the_items_before_it():
    def items():
        yield 1
        yield 2
        raise InputError("bad bytes", path="f.jsonl", line=3)

    seen, raised_in = [], []
    with pytest.raises(InputError, match="bad bytes") as caught:
        for item in Ahead(items()):
            seen.append(item)
            raised_in.append(threading.current_thread())
    assert seen == [1, 2]
    assert caught.value.path == "f.jsonl" and caught.value.line == 3
    assert raised_in == [threading.main_thread()] * 2


def test_closing_early_stops_the_thread_and_closes_the_iterator_in_it():
    closed_in = []
    started = threading.Event()

    def items():
        try:
            for i in range(1_000_000):
                started.set()
                yield i
        finally:
            closed_in.append(threading.current_thread().name)

    made = Ahead(items(), depth=1, name="test-ahead")
    for item in made:
        assert item == 0
        break  # leaving the loop closes it
    assert started.is_set()
    assert not made.running
    assert closed_in == ["test-ahead"]


def test_closing_before_any_item_is_used_stops_a_thread_waiting_to_hand_one_over():
    made = Ahead(iter(range(100)), depth=1)
    made.close()
    assert not made.running


def _neutral_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("costsim-neutral")]


def test_the_neutral_reader_stops_its_thread_when_closed_after_the_first_chunk(tmp_path, monkeypatch):
    monkeypatch.setattr(arrow_jsonl, "BLOCK_BYTES", 4096)  # many blocks
    path = tmp_path / "usage.jsonl"
    path.write_text("".join(json.dumps({**GOOD, "id": f"r{i}"}) + "\n" for i in range(2000)))
    chunks = read_jsonl(str(path), IngestStats())
    first = next(chunks)
    assert len(first) > 0 and _neutral_threads()
    chunks.close()
    assert not _neutral_threads()


def test_a_failure_in_the_reading_thread_is_one_line_naming_the_file_with_exit_2(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(arrow_jsonl, "BLOCK_BYTES", 4096)
    lines = "".join(json.dumps({**GOOD, "id": f"r{i}"}) + "\n" for i in range(2000)).encode()
    path = tmp_path / "usage.jsonl.gz"
    path.write_bytes(gzip.compress(lines)[:-4000])  # cut short: the stream fails part-way, in the thread
    result = cli("estimate", str(path), "--as-of", "2026-05-14", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {path}: truncated or corrupt gzip file (Compressed file ended before the end-of-stream "
        "marker was reached)"
    ]
    assert "Traceback" not in result.output
    assert not _neutral_threads()


def test_a_strict_error_in_the_callers_thread_stops_the_reading_thread(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(arrow_jsonl, "BLOCK_BYTES", 4096)
    lines = [json.dumps({**GOOD, "id": f"r{i}"}) for i in range(2000)]
    lines[30] = '{"model": "gpt-4o", "input_tokens": 5'  # line 31, in the first block; many blocks follow
    path = tmp_path / "usage.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = cli("estimate", str(path), "--strict", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"error: {path}:31: malformed JSON: Expecting ',' delimiter"]
    assert not _neutral_threads()
