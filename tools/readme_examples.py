"""Keep the documentation's example outputs true: run every `<!-- run: costsim … -->` block and paste its output.

    python tools/readme_examples.py          # rewrite README.md and docs/*.md in place
    python tools/readme_examples.py --check  # exit 1 if any block is stale (tests/test_readme.py does this)

Outputs are rendered the way a user at a 100-column terminal without colour sees them, with
COSTSIM_TODAY pinned so that "today's prices" stay the same from run to run.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"


def documents() -> list[Path]:
    """Every page whose examples are kept true: the README and the reference under docs/."""
    return [README, *sorted((REPO / "docs").glob("*.md"))]
TODAY = "2026-11-27"
BLOCK = re.compile(r"(<!-- run: (?P<cmd>[^>]*?) -->\n)```text\n(?P<out>.*?)```\n", re.S)


def run(command: str) -> str:
    from typer.testing import CliRunner

    from costsim.cli.app import app

    args = shlex.split(command)
    assert args[0] == "costsim", command
    env = {"NO_COLOR": "1", "COLUMNS": "100", "COSTSIM_TODAY": TODAY, "COSTSIM_DEBUG": None}
    saved = {k: os.environ.get(k) for k in env}
    cwd = os.getcwd()
    try:
        for key, value in env.items():
            os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)
        os.chdir(README.parent)
        result = CliRunner().invoke(app, args[1:])
    finally:
        os.chdir(cwd)
        for key, value in saved.items():
            os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)
    text = "\n".join(line.rstrip() for line in (result.stdout + result.stderr).splitlines())
    return f"$ {command}\n{text}\n" + (f"[exit code {result.exit_code}]\n" if result.exit_code else "")


def refreshed(text: str) -> str:
    return BLOCK.sub(lambda m: f"{m.group(1)}```text\n{run(m.group('cmd'))}```\n", text)


def main() -> int:
    stale_pages = 0
    for page in documents():
        text = page.read_text(encoding="utf-8")
        new = refreshed(text)
        if "--check" in sys.argv:
            stale = [
                m.group("cmd") for m, n in zip(BLOCK.finditer(text), BLOCK.finditer(new)) if m.group(0) != n.group(0)
            ]
            for command in stale:
                print(f"stale output in {page.relative_to(REPO)}: {command}")
            stale_pages += bool(stale)
        elif new != text:
            page.write_text(new, encoding="utf-8")
    return 1 if stale_pages else 0


if __name__ == "__main__":
    sys.path.insert(0, str(README.parent))
    raise SystemExit(main())
