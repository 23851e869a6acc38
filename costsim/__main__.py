"""`python -m costsim` runs the command-line tool."""

from costsim.cli import main

main()
