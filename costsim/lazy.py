"""A package face that loads its names on first use: `__getattr__ = names_from(__name__, {name: module})`.

The command line imports the `api` and `ingest` faces for every command, and the modules behind them import
pandas, pyarrow and DuckDB, which a command that reads no logs never needs; so each name is loaded from its
module when it is first used (`api.estimate`, `from costsim.api import compare`), and kept."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module


def names_from(package: str, modules: Mapping[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` for `package`: each name of `modules` loaded from `package.<its module>` on first
    use and set on the package (so the next use is a plain lookup); any other name is an AttributeError."""

    def __getattr__(name: str) -> object:
        if name not in modules:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{modules[name]}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
