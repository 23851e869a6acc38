"""What `costsim estimate` reads when no log is named: Claude Code's own log folder, if there is one."""

from __future__ import annotations

from rich.console import Console

from costsim.errors import ConfigError


def default_inputs(logs: list[str] | None, log_format: str | None, console: Console) -> list[str]:
    """The named logs; with none, Claude Code's folder when --log-format claude-code is given or the
    folder exists (said on stderr), else an error asking for a log."""
    if logs:
        return list(logs)
    from costsim.ingest.claude_code import default_folder  # the Claude Code reader only when it is asked for

    folder = default_folder()
    if log_format in (None, "claude-code") and folder.is_dir():
        console.print(f"reading Claude Code logs in {folder}", soft_wrap=True, markup=False)
        return [str(folder)]
    if log_format == "claude-code":
        raise ConfigError(f"no log named and Claude Code's folder {folder} does not exist "
                          "(name a folder, or set CLAUDE_CONFIG_DIR)")
    raise ConfigError("no log named: give log files, folders or globs (or - for stdin)")
