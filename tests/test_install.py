"""The wheel carries everything the commands use by default: build it, install it apart, run it from an empty folder.

No network: the wheel is installed with --no-deps into a target folder, and the already-installed
dependencies are borrowed from this interpreter. `.ci/run` does the full install into a fresh venv.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "-w", str(out), str(REPO)], check=True, capture_output=True)
    return next(out.glob("costsim-*.whl"))


def test_wheel_ships_tables_policy_samples_and_tokenizers(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("costsim/_data/pricing/anthropic.yaml", "costsim/_data/pricing/policy.yaml",
                 "costsim/_data/pricing/caches.yaml",
                 "costsim/_data/samples/sprint.yaml", "costsim/_data/samples/neutral.jsonl",
                 "costsim/tokenizers/o200k_base.tiktoken", "costsim/tokenizers/cl100k_base.tiktoken"):
        assert name in names, name
    assert any(n.startswith("costsim/_data/pricing/.compiled/book-") for n in names)  # tables compiled by the build
    assert "costsim/_data/pricing/generated/openrouter.yaml" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "costsim = costsim.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_runs_compare_from_an_empty_folder(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    empty = tmp_path / "empty"
    empty.mkdir()
    deps = os.pathsep.join(p for p in sys.path if p and "site-packages" in p)
    env = {**os.environ, "PYTHONPATH": f"{target}{os.pathsep}{deps}", "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "costsim", "compare", "--as-of", "2026-05-14", "-f", "json"],
                            cwd=empty, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert '"cost_usd": "7"' in result.stdout  # 200 × (2000×5 + 1000×25) / 1e6 on the installed tables
    check = subprocess.run([sys.executable, "-c", "import costsim.paths as p; print(p.bundled('pricing'))"],
                           cwd=empty, env=env, capture_output=True, text=True)
    assert str(target) in check.stdout  # the wheel's own copy, not the checkout's
