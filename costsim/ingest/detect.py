"""Choosing a reader for each input: by `--log-format`, else by what the file holds (its first records
or its CSV header), never by its name alone."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator

import pandas as pd

from costsim.errors import ConfigError, InputError, load_json
from costsim.ingest import anthropic, claude_code, neutral, openai, otel, proxies
from costsim.ingest.common import IngestStats, is_database_url, open_text
from costsim.ingest.records import csv_delimiter, header_name

Reader = Callable[[str, IngestStats], Iterator[pd.DataFrame]]

READERS: dict[str, Reader] = {  # in the order of FORMATS, which names them for the command line
    "neutral-jsonl": neutral.read_jsonl,
    "neutral-csv": neutral.read_csv,
    "neutral-parquet": neutral.read_parquet,
    "generic-csv": neutral.read_csv,  # any CSV, with --columns naming its headers
    "claude-code": claude_code.read_session,
    "openai-chat": openai.read_chat,
    "openai-responses": openai.read_responses,
    "openai-batch-output": openai.read_batch_output,
    "openai-batch-input": openai.read_batch_input,
    "anthropic": anthropic.read_messages,
    "litellm": proxies.read_litellm,
    "openrouter-csv": proxies.read_openrouter,
    "otel": otel.read_otlp,
}
SNIFF_RECORDS = 20
SNIFF_BYTES = 64 * 1024
FIRST_BYTES = 8 * 1024  # most logs name their format in the first line: a folder of thousands is sniffed fast
CLAUDE_CODE_TYPES = {"user", "assistant", "summary", "system", "file-history-snapshot", "queue-operation", "progress"}
CLAUDE_CODE_KEYS = {"sessionId", "parentUuid", "leafUuid", "uuid", "messageId"}  # a snapshot line has only messageId


class UnknownFormat(InputError):
    """A file no reader's format matches: fatal when named, named and passed over when found in a folder."""

    reason = "no known log format"


def reader_for(path: str, log_format: str | None, stats: IngestStats | None = None) -> Reader:
    """The reader `--log-format` names, else the one the file's content matches."""
    if is_database_url(path):
        return _database_reader(log_format)
    if log_format:
        if log_format not in READERS:
            raise ConfigError(f"--log-format {log_format!r}: unknown format (known: {', '.join(READERS)})")
        return READERS[log_format]
    name = stats.display(path) if stats else path
    found = sniff(path, name, has_columns=bool(stats and stats.columns))
    if found is None:
        raise UnknownFormat("no known log format matches this file (known: " + ", ".join(READERS)
                         + _headers_found(path, name)
                         + "); force one with --log-format NAME, or map a CSV's headers with "
                         "--columns input_tokens=HEADER,output_tokens=HEADER,model=HEADER,timestamp=HEADER",
                         path=name)
    return READERS[found]


def _headers_found(path: str, name: str) -> str:
    """For a CSV, the headers it has (what the error shows); else nothing."""
    head = _head(path, name).lstrip()
    if not head or head[:1] in "[{":
        return ""
    first_line = head.splitlines()[0]
    header = [
        header_name(h) for h in next(csv.reader(io.StringIO(first_line), delimiter=csv_delimiter(first_line)), [])
    ]
    return "; headers found: " + ", ".join(h for h in header if h)[:300]


def _database_reader(log_format: str | None) -> Reader:
    """A postgresql:// input is a LiteLLM proxy's database: its spend-log table."""
    from costsim.ingest import postgres  # its driver is an optional extra, imported when used

    if log_format not in (None, "litellm"):
        raise ConfigError(
            f"--log-format {log_format!r}: a postgresql:// input is read as a LiteLLM proxy's "
            "spend logs (--log-format litellm, or none)"
        )
    return postgres.read_spend_logs


def sniff(path: str, name: str, *, has_columns: bool = False) -> str | None:
    """The format name the file's first records (or CSV header) match, or None."""
    if _is_parquet(path):
        return "neutral-parquet"
    found = _first_lines_format(_head(path, name, FIRST_BYTES))
    if found:
        return found
    head = _head(path, name)
    if not head.strip():
        return "neutral-jsonl"  # an empty file: any JSONL reader accounts for its zero records
    first = head.lstrip()[:1]
    if first in "[{":
        records = _first_records(head, path, name)
        for record in records:
            found = json_format(record)
            if found:
                return found
        return None
    first_line = head.splitlines()[0]
    header = [
        header_name(h) for h in next(csv.reader(io.StringIO(first_line), delimiter=csv_delimiter(first_line)), [])
    ]
    return csv_format(header, has_columns)


def _first_lines_format(head: str) -> str | None:
    """The format the whole JSON lines at the start of `head` name, or None (sniff then reads more)."""
    for line in head.split("\n", SNIFF_RECORDS)[:-1]:  # the last piece may be cut short
        if not line.strip():
            continue
        try:
            value = load_json(line)
        except json.JSONDecodeError:
            return None
        if isinstance(value, list):
            return None  # a list's records are sniffed one by one below
        found = json_format(value)
        if found:
            return found
    return None


def json_format(record) -> str | None:
    """The JSON format one record belongs to; None when it says nothing (a summary line, say)."""
    if not isinstance(record, dict):
        return None
    kind = record.get("type")
    if isinstance(kind, str) and kind in CLAUDE_CODE_TYPES and CLAUDE_CODE_KEYS & record.keys():
        return "claude-code"
    if "resourceSpans" in record:
        return "otel"
    if "custom_id" in record:
        if "response" in record or ("error" in record and "body" not in record):
            return "openai-batch-output"
        if "body" in record and "url" in record:
            return "openai-batch-input"
        if "result" in record:
            return "anthropic"
    if "request_id" in record and ("spend" in record or "call_type" in record):
        return "litellm"
    usage = record.get("usage")
    if record.get("type") == "message" and isinstance(usage, dict):
        return "anthropic"
    if record.get("object") == "chat.completion" or (
        isinstance(usage, dict) and "prompt_tokens" in usage and "choices" in record
    ):
        return "openai-chat"
    if record.get("object") in ("response", "response.compaction") or (
        isinstance(usage, dict) and "input_tokens_details" in usage
    ):
        return "openai-responses"
    if "model" in record and ("input_tokens" in record or "prompt" in record):
        return "neutral-jsonl"
    return None


def csv_format(header: list[str], has_columns: bool) -> str | None:
    names = {h.strip() for h in header}
    if has_columns:
        return "generic-csv"
    if set(proxies.OPENROUTER_HEADERS) <= names:
        return "openrouter-csv"
    if "model" in names and ("input_tokens" in names or "prompt" in names):
        return "neutral-csv"
    return None


def _is_parquet(path: str) -> bool:
    """Parquet files start with the magic bytes PAR1."""
    try:
        with open(path, "rb") as stream:
            return stream.read(4) == b"PAR1"
    except OSError:
        return False


def _head(path: str, name: str, size: int = SNIFF_BYTES) -> str:
    try:
        with open_text(path) as stream:
            return stream.read(size)
    except EOFError as exc:
        raise InputError(f"truncated or corrupt gzip file ({exc})", path=name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", path=name) from None


def _first_records(head: str, path: str, name: str):
    """The first records, parsed one at a time (sniffing stops at the first that names a format)."""
    count = 0
    for line in head.splitlines()[:SNIFF_RECORDS]:
        if not line.strip():
            continue
        try:
            value = load_json(line)
        except json.JSONDecodeError:
            break
        for record in value[:SNIFF_RECORDS] if isinstance(value, list) else [value]:
            count += 1
            yield record
    if count:
        return
    from costsim.ingest.records import json_records  # a pretty-printed document: read it whole

    for _, value, error in json_records(path, name):
        if error is None:
            count += 1
            yield value
        if count >= SNIFF_RECORDS:
            break


__all__ = ["READERS", "UnknownFormat", "reader_for", "sniff"]
