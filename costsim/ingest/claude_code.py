"""Claude Code session logs: `~/.claude/projects/<project>/<session>.jsonl` and the subagents' logs.

The rules, in one place (the DuckDB engine mirrors them; `tests/fixtures/real/count.py` restates them
independently, and both equal ccusage day by day on a real public tree):

1. **What is a log.** Every `*.jsonl` under the folder: session files and `<session>/subagents/agent-*.jsonl`.
   Sidecars are not logs and not records: `*.meta.json` (a subagent's type and description) and
   `sessions-index.json` are passed over by name when a folder is read (`common.SIDECARS`). A file whose
   lines are only `file-history-snapshot` or `summary` lines is a Claude Code log with no request in it.
2. **What is a request.** A line of type `assistant` whose `message` carries `usage` (`<synthetic>`
   placeholders and lines without usage are skipped as "no usage"), and the assistant message inside a
   `progress` line (`data.message` of type `assistant`: a subagent's message as the parent session saw
   it, Claude Code 2.1+). Every other line is a record that is "not a request"; a user line gives the
   prompt text the next assistant message is classified by.
3. **Counted once.** One API message is written on several lines (one per content block, streaming
   snapshots whose output count grows, again in a subagent's own file or a progress line, again when a
   session is resumed into another file). Lines are one message when they share message id + request
   id; the message keeps its *final* usage: the copy with the largest output count (the earliest such
   copy on a tie, in file order then line order, as ccusage 20 does). Within a file the row keeps its
   first line's number and prompt; across files the row is the final copy's, file and all. Every other
   copy counts as a duplicate.
4. **Usage.** In Anthropic's meaning (see `anthropic.usage_row`): `input_tokens` excludes cache reads
   and writes; writes split 5m/1h by `cache_creation` where given, else all 5-minute; an empty
   `iterations` list changes nothing; `server_tool_use` web searches and fetches are calls priced per
   call (`web_search_calls`, `web_fetch_calls`).
5. **Where.** Project and session come from the path (a subagent's rows belong to its parent session).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import timezone
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd

from costsim.errors import InputError, load_json
from costsim.frame import CALL_COLUMNS, EARLIEST, LATEST
from costsim.frame import REQUEST_COUNTS as COUNTS
from costsim.ingest.anthropic import usage_row
from costsim.ingest.common import MAX_PROBLEMS_SHOWN, IngestStats, SeenIds, open_binary
from costsim.ingest.copies import merge_copies
from costsim.ingest.records import Skip, message_text, timestamp
from costsim.ingest.spill import Spill
from costsim.ingest.tree_chunks import EarlyChunks, flush, own_conversations

NOT_A_REQUEST = "not a request (user, system or summary line)"
NO_USAGE = "no usage"


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


def read_sessions(paths: list[str], stats: IngestStats, scans, alone: bool = False) -> Iterator[pd.DataFrame]:
    """Many session files (their scans, started by the caller: see `engine.session_scans`), merged in
    file order so duplicates across files resolve the same way every run. The rows wait for the last
    file (a message's final copy can come in any file; past SPILL_BYTES they wait on disk, see `spill.Spill`),
    but their prompts are handed to `stats.prompts_read` as they are read, so an estimate classifies them
    while the engine reads on.
    `alone`: these are all of the run's files, so when no two session files share a session, a chunk that
    ends with a file's last row closes the conversations read so far (`frame.CLOSES_CONVERSATIONS`); and with
    `stats.early_chunks` the chunks are made as the files come (`tree_chunks.EarlyChunks`, which raises
    ChunkedTooEarly where a later file shows they had to wait)."""
    buffer: list[dict] = []
    spill = Spill()
    early = EarlyChunks(stats) if alone and stats.early_chunks else None
    prompts: list[str] = []  # read and not yet handed to stats.prompts_read
    try:
        for path, result in zip(paths, scans):
            stats.files.append(stats.display(path))
            if stats.prompts_read is not None:
                prompts.extend(result["table"]["prompts"])
                if len(prompts) >= PROMPT_BATCH:
                    stats.prompts_read(prompts)
                    prompts = []
            yield from _merge_result(result, stats, buffer)
            if early is None:
                spill.hold(buffer)
            elif early.add(result):
                if prompts and stats.prompts_read is not None:
                    stats.prompts_read(prompts)  # the chunks' prompts decided before they are folded
                    prompts = []
                yield from early.chunks(buffer)
        if prompts:
            stats.prompts_read(prompts)
        if early is not None:
            yield from early.rest(buffer)
            return
        spill.settle(buffer)
        yield from flush(buffer, stats, closing=alone and own_conversations(buffer), spill=spill)
    finally:
        spill.close()
        scans.close()


PROMPT_BATCH = 16_384  # prompts handed on at once while reading (a batch big enough for the worker processes)


def _merge_result(result: dict, stats: IngestStats, buffer: list[dict] | None = None) -> Iterator[pd.DataFrame]:
    """Fold one file's accounting into `stats`; its rows join `buffer`, which is merged once every file
    is read (a message's final copy can come in any file)."""
    stats.count_read(result["records_read"])
    stats.duplicates += result["duplicates"]
    stats.malformed += result["malformed"]
    stats.skipped.update(result["skipped"])
    room = MAX_PROBLEMS_SHOWN - len(stats.problems)
    stats.problems.extend(result["problems"][: max(room, 0)])
    own = buffer is None
    buffer = [] if own else buffer
    if len(result["table"]["line"]):
        buffer.append(result)
    if own:
        yield from flush(buffer, stats)


_NAME = rb'[^"\\\x00-\x1f\x7f-\xff]'  # printable ASCII but quote and backslash
_TOOL_RESULT = b'"message":{"role":"user","content":[{"tool_use_id":'
_USAGE_TAIL = re.compile(
    rb'"usage":(\{(?:[^{}"]|"[^"\\]*"|\{[^{}]*\})*\})\},"requestId":"(' + _NAME + rb'*)",'
    rb'"type":"assistant","uuid":"[^"\\]*","timestamp":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)"'
)


# An assistant line's head (message id and model) and, found by a reverse search from the line's end,
# its usage through its timestamp, without a regex walking the message content (which can be a whole
# file a tool wrote). A user line whose message content is a string: a prompt.
_HEAD = re.compile(
    rb'"message":\{"id":"(' + _NAME + rb'+)","type":"message","role":"assistant","model":"(' + _NAME + rb'+)",'
)  # ids and model in printable ASCII, none empty: any other goes the careful way
_N = rb"(0|[1-9]\d{0,11})"  # a count of up to 12 digits (MAX_TOKENS), no leading zero (not JSON)
_TAIL = re.compile(  # any other count goes the careful way and is named
    rb'"usage":\{"input_tokens":' + _N + rb',"cache_creation_input_tokens":' + _N + rb',"cache_read_input_tokens":' + _N
    + rb',(?:"cache_creation":\{"ephemeral_5m_input_tokens":' + _N + rb',"ephemeral_1h_input_tokens":' + _N + rb'\},)?'
    rb'"output_tokens":' + _N
    + rb'(?:,"(?!cache_creation")[a-z_]+":(?:"[^"\\\n]*"|(?:0|[1-9]\d*)|null|\{[^{}\n]*\}))*\}\},'
    rb'"requestId":"(' + _NAME + rb'+)","type":"assistant","uuid":"[^"\\\n]*",'
    rb'"timestamp":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)Z"'
)
_SERVER_CALL = re.compile(rb'"web_(?:search|fetch)_requests":[1-9]')  # a billed server tool call in a usage
_USAGE_KEY = b'"usage":{"input_tokens":'
_PROMPT_HEAD = b'"message":{"role":"user","content":"'


BLOCK_BYTES = 16 << 20  # whole lines read and searched at once; a file's rows are kept as arrays


class _Rows:
    """One file's rows as column arrays, block by block; `table()` merges each message's lines (same
    message id + request id) into one row: the first line's number and prompt, the final usage (the
    largest output count; the earliest such line on a tie) with that line's model and timestamp."""

    def __init__(self) -> None:
        self.blocks: list[dict] = []
        self.models: dict[bytes | str, int] = {}
        self.model_names: list[str] = []
        self.prompt_lines: list[int] = []
        self.prompts: list[str] = []
        self.duplicates = 0

    def model_code(self, model: bytes | str) -> int:
        code = self.models.get(model)
        if code is None:
            name = model.decode() if isinstance(model, bytes) else model
            code = self.models.get(name)
            if code is None:
                code = self.models[name] = len(self.model_names)
                self.model_names.append(name)
            self.models[model] = code
        return code

    def add_block(self, lines: list[int], keys: list, models: list[int], stamps: list, counts: list[list[int]]) -> None:
        if not lines:
            return
        present = np.array([k is not None for k in keys], dtype=bool)
        hashes = np.zeros(len(keys), dtype=np.uint64)
        if present.all():
            hashes = SeenIds.hashes(keys)
        elif present.any():
            hashes[present] = SeenIds.hashes([k for k in keys if k is not None])
        self.blocks.append(
            {
                "line": np.array(lines, dtype=np.int64),
                "id_hash": hashes,
                "has_id": present,
                "model": np.array(models, dtype=np.int32),
                "timestamp": _stamps(stamps),
                **{key: np.array(values).astype(np.int64) for key, values in zip(COUNTS, counts)},
            }
        )

    def add_arrays(self, lines: np.ndarray, columns: dict) -> None:
        if len(lines):
            self.blocks.append({"line": lines.astype(np.int64), **columns})

    def table(self) -> dict:
        if not self.blocks:
            return empty_table()
        cols = {key: np.concatenate([b[key] for b in self.blocks]) for key in self.blocks[0]}
        self.blocks.clear()
        order = np.argsort(cols["line"], kind="stable")  # lines read one by one join the block's matches
        if (np.diff(order) != 1).any():
            cols = {key: values[order] for key, values in cols.items()}
        first, final = merge_copies(cols["id_hash"], cols["has_id"], cols["output_tokens"])
        self.duplicates += len(cols["line"]) - len(first)  # copies merged into a message's row
        line = cols["line"][first]
        at = np.searchsorted(np.array(self.prompt_lines, dtype=np.int64), line) - 1  # the last prompt before
        used, prompt = np.unique(at, return_inverse=True)  # only the prompts rows use travel back
        texts = [self.prompts[i] for i in used.tolist() if i >= 0]
        prompt = prompt.astype(np.int32) - int(used[0] < 0) if len(used) else prompt.astype(np.int32)
        return {
            "line": line,
            "model": cols["model"][final],
            "models": self.model_names,
            "prompt": prompt,
            "prompts": texts,
            **{key: cols[key][final] for key in COUNTS},
            "timestamp": cols["timestamp"][final],
            "id_hash": cols["id_hash"][first],
            "has_id": cols["has_id"][first],
        }


def _stamps(stamps: list) -> np.ndarray:
    """Timestamps read one line at a time (naive UTC text, checked by `_fast_assistant` or `timestamp`; None
    where a line has none) as datetime64[ns]."""
    return np.array(stamps).astype("datetime64[ns]")


def empty_table() -> dict:
    return {
        "line": np.zeros(0, dtype=np.int64),
        "model": np.zeros(0, dtype=np.int32),
        "models": [],
        "prompt": np.zeros(0, dtype=np.int32),
        "prompts": [],
        **{key: np.zeros(0, dtype=np.int64) for key in COUNTS},
        "timestamp": np.zeros(0, dtype="datetime64[ns]"),
        "id_hash": np.zeros(0, dtype=np.uint64),
        "has_id": np.zeros(0, dtype=bool),
    }


def scan_file(path: str, name: str, strict: bool) -> dict:
    """Rows and accounting of one session file (plain data, so a worker process can return it).

    The file is read in blocks of whole lines (`_scan_block`); lines in Claude Code's usual layouts are
    read in place: assistant messages (only the ids, model, timestamp and usage numbers), user prompts
    given as a string, and tool results. Every other line is read on its own by `_scan_line`, as
    before, so no layout is misread; both feed the same rows."""
    project, session = project_and_session(path)
    stats = IngestStats(strict=strict)
    rows = _Rows()
    first_line = 1
    with open_binary(path, name) as stream:
        try:
            while block := stream.read(BLOCK_BYTES):
                if not block.endswith(b"\n"):
                    block += stream.readline()
                first_line = _scan_block(block, first_line, name, stats, rows)
        except EOFError as exc:
            raise InputError(f"truncated or corrupt gzip file ({exc})", path=name) from None
    return {
        "table": rows.table(),
        "name": name,
        "project": project,
        "session": session,
        "records_read": stats.records_read,
        "duplicates": stats.duplicates + rows.duplicates,
        "malformed": stats.malformed,
        "skipped": dict(stats.skipped),
        "problems": stats.problems,
    }


def _scan_block(block: bytes, first_line: int, name: str, stats: IngestStats, rows: _Rows) -> int:
    """Read one block of whole lines (numbered from `first_line`); returns the next block's first line number.

    Lines are found with numpy and read in place (no bytes object per line); each is placed by its first
    `"message":{`, as the line-by-line reader does, and only its head and tail are examined."""
    text = block if block.endswith(b"\n") else block + b"\n"
    raw = np.frombuffer(text, dtype=np.uint8)
    ends = np.flatnonzero(raw == 10)
    starts = np.r_[0, ends[:-1] + 1]
    plain = (raw[starts] == 123) & (raw[np.maximum(ends - 1, 0)] == 125)  # starts with { and ends with }
    heads, tails, found, others = [], [], [], []
    find, startswith, head, tail, rfind = text.find, text.startswith, _HEAD.match, _TAIL.match, text.rfind
    server_call = _SERVER_CALL.search
    not_requests, prompts_before = 0, len(rows.prompt_lines)
    # `"message":{` is looked for in a line's first 1024 bytes, and not at all (an empty range) in a line
    # that is not plainly one object
    within = np.where(plain, np.minimum(starts + 1024, ends), starts).tolist()
    for i, start, end, limit in zip(range(len(ends)), starts.tolist(), ends.tolist(), within):
        at = find(b'"message":{', start, limit)
        if at < 0:
            others.append(i)
        elif (h := head(text, at, end)) is not None:
            u = rfind(_USAGE_KEY, h.end(), end)
            t = tail(text, u, end) if u >= 0 else None
            if t is None or server_call(text, u, t.end()):  # a web search or fetch: read with its calls
                others.append(i)
            else:
                heads.append(h.groups())
                tails.append(t.groups())
                found.append(i)
        elif startswith(_TOOL_RESULT, at):
            not_requests += 1  # a tool's output: no prompt text to keep
        elif startswith(_PROMPT_HEAD, at) and (p := _prompt(text[start:end])) is not False:
            not_requests += 1
            if p:
                rows.prompt_lines.append(first_line + i)
                rows.prompts.append(p)
        else:
            others.append(i)
    stats.records_read += not_requests
    if not_requests:
        stats.skipped[NOT_A_REQUEST] += not_requests
    if found:
        stamps, unreadable = _block_stamps([t[7] for t in tails])
        if unreadable:  # a date that is no date (month 13, say): the careful way names its line
            others = sorted(others + [found[k] for k in unreadable])
            for k in reversed(unreadable):
                del heads[k], tails[k], found[k]
    if found:
        columns = _assistant_columns(heads, tails, stamps, stats, rows)
        rows.add_arrays(first_line + np.array(found, dtype=np.int64)[columns.pop("index")], columns)
    if others:
        lines, keys, models, stamps = [], [], [], []
        counts: list[list] = [[] for _ in COUNTS]
        bounds = np.r_[-1, ends]
        _scan_others(text, bounds, others, first_line, name, stats, rows, (lines, keys, models, stamps, counts))
        _sort_prompts(rows, prompts_before)
        rows.add_block(lines, keys, models, stamps, counts)
    return first_line + len(ends)


def _prompt(line: bytes) -> str | None | bool:
    """A user line's prompt text (None when blank or not a prompt); False when `_scan_line` must read it.
    json.loads reads a prompt faster than a regex walking its text, and means the same as `_scan_line`."""
    try:
        record = load_json(line)
    except ValueError:
        return False
    if not isinstance(record, dict) or record.get("type") == "assistant":
        return False
    return _user_text(record)


def _block_stamps(stamps: list[bytes]) -> tuple[np.ndarray, list[int]]:
    """The timestamps of a block's assistant lines (the fast path's `\\d{4}-\\d\\d-...` text), and the
    positions of those that are no date (a month 13) or outside the dates a frame holds (numpy would wrap the
    year 2300 into 1715 without a word); these are left out of the array."""
    try:
        micros = np.array(stamps).astype("datetime64[us]")
    except ValueError:
        micros = np.array([_micros(stamp) for stamp in stamps], dtype="datetime64[us]")
    unreadable = np.flatnonzero(np.isnat(micros) | (micros < _EARLIEST_US) | (micros >= _LATEST_US)).tolist()
    if unreadable:
        micros = np.delete(micros, unreadable)
    return micros.astype("datetime64[ns]"), unreadable


_EARLIEST_US = np.datetime64(EARLIEST.replace(tzinfo=None), "us")
_LATEST_US = np.datetime64(LATEST.replace(tzinfo=None), "us")


def _micros(stamp: bytes) -> np.datetime64:
    """One fast-path timestamp as a datetime64[us]; NaT when it is no date."""
    try:
        return np.datetime64(stamp.decode(), "us")
    except ValueError:
        return np.datetime64("NaT", "us")


def _assistant_columns(heads: list, tails: list, stamps: np.ndarray, stats: IngestStats, rows: _Rows) -> dict:
    """Columns of the assistant lines read in place (message id and model from the head; usage,
    request id and timestamp from the tail; `stamps`, the timestamps read). `<synthetic>` placeholder lines
    are skipped as no usage."""
    stats.records_read += len(heads)
    real = np.array([g[1] != b"<synthetic>" for g in heads], dtype=bool)
    if not real.all():
        stats.skipped[NO_USAGE] += int((~real).sum())
        heads = [g for g, keep in zip(heads, real) if keep]
        tails = [g for g, keep in zip(tails, real) if keep]
        stamps = stamps[real]
    codes, code = rows.models, rows.model_code
    keys = [g[0] + b":" + u[6] for g, u in zip(heads, tails)]
    def column(k):  # one tail group for every line (faster than zip(*tails))
        return list(map(itemgetter(k), tails))

    split = column(3)
    if None not in split:  # every line gives the 5m/1h split
        numbers = _counts(column(0), column(2), column(5), split, column(4))
        write_5m, write_1h = numbers[3], numbers[4]
    elif split.count(None) == len(split):  # no line does: all cache tokens are 5-minute writes
        numbers = _counts(column(0), column(2), column(5), column(1))
        write_5m, write_1h = numbers[3], np.zeros(len(split), dtype=np.int64)
    else:
        numbers = _counts(
            column(0), column(2), column(5), column(1), [v or b"0" for v in split], [v or b"0" for v in column(4)]
        )
        given = np.array([v is not None for v in split], dtype=bool)
        write_5m, write_1h = np.where(given, numbers[4], numbers[3]), numbers[5]
    return {
        "index": real,
        "id_hash": SeenIds.hashes(keys) if keys else np.zeros(0, np.uint64),
        "has_id": np.ones(len(keys), dtype=bool),
        "model": np.array([codes[g[1]] if g[1] in codes else code(g[1]) for g in heads], dtype=np.int32),
        "timestamp": stamps,
        "input_tokens": numbers[0],
        "cache_read_tokens": numbers[1],
        "cache_write_5m_tokens": write_5m,
        "cache_write_1h_tokens": write_1h,
        "output_tokens": numbers[2],
        **{key: np.zeros(len(keys), dtype=np.int64) for key in CALL_COLUMNS},
    }


def _counts(*columns) -> np.ndarray:
    """Equal-length columns of digit strings as one int64 array per column, parsed in one pass; a count
    too big for int64 raises OverflowError, as converting it one by one does."""
    if not columns[0]:
        return np.zeros((len(columns), 0), dtype=np.int64)
    joined = b" ".join([b" ".join(column) for column in columns])
    numbers = np.fromstring(joined, dtype=np.int64, sep=" ").reshape(len(columns), -1)
    if (numbers == np.iinfo(np.int64).max).any():  # the parse saturates: convert one by one to tell
        return np.array([np.array(column).astype(np.int64) for column in columns])
    return numbers


def _scan_others(
    text: bytes,
    breaks: np.ndarray,
    others: list[int],
    first_line: int,
    name: str,
    stats: IngestStats,
    rows: _Rows,
    out: tuple,
) -> None:
    """Lines the block search did not recognise, read one at a time in the careful way."""
    lines, keys, models, stamps, counts = out
    for i in others:
        line_no = first_line + i
        got = _scan_line(text[breaks[i] + 1 : breaks[i + 1]], line_no, name, stats)
        if got is None:
            continue
        if isinstance(got, str):
            rows.prompt_lines.append(line_no)
            rows.prompts.append(got)
            continue
        key, model, stamp, values = got
        lines.append(line_no)
        keys.append(key)
        models.append(rows.model_code(model))
        stamps.append(stamp.encode() if stamp else None)
        for column, value in zip(counts, values):
            column.append(value)


def _sort_prompts(rows: _Rows, start: int) -> None:
    """Put this block's prompts (block matches, then lines read on their own) in line order."""
    order = np.argsort(rows.prompt_lines[start:], kind="stable")
    if (np.diff(order) != 1).any():
        rows.prompt_lines[start:] = [rows.prompt_lines[start + i] for i in order]
        rows.prompts[start:] = [rows.prompts[start + i] for i in order]


def _scan_line(line: bytes, line_no: int, name: str, stats: IngestStats):
    """One line read on its own: a row (key, model, timestamp, counts), a prompt's text, or None
    (accounted in `stats`: blank, malformed, not a request, no usage)."""
    line = line.strip()
    if not line:
        return None
    stats.records_read += 1
    if not (line.startswith(b"{") and line.endswith(b"}")):
        stats.skip("malformed JSON", "not a whole JSON object", path=name, line=line_no)
        return None
    row = None
    at = line.find(b'"message":{', 0, 1024)  # top-level keys before it are short
    if at >= 0:
        if (head := _HEAD.match(line, at)) is not None:
            row = _fast_assistant(line, head)
        elif line.startswith(_TOOL_RESULT, at):
            stats.skipped[NOT_A_REQUEST] += 1  # a tool's output: no prompt text to keep
            return None
    if row is None:
        try:
            record = load_json(line)
        except ValueError as exc:
            stats.skip("malformed JSON", getattr(exc, "msg", str(exc)), path=name, line=line_no)
            return None
        if not isinstance(record, dict):
            stats.skip("not a JSON object", path=name, line=line_no)
            return None
        record = _progress_message(record)
        if record.get("type") != "assistant":
            stats.skipped[NOT_A_REQUEST] += 1
            return _user_text(record)
        try:
            row = _assistant_row(record)
        except Skip as skip:
            stats.skip(skip.reason, skip.detail, path=name, line=line_no, malformed=skip.malformed)
            return None
    elif isinstance(row, Skip):
        stats.skip(row.reason, row.detail, path=name, line=line_no, malformed=row.malformed)
        return None
    return (row.get("id"), row["model"], row.get("timestamp"), tuple(row.get(key, 0) for key in COUNTS))


def _fast_assistant(line: bytes, head: re.Match):
    """A row (or a Skip) from an assistant line in the usual layout; None to read it with json.loads. Only
    the usage object is parsed (a few hundred bytes, not the message content), and read by `usage_row` as
    the careful path reads it: a count written with a space, as 3e3, or inside `iterations` means what
    json.loads makes of it (a regex over the counts took such a count as 0, or a nested one for the top's)."""
    at = line.rfind(b'"usage":{')  # message.usage is the message's last key, after any content
    if at < head.end():
        return None
    tail = _USAGE_TAIL.match(line, at)
    if not tail:
        return None
    model = head.group(2).decode()
    if model == "<synthetic>":
        return Skip(NO_USAGE, malformed=False)
    try:
        usage = usage_row(load_json(tail.group(1)), model)
    except (ValueError, Skip):
        return None  # not JSON, or a count that is not a plain whole number: the careful path names it
    if _block_stamps([tail.group(3).removesuffix(b"Z")])[1]:
        return None  # a date that is none, or out of range: json.loads and `timestamp` name it
    message_id, request_id = head.group(1).decode(), tail.group(2).decode()
    return {
        "model": model,
        **usage,
        "timestamp": tail.group(3).decode().removesuffix("Z"),
        "id": f"{message_id}:{request_id}" if request_id else message_id,
    }


def _progress_message(record: dict) -> dict:
    """The assistant message a `progress` line carries (rule 2), else the line itself."""
    if record.get("type") == "progress" and isinstance(record.get("data"), dict):
        inner = record["data"].get("message")
        if isinstance(inner, dict) and inner.get("type") == "assistant":
            return inner
    return record


def _user_text(record: dict) -> str | None:
    """A line that is not an assistant message: the prompt text of a user's line (not isMeta), else None."""
    if record.get("type") != "user" or record.get("isMeta"):
        return None
    message = record.get("message")
    if not isinstance(message, dict):
        return None
    text = message_text(message.get("content")).strip()
    return text or None


def _assistant_row(record: dict) -> dict:
    """An assistant record's model, usage, timestamp (naive UTC text) and id; raises Skip when it has none."""
    message = record.get("message")
    if not isinstance(message, dict):
        raise Skip("missing required field", "message")
    model = message.get("model")
    usage = message.get("usage")
    if usage is None or model == "<synthetic>":
        raise Skip(NO_USAGE, malformed=False)
    if not model:
        raise Skip("missing required field", "message.model")
    row = {"model": str(model), **usage_row(usage, str(model))}
    stamp = timestamp(record.get("timestamp"), "timestamp")  # as naive UTC, like the block search's stamps
    row["timestamp"] = None if stamp is None else stamp.astimezone(timezone.utc).replace(tzinfo=None).isoformat()
    message_id = message.get("id")
    if message_id:
        request_id = record.get("requestId")
        row["id"] = f"{message_id}:{request_id}" if request_id else str(message_id)
    return row
