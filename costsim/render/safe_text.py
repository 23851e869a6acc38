"""Text from a log, made safe to print: control characters (ESC sequences that clear a screen or move
the cursor, bells, carriage returns, bidi overrides) are shown as visible escapes (`\\x1b`), never sent
raw. Rich markup is a separate matter: cells are `rich.text.Text` and messages go through
`rich.markup.escape`, so `[bold]` in a prompt stays the seven characters it is."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls (tab and newline are kept: callers fold whitespace), DEL, and the Unicode format
# characters that reorder or hide text (bidi overrides and isolates, zero-width joiners are harmless)
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """`text` as a string with every unsafe character replaced by its visible escape."""
    s = str(text)
    return _UNSAFE.sub(_visible, s) if _UNSAFE.search(s) else s


_MARKDOWN_LITERAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|", "[": "\\[", "]": "\\]",
                                   "\n": " "})


def markdown_text(text: object) -> str:
    """Printable text that Markdown shows as the characters it is, on one line: no HTML tag a renderer would
    run or draw (`<img>`, `<script>`: `<`, `>` and `&` become entities), no link (`[`, `]` escaped) and no
    table cell ended early (`|` escaped). A log's model names, projects and prompts reach PR comments."""
    return printable(text).translate(_MARKDOWN_LITERAL)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(text: object) -> str:
    """Text for a CSV cell that a spreadsheet shows as the characters it is: a log's model name or project
    that starts like a formula (`=HYPERLINK(...)`, `+`, `-`, `@`) gets a leading `'`, which spreadsheets take
    as "text follows" (OWASP's advice for CSV injection). Numbers are written apart and never pass here."""
    s = printable(text)
    return "'" + s if s.startswith(_FORMULA_START) else s


def one_line(text: object) -> str:
    """Printable, with runs of whitespace (newlines included) folded to one space."""
    return " ".join(printable(unicodedata.normalize("NFC", str(text))).split())
