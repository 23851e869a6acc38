"""The usage frame's normalizing: every column in its dtype, missing ones filled with their defaults, and
a column that can hold a missing value filled whatever its dtype (nullable and Arrow integers too)."""

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from costsim.frame import COLUMNS, normalize_columns


@pytest.mark.parametrize("dtype", ["float64", "Int64", pd.ArrowDtype(pa.int64()), "object"])
def test_counts_with_missing_values_are_filled_in_any_dtype(dtype):
    index = pd.RangeIndex(3)
    counts = pd.Series([5, None, 7], index=index, dtype=dtype)
    requests = pd.Series([2, None, 1], index=index, dtype=dtype)
    stamps = pd.Series(pd.to_datetime(["2026-05-14T10:00:00Z"] * 3, utc=True), index=index)
    frame = normalize_columns({"input_tokens": counts, "requests": requests, "timestamp": stamps}, index)
    assert frame["input_tokens"].tolist() == [5, 0, 7]  # a missing count is none
    assert frame["requests"].tolist() == [2, 1, 1]  # a missing request count is one request
    assert frame["output_tokens"].tolist() == [0, 0, 0]  # an absent column: its default
    assert frame["batch"].tolist() == [False, False, False]
    assert {column: str(frame[column].dtype) for column in COLUMNS} == {
        column: str(pd.api.types.pandas_dtype(want)) for column, want in COLUMNS.items()}


def test_a_column_already_in_its_dtype_is_kept_and_a_missing_batch_is_not_batched():
    index = pd.RangeIndex(2)
    counts = pd.Series(np.array([3, 4], dtype=np.int64), index=index)
    frame = normalize_columns({"input_tokens": counts, "batch": pd.Series([True, None], index=index, dtype=object),
                               "timestamp": pd.Series(pd.to_datetime(["2026-05-14", "2026-05-15"], utc=True))}, index)
    assert frame["input_tokens"].tolist() == [3, 4]
    assert frame["batch"].tolist() == [True, False]
    assert str(frame["timestamp"].dtype) == "datetime64[ns, UTC]"


def test_a_reader_table_fills_missing_counts_by_the_same_rule():
    """`prepare_table` (the record-by-record readers' rows) once filled every missing count with 0 before
    `normalize` filled them: a missing request count became no request instead of one."""
    from costsim.ingest.common import IngestStats
    from costsim.ingest.records import prepare_table

    rows = pd.DataFrame({"model": ["gpt-5-nano"] * 2, "timestamp": ["2026-05-14T10:00:00Z"] * 2,
                         "input_tokens": [5, None], "output_tokens": [1, 2], "requests": [3, None]})
    frame = prepare_table(rows, IngestStats())
    assert frame["requests"].tolist() == [3, 1]  # a missing request count is one request
    assert frame["input_tokens"].tolist() == [5, 0]  # a missing count is none
