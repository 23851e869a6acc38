"""The local engine: Claude Code session files read by DuckDB (parallel native JSON parsing), Python
touching only what needs Python.

A run's session files are cut into *parts* of about PART_BYTES. One query per part parses every line
in DuckDB's threads and returns one narrow row a line (the file, the line's number, what it is; a
request's ids, model, timestamp and counts; a possible prompt's text). `query_part` turns them into each
file's accounting (lines, assistant lines, lines without usage, lines the query cannot vouch for), each
file's requests merged by message id + request id (`copies.merge_copies`: the first line's number,
the final usage — the largest output count, the earlier line on a tie — the careful reader's rule 3),
and the lines that carry a prompt; `part_results` turns those into the per-file results
`claude_code.scan_file` returns, so the careful reader's merge (duplicates across files, text columns,
--since/--until) is shared, and the two readers can be compared file by file.

Nothing the query cannot vouch for is read by it: a file with any line that is not plainly what Claude
Code writes (bad JSON, a count that is not a whole number from 0 to MAX_TOKENS, an assistant line with
no usage or no model, an unreadable timestamp or one outside the dates a frame holds, a progress line
carrying a subagent's message, a non-empty `usage.iterations`, a blank line), and every file of a part
that is not UTF-8, is read again by `claude_code.scan_file`, which names every problem as file:line. A
part's query runs on one core, and parts are read by as many threads as there are cores: while the main
thread classifies one part, the next parts' queries run (DuckDB releases the GIL), so reading overlaps
the rest.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import numpy as np

from costsim.errors import load_json
from costsim.frame import EARLIEST, LATEST
from costsim.frame import REQUEST_COUNTS as COUNTS
from costsim.ingest.common import MAX_TOKENS, IngestStats, id_hash_sql
from costsim.ingest.duck import connect, threads

try:
    import duckdb
except ImportError:  # pragma: no cover - duckdb is a base dependency; without it the careful reader reads
    duckdb = None

AVAILABLE = duckdb is not None
PART_BYTES = 64 << 20  # a part's files. With a reader per core, prompt-heavy 64 / 96 / 128 MiB: 10.3, 7.7 /
# 8.0, 7.6 / 8.2, 7.3 s (2026-12-07, shared machine): no difference beyond the noise. 64 MiB, not 128, since
# the thirteenth session: with spill.SPILL_BYTES at 8 MiB, the prompt-heavy 1M-line folder peaks at 369-379
# MiB, not 451-466, and the 100,000-line one at 297-298, not 311-319 (1.25x for 10x the lines, the issue's
# flat-memory goal, against 1.47x), the same reports, times within the noise (three alternated runs each)
BIG_FILE_BYTES = 64 << 20  # a file read whole is held ~2x its size at once (its text and its lines): a 600 MB
# session peaked at 920 MiB (770 with the CSV scan before); read in blocks, 720-730 MiB in about the same time
BLOCK_BYTES = 32 << 20  # a big file's lines read at once
NOT_A_REQUEST = "not a request (user, system or summary line)"
NO_USAGE = "no usage"

_COUNT = "JSON"  # the value's own JSON text: json_transform to a number would take true as 1 and "1e3" as 1000
_COUNTS_OF = {"input_tokens": _COUNT, "cache_creation_input_tokens": _COUNT, "cache_read_input_tokens": _COUNT,
              "output_tokens": _COUNT,
              "cache_creation": {"ephemeral_5m_input_tokens": _COUNT, "ephemeral_1h_input_tokens": _COUNT},
              "iterations": "JSON", "server_tool_use": {"web_search_requests": _COUNT, "web_fetch_requests": _COUNT}}
# What is read of every line (json_transform: a value that does not fit is NULL, so its line is odd)
_LINE = json.dumps({"type": "VARCHAR", "requestId": "VARCHAR", "timestamp": "VARCHAR",
                    "message": {"id": "VARCHAR", "model": "VARCHAR", "usage": _COUNTS_OF}})


def _count(path: str) -> str:
    """SQL: a count as a DOUBLE (exact for whole numbers far above MAX_TOKENS): NULL where absent or null,
    -1 where it is not a JSON number (a string, true, a list), so the line is odd and the careful reader,
    the reference, judges it."""
    return f"CASE WHEN {path} IS NOT NULL THEN coalesce(TRY_CAST({path}::VARCHAR AS DOUBLE), -1) END"


def _not_text(value: str, path: str) -> str:
    """SQL: an assistant line's field (read as VARCHAR) that the line writes as no JSON string (`[]`, `true`,
    `5`): the careful reader reads such a value differently (an empty list is no model; `true` is "True"), so
    the line is odd. Only a value that could be one (not starting with a-z, or true or false) is parsed again
    (`json_type`, in a CASE: an AND parsed every line, +40% a query); models and ids start with a-z."""
    suspect = f"(ascii({value}) NOT BETWEEN 97 AND 122 OR {value} IN ('true', 'false'))"
    return f"CASE WHEN {suspect} THEN coalesce(json_type(line, '{path}') <> 'VARCHAR', true) ELSE false END"


def _whole(column: str) -> str:
    """SQL: the count is a whole number from 0 to MAX_TOKENS."""
    return f"({column} >= 0 AND {column} <= {MAX_TOKENS} AND {column} = floor({column}))"


# One query, one scan of a part's files, one row a line, in line order: each file is read whole as text
# and split at \n (where Python's reader ends a line, so line numbers and each file's line count are the
# file's own, blank lines included; `n` is the file's index << 32 plus its line number), each line parsed
# once (json_transform) and judged. Splitting the text took half the CPU of a CSV scan of the same lines
# (read_csv with no delimiter, which also ended lines at a lone \r), and each part's query 17-19% less in
# all (prompt-heavy and pooled folders, 2026-12-07; a TRY around json_transform must not meet the empty
# piece after a file's last \n: one error in a vector makes DuckDB redo the whole vector a row at a time).
# Python counts each file's lines and merges each message's lines (`query_part`: a GROUP BY here took a
# quarter of the query). A line that may be a user's prompt (a user line that is not a tool's result in
# Claude Code's own layout) has its message content alone read again, as JSON. `odd` marks lines only the
# careful reader may judge (a blank line too). Parsing a tool's result was not worth skipping: telling one
# apart exactly as the careful reader does cost DuckDB more than its parse (measured on the prompt-heavy
# folder, where they are a third of the bytes).
def _lines(texts: str) -> str:
    """SQL: the lines of `texts` (SQL giving a file's place in the part and its text, whole or a block of whole
    lines, numbered from 1: `_joined` runs a block's numbers on), each with its file and `n`; the empty piece
    after the last \n is no line."""
    return f"""
    SELECT file, (file << 32) + n AS n, line
    FROM (SELECT file, unnest(lines) AS line, generate_subscripts(lines, 1) AS n, len(lines) AS pieces
          FROM (SELECT file, string_split(text, chr(10)) AS lines FROM ({texts})))
    WHERE n < pieces OR line <> ''"""


_FILE_LINES = _lines("SELECT $positions[file_index::BIGINT + 1]::BIGINT AS file, content AS text "
                     "FROM read_text($files)")  # `positions`: each file's place in the part
_BLOCK_LINES = _lines("SELECT $position::BIGINT AS file, decode(block) AS text "
                      "FROM block_text")  # `_block_lines`: a block of a big file's whole lines


def _part_query(lines: str) -> str:
    """The part query over `lines` (SQL giving each line's file, `n` and text)."""
    return f"""
WITH raw AS (
    SELECT file, n, line, CASE WHEN line <> '' THEN TRY(json_transform(line, '{_LINE}')) END AS j
    FROM ({lines})
), line AS (
    SELECT file, n, j.type AS type, j.message.model AS model,
           CASE WHEN coalesce(j.message.id, '') = '' THEN NULL
                WHEN coalesce(j.requestId, '') = '' THEN j.message.id
                ELSE j.message.id || ':' || j.requestId END AS id,
           j.timestamp AS stamp_text,
           CASE WHEN j.type = 'assistant' THEN TRY_CAST(j.timestamp AS TIMESTAMPTZ) END AS stamp,
           {_count('j.message.usage.input_tokens')} AS input_tokens,
           {_count('j.message.usage.cache_read_input_tokens')} AS cache_read_tokens,
           {_count('j.message.usage.cache_creation_input_tokens')} AS cache_write_tokens,
           {_count('j.message.usage.cache_creation.ephemeral_5m_input_tokens')} AS split_5m,
           {_count('j.message.usage.cache_creation.ephemeral_1h_input_tokens')} AS split_1h,
           {_count('j.message.usage.output_tokens')} AS output_tokens,
           {_count('j.message.usage.server_tool_use.web_search_requests')} AS web_search_calls,
           {_count('j.message.usage.server_tool_use.web_fetch_requests')} AS web_fetch_calls,
           coalesce(j.message.usage.iterations IS NOT NULL
                    AND j.message.usage.iterations::VARCHAR NOT IN ('[]', 'null'), false) AS iterations,
           coalesce(CASE WHEN j.type = 'progress' THEN json_extract_string(line, '$.data.message.type') END
                    = 'assistant', false) AS subagent,
           CASE WHEN j.type = 'user' AND NOT contains(line, '"content":[{{"tool_use_id":') THEN line END AS user_line,
           CASE WHEN j.type = 'assistant' THEN {_not_text('j.message.model', '$.message.model')}
                OR {_not_text('j.message.id', '$.message.id')} OR {_not_text('j.requestId', '$.requestId')}
           END AS not_text
    FROM raw
), judged AS (
    SELECT *, coalesce(type = 'assistant' AND model = '<synthetic>' AND input_tokens IS NOT NULL, false) AS no_usage,
           type IS NULL OR subagent OR coalesce(not_text, false) OR (type = 'assistant'
               AND NOT coalesce(model = '<synthetic>' AND input_tokens IS NOT NULL, false)
               AND (iterations OR NOT coalesce(model <> ''
                        AND {_whole("input_tokens")} AND {_whole("output_tokens")}
                        AND {_whole("cache_read_tokens")} AND {_whole("cache_write_tokens")}
                        AND (split_5m IS NULL OR {_whole("split_5m")}) AND (split_1h IS NULL OR {_whole("split_1h")})
                        AND (web_search_calls IS NULL OR {_whole("web_search_calls")})
                        AND (web_fetch_calls IS NULL OR {_whole("web_fetch_calls")})
                        AND (stamp_text IS NULL OR (stamp >= TIMESTAMPTZ '{EARLIEST.isoformat()}'
                                                    AND stamp < TIMESTAMPTZ '{LATEST.isoformat()}')), false))) AS odd
    FROM line
), keyed AS (
    SELECT *, type = 'assistant' AND NOT no_usage AND NOT odd AS request,
           CASE WHEN user_line IS NOT NULL THEN json_extract(user_line, ['$.isMeta', '$.message.content']) END AS said
    FROM judged
)
SELECT file, n, coalesce(type = 'assistant', false) AS assistant, no_usage, odd, request, said IS NOT NULL AS user_line,
       CASE WHEN request THEN {id_hash_sql("id")} END AS id_hash,
       CASE WHEN request THEN model END AS model,
       CASE WHEN request THEN epoch_us(stamp) END AS stamp_us,
       CASE WHEN request THEN TRY_CAST(input_tokens AS BIGINT) END AS input_tokens,
       CASE WHEN request THEN TRY_CAST(cache_read_tokens AS BIGINT) END AS cache_read_tokens,
       CASE WHEN request THEN TRY_CAST(CASE WHEN split_5m IS NULL AND split_1h IS NULL THEN cache_write_tokens
                                            ELSE coalesce(split_5m, 0) END AS BIGINT) END AS cache_write_5m_tokens,
       CASE WHEN request THEN TRY_CAST(CASE WHEN split_5m IS NULL AND split_1h IS NULL THEN 0
                                            ELSE coalesce(split_1h, 0) END AS BIGINT) END AS cache_write_1h_tokens,
       CASE WHEN request THEN TRY_CAST(output_tokens AS BIGINT) END AS output_tokens,
       CASE WHEN request THEN TRY_CAST(coalesce(web_search_calls, 0) AS BIGINT) END AS web_search_calls,
       CASE WHEN request THEN TRY_CAST(coalesce(web_fetch_calls, 0) AS BIGINT) END AS web_fetch_calls,
       said[1]::VARCHAR AS meta,
       CASE WHEN json_type(said[2]) = 'VARCHAR' THEN said[2] ->> '$' END AS text,
       CASE WHEN json_type(said[2]) = 'ARRAY' THEN said[2]::VARCHAR END AS parts
FROM keyed
"""


_PART, _PART_OF_BLOCK = _part_query(_FILE_LINES), _part_query(_BLOCK_LINES)


def parts_of(paths: list[str], part_bytes: int = PART_BYTES) -> list[list[str]]:
    """Consecutive runs of files, in file order: as many parts as `part_bytes` asks, of about equal size (a
    file goes to the part its middle byte falls in), so no part is a small remainder read on its own. Not
    rounded to a multiple of the reader threads: the readers then finish one after the other, and the main
    thread makes the results of one part while the other is read (with both last parts at once, the
    prompt-heavy folder's peak was 20-40 MiB higher and no faster)."""
    sizes = np.array([_size(path) or 0 for path in paths], dtype=np.float64)
    total = float(sizes.sum())
    count = max(int(np.ceil(total / part_bytes)), 1)
    middles = np.cumsum(sizes) - sizes / 2
    part_of = np.minimum((middles * count / max(total, 1.0)).astype(np.int64), count - 1)
    parts: list[list[str]] = []
    for path, new in zip(paths, np.r_[True, part_of[1:] != part_of[:-1]].tolist()):
        if new:
            parts.append([])
        parts[-1].append(path)
    return parts


def query_part(paths: list[str], con=None) -> dict:
    """One part's query results, on `con` or on a connection of its own: each file's accounting, its
    requests (each message's lines merged, rule 3) and the lines that may carry a prompt, in line order."""
    return part_found(part_lines(paths, con), paths)


def part_lines(paths: list[str], con=None):
    """The part query's rows, one a line, as an Arrow table, its pieces (`pieces`) read one after the other
    on `con` or on a connection of its own; None when DuckDB refuses a file (one that is not UTF-8)."""
    own = con is None
    reader = _Reader(connect() if own else con)
    try:
        planned = pieces(paths)
        return _joined(planned, [_read_piece(reader, piece) for piece in planned])
    finally:
        if own:
            reader.con.close()


def pieces(paths: list[str]) -> list[tuple]:
    """A part's queries, in order: its files under BIG_FILE_BYTES read whole by one query, then each big
    file's blocks of whole lines (`_blocks`), one query a block, so the reader threads share a big file as
    they share parts. Each names the files' places in `paths`."""
    sizes = [_size(path) or 0 for path in paths]  # a file gone: its query fails (`_read_piece`)
    small = [k for k, size in enumerate(sizes) if size < BIG_FILE_BYTES]
    files = [("files", [paths[k] for k in small], small)] if small else []
    return files + [("block", paths[k], k, start, end)
                    for k, size in enumerate(sizes) if size >= BIG_FILE_BYTES for start, end in _blocks(paths[k], size)]


def _blocks(path: str, size: int) -> list[tuple[int, int]]:
    """The file's first `size` bytes (its size when the run started: a session still being written is read as
    it was) as (start, end) blocks of whole lines, each cut after the first \n at or past BLOCK_BYTES from its
    start (a line longer than that widens its block). A file gone since is one block, whose read fails."""
    cuts = [0]
    try:
        with open(path, "rb") as stream:
            while cuts[-1] + BLOCK_BYTES < size:
                at = cuts[-1] + BLOCK_BYTES - 1
                stream.seek(at)
                while (piece := stream.read(1 << 16)) and (newline := piece.find(b"\n")) < 0:
                    at += len(piece)
                cuts.append(min(at + newline + 1, size) if piece else size)
    except OSError:
        cuts = [0]
    if cuts[-1] < size:
        cuts.append(size)
    return list(zip(cuts, cuts[1:]))


class _Reader:
    """A reader thread's DuckDB connection and the buffer its blocks are read into (a new 32 MiB bytes object
    a block cost its page faults again)."""

    def __init__(self, con) -> None:
        self.con, self.buffer = con, bytearray()

    def read(self, path: str, start: int, end: int) -> memoryview:
        """The file's bytes from `start` to `end` (fewer, should it have shrunk since)."""
        if len(self.buffer) < end - start:
            self.buffer = bytearray(end - start)
        view, got = memoryview(self.buffer)[: end - start], 0
        with open(path, "rb", buffering=0) as stream:
            stream.seek(start)
            while got < len(view) and (count := stream.readinto(view[got:])):
                got += count
        return view[:got]


def _read_piece(reader: _Reader, piece: tuple):
    """A piece's rows (`pieces`; a block's lines numbered from 1: `_joined` runs them on), or None when
    DuckDB refuses a file, one that is not UTF-8, or a file cannot be read (gone since it was listed, say):
    the careful reader then reads the part, and names the problem. Any other error is a bug to show."""
    try:
        if piece[0] == "files":
            _, files, positions = piece
            return reader.con.sql(_PART, params={"files": files, "positions": positions}).to_arrow_table()
        _, path, position, start, end = piece
        return _block_lines(reader.read(path, start, end), position, reader.con)
    except (duckdb.InvalidInputException, duckdb.IOException, OSError):  # read_text's words: not UTF-8, unread
        return None


def _block_lines(view: memoryview, position: int, con):
    """The part query's rows of a block of a big file's whole lines (the file the `position`-th of its part),
    given to DuckDB without a copy; `decode` checks it is UTF-8, as read_text does (None when it is not)."""
    import pyarrow as pa

    offsets = pa.py_buffer(np.array([0, len(view)], dtype=np.int64))
    block = pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(view)])
    con.register("block_text", pa.table({"block": block}))
    try:
        return con.sql(_PART_OF_BLOCK, params={"position": position}).to_arrow_table()
    except duckdb.ConversionException:  # decode's word for bytes that are not UTF-8
        return None
    finally:
        con.unregister("block_text")
        del block


def _joined(pieces: list[tuple], tables: list):
    """A part's pieces' rows as one table, each block's line numbers run on from its file's blocks before
    (a block's rows are its lines, blank ones too, in order); None when a piece was refused (or the part has
    none): the careful reader then reads every file of the part."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not tables or any(table is None for table in tables):
        return None
    lines_before: dict[int, int] = {}  # a big file's place in the part -> the lines of its blocks so far
    out = []
    for piece, table in zip(pieces, tables):
        if piece[0] == "block":
            before = lines_before.get(piece[2], 0)
            if before:
                table = table.set_column(table.schema.get_field_index("n"), "n", pc.add(table.column("n"), before))
            lines_before[piece[2]] = before + table.num_rows
        out.append(table)
    return pa.concat_tables(out) if len(out) > 1 else out[0]


def part_found(lines, paths: list[str]) -> dict:
    """`query_part`'s results from the part query's rows (`paths`: the files the query read, in order)."""
    import pyarrow as pa

    n = lines.column("n").to_numpy()
    if len(n) > 1 and (n[1:] < n[:-1]).any():  # DuckDB keeps the scan's order; should it not, sort
        lines = lines.take(pa.array(np.argsort(n, kind="stable")))
        n = lines.column("n").to_numpy()
    read, file_of = np.unique(lines.column("file").to_numpy(), return_inverse=True)  # positions in `paths`
    flags = {c: lines.column(c).to_numpy(zero_copy_only=False) for c in ("assistant", "no_usage", "odd", "request")}
    count = len(read)
    first_line = np.full(count, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first_line, file_of, n)
    files = {
        "file": [paths[i] for i in read.tolist()],
        "first_n": first_line,
        "lines": np.bincount(file_of, minlength=count),
        **{c if c != "request" else "copies": np.bincount(file_of, weights=v, minlength=count).astype(np.int64)
           for c, v in flags.items()},
    }
    said = lines.select(["n", "meta", "text", "parts"]).filter(lines.column("user_line"))
    requests = lines.select(["n", "id_hash", "model", "stamp_us", *COUNTS]).filter(lines.column("request"))
    del lines
    return {"files": files, "requests": _requests(requests, file_of[flags["request"]]), "prompts": {
        "n": said.column("n").to_numpy(),
        **{c: said.column(c).to_pylist() for c in ("meta", "text", "parts")},
    }}


def _requests(lines, file_of: np.ndarray) -> dict:
    """The request lines of a part as rows, each message's lines merged within its file (rule 3): the first
    line's number, the final line's model, timestamp and counts."""
    import pyarrow as pa

    from costsim.ingest.copies import merge_copies

    id_hash = lines.column("id_hash")  # the id's hash, as `SeenIds.hashes` gives it; null: no id
    ids = {"id_hash": id_hash.fill_null(0).to_numpy().astype(np.uint64, copy=False),
           "has_id": id_hash.is_valid().to_numpy(zero_copy_only=False)}
    output = lines.column("output_tokens").to_numpy(zero_copy_only=False)
    first, final = merge_copies(ids["id_hash"], ids["has_id"], output, file_of)
    if not len(first):
        return {"n": np.zeros(0, np.int64), "id_hash": ids["id_hash"], "has_id": ids["has_id"],
                "model": np.zeros(0, np.int32), "models": [], "timestamp": np.zeros(0, "datetime64[ns]"),
                **{key: np.zeros(0, np.int64) for key in COUNTS}}
    final_rows = pa.array(final)
    models = lines.column("model").combine_chunks().dictionary_encode()  # every row's: a part names few models
    return {
        "n": lines.column("n").to_numpy()[first],
        "id_hash": ids["id_hash"][first],
        "has_id": ids["has_id"][first],
        "model": models.indices.to_numpy(zero_copy_only=False).astype(np.int32)[final],
        "models": models.dictionary.to_pylist(),
        "timestamp": lines.column("stamp_us").take(final_rows).combine_chunks().cast(pa.timestamp("us"))
        .to_numpy(zero_copy_only=False).astype("datetime64[ns]"),
        **{key: lines.column(key).to_numpy()[final] for key in COUNTS},
    }


def part_results(paths: list[str], stats: IngestStats, found: dict) -> Iterator[dict]:
    """Per-file results in the shape `claude_code.scan_file` returns, in file order: the engine's for
    files it read plainly, the careful reader's for the rest."""
    from costsim.ingest.claude_code import empty_table, project_and_session, scan_file  # pandas: not to start

    files, columns, prompts = found["files"], found["requests"], found["prompts"]
    by_file = {f: i for i, f in enumerate(files["file"])}
    for path in paths:
        name = stats.display(path)
        i = by_file.get(path)
        project, session = project_and_session(path)
        if i is None and not path.endswith(".gz") and _size(path) == 0:
            yield _result(empty_table(), name, project, session, 0, 0, 0, 0)
            continue
        if i is None or files["odd"][i]:
            yield scan_file(path, name, stats.strict)  # the careful reader names each problem
            continue
        first, lines = int(files["first_n"][i]), int(files["lines"][i])
        lo, hi = np.searchsorted(columns["n"], [first, first + lines])
        plo, phi = np.searchsorted(prompts["n"], [first, first + lines])
        try:
            texts = _prompt_texts(prompts, plo, phi, first)
        except json.JSONDecodeError:  # a prompt nested too deeply for Python: the careful reader names its line
            yield scan_file(path, name, stats.strict)
            continue
        table = _file_table(columns, lo, hi, first, texts)
        yield _result(
            table,
            name,
            project,
            session,
            lines,
            int(files["assistant"][i]),
            int(files["no_usage"][i]),
            int(files["copies"][i]) - int(hi - lo),
        )


def _size(path: str) -> int | None:
    """The file's size, None when it cannot be read (gone since it was listed: the careful reader names why)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return None


def _file_table(columns: dict, lo: int, hi: int, first: int, prompts: tuple[np.ndarray, list[str]]) -> dict:
    """One file's rows as `claude_code._Rows.table()` gives them (without a sort: the rows come in line
    order, so each row's prompt index only grows, and a part names few models)."""
    line = columns["n"][lo:hi] - first + 1
    codes = columns["model"][lo:hi]
    used_models = np.bincount(codes, minlength=len(columns["models"])) > 0
    prompt_lines, texts = prompts
    at = np.searchsorted(prompt_lines, line) - 1  # the last prompt before each request's first line
    new = np.r_[True, at[1:] != at[:-1]] if len(at) else np.zeros(0, dtype=bool)  # a prompt's first row
    used = at[new]
    prompt = (np.cumsum(new) - 1 - int(len(used) > 0 and used[0] < 0)).astype(np.int32)
    return {
        "line": line,
        "model": (np.cumsum(used_models) - 1).astype(np.int32)[codes],
        "models": [name for name, use in zip(columns["models"], used_models.tolist()) if use],
        "prompt": prompt,
        "prompts": [texts[k] for k in used.tolist() if k >= 0],
        **{key: columns[key][lo:hi] for key in COUNTS},
        "timestamp": columns["timestamp"][lo:hi],
        "id_hash": columns["id_hash"][lo:hi],
        "has_id": columns["has_id"][lo:hi],
    }


def _prompt_texts(prompts: dict, plo: int, phi: int, first: int) -> tuple[np.ndarray, list[str]]:
    """Line numbers and texts of a file's prompts: the careful reader's `_user_text` (a user line not
    isMeta whose content is text, or text parts joined; stripped, not blank)."""
    from costsim.ingest.records import message_text

    lines, texts = [], []
    for n, meta, text, parts in zip(
        prompts["n"][plo:phi].tolist(), prompts["meta"][plo:phi], prompts["text"][plo:phi], prompts["parts"][plo:phi]
    ):
        if meta is not None and meta not in ("false", "null"):
            continue
        if text is None:
            text = message_text(load_json(parts)) if parts is not None else ""
        text = text.strip()
        if text:
            lines.append(n - first + 1)
            texts.append(text)
    return np.array(lines, dtype=np.int64), texts


def _result(
    table: dict, name: str, project: str, session: str, lines: int, assistant: int, no_usage: int, merged_away: int
) -> dict:
    skipped = {}
    if lines - assistant:
        skipped[NOT_A_REQUEST] = lines - assistant
    if no_usage:
        skipped[NO_USAGE] = no_usage
    return {
        "table": table,
        "name": name,
        "project": project,
        "session": session,
        "records_read": lines,
        "duplicates": merged_away,
        "malformed": 0,
        "skipped": skipped,
        "problems": [],
    }


def wanted() -> bool:
    """Whether Claude Code folders are read by the engine: yes where DuckDB is installed, unless
    COSTSIM_ENGINE=careful asks for the line-by-line reader (the reference the engine is tested against)."""
    choice = os.environ.get("COSTSIM_ENGINE", "").strip().lower()
    if choice not in ("", "duckdb", "careful"):
        from costsim.errors import ConfigError

        raise ConfigError(f"COSTSIM_ENGINE must be duckdb or careful, got {choice!r}")
    return AVAILABLE and choice != "careful"


class Scans:
    """Every session file's result, in file order. From the start (the caller's own setup runs alongside),
    one reader thread a core (`pulled.Pulled`) runs the parts' queries (`pieces`: a part's small files, or a
    block of a big file), each taking the next query not yet taken (a thread slowed by other work on its core
    holds up no query of the other's), at most AHEAD queries a thread ahead of their use, so the engine keeps
    reading while the caller classifies and prices. A query runs on one core (`connect(cores=1)`: its rows
    come in line order), so the queries are what run in parallel. The threads only query: each part's rows
    are made into results where they are used, so DuckDB starts the next query at once."""

    AHEAD = 1  # queries a reader thread has run and not yet handed over (each some 15-30 MiB of Arrow rows; with
    # a tree's chunks folded as they come, 2 ahead peaked ~20 MiB higher and was no faster: tree_chunks.CHUNK_RECORDS)

    def __init__(self, paths: list[str], stats: IngestStats) -> None:
        from costsim.ingest.pulled import Pulled

        self.parts, self.stats = parts_of(paths, PART_BYTES), stats
        self.plain = [[p for p in part if not p.endswith(".gz") and not any(c in p for c in "*?[")]
                      for part in self.parts]  # the files the engine reads: DuckDB would glob those, and not gunzip
        self.pieces = [pieces(plain) for plain in self.plain]
        count = max(min(threads(), sum(map(len, self.pieces))), 1)
        self.reads = Pulled([piece for part in self.pieces for piece in part], _read_piece, depth=self.AHEAD * count,
                            open_state=lambda: _Reader(connect(cores=1)), close_state=lambda reader: reader.con.close())
        for k in range(count):
            self.reads.add_thread(f"costsim-engine-{k}")

    def __iter__(self) -> Iterator[dict]:
        reads = iter(self.reads)  # a reader's error is raised here
        for part, plain, planned in zip(self.parts, self.plain, self.pieces):
            lines = _joined(planned, [next(reads) for _ in planned])
            found = _no_lines() if lines is None else part_found(lines, plain)
            del lines
            yield from part_results(part, self.stats, found)
        self.close()  # every reader done: their connections are closed

    def close(self) -> None:
        """Stop: queries under way finish, none starts, and the readers' connections are closed."""
        self.reads.close()


class CarefulScans:
    """The careful reader over every session file, in this process and file order."""

    def __init__(self, paths: list[str], stats: IngestStats) -> None:
        self.paths, self.stats = paths, stats

    def __iter__(self) -> Iterator[dict]:
        from costsim.ingest.claude_code import scan_file

        for path in self.paths:
            yield scan_file(path, self.stats.display(path), self.stats.strict)

    def close(self) -> None:
        pass


def session_scans(paths: list[str], stats: IngestStats):
    """The session files' results by the engine, or by the careful reader where it is not wanted."""
    return Scans(paths, stats) if wanted() else CarefulScans(paths, stats)


def _no_lines() -> dict:
    empty = np.zeros(0, dtype=np.int64)
    return {
        "files": {
            "file": [],
            "first_n": empty,
            "lines": empty,
            "assistant": empty,
            "no_usage": empty,
            "odd": empty,
            "copies": empty,
        },
        "requests": {"n": empty},
        "prompts": {"n": empty, "meta": [], "text": [], "parts": []},
    }
