"""A LiteLLM proxy's PostgreSQL read by a real server the tests start themselves (tests/pg_server.py).

The rows have the shape LiteLLM's schema.prisma gives `LiteLLM_SpendLogs` (jsonb `metadata`,
`messages`, `proxy_server_request`; `"startTime"` a timestamp without zone, in UTC), and the same rows
written as the proxy's JSON export must read to the same report.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pg_server
import pytest

psycopg = pytest.importorskip("psycopg", reason="psycopg not installed: pip install 'costsim[postgres]'")
from psycopg.types.json import Jsonb  # noqa: E402

# The table as Prisma creates it from LiteLLM's schema.prisma (model LiteLLM_SpendLogs): String → TEXT,
# Int → INTEGER, Float → DOUBLE PRECISION, DateTime → TIMESTAMP(3), Json → JSONB.
SPEND_LOGS_DDL = """
CREATE TABLE {table} (
    "request_id" TEXT NOT NULL,
    "call_type" TEXT NOT NULL,
    "api_key" TEXT NOT NULL DEFAULT '',
    "spend" DOUBLE PRECISION NOT NULL DEFAULT 0.0,
    "total_tokens" INTEGER NOT NULL DEFAULT 0,
    "prompt_tokens" INTEGER NOT NULL DEFAULT 0,
    "completion_tokens" INTEGER NOT NULL DEFAULT 0,
    "startTime" TIMESTAMP(3) NOT NULL,
    "endTime" TIMESTAMP(3) NOT NULL,
    "request_duration_ms" INTEGER,
    "completionStartTime" TIMESTAMP(3),
    "model" TEXT NOT NULL DEFAULT '',
    "model_id" TEXT DEFAULT '',
    "model_group" TEXT DEFAULT '',
    "custom_llm_provider" TEXT DEFAULT '',
    "api_base" TEXT DEFAULT '',
    "user" TEXT DEFAULT '',
    "metadata" JSONB DEFAULT '{{}}',
    "cache_hit" TEXT DEFAULT '',
    "cache_key" TEXT DEFAULT '',
    "request_tags" JSONB DEFAULT '[]',
    "team_id" TEXT,
    "organization_id" TEXT,
    "end_user" TEXT,
    "requester_ip_address" TEXT,
    "messages" JSONB DEFAULT '{{}}',
    "response" JSONB DEFAULT '{{}}',
    "session_id" TEXT,
    "status" TEXT,
    "mcp_namespaced_tool_name" TEXT,
    "agent_id" TEXT,
    "proxy_server_request" JSONB DEFAULT '{{}}',
    CONSTRAINT "LiteLLM_SpendLogs_pkey" PRIMARY KEY ("request_id")
)"""
JSONB_COLUMNS = {"metadata", "request_tags", "messages", "response", "proxy_server_request"}


def spend_row(request_id: str, start: str, model: str, prompt: int, completion: int, **extra) -> dict:
    """One spend-log row as the proxy's /spend/logs export shows it."""
    row = {
        "request_id": request_id,
        "call_type": "acompletion",
        "api_key": "88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b",
        "spend": 0.0,
        "total_tokens": prompt + completion,
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "startTime": start,
        "endTime": start,
        "model": model,
        "model_group": model,
        "custom_llm_provider": "anthropic" if model.startswith("claude") else "openai",
        "cache_hit": "False",
        "status": "success",
        "metadata": {"user_api_key_team_alias": "shop"},
        "messages": {},
        "response": {},
        "proxy_server_request": {},
        "request_tags": [],
    }
    row.update(extra)
    return row


# metadata as the proxy writes it: the key's identity, hidden params, the usage object and more
KEY_METADATA = {
    "user_api_key": "88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b",
    "user_api_key_alias": "ci-bot",
    "user_api_key_team_id": "team-shop",
    "user_api_key_user_id": "dev-1",
    "user_api_key_team_alias": "shop",
    "spend_logs_metadata": None,
    "requester_ip_address": "10.0.3.7",
    "applied_guardrails": [],
    "mcp_tool_call_metadata": None,
    "vector_store_request_metadata": None,
    "hidden_params": {"litellm_overhead_time_ms": 3.1, "api_base": "https://api.openai.com"},
    "additional_usage_values": {"prompt_tokens_details": None},
    "status": "success",
}
ROWS = [
    spend_row(
        "chatcmpl-a1",
        "2026-05-01T10:00:00Z",
        "gpt-4o-mini",
        1000,
        300,
        metadata={
            **KEY_METADATA,
            "usage_object": {
                "prompt_tokens": 1000,
                "completion_tokens": 300,
                "total_tokens": 1300,
                "prompt_tokens_details": {"cached_tokens": 600, "audio_tokens": 0},
                "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0},
            },
        },
        messages=[
            {"role": "system", "content": "You are a careful code reviewer."},
            {"role": "user", "content": "What does parser.py do?"},
            {"role": "assistant", "content": "It reads the config files."},
            {"role": "user", "content": [{"type": "text", "text": "Add comments to parser.py"}]},
        ],
    ),
    spend_row(
        "chatcmpl-a2",
        "2026-05-02T09:30:00Z",
        "claude-sonnet-4-5",
        5000,
        700,
        metadata={
            **KEY_METADATA,
            "usage_object": {
                "prompt_tokens": 5000,
                "completion_tokens": 700,
                "cache_creation_input_tokens": 1000,
                "cache_read_input_tokens": 3000,
            },
        },
        proxy_server_request={
            "model": "claude-sonnet-4-5",
            "max_tokens": 4096,
            "stream": False,
            "tools": [{"type": "function", "function": {"name": "read_file", "parameters": {}}}],
            "messages": [
                {"role": "system", "content": "You are a senior engineer."},
                {"role": "user", "content": "Design the migration of the billing service to event sourcing"},
            ],
        },
        session_id="sess-7",
    ),
    spend_row("chatcmpl-a3", "2026-05-02T11:00:00Z", "gpt-4o-mini", 1000, 300, cache_hit="True"),
    spend_row("chatcmpl-a4", "2026-05-02T12:00:00Z", "claude-sonnet-4-5", 0, 0, status="failure"),
    spend_row("chatcmpl-a5", "2026-05-03T23:59:59Z", "gpt-4o-mini", 2000, 150),
]
BAD_ROW = spend_row("chatcmpl-bad", "2026-05-01T12:00:00Z", "gpt-4o-mini", -5, 10)


def insert(conn, table: str, rows: list[dict]) -> None:
    for row in rows:
        values = {
            k: Jsonb(v)
            if k in JSONB_COLUMNS
            else datetime.fromisoformat(v.replace("Z", "+00:00")).replace(tzinfo=None)
            if k in ("startTime", "endTime")
            else v
            for k, v in row.items()
        }
        columns = ", ".join(f'"{k}"' for k in values)
        conn.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(values))})", list(values.values())
        )


@pytest.fixture(scope="session")
def pg():
    """A server with databases: `litellm` (ROWS), `broken` (ROWS + a row with negative prompt tokens),
    `prisma` (ROWS in schema `litellm`, as `?schema=litellm` in a Prisma URL names it) and `empty`."""
    server, why = pg_server.start()
    if server is None:
        pytest.skip(f"no PostgreSQL server for these tests: {why}")
    try:
        with psycopg.connect(server.url(), autocommit=True) as admin:
            for database in ("litellm", "broken", "prisma", "empty"):
                admin.execute(f"CREATE DATABASE {database}")
        for database, table, rows in (
            ("litellm", '"LiteLLM_SpendLogs"', ROWS),
            ("broken", '"LiteLLM_SpendLogs"', [*ROWS, BAD_ROW]),
            ("prisma", 'litellm."LiteLLM_SpendLogs"', ROWS),
        ):
            with psycopg.connect(server.url(database)) as conn:
                if table.startswith("litellm."):
                    conn.execute("CREATE SCHEMA litellm")
                conn.execute(SPEND_LOGS_DDL.format(table=table))
                insert(conn, table, rows)
        yield server
    finally:
        server.stop()


@pytest.fixture
def export(tmp_path) -> Path:
    """The same rows as the proxy's JSON export (one object a line)."""
    path = tmp_path / "spend-logs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    return path


def estimate(cli, *args: str):
    return cli("estimate", *args, "--as-of", "2026-05-14", "--format", "json")


def report(cli, *args: str) -> dict:
    result = estimate(cli, *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_database_reads_to_the_totals_of_the_json_export(pg, cli, export):
    from_db, from_file = report(cli, pg.url("litellm")), report(cli, str(export))
    assert from_db["tokens"] == from_file["tokens"]
    assert from_db["tokens"]["input"] == (1000 - 600) + (5000 - 3000 - 1000) + 2000
    assert from_db["tokens"]["cache_read"] == 600 + 3000
    assert from_db["tokens"]["cache_write_5m"] == 1000
    assert from_db["tokens"]["output"] == 300 + 700 + 150
    for key in ("records_read", "priced", "skipped", "duplicates"):
        assert from_db["accounting"][key] == from_file["accounting"][key]
    assert from_db["accounting"]["skipped"] == {
        "LiteLLM cache hit (no provider call)": 1,
        "failed call (status failure)": 1,
    }
    costs = {s["key"]: s["cost_usd"] for s in from_file["strategies"]}
    assert {s["key"]: s["cost_usd"] for s in from_db["strategies"]} == costs
    # as logged: gpt-4o-mini $0.15 input, $0.075 cache read, $0.60 output;
    # claude-sonnet-4-5 $3, $0.30, $3.75 5m write, $15
    assert (
        Decimal(costs["as_logged"])
        == (
            Decimal(400) * Decimal("0.15")
            + Decimal(600) * Decimal("0.075")
            + Decimal(300) * Decimal("0.6")
            + Decimal(2000) * Decimal("0.15")
            + Decimal(150) * Decimal("0.6")
            + Decimal(1000) * 3
            + Decimal(3000) * Decimal("0.3")
            + Decimal(1000) * Decimal("3.75")
            + Decimal(700) * 15
        )
        / 10**6
    )


def test_the_password_is_never_shown(pg, cli):
    result = estimate(cli, pg.url("litellm"))
    assert pg_server.PASSWORD not in result.stdout + result.stderr
    files = json.loads(result.stdout)["accounting"]["files"]
    assert files == [f"postgresql://{pg_server.SUPERUSER}:***@127.0.0.1:{pg.port}/litellm"]


def test_since_and_until_are_pushed_into_the_query(pg, cli, export):
    window = ("--since", "2026-05-02", "--until", "2026-05-02")
    from_db, from_file = report(cli, pg.url("litellm"), *window), report(cli, str(export), *window)
    assert from_db["accounting"]["records_read"] == 3  # only a2, a3, a4 leave the server
    assert "outside --since/--until" not in from_db["accounting"]["skipped"]
    assert from_file["accounting"]["skipped"]["outside --since/--until"] == 2  # the file reader reads all five
    assert from_db["tokens"] == from_file["tokens"]
    assert from_db["tokens"]["input"] == 5000 - 3000 - 1000


def test_password_from_pgpassword(pg, cli, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", pg_server.PASSWORD)
    assert report(cli, pg.url("litellm", password=None))["accounting"]["priced"] == 3


def test_password_from_pgpass(pg, cli, monkeypatch, tmp_path):
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{pg.port}:*:{pg_server.SUPERUSER}:{pg_server.PASSWORD}\n")
    pgpass.chmod(0o600)  # libpq ignores a password file others can read
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert report(cli, pg.url("litellm", password=None))["accounting"]["priced"] == 3


def test_wrong_password_is_one_line_and_hidden(pg, cli, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    result = estimate(cli, pg.url("litellm", password="Wrong-Guess-42"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output
    assert "password authentication failed" in result.stderr
    assert "Wrong-Guess-42" not in result.stderr and ":***@127.0.0.1" in result.stderr


def test_refused_connection_is_one_line(cli):
    port = pg_server.free_port()  # nothing listens there
    result = estimate(cli, f"postgresql://someone:pw@127.0.0.1:{port}/litellm")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: postgresql://someone:***@127.0.0.1:{port}/litellm: cannot connect")
    assert result.stderr.count("\n") == 1 and ":pw@" not in result.stderr


def test_missing_table_is_one_line(pg, cli):
    result = estimate(cli, pg.url("empty"))
    assert result.exit_code == 2
    assert 'no table "LiteLLM_SpendLogs"' in result.stderr and result.stderr.count("\n") == 1


def test_a_row_that_breaks_the_schema_is_skipped_and_counted(pg, cli):
    result = estimate(cli, pg.url("broken"))
    assert result.exit_code == 2  # like a malformed line: the report is drawn, the run fails
    data = json.loads(result.stdout)
    assert data["accounting"]["priced"] == 3
    assert data["accounting"]["skipped"]["bad token count"] == 1
    assert "chatcmpl-bad" in result.stderr and pg_server.PASSWORD not in result.stderr
    strict = estimate(cli, pg.url("broken"), "--strict")
    assert strict.exit_code == 2 and "bad token count" in strict.stderr


def test_prisma_url_with_a_schema(pg, cli):
    data = report(cli, pg.url("prisma") + "?schema=litellm&connection_limit=5")
    assert data["accounting"]["priced"] == 3
    assert data["tokens"]["output"] == 300 + 700 + 150


def test_streams_from_a_server_side_cursor_in_a_read_only_transaction(pg, monkeypatch):
    from costsim.ingest import postgres
    from costsim.ingest.common import IngestStats

    connections = []
    connect = psycopg.connect
    monkeypatch.setattr(psycopg, "connect", lambda *a, **k: connections.append(connect(*a, **k)) or connections[-1])
    monkeypatch.setattr(postgres, "CHUNK_RECORDS", 1)
    monkeypatch.setattr(postgres, "FETCH_ROWS", 1)
    chunks = postgres.read_spend_logs(pg.url("litellm"), IngestStats())
    first = next(chunks)
    assert first["id"].tolist() == ["chatcmpl-a1"]  # oldest first
    conn = connections[0]
    assert conn.execute("SHOW transaction_read_only").fetchone()[0] == "on"
    assert [r[0] for r in conn.execute("SELECT name FROM pg_cursors")] == ["costsim_spend_logs"]
    assert sum(len(c) for c in chunks) == 2  # a2 and a5; a3 and a4 are skipped
    assert conn.closed


def test_without_psycopg_says_what_to_install(cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now raises ImportError
    result = estimate(cli, "postgresql://someone@127.0.0.1/litellm")
    assert result.exit_code == 2
    assert "pip install 'costsim[postgres]'" in result.stderr and result.stderr.count("\n") == 1


def test_a_database_url_with_another_log_format_is_refused(cli):
    result = estimate(cli, "postgresql://someone@127.0.0.1/litellm", "--log-format", "openai-chat")
    assert result.exit_code == 2 and "postgresql://" in result.stderr


def test_one_mapping_reads_the_prompt_the_proxy_kept_in_its_request():
    from costsim.ingest.proxies import litellm_row

    assert litellm_row(ROWS[0], "x")["prompt"] == "Add comments to parser.py"  # `messages`, when stored
    assert litellm_row(ROWS[1], "x")["prompt"].startswith("Design the migration")  # else the request body
    assert "prompt" not in litellm_row(ROWS[4], "x")


def test_a_malformed_url_is_one_line_without_its_password(cli):
    result = estimate(cli, "postgresql://someone:Hidden-9@127.0.0.1:99999999/litellm")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: postgresql://someone:***@127.0.0.1:99999999/litellm: "
        "not a valid PostgreSQL URL (Port out of range 0-65535)\n"
    )
