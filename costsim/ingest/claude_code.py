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
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

from costsim.errors import InputError
from costsim.ingest.anthropic import usage_row
from costsim.ingest.common import CHUNK_RECORDS, MAX_PROBLEMS_SHOWN, IngestStats, SeenIds, open_binary
from costsim.ingest.records import Skip, finish_table, message_text, timestamp

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
    """One session file, read in this process."""
    result = scan_file(path, stats.display(path), stats.strict)
    yield from _merge_result(result, stats)


def read_sessions(paths: list[str], stats: IngestStats) -> Iterator[pd.DataFrame]:
    """Many session files: scanned by a pool of worker processes (one per core), merged in file order so
    duplicates across files resolve the same way every run. --strict reads in this process, to stop at
    the first problem."""
    buffer: list[dict] = []
    if stats.strict or len(paths) < 2 or (os.cpu_count() or 1) < 2 or _small(paths):
        for path in paths:
            stats.files.append(stats.display(path))
            yield from _merge_result(scan_file(path, stats.display(path), stats.strict), stats, buffer)
        yield from _flush(buffer, stats)
        return
    import concurrent.futures as cf
    import multiprocessing

    jobs = [(path, stats.display(path), False) for path in paths]
    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
    with cf.ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, 8), mp_context=context) as pool:
        for (path, name, _), result in zip(jobs, pool.map(_scan_job, jobs, chunksize=4)):
            stats.files.append(name)
            yield from _merge_result(result, stats, buffer)
    yield from _flush(buffer, stats)


def _small(paths: list[str]) -> bool:
    return sum(os.path.getsize(p) for p in paths if not p.endswith(".gz")) < 32 << 20


def _scan_job(job: tuple[str, str, bool]) -> dict:
    return scan_file(*job)


def _merge_result(result: dict, stats: IngestStats, buffer: list[dict] | None = None) -> Iterator[pd.DataFrame]:
    """Fold one file's accounting into `stats`; its rows join `buffer` (several files make one chunk)."""
    stats.records_read += result["records_read"]
    stats.duplicates += result["duplicates"]
    stats.malformed += result["malformed"]
    stats.skipped.update(result["skipped"])
    room = MAX_PROBLEMS_SHOWN - len(stats.problems)
    stats.problems.extend(result["problems"][:max(room, 0)])
    own = buffer is None
    buffer = [] if own else buffer
    if len(result["table"]["line"]):
        buffer.append(result)
    if own or sum(len(r["table"]["line"]) for r in buffer) >= CHUNK_RECORDS:
        yield from _flush(buffer, stats)


TOKENS = ("input_tokens", "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "output_tokens")


def _compact(rows: _Rows) -> dict:
    """One file's rows as arrays (cheap to send between processes): counts, ns timestamps, id hashes."""
    present = np.array([i is not None for i in rows.id], dtype=bool)
    hashes = np.zeros(len(rows.id), dtype=np.uint64)
    if present.any():
        hashes[present] = SeenIds.hashes([i for i in rows.id if i is not None])
    stamps = pd.to_datetime(pd.Series(rows.timestamp, dtype="object"), utc=True, format="ISO8601")
    return {"line": np.array(rows.line, dtype=np.int64), "model": rows.model, "prompt": rows.prompt,
            **{key: np.array(values, dtype=np.int64) for key, values in rows.counts.items()},
            "timestamp": stamps.to_numpy(dtype="datetime64[ns]"), "id_hash": hashes, "has_id": present}


def _flush(buffer: list[dict], stats: IngestStats) -> Iterator[pd.DataFrame]:
    if not buffer:
        return
    tables = [r["table"] for r in buffer]
    sizes = [len(t["line"]) for t in tables]
    keep = stats.drop_duplicate_hashes(np.concatenate([t["id_hash"] for t in tables]),
                                       np.concatenate([t["has_id"] for t in tables]))
    frame = pd.DataFrame({
        "source": [f"{r['name']}:{line}" for r in buffer for line in r["table"]["line"].tolist()],
        "model": [m for t in tables for m in t["model"]],
        "prompt": [p for t in tables for p in t["prompt"]],
        "project": np.repeat([r["project"] for r in buffer], sizes),
        "session": np.repeat([r["session"] for r in buffer], sizes),
        **{key: np.concatenate([t[key] for t in tables]) for key in TOKENS},
        "timestamp": pd.to_datetime(np.concatenate([t["timestamp"] for t in tables]), utc=True),
    })
    buffer.clear()
    yield finish_table(frame[keep] if not keep.all() else frame, stats)


_MESSAGE_HEAD = re.compile(rb'"message":\{"id":"([^"\\]*)","type":"message","role":"assistant","model":"([^"\\]*)"')

# Claude Code's usual assistant line, usage keys in the API's order, matched in one step
_USUAL_ASSISTANT = re.compile(
    rb'"message":\{"id":"([^"\\]+)","type":"message","role":"assistant","model":"([^"\\]*)",.*'
    rb'"usage":\{"input_tokens":(\d+),"cache_creation_input_tokens":(\d+),"cache_read_input_tokens":(\d+),'
    rb'(?:"cache_creation":\{"ephemeral_5m_input_tokens":(\d+),"ephemeral_1h_input_tokens":(\d+)\},)?'
    rb'"output_tokens":(\d+)(?:,"(?!cache_creation")[a-z_]+":(?:"[^"\\]*"|\d+|null|\{[^{}]*\}))*\}\},'
    rb'"requestId":"([^"\\]+)","type":"assistant","uuid":"[^"\\]*",'
    rb'"timestamp":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)"')
_ASSISTANT_HEAD = b'"message":{"id":'
_TOOL_RESULT = b'"message":{"role":"user","content":[{"tool_use_id":'
_USAGE_TAIL = re.compile(rb'"usage":(\{(?:[^{}"]|"[^"\\]*"|\{[^{}]*\})*\})\},"requestId":"([^"\\]*)",'
                         rb'"type":"assistant","uuid":"[^"\\]*","timestamp":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)"')
_COUNT = re.compile(rb'"([a-z0-9_]+)":(\d+)[,}]')


class _Rows:
    """One file's rows as parallel lists; a message seen again updates its row in place when the new
    snapshot's output count is at least as large (the final usage wins; the first line and prompt stay)."""

    def __init__(self) -> None:
        self.line, self.model, self.prompt, self.timestamp, self.id = [], [], [], [], []
        self.counts = {key: [] for key in TOKENS}
        self.index: dict[str, int] = {}  # message key -> row, for the last WINDOW_MESSAGES messages
        self.duplicates = 0

    def add(self, key, line_no, model, prompt, stamp, counts: tuple[int, int, int, int, int]) -> None:
        at = self.index.get(key) if key is not None else None
        if at is not None:
            self.duplicates += 1
            if counts[4] >= self.counts["output_tokens"][at]:
                for name, value in zip(TOKENS, counts):
                    self.counts[name][at] = value
                self.model[at], self.timestamp[at] = model, stamp
            return
        if key is not None:
            self.index[key] = len(self.line)
            if len(self.index) > WINDOW_MESSAGES:
                del self.index[next(iter(self.index))]
        self.line.append(line_no)
        self.model.append(model)
        self.prompt.append(prompt)
        self.timestamp.append(stamp)
        self.id.append(key)
        for name, value in zip(TOKENS, counts):
            self.counts[name].append(value)

    def add_row(self, row: dict) -> None:
        self.add(row.get("id"), row["line"], row["model"], row.get("prompt"), row.get("timestamp"),
                 tuple(row.get(name, 0) for name in TOKENS))


def scan_file(path: str, name: str, strict: bool) -> dict:
    """Rows and accounting of one session file (plain data, so a worker process can return it).

    Assistant lines in Claude Code's usual layout are read by a byte scan that parses only the
    `usage` object; any other layout, and every user line that may hold a prompt, goes through
    `json.loads`. Tool-result lines (no prompt text) are only checked to be whole JSON objects."""
    project, session = project_and_session(path)
    stats = IngestStats(strict=strict)
    rows = _Rows()
    add = rows.add
    models: dict[bytes, str] = {}
    prompt = None
    with open_binary(path, name) as stream:
        try:
            for line_no, line in enumerate(stream, start=1):
                line = line.strip()
                if not line:
                    continue
                stats.records_read += 1
                if not (line.startswith(b"{") and line.endswith(b"}")):
                    stats.skip("malformed JSON", "not a whole JSON object", path=name, line=line_no)
                    continue
                row = None
                at = line.find(b'"message":{', 0, 1024)  # top-level keys before it are short
                if at >= 0:
                    whole = _USUAL_ASSISTANT.match(line, at) if line.startswith(_ASSISTANT_HEAD, at) else None
                    if whole is not None:
                        g = whole.groups()
                        model = models.get(g[1]) or models.setdefault(g[1], g[1].decode())
                        if model == "<synthetic>":
                            stats.skipped[NO_USAGE] += 1
                            continue
                        split = g[5] is not None
                        add(f"{g[0].decode()}:{g[8].decode()}", line_no, model, prompt, g[9].decode(),
                            (int(g[2]), int(g[4]), int(g[5]) if split else int(g[3]), int(g[6]) if split else 0,
                             int(g[7])))
                        continue
                    if (head := _MESSAGE_HEAD.match(line, at)) is not None:
                        row = _fast_assistant(line, head, line_no, project, session, prompt)
                    elif line.startswith(_TOOL_RESULT, at):
                        stats.skipped[NOT_A_REQUEST] += 1  # a tool's output: no prompt text to keep
                        continue
                if row is None:
                    try:
                        record = json.loads(line)
                    except ValueError as exc:
                        stats.skip("malformed JSON", getattr(exc, "msg", str(exc)), path=name, line=line_no)
                        continue
                    if not isinstance(record, dict):
                        stats.skip("not a JSON object", path=name, line=line_no)
                        continue
                    if record.get("type") != "assistant":
                        if record.get("type") == "user" and not record.get("isMeta"):
                            prompt = _user_text(record) or prompt
                        stats.skipped[NOT_A_REQUEST] += 1
                        continue
                    try:
                        row = _assistant_row(record, line_no, project, session, prompt)
                    except Skip as skip:
                        stats.skip(skip.reason, skip.detail, path=name, line=line_no, malformed=skip.malformed)
                        continue
                elif isinstance(row, Skip):
                    stats.skip(row.reason, row.detail, path=name, line=line_no, malformed=row.malformed)
                    continue
                rows.add_row(row)
        except EOFError as exc:
            raise InputError(f"truncated or corrupt gzip file ({exc})", path=name) from None
    return {"table": _compact(rows), "name": name, "project": project, "session": session,
            "records_read": stats.records_read, "duplicates": stats.duplicates + rows.duplicates,
            "malformed": stats.malformed, "skipped": dict(stats.skipped), "problems": stats.problems}


def _fast_assistant(line: bytes, head: re.Match, line_no: int, project: str, session: str, prompt: str | None):
    """A row (or a Skip) from an assistant line in the usual layout; None to read it with json.loads."""
    at = line.rfind(b'"usage":{')  # message.usage is the message's last key, after any content
    if at < head.end():
        return None
    tail = _USAGE_TAIL.match(line, at)
    if not tail:
        return None
    model = head.group(2).decode()
    if model == "<synthetic>":
        return Skip(NO_USAGE, malformed=False)
    usage = tail.group(1)
    u = dict(_COUNT.findall(usage))
    if b"input_tokens" not in u or b"output_tokens" not in u or b'_tokens":"' in usage or b":-" in usage \
            or b"." in usage:
        return None  # a count that is not a plain whole number: the careful path names it
    if b"ephemeral_5m_input_tokens" in u or b"ephemeral_1h_input_tokens" in u:
        write_5m, write_1h = int(u.get(b"ephemeral_5m_input_tokens", 0)), int(u.get(b"ephemeral_1h_input_tokens", 0))
    else:
        write_5m, write_1h = int(u.get(b"cache_creation_input_tokens", 0)), 0
    message_id, request_id = head.group(1).decode(), tail.group(2).decode()
    return {"line": line_no, "model": model, "input_tokens": int(u[b"input_tokens"]),
            "output_tokens": int(u[b"output_tokens"]), "cache_read_tokens": int(u.get(b"cache_read_input_tokens", 0)),
            "cache_write_5m_tokens": write_5m, "cache_write_1h_tokens": write_1h,
            "project": project, "session": session, "prompt": prompt, "timestamp": tail.group(3).decode(),
            "id": f"{message_id}:{request_id}" if request_id else message_id}


def _user_text(record: dict) -> str | None:
    message = record.get("message")
    if not isinstance(message, dict):
        return None
    text = message_text(message.get("content")).strip()
    return text or None


def _assistant_row(record: dict, line_no: int, project: str, session: str, prompt: str | None) -> dict:
    message = record.get("message")
    if not isinstance(message, dict):
        raise Skip("missing required field", "message")
    model = message.get("model")
    usage = message.get("usage")
    if usage is None or model == "<synthetic>":
        raise Skip(NO_USAGE, malformed=False)
    if not model:
        raise Skip("missing required field", "message.model")
    row = {"line": line_no, "model": str(model), **usage_row(usage), "project": project, "session": session,
           "prompt": prompt}
    stamp = timestamp(record.get("timestamp"), "timestamp")
    row["timestamp"] = None if stamp is None else stamp.isoformat()
    message_id = message.get("id")
    if message_id:
        request_id = record.get("requestId")
        row["id"] = f"{message_id}:{request_id}" if request_id else str(message_id)
    return row
