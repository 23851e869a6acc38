"""The core functions the commands call: one per job, each returning a Report. No printing here.

plans.py prices planned mixes and runs CI checks; logs.py estimates from logs with the local engine;
run.py is one estimate's pricing, which the cluster engine shares.

Each name is loaded from its module when it is first used (`api.estimate`, `from costsim.api import
compare`), not when the package is imported: the command line imports this package for every command,
and the modules behind it import pandas, pyarrow and DuckDB, which a command that does not read logs
never needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from costsim.lazy import names_from

if TYPE_CHECKING:
    from costsim.api.logs import estimate
    from costsim.api.plans import MonteCarloAsk, PlannedMix, check, check_claims, compare, compare_mix
    from costsim.api.run import EstimateRun

_MODULES = {"estimate": "logs", "compare": "plans", "compare_mix": "plans", "check": "plans",
            "check_claims": "plans", "PlannedMix": "plans", "MonteCarloAsk": "plans", "EstimateRun": "run"}

__getattr__ = names_from(__name__, _MODULES)

__all__ = ["compare", "compare_mix", "check", "estimate", "check_claims", "PlannedMix", "MonteCarloAsk", "EstimateRun"]
