"""Wheel build hook: compile the bundled price tables so the installed package never parses them.

Runs `costsim.pricing.compiled.bundled_book()` from the source tree, which writes
pricing/.compiled/book-<fingerprint>.pickle when it is missing or stale; the wheel's force-include of
`pricing/` then ships it. Compiling needs PyYAML alone (`[build-system] requires` names it, so an isolated
`pip install .` compiles too); where it is not importable, the wheel ships without the compiled book and the
installed package compiles it on first use (or on every run, where its folder is not writable).
"""

from __future__ import annotations

import sys

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompilePriceTables(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version, build_data):
        sys.path.insert(0, self.root)
        try:
            from costsim.pricing.compiled import bundled_book
        except ImportError as exc:
            self.app.display_warning(f"price tables not compiled into the wheel ({exc}); compiled on first use")
            return
        finally:
            sys.path.remove(self.root)
        bundled_book()
