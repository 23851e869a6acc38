"""Rendering: a report drawn as a table, JSON, CSV, Markdown, HTML or a chart."""
