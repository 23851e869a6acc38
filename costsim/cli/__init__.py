"""The command line: one module per command group over the core in api.

`main` is the face: the console script (`costsim.cli:main`) and `python -m costsim` call it."""

from costsim.cli import ci, core, pricing, quality, sweep  # noqa: F401 (each registers its commands on the app)
from costsim.cli.app import main

__all__ = ["main"]
