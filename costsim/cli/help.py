"""What `--help` shows: value names a user types (FILE, N, DATE, MODEL), not Python types.

Typer labels each value with its annotation (`<int range>`, `<list[str]>`, `{labeled}`); the command
and group classes here give every parameter a plain metavar instead, once, when help or parsing first
asks for the parameters — so options other commands add later get one too.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from costsim.cli.console import CLOSED_PIPE, handles_errors, quiet_closed_pipe

BY_NAME = {"as_of": "DATE", "since": "DATE", "until": "DATE", "tier1": "MODEL", "tier2": "MODEL", "tier3": "MODEL",
           "classifier_model": "MODEL", "what_if": "MODEL.PRICE=CHANGE", "distribution": "SHARES",
           "target_distribution": "SHARES", "currency": "CODE", "columns": "FIELD=HEADER,...", "models": "IDS"}


def plain_metavar(param) -> str:
    """The name of the value a parameter takes, as --help and usage lines show it."""
    if isinstance(param, TyperArgument):
        return param.name.upper() + ("..." if param.nargs != 1 else "")
    kind = param.type_descriptor
    if kind.is_choice:
        return "[" + "|".join(str(getattr(c, "value", c)) for c in kind.choices) + "]"
    if param.name in BY_NAME:
        return BY_NAME[param.name]
    annotation = kind.annotation
    if typing.get_origin(annotation) is list:
        annotation = typing.get_args(annotation)[0]
    if kind.is_path or annotation is Path:
        return "FILE"
    return {int: "N", float: "NUMBER"}.get(annotation, "TEXT")


def _plain(params: list) -> list:
    for param in params:
        if getattr(param, "_plain", False) or getattr(param, "is_flag", False) or not hasattr(param, "type_descriptor"):
            continue
        param.metavar = param.metavar or plain_metavar(param)
        if isinstance(param, TyperArgument):  # its name is its metavar: no type after it, no braces around it
            param.display_type_rich = lambda ctx: None
            shown = param.metavar if param.required else f"[{param.metavar}]"
            param._usage_display_name = lambda shown=shown: shown
        else:  # "[x>=0]" after the help is a Python range, not a sentence: the help says what is allowed
            param._get_number_range_help_str = lambda: None
        param._plain = True
    return params


PYDANTIC_WORDING = ((re.compile(r"^Value error, "), ""),
                    (re.compile(r"^Input should be a valid integer.*"), "expected a whole number"),
                    (re.compile(r"^Input should be a valid number.*"), "expected a number"),
                    (re.compile(r"^Input should be greater than or equal to (\S+)"), r"must be \1 or more"),
                    (re.compile(r"^Input should be less than or equal to (\S+)"), r"must be \1 or less"),
                    (re.compile(r"^Input should be "), "must be "))


def plain_message(message: str) -> str:
    """A value error as a sentence for people ("must be 1 or more"), not a validator's ("Value error, …")."""
    for pattern, words in PYDANTIC_WORDING:
        message = pattern.sub(words, message)
    return message


def _parse(parse, ctx, args):
    """Parse (and print --help, which happens while parsing) with plain messages; help into a closed
    pipe ends quietly (141), as a report does, instead of click's exit 1."""
    from typer._click.exceptions import UsageError

    try:
        return parse(ctx, args)
    except UsageError as exc:
        exc.message = plain_message(exc.message)
        raise
    except BrokenPipeError:
        quiet_closed_pipe()
        raise typer.Exit(CLOSED_PIPE) from None


class PlainCommand(TyperCommand):
    def get_params(self, ctx) -> list:
        return _plain(super().get_params(ctx))

    def parse_args(self, ctx, args):
        return _parse(super().parse_args, ctx, args)


@handles_errors  # its help into a closed pipe ends quietly too
def help_when_bare(ctx: typer.Context) -> None:
    """A group called with no command prints its help and exits 0: asking what there is is no mistake."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)


class PlainGroup(TyperGroup):
    def get_params(self, ctx) -> list:
        return _plain(super().get_params(ctx))

    def parse_args(self, ctx, args):
        return _parse(super().parse_args, ctx, args)
