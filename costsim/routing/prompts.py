"""Reading prompts to classify: JSONL records with `prompt` (and an optional `id`), a JSON list, or text lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from costsim.errors import InputError, load_json, read_text


def jsonl_objects(path: str | Path) -> Iterator[tuple[int, object]]:
    """(line number, parsed value) for every non-empty line of a JSONL file; unreadable input is an InputError."""
    path = Path(path)
    text = read_text(path, InputError)
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield line_no, load_json(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"malformed JSON: {exc.msg}", path=path, line=line_no) from None


def read_prompts(path: Path) -> list[tuple[str | None, str]]:
    """(id, prompt) pairs. JSONL records need `prompt`; a .txt file is one prompt per non-empty line."""
    text = read_text(path, InputError)
    if not text.strip():
        raise InputError("file is empty", path=path)
    if path.suffix == ".txt":
        return [(None, line) for line in text.splitlines() if line.strip()]
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = load_json(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"malformed JSON: {exc.msg}", path=path, line=exc.lineno) from None
        return [_record(item, path, i + 1) for i, item in enumerate(items)]
    return [_record(item, path, line_no) for line_no, item in jsonl_objects(path)]


def _record(item, path: Path, line: int) -> tuple[str | None, str]:
    if isinstance(item, str):
        prompt, record_id = item, None
    elif isinstance(item, dict):
        prompt, record_id = item.get("prompt"), item.get("id")
    else:
        raise InputError("expected a prompt string or an object with `prompt`", path=path, line=line)
    if not isinstance(prompt, str) or not prompt.strip():
        raise InputError("empty or missing `prompt`", path=path, line=line)
    return (None if record_id is None else str(record_id)), prompt
