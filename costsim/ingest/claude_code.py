"""Claude Code session logs: `~/.claude/projects/<project>/<session>.jsonl` (subagent files included).

Each assistant line carries `message.usage` in Anthropic's meaning (see `anthropic.usage_row`). One
API message is written on several lines — one per content block, streaming snapshots whose output
count grows, and again when a session is resumed into another file — so lines are merged by
message id + request id, keeping the final usage (the largest output count) within a file, and
later copies in other files count as duplicates. Assistant lines with no usage (or the `<synthetic>`
placeholder model) are skipped as "no usage"; user lines give the prompt text the next assistant
message is classified by; project and session come from the path.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from costsim.errors import InputError
from costsim.ingest.anthropic import usage_row
from costsim.ingest.common import CHUNK_RECORDS, IngestStats, open_text
from costsim.ingest.records import Skip, finish_rows, message_text, timestamp

NOT_A_REQUEST = "not a request (user, system or summary line)"
NO_USAGE = "no usage"
WINDOW_MESSAGES = 512  # lines of one message lie close together; a copy further on counts as a duplicate


def default_folder() -> Path:
    """Where Claude Code keeps its logs: $CLAUDE_CONFIG_DIR/projects, else ~/.claude/projects."""
    base = os.environ.get("CLAUDE_CONFIG_DIR")
    return Path(base.split(",")[0]).expanduser() / "projects" if base else Path.home() / ".claude" / "projects"


def project_and_session(path: str) -> tuple[str, str]:
    """`.../projects/<project>/<session>.jsonl` or `.../projects/<project>/<session>/subagents/x.jsonl`."""
    parts = Path(path).parts
    if "projects" in parts[:-1]:
        i = len(parts) - 1 - parts[::-1].index("projects")
        if i + 2 < len(parts):
            project = parts[i + 1]
            session = parts[i + 2] if i + 3 < len(parts) else Path(parts[i + 2]).name
            return project, session.removesuffix(".gz").removesuffix(".jsonl")
    p = Path(path)
    return p.parent.name, p.name.removesuffix(".gz").removesuffix(".jsonl")


def read_session(path: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    name = stats.display(path)
    project, session = project_and_session(path)
    pending: dict[str, dict] = {}
    rows: list[dict] = []
    prompt = None
    with open_text(path) as stream:
        try:
            for line_no, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                stats.records_read += 1
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    stats.skip("malformed JSON", exc.msg, path=name, line=line_no)
                    continue
                if not isinstance(record, dict):
                    stats.skip("not a JSON object", path=name, line=line_no)
                    continue
                kind = record.get("type")
                if kind != "assistant":
                    if kind == "user" and not record.get("isMeta"):
                        prompt = _user_text(record) or prompt
                    stats.skipped[NOT_A_REQUEST] += 1
                    continue
                try:
                    row = _assistant_row(record, f"{name}:{line_no}", project, session, prompt)
                except Skip as skip:
                    stats.skip(skip.reason, skip.detail, path=name, line=line_no, malformed=skip.malformed)
                    continue
                key = row.get("id")
                if key is None:
                    rows.append(row)
                elif key in pending:
                    stats.duplicates += 1
                    if row["output_tokens"] >= pending[key]["output_tokens"]:
                        row["source"], row["prompt"] = pending[key]["source"], pending[key]["prompt"]
                        pending[key] = row
                else:
                    pending[key] = row
                    if len(pending) > WINDOW_MESSAGES:
                        rows.append(pending.pop(next(iter(pending))))
                if len(rows) >= CHUNK_RECORDS:
                    yield finish_rows(rows, stats)
                    rows = []
        except EOFError as exc:
            raise InputError(f"truncated or corrupt gzip file ({exc})", path=name) from None
    rows.extend(pending.values())
    if rows:
        yield finish_rows(rows, stats)


def _user_text(record: dict) -> str | None:
    message = record.get("message")
    if not isinstance(message, dict):
        return None
    text = message_text(message.get("content")).strip()
    return text or None


def _assistant_row(record: dict, source: str, project: str, session: str, prompt: str | None) -> dict:
    message = record.get("message")
    if not isinstance(message, dict):
        raise Skip("missing required field", "message")
    model = message.get("model")
    usage = message.get("usage")
    if usage is None or model == "<synthetic>":
        raise Skip(NO_USAGE, malformed=False)
    if not model:
        raise Skip("missing required field", "message.model")
    row = {"source": source, "model": str(model), **usage_row(usage), "project": project, "session": session,
           "prompt": prompt}
    stamp = timestamp(record.get("timestamp"), "timestamp")
    if stamp is not None:
        row["timestamp"] = stamp
    message_id = message.get("id")
    if message_id:
        request_id = record.get("requestId")
        row["id"] = f"{message_id}:{request_id}" if request_id else str(message_id)
    return row
