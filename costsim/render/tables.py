"""The two table shapes every renderer shares: a rich table for people and a Markdown table for PR comments."""

from __future__ import annotations

from rich import box
from rich.table import Table


def new_table(title: str | None = None, **options) -> Table:
    """Every table costsim draws: title on the left, bold header, light rules, no boxes."""
    options = {"collapse_padding": True, **options}
    return Table(title=title, title_justify="left", header_style="bold", box=box.SIMPLE_HEAD, **options)


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """A GitHub-flavoured Markdown table; each cell shows as the text it is (`safe_text.markdown_text`)."""
    from costsim.render.safe_text import markdown_text

    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(markdown_text(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def table_of(header: list[str], rows: list[list[str]], *, title: str | None = None, right: set[int] = frozenset(),
             no_wrap: set[int] = frozenset(), spare: tuple[int, ...] = (), **options) -> Fitted:
    """A filled table; cells are plain text (never rich markup: log text is data).

    No word of a cell or header is ever cut: each column is at least as wide as its longest word, so a
    narrow terminal wraps headers and multi-word cells instead of truncating figures. In a terminal too
    narrow even for that, columns are left out and named below the table (`Fitted`): those in `spare`
    first, in its order, then the right-most."""
    from costsim.render.safe_text import printable

    return Fitted(header, [[printable(cell) for cell in row] for row in rows], title and printable(title), right,
                  no_wrap, options, spare)


class Fitted:
    """A table that leaves out columns where it cannot fit, and says which: rich would crop them without a
    word, and a figure cut off the edge of the terminal reads as no figure. The `spare` columns go first
    (a figure that can be worked out from the others), then the right-most; the first two always stay."""

    def __init__(self, header: list[str], cells: list[list[str]], title: str | None, right: set[int],
                 no_wrap: set[int], options: dict, spare: tuple[int, ...] = ()) -> None:
        self.header, self.cells, self.title = header, cells, title
        self.right, self.no_wrap, self.options = right, no_wrap, options
        self.min_widths = [max(map(len, [*name.split(), *(w for row in cells for w in row[i].split())]), default=1)
                           for i, name in enumerate(header)]  # each column's longest word
        kept_last = [i for i in range(len(header)) if i not in spare]
        self.leave_out = [*spare, *reversed(kept_last[min(2, len(kept_last)):])]  # in the order they go

    def table(self, shown: list[int], rows: list[list[str]] | None = None) -> Table:
        """The table with the columns `shown` (and only `rows`, when given)."""
        from rich.text import Text

        table = new_table(self.title, **self.options)
        for i in shown:
            table.add_column(self.header[i], justify="right" if i in self.right else "left", no_wrap=i in self.no_wrap,
                             min_width=self.min_widths[i])
        for row in self.cells if rows is None else rows:
            table.add_row(*(Text(row[i]) for i in shown))
        return table

    def _widest_rows(self) -> list[list[str]]:
        """The rows holding each column's longest cell and longest word: the table is as wide as they are."""
        picks = set()
        for i in range(len(self.header)):
            picks.add(max(range(len(self.cells)), key=lambda r: len(self.cells[r][i]), default=None))
            picks.add(max(range(len(self.cells)), key=lambda r: max(map(len, self.cells[r][i].split()), default=0),
                          default=None))
        return [self.cells[r] for r in sorted(picks - {None})]

    def __rich_console__(self, console, options):
        from rich.segment import Segment
        from rich.text import Text

        widest = self._widest_rows()
        for dropped in range(len(self.leave_out) + 1):
            gone = self.leave_out[:dropped]
            shown = [i for i in range(len(self.header)) if i not in gone]
            drawn = Segment.split_lines(console.render(self.table(shown, widest), options))  # before any crop
            fits = max(map(Segment.get_line_length, drawn), default=0) <= options.max_width
            if fits or dropped == len(self.leave_out):
                yield self.table(shown)
                if gone:
                    left_out = ", ".join(" ".join(self.header[i].split()) for i in sorted(gone))
                    yield Text(f"Left out at this width: {left_out} (a wider terminal or --format json shows them).")
                return
