"""Generate large synthetic logs for benchmarks: neutral JSONL, or a Claude Code projects folder.

    python benchmarks/gen_logs.py neutral 1000000 /tmp/neutral-1m.jsonl [--distinct-prompts]
    python benchmarks/gen_logs.py claude-code 1000000 /tmp/cc-1m      # 1,000,000 lines in session files
    python benchmarks/gen_logs.py claude-code 200000 /tmp/cc-distinct --distinct-prompts

Deterministic (seeded). Claude Code folders mimic real sessions: user prompts, tool results, and each
assistant message written as 2 lines (content blocks; the last carries the final output count), with
~2% of messages copied into a resumed session file, so dedup and "keep the final usage" matter.
Prompts come from a pool of eight, so classifying them costs next to nothing; with --distinct-prompts
every prompt line is a different request (the labeled requests in datasets/classify, each with its own
ticket number), as in real logs, where classifying is most of the work.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

MODELS = ["claude-sonnet-4-5", "gpt-5-mini", "gpt-4o", "deepseek-v4-flash", "claude-haiku-4-5", "gemini-2.5-flash"]
PROMPTS = ["Rename the helper in utils.py", "Implement the refund endpoint", "Debug the flaky worker test",
           "Add comments to parser.py", "Refactor the billing module", "Write tests for the cache layer",
           "Architect the plugin system for the editor", "Format the config loader"]
LINES_PER_SESSION = 2000


def neutral(n: int, out: Path, distinct: bool = False) -> None:
    rnd = random.Random(7)
    pool = distinct_prompts() if distinct else PROMPTS
    prompt = (
        (lambda i: f"{pool[i % len(pool)]}\n\n(ticket #{i})") if distinct else (lambda i: PROMPTS[i % len(PROMPTS)])
    )
    with out.open("w") as f:
        for i in range(n):
            rec = {
                "id": f"req-{i}",
                "timestamp": f"2026-05-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00Z",
                "model": MODELS[i % len(MODELS)],
                "input_tokens": rnd.randrange(100, 20000),
                "output_tokens": rnd.randrange(10, 4000),
                "cache_read_tokens": rnd.randrange(0, 50000),
                "prompt": prompt(i),
                "session": f"s{i // 500}",
                "project": f"p{i % 7}",
            }
            f.write(json.dumps(rec, separators=(",", ":")) + "\n")


def distinct_prompts() -> list[str]:
    """The labeled requests' texts (datasets/classify), to be made distinct by a ticket number."""
    root = Path(__file__).resolve().parents[1] / "datasets" / "classify"
    files = [root / "train.jsonl", *sorted((root / "authored").glob("*.jsonl"))]
    return [json.loads(line)["prompt"] for f in files for line in f.open(encoding="utf-8")]


def claude_code(n: int, out: Path, distinct: bool = False) -> None:
    rnd = random.Random(11)
    pool = distinct_prompts() if distinct else None
    prompt = (
        (lambda k: f"{pool[k % len(pool)]}\n\n(ticket #{k})")
        if pool
        else (lambda k: PROMPTS[rnd.randrange(len(PROMPTS))])
    )
    written, session, copies = 0, 0, []
    while written < n:
        folder = out / "projects" / f"-home-dev-project{session % 20}"
        folder.mkdir(parents=True, exist_ok=True)
        sid = f"session-{session:06d}"
        lines = []
        while len(lines) < LINES_PER_SESSION and written + len(lines) < n:
            ts = f"2026-05-{1 + session % 28:02d}T10:{len(lines) % 60:02d}:00.000Z"
            kind = rnd.random()
            if kind < 0.15 or written + len(lines) == n - 1:  # room for one line only: a prompt
                lines.append(
                    {
                        "parentUuid": None,
                        "isSidechain": False,
                        "userType": "external",
                        "cwd": "/home/dev",
                        "sessionId": sid,
                        "version": "2.0.0",
                        "type": "user",
                        "uuid": f"u{written + len(lines)}",
                        "timestamp": ts,
                        "message": {"role": "user", "content": prompt(written + len(lines))},
                    }
                )
            elif kind < 0.35:
                lines.append(
                    {
                        "parentUuid": "p",
                        "isSidechain": False,
                        "userType": "external",
                        "cwd": "/home/dev",
                        "sessionId": sid,
                        "version": "2.0.0",
                        "type": "user",
                        "uuid": f"u{written + len(lines)}",
                        "timestamp": ts,
                        "message": {
                            "role": "user",
                            "content": [
                                {
                                    "tool_use_id": "toolu_1",
                                    "type": "tool_result",
                                    "content": "x" * rnd.randrange(50, 2000),
                                }
                            ],
                        },
                    }
                )
            else:
                mid = f"msg_{session}_{len(lines)}"
                usage = {
                    "input_tokens": rnd.randrange(1, 200),
                    "cache_creation_input_tokens": rnd.randrange(0, 5000),
                    "cache_read_input_tokens": rnd.randrange(0, 80000),
                    "output_tokens": 1,
                    "service_tier": "standard",
                }
                model = MODELS[rnd.randrange(2)] if rnd.random() < 0.8 else "claude-opus-4-7"
                model = model if model.startswith("claude") else "claude-sonnet-4-5"
                final = dict(usage, output_tokens=rnd.randrange(10, 3000))
                for block, u in (("thinking", usage), ("text", final)):
                    lines.append(
                        {
                            "parentUuid": "p",
                            "isSidechain": False,
                            "userType": "external",
                            "cwd": "/home/dev",
                            "sessionId": sid,
                            "version": "2.0.0",
                            "message": {
                                "id": mid,
                                "type": "message",
                                "role": "assistant",
                                "model": model,
                                "content": [{"type": block, "text": "y" * rnd.randrange(20, 600)}],
                                "stop_reason": None,
                                "stop_sequence": None,
                                "usage": u,
                            },
                            "requestId": f"req_{mid}",
                            "type": "assistant",
                            "uuid": f"a{written + len(lines)}",
                            "timestamp": ts,
                        }
                    )
                if rnd.random() < 0.02:
                    copies.append(lines[-1])
        with (folder / f"{sid}.jsonl").open("w") as f:
            f.writelines(json.dumps(line, separators=(",", ":")) + "\n" for line in lines)
        written += len(lines)
        session += 1
        if copies and written < n:  # a resumed session repeats some earlier messages
            take = copies[: n - written]
            with (folder / f"{sid}-resumed.jsonl").open("w") as f:
                f.writelines(json.dumps(line, separators=(",", ":")) + "\n" for line in take)
            written += len(take)
            copies = []


if __name__ == "__main__":
    kind, count, target = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    if kind == "claude-code":
        claude_code(count, target, distinct="--distinct-prompts" in sys.argv[4:])
    else:
        neutral(count, target, distinct="--distinct-prompts" in sys.argv[4:])
