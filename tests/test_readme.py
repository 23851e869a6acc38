"""The README's example outputs are the tool's real outputs (tools/readme_examples.py pastes them)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def load_tool():
    spec = importlib.util.spec_from_file_location("readme_examples", REPO / "tools" / "readme_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_opens_with_exactly_two_commands():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    head = text.split("\n## ", 1)[0]
    blocks = [b for b in head.split("```")[1::2]]
    assert len(blocks) == 2
    assert "pip install ." in blocks[0] and "costsim" in blocks[0]
    assert "pip install '.[test]'" in blocks[1] and "pytest" in blocks[1]


def test_readme_outputs_are_current(monkeypatch):
    tool = load_tool()
    monkeypatch.chdir(REPO)
    assert list(tool.BLOCK.finditer((REPO / "README.md").read_text(encoding="utf-8"))), \
        "the README shows no example output"
    for page in tool.documents():
        for block in tool.BLOCK.finditer(page.read_text(encoding="utf-8")):
            expected = tool.run(block.group("cmd"))
            assert block.group("out") == expected, f"{page.name} output is stale for: {block.group('cmd')} " \
                                                    "(run python tools/readme_examples.py)"
