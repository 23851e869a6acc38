"""The error tree and exit codes: the core raises CostsimError, the CLI turns it into one line and exit 2."""

from __future__ import annotations

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
