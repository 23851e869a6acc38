"""Property tests: real lines of every format, mutated (cut short, a value swapped for one of another
type or size, odd unicode, a byte-order mark), never crash a run, and every record read is priced,
skipped or a duplicate. 15 examples per format in the suite (deterministic: `derandomize`); set
COSTSIM_PROPERTY_EXAMPLES=500 for a longer hunt. Lines come from tests/fixtures/real/ (see SOURCE.md
there) and, for formats no public real log was found for, from samples/logs/."""

from __future__ import annotations

import json
import os
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
