"""The command line's root: the Typer app, `--version`, the order `--help` lists the commands in, and
main(). Each command module registers its commands on `app` (`@app.command`); the package face
(cli/__init__.py) imports them all, so the app is whole before it runs."""

from __future__ import annotations

import gc
import sys

import typer

from costsim.cli.console import CLOSED_PIPE, handles_errors, quiet_closed_pipe, stdout
from costsim.cli.help import PlainGroup, help_when_bare
from costsim.version import __version__

# the order `costsim --help` lists the commands in
COMMANDS = ("compare", "estimate", "sweep", "check", "diff", "classify", "evaluate", "train", "models", "pricing")


class Commands(PlainGroup):
    """The root group: its commands in COMMANDS order, whatever order their modules were imported in."""

    def list_commands(self, ctx) -> list[str]:
        known = [name for name in COMMANDS if name in self.commands]
        return known + sorted(name for name in self.commands if name not in COMMANDS)


app = typer.Typer(
    name="costsim",
    cls=Commands,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback(invoke_without_command=True,
              help="What smart model routing would cost and save — offline, from your own request logs or a "
                   "planned task mix.")
@handles_errors
def root(ctx: typer.Context,
         version: bool = typer.Option(False, "--version", is_eager=True, help="Print costsim's version and exit.")):
    """Bare `costsim` is a request for help, not a mistake: it prints the help and exits 0."""
    if version:
        stdout().file.write(f"costsim {__version__}\n")
        raise typer.Exit(0)
    help_when_bare(ctx)


def main() -> None:
    """Console-script entry point. A reader that goes away (`| head`) ends the run quietly (exit 141).

    The objects the imports made live as long as the process, and so do those a run leaves when it ends:
    both are frozen (`gc.freeze`), so the garbage collector does not walk them again and again, nor once
    more at exit (together ~0.1-0.15 CPU-s of an estimate of 1M records)."""
    gc.freeze()
    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # here, not at interpreter exit, where a closed pipe prints a traceback
            gc.freeze()
    except BrokenPipeError:
        quiet_closed_pipe()
        sys.exit(CLOSED_PIPE)
