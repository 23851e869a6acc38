"""Neutral JSONL read by DuckDB reports exactly as the line reader does: every odd line named file:line,
counted, or read record by record when valid after all; duplicates kept in line order."""

from __future__ import annotations

import json

import pytest

from costsim.ingest import arrow_jsonl

GOOD = {"timestamp": "2026-05-02T10:00:00Z", "model": "gpt-4o", "input_tokens": 1000, "output_tokens": 100,
        "cache_read_tokens": 50, "session": "s1", "prompt": "Rename the helper"}


def _line(**changes) -> str:
    record = {**GOOD, **changes}
    return json.dumps({k: v for k, v in record.items() if v is not ...})


ODD_LINES = [
    _line(tier=2),  # a field only the record-by-record path prices
    _line(input_tokens="7.0"),  # text that is not a whole number: a bad count
    _line(output_tokens=True),  # a boolean is not a count
    _line(input_tokens=7.0),  # a float that is whole: a count after all
    _line(input_tokens="42"),  # digits as text: a count
    _line(prompt={"text": "an object"}),  # not text
    _line(model=7),  # a number as a model name
    _line(model=""),  # no model
    _line(timestamp="2026-05-02 10:00:00"),  # no zone: UTC
    _line(timestamp=1778000000),  # epoch seconds
    _line(timestamp="yesterday"),  # a bad timestamp
    _line(input_tokens=-3),
    _line(input_tokens=10**13),  # too big to be real
    _line(input_tokens=..., prompt="count me offline"),  # no count: the prompt is counted
    _line(prompt="[bug] a prompt that starts like a list"),
    _line(session="true"),
    '{"model": "gpt-4o", "input_tokens": 5',  # bad JSON
    '{"model": "gpt-4o", "prompt": "a line cut off',  # a string left open: named without the line's \\n
    "[1, 2]",  # not an object
    "",
    "   ",
]


def _report(cli, path, *args) -> tuple[dict, str]:
    """The JSON report, and stderr with the exit code (2 when a record was malformed)."""
    result = cli("estimate", str(path), "--as-of", "2026-05-14", "--format", "json", *args)
    assert result.exit_code in (0, 2), result.output
    data = json.loads(result.stdout)
    data.pop("generated_at", None)
    return data, f"exit {result.exit_code}\n{result.stderr}"


def _both(cli, monkeypatch, path, *args):
    engine = _report(cli, path, *args)
    with monkeypatch.context() as patch:
        patch.setattr(arrow_jsonl, "engine_readable", lambda path: False)
        lines = _report(cli, path, *args)
    return engine, lines


def test_odd_lines_among_good_ones_report_as_the_line_reader_does(cli, tmp_path, monkeypatch):
    path = tmp_path / "usage.jsonl"
    lines = [_line(id=f"r{i}") for i in range(30)]
    for i, odd in enumerate(ODD_LINES):
        lines.insert(1 + 2 * i, odd)
    path.write_text("\n".join(lines) + "\n")
    (engine, engine_err), (careful, careful_err) = _both(cli, monkeypatch, path)
    assert engine == careful
    assert engine_err == careful_err
    assert f"{path}:4: bad token count" in engine_err  # the "7.0" line, named by its own line number
    assert f"{path}:36: malformed JSON: Unterminated string" in engine_err  # was "Invalid control character"
    # 30 good lines + 19 non-blank odd ones; blank lines are not records
    assert engine["accounting"]["records_read"] == 30 + 19


def test_the_first_copy_of_an_id_is_priced_whichever_reader_reads_it(cli, tmp_path, monkeypatch):
    path = tmp_path / "dupes.jsonl"
    path.write_text("\n".join([
        _line(id="a", tier=1, input_tokens=100),  # record by record (it has a tier), first
        _line(id="a", input_tokens=900),  # a good line, second: a duplicate
        _line(id="b", input_tokens=20),
    ]) + "\n")
    (engine, _), (careful, _) = _both(cli, monkeypatch, path)
    assert engine == careful
    assert engine["tokens"]["input"] == 100 + 20
    assert engine["accounting"]["duplicates"] == 1


@pytest.mark.parametrize("content", [
    (_line(id="a") + "\r\n" + _line(id="b", tier=2) + "\r\n").encode(),  # Windows line ends
    b"\xef\xbb\xbf" + (_line(id="a") + "\n").encode(),  # a byte-order mark
    (_line(id="a") + "\n\ufeff" + _line(id="b") + "\n").encode(),  # a mark starting a line mid-file (fuzzer: it
    # was "Unexpected UTF-8 BOM" to the engine's odd-line path, which parses text, and read by the line reader)
    (_line(id="a") + "\n\n\n" + _line(id="b") + "\n" + _line(id="c")).encode(),  # blank lines, no last newline
])
def test_line_ends_marks_and_blank_lines_read_as_the_line_reader_reads_them(cli, tmp_path, monkeypatch, content):
    path = tmp_path / "other.jsonl"
    path.write_bytes(content)
    (engine, engine_err), (careful, careful_err) = _both(cli, monkeypatch, path)
    assert engine == careful and engine_err == careful_err
    assert engine["accounting"]["records_read"] == content.count(b'"model"')


def test_a_nul_among_a_lines_first_bytes_is_named_as_the_engine_names_it(cli, tmp_path, monkeypatch):
    """json.loads guesses UTF-16 from bytes like `{\\x00"id"`; a line is UTF-8 to every reader (the property
    hunt found the line reader naming this "'utf-16-le' codec can't decode", the engine "Expecting property
    name")."""
    path = tmp_path / "nul.jsonl"
    path.write_bytes(b"{\x00" + _line(id="a")[1:].encode() + b"\n" + _line(id="b").encode() + b"\n")
    (engine, engine_err), (careful, careful_err) = _both(cli, monkeypatch, path)
    assert engine == careful and engine_err == careful_err
    assert f"{path}:1: malformed JSON: Expecting property name enclosed in double quotes" in engine_err


def test_a_block_that_is_not_utf8_is_read_record_by_record(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(arrow_jsonl, "BLOCK_BYTES", 64 << 10)  # the bad line in a block of its own
    path = tmp_path / "latin1.jsonl"
    good = [_line(id=f"r{i}").encode() for i in range(6000)]
    good[4500] = _line(id="r4500", prompt="caf\u00e9").encode().replace(b"caf\\u00e9", b"caf\xe9")  # Latin-1
    path.write_bytes(b"\n".join(good) + b"\n")
    (engine, engine_err), (careful, careful_err) = _both(cli, monkeypatch, path)
    assert engine == careful and engine_err == careful_err
    assert f"{path}:4501: malformed JSON" in engine_err
    assert engine["accounting"]["records_read"] == 6000
    assert engine["tokens"]["input"] == 5999 * 1000


@pytest.mark.parametrize("threads", [1, 3])
def test_blocks_judged_in_pieces_keep_every_line_number(cli, tmp_path, monkeypatch, threads):
    from costsim.ingest import duck

    monkeypatch.setattr(arrow_jsonl, "BLOCK_BYTES", 4096)  # ~20 lines a block: odd lines in many blocks
    monkeypatch.setattr(duck, "threads", lambda: threads)  # each block judged in this many pieces at once
    path = tmp_path / "many-blocks.jsonl"
    lines = [_line(id=f"r{i % 700}", input_tokens=1000 + i) for i in range(1500)]  # 800 duplicate ids
    for i, odd in enumerate(ODD_LINES * 3):
        lines.insert(25 + 23 * i, odd)
    path.write_text("\n".join(lines) + "\n")
    (engine, engine_err), (careful, careful_err) = _both(cli, monkeypatch, path, "--by", "model")
    assert engine == careful and engine_err == careful_err
    assert engine["accounting"]["records_read"] == 1500 + 19 * 3
    assert engine["accounting"]["duplicates"] == 800
    # every copy's input_tokens (1000 + i) differs from its id's earlier copies', in whichever block it falls
    # (the fast paths once compared no usage: the count depended on where odd lines put the record path)
    assert engine["conflicting_duplicates"] == 800


def test_ids_hashed_in_the_query_match_every_other_readers_hashes(cli, tmp_path):
    """The engine hashes a good line's id in its query; a copy of that id in a CSV, read and hashed in
    Python, is the same id: a duplicate, counted and not priced."""
    jsonl, csv = tmp_path / "a.jsonl", tmp_path / "b.csv"
    jsonl.write_text("".join(_line(id=f"r{i}") + "\n" for i in range(5)))
    csv.write_text("timestamp,model,input_tokens,output_tokens,id\n"
                   + "".join(f"2026-05-02T10:00:00Z,gpt-4o,1000,100,r{i}\n" for i in (3, 4, 5)))
    report, _ = _report(cli, jsonl, str(csv))
    assert report["accounting"]["duplicates"] == 2  # r3 and r4
    assert report["accounting"]["priced"] == 5 + 1
