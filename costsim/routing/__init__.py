"""Routing: the policy and the request-complexity classifier (rules, learned model, quality)."""
