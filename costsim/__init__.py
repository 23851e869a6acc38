"""costsim: an offline simulator of what smart LLM model routing would cost and save.

Library entry points (stable):

    from costsim import classify_prompt
    decision = classify_prompt("Add docstrings to these functions")
    decision.tier, decision.reason
"""

from costsim.version import __version__


def classify_prompt(prompt: str, policy=None):
    """Tier (1, 2 or 3) and reason for one prompt: the same call `costsim estimate` makes."""
    from costsim.routing.classify import classify_prompt as _classify_prompt

    return _classify_prompt(prompt, policy)


__all__ = ["__version__", "classify_prompt"]
