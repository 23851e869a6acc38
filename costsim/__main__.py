"""`python -m costsim` runs the command-line tool."""

from costsim.cli.app import main

main()
