"""Time `costsim estimate` on the sources that need no export, against the same requests as a file.

    python benchmarks/bench_sources.py postgres --records 200000 [--runs 3]
    python benchmarks/bench_sources.py otel --records 100000 [--runs 3]

postgres: spend-log rows shaped like a LiteLLM proxy's (tests/test_postgres.py's rows: metadata with
the key's identity and the usage object, half with a stored conversation) in a throwaway PostgreSQL
server (tests/pg_server.py: initdb, 127.0.0.1, a free port), against the same rows as the proxy's
JSONL export. otel: OTLP/JSON traces, each an `invoke_agent` span over two chat calls and a tool call,
against the same calls as neutral JSONL (read by pyarrow). Both runs must report the same token
totals. Runs alternate; medians are printed with every run (timings on a shared machine vary).
The server runs on this machine too, so the database's time includes the server's share of the CPU.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def timed(arg: str) -> tuple[float, dict]:
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "costsim", "estimate", arg, "--as-of", "2026-05-14", "--format", "json"],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"costsim failed on {arg.split('@')[-1]}: {run.stderr[-500:]}")
    return seconds, json.loads(run.stdout)


def compare(label_a: str, arg_a: str, label_b: str, arg_b: str, runs: int) -> None:
    times: dict[str, list[float]] = {label_a: [], label_b: []}
    totals = {}
    for _ in range(runs):
        for label, arg in ((label_a, arg_a), (label_b, arg_b)):
            seconds, report = timed(arg)
            times[label].append(seconds)
            totals[label] = report["tokens"]
    if totals[label_a] != totals[label_b]:
        sys.exit(f"token totals differ: {totals}")
    for label, values in times.items():
        print(
            f"{label:>16}: median {statistics.median(values):6.2f} s  (runs: {', '.join(f'{v:.2f}' for v in values)})"
        )


def postgres(records: int, runs: int, folder: Path) -> None:
    import pg_server
    import psycopg
    from test_postgres import KEY_METADATA, SPEND_LOGS_DDL, spend_row

    rng = random.Random(7)
    rows = []
    for i in range(records):
        prompt = rng.randint(200, 9000)
        cached = rng.randint(0, prompt // 2)
        row = spend_row(
            f"req-{i}",
            f"2026-05-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00Z",
            rng.choice(["gpt-4o-mini", "claude-sonnet-4-5", "gpt-4.1"]),
            prompt,
            rng.randint(10, 900),
            metadata={
                **KEY_METADATA,
                "usage_object": {"prompt_tokens": prompt, "prompt_tokens_details": {"cached_tokens": cached}},
            },
        )
        if i % 2:
            row["messages"] = [{"role": "user", "content": f"Refactor module number {i % 1000} and add tests"}]
        rows.append(row)
    export = folder / "spend-logs.jsonl"
    export.write_text("".join(json.dumps(r) + "\n" for r in rows))
    server, why = pg_server.start()
    if server is None:
        sys.exit(f"no PostgreSQL server: {why}")
    try:
        with psycopg.connect(server.url(), autocommit=True) as admin:
            admin.execute("CREATE DATABASE litellm")
        with psycopg.connect(server.url("litellm")) as conn:
            conn.execute(SPEND_LOGS_DDL.format(table='"LiteLLM_SpendLogs"'))
            columns = list(rows[0])
            names = ", ".join(f'"{c}"' for c in columns)
            with conn.cursor().copy(f'COPY "LiteLLM_SpendLogs" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(
                        [json.dumps(row[c]) if isinstance(row[c], (dict, list)) else row[c] for c in columns]
                    )
            conn.execute('CREATE INDEX ON "LiteLLM_SpendLogs" ("startTime", request_id)')  # as schema.prisma's @@index
        compare("database", server.url("litellm"), "JSONL export", str(export), runs)
    finally:
        server.stop()


def otel(records: int, runs: int, folder: Path) -> None:
    def attr(key, value):
        return {"key": key, "value": {"intValue": str(value)} if isinstance(value, int) else {"stringValue": value}}

    rng = random.Random(3)
    traces, calls = folder / "traces.jsonl", folder / "calls.jsonl"
    with traces.open("w") as otlp, calls.open("w") as neutral:
        for t in range(records // 2):
            trace, agent = f"{t:032x}", f"{t:08x}00000000"
            start = str((1777885923 + t) * 10**9)
            spans, usage = [], []
            for c in (1, 2):
                span_id, prompt = f"{t:08x}{c:08x}", f"Refactor module {t % 997} step {c} and add tests"
                inp, out = rng.randint(500, 8000), rng.randint(20, 900)
                cached = rng.randint(0, inp // 2)
                usage.append((inp, out))
                neutral.write(
                    json.dumps(
                        {
                            "id": f"{trace}:{span_id}",
                            "model": "openai/gpt-4o-mini",
                            "prompt": prompt,
                            "input_tokens": inp - cached,
                            "cache_read_tokens": cached,
                            "output_tokens": out,
                            "timestamp": 1777885923 + t,
                        }
                    )
                    + "\n"
                )
                messages = json.dumps([{"role": "user", "parts": [{"type": "text", "content": prompt}]}])
                spans.append(
                    {
                        "traceId": trace,
                        "spanId": span_id,
                        "parentSpanId": agent,
                        "name": "chat gpt-4o-mini",
                        "kind": 3,
                        "startTimeUnixNano": start,
                        "endTimeUnixNano": start,
                        "attributes": [
                            attr("gen_ai.operation.name", "chat"),
                            attr("gen_ai.provider.name", "openai"),
                            attr("gen_ai.request.model", "gpt-4o-mini"),
                            attr("gen_ai.usage.input_tokens", inp),
                            attr("gen_ai.usage.cache_read.input_tokens", cached),
                            attr("gen_ai.usage.output_tokens", out),
                            attr("gen_ai.input.messages", messages),
                        ],
                    }
                )
            spans.append(
                {
                    "traceId": trace,
                    "spanId": f"{t:08x}0000000f",
                    "parentSpanId": agent,
                    "name": "execute_tool",
                    "kind": 1,
                    "attributes": [attr("gen_ai.operation.name", "execute_tool")],
                }
            )
            spans.append(
                {
                    "traceId": trace,
                    "spanId": agent,
                    "name": "invoke_agent",
                    "kind": 1,
                    "startTimeUnixNano": start,
                    "endTimeUnixNano": start,
                    "attributes": [
                        attr("gen_ai.operation.name", "invoke_agent"),
                        attr("gen_ai.request.model", "gpt-4o-mini"),
                        attr("gen_ai.usage.input_tokens", sum(u[0] for u in usage)),
                        attr("gen_ai.usage.output_tokens", sum(u[1] for u in usage)),
                    ],
                }
            )
            otlp.write(
                json.dumps(
                    {
                        "resourceSpans": [
                            {
                                "resource": {"attributes": [attr("service.name", "bench")]},
                                "scopeSpans": [{"scope": {"name": "bench"}, "spans": spans}],
                            }
                        ]
                    }
                )
                + "\n"
            )
    compare("OTLP traces", str(traces), "neutral JSONL", str(calls), runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", choices=["postgres", "otel"])
    parser.add_argument("--records", type=int, default=100_000, help="model calls (rows, or chat spans)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="costsim-bench-") as folder:
        (postgres if args.source == "postgres" else otel)(args.records, args.runs, Path(folder))


if __name__ == "__main__":
    main()
