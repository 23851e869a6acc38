"""Claude Code block reader: usage counts parsed in one pass per block, mixed cache-write layouts, and
counts too big for int64."""

import json

import pytest

from costsim.ingest.claude_code import _counts, scan_file

HEAD = ('{"parentUuid":"p","sessionId":"s","message":{"id":"%s","type":"message","role":"assistant",'
        '"model":"claude-sonnet-4-5","content":[],"usage":')
TAIL = '},"requestId":"r%s","type":"assistant","uuid":"u%s","timestamp":"2026-05-01T10:00:0%sZ"}'


def _line(n: int, usage: str) -> str:
    return HEAD % f"m{n}" + usage + TAIL % (n, n, n)


def test_mixed_split_and_unsplit_cache_writes(tmp_path):
    split = (
        '{"input_tokens":3,"cache_creation_input_tokens":70,"cache_read_input_tokens":11,'
        '"cache_creation":{"ephemeral_5m_input_tokens":30,"ephemeral_1h_input_tokens":40},"output_tokens":7}'
    )
    plain = '{"input_tokens":5,"cache_creation_input_tokens":90,"cache_read_input_tokens":13,"output_tokens":9}'
    path = tmp_path / "projects" / "p" / "s.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text(_line(1, split) + "\n" + _line(2, plain) + "\n")
    table = scan_file(str(path), "s.jsonl", strict=False)["table"]
    assert table["line"].tolist() == [1, 2]
    assert table["input_tokens"].tolist() == [3, 5]
    assert table["cache_read_tokens"].tolist() == [11, 13]
    assert table["cache_write_5m_tokens"].tolist() == [30, 90]  # unsplit writes count as 5-minute writes
    assert table["cache_write_1h_tokens"].tolist() == [40, 0]
    assert table["output_tokens"].tolist() == [7, 9]


def test_counts_parse_columns_and_refuse_overflow():
    assert _counts([b"1", b"20"], [b"300", b"4000"]).tolist() == [[1, 20], [300, 4000]]
    assert _counts([], []).shape == (2, 0)
    with pytest.raises(OverflowError):
        _counts([b"1", str(2**63).encode()])
    assert json.dumps(int(_counts([str(2**62).encode()])[0][0])) == str(2**62)
    assert int(_counts([str(2**63 - 1).encode()])[0][0]) == 2**63 - 1  # the largest int64 is kept, not refused


def test_a_count_too_big_for_int64_is_a_named_bad_line_not_a_crash(tmp_path):
    import json

    from typer.testing import CliRunner

    from costsim.cli.app import app

    folder = tmp_path / "projects" / "p"
    folder.mkdir(parents=True)
    line = {
        "parentUuid": None,
        "type": "assistant",
        "sessionId": "s",
        "timestamp": "2026-06-01T00:00:00.000Z",
        "requestId": "r1",
        "message": {
            "id": "m1",
            "type": "message",
            "role": "assistant",
            "model": "claude-opus-4-7",
            "usage": {"input_tokens": 10**20, "output_tokens": 1},
        },
    }
    (folder / "s.jsonl").write_text(json.dumps(line) + "\n")
    result = CliRunner().invoke(app, ["estimate", str(tmp_path / "projects"), "--log-format", "claude-code"])
    assert result.exit_code == 2
    assert "s.jsonl:1: bad token count: usage.input_tokens" in result.stderr
    assert "internal error" not in result.stderr


@pytest.mark.parametrize("count", [10**12, 10**20])
def test_a_too_big_count_in_claude_codes_own_compact_layout_is_named_too(tmp_path, count):
    """The block reader leaves such a line to the line reader, which must not take it whole either
    (it once did: 10**12 was priced, 10**20 crashed the run)."""
    from typer.testing import CliRunner

    from costsim.cli.app import app

    usage = (
        f'{{"input_tokens":{count},"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}'
    )
    folder = tmp_path / "projects" / "p"
    folder.mkdir(parents=True)
    (folder / "s.jsonl").write_text(_line(1, usage) + "\n")
    result = CliRunner().invoke(app, ["estimate", str(tmp_path / "projects"), "--log-format", "claude-code"])
    assert result.exit_code == 2
    assert "s.jsonl:1: bad token count: usage.input_tokens must be a whole number >= 0" in result.stderr
    assert f"got {count}" in result.stderr
