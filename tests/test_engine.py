"""The DuckDB engine reads Claude Code folders exactly as the careful line reader does: file by file the
same rows, accounting and named problems, on every Claude Code fixture and on files full of odd lines."""

import gzip
import json
import os
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from costsim import api
from costsim.errors import InputError
from costsim.ingest import engine
from costsim.ingest.claude_code import scan_file
from costsim.ingest.common import IngestStats, expand
from costsim.pricing.book import load_price_book
from costsim.routing.policy import load_policy

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not engine.AVAILABLE, reason="duckdb is not installed")


def claude_code_fixtures() -> list[Path]:
    """Every Claude Code folder the tests and samples hold (a `projects` folder, or one under it)."""
    found = {ROOT / "samples" / "logs" / "claude-code"}
    for base in (ROOT / "tests" / "fixtures",):
        if base.is_dir():
            found.update(p.parent for p in base.rglob("projects") if p.is_dir())
            found.update(p for p in base.iterdir() if p.is_dir() and "claude" in p.name.lower())
    return sorted(found)


def decoded(table: dict) -> dict:
    """A file's table with model and prompt codes replaced by their text (code order is the reader's own)."""
    out = {key: value for key, value in table.items() if key not in ("models", "prompts")}
    out["model"] = [table["models"][k] for k in table["model"].tolist()]
    out["prompt"] = [table["prompts"][k] if k >= 0 else None for k in table["prompt"].tolist()]
    return out


def vouched(paths: list[str]) -> set[str]:
    """The files the engine reads itself (the rest go to the careful reader)."""
    files = engine.query_part(paths)["files"]
    return {f for f, odd in zip(files["file"], files["odd"]) if not odd}


def assert_same_files(paths: list[str]) -> None:
    ours = list(engine.Scans(paths, IngestStats()))
    assert len(ours) == len(paths)
    for path, got in zip(paths, ours):
        want = scan_file(path, path, False)
        for key in ("name", "project", "session", "records_read", "duplicates", "malformed", "skipped", "problems"):
            assert got[key] == want[key], (path, key)
        a, b = decoded(got["table"]), decoded(want["table"])
        assert a.keys() == b.keys()
        for key in b:
            left, right = a[key], b[key]
            if isinstance(right, list):
                assert left == right, (path, key)
            else:
                assert np.array_equal(left, right, equal_nan=right.dtype.kind == "M"), (path, key)


@pytest.mark.parametrize("folder", claude_code_fixtures(), ids=lambda p: str(p.relative_to(ROOT)))
def test_engine_reads_every_claude_code_fixture_as_the_careful_reader(folder):
    assert_same_files([path for path, _ in expand([str(folder)])])


@pytest.mark.parametrize("folder", claude_code_fixtures(), ids=lambda p: str(p.relative_to(ROOT)))
def test_engine_and_careful_reader_give_the_same_report(folder, monkeypatch):
    def run():
        report, sample = api.estimate([str(folder)], load_price_book(), load_policy(), as_of=date(2026, 5, 14),
                                      today=date(2026, 11, 27), classifier="keywords", log_format="claude-code")
        return report.to_dict(), sorted(zip(sample["source"], sample["tier"]))

    monkeypatch.setenv("COSTSIM_ENGINE", "careful")
    careful = run()
    monkeypatch.setenv("COSTSIM_ENGINE", "duckdb")
    assert run() == careful


def _assistant(n: int, usage: dict | str, model: str = "claude-sonnet-4-5", stamp="2026-05-01T10:00:00.000Z",
               request: str | None = None, message_id: str | None = None) -> dict:
    return {"parentUuid": None, "sessionId": "s", "type": "assistant", "timestamp": stamp,
            "requestId": request or f"req{n}",
            "message": {"id": message_id or f"msg{n}", "type": "message", "role": "assistant", "model": model,
                        "content": [{"type": "text", "text": "ok"}], "usage": usage}}


USAGE = {"input_tokens": 3, "cache_creation_input_tokens": 70, "cache_read_input_tokens": 11,
         "cache_creation": {"ephemeral_5m_input_tokens": 30, "ephemeral_1h_input_tokens": 40}, "output_tokens": 7}


def _user(text, meta: bool | None = None) -> dict:
    line = {"parentUuid": None, "sessionId": "s", "type": "user", "message": {"role": "user", "content": text},
            "timestamp": "2026-05-01T09:59:00Z"}
    if meta is not None:
        line["isMeta"] = meta
    return line


def _write(path: Path, lines: list) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return str(path)


def test_plain_files_merge_messages_and_attach_prompts_like_the_careful_reader(tmp_path):
    """Streaming copies of one message (the largest output wins), prompts as text and as text parts,
    isMeta lines, tool results, synthetic lines, a message repeated in a second file, an empty file."""
    projects = tmp_path / "projects" / "p"
    first = _write(projects / "a.jsonl", [
        _user("first prompt"), _assistant(1, {**USAGE, "output_tokens": 1}), _assistant(1, USAGE),
        _user([{"tool_use_id": "t1", "type": "tool_result", "content": "file text"}]),
        _assistant(2, {"input_tokens": 5, "cache_creation_input_tokens": 90, "cache_read_input_tokens": 13,
                       "output_tokens": 9}),
        _user("a meta line", meta=True), _user([{"type": "text", "text": "second"}, {"type": "image"}]),
        _assistant(3, USAGE, model="<synthetic>"), _assistant(4, USAGE, stamp="2026-05-01T11:00:00+02:00"),
        _user("   "), _assistant(5, USAGE),
        _assistant(6, {**USAGE, "server_tool_use": {"web_search_requests": 2, "web_fetch_requests": 1},
                       "iterations": []}),
        _assistant(7, {**USAGE, "input_tokens": 1}), _assistant(7, {**USAGE, "input_tokens": 2}),  # a tie: the earlier
    ])
    second = _write(projects / "b" / "subagents" / "agent-1.jsonl", [_assistant(2, USAGE), _user("third")])
    empty = _write(projects / "c.jsonl", [])
    Path(empty).write_text("")
    assert vouched([first, second, empty]) == {first, second}  # the engine reads these itself
    assert_same_files([first, second, empty])


@pytest.mark.parametrize("odd", [
    "not json at all", "", "   ", '{"type":"assistant"', "[1, 2]", '{"no_type": 1}',
    _assistant(9, {**USAGE, "input_tokens": 10**20}), _assistant(9, {**USAGE, "output_tokens": 2.5}),
    _assistant(9, {**USAGE, "output_tokens": -1}), _assistant(9, {**USAGE, "input_tokens": "many"}),
    _assistant(9, {k: v for k, v in USAGE.items() if k != "output_tokens"}), _assistant(9, None),
    _assistant(9, USAGE, model=""), _assistant(9, USAGE, stamp="yesterday"), _assistant(9, USAGE, stamp=1.7e9),
    {"type": "assistant", "message": "a string"},
    {"type": "progress", "data": {"type": "agent_progress", "message": {"type": "assistant",
                                                                         "message": _assistant(8, USAGE)["message"]}}},
    _user("x", meta="yes"), _user(5),
    _assistant(9, {**USAGE, "iterations": [{"input_tokens": 1, "output_tokens": 2}]}),
    _assistant(9, {**USAGE, "iterations": []}), _assistant(9, {**USAGE, "server_tool_use": {"web_search_requests": 2}}),
    _assistant(9, {**USAGE, "server_tool_use": {"web_search_requests": 1.5}}),
    _assistant(1, {**USAGE, "output_tokens": 7}, request="req1"),
    # a count that is not a JSON number: DuckDB would read true as 1 and "1e3" as 1000
    _assistant(9, {**USAGE, "input_tokens": True}), _assistant(9, {**USAGE, "output_tokens": "1e3"}),
    _assistant(9, {**USAGE, "cache_read_input_tokens": "12"}), _assistant(9, {**USAGE, "input_tokens": [5]}),
    _assistant(9, {**USAGE, "cache_creation": {"ephemeral_5m_input_tokens": "lots"}}),
    _assistant(9, {**USAGE, "server_tool_use": {"web_fetch_requests": False}}),
    # a model or id that is no JSON string: the careful reader takes [] or {} as none and true as "True",
    # where DuckDB's text of it is "[]" or "true" (found by mutating the sample tree)
    _assistant(9, USAGE, model=[]), _assistant(9, USAGE, model={}), _assistant(9, USAGE, model=True),
    _assistant(9, USAGE, model=0), _assistant(9, USAGE, message_id=[]), _assistant(9, USAGE, request=True),
    {**_assistant(9, USAGE), "requestId": 5},
], ids=lambda odd: (odd if isinstance(odd, str) else json.dumps(odd))[:40])
def test_a_file_with_an_odd_line_is_read_by_the_careful_reader(tmp_path, odd):
    """Whatever the engine cannot vouch for, the careful reader reads, so problems keep their file:line."""
    folder = tmp_path / "projects" / "p"
    good = _write(folder / "a.jsonl", [_user("hello"), _assistant(1, USAGE)])
    mixed = _write(folder / "b.jsonl", [_user("hello"), odd, _assistant(2, USAGE)])
    assert good in vouched([good, mixed])
    assert_same_files([good, mixed])


# An assistant line in Claude Code's own compact layout, where the careful reader's fast path reads it
_COMPACT = ('{"parentUuid":"p","isSidechain":false,"userType":"external","cwd":"/x","sessionId":"s","version":"2.0.0",'
            '"message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5",'
            '"content":[{"type":"text","text":"..."}],"stop_reason":null,"usage":USAGE},"requestId":"req_1",'
            '"type":"assistant","uuid":"u1","timestamp":"2026-05-01T10:00:20.000Z"}')


@pytest.mark.parametrize("usage, counts", [
    ('{"input_tokens":4,"cache_creation_input_tokens":200,"cache_read_input_tokens":3000,"output_tokens":120}',
     (4, 3000, 200, 0, 120)),
    ('{"input_tokens":4,"cache_creation_input_tokens": 200,"cache_read_input_tokens":3000,"output_tokens":120}',
     (4, 3000, 200, 0, 120)),  # a space after a colon: the fast path once took this write as 0
    ('{"input_tokens":4,"cache_creation_input_tokens":200,"cache_read_input_tokens":3000 ,"output_tokens":120}',
     (4, 3000, 200, 0, 120)),  # a space before a comma: the read as 0
    ('{"input_tokens":4,"cache_creation_input_tokens":200,"cache_read_input_tokens":3e3,"output_tokens":120}',
     (4, 3000, 200, 0, 120)),  # 3e3 is 3,000 to json.loads and to the engine
    ('{"input_tokens":4,"cache_creation_input_tokens":200,"cache_read_input_tokens":3000,'
     '"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens": 200},"output_tokens":120}',
     (4, 3000, 0, 200, 120)),  # a spaced 1-hour write: once billed as 5-minute
    ('{"input_tokens":4,"cache_creation_input_tokens":200,"cache_read_input_tokens":3000,"output_tokens":120,'
     '"iterations":[{"input_tokens":9,"output_tokens":9}]}',
     (9, 0, 0, 0, 9)),  # the iterations are the bill (anthropic.usage_row); once the top's and a nested count mixed
    ('{"input_tokens":4,"cache_creation_input_tokens":200,"cache_read_input_tokens":3000,"output_tokens":120,'
     '"server_tool_use":{"input_tokens":7}}',
     (4, 3000, 200, 0, 120)),  # a nested key of the same name is not the top's
], ids=["compact", "space-after-colon", "space-before-comma", "exponent", "spaced-1h-write", "iterations", "nested"])
def test_the_careful_readers_fast_path_reads_usage_as_json_loads_does(tmp_path, usage, counts):
    """The careful reader reads a compact assistant line without parsing its content, but its usage as JSON:
    whitespace, exponents and nested keys mean what json.loads makes of them, and the engine agrees
    (found by a byte-level fuzzer: a space after a colon made the careful reader, the reference, price 0)."""
    path = tmp_path / "projects" / "p" / "s.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text(_COMPACT.replace("USAGE", usage) + "\n")
    table = scan_file(str(path), str(path), False)["table"]
    keys = ("input_tokens", "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "output_tokens")
    assert tuple(int(table[key][0]) for key in keys) == counts
    assert_same_files([str(path)])


def test_a_count_with_a_leading_zero_is_malformed_json_to_both_readers(tmp_path):
    """03000 is no JSON number: the careful reader's regexes once read it as 3,000 where json.loads stops."""
    path = tmp_path / "projects" / "p" / "s.jsonl"
    path.parent.mkdir(parents=True)
    usage = '{"input_tokens":4,"cache_creation_input_tokens":200,"cache_read_input_tokens":03000,"output_tokens":120}'
    path.write_text(_COMPACT.replace("USAGE", usage) + "\n")
    result = scan_file(str(path), str(path), False)
    assert result["malformed"] == 1 and "malformed JSON" in result["problems"][0]
    assert_same_files([str(path)])


def test_gzip_and_problems_are_named_with_their_line(tmp_path):
    folder = tmp_path / "projects" / "p"
    plain = _write(folder / "a.jsonl", [_user("hello"), _assistant(1, USAGE), "{broken", _assistant(2, USAGE)])
    packed = folder / "b.jsonl.gz"
    packed.write_bytes(gzip.compress(Path(plain).read_bytes()))
    results = list(engine.Scans([plain, str(packed)], IngestStats()))
    assert results[0]["problems"] == [f"{plain}:3: malformed JSON: not a whole JSON object"]
    assert results[1]["problems"] == [f"{packed}:3: malformed JSON: not a whole JSON object"]
    assert_same_files([plain, str(packed)])


def test_a_very_long_line_is_read_as_the_careful_reader_reads_it(tmp_path):
    """A pasted image, say: 16 MiB, DuckDB's own limit on a line of a CSV or JSON scan."""
    folder = tmp_path / "projects" / "p"
    long_prompt = "word " * ((16 << 20) // 5 + 10)
    paths = [_write(folder / "a.jsonl", [_user("hello"), _assistant(1, USAGE)]),
             _write(folder / "b.jsonl", [_user(long_prompt), _assistant(2, USAGE), _assistant(3, USAGE)])]
    assert_same_files(paths)


@pytest.mark.parametrize("ending", [b"\r\n", b"\r", b"\n\n", b""], ids=["crlf", "cr-only", "blank-lines", "none"])
def test_line_endings_are_read_as_the_careful_reader_reads_them(tmp_path, ending):
    """Lines end where Python's reader ends them, at \\n only: a file whose lines end in \\r alone is one
    line to both readers (the engine's old CSV scan took \\r as a line end too), a blank line is odd, and a
    last line with no newline is still a line."""
    folder = tmp_path / "projects" / "p"
    good = _write(folder / "a.jsonl", [_user("hello"), _assistant(1, USAGE)])
    lines = [json.dumps(line).encode() for line in (_user("hi"), _assistant(2, USAGE), _assistant(3, USAGE))]
    (folder / "b.jsonl").write_bytes(ending.join(lines) + ending)
    assert_same_files([good, str(folder / "b.jsonl")])
    if ending == b"\r":
        assert engine.query_part([str(folder / "b.jsonl")])["files"]["lines"].tolist() == [1]


@pytest.mark.parametrize("big_file_bytes", [engine.BIG_FILE_BYTES, 100], ids=["read-whole", "read-in-blocks"])
def test_a_file_that_is_not_utf8_sends_its_part_to_the_careful_reader(tmp_path, monkeypatch, big_file_bytes):
    monkeypatch.setattr(engine, "BIG_FILE_BYTES", big_file_bytes)
    folder = tmp_path / "projects" / "p"
    good = _write(folder / "a.jsonl", [_user("hello"), _assistant(1, USAGE)])
    bad = folder / "b.jsonl"
    bad.write_bytes(Path(good).read_bytes() + b'{"type": "user", "message": {"content": "caf\xe9"}}\n')
    assert engine.part_lines([good, str(bad)]) is None
    assert_same_files([good, str(bad)])


def test_big_files_read_a_block_at_a_time_give_what_the_careful_reader_gives(tmp_path, monkeypatch):
    """Files past BIG_FILE_BYTES (here 1 KB) are read in blocks of whole lines (here 4 KB), between small
    files read whole: line numbers run on across blocks, and odd lines in a big file still send it to the
    careful reader."""
    monkeypatch.setattr(engine, "BIG_FILE_BYTES", 1024)
    monkeypatch.setattr(engine, "BLOCK_BYTES", 4096)
    folder = tmp_path / "projects" / "p"
    many = [line for i in range(40) for line in (_user(f"prompt {i}"), _assistant(i, USAGE), _assistant(i, USAGE))]
    paths = [_write(folder / "a.jsonl", [_user("hello"), _assistant(100, USAGE)]),
             _write(folder / "b.jsonl", many),
             _write(folder / "c.jsonl", [_user("hi"), _assistant(101, USAGE)]),
             _write(folder / "d.jsonl", many[:70] + ["", "{broken"] + many[70:])]
    long_line = json.dumps(_user("word " * 3000))  # longer than a block: the buffer grows
    (folder / "e.jsonl").write_text("\n".join([json.dumps(_assistant(7, USAGE)), long_line,
                                               *map(json.dumps, many[:50])]))  # no newline at the end
    paths.append(str(folder / "e.jsonl"))
    blocks = [piece for piece in engine.pieces(paths) if piece[0] == "block"]
    assert [piece[1] for piece in blocks].count(paths[1]) >= 2 and os.path.getsize(paths[1]) > 2 * 4096
    assert {piece[1] for piece in blocks} == {paths[1], paths[3], paths[4]}  # b, d and e, in blocks
    lines = engine.part_lines(paths)
    assert lines.num_rows == 2 + 120 + 2 + 122 + 52
    assert vouched(paths) == set(paths[:3] + paths[4:])
    assert_same_files(paths)


def test_a_big_files_blocks_cover_it_in_whole_lines(tmp_path, monkeypatch):
    """Blocks end just after a newline at or past BLOCK_BYTES from their start, a line longer than a block
    widening its block, and together they are the file, each byte once."""
    monkeypatch.setattr(engine, "BLOCK_BYTES", 10)
    path = tmp_path / "s.jsonl"
    path.write_bytes(b"aaaa\nbbbbbbbbbbbbbbbbbbbbbbbb\ncc\n\nddddddddd\neeeeeeeeee")  # a long line; no last newline
    blocks = engine._blocks(str(path), path.stat().st_size)
    data = path.read_bytes()
    assert [data[a:b] for a, b in blocks] == [b"aaaa\nbbbbbbbbbbbbbbbbbbbbbbbb\n", b"cc\n\nddddddddd\n", b"eeeeeeeeee"]
    path.write_bytes(b"123456789\n" * 3)  # a newline exactly at the block's last byte
    assert engine._blocks(str(path), 30) == [(0, 10), (10, 20), (20, 30)]
    assert engine._blocks(str(tmp_path / "gone.jsonl"), 30) == [(0, 30)]  # its read fails: the careful reader names it


def test_a_big_files_blocks_are_read_by_every_reader_thread(tmp_path, monkeypatch):
    """One big session file is many queries, shared by the reader threads as parts are, and its lines are
    numbered on across blocks whichever thread read them (the careful reader's results, line for line)."""
    monkeypatch.setattr(engine, "BIG_FILE_BYTES", 1024)
    monkeypatch.setattr(engine, "BLOCK_BYTES", 2048)
    monkeypatch.setenv("COSTSIM_WORKERS", "2")
    many = [line for i in range(60) for line in (_user(f"prompt {i}"), _assistant(i, USAGE), _assistant(i, USAGE))]
    path = _write(tmp_path / "projects" / "p" / "s.jsonl", many[:100] + ["{broken"] + many[100:])
    clean = _write(tmp_path / "projects" / "q" / "s.jsonl", many)
    scans = engine.Scans([clean], IngestStats())
    assert scans.reads.threads == 2 and len(scans.pieces[0]) >= 10  # one part, ten queries or more
    scans.close()
    assert_same_files([clean])
    assert_same_files([path])  # the broken line: the careful reader names it


def test_a_file_whose_name_is_a_glob_pattern_is_read_carefully(tmp_path):
    folder = tmp_path / "projects" / "p"
    star = _write(folder / "s*.jsonl", [_user("hello"), _assistant(1, USAGE)])
    other = _write(folder / "sa.jsonl", [_user("hi"), _assistant(2, USAGE)])  # the pattern would match it too
    assert_same_files([star, other])


def test_parts_keep_file_order_and_cover_every_file(tmp_path, monkeypatch):
    paths = [_write(tmp_path / "projects" / "p" / f"{i}.jsonl", [_user(f"p{i}"), _assistant(i % 3, USAGE)])
             for i in range(5)]
    parts = engine.parts_of(paths, part_bytes=1)
    assert [p for part in parts for p in part] == paths
    assert len(parts) == 5
    monkeypatch.setattr(engine, "PART_BYTES", 1)  # one query per file, each run ahead of the last's use
    assert_same_files(paths)


def test_parts_are_about_equal(tmp_path):
    """10 files of 100 bytes in parts of 250 bytes are 4 parts (ceil(1000 / 250)), in file order, each file
    in the part its middle byte falls in (50, 150, ..., 950 of 1000 bytes: 2, 3, 2 and 3 files), not 3 parts
    and a remainder."""
    paths = []
    for i in range(10):
        (path := tmp_path / f"{i}.jsonl").write_bytes(b"x" * 100)
        paths.append(str(path))
    parts = engine.parts_of(paths, part_bytes=250)
    assert [p for part in parts for p in part] == paths
    assert [len(part) for part in parts] == [2, 3, 2, 3]
    assert engine.parts_of([]) == []


def test_engine_choice(monkeypatch):
    from costsim.errors import ConfigError

    monkeypatch.setenv("COSTSIM_ENGINE", "careful")
    assert engine.wanted() is False
    monkeypatch.setenv("COSTSIM_ENGINE", "duckdb")
    assert engine.wanted() is True
    monkeypatch.setenv("COSTSIM_ENGINE", "spark")
    with pytest.raises(ConfigError, match="COSTSIM_ENGINE must be duckdb or careful"):
        engine.wanted()


@pytest.mark.parametrize("big_file_bytes", [engine.BIG_FILE_BYTES, 100], ids=["read-whole", "read-in-blocks"])
def test_a_file_gone_since_it_was_listed_is_named_not_an_internal_error(tmp_path, monkeypatch, big_file_bytes):
    """A session file deleted while the run reads (Claude Code prunes old sessions): the engine leaves its part
    to the careful reader, which names the file, as a user's error (exit 2), not a bug to report."""
    monkeypatch.setattr(engine, "BIG_FILE_BYTES", big_file_bytes)
    paths = [_write(tmp_path / "projects" / "p" / f"{i}.jsonl", [_user("hi"), _assistant(i, USAGE)]) for i in range(2)]
    read_piece = engine._read_piece

    def deleting(reader, piece):
        Path(paths[1]).unlink(missing_ok=True)
        return read_piece(reader, piece)

    monkeypatch.setattr(engine, "_read_piece", deleting)
    with pytest.raises(InputError, match="cannot read") as raised:
        list(engine.Scans(paths, IngestStats()))
    assert raised.value.path == paths[1]
    monkeypatch.setattr(engine, "_read_piece", read_piece)
    with pytest.raises(InputError, match="cannot read"):  # gone before the reading starts
        list(engine.Scans(paths, IngestStats()))


def test_an_error_in_the_reading_thread_reaches_the_caller(tmp_path, monkeypatch):
    """The parts are read in a thread of their own: what goes wrong there is raised where the files
    are used, and nothing waits for a part that will never come."""
    paths = [_write(tmp_path / "projects" / "p" / f"{i}.jsonl", [_user("hi"), _assistant(i, USAGE)]) for i in range(3)]

    def broken(reader, piece):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(engine, "_read_piece", broken)
    with pytest.raises(RuntimeError, match="disk gone"):
        list(engine.Scans(paths, IngestStats()))


def _many_parts(tmp_path, monkeypatch, files: int = 7) -> list[str]:
    """`files` session files, each a part of its own, read by three reader threads."""
    monkeypatch.setattr(engine, "PART_BYTES", 1)
    monkeypatch.setenv("COSTSIM_WORKERS", "3")
    return [_write(tmp_path / "projects" / "p" / f"{i}.jsonl",
                   [_user(f"ask {i}"), *[_assistant(10 * i + j, USAGE) for j in range(i + 1)]]) for i in range(files)]


def test_parts_read_on_several_threads_come_back_in_file_order(tmp_path, monkeypatch):
    """Each part's query runs on one core, so the parts are read by several threads at once; the files'
    results still come in file order, each as the careful reader gives it."""
    paths = _many_parts(tmp_path, monkeypatch)
    scans = engine.Scans(paths, IngestStats())
    assert scans.reads.threads == 3 and len(scans.parts) == 7
    scans.close()
    assert_same_files(paths)


def test_an_error_in_any_reading_thread_reaches_the_caller_and_closing_stops_them_all(tmp_path, monkeypatch):
    paths = _many_parts(tmp_path, monkeypatch)
    read_piece = engine._read_piece

    def broken_fifth(reader, piece):
        if piece[1][0].endswith("4.jsonl"):
            raise RuntimeError("disk gone")
        return read_piece(reader, piece)

    monkeypatch.setattr(engine, "_read_piece", broken_fifth)
    scans = engine.Scans(paths, IngestStats())
    with pytest.raises(RuntimeError, match="disk gone"):
        list(scans)
    scans.close()
    assert not scans.reads.running
    early = engine.Scans(paths, IngestStats())
    next(iter(early))
    early.close()  # with parts still waiting to be handed over
    assert not early.reads.running


def test_prompts_are_handed_on_as_they_are_read(tmp_path):
    """An estimate classifies the prompts while the engine reads on: every file's prompts reach
    `prompts_read` before the rows, each file's in line order."""
    from costsim.ingest.claude_code import read_sessions
    from costsim.ingest.engine import session_scans

    paths = [_write(tmp_path / "projects" / "p" / "a.jsonl", [_user("one"), _assistant(1, USAGE), _user("two"),
                                                              _assistant(2, USAGE)]),
             _write(tmp_path / "projects" / "p" / "b.jsonl", [_user("three"), _assistant(3, USAGE)])]
    handed: list[str] = []
    stats = IngestStats()
    stats.prompts_read = handed.extend
    chunks = read_sessions(paths, stats, session_scans(paths, stats))
    first = next(chunks)
    assert handed == ["one", "two", "three"]
    assert sorted(first["prompt"]) == ["one", "three", "two"]


@pytest.mark.parametrize("options", [{}, {"by": "session", "sticky_minutes": (5,)}])
def test_rows_that_wait_on_disk_give_the_same_report(monkeypatch, options):
    """Past SPILL_BYTES a tree's held rows wait in a temporary file, all but their merge keys, in batches
    read back a batch at a time: the report is the same, every figure, as when they wait in memory, and as when
    the chunks are made as the files come (the real tree, in chunks of 5 rows so a batch's files come back into
    many chunks; every file a batch of its own, and batches of several files)."""
    from costsim.ingest import spill, tree_chunks

    folder = str(ROOT / "tests" / "fixtures" / "real" / "claude-code")
    monkeypatch.setattr(tree_chunks, "CHUNK_RECORDS", 5)

    def run():
        report, sample = api.estimate([folder], load_price_book(), load_policy(), as_of=date(2026, 5, 14),
                                      today=date(2026, 11, 27), **options)
        return report.to_dict(), sorted(zip(sample["source"], sample["tier"]))

    in_memory = run()  # chunks made as the files come: no row waits
    too_early = tree_chunks.ChunkedTooEarly("every run read again, its rows waiting for the last file")
    monkeypatch.setattr(tree_chunks.EarlyChunks, "add", lambda self, result: (_ for _ in ()).throw(too_early))
    opened = {".gz": gzip.open, ".jsonl": open}
    holding = [path for path in Path(folder).rglob("*.jsonl*") if b'"usage"' in opened[path.suffix](path, "rb").read()]
    batches, streams = [], []
    write, close = spill.Spill._write, spill.Spill.close
    monkeypatch.setattr(spill.Spill, "_write", lambda self, held: batches.append(len(held)) or write(self, held))
    monkeypatch.setattr(spill.Spill, "close", lambda self: streams.append(self.stream) or close(self))
    for spill_bytes in (0, 12_000):
        batches.clear()
        monkeypatch.setattr(spill, "SPILL_BYTES", spill_bytes)
        assert run() == in_memory
        assert sum(batches) <= len(holding) > 3  # each file with rows written once at most
        assert batches == [1] * len(holding) if spill_bytes == 0 else max(batches) > 1
    assert streams and all(stream is None or stream.closed for stream in streams)
