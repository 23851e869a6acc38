"""Prices: the tables, billing rules, cache models and model names."""
