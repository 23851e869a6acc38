"""The core functions the commands call: one per job, each returning a Report. No printing here.

plans.py prices planned mixes and runs CI checks; logs.py estimates from logs with the local engine;
run.py is one estimate's pricing, which the cluster engine shares."""

from costsim.api.logs import estimate
from costsim.api.plans import MonteCarloAsk, PlannedMix, check, check_claims, compare, compare_mix
from costsim.api.run import EstimateRun

__all__ = ["compare", "compare_mix", "check", "estimate", "check_claims", "PlannedMix", "MonteCarloAsk", "EstimateRun"]
