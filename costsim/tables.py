"""The two table shapes every renderer shares: a rich table for people and a Markdown table for PR comments."""

from __future__ import annotations

from rich import box
from rich.table import Table


def new_table(title: str | None = None, **options) -> Table:
    """Every table costsim draws: title on the left, bold header, light rules, no boxes."""
    options = {"collapse_padding": True, **options}
    return Table(title=title, title_justify="left", header_style="bold", box=box.SIMPLE_HEAD, **options)


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """A GitHub-flavoured Markdown table; pipes and newlines in cells are escaped."""
    cell = lambda s: str(s).replace("|", "\\|").replace("\n", " ")  # noqa: E731
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def table_of(header: list[str], rows: list[list[str]], *, title: str | None = None, right: set[int] = frozenset(),
             no_wrap: set[int] = frozenset(), **options) -> Table:
    """A filled table; cells are plain text (never rich markup: log text is data).

    No word of a cell or header is ever cut: each column is at least as wide as its longest word, so a
    narrow terminal wraps headers and multi-word cells instead of truncating figures."""
    from rich.text import Text

    table = new_table(title, **options)
    cells = [[str(cell) for cell in row] for row in rows]
    for i, name in enumerate(header):
        words = [*name.split(), *(word for row in cells for word in row[i].split())]
        table.add_column(name, justify="right" if i in right else "left", no_wrap=i in no_wrap,
                         min_width=max(map(len, words), default=1))
    for row in cells:
        table.add_row(*(Text(cell) for cell in row))
    return table
