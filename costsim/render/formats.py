"""Every output kind's formats in one place: format name → the function that writes it on a console.

The CLI's `--format` choices are these tables' keys (`choices`), so no format can be offered and not
rendered; a test walks every command × every format here. A JSON format writes `envelope(kind)` first:
`schema_version`, `kind` and `generator`, the same three keys in every JSON output (docs/json.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

from rich.console import Console

from costsim.render import charts, ci, html, models, quality
from costsim.render import report as text
from costsim.report.jsonshape import envelope, to_json
from costsim.report.model import Report
from costsim.report.parts import SweepResult
from costsim.routing.quality import QualityReport

Renderer = Callable[[Any, Console], None]


def _write(to_text: Callable[[Any], str]) -> Renderer:
    """A format that is a string: written as it is, without rich's wrapping or markup."""

    def write(value: Any, console: Console) -> None:
        console.file.write(to_text(value))

    return write


def _json(to_dict: Callable[[Any], dict]) -> Renderer:
    return _write(lambda value: json.dumps(to_dict(value), indent=2) + "\n")


def sweep_to_dict(result: SweepResult) -> dict:
    return {**envelope("sweep"), **to_json(result)}


REPORT: Mapping[str, Renderer] = {
    "table": text.draw_tables, "json": _json(Report.to_dict), "csv": _write(text.to_csv),
    "markdown": _write(text.to_markdown), "html": _write(html.report_html)}
SWEEP: Mapping[str, Renderer] = {
    "table": charts.draw_sweep, "json": _json(sweep_to_dict), "csv": _write(charts.sweep_csv),
    "markdown": _write(charts.sweep_markdown), "html": _write(html.sweep_html)}
def _quality(fmt: str) -> Renderer:
    return lambda report, console: quality.render_quality(report, fmt, console)


QUALITY: Mapping[str, Renderer] = {fmt: _quality(fmt) for fmt in ("table", "json", "markdown")}
CHECK: Mapping[str, Renderer] = {
    "table": ci.draw_check, "markdown": _write(ci.check_markdown), "github": ci.check_github,
    "json": _json(ci.check_to_dict)}
DIFF: Mapping[str, Renderer] = {
    "table": ci.draw_diff, "markdown": _write(ci.diff_markdown), "github": ci.diff_github,
    "json": _json(ci.diff_to_dict)}
MODELS: Mapping[str, Renderer] = {
    "table": models.draw_models, "json": _json(models.models_to_dict), "csv": _write(models.models_csv),
    "markdown": _write(models.models_markdown)}

OUTPUTS: Mapping[str, Mapping[str, Renderer]] = {
    "report": REPORT, "sweep": SWEEP, "quality": QUALITY, "check": CHECK, "diff": DIFF, "models": MODELS}


def choices(formats: Mapping[str, Renderer], name: str) -> type[Enum]:
    """The `--format` values a command offers: an Enum (what Typer lists in --help) of exactly `formats`' keys."""
    return Enum(name, {fmt: fmt for fmt in formats}, type=str)  # type: ignore[return-value]


def render(formats: Mapping[str, Renderer], value: Any, fmt: str | Enum, console: Console) -> None:
    formats[fmt.value if isinstance(fmt, Enum) else fmt](value, console)


def quality_files_to_dict(reports: list[QualityReport]) -> dict:
    """`costsim evaluate DIR --format json`: one object for the directory, a file's report per entry."""
    return {**envelope("evaluate-files"), "files": [quality.to_dict(r) for r in reports]}


__all__ = ["REPORT", "SWEEP", "QUALITY", "CHECK", "DIFF", "MODELS", "OUTPUTS", "choices", "render"]
