"""Neutral records as Parquet: the same report as the same records in JSONL, timestamps as text or as a
timestamp column, and a bad record named by its row."""

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from costsim.cli.app import app

LOGS = Path(__file__).resolve().parents[1] / "samples" / "logs"
runner = CliRunner()


def _records() -> list[dict]:
    return [json.loads(line) for line in (LOGS / "neutral.jsonl").read_text().splitlines()]


def _table(records: list[dict]) -> pa.Table:
    """Every field any record has becomes a column (from_pylist would keep only the first record's)."""
    import pandas as pd

    return pa.Table.from_pandas(pd.DataFrame(records).convert_dtypes(), preserve_index=False)


def _report(path: Path) -> dict:
    result = runner.invoke(app, ["estimate", str(path), "--as-of", "2026-05-14", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    data["accounting"].pop("files")
    return {key: data[key] for key in ("tokens", "accounting", "strategies")}


def test_parquet_reports_as_the_same_records_in_jsonl(tmp_path):
    target = tmp_path / "usage.parquet"
    pq.write_table(_table(_records()), target)
    ours = _report(target)
    assert ours == _report(LOGS / "neutral.jsonl")
    assert (ours["accounting"]["records_read"], ours["accounting"]["priced"]) == (4, 3)
    assert ours["tokens"]["input"] == 1200 + 2000 + 500


def test_a_timestamp_column_and_narrow_integers_read_alike(tmp_path):
    from datetime import datetime, timezone

    records = _records()
    for record in records:
        record["timestamp"] = datetime.fromisoformat(record["timestamp"].replace("Z", "+00:00")).astimezone(
            timezone.utc
        )
    table = _table(records)
    table = table.set_column(
        table.schema.get_field_index("input_tokens"), "input_tokens", table.column("input_tokens").cast(pa.int32())
    )
    target = tmp_path / "typed.parquet"
    pq.write_table(table, target)
    assert _report(target) == _report(LOGS / "neutral.jsonl")


def test_a_bad_record_is_named_by_its_row(tmp_path):
    records = _records()
    records[2]["output_tokens"] = -5
    target = tmp_path / "bad.parquet"
    pq.write_table(_table(records), target)
    result = runner.invoke(app, ["estimate", str(target), "--as-of", "2026-05-14", "--format", "json"])
    assert f"{target}:3: bad token count: output_tokens must be a whole number >= 0" in result.stderr
    data = json.loads(result.stdout)
    assert data["accounting"]["records_read"] == 4
    assert data["accounting"]["skipped"] == {"bad token count": 1}


@pytest.mark.parametrize("kind", [pa.timestamp("us", tz="UTC"), pa.timestamp("ms"), pa.date32()])
def test_a_bad_record_beside_a_timestamp_column_leaves_the_others_priced(tmp_path, kind):
    """A batch with a bad record is read record by record, where a typed column's values are datetimes (or
    dates): each was once named "bad timestamp", so the whole batch was skipped."""
    from datetime import date, datetime

    records = _records()
    for record in records:
        day = date.fromisoformat(record["timestamp"][:10])
        record["timestamp"] = day if kind == pa.date32() else datetime(day.year, day.month, day.day, 10)
    records[2]["output_tokens"] = -5
    table = _table(records)
    table = table.set_column(table.schema.get_field_index("timestamp"), "timestamp",
                             pa.array([r["timestamp"] for r in records], type=kind))
    target = tmp_path / "typed-bad.parquet"
    pq.write_table(table, target)
    result = runner.invoke(app, ["estimate", str(target), "--as-of", "2026-05-14", "--format", "json"])
    assert result.exit_code == 2 and "bad timestamp" not in result.stderr, result.stderr
    data = json.loads(result.stdout)
    assert data["accounting"]["skipped"] == {"bad token count": 1}
    assert data["accounting"]["priced"] == 4 - 1  # the sample's four records less the bad one (a copy of r2's id)


def test_a_date_a_report_cannot_hold_is_named_not_an_internal_error(tmp_path):
    """The year 1 in a timestamp column, and "-1" in JSONL (pandas reads it as the year -1), overflowed
    the frame's nanoseconds on the fast paths: now the record path names the row."""
    from datetime import datetime

    records = _records()[:2]
    table = _table(records)
    table = table.set_column(table.schema.get_field_index("timestamp"), "timestamp",
                             pa.array([datetime(1, 1, 1), datetime(2026, 5, 1, 10)], type=pa.timestamp("us")))
    target = tmp_path / "year-one.parquet"
    pq.write_table(table, target)
    jsonl = tmp_path / "minus-one.jsonl"
    jsonl.write_text("\n".join(json.dumps({**r, "timestamp": "-1" if i == 0 else r["timestamp"]})
                               for i, r in enumerate(records)) + "\n")
    for path in (target, jsonl):
        result = runner.invoke(app, ["estimate", str(path), "--as-of", "2026-05-14", "--format", "json"])
        assert result.exit_code == 2 and f"{path}:1: bad timestamp" in result.stderr, result.stderr
        assert json.loads(result.stdout)["accounting"]["priced"] == 1


def test_a_file_that_only_looks_like_parquet_is_a_named_error(tmp_path):
    target = tmp_path / "broken.parquet"
    target.write_bytes(b"PAR1 and then nothing")
    result = runner.invoke(app, ["estimate", str(target)])
    assert result.exit_code == 2
    assert f"{target}: cannot read as Parquet" in result.stderr


@pytest.mark.parametrize("kind", [pa.timestamp("s"), pa.timestamp("ms"), pa.timestamp("us", tz="Europe/Paris"),
                                  pa.timestamp("ns"), pa.timestamp("ns", tz="+05:30")])
def test_a_timestamp_column_reads_as_its_iso_text_would(tmp_path, kind):
    """A typed column is taken as UTC instants, not printed and parsed again: the same frame, to the
    instant and the resolution, as the same column written as ISO text (naive times are UTC)."""
    from datetime import datetime

    from costsim.ingest import arrow_jsonl
    from costsim.ingest.common import IngestStats
    from costsim.ingest.neutral import read_parquet

    stamps = pa.array([datetime(2026, 5, 1, 10, 0, 0, 123000), datetime(2026, 5, 2, 23, 59, 59)],
                      pa.timestamp("us")).cast(pa.timestamp(kind.unit), safe=False)
    if kind.tz:
        stamps = pc.assume_timezone(stamps, kind.tz)
    base = pa.table({"model": ["gpt-4o", "gpt-4o-mini"], "input_tokens": [10, 20], "output_tokens": [1, 2]})
    frames = []
    for i, column in enumerate((stamps, stamps.cast(pa.string()))):
        target = tmp_path / f"{i}.parquet"
        pq.write_table(base.append_column("timestamp", column), target)
        frames.append(pd.concat(read_parquet(str(target), IngestStats()), ignore_index=True).drop(columns="source"))
    pd.testing.assert_frame_equal(frames[0], frames[1], check_exact=True)
    assert pa.types.is_timestamp(arrow_jsonl.conform(pq.read_table(tmp_path / "0.parquet")).column("timestamp").type)
    assert frames[0]["timestamp"].iloc[0] == pd.Timestamp("2026-05-01 10:00:00.123", tz="UTC") - (
        pd.Timedelta(hours=2) if kind.tz == "Europe/Paris" else pd.Timedelta(hours=5, minutes=30) if kind.tz else
        pd.Timedelta(0)) - (pd.Timedelta(milliseconds=123) if kind.unit == "s" else pd.Timedelta(0))


def test_generated_records_report_alike_as_parquet_and_as_jsonl(tmp_path):
    """Property: any records, good or bad (counts out of range or missing, dates no frame holds, empty
    models, repeated ids), priced from a Parquet file with typed columns as from the same records in JSONL:
    the same tokens, accounting and strategies. (Each path's messages differ only in how a datetime prints.)"""
    import os
    from datetime import datetime, timezone

    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    record = st.fixed_dictionaries({
        "id": st.sampled_from(["r1", "r2", "r3", "r4"]),
        "timestamp": st.one_of(
            st.datetimes(min_value=datetime(2026, 4, 1), max_value=datetime(2026, 5, 20)),
            st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 1, 1))),  # 1678-2261 only
        "model": st.sampled_from(["gpt-5-nano", "claude-sonnet-4-5", "no-such-model", ""]),
        "input_tokens": st.one_of(st.integers(0, 10**6), st.integers(-(10**13), 10**13)),
        "output_tokens": st.integers(0, 10**6),
        "cache_read_tokens": st.one_of(st.none(), st.integers(0, 10**6)),
    })

    @settings(max_examples=int(os.environ.get("COSTSIM_PROPERTY_EXAMPLES", "15")), deadline=None,
              derandomize=True, suppress_health_check=list(HealthCheck),
              phases=[Phase.explicit, Phase.reuse, Phase.generate])  # two runs an example: shrinking took 5 min
    @given(st.lists(record, min_size=1, max_size=25))
    def check(records):
        stamps = [r["timestamp"].replace(tzinfo=timezone.utc) for r in records]
        table = pa.table({
            "id": [r["id"] for r in records],
            "timestamp": pa.array(stamps, type=pa.timestamp("us", tz="UTC")),
            "model": [r["model"] for r in records],
            **{key: pa.array([r[key] for r in records], type=pa.int64())
               for key in ("input_tokens", "output_tokens", "cache_read_tokens")},
        })
        parquet, jsonl = tmp_path / "gen.parquet", tmp_path / "gen.jsonl"
        pq.write_table(table, parquet)
        jsonl.write_text("".join(json.dumps({**r, "timestamp": s.isoformat()}) + "\n" for r, s in zip(records, stamps)))
        outcomes = []
        for path in (parquet, jsonl):
            result = runner.invoke(app, ["estimate", str(path), "--as-of", "2026-05-14", "--format", "json"])
            assert result.exit_code in (0, 2) and "internal error" not in result.stderr, result.stderr
            data = json.loads(result.stdout) if result.stdout.strip() else {}
            data.get("accounting", {}).pop("files", None)
            outcomes.append((result.exit_code, {key: data.get(key) for key in ("tokens", "accounting", "strategies")}))
        assert outcomes[0] == outcomes[1]

    check()
