"""Simulation: a usage frame priced under every strategy, plus the effects a plain product leaves out."""
