"""Where the bundled data lives: inside the wheel (costsim/_data/...) or, in a checkout, at the repo root."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """Path of a bundled data folder or file such as "pricing" or "samples/sprint.yaml"."""
    installed = _PACKAGE_DIR / "_data" / name
    if installed.exists():
        return installed
    return _PACKAGE_DIR.parent / name
