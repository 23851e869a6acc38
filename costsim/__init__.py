"""costsim: offline LLM cost simulator."""
