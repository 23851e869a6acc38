"""The reading loop every JSON format shares: lines → records → rows → finished usage-frame chunks.

A format module only says how one record becomes a row (a dict of usage-frame columns); this module
parses lines, counts every record, turns `Skip` into accounted skips, and finishes each chunk:
offline token counts for rows that carry text but no counts, estimated-output marks, duplicate ids,
and the --since/--until window.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Callable, Iterator

import numpy as np
import pandas as pd

from costsim.errors import InputError, load_json, shown
from costsim.frame import normalize
from costsim.ingest.common import CHUNK_RECORDS, MAX_TOKENS, IngestStats, open_text, parse_timestamp, token_count

OUTSIDE_WINDOW = "outside --since/--until"
NO_DAY_FOR_WINDOW = "no timestamp to place in --since/--until"  # not known to be outside: it has no day at all


class Skip(Exception):
    """A record that cannot be priced: `malformed` ones are input errors, the rest are expected (no usage,
    failed call)."""

    def __init__(self, reason: str, detail: str = "", *, malformed: bool = True):
        super().__init__(reason)
        self.reason, self.detail, self.malformed = reason, detail, malformed


Extract = Callable[[dict], "dict | None"]


def json_records(path: str, name: str) -> Iterator[tuple[int, object, str | None]]:
    """(line, parsed value, error) per non-empty line; a whole-file JSON document (pretty-printed object
    or array) is read as one value, and an array yields each element as a record."""
    with open_text(path) as stream:
        try:
            first = _first_line(stream)
        except EOFError as exc:
            raise InputError(f"truncated or corrupt gzip file ({exc})", path=name) from None
        if first is None:
            return
        line_no, text = first
        try:
            value, error = load_json(text), None
        except json.JSONDecodeError as exc:
            value, error = None, exc.msg
        if error is not None and (text.strip() in ("{", "[") or text.lstrip()[:1] == "["):  # pretty-printed
            document = _whole_document(text, stream)
            if document is not None:
                yield from _document_records(document, line_no)
                return
        if isinstance(value, list):
            yield from _document_records(value, line_no)
            return
        yield line_no, value, error
        try:
            next_no = line_no + 1
            for line_no, line in enumerate(stream, start=next_no):
                if not line.strip():
                    continue
                try:
                    yield line_no, load_json(line), None
                except json.JSONDecodeError as exc:
                    yield line_no, None, exc.msg
        except EOFError as exc:
            raise InputError(f"truncated or corrupt gzip file ({exc})", path=name) from None


def _first_line(stream) -> tuple[int, str] | None:
    for line_no, line in enumerate(stream, start=1):
        if line.strip():
            return line_no, line
    return None


def _whole_document(head: str, stream):
    text = head + stream.read()
    try:
        return load_json(text)
    except json.JSONDecodeError:
        return None


def _document_records(document, line_no: int) -> Iterator[tuple[int, object, str | None]]:
    items = document if isinstance(document, list) else [document]
    if isinstance(document, dict) and isinstance(document.get("data"), list):
        items = document["data"]  # list endpoints wrap their records: {"object": "list", "data": [...]}
    for item in items:
        yield line_no, item, None


def read_json_format(
    path: str, stats: IngestStats, extract: Callable[[dict, str], dict | list | None]
) -> Iterator[pd.DataFrame]:
    """Read a JSON/JSONL file whose records `extract(record, source)` turns into rows."""
    name = stats.display(path)
    rows = []
    for line, record, error in json_records(path, name):
        stats.records_read += 1
        if error is not None:
            stats.skip("malformed JSON", error, path=name, line=line)
            continue
        if not isinstance(record, dict):
            stats.skip("not a JSON object", path=name, line=line)
            continue
        try:
            row = extract(record, f"{name}:{line}")
        except Skip as skip:
            stats.skip(skip.reason, skip.detail, path=name, line=line, malformed=skip.malformed)
            continue
        if isinstance(row, list):  # a record billed as several calls (an advisor step on another model)
            stats.records_read += len(row) - 1
            rows.extend(row)
        else:
            rows.append(row)
        if len(rows) >= CHUNK_RECORDS:
            yield finish_rows(rows, stats)
            rows = []
    if rows:
        yield finish_rows(rows, stats)


def read_csv_format(
    path: str, stats: IngestStats, make_extract: Callable[[list[str], str], Callable[[dict, str], dict]]
) -> Iterator[pd.DataFrame]:
    """Read a CSV file: `make_extract(header, name)` checks the header and returns the record → row function."""
    name = stats.display(path)
    rows: list[dict] = []
    with open_text(path) as stream:
        first = stream.readline()
        reader = csv.DictReader(itertools.chain([first], stream), delimiter=csv_delimiter(first))
        try:
            reader.fieldnames = [header_name(h) for h in reader.fieldnames or []]
            extract = make_extract(reader.fieldnames, name)
            for record in reader:
                stats.records_read += 1
                try:
                    rows.append(extract(record, f"{name}:{reader.line_num}"))
                except Skip as skip:
                    stats.skip(skip.reason, skip.detail, path=name, line=reader.line_num, malformed=skip.malformed)
                if len(rows) >= CHUNK_RECORDS:
                    yield finish_rows(rows, stats)
                    rows = []
        except csv.Error as exc:
            raise InputError(f"CSV cannot be read: {exc}", path=name, line=reader.line_num) from None
        except EOFError as exc:
            raise InputError(f"truncated or corrupt gzip file ({exc})", path=name) from None
    if rows:
        yield finish_rows(rows, stats)


def csv_delimiter(header_line: str) -> str:
    """The separator a CSV header uses: `,`, `;` (spreadsheets in much of Europe) or a tab, whichever
    the header holds most of (`,` on a tie)."""
    return max(",;\t", key=lambda sep: (header_line.count(sep), sep == ","))


def header_name(header: str | None) -> str:
    """A CSV header as costsim matches it: without surrounding space and in lower case."""
    return (header or "").strip().lower()


# ---- small helpers the format modules share ---------------------------------------------------


def tokens(obj: dict | None, key: str, *, required: bool = False, where: str = "") -> int:
    """A whole, non-negative token count at obj[key]; absent counts are 0 unless `required`."""
    value = None if not isinstance(obj, dict) else obj.get(key)
    if value is None or value == "":
        if required:
            raise Skip("missing token count", f"{where}{key}")
        return 0
    count = token_count(value)
    if count is None:
        raise Skip(
            "bad token count", f"{where}{key} must be a whole number >= 0 (at most {MAX_TOKENS:,}), got {shown(value)}"
        )
    return count


def billed_usd(value, field: str) -> str | None:
    """A provider's own charge (USD) as exact decimal text, None when absent; a charge that is not a
    number >= 0 is malformed."""
    if value is None or value == "":
        return None
    from decimal import Decimal, InvalidOperation

    try:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise InvalidOperation
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise Skip("bad billed cost", f"{field} must be a number of USD, got {shown(value)}") from None
    if not amount.is_finite() or amount < 0 or amount > 10**9:
        raise Skip("bad billed cost", f"{field} must be a number of USD >= 0, got {shown(value)}")
    return str(amount)


def timestamp(value, field: str):
    """A parsed timestamp, None when absent; a present but unreadable one is malformed."""
    if value is None or value == "":
        return None
    stamp = parse_timestamp(value)
    if stamp is None:
        raise Skip("bad timestamp", f"{field} {value!r}")
    return stamp


def message_text(content) -> str:
    """The text of a chat message's content: a string, or the text parts of a content list."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for part in content:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                parts.append(part["text"])
            elif isinstance(part, dict) and isinstance(part.get("content"), str) and part.get("type") != "tool_result":
                parts.append(part["content"])
        return "\n".join(parts)
    return ""


def last_user_text(messages) -> str:
    """The last user turn's text in an OpenAI/Anthropic `messages` list (what the classifier reads)."""
    if not isinstance(messages, list):
        return ""
    for message in reversed(messages):
        if isinstance(message, dict) and message.get("role") == "user":
            return message_text(message.get("content"))
    return ""


def all_text(messages, system=None) -> str:
    """Every message's text joined (what offline counting counts when a request carries no usage)."""
    parts = [message_text(system)] if system else []
    if isinstance(messages, str):
        return "\n".join([*parts, messages])
    for message in messages if isinstance(messages, list) else []:
        if isinstance(message, dict):
            parts.append(message_text(message.get("content")))
    return "\n".join(p for p in parts if p)


# ---- finishing a chunk -------------------------------------------------------------------------


def finish_rows(rows: list[dict], stats: IngestStats) -> pd.DataFrame:
    """Rows → a usage-frame chunk: count missing inputs offline, mark estimated outputs, then `finish_frame`."""
    return finish_table(pd.DataFrame.from_records(rows), stats)


def finish_table(df: pd.DataFrame, stats: IngestStats) -> pd.DataFrame:
    """A table of rows (columns named like the usage frame, plus `count_text`) → a finished chunk."""
    return finish_frame(prepare_table(df, stats), stats)


def prepare_table(df: pd.DataFrame, stats: IngestStats) -> pd.DataFrame:
    """`finish_table` before duplicates and the window: inputs counted, outputs marked, the frame normalized."""
    if isinstance(df.get("timestamp"), pd.Series) and df["timestamp"].dtype == object:
        df["timestamp"] = pd.to_datetime(df["timestamp"], utc=True, format="ISO8601")
    if "count_text" in df.columns:
        df = _count_inputs(df, stats)
    if "output_tokens" not in df.columns:
        df["output_tokens"] = np.nan
    missing_output = df["output_tokens"].isna()
    if missing_output.any():
        df["output_estimated"] = missing_output.to_numpy()
        df["output_tokens"] = df["output_tokens"].fillna(0)
    for column in ("batch", "output_estimated"):
        if column in df.columns and df[column].dtype != bool:
            df[column] = df[column].astype("boolean").fillna(False).astype(bool)  # no object downcast
    return normalize(df.drop(columns=["count_text"]) if "count_text" in df.columns else df)


def _count_inputs(df: pd.DataFrame, stats: IngestStats) -> pd.DataFrame:
    from costsim import tokens as tok

    need = df["count_text"].notna() & (df["input_tokens"].isna() if "input_tokens" in df.columns else True)
    if not need.any():
        return df
    if "input_tokens" not in df.columns:
        df["input_tokens"] = np.nan
    counted = pd.Series(0, index=df.index[need], dtype="int64")
    models = df.loc[need, "model"].fillna("")
    for model, index in models.groupby(models, sort=False).groups.items():
        counts = np.array(
            tok.count_tokens_many(df.loc[index, "count_text"].astype(str).tolist(), model), dtype=np.int64
        )
        factor = stats.token_factor(model) if stats.token_factor and model else 1
        if factor != 1:
            counts = np.array([int(round(c * factor)) for c in counts], dtype=np.int64)
        counted.loc[index] = counts
        if not tok.encoding_name_for(model)[1]:
            stats.approximate_models[model or "(no model)"] += len(index)
    df.loc[need, "input_tokens"] = counted
    stats.counted_inputs += int(need.sum())
    return df


def finish_frame(df: pd.DataFrame, stats: IngestStats, id_hashes=None) -> pd.DataFrame:
    """Drop duplicate ids (counted, and a copy whose usage matches no earlier copy of its id counted apart, to
    warn: a log may reuse ids, whichever of a reader's paths reads it) and records outside --since/--until
    (skipped with that reason). `id_hashes`: the ids already hashed by an engine query (an Arrow column, null
    where a row has no id), so they are not hashed again here."""
    keep = stats.drop_duplicates(df, id_hashes)
    if stats.since is not None or stats.until is not None:
        stamps = df["timestamp"]
        dated = stamps.notna().to_numpy()
        inside = dated.copy()
        if stats.since is not None:
            inside &= (stamps >= pd.Timestamp(stats.since)).to_numpy()
        if stats.until is not None:
            inside &= (stamps < pd.Timestamp(stats.until)).to_numpy()
        for reason, skipped in ((OUTSIDE_WINDOW, keep & dated & ~inside), (NO_DAY_FOR_WINDOW, keep & ~dated)):
            if skipped.any():
                stats.skipped[reason] += int(skipped.sum())
        keep &= inside
    return df if keep.all() else df[keep]
