"""The error tree and exit codes: the core raises CostsimError, the CLI turns it into one line and exit 2."""

from __future__ import annotations

import json
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Documented exit codes: 0 ok, 1 a cap was exceeded (a result), 2 bad usage or bad input."""

    OK = 0
    CAP_EXCEEDED = 1
    BAD_INPUT = 2


class CostsimError(Exception):
    """A problem the user can fix: bad input, bad configuration, an unknown model.

    `where` is the file (and line, when there is one) the problem is in.
    """

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line

    @property
    def where(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


def shown(value, limit: int = 80) -> str:
    """A value read from a file, for a message, as it is written there: text quoted, anything else as JSON
    (`true`, `null`, `[1, 2]`, not Python's True and None), cut to `limit` characters."""
    if isinstance(value, str):
        text = repr(value)
    else:
        try:
            text = json.dumps(value, ensure_ascii=False, default=str)
        except (TypeError, ValueError, RecursionError):
            text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_text(path: str | Path, error: type[CostsimError] = CostsimError) -> str:
    """A file's text, read as UTF-8 with universal newlines (as `Path.read_text` reads it); a file that is
    missing, a folder or unreadable, or bytes that are not UTF-8 (named with their line), raise `error`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise error("file not found", path=path) from None
    except IsADirectoryError:
        raise error("is a folder, not a file", path=path) from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror or exc}", path=path) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise error(f"not UTF-8 text (byte 0x{data[exc.start]:02x})", path=path, line=line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def load_json(text: str | bytes):
    """`json.loads`, with a value nested more deeply than Python's parser goes (a RecursionError, which no
    reader would name) raised as the JSONDecodeError every reader already turns into file:line. A line that
    is not JSON is named without its newline, as the engines (which split lines at \\n) name it: a string
    the line leaves open is "Unterminated string", not "Invalid control character" (the \\n). Bytes are
    UTF-8 (JSON text is, RFC 8259; json.loads would guess UTF-16 or UTF-32 from a NUL among a line's first
    bytes), and one leading byte-order mark is passed over, so a line reads the same whichever a reader
    holds: text to the engines' odd lines, bytes to the line readers."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "surrogatepass")  # as json.loads decodes UTF-8
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return _loads(text)
    except json.JSONDecodeError:
        if not text.endswith("\n"):
            raise
    return _loads(text[:-1])


def _loads(text: str):
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested more deeply than costsim reads", text, 0) from None


class InputError(CostsimError):
    """A log, scenario or labeled file that cannot be read as promised."""


class PricingError(CostsimError):
    """A price table that breaks the schema, or a model that has no price."""


class UnknownModelError(PricingError):
    """A model id that no price table knows."""


class ConfigError(CostsimError):
    """A policy, scenario option or command-line value that makes no sense."""


class TokenizerError(CostsimError):
    """A shipped tokenizer file is missing, corrupted or unknown."""
