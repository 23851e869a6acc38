"""Bad input in real logs is a named, counted record problem, never a crash: byte-order marks, CSV
headers in another case or separator, timestamps out of range, wrong types; and log text never reaches
the terminal raw. Each case starts from a real line (tests/fixtures/real/, see SOURCE.md there)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from costsim.ingest import IngestStats, read_logs
from costsim.render.safe_text import one_line, printable

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
SESSION = REAL / "claude-code" / "projects" / "-home-marco-projects-spotter-worktrees-spotter-dov"
MAIN = SESSION / "4d5611e5-241a-462a-8d15-5122611a9569.jsonl"
BOM = b"\xef\xbb\xbf"


def _read(path: Path, log_format: str | None = None):
    stats = IngestStats()
    chunks = list(read_logs([str(path)], stats, log_format))
    rows = sum(len(c) for c in chunks)
    assert stats.records_read == rows + sum(stats.skipped.values()) + stats.duplicates
    return rows, stats


def _first_assistant_line() -> str:
    return next(line for line in MAIN.read_text().splitlines() if '"type":"assistant"' in line and '"usage"' in line)


@pytest.mark.parametrize("name", ["openai-chat.jsonl", "openai-responses.jsonl", "anthropic-messages.jsonl"])
def test_a_byte_order_mark_is_not_data(tmp_path, name):
    plain, _ = _read(REAL / name)
    marked = tmp_path / name
    marked.write_bytes(BOM + (REAL / name).read_bytes())
    rows, stats = _read(marked)
    assert rows == plain and stats.malformed == 0


def test_a_byte_order_mark_on_a_claude_code_session(tmp_path):
    path = tmp_path / "projects" / "p" / "s.jsonl"
    path.parent.mkdir(parents=True)
    path.write_bytes(BOM + (_first_assistant_line() + "\n").encode())
    rows, stats = _read(path.parent.parent)
    assert rows == 1 and stats.malformed == 0


OPENROUTER_CSV = (REAL.parent.parent.parent / "samples" / "logs" / "openrouter-activity.csv").read_text()


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_csv_headers_in_capitals_and_any_separator(tmp_path, separator):
    lines = OPENROUTER_CSV.splitlines()
    header = lines[0].upper().replace(",", separator)
    body = [line.replace(",", separator) for line in lines[1:]]
    path = tmp_path / "export.csv"
    path.write_bytes(BOM + ("\n".join([header, *body]) + "\n").encode())
    rows, stats = _read(path)
    assert rows == len(body) and stats.malformed == 0


def test_a_csv_in_no_known_format_shows_the_headers_it_found(cli, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("When;Engine;Prompt Toks\n2026-05-01;gpt-4o;10\n")
    result = cli("estimate", str(path))
    assert result.exit_code == 2
    assert "headers found: when, engine, prompt toks" in result.stderr


@pytest.mark.parametrize("created", [10**30, 2**63, -(10**20), 1e308, "9999999999999999999", [1], {"a": 1}])
def test_a_timestamp_out_of_range_or_of_the_wrong_type_is_that_records_problem(tmp_path, created):
    lines = (REAL / "openai-chat.jsonl").read_text().splitlines()
    bad = json.loads(lines[0])
    bad["created"] = created
    path = tmp_path / "chat.jsonl"
    path.write_text(json.dumps(bad) + "\n" + lines[1] + "\n")
    rows, stats = _read(path)
    assert rows == 1 and stats.skipped["bad timestamp"] == 1


@pytest.mark.parametrize("field, value", [("type", ["assistant"]), ("requestId", ["r"]), ("timestamp", ["x"]),
                                          ("timestamp", "+275760-09-13T00:00:00Z"), ("message", "text")])
def test_a_claude_code_field_of_the_wrong_type_is_skipped_and_named(tmp_path, field, value):
    line = json.loads(_first_assistant_line())
    line[field] = value
    path = tmp_path / "projects" / "p" / "s.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(line) + "\n" + _first_assistant_line() + "\n")
    rows, stats = _read(path.parent.parent)
    assert rows <= 2


def _sample_assistant_line() -> str:
    """An assistant line of the bundled sample tree: Claude Code's usual layout, which the fast paths read."""
    tree = REAL.parent.parent.parent / "samples" / "logs" / "claude-code"
    return next(line for path in sorted(tree.rglob("*.jsonl")) for line in path.read_text().splitlines()
                if '"role":"assistant"' in line and '"usage"' in line)


@pytest.mark.parametrize("layout", [_first_assistant_line, _sample_assistant_line], ids=["real", "usual"])
@pytest.mark.parametrize("engine", ["duckdb", "careful"])
@pytest.mark.parametrize("stamp", ["2026-13-01T00:00:00Z", "2026-02-30T10:00:00Z", "2300-01-01T00:00:00Z",
                                   "1600-01-01T00:00:00.5Z", "0000-01-01T00:00:00Z"])
def test_a_claude_code_date_that_is_none_or_out_of_range_is_named(tmp_path, monkeypatch, layout, engine, stamp):
    """In Claude Code's own layout, where the fast paths read the stamp as text: a month 13 stopped the run with
    an internal error, and numpy read the year 2300 as 1715 without a word (found by mutating the sample tree)."""
    monkeypatch.setenv("COSTSIM_ENGINE", engine)
    good = layout()
    bad = re.sub(r'"timestamp":"[^"]*"', f'"timestamp":"{stamp}"', good.replace('"id":"msg_', '"id":"msg_x', 1))
    assert bad != good and stamp in bad
    path = tmp_path / "projects" / "p" / "s.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text(good + "\n" + bad + "\n")
    rows, stats = _read(path.parent.parent)
    assert rows == 1 and stats.skipped["bad timestamp"] == 1
    assert stats.problems == [f"{path}:2: bad timestamp: timestamp '{stamp}'"]


@pytest.mark.parametrize("engine", ["duckdb", "careful"])
@pytest.mark.parametrize("model, problem", [
    (b"claude-\xc3", "malformed JSON: 'utf-8' codec can't decode byte 0xc3"),  # was an internal error
    (b"", "missing required field: message.model"),  # was priced as a model named ""
])
def test_a_claude_code_model_that_is_no_name_is_named_in_the_usual_layout(tmp_path, monkeypatch, engine, model,
                                                                          problem):
    """Found by inserting bytes into the sample tree: the line-by-line fast path read any bytes as a model."""
    monkeypatch.setenv("COSTSIM_ENGINE", engine)
    good = _sample_assistant_line().encode()
    bad = re.sub(rb'"model":"[^"]*"', b'"model":"' + model + b'"', good.replace(b'"id":"msg_', b'"id":"msg_x', 1))
    assert bad != good
    path = tmp_path / "projects" / "p" / "s.jsonl"
    path.parent.mkdir(parents=True)
    path.write_bytes(good + b"\n" + bad + b"\n")
    rows, stats = _read(path.parent.parent)
    assert rows == 1 and len(stats.problems) == 1
    assert stats.problems[0].startswith(f"{path}:2: {problem}")


def test_duplicate_ids_with_different_usage_are_counted_and_warned(tmp_path):
    lines = (REAL / "openai-responses.jsonl").read_text().splitlines()
    first = json.loads(lines[0])
    again = json.loads(lines[0])
    again["usage"]["output_tokens"] += 100
    path = tmp_path / "responses.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (first, first, again)) + "\n")
    rows, stats = _read(path)
    assert rows == 1 and stats.duplicates == 2 and stats.conflicting_duplicates == 1


HOSTILE = "fix it\x1b[2J\x1b]0;owned\x07 [bold red]now[/bold red] \u202eevil"


def test_printable_shows_control_characters_as_escapes():
    assert printable(HOSTILE) == "fix it\\x1b[2J\\x1b]0;owned\\x07 [bold red]now[/bold red] \\u202eevil"
    assert one_line("a\n\tb\x1bc") == "a b\\x1bc"


def test_explain_prints_log_text_as_text(cli, tmp_path):
    record = {"timestamp": "2026-05-01T00:00:00Z", "model": "gpt-4o", "input_tokens": 10, "output_tokens": 5,
              "prompt": HOSTILE, "id": "x\x1b[31m"}
    path = tmp_path / "log.jsonl"
    path.write_text(json.dumps(record) + "\n")
    result = cli("estimate", str(path), "--explain", "1", "--classifier", "keywords")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\\x1b[2J" in result.stdout
    assert "[bold red]now[/bold red]" in result.stdout  # markup stays the characters it is


def test_error_messages_escape_log_text(cli, tmp_path):
    path = tmp_path / "log.jsonl"
    path.write_text(json.dumps({"timestamp": "2026-05-01T00:00:00Z", "model": "gpt-4o\x1b[2J[b]x[/b]",
                                "input_tokens": 10, "output_tokens": 5}) + "\n")
    result = cli("estimate", str(path))
    assert result.exit_code == 2 and "\x1b" not in result.stderr and "\\x1b" in result.stderr


def test_markdown_shows_log_text_as_text_not_html_or_links(cli, tmp_path):
    """A PR comment renders Markdown: a model, project or prompt from a log must not become a tag, a link or a
    new table cell there."""
    record = {"timestamp": "2026-05-01T00:00:00Z", "input_tokens": 10, "output_tokens": 5, "id": "r1",
              "model": "<img src=x onerror=alert(1)>", "project": "a | b [click](https://e.test) & <b>c</b>"}
    path = tmp_path / "log.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({**record, "id": "r2", "model": "gpt-4o"}) + "\n")
    result = cli("estimate", str(path), "--by", "project", "--format", "markdown", "--as-of", "2026-05-14")
    assert result.exit_code == 0, result.output
    assert "<img" not in result.stdout and "<b>" not in result.stdout and "](" not in result.stdout.replace("\\]", "")
    assert "&lt;img src=x onerror=alert(1)&gt;" in result.stdout  # the unpriced model, named as text
    assert "| a \\| b \\[click\\](https://e.test) &amp; &lt;b&gt;c&lt;/b&gt; |" in result.stdout  # one cell


def test_read_text_names_the_line_of_a_byte_that_is_not_utf8_and_reads_universal_newlines(tmp_path):
    from costsim.errors import CostsimError, read_text

    path = tmp_path / "t.yaml"
    path.write_bytes(b"a: 1\r\nb: 2\rc: 3\n")
    assert read_text(path) == "a: 1\nb: 2\nc: 3\n"  # as Path.read_text reads it
    path.write_bytes(b"a: 1\nb: \x93quoted\x94\n")  # Windows-1252 quotes
    with pytest.raises(CostsimError) as err:
        read_text(path)
    assert str(err.value) == f"{path}:2: not UTF-8 text (byte 0x93)"
    with pytest.raises(CostsimError, match="is a folder, not a file"):
        read_text(tmp_path)


DEEP = '{"a":' * 5000 + "1" + "}" * 5000  # valid JSON, nested past Python's recursion limit (1,000)


def test_json_nested_deeper_than_python_reads_is_that_records_problem(cli, tmp_path):
    record = json.dumps({"model": "gpt-4o", "input_tokens": 5, "output_tokens": 1,
                         "timestamp": "2026-01-01T00:00:00Z"})
    path = tmp_path / "log.jsonl"
    path.write_text(f"{record}\n{DEEP}\n{record.replace('gpt-4o', 'gpt-4o-mini')}\n")
    rows, stats = _read(path)
    assert rows == 2 and stats.malformed == 1
    assert stats.problems == [f"{path}:2: malformed JSON: nested more deeply than costsim reads"]
    whole = tmp_path / "labeled.json"
    whole.write_text("[" * 5000 + "]" * 5000)
    for args in (("classify", "--file", str(whole)), ("evaluate", str(whole))):
        result = cli(*args)
        assert result.exit_code == 2, args
        assert result.stderr.strip() == f"error: {whole}:1: malformed JSON: nested more deeply than costsim reads"


@pytest.mark.parametrize("engine", ["duckdb", "careful"])
def test_a_claude_code_prompt_nested_too_deeply_is_named_by_either_reader(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("COSTSIM_ENGINE", engine)
    path = tmp_path / "projects" / "p" / "s.jsonl"
    path.parent.mkdir(parents=True)
    prompt = '{"type":"user","message":{"role":"user","content":' + "[" * 5000 + "]" * 5000 + "}}"
    path.write_text(f"{prompt}\n{_first_assistant_line()}\n")
    rows, stats = _read(path.parent.parent)
    assert rows == 1 and stats.malformed == 1  # the request still priced; the prompt line named
    assert stats.problems == [f"{path}:1: malformed JSON: nested more deeply than costsim reads"]


def test_a_folder_of_files_in_no_known_format_says_so_when_nothing_is_priced(cli, tmp_path):
    for name in ("a.jsonl", "b.jsonl"):
        (tmp_path / name).write_text('{"hello": "world"}\n')
    result = cli("estimate", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"error: the input: no records in it, nothing to price; files not read: 2 "
                                     f"({tmp_path}/a.jsonl: no known log format; and 1 more)")


def test_csv_cells_from_a_log_never_start_a_spreadsheet_formula(cli, tmp_path):
    """A project named like a formula (=HYPERLINK(...), +, -, @) would run when the CSV is opened in a
    spreadsheet: its cell starts with ' (text follows), and the numbers beside it are untouched."""
    import csv
    import io

    names = ['=HYPERLINK("https://e.test","x")', "+1", "-2", "@SUM(A1)", "plain"]
    lines = [json.dumps({"timestamp": "2026-05-01T00:00:00Z", "model": "gpt-4o", "input_tokens": 10,
                         "output_tokens": 5, "id": f"r{i}", "project": name}) for i, name in enumerate(names)]
    path = tmp_path / "log.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = cli("estimate", str(path), "--by", "project", "--format", "csv", "--as-of", "2026-05-14")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    keys = {row[0] for row in rows[1:]} - {"all"}
    assert keys == {'\'=HYPERLINK("https://e.test","x")', "'+1", "'-2", "'@SUM(A1)", "plain"}
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    costs = [row[5] for row in rows[1:] if row[0] == "'-2"]  # one request of 10 + 5 tokens each
    assert costs and all(float(cost) > 0 for cost in costs)
