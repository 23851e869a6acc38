#!/usr/bin/env python3
"""Generate a synthetic Claude Code projects directory for benchmarking cost tools.

(Copied unchanged from the costsim team's shared benchmark folder, where issue 13's measurements were
taken: `--records 1000000 --start 2025-11-05`, seed 42, gives the prompt-heavy million-line folder.)

Layout written (what ccusage expects under CLAUDE_CONFIG_DIR):

    OUT/projects/<encoded-cwd>/<session-uuid>.jsonl

Each session file interleaves user lines (prompts and tool results) with
assistant lines that carry message.usage (input, output, cache read and
cache creation tokens, plus the cache_creation 5m/1h split), message.model,
message.id, requestId and an ISO-8601 UTC timestamp, in the compact JSON
style Claude Code writes (no spaces after ':' or ',').

`--records N` is the number of *assistant lines* written, duplicates
included. A fraction (`--dup-frac`) of them repeat the previous assistant
line's message.id + requestId with identical usage, as Claude Code does when
it writes one line per content block. Duplicates are identical, so
first-wins and max-wins de-duplication give the same totals.

By default every request stays below 200k prompt tokens and every cache
write is a 5-minute write, so the expected totals do not depend on how a
tool handles long-context or 1-hour-cache pricing. Use --one-hour-frac and
--long-context-frac to produce data that exercises those paths.

A summary with the exact expected token totals (after de-duplication) is
written to OUT/expected_totals.json; cost is left to the tool under test
(see price_check.py for an independent calculation).

Deterministic for a given --seed. Uses orjson when available (faster).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import uuid
from datetime import datetime, timedelta, timezone

try:
    import orjson

    def dumps(obj) -> bytes:
        return orjson.dumps(obj)
except ImportError:  # pragma: no cover
    def dumps(obj) -> bytes:
        return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()

# Model ids present in ccusage's bundled (offline) LiteLLM snapshot.
# weight = share of assistant requests.
MODELS = [
    ("claude-sonnet-4-5-20250929", 0.50),
    ("claude-opus-4-5-20251101", 0.15),
    ("claude-opus-4-1-20250805", 0.05),
    ("claude-haiku-4-5-20251001", 0.25),
    ("claude-sonnet-4-20250514", 0.05),
]

PROJECT_CWDS = [
    "/home/dev/projects/webapp",
    "/home/dev/projects/api-server",
    "/home/dev/projects/data-pipeline",
    "/home/dev/work/infra",
    "/home/dev/work/mobile-client",
    "/home/dev/oss/costsim",
    "/home/dev/scratch",
    "/home/dev/projects/ml-experiments",
]

WORDS = ("the a function test file error fix update refactor module config build "
         "request response cache token model cost route log parse value return "
         "import class method check run deploy branch commit merge review").split()

CLAUDE_CODE_VERSION = "2.0.14"
LONG_CONTEXT_THRESHOLD = 200_000


def encode_cwd(cwd: str) -> str:
    # Claude Code names a project folder after its cwd with '/' and '.' -> '-'.
    return cwd.replace("/", "-").replace(".", "-")


def rand_text(rng: random.Random, n_words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n_words))


def rand_id(rng: random.Random, prefix: str, n: int = 24) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return prefix + "".join(rng.choice(alphabet) for _ in range(n))


def iso(ts: datetime) -> str:
    return ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"


def pick_model(rng: random.Random, session_model: str) -> str:
    # Mostly the session's main model; ~20% of calls go to haiku (sub-agents,
    # title generation), as in real Claude Code logs.
    if rng.random() < 0.2:
        return "claude-haiku-4-5-20251001"
    return session_model


def make_usage(rng: random.Random, turn: int, ctx: int, one_hour_frac: float,
               long_context: bool) -> tuple[dict, int]:
    """Return (usage dict, new context size)."""
    inp = rng.choice((1, 2, 3, 4, 5, 6, 8, 10, 12)) if rng.random() < 0.9 else rng.randint(20, 3000)
    out = max(1, int(rng.lognormvariate(5.3, 1.1)))  # median ~200, long tail
    out = min(out, 32_000)
    if turn == 0:
        cache_read = 0 if rng.random() < 0.3 else rng.randint(10_000, 16_000)  # warm system prompt
        cache_write = rng.randint(4_000, 22_000)
        ctx = cache_read + cache_write
    else:
        cache_read = ctx
        cache_write = rng.randint(50, 6_000)
        ctx = cache_read + cache_write
    if long_context:
        cache_read = max(cache_read, rng.randint(210_000, 600_000))
        ctx = cache_read + cache_write
    else:
        # keep the whole prompt below the 200k long-context threshold
        budget = LONG_CONTEXT_THRESHOLD - 5_000
        if inp + cache_read + cache_write > budget:
            # "auto-compact": context shrinks back to a summary
            cache_read = rng.randint(12_000, 20_000)
            cache_write = rng.randint(2_000, 8_000)
            ctx = cache_read + cache_write
    one_h = cache_write if rng.random() < one_hour_frac else 0
    usage = {
        "input_tokens": inp,
        "cache_creation_input_tokens": cache_write,
        "cache_read_input_tokens": cache_read,
        "cache_creation": {
            "ephemeral_5m_input_tokens": cache_write - one_h,
            "ephemeral_1h_input_tokens": one_h,
        },
        "output_tokens": out,
        "service_tier": "standard",
    }
    return usage, ctx


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output dir (becomes CLAUDE_CONFIG_DIR)")
    ap.add_argument("--records", type=int, required=True, help="assistant lines to write (dups included)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--start", default="2025-10-01", help="first day (UTC)")
    ap.add_argument("--projects", type=int, default=len(PROJECT_CWDS))
    ap.add_argument("--mean-session", type=int, default=300, help="mean assistant lines per session")
    ap.add_argument("--dup-frac", type=float, default=0.05, help="share of assistant lines that are duplicates")
    ap.add_argument("--one-hour-frac", type=float, default=0.0, help="share of cache writes that use the 1h TTL")
    ap.add_argument("--long-context-frac", type=float, default=0.0, help="share of requests with >200k prompt")
    ap.add_argument("--text-words", type=int, default=12, help="words of text per message (line size knob)")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    start = datetime.fromisoformat(args.start).replace(tzinfo=timezone.utc)
    proj_root = os.path.join(args.out, "projects")
    os.makedirs(proj_root, exist_ok=True)
    cwds = PROJECT_CWDS[: args.projects]
    model_names = [m for m, _ in MODELS]
    model_weights = [w for _, w in MODELS]

    totals = {"input_tokens": 0, "output_tokens": 0, "cache_creation_input_tokens": 0,
              "cache_read_input_tokens": 0, "ephemeral_1h_input_tokens": 0}
    per_model: dict[str, dict[str, int]] = {}
    per_day: dict[str, int] = {}
    written = unique = user_lines = sessions = files_bytes = 0
    lc_requests = 0
    dup_p = args.dup_frac / max(1e-9, 1 - args.dup_frac)

    while written < args.records:
        n_this = max(1, min(args.records - written, int(rng.expovariate(1 / args.mean_session)) + 1))
        cwd = rng.choice(cwds)
        pdir = os.path.join(proj_root, encode_cwd(cwd))
        os.makedirs(pdir, exist_ok=True)
        session_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        session_model = rng.choices(model_names, weights=model_weights)[0]
        if session_model == "claude-haiku-4-5-20251001":
            session_model = "claude-sonnet-4-5-20250929" if rng.random() < 0.6 else session_model
        ts = start + timedelta(seconds=rng.uniform(0, args.days * 86400 - 6 * 3600))
        branch = rng.choice(("main", "dev", "feature/routing", "fix/cache"))
        parent = None
        ctx = 0
        lines: list[bytes] = []
        # optional leading summary line (no usage) as in real logs
        if rng.random() < 0.3:
            lines.append(dumps({"type": "summary", "summary": rand_text(rng, 6),
                                "leafUuid": str(uuid.UUID(int=rng.getrandbits(128), version=4))}))
        turn = 0
        i = 0
        while i < n_this:
            # user line (prompt on first/every few turns, otherwise a tool result)
            u_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            if turn == 0 or rng.random() < 0.25:
                content = rand_text(rng, args.text_words)
            else:
                content = [{"tool_use_id": rand_id(rng, "toolu_01"), "type": "tool_result",
                            "content": rand_text(rng, args.text_words * 2)}]
            lines.append(dumps({
                "parentUuid": parent, "isSidechain": False, "userType": "external", "cwd": cwd,
                "sessionId": session_id, "version": CLAUDE_CODE_VERSION, "gitBranch": branch,
                "type": "user", "message": {"role": "user", "content": content},
                "uuid": u_uuid, "timestamp": iso(ts)}))
            user_lines += 1
            parent = u_uuid
            ts += timedelta(seconds=rng.uniform(1.5, 40))

            model = pick_model(rng, session_model)
            long_ctx = rng.random() < args.long_context_frac
            usage, ctx = make_usage(rng, turn, ctx, args.one_hour_frac, long_ctx)
            a_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            rec = {
                "parentUuid": parent, "isSidechain": False, "userType": "external", "cwd": cwd,
                "sessionId": session_id, "version": CLAUDE_CODE_VERSION, "gitBranch": branch,
                "message": {"model": model, "id": rand_id(rng, "msg_01"), "type": "message",
                            "role": "assistant",
                            "content": [{"type": "text", "text": rand_text(rng, args.text_words)}],
                            "stop_reason": "tool_use", "stop_sequence": None, "usage": usage},
                "requestId": rand_id(rng, "req_011C"), "type": "assistant", "uuid": a_uuid,
                "timestamp": iso(ts)}
            ts_assistant = ts
            lines.append(dumps(rec))
            parent = a_uuid
            written += 1
            unique += 1
            i += 1
            turn += 1
            ts += timedelta(seconds=rng.uniform(2, 90))
            context = usage["input_tokens"] + usage["cache_read_input_tokens"] + usage["cache_creation_input_tokens"]
            if context > LONG_CONTEXT_THRESHOLD:
                lc_requests += 1
            for k in ("input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"):
                totals[k] += usage[k]
            totals["ephemeral_1h_input_tokens"] += usage["cache_creation"]["ephemeral_1h_input_tokens"]
            pm = per_model.setdefault(
                model,
                {
                    "requests": 0,
                    "input_tokens": 0,
                    "output_tokens": 0,
                    "cache_creation_input_tokens": 0,
                    "cache_read_input_tokens": 0,
                },
            )
            pm["requests"] += 1
            for k in ("input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"):
                pm[k] += usage[k]
            day = ts.strftime("%Y-%m-%d")
            per_day[day] = per_day.get(day, 0) + 1

            if i < n_this and rng.random() < dup_p:
                # duplicate line right after it: same message.id + requestId + usage,
                # new uuid and another content block (Claude Code writes one line per block)
                d = dict(rec)
                d["uuid"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                d["parentUuid"] = parent
                msg = dict(d["message"])
                msg["content"] = [
                    {
                        "type": "tool_use",
                        "id": rand_id(rng, "toolu_01"),
                        "name": "Bash",
                        "input": {"command": rand_text(rng, 3)},
                    }
                ]
                d["message"] = msg
                d["timestamp"] = iso(ts_assistant + timedelta(milliseconds=rng.randint(50, 900)))
                lines.append(dumps(d))
                written += 1
                i += 1
                parent = d["uuid"]

        path = os.path.join(pdir, f"{session_id}.jsonl")
        data = b"\n".join(lines) + b"\n"
        with open(path, "ab") as fh:
            fh.write(data)
        files_bytes += len(data)
        sessions += 1

    totals["total_tokens"] = (
        totals["input_tokens"]
        + totals["output_tokens"]
        + totals["cache_creation_input_tokens"]
        + totals["cache_read_input_tokens"]
    )
    summary = {
        "generator": "gen_claude_logs.py",
        "args": vars(args),
        "assistant_lines": written,
        "unique_requests": unique,
        "duplicate_lines": written - unique,
        "user_lines": user_lines,
        "session_files": sessions,
        "bytes": files_bytes,
        "long_context_requests": lc_requests,
        "expected_totals_after_dedup": totals,
        "per_model": per_model,
        "days_with_requests": len(per_day),
    }
    with open(os.path.join(args.out, "expected_totals.json"), "w") as fh:
        json.dump(summary, fh, indent=2)
    print(
        json.dumps(
            {
                k: summary[k]
                for k in (
                    "assistant_lines",
                    "unique_requests",
                    "duplicate_lines",
                    "user_lines",
                    "session_files",
                    "bytes",
                )
            }
        )
    )


if __name__ == "__main__":
    main()
