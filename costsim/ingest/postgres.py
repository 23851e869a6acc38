"""A LiteLLM proxy's own database: `costsim estimate postgresql://USER[:PASS]@HOST[:PORT]/DB`.

Reads the table the proxy writes every request to, `"LiteLLM_SpendLogs"` (its Prisma schema: text and
integer columns, `metadata` / `messages` / `proxy_server_request` as jsonb, `"startTime"` a timestamp
in UTC), through psycopg 3 — the optional extra `costsim[postgres]`. The rows stream through a
server-side cursor inside a read-only transaction, oldest first, and --since/--until become the
query's WHERE clause, so a month of a busy proxy is never held in memory or read in vain. The server
hands each row over as one JSON object shaped like a record of the proxy's JSON export (its jsonb
trimmed to what is read), and `proxies.litellm_row` maps it: the same mapping, the same meaning.

The password may come from the URL, PGPASSWORD or ~/.pgpass (libpq reads them); it is never shown:
every name, error and report says `postgresql://user:***@host/db`. A refused connection, a wrong
password or a missing table is one line and exit 2; a row that breaks the schema is skipped and
counted, like a bad line of a file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pandas as pd

from costsim.errors import InputError
from costsim.ingest.common import CHUNK_RECORDS, IngestStats, redacted_url
from costsim.ingest.proxies import litellm_row
from costsim.ingest.records import Skip, finish_rows

TABLE = "LiteLLM_SpendLogs"
# What the mapping reads; columns a proxy's older schema lacks are left out of the query.
COLUMNS = ("request_id", "startTime", "model", "model_group", "prompt_tokens", "completion_tokens", "spend",
           "cache_hit", "status", "metadata", "messages", "proxy_server_request", "session_id")
REQUIRED = ("request_id", "startTime", "model", "prompt_tokens", "completion_tokens")
FETCH_ROWS = 5_000  # rows per round trip of the server-side cursor


def _user_turns(value: str) -> str:
    """SQL: the user turns of a jsonb message list (any other value as it is)."""
    return (f"CASE WHEN jsonb_typeof({value}) = 'array' "
            f"THEN jsonb_path_query_array({value}, '$[*] ? (@.role == \"user\")') ELSE {value} END")


# Only what litellm_row reads of each jsonb column leaves the server (metadata runs to kilobytes, a
# stored conversation to megabytes): usage and team alias, and the user turns of the messages.
# Other shapes (a JSON string, say) come whole, for litellm_row to judge as it judges the export.
REQUEST_MESSAGES, REQUEST_INPUT = "{0}->'messages'", "{0}->'input'"
TRIMMED = {  # column -> SQL, {0} standing for the column
    "metadata": "CASE WHEN jsonb_typeof({0}) = 'object' THEN jsonb_build_object('usage_object', {0}->'usage_object', "
                "'user_api_key_team_alias', {0}->'user_api_key_team_alias') ELSE {0} END",
    "messages": _user_turns("{0}"),
    "proxy_server_request": f"CASE WHEN jsonb_typeof({{0}}) = 'object' THEN jsonb_build_object("
                            f"'messages', {_user_turns(REQUEST_MESSAGES)}, 'input', {_user_turns(REQUEST_INPUT)}) "
                            "ELSE {0} END",
}
# Parameters Prisma's DATABASE_URL may carry that libpq does not know; `schema` names the table's schema.
PRISMA_ONLY = {"schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout"}
INSTALL_HINT = "reading a PostgreSQL database needs psycopg: pip install 'costsim[postgres]'"


def read_spend_logs(url: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    """Usage-frame chunks from the spend-log rows of the database at `url`."""
    psycopg = _driver()
    name = stats.display(url)
    conninfo, schema = _conninfo(url)
    try:
        conn = psycopg.connect(conninfo, application_name="costsim", connect_timeout=10)
    except psycopg.Error as exc:
        raise InputError(f"cannot connect: {_first_line(exc, url)}", path=name) from None
    try:
        conn.read_only = True  # every statement below runs in one read-only transaction
        conn.execute("SET TIME ZONE 'UTC'")
        query, params = _query(_columns(conn, schema, name), schema, stats)
        with conn.cursor(name="costsim_spend_logs") as cursor:
            cursor.itersize = FETCH_ROWS
            cursor.execute(query, params)
            yield from _chunks((json.loads(text) for text, in cursor), name, stats)
    except psycopg.Error as exc:
        raise InputError(f"reading {TABLE} failed: {_first_line(exc, url)}", path=name) from None
    finally:
        conn.close()


def _chunks(records, name: str, stats: IngestStats) -> Iterator[pd.DataFrame]:
    """Rows (dicts) → usage-frame chunks through the spend-log mapping; each row counted, a bad one skipped."""
    rows: list[dict] = []
    for number, record in enumerate(records, start=1):
        stats.records_read += 1
        try:
            rows.append(litellm_row(record, f"{name}:{number}"))
        except Skip as skip:
            where = f"request_id {record.get('request_id')!r}"
            stats.skip(skip.reason, f"{skip.detail} ({where})" if skip.detail else where,
                       path=name, line=number, malformed=skip.malformed)
            continue
        stats.no_prompt_text += "prompt" not in rows[-1]
        if len(rows) >= CHUNK_RECORDS:
            yield finish_rows(rows, stats)
            rows = []
    if rows:
        yield finish_rows(rows, stats)


def _driver():
    try:
        import psycopg
    except ImportError:
        raise InputError(INSTALL_HINT) from None
    return psycopg


def _conninfo(url: str) -> tuple[str, str | None]:
    """The URL libpq reads (Prisma-only parameters removed) and the schema `?schema=` names, if any."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- parsing the port is what raises on a bad one
    except ValueError as exc:
        raise InputError(f"not a valid PostgreSQL URL ({exc})", path=redacted_url(url)) from None
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((value for key, value in query if key == "schema"), None)
    kept = [(key, value) for key, value in query if key not in PRISMA_ONLY]
    scheme = "postgresql" if parts.scheme.lower() in ("postgresql", "postgres") else parts.scheme
    return urlunsplit((scheme, parts.netloc, parts.path, urlencode(kept), parts.fragment)), schema or None


def _columns(conn, schema: str | None, name: str) -> list[str]:
    """The wanted columns the table has; a missing table or required column is an error."""
    found = conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s AND table_schema = "
        + ("%s" if schema else "ANY (current_schemas(false))"), (TABLE, schema) if schema else (TABLE,)).fetchall()
    have = {row[0] for row in found}
    if not have:
        where = f"schema {schema!r}" if schema else "this database's search path"
        raise InputError(f'no table "{TABLE}" in {where} (is this the LiteLLM proxy\'s DATABASE_URL? '
                         "or no rights to read it)", path=name)
    missing = [c for c in REQUIRED if c not in have]
    if missing:
        raise InputError(f'table "{TABLE}" has no column "{missing[0]}": not a LiteLLM spend-log table', path=name)
    return [c for c in COLUMNS if c in have]


def _query(columns: list[str], schema: str | None, stats: IngestStats):
    """SELECT the columns, oldest first, with --since/--until as the WHERE clause."""
    from psycopg import sql

    table = sql.Identifier(schema, TABLE) if schema else sql.Identifier(TABLE)
    where, params = [], {}
    if stats.since is not None:
        where.append(sql.SQL('"startTime" >= %(since)s'))
        params["since"] = stats.since
    if stats.until is not None:
        where.append(sql.SQL('"startTime" < %(until)s'))
        params["until"] = stats.until
    query = sql.SQL("SELECT json_build_object({})::text FROM {}{} ORDER BY \"startTime\", request_id").format(
        sql.SQL(", ").join(_select(c, sql) for c in columns), table,
        sql.SQL(" WHERE ") + sql.SQL(" AND ").join(where) if where else sql.SQL(""))
    return query, params


def _select(column: str, sql):
    """A column's key and value in the row's JSON object: as it is, or trimmed to what the mapping reads."""
    return sql.Literal(column) + sql.SQL(", ") + sql.SQL(TRIMMED.get(column, "{0}")).format(sql.Identifier(column))


def _first_line(exc: Exception, url: str) -> str:
    """The driver's message, one line, with any password in it hidden."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    try:
        password = urlsplit(url).password
    except ValueError:
        password = None
    return text.replace(password, "***") if password else text


__all__ = ["read_spend_logs", "redacted_url"]
