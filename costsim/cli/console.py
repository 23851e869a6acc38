"""Where a command's output goes and how a run ends: the consoles (stdout trimmed of rich's padding,
stderr, `--out FILE`), a folder checked before the run, a closed pipe ended quietly, and the one error
boundary (a user's mistake is one line on stderr and exit 2)."""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from costsim.errors import ConfigError, CostsimError, ExitCode
from costsim.render.safe_text import printable

CLOSED_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a Unix tool whose reader went away (`| head`)


class _Console(Console):
    """rich's Console, except that a closed pipe is not its business: it exits 1 on one, and 1 means
    "a cap was crossed" here. The error boundary ends the run quietly instead."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


class Trimmed:
    """A text stream that drops the spaces rich pads each line with (titles and tables are padded to
    their width): output that is copied, diffed or pasted should not carry trailing blanks."""

    _TRAILING = re.compile(r" +((?:\x1b\[[0-9;]*m)*)(?=\n)")

    def __init__(self, stream) -> None:
        self._stream, self._pending = stream, ""

    def write(self, text: str) -> int:
        whole = self._pending + text
        body = whole.rstrip(" ")
        self._pending = whole[len(body):]  # spaces at the end of a chunk: kept until we know what follows
        self._stream.write(self._TRAILING.sub(r"\1", body))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name):  # isatty, fileno, encoding…: the wrapped stream's
        return getattr(self._stream, name)


def stderr() -> Console:
    return _Console(stderr=True, highlight=False)


def stdout() -> Console:
    return _Console(file=Trimmed(sys.stdout), highlight=False, soft_wrap=False)


@contextmanager
def output(out: Path | None = None) -> Iterator[Console]:
    """The console a report is drawn on: stdout, or `--out FILE` (plain, 120 columns, closed afterwards)."""
    if out is None:
        yield stdout()
        return
    with out.open("w", encoding="utf-8") as handle:
        yield _Console(file=Trimmed(handle), width=120, no_color=True, highlight=False)


def writable(path: Path | None, option: str = "--out") -> Path | None:
    """A file the run will write: its folder must exist (a typo in it should not cost a whole run)."""
    if path is not None and not path.parent.is_dir():
        raise ConfigError(f"{option} {str(path)!r}: folder {str(path.parent)!r} does not exist (create it first)")
    return path


def out_folder_exists(ctx: typer.Context, param: typer.CallbackParam, value):
    """Option callback: a missing folder is said at once, before the run (one line, exit 2)."""
    try:
        return writable(value, param.opts[0])
    except ConfigError as exc:
        stderr().print(f"error: {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(ExitCode.BAD_INPUT) from None


def quiet_closed_pipe() -> None:
    """The reader of stdout went away: point stdout at /dev/null so nothing more is said at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file descriptor (a test runner's stdout): nothing to flush into a pipe


def handles_errors(command):
    """The one error boundary: a CostsimError becomes one line on stderr and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except CostsimError as exc:
            stderr().print(f"error: {escape(printable(exc))}", soft_wrap=True)
            raise typer.Exit(ExitCode.BAD_INPUT) from None
        except typer.Exit:
            raise
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except BrokenPipeError:
            quiet_closed_pipe()
            raise typer.Exit(CLOSED_PIPE) from None
        except Exception as exc:  # a bug: say so in one line; COSTSIM_DEBUG=1 shows the traceback
            if os.environ.get("COSTSIM_DEBUG"):
                raise
            if isinstance(exc, OSError) and exc.filename is not None:  # a file the run reads or writes
                stderr().print(f"error: {escape(printable(exc.filename))}: {escape(printable(exc.strerror or exc))}",
                               soft_wrap=True)
                raise typer.Exit(ExitCode.BAD_INPUT) from None
            stderr().print(f"error: internal error ({type(exc).__name__}: {escape(printable(exc))}); "
                           "rerun with COSTSIM_DEBUG=1 and report it", soft_wrap=True)
            raise typer.Exit(ExitCode.BAD_INPUT) from None

    return wrapper
