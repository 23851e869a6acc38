"""The usage frame: one row per billable call (or per `requests` identical calls), integer token counts.

Every reader and every scenario produces this shape, and everything after ingest reads only it.
Token columns hold the row's totals; `requests` is how many identical calls the row stands for
(1 for a log line, N for a scenario tier), so sums stay exact integers either way.

The column names are what most of costsim imports this module for (the price tables, the CLI), so
pandas is imported by the functions that build frames, not when the names are read.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

RATE_KINDS = ("input", "output", "cache_read", "cache_write_5m", "cache_write_1h")
TOKEN_COLUMNS = tuple(f"{kind}_tokens" for kind in RATE_KINDS)
PROMPT_COLUMNS = ("input_tokens", "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens")
CALL_KINDS = ("web_search", "web_fetch")  # server-side tool calls billed per call, not per token
CALL_COLUMNS = tuple(f"{kind}_calls" for kind in CALL_KINDS)
INT_COLUMNS = ("requests", *TOKEN_COLUMNS, "reasoning_tokens", *CALL_COLUMNS)
REQUEST_COUNTS = (*PROMPT_COLUMNS, "output_tokens", *CALL_COLUMNS)  # as Claude Code's readers keep a request's

# column -> dtype; absent optional columns are filled with these defaults by `normalize`
COLUMNS: dict[str, str] = {
    "id": "string",
    "timestamp": "datetime64[ns, UTC]",
    "model": "string",           # as logged; <NA> for scenarios and logs without a model
    "requests": "int64",
    **{c: "int64" for c in TOKEN_COLUMNS},
    "reasoning_tokens": "int64",  # informational: already inside output_tokens
    **{c: "int64" for c in CALL_COLUMNS},  # server tool calls (web search, web fetch), priced per call
    "tier": "Int64",             # logged tier, or <NA> until classified
    "prompt": "string",
    "session": "string",
    "project": "string",
    "batch": "bool",
    "service_tier": "string",    # provider service tier as logged (OpenAI flex/priority); <NA> = list price
    "output_estimated": "bool",  # output_tokens borrowed from the tier's profile (the log had none)
    "latency_ms": "Float64",
    "source": "string",          # file:line
    "billed_usd": "string",      # the provider's own charge for the request as logged (exact decimal text), if any
}


EARLIEST = datetime(1678, 1, 1, tzinfo=timezone.utc)  # the span a usage frame's timestamps can hold (ns since 1970)
LATEST = datetime(2262, 1, 1, tzinfo=timezone.utc)
DAYS = f"costsim handles dates from {EARLIEST.date()} to {LATEST.date() - timedelta(days=1)}"
MAX_TOKENS_TOTAL = 10**18  # the most tokens a plan (or a classifier's calls on it) may come to: int64 columns, with
# room for sums of several


SUBAGENT_FILE = r"[\\/]subagents[\\/]"  # Claude Code: <session>/subagents/agent-*.jsonl, a conversation of its own
# A chunk's `attrs` key: True when no later chunk of the run holds rows of a conversation of this chunk or
# an earlier one (a session's main file, a subagent's file), so the rows held so far can be priced now
CLOSES_CONVERSATIONS = "closes_conversations"


def day_in_span(day: date) -> bool:
    """Whether a day (an option's, a price period's) lies in the span a usage frame's timestamps can hold."""
    return EARLIEST.date() <= day < LATEST.date()


def held_stamps(stamps: pd.Series) -> pd.Series | None:
    """Timestamps (ISO 8601 text, or instants) as UTC instants, when every one is a date a frame holds;
    None when any is not (no date, or outside EARLIEST..LATEST: pandas reads "-1" as the year -1), for a
    reader's record-by-record path to name."""
    import pandas as pd

    if not isinstance(stamps.dtype, pd.DatetimeTZDtype):
        stamps = pd.to_datetime(stamps, utc=True, format="ISO8601", errors="coerce")
    if stamps.isna().any() or (stamps < EARLIEST).any() or (stamps >= LATEST).any():
        return None
    return stamps


def normalize(df: pd.DataFrame) -> pd.DataFrame:
    """Add missing optional columns with their defaults and cast every column to its dtype."""
    return normalize_columns(dict(df.items()), df.index)


def normalize_columns(columns: Mapping[str, pd.Series], index: pd.Index) -> pd.DataFrame:
    """`normalize` for columns not yet in a frame (each a Series on `index`, as a reader's Arrow columns
    come): the frame is built once, in its dtypes, not once as read and again normalized. A column already
    in its dtype is kept as it is (a chunk's columns mostly are: half the time of casting each again)."""
    import numpy as np
    import pandas as pd

    out = {}
    n = len(index)
    for column, dtype in _dtypes().items():
        if column in columns:
            values = columns[column]
            if column in INT_COLUMNS and not holds_no_na(values):
                values = values.fillna(1 if column == "requests" else 0)
        elif column in INT_COLUMNS:
            values = pd.Series(np.full(n, 1 if column == "requests" else 0, dtype=np.int64), index=index, copy=False)
        elif column in ("batch", "output_estimated"):
            values = pd.Series(np.zeros(n, dtype=bool), index=index, copy=False)
        elif dtype.kind != "M":
            values = pd.Series(pd.NA, index=index, dtype=dtype)  # all missing, built in its dtype at once
        else:
            values = pd.Series([pd.NA] * n, index=index, dtype="object")
        if column == "batch" and values.dtype != dtype:  # a record without `batch` next to one with it is not
            values = values.astype("boolean").fillna(False)  # batched (NaN is truthy)
        if values.dtype == dtype:
            out[column] = values
        elif dtype.kind == "M":  # in nanoseconds whatever unit the reader gave (s, us): frames of two readers
            out[column] = pd.to_datetime(values, utc=True).astype(dtype)  # join without becoming objects
        else:
            out[column] = values.astype(dtype)
    return pd.DataFrame(out, index=index, copy=False)  # no copy of the integer columns into one block


def holds_no_na(values: pd.Series) -> bool:
    """Whether a column cannot hold a missing value: a plain numpy integer or boolean one (a nullable Int64
    or Arrow integer column can)."""
    import numpy as np

    return isinstance(values.dtype, np.dtype) and values.dtype.kind in "iub"


@functools.cache
def _dtypes() -> dict:
    """COLUMNS' dtypes as pandas dtype objects, made once (a dtype's name is looked up in pandas' registry of
    extension types each time it is given as text)."""
    import pandas as pd

    return {column: pd.api.types.pandas_dtype(dtype) for column, dtype in COLUMNS.items()}


def prompt_tokens_per_request(df: pd.DataFrame) -> pd.Series:
    """Whole prompt of one request (uncached + cache read + cache writes): what long-context thresholds see."""
    import pandas as pd

    totals = df[list(PROMPT_COLUMNS)].to_numpy(dtype="int64").sum(axis=1)
    return pd.Series(totals // df["requests"].to_numpy(dtype="int64"), index=df.index)
