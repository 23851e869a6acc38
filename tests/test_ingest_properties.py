"""Property tests: real lines of every format, mutated (cut short, a value swapped for one of another
type or size, odd unicode, a byte-order mark), never crash a run, and every record read is priced,
skipped or a duplicate; and the fast readers (the Claude Code engine, the neutral JSONL engine) give the
report and messages their careful readers give, whatever the mutation and the writer's layout (spaces,
exponents, line ends). 15 examples per format and 25 per reader pair in the suite (deterministic:
`derandomize`); set COSTSIM_PROPERTY_EXAMPLES=500 for a longer hunt. Lines come from tests/fixtures/real/
(see SOURCE.md there) and, for formats no public real log was found for, from samples/logs/."""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from costsim.errors import CostsimError
from costsim.ingest import IngestStats, read_logs
from costsim.pricing.book import load_price_book
from costsim.routing.policy import load_policy
from costsim.simulate.pricer import LOG_STRATEGIES, Pricer

HERE = Path(__file__).resolve().parent
REAL = HERE / "fixtures" / "real"
SAMPLES = HERE.parent / "samples" / "logs"
SESSION = REAL / "claude-code" / "projects" / "-home-marco-projects-spotter-worktrees-spotter-dov"


def _lines(path: Path, limit: int = 12, longest: int = 6000) -> list[str]:
    return [line for line in path.read_text().splitlines() if line.strip() and len(line) <= longest][:limit]


def _claude_code_lines() -> list[str]:
    lines = _lines(SESSION / "4d5611e5-241a-462a-8d15-5122611a9569.jsonl", limit=400, longest=4000)
    kinds = ('"type":"assistant"', '"agent_progress"', '"type":"user"', '"file-history-snapshot"')
    return [next(line for line in lines if kind in line) for kind in kinds] + [
        line for line in lines if '"type":"assistant"' in line
    ][1:6]


FORMATS = {  # log format -> (real or sample lines, file suffix)
    "claude-code": (_claude_code_lines(), ".jsonl"),
    "anthropic": (_lines(REAL / "anthropic-messages.jsonl", longest=4000), ".jsonl"),
    "openai-chat": (
        _lines(REAL / "openai-chat.jsonl") + _lines(REAL / "openrouter-chat.jsonl", longest=4000),
        ".jsonl",
    ),
    "openai-responses": (_lines(REAL / "openai-responses.jsonl", longest=5000), ".jsonl"),
    "openai-batch-output": (_lines(SAMPLES / "openai-batch-output.jsonl"), ".jsonl"),
    "litellm": ([json.dumps(r) for r in json.loads((SAMPLES / "litellm-spend-logs.json").read_text())], ".json"),
    "neutral-jsonl": (_lines(SAMPLES / "neutral.jsonl"), ".jsonl"),
    "openrouter-csv": (_lines(SAMPLES / "openrouter-activity.csv"), ".csv"),
}
ODD = st.sampled_from(
    [
        "",
        "\x00",
        "\x1b[2J",
        "\u202e",
        "\ud7ff",
        "é",
        "𝔘",
        "\ufeff",
        "[bold]x[/bold]",
        "null",
        "-1",
        "1e309",
        "NaN",
        "0x10",
        " 7 ",
        "99999999999999999999999",
    ]
)
# a value of another type or size than the field holds: what real logs and hand edits produce
SWAPS = st.one_of(
    st.sampled_from(
        [10**30, 2**63, 2**64, -1, -(10**20), 1.5, 1e308, 10**12, "7", "x", "", None, True, [], {}, [1], {"a": 1}]
    ),
    ODD,
    st.integers(min_value=-(2**70), max_value=2**70),
)
# the fields a reader acts on: a swap lands on one of them two times in three
KEYS = (
    "created",
    "timestamp",
    "usage",
    "tokens",
    "model",
    "type",
    "id",
    "cost",
    "message",
    "spend",
    "time",
    "iterations",
    "server_tool",
    "details",
    "data",
    "object",
    "custom_id",
    "status",
    "result",
    "requests",
)


def _paths(value, prefix=()):
    """Every (path, leaf) inside a parsed JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value[:4]):
            yield from _paths(item, (*prefix, i))
    yield prefix, value


def _set(value, path, new):
    if not path:
        return new
    value[path[0]] = _set(value[path[0]], path[1:], new)
    return value


@st.composite
def mutated(draw, lines: list[str], csv: bool):
    chosen = draw(st.lists(st.sampled_from(lines), min_size=1, max_size=4))
    how = draw(st.sampled_from(["swap", "swap", "swap", "swap", "cut", "unicode", "bom", "duplicate"]))
    line_at = draw(st.integers(0, len(chosen) - 1))
    line = chosen[line_at]
    if how == "cut":
        line = line[: draw(st.integers(0, max(len(line) - 1, 0)))]
    elif how == "unicode":
        at = draw(st.integers(0, len(line)))
        line = line[:at] + draw(ODD) + line[at:]
    elif how == "swap" and not csv:
        record = json.loads(line)
        for _ in range(draw(st.integers(1, 3))):
            paths = [p for p, leaf in _paths(record) if p and not isinstance(leaf, (dict, list)) or leaf in ([], {})]
            interesting = [p for p in paths if any(k in str(p[-1]).lower() for k in KEYS)]
            if interesting and draw(st.integers(0, 2)):
                paths = interesting
            if paths:
                record = _set(record, draw(st.sampled_from(paths)), draw(SWAPS))
        line = json.dumps(record)
    elif how == "swap":
        cells = line.split(",")
        cells[draw(st.integers(0, len(cells) - 1))] = str(draw(SWAPS)).replace(",", " ").replace("\n", " ")
        line = ",".join(cells)
    chosen[line_at] = line
    if how == "duplicate":
        chosen.append(chosen[0])
    text = "\n".join(chosen) + "\n"
    return ("\ufeff" if how == "bom" else "") + text


def random_detect(text: str) -> bool:
    """Also let detection read one example in four (and every one with a byte-order mark)."""
    return hash(text) % 4 == 0


BOOK = load_price_book()
POLICY = load_policy()


def _run(text: str, log_format: str, suffix: str, header: str | None) -> None:
    """Read and price one mutated file; a CostsimError (a named, one-line error) is allowed, nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "projects" / "p" / f"log{suffix}"
        path.parent.mkdir(parents=True)
        path.write_text((header + "\n" if header else "") + text, encoding="utf-8", errors="surrogatepass")
        for forced in (log_format, None) if text.startswith("\ufeff") or random_detect(text) else (log_format,):
            stats = IngestStats()
            try:
                chunks = list(
                    read_logs([str(path.parent.parent) if log_format == "claude-code" else str(path)], stats, forced)
                )
            except CostsimError:
                continue
            rows = sum(len(c) for c in chunks)
            assert stats.records_read == rows + sum(stats.skipped.values()) + stats.duplicates
            pricer = Pricer(BOOK, POLICY, LOG_STRATEGIES, default_day=date(2026, 5, 14))
            for chunk in chunks:
                pricer.add(chunk.assign(tier=pd.array([3] * len(chunk), dtype="Int64")))
            report = pricer.report(kind="estimate", accounting=None)
            assert pricer.requests + sum(report.unknown_models.values()) == rows


@pytest.mark.parametrize("log_format", sorted(FORMATS))
def test_mutated_real_lines_never_crash_and_every_record_is_accounted(log_format):
    lines, suffix = FORMATS[log_format]
    csv = suffix == ".csv"
    header, body = (lines[0], lines[1:]) if csv else (None, lines)

    @settings(
        max_examples=int(os.environ.get("COSTSIM_PROPERTY_EXAMPLES", "15")),
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(mutated(body, csv))
    def check(text):
        _run(text, log_format, suffix, header)

    check()


# ---- the fast readers against the careful ones: the same report and messages, on mutated real lines ----
# (`test_engine.py` and `test_neutral_engine.py` pin each disagreement found so far; these hunt for new ones)

LINE_FORMS = st.sampled_from(["as is", "usage spaced", "usage spaced", "spaced", "crlf", "no last newline",
                              "blank lines", "cr", "marked line"])


def _respaced(line: str, usage_only: bool) -> str:
    """A JSON line re-dumped with spaces; or, the rest as compact as Claude Code writes it, its message's cache
    counts with a space after the colon and whole thousands written as exponents (3e3)."""
    try:
        record = json.loads(line)
    except ValueError:
        return line
    if not usage_only:
        return json.dumps(record, ensure_ascii=False)
    compact = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    at = compact.find('"usage":{"input_tokens":')
    if at < 0:
        return compact
    head, usage = compact[:at + 24], compact[at + 24:]  # input and output counts stay compact, cache ones not
    return head + re.sub(r'((?:cache|ephemeral)_\w+_tokens)":(\d+?)(000)?\b',
                          lambda m: f'{m[1]}": {m[2]}e3' if m[3] else f'{m[1]}": {m[2]}', usage)


def _in_form(text: str, form: str) -> str:
    """The text as another writer would leave it: JSON re-dumped with spaces (all, or a usage's), other line
    ends, blank lines, a second line starting with a byte-order mark."""
    if form in ("spaced", "usage spaced"):
        return "\n".join(_respaced(line, form == "usage spaced") for line in text.splitlines()) + "\n"
    return {"crlf": text.replace("\n", "\r\n"), "no last newline": text.rstrip("\n"),
            "blank lines": text.replace("\n", "\n\n", 2), "cr": text.replace("\n", "\r", 1),
            "marked line": text.replace("\n", "\n\ufeff", 1)}.get(form, text)


def _outcome(runner, args: list[str]) -> tuple[int, dict, str]:
    """`costsim ARGS`: exit code, JSON report (without the time it was made) and messages."""
    from costsim.cli.app import app

    result = runner.invoke(app, args)
    assert result.exit_code in (0, 2) and "internal error" not in result.stderr, result.stderr
    report = json.loads(result.stdout) if result.stdout.strip() else {}
    report.pop("generated_at", None)
    return result.exit_code, report, result.stderr


def _hunt(runner, monkeypatch, lines: list[str], careful, claude_code: bool) -> None:
    """Mutated files of `lines` (one or two, in a line form) give the same outcome read as usual and with
    `careful(patch)` applied (which turns the fast reader off)."""
    @settings(
        max_examples=int(os.environ.get("COSTSIM_PROPERTY_EXAMPLES", "25")),
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(mutated(lines, False), min_size=1, max_size=2), LINE_FORMS)
    def check(texts, form):
        with tempfile.TemporaryDirectory() as folder:
            logs = Path(folder) / ("projects/p" if claude_code else "logs")
            logs.mkdir(parents=True)
            for k, text in enumerate(texts):  # a second file: a resumed session, its copies of ids included
                (logs / f"s{k}.jsonl").write_bytes(_in_form(text, form).encode("utf-8", errors="surrogatepass"))
            args = ["estimate", str(logs.parent if claude_code else logs), "--as-of", "2026-05-14",
                    "--format", "json", "--classifier", "keywords"]
            fast = _outcome(runner, args)
            with monkeypatch.context() as patch:
                careful(patch)
                assert _outcome(runner, args) == fast

    check()


def test_mutated_claude_code_trees_read_by_the_engine_as_by_the_careful_reader(runner, monkeypatch):
    from costsim.ingest import tree_chunks

    monkeypatch.setattr(tree_chunks, "CHUNK_RECORDS", 3)  # chunks cut between a message's lines, and files
    monkeypatch.setenv("COSTSIM_ENGINE", "duckdb")
    lines = FORMATS["claude-code"][0] + [  # the real layout (model first), and the samples' (id first: fast path)
        line for path in sorted((SAMPLES / "claude-code").rglob("*.jsonl")) for line in _lines(path)]
    _hunt(runner, monkeypatch, lines, lambda patch: patch.setenv("COSTSIM_ENGINE", "careful"), claude_code=True)


def test_mutated_neutral_jsonl_read_by_the_engine_as_by_the_record_path(runner, monkeypatch):
    from costsim.ingest import arrow_jsonl

    monkeypatch.setattr(arrow_jsonl, "BLOCK_BYTES", 512)  # a few lines a block: lines judged in pieces
    _hunt(runner, monkeypatch, _lines(SAMPLES / "neutral.jsonl", limit=40),
          lambda patch: patch.setattr(arrow_jsonl, "engine_readable", lambda head: False), claude_code=False)
