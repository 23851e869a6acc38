"""The command line: one module per command group over the core in api.

`main` and `app` are the face: the console script (`costsim.cli:main`) and `python -m costsim`."""

from costsim.cli.app import app, main

__all__ = ["app", "main"]
